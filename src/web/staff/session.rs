//! What the staff pages share: the session cookie, the person behind it, the CSRF check and the
//! field messages a form shows. The pages use it; it uses none of them.

use std::collections::HashMap;

use crate::locale::Tr;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::HttpRequest;
use subtle::ConstantTimeEq;

use crate::trust::accounts::Principal;
use crate::web::shared::error::Failure;
use crate::web::shared::state::AppState;

pub const SESSION_COOKIE: &str = "hw_session";

/// The session cookie as the server sets it.
pub fn session_cookie(value: &str) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, value.to_owned())
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .path("/")
        .finish()
}

pub fn expired_cookie() -> Cookie<'static> {
    let mut cookie = session_cookie("");
    cookie.make_removal();
    cookie
}

/// The logged-in person, if the request carries a live session.
#[tracing::instrument(skip_all)]
pub async fn principal(state: &AppState, req: &HttpRequest) -> Result<Option<Principal>, Failure> {
    let Some(cookie) = req.cookie(SESSION_COOKIE) else {
        return Ok(None);
    };
    state
        .accounts
        .resolve(cookie.value())
        .await
        .map_err(Failure::from)
}

/// Whether the form carries this session's CSRF token.
pub fn csrf_ok(principal: &Principal, form: &HashMap<String, String>) -> bool {
    form.get("csrf")
        .is_some_and(|given| bool::from(given.as_bytes().ct_eq(principal.csrf.as_bytes())))
}

/// Each field's problem, in the visitor's language, for the form to show beside the field.
#[derive(Default)]
pub struct FieldMessages(HashMap<String, String>);

impl FieldMessages {
    pub fn new(tr: &Tr, errors: &crate::domain::FieldErrors) -> FieldMessages {
        FieldMessages(
            errors
                .0
                .iter()
                .map(|e| (e.field.clone(), tr.error(e.code)))
                .collect(),
        )
    }

    pub fn one(tr: &Tr, field: &str, code: &str) -> FieldMessages {
        FieldMessages(HashMap::from([(field.to_owned(), tr.error(code))]))
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.get(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
