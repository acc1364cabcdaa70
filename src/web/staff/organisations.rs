//! The operator's pages: organisations registered, vetted, countersigned and suspended, and what
//! each queue needs before it receives reports. Nothing here opens a report.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::forms::{checked_form, fail, redirect};
use super::session::{principal, FieldMessages};
use crate::domain::FieldErrors;
use crate::locale::Tr;
use crate::store::{OrganisationRow, QueueStandingRow};
use crate::triage::routing::OrganisationKind;
use crate::trust::accounts::Principal;
use crate::trust::certification::operator_standing;
use crate::trust::organisations::{
    organisation_standing, queue_standings, DetailsForm, Hold, OrganisationError, Organisations,
    Vouching,
};
use crate::trust::send_file::OrganisationFile;
use crate::web::shared::assets;
use crate::web::shared::error::Failure;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

struct OrganisationView {
    id: String,
    name: String,
    kind: String,
    kind_label: String,
    country: String,
    contact: String,
    registered: bool,
    demo: bool,
    suspended: bool,
    standing: String,
    vetting: Option<String>,
    countersigned: bool,
    verifying_key: String,
    /// `homeward org countersign` for the desk's offline machine, every value shell-quoted: an
    /// id or a country edited in the database must run nothing there.
    countersign_command: String,
    queues: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "organisations.html")]
