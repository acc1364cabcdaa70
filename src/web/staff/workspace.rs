//! The workspace page: the person's queues and entries, what a coordinator manages, open
//! invites; and the same page again with a message when something was refused.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::forms::{fail, redirect};
use super::session::principal;
use crate::locale::{args, Tr};
use crate::store::{now, Member, StoreError};
use crate::trust::accounts::OPERATOR_RECOVERED;
use crate::trust::accounts::{Principal, Role};
use crate::trust::certification::{certificate_request, operator_standing, Gap};
use crate::trust::desk_key::{desk_key_fingerprint, DESK_KEY_CHANGED};
use crate::trust::invites::{invitable, manages_members};
use crate::trust::WorkspaceError;
use crate::web::shared::assets;
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

/// How long every member's workspace announces a console recovery of operator access.
const ANNOUNCED_FOR: i64 = 30 * 24 * 3600;

#[derive(Template)]
#[template(path = "workspace.html")]
pub(super) struct Workspace {
    tr: Tr,
    stylesheet: &'static str,
    username: String,
    role: &'static str,
    organisation: Option<String>,
    csrf: String,
    organisations: Vec<(String, String)>,
    roles: Vec<&'static str>,
    new_link: Option<NewLink>,
    message: Option<String>,
    /// The open invites the person may revoke.
    invites: Vec<super::invite_labels::OpenInviteView>,
    held: Vec<String>,
    managed: Vec<ManagedQueue>,
    /// The coordinator's fellow members.
    members: Vec<MemberView>,
    /// Whether the coordinator's own chain verifies, so they may certify others.
    certified: bool,
    /// Why the person's own account is not certified, and what would certify it.
    uncertified: Option<OwnCertification>,
    /// When operator access was last recovered at the server's console, if lately.
    operator_recovered: Option<String>,
    /// The announcement that the desk organisation's key changed recently, in full.
    desk_key_changed: Option<String>,
    /// The fingerprint of the desk key every chain is checked against, for coordinators and
    /// operators to compare with the desk's own.
    desk_key: Option<String>,
    /// The person's identity fingerprint, made from their session's key, to read out to whoever
    /// certifies them.
    fingerprint: Option<String>,
    /// The audit chain's head (sequence number, MAC in hex) for coordinators and operators to
    /// note: a later rewrite of the log then needs more than the server.
    audit_head: Option<(i64, String)>,
    /// What config changed about the organisation's queues: (when, what, queue).
    queue_changes: Vec<(String, String, String)>,
    /// A coordinator of the desk organisation, who may destroy early what every holder closed
    /// as not genuine: the page links to that list.
    desk_coordinator: bool,
    /// Whether the person may file reports for callers (a link to the hotline's form).
    hotline: bool,
    /// Whether the person may grant and revoke that, for the member list's forms.
    grants_hotline: bool,
}

/// A fellow member, and whether their membership chain verifies.
pub(super) struct MemberView {
    id: String,
    username: String,
    role: String,
    /// The catalog's word for their standing: certified, or the gap in their chain.
    standing: String,
    certified: bool,
    /// Whether they may file reports for callers.
    hotline: bool,
}

/// The banner of an account whose chain does not verify: why, and the command that makes the
/// organisation's certificate for it offline.
pub(super) struct OwnCertification {
    /// The catalog keys of the banner and of the command's introduction: a member's or an
    /// operator's.
    banner: &'static str,
    intro: &'static str,
    gap: String,
    command: Option<String>,
}

/// A queue of the coordinator's organisation, with who holds its key.
pub(super) struct ManagedQueue {
    id: String,
    kind: String,
    key_imported: bool,
    rotation_due: bool,
    resealing: bool,
    held_after_restore: bool,
    holders: String,
    grantable: Vec<(String, String)>,
    /// After a rotation, while the routing file declares the old key: the lines to put there.
    config_lines: Vec<String>,
}

/// A coordinator's organisation's members, each with the standing of their chain: checked once
/// per page, for the member list and for who may be given a queue.
async fn member_standings(
    state: &AppState,
    who: &Principal,
    manages: bool,
) -> Result<Vec<(Member, Result<(), Gap>)>, StoreError> {
    match (manages, who.organisation_id.as_deref()) {
        (true, Some(org)) => crate::trust::members::standings(state.chain(), org).await,
        _ => Ok(Vec::new()),
    }
}

