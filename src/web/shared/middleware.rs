//! Security headers on every response; the request span and its latency metric: method, route
//! template, status and duration only, never the raw path, the query string, the client's address
//! or its user agent; and a bound on how slowly a request body may arrive.
//!
//! A body that holds upload memory is bounded by a minimum rate, not by how long it takes: a
//! reporter on GPRS or Tor (5 to 20 KB/s) needs more than ten minutes for five photos, while a
//! client that sends fast and then stalls holds memory without paying for it. The rate is judged
//! over whole windows of the server's clock (`store::Clock`, a test's own in the test suite), so
//! no test races it. docs/security.md, "Slow links and stalled uploads".

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::{web, HttpMessage, HttpRequest};
use futures_util::StreamExt;
use tracing::Instrument;

use crate::web::shared::state::{AppState, BodyPace};

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

/// Paces every request body by `BodyPace`: no pause longer than `idle`; all of it within
/// `deadline`, unless it carries the kept files of a reporter's form; and, once it holds upload
/// memory, at least `min_rate` bytes a second over each window of the pace's clock. The handler
/// says which through the request's `Pacing`.
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
        .map(|state| state.body_pace.clone());
    if let (true, Some(pace)) = (has_body, pace) {
        let pacing = Pacing::default();
        req.extensions_mut().insert(pacing.clone());
        let paced = Paced {
            payload: req.take_payload(),
            started: Instant::now(),
            last: Instant::now(),
            window: Window {
                start: pace.clock.now(),
                bytes: 0,
                short: false,
            },
            pace,
            pacing,
        };
        let paced = futures_util::stream::unfold(Some(paced), |paced| async move {
            let mut paced = paced?;
            match paced.next().await {
                Some(Ok(piece)) => Some((Ok(piece), Some(paced))),
                Some(Err(e)) => Some((Err(e), None)),
                None => None,
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

/// What the handler reading a body tells its pace; each is said once and holds to the end.
#[derive(Debug, Clone, Default)]
pub struct Pacing(Arc<PacingFlags>);

#[derive(Debug, Default)]
struct PacingFlags {
    holds_budget: AtomicBool,
    carries_files: AtomicBool,
}

impl Pacing {
    /// The request's own, or one that changes nothing when the body is not paced.
    pub fn of(req: &HttpRequest) -> Pacing {
        req.extensions()
            .get::<Pacing>()
            .cloned()
            .unwrap_or_default()
    }

    /// The body now holds upload memory: from here on it must keep the minimum rate.
    pub fn holds_budget(&self) {
        self.0.holds_budget.store(true, Ordering::Relaxed);
    }

    /// The body carries the files of a reporter's form (a report, a follow-up file), which a
    /// slow link may take longer than the deadline to bring: the minimum rate, not the
    /// deadline, bounds it from here on.
    pub fn carries_files(&self) {
        self.holds_budget();
        self.0.carries_files.store(true, Ordering::Relaxed);
    }

    fn judged_by_rate(&self) -> bool {
        self.0.holds_budget.load(Ordering::Relaxed)
    }

    fn past_deadline_allowed(&self) -> bool {
        self.0.carries_files.load(Ordering::Relaxed)
    }
}

/// How often a paced body looks at the pace's clock while no byte arrives: the clock may be a
/// test's, moved by hand, so the wait cannot be computed from it.
const LOOK: Duration = Duration::from_secs(1);

/// A body being paced.
struct Paced {
    payload: Payload,
    pace: BodyPace,
    pacing: Pacing,
    started: Instant,
    /// When the last piece arrived.
    last: Instant,
    /// The window being counted, from the body's first moment.
    window: Window,
}

/// A window of the pace's clock: where it starts (seconds), what has arrived in it, and
/// whether an earlier one brought too little.
struct Window {
    start: i64,
    bytes: u64,
    short: bool,
}

impl Paced {
    async fn next(&mut self) -> Option<Result<web::Bytes, PayloadError>> {
        loop {
            if !self.keeps_rate() {
                return Some(Err(too_slow()));
            }
            let now = Instant::now();
            let mut wait = self
                .pace
                .idle
                .saturating_sub(now.saturating_duration_since(self.last));
            if !self.pacing.past_deadline_allowed() {
                let ends = self.started + self.pace.deadline;
                wait = wait.min(ends.saturating_duration_since(now));
            }
            // Whether or not the body holds memory yet: the handler may say so while this waits.
            if self.pace.min_rate > 0 {
                wait = wait.min(LOOK);
            }
            match tokio::time::timeout(wait, self.payload.next()).await {
                Ok(Some(Ok(piece))) => {
                    if !self.keeps_rate() {
                        return Some(Err(too_slow()));
                    }
                    self.last = Instant::now();
                    // Counted in the window it arrived in: earlier ones are closed above.
                    self.window.bytes += piece.len() as u64;
                    return Some(Ok(piece));
                }
                Ok(other) => return other,
                Err(_) => {
                    let now = Instant::now();
                    let idle = now.saturating_duration_since(self.last) >= self.pace.idle;
                    let late = !self.pacing.past_deadline_allowed()
                        && now >= self.started + self.pace.deadline;
                    if idle || late {
                        return Some(Err(too_slow()));
                    }
                    // Only a look at the clock: judged at the top of the loop.
                }
            }
        }
    }

    /// Whether, once the body holds upload memory, every whole window since it began brought
    /// at least `min_rate` bytes a second. Windows count from the body's first moment, not from
    /// when the handler said it holds memory: that is noticed only at the next piece, which a
    /// stalled body never sends. Only whole windows are judged, so the first is never cut
    /// short.
    fn keeps_rate(&mut self) -> bool {
        self.close_windows();
        !(self.pacing.judged_by_rate() && self.window.short)
    }

    /// Closes every window that has ended by the clock, remembering whether one brought too
    /// little; a window ends at its last second, however late that is noticed.
    fn close_windows(&mut self) {
        if self.pace.min_rate == 0 {
            return;
        }
        let now = self.pace.clock.now();
        let length = self.pace.window_secs.max(1);
        let needed = self.pace.min_rate.saturating_mul(length.unsigned_abs());
        let window = &mut self.window;
        if now >= window.start.saturating_add(length) {
            let ended = now.saturating_sub(window.start) / length;
            // Past the first, every window that ended unseen brought nothing.
            window.short |= window.bytes < needed || ended > 1;
            window.start = window.start.saturating_add(ended.saturating_mul(length));
            window.bytes = 0;
        }
    }
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
