//! Invites and enrolment as JSON, by the workspace's rules (`trust::invites`): the operator
//! invites coordinators and further operators, a coordinator who manages members invites into
//! their own organisation; whoever may make an invite lists and revokes the open ones. Enrolment
//! redeems one and answers, once and uncached, what a script needs to go on: the TOTP secret, the
//! recovery key, the account's id and the identity its organisation certifies.

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{FieldError, FieldErrors};
use crate::store::OpenInvite;
use crate::trust::accounts::{AccountError, Role};
use crate::trust::certification::CertificateRequest;
use crate::trust::invites;
use crate::web::shared::bearer::bearer;
use crate::web::shared::error::{ApiError, Problem};
use crate::web::shared::json::{api_error, read_json, validation_failed, ValidationFailed};
use crate::web::shared::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    /// coordinator or responder of an organisation, or operator.
    pub role: String,
    /// The organisation's id; absent for an operator, who belongs to none.
    #[serde(default)]
    pub organisation: Option<String>,
}

/// Whom an invite is for, once the request names it well.
enum Invitee {
    Operator,
    Member { role: Role, organisation: String },
}

impl TryFrom<InviteRequest> for Invitee {
    type Error = FieldErrors;

    fn try_from(request: InviteRequest) -> Result<Invitee, FieldErrors> {
        let mut errors = FieldErrors::default();
        let role = Role::parse(&request.role);
        if role.is_none() {
            errors.push("role", "unknown_choice");
        }
        let organisation = request.organisation.filter(|o| !o.trim().is_empty());
        match (role, organisation) {
            (Some(Role::Operator), None) => return Ok(Invitee::Operator),
            (Some(Role::Operator), Some(_)) => errors.push("organisation", "invalid_value"),
            (Some(role), Some(organisation)) if errors.0.is_empty() => {
                return Ok(Invitee::Member { role, organisation })
            }
            (_, None) => errors.push("organisation", "required"),
            _ => {}
        }
        Err(errors)
    }
}

