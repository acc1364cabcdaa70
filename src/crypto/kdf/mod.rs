//! Argon2id, run on a bounded pool of its own threads (`pool`): never on the async executor, never
//! more at once than configured. Each thread keeps one memory area and reuses it (wiped after
//! every derivation), so memory stays at `threads × memory_kib` under a flood instead of growing
//! with the allocator's arenas. Every stored derivation keeps its parameters.

use argon2::{Algorithm, Argon2, Block, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::Rng;
use serde::Deserialize;
use uuid::Uuid;
use zeroize::Zeroizing;

use super::{CryptoError, PrivateKey};

mod pool;

pub use pool::{KdfPool, Load};

/// Argon2id cost parameters, as configured and as stored beside each derivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Argon2Params {
    /// Memory in KiB.
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Argon2Params {
    /// The stored form, e.g. `argon2id$v=19$m=19456,t=2,p=1`.
    pub fn encode(&self) -> String {
        format!(
            "argon2id$v=19$m={},t={},p={}",
            self.memory_kib, self.iterations, self.parallelism
        )
    }

    pub fn decode(stored: &str) -> Result<Argon2Params, CryptoError> {
        let bad = || CryptoError::Kdf("unreadable parameters".into());
        let rest = stored.strip_prefix("argon2id$v=19$").ok_or_else(bad)?;
        let mut m = None;
        let mut t = None;
        let mut p = None;
        for part in rest.split(',') {
            let (name, value) = part.split_once('=').ok_or_else(bad)?;
            let value: u32 = value.parse().map_err(|_| bad())?;
            match name {
                "m" => m = Some(value),
                "t" => t = Some(value),
                "p" => p = Some(value),
                _ => return Err(bad()),
            }
        }
        Ok(Argon2Params {
            memory_kib: m.ok_or_else(bad)?,
            iterations: t.ok_or_else(bad)?,
            parallelism: p.ok_or_else(bad)?,
        })
    }

    fn argon2(&self) -> Result<Argon2<'static>, CryptoError> {
        let params = Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|e| CryptoError::Kdf(e.to_string()))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    /// Checks the parameters without deriving anything (for configuration checks).
    pub fn validate(&self) -> Result<(), CryptoError> {
        self.argon2().map(|_| ())
    }
}

/// One Argon2id derivation, on the calling thread. Use `KdfPool::derive` from async code.
pub fn derive_blocking(
    secret: &[u8],
    salt: &[u8],
    params: Argon2Params,
) -> Result<Zeroizing<[u8; 32]>, CryptoError> {
    derive_with(&mut Vec::new(), secret, salt, params)
}

/// The mean time of one derivation as the pool runs it (reusing its memory), over `rounds`.
pub fn measure(params: Argon2Params, rounds: u32) -> Result<std::time::Duration, CryptoError> {
    let mut memory = Vec::new();
    let salt = new_salt();
    derive_with(&mut memory, b"warm-up", &salt, params)?;
    let started = std::time::Instant::now();
    for round in 0..rounds.max(1) {
        derive_with(&mut memory, &round.to_le_bytes(), &salt, params)?;
    }
    Ok(started.elapsed() / rounds.max(1))
}

/// One derivation in `memory`, grown if the parameters need more and wiped afterwards.
fn derive_with(
    memory: &mut Vec<Block>,
    secret: &[u8],
    salt: &[u8],
    params: Argon2Params,
) -> Result<Zeroizing<[u8; 32]>, CryptoError> {
    let argon2 = params.argon2()?;
    let blocks = argon2.params().block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    let mut out = Zeroizing::new([0u8; 32]);
    let result = argon2
        .hash_password_into_with_memory(secret, salt, out.as_mut(), &mut memory[..blocks])
        .map_err(|e| CryptoError::Kdf(e.to_string()));
    memory[..blocks]
        .iter_mut()
        .for_each(zeroize::Zeroize::zeroize);
    result.map(|()| out)
}

/// A private key wrapped under a key derived with Argon2id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    pub salt: Vec<u8>,
    pub params: String,
    pub nonce: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

pub fn new_salt() -> Vec<u8> {
    let mut salt = vec![0u8; 16];
    rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut salt);
    salt
}

fn reporter_ad(report: Uuid) -> Vec<u8> {
    let mut ad = b"homeward/reporter-key/v1".to_vec();
    ad.extend_from_slice(report.as_bytes());
    ad
}

