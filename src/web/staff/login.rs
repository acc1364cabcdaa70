//! Logging in with password and TOTP, and out. Each login leaves a known-device cookie, sent back
//! only to the login, so that the next login from this browser is not counted with strangers'
//! (`trust::accounts::KnownDevice`).

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};

use super::forms::{checked_form, fail, form};
use super::session::{expired_cookie, session_cookie};
use crate::locale::Tr;
use crate::trust::accounts::{AccountError, DEVICE_DAYS};
use crate::web::shared::assets;
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;
use crate::web::shared::throttle::limit_source;

/// The known-device cookie: no script reads it and only the login form is sent it.
const DEVICE_COOKIE: &str = "hw_device";

fn device_cookie(value: &str) -> Cookie<'static> {
    Cookie::build(DEVICE_COOKIE, value.to_owned())
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .path("/login")
        .max_age(time::Duration::days(DEVICE_DAYS))
        .finish()
}

#[derive(Template)]
#[template(path = "login.html")]
pub(super) struct Login {
    tr: Tr,
    stylesheet: &'static str,
    username: String,
    error: Option<String>,
}

#[tracing::instrument(skip_all)]
pub async fn login_form(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let tr = state.tr(&req, None);
    html(
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
    // Refused before any derivation, so a flood from one address costs it, not the server; a
    // browser that logged in before is not counted with strangers.
    let source = limit_source(&req, &state.trusted_proxies);
    let shown = req.cookie(DEVICE_COOKIE);
    let device = state
        .accounts
        .known_device(&username, shown.as_ref().map(|c| c.value()))
        .await
        .map_err(|e| fail(&state, &req, e))?;
    if !state.login_throttle.allow_login(source, device.as_ref()) {
        return Ok(html(
            StatusCode::TOO_MANY_REQUESTS,
            refused("staff-login-too-soon"),
        ));
    }
    let origin = state.login_throttle.origin(source);
    match state
        .accounts
        .login(&username, &password, &code, origin)
        .await
    {
        // The session's cookie first: whoever reads one Set-Cookie reads the session.
        Ok(logged_in) => Ok(HttpResponse::SeeOther()
            .cookie(session_cookie(logged_in.session.expose_secret()))
            .cookie(device_cookie(logged_in.device.expose_secret()))
            .insert_header((header::LOCATION, "/workspace"))
            .finish()),
        Err(e @ AccountError::LoginFailed) => Ok(html(
            Failure::from(e).status(),
            refused("staff-login-failed"),
        )),
        Err(e @ AccountError::TooSoon) => Ok(html(
            Failure::from(e).status(),
            refused("staff-login-too-soon"),
        )),
        Err(e) => Err(fail(&state, &req, e)),
    }
}

#[tracing::instrument(skip_all)]
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
        .map_err(|e| fail(&state, &req, e))?;
    Ok(HttpResponse::SeeOther()
        .cookie(expired_cookie())
        .insert_header((header::LOCATION, "/login"))
        .finish())
}
