//! Login, logout, enrolment by invite and the workspace.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};

use super::{csrf_ok, expired_cookie, fields, principal, session_cookie};
use crate::casework::workspace::{self, EntryAction};
use crate::domain::workflow::{EntryStatus, Outcome};
use crate::locale::Tr;
use crate::store::Invite;
use crate::trust::accounts::{AccountError, Principal, Role};
use crate::trust::{queue_keys, WorkspaceError};
use crate::web::shared::error::Failure;
use crate::web::shared::files::download;
use crate::web::shared::page::PageError;
use crate::web::shared::state::AppState;
use crate::web::shared::throttle::limit_source;
use crate::web::shared::{assets, body};

#[derive(Template)]
#[template(path = "login.html")]
struct Login {
    tr: Tr,
    stylesheet: &'static str,
    username: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "invite.html")]
struct InviteForm {
    tr: Tr,
    stylesheet: &'static str,
    token: String,
    username: String,
    username_error: Option<String>,
    password_error: Option<String>,
}

#[derive(Template)]
#[template(path = "enrolled.html")]
struct Enrolled {
    tr: Tr,
    stylesheet: &'static str,
    totp_secret: String,
    totp_url: String,
    /// The otpauth URL as an inline SVG QR code (no image request, no script).
    totp_qr: String,
    recovery_key: String,
}

#[derive(Template)]
#[template(path = "workspace.html")]
struct Workspace {
    tr: Tr,
    stylesheet: &'static str,
    username: String,
    role: &'static str,
    organisation: Option<String>,
    csrf: String,
    organisations: Vec<(String, String)>,
    roles: Vec<&'static str>,
    new_link: Option<String>,
    message: Option<String>,
    held: Vec<String>,
    managed: Vec<ManagedQueue>,
    /// The coordinator's fellow members: (account id, username, role).
    members: Vec<(String, String, String)>,
    /// What config changed about the organisation's queues: (when, what, queue).
    queue_changes: Vec<(String, String, String)>,
}

/// A queue of the coordinator's organisation, with who holds its key.
struct ManagedQueue {
    id: String,
    kind: String,
    key_imported: bool,
    rotation_due: bool,
    resealing: bool,
    held_after_restore: bool,
    holders: String,
    grantable: Vec<(String, String)>,
}

struct EntryView {
    report_id: String,
    short_id: String,
    priority: String,
    status: String,
    received: String,
    assignee: String,
    overdue: bool,
    unread: i64,
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueuePage {
    tr: Tr,
    stylesheet: &'static str,
    queue: String,
    entries: Vec<EntryView>,
}

struct ItemSection {
    title: String,
    fields: Vec<(String, String)>,
    /// Sent by the reporter since the queue last opened the report.
    new: bool,
    /// Where an attachment's file is downloaded.
    download: Option<String>,
}

#[derive(Template)]
#[template(path = "report_view.html")]
struct ReportView {
    tr: Tr,
    stylesheet: &'static str,
    queue: String,
    report_id: String,
    short_id: String,
    csrf: String,
    status: String,
    outcome: Option<String>,
    assignee: String,
    next_statuses: Vec<(&'static str, String)>,
    outcomes: Vec<(&'static str, String)>,
    can_reply: bool,
    /// Withdrawn by the reporter: when, and when its keys go.
    withdrawn: Option<String>,
    sections: Vec<ItemSection>,
    /// Queues a referral could go to; whether it may is decided on posting.
    referable: Vec<String>,
    referral: ReferralForm,
}

pub(super) fn render(status: StatusCode, page: Result<String, askama::Error>) -> HttpResponse {
    match page {
        Ok(html) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, "rendering failed");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// A moment as staff pages show it.
pub(crate) fn utc(seconds: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(seconds) {
        Ok(t) => format!("{} {:02}:{:02} UTC", t.date(), t.hour(), t.minute()),
        Err(_) => String::new(),
    }
}

/// What a new or reset account sees once: its TOTP secret and recovery key.
pub(super) fn enrolled_page(tr: Tr, enrolment: &crate::trust::accounts::Enrolment) -> HttpResponse {
    let page = Enrolled {
        tr,
        stylesheet: assets::STYLESHEET_PATH,
        totp_secret: enrolment.totp_secret.expose_secret().to_owned(),
        totp_url: enrolment.totp_url.expose_secret().to_owned(),
        totp_qr: qr_svg(enrolment.totp_url.expose_secret()),
        recovery_key: enrolment.recovery_key.expose_secret().to_owned(),
    };
    render(StatusCode::OK, page.render())
}

/// A QR code of `text` as an inline SVG element; empty if the text does not fit one.
fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(200, 200)
                .build();
            // The renderer starts with an XML declaration, which has no place inside HTML.
            match svg.find("<svg") {
                Some(start) => svg[start..].to_owned(),
                None => String::new(),
            }
        }
        Err(_) => String::new(),
    }
}

pub(super) fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_owned()))
        .finish()
}

