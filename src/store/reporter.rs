//! What the reporter changes from the follow-up page: the withdrawal of the report, whose grace
//! period ends in crypto-shredding (every sealed copy of every item key, then the ciphertexts,
//! then the report's row; SQLite overwrites what it frees and checkpoints, PostgreSQL vacuums).
//! Consents are `consent`'s.

use super::{begin_audited, on_pool, try_append_audit, AuditEntry, Store, StoreError};

/// What destroying a report deletes, in order: the sealed item keys first, so that no
/// ciphertext outlives the last key that opens it even within the transaction, then the items,
/// entries, visits and the row with its reporter key (and its locator with it).
pub(super) const REPORT_ROWS: [&str; 7] = [
    "DELETE FROM item_keys WHERE item_id IN (SELECT id FROM items WHERE report_id = $1)",
    "DELETE FROM item_chunks WHERE item_id IN (SELECT id FROM items WHERE report_id = $1)",
    "DELETE FROM item_openings WHERE item_id IN (SELECT id FROM items WHERE report_id = $1)",
    "DELETE FROM items WHERE report_id = $1",
    "DELETE FROM visits WHERE report_id = $1",
    "DELETE FROM report_queues WHERE report_id = $1",
    "DELETE FROM reports WHERE id = $1",
];

impl Store {
    /// Withdraws a report: it leaves the reporter's view (no code opens it, every visit ends)
    /// until its keys are destroyed. When is kept to the hour, rounded up: the grace period is
    /// counted from there, so it never ends before the notice promised. False if it was gone or
    /// withdrawn already.
    #[tracing::instrument(skip_all)]
    pub async fn withdraw(
        &self,
        report: &str,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let changed = sqlx::query(
                "UPDATE reports SET withdrawn_at = $2, updated_at = $2
                 WHERE id = $1 AND withdrawn_at IS NULL",
            )
            .bind(report)
            .bind(super::to_the_next_hour(at))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            sqlx::query("DELETE FROM visits WHERE report_id = $1")
                .bind(report)
                .execute(&mut *tx)
                .await?;
            if changed == 1 {
                try_append_audit!(self, tx, audit);
            }
            tx.commit().await?;
            Ok(changed == 1)
        })
    }

    /// When the report was withdrawn, if it was.
    #[tracing::instrument(skip_all)]
    pub async fn withdrawn_at(&self, report: &str) -> Result<Option<i64>, StoreError> {
        on_pool!(self, read, pool => {
            let at: Option<Option<i64>> =
                sqlx::query_scalar("SELECT withdrawn_at FROM reports WHERE id = $1")
                    .bind(report)
                    .fetch_optional(pool)
                    .await?;
            Ok(at.flatten())
        })
    }

    /// Reports withdrawn at or before `before`, oldest first.
    #[tracing::instrument(skip_all)]
    pub async fn withdrawn_before(&self, before: i64) -> Result<Vec<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT id FROM reports WHERE withdrawn_at IS NOT NULL AND withdrawn_at <= $1
                 ORDER BY withdrawn_at LIMIT 1000",
            )
            .bind(before)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Destroys a report: the sealed item keys first, so that no ciphertext outlives the last
    /// key that opens it even within the transaction, then the items, entries, visits and the
    /// row with its reporter key.
    #[tracing::instrument(skip_all)]
    pub async fn destroy_report(
        &self,
        report: &str,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            for sql in REPORT_ROWS {
                sqlx::query(sql).bind(report).execute(&mut *tx).await?;
            }
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(())
        })
    }

    /// After destruction: SQLite (secure_delete is on for every connection) moves the
    /// overwritten pages from the write-ahead log into the database and truncates the log;
    /// PostgreSQL vacuums the tables that held them.
    #[tracing::instrument(skip_all)]
    pub async fn compact_after_destruction(&self) -> Result<(), StoreError> {
        self.compact(&[
            "item_keys",
            "item_chunks",
            "items",
            "item_openings",
            "reports",
            "report_queues",
        ])
        .await
    }
}
