//! Home, the report form and the receipt.

use std::collections::HashMap;

use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::form::{self, FormView};
use crate::domain::{FieldErrors, Report};
use crate::triage::Priority;
use crate::web::shared::error::Failure;
use crate::web::shared::metrics::{Channel, Reason};
use crate::web::shared::page::{html, query, Page, PageError};
use crate::web::shared::state::AppState;
use crate::web::shared::{body, upload};

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportForm {
    page: Page,
    heading: String,
    choose: String,
    form: FormView,
    file_error: Option<String>,
    /// Said above the form instead of "some answers need attention": why it was not taken.
    notice: Option<String>,
    script: &'static str,
    integrity: &'static str,
}

#[tracing::instrument(skip_all)]
pub async fn home(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let q = query(&req);
    let page = state.page(&req, q.get("lang").map(String::as_str), "/");
    html(actix_web::http::StatusCode::OK, Home { page }.render())
}

fn render_form(
    state: &AppState,
    req: &HttpRequest,
    chosen_lang: Option<&str>,
    answers: &HashMap<String, Vec<String>>,
    errors: &FieldErrors,
    status: actix_web::http::StatusCode,
    refusal: Option<Failure>,
) -> HttpResponse {
    let page = state.page(req, chosen_lang, "/report");
    let relation = answers
        .get("reporter.relation")
        .and_then(|v| v.first())
        .map(String::as_str);
    let heading = page.tr.t(match relation {
        None | Some("self") => "form-heading-self",
        Some(_) => "form-heading-other",
    });
    let form = FormView::build(&page.tr, answers, errors);
    let choose = page.tr.t("form-choose");
    let file_error = errors
        .0
        .iter()
        .find(|e| e.field == "attachments")
        .map(|e| page.tr.error(e.code));
    // The hidden field filled in, or a limit: said plainly, with the answers kept.
    let notice = if errors.0.iter().any(|e| e.field == form::HONEYPOT) {
        Some(page.tr.error("honeypot"))
    } else {
        refusal.map(|failure| page.tr.error(failure.code()))
    };
    let mut response = html(
        status,
        ReportForm {
            page,
            heading,
            choose,
            form,
            file_error,
            notice,
            script: crate::web::shared::assets::SEAL_SCRIPT_PATH,
            integrity: crate::web::shared::assets::seal_script_integrity(),
        }
        .render(),
    );
    response.headers_mut().insert(
        actix_web::http::header::CONTENT_SECURITY_POLICY,
        actix_web::http::header::HeaderValue::from_static(
            crate::web::shared::assets::REPORT_FORM_POLICY,
        ),
    );
    if let Some(failure) = refusal {
        crate::web::shared::error::retry_after(&mut response, failure);
    }
    response
}

#[tracing::instrument(skip_all)]
pub async fn report_form(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let q = query(&req);
    let mut answers = HashMap::new();
    let relation = if q.get("as").map(String::as_str) == Some("other") {
        "family"
    } else {
        "self"
    };
    answers.insert("reporter.relation".to_owned(), vec![relation.to_owned()]);
    render_form(
        &state,
        &req,
        q.get("lang").map(String::as_str),
        &answers,
        &FieldErrors::default(),
        actix_web::http::StatusCode::OK,
        None,
    )
}

/// The report form's body: the text fields, and with `multipart/form-data` the files too.
async fn read_form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<(form::Posted, Option<upload::Posted>), Failure> {
    if upload::is_multipart(req) {
        let uploaded = upload::read(
            req,
            payload,
            state.max_body_bytes,
            &state.attachments,
            &state.uploads,
        )
        .await?;
        Ok((form::decode(&uploaded.urlencoded()), Some(uploaded)))
    } else {
        body::require_content_type(req, "application/x-www-form-urlencoded")?;
        let bytes = body::read(req, payload, state.max_body_bytes).await?;
        Ok((form::decode(&bytes), None))
    }
}

