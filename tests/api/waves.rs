//! A flood of fake reports cleared (issue 18, item 5): the same text thirty times, closed as not
//! genuine in one action by a member of the desk, audited as one entry; then, once the cooling
//! period is over, destroyed early by a coordinator of the desk organisation who did not close
//! them, after a confirmation that shows what each report says; which frees their locators for
//! real reports. Nobody else may do either, nothing open anywhere is destroyed, and neither is a
//! report closed too recently or one the destroying coordinator closed; one whose reporter wrote
//! again after it was closed is marked so (a flooder holding their fakes' codes could write to
//! each), and a coordinator who cannot read the reports may not destroy them.

use homeward::store::Clock;
use serde_json::json;

use crate::authorization::person;
use crate::helpers::{on_both_engines, spawn_with, Options, TestApp};
use crate::workspace::{csrf_of, give, import, staff};
use crate::workspace_api::{api, token};

fn fake() -> serde_json::Value {
    json!({"location": {"country": "TH"}, "narrative": "help me I am held, send money to this account"})
}

fn form(csrf: &str, reports: &[String], confirm: bool) -> String {
    let mut body = format!("csrf={csrf}");
    for r in reports {
        body.push_str(&format!("&report={r}"));
    }
    if confirm {
        body.push_str("&confirm=yes");
    }
    body
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn audited(app: &TestApp, action: &str) -> Vec<String> {
    app.strings(&format!(
        "SELECT subject FROM audit_log WHERE action = '{action}' ORDER BY seq"
    ))
    .await
}

/// A minute longer than the cooling period (24 hours by default).
const PAST_THE_PERIOD: i64 = 86_400 + 60;

/// An app whose clock the test moves, and whose sweeps do not run while it does: a session is
/// judged by the system's clock, a sweep by the test's.
fn timed() -> Options {
    Options {
        tweak: |s| s.expiry.sweep_interval_secs = 30 * 86_400,
        clock: Some(Clock::set_to(homeward::store::now())),
        ..Options::default()
    }
}

async fn visit(app: &TestApp, code: &str) -> u16 {
    app.client
        .post(app.url("/api/v1/followup/visits"))
        .json(&json!({ "code": code }))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or_else(|e| panic!("{e}"))
}

on_both_engines!(
    a_wave_of_fakes_is_closed_as_one_then_destroyed_early_and_its_locators_serve_again,
    |engine| async move {
        // Room for the flood and two real reports, no more.
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| {
                    s.test_only_locator_space = Some(32);
                    s.expiry.sweep_interval_secs = 30 * 86_400;
                },
                ..timed()
            },
        )
        .await;
        let mut fakes = Vec::new();
        let mut codes = Vec::new();
        for _ in 0..30 {
            let (id, code) = app.submit(&fake()).await;
            fakes.push(id.to_string());
            codes.push(code);
        }
        let (real, real_code) = app
            .submit(&json!({"location": {"country": "TH"}, "narrative": "my brother is held at the compound"}))
            .await;
        // Also at the desk, and open at a partner that never closed it.
        let (shared, _) = app
            .submit(&json!({"location": {"country": "KH"}, "narrative": "held", "consent": {"partner_ngos": true}}))
            .await;
        assert_eq!(
            app.post_json(&fake()).await.status().as_u16(),
            503,
            "the locators are full"
        );

        let desk_coordinator = staff(&app, "coordinator", "operator", "coord.desk").await;
        import(&app, &desk_coordinator, "desk").await;
        let desk_responder = staff(&app, "responder", "operator", "resp.desk").await;
        give(&app, &desk_coordinator, "desk", "resp.desk").await;
        let partner = staff(&app, "coordinator", "partner", "coord.partner").await;
        import(&app, &partner, "ngo-kh").await;
        let (operator, operator_csrf) = person(&app, "operator", None, "op.waves").await;

        let mut wave = fakes.clone();
        wave.push(shared.to_string());

        // Another organisation's member holds no key of the desk.
        let partner_csrf = csrf_of(&app, &partner).await;
        let refused = app
            .post_form_with(
                "/queues/desk/wave",
                &form(&partner_csrf, &wave, true),
                Some(&partner),
            )
            .await;
        assert_eq!(refused.status().as_u16(), 403);

        // The first post asks, naming every selected report again in its form.
        let csrf = csrf_of(&app, &desk_responder).await;
        let asked = app
            .post_form_with(
                "/queues/desk/wave",
                &form(&csrf, &wave, false),
                Some(&desk_responder),
            )
            .await;
        assert_eq!(asked.status().as_u16(), 200);
        let page = asked.text().await.unwrap_or_default();
        assert_eq!(page.matches("name=\"report\"").count(), 31, "{page}");
        assert!(page.contains("name=\"confirm\" value=\"yes\""));
        assert_eq!(
            app.store
                .entry_state("desk", &fakes[0])
                .await
                .ok()
                .flatten()
                .map(|e| e.status),
            Some("new".into()),
            "asking changed nothing"
        );

        let done = app
            .post_form_with(
                "/queues/desk/wave",
                &form(&csrf, &wave, true),
                Some(&desk_responder),
            )
            .await;
        assert_eq!(done.status().as_u16(), 303);
        assert_eq!(location(&done), "/queues/desk?done=wave_closed&n=31&kept=0");
        let closed = app
            .strings("SELECT report_id FROM report_queues WHERE queue_id = 'desk' AND status = 'closed' AND outcome = 'not_genuine'")
            .await;
        assert_eq!(closed.len(), 31);
        let entries = audited(&app, "wave_closed").await;
        assert_eq!(entries.len(), 1, "one audit entry for the wave");
        assert!(
            entries[0].starts_with("queue:desk closed:31 kept:0 reports:"),
            "{}",
            entries[0]
        );
        assert!(fakes.iter().all(|f| entries[0].contains(f.as_str())));
        // The real report was not selected, and stays as it was.
        assert_eq!(
            app.store
                .entry_state("desk", &real.to_string())
                .await
                .ok()
                .flatten()
                .map(|e| e.status),
            Some("new".into())
        );
        // Selected again, nothing is left to close: counted, not silently skipped.
        let again = app
            .post_form_with(
                "/queues/desk/wave",
                &form(&csrf, &wave[..2], true),
                Some(&desk_responder),
            )
            .await;
        assert_eq!(location(&again), "/queues/desk?done=wave_closed&n=0&kept=2");
        assert_eq!(audited(&app, "wave_closed").await.len(), 1);

        // A minute after the closure nothing is due: not listed, and a confirmed destruction
        // keeps every one.
        app.clock.advance(60);
        let coordinator_csrf = csrf_of(&app, &desk_coordinator).await;
        let listed = app.get_with("/desk/not-genuine", &desk_coordinator).await;
        assert_eq!(listed.status().as_u16(), 200);
        let listed = listed.text().await.unwrap_or_default();
        assert!(!listed.contains(fakes[0].as_str()), "{listed}");
        assert!(listed.contains("24 hours"), "{listed}");
        let early = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&coordinator_csrf, &wave, true),
                Some(&desk_coordinator),
            )
            .await;
        assert_eq!(
            location(&early),
            "/desk/not-genuine?done=destroyed&n=0&kept=31"
        );
        assert_eq!(app.store.count_reports().await.ok(), Some(32));
        assert!(audited(&app, "not_genuine_destroyed").await.is_empty());

        // Past the period, the desk's coordinator (who closed none of them) lists what every
        // holder closed as not genuine, none ticked; the report open at the partner is not on it.
        app.clock.advance(PAST_THE_PERIOD);
        let listed = app.get_with("/desk/not-genuine", &desk_coordinator).await;
        assert_eq!(listed.status().as_u16(), 200);
        let listed = listed.text().await.unwrap_or_default();
        assert!(fakes.iter().all(|f| listed.contains(f.as_str())));
        assert!(!listed.contains(&shared.to_string()));
        assert!(!listed.contains(&real.to_string()));
        assert_eq!(listed.matches("type=\"checkbox\"").count(), 30);
        assert!(!listed.contains("checked"), "no box is ticked: {listed}");
        // Nobody else: a responder of the desk, another organisation's coordinator, the operator.
        for cookie in [&desk_responder, &partner, &operator] {
            let status = app
                .get_with("/desk/not-genuine", cookie)
                .await
                .status()
                .as_u16();
            assert_eq!(status, 403);
        }
        for (cookie, csrf) in [
            (&desk_responder, csrf.clone()),
            (&partner, partner_csrf.clone()),
            (&operator, operator_csrf.clone()),
        ] {
            let refused = app
                .post_form_with("/desk/not-genuine", &form(&csrf, &wave, true), Some(cookie))
                .await;
            assert_eq!(refused.status().as_u16(), 403);
        }
        assert_eq!(
            app.store.count_reports().await.ok(),
            Some(32),
            "nothing went"
        );

        // The confirmation shows what each report says (the coordinator holds the desk's key),
        // opened under one audit entry, and says it cannot be undone; it carries only what it
        // shows.
        let listings = audited(&app, "queue_listed").await.len();
        let asked = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&coordinator_csrf, &wave, false),
                Some(&desk_coordinator),
            )
            .await;
        assert_eq!(asked.status().as_u16(), 200);
        let page = asked.text().await.unwrap_or_default();
        assert_eq!(page.matches("Thailand").count(), 30, "{page}");
        assert!(page.contains("This cannot be undone."), "{page}");
        assert!(page.contains("Kept, because"), "{page}");
        assert_eq!(page.matches("name=\"report\"").count(), 30, "{page}");
        assert!(!page.contains(&shared.to_string()));
        let opened = audited(&app, "queue_listed").await;
        assert_eq!(opened.len(), listings + 1, "one audit entry for the page");
        assert!(
            opened.last().is_some_and(
                |e| e.starts_with("queue:desk reports:") && e.contains(fakes[0].as_str())
            )
        );
        let destroyed = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&coordinator_csrf, &wave, true),
                Some(&desk_coordinator),
            )
            .await;
        assert_eq!(destroyed.status().as_u16(), 303);
        assert_eq!(
            location(&destroyed),
            "/desk/not-genuine?done=destroyed&n=30&kept=1"
        );
        let entries = audited(&app, "not_genuine_destroyed").await;
        assert_eq!(entries.len(), 1, "one audit entry for the destruction");
        assert!(entries[0].starts_with("organisation:operator destroyed:30 kept:1 reports:"));
        assert_eq!(app.store.count_reports().await.ok(), Some(2));
        // Still open at the partner: kept, at both queues.
        assert!(app
            .store
            .entry_state("ngo-kh", &shared.to_string())
            .await
            .ok()
            .flatten()
            .is_some());
        // The fakes' codes find nothing; the real one still opens its visit.
        for code in &codes[..3] {
            assert_eq!(visit(&app, code).await, 422);
        }
        assert_eq!(visit(&app, &real_code).await, 201);
        // Their locators serve real reports again: all thirty of them.
        for _ in 0..30 {
            assert_eq!(app.post_json(&fake()).await.status().as_u16(), 201);
        }
        assert_eq!(app.post_json(&fake()).await.status().as_u16(), 503);
    }
);

