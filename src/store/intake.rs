//! Writing a sealed report in one transaction, and reading back what a recipient may open.

use std::collections::HashSet;

use sqlx::Row;
use uuid::Uuid;

use super::{
    begin_audited, is_unique_violation, on_pool, to_the_hour, try_append_audit, try_append_item,
    try_ensure_consented, try_ensure_current_keys, try_insert_chunks, try_insert_item_key,
    AuditEntry, Store, StoreError,
};
use crate::crypto::envelope::Suite;
use crate::crypto::kdf::WrappedKey;
use crate::crypto::{SealedItem, SealedKey};
use crate::domain::receipt::{Locator, LOCATOR_SPACE};
use crate::domain::report::Consents;
use crate::domain::{Audience, ItemKind};

/// A report ready to store: everything it says is already sealed.
pub struct NewReport {
    pub id: Uuid,
    pub locator: String,
    pub priority: &'static str,
    pub consents: Consents,
    pub reporter_public_key: Vec<u8>,
    pub reporter_key: WrappedKey,
    /// When it was received, to the second: the ticket is checked against it; the rows keep
    /// only its hour.
    pub created_at: i64,
    pub queue_ids: Vec<String>,
    pub items: Vec<NewItem>,
    /// The HMAC of the routing ticket a device-sealed report was sealed under: spent in the
    /// same transaction, so a ticket stands for one report on every replica.
    pub ticket: Option<Vec<u8>>,
}

#[derive(Clone)]
pub struct NewItem {
    pub id: Uuid,
    pub kind: ItemKind,
    pub audience: Audience,
    pub sealed: SealedItem,
    pub keys: Vec<NewItemKey>,
    /// An attachment's file, sealed in chunks; the item itself holds its manifest.
    pub file: Option<crate::crypto::stream::SealedFile>,
    /// Sealed on the reporter's device, so never checked by the server.
    pub sealed_on_device: bool,
}

#[derive(Clone)]
pub struct NewItemKey {
    /// `queue:<id>` or `reporter`.
    pub recipient: String,
    pub recipient_key: Vec<u8>,
    pub sealed: SealedKey,
}

/// What the reporter's receipt code opens: the wrapped reporter key.
pub struct ReporterRecord {
    pub report_id: Uuid,
    pub reporter_key: WrappedKey,
}

/// An item and the copy of its key sealed to one recipient.
#[derive(Debug, Clone)]
pub struct StoredItem {
    pub id: Uuid,
    /// The item's place in its report, in the order items were written.
    pub position: i64,
    /// As stored: an `ItemKind`'s name (`is` compares). Kept as text so that an item of a kind
    /// this version does not know still lists and opens.
    pub kind: String,
    pub audience: Audience,
    pub sealed: SealedItem,
    pub key: StoredItemKey,
    pub sealed_on_device: bool,
}

impl StoredItem {
    pub fn is(&self, kind: ItemKind) -> bool {
        self.kind == kind.as_str()
    }
}

#[derive(Debug, Clone)]
pub struct StoredItemKey {
    pub recipient_key: Vec<u8>,
    pub sealed: SealedKey,
}

/// The columns `stored_item` reads, in its order; `i` is the item, `k` its key copy.
pub(super) const ITEM_COLUMNS: &str = "i.id, i.kind, i.audience, i.format, i.nonce, i.ciphertext,
    k.recipient_key, k.enc, k.sealed_key, i.position, k.suite, i.sealed_on_device";

/// An item and one copy of its key, from a row holding `ITEM_COLUMNS` from column `first` on.
pub(super) fn stored_item<R: Row>(row: &R, first: usize) -> Result<StoredItem, StoreError>
where
    usize: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> &'r str: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i16: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Vec<u8>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> bool: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let format: i16 = row.try_get(first + 3)?;
    Ok(StoredItem {
        id: uuid(row.try_get::<String, _>(first)?.as_str())?,
        position: row.try_get(first + 9)?,
        kind: row.try_get(first + 1)?,
        // The schema's CHECK allows only the four: anything else is damage.
        audience: Audience::parse(row.try_get::<&str, _>(first + 2)?)
            .ok_or(StoreError::Corrupt("item audience"))?,
        sealed: SealedItem {
            format: u8::try_from(format).map_err(|_| StoreError::Corrupt("format"))?,
            nonce: row.try_get(first + 4)?,
            ciphertext: row.try_get(first + 5)?,
        },
        key: StoredItemKey {
            recipient_key: row.try_get(first + 6)?,
            sealed: SealedKey {
                suite: Suite::from_code(row.try_get(first + 10)?)
                    .map_err(|_| StoreError::Corrupt("suite"))?,
                enc: row.try_get(first + 7)?,
                ciphertext: row.try_get(first + 8)?,
            },
        },
        sealed_on_device: row.try_get(first + 11)?,
    })
}

/// The order a queue lists its entries in: critical, high, normal.
pub(super) fn priority_rank(priority: &str) -> i16 {
    match priority {
        "critical" => 0,
        "high" => 1,
        _ => 2,
    }
}

