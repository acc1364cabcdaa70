//! Key material that outlives its expiry: expired staff sessions, follow-up visits, routing
//! tickets and staged uploads used to stay in the database until someone presented them again,
//! and the receipt page's sealed copy of the code lived on for as long as the page was shown
//! again. The server's clock is the test's own; nothing sleeps.

use homeward::cli::sealed_submit::routing_facts;
use homeward::domain::ReportInput;
use homeward::store::Clock;
use serde_json::json;

use crate::helpers::{code_in_page, hidden, on_both_engines, spawn_with, Engine, Options, TestApp};
use crate::workspace::staff;

/// What `helpers::settings` gives sessions: 30 minutes idle, 12 hours in all.
const IDLE_SECS: i64 = 30 * 60;
const ABSOLUTE_SECS: i64 = 12 * 3600;

/// Each expiring row's sealed bytes and the last moment it may still be used, by the rule its
/// reader applies: a session until idle or absolute limit, a visit and an upload while
/// `expires_at > now`, a ticket until `now > expires_at`.
fn expiring_sql() -> [String; 4] {
    [
        format!(
            "SELECT key_sealed, CASE WHEN last_seen_at + {IDLE_SECS} < created_at + {ABSOLUTE_SECS} \
             THEN last_seen_at + {IDLE_SECS} ELSE created_at + {ABSOLUTE_SECS} END FROM sessions"
        ),
        "SELECT key_sealed, expires_at - 1 FROM visits".into(),
        "SELECT plan, expires_at FROM sealed_tickets".into(),
        "SELECT c.data, u.expires_at - 1 FROM upload_chunks c JOIN uploads u ON u.id = c.upload_id"
            .into(),
    ]
}

async fn rows(app: &TestApp, sql: &str) -> Vec<(Vec<u8>, i64)> {
    use sqlx::Connection;
    match app.engine {
        Engine::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&app.database_url)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            sqlx::query_as(sql)
                .fetch_all(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"))
        }
        Engine::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&app.database_url)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            sqlx::query_as(sql)
                .fetch_all(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"))
        }
    }
}

/// Every expiring row the database holds now, by kind.
async fn expiring(app: &TestApp) -> Vec<Vec<(Vec<u8>, i64)>> {
    let mut out = Vec::new();
    for sql in expiring_sql() {
        out.push(rows(app, &sql).await);
    }
    out
}

fn manual_clock() -> Options {
    Options {
        clock: Some(Clock::set_to(homeward::store::now())),
        ..Options::default()
    }
}

