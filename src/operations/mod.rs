//! Keeping a server running: backups and restores (`backup`), the server secrets (`secrets`), the
//! demo desk of a first run (`demo`), the sweep that deletes what has expired (`expiry`) and the
//! operator's overview of which queues receive (`overview`).
//!
//! It may use every floor below web (a restore destroys again what shredding destroyed, and
//! rewrites the membership record); it knows nothing of HTTP.

pub mod backup;
pub mod demo;
pub mod expiry;
pub mod overview;
pub mod secrets;
