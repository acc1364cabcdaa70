//! The receipt code carried by the receipt page's check form, sealed under a key derived from
//! the server pepper, so the code is never in a URL and the server keeps nothing of it. The
//! receipt page and sealed intake (for the form's script) both carry it.
//!
//! The copy lives for `CHECK_MINUTES` from the moment the report's receipt was first shown, and
//! no longer: the moment it was issued is sealed with it and kept when the page is shown again
//! (after a mistyped check, say), so showing the page again never extends it.
//!
//! Format: `issued_at` (8 bytes, big-endian seconds) || nonce (24) || XChaCha20-Poly1305
//! ciphertext of `urgent ("0" or "1") || "|" || code`, with associated data binding the label
//! `homeward/receipt-check/v2` and `issued_at`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::crypto::wrap::{self, Wrapped};
use crate::web::shared::state::AppState;

/// How long the receipt page's check works after the receipt was first shown, in all.
pub const CHECK_MINUTES: i64 = 30;

const KEY_LABEL: &[u8] = b"homeward/receipt-check/key/v1";

/// What the check form carries: the code as shown, whether it was urgent, and when the receipt
/// was first shown (which the copy's lifetime runs from).
pub struct Carried {
    pub code: Zeroizing<String>,
    pub urgent: bool,
    issued_at: i64,
}

impl Carried {
    /// A new report's code, issued now.
    pub fn issued(state: &AppState, code: Zeroizing<String>, urgent: bool) -> Carried {
        Carried {
            code,
            urgent,
            issued_at: state.clock.now(),
        }
    }
}

fn binding(issued_at: i64) -> Vec<u8> {
    wrap::ad("homeward/receipt-check/v2", &[&issued_at.to_string()])
}

/// The carried code, sealed for the page's form with the moment it was first issued; `None`
/// once its lifetime is over.
pub fn seal(state: &AppState, carried: &Carried) -> Option<String> {
    if state.clock.now() > carried.issued_at + CHECK_MINUTES * 60 {
        return None;
    }
    let plain = Zeroizing::new(format!(
        "{}|{}",
        u8::from(carried.urgent),
        carried.code.as_str()
    ));
    let key = state.accounts.purpose_key(KEY_LABEL);
    let sealed = wrap::seal(&key, &binding(carried.issued_at), plain.as_bytes()).ok()?;
    let mut out = carried.issued_at.to_be_bytes().to_vec();
    out.extend_from_slice(&sealed.nonce);
    out.extend_from_slice(&sealed.ciphertext);
    Some(URL_SAFE_NO_PAD.encode(out))
}

/// What a check form carried, while its lifetime lasts.
pub fn unseal(state: &AppState, text: &str) -> Option<Carried> {
    let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
    if bytes.len() < 8 + 24 {
        return None;
    }
    let (at, rest) = bytes.split_at(8);
    let issued_at = i64::from_be_bytes(at.try_into().ok()?);
    if state.clock.now() > issued_at.checked_add(CHECK_MINUTES * 60)? {
        return None;
    }
    let (nonce, ciphertext) = rest.split_at(24);
    let wrapped = Wrapped {
        nonce: nonce.to_vec(),
        ciphertext: ciphertext.to_vec(),
    };
    let key = state.accounts.purpose_key(KEY_LABEL);
    let plain = wrap::open(&key, &binding(issued_at), &wrapped).ok()?;
    let plain = std::str::from_utf8(&plain).ok()?;
    let (urgent, code) = plain.split_once('|')?;
    Some(Carried {
        code: Zeroizing::new(code.to_owned()),
        urgent: urgent == "1",
        issued_at,
    })
}

/// What a report sealed on the device carries to its receipt page: the code and its urgency,
/// sealed as the page's own check carries them, so the code is never in a URL.
pub fn carrier(state: &AppState, code: &SecretString, urgent: bool) -> Option<String> {
    seal(
        state,
        &Carried::issued(
            state,
            Zeroizing::new(code.expose_secret().to_owned()),
            urgent,
        ),
    )
}
