//! One test per break of issue 15, named for the attack, on both engines: each failed on the main
//! before the fix and passes after. docs/security.md lists them in a table of attack, test and
//! result.

mod audit_fails_closed;
mod coerced_code;
mod demo_desk;
mod desk_key;
mod expired_secrets;
mod old_projection;
mod one_click;
mod operators;
mod planted_member;
mod projection_fields;
mod referral_probe;
mod referral_reason;
mod steps;
mod suspended_receivers;
mod swapped_queue_key;
mod timestamps;
mod unknown_locator;
mod weak_argon2;
mod withdrawn_consent;
