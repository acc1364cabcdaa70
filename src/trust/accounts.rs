//! Responder accounts: single-use invites, enrolment (password, TOTP, recovery key), login with
//! password and TOTP, and sessions that keep no secret in server memory. The session secret lives
//! only in the visitor's cookie; the database keeps its HMAC and the account's private key sealed
//! under a key derived from it, so a stolen database opens nothing and logout destroys the key.

use std::sync::Arc;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use rand::Rng;
use secrecy::{ExposeSecret, SecretBox, SecretString};
use sha2::Sha256;
use totp_rs::{Algorithm, Secret, Totp};
use zeroize::Zeroizing;

use crate::crypto::account::{unwrap_private_key, wrap_private_key, PasswordKeys, RecoveryKey};
use crate::crypto::kdf::{new_salt, Argon2Params, KdfPool};
use crate::crypto::wrap;
use crate::crypto::{CryptoError, KeyPair, PrivateKey};
use crate::store::{
    now, AuditEntry, Invite, NewAccount, NewInvite, RedeemError, Store, StoreError,
};
use crate::trust::audit::Audit;

mod backoff;
mod credentials;
mod device;

pub use backoff::Origin;
pub use device::{KnownDevice, DEVICE_DAYS};

/// The audit action of a console recovery of operator access, announced to every member.
pub const OPERATOR_RECOVERED: &str = "operator_recovered";

/// The one name every enrolment's failures are counted under in `Accounts::enrolments`: an
/// invite is guessed by its token, whatever username comes with it, so they count per source.
const ENROLMENT: &str = "";

/// How long an invite link stays usable.
pub const INVITE_HOURS: i64 = 72;
/// Wrong TOTP codes after a right password, in an hour, past which the account takes no code
/// until the hour has passed quietly: from however many sources, a code (three are valid at a
/// time) is then guessed one time in thirty thousand a day, not one in ten.
const WRONG_CODES_PER_HOUR: i64 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Operator,
    Coordinator,
    Responder,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::Coordinator => "coordinator",
            Role::Responder => "responder",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "operator" => Some(Role::Operator),
            "coordinator" => Some(Role::Coordinator),
            "responder" => Some(Role::Responder),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// A field the person typed is wrong; the code names what (catalog key `error-<code>`).
    #[error("{field}: {code}")]
    Field {
        field: &'static str,
        code: &'static str,
    },
    #[error("the invite is unknown, used or expired")]
    InviteInvalid,
    #[error("wrong username, password or code")]
    LoginFailed,
    #[error("too many failed logins; try again later")]
    TooSoon,
    #[error("not allowed")]
    Forbidden,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

/// What a new account sees once: its TOTP secret and its recovery key.
pub struct Enrolment {
    pub totp_secret: SecretString,
    pub totp_url: SecretString,
    pub recovery_key: SecretString,
}

/// A new invite: its public id (to list and revoke it by), the token for its link (shown once,
/// only its HMAC is stored) and when it stops working.
pub struct IssuedInvite {
    pub id: String,
    pub token: SecretString,
    pub expires_at: i64,
}

/// A new account, as enrolment made it: what its holder sees once (`enrolment`), and what they
/// need to go on: its id, what the invite made it, and the identity key its organisation (or a
/// coordinator, by its fingerprint) certifies.
pub struct Enrolled {
    pub enrolment: Enrolment,
    pub account_id: String,
    pub username: String,
    pub invite: Invite,
    pub identity: crate::crypto::signing::VerifyingKey,
}

/// What a successful login hands out: the new session's secret, and a fresh known-device value
/// (`device`) for the next login.
pub struct LoggedIn {
    pub session: SecretString,
    pub device: SecretString,
}

/// The logged-in person behind a request.
pub struct Principal {
    pub account_id: String,
    pub username: String,
    pub role: Role,
    pub organisation_id: Option<String>,
    pub private_key: PrivateKey,
    pub csrf: String,
    /// The language tag and IANA time zone the person chose for their pages, if they did.
    pub language: Option<String>,
    pub time_zone: Option<String>,
    session_hmac: Vec<u8>,
}

