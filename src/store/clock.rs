//! What time it is, for what decides by time alone (a grace period that ends, a retention period
//! that passes, a session or ticket that expires): the system's clock on a server, or one a test
//! sets, so that no test waits for time to pass or depends on how fast the machine is. Nothing in
//! configuration makes a server's clock a set one.
//!
//! And when to do something again: `every` and `every_or_when` run the background work every
//! floor above keeps up (sweeps, shredding, alerts, exports, the membership record) on one kind
//! of timer, so that each of them behaves the same when a run is late.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::MissedTickBehavior;

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

/// Runs `job` at once and then every `interval`, for as long as the returned future is polled
/// (spawn it). A run that ends late does not bring the missed ones in a burst: the next comes a
/// whole `interval` after it.
pub async fn every(interval: Duration, job: impl AsyncFnMut()) {
    on_ticks(interval, None, job).await
}

/// The same as `every`, and besides whenever `wake` is notified.
pub async fn every_or_when(interval: Duration, wake: Arc<Notify>, job: impl AsyncFnMut()) {
    on_ticks(interval, Some(&wake), job).await
}

async fn on_ticks(interval: Duration, wake: Option<&Notify>, mut job: impl AsyncFnMut()) {
    let mut ticks = tokio::time::interval(interval);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        match wake {
            Some(wake) => tokio::select! {
                _ = ticks.tick() => {}
                () = wake.notified() => {}
            },
            None => {
                ticks.tick().await;
            }
        }
        job().await;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use tokio::sync::{mpsc, Notify};
    use tokio::time::timeout;

    use super::{every, every_or_when, Clock};

    /// Long enough that no second run in these tests comes from the timer.
    const HOUR: Duration = Duration::from_secs(3600);
    /// How long a test waits for a run that should come at once.
    const PATIENCE: Duration = Duration::from_secs(60);

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

    #[tokio::test]
    async fn a_timed_job_runs_at_once() {
        let (runs, mut ran) = mpsc::unbounded_channel();
        let task = tokio::spawn(every(HOUR, async move || {
            let _ = runs.send(());
        }));
        assert_eq!(timeout(PATIENCE, ran.recv()).await, Ok(Some(())));
        task.abort();
    }

    #[tokio::test]
    async fn a_timed_job_runs_again_when_woken_before_its_interval() {
        let wake = Arc::new(Notify::new());
        let (runs, mut ran) = mpsc::unbounded_channel();
        let task = tokio::spawn(every_or_when(HOUR, wake.clone(), async move || {
            let _ = runs.send(());
        }));
        assert_eq!(timeout(PATIENCE, ran.recv()).await, Ok(Some(())));
        wake.notify_one();
        assert_eq!(timeout(PATIENCE, ran.recv()).await, Ok(Some(())));
        task.abort();
    }
}
