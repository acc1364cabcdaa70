//! A report goes in by form or JSON and comes out only for the keys it was sealed to.

use serde_json::json;

use crate::helpers::{code_in_page, on_both_engines, spawn_app, TestApp};
use homeward::casework::opening::open_for_reporter;
use homeward::domain::ReceiptCode;

fn kinds(items: &[(String, serde_json::Value)]) -> Vec<&str> {
    let mut kinds: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
    kinds.sort_unstable();
    kinds
}

fn item<'a>(items: &'a [(String, serde_json::Value)], kind: &str) -> &'a serde_json::Value {
    &items
        .iter()
        .find(|(k, _)| k == kind)
        .unwrap_or_else(|| panic!("no {kind} item"))
        .1
}

async fn report_of(app: &TestApp, code: &str) -> uuid::Uuid {
    let parsed = ReceiptCode::parse(code).unwrap_or_else(|e| panic!("{e}"));
    let record = app
        .store
        .reporter_record(parsed.locator.as_str())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    record
        .unwrap_or_else(|| panic!("no report for the code"))
        .report_id
}

on_both_engines!(a_form_report_opens_with_the_desk_key, |engine| async move {
    let app = spawn_app(engine).await;
    let response = app
        .post_form(
            "lang=en&language=en&reporter.relation=family&location.country=MM&location.compound=Shwe+Kokko+Block+7\
             &indicators=violence&indicators=documents_taken&narrative=They+took+his+passport&person.name=Arjun",
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let html = response.text().await.unwrap_or_default();
    let code = code_in_page(&html);
    assert_eq!(code.len(), 24, "{code}");
    assert!(code.chars().all(|c| c.is_ascii_digit() || c == ' '));

    let report = report_of(&app, &code).await;
    let locator: String = code.replace(' ', "")[..6].to_owned();
    assert_eq!(app.store.locator_in_use(&locator).await.ok(), Some(true));
    let free = if locator == "000000" {
        "000001"
    } else {
        "000000"
    };
    assert_eq!(app.store.locator_in_use(free).await.ok(), Some(false));
    let items = app.open_as(report, "desk").await;
    assert_eq!(
        kinds(&items),
        [
            "projection",
            "report",
            "status",
            "summary",
            "summary",
            "triage"
        ]
    );
    let body = item(&items, "report");
    assert_eq!(body["location"]["compound"], "Shwe Kokko Block 7");
    assert_eq!(body["narrative"], "They took his passport");
    assert_eq!(body["reporter"]["relation"], "family");
    let triage = item(&items, "triage");
    assert_eq!(triage["priority"], "high");
    assert_eq!(triage["reasons"][0]["indicator"], "violence");
    assert_eq!(item(&items, "status")["status"], "received");
});

on_both_engines!(a_json_report_opens_with_the_desk_key, |engine| async move {
    let app = spawn_app(engine).await;
    let (report, _) = app
        .submit(&json!({
            "location": {"country": "LA", "city": "Bokeo", "latitude": 20.3, "longitude": 100.1},
            "indicators": ["medical_emergency"],
            "narrative": "Golden Triangle zone, building C",
        }))
        .await;
    let items = app.open_as(report, "desk").await;
    assert_eq!(
        item(&items, "report")["location"]["coordinates"]["latitude"],
        20.3
    );
    assert_eq!(item(&items, "triage")["priority"], "critical");
    assert_eq!(
        app.store.report_summary(report).await.ok().flatten(),
        Some(("critical".to_owned(), "new".to_owned()))
    );
});

on_both_engines!(
    a_consular_key_opens_the_projection_and_nothing_else,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
        .submit(&json!({
            "person": {"name": "Ravi Kumar", "nationality": "IN"},
            "documents": [{"type": "passport", "number": "Z1234567", "holder": "compound boss"}],
            "location": {"country": "MM", "compound": "KK Park"},
            "recruitment": {"recruiter": "agent_bangkok_jobs"},
            "indicators": ["violence"],
            "narrative": "beaten for missing targets",
            "wants": ["go_home"],
            "consent": {"consulate": true},
        }))
        .await;
        let queues = app.store.report_queues(report).await.unwrap_or_default();
        assert_eq!(queues, ["consular-in", "desk"]);
        let items = app.open_as(report, "consular-in").await;
        assert_eq!(kinds(&items), ["projection", "summary"]);
        let projection = item(&items, "projection");
        assert_eq!(projection["person"]["name"], "Ravi Kumar");
        assert_eq!(projection["documents"][0]["number"], "Z1234567");
        assert_eq!(projection["location"]["compound"], "KK Park");
        let text = projection.to_string();
        for hidden in [
            "beaten",
            "agent_bangkok_jobs",
            "violence",
            "narrative",
            "recruit",
            "indicators",
        ] {
            assert!(!text.contains(hidden), "the projection shows {hidden}");
        }
    }
);

