//! Liveness and readiness: the database answers, the schema is this build's, the secrets are in,
//! the desk receives (tests/api/overview.rs covers a desk that does not).

use crate::helpers::{on_both_engines, spawn_app};

on_both_engines!(
    readiness_says_whether_the_schema_is_the_one_this_build_expects,
    |engine| async move {
        let app = spawn_app(engine).await;
        assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
        let ready = app.get("/readyz").await;
        assert_eq!(ready.status().as_u16(), 200);
        let ready: serde_json::Value = ready.json().await.unwrap_or_default();
        assert_eq!(
            ready,
            serde_json::json!({"database": "ok", "migrations": "current", "secrets": "present", "desk": "receives"})
        );

        // A schema a migration short of this build's: not ready, and it says why.
        app.tamper(
            "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
            None,
            None,
        )
        .await;
        let behind = app.get("/readyz").await;
        assert_eq!(behind.status().as_u16(), 503);
        let behind: serde_json::Value = behind.json().await.unwrap_or_default();
        assert_eq!(behind["migrations"], "behind");
    }
);

on_both_engines!(
    a_filled_in_hidden_field_is_refused_openly_and_nothing_is_stored,
    |engine| async move {
        let app = spawn_app(engine).await;
        let before = app.store.count_reports().await.unwrap_or(-1);
        let response = app
            .post_form("location.country=KH&narrative=kept+words&website=http%3A%2F%2Fspam.example")
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap_or_default();
        assert!(page.contains("that people leave empty"), "{page}");
        assert!(
            page.contains("kept words"),
            "the form comes back as it was sent"
        );
        assert!(!page.contains("class=\"code\""), "never a receipt");
        assert_eq!(app.store.count_reports().await.unwrap_or(-2), before);
        let clean = app
            .post_form("location.country=KH&narrative=kept+words&website=")
            .await;
        assert_eq!(
            clean.status().as_u16(),
            200,
            "an empty hidden field is a person's"
        );
    }
);
