//! The AGPL's section 13: every reporter page's footer leads to /about, which names the licence
//! and links the configured source address in the visitor's language, with no script; every staff
//! page links /source, which sends the browser there.

use crate::helpers::{on_both_engines, spawn_with, Options};

const SOURCE: &str = "https://src.example.org/homeward-1.2.tar.gz";

on_both_engines!(
    the_source_is_offered_on_reporter_and_staff_pages,
    |engine| async move {
        let app = spawn_with(
            engine,
            Options {
                tweak: |settings| {
                    settings.site.source_url =
                        homeward::config::SourceUrl::parse(SOURCE).unwrap_or_default();
                },
                ..Options::default()
            },
        )
        .await;
        let catalogs = homeward::locale::Catalogs::load("en").unwrap_or_else(|e| panic!("{e}"));
        for lang in catalogs.languages() {
            let home = app.get(&format!("/?lang={lang}")).await;
            let home = home.text().await.unwrap_or_default();
            assert!(
                home.contains(&format!("href=\"/about?lang={lang}\"")),
                "{lang}: the footer does not lead to /about"
            );
            let about = app.get(&format!("/about?lang={lang}")).await;
            assert_eq!(about.status().as_u16(), 200, "{lang}");
            let about = about.text().await.unwrap_or_default();
            assert!(about.contains(&format!("<html lang=\"{lang}\">")));
            assert!(
                about.contains(&format!("href=\"{SOURCE}\" rel=\"noreferrer\"")),
                "{lang}"
            );
            assert!(about.contains("GNU Affero"), "{lang}: the licence is named");
            assert!(
                about.contains(&catalogs.text(lang, "about-source-note", None)),
                "{lang}"
            );
            assert!(!about.contains("<script"), "{lang}: /about runs no script");
        }

        let login = app.get("/login").await.text().await.unwrap_or_default();
        assert!(login.contains("<a href=\"/source\">Source code (AGPL-3.0)</a>"));
        let source = app.get("/source").await;
        assert_eq!(source.status().as_u16(), 303);
        assert_eq!(
            source
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok()),
            Some(SOURCE)
        );
    }
);
