//! The follow-up pages: the receipt code opens a visit; the visit's token rides in its forms.
//! Within a visit the reporter reads the status and the replies, adds to the report, changes how
//! to be reached, gives or withdraws each consent on its own, or withdraws the report. Nothing on
//! these pages shows what the reporter sent or chose.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};

use crate::domain::{Addition, Consent, ContactChange, FieldErrors};
use crate::reporting::followup::{FollowupError, Visit};
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, Page, PageError};
use crate::web::shared::report_form::{self as form, SectionView};
use crate::web::shared::state::AppState;
use crate::web::shared::throttle::limit_source;
use crate::web::shared::{body, upload};

#[derive(Template)]
#[template(path = "followup.html")]
struct CodeForm {
    page: Page,
    error: Option<String>,
    notice: Option<String>,
}

#[derive(Template)]
#[template(path = "thread.html")]
struct ThreadPage {
    page: Page,
    token: String,
    status: String,
    messages: Vec<(String, String)>,
    /// What the last action did, in words.
    notice: Option<String>,
    choose: String,
    message: String,
    message_error: Option<String>,
    more: SectionView,
    file_error: Option<String>,
    attach_again: Option<String>,
    contact: SectionView,
    /// Each consent's name and what it lets happen, with its own allow and stop actions. Never
    /// what the reporter chose: whoever forces the code out of a victim must not learn whether
    /// the victim asked for the police or the consulate.
    consents: Vec<(&'static str, String)>,
    consent_error: Option<String>,
    withdraw_error: Option<String>,
}

/// What the reporter posted, kept to show again beside its problems.
#[derive(Default)]
struct Outcome {
    answers: HashMap<String, Vec<String>>,
    errors: FieldErrors,
    notice: Option<&'static str>,
    /// A file over its limit is a 413, the rest of the page as it was.
    too_large: bool,
    /// The upload budget was spent: a 503 with Retry-After, the rest of the page as it was.
    busy: bool,
    /// The file came too slowly and was not taken: a 408, the visit going on.
    timed_out: bool,
    /// A file came with the refused form: the page says to attach it again.
    files_sent: bool,
}

impl Outcome {
    fn done(notice: &'static str) -> Outcome {
        Outcome {
            notice: Some(notice),
            ..Outcome::default()
        }
    }

    /// The form back as it was posted, with its problems.
    fn refused(answers: HashMap<String, Vec<String>>, errors: FieldErrors) -> Outcome {
        Outcome {
            answers,
            errors,
            ..Outcome::default()
        }
    }
}

/// A failure answered as the follow-up page's frame.
fn failed(state: &AppState, req: &HttpRequest, failure: impl Into<Failure>) -> PageError {
    PageError::new(failure, state.page(req, None, "/followup"))
}

#[tracing::instrument(skip_all)]
pub async fn code_form(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let page = CodeForm {
        page: state.page(&req, None, "/followup"),
        error: None,
        notice: None,
    };
    html(StatusCode::OK, page.render())
}

async fn posted(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<form::Posted, PageError> {
    let fail = |f: Failure| failed(state, req, f);
    body::require_content_type(req, "application/x-www-form-urlencoded").map_err(fail)?;
    let bytes = body::read(req, payload, state.max_body_bytes)
        .await
        .map_err(fail)?;
    Ok(form::decode(&bytes))
}

fn first<'a>(answers: &'a HashMap<String, Vec<String>>, name: &str) -> &'a str {
    answers
        .get(name)
        .and_then(|v| v.first())
        .map_or("", String::as_str)
}

fn checked(answers: &HashMap<String, Vec<String>>, name: &str) -> bool {
    matches!(first(answers, name), "on" | "true" | "1" | "yes")
}

