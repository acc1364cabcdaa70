//! Files the reporter attaches: held in memory only (never spooled to disk) within a per-replica
//! budget, cleaned of their metadata, then sealed in chunks to the NGO audience. An attachment is
//! an item whose content is its manifest; its file is sealed with STREAM under a key derived
//! from the same item key, so rotation, referral and destruction treat it like any item.

pub mod budget;
pub mod clean;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::crypto::stream::{self, SealedFile, PREFIX};
use crate::crypto::{CryptoError, ItemKey};
use crate::domain::{Audience, ItemKind};
use crate::store::NewItem;
use crate::trust::sealing::{seal_item_with, Recipient};

pub use budget::{Budget, Held, Reservation, Spent};
pub use clean::{clean, Cleaned, FileKind, Refusal};

/// What an attachment's item holds, sealed like any item.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// From the file's bytes, never from what the client said.
    pub media_type: String,
    pub size: usize,
    /// Whether the reporter asked for the position the file held to be used as a location hint.
    pub location_used: bool,
    /// The file's STREAM nonce prefix, base64.
    pub stream: String,
}

impl Manifest {
    pub fn kind(&self) -> Option<FileKind> {
        [FileKind::Jpeg, FileKind::Png, FileKind::WebP, FileKind::Pdf]
            .into_iter()
            .find(|k| k.media_type() == self.media_type)
    }
}

/// Where the reporter asked, the first position a file holds becomes the report's location
/// hint, unless the report gives coordinates already; returns each file with whether its
/// position was used.
pub fn use_positions(
    report: &mut crate::domain::Report,
    files: Vec<(Cleaned, bool)>,
) -> Vec<(Cleaned, bool)> {
    let mut placed = report.location.coordinates.is_some();
    files
        .into_iter()
        .map(|(file, asked)| {
            let used = asked && !placed && file.gps.is_some();
            if used {
                report.location.coordinates = file.gps;
                placed = true;
            }
            (file, used)
        })
        .collect()
}

/// Seals a cleaned file as a new attachment item of `report` for `recipients`.
pub(crate) fn seal(
    report: Uuid,
    file: &Cleaned,
    location_used: bool,
    recipients: &[Recipient<'_>],
) -> Result<NewItem, CryptoError> {
    let (id, key) = (Uuid::new_v4(), ItemKey::generate());
    let sealed = stream::seal(&key, report, id, &file.bytes)?;
    let manifest = Manifest {
        media_type: file.kind.media_type().to_owned(),
        size: file.bytes.len(),
        location_used,
        stream: STANDARD.encode(sealed.prefix),
    };
    let plaintext = serde_json::to_vec(&manifest).map_err(|_| CryptoError::Seal)?;
    let mut item = seal_item_with(
        report,
        (id, &key),
        (ItemKind::Attachment, Audience::Ngo),
        &plaintext,
        recipients,
    )?;
    item.file = Some(sealed);
    Ok(item)
}

/// Opens an attachment's file with its item key, given its manifest and its sealed chunks.
pub fn open(
    key: &ItemKey,
    report: Uuid,
    item: Uuid,
    manifest: &Manifest,
    chunks: Vec<Vec<u8>>,
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    let prefix: [u8; PREFIX] = STANDARD
        .decode(&manifest.stream)
        .ok()
        .and_then(|p| p.try_into().ok())
        .ok_or(CryptoError::Open)?;
    stream::open(key, report, item, &SealedFile { prefix, chunks })
}
