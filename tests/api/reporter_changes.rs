//! What the reporter changes on coming back: more details, how to be reached, consents, and the
//! withdrawal of the report, which ends in crypto-shredding after the grace period.

use serde_json::json;

use crate::helpers::{hidden, on_both_engines, spawn_app, TestApp};
use homeward::crypto::PrivateKey;

/// Posts a follow-up form with the visit's token; returns the status and page.
async fn post(app: &TestApp, path: &str, token: &str, body: &str) -> (u16, String) {
    let response = app
        .client
        .post(app.url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("visit={token}&{body}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// Opens a visit with the code; returns the token of the page it shows.
async fn visit(app: &TestApp, code: &str) -> String {
    let (status, page) = post(
        app,
        "/followup",
        "",
        &format!("code={}", code.replace(' ', "")),
    )
    .await;
    assert_eq!(status, 200, "{page}");
    hidden(&page, "visit")
}

fn kinds(items: &[(String, serde_json::Value)]) -> Vec<&str> {
    items.iter().map(|(k, _)| k.as_str()).collect()
}

on_both_engines!(
    additions_contact_and_consents_reach_only_the_consented_queues,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
            .submit(&json!({"location": {"country": "KH", "compound": "Consent Park"}, "narrative": "first words", "consent": {"partner_ngos": true}}))
            .await;
        let token = visit(&app, &code).await;

        // A bad coordinate comes back beside its field, with everything typed kept.
        let (status, page) = post(
            &app,
            "/followup/message",
            &token,
            "narrative=moved+again&location.city=Shwe+Kokko&location.latitude=400&location.longitude=98",
        )
        .await;
        assert_eq!(status, 422, "{page}");
        assert!(
            page.contains("moved again") && page.contains("Shwe Kokko"),
            "{page}"
        );
        let (status, page) = post(&app, "/followup/message", &token, "narrative=").await;
        assert_eq!(status, 422, "an empty addition is refused: {page}");

        let (status, page) = post(
            &app,
            "/followup/message",
            &token,
            "narrative=moved+again&location.city=Shwe+Kokko&location.latitude=16.9&location.longitude=98.5",
        )
        .await;
        assert_eq!(status, 200, "{page}");
        assert!(
            !page.contains("Shwe Kokko"),
            "the reporter cannot read it back"
        );
        let (status, _) = post(
            &app,
            "/followup/contact",
            &token,
            "reporter.contact=telegram+%40safe_cousin",
        )
        .await;
        assert_eq!(status, 200);

        for queue in ["desk", "ngo-kh"] {
            let items = app.open_as(report, queue).await;
            let addition = items
                .iter()
                .find(|(k, _)| k == "addition")
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("{queue} has the addition: {:?}", kinds(&items)));
            assert_eq!(addition["location"]["city"], "Shwe Kokko");
            assert_eq!(addition["message"], "moved again");
            assert!(addition["location"]["coordinates"]["latitude"].is_number());
            assert!(kinds(&items).contains(&"contact"), "{queue}");
        }

        // Consent to the consulate granted, to partner NGOs withdrawn, each by its own action:
        // the desk is told both; the partner NGO gets nothing new from then on.
        let (status, page) = post(
            &app,
            "/followup/consents/allow",
            &token,
            "consent=consulate",
        )
        .await;
        assert_eq!(status, 200, "{page}");
        let (status, page) = post(
            &app,
            "/followup/consents/stop",
            &token,
            "consent=partner_ngos",
        )
        .await;
        assert_eq!(status, 200, "{page}");
        let terms = app
            .store
            .report_terms(report)
            .await
            .ok()
            .flatten()
            .map(|t| t.1);
        assert_eq!(
            terms,
            Some(homeward::domain::Consents {
                partner_ngos: false,
                consulate: true,
                police: false
            })
        );
        let desk = app.open_as(report, "desk").await;
        let told: Vec<serde_json::Value> = desk
            .iter()
            .filter(|(k, _)| k == "consent")
            .map(|(_, v)| json!({"consent": v["consent"], "given": v["given"], "changed": v["changed"]}))
            .collect();
        assert_eq!(
            told,
            [
                json!({"consent": "consulate", "given": true, "changed": true}),
                json!({"consent": "partner_ngos", "given": false, "changed": true}),
            ]
        );

        let partner_before = app.open_as(report, "ngo-kh").await.len();
        let (status, _) = post(
            &app,
            "/followup/message",
            &token,
            "narrative=after+withdrawal",
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(app.open_as(report, "ngo-kh").await.len(), partner_before);
        let desk_after = app.open_as(report, "desk").await;
        assert!(desk_after
            .iter()
            .any(|(_, v)| v["message"] == "after withdrawal"));
    }
);

on_both_engines!(
    a_withdrawn_report_closes_at_once_and_is_shredded_after_its_grace_period,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, code) = app
            .submit(&json!({"location": {"country": "KH", "compound": "Shred Park"}, "narrative": "to be destroyed", "consent": {"partner_ngos": true}}))
            .await;
        let token = visit(&app, &code).await;

        let (status, page) = post(&app, "/followup/withdraw", &token, "").await;
        assert_eq!(status, 422, "withdrawing needs the box ticked: {page}");
        let (status, page) = post(&app, "/followup/withdraw", &token, "confirm=on").await;
        assert_eq!(status, 200, "{page}");
        assert!(page.contains("withdrawn"), "{page}");

        // Gone from the reporter's view at once: the visit ends, the code opens nothing (for one
        // derivation, like any miss), and the queues are told.
        let (status, _) = post(&app, "/followup/message", &token, "narrative=still+here").await;
        assert_eq!(status, 422);
        let before = app.kdf.derivations();
        let (status, page) = post(
            &app,
            "/followup",
            "",
            &format!("code={}", code.replace(' ', "")),
        )
        .await;
        assert_eq!((status, app.kdf.derivations() - before), (422, 1));
        assert!(page.contains("opens nothing"));
        for queue in ["desk", "ngo-kh"] {
            let items = app.open_as(report, queue).await;
            assert!(kinds(&items).contains(&"withdrawal"), "{queue} is told");
        }

        // Within the grace period nothing is destroyed.
        let shredder = app.shredder();
        let kept = shredder.shred_withdrawn(14).await;
        assert_eq!(kept.ok(), Some(0));
        let sealed = app
            .stored_items(report, &["queue:desk", "queue:ngo-kh", "reporter"])
            .await;
        assert!(sealed.len() >= 6, "{}", sealed.len());

        // The withdrawal's time is kept to the hour, rounded up: an hour on, the grace (here
        // none) is surely over.
        let shredder = homeward::reporting::shredding::Shredder {
            clock: homeward::store::Clock::set_to(homeward::store::now() + 3600),
            ..shredder
        };
        let destroyed = shredder.shred_withdrawn(0).await;
        assert_eq!(destroyed.ok(), Some(1));
        let listed = shredder.destroyed.read().unwrap_or_default();
        assert!(
            listed.contains(&report.to_string()),
            "listed beside the secrets"
        );
        for recipient in ["queue:desk", "queue:ngo-kh", "reporter"] {
            let left = app
                .store
                .items_for(report, recipient)
                .await
                .unwrap_or_default();
            assert!(left.is_empty(), "{recipient} still holds items");
        }

        // Every 32-byte window of every value the database still holds, tried as a key against
        // every item key the report had, and none of its ciphertexts or sealed keys left.
        let candidates: Vec<PrivateKey> = app.stored_key_candidates().await;
        let held = app.database_bytes().await;
        for item in &sealed {
            for stored in [&item.sealed.ciphertext, &item.key.sealed.ciphertext] {
                assert!(
                    !held.windows(stored.len()).any(|w| w == stored.as_slice()),
                    "a destroyed ciphertext is still in the database"
                );
            }
            for candidate in &candidates {
                assert!(
                    item.key.sealed.open(candidate, report, item.id).is_err(),
                    "a stored value opens a destroyed item's key"
                );
            }
        }
        let trail = app.audit().verify(None).await.ok();
        assert!(
            matches!(trail, Some(homeward::trust::audit::Verdict::Intact { .. })),
            "{trail:?}"
        );
        let destroyed: Vec<_> = app
            .store
            .audit_entries(0, 1000)
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|row| row.action == "report_destroyed")
            .collect();
        assert_eq!(destroyed.len(), 1, "the destruction is audited");
    }
);

