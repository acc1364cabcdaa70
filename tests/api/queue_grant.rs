//! `homeward queue grant` on the organisation's own machine: it checks a member's chain against
//! the organisation's key, seals the queue key there and uploads only the sealed copy.

use homeward::cli::api_session::SessionError;
use homeward::cli::queue_grant::{check, grant, Grant, GrantError};
use secrecy::SecretString;
use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app};
use crate::workspace::account_id;
use crate::workspace_api::{api, certify_by_api, token};

on_both_engines!(
    a_queue_key_sealed_on_the_organisations_machine_reaches_only_a_certified_member,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = token(&app, "coordinator", "partner", "coord.grant").await;
        certify_by_api(&app, &coordinator, "partner", "coord.grant").await;
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/queues/ngo-kh/key",
            Some(&coordinator),
            Some(json!({"private_key": app.key("ngo-kh").to_text().as_str()})),
        )
        .await;
        assert_eq!(status, 201);
        let member = token(&app, "responder", "partner", "resp.grant").await;
        let stranger = token(&app, "responder", "partner", "resp.stranger").await;
        let member_id = account_id(&app, "resp.grant").await;
        let stranger_id = account_id(&app, "resp.stranger").await;
        let path = format!("/api/v1/members/{member_id}/certificate");
        let print = crate::workspace::fingerprint_of(&app, "resp.grant").await;
        let body = json!({ "fingerprint": print });
        assert_eq!(
            api(&app, "POST", &path, Some(&coordinator), Some(body))
                .await
                .0,
            204
        );
        let (report, _) = app
            .submit(&json!({"location": {"country": "KH"}, "narrative": "granted elsewhere", "consent": {"partner_ngos": true}}))
            .await;
        let report_path = format!("/api/v1/queues/ngo-kh/reports/{report}");
        assert_eq!(
            api(&app, "GET", &report_path, Some(&member), None).await.0,
            403
        );

        let token = SecretString::from(coordinator.clone());
        let organisation_key = app.signers.of("partner").verifying_key();
        let server = app.url("");
        let client = homeward::cli::api_session::client(&server).unwrap_or_else(|e| panic!("{e}"));
        let to = |account| Grant {
            client: &client,
            server: &server,
            token: &token,
            organisation: "partner",
            organisation_key: &organisation_key,
            queue: "ngo-kh",
            queue_key: app.key("ngo-kh"),
            account,
        };
        let given = grant(&to(&member_id)).await;
        assert_eq!(given.ok().as_deref(), Some("resp.grant"));
        assert_eq!(
            api(&app, "GET", &report_path, Some(&member), None).await.0,
            200
        );

        // An uncertified member gets nothing, whatever the machine is told.
        let refused = grant(&to(&stranger_id)).await;
        assert!(
            matches!(
                refused,
                Err(GrantError::Session(SessionError::Refused {
                    status: 403,
                    ..
                }))
            ),
            "{refused:?}"
        );
        assert_eq!(
            api(&app, "GET", &report_path, Some(&stranger), None)
                .await
                .0,
            403
        );

        // A chain the server doctored (the member's key swapped for another) fails on the
        // organisation's machine, before anything is sealed.
        let (status, mut chain) = api(
            &app,
            "GET",
            &format!("/api/v1/members/{member_id}/chain"),
            Some(&coordinator),
            None,
        )
        .await;
        assert_eq!(status, 200, "{chain}");
        chain["links"][0]["public_key"] =
            json!(homeward::crypto::KeyPair::generate().public.to_text());
        let doctored: homeward::trust::certification::MemberChain =
            serde_json::from_value(chain).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            check(&to(&member_id), &doctored),
            Err(GrantError::Uncertified(_))
        ));
        // ... and a copy uploaded straight to the server for the uncertified one is refused.
        let sealed = homeward::crypto::envelope::seal_queue_key(
            &homeward::crypto::KeyPair::generate().public,
            "ngo-kh",
            &stranger_id,
            app.key("ngo-kh"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let upload = homeward::trust::queue_keys::CopyUpload::new(
            &stranger_id,
            &app.key("ngo-kh").public_key(),
            &sealed,
        );
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/queues/ngo-kh/copies",
            Some(&coordinator),
            Some(serde_json::to_value(&upload).unwrap_or_default()),
        )
        .await;
        assert_eq!(status, 403);

        // A fellow coordinator who does not hold the queue cannot overwrite the member's good
        // copy with junk.
        let other =
            crate::workspace_api::token(&app, "coordinator", "partner", "coord.nonholder").await;
        certify_by_api(&app, &other, "partner", "coord.nonholder").await;
        let junk = homeward::crypto::envelope::seal_queue_key(
            &homeward::crypto::KeyPair::generate().public,
            "ngo-kh",
            &member_id,
            app.key("ngo-kh"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let upload = homeward::trust::queue_keys::CopyUpload::new(
            &member_id,
            &app.key("ngo-kh").public_key(),
            &junk,
        );
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/queues/ngo-kh/copies",
            Some(&other),
            Some(serde_json::to_value(&upload).unwrap_or_default()),
        )
        .await;
        assert_eq!(status, 403);
        assert_eq!(
            api(&app, "GET", &report_path, Some(&member), None).await.0,
            200,
            "the member's copy still opens"
        );

        // Another organisation's uncertified account is as unknown as one that never existed.
        let _outsider =
            crate::workspace_api::token(&app, "responder", "consulate-in", "resp.outsider").await;
        let outsider = account_id(&app, "resp.outsider").await;
        for id in [outsider.as_str(), "00000000-0000-4000-8000-000000000000"] {
            let path = format!("/api/v1/members/{id}/chain");
            assert_eq!(
                api(&app, "GET", &path, Some(&coordinator), None).await.0,
                404,
                "{id}"
            );
        }
    }
);

