//! The audit log's storage: appends serialised in the database, entries read back in order.

use super::{on_pool, Store, StoreError};

/// An audit entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub mac: Vec<u8>,
}

/// A key the PostgreSQL advisory lock is taken on while appending.
const AUDIT_LOCK: i64 = 0x6175_6469_745f_6c6f;

impl Store {
    /// Appends one entry after the current head; `mac` is computed from the head's MAC and seq.
    #[tracing::instrument(skip_all)]
    pub async fn append_audit(
        &self,
        at: i64,
        actor: &str,
        action: &str,
        subject: &str,
        mac: impl Fn(Option<&[u8]>, i64) -> Vec<u8>,
    ) -> Result<i64, StoreError> {
        // On SQLite the transaction takes the write lock at once: one that read the head first and
        // then wrote would fail, not wait, when another process (a console command, a second
        // replica's tasks) wrote in between; and an append that fails now stops its change.
        let begin = if self.is_postgres() {
            "BEGIN"
        } else {
            "BEGIN IMMEDIATE"
        };
        on_pool!(self, write, pool => {
            let mut tx = pool.begin_with(begin).await?;
            if self.is_postgres() {
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(AUDIT_LOCK).execute(&mut *tx).await?;
            }
            let head: Option<(i64, Vec<u8>)> =
                sqlx::query_as("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1")
                    .fetch_optional(&mut *tx)
                    .await?;
            let seq = head.as_ref().map_or(1, |(seq, _)| seq + 1);
            let mac = mac(head.as_ref().map(|(_, m)| m.as_slice()), seq);
            sqlx::query("INSERT INTO audit_log (seq, at, actor, action, subject, mac) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(seq)
                .bind(at)
                .bind(actor)
                .bind(action)
                .bind(subject)
                .bind(&mac)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(seq)
        })
    }

    /// The last entry's sequence number and MAC: the chain's head.
    #[tracing::instrument(skip_all)]
    pub async fn audit_head(&self) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1")
                .fetch_optional(pool)
                .await?)
        })
    }

    /// When `action` was last recorded, if ever.
    #[tracing::instrument(skip_all)]
    pub async fn last_audited(&self, action: &str) -> Result<Option<i64>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT MAX(at) FROM audit_log WHERE action = $1")
                .bind(action)
                .fetch_one(pool)
                .await?)
        })
    }

    /// Entries with `seq > after`, in order, at most `limit`.
    #[tracing::instrument(skip_all)]
    pub async fn audit_entries(&self, after: i64, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<(i64, i64, String, String, String, Vec<u8>)> = sqlx::query_as(
                "SELECT seq, at, actor, action, subject, mac FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
            )
            .bind(after)
            .bind(limit)
            .fetch_all(pool)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(seq, at, actor, action, subject, mac)| AuditRow { seq, at, actor, action, subject, mac })
                .collect())
        })
    }

    /// The latest changes config made to an organisation's queues: (at, action, queue id).
    #[tracing::instrument(skip_all)]
    pub async fn queue_changes_for(
        &self,
        organisation: &str,
    ) -> Result<Vec<(i64, String, String)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(
                "SELECT a.at, a.action, q.id FROM audit_log a JOIN queues q ON a.subject = 'queue:' || q.id
                 WHERE q.organisation_id = $1
                   AND a.action IN ('queue_declared', 'queue_changed', 'queue_withdrawn')
                 ORDER BY a.seq DESC LIMIT 20",
            )
            .bind(organisation)
            .fetch_all(pool)
            .await?)
        })
    }
}
