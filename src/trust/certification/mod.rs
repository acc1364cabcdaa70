//! Membership as a chain the organisation controls, not a flag the server keeps. The desk's
//! verifying key (pinned in the routing file) countersigns the organisation's signing key; the
//! organisation's signing key (offline, `homeward org certify`) certifies its first coordinator's
//! identity key; a certified coordinator certifies later members; each identity key signs its
//! account's encryption key. `Chain::check` verifies all of it from the stored rows, right
//! before anything is sealed to an account, so an operator who invites and enrols an account,
//! sets a flag or swaps a key in the database gains no key.
//!
//! In four parts, so that the check stays short enough to read whole: the chain and its check
//! (`chain`), how an account comes to be certified (`enrol`), a chain in text for the
//! organisation's own machine (`wire`), and who may manage members or act as an operator
//! (`standing`). Everything used outside is named here, under this module's path.

mod chain;
mod enrol;
mod standing;
mod wire;

pub use chain::{verify_links, Certified, Chain, Gap};
pub use enrol::{
    accept_organisation_certificate, certificate_request, certify_member, record_identity,
    CertificateRequest,
};
pub use standing::{managing_coordinator, operator_standing, OPERATORS};
pub use wire::{ChainLink, MemberChain};