#[derive(Serialize, ToSchema)]
pub struct InviteCreated {
    /// The invite's id, to list and revoke it by.
    pub id: String,
    /// The link to hand its holder: shown once, usable once. Only its HMAC is stored.
    pub link: String,
    /// The token the link ends with, for POST /api/v1/enrolment.
    pub token: String,
    pub role: String,
    pub organisation: Option<String>,
    /// Unix seconds.
    pub expires_at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct InviteView {
    pub id: String,
    /// operator, coordinator or responder.
    pub role: String,
    /// The organisation's id; none for an operator's invite.
    pub organisation: Option<String>,
    pub organisation_name: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub expires_at: i64,
    /// Who made it: a username, or none when it was made at the server's console or by an
    /// account that is gone.
    pub invited_by: Option<String>,
}

impl From<OpenInvite> for InviteView {
    fn from(i: OpenInvite) -> InviteView {
        InviteView {
            id: i.id,
            role: i.role,
            organisation: i.organisation_id,
            organisation_name: i.organisation_name,
            created_at: i.created_at,
            expires_at: i.expires_at,
            invited_by: i.created_by_username,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentRequest {
    /// The invite's token, or its whole link.
    #[schema(value_type = String)]
    pub invite: SecretString,
    /// 3 to 40 lower-case letters, digits, dots or dashes.
    pub username: String,
    /// At least 12 characters, and not a common one.
    #[schema(value_type = String)]
    pub password: SecretString,
}

#[derive(Serialize, ToSchema)]
pub struct Enrolled {
    pub account_id: String,
    pub username: String,
    pub role: String,
    pub organisation: Option<String>,
    /// Base32, for an authenticator app; shown once. Log in with a current code of it at
    /// POST /api/v1/session.
    pub totp_secret: String,
    /// The same secret as an otpauth:// URL.
    pub totp_url: String,
    /// Opens the account if the password is lost; shown once, keep it offline.
    pub recovery_key: String,
    /// The account's identity key (hwiv1.), which its organisation's offline key certifies.
    pub identity_key: String,
    /// The identity's fingerprint, to read out to the coordinator who certifies the account
    /// (POST /api/v1/members/{account}/certificate).
    pub identity_fingerprint: String,
    /// The `homeward org certify` line for the organisation's (an operator: the desk
    /// organisation's) offline machine; its signature goes to POST /api/v1/account/certificate.
    pub certify_command: Option<String>,
}

/// An answer holding secrets: never stored by a cache on the way.
fn no_store(response: &mut actix_web::HttpResponseBuilder) -> &mut actix_web::HttpResponseBuilder {
    response.insert_header(("Cache-Control", "no-store"))
}

/// The answer to a field a trust rule refused, or the failure it is.
fn refusal(state: &AppState, req: &HttpRequest, e: AccountError) -> Result<HttpResponse, ApiError> {
    match e {
        AccountError::Field { field, code } => Ok(validation_failed(
            state,
            req,
            FieldErrors(vec![FieldError {
                field: field.to_owned(),
                code,
            }]),
        )),
        other => Err(api_error(state, req, other)),
    }
}

/// Make an invite: the operator for coordinators of any organisation and for operators, a
/// coordinator who manages members for coordinators and responders of their own. Audited.
#[utoipa::path(post, path = "/api/v1/invites", request_body(content = InviteRequest, content_type = "application/json"),
    responses((status = 201, description = "Made; the link is shown once (no-store)", body = InviteCreated),
        (status = 403, description = "Not someone who may invite this role into this organisation", body = Problem),
        (status = 422, body = ValidationFailed)))]
#[tracing::instrument(skip_all)]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let body: InviteRequest = match read_json(&state, &req, payload).await {
        Ok(Ok(body)) => body,
        Ok(Err(errors)) => return Ok(validation_failed(&state, &req, errors)),
        Err(failure) => return Err(api_error(&state, &req, failure)),
    };
    let (role, organisation) = match Invitee::try_from(body) {
        Ok(Invitee::Operator) => (Role::Operator, None),
        Ok(Invitee::Member { role, organisation }) => (role, Some(organisation)),
        Err(errors) => return Ok(validation_failed(&state, &req, errors)),
    };
    let issued = match invites::create(
        &state.accounts,
        state.chain(),
        &who,
        role.as_str(),
        organisation.as_deref(),
    )
    .await
    {
        Ok(issued) => issued,
        Err(e) => return refusal(&state, &req, e),
    };
    let token = issued.token.expose_secret();
    Ok(no_store(&mut HttpResponse::Created()).json(InviteCreated {
        link: format!("{}/invite/{token}", state.public_url),
        token: token.to_owned(),
        id: issued.id,
        role: role.as_str().to_owned(),
        organisation,
        expires_at: issued.expires_at,
    }))
}

