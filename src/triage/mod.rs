//! Triage and routing at intake: deterministic and explainable. Weighted indicators give a priority
//! class and the reasons for it; routing rules on location country, nationality, language and the
//! consents pick the queues. Both are read from config files an operator can check.
//!
//! It uses domain and crypto only; it knows nothing of HTTP or SQL.

pub mod file;
pub mod routing;
pub mod scoring;

pub use routing::{Audiences, QueueKind, Routing, RoutingConfig};
pub use scoring::{Priority, Triage, TriageRules};
