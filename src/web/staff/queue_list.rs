//! A queue's list: a page of 50 entries, filtered on what the server may read, each with its
//! sealed summary opened in the session (`casework::summaries`), its last activity, what is new
//! and who claimed it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use fluent_bundle::FluentArgs;

use super::forms::{fail, redirect};
use super::reports::short;
use super::session::principal;
use crate::casework::summaries;
use crate::domain::workflow::EntryStatus;
use crate::domain::zawgyi;
use crate::domain::{CountryCode, Summary};
use crate::locale::{args, Tr};
use crate::store::Entry;
use crate::trust::accounts::Principal;
use crate::web::shared::assets;
use crate::web::shared::list_query::{
    is_overdue, overdue_before, path_safe, Claim, Filters, Sent, PRIORITIES,
};
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

/// What the page says was just done, from the marker the action's redirect carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    /// A wave closed as not genuine: how many closed, and how many of the selected were left.
    WaveClosed { closed: u32, kept: u32 },
}

impl Done {
    fn parse(sent: &Sent) -> Option<Done> {
        let count = |v: &Option<String>| v.as_deref().and_then(|n| n.parse::<u32>().ok());
        match sent.done.as_deref()? {
            "wave_closed" => Some(Done::WaveClosed {
                closed: count(&sent.n)?,
                kept: count(&sent.kept).unwrap_or(0),
            }),
            _ => None,
        }
    }

    fn message(self, tr: &Tr) -> String {
        let counted = |key: &str, n: u32| {
            let mut a = FluentArgs::new();
            a.set("count", n);
            tr.t_with(key, &a)
        };
        match self {
            Done::WaveClosed { closed, kept } => {
                let mut said = counted("staff-wave-done", closed);
                if kept > 0 {
                    said.push(' ');
                    said.push_str(&counted("staff-wave-kept", kept));
                }
                said
            }
        }
    }
}

pub(super) struct EntryView {
    report_id: String,
    short_id: String,
    priority: String,
    priority_label: String,
    status: String,
    received: String,
    assignee: Option<String>,
    overdue: bool,
    unread: i64,
    /// The summary's lines: where, who, who reported and why it is urgent; empty without one.
    place: String,
    person: String,
    reasons: String,
    has_summary: bool,
    activity: Option<String>,
    select_label: String,
}

/// An option of a filter's select: its value, its label, whether it is chosen.
type Choice = (String, String, bool);

#[derive(Template)]
#[template(path = "queue.html")]
pub(super) struct QueuePage {
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    queue: String,
    entries: Vec<EntryView>,
    statuses: Vec<Choice>,
    priorities: Vec<Choice>,
    claims: Vec<Choice>,
    overdue: bool,
    unread: bool,
    filtered: bool,
    page_label: String,
    previous: Option<String>,
    next: Option<String>,
    clear: String,
    done: Option<String>,
}

#[tracing::instrument(skip_all)]
pub async fn queue_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    let sent = Sent::parse(req.query_string());
    let filters = Filters::parse(&sent);
    let now = crate::store::now();
    let overdue_before = overdue_before(now, &state.ack_targets);
    let query = filters.query(&who.account_id, now, &state.ack_targets);
    let listing = summaries::page(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        &query,
    )
    .await
    .map_err(|e| fail(&state, &req, e))?;
    let tr = state.staff_tr(&req, &who);
    let names = member_names(&state, &who).await;
    let previous = listing
        .entries
        .first()
        .filter(|_| filters.page > 1)
        .map(|(first, _)| filters.previous_href(&queue, first));
    let next = listing
        .entries
        .last()
        .filter(|_| listing.more)
        .map(|(last, _)| filters.next_href(&queue, last));
    let entries = listing
        .entries
        .into_iter()
        .map(|(e, summary)| entry_view(&tr, &who, &names, now, &overdue_before, e, summary))
        .collect();
    let any = || (String::new(), tr.t("staff-filter-any"), false);
    let statuses = std::iter::once(any())
        .chain(EntryStatus::ALL.iter().map(|s| {
            (
                s.code().to_owned(),
                tr.t(&format!("entry-status-{}", s.code())),
                filters.status == Some(*s),
            )
        }))
        .collect();
    let priorities = std::iter::once(any())
        .chain(PRIORITIES.iter().enumerate().map(|(rank, p)| {
            (
                (*p).to_owned(),
                tr.t(&format!("staff-priority-{p}")),
                filters.priority == Some(rank),
            )
        }))
        .collect();
    let claims = vec![
        any(),
        (
            "mine".into(),
            tr.t("staff-filter-claim-mine"),
            filters.claim == Some(Claim::Mine),
        ),
        (
            "unclaimed".into(),
            tr.t("staff-filter-claim-unclaimed"),
            filters.claim == Some(Claim::Unclaimed),
        ),
    ];
    let mut page_number = FluentArgs::new();
    page_number.set("n", filters.page);
    let page = QueuePage {
        page_label: tr.t_with("staff-page-number", &page_number),
        previous,
        next,
        clear: format!("/queues/{}", path_safe(&queue)),
        filtered: filters.is_filtered(),
        overdue: filters.overdue,
        unread: filters.unread,
        done: Done::parse(&sent).map(|d| d.message(&tr)),
        statuses,
        priorities,
        claims,
        entries,
        csrf: who.csrf.clone(),
        queue: queue.into_inner(),
        stylesheet: assets::STYLESHEET_PATH,
        tr,
    };
    Ok(html(StatusCode::OK, page.render()))
}

