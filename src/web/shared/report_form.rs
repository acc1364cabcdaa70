//! The report form: its fields as data (so the page, the error display and the decoder agree),
//! decoding a posted form into the same `ReportInput` the JSON API takes, and the view that
//! renders it again with every answer kept and each problem beside its field. The reporter's
//! pages use it, and so does the hotline's filing in the workspace: one form, one parser.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::domain::report::{
    AgeRange, DocumentType, Gender, Indicator, RecruitmentMethod, Relation, Want,
};
use crate::domain::{FieldErrors, ReportInput};
use crate::locale::Tr;

/// The countries the form lists first, where most of the people held and their families are;
/// every other ISO 3166 country follows, by its name in the visitor's language.
pub const LISTED_COUNTRIES: &[&str] = &[
    "KH", "MM", "LA", "TH", "MY", "PH", "VN", "ID", "CN", "IN", "BD", "NP", "LK", "PK", "KE", "UG",
    "ET", "NG", "GH", "TW", "HK", "KR", "JP", "AE", "GE", "BR", "GB", "US",
];

#[derive(Clone, Copy)]
enum Widget {
    Text(usize),
    Area,
    Number,
    Decimal,
    Select(fn() -> Vec<&'static str>, &'static str),
    Country,
    Checks(fn() -> Vec<&'static str>, &'static str),
    Check,
}

