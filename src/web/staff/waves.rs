//! Clearing a flood of fake reports from the workspace: the queue list's selected entries closed
//! as not genuine (`POST /queues/{queue}/wave`), and the desk coordinators' list of reports every
//! holder closed so, destroyed early (`/desk/not-genuine`). Both ask first, on a page of their
//! own that lists what the action takes and carries the selection again; only that page's form,
//! which adds `confirm=yes`, acts.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use fluent_bundle::FluentArgs;

use super::confirm::confirmed;
use super::forms::{checked_form, fail, redirect};
use super::queue_list::lines;
use super::reports::short;
use super::session::principal;
use crate::casework::waves::{self, Shown, WaveError};
use crate::domain::selection::{Selection, SelectionError};
use crate::locale::{args, Tr};
use crate::web::shared::assets;
use crate::web::shared::page::{html, query, PageError};
use crate::web::shared::state::AppState;

/// One line of a list a confirmation shows: each cell with its column's name, which a phone
/// shows beside it when the table's rows stack.
pub(super) struct Line {
    cells: Vec<(String, String)>,
}

impl Line {
    fn of(columns: &[String], cells: Vec<String>) -> Line {
        Line {
            cells: columns.iter().cloned().zip(cells).collect(),
        }
    }
}

/// "Close these reports as not genuine?" or "Destroy these reports now?": what the action takes,
/// what it leaves, and a form carrying the selection again; or, when the selection is wrong,
/// what is wrong and the way back.
#[derive(Template)]
#[template(path = "wave_confirm.html")]
pub(super) struct Confirmation {
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    heading: String,
    consequence: Option<String>,
    /// Said apart and plainly: that the action cannot be undone.
    irreversible: Option<String>,
    /// What the page cannot show, and why.
    notice: Option<String>,
    /// The selected reports the action leaves as they are, counted.
    kept: Option<String>,
    /// What is wrong with the selection; nothing is offered then.
    problem: Option<String>,
    columns: Vec<String>,
    lines: Vec<Line>,
    action: String,
    /// Every selected id, carried to the confirming form.
    carried: Vec<String>,
    /// None when there is nothing to confirm.
    confirm_label: Option<String>,
    back: String,
}

impl Confirmation {
    fn answer(self, status: StatusCode) -> HttpResponse {
        html(status, self.render())
    }
}

/// A selection that cannot be acted on, said on the confirmation page (422) with the way back.
fn wrong_selection(
    state: &AppState,
    req: &HttpRequest,
    who: &crate::trust::accounts::Principal,
    problem: String,
    back: String,
) -> HttpResponse {
    let tr = state.staff_tr(req, who);
    Confirmation {
        heading: tr.t("staff-selection-heading"),
        consequence: None,
        irreversible: None,
        notice: None,
        kept: None,
        problem: Some(problem),
        columns: Vec::new(),
        lines: Vec::new(),
        action: back.clone(),
        carried: Vec::new(),
        confirm_label: None,
        back,
        csrf: who.csrf.clone(),
        stylesheet: assets::STYLESHEET_PATH,
        tr,
    }
    .answer(StatusCode::UNPROCESSABLE_ENTITY)
}

/// The page that says what is wrong with a posted selection.
fn wrong(
    state: &AppState,
    req: &HttpRequest,
    who: &crate::trust::accounts::Principal,
    error: SelectionError,
    back: &str,
) -> HttpResponse {
    let problem = state
        .staff_tr(req, who)
        .t(&format!("staff-selection-{}", error.code()));
    wrong_selection(state, req, who, problem, back.to_owned())
}

