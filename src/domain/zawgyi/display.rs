//! What a responder is shown of what a reporter typed: the one place the staff pages and the
//! workspace API convert Zawgyi, so that both say the same, and say when they did.

use serde_json::Value;

use super::{is_zawgyi, to_unicode};

/// A text as a responder is shown it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown<'a> {
    /// Shown as it was sent.
    AsSent(&'a str),
    /// Typed in Zawgyi: shown in Unicode, with what was sent kept beside it.
    FromZawgyi { unicode: String, sent: &'a str },
}

impl Shown<'_> {
    /// What to show.
    pub fn text(&self) -> &str {
        match self {
            Shown::AsSent(text) => text,
            Shown::FromZawgyi { unicode, .. } => unicode,
        }
    }

    /// What was sent, when what is shown differs from it.
    pub fn converted_from(&self) -> Option<&str> {
        match self {
            Shown::AsSent(_) => None,
            Shown::FromZawgyi { sent, .. } => Some(sent),
        }
    }
}

/// `text` as a responder is shown it: in Unicode if it was typed in Zawgyi, else as sent.
pub fn for_display(text: &str) -> Shown<'_> {
    if is_zawgyi(text) {
        Shown::FromZawgyi {
            unicode: to_unicode(text),
            sent: text,
        }
    } else {
        Shown::AsSent(text)
    }
}

/// A text of an item that is shown converted: where it is (keys joined by dots, list positions
/// by number) and what was sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ConvertedField {
    pub field: String,
    pub sent: String,
}

/// An opened item as a responder is shown it: every text in it through `for_display`, and the
/// list of those shown converted.
pub fn for_display_json(value: &Value) -> (Value, Vec<ConvertedField>) {
    let mut converted = Vec::new();
    let shown = walk(value, "", &mut converted);
    (shown, converted)
}

fn walk(value: &Value, path: &str, converted: &mut Vec<ConvertedField>) -> Value {
    let at = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::String(text) => match for_display(text) {
            Shown::AsSent(_) => value.clone(),
            Shown::FromZawgyi { unicode, sent } => {
                converted.push(ConvertedField {
                    field: path.to_owned(),
                    sent: sent.to_owned(),
                });
                Value::String(unicode)
            }
        },
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), walk(v, &at(k), converted)))
                .collect(),
        ),
        Value::Array(list) => Value::Array(
            list.iter()
                .enumerate()
                .map(|(i, v)| walk(v, &at(&i.to_string()), converted))
                .collect(),
        ),
        other => other.clone(),
    }
}
