//! Changing a password; getting back in with the recovery key; a coordinator's one-time reset
//! link for someone who lost both.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};

use super::forms::{checked_form, enrolled_page, fail, form, redirect};
use super::session::{principal, FieldMessages};
use super::workspace::workspace_with;
use crate::locale::Tr;
use crate::trust::accounts::{AccountError, Enrolment};
use crate::web::shared::assets;
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;
use crate::web::shared::throttle::limit_source;

#[derive(Template)]
#[template(path = "password.html")]
struct PasswordPage {
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    errors: FieldMessages,
    done: bool,
}

#[derive(Template)]
#[template(path = "recover.html")]
struct RecoverPage {
    tr: Tr,
    stylesheet: &'static str,
    username: String,
    errors: FieldMessages,
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    tr: Tr,
    stylesheet: &'static str,
    token: String,
    errors: FieldMessages,
}

fn status(errors: &FieldMessages) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// The field a refusal belongs beside, or the page's failure.
fn refusal(
    state: &AppState,
    req: &HttpRequest,
    e: AccountError,
) -> Result<FieldMessages, PageError> {
    let tr = state.tr(req, None);
    match e {
        AccountError::Field { field, code } => Ok(FieldMessages::one(&tr, field, code)),
        other => Err(fail(state, req, other)),
    }
}

#[tracing::instrument(skip_all)]
pub async fn password_form(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    let page = PasswordPage {
        tr: state.staff_tr(&req, &who),
        stylesheet: assets::STYLESHEET_PATH,
        csrf: who.csrf.clone(),
        errors: FieldMessages::default(),
        done: false,
    };
    Ok(html(StatusCode::OK, page.render()))
}

#[tracing::instrument(skip_all)]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    // Throttled like a login, before any derivation: a stolen session must not guess the
    // current password at the server's expense.
    if !state
        .login_throttle
        .allow(limit_source(&req, &state.trusted_proxies))
    {
        return Err(fail(&state, &req, Failure::TooManyRequests));
    }
    let secret = |k: &str| SecretString::from(form.get(k).cloned().unwrap_or_default());
    let outcome = state
        .accounts
        .change_password(&who, &secret("current"), &secret("password"))
        .await;
    let (errors, done) = match outcome {
        Ok(()) => (FieldMessages::default(), true),
        Err(e) => (refusal(&state, &req, e)?, false),
    };
    let page = PasswordPage {
        tr: state.staff_tr(&req, &who),
        stylesheet: assets::STYLESHEET_PATH,
        csrf: who.csrf.clone(),
        done,
        errors,
    };
    Ok(html(status(&page.errors), page.render()))
}

#[tracing::instrument(skip_all)]
pub async fn recover_form(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let page = RecoverPage {
        tr: state.tr(&req, None),
        stylesheet: assets::STYLESHEET_PATH,
        username: String::new(),
        errors: FieldMessages::default(),
    };
    html(StatusCode::OK, page.render())
}

fn after_reset(
    state: &AppState,
    req: &HttpRequest,
    outcome: Result<Enrolment, AccountError>,
) -> Result<Result<HttpResponse, FieldMessages>, PageError> {
    match outcome {
        Ok(enrolment) => Ok(Ok(enrolled_page(state.tr(req, None), &enrolment))),
        Err(e) => Ok(Err(refusal(state, req, e)?)),
    }
}

#[tracing::instrument(skip_all)]
pub async fn recover(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = form(&state, &req, payload).await?;
    let source = limit_source(&req, &state.trusted_proxies);
    if !state.login_throttle.allow(source) {
        return Err(fail(&state, &req, Failure::TooManyRequests));
    }
    let username = form.get("username").cloned().unwrap_or_default();
    let secret = |k: &str| SecretString::from(form.get(k).cloned().unwrap_or_default());
    let origin = state.login_throttle.origin(source);
    let outcome = state
        .accounts
        .reset_with_recovery(
            &username,
            &secret("recovery_key"),
            &secret("password"),
            origin,
        )
        .await;
    match after_reset(&state, &req, outcome)? {
        Ok(page) => Ok(page),
        Err(errors) => {
            let page = RecoverPage {
                tr: state.tr(&req, None),
                stylesheet: assets::STYLESHEET_PATH,
                username,
                errors,
            };
            Ok(html(status(&page.errors), page.render()))
        }
    }
}

/// A coordinator makes a one-time reset link for a member of their organisation.
#[tracing::instrument(skip_all)]
pub async fn create_reset_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, _) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let token = state
        .accounts
        .create_reset_link(state.chain(), &who, &account)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    let link = format!("{}/reset/{}", state.public_url, token.expose_secret());
    workspace_with(&state, &req, &who, Some(link), None).await
}

#[tracing::instrument(skip_all)]
pub async fn reset_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let usable = state
        .accounts
        .usable_reset_link(&token)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    if !usable {
        return Err(fail(&state, &req, Failure::NotFound));
    }
    let page = ResetPage {
        tr: state.tr(&req, None),
        stylesheet: assets::STYLESHEET_PATH,
        token: token.into_inner(),
        errors: FieldMessages::default(),
    };
    Ok(html(StatusCode::OK, page.render()))
}

#[tracing::instrument(skip_all)]
pub async fn reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = form(&state, &req, payload).await?;
    let password = SecretString::from(form.get("password").cloned().unwrap_or_default());
    let outcome = state.accounts.redeem_reset_link(&token, &password).await;
    match after_reset(&state, &req, outcome)? {
        Ok(page) => Ok(page),
        Err(errors) => {
            let page = ResetPage {
                tr: state.tr(&req, None),
                stylesheet: assets::STYLESHEET_PATH,
                token: token.into_inner(),
                errors,
            };
            Ok(html(status(&page.errors), page.render()))
        }
    }
}
