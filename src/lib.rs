//! Homeward: an intake server for reports about people held in scam compounds. Reports are
//! parsed into validated types, triaged and routed in memory, sealed so that only the queues they
//! are routed to can open them, and stored. See shared/DESIGN.md for the threat model, and
//! docs/architecture.md for who uses whom: modules depend downwards, with no circle anywhere.
#![forbid(unsafe_code)]

// The floors, from the bottom up.
pub mod domain;

pub mod crypto;
pub mod locale;

pub mod config;
pub mod store;
pub mod telemetry;
pub mod triage;

pub mod trust;

pub mod casework;
pub mod reporting;

pub mod operations;

pub mod web;

pub mod cli;
pub mod startup;
