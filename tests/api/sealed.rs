//! Reports sealed on the device: the two-step protocol, the reference client, the ticket's
//! refusals, and the open path reading what the server could not check.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use homeward::cli::sealed_submit::{self, check_ticket, routing_facts, seal_one, ClientError};
use homeward::crypto::envelope::Suite;
use homeward::crypto::signing::VerifyingKey;
use homeward::crypto::{ItemKey, PublicKey, SealedItem, SealedKey};
use homeward::domain::device::plaintext;
use homeward::domain::ReportInput;
use homeward::reporting::sealed::{DeviceItem, DeviceKey, SealedSubmission, Ticket};
use secrecy::ExposeSecret;
use serde_json::{json, Value};

use crate::helpers::{captured_logs, on_both_engines, spawn_app, TestApp};
use crate::workspace::{import, staff};

/// A report whose every identifying field carries a canary that must never appear in clear.
fn report(canary: &str) -> ReportInput {
    serde_json::from_value(json!({
        "reporter": {"relation": "family", "contact": format!("signal {canary}-contact")},
        "person": {"name": format!("{canary}-name"), "nationality": "IN"},
        "location": {"country": "KH", "compound": format!("{canary}-compound"), "landmarks": format!("{canary}-landmark")},
        "documents": [{"type": "passport", "number": format!("{canary}-passport"), "holder": format!("{canary}-holder")}],
        "recruitment": {"recruiter": format!("{canary}-recruiter")},
        "indicators": ["documents_taken", "violence"],
        "narrative": format!("{canary}-narrative"),
        "consent": {"partner_ngos": true, "consulate": true},
        "language": "en",
    }))
    .unwrap_or_else(|e| panic!("{e}"))
}

fn desk_pin(app: &TestApp) -> Vec<VerifyingKey> {
    vec![app.signers.of("operator").verifying_key()]
}

async fn post(app: &TestApp, path: &str, body: &impl serde::Serialize) -> (u16, Value) {
    let response = app
        .client
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn issue(app: &TestApp, input: &ReportInput) -> Ticket {
    let (status, body) = post(app, "/api/v1/sealed/tickets", &routing_facts(input)).await;
    assert_eq!(status, 201, "{body}");
    serde_json::from_value(body).unwrap_or_else(|e| panic!("{e}"))
}

async fn report_count(app: &TestApp) -> usize {
    app.strings("SELECT id FROM reports").await.len()
}

async fn page(app: &TestApp, queue: &str, report: &str) -> String {
    let cookie = staff(app, "coordinator", org_of(queue), &format!("c.{queue}")).await;
    import(app, &cookie, queue).await;
    let response = app
        .get_with(&format!("/queues/{queue}/reports/{report}"), &cookie)
        .await;
    assert_eq!(response.status().as_u16(), 200);
    response.text().await.unwrap_or_default()
}

fn org_of(queue: &str) -> &'static str {
    match queue {
        "desk" => "operator",
        "consular-in" => "consulate-in",
        _ => "partner",
    }
}

