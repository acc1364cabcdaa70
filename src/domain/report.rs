//! A report as a person submits it (`ReportInput`, the same shape for the form and the JSON API)
//! and as the rest of Homeward sees it (`Report`, only reachable through `Report::parse`).
//! Field names follow the UN Human Trafficking Case Data Standard where it has one (docs/htcds.md).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::choice::choices;
use super::projection::Projection;
use super::text::{Text, LONG, SHORT};
use super::{CountryCode, FieldErrors};

/// The consents travel with the report; the rule they decide is the policy's.
pub use super::policy::Consents;

choices!(
    /// Who is reporting, in relation to the person in danger.
    Relation { Myself => "self", Family => "family", Friend => "friend", Colleague => "colleague", Other => "other" }
);
choices!(
    /// HTCDS prs_Gender.
    Gender { Female => "Female", Male => "Male", NonConforming => "TransgenderNonConforming", Unknown => "Unknown" }
);
choices!(AgeRange { Under18 => "under_18", From18To25 => "18_25", From26To35 => "26_35", From36To50 => "36_50", Over50 => "over_50" });
choices!(DocumentType { Passport => "passport", NationalId => "national_id", Visa => "visa", WorkPermit => "work_permit", Phone => "phone", Other => "other" });
choices!(
    /// HTCDS vic_MethodOfRecruitment, narrowed to how people reach the compounds.
    RecruitmentMethod { JobOffer => "job_offer", SocialMedia => "social_media", Friend => "friend", Agency => "agency", Other => "other" }
);
choices!(
    /// What is happening to the person: the triage indicators (HTCDS vic_MethodsOfControl and more).
    Indicator {
        Violence => "violence", Threats => "threats", CannotLeave => "cannot_leave",
        ForcedScam => "forced_scam", RansomDebt => "ransom_debt", MedicalEmergency => "medical_emergency",
        Minor => "minor", SexualExploitation => "sexual_exploitation", DocumentsTaken => "documents_taken",
        ImminentTransfer => "imminent_transfer", Deprivation => "deprivation", SelfHarm => "self_harm",
    }
);
choices!(Want { Rescue => "rescue", Shelter => "shelter", NewDocuments => "new_documents", GoHome => "go_home", LegalHelp => "legal_help" });

/// How many documents one report may list.
pub const MAX_DOCUMENTS: usize = 10;

/// The report as submitted. Every field is optional; numbers may come as JSON numbers or as the
/// form's strings, booleans as JSON booleans or a ticked checkbox.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReportInput {
    pub reporter: ReporterInput,
    pub person: PersonInput,
    pub location: LocationInput,
    #[schema(max_items = 10)]
    pub documents: Vec<DocumentInput>,
    pub recruitment: RecruitmentInput,
    /// Indicator codes: violence, threats, cannot_leave, forced_scam, ransom_debt,
    /// medical_emergency, minor, sexual_exploitation, documents_taken, imminent_transfer,
    /// deprivation, self_harm.
    pub indicators: Vec<String>,
    /// What the person wants: rescue, shelter, new_documents, go_home, legal_help.
    pub wants: Vec<String>,
    /// What happened, in the reporter's own words.
    pub narrative: Option<String>,
    /// When the reporter was last in contact with the person (relatives).
    pub last_contact: Option<String>,
    pub consent: ConsentInput,
    /// The language the reporter used (BCP 47), e.g. `en`, `zh-Hans`.
    pub language: Option<String>,
    /// API only: complete uploads (POST /api/v1/uploads) to attach to the report.
    #[serde(skip_serializing)]
    pub attachments: Vec<StagedFile>,
}

/// A reference to a complete upload; the token is a secret.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StagedFile {
    /// The upload's id.
    pub upload: String,
    /// The token the upload was created with.
    #[schema(value_type = String)]
    pub token: secrecy::SecretString,
    /// Use the position the file stores (a photo's GPS) as a location hint.
    #[serde(default)]
    pub use_location: bool,
}