async fn managed_queues(
    state: &AppState,
    who: &Principal,
    standings: &[(Member, Result<(), Gap>)],
    manages: bool,
) -> Result<Vec<ManagedQueue>, crate::store::StoreError> {
    let (true, Some(org)) = (manages, who.organisation_id.as_deref()) else {
        return Ok(Vec::new());
    };
    let store = &state.intake.store;
    let members: Vec<&Member> = standings.iter().map(|(m, _)| m).collect();
    let certified: Vec<&str> = standings
        .iter()
        .filter(|(_, checked)| checked.is_ok())
        .map(|(m, _)| m.account_id.as_str())
        .collect();
    let mut managed = Vec::new();
    for q in store.queues_of_organisation(org).await? {
        let holders = store.holders(&q.id).await?;
        let name = |id: &String| {
            members
                .iter()
                .find(|m| &m.account_id == id)
                .map(|m| m.username.clone())
        };
        managed.push(ManagedQueue {
            holders: holders
                .iter()
                .filter_map(name)
                .collect::<Vec<_>>()
                .join(", "),
            grantable: members
                .iter()
                .filter(|m| {
                    !holders.contains(&m.account_id) && certified.contains(&m.account_id.as_str())
                })
                .map(|m| (m.account_id.clone(), m.username.clone()))
                .collect(),
            config_lines: crate::operations::overview::stale_config(
                store,
                &state.intake.routing,
                &q.id,
            )
            .await?
            .map(|lines| lines.lines())
            .unwrap_or_default(),
            rotation_due: store.rotation_due(&q.id).await?,
            resealing: store.previous_keys(&q.id).await? > 0,
            held_after_restore: q.held_after_restore,
            id: q.id,
            kind: q.kind.as_str().to_owned(),
            key_imported: q.key_imported,
        });
    }
    Ok(managed)
}

pub(super) async fn workspace_page(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    new_link: Option<String>,
) -> Result<HttpResponse, PageError> {
    workspace_with(state, req, who, new_link, None).await
}

/// The workspace again, with the catalog's `message` saying what was refused, under the status
/// the error policy gives `refused` (the API answers it the same).
pub(super) async fn workspace_refusal(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    refused: impl Into<Failure>,
    message: &str,
) -> Result<HttpResponse, PageError> {
    let message = Some(state.staff_tr(req, who).t(message));
    let mut page = workspace_with(state, req, who, None, message).await?;
    *page.status_mut() = refused.into().status();
    Ok(page)
}

/// A link shown once (an invite's, a reset's), with what it is for.
pub(super) struct NewLink {
    pub url: String,
    pub label: Option<String>,
}

pub(super) async fn workspace_with(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    new_link: Option<String>,
    message: Option<String>,
) -> Result<HttpResponse, PageError> {
    let new_link = new_link.map(|url| NewLink { url, label: None });
    workspace_labelled(state, req, who, new_link, message).await
}

