//! The API's staff session: the person behind a bearer token, and a JSON body read by the
//! workspace API's rules.

use actix_web::{web, HttpRequest};

use crate::trust::accounts::Principal;
use crate::web::shared::body;
use crate::web::shared::error::{ApiError, Failure};
use crate::web::shared::json::api_error;
use crate::web::shared::state::AppState;

/// The person behind the bearer token; 401 without a live session.
pub async fn bearer(state: &AppState, req: &HttpRequest) -> Result<Principal, ApiError> {
    let token = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let Some(token) = token else {
        return Err(api_error(state, req, Failure::Unauthorized));
    };
    match state.accounts.resolve(token.trim()).await {
        Ok(Some(who)) => Ok(who),
        Ok(None) => Err(api_error(state, req, Failure::Unauthorized)),
        Err(e) => Err(api_error(state, req, e)),
    }
}

/// A JSON body of type `T`: 415 for another content type, 400 for malformed or mis-shaped JSON.
pub async fn json_body<T: serde::de::DeserializeOwned>(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<T, ApiError> {
    body::require_content_type(req, "application/json").map_err(|f| api_error(state, req, f))?;
    let bytes = body::read(req, payload, state.max_body_bytes)
        .await
        .map_err(|f| api_error(state, req, f))?;
    serde_json::from_slice(&bytes).map_err(|_| api_error(state, req, Failure::BadRequest))
}
