//! A coordinator imports a queue's key; members then list the queue and open its reports; nobody
//! else can.

use serde_json::json;

use crate::accounts::{code_for, enrol, login};
use crate::helpers::{hidden, on_both_engines, spawn_app, TestApp};

/// Enrols and logs in someone invited to `role` of `organisation`; returns their session cookie.
/// A coordinator of a test organisation is then certified by the organisation's offline key, as
/// its first coordinator would be; a responder stays uncertified until a coordinator certifies
/// them (`give`).
pub async fn staff(app: &TestApp, role: &str, organisation: &str, username: &str) -> String {
    let cookie = uncertified_staff(app, role, organisation, username).await;
    if role == "coordinator" && app.signers.keys.contains_key(organisation) {
        certify_offline(app, &cookie, organisation, username).await;
    }
    cookie
}

/// Enrols and logs in, and nothing more.
pub async fn uncertified_staff(
    app: &TestApp,
    role: &str,
    organisation: &str,
    username: &str,
) -> String {
    let token = app.invite(role, Some(organisation)).await;
    let (secret, _) = enrol(app, &token, username).await;
    login(app, username, &code_for(&secret, 0))
        .await
        .map(|(cookie, _)| cookie)
        .unwrap_or_else(|s| panic!("login: {s}"))
}

pub async fn account_id(app: &TestApp, username: &str) -> String {
    app.store
        .account_by_username(username)
        .await
        .ok()
        .flatten()
        .map(|a| a.id)
        .unwrap_or_else(|| panic!("no account {username}"))
}

/// What `homeward org certify` prints for the account, signed with the organisation's key.
pub async fn organisation_certificate(app: &TestApp, organisation: &str, username: &str) -> String {
    let id = account_id(app, username).await;
    let row = app
        .store
        .identity(&id)
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no identity for {username}"));
    let identity = row
        .identity_key
        .as_deref()
        .and_then(|k| homeward::crypto::signing::VerifyingKey::from_bytes(k).ok())
        .unwrap_or_else(|| panic!("{username} has no identity key"));
    app.signers
        .of(organisation)
        .sign(&homeward::crypto::signing::Statement::Member {
            organisation,
            account: &id,
            username,
            role: &row.role,
            identity: &identity,
        })
        .to_text()
}

/// The person pastes the certificate their organisation made offline into their workspace.
pub async fn certify_offline(app: &TestApp, cookie: &str, organisation: &str, username: &str) {
    let signature = organisation_certificate(app, organisation, username).await;
    let csrf = csrf_of(app, cookie).await;
    let done = app
        .post_form_with(
            "/workspace/certificate",
            &format!("csrf={csrf}&signature={signature}"),
            Some(cookie),
        )
        .await;
    assert_eq!(done.status().as_u16(), 200, "certifying {username}");
}

/// The identity fingerprint the member reads out from their own workspace (here, of the identity
/// the server holds, which is theirs when nobody tampered with it).
pub async fn fingerprint_of(app: &TestApp, username: &str) -> String {
    let id = account_id(app, username).await;
    app.store
        .identity(&id)
        .await
        .ok()
        .flatten()
        .and_then(|row| row.identity_key)
        .and_then(|k| homeward::crypto::signing::VerifyingKey::from_bytes(&k).ok())
        .map(|k| homeward::crypto::identity::fingerprint(&k))
        .unwrap_or_else(|| panic!("{username} has no identity key"))
}

/// A certified coordinator certifies a fellow member, then gives them the queue.
pub async fn give(app: &TestApp, coordinator: &str, queue: &str, username: &str) {
    let id = account_id(app, username).await;
    let csrf = csrf_of(app, coordinator).await;
    let fingerprint = fingerprint_of(app, username).await;
    let certified = app
        .post_form_with(
            &format!("/members/{id}/certify"),
            &format!("csrf={csrf}&fingerprint={fingerprint}"),
            Some(coordinator),
        )
        .await;
    assert_eq!(certified.status().as_u16(), 200, "certifying {username}");
    let granted = app
        .post_form_with(
            &format!("/queues/{queue}/members"),
            &format!("csrf={csrf}&account={id}"),
            Some(coordinator),
        )
        .await;
    assert_eq!(
        granted.status().as_u16(),
        303,
        "giving {queue} to {username}"
    );
}