pub(super) fn fail(state: &AppState, req: &HttpRequest, failure: Failure) -> PageError {
    PageError::new(failure, state.page(req, None, "/"))
}

pub(super) fn internal(state: &AppState, req: &HttpRequest, error: AccountError) -> PageError {
    tracing::error!(error = %error, "account operation failed");
    fail(state, req, Failure::Internal)
}

pub(super) async fn form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<std::collections::HashMap<String, String>, PageError> {
    body::require_content_type(req, "application/x-www-form-urlencoded")
        .map_err(|f| fail(state, req, f))?;
    let bytes = body::read(req, payload, state.max_body_bytes)
        .await
        .map_err(|f| fail(state, req, f))?;
    Ok(fields(&bytes))
}

pub async fn login_form(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let tr = state.tr(&req, None);
    render(
        StatusCode::OK,
        Login {
            tr,
            stylesheet: assets::STYLESHEET_PATH,
            username: String::new(),
            error: None,
        }
        .render(),
    )
}

#[tracing::instrument(skip_all)]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = form(&state, &req, payload).await?;
    let username = form.get("username").cloned().unwrap_or_default();
    let password = SecretString::from(form.get("password").cloned().unwrap_or_default());
    let code = form.get("code").cloned().unwrap_or_default();
    let tr = state.tr(&req, None);
    let refused = |key: &str| {
        let error = Some(tr.t(key));
        Login {
            tr: tr.clone(),
            stylesheet: assets::STYLESHEET_PATH,
            username: username.clone(),
            error,
        }
        .render()
    };
    // Refused before any derivation, so a flood from one address costs it, not the server.
    if !state
        .login_throttle
        .allow(limit_source(&req, &state.trusted_proxies))
    {
        return Ok(render(
            StatusCode::TOO_MANY_REQUESTS,
            refused("staff-login-too-soon"),
        ));
    }
    match state.accounts.login(&username, &password, &code).await {
        Ok(cookie) => Ok(HttpResponse::SeeOther()
            .cookie(session_cookie(cookie.expose_secret()))
            .insert_header((header::LOCATION, "/workspace"))
            .finish()),
        Err(AccountError::LoginFailed) => Ok(render(
            StatusCode::UNAUTHORIZED,
            refused("staff-login-failed"),
        )),
        Err(AccountError::TooSoon) => Ok(render(
            StatusCode::TOO_MANY_REQUESTS,
            refused("staff-login-too-soon"),
        )),
        Err(e) => Err(internal(&state, &req, e)),
    }
}

pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, _) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    state
        .accounts
        .logout(&who)
        .await
        .map_err(|e| internal(&state, &req, e))?;
    Ok(HttpResponse::SeeOther()
        .cookie(expired_cookie())
        .insert_header((header::LOCATION, "/login"))
        .finish())
}