struct ListPage {
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    organisations: Vec<OrganisationView>,
    kinds: Vec<(&'static str, String)>,
    form: DetailsForm,
    /// The text pasted in the register-from-its-file form, kept when it is refused.
    file: String,
    errors: FieldMessages,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct DetailPage {
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    org: OrganisationView,
    kinds: Vec<(&'static str, String)>,
    form: DetailsForm,
    evidence: String,
    countersignature: String,
    errors: FieldMessages,
}

fn standing_text(tr: &Tr, standing: Result<(), Hold>) -> String {
    match standing {
        Ok(()) => tr.t("hold-none"),
        Err(hold) => tr.t(&format!("hold-{}", hold.code())),
    }
}

/// Each organisation kind's code and label, for the form's list.
fn kinds(tr: &Tr) -> Vec<(&'static str, String)> {
    OrganisationKind::ALL
        .into_iter()
        .map(|k| (k.as_str(), tr.t(&format!("org-kind-{}", k.as_str()))))
        .collect()
}

fn view(
    state: &AppState,
    tr: &Tr,
    org: &OrganisationRow,
    queues: &[(QueueStandingRow, Result<(), Hold>)],
) -> OrganisationView {
    let desk_key = state.intake.routing.desk_signing_key.as_ref();
    // A demo organisation receives only on a server running its demo desk.
    let standing = if org.demo && state.intake.routing.demo_desk().is_some() {
        Ok(())
    } else {
        organisation_standing(org, desk_key).map(|_| ())
    };
    let countersigned = crate::trust::organisations::vouched_for(org, desk_key);
    let verifying_key = org
        .signing_key
        .as_deref()
        .and_then(|k| crate::crypto::signing::VerifyingKey::from_bytes(k).ok())
        .map(|k| k.to_text())
        .unwrap_or_default();
    let country = org.country.clone().unwrap_or_default();
    let countersign_command = shlex::try_join([
        "homeward",
        "org",
        "countersign",
        "--desk-key",
        "DESK-SIGNING-KEY-FILE",
        "--id",
        &org.id,
        "--kind",
        &org.kind,
        "--country",
        &country,
        "--verifying-key",
        &verifying_key,
        // What the organisation reads to the desk's signer: never filled in from the database.
        "--fingerprint",
        "FINGERPRINT-READ-TO-YOU",
    ])
    .unwrap_or_default();
    OrganisationView {
        id: org.id.clone(),
        name: org.name.clone(),
        kind: org.kind.clone(),
        kind_label: tr.t(&format!("org-kind-{}", org.kind)),
        country,
        contact: org.contact.clone().unwrap_or_default(),
        registered: org.registered_at.is_some(),
        demo: org.demo,
        suspended: org.suspended_at.is_some(),
        standing: standing_text(tr, standing),
        vetting: org.vetted_at.map(|at| {
            format!(
                "{} · {} · {}",
                org.vetted_by.as_deref().unwrap_or_default(),
                tr.date_time(at),
                org.vetting_evidence.as_deref().unwrap_or_default()
            )
        }),
        countersigned,
        verifying_key,
        countersign_command,
        queues: queues
            .iter()
            .filter(|(q, _)| q.organisation_id == org.id)
            .map(|(q, standing)| {
                (
                    format!("{} ({})", q.id, q.kind),
                    standing_text(tr, *standing),
                )
            })
            .collect(),
    }
}

fn details_form(form: &HashMap<String, String>, id: Option<&str>) -> DetailsForm {
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    DetailsForm {
        id: id.map_or_else(|| get("id"), str::to_owned),
        name: get("name"),
        kind: get("kind"),
        country: get("country"),
        contact: get("contact"),
        signing_key: get("signing_key"),
    }
}

fn service(state: &AppState) -> Organisations<'_> {
    Organisations {
        store: &state.intake.store,
        audit: &state.accounts.audit,
        desk_key: state.intake.routing.desk_signing_key.as_ref(),
    }
}

/// The operator behind the request; `Err(redirect)` when logged out, 403 for anyone else.
async fn operator(
    state: &AppState,
    req: &HttpRequest,
) -> Result<Result<Principal, HttpResponse>, PageError> {
    match principal(state, req)
        .await
        .map_err(|f| fail(state, req, f))?
    {
        None => Ok(Err(redirect("/login"))),
        Some(who) => match operator_standing(state.chain(), &who).await {
            Ok(()) => Ok(Ok(who)),
            Err(refused) => Err(fail(state, req, refused)),
        },
    }
}

async fn list_page(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    form: DetailsForm,
    file: String,
    errors: FieldMessages,
) -> Result<HttpResponse, PageError> {
    let tr = state.staff_tr(req, who);
    let store = &state.intake.store;
    let orgs = store
        .all_organisations()
        .await
        .map_err(|e| fail(state, req, e))?;
    let queues = queue_standings(store, Vouching::of(&state.intake.routing))
        .await
        .map_err(|e| fail(state, req, e))?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ListPage {
        organisations: orgs.iter().map(|o| view(state, &tr, o, &queues)).collect(),
        kinds: kinds(&tr),
        tr,
        stylesheet: assets::STYLESHEET_PATH,
        csrf: who.csrf.clone(),
        form,
        file,
        errors,
    };
    Ok(html(status, page.render()))
}

#[tracing::instrument(skip_all)]
pub async fn list(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    match operator(&state, &req).await? {
        Ok(who) => {
            list_page(
                &state,
                &req,
                &who,
                DetailsForm::default(),
                String::new(),
                FieldMessages::default(),
            )
            .await
        }
        Err(response) => Ok(response),
    }
}

struct DetailExtras {
    form: Option<DetailsForm>,
    evidence: String,
    countersignature: String,
    errors: FieldMessages,
}

async fn detail_page(
    state: &AppState,
    req: &HttpRequest,
    who: &Principal,
    id: &str,
    extras: DetailExtras,
) -> Result<HttpResponse, PageError> {
    let tr = state.staff_tr(req, who);
    let store = &state.intake.store;
    let org = match store.organisation(id).await {
        Ok(Some(org)) => org,
        Ok(None) => return Err(fail(state, req, Failure::NotFound)),
        Err(e) => return Err(fail(state, req, e)),
    };
    let queues = queue_standings(store, Vouching::of(&state.intake.routing))
        .await
        .map_err(|e| fail(state, req, e))?;
    let org = view(state, &tr, &org, &queues);
    let form = extras.form.unwrap_or_else(|| DetailsForm {
        id: org.id.clone(),
        name: if org.registered {
            org.name.clone()
        } else {
            String::new()
        },
        kind: org.kind.clone(),
        country: org.country.clone(),
        contact: org.contact.clone(),
        signing_key: org.verifying_key.clone(),
    });
    let status = if extras.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = DetailPage {
        kinds: kinds(&tr),
        tr,
        stylesheet: assets::STYLESHEET_PATH,
        csrf: who.csrf.clone(),
        org,
        form,
        evidence: extras.evidence,
        countersignature: extras.countersignature,
        errors: extras.errors,
    };
    Ok(html(status, page.render()))
}

#[tracing::instrument(skip_all)]
pub async fn detail(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    match operator(&state, &req).await? {
        Ok(who) => {
            let extras = DetailExtras {
                form: None,
                evidence: String::new(),
                countersignature: String::new(),
                errors: FieldMessages::default(),
            };
            detail_page(&state, &req, &who, &id, extras).await
        }
        Err(response) => Ok(response),
    }
}

/// Turns an operation's outcome into the page: a redirect on success, the form back with the
/// problems named beside their fields otherwise.
fn refused(
    state: &AppState,
    req: &HttpRequest,
    e: OrganisationError,
) -> Result<FieldErrors, PageError> {
    match e {
        OrganisationError::Fields(errors) => Ok(errors),
        other => Err(fail(state, req, other)),
    }
}

#[tracing::instrument(skip_all)]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let details = details_form(&form, None);
    match service(&state).register(&who, &details).await {
        Ok(id) => Ok(redirect(&format!("/organisations/{id}"))),
        Err(e) => {
            let errors = refused(&state, &req, e)?;
            let messages = FieldMessages::new(&state.staff_tr(&req, &who), &errors);
            list_page(&state, &req, &who, details, String::new(), messages).await
        }
    }
}

/// Registers an organisation from the text of the file it sent (`send-to-operator.json`, from
/// `homeward org init`), so that no verifying key is typed by hand: its details and key as the
/// file says (its queue signatures checked against that key), and the desk's countersignature
/// when the file carries one, checked as the countersignature form checks it. Vetting stays the
/// operator's own act, on the organisation's page.
#[tracing::instrument(skip_all)]
pub async fn register_from_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    // Only an operator who stands sees this page's list, refused file or not.
    if let Err(refused) = operator_standing(state.chain(), &who).await {
        return Err(fail(&state, &req, refused));
    }
    let text = form.get("file").cloned().unwrap_or_default();
    // A file changed on the way registers nothing: its countersignature, when it has one,
    // must verify under the desk's key before anything is stored.
    let desk_key = state.intake.routing.desk_signing_key.as_ref();
    let file = OrganisationFile::parse(&text, "file").ok().filter(|file| {
        file.countersignature.as_ref().is_none_or(|signature| {
            desk_key.is_some_and(|desk| desk.verifies(&file.statement(), signature))
        })
    });
    let Some(file) = file else {
        let messages = FieldMessages::one(&state.staff_tr(&req, &who), "file", "organisation_file");
        return list_page(&state, &req, &who, DetailsForm::default(), text, messages).await;
    };
    let o = &file.organisation;
    let details = DetailsForm {
        id: o.id.clone(),
        name: o.name.clone(),
        kind: o.kind.as_str().to_owned(),
        country: o.country.as_str().to_owned(),
        contact: o.contact.clone(),
        signing_key: o.signing_key.to_text(),
    };
    let orgs = service(&state);
    let id = match orgs.register(&who, &details).await {
        Ok(id) => id,
        Err(e) => {
            let errors = refused(&state, &req, e)?;
            let messages = FieldMessages::new(&state.staff_tr(&req, &who), &errors);
            return list_page(&state, &req, &who, details, text, messages).await;
        }
    };
    if let Some(countersignature) = &file.countersignature {
        let countersignature = countersignature.to_text();
        if let Err(e) = orgs.countersign(&who, &id, &countersignature).await {
            let errors = refused(&state, &req, e)?;
            let extras = DetailExtras {
                form: None,
                evidence: String::new(),
                countersignature,
                errors: FieldMessages::new(&state.staff_tr(&req, &who), &errors),
            };
            return detail_page(&state, &req, &who, &id, extras).await;
        }
    }
    Ok(redirect(&format!("/organisations/{id}")))
}

