//! The reporter's receipt code: 20 digits shown in five groups of four. The first six are the
//! locator (stored, finds the report); the other fourteen are the secret (never stored; Argon2id of
//! it unwraps the report's reporter key). Codes are always shown in ASCII digits and accepted in
//! any script's decimal digits, with any spaces or dashes between them.

use rand::RngExt;
use secrecy::{ExposeSecret, SecretString};

pub const LOCATOR_DIGITS: usize = 6;
pub const SECRET_DIGITS: usize = 14;
/// How many locators there are: every string of `LOCATOR_DIGITS` digits.
pub const LOCATOR_SPACE: u32 = 1_000_000;

/// The stored half of a receipt code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locator(String);

impl Locator {
    /// The locator numbered `n`, zero-padded; `None` beyond the space.
    pub fn numbered(n: u32) -> Option<Locator> {
        (n < LOCATOR_SPACE).then(|| Locator(format!("{n:0LOCATOR_DIGITS$}")))
    }

    pub fn number(&self) -> Option<u32> {
        self.0.parse().ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The never-stored half of a receipt code. Its `Debug` prints nothing of it.
pub struct ReceiptSecret(SecretString);

impl ReceiptSecret {
    pub fn expose(&self) -> &[u8] {
        self.0.expose_secret().as_bytes()
    }
}

impl std::fmt::Debug for ReceiptSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiptSecret(..)")
    }
}

/// A whole receipt code, parsed or freshly made.
#[derive(Debug)]
pub struct ReceiptCode {
    pub locator: Locator,
    pub secret: ReceiptSecret,
}

impl ReceiptCode {
    /// Makes a fresh code from the operating system's random source.
    pub fn generate() -> ReceiptCode {
        ReceiptCode::generate_in(LOCATOR_SPACE)
    }

    /// A fresh code whose locator is drawn below `space` (at most `LOCATOR_SPACE`): the test
    /// suite fills a small space to show what happens when it is full.
    pub fn generate_in(space: u32) -> ReceiptCode {
        let mut rng = rand::rand_core::UnwrapErr(rand::rngs::SysRng);
        let secret: String = (0..SECRET_DIGITS)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect();
        let number = rng.random_range(0..space.clamp(1, LOCATOR_SPACE));
        ReceiptCode {
            locator: Locator(format!("{number:0LOCATOR_DIGITS$}")),
            secret: ReceiptSecret(SecretString::from(secret)),
        }
    }

    /// Accepts the 20 digits in any script, with spaces, dashes or dots anywhere between them.
    pub fn parse(raw: &str) -> Result<ReceiptCode, &'static str> {
        let mut ascii = String::with_capacity(LOCATOR_DIGITS + SECRET_DIGITS);
        for c in raw.chars() {
            if let Some(d) = decimal_digit(c) {
                if ascii.len() == LOCATOR_DIGITS + SECRET_DIGITS {
                    return Err("receipt_length");
                }
                ascii.push(char::from(b'0' + d));
            } else if !(c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '—' | '.' | '_')) {
                return Err("receipt_characters");
            }
        }
        if ascii.len() != LOCATOR_DIGITS + SECRET_DIGITS {
            return Err("receipt_length");
        }
        let secret = ascii.split_off(LOCATOR_DIGITS);
        Ok(ReceiptCode {
            locator: Locator(ascii),
            secret: ReceiptSecret(SecretString::from(secret)),
        })
    }

    /// The code as the reporter must write it down: `1234 5612 3456 7890 1234`.
    pub fn display(&self) -> SecretString {
        let all: String = format!("{}{}", self.locator.0, self.secret.0.expose_secret());
        let grouped = all
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        SecretString::from(grouped)
    }
}

/// The first code point of each run of ten decimal digits in the Basic Multilingual Plane
/// (Unicode general category Nd), so that a code typed on a Khmer, Thai, Burmese, Lao, Bengali,
/// Devanagari, Arabic or full-width keyboard is read as typed.
const DIGIT_ZEROS: &[u32] = &[
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
];

fn decimal_digit(c: char) -> Option<u8> {
    let code = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .and_then(|zero| u8::try_from(code - zero).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii(code: &ReceiptCode) -> String {
        format!("{}{}", code.locator.as_str(), code.secret.0.expose_secret())
    }

    #[test]
    fn generated_codes_round_trip_through_their_display() {
        let code = ReceiptCode::generate();
        let shown = code.display();
        let shown = shown.expose_secret();
        assert_eq!(shown.len(), 24);
        assert_eq!(shown.split(' ').count(), 5);
        let again = ReceiptCode::parse(shown).map(|c| ascii(&c));
        assert_eq!(again, Ok(ascii(&code)));
    }

    #[test]
    fn locators_are_numbered_within_the_space() {
        assert_eq!(Locator::numbered(42).map(|l| l.0), Some("000042".into()));
        assert_eq!(Locator::numbered(LOCATOR_SPACE), None);
        let code = ReceiptCode::generate_in(3);
        assert!(code.locator.number().is_some_and(|n| n < 3));
        assert_eq!(code.locator.as_str().len(), LOCATOR_DIGITS);
        assert_eq!(code.secret.expose().len(), SECRET_DIGITS);
    }

    #[test]
    fn digits_of_other_scripts_are_accepted() {
        let expected = "12345678901234567890";
        for typed in [
            "1234 5678 9012 3456 7890",
            "1234-5678-9012-3456-7890",
            "១២៣៤ ៥៦៧៨ ៩០១២ ៣៤៥៦ ៧៨៩០",                 // Khmer
            "๑๒๓๔ ๕๖๗๘ ๙๐๑๒ ๓๔๕๖ ๗๘๙๐",                 // Thai
            "१२३४ ५६७८ ९०१२ ३४५६ ७८९०",                 // Devanagari
            "၁၂၃၄ ၅၆၇၈ ၉၀၁၂ ၃၄၅၆ ၇၈၉၀",                 // Myanmar
            "１２３４５６７８９０１２３４５６７８９０", // full width
        ] {
            assert_eq!(
                ReceiptCode::parse(typed).map(|c| ascii(&c)),
                Ok(expected.into()),
                "{typed}"
            );
        }
    }

    #[test]
    fn wrong_lengths_and_letters_are_refused() {
        assert_eq!(ReceiptCode::parse("1234").err(), Some("receipt_length"));
        assert_eq!(
            ReceiptCode::parse("123456789012345678901").err(),
            Some("receipt_length")
        );
        assert_eq!(
            ReceiptCode::parse("1234 5678 9012 3456 789a").err(),
            Some("receipt_characters")
        );
    }

    #[test]
    fn debug_shows_no_secret() {
        let code = ReceiptCode::parse("1234 5678 9012 3456 7890");
        let printed = format!("{code:?}");
        assert!(!printed.contains("78901234567890"), "{printed}");
    }
}
