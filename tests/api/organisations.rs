//! Vetting takes two: the operator registers and vets an organisation over HTTP, the desk
//! organisation countersigns it offline, and only then do its queues receive. Suspension and any
//! change the countersignature does not cover stop them again.

use serde_json::json;

use crate::authorization::person;
use crate::helpers::{on_both_engines, spawn_with, Options, TestApp};

async fn queues_for_a_kh_report(app: &TestApp) -> Result<Vec<String>, u16> {
    let response = app
        .post_json(&json!({
            "location": {"country": "KH"},
            "narrative": "held in a compound",
            "consent": {"partner_ngos": true},
        }))
        .await;
    let status = response.status().as_u16();
    if status != 201 {
        return Err(status);
    }
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    let id = body["report_id"]
        .as_str()
        .and_then(|s| uuid::Uuid::parse_str(s).ok())
        .unwrap_or_else(|| panic!("no report id in {body}"));
    Ok(app.store.report_queues(id).await.unwrap_or_default())
}

async fn post(app: &TestApp, cookie: &str, path: &str, body: &str) -> (u16, String) {
    let response = app.post_form_with(path, body, Some(cookie)).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

fn details(app: &TestApp, id: &str, kind: &str, country: &str) -> String {
    format!(
        "id={id}&name=Org+{id}&kind={kind}&country={country}&contact=coordinator%40example.org&signing_key={}",
        app.signers.of(id).verifying_key().to_text()
    )
}

on_both_engines!(
    queues_receive_only_once_their_organisation_is_vetted_and_countersigned,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                vet_organisations: false,
                ..Options::default()
            },
        )
        .await;
        // No organisation is registered: the desk cannot receive, so intake issues no receipt.
        assert_eq!(queues_for_a_kh_report(&app).await, Err(503));

        let (cookie, csrf) = person(&app, "operator", None, "op.vetting").await;
        let page = app.get_with("/organisations", &cookie).await;
        let text = page.text().await.unwrap_or_default();
        assert!(text.contains("not registered by the operator"), "{text}");

        // The desk organisation: registering and recording its vetting is enough, since its
        // signing key is the one config names as the desk's.
        let (status, _) = post(
            &app,
            &cookie,
            "/organisations",
            &format!("csrf={csrf}&{}", details(&app, "operator", "ngo", "TH")),
        )
        .await;
        assert_eq!(status, 303);
        assert_eq!(queues_for_a_kh_report(&app).await, Err(503));
        let (status, _) = post(
            &app,
            &cookie,
            "/organisations/operator/vetting",
            &format!("csrf={csrf}&evidence=founding+organisation"),
        )
        .await;
        assert_eq!(status, 303);
        assert_eq!(queues_for_a_kh_report(&app).await, Ok(vec!["desk".into()]));

        // A partner the operator vets alone receives nothing.
        let partner = details(&app, "partner", "ngo", "KH");
        post(
            &app,
            &cookie,
            "/organisations",
            &format!("csrf={csrf}&{partner}"),
        )
        .await;
        let unvetted = app
            .get_with("/organisations/partner", &cookie)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(unvetted.contains("vetting not recorded"), "{unvetted}");
        assert!(unvetted.contains("homeward org countersign"), "{unvetted}");
        post(
            &app,
            &cookie,
            "/organisations/partner/vetting",
            &format!("csrf={csrf}&evidence=site+visit+2026-11-20"),
        )
        .await;
        assert_eq!(queues_for_a_kh_report(&app).await, Ok(vec!["desk".into()]));
        let page = app
            .get_with("/organisations/partner", &cookie)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(page.contains("no valid countersignature"), "{page}");
        assert!(
            page.contains("homeward org countersign"),
            "the form is offered: {page}"
        );
        assert!(page.contains("site visit 2026-11-20"), "{page}");

        // A countersignature made with any key but the desk organisation's is refused, and the
        // form names the problem.
        let forged =
            app.signers
                .of("partner")
                .sign(&homeward::crypto::signing::Statement::Organisation {
                    id: "partner",
                    kind: "ngo",
                    country: "KH",
                    key: &app.signers.of("partner").verifying_key(),
                });
        let (status, page) = post(
            &app,
            &cookie,
            "/organisations/partner/countersignature",
            &format!("csrf={csrf}&countersignature={}", forged.to_text()),
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("does not match"), "{page}");
        assert!(page.contains(&forged.to_text()), "what was typed is kept");

        let real = app.signers.countersignature("partner", "ngo", "KH");
        let (status, _) = post(
            &app,
            &cookie,
            "/organisations/partner/countersignature",
            &format!("csrf={csrf}&countersignature={}", real.to_text()),
        )
        .await;
        assert_eq!(status, 303);
        assert_eq!(
            queues_for_a_kh_report(&app).await,
            Ok(vec!["desk".into(), "ngo-kh".into()])
        );

        // Suspension stops it; reinstatement restores it.
        post(
            &app,
            &cookie,
            "/organisations/partner/suspension",
            &format!("csrf={csrf}&suspend=yes&confirm=yes"),
        )
        .await;
        assert_eq!(queues_for_a_kh_report(&app).await, Ok(vec!["desk".into()]));
        post(
            &app,
            &cookie,
            "/organisations/partner/suspension",
            &format!("csrf={csrf}&suspend=no"),
        )
        .await;
        assert_eq!(
            queues_for_a_kh_report(&app).await,
            Ok(vec!["desk".into(), "ngo-kh".into()])
        );

        // The operator alone cannot move a vetted organisation: a new country voids the
        // countersignature.
        let moved = details(&app, "partner", "ngo", "TH");
        let (status, _) = post(
            &app,
            &cookie,
            "/organisations/partner",
            &format!("csrf={csrf}&{moved}"),
        )
        .await;
        assert_eq!(status, 303);
        assert_eq!(queues_for_a_kh_report(&app).await, Ok(vec!["desk".into()]));

        let actions: Vec<String> = app
            .store
            .audit_entries(0, 1000)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for action in [
            "organisation_registered",
            "organisation_vetted",
            "organisation_countersigned",
            "organisation_suspended",
            "organisation_reinstated",
            "organisation_updated",
        ] {
            assert!(actions.iter().any(|a| a == action), "{action} not audited");
        }
    }
);

