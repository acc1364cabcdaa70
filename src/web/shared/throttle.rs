//! Login attempts per source address (an IPv6 source is its /64, what one subscriber holds): a
//! burst, then one every few seconds. The address is keyed
//! through an HMAC under a key made at start and kept only in memory, so neither the database nor
//! a log ever holds it, and memory holds no address in the clear. Each replica counts its own.
//! Receipt-code attempts are limited per source and, against guessing from many addresses, across
//! all sources together. Submissions are limited per source and in all on the public listener, and
//! in all on the onion listener, whose visitors share one local address.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;

use std::time::{Duration, Instant};

use actix_web::HttpRequest;
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DashMapStateStore;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};
use hmac::{Hmac, KeyInit, Mac};
use rand::Rng;
use sha2::Sha256;
use zeroize::Zeroizing;

/// Above this many tracked sources, forget those whose allowance has refilled.
const TRACKED: usize = 50_000;

/// The clock every limit counts by: the machine's monotonic one or, for the test suite's build
/// only (`test_only_frozen_limits`), one that stands still, so that no allowance refills while a
/// test runs, however slowly.
#[derive(Debug, Clone)]
pub struct LimiterClock {
    started: Instant,
    frozen: bool,
}

impl LimiterClock {
    pub fn new(frozen: bool) -> LimiterClock {
        LimiterClock {
            started: Instant::now(),
            frozen,
        }
    }
}

impl governor::clock::Clock for LimiterClock {
    type Instant = Duration;

    fn now(&self) -> Duration {
        if self.frozen {
            Duration::ZERO
        } else {
            self.started.elapsed()
        }
    }
}

type Direct = RateLimiter<NotKeyed, InMemoryState, LimiterClock, NoOpMiddleware<Duration>>;
type Keyed<K> = RateLimiter<K, DashMapStateStore<K>, LimiterClock, NoOpMiddleware<Duration>>;

fn direct(n: u32, clock: &LimiterClock) -> Direct {
    RateLimiter::direct_with_clock(per_minute(n), clock.clone())
}

pub struct SourceThrottle {
    limiter: Keyed<[u8; 16]>,
    key: Zeroizing<[u8; 32]>,
}

impl SourceThrottle {
    pub fn new(per_minute: u32, clock: &LimiterClock) -> SourceThrottle {
        let mut key = Zeroizing::new([0u8; 32]);
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(key.as_mut());
        SourceThrottle {
            limiter: RateLimiter::dashmap_with_clock(self::per_minute(per_minute), clock.clone()),
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
                // One subscriber holds a whole /64 and may use any address in it: counted as
                // one source, or each address would be a fresh allowance.
                IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                    Some(v4) => v4.to_ipv6_mapped().octets(),
                    None => {
                        let mut octets = v6.octets();
                        octets[8..].fill(0);
                        octets
                    }
                },
            };
            mac.update(&bytes);
            tag.copy_from_slice(&mac.finalize().into_bytes()[..16]);
        }
        tag
    }
}

/// The source address that per-source rate limits count: the peer, or, when the peer is a trusted
/// reverse proxy, the last address in X-Forwarded-For that no trusted proxy added. Used for
/// limits only; never stored or logged.
pub fn limit_source(req: &HttpRequest, trusted: &[IpAddr]) -> Option<IpAddr> {
    let peer = req.peer_addr().map(|a| a.ip())?; // rate-limit key only
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|hop| hop.trim().parse::<IpAddr>().ok())
        .collect::<Vec<_>>();
    Some(
        forwarded
            .into_iter()
            .rev()
            .find(|hop| !trusted.contains(hop))
            .unwrap_or(peer),
    )
}

/// Which listener a request came in on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listener {
    Public,
    Onion,
}

impl Listener {
    pub fn of(req: &HttpRequest, onion: Option<SocketAddr>) -> Listener {
        if onion.is_some_and(|onion| req.app_config().local_addr() == onion) {
            Listener::Onion
        } else {
            Listener::Public
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Listener::Public => "public",
            Listener::Onion => "onion",
        }
    }
}

/// Why a submission was turned away before it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// This source has sent its share: 429.
    Source,
    /// Everyone on this listener together has: 503.
    Everyone,
}

