//! What the responder workspace reads and writes: queue keys sealed to members, membership, and
//! the queue entries a responder works.

use sqlx::Row;

use super::listing::{Entry, ListQuery};
use super::{begin_audited, on_pool, queue_kind, try_append_audit, AuditEntry, Store, StoreError};
use crate::crypto::SealedKey;
use crate::domain::QueueKind;

/// A queue as the workspace shows it.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub id: String,
    pub organisation_id: String,
    pub kind: QueueKind,
    pub public_key: Vec<u8>,
    pub key_imported: bool,
    /// A restore holds it out of routing until a coordinator confirms its membership.
    pub held_after_restore: bool,
}

const QUEUE_COLUMNS: &str =
    "SELECT id, organisation_id, kind, public_key, key_imported_at, held_after_restore FROM queues";

type QueueTuple = (String, String, String, Vec<u8>, Option<i64>, Option<i64>);

impl TryFrom<QueueTuple> for QueueRow {
    type Error = StoreError;

    fn try_from(
        (id, organisation_id, kind, public_key, imported_at, held): QueueTuple,
    ) -> Result<QueueRow, StoreError> {
        Ok(QueueRow {
            id,
            organisation_id,
            kind: queue_kind(&kind)?,
            public_key,
            key_imported: imported_at.is_some(),
            held_after_restore: held.is_some(),
        })
    }
}

/// A member of an organisation, with their account's public key.
#[derive(Debug, Clone)]
pub struct Member {
    pub account_id: String,
    pub username: String,
    pub role: String,
    pub public_key: Vec<u8>,
}

/// A queue's entry of one report, as the workflow sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryState {
    pub status: String,
    pub assignee: Option<String>,
    pub outcome: Option<String>,
    /// When a withdrawn consent closed the entry to its queue, if it did: nothing is done with
    /// it any more, and its queue reads only what it had opened.
    pub consent_withdrawn_at: Option<i64>,
}

/// An entry's state as stored: status, assignee, outcome, when a withdrawn consent closed it.
type EntryStateTuple = (String, Option<String>, Option<String>, Option<i64>);

/// One member's sealed copy of a queue key.
pub struct NewCopy {
    pub account_id: String,
    pub sealed: SealedKey,
}

impl Store {
    #[tracing::instrument(skip_all)]
    pub async fn queue(&self, id: &str) -> Result<Option<QueueRow>, StoreError> {
        on_pool!(self, read, pool => {
            let row: Option<QueueTuple> = sqlx::query_as(&format!("{QUEUE_COLUMNS} WHERE id = $1 AND active"))
                .bind(id)
                .fetch_optional(pool)
                .await?;
            row.map(QueueRow::try_from).transpose()
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn queues_of_organisation(
        &self,
        organisation: &str,
    ) -> Result<Vec<QueueRow>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<QueueTuple> =
                sqlx::query_as(&format!("{QUEUE_COLUMNS} WHERE organisation_id = $1 AND active ORDER BY id"))
                    .bind(organisation)
                    .fetch_all(pool)
                    .await?;
            rows.into_iter().map(QueueRow::try_from).collect()
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn members(&self, organisation: &str) -> Result<Vec<Member>, StoreError> {
        on_pool!(self, read, pool => {
            let rows = sqlx::query(
                "SELECT id, username, role, public_key FROM accounts WHERE organisation_id = $1 ORDER BY username",
            )
            .bind(organisation)
            .fetch_all(pool)
            .await?;
            rows.iter()
                .map(|row| {
                    Ok(Member {
                        account_id: row.try_get(0)?,
                        username: row.try_get(1)?,
                        role: row.try_get(2)?,
                        public_key: row.try_get(3)?,
                    })
                })
                .collect()
        })
    }

    /// Stores sealed copies of a queue key and marks the key imported, in one transaction.
    #[tracing::instrument(skip_all)]
    pub async fn add_key_copies(
        &self,
        queue: &str,
        queue_public_key: &[u8],
        copies: &[NewCopy],
        granted_by: &str,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            for copy in copies {
                sqlx::query(
                    "INSERT INTO queue_key_copies (queue_id, account_id, queue_public_key, enc, sealed_key, granted_by, granted_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     ON CONFLICT (queue_id, account_id, queue_public_key)
                     DO UPDATE SET enc = $4, sealed_key = $5, granted_by = $6, granted_at = $7",
                )
                .bind(queue)
                .bind(&copy.account_id)
                .bind(queue_public_key)
                .bind(&copy.sealed.enc)
                .bind(&copy.sealed.ciphertext)
                .bind(granted_by)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("UPDATE queues SET key_imported_at = $1 WHERE id = $2 AND key_imported_at IS NULL")
                .bind(at)
                .bind(queue)
                .execute(&mut *tx)
                .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            self.membership_changed();
            Ok(())
        })
    }

    /// The member's copy of the queue's current key.
    #[tracing::instrument(skip_all)]
    pub async fn key_copy(
        &self,
        queue: &str,
        account: &str,
    ) -> Result<Option<SealedKey>, StoreError> {
        on_pool!(self, read, pool => {
            let row: Option<(Vec<u8>, Vec<u8>)> = sqlx::query_as(
                "SELECT c.enc, c.sealed_key FROM queue_key_copies c JOIN queues q ON q.id = c.queue_id
                 WHERE c.queue_id = $1 AND c.account_id = $2 AND c.queue_public_key = q.public_key",
            )
            .bind(queue)
            .bind(account)
            .fetch_optional(pool)
            .await?;
            Ok(row.map(|(enc, ciphertext)| SealedKey::server(enc, ciphertext)))
        })
    }

    /// Ids of the queues whose current key the account holds a copy of.
    #[tracing::instrument(skip_all)]
    pub async fn queues_held_by(&self, account: &str) -> Result<Vec<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT c.queue_id FROM queue_key_copies c JOIN queues q ON q.id = c.queue_id
                 WHERE c.account_id = $1 AND c.queue_public_key = q.public_key AND q.active ORDER BY c.queue_id",
            )
            .bind(account)
            .fetch_all(pool)
            .await?)
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn holders(&self, queue: &str) -> Result<Vec<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT c.account_id FROM queue_key_copies c JOIN queues q ON q.id = c.queue_id
                 WHERE c.queue_id = $1 AND c.queue_public_key = q.public_key ORDER BY c.account_id",
            )
            .bind(queue)
            .fetch_all(pool)
            .await?)
        })
    }

    /// A queue's first 500 entries: critical first, then high, then normal; oldest first
    /// within a class (`list_entries` pages and filters).
    pub async fn entries(&self, queue: &str) -> Result<Vec<Entry>, StoreError> {
        let query = ListQuery {
            limit: 500,
            ..ListQuery::default()
        };
        self.list_entries(queue, &query).await
    }
}

