//! Invites, enrolment and members as JSON (issue 19): a set-up scripted from a fresh server to a
//! certified member holding a queue, by the workspace's own rules; and the workspace's invite
//! links labelled with what they are for, with the open ones revocable.

use serde_json::{json, Value};

use crate::accounts::{code_for, PASSWORD};
use crate::helpers::{
    captured_logs, client_from, codes_in_page, hidden, on_both_engines, spawn_app, TestApp,
};
use crate::workspace::{csrf_of, staff, uncertified_staff};
use crate::workspace_api::{api, certify_by_api, token};

/// A call whose answer's Cache-Control is wanted too.
async fn call(
    app: &TestApp,
    path: &str,
    bearer: Option<&str>,
    body: Value,
) -> (u16, String, Value) {
    let mut request = app.client.post(app.url(path)).json(&body);
    if let Some(bearer) = bearer {
        request = request.bearer_auth(bearer);
    }
    let response = request.send().await.unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    let cache = response
        .headers()
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, cache, response.json().await.unwrap_or(Value::Null))
}

/// Enrols through the API with the invite's link; the answer, which must be uncached.
async fn enrol_by_api(app: &TestApp, invite: &str, username: &str) -> Value {
    let body = json!({"invite": invite, "username": username, "password": PASSWORD});
    let (status, cache, enrolled) = call(app, "/api/v1/enrolment", None, body).await;
    assert_eq!(status, 201, "enrolling {username}: {enrolled}");
    assert_eq!(cache, "no-store");
    enrolled
}

/// Logs in through the API with the enrolment's TOTP secret; the bearer token.
async fn login_by_api(app: &TestApp, enrolled: &Value) -> String {
    let secret = enrolled["totp_secret"].as_str().unwrap_or_default();
    let body = json!({"username": enrolled["username"], "password": PASSWORD, "code": code_for(secret, 0)});
    let (status, session) = api(app, "POST", "/api/v1/session", None, Some(body)).await;
    assert_eq!(status, 201, "{session}");
    session["token"].as_str().unwrap_or_default().to_owned()
}

/// Makes an invite through the API; (status, answer).
async fn invite_by_api(app: &TestApp, bearer: &str, body: Value) -> (u16, Value) {
    let (status, cache, created) = call(app, "/api/v1/invites", Some(bearer), body).await;
    if status == 201 {
        assert_eq!(cache, "no-store", "{created}");
    }
    (status, created)
}

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_owned()
}

