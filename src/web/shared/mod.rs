//! What the handlers share, and nothing else: the application's state (`state`), how failures
//! become answers (`error`), the reporter page frame and pages of failure (`page`), reading
//! bodies, JSON and multipart forms within their limits (`body`, `json`, `upload`), staged and
//! downloaded files (`staged`, `files`), the API's bearer session (`bearer`), a queue list's query
//! (`list_query`), the receipt code's sealed carrier (`receipt_carrier`), forms that act once (`once`), the reporter's form as
//! data, shared by the reporter's pages and the hotline's filing in the workspace
//! (`report_form`), the per-source limits (`throttle`) and the onion circuit
//! they count there (`circuit`), the metrics, the middleware and the static assets.
//!
//! Handlers in reporter/, staff/, api/ and ops/ use this module; it never uses them, so no
//! handler file imports another through it. It uses every floor below web.

pub mod assets;
pub mod bearer;
pub mod body;
pub mod circuit;
pub mod error;
pub mod files;
pub mod json;
pub mod list_query;
pub mod metrics;
pub mod middleware;
pub mod once;
pub mod page;
pub mod receipt_carrier;
pub mod report_form;
pub mod staged;
pub mod state;
pub mod throttle;
pub mod upload;
