//! Resumable uploads under /api/v1/uploads, in the manner of tus: create with the size, append
//! at the offset the server has reached (`Upload-Offset`), ask that offset again after a dropped
//! connection. The upload's token rides in the `Upload-Token` header, never in a URL. A piece is
//! accepted or refused from its headers (token, offset, length) before its body is read, and
//! its bytes count against the upload budget as they arrive, not as announced.

use actix_web::http::header::HeaderName;
use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::reporting::staging::{Progress, StagingError, MAX_PIECE};
use crate::web::shared::body;
use crate::web::shared::error::{ApiError, Failure, Problem};
use crate::web::shared::json::{api_error, validation_failed, ValidationFailed};
use crate::web::shared::staged::upload_id;
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
        (status = 503, description = "The upload budget is spent; see Retry-After", body = Problem),
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
    let id = upload_id(&id);
    // The token, the offset and the length are all in the headers: a request that cannot be
    // appended is answered before a byte of its body is read, and holds no upload memory.
    if let Err(e) = staging
        .accepts(id, token(&req), offset, body::declared_length(&req))
        .await
    {
        return Ok(staging_error(&state, &req, e));
    }
    // A piece of a file in the clear, reserved as it arrives: wiped once it is sealed and
    // staged, and its reservation given back with it.
    let source = crate::web::shared::upload::source(&state, &req);
    let (piece, _reserved) = body::read_budgeted(&req, payload, MAX_PIECE, &state.uploads, source)
        .await
        .map_err(api_error)?;
    match staging.append(id, token(&req), offset, &piece).await {
        Ok(p) => Ok(progress(actix_web::http::StatusCode::OK, p)),
        Err(e) => Ok(staging_error(&state, &req, e)),
    }
}
