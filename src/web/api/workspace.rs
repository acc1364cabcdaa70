//! The responder workspace as JSON under /api/v1, with the same authorisation as the pages. A
//! client logs in once and sends the session secret as a bearer token; being no cookie, it needs
//! no CSRF token. Errors are JSON: 401 without a live session, 403 where the role or queue does
//! not allow it, 404, 409 when someone else changed it first, 422 with the field or the reason.

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::casework::referral::{self, Referral, ReferralError};
use crate::casework::waves::{self, WaveError};
use crate::casework::workspace::{self, EntryAction};
use crate::domain::workflow::{EntryStatus, Outcome};
use crate::domain::zawgyi;
use crate::web::shared::bearer::{bearer, json_body};
use crate::web::shared::error::{ApiError, Failure, Problem};
use crate::web::shared::files::download;
use crate::web::shared::json::api_error;
use crate::web::shared::list_query::{is_overdue, overdue_before, Filters, Sent};
use crate::web::shared::state::AppState;
use crate::web::shared::throttle::limit_source;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
    /// The current TOTP code; each is accepted once.
    pub code: String,
    /// The `device` value this client was given at its last login to this account, if it kept
    /// one. A live one (90 days) is counted apart from strangers' attempts, so that a flood of
    /// logins from elsewhere does not keep this client out; it skips no check. Absent, expired
    /// or not this account's: the attempt is counted as anyone's, with the same answers.
    #[serde(default)]
    pub device: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionCreated {
    /// Send as `Authorization: Bearer <token>`. Shown once; the server keeps only its HMAC.
    pub token: String,
    /// Keep it, and send it as `device` at this account's next login. Valid 90 days, and each
    /// login gives a fresh one. The server keeps nothing of it; it opens nothing by itself.
    pub device: String,
}