impl Principal {
    pub(crate) fn session_hmac(&self) -> &[u8] {
        &self.session_hmac
    }
}

impl std::fmt::Debug for Principal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Principal")
            .field("account_id", &self.account_id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct Accounts {
    pub store: Store,
    pub audit: Audit,
    kdf: KdfPool,
    params: Argon2Params,
    pepper: Arc<SecretBox<[u8; 32]>>,
    idle_secs: i64,
    absolute_secs: i64,
    /// Who must wait after failed attempts, per username and source.
    backoff: Arc<backoff::Backoff>,
    /// Who must wait after invite tokens that open nothing, per source alone (`ENROLMENT`):
    /// a guesser at invite links is held like a guesser at a password, after one lookup of the
    /// token and before anything else is weighed.
    enrolments: Arc<backoff::Backoff>,
    /// What failed attempts are timed by (the backoff after them): the system's clock, or a
    /// test's own, so that no test depends on how fast the machine runs it.
    clock: crate::store::Clock,
}

fn random_token() -> Zeroizing<String> {
    let mut bytes = Zeroizing::new([0u8; 32]);
    rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(bytes.as_mut());
    Zeroizing::new(URL_SAFE_NO_PAD.encode(bytes.as_ref()))
}

/// How the audit log names an invite: its public id (never the token), role and organisation.
pub(crate) fn invite_subject(id: &str, role: &str, organisation: Option<&str>) -> String {
    format!(
        "invite:{id} role:{role} organisation:{}",
        organisation.unwrap_or("-")
    )
}

/// An invite's public id: what lists, revokes and audits it, never what redeems it.
fn new_invite_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

fn totp(secret: &[u8], username: &str) -> Result<Totp, CryptoError> {
    totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(Secret::new(secret.to_vec().into_boxed_slice()))
        .with_issuer(Some("Homeward"))
        .with_account_name(username)
        .build()
        .map_err(|e| CryptoError::Kdf(format!("totp: {e}")))
}

fn check_username(username: &str) -> Result<(), AccountError> {
    let ok = (3..=40).contains(&username.len())
        && username
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(AccountError::Field {
            field: "username",
            code: "invalid_username",
        })
    }
}

fn check_password(password: &str, username: &str) -> Result<(), AccountError> {
    let length = password.chars().count();
    if length < 12 {
        return Err(AccountError::Field {
            field: "password",
            code: "password_short",
        });
    }
    if length > 1024 {
        return Err(AccountError::Field {
            field: "password",
            code: "too_long",
        });
    }
    // zxcvbn knows the common-password lists and the usual patterns on top of them.
    let estimate = zxcvbn::zxcvbn(password, &[username, "homeward"]);
    if (estimate.score() as u8) < 3 {
        return Err(AccountError::Field {
            field: "password",
            code: "password_common",
        });
    }
    Ok(())
}

impl Accounts {
    pub fn new(
        store: Store,
        audit: Audit,
        kdf: KdfPool,
        params: Argon2Params,
        pepper: SecretBox<[u8; 32]>,
        idle_secs: i64,
        absolute_secs: i64,
    ) -> Accounts {
        Accounts {
            store,
            audit,
            kdf,
            params,
            pepper: Arc::new(pepper),
            idle_secs,
            absolute_secs,
            backoff: Arc::default(),
            enrolments: Arc::default(),
            clock: crate::store::Clock::system(),
        }
    }

    /// The same accounts, timing failed attempts by `clock`.
    pub fn with_clock(mut self, clock: crate::store::Clock) -> Accounts {
        self.clock = clock;
        self
    }

    /// HMAC-SHA256 under the server pepper, so a stolen database cannot test tokens offline
    /// without the secrets file too.
    pub(crate) fn mac(&self, label: &[u8], value: &[u8]) -> Vec<u8> {
        let mut mac = match Hmac::<Sha256>::new_from_slice(self.pepper.expose_secret()) {
            Ok(mac) => mac,
            // A 32-byte key is always accepted by HMAC.
            Err(_) => return Vec::new(),
        };
        mac.update(label);
        mac.update(&[0]);
        mac.update(value);
        mac.finalize().into_bytes().to_vec()
    }

