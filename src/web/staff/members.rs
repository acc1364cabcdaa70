//! A coordinator removes members and rotates the queues they held (see `crate::trust::rotation`).

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::{ExposeSecret, SecretString};

use super::pages::{checked_form, fail, redirect, workspace_refusal, workspace_with};
use crate::trust::rotation;
use crate::trust::WorkspaceError;
use crate::web::shared::page::PageError;
use crate::web::shared::state::AppState;

#[tracing::instrument(skip_all)]
pub async fn remove(
    state: web::Data<AppState>,
    req: HttpRequest,
    account: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, _) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let queues =
        rotation::remove_member(&state.intake.store, &state.accounts.audit, &who, &account)
            .await
            .map_err(|e| fail(&state, &req, e))?;
    let tr = state.tr(&req, None);
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

#[tracing::instrument(skip_all)]
pub async fn rotate(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let key = SecretString::from(form.get("private_key").cloned().unwrap_or_default());
    let signature = form.get("signature").cloned().unwrap_or_default();
    let outcome = rotation::rotate(
        &state.intake.store,
        &state.accounts.audit,
        &who,
        &queue,
        key.expose_secret(),
        &signature,
    )
    .await;
    let (refused, message) = match outcome {
        Ok(_) => return Ok(redirect("/workspace")),
        Err(e @ WorkspaceError::WrongKey) => (e, "staff-rotate-key-wrong"),
        Err(e @ WorkspaceError::BadSignature) => (e, "staff-rotate-signature-wrong"),
        Err(e) => return Err(fail(&state, &req, e)),
    };
    workspace_refusal(&state, &req, &who, refused, message).await
}

/// Finishes re-sealing after an interrupted rotation.
#[tracing::instrument(skip_all)]
pub async fn reseal(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, _) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let store = &state.intake.store;
    let outcome = async {
        let row = store.queue(&queue).await?.ok_or(WorkspaceError::NotFound)?;
        if who.role != crate::trust::accounts::Role::Coordinator
            || who.organisation_id.as_deref() != Some(row.organisation_id.as_str())
        {
            return Err(WorkspaceError::Forbidden);
        }
        let keys = rotation::held_keys(store, &who, &queue).await?;
        rotation::reseal(store, &queue, &keys).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(redirect("/workspace")),
        Err(e) => Err(fail(&state, &req, e)),
    }
}
