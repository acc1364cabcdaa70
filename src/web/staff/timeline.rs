//! A report's one thread in time order: received and triaged, what the reporter sent later,
//! every reply (and which organisation wrote it), internal notes set apart, referrals and
//! projection versions, and this queue's claims, releases and status changes, each with who
//! and when.
//!
//! Items seal their exact time where they have one; an item that seals none is dated by the
//! hour the database keeps, said as such, and never placed before an item written earlier.

use std::collections::HashSet;

use serde_json::Value;

use super::casefile::{self, CaseFile, Field};
use crate::casework::history::{EntryChange, History};
use crate::casework::workspace::OpenedReport;
use crate::domain::ItemKind;
use crate::locale::{args, Tr};

/// A file sent by the reporter, for the files table and its line in the timeline.
pub(super) struct FileView {
    pub name: String,
    pub size: String,
    /// Where a photo's preview is made; `None` for a PDF.
    pub preview: Option<String>,
    pub download: String,
    pub new: bool,
}

pub(super) struct Event {
    pub what: String,
    pub when: String,
    /// Seen only by the reader's organisation: shown set apart.
    pub internal: bool,
    /// From the reporter since the queue last opened the report.
    pub new: bool,
    /// A message's text, or a referral's reason.
    pub text: Option<Field>,
    /// What an addition or a contact change holds.
    pub lines: Vec<Field>,
    /// A file's download.
    pub download: Option<String>,
    /// Where it sorts: its time, never before an item written earlier.
    at: i64,
    /// Its audit entry's place in the log, where it has one: orders it within a second.
    seq: Option<i64>,
}

fn json(plaintext: &[u8]) -> Value {
    serde_json::from_slice(plaintext).unwrap_or_default()
}

fn text_of(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}

/// Every line of a case file, in its order, as one list.
fn lines(tr: &Tr, case: CaseFile) -> Vec<Field> {
    let mut out: Vec<Field> = case.narrative.into_iter().collect();
    if !case.indicators.is_empty() {
        out.push(Field::plain(
            tr.t("field-indicators"),
            case.indicators.join(", "),
        ));
    }
    for part in case.parts {
        out.extend(part.lines);
    }
    for d in case.documents {
        let parts = [d.kind, d.number, d.issuing_country, d.holder];
        let value: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        out.push(Field::plain(tr.t("section-documents"), value.join(" · ")));
    }
    out
}

/// The files the reporter sent, in order.
pub(super) fn files(tr: &Tr, opened: &OpenedReport, queue: &str, report: &str) -> Vec<FileView> {
    let mut photos = 0;
    let mut documents = 0;
    opened
        .items
        .iter()
        .filter(|i| i.is(ItemKind::Attachment))
        .map(|item| {
            let manifest = json(&item.plaintext);
            let media_type = text_of(&manifest, "media_type").unwrap_or_default();
            let photo = media_type.starts_with("image/");
            let name = if photo {
                photos += 1;
                tr.t_with("staff-file-photo", &args(&[("n", photos.to_string())]))
            } else {
                documents += 1;
                tr.t_with("staff-file-pdf", &args(&[("n", documents.to_string())]))
            };
            let size = manifest
                .get("size")
                .and_then(Value::as_u64)
                .map(|bytes| {
                    tr.t_with(
                        "staff-file-size",
                        &args(&[("kb", bytes.div_ceil(1024).to_string())]),
                    )
                })
                .unwrap_or_default();
            let base = format!("/queues/{queue}/reports/{report}/files/{}", item.id);
            FileView {
                name,
                size,
                preview: photo.then(|| format!("{base}/preview")),
                download: base,
                new: opened.is_new(item),
            }
        })
        .collect()
}

/// Whom a change names: the member by name, or "a former member".
fn who(tr: &Tr, by: Option<&String>) -> String {
    by.cloned().unwrap_or_else(|| tr.t("staff-tl-someone"))
}

