//! A referral: a report's entry in another queue, the item keys that queue's audience is entitled
//! to, and the sealed reason, in one transaction.

use uuid::Uuid;

use super::{
    begin_audited, is_unique_violation, on_pool, try_append_audit, try_append_item,
    try_ensure_consented, try_ensure_current_keys, try_insert_item_key, AuditEntry, NewItem,
    NewItemKey, Store, StoreError,
};
use crate::domain::{Audience, Consents, ItemKind};

/// What a referral writes.
pub struct NewReferral<'a> {
    pub report: Uuid,
    pub to_queue: &'a str,
    /// Keys of existing items, sealed to the receiving queue.
    pub keys: Vec<(Uuid, NewItemKey)>,
    /// Why: sealed to the referring and the receiving queue.
    pub reason: NewItem,
    pub at: i64,
    /// The referral's audit entry, written in its transaction.
    pub audit: &'a AuditEntry<'a>,
}

impl Store {
    /// A report's priority class and consents.
    #[tracing::instrument(skip_all)]
    pub async fn report_terms(
        &self,
        report: Uuid,
    ) -> Result<Option<(String, Consents)>, StoreError> {
        on_pool!(self, read, pool => {
            let row: Option<(String, bool, bool, bool)> = sqlx::query_as(
                "SELECT priority, consent_partner_ngos, consent_consulate, consent_police
                 FROM reports WHERE id = $1",
            )
            .bind(report.to_string())
            .fetch_optional(pool)
            .await?;
            Ok(row.map(|(priority, partner_ngos, consulate, police)| {
                (priority, Consents { partner_ngos, consulate, police })
            }))
        })
    }

    /// How many items of `kind` a report holds (kinds are plaintext; content is not).
    #[tracing::instrument(skip_all)]
    pub async fn item_count(&self, report: Uuid, kind: ItemKind) -> Result<i64, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT COUNT(*) FROM items WHERE report_id = $1 AND kind = $2")
                .bind(report.to_string())
                .bind(kind.as_str())
                .fetch_one(pool)
                .await?)
        })
    }

    /// Writes a referral; `AlreadyExists` if the queue holds the report already.
    #[tracing::instrument(skip_all)]
    pub async fn refer(
        &self,
        referral: &NewReferral<'_>,
        priority: &str,
    ) -> Result<(), StoreError> {
        let report = referral.report.to_string();
        let result: Result<(), StoreError> = on_pool!(self, write, pool => async {
            let mut tx = begin_audited!(self, pool).await?;
            try_ensure_current_keys!(self, tx, referral.keys.iter().map(|(_, k)| k));
            // Every key a referral hands on is of an item whose audience needs consent (an
            // organisation's notes stay its own), and so is the reason.
            try_ensure_consented!(self, tx, &report, Audience::Projection, referral.keys.iter().map(|(_, k)| k));
            try_ensure_consented!(self, tx, &report, referral.reason.audience, &referral.reason.keys);
            sqlx::query(
                "INSERT INTO report_queues (report_id, queue_id, status, added_at, priority_rank)
                 VALUES ($1, $2, 'new', $3, $4)",
            )
            .bind(&report)
            .bind(referral.to_queue)
            .bind(super::to_the_hour(referral.at))
            .bind(super::intake::priority_rank(priority))
            .execute(&mut *tx)
            .await?;
            for (item, key) in &referral.keys {
                try_insert_item_key!(tx, item.to_string(), key);
            }
            try_ensure_current_keys!(self, tx, &referral.reason.keys);
            try_append_item!(tx, &report, &referral.reason, referral.at);
            try_append_audit!(self, tx, referral.audit);
            tx.commit().await?;
            Ok(())
        }.await);
        match result {
            Err(StoreError::Database(e)) if is_unique_violation(&e) => {
                Err(StoreError::AlreadyExists)
            }
            other => other,
        }
    }
}
