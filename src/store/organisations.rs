//! Organisations as the operator manages them: details, vetting, the desk organisation's
//! countersignature, suspension; and the queues with what decides whether they receive.

use super::{begin_audited, on_pool, try_append_audit, AuditEntry, Store, StoreError};

/// An organisation as stored. A row with no `registered_at` exists only because a queue in config
/// names it; the operator has yet to enter its details.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub contact: Option<String>,
    pub signing_key: Option<Vec<u8>>,
    pub countersignature: Option<Vec<u8>>,
    pub vetted_by: Option<String>,
    pub vetted_at: Option<i64>,
    pub vetting_evidence: Option<String>,
    pub suspended_at: Option<i64>,
    pub registered_at: Option<i64>,
    pub demo: bool,
}

const ORGANISATION_COLUMNS: &str = "SELECT id, name, kind, country, contact, signing_key, \
     countersignature, vetted_by, vetted_at, vetting_evidence, suspended_at, registered_at, demo \
     FROM organisations";

/// The row with its kind under the name printed everywhere (`QueueKind::as_str`): the table
/// keeps the name it always had (`QueueKind::stored_name`).
fn named(mut row: QueueStandingRow) -> Result<QueueStandingRow, StoreError> {
    row.kind = super::queue_kind(&row.kind)?.as_str().to_owned();
    Ok(row)
}

/// An active queue with what its standing depends on.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueueStandingRow {
    pub id: String,
    pub organisation_id: String,
    pub kind: String,
    pub public_key: Vec<u8>,
    pub signature: Option<Vec<u8>>,
    pub demo: bool,
    pub key_imported_at: Option<i64>,
    /// Set by a restore when the queue's membership changed since the backup.
    pub held_after_restore: Option<i64>,
}

/// What the operator enters about an organisation.
#[derive(Debug, Clone)]
pub struct OrganisationDetails {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub country: String,
    pub contact: Option<String>,
    pub signing_key: Vec<u8>,
}

impl Store {
    #[tracing::instrument(skip_all)]
    pub async fn organisation(&self, id: &str) -> Result<Option<OrganisationRow>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(&format!("{ORGANISATION_COLUMNS} WHERE id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?)
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn all_organisations(&self) -> Result<Vec<OrganisationRow>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(&format!("{ORGANISATION_COLUMNS} ORDER BY name, id"))
                .fetch_all(pool)
                .await?)
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn active_queue_standings(&self) -> Result<Vec<QueueStandingRow>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(
                "SELECT id, organisation_id, kind, public_key, signature, demo, key_imported_at,
                        held_after_restore
                 FROM queues WHERE active ORDER BY id",
            )
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(named)
            .collect::<Result<_, _>>()?)
        })
    }

    /// One queue's row, active or not.
    #[tracing::instrument(skip_all)]
    pub async fn queue_standing_row(
        &self,
        id: &str,
    ) -> Result<Option<QueueStandingRow>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(
                "SELECT id, organisation_id, kind, public_key, signature, demo, key_imported_at,
                        held_after_restore
                 FROM queues WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
            .map(named)
            .transpose()?)
        })
    }

    /// Records a new organisation, or fills in one that config named first. `AlreadyExists` when
    /// the operator registered that id before.
    #[tracing::instrument(skip_all)]
    pub async fn register_organisation(
        &self,
        details: &OrganisationDetails,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let done = sqlx::query(
                "INSERT INTO organisations
                     (id, name, kind, country, contact, signing_key, demo, registered_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, FALSE, $7, $7)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                     country = excluded.country, contact = excluded.contact,
                     signing_key = excluded.signing_key, registered_at = excluded.registered_at,
                     updated_at = excluded.updated_at
                 WHERE organisations.registered_at IS NULL AND NOT organisations.demo",
            )
            .bind(&details.id)
            .bind(&details.name)
            .bind(details.kind)
            .bind(&details.country)
            .bind(&details.contact)
            .bind(&details.signing_key)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::AlreadyExists);
            }
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Changes a registered organisation's details; false if there is none.
    #[tracing::instrument(skip_all)]
    pub async fn update_organisation(
        &self,
        details: &OrganisationDetails,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let done = sqlx::query(
                "UPDATE organisations SET name = $2, kind = $3, country = $4, contact = $5,
                     signing_key = $6, updated_at = $7
                 WHERE id = $1 AND registered_at IS NOT NULL AND NOT demo",
            )
            .bind(&details.id)
            .bind(&details.name)
            .bind(details.kind)
            .bind(&details.country)
            .bind(&details.contact)
            .bind(&details.signing_key)
            .bind(at)
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

    /// The operator's record of vetting: who, when, on what evidence.
    #[tracing::instrument(skip_all)]
    pub async fn record_vetting(
        &self,
        id: &str,
        by: &str,
        evidence: &str,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let done = sqlx::query(
                "UPDATE organisations SET vetted_by = $2, vetting_evidence = $3, vetted_at = $4,
                     updated_at = $4
                 WHERE id = $1 AND registered_at IS NOT NULL AND NOT demo",
            )
            .bind(id)
            .bind(by)
            .bind(evidence)
            .bind(at)
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

    #[tracing::instrument(skip_all)]
    pub async fn set_countersignature(
        &self,
        id: &str,
        signature: &[u8],
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let done = sqlx::query(
                "UPDATE organisations SET countersignature = $2, updated_at = $3
                 WHERE id = $1 AND registered_at IS NOT NULL AND NOT demo",
            )
            .bind(id)
            .bind(signature)
            .bind(at)
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

    /// Suspends (`Some(at)`) or reinstates (`None`) an organisation.
    #[tracing::instrument(skip_all)]
    pub async fn set_suspended(
        &self,
        id: &str,
        suspended_at: Option<i64>,
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let done = sqlx::query(
                "UPDATE organisations SET suspended_at = $2, updated_at = $3
                 WHERE id = $1 AND registered_at IS NOT NULL AND NOT demo",
            )
            .bind(id)
            .bind(suspended_at)
            .bind(at)
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
