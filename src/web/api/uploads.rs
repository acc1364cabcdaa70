//! Resumable uploads under /api/v1/uploads, in the tus 1.0.0 protocol with its creation
//! extension (`tus`), and in the JSON flow the API had first: create with the size, append at
//! the offset the server has reached (`Upload-Offset`), ask that offset again after a dropped
//! connection. The upload's token rides in the `Upload-Token` header, never in a URL: a tus
//! creation answers with it in that header, once. A piece is accepted or refused from its
//! headers (token, offset, length) before its body is read, and its bytes count against the
//! upload budget as they arrive, not as announced.

mod tus;

use actix_web::http::header::{HeaderName, HeaderValue, LOCATION};
use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::reporting::staging::{Progress, StagingError, MAX_PIECE};
use crate::web::shared::body;
use crate::web::shared::error::{Failure, Problem};
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

/// Why a request about an upload was not carried out; answered in one place (`answered`).
enum Refused {
    /// A tus request naming another version, or none.
    Version,
    /// A tus creation longer than the largest upload.
    PastMax,
    /// The JSON flow's creation body is not a `NewUpload`.
    Shape,
    Failure(Failure),
    Staging(StagingError),
}

impl From<Failure> for Refused {
    fn from(failure: Failure) -> Refused {
        Refused::Failure(failure)
    }
}

impl From<StagingError> for Refused {
    fn from(error: StagingError) -> Refused {
        Refused::Staging(error)
    }
}

impl From<tus::WrongVersion> for Refused {
    fn from(_: tus::WrongVersion) -> Refused {
        Refused::Version
    }
}

/// How a refusal is answered: a staging failure says where the upload stands, or names the
/// refused file; anything else is its failure's status.
fn refusal(state: &AppState, req: &HttpRequest, refused: Refused) -> HttpResponse {
    let failure =
        |failure| actix_web::ResponseError::error_response(&api_error(state, req, failure));
    match refused {
        Refused::Version => tus::wrong_version(state.tr(req, None)),
        Refused::PastMax => {
            let mut response = failure(Failure::TooLarge);
            response.headers_mut().insert(
                tus::TUS_MAX_SIZE,
                HeaderValue::from(state.attachments.max_bytes),
            );
            response
        }
        Refused::Shape => {
            let mut errors = crate::domain::FieldErrors::default();
            errors.push("size", "invalid_value");
            validation_failed(state, req, errors)
        }
        Refused::Failure(f) => failure(f),
        Refused::Staging(StagingError::Offset(at)) => HttpResponse::Conflict()
            .insert_header((UPLOAD_OFFSET, at.to_string()))
            .json(Problem {
                error: "offset".into(),
                message: state.tr(req, None).error("upload_offset"),
            }),
        Refused::Staging(StagingError::Refused(refused)) => {
            let mut errors = crate::domain::FieldErrors::default();
            errors.push("file", refused.code());
            validation_failed(state, req, errors)
        }
        Refused::Staging(other) => failure(Failure::from(other)),
    }
}

/// Either flow's answer, or its refusal, with the version named.
fn answered(
    state: &AppState,
    req: &HttpRequest,
    answer: Result<HttpResponse, Refused>,
) -> HttpResponse {
    tus::stamped(answer.unwrap_or_else(|refused| refusal(state, req, refused)))
}

fn token(req: &HttpRequest) -> &str {
    req.headers()
        .get(UPLOAD_TOKEN)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// A tus request without its upload's token is told so; a wrong token finds nothing, as an
/// unknown upload does.
fn tus_token(req: &HttpRequest) -> Result<&str, Refused> {
    match token(req) {
        "" => Err(Failure::BadRequest.into()),
        token => Ok(token),
    }
}

/// What the server offers: the tus version, the creation extension, the largest upload.
#[utoipa::path(
    options,
    path = "/api/v1/uploads",
    responses((status = 204, description = "What the server offers", headers(
        ("Tus-Resumable" = String, description = "1.0.0"),
        ("Tus-Version" = String, description = "1.0.0"),
        ("Tus-Extension" = String, description = "creation"),
        ("Tus-Max-Size" = i64, description = "The largest upload, in bytes: attachments.max_bytes"),
    )))
)]
#[tracing::instrument(skip_all)]
pub async fn offer(state: web::Data<AppState>) -> HttpResponse {
    tus::stamped(tus::offered(state.attachments.max_bytes))
}

