//! The attack: whoever forces the receipt code out of a victim opens the follow-up visit and
//! learns what the victim chose: the page ticked the consents given, so it told whether the
//! victim had asked for the police or the consulate. Homeward's answer: the visit shows nothing
//! the reporter sent or chose. The page for a report with every consent is the one for a report
//! with none, byte for byte once the visit's token is masked; each consent has its own allow and
//! stop action, answered the same, after the same work, whether or not it changes anything; and
//! the JSON API answers the same way.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::{hidden, on_both_engines, spawn_app, TestApp};
use homeward::domain::{Consents, ItemKind};

const EVERY: [&str; 3] = ["partner_ngos", "consulate", "police"];

/// Two reports that differ only in their consents: every one, or none.
async fn with_and_without(app: &TestApp) -> [(Uuid, String); 2] {
    let mut made = Vec::new();
    for consent in [
        json!({"partner_ngos": true, "consulate": true, "police": true}),
        json!({}),
    ] {
        made.push(
            app.submit(&json!({
                "location": {"country": "KH", "compound": "Coerced Park"},
                "person": {"nationality": "IN", "name": "Meena"},
                "narrative": "forced to scam",
                "consent": consent,
            }))
            .await,
        );
    }
    let none = made.pop().unwrap_or_else(|| panic!("two reports"));
    let every = made.pop().unwrap_or_else(|| panic!("two reports"));
    [every, none]
}