/// What a person may invite: operators invite organisations' coordinators; coordinators invite
/// coordinators and responders of their own organisation; responders invite no one.
fn invitable(
    who: &Principal,
    organisations: Vec<(String, String, String)>,
) -> (Vec<(String, String)>, Vec<&'static str>) {
    match who.role {
        Role::Operator => (
            organisations
                .into_iter()
                .map(|(id, name, _)| (id, name))
                .collect(),
            vec!["coordinator"],
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

async fn managed_queues(
    state: &AppState,
    who: &Principal,
) -> Result<Vec<ManagedQueue>, crate::store::StoreError> {
    let (Role::Coordinator, Some(org)) = (who.role, who.organisation_id.as_deref()) else {
        return Ok(Vec::new());
    };
    let store = &state.intake.store;
    let members = store.members(org).await?;
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
                .filter(|m| !holders.contains(&m.account_id))
                .map(|m| (m.account_id.clone(), m.username.clone()))
                .collect(),
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

async fn workspace_page(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    new_link: Option<String>,
) -> Result<HttpResponse, PageError> {
    workspace_with(state, req, who, new_link, None).await
}

/// The workspace again, 422, with the catalog's `message` saying what was refused.
pub(super) async fn workspace_refusal(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    message: &str,
) -> Result<HttpResponse, PageError> {
    let message = Some(state.tr(req, None).t(message));
    let mut page = workspace_with(state, req, who, None, message).await?;
    *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(page)
}

pub(super) async fn workspace_with(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    new_link: Option<String>,
    message: Option<String>,
) -> Result<HttpResponse, PageError> {
    let store = &state.intake.store;
    let organisations = store
        .organisations()
        .await
        .map_err(|e| internal(state, req, e.into()))?;
    let (organisations, roles) = invitable(who, organisations);
    let held = store
        .queues_held_by(&who.account_id)
        .await
        .map_err(|e| internal(state, req, e.into()))?;
    let managed = managed_queues(state, who)
        .await
        .map_err(|e| internal(state, req, e.into()))?;
    let members = match (who.role, who.organisation_id.as_deref()) {
        (Role::Coordinator, Some(org)) => store
            .members(org)
            .await
            .map_err(|e| internal(state, req, e.into()))?
            .into_iter()
            .filter(|m| m.account_id != who.account_id)
            .map(|m| (m.account_id, m.username, m.role))
            .collect(),
        _ => Vec::new(),
    };
    let tr = state.tr(req, None);
    let queue_changes = match who.organisation_id.as_deref() {
        Some(org) => store
            .queue_changes_for(org)
            .await
            .map_err(|e| internal(state, req, e.into()))?
            .into_iter()
            .map(|(at, action, queue)| (utc(at), tr.t(&format!("staff-{action}")), queue))
            .collect(),
        None => Vec::new(),
    };
    let page = Workspace {
        members,
        queue_changes,
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
        held,
        managed,
    };
    Ok(render(StatusCode::OK, page.render()))
}

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

#[tracing::instrument(skip_all)]
pub async fn create_invite(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let organisations = state
        .intake
        .store
        .organisations()
        .await
        .map_err(|e| internal(&state, &req, e.into()))?;
    let (allowed_orgs, allowed_roles) = invitable(&who, organisations);
    let organisation = form.get("organisation").cloned().unwrap_or_default();
    let role = form.get("role").map(String::as_str).unwrap_or_default();
    let permitted =
        allowed_orgs.iter().any(|(id, _)| *id == organisation) && allowed_roles.contains(&role);
    if !permitted {
        tracing::info!(account = %who.account_id, "invite refused");
        return Err(fail(&state, &req, Failure::Forbidden));
    }
    let invite = Invite {
        role: role.to_owned(),
        organisation_id: Some(organisation),
    };
    let token = state
        .accounts
        .create_invite(&invite, Some(&who.account_id))
        .await
        .map_err(|e| internal(&state, &req, e))?;
    let link = format!("{}/invite/{}", state.public_url, token.expose_secret());
    workspace_page(&state, &req, &who, Some(link)).await
}

pub async fn invite_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let usable = state
        .accounts
        .usable_invite(&token)
        .await
        .map_err(|e| internal(&state, &req, e))?;
    if usable.is_none() {
        return Err(fail(&state, &req, Failure::NotFound));
    }
    let page = InviteForm {
        tr: state.tr(&req, None),
        stylesheet: assets::STYLESHEET_PATH,
        token: token.into_inner(),
        username: String::new(),
        username_error: None,
        password_error: None,
    };
    Ok(render(StatusCode::OK, page.render()))
}

#[tracing::instrument(skip_all)]
pub async fn enrol(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = form(&state, &req, payload).await?;
    let username = form.get("username").cloned().unwrap_or_default();
    let password = SecretString::from(form.get("password").cloned().unwrap_or_default());
    let tr = state.tr(&req, None);
    match state.accounts.enrol(&token, &username, &password).await {
        Ok(enrolment) => Ok(enrolled_page(tr, &enrolment)),
        Err(AccountError::Field { field, code }) => {
            let message = Some(tr.error(code));
            let page = InviteForm {
                tr: tr.clone(),
                stylesheet: assets::STYLESHEET_PATH,
                token: token.into_inner(),
                username,
                username_error: if field == "username" {
                    message.clone()
                } else {
                    None
                },
                password_error: if field == "password" { message } else { None },
            };
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, page.render()))
        }
        Err(AccountError::InviteInvalid) => Err(fail(&state, &req, Failure::NotFound)),
        Err(e) => Err(internal(&state, &req, e)),
    }
}

pub(super) fn workspace_failure(
    state: &AppState,
    req: &HttpRequest,
    error: WorkspaceError,
) -> PageError {
    match error {
        WorkspaceError::Forbidden => fail(state, req, Failure::Forbidden),
        WorkspaceError::NotFound => fail(state, req, Failure::NotFound),
        WorkspaceError::WrongKey | WorkspaceError::BadSignature => {
            fail(state, req, Failure::BadRequest)
        }
        WorkspaceError::Invalid => fail(state, req, Failure::Unprocessable),
        WorkspaceError::Conflict => fail(state, req, Failure::Conflict),
        other => {
            tracing::error!(error = %other, "workspace operation failed");
            fail(state, req, Failure::Internal)
        }
    }
}

/// A logged-in person and their form, with the CSRF token checked; `Err(response)` otherwise.
pub(super) async fn checked_form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Result<(Principal, std::collections::HashMap<String, String>), HttpResponse>, PageError>
{
    let form = form(state, req, payload).await?;
    let Some(who) = principal(state, req)
        .await
        .map_err(|f| fail(state, req, f))?
    else {
        return Ok(Err(redirect("/login")));
    };
    if !csrf_ok(&who, &form) {
        return Err(fail(state, req, Failure::Forbidden));
    }
    Ok(Ok((who, form)))
}

pub async fn import_key(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let key = SecretString::from(form.get("private_key").cloned().unwrap_or_default());
    match queue_keys::import_key(
        &state.intake.store,
        &state.accounts.audit,
        &who,
        &queue,
        key.expose_secret(),
    )
    .await
    {
        Ok(_) => Ok(redirect("/workspace")),
        Err(WorkspaceError::WrongKey) => {
            workspace_refusal(&state, &req, &who, "staff-key-wrong").await
        }
        Err(e) => Err(workspace_failure(&state, &req, e)),
    }
}

pub async fn confirm_membership(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, _) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    queue_keys::confirm_membership(&state.intake.store, &state.accounts.audit, &who, &queue)
        .await
        .map_err(|e| workspace_failure(&state, &req, e))?;
    Ok(redirect("/workspace"))
}

