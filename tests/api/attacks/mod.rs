//! One test per break of issue 15, named for the attack, on both engines: each failed on the main
//! before the fix and passes after. docs/security.md lists them in a table of attack, test and
//! result.

mod coerced_code;
mod operators;
mod planted_member;
mod projection_fields;
mod referral_reason;
mod steps;
mod suspended_receivers;
mod timestamps;
mod withdrawn_consent;
