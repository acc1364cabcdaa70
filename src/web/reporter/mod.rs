//! The reporter's pages: server-rendered, no script, no cookie, no third-party request; every
//! string from the catalogs; `Cache-Control: no-store`, autocomplete off and a neutral title.
//!
//! Its handlers use `web::shared` and the floors below web, never another area's handlers.

pub mod about;
pub mod followup;
pub mod pages;
pub mod receipt;

use actix_web::web;

/// The reporter's routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(pages::home));
    cfg.route("/about", web::get().to(about::about));
    cfg.route("/source", web::get().to(about::source));
    cfg.route("/report", web::get().to(pages::report_form));
    cfg.route("/report", web::post().to(pages::submit_report));
    cfg.route("/followup", web::get().to(followup::code_form));
    cfg.route("/followup", web::post().to(followup::open));
    cfg.route("/followup/message", web::post().to(followup::message));
    cfg.route("/followup/view", web::post().to(followup::view));
    cfg.route("/followup/contact", web::post().to(followup::contact));
    cfg.route(
        "/followup/consents/allow",
        web::post().to(followup::allow_consent),
    );
    cfg.route(
        "/followup/consents/stop",
        web::post().to(followup::stop_consent),
    );
    cfg.route("/followup/withdraw", web::post().to(followup::withdraw));
    cfg.route("/receipt/check", web::post().to(receipt::check));
    cfg.route("/receipt/show", web::post().to(receipt::show_sealed));
    cfg.route("/followup/attach", web::post().to(followup::attach));
}
