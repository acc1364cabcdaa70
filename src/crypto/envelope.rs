//! Item keys sealed to a recipient's public key with HPKE (RFC 9180, base mode,
//! DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, and ChaCha20-Poly1305 on the server or AES-128-GCM
//! where a browser sealed it).

use hpke::aead::{AesGcm128, ChaCha20Poly1305};
use hpke::kdf::HkdfSha256;
use hpke::{Deserializable, OpModeR, OpModeS, Serializable};
use uuid::Uuid;
use zeroize::Zeroizing;

use super::item::ItemKey;
use super::keys::Kem;
use super::{CryptoError, PrivateKey, PublicKey};

const INFO: &[u8] = b"homeward/item-key/v1";

/// The HPKE AEAD a key was sealed with. Every sealed copy names its own, so a key re-sealed by
/// the server (a rotation, a referral) may differ from the copy a browser made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// ChaCha20-Poly1305 (AEAD id 0x0003): the server and the reference client.
    ChaCha20Poly1305,
    /// AES-128-GCM (AEAD id 0x0001): what WebCrypto can do.
    Aes128Gcm,
}

impl Suite {
    pub fn code(self) -> i16 {
        match self {
            Suite::ChaCha20Poly1305 => 1,
            Suite::Aes128Gcm => 2,
        }
    }

    pub fn from_code(code: i16) -> Result<Suite, CryptoError> {
        match code {
            1 => Ok(Suite::ChaCha20Poly1305),
            2 => Ok(Suite::Aes128Gcm),
            _ => Err(CryptoError::InvalidKey),
        }
    }

    /// The suite an item format's keys are sealed with on the device: the format names both.
    pub fn of_format(format: u8) -> Option<Suite> {
        match format {
            super::item::FORMAT_XCHACHA => Some(Suite::ChaCha20Poly1305),
            super::item::FORMAT_AES_GCM => Some(Suite::Aes128Gcm),
            _ => None,
        }
    }
}

/// An item key sealed to one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedKey {
    pub suite: Suite,
    /// The HPKE encapsulated key (32 bytes).
    pub enc: Vec<u8>,
    /// The sealed item key (32 bytes and a 16-byte tag).
    pub ciphertext: Vec<u8>,
}

fn aad(report: Uuid, item: Uuid) -> [u8; 32] {
    let mut aad = [0u8; 32];
    aad[..16].copy_from_slice(report.as_bytes());
    aad[16..].copy_from_slice(item.as_bytes());
    aad
}

impl SealedKey {
    /// A copy the server sealed (queue keys to members are always the server's).
    pub fn server(enc: Vec<u8>, ciphertext: Vec<u8>) -> SealedKey {
        SealedKey {
            suite: Suite::ChaCha20Poly1305,
            enc,
            ciphertext,
        }
    }

    /// Seals any short secret to `to`; `info` names the purpose, `aad` binds it to its owners.
    pub fn seal_secret(
        to: &PublicKey,
        info: &[u8],
        aad: &[u8],
        secret: &[u8],
    ) -> Result<SealedKey, CryptoError> {
        let (enc, ciphertext) = hpke::single_shot_seal::<ChaCha20Poly1305, HkdfSha256, Kem>(
            &OpModeS::Base,
            &to.0,
            info,
            secret,
            aad,
        )
        .map_err(|_| CryptoError::Seal)?;
        Ok(SealedKey {
            suite: Suite::ChaCha20Poly1305,
            enc: enc.to_bytes().to_vec(),
            ciphertext,
        })
    }

    pub fn open_secret(
        &self,
        with: &PrivateKey,
        info: &[u8],
        aad: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        let enc = <Kem as hpke::Kem>::EncappedKey::from_bytes(&self.enc)
            .map_err(|_| CryptoError::Open)?;
        fn open<A: hpke::aead::Aead>(
            with: &PrivateKey,
            enc: &<Kem as hpke::Kem>::EncappedKey,
            (info, ciphertext, aad): (&[u8], &[u8], &[u8]),
        ) -> Result<Vec<u8>, hpke::HpkeError> {
            hpke::single_shot_open::<A, HkdfSha256, Kem>(
                &OpModeR::Base,
                &with.0,
                enc,
                info,
                ciphertext,
                aad,
            )
        }
        let parts = (info, self.ciphertext.as_slice(), aad);
        let opened = match self.suite {
            Suite::ChaCha20Poly1305 => open::<ChaCha20Poly1305>(with, &enc, parts),
            Suite::Aes128Gcm => open::<AesGcm128>(with, &enc, parts),
        };
        opened.map(Zeroizing::new).map_err(|_| CryptoError::Open)
    }

