//! Invites, enrolment, login with password and TOTP, sessions, CSRF and logout.

use totp_rs::{Algorithm, Secret};

use crate::helpers::{client_from, codes_in_page, hidden, on_both_engines, spawn_app, TestApp};

pub const PASSWORD: &str = "violet river under nine lanterns";

pub fn code_for(secret_base32: &str, offset_steps: i64) -> String {
    let secret = Secret::try_from_base32(secret_base32).unwrap_or_else(|e| panic!("{e:?}"));
    let totp = totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_secret(secret)
        .build()
        .unwrap_or_else(|e| panic!("{e:?}"));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let at = (i64::try_from(now).unwrap_or_default() + offset_steps * 30).max(0);
    totp.generate(u64::try_from(at).unwrap_or_default())
        .to_string()
}

/// Enrols through the invite page; returns (TOTP secret, recovery key).
pub async fn enrol(app: &TestApp, token: &str, username: &str) -> (String, String) {
    let page = app.get(&format!("/invite/{token}")).await;
    assert_eq!(page.status().as_u16(), 200);
    let response = app
        .post_form_with(
            &format!("/invite/{token}"),
            &format!(
                "username={username}&password={}",
                PASSWORD.replace(' ', "+")
            ),
            None,
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let html = response.text().await.unwrap_or_default();
    let codes = codes_in_page(&html);
    assert_eq!(codes.len(), 2, "{html}");
    // The TOTP secret also comes as a QR code, inline, so the page makes no further request.
    assert!(html.contains("<svg") && !html.contains("<?xml"), "{html}");
    (codes[0].clone(), codes[1].clone())
}

/// Logs in; returns the session cookie's value and the whole Set-Cookie header.
pub async fn login(app: &TestApp, username: &str, code: &str) -> Result<(String, String), u16> {
    let response = app
        .post_form_with(
            "/login",
            &format!(
                "username={username}&password={}&code={code}",
                PASSWORD.replace(' ', "+")
            ),
            None,
        )
        .await;
    if response.status().as_u16() != 303 {
        return Err(response.status().as_u16());
    }
    let header = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let value = header
        .split(';')
        .next()
        .and_then(|kv| kv.strip_prefix("hw_session="))
        .unwrap_or_default()
        .to_owned();
    Ok((value, header))
}

on_both_engines!(
    an_invited_person_enrols_logs_in_works_and_logs_out,
    |engine| async move {
        let app = spawn_app(engine).await;
        let token = app.invite("operator", None).await;

        // A weak password is refused with the reason beside it, and the invite stays usable.
        let weak = app
            .post_form_with(
                &format!("/invite/{token}"),
                "username=root.op&password=password1234",
                None,
            )
            .await;
        assert_eq!(weak.status().as_u16(), 422);
        let html = weak.text().await.unwrap_or_default();
        assert!(
            html.contains("too common") && html.contains("value=\"root.op\""),
            "{html}"
        );

        let (secret, recovery) = enrol(&app, &token, "root.op").await;
        assert_eq!(recovery.len(), 22);
        // The invite is single use.
        let again = app
            .post_form_with(
                &format!("/invite/{token}"),
                &format!("username=other&password={}", PASSWORD.replace(' ', "+")),
                None,
            )
            .await;
        assert_eq!(again.status().as_u16(), 404);
        assert_eq!(app.store.count_accounts().await.ok(), Some(1));

        // Wrong password, wrong code, unknown user: refused alike.
        let wrong = app
            .post_form_with(
                "/login",
                &format!(
                    "username=root.op&password=not+the+password&code={}",
                    code_for(&secret, 0)
                ),
                None,
            )
            .await;
        assert_eq!(wrong.status().as_u16(), 401);
        assert_eq!(login(&app, "root.op", "000000").await.err(), Some(401));
        assert_eq!(
            login(&app, "nobody", &code_for(&secret, 0)).await.err(),
            Some(401)
        );

        let code = code_for(&secret, 0);
        let (cookie, header) = login(&app, "root.op", &code)
            .await
            .unwrap_or_else(|s| panic!("login refused: {s}"));
        for flag in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
            assert!(
                header.contains(flag),
                "the session cookie lacks {flag}: {header}"
            );
        }
        // The same code is not accepted twice.
        assert_eq!(login(&app, "root.op", &code).await.err(), Some(401));

        let workspace = app.get_with("/workspace", &cookie).await;
        assert_eq!(workspace.status().as_u16(), 200);
        let html = workspace.text().await.unwrap_or_default();
        assert!(html.contains("root.op") && html.contains("operator"));
        let csrf = hidden(&html, "csrf");
        assert!(csrf.len() > 20);

        // State-changing forms need the session's CSRF token.
        let forged = app
            .post_form_with(
                "/invites",
                "organisation=partner&role=coordinator",
                Some(&cookie),
            )
            .await;
        assert_eq!(forged.status().as_u16(), 403);
        let wrong_token = app
            .post_form_with(
                "/invites",
                "organisation=partner&role=coordinator&csrf=abc",
                Some(&cookie),
            )
            .await;
        assert_eq!(wrong_token.status().as_u16(), 403);
        // The operator invites an organisation's coordinator, not its responders.
        let invited = app
            .post_form_with(
                "/invites",
                &format!("organisation=partner&role=coordinator&csrf={csrf}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(invited.status().as_u16(), 200);
        let link = codes_in_page(&invited.text().await.unwrap_or_default())
            .pop()
            .unwrap_or_default();
        assert!(link.starts_with("http://127.0.0.1/invite/"), "{link}");
        let refused = app
            .post_form_with(
                "/invites",
                &format!("organisation=partner&role=responder&csrf={csrf}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(refused.status().as_u16(), 403);

        // The coordinator enrols from that link and may invite responders of their own organisation only.
        let coordinator_token = link.rsplit('/').next().unwrap_or_default().to_owned();
        let (coordinator_secret, _) = enrol(&app, &coordinator_token, "coord.p").await;
        let (coordinator_cookie, _) = login(&app, "coord.p", &code_for(&coordinator_secret, 0))
            .await
            .unwrap_or_else(|s| panic!("{s}"));
        // Until the organisation's key certifies them, they invite nobody.
        let html = app
            .get_with("/workspace", &coordinator_cookie)
            .await
            .text()
            .await
            .unwrap_or_default();
        let early = app
            .post_form_with(
                "/invites",
                &format!(
                    "organisation=partner&role=responder&csrf={}",
                    hidden(&html, "csrf")
                ),
                Some(&coordinator_cookie),
            )
            .await;
        assert_eq!(early.status().as_u16(), 403);
        crate::workspace::certify_offline(&app, &coordinator_cookie, "partner", "coord.p").await;
        let html = app
            .get_with("/workspace", &coordinator_cookie)
            .await
            .text()
            .await
            .unwrap_or_default();
        let coordinator_csrf = hidden(&html, "csrf");
        assert_ne!(coordinator_csrf, csrf);
        let ok = app
            .post_form_with(
                "/invites",
                &format!("organisation=partner&role=responder&csrf={coordinator_csrf}"),
                Some(&coordinator_cookie),
            )
            .await;
        assert_eq!(ok.status().as_u16(), 200);
        let other_org = app
            .post_form_with(
                "/invites",
                &format!("organisation=operator&role=responder&csrf={coordinator_csrf}"),
                Some(&coordinator_cookie),
            )
            .await;
        assert_eq!(other_org.status().as_u16(), 403);
        // One session's token does not work for another.
        let crossed = app
            .post_form_with(
                "/invites",
                &format!("organisation=partner&role=responder&csrf={csrf}"),
                Some(&coordinator_cookie),
            )
            .await;
        assert_eq!(crossed.status().as_u16(), 403);

        // Logout deletes the session: the cookie opens nothing afterwards.
        let out = app
            .post_form_with("/logout", &format!("csrf={csrf}"), Some(&cookie))
            .await;
        assert_eq!(out.status().as_u16(), 303);
        assert!(out
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("hw_session=;")));
        let after = app.get_with("/workspace", &cookie).await;
        assert_eq!(after.status().as_u16(), 303);
        let logged_out = app
            .client
            .get(app.url("/workspace"))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .ok();
        assert_eq!(logged_out, Some(303));

        // Nothing secret is in the database: not the password, the TOTP secret, the recovery key,
        // the session cookie or an invite token.
        let bytes = app.database_bytes().await;
        for secret_text in [
            PASSWORD,
            secret.as_str(),
            recovery.as_str(),
            cookie.as_str(),
            token.as_str(),
            coordinator_token.as_str(),
        ] {
            assert!(
                !bytes
                    .windows(secret_text.len())
                    .any(|w| w == secret_text.as_bytes()),
                "the database holds {secret_text}"
            );
        }
        let logs = crate::helpers::captured_logs();
        for secret_text in [
            PASSWORD,
            secret.as_str(),
            recovery.as_str(),
            cookie.as_str(),
            token.as_str(),
        ] {
            assert!(!logs.contains(secret_text), "the logs hold {secret_text}");
        }
    }
);

/// Logs in through the page from `client`'s address; the status.
async fn login_from(app: &TestApp, client: &reqwest::Client, username: &str, code: &str) -> u16 {
    let body = format!(
        "username={username}&password={}&code={code}",
        PASSWORD.replace(' ', "+")
    );
    let response = app.post_form_from(client, "/login", &body, None).await;
    response.status().as_u16()
}

on_both_engines!(
    failed_logins_hold_back_that_name_from_that_source_only,
    |engine| async move {
        // The backoff is timed by the server's clock, which stands still here: no race against it.
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                clock: Some(homeward::store::Clock::set_to(homeward::store::now())),
                ..crate::helpers::Options::default()
            },
        )
        .await;
        let token = app.invite("operator", None).await;
        let (secret, _) = enrol(&app, &token, "slow.op").await;
        let attacker = client_from([127, 0, 0, 21]);
        let owner = client_from([127, 0, 0, 22]);
        for _ in 0..5 {
            assert_eq!(login_from(&app, &attacker, "slow.op", "000000").await, 401);
        }
        // From there, even the right code must wait now, and is told so before any derivation.
        let before = app.kdf.derivations();
        let right = code_for(&secret, 0);
        assert_eq!(login_from(&app, &attacker, "slow.op", &right).await, 429);
        assert_eq!(app.kdf.derivations(), before, "held back for free");
        // Whoever fails at an account on purpose does not lock its owner out.
        assert_eq!(login_from(&app, &owner, "slow.op", &right).await, 303);
        // A name that does not exist is held back exactly alike, so being held back tells
        // nobody which names are real.
        for _ in 0..5 {
            assert_eq!(
                login_from(&app, &attacker, "nobody.op", "000000").await,
                401
            );
        }
        assert_eq!(
            login_from(&app, &attacker, "nobody.op", "000000").await,
            429
        );
    }
);

on_both_engines!(
    guessing_the_code_behind_a_known_password_from_many_sources_stops_at_ten,
    |engine| async move {
        // Only a holder of the password can raise this count, so it is the account's: fresh
        // sources do not buy fresh guesses at the code. The hour is the server's clock's.
        let clock = homeward::store::Clock::set_to(homeward::store::now());
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                clock: Some(clock.clone()),
                ..crate::helpers::Options::default()
            },
        )
        .await;
        let token = app.invite("operator", None).await;
        let (secret, _) = enrol(&app, &token, "coded.op").await;
        for i in 0..10u8 {
            let guesser = client_from([127, 0, 0, 40 + i]);
            assert_eq!(login_from(&app, &guesser, "coded.op", "000000").await, 401);
        }
        // Now even the right code, from a source that never failed, gets a wrong login's answer.
        let owner = client_from([127, 0, 0, 60]);
        let right = code_for(&secret, 0);
        assert_eq!(login_from(&app, &owner, "coded.op", &right).await, 401);
        clock.advance(3600);
        assert_eq!(login_from(&app, &owner, "coded.op", &right).await, 303);
    }
);

on_both_engines!(
    one_source_trying_many_accounts_is_slowed_down,
    |engine| async move {
        let app = spawn_app(engine).await;
        let token = app.invite("operator", None).await;
        let (secret, _) = enrol(&app, &token, "spray.op").await;
        // The test settings allow 20 attempts a minute from one address, whatever the username.
        for i in 0..20 {
            assert_eq!(
                login(&app, &format!("guess{i}"), "000000").await.err(),
                Some(401)
            );
        }
        assert_eq!(
            login(&app, "spray.op", &code_for(&secret, 0)).await.err(),
            Some(429)
        );
        // The address waits only until its allowance refills; the account was never tried, and
        // its owner, elsewhere, gets in.
        let owner = client_from([127, 0, 0, 23]);
        let code = code_for(&secret, 0);
        assert_eq!(login_from(&app, &owner, "spray.op", &code).await, 303);
    }
);
