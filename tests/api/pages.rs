//! The reporter pages: small enough for the first round trip on 2G, no script, no font, no image,
//! nothing from another origin, the security headers on every response, in both catalogued
//! languages.

use std::io::Read;

use crate::helpers::{on_both_engines, spawn_app};

async fn gzipped(app: &crate::helpers::TestApp, path: &str, lang: &str) -> Vec<u8> {
    let response = app
        .client
        .get(app.url(path))
        .header("Accept-Encoding", "gzip")
        .header("Accept-Language", lang)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200, "{path}");
    assert_eq!(
        response
            .headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("gzip"),
        "{path}"
    );
    response
        .bytes()
        .await
        .map(|b| b.to_vec())
        .unwrap_or_default()
}

/// What a browser could render from only the first `n` compressed bytes.
fn inflate_prefix(compressed: &[u8], n: usize) -> String {
    let mut out = Vec::new();
    let mut decoder = flate2::read::GzDecoder::new(&compressed[..n.min(compressed.len())]);
    let mut chunk = [0u8; 1024];
    while let Ok(read) = decoder.read(&mut chunk) {
        if read == 0 {
            break;
        }
        out.extend_from_slice(&chunk[..read]);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The one script a reporter page may load: the report form's sealing script, from this origin,
/// under its content-hashed name and with its integrity.
pub fn sealing_script_tag() -> String {
    format!(
        "<script src=\"{}\" integrity=\"{}\" defer></script>",
        homeward::web::shared::assets::SEAL_SCRIPT_PATH,
        homeward::web::shared::assets::seal_script_integrity()
    )
}

fn assert_self_contained(html: &str) {
    let html = html.replacen(&sealing_script_tag(), "", 1);
    for banned in [
        "<script",
        "<img",
        "<iframe",
        "@font-face",
        "<link rel=\"preload",
        "src=",
        "http-equiv",
    ] {
        assert!(!html.contains(banned), "the page has {banned}");
    }
    // The only link off the site is the way out.
    let offsite = html.matches("href=\"http").count();
    assert_eq!(offsite, 1, "only the leave link may point elsewhere");
    assert!(html.contains("rel=\"noreferrer\""));
}

on_both_engines!(
    pages_fit_the_budgets_and_load_nothing_from_elsewhere,
    |engine| async move {
        let app = spawn_app(engine).await;
        for lang in ["en", "zh-Hans"] {
            let form = gzipped(&app, "/report?as=self", lang).await;
            assert!(
                form.len() <= 32 * 1024,
                "{lang}: the form weighs {} bytes compressed",
                form.len()
            );
            let first = inflate_prefix(&form, 14 * 1024);
            assert!(
                first.contains("<button type=\"submit\">"),
                "{lang}: the first part's submit is past 14 KB"
            );
            assert!(first.contains("name=\"location.country\""));
            assert!(first.contains("name=\"consent.police\""));
            let whole = inflate_prefix(&form, form.len());
            assert!(
                whole.contains(&sealing_script_tag()),
                "the form upgrades itself"
            );
            assert_self_contained(&whole);
            // The script is small, and the page and it together stay within the budget.
            let script = gzipped(&app, homeward::web::shared::assets::SEAL_SCRIPT_PATH, lang).await;
            assert!(
                script.len() <= 10 * 1024,
                "the script: {} bytes",
                script.len()
            );
            assert!(form.len() + script.len() <= 32 * 1024);
            let served = app
                .get(homeward::web::shared::assets::SEAL_SCRIPT_PATH)
                .await
                .bytes()
                .await
                .unwrap_or_default();
            use base64::Engine as _;
            use sha2::Digest as _;
            let integrity = format!(
                "sha384-{}",
                base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&served))
            );
            assert_eq!(
                integrity,
                homeward::web::shared::assets::seal_script_integrity()
            );
            assert!(whole.contains("autocomplete=\"off\""));
            assert!(whole.contains("<title>Notes</title>"));
            assert!(whole.contains(&format!("<html lang=\"{lang}\">")));
            assert!(
                whole.contains("<details"),
                "the rest of the form is collapsible"
            );

            let home = gzipped(&app, "/", lang).await;
            let home = inflate_prefix(&home, home.len());
            assert!(!home.contains("<script"), "no script but on the form");
            assert_self_contained(&home);
            assert!(home.contains("/report?as=self") && home.contains("/report?as=other"));
        }
        let zh = app
            .get("/?lang=zh-Hans")
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(zh.contains("离开此页") && zh.contains("我需要帮助"));

        let receipt = app
            .client
            .post(app.url("/report"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Encoding", "gzip")
            .body("lang=zh-Hans&narrative=help")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(receipt.status().as_u16(), 200);
        assert_eq!(
            receipt
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-store")
        );
        let receipt = receipt
            .bytes()
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default();
        assert!(
            receipt.len() <= 14 * 1024,
            "the receipt page weighs {} bytes",
            receipt.len()
        );
        let receipt = inflate_prefix(&receipt, receipt.len());
        assert_self_contained(&receipt);
        assert!(receipt.contains("你的回执码"));
    }
);

on_both_engines!(
    every_response_carries_the_security_headers,
    |engine| async move {
        let app = spawn_app(engine).await;
        let responses = vec![
            app.get("/").await,
            app.get("/report").await,
            app.get("/no-such-page").await,
            app.get("/api/v1/openapi.json").await,
            app.post_form("").await,
            app.client
                .post(app.url("/api/v1/reports"))
                .body("x")
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}")),
        ];
        for response in responses {
            let status = response.status().as_u16();
            let headers = response.headers();
            let csp = headers
                .get("content-security-policy")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            assert!(
                csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
                "{status}"
            );
            assert_eq!(
                headers.get("referrer-policy").and_then(|v| v.to_str().ok()),
                Some("no-referrer")
            );
            assert_eq!(
                headers.get("x-frame-options").and_then(|v| v.to_str().ok()),
                Some("DENY")
            );
            assert_eq!(
                headers
                    .get("x-content-type-options")
                    .and_then(|v| v.to_str().ok()),
                Some("nosniff")
            );
            assert!(headers.get("set-cookie").is_none());
        }
        let not_found = app.get("/no-such-page").await;
        assert_eq!(not_found.status().as_u16(), 404);
        let stylesheet = app
            .get(homeward::web::shared::assets::STYLESHEET_PATH)
            .await;
        assert_eq!(stylesheet.status().as_u16(), 200);
        assert!(stylesheet
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("immutable")));
    }
);

