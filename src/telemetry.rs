//! Tracing set-up and the no-personal-data policy: spans and events carry route templates,
//! statuses, durations, counts and priorities, never a client address, user agent, query string,
//! form field or receipt code. The request span (web::shared::middleware) is the only place a request is
//! described, and it records none of those.

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber; `json` selects JSON lines. Safe to call more than once.
pub fn init<W>(filter: &str, json: bool, writer: W)
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
