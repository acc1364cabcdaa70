//! What the server refuses to start with, the demo desk, secrets, and replicas sharing PostgreSQL.

use std::net::IpAddr;
use std::sync::Arc;

use serde_json::json;

use crate::helpers::{build, fresh_postgres_database, settings, spawn_with, Engine, Options};
use homeward::crypto::kdf::KdfPool;
use homeward::crypto::PrivateKey;
use homeward::domain::receipt::LOCATOR_SPACE;
use homeward::domain::{Report, ReportInput};
use homeward::reporting::intake::{Intake, IntakeError, Locators};
use homeward::startup::Application;
use homeward::triage::{RoutingConfig, TriageRules};

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0)
}

#[tokio::test]
async fn a_fresh_loopback_sqlite_install_runs_on_the_demo_desk() {
    let options = Options {
        declare_queues: false,
        provision_secrets: false,
        ..Options::default()
    };
    let app = spawn_with(Engine::Sqlite, options).await;
    let data = app.dir.path().join("data");
    let key_file = data.join("demo-desk.key");
    #[cfg(unix)]
    {
        assert_eq!(mode(&key_file), 0o600);
        assert_eq!(mode(&app.secrets_file), 0o600);
    }
    let key_text = std::fs::read_to_string(&key_file).unwrap_or_default();
    let key = PrivateKey::parse(&key_text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        app.store.active_queue_ids().await.unwrap_or_default(),
        ["demo-desk"]
    );
    let (report, _) = app.submit(&json!({"narrative": "first run"})).await;
    let opened =
        homeward::casework::opening::open_for_queue(&app.store, report, "demo-desk", &key).await;
    assert_eq!(opened.map(|items| items.len()).ok(), Some(6));

    // The first run works in the workspace too: a demo coordinator, with no organisation key to
    // certify them, imports the demo key and reads the report.
    let coordinator =
        crate::workspace::uncertified_staff(&app, "coordinator", "homeward-demo", "coord.demo")
            .await;
    let csrf = crate::workspace::csrf_of(&app, &coordinator).await;
    let imported = app
        .post_form_with(
            "/queues/demo-desk/key",
            &format!(
                "csrf={csrf}&private_key={}",
                key_text.trim().replace('+', "%2B").replace('/', "%2F")
            ),
            Some(&coordinator),
        )
        .await;
    assert_eq!(imported.status().as_u16(), 303);
    let page = app
        .get_with(&format!("/queues/demo-desk/reports/{report}"), &coordinator)
        .await;
    assert_eq!(page.status().as_u16(), 200);

    // A second start keeps the same key and never rewrites the file.
    let mut again = settings(
        app.dir.path(),
        &app.database_url,
        app.secrets_file.clone(),
        IpAddr::from([127, 0, 0, 1]),
    );
    // Still a fresh checkout's settings: no routing file configured.
    again.routing_file = None;
    let restarted = Application::build(again).await;
    assert!(restarted.is_ok());
    assert_eq!(
        std::fs::read_to_string(&key_file).unwrap_or_default(),
        key_text
    );
    assert!(crate::helpers::captured_logs().contains("DEMO DESK IN USE"));
}

#[tokio::test]
async fn the_demo_desk_is_refused_on_a_public_address() {
    let options = Options {
        declare_queues: false,
        host: IpAddr::from([0, 0, 0, 0]),
        ..Options::default()
    };
    let (built, _app) = build(Engine::Sqlite, options).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(error.contains("no desk is declared"), "{error}");
}

#[tokio::test]
#[ignore = "needs PostgreSQL; CI runs these with `cargo test -- --ignored`"]
async fn postgres_refuses_the_demo_desk() {
    let options = Options {
        declare_queues: false,
        ..Options::default()
    };
    let (built, _app) = build(Engine::Postgres, options).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(error.contains("no desk is declared"), "{error}");
}

