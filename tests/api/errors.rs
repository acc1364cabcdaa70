//! One error policy: the same failure gets the same status from a page and from the API, since
//! both take it from `web::shared::error`.

use homeward::crypto::signing::Statement;
use homeward::crypto::KeyPair;
use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app};
use crate::workspace::{csrf_of, give, import, staff};
use crate::workspace_api::{api, token};

on_both_engines!(
    a_page_and_the_api_answer_the_same_failure_with_the_same_status,
    |engine| async move {
        let app = spawn_app(engine).await;
        // Both coordinators are certified and hold the queue's key.
        let page = staff(&app, "coordinator", "partner", "coord.page").await;
        let bearer = token(&app, "coordinator", "partner", "coord.json").await;
        let outsider_page = staff(&app, "coordinator", "consulate-in", "other.page").await;
        let outsider_bearer = token(&app, "coordinator", "consulate-in", "other.json").await;
        import(&app, &page, "ngo-kh").await;
        give(&app, &page, "ngo-kh", "coord.json").await;

        let wrong_key = KeyPair::generate().private.to_text().to_string();
        let new = KeyPair::generate();
        let unsigned = app
            .signers
            .of("operator")
            .sign(&Statement::QueueKey {
                queue: "ngo-kh",
                kind: "ngo",
                key: &new.public,
            })
            .to_text();
        let new_key = new.private.to_text().to_string();
        // (what, page path, page form, API path, API body, whose, status)
        let cases = [
            (
                "a key that is not the queue's",
                "/queues/ngo-kh/key",
                format!("private_key={wrong_key}"),
                "/api/v1/queues/ngo-kh/key",
                json!({"private_key": wrong_key}),
                false,
                422,
            ),
            (
                "a new key its organisation did not sign",
                "/queues/ngo-kh/rotate",
                format!("private_key={new_key}&signature={unsigned}"),
                "/api/v1/queues/ngo-kh/rotate",
                json!({"private_key": new_key, "signature": unsigned}),
                false,
                422,
            ),
            (
                "a copy for someone who is not a member",
                "/queues/ngo-kh/members",
                "account=nobody".to_owned(),
                "/api/v1/queues/ngo-kh/members",
                json!({"account": "nobody"}),
                false,
                404,
            ),
            (
                "a confirmation no restore asked for",
                "/queues/ngo-kh/confirm",
                String::new(),
                "/api/v1/queues/ngo-kh/confirmation",
                json!({}),
                false,
                404,
            ),
            (
                "another organisation's queue",
                "/queues/ngo-kh/key",
                format!("private_key={wrong_key}"),
                "/api/v1/queues/ngo-kh/key",
                json!({"private_key": wrong_key}),
                true,
                403,
            ),
        ];
        for (what, page_path, form, api_path, body, outsider, status) in cases {
            let (cookie, bearer) = if outsider {
                (&outsider_page, &outsider_bearer)
            } else {
                (&page, &bearer)
            };
            let csrf = csrf_of(&app, cookie).await;
            let separator = if form.is_empty() { "" } else { "&" };
            let on_page = app
                .post_form_with(
                    page_path,
                    &format!("csrf={csrf}{separator}{form}"),
                    Some(cookie),
                )
                .await
                .status()
                .as_u16();
            let (in_api, answer) = api(&app, "POST", api_path, Some(bearer), Some(body)).await;
            assert_eq!(
                on_page, in_api,
                "{what}: page {on_page}, API {in_api} {answer}"
            );
            assert_eq!(in_api, status, "{what}: {answer}");
        }
    }
);