on_both_engines!(
    a_selection_is_checked_and_a_report_still_open_anywhere_is_not_destroyed,
    |engine| async move {
        let app = spawn_with(engine, Options::default()).await;
        let (fake_id, _) = app.submit(&fake()).await;
        let fake_id = fake_id.to_string();
        let desk_coordinator = staff(&app, "coordinator", "operator", "coord.sel").await;
        import(&app, &desk_coordinator, "desk").await;
        let csrf = csrf_of(&app, &desk_coordinator).await;

        // Nothing, junk, too many, or a report the queue does not hold: a clear 422, nothing done.
        let stranger = uuid::Uuid::new_v4().to_string();
        let many: Vec<String> = (0..201).map(|_| uuid::Uuid::new_v4().to_string()).collect();
        for (reports, says) in [
            (Vec::new(), "Nothing was selected"),
            (vec!["1%20OR%201".to_owned()], "not a report id"),
            (many, "at most 200"),
            (vec![fake_id.clone(), stranger], "Not in this queue"),
        ] {
            let refused = app
                .post_form_with(
                    "/queues/desk/wave",
                    &form(&csrf, &reports, true),
                    Some(&desk_coordinator),
                )
                .await;
            assert_eq!(refused.status().as_u16(), 422);
            let page = refused.text().await.unwrap_or_default();
            assert!(page.contains(says), "{says}: {page}");
        }
        assert!(audited(&app, "wave_closed").await.is_empty());

        // Closed one by one as something else, it is not destroyable early.
        let closed = app
            .post_form_with(
                &format!("/queues/desk/reports/{fake_id}/status"),
                &format!("csrf={csrf}&status=closed&outcome=not_credible"),
                Some(&desk_coordinator),
            )
            .await;
        assert_eq!(closed.status().as_u16(), 303);
        let kept = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&csrf, std::slice::from_ref(&fake_id), true),
                Some(&desk_coordinator),
            )
            .await;
        assert_eq!(
            location(&kept),
            "/desk/not-genuine?done=destroyed&n=0&kept=1"
        );
        assert_eq!(app.store.count_reports().await.ok(), Some(1));
        assert!(audited(&app, "not_genuine_destroyed").await.is_empty());
    }
);

