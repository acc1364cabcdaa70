//! Login attempts per source address: a burst, then one every few seconds. The address is keyed
//! through an HMAC under a key made at start and kept only in memory, so neither the database nor
//! a log ever holds it, and memory holds no address in the clear. Each replica counts its own.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
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
}
