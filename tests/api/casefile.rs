//! The report page as a case file: the narrative first, the form's words instead of field paths,
//! country names, dates in the reader's zone and never as Unix seconds, documents as a table,
//! a link to open the coordinates on a map, photos as previews the server makes (never the
//! original bytes); actions that the state allows, each ending with a message on the same page.

use serde_json::json;

use crate::attachments::{attach, visit};
use crate::helpers::{on_both_engines, spawn_app, TestApp};
use crate::workspace::{csrf_of, import, staff};

/// A real PNG (the cleaning keeps its pixels), `width` by `height`, stored uncompressed.
pub(crate) fn real_png(width: u32, height: u32) -> Vec<u8> {
    use std::io::Write;
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            raw.extend_from_slice(&[(x % 251) as u8, (y % 251) as u8, 90]);
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).unwrap_or_else(|e| panic!("{e}"));
    let idat = z.finish().unwrap_or_else(|e| panic!("{e}"));
    let mut header = width.to_be_bytes().to_vec();
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(crate::files::png_chunk(b"IHDR", &header));
    out.extend(crate::files::png_chunk(b"IDAT", &idat));
    out.extend(crate::files::png_chunk(b"IEND", &[]));
    out
}

pub(crate) async fn page(app: &TestApp, cookie: &str, queue: &str, report: uuid::Uuid) -> String {
    let response = app
        .get_with(&format!("/queues/{queue}/reports/{report}"), cookie)
        .await;
    assert_eq!(response.status().as_u16(), 200, "{queue} opens {report}");
    response.text().await.unwrap_or_default()
}

/// Posts an action on the report's page; returns where it sends the responder back to.
pub(crate) async fn act(
    app: &TestApp,
    cookie: &str,
    queue: &str,
    report: uuid::Uuid,
    action: &str,
    body: &str,
) -> String {
    let csrf = csrf_of(app, cookie).await;
    let response = app
        .post_form_with(
            &format!("/queues/{queue}/reports/{report}/{action}"),
            &format!("csrf={csrf}&{body}"),
            Some(cookie),
        )
        .await;
    assert_eq!(response.status().as_u16(), 303, "{action}");
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

on_both_engines!(the_case_file_reads_like_the_form, |engine| async move {
    let app = spawn_app(engine).await;
    let before = homeward::store::now();
    let (report, code) = app
        .submit(&json!({
            "reporter": {"relation": "family"},
            "location": {
                "country": "KH", "city": "Sihanoukville", "compound": "Golden Fortune Park",
                "latitude": 10.6253, "longitude": 103.5234
            },
            "person": {"name": "Dara", "nationality": "MM", "age": 24},
            "documents": [{"type": "passport", "number": "MA1234567", "issuing_country": "MM", "holder": "the boss"}],
            "indicators": ["threats", "cannot_leave", "forced_scam"],
            "narrative": "He was promised a job in Bangkok and taken across the border.",
            "consent": {"partner_ngos": true},
        }))
        .await;
    let after = homeward::store::now();
    let partner = staff(&app, "coordinator", "partner", "coord.case").await;
    import(&app, &partner, "ngo-kh").await;
    let csrf = csrf_of(&app, &partner).await;
    let saved = app
        .post_form_with(
            "/settings",
            &format!("csrf={csrf}&language=en&time_zone=Asia%2FBangkok"),
            Some(&partner),
        )
        .await;
    assert_eq!(saved.status().as_u16(), 200);

    // A photo the reporter sends later: shown as a preview the server made.
    let token = visit(&app, &code).await;
    let photo = real_png(640, 480);
    let (status, sent) = attach(&app, &token, (photo.clone(), "image/png"), false).await;
    assert_eq!(status, 200, "{sent}");

    let html = page(&app, &partner, "ngo-kh", report).await;
    // The narrative comes before the sections, in the form's words.
    let narrative = html.find("promised a job in Bangkok").unwrap_or(usize::MAX);
    let compound = html.find("<dt>Compound or company name").unwrap_or(0);
    assert!(narrative < compound, "narrative first: {html}");
    for label in [
        "Compound or company name",
        "Who is reporting?",
        "Nationality",
        "The person in danger",
    ] {
        assert!(html.contains(label), "{label}: {html}");
    }
    for path in [
        "location.country",
        "documents.0",
        "reasons.0",
        "person.nationality",
        "consents.",
    ] {
        assert!(!html.contains(path), "no field path {path}: {html}");
    }
    // Names, not codes; a relation and indicators by their words; the triage explained.
    assert!(
        html.contains("Cambodia") && html.contains("Myanmar"),
        "{html}"
    );
    assert!(
        html.contains("Family member") || html.contains("family"),
        "{html}"
    );
    assert!(html.contains("id=\"triage\""), "{html}");
    for indicator in ["Threats", "Cannot leave", "Forced to run scams"] {
        assert!(html.contains(indicator), "{indicator}: {html}");
    }
    // Documents as a table.
    assert!(html.contains("<table class=\"docs\""), "{html}");
    assert!(
        html.contains("Passport") && html.contains("MA1234567"),
        "{html}"
    );
    // Coordinates with a plain link to the map; nothing loaded from it.
    assert!(
        html.contains("href=\"https://www.openstreetmap.org/#map=17/10.625300/103.523400\""),
        "{html}"
    );
    assert!(
        !html.contains("<iframe") && !html.contains("src=\"https://"),
        "{html}"
    );
    // Times in the reader's zone, never Unix seconds.
    assert!(html.contains("UTC+07:00"), "{html}");
    for t in before - 5..=after + 5 {
        assert!(!html.contains(&t.to_string()), "Unix seconds {t} shown");
    }

    // The preview: a JPEG the server made, not the bytes sent.
    let start = html
        .find("/preview\"")
        .unwrap_or_else(|| panic!("no preview: {html}"));
    let src_start = html[..start].rfind("src=\"").map(|i| i + 5).unwrap_or(0);
    let preview_path = html[src_start..start + "/preview".len()].to_owned();
    let preview = app.get_with(&preview_path, &partner).await;
    assert_eq!(preview.status().as_u16(), 200);
    assert_eq!(
        preview
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/jpeg")
    );
    let bytes = preview
        .bytes()
        .await
        .map(|b| b.to_vec())
        .unwrap_or_default();
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "a JPEG");
    assert!(bytes != photo && bytes.len() < photo.len());
    // Another organisation's responder gets nothing.
    let outsider = staff(&app, "coordinator", "consulate-in", "coord.other").await;
    assert_eq!(
        app.get_with(&preview_path, &outsider)
            .await
            .status()
            .as_u16(),
        403
    );
});

