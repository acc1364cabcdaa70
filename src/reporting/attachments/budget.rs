//! The memory every upload in flight on this replica may hold together. A request reserves as
//! its bytes arrive, never for what it declares it will send, and gives the reservation back
//! when it is done or dropped; past the budget it is refused at once (503 with Retry-After)
//! rather than queued, so memory stays bounded under a flood and nothing is spooled to disk.
//! A client trickling a byte at a time holds what its bytes occupy (`Held`), not the piece it
//! announced: slow clients cost their own connection, not everyone's uploads.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use zeroize::Zeroizing;

/// Reservations are counted in KiB.
const UNIT: usize = 1024;

#[derive(Clone)]
pub struct Budget {
    kib: Arc<Semaphore>,
}

/// What one request holds; released on drop.
#[derive(Default)]
pub struct Reservation {
    permits: Vec<OwnedSemaphorePermit>,
}

impl Budget {
    pub fn new(bytes: usize) -> Budget {
        Budget {
            kib: Arc::new(Semaphore::new(bytes / UNIT)),
        }
    }

    /// Adds room for `bytes` more to `reservation`; false when the budget is spent.
    pub fn grow(&self, reservation: &mut Reservation, bytes: usize) -> bool {
        let units = bytes.div_ceil(UNIT);
        let Ok(units) = u32::try_from(units) else {
            return false;
        };
        match Arc::clone(&self.kib).try_acquire_many_owned(units) {
            Ok(permit) => {
                reservation.permits.push(permit);
                true
            }
            Err(_) => false,
        }
    }

    /// What is free now, in bytes.
    pub fn available(&self) -> usize {
        self.kib.available_permits() * UNIT
    }
}

/// The budget is spent: what was being held is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the upload budget is spent")]
pub struct Spent;

/// The most a buffer grows beyond what has arrived in one step: doubling alone would let a
/// large file hold twice its size, steps this small would copy a large file many times.
const MAX_STEP: usize = 256 * 1024;

/// Bytes as they arrive, in one buffer that is wiped when dropped (and wiped behind it when it
/// moves to a larger one), whose whole capacity is reserved against the budget: the
/// reservation grows with the buffer and never runs ahead of it, so what a slow client holds is
/// what it has sent (at most twice that, and at most `MAX_STEP` more, rounded up to a KiB).
pub struct Held {
    bytes: Zeroizing<Vec<u8>>,
    reservation: Reservation,
    reserved: usize,
    /// What the caller will hold at most: the buffer never grows past it ahead of the bytes,
    /// so a file at its size limit fits a budget of that size.
    limit: usize,
}

impl Default for Held {
    fn default() -> Held {
        Held::up_to(usize::MAX)
    }
}

impl Held {
    /// A buffer for at most `limit` bytes (more may be pushed; it then grows to fit exactly).
    pub fn up_to(limit: usize) -> Held {
        Held {
            bytes: Zeroizing::new(Vec::new()),
            reservation: Reservation::default(),
            reserved: 0,
            limit,
        }
    }

    /// Appends `chunk`, reserving first whatever more room it needs.
    pub fn push(&mut self, budget: &Budget, chunk: &[u8]) -> Result<(), Spent> {
        let needed = self.bytes.len() + chunk.len();
        if needed > self.bytes.capacity() {
            let step = self.bytes.capacity().min(MAX_STEP);
            // Whole units, within the limit: what is reserved is what the buffer may use.
            let ahead = (self.bytes.capacity() + step)
                .div_ceil(UNIT)
                .saturating_mul(UNIT)
                .min(self.limit);
            let capacity = needed.max(ahead);
            if capacity > self.reserved {
                let more = capacity - self.reserved;
                if !budget.grow(&mut self.reservation, more) {
                    return Err(Spent);
                }
                self.reserved += more.div_ceil(UNIT) * UNIT;
            }
            let mut grown = Zeroizing::new(Vec::with_capacity(capacity));
            grown.extend_from_slice(&self.bytes);
            self.bytes = grown;
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// What this buffer holds of the budget, in bytes.
    pub fn reserved(&self) -> usize {
        self.reserved
    }

    /// The bytes, with the reservation that covers them.
    pub fn into_parts(self) -> (Zeroizing<Vec<u8>>, Reservation) {
        (self.bytes, self.reservation)
    }
}

impl Reservation {
    /// Takes over what `other` holds, so both are released together.
    pub fn absorb(&mut self, other: Reservation) {
        self.permits.extend(other.permits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservations_stop_at_the_budget_and_come_back_when_dropped() {
        let budget = Budget::new(10 * UNIT);
        let mut first = Reservation::default();
        assert!(budget.grow(&mut first, 6 * UNIT));
        let mut second = Reservation::default();
        assert!(!budget.grow(&mut second, 5 * UNIT));
        assert!(budget.grow(&mut second, 4 * UNIT));
        drop(first);
        assert_eq!(budget.available(), 6 * UNIT);
    }

    #[test]
    fn a_trickle_holds_what_it_sent_not_what_it_announced() {
        let budget = Budget::new(64 * UNIT);
        let mut held = Held::default();
        for _ in 0..40 {
            assert_eq!(held.push(&budget, b"x"), Ok(()));
        }
        assert_eq!(held.len(), 40);
        assert_eq!(held.reserved(), UNIT, "forty bytes hold one unit");
        assert_eq!(budget.available(), 63 * UNIT);
        drop(held);
        assert_eq!(budget.available(), 64 * UNIT);
    }

    #[test]
    fn a_large_body_holds_at_most_one_step_more_than_it_sent() {
        let budget = Budget::new(8 * 1024 * UNIT);
        let mut held = Held::default();
        let chunk = [7u8; 16 * 1024];
        for _ in 0..300 {
            assert_eq!(held.push(&budget, &chunk), Ok(()));
            assert!(held.reserved() >= held.len());
            assert!(held.reserved() <= held.len() + MAX_STEP + UNIT);
            assert!(held.reserved() <= 2 * held.len() + UNIT);
        }
        assert_eq!(budget.available(), 8 * 1024 * UNIT - held.reserved());
    }

    #[test]
    fn a_file_at_its_limit_fits_a_budget_of_that_size() {
        let limit = 200 * UNIT;
        let budget = Budget::new(limit);
        let mut held = Held::up_to(limit);
        for _ in 0..200 {
            assert_eq!(held.push(&budget, &[3u8; UNIT]), Ok(()));
        }
        assert_eq!((held.len(), held.reserved()), (limit, limit));
    }

    #[test]
    fn past_the_budget_a_push_is_refused_and_nothing_more_is_held() {
        let budget = Budget::new(4 * UNIT);
        let mut held = Held::default();
        assert_eq!(held.push(&budget, &[1u8; 3 * 1024]), Ok(()));
        assert_eq!(held.push(&budget, &[1u8; 3 * 1024]), Err(Spent));
        assert_eq!(held.len(), 3 * 1024);
        drop(held);
        assert_eq!(budget.available(), 4 * UNIT);
    }
}
