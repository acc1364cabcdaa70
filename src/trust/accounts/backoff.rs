//! Waiting after failed attempts at an account's secrets (a login, a password change, a recovery
//! key), counted per username and source together. Counted per account alone, anyone could hold
//! an account's owner back by failing at it on purpose; counted per name as typed, a name that
//! does not exist is held back exactly like one that does, so being held back tells nobody which
//! names are real. A flood of sources, each with its own free failures, is held by the global
//! login ceiling (`sessions.global_login_attempts_per_minute`), and a password is no use without
//! the TOTP code anyway.
//!
//! What only a holder of the secret can try is counted per account instead: the current password
//! behind a session (`Origin::Anywhere`) here, and wrong TOTP codes after a right password in the
//! database (`Store::record_wrong_code`), so that guessing the code from many sources gets no
//! further than from one.
//!
//! Enrolments have a backoff of their own (`Accounts::enrolments`), under one name for every
//! attempt, so it counts per source alone: invite tokens that open nothing, from whatever
//! username.
//!
//! Kept in memory under a key made at start, like the per-source allowances: neither the database
//! nor a log holds who tried, and each replica counts its own. docs/security.md, "Passwords and
//! getting back in".

use std::collections::HashMap;
use std::sync::Mutex;

use hmac::{Hmac, KeyInit, Mac};
use rand::Rng;
use sha2::Sha256;
use zeroize::Zeroizing;

/// Failures allowed before each further attempt must wait (twice as long each time).
const FREE_FAILURES: u32 = 5;
/// The longest wait, in seconds; nobody is locked out for good.
const LONGEST_WAIT: i64 = 900;
/// Failures are forgotten after this long without another (seconds).
const FORGOTTEN_AFTER: i64 = 3600;
/// Above this many tracked (name, source) pairs, forget the quiet ones. For logins, the global
/// login ceiling makes a few thousand an hour the most a flood can add.
const TRACKED: usize = 20_000;
/// The most pairs ever kept (a few MiB). Wrong invite tokens have no global ceiling and cost
/// the server only a lookup, so a flood from many sources could add pairs faster than an hour
/// forgets them. A full map drops, at its next sweep, the pairs still within their free
/// failures (they hold nobody back); until then a pair not yet tracked is not added, and its
/// failures go uncounted. That costs nothing a guesser could use at invite tokens (256 random
/// bits), and every pair already waiting keeps waiting.
const MOST_TRACKED: usize = 100_000;
/// The least time between two sweeps (seconds): each reads every pair, and a flood past
/// `TRACKED` would otherwise pay for one per failure.
const SWEEP_EVERY: i64 = 60;

/// Where attempts are counted from: a source (the web layer's keyed hash of an address or a Tor
/// circuit, never the address itself), a source the server cannot name, or anywhere at all, for
/// a secret only its holder can try (the current password, behind a session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Source([u8; 16]),
    Unnamed,
    Anywhere,
}

impl Origin {
    /// A source by its tag, or an unnamed one.
    pub fn new(tag: Option<[u8; 16]>) -> Origin {
        tag.map_or(Origin::Unnamed, Origin::Source)
    }
}

#[derive(Clone, Copy)]
struct Failures {
    count: u32,
    last_at: i64,
}

impl Failures {
    fn holds_back(self, at: i64) -> bool {
        if self.count < FREE_FAILURES {
            return false;
        }
        let doublings = (self.count - FREE_FAILURES).min(10);
        at < self.last_at + (1i64 << doublings).min(LONGEST_WAIT)
    }
}

pub struct Backoff {
    failures: Mutex<Tracked>,
    key: Zeroizing<[u8; 32]>,
}

#[derive(Default)]
struct Tracked {
    pairs: HashMap<[u8; 16], Failures>,
    /// When the pairs were last swept.
    swept_at: i64,
}

impl Tracked {
    /// Forgets the quiet pairs, and on a full map those within their free failures too: at most
    /// once every `SWEEP_EVERY`, or whenever the clock has stepped back.
    fn sweep(&mut self, at: i64) {
        if self.pairs.len() <= TRACKED
            || (0..SWEEP_EVERY).contains(&at.saturating_sub(self.swept_at))
        {
            return;
        }
        let full = self.pairs.len() >= MOST_TRACKED;
        self.pairs
            .retain(|_, f| at - f.last_at < FORGOTTEN_AFTER && !(full && f.count < FREE_FAILURES));
        self.swept_at = at;
    }
}

impl Default for Backoff {
    fn default() -> Backoff {
        let mut key = Zeroizing::new([0u8; 32]);
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(key.as_mut());
        Backoff {
            failures: Mutex::new(Tracked {
                pairs: HashMap::new(),
                swept_at: i64::MIN,
            }),
            key,
        }
    }
}

impl Backoff {
    fn pair(&self, username: &str, origin: Origin) -> [u8; 16] {
        let mut tag = [0u8; 16];
        if let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(self.key.as_ref()) {
            mac.update(&(username.len() as u64).to_be_bytes());
            mac.update(username.as_bytes());
            match origin {
                Origin::Source(source) => {
                    mac.update(&[1]);
                    mac.update(&source);
                }
                Origin::Unnamed => mac.update(&[0]),
                Origin::Anywhere => mac.update(&[2]),
            }
            tag.copy_from_slice(&mac.finalize().into_bytes()[..16]);
        }
        tag
    }

    fn failures(&self) -> std::sync::MutexGuard<'_, Tracked> {
        // A panic while holding the lock leaves counts, never a broken map: go on with them.
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether this name, tried from this source, must wait before another attempt.
    pub fn holds_back(&self, username: &str, origin: Origin, at: i64) -> bool {
        self.failures()
            .pairs
            .get(&self.pair(username, origin))
            .is_some_and(|failures| failures.holds_back(at))
    }

