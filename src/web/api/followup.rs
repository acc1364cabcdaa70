//! The reporter's return as JSON, for partner apps: the same visit as the follow-up page (one
//! Argon2id derivation opens it, its token rides in the request body, never in a URL), the
//! same combined status and replies, and the same additions, contact and consent changes, files
//! and withdrawal, with the same rules and field errors. Like the page, nothing it answers says
//! what the reporter sent or chose.

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::report::StagedFile;
use crate::domain::{Addition, Consent, ContactChange, FieldErrors, ReportInput};
use crate::reporting::followup::{FollowupError, Visit};
use crate::web::shared::body;
use crate::web::shared::error::{ApiError, Failure, Problem};
use crate::web::shared::json::{api_error, validation_failed, ValidationFailed};
use crate::web::shared::state::AppState;
use crate::web::shared::throttle::limit_source;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    /// The receipt code: 20 digits in any script, spaces and dashes allowed.
    #[schema(value_type = String)]
    pub code: SecretString,
}

#[derive(Serialize, ToSchema)]
pub struct ThreadMessageView {
    /// Unix seconds.
    pub at: i64,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ThreadView {
    /// The visit's token for the next request (20 minutes).
    pub visit: String,
    /// received, handling, needs-you or closed.
    pub status: String,
    pub messages: Vec<ThreadMessageView>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitRequest {
    #[schema(value_type = String)]
    pub visit: SecretString,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdditionRequest {
    #[schema(value_type = String)]
    pub visit: SecretString,
    /// Any of a report's descriptive fields; the message goes in `narrative`.
    pub addition: ReportInput,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactRequest {
    #[schema(value_type = String)]
    pub visit: SecretString,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub no_contact: bool,
}

/// One consent, given or withdrawn by the operation's path: never all three at once, where a
/// false would withdraw what the reporter meant to keep.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentRequest {
    #[schema(value_type = String)]
    pub visit: SecretString,
    /// partner_ngos, consulate or police.
    pub consent: Consent,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachRequest {
    #[schema(value_type = String)]
    pub visit: SecretString,
    pub attachments: Vec<StagedFile>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawRequest {
    #[schema(value_type = String)]
    pub visit: SecretString,
    /// Must be true: the reporter means it.
    pub confirm: bool,
}

fn one_error(field: &str, code: &'static str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.push(field, code);
    errors
}

/// The request's JSON body as `T`, or the response that says what is wrong with it.
async fn json_body<T: DeserializeOwned>(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Result<T, HttpResponse>, ApiError> {
    body::require_content_type(req, "application/json").map_err(|f| api_error(state, req, f))?;
    let bytes = body::read(req, payload, state.max_body_bytes)
        .await
        .map_err(|f| api_error(state, req, f))?;
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => Ok(Ok(value)),
        Err(e) if e.inner().classify() == serde_json::error::Category::Data => {
            let field = e.path().to_string();
            let errors = one_error(&field, "invalid_value");
            Ok(Err(validation_failed(state, req, errors)))
        }
        Err(_) => Err(api_error(state, req, Failure::BadRequest)),
    }
}

/// The live visit a token names; an expired, withdrawn or forged one is a 401.
async fn visit(
    state: &AppState,
    req: &HttpRequest,
    token: &SecretString,
) -> Result<Visit, ApiError> {
    state
        .followup()
        .resume(token.expose_secret())
        .await
        .map_err(|e| api_error(state, req, e))?
        .ok_or_else(|| api_error(state, req, Failure::Unauthorized))
}

async fn thread(
    state: &AppState,
    req: &HttpRequest,
    visit: &Visit,
) -> Result<ThreadView, ApiError> {
    let (status, messages) = state
        .followup()
        .thread(visit)
        .await
        .map_err(|e| api_error(state, req, e))?;
    Ok(ThreadView {
        visit: visit.token.expose_secret().to_owned(),
        status: status.code().to_owned(),
        messages: messages
            .into_iter()
            .map(|m| ThreadMessageView {
                at: m.at,
                text: m.text,
            })
            .collect(),
    })
}

fn done() -> HttpResponse {
    HttpResponse::NoContent()
        .insert_header(("Cache-Control", "no-store"))
        .finish()
}

/// Open a visit with the receipt code.
#[utoipa::path(
    post,
    path = "/api/v1/followup/visits",
    request_body(content = CodeRequest, content_type = "application/json"),
    responses(
        (status = 201, body = ThreadView),
        (status = 422, description = "The code opens nothing (an unknown locator and a wrong secret look the same)", body = ValidationFailed),
        (status = 429, description = "Too many attempts; see Retry-After", body = Problem),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn open(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: CodeRequest = match json_body(&state, &req, payload).await? {
        Ok(request) => request,
        Err(response) => return Ok(response),
    };
    // The source address goes only to the throttle, which keys it by an in-memory HMAC.
    if !state
        .code_throttle
        .allow(limit_source(&req, &state.trusted_proxies))
    {
        return Err(api_error(&state, &req, Failure::TooManyRequests));
    }
    match state.followup().open(request.code.expose_secret()).await {
        Ok(Some(visit)) => Ok(HttpResponse::Created()
            .insert_header(("Cache-Control", "no-store"))
            .json(thread(&state, &req, &visit).await?)),
        Ok(None) => Ok(validation_failed(
            &state,
            &req,
            one_error("code", "no_match"),
        )),
        Err(FollowupError::Field(code)) => {
            Ok(validation_failed(&state, &req, one_error("code", code)))
        }
        Err(e) => Err(api_error(&state, &req, e)),
    }
}

/// The status and replies again, within a visit.
#[utoipa::path(
    post,
    path = "/api/v1/followup/thread",
    request_body(content = VisitRequest, content_type = "application/json"),
    responses((status = 200, body = ThreadView), (status = 401, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn read(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: VisitRequest = match json_body(&state, &req, payload).await? {
        Ok(request) => request,
        Err(response) => return Ok(response),
    };
    let visit = visit(&state, &req, &request.visit).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(thread(&state, &req, &visit).await?))
}

/// Add a message or more details, sealed to the NGO queues holding the report.
#[utoipa::path(
    post,
    path = "/api/v1/followup/additions",
    request_body(content = AdditionRequest, content_type = "application/json"),
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = ValidationFailed))
)]
#[tracing::instrument(skip_all)]
pub async fn add(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: AdditionRequest = match json_body(&state, &req, payload).await? {
        Ok(request) => request,
        Err(response) => return Ok(response),
    };
    let visit = visit(&state, &req, &request.visit).await?;
    let addition = match Addition::parse(request.addition) {
        Ok(addition) => addition,
        Err(errors) => return Ok(validation_failed(&state, &req, errors)),
    };
    state
        .followup()
        .add(&visit, &addition)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(done())
}

/// Change how to be reached.
#[utoipa::path(
    post,
    path = "/api/v1/followup/contact",
    request_body(content = ContactRequest, content_type = "application/json"),
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = ValidationFailed))
)]
#[tracing::instrument(skip_all)]
pub async fn contact(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: ContactRequest = match json_body(&state, &req, payload).await? {
        Ok(request) => request,
        Err(response) => return Ok(response),
    };
    let visit = visit(&state, &req, &request.visit).await?;
    let change = match ContactChange::parse(&request.contact, request.no_contact) {
        Ok(change) => change,
        Err(errors) => return Ok(validation_failed(&state, &req, errors)),
    };
    state
        .followup()
        .change_contact(&visit, &change)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(done())
}

