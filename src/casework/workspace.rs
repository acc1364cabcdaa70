//! The responder workspace's operations: members list a queue's entries, open a report with the
//! key their copy unseals (for the page only), claim, work and close it, write notes and reply.
//! Who holds a queue's key is trust's (`trust::queue_keys`).

use uuid::Uuid;

use crate::casework::opening::{open_stored, OpenError, OpenedItem};
use crate::crypto::ItemKey;
use crate::crypto::{CryptoError, PrivateKey, PublicKey};
use crate::domain::workflow::{EntryStatus, Outcome};
use crate::domain::{Audience, ItemKind};
use crate::store::{
    now, Access, ConsentClosure, EntryState, Holder, QueueRow, Store, StoreError, StoredItem,
};
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::receivers::Receivers;
use crate::trust::sealing::{seal_item_with, seal_new_to_holders, Recipient};
use crate::trust::WorkspaceError;

impl From<OpenError> for WorkspaceError {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::Store(e) => WorkspaceError::Store(e),
            OpenError::Crypto(e) => WorkspaceError::Crypto(e),
        }
    }
}

/// A report as a queue opens it.
pub struct OpenedReport {
    pub items: Vec<OpenedItem>,
    /// Items after this position are new to the queue.
    pub seen: i64,
    /// When the reporter withdrew it, if they did: its keys go after the grace period.
    pub withdrawn_at: Option<i64>,
    /// When a withdrawn consent closed this queue's entry, if it did: the queue reads only what
    /// it had opened before, and can do nothing more with the entry.
    pub consent_withdrawn_at: Option<i64>,
    /// For a queue that reads the whole report: the entries of other queues that a withdrawn
    /// consent closed, and whether what they never opened is destroyed yet.
    pub closures: Vec<ConsentClosure>,
}

impl OpenedReport {
    /// Whether the queue had not seen this item before this opening: only what the reporter
    /// sends after the report (`ItemKind::from_reporter`) is marked.
    pub fn is_new(&self, item: &OpenedItem) -> bool {
        item.position > self.seen
            && ItemKind::parse(&item.kind).is_some_and(ItemKind::from_reporter)
    }

    /// Whether hotline staff filed the report on a caller's behalf, for the case file to say so.
    /// Only a queue that reads the whole report can tell: the mark is inside the triage item.
    pub fn filed_by_hotline(&self) -> bool {
        filed_by_hotline(&self.items)
    }
}

/// Whether these opened items say that hotline staff filed the report for a caller (the
/// triage item's `channel`; reports from before it was recorded came in online).
pub fn filed_by_hotline(items: &[OpenedItem]) -> bool {
    items
        .iter()
        .filter(|item| item.is(ItemKind::Triage))
        .any(|item| {
            serde_json::from_slice::<serde_json::Value>(&item.plaintext).is_ok_and(|v| {
                v.get("channel")
                    .and_then(serde_json::Value::as_str)
                    .and_then(crate::domain::Filing::parse)
                    == Some(crate::domain::Filing::Hotline)
            })
        })
}

/// Which of `items` the queue may read now: all of them on an open entry (each marked opened
/// as it is read); on an entry a withdrawn consent closed, only those it had opened before and
/// its organisation's own notes. A closed entry that had opened nothing of the report is not
/// found: to the queue it is as if the report had never reached it.
async fn readable(
    store: &Store,
    queue: &str,
    report: Uuid,
    items: Vec<StoredItem>,
) -> Result<(Vec<StoredItem>, Option<i64>), WorkspaceError> {
    let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    match store
        .open_items(report, queue, &ids)
        .await?
        .ok_or(WorkspaceError::NotFound)?
    {
        Access::Open => Ok((items, None)),
        Access::Closed {
            withdrawn_at,
            opened,
        } => {
            if !items.iter().any(|i| opened.contains(&i.id)) {
                return Err(WorkspaceError::NotFound);
            }
            let kept = items
                .into_iter()
                .filter(|i| opened.contains(&i.id) || !i.audience.needs_consent())
                .collect();
            Ok((kept, Some(withdrawn_at)))
        }
    }
}