    pub fn failed(&self, username: &str, origin: Origin, at: i64) {
        let pair = self.pair(username, origin);
        let mut tracked = self.failures();
        tracked.sweep(at);
        let failures = &mut tracked.pairs;
        if failures.len() >= MOST_TRACKED && !failures.contains_key(&pair) {
            return;
        }
        let entry = failures.entry(pair).or_insert(Failures {
            count: 0,
            last_at: at,
        });
        if at - entry.last_at >= FORGOTTEN_AFTER {
            entry.count = 0;
        }
        entry.count = entry.count.saturating_add(1);
        entry.last_at = at;
    }

    pub fn succeeded(&self, username: &str, origin: Origin) {
        self.failures().pairs.remove(&self.pair(username, origin));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Origin = Origin::Source([1; 16]);
    const B: Origin = Origin::Source([2; 16]);

    #[test]
    fn a_flood_from_many_sources_tracks_a_bounded_number_of_them() {
        let backoff = Backoff::default();
        for n in 0..(MOST_TRACKED as u32 + 500) {
            let mut source = [0u8; 16];
            source[..4].copy_from_slice(&n.to_be_bytes());
            backoff.failed("", Origin::Source(source), 100);
        }
        assert_eq!(backoff.failures().pairs.len(), MOST_TRACKED);
        // A source tracked before the cap still counts and waits.
        for _ in 0..5 {
            backoff.failed("", Origin::Source([0; 16]), 100);
        }
        assert!(backoff.holds_back("", Origin::Source([0; 16]), 100));
    }

    #[test]
    fn a_full_map_makes_room_at_its_next_sweep() {
        let backoff = Backoff::default();
        let source = |n: u32| {
            let mut source = [0u8; 16];
            source[..4].copy_from_slice(&n.to_be_bytes());
            Origin::Source(source)
        };
        // A guesser waiting, then a flood of one failure per source fills the map.
        for _ in 0..6 {
            backoff.failed("ana", A, 100);
        }
        for n in 0..(MOST_TRACKED as u32) {
            backoff.failed("", source(n), 100);
        }
        backoff.failed("bo", B, 100);
        assert!(!backoff
            .failures()
            .pairs
            .contains_key(&backoff.pair("bo", B)));
        // A minute on, the sweep drops the pairs that hold nobody back; the guesser still waits
        // and a new pair is counted again.
        backoff.failed("bo", B, 100 + SWEEP_EVERY);
        assert!(backoff
            .failures()
            .pairs
            .contains_key(&backoff.pair("bo", B)));
        assert!(backoff.failures().pairs.len() < TRACKED);
        assert!(backoff
            .failures()
            .pairs
            .contains_key(&backoff.pair("ana", A)));
        // An hour after the last failure, everything is forgotten; a clock set back sweeps at once
        // rather than never again.
        for n in 0..(TRACKED as u32 + 1) {
            backoff.failed("", source(n), 200);
        }
        backoff.failed("cy", A, 200 + FORGOTTEN_AFTER);
        assert_eq!(backoff.failures().pairs.len(), 1);
        for n in 0..(TRACKED as u32 + 1) {
            backoff.failed("", source(n), 50_000);
        }
        backoff.failed("cy", A, 10);
        assert_eq!(
            backoff.failures().swept_at,
            10,
            "swept on the clock's step back"
        );
    }

    #[test]
    fn five_free_failures_then_doubling_waits_from_that_source_only() {
        let backoff = Backoff::default();
        for _ in 0..5 {
            assert!(!backoff.holds_back("ana", A, 100));
            backoff.failed("ana", A, 100);
        }
        assert!(backoff.holds_back("ana", A, 100));
        assert!(
            !backoff.holds_back("ana", A, 101),
            "one second after the sixth"
        );
        assert!(!backoff.holds_back("ana", B, 100), "another source");
        assert!(!backoff.holds_back("bo", A, 100), "another name");
        backoff.failed("ana", A, 101);
        assert!(backoff.holds_back("ana", A, 102));
        assert!(
            !backoff.holds_back("ana", A, 103),
            "two seconds after the seventh"
        );
    }

    #[test]
    fn the_wait_stops_at_fifteen_minutes_and_success_clears_it() {
        let backoff = Backoff::default();
        for _ in 0..40 {
            backoff.failed("ana", A, 0);
        }
        assert!(backoff.holds_back("ana", A, LONGEST_WAIT - 1));
        assert!(!backoff.holds_back("ana", A, LONGEST_WAIT));
        backoff.succeeded("ana", A);
        assert!(!backoff.holds_back("ana", A, 0));
    }

    #[test]
    fn failures_are_forgotten_after_a_quiet_hour() {
        let backoff = Backoff::default();
        for _ in 0..5 {
            backoff.failed("ana", A, 0);
        }
        backoff.failed("ana", A, FORGOTTEN_AFTER);
        assert!(
            !backoff.holds_back("ana", A, FORGOTTEN_AFTER),
            "the sixth failure counts as the first"
        );
    }

    #[test]
    fn unnamed_and_anywhere_are_counts_of_their_own() {
        let backoff = Backoff::default();
        for _ in 0..5 {
            backoff.failed("ana", Origin::Unnamed, 0);
        }
        assert!(backoff.holds_back("ana", Origin::Unnamed, 0));
        assert!(!backoff.holds_back("ana", A, 0));
        assert!(!backoff.holds_back("ana", Origin::Anywhere, 0));
    }
}
