//! Prometheus metrics without surveillance: counts, durations, queue depths and the Argon2id
//! pool's load. Labels are closed sets (listener, channel, reason, route template, method, status
//! class, priority class), so no value a reporter chose can become a label. Served only on the
//! metrics listener, which must be a loopback address (prometheus-client, the Prometheus
//! project's own Rust client, for its OpenMetrics encoding and typed label sets).

use std::sync::Arc;
use std::time::Duration;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::{ConstGauge, Gauge};
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

use crate::config::AckTargets;
use crate::crypto::kdf::KdfPool;
use crate::store::{Store, StoreError};
use crate::web::shared::error::Failure;
use crate::web::shared::throttle::Listener;

/// How a report came in.
#[derive(Debug, Clone, Copy, Hash, PartialEq, Eq)]
pub enum Channel {
    Form,
    Api,
    /// Sealed on the device (`/api/v1/sealed/...`).
    Device,
}

/// Why a submission was not taken.
#[derive(Debug, Clone, Copy, Hash, PartialEq, Eq)]
pub enum Reason {
    /// The field people never see was filled in.
    Honeypot,
    /// No account, no whereabouts and no way to reach anyone.
    TooThin,
    /// Some field was wrong (the form came back with it named).
    Invalid,
    /// An attachment was refused by cleaning or its limits.
    Attachment,
    TooLarge,
    TimedOut,
    /// This source sent its share (429).
    SourceLimit,
    /// Everyone on the listener together did (503).
    GlobalLimit,
    /// The disk or the database is full (503).
    StorageFull,
    /// No desk can receive, or the server is overloaded (503).
    Unavailable,
    /// A routing ticket unknown, used, expired or stale.
    Ticket,
    Internal,
}

impl Channel {
    fn as_str(self) -> &'static str {
        match self {
            Channel::Form => "form",
            Channel::Api => "api",
            Channel::Device => "device",
        }
    }
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Honeypot => "honeypot",
            Reason::TooThin => "too_thin",
            Reason::Invalid => "invalid",
            Reason::Attachment => "attachment",
            Reason::TooLarge => "too_large",
            Reason::TimedOut => "timed_out",
            Reason::SourceLimit => "source_limit",
            Reason::GlobalLimit => "global_limit",
            Reason::StorageFull => "storage_full",
            Reason::Unavailable => "unavailable",
            Reason::Ticket => "ticket",
            Reason::Internal => "internal",
        }
    }

    /// Why a submission's fields were refused.
    pub fn of_fields(errors: &crate::domain::FieldErrors) -> Reason {
        if errors.0.iter().any(|e| e.code == "too_thin") {
            Reason::TooThin
        } else {
            Reason::Invalid
        }
    }
}

impl From<Failure> for Reason {
    fn from(failure: Failure) -> Reason {
        match failure {
            Failure::TooLarge => Reason::TooLarge,
            Failure::TimedOut => Reason::TimedOut,
            Failure::TooManyRequests => Reason::SourceLimit,
            Failure::StorageFull => Reason::StorageFull,
            Failure::Unavailable => Reason::Unavailable,
            Failure::Internal => Reason::Internal,
            Failure::TicketRefused | Failure::TicketExpired | Failure::TicketStale => {
                Reason::Ticket
            }
            _ => Reason::Invalid,
        }
    }
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Accepted {
    listener: &'static str,
    channel: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Refused {
    listener: &'static str,
    reason: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Request {
    /// The route's template (`/queues/{queue}`), never the path itself.
    route: String,
    method: &'static str,
    /// `2xx`, `4xx`, ...
    status: &'static str,
}

/// The request's method as a label: the methods the routes use, every other one as `other`, so
/// a client inventing methods cannot grow the label set.
fn method_label(method: &actix_web::http::Method) -> &'static str {
    use actix_web::http::Method;
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

fn status_class(status: u16) -> &'static str {
    match status / 100 {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        _ => "5xx",
    }
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Class {
    priority: &'static str,
}

/// The priority classes by rank, as entries store them.
const CLASSES: [&str; 3] = ["critical", "high", "normal"];

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// The Argon2id pool's load and count, read from the pool itself at each scrape.
struct KdfCollector(KdfPool);

impl std::fmt::Debug for KdfCollector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KdfCollector")
    }
}

impl Collector for KdfCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let load = self.0.load();
        for (name, help, value) in [
            (
                "argon2_busy_threads",
                "Argon2id threads deriving now",
                load.busy,
            ),
            (
                "argon2_waiting",
                "Argon2id derivations waiting for a thread",
                load.waiting,
            ),
            (
                "argon2_threads",
                "Argon2id threads in the pool (kdf_max_concurrent)",
                load.threads,
            ),
        ] {
            let gauge = ConstGauge::new(value as i64);
            gauge.encode(encoder.encode_descriptor(name, help, None, gauge.metric_type())?)?;
        }
        let done = ConstCounter::new(self.0.derivations());
        done.encode(encoder.encode_descriptor(
            "argon2_derivations",
            "Argon2id derivations finished",
            None,
            done.metric_type(),
        )?)
    }
}

