//! The operator's overview as JSON (`GET /api/v1/overview`), for automation: the same facts as
//! the page, from `operations::overview`, to operators only. No report is named.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::operations::overview::{desk_receives, overview, QueueOverview};
use crate::trust::certification::operator_standing;
use crate::web::shared::bearer::bearer;
use crate::web::shared::error::{ApiError, Problem};
use crate::web::shared::json::api_error;
use crate::web::shared::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Overview {
    /// Whether the desk receives: while it does not, intake refuses every report with 503.
    pub desk_receives: bool,
    /// Every queue the routing file declares, in its order.
    pub queues: Vec<QueueSummary>,
}

#[derive(Serialize, ToSchema)]
pub struct QueueSummary {
    pub id: String,
    /// desk, ngo, consulate or police.
    pub kind: String,
    pub organisation: String,
    /// `receives`, or why not: unregistered, not-vetted, not-countersigned, suspended,
    /// wrong-organisation, key-unsigned, key-not-imported, held-after-restore.
    pub standing: String,
    /// Whether the routing file declares another key than the queue's current one.
    pub config_stale: bool,
    /// When it does: the `public_key` and `signature` lines to put in the queue's entry.
    pub config_lines: Option<String>,
    pub open: i64,
    pub unclaimed: i64,
    pub overdue: i64,
    /// Members holding a copy of the queue's current key.
    pub key_holders: i64,
    /// Unix seconds of the hour it last received a report; null if it never did.
    pub last_received: Option<i64>,
}

impl From<QueueOverview> for QueueSummary {
    fn from(q: QueueOverview) -> QueueSummary {
        QueueSummary {
            standing: q.standing_code().to_owned(),
            config_stale: q.stale.is_some(),
            config_lines: q.stale.as_ref().map(|lines| lines.text()),
            open: q.counts.open,
            unclaimed: q.counts.unclaimed,
            overdue: q.counts.overdue,
            key_holders: q.counts.holders,
            last_received: q.counts.last_received,
            kind: q.kind.as_str().to_owned(),
            id: q.id,
            organisation: q.organisation,
        }
    }
}

/// Which queues receive reports and why not, and how each is doing (operators).
#[utoipa::path(get, path = "/api/v1/overview",
    responses((status = 200, body = Overview), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn queues(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    operator_standing(state.chain(), &who)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    let queues = overview(
        &state.intake.store,
        &state.intake.routing,
        &state.ack_targets,
        state.clock.now(),
    )
    .await
    .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(Overview {
            desk_receives: desk_receives(&queues),
            queues: queues.into_iter().map(QueueSummary::from).collect(),
        }))
}
