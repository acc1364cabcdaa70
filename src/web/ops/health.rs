//! Liveness and readiness for load balancers and supervisors: `/healthz` says the process
//! answers; `/readyz` says it can do its work (the database answers, its schema is the one this
//! build expects, the server secrets are loaded). Neither says anything about any report. The
//! metrics, on their own loopback listener, count; they name nothing.

use actix_web::{web, HttpResponse};
use serde::Serialize;

use crate::web::shared::state::AppState;

#[derive(Serialize)]
struct Readiness {
    database: &'static str,
    migrations: &'static str,
    secrets: &'static str,
}

#[tracing::instrument(skip_all)]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .body("ok")
}

#[tracing::instrument(skip_all)]
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let current = state.intake.store.migrations_current().await;
    let (database, migrations) = match current {
        Ok(true) => ("ok", "current"),
        Ok(false) => ("ok", "behind"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: the database does not answer");
            ("unreachable", "unknown")
        }
    };
    // The server does not start without its secrets; a running one holds them.
    let readiness = Readiness {
        database,
        migrations,
        secrets: "present",
    };
    let ready = database == "ok" && migrations == "current";
    let mut response = if ready {
        HttpResponse::Ok()
    } else {
        HttpResponse::ServiceUnavailable()
    };
    response
        .insert_header(("Cache-Control", "no-store"))
        .json(readiness)
}

#[tracing::instrument(skip_all)]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let rendered = state
        .metrics
        .render(&state.intake.store, state.ack_targets)
        .await;
    match rendered {
        Ok(text) => HttpResponse::Ok()
            .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
            .insert_header(("Cache-Control", "no-store"))
            .body(text),
        Err(e) => {
            tracing::warn!(error = %e, "metrics: could not read the queues");
            HttpResponse::ServiceUnavailable().finish()
        }
    }
}