pub async fn grant_access(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let account = form.get("account").cloned().unwrap_or_default();
    queue_keys::grant(
        &state.intake.store,
        &state.accounts.audit,
        &who,
        &queue,
        &account,
    )
    .await
    .map_err(|e| workspace_failure(&state, &req, e))?;
    Ok(redirect("/workspace"))
}

fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

pub async fn queue_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    let entries = workspace::entries(&state.intake.store, &who, &queue)
        .await
        .map_err(|e| workspace_failure(&state, &req, e))?;
    let now = crate::store::now();
    let tr = state.tr(&req, None);
    let entries = entries
        .into_iter()
        .map(|e| {
            let age_minutes = (now - e.added_at).max(0) / 60;
            EntryView {
                short_id: short(&e.report_id),
                received: format!("{age_minutes} min"),
                overdue: e.status == "new" && age_minutes > state.ack_targets.minutes(&e.priority),
                assignee: match e.assignee.as_deref() {
                    None => tr.t("staff-unassigned"),
                    Some(id) if id == who.account_id => tr.t("staff-mine"),
                    Some(id) => short(id),
                },
                status: tr.t(&format!("entry-status-{}", e.status)),
                report_id: e.report_id,
                priority: e.priority,
                unread: e.unread,
            }
        })
        .collect();
    let page = QueuePage {
        tr,
        stylesheet: assets::STYLESHEET_PATH,
        queue: queue.into_inner(),
        entries,
    };
    Ok(render(StatusCode::OK, page.render()))
}

/// Flattens an opened item into labelled lines, labelled from the catalog where it has the field.
fn flatten(tr: &Tr, path: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let next = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(tr, &next, v, out);
            }
        }
        serde_json::Value::Array(list) if list.iter().all(|v| !v.is_object()) => {
            let joined = list
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>();
            if !joined.is_empty() {
                out.push((label(tr, path), joined.join(", ")));
            }
        }
        serde_json::Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                flatten(tr, &format!("{path}.{i}"), v, out);
            }
        }
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => out.push((label(tr, path), s.clone())),
        other => out.push((label(tr, path), other.to_string())),
    }
}

