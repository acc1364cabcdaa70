//! A receipt code as typed, in any script; what parses must render back to 20 ASCII digits.
#![no_main]

use homeward::domain::ReceiptCode;
use libfuzzer_sys::fuzz_target;
use secrecy::ExposeSecret;

fuzz_target!(|raw: &str| {
    if let Ok(code) = ReceiptCode::parse(raw) {
        let shown = code.display();
        let shown = shown.expose_secret();
        let digits: Vec<char> = shown.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(digits.len(), 20, "{shown}");
        assert!(digits.iter().all(char::is_ascii_digit), "{shown}");
    }
});
