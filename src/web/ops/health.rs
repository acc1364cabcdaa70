//! Liveness and readiness for load balancers and supervisors: `/healthz` says the process
//! answers; `/readyz` says it can do its work (the database answers, its schema is the one this
//! build expects, the server secrets are loaded, and the desk receives reports: without it every
//! report is refused with 503). Neither says anything about any report. The metrics, on their own
//! loopback listener, count; they name nothing.

use actix_web::{web, HttpResponse};
use serde::Serialize;

use crate::operations::overview::desk_standing;
use crate::web::shared::state::AppState;

#[derive(Serialize)]
struct Readiness {
    database: &'static str,
    migrations: &'static str,
    secrets: &'static str,
    /// `receives`, or why the desk does not (a hold's code, as the operator's overview names
    /// it), or `unknown` while the database does not answer.
    desk: &'static str,
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
    let desk = match desk_standing(&state.intake.store, &state.intake.routing).await {
        Ok(Some(Ok(()))) => "receives",
        Ok(Some(Err(hold))) => hold.code(),
        // A running server always declares a desk (`startup::routing_for`).
        Ok(None) => "none",
        Err(e) => {
            tracing::warn!(error = %e, "readiness: the desk's standing could not be read");
            "unknown"
        }
    };
    // The server does not start without its secrets; a running one holds them.
    let readiness = Readiness {
        database,
        migrations,
        secrets: "present",
        desk,
    };
    let ready = database == "ok" && migrations == "current" && desk == "receives";
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
