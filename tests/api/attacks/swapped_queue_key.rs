//! The attack: the operator writes a public key of his own into a queue's row. Every item key
//! then names an older key, so the workspace offers "Finish re-sealing"; a coordinator who clicks
//! it would re-seal every item key of the queue to the operator's key. Homeward's answer: a queue
//! whose key is not the one its organisation signed does not stand, so it is neither re-sealed
//! nor worked; the members' copies and the item keys stay as they were, on both engines.

use serde_json::json;

use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{csrf_of, import, staff};
use homeward::crypto::KeyPair;

/// How many item keys are sealed to the queue, and to how many distinct keys.
async fn item_keys(app: &TestApp, queue: &str) -> Vec<String> {
    app.strings(&format!(
        "SELECT CAST(COUNT(*) AS TEXT) FROM item_keys WHERE recipient = 'queue:{queue}'
         UNION ALL
         SELECT CAST(COUNT(DISTINCT recipient_key) AS TEXT) FROM item_keys WHERE recipient = 'queue:{queue}'
         UNION ALL
         SELECT CAST(COUNT(*) AS TEXT) FROM queue_key_copies WHERE queue_id = '{queue}'"
    ))
    .await
}

on_both_engines!(
    a_queue_key_swapped_in_the_database_has_nothing_resealed_to_it,
    |engine| async move {
        let app = spawn_app(engine).await;
        let coordinator = staff(&app, "coordinator", "partner", "coord.swap").await;
        import(&app, &coordinator, "ngo-kh").await;
        let (report, _) = app
            .submit(&json!({
                "location": {"country": "KH"}, "narrative": "swapped",
                "consent": {"partner_ngos": true},
            }))
            .await;
        let path = format!("/queues/ngo-kh/reports/{report}");
        assert_eq!(
            app.get_with(&path, &coordinator).await.status().as_u16(),
            200
        );
        let before = item_keys(&app, "ngo-kh").await;

        let operators = KeyPair::generate();
        app.tamper(
            "UPDATE queues SET public_key = $1 WHERE id = 'ngo-kh'",
            Some(operators.public.to_bytes().to_vec()),
            None,
        )
        .await;
        let csrf = csrf_of(&app, &coordinator).await;
        let resealed = app
            .post_form_with(
                "/queues/ngo-kh/reseal",
                &format!("csrf={csrf}"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(resealed.status().as_u16(), 403);
        assert_eq!(
            item_keys(&app, "ngo-kh").await,
            before,
            "nothing re-sealed or retired"
        );
        let swapped = app
            .strings(&format!(
                "SELECT CAST(COUNT(*) AS TEXT) FROM item_keys WHERE recipient_key = {}",
                match app.engine {
                    crate::helpers::Engine::Sqlite =>
                        format!("X'{}'", hex(&operators.public.to_bytes())),
                    crate::helpers::Engine::Postgres =>
                        format!("'\\x{}'::bytea", hex(&operators.public.to_bytes())),
                }
            ))
            .await;
        assert_eq!(swapped, ["0"], "nothing sealed to the swapped key");
        assert_eq!(
            app.get_with(&path, &coordinator).await.status().as_u16(),
            403
        );
    }
);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
