//! Sealing an item's key to those entitled to it: each recipient's copy of a fresh item key,
//! and the holders of a report (its queues, and the reporter's key where given) picked at the
//! moment of storing by `Receivers::pick`, so that a queue key that rotates in between, a consent
//! withdrawn or an organisation suspended is honoured. Intake, the reporter's later items and the
//! responders' writing all seal through here.

use uuid::Uuid;

use crate::crypto::item::padded;
use crate::crypto::{CryptoError, ItemKey, PublicKey, SealedItem, SealedKey};
use crate::domain::{Audience, ItemKind};
use crate::store::{now, AuditEntry, Holder, NewItem, NewItemKey, StoreError};
use crate::trust::receivers::Receivers;

/// Nobody holding the report may receive the item now (its only holders are suspended or held,
/// say): it is not stored, since an item nobody can open is a message lost without a word.
#[derive(Debug, thiserror::Error)]
#[error("no holder of the report may receive anything new now")]
pub struct NoReceiver;

/// One recipient of an item's key.
pub struct Recipient<'a> {
    pub name: String,
    pub key: &'a PublicKey,
}

/// Seals `plaintext` as a new item of `report` under a fresh key, sealed to each recipient.
pub fn seal_item(
    report: Uuid,
    kind: ItemKind,
    audience: Audience,
    plaintext: &[u8],
    recipients: &[Recipient<'_>],
) -> Result<NewItem, CryptoError> {
    let (id, key) = (Uuid::new_v4(), ItemKey::generate());
    seal_item_with(report, (id, &key), (kind, audience), plaintext, recipients)
}

/// Seals an item under a key the caller made (an attachment seals its file under it too).
pub fn seal_item_with(
    report: Uuid,
    (id, key): (Uuid, &ItemKey),
    (kind, audience): (ItemKind, Audience),
    plaintext: &[u8],
    recipients: &[Recipient<'_>],
) -> Result<NewItem, CryptoError> {
    let sealed = SealedItem::seal(key, report, id, &padded(plaintext))?;
    let keys = recipients
        .iter()
        .map(|r| {
            Ok(NewItemKey {
                recipient: r.name.clone(),
                recipient_key: r.key.to_bytes(),
                sealed: SealedKey::seal(r.key, key, report, id)?,
            })
        })
        .collect::<Result<_, CryptoError>>()?;
    Ok(NewItem {
        id,
        kind,
        audience,
        sealed,
        keys,
        file: None,
        sealed_on_device: false,
    })
}

/// Seals `plaintext` as a new item of the report to the holders `keep` picks (and to the
/// reporter's key, if given) and stores it, with `audit`'s entry in the same transaction;
/// returns the item's id.
pub async fn seal_to_holders<E: From<StoreError> + From<CryptoError> + From<NoReceiver>>(
    receivers: Receivers<'_>,
    report: Uuid,
    (kind, audience): (ItemKind, Audience),
    plaintext: &[u8],
    reporter: Option<&PublicKey>,
    keep: impl Fn(&Holder) -> bool,
    audit: Option<&AuditEntry<'_>>,
) -> Result<Uuid, E> {
    let make =
        |recipients: &[Recipient<'_>]| seal_item(report, kind, audience, plaintext, recipients);
    seal_new_to_holders(receivers, report, audience, (reporter, audit), keep, make).await
}

/// Stores the item `make` seals for the holders `keep` picks (and the reporter's key, if
/// given), among those `Receivers::pick` lets receive it now: admitted by the reporter's consents
/// (an organisation's own notes are its own, `Audience::needs_consent`) and in good standing. A
/// queue key may rotate between reading it and storing: the item is then sealed again with the
/// new one. `NoReceiver` when nobody would be left to open it. The store asks the consents
/// again as it writes, so a consent withdrawn in between is honoured too: the holders are
/// picked again.
pub async fn seal_new_to_holders<E: From<StoreError> + From<CryptoError> + From<NoReceiver>>(
    receivers: Receivers<'_>,
    report: Uuid,
    audience: Audience,
    (reporter, audit): (Option<&PublicKey>, Option<&AuditEntry<'_>>),
    keep: impl Fn(&Holder) -> bool,
    make: impl Fn(&[Recipient<'_>]) -> Result<crate::store::NewItem, CryptoError>,
) -> Result<Uuid, E> {
    for _ in 0..3 {
        let holders = receivers.pick(report, audience, None, &keep).await?;
        let keys = holders
            .iter()
            .map(|h| {
                Ok((
                    format!("queue:{}", h.queue_id),
                    PublicKey::from_bytes(&h.public_key)?,
                ))
            })
            .collect::<Result<Vec<_>, CryptoError>>()?;
        let recipients: Vec<Recipient<'_>> = reporter
            .map(|key| Recipient {
                name: "reporter".into(),
                key,
            })
            .into_iter()
            .chain(keys.iter().map(|(name, key)| Recipient {
                name: name.clone(),
                key,
            }))
            .collect();
        if recipients.is_empty() {
            return Err(NoReceiver.into());
        }
        let item = make(&recipients)?;
        match receivers
            .store
            .insert_item(report, &item, now(), audit)
            .await
        {
            Err(StoreError::QueueKeyChanged | StoreError::ConsentWithdrawn) => continue,
            Err(e) => return Err(e.into()),
            Ok(()) => return Ok(item.id),
        }
    }
    Err(StoreError::QueueKeyChanged.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::item::PAD_TO;

    #[test]
    fn items_that_differ_in_length_within_a_block_seal_to_one_length() {
        let short = br#"{"consents":{"police":true}}"#.as_slice();
        let long = br#"{"consents":{"police":false,"consulate":false}}"#.as_slice();
        assert_eq!(padded(short).len(), PAD_TO);
        assert_eq!(padded(long).len(), PAD_TO);
        assert_eq!(padded(b"").len(), PAD_TO);
        assert_eq!(padded(&[b'x'; PAD_TO]).len(), PAD_TO);
        assert_eq!(padded(&[b'x'; PAD_TO + 1]).len(), 2 * PAD_TO);
    }

    #[test]
    fn a_padded_item_reads_as_the_json_it_was() -> Result<(), serde_json::Error> {
        let value = serde_json::json!({"text": "ជួយខ្ញុំផង", "at": 1_796_214_201});
        let plain = serde_json::to_vec(&value)?;
        let read: serde_json::Value = serde_json::from_slice(&padded(&plain))?;
        assert_eq!(read, value);
        Ok(())
    }
}
