//! The JSON API under /api/v1, one file per area: reports (`reports`), reports sealed on the
//! device (`sealed`), resumable uploads (`uploads`), the reporter's return (`followup`), the
//! responder workspace (`workspace`), filing for callers (`hotline`), the coordinator's and
//! operator's operations (`admin`), the operator's overview of the queues (`overview`),
//! invites and enrolment (`invites`) and an organisation's members (`members`).
//! The same rules as the pages: 422 with each field named, 400 for malformed JSON, 413 past the
//! size limit, 415 for a wrong content type. This file holds the OpenAPI document served at
//! /api/v1/openapi.json; the areas use `web::shared`, never this file.

pub mod admin;
pub mod followup;
pub mod hotline;
pub mod invites;
pub mod members;
pub mod overview;
pub mod reports;
pub mod sealed;
pub mod uploads;
pub mod workspace;

use std::sync::LazyLock;

use actix_web::http::Method;
use actix_web::{web, HttpResponse};
use utoipa::OpenApi;

use actix_web::ResponseError;

use crate::domain::report::StagedFile;
use crate::domain::{FieldError, ReportInput};
use crate::web::shared::error::Failure;
use crate::web::shared::json::api_error;
use crate::web::shared::state::AppState;

/// What every operation of the document can also answer, added to each one in one place: the
/// path parameters its template names, and the refusals the shared edge gives (a malformed,
/// mistyped, oversized or too slow body; a missing session; the submission limits).
struct CommonResponses;

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        use utoipa::openapi::{
            ContentBuilder, ObjectBuilder, Ref, Required, ResponseBuilder, Type,
        };
        let answer = |description: &str, schema: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name(schema)))
                        .build(),
                )
                .build()
        };
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "bearer",
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .description(Some("The token from POST /api/v1/session"))
                        .build(),
                ),
            );
        for (path, item) in openapi.paths.paths.iter_mut() {
            let names: Vec<&str> = path
                .split('/')
                .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
                .collect();
            let staff = [
                "/api/v1/queues",
                "/api/v1/members",
                "/api/v1/organisations",
                "/api/v1/desk",
                "/api/v1/invites",
                "/api/v1/account",
                "/api/v1/hotline",
                "/api/v1/overview",
            ]
            .iter()
            .any(|p| path.starts_with(p));
            // Logging out needs the session it ends; logging in does not.
            if let (true, Some(op)) = (path == "/api/v1/session", item.delete.as_mut()) {
                op.security = Some(vec![bearer_requirement()]);
            }
            let submission = path == "/api/v1/reports" || path == "/api/v1/uploads";
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                for name in &names {
                    let params = op.parameters.get_or_insert_with(Vec::new);
                    if !params.iter().any(|p| p.name == *name) {
                        params.push(
                            ParameterBuilder::new()
                                .name(*name)
                                .parameter_in(ParameterIn::Path)
                                .required(Required::True)
                                .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                                .build(),
                        );
                    }
                }
                let mut extra = Vec::new();
                if staff {
                    extra.push(("401", "No session, or it ended", "Problem"));
                    op.security = Some(vec![bearer_requirement()]);
                }
                if submission {
                    extra.push((
                        "429",
                        "This source has sent its share for now; see Retry-After",
                        "Problem",
                    ));
                    extra.push((
                        "503",
                        "Everyone's share is used up, or storage is full; see Retry-After",
                        "Problem",
                    ));
                }
                if op.request_body.is_some() {
                    extra.extend([
                        ("400", "The body could not be read", "Problem"),
                        ("408", "The body arrived too slowly", "Problem"),
                        ("413", "The body is too large", "Problem"),
                        ("415", "Not the documented content type", "Problem"),
                        (
                            "422",
                            "A field is wrong, unknown or missing; each is named",
                            "ValidationFailed",
                        ),
                    ]);
                }
                for (code, description, schema) in extra {
                    op.responses
                        .responses
                        .entry(code.to_owned())
                        .or_insert_with(|| answer(description, schema).into());
                }
            }
        }
    }
}

/// What a staff operation needs: the bearer session of the document's `bearer` scheme.
fn bearer_requirement() -> utoipa::openapi::security::SecurityRequirement {
    utoipa::openapi::security::SecurityRequirement::new("bearer", Vec::<String>::new())
}

