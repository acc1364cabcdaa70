//! Security headers on every response, and the request span: method, route template, status and
//! duration only. Never the raw path, the query string, the client's address or its user agent.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{DefaultHeaders, Next};
use tracing::Instrument;

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
            tracing::info!(parent: &span, elapsed_ms = started.elapsed().as_millis() as u64, "served");
        }
        Err(e) => tracing::warn!(parent: &span, error = %e, "failed"),
    }
    response
}
