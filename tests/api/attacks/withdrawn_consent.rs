//! The attack: a reporter gives the consulate consent, then withdraws it at /followup; the
//! consulate opens the projection it had not opened yet anyway. Homeward's answer: a withdrawal
//! closes the consulate's entry at once. What it had not opened answers 404, as a report it never
//! held would (403 would say there is something there to refuse); nothing new is sealed to it;
//! and once `followup.consent_withdrawal_grace_days` are over (the shredder's clock is moved, not
//! waited for) its copies of the keys of what it never opened are gone from the database, while
//! what it opened stays readable.

use serde_json::json;
use uuid::Uuid;

use crate::helpers::{hidden, on_both_engines, spawn_app, TestApp};
use crate::workspace::{csrf_of, import, staff};
use homeward::store::Clock;

/// A report about an Indian national, with consent to the consulate only.
fn report(name: &str, passport: &str) -> serde_json::Value {
    json!({
        "location": {"country": "MM", "city": "Myawaddy"},
        "person": {"nationality": "IN", "name": name},
        "documents": [{"type": "passport", "number": passport}],
        "narrative": "held in a compound",
        "consent": {"consulate": true},
    })
}

/// The reporter comes back with the code and stops one consent; returns the status.
async fn stop_consent(app: &TestApp, code: &str, consent: &str) -> u16 {
    let opened = app
        .client
        .post(app.url("/followup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("code={}", code.replace(' ', "")))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let page = opened.text().await.unwrap_or_default();
    let token = hidden(&page, "visit");
    assert!(!token.is_empty(), "the code opens a visit: {page}");
    app.client
        .post(app.url("/followup/consents/stop"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("visit={token}&consent={consent}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .status()
        .as_u16()
}

async fn page(app: &TestApp, path: &str, cookie: &str) -> (u16, String) {
    let response = app.get_with(path, cookie).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// What a textarea holds, as typed.
fn textarea(html: &str, name: &str) -> String {
    let after = html
        .split(&format!("name=\"{name}\""))
        .nth(1)
        .unwrap_or_default();
    let inner = after.split_once('>').map(|(_, r)| r).unwrap_or_default();
    inner
        .split("</textarea>")
        .next()
        .unwrap_or_default()
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The desk issues a new version of the report's projection, with `from` changed to `to`.
async fn new_projection(app: &TestApp, desk: &str, report: Uuid, from: &str, to: &str) {
    let (_, shown) = page(app, &format!("/queues/desk/reports/{report}"), desk).await;
    let edited = textarea(&shown, "projection").replace(from, to);
    assert!(edited.contains(to), "{shown}");
    let csrf = csrf_of(app, desk).await;
    let encoded: String = form_urlencoded::byte_serialize(edited.as_bytes()).collect();
    let issued = app
        .post_form_with(
            &format!("/queues/desk/reports/{report}/projection"),
            &format!("csrf={csrf}&projection={encoded}"),
            Some(desk),
        )
        .await;
    assert_eq!(issued.status().as_u16(), 303);
}

/// The item keys sealed to the consulate's queue, as stored.
async fn consulate_copies(app: &TestApp, report: Uuid) -> Vec<homeward::store::StoredItem> {
    app.store
        .items_for(report, "queue:consular-in")
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn audited(app: &TestApp, action: &str) -> Vec<String> {
    app.store
        .audit_entries(0, 10_000)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|row| row.action == action)
        .map(|row| row.subject)
        .collect()
}

on_both_engines!(
    a_consulate_opens_what_it_had_not_opened_after_the_consent_is_withdrawn,
    |engine| async move {
        let app = spawn_app(engine).await;
        let grace_days =
            homeward::config::FollowupSettings::default().consent_withdrawal_grace_days;
        let consul = staff(&app, "coordinator", "consulate-in", "coord.consent").await;
        let desk = staff(&app, "coordinator", "operator", "desk.consent").await;
        import(&app, &consul, "consular-in").await;
        import(&app, &desk, "desk").await;

        let (unopened, unopened_code) = app.submit(&report("Arjun Mehta", "P7654321")).await;
        let (read, read_code) = app.submit(&report("Priya Sharma", "P1234567")).await;
        for r in [unopened, read] {
            let holders = app.store.report_queues(r).await.unwrap_or_default();
            assert!(holders.contains(&"consular-in".to_owned()), "{holders:?}");
        }

        // The consulate opens one of the two; then the desk issues a new projection of it, which
        // the consulate has not opened.
        let (status, shown) = page(
            &app,
            &format!("/queues/consular-in/reports/{read}"),
            &consul,
        )
        .await;
        assert_eq!(status, 200);
        assert!(
            shown.contains("Priya Sharma") && shown.contains("P1234567"),
            "{shown}"
        );
        new_projection(&app, &desk, read, "Myawaddy", "Shwe Kokko").await;
        assert_eq!(
            consulate_copies(&app, read)
                .await
                .iter()
                .filter(|i| i.kind == "projection")
                .count(),
            2,
            "two versions sealed to it"
        );

        // Both reporters withdraw the consent to the consulate.
        for code in [&unopened_code, &read_code] {
            assert_eq!(stop_consent(&app, code, "consulate").await, 200);
        }

        // At once: what the consulate had not opened is not found, and it is gone from its list.
        let (status, refused) = page(
            &app,
            &format!("/queues/consular-in/reports/{unopened}"),
            &consul,
        )
        .await;
        assert_eq!(status, 404, "{refused}");
        assert!(
            !refused.contains("Arjun Mehta") && !refused.contains("P7654321"),
            "{refused}"
        );
        let (_, listed) = page(&app, "/queues/consular-in", &consul).await;
        assert!(!listed.contains(&unopened.to_string()), "{listed}");
        assert!(
            listed.contains(&read.to_string()),
            "what it opened stays listed: {listed}"
        );
        // The one it had opened shows what it opened, not the version it had not, and offers
        // nothing more to do with it.
        let (status, kept) = page(
            &app,
            &format!("/queues/consular-in/reports/{read}"),
            &consul,
        )
        .await;
        assert_eq!(status, 200);
        assert!(
            kept.contains("Priya Sharma") && kept.contains("Myawaddy"),
            "{kept}"
        );
        assert!(
            !kept.contains("Shwe Kokko"),
            "the unopened version stays shut: {kept}"
        );
        assert!(
            kept.contains("id=\"consent-closed\"") && !kept.contains("/claim"),
            "{kept}"
        );
        let csrf = csrf_of(&app, &consul).await;
        for r in [unopened, read] {
            let claimed = app
                .post_form_with(
                    &format!("/queues/consular-in/reports/{r}/claim"),
                    &format!("csrf={csrf}"),
                    Some(&consul),
                )
                .await;
            assert_eq!(
                claimed.status().as_u16(),
                404,
                "nothing is done with a closed entry"
            );
        }

        // Nothing new is sealed to it: a new projection reaches the desk only.
        let before = consulate_copies(&app, unopened).await;
        let desk_before = app
            .store
            .items_for(unopened, "queue:desk")
            .await
            .unwrap_or_default()
            .len();
        new_projection(&app, &desk, unopened, "Myawaddy", "Mae Sot").await;
        assert_eq!(consulate_copies(&app, unopened).await.len(), before.len());
        assert_eq!(
            app.store
                .items_for(unopened, "queue:desk")
                .await
                .unwrap_or_default()
                .len(),
            desk_before + 2,
            "the new version and its list summary"
        );

        // The desk sees that it happened, and so does the audit log, with nothing of the reporter.
        let (_, at_desk) = page(&app, &format!("/queues/desk/reports/{unopened}"), &desk).await;
        assert!(
            at_desk.contains("consular-in: the reporter withdrew the consent for this queue on"),
            "{at_desk}"
        );
        let withdrawn = audited(&app, "consent_withdrawn").await;
        assert_eq!(withdrawn.len(), 2, "{withdrawn:?}");
        for r in [unopened, read] {
            let subject = format!("report:{r} consent:consulate");
            assert!(withdrawn.contains(&subject), "{withdrawn:?}");
        }

        // Within the grace period nothing is destroyed...
        let clock = Clock::set_to(homeward::store::now());
        let shredder = homeward::reporting::shredding::Shredder {
            clock: clock.clone(),
            ..app.shredder()
        };
        assert_eq!(shredder.shred_unopened(grace_days).await.ok(), Some(0));
        assert_eq!(consulate_copies(&app, unopened).await.len(), before.len());

        // ...and once it is over, the consulate's copies of what it never opened are gone, from
        // the database's files too; what it opened stays, readable with its key and on its page.
        // (The withdrawal's time is kept to the hour, rounded up, so the grace may end up to an
        // hour later than it began, never earlier.)
        clock.advance(grace_days * 86_400 + 3600);
        assert_eq!(shredder.shred_unopened(grace_days).await.ok(), Some(2));
        assert!(consulate_copies(&app, unopened).await.is_empty());
        let left = consulate_copies(&app, read).await;
        let kinds: Vec<&str> = left.iter().map(|i| i.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["projection", "summary"],
            "the version it opened and its summary, not the ones it did not"
        );
        let opened = app.open_as(read, "consular-in").await;
        let projection = opened
            .first()
            .map(|(_, v)| v.to_string())
            .unwrap_or_default();
        assert!(projection.contains("Myawaddy"), "{projection}");
        let (status, kept) = page(
            &app,
            &format!("/queues/consular-in/reports/{read}"),
            &consul,
        )
        .await;
        assert_eq!(status, 200);
        assert!(
            kept.contains("Priya Sharma") && !kept.contains("Shwe Kokko"),
            "{kept}"
        );
        let (status, _) = page(
            &app,
            &format!("/queues/consular-in/reports/{unopened}"),
            &consul,
        )
        .await;
        assert_eq!(status, 404);
        let held = app.database_bytes().await;
        for copy in &before {
            let sealed = &copy.key.sealed.ciphertext;
            assert!(
                !held.windows(sealed.len()).any(|w| w == sealed.as_slice()),
                "a destroyed copy is still in the database"
            );
        }

        // The desk still reads everything, and sees that the destruction happened.
        let desk_reads = app.open_as(unopened, "desk").await;
        assert!(desk_reads
            .iter()
            .any(|(_, v)| v.to_string().contains("Mae Sot")));
        let (_, at_desk) = page(&app, &format!("/queues/desk/reports/{unopened}"), &desk).await;
        assert!(
            at_desk.contains("what it never opened was destroyed on"),
            "{at_desk}"
        );
        assert_eq!(audited(&app, "unopened_keys_destroyed").await.len(), 2);
        let trail = app.audit().verify(None).await.ok();
        assert!(
            matches!(trail, Some(homeward::trust::audit::Verdict::Intact { .. })),
            "{trail:?}"
        );

        // Another pass, on this replica or another, has nothing left to do.
        assert_eq!(shredder.shred_unopened(grace_days).await.ok(), Some(0));
        assert_eq!(audited(&app, "unopened_keys_destroyed").await.len(), 2);
    }
);

/// The reporter comes back with the code and gives one consent again; returns the status.
async fn allow_consent(app: &TestApp, code: &str, consent: &str) -> u16 {
    let opened = app
        .client
        .post(app.url("/followup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("code={}", code.replace(' ', "")))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let token = hidden(&opened.text().await.unwrap_or_default(), "visit");
    app.client
        .post(app.url("/followup/consents/allow"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("visit={token}&consent={consent}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .status()
        .as_u16()
}

// The other way round: whoever forces a victim to stop the consulate's consent gets nothing
// destroyed before the grace period is over; the victim giving it again within it reopens the
// consulate's entry as it was.
on_both_engines!(
    a_consent_withdrawal_forced_out_of_a_victim_destroys_at_once,
    |engine| async move {
        let app = spawn_app(engine).await;
        let grace_days =
            homeward::config::FollowupSettings::default().consent_withdrawal_grace_days;
        let consul = staff(&app, "coordinator", "consulate-in", "coord.forced").await;
        import(&app, &consul, "consular-in").await;
        let (r, code) = app.submit(&report("Ravi Kumar", "P5556667")).await;
        let path = format!("/queues/consular-in/reports/{r}");
        let copies = consulate_copies(&app, r).await.len();
        assert!(copies > 0);

        assert_eq!(stop_consent(&app, &code, "consulate").await, 200);
        assert_eq!(page(&app, &path, &consul).await.0, 404);
        let clock = Clock::set_to(homeward::store::now());
        let shredder = homeward::reporting::shredding::Shredder {
            clock: clock.clone(),
            ..app.shredder()
        };
        clock.advance(grace_days * 86_400 - 60);
        assert_eq!(shredder.shred_unopened(grace_days).await.ok(), Some(0));

        // Given again within the grace period: the entry is open as it was.
        assert_eq!(allow_consent(&app, &code, "consulate").await, 200);
        let (status, shown) = page(&app, &path, &consul).await;
        assert_eq!(status, 200);
        assert!(
            shown.contains("Ravi Kumar") && !shown.contains("consent-closed"),
            "{shown}"
        );
        clock.advance(grace_days * 86_400);
        assert_eq!(shredder.shred_unopened(grace_days).await.ok(), Some(0));
        assert_eq!(consulate_copies(&app, r).await.len(), copies);
        assert!(audited(&app, "unopened_keys_destroyed").await.is_empty());
    }
);