/// Start a resumable upload: tus creation (`Tus-Resumable: 1.0.0` and `Upload-Length`, no body),
/// or the JSON flow (a `NewUpload` body). A tus creation answers 201 with the upload's URL in
/// `Location` and its token in `Upload-Token`, shown this once.
#[utoipa::path(
    post,
    path = "/api/v1/uploads",
    params(
        ("Tus-Resumable" = Option<String>, Header, description = "1.0.0 for tus creation; absent for the JSON flow"),
        ("Upload-Length" = Option<i64>, Header, description = "tus: the file's size in bytes, at most Tus-Max-Size"),
        ("Upload-Metadata" = Option<String>, Header, description = "tus: ignored, never stored or logged"),
    ),
    request_body(content = NewUpload, content_type = "application/json", description = "The JSON flow; a tus creation sends no body"),
    responses(
        (status = 201, body = UploadCreated, description = "Created. A tus creation answers with no body, and the upload's token in `Upload-Token`", headers(
            ("Location" = String, description = "tus: the upload's URL, /api/v1/uploads/{id}"),
            ("Upload-Token" = String, description = "tus: the upload's token, shown once; send it as `Upload-Token` with every request about the upload, and in the report or visit that attaches it"),
            ("Tus-Resumable" = String, description = "1.0.0"),
        )),
        (status = 400, description = "tus: no readable Upload-Length, a deferred length, or a body (creation-with-upload is not offered)", body = Problem),
        (status = 412, description = "tus: Tus-Resumable is not 1.0.0; Tus-Version names the version spoken", body = Problem),
        (status = 413, description = "Larger than attachments.max_bytes (Tus-Max-Size)", body = Problem),
        (status = 422, body = ValidationFailed),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let answer = if tus::creates(&req) {
        create_tus(&state, &req).await
    } else {
        create_json(&state, &req, payload).await
    };
    answered(&state, &req, answer)
}

async fn create_tus(state: &AppState, req: &HttpRequest) -> Result<HttpResponse, Refused> {
    tus::require_version(req)?;
    // A new upload counts as a submission: it is what a flood of junk files would start with.
    state.admit_submission(req)?;
    // The bytes come by PATCH only: a creation that carries some (creation-with-upload) is not
    // one this server offers. An empty chunked body is no body.
    if body::declared_length(req).is_some_and(|n| n > 0)
        || body::require_content_type(req, "application/offset+octet-stream").is_ok()
    {
        return Err(Failure::BadRequest.into());
    }
    let size = match tus::upload_length(req) {
        // An empty file is no attachment.
        Ok(tus::Length::Bytes(0)) | Err(_) => return Err(Failure::BadRequest.into()),
        Ok(tus::Length::Bytes(n)) => i64::try_from(n).map_err(|_| Refused::PastMax)?,
        Ok(tus::Length::Huge) => return Err(Refused::PastMax),
    };
    if usize::try_from(size).map_or(true, |n| n > state.attachments.max_bytes) {
        return Err(Refused::PastMax);
    }
    // What the file is, the cleaner decides from its bytes.
    let (id, token) = state.staging().create(size, None).await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/uploads/{id}")))
        .insert_header((UPLOAD_TOKEN, token.expose_secret()))
        .insert_header(("Cache-Control", "no-store"))
        .finish())
}

async fn create_json(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, Refused> {
    // A new upload counts as a submission: it is what a flood of junk files would start with.
    state.admit_submission(req)?;
    body::require_content_type(req, "application/json")?;
    let bytes = body::read(req, payload, 4096).await?;
    let new = serde_json::from_slice::<NewUpload>(&bytes).map_err(|_| Refused::Shape)?;
    let (id, token) = state
        .staging()
        .create(new.size, new.media_type.as_deref())
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(UploadCreated {
            id: id.to_string(),
            token: token.expose_secret().to_owned(),
            offset: 0,
            max_piece: MAX_PIECE,
        }))
}

/// Where an upload stands (after a dropped connection, say), for the JSON flow.
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
    let answer = state.staging().progress(upload_id(&id), token(&req)).await;
    let answer = answer
        .map(|p| progress(actix_web::http::StatusCode::OK, p))
        .map_err(Refused::from);
    answered(&state, &req, answer)
}