fn changes(tr: &Tr, history: &History) -> Vec<Event> {
    let mut before = EntryChange {
        at: 0,
        seq: 0,
        by: None,
        status: "new".into(),
        assignee: None,
        outcome: None,
    };
    let mut out = Vec::new();
    for change in &history.changes {
        let name = who(tr, change.by.as_ref());
        let what = if change.assignee != before.assignee {
            match &change.assignee {
                Some(_) => Some(tr.t_with("staff-tl-claimed", &args(&[("name", name)]))),
                None => Some(tr.t_with("staff-tl-released", &args(&[("name", name)]))),
            }
        } else if change.status != before.status || change.outcome != before.outcome {
            let mut status = tr.t(&format!("entry-status-{}", change.status));
            if let Some(o) = &change.outcome {
                status = format!("{status} ({})", tr.t(&format!("outcome-{o}")));
            }
            Some(tr.t_with(
                "staff-tl-moved",
                &args(&[("name", name), ("status", status)]),
            ))
        } else {
            None
        };
        if let Some(what) = what {
            out.push(Event {
                what,
                when: tr.date_time(change.at),
                internal: false,
                new: false,
                text: None,
                lines: Vec::new(),
                download: None,
                at: change.at,
                seq: Some(change.seq),
            });
        }
        before = change.clone();
    }
    out
}

