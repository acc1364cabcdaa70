//! The HTTP side, and the route table. Handlers live by whom they serve: the reporter's pages
//! (`reporter`), the responders' and the operator's pages (`staff`), the JSON API and its OpenAPI
//! document (`api`), liveness and readiness (`ops`); what they share (state, errors, bodies,
//! limits, middleware, assets) is `shared`, which never uses a handler. `Application::build`
//! wires it to the storage and intake; tests start it on port 0.
//!
//! It uses every floor below it; nothing but startup uses it. Nothing below web knows HTTP.

pub mod api;
pub mod ops;
pub mod reporter;
pub mod shared;
pub mod staff;

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpServer};

use shared::state::AppState;

pub struct HttpSettings {
    pub workers: Option<usize>,
    pub client_request_timeout: Duration,
    pub max_connections: usize,
}

/// Starts the HTTP server on already bound listeners: the public one and, if set, the onion one.
pub fn serve(
    listeners: Vec<TcpListener>,
    state: web::Data<AppState>,
    http: HttpSettings,
) -> std::io::Result<Server> {
    let mut server = HttpServer::new(move || {
        App::new()
            .wrap(Compress::default())
            .wrap(shared::middleware::security_headers())
            .wrap(from_fn(shared::middleware::bounded_body))
            .wrap(from_fn(shared::middleware::request_span))
            .app_data(state.clone())
            .route("/", web::get().to(reporter::pages::home))
            .route("/report", web::get().to(reporter::pages::report_form))
            .route("/report", web::post().to(reporter::pages::submit_report))
            .route("/followup", web::get().to(reporter::followup::code_form))
            .route("/followup", web::post().to(reporter::followup::open))
            .route(
                "/followup/message",
                web::post().to(reporter::followup::message),
            )
            .route("/followup/view", web::post().to(reporter::followup::view))
            .route(
                "/followup/contact",
                web::post().to(reporter::followup::contact),
            )
            .route(
                "/followup/consents",
                web::post().to(reporter::followup::consents),
            )
            .route(
                "/followup/withdraw",
                web::post().to(reporter::followup::withdraw),
            )
            .route("/receipt/check", web::post().to(reporter::receipt::check))
            .route(
                shared::assets::STYLESHEET_PATH,
                web::get().to(shared::assets::stylesheet),
            )
            .route(
                shared::assets::SEAL_SCRIPT_PATH,
                web::get().to(shared::assets::seal_script),
            )
            .route(
                "/receipt/show",
                web::post().to(reporter::receipt::show_sealed),
            )
            .route(
                "/api/v1/reports",
                web::post().to(api::reports::create_report),
            )
            .route("/api/v1/openapi.json", web::get().to(api::openapi))
            .route(
                "/api/v1/sealed/tickets",
                web::post().to(api::sealed::ticket),
            )
            .route(
                "/api/v1/sealed/reports",
                web::post().to(api::sealed::submit),
            )
            .route("/api/v1/uploads", web::post().to(api::uploads::create))
            .route(
                "/api/v1/followup/visits",
                web::post().to(api::followup::open),
            )
            .route(
                "/api/v1/followup/thread",
                web::post().to(api::followup::read),
            )
            .route(
                "/api/v1/followup/additions",
                web::post().to(api::followup::add),
            )
            .route(
                "/api/v1/followup/contact",
                web::post().to(api::followup::contact),
            )
            .route(
                "/api/v1/followup/consents",
                web::post().to(api::followup::consents),
            )
            .route(
                "/api/v1/followup/attachments",
                web::post().to(api::followup::attach),
            )
            .route(
                "/api/v1/followup/withdrawal",
                web::post().to(api::followup::withdraw),
            )
            .route("/api/v1/uploads/{id}", web::get().to(api::uploads::status))
            .route(
                "/api/v1/uploads/{id}",
                web::patch().to(api::uploads::append),
            )
            .route("/api/v1/session", web::post().to(api::workspace::login))
            .route("/api/v1/session", web::delete().to(api::workspace::logout))
            .route("/api/v1/queues", web::get().to(api::workspace::queues))
            .route(
                "/api/v1/queues/{queue}/key",
                web::post().to(api::admin::import_key),
            )
            .route(
                "/api/v1/queues/{queue}/members",
                web::post().to(api::admin::grant),
            )
            .route(
                "/api/v1/queues/{queue}/rotate",
                web::post().to(api::admin::rotate),
            )
            .route(
                "/api/v1/queues/{queue}/confirmation",
                web::post().to(api::admin::confirm_membership),
            )
            .route(
                "/api/v1/members/{account}/remove",
                web::post().to(api::admin::remove_member),
            )
            .route(
                "/api/v1/organisations",
                web::get().to(api::admin::organisations),
            )
            .route(
                "/api/v1/organisations",
                web::post().to(api::admin::register),
            )
            .route(
                "/api/v1/organisations/{id}/vetting",
                web::post().to(api::admin::vetting),
            )
            .route(
                "/api/v1/organisations/{id}/countersignature",
                web::post().to(api::admin::countersign),
            )
            .route(
                "/api/v1/organisations/{id}/suspension",
                web::post().to(api::admin::suspension),
            )
            .route(
                "/api/v1/queues/{queue}/entries",
                web::get().to(api::workspace::entries),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}",
                web::get().to(api::workspace::open_report),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/claim",
                web::post().to(api::workspace::claim),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/files/{item}",
                web::get().to(api::workspace::download_file),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/release",
                web::post().to(api::workspace::release),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/status",
                web::post().to(api::workspace::change_status),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/reply",
                web::post().to(api::workspace::reply),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/note",
                web::post().to(api::workspace::note),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/refer",
                web::post().to(api::workspace::refer),
            )
            .route("/login", web::get().to(staff::pages::login_form))
            .route("/login", web::post().to(staff::pages::login))
            .route("/logout", web::post().to(staff::pages::logout))
            .route("/workspace", web::get().to(staff::pages::workspace))
            .route("/invite/{token}", web::get().to(staff::pages::invite_form))
            .route("/invite/{token}", web::post().to(staff::pages::enrol))
            .route("/invites", web::post().to(staff::pages::create_invite))
            .route(
                "/password",
                web::get().to(staff::credentials::password_form),
            )
            .route(
                "/password",
                web::post().to(staff::credentials::change_password),
            )
            .route("/recover", web::get().to(staff::credentials::recover_form))
            .route("/recover", web::post().to(staff::credentials::recover))
            .route(
                "/reset/{token}",
                web::get().to(staff::credentials::reset_form),
            )
            .route("/reset/{token}", web::post().to(staff::credentials::reset))
            .route(
                "/members/{account}/reset",
                web::post().to(staff::credentials::create_reset_link),
            )
            .route(
                "/members/{account}/remove",
                web::post().to(staff::members::remove),
            )
            .route(
                "/queues/{queue}/rotate",
                web::post().to(staff::members::rotate),
            )
            .route(
                "/queues/{queue}/reseal",
                web::post().to(staff::members::reseal),
            )
            .route(
                "/queues/{queue}/reports/{report}/refer",
                web::post().to(staff::referrals::refer),
            )
            .route(
                "/queues/{queue}/reports/{report}/projection",
                web::post().to(staff::referrals::issue_projection),
            )
            .route("/organisations", web::get().to(staff::organisations::list))
            .route(
                "/organisations",
                web::post().to(staff::organisations::register),
            )
            .route(
                "/organisations/{id}",
                web::get().to(staff::organisations::detail),
            )
            .route(
                "/organisations/{id}",
                web::post().to(staff::organisations::update),
            )
            .route(
                "/organisations/{id}/vetting",
                web::post().to(staff::organisations::vetting),
            )
            .route(
                "/organisations/{id}/countersignature",
                web::post().to(staff::organisations::countersignature),
            )
            .route(
                "/organisations/{id}/suspension",
                web::post().to(staff::organisations::suspension),
            )
            .route("/queues/{queue}", web::get().to(staff::pages::queue_page))
            .route(
                "/queues/{queue}/key",
                web::post().to(staff::pages::import_key),
            )
            .route(
                "/queues/{queue}/members",
                web::post().to(staff::pages::grant_access),
            )
            .route(
                "/queues/{queue}/confirm",
                web::post().to(staff::pages::confirm_membership),
            )
            .route(
                "/queues/{queue}/reports/{report}",
                web::get().to(staff::pages::report_page),
            )
            .route(
                "/queues/{queue}/reports/{report}/claim",
                web::post().to(staff::pages::claim),
            )
            .route(
                "/queues/{queue}/reports/{report}/files/{item}",
                web::get().to(staff::pages::download_file),
            )
            .route(
                "/followup/attach",
                web::post().to(reporter::followup::attach),
            )
            .route(
                "/queues/{queue}/reports/{report}/release",
                web::post().to(staff::pages::release),
            )
            .route(
                "/queues/{queue}/reports/{report}/status",
                web::post().to(staff::pages::change_status),
            )
            .route(
                "/queues/{queue}/reports/{report}/reply",
                web::post().to(staff::pages::send_reply),
            )
            .route(
                "/queues/{queue}/reports/{report}/note",
                web::post().to(staff::pages::add_note),
            )
            .route("/healthz", web::get().to(ops::health::live))
            .route("/readyz", web::get().to(ops::health::ready))
            .default_service(web::to(reporter::pages::not_found))
    })
    // Slow clients: headers must be in within the request timeout, idle keep-alive connections
    // go after a few seconds, and each worker holds a bounded number of connections.
    .client_request_timeout(http.client_request_timeout)
    .client_disconnect_timeout(Duration::from_secs(1))
    .keep_alive(Duration::from_secs(5))
    .max_connections(http.max_connections);
    for listener in listeners {
        server = server.listen(listener)?;
    }
    if let Some(workers) = http.workers {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// The metrics listener: one worker, one route, on a loopback address.
pub fn serve_metrics(listener: TcpListener, state: web::Data<AppState>) -> std::io::Result<Server> {
    Ok(HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .route("/metrics", web::get().to(ops::health::metrics))
    })
    .workers(1)
    .client_request_timeout(Duration::from_secs(5))
    .listen(listener)?
    .run())
}
