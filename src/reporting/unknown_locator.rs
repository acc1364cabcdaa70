//! What a receipt code whose locator is unknown costs. A known locator costs one Argon2id
//! derivation with the parameters its report was stored with, which stay what `receipt_kdf` was
//! when the report came in; so an unknown one costs one derivation with the parameters most live
//! reports were stored with. Were it the configured parameters, raising `receipt_kdf` would make
//! every older report's locator cheaper (faster, smaller) to try than an unknown one, and
//! whether a locator exists would show in the time and memory a try takes. While no report is
//! stored, the configured parameters stand in: a report made now would use them.
//!
//! The parameters are read from the database at start and on a timer, and held in memory, so a
//! try reads no more from the database for an unknown locator than for a known one.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::crypto::kdf::Argon2Params;
use crate::store::clock::every;
use crate::store::{Store, StoreError};

/// The parameters an unknown locator's derivation runs with, shared by every request.
#[derive(Clone, Debug)]
pub struct UnknownLocatorCost {
    configured: Argon2Params,
    params: Arc<RwLock<Argon2Params>>,
}

impl UnknownLocatorCost {
    /// Until the first `refresh`, the configured parameters.
    pub fn new(configured: Argon2Params) -> UnknownLocatorCost {
        UnknownLocatorCost {
            configured,
            params: Arc::new(RwLock::new(configured)),
        }
    }

    /// The parameters to derive with for an unknown locator now.
    pub fn params(&self) -> Argon2Params {
        match self.params.read() {
            Ok(params) => *params,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }

    /// Reads again which parameters most live reports were stored with.
    pub async fn refresh(&self, store: &Store) -> Result<Argon2Params, StoreError> {
        let stored = store.most_common_reporter_kdf().await?;
        // Stored text no derivation could read opens nothing either way; the configured
        // parameters are then the best guess at what a real report costs.
        let params = stored
            .and_then(|text| Argon2Params::decode(&text).ok())
            .unwrap_or(self.configured);
        match self.params.write() {
            Ok(mut held) => *held = params,
            Err(poisoned) => *poisoned.into_inner() = params,
        }
        Ok(params)
    }

    /// Refreshes every `interval`, for as long as the server runs.
    pub fn spawn_refresh(self, store: Store, interval: Duration) {
        tokio::spawn(every(interval, async move || {
            if let Err(e) = self.refresh(&store).await {
                tracing::error!(error = %e, "reading the stored receipt costs failed");
            }
        }));
    }
}
