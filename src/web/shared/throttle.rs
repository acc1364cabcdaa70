//! Login attempts per source: a burst, then one every few seconds. A source is an address (an
//! IPv6 one is its /64, what one subscriber holds) or, on the onion listener, a Tor circuit
//! (`circuit`), which the onion listener reads from Tor's PROXY line. Either is keyed
//! through an HMAC under a key made at start and kept only in memory, so neither the database nor
//! a log ever holds it, and memory holds no address or circuit in the clear. Each replica counts
//! its own.
//!
//! Receipt-code and login attempts are limited per source and, against guessing from many
//! sources, across all sources together on each listener: circuits cost nothing to make, so the
//! onion listener's visitors must not be able to spend what the public listener's need, nor the
//! reverse. Submissions are limited per source and in all on each listener. Logins that show a
//! known device (`trust::accounts::KnownDevice`) for the account they name have an allowance of
//! their own, which no stranger can reach.
//!
//! A ceiling shared by everyone (`FairCeiling`) keeps its last half for sources that have tried
//! little in the last minute: circuits cost nothing to make, so per-source limits alone stop only a naive
//! flood, and a flood of many circuits (or addresses) that spends its share would otherwise leave
//! nothing for a reporter who comes in once. Why half, and what it costs an attacker, is in
//! docs/security.md ("Onion visitors, circuit by circuit").

use std::net::IpAddr;
use std::num::NonZeroU32;

use std::time::{Duration, Instant};

use actix_web::HttpRequest;

use crate::trust::accounts::{KnownDevice, Origin};
use crate::web::shared::circuit::Circuit;
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

/// Light tries under a `FairCeiling`: two at once (a reporter sends a form, or types a code, and
/// may have to send it once more), then one a minute. A circuit kept busy brings one light try a
/// minute, so spending the kept half for good takes as many circuits as it holds.
const LIGHT_BURST: NonZeroU32 = match NonZeroU32::new(2) {
    Some(burst) => burst,
    None => NonZeroU32::MIN,
};

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
    pub fn allow(&self, source: Option<Source>) -> bool {
        let Some(source) = source else {
            return true;
        };
        if self.limiter.len() > TRACKED {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&self.tag(source)).is_ok()
    }

    /// The key a source is counted under: an HMAC, so that memory holds no address or circuit.
    fn tag(&self, source: Source) -> [u8; 16] {
        match source {
            Source::Address(address) => self.keyed(b"address", &subscriber(address)),
            // A domain of its own: a circuit id is never some address's bytes.
            Source::Circuit(circuit) => self.keyed(b"circuit", &circuit.to_be_bytes()),
        }
    }

    /// The key an account is counted under, in a domain of its own, so that memory holds no
    /// account id either.
    fn account_tag(&self, account_id: &str) -> [u8; 16] {
        self.keyed(b"account", account_id.as_bytes())
    }

    fn keyed(&self, domain: &[u8], bytes: &[u8]) -> [u8; 16] {
        let mut tag = [0u8; 16];
        if let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(self.key.as_ref()) {
            mac.update(domain);
            mac.update(bytes);
            tag.copy_from_slice(&mac.finalize().into_bytes()[..16]);
        }
        tag
    }
}

/// What one subscriber holds: an IPv4 address, or an IPv6 /64 (any address in it is theirs to
/// use, so each would otherwise be a fresh allowance).
fn subscriber(address: IpAddr) -> [u8; 16] {
    match address {
        IpAddr::V4(v4) => v4.to_ipv6_mapped().octets(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_ipv6_mapped().octets(),
            None => {
                let mut octets = v6.octets();
                octets[8..].fill(0);
                octets
            }
        },
    }
}

/// Who a per-source limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The peer's address, or the one a believed proxy passed on (public listener).
    Address(IpAddr),
    /// The Tor circuit the onion listener read from Tor's PROXY line.
    Circuit(Circuit),
}

