//! The receipt code carried by the receipt page's check form, sealed under a key derived from
//! the server pepper and valid for a short while, so the code is never in a URL and the server
//! keeps nothing of it. The receipt page and sealed intake (for the form's script) both carry it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::crypto::wrap::{self, Wrapped};
use crate::store::now;
use crate::web::shared::state::AppState;

/// How long the receipt page's check works after the report was sent.
const CHECK_MINUTES: i64 = 30;

const KEY_LABEL: &[u8] = b"homeward/receipt-check/key/v1";

/// What the check form carries: the code as shown, whether it was urgent, until when.
pub struct Carried {
    pub code: Zeroizing<String>,
    pub urgent: bool,
}

fn binding(expires_at: i64) -> Vec<u8> {
    wrap::ad("homeward/receipt-check", &[&expires_at.to_string()])
}

/// The carried code, sealed for the page's form, until the check expires.
pub fn seal(state: &AppState, carried: &Carried) -> Option<String> {
    let expires_at = now() + CHECK_MINUTES * 60;
    let plain = Zeroizing::new(format!(
        "{}|{}",
        u8::from(carried.urgent),
        carried.code.as_str()
    ));
    let key = state.accounts.purpose_key(KEY_LABEL);
    let sealed = wrap::seal(&key, &binding(expires_at), plain.as_bytes()).ok()?;
    let mut out = expires_at.to_be_bytes().to_vec();
    out.extend_from_slice(&sealed.nonce);
    out.extend_from_slice(&sealed.ciphertext);
    Some(URL_SAFE_NO_PAD.encode(out))
}

/// What a check form carried, while it has not expired.
pub fn unseal(state: &AppState, text: &str) -> Option<Carried> {
    let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
    if bytes.len() < 8 + 24 {
        return None;
    }
    let (at, rest) = bytes.split_at(8);
    let expires_at = i64::from_be_bytes(at.try_into().ok()?);
    if expires_at < now() {
        return None;
    }
    let (nonce, ciphertext) = rest.split_at(24);
    let wrapped = Wrapped {
        nonce: nonce.to_vec(),
        ciphertext: ciphertext.to_vec(),
    };
    let key = state.accounts.purpose_key(KEY_LABEL);
    let plain = wrap::open(&key, &binding(expires_at), &wrapped).ok()?;
    let plain = std::str::from_utf8(&plain).ok()?;
    let (urgent, code) = plain.split_once('|')?;
    Some(Carried {
        code: Zeroizing::new(code.to_owned()),
        urgent: urgent == "1",
    })
}

/// What a report sealed on the device carries to its receipt page: the code and its urgency,
/// sealed as the page's own check carries them, so the code is never in a URL.
pub fn carrier(state: &AppState, code: &SecretString, urgent: bool) -> Option<String> {
    seal(
        state,
        &Carried {
            code: Zeroizing::new(code.expose_secret().to_owned()),
            urgent,
        },
    )
}
