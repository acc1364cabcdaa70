//! Tracing set-up and the no-personal-data policy: spans and events carry route templates,
//! statuses, durations, counts and priorities, never a client address, user agent, query string,
//! form field or receipt code. The request span (web::shared::middleware) is the only place a request is
//! described, and it records none of those.

use std::io::IsTerminal;

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber writing to standard output, with colour codes only when that
/// is a terminal (a journal, a file or a log shipper gets plain text) and NO_COLOR is not set.
pub fn init_stdout(filter: &str, json: bool) {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    init(
        filter,
        json,
        std::io::stdout().is_terminal() && !no_color,
        std::io::stdout,
    );
}

/// Installs the global subscriber; `json` selects JSON lines, `colour` ANSI colour codes in
/// text lines (only for a terminal). Safe to call more than once.
pub fn init<W>(filter: &str, json: bool, colour: bool, writer: W)
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let _ = tracing::subscriber::set_global_default(subscriber(filter, json, colour, writer));
}

fn subscriber<W>(
    filter: &str,
    json: bool,
    colour: bool,
    writer: W,
) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colour && !json)
        .with_writer(writer);
    if json {
        Box::new(builder.json().finish())
    } else {
        Box::new(builder.finish())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::subscriber;

    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Lines {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut kept) = self.0.lock() {
                kept.extend_from_slice(bytes);
            }
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn logged(colour: bool) -> String {
        let lines = Lines::default();
        let writer = lines.clone();
        let subscriber = subscriber("info", false, colour, move || writer.clone());
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(port = 8080, "listening");
        });
        let bytes = lines.0.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[test]
    fn colour_codes_only_for_a_terminal() {
        let plain = logged(false);
        assert!(
            plain.contains("listening") && plain.contains("port=8080"),
            "{plain}"
        );
        assert!(!plain.contains('\u{1b}'), "{plain:?}");
        assert!(logged(true).contains('\u{1b}'));
    }
}
