//! A password change re-wraps the account's keys; the recovery key and a coordinator's reset
//! link get someone back in; neither leaves a way in for anyone else.

use serde_json::json;

use crate::accounts::{code_for, enrol};
use crate::helpers::{client_from, codes_in_page, hidden, on_both_engines, spawn_app, TestApp};
use crate::workspace::{import, staff};

const PASSWORD: &str = "violet+river+under+nine+lanterns";
const NEW_PASSWORD: &str = "copper+kettle+beyond+seven+hills";

async fn login_with(app: &TestApp, username: &str, password: &str, code: &str) -> Option<String> {
    let response = app
        .post_form_with(
            "/login",
            &format!("username={username}&password={password}&code={code}"),
            None,
        )
        .await;
    if response.status().as_u16() != 303 {
        return None;
    }
    response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|h| h.split(';').next())
        .and_then(|kv| kv.split_once('='))
        .map(|(_, v)| v.to_owned())
}

async fn kh_report(app: &TestApp) -> String {
    let (report, _) = app
        .submit(&json!({"location": {"country": "KH"}, "narrative": "credentials", "consent": {"partner_ngos": true}}))
        .await;
    format!("/queues/ngo-kh/reports/{report}")
}

async fn csrf(app: &TestApp, cookie: &str) -> String {
    hidden(
        &app.get_with("/password", cookie)
            .await
            .text()
            .await
            .unwrap_or_default(),
        "csrf",
    )
}

