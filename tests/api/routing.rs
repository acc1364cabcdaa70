//! Routing and consent for every combination: the desk always; partner NGO queues only with that
//! consent; consular and police queues only with theirs, and then only the projection.

use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app};

/// What the test deployment's rules say should receive a report (see helpers::QUEUES).
fn expected(
    partner: bool,
    consulate: bool,
    police: bool,
    country: &str,
    nationality: &str,
    language: &str,
) -> Vec<&'static str> {
    let mut queues = vec!["desk"];
    if partner && country == "KH" {
        queues.push("ngo-kh");
    }
    if partner && language.starts_with("zh") {
        queues.push("ngo-zh");
    }
    if consulate && nationality == "IN" {
        queues.push("consular-in");
    }
    if police && country == "KH" {
        queues.push("police-kh");
    }
    queues.sort_unstable();
    queues
}

on_both_engines!(
    routing_and_consent_hold_for_every_combination,
    |engine| async move {
        let app = spawn_app(engine).await;
        for partner in [false, true] {
            for consulate in [false, true] {
                for police in [false, true] {
                    for (country, nationality, language) in [
                        ("KH", "IN", "en"),
                        ("TH", "CN", "zh-Hans"),
                        ("KH", "CN", "zh-Hans"),
                        ("MM", "IN", "en"),
                    ] {
                        let (report, _) = app
                        .submit(&json!({
                            "location": {"country": country},
                            "person": {"nationality": nationality, "name": "Li Wei"},
                            "narrative": "held in a compound",
                            "language": language,
                            "consent": {"partner_ngos": partner, "consulate": consulate, "police": police},
                        }))
                        .await;
                        let want =
                            expected(partner, consulate, police, country, nationality, language);
                        let got = app.store.report_queues(report).await.unwrap_or_default();
                        let case = format!("partner={partner} consulate={consulate} police={police} {country}/{nationality}/{language}");
                        assert_eq!(got, want, "{case}");
                        for queue in ["desk", "ngo-kh", "ngo-zh", "consular-in", "police-kh"] {
                            let items = app
                                .store
                                .items_for(report, &format!("queue:{queue}"))
                                .await
                                .unwrap_or_default();
                            let mut kinds: Vec<String> =
                                items.into_iter().map(|i| i.kind).collect();
                            kinds.sort_unstable();
                            let expected_kinds: Vec<&str> = if !want.contains(&queue) {
                                vec![]
                            } else if queue.starts_with("desk") || queue.starts_with("ngo") {
                                vec![
                                    "projection",
                                    "report",
                                    "status",
                                    "summary",
                                    "summary",
                                    "triage",
                                ]
                            } else {
                                vec!["projection", "summary"]
                            };
                            assert_eq!(kinds, expected_kinds, "{case}: {queue}");
                        }
                    }
                }
            }
        }
    }
);
