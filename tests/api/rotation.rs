//! Removing a member takes their copies at once and marks the queue "rotation due"; a new,
//! signed pair re-seals every item key, and nothing is orphaned if re-sealing stops mid-way.

use serde_json::json;

use homeward::crypto::signing::Statement;
use homeward::crypto::KeyPair;

use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{csrf_of, import, staff};

fn encoded(text: &str) -> String {
    text.replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D")
}

async fn kh_report(app: &TestApp) -> uuid::Uuid {
    app.submit(&json!({
        "location": {"country": "KH"}, "narrative": "rotation",
        "consent": {"partner_ngos": true},
    }))
    .await
    .0
}

async fn status_of(app: &TestApp, cookie: &str, path: &str) -> u16 {
    app.get_with(path, cookie).await.status().as_u16()
}

/// Keys the item keys of a queue are sealed to, as stored.
async fn sealed_to(app: &TestApp, queue: &str) -> Vec<Vec<u8>> {
    let sql = "SELECT DISTINCT recipient_key FROM item_keys WHERE recipient = $1";
    let recipient = format!("queue:{queue}");
    let mut keys: Vec<Vec<u8>> = match app.engine {
        crate::helpers::Engine::Sqlite => {
            let pool = sqlx::SqlitePool::connect(&app.database_url)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            sqlx::query_scalar(sql)
                .bind(&recipient)
                .fetch_all(&pool)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
        }
        crate::helpers::Engine::Postgres => {
            let pool = sqlx::PgPool::connect(&app.database_url)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            sqlx::query_scalar(sql)
                .bind(&recipient)
                .fetch_all(&pool)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
        }
    };
    keys.sort();
    keys
}

