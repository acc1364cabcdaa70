//! A queue's entries and a report opened in the workspace: claim, release, status, replies and
//! notes, files downloaded.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::casefile::{self, CaseFile};
use super::forms::{checked_form, fail, redirect};
use super::session::principal;
use super::timeline::{self, Event, FileView};
use crate::casework::opening::OpenedItem;
use crate::casework::workspace::{self, EntryAction};
use crate::casework::{history, preview};
use crate::domain::workflow::{EntryStatus, Outcome};
use crate::domain::ItemKind;
use crate::locale::{args, Tr};
use crate::reporting::attachments::FileKind;
use crate::trust::accounts::{Principal, Role};
use crate::web::shared::assets;
use crate::web::shared::error::Failure;
use crate::web::shared::files::download;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

#[derive(Template)]
#[template(path = "report_view.html")]
pub(super) struct ReportView {
    tr: Tr,
    stylesheet: &'static str,
    queue: String,
    report_id: String,
    short_id: String,
    csrf: String,
    status: String,
    outcome: Option<String>,
    assignee: String,
    /// What the action that led here did.
    done: Option<String>,
    /// The triage in words.
    triage: Option<String>,
    /// Hotline staff filed it for a caller: one of them heard the receipt code.
    filed_by_hotline: bool,
    case: CaseFile,
    /// For an NGO entry: the latest projection, read the same way (a consular or police entry
    /// reads it as its case file).
    projection: Option<CaseFile>,
    files: Vec<FileView>,
    timeline: Vec<Event>,
    /// Claim: unassigned. Release: claimed by the reader, or by another for a coordinator.
    can_claim: bool,
    can_release: bool,
    next_statuses: Vec<(&'static str, String)>,
    outcomes: Vec<(&'static str, String)>,
    can_reply: bool,
    /// Withdrawn by the reporter: when, and when its keys go.
    withdrawn: Option<String>,
    /// Closed to this queue by a withdrawn consent: when, and that it reads only what it opened.
    /// Nothing can be done with the entry then, so no action is offered.
    closed: Option<String>,
    /// For a queue that reads the whole report: other queues' entries a withdrawn consent closed,
    /// and what became of what they never opened.
    closures: Vec<String>,
    /// Queues a referral could go to; whether it may is decided on posting.
    referable: Vec<String>,
    referral: ReferralForm,
}

pub(super) fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

#[tracing::instrument(skip_all)]
pub async fn report_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let (queue, report) = path.into_inner();
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    let form = ReferralForm {
        done: Done::from_query(req.query_string()),
        ..ReferralForm::default()
    };
    report_view(&state, &req, &who, &queue, &report, form).await
}

/// An attachment's file of a report the person's queue holds, decrypted (audited first); or
/// the answer to give instead (to the login, or not found).
async fn opened_file(
    state: &AppState,
    req: &HttpRequest,
    (queue, report, item): (String, String, String),
) -> Result<Result<(uuid::Uuid, FileKind, zeroize::Zeroizing<Vec<u8>>), HttpResponse>, PageError> {
    let Some(who) = principal(state, req)
        .await
        .map_err(|f| fail(state, req, f))?
    else {
        return Ok(Err(redirect("/login")));
    };
    let (Ok(report), Ok(item)) = (uuid::Uuid::parse_str(&report), uuid::Uuid::parse_str(&item))
    else {
        return Err(fail(state, req, Failure::NotFound));
    };
    let (kind, bytes) = workspace::open_file(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        report,
        item,
    )
    .await
    .map_err(|e| fail(state, req, e))?;
    Ok(Ok((item, kind, bytes)))
}

/// An attachment's file, decrypted, as a download.
#[tracing::instrument(skip_all)]
pub async fn download_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, PageError> {
    Ok(match opened_file(&state, &req, path.into_inner()).await? {
        Ok((item, kind, bytes)) => download(item, kind, bytes),
        Err(elsewhere) => elsewhere,
    })
}

/// What the referral and projection forms say, and what was wrong, when they come back.
#[derive(Default)]
pub(super) struct ReferralForm {
    pub to: String,
    pub reason: String,
    pub refusal: Option<String>,
    /// The projection as the responder typed it.
    pub projection: Option<String>,
    pub projection_error: Option<String>,
    /// What the action that led to the page did (`Done`).
    pub done: Option<Done>,
}

pub(super) async fn report_view(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    queue: &str,
    report: &str,
    referral: ReferralForm,
) -> Result<HttpResponse, PageError> {
    let (state, req, queue, report) = (state, req, queue.to_owned(), report.to_owned());
    let Ok(report_id) = uuid::Uuid::parse_str(&report) else {
        return Err(fail(state, req, Failure::NotFound));
    };
    let opened = workspace::open_report(
        state.receivers(),
        &state.accounts.audit,
        who,
        &queue,
        report_id,
    )
    .await
    .map_err(|e| fail(state, req, e))?;
    let items = &opened.items;
    let tr = state.staff_tr(req, who);
    let (row, entry) = workspace::entry_as_it_stands(state.receivers(), who, &queue, report_id)
        .await
        .map_err(|e| fail(state, req, e))?;
    let history = history::history(state.receivers(), who, &queue, report_id)
        .await
        .map_err(|e| fail(state, req, e))?;
    let projection_only = row.kind.projection_only();
    let current = EntryStatus::parse(&entry.status).ok();
    let next_statuses = EntryStatus::ALL
        .iter()
        .filter(|to| current.is_some_and(|from| from.may_become(**to, projection_only)))
        .map(|to| (to.code(), tr.t(&format!("entry-status-{}", to.code()))))
        .collect();
    let outcomes = Outcome::ALL
        .iter()
        .map(|o| (o.code(), tr.t(&format!("outcome-{}", o.code()))))
        .collect();
    let mine = entry.assignee.as_deref() == Some(who.account_id.as_str());
    let assignee = match entry.assignee.as_deref() {
        None => tr.t("staff-unassigned"),
        Some(_) if mine => tr.t("staff-mine"),
        Some(id) => history.names.get(id).cloned().unwrap_or_else(|| short(id)),
    };
    let can_claim = entry.assignee.is_none();
    let can_release = mine || (entry.assignee.is_some() && who.role == Role::Coordinator);
    let referable = state
        .intake
        .store
        .active_queue_ids()
        .await
        .map_err(|e| fail(state, req, e))?
        .into_iter()
        .filter(|q| *q != queue)
        .collect();
    let mut referral = referral;
    let closed = opened
        .consent_withdrawn_at
        .map(|at| tr.t_with("staff-consent-closed", &args(&[("at", tr.date_time(at))])));
    // An NGO entry may issue a new projection version: offer the latest, as JSON, to edit.
    if referral.projection.is_none() && !projection_only && closed.is_none() {
        referral.projection = latest_projection(items);
    }
    let status = if referral.refusal.is_some() || referral.projection_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let value_of = |kind: ItemKind| {
        items
            .iter()
            .rev()
            .find(|i| i.is(kind))
            .and_then(|i| serde_json::from_slice::<serde_json::Value>(&i.plaintext).ok())
    };
    let triage = value_of(ItemKind::Triage).and_then(|t| casefile::triage_words(&tr, &t));
    let latest_projection = value_of(ItemKind::Projection).map(|p| casefile::read(&tr, &p));
    let (case, projection) = match value_of(ItemKind::Report) {
        Some(report) => (casefile::read(&tr, &report), latest_projection),
        None => (latest_projection.unwrap_or_default(), None),
    };
    let files = timeline::files(&tr, &opened, &queue, &report);
    let timeline = timeline::timeline(&tr, &opened, &history, &files);
    let page = ReportView {
        referable,
        done: referral.done.map(|d| tr.t(d.message())),
        referral,
        status: tr.t(&format!("entry-status-{}", entry.status)),
        outcome: entry.outcome.map(|o| tr.t(&format!("outcome-{o}"))),
        assignee,
        triage,
        filed_by_hotline: opened.filed_by_hotline(),
        case,
        projection,
        files,
        timeline,
        can_claim,
        can_release,
        next_statuses,
        outcomes,
        can_reply: !projection_only && opened.withdrawn_at.is_none(),
        withdrawn: opened.withdrawn_at.map(|at| {
            let destroyed = at + state.followup.withdrawal_grace_days * 86_400;
            tr.t_with(
                "staff-withdrawn",
                &args(&[
                    ("at", tr.date_time(at)),
                    ("destroyed", tr.date_time(destroyed)),
                ]),
            )
        }),
        closures: closures(&tr, &opened, state.followup.consent_withdrawal_grace_days),
        closed,
        csrf: who.csrf.clone(),
        report_id: report.clone(),
        tr,
        stylesheet: assets::STYLESHEET_PATH,
        queue,
        short_id: short(&report),
    };
    Ok(html(status, page.render()))
}

/// What an action did, said on the page it returns to: the redirect carries one of these fixed
/// codes (`?done=`), never anything the responder typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Done {
    Claimed,
    Released,
    Moved,
    Replied,
    Noted,
    Referred,
    Projection,
}

