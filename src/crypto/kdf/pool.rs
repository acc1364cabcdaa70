//! The bounded pool every Argon2id derivation goes through, in two lanes. Reporters (a report
//! taken in, a reporter coming back with a receipt code) go first: a free thread takes a
//! reporter's derivation before any staff one (a login, a password change, an enrolment), and
//! staff derivations never hold every thread, so a login flood cannot make a report wait behind
//! it. On two cores a thread kept for reporters is not a core kept for them: the global login
//! ceiling (`web::shared::throttle`) is what keeps a flood's derivations few; the lanes keep the
//! ones it gets from queueing ahead of reports.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};
use zeroize::Zeroizing;

use super::{derive_with, Argon2Params, CryptoError};

/// Whose derivation it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Reporter,
    Staff,
}

/// How many derivations of one lane may wait for a thread before callers wait to enqueue.
const QUEUE: usize = 256;

struct Job {
    secret: Zeroizing<Vec<u8>>,
    salt: Vec<u8>,
    params: Argon2Params,
    span: tracing::Span,
    reply: oneshot::Sender<Result<Zeroizing<[u8; 32]>, CryptoError>>,
    /// Its place in its lane's queue, given up when a thread takes it.
    place: OwnedSemaphorePermit,
}

/// What waits, by lane, and what the threads choose from.
struct Lanes<J> {
    reporter: VecDeque<J>,
    staff: VecDeque<J>,
    staff_running: usize,
    /// All threads but one, and at least one.
    staff_max: usize,
    /// Set when the last handle to the pool is dropped: the threads then end.
    closed: bool,
}

impl<J> Lanes<J> {
    fn new(threads: usize) -> Lanes<J> {
        Lanes {
            reporter: VecDeque::new(),
            staff: VecDeque::new(),
            staff_running: 0,
            staff_max: threads.saturating_sub(1).max(1),
            closed: false,
        }
    }

    fn push(&mut self, job: J, lane: Lane) {
        match lane {
            Lane::Reporter => self.reporter.push_back(job),
            Lane::Staff => self.staff.push_back(job),
        }
    }

    /// The next derivation a free thread should run: a reporter's if one waits, else a staff
    /// one while staff hold fewer threads than they may.
    fn take(&mut self) -> Option<(J, Lane)> {
        if let Some(job) = self.reporter.pop_front() {
            return Some((job, Lane::Reporter));
        }
        if self.staff_running < self.staff_max {
            let job = self.staff.pop_front()?;
            self.staff_running += 1;
            return Some((job, Lane::Staff));
        }
        None
    }

    fn finished(&mut self, lane: Lane) {
        if lane == Lane::Staff {
            self.staff_running = self.staff_running.saturating_sub(1);
        }
    }

    fn waiting(&self) -> usize {
        self.reporter.len() + self.staff.len()
    }
}

/// What the pool's handles and threads share.
struct Shared {
    lanes: Mutex<Lanes<Job>>,
    wake: Condvar,
    reporter_room: Arc<Semaphore>,
    staff_room: Arc<Semaphore>,
    /// Derivations finished since start: what a miss and a hit must cost alike is counted, not
    /// timed, and the count is what a metric reports.
    done: AtomicU64,
    /// The same, by the parameters each ran with: a miss must cost what a hit costs, not only
    /// as many derivations.
    by_params: Mutex<Vec<(Argon2Params, u64)>>,
    busy: AtomicUsize,
    threads: usize,
}

impl Shared {
    fn finished(&self, lane: Lane, params: Argon2Params) {
        self.done.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut counts) = self.by_params.lock() {
            match counts.iter_mut().find(|(p, _)| *p == params) {
                Some((_, n)) => *n += 1,
                None => counts.push((params, 1)),
            }
        }
        if let Ok(mut lanes) = self.lanes.lock() {
            lanes.finished(lane);
        }
        self.wake.notify_all();
    }
}

/// Held by every handle; the last one dropped closes the pool.
struct Open(Arc<Shared>);

impl Drop for Open {
    fn drop(&mut self) {
        if let Ok(mut lanes) = self.0.lanes.lock() {
            lanes.closed = true;
        }
        self.0.wake.notify_all();
    }
}

/// A handle to the pool that derives in one lane: reporters' by default, staff's from `staff()`.
#[derive(Clone)]
pub struct KdfPool {
    shared: Arc<Shared>,
    _open: Arc<Open>,
    lane: Lane,
}

/// How loaded the pool is now.
#[derive(Debug, Clone, Copy)]
pub struct Load {
    pub threads: usize,
    pub busy: usize,
    pub waiting: usize,
}

fn stopped() -> CryptoError {
    CryptoError::Kdf("the Argon2id pool has stopped".into())
}

