//! Referring a report to another queue and issuing a new projection version, from its page (see
//! `crate::casework::referral` and `crate::casework::projection`).

use actix_web::{web, HttpRequest, HttpResponse};

use super::forms::{checked_form, fail};
use super::reports::{report_view, Done, ReferralForm};
use crate::casework::projection::ProjectionError;
use crate::casework::referral::{self, Referral, ReferralError};
use crate::web::shared::error::Failure;
use crate::web::shared::page::PageError;
use crate::web::shared::state::AppState;

#[tracing::instrument(skip_all)]
pub async fn refer(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (queue, report) = path.into_inner();
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let Ok(report_id) = uuid::Uuid::parse_str(&report) else {
        return Err(fail(&state, &req, Failure::NotFound));
    };
    let to = form.get("to").cloned().unwrap_or_default();
    let reason = form.get("reason").cloned().unwrap_or_default();
    let outcome = referral::refer(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &Referral {
            from: &queue,
            report: report_id,
            to: &to,
            reason: &reason,
        },
    )
    .await;
    match outcome {
        Ok(()) => Ok(Done::Referred.back_to(&queue, &report)),
        Err(ReferralError::Refused(refusal)) => {
            let form = ReferralForm {
                refusal: Some(
                    state
                        .staff_tr(&req, &who)
                        .t(&format!("referral-{}", refusal.code())),
                ),
                to,
                reason,
                ..ReferralForm::default()
            };
            report_view(&state, &req, &who, &queue, &report, form).await
        }
        Err(ReferralError::Workspace(e)) => Err(fail(&state, &req, e)),
    }
}

/// Issues a new version of the report's projection (NGO entries only).
#[tracing::instrument(skip_all)]
pub async fn issue_projection(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (queue, report) = path.into_inner();
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let Ok(report_id) = uuid::Uuid::parse_str(&report) else {
        return Err(fail(&state, &req, Failure::NotFound));
    };
    let text = form.get("projection").cloned().unwrap_or_default();
    let outcome = crate::casework::projection::issue(
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
        report_id,
        &text,
    )
    .await;
    match outcome {
        Ok(_) => Ok(Done::Projection.back_to(&queue, &report)),
        Err(ProjectionError::Fields(errors)) => {
            let tr = state.staff_tr(&req, &who);
            let problems = errors
                .0
                .iter()
                .map(|e| format!("{}: {}", e.field, tr.error(e.code)))
                .collect::<Vec<_>>()
                .join(" · ");
            let form = ReferralForm {
                projection: Some(text),
                projection_error: Some(problems),
                ..ReferralForm::default()
            };
            report_view(&state, &req, &who, &queue, &report, form).await
        }
        Err(ProjectionError::Workspace(e)) => Err(fail(&state, &req, e)),
    }
}
