//! What the `homeward` command runs besides the server, one module per thing it does. `args` is
//! the command line's shape; `commands`, `org_commands` and `queue_commands` take each parsed
//! command to the module doing it:
//!
//! - the server's half of an install: `init` (settings, secrets, schema, first invite),
//!   `schema` (`migrate`, and "run homeward migrate first" everywhere else), `check_config`,
//!   `first_operator` (`admin bootstrap`, `admin recover-operator`), `audit`, `backups`, `purge`,
//!   `kdf_cost`, and `healthcheck` (the container's probe);
//! - an organisation's offline machine: `org_init` (its keys as files in a folder for the safe,
//!   and one public file to send), `org_signing` (`org keygen`, `countersign`, `certify`),
//!   `queue_keys` (`queue keygen`), `queue_grant` (a member's copy of a queue key, sealed here),
//!   `queue_import` (a coordinator's one import of a queue key, from its file), with
//!   `api_session` (the command's own login, so no session token is handled by hand);
//! - between the two: `send_file` (that one public file), `key_files` (what every key-making
//!   command writes and every key-taking one reads), `routing_lines` (`queue declare`: the
//!   routing file's lines from the organisation's file);
//! - the reference client that seals a report on this machine and submits it (`sealed_submit`),
//!   a partner app's counterpart.
//!
//! It talks to a server over HTTP, as any client would, or to the database through the store,
//! and may use every floor of the library.

pub mod api_session;
pub mod args;
pub mod audit;
pub mod backups;
pub mod check_config;
pub mod commands;
pub mod first_operator;
pub mod healthcheck;
pub mod init;
pub mod kdf_cost;
pub mod key_files;
pub mod org_commands;
pub mod org_init;
pub mod org_signing;
pub mod purge;
pub mod queue_commands;
pub mod queue_grant;
pub mod queue_import;
pub mod queue_keys;
pub mod routing_lines;
pub mod schema;
pub mod sealed_submit;
/// Read by the organisations page too, so it lives in `trust`.
pub use crate::trust::send_file;

/// An API session token from the file holding it (`POST /api/v1/session`'s `token`).
pub fn read_token(path: &std::path::Path) -> anyhow::Result<secrecy::SecretString> {
    let text = zeroize::Zeroizing::new(
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
    );
    Ok(secrecy::SecretString::from(text.trim().to_owned()))
}

/// A runtime for one command's database or HTTP work.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}
