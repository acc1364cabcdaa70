//! Free text as a person typed it: trimmed, bounded, with control characters refused, so that
//! nothing invisible or oversized reaches a responder's screen. Nothing else is changed: Burmese
//! typed in Zawgyi is kept as typed (and shown in Unicode, by `zawgyi::for_display`), since the
//! same code points are correct Shan, Mon and Karen, and what a reporter wrote is sealed as it came.

use serde::{Deserialize, Serialize};

/// A bounded, trimmed piece of text with no control characters other than line breaks and tabs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(String);

/// Longest short field (names, handles, cities), in characters.
pub const SHORT: usize = 200;
/// Longest long field (the narrative, landmarks, the route), in characters.
pub const LONG: usize = 10_000;

impl Text {
    /// `None` for an empty or blank value; an error code for one too long or with control characters.
    pub fn parse(raw: &str, max_chars: usize) -> Result<Option<Text>, &'static str> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        if trimmed.chars().count() > max_chars {
            return Err("too_long");
        }
        if trimmed
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            return Err("control_characters");
        }
        Ok(Some(Text(trimmed.replace("\r\n", "\n"))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_absent_and_limits_hold() {
        assert_eq!(Text::parse("   ", 10), Ok(None));
        assert_eq!(
            Text::parse(" ab ", 10).map(|t| t.map(|t| t.0)),
            Ok(Some("ab".into()))
        );
        assert_eq!(Text::parse("abcdef", 5), Err("too_long"));
        assert_eq!(Text::parse("a\u{0}b", 5), Err("control_characters"));
        assert_eq!(Text::parse("缅甸妙瓦底", 5).map(|t| t.is_some()), Ok(true));
    }

    #[test]
    fn burmese_shan_and_zawgyi_are_kept_as_typed() {
        // "Myanmar" typed in Zawgyi; Sunday and "Shan language" in Unicode Shan (glibc's shn_MM).
        for typed in [
            "\u{103B}\u{1019}\u{1014}\u{1039}\u{1019}\u{102C}",
            "ဝၼ်းဢႃးတိတ်ႉ",
            "လိၵ်ႈတႆး",
        ] {
            assert_eq!(
                Text::parse(typed, 50).map(|t| t.map(|t| t.0)),
                Ok(Some(typed.into()))
            );
        }
    }
}
