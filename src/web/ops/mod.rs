//! What load balancers and supervisors ask: liveness and readiness (`health`). The metrics are
//! recorded through `shared::metrics` and served on their own loopback listener.

pub mod health;
