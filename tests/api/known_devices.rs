//! Known devices (review of issue 17, H3): a flood of cheap sources can spend the login ceiling
//! every stranger shares, but a browser or API client that logged in before shows the value its
//! last login handed it and is counted apart, so responders still get in. The value is checked
//! against the account the login names, is stored nowhere, and skips no check.

use serde_json::{json, Value};

use crate::accounts::{code_for, enrol, PASSWORD};
use crate::helpers::{client_from, on_both_engines, spawn_with, Engine, Options, TestApp};

/// Five logins a minute from all strangers together (three open, two kept for light tries), two
/// per source; the clock stands still, so nothing refills.
fn tight_logins(s: &mut homeward::config::Settings) {
    s.sessions.login_attempts_per_minute = 2;
    s.sessions.global_login_attempts_per_minute = 5;
}

/// Logs in through the API from `client`, showing `device` if given; the status and the body.
async fn api_login(
    app: &TestApp,
    client: &reqwest::Client,
    username: &str,
    code: &str,
    device: Option<&str>,
) -> (u16, Value) {
    let mut body = json!({"username": username, "password": PASSWORD, "code": code});
    if let Some(device) = device {
        body["device"] = json!(device);
    }
    let response = client
        .post(app.url("/api/v1/session"))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Logs in through the page from `client`, sending the device cookie if given.
async fn page_login(
    app: &TestApp,
    client: &reqwest::Client,
    username: &str,
    code: &str,
    device: Option<&str>,
) -> reqwest::Response {
    let mut request = client
        .post(app.url("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!(
            "username={username}&password={}&code={code}",
            PASSWORD.replace(' ', "+")
        ));
    if let Some(device) = device {
        request = request.header("Cookie", format!("hw_device={device}"));
    }
    request.send().await.unwrap_or_else(|e| panic!("{e}"))
}

/// Every Set-Cookie header of a response.
fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::to_owned)
        .collect()
}

/// Forty sources, one wrong login each, at once; their statuses.
async fn flood(app: &TestApp) -> Vec<u16> {
    let attempts = (0..40u8).map(|i| async move {
        let client = client_from([127, 0, 1, 10 + i]);
        api_login(app, &client, &format!("guess{i}"), "000000", None)
            .await
            .0
    });
    futures_util::future::join_all(attempts).await
}

async fn enrolled(app: &TestApp, username: &str) -> String {
    let invite = app.invite("responder", Some("partner")).await;
    enrol(app, &invite, username).await.0
}

on_both_engines!(
    a_known_device_logs_in_while_forty_sources_hold_the_login_ceiling,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: tight_logins,
                ..Default::default()
            },
        )
        .await;
        let browser_secret = enrolled(&app, "browser.op").await;
        let api_secret = enrolled(&app, "api.op").await;
        let browser = client_from([127, 0, 0, 31]);
        let api = client_from([127, 0, 0, 32]);

        // Yesterday's logins, one through the page and one through the API.
        let page = page_login(
            &app,
            &browser,
            "browser.op",
            &code_for(&browser_secret, -1),
            None,
        )
        .await;
        assert_eq!(page.status().as_u16(), 303);
        let cookies = set_cookies(&page);
        assert!(
            cookies[0].starts_with("hw_session="),
            "the session's cookie comes first: {cookies:?}"
        );
        let device_cookie = cookies
            .iter()
            .find(|c| c.starts_with("hw_device="))
            .unwrap_or_else(|| panic!("no device cookie: {cookies:?}"));
        for attribute in [
            "HttpOnly",
            "Secure",
            "SameSite=Strict",
            "Path=/login",
            "Max-Age=7776000",
        ] {
            assert!(
                device_cookie.contains(attribute),
                "{attribute}: {device_cookie}"
            );
        }
        let browser_device = device_cookie
            .split(';')
            .next()
            .and_then(|kv| kv.strip_prefix("hw_device="))
            .unwrap_or_default()
            .to_owned();
        let (status, body) =
            api_login(&app, &api, "api.op", &code_for(&api_secret, -1), None).await;
        assert_eq!(status, 201, "{body}");
        let api_device = body["device"].as_str().unwrap_or_default().to_owned();
        assert!(!api_device.is_empty(), "{body}");
        assert_ne!(api_device, browser_device);

        // The flood: three of its attempts fit under what the two logins left, the rest wait.
        let statuses = flood(&app).await;
        let tried = statuses.iter().filter(|s| **s == 401).count();
        let refused = statuses.iter().filter(|s| **s == 429).count();
        assert_eq!((tried, refused), (3, 37), "{statuses:?}");

        // Without the device, a responder is a stranger too, and waits.
        let code = code_for(&browser_secret, 0);
        let stranger = page_login(&app, &browser, "browser.op", &code, None).await;
        assert_eq!(stranger.status().as_u16(), 429);
        let code = code_for(&api_secret, 0);
        let (status, _) = api_login(&app, &api, "api.op", &code, None).await;
        assert_eq!(status, 429, "an API client without its device value");

        // With it, each gets in.
        let code = code_for(&browser_secret, 0);
        let known = page_login(&app, &browser, "browser.op", &code, Some(&browser_device)).await;
        assert_eq!(known.status().as_u16(), 303);
        assert!(
            set_cookies(&known)
                .iter()
                .any(|c| c.starts_with("hw_device=")),
            "a fresh device cookie"
        );
        let code = code_for(&api_secret, 0);
        let (status, body) = api_login(&app, &api, "api.op", &code, Some(&api_device)).await;
        assert_eq!(status, 201, "{body}");
        assert!(body["token"].as_str().is_some_and(|t| !t.is_empty()));

        // The server keeps nothing of a device value, and logs none.
        let bytes = app.database_bytes().await;
        for value in [&browser_device, &api_device] {
            assert!(
                !bytes.windows(value.len()).any(|w| w == value.as_bytes()),
                "the database holds a device value"
            );
            assert!(!crate::helpers::captured_logs().contains(value.as_str()));
        }
    }
);

