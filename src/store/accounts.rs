//! Accounts, invites and sessions. Secrets never reach this layer: invite tokens and session
//! secrets arrive as HMACs, private keys and TOTP secrets already sealed.

use sqlx::Row;

use super::{
    begin_audited, is_unique_violation, on_pool, try_append_audit, AuditEntry, Store, StoreError,
};
use crate::crypto::wrap::Wrapped;

/// An account as stored.
#[derive(Debug, Clone)]
pub struct AccountRecord {
    pub id: String,
    pub username: String,
    pub role: String,
    pub organisation_id: Option<String>,
    pub kdf: String,
    pub salt: Vec<u8>,
    pub verifier: Vec<u8>,
    pub public_key: Vec<u8>,
    pub key: Wrapped,
    pub recovery: Wrapped,
    pub totp: Wrapped,
    pub totp_last_step: i64,
    /// Wrong TOTP codes after a right password, and when the last came.
    pub wrong_codes: i64,
    pub last_wrong_code_at: i64,
}

/// A new account's sealed material; its role and organisation come from the invite it redeems.
pub struct NewAccount {
    pub id: String,
    pub username: String,
    pub kdf: String,
    pub salt: Vec<u8>,
    pub verifier: Vec<u8>,
    pub public_key: Vec<u8>,
    pub key: Wrapped,
    pub recovery: Wrapped,
    pub totp: Wrapped,
    pub created_at: i64,
}

/// An account's new password material (and, after a reset, TOTP secret, recovery key and perhaps
/// key pair).
pub struct Credentials {
    pub account_id: String,
    pub kdf: String,
    pub salt: Vec<u8>,
    pub verifier: Vec<u8>,
    /// A new public key, when a coordinator's re-grant gave the account a new pair.
    pub public_key: Option<Vec<u8>>,
    pub key: Wrapped,
    pub totp: Wrapped,
    pub recovery: Option<Wrapped>,
}

/// What an invite grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub role: String,
    pub organisation_id: Option<String>,
}

/// An invite as stored: its public id, the HMAC of its token, what it grants, who made it (none
/// at the server's console) and when it stops working.
pub struct NewInvite<'a> {
    pub id: &'a str,
    pub token_hmac: &'a [u8],
    pub invite: &'a Invite,
    pub created_by: Option<&'a str>,
    pub created_at: i64,
    pub expires_at: i64,
}

