//! A responder's own settings: the language of their pages (else the browser's) and the time zone
//! their dates are shown in (else UTC). Both are parsed here, at the edge: a language the
//! catalogs have, a zone the time zone database knows, or the field's error.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::forms::{checked_form, fail, redirect};
use super::session::{principal, FieldMessages};
use crate::locale::{Tr, Zone, OFFERED_ZONES};
use crate::trust::accounts::Principal;
use crate::web::shared::assets;
use crate::web::shared::page::{html, PageError};
use crate::web::shared::state::AppState;

/// One choice in a list: its value, what it shows, and whether it is the current one.
struct Choice {
    value: String,
    label: String,
    lang: Option<&'static str>,
    chosen: bool,
}

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    tr: Tr,
    stylesheet: &'static str,
    csrf: String,
    languages: Vec<Choice>,
    zones: Vec<Choice>,
    errors: FieldMessages,
    saved: bool,
}

fn page(
    state: &AppState,
    tr: Tr,
    who: &Principal,
    language: Option<&str>,
    zone: Option<&str>,
) -> SettingsPage {
    let browser = Choice {
        value: String::new(),
        label: tr.t("staff-settings-language-browser"),
        lang: None,
        chosen: language.is_none(),
    };
    // Each language named in itself, so that a person finds their own whatever the page's.
    let languages = std::iter::once(browser)
        .chain(state.catalogs.languages().map(|tag| Choice {
            value: tag.to_owned(),
            label: state.catalogs.text(tag, "lang-name", None),
            lang: Some(tag),
            chosen: language == Some(tag),
        }))
        .collect();
    let mut names: Vec<&str> = OFFERED_ZONES.to_vec();
    // A zone chosen before that the list does not offer stays shown, and chosen.
    if let Some(zone) = zone.filter(|z| !names.contains(z)) {
        names.push(zone);
    }
    let zones = names
        .into_iter()
        .map(|name| Choice {
            value: name.to_owned(),
            label: name.replace('_', " "),
            lang: None,
            chosen: zone.unwrap_or("UTC") == name,
        })
        .collect();
    SettingsPage {
        tr,
        stylesheet: assets::STYLESHEET_PATH,
        csrf: who.csrf.clone(),
        languages,
        zones,
        errors: FieldMessages::default(),
        saved: false,
    }
}

#[tracing::instrument(skip_all)]
pub async fn settings_form(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    let Some(who) = principal(&state, &req)
        .await
        .map_err(|f| fail(&state, &req, f))?
    else {
        return Ok(redirect("/login"));
    };
    let tr = state.staff_tr(&req, &who);
    let shown = page(
        &state,
        tr,
        &who,
        who.language.as_deref(),
        who.time_zone.as_deref(),
    );
    Ok(html(StatusCode::OK, shown.render()))
}

#[tracing::instrument(skip_all)]
pub async fn save_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let (mut who, form) = match checked_form(&state, &req, payload).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let typed = |name: &str| {
        form.get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let (language, zone) = (typed("language"), typed("time_zone"));
    let parsed_language = match language.as_deref() {
        None => Ok(None),
        Some(tag) => state.catalogs.supported(tag).map(Some).ok_or("language"),
    };
    // UTC is the zone of an account that chose none.
    let parsed_zone = match zone.as_deref() {
        None | Some("UTC") => Ok(None),
        Some(name) => Zone::parse(name).map(Some).ok_or("time_zone"),
    };
    let (language, zone) = match (parsed_language, parsed_zone) {
        (Ok(language), Ok(zone)) => (language, zone),
        (language, zone) => {
            let tr = state.staff_tr(&req, &who);
            let mut shown = page(
                &state,
                tr.clone(),
                &who,
                who.language.as_deref(),
                who.time_zone.as_deref(),
            );
            shown.errors = match (language, zone) {
                (Err(field), _) => FieldMessages::one(&tr, field, "language_unknown"),
                (_, Err(field)) => FieldMessages::one(&tr, field, "zone_unknown"),
                _ => FieldMessages::default(),
            };
            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, shown.render()));
        }
    };
    let zone = zone.as_ref().map(Zone::name);
    state
        .accounts
        .set_preferences(&who, language, zone)
        .await
        .map_err(|e| fail(&state, &req, e))?;
    who.language = language.map(str::to_owned);
    who.time_zone = zone.map(str::to_owned);
    // Said in the language just chosen: the person sees at once that it took.
    let tr = state.staff_tr(&req, &who);
    let mut shown = page(&state, tr, &who, language, zone);
    shown.saved = true;
    Ok(html(StatusCode::OK, shown.render()))
}