on_both_engines!(the_same_two_actions_in_json, |engine| async move {
    let app = spawn_with(engine, timed()).await;
    let mut fakes = Vec::new();
    for _ in 0..3 {
        fakes.push(app.submit(&fake()).await.0.to_string());
    }
    let coordinator = staff(&app, "coordinator", "operator", "coord.json").await;
    import(&app, &coordinator, "desk").await;
    // A member of the desk closes the wave; a coordinator of the desk organisation destroys it.
    let bearer = token(&app, "responder", "operator", "resp.json").await;
    give(&app, &coordinator, "desk", "resp.json").await;
    let desk = token(&app, "coordinator", "operator", "coord2.json").await;
    crate::workspace_api::certify_by_api(&app, &desk, "operator", "coord2.json").await;
    // Who destroys must be able to read what they destroy: a copy of the desk's key.
    give(&app, &coordinator, "desk", "coord2.json").await;
    let outsider = token(&app, "coordinator", "partner", "other.json").await;
    crate::workspace_api::certify_by_api(&app, &outsider, "partner", "other.json").await;

    let body = json!({ "reports": fakes });
    let (status, _) = api(
        &app,
        "POST",
        "/api/v1/queues/desk/wave",
        Some(&outsider),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 403);
    let (status, bad) = api(
        &app,
        "POST",
        "/api/v1/queues/desk/wave",
        Some(&bearer),
        Some(json!({"reports": ["x"]})),
    )
    .await;
    assert_eq!(status, 422, "{bad}");
    let (status, closed) = api(
        &app,
        "POST",
        "/api/v1/queues/desk/wave",
        Some(&bearer),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 200, "{closed}");
    assert_eq!(closed, json!({"closed": 3, "kept": 0}));

    let (status, _) = api(
        &app,
        "GET",
        "/api/v1/desk/not-genuine",
        Some(&outsider),
        None,
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = api(
        &app,
        "POST",
        "/api/v1/desk/not-genuine/destruction",
        Some(&outsider),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = api(&app, "GET", "/api/v1/desk/not-genuine", Some(&bearer), None).await;
    assert_eq!(status, 403, "a responder of the desk");
    let (status, listed) = api(&app, "GET", "/api/v1/desk/not-genuine", Some(&desk), None).await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed, json!([]), "closed a moment ago: not due yet");
    let (status, kept) = api(
        &app,
        "POST",
        "/api/v1/desk/not-genuine/destruction",
        Some(&desk),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 200, "{kept}");
    assert_eq!(kept, json!({"destroyed": 0, "kept": 3}));
    app.clock.advance(PAST_THE_PERIOD);
    let (status, listed) = api(&app, "GET", "/api/v1/desk/not-genuine", Some(&desk), None).await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed.as_array().map(Vec::len), Some(3));
    let (status, destroyed) = api(
        &app,
        "POST",
        "/api/v1/desk/not-genuine/destruction",
        Some(&desk),
        Some(body),
    )
    .await;
    assert_eq!(status, 200, "{destroyed}");
    assert_eq!(destroyed, json!({"destroyed": 3, "kept": 0}));
    assert_eq!(app.store.count_reports().await.ok(), Some(0));
});