impl std::fmt::Debug for StagedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StagedFile")
            .field("upload", &self.upload)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReporterInput {
    /// self, family, friend, colleague, other.
    pub relation: Option<String>,
    /// How to reach the reporter safely.
    pub contact: Option<String>,
    /// "Do not contact me, I will check back."
    #[serde(deserialize_with = "lenient::flag")]
    #[schema(value_type = bool)]
    pub no_contact: bool,
}

#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PersonInput {
    /// Name or alias.
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<u8>)]
    pub age: Option<String>,
    pub age_range: Option<String>,
    pub gender: Option<String>,
    /// ISO 3166-1 alpha-2 (HTCDS prs_Nationality).
    pub nationality: Option<String>,
    pub languages: Option<String>,
    /// HTCDS prs_MobilePhone.
    pub mobile_phone: Option<String>,
    /// Messaging handles (Telegram, WhatsApp, WeChat, ...).
    pub handles: Option<String>,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<u32>)]
    pub others_count: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LocationInput {
    /// ISO 3166-1 alpha-2 of where the person is now (HTCDS hte_Country, type Exploitation).
    pub country: Option<String>,
    pub state: Option<String>,
    pub city: Option<String>,
    /// Compound or company name.
    pub compound: Option<String>,
    pub street: Option<String>,
    pub landmarks: Option<String>,
    /// What the person can see from where they are.
    pub visible: Option<String>,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<f64>)]
    pub latitude: Option<String>,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<f64>)]
    pub longitude: Option<String>,
    /// Where they were told they would work.
    pub promised_location: Option<String>,
    pub arrived_on: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DocumentInput {
    /// passport, national_id, visa, work_permit, phone, other.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub number: Option<String>,
    pub issuing_country: Option<String>,
    /// Who holds it now.
    pub holder: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RecruitmentInput {
    /// job_offer, social_media, friend, agency, other.
    pub method: Option<String>,
    /// HTCDS vic_RecruitmentWebsitesAndApps, as text.
    pub websites_and_apps: Option<String>,
    pub recruiter: Option<String>,
    pub agency: Option<String>,
    pub job_promised: Option<String>,
    pub salary_promised: Option<String>,
    pub departure_date: Option<String>,
    pub route: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ConsentInput {
    #[serde(deserialize_with = "lenient::flag")]
    #[schema(value_type = bool)]
    pub partner_ngos: bool,
    #[serde(deserialize_with = "lenient::flag")]
    #[schema(value_type = bool)]
    pub consulate: bool,
    #[serde(deserialize_with = "lenient::flag")]
    #[schema(value_type = bool)]
    pub police: bool,
}

/// The projection's fields as typed: by a responder issuing a new version, or on a device that
/// seals the projection item itself. The same names and rules as a report's.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProjectionInput {
    pub person: PersonInput,
    pub documents: Vec<DocumentInput>,
    pub location: LocationInput,
    pub wants: Vec<String>,
    /// Ignored: the server numbers versions.
    #[serde(skip_serializing)]
    pub version: Option<serde_json::Value>,
}

impl ProjectionInput {
    /// The projection of a report as typed, for a device to seal beside it: the fields of
    /// `domain::projection`, copied one by one (the inputs deliberately have no Clone, since a
    /// report's may hold tokens). Taken apart with no `..`, like the projection itself, so a field
    /// added to an input stops the build here instead of reaching a consulate unasked: a device
    /// seals what the server cannot filter afterwards, so what stays out is left out here. Never
    /// fails; the `Result` is kept for the callers written against the JSON copy it replaced.
    pub fn of(input: &ReportInput) -> Result<ProjectionInput, serde_json::Error> {
        let PersonInput {
            name,
            age,
            age_range,
            nationality,
            // Not the projection's (see `domain::projection`): contact details and the rest.
            gender: _,
            languages: _,
            mobile_phone: _,
            handles: _,
            others_count: _,
        } = &input.person;
        let person = PersonInput {
            name: name.clone(),
            age: age.clone(),
            age_range: age_range.clone(),
            nationality: nationality.clone(),
            ..PersonInput::default()
        };
        let documents = input
            .documents
            .iter()
            .map(|document| {
                let DocumentInput {
                    kind,
                    number,
                    issuing_country,
                    holder,
                } = document;
                DocumentInput {
                    kind: kind.clone(),
                    number: number.clone(),
                    issuing_country: issuing_country.clone(),
                    holder: holder.clone(),
                }
            })
            .collect();
        let LocationInput {
            country,
            state,
            city,
            compound,
            street,
            landmarks,
            visible,
            latitude,
            longitude,
            promised_location: _,
            arrived_on: _,
        } = &input.location;
        let location = LocationInput {
            country: country.clone(),
            state: state.clone(),
            city: city.clone(),
            compound: compound.clone(),
            street: street.clone(),
            landmarks: landmarks.clone(),
            visible: visible.clone(),
            latitude: latitude.clone(),
            longitude: longitude.clone(),
            ..LocationInput::default()
        };
        Ok(ProjectionInput {
            person,
            documents,
            location,
            wants: input.wants.clone(),
            version: None,
        })
    }

    /// A report holding only these fields, to parse by the report's rules.
    pub fn into_report(self) -> ReportInput {
        ReportInput {
            person: self.person,
            documents: self.documents,
            location: self.location,
            wants: self.wants,
            ..ReportInput::default()
        }
    }
}

/// A validated report. Serialised, it is the plaintext of the report item.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub reporter: Reporter,
    pub person: Person,
    pub location: Location,
    pub documents: Vec<Document>,
    pub recruitment: Recruitment,
    pub indicators: BTreeSet<Indicator>,
    pub wants: BTreeSet<Want>,
    pub narrative: Option<Text>,
    pub last_contact: Option<Text>,
    pub consents: Consents,
    pub language: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reporter {
    pub relation: Relation,
    pub contact: Option<Text>,
    pub no_contact: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Person {
    pub name: Option<Text>,
    pub age: Option<u8>,
    pub age_range: Option<AgeRange>,
    pub gender: Option<Gender>,
    pub nationality: Option<CountryCode>,
    pub languages: Option<Text>,
    pub mobile_phone: Option<Text>,
    pub handles: Option<Text>,
    pub others_count: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Coordinates {
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Location {
    pub country: Option<CountryCode>,
    pub state: Option<Text>,
    pub city: Option<Text>,
    pub compound: Option<Text>,
    pub street: Option<Text>,
    pub landmarks: Option<Text>,
    pub visible: Option<Text>,
    pub coordinates: Option<Coordinates>,
    pub promised_location: Option<Text>,
    pub arrived_on: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub kind: Option<DocumentType>,
    pub number: Option<Text>,
    pub issuing_country: Option<CountryCode>,
    pub holder: Option<Text>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Recruitment {
    pub method: Option<RecruitmentMethod>,
    pub websites_and_apps: Option<Text>,
    pub recruiter: Option<Text>,
    pub agency: Option<Text>,
    pub job_promised: Option<Text>,
    pub salary_promised: Option<Text>,
    pub departure_date: Option<Text>,
    pub route: Option<Text>,
}

impl Report {
    /// Parses a submission, naming every field that is wrong.
    pub fn parse(input: ReportInput) -> Result<Report, FieldErrors> {
        let (report, mut errors) = Report::parse_fields(input);
        if report.too_thin() && errors.is_empty() {
            errors.push("narrative", "too_thin");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(report)
    }

    /// Too thin for a responder to act on: no account of what happened, no hint of where the
    /// person is, and no way to reach the reporter or the person.
    pub fn too_thin(&self) -> bool {
        let l = &self.location;
        let account =
            self.narrative.is_some() || self.last_contact.is_some() || !self.indicators.is_empty();
        let whereabouts = l.country.is_some()
            || l.state.is_some()
            || l.city.is_some()
            || l.compound.is_some()
            || l.street.is_some()
            || l.landmarks.is_some()
            || l.visible.is_some()
            || l.coordinates.is_some();
        let reach = self.reporter.contact.is_some()
            || self.person.mobile_phone.is_some()
            || self.person.handles.is_some();
        !(account || whereabouts || reach)
    }

    /// Every field by the rules of a report, with the errors found; nothing is required.
    pub(crate) fn parse_fields(input: ReportInput) -> (Report, FieldErrors) {
        let mut errors = FieldErrors::default();
        let e = &mut errors;

        let reporter = Reporter {
            relation: opt(
                e,
                "reporter.relation",
                &input.reporter.relation,
                Relation::parse,
            )
            .unwrap_or(Relation::Myself),
            contact: text(e, "reporter.contact", &input.reporter.contact, LONG),
            no_contact: input.reporter.no_contact,
        };

        let p = &input.person;
        let person = Person {
            name: text(e, "person.name", &p.name, SHORT),
            age: opt(e, "person.age", &p.age, |s| number(s, 0..=120)),
            age_range: opt(e, "person.age_range", &p.age_range, AgeRange::parse),
            gender: opt(e, "person.gender", &p.gender, Gender::parse),
            nationality: opt(e, "person.nationality", &p.nationality, CountryCode::parse),
            languages: text(e, "person.languages", &p.languages, SHORT),
            mobile_phone: text(e, "person.mobile_phone", &p.mobile_phone, SHORT),
            handles: text(e, "person.handles", &p.handles, SHORT * 5),
            others_count: opt(e, "person.others_count", &p.others_count, |s| {
                number(s, 0..=1_000_000)
            }),
        };

        let l = &input.location;
        let location = Location {
            country: opt(e, "location.country", &l.country, CountryCode::parse),
            state: text(e, "location.state", &l.state, SHORT),
            city: text(e, "location.city", &l.city, SHORT),
            compound: text(e, "location.compound", &l.compound, SHORT),
            street: text(e, "location.street", &l.street, SHORT * 2),
            landmarks: text(e, "location.landmarks", &l.landmarks, LONG),
            visible: text(e, "location.visible", &l.visible, LONG),
            coordinates: coordinates(e, &l.latitude, &l.longitude),
            promised_location: text(e, "location.promised_location", &l.promised_location, SHORT),
            arrived_on: text(e, "location.arrived_on", &l.arrived_on, SHORT),
        };

        if input.documents.len() > MAX_DOCUMENTS {
            e.push("documents", "too_many");
        }
        let documents = input
            .documents
            .iter()
            .take(MAX_DOCUMENTS)
            .enumerate()
            .map(|(i, d)| Document {
                kind: opt(
                    e,
                    &format!("documents.{i}.type"),
                    &d.kind,
                    DocumentType::parse,
                ),
                number: text(e, &format!("documents.{i}.number"), &d.number, SHORT),
                issuing_country: opt(
                    e,
                    &format!("documents.{i}.issuing_country"),
                    &d.issuing_country,
                    CountryCode::parse,
                ),
                holder: text(e, &format!("documents.{i}.holder"), &d.holder, SHORT),
            })
            .filter(|d| {
                d.kind.is_some()
                    || d.number.is_some()
                    || d.issuing_country.is_some()
                    || d.holder.is_some()
            })
            .collect();

        let r = &input.recruitment;
        let recruitment = Recruitment {
            method: opt(e, "recruitment.method", &r.method, RecruitmentMethod::parse),
            websites_and_apps: text(
                e,
                "recruitment.websites_and_apps",
                &r.websites_and_apps,
                SHORT,
            ),
            recruiter: text(e, "recruitment.recruiter", &r.recruiter, SHORT * 2),
            agency: text(e, "recruitment.agency", &r.agency, SHORT),
            job_promised: text(e, "recruitment.job_promised", &r.job_promised, SHORT),
            salary_promised: text(e, "recruitment.salary_promised", &r.salary_promised, SHORT),
            departure_date: text(e, "recruitment.departure_date", &r.departure_date, SHORT),
            route: text(e, "recruitment.route", &r.route, LONG),
        };

        let indicators = set(
            e,
            "indicators",
            &input.indicators,
            Indicator::parse,
            Indicator::ALL.len(),
        );
        let wants = set(e, "wants", &input.wants, Want::parse, Want::ALL.len());
        let narrative = text(e, "narrative", &input.narrative, LONG);
        let last_contact = text(e, "last_contact", &input.last_contact, SHORT);
        let language = opt(e, "language", &input.language, language_tag);

        let report = Report {
            reporter,
            person,
            location,
            documents,
            recruitment,
            indicators,
            wants,
            narrative,
            last_contact,
            consents: Consents {
                partner_ngos: input.consent.partner_ngos,
                consulate: input.consent.consulate,
                police: input.consent.police,
            },
            language,
        };
        (report, errors)
    }

    /// What a consulate or the police may see of it (see `domain::projection`).
    pub fn projection(&self) -> Projection {
        Projection::of(self)
    }
}

fn text(e: &mut FieldErrors, field: &str, raw: &Option<String>, max: usize) -> Option<Text> {
    let raw = raw.as_deref()?;
    e.take(field, Text::parse(raw, max)).flatten()
}

fn opt<T>(
    e: &mut FieldErrors,
    field: &str,
    raw: &Option<String>,
    parse: impl FnOnce(&str) -> Result<T, &'static str>,
) -> Option<T> {
    let raw = raw.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    e.take(field, parse(raw))
}

fn set<T: Ord>(
    e: &mut FieldErrors,
    field: &str,
    raw: &[String],
    parse: impl Fn(&str) -> Result<T, &'static str>,
    max: usize,
) -> BTreeSet<T> {
    if raw.len() > max * 2 {
        e.push(field, "too_many");
        return BTreeSet::new();
    }
    let mut out = BTreeSet::new();
    for value in raw.iter().filter(|v| !v.trim().is_empty()) {
        match parse(value) {
            Ok(v) => {
                out.insert(v);
            }
            Err(code) => {
                e.push(field, code);
                break;
            }
        }
    }
    out
}

fn number<T: std::str::FromStr + PartialOrd>(
    raw: &str,
    range: std::ops::RangeInclusive<T>,
) -> Result<T, &'static str> {
    let n: T = raw.parse().map_err(|_| "not_a_number")?;
    if range.contains(&n) {
        Ok(n)
    } else {
        Err("out_of_range")
    }
}

fn coordinate(raw: &str, limit: f64) -> Result<f64, &'static str> {
    let value: f64 = raw.trim().parse().map_err(|_| "not_a_number")?;
    if value.is_finite() && (-limit..=limit).contains(&value) {
        Ok(value)
    } else {
        Err("out_of_range")
    }
}

fn coordinates(
    e: &mut FieldErrors,
    lat: &Option<String>,
    lon: &Option<String>,
) -> Option<Coordinates> {
    let present = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    match (present(lat), present(lon)) {
        (false, false) => None,
        (true, false) => {
            e.push("location.longitude", "coordinates_incomplete");
            None
        }
        (false, true) => {
            e.push("location.latitude", "coordinates_incomplete");
            None
        }
        (true, true) => {
            let latitude = opt(e, "location.latitude", lat, |s| coordinate(s, 90.0));
            let longitude = opt(e, "location.longitude", lon, |s| coordinate(s, 180.0));
            Some(Coordinates {
                latitude: latitude?,
                longitude: longitude?,
            })
        }
    }
}

/// A BCP 47 tag of the simple kind the pages use: `en`, `zh-Hans`, `pt-BR`.
fn language_tag(raw: &str) -> Result<String, &'static str> {
    let mut parts = raw.split('-');
    let primary = parts.next().unwrap_or_default();
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok =
        parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if primary_ok && rest_ok && raw.len() <= 35 {
        Ok(raw.to_owned())
    } else {
        Err("invalid_language")
    }
}

/// Deserialisers that take what both a form (strings, "on") and JSON (numbers, booleans) send.
mod lenient {
    use serde::{de, Deserialize, Deserializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scalar {
        Text(String),
        Int(i64),
        Float(f64),
        Bool(bool),
    }

    pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(match Option::<Scalar>::deserialize(d)? {
            None => None,
            Some(Scalar::Text(s)) => Some(s),
            Some(Scalar::Int(n)) => Some(n.to_string()),
            Some(Scalar::Float(f)) => Some(f.to_string()),
            Some(Scalar::Bool(_)) => {
                return Err(de::Error::custom("expected a number or a string"))
            }
        })
    }

    pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        match Option::<Scalar>::deserialize(d)? {
            None => Ok(false),
            Some(Scalar::Bool(b)) => Ok(b),
            Some(Scalar::Text(s)) => match s.as_str() {
                "on" | "true" | "yes" | "1" => Ok(true),
                "" | "off" | "false" | "no" | "0" => Ok(false),
                _ => Err(de::Error::custom("expected a boolean")),
            },
            Some(_) => Err(de::Error::custom("expected a boolean")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(json: serde_json::Value) -> ReportInput {
        serde_json::from_value(json).unwrap_or_default()
    }

    #[test]
    fn a_minimal_report_parses() {
        let report = Report::parse(input(serde_json::json!({
            "location": {"country": "MM", "compound": "KK Park"},
            "indicators": ["violence", "cannot_leave"],
            "consent": {"consulate": "on"}
        })));
        let report = report.map_err(|e| format!("{e:?}"));
        assert!(report.is_ok(), "{report:?}");
        if let Ok(r) = report {
            assert_eq!(r.indicators.len(), 2);
            assert!(r.consents.consulate && !r.consents.police && !r.consents.partner_ngos);
        }
    }

    #[test]
    fn every_bad_field_is_named() {
        let errors = Report::parse(input(serde_json::json!({
            "person": {"age": "abc", "nationality": "XX"},
            "location": {"latitude": 91, "longitude": "10"},
            "indicators": ["nope"],
            "documents": [{"type": "passport", "issuing_country": "ZZ"}]
        })))
        .err()
        .map(|e| {
            e.0.into_iter()
                .map(|f| (f.field, f.code))
                .collect::<Vec<_>>()
        });
        assert_eq!(
            errors,
            Some(vec![
                ("person.age".into(), "not_a_number"),
                ("person.nationality".into(), "unknown_country"),
                ("location.latitude".into(), "out_of_range"),
                ("documents.0.issuing_country".into(), "unknown_country"),
                ("indicators".into(), "unknown_choice"),
            ])
        );
    }

    #[test]
    fn an_empty_report_is_refused() {
        let errors = Report::parse(ReportInput::default()).err().map(|e| e.0);
        assert_eq!(errors.map(|e| e[0].code), Some("too_thin"));
    }

    #[test]
    fn a_name_alone_is_too_thin_but_any_one_leg_is_enough() {
        let thin = Report::parse(input(serde_json::json!({"person": {"name": "Dara"}})));
        assert_eq!(thin.err().map(|e| e.0[0].code), Some("too_thin"));
        for enough in [
            serde_json::json!({"location": {"landmarks": "blue gate by the river"}}),
            serde_json::json!({"reporter": {"contact": "signal +855 12 345 678"}}),
            serde_json::json!({"last_contact": "a voice note on Monday"}),
        ] {
            assert!(Report::parse(input(enough.clone())).is_ok(), "{enough}");
        }
    }

    #[test]
    fn half_coordinates_are_refused() {
        let errors = Report::parse(input(serde_json::json!({
            "narrative": "x", "location": {"latitude": "16.7"}
        })))
        .err()
        .map(|e| e.0[0].field.clone());
        assert_eq!(errors.as_deref(), Some("location.longitude"));
    }
}
