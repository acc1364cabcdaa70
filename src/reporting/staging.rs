//! Resumable uploads for API clients on slow links: the client declares the size, then sends
//! the file in pieces at the offset the server says it has reached, and may ask that offset
//! again after a dropped connection, so a file never starts over.
//!
//! Every piece is sealed as it arrives (XChaCha20-Poly1305, `ad = "homeward/staged" || upload id
//! || first byte`) under a staging key derived from the secret in the client's upload token. The
//! database keeps only the token's HMAC, so what is staged opens for nobody but the holder of the
//! token. When the last byte arrives the file is cleaned and staged again, cleaned; a report or a
//! follow-up visit that names the upload and its token then seals it to the NGO audience.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::Rng;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::config::AttachmentSettings;
use crate::crypto::wrap;
use crate::crypto::CryptoError;
use crate::domain::report::Coordinates;
use crate::reporting::attachments::{Budget, Cleaned, FileKind, Held, Refusal, Reservation};
use crate::store::{now, Store, StoreError};
use crate::trust::accounts::Accounts;

/// How long an upload may take from start to use.
pub const UPLOAD_HOURS: i64 = 24;

/// How long an upload not yet complete lives after its last piece: a client whose link dropped
/// comes back within it, and a stalled one does not hold its share of `staged_bytes` for a day.
pub const IDLE_SECS: i64 = 3600;

/// The most one request may append; a client on a slow link sends less.
pub const MAX_PIECE: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StagingError {
    /// No such upload, or not this token's: the two look the same.
    #[error("no such upload")]
    NotFound,
    /// The offset is not where the upload stands; the client asks again.
    #[error("the upload stands at {0}")]
    Offset(i64),
    #[error("larger than allowed")]
    TooLarge,
    #[error("not complete yet")]
    Incomplete,
    #[error("the upload budget is spent")]
    Busy,
    #[error("refused: {0}")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

/// Where an upload stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub offset: i64,
    pub size: i64,
    /// Complete and cleaned, ready to be attached.
    pub ready: bool,
}

/// What completion leaves beside the cleaned bytes, sealed under the staging key.
#[derive(Serialize, Deserialize)]
struct Facts {
    media_type: String,
    gps: Option<(f64, f64)>,
}

pub struct Staging<'a> {
    pub store: &'a Store,
    pub accounts: &'a Accounts,
    pub limits: &'a AttachmentSettings,
    pub budget: &'a Budget,
}

fn staging_key(token: &str, id: &str) -> Zeroizing<[u8; 32]> {
    let mut info = b"homeward/staging/v1\0".to_vec();
    info.extend_from_slice(id.as_bytes());
    wrap::derive_key(token.as_bytes(), &info)
}

fn piece_ad(id: &str, first_byte: i64) -> Vec<u8> {
    wrap::ad("homeward/staged", &[id, &first_byte.to_string()])
}

fn facts_ad(id: &str) -> Vec<u8> {
    wrap::ad("homeward/staged-facts", &[id])
}