/// The open invites the caller may revoke: those they could make now, whoever made them (a
/// coordinator also sees the operator's invites into their organisation).
#[utoipa::path(get, path = "/api/v1/invites",
    responses((status = 200, body = [InviteView]), (status = 403, description = "Someone who may invite no one", body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    let open = invites::open(state.chain(), &who)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    let views: Vec<InviteView> = open.into_iter().map(InviteView::from).collect();
    Ok(HttpResponse::Ok().json(views))
}

/// Revoke an open invite: its link stops working at once. Audited.
#[utoipa::path(delete, path = "/api/v1/invites/{invite}",
    responses((status = 204, description = "Revoked"),
        (status = 403, description = "Someone who may invite no one", body = Problem),
        (status = 404, description = "Unknown, used, expired, or not one the caller may see", body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn revoke(
    state: web::Data<AppState>,
    req: HttpRequest,
    invite: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let who = bearer(&state, &req).await?;
    invites::revoke(state.chain(), &state.accounts, &who, &invite)
        .await
        .map_err(|e| api_error(&state, &req, e))?;
    Ok(HttpResponse::NoContent().finish())
}

/// The token of an invite given as itself or as its whole link.
fn invite_token(invite: &str) -> &str {
    let invite = invite.trim();
    invite
        .rsplit_once("/invite/")
        .map_or(invite, |(_, token)| token.trim_end_matches('/'))
}

/// Redeem an invite: the account is made with the invite's role and organisation, and its
/// secrets are answered once (no-store). Log in next at POST /api/v1/session; the account then
/// needs its certificate (see `certify_command` and `identity_fingerprint`) before any queue.
#[utoipa::path(post, path = "/api/v1/enrolment", request_body(content = EnrolmentRequest, content_type = "application/json"),
    responses((status = 201, description = "Enrolled; the secrets are shown once (no-store)", body = Enrolled),
        (status = 404, description = "The invite is unknown, used, revoked or expired", body = Problem),
        (status = 422, body = ValidationFailed),
        (status = 429, description = "Too many invites that open nothing from this source: wait, then try again", body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn enrol(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: EnrolmentRequest = match read_json(&state, &req, payload).await {
        Ok(Ok(body)) => body,
        Ok(Err(errors)) => return Ok(validation_failed(&state, &req, errors)),
        Err(failure) => return Err(api_error(&state, &req, failure)),
    };
    let token = invite_token(body.invite.expose_secret());
    // Tokens that open nothing are counted per source, as failed logins are.
    let origin = state.enrolment_origin(&req);
    let enrolled = match state
        .accounts
        .redeem(token, &body.username, &body.password, origin)
        .await
    {
        Ok(enrolled) => enrolled,
        Err(e) => return refusal(&state, &req, e),
    };
    let role = enrolled.invite.role.clone();
    let request = CertificateRequest {
        organisation: enrolled
            .invite
            .organisation_id
            .clone()
            .unwrap_or_else(|| crate::trust::certification::OPERATORS.to_owned()),
        account: enrolled.account_id.clone(),
        username: enrolled.username.clone(),
        role: role.clone(),
        identity: enrolled.identity.to_text(),
    };
    let secrets = &enrolled.enrolment;
    Ok(no_store(&mut HttpResponse::Created()).json(Enrolled {
        certify_command: request.command(role == Role::Operator.as_str()),
        identity_fingerprint: crate::crypto::identity::fingerprint(&enrolled.identity),
        identity_key: request.identity,
        totp_secret: secrets.totp_secret.expose_secret().to_owned(),
        totp_url: secrets.totp_url.expose_secret().to_owned(),
        recovery_key: secrets.recovery_key.expose_secret().to_owned(),
        organisation: enrolled.invite.organisation_id,
        account_id: enrolled.account_id,
        username: enrolled.username,
        role,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invite_names_its_role_and_organisation_or_says_which_is_wrong() {
        let request = |role: &str, organisation: Option<&str>| InviteRequest {
            role: role.into(),
            organisation: organisation.map(str::to_owned),
        };
        let codes = |r: InviteRequest| -> Vec<(String, &'static str)> {
            match Invitee::try_from(r) {
                Ok(_) => Vec::new(),
                Err(e) => e.0.into_iter().map(|f| (f.field, f.code)).collect(),
            }
        };
        assert!(codes(request("operator", None)).is_empty());
        assert!(codes(request("responder", Some("partner"))).is_empty());
        assert_eq!(
            codes(request("operator", Some("partner"))),
            vec![("organisation".to_owned(), "invalid_value")]
        );
        assert_eq!(
            codes(request("coordinator", Some(" "))),
            vec![("organisation".to_owned(), "required")]
        );
        assert_eq!(
            codes(request("chief", None)),
            vec![
                ("role".to_owned(), "unknown_choice"),
                ("organisation".to_owned(), "required")
            ]
        );
    }

    #[test]
    fn an_invite_is_taken_as_its_token_or_its_whole_link() {
        assert_eq!(invite_token("abc"), "abc");
        assert_eq!(invite_token(" https://h.example/invite/abc "), "abc");
        assert_eq!(invite_token("https://h.example/invite/abc/"), "abc");
    }
}
