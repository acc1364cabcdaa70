//! A referral's reason is free text an NGO responder writes ("her brother says she tried to run;
//! the guards beat her"): it may say anything the report says. Sealed to the projection's
//! audience, it reached the consulate a report was referred to, and was re-sealed to every
//! consulate or police queue referred to later. Reasons stay with the NGO holders.

use serde_json::json;

use super::steps::{form_encode, recipients_by_item, staff_post};
use crate::helpers::{on_both_engines, spawn_app};
use crate::workspace::{import, staff};

on_both_engines!(
    a_referral_reason_never_reaches_a_consulate,
    |engine| async move {
        let app = spawn_app(engine).await;
        let desk = staff(&app, "coordinator", "operator", "coord.reasons").await;
        let partner = staff(&app, "coordinator", "partner", "coord.reasonsngo").await;
        let consulate = staff(&app, "coordinator", "consulate-in", "coord.reasonscon").await;
        import(&app, &desk, "desk").await;
        import(&app, &partner, "ngo-kh").await;
        import(&app, &consulate, "consular-in").await;

        // Consent to partners and the consulate; the nationality is learnt later, so at intake
        // only the desk receives it.
        let (report, _) = app
            .submit(&json!({
                "location": {"country": "MM", "compound": "Reason Park"},
                "narrative": "held and beaten",
                "consent": {"partner_ngos": true, "consulate": true},
            }))
            .await;
        assert_eq!(
            app.store.report_queues(report).await.unwrap_or_default(),
            ["desk"]
        );
        let to_partner = "to=ngo-kh&reason=her+brother+says+she+tried+to+run";
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "refer", to_partner).await,
            303
        );
        // An NGO responder learns her nationality and issues a projection saying so.
        let projection = json!({
            "person": {"name": "Priya", "nationality": "IN"},
            "location": {"country": "MM", "compound": "Reason Park"},
        })
        .to_string();
        let form = format!("projection={}", form_encode(&projection));
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "projection", &form).await,
            303
        );
        let to_consulate = "to=consular-in&reason=the+guards+beat+her+after+the+call";
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "refer", to_consulate).await,
            303
        );

        // Both reasons are sealed to the NGO holders, and neither to the consulate.
        let reasons = recipients_by_item(&app, report, "referral").await;
        assert_eq!(
            reasons,
            [
                ["queue:desk", "queue:ngo-kh"],
                ["queue:desk", "queue:ngo-kh"]
            ],
            "the reasons' keys"
        );
        // The consulate holds the projection and nothing else.
        let held: Vec<String> = app
            .open_as(report, "consular-in")
            .await
            .into_iter()
            .map(|(kind, _)| kind)
            .collect();
        assert_eq!(held, ["projection", "summary", "projection", "summary"]);
        let page = app
            .get_with(&format!("/queues/consular-in/reports/{report}"), &consulate)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(page.contains("Priya"), "the consulate reads the projection");
        for reason in ["tried to run", "beat her after the call"] {
            assert!(!page.contains(reason), "the consulate reads {reason:?}");
        }
        // The partner NGO, an NGO holder, reads both.
        let partner_page = app
            .get_with(&format!("/queues/ngo-kh/reports/{report}"), &partner)
            .await
            .text()
            .await
            .unwrap_or_default();
        for reason in ["tried to run", "beat her after the call"] {
            assert!(
                partner_page.contains(reason),
                "the partner misses {reason:?}"
            );
        }
    }
);
