//! The HTTP side: the server, its middleware, and each area's routes (`configure` of each
//! area; the API's come from the operations its OpenAPI document declares). Handlers live by
//! whom they serve: the reporter's pages
//! (`reporter`), the responders' and the operator's pages (`staff`), the JSON API and its OpenAPI
//! document (`api`), liveness and readiness (`ops`); what they share (state, errors, bodies,
//! limits, middleware, assets) is `shared`, which never uses a handler. The onion listener serves
//! the same application behind a door of its own that reads Tor's PROXY line first (`onion`).
//! `Application::build` wires it to the storage and intake; tests start it on port 0.
//!
//! It uses every floor below it; nothing but startup uses it. Nothing below web knows HTTP.

pub mod api;
pub mod onion;
pub mod ops;
pub mod reporter;
pub mod shared;
pub mod staff;

use std::net::TcpListener;
use std::time::Duration;

use actix_service::{map_config, IntoServiceFactory, ServiceFactoryExt};
use actix_web::body::MessageBody;
use actix_web::dev::{AppConfig, Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpServer};

use shared::state::AppState;

#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub workers: Option<usize>,
    pub client_request_timeout: Duration,
    pub max_connections: usize,
}

/// Idle keep-alive connections go after a few seconds.
const KEEP_ALIVE: Duration = Duration::from_secs(5);
/// How long a client has to take the end of an answer before the connection is dropped.
const DISCONNECT: Duration = Duration::from_secs(1);

/// The application every listener serves.
fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .wrap(Compress::default())
        .wrap(shared::middleware::security_headers())
        .wrap(from_fn(shared::middleware::bounded_body))
        .wrap(from_fn(shared::middleware::request_span))
        .app_data(state)
        .configure(reporter::configure)
        .configure(shared::assets::configure)
        .configure(api::configure)
        .configure(staff::configure)
        .configure(ops::configure)
        .default_service(web::to(unrouted))
}

/// Starts the HTTP server on the already bound public listener.
pub fn serve(
    listener: TcpListener,
    state: web::Data<AppState>,
    http: HttpSettings,
) -> std::io::Result<Server> {
    let mut server = HttpServer::new(move || app(state.clone()))
        // Slow clients: headers must be in within the request timeout, idle keep-alive
        // connections go after a few seconds, and each worker holds a bounded number of
        // connections.
        .client_request_timeout(http.client_request_timeout)
        .client_disconnect_timeout(DISCONNECT)
        .keep_alive(KEEP_ALIVE)
        .max_connections(http.max_connections)
        .listen(listener)?;
    if let Some(workers) = http.workers {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// Starts the onion listener: the same application and the same bounds on slow clients, behind
/// a door that reads Tor's PROXY line before HTTP and closes any connection without one
/// (`onion`). Its own server, as actix-web's lets no listener read anything before HTTP.
pub fn serve_onion(
    listener: TcpListener,
    state: web::Data<AppState>,
    http: HttpSettings,
) -> std::io::Result<Server> {
    let local = listener.local_addr()?;
    let mut server = actix_server::Server::build().max_concurrent_connections(http.max_connections);
    if let Some(workers) = http.workers {
        server = server.workers(workers);
    }
    let server = server.listen("homeward-onion", listener, move || {
        let application = app(state.clone())
            .into_factory()
            .map_err(|e: actix_web::Error| e.error_response());
        let http_service = actix_http::HttpService::build()
            .keep_alive(KEEP_ALIVE)
            .client_request_timeout(http.client_request_timeout)
            .client_disconnect_timeout(DISCONNECT)
            .local_addr(local)
            .on_connect_ext(
                |io: &onion::OnionStream, data: &mut actix_web::dev::Extensions| {
                    data.insert(io.circuit());
                },
            )
            // No listener's address in the application's config: the listener is told by
            // the circuit in the connection's data (`shared::throttle::Listener`).
            .finish(map_config(application, |_| AppConfig::default()));
        actix_service::fn_service(|stream: actix_web::rt::net::TcpStream| async move {
            // The local tor's address, which actix-http wants for the connection; it names no
            // visitor, and limits on this listener key on the circuit, never on it.
            let peer = stream.peer_addr().ok();
            match onion::accept(stream, onion::HEADER_DEADLINE).await {
                Ok(stream) => Ok((stream, actix_http::Protocol::Http1, peer)),
                // Dropped unanswered, which closes it; nothing is logged.
                Err(refused) => Err(actix_http::error::DispatchError::Io(std::io::Error::other(
                    refused,
                ))),
            }
        })
        .and_then(http_service)
    })?;
    Ok(server.run())
}

/// Where no route took a request: the API answers as an API, everything else with the
/// reporter's "no such page".
async fn unrouted(
    state: web::Data<shared::state::AppState>,
    req: actix_web::HttpRequest,
) -> Result<actix_web::HttpResponse, shared::page::PageError> {
    if req.path().starts_with("/api/") {
        Ok(api::unrouted(state, req).await)
    } else {
        reporter::pages::not_found(state, req).await
    }
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
