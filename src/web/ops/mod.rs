//! What load balancers and supervisors ask: liveness and readiness (`health`). The metrics are
//! recorded through `shared::metrics` and served on their own loopback listener.

pub mod health;

use actix_web::web;

/// Liveness and readiness.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health::live));
    cfg.route("/readyz", web::get().to(health::ready));
}
