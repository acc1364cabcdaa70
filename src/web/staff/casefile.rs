//! A report as a caseworker reads it: the narrative first, then the reporter form's sections in
//! the form's order and with its words, country and language names in the reader's language,
//! the triage said in words, documents as a table, coordinates with a link to open them on a
//! map. The same reading serves a consulate's projection and a reporter's later additions.
//!
//! Everything is read from the opened item's JSON by path, so an item sealed on a device, an
//! older projection version or an addition (which holds some fields only) reads the same way;
//! whatever the table does not name is still shown, labelled as best the catalog can.

use serde_json::Value;

use crate::domain::zawgyi;
use crate::locale::{args, Tr};

/// One line of an opened item.
pub(super) struct Field {
    pub label: String,
    pub value: String,
    /// What the reporter sent, when `value` is it typed in Zawgyi and shown in Unicode.
    pub sent: Option<String>,
}

impl Field {
    /// A line whose value the server made (a name from a catalog, a number), not the reporter.
    pub(super) fn plain(label: String, value: String) -> Field {
        Field {
            label,
            value,
            sent: None,
        }
    }

    /// A line of what the reporter typed, each text as a responder is shown it.
    pub(super) fn shown(label: String, texts: &[&str]) -> Field {
        let shown: Vec<zawgyi::Shown> = texts.iter().map(|t| zawgyi::for_display(t)).collect();
        let converted = shown.iter().any(|s| s.converted_from().is_some());
        Field {
            label,
            value: shown
                .iter()
                .map(zawgyi::Shown::text)
                .collect::<Vec<_>>()
                .join(", "),
            sent: converted.then(|| texts.join(", ")),
        }
    }
}

/// Flattens an opened item into labelled lines, labelled from the catalog where it has the field,
/// each text as a responder is shown it (`zawgyi::for_display`).
fn flatten(tr: &Tr, path: &str, value: &serde_json::Value, out: &mut Vec<Field>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let next = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(tr, &next, v, out);
            }
        }
        serde_json::Value::Array(list) if list.iter().all(|v| !v.is_object()) => {
            let texts = list
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>();
            if !texts.is_empty() {
                let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                out.push(Field::shown(path_label(tr, path), &texts));
            }
        }
        serde_json::Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                flatten(tr, &format!("{path}.{i}"), v, out);
            }
        }
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => out.push(Field::shown(path_label(tr, path), &[s])),
        other => out.push(Field {
            label: path_label(tr, path),
            value: other.to_string(),
            sent: None,
        }),
    }
}

/// A flattened path's label: the catalog's `field-` key for it, else the path itself.
fn path_label(tr: &Tr, path: &str) -> String {
    let parts: Vec<&str> = path
        .split('.')
        .filter(|p| p.parse::<usize>().is_err())
        .collect();
    let key = format!("field-{}", parts.join("-"));
    if tr.catalogs.has(tr.lang, &key) {
        tr.t(&key)
    } else {
        path.to_owned()
    }
}

