//! Triage gives the documented class for a table of cases (config/triage.toml's weights).

use homeward::domain::{Report, ReportInput};
use homeward::triage::{Priority, TriageRules};

#[test]
fn triage_classes_follow_the_shipped_weights() {
    let rules = TriageRules::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/triage.toml"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let table: &[(&[&str], Priority, &str)] = &[
        (&[], Priority::Normal, ""),
        (&["forced_scam"], Priority::Normal, "forced_scam"),
        (&["documents_taken"], Priority::Normal, "documents_taken"),
        (
            &["forced_scam", "documents_taken"],
            Priority::High,
            "forced_scam",
        ),
        (&["threats"], Priority::Normal, "threats"),
        (&["threats", "cannot_leave"], Priority::High, "threats"),
        (&["violence"], Priority::High, "violence"),
        (&["minor"], Priority::High, "minor"),
        (&["violence", "threats"], Priority::Critical, "violence"),
        (
            &["medical_emergency"],
            Priority::Critical,
            "medical_emergency",
        ),
        (&["self_harm"], Priority::Critical, "self_harm"),
        (&["imminent_transfer"], Priority::High, "imminent_transfer"),
        (
            &["imminent_transfer", "documents_taken"],
            Priority::Critical,
            "imminent_transfer",
        ),
        (
            &["ransom_debt", "deprivation"],
            Priority::High,
            "ransom_debt",
        ),
        (
            &["ransom_debt", "deprivation", "cannot_leave"],
            Priority::Critical,
            "cannot_leave",
        ),
        (
            &["sexual_exploitation", "minor"],
            Priority::Critical,
            "minor",
        ),
    ];
    for (indicators, class, first_reason) in table {
        let input: ReportInput = serde_json::from_value(serde_json::json!({
            "narrative": "x",
            "indicators": indicators,
        }))
        .unwrap_or_default();
        let report = Report::parse(input).unwrap_or_else(|e| panic!("{e:?}"));
        let triage = rules.assess(&report.routing_facts());
        assert_eq!(triage.priority, *class, "{indicators:?}");
        assert_eq!(triage.reasons.len(), indicators.len(), "{indicators:?}");
        let first = triage
            .reasons
            .first()
            .map(|r| r.indicator.code())
            .unwrap_or_default();
        assert_eq!(first, *first_reason, "{indicators:?}");
    }
}