on_both_engines!(
    a_report_sealed_by_the_reference_client_opens_for_its_queues_only,
    |engine| async move {
        let app = spawn_app(engine).await;
        let canary = format!("cnry{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
        let submitted = sealed_submit::submit(&app.address, &desk_pin(&app), report(&canary))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let report_id = uuid::Uuid::parse_str(&submitted.report_id).unwrap_or_default();

        let mut held = app
            .strings(&format!(
                "SELECT queue_id FROM report_queues WHERE report_id = '{report_id}'"
            ))
            .await;
        held.sort();
        assert_eq!(held, ["consular-in", "desk", "ngo-kh"]);

        let kinds = |items: Vec<(String, Value)>| -> Vec<String> {
            items.into_iter().map(|(k, _)| k).collect()
        };
        for queue in ["desk", "ngo-kh"] {
            let items = app.open_as(report_id, queue).await;
            assert_eq!(
                kinds(items.clone()),
                ["report", "triage", "projection", "status"]
            );
            let sealed_report = items[0].1.to_string();
            assert!(sealed_report.contains(&format!("{canary}-narrative")));
            assert_eq!(items[0].1["homeward"], "report/v1");
            // The server's own triage, from the routing facts alone.
            assert_eq!(items[1].1["reasons"][0]["indicator"], "violence");
        }
        let consular = app.open_as(report_id, "consular-in").await;
        assert_eq!(kinds(consular.clone()), ["projection"]);
        let projection = consular[0].1.to_string();
        assert!(projection.contains(&format!("{canary}-passport")));
        assert!(!projection.contains(&format!("{canary}-narrative")));
        assert!(!projection.contains(&format!("{canary}-recruiter")));

        // No other queue's key opens any copy.
        let copies = app
            .stored_items(report_id, &["queue:desk", "queue:consular-in"])
            .await;
        assert!(!copies.is_empty());
        for other in ["ngo-zh", "police-kh"] {
            assert!(app
                .stored_items(report_id, &[&format!("queue:{other}")])
                .await
                .is_empty());
            for item in &copies {
                assert!(item
                    .key
                    .sealed
                    .open(app.key(other), report_id, item.id)
                    .is_err());
            }
        }

        // Responders open it as any other report: read by the report's rules, marked as sealed
        // on the device.
        let html = page(&app, "desk", &submitted.report_id).await;
        assert!(html.contains(&format!("{canary}-compound")));
        assert!(html.contains("Sealed on the reporter"), "{html}");
        assert!(!html.contains("malformed"));

        // The reporter follows up with the receipt code the same way.
        let (status, visit) = post(
            &app,
            "/api/v1/followup/visits",
            &json!({"code": submitted.receipt_code.expose_secret()}),
        )
        .await;
        assert_eq!(
            (status, visit["status"].as_str()),
            (201, Some("received")),
            "{visit}"
        );
        assert!(!visit.to_string().contains(&canary));

        // The canaries are nowhere in the clear: not in the database or its WAL, not in the logs.
        let stored = String::from_utf8_lossy(&app.database_bytes().await).into_owned();
        assert!(!stored.contains(&canary), "the database holds a canary");
        assert!(
            !app.all_blobs()
                .await
                .iter()
                .any(|b| String::from_utf8_lossy(b).contains(&canary)),
            "a stored value holds a canary"
        );
        assert!(!captured_logs().contains(&canary), "the logs hold a canary");
    }
);

on_both_engines!(
    the_server_never_sees_the_sealed_fields_in_any_answer,
    |engine| async move {
        let app = spawn_app(engine).await;
        let canary = format!("cnry{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
        let input = report(&canary);
        let (status, ticket_body) =
            post(&app, "/api/v1/sealed/tickets", &routing_facts(&input)).await;
        assert_eq!(status, 201);
        assert!(!ticket_body.to_string().contains(&canary));
        // The routing facts are all the first step sends.
        let facts = serde_json::to_string(&routing_facts(&input)).unwrap_or_default();
        assert!(!facts.contains(&canary), "{facts}");
        let ticket: Ticket = serde_json::from_value(ticket_body).unwrap_or_else(|e| panic!("{e}"));
        check_ticket(&ticket, &desk_pin(&app)).unwrap_or_else(|e| panic!("{e}"));
        let sealed = sealed_submit::seal(&ticket, &input).unwrap_or_else(|e| panic!("{e}"));
        let sent = serde_json::to_string(&sealed).unwrap_or_default();
        assert!(
            !sent.contains(&canary),
            "the sealed submission holds a canary"
        );
        let (status, created) = post(&app, "/api/v1/sealed/reports", &sealed).await;
        assert_eq!(status, 201, "{created}");
        assert!(!created.to_string().contains(&canary));
        // The ticket is spent with its report: nothing about it stays behind.
        assert!(app
            .strings("SELECT created_at FROM sealed_tickets")
            .await
            .is_empty());
    }
);

/// A ticket issued and the items sealed to it, ready to be spoilt by a test.
async fn sealed_for(app: &TestApp) -> (Ticket, SealedSubmission) {
    let input = report("refusals");
    let ticket = issue(app, &input).await;
    let sealed = sealed_submit::seal(&ticket, &input).unwrap_or_else(|e| panic!("{e}"));
    (ticket, sealed)
}

fn error_codes(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_owned(),
                        e["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

on_both_engines!(
    tickets_expired_reused_forged_or_mismatched_are_refused_and_nothing_is_stored,
    |engine| async move {
        let app = spawn_app(engine).await;

        // Forged: a token the server never issued.
        let (_, mut forged) = sealed_for(&app).await;
        forged.ticket = URL_SAFE_NO_PAD.encode([7u8; 32]);
        let (status, body) = post(&app, "/api/v1/sealed/reports", &forged).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (403, Some("ticket_refused")),
            "{body}"
        );

        // Expired.
        let (_, expired) = sealed_for(&app).await;
        app.tamper("UPDATE sealed_tickets SET expires_at = 1", None, None)
            .await;
        let (status, body) = post(&app, "/api/v1/sealed/reports", &expired).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (410, Some("ticket_expired")),
            "{body}"
        );

        // Mismatched: an item bound to another id than the ticket's.
        let (ticket, mut wrong_id) = sealed_for(&app).await;
        wrong_id.items[0].id = uuid::Uuid::new_v4().to_string();
        let (status, body) = post(&app, "/api/v1/sealed/reports", &wrong_id).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(
            error_codes(&body),
            [("items.0.id".into(), "not_in_ticket".into())]
        );

        // Declared for a key that is not the ticket's, then for one recipient too few.
        let mut other_key = wrong_id;
        other_key.items[0].id = ticket.items.report.clone();
        other_key.items[0].keys[0].public_key = app.key("ngo-zh").public_key().to_text();
        let (status, body) = post(&app, "/api/v1/sealed/reports", &other_key).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(
            error_codes(&body),
            [("items.0.keys".into(), "not_in_ticket".into())]
        );
        let mut too_few = other_key;
        too_few.items[0].keys.remove(0);
        let (status, body) = post(&app, "/api/v1/sealed/reports", &too_few).await;
        assert_eq!(
            error_codes(&body),
            [("items.0.keys".into(), "not_in_ticket".into())]
        );
        assert_eq!(status, 422);

        // Shapes: an unknown format, a short nonce, a missing item, a duplicate one.
        let (_, good) = sealed_for(&app).await;
        let mut shapes = serde_json::to_value(&good).unwrap_or_default();
        shapes["items"][0]["format"] = json!(9);
        shapes["items"][1]["nonce"] = json!("AAAA");
        let (status, body) = post(&app, "/api/v1/sealed/reports", &shapes).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(
            error_codes(&body),
            [
                ("items.0.format".into(), "invalid_value".into()),
                ("items.0.nonce".into(), "invalid_value".into()),
                ("items.1.nonce".into(), "invalid_value".into()),
            ]
        );
        let mut one = serde_json::to_value(&good).unwrap_or_default();
        if let Some(items) = one["items"].as_array_mut() {
            items.truncate(1);
        }
        let (status, body) = post(&app, "/api/v1/sealed/reports", &one).await;
        assert_eq!(
            (status, error_codes(&body)),
            (422, vec![("items".into(), "required".into())])
        );
        let mut twice = serde_json::to_value(&good).unwrap_or_default();
        let first = twice["items"][0].clone();
        if let Some(items) = twice["items"].as_array_mut() {
            items.push(first);
        }
        let (status, body) = post(&app, "/api/v1/sealed/reports", &twice).await;
        assert_eq!(
            (status, error_codes(&body)),
            (422, vec![("items.2.kind".into(), "duplicate_field".into())])
        );
        let (status, _) = post(
            &app,
            "/api/v1/sealed/reports",
            &json!({"ticket": "x", "items": [], "extra": 1}),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(
            report_count(&app).await,
            0,
            "a refused submission stores nothing"
        );

        // The good one is taken once; the same ticket again is refused.
        let (status, body) = post(&app, "/api/v1/sealed/reports", &good).await;
        assert_eq!(status, 201, "{body}");
        let (status, body) = post(&app, "/api/v1/sealed/reports", &good).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (403, Some("ticket_refused")),
            "{body}"
        );
        assert_eq!(report_count(&app).await, 1);

        // Wrong routing facts get their fields named.
        let (status, body) = post(
            &app,
            "/api/v1/sealed/tickets",
            &json!({"location": {"country": "Atlantis"}, "narrative": "not a routing fact"}),
        )
        .await;
        assert_eq!(status, 422, "{body}");
    }
);

on_both_engines!(
    a_rotated_queue_key_makes_the_ticket_stale,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (_, sealed) = sealed_for(&app).await;
        let fresh = homeward::crypto::KeyPair::generate();
        app.tamper(
            "UPDATE queues SET public_key = $1 WHERE id = 'ngo-kh'",
            Some(fresh.public.to_bytes()),
            None,
        )
        .await;
        let (status, body) = post(&app, "/api/v1/sealed/reports", &sealed).await;
        // The tampered key lacks its signature, so the queue no longer receives at all; either
        // way the items are sealed to a key that is not current and nothing is stored.
        assert!(matches!(status, 409), "{status} {body}");
        assert_eq!(report_count(&app).await, 0);
    }
);

on_both_engines!(
    the_client_refuses_keys_no_pinned_organisation_vouches_for,
    |engine| async move {
        let app = spawn_app(engine).await;
        let input = report("pins");
        let ticket = issue(&app, &input).await;
        assert!(check_ticket(&ticket, &desk_pin(&app)).is_ok());
        // The partner alone vouches for its own queue, not for the desk or the consulate.
        let partner = vec![app.signers.of("partner").verifying_key()];
        assert!(matches!(
            check_ticket(&ticket, &partner),
            Err(ClientError::Unpinned(_))
        ));
        // A queue key swapped for one its organisation never signed.
        let mut swapped: Ticket =
            serde_json::from_value(serde_json::to_value(&ticket).unwrap_or_default())
                .unwrap_or_else(|e| panic!("{e}"));
        swapped.audiences.ngo[0].public_key = app.key("ngo-zh").public_key().to_text();
        assert!(matches!(
            check_ticket(&swapped, &desk_pin(&app)),
            Err(ClientError::BadSignature(_))
        ));
        // An organisation the desk never countersigned.
        let mut puppet: Ticket =
            serde_json::from_value(serde_json::to_value(&ticket).unwrap_or_default())
                .unwrap_or_else(|e| panic!("{e}"));
        let stranger = homeward::crypto::signing::SigningKey::generate();
        for org in &mut puppet.organisations {
            if org.id == "partner" {
                org.signing_key = Some(stranger.verifying_key().to_text());
            }
        }
        assert!(matches!(
            check_ticket(&puppet, &desk_pin(&app)),
            Err(ClientError::Unpinned(_))
        ));
    }
);

/// Seals `plaintext` in format 2 (AES-256-GCM, keys with HPKE AES-128-GCM), as a browser does.
fn seal_aes(ticket: &Ticket, kind: &str, plaintext: &[u8]) -> DeviceItem {
    let (id, recipients) = match kind {
        "report" => (&ticket.items.report, &ticket.audiences.ngo),
        _ => (&ticket.items.projection, &ticket.audiences.projection),
    };
    let report = uuid::Uuid::parse_str(&ticket.report_id).unwrap_or_default();
    let item = uuid::Uuid::parse_str(id).unwrap_or_default();
    let key = ItemKey::generate();
    let nonce: [u8; 12] = rand::random();
    let sealed = SealedItem::seal_with_nonce(2, &key, &nonce, (report, item), plaintext)
        .unwrap_or_else(|e| panic!("{e}"));
    let keys = recipients
        .iter()
        .map(|r| {
            let public = PublicKey::parse(&r.public_key).unwrap_or_else(|e| panic!("{e}"));
            let ikm: [u8; 32] = rand::random();
            let copy = SealedKey::seal_deterministic(
                Suite::Aes128Gcm,
                &public,
                &key,
                (report, item),
                &ikm,
            )
            .unwrap_or_else(|e| panic!("{e}"));
            DeviceKey {
                recipient: r.recipient.clone(),
                public_key: r.public_key.clone(),
                enc: URL_SAFE_NO_PAD.encode(&copy.enc),
                sealed_key: URL_SAFE_NO_PAD.encode(&copy.ciphertext),
            }
        })
        .collect();
    DeviceItem {
        kind: kind.into(),
        id: id.clone(),
        format: 2,
        nonce: URL_SAFE_NO_PAD.encode(nonce),
        ciphertext: URL_SAFE_NO_PAD.encode(&sealed.ciphertext),
        keys,
    }
}

on_both_engines!(
    the_browser_format_is_accepted_and_a_malformed_item_is_marked_not_fatal,
    |engine| async move {
        let app = spawn_app(engine).await;
        let input = report("browser");
        let ticket = issue(&app, &input).await;
        let projection = homeward::domain::report::ProjectionInput::of(&input).unwrap_or_default();
        let submission = SealedSubmission {
            ticket: ticket.ticket.clone(),
            items: vec![
                seal_aes(
                    &ticket,
                    "report",
                    &plaintext("report", &input).unwrap_or_default(),
                ),
                seal_aes(
                    &ticket,
                    "projection",
                    &plaintext("projection", &projection).unwrap_or_default(),
                ),
            ],
        };
        let (status, created) = post(&app, "/api/v1/sealed/reports", &submission).await;
        assert_eq!(status, 201, "{created}");
        let id = created["report_id"].as_str().unwrap_or_default().to_owned();
        let opened = app
            .open_as(uuid::Uuid::parse_str(&id).unwrap_or_default(), "ngo-kh")
            .await;
        assert!(opened[0].1.to_string().contains("browser-narrative"));
        assert!(page(&app, "ngo-kh", &id).await.contains("browser-compound"));

        // A device that seals nonsense: the report still opens, its item marked.
        let input = report("nonsense");
        let ticket = issue(&app, &input).await;
        let mut sealed = sealed_submit::seal(&ticket, &input).unwrap_or_else(|e| panic!("{e}"));
        let ids = (
            uuid::Uuid::parse_str(&ticket.report_id).unwrap_or_default(),
            uuid::Uuid::parse_str(&ticket.items.report).unwrap_or_default(),
        );
        let bad = plaintext(
            "report",
            &json!({"location": {"country": "Atlantis"}, "narrative": "nonsense-words"}),
        )
        .unwrap_or_default();
        sealed.items[0] =
            seal_one("report", ids, &bad, &ticket.audiences.ngo).unwrap_or_else(|e| panic!("{e}"));
        // A projection dressed as one the server sealed (no tag) is checked all the same.
        let disguised =
            serde_json::to_vec(&json!({"person": {"name": "disguised-name"}})).unwrap_or_default();
        let projection_id = uuid::Uuid::parse_str(&ticket.items.projection).unwrap_or_default();
        sealed.items[1] = seal_one(
            "projection",
            (ids.0, projection_id),
            &disguised,
            &ticket.audiences.projection,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let (status, created) = post(&app, "/api/v1/sealed/reports", &sealed).await;
        assert_eq!(status, 201, "{created}");
        let id = created["report_id"].as_str().unwrap_or_default().to_owned();
        let html = page(&app, "desk", &id).await;
        assert!(html.contains("malformed"), "{html}");
        assert!(
            html.contains("location.country (invalid_country)"),
            "{html}"
        );
        assert!(
            html.contains("nonsense-words"),
            "what was sent is shown beside the mark"
        );
        assert!(html.contains("homeward (invalid_value)"), "{html}");
        assert!(html.contains("disguised-name"));
    }
);

on_both_engines!(
    the_sealed_submit_command_seals_on_this_machine_and_prints_the_receipt,
    |engine| async move {
        let app = spawn_app(engine).await;
        let file = app.dir.path().join("report.json");
        let input = serde_json::to_vec(&report("cli")).unwrap_or_default();
        std::fs::write(&file, input).unwrap_or_else(|e| panic!("{e}"));
        let file = file.display().to_string();
        let desk = app.signers.of("operator").verifying_key().to_text();
        let stranger = homeward::crypto::signing::SigningKey::generate()
            .verifying_key()
            .to_text();
        let run = |pin: String| {
            let (address, file) = (app.address.clone(), file.clone());
            tokio::task::spawn_blocking(move || {
                std::process::Command::new(crate::process::binary())
                    .args([
                        "sealed-submit",
                        "--server",
                        &address,
                        "--pin",
                        &pin,
                        "--file",
                        &file,
                    ])
                    .output()
                    .unwrap_or_else(|e| panic!("{e}"))
            })
        };

        // A pin that vouches for nobody in the ticket: refused on this machine, nothing sent.
        let refused = run(stranger).await.unwrap_or_else(|e| panic!("{e}"));
        assert!(!refused.status.success());
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(said.contains("no pinned organisation vouches"), "{said}");
        assert_eq!(report_count(&app).await, 0);

        let done = run(desk).await.unwrap_or_else(|e| panic!("{e}"));
        let out = String::from_utf8_lossy(&done.stdout);
        assert!(
            done.status.success(),
            "{out} {}",
            String::from_utf8_lossy(&done.stderr)
        );
        let printed: Value = serde_json::from_str(out.trim()).unwrap_or_default();
        let code = printed["receipt_code"].as_str().unwrap_or_default();
        assert_eq!(code.len(), 24, "{printed}");
        let report_id = uuid::Uuid::parse_str(printed["report_id"].as_str().unwrap_or_default())
            .unwrap_or_default();
        let opened = app.open_as(report_id, "desk").await;
        assert!(opened[0].1.to_string().contains("cli-narrative"));
    }
);

on_both_engines!(
    a_ticket_being_submitted_buys_no_second_derivation,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (_, sealed) = sealed_for(&app).await;
        let derived = app.kdf.derivations();

        // Another submission of the same ticket holds its claim (it is deriving right now).
        app.tamper(
            &format!(
                "UPDATE sealed_tickets SET claimed_until = {}",
                homeward::store::now() + 3600
            ),
            None,
            None,
        )
        .await;
        let (status, body) = post(&app, "/api/v1/sealed/reports", &sealed).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (403, Some("ticket_refused")),
            "{body}"
        );
        assert_eq!(app.kdf.derivations(), derived, "refused before deriving");
        assert_eq!(report_count(&app).await, 0);

        // Its claim lapses (it crashed): the ticket works again, once.
        app.tamper("UPDATE sealed_tickets SET claimed_until = 1", None, None)
            .await;
        let (status, body) = post(&app, "/api/v1/sealed/reports", &sealed).await;
        assert_eq!(status, 201, "{body}");
        let (status, _) = post(&app, "/api/v1/sealed/reports", &sealed).await;
        assert_eq!(status, 403, "spent");
        assert_eq!(report_count(&app).await, 1);
    }
);

on_both_engines!(
    sealed_reports_are_limited_per_source_like_every_way_in,
    |engine| async move {
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                tweak: |s| s.limits.submissions_per_minute = 1,
                ..crate::helpers::Options::default()
            },
        )
        .await;
        let (_, mut forged) = sealed_for(&app).await;
        forged.ticket = URL_SAFE_NO_PAD.encode([9u8; 32]);
        // Twice the submission allowance: a retry for each ticket, then no more.
        for _ in 0..2 {
            let (status, _) = post(&app, "/api/v1/sealed/reports", &forged).await;
            assert_eq!(status, 403);
        }
        let (status, body) = post(&app, "/api/v1/sealed/reports", &forged).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (429, Some("too_many_requests")),
            "{body}"
        );
    }
);