on_both_engines!(
    a_password_change_rewraps_the_keys_and_ends_other_sessions,
    |engine| async move {
        let app = spawn_app(engine).await;
        let token = app.invite("coordinator", Some("partner")).await;
        let (secret, _) = enrol(&app, &token, "coord.pw").await;
        let cookie = login_with(&app, "coord.pw", PASSWORD, &code_for(&secret, -1))
            .await
            .unwrap_or_else(|| panic!("login"));
        let other = login_with(&app, "coord.pw", PASSWORD, &code_for(&secret, 0))
            .await
            .unwrap_or_else(|| panic!("second login"));
        crate::workspace::certify_offline(&app, &cookie, "partner", "coord.pw").await;
        import(&app, &cookie, "ngo-kh").await;
        let report = kh_report(&app).await;
        let token = csrf(&app, &cookie).await;

        let wrong = app
            .post_form_with(
                "/password",
                &format!("csrf={token}&current=not+my+password+at+all&password={NEW_PASSWORD}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(wrong.status().as_u16(), 422);
        assert!(wrong
            .text()
            .await
            .unwrap_or_default()
            .contains("not your current password"));
        let weak = app
            .post_form_with(
                "/password",
                &format!("csrf={token}&current={PASSWORD}&password=password1234"),
                Some(&cookie),
            )
            .await;
        assert_eq!(weak.status().as_u16(), 422);
        let forged = app
            .post_form_with(
                "/password",
                &format!("csrf=forged&current={PASSWORD}&password={NEW_PASSWORD}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(forged.status().as_u16(), 403);

        let changed = app
            .post_form_with(
                "/password",
                &format!("csrf={token}&current={PASSWORD}&password={NEW_PASSWORD}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(changed.status().as_u16(), 200);
        assert!(changed
            .text()
            .await
            .unwrap_or_default()
            .contains("Your password is changed"));
        // This session goes on; the other one ended.
        assert_eq!(app.get_with(&report, &cookie).await.status().as_u16(), 200);
        assert_eq!(
            app.get_with("/workspace", &other).await.status().as_u16(),
            303
        );
        // The new password opens the same account key: the queue's reports still open.
        assert!(
            login_with(&app, "coord.pw", PASSWORD, &code_for(&secret, 1))
                .await
                .is_none()
        );
        let again = login_with(&app, "coord.pw", NEW_PASSWORD, &code_for(&secret, 1))
            .await
            .unwrap_or_else(|| panic!("login with the new password"));
        assert_eq!(app.get_with(&report, &again).await.status().as_u16(), 200);
    }
);

on_both_engines!(
    the_recovery_key_gets_its_holder_back_in_with_the_same_keys,
    |engine| async move {
        let app = spawn_app(engine).await;
        let token = app.invite("coordinator", Some("partner")).await;
        let (secret, recovery) = enrol(&app, &token, "coord.rec").await;
        let cookie = login_with(&app, "coord.rec", PASSWORD, &code_for(&secret, 0))
            .await
            .unwrap_or_else(|| panic!("login"));
        crate::workspace::certify_offline(&app, &cookie, "partner", "coord.rec").await;
        import(&app, &cookie, "ngo-kh").await;
        let report = kh_report(&app).await;

        let wrong = app
            .post_form_with(
                "/recover",
                &format!("username=coord.rec&recovery_key=AAAA-BBBB&password={NEW_PASSWORD}"),
                None,
            )
            .await;
        assert_eq!(wrong.status().as_u16(), 422);
        let page = wrong.text().await.unwrap_or_default();
        assert!(page.contains("do not go together"), "{page}");
        assert!(page.contains("value=\"coord.rec\""), "the username is kept");

        let reset = app
            .post_form_with(
                "/recover",
                &format!(
                    "username=coord.rec&recovery_key={}&password={NEW_PASSWORD}",
                    recovery.replace(' ', "+")
                ),
                None,
            )
            .await;
        assert_eq!(reset.status().as_u16(), 200);
        let codes = codes_in_page(&reset.text().await.unwrap_or_default());
        assert_eq!(codes.len(), 2);
        let (new_secret, new_recovery) = (codes[0].clone(), codes[1].clone());
        assert_ne!(new_secret, secret);
        assert_ne!(new_recovery, recovery);
        // Every old session ended; the old TOTP secret and the old recovery key are spent.
        assert_eq!(
            app.get_with("/workspace", &cookie).await.status().as_u16(),
            303
        );
        assert!(
            login_with(&app, "coord.rec", NEW_PASSWORD, &code_for(&secret, 1))
                .await
                .is_none()
        );
        let again = login_with(&app, "coord.rec", NEW_PASSWORD, &code_for(&new_secret, 1))
            .await
            .unwrap_or_else(|| panic!("login after reset"));
        assert_eq!(app.get_with(&report, &again).await.status().as_u16(), 200);
        let reused = app
            .post_form_with(
                "/recover",
                &format!(
                    "username=coord.rec&recovery_key={}&password={PASSWORD}",
                    recovery.replace(' ', "+")
                ),
                None,
            )
            .await;
        assert_eq!(reused.status().as_u16(), 422);
    }
);

on_both_engines!(
    guessing_recovery_keys_waits_at_the_guessers_source_for_real_and_unknown_names,
    |engine| async move {
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                clock: Some(homeward::store::Clock::set_to(homeward::store::now())),
                ..crate::helpers::Options::default()
            },
        )
        .await;
        let token = app.invite("coordinator", Some("partner")).await;
        let (_, recovery) = enrol(&app, &token, "coord.lost").await;
        let guesser = client_from([127, 0, 0, 31]);
        let recover = |client: reqwest::Client, username: &'static str, key: String| {
            let app = &app;
            async move {
                let body =
                    format!("username={username}&recovery_key={key}&password={NEW_PASSWORD}");
                let response = app.post_form_from(&client, "/recover", &body, None).await;
                response.status().as_u16()
            }
        };
        for name in ["coord.lost", "nobody.lost"] {
            for _ in 0..5 {
                let status = recover(guesser.clone(), name, "AAAA-BBBB".into()).await;
                assert_eq!(status, 422, "{name}");
            }
            let status = recover(guesser.clone(), name, "AAAA-BBBB".into()).await;
            assert_eq!(status, 429, "{name} is held back like any other name");
        }
        // The holder of the key, from their own address, is not held back by the guesser.
        let key = recovery.replace(' ', "+");
        let holder = recover(client_from([127, 0, 0, 32]), "coord.lost", key).await;
        assert_eq!(holder, 200);
    }
);

on_both_engines!(
    a_coordinators_reset_link_gives_a_new_key_and_access_only_when_granted_again,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.regrant").await;
        let responder = staff(&app, "responder", "partner", "resp.regrant").await;
        let outsider = staff(&app, "coordinator", "consulate-in", "coord.outside").await;
        import(&app, &coordinator, "ngo-kh").await;
        crate::workspace::give(&app, &coordinator, "ngo-kh", "resp.regrant").await;
        let report = kh_report(&app).await;
        assert_eq!(
            app.get_with(&report, &responder).await.status().as_u16(),
            200
        );
        let members = app.store.members("partner").await.unwrap_or_default();
        let responder_id = members
            .iter()
            .find(|m| m.username == "resp.regrant")
            .map(|m| m.account_id.clone())
            .unwrap_or_default();
        let old_public = members
            .iter()
            .find(|m| m.username == "resp.regrant")
            .map(|m| m.public_key.clone())
            .unwrap_or_default();

        // Only a coordinator of the same organisation can make one.
        let foreign_csrf = crate::workspace::csrf_of(&app, &outsider).await;
        let foreign = app
            .post_form_with(
                &format!("/members/{responder_id}/reset"),
                &format!("csrf={foreign_csrf}"),
                Some(&outsider),
            )
            .await;
        assert_eq!(foreign.status().as_u16(), 403);

        let csrf = crate::workspace::csrf_of(&app, &coordinator).await;
        let made = app
            .post_form_with(
                &format!("/members/{responder_id}/reset"),
                &format!("csrf={csrf}"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(made.status().as_u16(), 200);
        let page = made.text().await.unwrap_or_default();
        let link = codes_in_page(&page)
            .into_iter()
            .find(|c| c.contains("/reset/"))
            .unwrap_or_else(|| panic!("no link in {page}"));
        let path = link
            .split_once("/reset/")
            .map(|(_, t)| format!("/reset/{t}"))
            .unwrap_or_default();
        // A reset link is not an invite.
        let token = path.trim_start_matches("/reset/");
        assert_eq!(
            app.get(&format!("/invite/{token}")).await.status().as_u16(),
            404
        );

        assert_eq!(app.get(&path).await.status().as_u16(), 200);
        let done = app
            .post_form_with(&path, &format!("password={NEW_PASSWORD}"), None)
            .await;
        assert_eq!(done.status().as_u16(), 200);
        let codes = codes_in_page(&done.text().await.unwrap_or_default());
        assert_eq!(codes.len(), 2);
        assert_eq!(app.get(&path).await.status().as_u16(), 404, "single use");

        let new_public = app
            .store
            .members("partner")
            .await
            .unwrap_or_default()
            .into_iter()
            .find(|m| m.username == "resp.regrant")
            .map(|m| m.public_key)
            .unwrap_or_default();
        assert_ne!(new_public, old_public);
        assert_eq!(
            app.get_with("/workspace", &responder)
                .await
                .status()
                .as_u16(),
            303
        );
        let back = login_with(&app, "resp.regrant", NEW_PASSWORD, &code_for(&codes[0], 0))
            .await
            .unwrap_or_else(|| panic!("login after re-grant"));
        assert_eq!(app.get_with(&report, &back).await.status().as_u16(), 403);

        // The new key pair is a new identity: the old certificate went with the old key.
        let uncertified = app
            .post_form_with(
                "/queues/ngo-kh/members",
                &format!("csrf={csrf}&account={responder_id}"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(uncertified.status().as_u16(), 403);
        crate::workspace::give(&app, &coordinator, "ngo-kh", "resp.regrant").await;
        assert_eq!(app.get_with(&report, &back).await.status().as_u16(), 200);
    }
);

on_both_engines!(
    a_stolen_session_guessing_the_current_password_is_held_back,
    |engine| async move {
        // The backoff is timed by the server's clock, which stands still here.
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                clock: Some(homeward::store::Clock::set_to(homeward::store::now())),
                ..crate::helpers::Options::default()
            },
        )
        .await;
        let token = app.invite("coordinator", Some("partner")).await;
        let (secret, _) = enrol(&app, &token, "coord.guess").await;
        let cookie = login_with(&app, "coord.guess", PASSWORD, &code_for(&secret, 0))
            .await
            .unwrap_or_else(|| panic!("login"));
        let token = csrf(&app, &cookie).await;
        let before = app.kdf.derivations();
        let mut statuses = Vec::new();
        for i in 0..8 {
            let answer = app
                .post_form_with(
                    "/password",
                    &format!("csrf={token}&current=guess+number+{i}&password={NEW_PASSWORD}"),
                    Some(&cookie),
                )
                .await;
            statuses.push(answer.status().as_u16());
        }
        // Five wrong guesses are answered as wrong; then the account waits, as after logins,
        // and from another address too: only the session's holder can try, so the count is the
        // account's.
        let elsewhere = client_from([127, 0, 0, 33]);
        let body = format!("csrf={token}&current=guess+number+9&password={NEW_PASSWORD}");
        let moved = app
            .post_form_from(&elsewhere, "/password", &body, Some(&cookie))
            .await;
        statuses.push(moved.status().as_u16());
        assert_eq!(&statuses[..5], [422; 5], "{statuses:?}");
        assert!(statuses[5..].iter().all(|s| *s == 429), "{statuses:?}");
        assert_eq!(
            app.kdf.derivations() - before,
            5,
            "held back before deriving again"
        );
    }
);
