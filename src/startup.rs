//! Building the application from settings: config files checked, secrets loaded, storage
//! connected, migrated and checked for durability, queues mirrored, the listener bound.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use anyhow::{bail, Context};

use crate::config::{ConfigurationError, Settings};
use crate::crypto::kdf::KdfPool;
use crate::locale::Catalogs;
use crate::reporting::intake::Intake;
use crate::reporting::unknown_locator::UnknownLocatorCost;
use crate::store::{Clock, SessionLimits, Store};
use crate::triage::{RoutingConfig, TriageRules};
use crate::trust::accounts::Accounts;
use crate::web::shared::state::AppState;
use crate::web::{self, HttpSettings};

pub struct Application {
    port: u16,
    onion_port: Option<u16>,
    metrics_port: Option<u16>,
    server: Server,
    /// The onion listener's own server, which reads Tor's PROXY line before HTTP.
    onion: Option<Server>,
    metrics: Option<Server>,
    store: Store,
    kdf: KdfPool,
    uploads: crate::reporting::attachments::Budget,
    sweeper: crate::operations::expiry::Sweeper,
    unknown_locator: UnknownLocatorCost,
    audit: crate::trust::audit::Audit,
}

/// Loads the routing config and decides on the demo desk. A configured routing file must be
/// readable and declare a desk, or the start stops naming it; only a SQLite server with no routing
/// file configured at all, listening and reached on a loopback address, gets the demo desk.
pub fn routing_for(settings: &Settings) -> anyhow::Result<RoutingConfig> {
    if let Some(path) = &settings.routing_file {
        let routing = RoutingConfig::load(path)
            .with_context(|| format!("reading the routing file {}", path.display()))?;
        if routing.desk().is_none() {
            bail!(
                "no desk is declared in the routing file {}: declare the operating organisation's \
                 desk (`homeward queue declare --from` its send-to-operator.json)",
                path.display()
            );
        }
        return Ok(routing);
    }
    if let Some(refusal) = settings.demo_desk_refusal() {
        bail!(
            "no desk is declared (routing_file is not set), and the demo desk is refused: \
             {refusal}; set routing_file to the file declaring the operating organisation's desk \
             (`homeward queue declare --from` its send-to-operator.json)"
        );
    }
    let mut routing = RoutingConfig::default();
    let path = crate::operations::demo::install(&mut routing, &settings.data_dir)?;
    tracing::warn!(
        key_file = %path.display(),
        "DEMO DESK IN USE: reports go to a demo queue whose private key sits on this server; \
         declare a real desk before receiving real reports"
    );
    Ok(routing)
}

/// A failure of the configuration (not of the machine or the database): the start exits 78.
fn misconfigured(error: impl Into<anyhow::Error>) -> ConfigurationError {
    ConfigurationError(error.into())
}

fn bind(host: std::net::IpAddr, port: u16, what: &str) -> anyhow::Result<TcpListener> {
    TcpListener::bind((host, port))
        .with_context(|| format!("binding the {what} listener {host}:{port}"))
}