/// How a value at a path is shown.
#[derive(Clone, Copy)]
enum Shown {
    Text,
    Number,
    /// A choice, named by the catalog key `<prefix><code>`.
    Choice(&'static str),
    /// A set of choices.
    Choices(&'static str),
    Country,
    Flag,
    Coordinates,
}

struct Row(&'static str, Shown);

struct PartSpec {
    /// The catalog key of the section's title, the reporter form's own.
    title: &'static str,
    rows: &'static [Row],
}

/// The reporter form's sections and fields in its order (`web::reporter::form`), less the
/// narrative and indicators (shown first) and documents (a table).
const PARTS: &[PartSpec] = &[
    PartSpec {
        title: "form-essentials",
        rows: &[
            Row("reporter.relation", Shown::Choice("choice-relation-")),
            Row("location.country", Shown::Country),
            Row("location.city", Shown::Text),
            Row("location.compound", Shown::Text),
            Row("reporter.contact", Shown::Text),
            Row("reporter.no_contact", Shown::Flag),
            // An addition's way to be reached, and a contact change's.
            Row("contact", Shown::Text),
            Row("no_contact", Shown::Flag),
        ],
    },
    PartSpec {
        title: "section-person",
        rows: &[
            Row("person.name", Shown::Text),
            Row("person.age", Shown::Number),
            Row("person.age_range", Shown::Choice("choice-age_range-")),
            Row("person.gender", Shown::Choice("choice-gender-")),
            Row("person.nationality", Shown::Country),
            Row("person.languages", Shown::Text),
            Row("person.mobile_phone", Shown::Text),
            Row("person.handles", Shown::Text),
            Row("person.others_count", Shown::Number),
            Row("last_contact", Shown::Text),
        ],
    },
    PartSpec {
        title: "section-place",
        rows: &[
            Row("location.state", Shown::Text),
            Row("location.street", Shown::Text),
            Row("location.landmarks", Shown::Text),
            Row("location.visible", Shown::Text),
            Row("location.coordinates", Shown::Coordinates),
            Row("location.promised_location", Shown::Text),
            Row("location.arrived_on", Shown::Text),
        ],
    },
    PartSpec {
        title: "section-recruitment",
        rows: &[
            Row("recruitment.method", Shown::Choice("choice-recruitment-")),
            Row("recruitment.websites_and_apps", Shown::Text),
            Row("recruitment.recruiter", Shown::Text),
            Row("recruitment.agency", Shown::Text),
            Row("recruitment.job_promised", Shown::Text),
            Row("recruitment.salary_promised", Shown::Text),
            Row("recruitment.departure_date", Shown::Text),
            Row("recruitment.route", Shown::Text),
        ],
    },
    PartSpec {
        title: "section-wants",
        rows: &[Row("wants", Shown::Choices("choice-want-"))],
    },
    PartSpec {
        title: "form-consents",
        rows: &[
            Row("consents.partner_ngos", Shown::Flag),
            Row("consents.consulate", Shown::Flag),
            Row("consents.police", Shown::Flag),
        ],
    },
];

/// Top-level keys this module reads itself; any other is shown as it comes.
const READ: &[&str] = &[
    "reporter",
    "person",
    "location",
    "documents",
    "recruitment",
    "indicators",
    "wants",
    "narrative",
    "message",
    "last_contact",
    "consents",
    "language",
    "contact",
    "no_contact",
    // Stamps: the timeline says when and who.
    "at",
    "by",
    "issued_by",
    "version",
    "from_file",
];

pub(super) struct MapLink {
    pub text: String,
    pub href: String,
}

pub(super) struct Part {
    pub title: String,
    pub lines: Vec<Field>,
    pub map: Option<MapLink>,
}

pub(super) struct DocumentRow {
    pub kind: String,
    pub number: String,
    pub issuing_country: String,
    pub holder: String,
}

/// A report, projection or addition, ready to render.
#[derive(Default)]
pub(super) struct CaseFile {
    pub narrative: Option<Field>,
    /// The indicators the reporter ticked, by name.
    pub indicators: Vec<String>,
    pub parts: Vec<Part>,
    pub documents: Vec<DocumentRow>,
}

fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let found = path.split('.').try_fold(value, |v, key| v.get(key))?;
    (!found.is_null()).then_some(found)
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A catalog message, or `fallback` where the catalogs have no such key.
fn named(tr: &Tr, key: &str, fallback: &str) -> String {
    if tr.catalogs.has(tr.lang, key) || tr.catalogs.has(crate::locale::FALLBACK, key) {
        tr.t(key)
    } else {
        fallback.to_owned()
    }
}

/// A country's name in the reader's language (the reporter form's catalog of countries).
pub(super) fn country(tr: &Tr, code: &str) -> String {
    named(tr, &format!("country-{code}"), code)
}

/// A language's own name, as the reporter pages offer it, with its tag.
fn language(tr: &Tr, tag: &str) -> String {
    match tr.catalogs.supported(tag) {
        Some(lang) => format!("{} ({lang})", tr.catalogs.text(lang, "lang-name", None)),
        None => tag.to_owned(),
    }
}

fn label(tr: &Tr, path: &str) -> String {
    let key = match path {
        "location.coordinates" => "staff-field-coordinates".to_owned(),
        "contact" => "field-reporter-contact".to_owned(),
        "no_contact" => "field-reporter-no_contact".to_owned(),
        _ => match path.strip_prefix("consents.") {
            Some(consent) => format!("field-consent-{consent}"),
            None => format!("field-{}", path.replace('.', "-")),
        },
    };
    named(tr, &key, path)
}

/// An OpenStreetMap link for coordinates: a plain link the responder chooses to follow; the page
/// itself asks no third party for anything. The point travels in the fragment only, which the
/// browser never sends, so OpenStreetMap's server logs do not get the exact coordinates (the map
/// tiles it then loads still show the area).
fn map_link(tr: &Tr, latitude: f64, longitude: f64) -> MapLink {
    MapLink {
        text: tr.t("staff-osm-link"),
        href: format!("https://www.openstreetmap.org/#map=17/{latitude:.6}/{longitude:.6}"),
    }
}

/// The line of one row, if the item has its value; a map link beside coordinates.
fn line(tr: &Tr, value: &Value, row: &Row) -> Option<(Field, Option<MapLink>)> {
    let Row(path, shown) = *row;
    let found = at(value, path)?;
    let label = label(tr, path);
    let plain = |value: String| Field {
        label: label.clone(),
        value,
        sent: None,
    };
    Some(match shown {
        Shown::Text => (Field::shown(label.clone(), &[&scalar(found)?]), None),
        Shown::Number => (plain(scalar(found)?), None),
        Shown::Choice(prefix) => {
            let code = scalar(found)?;
            (plain(named(tr, &format!("{prefix}{code}"), &code)), None)
        }
        Shown::Choices(prefix) => {
            let names: Vec<String> = found
                .as_array()?
                .iter()
                .filter_map(scalar)
                .map(|code| named(tr, &format!("{prefix}{code}"), &code))
                .collect();
            if names.is_empty() {
                return None;
            }
            (plain(names.join(", ")), None)
        }
        Shown::Country => (plain(country(tr, &scalar(found)?)), None),
        Shown::Flag => {
            let yes = found.as_bool()?;
            (
                plain(tr.t(if yes { "staff-yes" } else { "staff-no" })),
                None,
            )
        }
        Shown::Coordinates => {
            let latitude = found.get("latitude")?.as_f64()?;
            let longitude = found.get("longitude")?.as_f64()?;
            (
                plain(format!("{latitude:.6}, {longitude:.6}")),
                Some(map_link(tr, latitude, longitude)),
            )
        }
    })
}

/// The triage in words: "critical: Threats, Cannot leave, Forced to run scams".
pub(super) fn triage_words(tr: &Tr, triage: &Value) -> Option<String> {
    let priority = triage.get("priority")?.as_str()?;
    let priority = named(tr, &format!("staff-priority-{priority}"), priority);
    let reasons: Vec<String> = triage
        .get("reasons")
        .and_then(Value::as_array)
        .map(|reasons| {
            reasons
                .iter()
                .filter_map(|r| r.get("indicator")?.as_str())
                .map(|code| named(tr, &format!("choice-indicator-{code}"), code))
                .collect()
        })
        .unwrap_or_default();
    Some(if reasons.is_empty() {
        tr.t_with("staff-triage-none", &args(&[("priority", priority)]))
    } else {
        tr.t_with(
            "staff-triage-explained",
            &args(&[("priority", priority), ("reasons", reasons.join(", "))]),
        )
    })
}

/// Reads a report, a projection or an addition.
pub(super) fn read(tr: &Tr, value: &Value) -> CaseFile {
    let narrative = ["narrative", "message"]
        .iter()
        .find_map(|key| at(value, key).and_then(scalar))
        .map(|text| Field::shown(tr.t("staff-casefile-narrative"), &[&text]));
    let indicators = at(value, "indicators")
        .and_then(Value::as_array)
        .map(|codes| {
            codes
                .iter()
                .filter_map(scalar)
                .map(|code| named(tr, &format!("choice-indicator-{code}"), &code))
                .collect()
        })
        .unwrap_or_default();
    let mut parts: Vec<Part> = PARTS
        .iter()
        .filter_map(|part| {
            let mut map = None;
            let lines: Vec<Field> = part
                .rows
                .iter()
                .filter_map(|row| line(tr, value, row))
                .map(|(field, link)| {
                    map = map.take().or(link);
                    field
                })
                .collect();
            (!lines.is_empty()).then(|| Part {
                title: tr.t(part.title),
                lines,
                map,
            })
        })
        .collect();
    if let Some(tag) = at(value, "language").and_then(scalar) {
        let line = Field {
            label: tr.t("staff-field-language"),
            value: language(tr, &tag),
            sent: None,
        };
        match parts.first_mut() {
            Some(first) if first.title == tr.t("form-essentials") => first.lines.push(line),
            _ => parts.push(Part {
                title: tr.t("form-essentials"),
                lines: vec![line],
                map: None,
            }),
        }
    }
    let mut rest = Vec::new();
    if let Some(map) = value.as_object() {
        for (key, v) in map.iter().filter(|(k, _)| !READ.contains(&k.as_str())) {
            flatten(tr, key, v, &mut rest);
        }
    }
    if !rest.is_empty() {
        parts.push(Part {
            title: tr.t("staff-casefile-more"),
            lines: rest,
            map: None,
        });
    }
    let documents = at(value, "documents")
        .and_then(Value::as_array)
        .map(|docs| docs.iter().map(|d| document(tr, d)).collect())
        .unwrap_or_default();
    CaseFile {
        narrative,
        indicators,
        parts,
        documents,
    }
}

fn document(tr: &Tr, d: &Value) -> DocumentRow {
    let text = |key: &str| {
        d.get(key)
            .and_then(scalar)
            .map(|t| crate::domain::zawgyi::for_display(&t).text().to_owned())
            .unwrap_or_default()
    };
    // A report's document names its kind `kind`; what a form or device sent, `type`.
    let kind = d
        .get("kind")
        .or_else(|| d.get("type"))
        .and_then(scalar)
        .map(|code| named(tr, &format!("choice-document-{code}"), &code))
        .unwrap_or_default();
    DocumentRow {
        kind,
        number: text("number"),
        issuing_country: d
            .get("issuing_country")
            .and_then(scalar)
            .map(|code| country(tr, &code))
            .unwrap_or_default(),
        holder: text("holder"),
    }
}
