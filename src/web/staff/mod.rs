//! The responder side: login, enrolment by invite, the workspace. Server-rendered, no script.
//! A session rides in an HttpOnly, Secure, SameSite=Strict cookie; every state-changing form
//! carries the session's CSRF token.
//!
//! Its handlers use `web::shared` and the floors below web, never another area's handlers.
//! Within staff they share `session` (the cookie, the person, CSRF, field messages) and `forms`
//! (redirects, failures, checked forms, the enrolment page) and `invite_labels` (what an invite is
//! for, on the workspace page and after an invite is made), and an action may answer with the
//! workspace page (`workspace`) or the report page (`reports`) again, with its message. A
//! destructive action (removing a member, suspending an organisation) first answers with a
//! confirmation page (`confirm`); so do closing a wave of fakes and destroying them early
//! (`waves`).

mod casefile;
mod confirm;
pub mod credentials;
pub mod forms;
pub mod hotline;
mod invite_labels;
pub mod invites;
pub mod login;
pub mod members;
pub mod organisations;
pub mod overview;
pub mod queue_keys;
pub mod queue_list;
pub mod referrals;
pub mod reports;
pub mod session;
mod settings;
mod timeline;
pub mod waves;
pub mod workspace;

use actix_web::web;

/// The responders' and the operator's routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(login::login_form));
    cfg.route("/login", web::post().to(login::login));
    cfg.route("/logout", web::post().to(login::logout));
    cfg.route("/workspace", web::get().to(workspace::workspace));
    cfg.route(
        "/workspace/certificate",
        web::post().to(members::accept_certificate),
    );
    cfg.route(
        "/members/{account}/certify",
        web::post().to(members::certify),
    );
    cfg.route("/invite/{token}", web::get().to(invites::invite_form));
    cfg.route("/invite/{token}", web::post().to(invites::enrol));
    cfg.route("/invites", web::post().to(invites::create_invite));
    cfg.route(
        "/invites/{id}/revoke",
        web::post().to(invites::revoke_invite),
    );
    cfg.route("/hotline", web::get().to(hotline::filing_form));
    cfg.route("/hotline", web::post().to(hotline::file));
    cfg.route(
        "/members/{account}/hotline",
        web::post().to(hotline::set_hotline),
    );
    cfg.route("/settings", web::get().to(settings::settings_form));
    cfg.route("/settings", web::post().to(settings::save_settings));
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
    cfg.route("/queues/{queue}/rotate", web::post().to(queue_keys::rotate));
    cfg.route("/queues/{queue}/reseal", web::post().to(queue_keys::reseal));
    cfg.route(
        "/queues/{queue}/reports/{report}/refer",
        web::post().to(referrals::refer),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/projection",
        web::post().to(referrals::issue_projection),
    );
    cfg.route("/overview", web::get().to(overview::overview_page));
    cfg.route("/organisations", web::get().to(organisations::list));
    cfg.route("/organisations", web::post().to(organisations::register));
    // Before `/organisations/{id}`, which would take `from-file` for an id.
    cfg.route(
        "/organisations/from-file",
        web::post().to(organisations::register_from_file),
    );
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
    cfg.route("/queues/{queue}", web::get().to(queue_list::queue_page));
    cfg.route("/queues/{queue}/wave", web::post().to(waves::close_wave));
    cfg.route("/desk/not-genuine", web::get().to(waves::not_genuine));
    cfg.route(
        "/desk/not-genuine",
        web::post().to(waves::destroy_not_genuine),
    );
    cfg.route(
        "/queues/{queue}/key",
        web::post().to(queue_keys::import_key),
    );
    cfg.route(
        "/queues/{queue}/members",
        web::post().to(queue_keys::grant_access),
    );
    cfg.route(
        "/queues/{queue}/confirm",
        web::post().to(queue_keys::confirm_membership),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}",
        web::get().to(reports::report_page),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/claim",
        web::post().to(reports::claim),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/files/{item}/preview",
        web::get().to(reports::preview_file),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/files/{item}",
        web::get().to(reports::download_file),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/release",
        web::post().to(reports::release),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/status",
        web::post().to(reports::change_status),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/reply",
        web::post().to(reports::send_reply),
    );
    cfg.route(
        "/queues/{queue}/reports/{report}/note",
        web::post().to(reports::add_note),
    );
}
