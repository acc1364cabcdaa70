//! What a report's page shows beside its sealed items: its entry's changes in this queue (claims,
//! releases, status changes, as the audit log records them, with who made them), which
//! organisation wrote each reply, and when each item was written to the hour. Exact times are
//! sealed inside the items; the audit log keeps staff actions' own times, which say nothing of
//! the reporter.

use std::collections::HashMap;

use uuid::Uuid;

use crate::store::AuditRow;
use crate::trust::accounts::Principal;
use crate::trust::receivers::Receivers;
use crate::trust::WorkspaceError;

/// One change of a queue's entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryChange {
    pub at: i64,
    /// The audit entry's place in the log: orders changes and what was written within a second.
    pub seq: i64,
    /// The member who made it, by the name the workspace lists members by; `None` for an
    /// account no longer a member of the queue's organisation.
    pub by: Option<String>,
    pub status: String,
    pub assignee: Option<String>,
    pub outcome: Option<String>,
}

/// What a member wrote to the report from a queue (a reply, a note, a referral, a projection
/// version), as the audit log records it in the item's own transaction: when, in which order,
/// and from which organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The audit action: `reply_sent`, `note_added`, `report_referred`, `projection_issued`.
    pub action: String,
    pub at: i64,
    pub seq: i64,
    pub organisation: String,
    /// The item written, where the entry names it (entries from before it did do not).
    pub item: Option<Uuid>,
}

/// The audit actions of what members write, as items, to a report.
const WRITTEN: [&str; 4] = [
    "reply_sent",
    "note_added",
    "report_referred",
    "projection_issued",
];

pub struct History {
    /// This queue's entry's changes, in order.
    pub changes: Vec<EntryChange>,
    /// What members of any queue holding the report wrote to it, in order: to say which
    /// organisation wrote a reply, and to place what was written among the entry's changes.
    pub written: Vec<Written>,
    /// When each item was written, to the hour.
    pub hours: HashMap<Uuid, i64>,
    /// The queue's organisation's members: account id to name, to say who holds a claim.
    pub names: HashMap<String, String>,
}

/// The status, assignee and outcome an `entry_changed` subject records.
fn changed_to(subject: &str) -> Option<(String, Option<String>, Option<String>)> {
    let mut status = None;
    let mut assignee = None;
    let mut outcome = None;
    for part in subject.split(' ') {
        if let Some(v) = part.strip_prefix("status:") {
            status = Some(v.to_owned());
        } else if let Some(v) = part.strip_prefix("assignee:") {
            assignee = (v != "-").then(|| v.to_owned());
        } else if let Some(v) = part.strip_prefix("outcome:") {
            outcome = (v != "-").then(|| v.to_owned());
        }
    }
    Some((status?, assignee, outcome))
}

/// Whether a `wave_closed` subject names `report` among the reports it closed (the store's
/// search is a substring's; this reads the list).
fn wave_names(subject: &str, report: &str) -> bool {
    subject
        .split(' ')
        .filter_map(|part| part.strip_prefix("reports:"))
        .flat_map(|list| list.split(','))
        .any(|id| id == report)
}

/// The entry's changes from its own `entry_changed` entries and the waves that closed it, in
/// the log's order. A wave's one entry names every report it closed as not genuine; it leaves
/// the claim as it was.
fn changes(
    own: &[AuditRow],
    waves: &[AuditRow],
    report: &str,
    names: &HashMap<String, String>,
) -> Vec<EntryChange> {
    let mut rows: Vec<&AuditRow> = own
        .iter()
        .chain(waves.iter().filter(|w| wave_names(&w.subject, report)))
        .collect();
    rows.sort_by_key(|row| row.seq);
    let mut out: Vec<EntryChange> = Vec::with_capacity(rows.len());
    for row in rows {
        let (status, assignee, outcome) = if row.action == "wave_closed" {
            let assignee = out.last().and_then(|c| c.assignee.clone());
            let outcome = crate::casework::waves::NOT_GENUINE.code().to_owned();
            ("closed".to_owned(), assignee, Some(outcome))
        } else {
            let Some(changed) = changed_to(&row.subject) else {
                continue;
            };
            changed
        };
        out.push(EntryChange {
            at: row.at,
            seq: row.seq,
            by: names.get(&row.actor).cloned(),
            status,
            assignee,
            outcome,
        });
    }
    out
}

/// The history of `report`'s entry in `queue`, for a member holding the queue's key.
#[tracing::instrument(skip_all, fields(queue = %queue, report = %report))]
pub async fn history(
    receivers: Receivers<'_>,
    who: &Principal,
    queue: &str,
    report: Uuid,
) -> Result<History, WorkspaceError> {
    let store = receivers.store;
    let (row, _) =
        crate::casework::workspace::entry_as_it_stands(receivers, who, queue, report).await?;
    let report_id = report.to_string();
    let names: HashMap<String, String> = store
        .members(&row.organisation_id)
        .await?
        .into_iter()
        .map(|m| (m.account_id, m.username))
        .collect();
    let own = store
        .audit_of_entry(queue, &report_id, &["entry_changed"])
        .await?;
    let waves = store.waves_closing(queue, &report_id).await?;
    let organisations: HashMap<String, String> = store
        .organisations()
        .await?
        .into_iter()
        .map(|(id, name, _)| (id, name))
        .collect();
    let mut written = Vec::new();
    for holder in store.holders_of(&report_id).await? {
        let organisation = organisations
            .get(&holder.organisation_id)
            .cloned()
            .unwrap_or(holder.organisation_id);
        for row in store
            .audit_of_entry(&holder.queue_id, &report_id, &WRITTEN)
            .await?
        {
            let item = row
                .subject
                .split(' ')
                .find_map(|part| part.strip_prefix("item:"))
                .and_then(|id| Uuid::parse_str(id).ok());
            written.push(Written {
                item,
                action: row.action,
                at: row.at,
                seq: row.seq,
                organisation: organisation.clone(),
            });
        }
    }
    written.sort_by_key(|w| w.seq);
    let hours = store
        .item_hours(&report_id)
        .await?
        .into_iter()
        .filter_map(|(id, at)| Some((Uuid::parse_str(&id).ok()?, at)))
        .collect();
    Ok(History {
        changes: changes(&own, &waves, &report_id, &names),
        written,
        hours,
        names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_change_is_read_from_its_audit_subject() {
        assert_eq!(
            changed_to("queue:ngo-kh report:abc status:closed assignee:- outcome:rescued"),
            Some(("closed".into(), None, Some("rescued".into())))
        );
        assert_eq!(
            changed_to("queue:ngo-kh report:abc status:new assignee:acc-1 outcome:-"),
            Some(("new".into(), Some("acc-1".into()), None))
        );
        assert_eq!(changed_to("queue:ngo-kh report:abc"), None);
    }

    #[test]
    fn a_wave_names_a_report_only_in_its_list() {
        let subject = "queue:ngo-kh closed:2 kept:0 reports:aaa-1,bbb-2";
        assert!(wave_names(subject, "aaa-1"));
        assert!(wave_names(subject, "bbb-2"));
        assert!(!wave_names(subject, "aaa"));
        assert!(!wave_names(subject, "ngo-kh"));
    }
}
