//! Reports sealed on the device, in two steps (docs/sealed-intake.md): a routing ticket for the
//! routing facts, then the sealed items with the ticket. The ticket request is what counts
//! against the submission limits, since a report cannot be sent without one; sending the items
//! has its own per-source allowance, twice that, so that tickets are not tried in bulk.

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;

use crate::domain::RoutingFactsInput;
use crate::reporting::sealed::{SealedError, SealedIntake, SealedSubmission, Ticket};
use crate::web::shared::error::{ApiError, Failure, Problem};
use crate::web::shared::json::{read_json, validation_failed, Created, ValidationFailed};
use crate::web::shared::metrics::{Channel, Reason};
use crate::web::shared::state::AppState;

/// Ask for a routing ticket.
#[utoipa::path(
    post,
    path = "/api/v1/sealed/tickets",
    request_body(content = RoutingFactsInput, content_type = "application/json", description = "The routing facts only: where the person is, their nationality, the language, the consents and the indicators"),
    responses(
        (status = 201, description = "A single-use ticket: the ids to bind and, for each audience, the queue keys to seal to with their organisations' signatures", body = Ticket),
        (status = 400, description = "Malformed JSON", body = Problem),
        (status = 422, description = "Field errors", body = ValidationFailed),
        (status = 429, description = "This source has sent its share for now; see Retry-After", body = Problem),
        (status = 503, description = "Everyone's share is used up, storage is full, or no desk can receive; see Retry-After", body = Problem),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn ticket(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let api_error = |failure| ApiError::new(failure, state.tr(&req, None));
    let listener = state.admit_submission(&req).map_err(api_error)?;
    let refused = |failure: Failure| {
        state.metrics.refused(listener, Reason::from(failure));
        api_error(failure)
    };
    let input: RoutingFactsInput = match read_json(&state, &req, payload).await.map_err(refused)? {
        Ok(input) => input,
        Err(errors) => {
            state.metrics.refused(listener, Reason::Invalid);
            return Ok(validation_failed(&state, &req, errors));
        }
    };
    match sealed(&state).issue(input).await {
        Ok(ticket) => Ok(HttpResponse::Created()
            .insert_header(("Cache-Control", "no-store"))
            .json(ticket)),
        Err(SealedError::Facts(errors)) => {
            state.metrics.refused(listener, Reason::Invalid);
            Ok(validation_failed(&state, &req, errors))
        }
        Err(e) => Err(refused(Failure::from(e))),
    }
}

/// Submit a report sealed on the device, with its ticket.
#[utoipa::path(
    post,
    path = "/api/v1/sealed/reports",
    request_body(content = SealedSubmission, content_type = "application/json"),
    responses(
        (status = 201, description = "Stored as sealed; the receipt code is shown once", body = Created),
        (status = 400, description = "Malformed JSON", body = Problem),
        (status = 403, description = "The ticket is unknown, forged or already used; ask for a new one", body = Problem),
        (status = 409, description = "A queue's key changed since the ticket was issued; ask for a new one and seal again", body = Problem),
        (status = 410, description = "The ticket expired; ask for a new one", body = Problem),
        (status = 422, description = "The items differ from the ticket (ids, recipients, formats or sizes); each difference named", body = ValidationFailed),
        (status = 429, description = "This source has sent its share for now; see Retry-After", body = Problem),
        (status = 503, description = "Storage is full, or no desk can receive; see Retry-After", body = Problem),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let listener = state.listener(&req);
    let refused = |failure: Failure| {
        state.metrics.refused(listener, Reason::from(failure));
        ApiError::new(failure, state.tr(&req, None))
    };
    // Limited like the other ways in, before anything is read: per address, or per circuit on
    // the onion listener.
    let source = crate::web::shared::throttle::limit_source(&req, &state.trusted_proxies); // rate limit only
    if !state.sealed_submits.allow(source) {
        return Err(refused(Failure::TooManyRequests));
    }
    let submission: SealedSubmission =
        match read_json(&state, &req, payload).await.map_err(refused)? {
            Ok(submission) => submission,
            Err(errors) => {
                state.metrics.refused(listener, Reason::Invalid);
                return Ok(validation_failed(&state, &req, errors));
            }
        };
    match sealed(&state).submit(&submission).await {
        Ok(receipt) => {
            state.metrics.accepted(listener, Channel::Device);
            Ok(HttpResponse::Created()
                .insert_header(("Cache-Control", "no-store"))
                .json(Created {
                    report_id: receipt.report_id.to_string(),
                    receipt_code: receipt.code.expose_secret().to_owned(),
                    receipt_page: crate::web::shared::receipt_carrier::carrier(
                        &state,
                        &receipt.code,
                        receipt.priority == crate::triage::Priority::Critical,
                    ),
                }))
        }
        Err(SealedError::Mismatch(errors)) => {
            state.metrics.refused(listener, Reason::Invalid);
            Ok(validation_failed(&state, &req, errors))
        }
        Err(e) => Err(refused(Failure::from(e))),
    }
}

fn sealed(state: &AppState) -> SealedIntake<'_> {
    SealedIntake {
        intake: &state.intake,
        accounts: &state.accounts,
    }
}
