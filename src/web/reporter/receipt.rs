//! The receipt page, shown once, and its check: the reporter types the code back to confirm they
//! wrote it down right. The server keeps nothing of the code; the page carries it sealed under a
//! key derived from the server pepper, valid for a short while, so a mistyped copy can be shown
//! the code again and corrected, on any replica.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::domain::ReceiptCode;
use crate::web::shared::body;
use crate::web::shared::body::{fields, Fields};
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, Page, PageError};
use crate::web::shared::receipt_carrier::{seal, unseal, Carried};
use crate::web::shared::state::AppState;

#[derive(Template)]
#[template(path = "receipt.html")]
struct ReceiptPage {
    page: Page,
    code: String,
    urgent: bool,
    sealed: String,
    matched: bool,
    error: Option<String>,
}

fn render(state: &AppState, page: Page, carried: &Carried, error: Option<String>) -> HttpResponse {
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let shown = ReceiptPage {
        page,
        code: carried.code.to_string(),
        urgent: carried.urgent,
        sealed: seal(state, carried).unwrap_or_default(),
        matched: false,
        error,
    };
    html(status, shown.render())
}

/// The page that shows a new report's code, once.
pub fn show(state: &AppState, page: Page, code: &SecretString, urgent: bool) -> HttpResponse {
    let carried = Carried::issued(
        state,
        Zeroizing::new(code.expose_secret().to_owned()),
        urgent,
    );
    render(state, page, &carried, None)
}

/// A posted receipt form's fields, and the page in the language it names.
async fn posted(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<(Fields, Page), PageError> {
    let fail = |f| PageError::new(f, state.page(req, None, "/"));
    body::require_content_type(req, "application/x-www-form-urlencoded").map_err(fail)?;
    // The form carries the code typed back: wiped like a staff form.
    let bytes = body::read_wiped(req, payload, state.max_body_bytes)
        .await
        .map_err(fail)?;
    let form = fields(&bytes);
    let page = state.page(req, form.get("lang").map(String::as_str), "/");
    Ok((form, page))
}

/// The receipt page of a report the form's script sealed on the device, from its carrier.
#[tracing::instrument(skip_all)]
pub async fn show_sealed(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (form, page) = posted(&state, &req, payload).await?;
    match form.get("receipt").and_then(|r| unseal(&state, r)) {
        Some(carried) => Ok(render(&state, page, &carried, None)),
        None => Err(PageError::new(Failure::Unprocessable, page)),
    }
}

/// The code typed back: matches, or the code is shown again beside the problem.
#[tracing::instrument(skip_all)]
pub async fn check(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (form, page) = posted(&state, &req, payload).await?;
    let Some(carried) = form.get("receipt").and_then(|r| unseal(&state, r)) else {
        // Too late, or not a form this server made: the code cannot be shown again.
        return Err(PageError::new(Failure::Unprocessable, page));
    };
    let typed = form.get("code").map(String::as_str).unwrap_or_default();
    let error = match ReceiptCode::parse(typed) {
        Ok(code) => {
            let typed = code.display();
            let same: bool = typed
                .expose_secret()
                .as_bytes()
                .ct_eq(carried.code.as_bytes())
                .into();
            (!same).then(|| page.tr.t("receipt-check-mismatch"))
        }
        Err(code) => Some(page.tr.error(code)),
    };
    if error.is_none() {
        let shown = ReceiptPage {
            page,
            code: String::new(),
            urgent: carried.urgent,
            sealed: String::new(),
            matched: true,
            error: None,
        };
        return Ok(html(StatusCode::OK, shown.render()));
    }
    Ok(render(&state, page, &carried, error))
}