    /// A key for one purpose, derived from the server pepper: every replica derives the same one
    /// and a stolen database alone holds nothing it opens.
    pub(crate) fn purpose_key(&self, label: &[u8]) -> zeroize::Zeroizing<[u8; 32]> {
        crate::crypto::wrap::derive_key(self.pepper.expose_secret(), label)
    }

    /// Makes a single-use invite; the token is returned once and only its HMAC is stored.
    pub async fn create_invite(
        &self,
        invite: &Invite,
        created_by: Option<&str>,
    ) -> Result<SecretString, AccountError> {
        Ok(self.issue(invite, created_by).await?.token)
    }

    /// `create_invite`, with the invite's public id and expiry beside the token.
    pub async fn issue(
        &self,
        invite: &Invite,
        created_by: Option<&str>,
    ) -> Result<IssuedInvite, AccountError> {
        let id = new_invite_id();
        // The public id, as `invite_revoked` names it, so the two entries can be matched; never
        // the token, which only the link holds.
        let entry = self.audit.entry(
            created_by.unwrap_or("cli"),
            "invite_created",
            invite_subject(&id, &invite.role, invite.organisation_id.as_deref()),
        );
        self.issue_invite(&id, invite, created_by, &entry, None)
            .await
    }

    /// At the server's console, before anyone has an account: the first operator's invite
    /// (`admin bootstrap`, `init`). Every earlier operator invite made at the console and still
    /// open is revoked with it, each audited, so that only the link printed last enrols anyone:
    /// one printed earlier, and seen or kept by someone else, is dead from now on.
    pub async fn first_operator_invite(&self) -> Result<SecretString, AccountError> {
        let invite = Invite {
            role: Role::Operator.as_str().to_owned(),
            organisation_id: None,
        };
        let id = new_invite_id();
        let entry = self.audit.entry(
            "cli",
            "invite_created",
            invite_subject(&id, &invite.role, invite.organisation_id.as_deref()),
        );
        Ok(self
            .issue_invite(&id, &invite, None, &entry, Some("cli"))
            .await?
            .token)
    }

    /// Stores a new invite with its entry. With `replacing` (the actor), it is the console's
    /// operator invite, which revokes the console's earlier ones still open.
    async fn issue_invite(
        &self,
        id: &str,
        invite: &Invite,
        created_by: Option<&str>,
        entry: &AuditEntry<'_>,
        replacing: Option<&str>,
    ) -> Result<IssuedInvite, AccountError> {
        let token = random_token();
        let at = now();
        let expires_at = at + INVITE_HOURS * 3600;
        let new = NewInvite {
            id,
            token_hmac: &self.mac(b"invite", token.as_bytes()),
            invite,
            created_by,
            created_at: at,
            expires_at,
        };
        match replacing {
            None => self.store.insert_invite(&new, entry).await?,
            Some(actor) => {
                let revoked = |earlier: &str| {
                    self.audit.entry(
                        actor,
                        "invite_revoked",
                        format!(
                            "{} replaced_by:{id}",
                            invite_subject(
                                earlier,
                                &invite.role,
                                invite.organisation_id.as_deref()
                            )
                        ),
                    )
                };
                self.store
                    .replace_console_operator_invites(&new, entry, revoked)
                    .await?
            }
        }
        Ok(IssuedInvite {
            id: id.to_owned(),
            token: SecretString::from(token.as_str().to_owned()),
            expires_at,
        })
    }

    /// At the server's console, when no operator is left: an invite for a new operator, who
    /// stands as one without the desk's countersignature (whoever runs commands on the server is
    /// the operator of last resort). Audited with the invite, and announced on every member's
    /// workspace. Like the first operator's invite, it revokes the console's earlier operator
    /// invites still open.
    pub async fn recovery_invite(&self) -> Result<SecretString, AccountError> {
        let invite = Invite {
            role: Role::Operator.as_str().to_owned(),
            organisation_id: None,
        };
        let id = new_invite_id();
        let entry = self.audit.entry(
            "console",
            OPERATOR_RECOVERED,
            format!("invite:{id} role:operator"),
        );
        Ok(self
            .issue_invite(&id, &invite, None, &entry, Some("console"))
            .await?
            .token)
    }