    /// Seals an item key with the ephemeral key drawn from `ikm_e` (RFC 9180 DeriveKeyPair), as
    /// the test vectors fix it; never used for a real key.
    pub fn seal_deterministic(
        suite: Suite,
        to: &PublicKey,
        key: &ItemKey,
        (report, item): (Uuid, Uuid),
        ikm_e: &[u8],
    ) -> Result<SealedKey, CryptoError> {
        let mut rng = fixed::FixedRng(ikm_e.to_vec());
        let aad = aad(report, item);
        type Sealed = (<Kem as hpke::Kem>::EncappedKey, Vec<u8>);
        fn seal<A: hpke::aead::Aead>(
            to: &PublicKey,
            (plaintext, aad): (&[u8], &[u8]),
            rng: &mut fixed::FixedRng,
        ) -> Result<Sealed, hpke::HpkeError> {
            hpke::single_shot_seal_with_rng::<A, HkdfSha256, Kem>(
                &OpModeS::Base,
                &to.0,
                INFO,
                plaintext,
                aad,
                rng,
            )
        }
        let parts = (key.as_bytes().as_slice(), aad.as_slice());
        let sealed = match suite {
            Suite::ChaCha20Poly1305 => seal::<ChaCha20Poly1305>(to, parts, &mut rng),
            Suite::Aes128Gcm => seal::<AesGcm128>(to, parts, &mut rng),
        };
        let (enc, ciphertext) = sealed.map_err(|_| CryptoError::Seal)?;
        Ok(SealedKey {
            suite,
            enc: enc.to_bytes().to_vec(),
            ciphertext,
        })
    }

    pub fn seal(
        to: &PublicKey,
        key: &ItemKey,
        report: Uuid,
        item: Uuid,
    ) -> Result<SealedKey, CryptoError> {
        SealedKey::seal_secret(to, INFO, &aad(report, item), key.as_bytes())
    }

    pub fn open(
        &self,
        with: &PrivateKey,
        report: Uuid,
        item: Uuid,
    ) -> Result<ItemKey, CryptoError> {
        let plain = self.open_secret(with, INFO, &aad(report, item))?;
        ItemKey::from_bytes(&plain)
    }
}

const QUEUE_KEY_INFO: &[u8] = b"homeward/queue-key/v1";

/// A queue's private key sealed to one member's account key.
pub fn seal_queue_key(
    to: &PublicKey,
    queue: &str,
    account: &str,
    key: &PrivateKey,
) -> Result<SealedKey, CryptoError> {
    let aad = super::wrap::ad("homeward/queue-key/v1", &[queue, account]);
    SealedKey::seal_secret(to, QUEUE_KEY_INFO, &aad, &key.to_bytes())
}

pub fn open_queue_key(
    sealed: &SealedKey,
    with: &PrivateKey,
    queue: &str,
    account: &str,
) -> Result<PrivateKey, CryptoError> {
    let aad = super::wrap::ad("homeward/queue-key/v1", &[queue, account]);
    PrivateKey::from_bytes(&sealed.open_secret(with, QUEUE_KEY_INFO, &aad)?)
}

mod fixed {
    use hpke::rand_core::{TryCryptoRng, TryRng};
    use std::convert::Infallible;

    /// Hands out a vector's ikmE where the sender would draw its ephemeral randomness.
    pub(super) struct FixedRng(pub(super) Vec<u8>);
    impl TryRng for FixedRng {
        type Error = Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Infallible> {
            Ok(0)
        }
        fn try_next_u64(&mut self) -> Result<u64, Infallible> {
            Ok(0)
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
            let n = dst.len().min(self.0.len());
            dst[..n].copy_from_slice(&self.0[..n]);
            self.0.drain(..n);
            Ok(())
        }
    }
    impl TryCryptoRng for FixedRng {}
}

