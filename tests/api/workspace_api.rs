//! The workspace as JSON: the same operations and the same authorisation as the pages, with a
//! bearer token instead of a cookie.

use serde_json::{json, Value};

use crate::accounts::{code_for, enrol};
use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{import, staff};

async fn api(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = match method {
        "GET" => app.client.get(app.url(path)),
        "DELETE" => app.client.delete(app.url(path)),
        _ => app.client.post(app.url(path)),
    };
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn token(app: &TestApp, role: &str, org: &str, username: &str) -> String {
    let invite = app.invite(role, Some(org)).await;
    let (secret, _) = enrol(app, &invite, username).await;
    let (status, body) = api(
        app,
        "POST",
        "/api/v1/session",
        None,
        Some(json!({"username": username, "password": "violet river under nine lanterns", "code": code_for(&secret, 0)})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["token"].as_str().unwrap_or_default().to_owned()
}

on_both_engines!(
    the_workspace_answers_in_json_with_the_same_rules,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.api").await;
        import(&app, &coordinator, "ngo-kh").await;
        let responder = token(&app, "responder", "partner", "resp.api").await;
        let outsider = token(&app, "coordinator", "consulate-in", "other.api").await;
        // The coordinator gives the responder a copy of the queue key.
        let responder_id = app
            .store
            .members("partner")
            .await
            .unwrap_or_default()
            .into_iter()
            .find(|m| m.username == "resp.api")
            .map(|m| m.account_id)
            .unwrap_or_default();
        let csrf = crate::workspace::csrf_of(&app, &coordinator).await;
        app.post_form_with(
            "/queues/ngo-kh/members",
            &format!("csrf={csrf}&account={responder_id}"),
            Some(&coordinator),
        )
        .await;

        let (report, _) = app
        .submit(&json!({"location": {"country": "KH", "compound": "Api Tower"}, "narrative": "api words", "consent": {"partner_ngos": true}}))
        .await;
        let base = format!("/api/v1/queues/ngo-kh/reports/{report}");

        assert_eq!(api(&app, "GET", "/api/v1/queues", None, None).await.0, 401);
        assert_eq!(
            api(&app, "GET", "/api/v1/queues", Some("not-a-session"), None)
                .await
                .0,
            401
        );
        let (status, queues) = api(&app, "GET", "/api/v1/queues", Some(&responder), None).await;
        assert_eq!((status, queues), (200, json!({"queues": ["ngo-kh"]})));
        let (status, entries) = api(
            &app,
            "GET",
            "/api/v1/queues/ngo-kh/entries",
            Some(&responder),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(entries[0]["report_id"], report.to_string());

        let (status, denied) = api(&app, "GET", &base, Some(&outsider), None).await;
        assert_eq!(status, 403);
        assert!(!denied.to_string().contains("Api Tower"));
        let (status, opened) = api(&app, "GET", &base, Some(&responder), None).await;
        assert_eq!(status, 200);
        assert!(opened.to_string().contains("Api Tower"));

        let (status, state) = api(
            &app,
            "POST",
            &format!("{base}/claim"),
            Some(&responder),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(state["assignee"], responder_id);
        let (status, _) = api(
            &app,
            "POST",
            &format!("{base}/status"),
            Some(&responder),
            Some(json!({"status": "closed"})),
        )
        .await;
        assert_eq!(status, 422, "closing needs an outcome");
        let (status, state) = api(
            &app,
            "POST",
            &format!("{base}/status"),
            Some(&responder),
            Some(json!({"status": "acknowledged"})),
        )
        .await;
        assert_eq!(
            (status, state["status"].clone()),
            (200, json!("acknowledged"))
        );
        let (status, _) = api(
            &app,
            "POST",
            &format!("{base}/reply"),
            Some(&responder),
            Some(json!({"text": "we are coming"})),
        )
        .await;
        assert_eq!(status, 201);
        let (status, _) = api(
            &app,
            "POST",
            &format!("{base}/note"),
            Some(&responder),
            Some(json!({"text": "call the shelter"})),
        )
        .await;
        assert_eq!(status, 201);
        let (status, _) = api(
            &app,
            "POST",
            &format!("{base}/note"),
            Some(&responder),
            Some(json!({"txt": "typo"})),
        )
        .await;
        assert_eq!(status, 400);
        let (status, refused) = api(
            &app,
            "POST",
            &format!("{base}/refer"),
            Some(&responder),
            Some(json!({"to": "police-kh", "reason": "they can act"})),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(refused["code"], "no-consent");

        let (status, _) = api(&app, "DELETE", "/api/v1/session", Some(&responder), None).await;
        assert_eq!(status, 204);
        assert_eq!(
            api(&app, "GET", "/api/v1/queues", Some(&responder), None)
                .await
                .0,
            401
        );

        let (_, document) = api(&app, "GET", "/api/v1/openapi.json", None, None).await;
        for path in [
            "/api/v1/session",
            "/api/v1/queues/{queue}/entries",
            "/api/v1/queues/{queue}/reports/{report}/refer",
        ] {
            assert!(
                document["paths"].get(path).is_some(),
                "{path} not documented"
            );
        }
    }
);