/// `POST /queues/{queue}/wave`: the first post asks, the confirming one closes the selected
/// entries as not genuine and goes back to the queue with what was done.
#[tracing::instrument(skip_all)]
pub async fn close_wave(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let queue = queue.into_inner();
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let back = format!("/queues/{queue}");
    let selection = match Selection::parse(form.all("report")) {
        Ok(selection) => selection,
        Err(e) => return Ok(wrong(&state, &req, &who, e, &back)),
    };
    let not_in_queue = |n: usize| {
        let tr = state.staff_tr(&req, &who);
        let problem = tr.t_with(
            "staff-wave-not-in-queue",
            &args(&[("count", n.to_string())]),
        );
        wrong_selection(&state, &req, &who, problem, back.clone())
    };
    if confirmed(&form) {
        return match waves::close(
            state.receivers(),
            &state.accounts.audit,
            &who,
            &queue,
            &selection,
            state.clock.now(),
        )
        .await
        {
            Ok(done) => Ok(redirect(&format!(
                "/queues/{queue}?done=wave_closed&n={}&kept={}",
                done.closed, done.kept
            ))),
            Err(WaveError::NotInQueue(n)) => Ok(not_in_queue(n)),
            Err(e) => Err(fail(&state, &req, e)),
        };
    }
    let wave = match waves::preview(state.receivers(), &who, &queue, &selection).await {
        Ok(wave) => wave,
        Err(WaveError::NotInQueue(n)) => return Ok(not_in_queue(n)),
        Err(e) => return Err(fail(&state, &req, e)),
    };
    let tr = state.staff_tr(&req, &who);
    let count = |n: usize| args(&[("count", n.to_string()), ("queue", queue.clone())]);
    let nothing = wave.closable.is_empty();
    let columns = vec![
        tr.t("staff-early-report"),
        tr.t("staff-priority"),
        tr.t("staff-status"),
        tr.t("staff-received"),
    ];
    let lines = wave
        .closable
        .iter()
        .map(|e| {
            Line::of(
                &columns,
                vec![
                    short(&e.report_id),
                    e.priority.clone(),
                    tr.t(&format!("entry-status-{}", e.status)),
                    tr.date_time(e.added_at),
                ],
            )
        })
        .collect();
    Ok(Confirmation {
        heading: tr.t_with("staff-wave-heading", &count(wave.closable.len())),
        consequence: Some(tr.t(if nothing {
            "staff-wave-none"
        } else {
            "staff-wave-consequence"
        })),
        irreversible: None,
        notice: None,
        kept: (!wave.kept.is_empty() && !nothing)
            .then(|| tr.t_with("staff-wave-kept", &count(wave.kept.len()))),
        problem: None,
        columns,
        lines,
        action: format!("/queues/{queue}/wave"),
        carried: selection.texts(),
        confirm_label: (!nothing).then(|| tr.t("staff-wave-confirm")),
        back,
        csrf: who.csrf.clone(),
        stylesheet: assets::STYLESHEET_PATH,
        tr,
    }
    .answer(StatusCode::OK))
}

/// A report on the desk's list, as a line with its checkbox.
pub(super) struct Due {
    id: String,
    short_id: String,
    received: String,
    holders: i64,
    closed: String,
    /// Said when the reporter wrote after it was closed.
    wrote_after: Option<String>,
}

#[derive(Template)]
#[template(path = "not_genuine.html")]
pub(super) struct NotGenuinePage {
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    message: Option<String>,
    /// When a report is listed: the cooling period, the second person, the reporter's return.
    rules: String,
    due: Vec<Due>,
}

/// `GET /desk/not-genuine`: for a coordinator of the desk organisation, the reports due for
/// early destruction at their hand, none selected, so that each is chosen on purpose; anyone
/// else is refused.
#[tracing::instrument(skip_all)]
pub async fn not_genuine(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    let due = state
        .early_destruction()
        .due(&who)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    let tr = state.staff_tr(&req, &who);
    // Counts from our own redirect; anything else in the address is ignored.
    let asked = query(&req);
    let number = |name: &str| asked.get(name).and_then(|v| v.parse::<usize>().ok());
    let message = match (asked.get("done").map(String::as_str), number("n")) {
        (Some("destroyed"), Some(n)) => {
            let mut said = tr.t_with("staff-early-done", &args(&[("count", n.to_string())]));
            if let Some(kept) = number("kept").filter(|k| *k > 0) {
                said.push(' ');
                said.push_str(
                    &tr.t_with("staff-early-kept", &args(&[("count", kept.to_string())])),
                );
            }
            Some(said)
        }
        _ => None,
    };
    let due = due
        .into_iter()
        .map(|r| Due {
            short_id: short(&r.report_id),
            received: tr.date_time(r.created_at),
            holders: r.holders,
            closed: tr.date_time(r.closed_at),
            wrote_after: r.wrote_after.then(|| tr.t("staff-early-wrote-after")),
            id: r.report_id,
        })
        .collect();
    let page = NotGenuinePage {
        csrf: who.csrf.clone(),
        stylesheet: assets::STYLESHEET_PATH,
        message,
        rules: {
            // A number, not text, so that each language picks its plural.
            let mut hours = FluentArgs::new();
            hours.set("hours", state.waves.destroy_after_hours);
            tr.t_with("staff-early-rules", &hours)
        },
        due,
        tr,
    };
    Ok(html(StatusCode::OK, page.render()))
}