/// A live session and who it belongs to.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub account_id: String,
    pub username: String,
    pub role: String,
    pub organisation_id: Option<String>,
    pub key: Wrapped,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// The account's chosen language tag and IANA time zone, if it chose them.
    pub language: Option<String>,
    pub time_zone: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RedeemError {
    #[error("the invite is unknown, used or expired")]
    Invalid,
    #[error("the username is taken")]
    UsernameTaken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Stores a `NewInvite`, bound in its fields' order.
pub(super) const INSERT_INVITE: &str =
    "INSERT INTO invites (id, token_hmac, role, organisation_id, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

const ACCOUNT_COLUMNS: &str = "id, username, role, organisation_id, kdf, salt, verifier, public_key, \
     key_nonce, key_sealed, recovery_nonce, recovery_sealed, totp_nonce, totp_sealed, totp_last_step, \
     wrong_codes, last_wrong_code_at";

impl Store {
    #[tracing::instrument(skip_all)]
    pub async fn insert_invite(
        &self,
        new: &NewInvite<'_>,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
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

    /// A one-time reset link for an account (a coordinator's re-grant).
    #[tracing::instrument(skip_all)]
    pub async fn insert_reset_link(
        &self,
        token_hmac: &[u8],
        account: &AccountRecord,
        created_by: &str,
        now: i64,
        expires_at: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            sqlx::query(
                "INSERT INTO invites (id, token_hmac, role, organisation_id, created_by, created_at, expires_at, reset_account)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(uuid::Uuid::new_v4().simple().to_string())
            .bind(token_hmac)
            .bind(&account.role)
            .bind(&account.organisation_id)
            .bind(created_by)
            .bind(now)
            .bind(expires_at)
            .bind(&account.id)
            .execute(&mut *tx)
            .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(())
        })
    }

    /// The account a usable reset link is for.
    #[tracing::instrument(skip_all)]
    pub async fn reset_link_account(
        &self,
        token_hmac: &[u8],
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT reset_account FROM invites
                 WHERE token_hmac = $1 AND used_at IS NULL AND expires_at > $2 AND reset_account IS NOT NULL",
            )
            .bind(token_hmac)
            .bind(now)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Spends a reset link; the account it was for, if it was still usable.
    #[tracing::instrument(skip_all)]
    pub async fn use_reset_link(
        &self,
        token_hmac: &[u8],
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        on_pool!(self, write, pool => {
            Ok(sqlx::query_scalar(
                "UPDATE invites SET used_at = $1
                 WHERE token_hmac = $2 AND used_at IS NULL AND expires_at > $1 AND reset_account IS NOT NULL
                 RETURNING reset_account",
            )
            .bind(now)
            .bind(token_hmac)
            .fetch_optional(pool)
            .await?)
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn account_by_id(&self, id: &str) -> Result<Option<AccountRecord>, StoreError> {
        let username: Option<String> = on_pool!(self, read, pool => {
            sqlx::query_scalar("SELECT username FROM accounts WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        match username {
            Some(username) => self.account_by_username(&username).await,
            None => Ok(None),
        }
    }

    /// The invite behind a token, if it is still usable.
    #[tracing::instrument(skip_all)]
    pub async fn usable_invite(
        &self,
        token_hmac: &[u8],
        now: i64,
    ) -> Result<Option<Invite>, StoreError> {
        on_pool!(self, read, pool => {
            let row: Option<(String, Option<String>)> = sqlx::query_as(
                "SELECT role, organisation_id FROM invites
                 WHERE token_hmac = $1 AND used_at IS NULL AND expires_at > $2 AND reset_account IS NULL",
            )
            .bind(token_hmac)
            .bind(now)
            .fetch_optional(pool)
            .await?;
            Ok(row.map(|(role, organisation_id)| Invite { role, organisation_id }))
        })
    }

    /// Uses the invite and creates the account in one transaction: a taken username leaves the
    /// invite usable, a used or expired invite creates nothing.
    #[tracing::instrument(skip_all)]
    pub async fn redeem_invite(
        &self,
        token_hmac: &[u8],
        now: i64,
        account: &NewAccount,
        audit: &AuditEntry<'_>,
    ) -> Result<Invite, RedeemError> {
        let result: Result<Option<Invite>, sqlx::Error> = on_pool!(self, write, pool => async {
            let mut tx = begin_audited!(self, pool).await?;
            let invite: Option<(String, Option<String>, Option<String>)> = sqlx::query_as(
                "UPDATE invites SET used_at = $1
                 WHERE token_hmac = $2 AND used_at IS NULL AND expires_at > $1 AND reset_account IS NULL
                 RETURNING role, organisation_id, created_by",
            )
            .bind(now)
            .bind(token_hmac)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((role, organisation_id, created_by)) = invite else {
                return Ok(None);
            };
            sqlx::query(
                "INSERT INTO accounts (id, username, role, organisation_id, kdf, salt, verifier, public_key,
                     key_nonce, key_sealed, recovery_nonce, recovery_sealed, totp_nonce, totp_sealed, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
            )
            .bind(&account.id)
            .bind(&account.username)
            .bind(&role)
            .bind(&organisation_id)
            .bind(&account.kdf)
            .bind(&account.salt)
            .bind(&account.verifier)
            .bind(&account.public_key)
            .bind(&account.key.nonce)
            .bind(&account.key.ciphertext)
            .bind(&account.recovery.nonce)
            .bind(&account.recovery.ciphertext)
            .bind(&account.totp.nonce)
            .bind(&account.totp.ciphertext)
            .bind(account.created_at)
            .execute(&mut *tx)
            .await?;
            // An operator invited at the server's console stands as one; any other operator
            // needs the desk organisation's countersignature first.
            if role == "operator" && created_by.is_none() {
                sqlx::query(
                    "INSERT INTO certificates (account_id, signer, signature, certified_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(&account.id)
                .bind(super::CONSOLE_SIGNER)
                .bind(Vec::<u8>::new())
                .bind(account.created_at)
                .execute(&mut *tx)
                .await?;
            }
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(Some(Invite { role, organisation_id }))
        }.await);
        match result {
            Ok(Some(invite)) => Ok(invite),
            Ok(None) => Err(RedeemError::Invalid),
            Err(e) if is_unique_violation(&e) => Err(RedeemError::UsernameTaken),
            Err(e) => Err(RedeemError::Store(e.into())),
        }
    }

    #[tracing::instrument(skip_all)]
    pub async fn account_by_username(
        &self,
        username: &str,
    ) -> Result<Option<AccountRecord>, StoreError> {
        on_pool!(self, read, pool => {
            let row = sqlx::query(&format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE username = $1"))
                .bind(username)
                .fetch_optional(pool)
                .await?;
            row.map(|row| {
                Ok(AccountRecord {
                    id: row.try_get(0)?,
                    username: row.try_get(1)?,
                    role: row.try_get(2)?,
                    organisation_id: row.try_get(3)?,
                    kdf: row.try_get(4)?,
                    salt: row.try_get(5)?,
                    verifier: row.try_get(6)?,
                    public_key: row.try_get(7)?,
                    key: Wrapped { nonce: row.try_get(8)?, ciphertext: row.try_get(9)? },
                    recovery: Wrapped { nonce: row.try_get(10)?, ciphertext: row.try_get(11)? },
                    totp: Wrapped { nonce: row.try_get(12)?, ciphertext: row.try_get(13)? },
                    totp_last_step: row.try_get(14)?,
                    wrong_codes: row.try_get(15)?,
                    last_wrong_code_at: row.try_get(16)?,
                })
            })
            .transpose()
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn operator_exists(&self) -> Result<bool, StoreError> {
        on_pool!(self, read, pool => {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role = 'operator'")
                .fetch_one(pool)
                .await?;
            Ok(n > 0)
        })
    }

    /// Whether anyone has an account: a deployment in use, where a new operator made at the
    /// console is a recovery, announced, not a first start.
    #[tracing::instrument(skip_all)]
    pub async fn accounts_exist(&self) -> Result<bool, StoreError> {
        on_pool!(self, read, pool => {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
                .fetch_one(pool)
                .await?;
            Ok(n > 0)
        })
    }

    #[tracing::instrument(skip_all)]
    #[cfg(feature = "test-support")]
    pub async fn count_accounts(&self) -> Result<i64, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT COUNT(*) FROM accounts").fetch_one(pool).await?)
        })
    }

    /// A wrong code after a right password; the count starts over after a quiet hour.
    #[tracing::instrument(skip_all)]
    pub async fn record_wrong_code(&self, account: &str, now: i64) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            sqlx::query(
                "UPDATE accounts SET wrong_codes = CASE WHEN last_wrong_code_at <= $1 - 3600 THEN 1 \
                 ELSE wrong_codes + 1 END, last_wrong_code_at = $1 WHERE id = $2",
            )
            .bind(now)
            .bind(account)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Accepts a TOTP step only if it is later than every step accepted before (no replay), and
    /// clears the count of wrong codes with it.
    #[tracing::instrument(skip_all)]
    pub async fn accept_totp_step(&self, account: &str, step: i64) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let done = sqlx::query(
                "UPDATE accounts SET totp_last_step = $1, wrong_codes = 0 WHERE id = $2 AND totp_last_step < $1",
            )
            .bind(step)
            .bind(account)
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn insert_session(
        &self,
        id_hmac: &[u8],
        account: &str,
        key: &Wrapped,
        now: i64,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            sqlx::query(
                "INSERT INTO sessions (id_hmac, account_id, key_nonce, key_sealed, created_at, last_seen_at)
                 VALUES ($1, $2, $3, $4, $5, $5)",
            )
            .bind(id_hmac)
            .bind(account)
            .bind(&key.nonce)
            .bind(&key.ciphertext)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(())
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn session(&self, id_hmac: &[u8]) -> Result<Option<SessionRecord>, StoreError> {
        on_pool!(self, read, pool => {
            let row = sqlx::query(
                "SELECT s.account_id, a.username, a.role, a.organisation_id, s.key_nonce, s.key_sealed,
                        s.created_at, s.last_seen_at, a.language, a.time_zone
                 FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hmac = $1",
            )
            .bind(id_hmac)
            .fetch_optional(pool)
            .await?;
            row.map(|row| {
                Ok(SessionRecord {
                    account_id: row.try_get(0)?,
                    username: row.try_get(1)?,
                    role: row.try_get(2)?,
                    organisation_id: row.try_get(3)?,
                    key: Wrapped { nonce: row.try_get(4)?, ciphertext: row.try_get(5)? },
                    created_at: row.try_get(6)?,
                    last_seen_at: row.try_get(7)?,
                    language: row.try_get(8)?,
                    time_zone: row.try_get(9)?,
                })
            })
            .transpose()
        })
    }

    /// Sets the account's language and time zone (none: the browser's language, UTC).
    #[tracing::instrument(skip_all)]
    pub async fn set_preferences(
        &self,
        account: &str,
        language: Option<&str>,
        time_zone: Option<&str>,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            sqlx::query("UPDATE accounts SET language = $2, time_zone = $3 WHERE id = $1")
                .bind(account)
                .bind(language)
                .bind(time_zone)
                .execute(&mut *tx)
                .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Grants (`Some(when)`) or revokes (`None`) a member's hotline filing, with its audit entry,
    /// in one transaction. False when the account is not a member of `organisation`: nothing
    /// changes and nothing is audited.
    #[tracing::instrument(skip_all)]
    pub async fn set_hotline(
        &self,
        organisation: &str,
        account: &str,
        granted_at: Option<i64>,
        audit: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let changed = sqlx::query(
                "UPDATE accounts SET hotline_granted_at = $3 WHERE id = $1 AND organisation_id = $2",
            )
            .bind(account)
            .bind(organisation)
            .bind(granted_at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(false);
            }
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Whether the account may file reports for callers: granted, and still a member of the
    /// organisation it was granted in (a removed member's row is gone with it).
    #[tracing::instrument(skip_all)]
    pub async fn hotline_granted(&self, account: &str) -> Result<bool, StoreError> {
        on_pool!(self, read, pool => {
            let at: Option<Option<i64>> = sqlx::query_scalar(
                "SELECT hotline_granted_at FROM accounts WHERE id = $1 AND organisation_id IS NOT NULL",
            )
            .bind(account)
            .fetch_optional(pool)
            .await?;
            Ok(at.flatten().is_some())
        })
    }

    /// The members of an organisation who may file for callers.
    #[tracing::instrument(skip_all)]
    pub async fn hotline_members(&self, organisation: &str) -> Result<Vec<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT id FROM accounts WHERE organisation_id = $1 AND hotline_granted_at IS NOT NULL ORDER BY id",
            )
            .bind(organisation)
            .fetch_all(pool)
            .await?)
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn touch_session(&self, id_hmac: &[u8], now: i64) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hmac = $2")
                .bind(now)
                .bind(id_hmac)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Deletes the session and, with it, the only copy of the key material it held.
    #[tracing::instrument(skip_all)]
    pub async fn delete_session(&self, id_hmac: &[u8]) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            sqlx::query("DELETE FROM sessions WHERE id_hmac = $1").bind(id_hmac).execute(pool).await?;
            Ok(())
        })
    }

    /// Ends a session on its owner's request, audited in the same transaction.
    #[tracing::instrument(skip_all)]
    pub async fn end_session(
        &self,
        id_hmac: &[u8],
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            sqlx::query("DELETE FROM sessions WHERE id_hmac = $1").bind(id_hmac).execute(&mut *tx).await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            Ok(())
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn organisation_exists(&self, id: &str) -> Result<bool, StoreError> {
        on_pool!(self, read, pool => {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await?;
            Ok(n > 0)
        })
    }

    /// Replaces an account's password material. Every session but `keep` ends; a new TOTP secret
    /// (`fresh_totp`) accepts any step again and clears the failure count; a new key pair takes
    /// the account's key copies with it, since they are sealed to the old key.
    #[tracing::instrument(skip_all)]
    pub async fn replace_credentials(
        &self,
        c: &Credentials,
        keep: Option<&[u8]>,
        fresh_totp: bool,
        audit: &AuditEntry<'_>,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            sqlx::query(
                "UPDATE accounts SET kdf = $2, salt = $3, verifier = $4, key_nonce = $5, key_sealed = $6,
                     totp_nonce = $7, totp_sealed = $8 WHERE id = $1",
            )
            .bind(&c.account_id)
            .bind(&c.kdf)
            .bind(&c.salt)
            .bind(&c.verifier)
            .bind(&c.key.nonce)
            .bind(&c.key.ciphertext)
            .bind(&c.totp.nonce)
            .bind(&c.totp.ciphertext)
            .execute(&mut *tx)
            .await?;
            if let Some(recovery) = &c.recovery {
                sqlx::query("UPDATE accounts SET recovery_nonce = $2, recovery_sealed = $3 WHERE id = $1")
                    .bind(&c.account_id)
                    .bind(&recovery.nonce)
                    .bind(&recovery.ciphertext)
                    .execute(&mut *tx)
                    .await?;
            }
            if fresh_totp {
                sqlx::query("UPDATE accounts SET totp_last_step = 0, wrong_codes = 0 WHERE id = $1")
                    .bind(&c.account_id)
                    .execute(&mut *tx)
                    .await?;
            }
            if let Some(public_key) = &c.public_key {
                sqlx::query("UPDATE accounts SET public_key = $2 WHERE id = $1")
                    .bind(&c.account_id)
                    .bind(public_key)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM queue_key_copies WHERE account_id = $1")
                    .bind(&c.account_id)
                    .execute(&mut *tx)
                    .await?;
                // The identity went with the old private key; the new one is recorded at login.
                sqlx::query("UPDATE accounts SET identity_key = NULL, key_signature = NULL WHERE id = $1")
                    .bind(&c.account_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM certificates WHERE account_id = $1")
                    .bind(&c.account_id)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND id_hmac <> $2")
                .bind(&c.account_id)
                .bind(keep.unwrap_or_default())
                .execute(&mut *tx)
                .await?;
            try_append_audit!(self, tx, audit);
            tx.commit().await?;
            if c.public_key.is_some() {
                self.membership_changed();
            }
            Ok(())
        })
    }
}