#[cfg(test)]
mod tests {
    use super::fixed::FixedRng;
    use super::*;
    use crate::crypto::KeyPair;
    use hpke::Kem as _;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or(0))
            .collect()
    }

    /// RFC 9180, appendix A.2.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, base.
    struct A21;
    impl A21 {
        const INFO: &'static str = "4f6465206f6e2061204772656369616e2055726e";
        const IKM_E: &'static str =
            "909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b";
        const SK_E: &'static str =
            "f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600";
        const IKM_R: &'static str =
            "1ac01f181fdf9f352797655161c58b75c656a6cc2716dcb66372da835542e1df";
        const PK_R: &'static str =
            "4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a";
        const SK_R: &'static str =
            "8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb";
        const ENC: &'static str =
            "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a";
        const PT: &'static str = "4265617574792069732074727574682c20747275746820626561757479";
        const AAD0: &'static str = "436f756e742d30";
        const CT0: &'static str =
            "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28";
    }

    /// The appendix lists DeriveKeyPair's output before X25519 clamping (RFC 7748, section 5);
    /// a serialised private key is clamped.
    fn clamped(mut sk: Vec<u8>) -> Vec<u8> {
        sk[0] &= 248;
        sk[31] &= 127;
        sk[31] |= 64;
        sk
    }

    #[test]
    fn rfc9180_a21_key_derivation() {
        let (sk_r, pk_r) = Kem::derive_keypair(&hex(A21::IKM_R));
        assert_eq!(sk_r.to_bytes().to_vec(), clamped(hex(A21::SK_R)));
        assert_eq!(pk_r.to_bytes().to_vec(), hex(A21::PK_R));
        let (sk_e, pk_e) = Kem::derive_keypair(&hex(A21::IKM_E));
        assert_eq!(sk_e.to_bytes().to_vec(), clamped(hex(A21::SK_E)));
        assert_eq!(pk_e.to_bytes().to_vec(), hex(A21::ENC));
    }

    #[test]
    fn rfc9180_a21_seal_matches_the_vector() {
        let pk_r =
            <Kem as hpke::Kem>::PublicKey::from_bytes(&hex(A21::PK_R)).map_err(|e| e.to_string());
        let sealed = pk_r.and_then(|pk| {
            hpke::single_shot_seal_with_rng::<ChaCha20Poly1305, HkdfSha256, Kem>(
                &OpModeS::Base,
                &pk,
                &hex(A21::INFO),
                &hex(A21::PT),
                &hex(A21::AAD0),
                &mut FixedRng(hex(A21::IKM_E)),
            )
            .map_err(|e| e.to_string())
        });
        let sealed = sealed.map(|(enc, ct)| (enc.to_bytes().to_vec(), ct));
        assert_eq!(sealed, Ok((hex(A21::ENC), hex(A21::CT0))));
    }

    #[test]
    fn rfc9180_a21_open_matches_the_vector() {
        let sk_r =
            <Kem as hpke::Kem>::PrivateKey::from_bytes(&hex(A21::SK_R)).map_err(|e| e.to_string());
        let enc =
            <Kem as hpke::Kem>::EncappedKey::from_bytes(&hex(A21::ENC)).map_err(|e| e.to_string());
        let opened = sk_r.and_then(|sk| {
            let enc = enc?;
            hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, Kem>(
                &OpModeR::Base,
                &sk,
                &enc,
                &hex(A21::INFO),
                &hex(A21::CT0),
                &hex(A21::AAD0),
            )
            .map_err(|e| e.to_string())
        });
        assert_eq!(opened, Ok(hex(A21::PT)));
    }

    #[test]
    fn sealed_keys_open_only_with_the_right_key_and_binding() {
        let pair = KeyPair::generate();
        let other = KeyPair::generate();
        let key = ItemKey::generate();
        let (report, item) = (Uuid::new_v4(), Uuid::new_v4());
        let sealed = SealedKey::seal(&pair.public, &key, report, item);
        let Ok(sealed) = sealed else {
            panic!("sealing failed");
        };
        let opened = sealed
            .open(&pair.private, report, item)
            .map(|k| k.as_bytes().to_vec());
        assert_eq!(opened, Ok(key.as_bytes().to_vec()));
        assert!(sealed.open(&other.private, report, item).is_err());
        assert!(sealed.open(&pair.private, item, report).is_err());
        assert!(sealed.open(&pair.private, report, Uuid::new_v4()).is_err());
        for i in 0..sealed.enc.len() * 8 {
            let mut bad = sealed.clone();
            bad.enc[i / 8] ^= 1 << (i % 8);
            assert!(
                bad.open(&pair.private, report, item).is_err(),
                "enc bit {i}"
            );
        }
        for i in 0..sealed.ciphertext.len() * 8 {
            let mut bad = sealed.clone();
            bad.ciphertext[i / 8] ^= 1 << (i % 8);
            assert!(
                bad.open(&pair.private, report, item).is_err(),
                "ciphertext bit {i}"
            );
        }
    }
}
