//! The responder side: login, enrolment by invite, the workspace. Server-rendered, no script.
//! A session rides in an HttpOnly, Secure, SameSite=Strict cookie; every state-changing form
//! carries the session's CSRF token.
//!
//! Its handlers use `web::shared` and the floors below web, never another area's handlers.

pub mod credentials;
pub mod members;
pub mod organisations;
pub mod pages;
pub mod referrals;

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

/// A posted form's fields (the first value of each).
pub fn fields(body: &[u8]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (k, v) in form_urlencoded::parse(body) {
        out.entry(k.into_owned()).or_insert_with(|| v.into_owned());
    }
    out
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
