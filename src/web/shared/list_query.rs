//! A queue list's query as its address carries it (filters and page), parsed at the edge: what
//! does not parse is dropped, and the list shows what the rest asks for. The staff page and the
//! JSON API read the same query.

use crate::config::AckTargets;
use crate::domain::workflow::EntryStatus;
use crate::store::{ClaimFilter, Cursor, Entry, ListQuery, Seek};

/// Entries on one page of a queue's list.
pub const PAGE: i64 = 50;

/// The classes, in the list's order: their rank is their position.
pub const PRIORITIES: [&str; 3] = ["critical", "high", "normal"];

/// The list's query as sent: anything that does not parse is dropped, and the list shows what
/// the rest asks for (the filter form then shows it unset).
#[derive(Debug, Default)]
pub struct Sent {
    status: Option<String>,
    priority: Option<String>,
    claim: Option<String>,
    overdue: Option<String>,
    unread: Option<String>,
    page: Option<String>,
    after: Option<String>,
    before: Option<String>,
    /// What a redirect says was just done, and how many: the page reads these.
    pub done: Option<String>,
    pub n: Option<String>,
    pub kept: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    Mine,
    Unclaimed,
}

/// What the list is filtered on, parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub status: Option<EntryStatus>,
    /// Its rank: its position in `PRIORITIES`.
    pub priority: Option<usize>,
    pub claim: Option<Claim>,
    pub overdue: bool,
    pub unread: bool,
    /// From 1: the number the page shows. With `seek`, the page starts there, read off the
    /// index; without, it is counted from the list's start.
    pub page: u32,
    pub seek: Option<Seek>,
}

impl Sent {
    /// The first value of each known key; unknown keys are ignored.
    pub fn parse(query: &str) -> Sent {
        let mut sent = Sent::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let slot = match key.as_ref() {
                "status" => &mut sent.status,
                "priority" => &mut sent.priority,
                "claim" => &mut sent.claim,
                "overdue" => &mut sent.overdue,
                "unread" => &mut sent.unread,
                "page" => &mut sent.page,
                "after" => &mut sent.after,
                "before" => &mut sent.before,
                "done" => &mut sent.done,
                "n" => &mut sent.n,
                "kept" => &mut sent.kept,
                _ => continue,
            };
            slot.get_or_insert_with(|| value.into_owned());
        }
        sent
    }
}

impl Filters {
    pub fn parse(sent: &Sent) -> Filters {
        let on = |v: &Option<String>| v.as_deref() == Some("1");
        Filters {
            status: sent
                .status
                .as_deref()
                .and_then(|s| EntryStatus::parse(s).ok()),
            priority: sent
                .priority
                .as_deref()
                .and_then(|p| PRIORITIES.iter().position(|known| *known == p)),
            claim: match sent.claim.as_deref() {
                Some("mine") => Some(Claim::Mine),
                Some("unclaimed") => Some(Claim::Unclaimed),
                _ => None,
            },
            overdue: on(&sent.overdue),
            unread: on(&sent.unread),
            page: sent
                .page
                .as_deref()
                .and_then(|p| p.parse().ok())
                .filter(|p| (1..=100_000).contains(p))
                .unwrap_or(1),
            seek: match (sent.after.as_deref(), sent.before.as_deref()) {
                (Some(after), _) => parse_cursor(after).map(Seek::After),
                (None, Some(before)) => parse_cursor(before).map(Seek::Before),
                (None, None) => None,
            },
        }
    }

