//! The coordinator's and the operator's operations as JSON under /api/v1, with the same
//! authorisation as their pages (see `api::workspace` for the bearer session).

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::trust::certification::MemberChain;
use crate::trust::organisations::{
    organisation_standing, queue_standings, DetailsForm, OrganisationError, Organisations, Vouching,
};
use crate::trust::queue_keys::CopyUpload;
use crate::trust::{certification, queue_keys, rotation};
use crate::web::shared::bearer::{bearer, json_body};
use crate::web::shared::error::{ApiError, Problem};
use crate::web::shared::json::api_error;
use crate::web::shared::json::{validation_failed, ValidationFailed};
use crate::web::shared::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyImport {
    /// The hwsk1. private key from `homeward queue keygen`.
    pub private_key: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyRotation {
    pub private_key: String,
    /// The organisation's hwsg1. signature over the new public key.
    pub signature: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    pub account: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// The identity fingerprint the member read out from their own workspace.
    pub fingerprint: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// The hwsg1. signature `homeward org certify` printed for this account.
    pub signature: String,
}

#[derive(Serialize, ToSchema)]
pub struct Count {
    pub count: usize,
}

/// A rotation done.
#[derive(Serialize, ToSchema)]
pub struct KeyRotated {
    /// How many item keys were sealed again to the new key.
    pub count: usize,
    /// The lines that declare the queue's new key in the routing file (config/queues.toml), as
    /// the workspace shows them: they replace the `public_key` and `signature` lines of the
    /// queue's `[[queues]]` entry. Until they do, the file declares the old key, which a fresh
    /// database or a restore's check would start from.
    #[schema(example = "public_key = \"hwpk1...\"\nsignature = \"hwsg1...\"")]
    pub routing_lines: String,
}

#[derive(Serialize, ToSchema)]
pub struct RotationDue {
    /// Queues that need a new key pair now that the member is gone.
    pub rotation_due: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationInput {
    pub id: String,
    pub name: String,
    /// ngo, consulate or police.
    pub kind: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    #[serde(default)]
    pub contact: String,
    /// The hwov1. verifying key from `homeward org keygen`.
    pub signing_key: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Vetting {
    pub evidence: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Countersignature {
    pub countersignature: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Suspension {
    pub suspended: bool,
}

#[derive(Serialize, ToSchema)]
pub struct QueueStanding {
    pub id: String,
    /// `receives`, or why not: unregistered, not-vetted, not-countersigned, suspended,
    /// wrong-organisation, key-unsigned, key-not-imported.
    pub standing: String,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub registered: bool,
    pub vetted_at: Option<i64>,
    pub suspended: bool,
    /// `receives`, or the first reason its queues cannot.
    pub standing: String,
    pub queues: Vec<QueueStanding>,
}

fn organisation_error(
    state: &AppState,
    req: &HttpRequest,
    e: OrganisationError,
) -> Result<HttpResponse, ApiError> {
    match e {
        OrganisationError::Fields(errors) => Ok(validation_failed(state, req, errors)),
        other => Err(api_error(state, req, other)),
    }
}

fn service(state: &AppState) -> Organisations<'_> {
    Organisations {
        store: &state.intake.store,
        audit: &state.accounts.audit,
        desk_key: state.intake.routing.desk_signing_key.as_ref(),
    }
}

/// Import a queue's private key once (coordinators of its organisation).
#[utoipa::path(post, path = "/api/v1/queues/{queue}/key", request_body(content = KeyImport, content_type = "application/json"),
    responses((status = 201, body = Count), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn import_key(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: KeyImport = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    let key = SecretString::from(body.private_key);
    let count = queue_keys::import_key(
        state.chain(),
        &state.accounts.audit,
        &who,
        &queue,
        key.expose_secret(),
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Created().json(Count { count }))
}

/// Give a member of the organisation a copy of the queue key.
#[utoipa::path(post, path = "/api/v1/queues/{queue}/members", request_body(content = Grant, content_type = "application/json"),
    responses((status = 201), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn grant(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: Grant = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    queue_keys::grant(
        state.chain(),
        &state.accounts.audit,
        &who,
        &queue,
        &body.account,
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Created().finish())
}

/// Store the organisation's offline certificate of the caller's own account (from `homeward
/// org certify`): the first coordinator's way into the membership chain.
#[utoipa::path(post, path = "/api/v1/account/certificate", request_body(content = Certificate, content_type = "application/json"),
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn accept_certificate(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: Certificate = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    certification::accept_organisation_certificate(
        state.chain(),
        &state.accounts.audit,
        &who,
        &body.signature,
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::NoContent().finish())
}

/// A certified coordinator certifies a member of their organisation with their identity key,
/// given the fingerprint the member read out from their own workspace.
#[utoipa::path(post, path = "/api/v1/members/{account}/certificate", request_body(content = Certification, content_type = "application/json"),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn certify_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: Certification = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    certification::certify_member(
        state.chain(),
        &state.accounts.audit,
        &who,
        &account,
        &body.fingerprint,
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::NoContent().finish())
}

/// A member's membership chain, for `homeward queue grant` to check on the organisation's own
/// machine before it seals a queue key to them (coordinators of the organisation).
#[utoipa::path(get, path = "/api/v1/members/{account}/chain",
    responses((status = 200, body = MemberChain), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn member_chain(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let chain = state
        .chain()
        .stored_chain(&who, &account)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Ok().json(chain))
}

/// Store a copy of the queue key sealed on the organisation's own machine (`homeward queue
/// grant`) for a certified member: the private key never passes through the server.
#[utoipa::path(post, path = "/api/v1/queues/{queue}/copies", request_body(content = CopyUpload, content_type = "application/json"),
    responses((status = 201), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn upload_copy(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: CopyUpload = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    queue_keys::upload_copy(state.chain(), &state.accounts.audit, &who, &queue, &body)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Created().finish())
}

/// After a restore, let a held queue receive reports again, its coordinator having checked who
/// holds its key.
#[utoipa::path(post, path = "/api/v1/queues/{queue}/confirmation",
    responses((status = 204), (status = 403, body = Problem), (status = 404, description = "Unknown, or not held", body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn confirm_membership(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    queue_keys::confirm_membership(state.chain(), &state.accounts.audit, &who, &queue)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::NoContent().finish())
}

/// Switch the queue to a new signed key pair and re-seal every item key to it.
#[utoipa::path(post, path = "/api/v1/queues/{queue}/rotate", request_body(content = KeyRotation, content_type = "application/json"),
    responses((status = 200, description = "Rotated; the routing file's lines for the new key", body = KeyRotated), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn rotate(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: KeyRotation = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    let key = SecretString::from(body.private_key);
    let count = rotation::rotate(
        state.chain(),
        &state.accounts.audit,
        &who,
        &queue,
        key.expose_secret(),
        &body.signature,
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    // The routing file still declares the old key: the operator is given the new one's lines.
    let routing_lines = crate::operations::overview::current_config(&state.intake.store, &queue)
        .await
        .map_err(|e| api_error(&state, &req, e))?
        .map(|lines| lines.text())
        .unwrap_or_default();
    Ok(HttpResponse::Ok().json(KeyRotated {
        count,
        routing_lines,
    }))
}

/// Remove a member of the coordinator's organisation: their copies and sessions go at once.
#[utoipa::path(post, path = "/api/v1/members/{account}/remove",
    responses((status = 200, body = RotationDue), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn remove_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let rotation_due =
        rotation::remove_member(state.chain(), &state.accounts.audit, &who, &account)
            .await
            .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Ok().json(RotationDue { rotation_due }))
}

/// Every organisation and what its queues need before they receive (operators).
#[utoipa::path(get, path = "/api/v1/organisations",
    responses((status = 200, body = [OrganisationView]), (status = 403, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn organisations(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    certification::operator_standing(state.chain(), &who)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    let store = &state.intake.store;
    let desk_key = state.intake.routing.desk_signing_key.as_ref();
    let internal = |e: crate::store::StoreError| api_error(&state, &req, e);
    let vouching = Vouching::of(&state.intake.routing);
    let queues = queue_standings(store, vouching).await.map_err(internal)?;
    let code = |s: Result<(), crate::trust::organisations::Hold>| {
        s.map_or_else(|h| h.code().to_owned(), |()| "receives".to_owned())
    };
    let views: Vec<OrganisationView> = store
        .all_organisations()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|o| OrganisationView {
            // A demo organisation receives only on a server running its demo desk.
            standing: if o.demo && state.intake.routing.demo_desk().is_some() {
                "receives".into()
            } else {
                code(organisation_standing(&o, desk_key).map(|_| ()))
            },
            queues: queues
                .iter()
                .filter(|(q, _)| q.organisation_id == o.id)
                .map(|(q, s)| QueueStanding {
                    id: q.id.clone(),
                    standing: code(*s),
                })
                .collect(),
            registered: o.registered_at.is_some(),
            suspended: o.suspended_at.is_some(),
            vetted_at: o.vetted_at,
            id: o.id,
            name: o.name,
            kind: o.kind,
            country: o.country,
        })
        .collect();
    Ok(HttpResponse::Ok().json(views))
}

/// Register an organisation (or fill in one a queue in config named first).
#[utoipa::path(post, path = "/api/v1/organisations", request_body(content = OrganisationInput, content_type = "application/json"),
    responses((status = 201), (status = 403, body = Problem), (status = 422, body = ValidationFailed)))]
#[tracing::instrument(skip_all)]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: OrganisationInput = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    let form = DetailsForm {
        id: body.id,
        name: body.name,
        kind: body.kind,
        country: body.country,
        contact: body.contact,
        signing_key: body.signing_key,
    };
    match service(&state).register(&who, &form).await {
        Ok(_) => Ok(HttpResponse::Created().finish()),
        Err(e) => organisation_error(&state, &req, e),
    }
}

/// Record the organisation's vetting: who (the caller), when (now), on what evidence.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/vetting", request_body(content = Vetting, content_type = "application/json"),
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = ValidationFailed)))]
#[tracing::instrument(skip_all)]
pub async fn vetting(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: Vetting = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    match service(&state)
        .record_vetting(&who, &id, &body.evidence)
        .await
    {
        Ok(()) => Ok(HttpResponse::NoContent().finish()),
        Err(e) => organisation_error(&state, &req, e),
    }
}

/// Add the desk organisation's countersignature (checked before it is stored).
#[utoipa::path(post, path = "/api/v1/organisations/{id}/countersignature", request_body(content = Countersignature, content_type = "application/json"),
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = ValidationFailed)))]
#[tracing::instrument(skip_all)]
pub async fn countersign(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: Countersignature = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    match service(&state)
        .countersign(&who, &id, &body.countersignature)
        .await
    {
        Ok(()) => Ok(HttpResponse::NoContent().finish()),
        Err(e) => organisation_error(&state, &req, e),
    }
}

/// Suspend or reinstate an organisation.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/suspension", request_body(content = Suspension, content_type = "application/json"),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn suspension(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: Suspension = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    match service(&state)
        .set_suspended(&who, &id, body.suspended)
        .await
    {
        Ok(()) => Ok(HttpResponse::NoContent().finish()),
        Err(e) => organisation_error(&state, &req, e),
    }
}
