//! Each account's identity key, its signature over the account's encryption key, and the
//! certificate that makes it a member. Stored as given: `trust::certification` checks the chain
//! every time it matters, so nothing here is trusted for being here.

use sqlx::Row;

use super::{begin_audited, on_pool, try_append_audit, AuditEntry, Store, StoreError};

/// Whoever signed an account's certificate: its organisation's offline key, or a coordinator.
pub const ORGANISATION_SIGNER: &str = "organisation";
/// An operator made at the server's console (bootstrap or recovery): no signature.
pub const CONSOLE_SIGNER: &str = "console";
/// An operator countersigned by the desk organisation's offline key.
pub const DESK_SIGNER: &str = "desk";

/// An account's identity and certificate, as stored.
#[derive(Debug, Clone)]
pub struct IdentityRow {
    pub account_id: String,
    pub username: String,
    pub role: String,
    pub organisation_id: Option<String>,
    pub public_key: Vec<u8>,
    pub identity_key: Option<Vec<u8>>,
    pub key_signature: Option<Vec<u8>>,
    /// `ORGANISATION_SIGNER` or the certifying coordinator's account id.
    pub signer: Option<String>,
    pub signature: Option<Vec<u8>>,
}

const SELECT: &str =
    "SELECT a.id, a.username, a.role, a.organisation_id, a.public_key, a.identity_key,
        a.key_signature, c.signer, c.signature
     FROM accounts a LEFT JOIN certificates c ON c.account_id = a.id";

/// The row of `SELECT` as an `IdentityRow`, on either engine.
macro_rules! identity_row {
    ($row:expr) => {
        IdentityRow {
            account_id: $row.try_get(0)?,
            username: $row.try_get(1)?,
            role: $row.try_get(2)?,
            organisation_id: $row.try_get(3)?,
            public_key: $row.try_get(4)?,
            identity_key: $row.try_get(5)?,
            key_signature: $row.try_get(6)?,
            signer: $row.try_get(7)?,
            signature: $row.try_get(8)?,
        }
    };
}

impl Store {
    #[tracing::instrument(skip_all)]
    pub async fn identity(&self, account: &str) -> Result<Option<IdentityRow>, StoreError> {
        on_pool!(self, read, pool => {
            let row = sqlx::query(&format!("{SELECT} WHERE a.id = $1"))
                .bind(account)
                .fetch_optional(pool)
                .await?;
            match row {
                Some(row) => Ok(Some(identity_row!(row))),
                None => Ok(None),
            }
        })
    }

    /// Every member of an organisation with their identity and certificate, by username.
    #[tracing::instrument(skip_all)]
    pub async fn identities_of(&self, organisation: &str) -> Result<Vec<IdentityRow>, StoreError> {
        on_pool!(self, read, pool => {
            let rows = sqlx::query(&format!("{SELECT} WHERE a.organisation_id = $1 ORDER BY a.username"))
                .bind(organisation)
                .fetch_all(pool)
                .await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in &rows {
                out.push(identity_row!(row));
            }
            Ok(out)
        })
    }

    /// Records an account's identity key and its signature over the account's current public
    /// key (which the caller derived from the private key it holds). A different identity than
    /// the stored one voids the certificate made for the stored one.
    #[tracing::instrument(skip_all)]
    pub async fn set_identity(
        &self,
        account: &str,
        identity_key: &[u8],
        key_signature: &[u8],
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "DELETE FROM certificates WHERE account_id = $1 AND EXISTS (
                     SELECT 1 FROM accounts WHERE id = $1 AND identity_key IS NOT NULL AND identity_key <> $2)",
            )
            .bind(account)
            .bind(identity_key)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE accounts SET identity_key = $2, key_signature = $3 WHERE id = $1")
                .bind(account)
                .bind(identity_key)
                .bind(key_signature)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Stores (or replaces) an account's certificate, already checked by the caller.
    #[tracing::instrument(skip_all)]
    pub async fn insert_certificate(
        &self,
        account: &str,
        signer: &str,
        signature: &[u8],
        at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            sqlx::query(
                "INSERT INTO certificates (account_id, signer, signature, certified_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (account_id) DO UPDATE SET signer = $2, signature = $3, certified_at = $4",
            )
            .bind(account)
            .bind(signer)
            .bind(signature)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            self.membership_changed();
            Ok(())
        })
    }
}