/// A ceiling shared by every source, whose last half is kept for sources that have tried little:
/// a source past its light tries (`LIGHT_BURST`, then one a minute) draws only on the open half,
/// so a flood that spends it leaves the kept half to those who come in once or twice (a form
/// sent again after it came back, a code typed again). A light try draws on the open half while it lasts, so the
/// kept half is spent only by tries that came after the open half ran out. The total never
/// exceeds the ceiling.
pub struct FairCeiling {
    open: Direct,
    kept: Option<Direct>,
    seen: Keyed<[u8; 16]>,
}

impl FairCeiling {
    /// `per_minute` in all, half of it (rounded down) kept for light tries.
    pub fn new(per_minute: u32, clock: &LimiterClock) -> FairCeiling {
        let kept = per_minute / 2;
        FairCeiling {
            open: direct(per_minute - kept, clock),
            kept: (kept > 0).then(|| direct(kept, clock)),
            // A source tries lightly while it has some of these left.
            seen: RateLimiter::dashmap_with_clock(
                self::per_minute(1).allow_burst(LIGHT_BURST),
                clock.clone(),
            ),
        }
    }

    /// Whether this try fits under the ceiling; counts it. A source the server cannot name never
    /// tries lightly.
    pub fn admit(&self, tag: Option<[u8; 16]>) -> bool {
        if self.seen.len() > TRACKED {
            self.seen.retain_recent();
        }
        let light = tag.is_some_and(|tag| self.seen.check_key(&tag).is_ok());
        self.open.check().is_ok()
            || (light && self.kept.as_ref().is_some_and(|kept| kept.check().is_ok()))
    }
}

/// The source that per-source rate limits count: on the onion listener, the circuit Tor named
/// (X-Forwarded-For is never believed there, whoever the peer); elsewhere the peer or, when the
/// peer is a trusted reverse proxy, the last address in X-Forwarded-For that no trusted proxy
/// added. Used for limits only; never stored or logged.
pub fn limit_source(req: &HttpRequest, trusted: &[IpAddr]) -> Option<Source> {
    if let Some(circuit) = req.conn_data::<Circuit>() {
        return Some(Source::Circuit(*circuit));
    }
    let peer = req.peer_addr().map(|a| a.ip())?; // rate-limit key only
    if !trusted.contains(&peer) {
        return Some(Source::Address(peer));
    }
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|hop| hop.trim().parse::<IpAddr>().ok())
        .collect::<Vec<_>>();
    Some(Source::Address(
        forwarded
            .into_iter()
            .rev()
            .find(|hop| !trusted.contains(hop))
            .unwrap_or(peer),
    ))
}

/// Which listener a request came in on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listener {
    Public,
    Onion,
}

