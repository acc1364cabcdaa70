//! The responder pages in every language of the reporter pages (issue 18, item 6): the login page
//! and a coordinator's workspace come in the language the browser asks for, with no English left
//! on them where the catalog has the words.

use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::staff;

async fn page(app: &TestApp, path: &str, lang: &str, cookie: Option<&str>) -> String {
    let mut request = app
        .client
        .get(app.url(path))
        .header("Accept-Language", lang);
    if let Some(cookie) = cookie {
        request = request.header("Cookie", format!("hw_session={cookie}"));
    }
    let response = request.send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200, "{lang} {path}");
    response.text().await.unwrap_or_default()
}

on_both_engines!(
    staff_pages_come_in_the_language_the_browser_asks_for,
    |engine| async move {
        let app = spawn_app(engine).await;
        let cookie = staff(&app, "coordinator", "operator", "coord.lang").await;
        let catalogs = homeward::locale::Catalogs::load("en").unwrap_or_else(|e| panic!("{e}"));
        let english = |key| catalogs.text("en", key, None);
        for lang in catalogs.languages() {
            // Its own words, not English by fallback.
            let t = |key| {
                assert!(catalogs.has(lang, key), "{lang} has no {key}");
                catalogs.text(lang, key, None)
            };
            let login = page(&app, "/login", lang, None).await;
            assert!(login.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
            for key in ["staff-login-heading", "staff-login", "staff-source"] {
                assert!(login.contains(&t(key)), "{lang}: /login lacks {key}");
            }
            let workspace = page(&app, "/workspace", lang, Some(&cookie)).await;
            assert!(
                workspace.contains(&format!("<html lang=\"{lang}\">")),
                "{lang}"
            );
            for key in [
                "staff-workspace-heading",
                "staff-logout",
                "staff-invite-someone",
            ] {
                assert!(
                    workspace.contains(&t(key)),
                    "{lang}: /workspace lacks {key}"
                );
                if t(key) != english(key) {
                    assert!(
                        !workspace.contains(&format!(">{}<", english(key))),
                        "{lang}: /workspace shows {key} in English"
                    );
                }
            }
        }
    }
);