on_both_engines!(
    a_removed_member_opens_nothing_and_rotation_reseals_every_report,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.rot").await;
        let responder = staff(&app, "responder", "partner", "resp.rot").await;
        import(&app, &coordinator, "ngo-kh").await;
        crate::workspace::give(&app, &coordinator, "ngo-kh", "resp.rot").await;
        let before = kh_report(&app).await;
        let page = format!("/queues/ngo-kh/reports/{before}");
        assert_eq!(status_of(&app, &responder, &page).await, 200);

        let responder_id = app
            .store
            .members("partner")
            .await
            .unwrap_or_default()
            .into_iter()
            .find(|m| m.username == "resp.rot")
            .map(|m| m.account_id)
            .unwrap_or_default();
        let csrf = csrf_of(&app, &coordinator).await;
        let removed = app
            .post_form_with(
                &format!("/members/{responder_id}/remove"),
                &format!("csrf={csrf}&confirm=yes"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(removed.status().as_u16(), 200);
        let text = removed.text().await.unwrap_or_default();
        assert!(text.contains("Import a new key pair for: ngo-kh"), "{text}");
        // Gone at once: the session, the copies, the account.
        let after_removal = app.get_with(&page, &responder).await;
        assert_eq!(after_removal.status().as_u16(), 303);
        assert!(app
            .store
            .key_copies("ngo-kh", &responder_id)
            .await
            .unwrap_or_default()
            .is_empty());
        assert!(app.store.rotation_due("ngo-kh").await.unwrap_or(false));
        let workspace = app
            .get_with("/workspace", &coordinator)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(workspace.contains("Rotation due"), "{workspace}");

        // A pair the organisation did not sign is refused.
        let new = KeyPair::generate();
        let forged = app.signers.of("operator").sign(&Statement::QueueKey {
            queue: "ngo-kh",
            kind: "ngo",
            key: &new.public,
        });
        let private = encoded(new.private.to_text().as_str());
        let refused = app
            .post_form_with(
                "/queues/ngo-kh/rotate",
                &format!(
                    "csrf={csrf}&private_key={private}&signature={}",
                    forged.to_text()
                ),
                Some(&coordinator),
            )
            .await;
        assert_eq!(refused.status().as_u16(), 422);
        assert!(app.store.rotation_due("ngo-kh").await.unwrap_or(false));

        let signature = app.signers.of("partner").sign(&Statement::QueueKey {
            queue: "ngo-kh",
            kind: "ngo",
            key: &new.public,
        });
        let rotated = app
            .post_form_with(
                "/queues/ngo-kh/rotate",
                &format!(
                    "csrf={csrf}&private_key={private}&signature={}",
                    signature.to_text()
                ),
                Some(&coordinator),
            )
            .await;
        assert_eq!(rotated.status().as_u16(), 303);
        assert!(!app.store.rotation_due("ngo-kh").await.unwrap_or(true));
        assert_eq!(sealed_to(&app, "ngo-kh").await, vec![new.public.to_bytes()]);
        assert_eq!(app.store.previous_keys("ngo-kh").await.unwrap_or(-1), 0);

        // The old key opens nothing any more; the new one opens old and new reports, and the
        // queue keeps receiving under its new key.
        let old = homeward::casework::opening::open_for_queue(
            &app.store,
            before,
            "ngo-kh",
            app.key("ngo-kh"),
        )
        .await;
        assert!(old.is_err());
        let after = kh_report(&app).await;
        for report in [before, after] {
            let opened = homeward::casework::opening::open_for_queue(
                &app.store,
                report,
                "ngo-kh",
                &new.private,
            )
            .await;
            assert!(opened.is_ok_and(|items| !items.is_empty()), "{report}");
            let path = format!("/queues/ngo-kh/reports/{report}");
            assert_eq!(status_of(&app, &coordinator, &path).await, 200);
        }
        // The removed member cannot come back in.
        let login = app
            .post_form_with("/login", "username=resp.rot&password=x&code=000000", None)
            .await;
        assert_eq!(login.status().as_u16(), 401);
    }
);

on_both_engines!(
    a_rotation_interrupted_before_resealing_orphans_nothing,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.crash").await;
        import(&app, &coordinator, "ngo-kh").await;
        let before = kh_report(&app).await;

        // The switch commits, then the server dies before re-sealing anything.
        let new = KeyPair::generate();
        let signature = app.signers.of("partner").sign(&Statement::QueueKey {
            queue: "ngo-kh",
            kind: "ngo",
            key: &new.public,
        });
        let member = app
            .store
            .members("partner")
            .await
            .unwrap_or_default()
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no member"));
        let to = homeward::crypto::PublicKey::from_bytes(&member.public_key)
            .unwrap_or_else(|e| panic!("{e}"));
        let copy = homeward::store::NewCopy {
            account_id: member.account_id.clone(),
            sealed: homeward::crypto::envelope::seal_queue_key(
                &to,
                "ngo-kh",
                &member.account_id,
                &new.private,
            )
            .unwrap_or_else(|e| panic!("{e}")),
        };
        let audit = app.audit();
        let entry = audit.entry(&member.account_id, "queue_key_rotated", "queue:ngo-kh");
        let switched = app
            .store
            .switch_queue_key(&homeward::store::KeySwitch {
                queue: "ngo-kh",
                from: &app.key("ngo-kh").public_key().to_bytes(),
                to: &new.public.to_bytes(),
                signature: &signature.to_bytes(),
                copies: &[copy],
                by: &member.account_id,
                audit: &entry,
            })
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(switched);

        // Reports from before and after the switch both open: the previous key's copy stays.
        let after = kh_report(&app).await;
        for report in [before, after] {
            let path = format!("/queues/ngo-kh/reports/{report}");
            assert_eq!(status_of(&app, &coordinator, &path).await, 200);
        }
        assert_eq!(app.store.previous_keys("ngo-kh").await.unwrap_or(-1), 1);
        let workspace = app
            .get_with("/workspace", &coordinator)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(workspace.contains("Finish re-sealing"), "{workspace}");

        let csrf = csrf_of(&app, &coordinator).await;
        let resealed = app
            .post_form_with(
                "/queues/ngo-kh/reseal",
                &format!("csrf={csrf}"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(resealed.status().as_u16(), 303);
        assert_eq!(sealed_to(&app, "ngo-kh").await, vec![new.public.to_bytes()]);
        assert_eq!(app.store.previous_keys("ngo-kh").await.unwrap_or(-1), 0);
        let path = format!("/queues/ngo-kh/reports/{before}");
        assert_eq!(status_of(&app, &coordinator, &path).await, 200);
    }
);
