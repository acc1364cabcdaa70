//! Layered settings: `config/default.toml`, then an optional `config/local.toml`, then
//! `HOMEWARD_`-prefixed environment variables (`__` separates levels, e.g.
//! `HOMEWARD_DATABASE__URL`; a list is its items with commas between them, e.g.
//! `HOMEWARD_SERVER__TRUSTED_PROXIES=172.28.0.10,::1`). Validated once at start.
//!
//! A start refused for its configuration exits with [`EX_CONFIG`] (78), so a service manager
//! does not restart it into the same mistake: [`SettingsError`] and [`ConfigurationError`] mark
//! those failures, and [`is_misconfiguration`] finds them in an error's chain.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::crypto::kdf::Argon2Params;

#[derive(Debug, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    /// Where the SQLite database, the first start's server secrets and the demo key live.
    pub data_dir: PathBuf,
    /// The file declaring the queues, the desk among them. Unset: nothing is declared, and only
    /// a first run on a loopback SQLite server gets the demo desk (`operations::demo`). Set but
    /// missing or unreadable, or declaring no desk: the server does not start, so a mistyped
    /// path can never put real reports on the demo desk.
    #[serde(default)]
    pub routing_file: Option<PathBuf>,
    /// The triage weights.
    pub triage_file: PathBuf,
    /// The server secrets file; on PostgreSQL it must be provisioned before the first start.
    pub secrets_file: Option<PathBuf>,
    pub receipt_kdf: Argon2Params,
    /// The cost of a responder's password derivation (stronger than receipts').
    pub account_kdf: Argon2Params,
    pub sessions: SessionSettings,
    /// How soon each priority class should be acknowledged; later is shown as overdue.
    pub ack_targets: AckTargets,
    /// The address people reach this server at, for invite links.
    pub public_url: String,
    /// How many Argon2id derivations may run at once (each holds `memory_kib` of memory).
    pub kdf_max_concurrent: usize,
    pub site: SiteSettings,
    pub log: LogSettings,
    /// Where to say that critical reports wait unclaimed past their target. Off by default.
    #[serde(default)]
    pub alerts: AlertSettings,
    #[serde(default)]
    pub followup: FollowupSettings,
    #[serde(default)]
    pub attachments: AttachmentSettings,
    #[serde(default)]
    pub retention: RetentionSettings,
    #[serde(default)]
    pub waves: WaveSettings,
    /// The ids of destroyed reports, outside the database; default: beside the secrets file.
    pub destroyed_file: Option<PathBuf>,
    #[serde(default)]
    pub limits: LimitSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
    #[serde(default)]
    pub audit: AuditSettings,
    #[serde(default)]
    pub expiry: ExpirySettings,
    /// Only the test suite's build honours it (feature `test-support`): Argon2id costs below
    /// the floors are then accepted, so the tests exercise the path rather than the cost. Any
    /// other build refuses to start with it set, and `check-config --production` refuses it
    /// everywhere.
    #[serde(default)]
    pub test_only_cheap_kdf: bool,
    /// Only the test suite's build honours it: rate limits count by a clock that stands still,
    /// so an allowance never refills during a test, however slowly the machine runs it. Any
    /// other build refuses to start with it set.
    #[serde(default)]
    pub test_only_frozen_limits: bool,
    /// Only the test suite's build honours it: locators are drawn from this many instead of a
    /// million, so a test can fill the space. Any other build refuses to start with it set.
    #[serde(default)]
    pub test_only_locator_space: Option<u32>,
}

/// Where the audit chain's head goes, every `checkpoint_interval_secs`: a file (by default
/// beside the secrets file; point it at storage this server cannot rewrite) and, if set, a
/// webhook off the server. A rewrite of the log then needs more than the server.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct AuditSettings {
    pub checkpoint_file: Option<PathBuf>,
    pub checkpoint_webhook: Option<String>,
    pub checkpoint_interval_secs: u64,
}

impl Default for AuditSettings {
    fn default() -> AuditSettings {
        AuditSettings {
            checkpoint_file: None,
            checkpoint_webhook: None,
            checkpoint_interval_secs: 3600,
        }
    }
}

/// The least receipt-code cost `check-config` and start accept: 19 MiB, 2 passes (OWASP's
/// minimum for Argon2id). Below it, a seized database gives up each report's conversation faster
/// than docs/security.md promises.
pub const RECEIPT_KDF_FLOOR: Argon2Params = Argon2Params {
    memory_kib: 19 * 1024,
    iterations: 2,
    parallelism: 1,
};