    /// What a usable invite grants, looked up by its token from `origin`. A token that opens
    /// nothing counts as a failed enrolment there, as in `redeem`: the invite page would
    /// otherwise answer guesses for free.
    pub async fn usable_invite(
        &self,
        token: &str,
        origin: Origin,
    ) -> Result<Option<Invite>, AccountError> {
        let usable = self
            .store
            .usable_invite(&self.mac(b"invite", token.as_bytes()), now())
            .await?;
        if usable.is_none() {
            self.enrolment_failed(origin)?;
        }
        Ok(usable)
    }

    /// Counts a token that opened nothing against `origin`; `TooSoon` once that source must
    /// wait. Only failures are held back: a right token is let through from anywhere, so that
    /// nobody sharing an address (a NAT, a carrier's, an office proxy) can keep a coordinator
    /// from enrolling by sending wrong ones.
    fn enrolment_failed(&self, origin: Origin) -> Result<(), AccountError> {
        tracing::info!("enrolment refused: no usable invite");
        let at = self.clock.now();
        if self.enrolments.holds_back(ENROLMENT, origin, at) {
            return Err(AccountError::TooSoon);
        }
        self.enrolments.failed(ENROLMENT, origin, at);
        Ok(())
    }

    /// Redeems an invite: checks the username and password, makes the key pair, the TOTP secret
    /// and the recovery key, and stores them sealed. What its holder sees once.
    pub async fn enrol(
        &self,
        token: &str,
        username: &str,
        password: &SecretString,
        origin: Origin,
    ) -> Result<Enrolment, AccountError> {
        Ok(self
            .redeem(token, username, password, origin)
            .await?
            .enrolment)
    }

    /// `enrol`, with what a script needs to go on: the new account's id, role, organisation and
    /// identity key. The token is looked up first, before the username and password are
    /// weighed, so a wrong one costs nothing; it counts against `origin`, which past a few such
    /// failures is answered `TooSoon` for wrong tokens (never for a right one).
    pub async fn redeem(
        &self,
        token: &str,
        username: &str,
        password: &SecretString,
        origin: Origin,
    ) -> Result<Enrolled, AccountError> {
        let token_hmac = self.mac(b"invite", token.as_bytes());
        if self
            .store
            .usable_invite(&token_hmac, now())
            .await?
            .is_none()
        {
            self.enrolment_failed(origin)?;
            return Err(AccountError::InviteInvalid);
        }
        check_username(username)?;
        check_password(password.expose_secret(), username)?;
        let id = uuid::Uuid::new_v4().to_string();
        let salt = new_salt();
        let master = self
            .kdf
            .derive(
                Zeroizing::new(password.expose_secret().as_bytes().to_vec()),
                salt.clone(),
                self.params,
            )
            .await?;
        let keys = PasswordKeys::split(&master);
        let pair = KeyPair::generate();
        let recovery = RecoveryKey::generate();
        let mut totp_secret = Zeroizing::new([0u8; 20]);
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(totp_secret.as_mut());
        let totp = totp(totp_secret.as_ref(), username)?;
        let account = NewAccount {
            id: id.clone(),
            username: username.to_owned(),
            kdf: self.params.encode(),
            salt,
            verifier: keys.verifier.to_vec(),
            public_key: pair.public.to_bytes(),
            key: wrap_private_key(&keys.kek, &id, "password", &pair.private)?,
            recovery: wrap_private_key(&recovery.kek(), &id, "recovery", &pair.private)?,
            totp: wrap::seal(
                &keys.kek,
                &wrap::ad("homeward/totp/v1", &[&id]),
                totp_secret.as_ref(),
            )?,
            created_at: now(),
        };
        let entry = self
            .audit
            .entry(&id, "account_enrolled", format!("account:{id}"));
        let invite = match self
            .store
            .redeem_invite(&token_hmac, now(), &account, &entry)
            .await
        {
            Ok(invite) => invite,
            Err(RedeemError::Invalid) => {
                self.enrolment_failed(origin)?;
                return Err(AccountError::InviteInvalid);
            }
            Err(RedeemError::UsernameTaken) => {
                return Err(AccountError::Field {
                    field: "username",
                    code: "username_taken",
                })
            }
            Err(RedeemError::Store(e)) => return Err(e.into()),
        };
        crate::trust::certification::record_identity(&self.store, &id, &pair.private).await?;
        tracing::info!(account = %id, "account enrolled");
        Ok(Enrolled {
            enrolment: Enrolment {
                totp_secret: SecretString::from(totp.secret().to_base32()),
                totp_url: SecretString::from(totp.to_url().unwrap_or_default()),
                recovery_key: SecretString::from(recovery.to_text().as_str().to_owned()),
            },
            identity: crate::crypto::identity::identity_of(&pair.private).verifying_key(),
            account_id: id,
            username: username.to_owned(),
            invite,
        })
    }