on_both_engines!(
    whoever_closed_a_wave_cannot_destroy_it_alone_and_a_second_coordinator_can,
    |engine| async move {
        let app = spawn_with(engine, timed()).await;
        let mut fakes = Vec::new();
        for _ in 0..2 {
            fakes.push(app.submit(&fake()).await.0.to_string());
        }
        // A desk member who is also a coordinator closes the wave.
        let closer = staff(&app, "coordinator", "operator", "coord.closer").await;
        import(&app, &closer, "desk").await;
        let csrf = csrf_of(&app, &closer).await;
        let closed = app
            .post_form_with(
                "/queues/desk/wave",
                &form(&csrf, &fakes, true),
                Some(&closer),
            )
            .await;
        assert_eq!(
            location(&closed),
            "/queues/desk?done=wave_closed&n=2&kept=0"
        );
        app.clock.advance(PAST_THE_PERIOD);

        // However long after, not alone: nothing is listed for them, and nothing goes.
        let listed = app.get_with("/desk/not-genuine", &closer).await;
        let listed = listed.text().await.unwrap_or_default();
        assert!(!listed.contains(fakes[0].as_str()), "{listed}");
        let alone = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&csrf, &fakes, true),
                Some(&closer),
            )
            .await;
        assert_eq!(
            location(&alone),
            "/desk/not-genuine?done=destroyed&n=0&kept=2"
        );
        assert_eq!(app.store.count_reports().await.ok(), Some(2));

        // A second coordinator may, once they can read what they destroy. Without a copy of the
        // desk's key the confirmation says so, shows dates only, opens nothing and offers no
        // confirmation; a confirmation sent anyway is refused.
        let second = staff(&app, "coordinator", "operator", "coord.second").await;
        let listed = app.get_with("/desk/not-genuine", &second).await;
        let listed = listed.text().await.unwrap_or_default();
        assert!(
            fakes.iter().all(|f| listed.contains(f.as_str())),
            "{listed}"
        );
        let second_csrf = csrf_of(&app, &second).await;
        let listings = audited(&app, "queue_listed").await.len();
        let asked = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&second_csrf, &fakes, false),
                Some(&second),
            )
            .await;
        assert_eq!(asked.status().as_u16(), 200);
        let page = asked.text().await.unwrap_or_default();
        assert!(
            page.contains("You hold no copy of the desk queue"),
            "{page}"
        );
        assert!(!page.contains("Thailand"), "{page}");
        assert!(!page.contains("name=\"confirm\""), "{page}");
        assert_eq!(audited(&app, "queue_listed").await.len(), listings);
        let refused = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&second_csrf, &fakes, true),
                Some(&second),
            )
            .await;
        assert_eq!(refused.status().as_u16(), 403);
        assert_eq!(app.store.count_reports().await.ok(), Some(2));
        import(&app, &second, "desk").await;
        let destroyed = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&second_csrf, &fakes, true),
                Some(&second),
            )
            .await;
        assert_eq!(
            location(&destroyed),
            "/desk/not-genuine?done=destroyed&n=2&kept=0"
        );
        assert_eq!(app.store.count_reports().await.ok(), Some(0));
        let entries = audited(&app, "not_genuine_destroyed").await;
        assert_eq!(entries.len(), 1);
    }
);