/// The least password cost accepted: 64 MiB, 3 passes (a login is rarer than a code's try, and a
/// guessed password opens what that member's queues hold).
pub const ACCOUNT_KDF_FLOOR: Argon2Params = Argon2Params {
    memory_kib: 64 * 1024,
    iterations: 3,
    parallelism: 1,
};

/// Whether `params` costs at least `floor` in memory and in passes.
fn meets(params: &Argon2Params, floor: &Argon2Params) -> bool {
    params.memory_kib >= floor.memory_kib
        && params.iterations >= floor.iterations
        && params.parallelism >= floor.parallelism
}

/// What has expired is deleted every `sweep_interval_secs`, on every replica
/// (`operations::expiry`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ExpirySettings {
    pub sweep_interval_secs: u64,
}

impl Default for ExpirySettings {
    fn default() -> ExpirySettings {
        ExpirySettings {
            sweep_interval_secs: 300,
        }
    }
}

/// How long closed reports are kept. Only a report whose every queue entry is closed is ever
/// destroyed by retention; open and unclaimed reports are kept, and counted in each pass's log.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RetentionSettings {
    pub enabled: bool,
    /// Days after the last of its entries was closed.
    pub closed_days: i64,
}

impl Default for RetentionSettings {
    fn default() -> RetentionSettings {
        RetentionSettings {
            enabled: true,
            closed_days: 180,
        }
    }
}

/// Clearing a flood of fake reports (`casework::waves`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct WaveSettings {
    /// How long every entry of a report must have been closed as not genuine before the desk's
    /// coordinators may destroy it early: the time anyone has to notice a real report closed as
    /// fake, by mistake or on purpose, and reopen it.
    pub destroy_after_hours: i64,
}

impl Default for WaveSettings {
    fn default() -> WaveSettings {
        WaveSettings {
            destroy_after_hours: 24,
        }
    }
}

/// Submissions (the report form, the report API and new uploads) per minute, and reports per day.
/// The public listener counts each source address (only hashed in memory) and all sources
/// together; the onion listener counts each Tor circuit (named by Tor's PROXY line) and all
/// circuits together, keeping half of its ceiling for circuits that sent little. Each replica
/// counts its own, but for reports per day, which the database counts.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct LimitSettings {
    pub submissions_per_minute: u32,
    pub global_submissions_per_minute: u32,
    pub onion_submissions_per_minute: u32,
    /// Reports held at once (counted in the database, so every replica shares it). Each holds
    /// one of the million locators until it is destroyed; at most a tenth of them, so that a free
    /// one is always near (docs/security.md, "Locators").
    pub live_reports: u32,
}

impl Default for LimitSettings {
    fn default() -> LimitSettings {
        LimitSettings {
            submissions_per_minute: 6,
            global_submissions_per_minute: 60,
            // Fifty circuits can each bring two light tries at once: the kept half (120) must
            // outlast them for a reporter who comes once (issue 17, item 2).
            onion_submissions_per_minute: 240,
            live_reports: 100_000,
        }
    }
}

/// Prometheus metrics, on their own listener, which must be a loopback address.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct MetricsSettings {
    pub enabled: bool,
    pub host: IpAddr,
    pub port: u16,
}

impl Default for MetricsSettings {
    fn default() -> MetricsSettings {
        MetricsSettings {
            enabled: false,
            host: IpAddr::from([127, 0, 0, 1]),
            port: 9464,
        }
    }
}

/// The reporter's return with the receipt code.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct FollowupSettings {
    /// Codes one source address may try per minute (the address is only hashed in memory).
    pub attempts_per_minute: u32,
    /// Codes all sources together may try per minute on this replica: guessing from many
    /// addresses hits this ceiling, and each try costs one Argon2id derivation anyway.
    pub global_attempts_per_minute: u32,
    /// How long a withdrawn report's keys are kept before they are destroyed, so that a
    /// withdrawal forced out of a victim can be noticed and undone by a responder.
    pub withdrawal_grace_days: i64,
    /// How long a queue closed by a withdrawn consent keeps the keys of what it never opened
    /// before they are destroyed: a consent given again within it reopens the entry as it was,
    /// so a withdrawal forced out of a victim can be undone. What it opened is kept.
    pub consent_withdrawal_grace_days: i64,
    /// How often withdrawn reports and consents past their grace period are looked for.
    pub shred_interval_secs: u64,
}

