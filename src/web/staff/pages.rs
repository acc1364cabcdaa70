//! Login, logout, enrolment by invite and the workspace.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};

use super::{csrf_ok, expired_cookie, fields, principal, session_cookie};
use crate::accounts::{AccountError, Principal, Role};
use crate::store::Invite;
use crate::web::error::{Failure, PageError};
use crate::web::i18n::Tr;
use crate::web::{assets, body, AppState};

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
}

fn render(status: StatusCode, page: Result<String, askama::Error>) -> HttpResponse {
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

fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_owned()))
        .finish()
}

fn fail(state: &AppState, req: &HttpRequest, failure: Failure) -> PageError {
    PageError::new(failure, state.page(req, None, "/"))
}

fn internal(state: &AppState, req: &HttpRequest, error: AccountError) -> PageError {
    tracing::error!(error = %error, "account operation failed");
    fail(state, req, Failure::Internal)
}

async fn form(
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
    let form = form(&state, &req, payload).await?;
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    if !csrf_ok(&who, &form) {
        return Err(fail(&state, &req, Failure::Forbidden));
    }
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

async fn workspace_page(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    new_link: Option<String>,
) -> Result<HttpResponse, PageError> {
    let organisations = state
        .intake
        .store
        .organisations()
        .await
        .map_err(|e| internal(state, req, e.into()))?;
    let (organisations, roles) = invitable(who, organisations);
    let page = Workspace {
        tr: state.tr(req, None),
        stylesheet: assets::STYLESHEET_PATH,
        username: who.username.clone(),
        role: who.role.as_str(),
        organisation: who.organisation_id.clone(),
        csrf: who.csrf.clone(),
        organisations,
        roles,
        new_link,
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
    let form = form(&state, &req, payload).await?;
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    if !csrf_ok(&who, &form) {
        return Err(fail(&state, &req, Failure::Forbidden));
    }
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
        Ok(enrolment) => {
            let page = Enrolled {
                tr,
                stylesheet: assets::STYLESHEET_PATH,
                totp_secret: enrolment.totp_secret.expose_secret().to_owned(),
                totp_url: enrolment.totp_url.expose_secret().to_owned(),
                recovery_key: enrolment.recovery_key.expose_secret().to_owned(),
            };
            Ok(render(StatusCode::OK, page.render()))
        }
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
