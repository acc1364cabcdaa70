//! Attacks, one test each, named for the break: each failed where the attack worked and passes
//! where it no longer does. Every one runs on both engines.

mod coerced_code;
mod withdrawn_consent;