on_both_engines!(
    a_registration_with_mistakes_comes_back_filled_in,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                vet_organisations: false,
                ..Options::default()
            },
        )
        .await;
        let (cookie, csrf) = person(&app, "operator", None, "op.form").await;
        let (status, page) = post(
            &app,
            &cookie,
            "/organisations",
            &format!(
                "csrf={csrf}&id=Bad+Id&name=Rescue+Network&kind=ngo&country=XY&contact=&signing_key=hwov1.nope"
            ),
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("value=\"Rescue Network\""), "{page}");
        assert!(page.contains("value=\"XY\""), "{page}");
        assert!(page.contains("Use lower-case letters, digits and dashes."));
        assert!(page.contains("This is not a known country."));
        assert!(page.contains("This is not an hwov1. verifying key."));

        let (status, _) = post(
            &app,
            &cookie,
            "/organisations",
            &format!("csrf={csrf}&{}", details(&app, "partner", "ngo", "KH")),
        )
        .await;
        assert_eq!(status, 303);
        let (status, page) = post(
            &app,
            &cookie,
            "/organisations",
            &format!("csrf={csrf}&{}", details(&app, "partner", "ngo", "KH")),
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("registered already"), "{page}");
    }
);

on_both_engines!(
    check_config_with_a_database_says_which_queues_receive,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                vet_organisations: false,
                ..Options::default()
            },
        )
        .await;
        let run = || {
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_homeward"))
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .args(["check-config", "--database", &app.database_url])
                .env("HOMEWARD_ROUTING_FILE", app.dir.path().join("queues.toml"))
                .env("HOMEWARD_DATA_DIR", app.dir.path().join("data"))
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            (
                output.status.success(),
                String::from_utf8_lossy(&output.stdout).into_owned(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            )
        };
        let (ok, out, err) = run();
        assert!(!ok);
        assert!(err.contains("the desk cannot receive"), "{err}");
        assert!(
            out.contains("queue ngo-kh: receives nothing: its organisation is not registered"),
            "{out}"
        );

        let audit = app.audit();
        crate::helpers::vet_organisations(&app.store, &audit, &app.signers).await;
        let (ok, out, err) = run();
        assert!(ok, "{out}{err}");
        assert!(out.contains("queue desk: receives reports"), "{out}");
        assert!(out.contains("queue ngo-kh: receives reports"), "{out}");
    }
);

