//! Filing on a caller's behalf (issue 18, item 4): a coordinator of an NGO lets a member file;
//! the member files the reporter's own form in the caller's language, every consent unticked;
//! the code is shown once and kept nowhere; the desk reads the report marked as filed by hotline
//! staff; the audit names the staff member and nothing else.

use serde_json::json;

use crate::helpers::{captured_logs, code_in_page, hidden, on_both_engines, spawn_app, TestApp};
use crate::workspace::{account_id, csrf_of, import, staff};

async fn set_hotline(app: &TestApp, coordinator: &str, member: &str, allow: &str) -> u16 {
    let id = account_id(app, member).await;
    let csrf = csrf_of(app, coordinator).await;
    app.post_form_with(
        &format!("/members/{id}/hotline"),
        &format!("csrf={csrf}&allow={allow}"),
        Some(coordinator),
    )
    .await
    .status()
    .as_u16()
}

/// The form's body as the filing page sends it: its session token and its filing's own.
async fn form(app: &TestApp, cookie: &str, answers: &str) -> String {
    let csrf = csrf_of(app, cookie).await;
    let page = app
        .get_with("/hotline", cookie)
        .await
        .text()
        .await
        .unwrap_or_default();
    let filing = hidden(&page, "filing");
    format!("csrf={csrf}&filing={filing}&{answers}")
}

