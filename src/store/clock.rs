//! What time it is, for what decides by time alone (a grace period that ends, a retention period
//! that passes, a session or ticket that expires): the system's clock on a server, or one a test
//! sets, so that no test waits for time to pass or depends on how fast the machine is. Nothing in
//! configuration makes a server's clock a set one.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Unix seconds from the system, or from a hand that sets them.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// `None`: the system's clock.
    set: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Clock {
        Clock { set: None }
    }

    /// A clock that shows `at` until it is moved; every clone moves with it.
    pub fn set_to(at: i64) -> Clock {
        Clock {
            set: Some(Arc::new(AtomicI64::new(at))),
        }
    }

    /// The same as `set_to`: a clock standing at `at` until a test moves it.
    pub fn manual(at: i64) -> Clock {
        Clock::set_to(at)
    }

    /// Moves a set clock on by `seconds` (every copy of it moves); the system's is not moved.
    pub fn advance(&self, seconds: i64) {
        if let Some(set) = &self.set {
            set.fetch_add(seconds, Ordering::SeqCst);
        }
    }

    /// Sets a set clock to `at`; the system's is not moved.
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

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn a_set_clock_moves_only_when_moved_and_every_copy_with_it() {
        let clock = Clock::set_to(1_000);
        let copy = clock.clone();
        assert_eq!(clock.now(), 1_000);
        copy.advance(86_400);
        assert_eq!(clock.now(), 87_400);
        copy.set(5);
        assert_eq!(clock.now(), 5);
    }

    #[test]
    fn the_system_clock_is_not_moved_by_hand() {
        let clock = Clock::system();
        clock.advance(-1_000_000_000);
        clock.set(0);
        assert!(clock.now() > 1_000_000_000);
    }
}
