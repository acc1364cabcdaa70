//! Starting the app on a random port with a fresh database, on either engine, with a fresh set of
//! queues whose private keys the test holds (standing in for the organisations' offline safes).

use std::collections::HashMap;
use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use homeward::config::{DatabaseSettings, LogSettings, ServerSettings, Settings, SiteSettings};
use homeward::crypto::kdf::Argon2Params;
use homeward::crypto::signing::{Signature, SigningKey, Statement};
use homeward::crypto::{KeyPair, PrivateKey};
use homeward::startup::Application;
use homeward::store::Store;
use homeward::trust::audit::Audit;
use secrecy::SecretString;
use tempfile::TempDir;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Runs a test body once on SQLite and, as an ignored test that CI runs with `--ignored`, on
/// PostgreSQL (HOMEWARD_TEST_POSTGRES_URL, default the machine's local server).
macro_rules! on_both_engines {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)(crate::helpers::Engine::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[ignore = "needs PostgreSQL; CI runs these with `cargo test -- --ignored`"]
            async fn postgres() {
                ($body)(crate::helpers::Engine::Postgres).await;
            }
        }
    };
}
pub(crate) use on_both_engines;

/// Runs `$body` with `$conn` a fresh connection of the app's own engine to its database, as
/// someone holding the disk would have: the test's counterpart of the store's `on_pool!`.
macro_rules! on_connection {
    ($app:expr, $conn:ident => $body:expr) => {{
        use sqlx::Connection;
        match $app.engine {
            Engine::Sqlite => {
                let mut $conn = sqlx::SqliteConnection::connect(&$app.database_url)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                $body
            }
            Engine::Postgres => {
                let mut $conn = sqlx::PgConnection::connect(&$app.database_url)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                $body
            }
        }
    }};
}

/// An HTTP client's builder on Homeward's TLS configuration (`homeward::crypto::tls`): reqwest
/// 0.13 on rustls without a built-in provider builds no client that is not handed one.
pub fn http() -> reqwest::ClientBuilder {
    reqwest::Client::builder().tls_backend_preconfigured(
        homeward::crypto::tls::client_config().unwrap_or_else(|e| panic!("{e}")),
    )
}

/// A client whose requests come from `address` (any of 127.0.0.0/8 reaches the app), so that a
/// test can be several sources at once. It does not follow redirects.
pub fn client_from(address: [u8; 4]) -> reqwest::Client {
    http()
        .local_address(IpAddr::from(address))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Everything the suite logged, to check that no request content reaches the logs.
pub fn captured_logs() -> String {
    let buffer = log_buffer().lock().map(|b| b.clone()).unwrap_or_default();
    String::from_utf8_lossy(&buffer).into_owned()
}

fn log_buffer() -> &'static Arc<Mutex<Vec<u8>>> {
    static BUFFER: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    BUFFER.get_or_init(|| Arc::new(Mutex::new(Vec::new())))
}

#[derive(Clone)]
struct Capture;

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut buffer) = log_buffer().lock() {
            buffer.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture_logs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Debug for everything the server runs; the test's own HTTP client is left out, since
        // it logs the URLs it requests, which the server never does.
        homeward::telemetry::init(
            "debug,reqwest=off,hyper_util=off,hyper=off,h2=off",
            false,
            false,
            || Capture,
        );
    });
}

pub struct TestApp {
    pub address: String,
    pub store: Store,
    pub engine: Engine,
    pub client: reqwest::Client,
    pub queues: HashMap<&'static str, PrivateKey>,
    pub signers: Signers,
    pub dir: TempDir,
    pub database_url: String,
    pub secrets_file: PathBuf,
    /// The server's Argon2id pool, whose derivations tests count.
    pub kdf: homeward::crypto::kdf::KdfPool,
    /// The server's upload budget, whose free bytes tests read.
    pub uploads: homeward::reporting::attachments::Budget,
    /// The onion listener's and the metrics listener's addresses, where the settings ask for them.
    pub onion: Option<String>,
    pub metrics: Option<String>,
    /// The clock the server decides expiry by: the system's, unless the test gave its own.
    pub clock: homeward::store::Clock,
    /// The server's expiry sweep, for a test to run when it chooses (the server also runs it
    /// on its timer); `None` when the server did not start.
    pub sweeper: Option<homeward::operations::expiry::Sweeper>,
}

