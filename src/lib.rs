//! Homeward: an intake server for reports about people held in scam compounds. Reports are
//! parsed into validated types, triaged and routed in memory, sealed so that only the queues they
//! are routed to can open them, and stored. See shared/DESIGN.md for the threat model.
#![forbid(unsafe_code)]

pub mod alerts;
pub mod attachments;
pub mod backup;
pub mod config;
pub mod crypto;
pub mod demo;
pub mod domain;
pub mod followup;
pub mod intake;
pub mod locale;
pub mod opening;
pub mod projection;
pub mod referral;
pub mod sealed;
pub mod sealed_client;
pub mod secrets;
pub mod shredding;
pub mod staging;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod triage;
pub mod trust;
pub mod web;
pub mod workspace;
