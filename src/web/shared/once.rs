//! Forms that must act once: a token in the form, spent when the action is taken, so that a
//! reloaded or twice-sent answer page does not act again. The hotline's filing carries one: a
//! browser asked to reload the page that showed a caller's receipt code would otherwise file the
//! caller's report a second time, under a second code nobody read to them.
//!
//! Only digests of spent tokens are kept, in the database (so that any replica, and a restarted
//! server, knows them), with the hour they were spent, for a day: longer than any staff session,
//! after which the form's session and CSRF token are dead anyway.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::Rng;
use sha2::{Digest, Sha256};

use crate::store::{Clock, Store, StoreError};

/// How long a spent token is remembered.
const REMEMBERED_SECS: i64 = 24 * 3600;

/// What spending a token found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spend {
    /// Not spent before: it is now.
    Fresh,
    /// Spent already: the action was taken.
    Spent,
    /// Not shaped as the tokens this server issues (16 random bytes).
    Malformed,
}

/// The spent tokens, kept by the store, on the server's clock.
#[derive(Debug, Clone)]
pub struct OnceTokens {
    store: Store,
    clock: Clock,
}

fn digest(token: &str) -> Option<[u8; 32]> {
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    (bytes.len() == 16).then(|| Sha256::digest(&bytes).into())
}

impl OnceTokens {
    pub fn new(store: Store, clock: Clock) -> OnceTokens {
        OnceTokens { store, clock }
    }

    /// A new token for a form.
    pub fn issue() -> String {
        let mut bytes = [0u8; 16];
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut bytes);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// Spends `token`, if it was not spent: two requests carrying it at once find one `Fresh`.
    /// Dated to the hour, like every time kept beside reports.
    pub async fn spend(&self, token: &str) -> Result<Spend, StoreError> {
        let Some(digest) = digest(token) else {
            return Ok(Spend::Malformed);
        };
        let now = self.clock.now();
        let fresh = self
            .store
            .spend_form(&digest, now - now.rem_euclid(3600), now - REMEMBERED_SECS)
            .await?;
        Ok(if fresh { Spend::Fresh } else { Spend::Spent })
    }

    /// Gives back a token whose action was not taken after all (refused by a limit, say), so
    /// that sending the form again acts.
    pub async fn unspend(&self, token: &str) -> Result<(), StoreError> {
        match digest(token) {
            Some(digest) => self.store.unspend_form(&digest).await,
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tokens_shaped_as_issued_have_a_digest() {
        assert!(digest(&OnceTokens::issue()).is_some());
        for token in ["", "abc", "not base64 at all!", &"A".repeat(100)] {
            assert!(digest(token).is_none(), "{token}");
        }
    }
}
