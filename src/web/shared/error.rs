//! How failures become responses, in one place. The policy: bad input is a 4xx that names the
//! problem (never a 500); a missing desk is a 503 with nothing stored; anything unexpected is
//! logged (without request content) and answered with a plain 500. Error texts come from the
//! catalogs, in the visitor's language.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::locale::Tr;
use crate::reporting::intake::IntakeError;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    BadRequest,
    Unauthorized,
    TooLarge,
    UnsupportedMediaType,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
    TooManyRequests,
    /// The body stopped arriving, or took too long in all.
    TimedOut,
    Unavailable,
    /// The disk or the database is full: nothing new can be stored.
    StorageFull,
    /// A routing ticket that is unknown, forged or already used.
    TicketRefused,
    TicketExpired,
    /// A routing ticket whose keys rotated since it was issued.
    TicketStale,
    Internal,
}

impl Failure {
    pub fn status(self) -> StatusCode {
        match self {
            Failure::BadRequest => StatusCode::BAD_REQUEST,
            Failure::Unauthorized => StatusCode::UNAUTHORIZED,
            Failure::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Failure::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Failure::Forbidden => StatusCode::FORBIDDEN,
            Failure::NotFound => StatusCode::NOT_FOUND,
            Failure::Conflict => StatusCode::CONFLICT,
            Failure::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            Failure::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Failure::TimedOut => StatusCode::REQUEST_TIMEOUT,
            Failure::Unavailable | Failure::StorageFull => StatusCode::SERVICE_UNAVAILABLE,
            Failure::TicketRefused => StatusCode::FORBIDDEN,
            Failure::TicketExpired => StatusCode::GONE,
            Failure::TicketStale => StatusCode::CONFLICT,
            Failure::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Failure::BadRequest => "bad_request",
            Failure::Unauthorized => "unauthorized",
            Failure::TooLarge => "too_large",
            Failure::UnsupportedMediaType => "unsupported_media_type",
            Failure::Forbidden => "forbidden",
            Failure::NotFound => "not_found",
            Failure::Conflict => "conflict",
            Failure::Unprocessable => "unprocessable",
            Failure::TooManyRequests => "too_many_requests",
            Failure::TimedOut => "timed_out",
            Failure::Unavailable => "unavailable",
            Failure::StorageFull => "storage_full",
            Failure::TicketRefused => "ticket_refused",
            Failure::TicketExpired => "ticket_expired",
            Failure::TicketStale => "ticket_stale",
            Failure::Internal => "internal",
        }
    }
}

impl From<IntakeError> for Failure {
    fn from(error: IntakeError) -> Failure {
        match error {
            IntakeError::NoDesk => {
                tracing::error!("no desk can receive reports: intake refused");
                Failure::Unavailable
            }
            IntakeError::NoLocator => {
                tracing::error!("no free locator found");
                Failure::Unavailable
            }
            IntakeError::Store(e) if e.is_storage_full() => {
                tracing::error!("the database cannot grow: storage is full; intake refused");
                Failure::StorageFull
            }
            other => {
                tracing::error!(error = %other, "intake failed");
                Failure::Internal
            }
        }
    }
}

/// How long a client refused for load should wait before trying again, in seconds.
const RETRY_AFTER_SECS: u32 = 60;

fn under_load(failure: Failure) -> bool {
    matches!(
        failure,
        Failure::TooManyRequests | Failure::Unavailable | Failure::StorageFull
    )
}

/// The response's status, and for a refusal under load, when to come back.
pub fn respond(failure: Failure) -> actix_web::HttpResponseBuilder {
    let mut builder = HttpResponse::build(failure.status());
    if under_load(failure) {
        builder.insert_header((actix_web::http::header::RETRY_AFTER, RETRY_AFTER_SECS));
    }
    builder
}

/// For a response built elsewhere (the form coming back): when to come back, under load.
pub fn retry_after(response: &mut HttpResponse, failure: Failure) {
    if under_load(failure) {
        response.headers_mut().insert(
            actix_web::http::header::RETRY_AFTER,
            actix_web::http::header::HeaderValue::from(RETRY_AFTER_SECS),
        );
    }
}

/// A failure answered as JSON.
#[derive(Debug)]
pub struct ApiError {
    failure: Failure,
    message: String,
}

impl ApiError {
    pub fn new(failure: Failure, tr: Tr) -> ApiError {
        ApiError {
            failure,
            message: tr.error(failure.code()),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.failure.code())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.failure.status()
    }

    fn error_response(&self) -> HttpResponse {
        respond(self.failure).json(Problem {
            error: self.failure.code().into(),
            message: self.message.clone(),
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// `bad_request`, `too_large`, `unsupported_media_type`, `unavailable` or `internal`.
    pub error: String,
    pub message: String,
}
