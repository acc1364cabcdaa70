//! Retention through the real command line: `homeward purge --dry-run` says what would go and
//! destroys nothing; `homeward purge` destroys only reports whose every entry was closed long
//! enough ago, audited and listed beside the secrets; open and unclaimed reports are kept and said.

use serde_json::json;

use crate::helpers::{on_both_engines, Engine, Options};
use crate::process::{prepare, run, write_config};

const LONG_AGO: i64 = 1_000_000_000; // 2001

on_both_engines!(
    purge_destroys_only_reports_closed_everywhere_long_ago_and_says_what_it_kept,
    |engine: Engine| async move {
        let app = crate::helpers::spawn_with(engine, Options::default()).await;
        let consent = json!({"partner_ngos": true});
        let (closed, _) = app
            .submit(&json!({"narrative": "closed everywhere", "location": {"country": "KH"}, "consent": consent}))
            .await;
        let (half, _) = app
            .submit(&json!({"narrative": "closed at the desk only", "location": {"country": "KH"}, "consent": consent}))
            .await;
        let (waiting, _) = app.submit(&json!({"narrative": "nobody claimed it"})).await;
        let (recent, _) = app.submit(&json!({"narrative": "closed yesterday"})).await;
        for (report, sql) in [
            (closed, "UPDATE report_queues SET status = 'closed', updated_at = 1000000000, added_at = 1000000000 WHERE report_id = '{r}'"),
            (half, "UPDATE report_queues SET status = 'closed', updated_at = 1000000000, added_at = 1000000000 WHERE report_id = '{r}' AND queue_id = 'desk'"),
            (recent, "UPDATE report_queues SET status = 'closed' WHERE report_id = '{r}'"),
        ] {
            app.tamper(&sql.replace("{r}", &report.to_string()), None, None).await;
        }
        for report in [closed, half, waiting] {
            app.tamper(
                &format!("UPDATE reports SET created_at = {LONG_AGO} WHERE id = '{report}'"),
                None,
                None,
            )
            .await;
        }
        let config = write_config(&app, "", "[retention]\nclosed_days = 30\n");

        let (ok, out, err) = run(&config, &["purge", "--dry-run"]);
        assert!(ok, "{err}");
        assert!(
            out.contains(&format!("would destroy report {closed}")),
            "{out}"
        );
        for kept in [half, waiting, recent] {
            assert!(!out.contains(&kept.to_string()), "{kept} would go: {out}");
        }
        assert!(
            out.contains("kept 2 older reports that are still open (2 of them unclaimed)"),
            "{out}"
        );
        assert_eq!(
            app.store.count_reports().await.ok(),
            Some(4),
            "a dry run destroys nothing"
        );

        let (ok, out, err) = run(&config, &["purge"]);
        assert!(ok, "{err}");
        assert!(out.contains(&format!("destroyed report {closed}")), "{out}");
        assert_eq!(app.store.count_reports().await.ok(), Some(3));
        assert!(app
            .stored_items(closed, &["queue:desk", "queue:ngo-kh", "reporter"])
            .await
            .is_empty());
        for kept in [half, waiting, recent] {
            assert!(
                !app.open_as(kept, "desk").await.is_empty(),
                "{kept} is kept"
            );
        }
        let entries = app.store.audit_entries(0, 1000).await.unwrap_or_default();
        assert!(entries
            .iter()
            .any(|e| e.action == "report_purged" && e.subject == format!("report:{closed}")));
        let listed = app.shredder().destroyed.read().unwrap_or_default();
        assert_eq!(listed.into_iter().collect::<Vec<_>>(), [closed.to_string()]);

        let (ok, out, _) = run(&config, &["purge"]);
        assert!(ok && out.contains("destroyed 0 reports"), "{out}");
    }
);

#[tokio::test]
async fn purge_refuses_a_retention_period_under_a_day() {
    let app = prepare(Engine::Sqlite, Options::default()).await;
    let config = write_config(&app, "", "[retention]\nclosed_days = 0\n");
    let (ok, _, err) = run(&config, &["purge", "--dry-run"]);
    assert!(!ok);
    assert!(err.contains("retention.closed_days"), "{err}");
}