on_both_engines!(
    queue_changes_in_config_are_audited_and_shown_to_their_organisation,
    |engine| async move {
        let app = crate::helpers::spawn_app(engine).await;
        let declared = app.store.audit_entries(0, 100).await.unwrap_or_default();
        assert_eq!(
            declared
                .iter()
                .filter(|e| e.action == "queue_declared" && e.actor == "config")
                .count(),
            crate::helpers::QUEUES.len()
        );

        // The operator edits config: one queue's conditions change, another goes.
        let path = app.dir.path().join("queues.toml");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let edited = text.replace("countries = [\"KH\"]", "countries = [\"KH\", \"TH\"]");
        let edited = match edited.find("[[queue]]\nid = \"police-kh\"") {
            Some(at) => edited[..at].to_owned(),
            None => panic!("no police queue in {edited}"),
        };
        std::fs::write(&path, edited).unwrap_or_else(|e| panic!("{e}"));
        let settings = crate::helpers::settings(
            app.dir.path(),
            &app.database_url,
            app.secrets_file.clone(),
            std::net::IpAddr::from([127, 0, 0, 1]),
        );
        let restarted = homeward::startup::Application::build(settings)
            .await
            .unwrap_or_else(|e| panic!("{e:#}"));
        drop(restarted);

        let entries = app.store.audit_entries(0, 100).await.unwrap_or_default();
        let changed: Vec<(&str, &str)> = entries
            .iter()
            .skip(declared.len())
            .map(|e| (e.action.as_str(), e.subject.as_str()))
            .collect();
        assert_eq!(
            changed,
            vec![
                ("queue_changed", "queue:ngo-kh"),
                ("queue_withdrawn", "queue:police-kh")
            ]
        );
        let coordinator =
            crate::workspace::staff(&app, "coordinator", "partner", "coord.cfg").await;
        let page = app
            .get_with("/workspace", &coordinator)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(page.contains("ngo-kh: changed"), "{page}");
        assert!(
            !page.contains("police-kh"),
            "another organisation's queue: {page}"
        );
    }
);

/// The file an organisation sends the operator (`homeward org init`'s send-to-operator.json), as
/// its text, with the desk's countersignature in it.
fn sent_file(
    app: &TestApp,
    id: &str,
    country: &str,
    key: &homeward::crypto::signing::VerifyingKey,
) -> serde_json::Value {
    let countersignature =
        app.signers
            .of("operator")
            .sign(&homeward::crypto::signing::Statement::Organisation {
                id,
                kind: "ngo",
                country,
                key,
            });
    json!({
        "format": homeward::trust::send_file::FORMAT,
        "organisation": {"id": id, "name": format!("Org {id}"), "kind": "ngo", "country": country, "contact": "", "signing_key": key.to_text()},
        "queues": [],
        "countersignature": countersignature.to_text(),
    })
}