fn uuid(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| StoreError::Corrupt("id"))
}

impl Store {
    #[tracing::instrument(skip_all)]
    pub async fn locator_in_use(&self, locator: &str) -> Result<bool, StoreError> {
        on_pool!(self, read, pool => {
            let found: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reports WHERE locator = $1")
                .bind(locator)
                .fetch_one(pool)
                .await?;
            Ok(found > 0)
        })
    }

    /// The first locator at or after `from` that no report holds, wrapping below `space`; `None`
    /// when the few windows looked at are all taken (the space is nearly full).
    #[tracing::instrument(skip_all)]
    pub async fn free_locator(&self, from: u32, space: u32) -> Result<Option<Locator>, StoreError> {
        const WINDOW: u32 = 256;
        const WINDOWS: u32 = 4;
        let space = space.clamp(1, LOCATOR_SPACE);
        let mut low = from % space;
        // Starting part-way into the space, one window more than it holds comes back round.
        for _ in 0..WINDOWS.min(space.div_ceil(WINDOW) + 1) {
            let high = low.saturating_add(WINDOW).min(space) - 1;
            let (Some(first), Some(last)) = (Locator::numbered(low), Locator::numbered(high))
            else {
                break;
            };
            // Locators are zero-padded to one width, so their text sorts as their number.
            let taken: Vec<String> = on_pool!(self, read, pool => {
                sqlx::query_scalar("SELECT locator FROM reports WHERE locator BETWEEN $1 AND $2")
                    .bind(first.as_str())
                    .bind(last.as_str())
                    .fetch_all(pool)
                    .await
            })?;
            let taken: HashSet<String> = taken.into_iter().collect();
            if let Some(free) = (low..=high)
                .filter_map(Locator::numbered)
                .find(|l| !taken.contains(l.as_str()))
            {
                return Ok(Some(free));
            }
            low = if high + 1 >= space { 0 } else { high + 1 };
        }
        Ok(None)
    }

    /// Stores the report, its queue entries, items and sealed keys atomically. Returns only once
    /// the transaction is durable.
    #[tracing::instrument(skip_all)]
    pub async fn insert_report(&self, report: &NewReport) -> Result<(), StoreError> {
        self.insert_reports(std::slice::from_ref(report)).await
    }

