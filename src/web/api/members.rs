//! An organisation's members as JSON, for the coordinators who manage them (`trust::members`):
//! each member's role, whether their membership chain verifies, and the queues they hold; and
//! giving a queue to a member by username, through the same certification checks as the
//! workspace's grant. Another organisation's members, queues and usernames are not found.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::trust::members;
use crate::web::shared::bearer::bearer;
use crate::web::shared::error::{ApiError, Problem};
use crate::web::shared::json::{api_error, read_json, validation_failed, ValidationFailed};
use crate::web::shared::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct MemberView {
    pub account_id: String,
    pub username: String,
    /// coordinator or responder.
    pub role: String,
    /// Whether the member's chain verifies now, up to the organisation's key: only then can
    /// they be given a queue.
    pub certified: bool,
    /// `certified`, or the gap in the chain: no-member, no-identity, key-not-bound,
    /// not-certified, broken-chain or organisation.
    pub standing: String,
    /// The queues whose current key the member holds.
    pub queues: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QueueGift {
    /// A queue of the organisation.
    pub queue: String,
}

#[derive(Serialize, ToSchema)]
pub struct QueueGiven {
    pub account_id: String,
    pub queue: String,
}

/// The organisation's members (its coordinators who manage members only).
#[utoipa::path(get, path = "/api/v1/organisations/{organisation}/members",
    responses((status = 200, body = [MemberView]),
        (status = 403, description = "Not a coordinator who manages members", body = Problem),
        (status = 404, description = "Not the caller's organisation", body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    organisation: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let listed = members::list(state.chain(), &who, &organisation)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    let views: Vec<MemberView> = listed
        .into_iter()
        .map(|m| MemberView {
            certified: m.standing.is_ok(),
            standing: m
                .standing
                .map_or_else(|gap| gap.code().to_owned(), |()| "certified".to_owned()),
            queues: m.queues,
            account_id: m.member.account_id,
            username: m.member.username,
            role: m.member.role,
        })
        .collect();
    Ok(HttpResponse::Ok().json(views))
}

/// Give a queue of the organisation to a member named by username: a copy of its key sealed
/// from the coordinator's own, only if the member's chain verifies right then. Audited.
#[utoipa::path(post, path = "/api/v1/organisations/{organisation}/members/{username}/queues",
    request_body(content = QueueGift, content_type = "application/json"),
    responses((status = 201, body = QueueGiven),
        (status = 403, description = "Not a coordinator who manages members and holds the queue, or the member is not certified", body = Problem),
        (status = 404, description = "Not the caller's organisation, or no such member or queue in it", body = Problem),
        (status = 422, body = ValidationFailed)))]
#[tracing::instrument(skip_all)]
pub async fn give_queue(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let body: QueueGift = match read_json(&state, &req, payload).await {
        Ok(Ok(body)) => body,
        Ok(Err(errors)) => return Ok(validation_failed(&state, &req, errors)),
        Err(failure) => return Err(api_error(&state, &req, failure)),
    };
    let (organisation, username) = path.into_inner();
    let account_id = members::give_queue(
        state.chain(),
        &state.accounts.audit,
        &who,
        &organisation,
        &username,
        &body.queue,
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Created().json(QueueGiven {
        account_id,
        queue: body.queue,
    }))
}