impl Listener {
    /// Only the onion listener's connections carry a circuit: it refuses any without one.
    pub fn of(req: &HttpRequest) -> Listener {
        if req.conn_data::<Circuit>().is_some() {
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

/// Submissions: per source and in all on each listener; on the onion listener a source is a
/// circuit, and the ceiling keeps half for circuits that have sent little.
pub struct Submissions {
    per_source: SourceThrottle,
    public: Direct,
    onion: FairCeiling,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl Submissions {
    pub fn new(limits: &crate::config::LimitSettings, clock: &LimiterClock) -> Submissions {
        Submissions {
            per_source: SourceThrottle::new(limits.submissions_per_minute, clock),
            public: direct(limits.global_submissions_per_minute, clock),
            onion: FairCeiling::new(limits.onion_submissions_per_minute, clock),
        }
    }

    /// Counts a submission; a source already refused does not use up everyone's allowance.
    pub fn admit(&self, listener: Listener, source: Option<Source>) -> Result<(), Refusal> {
        if !self.per_source.allow(source) {
            return Err(Refusal::Source);
        }
        let admitted = match listener {
            Listener::Onion => self.onion.admit(source.map(|s| self.per_source.tag(s))),
            Listener::Public => self.public.check().is_ok(),
        };
        if admitted {
            Ok(())
        } else {
            Err(Refusal::Everyone)
        }
    }
}

/// Attempts at a secret (a receipt code, a login, a password change): a per-source allowance and
/// a ceiling shared by every source on each listener, part of it kept for sources on their first
/// tries, so that neither one source nor a flood of addresses or circuits can spend more Argon2id
/// derivations than the ceiling, nor spend it all on guesses. With an onion listener the
/// configured ceiling is split between the two (`Attempts::new`), so the total stays what was
/// configured.
pub struct Attempts {
    per_source: SourceThrottle,
    public: FairCeiling,
    /// The onion listener's share, when there is one.
    onion: Option<FairCeiling>,
}

impl Attempts {
    /// `global` a minute across sources: all of it on the public listener or, with an onion
    /// listener, ⌈global/2⌉ there and ⌊global/2⌋ (at least one) on the onion listener.
    pub fn new(per_source: u32, global: u32, onion: bool, clock: &LimiterClock) -> Attempts {
        let onion_share = global / 2;
        Attempts {
            per_source: SourceThrottle::new(per_source, clock),
            public: FairCeiling::new(if onion { global - onion_share } else { global }, clock),
            onion: onion.then(|| FairCeiling::new(onion_share.max(1), clock)),
        }
    }

    /// The ceiling a source's listener has. Only the onion listener's connections carry a
    /// circuit (`limit_source` names it first), so a circuit is an onion visitor.
    fn ceiling(&self, source: Option<Source>) -> &FairCeiling {
        match (source, &self.onion) {
            (Some(Source::Circuit(_)), Some(onion)) => onion,
            _ => &self.public,
        }
    }

    /// Who is trying, for the backoff after failed attempts: the source's tag, never its address.
    pub fn origin(&self, source: Option<Source>) -> Origin {
        Origin::new(source.map(|source| self.per_source.tag(source)))
    }

    /// Whether this attempt may go ahead; a source already refused does not use up the shared
    /// allowance.
    pub fn allow(&self, source: Option<Source>) -> bool {
        self.per_source.allow(source)
            && self
                .ceiling(source)
                .admit(source.map(|source| self.per_source.tag(source)))
    }
}

/// Login attempts, and the password changes and recoveries counted with them. Strangers share
/// one allowance (`Attempts`); an attempt that shows a known device for the account it names
/// draws on a second of the same size, per source and per listener alike, which no stranger can
/// reach, so a flood of cheap sources that spends the first keeps no responder out. Within the
/// second, an account is what tries lightly or not: a responder who mistypes once still tries
/// lightly, while a device value stolen and tried from many sources reaches only the open half,
/// leaving the kept half to every other account.
pub struct Logins {
    strangers: Attempts,
    known: Attempts,
}

impl Logins {
    pub fn new(per_source: u32, global: u32, onion: bool, clock: &LimiterClock) -> Logins {
        Logins {
            strangers: Attempts::new(per_source, global, onion, clock),
            known: Attempts::new(per_source, global, onion, clock),
        }
    }

    /// Who is trying, for the backoff after failed attempts: the same for an attempt with a
    /// known device as without, so that a device buys no fresh failures at a name.
    pub fn origin(&self, source: Option<Source>) -> Origin {
        self.strangers.origin(source)
    }

    /// Whether an attempt that shows no known device (a password change, a recovery) may go
    /// ahead; counts it.
    pub fn allow(&self, source: Option<Source>) -> bool {
        self.strangers.allow(source)
    }

    /// Whether a login attempt may go ahead; counts it in the known devices' allowance if it
    /// shows a known device for the account it names, else in strangers'.
    pub fn allow_login(&self, source: Option<Source>, device: Option<&KnownDevice>) -> bool {
        let Some(device) = device else {
            return self.strangers.allow(source);
        };
        let known = &self.known;
        known.per_source.allow(source)
            && known
                .ceiling(source)
                .admit(Some(known.per_source.account_tag(device.account_id())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(octets: [u8; 4]) -> Option<Source> {
        Some(Source::Address(IpAddr::from(octets)))
    }

    fn circuit(id: u32) -> Option<Source> {
        Some(Source::Circuit(Circuit::new(id)))
    }

    #[test]
    fn a_source_gets_its_burst_and_others_are_unaffected() {
        let throttle = SourceThrottle::new(3, &LimiterClock::new(false));
        let a = address([10, 0, 0, 1]);
        let b = address([10, 0, 0, 2]);
        assert!((0..3).all(|_| throttle.allow(a)));
        assert!(!throttle.allow(a));
        assert!(throttle.allow(b));
    }

    #[test]
    fn an_ipv6_source_is_its_64() {
        let throttle = SourceThrottle::new(2, &LimiterClock::new(true));
        let address = |last: u16| {
            Some(Source::Address(IpAddr::from([
                0x2001, 0xdb8, 0x1, 0x2, 0, 0, 0, last,
            ])))
        };
        assert!(throttle.allow(address(1)));
        assert!(throttle.allow(address(2)));
        assert!(
            !throttle.allow(address(3)),
            "another address of the same /64"
        );
        let neighbour = Some(Source::Address(IpAddr::from([
            0x2001, 0xdb8, 0x1, 0x3, 0, 0, 0, 1,
        ])));
        assert!(throttle.allow(neighbour), "the next /64 is another source");
    }

    #[test]
    fn each_circuit_is_a_source_of_its_own_and_no_address() {
        let throttle = SourceThrottle::new(1, &LimiterClock::new(true));
        assert!(throttle.allow(circuit(7)));
        assert!(!throttle.allow(circuit(7)));
        assert!(throttle.allow(circuit(8)), "another circuit");
        // Circuit 0x7f000001 and the address 127.0.0.1 share their bytes, not their allowance.
        assert!(throttle.allow(circuit(0x7f00_0001)));
        assert!(throttle.allow(address([127, 0, 0, 1])));
    }

    #[test]
    fn code_attempts_stop_at_the_shared_ceiling_whatever_the_source() {
        let attempts = Attempts::new(2, 3, false, &LimiterClock::new(false));
        let sources: Vec<_> = (1..=4u8).map(|i| address([10, 0, 0, i])).collect();
        assert!(attempts.allow(sources[0]));
        assert!(attempts.allow(sources[1]));
        assert!(attempts.allow(sources[2]));
        assert!(!attempts.allow(sources[3]), "the shared ceiling is reached");
    }

    #[test]
    fn a_fair_ceiling_keeps_its_last_half_for_light_tries() {
        let clock = LimiterClock::new(true);
        let throttle = SourceThrottle::new(1000, &clock);
        let ceiling = FairCeiling::new(10, &clock);
        let tag = |id| Some(throttle.tag(Source::Circuit(Circuit::new(id))));
        // One circuit tries again and again: it gets the open half and no more.
        let heavy = (0..20).filter(|_| ceiling.admit(tag(1))).count();
        assert_eq!(heavy, 5);
        // Circuits coming in once or twice still get through, until the kept half is spent.
        assert!(ceiling.admit(tag(2)) && ceiling.admit(tag(2)));
        assert!(!ceiling.admit(tag(2)), "a third try is no longer light");
        assert!((3..6).all(|id| ceiling.admit(tag(id))));
        assert!(!ceiling.admit(tag(6)), "the whole ceiling is spent");
        assert!(
            !ceiling.admit(None),
            "an unnamed source never tries lightly"
        );
    }

    #[test]
    fn an_odd_or_tiny_ceiling_never_exceeds_itself() {
        let clock = LimiterClock::new(true);
        for total in [1u32, 2, 3, 7] {
            let ceiling = FairCeiling::new(total, &clock);
            let admitted = (0..100u8).filter(|i| ceiling.admit(Some([*i; 16]))).count();
            assert_eq!(admitted, total as usize, "a ceiling of {total}");
        }
    }

    #[test]
    fn the_onion_listener_counts_circuits_and_has_its_own_ceiling() {
        let submissions = Submissions::new(
            &crate::config::LimitSettings {
                submissions_per_minute: 1,
                global_submissions_per_minute: 2,
                onion_submissions_per_minute: 3,
                ..Default::default()
            },
            &LimiterClock::new(true),
        );
        let local = address([127, 0, 0, 1]);
        assert_eq!(submissions.admit(Listener::Public, local), Ok(()));
        assert_eq!(
            submissions.admit(Listener::Public, local),
            Err(Refusal::Source)
        );
        // Each circuit is held to its own share, not the local address's.
        assert_eq!(submissions.admit(Listener::Onion, circuit(1)), Ok(()));
        assert_eq!(
            submissions.admit(Listener::Onion, circuit(1)),
            Err(Refusal::Source)
        );
        assert!((2..=3).all(|id| submissions.admit(Listener::Onion, circuit(id)).is_ok()));
        assert_eq!(
            submissions.admit(Listener::Onion, circuit(4)),
            Err(Refusal::Everyone)
        );
        let other = address([10, 0, 0, 9]);
        assert_eq!(submissions.admit(Listener::Public, other), Ok(()));
        let third = address([10, 0, 0, 10]);
        assert_eq!(
            submissions.admit(Listener::Public, third),
            Err(Refusal::Everyone)
        );
    }

    #[test]
    fn each_listener_has_its_own_share_of_an_attempts_ceiling_and_the_total_stays() {
        let clock = LimiterClock::new(true);
        // Seven a minute with an onion listener: four public, three onion.
        let attempts = Attempts::new(1000, 7, true, &clock);
        let onion = (0..50).filter(|id| attempts.allow(circuit(*id))).count();
        assert_eq!(onion, 3, "fifty circuits spend the onion share only");
        let public = (1..=50u8)
            .filter(|i| attempts.allow(address([10, 0, 1, *i])))
            .count();
        assert_eq!(public, 4, "the public listener's share is whole");
        // Without an onion listener the public one has it all.
        let alone = Attempts::new(1000, 7, false, &clock);
        let public = (1..=50u8)
            .filter(|i| alone.allow(address([10, 0, 1, *i])))
            .count();
        assert_eq!(public, 7);
    }

    #[test]
    fn a_known_device_draws_on_an_allowance_strangers_cannot_reach() {
        let logins = Logins::new(2, 4, false, &LimiterClock::new(true));
        let spent = (1..=40u8)
            .filter(|i| logins.allow(address([10, 0, 2, *i])))
            .count();
        assert_eq!(spent, 4, "forty strangers spend their ceiling");
        let responder = address([10, 0, 3, 1]);
        assert!(!logins.allow(responder), "a stranger's attempt waits");
        let device = KnownDevice::for_tests("account-a");
        assert!(logins.allow_login(responder, Some(&device)));
        assert!(logins.allow_login(responder, Some(&device)));
        // Per source as usual: that source has had its two, whichever account it names.
        let other = KnownDevice::for_tests("account-b");
        assert!(!logins.allow_login(responder, Some(&other)));
        assert!(logins.allow_login(address([10, 0, 3, 2]), Some(&other)));
        // The backoff knows a source by one name, with a device or without.
        assert_eq!(logins.origin(responder), logins.strangers.origin(responder));
    }

    #[test]
    fn a_device_value_tried_from_many_sources_leaves_the_kept_half_to_other_accounts() {
        let logins = Logins::new(2, 10, false, &LimiterClock::new(true));
        let stolen = KnownDevice::for_tests("account-a");
        let taken = (1..=40u8)
            .filter(|i| logins.allow_login(address([10, 0, 4, *i]), Some(&stolen)))
            .count();
        assert_eq!(taken, 5, "one account's attempts reach the open half only");
        let others = (0..5)
            .filter(|n| {
                logins.allow_login(
                    address([10, 0, 5, *n]),
                    Some(&KnownDevice::for_tests(&format!("account-{n}"))),
                )
            })
            .count();
        assert_eq!(others, 5, "five other accounts' responders get in");
    }

    #[test]
    fn fifty_flooding_circuits_leave_room_for_a_reporter_who_comes_once() {
        // At the defaults, a kept half of 120 outlasts fifty circuits' two light tries each,
        // whatever their order.
        let submissions = Submissions::new(
            &crate::config::LimitSettings::default(),
            &LimiterClock::new(true),
        );
        let mut refused = 0;
        for _ in 0..10 {
            for id in 0..50 {
                if submissions.admit(Listener::Onion, circuit(id)).is_err() {
                    refused += 1;
                }
            }
        }
        assert!(refused > 0, "the flood reached the ceiling");
        assert_eq!(submissions.admit(Listener::Onion, circuit(1000)), Ok(()));
    }
}
