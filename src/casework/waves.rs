//! Clearing a flood of fake reports (the same text, the same minute): a member of a queue closes
//! the entries selected from its list as not genuine in one action, one transaction and one
//! audit entry; then the desk's coordinators destroy early the reports that every queue holding
//! them closed so, which frees their locators for real reports.
//!
//! Who may destroy early, and why it is safe: only a certified coordinator of the desk
//! organisation (the operating organisation, whose NGO queue every report reaches) while its desk
//! stands; and only a report whose every entry, in every queue of every organisation that holds
//! it, is closed with the outcome `not_genuine`, judged in the destroying transaction. No
//! organisation loses a report it did not itself close as fake, and nobody decides for another.
//!
//! Closing a real report as fake must not be enough to destroy it, even for a member who is also
//! a coordinator, or one coerced. So three more guards, judged in the same transaction: every
//! entry has been closed for at least the cooling period (`waves.destroy_after_hours`, by the
//! injected clock), during which any member may reopen it; the coordinator who destroys closed
//! none of its entries (each entry records its closer), so it takes two people; and nothing came
//! from the reporter after its first closure (an entry records the report's last item when it
//! closes), since a reporter who writes again is real. A report the rules keep is counted, never
//! destroyed. The confirmation shows what each report says, to a coordinator who holds the desk
//! key, so that nobody destroys what they have not seen.

use std::collections::HashMap;

use crate::casework::summaries;
use crate::crypto::PrivateKey;
use crate::domain::selection::{Selection, SelectionError};
use crate::domain::workflow::{EntryStatus, Outcome};
use crate::domain::Summary;
use crate::reporting::shredding::{ShredError, Shredder};
use crate::store::{Clock, ClosedEverywhere, EarlyRule, Selected, StoreError};
use crate::triage::routing::Queue;
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::certification::{managing_coordinator, Chain};
use crate::trust::receivers::Receivers;
use crate::trust::rotation::held_keys;
use crate::trust::WorkspaceError;

/// The outcome a wave closes with, and the one early destruction asks of every entry.
pub const NOT_GENUINE: Outcome = Outcome::NotGenuine;

/// The most reports the early destruction page lists at once: one selection's worth.
pub const LISTED: usize = crate::domain::selection::MAX_SELECTED;

#[derive(Debug, thiserror::Error)]
pub enum WaveError {
    #[error("the selection: {0}")]
    Selection(#[from] SelectionError),
    /// Some selected ids are not reports this queue holds (destroyed meanwhile, or never its).
    #[error("{0} selected reports are not in this queue")]
    NotInQueue(usize),
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error(transparent)]
    Shred(#[from] ShredError),
}

impl From<StoreError> for WaveError {
    fn from(e: StoreError) -> Self {
        WaveError::Workspace(WorkspaceError::Store(e))
    }
}

/// What a wave would do: the selected entries it closes, and those it cannot (closed already,
/// closed by a withdrawn consent, or claimed by someone else).
#[derive(Debug, Clone)]
pub struct Wave {
    pub closable: Vec<Selected>,
    pub kept: Vec<Selected>,
}

/// What a wave did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaveClosed {
    pub closed: usize,
    /// Selected entries it could not close, counted rather than skipped in silence.
    pub kept: usize,
}

/// The statuses an entry of this queue may be closed from (`EntryStatus::may_become`).
fn closable_statuses(projection_only: bool) -> Vec<&'static str> {
    EntryStatus::ALL
        .iter()
        .filter(|from| from.may_become(EntryStatus::Closed, projection_only))
        .map(|from| from.code())
        .collect()
}

/// The selected entries of a queue the person holds the key of, while it stands; every selected
/// id must be one of its reports.
pub async fn preview(
    receivers: Receivers<'_>,
    who: &Principal,
    queue: &str,
    selection: &Selection,
) -> Result<Wave, WaveError> {
    let store = receivers.store;
    if store.key_copy(queue, &who.account_id).await?.is_none() {
        return Err(WorkspaceError::Forbidden.into());
    }
    if !receivers.receives(queue).await? {
        return Err(WorkspaceError::OnHold.into());
    }
    let row = store.queue(queue).await?.ok_or(WorkspaceError::NotFound)?;
    let selected = store.selected_entries(queue, &selection.texts()).await?;
    if selected.len() < selection.len() {
        return Err(WaveError::NotInQueue(selection.len() - selected.len()));
    }
    let closable = closable_statuses(row.kind.projection_only());
    // A case a colleague has claimed is theirs to judge: a wave leaves it, counted as kept.
    let theirs = |e: &Selected| e.assignee.as_ref().is_some_and(|a| *a != who.account_id);
    let (closable, kept) = selected.into_iter().partition(|e| {
        e.consent_withdrawn_at.is_none() && !theirs(e) && closable.contains(&e.status.as_str())
    });
    Ok(Wave { closable, kept })
}

/// Closes every selected entry of the queue that may be closed as not genuine, in one
/// transaction dated `at` (the server's clock, by which the cooling period is judged), audited
/// as one entry (`wave_closed`) naming the queue, the counts and the reports closed.
#[tracing::instrument(skip_all, fields(queue = %queue))]
pub async fn close(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    selection: &Selection,
    at: i64,
) -> Result<WaveClosed, WaveError> {
    let wave = preview(receivers, who, queue, selection).await?;
    let row = receivers
        .store
        .queue(queue)
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let candidates: Vec<String> = wave.closable.iter().map(|e| e.report_id.clone()).collect();
    let selected = selection.len();
    let closed = receivers
        .store
        .close_wave(
            queue,
            &candidates,
            &closable_statuses(row.kind.projection_only()),
            NOT_GENUINE.code(),
            &who.account_id,
            at,
            |closed| {
                audit.entry(
                    &who.account_id,
                    "wave_closed",
                    format!(
                        "queue:{queue} closed:{} kept:{} reports:{}",
                        closed.len(),
                        selected - closed.len(),
                        closed.join(",")
                    ),
                )
            },
        )
        .await?;
    let done = WaveClosed {
        closed: closed.len(),
        kept: selected - closed.len(),
    };
    tracing::info!(account = %who.account_id, closed = done.closed, kept = done.kept, "wave closed");
    Ok(done)
}