/// The thread of `opened` with `history`, oldest first.
pub(super) fn timeline(
    tr: &Tr,
    opened: &OpenedReport,
    history: &History,
    files: &[FileView],
) -> Vec<Event> {
    // When the report arrived, exactly: the status item sealed at intake says it.
    let received = opened
        .items
        .iter()
        .find(|i| i.is(ItemKind::Status))
        .and_then(|i| json(&i.plaintext).get("at").and_then(Value::as_i64));
    // The latest projection is the case file (a consulate's) or beside it (an NGO's); the
    // timeline says what each earlier version held.
    let latest_projection = opened
        .items
        .iter()
        .rev()
        .find(|i| i.is(ItemKind::Projection))
        .map(|i| i.id);
    let mut used: HashSet<usize> = HashSet::new();
    let mut files = files.iter();
    let mut latest = i64::MIN;
    let mut events = Vec::new();
    for item in &opened.items {
        let Some(kind) = ItemKind::parse(&item.kind) else {
            continue;
        };
        let value = json(&item.plaintext);
        let hour = history.hours.get(&item.id).copied();
        let exact = match kind {
            ItemKind::Report | ItemKind::Triage => received,
            _ => value.get("at").and_then(Value::as_i64),
        };
        let (at, when) = match (exact, hour) {
            (Some(at), _) => (at, tr.date_time(at)),
            (None, Some(hour)) => (
                hour,
                tr.t_with("staff-tl-hour", &args(&[("at", tr.date_time(hour))])),
            ),
            (None, None) => (latest, String::new()),
        };
        let at = at.max(latest);
        latest = at;
        let mut event = Event {
            what: String::new(),
            when,
            internal: false,
            new: opened.is_new(item),
            text: None,
            lines: Vec::new(),
            download: None,
            at,
            seq: None,
        };
        // What a member wrote, matched to the audit entry of its own transaction: the one that
        // names the item, or (for entries from before they named it) the nearest in time of its
        // action not matched yet.
        let action = match kind {
            ItemKind::Reply => Some("reply_sent"),
            ItemKind::Note => Some("note_added"),
            ItemKind::Referral => Some("report_referred"),
            ItemKind::Projection => Some("projection_issued"),
            _ => None,
        };
        let written = action.and_then(|action| {
            let named = history
                .written
                .iter()
                .enumerate()
                .find(|(_, w)| w.item == Some(item.id));
            let (i, w) = named.or_else(|| {
                history
                    .written
                    .iter()
                    .enumerate()
                    .filter(|(i, w)| {
                        !used.contains(i)
                            && w.item.is_none()
                            && w.action == action
                            && (w.at - at).abs() <= 120
                    })
                    .min_by_key(|(_, w)| ((w.at - at).abs(), w.seq))
            })?;
            used.insert(i);
            Some(w)
        });
        event.seq = written.map(|w| w.seq);
        let message =
            |key: &str| text_of(&value, key).map(|t| Field::shown(tr.t("staff-tl-text"), &[&t]));
        match kind {
            ItemKind::Report => event.what = tr.t("staff-tl-received"),
            ItemKind::Triage => {
                let words = casefile::triage_words(tr, &value).unwrap_or_default();
                event.what = tr.t_with("staff-tl-triage", &args(&[("triage", words)]));
            }
            // The reporter's own copy of "received": the report's line says it. A summary is
            // what the queue list shows of the report, not something that happened to it.
            ItemKind::Status | ItemKind::Summary => continue,
            ItemKind::Projection => {
                event.what = match (
                    value.get("version").and_then(Value::as_i64),
                    text_of(&value, "issued_by"),
                ) {
                    (Some(version), Some(by)) => tr.t_with(
                        "staff-tl-projection-by",
                        &args(&[("version", version.to_string()), ("name", by)]),
                    ),
                    _ => tr.t("staff-tl-projection"),
                };
                if Some(item.id) != latest_projection {
                    event.lines = lines(tr, casefile::read(tr, &value));
                }
            }
            ItemKind::Reply => {
                event.what = match written {
                    Some(w) => tr.t_with(
                        "staff-tl-reply",
                        &args(&[("organisation", w.organisation.clone())]),
                    ),
                    None => tr.t("staff-tl-reply-unknown"),
                };
                event.text = message("text");
            }
            ItemKind::Note => {
                let by = text_of(&value, "by").unwrap_or_else(|| tr.t("staff-tl-someone"));
                event.what = tr.t_with("staff-tl-note", &args(&[("name", by)]));
                event.internal = true;
                event.text = message("text");
            }
            ItemKind::Referral => {
                event.what = tr.t_with(
                    "staff-tl-referral",
                    &args(&[
                        ("from", text_of(&value, "from").unwrap_or_default()),
                        ("to", text_of(&value, "to").unwrap_or_default()),
                        (
                            "name",
                            text_of(&value, "by").unwrap_or_else(|| tr.t("staff-tl-someone")),
                        ),
                    ]),
                );
                event.text = message("reason");
            }
            ItemKind::Addition => {
                event.what = tr.t("staff-tl-addition");
                event.lines = lines(tr, casefile::read(tr, &value));
            }
            ItemKind::Contact => {
                event.what = tr.t("staff-tl-contact");
                event.lines = lines(tr, casefile::read(tr, &value));
            }
            ItemKind::Consent => {
                let consent = text_of(&value, "consent").unwrap_or_default();
                let key = if value.get("given").and_then(Value::as_bool) == Some(true) {
                    "staff-tl-consent-given"
                } else {
                    "staff-tl-consent-withdrawn"
                };
                event.what = tr.t_with(
                    key,
                    &args(&[("consent", tr.t(&format!("field-consent-{consent}")))]),
                );
            }
            ItemKind::Attachment => {
                let file = files.next();
                event.what = tr.t_with(
                    "staff-tl-file",
                    &args(&[("name", file.map(|f| f.name.clone()).unwrap_or_default())]),
                );
                event.download = file.map(|f| f.download.clone());
            }
            ItemKind::Withdrawal => event.what = tr.t("staff-tl-withdrawal"),
        }
        events.push(event);
    }
    merge(events, changes(tr, history))
}

/// The items (in the order they were written) and the entry's changes (in the log's order) as
/// one thread: by time, and within a second by the audit log's order where both have an entry
/// in it; what the reporter sent has none, and stays before a change of the same second.
fn merge(items: Vec<Event>, changes: Vec<Event>) -> Vec<Event> {
    let mut out = Vec::with_capacity(items.len() + changes.len());
    let mut changes = changes.into_iter().peekable();
    for item in items {
        while let Some(change) = changes.next_if(|c| {
            c.at < item.at
                || (c.at == item.at && matches!((c.seq, item.seq), (Some(c), Some(i)) if c < i))
        }) {
            out.push(change);
        }
        out.push(item);
    }
    out.extend(changes);
    out
}
