//! One item's content under its own random key: XChaCha20-Poly1305 with associated data that binds
//! the report, the item and the format version.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use uuid::Uuid;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::CryptoError;

/// Format 1: XChaCha20-Poly1305, sealed on the server.
pub const FORMAT_XCHACHA: u8 = 1;

/// A 32-byte item key. Zeroised on drop, never printed.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct ItemKey([u8; 32]);

impl ItemKey {
    pub fn generate() -> ItemKey {
        let mut key = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        ItemKey(key)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<ItemKey, CryptoError> {
        let key: [u8; 32] = bytes.try_into().map_err(|_| CryptoError::InvalidKey)?;
        Ok(ItemKey(key))
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for ItemKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ItemKey(..)")
    }
}

/// An item's ciphertext as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedItem {
    pub format: u8,
    pub nonce: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

fn associated_data(format: u8, report: Uuid, item: Uuid) -> Vec<u8> {
    let mut ad = Vec::with_capacity(14 + 1 + 1 + 32);
    ad.extend_from_slice(b"homeward/item\0");
    ad.push(format);
    ad.extend_from_slice(report.as_bytes());
    ad.extend_from_slice(item.as_bytes());
    ad
}

impl SealedItem {
    pub fn seal(
        key: &ItemKey,
        report: Uuid,
        item: Uuid,
        plaintext: &[u8],
    ) -> Result<SealedItem, CryptoError> {
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
        let ad = associated_data(FORMAT_XCHACHA, report, item);
        let ciphertext = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: &ad,
                },
            )
            .map_err(|_| CryptoError::Seal)?;
        Ok(SealedItem {
            format: FORMAT_XCHACHA,
            nonce: nonce.to_vec(),
            ciphertext,
        })
    }

    pub fn open(
        &self,
        key: &ItemKey,
        report: Uuid,
        item: Uuid,
    ) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        if self.format != FORMAT_XCHACHA || self.nonce.len() != 24 {
            return Err(CryptoError::Open);
        }
        let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
        let ad = associated_data(self.format, report, item);
        cipher
            .decrypt(
                XNonce::from_slice(&self.nonce),
                Payload {
                    msg: &self.ciphertext,
                    aad: &ad,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| CryptoError::Open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flipped_bit_is_rejected() {
        let key = ItemKey::generate();
        let (report, item) = (Uuid::new_v4(), Uuid::new_v4());
        let Ok(sealed) = SealedItem::seal(&key, report, item, b"KK Park, Myawaddy") else {
            panic!("sealing failed");
        };
        assert_eq!(
            sealed.open(&key, report, item).map(|p| p.to_vec()),
            Ok(b"KK Park, Myawaddy".to_vec())
        );
        for i in 0..sealed.ciphertext.len() * 8 {
            let mut bad = sealed.clone();
            bad.ciphertext[i / 8] ^= 1 << (i % 8);
            assert!(bad.open(&key, report, item).is_err(), "ciphertext bit {i}");
        }
        for i in 0..sealed.nonce.len() * 8 {
            let mut bad = sealed.clone();
            bad.nonce[i / 8] ^= 1 << (i % 8);
            assert!(bad.open(&key, report, item).is_err(), "nonce bit {i}");
        }
        let mut bad = sealed.clone();
        bad.format = 2;
        assert!(bad.open(&key, report, item).is_err());
        for i in 0..128 {
            let mut flipped = *report.as_bytes();
            flipped[i / 8] ^= 1 << (i % 8);
            assert!(
                sealed.open(&key, Uuid::from_bytes(flipped), item).is_err(),
                "ad bit {i}"
            );
        }
        assert!(sealed.open(&ItemKey::generate(), report, item).is_err());
    }
}
