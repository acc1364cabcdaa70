//! The sealed summaries a queue list shows: made at intake, or, for reports sealed on a device and
//! reports from before summaries, the first time a responder opens the report (`missing`); and
//! opened a page at a time for a member listing the queue, with one audit entry per listing
//! naming the reports whose summaries were opened (`page`; `of_reports` for a page that lists
//! chosen reports, as the desk's early destruction does).

use std::collections::HashMap;

use uuid::Uuid;

use crate::casework::opening::{open_stored, OpenedItem};
use crate::crypto::PrivateKey;
use crate::domain::{Audience, ItemKind, Summary};
use crate::store::{Entry, ListQuery, Seek, StoredItem};
use crate::trust::accounts::Principal;
use crate::trust::audit::Audit;
use crate::trust::receivers::Receivers;
use crate::trust::WorkspaceError;

/// The summaries a report opened by a queue still lacks, made from what the queue just opened:
/// the NGO audience's (from the report and its triage) when the queue reads the whole report,
/// and the projection's (from its latest version) for every queue. Nothing for an audience
/// whose source is not there or says nothing a list could show.
pub fn missing(items: &[OpenedItem], reads_whole_report: bool) -> Vec<(Audience, Summary)> {
    let has = |audience| {
        items
            .iter()
            .any(|i| i.is(ItemKind::Summary) && i.audience == audience)
    };
    let json = |kind| {
        items
            .iter()
            .rev()
            .find(|i| i.is(kind))
            .and_then(|i| serde_json::from_slice::<serde_json::Value>(&i.plaintext).ok())
    };
    let mut made = Vec::new();
    if reads_whole_report && !has(Audience::Ngo) {
        if let Some(report) = json(ItemKind::Report) {
            made.push((
                Audience::Ngo,
                Summary::of_report(&report, json(ItemKind::Triage).as_ref()),
            ));
        }
    }
    if !has(Audience::Projection) {
        if let Some(projection) = json(ItemKind::Projection) {
            made.push((Audience::Projection, Summary::of_projection(&projection)));
        }
    }
    made.retain(|(_, summary)| !summary.is_empty());
    made
}

/// A page of a queue's list, each entry with its summary if it has one yet.
pub struct Listing {
    pub entries: Vec<(Entry, Option<Summary>)>,
    /// Whether a further page follows.
    pub more: bool,
}

/// One page of `queue`'s entries by `query` (its `limit` entries from its `offset`), with the
/// summaries of those entries opened with the member's copy of the queue key.
#[tracing::instrument(skip_all, fields(queue = %queue))]
pub async fn page(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    query: &ListQuery<'_>,
) -> Result<Listing, WorkspaceError> {
    let store = receivers.store;
    let keys = crate::trust::rotation::held_keys(store, who, queue).await?;
    // A suspended, held or undeclared queue reads nothing, its list's summaries included.
    if !receivers.receives(queue).await? {
        return Err(WorkspaceError::OnHold);
    }
    let one_more = ListQuery {
        limit: query.limit + 1,
        ..query.clone()
    };
    let mut entries = store.list_entries(queue, &one_more).await?;
    let extra = entries.len() as i64 > query.limit;
    // Going back, the extra entry is the one before the page, and what follows the page is
    // the entry the cursor names.
    let more = match query.seek {
        Some(Seek::Before(_)) => {
            if extra {
                entries.remove(0);
            }
            true
        }
        _ => {
            entries.truncate(usize::try_from(query.limit).unwrap_or(0));
            extra
        }
    };
    let ids: Vec<&str> = entries
        .iter()
        .filter(|e| e.consent_withdrawn_at.is_none())
        .map(|e| e.report_id.as_str())
        .collect();
    let mut summaries = of_reports(receivers, audit, who, queue, &keys, &ids).await?;
    Ok(Listing {
        entries: entries
            .into_iter()
            .map(|e| {
                let summary = summaries.remove(&e.report_id);
                (e, summary)
            })
            .collect(),
        more,
    })
}

/// The summaries `queue` holds of `reports`, opened with `keys` (the member's copies of the
/// queue's keys, `rotation::held_keys`), after one audit entry (`queue_listed`) naming the
/// reports whose summaries are opened. The caller has checked that the queue stands.
pub async fn of_reports(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    keys: &[PrivateKey],
    reports: &[&str],
) -> Result<HashMap<String, Summary>, WorkspaceError> {
    let stored = receivers.store.summaries(queue, reports).await?;
    if stored.is_empty() {
        return Ok(HashMap::new());
    }
    let mut listed: Vec<&str> = stored.iter().map(|(r, _)| r.as_str()).collect();
    listed.sort_unstable();
    listed.dedup();
    // Recorded before anything is opened, so an opening is never missing from the log; to the
    // hour, since the first listing that names a report would otherwise date its arrival to the
    // minute.
    audit
        .record_to_the_hour(
            &who.account_id,
            "queue_listed",
            &format!("queue:{queue} reports:{}", listed.join(",")),
        )
        .await?;
    let keys: Vec<&PrivateKey> = keys.iter().collect();
    Ok(opened(stored, &keys))
}

/// Each report's summary: the NGO audience's where the queue holds one, else the projection's;
/// the latest of that audience. One that does not open or read is left out, not an error: the
/// list still shows the entry.
fn opened(stored: Vec<(String, StoredItem)>, keys: &[&PrivateKey]) -> HashMap<String, Summary> {
    let mut best: HashMap<String, (bool, i64, Summary)> = HashMap::new();
    for (report, item) in stored {
        let Ok(id) = Uuid::parse_str(&report) else {
            continue;
        };
        let Ok(mut opened) = open_stored(std::slice::from_ref(&item), id, keys) else {
            tracing::warn!("a summary did not open");
            continue;
        };
        let Some(opened) = opened.pop() else { continue };
        let Ok(summary) = serde_json::from_slice::<Summary>(&opened.plaintext) else {
            tracing::warn!("a summary did not read");
            continue;
        };
        let rank = (opened.audience == Audience::Ngo, opened.position);
        if best
            .get(&report)
            .is_none_or(|(ngo, position, _)| rank > (*ngo, *position))
        {
            best.insert(report, (rank.0, rank.1, summary));
        }
    }
    best.into_iter().map(|(r, (_, _, s))| (r, s)).collect()
}