on_both_engines!(
    a_device_value_of_one_account_does_not_help_a_login_to_another,
    |engine: Engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: tight_logins,
                ..Default::default()
            },
        )
        .await;
        let a_secret = enrolled(&app, "owner.a").await;
        let b_secret = enrolled(&app, "owner.b").await;
        let (status, body) = api_login(
            &app,
            &client_from([127, 0, 0, 33]),
            "owner.a",
            &code_for(&a_secret, -1),
            None,
        )
        .await;
        assert_eq!(status, 201, "{body}");
        let a_device = body["device"].as_str().unwrap_or_default().to_owned();
        let statuses = flood(&app).await;
        assert!(statuses.contains(&429), "{statuses:?}");

        // A's value, shown for B (or for a name nobody has), is no device: B waits like anyone.
        // Each try comes from a source of its own, so only the ceiling can refuse it.
        let fresh = |n: u8| client_from([127, 0, 0, 40 + n]);
        let b_code = code_for(&b_secret, 0);
        let (status, _) = api_login(&app, &fresh(0), "owner.b", &b_code, Some(&a_device)).await;
        assert_eq!(status, 429, "A's device for B");
        let page = page_login(&app, &fresh(1), "owner.b", &b_code, Some(&a_device)).await;
        assert_eq!(page.status().as_u16(), 429, "A's device cookie for B");
        let (status, _) = api_login(&app, &fresh(2), "nobody.op", "000000", Some(&a_device)).await;
        assert_eq!(status, 429, "A's device for an unknown name");
        // Nor does one made up in the right shape and time, or A's altered.
        let made_up = {
            use base64::Engine as _;
            let mut bytes = vec![1u8];
            bytes.extend_from_slice(&homeward::store::now().to_be_bytes());
            bytes.extend_from_slice(&[0u8; 16]);
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
        };
        assert_eq!(made_up.len(), a_device.len());
        // One character of the tag changed (the last one also holds padding bits).
        let mut altered = a_device.clone().into_bytes();
        if let Some(c) = altered.get_mut(20) {
            *c = if *c == b'A' { b'B' } else { b'A' };
        }
        let altered = String::from_utf8(altered).unwrap_or_default();
        for (n, forged) in [altered.as_str(), made_up.as_str(), "x"].iter().enumerate() {
            let source = fresh(3 + u8::try_from(n).unwrap_or(0));
            let (status, _) = api_login(&app, &source, "owner.a", "000000", Some(forged)).await;
            assert_eq!(status, 429, "{forged}");
        }
        // A with its own value gets in.
        let (status, body) = api_login(
            &app,
            &client_from([127, 0, 0, 35]),
            "owner.a",
            &code_for(&a_secret, 0),
            Some(&a_device),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
);

on_both_engines!(
    a_known_device_still_waits_after_failures_and_still_needs_the_code,
    |engine: Engine| async move {
        // A device value buys a place in another queue, not a way around the checks: the wait
        // after five failures at a name from a source holds with it as without it.
        let app = spawn_with(
            engine,
            Options {
                clock: Some(homeward::store::Clock::set_to(homeward::store::now())),
                ..Default::default()
            },
        )
        .await;
        let secret = enrolled(&app, "careful.op").await;
        let client = client_from([127, 0, 0, 36]);
        let (status, body) =
            api_login(&app, &client, "careful.op", &code_for(&secret, -1), None).await;
        assert_eq!(status, 201, "{body}");
        let device = body["device"].as_str().unwrap_or_default().to_owned();
        for _ in 0..5 {
            let (status, body) =
                api_login(&app, &client, "careful.op", "000000", Some(&device)).await;
            assert_eq!(
                status, 401,
                "a wrong code with a device is a wrong login: {body}"
            );
        }
        let before = app.kdf.derivations();
        let right = code_for(&secret, 0);
        let (status, _) = api_login(&app, &client, "careful.op", &right, Some(&device)).await;
        assert_eq!(status, 429, "the name waits at this source, device or not");
        assert_eq!(
            app.kdf.derivations(),
            before,
            "held back before any derivation"
        );
        let elsewhere = client_from([127, 0, 0, 37]);
        let (status, body) = api_login(&app, &elsewhere, "careful.op", &right, Some(&device)).await;
        assert_eq!(status, 201, "{body}");
    }
);
