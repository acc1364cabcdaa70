//! A state that seizes the server can also demand its carriers' logs: which phone reached the
//! server at 10:32:17. A report, an entry or an item stored with the same second confirms who
//! reported, and when they came back. The plaintext keeps the hour (what sorting and overdue
//! marks need); the exact times are sealed inside the items.

use serde_json::json;

use super::steps::{add, form_encode, reporter_post, staff_post, visit};
use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{import, staff};
use homeward::store::{now, to_the_hour};

/// Every value of a time column of the report's rows, as stored.
async fn times(app: &TestApp, report: uuid::Uuid) -> Vec<(String, i64)> {
    let columns = [
        ("reports", "created_at", "id"),
        ("reports", "updated_at", "id"),
        ("reports", "withdrawn_at", "id"),
        ("report_queues", "added_at", "report_id"),
        ("report_queues", "updated_at", "report_id"),
        ("items", "created_at", "report_id"),
    ];
    let mut out = Vec::new();
    for (table, column, key) in columns {
        let values = app
            .strings(&format!(
                "SELECT CAST({column} AS TEXT) FROM {table}
                 WHERE {key} = '{report}' AND {column} IS NOT NULL"
            ))
            .await;
        assert!(!values.is_empty(), "{table}.{column} holds nothing");
        for value in values {
            let at = value
                .parse()
                .unwrap_or_else(|e| panic!("{table}.{column} = {value}: {e}"));
            out.push((format!("{table}.{column}"), at));
        }
    }
    out
}

on_both_engines!(
    no_plaintext_time_dates_a_report_to_the_second,
    |engine| async move {
        let app = spawn_app(engine).await;
        let before = now();
        let (report, code) = app
            .submit(&json!({
                "location": {"country": "MM", "compound": "Clock Park"},
                "narrative": "they watch the phones",
                "consent": {"partner_ngos": true},
            }))
            .await;
        let received = now();

        // The desk replies, waits for the reporter, and refers to a partner NGO.
        let desk = staff(&app, "coordinator", "operator", "coord.clock").await;
        import(&app, &desk, "desk").await;
        let reply = format!("text={}", form_encode("write when you can"));
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "reply", &reply).await,
            303
        );
        for to in ["in_progress", "waiting_for_reporter"] {
            let status = format!("status={to}&outcome=");
            assert_eq!(
                staff_post(&app, &desk, "desk", report, "status", &status).await,
                303
            );
        }
        assert_eq!(
            app.strings(&format!(
                "SELECT status FROM report_queues WHERE report_id = '{report}' AND queue_id = 'desk'"
            ))
            .await,
            ["waiting_for_reporter"],
            "the entry moved"
        );
        let refer = "to=ngo-kh&reason=the+partner+is+closer";
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "refer", refer).await,
            303
        );

        // The reporter comes back and answers, gives a consent and withdraws the report.
        let token = visit(&app, &code).await;
        let came_back = now();
        assert_eq!(add(&app, &token, "we were moved at night").await, 200);
        let answered = now();
        let (status, page) = reporter_post(
            &app,
            "/followup/consents/allow",
            &token,
            "consent=consulate",
        )
        .await;
        assert_eq!(status, 200, "{page}");
        let (status, page) = reporter_post(&app, "/followup/withdraw", &token, "confirm=on").await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(
            app.strings(&format!(
                "SELECT CAST(withdrawn_at AS TEXT) FROM reports WHERE id = '{report}'"
            ))
            .await
            .len(),
            1,
            "withdrawn"
        );

        // What the reporter did is in the audit log too, and to the hour there as well.
        let audited = app
            .strings("SELECT CAST(at AS TEXT) FROM audit_log WHERE actor = 'reporter'")
            .await;
        assert_eq!(
            audited.len(),
            2,
            "the consent and the withdrawal: {audited:?}"
        );
        for at in audited {
            let at: i64 = at.parse().unwrap_or(-1);
            assert_eq!(at % 3600, 0, "audit_log.at = {at}: not to the hour");
        }
        for (column, at) in times(&app, report).await {
            assert_eq!(at % 3600, 0, "{column} = {at}: not to the hour");
        }
        let stored: Vec<String> = app
            .strings(&format!(
                "SELECT CAST(created_at AS TEXT) FROM reports WHERE id = '{report}'"
            ))
            .await;
        let hour: i64 = stored.first().and_then(|s| s.parse().ok()).unwrap_or(-1);
        assert!(
            [to_the_hour(before), to_the_hour(received)].contains(&hour),
            "the report keeps the hour it came in: {hour}"
        );

        // The exact times are inside the items, for those who hold their keys.
        let items = app.open_as(report, "desk").await;
        let at = |kind: &str| {
            items
                .iter()
                .find(|(k, _)| k == kind)
                .and_then(|(_, v)| v["at"].as_i64())
                .unwrap_or_else(|| panic!("no time sealed in the {kind}"))
        };
        assert!((before..=received).contains(&at("status")), "received");
        assert!(
            (came_back..=answered).contains(&at("addition")),
            "the addition"
        );
    }
);