    /// The store's query for this page of the list, for `account`, at `now`.
    pub fn query<'a>(&self, account: &'a str, now: i64, targets: &AckTargets) -> ListQuery<'a> {
        ListQuery {
            status: self.status.map(EntryStatus::code),
            priority_rank: self.priority.and_then(|p| i16::try_from(p).ok()),
            claim: match self.claim {
                None => ClaimFilter::Any,
                Some(Claim::Mine) => ClaimFilter::By(account),
                Some(Claim::Unclaimed) => ClaimFilter::Unclaimed,
            },
            overdue_before: self.overdue.then(|| overdue_before(now, targets)),
            unread_only: self.unread,
            seek: self.seek.clone(),
            offset: match self.seek {
                Some(_) => 0,
                None => i64::from(self.page.saturating_sub(1)) * PAGE,
            },
            limit: PAGE,
        }
    }

    /// The address of the page after the one whose last entry is `last`.
    pub fn next_href(&self, queue: &str, last: &Entry) -> String {
        self.href(
            queue,
            self.page.saturating_add(1),
            Some(&Seek::After(cursor_of(last))),
        )
    }

    /// The address of the page before the one whose first entry is `first`: the list's start
    /// for the first page, whatever was added to it since.
    pub fn previous_href(&self, queue: &str, first: &Entry) -> String {
        let page = self.page.saturating_sub(1).max(1);
        let seek = (page > 1).then(|| Seek::Before(cursor_of(first)));
        self.href(queue, page, seek.as_ref())
    }

    /// This list's address on page `page`, starting where `seek` says.
    pub fn href(&self, queue: &str, page: u32, seek: Option<&Seek>) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if let Some(status) = self.status {
            query.append_pair("status", status.code());
        }
        if let Some(p) = self.priority.and_then(|p| PRIORITIES.get(p)) {
            query.append_pair("priority", p);
        }
        match self.claim {
            Some(Claim::Mine) => {
                query.append_pair("claim", "mine");
            }
            Some(Claim::Unclaimed) => {
                query.append_pair("claim", "unclaimed");
            }
            None => {}
        }
        if self.overdue {
            query.append_pair("overdue", "1");
        }
        if self.unread {
            query.append_pair("unread", "1");
        }
        query.append_pair("page", &page.to_string());
        match seek {
            Some(Seek::After(c)) => query.append_pair("after", &cursor_text(c)),
            Some(Seek::Before(c)) => query.append_pair("before", &cursor_text(c)),
            None => &mut query,
        };
        format!("/queues/{}?{}", path_safe(queue), query.finish())
    }

    pub fn is_filtered(&self) -> bool {
        Filters {
            page: self.page,
            seek: self.seek.clone(),
            ..Filters::default()
        } != *self
    }
}

/// An entry's place in the list's order, as a page's address carries it.
pub fn cursor_of(entry: &Entry) -> Cursor {
    Cursor {
        rank: i16::try_from(rank_of(&entry.priority)).unwrap_or(2),
        added_at: entry.added_at,
        report_id: entry.report_id.clone(),
    }
}

/// `rank.added_at.report`: what a link shows of an entry the list already showed.
fn cursor_text(cursor: &Cursor) -> String {
    format!("{}.{}.{}", cursor.rank, cursor.added_at, cursor.report_id)
}

fn parse_cursor(text: &str) -> Option<Cursor> {
    let mut parts = text.splitn(3, '.');
    let rank: i16 = parts.next()?.parse().ok()?;
    let added_at: i64 = parts.next()?.parse().ok()?;
    let report = uuid::Uuid::parse_str(parts.next()?).ok()?;
    (0..PRIORITIES.len() as i16)
        .contains(&rank)
        .then(|| Cursor {
            rank,
            added_at,
            report_id: report.to_string(),
        })
}

/// Whether an entry of this class, status and hour is still new past its class's target
/// (`overdue_before`'s times).
pub fn is_overdue(entry: &Entry, overdue_before: &[i64; 3]) -> bool {
    entry.status == "new" && entry.added_at < overdue_before[rank_of(&entry.priority)]
}

/// A class's rank, its position in `PRIORITIES`; normal for a class it does not know.
fn rank_of(priority: &str) -> usize {
    PRIORITIES
        .iter()
        .position(|p| *p == priority)
        .unwrap_or(PRIORITIES.len() - 1)
}

/// When an entry of each class, still new, became overdue: received before these times.
pub fn overdue_before(now: i64, targets: &AckTargets) -> [i64; 3] {
    PRIORITIES.map(|p| now - targets.minutes(p) * 60)
}

