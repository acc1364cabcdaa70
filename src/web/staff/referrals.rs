//! Referring a report to another queue, from its page (see `crate::referral`).

use actix_web::{web, HttpRequest, HttpResponse};

use super::pages::{checked_form, fail, redirect, report_view, workspace_failure, ReferralForm};
use crate::referral::{self, Referral, ReferralError};
use crate::web::error::{Failure, PageError};
use crate::web::AppState;

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
        &state.intake.store,
        &state.accounts.audit,
        state.intake.routing.desk_signing_key.as_ref(),
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
        Ok(()) => Ok(redirect(&format!("/queues/{queue}/reports/{report}"))),
        Err(ReferralError::Refused(refusal)) => {
            let form = ReferralForm {
                refusal: Some(
                    state
                        .tr(&req, None)
                        .t(&format!("referral-{}", refusal.code())),
                ),
                to,
                reason,
            };
            report_view(&state, &req, &who, &queue, &report, form).await
        }
        Err(ReferralError::Workspace(e)) => Err(workspace_failure(&state, &req, e)),
    }
}
