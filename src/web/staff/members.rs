//! A coordinator removes a member: their copies go at once and their queues are marked
//! "rotation due" (see `crate::trust::rotation`; the rotation itself is in `queue_keys`).

use actix_web::{web, HttpRequest, HttpResponse};

use super::forms::{checked_form, fail};
use super::workspace::workspace_with;
use crate::trust::rotation;
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