pub(super) async fn workspace_labelled(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    new_link: Option<NewLink>,
    message: Option<String>,
) -> Result<HttpResponse, PageError> {
    let store = &state.intake.store;
    let organisations = store
        .organisations()
        .await
        .map_err(|e| fail(state, req, e))?;
    let (mut organisations, mut roles) = invitable(who, organisations);
    let held = store
        .queues_held_by(&who.account_id)
        .await
        .map_err(|e| fail(state, req, e))?;
    let manages = manages_members(state.chain(), who)
        .await
        .map_err(|e| fail(state, req, e))?;
    // An uncertified coordinator is offered no invitation it would be refused.
    if who.role == Role::Coordinator && !manages {
        organisations.clear();
        roles.clear();
    }
    let standings = member_standings(state, who, manages)
        .await
        .map_err(|e| fail(state, req, e))?;
    let managed = managed_queues(state, who, &standings, manages)
        .await
        .map_err(|e| fail(state, req, e))?;
    let tr = state.staff_tr(req, who);
    let (certified, uncertified) = own_certification(state, who, &tr)
        .await
        .map_err(|e| fail(state, req, e))?;
    let hotline_members = match (manages, who.organisation_id.as_deref()) {
        (true, Some(org)) => store
            .hotline_members(org)
            .await
            .map_err(|e| fail(state, req, e))?,
        _ => Vec::new(),
    };
    let members = member_views(who, standings, &hotline_members, &tr);
    let invites = super::invite_labels::open_invites(state, who, &tr)
        .await
        .map_err(|e| fail(state, req, e))?;
    let hotline = crate::trust::hotline::may_file(store, who).await.is_ok();
    let grants_hotline = manages
        && crate::trust::hotline::may_grant(store, who)
            .await
            .map_err(|e| fail(state, req, e))?;
    let operator_recovered = store
        .last_audited(OPERATOR_RECOVERED)
        .await
        .map_err(|e| fail(state, req, e))?
        .filter(|at| now() - at < ANNOUNCED_FOR)
        .map(|at| {
            tr.t_with(
                "staff-operator-recovered",
                &args(&[("at", tr.date_time(at))]),
            )
        });
    let desk_key = desk_key_fingerprint(state.intake.routing.desk_signing_key.as_ref());
    let desk_key_changed = store
        .last_audited(DESK_KEY_CHANGED)
        .await
        .map_err(|e| fail(state, req, e))?
        .filter(|at| now() - at < ANNOUNCED_FOR)
        .map(|at| {
            tr.t_with(
                "staff-desk-key-changed",
                &args(&[("at", tr.date_time(at)), ("fingerprint", desk_key.clone())]),
            )
        });
    let audit_head = match who.role {
        Role::Coordinator | Role::Operator => state
            .accounts
            .audit
            .checkpoint()
            .await
            .map_err(|e| fail(state, req, e))?
            .map(|head| (head.seq, head.mac_hex())),
        Role::Responder => None,
    };
    let queue_changes = match who.organisation_id.as_deref() {
        Some(org) => store
            .queue_changes_for(org)
            .await
            .map_err(|e| fail(state, req, e))?
            .into_iter()
            .map(|(at, action, queue)| (tr.date_time(at), tr.t(&format!("staff-{action}")), queue))
            .collect(),
        None => Vec::new(),
    };
    let desk_coordinator =
        manages
            && state.intake.routing.desk().is_some_and(|desk| {
                who.organisation_id.as_deref() == Some(desk.organisation.as_str())
            });
    let page = Workspace {
        desk_coordinator,
        members,
        certified,
        uncertified,
        operator_recovered,
        desk_key_changed,
        desk_key: (who.role != Role::Responder).then_some(desk_key),
        audit_head,
        fingerprint: (who.organisation_id.is_some() || who.role == Role::Operator).then(|| {
            crate::crypto::identity::fingerprint(
                &crate::crypto::identity::identity_of(&who.private_key).verifying_key(),
            )
        }),
        queue_changes,
        hotline,
        grants_hotline,
        tr,
        stylesheet: assets::STYLESHEET_PATH,
        username: who.username.clone(),
        role: who.role.as_str(),
        organisation: who.organisation_id.clone(),
        csrf: who.csrf.clone(),
        organisations,
        roles,
        new_link,
        message,
        invites,
        held,
        managed,
    };
    Ok(html(StatusCode::OK, page.render()))
}

#[tracing::instrument(skip_all)]
pub async fn workspace(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    match principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    {
        Some(who) => workspace_page(&state, &req, &who, None).await,
        None => Ok(redirect("/login")),
    }
}

/// Whether the person's own chain verifies; if not, the banner that says why and how to fix it.
async fn own_certification(
    state: &AppState,
    who: &Principal,
    tr: &Tr,
) -> Result<(bool, Option<OwnCertification>), StoreError> {
    let gap = if who.role == Role::Operator {
        match operator_standing(state.chain(), who).await {
            Ok(()) => return Ok((false, None)),
            Err(WorkspaceError::Store(e)) => return Err(e),
            Err(WorkspaceError::Uncertified(gap)) => gap,
            Err(_) => Gap::NotCertified,
        }
    } else if who.organisation_id.is_none() {
        return Ok((false, None));
    } else {
        match state.chain().check(&who.account_id).await? {
            Ok(_) => return Ok((true, None)),
            Err(gap) => gap,
        }
    };
    let command = certificate_request(&state.intake.store, who)
        .await?
        .and_then(|r| r.command(who.role == Role::Operator));
    Ok((
        false,
        Some(OwnCertification {
            banner: match who.role {
                Role::Operator => "staff-operator-uncountersigned",
                _ => "staff-uncertified-banner",
            },
            intro: match who.role {
                Role::Operator => "staff-operator-command",
                _ => "staff-certify-command",
            },
            gap: tr.t(&format!("staff-gap-{}", gap.code())),
            command,
        }),
    ))
}

/// A coordinator's fellow members with the standing of each one's chain.
fn member_views(
    who: &Principal,
    standings: Vec<(Member, Result<(), Gap>)>,
    hotline: &[String],
    tr: &Tr,
) -> Vec<MemberView> {
    standings
        .into_iter()
        .filter(|(m, _)| m.account_id != who.account_id)
        .map(|(m, checked)| MemberView {
            standing: match checked {
                Ok(()) => tr.t("staff-member-certified"),
                Err(gap) => tr.t(&format!("staff-gap-{}", gap.code())),
            },
            certified: checked.is_ok(),
            hotline: hotline.contains(&m.account_id),
            id: m.account_id,
            username: m.username,
            role: m.role,
        })
        .collect()
}
