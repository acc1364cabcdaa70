//! The memory every upload in flight on this replica may hold together. A request reserves as
//! its bytes arrive and gives the reservation back when it is done; past the budget it is
//! refused at once (503 with Retry-After) rather than queued, so memory stays bounded under a
//! flood and nothing is spooled to disk.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

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
}
