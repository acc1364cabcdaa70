//! The reporter comes back with the receipt code: reads the status and the replies (never the
//! report), writes back, and the responders read it.

use serde_json::json;

use crate::helpers::{captured_logs, hidden, on_both_engines, spawn_app, TestApp};
use crate::workspace::{csrf_of, import, staff};

async fn open(app: &TestApp, code: &str) -> (u16, String) {
    let response = app
        .client
        .post(app.url("/followup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("code={}", code.replace(' ', "+")))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

on_both_engines!(
    the_reporter_reads_replies_and_writes_back,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
        .submit(&json!({"location": {"country": "TH", "compound": "Followup Tower"}, "narrative": "the narrative never comes back"}))
        .await;
        let desk = staff(&app, "coordinator", "operator", "coord.follow").await;
        import(&app, &desk, "desk").await;
        let entry = format!("/queues/desk/reports/{report}");
        let csrf = csrf_of(&app, &desk).await;
        app.post_form_with(
            &format!("{entry}/reply"),
            &format!("csrf={csrf}&text=we+are+looking+for+you"),
            Some(&desk),
        )
        .await;
        for to in ["in_progress", "waiting_for_reporter"] {
            let moved = app
                .post_form_with(
                    &format!("{entry}/status"),
                    &format!("csrf={csrf}&status={to}&outcome="),
                    Some(&desk),
                )
                .await;
            assert_eq!(moved.status().as_u16(), 303, "{to}");
        }

        assert_eq!(app.get("/followup").await.status().as_u16(), 200);
        let (status, page) = open(&app, &code).await;
        assert_eq!(status, 200, "{page}");
        assert!(page.contains("we are looking for you"), "{page}");
        assert!(page.contains("we need something from you"), "{page}");
        assert!(!page.contains("narrative never") && !page.contains("Followup Tower"));
        let token = hidden(&page, "visit");
        assert!(token.len() >= 40);

        // A wrong secret and an unknown locator get the same answer.
        let digits: String = code.chars().filter(char::is_ascii_digit).collect();
        let last = digits.chars().last().map_or('0', |c| {
            if c == '9' {
                '0'
            } else {
                char::from(c as u8 + 1)
            }
        });
        let wrong_secret = format!("{}{last}", &digits[..19]);
        let locator: u32 = digits[..6].parse().unwrap_or(0);
        let unknown_locator = format!("{:06}{}", (locator + 1) % 1_000_000, &digits[6..]);
        let before = app.kdf.derivations();
        let (s1, p1) = open(&app, &wrong_secret).await;
        assert_eq!(
            app.kdf.derivations() - before,
            1,
            "a wrong secret: one derivation"
        );
        let before = app.kdf.derivations();
        let (s2, p2) = open(&app, &unknown_locator).await;
        assert_eq!(
            app.kdf.derivations() - before,
            1,
            "an unknown locator: one derivation"
        );
        let before = app.kdf.derivations();
        let (status, _) = open(&app, &code).await;
        assert_eq!(status, 200);
        assert_eq!(app.kdf.derivations() - before, 1, "a hit: one derivation");
        assert_eq!((s1, s2), (422, 422));
        assert_eq!(p1, p2);
        assert!(p1.contains("opens nothing"));

        let sent = app
            .client
            .post(app.url("/followup/message"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(format!("visit={token}&narrative=now+in+building+seven"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sent.status().as_u16(), 200);
        let sent = sent.text().await.unwrap_or_default();
        assert!(sent.contains("Sent."));
        assert!(
            !sent.contains("building seven"),
            "the reporter cannot read it back"
        );

        let read = app
            .get_with(&entry, &desk)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(read.contains("now in building seven"), "{read}");
        let state = app
            .store
            .entry_state("desk", &report.to_string())
            .await
            .ok()
            .flatten()
            .map(|s| s.status);
        assert_eq!(
            state.as_deref(),
            Some("in_progress"),
            "the answer brings it back"
        );

        let stale = app
            .client
            .post(app.url("/followup/message"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("visit=forged&narrative=hello")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stale.status().as_u16(), 422);

        let logs = captured_logs();
        assert!(!logs.contains(&token), "the visit token is not logged");
        assert!(!logs.contains(&digits), "the code is not logged");
    }
);

on_both_engines!(
    guessing_codes_hits_a_ceiling_shared_by_every_source,
    |engine| async move {
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                tweak: |s| s.followup.global_attempts_per_minute = 3,
                ..Default::default()
            },
        )
        .await;
        // Three sources guess once each; the fourth finds the shared ceiling spent, though it
        // is new. (One source alone would get only the ceiling's open half: the rest is kept
        // for sources that have tried little, docs/security.md.)
        let from = |last: u8| {
            crate::helpers::http()
                .local_address(std::net::IpAddr::from([127, 0, 0, last]))
                .build()
                .unwrap_or_else(|e| panic!("{e}"))
        };
        for last in 101..104 {
            let status = from(last)
                .post(app.url("/followup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("code=12345678901234567890")
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .status();
            assert_eq!(status.as_u16(), 422);
        }
        let before = app.kdf.derivations();
        let refused = from(104)
            .post(app.url("/followup"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("code=12345678901234567890")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(refused.status().as_u16(), 429);
        assert!(refused.headers().contains_key("retry-after"));
        assert_eq!(
            app.kdf.derivations(),
            before,
            "a refused attempt costs nothing"
        );
    }
);

on_both_engines!(
    the_receipt_page_checks_the_code_typed_back,
    |engine| async move {
        let app = spawn_app(engine).await;
        let page = app
            .post_form("reporter.relation=self&location.country=TH&narrative=held+in+a+compound")
            .await
            .text()
            .await
            .unwrap_or_default();
        let code = crate::helpers::code_in_page(&page);
        let sealed = hidden(&page, "receipt");
        assert!(!sealed.contains(&code.replace(' ', "")));
        assert!(page.contains("cannot be recovered"), "{page}");

        let check = |typed: String| {
            let app = &app;
            let sealed = sealed.clone();
            async move {
                let response = app
                    .client
                    .post(app.url("/receipt/check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(format!(
                        "receipt={sealed}&lang=en&code={}",
                        typed.replace(' ', "+")
                    ))
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                (
                    response.status().as_u16(),
                    response.text().await.unwrap_or_default(),
                )
            }
        };
        let mut wrong: Vec<char> = code.chars().collect();
        wrong[0] = if wrong[0] == '1' { '2' } else { '1' };
        let (status, again) = check(wrong.into_iter().collect()).await;
        assert_eq!(status, 422);
        assert!(again.contains("not the code above"), "{again}");
        assert_eq!(
            crate::helpers::code_in_page(&again),
            code,
            "the code is shown again"
        );

        let (status, ok) = check(code.replace(' ', "-")).await;
        assert_eq!(status, 200);
        assert!(ok.contains("wrote your code down right"), "{ok}");
        assert!(!ok.contains(&code), "a checked code is not shown again");

        let forged = app
            .client
            .post(app.url("/receipt/check"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(format!(
                "receipt=AAAA{sealed}&code={}",
                code.replace(' ', "")
            ))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(forged.status().as_u16(), 422);
        assert!(!captured_logs().contains(&code), "the code is not logged");
    }
);

on_both_engines!(
    the_language_switch_within_a_visit_posts_the_token_and_never_links_it,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (_, code) = app
            .submit(&json!({"location": {"country": "KH"}, "narrative": "switching"}))
            .await;
        let (status, page) = open(&app, &code).await;
        assert_eq!(status, 200);
        let token = hidden(&page, "visit");
        assert!(page.contains("action=\"/followup/view\""), "{page}");
        assert!(
            !page.contains(&format!("?visit={token}")) && !page.contains("href=\"/followup/view"),
            "the token is never in a link"
        );
        let switched = app
            .client
            .post(app.url("/followup/view"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(format!("visit={token}&lang=km"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(switched.status().as_u16(), 200);
        let switched = switched.text().await.unwrap_or_default();
        assert!(switched.contains("<html lang=\"km\">"), "{switched}");
        assert!(switched.contains("របាយការណ៍របស់អ្នក"), "the thread in Khmer");
        assert_eq!(hidden(&switched, "visit"), token, "the visit goes on");
    }
);