impl KdfPool {
    /// Starts `threads` derivation threads; they end when the last handle to the pool is dropped.
    pub fn new(threads: usize) -> KdfPool {
        let threads = threads.max(1);
        let shared = Arc::new(Shared {
            lanes: Mutex::new(Lanes::new(threads)),
            wake: Condvar::new(),
            reporter_room: Arc::new(Semaphore::new(QUEUE)),
            staff_room: Arc::new(Semaphore::new(QUEUE)),
            done: AtomicU64::new(0),
            by_params: Mutex::new(Vec::new()),
            busy: AtomicUsize::new(0),
            threads,
        });
        for i in 0..threads {
            let shared = Arc::clone(&shared);
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || work(&shared));
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start an Argon2id thread");
            }
        }
        KdfPool {
            _open: Arc::new(Open(Arc::clone(&shared))),
            shared,
            lane: Lane::Reporter,
        }
    }

    /// The same pool, deriving in the staff lane: what accounts are given.
    pub fn staff(&self) -> KdfPool {
        KdfPool {
            lane: Lane::Staff,
            ..self.clone()
        }
    }

    /// Threads deriving now and derivations waiting for one: the pool's saturation.
    pub fn load(&self) -> Load {
        Load {
            threads: self.shared.threads,
            busy: self.shared.busy.load(Ordering::Relaxed),
            waiting: self.shared.lanes.lock().map_or(0, |lanes| lanes.waiting()),
        }
    }

    /// How many derivations the pool has finished, in both lanes.
    pub fn derivations(&self) -> u64 {
        self.shared.done.load(Ordering::Relaxed)
    }

    /// How many derivations the pool has finished with these parameters.
    pub fn derivations_with(&self, params: Argon2Params) -> u64 {
        self.shared.by_params.lock().map_or(0, |counts| {
            counts
                .iter()
                .find(|(p, _)| *p == params)
                .map_or(0, |(_, n)| *n)
        })
    }

    /// Derives on one of the pool's threads, within the caller's span.
    pub async fn derive(
        &self,
        secret: Zeroizing<Vec<u8>>,
        salt: Vec<u8>,
        params: Argon2Params,
    ) -> Result<Zeroizing<[u8; 32]>, CryptoError> {
        let room = match self.lane {
            Lane::Reporter => &self.shared.reporter_room,
            Lane::Staff => &self.shared.staff_room,
        };
        let place = Arc::clone(room)
            .acquire_owned()
            .await
            .map_err(|_| stopped())?;
        let (reply, answer) = oneshot::channel();
        let job = Job {
            secret,
            salt,
            params,
            span: tracing::Span::current(),
            reply,
            place,
        };
        self.shared
            .lanes
            .lock()
            .map_err(|_| stopped())?
            .push(job, self.lane);
        self.shared.wake.notify_all();
        answer.await.map_err(|_| stopped())?
    }
}

fn work(shared: &Shared) {
    let mut memory = Vec::new();
    loop {
        let Some((job, lane)) = next(shared) else {
            return;
        };
        let Job {
            secret,
            salt,
            params,
            span,
            reply,
            place,
        } = job;
        drop(place);
        shared.busy.fetch_add(1, Ordering::Relaxed);
        // A panic must not end the thread with its counts taken: the lanes would stay shut.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            span.in_scope(|| derive_with(&mut memory, &secret, &salt, params))
        }))
        .unwrap_or_else(|_| {
            memory = Vec::new();
            Err(CryptoError::Kdf("the derivation panicked".into()))
        });
        shared.busy.fetch_sub(1, Ordering::Relaxed);
        shared.finished(lane, params);
        // The caller may have gone away (a closed connection); nothing to do then.
        let _ = reply.send(result);
    }
}

/// Waits for a derivation this thread may run; `None` once the pool is closed.
fn next(shared: &Shared) -> Option<(Job, Lane)> {
    let mut lanes = shared.lanes.lock().ok()?;
    loop {
        if let Some(taken) = lanes.take() {
            return Some(taken);
        }
        if lanes.closed {
            return None;
        }
        lanes = shared.wake.wait(lanes).ok()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reporter_goes_first_and_staff_never_hold_every_thread() {
        let mut lanes = Lanes::new(2);
        for login in ["s1", "s2", "s3"] {
            lanes.push(login, Lane::Staff);
        }
        assert_eq!(lanes.take(), Some(("s1", Lane::Staff)));
        // The second thread is not the staff's while one of theirs runs, however many wait.
        assert_eq!(lanes.take(), None);
        lanes.push("r1", Lane::Reporter);
        assert_eq!(lanes.take(), Some(("r1", Lane::Reporter)));
        lanes.finished(Lane::Reporter);
        lanes.push("r2", Lane::Reporter);
        lanes.finished(Lane::Staff);
        // With a thread free for staff again, a waiting reporter still goes first.
        assert_eq!(lanes.take(), Some(("r2", Lane::Reporter)));
        assert_eq!(lanes.take(), Some(("s2", Lane::Staff)));
        assert_eq!(lanes.waiting(), 1);
    }

    #[test]
    fn with_one_thread_staff_still_get_it_when_no_reporter_waits() {
        let mut lanes = Lanes::new(1);
        lanes.push("s1", Lane::Staff);
        lanes.push("r1", Lane::Reporter);
        assert_eq!(lanes.take(), Some(("r1", Lane::Reporter)));
        lanes.finished(Lane::Reporter);
        assert_eq!(lanes.take(), Some(("s1", Lane::Staff)));
    }

    #[tokio::test]
    async fn both_lanes_derive_what_the_calling_thread_would() {
        let pool = KdfPool::new(2);
        let staff = pool.staff();
        let params = Argon2Params {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        };
        let salt = super::super::new_salt();
        let expected = derive_with(&mut Vec::new(), b"secret", &salt, params).map(|k| k.to_vec());
        let secret = || Zeroizing::new(b"secret".to_vec());
        let (a, b) = tokio::join!(
            pool.derive(secret(), salt.clone(), params),
            staff.derive(secret(), salt.clone(), params)
        );
        assert_eq!(a.map(|k| k.to_vec()), expected);
        assert_eq!(b.map(|k| k.to_vec()), expected);
        assert_eq!(pool.derivations(), 2);
    }
}