/// The cheapest Argon2id the crate accepts: tests exercise the path, not the cost. Below the
/// floors, so the settings below say `test_only_cheap_kdf`, which only this build honours.
pub const TEST_KDF: Argon2Params = Argon2Params {
    memory_kib: 64,
    iterations: 1,
    parallelism: 1,
};

/// The test client's own source address, distinct from the server's, so that the logs can be
/// searched for it.
pub const CLIENT_ADDRESS: [u8; 4] = [127, 0, 0, 77];

pub const USER_AGENT: &str = "HomewardTestAgent/9.9 (reporter-phone)";

/// The queues every test deployment declares.
pub const QUEUES: &[(&str, &str, &str, &str)] = &[
    // id, organisation, kind, conditions
    ("desk", "operator", "desk", ""),
    ("ngo-kh", "partner", "ngo", "countries = [\"KH\"]"),
    ("ngo-zh", "partner", "ngo", "languages = [\"zh\"]"),
    (
        "consular-in",
        "consulate-in",
        "consular",
        "nationalities = [\"IN\"]",
    ),
    ("police-kh", "police-kh", "police", "countries = [\"KH\"]"),
];

/// The organisations the queues belong to: id, kind, country.
pub const ORGANISATIONS: &[(&str, &str, &str)] = &[
    ("operator", "ngo", "TH"),
    ("partner", "ngo", "KH"),
    ("consulate-in", "consulate", "IN"),
    ("police-kh", "police", "KH"),
];

/// The organisations' offline signing keys; "operator" is the desk organisation's.
pub struct Signers {
    pub keys: HashMap<&'static str, SigningKey>,
}

impl Signers {
    fn generate() -> Signers {
        Signers {
            keys: ORGANISATIONS
                .iter()
                .map(|(id, ..)| (*id, SigningKey::generate()))
                .collect(),
        }
    }

    pub fn of(&self, organisation: &str) -> &SigningKey {
        self.keys
            .get(organisation)
            .unwrap_or_else(|| panic!("no organisation {organisation}"))
    }

    /// What `homeward org countersign` prints for an organisation, from the desk's key.
    pub fn countersignature(&self, id: &str, kind: &str, country: &str) -> Signature {
        self.of("operator").sign(&Statement::Organisation {
            id,
            kind,
            country,
            key: &self.of(id).verifying_key(),
        })
    }
}

fn queues_file(keys: &HashMap<&'static str, PrivateKey>, signers: &Signers) -> String {
    let mut text = format!(
        "desk_signing_key = \"{}\"\n\n",
        signers.of("operator").verifying_key().to_text()
    );
    for (id, org, kind, conditions) in QUEUES {
        let (public, signature) = keys
            .get(id)
            .map(|k| {
                let public = k.public_key();
                let signature = signers.of(org).sign(&Statement::QueueKey {
                    queue: id,
                    kind,
                    key: &public,
                });
                (public.to_text(), signature.to_text())
            })
            .unwrap_or_default();
        text.push_str(&format!(
            "[[queue]]\nid = \"{id}\"\norganisation = \"{org}\"\nkind = \"{kind}\"\npublic_key = \"{public}\"\nsignature = \"{signature}\"\n{conditions}\n\n"
        ));
    }
    text
}

