//! The attack: the desk organisation's key roots every chain, and it is a line in the routing
//! file. Whoever controls the server's config (and its database) swaps in a desk key of his own,
//! countersigns an organisation key he holds, and certifies whom he likes. Homeward's answer:
//! every start records the desk key's fingerprint in the audit log; a different one is a change,
//! audited with the key it replaced and announced on every workspace, where coordinators also
//! see the fingerprint to compare with the one the desk gave them.

use std::net::IpAddr;

use crate::helpers::{on_both_engines, settings, spawn_app, TestApp};
use crate::workspace::staff;

/// Starts a second server on the test's database and files, with its routing file as it is now.
async fn restart(app: &TestApp) -> String {
    let settings = settings(
        app.dir.path(),
        &app.database_url,
        app.secrets_file.clone(),
        IpAddr::from([127, 0, 0, 1]),
    );
    let built = homeward::startup::Application::build(settings)
        .await
        .unwrap_or_else(|e| panic!("restart: {e:#}"));
    let address = format!("http://127.0.0.1:{}", built.port());
    tokio::spawn(built.run_until_stopped());
    address
}

async fn workspace(app: &TestApp, at: &str, cookie: &str) -> String {
    app.client
        .get(format!("{at}/workspace"))
        .header("Cookie", format!("hw_session={cookie}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .text()
        .await
        .unwrap_or_default()
}

on_both_engines!(
    a_desk_key_swapped_in_the_routing_file_is_audited_and_announced,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.desk").await;
        let desk = app.signers.of("operator").verifying_key();
        let pinned = homeward::crypto::identity::fingerprint(&desk);
        let page = workspace(&app, &app.address, &coordinator).await;
        assert!(
            page.contains(&pinned),
            "the desk key's fingerprint is shown"
        );
        assert!(!page.contains("key, which every organisation"), "{page}");

        // The same key again: nothing to announce.
        let again = restart(&app).await;
        assert!(!workspace(&app, &again, &coordinator)
            .await
            .contains("key, which every organisation"));

        let forged = homeward::crypto::signing::SigningKey::generate().verifying_key();
        let routing = app.dir.path().join("queues.toml");
        let text = std::fs::read_to_string(&routing).unwrap_or_default();
        std::fs::write(&routing, text.replace(&desk.to_text(), &forged.to_text()))
            .unwrap_or_else(|e| panic!("{e}"));
        let swapped = restart(&app).await;
        let page = workspace(&app, &swapped, &coordinator).await;
        let now = homeward::crypto::identity::fingerprint(&forged);
        assert!(
            page.contains("key, which every organisation") && page.contains(&now),
            "{page}"
        );
        let audited = app
            .strings("SELECT subject FROM audit_log WHERE action = 'desk_key_changed'")
            .await;
        assert_eq!(audited, [format!("key:{now} was:key:{pinned}")]);
    }
);
