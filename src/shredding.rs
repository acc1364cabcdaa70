//! Crypto-shredding of withdrawn reports once their grace period is over: every sealed copy of
//! every item key goes, then the ciphertexts and the report's row with its reporter key, and the
//! engine is made to overwrite or reclaim what held them. Each destruction is audited by id.
//! Backups keep what they hold until they expire (docs/security.md).

use std::time::Duration;

use crate::audit::Audit;
use crate::store::{now, Store, StoreError};

/// Destroys every report withdrawn more than `grace_days` ago; returns how many went.
pub async fn shred_due(store: &Store, audit: &Audit, grace_days: i64) -> Result<usize, StoreError> {
    let due = store.withdrawn_before(now() - grace_days * 86_400).await?;
    for report in &due {
        // Audited first: a destruction is never missing from the log.
        audit
            .record("system", "report_destroyed", &format!("report:{report}"))
            .await?;
        store.destroy_report(report).await?;
    }
    if !due.is_empty() {
        store.compact_after_destruction().await?;
        tracing::info!(reports = due.len(), "withdrawn reports destroyed");
    }
    Ok(due.len())
}

/// Looks for reports past their grace period every `interval`, on every replica (a report
/// destroyed twice is destroyed once: the second pass finds nothing).
pub fn spawn(store: Store, audit: Audit, grace_days: i64, interval: Duration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(e) = shred_due(&store, &audit, grace_days).await {
                tracing::error!(error = %e, "destroying withdrawn reports failed");
            }
        }
    });
}