on_both_engines!(
    the_openapi_document_describes_the_api,
    |engine| async move {
        let app = spawn_app(engine).await;
        let doc: serde_json::Value = app
            .get("/api/v1/openapi.json")
            .await
            .json()
            .await
            .unwrap_or_default();
        assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
        let post = &doc["paths"]["/api/v1/reports"]["post"];
        for status in ["201", "400", "413", "415", "422", "503"] {
            assert!(
                post["responses"][status].is_object(),
                "{status} is not described"
            );
        }
        assert!(doc["components"]["schemas"]["ReportInput"]["properties"]["location"].is_object());
    }
);

/// A page as a browser asking for `encoding` gets it: (status, compressed bytes).
async fn fetch(
    app: &crate::helpers::TestApp,
    request: reqwest::RequestBuilder,
    encoding: &str,
) -> (u16, Vec<u8>) {
    let response = request
        .header("Accept-Encoding", encoding)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    let served = response
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    assert_eq!(served.as_deref(), Some(encoding), "{}", app.address);
    (
        status,
        response
            .bytes()
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default(),
    )
}

/// What a browser could render from only the first `n` compressed bytes, in either encoding.
fn decoded_prefix(encoding: &str, compressed: &[u8], n: usize) -> String {
    let part = &compressed[..n.min(compressed.len())];
    let mut out = Vec::new();
    let mut chunk = [0u8; 1024];
    let mut reader: Box<dyn Read> = if encoding == "br" {
        Box::new(brotli::Decompressor::new(part, 4096))
    } else {
        Box::new(flate2::read::GzDecoder::new(part))
    };
    while let Ok(read) = reader.read(&mut chunk) {
        if read == 0 {
            break;
        }
        out.extend_from_slice(&chunk[..read]);
    }
    String::from_utf8_lossy(&out).into_owned()
}

