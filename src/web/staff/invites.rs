//! Invites and enrolment: a coordinator or the operator makes an invite link; its holder
//! enrols (password, TOTP, recovery key, shown once).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};

use super::forms::{checked_form, enrolled_page, fail, form};
use super::workspace::{invitable, workspace_page};
use crate::locale::Tr;
use crate::store::Invite;
use crate::trust::accounts::AccountError;
use crate::trust::accounts::Role;
use crate::trust::certification::operator_standing;
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
    let organisations = state
        .intake
        .store
        .organisations()
        .await
        .map_err(|e| fail(&state, &req, e))?;
    let (allowed_orgs, allowed_roles) = invitable(&who, organisations);
    let organisation = form.get("organisation").cloned().unwrap_or_default();
    let role = form.get("role").map(String::as_str).unwrap_or_default();
    // Operators belong to no organisation; everyone else to one the inviter may invite into.
    let operator = role == "operator";
    let permitted = allowed_roles.contains(&role)
        && (operator || allowed_orgs.iter().any(|(id, _)| *id == organisation));
    let standing = match who.role {
        Role::Operator => operator_standing(state.chain(), &who).await.is_ok(),
        _ => super::workspace::manages_members(&state, &who)
            .await
            .map_err(|e| fail(&state, &req, e))?,
    };
    if !permitted || !standing {
        tracing::info!(account = %who.account_id, "invite refused");
        return Err(fail(&state, &req, Failure::Forbidden));
    }
    let invite = Invite {
        role: role.to_owned(),
        organisation_id: (!operator).then_some(organisation),
    };
    let token = state
        .accounts
        .create_invite(&invite, Some(&who.account_id))
        .await
        .map_err(|e| fail(&state, &req, e))?;
    let link = format!("{}/invite/{}", state.public_url, token.expose_secret());
    workspace_page(&state, &req, &who, Some(link)).await
}

#[tracing::instrument(skip_all)]
pub async fn invite_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let usable = state
        .accounts
        .usable_invite(&token)
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
    match state.accounts.enrol(&token, &username, &password).await {
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
