//! The one tiny stylesheet and the report form's sealing script, served from memory and cached
//! for a year under names made from their content (by build.rs), so a change is never hidden by
//! a cache. The script is the one exception to "no script": it is on the report form only, from
//! this origin, with Subresource Integrity.

use std::sync::OnceLock;

use actix_web::{web, HttpResponse};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha384};

pub const STYLESHEET: &str = include_str!("../assets/site.css");
pub const SEAL_SCRIPT: &str = include_str!("../assets/seal.js");
include!(concat!(env!("OUT_DIR"), "/stylesheet.rs"));

const YEAR: &str = "public, max-age=31536000, immutable";

#[tracing::instrument(skip_all)]
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", YEAR))
        .body(STYLESHEET)
}

#[tracing::instrument(skip_all)]
pub async fn seal_script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", YEAR))
        .body(SEAL_SCRIPT)
}

/// The script's Subresource Integrity value (`sha384-...`), computed once.
pub fn seal_script_integrity() -> &'static str {
    static INTEGRITY: OnceLock<String> = OnceLock::new();
    INTEGRITY.get_or_init(|| {
        format!(
            "sha384-{}",
            STANDARD.encode(Sha384::digest(SEAL_SCRIPT.as_bytes()))
        )
    })
}

/// The report form's policy: the default one, and this origin's script and requests besides.
pub const REPORT_FORM_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
     base-uri 'none'";

/// The stylesheet and the sealing script, under names made from their content.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(STYLESHEET_PATH, web::get().to(stylesheet));
    cfg.route(SEAL_SCRIPT_PATH, web::get().to(seal_script));
}
