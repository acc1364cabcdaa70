//! The JSON API: the same report as the form, with the same rules. 201 with the receipt code; 422
//! with a list of field errors; 400 for malformed JSON; 413 past the size limit; 415 for a wrong
//! content type. Described by the OpenAPI document served at /api/v1/openapi.json.

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;
use serde::Serialize;
use serde_json::Value;
use utoipa::{OpenApi, ToSchema};

use super::error::{ApiError, Failure};
use super::metrics::{Channel, Reason};
use super::{body, AppState};
use crate::domain::report::StagedFile;
use crate::domain::{FieldError, FieldErrors, Report, ReportInput};

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub report_id: String,
    /// Shown once: 20 digits in five groups of four.
    pub receipt_code: String,
    /// Sealed reports only: for the form's script, to POST as `receipt` to /receipt/show, which
    /// shows the receipt page without the code in a URL. Valid for 30 minutes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt_page: Option<String>,
}

/// A field error with its message in the request's language.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct ValidationFailed {
    /// Always `validation`.
    pub error: String,
    pub errors: Vec<FieldProblem>,
}

#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// `bad_request`, `too_large`, `unsupported_media_type`, `unavailable` or `internal`.
    pub error: String,
    pub message: String,
}

/// What every operation of the document can also answer, added to each one in one place: the
/// path parameters its template names, and the refusals the shared edge gives (a malformed,
/// mistyped, oversized or too slow body; a missing session; the submission limits).
struct CommonResponses;

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
        use utoipa::openapi::{
            ContentBuilder, ObjectBuilder, Ref, Required, ResponseBuilder, Type,
        };
        let answer = |description: &str, schema: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name(schema)))
                        .build(),
                )
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let names: Vec<&str> = path
                .split('/')
                .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
                .collect();
            let staff = ["/api/v1/queues", "/api/v1/members", "/api/v1/organisations"]
                .iter()
                .any(|p| path.starts_with(p));
            let submission = path == "/api/v1/reports" || path == "/api/v1/uploads";
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                for name in &names {
                    let params = op.parameters.get_or_insert_with(Vec::new);
                    if !params.iter().any(|p| p.name == *name) {
                        params.push(
                            ParameterBuilder::new()
                                .name(*name)
                                .parameter_in(ParameterIn::Path)
                                .required(Required::True)
                                .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                                .build(),
                        );
                    }
                }
                let mut extra = Vec::new();
                if staff {
                    extra.push(("401", "No session, or it ended", "Problem"));
                }
                if submission {
                    extra.push((
                        "429",
                        "This source has sent its share for now; see Retry-After",
                        "Problem",
                    ));
                    extra.push((
                        "503",
                        "Everyone's share is used up, or storage is full; see Retry-After",
                        "Problem",
                    ));
                }
                if op.request_body.is_some() {
                    extra.extend([
                        ("400", "The body could not be read", "Problem"),
                        ("408", "The body arrived too slowly", "Problem"),
                        ("413", "The body is too large", "Problem"),
                        ("415", "Not the documented content type", "Problem"),
                        (
                            "422",
                            "A field is wrong, unknown or missing; each is named",
                            "ValidationFailed",
                        ),
                    ]);
                }
                for (code, description, schema) in extra {
                    op.responses
                        .responses
                        .entry(code.to_owned())
                        .or_insert_with(|| answer(description, schema).into());
                }
            }
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    modifiers(&CommonResponses),
    info(
        title = "Homeward API",
        description = "Sealed, triaged, routed reports of people held in scam compounds, and the \
            responder workspace. Workspace calls need `Authorization: Bearer <token>` from \
            POST /api/v1/session."
    ),
    paths(
        create_report,
        crate::web::uploads_api::create,
        crate::web::uploads_api::status,
        crate::web::uploads_api::append,
        crate::web::followup_api::open,
        crate::web::followup_api::read,
        crate::web::followup_api::add,
        crate::web::followup_api::contact,
        crate::web::followup_api::consents,
        crate::web::followup_api::attach,
        crate::web::followup_api::withdraw,
        crate::web::workspace_api::login,
        crate::web::workspace_api::logout,
        crate::web::workspace_api::queues,
        crate::web::workspace_api::entries,
        crate::web::workspace_api::open_report,
        crate::web::workspace_api::download_file,
        crate::web::workspace_api::claim,
        crate::web::workspace_api::release,
        crate::web::workspace_api::change_status,
        crate::web::workspace_api::reply,
        crate::web::workspace_api::note,
        crate::web::workspace_api::refer,
        crate::web::admin_api::import_key,
        crate::web::admin_api::grant,
        crate::web::admin_api::rotate,
        crate::web::admin_api::confirm_membership,
        crate::web::admin_api::remove_member,
        crate::web::admin_api::organisations,
        crate::web::admin_api::register,
        crate::web::admin_api::vetting,
        crate::web::admin_api::countersign,
        crate::web::admin_api::suspension,
        crate::web::sealed_api::ticket,
        crate::web::sealed_api::submit
    ),
    components(schemas(
        ReportInput,
        crate::domain::report::ReporterInput,
        crate::domain::report::PersonInput,
        crate::domain::report::LocationInput,
        crate::domain::report::DocumentInput,
        crate::domain::report::RecruitmentInput,
        crate::domain::report::ConsentInput,
        Created,
        StagedFile,
        crate::web::uploads_api::NewUpload,
        crate::web::uploads_api::UploadCreated,
        crate::web::uploads_api::UploadProgress,
        crate::web::followup_api::CodeRequest,
        crate::web::followup_api::ThreadView,
        crate::web::followup_api::ThreadMessageView,
        crate::web::followup_api::VisitRequest,
        crate::web::followup_api::AdditionRequest,
        crate::web::followup_api::ContactRequest,
        crate::web::followup_api::ConsentRequest,
        crate::web::followup_api::AttachRequest,
        crate::web::followup_api::WithdrawRequest,
        ValidationFailed,
        FieldProblem,
        Problem,
        FieldError,
        crate::web::workspace_api::LoginRequest,
        crate::web::workspace_api::SessionCreated,
        crate::web::workspace_api::QueueList,
        crate::web::workspace_api::EntryView,
        crate::web::workspace_api::EntryStateView,
        crate::web::workspace_api::OpenedItemView,
        crate::web::workspace_api::OpenedReport,
        crate::web::workspace_api::StatusChange,
        crate::web::workspace_api::MessageText,
        crate::web::workspace_api::ReferralRequest,
        crate::web::workspace_api::Refused,
        crate::web::admin_api::KeyImport,
        crate::web::admin_api::KeyRotation,
        crate::web::admin_api::Grant,
        crate::web::admin_api::Count,
        crate::web::admin_api::RotationDue,
        crate::web::admin_api::OrganisationInput,
        crate::web::admin_api::Vetting,
        crate::web::admin_api::Countersignature,
        crate::web::admin_api::Suspension,
        crate::web::admin_api::QueueStanding,
        crate::web::admin_api::OrganisationView,
        crate::domain::RoutingFactsInput,
        crate::domain::facts::PlaceInput,
        crate::domain::facts::NationalityInput,
        crate::reporting::sealed::Ticket,
        crate::reporting::sealed::TicketItems,
        crate::reporting::sealed::TicketAudiences,
        crate::reporting::sealed::TicketRecipient,
        crate::reporting::sealed::TicketOrganisation,
        crate::reporting::sealed::SealedSubmission,
        crate::reporting::sealed::DeviceItem,
        crate::reporting::sealed::DeviceKey
    ))
)]
pub struct ApiDoc;

pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(ApiDoc::openapi().to_json().unwrap_or_default())
}

/// Turns a serde error into the field it concerns and a code.
fn field_error(path: &serde_path_to_error::Path, error: &serde_json::Error) -> FieldError {
    let field = path
        .to_string()
        .replace('[', ".")
        .replace(']', "")
        .trim_start_matches('.')
        .to_owned();
    let message = error.to_string();
    let code = if message.contains("duplicate field") {
        "duplicate_field"
    } else if message.contains("unknown field") {
        "unknown_field"
    } else if message.contains("invalid type") {
        "invalid_type"
    } else {
        "invalid_value"
    };
    FieldError {
        field: if field.is_empty() { ".".into() } else { field },
        code,
    }
}

/// A report input from a JSON value (the form's decoded answers).
pub fn input_from_value(value: Value) -> Result<ReportInput, FieldErrors> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let (path, inner) = (e.path().clone(), e.into_inner());
        FieldErrors(vec![field_error(&path, &inner)])
    })
}

/// Malformed JSON is a 400; well-formed JSON of the wrong shape names its field (422). Public
/// for the fuzzer.
pub fn input_from_json(bytes: &[u8]) -> Result<Result<ReportInput, FieldErrors>, Failure> {
    from_json(bytes)
}

/// Any JSON body by the same rules as a report's.
pub fn from_json<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
) -> Result<Result<T, FieldErrors>, Failure> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let input = match serde_path_to_error::deserialize(&mut de) {
        Ok(input) => input,
        Err(e) if e.inner().classify() == serde_json::error::Category::Data => {
            let (path, inner) = (e.path().clone(), e.into_inner());
            return Ok(Err(FieldErrors(vec![field_error(&path, &inner)])));
        }
        Err(_) => return Err(Failure::BadRequest),
    };
    de.end().map_err(|_| Failure::BadRequest)?;
    Ok(Ok(input))
}

/// A JSON body of the given shape, by the report's rules: 415 for another content type, 413
/// past the size limit, 400 when it is not JSON, the field named when it is JSON of the wrong
/// shape. The caller counts the refusal.
pub(super) async fn read_json<T: serde::de::DeserializeOwned>(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Result<T, FieldErrors>, Failure> {
    body::require_content_type(req, "application/json")?;
    let bytes = body::read(req, payload, state.max_body_bytes).await?;
    from_json(&bytes)
}

pub(super) fn validation_failed(
    state: &AppState,
    req: &HttpRequest,
    errors: FieldErrors,
) -> HttpResponse {
    let tr = state.tr(req, None);
    HttpResponse::UnprocessableEntity().json(ValidationFailed {
        error: "validation".into(),
        errors: errors
            .0
            .into_iter()
            .map(|e| FieldProblem {
                message: tr.error(e.code),
                field: e.field,
                code: e.code.to_owned(),
            })
            .collect(),
    })
}

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
    let files = match super::uploads_api::take_staged(&state, &staged)
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
    super::uploads_api::discard_staged(&state, &staged).await;
    Ok(HttpResponse::Created().json(Created {
        report_id: receipt.report_id.to_string(),
        receipt_code: receipt.code.expose_secret().to_owned(),
        receipt_page: None,
    }))
}
