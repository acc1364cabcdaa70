//! An organisation is suspended (or a queue is held after a restore) because it can no longer be
//! trusted with what reporters send. It still holds the reports routed to it before; what is
//! sealed to their holders afterwards — the reporter's additions, the responders' replies, new
//! projection versions — must not reach it, and must reach it again only once it is reinstated,
//! for what is made from then on.

use serde_json::json;

use super::steps::{add, form_encode, recipients_by_item, staff_post, visit};
use crate::authorization::person;
use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{csrf_of, import, staff};

const PARTNER: &str = "queue:ngo-kh";

/// A report in Cambodia that the desk and the partner NGO (ngo-kh) receive at intake.
async fn report_for_desk_and_partner(app: &TestApp) -> (uuid::Uuid, String) {
    let (report, code) = app
        .submit(&json!({
            "location": {"country": "KH", "compound": "Standing Park"},
            "person": {"nationality": "IN"},
            "narrative": "routed while everyone stood",
            "consent": {"partner_ngos": true},
        }))
        .await;
    assert_eq!(
        app.store.report_queues(report).await.unwrap_or_default(),
        ["desk", "ngo-kh"]
    );
    (report, code)
}

/// The reporter adds a message, the desk replies, and the desk issues a projection version,
/// each carrying `marker`.
async fn write_everything(
    app: &TestApp,
    desk: &str,
    report: uuid::Uuid,
    token: &str,
    marker: &str,
) {
    assert_eq!(add(app, token, marker).await, 200, "the addition");
    let reply = format!("text={}", form_encode(marker));
    assert_eq!(
        staff_post(app, desk, "desk", report, "reply", &reply).await,
        303,
        "the reply"
    );
    let projection = json!({
        "person": {"name": marker, "nationality": "IN"},
        "location": {"country": "KH", "compound": "Standing Park"},
    })
    .to_string();
    let form = format!("projection={}", form_encode(&projection));
    assert_eq!(
        staff_post(app, desk, "desk", report, "projection", &form).await,
        303,
        "the projection version"
    );
}

/// Whether the newest item of each kind the reporter or a responder writes is sealed to `who`.
async fn newest_reach(app: &TestApp, report: uuid::Uuid, who: &str) -> Vec<(&'static str, bool)> {
    let mut out = Vec::new();
    for kind in ["addition", "reply", "projection"] {
        let items = recipients_by_item(app, report, kind).await;
        let newest = items.last().unwrap_or_else(|| panic!("no {kind} item"));
        assert!(
            newest.iter().any(|r| r == "queue:desk"),
            "the desk gets the {kind}: {newest:?}"
        );
        out.push((kind, newest.iter().any(|r| r == who)));
    }
    out
}

/// What the partner queue opens with its own key, as text.
async fn partner_reads(app: &TestApp, report: uuid::Uuid) -> String {
    app.open_as(report, "ngo-kh")
        .await
        .iter()
        .map(|(kind, value)| format!("{kind}: {value}\n"))
        .collect()
}

on_both_engines!(
    a_suspended_organisation_receives_nothing_new_until_reinstated,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = report_for_desk_and_partner(&app).await;
        let desk = staff(&app, "coordinator", "operator", "coord.standing").await;
        import(&app, &desk, "desk").await;
        let token = visit(&app, &code).await;
        let (operator, csrf) = person(&app, "operator", None, "op.standing").await;
        let suspend = |yes: bool| {
            let (app, operator, csrf) = (&app, &operator, &csrf);
            async move {
                let answer = app
                    .post_form_with(
                        "/organisations/partner/suspension",
                        &format!(
                            "csrf={csrf}&suspend={}&confirm=yes",
                            if yes { "yes" } else { "no" }
                        ),
                        Some(operator),
                    )
                    .await;
                assert_eq!(answer.status().as_u16(), 303, "suspension {yes}");
            }
        };

        suspend(true).await;
        write_everything(&app, &desk, report, &token, "while-suspended").await;
        assert_eq!(
            newest_reach(&app, report, PARTNER).await,
            [("addition", false), ("reply", false), ("projection", false)],
            "a suspended organisation receives nothing new"
        );

        suspend(false).await;
        write_everything(&app, &desk, report, &token, "after-reinstatement").await;
        assert_eq!(
            newest_reach(&app, report, PARTNER).await,
            [("addition", true), ("reply", true), ("projection", true)],
            "reinstated, it receives again"
        );
        // What was made while it was suspended stays out of its reach.
        let read = partner_reads(&app, report).await;
        assert!(read.contains("after-reinstatement"), "{read}");
        assert!(!read.contains("while-suspended"), "{read}");
        assert!(read.contains("routed while everyone stood"), "{read}");
    }
);

