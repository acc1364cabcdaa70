//! A queue's private key in the workspace: a coordinator imports it once (proving possession),
//! after which it is kept only sealed to members' account keys; a coordinator grants a copy to a
//! member, or confirms after a restore who holds it; a member opens their own copy.

use crate::crypto::envelope::{open_queue_key, seal_queue_key};
use crate::crypto::{CryptoError, PrivateKey, PublicKey};
use crate::store::{now, NewCopy, QueueRow, Store};
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::WorkspaceError;

/// A queue of the person's own organisation, for a coordinator to manage.
async fn own_queue(
    store: &Store,
    who: &Principal,
    queue: &str,
) -> Result<QueueRow, WorkspaceError> {
    let row = store.queue(queue).await?.ok_or(WorkspaceError::NotFound)?;
    if who.role != Role::Coordinator
        || who.organisation_id.as_deref() != Some(row.organisation_id.as_str())
    {
        return Err(WorkspaceError::Forbidden);
    }
    Ok(row)
}

/// Imports a queue's private key (the output of `homeward queue keygen`): proves possession by
/// matching the queue's public key, then seals it to every member of the organisation.
#[tracing::instrument(skip_all, fields(queue = %queue))]
pub async fn import_key(
    store: &Store,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    private_key: &str,
) -> Result<usize, WorkspaceError> {
    let row = own_queue(store, who, queue).await?;
    let key = PrivateKey::parse(private_key).map_err(|_| WorkspaceError::WrongKey)?;
    if key.public_key().to_bytes() != row.public_key {
        return Err(WorkspaceError::WrongKey);
    }
    let members = store.members(&row.organisation_id).await?;
    let copies = members
        .iter()
        .map(|m| {
            let to = PublicKey::from_bytes(&m.public_key)?;
            Ok(NewCopy {
                account_id: m.account_id.clone(),
                sealed: seal_queue_key(&to, queue, &m.account_id, &key)?,
            })
        })
        .collect::<Result<Vec<_>, CryptoError>>()?;
    store
        .add_key_copies(queue, &row.public_key, &copies, &who.account_id, now())
        .await?;
    tracing::info!(copies = copies.len(), "queue key imported");
    audit
        .note(
            &who.account_id,
            "queue_key_imported",
            &format!("queue:{queue} copies:{}", copies.len()),
        )
        .await;
    Ok(copies.len())
}

/// After a restore: a coordinator, having checked who holds the queue's key now, lets it receive
/// reports again. NotFound when it was not held.
#[tracing::instrument(skip_all, fields(queue = %queue))]
pub async fn confirm_membership(
    store: &Store,
    audit: &Audit,
    who: &Principal,
    queue: &str,
) -> Result<(), WorkspaceError> {
    own_queue(store, who, queue).await?;
    if !store.confirm_after_restore(queue).await? {
        return Err(WorkspaceError::NotFound);
    }
    tracing::info!("queue membership confirmed after a restore");
    audit
        .note(
            &who.account_id,
            "queue_confirmed_after_restore",
            &format!("queue:{queue}"),
        )
        .await;
    Ok(())
}

/// Gives a member of the organisation a copy of the queue key, sealed from the coordinator's own.
#[tracing::instrument(skip_all, fields(queue = %queue))]
pub async fn grant(
    store: &Store,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    account: &str,
) -> Result<(), WorkspaceError> {
    let row = own_queue(store, who, queue).await?;
    let key = queue_key(store, who, queue).await?;
    let member = store
        .members(&row.organisation_id)
        .await?
        .into_iter()
        .find(|m| m.account_id == account)
        .ok_or(WorkspaceError::NotFound)?;
    let to = PublicKey::from_bytes(&member.public_key)?;
    let copy = NewCopy {
        account_id: member.account_id.clone(),
        sealed: seal_queue_key(&to, queue, &member.account_id, &key)?,
    };
    store
        .add_key_copies(queue, &row.public_key, &[copy], &who.account_id, now())
        .await?;
    tracing::info!("queue key granted");
    audit
        .note(
            &who.account_id,
            "queue_key_granted",
            &format!("queue:{queue} account:{account}"),
        )
        .await;
    Ok(())
}

/// The queue's private key, from the person's own sealed copy; forbidden without one.
pub async fn queue_key(
    store: &Store,
    who: &Principal,
    queue: &str,
) -> Result<PrivateKey, WorkspaceError> {
    let copy = store
        .key_copy(queue, &who.account_id)
        .await?
        .ok_or(WorkspaceError::Forbidden)?;
    Ok(open_queue_key(
        &copy,
        &who.private_key,
        queue,
        &who.account_id,
    )?)
}
