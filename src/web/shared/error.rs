//! How failures become responses, in one place. The policy: bad input is a 4xx that names the
//! problem (never a 500); a missing desk is a 503 with nothing stored; anything unexpected is
//! logged (without request content) and answered with a plain 500. Error texts come from the
//! catalogs, in the visitor's language.
//!
//! Every error of the floors below web becomes a `Failure` here, by one `From` each, so a page
//! and the API answer the same failure with the same status. A handler may still answer a
//! failure with something richer first (the form again with the field named, the workspace with
//! a message, an upload's offset), never with another status class.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::casework::waves::WaveError;
use crate::locale::Tr;
use crate::reporting::followup::FollowupError;
use crate::reporting::intake::IntakeError;
use crate::reporting::sealed::SealedError;
use crate::reporting::staging::StagingError;
use crate::store::StoreError;
use crate::trust::accounts::AccountError;
use crate::trust::organisations::OrganisationError;
use crate::trust::WorkspaceError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    BadRequest,
    Unauthorized,
    TooLarge,
    UnsupportedMediaType,
    Forbidden,
    NotFound,
    /// The path exists, not with this method (the answer says which it takes).
    MethodNotAllowed,
    /// A username, password or code that does not log in.
    LoginFailed,
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
            Failure::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Failure::LoginFailed => StatusCode::UNAUTHORIZED,
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
            Failure::MethodNotAllowed => "method_not_allowed",
            Failure::LoginFailed => "login_failed",
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
            IntakeError::Full => {
                tracing::error!("live reports are at limits.live_reports: intake refused");
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

impl From<SealedError> for Failure {
    fn from(error: SealedError) -> Failure {
        match error {
            SealedError::TicketRefused => Failure::TicketRefused,
            SealedError::TicketExpired => Failure::TicketExpired,
            SealedError::TicketStale => Failure::TicketStale,
            SealedError::Intake(e) => Failure::from(e),
            SealedError::Facts(_) | SealedError::Mismatch(_) => Failure::Unprocessable,
        }
    }
}

impl From<WorkspaceError> for Failure {
    fn from(error: WorkspaceError) -> Failure {
        match error {
            WorkspaceError::Forbidden | WorkspaceError::Uncertified(_) | WorkspaceError::OnHold => {
                Failure::Forbidden
            }
            WorkspaceError::NotFound => Failure::NotFound,
            // Well-formed, and wrong: a key that is not the queue's, a signature that is not the
            // organisation's, a step the workflow does not allow.
            WorkspaceError::WrongKey
            | WorkspaceError::BadSignature
            | WorkspaceError::WrongFingerprint
            | WorkspaceError::Invalid => Failure::Unprocessable,
            WorkspaceError::Conflict => Failure::Conflict,
            WorkspaceError::NoReceiver(_) => no_receiver(),
            other => unexpected("workspace operation failed", &other),
        }
    }
}

impl From<WaveError> for Failure {
    fn from(error: WaveError) -> Failure {
        match error {
            // The selection is wrong, or names reports the queue does not hold (any more).
            WaveError::Selection(_) | WaveError::NotInQueue(_) => Failure::Unprocessable,
            WaveError::Workspace(e) => Failure::from(e),
            WaveError::Shred(e) => unexpected("destroying reports early failed", &e),
        }
    }
}

impl From<AccountError> for Failure {
    fn from(error: AccountError) -> Failure {
        match error {
            AccountError::Field { .. } => Failure::Unprocessable,
            AccountError::InviteInvalid => Failure::NotFound,
            AccountError::LoginFailed => Failure::LoginFailed,
            AccountError::TooSoon => Failure::TooManyRequests,
            AccountError::Forbidden => Failure::Forbidden,
            other => unexpected("account operation failed", &other),
        }
    }
}

impl From<OrganisationError> for Failure {
    fn from(error: OrganisationError) -> Failure {
        match error {
            OrganisationError::Forbidden => Failure::Forbidden,
            OrganisationError::NotFound => Failure::NotFound,
            OrganisationError::Fields(_) => Failure::Unprocessable,
            other => unexpected("organisation operation failed", &other),
        }
    }
}

impl From<StagingError> for Failure {
    fn from(error: StagingError) -> Failure {
        match error {
            StagingError::NotFound => Failure::NotFound,
            StagingError::Offset(_) | StagingError::Incomplete => Failure::Conflict,
            StagingError::TooLarge => Failure::TooLarge,
            StagingError::Busy => Failure::Unavailable,
            StagingError::Refused(_) => Failure::Unprocessable,
            other => unexpected("upload failed", &other),
        }
    }
}

impl From<FollowupError> for Failure {
    fn from(error: FollowupError) -> Failure {
        match error {
            FollowupError::Field(_) => Failure::Unprocessable,
            FollowupError::NoReceiver(_) => no_receiver(),
            // As an expired visit answers.
            FollowupError::VisitEnded => Failure::Unauthorized,
            other => unexpected("follow-up failed", &other),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Failure {
        unexpected("storage failed", &error)
    }
}

/// Nobody holding a report may receive what was written to it now, like intake without a desk:
/// nothing is stored, and the writer may try again once a queue stands again.
fn no_receiver() -> Failure {
    tracing::warn!("no holder of the report may receive it now: nothing stored");
    Failure::Unavailable
}

/// What nobody asked for: logged (an error of ours carries no request content) and a plain 500.
fn unexpected(what: &'static str, error: &dyn std::fmt::Display) -> Failure {
    tracing::error!(error = %error, "{what}");
    Failure::Internal
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
    pub fn new(failure: impl Into<Failure>, tr: Tr) -> ApiError {
        let failure = failure.into();
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
