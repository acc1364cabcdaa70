//! Files, sealed in chunks with the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár:
//! "Online authenticated-encryption and its nonce-reuse misuse-resistance"), so that a large
//! attachment is sealed and opened a chunk at a time and a chunk that is cut, dropped, repeated or
//! moved fails to open.
//!
//! Wire format (version 1): a 19-byte random nonce prefix, then the chunks in order, each
//! XChaCha20-Poly1305(file key, prefix || 32-bit big-endian counter || last-chunk flag, chunk,
//! ad) with `ad = "homeward/file" || 0x00 || report id || item id` (16 bytes each). Every chunk
//! but the last holds exactly `CHUNK` plaintext bytes; the last holds the rest (maybe none). The
//! file key is HKDF-SHA256(item key, "homeward/file-key/v1"): the item key, sealed to the
//! item's audience like any other, also seals the item's manifest, under its own construction.

use aead_stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, Payload};
use chacha20poly1305::XChaCha20Poly1305;
use rand::Rng;
use uuid::Uuid;
use zeroize::Zeroizing;

use super::{wrap, CryptoError, ItemKey};

fn file_key(item_key: &ItemKey) -> Zeroizing<[u8; 32]> {
    wrap::derive_key(item_key.as_bytes(), b"homeward/file-key/v1")
}

/// Plaintext bytes per chunk.
pub const CHUNK: usize = 64 * 1024;
pub const PREFIX: usize = 19;

/// A sealed file: the nonce prefix and the sealed chunks, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedFile {
    pub prefix: [u8; PREFIX],
    pub chunks: Vec<Vec<u8>>,
}

fn ad(report: Uuid, item: Uuid) -> Vec<u8> {
    let mut ad = b"homeward/file\0".to_vec();
    ad.extend_from_slice(report.as_bytes());
    ad.extend_from_slice(item.as_bytes());
    ad
}

/// Seals `plaintext` under a key derived from the item's key, for one item of one report.
pub fn seal(
    item_key: &ItemKey,
    report: Uuid,
    item: Uuid,
    plaintext: &[u8],
) -> Result<SealedFile, CryptoError> {
    let mut prefix = [0u8; PREFIX];
    rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut prefix);
    let aead = XChaCha20Poly1305::new((&*file_key(item_key)).into());
    let mut encryptor = EncryptorBE32::from_aead(aead, (&prefix).into());
    let ad = ad(report, item);
    let mut pieces = plaintext.chunks(CHUNK).peekable();
    let mut chunks = Vec::with_capacity(plaintext.len() / CHUNK + 1);
    while let Some(piece) = pieces.next() {
        let payload = Payload {
            msg: piece,
            aad: &ad,
        };
        if pieces.peek().is_none() && piece.len() < CHUNK {
            return finish(encryptor, payload, prefix, chunks);
        }
        chunks.push(
            encryptor
                .encrypt_next(payload)
                .map_err(|_| CryptoError::Seal)?,
        );
    }
    // Empty, or an exact multiple of the chunk size: an empty last chunk marks the end.
    let payload = Payload { msg: &[], aad: &ad };
    finish(encryptor, payload, prefix, chunks)
}

fn finish(
    encryptor: EncryptorBE32<XChaCha20Poly1305>,
    payload: Payload<'_, '_>,
    prefix: [u8; PREFIX],
    mut chunks: Vec<Vec<u8>>,
) -> Result<SealedFile, CryptoError> {
    chunks.push(
        encryptor
            .encrypt_last(payload)
            .map_err(|_| CryptoError::Seal)?,
    );
    Ok(SealedFile { prefix, chunks })
}

/// Opens a sealed file; fails as a whole if any chunk is wrong, missing, repeated or moved, or
/// if the last one is not marked as the last.
pub fn open(
    item_key: &ItemKey,
    report: Uuid,
    item: Uuid,
    file: &SealedFile,
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    let Some((last, rest)) = file.chunks.split_last() else {
        return Err(CryptoError::Open);
    };
    let aead = XChaCha20Poly1305::new((&*file_key(item_key)).into());
    let mut decryptor = DecryptorBE32::from_aead(aead, (&file.prefix).into());
    let ad = ad(report, item);
    let mut out = Zeroizing::new(Vec::with_capacity(file.chunks.len() * CHUNK));
    for chunk in rest {
        let plain = Zeroizing::new(
            decryptor
                .decrypt_next(Payload {
                    msg: chunk,
                    aad: &ad,
                })
                .map_err(|_| CryptoError::Open)?,
        );
        if plain.len() != CHUNK {
            return Err(CryptoError::Open);
        }
        out.extend_from_slice(&plain);
    }
    let plain = Zeroizing::new(
        decryptor
            .decrypt_last(Payload {
                msg: last,
                aad: &ad,
            })
            .map_err(|_| CryptoError::Open)?,
    );
    out.extend_from_slice(&plain);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i % 251) as u8).collect()
    }

    #[test]
    fn files_of_every_awkward_length_come_back_whole() {
        let key = ItemKey::generate();
        let (report, item) = (Uuid::new_v4(), Uuid::new_v4());
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17] {
            let data = sample(len);
            let sealed = seal(&key, report, item, &data).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(sealed.chunks.len(), len / CHUNK + 1, "{len}");
            let opened = open(&key, report, item, &sealed).map(|p| p.to_vec());
            assert_eq!(opened, Ok(data), "{len}");
        }
    }

    #[test]
    fn a_cut_dropped_repeated_or_moved_chunk_fails_to_open() {
        let key = ItemKey::generate();
        let (report, item) = (Uuid::new_v4(), Uuid::new_v4());
        let sealed =
            seal(&key, report, item, &sample(3 * CHUNK + 5)).unwrap_or_else(|e| panic!("{e}"));
        let mut truncated = sealed.clone();
        truncated.chunks.pop();
        let mut dropped = sealed.clone();
        dropped.chunks.remove(1);
        let mut repeated = sealed.clone();
        repeated.chunks.insert(1, sealed.chunks[1].clone());
        let mut swapped = sealed.clone();
        swapped.chunks.swap(0, 1);
        let mut cut = sealed.clone();
        if let Some(last) = cut.chunks.last_mut() {
            last.truncate(last.len() - 1);
        }
        let mut flipped = sealed.clone();
        flipped.chunks[2][10] ^= 1;
        for (what, file) in [
            ("truncated", truncated),
            ("dropped", dropped),
            ("repeated", repeated),
            ("swapped", swapped),
            ("cut", cut),
            ("flipped", flipped),
        ] {
            assert!(open(&key, report, item, &file).is_err(), "{what}");
        }
        let other_item = Uuid::new_v4();
        assert!(
            open(&key, report, other_item, &sealed).is_err(),
            "bound to its item"
        );
        assert!(
            open(&ItemKey::generate(), report, item, &sealed).is_err(),
            "bound to its key"
        );
    }
}