async fn file(app: &TestApp, cookie: &str, answers: &str) -> reqwest::Response {
    let body = form(app, cookie, answers).await;
    app.post_form_with("/hotline", &body, Some(cookie)).await
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

on_both_engines!(
    a_hotline_member_files_for_a_caller_and_the_desk_reads_it_marked,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.hotline").await;
        let member = staff(&app, "responder", "partner", "hotline.member").await;
        let member_id = account_id(&app, "hotline.member").await;

        // Not until a coordinator says so.
        let refused = app.get_with("/hotline", &member).await;
        assert_eq!(refused.status().as_u16(), 403);
        assert_eq!(
            set_hotline(&app, &coordinator, "hotline.member", "yes").await,
            200
        );
        let workspace = app.get_with("/workspace", &member).await;
        let html = workspace.text().await.unwrap_or_default();
        assert!(html.contains("href=\"/hotline\""), "{html}");

        // The reporter's form, in the caller's language, with the staff page around it.
        let form = app.get_with("/hotline?caller=km", &member).await;
        assert_eq!(form.status().as_u16(), 200);
        let html = form.text().await.unwrap_or_default();
        assert!(html.contains("<div lang=\"km\">"), "{html}");
        assert!(html.contains("name=\"consent.consulate\""), "{html}");
        assert!(html.contains("name=\"narrative\""), "{html}");
        assert!(!html.contains(" checked"), "every consent unticked: {html}");
        assert!(html.contains("File a report for a caller"), "{html}");
        // It records the caller's language, as the reporter's own form records the page's.
        assert!(
            html.contains("<input type=\"hidden\" name=\"language\" value=\"km\">"),
            "{html}"
        );

        // A caller from India held in Cambodia, who has said yes to nothing yet.
        let filed = file(
            &app,
            &member,
            "lang=km&language=km&reporter.relation=family&location.country=KH\
             &person.nationality=IN&narrative=caller+said+hotlinecheck+words",
        )
        .await;
        assert_eq!(filed.status().as_u16(), 200);
        assert_eq!(
            filed
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-store")
        );
        let html = filed.text().await.unwrap_or_default();
        let code = code_in_page(&html);
        assert_eq!(
            code.chars().filter(char::is_ascii_digit).count(),
            20,
            "{html}"
        );
        assert_eq!(html.matches(code.as_str()).count(), 1, "shown once: {html}");
        assert!(
            html.contains("Read this receipt code to the caller"),
            "{html}"
        );
        assert!(html.contains("<div lang=\"km\">"), "{html}");

        // Routed like any other: no consent, so the desk alone.
        let reports = app.strings("SELECT id FROM reports").await;
        assert_eq!(reports.len(), 1);
        let report = uuid::Uuid::parse_str(&reports[0]).unwrap_or_else(|e| panic!("{e}"));
        let queues = app
            .store
            .report_queues(report)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(queues, vec!["desk".to_owned()]);

        // The desk's responder reads the caller's words as given, marked as filed by hotline.
        let items = app.open_as(report, "desk").await;
        let (_, sealed) = items
            .iter()
            .find(|(kind, _)| kind == "report")
            .unwrap_or_else(|| panic!("no report item"));
        assert_eq!(sealed["narrative"], json!("caller said hotlinecheck words"));
        assert_eq!(sealed["language"], json!("km"), "{sealed}");
        assert!(!sealed.to_string().contains("hotline.member"));
        assert!(!sealed.to_string().contains(&member_id));
        let (_, triage) = items
            .iter()
            .find(|(kind, _)| kind == "triage")
            .unwrap_or_else(|| panic!("no triage item"));
        assert_eq!(triage["channel"], json!("phoned"));
        let opened = homeward::casework::opening::open_for_queue(
            &app.store,
            report,
            "desk",
            app.key("desk"),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(homeward::casework::workspace::filed_by_hotline(&opened));
        let (plain, _) = app
            .submit(&json!({"location": {"country": "TH"}, "narrative": "by the reporter"}))
            .await;
        let opened =
            homeward::casework::opening::open_for_queue(&app.store, plain, "desk", app.key("desk"))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        assert!(!homeward::casework::workspace::filed_by_hotline(&opened));
        let triage = app
            .open_as(plain, "desk")
            .await
            .into_iter()
            .find(|(kind, _)| kind == "triage")
            .map(|(_, value)| value["channel"].clone());
        assert_eq!(triage, Some(json!("online")));
        let desk = staff(&app, "coordinator", "operator", "coord.deskhot").await;
        import(&app, &desk, "desk").await;
        let page = app
            .get_with(&format!("/queues/desk/reports/{report}"), &desk)
            .await;
        let html = page.text().await.unwrap_or_default();
        assert!(
            html.contains("Filed for a caller by hotline staff"),
            "{html}"
        );
        assert!(html.contains("hotlinecheck"), "{html}");
        // The queue list says it too, from the report's sealed summary.
        let list = app.get_with("/queues/desk", &desk).await;
        let list = list.text().await.unwrap_or_default();
        assert_eq!(
            list.matches("Filed for a caller by hotline staff").count(),
            1,
            "one of the two reports: {list}"
        );
        // Nothing stored in plaintext tells it from a report the reporter sent: the same kinds
        // of item, the same columns.
        let kinds = |id: uuid::Uuid| {
            format!(
                "SELECT kind || ' ' || audience FROM items WHERE report_id = '{id}' ORDER BY kind"
            )
        };
        assert_eq!(
            app.strings(&kinds(report)).await,
            app.strings(&kinds(plain)).await
        );

        // One audit entry for the filing, by the staff member, naming no report and no caller.
        let filings = app
            .strings(
                "SELECT actor || ' ' || subject FROM audit_log WHERE action = 'hotline_filing'",
            )
            .await;
        assert_eq!(filings, vec![format!("{member_id} channel:hotline")]);
        // Dated to the hour, like every time a report leaves in plaintext.
        let at = app
            .strings("SELECT CAST(at AS TEXT) FROM audit_log WHERE action = 'hotline_filing'")
            .await;
        let at: i64 = at.first().and_then(|a| a.parse().ok()).unwrap_or(1);
        assert_eq!(at % 3600, 0, "{at}");
        let by_member = app
            .strings(&format!(
                "SELECT subject FROM audit_log WHERE actor = '{member_id}'"
            ))
            .await;
        assert!(
            by_member.iter().all(|s| !s.contains(&report.to_string())),
            "{by_member:?}"
        );
        let granted = app
            .strings("SELECT subject FROM audit_log WHERE action = 'hotline_granted'")
            .await;
        assert_eq!(granted, vec![format!("account:{member_id}")]);

        // The code opens the caller's follow-up page like any receipt code.
        let followup = app
            .client
            .post(app.url("/followup"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(format!("code={}", code.replace(' ', "+")))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(followup.status().as_u16(), 200);
        let html = followup.text().await.unwrap_or_default();
        assert!(html.contains("name=\"visit\""), "{html}");

        // The code is kept nowhere: not in the database, not in the logs.
        let digits: String = code.chars().filter(char::is_ascii_digit).collect();
        let bytes = app.database_bytes().await;
        for needle in [code.as_str(), digits.as_str(), &digits[6..]] {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "database holds {needle}"
            );
        }
        let logs = captured_logs();
        for needle in [code.as_str(), digits.as_str(), &digits[6..], "hotlinecheck"] {
            assert!(!logs.contains(needle), "logs hold {needle}");
        }
    }
);

on_both_engines!(
    a_filing_with_a_problem_comes_back_with_every_answer_kept,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.hotkeep").await;
        // A small NGO's coordinator may answer its phone too.
        assert_eq!(
            set_hotline(&app, &coordinator, "coord.hotkeep", "yes").await,
            200
        );
        let back = file(
            &app,
            &coordinator,
            "lang=en&location.country=KH&person.age=abc&narrative=kept+words&consent.police=on",
        )
        .await;
        assert_eq!(back.status().as_u16(), 422);
        let html = back.text().await.unwrap_or_default();
        assert!(html.contains("kept words"), "{html}");
        assert!(html.contains("name=\"consent.police\" checked"), "{html}");
        assert!(html.contains("f bad"), "{html}");
        assert!(app.strings("SELECT id FROM reports").await.is_empty());
        assert!(app
            .strings("SELECT subject FROM audit_log WHERE action = 'hotline_filing'")
            .await
            .is_empty());
        // Without the session's token nothing is filed.
        let forged = app
            .post_form_with(
                "/hotline",
                "csrf=forged&location.country=KH&narrative=forged",
                Some(&coordinator),
            )
            .await;
        assert_eq!(forged.status().as_u16(), 403);
        assert!(app.strings("SELECT id FROM reports").await.is_empty());
    }
);

on_both_engines!(
    only_an_ngo_coordinator_lets_their_own_members_file,
    |engine| async move {
        let app = spawn_app(engine).await;
        let partner = staff(&app, "coordinator", "partner", "coord.hotpart").await;
        let responder = staff(&app, "responder", "partner", "hot.resp").await;
        let other = staff(&app, "responder", "partner", "hot.other").await;
        let consul = staff(&app, "coordinator", "consulate-in", "coord.hotcons").await;
        let officer = staff(&app, "responder", "consulate-in", "hot.officer").await;

        // A consulate's coordinator cannot make hotline staff, not even of themselves.
        assert_eq!(set_hotline(&app, &consul, "hot.officer", "yes").await, 403);
        assert_eq!(
            set_hotline(&app, &consul, "coord.hotcons", "yes").await,
            403
        );
        // Nor can a responder, nor a coordinator for another organisation's member.
        assert_eq!(set_hotline(&app, &responder, "hot.other", "yes").await, 403);
        assert_eq!(set_hotline(&app, &partner, "hot.officer", "yes").await, 404);
        assert!(app
            .strings("SELECT id FROM accounts WHERE hotline_granted_at IS NOT NULL")
            .await
            .is_empty());

        // A consulate's account given the flag behind the server's back still cannot file.
        app.tamper(
            "UPDATE accounts SET hotline_granted_at = 1 WHERE username = 'hot.officer'",
            None,
            None,
        )
        .await;
        assert_eq!(
            app.get_with("/hotline", &officer).await.status().as_u16(),
            403
        );

        // Granted, then revoked: refused again, and both audited.
        assert_eq!(set_hotline(&app, &partner, "hot.other", "yes").await, 200);
        assert_eq!(
            app.get_with("/hotline", &other).await.status().as_u16(),
            200
        );
        assert_eq!(set_hotline(&app, &partner, "hot.other", "no").await, 200);
        assert_eq!(
            app.get_with("/hotline", &other).await.status().as_u16(),
            403
        );
        let refused = file(
            &app,
            &other,
            "lang=en&location.country=KH&narrative=refused",
        )
        .await;
        assert_eq!(refused.status().as_u16(), 403);
        assert!(app.strings("SELECT id FROM reports").await.is_empty());
        let changes = app
            .strings("SELECT action FROM audit_log WHERE action LIKE 'hotline_%' ORDER BY seq")
            .await;
        assert_eq!(changes, vec!["hotline_granted", "hotline_revoked"]);
    }
);

on_both_engines!(
    the_api_files_for_a_caller_as_the_page_does,
    |engine| async move {
        use crate::workspace_api::{api, certify_by_api, token};
        let app = spawn_app(engine).await;
        let coordinator = token(&app, "coordinator", "partner", "coord.hotapi").await;
        certify_by_api(&app, &coordinator, "partner", "coord.hotapi").await;
        let member = token(&app, "responder", "partner", "hot.apimember").await;
        let member_id = account_id(&app, "hot.apimember").await;
        let report = json!({"location": {"country": "KH"}, "person": {"nationality": "IN"}, "narrative": "apicheck words"});

        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/hotline/reports",
            Some(&member),
            Some(report.clone()),
        )
        .await;
        assert_eq!(status, 403);
        let grant = format!("/api/v1/members/{member_id}/hotline");
        let (status, body) = api(
            &app,
            "POST",
            &grant,
            Some(&coordinator),
            Some(json!({"allow": true})),
        )
        .await;
        assert_eq!(status, 204, "{body}");
        let (status, body) = api(
            &app,
            "POST",
            "/api/v1/hotline/reports",
            Some(&member),
            Some(report),
        )
        .await;
        assert_eq!(status, 201, "{body}");
        let code = body["receipt_code"].as_str().unwrap_or_default().to_owned();
        assert_eq!(
            code.chars().filter(char::is_ascii_digit).count(),
            20,
            "{body}"
        );
        assert!(body.get("report_id").is_none(), "{body}");

        let reports = app.strings("SELECT id FROM reports").await;
        let report = uuid::Uuid::parse_str(&reports[0]).unwrap_or_else(|e| panic!("{e}"));
        let queues = app
            .store
            .report_queues(report)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(queues, vec!["desk".to_owned()]);
        let opened = homeward::casework::opening::open_for_queue(
            &app.store,
            report,
            "desk",
            app.key("desk"),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(homeward::casework::workspace::filed_by_hotline(&opened));

        let (status, _) = api(
            &app,
            "POST",
            &grant,
            Some(&coordinator),
            Some(json!({"allow": false})),
        )
        .await;
        assert_eq!(status, 204);
        let again = json!({"location": {"country": "KH"}, "narrative": "refused"});
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/hotline/reports",
            Some(&member),
            Some(again),
        )
        .await;
        assert_eq!(status, 403);
        let (_, document) = api(&app, "GET", "/api/v1/openapi.json", None, None).await;
        assert!(document["paths"]["/api/v1/hotline/reports"]["post"].is_object());
    }
);

