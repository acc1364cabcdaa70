//! Who may hold which key, and the record of it: responder accounts and their keys
//! (`accounts`), organisations, their vetting and the desk's countersignature (`organisations`),
//! removing members and rotating queue keys (`rotation`), the membership record a restore checks
//! (`memberships`), membership as a chain of signatures from the organisation's key
//! (`certification`), the desk key every chain is rooted in (`desk_key`), who may file for callers
//! (`hotline`), who may invite whom (`invites`), an organisation's members as its coordinators see
//! them (`members`), the tamper-evident
//! audit log (`audit`), sealing an item's key to whoever holds
//! a report (`sealing`), which of them may receive anything new (`receivers`) and the keys a member
//! holds (`keyring`), and the one public file an organisation sends the operator (`send_file`),
//! which the operator's commands and the organisations page both read.
//!
//! It uses domain, crypto, config, triage and store; it never uses reporting, casework, operations or
//! web, and knows nothing of HTTP. Whatever seals a key to an account passes through here.

pub mod accounts;
pub mod audit;
pub mod certification;
pub mod desk_key;
pub mod error;
pub mod hotline;
pub mod invites;
pub mod keyring;
pub mod members;
pub mod memberships;
pub mod organisations;
pub mod queue_keys;
pub mod receivers;
pub mod rotation;
pub mod sealing;
pub mod send_file;

pub use error::WorkspaceError;
