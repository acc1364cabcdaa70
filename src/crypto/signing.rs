//! Organisations' offline signing keys (Ed25519): an organisation signs its queues' public keys, so
//! partner apps pin the organisation rather than a key that rotates, and the desk organisation
//! countersigns every other organisation's signing key, so vetting takes two.
//!
//! Text forms: `hwok1.` (signing key, kept offline), `hwov1.` (verifying key), `hwsg1.`
//! (signature), each followed by the raw bytes in unpadded base64url. What is signed is a
//! domain-separated statement (see [`Statement`]), never a bare key.
//!
//! A consulate's kind has two spellings (`consulate`, printed everywhere, and `consular`, what
//! queue kinds said before): each statement names it as it always has (`consular` in a queue-key
//! statement, `consulate` in an organisation statement) whichever spelling it is given, so
//! signatures made before the names were joined keep verifying.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey as Ed25519Signing, VerifyingKey as Ed25519Verifying};
use rand::Rng;
use zeroize::Zeroizing;

use super::{CryptoError, PublicKey};

const SIGNING_PREFIX: &str = "hwok1.";
const VERIFYING_PREFIX: &str = "hwov1.";
const SIGNATURE_PREFIX: &str = "hwsg1.";

/// What a signature vouches for. Each names everything a change of which must void it.
pub enum Statement<'a> {
    /// The desk organisation vouches for an organisation: its id, kind, country and signing key.
    Organisation {
        id: &'a str,
        kind: &'a str,
        country: &'a str,
        key: &'a VerifyingKey,
    },
    /// An organisation vouches for one of its queues' public keys.
    QueueKey {
        queue: &'a str,
        kind: &'a str,
        key: &'a PublicKey,
    },
    /// An account's identity key vouches for the account's encryption key.
    AccountKey {
        account: &'a str,
        key: &'a PublicKey,
    },
    /// An organisation (with its signing key) or one of its certified coordinators (with their
    /// identity key) vouches that an account, by id, username and role, with this identity key,
    /// is its member.
    Member {
        organisation: &'a str,
        account: &'a str,
        username: &'a str,
        role: &'a str,
        identity: &'a VerifyingKey,
    },
}

/// A kind as the v1 statements name it: a consulate's queue `consular`, a consulate
/// `consulate`, whichever of the two spellings the caller holds.
fn signed_kind<'k>(kind: &'k str, consulate_as: &'static str) -> &'k str {
    match kind {
        "consular" | "consulate" => consulate_as,
        other => other,
    }
}

impl Statement<'_> {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Statement::Organisation {
                id,
                kind,
                country,
                key,
            } => frame(
                "homeward/organisation/v1",
                &[
                    id.as_bytes(),
                    signed_kind(kind, "consulate").as_bytes(),
                    country.as_bytes(),
                    key.0.as_bytes(),
                ],
            ),
            Statement::QueueKey { queue, kind, key } => frame(
                "homeward/queue-key/v1",
                &[
                    queue.as_bytes(),
                    signed_kind(kind, "consular").as_bytes(),
                    &key.to_bytes(),
                ],
            ),
            Statement::AccountKey { account, key } => frame(
                "homeward/account-key/v1",
                &[account.as_bytes(), &key.to_bytes()],
            ),
            Statement::Member {
                organisation,
                account,
                username,
                role,
                identity,
            } => frame(
                "homeward/member/v1",
                &[
                    organisation.as_bytes(),
                    account.as_bytes(),
                    username.as_bytes(),
                    role.as_bytes(),
                    identity.0.as_bytes(),
                ],
            ),
        }
    }
}

/// Length-prefixed parts, so no two different statements share an encoding.
fn frame(label: &str, parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + parts.iter().map(|p| p.len() + 4).sum::<usize>());
    out.extend_from_slice(label.as_bytes());
    out.push(0);
    for part in parts {
        out.extend_from_slice(&(part.len() as u32).to_be_bytes());
        out.extend_from_slice(part);
    }
    out
}

/// An organisation's offline signing key. Never printed except once, by `to_text`.
pub struct SigningKey(Ed25519Signing);

#[derive(Clone, PartialEq, Eq)]
pub struct VerifyingKey(Ed25519Verifying);

#[derive(Clone, PartialEq, Eq)]
pub struct Signature(ed25519_dalek::Signature);

impl SigningKey {
    pub fn generate() -> SigningKey {
        let mut seed = Zeroizing::new([0u8; 32]);
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(seed.as_mut());
        SigningKey(Ed25519Signing::from_bytes(&seed))
    }

    pub fn parse(text: &str) -> Result<SigningKey, CryptoError> {
        let bytes = Zeroizing::new(decode(text, SIGNING_PREFIX)?);
        let seed: Zeroizing<[u8; 32]> = Zeroizing::new(
            bytes
                .as_slice()
                .try_into()
                .map_err(|_| CryptoError::InvalidKey)?,
        );
        Ok(SigningKey(Ed25519Signing::from_bytes(&seed)))
    }

    /// The key a 32-byte seed makes (an account's identity key, derived from its private key).
    pub(crate) fn from_seed(seed: &[u8; 32]) -> SigningKey {
        SigningKey(Ed25519Signing::from_bytes(seed))
    }

    pub fn to_text(&self) -> Zeroizing<String> {
        let seed = Zeroizing::new(self.0.to_bytes());
        Zeroizing::new(format!(
            "{SIGNING_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(seed.as_ref())
        ))
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        VerifyingKey(self.0.verifying_key())
    }

    pub fn sign(&self, statement: &Statement<'_>) -> Signature {
        Signature(self.0.sign(&statement.bytes()))
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(..)")
    }
}