/// `POST /desk/not-genuine`: the first post asks, showing what each report says to a coordinator
/// who holds the desk's key; the confirming one destroys those selected that are still due at
/// this coordinator's hand, and goes back to the list with counts.
#[tracing::instrument(skip_all)]
pub async fn destroy_not_genuine(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    const BACK: &str = "/desk/not-genuine";
    let early = state.early_destruction();
    // Refused before the selection is even read, so nobody else learns what it would say.
    early
        .desk_coordinator(&who)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    let selection = match Selection::parse(form.all("report")) {
        Ok(selection) => selection,
        Err(e) => return Ok(wrong(&state, &req, &who, e, BACK)),
    };
    if confirmed(&form) {
        let done = early
            .destroy(&state.accounts.audit, &who, &selection)
            .await
            .map_err(|e| fail(&state, &req, e))?;
        return Ok(redirect(&format!(
            "{BACK}?done=destroyed&n={}&kept={}",
            done.destroyed, done.kept
        )));
    }
    let due = early.due(&who).await.map_err(|e| fail(&state, &req, e))?;
    let chosen: Vec<String> = selection.texts();
    let due: Vec<_> = due
        .into_iter()
        .filter(|r| chosen.contains(&r.report_id))
        .collect();
    let ids: Vec<&str> = due.iter().map(|r| r.report_id.as_str()).collect();
    let shown = if ids.is_empty() {
        Shown::Summaries(HashMap::new())
    } else {
        early
            .shown(&state.accounts.audit, &who, &ids)
            .await
            .map_err(|e| fail(&state, &req, e))?
    };
    let tr = state.staff_tr(&req, &who);
    let count = |n: usize| args(&[("count", n.to_string())]);
    let kept = chosen.len() - due.len();
    let nothing = due.is_empty();
    let mut columns = vec![
        tr.t("staff-early-report"),
        tr.t("staff-early-received"),
        tr.t("staff-early-holders"),
        tr.t("staff-early-closed"),
    ];
    if let Shown::Summaries(_) = shown {
        columns.extend([
            tr.t("staff-early-place"),
            tr.t("staff-early-person"),
            tr.t("staff-early-reasons"),
        ]);
    }
    let lines = due
        .iter()
        .map(|r| {
            let mut cells = vec![
                short(&r.report_id),
                tr.date_time(r.created_at),
                r.holders.to_string(),
                match r.wrote_after {
                    true => format!(
                        "{} — {}",
                        tr.date_time(r.closed_at),
                        tr.t("staff-early-wrote-after")
                    ),
                    false => tr.date_time(r.closed_at),
                },
            ];
            if let Shown::Summaries(summaries) = &shown {
                let (place, person, reasons) = match summaries.get(&r.report_id) {
                    Some(summary) => lines(&tr, summary),
                    None => (tr.t("staff-summary-none"), String::new(), String::new()),
                };
                cells.extend([place, person, reasons]);
            }
            Line::of(&columns, cells)
        })
        .collect();
    Ok(Confirmation {
        heading: tr.t_with("staff-early-confirm-heading", &count(due.len())),
        consequence: Some(tr.t(if nothing {
            "staff-early-nothing"
        } else {
            "staff-early-consequence"
        })),
        irreversible: (!nothing).then(|| tr.t("staff-early-irreversible")),
        notice: (!nothing && matches!(shown, Shown::NoKey)).then(|| tr.t("staff-early-no-key")),
        kept: (kept > 0 && !nothing).then(|| tr.t_with("staff-early-kept", &count(kept))),
        problem: None,
        columns,
        lines,
        action: BACK.into(),
        // Only what the page shows: a report that falls due between the two posts is not
        // destroyed unseen.
        carried: due.iter().map(|r| r.report_id.clone()).collect(),
        confirm_label: (!nothing && !matches!(shown, Shown::NoKey))
            .then(|| tr.t("staff-early-confirm")),
        back: BACK.into(),
        csrf: who.csrf.clone(),
        stylesheet: assets::STYLESHEET_PATH,
        tr,
    }
    .answer(StatusCode::OK))
}
