//! The attack: a police responder holds a report's projection and wants to know whether the
//! victim also asked for their consulate, or whether the consulate has it already. Trying to
//! refer the report there would answer "no consent" or "already held". Homeward's answer: a
//! consulate or the police is told one thing whatever the reason, and the attempt is audited.

use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app};
use crate::workspace_api::{api, certify_by_api, token};

on_both_engines!(
    a_police_referral_attempt_learns_nothing_of_the_consents,
    |engine| async move {
        let app = spawn_app(engine).await;
        let police = token(&app, "coordinator", "police-kh", "coord.probe").await;
        certify_by_api(&app, &police, "police-kh", "coord.probe").await;
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/queues/police-kh/key",
            Some(&police),
            Some(json!({"private_key": app.key("police-kh").to_text().as_str()})),
        )
        .await;
        assert_eq!(status, 201);
        let report = |consulate: bool| {
            json!({
                "location": {"country": "KH", "compound": "Probe Park"},
                "person": {"nationality": "IN", "name": "Asha"},
                "narrative": "held",
                "consent": {"police": true, "consulate": consulate},
            })
        };
        // Without consent to the consulate; and with it, the consulate holding it already.
        let (without, _) = app.submit(&report(false)).await;
        let (with, _) = app.submit(&report(true)).await;
        let holders = app.store.report_queues(with).await.unwrap_or_default();
        assert!(holders.contains(&"consular-in".to_owned()), "{holders:?}");

        let mut answers = Vec::new();
        for r in [without, with] {
            answers.push(
                api(
                    &app,
                    "POST",
                    &format!("/api/v1/queues/police-kh/reports/{r}/refer"),
                    Some(&police),
                    Some(json!({"to": "consular-in", "reason": "she is Indian"})),
                )
                .await,
            );
        }
        assert_eq!(answers[0], answers[1], "the same answer either way");
        assert_eq!(answers[0].0, 422);
        assert_eq!(answers[0].1["code"], "not-possible", "{:?}", answers[0]);
        let audited = app
            .strings("SELECT subject FROM audit_log WHERE action = 'referral_refused'")
            .await;
        assert_eq!(audited.len(), 2, "{audited:?}");
    }
);
