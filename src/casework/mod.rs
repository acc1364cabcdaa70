//! What responders do with a report: a queue's entries, claimed, worked, closed, with notes and
//! replies (`workspace`); opening its items with a queue's keys or a receipt code (`opening`);
//! new versions of its projection (`projection`); referral to another queue (`referral`); and
//! alerts, without content, when critical reports wait (`alerts`); a flood of fakes closed in one
//! action and destroyed early by the desk (`waves`); the summaries a queue list shows
//! (`summaries`); a report's history beside its items (`history`) and its photos' previews
//! (`preview`).
//!
//! It uses domain, crypto, triage, store, config, locale and trust, and reporting's attachment
//! reader to open a file; reporting never uses it back. It never uses operations or web, and
//! knows nothing of HTTP.

pub mod alerts;
pub mod audit_export;
pub mod history;
pub mod opening;
pub mod preview;
pub mod projection;
pub mod referral;
pub mod summaries;
pub mod waves;
pub mod workspace;