/// The account service, sharing the Argon2id pool with intake so memory stays bounded overall,
/// in its staff lane, so that logins never hold every thread reporters need.
pub fn accounts_for(
    settings: &Settings,
    store: Store,
    kdf: KdfPool,
    secrets: crate::operations::secrets::ServerSecrets,
) -> Accounts {
    Accounts::new(
        store.clone(),
        crate::trust::audit::Audit::new(store, secrets.audit_key),
        kdf.staff(),
        settings.account_kdf,
        secrets.pepper,
        settings.sessions.idle_minutes * 60,
        settings.sessions.absolute_hours * 3600,
    )
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        Application::build_with_clock(settings, Clock::system()).await
    }

    /// As `build`, with the clock that decides what has expired (a test's own, say).
    pub async fn build_with_clock(settings: Settings, clock: Clock) -> anyhow::Result<Application> {
        settings.validate()?;
        // Before anything touches the database: a wrong language is a configuration error.
        let catalogs = Catalogs::load(&settings.site.default_language).map_err(misconfigured)?;
        let routing = routing_for(&settings).map_err(misconfigured)?;
        let triage = TriageRules::load(&settings.triage_file).map_err(misconfigured)?;
        let secrets = crate::operations::secrets::load_or_create(
            &settings.secrets_path(),
            !settings.is_postgres(),
        )
        .map_err(misconfigured)?;

        let store = Store::connect(&settings.database.url, settings.database.max_connections)
            .await
            .context("connecting to the database")?;
        store.migrate().await.context("migrating the database")?;
        store.check_durability().await?;
        let kdf = KdfPool::new(settings.kdf_max_concurrent);
        let unknown_locator = UnknownLocatorCost::new(settings.receipt_kdf);
        unknown_locator
            .refresh(&store)
            .await
            .context("reading the stored receipt costs")?;
        let accounts =
            accounts_for(&settings, store.clone(), kdf.clone(), secrets).with_clock(clock.clone());
        let changes = store
            .sync_routing(&routing, |change| {
                tracing::info!(queue = %change.queue, action = change.action, "queue declaration changed");
                accounts
                    .audit
                    .entry("config", change.action, format!("queue:{}", change.queue))
            })
            .await
            .context("recording the queues")?;
        tracing::debug!(changes = changes.len(), "queues recorded");
        crate::operations::overview::warn_stale(&store, &routing, settings.routing_file.as_deref())
            .await
            .context("comparing the routing file with the queues' keys")?;
        crate::trust::desk_key::record_desk_key(
            &store,
            &accounts.audit,
            routing.desk_signing_key.as_ref(),
        )
        .await
        .context("recording the desk organisation's key")?;

        let listener = bind(settings.server.host, settings.server.port, "public")?;
        let port = listener.local_addr()?.port();
        let onion = settings
            .server
            .onion
            .map(|at| bind(at.host, at.port, "onion"))
            .transpose()?;
        let onion_addr = onion.as_ref().map(|l| l.local_addr()).transpose()?;
        let metrics_listener = settings
            .metrics
            .enabled
            .then(|| bind(settings.metrics.host, settings.metrics.port, "metrics"))
            .transpose()?;
        let metrics_port = metrics_listener
            .as_ref()
            .map(|l| l.local_addr().map(|a| a.port()))
            .transpose()?;

        let limiter_clock =
            crate::web::shared::throttle::LimiterClock::new(settings.test_only_frozen_limits);
        let shredder = crate::reporting::shredding::Shredder {
            store: store.clone(),
            audit: accounts.audit.clone(),
            destroyed: crate::store::destroyed::DestroyedList::new(settings.destroyed_path()),
            clock: crate::store::Clock::system(),
        };
        let state = AppState {
            accounts,
            intake: Intake {
                store: store.clone(),
                routing: Arc::new(routing),
                triage: Arc::new(triage),
                kdf: kdf.clone(),
                receipt_kdf: settings.receipt_kdf,
                locators: crate::reporting::intake::Locators {
                    space: settings
                        .test_only_locator_space
                        .unwrap_or(crate::domain::receipt::LOCATOR_SPACE),
                    live: settings.limits.live_reports,
                },
            },
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
            ack_targets: settings.ack_targets,
            catalogs,
            page_title: settings.site.page_title.clone(),
            leave_url: settings.site.leave_url.clone(),
            source_url: settings.site.source_url.clone(),
            max_body_bytes: settings.server.max_body_bytes,
            // With an onion listener, each listener gets its own half of the login and code
            // ceilings: circuits cost nothing to make and must not spend the public listener's.
            login_throttle: Arc::new(crate::web::shared::throttle::Logins::new(
                settings.sessions.login_attempts_per_minute,
                settings.sessions.global_login_attempts_per_minute,
                onion_addr.is_some(),
                &limiter_clock,
            )),
            code_throttle: Arc::new(crate::web::shared::throttle::Attempts::new(
                settings.followup.attempts_per_minute,
                settings.followup.global_attempts_per_minute,
                onion_addr.is_some(),
                &limiter_clock,
            )),
            followup: settings.followup.clone(),
            attachments: settings.attachments.clone(),
            uploads: crate::reporting::attachments::Budget::new(settings.attachments.global_bytes),
            submissions: Arc::new(crate::web::shared::throttle::Submissions::new(
                &settings.limits,
                &limiter_clock,
            )),
            sealed_submits: Arc::new(crate::web::shared::throttle::SourceThrottle::new(
                settings.limits.submissions_per_minute.saturating_mul(2),
                &limiter_clock,
            )),
            trusted_proxies: settings.server.trusted_proxies.clone().into(),
            body_pace: crate::web::shared::state::BodyPace {
                idle: Duration::from_secs(settings.server.body_idle_timeout_secs.max(1)),
                deadline: Duration::from_secs(settings.server.body_deadline_secs.max(1)),
                min_rate: settings.server.body_min_bytes_per_sec,
                window_secs: i64::try_from(settings.server.body_rate_window_secs.max(1))
                    .unwrap_or(i64::MAX),
                clock: clock.clone(),
            },
            metrics: crate::web::shared::metrics::Metrics::new(kdf.clone()),
            unknown_locator: unknown_locator.clone(),
            clock: clock.clone(),
            shredder,
            filings: crate::web::shared::once::OnceTokens::new(store.clone(), clock.clone()),
            waves: settings.waves.clone(),
        };
        let sweep_every = Duration::from_secs(settings.expiry.sweep_interval_secs.max(1));
        let sweeper = crate::operations::expiry::Sweeper {
            store: store.clone(),
            clock: clock.clone(),
            sessions: SessionLimits {
                idle_secs: settings.sessions.idle_minutes * 60,
                absolute_secs: settings.sessions.absolute_hours * 3600,
            },
        };
        sweeper.clone().spawn(sweep_every);
        unknown_locator
            .clone()
            .spawn_refresh(store.clone(), sweep_every);
        if let Some(alerter) = crate::casework::alerts::Alerter::new(
            &settings.alerts,
            store.clone(),
            state.catalogs.clone(),
            &settings.site.default_language,
            settings.ack_targets.critical_minutes,
        )
        .map_err(misconfigured)?
        {
            alerter.spawn(Duration::from_secs(
                settings.alerts.check_interval_secs.max(1),
            ));
        }
        state.shredder.clone().spawn(
            crate::reporting::shredding::GracePeriods {
                report_days: settings.followup.withdrawal_grace_days,
                consent_days: settings.followup.consent_withdrawal_grace_days,
            },
            settings.retention_days(),
            Duration::from_secs(settings.followup.shred_interval_secs.max(1)),
        );
        crate::casework::audit_export::Exporter::new(
            &settings.audit,
            state.accounts.audit.clone(),
            settings.checkpoint_path(),
        )
        .map_err(misconfigured)?
        .spawn(Duration::from_secs(
            settings.audit.checkpoint_interval_secs.max(1),
        ));
        crate::trust::memberships::MembershipRecord::new(settings.memberships_path())
            .spawn(store.clone(), Duration::from_secs(60));
        let http = HttpSettings {
            workers: settings.server.workers,
            client_request_timeout: Duration::from_secs(
                settings.server.client_request_timeout_secs,
            ),
            max_connections: settings.server.max_connections,
        };
        let audit = state.accounts.audit.clone();
        let uploads = state.uploads.clone();
        let state = actix_web::web::Data::new(state);
        let metrics = metrics_listener
            .map(|l| web::serve_metrics(l, state.clone()))
            .transpose()?;
        let onion = onion
            .map(|l| web::serve_onion(l, state.clone(), http.clone()))
            .transpose()?;
        let server = web::serve(listener, state, http)?;
        Ok(Application {
            port,
            onion_port: onion_addr.map(|a| a.port()),
            metrics_port,
            server,
            onion,
            metrics,
            store,
            kdf,
            uploads,
            sweeper,
            unknown_locator,
            audit,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn onion_port(&self) -> Option<u16> {
        self.onion_port
    }

    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_port
    }

    pub fn store(&self) -> Store {
        self.store.clone()
    }

    /// The Argon2id pool, whose derivation count tests read.
    pub fn kdf(&self) -> KdfPool {
        self.kdf.clone()
    }

    /// The replica's upload budget, whose free bytes tests read.
    pub fn uploads(&self) -> crate::reporting::attachments::Budget {
        self.uploads.clone()
    }

    /// The expiry sweep the server runs on its timer, for a test to run at a moment it picks.
    pub fn sweeper(&self) -> crate::operations::expiry::Sweeper {
        self.sweeper.clone()
    }

    /// The audit log, for a test's setup to record what it changes as the server would.
    pub fn audit(&self) -> crate::trust::audit::Audit {
        self.audit.clone()
    }

    /// What an unknown locator costs, for a test to refresh after storing reports.
    pub fn unknown_locator(&self) -> UnknownLocatorCost {
        self.unknown_locator.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        futures_util::future::try_join_all(
            std::iter::once(self.server)
                .chain(self.onion)
                .chain(self.metrics),
        )
        .await?;
        Ok(())
    }
}
