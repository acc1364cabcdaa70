//! An account's secrets: one Argon2id derivation from the password, split by HKDF into a verifier
//! (stored) and a key-encryption key (never stored) that wraps the account's X25519 private key
//! and its TOTP secret; a 128-bit recovery key, shown once, wraps the private key too.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::Rng;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::wrap::{self, Wrapped};
use super::{CryptoError, PrivateKey};

/// The two halves of a password derivation.
pub struct PasswordKeys {
    pub verifier: [u8; 32],
    pub kek: Zeroizing<[u8; 32]>,
}

impl PasswordKeys {
    pub fn split(master: &[u8; 32]) -> PasswordKeys {
        let verifier = *wrap::derive_key(master, b"homeward/account/verifier/v1");
        PasswordKeys {
            verifier,
            kek: wrap::derive_key(master, b"homeward/account/kek/v1"),
        }
    }

    /// Constant-time comparison with the stored verifier.
    pub fn verifies(&self, stored: &[u8]) -> bool {
        stored.len() == 32 && bool::from(self.verifier.ct_eq(stored))
    }
}

/// A 128-bit recovery key, shown once as base64url.
pub struct RecoveryKey(Zeroizing<[u8; 16]>);

impl RecoveryKey {
    pub fn generate() -> RecoveryKey {
        let mut bytes = Zeroizing::new([0u8; 16]);
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(bytes.as_mut());
        RecoveryKey(bytes)
    }

    pub fn parse(text: &str) -> Result<RecoveryKey, CryptoError> {
        let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let bytes = Zeroizing::new(
            URL_SAFE_NO_PAD
                .decode(cleaned)
                .map_err(|_| CryptoError::InvalidKey)?,
        );
        let array: [u8; 16] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| CryptoError::InvalidKey)?;
        Ok(RecoveryKey(Zeroizing::new(array)))
    }

    pub fn to_text(&self) -> Zeroizing<String> {
        Zeroizing::new(URL_SAFE_NO_PAD.encode(self.0.as_ref()))
    }

    pub fn kek(&self) -> Zeroizing<[u8; 32]> {
        wrap::derive_key(self.0.as_ref(), b"homeward/account/recovery/v1")
    }
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}

fn key_ad(account: &str, under: &str) -> Vec<u8> {
    wrap::ad("homeward/account-key/v1", &[account, under])
}

pub fn wrap_private_key(
    kek: &[u8; 32],
    account: &str,
    under: &str,
    key: &PrivateKey,
) -> Result<Wrapped, CryptoError> {
    wrap::seal(kek, &key_ad(account, under), &key.to_bytes())
}

pub fn unwrap_private_key(
    kek: &[u8; 32],
    account: &str,
    under: &str,
    wrapped: &Wrapped,
) -> Result<PrivateKey, CryptoError> {
    let bytes = wrap::open(kek, &key_ad(account, under), wrapped)?;
    PrivateKey::from_bytes(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KeyPair;

    #[test]
    fn the_split_halves_differ_and_wrap_the_key() {
        let keys = PasswordKeys::split(&[7u8; 32]);
        assert_ne!(keys.verifier.as_slice(), keys.kek.as_slice());
        assert!(keys.verifies(&keys.verifier));
        assert!(!keys.verifies(&[0u8; 32]));
        let pair = KeyPair::generate();
        let Ok(wrapped) = wrap_private_key(&keys.kek, "a1", "password", &pair.private) else {
            panic!("wrap")
        };
        let opened =
            unwrap_private_key(&keys.kek, "a1", "password", &wrapped).map(|k| k.public_key());
        assert_eq!(opened, Ok(pair.public.clone()));
        assert!(unwrap_private_key(&keys.kek, "a2", "password", &wrapped).is_err());
        assert!(unwrap_private_key(&keys.kek, "a1", "recovery", &wrapped).is_err());
    }

    #[test]
    fn recovery_keys_round_trip_and_hide_in_debug() {
        // Many keys, so that every base64url character (`-` and `_` included) turns up.
        for _ in 0..500 {
            let key = RecoveryKey::generate();
            let again = RecoveryKey::parse(&key.to_text()).map(|k| k.kek().to_vec());
            assert_eq!(again, Ok(key.kek().to_vec()), "{}", key.to_text().as_str());
        }
        let key = RecoveryKey::generate();
        assert_eq!(format!("{key:?}"), "RecoveryKey(..)");
        assert!(RecoveryKey::parse("short").is_err());
    }
}