fn form_value(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

on_both_engines!(
    the_operator_registers_an_organisation_from_the_file_it_sent,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                vet_organisations: false,
                ..Options::default()
            },
        )
        .await;
        let (cookie, csrf) = person(&app, "operator", None, "op.file").await;
        let page = app
            .get_with("/organisations", &cookie)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(page.contains("Register from the file it sent"), "{page}");

        // Not the file: named beside the box, what was pasted kept, nothing registered.
        let pasted = "{\"organisation\": \"partner\"}";
        let (status, page) = post(
            &app,
            &cookie,
            "/organisations/from-file",
            &format!("csrf={csrf}&file={}", form_value(pasted)),
        )
        .await;
        assert_eq!(status, 422);
        assert!(
            page.contains("This is not the file homeward org init writes"),
            "{page}"
        );
        assert!(
            page.contains("{&#34;organisation&#34;: &#34;partner&#34;}")
                || page.contains("{&quot;organisation&quot;: &quot;partner&quot;}"),
            "{page}"
        );
        let registered = |id: &'static str| {
            let app = &app;
            async move {
                app.store
                    .organisation(id)
                    .await
                    .ok()
                    .flatten()
                    .is_some_and(|o| o.registered_at.is_some())
            }
        };
        assert!(!registered("partner").await);

        // Changed on the way (another country than the desk countersigned): nothing is
        // registered, and the box says why.
        let key = homeward::crypto::signing::SigningKey::generate().verifying_key();
        let mut changed = sent_file(&app, "partner-two", "KH", &key);
        changed["organisation"]["country"] = json!("TH");
        let (status, page) = post(
            &app,
            &cookie,
            "/organisations/from-file",
            &format!("csrf={csrf}&file={}", form_value(&changed.to_string())),
        )
        .await;
        assert_eq!(status, 422, "{page}");
        assert!(
            page.contains("This is not the file homeward org init writes"),
            "{page}"
        );
        assert!(!registered("partner-two").await);

        // The file as it was sent: its details, key and countersignature, in one paste.
        let file = sent_file(&app, "partner-two", "KH", &key);
        let (status, _) = post(
            &app,
            &cookie,
            "/organisations/from-file",
            &format!("csrf={csrf}&file={}", form_value(&file.to_string())),
        )
        .await;
        assert_eq!(status, 303);
        let page = app
            .get_with("/organisations/partner-two", &cookie)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(page.contains("Org partner-two"), "{page}");
        assert!(page.contains(&key.to_text()), "{page}");
        assert!(!page.contains("no valid countersignature"), "{page}");
        assert!(
            page.contains("vetting not recorded"),
            "vetting stays the operator's: {page}"
        );
        // A responder posting to it sees no list of organisations, whatever they paste.
        let (responder, responder_csrf) =
            person(&app, "responder", Some("partner"), "resp.file").await;
        let (status, page) = post(
            &app,
            &responder,
            "/organisations/from-file",
            &format!("csrf={responder_csrf}&file=x"),
        )
        .await;
        assert_eq!(status, 403, "{page}");
        assert!(!page.contains("Org partner-two"), "{page}");
        // Without a session: to the login page, nothing registered.
        let mut stranger = sent_file(&app, "partner-three", "KH", &key);
        stranger["organisation"]["id"] = json!("partner-three");
        let response = app
            .post_form_with(
                "/organisations/from-file",
                &format!("csrf={csrf}&file={}", form_value(&stranger.to_string())),
                None,
            )
            .await;
        let to = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(to.starts_with("/login"), "{to}");
        assert!(!registered("partner-three").await);
    }
);

on_both_engines!(
    a_name_or_contact_typed_on_two_lines_is_refused,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                vet_organisations: false,
                ..Options::default()
            },
        )
        .await;
        let (cookie, csrf) = person(&app, "operator", None, "op.lines").await;
        // A name that would start a `[[queue]]` line in the routing file's comments.
        let name = form_value("Partner\n[[queue]]\nid = \"planted\"");
        let body = format!(
            "csrf={csrf}&id=partner&name={name}&kind=ngo&country=KH&contact=a%0Db&signing_key={}",
            app.signers.of("partner").verifying_key().to_text()
        );
        let (status, page) = post(&app, &cookie, "/organisations", &body).await;
        assert_eq!(status, 422, "{page}");
        assert_eq!(
            page.matches("This answer contains characters that cannot be used.")
                .count(),
            2,
            "name and contact: {page}"
        );
        assert!(app
            .store
            .organisation("partner")
            .await
            .ok()
            .flatten()
            .is_none_or(|o| o.registered_at.is_none()));
    }
);
