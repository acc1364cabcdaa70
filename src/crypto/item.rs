//! One item's content under its own random key, with associated data that binds the report, the
//! item and the format version. The format names the cipher: XChaCha20-Poly1305 where the server
//! or the reference client sealed it, AES-256-GCM where a browser did (WebCrypto has no ChaCha).

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::Rng;
use uuid::Uuid;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::CryptoError;

/// Format 1: XChaCha20-Poly1305 with a 24-byte nonce.
pub const FORMAT_XCHACHA: u8 = 1;
/// Format 2: AES-256-GCM with a 12-byte nonce.
pub const FORMAT_AES_GCM: u8 = 2;

/// The nonce length a format takes; `None` for a format this server does not know.
pub fn nonce_len(format: u8) -> Option<usize> {
    match format {
        FORMAT_XCHACHA => Some(24),
        FORMAT_AES_GCM => Some(12),
        _ => None,
    }
}

/// A 32-byte item key. Zeroised on drop, never printed.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct ItemKey([u8; 32]);

impl ItemKey {
    pub fn generate() -> ItemKey {
        let mut key = [0u8; 32];
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut key);
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

pub(crate) fn associated_data(format: u8, report: Uuid, item: Uuid) -> Vec<u8> {
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
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut nonce);
        SealedItem::seal_with_nonce(FORMAT_XCHACHA, key, &nonce, (report, item), plaintext)
    }

    /// Seals in `format` with the caller's nonce: a browser's format 2, and the test vectors.
    /// A nonce must never repeat under one key; every item key is fresh, so a random one is safe.
    pub fn seal_with_nonce(
        format: u8,
        key: &ItemKey,
        nonce: &[u8],
        (report, item): (Uuid, Uuid),
        plaintext: &[u8],
    ) -> Result<SealedItem, CryptoError> {
        let ad = associated_data(format, report, item);
        let ciphertext =
            crypt(Direction::Seal, format, key, nonce, &ad, plaintext).ok_or(CryptoError::Seal)?;
        Ok(SealedItem {
            format,
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
        let ad = associated_data(self.format, report, item);
        crypt(
            Direction::Open,
            self.format,
            key,
            &self.nonce,
            &ad,
            &self.ciphertext,
        )
        .map(Zeroizing::new)
        .ok_or(CryptoError::Open)
    }
}

#[derive(Clone, Copy)]
enum Direction {
    Seal,
    Open,
}

/// One pass of the cipher the format names. `None` for a format or nonce length it does not
/// take, and for a ciphertext that does not open: the caller says which.
fn crypt(
    direction: Direction,
    format: u8,
    key: &ItemKey,
    nonce: &[u8],
    ad: &[u8],
    input: &[u8],
) -> Option<Vec<u8>> {
    match (format, nonce.len()) {
        (FORMAT_XCHACHA, 24) => {
            let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
            let (nonce, payload) = (
                &XNonce::try_from(nonce).ok()?,
                Payload {
                    msg: input,
                    aad: ad,
                },
            );
            match direction {
                Direction::Seal => cipher.encrypt(nonce, payload),
                Direction::Open => cipher.decrypt(nonce, payload),
            }
            .ok()
        }
        (FORMAT_AES_GCM, 12) => {
            use aes_gcm::aead::Aead as _;
            let cipher =
                <aes_gcm::Aes256Gcm as aes_gcm::KeyInit>::new_from_slice(key.as_bytes()).ok()?;
            let nonce = aes_gcm::Nonce::try_from(nonce).ok()?;
            let payload = aes_gcm::aead::Payload {
                msg: input,
                aad: ad,
            };
            match direction {
                Direction::Seal => cipher.encrypt(&nonce, payload),
                Direction::Open => cipher.decrypt(&nonce, payload),
            }
            .ok()
        }
        _ => None,
    }
}

/// Every item's plaintext is rounded up to a multiple of this many bytes before it is sealed,
/// on the server and on the reporter's device alike.
pub const PAD_TO: usize = 512;

/// The length `len` bytes of plaintext are padded to: the next multiple of `PAD_TO`, at least one.
pub fn padded_len(len: usize) -> usize {
    len.div_ceil(PAD_TO).max(1) * PAD_TO
}

/// `plaintext` followed by spaces up to `padded_len`. A ciphertext's length would otherwise tell
/// whoever holds the database which consent was given or withdrawn, how long a reply or a note
/// is, or a summary's country; within a block they all look alike. Every item's plaintext is
/// JSON, where trailing whitespace is allowed and ignored, so padded and unpadded items (those
/// stored before padding, or sealed by an older device) open alike.
pub fn padded(plaintext: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(padded_len(plaintext.len())));
    out.extend_from_slice(plaintext);
    out.resize(padded_len(plaintext.len()), b' ');
    out
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
        bad.format = FORMAT_AES_GCM;
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

    #[test]
    fn aes_gcm_items_open_and_refuse_tampering() {
        let key = ItemKey::generate();
        let (report, item) = (Uuid::new_v4(), Uuid::new_v4());
        let sealed = SealedItem::seal_with_nonce(
            FORMAT_AES_GCM,
            &key,
            &[7; 12],
            (report, item),
            b"Shwe Kokko",
        );
        let Ok(sealed) = sealed else {
            panic!("sealing failed");
        };
        assert_eq!(
            sealed.open(&key, report, item).map(|p| p.to_vec()),
            Ok(b"Shwe Kokko".to_vec())
        );
        for i in 0..sealed.ciphertext.len() * 8 {
            let mut bad = sealed.clone();
            bad.ciphertext[i / 8] ^= 1 << (i % 8);
            assert!(bad.open(&key, report, item).is_err(), "ciphertext bit {i}");
        }
        let mut bad = sealed.clone();
        bad.format = FORMAT_XCHACHA;
        assert!(bad.open(&key, report, item).is_err());
        assert!(sealed.open(&key, item, report).is_err());
    }
}