/// Submissions: per source and in all on the public listener; in all on the onion listener.
pub struct Submissions {
    per_source: SourceThrottle,
    public: Direct,
    onion: Direct,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl Submissions {
    pub fn new(limits: &crate::config::LimitSettings, clock: &LimiterClock) -> Submissions {
        Submissions {
            per_source: SourceThrottle::new(limits.submissions_per_minute, clock),
            public: direct(limits.global_submissions_per_minute, clock),
            onion: direct(limits.onion_submissions_per_minute, clock),
        }
    }

    /// Counts a submission; a source already refused does not use up everyone's allowance.
    pub fn admit(&self, listener: Listener, source: Option<IpAddr>) -> Result<(), Refusal> {
        match listener {
            Listener::Onion => self.onion.check().map_err(|_| Refusal::Everyone),
            Listener::Public => {
                if !self.per_source.allow(source) {
                    return Err(Refusal::Source);
                }
                self.public.check().map_err(|_| Refusal::Everyone)
            }
        }
    }
}

/// Attempts at a secret (a receipt code, a login, a password change): a per-source allowance and
/// one shared by every source, so that neither one source nor a flood from many can spend more
/// Argon2id derivations than the shared allowance.
pub struct Attempts {
    per_source: SourceThrottle,
    global: Direct,
}

impl Attempts {
    pub fn new(per_source: u32, global: u32, clock: &LimiterClock) -> Attempts {
        Attempts {
            per_source: SourceThrottle::new(per_source, clock),
            global: direct(global, clock),
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
        let throttle = SourceThrottle::new(3, &LimiterClock::new(false));
        let a = Some(IpAddr::from([10, 0, 0, 1]));
        let b = Some(IpAddr::from([10, 0, 0, 2]));
        assert!((0..3).all(|_| throttle.allow(a)));
        assert!(!throttle.allow(a));
        assert!(throttle.allow(b));
    }

    #[test]
    fn an_ipv6_source_is_its_64() {
        let throttle = SourceThrottle::new(2, &LimiterClock::new(true));
        let address = |last: u16| Some(IpAddr::from([0x2001, 0xdb8, 0x1, 0x2, 0, 0, 0, last]));
        assert!(throttle.allow(address(1)));
        assert!(throttle.allow(address(2)));
        assert!(
            !throttle.allow(address(3)),
            "another address of the same /64"
        );
        let neighbour = Some(IpAddr::from([0x2001, 0xdb8, 0x1, 0x3, 0, 0, 0, 1]));
        assert!(throttle.allow(neighbour), "the next /64 is another source");
    }

    #[test]
    fn code_attempts_stop_at_the_shared_ceiling_whatever_the_source() {
        let attempts = Attempts::new(2, 3, &LimiterClock::new(false));
        let sources: Vec<_> = (1..=4u8)
            .map(|i| Some(IpAddr::from([10, 0, 0, i])))
            .collect();
        assert!(attempts.allow(sources[0]));
        assert!(attempts.allow(sources[1]));
        assert!(attempts.allow(sources[2]));
        assert!(!attempts.allow(sources[3]), "the shared ceiling is reached");
    }

    #[test]
    fn the_onion_listener_has_its_own_allowance() {
        let submissions = Submissions::new(
            &crate::config::LimitSettings {
                submissions_per_minute: 1,
                global_submissions_per_minute: 2,
                onion_submissions_per_minute: 3,
                ..Default::default()
            },
            &LimiterClock::new(false),
        );
        let local = Some(IpAddr::from([127, 0, 0, 1]));
        assert_eq!(submissions.admit(Listener::Public, local), Ok(()));
        assert_eq!(
            submissions.admit(Listener::Public, local),
            Err(Refusal::Source)
        );
        // Onion visitors all arrive from the local address, and are not held to its share.
        assert!((0..3).all(|_| submissions.admit(Listener::Onion, local).is_ok()));
        assert_eq!(
            submissions.admit(Listener::Onion, local),
            Err(Refusal::Everyone)
        );
        let other = Some(IpAddr::from([10, 0, 0, 9]));
        assert_eq!(submissions.admit(Listener::Public, other), Ok(()));
        let third = Some(IpAddr::from([10, 0, 0, 10]));
        assert_eq!(
            submissions.admit(Listener::Public, third),
            Err(Refusal::Everyone)
        );
    }
}
