//! Validated domain types. A value of these types has passed its parse: a report cannot exist
//! unvalidated. The policy lives here too (`policy`: the kinds of queue and item, the audiences,
//! the consents and the one rule that joins them), and the projection a consulate or the police
//! may see (`projection`). The bottom floor: it uses no other folder of the crate, and knows
//! nothing of HTTP or SQL.

pub mod addition;
pub mod choice;
pub mod country;
pub mod device;
pub mod errors;
pub mod facts;
pub mod policy;
pub mod projection;
pub mod receipt;
pub mod report;
pub mod selection;
pub mod summary;
pub mod text;
pub mod workflow;
pub mod zawgyi;

pub use addition::{Addition, ContactChange};
pub use country::CountryCode;
pub use errors::{FieldError, FieldErrors};
pub use facts::{RoutingFacts, RoutingFactsInput};
pub use policy::{Audience, Consent, Consents, Filing, ItemKind, OrganisationKind, QueueKind};
pub use projection::Projection;
pub use receipt::{Locator, ReceiptCode, ReceiptSecret};
pub use report::{Indicator, Report, ReportInput};
pub use summary::Summary;
