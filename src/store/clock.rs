//! What time it is, for everything that expires: the system's clock on a server, or, for the
//! black-box tests (`test-support`), a clock that stands still until the test moves it, so that
//! no test waits for time to pass or depends on how fast the machine is.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Seconds since the Unix epoch, from the system or from a test.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// `None`: the system's clock.
    set: Option<Arc<AtomicI64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock standing at `at` until `advance` moves it; every clone moves with it.
    #[cfg(feature = "test-support")]
    pub fn manual(at: i64) -> Clock {
        Clock {
            set: Some(Arc::new(AtomicI64::new(at))),
        }
    }

    /// Moves a manual clock on by `seconds`; the system's clock cannot be moved.
    #[cfg(feature = "test-support")]
    pub fn advance(&self, seconds: i64) {
        if let Some(set) = &self.set {
            set.fetch_add(seconds, Ordering::SeqCst);
        }
    }

    /// Sets a manual clock to `at`.
    #[cfg(feature = "test-support")]
    pub fn set(&self, at: i64) {
        if let Some(set) = &self.set {
            set.store(at, Ordering::SeqCst);
        }
    }

    pub fn now(&self) -> i64 {
        match &self.set {
            Some(set) => set.load(Ordering::SeqCst),
            None => super::now(),
        }
    }
}