/// One operation on one organisation, from its page.
enum Change {
    Details,
    Vetting,
    Countersignature,
    Suspension,
}

async fn change(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
    what: Change,
) -> Result<HttpResponse, PageError> {
    let (who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let orgs = service(&state);
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    let mut extras = DetailExtras {
        form: None,
        evidence: String::new(),
        countersignature: String::new(),
        errors: FieldMessages::default(),
    };
    let outcome = match what {
        Change::Details => {
            let details = details_form(&form, Some(&id));
            let outcome = orgs.update(&who, &details).await;
            extras.form = Some(details);
            outcome
        }
        Change::Vetting => {
            extras.evidence = get("evidence");
            orgs.record_vetting(&who, &id, &extras.evidence).await
        }
        Change::Countersignature => {
            extras.countersignature = get("countersignature");
            orgs.countersign(&who, &id, &extras.countersignature).await
        }
        Change::Suspension => {
            let suspend = get("suspend") == "yes";
            if suspend && !super::confirm::confirmed(&form) {
                return super::confirm::suspend_organisation(&state, &req, &who, &id).await;
            }
            orgs.set_suspended(&who, &id, suspend).await
        }
    };
    match outcome {
        Ok(()) => Ok(redirect(&format!("/organisations/{id}"))),
        Err(e) => {
            let errors = refused(&state, &req, e)?;
            extras.errors = FieldMessages::new(&state.staff_tr(&req, &who), &errors);
            detail_page(&state, &req, &who, &id, extras).await
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn update(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    change(state, req, id, payload, Change::Details).await
}

#[tracing::instrument(skip_all)]
pub async fn vetting(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    change(state, req, id, payload, Change::Vetting).await
}

#[tracing::instrument(skip_all)]
pub async fn countersignature(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    change(state, req, id, payload, Change::Countersignature).await
}

#[tracing::instrument(skip_all)]
pub async fn suspension(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    change(state, req, id, payload, Change::Suspension).await
}
