//! The workspace as JSON: the same operations and the same authorisation as the pages, with a
//! bearer token instead of a cookie.

use serde_json::{json, Value};

use crate::accounts::{code_for, enrol};
use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{import, staff};

pub async fn api(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = match method {
        "GET" => app.client.get(app.url(path)),
        "DELETE" => app.client.delete(app.url(path)),
        _ => app.client.post(app.url(path)),
    };
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

pub async fn token(app: &TestApp, role: &str, org: &str, username: &str) -> String {
    let invite = app.invite(role, Some(org)).await;
    let (secret, _) = enrol(app, &invite, username).await;
    let (status, body) = api(
        app,
        "POST",
        "/api/v1/session",
        None,
        Some(json!({"username": username, "password": "violet river under nine lanterns", "code": code_for(&secret, 0)})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["token"].as_str().unwrap_or_default().to_owned()
}

/// The API's counterpart of `workspace::certify_offline`: the person sends the certificate their
/// organisation made offline for them.
pub async fn certify_by_api(app: &TestApp, bearer: &str, organisation: &str, username: &str) {
    let certificate = crate::workspace::organisation_certificate(app, organisation, username).await;
    let (status, body) = api(
        app,
        "POST",
        "/api/v1/account/certificate",
        Some(bearer),
        Some(json!({ "signature": certificate })),
    )
    .await;
    assert_eq!(status, 204, "certifying {username}: {body}");
}

on_both_engines!(
    the_workspace_answers_in_json_with_the_same_rules,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.api").await;
        import(&app, &coordinator, "ngo-kh").await;
        let responder = token(&app, "responder", "partner", "resp.api").await;
        let outsider = token(&app, "coordinator", "consulate-in", "other.api").await;
        // The coordinator certifies the responder and gives them a copy of the queue key.
        crate::workspace::give(&app, &coordinator, "ngo-kh", "resp.api").await;
        let responder_id = crate::workspace::account_id(&app, "resp.api").await;

        let (report, _) = app
        .submit(&json!({"location": {"country": "KH", "compound": "Api Tower"}, "narrative": "api words", "consent": {"partner_ngos": true}}))
        .await;
        let base = format!("/api/v1/queues/ngo-kh/reports/{report}");

        assert_eq!(api(&app, "GET", "/api/v1/queues", None, None).await.0, 401);
        assert_eq!(
            api(&app, "GET", "/api/v1/queues", Some("not-a-session"), None)
                .await
                .0,
            401
        );
        let (status, queues) = api(&app, "GET", "/api/v1/queues", Some(&responder), None).await;
        assert_eq!((status, queues), (200, json!({"queues": ["ngo-kh"]})));
        let (status, entries) = api(
            &app,
            "GET",
            "/api/v1/queues/ngo-kh/entries",
            Some(&responder),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(entries[0]["report_id"], report.to_string());

        let (status, denied) = api(&app, "GET", &base, Some(&outsider), None).await;
        assert_eq!(status, 403);
        assert!(!denied.to_string().contains("Api Tower"));
        let (status, opened) = api(&app, "GET", &base, Some(&responder), None).await;
        assert_eq!(status, 200);
        assert!(opened.to_string().contains("Api Tower"));

        let (status, state) = api(
            &app,
            "POST",
            &format!("{base}/claim"),
            Some(&responder),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(state["assignee"], responder_id);
        let (status, _) = api(
            &app,
            "POST",
            &format!("{base}/status"),
            Some(&responder),
            Some(json!({"status": "closed"})),
        )
        .await;
        assert_eq!(status, 422, "closing needs an outcome");
        let (status, state) = api(
            &app,
            "POST",
            &format!("{base}/status"),
            Some(&responder),
            Some(json!({"status": "acknowledged"})),
        )
        .await;
        assert_eq!(
            (status, state["status"].clone()),
            (200, json!("acknowledged"))
        );
        let (status, _) = api(
            &app,
            "POST",
            &format!("{base}/reply"),
            Some(&responder),
            Some(json!({"text": "we are coming"})),
        )
        .await;
        assert_eq!(status, 201);
        let (status, _) = api(
            &app,
            "POST",
            &format!("{base}/note"),
            Some(&responder),
            Some(json!({"text": "call the shelter"})),
        )
        .await;
        assert_eq!(status, 201);
        let (status, _) = api(
            &app,
            "POST",
            &format!("{base}/note"),
            Some(&responder),
            Some(json!({"txt": "typo"})),
        )
        .await;
        assert_eq!(status, 400);
        let (status, refused) = api(
            &app,
            "POST",
            &format!("{base}/refer"),
            Some(&responder),
            Some(json!({"to": "police-kh", "reason": "they can act"})),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(refused["code"], "no-consent");

        let (status, _) = api(&app, "DELETE", "/api/v1/session", Some(&responder), None).await;
        assert_eq!(status, 204);
        assert_eq!(
            api(&app, "GET", "/api/v1/queues", Some(&responder), None)
                .await
                .0,
            401
        );

        let (_, document) = api(&app, "GET", "/api/v1/openapi.json", None, None).await;
        for path in [
            "/api/v1/session",
            "/api/v1/queues/{queue}/entries",
            "/api/v1/queues/{queue}/reports/{report}/refer",
        ] {
            assert!(
                document["paths"].get(path).is_some(),
                "{path} not documented"
            );
        }
    }
);

on_both_engines!(
    operators_and_coordinators_work_through_the_api_too,
    |engine| async move {
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                vet_organisations: false,
                import_keys: false,
                ..crate::helpers::Options::default()
            },
        )
        .await;
        let operator = {
            let invite = app.invite("operator", None).await;
            let (secret, _) = enrol(&app, &invite, "op.api").await;
            let (_, body) = api(&app, "POST", "/api/v1/session", None, Some(json!({"username": "op.api", "password": "violet river under nine lanterns", "code": code_for(&secret, 0)}))).await;
            body["token"].as_str().unwrap_or_default().to_owned()
        };
        let coordinator = token(&app, "coordinator", "partner", "coord.admin.api").await;
        let details = |id: &str, country: &str| json!({"id": id, "name": id, "kind": "ngo", "country": country, "signing_key": app.signers.of(id).verifying_key().to_text()});

        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/organisations",
            Some(&coordinator),
            Some(details("partner", "KH")),
        )
        .await;
        assert_eq!(status, 403);
        let (status, errors) = api(&app, "POST", "/api/v1/organisations", Some(&operator), Some(json!({"id": "x", "name": "", "kind": "club", "country": "XY", "signing_key": "no"}))).await;
        assert_eq!(status, 422);
        let fields: Vec<&str> = errors["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(fields, vec!["name", "kind", "country", "signing_key"]);
        for (id, country) in [("operator", "TH"), ("partner", "KH")] {
            let (status, _) = api(
                &app,
                "POST",
                "/api/v1/organisations",
                Some(&operator),
                Some(details(id, country)),
            )
            .await;
            assert_eq!(status, 201);
            let (status, _) = api(
                &app,
                "POST",
                &format!("/api/v1/organisations/{id}/vetting"),
                Some(&operator),
                Some(json!({"evidence": "visited"})),
            )
            .await;
            assert_eq!(status, 204);
        }
        let countersignature = app
            .signers
            .countersignature("partner", "ngo", "KH")
            .to_text();
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/organisations/partner/countersignature",
            Some(&operator),
            Some(json!({"countersignature": countersignature})),
        )
        .await;
        assert_eq!(status, 204);
        let (status, listed) =
            api(&app, "GET", "/api/v1/organisations", Some(&operator), None).await;
        assert_eq!(status, 200);
        let partner = listed
            .as_array()
            .into_iter()
            .flatten()
            .find(|o| o["id"] == "partner")
            .cloned()
            .unwrap_or_default();
        assert_eq!(partner["standing"], "receives");
        let ngo_kh = partner["queues"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|q| q["id"] == "ngo-kh")
            .cloned()
            .unwrap_or_default();
        assert_eq!(ngo_kh["standing"], "key-not-imported");
        assert_eq!(
            api(
                &app,
                "GET",
                "/api/v1/organisations",
                Some(&coordinator),
                None
            )
            .await
            .0,
            403
        );

        // The coordinator is certified by the organisation's offline key, imports the key,
        // certifies and grants a member, removes them, rotates.
        certify_by_api(&app, &coordinator, "partner", "coord.admin.api").await;
        let key = app.key("ngo-kh").to_text();
        let (status, body) = api(
            &app,
            "POST",
            "/api/v1/queues/ngo-kh/key",
            Some(&coordinator),
            Some(json!({"private_key": key.as_str()})),
        )
        .await;
        assert_eq!((status, body["count"].clone()), (201, json!(1)));
        assert_eq!(
            api(
                &app,
                "POST",
                "/api/v1/queues/ngo-kh/key",
                Some(&operator),
                Some(json!({"private_key": key.as_str()}))
            )
            .await
            .0,
            403
        );
        let member = token(&app, "responder", "partner", "resp.admin.api").await;
        let member_id = app
            .store
            .members("partner")
            .await
            .unwrap_or_default()
            .into_iter()
            .find(|m| m.username == "resp.admin.api")
            .map(|m| m.account_id)
            .unwrap_or_default();
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/queues/ngo-kh/members",
            Some(&coordinator),
            Some(json!({"account": member_id})),
        )
        .await;
        assert_eq!(status, 403, "an uncertified member is given nothing");
        let (status, _) = api(
            &app,
            "POST",
            &format!("/api/v1/members/{member_id}/certificate"),
            Some(&coordinator),
            Some(json!({"fingerprint": crate::workspace::fingerprint_of(&app, "resp.admin.api").await})),
        )
        .await;
        assert_eq!(status, 204);
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/queues/ngo-kh/members",
            Some(&coordinator),
            Some(json!({"account": member_id})),
        )
        .await;
        assert_eq!(status, 201);
        let (status, due) = api(
            &app,
            "POST",
            &format!("/api/v1/members/{member_id}/remove"),
            Some(&coordinator),
            None,
        )
        .await;
        assert_eq!((status, due), (200, json!({"rotation_due": ["ngo-kh"]})));
        assert_eq!(
            api(&app, "GET", "/api/v1/queues", Some(&member), None)
                .await
                .0,
            401
        );
        let new = homeward::crypto::KeyPair::generate();
        let signature =
            app.signers
                .of("partner")
                .sign(&homeward::crypto::signing::Statement::QueueKey {
                    queue: "ngo-kh",
                    kind: "ngo",
                    key: &new.public,
                });
        let (status, rotated) = api(&app, "POST", "/api/v1/queues/ngo-kh/rotate", Some(&coordinator), Some(json!({"private_key": new.private.to_text().as_str(), "signature": signature.to_text()}))).await;
        assert_eq!(status, 200, "{rotated}");
        // The answer gives the routing file's lines for the new key, as the workspace shows them.
        assert_eq!(
            rotated["routing_lines"],
            json!(format!(
                "public_key = \"{}\"\nsignature = \"{}\"",
                new.public.to_text(),
                signature.to_text()
            )),
            "{rotated}"
        );
        let document: Value = app
            .get("/api/v1/openapi.json")
            .await
            .json()
            .await
            .unwrap_or(Value::Null);
        let answer =
            &document["paths"]["/api/v1/queues/{queue}/rotate"]["post"]["responses"]["200"];
        assert_eq!(
            answer["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/KeyRotated"
        );
        let field = &document["components"]["schemas"]["KeyRotated"]["properties"]["routing_lines"];
        assert_eq!(field["type"], "string", "{field}");
        assert!(!app.store.rotation_due("ngo-kh").await.unwrap_or(true));
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/organisations/partner/suspension",
            Some(&operator),
            Some(json!({"suspended": true})),
        )
        .await;
        assert_eq!(status, 204);
    }
);
