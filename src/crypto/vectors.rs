//! The sealed-intake test vectors (docs/sealed-intake-vectors.json): what a device in another
//! language checks its sealing against. Fixed inputs, fixed ephemeral randomness, both formats.

use serde_json::{json, Value};
use uuid::Uuid;

use super::envelope::Suite;
use super::item::{associated_data, FORMAT_AES_GCM, FORMAT_XCHACHA};
use super::{ItemKey, PrivateKey, SealedItem, SealedKey};

const VECTORS: &str = include_str!("../../docs/sealed-intake-vectors.json");

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn fixed(byte: u8, len: usize) -> Vec<u8> {
    (0..len).map(|i| byte.wrapping_add(i as u8)).collect()
}

/// The vectors, computed from their fixed inputs by this crate's own sealing.
fn computed() -> Result<Value, super::CryptoError> {
    let recipient = PrivateKey::from_bytes(&fixed(0x40, 32))?;
    let public = recipient.public_key();
    let report = Uuid::from_bytes([0x11; 16]);
    let item = Uuid::from_bytes([0x22; 16]);
    let key = ItemKey::from_bytes(&fixed(0x80, 32))?;
    let plaintext =
        r#"{"homeward":"report/v1","report":{"narrative":"They took my passport in KK Park"}}"#;
    let mut cases = Vec::new();
    for (format, suite, aead, nonce, ikm) in [
        (
            FORMAT_XCHACHA,
            Suite::ChaCha20Poly1305,
            "ChaCha20Poly1305 (0x0003)",
            fixed(0xa0, 24),
            fixed(0xc0, 32),
        ),
        (
            FORMAT_AES_GCM,
            Suite::Aes128Gcm,
            "AES-128-GCM (0x0001)",
            fixed(0xb0, 12),
            fixed(0xd0, 32),
        ),
    ] {
        let sealed = SealedItem::seal_with_nonce(
            format,
            &key,
            &nonce,
            (report, item),
            plaintext.as_bytes(),
        )?;
        let copy = SealedKey::seal_deterministic(suite, &public, &key, (report, item), &ikm)?;
        cases.push(json!({
            "format": format,
            "item_cipher": if format == FORMAT_XCHACHA { "XChaCha20-Poly1305" } else { "AES-256-GCM" },
            "hpke_aead": aead,
            "item_ad": hex(&associated_data(format, report, item)),
            "nonce": hex(&nonce),
            "ciphertext": hex(&sealed.ciphertext),
            "ikm_e": hex(&ikm),
            "enc": hex(&copy.enc),
            "sealed_key": hex(&copy.ciphertext),
        }));
    }
    let mut key_aad = report.as_bytes().to_vec();
    key_aad.extend_from_slice(item.as_bytes());
    Ok(json!({
        "recipient_private_key": hex(&recipient.to_bytes()),
        "recipient_public_key": hex(&public.to_bytes()),
        "recipient_public_key_text": public.to_text(),
        "report_id": report.to_string(),
        "item_id": item.to_string(),
        "item_key": hex(key.as_bytes()),
        "plaintext": plaintext,
        "hpke_info": "homeward/item-key/v1",
        "hpke_aad": hex(&key_aad),
        "cases": cases,
    }))
}

#[test]
fn the_published_vectors_are_what_this_crate_seals_and_opens() {
    let computed = computed().unwrap_or_else(|e| panic!("{e}"));
    let published: Value = serde_json::from_str(VECTORS).unwrap_or_default();
    assert_eq!(
        published["vectors"],
        computed,
        "docs/sealed-intake-vectors.json is stale; computed:\n{}",
        serde_json::to_string_pretty(&computed).unwrap_or_default()
    );
    // And each case opens with the recipient's key, as the server will open it.
    let recipient = PrivateKey::from_bytes(&fixed(0x40, 32)).unwrap_or_else(|e| panic!("{e}"));
    let (report, item) = (Uuid::from_bytes([0x11; 16]), Uuid::from_bytes([0x22; 16]));
    let unhex = |v: &Value| -> Vec<u8> {
        let s = v.as_str().unwrap_or_default();
        (0..s.len() / 2)
            .filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
            .collect()
    };
    let cases = computed["cases"].as_array().cloned().unwrap_or_default();
    for case in &cases {
        let format = case["format"].as_u64().unwrap_or_default() as u8;
        let suite = Suite::of_format(format).unwrap_or(Suite::ChaCha20Poly1305);
        let copy = SealedKey {
            suite,
            enc: unhex(&case["enc"]),
            ciphertext: unhex(&case["sealed_key"]),
        };
        let key = copy
            .open(&recipient, report, item)
            .unwrap_or_else(|e| panic!("{e}"));
        let sealed = SealedItem {
            format,
            nonce: unhex(&case["nonce"]),
            ciphertext: unhex(&case["ciphertext"]),
        };
        let opened = sealed.open(&key, report, item).map(|p| p.to_vec());
        assert_eq!(
            opened,
            Ok(computed["plaintext"]
                .as_str()
                .unwrap_or_default()
                .as_bytes()
                .to_vec())
        );
    }
}