/// The usernames of the person's organisation, to say who claimed an entry. A name that cannot
/// be read leaves the short id, never an error page.
async fn member_names(state: &AppState, who: &Principal) -> Vec<(String, String)> {
    let Some(org) = who.organisation_id.as_deref() else {
        return Vec::new();
    };
    state
        .intake
        .store
        .members(org)
        .await
        .map(|members| {
            members
                .into_iter()
                .map(|m| (m.account_id, m.username))
                .collect()
        })
        .unwrap_or_default()
}

fn entry_view(
    tr: &Tr,
    who: &Principal,
    names: &[(String, String)],
    now: i64,
    overdue_before: &[i64; 3],
    e: Entry,
    summary: Option<Summary>,
) -> EntryView {
    let assignee = e.assignee.as_deref().map(|id| {
        let name = if id == who.account_id {
            tr.t("staff-mine")
        } else {
            names
                .iter()
                .find(|(account, _)| account == id)
                .map_or_else(|| short(id), |(_, name)| name.clone())
        };
        tr.t_with("staff-claimed-by", &args(&[("name", name)]))
    });
    let (place, person, reasons) = summary.as_ref().map(|s| lines(tr, s)).unwrap_or_default();
    EntryView {
        select_label: tr.t_with("staff-select-report", &args(&[("id", short(&e.report_id))])),
        short_id: short(&e.report_id),
        priority_label: tr.t(&format!("staff-priority-{}", e.priority)),
        received: tr.date_time(e.added_at),
        overdue: is_overdue(&e, overdue_before),
        status: match e.consent_withdrawn_at {
            Some(_) => tr.t("staff-entry-consent-closed"),
            None => tr.t(&format!("entry-status-{}", e.status)),
        },
        activity: e
            .last_activity
            .as_ref()
            .map(|(kind, at)| activity(tr, kind, *at, now)),
        has_summary: summary.is_some(),
        place,
        person,
        reasons,
        assignee,
        report_id: e.report_id,
        priority: e.priority,
        unread: e.unread,
    }
}

/// A country's name in the reader's language (the reporter form's list), or its code.
fn country(tr: &Tr, code: &CountryCode) -> String {
    let key = format!("country-{}", code.as_str());
    if tr.catalogs.has(tr.lang, &key) {
        tr.t(&key)
    } else {
        code.as_str().to_owned()
    }
}

/// A summary's three lines: where, who (and who reported), and the heaviest reasons.
pub(super) fn lines(tr: &Tr, s: &Summary) -> (String, String, String) {
    let shown = |t: &crate::domain::text::Text| zawgyi::for_display(t.as_str()).text().to_owned();
    let place = [
        s.place.compound.as_ref().map(shown),
        s.place.city.as_ref().map(shown),
        s.place.country.as_ref().map(|c| country(tr, c)),
    ];
    let age = s
        .person
        .age
        .map(|age| tr.t_with("staff-summary-age", &args(&[("age", age.to_string())])))
        .or_else(|| {
            s.person
                .age_range
                .map(|r| tr.t(&format!("choice-age_range-{}", r.code())))
        });
    let facts = s.report.as_ref();
    let others = facts.and_then(|f| f.others).filter(|n| *n > 0).map(|n| {
        let mut a = FluentArgs::new();
        a.set("n", n);
        tr.t_with("staff-summary-others", &a)
    });
    let reported_by = facts
        .and_then(|f| f.reported_by)
        .map(|r| tr.t(&format!("staff-reported-by-{}", r.code())));
    let phoned = facts
        .is_some_and(|f| f.phoned)
        .then(|| tr.t("staff-filed-by-hotline"));
    let person = [
        s.person.nationality.as_ref().map(|c| country(tr, c)),
        age,
        others,
        reported_by,
        phoned,
    ];
    let reasons: Vec<String> = facts
        .map(|f| f.reasons.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|i| tr.t(&format!("choice-indicator-{}", i.code())))
        .collect();
    let join = |parts: &[Option<String>]| {
        parts
            .iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ")
    };
    (join(&place), join(&person), reasons.join(" · "))
}

/// "the reporter wrote 2 hours ago": item times are kept to the hour, so is this.
fn activity(tr: &Tr, kind: &str, at: i64, now: i64) -> String {
    let hours = (now - at).max(0) / 3600;
    let ago = match hours {
        0 => tr.t("staff-ago-hour"),
        1..=47 => {
            let mut a = FluentArgs::new();
            a.set("n", hours);
            tr.t_with("staff-ago-hours", &a)
        }
        _ => {
            let mut a = FluentArgs::new();
            a.set("n", hours / 24);
            tr.t_with("staff-ago-days", &a)
        }
    };
    tr.t_with(&format!("staff-activity-{kind}"), &args(&[("ago", ago)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_markers_say_what_was_done() {
        let sent = |q: &str| Sent::parse(q);
        assert_eq!(
            Done::parse(&sent("done=wave_closed&n=30&kept=2")),
            Some(Done::WaveClosed {
                closed: 30,
                kept: 2
            })
        );
        assert_eq!(Done::parse(&sent("done=<script>&n=1")), None);
        assert_eq!(Done::parse(&sent("done=wave_closed&n=many")), None);
    }
}
