//! The one tiny stylesheet, served from memory and cached for a year: its name changes with it.

use actix_web::HttpResponse;

pub const STYLESHEET: &str = include_str!("assets/site.css");
/// Bump the version with every change to the stylesheet so no cache serves a stale one.
pub const STYLESHEET_PATH: &str = "/assets/site-1.css";

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(STYLESHEET)
}
