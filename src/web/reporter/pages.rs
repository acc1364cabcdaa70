//! Home, the report form and the receipt.

use std::collections::HashMap;

use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::domain::{FieldErrors, Report};
use crate::triage::Priority;
use crate::web::shared::error::Failure;
use crate::web::shared::metrics::{Channel, Reason};
use crate::web::shared::page::{html, query, Page, PageError};
use crate::web::shared::report_form::{self as form, FormView};
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
    /// Said beside the file field when the form comes back after files were sent with it.
    attach_again: Option<String>,
    /// Said above the form instead of "some answers need attention": why it was not taken.
    notice: Option<String>,
    /// Said above the form when the body stopped before its end: later answers may be missing.
    answers_cut: Option<String>,
    script: &'static str,
    integrity: &'static str,
}

#[tracing::instrument(skip_all)]
pub async fn home(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let q = query(&req);
    let page = state.page(&req, q.get("lang").map(String::as_str), "/");
    html(actix_web::http::StatusCode::OK, Home { page }.render())
}

/// How the form comes back: its status, the refusal said above it (a limit, a failure) and in
/// which words if not the failure's own, whether the reporter had attached files, which a page
/// cannot hand back, and whether the body stopped before its end.
#[derive(Clone, Copy)]
struct Back {
    status: actix_web::http::StatusCode,
    refusal: Option<Failure>,
    /// An error code to say instead of the refusal's own.
    words: Option<&'static str>,
    files_sent: bool,
    partial: bool,
}

impl Back {
    fn with(status: actix_web::http::StatusCode, files_sent: bool) -> Back {
        Back {
            status,
            refusal: None,
            words: None,
            files_sent,
            partial: false,
        }
    }

    /// Turned away by `failure`, the form as read from `uploaded`.
    fn refused(failure: Failure, uploaded: &upload::Posted) -> Back {
        Back {
            status: failure.status(),
            refusal: Some(failure),
            words: None,
            files_sent: uploaded.files_sent,
            partial: uploaded.partial,
        }
    }
}

fn render_form(
    state: &AppState,
    req: &HttpRequest,
    chosen_lang: Option<&str>,
    answers: &HashMap<String, Vec<String>>,
    errors: &FieldErrors,
    back: Back,
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
    let attach_again = back.files_sent.then(|| page.tr.t("form-attach-again"));
    // The hidden field filled in, or a limit: said plainly, with the answers kept.
    let notice = if errors.0.iter().any(|e| e.field == form::HONEYPOT) {
        Some(page.tr.error("honeypot"))
    } else {
        back.refusal
            .map(|failure| page.tr.error(back.words.unwrap_or(failure.code())))
    };
    let answers_cut = back.partial.then(|| page.tr.t("form-answers-cut"));
    let mut response = html(
        back.status,
        ReportForm {
            page,
            heading,
            choose,
            form,
            file_error,
            attach_again,
            notice,
            answers_cut,
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
    let busy = (back.status == actix_web::http::StatusCode::SERVICE_UNAVAILABLE)
        .then_some(Failure::Unavailable);
    if let Some(failure) = back.refusal.or(busy) {
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
        Back::with(actix_web::http::StatusCode::OK, false),
    )
}

/// The report form's body: the text fields, and with `multipart/form-data` the files too, kept
/// or let go as `files` says.
async fn read_form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
    files: upload::Files,
) -> Result<(form::Posted, upload::Posted), Failure> {
    if upload::is_multipart(req) {
        let uploaded = upload::Reader::new(
            req,
            payload,
            state.max_body_bytes,
            &state.attachments,
            &state.uploads,
            upload::source(state, req),
        )?
        .rest(files)
        .await?;
        Ok((form::decode(&uploaded.urlencoded()), uploaded))
    } else {
        body::require_content_type(req, "application/x-www-form-urlencoded")?;
        let bytes = body::read(req, payload, state.max_body_bytes).await?;
        Ok((form::decode(&bytes), upload::Posted::default()))
    }
}

/// A submission turned away by a limit before its body is read. The body is read all the same
/// for its text, its files let go as they arrive without holding any memory (at most one file's
/// worth: past it the rest is not read, and the page says later answers may be missing), so the
/// form comes back as typed with the refusal said above it and a word to attach the files
/// again. Only a body that cannot be read (text too long, malformed) gets the error page.
async fn refused_form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
    failure: Failure,
) -> Result<HttpResponse, PageError> {
    let Ok((posted, uploaded)) = read_form(state, req, payload, upload::Files::Discard).await
    else {
        return Err(PageError::new(failure, state.page(req, None, "/")));
    };
    let lang = posted.answers.get("lang").and_then(|v| v.first()).cloned();
    Ok(render_form(
        state,
        req,
        lang.as_deref(),
        &posted.answers,
        &FieldErrors::default(),
        Back::refused(failure, &uploaded),
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
    let (posted, uploaded) = read_form(&state, &req, payload, upload::Files::Keep)
        .await
        .map_err(|f| {
            refused(Reason::from(f));
            fail(f, None)
        })?;
    let lang = posted.answers.get("lang").and_then(|v| v.first()).cloned();
    let files_sent = uploaded.files_sent;
    if let Some(cut) = uploaded.cut {
        // The body stopped coming (a slow link's photos, or a stall) or its files passed any
        // form's: the answers read until then come back, with what to do about the files.
        refused(Reason::from(cut));
        let mut back = Back::refused(cut, &uploaded);
        let mut errors = FieldErrors::default();
        if cut == Failure::TimedOut && files_sent {
            back.words = Some("files_late");
        } else if cut == Failure::TooLarge {
            back.refusal = None;
            errors.push("attachments", "file_too_large");
        }
        return Ok(render_form(
            &state,
            &req,
            lang.as_deref(),
            &posted.answers,
            &errors,
            back,
        ));
    }
    // From here on, whatever turns the report away brings the form back with every answer
    // kept, and a word to attach the files again if there were any.
    let again = |errors: &FieldErrors, status| {
        render_form(
            &state,
            &req,
            lang.as_deref(),
            &posted.answers,
            errors,
            Back::with(status, files_sent),
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
    let parsed = posted.input.and_then(Report::parse);
    if uploaded.busy {
        // The upload budget ran out while the files arrived: the text is all here, and any
        // problem in it is named beside its field as well.
        refused(Reason::Unavailable);
        let mut errors = parsed.err().unwrap_or_default();
        errors.push("attachments", "uploads_busy");
        return Ok(again(
            &errors,
            actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
        ));
    }
    let mut errors = FieldErrors::default();
    let mut report = match parsed {
        Ok(report) => report,
        Err(errors) => {
            refused(Reason::of_fields(&errors));
            return Ok(again(&errors, unprocessable));
        }
    };
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
    let receipt = match state.intake.submit_with(report, &files).await {
        Ok(receipt) => receipt,
        Err(e) => {
            // Nothing was stored (no desk, a full disk, ...): said above the form as typed.
            let failure = Failure::from(e);
            refused(Reason::from(failure));
            return Ok(render_form(
                &state,
                &req,
                lang.as_deref(),
                &posted.answers,
                &FieldErrors::default(),
                Back {
                    refusal: Some(failure),
                    ..Back::with(failure.status(), files_sent)
                },
            ));
        }
    };
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
