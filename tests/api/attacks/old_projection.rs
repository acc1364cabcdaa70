//! The attack: reports made before the projection was narrowed to its list hold projection
//! items with the person's phone number and messaging handles. A police responder (or a curious
//! NGO one) has such a report referred to the police today: the referral would re-seal every
//! projection item, the old ones too. Homeward's answer: a consulate or the police receives only
//! projection items that hold nothing beyond the list; where none does, the referral is refused
//! until an NGO issues a new version.

use serde_json::json;

use super::steps::staff_post;
use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{import, staff};
use homeward::domain::{Audience, ItemKind};

/// Stores a projection item as versions did before the list, sealed to the desk as those were.
async fn plant_old_projection(app: &TestApp, report: uuid::Uuid) {
    let old = json!({
        "version": 2,
        "person": {"name": "Dara", "nationality": "KH", "mobile_phone": "+855 98 765 432", "handles": "@dara_kh"},
        "documents": [],
        "location": {"country": "KH", "compound": "Old Park"},
        "wants": [],
    });
    let desk = app.key("desk").public_key();
    let item = homeward::trust::sealing::seal_item(
        report,
        ItemKind::Projection,
        Audience::Projection,
        old.to_string().as_bytes(),
        &[homeward::trust::sealing::Recipient {
            name: "queue:desk".into(),
            key: &desk,
        }],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    app.store
        .insert_item(report, &item, homeward::store::now(), None)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

on_both_engines!(
    a_referral_passes_no_projection_made_before_the_list,
    |engine| async move {
        let app = spawn_app(engine).await;
        let desk = staff(&app, "coordinator", "operator", "coord.oldproj").await;
        import(&app, &desk, "desk").await;
        let police = staff(&app, "coordinator", "police-kh", "coord.oldpolice").await;
        import(&app, &police, "police-kh").await;
        // No country yet, so at intake only the desk receives it; the old version names it.
        let body = json!({
            "location": {"compound": "Old Park"},
            "person": {"nationality": "KH", "mobile_phone": "+855 98 765 432"},
            "narrative": "held",
            "consent": {"police": true},
        });
        let refer = "to=police-kh&reason=they+are+close";

        // One clean projection from intake, one old one after it: only the clean one goes.
        let (report, _) = app.submit(&body).await;
        assert!(!app
            .store
            .report_queues(report)
            .await
            .unwrap_or_default()
            .contains(&"police-kh".to_owned()));
        plant_old_projection(&app, report).await;
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "refer", refer).await,
            303
        );
        let seen = app.open_as(report, "police-kh").await;
        let text = format!("{seen:?}");
        assert!(seen.iter().any(|(kind, _)| kind == "projection"), "{text}");
        for secret in ["98 765 432", "dara_kh", "mobile_phone", "handles"] {
            assert!(
                !text.contains(secret),
                "{secret} reached the police: {text}"
            );
        }

        // Only old ones: refused until an NGO issues a new version.
        let (report, _) = app.submit(&body).await;
        app.tamper(
            &format!("DELETE FROM item_keys WHERE item_id IN (SELECT id FROM items WHERE report_id = '{report}' AND kind = 'projection')"),
            None,
            None,
        )
        .await;
        plant_old_projection(&app, report).await;
        assert_eq!(
            staff_post(&app, &desk, "desk", report, "refer", refer).await,
            422
        );
        assert!(!app
            .store
            .report_queues(report)
            .await
            .unwrap_or_default()
            .contains(&"police-kh".to_owned()));
    }
);
