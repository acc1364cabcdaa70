//! Filing on a caller's behalf (issue 18, item 4): hotline staff open the reporter's own form
//! (`web::shared::report_form`, the same fields and parser) inside the workspace, in the caller's
//! language, every consent unticked until the caller says yes; the report goes through the same
//! intake as any other, with a sealed mark that hotline staff filed it; the receipt code is shown
//! on the answer page only, to be read to the caller, and is kept nowhere.
//!
//! A coordinator grants and revokes the capability from the member list (`set_hotline`).

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::ExposeSecret;

use super::forms::{checked_form, fail, redirect};
use super::session::{csrf_ok, principal};
use super::workspace::{workspace_refusal, workspace_with};
use crate::domain::{FieldErrors, Filing, Report};
use crate::locale::Tr;
use crate::triage::Priority;
use crate::trust::accounts::Principal;
use crate::trust::{hotline, WorkspaceError};
use crate::web::shared::assets;
use crate::web::shared::body::{self, fields};
use crate::web::shared::error::Failure;
use crate::web::shared::metrics::{Channel, Reason};
use crate::web::shared::once::{OnceTokens, Spend};
use crate::web::shared::page::{html, query, PageError};
use crate::web::shared::report_form::{self, FormView};
use crate::web::shared::state::AppState;

/// A language the caller may be spoken to in, named in itself.
struct Language {
    tag: &'static str,
    name: String,
    chosen: bool,
}

#[derive(Template)]
#[template(path = "hotline.html")]
struct FilingPage {
    /// The staff member's words: the page around the form.
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    languages: Vec<Language>,
    /// The caller's language: the form's labels, hints and errors, read out to them.
    caller_lang: &'static str,
    form: FormView,
    choose: String,
    desk_note: String,
    /// Why the filing was not taken, above the form (a limit, a failure), in the caller's words.
    notice: Option<String>,
    /// What the staff member must know first (filed already, sent from elsewhere), in theirs.
    staff_notice: Option<String>,
    /// The filing's token: the one report this page's form files (`web::shared::once`).
    filing: String,
}

#[derive(Template)]
#[template(path = "hotline_filed.html")]
struct FiledPage {
    tr: Tr,
    stylesheet: &'static str,
    caller_lang: &'static str,
    code: String,
    /// The reporter's own receipt words, in the caller's language, to read with the code.
    warning: String,
    next: String,
    urgent: Option<String>,
}

/// The page of the form, in the staff member's language around the caller's.
fn filing_page(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    caller: Option<&str>,
    (answers, errors): (&HashMap<String, Vec<String>>, &FieldErrors),
    (notice, staff_notice): (Option<&str>, Option<&str>),
    filing: String,
) -> FilingPage {
    let tr = state.staff_tr(req, who);
    // The caller's language is chosen on the page, never guessed from the staff member's browser.
    let caller = state.tr(req, Some(caller.unwrap_or(tr.lang)));
    let languages = state
        .catalogs
        .languages()
        .map(|tag| Language {
            tag,
            name: state.catalogs.text(tag, "lang-name", None),
            chosen: tag == caller.lang,
        })
        .collect();
    FilingPage {
        csrf: who.csrf.clone(),
        languages,
        caller_lang: caller.lang,
        form: FormView::build(&caller, answers, errors),
        choose: caller.t("form-choose"),
        desk_note: caller.t("form-desk-note"),
        notice: notice.map(|code| caller.error(code)),
        staff_notice: staff_notice.map(|key| tr.t(key)),
        filing,
        stylesheet: assets::STYLESHEET_PATH,
        tr,
    }
}

/// The person behind the request, if they may file for callers; `Err(response)` (the login, or
/// the workspace saying why not) otherwise.
async fn hotline_staff(
    state: &AppState,
    req: &HttpRequest,
) -> Result<Result<Principal, HttpResponse>, PageError> {
    let Some(who) = principal(state, req)
        .await
        .map_err(|f| fail(state, req, f))?
    else {
        return Ok(Err(redirect("/login")));
    };
    match hotline::may_file(&state.intake.store, &who).await {
        Ok(()) => Ok(Ok(who)),
        Err(e @ WorkspaceError::Forbidden) => Ok(Err(workspace_refusal(
            state,
            req,
            &who,
            e,
            "staff-hotline-not-granted",
        )
        .await?)),
        Err(e) => Err(fail(state, req, e)),
    }
}

#[tracing::instrument(skip_all)]
pub async fn filing_form(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    let who = match hotline_staff(&state, &req).await? {
        Ok(who) => who,
        Err(refused) => return Ok(refused),
    };
    let q = query(&req);
    // Every consent unticked, and nothing else answered: the caller says it all.
    let shown = filing_page(
        &state,
        &req,
        &who,
        q.get("caller").map(String::as_str),
        (&HashMap::new(), &FieldErrors::default()),
        (None, None),
        OnceTokens::issue(),
    );
    Ok(html(StatusCode::OK, shown.render()))
}

/// Gives the form's token back after a filing that did not happen. Should that fail too, the
/// form says "filed already" when sent again, with its answers kept and a fresh token.
async fn give_back(state: &AppState, token: &str) {
    if let Err(e) = state.filings.unspend(token).await {
        tracing::warn!(error = %e, "a filing's token was not given back");
    }
}

