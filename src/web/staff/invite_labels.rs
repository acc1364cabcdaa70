//! What an invite is for, as the workspace shows it: its role, organisation and expiry in the
//! reader's language and time zone, and who made it; for a new link and for the open ones the
//! person may revoke (who may: `trust::invites`).

use crate::locale::{args, Tr};
use crate::trust::accounts::{AccountError, Principal};
use crate::trust::invites;
use crate::web::shared::state::AppState;

/// What an invite is for, in the reader's language and time zone: role, organisation, expiry.
pub(super) fn label(tr: &Tr, role: &str, organisation: Option<&str>, expires_at: i64) -> String {
    let role = tr.role(role);
    let expires = tr.date_time(expires_at);
    match organisation {
        Some(org) => tr.t_with(
            "staff-invite-for",
            &args(&[
                ("role", role),
                ("organisation", org.to_owned()),
                ("expires", expires),
            ]),
        ),
        None => tr.t_with(
            "staff-invite-for-operator",
            &args(&[("role", role), ("expires", expires)]),
        ),
    }
}

/// An open invite on the workspace page, with what it is for and who made it.
pub(super) struct OpenInviteView {
    pub id: String,
    pub label: String,
    pub by: String,
}

/// The open invites the person may see and revoke; none for whoever may invite no one.
pub(super) async fn open_invites(
    state: &AppState,
    who: &Principal,
    tr: &Tr,
) -> Result<Vec<OpenInviteView>, AccountError> {
    let open = match invites::open(state.chain(), who).await {
        Ok(open) => open,
        Err(AccountError::Forbidden) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(open
        .into_iter()
        .map(|i| OpenInviteView {
            label: label(
                tr,
                &i.role,
                i.organisation_id
                    .as_deref()
                    .map(|id| i.organisation_name.as_deref().unwrap_or(id)),
                i.expires_at,
            ),
            by: match (&i.created_by, &i.created_by_username) {
                (_, Some(name)) => tr.t_with("staff-invite-by", &args(&[("name", name.clone())])),
                (None, None) => tr.t("staff-invite-by-console"),
                (Some(_), None) => tr.t("staff-invite-by-former"),
            },
            id: i.id,
        })
        .collect())
}
