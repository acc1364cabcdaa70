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
pub mod session;

use actix_web::web;

/// The responders' and the operator's routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(pages::login_form));
    cfg.route("/login", web::post().to(pages::login));
    cfg.route("/logout", web::post().to(pages::logout));
    cfg.route("/workspace", web::get().to(pages::workspace));
    cfg.route("/invite/{token}", web::get().to(pages::invite_form));
    cfg.route("/invite/{token}", web::post().to(pages::enrol));
    cfg.route("/invites", web::post().to(pages::create_invite));
    cfg.route("/password", web::get().to(credentials::password_form));
    cfg.route("/password", web::post().to(credentials::change_password));
    cfg.route("/recover", web::get().to(credentials::recover_form));
    cfg.route("/recover", web::post().to(credentials::recover));
    cfg.route("/reset/{token}", web::get().to(credentials::reset_form));
    cfg.route("/reset/{token}", web::post().to(credentials::reset));
    cfg.route(
        "/members/{account}/reset",
        web::post().to(credentials::create_reset_link),
    );
    cfg.route("/members/{account}/remove", web::post().to(members::remove));
    cfg.route("/queues/{queue}/rotate", web::post().to(members::rotate));
    cfg.route("/queues/{queue}/reseal", web::post().to(members::reseal));
    cfg.route(
        "/queues/{queue}/reports/{report}/refer",
        web::post().to(referrals::refer),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/projection",
        web::post().to(referrals::issue_projection),
    );
    cfg.route("/organisations", web::get().to(organisations::list));
    cfg.route("/organisations", web::post().to(organisations::register));
    cfg.route("/organisations/{id}", web::get().to(organisations::detail));
    cfg.route("/organisations/{id}", web::post().to(organisations::update));
    cfg.route(
        "/organisations/{id}/vetting",
        web::post().to(organisations::vetting),
    );
    cfg.route(
        "/organisations/{id}/countersignature",
        web::post().to(organisations::countersignature),
    );
    cfg.route(
        "/organisations/{id}/suspension",
        web::post().to(organisations::suspension),
    );
    cfg.route("/queues/{queue}", web::get().to(pages::queue_page));
    cfg.route("/queues/{queue}/key", web::post().to(pages::import_key));
    cfg.route(
        "/queues/{queue}/members",
        web::post().to(pages::grant_access),
    );
    cfg.route(
        "/queues/{queue}/confirm",
        web::post().to(pages::confirm_membership),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}",
        web::get().to(pages::report_page),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/claim",
        web::post().to(pages::claim),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/files/{item}",
        web::get().to(pages::download_file),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/release",
        web::post().to(pages::release),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/status",
        web::post().to(pages::change_status),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/reply",
        web::post().to(pages::send_reply),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/note",
        web::post().to(pages::add_note),
    );
}