async fn post_form(app: &TestApp, path: &str, body: String) -> (u16, String) {
    let response = app
        .client
        .post(app.url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

on_both_engines!(
    expired_sessions_visits_tickets_and_uploads_stay_in_the_database_until_presented,
    |engine| async move {
        let app = spawn_with(engine, manual_clock()).await;
        let sweeper = app.sweeper.clone().unwrap_or_else(|| panic!("no sweeper"));

        // One of each: a staff session, a reporter's visit, a routing ticket, a staged piece.
        let _session = staff(&app, "coordinator", "partner", "coord.sweep").await;
        let (_, code) = app.submit(&json!({"narrative": "swept away"})).await;
        let (status, page) = post_form(
            &app,
            "/followup",
            format!("code={}", code.replace(' ', "+")),
        )
        .await;
        assert_eq!(status, 200, "{page}");
        let input: ReportInput =
            serde_json::from_value(json!({"location": {"country": "KH"}, "narrative": "x"}))
                .unwrap_or_else(|e| panic!("{e}"));
        let ticket = app
            .client
            .post(app.url("/api/v1/sealed/tickets"))
            .json(&routing_facts(&input))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ticket.status().as_u16(), 201);
        let created: serde_json::Value = app
            .client
            .post(app.url("/api/v1/uploads"))
            .json(&json!({"size": 4096, "media_type": "image/jpeg"}))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .json()
            .await
            .unwrap_or_default();
        let piece = app
            .client
            .patch(app.url(&format!(
                "/api/v1/uploads/{}",
                created["id"].as_str().unwrap_or_default()
            )))
            .header(
                "Upload-Token",
                created["token"].as_str().unwrap_or_default(),
            )
            .header("Upload-Offset", "0")
            .header("Content-Type", "application/offset+octet-stream")
            .body(vec![0xA5u8; 1024])
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(piece.status().as_u16(), 200);

        let before = expiring(&app).await;
        for (kind, held) in before.iter().enumerate() {
            assert!(!held.is_empty(), "kind {kind}: nothing to sweep");
        }
        // Sweep at each row's last live moment and the second after it, in order: every row
        // past its expiry is gone after the one sweep, every other row stays.
        let mut moments: Vec<i64> = before
            .iter()
            .flatten()
            .flat_map(|(_, last)| [*last, *last + 1])
            .collect();
        moments.sort_unstable();
        moments.dedup();
        for at in moments {
            app.clock.set(at);
            sweeper
                .sweep()
                .await
                .unwrap_or_else(|e| panic!("sweeping: {e}"));
            let left = expiring(&app).await;
            for (kind, (held, now)) in before.iter().zip(&left).enumerate() {
                let live: Vec<&Vec<u8>> = held
                    .iter()
                    .filter(|(_, last)| *last >= at)
                    .map(|(b, _)| b)
                    .collect();
                let still: Vec<&Vec<u8>> = now.iter().map(|(b, _)| b).collect();
                assert_eq!(
                    still,
                    live,
                    "kind {kind} at +{}s",
                    at - before_start(&before)
                );
            }
        }

        // And the bytes have left the files, not only the rows.
        let stored = app.database_bytes().await;
        for (blob, _) in before.iter().flatten() {
            assert!(
                !stored.windows(blob.len()).any(|w| w == blob.as_slice()),
                "swept key material is still in the database files"
            );
        }
    }
);

/// The earliest last-live moment, to name moments in a failure relative to it.
fn before_start(rows: &[Vec<(Vec<u8>, i64)>]) -> i64 {
    rows.iter()
        .flatten()
        .map(|(_, last)| *last)
        .min()
        .unwrap_or(0)
}

on_both_engines!(
    showing_the_receipt_page_again_keeps_its_copy_of_the_code_alive,
    |engine| async move {
        let app = spawn_with(engine, manual_clock()).await;
        let page = app
            .post_form("reporter.relation=self&location.country=TH&narrative=held+in+a+compound")
            .await
            .text()
            .await
            .unwrap_or_default();
        let code = code_in_page(&page);
        let mut wrong: Vec<char> = code.chars().collect();
        wrong[0] = if wrong[0] == '1' { '2' } else { '1' };
        let wrong: String = wrong.into_iter().collect();
        let check = |sealed: String, typed: String| {
            let app = &app;
            async move {
                post_form(
                    app,
                    "/receipt/check",
                    format!("receipt={sealed}&lang=en&code={}", typed.replace(' ', "+")),
                )
                .await
            }
        };

        // Shown again after 20 minutes (a mistyped check), and again after 29: the copy is
        // re-sealed each time, and each time the code comes back.
        let mut sealed = hidden(&page, "receipt");
        for minutes in [20, 9] {
            app.clock.advance(minutes * 60);
            let (status, again) = check(sealed.clone(), wrong.clone()).await;
            assert_eq!(status, 422, "{again}");
            assert_eq!(code_in_page(&again), code, "the code is shown again");
            sealed = hidden(&again, "receipt");
            assert!(!sealed.is_empty());
        }

        // 31 minutes after the receipt was first shown, the newest copy is dead too.
        app.clock.advance(2 * 60);
        let (status, late) = check(sealed.clone(), wrong.clone()).await;
        assert_eq!(status, 422);
        assert!(
            !late.contains(&code),
            "the code came back past its lifetime"
        );
        assert!(!late.contains("class=\"code\""), "{late}");
        let (status, right) = check(sealed, code.clone()).await;
        assert_eq!(status, 422, "a dead copy checks nothing: {right}");
    }
);