on_both_engines!(
    responders_see_what_the_reporter_sent_as_new_with_an_unread_count,
    |engine| async move {
        use crate::workspace_api::{api, token};
        let app = spawn_app(engine).await;
        let (report, code) = app
            .submit(&json!({"location": {"country": "TH"}, "narrative": "unread counts"}))
            .await;
        let desk = crate::workspace::staff(&app, "coordinator", "operator", "coord.unread").await;
        let bearer = token(&app, "responder", "operator", "resp.unread").await;
        crate::workspace::import(&app, &desk, "desk").await;
        crate::workspace::give(&app, &desk, "desk", "resp.unread").await;
        let entry = format!("/queues/desk/reports/{report}");
        let first = app
            .get_with(&entry, &desk)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            !first.contains("class=\"new\""),
            "nothing is new at first: {first}"
        );

        let token_ = visit(&app, &code).await;
        post(&app, "/followup/message", &token_, "narrative=a+new+detail").await;
        post(&app, "/followup/contact", &token_, "reporter.no_contact=on").await;

        let entries_path = "/api/v1/queues/desk/entries";
        let (status, entries) = api(&app, "GET", entries_path, Some(&bearer), None).await;
        assert_eq!(status, 200, "{entries}");
        assert_eq!(entries[0]["unread"], 2, "{entries}");
        let listed = app
            .get_with("/queues/desk", &desk)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(listed.contains("2 new"), "{listed}");

        let (status, opened) =
            api(&app, "GET", &format!("/api/v1{entry}"), Some(&bearer), None).await;
        assert_eq!(status, 200, "{opened}");
        let new: Vec<&str> = opened["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter(|i| i["new"] == true)
                    .filter_map(|i| i["kind"].as_str())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(new, vec!["addition", "contact"]);
        assert!(opened["withdrawn_at"].is_null());
        let (_, entries) = api(&app, "GET", entries_path, Some(&bearer), None).await;
        assert_eq!(entries[0]["unread"], 0, "opened, so seen");

        // A withdrawal is new too, closes replies, and says when the keys go.
        post(&app, "/followup/withdraw", &token_, "confirm=on").await;
        let page = app
            .get_with(&entry, &desk)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(
            page.contains("id=\"withdrawn\"") && page.contains("class=\"new\""),
            "{page}"
        );
        assert!(
            !page.contains("/reply\""),
            "no reply form on a withdrawn report"
        );
        let csrf = crate::workspace::csrf_of(&app, &desk).await;
        let reply = app
            .post_form_with(
                &format!("{entry}/reply"),
                &format!("csrf={csrf}&text=hello"),
                Some(&desk),
            )
            .await;
        assert!(reply.status().is_client_error(), "{}", reply.status());
    }
);
