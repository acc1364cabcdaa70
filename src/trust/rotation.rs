//! A coordinator removes a member and rotates the queues they held. Removal takes the member's
//! copies at once (they can open nothing through the server from then on) and marks the queues
//! "rotation due"; the coordinator imports a new pair made offline and signed by the organisation,
//! the queue switches to it under a lock, and every item key is re-sealed to it. A previous key's
//! copies are kept for the remaining members until no item key names it, so an item sealed during
//! the rotation, on another replica, or left behind by a crash mid-way can still be opened and is
//! re-sealed by the next pass.

use crate::crypto::envelope::{open_queue_key, seal_queue_key};
use crate::crypto::signing::{Signature, Statement, VerifyingKey};
use crate::crypto::{PrivateKey, PublicKey, SealedKey};
use crate::store::{KeySwitch, NewCopy, Store};
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::certification::{managing_coordinator, Chain};
use crate::trust::keyring::Keyring;
use crate::trust::WorkspaceError;

/// Item keys re-sealed per transaction.
const BATCH: i64 = 500;

/// Every key of `queue` the person holds a copy of, opened with their account key.
pub async fn held_keys(
    store: &Store,
    who: &Principal,
    queue: &str,
) -> Result<Vec<PrivateKey>, WorkspaceError> {
    let copies = store.key_copies(queue, &who.account_id).await?;
    if copies.is_empty() {
        return Err(WorkspaceError::Forbidden);
    }
    copies
        .iter()
        .map(|(_, sealed)| {
            Ok(open_queue_key(
                sealed,
                &who.private_key,
                queue,
                &who.account_id,
            )?)
        })
        .collect()
}

/// Removes a member of the coordinator's own organisation. Returns the queues now due for
/// rotation.
#[tracing::instrument(skip_all)]
pub async fn remove_member(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    account: &str,
) -> Result<Vec<String>, WorkspaceError> {
    let Some(org) = who.organisation_id.as_deref() else {
        return Err(WorkspaceError::Forbidden);
    };
    if who.role != Role::Coordinator || account == who.account_id {
        return Err(WorkspaceError::Forbidden);
    }
    managing_coordinator(chain, who).await?;
    let queues = chain
        .store
        .remove_member(
            org,
            account,
            &audit.entry(
                &who.account_id,
                "member_removed",
                format!("account:{account}"),
            ),
            |queue| audit.entry(&who.account_id, "rotation_due", format!("queue:{queue}")),
        )
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    tracing::info!(queues = queues.len(), "member removed");
    Ok(queues)
}