/// The version and the git commit (build.rs; "unknown" when it was not known at build time).
fn build_labels() -> Vec<(&'static str, &'static str)> {
    vec![
        ("version", env!("CARGO_PKG_VERSION")),
        ("commit", env!("HOMEWARD_BUILD_COMMIT")),
    ]
}

#[derive(Debug, thiserror::Error)]
pub enum MetricsError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("encoding the metrics")]
    Encode(#[from] std::fmt::Error),
}

pub struct Metrics {
    registry: Registry,
    accepted: Family<Accepted, Counter>,
    refused: Family<Refused, Counter>,
    requests: Family<Request, Histogram, fn() -> Histogram>,
    depth: Family<Class, Gauge>,
    overdue: Family<Class, Gauge>,
}

impl Metrics {
    pub fn new(kdf: KdfPool) -> Arc<Metrics> {
        let accepted = Family::<Accepted, Counter>::default();
        let refused = Family::<Refused, Counter>::default();
        let requests = Family::new_with_constructor(latency_histogram as fn() -> Histogram);
        let depth = Family::<Class, Gauge>::default();
        let overdue = Family::<Class, Gauge>::default();
        let mut registry = Registry::with_prefix("homeward");
        registry.register(
            "reports_accepted",
            "Reports stored sealed and answered with a receipt code",
            accepted.clone(),
        );
        registry.register(
            "reports_refused",
            "Submissions turned away, by reason",
            refused.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request, by route template, method and status class",
            requests.clone(),
        );
        registry.register(
            "queue_open_entries",
            "Entries not yet closed on active queues, by priority class",
            depth.clone(),
        );
        registry.register(
            "queue_overdue_entries",
            "Entries still new and unclaimed past their class's acknowledgement target",
            overdue.clone(),
        );
        registry.register_collector(Box::new(KdfCollector(kdf)));
        registry.register(
            "build",
            "This build: its version and the git commit it was built from (or unknown)",
            Info::new(build_labels()),
        );
        Arc::new(Metrics {
            registry,
            accepted,
            refused,
            requests,
            depth,
            overdue,
        })
    }

    pub fn accepted(&self, listener: Listener, channel: Channel) {
        self.accepted
            .get_or_create(&Accepted {
                listener: listener.as_str(),
                channel: channel.as_str(),
            })
            .inc();
    }

    pub fn refused(&self, listener: Listener, reason: Reason) {
        self.refused
            .get_or_create(&Refused {
                listener: listener.as_str(),
                reason: reason.as_str(),
            })
            .inc();
    }

    pub fn observe(
        &self,
        route: &str,
        method: &actix_web::http::Method,
        status: u16,
        elapsed: Duration,
    ) {
        self.requests
            .get_or_create(&Request {
                route: route.to_owned(),
                method: method_label(method),
                status: status_class(status),
            })
            .observe(elapsed.as_secs_f64());
    }

    /// Reads the queues, then renders everything in the OpenMetrics text format.
    pub async fn render(&self, store: &Store, targets: AckTargets) -> Result<String, MetricsError> {
        let now = crate::store::now();
        let before = |minutes: i64| now - minutes * 60;
        let depths = store
            .queue_depths([
                before(targets.critical_minutes),
                before(targets.high_minutes),
                before(targets.normal_minutes),
            ])
            .await?;
        for (i, priority) in CLASSES.into_iter().enumerate() {
            let (open, overdue) = depths
                .iter()
                .find(|(rank, ..)| *rank == i as i64)
                .map_or((0, 0), |(_, open, overdue)| (*open, *overdue));
            self.depth.get_or_create(&Class { priority }).set(open);
            self.overdue.get_or_create(&Class { priority }).set(overdue);
        }
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}
