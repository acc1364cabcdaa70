//! Crypto-shredding: of withdrawn reports once their grace period is over, and of reports whose
//! every queue entry was closed longer ago than the retention period. Every sealed copy of every
//! item key goes, then the ciphertexts and the report's row with its reporter key, and the engine
//! is made to overwrite or reclaim what held them. Each destruction is audited by id and listed
//! beside the secrets (crate::store::destroyed). Reports with an open entry are never destroyed by
//! retention; each pass says how many it kept. Backups keep what they hold until they expire
//! (docs/security.md).

use std::time::Duration;

use crate::store::destroyed::DestroyedList;
use crate::store::{now, ClosedReport, Kept, Store, StoreError};
use crate::trust::audit::Audit;

#[derive(Debug, thiserror::Error)]
pub enum ShredError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("listing destroyed reports in {0}: {1}")]
    List(String, std::io::Error),
}

/// What destroys reports: the database, the audit log and the list beside the secrets.
#[derive(Clone)]
pub struct Shredder {
    pub store: Store,
    pub audit: Audit,
    pub destroyed: DestroyedList,
}

/// What a retention pass destroyed (or, dry, would destroy) and what it kept.
#[derive(Debug, Default)]
pub struct Purge {
    pub due: Vec<ClosedReport>,
    pub kept: Kept,
}

impl Shredder {
    /// Destroys `reports`, each audited under `action` first, listed, then gone.
    pub async fn destroy(&self, reports: &[String], action: &str) -> Result<(), ShredError> {
        for report in reports {
            self.audit
                .record("system", action, &format!("report:{report}"))
                .await?;
            self.destroyed
                .record([report.as_str()])
                .map_err(|e| ShredError::List(self.destroyed.path().display().to_string(), e))?;
            self.store.destroy_report(report).await?;
        }
        if !reports.is_empty() {
            self.store.compact_after_destruction().await?;
        }
        Ok(())
    }

    /// Destroys every report withdrawn more than `grace_days` ago; returns how many went.
    pub async fn shred_withdrawn(&self, grace_days: i64) -> Result<usize, ShredError> {
        let due = self
            .store
            .withdrawn_before(now() - grace_days * 86_400)
            .await?;
        self.destroy(&due, "report_destroyed").await?;
        if !due.is_empty() {
            tracing::info!(reports = due.len(), "withdrawn reports destroyed");
        }
        Ok(due.len())
    }

    /// Reports whose every entry was closed more than `days` ago: destroyed unless `dry`.
    pub async fn purge_closed(&self, days: i64, dry: bool) -> Result<Purge, ShredError> {
        let before = now() - days * 86_400;
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

    /// Every `interval`, on every replica: withdrawn reports past their grace period, then (if
    /// retention is on) closed reports past it. A report destroyed twice is destroyed once.
    pub fn spawn(self, grace_days: i64, retention_days: Option<i64>, interval: Duration) {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(interval);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if let Err(e) = self.shred_withdrawn(grace_days).await {
                    tracing::error!(error = %e, "destroying withdrawn reports failed");
                }
                if let Some(days) = retention_days {
                    if let Err(e) = self.purge_closed(days, false).await {
                        tracing::error!(error = %e, "destroying closed reports failed");
                    }
                }
            }
        });
    }
}
