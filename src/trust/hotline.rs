//! Hotline staff: members of an NGO whom a coordinator of that same NGO has let file reports on
//! callers' behalf in the workspace (issue 18, item 4). Never consular or police staff: a report
//! reaches a consulate or the police only by the reporter's own consent, and their staff must not
//! be the hands a report passes through before that consent is given.
//!
//! Granting and revoking are a certified coordinator's, over their own organisation's members,
//! each audited in the same transaction as the change. Filing itself is audited with the staff
//! member's id and nothing of the caller or the report (see `filing_entry`).

use crate::domain::{OrganisationKind, QueueKind};
use crate::store::{now, Store};
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::certification::{managing_coordinator, Chain};
use crate::trust::WorkspaceError;

/// The audit actions of a grant, a revocation and a filing.
pub const GRANTED: &str = "hotline_granted";
pub const REVOKED: &str = "hotline_revoked";
pub const FILED: &str = "hotline_filing";

/// Whether the organisation is one whose members may be hotline staff: an NGO (a desk's
/// organisation is one) with no consular or police queue and not suspended. Both the
/// organisation's kind and its queues' kinds are asked, so that neither a wrong row nor a
/// wrongly declared queue makes a consulate's member a hotline.
async fn hotline_organisation(store: &Store, organisation: &str) -> Result<(), WorkspaceError> {
    let org = store
        .organisation(organisation)
        .await?
        .ok_or(WorkspaceError::Forbidden)?;
    if OrganisationKind::parse(&org.kind) != Some(OrganisationKind::Ngo)
        || org.suspended_at.is_some()
    {
        return Err(WorkspaceError::Forbidden);
    }
    let queues = store.queues_of_organisation(organisation).await?;
    if queues
        .iter()
        .any(|q| !matches!(q.kind, QueueKind::Desk | QueueKind::Ngo))
    {
        return Err(WorkspaceError::Forbidden);
    }
    Ok(())
}

/// A certified coordinator of an NGO grants (`allow`) or revokes hotline filing for a member of
/// their own organisation (themselves included: a small NGO's coordinator may answer its phone).
/// `NotFound` for an account that is not a member.
#[tracing::instrument(skip_all)]
pub async fn set(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    account: &str,
    allow: bool,
) -> Result<(), WorkspaceError> {
    let Some(org) = who.organisation_id.as_deref() else {
        return Err(WorkspaceError::Forbidden);
    };
    if who.role != Role::Coordinator {
        return Err(WorkspaceError::Forbidden);
    }
    hotline_organisation(chain.store, org).await?;
    managing_coordinator(chain, who).await?;
    let (action, granted_at) = if allow {
        (GRANTED, Some(now()))
    } else {
        (REVOKED, None)
    };
    let entry = audit.entry(&who.account_id, action, format!("account:{account}"));
    if !chain
        .store
        .set_hotline(org, account, granted_at, &entry)
        .await?
    {
        return Err(WorkspaceError::NotFound);
    }
    tracing::info!(action, "hotline capability changed");
    Ok(())
}

/// Whether this person may file for callers now: granted, a member of an NGO that may have
/// hotline staff, and not the operator.
pub async fn may_file(store: &Store, who: &Principal) -> Result<(), WorkspaceError> {
    let Some(org) = who.organisation_id.as_deref() else {
        return Err(WorkspaceError::Forbidden);
    };
    if who.role == Role::Operator || !store.hotline_granted(&who.account_id).await? {
        return Err(WorkspaceError::Forbidden);
    }
    hotline_organisation(store, org).await
}

/// Whether the person may grant hotline filing in their organisation: a coordinator of an NGO
/// that may have hotline staff (the chain is checked when they do).
pub async fn may_grant(store: &Store, who: &Principal) -> Result<bool, WorkspaceError> {
    let Some(org) = who.organisation_id.as_deref() else {
        return Ok(false);
    };
    if who.role != Role::Coordinator {
        return Ok(false);
    }
    match hotline_organisation(store, org).await {
        Ok(()) => Ok(true),
        Err(WorkspaceError::Forbidden) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Records one filing, before the report is stored so that a filing is never missing from the
/// log (a filing the intake then refuses stays recorded as tried). The staff member is the actor;
/// nothing of the caller or of the report is written. Naming the report would tell whoever reads
/// the log (or steals the database) which reports came by telephone, which the sealed mark keeps
/// from them.
pub async fn record_filing(audit: &Audit, who: &Principal) -> Result<(), WorkspaceError> {
    // Dated to the hour: its second, set beside the hour each report was stored in, would
    // narrow down which report it was.
    let entry = audit.hour_entry(&who.account_id, FILED, "channel:hotline");
    audit.append(&entry).await?;
    Ok(())
}
