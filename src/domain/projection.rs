//! The projection: what a consulate or the police may see of a report — the person's name or
//! alias, age and nationality, their documents, where they are and what they want. Never the
//! narrative, the indicators, the recruiter or the reporter; never how to reach the person or the
//! reporter (a phone number or a messaging handle leads to the phone a compound may watch, and the
//! police of some countries are the compound's friends). The reporter form's consents say "their
//! name, documents and location" and offer no consent to pass contact details, so contact
//! details go to no consulate either; a consent that says so would have to come first.
//!
//! It is its own type, an explicit list of fields, so that a field added to a report's person,
//! location or documents reaches no consulate and no police until someone adds it here too. Its
//! JSON is the plaintext of every projection item sealed since (at intake, by a responder's new
//! version, and read back from a device's); a key kept must keep its name, or old items no
//! longer read the same. Items sealed before the list was narrowed still hold what they held;
//! a referral passes none of them to a consulate or the police (`holds_only_the_list`).

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use super::report::{
    AgeRange, Coordinates, Document, DocumentType, Location, Person, Report, Want,
};
use super::text::Text;
use super::CountryCode;

/// The projection of a report. Serialised, it is the projection item's plaintext (a responder's
/// version adds its number, author and time beside these keys).
#[derive(Debug, Clone, Serialize)]
pub struct Projection {
    pub person: ProjectedPerson,
    pub documents: Vec<ProjectedDocument>,
    pub location: ProjectedLocation,
    pub wants: BTreeSet<Want>,
}

/// Who the person is: enough for a consulate to find its national, nothing to reach them by.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectedPerson {
    pub name: Option<Text>,
    pub age: Option<u8>,
    pub age_range: Option<AgeRange>,
    pub nationality: Option<CountryCode>,
}

/// A document of theirs, and who holds it now.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectedDocument {
    pub kind: Option<DocumentType>,
    pub number: Option<Text>,
    pub issuing_country: Option<CountryCode>,
    pub holder: Option<Text>,
}

/// Where they are.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectedLocation {
    pub country: Option<CountryCode>,
    pub state: Option<Text>,
    pub city: Option<Text>,
    pub compound: Option<Text>,
    pub street: Option<Text>,
    pub landmarks: Option<Text>,
    pub visible: Option<Text>,
    pub coordinates: Option<Coordinates>,
}

// The parts are taken apart field by field, with no `..`: a field added to the person, a
// document or the location stops the build here, so whoever adds it decides, in this file,
// whether a consulate or the police may see it (`field: _` to keep it out).

impl ProjectedPerson {
    fn of(person: &Person) -> ProjectedPerson {
        let Person {
            name,
            age,
            age_range,
            nationality,
            // Not on the list: the consents the form offers name the person, their documents and
            // where they are, nothing more.
            gender: _,
            languages: _,
            others_count: _,
            // How to reach the person: never to the police, and to a consulate only with a
            // consent that says so, which the form does not offer.
            mobile_phone: _,
            handles: _,
        } = person;
        ProjectedPerson {
            name: name.clone(),
            age: *age,
            age_range: *age_range,
            nationality: *nationality,
        }
    }
}

impl ProjectedDocument {
    fn of(document: &Document) -> ProjectedDocument {
        let Document {
            kind,
            number,
            issuing_country,
            holder,
        } = document;
        ProjectedDocument {
            kind: *kind,
            number: number.clone(),
            issuing_country: *issuing_country,
            holder: holder.clone(),
        }
    }
}

impl ProjectedLocation {
    fn of(location: &Location) -> ProjectedLocation {
        let Location {
            country,
            state,
            city,
            compound,
            street,
            landmarks,
            visible,
            coordinates,
            // How they came to be there is the NGOs' to know, not where they are.
            promised_location: _,
            arrived_on: _,
        } = location;
        ProjectedLocation {
            country: *country,
            state: state.clone(),
            city: city.clone(),
            compound: compound.clone(),
            street: street.clone(),
            landmarks: landmarks.clone(),
            visible: visible.clone(),
            coordinates: *coordinates,
        }
    }
}