#[derive(Serialize, ToSchema)]
pub struct QueueList {
    pub queues: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EntryView {
    pub report_id: String,
    /// critical, high or normal.
    pub priority: String,
    pub status: String,
    /// An account id, or none.
    pub assignee: Option<String>,
    /// Unix seconds, to the hour (rounded down): the exact time is sealed in the report's items.
    pub added_at: i64,
    /// Still new past the priority class's acknowledgement target.
    pub overdue: bool,
    /// Items the reporter sent (additions, contact and consent changes, files, a withdrawal)
    /// that this queue has not opened yet.
    pub unread: i64,
    /// When a withdrawn consent closed the entry to this queue (Unix seconds), if it did: the
    /// queue reads only what it had opened, and nothing more can be done with the entry.
    pub consent_withdrawn_at: Option<i64>,
    /// The last thing people did that this queue holds, if any.
    pub last_activity: Option<Activity>,
    /// The report's sealed summary, opened in the session: for NGO queues the whole one
    /// (where, who, who reported, the heaviest triage reasons); for consular and police queues
    /// one made from the projection alone. None until the report has one (a report sealed on
    /// a device gets it when an NGO responder first opens it).
    #[schema(value_type = Option<Object>)]
    pub summary: Option<crate::domain::Summary>,
}

/// What was done last, and its hour.
#[derive(Serialize, ToSchema)]
pub struct Activity {
    /// An item kind: report, addition, contact, consent, attachment, withdrawal, reply, note
    /// or referral.
    pub kind: String,
    /// Unix seconds, to the hour (rounded down).
    pub at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct EntryStateView {
    pub status: String,
    pub assignee: Option<String>,
    pub outcome: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OpenedItemView {
    /// report, triage, projection, status, reply, note, referral, and from the reporter later:
    /// addition, contact, consent, attachment, withdrawal.
    pub kind: String,
    /// Sent by the reporter since this queue last opened the report.
    pub new: bool,
    /// ngo, projection, thread or notes.
    pub audience: String,
    /// What the item holds, as a responder is shown it: every text typed in Zawgyi is here in
    /// Unicode, and listed in `converted_from_zawgyi` with what was sent.
    #[schema(value_type = Object)]
    pub content: serde_json::Value,
    /// The texts of `content` typed in Zawgyi and shown there in Unicode; empty when none was.
    /// What is sealed is what was sent: a conversion is for reading only.
    pub converted_from_zawgyi: Vec<ConvertedFromZawgyi>,
}

#[derive(Serialize, ToSchema)]
pub struct ConvertedFromZawgyi {
    /// Where the text is in `content`: keys joined by dots, list positions by number
    /// (`location.city`, `documents.0.issuer`).
    pub field: String,
    /// The text as the reporter sent it, in Zawgyi.
    pub sent: String,
}

#[derive(Serialize, ToSchema)]
pub struct OpenedReport {
    pub items: Vec<OpenedItemView>,
    /// When the reporter withdrew the report (Unix seconds), if they did; replies are closed and
    /// its keys are destroyed after the grace period.
    pub withdrawn_at: Option<i64>,
    /// When a withdrawn consent closed the entry to this queue (Unix seconds), if it did: only
    /// what it had opened before is listed. A closed entry that had opened nothing is a 404.
    pub consent_withdrawn_at: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// new, acknowledged, in_progress, waiting_for_reporter, referred or closed.
    pub status: String,
    /// Needed when closing: located, rescued, repatriated, referred_on, unreachable, duplicate,
    /// not_credible, not_genuine (a fake: every holder closing it so lets the desk destroy it
    /// early) or other.
    pub outcome: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageText {
    pub text: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralRequest {
    pub to: String,
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct Refused {
    /// Always `refused`.
    pub error: String,
    /// not-receiving, already-held, no-consent, needs-more, wrong-country, no-reason or
    /// old-projection, or not-possible (what a consulate or the police is told instead).
    pub code: String,
    pub message: String,
}

fn report_id(state: &AppState, req: &HttpRequest, raw: &str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(raw).map_err(|_| api_error(state, req, Failure::NotFound))
}

/// Log in with password and TOTP code.
#[utoipa::path(
    post,
    path = "/api/v1/session",
    request_body(content = LoginRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "Logged in", body = SessionCreated),
        (status = 401, description = "Wrong username, password or code", body = Problem),
        (status = 429, description = "Too many attempts; wait", body = Problem),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let login: LoginRequest = json_body(&state, &req, payload).await?;
    let source = limit_source(&req, &state.trusted_proxies);
    let device = state
        .accounts
        .known_device(&login.username, login.device.as_deref())
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    if !state.login_throttle.allow_login(source, device.as_ref()) {
        return Err(api_error(&state, &req, Failure::TooManyRequests));
    }
    let password = SecretString::from(login.password);
    let origin = state.login_throttle.origin(source);
    match state
        .accounts
        .login(&login.username, &password, &login.code, origin)
        .await
    {
        Ok(logged_in) => Ok(HttpResponse::Created().json(SessionCreated {
            token: logged_in.session.expose_secret().to_owned(),
            device: logged_in.device.expose_secret().to_owned(),
        })),
        // A failed login is a 401, too many a 429, as on the page.
        Err(e) => Err(api_error(&state, &req, e)),
    }
}

/// Log out: the session and the key material with it are deleted.
#[utoipa::path(delete, path = "/api/v1/session", responses((status = 204), (status = 401, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    state
        .accounts
        .logout(&who)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::NoContent().finish())
}

/// The queues whose key the caller holds.
#[utoipa::path(get, path = "/api/v1/queues", responses((status = 200, body = QueueList), (status = 401, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn queues(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let queues = state
        .intake
        .store
        .queues_held_by(&who.account_id)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Ok().json(QueueList { queues }))
}

/// A page of a queue's entries (50; critical first, then high, then normal; oldest first within
/// a class), filtered by the query as the workspace's list is (`status`, `priority`, `claim`
/// = mine or unclaimed, `overdue=1`, `unread=1`, `page` from 1, or `after`/`before` an entry),
/// each with its sealed summary opened in the session (audited as one listing).
#[utoipa::path(
    get,
    path = "/api/v1/queues/{queue}/entries",
    params(
        ("status" = Option<String>, Query, description = "new, acknowledged, in_progress, waiting_for_reporter, referred or closed"),
        ("priority" = Option<String>, Query, description = "critical, high or normal"),
        ("claim" = Option<String>, Query, description = "mine or unclaimed"),
        ("overdue" = Option<String>, Query, description = "1: only entries past their acknowledgement target"),
        ("unread" = Option<String>, Query, description = "1: only entries with something new from the reporter"),
        ("page" = Option<u32>, Query, description = "from 1; pages of 50. Alone, the page is counted from the list's start; with `after` or `before` it only numbers the page"),
        ("after" = Option<String>, Query, description = "the page after this entry, read off the index however deep: `rank.added_at.report_id` of the last entry of the page before (rank 0 critical, 1 high, 2 normal; added_at as the entry gives it)"),
        ("before" = Option<String>, Query, description = "the page before this entry, as `after`; the first page when nothing comes before. `after` wins when both are sent"),
    ),
    responses((status = 200, body = [EntryView]), (status = 401, body = Problem), (status = 403, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn entries(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let filters = Filters::parse(&Sent::parse(req.query_string()));
    let at = crate::store::now();
    let overdue = overdue_before(at, &state.ack_targets);
    let listing = crate::casework::summaries::page(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        &filters.query(&who.account_id, at, &state.ack_targets),
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    let views: Vec<EntryView> = listing
        .entries
        .into_iter()
        .map(|(e, summary)| EntryView {
            overdue: is_overdue(&e, &overdue),
            last_activity: e.last_activity.map(|(kind, at)| Activity { kind, at }),
            summary,
            report_id: e.report_id,
            priority: e.priority,
            status: e.status,
            assignee: e.assignee,
            added_at: e.added_at,
            unread: e.unread,
            consent_withdrawn_at: e.consent_withdrawn_at,
        })
        .collect();
    Ok(HttpResponse::Ok().json(views))
}

/// Open what this queue's key table entitles it to of one report (audited first).
#[utoipa::path(
    get,
    path = "/api/v1/queues/{queue}/reports/{report}",
    responses((status = 200, body = OpenedReport), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn open_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let (queue, report) = path.into_inner();
    let report = report_id(&state, &req, &report)?;
    let opened = workspace::open_report(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        report,
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    let items = opened
        .items
        .iter()
        .map(|i| {
            let sealed: serde_json::Value =
                serde_json::from_slice(&i.plaintext).unwrap_or_default();
            let (content, converted) = zawgyi::for_display_json(&sealed);
            OpenedItemView {
                content,
                converted_from_zawgyi: converted
                    .into_iter()
                    .map(|c| ConvertedFromZawgyi {
                        field: c.field,
                        sent: c.sent,
                    })
                    .collect(),
                new: opened.is_new(i),
                kind: i.kind.clone(),
                audience: i.audience.as_str().to_owned(),
            }
        })
        .collect();
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(OpenedReport {
            items,
            withdrawn_at: opened.withdrawn_at,
            consent_withdrawn_at: opened.consent_withdrawn_at,
        }))
}

/// Download a file the reporter attached, decrypted (audited first).
#[utoipa::path(
    get,
    path = "/api/v1/queues/{queue}/reports/{report}/files/{item}",
    responses((status = 200, description = "The cleaned file, as a download", content_type = "application/octet-stream"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn download_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let (queue, report, item) = path.into_inner();
    let report = report_id(&state, &req, &report)?;
    let item = report_id(&state, &req, &item)?;
    let (kind, bytes) = workspace::open_file(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        report,
        item,
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(download(item, kind, bytes))
}

async fn act(
    state: &AppState,
    req: &HttpRequest,
    path: (String, String),
    action: EntryAction,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(state, req).await?;
    let (queue, report) = path;
    let report = report_id(state, req, &report)?;
    let next = workspace::act(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        report,
        action,
        state.clock.now(),
    )
    .await
    .map_err(|e| api_error(state, req, e))?;
    Ok(HttpResponse::Ok().json(EntryStateView {
        status: next.status,
        assignee: next.assignee,
        outcome: next.outcome,
    }))
}

/// Claim an entry.
#[utoipa::path(post, path = "/api/v1/queues/{queue}/reports/{report}/claim", responses((status = 200, body = EntryStateView), (status = 409, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn claim(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    act(&state, &req, path.into_inner(), EntryAction::Claim).await
}

/// Release an entry (one's own; a coordinator may release anyone's).
#[utoipa::path(post, path = "/api/v1/queues/{queue}/reports/{report}/release", responses((status = 200, body = EntryStateView)))]
#[tracing::instrument(skip_all)]
pub async fn release(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    act(&state, &req, path.into_inner(), EntryAction::Release).await
}

/// Move an entry through the workflow (see src/domain/workflow.rs).
#[utoipa::path(
    post,
    path = "/api/v1/queues/{queue}/reports/{report}/status",
    request_body(content = StatusChange, content_type = "application/json"),
    responses((status = 200, body = EntryStateView), (status = 422, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn change_status(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let change: StatusChange = json_body(&state, &req, payload).await?;
    let to = EntryStatus::parse(&change.status)
        .map_err(|_| api_error(&state, &req, Failure::Unprocessable))?;
    let outcome = match change.outcome.as_deref() {
        None | Some("") => None,
        Some(o) => {
            Some(Outcome::parse(o).map_err(|_| api_error(&state, &req, Failure::Unprocessable))?)
        }
    };
    act(
        &state,
        &req,
        path.into_inner(),
        EntryAction::Move { to, outcome },
    )
    .await
}

/// What a responder writes on a report.
enum Written {
    Reply,
    Note,
}

async fn write(
    state: &AppState,
    req: &HttpRequest,
    (queue, report): (String, String),
    payload: web::Payload,
    what: Written,
) -> Result<HttpResponse, ApiError> {
    let message: MessageText = json_body(state, req, payload).await?;
    let who = bearer(state, req).await?;
    let report = report_id(state, req, &report)?;
    let (receivers, audit) = (state.receivers(), &state.accounts.audit);
    let written = match what {
        Written::Reply => {
            workspace::reply(receivers, audit, &who, &queue, report, &message.text).await
        }
        Written::Note => {
            workspace::note(receivers, audit, &who, &queue, report, &message.text).await
        }
    };
    written.map_err(|e| api_error(state, req, e))?;
    Ok(HttpResponse::Created().finish())
}

/// Write to the reporter (NGO queues only); they read it with their receipt code.
#[utoipa::path(
    post,
    path = "/api/v1/queues/{queue}/reports/{report}/reply",
    request_body(content = MessageText, content_type = "application/json"),
    responses((status = 201), (status = 403, body = Problem), (status = 422, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn reply(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    write(&state, &req, path.into_inner(), payload, Written::Reply).await
}

/// An internal note, sealed to the organisation's queues holding the report.
#[utoipa::path(
    post,
    path = "/api/v1/queues/{queue}/reports/{report}/note",
    request_body(content = MessageText, content_type = "application/json"),
    responses((status = 201), (status = 403, body = Problem), (status = 422, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn note(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    write(&state, &req, path.into_inner(), payload, Written::Note).await
}

/// Refer the report to another queue; refused where consent or country does not allow it.
#[utoipa::path(
    post,
    path = "/api/v1/queues/{queue}/reports/{report}/refer",
    request_body(content = ReferralRequest, content_type = "application/json"),
    responses((status = 201), (status = 403, body = Problem), (status = 422, body = Refused))
)]
#[tracing::instrument(skip_all)]
pub async fn refer(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: ReferralRequest = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    let (queue, report) = path.into_inner();
    let report = report_id(&state, &req, &report)?;
    let outcome = referral::refer(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &Referral {
            from: &queue,
            report,
            to: &request.to,
            reason: &request.reason,
        },
    )
    .await;
    match outcome {
        Ok(()) => Ok(HttpResponse::Created().finish()),
        Err(ReferralError::Refused(refusal)) => {
            Ok(HttpResponse::UnprocessableEntity().json(Refused {
                error: "refused".into(),
                code: refusal.code().into(),
                message: state
                    .tr(&req, None)
                    .t(&format!("referral-{}", refusal.code())),
            }))
        }
        Err(ReferralError::Workspace(e)) => Err(api_error(&state, &req, e)),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Selected {
    /// Report ids, each once, at least one and at most 200.
    pub reports: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct WaveClosedView {
    /// Entries closed as not genuine, in one transaction under one audit entry.
    pub closed: usize,
    /// Selected entries left as they were: closed already, or closed by a withdrawn consent.
    pub kept: usize,
}

#[derive(Serialize, ToSchema)]
pub struct NotGenuineView {
    pub report_id: String,
    /// Unix seconds, to the hour.
    pub received_at: i64,
    /// How many queues hold it; every one of them closed it as not genuine, long enough ago.
    pub holders: i64,
    /// When its last entry was closed (Unix seconds).
    pub closed_at: i64,
    /// The reporter wrote to it after it was closed: read what they wrote before destroying it.
    pub reporter_wrote_after: bool,
}

#[derive(Serialize, ToSchema)]
pub struct DestroyedView {
    /// Reports destroyed, in one transaction under one audit entry.
    pub destroyed: usize,
    /// Selected reports kept: not due for the caller (not closed as not genuine by every
    /// holder, closed too recently, closed by the caller, or written to by the reporter since),
    /// or gone.
    pub kept: usize,
}

fn selection(
    state: &AppState,
    req: &HttpRequest,
    selected: &Selected,
) -> Result<crate::domain::selection::Selection, ApiError> {
    crate::domain::selection::Selection::parse(selected.reports.iter().map(String::as_str))
        .map_err(|e| api_error(state, req, WaveError::from(e)))
}

/// Close the selected entries of a queue as not genuine (a wave of fake reports), in one
/// transaction audited as one entry. Every id must be a report the queue holds (422 otherwise);
/// entries that cannot be closed are counted in `kept`.
#[utoipa::path(
    post,
    path = "/api/v1/queues/{queue}/wave",
    request_body(content = Selected, content_type = "application/json"),
    responses((status = 200, body = WaveClosedView), (status = 403, body = Problem), (status = 422, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn close_wave(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let selected: Selected = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    let selection = selection(&state, &req, &selected)?;
    let done = waves::close(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        &selection,
        state.clock.now(),
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Ok().json(WaveClosedView {
        closed: done.closed,
        kept: done.kept,
    }))
}

/// For a coordinator of the desk organisation: the reports due for early destruction at their
/// hand, oldest first (at most 200): every queue holding them closed them as not genuine at least
/// `waves.destroy_after_hours` ago, the caller closed none of their entries, and the reporter
/// sent nothing since. Anyone else gets 403.
#[utoipa::path(
    get,
    path = "/api/v1/desk/not-genuine",
    responses((status = 200, body = [NotGenuineView]), (status = 403, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn not_genuine(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let due = state
        .early_destruction()
        .due(&who)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    let views: Vec<NotGenuineView> = due
        .into_iter()
        .map(|r| NotGenuineView {
            report_id: r.report_id,
            received_at: r.created_at,
            holders: r.holders,
            closed_at: r.closed_at,
            reporter_wrote_after: r.wrote_after,
        })
        .collect();
    Ok(HttpResponse::Ok().json(views))
}

/// For a coordinator of the desk organisation: destroy now those selected that are due at their
/// hand, as `GET /api/v1/desk/not-genuine` says, judged again in the destroying transaction
/// (crypto-shredding; their locators are free again), in one transaction audited as one entry.
/// The others are counted in `kept`.
#[utoipa::path(
    post,
    path = "/api/v1/desk/not-genuine/destruction",
    request_body(content = Selected, content_type = "application/json"),
    responses((status = 200, body = DestroyedView), (status = 403, body = Problem), (status = 422, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn destroy_not_genuine(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let selected: Selected = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    let early = state.early_destruction();
    early
        .desk_coordinator(&who)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    let selection = selection(&state, &req, &selected)?;
    let done = early
        .destroy(&state.accounts.audit, &who, &selection)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Ok().json(DestroyedView {
        destroyed: done.destroyed,
        kept: done.kept,
    }))
}
