//! A secret sealed under a 32-byte key with XChaCha20-Poly1305 and associated data naming what it
//! is and whose it is. Used for private keys and TOTP secrets under password-, recovery- and
//! session-derived keys.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use rand::Rng;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::CryptoError;

/// A sealed secret as stored: a 24-byte nonce and the ciphertext with its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub nonce: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

pub fn seal(key: &[u8; 32], ad: &[u8], plaintext: &[u8]) -> Result<Wrapped, CryptoError> {
    let mut nonce = [0u8; 24];
    rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut nonce);
    let ciphertext = XChaCha20Poly1305::new(key.into())
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plaintext,
                aad: ad,
            },
        )
        .map_err(|_| CryptoError::Seal)?;
    Ok(Wrapped {
        nonce: nonce.to_vec(),
        ciphertext,
    })
}

pub fn open(
    key: &[u8; 32],
    ad: &[u8],
    wrapped: &Wrapped,
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if wrapped.nonce.len() != 24 {
        return Err(CryptoError::Open);
    }
    let nonce = XNonce::try_from(wrapped.nonce.as_slice()).map_err(|_| CryptoError::Open)?;
    XChaCha20Poly1305::new(key.into())
        .decrypt(
            &nonce,
            Payload {
                msg: &wrapped.ciphertext,
                aad: ad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Open)
}

/// HKDF-SHA256 of `ikm` for one purpose, named by `info`.
pub fn derive_key(ikm: &[u8], info: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut out = Zeroizing::new([0u8; 32]);
    // 32 bytes is far below HKDF-SHA256's output limit, so expansion cannot fail.
    let _ = Hkdf::<Sha256>::new(None, ikm).expand(info, out.as_mut());
    out
}

/// Associated data: a purpose label and the ids it binds, separated by NUL.
pub fn ad(purpose: &str, ids: &[&str]) -> Vec<u8> {
    let mut ad = purpose.as_bytes().to_vec();
    for id in ids {
        ad.push(0);
        ad.extend_from_slice(id.as_bytes());
    }
    ad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_only_with_their_key_and_binding() {
        let key = derive_key(b"master", b"purpose");
        let other = derive_key(b"master", b"another purpose");
        let binding = ad("homeward/test", &["account-1"]);
        let Ok(sealed) = seal(&key, &binding, b"secret") else {
            panic!("seal")
        };
        assert_eq!(
            open(&key, &binding, &sealed).map(|p| p.to_vec()),
            Ok(b"secret".to_vec())
        );
        assert!(open(&other, &binding, &sealed).is_err());
        assert!(open(&key, &ad("homeward/test", &["account-2"]), &sealed).is_err());
        for i in 0..sealed.ciphertext.len() * 8 {
            let mut bad = sealed.clone();
            bad.ciphertext[i / 8] ^= 1 << (i % 8);
            assert!(open(&key, &binding, &bad).is_err());
        }
    }
}