/// Switches a queue to a new key pair made offline (`homeward queue keygen`) and signed by the
/// organisation, then re-seals every item key to it. The new key goes to the certified
/// coordinator who rotates and to those holders of the current key whose chain verifies now; an
/// uncertified holder keeps what they held and receives nothing new. Returns how many item keys
/// were re-sealed.
#[tracing::instrument(skip_all)]
pub async fn rotate(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    private_key: &str,
    signature: &str,
) -> Result<usize, WorkspaceError> {
    let store = chain.store;
    let row = crate::trust::queue_keys::own_queue(store, who, queue).await?;
    let held = held_keys(store, who, queue).await?;
    let me = chain.coordinator(who).await?;
    let new = PrivateKey::parse(private_key).map_err(|_| WorkspaceError::WrongKey)?;
    let new_public = new.public_key();
    if new_public.to_bytes() == row.public_key {
        return Err(WorkspaceError::WrongKey);
    }
    let signature = Signature::parse(signature).map_err(|_| WorkspaceError::BadSignature)?;
    let org_key = store
        .organisation(&row.organisation_id)
        .await?
        .and_then(|o| o.signing_key)
        .and_then(|k| VerifyingKey::from_bytes(&k).ok())
        .ok_or(WorkspaceError::BadSignature)?;
    let statement = Statement::QueueKey {
        queue,
        kind: row.kind.as_str(),
        key: &new_public,
    };
    if !org_key.verifies(&statement, &signature) {
        return Err(WorkspaceError::BadSignature);
    }
    // The certified holders of the current key get the new one; a removed member holds nothing.
    let mut recipients = vec![me];
    for holder in store.holders(queue).await? {
        if holder == who.account_id {
            continue;
        }
        match chain.member_of(&row.organisation_id, &holder).await {
            Ok(member) => recipients.push(member),
            Err(WorkspaceError::Uncertified(_) | WorkspaceError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    let copies = recipients
        .iter()
        .map(|m| {
            Ok(NewCopy {
                account_id: m.account_id.clone(),
                sealed: seal_queue_key(&m.public_key, queue, &m.account_id, &new)?,
            })
        })
        .collect::<Result<Vec<_>, crate::crypto::CryptoError>>()?;
    let entry = audit.entry(
        &who.account_id,
        "queue_key_rotated",
        format!("queue:{queue} copies:{}", copies.len()),
    );
    let switched = store
        .switch_queue_key(&KeySwitch {
            queue,
            from: &row.public_key,
            to: &new_public.to_bytes(),
            signature: &signature.to_bytes(),
            copies: &copies,
            by: &who.account_id,
            audit: &entry,
        })
        .await?;
    if !switched {
        return Err(WorkspaceError::Conflict);
    }
    let mut keys = held;
    keys.push(new);
    reseal(store, queue, &keys).await
}

/// Finishes re-sealing after an interrupted rotation: for a certified coordinator of the
/// queue's organisation, and only while the queue stands, whose key must then be the one the
/// organisation's key signed. A public key written into the database (to have every item key
/// re-sealed to it) makes the queue stand no more, and so re-seals nothing. Audited first, as
/// the decryption of item keys it is.
#[tracing::instrument(skip_all)]
pub async fn finish_reseal(
    chain: Chain<'_>,
    receivers: crate::trust::receivers::Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
) -> Result<usize, WorkspaceError> {
    let store = chain.store;
    crate::trust::queue_keys::own_queue(store, who, queue).await?;
    chain.coordinator(who).await?;
    if !receivers.receives(queue).await? {
        return Err(WorkspaceError::OnHold);
    }
    let keys = held_keys(store, who, queue).await?;
    audit
        .record(&who.account_id, "queue_resealed", &format!("queue:{queue}"))
        .await?;
    reseal(store, queue, &keys).await
}

/// Re-seals every item key of the queue still sealed to a previous key, with the keys the
/// coordinator holds, then retires the previous keys no item key names any more. Safe to run
/// again after a crash; returns how many item keys it re-sealed.
pub async fn reseal(
    store: &Store,
    queue: &str,
    keys: &[PrivateKey],
) -> Result<usize, WorkspaceError> {
    let row = store.queue(queue).await?.ok_or(WorkspaceError::NotFound)?;
    let current = PublicKey::from_bytes(&row.public_key)?;
    let keyring = Keyring::new(keys);
    let mut after = String::new();
    let mut count = 0;
    loop {
        let stale = store
            .stale_item_keys(queue, &row.public_key, &after, BATCH)
            .await?;
        let Some(last) = stale.last() else {
            break;
        };
        after = last.item_id.to_string();
        let mut resealed = Vec::with_capacity(stale.len());
        for old in stale {
            // A key this coordinator does not hold stays as it is; its copies stay too.
            let Some(key) = keyring.for_key(&old.recipient_key) else {
                continue;
            };
            let item_key = old.sealed.open(key, old.report_id, old.item_id)?;
            let new = SealedKey::seal(&current, &item_key, old.report_id, old.item_id)?;
            resealed.push((old, new));
        }
        count += resealed.len();
        store
            .reseal_item_keys(queue, &row.public_key, &resealed)
            .await?;
    }
    let left = store.retire_unused_keys(queue).await?;
    tracing::info!(
        resealed = count,
        previous_keys_left = left,
        "queue re-sealed"
    );
    Ok(count)
}
