//! The one tiny stylesheet, served from memory and cached for a year under a name made from its
//! content (by build.rs), so a change is never hidden by a cache.

use actix_web::HttpResponse;

pub const STYLESHEET: &str = include_str!("assets/site.css");
include!(concat!(env!("OUT_DIR"), "/stylesheet.rs"));

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(STYLESHEET)
}