on_both_engines!(
    a_report_whose_reporter_wrote_after_its_closure_is_marked_and_a_reopened_one_waits,
    |engine| async move {
        let app = spawn_with(engine, timed()).await;
        let (written, code) = app.submit(&fake()).await;
        let written = written.to_string();
        let silent = app.submit(&fake()).await.0.to_string();
        let reopened = app.submit(&fake()).await.0.to_string();
        let all = vec![written.clone(), silent.clone(), reopened.clone()];
        let coordinator = staff(&app, "coordinator", "operator", "coord.kept").await;
        import(&app, &coordinator, "desk").await;
        let responder = staff(&app, "responder", "operator", "resp.kept").await;
        give(&app, &coordinator, "desk", "resp.kept").await;
        let csrf = csrf_of(&app, &responder).await;
        let closed = app
            .post_form_with(
                "/queues/desk/wave",
                &form(&csrf, &all, true),
                Some(&responder),
            )
            .await;
        assert_eq!(
            location(&closed),
            "/queues/desk?done=wave_closed&n=3&kept=0"
        );

        // The reporter of one comes back and writes: a real reporter.
        let opened = app
            .client
            .post(app.url("/api/v1/followup/visits"))
            .json(&json!({ "code": code }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(opened.status().as_u16(), 201);
        let opened: serde_json::Value = opened.json().await.unwrap_or_default();
        let added = app
            .client
            .post(app.url("/api/v1/followup/additions"))
            .json(&json!({"visit": opened["visit"], "addition": {"narrative": "it is me, please"}}))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(added.status().as_u16(), 204);

        // Another is reopened during the period; until it is closed again, it is open.
        let status = |status: &str| format!("csrf={csrf}&status={status}&outcome=not_genuine");
        let path = format!("/queues/desk/reports/{reopened}/status");
        let moved = app
            .post_form_with(&path, &status("in_progress"), Some(&responder))
            .await;
        assert_eq!(moved.status().as_u16(), 303);

        app.clock.advance(PAST_THE_PERIOD);
        let listed = app.get_with("/desk/not-genuine", &coordinator).await;
        let listed = listed.text().await.unwrap_or_default();
        assert!(listed.contains(silent.as_str()), "{listed}");
        assert!(!listed.contains(reopened.as_str()), "{listed}");
        // Listed, marked: a flooder holding the codes of their fakes could write to every one.
        let row = listed
            .split("<tr>")
            .find(|row| row.contains(written.as_str()))
            .unwrap_or_else(|| panic!("the report written to is listed: {listed}"));
        assert!(
            row.contains("The reporter wrote after it was closed"),
            "{row}"
        );
        assert_eq!(
            listed
                .matches("The reporter wrote after it was closed")
                .count(),
            1,
            "{listed}"
        );
        let coordinator_csrf = csrf_of(&app, &coordinator).await;
        let destroyed = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&coordinator_csrf, &all, true),
                Some(&coordinator),
            )
            .await;
        assert_eq!(
            location(&destroyed),
            "/desk/not-genuine?done=destroyed&n=2&kept=1"
        );
        assert_eq!(
            app.strings("SELECT id FROM reports").await,
            vec![reopened.clone()]
        );

        // Closed again by the responder (its closer and last item recorded afresh), it waits out
        // a period of its own.
        let closed = app
            .post_form_with(&path, &status("closed"), Some(&responder))
            .await;
        assert_eq!(closed.status().as_u16(), 303);
        app.clock.advance(60);
        let early = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&coordinator_csrf, std::slice::from_ref(&reopened), true),
                Some(&coordinator),
            )
            .await;
        assert_eq!(
            location(&early),
            "/desk/not-genuine?done=destroyed&n=0&kept=1"
        );
        app.clock.advance(PAST_THE_PERIOD);
        let destroyed = app
            .post_form_with(
                "/desk/not-genuine",
                &form(&coordinator_csrf, std::slice::from_ref(&reopened), true),
                Some(&coordinator),
            )
            .await;
        assert_eq!(
            location(&destroyed),
            "/desk/not-genuine?done=destroyed&n=1&kept=0"
        );
        assert_eq!(app.store.count_reports().await.ok(), Some(0));
    }
);

