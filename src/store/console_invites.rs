//! Invites made at the console (`homeward init`, `admin bootstrap`, `admin recover-operator`):
//! whether one for the first operator is still waiting, so that running `init` again does not
//! make another; and a new one that revokes every earlier one still open, so that only the link
//! printed last enrols anyone.

use super::accounts::INSERT_INVITE;
use super::{begin_audited, on_pool, try_append_audit, AuditEntry, NewInvite, Store, StoreError};

/// The console's operator invites still open at `$1`: made by no account, not a reset link.
const OPEN_CONSOLE_OPERATOR_INVITES: &str = "FROM invites
     WHERE role = 'operator' AND created_by IS NULL AND used_at IS NULL
       AND reset_account IS NULL AND expires_at > $1";

impl Store {
    /// When the latest unused, unexpired operator invite made at the console expires, if any.
    #[tracing::instrument(skip_all)]
    pub async fn pending_console_operator_invite(
        &self,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(&format!(
                "SELECT MAX(expires_at) {OPEN_CONSOLE_OPERATOR_INVITES}"
            ))
            .bind(now)
            .fetch_one(pool)
            .await?)
        })
    }

    /// Stores a new operator invite made at the console and, in the same transaction, revokes
    /// every earlier one still open, each with its own entry (`revoked` makes it from the
    /// revoked invite's id): a link printed earlier and seen by someone else stops working the
    /// moment a new one is printed. Then the new invite's own entry.
    #[tracing::instrument(skip_all)]
    pub async fn replace_console_operator_invites<'k>(
        &self,
        new: &NewInvite<'_>,
        audit: &AuditEntry<'k>,
        revoked: impl Fn(&str) -> AuditEntry<'k>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let earlier: Vec<String> = sqlx::query_scalar(&format!(
                "SELECT id {OPEN_CONSOLE_OPERATOR_INVITES} AND id IS NOT NULL ORDER BY created_at, id"
            ))
            .bind(new.created_at)
            .fetch_all(&mut *tx)
            .await?;
            for id in &earlier {
                sqlx::query("DELETE FROM invites WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                try_append_audit!(self, tx, &revoked(id));
            }
            sqlx::query(INSERT_INVITE)
                .bind(new.id)
                .bind(new.token_hmac)
                .bind(&new.invite.role)
                .bind(&new.invite.organisation_id)
                .bind(new.created_by)
                .bind(new.created_at)
                .bind(new.expires_at)
                .execute(&mut *tx)
                .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(())
        })
    }
}