pub async fn csrf_of(app: &TestApp, cookie: &str) -> String {
    hidden(
        &app.get_with("/workspace", cookie)
            .await
            .text()
            .await
            .unwrap_or_default(),
        "csrf",
    )
}

fn form_key(app: &TestApp, queue: &str) -> String {
    app.key(queue)
        .to_text()
        .as_str()
        .replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D")
}

on_both_engines!(
    members_open_their_queues_reports_and_nobody_else_does,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
            .submit(&json!({
                "location": {"country": "KH", "compound": "Golden Fortune Park"},
                "person": {"name": "Somchai"},
                "indicators": ["violence"],
                "consent": {"partner_ngos": true},
            }))
            .await;

        let coordinator = staff(&app, "coordinator", "partner", "coord.kh").await;
        let early = staff(&app, "responder", "partner", "resp.early").await;
        let outsider = staff(&app, "coordinator", "consulate-in", "coord.in").await;
        let csrf = csrf_of(&app, &coordinator).await;

        // Before the import nobody holds the key.
        assert_eq!(
            app.get_with("/queues/ngo-kh", &early)
                .await
                .status()
                .as_u16(),
            403
        );
        // A key that is not the queue's is refused; the right one is sealed to the importing
        // coordinator alone.
        let wrong = app
            .post_form_with(
                "/queues/ngo-kh/key",
                &format!("csrf={csrf}&private_key={}", form_key(&app, "desk")),
                Some(&coordinator),
            )
            .await;
        assert_eq!(wrong.status().as_u16(), 422);
        let forged = app
            .post_form_with(
                "/queues/ngo-kh/key",
                &format!("private_key={}", form_key(&app, "ngo-kh")),
                Some(&coordinator),
            )
            .await;
        assert_eq!(forged.status().as_u16(), 403);
        let outsider_csrf = csrf_of(&app, &outsider).await;
        let foreign = app
            .post_form_with(
                "/queues/ngo-kh/key",
                &format!(
                    "csrf={outsider_csrf}&private_key={}",
                    form_key(&app, "ngo-kh")
                ),
                Some(&outsider),
            )
            .await;
        assert_eq!(foreign.status().as_u16(), 403);
        let early_csrf = csrf_of(&app, &early).await;
        let by_responder = app
            .post_form_with(
                "/queues/ngo-kh/key",
                &format!("csrf={early_csrf}&private_key={}", form_key(&app, "ngo-kh")),
                Some(&early),
            )
            .await;
        assert_eq!(by_responder.status().as_u16(), 403);
        import(&app, &coordinator, "ngo-kh").await;
        assert_eq!(
            app.get_with("/queues/ngo-kh", &early)
                .await
                .status()
                .as_u16(),
            403,
            "a member is given a queue explicitly, never by being a member"
        );
        give(&app, &coordinator, "ngo-kh", "resp.early").await;

        // The responder sees the queue, its entry and the report.
        let workspace = app
            .get_with("/workspace", &early)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(workspace.contains("/queues/ngo-kh"));
        let queue = app.get_with("/queues/ngo-kh", &early).await;
        assert_eq!(queue.status().as_u16(), 200);
        let queue = queue.text().await.unwrap_or_default();
        assert!(
            queue.contains(&format!("/queues/ngo-kh/reports/{report}")) && queue.contains("high"),
            "{queue}"
        );
        let opened = app
            .get_with(&format!("/queues/ngo-kh/reports/{report}"), &early)
            .await;
        assert_eq!(opened.status().as_u16(), 200);
        assert_eq!(
            opened
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-store")
        );
        let opened = opened.text().await.unwrap_or_default();
        assert!(
            opened.contains("Golden Fortune Park") && opened.contains("Somchai"),
            "{opened}"
        );
        assert!(opened.contains("Compound or company name"));

        // Not the desk's reports, not another organisation's member, not a logged-out visitor.
        assert_eq!(
            app.get_with("/queues/desk", &early).await.status().as_u16(),
            403
        );
        assert_eq!(
            app.get_with(&format!("/queues/desk/reports/{report}"), &early)
                .await
                .status()
                .as_u16(),
            403
        );
        let foreign_view = app
            .get_with(&format!("/queues/ngo-kh/reports/{report}"), &outsider)
            .await;
        assert_eq!(foreign_view.status().as_u16(), 403);
        assert!(!foreign_view
            .text()
            .await
            .unwrap_or_default()
            .contains("Golden Fortune"));
        let anonymous = app
            .client
            .get(app.url(&format!("/queues/ngo-kh/reports/{report}")))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .ok();
        assert_eq!(anonymous, Some(303));
        // A report the queue does not hold is not found, even for a member.
        let (elsewhere, _) = app.submit(&json!({"narrative": "desk only"})).await;
        assert_eq!(
            app.get_with(&format!("/queues/ngo-kh/reports/{elsewhere}"), &early)
                .await
                .status()
                .as_u16(),
            404
        );

        // Someone who joins later has no copy until the coordinator certifies them and grants one.
        let late = staff(&app, "responder", "partner", "resp.late").await;
        assert_eq!(
            app.get_with("/queues/ngo-kh", &late)
                .await
                .status()
                .as_u16(),
            403
        );
        let members = app.store.members("partner").await.unwrap_or_default();
        let late_id = members
            .iter()
            .find(|m| m.username == "resp.late")
            .map(|m| m.account_id.clone())
            .unwrap_or_default();
        let uncertified = app
            .post_form_with(
                "/queues/ngo-kh/members",
                &format!("csrf={csrf}&account={late_id}"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(uncertified.status().as_u16(), 403);
        give(&app, &coordinator, "ngo-kh", "resp.late").await;
        assert_eq!(
            app.get_with(&format!("/queues/ngo-kh/reports/{report}"), &late)
                .await
                .status()
                .as_u16(),
            200
        );
    }
);

on_both_engines!(
    entries_move_through_the_documented_workflow,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
        .submit(&json!({"location": {"country": "KH"}, "narrative": "workflow", "consent": {"partner_ngos": true, "police": true}}))
        .await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.wf").await;
        let first = staff(&app, "responder", "partner", "resp.one").await;
        let second = staff(&app, "responder", "partner", "resp.two").await;
        import(&app, &coordinator, "ngo-kh").await;
        give(&app, &coordinator, "ngo-kh", "resp.one").await;
        give(&app, &coordinator, "ngo-kh", "resp.two").await;
        let (first_csrf, second_csrf) = (csrf_of(&app, &first).await, csrf_of(&app, &second).await);
        let path = |action: &str| format!("/queues/ngo-kh/reports/{report}/{action}");
        let state = || async {
            app.store
                .entry_state("ngo-kh", &report.to_string())
                .await
                .ok()
                .flatten()
        };

        // Without the CSRF token nothing changes.
        assert_eq!(
            app.post_form_with(&path("claim"), "", Some(&first))
                .await
                .status()
                .as_u16(),
            403
        );
        // Claim; a second claim by someone else is a conflict; releasing someone else's claim is not theirs to do.
        assert_eq!(
            app.post_form_with(&path("claim"), &format!("csrf={first_csrf}"), Some(&first))
                .await
                .status()
                .as_u16(),
            303
        );
        assert_eq!(
            app.post_form_with(
                &path("claim"),
                &format!("csrf={second_csrf}"),
                Some(&second)
            )
            .await
            .status()
            .as_u16(),
            409
        );
        assert_eq!(
            app.post_form_with(
                &path("release"),
                &format!("csrf={second_csrf}"),
                Some(&second)
            )
            .await
            .status()
            .as_u16(),
            403
        );
        let queue = app
            .get_with("/queues/ngo-kh", &first)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(queue.contains("claimed by me"), "{queue}");

        let moved = |to: &'static str, outcome: &'static str| {
            let body = format!("csrf={first_csrf}&status={to}&outcome={outcome}");
            let (app, first, path) = (&app, &first, path("status"));
            async move {
                app.post_form_with(&path, &body, Some(first))
                    .await
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(
            moved("waiting_for_reporter", "").await,
            422,
            "new cannot wait for the reporter"
        );
        assert_eq!(moved("acknowledged", "").await, 303);
        assert_eq!(moved("in_progress", "").await, 303);
        assert_eq!(moved("waiting_for_reporter", "").await, 303);
        assert_eq!(moved("closed", "").await, 422, "closing needs an outcome");
        assert_eq!(moved("closed", "nonsense").await, 422);
        assert_eq!(moved("closed", "rescued").await, 303);
        let closed = state().await.unwrap_or_else(|| panic!("no entry"));
        assert_eq!(
            (closed.status.as_str(), closed.outcome.as_deref()),
            ("closed", Some("rescued"))
        );
        let page = app
            .get_with(&format!("/queues/ngo-kh/reports/{report}"), &first)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            page.contains("<b id=\"status\">closed</b> (rescued)"),
            "{page}"
        );

        // Each queue works its own entry: the desk's is untouched.
        let desk = app
            .store
            .entry_state("desk", &report.to_string())
            .await
            .ok()
            .flatten();
        assert_eq!(desk.map(|d| d.status), Some("new".to_owned()));
        // Reopened, the outcome goes; the claim can be released by its holder.
        assert_eq!(moved("in_progress", "").await, 303);
        assert_eq!(state().await.and_then(|s| s.outcome), None);
        assert_eq!(
            app.post_form_with(
                &path("release"),
                &format!("csrf={first_csrf}"),
                Some(&first)
            )
            .await
            .status()
            .as_u16(),
            303
        );
        assert_eq!(state().await.and_then(|s| s.assignee), None);
    }
);

pub async fn import(app: &TestApp, cookie: &str, queue: &str) {
    let csrf = csrf_of(app, cookie).await;
    let done = app
        .post_form_with(
            &format!("/queues/{queue}/key"),
            &format!("csrf={csrf}&private_key={}", form_key(app, queue)),
            Some(cookie),
        )
        .await;
    assert_eq!(done.status().as_u16(), 303, "importing {queue}");
}

on_both_engines!(
    replies_reach_the_reporter_and_notes_stay_in_the_organisation,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
        .submit(&json!({
            "location": {"country": "KH"}, "person": {"nationality": "IN"}, "narrative": "thread",
            "consent": {"partner_ngos": true, "consulate": true},
        }))
        .await;
        let partner = staff(&app, "coordinator", "partner", "coord.pt").await;
        let operator = staff(&app, "coordinator", "operator", "coord.op").await;
        let consul = staff(&app, "coordinator", "consulate-in", "coord.cn").await;
        import(&app, &partner, "ngo-kh").await;
        import(&app, &operator, "desk").await;
        import(&app, &consul, "consular-in").await;
        let csrf = csrf_of(&app, &partner).await;
        let path = |queue: &str, action: &str| format!("/queues/{queue}/reports/{report}/{action}");

        let empty = app
            .post_form_with(
                &path("ngo-kh", "reply"),
                &format!("csrf={csrf}&text=+"),
                Some(&partner),
            )
            .await;
        assert_eq!(empty.status().as_u16(), 422);
        let replied = app
            .post_form_with(
                &path("ngo-kh", "reply"),
                &format!("csrf={csrf}&text=We+are+coming%2C+stay+safe"),
                Some(&partner),
            )
            .await;
        assert_eq!(replied.status().as_u16(), 303);
        let noted = app
            .post_form_with(
                &path("ngo-kh", "note"),
                &format!("csrf={csrf}&text=Internal%3A+call+the+hotline"),
                Some(&partner),
            )
            .await;
        assert_eq!(noted.status().as_u16(), 303);
        let consul_csrf = csrf_of(&app, &consul).await;
        let consular_reply = app
            .post_form_with(
                &path("consular-in", "reply"),
                &format!("csrf={consul_csrf}&text=hello"),
                Some(&consul),
            )
            .await;
        assert_eq!(consular_reply.status().as_u16(), 403);

        // The reporter's code opens the status and the reply, never the note.
        let kdf = homeward::crypto::kdf::KdfPool::new(1);
        let parsed = homeward::domain::ReceiptCode::parse(&code).unwrap_or_else(|e| panic!("{e}"));
        let opened = homeward::casework::opening::open_for_reporter(&app.store, &kdf, &parsed)
            .await
            .ok()
            .flatten();
        let (_, items) = opened.unwrap_or_else(|| panic!("the code opened nothing"));
        let texts: Vec<String> = items
            .iter()
            .map(|i| String::from_utf8_lossy(&i.plaintext).into_owned())
            .collect();
        assert_eq!(
            items.iter().map(|i| i.kind.as_str()).collect::<Vec<_>>(),
            ["status", "reply"]
        );
        assert!(texts[1].contains("We are coming, stay safe") && !texts[1].contains("coord.pt"));

        // The desk (another NGO) sees the reply but not the partner's note; the consulate sees neither.
        let desk = app
            .get_with(&format!("/queues/desk/reports/{report}"), &operator)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(desk.contains("We are coming, stay safe") && !desk.contains("call the hotline"));
        let partner_page = app
            .get_with(&format!("/queues/ngo-kh/reports/{report}"), &partner)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            partner_page.contains("Internal: call the hotline")
                && partner_page.contains("coord.pt")
        );
        let consular = app
            .get_with(&format!("/queues/consular-in/reports/{report}"), &consul)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            !consular.contains("stay safe")
                && !consular.contains("hotline")
                && !consular.contains("thread")
        );
        assert!(
            !consular.contains("/reply\""),
            "consular entries have no reply form"
        );
    }
);

