//! Telling whether a locator exists by what a try costs: an unknown locator's stand-in derivation
//! used the configured `receipt_kdf`, while a known one derives with the parameters its report
//! was stored with. Once the cost setting changed, every older report's locator cost less (time
//! and memory) to try than an unknown one. Counted, not timed.

use std::net::IpAddr;

use homeward::crypto::kdf::Argon2Params;
use homeward::startup::Application;
use serde_json::json;

use crate::helpers::{on_both_engines, settings, spawn_app, TEST_KDF};

/// The raised cost: still cheap, but not the same.
const RAISED: Argon2Params = Argon2Params {
    memory_kib: 128,
    iterations: 1,
    parallelism: 1,
};

async fn try_code(base: &str, code: &str) -> u16 {
    crate::helpers::http()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .post(format!("{base}/followup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("code={code}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .status()
        .as_u16()
}

on_both_engines!(
    an_unknown_locator_costs_less_than_a_stored_one_after_the_cost_changed,
    |engine| async move {
        let first = spawn_app(engine).await;
        let mut codes = Vec::new();
        for i in 0..2 {
            let (_, code) = first
                .submit(&json!({"narrative": format!("stored {i}")}))
                .await;
            codes.push(
                code.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>(),
            );
        }

        // The operator raises receipt_kdf; the server starts again on the same database.
        let mut raised = settings(
            first.dir.path(),
            &first.database_url,
            first.secrets_file.clone(),
            IpAddr::from([127, 0, 0, 1]),
        );
        raised.receipt_kdf = RAISED;
        let second = Application::build(raised)
            .await
            .unwrap_or_else(|e| panic!("{e:#}"));
        let (kdf, cost, store) = (second.kdf(), second.unknown_locator(), second.store());
        let base = format!("http://127.0.0.1:{}", second.port());
        tokio::spawn(second.run_until_stopped());

        let locators: Vec<String> = first.strings("SELECT locator FROM reports").await;
        let unknown = (0..1_000_000)
            .map(|n| format!("{n:06}"))
            .find(|l| !locators.contains(l))
            .unwrap_or_default();
        let known = &codes[0];
        let wrong_secret = format!("{}{}", &known[..6], "0".repeat(14));
        let unknown_code = format!("{unknown}{}", &known[6..]);

        assert_eq!(try_code(&base, &wrong_secret).await, 422);
        assert_eq!(try_code(&base, &unknown_code).await, 422);
        assert_eq!(
            (kdf.derivations_with(TEST_KDF), kdf.derivations_with(RAISED)),
            (2, 0),
            "a known and an unknown locator cost one derivation each, at the stored cost"
        );

        // Once most live reports carry the raised cost, an unknown locator costs that.
        for i in 0..3 {
            let response = crate::helpers::http()
                .build()
                .unwrap_or_else(|e| panic!("{e}"))
                .post(format!("{base}/api/v1/reports"))
                .json(&json!({"narrative": format!("raised {i}")}))
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(response.status().as_u16(), 201);
        }
        let now = cost.refresh(&store).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(now, RAISED);
        let (low, high) = (kdf.derivations_with(TEST_KDF), kdf.derivations_with(RAISED));
        assert_eq!(try_code(&base, &unknown_code).await, 422);
        assert_eq!(
            (
                kdf.derivations_with(TEST_KDF) - low,
                kdf.derivations_with(RAISED) - high
            ),
            (0, 1)
        );
    }
);