/// A queue id in a path: ids are checked at configuration to be URL-safe, so this only guards.
pub fn path_safe(queue: &str) -> String {
    queue
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(query: &str) -> Sent {
        Sent::parse(query)
    }

    #[test]
    fn filters_parse_what_they_know_and_drop_the_rest() {
        let f = Filters::parse(&sent(
            "status=new&priority=critical&claim=mine&overdue=1&unread=1&page=3",
        ));
        assert_eq!(f.status, Some(EntryStatus::New));
        assert_eq!(f.priority, Some(0));
        assert_eq!(f.claim, Some(Claim::Mine));
        assert!(f.overdue && f.unread);
        assert_eq!(f.page, 3);
        let odd = Filters::parse(&sent(
            "status=lost&priority=urgent&claim=yours&page=-1&overdue=yes",
        ));
        assert_eq!(
            odd,
            Filters {
                page: 1,
                ..Filters::default()
            }
        );
        assert!(!odd.is_filtered());
        assert_eq!(Filters::parse(&sent("page=999999999999")).page, 1);
    }

    #[test]
    fn a_page_link_keeps_the_filters() {
        let f = Filters::parse(&sent("status=new&claim=unclaimed&unread=1"));
        assert_eq!(
            f.href("desk", 2, None),
            "/queues/desk?status=new&claim=unclaimed&unread=1&page=2"
        );
    }

    fn entry(priority: &str, added_at: i64, report_id: &str) -> Entry {
        Entry {
            report_id: report_id.into(),
            priority: priority.into(),
            status: "new".into(),
            added_at,
            assignee: None,
            unread: 0,
            consent_withdrawn_at: None,
            last_activity: None,
        }
    }

    #[test]
    fn the_next_and_previous_pages_start_at_the_entries_the_page_shows() {
        let report = "0f6c2f1e-8d3b-4c55-9a7e-3a1b2c3d4e5f";
        let f = Filters::parse(&sent("claim=unclaimed&page=3"));
        let next = f.next_href("desk", &entry("high", 1_796_212_800, report));
        assert_eq!(
            next,
            format!("/queues/desk?claim=unclaimed&page=4&after=1.1796212800.{report}")
        );
        let query = next.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let followed = Filters::parse(&sent(query));
        assert_eq!(followed.page, 4);
        let cursor = Cursor {
            rank: 1,
            added_at: 1_796_212_800,
            report_id: report.into(),
        };
        assert_eq!(followed.seek, Some(Seek::After(cursor.clone())));
        let targets = AckTargets {
            critical_minutes: 1,
            high_minutes: 1,
            normal_minutes: 1,
        };
        assert_eq!(followed.query("a", 0, &targets).offset, 0);

        let back = followed.previous_href("desk", &entry("high", 1_796_212_800, report));
        assert!(
            back.ends_with(&format!("page=3&before=1.1796212800.{report}")),
            "{back}"
        );
        // Back to the first page is the list's start, not a cursor.
        let second = Filters::parse(&sent("page=2&before=0.1.x"));
        assert_eq!(second.seek, None, "a cursor that does not parse is dropped");
        assert_eq!(
            second.previous_href("desk", &entry("critical", 5, report)),
            "/queues/desk?page=1"
        );
    }

    #[test]
    fn a_cursor_that_is_not_one_is_dropped() {
        let report = "0f6c2f1e-8d3b-4c55-9a7e-3a1b2c3d4e5f";
        for bad in [
            format!("3.1.{report}"),
            format!("-1.1.{report}"),
            format!("0.x.{report}"),
            "0.1.not-a-uuid".to_owned(),
            "0.1".to_owned(),
            format!("0.1.{report}' OR 1=1"),
        ] {
            let f = Filters::parse(&sent(&format!("after={}", urlencode(&bad))));
            assert_eq!(f.seek, None, "{bad}");
        }
        let upper = report.to_uppercase();
        let f = Filters::parse(&sent(&format!("after=2.7.{upper}")));
        assert_eq!(
            f.seek,
            Some(Seek::After(Cursor {
                rank: 2,
                added_at: 7,
                report_id: report.into()
            }))
        );
    }

    fn urlencode(text: &str) -> String {
        form_urlencoded::byte_serialize(text.as_bytes()).collect()
    }
}