impl VerifyingKey {
    pub fn from_bytes(bytes: &[u8]) -> Result<VerifyingKey, CryptoError> {
        let bytes: &[u8; 32] = bytes.try_into().map_err(|_| CryptoError::InvalidKey)?;
        Ed25519Verifying::from_bytes(bytes)
            .map(VerifyingKey)
            .map_err(|_| CryptoError::InvalidKey)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.as_bytes().to_vec()
    }

    pub fn parse(text: &str) -> Result<VerifyingKey, CryptoError> {
        VerifyingKey::from_bytes(&decode(text, VERIFYING_PREFIX)?)
    }

    pub fn to_text(&self) -> String {
        format!(
            "{VERIFYING_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(self.0.as_bytes())
        )
    }

    /// Whether `signature` is this key's over `statement` (strict verification: no malleable or
    /// small-order forms).
    pub fn verifies(&self, statement: &Statement<'_>, signature: &Signature) -> bool {
        self.0
            .verify_strict(&statement.bytes(), &signature.0)
            .is_ok()
    }
}

impl std::fmt::Debug for VerifyingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text())
    }
}

impl Signature {
    pub fn from_bytes(bytes: &[u8]) -> Result<Signature, CryptoError> {
        let bytes: &[u8; 64] = bytes.try_into().map_err(|_| CryptoError::InvalidKey)?;
        Ok(Signature(ed25519_dalek::Signature::from_bytes(bytes)))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes().to_vec()
    }

    pub fn parse(text: &str) -> Result<Signature, CryptoError> {
        Signature::from_bytes(&decode(text, SIGNATURE_PREFIX)?)
    }

    pub fn to_text(&self) -> String {
        format!(
            "{SIGNATURE_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(self.0.to_bytes())
        )
    }
}

impl std::fmt::Debug for Signature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text())
    }
}

fn decode(text: &str, prefix: &str) -> Result<Vec<u8>, CryptoError> {
    let encoded = text
        .trim()
        .strip_prefix(prefix)
        .ok_or(CryptoError::InvalidKey)?;
    URL_SAFE_NO_PAD
        .decode(encoded)
        .map_err(|_| CryptoError::InvalidKey)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KeyPair;

    #[test]
    fn rfc8032_test_vector_1() {
        // RFC 8032 section 7.1, TEST 1: the empty message.
        let seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        let key = Ed25519Signing::from_bytes(&seed.try_into().unwrap_or([0; 32]));
        assert_eq!(
            key.verifying_key().as_bytes().to_vec(),
            hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        );
        assert_eq!(
            key.sign(b"").to_bytes().to_vec(),
            hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        );
    }

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or(0))
            .collect()
    }

    #[test]
    fn a_signature_covers_every_part_of_its_statement() {
        let desk = SigningKey::generate();
        let org = SigningKey::generate().verifying_key();
        let other = SigningKey::generate().verifying_key();
        let statement = |id, kind, country, key| Statement::Organisation {
            id,
            kind,
            country,
            key,
        };
        let signature = desk.sign(&statement("ngo-a", "ngo", "KH", &org));
        let anchor = desk.verifying_key();
        assert!(anchor.verifies(&statement("ngo-a", "ngo", "KH", &org), &signature));
        assert!(!anchor.verifies(&statement("ngo-b", "ngo", "KH", &org), &signature));
        assert!(!anchor.verifies(&statement("ngo-a", "consulate", "KH", &org), &signature));
        assert!(!anchor.verifies(&statement("ngo-a", "ngo", "TH", &org), &signature));
        assert!(!anchor.verifies(&statement("ngo-a", "ngo", "KH", &other), &signature));
        assert!(!org.verifies(&statement("ngo-a", "ngo", "KH", &org), &signature));

        let queue = KeyPair::generate().public;
        let signed = desk.sign(&Statement::QueueKey {
            queue: "q",
            kind: "ngo",
            key: &queue,
        });
        assert!(!anchor.verifies(
            &Statement::QueueKey {
                queue: "q",
                kind: "desk",
                key: &queue
            },
            &signed
        ));
    }

    /// A signature made over either spelling of a consulate's kind verifies over the other,
    /// and the bytes signed are the ones signed before the spellings were joined.
    #[test]
    fn both_spellings_of_a_consulate_sign_the_same_statement() {
        let org = SigningKey::generate();
        let anchor = org.verifying_key();
        let queue = KeyPair::generate().public;
        let queue_statement = |kind| Statement::QueueKey {
            queue: "c",
            kind,
            key: &queue,
        };
        let old = org.sign(&queue_statement("consular"));
        assert!(anchor.verifies(&queue_statement("consulate"), &old));
        assert_eq!(
            queue_statement("consulate").bytes(),
            frame(
                "homeward/queue-key/v1",
                &[b"c", b"consular", &queue.to_bytes()]
            )
        );
        let member = SigningKey::generate().verifying_key();
        let org_statement = |kind| Statement::Organisation {
            id: "c",
            kind,
            country: "IN",
            key: &member,
        };
        let old = org.sign(&org_statement("consulate"));
        assert!(anchor.verifies(&org_statement("consular"), &old));
        assert!(!anchor.verifies(&org_statement("ngo"), &old));
    }

    #[test]
    fn text_forms_round_trip_and_debug_hides_the_signing_key() {
        let key = SigningKey::generate();
        let again = SigningKey::parse(&key.to_text()).map(|k| k.verifying_key());
        assert_eq!(again.ok(), Some(key.verifying_key()));
        let public = VerifyingKey::parse(&key.verifying_key().to_text());
        assert_eq!(public.ok(), Some(key.verifying_key()));
        assert_eq!(format!("{key:?}"), "SigningKey(..)");
        assert!(VerifyingKey::parse(&key.to_text()).is_err());
        assert!(Signature::parse("hwsg1.AAAA").is_err());
    }
}
