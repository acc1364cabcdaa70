//! What resumable uploads hold on disk is bounded, every replica together: a flood of uploads
//! inside the per-minute limits, each staged and left, would otherwise fill the disk in a day and
//! turn every report away with it (issue 17 review, M4).

use serde_json::json;

use crate::attachments::{new_upload, patch};
use crate::helpers::{on_both_engines, spawn_with, Options};

on_both_engines!(
    staged_uploads_stop_at_their_ceiling_and_reports_go_on,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.attachments.staged_bytes = 3000,
                ..Options::default()
            },
        )
        .await;
        let mut uploads = Vec::new();
        for _ in 0..2 {
            let (status, created) = new_upload(&app, 2000, "image/jpeg").await;
            assert_eq!(status, 201, "{created}");
            let field = |name: &str| created[name].as_str().unwrap_or_default().to_owned();
            uploads.push((field("id"), field("token")));
        }
        let (first, second) = (&uploads[0], &uploads[1]);
        let (status, _, _) = patch(&app, &first.0, &first.1, 0, &[0u8; 1500]).await;
        assert_eq!(status, 200);
        // 1,500 held and 1,500 more would pass 3,000 by nothing: this one fits, the next not.
        let (status, _, _) = patch(&app, &second.0, &second.1, 0, &[0u8; 1500]).await;
        assert_eq!(status, 200);
        let (status, at, body) = patch(&app, &second.0, &second.1, 1500, &[0u8; 1]).await;
        assert_eq!(status, 503, "{body}");
        assert_eq!(at.as_deref(), None);
        // A report without files is untouched by it.
        let report = json!({"location": {"country": "KH"}, "narrative": "no photos"});
        assert_eq!(app.post_json(&report).await.status().as_u16(), 201);
    }
);

on_both_engines!(
    an_upload_left_idle_stops_counting_after_its_hour_within_its_day,
    |engine| async move {
        let app = spawn_with(engine, Options::default()).await;
        let (status, created) = new_upload(&app, 2000, "image/jpeg").await;
        assert_eq!(status, 201, "{created}");
        let id = created["id"].as_str().unwrap_or_default().to_owned();
        let token = created["token"].as_str().unwrap_or_default().to_owned();
        let (status, _, _) = patch(&app, &id, &token, 0, &[0u8; 500]).await;
        assert_eq!(status, 200);
        let now = homeward::store::now();
        let held = |at: i64| {
            let store = app.store.clone();
            async move { store.staged_bytes(at).await.unwrap_or(-1) }
        };
        assert_eq!(held(now).await, 500);
        // An hour after its last piece it is gone, whatever its day allowed.
        let idle = homeward::reporting::staging::IDLE_SECS;
        assert_eq!(held(now + idle + 5).await, 0);
    }
);
