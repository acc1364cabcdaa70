//! Referral: consent decides with no override; consulates get only their nationals, the police
//! only their country; a projection-only entry refers only to projection-only queues; the
//! receiving queue can then open what its audience is entitled to, and the reason.

use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{csrf_of, import, staff};

async fn report(
    app: &TestApp,
    country: &str,
    nationality: &str,
    consent: serde_json::Value,
) -> uuid::Uuid {
    app.submit(&json!({
        "location": {"country": country, "compound": "Referral Park"},
        "person": {"nationality": nationality, "name": "Ravi Kumar"},
        "narrative": "held and beaten",
        "consent": consent,
    }))
    .await
    .0
}

/// Refers and returns (status, page).
async fn refer(
    app: &TestApp,
    cookie: &str,
    from: &str,
    report: uuid::Uuid,
    to: &str,
    reason: &str,
) -> (u16, String) {
    let csrf = csrf_of(app, cookie).await;
    let response = app
        .post_form_with(
            &format!("/queues/{from}/reports/{report}/refer"),
            &format!("csrf={csrf}&to={to}&reason={reason}"),
            Some(cookie),
        )
        .await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

on_both_engines!(referrals_follow_consent_and_country, |engine| async move {
    let app = spawn_app(engine).await;
    let desk = staff(&app, "coordinator", "operator", "coord.refdesk").await;
    let partner = staff(&app, "coordinator", "partner", "coord.refngo").await;
    let consulate = staff(&app, "coordinator", "consulate-in", "coord.refcon").await;
    import(&app, &desk, "desk").await;
    import(&app, &partner, "ngo-kh").await;
    import(&app, &consulate, "consular-in").await;

    // In Myanmar, an Indian national; consent to the police only.
    let a = report(
        &app,
        "MM",
        "IN",
        json!({"partner_ngos": false, "consulate": false, "police": true}),
    )
    .await;
    for (to, why) in [
        ("ngo-kh", "did not consent"),
        ("consular-in", "did not consent"),
        ("police-kh", "only reports from their country"),
    ] {
        let (status, page) = refer(&app, &desk, "desk", a, to, "needs+help").await;
        assert_eq!(status, 422, "{to}");
        assert!(page.contains(why), "{to}: {page}");
        assert!(page.contains("needs help"), "the reason typed is kept");
    }
    assert_eq!(
        app.store.report_queues(a).await.unwrap_or_default(),
        vec!["desk".to_owned()]
    );

    // In Cambodia, a Chinese national, consents to partners and consulates: not India's consulate.
    let b = report(
        &app,
        "KH",
        "CN",
        json!({"partner_ngos": true, "consulate": true}),
    )
    .await;
    let (status, page) = refer(&app, &desk, "desk", b, "consular-in", "consular+help").await;
    assert_eq!(status, 422);
    assert!(page.contains("own nationals"), "{page}");

    // In Myanmar, an Indian national, consents to partners and consulates.
    let c = report(
        &app,
        "MM",
        "IN",
        json!({"partner_ngos": true, "consulate": true}),
    )
    .await;
    let mut holders = app.store.report_queues(c).await.unwrap_or_default();
    holders.sort();
    assert_eq!(holders, vec!["consular-in".to_owned(), "desk".to_owned()]);
    let (status, _) = refer(&app, &desk, "desk", c, "ngo-kh", "").await;
    assert_eq!(status, 422, "a reason is needed");
    // The consulate holds the projection only: it cannot hand the report to an NGO.
    let (status, page) = refer(&app, &consulate, "consular-in", c, "ngo-kh", "please+help").await;
    assert_eq!(status, 422);
    assert!(page.contains("projection only"), "{page}");
    let (status, page) = refer(
        &app,
        &consulate,
        "consular-in",
        c,
        "police-kh",
        "please+help",
    )
    .await;
    assert_eq!(status, 422);
    // Whether the reporter consented to the police is not the consulate's to learn.
    assert!(page.contains("cannot be referred to that queue"), "{page}");
    // Someone who does not hold the referring queue cannot refer from it.
    let (status, _) = refer(&app, &partner, "desk", c, "ngo-kh", "sneaky").await;
    assert_eq!(status, 403);

    let (status, _) = refer(&app, &desk, "desk", c, "ngo-kh", "partner+on+the+border").await;
    assert_eq!(status, 303);
    let opened = app
        .get_with(&format!("/queues/ngo-kh/reports/{c}"), &partner)
        .await;
    assert_eq!(opened.status().as_u16(), 200);
    let page = opened.text().await.unwrap_or_default();
    assert!(page.contains("held and beaten"), "the whole report: {page}");
    assert!(page.contains("partner on the border"), "the reason: {page}");
    let (status, page) = refer(&app, &desk, "desk", c, "ngo-kh", "again").await;
    assert_eq!(status, 422);
    assert!(page.contains("holds this report already"), "{page}");

    let audited = app
        .store
        .audit_entries(0, 1000)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e.action == "report_referred")
        .map(|e| e.subject)
        .collect::<Vec<_>>();
    // It names the reason's item, by which the timeline says who referred it.
    assert_eq!(audited.len(), 1);
    assert!(
        audited[0].starts_with(&format!("queue:desk report:{c} to:queue:ngo-kh item:")),
        "{audited:?}"
    );
    assert!(
        !audited.iter().any(|s| s.contains("border")),
        "no content in the audit log"
    );
});