on_both_engines!(
    a_consulate_reads_the_projection_as_a_case_file,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
            .submit(&json!({
                "location": {"country": "KH", "compound": "Golden Fortune Park"},
                "person": {"name": "Ravi", "nationality": "IN", "mobile_phone": "+855 12 345 678"},
                "documents": [{"type": "passport", "number": "Z1234567", "issuing_country": "IN"}],
                "narrative": "taken across the border",
                "consent": {"consulate": true},
            }))
            .await;
        let consulate = staff(&app, "coordinator", "consulate-in", "coord.cons").await;
        import(&app, &consulate, "consular-in").await;
        let html = page(&app, &consulate, "consular-in", report).await;
        assert!(
            html.contains("India") && html.contains("Cambodia"),
            "{html}"
        );
        assert!(html.contains("<table class=\"docs\"") && html.contains("Z1234567"));
        assert!(html.contains("Compound or company name"), "{html}");
        assert!(!html.contains("location.country") && !html.contains("person.name"));
        // The projection only: no narrative, no phone, no reply form.
        assert!(!html.contains("taken across the border") && !html.contains("345 678"));
        assert!(!html.contains("/reply\""), "{html}");
    }
);

on_both_engines!(
    each_action_says_what_it_did_and_offers_only_what_the_state_allows,
    |engine| async move {
        let app = spawn_app(engine).await;
        let (report, _) = app
            .submit(&json!({
                "location": {"country": "KH", "compound": "Golden Fortune Park"},
                "narrative": "held",
                "consent": {"partner_ngos": true},
            }))
            .await;
        let partner = staff(&app, "coordinator", "partner", "coord.acts").await;
        import(&app, &partner, "ngo-kh").await;
        let base = format!("/queues/ngo-kh/reports/{report}");

        let html = page(&app, &partner, "ngo-kh", report).await;
        assert!(html.contains("id=\"claim\""), "unclaimed: claim is offered");
        assert!(!html.contains("id=\"release\""), "nothing to release");
        assert!(!html.contains("id=\"done\""), "no message before an action");

        for (action, body, done, message) in [
            ("claim", "", "claimed", "You claimed this report."),
            (
                "note",
                "text=called+the+hotline",
                "noted",
                "Your note is added.",
            ),
            (
                "reply",
                "text=we+are+on+it",
                "replied",
                "Your reply is sent.",
            ),
            (
                "status",
                "status=acknowledged",
                "moved",
                "The status is changed.",
            ),
            ("release", "", "released", "You released this report."),
        ] {
            let back = act(&app, &partner, "ngo-kh", report, action, body).await;
            assert_eq!(back, format!("{base}?done={done}"), "{action}");
            let shown = app.get_with(&back, &partner).await;
            let html = shown.text().await.unwrap_or_default();
            assert!(
                html.contains("id=\"done\"") && html.contains(message),
                "{action}: {html}"
            );
            if action == "claim" {
                assert!(
                    !html.contains("id=\"claim\""),
                    "no Claim once claimed: {html}"
                );
                assert!(html.contains("id=\"release\""), "release my claim: {html}");
            }
        }
        // A marker the page does not know says nothing, and nothing typed is echoed.
        let odd = app
            .get_with(&format!("{base}?done=%3Cscript%3E"), &partner)
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(!odd.contains("id=\"done\"") && !odd.contains("<script>"));
    }
);
