//! The follow-up page: the receipt code opens a visit; the visit's token rides in its forms.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};

use super::pages::{html, Page};
use crate::followup::{Followup, FollowupError, Visit};
use crate::web::error::{Failure, PageError};
use crate::web::staff::fields;
use crate::web::{body, AppState};

#[derive(Template)]
#[template(path = "followup.html")]
struct CodeForm {
    page: Page,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "thread.html")]
struct ThreadPage {
    page: Page,
    token: String,
    status: String,
    messages: Vec<(String, String)>,
    sent: bool,
    message: String,
    error: Option<String>,
}

fn service(state: &AppState) -> Followup<'_> {
    Followup {
        store: &state.intake.store,
        kdf: &state.intake.kdf,
        receipt_kdf: state.intake.receipt_kdf,
        accounts: &state.accounts,
    }
}

fn failed(state: &AppState, req: &HttpRequest, e: FollowupError) -> PageError {
    tracing::error!(error = %e, "follow-up failed");
    PageError::new(Failure::Internal, state.page(req, None, "/followup"))
}

pub async fn code_form(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let page = CodeForm {
        page: state.page(&req, None, "/followup"),
        error: None,
    };
    html(StatusCode::OK, page.render())
}

async fn posted(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<std::collections::HashMap<String, String>, PageError> {
    let fail = |f| PageError::new(f, state.page(req, None, "/followup"));
    body::require_content_type(req, "application/x-www-form-urlencoded").map_err(fail)?;
    let bytes = body::read(req, payload, state.max_body_bytes)
        .await
        .map_err(fail)?;
    Ok(fields(&bytes))
}

async fn thread_page(
    state: &AppState,
    req: &HttpRequest,
    visit: &Visit,
    sent: bool,
    message: String,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let page = state.page(req, None, "/followup");
    let (status, messages) = service(state)
        .thread(visit)
        .await
        .map_err(|e| failed(state, req, e))?;
    let shown = ThreadPage {
        status: page.tr.t(&format!("followup-status-{}", status.code())),
        messages: messages
            .into_iter()
            .map(|m| (crate::web::staff::pages::utc(m.at), m.text))
            .collect(),
        token: visit.token.expose_secret().to_owned(),
        page,
        sent,
        message,
        error: error.clone(),
    };
    let code = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(code, shown.render()))
}

/// The code opens a visit, or the form comes back saying only that it opened nothing.
pub async fn open(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = posted(&state, &req, payload).await?;
    if !state.code_attempts.allow(req.peer_addr().map(|a| a.ip())) {
        return Err(PageError::new(
            Failure::TooManyRequests,
            state.page(&req, None, "/followup"),
        ));
    }
    let code = SecretString::from(form.get("code").cloned().unwrap_or_default());
    let refused = |key: &str| {
        let page = state.page(&req, None, "/followup");
        let error = Some(page.tr.t(key));
        html(
            StatusCode::UNPROCESSABLE_ENTITY,
            CodeForm { page, error }.render(),
        )
    };
    match service(&state).open(code.expose_secret()).await {
        Ok(Some(visit)) => thread_page(&state, &req, &visit, false, String::new(), None).await,
        Ok(None) => Ok(refused("followup-no-match")),
        Err(FollowupError::Field(code)) => Ok(refused(&format!("error-{code}"))),
        Err(e) => Err(failed(&state, &req, e)),
    }
}

/// A message from the reporter, within a visit.
pub async fn message(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = posted(&state, &req, payload).await?;
    let token = form.get("visit").cloned().unwrap_or_default();
    let text = form.get("message").cloned().unwrap_or_default();
    let followup = service(&state);
    let Some(visit) = followup
        .resume(&token)
        .await
        .map_err(|e| failed(&state, &req, e))?
    else {
        // The visit expired: ask for the code again, without saying more.
        let page = state.page(&req, None, "/followup");
        let error = Some(page.tr.t("followup-expired"));
        return Ok(html(
            StatusCode::UNPROCESSABLE_ENTITY,
            CodeForm { page, error }.render(),
        ));
    };
    match followup.add_message(&visit, &text).await {
        Ok(()) => thread_page(&state, &req, &visit, true, String::new(), None).await,
        Err(FollowupError::Field(code)) => {
            let error = Some(state.tr(&req, None).error(code));
            thread_page(&state, &req, &visit, false, text, error).await
        }
        Err(e) => Err(failed(&state, &req, e)),
    }
}