on_both_engines!(
    every_reporter_page_in_every_language_fits_the_budgets_in_gzip_and_brotli,
    |engine| async move {
        // The thread page is opened with the code once per language and encoding.
        let app = crate::helpers::spawn_with(
            engine,
            crate::helpers::Options {
                tweak: |s| s.followup.attempts_per_minute = 1000,
                ..Default::default()
            },
        )
        .await;
        let (_, code) = app
            .submit(&serde_json::json!({"narrative": "budget", "location": {"country": "KH"}}))
            .await;
        let catalogs = homeward::locale::Catalogs::load("en").unwrap_or_else(|e| panic!("{e}"));
        for lang in catalogs.languages() {
            for encoding in ["gzip", "br"] {
                let get = |path: &str| app.client.get(app.url(&format!("{path}lang={lang}")));
                let form = |path: &str, body: String| {
                    app.client
                        .post(app.url(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(body)
                };
                let pages = [
                    ("home", get("/?"), false),
                    ("report form", get("/report?as=self&"), true),
                    ("report form (family)", get("/report?as=other&"), true),
                    ("follow-up", get("/followup?"), true),
                    ("not found", get("/no-such-page?"), false),
                    (
                        "receipt",
                        form("/report", format!("lang={lang}&narrative=budget")),
                        true,
                    ),
                    (
                        "thread",
                        form(
                            "/followup",
                            format!("lang={lang}&code={}", code.replace(' ', "")),
                        ),
                        true,
                    ),
                ];
                for (name, request, has_form) in pages {
                    let (status, body) = fetch(&app, request, encoding).await;
                    assert!(status == 200 || status == 404, "{lang} {name}: {status}");
                    assert!(
                        body.len() <= 32 * 1024,
                        "{lang} {name} ({encoding}): {} bytes compressed",
                        body.len()
                    );
                    let first = decoded_prefix(encoding, &body, 14 * 1024);
                    assert!(
                        first.contains("</h1>"),
                        "{lang} {name}: the heading is past 14 KB"
                    );
                    if has_form {
                        assert!(
                            first.contains("<button type=\"submit\">"),
                            "{lang} {name} ({encoding}): the first submit is past 14 KB"
                        );
                    }
                    let whole = decoded_prefix(encoding, &body, body.len());
                    assert!(
                        whole.contains(&format!("<html lang=\"{lang}\">")),
                        "{lang} {name}: the page is not in the language chosen"
                    );
                    assert_self_contained(&whole);
                }
            }
        }
    }
);

on_both_engines!(
    a_visitor_on_a_reading_proxy_is_warned_and_the_header_is_not_kept,
    |engine| async move {
        let app = spawn_app(engine).await;
        let plain = app.get("/").await.text().await.unwrap_or_default();
        assert!(!plain.contains("role=\"alert\""));
        let proxied = app
            .client
            .get(app.url("/report?lang=en"))
            .header("X-OperaMini-Phone-UA", "ProxyPhone-77 Handset")
            .header("X-OperaMini-Features", "advanced, file_system")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let proxied = proxied.text().await.unwrap_or_default();
        assert!(proxied.contains("can read what you type"), "{proxied}");
        let logs = crate::helpers::captured_logs();
        assert!(
            !logs.contains("ProxyPhone-77"),
            "the proxy's headers are not logged"
        );
    }
);
