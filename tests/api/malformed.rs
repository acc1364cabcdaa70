//! Every malformed input gets the right 4xx, a clear body, and nothing is stored.

use crate::helpers::{on_both_engines, spawn_app};

const JSON: &str = "application/json";
const FORM: &str = "application/x-www-form-urlencoded";

struct Case {
    what: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    status: u16,
    /// The field a 422 must name.
    field: Option<&'static str>,
}

fn case(
    what: &'static str,
    path: &'static str,
    ct: Option<&'static str>,
    body: impl Into<Vec<u8>>,
    status: u16,
    field: Option<&'static str>,
) -> Case {
    Case {
        what,
        path,
        content_type: ct,
        body: body.into(),
        status,
        field,
    }
}

fn api(
    what: &'static str,
    body: impl Into<Vec<u8>>,
    status: u16,
    field: Option<&'static str>,
) -> Case {
    case(what, "/api/v1/reports", Some(JSON), body, status, field)
}

fn form(what: &'static str, body: impl Into<Vec<u8>>, status: u16) -> Case {
    case(what, "/report", Some(FORM), body, status, None)
}

fn cases() -> Vec<Case> {
    let big = "x".repeat(1_000_000);
    let long_name = "n".repeat(201);
    vec![
        api("empty body", "", 400, None),
        api("not JSON", "hello", 400, None),
        api("truncated JSON", r#"{"narrative": "x""#, 400, None),
        api("trailing garbage", r#"{"narrative": "x"} {}"#, 400, None),
        api(
            "invalid UTF-8",
            b"{\"narrative\": \"\xff\xfe\"}".to_vec(),
            400,
            None,
        ),
        api("a JSON array", "[1, 2]", 422, None),
        api("a JSON string", "\"report\"", 422, None),
        api("empty object", "{}", 422, Some("narrative")),
        api(
            "narrative is a number",
            r#"{"narrative": 5}"#,
            422,
            Some("narrative"),
        ),
        api(
            "indicators is a string",
            r#"{"indicators": "violence"}"#,
            422,
            Some("indicators"),
        ),
        api(
            "consent is a string",
            r#"{"narrative": "x", "consent": {"police": "maybe"}}"#,
            422,
            Some("consent.police"),
        ),
        api(
            "unknown field",
            r#"{"narrative": "x", "password": "y"}"#,
            422,
            None,
        ),
        api(
            "duplicate key",
            r#"{"narrative": "x", "narrative": "y"}"#,
            422,
            None,
        ),
        api(
            "duplicate nested key",
            r#"{"location": {"country": "KH", "country": "TH"}}"#,
            422,
            None,
        ),
        api(
            "unknown country",
            r#"{"location": {"country": "XX"}}"#,
            422,
            Some("location.country"),
        ),
        api(
            "three-letter country",
            r#"{"location": {"country": "KHM"}}"#,
            422,
            Some("location.country"),
        ),
        api(
            "unknown nationality",
            r#"{"narrative": "x", "person": {"nationality": "ZZ"}}"#,
            422,
            Some("person.nationality"),
        ),
        api(
            "latitude out of range",
            r#"{"location": {"latitude": 91, "longitude": 100}}"#,
            422,
            Some("location.latitude"),
        ),
        api(
            "longitude out of range",
            r#"{"location": {"latitude": 11, "longitude": -181}}"#,
            422,
            Some("location.longitude"),
        ),
        api(
            "latitude not a number",
            r#"{"location": {"latitude": "north", "longitude": 100}}"#,
            422,
            Some("location.latitude"),
        ),
        api(
            "latitude without longitude",
            r#"{"narrative": "x", "location": {"latitude": 11.5}}"#,
            422,
            Some("location.longitude"),
        ),
        api(
            "NaN latitude",
            r#"{"location": {"latitude": "NaN", "longitude": 100}}"#,
            422,
            Some("location.latitude"),
        ),
        api(
            "age not a number",
            r#"{"narrative": "x", "person": {"age": "twenty"}}"#,
            422,
            Some("person.age"),
        ),
        api(
            "age out of range",
            r#"{"narrative": "x", "person": {"age": 300}}"#,
            422,
            Some("person.age"),
        ),
        api(
            "negative count",
            r#"{"narrative": "x", "person": {"others_count": -1}}"#,
            422,
            Some("person.others_count"),
        ),
        api(
            "unknown indicator",
            r#"{"indicators": ["aliens"]}"#,
            422,
            Some("indicators"),
        ),
        api(
            "unknown document type",
            r#"{"narrative": "x", "documents": [{"type": "library card"}]}"#,
            422,
            Some("documents.0.type"),
        ),
        api(
            "too many documents",
            format!(
                r#"{{"narrative": "x", "documents": [{}]}}"#,
                [r#"{"number": "1"}"#; 11].join(",")
            ),
            422,
            Some("documents"),
        ),
        api(
            "name too long",
            format!(r#"{{"person": {{"name": "{long_name}"}}}}"#),
            422,
            Some("person.name"),
        ),
        api(
            "control characters",
            r#"{"narrative": "a\u0000b"}"#,
            422,
            Some("narrative"),
        ),
        api(
            "bad language tag",
            r#"{"narrative": "x", "language": "<script>"}"#,
            422,
            Some("language"),
        ),
        api(
            "1 MB field",
            format!(r#"{{"narrative": "{big}"}}"#),
            413,
            None,
        ),
        case(
            "no content type",
            "/api/v1/reports",
            None,
            r#"{"narrative": "x"}"#,
            415,
            None,
        ),
        case(
            "form sent to the API",
            "/api/v1/reports",
            Some(FORM),
            "narrative=x",
            415,
            None,
        ),
        case(
            "text/plain to the API",
            "/api/v1/reports",
            Some("text/plain"),
            r#"{"narrative": "x"}"#,
            415,
            None,
        ),
        case(
            "JSON sent to the form",
            "/report",
            Some(JSON),
            r#"{"narrative": "x"}"#,
            415,
            None,
        ),
        form("empty form", "", 422),
        form(
            "unknown country in the form",
            "location.country=XX&narrative=x",
            422,
        ),
        form(
            "clashing field names",
            "person=x&person.name=y&narrative=x",
            422,
        ),
        form(
            "document index out of range",
            "documents.99.type=passport&narrative=x",
            422,
        ),
        form("1 MB form field", format!("narrative={big}"), 413),
    ]
}

on_both_engines!(
    malformed_inputs_get_the_right_4xx_and_store_nothing,
    |engine| async move {
        let app = spawn_app(engine).await;
        let cases = cases();
        assert!(cases.len() >= 30);
        for case in cases {
            let mut request = app.client.post(app.url(case.path)).body(case.body.clone());
            if let Some(ct) = case.content_type {
                request = request.header("Content-Type", ct);
            }
            let response = request
                .send()
                .await
                .unwrap_or_else(|e| panic!("{}: {e}", case.what));
            let status = response.status().as_u16();
            let is_json = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("application/json"));
            let body = response.text().await.unwrap_or_default();
            assert_eq!(status, case.status, "{}: {body}", case.what);
            if case.path.starts_with("/api") {
                assert!(is_json, "{}: not JSON", case.what);
                let parsed: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                if status == 422 {
                    assert_eq!(parsed["error"], "validation", "{}", case.what);
                    let errors = parsed["errors"].as_array().cloned().unwrap_or_default();
                    assert!(!errors.is_empty(), "{}", case.what);
                    assert!(errors
                        .iter()
                        .all(|e| e["message"].as_str().is_some_and(|m| !m.is_empty())));
                    if let Some(field) = case.field {
                        assert!(
                            errors.iter().any(|e| e["field"] == field),
                            "{}: {body}",
                            case.what
                        );
                    }
                } else {
                    assert!(parsed["error"].is_string(), "{}: {body}", case.what);
                }
            }
            let body = body.replacen(&crate::pages::sealing_script_tag(), "", 1);
            assert!(!body.contains("<script"), "{}", case.what);
        }
        assert_eq!(app.store.count_reports().await.ok(), Some(0));
    }
);

on_both_engines!(
    a_refused_form_keeps_every_answer_and_names_each_problem,
    |engine| async move {
        let app = spawn_app(engine).await;
        let response = app
        .post_form(
            "lang=en&location.country=XX&location.city=Myawaddy&person.age=abc&narrative=%3Cscript%3Ealert(1)%3C%2Fscript%3E+they+are+held\
             &indicators=threats&indicators=minor&consent.police=on&recruitment.recruiter=%27%3B+DROP+TABLE+reports%3B+--",
        )
        .await;
        assert_eq!(response.status().as_u16(), 422);
        let html = response.text().await.unwrap_or_default();
        // Every answer is still there, escaped.
        assert!(html.contains("value=\"Myawaddy\""));
        assert!(
            html.contains("&#60;script&#62;alert(1)&#60;/script&#62; they are held")
                || html.contains("&lt;script&gt;alert(1)&lt;/script&gt; they are held"),
            "{html}"
        );
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("value=\"threats\" checked"));
        assert!(html.contains("value=\"minor\" checked"));
        assert!(html.contains("name=\"consent.police\" checked"));
        assert!(html.contains("DROP TABLE reports"));
        // Each problem beside its field, and the section holding one is open.
        assert!(html.contains("This is not a known country."));
        assert!(html.contains("Write a number."));
        assert!(html.contains("<details open>"));
        assert_eq!(app.store.count_reports().await.ok(), Some(0));
    }
);