#[tracing::instrument(skip_all)]
pub async fn file(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    body::require_content_type(&req, "application/x-www-form-urlencoded")
        .map_err(|f| fail(&state, &req, f))?;
    // Who sends it first: nobody else's body is read at all.
    let who = match hotline_staff(&state, &req).await? {
        Ok(who) => who,
        Err(refused) => return Ok(refused),
    };
    // What the caller said is in this body: read into memory that is wiped when dropped.
    let bytes = body::read_wiped(&req, payload, state.max_body_bytes)
        .await
        .map_err(|f| fail(&state, &req, f))?;
    let page_fields = fields(&bytes);
    if !csrf_ok(&who, &page_fields) {
        return Err(fail(&state, &req, Failure::Forbidden));
    }
    let caller = page_fields.get("lang").cloned();
    let posted = report_form::decode(&bytes);
    // The form's own token while it is one this server issued; a fresh one otherwise.
    let token = page_fields.get("filing").cloned().unwrap_or_default();
    let again = |errors: &FieldErrors, status: StatusCode, notice: Option<&str>| {
        let shown = filing_page(
            &state,
            &req,
            &who,
            caller.as_deref(),
            (&posted.answers, errors),
            (notice, None),
            token.clone(),
        );
        html(status, shown.render())
    };
    // Counted as any submission from this source, and in the listener's ceiling: a hotline
    // account, stolen or misused, floods no faster than any sender may.
    let listener = match state.admit_submission(&req) {
        Ok(listener) => listener,
        Err(failure) => {
            let mut response = again(
                &FieldErrors::default(),
                failure.status(),
                Some(failure.code()),
            );
            crate::web::shared::error::retry_after(&mut response, failure);
            return Ok(response);
        }
    };
    let refused = |reason| state.metrics.refused(listener, reason);
    let report = match posted.input.and_then(Report::parse) {
        Ok(report) => report,
        Err(errors) => {
            refused(Reason::of_fields(&errors));
            return Ok(again(&errors, StatusCode::UNPROCESSABLE_ENTITY, None));
        }
    };
    let spent = state
        .filings
        .spend(&token)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    match spent {
        Spend::Fresh => {}
        // Reloaded, or sent twice (a double click, whose first answer the browser never
        // shows): the report was filed, and its code shown once or not at all. The answers
        // stay, with a new token, so that filing again with the caller is one click they
        // choose to make.
        Spend::Spent => {
            let shown = filing_page(
                &state,
                &req,
                &who,
                caller.as_deref(),
                (&posted.answers, &FieldErrors::default()),
                (None, Some("staff-hotline-already-filed")),
                OnceTokens::issue(),
            );
            return Ok(html(StatusCode::CONFLICT, shown.render()));
        }
        Spend::Malformed => {
            let shown = filing_page(
                &state,
                &req,
                &who,
                caller.as_deref(),
                (&posted.answers, &FieldErrors::default()),
                (None, Some("staff-hotline-resend")),
                OnceTokens::issue(),
            );
            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, shown.render()));
        }
    }
    if let Err(e) = hotline::record_filing(&state.accounts.audit, &who).await {
        give_back(&state, &token).await;
        return Err(fail(&state, &req, e));
    }
    let receipt = match state.intake.submit_filed(report, Filing::Hotline).await {
        Ok(receipt) => receipt,
        Err(e) => {
            give_back(&state, &token).await;
            // Nothing was stored: said above the form, every answer kept.
            let failure = Failure::from(e);
            refused(Reason::from(failure));
            let mut response = again(
                &FieldErrors::default(),
                failure.status(),
                Some(failure.code()),
            );
            crate::web::shared::error::retry_after(&mut response, failure);
            return Ok(response);
        }
    };
    state.metrics.accepted(listener, Channel::Form);
    let tr = state.staff_tr(&req, &who);
    let caller = state.tr(&req, caller.as_deref().or(Some(tr.lang)));
    let shown = FiledPage {
        caller_lang: caller.lang,
        code: receipt.code.expose_secret().to_owned(),
        warning: caller.t("receipt-warning"),
        next: caller.t("receipt-next"),
        urgent: (receipt.priority == Priority::Critical).then(|| caller.t("receipt-priority")),
        tr,
        stylesheet: assets::STYLESHEET_PATH,
    };
    let mut response = html(StatusCode::OK, shown.render());
    // Shown once: no cache, no history copy to come back to.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

/// A coordinator grants (`allow=yes`) or revokes hotline filing for a member.
#[tracing::instrument(skip_all)]
pub async fn set_hotline(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let allow = match form.get("allow").map(String::as_str) {
        Some("yes") => true,
        Some("no") => false,
        _ => return Err(fail(&state, &req, Failure::Unprocessable)),
    };
    match hotline::set(state.chain(), &state.accounts.audit, &who, &account, allow).await {
        Ok(()) => {
            let key = if allow {
                "staff-hotline-granted"
            } else {
                "staff-hotline-revoked"
            };
            let message = state.staff_tr(&req, &who).t(key);
            workspace_with(&state, &req, &who, None, Some(message)).await
        }
        Err(e @ (WorkspaceError::Forbidden | WorkspaceError::Uncertified(_))) => {
            workspace_refusal(&state, &req, &who, e, "staff-hotline-refused").await
        }
        Err(e) => Err(fail(&state, &req, e)),
    }
}
