//! An account's identity key (Ed25519). It is made from the account's X25519 private key by HKDF
//! under its own label, so it is exactly as protected as that key (wrapped under the password,
//! the recovery key and each session) with no second wrapped secret to keep in step. It signs the
//! account's encryption key; the organisation's signing key, or a certified coordinator's
//! identity key, certifies it. A new key pair (a coordinator's reset link) is a new identity,
//! which must be certified again.

use sha2::{Digest, Sha256};

use super::signing::{SigningKey, VerifyingKey};
use super::{wrap, PrivateKey};

pub fn identity_of(private: &PrivateKey) -> SigningKey {
    let seed = wrap::derive_key(&private.to_bytes(), b"homeward/account/identity/v1");
    SigningKey::from_seed(&seed)
}

/// 80 bits of SHA-256 over the identity key, in five groups of four hex digits: what a member
/// reads from their own workspace (made from their session's key, not from the database) to
/// whoever certifies them, in person or by phone. A certification with another fingerprint is
/// refused, so an identity swapped in the database is never certified.
pub fn fingerprint(identity: &VerifyingKey) -> String {
    let digest = Sha256::digest(identity.to_bytes());
    digest[..10]
        .chunks(2)
        .map(|pair| format!("{:02x}{:02x}", pair[0], pair[1]))
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether `typed` is the identity's fingerprint, however it was spaced, dashed or cased.
pub fn fingerprint_matches(typed: &str, identity: &VerifyingKey) -> bool {
    let digits = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_hexdigit)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let typed = digits(typed);
    !typed.is_empty() && typed == digits(&fingerprint(identity))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::signing::Statement;
    use crate::crypto::KeyPair;

    #[test]
    fn a_fingerprint_is_read_however_it_was_typed() {
        let identity = identity_of(&KeyPair::generate().private).verifying_key();
        let print = fingerprint(&identity);
        assert_eq!(print.len(), 24);
        assert!(fingerprint_matches(
            &print.to_uppercase().replace('-', " "),
            &identity
        ));
        assert!(!fingerprint_matches("", &identity));
        let other = identity_of(&KeyPair::generate().private).verifying_key();
        assert!(!fingerprint_matches(&fingerprint(&other), &identity));
    }

    #[test]
    fn the_identity_follows_the_private_key_and_binds_only_its_public_key() {
        let pair = KeyPair::generate();
        let other = KeyPair::generate();
        let identity = identity_of(&pair.private);
        assert!(identity.verifying_key() == identity_of(&pair.private).verifying_key());
        assert!(identity.verifying_key() != identity_of(&other.private).verifying_key());
        let binding = identity.sign(&Statement::AccountKey {
            account: "a",
            key: &pair.public,
        });
        let verifying = identity.verifying_key();
        assert!(verifying.verifies(
            &Statement::AccountKey {
                account: "a",
                key: &pair.public
            },
            &binding
        ));
        assert!(!verifying.verifies(
            &Statement::AccountKey {
                account: "a",
                key: &other.public
            },
            &binding
        ));
        assert!(!verifying.verifies(
            &Statement::AccountKey {
                account: "b",
                key: &pair.public
            },
            &binding
        ));
    }
}