on_both_engines!(
    a_wave_leaves_a_case_a_colleague_has_claimed,
    |engine| async move {
        let app = spawn_with(engine, timed()).await;
        let claimed = app.submit(&fake()).await.0;
        let own = app.submit(&fake()).await.0;
        let free = app.submit(&fake()).await.0;
        let coordinator = staff(&app, "coordinator", "operator", "coord.claims").await;
        import(&app, &coordinator, "desk").await;
        let colleague = staff(&app, "responder", "operator", "resp.colleague").await;
        give(&app, &coordinator, "desk", "resp.colleague").await;
        let closer = staff(&app, "responder", "operator", "resp.closer").await;
        give(&app, &coordinator, "desk", "resp.closer").await;
        crate::casefile::act(&app, &colleague, "desk", claimed, "claim", "").await;
        crate::casefile::act(&app, &closer, "desk", own, "claim", "").await;

        let csrf = csrf_of(&app, &closer).await;
        let all: Vec<String> = [claimed, own, free]
            .iter()
            .map(ToString::to_string)
            .collect();
        let closed = app
            .post_form_with("/queues/desk/wave", &form(&csrf, &all, true), Some(&closer))
            .await;
        assert_eq!(
            location(&closed),
            "/queues/desk?done=wave_closed&n=2&kept=1"
        );
        let status = |report: uuid::Uuid| {
            let app = &app;
            async move {
                app.store
                    .entry_state("desk", &report.to_string())
                    .await
                    .ok()
                    .flatten()
                    .map(|e| e.status)
            }
        };
        assert_eq!(status(claimed).await, Some("new".into()));
        assert_eq!(status(own).await, Some("closed".into()));
        assert_eq!(status(free).await, Some("closed".into()));
    }
);
