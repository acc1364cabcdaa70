//! The tus 1.0.0 core protocol and its creation extension, at the edge of the upload handlers:
//! which requests speak it, the version every one of them must name (412 otherwise, naming the
//! version spoken), the length a creation declares, and the headers every answer carries.
//! https://tus.io/protocols/resumable-upload
//!
//! A request speaks tus when it names `Tus-Resumable` (or, creating, `Upload-Length`); one that
//! does not is the JSON flow the API had first, which answers as it always did. `Upload-Metadata`
//! (file names, types) is never read: nothing of it is kept or logged.

use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};

use crate::locale::Tr;
use crate::web::shared::error::Problem;

pub const TUS_RESUMABLE: HeaderName = HeaderName::from_static("tus-resumable");
pub const TUS_VERSION: HeaderName = HeaderName::from_static("tus-version");
pub const TUS_EXTENSION: HeaderName = HeaderName::from_static("tus-extension");
pub const TUS_MAX_SIZE: HeaderName = HeaderName::from_static("tus-max-size");
pub const UPLOAD_LENGTH: HeaderName = HeaderName::from_static("upload-length");
const UPLOAD_DEFER_LENGTH: HeaderName = HeaderName::from_static("upload-defer-length");

/// The one version spoken.
pub const VERSION: &str = "1.0.0";
/// The one extension offered: no deferred length, no upload in the creation request, no
/// termination (an upload left alone expires; see `staging::IDLE_SECS`).
pub const EXTENSIONS: &str = "creation";

/// Whether a request speaks tus (any version): it names the protocol.
pub fn speaks(req: &HttpRequest) -> bool {
    req.headers().contains_key(TUS_RESUMABLE)
}

/// Whether a creation request speaks tus: it names the protocol or a tus length.
pub fn creates(req: &HttpRequest) -> bool {
    speaks(req)
        || req.headers().contains_key(UPLOAD_LENGTH)
        || req.headers().contains_key(UPLOAD_DEFER_LENGTH)
}

/// A request naming another version than the one spoken, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongVersion;

/// A request in another version, or in none, is not processed (`wrong_version`).
pub fn require_version(req: &HttpRequest) -> Result<(), WrongVersion> {
    let named = req
        .headers()
        .get(TUS_RESUMABLE)
        .and_then(|v| v.to_str().ok())
        .map(str::trim);
    if named == Some(VERSION) {
        Ok(())
    } else {
        Err(WrongVersion)
    }
}

/// The problem code of a request in another version, or none; its message is the catalogs'
/// `error-tus_version`.
pub const WRONG_VERSION: &str = "tus_version";

/// The answer to a request in another version: 412, naming the version spoken, in the header
/// and in its own message (not the generic unreadable request's, which says nothing of tus).
pub fn wrong_version(tr: Tr) -> HttpResponse {
    HttpResponse::PreconditionFailed()
        .insert_header((TUS_VERSION, VERSION))
        .json(Problem {
            error: WRONG_VERSION.into(),
            message: tr.error(WRONG_VERSION),
        })
}

/// What a creation request declares its upload's length to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Bytes(u64),
    /// More digits than any length this server could take.
    Huge,
}

/// Why a creation request's length cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthError {
    /// No `Upload-Length`, or not a non-negative integer.
    Unreadable,
    /// `Upload-Defer-Length`: the length must be known at creation here.
    Deferred,
}

/// The creation request's `Upload-Length`: decimal digits only (no sign, no space inside).
pub fn upload_length(req: &HttpRequest) -> Result<Length, LengthError> {
    if req.headers().contains_key(UPLOAD_DEFER_LENGTH) {
        return Err(LengthError::Deferred);
    }
    let raw = req
        .headers()
        .get(UPLOAD_LENGTH)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .ok_or(LengthError::Unreadable)?;
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LengthError::Unreadable);
    }
    Ok(raw.parse::<u64>().map_or(Length::Huge, Length::Bytes))
}

/// Every answer about uploads names the version, whichever flow asked.
pub fn stamped(mut response: HttpResponse) -> HttpResponse {
    response
        .headers_mut()
        .insert(TUS_RESUMABLE, HeaderValue::from_static(VERSION));
    response
}

/// What the server offers, for OPTIONS.
pub fn offered(max_size: usize) -> HttpResponse {
    HttpResponse::NoContent()
        .insert_header((TUS_VERSION, VERSION))
        .insert_header((TUS_EXTENSION, EXTENSIONS))
        .insert_header((TUS_MAX_SIZE, max_size.to_string()))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn length(value: &str) -> Result<Length, LengthError> {
        upload_length(
            &TestRequest::default()
                .insert_header(("Upload-Length", value))
                .to_http_request(),
        )
    }

    #[test]
    fn a_length_is_decimal_digits_only() {
        assert_eq!(length("1024"), Ok(Length::Bytes(1024)));
        assert_eq!(length("0"), Ok(Length::Bytes(0)));
        assert_eq!(length(" 7 "), Ok(Length::Bytes(7)));
        assert_eq!(length("99999999999999999999999"), Ok(Length::Huge));
        for bad in ["", "-1", "+1", "1e3", "0x10", "1 0", "١٢"] {
            assert_eq!(length(bad), Err(LengthError::Unreadable), "{bad:?}");
        }
        let none = TestRequest::default().to_http_request();
        assert_eq!(upload_length(&none), Err(LengthError::Unreadable));
        let deferred = TestRequest::default()
            .insert_header(("Upload-Defer-Length", "1"))
            .to_http_request();
        assert_eq!(upload_length(&deferred), Err(LengthError::Deferred));
    }
}
