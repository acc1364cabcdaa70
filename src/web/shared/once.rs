//! Forms that must act once: a token in the form, spent when the action is taken, so that a
//! reloaded or twice-sent answer page does not act again. The hotline's filing carries one: a
//! browser asked to reload the page that showed a caller's receipt code would otherwise file the
//! caller's report a second time, under a second code nobody read to them.
//!
//! Only digests of spent tokens are kept, in memory, for a day (longer than any staff session,
//! after which the form's session and CSRF token are dead anyway). A restart forgets them: a page
//! reloaded across a restart would act again, which the hotline's page also prevents by sending
//! the code with `no-store`.

use std::collections::HashMap;
use std::sync::Mutex;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::Rng;
use sha2::{Digest, Sha256};

use crate::store::Clock;

/// How long a spent token is remembered.
const REMEMBERED_SECS: i64 = 24 * 3600;

/// What spending a token found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spend {
    /// Not spent before: it is now.
    Fresh,
    /// Spent already: the action was taken.
    Spent,
    /// Not a token this server issues.
    Malformed,
}

/// The spent tokens' digests and when each was spent.
#[derive(Debug)]
pub struct OnceTokens {
    spent: Mutex<HashMap<[u8; 32], i64>>,
    clock: Clock,
}

fn digest(token: &str) -> Option<[u8; 32]> {
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    (bytes.len() == 16).then(|| Sha256::digest(&bytes).into())
}

impl OnceTokens {
    pub fn new(clock: Clock) -> OnceTokens {
        OnceTokens {
            spent: Mutex::new(HashMap::new()),
            clock,
        }
    }

    /// A new token for a form.
    pub fn issue() -> String {
        let mut bytes = [0u8; 16];
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut bytes);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// Spends `token`, if it was not spent: two requests carrying it at once find one `Fresh`.
    pub fn spend(&self, token: &str) -> Spend {
        let Some(digest) = digest(token) else {
            return Spend::Malformed;
        };
        let now = self.clock.now();
        let mut spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
        spent.retain(|_, at| *at > now - REMEMBERED_SECS);
        match spent.insert(digest, now) {
            None => Spend::Fresh,
            Some(_) => Spend::Spent,
        }
    }

    /// Gives back a token whose action was not taken after all (refused by a limit, say), so
    /// that sending the form again acts.
    pub fn unspend(&self, token: &str) {
        if let Some(digest) = digest(token) {
            let mut spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
            spent.remove(&digest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_acts_once_until_given_back_and_is_forgotten_after_a_day() {
        let clock = Clock::set_to(1_800_000_000);
        let tokens = OnceTokens::new(clock.clone());
        let token = OnceTokens::issue();
        assert_eq!(tokens.spend(&token), Spend::Fresh);
        assert_eq!(tokens.spend(&token), Spend::Spent);
        tokens.unspend(&token);
        assert_eq!(tokens.spend(&token), Spend::Fresh);
        assert_eq!(tokens.spend(&OnceTokens::issue()), Spend::Fresh);
        clock.advance(REMEMBERED_SECS + 1);
        assert_eq!(tokens.spend(&token), Spend::Fresh);
    }

    #[test]
    fn what_this_server_does_not_issue_is_refused() {
        let tokens = OnceTokens::new(Clock::set_to(0));
        for token in ["", "abc", "not base64 at all!", &"A".repeat(100)] {
            assert_eq!(tokens.spend(token), Spend::Malformed, "{token}");
        }
    }
}
