//! X25519 key pairs for queues and reports, and their text forms (`hwpk1.`/`hwsk1.` + base64url).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hpke::{Deserializable, Kem as _, Serializable};
use zeroize::Zeroizing;

use super::CryptoError;

pub(crate) type Kem = hpke::kem::X25519HkdfSha256;

const PUBLIC_PREFIX: &str = "hwpk1.";
const PRIVATE_PREFIX: &str = "hwsk1.";

/// A recipient's public key.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey(pub(crate) <Kem as hpke::Kem>::PublicKey);

/// A recipient's private key. Zeroised on drop by the underlying type; never printed.
pub struct PrivateKey(pub(crate) <Kem as hpke::Kem>::PrivateKey);

pub struct KeyPair {
    pub private: PrivateKey,
    pub public: PublicKey,
}

impl KeyPair {
    pub fn generate() -> KeyPair {
        let (private, public) = Kem::gen_keypair();
        KeyPair {
            private: PrivateKey(private),
            public: PublicKey(public),
        }
    }
}

impl PublicKey {
    pub fn from_bytes(bytes: &[u8]) -> Result<PublicKey, CryptoError> {
        <Kem as hpke::Kem>::PublicKey::from_bytes(bytes)
            .map(PublicKey)
            .map_err(|_| CryptoError::InvalidKey)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes().to_vec()
    }

    pub fn parse(text: &str) -> Result<PublicKey, CryptoError> {
        let encoded = text
            .trim()
            .strip_prefix(PUBLIC_PREFIX)
            .ok_or(CryptoError::InvalidKey)?;
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded)
            .map_err(|_| CryptoError::InvalidKey)?;
        PublicKey::from_bytes(&bytes)
    }

    pub fn to_text(&self) -> String {
        format!("{PUBLIC_PREFIX}{}", URL_SAFE_NO_PAD.encode(self.to_bytes()))
    }
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text())
    }
}

impl PrivateKey {
    pub fn from_bytes(bytes: &[u8]) -> Result<PrivateKey, CryptoError> {
        <Kem as hpke::Kem>::PrivateKey::from_bytes(bytes)
            .map(PrivateKey)
            .map_err(|_| CryptoError::InvalidKey)
    }

    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.0.to_bytes().to_vec())
    }

    pub fn public_key(&self) -> PublicKey {
        PublicKey(Kem::sk_to_pk(&self.0))
    }

    pub fn parse(text: &str) -> Result<PrivateKey, CryptoError> {
        let encoded = text
            .trim()
            .strip_prefix(PRIVATE_PREFIX)
            .ok_or(CryptoError::InvalidKey)?;
        let bytes = Zeroizing::new(
            URL_SAFE_NO_PAD
                .decode(encoded)
                .map_err(|_| CryptoError::InvalidKey)?,
        );
        PrivateKey::from_bytes(&bytes)
    }

    /// The text form, for printing once to an organisation's offline safe.
    pub fn to_text(&self) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "{PRIVATE_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(self.to_bytes())
        ))
    }
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrivateKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms_round_trip_and_debug_hides_the_private_key() {
        let pair = KeyPair::generate();
        let public = PublicKey::parse(&pair.public.to_text());
        assert_eq!(public.as_ref().ok(), Some(&pair.public));
        let private = PrivateKey::parse(&pair.private.to_text());
        assert_eq!(
            private.map(|k| k.public_key()).ok(),
            Some(pair.public.clone())
        );
        assert_eq!(format!("{:?}", pair.private), "PrivateKey(..)");
        assert!(PublicKey::parse("hwpk1.abc").is_err());
        assert!(PublicKey::parse(&pair.private.to_text()).is_err());
    }
}