/// What early destruction needs: the store and the standing of queues, the membership chains,
/// the desk as routing declares it, what destroys, and the clock and period that say when a
/// closure has cooled.
#[derive(Clone, Copy)]
pub struct EarlyDestruction<'a> {
    pub receivers: Receivers<'a>,
    pub chain: Chain<'a>,
    pub desk: Option<&'a Queue>,
    pub shredder: &'a Shredder,
    pub clock: &'a Clock,
    /// `waves.destroy_after_hours`.
    pub after_hours: i64,
}

/// What an early destruction did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Destroyed {
    pub destroyed: usize,
    /// Selected reports it kept: not due (any more, or not yet, or not for this coordinator),
    /// or gone.
    pub kept: usize,
}

/// What the confirmation may show of the reports it lists.
pub enum Shown {
    /// Each report's summary, where it has one; opened with the coordinator's desk key.
    Summaries(HashMap<String, Summary>),
    /// The coordinator holds no copy of the desk's key: dates only.
    NoKey,
}

impl EarlyDestruction<'_> {
    /// The person as a coordinator of the desk organisation who may act for it, while the desk
    /// stands. Anyone else, the operator included, is refused.
    pub async fn desk_coordinator(&self, who: &Principal) -> Result<(), WorkspaceError> {
        let desk = self.desk.ok_or(WorkspaceError::Forbidden)?;
        if who.role != Role::Coordinator
            || who.organisation_id.as_deref() != Some(desk.organisation.as_str())
        {
            return Err(WorkspaceError::Forbidden);
        }
        managing_coordinator(self.chain, who).await?;
        if !self.receivers.receives(&desk.id).await? {
            return Err(WorkspaceError::OnHold);
        }
        Ok(())
    }

    /// What may be destroyed now, at the person's hand: the rule every due report meets.
    fn rule<'w>(&self, who: &'w Principal) -> EarlyRule<'w> {
        EarlyRule {
            outcome: NOT_GENUINE.code(),
            closed_before: self.clock.now() - self.after_hours.saturating_mul(3600),
            not_by: &who.account_id,
        }
    }

    /// Reports due for early destruction at this desk coordinator's hand, oldest first.
    pub async fn due(&self, who: &Principal) -> Result<Vec<ClosedEverywhere>, WorkspaceError> {
        self.desk_coordinator(who).await?;
        let limit = i64::try_from(LISTED).unwrap_or(i64::MAX);
        Ok(self
            .receivers
            .store
            .due_early(self.rule(who), limit)
            .await?)
    }

    /// The summaries of `reports` in the desk queue, opened for a desk coordinator who holds its
    /// key, under one audit entry; `Shown::NoKey` for one who does not (and who may not
    /// destroy them).
    pub async fn shown(
        &self,
        audit: &Audit,
        who: &Principal,
        reports: &[&str],
    ) -> Result<Shown, WorkspaceError> {
        self.desk_coordinator(who).await?;
        let desk = self.desk.ok_or(WorkspaceError::Forbidden)?;
        let store = self.receivers.store;
        if store.key_copy(&desk.id, &who.account_id).await?.is_none() {
            return Ok(Shown::NoKey);
        }
        let keys: Vec<PrivateKey> = held_keys(store, who, &desk.id).await?;
        let summaries =
            summaries::of_reports(self.receivers, audit, who, &desk.id, &keys, reports).await?;
        Ok(Shown::Summaries(summaries))
    }

    /// Destroys those selected that are due at this coordinator's hand, in one transaction,
    /// audited as one entry (`not_genuine_destroyed`) naming the counts and the reports.
    #[tracing::instrument(skip_all)]
    pub async fn destroy(
        &self,
        audit: &Audit,
        who: &Principal,
        selection: &Selection,
    ) -> Result<Destroyed, WaveError> {
        self.desk_coordinator(who).await?;
        // Nobody destroys what they cannot have read: a coordinator without the desk's key
        // would be shown dates alone.
        let desk = self.desk.ok_or(WorkspaceError::Forbidden)?;
        let store = self.receivers.store;
        if store.key_copy(&desk.id, &who.account_id).await?.is_none() {
            return Err(WorkspaceError::Forbidden.into());
        }
        let selected = selection.len();
        let organisation = who.organisation_id.as_deref().unwrap_or_default();
        let gone = self
            .shredder
            .destroy_early(&selection.texts(), self.rule(who), |gone| {
                audit.entry(
                    &who.account_id,
                    "not_genuine_destroyed",
                    format!(
                        "organisation:{organisation} destroyed:{} kept:{} reports:{}",
                        gone.len(),
                        selected - gone.len(),
                        gone.join(",")
                    ),
                )
            })
            .await?;
        let done = Destroyed {
            destroyed: gone.len(),
            kept: selected - gone.len(),
        };
        tracing::info!(account = %who.account_id, destroyed = done.destroyed, kept = done.kept, "not genuine reports destroyed early");
        Ok(done)
    }
}
