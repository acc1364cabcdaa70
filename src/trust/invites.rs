//! Who may invite whom, for the workspace page and the API alike: operators invite
//! organisations' coordinators and further operators; a coordinator who may manage their
//! organisation's members invites its coordinators and responders; responders invite no one.
//! Whoever may make an invite may see it while it is open and revoke it, so a coordinator also
//! sees (and may revoke) what an operator made for their organisation. An operator invite made at
//! the server's console is the console's own (the operator of last resort, announced to every
//! member): no one in the workspace sees or revokes it, lest an operator undo their own recovery.

use crate::store::{now, OpenInvite, StoreError};
use crate::trust::accounts::{AccountError, Accounts, IssuedInvite, Principal, Role};
use crate::trust::certification::{managing_coordinator, operator_standing, Chain};
use crate::trust::WorkspaceError;

/// What a person may invite: organisations (id, name) and roles. Invitations to the operator role
/// belong to no organisation.
pub fn invitable(
    who: &Principal,
    organisations: Vec<(String, String, String)>,
) -> (Vec<(String, String)>, Vec<&'static str>) {
    match who.role {
        // A further operator stands only once the desk organisation countersigns it.
        Role::Operator => (
            organisations
                .into_iter()
                .map(|(id, name, _)| (id, name))
                .collect(),
            vec!["coordinator", "operator"],
        ),
        Role::Coordinator => (
            organisations
                .into_iter()
                .filter(|(id, ..)| Some(id) == who.organisation_id.as_ref())
                .map(|(id, name, _)| (id, name))
                .collect(),
            vec!["responder", "coordinator"],
        ),
        Role::Responder => (Vec::new(), Vec::new()),
    }
}

/// Whether the person may manage their organisation's members (and so invite into it, and see
/// their names): only a coordinator who stands as one, so that an account the operator planted
/// learns no names and invites no one.
pub async fn manages_members(chain: Chain<'_>, who: &Principal) -> Result<bool, StoreError> {
    if who.role != Role::Coordinator {
        return Ok(false);
    }
    match managing_coordinator(chain, who).await {
        Ok(()) => Ok(true),
        Err(WorkspaceError::Store(e)) => Err(e),
        Err(_) => Ok(false),
    }
}

/// Whether the person stands to invite anyone: an operator as one, a coordinator who manages
/// members.
async fn stands(chain: Chain<'_>, who: &Principal) -> Result<bool, StoreError> {
    match who.role {
        Role::Operator => match operator_standing(chain, who).await {
            Ok(()) => Ok(true),
            Err(WorkspaceError::Store(e)) => Err(e),
            Err(_) => Ok(false),
        },
        _ => manages_members(chain, who).await,
    }
}

/// Whether `role` in `organisation` is among what the person may invite, by `invitable`.
fn permitted(
    allowed: &(Vec<(String, String)>, Vec<&'static str>),
    role: &str,
    org: Option<&str>,
) -> bool {
    let (organisations, roles) = allowed;
    roles.contains(&role)
        && match org {
            None => role == Role::Operator.as_str(),
            Some(org) => {
                role != Role::Operator.as_str() && organisations.iter().any(|(id, _)| id == org)
            }
        }
}

/// Whether the person may see and revoke an open invite: one they could make now, and not the
/// console's operator invite.
fn revocable(allowed: &(Vec<(String, String)>, Vec<&'static str>), invite: &OpenInvite) -> bool {
    let console_operator = invite.created_by.is_none() && invite.role == Role::Operator.as_str();
    !console_operator && permitted(allowed, &invite.role, invite.organisation_id.as_deref())
}

/// Makes an invite to `role` of `organisation` (none for an operator), if the person may: the
/// page's form and the API both come here. Audited as `invite_created`.
pub async fn create(
    accounts: &Accounts,
    chain: Chain<'_>,
    who: &Principal,
    role: &str,
    organisation: Option<&str>,
) -> Result<IssuedInvite, AccountError> {
    let allowed = invitable(who, chain.store.organisations().await?);
    // The operator may invite into any organisation: one they named wrong is a mistyped field,
    // where to anyone else every other organisation is equally refused.
    let unknown = organisation.is_some_and(|org| !allowed.0.iter().any(|(id, _)| id == org));
    let stands = stands(chain, who).await?;
    if who.role == Role::Operator && unknown && stands {
        return Err(AccountError::Field {
            field: "organisation",
            code: "unknown_choice",
        });
    }
    if !permitted(&allowed, role, organisation) || !stands {
        tracing::info!(account = %who.account_id, "invite refused");
        return Err(AccountError::Forbidden);
    }
    let invite = crate::store::Invite {
        role: role.to_owned(),
        organisation_id: organisation.map(str::to_owned),
    };
    accounts.issue(&invite, Some(&who.account_id)).await
}

/// The open invites the person may see: those they could make now. Forbidden to whoever may
/// invite no one.
pub async fn open(chain: Chain<'_>, who: &Principal) -> Result<Vec<OpenInvite>, AccountError> {
    let allowed = may_invite(chain, who).await?;
    Ok(chain
        .store
        .open_invites(now())
        .await?
        .into_iter()
        .filter(|i| revocable(&allowed, i))
        .collect())
}

/// What the person may invite, or Forbidden when they stand to invite no one.
async fn may_invite(
    chain: Chain<'_>,
    who: &Principal,
) -> Result<(Vec<(String, String)>, Vec<&'static str>), AccountError> {
    if !stands(chain, who).await? {
        return Err(AccountError::Forbidden);
    }
    Ok(invitable(who, chain.store.organisations().await?))
}

/// Revokes an open invite the person may see; an invite they may not see is as unknown
/// (`InviteInvalid`) as one that never was. Audited as `invite_revoked`.
pub async fn revoke(
    chain: Chain<'_>,
    accounts: &Accounts,
    who: &Principal,
    id: &str,
) -> Result<OpenInvite, AccountError> {
    let allowed = may_invite(chain, who).await?;
    let invite = chain
        .store
        .open_invite(id, now())
        .await?
        .filter(|i| revocable(&allowed, i))
        .ok_or(AccountError::InviteInvalid)?;
    let entry = accounts.audit.entry(
        &who.account_id,
        "invite_revoked",
        crate::trust::accounts::invite_subject(
            &invite.id,
            &invite.role,
            invite.organisation_id.as_deref(),
        ),
    );
    if !chain.store.revoke_invite(&invite.id, &entry).await? {
        return Err(AccountError::InviteInvalid);
    }
    tracing::info!(account = %who.account_id, "invite revoked");
    Ok(invite)
}