on_both_engines!(
    a_fresh_server_is_set_up_by_api_from_invite_to_a_member_holding_a_queue,
    |engine| async move {
        let app = spawn_app(engine).await;
        // The first operator, invited at the console, enrols and logs in by the API alone.
        let console = app.invite("operator", None).await;
        let operator_enrolled = enrol_by_api(&app, &console, "op.script").await;
        assert_eq!(operator_enrolled["role"], "operator");
        assert!(text(&operator_enrolled, "certify_command").contains("--operator"));
        let operator = login_by_api(&app, &operator_enrolled).await;

        // The operator invites the partner's first coordinator.
        let (status, created) = invite_by_api(
            &app,
            &operator,
            json!({"role": "coordinator", "organisation": "partner"}),
        )
        .await;
        assert_eq!(status, 201, "{created}");
        let link = text(&created, "link");
        assert!(link.ends_with(&format!("/invite/{}", text(&created, "token"))));
        let hours =
            (created["expires_at"].as_i64().unwrap_or_default() - homeward::store::now()) / 3600;
        assert!((71..=72).contains(&hours), "{created}");
        let (status, open) = api(&app, "GET", "/api/v1/invites", Some(&operator), None).await;
        assert_eq!(status, 200);
        assert_eq!(open.as_array().map(Vec::len), Some(1), "{open}");
        assert_eq!(open[0]["id"], created["id"]);
        assert_eq!(open[0]["role"], "coordinator");
        assert_eq!(open[0]["organisation"], "partner");
        assert_eq!(open[0]["organisation_name"], "partner (test)");
        assert_eq!(open[0]["invited_by"], "op.script");
        assert_eq!(open[0]["expires_at"], created["expires_at"]);
        assert!(!open.to_string().contains(&text(&created, "token")));

        // The coordinator enrols with the whole link; it is used up.
        let coordinator_enrolled = enrol_by_api(&app, &link, "coord.script").await;
        assert_eq!(coordinator_enrolled["role"], "coordinator");
        assert_eq!(coordinator_enrolled["organisation"], "partner");
        let command = text(&coordinator_enrolled, "certify_command");
        assert!(
            command.starts_with("homeward org certify")
                && command.contains("--organisation partner")
                && command.contains(&text(&coordinator_enrolled, "identity_key")),
            "{command}"
        );
        let again = json!({"invite": link, "username": "coord.twice", "password": PASSWORD});
        assert_eq!(call(&app, "/api/v1/enrolment", None, again).await.0, 404);
        let coordinator = login_by_api(&app, &coordinator_enrolled).await;
        certify_by_api(&app, &coordinator, "partner", "coord.script").await;
        let key = json!({"private_key": app.key("ngo-kh").to_text().as_str()});
        let (status, _) = api(
            &app,
            "POST",
            "/api/v1/queues/ngo-kh/key",
            Some(&coordinator),
            Some(key),
        )
        .await;
        assert_eq!(status, 201);

        // The coordinator invites a responder; an operator's invite into the partner shows in
        // the coordinator's list too, and the coordinator may revoke it.
        let (status, for_responder) = invite_by_api(
            &app,
            &coordinator,
            json!({"role": "responder", "organisation": "partner"}),
        )
        .await;
        assert_eq!(status, 201, "{for_responder}");
        let (_, planted) = invite_by_api(
            &app,
            &operator,
            json!({"role": "coordinator", "organisation": "partner"}),
        )
        .await;
        let (_, open) = api(&app, "GET", "/api/v1/invites", Some(&coordinator), None).await;
        let ids: Vec<&Value> = open
            .as_array()
            .map(|a| a.iter().map(|i| &i["id"]).collect())
            .unwrap_or_default();
        assert_eq!(ids.len(), 2, "{open}");
        assert!(ids.contains(&&for_responder["id"]) && ids.contains(&&planted["id"]));
        let revoke = format!("/api/v1/invites/{}", text(&planted, "id"));
        assert_eq!(
            api(&app, "DELETE", &revoke, Some(&coordinator), None)
                .await
                .0,
            204
        );
        assert_eq!(
            api(&app, "DELETE", &revoke, Some(&coordinator), None)
                .await
                .0,
            404
        );
        let revoked = json!({"invite": text(&planted, "token"), "username": "coord.planted", "password": PASSWORD});
        assert_eq!(call(&app, "/api/v1/enrolment", None, revoked).await.0, 404);
        // The operator's list no longer holds it either.
        let (_, open) = api(&app, "GET", "/api/v1/invites", Some(&operator), None).await;
        assert_eq!(open, json!([]));

        // The responder enrols with the bare token and logs in.
        let responder_enrolled =
            enrol_by_api(&app, &text(&for_responder, "token"), "resp.script").await;
        let responder = login_by_api(&app, &responder_enrolled).await;
        let responder_id = text(&responder_enrolled, "account_id");

        // The member list: role, standing, queues.
        let members = "/api/v1/organisations/partner/members";
        let (status, listed) = api(&app, "GET", members, Some(&coordinator), None).await;
        assert_eq!(status, 200, "{listed}");
        let member = |name: &str| {
            listed
                .as_array()
                .and_then(|a| a.iter().find(|m| m["username"] == name))
                .cloned()
                .unwrap_or(Value::Null)
        };
        assert_eq!(member("coord.script")["certified"], true);
        assert_eq!(member("coord.script")["queues"], json!(["ngo-kh"]));
        assert_eq!(member("resp.script")["account_id"], responder_id.as_str());
        assert_eq!(member("resp.script")["role"], "responder");
        assert_eq!(member("resp.script")["standing"], "not-certified");
        assert_eq!(member("resp.script")["queues"], json!([]));

        // Not certified yet: the queue is not given.
        let give = format!("{members}/resp.script/queues");
        let queue = json!({"queue": "ngo-kh"});
        let (status, refused) =
            api(&app, "POST", &give, Some(&coordinator), Some(queue.clone())).await;
        assert_eq!(status, 403, "{refused}");
        // Certified with the fingerprint the enrolment answered, then given it by username.
        let certify = format!("/api/v1/members/{responder_id}/certificate");
        let fingerprint = json!({"fingerprint": text(&responder_enrolled, "identity_fingerprint")});
        assert_eq!(
            api(
                &app,
                "POST",
                &certify,
                Some(&coordinator),
                Some(fingerprint)
            )
            .await
            .0,
            204
        );
        let (status, given) = api(&app, "POST", &give, Some(&coordinator), Some(queue)).await;
        assert_eq!(status, 201, "{given}");
        assert_eq!(
            given,
            json!({"account_id": responder_id, "queue": "ngo-kh"})
        );
        let (_, listed) = api(&app, "GET", members, Some(&coordinator), None).await;
        let responder_row = listed
            .as_array()
            .and_then(|a| a.iter().find(|m| m["username"] == "resp.script"))
            .cloned()
            .unwrap_or(Value::Null);
        assert_eq!(responder_row["standing"], "certified");
        assert_eq!(responder_row["queues"], json!(["ngo-kh"]));
        let (status, queues) = api(&app, "GET", "/api/v1/queues", Some(&responder), None).await;
        assert_eq!((status, queues), (200, json!({"queues": ["ngo-kh"]})));

        // A field named wrong is named back.
        let (status, wrong) = invite_by_api(&app, &coordinator, json!({"role": "chief"})).await;
        assert_eq!(status, 422);
        let fields: Vec<&str> = wrong["errors"]
            .as_array()
            .map(|e| e.iter().filter_map(|f| f["field"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(fields, vec!["role", "organisation"], "{wrong}");
        let (status, wrong) = invite_by_api(
            &app,
            &operator,
            json!({"role": "coordinator", "organisation": "no-such-org"}),
        )
        .await;
        assert_eq!(
            (status, wrong["errors"][0]["code"].clone()),
            (422, json!("unknown_choice"))
        );
        let (status, _) = invite_by_api(
            &app,
            &operator,
            json!({"role": "coordinator", "organisation": "partner", "extra": 1}),
        )
        .await;
        assert_eq!(status, 422);
        // A used token is refused before the name and password are weighed; with a usable
        // one, they are named.
        let used = json!({"invite": text(&for_responder, "token"), "username": "Bad Name", "password": "short"});
        assert_eq!(call(&app, "/api/v1/enrolment", None, used).await.0, 404);
        let fresh = app.invite("responder", Some("partner")).await;
        let weak = json!({"invite": fresh, "username": "Bad Name", "password": "short"});
        assert_eq!(call(&app, "/api/v1/enrolment", None, weak).await.0, 422);

        // Every step audited as the pages audit it; no secret in the log.
        let entries = app.store.audit_entries(0, 500).await.unwrap_or_default();
        let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
        for expected in [
            "invite_created",
            "invite_revoked",
            "account_enrolled",
            "queue_key_granted",
            "member_certified",
        ] {
            assert!(
                actions.contains(&expected),
                "{expected} missing from {actions:?}"
            );
        }
        let logs = captured_logs();
        for enrolled in [
            &operator_enrolled,
            &coordinator_enrolled,
            &responder_enrolled,
        ] {
            for secret in ["totp_secret", "recovery_key"] {
                let value = text(enrolled, secret);
                assert!(
                    !value.is_empty() && !logs.contains(&value),
                    "the logs hold a {secret}"
                );
            }
        }
        for secret in [
            PASSWORD.to_owned(),
            console,
            text(&created, "token"),
            text(&for_responder, "token"),
            text(&planted, "token"),
            coordinator,
        ] {
            assert!(!logs.contains(&secret), "the logs hold {secret}");
        }
    }
);

on_both_engines!(
    invites_and_members_stay_within_the_organisation,
    |engine| async move {
        let app = spawn_app(engine).await;
        let partner = token(&app, "coordinator", "partner", "coord.pa").await;
        certify_by_api(&app, &partner, "partner", "coord.pa").await;
        let consul = token(&app, "coordinator", "consulate-in", "coord.ci").await;
        certify_by_api(&app, &consul, "consulate-in", "coord.ci").await;
        let key = json!({"private_key": app.key("consular-in").to_text().as_str()});
        assert_eq!(
            api(
                &app,
                "POST",
                "/api/v1/queues/consular-in/key",
                Some(&consul),
                Some(key)
            )
            .await
            .0,
            201
        );
        let clerk = token(&app, "responder", "consulate-in", "resp.ci").await;
        let (status, theirs) = invite_by_api(
            &app,
            &consul,
            json!({"role": "responder", "organisation": "consulate-in"}),
        )
        .await;
        assert_eq!(status, 201);
        let theirs_id = text(&theirs, "id");

        // The partner's coordinator can neither invite into, list, nor revoke for the consulate.
        let into_other = json!({"role": "responder", "organisation": "consulate-in"});
        assert_eq!(invite_by_api(&app, &partner, into_other).await.0, 403);
        let unknown = json!({"role": "responder", "organisation": "no-such-org"});
        assert_eq!(
            invite_by_api(&app, &partner, unknown).await.0,
            403,
            "unknown or not yours: alike"
        );
        assert_eq!(
            invite_by_api(&app, &partner, json!({"role": "operator"}))
                .await
                .0,
            403
        );
        let (_, open) = api(&app, "GET", "/api/v1/invites", Some(&partner), None).await;
        assert_eq!(open, json!([]));
        let revoke = format!("/api/v1/invites/{theirs_id}");
        let (status, answer) = api(&app, "DELETE", &revoke, Some(&partner), None).await;
        assert_eq!(status, 404);
        let (unknown_status, unknown_answer) = api(
            &app,
            "DELETE",
            "/api/v1/invites/00000000000000000000000000000000",
            Some(&partner),
            None,
        )
        .await;
        assert_eq!(
            (status, answer),
            (unknown_status, unknown_answer),
            "as if it never was"
        );
        // Nor see its members, nor give its queue, by either organisation's path.
        let (status, answer) = api(
            &app,
            "GET",
            "/api/v1/organisations/consulate-in/members",
            Some(&partner),
            None,
        )
        .await;
        assert_eq!(status, 404);
        assert!(!answer.to_string().contains("resp.ci"));
        let (status, _) = api(
            &app,
            "GET",
            "/api/v1/organisations/no-such-org/members",
            Some(&partner),
            None,
        )
        .await;
        assert_eq!(status, 404);
        let queue = json!({"queue": "consular-in"});
        let give_there = "/api/v1/organisations/consulate-in/members/resp.ci/queues";
        assert_eq!(
            api(
                &app,
                "POST",
                give_there,
                Some(&partner),
                Some(queue.clone())
            )
            .await
            .0,
            404
        );
        let give_here = "/api/v1/organisations/partner/members/resp.ci/queues";
        assert_eq!(
            api(&app, "POST", give_here, Some(&partner), Some(queue.clone()))
                .await
                .0,
            404
        );
        let own_queue_their_member = json!({"queue": "ngo-kh"});
        assert_eq!(
            api(
                &app,
                "POST",
                give_here,
                Some(&partner),
                Some(own_queue_their_member)
            )
            .await
            .0,
            404
        );
        let holders = app.store.holders("consular-in").await.unwrap_or_default();
        assert_eq!(holders.len(), 1, "only the consul holds it");
        // The consulate's invite still works for its holder.
        let (_, open) = api(&app, "GET", "/api/v1/invites", Some(&consul), None).await;
        assert_eq!(open[0]["id"], theirs_id.as_str());

        // A responder invites no one and lists nothing.
        let own = json!({"role": "responder", "organisation": "consulate-in"});
        assert_eq!(invite_by_api(&app, &clerk, own).await.0, 403);
        assert_eq!(
            api(&app, "GET", "/api/v1/invites", Some(&clerk), None)
                .await
                .0,
            403
        );
        assert_eq!(
            api(&app, "DELETE", &revoke, Some(&clerk), None).await.0,
            403
        );
        assert_eq!(
            api(
                &app,
                "GET",
                "/api/v1/organisations/consulate-in/members",
                Some(&clerk),
                None
            )
            .await
            .0,
            403
        );
        // Nor does a coordinator the organisation never certified (one the operator planted).
        let planted = token(&app, "coordinator", "consulate-in", "coord.planted").await;
        let own = json!({"role": "responder", "organisation": "consulate-in"});
        assert_eq!(invite_by_api(&app, &planted, own).await.0, 403);
        assert_eq!(
            api(&app, "GET", "/api/v1/invites", Some(&planted), None)
                .await
                .0,
            403
        );
        assert_eq!(
            api(
                &app,
                "GET",
                "/api/v1/organisations/consulate-in/members",
                Some(&planted),
                None
            )
            .await
            .0,
            403
        );

        // The operator invites no responder, sees no member and gives no queue; no report is
        // read through any of it.
        let console = app.invite("operator", None).await;
        let operator_enrolled = enrol_by_api(&app, &console, "op.limits").await;
        let operator = login_by_api(&app, &operator_enrolled).await;
        let (report, _) = app
            .submit(&json!({"location": {"country": "KH", "compound": "Invite Tower"}, "narrative": "operator must not read", "consent": {"partner_ngos": true, "consulate": true}, "person": {"nationality": "IN"}}))
            .await;
        let responder = json!({"role": "responder", "organisation": "consulate-in"});
        assert_eq!(invite_by_api(&app, &operator, responder).await.0, 403);
        let (status, answer) = api(
            &app,
            "GET",
            "/api/v1/organisations/consulate-in/members",
            Some(&operator),
            None,
        )
        .await;
        assert_eq!(status, 403, "{answer}");
        assert_eq!(
            api(&app, "POST", give_there, Some(&operator), Some(queue))
                .await
                .0,
            403
        );
        let (_, open) = api(&app, "GET", "/api/v1/invites", Some(&operator), None).await;
        assert!(
            !open.to_string().contains(&theirs_id),
            "a responder's invite is not the operator's: {open}"
        );
        let read = format!("/api/v1/queues/consular-in/reports/{report}");
        let (status, answer) = api(&app, "GET", &read, Some(&operator), None).await;
        assert_eq!(status, 403);
        assert!(!answer.to_string().contains("Invite Tower"));
        // The console's operator invite (a recovery) is neither listed nor revoked by an
        // operator, who could otherwise undo it.
        let recovery = app.console_accounts().recovery_invite().await;
        assert!(recovery.is_ok());
        let console_ids = app
            .strings("SELECT id FROM invites WHERE created_by IS NULL AND used_at IS NULL AND role = 'operator'")
            .await;
        assert_eq!(console_ids.len(), 1);
        let (_, open) = api(&app, "GET", "/api/v1/invites", Some(&operator), None).await;
        assert!(!open.to_string().contains(&console_ids[0]), "{open}");
        let undo = format!("/api/v1/invites/{}", console_ids[0]);
        assert_eq!(
            api(&app, "DELETE", &undo, Some(&operator), None).await.0,
            404
        );
        // Neither does an operator the desk never countersigned (one an operator invited).
        let (_, second) = invite_by_api(&app, &operator, json!({"role": "operator"})).await;
        let second_enrolled = enrol_by_api(&app, &text(&second, "link"), "op.second").await;
        let second_operator = login_by_api(&app, &second_enrolled).await;
        let coordinator = json!({"role": "coordinator", "organisation": "partner"});
        assert_eq!(
            invite_by_api(&app, &second_operator, coordinator).await.0,
            403
        );

        // A revoked or expired invite enrols no one, and an expired one is not listed.
        let (_, expiring) = invite_by_api(
            &app,
            &consul,
            json!({"role": "responder", "organisation": "consulate-in"}),
        )
        .await;
        app.tamper(
            &format!(
                "UPDATE invites SET expires_at = 1 WHERE id = '{}'",
                text(&expiring, "id")
            ),
            None,
            None,
        )
        .await;
        let late = json!({"invite": text(&expiring, "token"), "username": "resp.late", "password": PASSWORD});
        assert_eq!(call(&app, "/api/v1/enrolment", None, late).await.0, 404);
        let (_, open) = api(&app, "GET", "/api/v1/invites", Some(&consul), None).await;
        assert!(!open.to_string().contains(&text(&expiring, "id")), "{open}");
        let expired_revoke = format!("/api/v1/invites/{}", text(&expiring, "id"));
        assert_eq!(
            api(&app, "DELETE", &expired_revoke, Some(&consul), None)
                .await
                .0,
            404
        );
        assert_eq!(
            api(&app, "DELETE", &revoke, Some(&consul), None).await.0,
            204
        );
        let revoked = json!({"invite": text(&theirs, "token"), "username": "resp.revoked", "password": PASSWORD});
        assert_eq!(call(&app, "/api/v1/enrolment", None, revoked).await.0, 404);
        assert!(app
            .store
            .account_by_username("resp.revoked")
            .await
            .ok()
            .flatten()
            .is_none());

        // Without a session: 401, before anything else.
        assert_eq!(api(&app, "GET", "/api/v1/invites", None, None).await.0, 401);
        assert_eq!(
            call(&app, "/api/v1/invites", None, json!({"role": "operator"}))
                .await
                .0,
            401
        );
        assert_eq!(
            api(
                &app,
                "GET",
                "/api/v1/organisations/partner/members",
                None,
                None
            )
            .await
            .0,
            401
        );
    }
);

on_both_engines!(
    the_workspace_labels_each_invite_link_and_revokes_open_ones,
    |engine| async move {
        let app = spawn_app(engine).await;
        let cookie = staff(&app, "coordinator", "partner", "coord.label").await;
        let csrf = csrf_of(&app, &cookie).await;
        let saved = app
            .post_form_with(
                "/settings",
                &format!("csrf={csrf}&language=th&time_zone=Asia%2FBangkok"),
                Some(&cookie),
            )
            .await;
        assert_eq!(saved.status().as_u16(), 200);
        let made = app
            .post_form_with(
                "/invites",
                &format!("csrf={csrf}&organisation=partner&role=responder"),
                Some(&cookie),
            )
            .await;
        assert_eq!(made.status().as_u16(), 200);
        let html = made.text().await.unwrap_or_default();
        // The new link says what it is for, in the coordinator's language and time zone.
        assert!(
            html.contains("สำหรับ: ผู้ปฏิบัติงานรับเรื่อง ของ partner (test) ใช้ได้ถึง")
                && html.contains("(UTC+07:00)"),
            "{html}"
        );
        let link = codes_in_page(&html).pop().unwrap_or_default();
        let token = link
            .rsplit_once("/invite/")
            .map(|(_, t)| t.to_owned())
            .unwrap_or_default();
        assert!(!token.is_empty(), "{html}");
        // ... and is listed among the open ones with a revoke button.
        let id = html
            .split("action=\"/invites/")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_default()
            .to_owned();
        assert!(!id.is_empty() && html.contains("คำเชิญที่ยังเปิดอยู่"), "{html}");
        assert_eq!(
            app.strings("SELECT id FROM invites WHERE used_at IS NULL")
                .await,
            vec![id.clone()]
        );

        // Without the form's token the revoke is refused; with it, the link stops working.
        let forged = app
            .post_form_with(
                &format!("/invites/{id}/revoke"),
                "csrf=forged",
                Some(&cookie),
            )
            .await;
        assert_eq!(forged.status().as_u16(), 403);
        assert_eq!(
            app.get(&format!("/invite/{token}")).await.status().as_u16(),
            200
        );
        let csrf = hidden(&html, "csrf");
        let revoked = app
            .post_form_with(
                &format!("/invites/{id}/revoke"),
                &format!("csrf={csrf}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(revoked.status().as_u16(), 200);
        let page = revoked.text().await.unwrap_or_default();
        assert!(page.contains("เพิกถอนคำเชิญแล้ว"), "{page}");
        assert!(
            !page.contains(&format!("action=\"/invites/{id}/revoke\"")),
            "{page}"
        );
        assert_eq!(
            app.get(&format!("/invite/{token}")).await.status().as_u16(),
            404
        );
        // Revoking it again says so, as a refusal.
        let again = app
            .post_form_with(
                &format!("/invites/{id}/revoke"),
                &format!("csrf={csrf}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(again.status().as_u16(), 404);
        assert!(again
            .text()
            .await
            .unwrap_or_default()
            .contains("คำเชิญนี้ถูกใช้หรือถูกเพิกถอนไปแล้ว"));

        // A responder's workspace lists no invites and offers no revoke.
        let responder = uncertified_staff(&app, "responder", "partner", "resp.label").await;
        let html = app
            .get_with("/workspace", &responder)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(!html.contains("/revoke\""), "{html}");
        let other = app.invite("responder", Some("partner")).await;
        let html = app
            .get_with("/workspace", &responder)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(!html.contains("action=\"/invites/"), "{other}: {html}");
    }
);

on_both_engines!(
    the_openapi_document_declares_the_bearer_scheme_on_staff_operations,
    |engine| async move {
        let app = spawn_app(engine).await;
        let document: Value = app
            .get("/api/v1/openapi.json")
            .await
            .json()
            .await
            .unwrap_or(Value::Null);
        let scheme = &document["components"]["securitySchemes"]["bearer"];
        assert_eq!(
            (scheme["type"].clone(), scheme["scheme"].clone()),
            (json!("http"), json!("bearer"))
        );
        let bearer = json!([{"bearer": []}]);
        for (path, method) in [
            ("/api/v1/invites", "post"),
            ("/api/v1/invites", "get"),
            ("/api/v1/invites/{invite}", "delete"),
            ("/api/v1/organisations/{organisation}/members", "get"),
            (
                "/api/v1/organisations/{organisation}/members/{username}/queues",
                "post",
            ),
            ("/api/v1/queues", "get"),
            ("/api/v1/session", "delete"),
            ("/api/v1/overview", "get"),
        ] {
            assert_eq!(
                document["paths"][path][method]["security"], bearer,
                "{method} {path}"
            );
        }
        for (path, method) in [
            ("/api/v1/enrolment", "post"),
            ("/api/v1/session", "post"),
            ("/api/v1/reports", "post"),
        ] {
            assert!(
                document["paths"][path][method].is_object(),
                "{method} {path}"
            );
            assert!(
                document["paths"][path][method]["security"].is_null(),
                "{method} {path}"
            );
        }
    }
);

/// How many audit entries of `action` name the invite `id` in their subject.
fn audited(entries: &[homeward::store::AuditRow], action: &str, id: &str) -> usize {
    let named = format!("invite:{id}");
    entries
        .iter()
        .filter(|e| e.action == action && e.subject.split(' ').any(|word| word == named))
        .count()
}

on_both_engines!(
    an_invite_is_audited_by_its_public_id_and_never_by_its_token,
    |engine| async move {
        let app = spawn_app(engine).await;
        let console = app.invite("operator", None).await;
        let enrolled = enrol_by_api(&app, &console, "op.audited").await;
        let operator = login_by_api(&app, &enrolled).await;
        let body = json!({"role": "coordinator", "organisation": "partner"});
        let (status, revoked) = invite_by_api(&app, &operator, body.clone()).await;
        assert_eq!(status, 201, "{revoked}");
        let (status, kept) = invite_by_api(&app, &operator, body).await;
        assert_eq!(status, 201, "{kept}");
        let revoked_id = text(&revoked, "id");
        let path = format!("/api/v1/invites/{revoked_id}");
        assert_eq!(
            api(&app, "DELETE", &path, Some(&operator), None).await.0,
            204
        );

        // The entry that made an invite and the one that revoked it name the same public id.
        let entries = app.store.audit_entries(0, 500).await.unwrap_or_default();
        assert_eq!(audited(&entries, "invite_created", &revoked_id), 1);
        assert_eq!(audited(&entries, "invite_revoked", &revoked_id), 1);
        let kept_id = text(&kept, "id");
        assert_eq!(audited(&entries, "invite_created", &kept_id), 1);
        assert_eq!(audited(&entries, "invite_revoked", &kept_id), 0);
        // The console's invite is named the same way.
        let console_ids = app
            .strings("SELECT id FROM invites WHERE created_by IS NULL AND role = 'operator'")
            .await;
        assert_eq!(console_ids.len(), 1);
        assert_eq!(audited(&entries, "invite_created", &console_ids[0]), 1);
        // No token and no link anywhere in the log.
        let all = format!("{entries:?}");
        for secret in [
            console,
            text(&revoked, "token"),
            text(&revoked, "link"),
            text(&kept, "token"),
            text(&kept, "link"),
        ] {
            assert!(!secret.is_empty() && !all.contains(&secret), "{secret}");
        }
    }
);

/// The token of the invite link `homeward admin bootstrap` printed.
fn printed_token(out: &str) -> String {
    out.split_once("/invite/")
        .map(|(_, rest)| {
            rest.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .unwrap_or_else(|| panic!("no invite link in {out}"))
}

on_both_engines!(
    a_new_console_link_for_the_first_operator_revokes_the_earlier_ones,
    |engine| async move {
        let app = spawn_app(engine).await;
        let config = crate::process::write_config(&app, "", "");
        let bootstrap = || {
            let (ok, out, err) = crate::process::run(&config, &["admin", "bootstrap"]);
            assert!(ok, "{err}");
            printed_token(&out)
        };
        let leaked = bootstrap();
        let fresh = bootstrap();
        assert_ne!(leaked, fresh);

        // The first link enrols no one any more, over the same call a script would make.
        let body = |invite: &str, username: &str| json!({"invite": invite, "username": username, "password": PASSWORD});
        let (status, _, answer) =
            call(&app, "/api/v1/enrolment", None, body(&leaked, "op.leaked")).await;
        assert_eq!(status, 404, "{answer}");
        assert_eq!(
            app.get(&format!("/invite/{leaked}"))
                .await
                .status()
                .as_u16(),
            404
        );
        let enrolled = enrol_by_api(&app, &fresh, "op.fresh").await;
        assert_eq!(enrolled["role"], "operator");

        // The revocation is audited: the earlier invite by its id, replaced by the later one.
        let entries = app.store.audit_entries(0, 500).await.unwrap_or_default();
        let created: Vec<&str> = entries
            .iter()
            .filter(|e| e.action == "invite_created" && e.actor == "cli")
            .filter_map(|e| e.subject.split(' ').next()?.strip_prefix("invite:"))
            .collect();
        assert_eq!(created.len(), 2, "{entries:?}");
        let revoked: Vec<&homeward::store::AuditRow> = entries
            .iter()
            .filter(|e| e.action == "invite_revoked")
            .collect();
        assert_eq!(revoked.len(), 1, "{entries:?}");
        assert_eq!(revoked[0].actor, "cli");
        assert!(
            revoked[0]
                .subject
                .starts_with(&format!("invite:{} ", created[0]))
                && revoked[0]
                    .subject
                    .ends_with(&format!("replaced_by:{}", created[1])),
            "{}",
            revoked[0].subject
        );
        let all = format!("{entries:?}");
        assert!(!all.contains(&leaked) && !all.contains(&fresh));
    }
);

/// POSTs an enrolment from `client` (one from another address: `client_from`); the status and
/// the answer.
async fn enrol_from(
    app: &TestApp,
    client: &reqwest::Client,
    invite: &str,
    username: &str,
) -> (u16, Value) {
    let body = json!({"invite": invite, "username": username, "password": PASSWORD});
    let response = client
        .post(app.url("/api/v1/enrolment"))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

on_both_engines!(
    wrong_invite_tokens_hold_back_that_source_and_a_right_one_always_passes,
    |engine| async move {
        // The wait is timed by the server's clock, which stands still here: no race against it.
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                clock: Some(homeward::store::Clock::set_to(homeward::store::now())),
                ..crate::helpers::Options::default()
            },
        )
        .await;
        let right = app.invite("coordinator", Some("partner")).await;
        let guesser = client_from([127, 0, 0, 31]);
        let owner = client_from([127, 0, 0, 32]);
        for i in 0..5 {
            let guess = format!("{right}{i}");
            let (status, answer) = enrol_from(&app, &guesser, &guess, "coord.guess").await;
            assert_eq!(status, 404, "{answer}");
        }
        // From there, wrong tokens from that source are told to wait, before any derivation.
        let before = app.kdf.derivations();
        let (status, answer) =
            enrol_from(&app, &guesser, &format!("{right}9"), "coord.guess").await;
        assert_eq!(status, 429, "{answer}");
        assert_eq!(answer["error"], "too_many_requests", "{answer}");
        assert!(
            answer["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Too many attempts")),
            "{answer}"
        );
        assert_eq!(app.kdf.derivations(), before, "held back for free");
        // The invite page and its form too.
        let wrong = format!("/invite/{right}8");
        let page = guesser
            .get(app.url(&wrong))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or_default();
        assert_eq!(page, 429);
        let body = format!(
            "username=coord.guess&password={}",
            PASSWORD.replace(' ', "+")
        );
        let form = app.post_form_from(&guesser, &wrong, &body, None).await;
        assert_eq!(form.status().as_u16(), 429);
        assert_eq!(app.store.count_accounts().await.ok(), Some(0));
        // A right token is never held: whoever shares the guesser's address (a NAT, an office
        // proxy) still enrols with their own invite, from there or from anywhere.
        let page = guesser
            .get(app.url(&format!("/invite/{right}")))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or_default();
        assert_eq!(page, 200);
        let (status, enrolled) = enrol_from(&app, &guesser, &right, "coord.neighbour").await;
        assert_eq!(status, 201, "{enrolled}");
        let other = app.invite("coordinator", Some("partner")).await;
        let (status, enrolled) = enrol_from(&app, &owner, &other, "coord.owner").await;
        assert_eq!(status, 201, "{enrolled}");
    }
);
