//! Destructive actions ask first, on a second page and with no script. The first post of a
//! "remove a member" or "suspend an organisation" form answers with this page, which names who
//! or what is affected and what happens; only the page's own form, which adds `confirm=yes`,
//! carries the action out. A stray click or a resubmitted form lands here, not on the action.
//! (Withdrawing a consent is the reporter's, on the follow-up page; it is not asked here.)

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::forms::fail;
use crate::locale::{args, Tr};
use crate::trust::accounts::{Principal, Role};
use crate::trust::certification::{managing_coordinator, operator_standing};
use crate::web::shared::assets;
use crate::web::shared::body::Fields;
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

/// Whether the form came from the confirmation page.
pub(super) fn confirmed(form: &Fields) -> bool {
    form.get("confirm").is_some_and(|v| v == "yes")
}

#[derive(Template)]
#[template(path = "confirm.html")]
struct ConfirmPage {
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    heading: String,
    consequence: String,
    /// Where the confirmed form posts, with the fields it carries besides the token.
    action: String,
    carried: Vec<(&'static str, String)>,
    confirm_label: String,
    /// Where "cancel" goes: the page the action was started from.
    back: String,
}

impl ConfirmPage {
    fn answer(self) -> HttpResponse {
        html(StatusCode::OK, self.render())
    }
}

/// "Remove this member?", to the coordinator who may remove them; anyone else gets the refusal
/// the action itself would give, and learns no name.
pub(super) async fn remove_member(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    account: &str,
) -> Result<HttpResponse, PageError> {
    let org = match who.organisation_id.as_deref() {
        Some(org) if who.role == Role::Coordinator && account != who.account_id => org,
        _ => return Err(fail(state, req, Failure::Forbidden)),
    };
    // Only a coordinator who may remove members is asked (an uncertified one is refused here).
    if let Err(refused) = managing_coordinator(state.chain(), who).await {
        return Err(fail(state, req, refused));
    }
    let members = state
        .intake
        .store
        .members(org)
        .await
        .map_err(|e| fail(state, req, e))?;
    let Some(member) = members.iter().find(|m| m.account_id == account) else {
        return Err(fail(state, req, Failure::NotFound));
    };
    let tr = state.staff_tr(req, who);
    Ok(ConfirmPage {
        heading: tr.t_with(
            "staff-confirm-remove-heading",
            &args(&[("name", member.username.clone())]),
        ),
        consequence: tr.t("staff-confirm-remove-consequence"),
        action: format!("/members/{account}/remove"),
        carried: Vec::new(),
        confirm_label: tr.t("staff-confirm-remove"),
        back: "/workspace".into(),
        csrf: who.csrf.clone(),
        stylesheet: assets::STYLESHEET_PATH,
        tr,
    }
    .answer())
}

/// "Suspend this organisation?", to the operator.
pub(super) async fn suspend_organisation(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    id: &str,
) -> Result<HttpResponse, PageError> {
    if let Err(refused) = operator_standing(state.chain(), who).await {
        return Err(fail(state, req, refused));
    }
    let org = match state.intake.store.organisation(id).await {
        Ok(Some(org)) if !org.demo && org.registered_at.is_some() => org,
        Ok(_) => return Err(fail(state, req, Failure::NotFound)),
        Err(e) => return Err(fail(state, req, e)),
    };
    let tr = state.staff_tr(req, who);
    Ok(ConfirmPage {
        heading: tr.t_with(
            "staff-confirm-suspend-heading",
            &args(&[("name", org.name.clone())]),
        ),
        consequence: tr.t("staff-confirm-suspend-consequence"),
        action: format!("/organisations/{id}/suspension"),
        carried: vec![("suspend", "yes".into())],
        confirm_label: tr.t("staff-confirm-suspend"),
        back: format!("/organisations/{id}"),
        csrf: who.csrf.clone(),
        stylesheet: assets::STYLESHEET_PATH,
        tr,
    }
    .answer())
}
