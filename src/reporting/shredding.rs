//! Crypto-shredding: of withdrawn reports once their grace period is over, of reports whose
//! every queue entry was closed longer ago than the retention period, and, early, of reports
//! every holder closed as not genuine when a second person among the desk's coordinators says so
//! after a cooling period (`casework::waves`). Every sealed copy of every item key goes, then the
//! ciphertexts and the report's row with its reporter key, and the engine is made to overwrite or
//! reclaim what held them. Each destruction is audited by id and listed
//! beside the secrets (crate::store::destroyed). Reports with an open entry are never destroyed by
//! retention; each pass says how many it kept. Backups keep what they hold until they expire
//! (docs/security.md).
//!
//! A withdrawn consent shreds less: once its grace period is over, the copies of the item keys
//! that the closed queue never opened (and any item no copy opens any more); what it opened is
//! kept as read. Every pass reads the time from its `Clock`, so a test moves past a period.

use std::time::Duration;

use crate::store::clock::every;
use crate::store::destroyed::DestroyedList;
use crate::store::{AuditEntry, Clock, ClosedReport, EarlyRule, Kept, Store, StoreError};
use crate::trust::audit::Audit;

#[derive(Debug, thiserror::Error)]
pub enum ShredError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("listing destroyed reports in {0}: {1}")]
    List(String, std::io::Error),
}

/// What destroys reports: the database, the audit log and the list beside the secrets, and the
/// clock that says when a period is over.
#[derive(Clone)]
pub struct Shredder {
    pub store: Store,
    pub audit: Audit,
    pub destroyed: DestroyedList,
    pub clock: Clock,
}

/// How long each kind of withdrawal waits before what it ends is destroyed, in days.
#[derive(Debug, Clone, Copy)]
pub struct GracePeriods {
    /// A withdrawn report (`followup.withdrawal_grace_days`).
    pub report_days: i64,
    /// A withdrawn consent (`followup.consent_withdrawal_grace_days`).
    pub consent_days: i64,
}

/// What a retention pass destroyed (or, dry, would destroy) and what it kept.
#[derive(Debug, Default)]
pub struct Purge {
    pub due: Vec<ClosedReport>,
    pub kept: Kept,
}

impl Shredder {
    /// Destroys `reports`: each listed first (so that a restore destroys it again), then gone
    /// with its audit entry (`action`) in the same transaction.
    pub async fn destroy(&self, reports: &[String], action: &str) -> Result<(), ShredError> {
        for report in reports {
            self.destroyed
                .record([report.as_str()])
                .map_err(|e| ShredError::List(self.destroyed.path().display().to_string(), e))?;
            let entry = self
                .audit
                .entry("system", action, format!("report:{report}"));
            self.store.destroy_report(report, &entry).await?;
        }
        if !reports.is_empty() {
            self.store.compact_after_destruction().await?;
        }
        Ok(())
    }

    /// Destroys those of `reports` that `rule` finds due for early destruction, judged in the
    /// transaction that destroys them, under the one audit entry `entry` makes from their ids: a
    /// flood of fakes destroyed early (`casework::waves`). Listed first, like every destruction;
    /// returns the ids destroyed.
    pub async fn destroy_early<'k>(
        &self,
        reports: &[String],
        rule: EarlyRule<'_>,
        entry: impl FnOnce(&[String]) -> AuditEntry<'k>,
    ) -> Result<Vec<String>, ShredError> {
        let gone = self
            .store
            .destroy_due_early(reports, rule, &self.destroyed, entry)
            .await?;
        if !gone.is_empty() {
            self.store.compact_after_destruction().await?;
            tracing::info!(
                reports = gone.len(),
                outcome = rule.outcome,
                "reports destroyed early"
            );
        }
        Ok(gone)
    }

    /// Destroys every report withdrawn more than `grace_days` ago; returns how many went.
    pub async fn shred_withdrawn(&self, grace_days: i64) -> Result<usize, ShredError> {
        let due = self
            .store
            .withdrawn_before(self.clock.now() - grace_days * 86_400)
            .await?;
        self.destroy(&due, "report_destroyed").await?;
        if !due.is_empty() {
            tracing::info!(reports = due.len(), "withdrawn reports destroyed");
        }
        Ok(due.len())
    }

    /// For every entry a withdrawn consent closed more than `grace_days` ago: the copies of the
    /// keys of what its queue never opened, audited (`unopened_keys_destroyed`, by queue and
    /// report) in the transaction that destroys them. Returns how many entries it did. Every
    /// replica may run it: an entry done, or reopened by a consent given again, is left as it is.
    pub async fn shred_unopened(&self, grace_days: i64) -> Result<usize, ShredError> {
        let before = self.clock.now() - grace_days * 86_400;
        let due = self.store.closed_entries_due(before).await?;
        let mut done = 0;
        for (report, queue) in &due {
            let entry = self.audit.entry(
                "system",
                "unopened_keys_destroyed",
                format!("queue:{queue} report:{report}"),
            );
            let destroyed = self
                .store
                .destroy_unopened(report, queue, before, self.clock.now(), &entry)
                .await?;
            if destroyed.is_some() {
                done += 1;
            }
        }
        if done > 0 {
            self.store.compact_after_destruction().await?;
            tracing::info!(
                entries = done,
                "what queues never opened before a consent was withdrawn was destroyed"
            );
        }
        Ok(done)
    }

    /// Reports whose every entry was closed more than `days` ago: destroyed unless `dry`.
    pub async fn purge_closed(&self, days: i64, dry: bool) -> Result<Purge, ShredError> {
        let before = self.clock.now() - days * 86_400;
        let purge = Purge {
            due: self.store.closed_before(before).await?,
            kept: self.store.kept_open(before).await?,
        };
        if !dry {
            let ids: Vec<String> = purge.due.iter().map(|r| r.id.clone()).collect();
            self.destroy(&ids, "report_purged").await?;
            if !ids.is_empty() {
                tracing::info!(
                    reports = ids.len(),
                    "closed reports past retention destroyed"
                );
            }
        }
        if purge.kept.open > 0 {
            tracing::warn!(
                open = purge.kept.open,
                unclaimed = purge.kept.unclaimed,
                days,
                "reports older than the retention period are kept because they are still open"
            );
        }
        Ok(purge)
    }

    /// Every `interval`, on every replica: withdrawn reports past their grace period, what
    /// queues never opened of a report whose consent to them was withdrawn past its own, then (if
    /// retention is on) closed reports past it. A report destroyed twice is destroyed once.
    pub fn spawn(self, grace: GracePeriods, retention_days: Option<i64>, interval: Duration) {
        tokio::spawn(every(interval, async move || {
            if let Err(e) = self.shred_withdrawn(grace.report_days).await {
                tracing::error!(error = %e, "destroying withdrawn reports failed");
            }
            if let Err(e) = self.shred_unopened(grace.consent_days).await {
                tracing::error!(error = %e, "destroying what closed queues never opened failed");
            }
            if let Some(days) = retention_days {
                if let Err(e) = self.purge_closed(days, false).await {
                    tracing::error!(error = %e, "destroying closed reports failed");
                }
            }
        }));
    }
}
