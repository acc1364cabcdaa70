//! JSON in and out by the report's rules: a body of a given shape, or the field it gets wrong
//! (422, each problem named in the visitor's language), or 400 when it is not JSON at all; and
//! the answer a stored report gets.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use crate::domain::{FieldError, FieldErrors, ReportInput};
use crate::web::shared::body;
use crate::web::shared::error::{ApiError, Failure};
use crate::web::shared::state::AppState;

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
pub async fn read_json<T: serde::de::DeserializeOwned>(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Result<T, FieldErrors>, Failure> {
    body::require_content_type(req, "application/json")?;
    let bytes = body::read(req, payload, state.max_body_bytes).await?;
    from_json(&bytes)
}

pub fn validation_failed(state: &AppState, req: &HttpRequest, errors: FieldErrors) -> HttpResponse {
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

/// A failure answered as JSON in the request's language.
pub fn api_error(state: &AppState, req: &HttpRequest, failure: impl Into<Failure>) -> ApiError {
    ApiError::new(failure, state.tr(req, None))
}
