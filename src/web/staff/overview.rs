//! The operator's overview (`/overview`): every queue the routing file declares, whether it
//! receives reports and why not, whether the routing file still declares its key (with the lines
//! to put there if not), how much waits in it, how many members hold its key and when it last
//! received. From `operations::overview`; it names no report and shows nothing a report says.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::forms::{fail, redirect};
use super::session::principal;
use crate::locale::{args, Tr};
use crate::operations::overview::{desk_receives, overview, QueueOverview};
use crate::trust::certification::operator_standing;
use crate::web::shared::assets;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

/// One queue, as the page shows it.
struct QueueView {
    id: String,
    kind: &'static str,
    organisation: String,
    receives: bool,
    standing: String,
    open: i64,
    unclaimed: i64,
    overdue: i64,
    holders: i64,
    last_received: String,
    /// The caption and the lines to put into the routing file, when it is stale.
    stale: Option<(String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage {
    tr: Tr,
    stylesheet: &'static str,
    desk_receives: bool,
    queues: Vec<QueueView>,
}

fn view(tr: &Tr, q: QueueOverview) -> QueueView {
    QueueView {
        receives: q.standing.is_ok(),
        standing: match q.standing {
            Ok(()) => tr.t("hold-none"),
            Err(hold) => tr.t(&format!("hold-{}", hold.code())),
        },
        open: q.counts.open,
        unclaimed: q.counts.unclaimed,
        overdue: q.counts.overdue,
        holders: q.counts.holders,
        last_received: q
            .counts
            .last_received
            .map_or_else(|| tr.t("staff-overview-never"), |at| tr.date_time(at)),
        stale: q.stale.map(|lines| {
            (
                tr.t_with(
                    "staff-overview-stale-lines",
                    &args(&[("queue", q.id.clone())]),
                ),
                lines.lines(),
            )
        }),
        kind: q.kind.as_str(),
        id: q.id,
        organisation: q.organisation,
    }
}

#[tracing::instrument(skip_all)]
pub async fn overview_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    operator_standing(state.chain(), &who)
        .await
        .map_err(|refused| fail(&state, &req, refused))?;
    let queues = overview(
        &state.intake.store,
        &state.intake.routing,
        &state.ack_targets,
        state.clock.now(),
    )
    .await
    .map_err(|e| fail(&state, &req, e))?;
    let tr = state.staff_tr(&req, &who);
    let page = OverviewPage {
        desk_receives: desk_receives(&queues),
        queues: queues.into_iter().map(|q| view(&tr, q)).collect(),
        tr,
        stylesheet: assets::STYLESHEET_PATH,
    };
    Ok(html(StatusCode::OK, page.render()))
}
