//! Resumable uploads under /api/v1/uploads, in the manner of tus: create with the size, append
//! at the offset the server has reached (`Upload-Offset`), ask that offset again after a dropped
//! connection. The upload's token rides in the `Upload-Token` header, never in a URL.

use actix_web::http::header::HeaderName;
use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::report::StagedFile;
use crate::domain::FieldErrors;
use crate::reporting::attachments::Cleaned;
use crate::reporting::staging::{Progress, StagingError, MAX_PIECE};
use crate::web::shared::body;
use crate::web::shared::error::{ApiError, Failure, Problem};
use crate::web::shared::json::{api_error, validation_failed, ValidationFailed};
use crate::web::shared::state::AppState;

const UPLOAD_TOKEN: HeaderName = HeaderName::from_static("upload-token");
const UPLOAD_OFFSET: HeaderName = HeaderName::from_static("upload-offset");

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUpload {
    /// The file's size in bytes, at most `attachments.max_bytes`.
    pub size: i64,
    /// What the client believes the file is; the server decides from the bytes and refuses a
    /// file that is something else.
    pub media_type: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct UploadCreated {
    pub id: String,
    /// Shown once; send it as `Upload-Token` with every request about this upload, and with
    /// the report or visit that attaches it.
    pub token: String,
    pub offset: i64,
    /// The most one PATCH may carry.
    pub max_piece: usize,
}

#[derive(Serialize, ToSchema)]
pub struct UploadProgress {
    pub offset: i64,
    pub size: i64,
    /// Complete and cleaned: it can be attached.
    pub ready: bool,
}

fn progress(status: actix_web::http::StatusCode, p: Progress) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((UPLOAD_OFFSET, p.offset.to_string()))
        .insert_header(("Cache-Control", "no-store"))
        .json(UploadProgress {
            offset: p.offset,
            size: p.size,
            ready: p.ready,
        })
}

/// How a staging failure is answered: where the upload stands, or the refused file named,
/// else the failure's status.
pub(super) fn staging_error(state: &AppState, req: &HttpRequest, e: StagingError) -> HttpResponse {
    match e {
        StagingError::Offset(at) => HttpResponse::Conflict()
            .insert_header((UPLOAD_OFFSET, at.to_string()))
            .json(Problem {
                error: "offset".into(),
                message: state.tr(req, None).error("upload_offset"),
            }),
        StagingError::Refused(refusal) => {
            let mut errors = crate::domain::FieldErrors::default();
            errors.push("file", refusal.code());
            validation_failed(state, req, errors)
        }
        other => actix_web::ResponseError::error_response(&api_error(state, req, other)),
    }
}

fn token(req: &HttpRequest) -> &str {
    req.headers()
        .get(UPLOAD_TOKEN)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

fn upload_id(raw: &str) -> Uuid {
    // An id that is not one finds nothing, like an unknown one.
    Uuid::parse_str(raw).unwrap_or_else(|_| Uuid::nil())
}

/// Start a resumable upload.
#[utoipa::path(
    post,
    path = "/api/v1/uploads",
    request_body(content = NewUpload, content_type = "application/json"),
    responses(
        (status = 201, body = UploadCreated),
        (status = 413, description = "Larger than attachments.max_bytes", body = Problem),
        (status = 422, body = ValidationFailed),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let api_error = |failure| ApiError::new(failure, state.tr(&req, None));
    // A new upload counts as a submission: it is what a flood of junk files would start with.
    state.admit_submission(&req).map_err(api_error)?;
    body::require_content_type(&req, "application/json").map_err(api_error)?;
    let bytes = body::read(&req, payload, 4096).await.map_err(api_error)?;
    let Ok(new) = serde_json::from_slice::<NewUpload>(&bytes) else {
        let mut errors = crate::domain::FieldErrors::default();
        errors.push("size", "invalid_value");
        return Ok(validation_failed(&state, &req, errors));
    };
    match state
        .staging()
        .create(new.size, new.media_type.as_deref())
        .await
    {
        Ok((id, token)) => Ok(HttpResponse::Created()
            .insert_header(("Cache-Control", "no-store"))
            .json(UploadCreated {
                id: id.to_string(),
                token: token.expose_secret().to_owned(),
                offset: 0,
                max_piece: MAX_PIECE,
            })),
        Err(e) => Ok(staging_error(&state, &req, e)),
    }
}

/// Where an upload stands (after a dropped connection, say).
#[utoipa::path(
    get,
    path = "/api/v1/uploads/{id}",
    params(("Upload-Token" = String, Header, description = "The upload's token")),
    responses((status = 200, body = UploadProgress), (status = 404, body = Problem))
)]
#[tracing::instrument(skip_all)]
pub async fn status(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
) -> HttpResponse {
    match state.staging().progress(upload_id(&id), token(&req)).await {
        Ok(p) => progress(actix_web::http::StatusCode::OK, p),
        Err(e) => staging_error(&state, &req, e),
    }
}

