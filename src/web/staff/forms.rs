//! What every staff page does: render, redirect, answer a failure as a page, and read a posted
//! form with the session and its CSRF token checked.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

use super::session::{csrf_ok, principal};
use crate::trust::accounts::Principal;
use crate::web::shared::body;
use crate::web::shared::body::fields;
use crate::web::shared::error::Failure;
use crate::web::shared::page::PageError;
use crate::web::shared::state::AppState;

/// A moment as staff pages show it.
pub(crate) fn utc(seconds: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(seconds) {
        Ok(t) => format!("{} {:02}:{:02} UTC", t.date(), t.hour(), t.minute()),
        Err(_) => String::new(),
    }
}

pub(super) fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_owned()))
        .finish()
}

/// A failure answered as a page; its status is the one `web::shared::error` gives it.
pub(super) fn fail(state: &AppState, req: &HttpRequest, failure: impl Into<Failure>) -> PageError {
    PageError::new(failure, state.page(req, None, "/"))
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