#[tokio::test]
#[ignore = "needs PostgreSQL; CI runs these with `cargo test -- --ignored`"]
async fn postgres_refuses_to_start_without_provisioned_secrets() {
    let options = Options {
        provision_secrets: false,
        ..Options::default()
    };
    let (built, app) = build(Engine::Postgres, options).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(error.contains("server secrets file"), "{error}");
    assert!(
        !app.secrets_file.exists(),
        "the server made its own secrets on PostgreSQL"
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL; CI runs these with `cargo test -- --ignored`"]
async fn two_replicas_share_one_postgres_and_find_each_others_reports() {
    let url = fresh_postgres_database().await;
    let first = build(
        Engine::Postgres,
        Options {
            database_url: Some(url.clone()),
            ..Options::default()
        },
    );
    // The second replica gets the first's secrets file and the same queues: start both together.
    let (first_built, first) = first.await;
    let first_built = first_built.unwrap_or_else(|e| panic!("{e:#}"));
    let second_settings = settings(
        first.dir.path(),
        &url,
        first.secrets_file.clone(),
        IpAddr::from([127, 0, 0, 1]),
    );
    let third_settings = settings(
        first.dir.path(),
        &url,
        first.secrets_file.clone(),
        IpAddr::from([127, 0, 0, 1]),
    );
    let (second, third) = tokio::join!(
        Application::build(second_settings),
        Application::build(third_settings)
    );
    let second = second.unwrap_or_else(|e| panic!("{e:#}"));
    assert!(
        third.is_ok(),
        "replicas starting together raced over the queues"
    );
    let second_port = second.port();
    let second_store = second.store();
    tokio::spawn(first_built.run_until_stopped());
    tokio::spawn(second.run_until_stopped());

    let (report_a, code_a) = first.submit(&json!({"narrative": "via replica one"})).await;
    let response = first
        .client
        .post(format!("http://127.0.0.1:{second_port}/api/v1/reports"))
        .json(&json!({"narrative": "via replica two"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 201);
    let created: serde_json::Value = response.json().await.unwrap_or_default();
    let code_b = created["receipt_code"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let kdf = KdfPool::new(1);
    let parsed = homeward::domain::ReceiptCode::parse(&code_a).unwrap_or_else(|e| panic!("{e}"));
    let found = homeward::casework::opening::open_for_reporter(&second_store, &kdf, &parsed)
        .await
        .ok()
        .flatten();
    assert_eq!(found.map(|(id, _)| id), Some(report_a));
    let parsed = homeward::domain::ReceiptCode::parse(&code_b).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        homeward::casework::opening::open_for_reporter(&first.store, &kdf, &parsed)
            .await
            .ok()
            .flatten()
            .is_some()
    );
    assert_eq!(first.store.count_reports().await.ok(), Some(2));
}

#[tokio::test]
async fn without_a_desk_intake_refuses_and_stores_nothing() {
    let (built, app) = build(Engine::Sqlite, Options::default()).await;
    assert!(built.is_ok());
    let triage = TriageRules::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/triage.toml"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let intake = Intake {
        store: app.store.clone(),
        routing: Arc::new(RoutingConfig::default()),
        triage: Arc::new(triage),
        kdf: KdfPool::new(1),
        receipt_kdf: crate::helpers::TEST_KDF,
        locators: Locators {
            space: LOCATOR_SPACE,
            live: u32::MAX,
        },
    };
    let input: ReportInput =
        serde_json::from_value(json!({"narrative": "no desk"})).unwrap_or_default();
    let report = Report::parse(input).unwrap_or_else(|e| panic!("{e:?}"));
    let refused = intake.submit(report).await;
    assert!(matches!(refused, Err(IntakeError::NoDesk)));
    let failure = homeward::web::shared::error::Failure::from(IntakeError::NoDesk);
    assert_eq!(failure.status().as_u16(), 503);
    assert_eq!(app.store.count_reports().await.ok(), Some(0));
}

#[tokio::test]
#[ignore = "needs PostgreSQL; CI runs these with `cargo test -- --ignored`"]
async fn a_session_made_on_one_replica_works_a_report_on_another() {
    let app = crate::helpers::spawn_app(Engine::Postgres).await;
    let replica_settings = settings(
        app.dir.path(),
        &app.database_url,
        app.secrets_file.clone(),
        IpAddr::from([127, 0, 0, 1]),
    );
    let replica = Application::build(replica_settings)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let replica_url = format!("http://127.0.0.1:{}", replica.port());
    tokio::spawn(replica.run_until_stopped());

    let (report, _) = app.submit(&json!({"location": {"country": "KH"}, "narrative": "two replicas", "consent": {"partner_ngos": true}})).await;
    let token = app.invite("coordinator", Some("partner")).await;
    let (secret, _) = crate::accounts::enrol(&app, &token, "coord.rep").await;
    let (cookie, _) =
        crate::accounts::login(&app, "coord.rep", &crate::accounts::code_for(&secret, 0))
            .await
            .unwrap_or_else(|s| panic!("{s}"));
    crate::workspace::certify_offline(&app, &cookie, "partner", "coord.rep").await;
    let csrf = crate::helpers::hidden(
        &app.get_with("/workspace", &cookie)
            .await
            .text()
            .await
            .unwrap_or_default(),
        "csrf",
    );
    let key = app.key("ngo-kh").to_text();
    let on_replica = |path: String| {
        app.client
            .post(format!("{replica_url}{path}"))
            .header("Cookie", format!("hw_session={cookie}"))
            .header("Content-Type", "application/x-www-form-urlencoded")
    };
    let imported = on_replica("/queues/ngo-kh/key".into())
        .body(format!("csrf={csrf}&private_key={}", key.as_str()))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .ok();
    assert_eq!(imported, Some(303));
    let claimed = on_replica(format!("/queues/ngo-kh/reports/{report}/claim"))
        .body(format!("csrf={csrf}"))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .ok();
    assert_eq!(claimed, Some(303));
    let page = app
        .client
        .get(format!("{replica_url}/queues/ngo-kh/reports/{report}"))
        .header("Cookie", format!("hw_session={cookie}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .text()
        .await
        .unwrap_or_default();
    assert!(
        page.contains("two replicas") && page.contains("<b id=\"assignee\">me</b>"),
        "{page}"
    );
    // And the first replica sees the claim the second one made.
    let first = app
        .get_with(&format!("/queues/ngo-kh/reports/{report}"), &cookie)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(first.contains("<b id=\"assignee\">me</b>"));
}