on_both_engines!(
    queues_receive_only_once_their_key_is_imported,
    |engine| async move {
        let options = crate::helpers::Options {
            import_keys: false,
            ..crate::helpers::Options::default()
        };
        let app = crate::helpers::spawn_with(engine, options).await;
        let body = json!({"location": {"country": "KH"}, "narrative": "before any import", "consent": {"partner_ngos": true}});
        // No desk can receive: 503, no receipt, nothing stored.
        let refused = app.post_json(&body).await;
        assert_eq!(refused.status().as_u16(), 503);
        let refused: serde_json::Value = refused.json().await.unwrap_or_default();
        assert!(refused.get("receipt_code").is_none());
        let form = app.post_form("narrative=before+any+import").await;
        assert_eq!(form.status().as_u16(), 503);
        assert!(!form
            .text()
            .await
            .unwrap_or_default()
            .contains("class=\"code\""));
        assert_eq!(app.store.count_reports().await.ok(), Some(0));

        // The desk's coordinator imports its key: reports arrive, but not yet at the partner queue.
        let operator = staff(&app, "coordinator", "operator", "coord.desk").await;
        import(&app, &operator, "desk").await;
        let (first, _) = app.submit(&body).await;
        assert_eq!(
            app.store.report_queues(first).await.unwrap_or_default(),
            ["desk"]
        );

        let partner = staff(&app, "coordinator", "partner", "coord.part").await;
        import(&app, &partner, "ngo-kh").await;
        let (second, _) = app.submit(&body).await;
        assert_eq!(
            app.store.report_queues(second).await.unwrap_or_default(),
            ["desk", "ngo-kh"]
        );
    }
);