/// A submission turned away by a limit. A body small enough to hold only text is read, so the
/// form comes back as typed with the refusal said above it; a larger one (files) is not read at
/// all, and gets the error page: a flood must not cost the server its upload memory.
async fn refused_form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
    failure: Failure,
) -> Result<HttpResponse, PageError> {
    let small = body::declared_length(req).is_some_and(|n| n <= state.max_body_bytes);
    let posted = if small {
        read_form(state, req, payload).await.ok()
    } else {
        None
    };
    let Some((posted, _)) = posted else {
        return Err(PageError::new(failure, state.page(req, None, "/")));
    };
    let lang = posted.answers.get("lang").and_then(|v| v.first()).cloned();
    Ok(render_form(
        state,
        req,
        lang.as_deref(),
        &posted.answers,
        &FieldErrors::default(),
        failure.status(),
        Some(failure),
    ))
}

#[tracing::instrument(skip_all)]
pub async fn submit_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let fail = |failure, lang: Option<&str>| PageError::new(failure, state.page(&req, lang, "/"));
    let listener = match state.admit_submission(&req) {
        Ok(listener) => listener,
        Err(failure) => return refused_form(&state, &req, payload, failure).await,
    };
    let refused = |reason| state.metrics.refused(listener, reason);
    let (posted, uploaded) = read_form(&state, &req, payload).await.map_err(|f| {
        refused(Reason::from(f));
        fail(f, None)
    })?;
    let lang = posted.answers.get("lang").and_then(|v| v.first()).cloned();
    let again = |errors: &FieldErrors, status| {
        render_form(
            &state,
            &req,
            lang.as_deref(),
            &posted.answers,
            errors,
            status,
            None,
        )
    };
    let unprocessable = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
    let filled = |name: &str| {
        posted
            .answers
            .get(name)
            .is_some_and(|v| v.iter().any(|v| !v.is_empty()))
    };
    if filled(form::HONEYPOT) {
        // Refused openly, never with a fake receipt, and counted; the form comes back as sent.
        refused(Reason::Honeypot);
        tracing::info!("a report was refused: the hidden field was filled in");
        let mut errors = FieldErrors::default();
        errors.push(form::HONEYPOT, "honeypot");
        return Ok(again(&errors, unprocessable));
    }
    let mut report = match posted.input.and_then(Report::parse) {
        Ok(report) => report,
        Err(errors) => {
            refused(Reason::of_fields(&errors));
            return Ok(again(&errors, unprocessable));
        }
    };
    let uploaded = uploaded.unwrap_or_default();
    let mut errors = FieldErrors::default();
    if !uploaded.too_large.is_empty() {
        refused(Reason::TooLarge);
        errors.push("attachments", "file_too_large");
        return Ok(again(
            &errors,
            actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
        ));
    }
    if !uploaded.too_many.is_empty() {
        refused(Reason::Attachment);
        errors.push("attachments", "file_too_many");
        return Ok(again(&errors, unprocessable));
    }
    let cleaned = match upload::clean(uploaded.files, state.attachments.max_pixels).await {
        Ok(cleaned) => cleaned,
        Err((_, refusal)) => {
            refused(Reason::Attachment);
            errors.push("attachments", refusal.code());
            return Ok(again(&errors, unprocessable));
        }
    };
    let use_location = posted
        .answers
        .get("use_location")
        .is_some_and(|v| v.iter().any(|v| v == "on"));
    let files = crate::reporting::attachments::use_positions(
        &mut report,
        cleaned.into_iter().map(|f| (f, use_location)).collect(),
    );
    let receipt = state
        .intake
        .submit_with(report, &files)
        .await
        .map_err(|e| {
            let failure = Failure::from(e);
            refused(Reason::from(failure));
            fail(failure, lang.as_deref())
        })?;
    state.metrics.accepted(listener, Channel::Form);
    let page = state.page(&req, lang.as_deref(), "/");
    Ok(super::receipt::show(
        &state,
        page,
        &receipt.code,
        receipt.priority == Priority::Critical,
    ))
}

#[tracing::instrument(skip_all)]
pub async fn not_found(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    Err(PageError::new(
        Failure::NotFound,
        state.page(&req, None, "/"),
    ))
}
