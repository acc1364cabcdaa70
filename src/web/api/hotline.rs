//! Filing on a caller's behalf, as JSON (issue 18, item 4): the same report input as
//! `POST /api/v1/reports`, filed by a member their NGO's coordinator allowed, with the same checks
//! and marks as the workspace's `/hotline` page (`web::staff::hotline`).

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{FieldErrors, Filing, Report, ReportInput};
use crate::trust::hotline;
use crate::web::shared::bearer::{bearer, json_body};
use crate::web::shared::error::{ApiError, Failure, Problem};
use crate::web::shared::json::{api_error, read_json, validation_failed, ValidationFailed};
use crate::web::shared::metrics::{Channel, Reason};
use crate::web::shared::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HotlineGrant {
    /// True to let the member file for callers, false to stop it.
    pub allow: bool,
}

#[derive(Serialize, ToSchema)]
pub struct HotlineFiled {
    /// Read it to the caller now. Shown once; the server keeps nothing of it. No report id is
    /// given: the filing is not tied to its report anywhere but inside the sealed report.
    pub receipt_code: String,
}

/// Let a member of the coordinator's NGO file reports for callers, or stop it.
#[utoipa::path(post, path = "/api/v1/members/{account}/hotline",
    request_body = HotlineGrant,
    responses((status = 204, description = "Changed, and audited"), (status = 403, description = "Not a certified coordinator of an NGO", body = Problem), (status = 404, description = "Not a member of the coordinator's organisation", body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn set_hotline(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: HotlineGrant = json_body(&state, &req, payload).await?;
    let who = bearer(&state, &req).await?;
    hotline::set(
        state.chain(),
        &state.accounts.audit,
        &who,
        &account,
        body.allow,
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::NoContent().finish())
}

/// File a report for a caller (hotline staff): every consent is the caller's to give, none is
/// assumed. Routed and sealed as any report; no attachments.
#[utoipa::path(
    post,
    path = "/api/v1/hotline/reports",
    request_body(content = ReportInput, content_type = "application/json", description = "The caller's report, as for POST /api/v1/reports, without attachments"),
    responses(
        (status = 201, description = "Stored sealed; the receipt code is shown once", body = HotlineFiled),
        (status = 403, description = "Not allowed to file for callers", body = Problem),
        (status = 422, description = "Field errors", body = ValidationFailed),
        (status = 429, description = "This source has sent its share for now; see Retry-After", body = Problem),
        (status = 503, description = "Everyone's share is used up, storage is full, or no desk can receive; nothing stored; see Retry-After", body = Problem),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn file(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    hotline::may_file(&state.intake.store, &who)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    let api_error = |failure| ApiError::new(failure, state.tr(&req, None));
    let listener = state.admit_submission(&req).map_err(api_error)?;
    let refused = |failure: Failure| {
        state.metrics.refused(listener, Reason::from(failure));
        api_error(failure)
    };
    let invalid = |errors: FieldErrors| {
        state.metrics.refused(listener, Reason::of_fields(&errors));
        validation_failed(&state, &req, errors)
    };
    let input = match read_json::<ReportInput>(&state, &req, payload)
        .await
        .map_err(refused)?
    {
        Ok(input) => input,
        Err(errors) => return Ok(invalid(errors)),
    };
    if !input.attachments.is_empty() {
        let mut errors = FieldErrors::default();
        errors.push("attachments", "unknown_field");
        return Ok(invalid(errors));
    }
    let report = match Report::parse(input) {
        Ok(report) => report,
        Err(errors) => return Ok(invalid(errors)),
    };
    hotline::record_filing(&state.accounts.audit, &who)
        .await
        .map_err(|e| ApiError::new(Failure::from(e), state.tr(&req, None)))?;
    let receipt = state
        .intake
        .submit_filed(report, Filing::Hotline)
        .await
        .map_err(|e| refused(Failure::from(e)))?;
    state.metrics.accepted(listener, Channel::Api);
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(HotlineFiled {
            receipt_code: receipt.code.expose_secret().to_owned(),
        }))
}
