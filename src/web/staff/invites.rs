//! Invites and enrolment: a coordinator or the operator makes an invite link, labelled with
//! what it is for, sees the open ones and revokes them (who may: `trust::invites`); its holder
//! enrols (password, TOTP, recovery key, shown once).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};

use super::forms::{checked_form, enrolled_page, fail, form};
use super::invite_labels;
use super::workspace::{workspace_labelled, workspace_refusal, NewLink};
use crate::locale::Tr;
use crate::store::StoreError;
use crate::trust::accounts::AccountError;
use crate::trust::invites;
use crate::web::shared::assets;
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

#[derive(Template)]
#[template(path = "invite.html")]
pub(super) struct InviteForm {
    tr: Tr,
    stylesheet: &'static str,
    token: String,
    username: String,
    username_error: Option<String>,
    password_error: Option<String>,
}

#[tracing::instrument(skip_all)]
pub async fn create_invite(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let organisation = form.get("organisation").cloned().unwrap_or_default();
    let role = form.get("role").map(String::as_str).unwrap_or_default();
    // Operators belong to no organisation, whatever the form's list says.
    let organisation = (role != "operator").then_some(organisation.as_str());
    let issued = invites::create(&state.accounts, state.chain(), &who, role, organisation)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    let tr = state.staff_tr(&req, &who);
    let name = match organisation {
        Some(org) => Some(
            organisation_name(&state, org)
                .await
                .map_err(|e| fail(&state, &req, e))?,
        ),
        None => None,
    };
    let link = NewLink {
        url: format!(
            "{}/invite/{}",
            state.public_url,
            issued.token.expose_secret()
        ),
        label: Some(invite_labels::label(
            &tr,
            role,
            name.as_deref(),
            issued.expires_at,
        )),
    };
    workspace_labelled(&state, &req, &who, Some(link), None).await
}

/// An organisation's name, or its id when it has no row.
async fn organisation_name(state: &AppState, id: &str) -> Result<String, StoreError> {
    Ok(state
        .intake
        .store
        .organisations()
        .await?
        .into_iter()
        .find(|(o, ..)| o == id)
        .map_or_else(|| id.to_owned(), |(_, name, _)| name))
}

/// Revokes an open invite from the workspace: its link stops working at once.
#[tracing::instrument(skip_all)]
pub async fn revoke_invite(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, _) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    match invites::revoke(state.chain(), &state.accounts, &who, &id).await {
        Ok(_) => {
            let message = state.staff_tr(&req, &who).t("staff-invite-revoked");
            workspace_labelled(&state, &req, &who, None, Some(message)).await
        }
        Err(e @ AccountError::InviteInvalid) => {
            workspace_refusal(&state, &req, &who, e, "staff-invite-gone").await
        }
        Err(e) => Err(fail(&state, &req, e)),
    }
}

#[tracing::instrument(skip_all)]
pub async fn invite_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let usable = state
        .accounts
        .usable_invite(&token, state.enrolment_origin(&req))
        .await
        .map_err(|e| fail(&state, &req, e))?;
    if usable.is_none() {
        return Err(fail(&state, &req, Failure::NotFound));
    }
    let page = InviteForm {
        tr: state.tr(&req, None),
        stylesheet: assets::STYLESHEET_PATH,
        token: token.into_inner(),
        username: String::new(),
        username_error: None,
        password_error: None,
    };
    Ok(html(StatusCode::OK, page.render()))
}

#[tracing::instrument(skip_all)]
pub async fn enrol(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let form = form(&state, &req, payload).await?;
    let username = form.get("username").cloned().unwrap_or_default();
    let password = SecretString::from(form.get("password").cloned().unwrap_or_default());
    let tr = state.tr(&req, None);
    let origin = state.enrolment_origin(&req);
    match state
        .accounts
        .enrol(&token, &username, &password, origin)
        .await
    {
        Ok(enrolment) => Ok(enrolled_page(tr, &enrolment)),
        Err(AccountError::Field { field, code }) => {
            let message = Some(tr.error(code));
            let page = InviteForm {
                tr: tr.clone(),
                stylesheet: assets::STYLESHEET_PATH,
                token: token.into_inner(),
                username,
                username_error: if field == "username" {
                    message.clone()
                } else {
                    None
                },
                password_error: if field == "password" { message } else { None },
            };
            Ok(html(StatusCode::UNPROCESSABLE_ENTITY, page.render()))
        }
        Err(e) => Err(fail(&state, &req, e)),
    }
}