/// Give one consent. Answered the same (204) whether or not it was given before, after the same
/// work: nothing in the visit says what the reporter had chosen.
#[utoipa::path(
    post,
    path = "/api/v1/followup/consents/allow",
    request_body(content = ConsentRequest, content_type = "application/json"),
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = ValidationFailed))
)]
#[tracing::instrument(skip_all)]
pub async fn allow_consent(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    set_consent(&state, &req, payload, true).await
}

/// Withdraw one consent: its queues' entries close at once, and what they never opened is
/// destroyed after the grace period. Answered the same (204) whether or not it was given before.
#[utoipa::path(
    post,
    path = "/api/v1/followup/consents/stop",
    request_body(content = ConsentRequest, content_type = "application/json"),
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = ValidationFailed))
)]
#[tracing::instrument(skip_all)]
pub async fn stop_consent(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    set_consent(&state, &req, payload, false).await
}

async fn set_consent(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
    given: bool,
) -> Result<HttpResponse, ApiError> {
    let request: ConsentRequest = match json_body(state, req, payload).await? {
        Ok(request) => request,
        Err(response) => return Ok(response),
    };
    let visit = visit(state, req, &request.visit).await?;
    state
        .followup()
        .set_consent(&visit, request.consent, given)
        .await
        .map_err(|e| api_error(state, req, e))?;
    Ok(done())
}

/// Attach complete uploads (POST /api/v1/uploads), sealed to the NGO queues holding the report.
#[utoipa::path(
    post,
    path = "/api/v1/followup/attachments",
    request_body(content = AttachRequest, content_type = "application/json"),
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = ValidationFailed))
)]
#[tracing::instrument(skip_all)]
pub async fn attach(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: AttachRequest = match json_body(&state, &req, payload).await? {
        Ok(request) => request,
        Err(response) => return Ok(response),
    };
    let visit = visit(&state, &req, &request.visit).await?;
    let files = match crate::web::shared::staged::take_staged(&state, &request.attachments)
        .await
        .map_err(|f| api_error(&state, &req, f))?
    {
        Ok(files) => files,
        Err(errors) => return Ok(validation_failed(&state, &req, errors)),
    };
    for (file, use_location) in &files {
        state
            .followup()
            .attach(&visit, std::slice::from_ref(file), *use_location)
            .await
            .map_err(|e| api_error(&state, &req, e))?;
    }
    crate::web::shared::staged::discard_staged(&state, &request.attachments).await;
    Ok(done())
}

/// Withdraw the report: the visit ends, the code opens nothing, the queues are told, and its
/// keys are destroyed after the grace period.
#[utoipa::path(
    post,
    path = "/api/v1/followup/withdrawal",
    request_body(content = WithdrawRequest, content_type = "application/json"),
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = ValidationFailed))
)]
#[tracing::instrument(skip_all)]
pub async fn withdraw(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let request: WithdrawRequest = match json_body(&state, &req, payload).await? {
        Ok(request) => request,
        Err(response) => return Ok(response),
    };
    let visit = visit(&state, &req, &request.visit).await?;
    if !request.confirm {
        return Ok(validation_failed(
            &state,
            &req,
            one_error("confirm", "required"),
        ));
    }
    state
        .followup()
        .withdraw(&visit, state.followup.withdrawal_grace_days)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(done())
}
