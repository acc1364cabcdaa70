//! The expiry sweep: on a timer, on every replica, whatever has expired is deleted (see
//! `Store::sweep_expired` for what and when) and the engine is made to drop the bytes. Expiry
//! itself stays where it was decided (a request presenting an expired session, visit or ticket
//! is refused as before); the sweep only makes sure nothing expired waits in the database for a
//! request that may never come.

use std::time::Duration;

use crate::store::clock::every;
use crate::store::{Clock, SessionLimits, Store, StoreError, Swept};

/// What sweeps: the database, the clock it reads the time from, and how long sessions live.
#[derive(Clone)]
pub struct Sweeper {
    pub store: Store,
    pub clock: Clock,
    pub sessions: SessionLimits,
}

impl Sweeper {
    /// One sweep as of the clock's time now, then compaction. Compaction runs even when this
    /// sweep deleted nothing: what logouts, spent tickets, used uploads and expired sessions
    /// refused on sight deleted since the last sweep leaves the disk with it.
    pub async fn sweep(&self) -> Result<Swept, StoreError> {
        let swept = self
            .store
            .sweep_expired(self.clock.now(), self.sessions)
            .await?;
        self.store.compact_after_sweep().await?;
        if swept.total() > 0 {
            tracing::info!(
                sessions = swept.sessions,
                visits = swept.visits,
                tickets = swept.tickets,
                uploads = swept.uploads,
                "expired sessions, visits, tickets and uploads deleted"
            );
        }
        Ok(swept)
    }

    /// Sweeps at once and then every `interval`, for as long as the server runs.
    pub fn spawn(self, interval: Duration) {
        tokio::spawn(every(interval, async move || {
            if let Err(e) = self.sweep().await {
                tracing::error!(error = %e, "sweeping expired sessions and visits failed");
            }
        }));
    }
}
