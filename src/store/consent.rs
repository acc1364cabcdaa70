//! What the reporter's consents decide in storage. Giving or withdrawing one changes the report's
//! flag and the entries of the kind of queue it admits in one transaction: a withdrawal closes
//! them at once, a grant reopens them. Each queue marks what it opened, item by item, so that a
//! closed entry still shows what was read and, after the grace period, loses the copies of the
//! item keys of everything it never opened (then any item that no copy opens any more).

use std::collections::HashSet;

use uuid::Uuid;

use super::{begin_audited, on_pool, try_append_audit, AuditEntry, Store, StoreError};
use crate::domain::{Audience, Consent};

/// The report's column that holds a consent.
fn column(consent: Consent) -> &'static str {
    match consent {
        Consent::PartnerNgos => "consent_partner_ngos",
        Consent::Consulate => "consent_consulate",
        Consent::Police => "consent_police",
    }
}

/// What a queue may read of a report now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Everything sealed to it; what it opens now is marked opened.
    Open,
    /// Its entry was closed by a withdrawn consent: only what it had opened before.
    Closed {
        withdrawn_at: i64,
        opened: HashSet<Uuid>,
    },
}

/// A queue's entry closed by a withdrawn consent, as the report's NGO holders see it.
#[derive(Debug, Clone)]
pub struct ConsentClosure {
    pub queue_id: String,
    pub withdrawn_at: i64,
    /// When the copies of what it never opened were destroyed, once they were.
    pub destroyed_at: Option<i64>,
}

/// What destroying a closed queue's unopened copies removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnopenedDestroyed {
    /// Sealed copies of item keys.
    pub copies: u64,
    /// Items no copy opened any more, with their ciphertexts.
    pub items: u64,
}

fn uuid(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| StoreError::Corrupt("item id"))
}

