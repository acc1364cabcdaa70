//! Whoever takes the database, the config and the server secrets, but no password, recovery key
//! or session cookie, opens nothing: every value the database holds is tried as a key.

use serde_json::json;

use crate::accounts::{code_for, enrol, login};
use crate::helpers::{hidden, on_both_engines, spawn_app};
use homeward::crypto::PrivateKey;

on_both_engines!(a_stolen_database_opens_nothing, |engine| async move {
    let app = spawn_app(engine).await;
    let (report, code) = app
        .submit(&json!({"location": {"country": "KH", "compound": "Stolen Disk Park"}, "narrative": "stolen", "consent": {"partner_ngos": true}}))
        .await;
    let token = app.invite("coordinator", Some("partner")).await;
    let (secret, _) = enrol(&app, &token, "coord.stolen").await;
    let (cookie, _) = login(&app, "coord.stolen", &code_for(&secret, 0))
        .await
        .unwrap_or_else(|s| panic!("{s}"));
    crate::workspace::certify_offline(&app, &cookie, "partner", "coord.stolen").await;
    let csrf = hidden(
        &app.get_with("/workspace", &cookie)
            .await
            .text()
            .await
            .unwrap_or_default(),
        "csrf",
    );
    let key = app.key("ngo-kh").to_text();
    let imported = app
        .post_form_with(
            "/queues/ngo-kh/key",
            &format!("csrf={csrf}&private_key={}", key.as_str()),
            Some(&cookie),
        )
        .await;
    assert_eq!(imported.status().as_u16(), 303);
    assert_eq!(
        app.get_with(&format!("/queues/ngo-kh/reports/{report}"), &cookie)
            .await
            .status()
            .as_u16(),
        200
    );

    // A reply, a note and a referral's reason too: sealed items of every audience.
    let page = format!("/queues/ngo-kh/reports/{report}");
    for (action, body) in [
        ("reply", "text=we+are+coming".to_owned()),
        ("note", "text=call+the+shelter".to_owned()),
        ("refer", "to=ngo-zh&reason=speaks+the+language".to_owned()),
    ] {
        let done = app
            .post_form_with(
                &format!("{page}/{action}"),
                &format!("csrf={csrf}&{body}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(done.status().as_u16(), 303, "{action}");
    }

    // Every 32-byte window of every binary value the database holds, tried as an X25519 private
    // key against every sealed item key of the report, for every recipient.
    let candidates: Vec<PrivateKey> = app.stored_key_candidates().await;
    assert!(candidates.len() > 100, "too few candidates were read");
    let sealed = app
        .stored_items(report, &["queue:desk", "queue:ngo-kh", "reporter"])
        .await;
    assert!(sealed.len() >= 12, "{}", sealed.len());
    for item in &sealed {
        for candidate in &candidates {
            assert!(
                item.key.sealed.open(candidate, report, item.id).is_err(),
                "a stored value opened an item"
            );
        }
    }
    // Nor is any secret that would open something stored anywhere the thief has.
    let bytes = app.database_bytes().await;
    let secrets = std::fs::read(&app.secrets_file).unwrap_or_default();
    assert!(!secrets.is_empty());
    let all = [bytes.as_slice(), secrets.as_slice()].concat();
    for text in [
        cookie.as_str(),
        &code.replace(' ', "")[6..],
        secret.as_str(),
    ] {
        assert!(
            !all.windows(text.len()).any(|w| w == text.as_bytes()),
            "{text} is stored"
        );
    }
});
