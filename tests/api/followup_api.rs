//! The reporter's return as JSON, for partner apps: the same visit, rules and field errors as
//! the follow-up page.

use serde_json::{json, Value};

use crate::files;
use crate::helpers::{captured_logs, on_both_engines, spawn_app, TestApp};

async fn call(app: &TestApp, path: &str, body: Value) -> (u16, Value) {
    let response = app
        .client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

on_both_engines!(a_partner_app_follows_up_in_json, |engine| async move {
    let app = spawn_app(engine).await;
    let (report, code) = app
            .submit(&json!({"location": {"country": "KH"}, "narrative": "app report", "consent": {"partner_ngos": true}}))
            .await;

    let before = app.kdf.derivations();
    let wrong = format!("{}0000", &code.replace(' ', "")[..16]);
    let (status, missed) = call(&app, "/api/v1/followup/visits", json!({"code": wrong})).await;
    assert_eq!(
        (status, app.kdf.derivations() - before),
        (422, 1),
        "{missed}"
    );
    assert_eq!(missed["errors"][0]["code"], "no_match");

    let (status, opened) = call(&app, "/api/v1/followup/visits", json!({"code": code})).await;
    assert_eq!(status, 201, "{opened}");
    assert_eq!(opened["status"], "received");
    assert!(
        !opened.to_string().contains("app report"),
        "never the report"
    );
    let visit = opened["visit"].as_str().unwrap_or_default().to_owned();

    let (status, bad) = call(
        &app,
        "/api/v1/followup/additions",
        json!({"visit": visit, "addition": {"location": {"latitude": "400", "longitude": "1"}}}),
    )
    .await;
    assert_eq!(status, 422, "{bad}");
    let (status, _) = call(
        &app,
        "/api/v1/followup/additions",
        json!({"visit": visit, "addition": {"narrative": "moved to building 9"}}),
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = call(
        &app,
        "/api/v1/followup/consents/allow",
        json!({"visit": visit, "consent": "consulate"}),
    )
    .await;
    assert_eq!(status, 204);

    // A file staged over a slow link, then attached to the visit.
    let photo = files::jpeg(64, 48, files::SCAN);
    let created = app
        .client
        .post(app.url("/api/v1/uploads"))
        .json(&json!({"size": photo.len(), "media_type": "image/jpeg"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let created: Value = created.json().await.unwrap_or_default();
    let (id, token) = (
        created["id"].as_str().unwrap_or_default().to_owned(),
        created["token"].as_str().unwrap_or_default().to_owned(),
    );
    let sent = app
        .client
        .patch(app.url(&format!("/api/v1/uploads/{id}")))
        .header("Upload-Token", &token)
        .header("Upload-Offset", "0")
        .header("Content-Type", "application/offset+octet-stream")
        .body(photo)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sent.status().as_u16(), 200);
    let (status, attached) = call(
            &app,
            "/api/v1/followup/attachments",
            json!({"visit": visit, "attachments": [{"upload": id, "token": token, "use_location": true}]}),
        )
        .await;
    assert_eq!(status, 204, "{attached}");

    let desk = app.open_as(report, "desk").await;
    let kinds: Vec<&str> = desk.iter().map(|(k, _)| k.as_str()).collect();
    for kind in ["addition", "consent", "attachment"] {
        assert!(kinds.contains(&kind), "{kind}: {kinds:?}");
    }
    let (status, thread) = call(&app, "/api/v1/followup/thread", json!({"visit": visit})).await;
    assert_eq!(status, 200, "{thread}");

    let (status, _) = call(
        &app,
        "/api/v1/followup/withdrawal",
        json!({"visit": visit, "confirm": false}),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = call(
        &app,
        "/api/v1/followup/withdrawal",
        json!({"visit": visit, "confirm": true}),
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = call(&app, "/api/v1/followup/thread", json!({"visit": visit})).await;
    assert_eq!(status, 401, "the visit ended");
    let (status, _) = call(&app, "/api/v1/followup/visits", json!({"code": code})).await;
    assert_eq!(status, 422, "the code opens nothing any more");

    let logs = captured_logs();
    assert!(
        !logs.contains(&visit) && !logs.contains(&token),
        "no token is logged"
    );
});