async fn thread_page(
    state: &AppState,
    req: &HttpRequest,
    visit: &Visit,
    outcome: Outcome,
) -> Result<HttpResponse, PageError> {
    let lang = outcome.answers.get("lang").and_then(|v| v.first()).cloned();
    let mut page = state.page(req, lang.as_deref(), "/followup");
    page.visit = Some(visit.token.expose_secret().to_owned());
    let (status, messages) = state
        .followup()
        .thread(visit)
        .await
        .map_err(|e| failed(state, req, e))?;
    let tr = &page.tr;
    let errors = &outcome.errors;
    let field_error = |name: &str| {
        errors
            .0
            .iter()
            .find(|e| e.field == name)
            .map(|e| tr.error(e.code))
    };
    let shown = ThreadPage {
        status: tr.t(&format!("followup-status-{}", status.code())),
        messages: messages
            .into_iter()
            .map(|m| (tr.date_time(m.at), m.text))
            .collect(),
        token: visit.token.expose_secret().to_owned(),
        notice: outcome.notice.map(|key| tr.t(key)),
        choose: tr.t("form-choose"),
        message: first(&outcome.answers, "narrative").to_owned(),
        message_error: field_error("narrative"),
        more: SectionView::addition(tr, &outcome.answers, errors),
        contact: SectionView::contact(tr, &outcome.answers, errors),
        consents: Consent::ALL
            .into_iter()
            .map(|c| (c.as_str(), tr.t(&format!("field-consent-{c}"))))
            .collect(),
        consent_error: field_error("consent"),
        withdraw_error: field_error("confirm"),
        file_error: field_error("file"),
        attach_again: outcome.files_sent.then(|| tr.t("form-attach-again")),
        page,
    };
    let code = if outcome.busy {
        StatusCode::SERVICE_UNAVAILABLE
    } else if outcome.timed_out {
        StatusCode::REQUEST_TIMEOUT
    } else if outcome.too_large {
        StatusCode::PAYLOAD_TOO_LARGE
    } else if outcome.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut response = html(code, shown.render());
    if outcome.busy {
        crate::web::shared::error::retry_after(&mut response, Failure::Unavailable);
    }
    Ok(response)
}

/// The code opens a visit, or the form comes back saying only that it opened nothing.
#[tracing::instrument(skip_all)]
pub async fn open(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = posted(&state, &req, payload).await?;
    // The source address goes only to the throttle, which keys it by an in-memory HMAC.
    if !state
        .code_throttle
        .allow(limit_source(&req, &state.trusted_proxies))
    {
        return Err(PageError::new(
            Failure::TooManyRequests,
            state.page(&req, None, "/followup"),
        ));
    }
    let code = SecretString::from(first(&form.answers, "code").to_owned());
    let lang = form.answers.get("lang").cloned();
    let chosen = lang.as_ref().and_then(|l| l.first()).map(String::as_str);
    let refused = |key: &str| {
        let page = state.page(&req, chosen, "/followup");
        let error = Some(page.tr.t(key));
        html(
            StatusCode::UNPROCESSABLE_ENTITY,
            CodeForm {
                page,
                error,
                notice: None,
            }
            .render(),
        )
    };
    match state.followup().open(code.expose_secret()).await {
        Ok(Some(visit)) => {
            let mut outcome = Outcome::default();
            if let Some(lang) = lang.clone() {
                outcome.answers.insert("lang".into(), lang);
            }
            thread_page(&state, &req, &visit, outcome).await
        }
        Ok(None) => Ok(refused("followup-no-match")),
        Err(FollowupError::Field(code)) => Ok(refused(&format!("error-{code}"))),
        Err(e) => Err(failed(&state, &req, e)),
    }
}

/// The visit a posted form belongs to, or the code form again once it has expired.
async fn resume(
    state: &AppState,
    req: &HttpRequest,
    form: &form::Posted,
) -> Result<Result<Visit, HttpResponse>, PageError> {
    let token = first(&form.answers, "visit");
    match state.followup().resume(token).await {
        Ok(Some(visit)) => Ok(Ok(visit)),
        // Expired, withdrawn or forged: ask for the code again, without saying which.
        Ok(None) => Ok(Err(code_again(state, req))),
        Err(e) => Err(failed(state, req, e)),
    }
}