impl Done {
    const ALL: [Done; 7] = [
        Done::Claimed,
        Done::Released,
        Done::Moved,
        Done::Replied,
        Done::Noted,
        Done::Referred,
        Done::Projection,
    ];

    fn code(self) -> &'static str {
        match self {
            Done::Claimed => "claimed",
            Done::Released => "released",
            Done::Moved => "moved",
            Done::Replied => "replied",
            Done::Noted => "noted",
            Done::Referred => "referred",
            Done::Projection => "projection",
        }
    }

    fn message(self) -> &'static str {
        match self {
            Done::Claimed => "staff-done-claimed",
            Done::Released => "staff-done-released",
            Done::Moved => "staff-done-moved",
            Done::Replied => "staff-done-replied",
            Done::Noted => "staff-done-noted",
            Done::Referred => "staff-done-referred",
            Done::Projection => "staff-done-projection",
        }
    }

    /// The marker in a query string, if it carries a known one.
    fn from_query(query: &str) -> Option<Done> {
        let (_, code) = form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "done")?;
        Self::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The report's page, saying this was done.
    pub(super) fn back_to(self, queue: &str, report: &str) -> HttpResponse {
        redirect(&format!(
            "/queues/{queue}/reports/{report}?done={}",
            self.code()
        ))
    }
}

