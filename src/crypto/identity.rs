//! An account's identity key (Ed25519). It is made from the account's X25519 private key by HKDF
//! under its own label, so it is exactly as protected as that key (wrapped under the password,
//! the recovery key and each session) with no second wrapped secret to keep in step. It signs the
//! account's encryption key; the organisation's signing key, or a certified coordinator's
//! identity key, certifies it. A new key pair (a coordinator's reset link) is a new identity,
//! which must be certified again.

use super::signing::SigningKey;
use super::{wrap, PrivateKey};

pub fn identity_of(private: &PrivateKey) -> SigningKey {
    let seed = wrap::derive_key(&private.to_bytes(), b"homeward/account/identity/v1");
    SigningKey::from_seed(&seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::signing::Statement;
    use crate::crypto::KeyPair;

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