struct Field(&'static str, Widget);

struct Section {
    legend: &'static str,
    fields: &'static [Field],
}

const SHORT: Widget = Widget::Text(200);

/// The first part: what a responder needs to act. It can be sent alone.
const ESSENTIALS: Section = Section {
    legend: "form-essentials",
    fields: &[
        Field(
            "reporter.relation",
            Widget::Select(Relation::codes, "choice-relation-"),
        ),
        Field("location.country", Widget::Country),
        Field("location.city", SHORT),
        Field("location.compound", SHORT),
        Field(
            "indicators",
            Widget::Checks(Indicator::codes, "choice-indicator-"),
        ),
        Field("narrative", Widget::Area),
        Field("reporter.contact", Widget::Area),
        Field("reporter.no_contact", Widget::Check),
    ],
};

const CONSENTS: Section = Section {
    legend: "form-consents",
    fields: &[
        Field("consent.partner_ngos", Widget::Check),
        Field("consent.consulate", Widget::Check),
        Field("consent.police", Widget::Check),
    ],
};

/// Everything else, in collapsible sections.
const DETAILS: &[Section] = &[
    Section {
        legend: "section-person",
        fields: &[
            Field("person.name", SHORT),
            Field("person.age", Widget::Number),
            Field(
                "person.age_range",
                Widget::Select(AgeRange::codes, "choice-age_range-"),
            ),
            Field(
                "person.gender",
                Widget::Select(Gender::codes, "choice-gender-"),
            ),
            Field("person.nationality", Widget::Country),
            Field("person.languages", SHORT),
            Field("person.mobile_phone", SHORT),
            Field("person.handles", Widget::Text(1000)),
            Field("person.others_count", Widget::Number),
            Field("last_contact", SHORT),
        ],
    },
    Section {
        legend: "section-place",
        fields: &[
            Field("location.state", SHORT),
            Field("location.street", Widget::Text(400)),
            Field("location.landmarks", Widget::Area),
            Field("location.visible", Widget::Area),
            Field("location.latitude", Widget::Decimal),
            Field("location.longitude", Widget::Decimal),
            Field("location.promised_location", SHORT),
            Field("location.arrived_on", SHORT),
        ],
    },
    Section {
        legend: "section-documents",
        fields: &[
            Field(
                "documents.0.type",
                Widget::Select(DocumentType::codes, "choice-document-"),
            ),
            Field("documents.0.number", SHORT),
            Field("documents.0.issuing_country", Widget::Country),
            Field("documents.0.holder", SHORT),
            Field(
                "documents.1.type",
                Widget::Select(DocumentType::codes, "choice-document-"),
            ),
            Field("documents.1.number", SHORT),
            Field("documents.1.issuing_country", Widget::Country),
            Field("documents.1.holder", SHORT),
        ],
    },
    Section {
        legend: "section-recruitment",
        fields: &[
            Field(
                "recruitment.method",
                Widget::Select(RecruitmentMethod::codes, "choice-recruitment-"),
            ),
            Field("recruitment.websites_and_apps", SHORT),
            Field("recruitment.recruiter", Widget::Text(400)),
            Field("recruitment.agency", SHORT),
            Field("recruitment.job_promised", SHORT),
            Field("recruitment.salary_promised", SHORT),
            Field("recruitment.departure_date", SHORT),
            Field("recruitment.route", Widget::Area),
        ],
    },
    Section {
        legend: "section-wants",
        fields: &[Field("wants", Widget::Checks(Want::codes, "choice-want-"))],
    },
];

/// What the reporter may add from the follow-up page: a message, and where the person is now
/// or who holds them, by the report's own field rules.
const ADDITION: Section = Section {
    legend: "followup-more",
    fields: &[
        Field("location.country", Widget::Country),
        Field("location.city", SHORT),
        Field("location.compound", SHORT),
        Field("location.landmarks", Widget::Area),
        Field("location.latitude", Widget::Decimal),
        Field("location.longitude", Widget::Decimal),
        Field("person.mobile_phone", SHORT),
        Field("person.handles", Widget::Text(1000)),
        Field("recruitment.recruiter", Widget::Text(400)),
        Field("documents.0.holder", SHORT),
    ],
};

const CONTACT: Section = Section {
    legend: "followup-contact",
    fields: &[
        Field("reporter.contact", Widget::Area),
        Field("reporter.no_contact", Widget::Check),
    ],
};

/// Form fields that hold several values (checkbox groups).
const MULTI: &[&str] = &["indicators", "wants"];
/// Form fields that are not part of the report: `csrf` and `filing` are the workspace's
/// session token and the hotline form's single-use token (`web::shared::once`).
const PAGE_FIELDS: &[&str] = &[
    "lang",
    "as",
    "visit",
    "use_location",
    "csrf",
    "filing",
    HONEYPOT,
];

/// A field people never see and leave empty; what fills it in is a machine.
pub const HONEYPOT: &str = "website";

/// A posted form: the raw answers (to render again) and the report input built from them.
pub struct Posted {
    pub answers: HashMap<String, Vec<String>>,
    pub input: Result<ReportInput, FieldErrors>,
}

/// Decodes `application/x-www-form-urlencoded` into the JSON shape of `ReportInput`, so both ways
/// in share one parser: `a.b` nests, `documents.N.x` indexes, checkbox groups become lists.
pub fn decode(body: &[u8]) -> Posted {
    let mut answers: HashMap<String, Vec<String>> = HashMap::new();
    for (name, value) in form_urlencoded::parse(body) {
        answers
            .entry(name.into_owned())
            .or_default()
            .push(value.into_owned());
    }
    let mut root = Map::new();
    let mut errors = FieldErrors::default();
    for (name, values) in &answers {
        if PAGE_FIELDS.contains(&name.as_str()) {
            continue;
        }
        if MULTI.contains(&name.as_str()) {
            root.insert(
                name.clone(),
                Value::Array(values.iter().cloned().map(Value::String).collect()),
            );
            continue;
        }
        let value = values.first().cloned().unwrap_or_default();
        if !insert(&mut root, name, value) {
            errors.push(name.clone(), "unknown_field");
        }
    }
    if let Some(Value::Object(docs)) = root.remove("documents") {
        let mut indexed: Vec<(usize, Value)> = Vec::new();
        for (index, doc) in docs {
            match index.parse::<usize>() {
                Ok(i) if i < crate::domain::report::MAX_DOCUMENTS => indexed.push((i, doc)),
                _ => errors.push(format!("documents.{index}"), "unknown_field"),
            }
        }
        indexed.sort_by_key(|(i, _)| *i);
        root.insert(
            "documents".into(),
            Value::Array(indexed.into_iter().map(|(_, d)| d).collect()),
        );
    }
    let input = if errors.is_empty() {
        crate::web::shared::json::input_from_value(Value::Object(root))
    } else {
        Err(errors)
    };
    Posted { answers, input }
}

/// Puts `value` at the dotted `path`; false where the path clashes with another field.
fn insert(root: &mut Map<String, Value>, path: &str, value: String) -> bool {
    let mut parts = path.split('.').peekable();
    let mut node = root;
    while let Some(part) = parts.next() {
        if part.is_empty() || part.len() > 40 {
            return false;
        }
        if parts.peek().is_none() {
            node.insert(part.to_owned(), Value::String(value));
            return true;
        }
        let next = node
            .entry(part.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        match next {
            Value::Object(map) => node = map,
            _ => return false,
        }
    }
    false
}

/// One option of a select or checkbox group.
pub struct OptionView {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// One field, ready to render.
pub struct FieldView {
    pub name: &'static str,
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub kind: &'static str,
    pub value: String,
    pub checked: bool,
    pub maxlength: usize,
    pub options: Vec<OptionView>,
    pub error: Option<String>,
}

pub struct SectionView {
    pub legend: String,
    pub fields: Vec<FieldView>,
    pub has_errors: bool,
}

/// The whole form, ready to render.
pub struct FormView {
    pub essentials: SectionView,
    pub consents: SectionView,
    pub details: Vec<SectionView>,
    pub error_count: usize,
}

fn label_key(name: &str) -> String {
    let parts: Vec<&str> = name
        .split('.')
        .filter(|p| p.parse::<usize>().is_err())
        .collect();
    format!("field-{}", parts.join("-"))
}

impl FormView {
    pub fn build(
        tr: &Tr,
        answers: &HashMap<String, Vec<String>>,
        errors: &FieldErrors,
    ) -> FormView {
        let section = |s: &Section| SectionView::of(tr, s, answers, errors);
        FormView {
            essentials: section(&ESSENTIALS),
            consents: section(&CONSENTS),
            details: DETAILS.iter().map(section).collect(),
            error_count: errors.0.len(),
        }
    }
}

impl SectionView {
    /// The follow-up page's "more details" part of an addition.
    pub fn addition(tr: &Tr, answers: &HashMap<String, Vec<String>>, errors: &FieldErrors) -> Self {
        SectionView::of(tr, &ADDITION, answers, errors)
    }

    /// The follow-up page's way to be reached.
    pub fn contact(tr: &Tr, answers: &HashMap<String, Vec<String>>, errors: &FieldErrors) -> Self {
        SectionView::of(tr, &CONTACT, answers, errors)
    }

    fn of(
        tr: &Tr,
        s: &Section,
        answers: &HashMap<String, Vec<String>>,
        errors: &FieldErrors,
    ) -> SectionView {
        let fields: Vec<FieldView> = s
            .fields
            .iter()
            .map(|f| field(tr, f, answers, errors))
            .collect();
        SectionView {
            legend: tr.t(s.legend),
            has_errors: fields.iter().any(|f| f.error.is_some()),
            fields,
        }
    }
}

/// Every ISO 3166 country: the listed ones first, then the rest by name in the visitor's
/// language (by code point: no collation tables are shipped). The catalogs are fixed for the
/// process, so each language's order is worked out once, not for every list of every form.
fn countries(tr: &Tr) -> Vec<&'static str> {
    static ORDER: std::sync::OnceLock<HashMap<&'static str, Vec<&'static str>>> =
        std::sync::OnceLock::new();
    let order = ORDER.get_or_init(|| {
        tr.catalogs
            .languages()
            .map(|lang| {
                let mut rest: Vec<(String, &'static str)> = crate::domain::country::assigned()
                    .filter(|code| !LISTED_COUNTRIES.contains(code))
                    .map(|code| {
                        (
                            tr.catalogs.text(lang, &format!("country-{code}"), None),
                            code,
                        )
                    })
                    .collect();
                rest.sort();
                let all = LISTED_COUNTRIES
                    .iter()
                    .copied()
                    .chain(rest.into_iter().map(|(_, code)| code))
                    .collect();
                (lang, all)
            })
            .collect()
    });
    order.get(tr.lang).cloned().unwrap_or_default()
}

fn field(
    tr: &Tr,
    f: &Field,
    answers: &HashMap<String, Vec<String>>,
    errors: &FieldErrors,
) -> FieldView {
    let Field(name, widget) = *f;
    let given: &[String] = answers.get(name).map_or(&[], Vec::as_slice);
    let value = given.first().cloned().unwrap_or_default();
    let key = label_key(name);
    let hint_key = format!("{key}-hint");
    let hint = tr.catalogs.has(tr.lang, &hint_key).then(|| tr.t(&hint_key));
    let options = |codes: Vec<&'static str>, prefix: &str| -> Vec<OptionView> {
        codes
            .into_iter()
            .map(|code| OptionView {
                value: code,
                label: tr.t(&format!("{prefix}{code}")),
                selected: given.iter().any(|g| g == code),
            })
            .collect()
    };
    let (kind, maxlength, options) = match widget {
        Widget::Text(max) => ("text", max, Vec::new()),
        Widget::Area => ("area", crate::domain::text::LONG, Vec::new()),
        Widget::Number => ("number", 12, Vec::new()),
        Widget::Decimal => ("decimal", 24, Vec::new()),
        Widget::Select(codes, prefix) => ("select", 0, options(codes(), prefix)),
        Widget::Country => ("select", 0, options(countries(tr), "country-")),
        Widget::Checks(codes, prefix) => ("checks", 0, options(codes(), prefix)),
        Widget::Check => ("check", 0, Vec::new()),
    };
    let error = errors
        .0
        .iter()
        .find(|e| e.field == name || (name.starts_with("documents") && e.field.starts_with(name)))
        .map(|e| tr.error(e.code));
    FieldView {
        name,
        id: name.replace('.', "-"),
        label: tr.t(&key),
        hint,
        kind,
        checked: matches!(value.as_str(), "on" | "true" | "1" | "yes"),
        value,
        maxlength,
        options,
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posted_form_becomes_report_input() {
        let posted = decode(
            b"location.country=KH&location.compound=Golden+Fortune&indicators=violence&indicators=minor\
              &documents.0.type=passport&documents.0.holder=boss&consent.police=on&lang=en",
        );
        let Ok(input) = posted.input else {
            panic!("decoding failed");
        };
        assert_eq!(input.location.country.as_deref(), Some("KH"));
        assert_eq!(
            input.indicators,
            vec!["violence".to_owned(), "minor".to_owned()]
        );
        assert_eq!(input.documents.len(), 1);
        assert!(input.consent.police && !input.consent.consulate);
    }

    #[test]
    fn clashing_or_unknown_names_are_named() {
        let posted = decode(b"person=x&person.name=y");
        assert!(posted.input.is_err());
        let posted = decode(b"documents.99.type=passport");
        assert!(posted.input.is_err());
    }
}
