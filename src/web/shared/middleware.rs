//! Security headers on every response; the request span and its latency metric: method, route
//! template, status and duration only, never the raw path, the query string, the client's address
//! or its user agent; and a bound on how slowly a request body may arrive.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::{web, HttpMessage};
use futures_util::StreamExt;
use tracing::Instrument;

use crate::web::shared::state::AppState;

pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'",
        ))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add(("Cross-Origin-Resource-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ))
        // Reporter pages must leave nothing in a shared phone's cache; assets set their own.
        .add(("Cache-Control", "no-store"))
}

pub async fn request_span(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let span = tracing::info_span!(
        "request",
        method = %req.method(),
        route = tracing::field::Empty,
        status = tracing::field::Empty,
    );
    let started = Instant::now();
    let response = next.call(req).instrument(span.clone()).await;
    let route = match &response {
        Ok(res) => res
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".into()),
        Err(_) => "unmatched".into(),
    };
    span.record("route", route.as_str());
    match &response {
        Ok(res) => {
            span.record("status", res.status().as_u16());
            if let Some(state) = res.request().app_data::<web::Data<AppState>>() {
                state.metrics.observe(
                    &route,
                    res.request().method(),
                    res.status().as_u16(),
                    started.elapsed(),
                );
            }
            tracing::info!(parent: &span, elapsed_ms = started.elapsed().as_millis() as u64, "served");
        }
        Err(e) => tracing::warn!(parent: &span, error = %e, "failed"),
    }
    response
}

pub async fn bounded_body(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    // A request that declares no body (most GETs) has nothing to pace.
    let has_body = req
        .headers()
        .contains_key(actix_web::http::header::CONTENT_LENGTH)
        || req
            .headers()
            .contains_key(actix_web::http::header::TRANSFER_ENCODING);
    let pace = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.body_pace);
    if let (true, Some(pace)) = (has_body, pace) {
        let payload = req.take_payload();
        let ends = Instant::now() + pace.deadline;
        let paced = futures_util::stream::unfold(Some(payload), move |payload| async move {
            let mut payload = payload?;
            let wait = pace
                .idle
                .min(ends.saturating_duration_since(Instant::now()));
            match tokio::time::timeout(wait, payload.next()).await {
                Ok(Some(piece)) => Some((piece, Some(payload))),
                Ok(None) => None,
                Err(_) => Some((Err(too_slow()), None)),
            }
        })
        // Readers such as multipart poll again after the end; a fused stream answers None.
        .fuse();
        req.set_payload(Payload::Stream {
            payload: Box::pin(paced),
        });
    }
    next.call(req).await
}

fn too_slow() -> PayloadError {
    PayloadError::Io(std::io::Error::new(
        std::io::ErrorKind::TimedOut,
        "the request body arrived too slowly",
    ))
}

/// Whether reading a body failed because it arrived too slowly.
pub fn timed_out(error: &PayloadError) -> bool {
    matches!(error, PayloadError::Io(e) if e.kind() == std::io::ErrorKind::TimedOut)
}
