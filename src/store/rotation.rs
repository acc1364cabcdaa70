//! Members leaving and queue keys rotating. Removing a member deletes their sealed copies at once
//! and marks the queues they held "rotation due". A coordinator then switches the queue to a new,
//! signed key under a lock (so intake on another replica cannot seal to the old key after the
//! switch unnoticed), item keys are re-sealed batch by batch, and a previous key's copies are
//! deleted only once no item key names it, so a crash mid-way orphans nothing.

use uuid::Uuid;

use super::{
    begin_audited, now, on_pool, try_append_audit, AuditEntry, NewCopy, Store, StoreError,
};
use crate::crypto::envelope::Suite;
use crate::crypto::SealedKey;

/// An item key still sealed to a previous queue key.
#[derive(Debug, Clone)]
pub struct StaleItemKey {
    pub item_id: Uuid,
    pub report_id: Uuid,
    pub recipient_key: Vec<u8>,
    pub sealed: SealedKey,
}

/// item id, report id, recipient key, enc, sealed key.
type StaleRow = (String, String, Vec<u8>, Vec<u8>, Vec<u8>, i16);

/// The switch to a new queue key.
pub struct KeySwitch<'a> {
    pub queue: &'a str,
    pub from: &'a [u8],
    pub to: &'a [u8],
    pub signature: &'a [u8],
    pub copies: &'a [NewCopy],
    pub by: &'a str,
    pub audit: &'a AuditEntry<'a>,
}

