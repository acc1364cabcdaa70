//! Queues as the config declares them, mirrored into the database so that report entries can refer
//! to them. Once a coordinator has imported a queue's key, the database holds its current public
//! key and config gives only the first. Replicas starting together serialise on a database lock.

use super::{begin_audited, now, on_pool, try_append_audit, AuditEntry, Store, StoreError};
use crate::triage::RoutingConfig;

/// A key the PostgreSQL advisory lock is taken on while the config is mirrored.
const CONFIG_LOCK: i64 = 0x686f_6d65_7761_7264;

impl Store {
    /// Upserts every queue of `config` (and a bare row for an organisation it names that does not
    /// exist yet) and marks queues it no longer declares inactive, in one transaction with an
    /// audit entry (`audit`'s) for each change since the last start. Returns the changes.
    #[tracing::instrument(skip_all)]
    pub async fn sync_routing<'a>(
        &self,
        config: &RoutingConfig,
        audit: impl Fn(&QueueChange) -> AuditEntry<'a>,
    ) -> Result<Vec<QueueChange>, StoreError> {
        let at = now();
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            if self.is_postgres() {
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(CONFIG_LOCK).execute(&mut *tx).await?;
            }
            let before: Vec<(String, Option<String>, bool)> =
                sqlx::query_as("SELECT id, config_digest, active FROM queues")
                    .fetch_all(&mut *tx)
                    .await?;
            let changes = queue_changes(&before, config);
            // A queue may name an organisation the operator has not registered yet: it gets a
            // bare row (so the queue can refer to it) and receives nothing until registered.
            for q in &config.queues {
                let (name, registered) = if q.demo { (crate::triage::routing::DEMO_ORGANISATION_NAME, Some(at)) } else { (q.organisation.as_str(), None) };
                sqlx::query(
                    "INSERT INTO organisations (id, name, kind, demo, registered_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
                )
                .bind(&q.organisation)
                .bind(name)
                .bind(q.kind.organisation_kind().as_str())
                .bind(q.demo)
                .bind(registered)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("UPDATE queues SET active = FALSE, updated_at = $1 WHERE active")
                .bind(at)
                .execute(&mut *tx)
                .await?;
            for q in &config.queues {
                sqlx::query(
                    "INSERT INTO queues (id, organisation_id, kind, public_key, signature, demo, active, updated_at, config_digest)
                     VALUES ($1, $2, $3, $4, $5, $6, TRUE, $7, $8)
                     ON CONFLICT (id) DO UPDATE SET organisation_id = excluded.organisation_id,
                         kind = excluded.kind, demo = excluded.demo, active = TRUE,
                         updated_at = excluded.updated_at, config_digest = excluded.config_digest,
                         public_key = CASE WHEN queues.key_imported_at IS NULL
                             THEN excluded.public_key ELSE queues.public_key END,
                         signature = CASE WHEN queues.key_imported_at IS NULL
                             THEN excluded.signature ELSE queues.signature END",
                )
                .bind(&q.id)
                .bind(&q.organisation)
                // The table keeps the name it always had (`QueueKind::stored_name`).
                .bind(q.kind.stored_name())
                .bind(q.public_key.to_bytes())
                .bind(q.signature.as_ref().map(|s| s.to_bytes()))
                .bind(q.demo)
                .bind(at)
                .bind(q.digest())
                .execute(&mut *tx)
                .await?;
            }
            for change in &changes {
                try_append_audit!(self, tx, &audit(change));
            }
            tx.commit().await?;
            Ok(changes)
        })
    }

    /// Ids of the active queues, for checks and tests.
    #[tracing::instrument(skip_all)]
    pub async fn active_queue_ids(&self) -> Result<Vec<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT id FROM queues WHERE active ORDER BY id").fetch_all(pool).await?)
        })
    }
}

/// What a start found changed in a queue's declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueChange {
    pub queue: String,
    /// `queue_declared`, `queue_changed` or `queue_withdrawn`.
    pub action: &'static str,
}

fn queue_changes(
    before: &[(String, Option<String>, bool)],
    config: &RoutingConfig,
) -> Vec<QueueChange> {
    let mut changes = Vec::new();
    for q in &config.queues {
        let action = match before.iter().find(|(id, ..)| *id == q.id) {
            None => Some("queue_declared"),
            Some((_, _, false)) => Some("queue_declared"),
            Some((_, digest, true)) if digest.as_deref() != Some(q.digest().as_str()) => {
                Some("queue_changed")
            }
            Some(_) => None,
        };
        if let Some(action) = action {
            changes.push(QueueChange {
                queue: q.id.clone(),
                action,
            });
        }
    }
    for (id, _, active) in before {
        if *active && !config.queues.iter().any(|q| &q.id == id) {
            changes.push(QueueChange {
                queue: id.clone(),
                action: "queue_withdrawn",
            });
        }
    }
    changes
}

impl Store {
    /// Every organisation: (id, name, kind).
    #[tracing::instrument(skip_all)]
    pub async fn organisations(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as("SELECT id, name, kind FROM organisations ORDER BY name").fetch_all(pool).await?)
        })
    }
}
