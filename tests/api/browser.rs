//! The report form sealed in headless Chromium with JavaScript on (e2e/sealed.mjs), against the
//! app on each engine: the report opens for its queues only, and its canaries are nowhere in
//! the clear. Needs Node and Chromium (`.ci/run` installs both), so it runs with `--ignored`.

use std::process::Command;

use crate::helpers::{captured_logs, spawn_app, Engine};

async fn sealed_in_the_browser(engine: Engine) {
    let app = spawn_app(engine).await;
    let canary = format!("brws{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/e2e/sealed.mjs");
    let address = app.address.clone();
    let run = {
        let canary = canary.clone();
        tokio::task::spawn_blocking(move || {
            Command::new("node")
                .args([script, &address, &canary])
                .output()
                .unwrap_or_else(|e| {
                    panic!("node: {e} (install Node and run `npm ci --prefix e2e`)")
                })
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let codes: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap_or_default();
    assert!(
        ["sealed", "fallback", "with_file"]
            .iter()
            .all(|k| codes[k].is_string()),
        "{codes}"
    );

    // The sealed report is the one whose items the browser made (format 2).
    let sealed = app
        .strings("SELECT DISTINCT report_id FROM items WHERE format = 2")
        .await;
    assert_eq!(sealed.len(), 1, "{sealed:?}");
    // The device pads as the server does (512-byte blocks; AES-GCM adds a 16-byte tag), so the
    // lengths of its items tell no more than the server's.
    let lengths = app
        .strings("SELECT CAST(length(ciphertext) AS TEXT) FROM items WHERE format = 2")
        .await;
    assert_eq!(lengths.len(), 2, "{lengths:?}");
    for length in &lengths {
        let length: usize = length.parse().unwrap_or_default();
        assert_eq!(length % 512, 16, "{lengths:?}");
    }
    let report = uuid::Uuid::parse_str(&sealed[0]).unwrap_or_default();
    for queue in ["desk", "ngo-kh"] {
        let items = app.open_as(report, queue).await;
        let text = serde_json::to_string(&items).unwrap_or_default();
        assert!(text.contains(&format!("{canary}-narrative")), "{queue}");
        assert_eq!(
            items.len(),
            4,
            "{queue}: report, triage, projection, status"
        );
    }
    let consular = app.open_as(report, "consular-in").await;
    assert_eq!(consular.len(), 1);
    let projection = consular[0].1.to_string();
    assert!(projection.contains(&format!("{canary}-passport")));
    assert!(!projection.contains(&format!("{canary}-narrative")));
    for other in ["ngo-zh", "police-kh"] {
        for item in app.stored_items(report, &["queue:desk"]).await {
            assert!(item
                .key
                .sealed
                .open(app.key(other), report, item.id)
                .is_err());
        }
        assert!(app
            .stored_items(report, &[&format!("queue:{other}")])
            .await
            .is_empty());
    }

    // The fallbacks (no X25519; a file attached) went the plain way and the server sealed them.
    assert_eq!(app.strings("SELECT id FROM reports").await.len(), 3);
    assert_eq!(
        app.strings("SELECT id FROM items WHERE kind = 'attachment'")
            .await
            .len(),
        1
    );

    let stored = String::from_utf8_lossy(&app.database_bytes().await).into_owned();
    assert!(!stored.contains(&canary), "the database holds a canary");
    // The fallback sent the canaries in the clear, as a form without JavaScript does; the logs
    // must hold neither report's.
    assert!(!captured_logs().contains(&canary), "the logs hold a canary");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Node and Chromium; CI runs it with `cargo test -- --ignored`"]
async fn a_report_sealed_in_chromium_opens_for_its_queues_only_sqlite() {
    sealed_in_the_browser(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Node, Chromium and PostgreSQL; CI runs it with `cargo test -- --ignored`"]
async fn a_report_sealed_in_chromium_opens_for_its_queues_only_postgres() {
    sealed_in_the_browser(Engine::Postgres).await;
}