on_both_engines!(
    the_receipt_code_opens_the_received_status_and_nothing_else,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
        .submit(&json!({"narrative": "Sihanoukville, the tall blue building", "consent": {"partner_ngos": true}}))
        .await;
        let kdf = homeward::crypto::kdf::KdfPool::new(1);
        let parsed = ReceiptCode::parse(&code).unwrap_or_else(|e| panic!("{e}"));
        let opened = open_for_reporter(&app.store, &kdf, &parsed)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let (found, items) = opened.unwrap_or_else(|| panic!("the code opened nothing"));
        assert_eq!(found, report);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].kind, "status");
        let status: serde_json::Value =
            serde_json::from_slice(&items[0].plaintext).unwrap_or_default();
        assert_eq!(status["status"], "received");

        // The same code typed in Khmer digits.
        let khmer: String = code
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .and_then(|d| char::from_u32(0x17E0 + d))
                    .unwrap_or(c)
            })
            .collect();
        let parsed = ReceiptCode::parse(&khmer).unwrap_or_else(|e| panic!("{e}"));
        assert!(open_for_reporter(&app.store, &kdf, &parsed)
            .await
            .ok()
            .flatten()
            .is_some());

        // One wrong digit of the secret opens nothing.
        let mut wrong: Vec<char> = code.chars().collect();
        let last = wrong.len() - 1;
        wrong[last] = if wrong[last] == '0' { '1' } else { '0' };
        let wrong: String = wrong.into_iter().collect();
        let parsed = ReceiptCode::parse(&wrong).unwrap_or_else(|e| panic!("{e}"));
        assert!(open_for_reporter(&app.store, &kdf, &parsed)
            .await
            .ok()
            .flatten()
            .is_none());
    }
);

on_both_engines!(a_wrong_key_opens_nothing, |engine| async move {
    let app = spawn_app(engine).await;
    let (report, _) = app
        .submit(&json!({"narrative": "KK Park", "consent": {"partner_ngos": true}}))
        .await;
    // The desk's copies do not open with another queue's key.
    let opened =
        homeward::casework::opening::open_for_queue(&app.store, report, "desk", app.key("ngo-zh"))
            .await;
    assert!(opened.is_err());
    // A queue the report was not routed to holds nothing.
    assert!(app
        .store
        .items_for(report, "queue:police-kh")
        .await
        .unwrap_or_default()
        .is_empty());
    // A sealed copy taken from one recipient does not open for the holder of another key.
    let items = app
        .store
        .items_for(report, "queue:desk")
        .await
        .unwrap_or_default();
    assert_eq!(items.len(), 6);
    for item in &items {
        assert!(item
            .key
            .sealed
            .open(app.key("consular-in"), report, item.id)
            .is_err());
        assert_eq!(
            item.key.recipient_key,
            app.key("desk").public_key().to_bytes()
        );
    }
});

on_both_engines!(concurrent_submissions_all_succeed, |engine| async move {
    let app = spawn_app(engine).await;
    let submissions = (0..24).map(|i| {
        let app = &app;
        async move {
            app.post_json(&json!({"narrative": format!("report {i}")}))
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(submissions).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    assert_eq!(app.store.count_reports().await.ok(), Some(24));
});
