//! Reading a request body within the configured limit, and checking its content type, so that an
//! oversized or mislabelled request gets its own clear 4xx before anything is parsed.

use std::collections::HashMap;

use actix_web::{web, HttpRequest};
use futures_util::StreamExt;

use crate::web::shared::error::Failure;
use crate::web::shared::middleware::timed_out;

pub fn require_content_type(req: &HttpRequest, expected: &str) -> Result<(), Failure> {
    let given = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = given.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(Failure::UnsupportedMediaType)
    }
}

/// The body's length as the request declares it, if it does.
pub fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
}

pub async fn read(
    req: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
) -> Result<web::Bytes, Failure> {
    let declared = declared_length(req);
    if declared.is_some_and(|n| n > limit) {
        return Err(Failure::TooLarge);
    }
    let mut body = web::BytesMut::with_capacity(declared.unwrap_or(0).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            if timed_out(&e) {
                Failure::TimedOut
            } else {
                Failure::BadRequest
            }
        })?;
        if body.len() + chunk.len() > limit {
            return Err(Failure::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// A posted form's fields (the first value of each).
pub fn fields(body: &[u8]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (k, v) in form_urlencoded::parse(body) {
        out.entry(k.into_owned()).or_insert_with(|| v.into_owned());
    }
    out
}
