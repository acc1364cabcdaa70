//! A report's one timeline: received and triaged, what the reporter added, a claim, a reply
//! (and which organisation wrote it), an internal note set apart, a status change and a
//! referral, in time order with who; another organisation never sees this one's notes.

use serde_json::json;

use crate::casefile::{act, page};
use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{import, staff};

async fn add(app: &TestApp, code: &str, body: &str) {
    let token = crate::attachments::visit(app, code).await;
    let response = app
        .client
        .post(app.url("/followup/message"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("visit={token}&{body}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200);
}

/// Where each of `needles` is in `html`, failing on one missing.
fn positions(html: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| {
            html.find(n)
                .unwrap_or_else(|| panic!("{n} is missing: {html}"))
        })
        .collect()
}

on_both_engines!(the_timeline_tells_the_case_in_order, |engine| async move {
    let app = spawn_app(engine).await;
    let (report, code) = app
        .submit(&json!({
            "location": {"country": "KH", "compound": "Golden Fortune Park"},
            "indicators": ["threats"],
            "narrative": "held and threatened",
            "consent": {"partner_ngos": true},
        }))
        .await;
    let partner = staff(&app, "coordinator", "partner", "coord.thread").await;
    let desk = staff(&app, "coordinator", "operator", "coord.desk").await;
    import(&app, &partner, "ngo-kh").await;
    import(&app, &desk, "desk").await;

    // Within one second the log orders what members do; what the reporter sends has no entry
    // in it, so here it comes first, as it would a second earlier.
    add(
        &app,
        &code,
        "narrative=moved+to+building+C&location.city=Shwe+Kokko",
    )
    .await;
    act(&app, &partner, "ngo-kh", report, "claim", "").await;
    act(
        &app,
        &partner,
        "ngo-kh",
        report,
        "reply",
        "text=we+have+your+message",
    )
    .await;
    act(
        &app,
        &desk,
        "desk",
        report,
        "reply",
        "text=the+desk+is+here+too",
    )
    .await;
    act(
        &app,
        &partner,
        "ngo-kh",
        report,
        "note",
        "text=called+the+shelter",
    )
    .await;
    act(
        &app,
        &partner,
        "ngo-kh",
        report,
        "status",
        "status=acknowledged",
    )
    .await;
    let referred = act(
        &app,
        &partner,
        "ngo-kh",
        report,
        "refer",
        "to=ngo-zh&reason=speaks+Chinese",
    )
    .await;
    assert!(referred.ends_with("?done=referred"), "{referred}");

    let html = page(&app, &partner, "ngo-kh", report).await;
    let timeline = &html[html.find("<ol class=\"timeline\"").unwrap_or(0)..];
    let order = positions(
        timeline,
        &[
            "Report received",
            "Triage: ",
            "The reporter added information",
            "moved to building C",
            "coord.thread claimed the report",
            "Reply to the reporter, written by partner (test)",
            "we have your message",
            "Reply to the reporter, written by operator (test)",
            "the desk is here too",
            "Internal note by coord.thread",
            "Seen only by your organisation.",
            "called the shelter",
            "coord.thread changed the status to acknowledged",
            "Referred from ngo-kh to ngo-zh by coord.thread",
            "speaks Chinese",
        ],
    );
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted, "in time order: {timeline}");
    // The addition in the form's words, the note set apart.
    assert!(timeline.contains("Shwe Kokko") && timeline.contains("City, town or province"));
    assert!(timeline.contains("class=\"internal\""), "{timeline}");

    // The desk (another organisation) sees the replies and the reporter's addition, never the
    // partner's note, and not the partner's claims.
    let desk_page = page(&app, &desk, "desk", report).await;
    assert!(
        desk_page.contains("Reply to the reporter, written by partner (test)")
            && desk_page.contains("moved to building C"),
        "{desk_page}"
    );
    assert!(!desk_page.contains("called the shelter"), "{desk_page}");
    assert!(!desk_page.contains("coord.thread claimed"), "{desk_page}");
});

on_both_engines!(
    a_wave_that_closed_the_report_is_in_its_timeline,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
            .submit(
                &json!({"location": {"country": "TH"}, "narrative": "send money to this account"}),
            )
            .await;
        let (other, _) = app
            .submit(
                &json!({"location": {"country": "TH"}, "narrative": "send money to this account"}),
            )
            .await;
        let desk = staff(&app, "coordinator", "operator", "coord.desk").await;
        import(&app, &desk, "desk").await;
        act(&app, &desk, "desk", report, "claim", "").await;
        let csrf = crate::workspace::csrf_of(&app, &desk).await;
        let closed = app
            .post_form_with(
                "/queues/desk/wave",
                &format!("csrf={csrf}&report={report}&report={other}&confirm=yes"),
                Some(&desk),
            )
            .await;
        assert_eq!(closed.status().as_u16(), 303);

        let html = page(&app, &desk, "desk", report).await;
        let timeline = &html[html.find("<ol class=\"timeline\"").unwrap_or(0)..];
        let order = positions(
            timeline,
            &[
                "coord.desk claimed the report",
                "coord.desk changed the status to closed (not genuine (a fake report))",
            ],
        );
        assert!(order[0] < order[1], "{timeline}");
        // The claim stands: a wave closes, it does not release.
        assert!(!timeline.contains("released"), "{timeline}");
    }
);
