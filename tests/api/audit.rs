//! The audit log names the first bad entry for every kind of tampering, and holds no content.

use homeward::trust::audit::{entry_mac, Checkpoint, Verdict};
use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app, Engine, TestApp};

/// A server with ten audit entries and a checkpoint of its head.
async fn ten_entries(engine: Engine) -> (TestApp, Checkpoint) {
    let app = spawn_app(engine).await;
    // Starting audits the queues config declares; these tests number their own entries.
    app.tamper("DELETE FROM audit_log", None, None).await;
    let audit = app.audit();
    for i in 0..10 {
        audit
            .record(
                &format!("account-{i}"),
                "report_opened",
                &format!("queue:desk report:{i}"),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let checkpoint = audit
        .checkpoint()
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no head"));
    assert_eq!(checkpoint.seq, 10);
    assert_eq!(
        audit.verify(Some(&checkpoint)).await.ok(),
        Some(Verdict::Intact { entries: 10 })
    );
    (app, checkpoint)
}

fn broken_at(verdict: Option<Verdict>) -> Option<i64> {
    match verdict {
        Some(Verdict::Broken { seq, .. }) => Some(seq),
        _ => None,
    }
}

/// Recomputes every MAC from `from` on with `key`, as a forger rewriting the log would.
async fn rewrite_macs(app: &TestApp, key: &[u8; 32], from: i64) {
    let rows = app.store.audit_entries(0, 1000).await.unwrap_or_default();
    let mut previous: Option<Vec<u8>> = None;
    for row in rows {
        let mac = if row.seq >= from {
            entry_mac(
                key,
                previous.as_deref(),
                row.seq,
                row.at,
                &row.actor,
                &row.action,
                &row.subject,
            )
        } else {
            row.mac.clone()
        };
        app.tamper(
            "UPDATE audit_log SET mac = $1 WHERE seq = $2",
            Some(mac.clone()),
            Some(row.seq),
        )
        .await;
        previous = Some(mac);
    }
}

fn audit_key(app: &TestApp) -> [u8; 32] {
    use secrecy::ExposeSecret;
    let secrets = homeward::operations::secrets::load_or_create(&app.secrets_file, false)
        .unwrap_or_else(|e| panic!("{e}"));
    *secrets.audit_key.expose_secret()
}

on_both_engines!(every_kind_of_tampering_is_found, |engine| async move {
    // An edited entry.
    let (app, _) = ten_entries(engine).await;
    app.tamper(
        "UPDATE audit_log SET action = 'logout' WHERE seq = 3",
        None,
        None,
    )
    .await;
    assert_eq!(broken_at(app.audit().verify(None).await.ok()), Some(3));

    // A deleted entry.
    let (app, _) = ten_entries(engine).await;
    app.tamper("DELETE FROM audit_log WHERE seq = 4", None, None)
        .await;
    assert_eq!(broken_at(app.audit().verify(None).await.ok()), Some(4));

    // Two entries swapped.
    let (app, _) = ten_entries(engine).await;
    app.tamper("UPDATE audit_log SET seq = 100 WHERE seq = 5", None, None)
        .await;
    app.tamper("UPDATE audit_log SET seq = 5 WHERE seq = 6", None, None)
        .await;
    app.tamper("UPDATE audit_log SET seq = 6 WHERE seq = 100", None, None)
        .await;
    assert_eq!(broken_at(app.audit().verify(None).await.ok()), Some(5));

    // The tail cut off: invisible to the chain alone, caught by the checkpoint.
    let (app, checkpoint) = ten_entries(engine).await;
    app.tamper("DELETE FROM audit_log WHERE seq > 7", None, None)
        .await;
    assert_eq!(
        app.audit().verify(None).await.ok(),
        Some(Verdict::Intact { entries: 7 })
    );
    assert_eq!(
        broken_at(app.audit().verify(Some(&checkpoint)).await.ok()),
        Some(8)
    );

    // The whole log rewritten by someone without the audit key.
    let (app, _) = ten_entries(engine).await;
    app.tamper(
        "UPDATE audit_log SET subject = 'queue:desk report:forged' WHERE seq = 2",
        None,
        None,
    )
    .await;
    rewrite_macs(&app, &[7u8; 32], 1).await;
    assert_eq!(broken_at(app.audit().verify(None).await.ok()), Some(1));

    // Rewritten by the key's holder: only the checkpoint kept off the server catches it.
    let (app, checkpoint) = ten_entries(engine).await;
    app.tamper(
        "UPDATE audit_log SET subject = 'queue:desk report:forged' WHERE seq = 2",
        None,
        None,
    )
    .await;
    let key = audit_key(&app);
    rewrite_macs(&app, &key, 2).await;
    assert_eq!(
        app.audit().verify(None).await.ok(),
        Some(Verdict::Intact { entries: 10 })
    );
    assert_eq!(
        broken_at(app.audit().verify(Some(&checkpoint)).await.ok()),
        Some(10)
    );
});

on_both_engines!(
    logins_and_decryptions_are_audited_without_content,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
        .submit(&json!({"location": {"country": "KH", "compound": "Audit Tower"}, "narrative": "audit words", "consent": {"partner_ngos": true}}))
        .await;
        let token = app.invite("coordinator", Some("partner")).await;
        let (secret, _) = crate::accounts::enrol(&app, &token, "coord.audit").await;
        let (cookie, _) =
            crate::accounts::login(&app, "coord.audit", &crate::accounts::code_for(&secret, 0))
                .await
                .unwrap_or_else(|s| panic!("{s}"));
        crate::workspace::certify_offline(&app, &cookie, "partner", "coord.audit").await;
        let html = app
            .get_with("/workspace", &cookie)
            .await
            .text()
            .await
            .unwrap_or_default();
        let csrf = crate::helpers::hidden(&html, "csrf");
        let key = app.key("ngo-kh").to_text();
        let imported = app
            .post_form_with(
                "/queues/ngo-kh/key",
                &format!("csrf={csrf}&private_key={}", key.as_str()),
                Some(&cookie),
            )
            .await;
        assert_eq!(imported.status().as_u16(), 303);
        let opened = app
            .get_with(&format!("/queues/ngo-kh/reports/{report}"), &cookie)
            .await;
        assert_eq!(opened.status().as_u16(), 200);

        let entries = app.store.audit_entries(0, 100).await.unwrap_or_default();
        let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
        for expected in [
            "invite_created",
            "account_enrolled",
            "login",
            "queue_key_imported",
            "report_opened",
        ] {
            assert!(
                actions.contains(&expected),
                "{expected} missing from {actions:?}"
            );
        }
        let opened_entry = entries
            .iter()
            .find(|e| e.action == "report_opened")
            .map(|e| e.subject.clone())
            .unwrap_or_default();
        assert_eq!(opened_entry, format!("queue:ngo-kh report:{report}"));
        let all = format!("{entries:?}");
        for content in [
            "Audit Tower",
            "audit words",
            secret.as_str(),
            cookie.as_str(),
            key.as_str(),
        ] {
            assert!(!all.contains(content), "the audit log holds {content}");
        }
        assert!(matches!(
            app.audit().verify(None).await.ok(),
            Some(Verdict::Intact { .. })
        ));
    }
);

on_both_engines!(
    the_head_goes_off_the_server_and_coordinators_see_it,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator =
            crate::workspace::staff(&app, "coordinator", "partner", "coord.head").await;
        let (url, received) = crate::alerts::webhook_receiver().await;
        let file = app.dir.path().join("offsite/audit-checkpoint.txt");
        let settings = homeward::config::AuditSettings {
            checkpoint_file: Some(file.clone()),
            checkpoint_webhook: Some(url),
            checkpoint_interval_secs: 3600,
        };
        let exporter =
            homeward::casework::audit_export::Exporter::new(&settings, app.audit(), file.clone())
                .unwrap_or_else(|e| panic!("{e}"));
        let head = exporter
            .export_once()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("an empty log"));
        assert_eq!(
            app.audit().checkpoint().await.ok().flatten(),
            Some(head.clone())
        );

        // The file is what `homeward audit verify --checkpoint` reads.
        let written = std::fs::read_to_string(&file).unwrap_or_default();
        assert_eq!(Checkpoint::parse(&written), Some(head.clone()));
        assert_eq!(
            app.audit().verify(Some(&head)).await.ok(),
            Some(Verdict::Intact { entries: head.seq })
        );
        let posted = received.lock().map(|r| r.clone()).unwrap_or_default();
        assert_eq!(posted.len(), 1);
        assert!(posted[0].contains(&head.mac_hex()), "{posted:?}");

        // Coordinators see the head to note it elsewhere.
        let page = app
            .get_with("/workspace", &coordinator)
            .await
            .text()
            .await
            .unwrap_or_default();
        let now = app
            .audit()
            .checkpoint()
            .await
            .ok()
            .flatten()
            .unwrap_or_else(|| head.clone());
        assert!(
            page.contains(&format!("{} · {}", now.seq, now.mac_hex())),
            "{page}"
        );

        // Whoever rewrites the log (here: truncates it to before the exported head) finds the
        // exported file kept as it was and the export refusing, hour after hour.
        app.tamper(
            "DELETE FROM audit_log WHERE seq >= $1",
            None,
            Some(head.seq),
        )
        .await;
        for _ in 0..2 {
            let refused = exporter.export_once().await;
            assert!(
                matches!(
                    refused,
                    Err(homeward::casework::audit_export::ExportError::Diverged { seq, .. })
                        if seq == head.seq
                ),
                "{refused:?}"
            );
            assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), written);
        }
    }
);
