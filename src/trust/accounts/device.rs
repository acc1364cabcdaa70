//! Known devices: what a browser (a cookie) or an API client (a value it keeps) is handed at each
//! successful login and shows at its next one, so that the attempt draws on a login allowance
//! that strangers cannot reach (`web::shared::throttle::Logins`). The ceiling every stranger
//! shares can be spent by a flood of cheap sources (onion circuits, IPv6 /64s); without it, a
//! responder's next shift would start with "too soon" for as long as the flood ran.
//!
//! A value opens nothing and skips nothing: the password, the TOTP code, the backoff per name and
//! source and the wrong-code lock all still apply; all it buys is a place in the other queue. It
//! is not stored anywhere on the server and names nobody: it holds its issue time and a MAC
//! under a key derived from the server pepper, so telling which account a value belongs to takes
//! the pepper (and trying every account). It is checked against the account the login names,
//! and lives `DEVICE_DAYS` from its issue; every login hands out a fresh one.
//!
//! Format (base64url, no padding): `1` (1 byte, the version) || `issued_at` (8 bytes, big-endian
//! Unix seconds) || the first 16 bytes of HMAC-SHA256, under
//! `purpose_key("homeward/known-device/key/v1")`, of `len(account id)` (8 bytes, big-endian) ||
//! account id || the password's salt || `issued_at` (8 bytes, big-endian). The salt is new at
//! every password change and reset, so a change of credentials forgets every device known before
//! it: whoever took the old password and used it does not keep a way past the ceiling.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use secrecy::SecretString;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::{AccountError, Accounts};
use crate::store::AccountRecord;

/// How long a device stays known after the login that handed out its value.
pub const DEVICE_DAYS: i64 = 90;

const KEY_LABEL: &[u8] = b"homeward/known-device/key/v1";
const VERSION: u8 = 1;
const TAG_BYTES: usize = 16;
const VALUE_BYTES: usize = 1 + 8 + TAG_BYTES;
/// Replicas' clocks differ a little: a value issued by one a few seconds ahead is still good.
const SKEW_SECS: i64 = 300;

/// An account a login attempt showed a live device value for. Made only by checking a value
/// against the account the attempt names, so holding one means exactly that.
#[derive(Debug)]
pub struct KnownDevice {
    account_id: String,
}

impl KnownDevice {
    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    /// For the throttle's unit tests, which have no accounts to check a value against.
    #[cfg(test)]
    pub(crate) fn for_tests(account_id: &str) -> KnownDevice {
        KnownDevice {
            account_id: account_id.to_owned(),
        }
    }
}

/// Whose credentials a value is bound to: the account, and its password's current salt.
struct Holder<'a> {
    account_id: &'a str,
    salt: &'a [u8],
}

fn tag(key: &[u8; 32], holder: &Holder<'_>, issued_at: i64) -> [u8; TAG_BYTES] {
    let mut tag = [0u8; TAG_BYTES];
    if let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) {
        mac.update(&(holder.account_id.len() as u64).to_be_bytes());
        mac.update(holder.account_id.as_bytes());
        // Fixed length (16 bytes): nothing to delimit.
        mac.update(holder.salt);
        mac.update(&issued_at.to_be_bytes());
        tag.copy_from_slice(&mac.finalize().into_bytes()[..TAG_BYTES]);
    }
    tag
}

fn encode(key: &[u8; 32], holder: &Holder<'_>, issued_at: i64) -> String {
    let mut bytes = Vec::with_capacity(VALUE_BYTES);
    bytes.push(VERSION);
    bytes.extend_from_slice(&issued_at.to_be_bytes());
    bytes.extend_from_slice(&tag(key, holder, issued_at));
    URL_SAFE_NO_PAD.encode(bytes)
}

