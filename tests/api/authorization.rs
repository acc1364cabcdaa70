//! Every role against every workspace operation, over HTTP: each cell that must be denied is
//! denied, and a denied answer carries nothing of the report.

use serde_json::json;

use crate::accounts::{code_for, enrol, login};
use crate::helpers::{hidden, on_both_engines, spawn_app, TestApp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Operator,
    Coordinator,
    Responder,
    /// A coordinator the operator invited into the organisation and enrolled himself: no
    /// certificate from the organisation, so no standing.
    Planted,
    OtherOrganisation,
    LoggedOut,
    Expired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Allowed,
    Forbidden,
    ToLogin,
}

pub async fn person(
    app: &TestApp,
    role: &str,
    org: Option<&str>,
    username: &str,
) -> (String, String) {
    let token = app.invite(role, org).await;
    let (secret, _) = enrol(app, &token, username).await;
    let (cookie, _) = login(app, username, &code_for(&secret, 0))
        .await
        .unwrap_or_else(|s| panic!("{s}"));
    let csrf = hidden(
        &app.get_with("/workspace", &cookie)
            .await
            .text()
            .await
            .unwrap_or_default(),
        "csrf",
    );
    (cookie, csrf)
}

on_both_engines!(every_role_against_every_operation, |engine| async move {
    use Answer::*;
    let app = spawn_app(engine).await;
    let operator = person(&app, "operator", None, "op.matrix").await;
    let coordinator = person(&app, "coordinator", Some("partner"), "coord.matrix").await;
    let responder = person(&app, "responder", Some("partner"), "resp.matrix").await;
    let other = person(&app, "coordinator", Some("consulate-in"), "other.matrix").await;
    let planted = person(&app, "coordinator", Some("partner"), "planted.matrix").await;
    for (org, username) in [
        ("partner", "coord.matrix"),
        ("consulate-in", "other.matrix"),
    ] {
        let cookie = if org == "partner" {
            &coordinator.0
        } else {
            &other.0
        };
        crate::workspace::certify_offline(&app, cookie, org, username).await;
    }
    let key = app.key("ngo-kh").to_text();
    let import = app
        .post_form_with(
            "/queues/ngo-kh/key",
            &format!("csrf={}&private_key={}", coordinator.1, key.as_str()),
            Some(&coordinator.0),
        )
        .await;
    assert_eq!(import.status().as_u16(), 303);
    crate::workspace::give(&app, &coordinator.0, "ngo-kh", "resp.matrix").await;
    let responder_id = app
        .store
        .members("partner")
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|m| m.username == "resp.matrix")
        .map(|m| m.account_id)
        .unwrap_or_default();
    // An expired session: the responder logs in again, and that session is left idle too long.
    let expired = person(&app, "responder", Some("partner"), "idle.matrix").await;
    app.tamper("UPDATE sessions SET last_seen_at = 0, created_at = 0 WHERE account_id IN (SELECT id FROM accounts WHERE username = 'idle.matrix')", None, None).await;

    let people = [
        (Who::Operator, Some(&operator)),
        (Who::Coordinator, Some(&coordinator)),
        (Who::Responder, Some(&responder)),
        (Who::Planted, Some(&planted)),
        (Who::OtherOrganisation, Some(&other)),
        (Who::LoggedOut, None),
        (Who::Expired, Some(&expired)),
    ];
    for (who, session) in people {
        let (report, _) = app
            .submit(&json!({"location": {"country": "KH", "compound": "Matrix Compound"}, "narrative": "matrix", "consent": {"partner_ngos": true}}))
            .await;
        let csrf = session.map(|s| s.1.clone()).unwrap_or_default();
        let cookie = session.map(|s| s.0.as_str());
        let member = matches!(who, Who::Coordinator | Who::Responder);
        let coordinator_only = if who == Who::Coordinator {
            Allowed
        } else {
            Forbidden
        };
        // A planted coordinator invites nobody: only one who may manage the members does.
        let coordinators_invite = coordinator_only;
        let member_only = if member { Allowed } else { Forbidden };
        let operator_only = if who == Who::Operator {
            Allowed
        } else {
            Forbidden
        };
        let gate = |answer: Answer| {
            if matches!(who, Who::LoggedOut | Who::Expired) {
                ToLogin
            } else {
                answer
            }
        };
        let r = format!("/queues/ngo-kh/reports/{report}");
        let operations: Vec<(&str, String, Option<String>, Answer)> = vec![
            ("workspace", "/workspace".into(), None, gate(Allowed)),
            (
                "list organisations",
                "/organisations".into(),
                None,
                gate(operator_only),
            ),
            (
                "view an organisation",
                "/organisations/police-kh".into(),
                None,
                gate(operator_only),
            ),
            (
                "record vetting",
                "/organisations/police-kh/vetting".into(),
                Some(format!("csrf={csrf}&evidence=visited")),
                gate(operator_only),
            ),
            (
                "reinstate an organisation",
                "/organisations/police-kh/suspension".into(),
                Some(format!("csrf={csrf}&suspend=no")),
                gate(operator_only),
            ),
            (
                "register an organisation",
                "/organisations".into(),
                Some(format!(
                    "csrf={csrf}&id=ngo-x&name=X&kind=ngo&country=TH&contact=&signing_key={}",
                    homeward::crypto::signing::SigningKey::generate()
                        .verifying_key()
                        .to_text()
                )),
                gate(operator_only),
            ),
            (
                "invite a responder",
                "/invites".into(),
                Some(format!("csrf={csrf}&organisation=partner&role=responder")),
                gate(coordinators_invite),
            ),
            (
                "import the key",
                "/queues/ngo-kh/key".into(),
                Some(format!("csrf={csrf}&private_key={}", key.as_str())),
                gate(coordinator_only),
            ),
            (
                "grant a copy",
                "/queues/ngo-kh/members".into(),
                Some(format!("csrf={csrf}&account={responder_id}")),
                gate(coordinator_only),
            ),
            (
                "make a reset link",
                format!("/members/{responder_id}/reset"),
                Some(format!("csrf={csrf}")),
                gate(coordinator_only),
            ),
            (
                "rotate the queue key",
                "/queues/ngo-kh/rotate".into(),
                Some(format!("csrf={csrf}&private_key=hwsk1.x&signature=hwsg1.x")),
                gate(coordinator_only),
            ),
            (
                "finish re-sealing",
                "/queues/ngo-kh/reseal".into(),
                Some(format!("csrf={csrf}")),
                gate(coordinator_only),
            ),
            (
                "list the queue",
                "/queues/ngo-kh".into(),
                None,
                gate(member_only),
            ),
            ("open the report", r.clone(), None, gate(member_only)),
            (
                "claim",
                format!("{r}/claim"),
                Some(format!("csrf={csrf}")),
                gate(member_only),
            ),
            (
                "acknowledge",
                format!("{r}/status"),
                Some(format!("csrf={csrf}&status=acknowledged&outcome=")),
                gate(member_only),
            ),
            (
                "reply",
                format!("{r}/reply"),
                Some(format!("csrf={csrf}&text=hello")),
                gate(member_only),
            ),
            (
                "refer",
                format!("{r}/refer"),
                Some(format!("csrf={csrf}&to=desk&reason=matrix")),
                gate(member_only),
            ),
            (
                "note",
                format!("{r}/note"),
                Some(format!("csrf={csrf}&text=internal")),
                gate(member_only),
            ),
        ];
        for (name, path, body, expected) in operations {
            let response = match &body {
                Some(body) => app.post_form_with(&path, body, cookie).await,
                None => match cookie {
                    Some(c) => app.get_with(&path, c).await,
                    None => app.get(&path).await,
                },
            };
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let text = response.text().await.unwrap_or_default();
            let got = match status {
                // 422: past the authorisation check, refused for what the form said.
                200 | 422 => Allowed,
                303 if location == "/login" => ToLogin,
                303 => Allowed,
                403 => Forbidden,
                other => panic!("{who:?} {name}: unexpected {other}"),
            };
            assert_eq!(got, expected, "{who:?} {name}");
            if got != Allowed {
                assert!(
                    !text.contains("Matrix Compound") && !text.contains("matrix\""),
                    "{who:?} {name} leaked content"
                );
            }
        }
    }
});