/// The code form, saying the visit is over (expired, spent, withdrawn or forged alike).
fn code_again(state: &AppState, req: &HttpRequest) -> HttpResponse {
    let page = state.page(req, None, "/followup");
    let error = Some(page.tr.t("followup-expired"));
    html(
        StatusCode::UNPROCESSABLE_ENTITY,
        CodeForm {
            page,
            error,
            notice: None,
        }
        .render(),
    )
}

/// Runs one action of a visit and shows the thread again with what it did or what was wrong.
async fn within_visit<F, Fut>(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
    act: F,
) -> Result<HttpResponse, PageError>
where
    F: FnOnce(web::Data<AppState>, Visit, form::Posted) -> Fut,
    Fut: std::future::Future<Output = Result<(Visit, Outcome), FollowupError>>,
{
    let form = posted(&state, &req, payload).await?;
    let visit = match resume(&state, &req, &form).await? {
        Ok(visit) => visit,
        Err(expired) => return Ok(expired),
    };
    let lang = form.answers.get("lang").cloned();
    match act(state.clone(), visit, form).await {
        Ok((visit, mut outcome)) => {
            if let Some(lang) = lang {
                outcome.answers.insert("lang".into(), lang);
            }
            thread_page(&state, &req, &visit, outcome).await
        }
        Err(FollowupError::VisitEnded) => Ok(code_again(&state, &req)),
        Err(e) => Err(failed(&state, &req, e)),
    }
}

/// The thread again, in the language the reporter chose from the switch.
#[tracing::instrument(skip_all)]
pub async fn view(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    within_visit(state, req, payload, |_, visit, _| async move {
        Ok((visit, Outcome::default()))
    })
    .await
}

/// A message or more details, sealed to the NGO queues holding the report.
#[tracing::instrument(skip_all)]
pub async fn message(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    within_visit(state, req, payload, |state, visit, form| async move {
        let parsed = form.input.and_then(Addition::parse);
        let outcome = match parsed {
            Ok(addition) => {
                state.followup().add(&visit, &addition).await?;
                Outcome::done("followup-sent")
            }
            Err(errors) => Outcome::refused(form.answers, errors),
        };
        Ok((visit, outcome))
    })
    .await
}

/// A file, cleaned and sealed to the NGO queues holding the report. The visit is the form's
/// first field and is checked before a byte of the file is read: without a live visit the
/// answer comes at once, and nothing of the upload budget is held. Whatever refuses the file
/// (a slow link that did not bring it in time included), the page comes back with the visit
/// going on and a word to attach it again.
#[tracing::instrument(skip_all)]
pub async fn attach(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let fail = |f: Failure| PageError::new(f, state.page(&req, None, "/followup"));
    let mut reader = upload::Reader::new(
        &req,
        payload,
        state.max_body_bytes,
        &state.attachments,
        &state.uploads,
        upload::source(&state, &req),
    )
    .map_err(fail)?;
    let token = SecretString::from(
        reader
            .text_first()
            .await
            .map_err(fail)?
            .field("visit")
            .unwrap_or_default()
            .to_owned(),
    );
    let visit = match state.followup().resume(token.expose_secret()).await {
        Ok(Some(visit)) => visit,
        // Expired, withdrawn, forged or missing: the rest of the body is never read.
        Ok(None) => return Ok(code_again(&state, &req)),
        Err(e) => return Err(failed(&state, &req, e)),
    };
    let posted = reader.rest(upload::Files::Keep).await.map_err(fail)?;
    let form = form::decode(&posted.urlencoded());
    let use_location = checked(&form.answers, "use_location");
    let mut errors = FieldErrors::default();
    let too_large = !posted.too_large.is_empty() || posted.cut == Some(Failure::TooLarge);
    let timed_out = posted.cut == Some(Failure::TimedOut);
    if timed_out {
        // A slow link's file, or a stall: the visit goes on, with what to do about the file.
        errors.push("file", "files_late");
    } else if posted.busy {
        errors.push("file", "uploads_busy");
    } else if too_large {
        errors.push("file", "file_too_large");
    } else if !posted.too_many.is_empty() {
        errors.push("file", "file_too_many");
    } else if posted.files.is_empty() {
        errors.push("file", "required");
    }
    if errors.is_empty() {
        match upload::clean(posted.files, state.attachments.max_pixels).await {
            Ok(cleaned) => state
                .followup()
                .attach(&visit, &cleaned, use_location)
                .await
                .map_err(|e| failed(&state, &req, e))?,
            Err((_, refusal)) => errors.push("file", refusal.code()),
        }
    }
    let outcome = if errors.is_empty() {
        Outcome::done("followup-file-sent")
    } else {
        Outcome {
            answers: form.answers,
            errors,
            too_large,
            timed_out,
            // Cut short, the file was not refused for the budget, whatever came before.
            busy: posted.busy && !timed_out,
            files_sent: posted.files_sent,
            ..Outcome::default()
        }
    };
    thread_page(&state, &req, &visit, outcome).await
}