/// Stands in for the operator and the desk organisation: registers, vets and countersigns every
/// organisation, straight through the storage layer.
pub async fn vet_organisations(store: &Store, audit: &Audit, signers: &Signers) {
    for (id, kind, country) in ORGANISATIONS {
        let details = homeward::store::OrganisationDetails {
            id: (*id).into(),
            name: format!("{id} (test)"),
            kind,
            country: (*country).into(),
            contact: None,
            signing_key: signers.of(id).verifying_key().to_bytes(),
        };
        let at = homeward::store::now();
        let entry = |action| audit.entry("test-setup", action, format!("organisation:{id}"));
        store
            .register_organisation(&details, at, &entry("organisation_registered"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .record_vetting(id, "test-setup", "test", at, &entry("organisation_vetted"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let countersignature = signers.countersignature(id, kind, country);
        store
            .set_countersignature(
                id,
                &countersignature.to_bytes(),
                at,
                &entry("organisation_countersigned"),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

pub fn postgres_admin_url() -> String {
    std::env::var("HOMEWARD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A fresh, empty PostgreSQL database for one test.
pub async fn fresh_postgres_database() -> String {
    use sqlx::Connection;
    let admin = postgres_admin_url();
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL must be reachable at {admin}: {e}"));
    let name = format!("homeward_test_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("creating {name}: {e}"));
    let base = admin
        .rsplit_once('/')
        .map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/{name}")
}

pub struct Options {
    pub declare_queues: bool,
    /// Stand in for the coordinators: mark every declared queue's key as imported, so that the
    /// queues receive reports from the start.
    pub import_keys: bool,
    /// Stand in for the operator and the desk organisation: register, vet and countersign every
    /// organisation, so that their queues can receive.
    pub vet_organisations: bool,
    pub host: IpAddr,
    pub provision_secrets: bool,
    pub database_url: Option<String>,
    pub secrets_file: Option<PathBuf>,
    pub alerts: homeward::config::AlertSettings,
    /// A last change to the settings before the app is built.
    pub tweak: fn(&mut Settings),
    /// The clock the server decides expiry by; the system's if none.
    pub clock: Option<homeward::store::Clock>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            declare_queues: true,
            import_keys: true,
            vet_organisations: true,
            host: IpAddr::from([127, 0, 0, 1]),
            provision_secrets: true,
            database_url: None,
            secrets_file: None,
            alerts: homeward::config::AlertSettings::default(),
            tweak: |_| {},
            clock: None,
        }
    }
}

pub fn settings(dir: &Path, database_url: &str, secrets_file: PathBuf, host: IpAddr) -> Settings {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Settings {
        server: ServerSettings {
            host,
            port: 0,
            max_body_bytes: 65536,
            client_request_timeout_secs: 5,
            workers: Some(1),
            body_idle_timeout_secs: 5,
            body_deadline_secs: 60,
            ..ServerSettings::default()
        },
        database: DatabaseSettings {
            url: SecretString::from(database_url.to_owned()),
            max_connections: 4,
        },
        data_dir: dir.join("data"),
        routing_file: Some(dir.join("queues.toml")),
        triage_file: root.join("config/triage.toml"),
        secrets_file: Some(secrets_file),
        receipt_kdf: TEST_KDF,
        account_kdf: TEST_KDF,
        sessions: homeward::config::SessionSettings {
            idle_minutes: 30,
            absolute_hours: 12,
            login_attempts_per_minute: 20,
            global_login_attempts_per_minute: 10_000,
        },
        public_url: "http://127.0.0.1".into(),
        ack_targets: homeward::config::AckTargets {
            critical_minutes: 30,
            high_minutes: 240,
            normal_minutes: 1440,
        },
        kdf_max_concurrent: 2,
        site: SiteSettings {
            page_title: "Notes".into(),
            default_language: "en".into(),
            leave_url: "https://www.wikipedia.org/".into(),
            source_url: homeward::config::SourceUrl::default(),
        },
        log: LogSettings {
            filter: "debug".into(),
            format: "text".into(),
        },
        alerts: homeward::config::AlertSettings::default(),
        followup: homeward::config::FollowupSettings::default(),
        attachments: homeward::config::AttachmentSettings::default(),
        retention: homeward::config::RetentionSettings::default(),
        waves: homeward::config::WaveSettings::default(),
        destroyed_file: None,
        // Tests send many reports from one address; the flood tests set their own limits.
        limits: homeward::config::LimitSettings {
            submissions_per_minute: 100_000,
            global_submissions_per_minute: 100_000,
            onion_submissions_per_minute: 100_000,
            ..Default::default()
        },
        metrics: homeward::config::MetricsSettings {
            port: 0,
            ..Default::default()
        },
        audit: Default::default(),
        expiry: homeward::config::ExpirySettings::default(),
        // TEST_KDF is below the floors production settings must meet.
        test_only_cheap_kdf: true,
        // No allowance refills while a test runs: no test races a rate limiter.
        test_only_frozen_limits: true,
        test_only_locator_space: None,
    }
}

/// Builds the app without starting it, so a test can see a refusal to start.
pub async fn build(
    engine: Engine,
    options: Options,
) -> (Result<Application, anyhow::Error>, TestApp) {
    capture_logs();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut queues = HashMap::new();
    let signers = Signers::generate();
    if options.declare_queues {
        for (id, ..) in QUEUES {
            queues.insert(*id, KeyPair::generate().private);
        }
        std::fs::write(
            dir.path().join("queues.toml"),
            queues_file(&queues, &signers),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let database_url = match (options.database_url, engine) {
        (Some(url), _) => url,
        (None, Engine::Sqlite) => {
            format!("sqlite://{}", dir.path().join("data/homeward.db").display())
        }
        (None, Engine::Postgres) => fresh_postgres_database().await,
    };
    let secrets_file = options
        .secrets_file
        .unwrap_or_else(|| dir.path().join("secrets.toml"));
    if options.provision_secrets && !secrets_file.exists() {
        homeward::operations::secrets::write_new(
            &secrets_file,
            &homeward::operations::secrets::generate(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut settings = settings(
        dir.path(),
        &database_url,
        secrets_file.clone(),
        options.host,
    );
    settings.alerts = options.alerts;
    if !options.declare_queues {
        // A fresh checkout: no routing file configured at all.
        settings.routing_file = None;
    }
    (options.tweak)(&mut settings);
    let clock = options.clock.unwrap_or_default();
    let built = Application::build_with_clock(settings, clock.clone()).await;
    let store = match &built {
        Ok(app) => app.store(),
        Err(_) => Store::connect(&SecretString::from(database_url.clone()), 2)
            .await
            .unwrap_or_else(|e| panic!("{e}")),
    };
    if let (Ok(app), true) = (&built, options.declare_queues && options.vet_organisations) {
        vet_organisations(&store, &app.audit(), &signers).await;
    }
    if let (Ok(app), true) = (&built, options.import_keys) {
        let audit = app.audit();
        for (id, key) in &queues {
            store
                .add_key_copies(
                    id,
                    &key.public_key().to_bytes(),
                    &[],
                    "test-setup",
                    homeward::store::now(),
                    &audit.entry("test-setup", "queue_key_imported", format!("queue:{id}")),
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let port = built.as_ref().map(|a| a.port()).unwrap_or(0);
    let at = |port: Option<u16>| port.map(|port| format!("http://127.0.0.1:{port}"));
    let onion = at(built.as_ref().ok().and_then(|a| a.onion_port()));
    let metrics = at(built.as_ref().ok().and_then(|a| a.metrics_port()));
    let kdf = built
        .as_ref()
        .map(|a| a.kdf())
        .unwrap_or_else(|_| homeward::crypto::kdf::KdfPool::new(1));
    let sweeper = built.as_ref().ok().map(|a| a.sweeper());
    let uploads = built
        .as_ref()
        .map(|a| a.uploads())
        .unwrap_or_else(|_| homeward::reporting::attachments::Budget::new(0));
    let test_app = TestApp {
        address: format!("http://127.0.0.1:{port}"),
        store,
        engine,
        client: http()
            .user_agent(USER_AGENT)
            .local_address(IpAddr::from(CLIENT_ADDRESS))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("{e}")),
        queues,
        signers,
        dir,
        database_url,
        secrets_file,
        kdf,
        uploads,
        onion,
        metrics,
        clock,
        sweeper,
    };
    (built, test_app)
}

/// Starts the app and returns a handle to talk to it.
pub async fn spawn_app(engine: Engine) -> TestApp {
    spawn_with(engine, Options::default()).await
}

pub async fn spawn_with(engine: Engine, options: Options) -> TestApp {
    let (built, app) = build(engine, options).await;
    let built = built.unwrap_or_else(|e| panic!("the app did not start: {e:#}"));
    tokio::spawn(built.run_until_stopped());
    app
}

/// A receipt code as the receipt page shows it.
pub fn code_in_page(html: &str) -> String {
    let start = html
        .find("class=\"code\"")
        .or_else(|| html.find("class=\"cmd\""))
        .unwrap_or_else(|| panic!("no code in page: {html}"));
    let rest = &html[start..];
    let open = rest.find('>').map(|i| i + 1).unwrap_or(0);
    let close = rest.find("</p>").unwrap_or(rest.len());
    rest[open..close].trim().to_owned()
}

/// The first `class="code"` (or, for a command or a link, `class="cmd"`) value, then the
/// second, ... of a page.
pub fn codes_in_page(html: &str) -> Vec<String> {
    html.replace("class=\"cmd\">", "class=\"code\">")
        .split("class=\"code\">")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap_or_default().trim().to_owned())
        .collect()
}

/// The value of a hidden input.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    html.split(&marker)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

impl TestApp {
    /// The accounts service as the console commands (`homeward admin ...`) build it.
    pub fn console_accounts(&self) -> homeward::trust::accounts::Accounts {
        let secrets = homeward::operations::secrets::load_or_create(&self.secrets_file, false)
            .unwrap_or_else(|e| panic!("{e}"));
        let settings = settings(
            self.dir.path(),
            &self.database_url,
            self.secrets_file.clone(),
            IpAddr::from([127, 0, 0, 1]),
        );
        let kdf = homeward::crypto::kdf::KdfPool::new(1);
        homeward::startup::accounts_for(&settings, self.store.clone(), kdf, secrets)
    }

    /// An invite made as `homeward admin bootstrap` and the workspace make them.
    pub async fn invite(&self, role: &str, organisation: Option<&str>) -> String {
        use secrecy::ExposeSecret;
        let accounts = self.console_accounts();
        let invite = homeward::store::Invite {
            role: role.into(),
            organisation_id: organisation.map(str::to_owned),
        };
        let token = accounts
            .create_invite(&invite, None)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        token.expose_secret().to_owned()
    }

    pub async fn post_form_with(
        &self,
        path: &str,
        body: &str,
        cookie: Option<&str>,
    ) -> reqwest::Response {
        self.post_form_from(&self.client, path, body, cookie).await
    }

    /// A form posted by `client` (one from another address: `client_from`).
    pub async fn post_form_from(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: &str,
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = client
            .post(self.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body.to_owned());
        if let Some(cookie) = cookie {
            request = request.header("Cookie", format!("hw_session={cookie}"));
        }
        request.send().await.unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn get_with(&self, path: &str, cookie: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("Cookie", format!("hw_session={cookie}"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub fn key(&self, queue: &str) -> &PrivateKey {
        self.queues
            .get(queue)
            .unwrap_or_else(|| panic!("no queue {queue}"))
    }

    pub async fn post_json(&self, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/reports"))
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Submits through the API and returns (report id, receipt code).
    pub async fn submit(&self, body: &serde_json::Value) -> (uuid::Uuid, String) {
        let response = self.post_json(body).await;
        assert_eq!(response.status().as_u16(), 201, "submission refused");
        let created: serde_json::Value = response.json().await.unwrap_or_else(|e| panic!("{e}"));
        let id = created["report_id"]
            .as_str()
            .and_then(|s| uuid::Uuid::parse_str(s).ok());
        let code = created["receipt_code"].as_str().map(str::to_owned);
        (
            id.unwrap_or_else(|| panic!("no id")),
            code.unwrap_or_else(|| panic!("no code")),
        )
    }

    pub async fn post_form(&self, body: &str) -> reqwest::Response {
        self.client
            .post(self.url("/report"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body.to_owned())
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Every item of `report` sealed to `queue`, opened with that queue's key, as (kind, JSON).
    pub async fn open_as(
        &self,
        report: uuid::Uuid,
        queue: &str,
    ) -> Vec<(String, serde_json::Value)> {
        let opened = homeward::casework::opening::open_for_queue(
            &self.store,
            report,
            queue,
            self.key(queue),
        )
        .await
        .unwrap_or_else(|e| panic!("opening as {queue}: {e}"));
        opened
            .into_iter()
            .map(|item| {
                let value =
                    serde_json::from_slice(&item.plaintext).unwrap_or_else(|e| panic!("{e}"));
                (item.kind, value)
            })
            .collect()
    }

    /// Every distinct 32-byte window of every binary value the database holds that is a valid
    /// X25519 private key: what a thief holding the database could try.
    pub async fn stored_key_candidates(&self) -> Vec<PrivateKey> {
        let blobs = self.all_blobs().await;
        let mut seen = std::collections::HashSet::new();
        blobs
            .iter()
            .flat_map(|blob| blob.windows(32))
            .filter(|window| seen.insert(window.to_vec()))
            .filter_map(|window| PrivateKey::from_bytes(window).ok())
            .collect()
    }

    /// Every item of `report` sealed to any of `recipients`, as stored.
    pub async fn stored_items(
        &self,
        report: uuid::Uuid,
        recipients: &[&str],
    ) -> Vec<homeward::store::StoredItem> {
        let mut items = Vec::new();
        for recipient in recipients {
            items.extend(
                self.store
                    .items_for(report, recipient)
                    .await
                    .unwrap_or_default(),
            );
        }
        items
    }

    /// Everything the database holds, as bytes: the raw SQLite files (WAL included), or every
    /// value of every column of every table PostgreSQL holds, `bytea` as its raw bytes and every
    /// other type as its text, so a search for raw bytes or for text finds what is stored. (On
    /// PostgreSQL this is what a reader of the rows sees, not dead tuples still on disk.)
    pub async fn database_bytes(&self) -> Vec<u8> {
        match self.engine {
            Engine::Sqlite => {
                let base = self.dir.path().join("data/homeward.db");
                let mut bytes = Vec::new();
                for suffix in ["", "-wal", "-shm"] {
                    let path = PathBuf::from(format!("{}{suffix}", base.display()));
                    bytes.extend(std::fs::read(path).unwrap_or_default());
                }
                bytes
            }
            Engine::Postgres => {
                use sqlx::Connection;
                let mut conn = sqlx::PgConnection::connect(&self.database_url)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                let columns: Vec<(String, String, String)> = sqlx::query_as(
                    "SELECT c.table_name::text, c.column_name::text, c.data_type::text \
                     FROM information_schema.columns c \
                     JOIN information_schema.tables t \
                       ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
                     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' \
                     ORDER BY c.table_name, c.ordinal_position",
                )
                .fetch_all(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
                let tables: std::collections::BTreeSet<&str> =
                    columns.iter().map(|(t, _, _)| t.as_str()).collect();
                for expected in ["sessions", "visits", "uploads", "upload_chunks", "items"] {
                    assert!(tables.contains(expected), "{expected} was not read");
                }
                let mut bytes = Vec::new();
                for (table, column, data_type) in &columns {
                    let values: Vec<Vec<u8>> = if data_type == "bytea" {
                        sqlx::query_scalar(&format!(
                            r#"SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL"#
                        ))
                        .fetch_all(&mut conn)
                        .await
                        .unwrap_or_else(|e| panic!("{table}.{column}: {e}"))
                    } else {
                        let text: Vec<String> = sqlx::query_scalar(&format!(
                            r#"SELECT "{column}"::text FROM "{table}" WHERE "{column}" IS NOT NULL"#
                        ))
                        .fetch_all(&mut conn)
                        .await
                        .unwrap_or_else(|e| panic!("{table}.{column}: {e}"));
                        text.into_iter().map(String::into_bytes).collect()
                    };
                    for value in values {
                        bytes.extend_from_slice(&value);
                        bytes.push(b'\n');
                    }
                }
                bytes
            }
        }
    }
}

impl TestApp {
    /// Runs one statement straight on the database, as someone holding the disk would.
    pub async fn tamper(&self, sql: &str, bytes: Option<Vec<u8>>, seq: Option<i64>) {
        on_connection!(self, conn => {
            let mut query = sqlx::query(sql);
            if let Some(b) = bytes {
                query = query.bind(b);
            }
            if let Some(s) = seq {
                query = query.bind(s);
            }
            query
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
        })
    }

    /// The first column of every row `sql` returns, as text, through a connection of its own.
    pub async fn strings(&self, sql: &str) -> Vec<String> {
        on_connection!(self, conn => {
            sqlx::query_scalar(sql)
                .fetch_all(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"))
        })
    }

    /// What destroys reports, with the destroyed list where the server keeps it.
    pub fn shredder(&self) -> homeward::reporting::shredding::Shredder {
        homeward::reporting::shredding::Shredder {
            store: self.store.clone(),
            audit: self.audit(),
            destroyed: homeward::store::destroyed::DestroyedList::new(
                self.secrets_file.with_file_name("destroyed-reports.txt"),
            ),
            clock: homeward::store::Clock::system(),
        }
    }

    /// The audit log under this server's audit key.
    pub fn audit(&self) -> homeward::trust::audit::Audit {
        let secrets = homeward::operations::secrets::load_or_create(&self.secrets_file, false)
            .unwrap_or_else(|e| panic!("{e}"));
        homeward::trust::audit::Audit::new(self.store.clone(), secrets.audit_key)
    }
}

impl TestApp {
    /// Every binary value of every table, as someone who took the database would have them.
    pub async fn all_blobs(&self) -> Vec<Vec<u8>> {
        let columns = [
            ("queues", "public_key"),
            ("queues", "signature"),
            ("organisations", "signing_key"),
            ("organisations", "countersignature"),
            ("reports", "reporter_public_key"),
            ("reports", "reporter_key_salt"),
            ("reports", "reporter_key_nonce"),
            ("reports", "reporter_key_sealed"),
            ("items", "nonce"),
            ("items", "ciphertext"),
            ("item_keys", "recipient_key"),
            ("item_keys", "enc"),
            ("item_keys", "sealed_key"),
            ("accounts", "salt"),
            ("accounts", "verifier"),
            ("accounts", "public_key"),
            ("accounts", "key_nonce"),
            ("accounts", "key_sealed"),
            ("accounts", "recovery_nonce"),
            ("accounts", "recovery_sealed"),
            ("accounts", "totp_nonce"),
            ("accounts", "totp_sealed"),
            ("invites", "token_hmac"),
            ("sessions", "id_hmac"),
            ("sessions", "key_nonce"),
            ("sessions", "key_sealed"),
            ("queue_key_copies", "queue_public_key"),
            ("queue_key_copies", "enc"),
            ("queue_key_copies", "sealed_key"),
            ("audit_log", "mac"),
            ("sealed_tickets", "token_hmac"),
            ("sealed_tickets", "plan_nonce"),
            ("sealed_tickets", "plan"),
            ("spent_forms", "digest"),
        ];
        let mut out = Vec::new();
        for (table, column) in columns {
            let sql = format!("SELECT {column} FROM {table}");
            let values: Vec<Vec<u8>> = on_connection!(self, conn => {
                sqlx::query_scalar(&sql)
                    .fetch_all(&mut conn)
                    .await
                    .unwrap_or_else(|e| panic!("{sql}: {e}"))
            });
            out.extend(values);
        }
        out
    }
}
