//! The attack: make the audit log refuse writes (a full disk for its table, a trigger someone
//! with the database planted, a lock held), then act, so that what is done leaves no trace.
//! Homeward's answer: every change is written in one transaction with its audit entry and every
//! decryption is audited before it happens, so with the log refusing, nothing is changed and
//! nothing is opened. Once the log takes writes again, the same actions go through.

use serde_json::json;

use super::steps::{reporter_post, staff_post, visit};
use crate::accounts::{code_for, enrol, login};
use crate::helpers::{on_both_engines, spawn_app, Engine, TestApp};
use crate::workspace::{account_id, csrf_of, fingerprint_of, give, import, staff};

/// Makes every insert into the audit log fail, as a planted trigger would.
async fn refuse_audit(app: &TestApp) {
    match app.engine {
        Engine::Sqlite => {
            app.tamper(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
                 BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
                None,
                None,
            )
            .await
        }
        Engine::Postgres => {
            app.tamper(
                "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql
                 AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$",
                None,
                None,
            )
            .await;
            app.tamper(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
                 FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
                None,
                None,
            )
            .await
        }
    }
}

async fn allow_audit(app: &TestApp) {
    let sql = match app.engine {
        Engine::Sqlite => "DROP TRIGGER refuse_audit",
        Engine::Postgres => "DROP TRIGGER refuse_audit ON audit_log",
    };
    app.tamper(sql, None, None).await;
}

/// Everything the actions below could change, as stored.
async fn state(app: &TestApp, report: uuid::Uuid) -> Vec<String> {
    let mut out = Vec::new();
    for sql in [
        "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log".to_owned(),
        "SELECT CAST(COUNT(*) AS TEXT) FROM sessions".to_owned(),
        "SELECT CAST(COUNT(*) AS TEXT) FROM certificates".to_owned(),
        "SELECT CAST(COUNT(*) AS TEXT) FROM queue_key_copies".to_owned(),
        "SELECT CAST(COUNT(*) AS TEXT) FROM invites".to_owned(),
        format!("SELECT CAST(COUNT(*) AS TEXT) FROM items WHERE report_id = '{report}'"),
        format!(
            "SELECT status || ':' || COALESCE(assignee, '-') FROM report_queues
             WHERE report_id = '{report}' ORDER BY queue_id"
        ),
        format!(
            "SELECT CAST(consent_consulate AS TEXT) || ':' || COALESCE(CAST(withdrawn_at AS TEXT), '-')
             FROM reports WHERE id = '{report}'"
        ),
    ] {
        out.extend(app.strings(&sql).await);
    }
    out
}

on_both_engines!(
    acting_while_the_audit_log_refuses_writes_changes_and_opens_nothing,
    |engine| async move {
        let app = spawn_app(engine).await;
        let desk = staff(&app, "coordinator", "operator", "coord.audit").await;
        import(&app, &desk, "desk").await;
        let member = "resp.audit";
        let responder = staff(&app, "responder", "operator", member).await;
        let token = app.invite("responder", Some("operator")).await;
        let (secret, _) = enrol(&app, &token, "resp.later").await;
        let (report, code) = app
            .submit(&json!({
                "location": {"country": "KH", "city": "Sihanoukville"},
                "person": {"nationality": "TH"},
                "narrative": "held in a compound",
                "consent": {"consulate": true},
            }))
            .await;
        let visit_token = visit(&app, &code).await;
        let before = state(&app, report).await;

        refuse_audit(&app).await;
        let id = account_id(&app, member).await;
        let csrf = csrf_of(&app, &desk).await;
        let fingerprint = fingerprint_of(&app, member).await;
        let certified = app
            .post_form_with(
                &format!("/members/{id}/certify"),
                &format!("csrf={csrf}&fingerprint={fingerprint}"),
                Some(&desk),
            )
            .await;
        assert!(certified.status().is_server_error(), "certify");
        let opened = app
            .get_with(&format!("/queues/desk/reports/{report}"), &desk)
            .await;
        assert!(opened.status().is_server_error(), "a decryption");
        for (action, form) in [
            ("claim", String::new()),
            ("status", "status=in_progress&outcome=".to_owned()),
            ("reply", "text=we+are+coming".to_owned()),
            ("note", "text=called+the+partner".to_owned()),
        ] {
            let status = staff_post(&app, &desk, "desk", report, action, &form).await;
            assert!(status >= 500, "{action}: {status}");
        }
        assert!(
            login(&app, "resp.later", &code_for(&secret, 0))
                .await
                .is_err(),
            "a login"
        );
        let (status, _) = reporter_post(
            &app,
            "/followup/consents/stop",
            &visit_token,
            "consent=consulate",
        )
        .await;
        assert!(status >= 500, "the reporter's consent: {status}");
        let (status, _) =
            reporter_post(&app, "/followup/withdraw", &visit_token, "confirm=on").await;
        assert!(status >= 500, "the reporter's withdrawal: {status}");
        assert_eq!(state(&app, report).await, before, "nothing changed");

        // The log takes writes again: the same actions go through, each with its entry.
        allow_audit(&app).await;
        give(&app, &desk, "desk", member).await;
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "claim", "").await,
            303
        );
        let opened = app
            .get_with(&format!("/queues/desk/reports/{report}"), &responder)
            .await;
        assert_eq!(opened.status().as_u16(), 200);
        let after = state(&app, report).await;
        assert_ne!(after, before);
        let entries: Vec<String> = app
            .strings("SELECT action FROM audit_log ORDER BY seq")
            .await;
        for action in [
            "member_certified",
            "queue_key_granted",
            "entry_changed",
            "report_opened",
        ] {
            assert!(entries.iter().any(|a| a == action), "{action}: {entries:?}");
        }
    }
);