fn label(tr: &Tr, path: &str) -> String {
    let parts: Vec<&str> = path
        .split('.')
        .filter(|p| p.parse::<usize>().is_err())
        .collect();
    let key = format!("field-{}", parts.join("-"));
    if tr.catalogs.has(tr.lang, &key) {
        tr.t(&key)
    } else {
        path.to_owned()
    }
}

pub async fn report_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let (queue, report) = path.into_inner();
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    report_view(&state, &req, &who, &queue, &report, ReferralForm::default()).await
}

/// An attachment's file, decrypted, as a download.
pub async fn download_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, PageError> {
    let (queue, report, item) = path.into_inner();
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    let (Ok(report), Ok(item)) = (uuid::Uuid::parse_str(&report), uuid::Uuid::parse_str(&item))
    else {
        return Err(fail(&state, &req, Failure::NotFound));
    };
    let (kind, bytes) = workspace::open_file(
        &state.intake.store,
        &state.accounts.audit,
        &who,
        &queue,
        report,
        item,
    )
    .await
    .map_err(|e| workspace_failure(&state, &req, e))?;
    Ok(download(item, kind, bytes))
}

/// What the referral and projection forms say, and what was wrong, when they come back.
#[derive(Default)]
pub(super) struct ReferralForm {
    pub to: String,
    pub reason: String,
    pub refusal: Option<String>,
    /// The projection as the responder typed it.
    pub projection: Option<String>,
    pub projection_error: Option<String>,
}

pub(super) async fn report_view(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    queue: &str,
    report: &str,
    referral: ReferralForm,
) -> Result<HttpResponse, PageError> {
    use crate::domain::ItemKind;
    let (state, req, queue, report) = (state, req, queue.to_owned(), report.to_owned());
    let Ok(report_id) = uuid::Uuid::parse_str(&report) else {
        return Err(fail(state, req, Failure::NotFound));
    };
    let opened = workspace::open_report(
        &state.intake.store,
        &state.accounts.audit,
        who,
        &queue,
        report_id,
    )
    .await
    .map_err(|e| workspace_failure(state, req, e))?;
    let items = &opened.items;
    let tr = state.tr(req, None);
    let order = [
        ItemKind::Report,
        ItemKind::Triage,
        ItemKind::Projection,
        ItemKind::Status,
        ItemKind::Reply,
        ItemKind::Note,
    ];
    let mut sections: Vec<(usize, ItemSection)> = items
        .iter()
        .map(|item| {
            let mut value: serde_json::Value =
                serde_json::from_slice(&item.plaintext).unwrap_or_default();
            let attachment = item.is(ItemKind::Attachment);
            if let (true, Some(manifest)) = (attachment, value.as_object_mut()) {
                // The nonce prefix is for the download, not for reading.
                manifest.remove("stream");
            }
            let mut fields = Vec::new();
            flatten(&tr, "", &value, &mut fields);
            let rank = order
                .iter()
                .position(|k| item.is(*k))
                .unwrap_or(order.len());
            (
                rank,
                ItemSection {
                    title: tr.t(&format!("staff-item-{}", item.kind)),
                    fields,
                    new: opened.is_new(item),
                    download: attachment
                        .then(|| format!("/queues/{queue}/reports/{report}/files/{}", item.id)),
                },
            )
        })
        .collect();
    sections.sort_by_key(|(rank, _)| *rank);
    let (row, entry) = workspace::entry(&state.intake.store, who, &queue, report_id)
        .await
        .map_err(|e| workspace_failure(state, req, e))?;
    let projection_only = row.kind.projection_only();
    let current = EntryStatus::parse(&entry.status).ok();
    let next_statuses = EntryStatus::ALL
        .iter()
        .filter(|to| current.is_some_and(|from| from.may_become(**to, projection_only)))
        .map(|to| (to.code(), tr.t(&format!("entry-status-{}", to.code()))))
        .collect();
    let outcomes = Outcome::ALL
        .iter()
        .map(|o| (o.code(), tr.t(&format!("outcome-{}", o.code()))))
        .collect();
    let assignee = match entry.assignee.as_deref() {
        None => tr.t("staff-unassigned"),
        Some(id) if id == who.account_id => tr.t("staff-mine"),
        Some(id) => short(id),
    };
    let referable = state
        .intake
        .store
        .active_queue_ids()
        .await
        .map_err(|e| internal(state, req, e.into()))?
        .into_iter()
        .filter(|q| *q != queue)
        .collect();
    // An NGO entry may issue a new projection version: offer the latest, as JSON, to edit.
    let latest_projection = (!projection_only)
        .then(|| {
            items
                .iter()
                .rev()
                .find(|i| i.is(ItemKind::Projection))
                .and_then(|i| serde_json::from_slice::<serde_json::Value>(&i.plaintext).ok())
                .map(|v| {
                    serde_json::to_string_pretty(&crate::casework::projection::editable(v))
                        .unwrap_or_default()
                })
        })
        .flatten();
    let mut referral = referral;
    if referral.projection.is_none() {
        referral.projection = latest_projection;
    }
    let status = if referral.refusal.is_some() || referral.projection_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = ReportView {
        referable,
        referral,
        status: tr.t(&format!("entry-status-{}", entry.status)),
        outcome: entry.outcome.map(|o| tr.t(&format!("outcome-{o}"))),
        assignee,
        next_statuses,
        outcomes,
        can_reply: !projection_only && opened.withdrawn_at.is_none(),
        withdrawn: opened.withdrawn_at.map(|at| {
            let destroyed = at + state.followup.withdrawal_grace_days * 86_400;
            format!(
                "{} {} · {} {}",
                tr.t("staff-withdrawn"),
                utc(at),
                tr.t("staff-destroyed-after"),
                utc(destroyed)
            )
        }),
        csrf: who.csrf.clone(),
        report_id: report.clone(),
        tr,
        stylesheet: assets::STYLESHEET_PATH,
        queue,
        short_id: short(&report),
        sections: sections.into_iter().map(|(_, s)| s).collect(),
    };
    Ok(render(status, page.render()))
}