/// Opens what the queue's key table entitles it to of one report, and marks it all seen.
#[tracing::instrument(skip_all, fields(queue = %queue, report = %report))]
pub async fn open_report(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    report: Uuid,
) -> Result<OpenedReport, WorkspaceError> {
    let store = receivers.store;
    let keys = crate::trust::rotation::held_keys(store, who, queue).await?;
    standing(receivers, queue).await?;
    let held = store.report_queues(report).await?;
    if !held.iter().any(|q| q == queue) {
        return Err(WorkspaceError::NotFound);
    }
    let stored = store.items_for(report, &format!("queue:{queue}")).await?;
    let (stored, consent_withdrawn_at) = readable(store, queue, report, stored).await?;
    // Recorded before the content is read, so a decryption is never missing from the log.
    audit
        .record(
            &who.account_id,
            "report_opened",
            &format!("queue:{queue} report:{report}"),
        )
        .await?;
    let keys: Vec<&PrivateKey> = keys.iter().collect();
    let mut items = open_stored(&stored, report, &keys)?;
    for item in items.iter_mut().filter(|i| i.sealed_on_device) {
        // What a device sealed was never checked: read it by the report's rules now.
        let read = crate::domain::device::read(&item.kind, &item.plaintext);
        item.plaintext = zeroize::Zeroizing::new(serde_json::to_vec(&read).unwrap_or_default());
    }
    // A closed entry has nothing new to see: what it reads was seen before.
    let seen = match consent_withdrawn_at {
        None => store.mark_seen(queue, &report.to_string()).await?,
        Some(_) => i64::MAX,
    };
    let withdrawn_at = store.withdrawn_at(&report.to_string()).await?;
    let reads_whole_report = store
        .queue(queue)
        .await?
        .is_some_and(|q| q.kind.reads_whole_report());
    if consent_withdrawn_at.is_none() {
        let missing = crate::casework::summaries::missing(&items, reads_whole_report);
        for (audience, summary) in missing {
            let sealed = post(
                receivers,
                audit,
                who,
                queue,
                report,
                &summary,
                (ItemKind::Summary, audience, "summary_sealed"),
                None,
                |_| true,
            )
            .await;
            // The list does without it until the next opening; the report itself is open.
            if let Err(e) = sealed {
                tracing::warn!(error = %e, %audience, "a summary could not be sealed");
            }
        }
    }
    let closures = if reads_whole_report && consent_withdrawn_at.is_none() {
        store.consent_closures(&report.to_string()).await?
    } else {
        Vec::new()
    };
    tracing::info!(account = %who.account_id, items = items.len(), "report opened");
    Ok(OpenedReport {
        items,
        seen,
        withdrawn_at,
        consent_withdrawn_at,
        closures,
    })
}

/// An attachment's file, decrypted for a member of a queue holding the report (audited first).
#[tracing::instrument(skip_all, fields(queue = %queue, report = %report))]
pub async fn open_file(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    report: Uuid,
    item: Uuid,
) -> Result<
    (
        crate::reporting::attachments::FileKind,
        zeroize::Zeroizing<Vec<u8>>,
    ),
    WorkspaceError,
> {
    let store = receivers.store;
    let keys = crate::trust::rotation::held_keys(store, who, queue).await?;
    standing(receivers, queue).await?;
    let stored = store
        .items_for(report, &format!("queue:{queue}"))
        .await?
        .into_iter()
        .find(|i| i.id == item && i.is(ItemKind::Attachment))
        .ok_or(WorkspaceError::NotFound)?;
    let (mut readable, _) = readable(store, queue, report, vec![stored]).await?;
    let stored = readable.pop().ok_or(WorkspaceError::NotFound)?;
    audit
        .record(
            &who.account_id,
            "file_opened",
            &format!("queue:{queue} report:{report} item:{item}"),
        )
        .await?;
    let keyring = crate::trust::keyring::Keyring::new(keys.iter());
    let key = keyring
        .for_key(&stored.key.recipient_key)
        .ok_or(CryptoError::Open)?;
    let item_key = stored.key.sealed.open(key, report, item)?;
    let manifest = stored.sealed.open(&item_key, report, item)?;
    let manifest: crate::reporting::attachments::Manifest =
        serde_json::from_slice(&manifest).map_err(|_| CryptoError::Open)?;
    let kind = manifest.kind().ok_or(CryptoError::Open)?;
    let chunks = store.item_chunks(item).await?;
    let file = crate::reporting::attachments::open(&item_key, report, item, &manifest, chunks)?;
    tracing::info!(account = %who.account_id, "file opened");
    Ok((kind, file))
}

