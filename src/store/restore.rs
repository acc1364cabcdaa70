//! What backups and restores need from the database: a consistent SQLite snapshot while the server
//! runs, each queue's membership, forgetting every session and visit a snapshot holds, and holding
//! queues out of routing until a coordinator confirms them.

use std::path::Path;

use super::{begin_audited, on_pool, try_append_audit, AuditEntry, Store, StoreError};

/// A queue's membership as it stands: its key and who holds a copy of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub queue: String,
    pub public_key: Vec<u8>,
    pub holders: Vec<String>,
}

impl Store {
    /// Writes a consistent copy of the SQLite database to `to` (VACUUM INTO reads one snapshot,
    /// so writers go on meanwhile). PostgreSQL is backed up with pg_dump instead.
    #[tracing::instrument(skip_all)]
    pub async fn snapshot_into(&self, to: &Path) -> Result<(), StoreError> {
        if self.is_postgres() {
            return Err(StoreError::Durability(
                "PostgreSQL is backed up with pg_dump, not by the server".into(),
            ));
        }
        on_pool!(self, read, pool => {
            sqlx::query("VACUUM INTO $1")
                .bind(to.display().to_string())
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Every report's id.
    #[tracing::instrument(skip_all)]
    pub async fn report_ids(&self) -> Result<Vec<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT id FROM reports ORDER BY id")
                .fetch_all(pool)
                .await?)
        })
    }

    /// Every active queue's key and holders, by queue id.
    #[tracing::instrument(skip_all)]
    pub async fn memberships(&self) -> Result<Vec<Membership>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<(String, Vec<u8>, Option<String>)> = sqlx::query_as(
                "SELECT q.id, q.public_key, c.account_id FROM queues q
                 LEFT JOIN queue_key_copies c ON c.queue_id = q.id AND c.queue_public_key = q.public_key
                 WHERE q.active ORDER BY q.id, c.account_id",
            )
            .fetch_all(pool)
            .await?;
            let mut out: Vec<Membership> = Vec::new();
            for (queue, public_key, holder) in rows {
                if out.last().is_none_or(|m| m.queue != queue) {
                    out.push(Membership { queue, public_key, holders: Vec::new() });
                }
                if let (Some(m), Some(holder)) = (out.last_mut(), holder) {
                    m.holders.push(holder);
                }
            }
            Ok(out)
        })
    }

    /// After a restore: every session, visit, staged upload and invite the snapshot holds goes,
    /// so nothing issued before the snapshot opens anything after it.
    #[tracing::instrument(skip_all)]
    pub async fn forget_credentials(&self) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            for sql in [
                "DELETE FROM sessions",
                "DELETE FROM visits",
                "DELETE FROM upload_chunks",
                "DELETE FROM uploads",
                "DELETE FROM invites",
            ] {
                sqlx::query(sql).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Holds `queue` out of routing from `at` until a coordinator confirms it.
    #[tracing::instrument(skip_all)]
    pub async fn hold_after_restore(
        &self,
        queue: &str,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            sqlx::query("UPDATE queues SET held_after_restore = $1 WHERE id = $2")
                .bind(at)
                .bind(queue)
                .execute(&mut *tx)
                .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Lifts a restore's hold; false if the queue was not held.
    #[tracing::instrument(skip_all)]
    pub async fn confirm_after_restore(
        &self,
        queue: &str,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let done = sqlx::query(
                "UPDATE queues SET held_after_restore = NULL
                 WHERE id = $1 AND held_after_restore IS NOT NULL",
            )
            .bind(queue)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Ok(false);
            }
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(true)
        })
    }
}
