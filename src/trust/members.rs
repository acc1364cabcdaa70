//! An organisation's members as its coordinators see them: each one's standing in the membership
//! chain and the queues they hold a key to; and giving a queue to a member named by username,
//! through the same checks as every grant (`queue_keys::grant`). Only a coordinator who manages
//! members sees names; another organisation's members, queues and accounts are not found.

use crate::store::{Member, StoreError};
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::certification::{Chain, Gap};
use crate::trust::invites::manages_members;
use crate::trust::{queue_keys, WorkspaceError};

/// A member with the standing of their chain and the queues whose current key they hold.
pub struct MemberStanding {
    pub member: Member,
    pub standing: Result<(), Gap>,
    pub queues: Vec<String>,
}

/// The organisation's members, each with the standing of their chain, checked once.
pub async fn standings(
    chain: Chain<'_>,
    organisation: &str,
) -> Result<Vec<(Member, Result<(), Gap>)>, StoreError> {
    let mut standings = Vec::new();
    for m in chain.store.members(organisation).await? {
        let checked = chain.check(&m.account_id).await?.map(|_| ());
        standings.push((m, checked));
    }
    Ok(standings)
}

/// That the person is a coordinator managing the members of `organisation`: another
/// organisation's is not found, whoever else asks is refused.
async fn managing(
    chain: Chain<'_>,
    who: &Principal,
    organisation: &str,
) -> Result<(), WorkspaceError> {
    if who.role != Role::Coordinator {
        return Err(WorkspaceError::Forbidden);
    }
    if who.organisation_id.as_deref() != Some(organisation) {
        return Err(WorkspaceError::NotFound);
    }
    if !manages_members(chain, who).await? {
        return Err(WorkspaceError::Forbidden);
    }
    Ok(())
}

/// The members of the person's own organisation with their standing and queues.
pub async fn list(
    chain: Chain<'_>,
    who: &Principal,
    organisation: &str,
) -> Result<Vec<MemberStanding>, WorkspaceError> {
    managing(chain, who, organisation).await?;
    let mut held: Vec<(String, Vec<String>)> = Vec::new();
    for q in chain.store.queues_of_organisation(organisation).await? {
        held.push((q.id.clone(), chain.store.holders(&q.id).await?));
    }
    Ok(standings(chain, organisation)
        .await?
        .into_iter()
        .map(|(member, standing)| MemberStanding {
            queues: held
                .iter()
                .filter(|(_, holders)| holders.contains(&member.account_id))
                .map(|(queue, _)| queue.clone())
                .collect(),
            member,
            standing,
        })
        .collect())
}

/// Gives `queue` of the person's organisation to its member `username` (their account id is
/// returned), by the grant every page and API call makes: the member's chain verifies right then
/// or nothing is sealed.
pub async fn give_queue(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    organisation: &str,
    username: &str,
    queue: &str,
) -> Result<String, WorkspaceError> {
    managing(chain, who, organisation).await?;
    let store = chain.store;
    store
        .queue(queue)
        .await?
        .filter(|q| q.organisation_id == organisation)
        .ok_or(WorkspaceError::NotFound)?;
    let account = store
        .account_by_username(username)
        .await?
        .filter(|a| a.organisation_id.as_deref() == Some(organisation))
        .ok_or(WorkspaceError::NotFound)?;
    queue_keys::grant(chain, audit, who, queue, &account.id).await?;
    Ok(account.id)
}
