//! A queue's key on the workspace page: a coordinator imports it, grants a copy to a member,
//! confirms who holds it after a restore, and rotates it to a new pair (finishing an
//! interrupted re-sealing).

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::{ExposeSecret, SecretString};

use super::forms::{checked_form, fail, redirect};
use super::workspace::workspace_refusal;
use crate::trust::{queue_keys, rotation, WorkspaceError};
use crate::web::shared::page::PageError;
use crate::web::shared::state::AppState;

#[tracing::instrument(skip_all)]
pub async fn import_key(
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
    match queue_keys::import_key(
        state.chain(),
        &state.accounts.audit,
        &who,
        &queue,
        key.expose_secret(),
    )
    .await
    {
        Ok(_) => Ok(redirect("/workspace")),
        Err(e @ WorkspaceError::WrongKey) => {
            workspace_refusal(&state, &req, &who, e, "staff-key-wrong").await
        }
        Err(e @ WorkspaceError::Uncertified(_)) => {
            workspace_refusal(&state, &req, &who, e, "staff-uncertified-refused").await
        }
        Err(e) => Err(fail(&state, &req, e)),
    }
}

#[tracing::instrument(skip_all)]
pub async fn confirm_membership(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, _) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    queue_keys::confirm_membership(state.chain(), &state.accounts.audit, &who, &queue)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    Ok(redirect("/workspace"))
}

#[tracing::instrument(skip_all)]
pub async fn grant_access(
    state: web::Data<AppState>,
    req: HttpRequest,
    queue: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let account = form.get("account").cloned().unwrap_or_default();
    match queue_keys::grant(state.chain(), &state.accounts.audit, &who, &queue, &account).await {
        Ok(()) => Ok(redirect("/workspace")),
        Err(e @ WorkspaceError::Uncertified(_)) => {
            workspace_refusal(&state, &req, &who, e, "staff-uncertified-refused").await
        }
        Err(e) => Err(fail(&state, &req, e)),
    }
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
        state.chain(),
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
        Err(e @ WorkspaceError::Uncertified(_)) => (e, "staff-uncertified-refused"),
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
    let outcome = rotation::finish_reseal(
        state.chain(),
        state.receivers(),
        &state.accounts.audit,
        &who,
        &queue,
    )
    .await;
    match outcome {
        Ok(_) => Ok(redirect("/workspace")),
        Err(e) => Err(fail(&state, &req, e)),
    }
}