on_both_engines!(
    queue_grant_logs_in_with_what_the_coordinator_types_and_out_again,
    |engine| async move {
        use crate::accounts::{code_for, enrol, PASSWORD};
        let app = spawn_app(engine).await;
        // The coordinator, enrolled with their own TOTP secret, holds the queue.
        let invite = app.invite("coordinator", Some("partner")).await;
        let (secret, _) = enrol(&app, &invite, "coord.typed").await;
        let (_, session) = api(&app, "POST", "/api/v1/session", None, Some(json!({"username": "coord.typed", "password": PASSWORD, "code": code_for(&secret, 0)}))).await;
        let coordinator = session["token"].as_str().unwrap_or_default().to_owned();
        certify_by_api(&app, &coordinator, "partner", "coord.typed").await;
        let key = json!({"private_key": app.key("ngo-kh").to_text().as_str()});
        assert_eq!(
            api(
                &app,
                "POST",
                "/api/v1/queues/ngo-kh/key",
                Some(&coordinator),
                Some(key)
            )
            .await
            .0,
            201
        );
        let _member = token(&app, "responder", "partner", "resp.typed").await;
        let member_id = account_id(&app, "resp.typed").await;
        let print = crate::workspace::fingerprint_of(&app, "resp.typed").await;
        let certify = format!("/api/v1/members/{member_id}/certificate");
        assert_eq!(
            api(
                &app,
                "POST",
                &certify,
                Some(&coordinator),
                Some(json!({"fingerprint": print}))
            )
            .await
            .0,
            204
        );

        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let key_file = dir.path().join("queue-ngo-kh.key");
        std::fs::write(
            &key_file,
            format!("{}\n", app.key("ngo-kh").to_text().as_str()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let organisation_key = app.signers.of("partner").verifying_key().to_text();
        let server = app.url("");
        let typed = format!("{PASSWORD}\n{}\n", code_for(&secret, 1));
        let ran = tokio::task::spawn_blocking(move || {
            use std::io::Write;
            let mut child = std::process::Command::new(crate::process::binary())
                .args([
                    "queue",
                    "grant",
                    "--server",
                    &server,
                    "--username",
                    "coord.typed",
                    "--organisation",
                    "partner",
                    "--organisation-key",
                    &organisation_key,
                    "--queue",
                    "ngo-kh",
                    "--queue-key",
                    key_file.to_str().unwrap_or_default(),
                    "--account",
                    &member_id,
                ])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("{e}"));
            if let Some(mut stdin) = child.stdin.take() {
                stdin
                    .write_all(typed.as_bytes())
                    .unwrap_or_else(|e| panic!("{e}"));
            }
            child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&ran.stdout),
            String::from_utf8_lossy(&ran.stderr)
        );
        assert!(ran.status.success(), "{said}");
        assert!(said.contains("given to resp.typed"), "{said}");
        assert!(
            !said.contains(PASSWORD) && !said.contains("logging out failed"),
            "{said}"
        );
        // ("logging out failed" absent: the grant's own session was ended.)
    }
);
