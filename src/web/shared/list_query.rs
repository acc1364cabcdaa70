//! A queue list's query as its address carries it (filters and page), parsed at the edge: what
//! does not parse is dropped, and the list shows what the rest asks for. The staff page and the
//! JSON API read the same query.

use crate::config::AckTargets;
use crate::domain::workflow::EntryStatus;
use crate::store::{ClaimFilter, Entry, ListQuery};

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
    /// From 1.
    pub page: u32,
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
            offset: i64::from(self.page.saturating_sub(1)) * PAGE,
            limit: PAGE,
        }
    }

    /// This list's address on page `page`.
    pub fn href(&self, queue: &str, page: u32) -> String {
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
        format!("/queues/{}?{}", path_safe(queue), query.finish())
    }

    pub fn is_filtered(&self) -> bool {
        Filters {
            page: self.page,
            ..Filters::default()
        } != *self
    }
}

/// Whether an entry of this class, status and hour is still new past its class's target
/// (`overdue_before`'s times).
pub fn is_overdue(entry: &Entry, overdue_before: &[i64; 3]) -> bool {
    let rank = PRIORITIES
        .iter()
        .position(|p| *p == entry.priority)
        .unwrap_or(PRIORITIES.len() - 1);
    entry.status == "new" && entry.added_at < overdue_before[rank]
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
            f.href("desk", 2),
            "/queues/desk?status=new&claim=unclaimed&unread=1&page=2"
        );
    }
}
