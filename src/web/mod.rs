//! The HTTP side: routes, pages, the JSON API, the catalogs, the stylesheet and the middleware.
//! `Application::build` wires it to the storage and intake; tests start it on port 0.

pub mod admin_api;
pub mod api;
pub mod assets;
pub mod body;
pub mod error;
pub mod files;
pub mod followup_api;
pub mod health;
pub mod metrics;
pub mod middleware;
pub mod reporter;
pub mod sealed_api;
pub mod staff;
pub mod throttle;
pub mod upload;
pub mod uploads_api;
pub mod workspace_api;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpRequest, HttpServer};

use crate::locale::{Catalogs, Tr};
use crate::reporting::intake::Intake;
use crate::trust::accounts::Accounts;

/// What every handler shares.
pub struct AppState {
    pub intake: Intake,
    pub accounts: Accounts,
    pub public_url: String,
    pub ack_targets: crate::config::AckTargets,
    pub catalogs: Arc<Catalogs>,
    pub page_title: String,
    pub leave_url: String,
    pub max_body_bytes: usize,
    pub login_throttle: Arc<throttle::SourceThrottle>,
    pub code_throttle: Arc<throttle::CodeAttempts>,
    pub followup: crate::config::FollowupSettings,
    pub attachments: crate::config::AttachmentSettings,
    pub uploads: crate::reporting::attachments::Budget,
    pub submissions: Arc<throttle::Submissions>,
    /// Whose X-Forwarded-For per-source limits believe.
    pub trusted_proxies: Arc<[std::net::IpAddr]>,
    /// The onion listener's address, if there is one.
    pub onion: Option<std::net::SocketAddr>,
    pub body_pace: middleware::BodyPace,
    pub metrics: Arc<metrics::Metrics>,
}

impl AppState {
    /// The reporter's return, for a page or the API.
    pub fn followup(&self) -> crate::reporting::followup::Followup<'_> {
        crate::reporting::followup::Followup {
            store: &self.intake.store,
            kdf: &self.intake.kdf,
            receipt_kdf: self.intake.receipt_kdf,
            accounts: &self.accounts,
        }
    }

    /// Resumable uploads, within this replica's upload budget.
    pub fn staging(&self) -> crate::reporting::staging::Staging<'_> {
        crate::reporting::staging::Staging {
            store: &self.intake.store,
            accounts: &self.accounts,
            limits: &self.attachments,
            budget: &self.uploads,
        }
    }

    /// The listener this request came in on.
    pub fn listener(&self, req: &HttpRequest) -> throttle::Listener {
        throttle::Listener::of(req, self.onion)
    }

    /// Counts a submission against its listener's limits before its body is read: 429 when this
    /// source has sent its share, 503 when everyone on the listener together has.
    pub fn admit_submission(
        &self,
        req: &HttpRequest,
    ) -> Result<throttle::Listener, error::Failure> {
        let listener = self.listener(req);
        let source = throttle::limit_source(req, &self.trusted_proxies); // rate limit only
        match self.submissions.admit(listener, source) {
            Ok(()) => Ok(listener),
            Err(throttle::Refusal::Source) => {
                self.metrics.refused(listener, metrics::Reason::SourceLimit);
                Err(error::Failure::TooManyRequests)
            }
            Err(throttle::Refusal::Everyone) => {
                self.metrics.refused(listener, metrics::Reason::GlobalLimit);
                Err(error::Failure::Unavailable)
            }
        }
    }

    /// The language for this request: `chosen` if supported, else Accept-Language, else the default.
    pub fn tr(&self, req: &HttpRequest, chosen: Option<&str>) -> Tr {
        let accept = req
            .headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Tr {
            catalogs: self.catalogs.clone(),
            lang: self.catalogs.negotiate(chosen, accept),
        }
    }
}

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
            .wrap(middleware::security_headers())
            .wrap(from_fn(middleware::bounded_body))
            .wrap(from_fn(middleware::request_span))
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
            .route(assets::STYLESHEET_PATH, web::get().to(assets::stylesheet))
            .route(assets::SEAL_SCRIPT_PATH, web::get().to(assets::seal_script))
            .route(
                "/receipt/show",
                web::post().to(reporter::receipt::show_sealed),
            )
            .route("/api/v1/reports", web::post().to(api::create_report))
            .route("/api/v1/openapi.json", web::get().to(api::openapi))
            .route("/api/v1/sealed/tickets", web::post().to(sealed_api::ticket))
            .route("/api/v1/sealed/reports", web::post().to(sealed_api::submit))
            .route("/api/v1/uploads", web::post().to(uploads_api::create))
            .route(
                "/api/v1/followup/visits",
                web::post().to(followup_api::open),
            )
            .route(
                "/api/v1/followup/thread",
                web::post().to(followup_api::read),
            )
            .route(
                "/api/v1/followup/additions",
                web::post().to(followup_api::add),
            )
            .route(
                "/api/v1/followup/contact",
                web::post().to(followup_api::contact),
            )
            .route(
                "/api/v1/followup/consents",
                web::post().to(followup_api::consents),
            )
            .route(
                "/api/v1/followup/attachments",
                web::post().to(followup_api::attach),
            )
            .route(
                "/api/v1/followup/withdrawal",
                web::post().to(followup_api::withdraw),
            )
            .route("/api/v1/uploads/{id}", web::get().to(uploads_api::status))
            .route("/api/v1/uploads/{id}", web::patch().to(uploads_api::append))
            .route("/api/v1/session", web::post().to(workspace_api::login))
            .route("/api/v1/session", web::delete().to(workspace_api::logout))
            .route("/api/v1/queues", web::get().to(workspace_api::queues))
            .route(
                "/api/v1/queues/{queue}/key",
                web::post().to(admin_api::import_key),
            )
            .route(
                "/api/v1/queues/{queue}/members",
                web::post().to(admin_api::grant),
            )
            .route(
                "/api/v1/queues/{queue}/rotate",
                web::post().to(admin_api::rotate),
            )
            .route(
                "/api/v1/queues/{queue}/confirmation",
                web::post().to(admin_api::confirm_membership),
            )
            .route(
                "/api/v1/members/{account}/remove",
                web::post().to(admin_api::remove_member),
            )
            .route(
                "/api/v1/organisations",
                web::get().to(admin_api::organisations),
            )
            .route("/api/v1/organisations", web::post().to(admin_api::register))
            .route(
                "/api/v1/organisations/{id}/vetting",
                web::post().to(admin_api::vetting),
            )
            .route(
                "/api/v1/organisations/{id}/countersignature",
                web::post().to(admin_api::countersign),
            )
            .route(
                "/api/v1/organisations/{id}/suspension",
                web::post().to(admin_api::suspension),
            )
            .route(
                "/api/v1/queues/{queue}/entries",
                web::get().to(workspace_api::entries),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}",
                web::get().to(workspace_api::open_report),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/claim",
                web::post().to(workspace_api::claim),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/files/{item}",
                web::get().to(workspace_api::download_file),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/release",
                web::post().to(workspace_api::release),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/status",
                web::post().to(workspace_api::change_status),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/reply",
                web::post().to(workspace_api::reply),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/note",
                web::post().to(workspace_api::note),
            )
            .route(
                "/api/v1/queues/{queue}/reports/{report}/refer",
                web::post().to(workspace_api::refer),
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
            .route("/healthz", web::get().to(health::live))
            .route("/readyz", web::get().to(health::ready))
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
            .route("/metrics", web::get().to(health::metrics))
    })
    .workers(1)
    .client_request_timeout(Duration::from_secs(5))
    .listen(listener)?
    .run())
}