on_both_engines!(
    a_reloaded_answer_page_files_nothing_twice,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "operator", "coord.reload").await;
        assert_eq!(
            set_hotline(&app, &coordinator, "coord.reload", "yes").await,
            200
        );
        let body = form(
            &app,
            &coordinator,
            "lang=en&location.country=KH&narrative=caller+held+at+the+port",
        )
        .await;
        let first = app
            .post_form_with("/hotline", &body, Some(&coordinator))
            .await;
        assert_eq!(first.status().as_u16(), 200);
        let code = code_in_page(&first.text().await.unwrap_or_default());

        // The browser sends the same form again, as a reload of the answer page does.
        let again = app
            .post_form_with("/hotline", &body, Some(&coordinator))
            .await;
        assert_eq!(again.status().as_u16(), 409);
        let html = again.text().await.unwrap_or_default();
        assert!(html.contains("was filed already"), "{html}");
        assert!(!html.contains(code.as_str()), "the code is not shown again");
        // The answers stay under a new token, for the double click whose code was never seen.
        assert!(html.contains("caller held at the port"), "{html}");
        let sent = body
            .split('&')
            .find_map(|pair| pair.strip_prefix("filing="))
            .unwrap_or_default();
        assert_ne!(hidden(&html, "filing"), sent);
        assert_eq!(app.strings("SELECT id FROM reports").await.len(), 1);

        // A form without its token (sent from elsewhere) files nothing, and keeps the answers.
        let csrf = csrf_of(&app, &coordinator).await;
        let stray = app
            .post_form_with(
                "/hotline",
                &format!("csrf={csrf}&lang=en&location.country=KH&narrative=typed+words+kept"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(stray.status().as_u16(), 422);
        let html = stray.text().await.unwrap_or_default();
        assert!(html.contains("typed words kept"), "{html}");
        assert_eq!(app.strings("SELECT id FROM reports").await.len(), 1);
    }
);