/// When a well-formed value that is live at `now` was issued, and its tag; `None` for anything
/// else, before any account is looked up.
fn parse(value: &str, now: i64) -> Option<(i64, [u8; TAG_BYTES])> {
    // Longer than any value this server makes: not decoded at all.
    if value.len() > 64 {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(value.trim()).ok()?;
    if bytes.len() != VALUE_BYTES || bytes[0] != VERSION {
        return None;
    }
    let issued_at = i64::from_be_bytes(bytes.get(1..9)?.try_into().ok()?);
    let live = issued_at <= now.saturating_add(SKEW_SECS)
        && now < issued_at.saturating_add(DEVICE_DAYS * 86_400);
    if !live {
        return None;
    }
    Some((issued_at, bytes.get(9..)?.try_into().ok()?))
}

fn belongs_to(
    key: &[u8; 32],
    holder: &Holder<'_>,
    issued_at: i64,
    given: &[u8; TAG_BYTES],
) -> bool {
    bool::from(tag(key, holder, issued_at).ct_eq(given))
}

impl Accounts {
    /// A fresh device value for the account as its credentials stand, issued now.
    pub(super) fn device_value(&self, account: &AccountRecord) -> SecretString {
        let key = self.purpose_key(KEY_LABEL);
        let holder = Holder {
            account_id: &account.id,
            salt: &account.salt,
        };
        SecretString::from(encode(&key, &holder, self.clock.now()))
    }

    /// The known device a login attempt shows, if `value` is a live one for the account named
    /// `username`. An absent, malformed, expired or forged value, another account's, or one for
    /// a name that does not exist, is no device at all: the attempt is then anyone's.
    pub async fn known_device(
        &self,
        username: &str,
        value: Option<&str>,
    ) -> Result<Option<KnownDevice>, AccountError> {
        let Some((issued_at, given)) = value.and_then(|v| parse(v, self.clock.now())) else {
            return Ok(None);
        };
        let Some(account) = self.store.account_by_username(username).await? else {
            return Ok(None);
        };
        let key = self.purpose_key(KEY_LABEL);
        let holder = Holder {
            account_id: &account.id,
            salt: &account.salt,
        };
        Ok(
            belongs_to(&key, &holder, issued_at, &given).then_some(KnownDevice {
                account_id: account.id,
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];
    const NOW: i64 = 1_750_000_000;

    const SALT: [u8; 16] = [3; 16];

    fn holder(account_id: &str) -> Holder<'_> {
        Holder {
            account_id,
            salt: &SALT,
        }
    }

    fn check(value: &str, account_id: &str, now: i64) -> bool {
        parse(value, now)
            .is_some_and(|(at, given)| belongs_to(&KEY, &holder(account_id), at, &given))
    }

    #[test]
    fn a_new_password_forgets_every_device_known_before() {
        let value = encode(&KEY, &holder("account-a"), NOW);
        let after_change = Holder {
            account_id: "account-a",
            salt: &[4; 16],
        };
        let (at, given) = parse(&value, NOW).unwrap_or_default();
        assert!(!belongs_to(&KEY, &after_change, at, &given));
    }

    #[test]
    fn a_value_is_good_for_its_account_for_ninety_days() {
        let value = encode(&KEY, &holder("account-a"), NOW);
        assert!(check(&value, "account-a", NOW));
        assert!(check(&value, "account-a", NOW + DEVICE_DAYS * 86_400 - 1));
        assert!(!check(&value, "account-a", NOW + DEVICE_DAYS * 86_400));
        assert!(!check(&value, "account-b", NOW), "another account's");
        assert!(
            check(&value, "account-a", NOW - 60),
            "from a replica a minute ahead"
        );
        assert!(
            !check(&value, "account-a", NOW - SKEW_SECS - 1),
            "issued in the future"
        );
    }

    #[test]
    fn a_value_names_nobody_and_cannot_be_forged_or_moved() {
        let value = encode(&KEY, &holder("account-a"), NOW);
        assert!(!value.contains("account"));
        assert_eq!(value.len(), 34);
        assert!(
            !check(
                &encode(&[8; 32], &holder("account-a"), NOW),
                "account-a",
                NOW
            ),
            "made under another pepper"
        );
        // A later issue time, with the old tag: the time is bound.
        let mut bytes = URL_SAFE_NO_PAD.decode(&value).unwrap_or_default();
        bytes[8] ^= 1;
        assert!(!check(&URL_SAFE_NO_PAD.encode(&bytes), "account-a", NOW));
        let mut bytes = URL_SAFE_NO_PAD.decode(&value).unwrap_or_default();
        bytes[VALUE_BYTES - 1] ^= 1;
        assert!(!check(&URL_SAFE_NO_PAD.encode(&bytes), "account-a", NOW));
        for odd in [
            "",
            "x",
            "%%%",
            &value[..20],
            &format!("{value}AA"),
            &"A".repeat(5000),
        ] {
            assert!(!check(odd, "account-a", NOW), "{odd:?}");
        }
    }
}