impl WrappedKey {
    /// Wraps `key` under `kek`, which was derived from the salt and parameters given.
    pub fn wrap(
        kek: &[u8; 32],
        key: &PrivateKey,
        report: Uuid,
        salt: Vec<u8>,
        params: Argon2Params,
    ) -> Result<WrappedKey, CryptoError> {
        let mut nonce = [0u8; 24];
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut nonce);
        let cipher = XChaCha20Poly1305::new(kek.into());
        let plain = key.to_bytes();
        let ciphertext = cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &plain,
                    aad: &reporter_ad(report),
                },
            )
            .map_err(|_| CryptoError::Seal)?;
        Ok(WrappedKey {
            salt,
            params: params.encode(),
            nonce: nonce.to_vec(),
            ciphertext,
        })
    }

    pub fn unwrap_key(&self, kek: &[u8; 32], report: Uuid) -> Result<PrivateKey, CryptoError> {
        if self.nonce.len() != 24 {
            return Err(CryptoError::Open);
        }
        let nonce = XNonce::try_from(self.nonce.as_slice()).map_err(|_| CryptoError::Open)?;
        let cipher = XChaCha20Poly1305::new(kek.into());
        let plain = Zeroizing::new(
            cipher
                .decrypt(
                    &nonce,
                    Payload {
                        msg: &self.ciphertext,
                        aad: &reporter_ad(report),
                    },
                )
                .map_err(|_| CryptoError::Open)?,
        );
        PrivateKey::from_bytes(&plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KeyPair;

    const CHEAP: Argon2Params = Argon2Params {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

    #[test]
    fn argon2id_passes_the_rfc9106_vector() {
        // RFC 9106, section 5.3: Argon2id with a secret and associated data.
        let params = argon2::ParamsBuilder::new()
            .m_cost(32)
            .t_cost(3)
            .p_cost(4)
            .data(argon2::AssociatedData::new(&[4u8; 12]).unwrap_or_else(|_| panic!("ad")))
            .output_len(32)
            .build();
        let Ok(params) = params else { panic!("params") };
        let Ok(argon) =
            Argon2::new_with_secret(&[3u8; 8], Algorithm::Argon2id, Version::V0x13, params)
        else {
            panic!("secret")
        };
        let mut tag = [0u8; 32];
        assert!(argon
            .hash_password_into(&[1u8; 32], &[2u8; 16], &mut tag)
            .is_ok());
        let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
        );
    }

    #[test]
    fn derivations_depend_on_every_input() {
        let out = derive_blocking(b"password", b"somesaltsomesalt", CHEAP).map(|k| k.to_vec());
        let again = derive_blocking(b"password", b"somesaltsomesalt", CHEAP).map(|k| k.to_vec());
        assert_eq!(out, again);
        let other = derive_blocking(b"passwore", b"somesaltsomesalt", CHEAP).map(|k| k.to_vec());
        assert_ne!(out, other);
        let salted = derive_blocking(b"password", b"somesaltsomesalu", CHEAP).map(|k| k.to_vec());
        assert_ne!(out, salted);
    }

    #[tokio::test]
    async fn the_pool_derives_what_the_calling_thread_would() {
        let pool = KdfPool::new(2);
        let salt = new_salt();
        let expected = derive_blocking(b"12345678901234", &salt, CHEAP).map(|k| k.to_vec());
        let many = (0..8).map(|_| {
            pool.derive(
                Zeroizing::new(b"12345678901234".to_vec()),
                salt.clone(),
                CHEAP,
            )
        });
        for derived in futures_util::future::join_all(many).await {
            assert_eq!(derived.map(|k| k.to_vec()), expected);
        }
        // Reused memory is wiped between derivations, so a larger cost after a smaller one is right too.
        let bigger = Argon2Params {
            memory_kib: 256,
            ..CHEAP
        };
        let direct = derive_blocking(b"x", &salt, bigger).map(|k| k.to_vec());
        let pooled = pool
            .derive(Zeroizing::new(b"x".to_vec()), salt.clone(), bigger)
            .await;
        assert_eq!(pooled.map(|k| k.to_vec()), direct);
    }

    #[test]
    fn params_round_trip() {
        assert_eq!(Argon2Params::decode(&CHEAP.encode()), Ok(CHEAP));
        assert!(Argon2Params::decode("argon2id$v=19$m=1").is_err());
    }

    #[test]
    fn wrapped_keys_open_only_with_the_same_derivation() {
        let pair = KeyPair::generate();
        let report = Uuid::new_v4();
        let salt = new_salt();
        let kek = derive_blocking(b"12345678901234", &salt, CHEAP);
        let wrong = derive_blocking(b"12345678901235", &salt, CHEAP);
        let (Ok(kek), Ok(wrong)) = (kek, wrong) else {
            panic!("derivation failed");
        };
        let Ok(wrapped) = WrappedKey::wrap(&kek, &pair.private, report, salt, CHEAP) else {
            panic!("wrapping failed");
        };
        assert_eq!(
            wrapped.unwrap_key(&kek, report).map(|k| k.public_key()),
            Ok(pair.public.clone())
        );
        assert!(wrapped.unwrap_key(&wrong, report).is_err());
        assert!(wrapped.unwrap_key(&kek, Uuid::new_v4()).is_err());
    }
}
