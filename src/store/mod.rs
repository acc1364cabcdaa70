//! Storage operations for both engines. The engine is picked from the URL's scheme; only SQL and
//! connection set-up differ between them, and each engine has its own migrations folder. Every
//! operation is written once and compiled for each engine by the `on_pool!` macro.
//!
//! SQLite has one writer: all writes go through a pool of one connection, so concurrent
//! submissions queue for the write lock instead of failing on a busy database; reads use their own
//! pool. Durability is checked at start: WAL with synchronous=FULL on SQLite, synchronous_commit on
//! PostgreSQL.
//!
//! Beside the database, and outside it, live the private files a restore must remember: the list
//! of destroyed reports (`destroyed`), written through `private_file` like the server secrets.
//! This floor uses domain, crypto and triage (the queues it mirrors); it knows nothing of HTTP.

mod accounts;
mod alerts;
mod audit;
mod certificates;
pub mod clock;
mod consent;
mod console_invites;
pub mod destroyed;
mod expiry;
mod intake;
mod invites;
mod listing;
mod organisations;
mod overview;
pub mod private_file;
mod queues;
mod receipt_costs;
mod referral;
mod reporter;
mod restore;
mod retention;
mod rotation;
pub mod schema;
mod spent_forms;
mod tickets;
mod uploads;
mod visits;
mod waves;
mod workspace;

use std::str::FromStr;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::ConnectOptions;

pub use accounts::{
    AccountRecord, Credentials, Invite, NewAccount, NewInvite, RedeemError, SessionRecord,
};
pub(crate) use audit::{begin_audited, try_append_audit};
pub use audit::{AuditEntry, AuditRow, EntryMac};
pub use certificates::{IdentityRow, CONSOLE_SIGNER, DESK_SIGNER, ORGANISATION_SIGNER};
pub use clock::Clock;
pub use consent::{Access, ConsentClosure, UnopenedDestroyed};
pub use expiry::{SessionLimits, Swept};
pub use intake::{NewItem, NewItemKey, NewReport, ReporterRecord, StoredItem, StoredItemKey};
pub use invites::OpenInvite;
pub use listing::{ClaimFilter, Cursor, Entry, ListQuery, Seek};
pub use organisations::{OrganisationDetails, OrganisationRow, QueueStandingRow};
pub use overview::QueueCounts;
pub use queues::QueueChange;
pub use referral::NewReferral;
pub use restore::Membership;
pub use retention::{ClosedReport, Kept};
pub use rotation::{KeySwitch, StaleItemKey};
pub use tickets::TicketRow;
pub use uploads::UploadRow;
pub use waves::{ClosedEverywhere, EarlyRule, Selected};
pub use workspace::{EntryState, Holder, Member, NewCopy, QueueRow};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL scheme `{0}`: use sqlite:// or postgres://")]
    UnsupportedScheme(String),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("durability: {0}")]
    Durability(String),
    #[error("the locator is already in use")]
    LocatorTaken,
    #[error("it exists already")]
    AlreadyExists,
    #[error("a queue's key changed while sealing")]
    QueueKeyChanged,
    #[error("the reporter's consents no longer admit a recipient")]
    ConsentWithdrawn,
    #[error("the routing ticket is used or expired")]
    TicketSpent,
    #[error("stored data is damaged: {0}")]
    Corrupt(&'static str),
    /// The list of destroyed reports beside the secrets could not be written: nothing is
    /// destroyed that a restore would not destroy again.
    #[error("listing destroyed reports: {0}")]
    DestroyedList(std::io::Error),
}

impl StoreError {
    /// The disk (or the database's quota) is full: nothing was written, and the answer is 503.
    pub fn is_storage_full(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Database(e)) => {
                // SQLITE_FULL, with or without an extended code; PostgreSQL's disk_full class.
                matches!(e.code().as_deref(), Some("13" | "53100"))
                    || e.message().contains("database or disk is full")
            }
            StoreError::Database(sqlx::Error::Io(e)) => e.kind() == std::io::ErrorKind::StorageFull,
            _ => false,
        }
    }
}

/// The file a `sqlite:` URL names, read as connecting reads it.
pub fn sqlite_file(url: &SecretString) -> Result<std::path::PathBuf, StoreError> {
    let options = SqliteConnectOptions::from_str(url.expose_secret())?;
    Ok(options.get_filename().to_owned())
}

#[derive(Clone, Debug)]
enum Engine {
    Sqlite {
        writer: SqlitePool,
        reader: SqlitePool,
    },
    Postgres(PgPool),
}