impl Store {
    /// Removes a member of `organisation`: their key copies, sessions and claims go with the
    /// account. Returns the queues now due for rotation, or `None` if there is no such member.
    #[tracing::instrument(skip_all)]
    pub async fn remove_member<'a>(
        &self,
        organisation: &str,
        account: &str,
        audit: &AuditEntry<'_>,
        rotation_due: impl for<'q> Fn(&'q str) -> AuditEntry<'a>,
    ) -> Result<Option<Vec<String>>, StoreError> {
        let at = now();
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let queues: Vec<String> = sqlx::query_scalar(
                "SELECT DISTINCT c.queue_id FROM queue_key_copies c JOIN queues q ON q.id = c.queue_id
                 WHERE c.account_id = $1 AND q.organisation_id = $2 ORDER BY c.queue_id",
            )
            .bind(account)
            .bind(organisation)
            .fetch_all(&mut *tx)
            .await?;
            // What the member made stops working with them: invite and reset links not yet used.
            sqlx::query(
                "DELETE FROM invites WHERE created_by = $1 AND used_at IS NULL
                 AND EXISTS (SELECT 1 FROM accounts WHERE id = $1 AND organisation_id = $2)",
            )
            .bind(account)
            .bind(organisation)
            .execute(&mut *tx)
            .await?;
            let removed = sqlx::query("DELETE FROM accounts WHERE id = $1 AND organisation_id = $2")
                .bind(account)
                .bind(organisation)
                .execute(&mut *tx)
                .await?;
            if removed.rows_affected() == 0 {
                return Ok(None);
            }
            sqlx::query("UPDATE report_queues SET assignee = NULL WHERE assignee = $1")
                .bind(account)
                .execute(&mut *tx)
                .await?;
            for queue in &queues {
                sqlx::query("UPDATE queues SET rotation_due_at = $2 WHERE id = $1")
                    .bind(queue)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
            }
            try_append_audit!(self, tx, audit);
            for queue in &queues {
                try_append_audit!(self, tx, &rotation_due(queue));
            }
            tx.commit().await?;
            self.membership_changed();
            Ok(Some(queues))
        })
    }

    /// Whether the queue awaits a new key since a member left.
    #[tracing::instrument(skip_all)]
    pub async fn rotation_due(&self, queue: &str) -> Result<bool, StoreError> {
        on_pool!(self, read, pool => {
            let due: Option<Option<i64>> =
                sqlx::query_scalar("SELECT rotation_due_at FROM queues WHERE id = $1")
                    .bind(queue)
                    .fetch_optional(pool)
                    .await?;
            Ok(due.flatten().is_some())
        })
    }

    /// Switches the queue to a new key and gives its members their copies of it, in one
    /// transaction holding the queue's row lock; `false` if the queue's key is no longer `from`.
    #[tracing::instrument(skip_all)]
    pub async fn switch_queue_key(&self, switch: &KeySwitch<'_>) -> Result<bool, StoreError> {
        let at = now();
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let lock = if self.is_postgres() {
                "SELECT public_key FROM queues WHERE id = $1 FOR UPDATE"
            } else {
                "SELECT public_key FROM queues WHERE id = $1"
            };
            let current: Option<Vec<u8>> = sqlx::query_scalar(lock)
                .bind(switch.queue)
                .fetch_optional(&mut *tx)
                .await?;
            if current.as_deref() != Some(switch.from) {
                return Ok(false);
            }
            for copy in switch.copies {
                sqlx::query(
                    "INSERT INTO queue_key_copies (queue_id, account_id, queue_public_key, enc, sealed_key, granted_by, granted_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     ON CONFLICT (queue_id, account_id, queue_public_key) DO NOTHING",
                )
                .bind(switch.queue)
                .bind(&copy.account_id)
                .bind(switch.to)
                .bind(&copy.sealed.enc)
                .bind(&copy.sealed.ciphertext)
                .bind(switch.by)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query(
                "UPDATE queues SET public_key = $2, signature = $3, rotation_due_at = NULL,
                     key_rotated_at = $4, updated_at = $4 WHERE id = $1",
            )
            .bind(switch.queue)
            .bind(switch.to)
            .bind(switch.signature)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            try_append_audit!(self, tx, switch.audit);
            tx.commit().await?;
            self.membership_changed();
            Ok(true)
        })
    }

    /// Up to `limit` item keys of the queue sealed to anything but `current`, after `after` in
    /// item order (so one pass walks the table once).
    #[tracing::instrument(skip_all)]
    pub async fn stale_item_keys(
        &self,
        queue: &str,
        current: &[u8],
        after: &str,
        limit: i64,
    ) -> Result<Vec<StaleItemKey>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<StaleRow> = sqlx::query_as(
                "SELECT k.item_id, i.report_id, k.recipient_key, k.enc, k.sealed_key, k.suite
                 FROM item_keys k JOIN items i ON i.id = k.item_id
                 WHERE k.recipient = $1 AND k.recipient_key <> $2 AND k.item_id > $3
                 ORDER BY k.item_id LIMIT $4",
            )
            .bind(format!("queue:{queue}"))
            .bind(current)
            .bind(after)
            .bind(limit)
            .fetch_all(pool)
            .await?;
            rows.into_iter()
                .map(|(item, report, recipient_key, enc, ciphertext, suite)| {
                    Ok(StaleItemKey {
                        item_id: Uuid::parse_str(&item).map_err(|_| StoreError::Corrupt("item id"))?,
                        report_id: Uuid::parse_str(&report).map_err(|_| StoreError::Corrupt("report id"))?,
                        recipient_key,
                        sealed: SealedKey { suite: Suite::from_code(suite).map_err(|_| StoreError::Corrupt("suite"))?, enc, ciphertext },
                    })
                })
                .collect()
        })
    }

    /// Replaces item keys re-sealed to `to`, each only if it is still sealed to the key it was
    /// read with.
    #[tracing::instrument(skip_all)]
    pub async fn reseal_item_keys(
        &self,
        queue: &str,
        to: &[u8],
        resealed: &[(StaleItemKey, SealedKey)],
    ) -> Result<(), StoreError> {
        let recipient = format!("queue:{queue}");
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            for (old, new) in resealed {
                sqlx::query(
                    "UPDATE item_keys SET recipient_key = $4, enc = $5, sealed_key = $6, suite = $7
                     WHERE item_id = $1 AND recipient = $2 AND recipient_key = $3",
                )
                .bind(old.item_id.to_string())
                .bind(&recipient)
                .bind(&old.recipient_key)
                .bind(to)
                .bind(&new.enc)
                .bind(&new.ciphertext)
                .bind(new.suite.code())
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Deletes the copies of the queue's previous keys that no item key names any more. Returns
    /// how many previous keys are still in use.
    #[tracing::instrument(skip_all)]
    pub async fn retire_unused_keys(&self, queue: &str) -> Result<i64, StoreError> {
        let recipient = format!("queue:{queue}");
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "DELETE FROM queue_key_copies
                 WHERE queue_id = $1
                   AND queue_public_key <> (SELECT public_key FROM queues WHERE id = $1)
                   AND NOT EXISTS (SELECT 1 FROM item_keys k WHERE k.recipient = $2
                                   AND k.recipient_key = queue_key_copies.queue_public_key)",
            )
            .bind(queue)
            .bind(&recipient)
            .execute(&mut *tx)
            .await?;
            let left: i64 = sqlx::query_scalar(
                "SELECT COUNT(DISTINCT queue_public_key) FROM queue_key_copies
                 WHERE queue_id = $1 AND queue_public_key <> (SELECT public_key FROM queues WHERE id = $1)",
            )
            .bind(queue)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(left)
        })
    }

    /// How many previous keys of the queue some copy still holds (re-sealing not finished).
    #[tracing::instrument(skip_all)]
    pub async fn previous_keys(&self, queue: &str) -> Result<i64, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT COUNT(DISTINCT c.queue_public_key) FROM queue_key_copies c
                 JOIN queues q ON q.id = c.queue_id
                 WHERE c.queue_id = $1 AND c.queue_public_key <> q.public_key",
            )
            .bind(queue)
            .fetch_one(pool)
            .await?)
        })
    }

    /// Every copy of the queue's keys the account holds: (queue public key, sealed private key).
    #[tracing::instrument(skip_all)]
    pub async fn key_copies(
        &self,
        queue: &str,
        account: &str,
    ) -> Result<Vec<(Vec<u8>, SealedKey)>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<(Vec<u8>, Vec<u8>, Vec<u8>)> = sqlx::query_as(
                "SELECT queue_public_key, enc, sealed_key FROM queue_key_copies
                 WHERE queue_id = $1 AND account_id = $2",
            )
            .bind(queue)
            .bind(account)
            .fetch_all(pool)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(public, enc, ciphertext)| (public, SealedKey::server(enc, ciphertext)))
                .collect())
        })
    }
}
