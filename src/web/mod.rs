//! The HTTP side: the server, its middleware, and each area's routes (`configure` of each
//! area; the API's come from the operations its OpenAPI document declares). Handlers live by
//! whom they serve: the reporter's pages
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
            .configure(reporter::configure)
            .configure(shared::assets::configure)
            .configure(api::configure)
            .configure(staff::configure)
            .configure(ops::configure)
            .default_service(web::to(unrouted))
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
