//! A queue's private key in the workspace: a certified coordinator imports it once (proving
//! possession), after which it is kept only sealed to account keys; a coordinator grants a copy to
//! a certified member, or confirms after a restore who holds it; a member opens their own copy.
//! Copies go only to accounts whose membership chain verifies right then (`certification`), and
//! only to those explicitly given the queue: never to "every member".

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::crypto::envelope::{open_queue_key, seal_queue_key};
use crate::crypto::{PrivateKey, PublicKey, SealedKey};
use crate::store::{now, NewCopy, QueueRow, Store};
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::certification::{managing_coordinator, Certified, Chain};
use crate::trust::WorkspaceError;

/// A queue of the person's own organisation, for a coordinator to manage.
pub(crate) async fn own_queue(
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

/// A copy of the queue key sealed to a member whose chain just verified.
fn copy_for(member: &Certified, queue: &str, key: &PrivateKey) -> Result<NewCopy, WorkspaceError> {
    Ok(NewCopy {
        account_id: member.account_id.clone(),
        sealed: seal_queue_key(&member.public_key, queue, &member.account_id, key)?,
    })
}

/// Imports a queue's private key (the output of `homeward queue keygen`): proves possession by
/// matching the queue's public key, then seals it to the importing coordinator alone, whose
/// chain must verify; other members get it by a grant.
#[tracing::instrument(skip_all)]
pub async fn import_key(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    private_key: &str,
) -> Result<usize, WorkspaceError> {
    let store = chain.store;
    let row = own_queue(store, who, queue).await?;
    let key = PrivateKey::parse(private_key).map_err(|_| WorkspaceError::WrongKey)?;
    if key.public_key().to_bytes() != row.public_key {
        return Err(WorkspaceError::WrongKey);
    }
    let me = chain.coordinator(who).await?;
    let copies = [copy_for(&me, queue, &key)?];
    store
        .add_key_copies(
            queue,
            &row.public_key,
            &copies,
            &who.account_id,
            now(),
            &audit.entry(
                &who.account_id,
                "queue_key_imported",
                format!("queue:{queue} copies:{}", copies.len()),
            ),
        )
        .await?;
    tracing::info!(copies = copies.len(), "queue key imported");
    Ok(copies.len())
}

/// After a restore: a coordinator, having checked who holds the queue's key now, lets it receive
/// reports again. NotFound when it was not held.
#[tracing::instrument(skip_all)]
pub async fn confirm_membership(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
) -> Result<(), WorkspaceError> {
    own_queue(chain.store, who, queue).await?;
    managing_coordinator(chain, who).await?;
    let entry = audit.entry(
        &who.account_id,
        "queue_confirmed_after_restore",
        format!("queue:{queue}"),
    );
    if !chain.store.confirm_after_restore(queue, &entry).await? {
        return Err(WorkspaceError::NotFound);
    }
    tracing::info!("queue membership confirmed after a restore");
    Ok(())
}

/// Gives a certified member of the organisation a copy of the queue key, sealed from the
/// coordinator's own.
#[tracing::instrument(skip_all)]
pub async fn grant(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    account: &str,
) -> Result<(), WorkspaceError> {
    let store = chain.store;
    let row = own_queue(store, who, queue).await?;
    let key = queue_key(store, who, queue).await?;
    let member = chain.member_of(&row.organisation_id, account).await?;
    let copy = copy_for(&member, queue, &key)?;
    store
        .add_key_copies(
            queue,
            &row.public_key,
            &[copy],
            &who.account_id,
            now(),
            &audit.entry(
                &who.account_id,
                "queue_key_granted",
                format!("queue:{queue} account:{account}"),
            ),
        )
        .await?;
    tracing::info!("queue key granted");
    Ok(())
}

/// A copy of a queue key sealed on the organisation's own machine (`homeward queue grant`), so
/// the private key never passes through a page or the server.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CopyUpload {
    pub account: String,
    /// hwpk1.: the queue key the copy is of; it must be the queue's current one.
    pub queue_public_key: String,
    /// The HPKE encapsulated key, base64url without padding.
    pub enc: String,
    /// The sealed private key, base64url without padding.
    pub sealed_key: String,
}

impl CopyUpload {
    pub fn new(account: &str, queue_key: &PublicKey, sealed: &SealedKey) -> CopyUpload {
        CopyUpload {
            account: account.to_owned(),
            queue_public_key: queue_key.to_text(),
            enc: URL_SAFE_NO_PAD.encode(&sealed.enc),
            sealed_key: URL_SAFE_NO_PAD.encode(&sealed.ciphertext),
        }
    }
}

/// Stores a copy sealed elsewhere for a member whose chain verifies now, if it names the queue's
/// current key. The server cannot open it or check what is sealed inside: the member's opening
/// (`queue_key`) only authenticates it for this queue and account, without comparing the key it
/// yields with the queue's public key, so a copy of another key would open and then open nothing
/// of the queue's.
#[tracing::instrument(skip_all)]
pub async fn upload_copy(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    queue: &str,
    upload: &CopyUpload,
) -> Result<(), WorkspaceError> {
    let store = chain.store;
    let row = own_queue(store, who, queue).await?;
    managing_coordinator(chain, who).await?;
    // Only a holder of the queue's current key replaces a member's copy: anyone else could
    // overwrite good copies with junk and leave the queue unreadable.
    queue_key(store, who, queue).await?;
    let member = chain
        .member_of(&row.organisation_id, &upload.account)
        .await?;
    let of = PublicKey::parse(&upload.queue_public_key).map_err(|_| WorkspaceError::WrongKey)?;
    if of.to_bytes() != row.public_key {
        return Err(WorkspaceError::WrongKey);
    }
    let decode = |text: &str| {
        URL_SAFE_NO_PAD
            .decode(text.trim())
            .map_err(|_| WorkspaceError::Invalid)
    };
    let sealed = SealedKey::server(decode(&upload.enc)?, decode(&upload.sealed_key)?);
    if sealed.enc.len() != 32 || sealed.ciphertext.len() != 48 {
        return Err(WorkspaceError::Invalid);
    }
    let entry = audit.entry(
        &who.account_id,
        "queue_key_granted",
        format!(
            "queue:{queue} account:{} sealed:elsewhere",
            member.account_id
        ),
    );
    let copy = NewCopy {
        account_id: member.account_id,
        sealed,
    };
    store
        .add_key_copies(
            queue,
            &row.public_key,
            &[copy],
            &who.account_id,
            now(),
            &entry,
        )
        .await?;
    tracing::info!("queue key copy sealed elsewhere stored");
    Ok(())
}

/// The queue's current private key, from the person's own sealed copy; forbidden without one, or
/// when it opens to another key.
pub async fn queue_key(
    store: &Store,
    who: &Principal,
    queue: &str,
) -> Result<PrivateKey, WorkspaceError> {
    let copy = store
        .key_copy(queue, &who.account_id)
        .await?
        .ok_or(WorkspaceError::Forbidden)?;
    let key = open_queue_key(&copy, &who.private_key, queue, &who.account_id)?;
    // A copy someone sealed to the member's public key in the database opens too: only one
    // that opens to the queue's current key is the queue's, and only that is passed on.
    let row = store.queue(queue).await?.ok_or(WorkspaceError::NotFound)?;
    if key.public_key().to_bytes() != row.public_key {
        return Err(WorkspaceError::Forbidden);
    }
    Ok(key)
}