/// Where an upload stands, in tus: `Upload-Offset` and `Upload-Length`, never cached. An upload
/// whose offset is its length is complete and cleaned; one refused on completion is gone (404).
#[utoipa::path(
    head,
    path = "/api/v1/uploads/{id}",
    params(
        ("id" = String, Path, description = "The upload's id, the last segment of its Location"),
        ("Tus-Resumable" = String, Header, description = "1.0.0"),
        ("Upload-Token" = String, Header, description = "The upload's token"),
    ),
    responses(
        (status = 200, description = "Where the upload stands", headers(
            ("Upload-Offset" = i64, description = "The bytes received"),
            ("Upload-Length" = i64, description = "The upload's size"),
            ("Cache-Control" = String, description = "no-store"),
            ("Tus-Resumable" = String, description = "1.0.0"),
        )),
        (status = 400, description = "No Upload-Token"),
        (status = 404, description = "No such upload, or not this token's"),
        (status = 412, description = "Tus-Resumable is not 1.0.0; Tus-Version names the version spoken"),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn stands(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
) -> HttpResponse {
    let answer = stands_tus(&state, &req, &id).await;
    answered(&state, &req, answer)
}

async fn stands_tus(
    state: &AppState,
    req: &HttpRequest,
    id: &str,
) -> Result<HttpResponse, Refused> {
    tus::require_version(req)?;
    let p = state
        .staging()
        .progress(upload_id(id), tus_token(req)?)
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((UPLOAD_OFFSET, p.offset.to_string()))
        .insert_header((tus::UPLOAD_LENGTH, p.size.to_string()))
        .insert_header(("Cache-Control", "no-store"))
        .finish())
}

/// Append the next piece at `Upload-Offset` (at most `max_piece`, 1 MiB, per request). The last
/// piece completes the upload: the file is cleaned then, and refused with field errors if it is
/// not what it claims. With `Tus-Resumable: 1.0.0` it is a tus PATCH, answered 204; without, the
/// JSON flow's, answered 200 with the progress.
#[utoipa::path(
    patch,
    path = "/api/v1/uploads/{id}",
    params(
        ("Tus-Resumable" = Option<String>, Header, description = "1.0.0 for tus; absent for the JSON flow"),
        ("Upload-Token" = String, Header, description = "The upload's token"),
        ("Upload-Offset" = i64, Header, description = "Where this piece starts: the offset the server last reported")
    ),
    request_body(content = Vec<u8>, content_type = "application/offset+octet-stream"),
    responses(
        (status = 200, body = UploadProgress, description = "The JSON flow: where the upload stands now"),
        (status = 204, description = "tus: appended", headers(
            ("Upload-Offset" = i64, description = "The new offset"),
            ("Tus-Resumable" = String, description = "1.0.0"),
        )),
        (status = 400, description = "No readable Upload-Offset, or (tus) no Upload-Token", body = Problem),
        (status = 404, body = Problem),
        (status = 409, description = "Not at the server's offset; Upload-Offset says where it is", body = Problem),
        (status = 412, description = "tus: Tus-Resumable is not 1.0.0; Tus-Version names the version spoken", body = Problem),
        (status = 413, description = "Past the upload's length, or more than max_piece at once", body = Problem),
        (status = 415, description = "Not application/offset+octet-stream", body = Problem),
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
) -> HttpResponse {
    let answer = append_piece(&state, &req, &id, payload).await;
    answered(&state, &req, answer)
}

async fn append_piece(
    state: &AppState,
    req: &HttpRequest,
    id: &str,
    payload: web::Payload,
) -> Result<HttpResponse, Refused> {
    let speaks_tus = tus::speaks(req);
    if speaks_tus {
        tus::require_version(req)?;
    }
    body::require_content_type(req, "application/offset+octet-stream")?;
    let offset = req
        .headers()
        .get(UPLOAD_OFFSET)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or(Failure::BadRequest)?;
    let token = if speaks_tus {
        tus_token(req)?
    } else {
        token(req)
    };
    let staging = state.staging();
    let id = upload_id(id);
    // The token, the offset and the length are all in the headers: a request that cannot be
    // appended is answered before a byte of its body is read, and holds no upload memory.
    staging
        .accepts(id, token, offset, body::declared_length(req))
        .await?;
    // A piece of a file in the clear, reserved as it arrives: wiped once it is sealed and
    // staged, and its reservation given back with it.
    let source = crate::web::shared::upload::source(state, req);
    let (piece, _reserved) =
        body::read_budgeted(req, payload, MAX_PIECE, &state.uploads, source).await?;
    let p = staging.append(id, token, offset, &piece).await?;
    Ok(if speaks_tus {
        HttpResponse::NoContent()
            .insert_header((UPLOAD_OFFSET, p.offset.to_string()))
            .finish()
    } else {
        progress(actix_web::http::StatusCode::OK, p)
    })
}
