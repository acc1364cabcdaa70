//! A report submitted as JSON: the same report as the form, with the same rules.

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;

use crate::domain::{FieldErrors, Report, ReportInput};
use crate::web::shared::error::{ApiError, Failure, Problem};
use crate::web::shared::json::{read_json, validation_failed, Created, ValidationFailed};
use crate::web::shared::metrics::{Channel, Reason};
use crate::web::shared::state::AppState;

/// Submit a report.
#[utoipa::path(
    post,
    path = "/api/v1/reports",
    request_body(content = ReportInput, content_type = "application/json", description = "The report; beside its fields, `attachments` may list complete uploads as StagedFile objects (upload id, token, use_location)"),
    responses(
        (status = 201, description = "Stored sealed; the receipt code is shown once", body = Created),
        (status = 400, description = "Malformed JSON", body = Problem),
        (status = 413, description = "Body too large", body = Problem),
        (status = 415, description = "Not application/json", body = Problem),
        (status = 408, description = "The body arrived too slowly", body = Problem),
        (status = 422, description = "Field errors; `too_thin` on `narrative` when it says nothing a responder could act on", body = ValidationFailed),
        (status = 429, description = "This source has sent its share for now; see Retry-After", body = Problem),
        (status = 503, description = "Everyone's share is used up, storage is full, or no desk can receive; nothing stored; see Retry-After", body = Problem),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn create_report(
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
    let invalid = |errors: FieldErrors| {
        state.metrics.refused(listener, Reason::of_fields(&errors));
        validation_failed(&state, &req, errors)
    };
    let mut input = match read_json::<ReportInput>(&state, &req, payload)
        .await
        .map_err(refused)?
    {
        Ok(input) => input,
        Err(errors) => return Ok(invalid(errors)),
    };
    let staged = std::mem::take(&mut input.attachments);
    let mut report = match Report::parse(input) {
        Ok(report) => report,
        Err(errors) => return Ok(invalid(errors)),
    };
    let files = match crate::web::shared::staged::take_staged(&state, &staged)
        .await
        .map_err(refused)?
    {
        Ok(files) => crate::reporting::attachments::use_positions(&mut report, files),
        Err(errors) => return Ok(invalid(errors)),
    };
    let receipt = state
        .intake
        .submit_with(report, &files)
        .await
        .map_err(|e| refused(Failure::from(e)))?;
    state.metrics.accepted(listener, Channel::Api);
    crate::web::shared::staged::discard_staged(&state, &staged).await;
    Ok(HttpResponse::Created().json(Created {
        report_id: receipt.report_id.to_string(),
        receipt_code: receipt.code.expose_secret().to_owned(),
        receipt_page: None,
    }))
}
