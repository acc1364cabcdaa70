//! Opening sealed items: with a queue's private key (responders, and tests standing in for them)
//! or, for the black-box tests only (`test-support`), with a receipt code, as the reporter's
//! follow-up visit does (it can open only the thread).

use uuid::Uuid;
use zeroize::Zeroizing;

use crate::crypto::{CryptoError, PrivateKey};
use crate::domain::{Audience, ItemKind};
use crate::store::{Store, StoreError, StoredItem};
use crate::trust::keyring::Keyring;

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

/// An item opened for its recipient.
pub struct OpenedItem {
    pub id: Uuid,
    pub position: i64,
    /// As stored: an `ItemKind`'s name (`is` compares).
    pub kind: String,
    pub audience: Audience,
    pub plaintext: Zeroizing<Vec<u8>>,
    /// Sealed on the reporter's device: read it by the report's rules before showing it.
    pub sealed_on_device: bool,
}

impl OpenedItem {
    pub fn is(&self, kind: ItemKind) -> bool {
        self.kind == kind.as_str()
    }
}

fn open_item(item: &StoredItem, key: &PrivateKey, report: Uuid) -> Result<OpenedItem, CryptoError> {
    let item_key = item.key.sealed.open(key, report, item.id)?;
    let plaintext = item.sealed.open(&item_key, report, item.id)?;
    Ok(OpenedItem {
        id: item.id,
        position: item.position,
        kind: item.kind.clone(),
        audience: item.audience,
        plaintext,
        sealed_on_device: item.sealed_on_device,
    })
}

/// Every item of `report` sealed to `queue`, opened with the queue's private key. Fails as a
/// whole if any of them does not open.
pub async fn open_for_queue(
    store: &Store,
    report: Uuid,
    queue: &str,
    key: &PrivateKey,
) -> Result<Vec<OpenedItem>, OpenError> {
    open_with_keys(store, report, queue, &[key]).await
}

/// As `open_for_queue`, with every key of the queue a member holds: during a rotation an item
/// key may still be sealed to a previous one, and each names the key it was sealed to.
pub async fn open_with_keys(
    store: &Store,
    report: Uuid,
    queue: &str,
    keys: &[&PrivateKey],
) -> Result<Vec<OpenedItem>, OpenError> {
    let items = store.items_for(report, &format!("queue:{queue}")).await?;
    Ok(open_stored(&items, report, keys)?)
}

/// Items already read from the store, each opened with whichever of `keys` its copy names.
pub fn open_stored(
    items: &[StoredItem],
    report: Uuid,
    keys: &[&PrivateKey],
) -> Result<Vec<OpenedItem>, CryptoError> {
    let keyring = Keyring::new(keys.iter().copied());
    items
        .iter()
        .map(|item| {
            let key = keyring
                .for_key(&item.key.recipient_key)
                .ok_or(CryptoError::Open)?;
            open_item(item, key, report)
        })
        .collect()
}

/// The report and the thread items a receipt code opens; `None` for a code that opens nothing
/// (unknown locator or wrong secret look the same).
#[cfg(feature = "test-support")]
pub async fn open_for_reporter(
    store: &Store,
    kdf: &crate::crypto::kdf::KdfPool,
    code: &crate::domain::ReceiptCode,
) -> Result<Option<(Uuid, Vec<OpenedItem>)>, OpenError> {
    let Some(record) = store.reporter_record(code.locator.as_str()).await? else {
        return Ok(None);
    };
    let params = crate::crypto::kdf::Argon2Params::decode(&record.reporter_key.params)?;
    let kek = kdf
        .derive(
            Zeroizing::new(code.secret.expose().to_vec()),
            record.reporter_key.salt.clone(),
            params,
        )
        .await?;
    let Ok(key) = record.reporter_key.unwrap_key(&kek, record.report_id) else {
        return Ok(None);
    };
    let items = store.items_for(record.report_id, "reporter").await?;
    let opened = items
        .iter()
        .map(|item| open_item(item, &key, record.report_id))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some((record.report_id, opened)))
}
