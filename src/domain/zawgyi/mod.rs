//! Burmese typed in Zawgyi, the font encoding still common on phones in Myanmar. What a reporter
//! sent is sealed exactly as it came; a Zawgyi text is converted to Unicode only in a copy: what
//! a responder is shown (`for_display`, with what was sent beside it) and, later, what is matched
//! (`normalise`). Converting what is sealed would silently alter real Unicode Shan, Mon, Karen
//! and Palaung, whose letters are the code points Zawgyi reuses (U+1060–U+109F), and what a
//! victim wrote is evidence.
//!
//! Whether a text is Zawgyi is a probability (`detector`, the Markov model of Google's
//! myanmar-tools), and a copy is converted only above `THRESHOLD`.

mod convert;
mod detector;
mod display;

use std::borrow::Cow;

pub use convert::to_unicode;
pub use detector::zawgyi_probability;
pub use display::{for_display, for_display_json, ConvertedField, Shown};

/// How sure the detector must be that a text is Zawgyi before a copy is converted.
///
/// myanmar-tools advises 0.95 where conversion is automatic (fewer than 1% of Unicode strings
/// above it). Here a wrong conversion garbles a victim's words on a responder's screen, while a
/// missed one leaves Zawgyi that a responder with a Zawgyi font can still read and that is shown
/// as sent; and the reporters include Shan, Mon and Karen speakers, whose correct Unicode is what
/// such detectors mistake. So the bar is higher: 0.999. Lines of Zawgyi score far above it
/// (every line of their Zawgyi sample: above 0.9999); what falls between 0.95 and 0.999 is
/// mostly a fragment of a word or two, often reading the same in both encodings, or real Unicode
/// their own tests list as misjudged (at 0.995). A fragment left unconverted is still shown, as
/// sent. Real Shan, Mon and Burmese from glibc's locales score 0.68 at most (`tests.rs`).
pub const THRESHOLD: f64 = 0.999;

/// Whether `text` is Zawgyi, above `THRESHOLD`.
pub fn is_zawgyi(text: &str) -> bool {
    zawgyi_probability(text).is_some_and(|p| p > THRESHOLD)
}

/// The text in Unicode, for matching: converted if it is Zawgyi, else as it was. Never for what
/// is sealed. No caller until linking and search match texts; kept here so that they use this
/// and not a conversion of their own.
pub fn normalise(text: &str) -> Cow<'_, str> {
    if is_zawgyi(text) {
        Cow::Owned(to_unicode(text))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests;