async fn entry_action(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
    choose: fn(&std::collections::HashMap<String, String>) -> Option<EntryAction>,
) -> Result<HttpResponse, PageError> {
    let (queue, report) = path.into_inner();
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let Ok(report_id) = uuid::Uuid::parse_str(&report) else {
        return Err(fail(&state, &req, Failure::NotFound));
    };
    let Some(action) = choose(&form) else {
        return Err(fail(&state, &req, Failure::Unprocessable));
    };
    workspace::act(
        &state.intake.store,
        &state.accounts.audit,
        &who,
        &queue,
        report_id,
        action,
    )
    .await
    .map_err(|e| workspace_failure(&state, &req, e))?;
    Ok(redirect(&format!("/queues/{queue}/reports/{report}")))
}

pub async fn claim(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    entry_action(state, req, path, payload, |_| Some(EntryAction::Claim)).await
}

pub async fn release(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    entry_action(state, req, path, payload, |_| Some(EntryAction::Release)).await
}

pub async fn change_status(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    entry_action(state, req, path, payload, |form| {
        let to = EntryStatus::parse(form.get("status")?).ok()?;
        let outcome = match form.get("outcome").map(String::as_str) {
            None | Some("") => None,
            Some(code) => Some(Outcome::parse(code).ok()?),
        };
        Some(EntryAction::Move { to, outcome })
    })
    .await
}

async fn message_action(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
    reply: bool,
) -> Result<HttpResponse, PageError> {
    let (queue, report) = path.into_inner();
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let Ok(report_id) = uuid::Uuid::parse_str(&report) else {
        return Err(fail(&state, &req, Failure::NotFound));
    };
    let text = form.get("text").map(String::as_str).unwrap_or_default();
    let (store, audit) = (&state.intake.store, &state.accounts.audit);
    let done = if reply {
        workspace::reply(store, audit, &who, &queue, report_id, text).await
    } else {
        workspace::note(store, audit, &who, &queue, report_id, text).await
    };
    done.map_err(|e| workspace_failure(&state, &req, e))?;
    Ok(redirect(&format!("/queues/{queue}/reports/{report}")))
}

pub async fn send_reply(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    message_action(state, req, path, payload, true).await
}

pub async fn add_note(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    message_action(state, req, path, payload, false).await
}