/// What a responder does to a queue's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryAction {
    Claim,
    Release,
    Move {
        to: EntryStatus,
        outcome: Option<Outcome>,
    },
}

/// A queue is read and worked through the server only while it stands: its organisation
/// registered, vetted, countersigned and not suspended, its key the one the organisation signed,
/// not held after a restore. A suspended organisation, say one whose staff were compromised,
/// reads, replies, refers and moves nothing more.
async fn standing(receivers: Receivers<'_>, queue: &str) -> Result<(), WorkspaceError> {
    if receivers.receives(queue).await? {
        Ok(())
    } else {
        Err(WorkspaceError::OnHold)
    }
}

/// The entry of a report in a queue the person holds the key of, to work on. An entry a
/// withdrawn consent closed is not found: nothing more is done with it (claimed, moved, written
/// to, referred or given a projection) by its queue.
pub async fn entry(
    receivers: Receivers<'_>,
    who: &Principal,
    queue: &str,
    report: Uuid,
) -> Result<(QueueRow, EntryState), WorkspaceError> {
    let (row, state) = entry_as_it_stands(receivers, who, queue, report).await?;
    if state.consent_withdrawn_at.is_some() {
        return Err(WorkspaceError::NotFound);
    }
    Ok((row, state))
}

/// The entry as it stands, closed or not: for showing what `open_report` let the queue read.
pub async fn entry_as_it_stands(
    receivers: Receivers<'_>,
    who: &Principal,
    queue: &str,
    report: Uuid,
) -> Result<(QueueRow, EntryState), WorkspaceError> {
    let store = receivers.store;
    if store.key_copy(queue, &who.account_id).await?.is_none() {
        return Err(WorkspaceError::Forbidden);
    }
    standing(receivers, queue).await?;
    let row = store.queue(queue).await?.ok_or(WorkspaceError::NotFound)?;
    let state = store
        .entry_state(queue, &report.to_string())
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    Ok((row, state))
}

/// Claims, releases or moves an entry through the workflow (see `domain::workflow`), dated
/// `at` (the server's clock: a closure starts the cooling period early destruction waits out).
#[tracing::instrument(skip_all, fields(queue = %queue, report = %report))]
pub async fn act(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    report: Uuid,
    action: EntryAction,
    at: i64,
) -> Result<EntryState, WorkspaceError> {
    let store = receivers.store;
    let (row, current) = entry(receivers, who, queue, report).await?;
    let mut next = current.clone();
    match action {
        EntryAction::Claim => {
            if current
                .assignee
                .as_ref()
                .is_some_and(|a| *a != who.account_id)
            {
                return Err(WorkspaceError::Conflict);
            }
            next.assignee = Some(who.account_id.clone());
        }
        EntryAction::Release => {
            let mine = current.assignee.as_deref() == Some(who.account_id.as_str());
            if !mine && who.role != Role::Coordinator {
                return Err(WorkspaceError::Forbidden);
            }
            next.assignee = None;
        }
        EntryAction::Move { to, outcome } => {
            let from = EntryStatus::parse(&current.status).map_err(|_| WorkspaceError::Invalid)?;
            if !from.may_become(to, row.kind.projection_only()) {
                return Err(WorkspaceError::Invalid);
            }
            if to == EntryStatus::Closed && outcome.is_none() {
                return Err(WorkspaceError::Invalid);
            }
            next.status = to.code().to_owned();
            next.outcome = (to == EntryStatus::Closed)
                .then(|| outcome.map(|o| o.code().to_owned()))
                .flatten();
        }
    }
    let change = format!(
        "queue:{queue} report:{report} status:{} assignee:{} outcome:{}",
        next.status,
        next.assignee.as_deref().unwrap_or("-"),
        next.outcome.as_deref().unwrap_or("-")
    );
    let entry = audit.entry(&who.account_id, "entry_changed", change);
    if !store
        .change_entry(
            queue,
            &report.to_string(),
            &current,
            &next,
            &who.account_id,
            at,
            &entry,
        )
        .await?
    {
        return Err(WorkspaceError::Conflict);
    }
    tracing::info!(account = %who.account_id, action = ?action, "entry changed");
    Ok(next)
}

