//! The receipt page, shown once, and its check: the reporter types the code back to confirm they
//! wrote it down right. The server keeps nothing of the code; the page carries it sealed under a
//! key derived from the server pepper, valid for a short while, so a mistyped copy can be shown
//! the code again and corrected, on any replica.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::crypto::wrap::{self, Wrapped};
use crate::domain::ReceiptCode;
use crate::store::now;
use crate::web::shared::body;
use crate::web::shared::body::fields;
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, Page, PageError};
use crate::web::shared::state::AppState;

/// How long the receipt page's check works after the report was sent.
const CHECK_MINUTES: i64 = 30;

const KEY_LABEL: &[u8] = b"homeward/receipt-check/key/v1";

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

/// What the check form carries: the code as shown, whether it was urgent, until when.
struct Carried {
    code: Zeroizing<String>,
    urgent: bool,
}

fn binding(expires_at: i64) -> Vec<u8> {
    wrap::ad("homeward/receipt-check", &[&expires_at.to_string()])
}

fn seal(state: &AppState, carried: &Carried) -> Option<String> {
    let expires_at = now() + CHECK_MINUTES * 60;
    let plain = Zeroizing::new(format!(
        "{}|{}",
        u8::from(carried.urgent),
        carried.code.as_str()
    ));
    let key = state.accounts.purpose_key(KEY_LABEL);
    let sealed = wrap::seal(&key, &binding(expires_at), plain.as_bytes()).ok()?;
    let mut out = expires_at.to_be_bytes().to_vec();
    out.extend_from_slice(&sealed.nonce);
    out.extend_from_slice(&sealed.ciphertext);
    Some(URL_SAFE_NO_PAD.encode(out))
}

fn unseal(state: &AppState, text: &str) -> Option<Carried> {
    let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
    if bytes.len() < 8 + 24 {
        return None;
    }
    let (at, rest) = bytes.split_at(8);
    let expires_at = i64::from_be_bytes(at.try_into().ok()?);
    if expires_at < now() {
        return None;
    }
    let (nonce, ciphertext) = rest.split_at(24);
    let wrapped = Wrapped {
        nonce: nonce.to_vec(),
        ciphertext: ciphertext.to_vec(),
    };
    let key = state.accounts.purpose_key(KEY_LABEL);
    let plain = wrap::open(&key, &binding(expires_at), &wrapped).ok()?;
    let plain = std::str::from_utf8(&plain).ok()?;
    let (urgent, code) = plain.split_once('|')?;
    Some(Carried {
        code: Zeroizing::new(code.to_owned()),
        urgent: urgent == "1",
    })
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
    let carried = Carried {
        code: Zeroizing::new(code.expose_secret().to_owned()),
        urgent,
    };
    render(state, page, &carried, None)
}

/// What a report sealed on the device carries to its receipt page: the code and its urgency,
/// sealed as the page's own check carries them, so the code is never in a URL.
pub fn carrier(state: &AppState, code: &SecretString, urgent: bool) -> Option<String> {
    seal(
        state,
        &Carried {
            code: Zeroizing::new(code.expose_secret().to_owned()),
            urgent,
        },
    )
}

/// A posted receipt form's fields, and the page in the language it names.
async fn posted(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<(std::collections::HashMap<String, String>, Page), PageError> {
    let fail = |f| PageError::new(f, state.page(req, None, "/"));
    body::require_content_type(req, "application/x-www-form-urlencoded").map_err(fail)?;
    let bytes = body::read(req, payload, state.max_body_bytes)
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