/// Append the next piece at `Upload-Offset`. The last piece completes the upload: the file is
/// cleaned then, and refused with field errors if it is not what it claims.
#[utoipa::path(
    patch,
    path = "/api/v1/uploads/{id}",
    params(
        ("Upload-Token" = String, Header, description = "The upload's token"),
        ("Upload-Offset" = i64, Header, description = "Where this piece starts: the offset the server last reported")
    ),
    request_body(content = Vec<u8>, content_type = "application/offset+octet-stream"),
    responses(
        (status = 200, body = UploadProgress),
        (status = 404, body = Problem),
        (status = 409, description = "Not at the server's offset; Upload-Offset says where it is", body = Problem),
        (status = 413, body = Problem),
        (status = 422, description = "The completed file was refused", body = ValidationFailed),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn append(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let api_error = |failure| ApiError::new(failure, state.tr(&req, None));
    body::require_content_type(&req, "application/offset+octet-stream").map_err(api_error)?;
    let offset = req
        .headers()
        .get(UPLOAD_OFFSET)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| api_error(Failure::BadRequest))?;
    let staging = state.staging();
    let mut reserved = crate::reporting::attachments::Reservation::default();
    if !state.uploads.grow(&mut reserved, MAX_PIECE) {
        return Err(api_error(Failure::Unavailable));
    }
    let piece = body::read(&req, payload, MAX_PIECE)
        .await
        .map_err(api_error)?;
    match staging
        .append(upload_id(&id), token(&req), offset, &piece)
        .await
    {
        Ok(p) => Ok(progress(actix_web::http::StatusCode::OK, p)),
        Err(e) => Ok(staging_error(&state, &req, e)),
    }
}

/// The complete uploads a report or a visit names, cleaned already, each with whether the
/// reporter asked for its position; a missing or incomplete one names its place in the list.
pub(super) async fn take_staged(
    state: &AppState,
    staged: &[StagedFile],
) -> Result<Result<Vec<(Cleaned, bool)>, FieldErrors>, Failure> {
    let mut errors = FieldErrors::default();
    if staged.len() > state.attachments.max_count {
        errors.push("attachments", "file_too_many");
        return Ok(Err(errors));
    }
    let staging = state.staging();
    let mut files = Vec::with_capacity(staged.len());
    for (i, file) in staged.iter().enumerate() {
        match staging
            .take(upload_id(&file.upload), file.token.expose_secret())
            .await
        {
            // The reservation ends here: the caller holds the bytes from now on.
            Ok((cleaned, _reservation)) => files.push((cleaned, file.use_location)),
            Err(StagingError::NotFound) => {
                errors.push(format!("attachments.{i}.upload"), "upload_unknown");
                return Ok(Err(errors));
            }
            Err(StagingError::Incomplete) => {
                errors.push(format!("attachments.{i}.upload"), "upload_incomplete");
                return Ok(Err(errors));
            }
            Err(e) => return Err(Failure::from(e)),
        }
    }
    Ok(Ok(files))
}

/// Uploads stored with a report or a visit go; what is left staged would expire anyway.
pub(super) async fn discard_staged(state: &AppState, staged: &[StagedFile]) {
    for file in staged {
        if let Err(e) = state.staging().discard(upload_id(&file.upload)).await {
            tracing::warn!(error = %e, "a used upload was not discarded");
        }
    }
}