on_both_engines!(
    a_queue_held_after_a_restore_receives_nothing_new_until_confirmed,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = report_for_desk_and_partner(&app).await;
        let desk = staff(&app, "coordinator", "operator", "coord.held").await;
        import(&app, &desk, "desk").await;
        let partner = staff(&app, "coordinator", "partner", "coord.heldpartner").await;
        import(&app, &partner, "ngo-kh").await;
        let token = visit(&app, &code).await;

        // What a restore does when the queue's membership changed since the backup.
        let audit = app.audit();
        let entry = audit.entry("system", "queue_held_after_restore", "queue:ngo-kh");
        app.store
            .hold_after_restore("ngo-kh", homeward::store::now(), &entry)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        write_everything(&app, &desk, report, &token, "while-held").await;
        assert_eq!(
            newest_reach(&app, report, PARTNER).await,
            [("addition", false), ("reply", false), ("projection", false)],
            "a held queue receives nothing new"
        );

        // Its certified coordinator confirms who holds it.
        let csrf = csrf_of(&app, &partner).await;
        let confirmed = app
            .post_form_with(
                "/queues/ngo-kh/confirm",
                &format!("csrf={csrf}"),
                Some(&partner),
            )
            .await;
        assert_eq!(confirmed.status().as_u16(), 303);
        write_everything(&app, &desk, report, &token, "after-confirmation").await;
        assert_eq!(
            newest_reach(&app, report, PARTNER).await,
            [("addition", true), ("reply", true), ("projection", true)],
            "confirmed, it receives again"
        );
        let read = partner_reads(&app, report).await;
        assert!(read.contains("after-confirmation"), "{read}");
        assert!(!read.contains("while-held"), "{read}");
    }
);

on_both_engines!(
    a_suspended_organisation_still_works_its_reports,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = report_for_desk_and_partner(&app).await;
        let partner = staff(&app, "coordinator", "partner", "coord.suspended").await;
        import(&app, &partner, "ngo-kh").await;
        let (operator, csrf) = person(&app, "operator", None, "op.suspends").await;
        let suspend = |yes: bool| {
            let (app, operator, csrf) = (&app, &operator, &csrf);
            async move {
                let answer = app
                    .post_form_with(
                        "/organisations/partner/suspension",
                        &format!(
                            "csrf={csrf}&suspend={}&confirm=yes",
                            if yes { "yes" } else { "no" }
                        ),
                        Some(operator),
                    )
                    .await;
                assert_eq!(answer.status().as_u16(), 303, "suspension {yes}");
            }
        };
        let page = format!("/queues/ngo-kh/reports/{report}");
        let work = [
            ("claim", String::new()),
            ("reply", format!("text={}", form_encode("we are coming"))),
            ("note", format!("text={}", form_encode("called them"))),
            ("refer", "to=desk&reason=closer".to_owned()),
        ];

        suspend(true).await;
        assert_eq!(app.get_with(&page, &partner).await.status().as_u16(), 403);
        for (action, form) in &work {
            assert_eq!(
                staff_post(&app, &partner, "ngo-kh", report, action, form).await,
                403,
                "{action} while suspended"
            );
        }
        let entries = app
            .strings(&format!(
                "SELECT status || ':' || COALESCE(assignee, '-') FROM report_queues
                 WHERE report_id = '{report}' AND queue_id = 'ngo-kh'"
            ))
            .await;
        assert_eq!(entries, ["new:-"], "nothing moved");

        suspend(false).await;
        assert_eq!(app.get_with(&page, &partner).await.status().as_u16(), 200);
        assert_eq!(
            staff_post(&app, &partner, "ngo-kh", report, "claim", "").await,
            303,
            "reinstated, it works again"
        );
    }
);
