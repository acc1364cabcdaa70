//! The keys of one queue a member holds, each beside the public key it belongs to.

use crate::crypto::PrivateKey;

/// The keys of one queue a member holds, each beside the public key it belongs to, so that an
/// item key (which names the key it was sealed to) finds its private key without deriving a
/// public key per item.
pub struct Keyring<'a>(Vec<(Vec<u8>, &'a PrivateKey)>);

impl<'a> Keyring<'a> {
    pub fn new(keys: impl IntoIterator<Item = &'a PrivateKey>) -> Keyring<'a> {
        Keyring(
            keys.into_iter()
                .map(|k| (k.public_key().to_bytes(), k))
                .collect(),
        )
    }

    pub fn for_key(&self, public: &[u8]) -> Option<&'a PrivateKey> {
        self.0.iter().find(|(p, _)| p == public).map(|(_, k)| *k)
    }
}
