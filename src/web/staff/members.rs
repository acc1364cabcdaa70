//! A coordinator removes a member: their copies go at once and their queues are marked
//! "rotation due" (see `crate::trust::rotation`; the rotation itself is in `queue_keys`). A
//! certified coordinator certifies a member; anyone pastes the certificate their organisation
//! made offline for them (see `crate::trust::certification`).

use actix_web::{web, HttpRequest, HttpResponse};

use super::forms::{checked_form, fail};
use super::workspace::{workspace_refusal, workspace_with};
use crate::trust::certification::{accept_organisation_certificate, certify_member};
use crate::trust::{rotation, WorkspaceError};
use crate::web::shared::page::PageError;
use crate::web::shared::state::AppState;

#[tracing::instrument(skip_all)]
pub async fn remove(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    if !super::confirm::confirmed(&form) {
        return super::confirm::remove_member(&state, &req, &who, &account).await;
    }
    let queues = rotation::remove_member(state.chain(), &state.accounts.audit, &who, &account)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    let tr = state.staff_tr(&req, &who);
    let message = if queues.is_empty() {
        tr.t("staff-member-removed")
    } else {
        format!(
            "{} {}",
            tr.t("staff-member-removed-rotate"),
            queues.join(", ")
        )
    };
    workspace_with(&state, &req, &who, None, Some(message)).await
}

/// The organisation's offline signature over the person's own membership.
#[tracing::instrument(skip_all)]
pub async fn accept_certificate(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let signature = form
        .get("signature")
        .map(String::as_str)
        .unwrap_or_default();
    match accept_organisation_certificate(state.chain(), &state.accounts.audit, &who, signature)
        .await
    {
        Ok(()) => {
            let message = state.staff_tr(&req, &who).t("staff-certified-self");
            workspace_with(&state, &req, &who, None, Some(message)).await
        }
        Err(e @ WorkspaceError::BadSignature) => {
            workspace_refusal(&state, &req, &who, e, "staff-certificate-wrong").await
        }
        // Why the chain cannot stand (the organisation suspended, say), not "wrong certificate".
        Err(WorkspaceError::Uncertified(gap)) => {
            let message = format!("staff-gap-{}", gap.code());
            let refused = WorkspaceError::Uncertified(gap);
            workspace_refusal(&state, &req, &who, refused, &message).await
        }
        Err(e) => Err(fail(&state, &req, e)),
    }
}

/// A certified coordinator certifies a fellow member with their own identity key.
#[tracing::instrument(skip_all)]
pub async fn certify(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let fingerprint = form
        .get("fingerprint")
        .map(String::as_str)
        .unwrap_or_default();
    match certify_member(
        state.chain(),
        &state.accounts.audit,
        &who,
        &account,
        fingerprint,
    )
    .await
    {
        Ok(()) => {
            let message = state.staff_tr(&req, &who).t("staff-member-certified-done");
            workspace_with(&state, &req, &who, None, Some(message)).await
        }
        Err(e @ WorkspaceError::Uncertified(_)) => {
            workspace_refusal(&state, &req, &who, e, "staff-uncertified-refused").await
        }
        Err(e @ WorkspaceError::WrongFingerprint) => {
            workspace_refusal(&state, &req, &who, e, "staff-fingerprint-wrong").await
        }
        Err(e) => Err(fail(&state, &req, e)),
    }
}
