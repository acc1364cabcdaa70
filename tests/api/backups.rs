//! Backups through the real command line: taken while the server runs, restored into a fresh
//! instance whose database was lost but whose state (the destroyed list beside the secrets, the
//! membership record in the data directory) survived. The restored
//! server opens the report with its queue key and the conversation with its receipt code; the
//! sessions and visits of the snapshot open nothing; a report destroyed after the backup stays
//! destroyed; a queue whose membership changed after the backup receives nothing until its
//! coordinator confirms it.

use homeward::trust::memberships::MembershipRecord;
use serde_json::json;

use crate::accounts::code_for;
use crate::helpers::{fresh_postgres_database, on_both_engines, spawn_app, Engine, TestApp};
use crate::process::{open_visit, post_json, run, write_config, write_config_at, Instance, Served};
use crate::workspace::{csrf_of, import, staff};

/// Waits until the running server's membership record (in its data directory) holds the queues'
/// key holders as they are now: the server rewrites it on every change of holders.
async fn recorded_memberships(app: &TestApp) {
    let record = MembershipRecord::new(app.dir.path().join("data/memberships.txt"));
    for _ in 0..100 {
        let now = app.store.memberships().await.unwrap_or_default();
        let recorded = record.read().unwrap_or_default();
        if now
            .iter()
            .all(|m| recorded.get(&m.queue) == Some(&homeward::trust::memberships::fingerprint(m)))
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the membership record did not follow the change");
}

on_both_engines!(
    a_backup_restored_into_a_fresh_instance_opens_reports_and_conversations_and_forgets_what_it_must,
    |engine: Engine| async move {
        let app = spawn_app(engine).await;
        let coordinator_secret = {
            let token = app.invite("coordinator", Some("partner")).await;
            let (secret, _) = crate::accounts::enrol(&app, &token, "coord.bk").await;
            secret
        };
        let coordinator = crate::accounts::login(&app, "coord.bk", &code_for(&coordinator_secret, 0))
            .await
            .map(|(cookie, _)| cookie)
            .unwrap_or_else(|s| panic!("login: {s}"));
        crate::workspace::certify_offline(&app, &coordinator, "partner", "coord.bk").await;
        import(&app, &coordinator, "ngo-kh").await;
        let sent = json!({"narrative": "kept through the restore", "location": {"country": "KH"}, "consent": {"partner_ngos": true}});
        let (kept, kept_code) = app.submit(&sent).await;
        let (doomed, doomed_code) = app
            .submit(&json!({"narrative": "withdrawn after the backup", "location": {"country": "KH"}, "consent": {"partner_ngos": true}}))
            .await;
        let (status, visit) = open_visit(&app.address, &kept_code).await;
        assert_eq!(status, 201);
        let old_visit = visit["visit"].as_str().unwrap_or_default().to_owned();
        recorded_memberships(&app).await;

        let backup = app.dir.path().join("backup");
        let config = write_config(&app, "", "");
        let (ok, out, err) = run(&config, &["backup", "--out", &backup.display().to_string()]);
        assert!(ok, "backup: {err}");
        assert!(out.contains("backup written"), "{out}");
        let mut names: Vec<String> = std::fs::read_dir(&backup)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        let database = if engine == Engine::Sqlite { "homeward.db" } else { "homeward.pgdump" };
        assert_eq!(names, [database, "manifest.toml", "secrets.toml"], "the snapshot, the secrets, no demo key");

        // After the backup: one report is withdrawn and destroyed, and the queue gains a member.
        let (status, doomed_visit) = open_visit(&app.address, &doomed_code).await;
        assert_eq!(status, 201);
        let (status, _) = post_json(
            &app.address,
            "/api/v1/followup/withdrawal",
            &json!({"visit": doomed_visit["visit"], "confirm": true}),
            None,
        )
        .await;
        assert!(status < 300, "withdrawal: {status}");
        // (A withdrawal's time is kept to the hour, rounded up: an hour on, it is due.)
        let shredder = homeward::reporting::shredding::Shredder {
            clock: homeward::store::Clock::set_to(homeward::store::now() + 3600),
            ..app.shredder()
        };
        assert_eq!(shredder.shred_withdrawn(0).await.ok(), Some(1));
        let newcomer = staff(&app, "responder", "partner", "resp.bk").await;
        drop(newcomer);
        let members = app.store.members("partner").await.unwrap_or_default();
        let account = members
            .iter()
            .find(|m| m.username == "resp.bk")
            .map(|m| m.account_id.clone())
            .unwrap_or_default();
        let csrf = csrf_of(&app, &coordinator).await;
        let certified = app
            .post_form_with(
                &format!("/members/{account}/certify"),
                &format!("csrf={csrf}&fingerprint={}", crate::workspace::fingerprint_of(&app, "resp.bk").await),
                Some(&coordinator),
            )
            .await;
        assert_eq!(certified.status().as_u16(), 200);
        let granted = app
            .post_form_with("/queues/ngo-kh/members", &format!("csrf={csrf}&account={account}"), Some(&coordinator))
            .await;
        assert_eq!(granted.status().as_u16(), 303);
        recorded_memberships(&app).await;

        // The database is lost; a fresh instance keeps the old state folder beside its new secrets.
        let fresh = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let fresh_url = match engine {
            Engine::Sqlite => format!("sqlite://{}", fresh.path().join("data/homeward.db").display()),
            Engine::Postgres => fresh_postgres_database().await,
        };
        let fresh_secrets = fresh.path().join("secrets.toml");
        homeward::operations::secrets::write_new(&fresh_secrets, &homeward::operations::secrets::generate())
            .unwrap_or_else(|e| panic!("{e}"));
        // The destroyed list beside the secrets, the membership record in the data directory.
        std::fs::create_dir_all(fresh.path().join("data")).unwrap_or_else(|e| panic!("{e}"));
        for (from, to) in [
            (app.secrets_file.with_file_name("destroyed-reports.txt"), fresh.path().join("destroyed-reports.txt")),
            (app.dir.path().join("data/memberships.txt"), fresh.path().join("data/memberships.txt")),
        ] {
            std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
        }
        let instance = Instance {
            dir: fresh.path().to_owned(),
            database_url: fresh_url.clone(),
            secrets_file: fresh_secrets.clone(),
            routing_file: app.dir.path().join("queues.toml"),
        };
        let fresh_config = write_config_at(
            &instance,
            "",
            "[followup]\nattempts_per_minute = 1000\nglobal_attempts_per_minute = 1000\n",
        );
        let (ok, out, err) = run(&fresh_config, &["restore", "--from", &backup.display().to_string()]);
        assert!(ok, "restore: {err}");
        assert!(out.contains(&format!("destroyed again report {doomed}")), "{out}");
        assert!(out.contains("held queue ngo-kh"), "{out}");
        assert!(!out.contains("held queue desk"), "{out}");
        assert_eq!(
            std::fs::read(&fresh_secrets).ok(),
            std::fs::read(&app.secrets_file).ok(),
            "the snapshot's secrets replace the fresh ones"
        );

        let served = Served::start(&fresh_config).unwrap_or_else(|| panic!("the restored server did not start"));
        let base = served.address.clone();
        let (status, opened) = open_visit(&base, &kept_code).await;
        assert_eq!(status, 201, "the receipt code opens its conversation: {opened}");
        assert_eq!(opened["status"], "received");
        let (status, _) = post_json(&base, "/api/v1/followup/thread", &json!({"visit": old_visit}), None).await;
        assert!((400..500).contains(&status), "an old visit opens nothing: {status}");
        let (status, _) = open_visit(&base, &doomed_code).await;
        assert_eq!(status, 422, "a report destroyed after the backup stays destroyed");

        let store = homeward::store::Store::connect(&secrecy::SecretString::from(fresh_url), 2)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let opened = homeward::casework::opening::open_for_queue(&store, kept, "ngo-kh", app.key("ngo-kh"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let report = opened
            .iter()
            .find(|i| i.kind == "report")
            .map(|i| serde_json::from_slice::<serde_json::Value>(&i.plaintext).unwrap_or_default())
            .unwrap_or_default();
        assert_eq!(report["narrative"], "kept through the restore");
        assert_eq!(store.count_reports().await.ok(), Some(1));

        // The held queue receives nothing new until its coordinator confirms it.
        let (status, created) = post_json(&base, "/api/v1/reports", &sent, None).await;
        assert_eq!(status, 201);
        let new_report = created["report_id"].as_str().unwrap_or_default().to_owned();
        let queues_of = |report: String| {
            let store = store.clone();
            async move {
                store
                    .holders_of(&report)
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|h| h.queue_id)
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(queues_of(new_report).await, ["desk"]);
        let (status, session) = post_json(
            &base,
            "/api/v1/session",
            &json!({"username": "coord.bk", "password": crate::accounts::PASSWORD, "code": code_for(&coordinator_secret, 1)}),
            None,
        )
        .await;
        assert_eq!(status, 201, "{session}");
        let token = session["token"].as_str().unwrap_or_default().to_owned();
        let (status, _) = post_json(&base, "/api/v1/queues/ngo-kh/confirmation", &json!({}), Some(&token)).await;
        assert_eq!(status, 204);
        let (_, created) = post_json(&base, "/api/v1/reports", &sent, None).await;
        let after = created["report_id"].as_str().unwrap_or_default().to_owned();
        assert_eq!(queues_of(after).await, ["desk", "ngo-kh"]);

        let trail: Vec<String> = store
            .audit_entries(0, 10_000)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for action in [
            "backup_restored",
            "report_destroyed_after_restore",
            "queue_held_after_restore",
            "queue_confirmed_after_restore",
        ] {
            assert!(trail.iter().any(|a| a == action), "{action} missing from {trail:?}");
        }
        store.close().await;
        drop(served);
    }
);
