//! What every staff page does: redirect, answer a failure as a page, read a posted form with
//! the session and its CSRF token checked; and the page shown once after an enrolment or a reset.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::ExposeSecret;

use super::session::{csrf_ok, principal};
use crate::locale::Tr;
use crate::trust::accounts::Principal;
use crate::web::shared::assets;
use crate::web::shared::body;
use crate::web::shared::body::{fields, Fields};
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

pub(super) fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_owned()))
        .finish()
}

/// A failure answered as a page; its status is the one `web::shared::error` gives it.
pub(super) fn fail(state: &AppState, req: &HttpRequest, failure: impl Into<Failure>) -> PageError {
    PageError::new(failure, state.page(req, None, "/"))
}

/// A posted form, read and decoded into memory that is wiped when it is dropped: staff forms
/// carry passwords, recovery keys and queues' private keys.
pub(super) async fn form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Fields, PageError> {
    body::require_content_type(req, "application/x-www-form-urlencoded")
        .map_err(|f| fail(state, req, f))?;
    let bytes = body::read_wiped(req, payload, state.max_body_bytes)
        .await
        .map_err(|f| fail(state, req, f))?;
    Ok(fields(&bytes))
}

/// A logged-in person and their form, with the CSRF token checked; `Err(response)` otherwise.
pub(super) async fn checked_form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Result<(Principal, Fields), HttpResponse>, PageError> {
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

#[derive(Template)]
#[template(path = "enrolled.html")]
pub(super) struct Enrolled {
    tr: Tr,
    stylesheet: &'static str,
    totp_secret: String,
    totp_url: String,
    /// The otpauth URL as an inline SVG QR code (no image request, no script).
    totp_qr: String,
    recovery_key: String,
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
    html(StatusCode::OK, page.render())
}

/// A QR code of `text` as an inline SVG element; empty if the text does not fit one.
pub(super) fn qr_svg(text: &str) -> String {
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