async fn post(app: &TestApp, path: &str, body: &str) -> (u16, String) {
    let response = app
        .client
        .post(app.url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// The page with every occurrence of the visit's token masked (the only thing that differs from
/// one visit to the next: the page shows no dates until responders write).
fn masked(page: &str) -> String {
    let token = hidden(page, "visit");
    assert!(token.len() >= 40, "a visit's page: {page}");
    page.replace(&token, "TOKEN")
}

async fn open_visit(app: &TestApp, code: &str) -> String {
    let (status, page) = post(app, "/followup", &format!("code={}", code.replace(' ', ""))).await;
    assert_eq!(status, 200, "{page}");
    page
}

/// Rows of the audit log and consent notices of the report: the work an action leaves behind.
async fn work(app: &TestApp, report: Uuid) -> (usize, i64) {
    let audit = app
        .store
        .audit_entries(0, 100_000)
        .await
        .unwrap_or_default();
    let notices = app
        .store
        .item_count(report, ItemKind::Consent)
        .await
        .unwrap_or_default();
    (audit.len(), notices)
}

async fn consents(app: &TestApp, report: Uuid) -> Option<Consents> {
    app.store
        .report_terms(report)
        .await
        .ok()
        .flatten()
        .map(|(_, c)| c)
}

on_both_engines!(
    a_coerced_code_reads_the_consents_off_the_follow_up_page,
    |engine| async move {
        let app = spawn_app(engine).await;
        let [(_, every), (_, none)] = with_and_without(&app).await;
        let with_every = open_visit(&app, &every).await;
        let with_none = open_visit(&app, &none).await;
        assert_eq!(masked(&with_every), masked(&with_none));
        assert!(
            !with_every.contains("checked"),
            "nothing ticked: {with_every}"
        );

        // Shown again within the visit, in another language, still the same.
        let mut again = Vec::new();
        for page in [&with_every, &with_none] {
            let token = hidden(page, "visit");
            let (status, shown) =
                post(&app, "/followup/view", &format!("visit={token}&lang=th")).await;
            assert_eq!(status, 200);
            again.push(masked(&shown));
        }
        assert_eq!(again[0], again[1]);
    }
);

on_both_engines!(
    a_coerced_code_reads_the_consents_off_the_answer_to_allow_or_stop,
    |engine| async move {
        let app = spawn_app(engine).await;
        // One pair for allowing, one for stopping: in each, the first report has every consent
        // and the second none, so each action changes something on one and nothing on the other.
        let allow = with_and_without(&app).await;
        let stop = with_and_without(&app).await;
        for (action, pair) in [("allow", &allow), ("stop", &stop)] {
            let mut tokens = Vec::new();
            for (_, code) in pair.iter() {
                tokens.push(hidden(&open_visit(&app, code).await, "visit"));
            }
            for consent in EVERY {
                let mut answers = Vec::new();
                let mut done = Vec::new();
                for ((report, _), token) in pair.iter().zip(&tokens) {
                    let before = work(&app, *report).await;
                    let (status, page) = post(
                        &app,
                        &format!("/followup/consents/{action}"),
                        &format!("visit={token}&consent={consent}"),
                    )
                    .await;
                    let after = work(&app, *report).await;
                    answers.push((status, masked(&page)));
                    done.push((after.0 - before.0, after.1 - before.1));
                }
                assert_eq!(answers[0].0, 200, "{action} {consent}: {}", answers[0].1);
                assert_eq!(answers[0], answers[1], "{action} {consent}");
                assert_eq!(done[0], done[1], "{action} {consent}: the same work");
                assert_eq!(done[0], (1, 1), "audited, and the desk told");
            }
        }
        // And the actions did what they said, on both.
        let all = Some(Consents {
            partner_ngos: true,
            consulate: true,
            police: true,
        });
        for (report, _) in &allow {
            assert_eq!(consents(&app, *report).await, all);
        }
        for (report, _) in &stop {
            assert_eq!(consents(&app, *report).await, Some(Consents::default()));
        }

        // One form that sets all three is gone: an unticked box would withdraw what was meant
        // to be kept.
        let token = hidden(&open_visit(&app, &allow[0].1).await, "visit");
        let (status, _) = post(
            &app,
            "/followup/consents",
            &format!("visit={token}&consent.consulate=on"),
        )
        .await;
        assert_eq!(status, 404);
        let (status, _) = post(
            &app,
            "/followup/consents/stop",
            &format!("visit={token}&consent=everyone"),
        )
        .await;
        assert_eq!(status, 422, "an unknown consent is refused");
        assert_eq!(consents(&app, allow[0].0).await, all);
    }
);

async fn call(app: &TestApp, path: &str, body: Value) -> (u16, String) {
    let response = app
        .client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

on_both_engines!(
    a_coerced_code_reads_the_consents_off_the_follow_up_api,
    |engine| async move {
        let app = spawn_app(engine).await;
        let [(every_report, every), (none_report, none)] = with_and_without(&app).await;
        let mut views = Vec::new();
        let mut tokens = Vec::new();
        for code in [&every, &none] {
            let (status, body) = call(&app, "/api/v1/followup/visits", json!({"code": code})).await;
            assert_eq!(status, 201, "{body}");
            let view: Value = serde_json::from_str(&body).unwrap_or_default();
            let token = view["visit"].as_str().unwrap_or_default().to_owned();
            views.push(body.replace(&token, "TOKEN"));
            tokens.push(token);
        }
        assert_eq!(views[0], views[1]);

        for (action, consent) in [("allow", "police"), ("stop", "consulate")] {
            let mut answers = Vec::new();
            for (report, token) in [every_report, none_report].into_iter().zip(&tokens) {
                let before = work(&app, report).await;
                let answer = call(
                    &app,
                    &format!("/api/v1/followup/consents/{action}"),
                    json!({"visit": token, "consent": consent}),
                )
                .await;
                let after = work(&app, report).await;
                answers.push((answer, (after.0 - before.0, after.1 - before.1)));
            }
            assert_eq!(answers[0], answers[1], "{action} {consent}");
            assert_eq!(answers[0].0 .0, 204, "{action} {consent}");
        }
        // The old body that set all three at once is refused, and changes nothing.
        let (status, _) = call(
            &app,
            "/api/v1/followup/consents",
            json!({"visit": tokens[0], "partner_ngos": false, "consulate": false, "police": false}),
        )
        .await;
        assert_eq!(status, 404);
        let (status, _) = call(
            &app,
            "/api/v1/followup/consents/stop",
            json!({"visit": tokens[0], "consent": "consulate", "police": false}),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(
            consents(&app, every_report).await,
            Some(Consents {
                partner_ngos: true,
                consulate: false,
                police: true
            })
        );
    }
);

on_both_engines!(
    one_visit_floods_the_desk_with_consent_changes,
    |engine| async move {
        let app = spawn_app(engine).await;
        let [(_, code), _] = with_and_without(&app).await;
        let token = hidden(&open_visit(&app, &code).await, "visit");
        let budget = homeward::reporting::followup::CONSENT_CHANGES_PER_VISIT;
        let audited = || async {
            app.strings("SELECT action FROM audit_log WHERE actor = 'reporter'")
                .await
                .len()
        };
        for i in 0..budget {
            let action = if i % 2 == 0 { "stop" } else { "allow" };
            let (status, page) = post(
                &app,
                &format!("/followup/consents/{action}"),
                &format!("visit={token}&consent=police"),
            )
            .await;
            assert_eq!(status, 200, "change {i}: {page}");
        }
        assert_eq!(audited().await, budget as usize);
        // The visit has spent its changes: it is over, and says so as an expired one does.
        let (status, page) = post(
            &app,
            "/followup/consents/stop",
            &format!("visit={token}&consent=police"),
        )
        .await;
        assert_eq!(status, 422, "{page}");
        assert!(
            page.contains("name=\"code\""),
            "the code form again: {page}"
        );
        assert_eq!(audited().await, budget as usize, "nothing more written");
        let (status, _) = post(&app, "/followup/view", &format!("visit={token}")).await;
        assert_eq!(status, 422, "the visit is gone");
        // The code opens a new visit, at the cost of a new derivation.
        let again = hidden(&open_visit(&app, &code).await, "visit");
        let (status, _) = post(
            &app,
            "/followup/consents/allow",
            &format!("visit={again}&consent=police"),
        )
        .await;
        assert_eq!(status, 200);
    }
);