/// A photo's preview: decrypted, reduced and encoded anew on the server (`casework::preview`),
/// so the page shows no original byte.
#[tracing::instrument(skip_all)]
pub async fn preview_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, PageError> {
    let (kind, bytes) = match opened_file(&state, &req, path.into_inner()).await? {
        Ok((_, kind, bytes)) => (kind, bytes),
        Err(elsewhere) => return Ok(elsewhere),
    };
    let Ok(small) = preview::preview_in_turn(kind, bytes).await else {
        return Err(fail(&state, &req, Failure::NotFound));
    };
    Ok(HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(small))
}

pub(super) async fn entry_action(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
    choose: fn(&std::collections::HashMap<String, String>) -> Option<EntryAction>,
) -> Result<HttpResponse, PageError> {
    let (queue, report) = path.into_inner();
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let Ok(report_id) = uuid::Uuid::parse_str(&report) else {
        return Err(fail(&state, &req, Failure::NotFound));
    };
    let Some(action) = choose(&form) else {
        return Err(fail(&state, &req, Failure::Unprocessable));
    };
    workspace::act(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        report_id,
        action,
        state.clock.now(),
    )
    .await
    .map_err(|e| fail(&state, &req, e))?;
    let done = match action {
        EntryAction::Claim => Done::Claimed,
        EntryAction::Release => Done::Released,
        EntryAction::Move { .. } => Done::Moved,
    };
    Ok(done.back_to(&queue, &report))
}

#[tracing::instrument(skip_all)]
pub async fn claim(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    entry_action(state, req, path, payload, |_| Some(EntryAction::Claim)).await
}

#[tracing::instrument(skip_all)]
pub async fn release(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    entry_action(state, req, path, payload, |_| Some(EntryAction::Release)).await
}

#[tracing::instrument(skip_all)]
pub async fn change_status(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    entry_action(state, req, path, payload, |form| {
        let to = EntryStatus::parse(form.get("status")?).ok()?;
        let outcome = match form.get("outcome").map(String::as_str) {
            None | Some("") => None,
            Some(code) => Some(Outcome::parse(code).ok()?),
        };
        Some(EntryAction::Move { to, outcome })
    })
    .await
}

pub(super) async fn message_action(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
    reply: bool,
) -> Result<HttpResponse, PageError> {
    let (queue, report) = path.into_inner();
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let Ok(report_id) = uuid::Uuid::parse_str(&report) else {
        return Err(fail(&state, &req, Failure::NotFound));
    };
    let text = form.get("text").map(String::as_str).unwrap_or_default();
    let (receivers, audit) = (state.receivers(), &state.accounts.audit);
    let done = if reply {
        workspace::reply(receivers, audit, &who, &queue, report_id, text).await
    } else {
        workspace::note(receivers, audit, &who, &queue, report_id, text).await
    };
    done.map_err(|e| fail(&state, &req, e))?;
    let done = if reply { Done::Replied } else { Done::Noted };
    Ok(done.back_to(&queue, &report))
}

#[tracing::instrument(skip_all)]
pub async fn send_reply(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    message_action(state, req, path, payload, true).await
}

#[tracing::instrument(skip_all)]
pub async fn add_note(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    message_action(state, req, path, payload, false).await
}

/// A line for each other queue's entry a withdrawn consent closed: when, and when what it never
/// opened goes (or went). No more than the plaintext entry says: nothing of the reporter.
fn closures(tr: &Tr, opened: &workspace::OpenedReport, grace_days: i64) -> Vec<String> {
    opened
        .closures
        .iter()
        .map(|c| {
            let (key, destroyed) = match c.destroyed_at {
                Some(at) => ("staff-closure-destroyed", at),
                None => (
                    "staff-closure-pending",
                    c.withdrawn_at + grace_days * 86_400,
                ),
            };
            tr.t_with(
                key,
                &args(&[
                    ("queue", c.queue_id.clone()),
                    ("at", tr.date_time(c.withdrawn_at)),
                    ("destroyed", tr.date_time(destroyed)),
                ]),
            )
        })
        .collect()
}

/// The latest projection, as JSON to edit.
fn latest_projection(items: &[OpenedItem]) -> Option<String> {
    items
        .iter()
        .rev()
        .find(|i| i.is(ItemKind::Projection))
        .and_then(|i| serde_json::from_slice::<serde_json::Value>(&i.plaintext).ok())
        .map(|v| {
            serde_json::to_string_pretty(&crate::casework::projection::editable(v))
                .unwrap_or_default()
        })
}
