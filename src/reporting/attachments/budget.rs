//! The memory every upload in flight on this replica may hold together. A request reserves as
//! its bytes arrive, never for what it declares it will send, and gives the reservation back
//! when it is done or dropped; past the budget it is refused at once (503 with Retry-After)
//! rather than queued, so memory stays bounded under a flood and nothing is spooled to disk.
//! A client trickling a byte at a time holds what its bytes occupy (`Held`), not the piece it
//! announced: slow clients cost their own connection, not everyone's uploads.
//!
//! One source (the web layer's keyed tag of an address or a Tor circuit, never the address)
//! may hold an eighth of the budget wherever it is free; past its eighth it draws only on the
//! budget's first half, so that whatever one source holds, half the budget stays for the others,
//! in eighths. A hard cap of an eighth alone would refuse one reporter's five photos (up to
//! 25 MiB of the default 64) on an idle server; this lets them through while the first half is
//! free and still keeps one source from holding more than half. docs/security.md, "Slow links
//! and stalled uploads".

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use zeroize::Zeroizing;

/// Reservations are counted in KiB.
const UNIT: usize = 1024;

/// A source may hold this fraction of the budget from anywhere in it.
const SHARE: usize = 8;

/// The units each source holds now; a source holding nothing has no entry.
type Holders = Arc<Mutex<HashMap<[u8; 16], usize>>>;

#[derive(Clone)]
pub struct Budget {
    kib: Arc<Semaphore>,
    /// The whole budget, in units.
    units: usize,
    holders: Holders,
    /// How many times room was refused, for whoever watches the budget (the tests do).
    refusals: Arc<AtomicU64>,
}

/// Who a reservation is counted against: a source's tag, or none (the server's own reads, and
/// a source it cannot name, are bounded by the budget alone).
pub type Source = Option<[u8; 16]>;

/// What one request holds; released on drop.
#[derive(Default)]
pub struct Reservation {
    permits: Vec<OwnedSemaphorePermit>,
    /// Whose share further growth counts against.
    source: Source,
    counted: Vec<Counted>,
}

/// Units counted against a source's share, given back when dropped.
struct Counted {
    holders: Holders,
    tag: [u8; 16],
    units: usize,
}

impl Drop for Counted {
    fn drop(&mut self) {
        let mut holders = lock(&self.holders);
        if let Some(held) = holders.get_mut(&self.tag) {
            *held = held.saturating_sub(self.units);
            if *held == 0 {
                holders.remove(&self.tag);
            }
        }
    }
}

