//! Changing a password, and getting back in without one. A change re-wraps the account's private
//! key and TOTP secret under the new password; a reset with the recovery key unwraps the private
//! key with it and starts over with a new password, a new TOTP secret and a new recovery key. A
//! coordinator's re-grant (a one-time reset link) is for someone who lost both: the account gets a
//! new key pair, and the coordinator gives it its queue keys again.

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::{
    check_password, random_token, totp, AccountError, Accounts, Enrolment, Origin, Principal, Role,
    INVITE_HOURS,
};
use crate::crypto::account::{unwrap_private_key, wrap_private_key, PasswordKeys, RecoveryKey};
use crate::crypto::kdf::{new_salt, Argon2Params};
use crate::crypto::{wrap, KeyPair, PrivateKey};
use crate::store::{now, AccountRecord, AuditEntry, Credentials};
use crate::trust::certification::{managing_coordinator, Chain};

impl Accounts {
    async fn password_keys(
        &self,
        password: &SecretString,
        salt: Vec<u8>,
        params: Argon2Params,
    ) -> Result<PasswordKeys, AccountError> {
        let master = self
            .kdf
            .derive(
                Zeroizing::new(password.expose_secret().as_bytes().to_vec()),
                salt,
                params,
            )
            .await?;
        Ok(PasswordKeys::split(&master))
    }

    /// New password keys at the current cost, and the private key and TOTP secret wrapped
    /// under them.
    async fn rewrap(
        &self,
        account: &AccountRecord,
        password: &SecretString,
        private: &PrivateKey,
        totp_secret: &[u8],
    ) -> Result<Credentials, AccountError> {
        let salt = new_salt();
        let keys = self
            .password_keys(password, salt.clone(), self.params)
            .await?;
        Ok(Credentials {
            account_id: account.id.clone(),
            kdf: self.params.encode(),
            salt,
            verifier: keys.verifier.to_vec(),
            public_key: None,
            key: wrap_private_key(&keys.kek, &account.id, "password", private)?,
            totp: wrap::seal(
                &keys.kek,
                &wrap::ad("homeward/totp/v1", &[&account.id]),
                totp_secret,
            )?,
            recovery: None,
        })
    }

    /// Changes the password of the logged-in person, who proves the current one. Their other
    /// sessions end; this one stays.
    pub async fn change_password(
        &self,
        who: &Principal,
        current: &SecretString,
        new: &SecretString,
    ) -> Result<(), AccountError> {
        // Only the session's holder can try here, so the count is the account's, from anywhere:
        // a stolen session gets five guesses, not five per address it can borrow.
        let origin = Origin::Anywhere;
        let account = self
            .store
            .account_by_username(&who.username)
            .await?
            .ok_or(AccountError::LoginFailed)?;
        // Guessing the current password from a stolen session is held back like a login.
        if self
            .backoff
            .holds_back(&who.username, origin, self.clock.now())
        {
            return Err(AccountError::TooSoon);
        }
        let params = Argon2Params::decode(&account.kdf)?;
        let old = self
            .password_keys(current, account.salt.clone(), params)
            .await?;
        if !old.verifies(&account.verifier) {
            self.backoff.failed(&who.username, origin, self.clock.now());
            return Err(AccountError::Field {
                field: "current",
                code: "password_wrong",
            });
        }
        check_password(new.expose_secret(), &account.username)?;
        let secret = wrap::open(
            &old.kek,
            &wrap::ad("homeward/totp/v1", &[&account.id]),
            &account.totp,
        )?;
        let credentials = self
            .rewrap(&account, new, &who.private_key, &secret)
            .await?;
        let entry = self.audit.entry(
            &account.id,
            "password_changed",
            format!("account:{}", account.id),
        );
        self.store
            .replace_credentials(&credentials, Some(who.session_hmac()), false, &entry)
            .await?;
        self.backoff.succeeded(&who.username, origin);
        tracing::info!(account = %account.id, "password changed");
        Ok(())
    }

    /// Gets back in with the recovery key: a new password, a new TOTP secret and a new recovery
    /// key, shown once. Every session of the account ends.
    pub async fn reset_with_recovery(
        &self,
        username: &str,
        recovery: &SecretString,
        new: &SecretString,
        origin: Origin,
    ) -> Result<Enrolment, AccountError> {
        let refused = AccountError::Field {
            field: "recovery_key",
            code: "recovery_wrong",
        };
        // Counted with logins, per name as typed: an unknown name is held back like a real one.
        if self.backoff.holds_back(username, origin, self.clock.now()) {
            return Err(AccountError::TooSoon);
        }
        let Some(account) = self.store.account_by_username(username).await? else {
            self.backoff.failed(username, origin, self.clock.now());
            return Err(refused);
        };
        let opened = RecoveryKey::parse(recovery.expose_secret()).and_then(|key| {
            unwrap_private_key(&key.kek(), &account.id, "recovery", &account.recovery)
        });
        let Ok(private) = opened else {
            self.backoff.failed(username, origin, self.clock.now());
            self.audit
                .note(&account.id, "reset_refused", "recovery key");
            return Err(refused);
        };
        check_password(new.expose_secret(), &account.username)?;
        let entry = self
            .audit
            .entry(&account.id, "account_reset", "recovery key");
        let enrolment = self
            .fresh_start(&account, new, &private, None, &entry)
            .await?;
        self.backoff.succeeded(username, origin);
        tracing::info!(account = %account.id, "account reset with its recovery key");
        Ok(enrolment)
    }

