//! Who stands without a certificate of their own making: a coordinator who may manage their
//! organisation's members, and an operator, whose standing comes from the server's console or
//! the desk organisation's offline key.

use crate::crypto::envelope::open_queue_key;
use crate::crypto::signing::{Statement, VerifyingKey};
use crate::store::{Store, StoreError, CONSOLE_SIGNER, DESK_SIGNER};
use crate::trust::accounts::{Principal, Role};
use crate::trust::WorkspaceError;

use super::chain::{bound_identity, member_statement, stored_signature, Chain, Gap};

/// What an operator's countersignature names as its organisation: operators belong to none.
pub const OPERATORS: &str = "";

/// Whether the person may manage their organisation's members (remove them, make reset links,
/// confirm a queue after a restore): a certified coordinator or, until their organisation
/// certifies them, a coordinator from before identity keys who holds a genuine copy of one of its
/// queue keys, one that opens to the queue's current key as its organisation signed it. The
/// server cannot make such a copy, so an account it planted has none.
pub async fn managing_coordinator(chain: Chain<'_>, who: &Principal) -> Result<(), WorkspaceError> {
    let gap = match chain.coordinator(who).await {
        Ok(_) => return Ok(()),
        Err(WorkspaceError::Uncertified(gap @ Gap::Organisation(_))) => {
            return Err(WorkspaceError::Uncertified(gap))
        }
        Err(WorkspaceError::Uncertified(gap)) => gap,
        Err(e) => return Err(e),
    };
    let org_id = who
        .organisation_id
        .as_deref()
        .ok_or(WorkspaceError::Forbidden)?;
    let org_key = chain
        .organisation_key(org_id)
        .await?
        .ok_or(WorkspaceError::Forbidden)?
        .map_err(WorkspaceError::Uncertified)?;
    for queue in chain.store.queues_of_organisation(org_id).await? {
        if holds_genuine_key(chain.store, who, &queue.id, &org_key).await? {
            return Ok(());
        }
    }
    Err(WorkspaceError::Uncertified(gap))
}

async fn holds_genuine_key(
    store: &Store,
    who: &Principal,
    queue: &str,
    org_key: &VerifyingKey,
) -> Result<bool, StoreError> {
    let (Some(copy), Some(row)) = (
        store.key_copy(queue, &who.account_id).await?,
        store.queue_standing_row(queue).await?,
    ) else {
        return Ok(false);
    };
    let Ok(key) = open_queue_key(&copy, &who.private_key, queue, &who.account_id) else {
        return Ok(false);
    };
    let public = key.public_key();
    Ok(public.to_bytes() == row.public_key
        && stored_signature(row.signature.as_deref()).is_some_and(|s| {
            org_key.verifies(
                &Statement::QueueKey {
                    queue,
                    kind: &row.kind,
                    key: &public,
                },
                &s,
            )
        }))
}

/// Whether an operator stands as one: made at the server's console (`homeward admin bootstrap`
/// or `recover-operator`), or countersigned by the desk organisation's offline key. An operator
/// cannot make another one alone: the one they invite can log in and do nothing until the desk
/// countersigns it.
pub async fn operator_standing(chain: Chain<'_>, who: &Principal) -> Result<(), WorkspaceError> {
    if who.role != Role::Operator {
        return Err(WorkspaceError::Forbidden);
    }
    let row = chain
        .store
        .identity(&who.account_id)
        .await?
        .ok_or(WorkspaceError::Forbidden)?;
    match row.signer.as_deref() {
        Some(CONSOLE_SIGNER) => Ok(()),
        Some(DESK_SIGNER) => {
            let (identity, _) = bound_identity(&row).map_err(WorkspaceError::Uncertified)?;
            let signature = stored_signature(row.signature.as_deref());
            let countersigned = match (chain.desk_key, signature) {
                (Some(desk), Some(s)) => {
                    desk.verifies(&member_statement(&row, OPERATORS, &identity), &s)
                }
                _ => false,
            };
            if countersigned {
                Ok(())
            } else {
                Err(WorkspaceError::Uncertified(Gap::BrokenChain))
            }
        }
        _ => Err(WorkspaceError::Uncertified(Gap::NotCertified)),
    }
}
