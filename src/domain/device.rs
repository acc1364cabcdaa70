//! What a device seals as the report and projection items, and how the responders' open path
//! reads it. The server could not check these at intake, so every one is parsed here by the
//! report's own rules and shown normalised, or marked malformed beside what was sent; never a
//! failure. Its texts stay as the device sealed them: Zawgyi is converted only where a responder
//! is shown them, for every item alike (`zawgyi::for_display`).

use serde::Serialize;
use serde_json::{json, Value};

use super::report::ProjectionInput;
use super::{FieldErrors, Report, ReportInput};

/// The tag a device's plaintext carries, naming its shape and version.
pub const TAG: &str = "homeward";
pub const REPORT_V1: &str = "report/v1";
pub const PROJECTION_V1: &str = "projection/v1";

/// The plaintext a device seals for an item of `kind`.
pub fn plaintext(kind: &str, content: &impl Serialize) -> Result<Vec<u8>, serde_json::Error> {
    let (tag, field) = match kind {
        "projection" => (PROJECTION_V1, "projection"),
        _ => (REPORT_V1, "report"),
    };
    serde_json::to_vec(&json!({ TAG: tag, field: content }))
}

/// An item a device sealed, as a responder sees it: normalised by the report's rules, or
/// marked malformed beside what was sent.
pub fn read(kind: &str, plaintext: &[u8]) -> Value {
    let Ok(value) = serde_json::from_slice::<Value>(plaintext) else {
        return malformed(&[(".", "invalid_type")], Value::Null);
    };
    let tag = value.get(TAG).cloned().unwrap_or(Value::Null);
    let read = match (kind, tag.as_str()) {
        ("report", Some(REPORT_V1)) => read_report(value.get("report").cloned()),
        ("projection", Some(PROJECTION_V1)) => read_projection(value.get("projection").cloned()),
        _ => Err((vec![(TAG.to_owned(), "invalid_value")], value.clone())),
    };
    match read {
        Ok(mut normalised) => {
            if let Some(map) = normalised.as_object_mut() {
                map.insert("sealed_on_device".into(), Value::Bool(true));
            }
            normalised
        }
        Err((errors, as_sent)) => {
            let named: Vec<(&str, &str)> = errors.iter().map(|(f, c)| (f.as_str(), *c)).collect();
            malformed(&named, as_sent)
        }
    }
}

type Unread = (Vec<(String, &'static str)>, Value);

fn named(errors: FieldErrors) -> Vec<(String, &'static str)> {
    errors.0.into_iter().map(|e| (e.field, e.code)).collect()
}

fn read_report(content: Option<Value>) -> Result<Value, Unread> {
    let sent = content.unwrap_or(Value::Null);
    let input: ReportInput = parse(&sent)?;
    let report = Report::parse(input).map_err(|e| (named(e), sent.clone()))?;
    serde_json::to_value(&report).map_err(|_| (vec![(".".into(), "invalid_value")], sent))
}

fn read_projection(content: Option<Value>) -> Result<Value, Unread> {
    let sent = content.unwrap_or(Value::Null);
    let input: ProjectionInput = parse(&sent)?;
    let (report, errors) = Report::parse_fields(input.into_report());
    if !errors.is_empty() {
        return Err((named(errors), sent));
    }
    serde_json::to_value(report.projection())
        .map_err(|_| (vec![(".".into(), "invalid_value")], sent))
}

fn parse<T: serde::de::DeserializeOwned>(sent: &Value) -> Result<T, Unread> {
    serde_path_to_error::deserialize(sent.clone()).map_err(|e| {
        let field = e.path().to_string();
        (vec![(field, "invalid_type")], sent.clone())
    })
}

/// The mark a responder sees: which fields break the rules, beside everything as it was sent.
fn malformed(errors: &[(&str, &str)], as_sent: Value) -> Value {
    let list: Vec<String> = errors.iter().map(|(f, c)| format!("{f} ({c})")).collect();
    json!({ "malformed": list.join(", "), "as_sent": as_sent })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_report_is_read_by_the_report_rules() {
        let mut input = ReportInput {
            narrative: Some("They took my passport".into()),
            ..ReportInput::default()
        };
        input.location.country = Some("KH".into());
        let Ok(bytes) = plaintext("report", &input) else {
            panic!("serialising")
        };
        let read = read("report", &bytes);
        assert_eq!(read["sealed_on_device"], true);
        assert_eq!(read["location"]["country"], "KH");
        assert_eq!(read["narrative"], "They took my passport");
    }

    #[test]
    fn zawgyi_and_shan_are_read_as_the_device_sealed_them() {
        // "Myawaddy" typed in Zawgyi, and Shan's "Shan language" in Unicode: both read as sent;
        // the Zawgyi is converted only where it is shown.
        for typed in ["ျမ၀တီ", "လိၵ်ႈတႆး"] {
            let bytes =
                plaintext("report", &json!({"location": {"city": typed}})).unwrap_or_default();
            let read = read("report", &bytes);
            assert_eq!(read["location"]["city"], typed, "{read}");
            assert!(read.get("malformed").is_none(), "{read}");
        }
    }

    #[test]
    fn malformed_items_are_marked_not_fatal() {
        let cases: [(&str, Vec<u8>, &str); 5] = [
            ("report", b"not json at all".to_vec(), ". (invalid_type)"),
            (
                "report",
                plaintext("report", &json!({"location": {"country": "Atlantis"}}))
                    .unwrap_or_default(),
                "location.country",
            ),
            (
                "report",
                plaintext("report", &json!({"smuggled": 1})).unwrap_or_default(),
                "smuggled",
            ),
            (
                "report",
                plaintext("report", &json!({})).unwrap_or_default(),
                "too_thin",
            ),
            (
                "projection",
                plaintext("projection", &json!({"narrative": "not in a projection"}))
                    .unwrap_or_default(),
                "narrative",
            ),
        ];
        for (kind, bytes, named) in cases {
            let read = read(kind, &bytes);
            let mark = read["malformed"].as_str().unwrap_or_default();
            assert!(mark.contains(named), "{kind}: {read}");
        }
    }

    #[test]
    fn an_item_that_does_not_say_what_it_is_is_marked_too() {
        // Shaped like the server's own report item, but sealed on a device: still checked.
        let read = read("report", br#"{"narrative":"x"}"#);
        assert!(read["malformed"]
            .as_str()
            .unwrap_or_default()
            .contains("homeward"));
        assert_eq!(read["as_sent"]["narrative"], "x");
    }
}
