//! What the people in these attacks do over HTTP — the reporter coming back, a responder writing,
//! an NGO issuing a projection version — and what the database shows of it afterwards: to whom
//! each item's key is sealed.

use crate::helpers::{hidden, TestApp};
use crate::workspace::csrf_of;

pub fn form_encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Posts a follow-up form with the visit's token; returns the status and page.
pub async fn reporter_post(app: &TestApp, path: &str, token: &str, body: &str) -> (u16, String) {
    let response = app
        .client
        .post(app.url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("visit={token}&{body}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// The reporter opens a visit with the receipt code; returns the visit's token.
pub async fn visit(app: &TestApp, code: &str) -> String {
    let body = format!("code={}", code.replace(' ', ""));
    let (status, page) = reporter_post(app, "/followup", "", &body).await;
    assert_eq!(status, 200, "{page}");
    hidden(&page, "visit")
}

/// The reporter adds a message on a visit.
pub async fn add(app: &TestApp, token: &str, message: &str) -> u16 {
    let body = format!("narrative={}", form_encode(message));
    reporter_post(app, "/followup/message", token, &body)
        .await
        .0
}

/// A responder of `queue` posts a staff form about the report; returns the status.
pub async fn staff_post(
    app: &TestApp,
    cookie: &str,
    queue: &str,
    report: uuid::Uuid,
    action: &str,
    form: &str,
) -> u16 {
    let csrf = csrf_of(app, cookie).await;
    app.post_form_with(
        &format!("/queues/{queue}/reports/{report}/{action}"),
        &format!("csrf={csrf}&{form}"),
        Some(cookie),
    )
    .await
    .status()
    .as_u16()
}

/// For each item of `kind` of the report, oldest first, the recipients its key is sealed to.
pub async fn recipients_by_item(app: &TestApp, report: uuid::Uuid, kind: &str) -> Vec<Vec<String>> {
    let items = app
        .strings(&format!(
            "SELECT id FROM items WHERE report_id = '{report}' AND kind = '{kind}'
             ORDER BY position, id"
        ))
        .await;
    let mut out = Vec::new();
    for item in items {
        out.push(
            app.strings(&format!(
                "SELECT recipient FROM item_keys WHERE item_id = '{item}' ORDER BY recipient"
            ))
            .await,
        );
    }
    out
}
