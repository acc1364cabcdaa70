//! The API answers as an API (issue 17, item 8): an unknown path under /api/ is a JSON 404, not
//! the reporter's page; a path asked with a method it does not take is a 405 naming the ones it
//! does; a wrong password or code says so, not "log in first".

use serde_json::{json, Value};

use crate::helpers::{on_both_engines, spawn_app, TestApp};

async fn ask(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path));
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap_or_else(|e| panic!("{e}"))
}

fn is_json(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

on_both_engines!(the_api_answers_as_an_api, |engine| async move {
    let app = spawn_app(engine).await;

    let unknown = ask(&app, reqwest::Method::GET, "/api/v1/no-such-thing", None).await;
    assert_eq!(unknown.status().as_u16(), 404);
    assert!(is_json(&unknown));
    let body: Value = unknown.json().await.unwrap_or_default();
    assert_eq!(body["error"], "not_found", "{body}");

    let wrong_method = ask(&app, reqwest::Method::GET, "/api/v1/reports", None).await;
    assert_eq!(wrong_method.status().as_u16(), 405);
    assert!(is_json(&wrong_method));
    let allow = wrong_method
        .headers()
        .get("allow")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(allow, "POST");
    let body: Value = wrong_method.json().await.unwrap_or_default();
    assert_eq!(body["error"], "method_not_allowed", "{body}");

    // A path with a parameter, asked with a method it does not take.
    let put = ask(
        &app,
        reqwest::Method::PUT,
        "/api/v1/queues/desk/reports/00000000-0000-4000-8000-000000000000",
        None,
    )
    .await;
    assert_eq!(put.status().as_u16(), 405);
    assert!(put.headers().get("allow").is_some());

    let login = ask(
            &app,
            reqwest::Method::POST,
            "/api/v1/session",
            Some(json!({"username": "nobody.here", "password": "violet river under nine lanterns", "code": "000000"})),
        )
        .await;
    assert_eq!(login.status().as_u16(), 401);
    let body: Value = login.json().await.unwrap_or_default();
    assert_eq!(body["error"], "login_failed", "{body}");
    assert_ne!(body["message"], "Log in first.", "{body}");

    // Pages keep answering as pages.
    let page = app
        .client
        .get(app.url("/no-such-page"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.status().as_u16(), 404);
    assert!(!is_json(&page));
});
