//! Keeping a server running: backups and restores (`backup`), the server secrets (`secrets`) and
//! the demo desk of a first run (`demo`).
//!
//! It may use every floor below web (a restore destroys again what shredding destroyed, and
//! rewrites the membership record); it knows nothing of HTTP.

pub mod backup;
pub mod demo;
pub mod secrets;
