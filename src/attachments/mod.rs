//! Files the reporter attaches: held in memory only (never spooled to disk), cleaned of their
//! metadata, then sealed in chunks to the NGO audience.

pub mod clean;

pub use clean::{clean, Cleaned, FileKind, Refusal};
