//! A responder's own language and time zone: chosen once, used on every page they read (issue 18,
//! items 2 and 6), and refused by field when the form was tampered with.

use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app};
use crate::workspace::{csrf_of, import, staff};

on_both_engines!(
    a_responder_reads_their_pages_in_their_language_and_time_zone,
    |engine| async move {
        let app = spawn_app(engine).await;
        let cookie = staff(&app, "coordinator", "partner", "coord.zone").await;
        import(&app, &cookie, "ngo-kh").await;
        app.submit(&json!({"location": {"country": "KH"}, "narrative": "zones", "consent": {"partner_ngos": true}}))
            .await;

        // Until chosen: the browser's language, and UTC.
        let queue = app.get_with("/queues/ngo-kh", &cookie).await;
        let html = queue.text().await.unwrap_or_default();
        assert!(html.contains(" UTC"), "{html}");

        let csrf = csrf_of(&app, &cookie).await;
        let form = app.get_with("/settings", &cookie).await;
        assert_eq!(form.status().as_u16(), 200);
        let html = form.text().await.unwrap_or_default();
        assert!(
            html.contains("lang=\"km\""),
            "each language in itself: {html}"
        );
        let saved = app
            .post_form_with(
                "/settings",
                &format!("csrf={csrf}&language=zh-Hans&time_zone=Asia%2FPhnom_Penh"),
                Some(&cookie),
            )
            .await;
        assert_eq!(saved.status().as_u16(), 200);
        let html = saved.text().await.unwrap_or_default();
        assert!(
            html.contains("已保存"),
            "said in the language chosen: {html}"
        );

        let queue = app.get_with("/queues/ngo-kh", &cookie).await;
        let html = queue.text().await.unwrap_or_default();
        assert!(
            html.contains("（UTC+07:00）"),
            "dates in Phnom Penh's time: {html}"
        );
        assert!(html.contains("<html lang=\"zh-Hans\""), "{html}");
    }
);

on_both_engines!(
    a_tampered_settings_form_is_refused_by_field_and_changes_nothing,
    |engine| async move {
        let app = spawn_app(engine).await;
        let cookie = staff(&app, "coordinator", "partner", "coord.tamper").await;
        let csrf = csrf_of(&app, &cookie).await;
        for (body, field) in [
            ("language=xx&time_zone=UTC", "language"),
            ("language=&time_zone=Asia%2FAtlantis", "time_zone"),
        ] {
            let refused = app
                .post_form_with("/settings", &format!("csrf={csrf}&{body}"), Some(&cookie))
                .await;
            assert_eq!(refused.status().as_u16(), 422, "{body}");
            let html = refused.text().await.unwrap_or_default();
            assert!(html.contains("f bad"), "{field}: {html}");
        }
        let unchanged = app.get_with("/settings", &cookie).await;
        let html = unchanged.text().await.unwrap_or_default();
        assert!(html.contains("<option value=\"UTC\" selected>"), "{html}");
        // Without the form's token nothing changes either.
        let forged = app
            .post_form_with(
                "/settings",
                "csrf=forged&language=km&time_zone=UTC",
                Some(&cookie),
            )
            .await;
        assert_ne!(forged.status().as_u16(), 200);
    }
);