impl Projection {
    /// The projection of a validated report.
    pub fn of(report: &Report) -> Projection {
        Projection {
            person: ProjectedPerson::of(&report.person),
            documents: report.documents.iter().map(ProjectedDocument::of).collect(),
            location: ProjectedLocation::of(&report.location),
            wants: report.wants.clone(),
        }
    }
}

/// Exactly what a consulate or the police may see. A change here is a change to what leaves
/// the NGOs: check it against DESIGN.md's consent bullets before changing this list.
pub const PROJECTED: &[&str] = &[
    "person",
    "person.name",
    "person.age",
    "person.age_range",
    "person.nationality",
    "documents",
    "documents[].kind",
    "documents[].number",
    "documents[].issuing_country",
    "documents[].holder",
    "location",
    "location.country",
    "location.state",
    "location.city",
    "location.compound",
    "location.street",
    "location.landmarks",
    "location.visible",
    "location.coordinates",
    "location.coordinates.latitude",
    "location.coordinates.longitude",
    "wants",
];

/// What a stored item adds beside the list: a responder's version's number, author and time,
/// and whether a device sealed it.
const STORED_BESIDE: &[&str] = &["version", "issued_by", "at", "sealed_on_device"];

/// Every key path of a JSON value: objects as `a.b`, array elements as `a[]`.
fn key_paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.insert(path.clone());
                key_paths(child, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                key_paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// Whether a stored projection holds nothing beyond the list. Items sealed before the list was
/// narrowed, or by a device that added more, may hold a phone number or a handle: they go to no
/// consulate and no police that did not hold them already.
pub fn holds_only_the_list(stored: &serde_json::Value) -> bool {
    let mut paths = BTreeSet::new();
    key_paths(stored, "", &mut paths);
    stored.is_object()
        && paths
            .iter()
            .all(|p| PROJECTED.contains(&p.as_str()) || STORED_BESIDE.contains(&p.as_str()))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::json;

    use super::super::report::{ProjectionInput, ReportInput};
    use super::*;

    /// A report with every field a person can fill in, each filled.
    fn full_input() -> ReportInput {
        let input = serde_json::from_value(json!({
            "reporter": {"relation": "family", "contact": "signal +855 12 345 678", "no_contact": true},
            "person": {
                "name": "Dara", "age": 24, "age_range": "18_25", "gender": "Female",
                "nationality": "KH", "languages": "km, en", "mobile_phone": "+855 98 765 432",
                "handles": "@dara_kh", "others_count": 12
            },
            "location": {
                "country": "MM", "state": "Kayin", "city": "Myawaddy", "compound": "KK Park",
                "street": "Asian Highway 1", "landmarks": "blue gate by the river",
                "visible": "a red water tower", "latitude": 16.7, "longitude": 98.5,
                "promised_location": "Bangkok", "arrived_on": "March"
            },
            "documents": [
                {"type": "passport", "number": "N1234567", "issuing_country": "KH", "holder": "the boss"},
                {"type": "phone", "holder": "the guards"}
            ],
            "recruitment": {
                "method": "job_offer", "websites_and_apps": "Telegram", "recruiter": "Mr Lee",
                "agency": "Golden Jobs", "job_promised": "customer service",
                "salary_promised": "1500 USD", "departure_date": "February", "route": "by car"
            },
            "indicators": ["violence", "documents_taken"],
            "wants": ["rescue", "go_home"],
            "narrative": "They took her passport",
            "last_contact": "Monday",
            "consent": {"partner_ngos": true, "consulate": true, "police": true},
            "language": "km"
        }));
        input.unwrap_or_else(|e| panic!("the full report does not deserialise: {e}"))
    }

    fn full_report() -> Report {
        Report::parse(full_input()).unwrap_or_else(|e| panic!("the full report is refused: {e:?}"))
    }

    fn paths_of(value: &impl Serialize) -> BTreeSet<String> {
        let value = serde_json::to_value(value).unwrap_or_else(|e| panic!("{e}"));
        let mut out = BTreeSet::new();
        key_paths(&value, "", &mut out);
        out
    }

    #[test]
    fn only_a_projection_of_the_list_passes_on() {
        let mut stored =
            serde_json::to_value(Projection::of(&full_report())).unwrap_or_else(|e| panic!("{e}"));
        assert!(holds_only_the_list(&stored));
        if let Some(map) = stored.as_object_mut() {
            map.insert("version".into(), json!(2));
            map.insert("issued_by".into(), json!("resp.a"));
        }
        assert!(holds_only_the_list(&stored), "a responder's version");
        let mut older = stored.clone();
        older["person"]["mobile_phone"] = json!("+855 98 765 432");
        assert!(!holds_only_the_list(&older), "a phone number");
        let mut older = stored;
        older["reporter"] = json!({"contact": "signal +855 12 345 678"});
        assert!(!holds_only_the_list(&older), "the reporter's contact");
        assert!(!holds_only_the_list(&json!("text")));
    }

    #[test]
    fn a_projection_holds_exactly_its_list() {
        let report = full_report();
        let expected: BTreeSet<String> = PROJECTED.iter().map(|s| s.to_string()).collect();
        assert_eq!(paths_of(&report.projection()), expected);
    }

    #[test]
    fn a_projection_holds_nothing_of_the_reporter_or_what_happened() {
        let json = serde_json::to_string(&full_report().projection()).unwrap_or_default();
        for secret in [
            "signal +855",
            "+855 98 765 432",
            "@dara_kh",
            "Female",
            "km, en",
            "Bangkok",
            "March",
            "Mr Lee",
            "Golden Jobs",
            "They took her passport",
            "violence",
            "Monday",
            "consent",
        ] {
            assert!(!json.contains(secret), "{secret} in {json}");
        }
    }

    /// The projection item's plaintext, byte for byte: the keys it kept are named and ordered as
    /// every version before sealed them, so old items and new ones read alike.
    #[test]
    fn a_projection_serialises_as_it_always_has() {
        let json = serde_json::to_string(&full_report().projection()).unwrap_or_default();
        assert_eq!(
            json,
            concat!(
                r#"{"person":{"name":"Dara","age":24,"age_range":"18_25","nationality":"KH"},"#,
                r#""documents":[{"kind":"passport","number":"N1234567","issuing_country":"KH","holder":"the boss"},"#,
                r#"{"kind":"phone","number":null,"issuing_country":null,"holder":"the guards"}],"#,
                r#""location":{"country":"MM","state":"Kayin","city":"Myawaddy","compound":"KK Park","#,
                r#""street":"Asian Highway 1","landmarks":"blue gate by the river","visible":"a red water tower","#,
                r#""coordinates":{"latitude":16.7,"longitude":98.5}},"#,
                r#""wants":["rescue","go_home"]}"#
            )
        );
    }

    /// What a device seals as the projection is filtered before it is sealed, since the server
    /// cannot filter it afterwards: no contact details, nothing off the list.
    #[test]
    fn a_device_seals_nothing_off_the_list() {
        let device = ProjectionInput::of(&full_input()).unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_string(&device).unwrap_or_default();
        for secret in [
            "+855 98 765 432",
            "@dara_kh",
            "signal +855",
            "Female",
            "km, en",
            "Bangkok",
            "March",
        ] {
            assert!(!json.contains(secret), "{secret} in {json}");
        }
    }

    /// What a device seals as the projection carries the same fields as the server's, and
    /// parses back to the same projection.
    #[test]
    fn a_device_projection_carries_the_same_fields() {
        let input = full_input();
        let device = ProjectionInput::of(&input).unwrap_or_else(|e| panic!("{e}"));
        let from_device = Report::parse(device.into_report())
            .unwrap_or_else(|e| panic!("the device's projection is refused: {e:?}"));
        assert_eq!(
            serde_json::to_string(&from_device.projection()).ok(),
            serde_json::to_string(&full_report().projection()).ok()
        );
    }
}