/// Every operation of the API, declared once: the OpenAPI document describes them and
/// `configure` serves them, both from this one list.
macro_rules! operations {
    ($($area:ident :: $handler:ident),* $(,)?) => {
        #[derive(OpenApi)]
        #[openapi(
            modifiers(&CommonResponses),
            info(
                title = "Homeward API",
                description = "Sealed, triaged, routed reports of people held in scam compounds, and the \
                    responder workspace. Workspace calls need `Authorization: Bearer <token>` from \
                    POST /api/v1/session."
            ),
                    paths($($area::$handler),*),
            components(schemas(
                ReportInput,
                crate::domain::report::ReporterInput,
                crate::domain::report::PersonInput,
                crate::domain::report::LocationInput,
                crate::domain::report::DocumentInput,
                crate::domain::report::RecruitmentInput,
                crate::domain::report::ConsentInput,
                crate::web::shared::json::Created,
                StagedFile,
                crate::web::api::uploads::NewUpload,
                crate::web::api::uploads::UploadCreated,
                crate::web::api::uploads::UploadProgress,
                crate::web::api::followup::CodeRequest,
                crate::web::api::followup::ThreadView,
                crate::web::api::followup::ThreadMessageView,
                crate::web::api::followup::VisitRequest,
                crate::web::api::followup::AdditionRequest,
                crate::web::api::followup::ContactRequest,
                crate::web::api::followup::ConsentRequest,
                crate::domain::Consent,
                crate::web::api::followup::AttachRequest,
                crate::web::api::followup::WithdrawRequest,
                crate::web::shared::json::ValidationFailed,
                crate::web::shared::json::FieldProblem,
                crate::web::shared::error::Problem,
                FieldError,
                crate::web::api::workspace::LoginRequest,
                crate::web::api::workspace::SessionCreated,
                crate::web::api::workspace::QueueList,
                crate::web::api::workspace::EntryView,
                crate::web::api::workspace::Activity,
                crate::web::api::workspace::EntryStateView,
                crate::web::api::workspace::OpenedItemView,
                crate::web::api::workspace::ConvertedFromZawgyi,
                crate::web::api::workspace::OpenedReport,
                crate::web::api::workspace::StatusChange,
                crate::web::api::workspace::MessageText,
                crate::web::api::workspace::ReferralRequest,
                crate::web::api::workspace::Refused,
                crate::web::api::workspace::Selected,
                crate::web::api::workspace::WaveClosedView,
                crate::web::api::workspace::NotGenuineView,
                crate::web::api::workspace::DestroyedView,
                crate::web::api::admin::KeyImport,
                crate::web::api::admin::KeyRotation,
                crate::web::api::admin::Grant,
                crate::web::api::admin::Certificate,
                crate::web::api::admin::Certification,
                crate::trust::certification::MemberChain,
                crate::trust::certification::ChainLink,
                crate::trust::queue_keys::CopyUpload,
                crate::web::api::admin::Count,
                crate::web::api::admin::KeyRotated,
                crate::web::api::admin::RotationDue,
                crate::web::api::admin::OrganisationInput,
                crate::web::api::admin::Vetting,
                crate::web::api::admin::Countersignature,
                crate::web::api::admin::Suspension,
                crate::web::api::admin::QueueStanding,
                crate::web::api::admin::OrganisationView,
                crate::domain::RoutingFactsInput,
                crate::domain::facts::PlaceInput,
                crate::domain::facts::NationalityInput,
                crate::reporting::sealed::Ticket,
                crate::reporting::sealed::TicketItems,
                crate::reporting::sealed::TicketAudiences,
                crate::reporting::sealed::TicketRecipient,
                crate::reporting::sealed::TicketOrganisation,
                crate::reporting::sealed::SealedSubmission,
                crate::reporting::sealed::DeviceItem,
                crate::reporting::sealed::DeviceKey,
                crate::web::api::invites::InviteRequest,
                crate::web::api::invites::InviteCreated,
                crate::web::api::invites::InviteView,
                crate::web::api::invites::EnrolmentRequest,
                crate::web::api::invites::Enrolled,
                crate::web::api::members::MemberView,
                crate::web::api::members::QueueGift,
                crate::web::api::members::QueueGiven,
                crate::web::api::hotline::HotlineGrant,
                crate::web::api::hotline::HotlineFiled,
                crate::web::api::overview::Overview,
                crate::web::api::overview::QueueSummary
            ))
        )]
        pub struct ApiDoc;

        /// Each operation with its handler, at the path and method the handler's own
        /// `#[utoipa::path]` declares: no name has to match anything.
        fn routes() -> Vec<(String, Method, fn(actix_web::Route) -> actix_web::Route)> {
            let mut routes = Vec::new();
            $({
                #[derive(OpenApi)]
                #[openapi(paths($area::$handler))]
                struct Operation;
                let add: fn(actix_web::Route) -> actix_web::Route =
                    |route| route.to($area::$handler);
                for (path, item) in Operation::openapi().paths.paths {
                    for (method, _) in operations_of(&item) {
                        routes.push((path.clone(), method, add));
                    }
                }
            })*
            routes
        }
    };
}