/// A panic while holding the lock leaves counts, never a broken map: go on with them.
fn lock(holders: &Holders) -> MutexGuard<'_, HashMap<[u8; 16], usize>> {
    holders
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Budget {
    pub fn new(bytes: usize) -> Budget {
        Budget {
            kib: Arc::new(Semaphore::new(bytes / UNIT)),
            units: bytes / UNIT,
            holders: Arc::default(),
            refusals: Arc::default(),
        }
    }

    /// Adds room for `bytes` more to `reservation`; false when the budget is spent, or when the
    /// reservation's source would pass its share while less than half the budget is free.
    pub fn grow(&self, reservation: &mut Reservation, bytes: usize) -> bool {
        let granted = self.try_grow(reservation, bytes);
        if !granted {
            self.refusals.fetch_add(1, Ordering::Relaxed);
        }
        granted
    }

    fn try_grow(&self, reservation: &mut Reservation, bytes: usize) -> bool {
        let units = bytes.div_ceil(UNIT);
        let Ok(wanted) = u32::try_from(units) else {
            return false;
        };
        let Some(tag) = reservation.source else {
            return self.acquire(reservation, wanted);
        };
        // Under the lock, so that two requests of one source cannot both pass the check.
        let mut holders = lock(&self.holders);
        let held = holders.get(&tag).copied().unwrap_or(0);
        let past_share = held + units > self.units / SHARE;
        if past_share && self.kib.available_permits() < units + self.units.div_ceil(2) {
            return false;
        }
        if !self.acquire(reservation, wanted) {
            return false;
        }
        *holders.entry(tag).or_default() += units;
        reservation.counted.push(Counted {
            holders: Arc::clone(&self.holders),
            tag,
            units,
        });
        true
    }

    fn acquire(&self, reservation: &mut Reservation, units: u32) -> bool {
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

    /// How many times room was refused since the server started.
    pub fn refusals(&self) -> u64 {
        self.refusals.load(Ordering::Relaxed)
    }

    /// The most any one source holds now, in bytes.
    pub fn most_one_source_holds(&self) -> usize {
        lock(&self.holders).values().copied().max().unwrap_or(0) * UNIT
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
        Held::for_source(limit, None)
    }

    /// As `up_to`, counted against `source`'s share of the budget.
    pub fn for_source(limit: usize, source: Source) -> Held {
        Held {
            bytes: Zeroizing::new(Vec::new()),
            reservation: Reservation {
                source,
                ..Reservation::default()
            },
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
    pub fn absorb(&mut self, mut other: Reservation) {
        self.permits.append(&mut other.permits);
        self.counted.append(&mut other.counted);
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

    #[test]
    fn one_source_holds_at_most_half_and_leaves_the_rest_in_eighths() {
        let budget = Budget::new(64 * UNIT);
        let (heavy, light, other) = (Some([1u8; 16]), Some([2u8; 16]), Some([3u8; 16]));
        // Alone, one source grows past its eighth (8 units) into the first half, and no further.
        let mut first = Held::for_source(usize::MAX, heavy);
        let mut second = Held::for_source(usize::MAX, heavy);
        assert_eq!(first.push(&budget, &[0u8; 20 * UNIT]), Ok(()));
        assert_eq!(second.push(&budget, &[0u8; 12 * UNIT]), Ok(()));
        assert_eq!(budget.most_one_source_holds(), 32 * UNIT);
        assert_eq!(second.push(&budget, &[0u8; UNIT]), Err(Spent));
        let mut third = Held::for_source(usize::MAX, heavy);
        assert_eq!(third.push(&budget, &[0u8; UNIT]), Err(Spent));
        // Others still get their eighth each from the kept half, however the heavy one tries.
        let mut mine = Held::for_source(usize::MAX, light);
        assert_eq!(mine.push(&budget, &[0u8; 8 * UNIT]), Ok(()));
        assert_eq!(mine.push(&budget, &[0u8; UNIT]), Err(Spent));
        let mut theirs = Reservation {
            source: other,
            ..Reservation::default()
        };
        assert!(budget.grow(&mut theirs, 8 * UNIT));
        assert_eq!(budget.available(), 16 * UNIT);
        // The server's own reads count against no share, only the budget.
        let mut own = Reservation::default();
        assert!(budget.grow(&mut own, 16 * UNIT));
        assert!(!budget.grow(&mut own, UNIT));
        drop((first, second, third, mine, theirs, own));
        assert_eq!(budget.available(), 64 * UNIT);
        assert_eq!(budget.most_one_source_holds(), 0, "every count given back");
    }

    #[test]
    fn a_reservation_absorbed_gives_its_share_back_with_the_one_that_took_it() {
        let budget = Budget::new(64 * UNIT);
        let source = Some([9u8; 16]);
        let mut form = Reservation::default();
        for _ in 0..3 {
            let mut held = Held::for_source(usize::MAX, source);
            assert_eq!(held.push(&budget, &[0u8; 4 * UNIT]), Ok(()));
            form.absorb(held.into_parts().1);
        }
        assert_eq!(budget.most_one_source_holds(), 12 * UNIT);
        drop(form);
        assert_eq!(budget.most_one_source_holds(), 0);
        assert_eq!(budget.available(), 64 * UNIT);
    }
}
