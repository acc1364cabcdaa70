//! What expires is deleted on a timer, not only when it is presented again: staff sessions,
//! reporters' follow-up visits, routing tickets and staged uploads each hold key material (a
//! sealed private key, a sealed routing plan, sealed file pieces) that must leave the database
//! when it stops working. A sweep is idempotent, so every replica may run it; after each one the
//! engine is made to drop the bytes too (`compact_after_sweep`).

use super::{on_pool, Store, StoreError};

/// How long a staff session lives: unused, and at most.
#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    pub idle_secs: i64,
    pub absolute_secs: i64,
}

/// What one sweep deleted, by kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub sessions: u64,
    pub visits: u64,
    pub tickets: u64,
    pub uploads: u64,
}

impl Swept {
    pub fn total(&self) -> u64 {
        self.sessions + self.visits + self.tickets + self.uploads
    }
}

impl Store {
    /// Deletes, as of `at`, every session past its idle or absolute limit, every visit and
    /// upload past its expiry and every routing ticket past its own. Each condition is the one
    /// its reader applies, so nothing a request could still use is swept.
    #[tracing::instrument(skip_all)]
    pub async fn sweep_expired(
        &self,
        at: i64,
        sessions: SessionLimits,
    ) -> Result<Swept, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            // `Accounts::resolve` ends a session when at - last_seen_at > idle or
            // at - created_at > absolute.
            let swept_sessions = sqlx::query(
                "DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2",
            )
            .bind(at - sessions.idle_secs)
            .bind(at - sessions.absolute_secs)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            // A visit and an upload are live while expires_at > at.
            let visits = sqlx::query("DELETE FROM visits WHERE expires_at <= $1")
                .bind(at)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            sqlx::query(
                "DELETE FROM upload_chunks
                 WHERE upload_id IN (SELECT id FROM uploads WHERE expires_at <= $1)",
            )
            .bind(at)
            .execute(&mut *tx)
            .await?;
            let uploads = sqlx::query("DELETE FROM uploads WHERE expires_at <= $1")
                .bind(at)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            // A ticket is refused by name (410) only past expires_at.
            let tickets = sqlx::query("DELETE FROM sealed_tickets WHERE expires_at < $1")
                .bind(at)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            Ok(Swept {
                sessions: swept_sessions,
                visits,
                tickets,
                uploads,
            })
        })
    }

    /// After a sweep: SQLite (secure_delete is on for every connection, so deleted cells are
    /// overwritten) copies the overwritten pages from the write-ahead log into the database and
    /// truncates the log; PostgreSQL vacuums the swept tables so their dead rows are reclaimed.
    #[tracing::instrument(skip_all)]
    pub async fn compact_after_sweep(&self) -> Result<(), StoreError> {
        self.compact(&[
            "sessions",
            "visits",
            "sealed_tickets",
            "upload_chunks",
            "uploads",
        ])
        .await
    }
}