impl Store {
    /// The queue has opened the report: everything up to its last item is seen. Returns what
    /// had been seen before, so the page can mark what is new.
    #[tracing::instrument(skip_all)]
    pub async fn mark_seen(&self, queue: &str, report: &str) -> Result<i64, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<i64> = sqlx::query_scalar(
                "SELECT seen_position FROM report_queues WHERE queue_id = $1 AND report_id = $2",
            )
            .bind(queue)
            .bind(report)
            .fetch_optional(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE report_queues SET seen_position =
                    (SELECT COALESCE(MAX(position), 0) FROM items WHERE report_id = $2)
                 WHERE queue_id = $1 AND report_id = $2",
            )
            .bind(queue)
            .bind(report)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(before.unwrap_or(0))
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn entry_state(
        &self,
        queue: &str,
        report: &str,
    ) -> Result<Option<EntryState>, StoreError> {
        on_pool!(self, read, pool => {
            let row: Option<EntryStateTuple> = sqlx::query_as(
                "SELECT status, assignee, outcome, consent_withdrawn_at FROM report_queues
                 WHERE queue_id = $1 AND report_id = $2",
            )
            .bind(queue)
            .bind(report)
            .fetch_optional(pool)
            .await?;
            Ok(row.map(|(status, assignee, outcome, consent_withdrawn_at)| EntryState {
                status,
                assignee,
                outcome,
                consent_withdrawn_at,
            }))
        })
    }

    /// Replaces an entry's state if it is still `expected` (so two responders acting at once
    /// cannot both win) and no withdrawn consent closed it meanwhile. Returns whether it changed.
    /// An entry that closes records `by` and the report's last item (early destruction asks for
    /// both); one that stays closed keeps them; one reopened forgets them.
    #[allow(clippy::too_many_arguments)]
    #[tracing::instrument(skip_all)]
    pub async fn change_entry(
        &self,
        queue: &str,
        report: &str,
        expected: &EntryState,
        next: &EntryState,
        by: &str,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            // In SET, `status` is the entry's status before this change, on both engines.
            let done = sqlx::query(
                "UPDATE report_queues SET status = $1, assignee = $2, outcome = $3, updated_at = $4,
                    closed_by = CASE WHEN $1 <> 'closed' THEN NULL
                                     WHEN status = 'closed' THEN closed_by ELSE $9 END,
                    closed_position = CASE WHEN $1 <> 'closed' THEN NULL
                                           WHEN status = 'closed' THEN closed_position
                                           ELSE (SELECT COALESCE(MAX(position), 0) FROM items
                                                 WHERE report_id = $6) END
                 WHERE queue_id = $5 AND report_id = $6 AND status = $7
                   AND COALESCE(assignee, '') = COALESCE($8, '') AND consent_withdrawn_at IS NULL",
            )
            .bind(&next.status)
            .bind(&next.assignee)
            .bind(&next.outcome)
            .bind(at)
            .bind(queue)
            .bind(report)
            .bind(&expected.status)
            .bind(&expected.assignee)
            .bind(by)
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

/// A queue holding a report, with what sealing to it needs.
#[derive(Debug, Clone)]
pub struct Holder {
    pub queue_id: String,
    pub kind: QueueKind,
    pub organisation_id: String,
    pub public_key: Vec<u8>,
}

impl Store {
    /// The queues holding a report, with their current public keys.
    #[tracing::instrument(skip_all)]
    pub async fn holders_of(&self, report: &str) -> Result<Vec<Holder>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<(String, String, String, Vec<u8>)> = sqlx::query_as(
                "SELECT q.id, q.kind, q.organisation_id, q.public_key FROM report_queues e
                 JOIN queues q ON q.id = e.queue_id WHERE e.report_id = $1 ORDER BY q.id",
            )
            .bind(report)
            .fetch_all(pool)
            .await?;
            rows.into_iter()
                .map(|(queue_id, kind, organisation_id, public_key)| {
                    Ok(Holder { queue_id, kind: queue_kind(&kind)?, organisation_id, public_key })
                })
                .collect()
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn reporter_public_key(&self, report: &str) -> Result<Option<Vec<u8>>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT reporter_public_key FROM reports WHERE id = $1")
                .bind(report)
                .fetch_optional(pool)
                .await?)
        })
    }
}

impl Store {
    /// When each item of a report was written, to the hour (all the plaintext keeps): for a
    /// timeline, beside the exact times items seal inside.
    #[tracing::instrument(skip_all)]
    pub async fn item_hours(&self, report: &str) -> Result<Vec<(String, i64)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as("SELECT id, created_at FROM items WHERE report_id = $1")
                .bind(report)
                .fetch_all(pool)
                .await?)
        })
    }
}