impl Default for FollowupSettings {
    fn default() -> FollowupSettings {
        FollowupSettings {
            attempts_per_minute: 10,
            global_attempts_per_minute: 300,
            withdrawal_grace_days: 14,
            consent_withdrawal_grace_days: 7,
            shred_interval_secs: 3600,
        }
    }
}

/// Files the reporter attaches: held in memory only, bounded per file and across requests.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct AttachmentSettings {
    pub max_bytes: usize,
    pub max_count: usize,
    /// What every upload in flight on this replica may hold in memory together.
    pub global_bytes: usize,
    /// The largest image, in pixels, that is decoded at all.
    pub max_pixels: u64,
    /// What resumable uploads not yet used may hold on disk together, every replica together
    /// (the database counts it): a flood of uploads within the per-minute limits would otherwise
    /// fill the disk, and every report with it.
    pub staged_bytes: u64,
}

impl Default for AttachmentSettings {
    fn default() -> AttachmentSettings {
        AttachmentSettings {
            max_bytes: 5 * 1024 * 1024,
            max_count: 5,
            global_bytes: 64 * 1024 * 1024,
            max_pixels: 40_000_000,
            staged_bytes: 1024 * 1024 * 1024,
        }
    }
}

/// Alerts carry only a queue's id and a count, never anything a report says.
#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct AlertSettings {
    /// A URL that receives a JSON POST (a Signal or Matrix bridge, say).
    pub webhook_url: Option<String>,
    pub smtp: Option<SmtpSettings>,
    /// How often the queues are checked.
    pub check_interval_secs: u64,
    /// The least time between two alerts about one queue (across replicas too).
    pub repeat_minutes: i64,
}