    /// Stores several reports in one transaction (an import, a seeded benchmark).
    #[tracing::instrument(skip_all)]
    pub async fn insert_reports(&self, reports: &[NewReport]) -> Result<(), StoreError> {
        let result: Result<(), StoreError> = on_pool!(self, write, pool => async {
            let mut tx = pool.begin().await?;
            for report in reports {
                if let Some(mac) = &report.ticket {
                    let spent = sqlx::query("DELETE FROM sealed_tickets WHERE token_hmac = $1 AND expires_at >= $2")
                        .bind(mac)
                        .bind(report.created_at)
                        .execute(&mut *tx)
                        .await?;
                    if spent.rows_affected() != 1 {
                        return Err(StoreError::TicketSpent);
                    }
                }
                let mut sealed_to: Vec<&NewItemKey> = report.items.iter().flat_map(|i| &i.keys).collect();
                sealed_to.sort_by(|a, b| a.recipient.cmp(&b.recipient));
                sealed_to.dedup_by(|a, b| a.recipient == b.recipient && a.recipient_key == b.recipient_key);
                try_ensure_current_keys!(self, tx, sealed_to);
                let id = report.id.to_string();
                // The ticket above is checked against the exact time; what stays is the hour.
                let received = to_the_hour(report.created_at);
                sqlx::query(
                    "INSERT INTO reports (id, locator, priority, status, consent_partner_ngos,
                         consent_consulate, consent_police, reporter_public_key, reporter_key_salt,
                         reporter_key_kdf, reporter_key_nonce, reporter_key_sealed, created_at, updated_at)
                     VALUES ($1, $2, $3, 'new', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                )
                .bind(&id)
                .bind(&report.locator)
                .bind(report.priority)
                .bind(report.consents.partner_ngos)
                .bind(report.consents.consulate)
                .bind(report.consents.police)
                .bind(&report.reporter_public_key)
                .bind(&report.reporter_key.salt)
                .bind(&report.reporter_key.params)
                .bind(&report.reporter_key.nonce)
                .bind(&report.reporter_key.ciphertext)
                .bind(received)
                .bind(received)
                .execute(&mut *tx)
                .await?;
                for queue in &report.queue_ids {
                    sqlx::query(
                        "INSERT INTO report_queues (report_id, queue_id, status, added_at, priority_rank)
                         VALUES ($1, $2, 'new', $3, $4)",
                    )
                    .bind(&id)
                    .bind(queue)
                    .bind(received)
                    .bind(priority_rank(report.priority))
                    .execute(&mut *tx)
                    .await?;
                }
                for (position, item) in (1i64..).zip(&report.items) {
                    let item_id = item.id.to_string();
                    sqlx::query(
                        "INSERT INTO items (id, report_id, kind, audience, format, nonce, ciphertext, created_at, position, sealed_on_device)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    )
                    .bind(&item_id)
                    .bind(&id)
                    .bind(item.kind.as_str())
                    .bind(item.audience.as_str())
                    .bind(i16::from(item.sealed.format))
                    .bind(&item.sealed.nonce)
                    .bind(&item.sealed.ciphertext)
                    .bind(received)
                    .bind(position)
                    .bind(item.sealed_on_device)
                    .execute(&mut *tx)
                    .await?;
                    for key in &item.keys {
                        try_insert_item_key!(tx, &item_id, key);
                    }
                    try_insert_chunks!(tx, &item_id, item);
                }
            }
            tx.commit().await?;
            Ok(())
        }.await);
        match result {
            Err(StoreError::Database(e)) if is_unique_violation(&e) => {
                Err(StoreError::LocatorTaken)
            }
            other => other,
        }
    }

    /// The wrapped reporter key of the live report with this locator.
    #[tracing::instrument(skip_all)]
    pub async fn reporter_record(
        &self,
        locator: &str,
    ) -> Result<Option<ReporterRecord>, StoreError> {
        on_pool!(self, read, pool => {
            let row = sqlx::query(
                "SELECT id, reporter_key_salt, reporter_key_kdf, reporter_key_nonce, reporter_key_sealed
                 FROM reports WHERE locator = $1 AND withdrawn_at IS NULL",
            )
            .bind(locator)
            .fetch_optional(pool)
            .await?;
            row.map(|row| {
                Ok(ReporterRecord {
                    report_id: uuid(row.try_get::<String, _>(0)?.as_str())?,
                    reporter_key: WrappedKey {
                        salt: row.try_get(1)?,
                        params: row.try_get(2)?,
                        nonce: row.try_get(3)?,
                        ciphertext: row.try_get(4)?,
                    },
                })
            })
            .transpose()
        })
    }

    /// Every item of a report whose key is sealed to `recipient`, oldest first.
    #[tracing::instrument(skip_all)]
    pub async fn items_for(
        &self,
        report: Uuid,
        recipient: &str,
    ) -> Result<Vec<StoredItem>, StoreError> {
        on_pool!(self, read, pool => {
            let rows = sqlx::query(
                &format!("SELECT {ITEM_COLUMNS}
                 FROM items i JOIN item_keys k ON k.item_id = i.id
                 WHERE i.report_id = $1 AND k.recipient = $2
                 ORDER BY i.position, i.created_at"),
            )
            .bind(report.to_string())
            .bind(recipient)
            .fetch_all(pool)
            .await?;
            rows.iter().map(|row| stored_item(row, 0)).collect()
        })
    }

    /// The ids of the queues holding a report.
    #[tracing::instrument(skip_all)]
    pub async fn report_queues(&self, report: Uuid) -> Result<Vec<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT queue_id FROM report_queues WHERE report_id = $1 ORDER BY queue_id")
                .bind(report.to_string())
                .fetch_all(pool)
                .await?)
        })
    }

    /// The plaintext a queue sorts by: priority and status.
    #[tracing::instrument(skip_all)]
    #[cfg(feature = "test-support")]
    pub async fn report_summary(
        &self,
        report: Uuid,
    ) -> Result<Option<(String, String)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as("SELECT priority, status FROM reports WHERE id = $1")
                .bind(report.to_string())
                .fetch_optional(pool)
                .await?)
        })
    }

    /// How many reports are held, each with its locator: withdrawn and destroyed ones are gone.
    #[tracing::instrument(skip_all)]
    pub async fn count_reports(&self) -> Result<i64, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT COUNT(*) FROM reports").fetch_one(pool).await?)
        })
    }
}

impl Store {
    /// The sealed chunks of an attachment, in order.
    #[tracing::instrument(skip_all)]
    pub async fn item_chunks(&self, item: Uuid) -> Result<Vec<Vec<u8>>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT data FROM item_chunks WHERE item_id = $1 ORDER BY seq")
                .bind(item.to_string())
                .fetch_all(pool)
                .await?)
        })
    }

    /// Adds one sealed item (a reply, a note) to a report, with its keys, in one transaction.
    #[tracing::instrument(skip_all)]
    pub async fn insert_item(
        &self,
        report: uuid::Uuid,
        item: &NewItem,
        at: i64,
        audit: Option<&AuditEntry<'_>>,
    ) -> Result<(), StoreError> {
        let report = report.to_string();
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            try_ensure_current_keys!(self, tx, &item.keys);
            try_ensure_consented!(self, tx, &report, item.audience, &item.keys);
            try_append_item!(tx, &report, item, at);
            if let Some(audit) = audit {
                try_append_audit!(self, tx, audit);
            }
            tx.commit().await?;
            Ok(())
        })
    }
}