impl Staging<'_> {
    /// Starts an upload of `size` bytes; returns its id and the token, shown once.
    pub async fn create(
        &self,
        size: i64,
        declared_type: Option<&str>,
    ) -> Result<(Uuid, SecretString), StagingError> {
        if size <= 0 || usize::try_from(size).map_or(true, |s| s > self.limits.max_bytes) {
            return Err(StagingError::TooLarge);
        }
        let id = Uuid::new_v4();
        let mut secret = Zeroizing::new([0u8; 32]);
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(secret.as_mut());
        let token = SecretString::from(URL_SAFE_NO_PAD.encode(secret.as_ref()));
        let at = now();
        self.store
            .create_upload(
                &id.to_string(),
                &self.mac(token.expose_secret()),
                size,
                declared_type,
                at,
                at + IDLE_SECS,
            )
            .await?;
        Ok((id, token))
    }

    fn mac(&self, token: &str) -> Vec<u8> {
        self.accounts.mac(b"upload", token.as_bytes())
    }

    async fn row(&self, id: Uuid, token: &str) -> Result<crate::store::UploadRow, StagingError> {
        let row = self
            .store
            .upload(&id.to_string(), now())
            .await?
            .ok_or(StagingError::NotFound)?;
        let same: bool = row.token_hmac.ct_eq(&self.mac(token)).into();
        if !same {
            return Err(StagingError::NotFound);
        }
        Ok(row)
    }

    pub async fn progress(&self, id: Uuid, token: &str) -> Result<Progress, StagingError> {
        let row = self.row(id, token).await?;
        Ok(Progress {
            offset: row.received,
            size: row.size,
            ready: row.cleaned.is_some(),
        })
    }

    /// Whether a piece of `length` bytes (if the request says) may be appended at `offset`:
    /// asked from the request's headers before a byte of its body is read, so that a client
    /// without the token, or at the wrong offset, or sending too much, is answered at once and
    /// holds nothing. `append` checks again under the store's own rule.
    pub async fn accepts(
        &self,
        id: Uuid,
        token: &str,
        offset: i64,
        length: Option<usize>,
    ) -> Result<(), StagingError> {
        let row = self.row(id, token).await?;
        if row.cleaned.is_some() || offset != row.received {
            return Err(StagingError::Offset(row.received));
        }
        if let Some(length) = length {
            let fits = length <= MAX_PIECE
                && i64::try_from(length).is_ok_and(|length| offset + length <= row.size);
            if !fits {
                return Err(StagingError::TooLarge);
            }
            self.room_for(length).await?;
        }
        Ok(())
    }

    /// Whether `length` more bytes fit in what staged uploads may hold together (concurrent
    /// pieces may pass it by a piece each).
    async fn room_for(&self, length: usize) -> Result<(), StagingError> {
        let staged = self.store.staged_bytes(now()).await?;
        let after = u64::try_from(staged)
            .unwrap_or(u64::MAX)
            .saturating_add(length as u64);
        if after > self.limits.staged_bytes {
            tracing::warn!("staged uploads hold attachments.staged_bytes: a piece refused");
            return Err(StagingError::Busy);
        }
        Ok(())
    }

    /// Appends `piece` at `offset`; on the last byte, cleans the file (a refusal discards it).
    pub async fn append(
        &self,
        id: Uuid,
        token: &str,
        offset: i64,
        piece: &[u8],
    ) -> Result<Progress, StagingError> {
        let row = self.row(id, token).await?;
        if row.cleaned.is_some() || offset != row.received {
            return Err(StagingError::Offset(row.received));
        }
        let length = i64::try_from(piece.len()).map_err(|_| StagingError::TooLarge)?;
        if piece.len() > MAX_PIECE || offset + length > row.size {
            return Err(StagingError::TooLarge);
        }
        self.room_for(piece.len()).await?;
        let key_id = id.to_string();
        let key = staging_key(token, &key_id);
        let sealed = wrap::seal(&key, &piece_ad(&key_id, offset), piece)?;
        if !self
            .store
            .append_upload(
                &key_id,
                offset,
                length,
                &sealed,
                now() + IDLE_SECS,
                UPLOAD_HOURS * 3600,
            )
            .await?
        {
            let now_at = self.progress(id, token).await?.offset;
            return Err(StagingError::Offset(now_at));
        }
        let received = offset + length;
        if received < row.size {
            return Ok(Progress {
                offset: received,
                size: row.size,
                ready: false,
            });
        }
        self.complete(id, token, row.declared_type.as_deref())
            .await?;
        Ok(Progress {
            offset: received,
            size: row.size,
            ready: true,
        })
    }

    /// Reads every staged piece back into memory, reserving the upload budget piece by piece
    /// as each is opened, so a small file holds only its own size.
    async fn gather(
        &self,
        id: &str,
        key: &[u8; 32],
    ) -> Result<(Zeroizing<Vec<u8>>, Reservation), StagingError> {
        let mut held = Held::up_to(self.limits.max_bytes);
        for (first_byte, piece) in self.store.upload_chunks(id).await? {
            if usize::try_from(first_byte).ok() != Some(held.len()) {
                return Err(CryptoError::Open.into());
            }
            let plain = wrap::open(key, &piece_ad(id, first_byte), &piece)?;
            held.push(self.budget, &plain)
                .map_err(|_| StagingError::Busy)?;
        }
        Ok(held.into_parts())
    }

    async fn complete(
        &self,
        id: Uuid,
        token: &str,
        declared: Option<&str>,
    ) -> Result<(), StagingError> {
        let key_id = id.to_string();
        let key = staging_key(token, &key_id);
        let (bytes, _reservation) = self.gather(&key_id, &key).await?;
        let declared = declared.map(str::to_owned);
        let max_pixels = self.limits.max_pixels;
        let cleaned = tokio::task::spawn_blocking(move || {
            crate::reporting::attachments::clean(&bytes, declared.as_deref(), max_pixels)
        })
        .await
        .unwrap_or(Err(Refusal::Malformed));
        let cleaned = match cleaned {
            Ok(cleaned) => cleaned,
            Err(refusal) => {
                self.store.discard_upload(&key_id).await?;
                return Err(StagingError::Refused(refusal));
            }
        };
        let mut pieces = Vec::new();
        for (i, piece) in cleaned.bytes.chunks(MAX_PIECE).enumerate() {
            let first_byte = i64::try_from(i * MAX_PIECE).map_err(|_| StagingError::TooLarge)?;
            pieces.push((
                first_byte,
                wrap::seal(&key, &piece_ad(&key_id, first_byte), piece)?,
            ));
        }
        let facts = Facts {
            media_type: cleaned.kind.media_type().to_owned(),
            gps: cleaned.gps.map(|c| (c.latitude, c.longitude)),
        };
        let facts = serde_json::to_vec(&facts).map_err(|_| CryptoError::Seal)?;
        let facts = wrap::seal(&key, &facts_ad(&key_id), &facts)?;
        self.store
            .stage_cleaned(&key_id, &pieces, &facts, UPLOAD_HOURS * 3600)
            .await?;
        Ok(())
    }

    /// The cleaned file of a complete upload, for a report or a visit to seal; the caller
    /// discards the upload once the file is stored.
    pub async fn take(
        &self,
        id: Uuid,
        token: &str,
    ) -> Result<(Cleaned, Reservation), StagingError> {
        let row = self.row(id, token).await?;
        let Some(sealed_facts) = row.cleaned else {
            return Err(StagingError::Incomplete);
        };
        let key_id = id.to_string();
        let key = staging_key(token, &key_id);
        let facts = wrap::open(&key, &facts_ad(&key_id), &sealed_facts)?;
        let facts: Facts = serde_json::from_slice(&facts).map_err(|_| CryptoError::Open)?;
        let kind = [FileKind::Jpeg, FileKind::Png, FileKind::WebP, FileKind::Pdf]
            .into_iter()
            .find(|k| k.media_type() == facts.media_type)
            .ok_or(CryptoError::Open)?;
        // The cleaned file may differ in length from what was sent (a PDF is written anew).
        let (bytes, reservation) = self.gather(&key_id, &key).await?;
        let cleaned = Cleaned {
            kind,
            // Moved, not copied: the one buffer is wiped when the file is dropped.
            bytes,
            gps: facts.gps.map(|(latitude, longitude)| Coordinates {
                latitude,
                longitude,
            }),
        };
        Ok((cleaned, reservation))
    }

    pub async fn discard(&self, id: Uuid) -> Result<(), StagingError> {
        Ok(self.store.discard_upload(&id.to_string()).await?)
    }
}
