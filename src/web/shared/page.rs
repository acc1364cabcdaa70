//! The frame of every reporter page (title, language links, the way out), rendering a page, and
//! a failure answered as a page in the visitor's language.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use askama::Template;

use crate::locale::Tr;
use crate::web::shared::error::{respond, Failure};
use crate::web::shared::state::AppState;

/// What every reporter page carries around its content.
pub struct Page {
    pub tr: Tr,
    pub title: String,
    pub leave_url: String,
    pub stylesheet: &'static str,
    pub languages: Vec<LanguageLink>,
    /// The request came through a proxy browser that reads what passes through it.
    pub reading_proxy: bool,
    /// Within a follow-up visit: the language switch posts the visit's token instead of
    /// linking, so the token never enters a URL and the visit goes on.
    pub visit: Option<String>,
}

/// Opera Mini in its data-saving mode fetches pages on Opera's servers, which see everything
/// typed, and announces itself with these headers. They are read here and never stored.
const READING_PROXY_HEADERS: &[&str] = &[
    "x-operamini-phone-ua",
    "x-operamini-features",
    "x-operamini-phone",
];

fn through_reading_proxy(req: &HttpRequest) -> bool {
    READING_PROXY_HEADERS
        .iter()
        .any(|name| req.headers().contains_key(*name))
}

pub struct LanguageLink {
    pub tag: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    message: String,
}

/// The page's query parameters. The query string is read here and nowhere logged.
pub fn query(req: &HttpRequest) -> HashMap<String, String> {
    form_urlencoded::parse(req.query_string().as_bytes())
        .into_owned()
        .collect()
}

impl AppState {
    /// The page frame for `path` in the negotiated language.
    pub fn page(&self, req: &HttpRequest, chosen: Option<&str>, path: &str) -> Page {
        // The choice a form carries, else the one in the page's address, else the browser's.
        let in_url = query(req).remove("lang");
        let tr = self.tr(req, chosen.or(in_url.as_deref()));
        let languages = self
            .catalogs
            .languages()
            .map(|tag| LanguageLink {
                tag,
                name: self.catalogs.text(tag, "lang-name", None),
                href: format!("{path}?lang={tag}"),
                current: tag == tr.lang,
            })
            .collect();
        Page {
            tr,
            title: self.page_title.clone(),
            leave_url: self.leave_url.clone(),
            stylesheet: crate::web::shared::assets::STYLESHEET_PATH,
            languages,
            reading_proxy: through_reading_proxy(req),
            visit: None,
        }
    }
}

pub fn html(
    status: actix_web::http::StatusCode,
    rendered: Result<String, askama::Error>,
) -> HttpResponse {
    match rendered {
        Ok(body) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(body),
        Err(e) => {
            tracing::error!(error = %e, "rendering failed");
            HttpResponse::InternalServerError().finish()
        }
    }
}

pub fn error_page(page: Page, failure: Failure) -> String {
    let message = page.tr.error(failure.code());
    ErrorPage { page, message }.render().unwrap_or_default()
}

/// A failure answered as a reporter page.
pub struct PageError {
    failure: Failure,
    html: String,
}

impl PageError {
    pub fn new(failure: impl Into<Failure>, page: Page) -> PageError {
        let failure = failure.into();
        PageError {
            failure,
            html: error_page(page, failure),
        }
    }
}

impl std::fmt::Debug for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.failure.code())
    }
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.failure.code())
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.failure.status()
    }

    fn error_response(&self) -> HttpResponse {
        respond(self.failure)
            .content_type("text/html; charset=utf-8")
            .body(self.html.clone())
    }
}