operations!(
    reports::create_report,
    uploads::offer,
    uploads::create,
    uploads::status,
    uploads::stands,
    uploads::append,
    followup::open,
    followup::read,
    followup::add,
    followup::contact,
    followup::allow_consent,
    followup::stop_consent,
    followup::attach,
    followup::withdraw,
    workspace::login,
    workspace::logout,
    workspace::queues,
    workspace::entries,
    workspace::open_report,
    workspace::download_file,
    workspace::claim,
    workspace::release,
    workspace::change_status,
    workspace::reply,
    workspace::note,
    workspace::refer,
    workspace::close_wave,
    workspace::not_genuine,
    workspace::destroy_not_genuine,
    admin::import_key,
    admin::grant,
    admin::accept_certificate,
    admin::certify_member,
    admin::member_chain,
    admin::upload_copy,
    admin::rotate,
    admin::confirm_membership,
    admin::remove_member,
    admin::organisations,
    admin::register,
    admin::vetting,
    admin::countersign,
    admin::suspension,
    sealed::ticket,
    sealed::submit,
    hotline::set_hotline,
    hotline::file,
    overview::queues,
    invites::create,
    invites::list,
    invites::revoke,
    invites::enrol,
    members::list,
    members::give_queue,
);

/// The document, built once: the router reads its paths, and /api/v1/openapi.json serves it.
static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(ApiDoc::openapi);
static DOCUMENT_JSON: LazyLock<String> = LazyLock::new(|| DOCUMENT.to_json().unwrap_or_default());

/// Serves every operation of the document at its path and method, and the document itself.
pub fn configure(cfg: &mut web::ServiceConfig) {
    for (path, method, add) in routes() {
        cfg.route(&path, add(web::method(method)));
    }
    cfg.route("/api/v1/openapi.json", web::get().to(openapi));
}

fn operations_of(
    item: &utoipa::openapi::PathItem,
) -> impl Iterator<Item = (Method, &utoipa::openapi::path::Operation)> {
    [
        (Method::GET, &item.get),
        (Method::HEAD, &item.head),
        (Method::OPTIONS, &item.options),
        (Method::POST, &item.post),
        (Method::PATCH, &item.patch),
        (Method::PUT, &item.put),
        (Method::DELETE, &item.delete),
    ]
    .into_iter()
    .filter_map(|(method, operation)| Some((method, operation.as_ref()?)))
}

/// Every path the API serves, as the router matches it, with its method.
static SERVED: LazyLock<Vec<(actix_web::dev::ResourceDef, Method)>> = LazyLock::new(|| {
    routes()
        .into_iter()
        .map(|(path, method, _)| (actix_web::dev::ResourceDef::new(path), method))
        .chain(std::iter::once((
            actix_web::dev::ResourceDef::new("/api/v1/openapi.json"),
            Method::GET,
        )))
        .collect()
});

/// The methods the API serves at `path`.
fn methods_at(path: &str) -> Vec<Method> {
    SERVED
        .iter()
        .filter(|(resource, _)| resource.is_match(path))
        .map(|(_, method)| method.clone())
        .collect()
}

/// What the API answers where no route took the request: a path it serves with other methods is
/// 405, naming them in `Allow`; any other path under /api/ is a JSON 404, never a page.
#[tracing::instrument(skip_all)]
pub async fn unrouted(state: web::Data<AppState>, req: actix_web::HttpRequest) -> HttpResponse {
    let methods = methods_at(req.path());
    if methods.is_empty() {
        return api_error(&state, &req, Failure::NotFound).error_response();
    }
    let allow: Vec<&str> = methods.iter().map(Method::as_str).collect();
    let mut response = api_error(&state, &req, Failure::MethodNotAllowed).error_response();
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&allow.join(", ")) {
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, value);
    }
    response
}

#[tracing::instrument(skip_all)]
pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(DOCUMENT_JSON.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The router serves exactly what the document describes: every operation of the document
    /// at its path and method, once, and nothing else.
    #[test]
    fn the_router_serves_every_operation_of_the_document_once() {
        let mut documented: Vec<(String, Method)> = DOCUMENT
            .paths
            .paths
            .iter()
            .flat_map(|(path, item)| operations_of(item).map(|(m, _)| (path.clone(), m)))
            .collect();
        let mut served: Vec<(String, Method)> =
            routes().into_iter().map(|(path, m, _)| (path, m)).collect();
        documented.sort_by(|a, b| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str())));
        served.sort_by(|a, b| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str())));
        // Equal lists: nothing missing, nothing extra, nothing twice.
        assert_eq!(served, documented);
    }
}
