//! The police of the country a compound stands in receive the projection; so does the consulate of
//! the person's country. Built from the whole person and location records, it carried the
//! victim's phone number and messaging handles — the phone a compound may watch — and any field
//! added to a report later would have reached them with nobody deciding it. The projection is an
//! explicit list; nothing to reach the person or the reporter by is on it.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::steps::{form_encode, staff_post};
use crate::helpers::{on_both_engines, spawn_app};
use crate::workspace::{import, staff};

/// Exactly what a consulate or the police receive: a change here is a change to what leaves the
/// NGOs (DESIGN.md, "Keys: who can open what").
const PROJECTED: &[&str] = &[
    "documents",
    "documents[].holder",
    "documents[].issuing_country",
    "documents[].kind",
    "documents[].number",
    "location",
    "location.city",
    "location.compound",
    "location.coordinates",
    "location.coordinates.latitude",
    "location.coordinates.longitude",
    "location.country",
    "location.landmarks",
    "location.state",
    "location.street",
    "location.visible",
    "person",
    "person.age",
    "person.age_range",
    "person.name",
    "person.nationality",
    "wants",
];

/// How to reach the person or the reporter, as the report below gives them.
const CONTACTS: &[&str] = &["+855 98 765 432", "@priya_in_kh", "signal +91 98765 43210"];

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
        Value::Array(items) => items
            .iter()
            .for_each(|item| key_paths(item, &format!("{prefix}[]"), out)),
        _ => {}
    }
}

fn paths(value: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    key_paths(value, "", &mut out);
    out
}

fn projected() -> BTreeSet<String> {
    PROJECTED.iter().map(|p| p.to_string()).collect()
}

on_both_engines!(
    the_police_and_the_consulate_receive_no_way_to_reach_the_person,
    |engine| async move {
        let app = spawn_app(engine).await;
        // Every field a reporter can fill, each filled; consent to everyone.
        let (report, _) = app
            .submit(&json!({
                "reporter": {"relation": "family", "contact": CONTACTS[2], "no_contact": true},
                "person": {
                    "name": "Priya", "age": 24, "age_range": "18_25", "gender": "Female",
                    "nationality": "IN", "languages": "hi, en", "mobile_phone": CONTACTS[0],
                    "handles": CONTACTS[1], "others_count": 12
                },
                "location": {
                    "country": "KH", "state": "Preah Sihanouk", "city": "Sihanoukville",
                    "compound": "Golden Fortune", "street": "Ou Tres road",
                    "landmarks": "blue gate by the casino", "visible": "a red water tower",
                    "latitude": 10.6, "longitude": 103.5,
                    "promised_location": "Bangkok", "arrived_on": "March"
                },
                "documents": [
                    {"type": "passport", "number": "Z1234567", "issuing_country": "IN", "holder": "the boss"}
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
                "language": "hi"
            }))
            .await;
        assert_eq!(
            app.store.report_queues(report).await.unwrap_or_default(),
            ["consular-in", "desk", "ngo-kh", "police-kh"]
        );

        // A responder pastes the phone number into a new version: it is dropped all the same.
        let desk = staff(&app, "coordinator", "operator", "coord.fields").await;
        import(&app, &desk, "desk").await;
        let version = json!({
            "person": {"name": "Priya", "nationality": "IN", "mobile_phone": CONTACTS[0], "handles": CONTACTS[1]},
            "location": {"country": "KH", "compound": "Golden Fortune"},
        })
        .to_string();
        let form = format!("projection={}", form_encode(&version));
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "projection", &form).await,
            303
        );

        for queue in ["police-kh", "consular-in"] {
            let (summaries, items): (Vec<_>, Vec<_>) = app
                .open_as(report, queue)
                .await
                .into_iter()
                .partition(|(k, _)| k == "summary");
            // Each version's list summary: made from the projection, holding only where the
            // person is, their nationality and age.
            assert_eq!(summaries.len(), 2, "{queue}");
            let summarised = [
                "place",
                "place.country",
                "place.city",
                "place.compound",
                "person",
                "person.nationality",
                "person.age",
                "person.age_range",
            ];
            for (_, summary) in &summaries {
                let held = paths(summary);
                assert!(
                    held.iter().all(|p| summarised.contains(&p.as_str())),
                    "{queue}: a summary holds {held:?}"
                );
                for contact in CONTACTS {
                    assert!(!summary.to_string().contains(contact), "{queue}: {contact}");
                }
            }
            let kinds: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(kinds, ["projection", "projection"], "{queue}");
            assert_eq!(paths(&items[0].1), projected(), "{queue}: the projection");
            let numbered: BTreeSet<String> = ["version", "issued_by", "at"]
                .iter()
                .map(|k| k.to_string())
                .collect();
            let second = paths(&items[1].1);
            assert!(second.is_superset(&numbered), "{queue}: {second:?}");
            assert!(
                second
                    .difference(&numbered)
                    .all(|p| projected().contains(p)),
                "{queue}: a new version holds only the list: {second:?}"
            );
            let all: String = items.iter().map(|(_, v)| v.to_string()).collect();
            for contact in CONTACTS {
                assert!(!all.contains(contact), "{queue} receives {contact}");
            }
        }
        // The NGOs still hold how to reach them, in the report itself.
        let desk_items = app.open_as(report, "desk").await;
        let whole = desk_items
            .iter()
            .find(|(k, _)| k == "report")
            .map(|(_, v)| v.to_string())
            .unwrap_or_default();
        for contact in CONTACTS {
            assert!(whole.contains(contact), "the desk misses {contact}");
        }
    }
);