impl Default for AlertSettings {
    fn default() -> AlertSettings {
        AlertSettings {
            webhook_url: None,
            smtp: None,
            check_interval_secs: 60,
            repeat_minutes: 60,
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    #[serde(default = "default_smtp_port")]
    pub port: u16,
    /// STARTTLS on connect; only a relay on this machine may go without.
    #[serde(default = "default_true")]
    pub starttls: bool,
    pub username: Option<String>,
    pub password: Option<SecretString>,
    pub from: String,
    #[serde(deserialize_with = "list")]
    pub to: Vec<String>,
}

fn default_smtp_port() -> u16 {
    587
}

fn default_true() -> bool {
    true
}

#[derive(Debug, Deserialize)]
pub struct ServerSettings {
    pub host: IpAddr,
    pub port: u16,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// How long a client may take to send its request headers, in seconds.
    pub client_request_timeout_secs: u64,
    pub workers: Option<usize>,
    /// A body must keep arriving: a longer pause between two pieces ends the request (408).
    #[serde(default = "default_body_idle_secs")]
    pub body_idle_timeout_secs: u64,
    /// No request body may take longer than this to arrive in all (408), except the files of
    /// a reporter's form (the report form, the follow-up page): the minimum rate bounds those.
    #[serde(default = "default_body_deadline_secs")]
    pub body_deadline_secs: u64,
    /// A body holding upload memory must bring at least this many bytes a second, judged over
    /// each `body_rate_window_secs` (408); 0 judges no rate.
    #[serde(default = "default_body_min_bytes_per_sec")]
    pub body_min_bytes_per_sec: u64,
    /// The window that rate is judged over, in seconds.
    #[serde(default = "default_body_rate_window_secs")]
    pub body_rate_window_secs: u64,
    /// Open connections per worker; past it, new ones wait in the kernel's backlog.
    #[serde(default = "default_max_connections")]
    pub max_connections: usize,
    /// Reverse proxies whose X-Forwarded-For is believed, for per-source limits only.
    #[serde(default, deserialize_with = "list")]
    pub trusted_proxies: Vec<IpAddr>,
    /// The listener an onion service feeds, with its own limits. Off unless set. Every
    /// connection must open with Tor's PROXY line (`HiddenServiceExportCircuitID haproxy`).
    #[serde(default)]
    pub onion: Option<ListenAddress>,
    /// The most memory this server may use, in MiB: start refuses settings whose worst case
    /// (Argon2id, uploads in flight, request bodies, a baseline) exceeds it. Give it to the
    /// service manager as its memory ceiling too.
    #[serde(default = "default_memory_bound_mib")]
    pub memory_bound_mib: u64,
}

impl Default for ServerSettings {
    /// What default.toml says, for settings built in code (tests, examples).
    fn default() -> ServerSettings {
        ServerSettings {
            host: IpAddr::from([127, 0, 0, 1]),
            port: 8080,
            max_body_bytes: 65536,
            client_request_timeout_secs: 10,
            workers: None,
            body_idle_timeout_secs: default_body_idle_secs(),
            body_deadline_secs: default_body_deadline_secs(),
            body_min_bytes_per_sec: default_body_min_bytes_per_sec(),
            body_rate_window_secs: default_body_rate_window_secs(),
            max_connections: default_max_connections(),
            trusted_proxies: Vec::new(),
            onion: None,
            memory_bound_mib: default_memory_bound_mib(),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct ListenAddress {
    pub host: IpAddr,
    pub port: u16,
}

fn default_body_idle_secs() -> u64 {
    20
}

fn default_body_deadline_secs() -> u64 {
    600
}

fn default_body_min_bytes_per_sec() -> u64 {
    1024
}

fn default_body_rate_window_secs() -> u64 {
    60
}

fn default_max_connections() -> usize {
    256
}

fn default_memory_bound_mib() -> u64 {
    768
}

/// What the process holds beside the bounded parts: code, catalogs, templates, the database
/// pools and caches, the runtime.
const BASELINE_MIB: u64 = 96;

#[derive(Deserialize)]
pub struct DatabaseSettings {
    /// `sqlite://data/homeward.db` or `postgres://user@host/db`.
    pub url: SecretString,
    pub max_connections: u32,
}

impl std::fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let url = self.url.expose_secret();
        let scheme = url.split(':').next().unwrap_or_default();
        f.debug_struct("DatabaseSettings")
            .field("url", &format_args!("{scheme}://…"))
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct AckTargets {
    pub critical_minutes: i64,
    pub high_minutes: i64,
    pub normal_minutes: i64,
}

impl AckTargets {
    pub fn minutes(&self, priority: &str) -> i64 {
        match priority {
            "critical" => self.critical_minutes,
            "high" => self.high_minutes,
            _ => self.normal_minutes,
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct SessionSettings {
    /// A session unused this long ends.
    pub idle_minutes: i64,
    /// No session lasts longer than this.
    pub absolute_hours: i64,
    /// Login attempts one source address may make per minute (in a burst, then one every
    /// 60/n seconds). The address is only hashed in memory, never stored.
    pub login_attempts_per_minute: u32,
    /// Login attempts (and password changes and recoveries) from every source together per
    /// minute: what holds a login flood from many addresses to a few Argon2id derivations, so
    /// reports are not kept waiting behind it (docs/security.md). With an onion listener, half
    /// of it (rounded down) is the onion listener's and the rest the public one's. Logins that
    /// show a known device for their account have an allowance of the same size of their own.
    /// Settings written before it existed get the default.
    #[serde(default = "default_global_login_attempts")]
    pub global_login_attempts_per_minute: u32,
}

fn default_global_login_attempts() -> u32 {
    30
}

#[derive(Debug, Deserialize)]
pub struct SiteSettings {
    /// The neutral title every reporter page carries, so a watched phone's tab list says little.
    pub page_title: String,
    pub default_language: String,
    /// Where "leave this page" goes.
    pub leave_url: String,
    /// Where this server's source code can be had (the AGPL's section 13): linked from the
    /// reporter's /about page and every staff page. Point it at the source of what you deploy,
    /// your changes included.
    #[serde(default)]
    pub source_url: SourceUrl,
}

/// The project's public repository: right only for an unmodified build of it.
pub const DEFAULT_SOURCE_URL: &str = "https://github.com/homeward-intake/homeward";

/// Where the source can be had: an `https://` or `http://` address, nothing a page could run.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct SourceUrl(String);

impl SourceUrl {
    pub fn parse(url: &str) -> Result<SourceUrl, SettingsError> {
        let url = url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        match rest {
            Some(rest)
                if !rest.is_empty()
                    && !url.contains(|c: char| c.is_whitespace() || c.is_control()) =>
            {
                Ok(SourceUrl(url.to_owned()))
            }
            _ => Err(SettingsError::Invalid(format!(
                "site.source_url must be an https:// or http:// address, not {url:?}"
            ))),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for SourceUrl {
    fn default() -> SourceUrl {
        SourceUrl(DEFAULT_SOURCE_URL.to_owned())
    }
}

impl TryFrom<String> for SourceUrl {
    type Error = SettingsError;

    fn try_from(url: String) -> Result<SourceUrl, SettingsError> {
        SourceUrl::parse(&url)
    }
}

#[derive(Debug, Deserialize)]
pub struct LogSettings {
    /// An `EnvFilter` directive, e.g. `info` or `homeward=debug,info`.
    pub filter: String,
    /// `text` or `json`.
    pub format: String,
}

/// A list, from a file's array or from an environment variable's text with commas between the
/// items (the environment has no arrays): each item parsed as `T`, blanks around it ignored, an
/// empty text an empty list.
fn list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + std::str::FromStr,
    T::Err: std::fmt::Display,
{
    struct List<T>(std::marker::PhantomData<T>);

    impl<'de, T> serde::de::Visitor<'de> for List<T>
    where
        T: Deserialize<'de> + std::str::FromStr,
        T::Err: std::fmt::Display,
    {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list, or its items separated by commas")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Vec<T>, E> {
            text.split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| {
                    item.parse()
                        .map_err(|e| E::custom(format!("{item:?} in the list: {e}")))
                })
                .collect()
        }
    }

    deserializer.deserialize_any(List(std::marker::PhantomData))
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("settings: {0}")]
    Load(#[from] config::ConfigError),
    #[error("settings: {0}")]
    Invalid(String),
}

/// The exit status of a start refused for its configuration (`EX_CONFIG` of sysexits.h); the
/// systemd unit's `RestartPreventExitStatus=78` keeps it from restarting into the same mistake.
pub const EX_CONFIG: u8 = 78;

/// A start refused for its configuration beyond the settings themselves: the routing file, the
/// triage weights, the server secrets, the catalogs' default language, alert and audit settings.
/// Not for what a restart may mend (a database not up yet, a port still taken).
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ConfigurationError(#[from] pub anyhow::Error);

/// Whether `error` was caused by the configuration: a [`SettingsError`] or a
/// [`ConfigurationError`] anywhere in its chain.
pub fn is_misconfiguration(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| cause.is::<SettingsError>() || cause.is::<ConfigurationError>())
}

impl Settings {
    /// Reads `<dir>/default.toml`, `<dir>/local.toml` (optional) and the environment.
    pub fn load(dir: &Path) -> Result<Settings, SettingsError> {
        Settings::load_with_environment(dir, None)
    }

    /// As `load`, with `environment` read in place of the process's environment when given
    /// (a test feeding a deploy file's variables, say).
    pub fn load_with_environment(
        dir: &Path,
        environment: Option<config::Map<String, String>>,
    ) -> Result<Settings, SettingsError> {
        let settings: Settings = config::Config::builder()
            .add_source(config::File::from(dir.join("default.toml")).required(true))
            .add_source(config::File::from(dir.join("local.toml")).required(false))
            .add_source(
                config::Environment::with_prefix("HOMEWARD")
                    .prefix_separator("_")
                    .separator("__")
                    .source(environment),
            )
            .build()?
            .try_deserialize()?;
        settings.validate()?;
        Ok(settings)
    }

    /// Checks the settings as a whole; `load` runs it, and so does the start of a server built
    /// from settings made in code.
    pub fn validate(&self) -> Result<(), SettingsError> {
        self.receipt_kdf
            .validate()
            .map_err(|e| SettingsError::Invalid(format!("receipt_kdf: {e}")))?;
        self.account_kdf
            .validate()
            .map_err(|e| SettingsError::Invalid(format!("account_kdf: {e}")))?;
        self.check_kdf_floors()?;
        // A mistyped scheme is a configuration error (exit 78, not restarted), not a database
        // that is not up yet.
        let url = self.database.url.expose_secret();
        let scheme = url.split_once(':').map_or("", |(scheme, _)| scheme);
        if !matches!(scheme, "sqlite" | "postgres" | "postgresql") {
            return Err(SettingsError::Invalid(
                "database.url: use a sqlite:// or postgres:// address".into(),
            ));
        }
        if self.is_postgres() && self.database_sslmode().as_deref() == Some("verify-ca") {
            return Err(SettingsError::Invalid(
                "database.url: sslmode=verify-ca checks no host name, and the public roots are \
                 trusted beside sslrootcert, so any public certificate passes: use verify-full"
                    .into(),
            ));
        }
        if self.sessions.idle_minutes < 1 || self.sessions.absolute_hours < 1 {
            return Err(SettingsError::Invalid(
                "sessions: idle_minutes and absolute_hours must be positive".into(),
            ));
        }
        if self.kdf_max_concurrent == 0 {
            return Err(SettingsError::Invalid(
                "kdf_max_concurrent must be at least 1".into(),
            ));
        }
        if let Some(smtp) = &self.alerts.smtp {
            if !smtp.starttls && !matches!(smtp.host.as_str(), "localhost" | "127.0.0.1" | "::1") {
                return Err(SettingsError::Invalid(
                    "alerts.smtp: starttls may be off only for a relay on this machine".into(),
                ));
            }
            if smtp.to.is_empty() {
                return Err(SettingsError::Invalid(
                    "alerts.smtp.to: name at least one address".into(),
                ));
            }
        }
        if self.followup.attempts_per_minute == 0
            || self.followup.global_attempts_per_minute == 0
            || self.followup.withdrawal_grace_days < 0
            || self.followup.consent_withdrawal_grace_days < 0
        {
            return Err(SettingsError::Invalid(
                "followup: attempts must be positive and the grace period not negative".into(),
            ));
        }
        if self.attachments.global_bytes < self.attachments.max_bytes {
            return Err(SettingsError::Invalid(
                "attachments.global_bytes must be at least attachments.max_bytes".into(),
            ));
        }
        if self.retention.closed_days < 1 {
            return Err(SettingsError::Invalid(
                "retention.closed_days must be at least 1 (turn retention off with enabled = false)"
                    .into(),
            ));
        }
        if self.waves.destroy_after_hours < 1 {
            return Err(SettingsError::Invalid(
                "waves.destroy_after_hours must be at least 1: a report closed as not genuine is \
                 never destroyed before anyone could reopen it"
                    .into(),
            ));
        }
        if self.metrics.enabled && !self.metrics.host.is_loopback() {
            return Err(SettingsError::Invalid(
                "metrics.host must be a loopback address: metrics never go on a public one".into(),
            ));
        }
        if self.limits.submissions_per_minute == 0
            || self.limits.global_submissions_per_minute == 0
            || self.limits.onion_submissions_per_minute == 0
            || self.limits.live_reports == 0
            || self.sessions.login_attempts_per_minute == 0
            || self.sessions.global_login_attempts_per_minute == 0
        {
            return Err(SettingsError::Invalid(
                "limits and sessions: every allowance must be positive".into(),
            ));
        }
        self.check_locator_use()?;
        let worst = self.memory_worst_case_mib();
        if worst > self.server.memory_bound_mib {
            return Err(SettingsError::Invalid(format!(
                "server.memory_bound_mib is {} but these settings may use {worst} MiB; raise it or \
                 lower kdf_max_concurrent, attachments.global_bytes, server.max_connections or \
                 server.max_body_bytes",
                self.server.memory_bound_mib
            )));
        }
        if self.server.max_body_bytes < 1024 {
            return Err(SettingsError::Invalid(
                "server.max_body_bytes must be at least 1024".into(),
            ));
        }
        Ok(())
    }

    /// Refuses a ceiling on live reports above a tenth of the locators: past that, fresh locators
    /// get hard to find.
    fn check_locator_use(&self) -> Result<(), SettingsError> {
        let tenth = crate::domain::receipt::LOCATOR_SPACE / 10;
        if self.limits.live_reports > tenth {
            return Err(SettingsError::Invalid(format!(
                "limits.live_reports is {}: more than a tenth of the {} locators; lower it to at \
                 most {tenth}",
                self.limits.live_reports,
                crate::domain::receipt::LOCATOR_SPACE,
            )));
        }
        Ok(())
    }

    /// Refuses Argon2id costs below the floors, unless the test suite's build was asked for cheap
    /// ones; refuses that request in any other build.
    fn check_kdf_floors(&self) -> Result<(), SettingsError> {
        if self.test_only_frozen_limits && !cfg!(feature = "test-support") {
            return Err(SettingsError::Invalid(
                "test_only_frozen_limits is for the test suite's build only; remove it".into(),
            ));
        }
        if self.test_only_locator_space.is_some() && !cfg!(feature = "test-support") {
            return Err(SettingsError::Invalid(
                "test_only_locator_space is for the test suite's build only; remove it".into(),
            ));
        }
        if self.test_only_cheap_kdf {
            return if cfg!(feature = "test-support") {
                Ok(())
            } else {
                Err(SettingsError::Invalid(
                    "test_only_cheap_kdf is for the test suite's build only; remove it".into(),
                ))
            };
        }
        for (name, params, floor) in [
            ("receipt_kdf", &self.receipt_kdf, &RECEIPT_KDF_FLOOR),
            ("account_kdf", &self.account_kdf, &ACCOUNT_KDF_FLOOR),
        ] {
            if !meets(params, floor) {
                return Err(SettingsError::Invalid(format!(
                    "{name} is {} but the least accepted is m={} KiB, t={} (docs/security.md)",
                    params.encode(),
                    floor.memory_kib,
                    floor.iterations
                )));
            }
        }
        Ok(())
    }

    /// Whether `public_url` names this machine (a loopback address or `localhost`): the demo
    /// desk runs only where nobody else can reach it.
    pub fn public_url_is_loopback(&self) -> bool {
        url_names_loopback(&self.public_url)
    }

    /// Why this server may not run the demo desk, if it may not: only a SQLite server with no
    /// routing file, listening and reached on a loopback address, may.
    pub fn demo_desk_refusal(&self) -> Option<String> {
        if let Some(path) = &self.routing_file {
            return Some(format!(
                "routing_file is set ({}): the demo desk runs only when none is configured",
                path.display()
            ));
        }
        if self.is_postgres() {
            return Some("the database is PostgreSQL".into());
        }
        if !self.server.host.is_loopback() {
            return Some(format!(
                "server.host {} is not a loopback address",
                self.server.host
            ));
        }
        if !self.public_url_is_loopback() {
            return Some(format!(
                "public_url {} is not a loopback address",
                self.public_url
            ));
        }
        // A proxy or an onion service in front means people reach this server from elsewhere,
        // whatever public_url was left at.
        if !self.server.trusted_proxies.is_empty() {
            return Some("server.trusted_proxies is set: a proxy brings in visitors".into());
        }
        if self.server.onion.is_some() {
            return Some("server.onion is set: an onion service brings in visitors".into());
        }
        None
    }

    /// How many attached files are cleaned at once on a replica; more wait their turn in the
    /// cleaner (`reporting::attachments::clean`, which takes the figure from here).
    pub const CLEANERS_AT_ONCE: usize = 2;
    /// What cleaning one PDF holds besides the file itself and a JPEG inside it, in MiB. The
    /// cleaner's own bounds add up to no more: it is checked where they are, when they compile.
    pub const CLEANING_PDF_MIB: u64 = 64;

    /// The most memory these settings allow, in MiB: each Argon2id thread's memory, every upload
    /// in flight, a full body on every connection of every worker of each listener's server,
    /// what the files being cleaned at once hold besides themselves, and the baseline.
    pub fn memory_worst_case_mib(&self) -> u64 {
        const MIB: u64 = 1024 * 1024;
        let kdf_kib = u64::from(self.receipt_kdf.memory_kib.max(self.account_kdf.memory_kib));
        let kdf = self.kdf_max_concurrent as u64 * kdf_kib * 1024;
        let workers = self
            .server
            .workers
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            as u64;
        // The onion listener is a server of its own, with its own workers and connections.
        let servers = 1 + u64::from(self.server.onion.is_some());
        let bodies = servers
            * workers
            * self.server.max_connections as u64
            * self.server.max_body_bytes as u64;
        // The files themselves are in the upload budget. Cleaning one holds more beside it: a
        // PDF's objects, what it is rebuilt into and its content decoded, and three copies of
        // a JPEG inside it (the JPEG, its segments, the cleaned JPEG); an image alone, less.
        let file_mib = (self.attachments.max_bytes as u64).div_ceil(MIB);
        let cleaning = Self::CLEANERS_AT_ONCE as u64 * (Self::CLEANING_PDF_MIB + 3 * file_mib);
        BASELINE_MIB
            + cleaning
            + (kdf + self.attachments.global_bytes as u64 + bodies).div_ceil(MIB)
    }

    /// The `sslmode` a PostgreSQL URL asks for, if it names one.
    pub fn database_sslmode(&self) -> Option<String> {
        url::Url::parse(self.database.url.expose_secret())
            .ok()?
            .query_pairs()
            .find(|(key, _)| key == "sslmode")
            .map(|(_, value)| value.into_owned())
    }

    /// Whether a PostgreSQL URL reaches its server over a network: a host that is neither this
    /// machine nor a Unix socket.
    pub fn database_over_network(&self) -> bool {
        let Ok(parsed) = url::Url::parse(self.database.url.expose_secret()) else {
            return false;
        };
        let socket = parsed
            .query_pairs()
            .any(|(key, value)| key == "host" && value.starts_with('/'));
        match parsed.host_str() {
            None | Some("") => false,
            Some(_) if socket => false,
            Some(host) => {
                let host = host.trim_start_matches('[').trim_end_matches(']');
                host != "localhost"
                    && !host
                        .parse::<std::net::IpAddr>()
                        .is_ok_and(|ip| ip.is_loopback())
            }
        }
    }

    pub fn is_postgres(&self) -> bool {
        let url = self.database.url.expose_secret();
        url.starts_with("postgres://") || url.starts_with("postgresql://")
    }

    pub fn destroyed_path(&self) -> PathBuf {
        self.destroyed_file
            .clone()
            .unwrap_or_else(|| self.secrets_path().with_file_name("destroyed-reports.txt"))
    }

    /// Where the audit chain's head is written: as configured, or beside the secrets file.
    pub fn checkpoint_path(&self) -> PathBuf {
        self.audit
            .checkpoint_file
            .clone()
            .unwrap_or_else(|| self.secrets_path().with_file_name("audit-checkpoint.txt"))
    }

    /// Each queue's membership as last seen, for restores: in the data directory, which the
    /// server may write (the secrets file may sit on a read-only mount, a container's secret).
    pub fn memberships_path(&self) -> PathBuf {
        self.data_dir.join("memberships.txt")
    }

    /// Retention's period in days, if retention is on.
    pub fn retention_days(&self) -> Option<i64> {
        self.retention.enabled.then_some(self.retention.closed_days)
    }

    pub fn secrets_path(&self) -> PathBuf {
        self.secrets_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("secrets.toml"))
    }
}

/// Whether a URL's host is a loopback address or `localhost`.
fn url_names_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = match host_port.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::{url_names_loopback, Settings, SourceUrl};

    fn with_database(url: &str) -> Settings {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
        let mut settings = Settings::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        settings.database.url = secrecy::SecretString::from(url.to_owned());
        settings
    }

    #[test]
    fn a_live_report_ceiling_over_a_tenth_of_the_locators_is_refused() {
        let mut settings = with_database("sqlite::memory:");
        let defaults = settings.validate();
        assert!(defaults.is_ok(), "the defaults fit: {defaults:?}");
        settings.limits.live_reports = 100_001;
        let refused = settings.validate().err().map(|e| e.to_string());
        assert!(
            refused
                .as_deref()
                .is_some_and(|e| e.contains("at most 100000")),
            "{refused:?}"
        );
    }

    #[test]
    fn early_destruction_waits_a_day_by_default_and_never_less_than_an_hour() {
        let mut settings = with_database("sqlite::memory:");
        assert_eq!(settings.waves.destroy_after_hours, 24);
        settings.waves.destroy_after_hours = 0;
        let refused = settings.validate().err().map(|e| e.to_string());
        assert!(
            refused
                .as_deref()
                .is_some_and(|e| e.contains("waves.destroy_after_hours")),
            "{refused:?}"
        );
    }

    #[test]
    fn postgres_over_a_network_is_told_apart_and_verify_ca_refused() {
        for (url, network) in [
            (
                "postgres://h@db.internal/homeward?sslmode=verify-full",
                true,
            ),
            ("postgres://h@10.0.0.5/homeward", true),
            ("postgres://h@localhost/homeward", false),
            ("postgres://h@127.0.0.1/homeward", false),
            ("postgres://h@[::1]/homeward", false),
            ("postgres:///homeward?host=/run/postgresql", false),
        ] {
            assert_eq!(with_database(url).database_over_network(), network, "{url}");
        }
        let verify_ca = with_database("postgres://h@db.internal/homeward?sslmode=verify-ca");
        assert_eq!(verify_ca.database_sslmode().as_deref(), Some("verify-ca"));
        assert!(verify_ca.validate().is_err());
    }

    #[test]
    fn a_source_url_is_a_web_address() {
        for url in [
            "https://github.com/homeward-intake/homeward",
            "http://src.example.org/homeward.tar.gz",
        ] {
            assert_eq!(
                SourceUrl::parse(url).map(|u| u.as_str().to_owned()).ok(),
                Some(url.to_owned())
            );
        }
        for url in [
            "javascript:alert(1)",
            "https://",
            "ftp://example.org/",
            "https://a b",
            "https://example.org/\u{1}",
            "",
        ] {
            assert!(SourceUrl::parse(url).is_err(), "{url}");
        }
    }

    #[test]
    fn only_this_machine_is_loopback() {
        for url in [
            "http://127.0.0.1:8080",
            "http://127.0.0.1",
            "http://localhost:8080/",
            "http://[::1]:8080/x",
            "https://user@127.0.0.2/",
        ] {
            assert!(url_names_loopback(url), "{url}");
        }
        for url in [
            "https://report.example.org",
            "http://10.0.0.1:8080",
            "http://127.0.0.1.example.org/",
            "http://localhost.example.org",
            "https://127.0.0.1@report.example.org/",
            "http://[2001:db8::1]/",
            "",
        ] {
            assert!(!url_names_loopback(url), "{url}");
        }
    }
}