/// A message in a report's conversation or notes, as sealed.
#[derive(serde::Serialize)]
struct Message<'a> {
    text: &'a str,
    at: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
}

fn message_text(raw: &str) -> Result<crate::domain::text::Text, WorkspaceError> {
    crate::domain::text::Text::parse(raw, crate::domain::text::LONG)
        .ok()
        .flatten()
        .ok_or(WorkspaceError::Invalid)
}

/// Seals a message to the holders of the report that `keep` picks among those that may receive
/// it now (and to the reporter's key, for a reply), stores it and audits it by id.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn post(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    report: Uuid,
    message: &impl serde::Serialize,
    (kind, audience, action): (ItemKind, Audience, &'static str),
    reporter: Option<&PublicKey>,
    keep: impl Fn(&Holder) -> bool,
) -> Result<(), WorkspaceError> {
    let plaintext = serde_json::to_vec(message).map_err(|_| WorkspaceError::Invalid)?;
    // The item's id in its audit entry: the timeline says which organisation wrote it by that,
    // not by guessing from times.
    let (id, key) = (Uuid::new_v4(), ItemKey::generate());
    let entry = audit.entry(
        &who.account_id,
        action,
        format!("queue:{queue} report:{report} item:{id}"),
    );
    let make = |recipients: &[Recipient<'_>]| {
        seal_item_with(report, (id, &key), (kind, audience), &plaintext, recipients)
    };
    match seal_new_to_holders::<WorkspaceError>(
        receivers,
        report,
        audience,
        (reporter, Some(&entry)),
        keep,
        make,
    )
    .await
    {
        Err(WorkspaceError::Store(StoreError::QueueKeyChanged)) => Err(WorkspaceError::Conflict),
        other => other.map(|_| ()),
    }
}

/// Writes to the reporter: sealed to the report's reporter key and to every NGO queue holding it.
/// Consular and police entries have no replies.
#[tracing::instrument(skip_all, fields(queue = %queue, report = %report))]
pub async fn reply(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    report: Uuid,
    text: &str,
) -> Result<(), WorkspaceError> {
    let store = receivers.store;
    let (row, _) = entry(receivers, who, queue, report).await?;
    if !row.kind.reads_whole_report() {
        return Err(WorkspaceError::Forbidden);
    }
    // A withdrawn report's thread is closed: the reporter can no longer read it.
    if store.withdrawn_at(&report.to_string()).await?.is_some() {
        return Err(WorkspaceError::Invalid);
    }
    let text = message_text(text)?;
    let reporter = store
        .reporter_public_key(&report.to_string())
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let reporter = PublicKey::from_bytes(&reporter)?;
    let message = Message {
        text: text.as_str(),
        at: now(),
        by: None,
    };
    let what = (ItemKind::Reply, Audience::Thread, "reply_sent");
    post(
        receivers,
        audit,
        who,
        queue,
        report,
        &message,
        what,
        Some(&reporter),
        |h| h.kind.reads_whole_report(),
    )
    .await
}

/// An internal note: sealed to the queues of the writer's organisation that hold the report,
/// never to the reporter or to other organisations.
#[tracing::instrument(skip_all, fields(queue = %queue, report = %report))]
pub async fn note(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    report: Uuid,
    text: &str,
) -> Result<(), WorkspaceError> {
    let (row, _) = entry(receivers, who, queue, report).await?;
    let text = message_text(text)?;
    let message = Message {
        text: text.as_str(),
        at: now(),
        by: Some(&who.username),
    };
    let what = (ItemKind::Note, Audience::Notes, "note_added");
    post(
        receivers,
        audit,
        who,
        queue,
        report,
        &message,
        what,
        None,
        |h| h.organisation_id == row.organisation_id,
    )
    .await
}