impl Store {
    /// Gives or withdraws one consent; returns whether it was given before, or `None` for a
    /// report that is gone or withdrawn. The same statements run whether or not anything
    /// changes, so that the answer takes the same work either way. A withdrawal closes the
    /// entries of the kind of queue the consent admits from its first moment (withdrawing again
    /// does not put the destruction off); a grant reopens them.
    #[tracing::instrument(skip_all)]
    pub async fn set_consent(
        &self,
        report: &str,
        consent: Consent,
        given: bool,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<Option<bool>, StoreError> {
        let column = column(consent);
        let lock = if self.is_postgres() {
            " FOR UPDATE"
        } else {
            ""
        };
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let before: Option<bool> = sqlx::query_scalar(&format!(
                "SELECT {column} FROM reports WHERE id = $1 AND withdrawn_at IS NULL{lock}"
            ))
            .bind(report)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(before) = before else {
                return Ok(None);
            };
            sqlx::query(&format!(
                "UPDATE reports SET {column} = $2, updated_at = $3 WHERE id = $1"
            ))
            .bind(report)
            .bind(given)
            .bind(super::to_the_hour(at))
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE report_queues SET
                    consent_withdrawn_at = CASE WHEN $2 THEN NULL
                                                ELSE COALESCE(consent_withdrawn_at, $3) END,
                    unopened_destroyed_at = CASE WHEN $2 THEN NULL ELSE unopened_destroyed_at END
                 WHERE report_id = $1 AND queue_id IN (SELECT id FROM queues WHERE kind = $4)",
            )
            .bind(report)
            .bind(given)
            .bind(super::to_the_next_hour(at))
            .bind(consent.queue_kind().stored_name())
            .execute(&mut *tx)
            .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(Some(before))
        })
    }

    /// What `queue` may read of `report` now, `None` if it holds no entry of it. An open entry
    /// marks `items` opened (before anything is decrypted, so a copy that was read is never
    /// destroyed as unread); a closed one marks nothing and names what it had opened. On
    /// PostgreSQL the entry is share-locked, so a withdrawal either commits first or waits.
    #[tracing::instrument(skip_all)]
    pub async fn open_items(
        &self,
        report: Uuid,
        queue: &str,
        items: &[Uuid],
    ) -> Result<Option<Access>, StoreError> {
        let report = report.to_string();
        let lock = if self.is_postgres() { " FOR SHARE" } else { "" };
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let entry: Option<Option<i64>> = sqlx::query_scalar(&format!(
                "SELECT consent_withdrawn_at FROM report_queues
                 WHERE report_id = $1 AND queue_id = $2{lock}"
            ))
            .bind(&report)
            .bind(queue)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(withdrawn_at) = entry else {
                return Ok(None);
            };
            let opened: Vec<String> = sqlx::query_scalar(
                "SELECT o.item_id FROM item_openings o JOIN items i ON i.id = o.item_id
                 WHERE i.report_id = $1 AND o.queue_id = $2",
            )
            .bind(&report)
            .bind(queue)
            .fetch_all(&mut *tx)
            .await?;
            let opened = opened.iter().map(|id| uuid(id)).collect::<Result<HashSet<_>, _>>()?;
            if let Some(withdrawn_at) = withdrawn_at {
                return Ok(Some(Access::Closed { withdrawn_at, opened }));
            }
            for item in items.iter().filter(|i| !opened.contains(i)) {
                sqlx::query(
                    "INSERT INTO item_openings (item_id, queue_id) VALUES ($1, $2)
                     ON CONFLICT DO NOTHING",
                )
                .bind(item.to_string())
                .bind(queue)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(Some(Access::Open))
        })
    }

    /// The entries of a report closed by a withdrawn consent.
    #[tracing::instrument(skip_all)]
    pub async fn consent_closures(&self, report: &str) -> Result<Vec<ConsentClosure>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
                "SELECT queue_id, consent_withdrawn_at, unopened_destroyed_at FROM report_queues
                 WHERE report_id = $1 AND consent_withdrawn_at IS NOT NULL ORDER BY queue_id",
            )
            .bind(report)
            .fetch_all(pool)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(queue_id, withdrawn_at, destroyed_at)| ConsentClosure {
                    queue_id,
                    withdrawn_at,
                    destroyed_at,
                })
                .collect())
        })
    }

    /// Entries closed at or before `before` whose unopened copies are still there, as (report,
    /// queue), oldest first.
    #[tracing::instrument(skip_all)]
    pub async fn closed_entries_due(
        &self,
        before: i64,
    ) -> Result<Vec<(String, String)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(
                "SELECT report_id, queue_id FROM report_queues
                 WHERE consent_withdrawn_at IS NOT NULL AND consent_withdrawn_at <= $1
                   AND unopened_destroyed_at IS NULL
                 ORDER BY consent_withdrawn_at, report_id, queue_id LIMIT 1000",
            )
            .bind(before)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Destroys a closed queue's copies of the keys of every item of the report it never opened
    /// (an organisation's own notes are its own and stay), then every such item that no copy
    /// opens any more. Whatever else is later sealed to a queue about a report (summaries, index
    /// tokens) must go here too. Asked again of the entry under a lock, so that a consent given again,
    /// or withdrawn again more recently than `before`, or a replica that did it first, leaves
    /// everything as it is (`None`).
    #[tracing::instrument(skip_all)]
    pub async fn destroy_unopened(
        &self,
        report: &str,
        queue: &str,
        before: i64,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<Option<UnopenedDestroyed>, StoreError> {
        let lock = if self.is_postgres() {
            " FOR UPDATE"
        } else {
            ""
        };
        let recipient = format!("queue:{queue}");
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let due: Option<String> = sqlx::query_scalar(&format!(
                "SELECT queue_id FROM report_queues
                 WHERE report_id = $1 AND queue_id = $2 AND consent_withdrawn_at IS NOT NULL
                   AND consent_withdrawn_at <= $3 AND unopened_destroyed_at IS NULL{lock}"
            ))
            .bind(report)
            .bind(queue)
            .bind(before)
            .fetch_optional(&mut *tx)
            .await?;
            if due.is_none() {
                return Ok(None);
            }
            let unopened: Vec<(String, String)> = sqlx::query_as(
                "SELECT DISTINCT i.id, i.audience FROM items i JOIN item_keys k ON k.item_id = i.id
                 WHERE i.report_id = $1 AND k.recipient = $2
                   AND NOT EXISTS (SELECT 1 FROM item_openings o
                                   WHERE o.item_id = i.id AND o.queue_id = $3)",
            )
            .bind(report)
            .bind(&recipient)
            .bind(queue)
            .fetch_all(&mut *tx)
            .await?;
            let mut destroyed = UnopenedDestroyed::default();
            for (item, audience) in unopened {
                let audience =
                    Audience::parse(&audience).ok_or(StoreError::Corrupt("item audience"))?;
                if !audience.needs_consent() {
                    continue;
                }
                destroyed.copies += sqlx::query(
                    "DELETE FROM item_keys WHERE item_id = $1 AND recipient = $2",
                )
                .bind(&item)
                .bind(&recipient)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                let left: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM item_keys WHERE item_id = $1")
                        .bind(&item)
                        .fetch_one(&mut *tx)
                        .await?;
                if left == 0 {
                    // No key opens it any more: its ciphertext goes too.
                    for sql in [
                        "DELETE FROM item_chunks WHERE item_id = $1",
                        "DELETE FROM item_openings WHERE item_id = $1",
                        "DELETE FROM items WHERE id = $1",
                    ] {
                        sqlx::query(sql).bind(&item).execute(&mut *tx).await?;
                    }
                    destroyed.items += 1;
                }
            }
            sqlx::query(
                "UPDATE report_queues SET unopened_destroyed_at = $3
                 WHERE report_id = $1 AND queue_id = $2",
            )
            .bind(report)
            .bind(queue)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(Some(destroyed))
        })
    }
}
