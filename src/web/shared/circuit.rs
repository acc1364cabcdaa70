//! The Tor circuit an onion visitor's connection came over, as the onion listener read it from
//! the PROXY line Tor writes first (`web::onion`). It rides in the connection's data, where the
//! per-source limits find it (`throttle::limit_source`) and count a circuit as they count an
//! address elsewhere; the listener a request came in on is told by it too (`throttle::Listener`).
//!
//! A circuit id says which visitor sent what as much as an address would, so it is treated like
//! one: never logged, stored or shown, and its `Debug` says only that there is one.

use std::fmt;

/// One circuit of the onion service: Tor's global circuit identifier.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Circuit(u32);

impl Circuit {
    pub fn new(id: u32) -> Circuit {
        Circuit(id)
    }

    /// The bytes the limits key by (through their in-memory HMAC, never in the clear).
    pub fn to_be_bytes(self) -> [u8; 4] {
        self.0.to_be_bytes()
    }
}

impl fmt::Debug for Circuit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Circuit(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_names_no_circuit() {
        assert_eq!(format!("{:?}", Circuit::new(0xAABB_CCDD)), "Circuit(..)");
    }
}