/// The database, on either engine.
#[derive(Clone, Debug)]
pub struct Store {
    engine: Engine,
    /// Told whenever a queue's key holders change, so that the membership record beside the
    /// secrets is rewritten at once rather than at its next tick.
    memberships: std::sync::Arc<tokio::sync::Notify>,
}

/// Runs `$body` with `$pool` bound to the engine's pool for writing (`write`) or reading (`read`).
macro_rules! on_pool {
    ($store:expr, write, $pool:ident => $body:expr) => {
        match &$store.engine {
            $crate::store::Engine::Sqlite { writer: $pool, .. } => $body,
            $crate::store::Engine::Postgres($pool) => $body,
        }
    };
    ($store:expr, read, $pool:ident => $body:expr) => {
        match &$store.engine {
            $crate::store::Engine::Sqlite { reader: $pool, .. } => $body,
            $crate::store::Engine::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

/// Inside a write transaction: every queue key an item key is sealed to must still be that
/// queue's current key, or the calling function returns `QueueKeyChanged` (the caller seals
/// again). Like every `try_` macro here, it returns from the function that uses it on an error.
/// On PostgreSQL the queue rows stay share-locked until commit, so a key switch waits for this
/// transaction and its re-sealing pass then sees these item keys.
macro_rules! try_ensure_current_keys {
    ($store:expr, $tx:expr, $keys:expr) => {{
        let sql = if $store.is_postgres() {
            "SELECT id FROM queues WHERE id = $1 AND public_key = $2 FOR SHARE"
        } else {
            "SELECT id FROM queues WHERE id = $1 AND public_key = $2"
        };
        for key in $keys {
            let Some(queue) = key.recipient.strip_prefix("queue:") else {
                continue;
            };
            let current: Option<String> = sqlx::query_scalar(sql)
                .bind(queue)
                .bind(&key.recipient_key)
                .fetch_optional(&mut *$tx)
                .await?;
            if current.is_none() {
                return Err($crate::store::StoreError::QueueKeyChanged);
            }
        }
    }};
}
pub(crate) use try_ensure_current_keys;

/// Inside a write transaction: nothing new whose audience needs consent is sealed to a queue the
/// report's consents no longer admit (`Consents::admits`), or the calling function returns
/// `ConsentWithdrawn` (the caller picks the holders again). The report's row is share-locked on
/// PostgreSQL (SQLite has one writer), so a withdrawal either commits first and is seen here, or
/// waits for this transaction.
macro_rules! try_ensure_consented {
    ($store:expr, $tx:expr, $report:expr, $audience:expr, $keys:expr) => {{
        let audience: $crate::domain::Audience = $audience;
        if audience.needs_consent() {
            let sql = if $store.is_postgres() {
                "SELECT consent_partner_ngos, consent_consulate, consent_police FROM reports
                 WHERE id = $1 FOR SHARE"
            } else {
                "SELECT consent_partner_ngos, consent_consulate, consent_police FROM reports
                 WHERE id = $1"
            };
            let row: Option<(bool, bool, bool)> = sqlx::query_as(sql)
                .bind($report)
                .fetch_optional(&mut *$tx)
                .await?;
            let consents = row
                .map(
                    |(partner_ngos, consulate, police)| $crate::domain::Consents {
                        partner_ngos,
                        consulate,
                        police,
                    },
                )
                .unwrap_or_default();
            for key in $keys {
                let key: &$crate::store::NewItemKey = key;
                let Some(queue) = key.recipient.strip_prefix("queue:") else {
                    continue;
                };
                let kind: Option<String> =
                    sqlx::query_scalar("SELECT kind FROM queues WHERE id = $1")
                        .bind(queue)
                        .fetch_optional(&mut *$tx)
                        .await?;
                let kind = $crate::store::queue_kind(kind.as_deref().unwrap_or_default())?;
                if !consents.admits(kind) {
                    return Err($crate::store::StoreError::ConsentWithdrawn);
                }
            }
        }
    }};
}
pub(crate) use try_ensure_consented;

/// Inside a write transaction: one sealed copy of an item's key.
macro_rules! try_insert_item_key {
    ($tx:expr, $item_id:expr, $key:expr) => {{
        let key: &$crate::store::NewItemKey = $key;
        sqlx::query(
            "INSERT INTO item_keys (item_id, recipient, recipient_key, enc, sealed_key, suite)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind($item_id)
        .bind(&key.recipient)
        .bind(&key.recipient_key)
        .bind(&key.sealed.enc)
        .bind(&key.sealed.ciphertext)
        .bind(key.sealed.suite.code())
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use try_insert_item_key;

/// Inside a write transaction: an item appended after a report's last one, with its keys. Its
/// time is kept to the hour; its position orders it.
macro_rules! try_append_item {
    ($tx:expr, $report:expr, $item:expr, $at:expr) => {{
        let item: &$crate::store::NewItem = $item;
        let item_id = item.id.to_string();
        sqlx::query(
            "INSERT INTO items (id, report_id, kind, audience, format, nonce, ciphertext, created_at, position)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                     (SELECT COALESCE(MAX(position), 0) + 1 FROM items WHERE report_id = $2))",
        )
        .bind(&item_id)
        .bind($report)
        .bind(item.kind.as_str())
        .bind(item.audience.as_str())
        .bind(i16::from(item.sealed.format))
        .bind(&item.sealed.nonce)
        .bind(&item.sealed.ciphertext)
        .bind($crate::store::to_the_hour($at))
        .execute(&mut *$tx)
        .await?;
        for key in &item.keys {
            $crate::store::try_insert_item_key!($tx, &item_id, key);
        }
        $crate::store::try_insert_chunks!($tx, &item_id, item);
    }};
}
pub(crate) use try_append_item;

/// Inside a write transaction: an attachment's sealed chunks, if the item has a file.
macro_rules! try_insert_chunks {
    ($tx:expr, $item_id:expr, $item:expr) => {{
        let item: &$crate::store::NewItem = $item;
        if let Some(file) = &item.file {
            for (seq, chunk) in (0i32..).zip(&file.chunks) {
                sqlx::query("INSERT INTO item_chunks (item_id, seq, data) VALUES ($1, $2, $3)")
                    .bind($item_id)
                    .bind(seq)
                    .bind(chunk)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
    }};
}
pub(crate) use try_insert_chunks;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// A moment as the plaintext keeps it wherever a reporter's action could be dated by it: to the
/// hour, rounded down (DESIGN.md, "What is stored in plaintext"). A time to the second beside a
/// carrier's log of who reached the server then could confirm who reported; sorting and overdue
/// marks need no more than the hour, and each item seals its exact time inside.
pub fn to_the_hour(at: i64) -> i64 {
    at - at.rem_euclid(3600)
}

/// The hour `at` falls in, rounded up: where a grace period starts, so that keeping times to the
/// hour never ends one early.
pub fn to_the_next_hour(at: i64) -> i64 {
    let down = to_the_hour(at);
    if down == at {
        at
    } else {
        down + 3600
    }
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// PostgreSQL's connect options from its URL, TLS included: `sslmode` (`disable`, `prefer`, the
/// default, `require`, `verify-full`; settings refuse `verify-ca`) and `sslrootcert` (a CA file
/// sqlx trusts beside the Mozilla roots, not instead of them).
fn postgres_options(url: &str) -> Result<PgConnectOptions, StoreError> {
    Ok(PgConnectOptions::from_str(url)?.disable_statement_logging())
}

impl Store {
    /// Connects to the database the URL names, creating a SQLite file (and its folder) if needed.
    #[tracing::instrument(skip_all)]
    pub async fn connect(url: &SecretString, max_connections: u32) -> Result<Store, StoreError> {
        let url = url.expose_secret();
        let scheme = url.split(':').next().unwrap_or_default();
        let engine = match scheme {
            "sqlite" => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(30))
                    .pragma("secure_delete", "ON")
                    .disable_statement_logging();
                if let Some(dir) = options.get_filename().parent() {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| StoreError::Durability(e.to_string()))?;
                }
                let writer = SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect_with(options.clone())
                    .await?;
                let reader = SqlitePoolOptions::new()
                    .max_connections(max_connections.max(1))
                    .connect_with(options)
                    .await?;
                Engine::Sqlite { writer, reader }
            }
            "postgres" | "postgresql" => {
                let options = postgres_options(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(max_connections.max(1))
                    .connect_with(options)
                    .await?;
                Engine::Postgres(pool)
            }
            other => return Err(StoreError::UnsupportedScheme(other.to_owned())),
        };
        Ok(Store {
            engine,
            memberships: std::sync::Arc::default(),
        })
    }

    /// What is told when a queue's key holders change on this handle.
    pub fn membership_changes(&self) -> std::sync::Arc<tokio::sync::Notify> {
        self.memberships.clone()
    }

    /// Says that a queue's key holders changed; a permit is kept if nobody is waiting yet.
    pub(crate) fn membership_changed(&self) {
        self.memberships.notify_one();
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.engine, Engine::Postgres(_))
    }

    /// After key material is deleted from `tables`: SQLite (secure_delete is on for every
    /// connection, so deleted cells are overwritten) copies the overwritten pages from the
    /// write-ahead log into the database and truncates the log; PostgreSQL vacuums `tables` so
    /// their dead rows are reclaimed.
    async fn compact(&self, tables: &[&str]) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            if self.is_postgres() {
                for table in tables {
                    sqlx::query(&format!("VACUUM {table}")).execute(pool).await?;
                }
            } else {
                sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(pool).await?;
            }
            Ok(())
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.engine {
            Engine::Sqlite { writer, .. } => SQLITE_MIGRATIONS.run(writer).await?,
            Engine::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// Whether every migration this build carries has been applied (successfully): a replica
    /// older or newer than the schema says so before it serves.
    #[tracing::instrument(skip_all)]
    pub async fn migrations_current(&self) -> Result<bool, StoreError> {
        let migrator = if self.is_postgres() {
            &POSTGRES_MIGRATIONS
        } else {
            &SQLITE_MIGRATIONS
        };
        let applied: Vec<i64> = on_pool!(self, read, pool => {
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
                .fetch_all(pool)
                .await?
        });
        Ok(migrator.iter().all(|m| applied.contains(&m.version)))
    }

    /// Refuses to run where an acknowledged write could be lost on a crash.
    #[tracing::instrument(skip_all)]
    pub async fn check_durability(&self) -> Result<(), StoreError> {
        match &self.engine {
            Engine::Sqlite { writer, reader } => {
                for pool in [writer, reader] {
                    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
                        .fetch_one(pool)
                        .await?;
                    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
                        .fetch_one(pool)
                        .await?;
                    if !mode.eq_ignore_ascii_case("wal") || sync != 2 {
                        return Err(StoreError::Durability(format!(
                            "SQLite must run in WAL mode with synchronous=FULL (found {mode}, {sync})"
                        )));
                    }
                }
            }
            Engine::Postgres(pool) => {
                let setting: String = sqlx::query_scalar("SHOW synchronous_commit")
                    .fetch_one(pool)
                    .await?;
                if setting == "off" {
                    return Err(StoreError::Durability(
                        "PostgreSQL must run with synchronous_commit on".into(),
                    ));
                }
            }
        }
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    pub async fn close(&self) {
        match &self.engine {
            Engine::Sqlite { writer, reader } => {
                reader.close().await;
                writer.close().await;
            }
            Engine::Postgres(pool) => pool.close().await,
        }
    }
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

/// A queue's kind as stored, read into the domain's type once, here. The schema's CHECK allows
/// only the four names, so anything else is damage, not a queue to guess about.
fn queue_kind(stored: &str) -> Result<crate::domain::QueueKind, StoreError> {
    crate::domain::QueueKind::parse(stored).ok_or(StoreError::Corrupt("queue kind"))
}

#[cfg(test)]
mod tests {
    use sqlx::postgres::PgSslMode;

    use super::postgres_options;

    fn ssl_mode(url: &str) -> PgSslMode {
        postgres_options(url)
            .unwrap_or_else(|e| panic!("{url}: {e}"))
            .get_ssl_mode()
    }

    #[test]
    fn the_url_says_how_postgres_is_reached_over_tls() {
        let base = "postgres://homeward:pw@db.example:5432/homeward";
        assert!(matches!(ssl_mode(base), PgSslMode::Prefer));
        assert!(matches!(
            ssl_mode(&format!("{base}?sslmode=disable")),
            PgSslMode::Disable
        ));
        assert!(matches!(
            ssl_mode(&format!("{base}?sslmode=require")),
            PgSslMode::Require
        ));
        assert!(matches!(
            ssl_mode(&format!(
                "{base}?sslmode=verify-ca&sslrootcert=/etc/homeward/ca.pem"
            )),
            PgSslMode::VerifyCa
        ));
        let full = postgres_options(&format!(
            "{base}?sslmode=verify-full&sslrootcert=/etc/homeward/ca.pem"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(full.get_ssl_mode(), PgSslMode::VerifyFull));
        assert_eq!(full.get_host(), "db.example");
        assert_eq!(full.get_port(), 5432);
        assert_eq!(full.get_database(), Some("homeward"));
        // The root certificate is kept (sqlx has no getter for it; its Debug names the file).
        assert!(format!("{full:?}").contains("/etc/homeward/ca.pem"));
        assert!(postgres_options(&format!("{base}?sslmode=sometimes")).is_err());
    }
}
