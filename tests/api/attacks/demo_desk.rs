//! The demo desk going live by mistake: a mistyped routing file, or a server reached from
//! elsewhere, used to start on the demo desk (whose private key sits on the server), and demo
//! flags written into the database gave any queue standing without vetting or signatures.

use std::path::PathBuf;

use serde_json::json;

use crate::helpers::{build, on_both_engines, spawn_app, Engine, Options};

#[tokio::test]
async fn a_mistyped_routing_file_puts_real_reports_on_the_demo_desk() {
    let options = Options {
        declare_queues: false,
        // What deploy/local.toml.example names, mistyped: set, but no such file.
        tweak: |s| s.routing_file = Some(s.data_dir.with_file_name("qeues.toml")),
        ..Options::default()
    };
    let (built, app) = build(Engine::Sqlite, options).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    let typo = app.dir.path().join("qeues.toml");
    assert!(
        error.contains(&typo.display().to_string()),
        "the start stops naming the file: {error}"
    );
    assert!(
        !app.dir.path().join("data/demo-desk.key").exists(),
        "no demo key was made"
    );

    // A routing file that cannot be read (a folder, here) stops it the same way.
    let unreadable = Options {
        declare_queues: false,
        tweak: |s| s.routing_file = s.data_dir.parent().map(PathBuf::from),
        ..Options::default()
    };
    let (built, app) = build(Engine::Sqlite, unreadable).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(
        error.contains(&app.dir.path().display().to_string()),
        "{error}"
    );
}

#[tokio::test]
async fn a_server_reached_from_elsewhere_runs_the_demo_desk() {
    // deploy/local.toml.example: SQLite on 127.0.0.1 behind a proxy, a public address.
    let options = Options {
        declare_queues: false,
        tweak: |s| s.public_url = "https://report.example.org".into(),
        ..Options::default()
    };
    let (built, app) = build(Engine::Sqlite, options).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(
        error.contains("public_url https://report.example.org is not a loopback address"),
        "{error}"
    );
    assert!(!app.dir.path().join("data/demo-desk.key").exists());
}

#[tokio::test]
async fn a_server_behind_a_proxy_left_at_a_loopback_url_runs_the_demo_desk() {
    // public_url left at its default, but a proxy in front: visitors come from elsewhere.
    let options = Options {
        declare_queues: false,
        tweak: |s| s.server.trusted_proxies = vec![std::net::IpAddr::from([127, 0, 0, 1])],
        ..Options::default()
    };
    let (built, app) = build(Engine::Sqlite, options).await;
    let error = built.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(error.contains("trusted_proxies is set"), "{error}");
    assert!(!app.dir.path().join("data/demo-desk.key").exists());
}

#[test]
fn check_config_accepts_a_mistyped_routing_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let typo = dir.path().join("qeues.toml");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_homeward"))
        .current_dir(root)
        .arg("check-config")
        .env("HOMEWARD_DATA_DIR", dir.path())
        .env("HOMEWARD_ROUTING_FILE", &typo)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(stderr.contains(&typo.display().to_string()), "{stderr}");
}

on_both_engines!(
    demo_flags_written_into_the_database_let_an_unvetted_queue_receive,
    |engine| async move {
        let app = spawn_app(engine).await;
        let kh_report = json!({
            "location": {"country": "KH"},
            "narrative": "held in a compound",
            "consent": {"partner_ngos": true},
        });
        let (before, _) = app.submit(&kh_report).await;
        assert_eq!(
            app.store.report_queues(before).await.unwrap_or_default(),
            ["desk", "ngo-kh"]
        );

        // Whoever can write the database takes the partner's vetting and countersignature away,
        // and marks it and its queue "demo", as a first run's demo desk is marked.
        app.tamper(
            "UPDATE organisations SET vetted_at = NULL, countersignature = NULL, demo = TRUE \
             WHERE id = 'partner'",
            None,
            None,
        )
        .await;
        app.tamper(
            "UPDATE queues SET demo = TRUE WHERE id = 'ngo-kh'",
            None,
            None,
        )
        .await;
        let (after, _) = app.submit(&kh_report).await;
        assert_eq!(
            app.store.report_queues(after).await.unwrap_or_default(),
            ["desk"],
            "a demo flag is no standing on a server that runs no demo desk"
        );
    }
);
