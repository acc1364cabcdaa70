//! The reporter's pages: server-rendered, no script, no cookie, no third-party request; every
//! string from the catalogs; `Cache-Control: no-store`, autocomplete off and a neutral title.
//!
//! Its handlers use `web::shared` and the floors below web, never another area's handlers.

pub mod followup;
pub mod form;
pub mod pages;
pub mod receipt;