    /// Password and TOTP; a TOTP code is accepted once. Returns the new session's cookie value
    /// and a known-device value. A name tried and failed too often from `origin` waits there,
    /// whether it exists or not.
    pub async fn login(
        &self,
        username: &str,
        password: &SecretString,
        code: &str,
        origin: Origin,
    ) -> Result<LoggedIn, AccountError> {
        let at = now();
        if self.backoff.holds_back(username, origin, self.clock.now()) {
            return Err(AccountError::TooSoon);
        }
        let Some(account) = self.store.account_by_username(username).await? else {
            // An unknown name answers after the same derivation a real attempt costs, and its
            // failures count the same: neither the answer nor its time tells which names exist.
            let _ = self
                .kdf
                .derive(
                    Zeroizing::new(password.expose_secret().as_bytes().to_vec()),
                    vec![0u8; 16],
                    self.params,
                )
                .await;
            self.backoff.failed(username, origin, self.clock.now());
            return Err(AccountError::LoginFailed);
        };
        let params = Argon2Params::decode(&account.kdf)?;
        let master = self
            .kdf
            .derive(
                Zeroizing::new(password.expose_secret().as_bytes().to_vec()),
                account.salt.clone(),
                params,
            )
            .await?;
        let keys = PasswordKeys::split(&master);
        if !keys.verifies(&account.verifier) {
            self.backoff.failed(username, origin, self.clock.now());
            self.audit.note(&account.id, "login_refused", "password");
            tracing::info!(account = %account.id, "login refused: password");
            return Err(AccountError::LoginFailed);
        }
        // Someone holds the password and is guessing the code. The answer stays a wrong login's,
        // after the same derivation; the owner gets in again after a quiet hour, or at once with
        // the recovery key.
        let wrong_codes_at = self.clock.now();
        if account.wrong_codes >= WRONG_CODES_PER_HOUR
            && wrong_codes_at < account.last_wrong_code_at + 3600
        {
            self.store
                .record_wrong_code(&account.id, wrong_codes_at)
                .await?;
            self.audit
                .note(&account.id, "login_refused", "codes held back");
            tracing::info!(account = %account.id, "login refused: codes held back");
            return Err(AccountError::LoginFailed);
        }
        let secret = wrap::open(
            &keys.kek,
            &wrap::ad("homeward/totp/v1", &[&account.id]),
            &account.totp,
        )?;
        let step = totp(&secret, &account.username)?
            .check(code.trim(), u64::try_from(at).unwrap_or(0))
            .and_then(|s| i64::try_from(s).ok());
        let accepted = match step {
            Some(step) => self.store.accept_totp_step(&account.id, step).await?,
            None => false,
        };
        if !accepted {
            self.backoff.failed(username, origin, self.clock.now());
            self.store
                .record_wrong_code(&account.id, self.clock.now())
                .await?;
            self.audit.note(&account.id, "login_refused", "code");
            tracing::info!(account = %account.id, "login refused: code");
            return Err(AccountError::LoginFailed);
        }
        self.backoff.succeeded(username, origin);
        let private = unwrap_private_key(&keys.kek, &account.id, "password", &account.key)?;
        // Accounts made before identity keys get theirs now; for the rest this rewrites the same.
        crate::trust::certification::record_identity(&self.store, &account.id, &private).await?;
        let cookie = random_token();
        let session_key = wrap::derive_key(cookie.as_bytes(), b"homeward/session/key/v1");
        let sealed = wrap_private_key(&session_key, &account.id, "session", &private)?;
        let entry = self
            .audit
            .entry(&account.id, "login", format!("account:{}", account.id));
        self.store
            .insert_session(
                &self.mac(b"session", cookie.as_bytes()),
                &account.id,
                &sealed,
                at,
                &entry,
            )
            .await?;
        tracing::info!(account = %account.id, "logged in");
        Ok(LoggedIn {
            session: SecretString::from(cookie.as_str().to_owned()),
            device: self.device_value(&account),
        })
    }

