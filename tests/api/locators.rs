//! Locators, the six digits of a receipt code that find its report, are few (a million) and
//! unique among live reports. A flood inside the per-minute limits used to fill them within a day;
//! then every real report got a 503. Reports held at once are now bounded to a tenth of the
//! locators, a destroyed report frees its locator, and a free locator is found near its draw
//! however full the space is.

use serde_json::json;

use crate::helpers::{on_both_engines, spawn_with, Options};

fn locator(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).take(6).collect()
}

fn report() -> serde_json::Value {
    json!({"location": {"country": "KH"}, "narrative": "held at the compound", "consent": {"partner_ngos": true}})
}

on_both_engines!(
    a_full_locator_space_turns_reports_away_until_one_is_destroyed,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.test_only_locator_space = Some(3),
                ..Options::default()
            },
        )
        .await;
        // Every locator is found, however few are left: the third report gets the last one.
        let mut held = Vec::new();
        for _ in 0..3 {
            let (id, code) = app.submit(&report()).await;
            held.push((id, locator(&code)));
        }
        let mut locators: Vec<&str> = held.iter().map(|(_, l)| l.as_str()).collect();
        locators.sort_unstable();
        assert_eq!(locators, ["000000", "000001", "000002"]);

        let before = app.kdf.derivations();
        let full = app.post_json(&report()).await;
        assert_eq!(full.status().as_u16(), 503, "no locator is left");
        assert_eq!(app.kdf.derivations(), before, "nothing was sealed for it");

        let (destroyed, freed) = &held[1];
        let gone = app
            .shredder()
            .destroy(&[destroyed.to_string()], "retention")
            .await;
        assert!(gone.is_ok(), "{gone:?}");
        let (_, code) = app.submit(&report()).await;
        assert_eq!(
            &locator(&code),
            freed,
            "the destroyed report's locator is free again"
        );
    }
);

on_both_engines!(
    reports_past_the_live_ceiling_are_turned_away_before_any_derivation_until_one_goes,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |s| s.limits.live_reports = 2,
                ..Options::default()
            },
        )
        .await;
        let (first, _) = app.submit(&report()).await;
        app.submit(&report()).await;
        let before = app.kdf.derivations();
        let refused = app.post_json(&report()).await;
        assert_eq!(refused.status().as_u16(), 503);
        assert!(refused.headers().contains_key("retry-after"));
        assert_eq!(app.kdf.derivations(), before);
        assert_eq!(app.store.count_reports().await.ok(), Some(2));
        // What bounds intake is what is held, not what came in lately: one report destroyed, and
        // the next is taken at once.
        let gone = app
            .shredder()
            .destroy(&[first.to_string()], "retention")
            .await;
        assert!(gone.is_ok(), "{gone:?}");
        assert_eq!(app.post_json(&report()).await.status().as_u16(), 201);
    }
);