/// A new way to be reached.
#[tracing::instrument(skip_all)]
pub async fn contact(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    within_visit(state, req, payload, |state, visit, form| async move {
        let answers = form.answers;
        let change = ContactChange::parse(
            first(&answers, "reporter.contact"),
            checked(&answers, "reporter.no_contact"),
        );
        let outcome = match change {
            Ok(change) => {
                state.followup().change_contact(&visit, &change).await?;
                Outcome::done("followup-contact-saved")
            }
            Err(errors) => Outcome::refused(answers, errors),
        };
        Ok((visit, outcome))
    })
    .await
}

/// One consent given or withdrawn, named by the form's `consent`. Whether or not it changes
/// anything, the same work is done and the page comes back the same.
async fn set_consent(
    state: web::Data<AppState>,
    visit: Visit,
    form: form::Posted,
    given: bool,
) -> Result<(Visit, Outcome), FollowupError> {
    let answers = form.answers;
    let Some(consent) = Consent::parse(first(&answers, "consent")) else {
        let mut errors = FieldErrors::default();
        errors.push("consent", "invalid_value");
        return Ok((visit, Outcome::refused(answers, errors)));
    };
    state.followup().set_consent(&visit, consent, given).await?;
    Ok((visit, Outcome::done("followup-consents-saved")))
}

/// Gives one consent.
#[tracing::instrument(skip_all)]
pub async fn allow_consent(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    within_visit(state, req, payload, |state, visit, form| {
        set_consent(state, visit, form, true)
    })
    .await
}

/// Withdraws one consent.
#[tracing::instrument(skip_all)]
pub async fn stop_consent(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    within_visit(state, req, payload, |state, visit, form| {
        set_consent(state, visit, form, false)
    })
    .await
}

/// Withdraws the report, once the reporter has ticked that they mean it.
#[tracing::instrument(skip_all)]
pub async fn withdraw(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = posted(&state, &req, payload).await?;
    let visit = match resume(&state, &req, &form).await? {
        Ok(visit) => visit,
        Err(expired) => return Ok(expired),
    };
    if !checked(&form.answers, "confirm") {
        let mut errors = FieldErrors::default();
        errors.push("confirm", "required");
        let outcome = Outcome::refused(form.answers, errors);
        return thread_page(&state, &req, &visit, outcome).await;
    }
    state
        .followup()
        .withdraw(&visit, state.followup.withdrawal_grace_days)
        .await
        .map_err(|e| failed(&state, &req, e))?;
    let lang = first(&form.answers, "lang");
    let page = state.page(&req, Some(lang), "/followup");
    let notice = Some(page.tr.t("followup-withdrawn"));
    let shown = CodeForm {
        page,
        error: None,
        notice,
    };
    Ok(html(StatusCode::OK, shown.render()))
}