    /// The person behind a session cookie, with their private key opened for this request only.
    pub async fn resolve(&self, cookie: &str) -> Result<Option<Principal>, AccountError> {
        let id = self.mac(b"session", cookie.as_bytes());
        let Some(session) = self.store.session(&id).await? else {
            return Ok(None);
        };
        let at = now();
        if at - session.last_seen_at > self.idle_secs
            || at - session.created_at > self.absolute_secs
        {
            self.store.delete_session(&id).await?;
            return Ok(None);
        }
        let Some(role) = Role::parse(&session.role) else {
            return Ok(None);
        };
        let session_key = wrap::derive_key(cookie.as_bytes(), b"homeward/session/key/v1");
        let private =
            unwrap_private_key(&session_key, &session.account_id, "session", &session.key)?;
        if at - session.last_seen_at >= 60 {
            self.store.touch_session(&id, at).await?;
        }
        Ok(Some(Principal {
            account_id: session.account_id,
            username: session.username,
            role,
            organisation_id: session.organisation_id,
            private_key: private,
            csrf: csrf_token(cookie),
            language: session.language,
            time_zone: session.time_zone,
            session_hmac: id,
        }))
    }

    /// The person's language tag and IANA time zone for their pages (none: the browser's
    /// language, UTC); both already parsed by the caller.
    pub async fn set_preferences(
        &self,
        who: &Principal,
        language: Option<&str>,
        time_zone: Option<&str>,
    ) -> Result<(), AccountError> {
        let entry = self.audit.entry(
            &who.account_id,
            "preferences_changed",
            format!(
                "language:{} time_zone:{}",
                language.unwrap_or("-"),
                time_zone.unwrap_or("-")
            ),
        );
        self.store
            .set_preferences(&who.account_id, language, time_zone, &entry)
            .await?;
        Ok(())
    }

    pub async fn logout(&self, principal: &Principal) -> Result<(), AccountError> {
        let entry = self.audit.entry(
            &principal.account_id,
            "logout",
            format!("account:{}", principal.account_id),
        );
        self.store
            .end_session(&principal.session_hmac, &entry)
            .await?;
        tracing::info!(account = %principal.account_id, "logged out");
        Ok(())
    }
}

/// The CSRF token of a session: derived from the cookie's secret, so nothing is stored for it and
/// a page from another origin cannot know it.
pub fn csrf_token(cookie: &str) -> String {
    URL_SAFE_NO_PAD
        .encode(wrap::derive_key(cookie.as_bytes(), b"homeward/session/csrf/v1").as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_and_odd_usernames_are_refused() {
        assert!(check_password("short", "anna").is_err());
        assert!(check_password("password1234", "anna").is_err());
        assert!(check_password("anna-anna-anna", "anna").is_err());
        assert!(check_password("violet river under 9 lanterns", "anna").is_ok());
        assert!(check_username("Anna").is_err());
        assert!(check_username("a").is_err());
        assert!(check_username("anna.k").is_ok());
    }
}
