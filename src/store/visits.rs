//! Reporters' follow-up visits: the token's HMAC, the report, and the reporter key sealed under a
//! key derived from the token, until the visit expires.

use super::{on_pool, queue_kind, Store, StoreError};
use crate::crypto::wrap::Wrapped;
use crate::domain::QueueKind;

impl Store {
    #[tracing::instrument(skip_all)]
    pub async fn insert_visit(
        &self,
        id_hmac: &[u8],
        report: &str,
        key: &Wrapped,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM visits WHERE expires_at < $1")
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO visits (id_hmac, report_id, key_nonce, key_sealed, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id_hmac)
            .bind(report)
            .bind(&key.nonce)
            .bind(&key.ciphertext)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Counts one consent change against the visit's budget: false, and the visit ended, once
    /// `budget` are spent.
    #[tracing::instrument(skip_all)]
    pub async fn spend_consent_change(
        &self,
        id_hmac: &[u8],
        budget: i64,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let spent = sqlx::query(
                "UPDATE visits SET consent_changes = consent_changes + 1
                 WHERE id_hmac = $1 AND consent_changes < $2",
            )
            .bind(id_hmac)
            .bind(budget)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if spent == 0 {
                sqlx::query("DELETE FROM visits WHERE id_hmac = $1")
                    .bind(id_hmac)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(spent == 1)
        })
    }

    /// The live visit's report and sealed reporter key.
    #[tracing::instrument(skip_all)]
    pub async fn visit(
        &self,
        id_hmac: &[u8],
        now: i64,
    ) -> Result<Option<(String, Wrapped)>, StoreError> {
        on_pool!(self, read, pool => {
            let row: Option<(String, Vec<u8>, Vec<u8>)> = sqlx::query_as(
                "SELECT report_id, key_nonce, key_sealed FROM visits WHERE id_hmac = $1 AND expires_at > $2",
            )
            .bind(id_hmac)
            .bind(now)
            .fetch_optional(pool)
            .await?;
            Ok(row.map(|(report, nonce, ciphertext)| (report, Wrapped { nonce, ciphertext })))
        })
    }

    /// The entries of a report: (queue kind, status).
    #[tracing::instrument(skip_all)]
    pub async fn entry_statuses(
        &self,
        report: &str,
    ) -> Result<Vec<(QueueKind, String)>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<(String, String)> = sqlx::query_as(
                "SELECT q.kind, e.status FROM report_queues e JOIN queues q ON q.id = e.queue_id
                 WHERE e.report_id = $1",
            )
            .bind(report)
            .fetch_all(pool)
            .await?;
            rows.into_iter()
                .map(|(kind, status)| Ok((queue_kind(&kind)?, status)))
                .collect()
        })
    }

    /// The reporter answered: entries waiting for them come back into the responders' view
    /// (the change's time kept to the hour, since the reporter made it).
    #[tracing::instrument(skip_all)]
    pub async fn reporter_answered(&self, report: &str, now: i64) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            sqlx::query(
                "UPDATE report_queues SET status = 'in_progress', updated_at = $2
                 WHERE report_id = $1 AND status = 'waiting_for_reporter'",
            )
            .bind(report)
            .bind(super::to_the_hour(now))
            .execute(pool)
            .await?;
            Ok(())
        })
    }
}