    /// A new password, TOTP secret and recovery key for `private` (and, on a re-grant, the new
    /// public key that goes with it); every session ends.
    pub(super) async fn fresh_start(
        &self,
        account: &AccountRecord,
        password: &SecretString,
        private: &PrivateKey,
        new_pair: Option<&KeyPair>,
        entry: &AuditEntry<'_>,
    ) -> Result<Enrolment, AccountError> {
        let mut totp_secret = Zeroizing::new([0u8; 20]);
        rand::Rng::fill_bytes(
            &mut rand::rand_core::UnwrapErr(rand::rngs::SysRng),
            totp_secret.as_mut(),
        );
        let recovery = RecoveryKey::generate();
        let mut credentials = self
            .rewrap(account, password, private, totp_secret.as_ref())
            .await?;
        credentials.recovery = Some(wrap_private_key(
            &recovery.kek(),
            &account.id,
            "recovery",
            private,
        )?);
        credentials.public_key = new_pair.map(|p| p.public.to_bytes());
        self.store
            .replace_credentials(&credentials, None, true, entry)
            .await?;
        let totp = totp(totp_secret.as_ref(), &account.username)?;
        Ok(Enrolment {
            totp_secret: SecretString::from(totp.secret().to_base32()),
            totp_url: SecretString::from(totp.to_url().unwrap_or_default()),
            recovery_key: SecretString::from(recovery.to_text().as_str().to_owned()),
        })
    }

    /// A coordinator's re-grant: a one-time link (valid as long as an invite) with which a member
    /// of their organisation who lost both password and recovery key starts over.
    pub async fn create_reset_link(
        &self,
        chain: Chain<'_>,
        who: &Principal,
        account: &str,
    ) -> Result<SecretString, AccountError> {
        let target = self.store.account_by_id(account).await?;
        let allowed = who.role == Role::Coordinator
            && account != who.account_id
            && target.as_ref().is_some_and(|t| {
                t.organisation_id.is_some() && t.organisation_id == who.organisation_id
            });
        let Some(target) = target.filter(|_| allowed) else {
            return Err(AccountError::Forbidden);
        };
        if managing_coordinator(chain, who).await.is_err() {
            return Err(AccountError::Forbidden);
        }
        let token = random_token();
        let at = now();
        let entry = self.audit.entry(
            &who.account_id,
            "reset_link_created",
            format!("account:{account}"),
        );
        self.store
            .insert_reset_link(
                &self.mac(b"invite", token.as_bytes()),
                &target,
                &who.account_id,
                at,
                at + INVITE_HOURS * 3600,
                &entry,
            )
            .await?;
        Ok(SecretString::from(token.as_str().to_owned()))
    }

    /// Whether a reset link is still usable.
    pub async fn usable_reset_link(&self, token: &str) -> Result<bool, AccountError> {
        Ok(self
            .store
            .reset_link_account(&self.mac(b"invite", token.as_bytes()), now())
            .await?
            .is_some())
    }

    /// Redeems a reset link: a new key pair (the old private key is lost with the password and
    /// the recovery key), password, TOTP secret and recovery key. The account's queue key copies
    /// and its certificate go with the old key: its coordinator certifies the new identity and
    /// grants the queues again.
    pub async fn redeem_reset_link(
        &self,
        token: &str,
        password: &SecretString,
    ) -> Result<Enrolment, AccountError> {
        let token_hmac = self.mac(b"invite", token.as_bytes());
        let Some(id) = self.store.reset_link_account(&token_hmac, now()).await? else {
            return Err(AccountError::InviteInvalid);
        };
        let account = self
            .store
            .account_by_id(&id)
            .await?
            .ok_or(AccountError::InviteInvalid)?;
        check_password(password.expose_secret(), &account.username)?;
        if self
            .store
            .use_reset_link(&token_hmac, now())
            .await?
            .is_none()
        {
            return Err(AccountError::InviteInvalid);
        }
        let pair = KeyPair::generate();
        let entry = self
            .audit
            .entry(&account.id, "account_reset", "coordinator re-grant");
        let enrolment = self
            .fresh_start(&account, password, &pair.private, Some(&pair), &entry)
            .await?;
        tracing::info!(account = %account.id, "account reset by its coordinator's link");
        Ok(enrolment)
    }
}
