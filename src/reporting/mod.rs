//! Everything a reporter causes: a report taken in (`intake`), or sealed on the device and sent
//! with a routing ticket (`sealed`); the return with the receipt code (`followup`); files
//! attached, cleaned and sealed (`attachments`), or uploaded in pieces first (`staging`); and the
//! crypto-shredding of withdrawn and expired reports (`shredding`); and what a receipt code with
//! an unknown locator costs (`unknown_locator`).
//!
//! It uses domain, crypto, triage, store, config and trust (to seal to a report's holders); it
//! never uses casework, operations or web, and knows nothing of HTTP: the web turns requests into
//! its calls.

pub mod attachments;
pub mod followup;
pub mod intake;
pub mod sealed;
pub mod shredding;
pub mod staging;
pub mod unknown_locator;
