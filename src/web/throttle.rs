//! Login attempts per source address: a burst, then one every few seconds. The address is keyed
//! through an HMAC under a key made at start and kept only in memory, so neither the database nor
//! a log ever holds it, and memory holds no address in the clear. Each replica counts its own.
//! Receipt-code attempts are limited per source and, against guessing from many addresses, across
//! all sources together.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use zeroize::Zeroizing;

/// Above this many tracked sources, forget those whose allowance has refilled.
const TRACKED: usize = 50_000;

pub struct SourceThrottle {
    limiter: DefaultKeyedRateLimiter<[u8; 16]>,
    key: Zeroizing<[u8; 32]>,
}

impl SourceThrottle {
    pub fn new(per_minute: u32) -> SourceThrottle {
        let mut key = Zeroizing::new([0u8; 32]);
        rand::rngs::OsRng.fill_bytes(key.as_mut());
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        SourceThrottle {
            limiter: RateLimiter::keyed(Quota::per_minute(per_minute)),
            key,
        }
    }

    /// Whether this source may try now; counts the attempt.
    pub fn allow(&self, source: Option<IpAddr>) -> bool {
        let Some(source) = source else {
            return true;
        };
        if self.limiter.len() > TRACKED {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&self.tag(source)).is_ok()
    }

    fn tag(&self, source: IpAddr) -> [u8; 16] {
        let mut tag = [0u8; 16];
        if let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(self.key.as_ref()) {
            let bytes = match source {
                IpAddr::V4(v4) => v4.to_ipv6_mapped().octets(),
                IpAddr::V6(v6) => v6.octets(),
            };
            mac.update(&bytes);
            tag.copy_from_slice(&mac.finalize().into_bytes()[..16]);
        }
        tag
    }
}

/// Receipt-code attempts: a per-source allowance and one shared by every source.
pub struct CodeAttempts {
    per_source: SourceThrottle,
    global: DefaultDirectRateLimiter,
}

impl CodeAttempts {
    pub fn new(per_source: u32, global: u32) -> CodeAttempts {
        let global = NonZeroU32::new(global).unwrap_or(NonZeroU32::MIN);
        CodeAttempts {
            per_source: SourceThrottle::new(per_source),
            global: RateLimiter::direct(Quota::per_minute(global)),
        }
    }

    /// Whether this attempt may go ahead; a source already refused does not use up the shared
    /// allowance.
    pub fn allow(&self, source: Option<IpAddr>) -> bool {
        self.per_source.allow(source) && self.global.check().is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_gets_its_burst_and_others_are_unaffected() {
        let throttle = SourceThrottle::new(3);
        let a = Some(IpAddr::from([10, 0, 0, 1]));
        let b = Some(IpAddr::from([10, 0, 0, 2]));
        assert!((0..3).all(|_| throttle.allow(a)));
        assert!(!throttle.allow(a));
        assert!(throttle.allow(b));
    }

    #[test]
    fn code_attempts_stop_at_the_shared_ceiling_whatever_the_source() {
        let attempts = CodeAttempts::new(2, 3);
        let sources: Vec<_> = (1..=4u8)
            .map(|i| Some(IpAddr::from([10, 0, 0, i])))
            .collect();
        assert!(attempts.allow(sources[0]));
        assert!(attempts.allow(sources[1]));
        assert!(attempts.allow(sources[2]));
        assert!(!attempts.allow(sources[3]), "the shared ceiling is reached");
    }
}
