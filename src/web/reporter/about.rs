//! What this site runs and where its source is: the AGPL's section 13 offers the source to
//! everyone who uses the server over the network. `/about` says it on a reporter page (linked
//! from every reporter page's footer); `/source` sends staff pages' footer link to the same
//! configured address (`site.source_url`).

use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::web::shared::page::{html, query, Page};
use crate::web::shared::state::AppState;

#[derive(Template)]
#[template(path = "about.html")]
struct About<'a> {
    page: Page,
    source_url: &'a str,
}

#[tracing::instrument(skip_all)]
pub async fn about(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let q = query(&req);
    let page = state.page(&req, q.get("lang").map(String::as_str), "/about");
    let source_url = state.source_url.as_str();
    html(
        actix_web::http::StatusCode::OK,
        About { page, source_url }.render(),
    )
}

/// Where the source is: a redirect to `site.source_url`.
#[tracing::instrument(skip_all)]
pub async fn source(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, state.source_url.as_str()))
        .finish()
}
