//! Keys, sealed boxes, AEAD and Argon2id: small, pure, tested with known vectors and against
//! tampering. It uses no other folder of the crate, and knows nothing of HTTP or SQL.
//!
//! # Wire formats (version 1)
//!
//! * **Public and private keys** are X25519 keys (RFC 7748), written as `hwpk1.` or `hwsk1.`
//!   followed by the 32 raw bytes in unpadded base64url.
//! * **An item** (`item::SealedItem`): `format` = 1, a 24-byte random nonce, and
//!   XChaCha20-Poly1305(item key, nonce, plaintext, ad) where
//!   `ad = "homeward/item" || 0x00 || format || report id (16 bytes) || item id (16 bytes)`;
//!   or `format` = 2 (sealed in a browser), a 12-byte nonce and AES-256-GCM with the same `ad`.
//!   The item key is 32 random bytes, fresh for every item.
//! * **A sealed item key** (`envelope::SealedKey`): HPKE (RFC 9180) base mode,
//!   DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, single shot, with
//!   `info = "homeward/item-key/v1"` and `aad = report id || item id` (16 bytes each). Stored as the
//!   32-byte encapsulated key and the 48-byte ciphertext, beside the recipient's public key and
//!   the suite: 1 for ChaCha20-Poly1305, 2 for AES-128-GCM (what a browser seals with). The
//!   protocol for sealing on the device is docs/sealed-intake.md, with test vectors.
//! * **The reporter key** is an X25519 key pair of the report's own; its private key is wrapped by
//!   XChaCha20-Poly1305 under Argon2id(receipt secret, 16-byte salt, stored parameters) with
//!   `ad = "homeward/reporter-key/v1" || report id`.
//! * **A file** (`stream::SealedFile`): STREAM over XChaCha20-Poly1305 in 64 KiB chunks under
//!   an item key, a 19-byte nonce prefix, `ad = "homeward/file" || 0x00 || report id || item id`.
//! * **Signatures** (`signing`): Ed25519 (RFC 8032, strict verification) over a domain-separated,
//!   length-prefixed statement; `hwok1.`/`hwov1.`/`hwsg1.` for signing key, verifying key and
//!   signature. An account's identity key (`identity`) is an Ed25519 key made by HKDF from its
//!   X25519 private key (`"homeward/account/identity/v1"`).

pub mod account;
pub mod envelope;
pub mod identity;
pub mod item;
pub mod kdf;
pub mod keys;
pub mod signing;
pub mod stream;
pub mod tls;
#[cfg(test)]
mod vectors;
pub mod wrap;

pub use envelope::SealedKey;
pub use item::{ItemKey, SealedItem};
pub use keys::{KeyPair, PrivateKey, PublicKey};

/// Why something did not open or could not be made. Deliberately says nothing more: a wrong key
/// and a tampered ciphertext look the same from outside.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CryptoError {
    #[error("the sealed value did not open")]
    Open,
    #[error("the key is not a valid key")]
    InvalidKey,
    #[error("sealing failed")]
    Seal,
    #[error("key derivation failed: {0}")]
    Kdf(String),
}