fn textarea(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\"");
    let after = html.split(&marker).nth(1).unwrap_or_default();
    let inner = after.split_once('>').map(|(_, r)| r).unwrap_or_default();
    let raw = inner.split("</textarea>").next().unwrap_or_default();
    raw.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn form_encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

on_both_engines!(
    an_ngo_issues_a_new_projection_version_that_the_consulate_reads,
    |engine| async move {
        let app = spawn_app(engine).await;
        let desk = staff(&app, "coordinator", "operator", "coord.projdesk").await;
        let consulate = staff(&app, "coordinator", "consulate-in", "coord.projcon").await;
        import(&app, &desk, "desk").await;
        import(&app, &consulate, "consular-in").await;
        let r = app
            .submit(&json!({
                "location": {"country": "MM", "city": "Myawaddy", "latitude": 16.69, "longitude": 98.5},
                "person": {"nationality": "IN", "name": "Ravi Kumar", "age": 24},
                "documents": [{"type": "passport", "number": "Z1234567", "holder": "the compound boss"}],
                "wants": ["go_home"],
                "narrative": "the narrative stays with NGOs",
                "consent": {"consulate": true},
            }))
            .await
            .0;
        let page = app
            .get_with(&format!("/queues/desk/reports/{r}"), &desk)
            .await
            .text()
            .await
            .unwrap_or_default();
        let current = textarea(&page, "projection");
        assert!(current.contains("Myawaddy"), "{current}");
        let moved = current.replace("Myawaddy", "Shwe Kokko");
        let csrf = csrf_of(&app, &desk).await;
        let path = format!("/queues/desk/reports/{r}/projection");

        let broken = app
            .post_form_with(
                &path,
                &format!("csrf={csrf}&projection={}", form_encode("{\"person\": ")),
                Some(&desk),
            )
            .await;
        assert_eq!(broken.status().as_u16(), 422);
        let kept = textarea(&broken.text().await.unwrap_or_default(), "projection");
        assert_eq!(kept, "{\"person\": ", "what was typed is kept");
        let bad_country = current.replace("\"MM\"", "\"XY\"");
        let refused = app
            .post_form_with(
                &path,
                &format!("csrf={csrf}&projection={}", form_encode(&bad_country)),
                Some(&desk),
            )
            .await;
        assert_eq!(refused.status().as_u16(), 422);
        let text = refused.text().await.unwrap_or_default();
        assert!(
            text.contains("location.country"),
            "{}",
            text.split("class=\"err\"").nth(1).unwrap_or_default()
        );

        let issued = app
            .post_form_with(
                &path,
                &format!("csrf={csrf}&projection={}", form_encode(&moved)),
                Some(&desk),
            )
            .await;
        assert_eq!(issued.status().as_u16(), 303);

        // The consulate reads both versions, the new one last; never the narrative; it cannot
        // issue one itself.
        let read = app
            .get_with(&format!("/queues/consular-in/reports/{r}"), &consulate)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            read.contains("Shwe Kokko") && read.contains("Myawaddy"),
            "{read}"
        );
        assert_eq!(
            read.matches("Z1234567").count(),
            2,
            "the document survives the edit"
        );
        assert!(!read.contains("narrative stays"));
        let ccsrf = csrf_of(&app, &consulate).await;
        let denied = app
            .post_form_with(
                &format!("/queues/consular-in/reports/{r}/projection"),
                &format!("csrf={ccsrf}&projection={}", form_encode(&moved)),
                Some(&consulate),
            )
            .await;
        assert_eq!(denied.status().as_u16(), 403);
    }
);
