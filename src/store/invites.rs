//! Open invites, as their makers and their organisation's coordinators see them: by public id,
//! never by token (only its HMAC is stored), and revoked by deleting them. Reset links share the
//! table and are left out: they are a coordinator's re-grant for one account, not an invite.

use super::{begin_audited, on_pool, try_append_audit, AuditEntry, Store, StoreError};

/// An invite not yet used and not expired.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenInvite {
    pub id: String,
    pub role: String,
    pub organisation_id: Option<String>,
    /// The organisation's name, when it has a row.
    pub organisation_name: Option<String>,
    /// Who made it (an account id); none when it was made at the server's console.
    pub created_by: Option<String>,
    /// Their username, while their account exists.
    pub created_by_username: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
}

const OPEN_INVITES: &str =
    "SELECT i.id, i.role, i.organisation_id, o.name AS organisation_name, i.created_by,
            a.username AS created_by_username, i.created_at, i.expires_at
     FROM invites i
     LEFT JOIN organisations o ON o.id = i.organisation_id
     LEFT JOIN accounts a ON a.id = i.created_by
     WHERE i.used_at IS NULL AND i.reset_account IS NULL AND i.expires_at > $1
           AND i.id IS NOT NULL";

impl Store {
    /// Every open invite, the one to expire first first.
    #[tracing::instrument(skip_all)]
    pub async fn open_invites(&self, now: i64) -> Result<Vec<OpenInvite>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(&format!("{OPEN_INVITES} ORDER BY i.expires_at, i.id"))
                .bind(now)
                .fetch_all(pool)
                .await?)
        })
    }

    /// One open invite by its public id.
    #[tracing::instrument(skip_all)]
    pub async fn open_invite(&self, id: &str, now: i64) -> Result<Option<OpenInvite>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(&format!("{OPEN_INVITES} AND i.id = $2"))
                .bind(now)
                .bind(id)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// Deletes an invite not yet used, with its audit entry; false (and no entry) when it was
    /// used or deleted meanwhile.
    #[tracing::instrument(skip_all)]
    pub async fn revoke_invite(
        &self,
        id: &str,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let deleted = sqlx::query(
                "DELETE FROM invites WHERE id = $1 AND used_at IS NULL AND reset_account IS NULL",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if deleted == 0 {
                return Ok(false);
            }
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(true)
        })
    }
}
