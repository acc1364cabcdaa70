//! The `homeward` command line: serve, migrate, check-config, keys, audit, backup, restore, purge.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use homeward::config::Settings;
use homeward::crypto::signing::{SigningKey, Statement, VerifyingKey};
use homeward::crypto::KeyPair;
use homeward::startup::Application;
use homeward::store::Store;
use homeward::triage::{RoutingConfig, TriageRules};

#[derive(Parser)]
#[command(
    name = "homeward",
    version,
    about = "Sealed, triaged, routed intake for reports of people held in scam compounds"
)]
struct Cli {
    /// The folder holding default.toml (and an optional local.toml).
    #[arg(
        long,
        global = true,
        env = "HOMEWARD_CONFIG_DIR",
        default_value = "config"
    )]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server.
    Serve,
    /// Create or update the database schema, then exit.
    Migrate,
    /// Ask the server on this machine whether it answers (GET /healthz on server.port): exits 0
    /// when it does, 1 otherwise. For a container's HEALTHCHECK; no curl needed.
    Healthcheck {
        /// The port to ask, instead of server.port from the settings.
        #[arg(long)]
        port: Option<u16>,
        /// Seconds to wait for each step (connect, send, answer).
        #[arg(long, default_value_t = 3)]
        timeout: u64,
    },
    /// Check the settings, the queues and the triage weights; name the line of any mistake.
    CheckConfig {
        /// Also refuse what is only fit for a demo (the demo desk and its key).
        #[arg(long)]
        production: bool,
        /// Also say, from this database, which queues would receive reports and why not.
        #[arg(long, env = "HOMEWARD_CHECK_DATABASE_URL", hide_env_values = true)]
        database: Option<secrecy::SecretString>,
    },
    /// Queue keys.
    Queue {
        #[command(subcommand)]
        command: QueueCommand,
    },
    /// Organisations' offline signing keys.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Time the configured receipt Argon2id cost on this machine: what it allows per core and in all.
    KdfCost {
        #[arg(long, default_value_t = 20)]
        rounds: u32,
    },
    /// The tamper-evident audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Operator tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Server secrets.
    Secrets {
        #[command(subcommand)]
        command: SecretsCommand,
    },
    /// Write a consistent backup while the server runs: the database snapshot (pg_dump on
    /// PostgreSQL), the server secrets and the destroyed list; never the demo key.
    Backup {
        /// A new folder for it (made with mode 0700).
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup over this server's database and secrets, with the server stopped. Drops
    /// every session and visit, destroys again what was destroyed since, and holds queues whose
    /// membership changed until their coordinators confirm them.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// Destroy reports whose every queue entry was closed longer ago than retention.closed_days
    /// (audited, listed beside the secrets). Open and unclaimed reports are kept and counted.
    Purge {
        /// Say what would go, and destroy nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The reference client for reports sealed on the device: seal the report in a JSON file
    /// (the shape of POST /api/v1/reports) here, to keys vouched for by a pinned organisation,
    /// and submit it. Prints the report id and the receipt code as JSON.
    SealedSubmit {
        /// The server's base URL, e.g. https://report.example.org
        #[arg(long)]
        server: String,
        /// An organisation signing key (hwov1.) to trust, checked out of band; the desk
        /// organisation's vouches for every organisation it countersigned. Repeatable.
        #[arg(long = "pin", required = true)]
        pins: Vec<String>,
        /// The report, as JSON.
        #[arg(long)]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum QueueCommand {
    /// Make a queue key pair, signed by the organisation's signing key. Run it on the
    /// organisation's own offline machine: the private key is printed once for its safe; the public
    /// key and signature go into config/queues.toml.
    Keygen {
        /// The queue's id, as config/queues.toml will declare it.
        #[arg(long)]
        id: String,
        /// desk, ngo, consular or police.
        #[arg(long)]
        kind: String,
        /// A file holding the organisation's signing key (hwok1., from `homeward org keygen`).
        #[arg(long)]
        signing_key: PathBuf,
    },
    /// Give a certified member a copy of a queue's key, sealed on this machine (the
    /// organisation's own): the member's chain of certificates is checked here against the
    /// organisation's verifying key (--organisation-key), and only the sealed copy goes to the
    /// server.
    Grant {
        /// The server's base URL.
        #[arg(long)]
        server: String,
        /// A file holding a coordinator's API session token (from POST /api/v1/session).
        #[arg(long)]
        token_file: PathBuf,
        #[arg(long)]
        organisation: String,
        /// The organisation's verifying key (hwov1.): the signing key need not be on a networked
        /// machine.
        #[arg(long)]
        organisation_key: String,
        #[arg(long)]
        queue: String,
        /// A file holding the queue's private key (hwsk1., from `homeward queue keygen`).
        #[arg(long)]
        queue_key: PathBuf,
        /// The member's account id, as the workspace or the API lists it.
        #[arg(long)]
        account: String,
    },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Make an organisation's signing key pair, on its own offline machine. The verifying key is
    /// given to the operator; the signing key is printed once, for the offline safe.
    Keygen,
    /// The desk organisation countersigns another organisation, offline, with its own signing key.
    /// Check the details with the organisation itself, not only with the operator.
    Countersign {
        /// A file holding the desk organisation's signing key (hwok1.).
        #[arg(long)]
        desk_key: PathBuf,
        /// The organisation's id, kind (ngo, consulate or police) and country, as registered.
        #[arg(long)]
        id: String,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        country: String,
        /// The organisation's verifying key (hwov1.).
        #[arg(long)]
        verifying_key: String,
    },
    /// The organisation certifies one of its accounts (its first coordinator; later members are
    /// certified by a certified coordinator in the workspace), offline, with its signing key.
    /// The workspace prints this command with the account's values; check the identity key with
    /// the person on a second channel. Prints the signature to paste into their workspace.
    ///
    /// With --operator, the desk organisation countersigns a further operator instead (with the
    /// desk organisation's signing key): operators cannot multiply themselves.
    Certify {
        /// A file holding the organisation's signing key (hwok1.); the desk organisation's with
        /// --operator.
        #[arg(long)]
        signing_key: PathBuf,
        #[arg(long, required_unless_present = "operator")]
        organisation: Option<String>,
        #[arg(long)]
        account: String,
        #[arg(long)]
        username: String,
        /// coordinator or responder
        #[arg(long, required_unless_present = "operator")]
        role: Option<String>,
        /// Countersign an operator account rather than certify a member.
        #[arg(long, conflicts_with_all = ["organisation", "role"])]
        operator: bool,
        /// The account's identity key (hwov1.), as its workspace shows it.
        #[arg(long)]
        identity: String,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the whole chain; with a checkpoint, also that the log still reaches it unchanged.
    /// Names the first bad entry and exits non-zero.
    Verify {
        #[arg(long)]
        checkpoint: Option<PathBuf>,
    },
    /// Print the chain's head, to keep somewhere off this server.
    Checkpoint,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Print a one-time invite link for the first operator account (refused once anyone has an
    /// account: a further operator at the console is a recovery, announced).
    Bootstrap,
    /// When no operator is left (lost passwords and recovery keys): print a one-time invite for
    /// a new operator, who stands without the desk's countersignature. Audited, and announced on
    /// every member's workspace for 30 days.
    RecoverOperator {
        /// Operator accounts exist but nobody can log in to them any more (refused otherwise).
        #[arg(long)]
        operators_lost: bool,
    },
}

#[derive(Subcommand)]
enum SecretsCommand {
    /// Write a new server secrets file (mode 0600) for replicas to share.
    Generate {
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Healthcheck { port, timeout } = cli.command {
        return healthcheck(&cli.config, port, timeout);
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("homeward: {e:#}");
            if homeward::config::is_misconfiguration(&e) {
                ExitCode::from(homeward::config::EX_CONFIG)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// 0 when the server on this machine answers /healthz with 200, 1 for anything else (unreadable
/// settings included): a container runtime reads nothing but those two.
fn healthcheck(config: &std::path::Path, port: Option<u16>, timeout: u64) -> ExitCode {
    use homeward::cli::healthcheck::{check_any, local_addresses};
    let at = match (Settings::load(config), port) {
        (Ok(settings), port) => {
            local_addresses(settings.server.host, port.unwrap_or(settings.server.port))
        }
        (Err(_), Some(port)) => local_addresses(std::net::IpAddr::from([127, 0, 0, 1]), port),
        (Err(e), None) => {
            eprintln!("homeward healthcheck: {e}");
            return ExitCode::FAILURE;
        }
    };
    match check_any(&at, std::time::Duration::from_secs(timeout.max(1))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("homeward healthcheck: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Queue {
            command:
                QueueCommand::Keygen {
                    id,
                    kind,
                    signing_key,
                },
        } => queue_keygen(&id, &kind, &signing_key),
        Command::Queue {
            command:
                QueueCommand::Grant {
                    server,
                    token_file,
                    organisation,
                    organisation_key,
                    queue,
                    queue_key,
                    account,
                },
        } => {
            let read = |path: &std::path::Path| -> anyhow::Result<zeroize::Zeroizing<String>> {
                Ok(zeroize::Zeroizing::new(
                    std::fs::read_to_string(path)
                        .with_context(|| format!("reading {}", path.display()))?,
                ))
            };
            let token = secrecy::SecretString::from(read(&token_file)?.trim().to_owned());
            let organisation_key = VerifyingKey::parse(&organisation_key)
                .map_err(|_| anyhow::anyhow!("--organisation-key: not an hwov1. key"))?;
            let queue_key =
                homeward::crypto::PrivateKey::parse(&read(&queue_key)?).map_err(|_| {
                    anyhow::anyhow!("{}: not an hwsk1. private key", queue_key.display())
                })?;
            let grant = homeward::cli::queue_grant::Grant {
                server: &server,
                token: &token,
                organisation: &organisation,
                organisation_key: &organisation_key,
                queue: &queue,
                queue_key: &queue_key,
                account: &account,
            };
            let username = runtime()?.block_on(homeward::cli::queue_grant::grant(&grant))?;
            println!("{queue}: a copy sealed here was given to {username} ({account})");
            Ok(())
        }
        Command::Org { command } => org_command(command),
        Command::Secrets {
            command: SecretsCommand::Generate { out },
        } => {
            homeward::operations::secrets::write_new(
                &out,
                &homeward::operations::secrets::generate(),
            )?;
            println!("wrote {}", out.display());
            Ok(())
        }
        Command::CheckConfig {
            production,
            database,
        } => {
            check_config(&cli.config, production)?;
            match database {
                Some(url) => runtime()?.block_on(check_database(&cli.config, url)),
                None => Ok(()),
            }
        }
        Command::KdfCost { rounds } => kdf_cost(&cli.config, rounds.max(1)),
        Command::Admin {
            command: AdminCommand::Bootstrap,
        } => {
            let settings = Settings::load(&cli.config)?;
            runtime()?.block_on(bootstrap(settings))
        }
        Command::Admin {
            command: AdminCommand::RecoverOperator { operators_lost },
        } => {
            let settings = Settings::load(&cli.config)?;
            runtime()?.block_on(recover_operator(settings, operators_lost))
        }
        Command::Audit { command } => {
            let settings = Settings::load(&cli.config)?;
            runtime()?.block_on(audit(settings, command))
        }
        Command::Backup { out } => {
            let settings = Settings::load(&cli.config)?;
            runtime()?.block_on(homeward::operations::backup::backup(&settings, &out))?;
            println!(
                "backup written to {} (database snapshot, server secrets, destroyed list; keep it as safe as the secrets)",
                out.display()
            );
            Ok(())
        }
        Command::Restore { from } => {
            let settings = Settings::load(&cli.config)?;
            let restored =
                runtime()?.block_on(homeward::operations::backup::restore(&settings, &from))?;
            let taken = time::OffsetDateTime::from_unix_timestamp(restored.taken_at)
                .map(|t| t.to_string())
                .unwrap_or_default();
            println!("restored the backup taken at {taken}; every session and visit was dropped");
            for report in &restored.destroyed_again {
                println!("destroyed again report {report} (destroyed after the backup was taken)");
            }
            for queue in &restored.held {
                println!(
                    "held queue {queue}: its membership differs from this server's record; a coordinator must confirm it"
                );
            }
            if let Some(kept) = &restored.checkpoint_kept {
                println!(
                    "the audit checkpoint exported before the restore is kept at {}: the restored log ends before it",
                    kept.display()
                );
            }
            Ok(())
        }
        Command::SealedSubmit { server, pins, file } => {
            runtime()?.block_on(sealed_submit(&server, &pins, &file))
        }
        Command::Purge { dry_run } => {
            let settings = Settings::load(&cli.config)?;
            runtime()?.block_on(purge(settings, dry_run))
        }
        // Answered in `main`, with its own exit codes (0 or 1, whatever went wrong).
        Command::Healthcheck { .. } => Ok(()),
        Command::Migrate => {
            let settings = Settings::load(&cli.config)?;
            runtime()?.block_on(async {
                let store = Store::connect(&settings.database.url, 1).await?;
                store.migrate().await?;
                store.close().await;
                println!("database is up to date");
                anyhow::Ok(())
            })
        }
        Command::Serve => {
            let settings = Settings::load(&cli.config)?;
            homeward::telemetry::init_stdout(&settings.log.filter, settings.log.format == "json");
            actix_web::rt::System::new().block_on(async {
                let app = Application::build(settings).await?;
                tracing::info!(
                    port = app.port(),
                    onion_port = app.onion_port(),
                    metrics_port = app.metrics_port(),
                    "listening"
                );
                // Migrated and bound: tell systemd (Type=notify); nothing without NOTIFY_SOCKET.
                if let Err(e) = sd_notify::notify(&[sd_notify::NotifyState::Ready]) {
                    tracing::warn!(error = %e, "could not tell the service manager we are ready");
                }
                app.run_until_stopped().await?;
                anyhow::Ok(())
            })
        }
    }
}

async fn audit(settings: Settings, command: AuditCommand) -> anyhow::Result<()> {
    let secrets = homeward::operations::secrets::load_or_create(&settings.secrets_path(), false)?;
    let store = Store::connect(&settings.database.url, 1).await?;
    let audit = homeward::trust::audit::Audit::new(store.clone(), secrets.audit_key);
    let outcome = match command {
        AuditCommand::Checkpoint => {
            match audit.checkpoint().await? {
                Some(head) => print!("{}", head.to_text()),
                None => println!("the audit log is empty"),
            }
            Ok(())
        }
        AuditCommand::Verify { checkpoint } => {
            let checkpoint = match checkpoint {
                Some(path) => Some(
                    homeward::trust::audit::Checkpoint::parse(&std::fs::read_to_string(&path)?)
                        .ok_or_else(|| anyhow::anyhow!("{}: not a checkpoint", path.display()))?,
                ),
                None => None,
            };
            match audit.verify(checkpoint.as_ref()).await? {
                homeward::trust::audit::Verdict::Intact { entries } => {
                    println!("audit log intact: {entries} entries");
                    Ok(())
                }
                homeward::trust::audit::Verdict::Broken { seq, reason } => {
                    Err(anyhow::anyhow!("audit log broken at entry {seq}: {reason}"))
                }
            }
        }
    };
    store.close().await;
    outcome
}

async fn sealed_submit(
    server: &str,
    pins: &[String],
    file: &std::path::Path,
) -> anyhow::Result<()> {
    let pins = pins
        .iter()
        .map(|p| homeward::crypto::signing::VerifyingKey::parse(p))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| anyhow::anyhow!("a --pin is not a signing key (hwov1.)"))?;
    let text = std::fs::read(file)?;
    let input: homeward::domain::ReportInput = serde_json::from_slice(&text)?;
    let submitted = homeward::cli::sealed_submit::submit(server, &pins, input).await?;
    println!(
        "{}",
        serde_json::json!({
            "report_id": submitted.report_id,
            "receipt_code": secrecy::ExposeSecret::expose_secret(&submitted.receipt_code),
        })
    );
    Ok(())
}

async fn purge(settings: Settings, dry_run: bool) -> anyhow::Result<()> {
    let days = settings.retention.closed_days;
    let secrets = homeward::operations::secrets::load_or_create(&settings.secrets_path(), false)?;
    let store = Store::connect(&settings.database.url, 1).await?;
    store.migrate().await?;
    let shredder = homeward::reporting::shredding::Shredder {
        store: store.clone(),
        audit: homeward::trust::audit::Audit::new(store.clone(), secrets.audit_key),
        destroyed: homeward::store::destroyed::DestroyedList::new(settings.destroyed_path()),
        clock: homeward::store::Clock::system(),
    };
    let purge = shredder.purge_closed(days, dry_run).await;
    store.close().await;
    let purge = purge?;
    let verb = if dry_run {
        "would destroy"
    } else {
        "destroyed"
    };
    for report in &purge.due {
        let closed = time::OffsetDateTime::from_unix_timestamp(report.closed_at)
            .map(|t| t.date().to_string())
            .unwrap_or_default();
        println!(
            "{verb} report {} (every entry closed, the last on {closed})",
            report.id
        );
    }
    println!(
        "{verb} {} reports closed more than {days} days ago",
        purge.due.len()
    );
    println!(
        "kept {} older reports that are still open ({} of them unclaimed): retention never destroys those",
        purge.kept.open, purge.kept.unclaimed
    );
    Ok(())
}

async fn recover_operator(settings: Settings, operators_lost: bool) -> anyhow::Result<()> {
    let secrets = homeward::operations::secrets::load_or_create(
        &settings.secrets_path(),
        !settings.is_postgres(),
    )?;
    let store = Store::connect(&settings.database.url, 1).await?;
    if !store.migrations_current().await? {
        anyhow::bail!("the database schema is not current: run homeward migrate first");
    }
    if store.operator_exists().await? && !operators_lost {
        anyhow::bail!(
            "operator accounts exist: an operator invites further operators from the workspace. \
             If nobody can log in to them any more, run this again with --operators-lost"
        );
    }
    let kdf = homeward::crypto::kdf::KdfPool::new(1);
    let accounts = homeward::startup::accounts_for(&settings, store.clone(), kdf, secrets);
    let token = accounts.recovery_invite().await?;
    println!(
        "One-time invite for a new operator (valid {} hours, shown once). Every member's workspace \
         announces this recovery for 30 days:",
        homeward::trust::accounts::INVITE_HOURS
    );
    println!(
        "{}/invite/{}",
        settings.public_url.trim_end_matches('/'),
        secrecy::ExposeSecret::expose_secret(&token)
    );
    store.close().await;
    Ok(())
}

async fn bootstrap(settings: Settings) -> anyhow::Result<()> {
    let secrets = homeward::operations::secrets::load_or_create(
        &settings.secrets_path(),
        !settings.is_postgres(),
    )?;
    let store = Store::connect(&settings.database.url, 1).await?;
    store.migrate().await?;
    if store.operator_exists().await? {
        anyhow::bail!(
            "an operator account exists already; operators invite further staff from the workspace"
        );
    }
    if store.accounts_exist().await? {
        anyhow::bail!(
            "this deployment has accounts already: a new operator made here is a recovery, \
             announced to every member: homeward admin recover-operator"
        );
    }
    let kdf = homeward::crypto::kdf::KdfPool::new(1);
    let accounts = homeward::startup::accounts_for(&settings, store.clone(), kdf, secrets);
    let invite = homeward::store::Invite {
        role: "operator".into(),
        organisation_id: None,
    };
    let token = accounts.create_invite(&invite, None).await?;
    println!(
        "One-time invite for the first operator (valid {} hours, shown once):",
        homeward::trust::accounts::INVITE_HOURS
    );
    println!(
        "{}/invite/{}",
        settings.public_url.trim_end_matches('/'),
        secrecy::ExposeSecret::expose_secret(&token)
    );
    store.close().await;
    Ok(())
}

fn kdf_cost(dir: &std::path::Path, rounds: u32) -> anyhow::Result<()> {
    let settings = Settings::load(dir)?;
    let params = settings.receipt_kdf;
    let per = homeward::crypto::kdf::measure(params, rounds)?.as_secs_f64();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(settings.kdf_max_concurrent);
    println!(
        "argon2id {}: {:.1} ms per derivation",
        params.encode(),
        per * 1000.0
    );
    println!(
        "ceiling: {:.1}/s on one core, {:.1}/s with kdf_max_concurrent={} on {cores} cores",
        1.0 / per,
        workers as f64 / per,
        settings.kdf_max_concurrent
    );
    Ok(())
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

fn check_config(dir: &std::path::Path, production: bool) -> anyhow::Result<()> {
    let settings = Settings::load(dir)?;
    if production
        && settings.is_postgres()
        && settings.database_over_network()
        && settings.database_sslmode().as_deref() != Some("verify-full")
    {
        anyhow::bail!(
            "database.url reaches PostgreSQL over a network without sslmode=verify-full: the \
             password could be read on the way (docs: README, PostgreSQL)"
        );
    }
    if production && settings.test_only_frozen_limits {
        anyhow::bail!("test_only_frozen_limits is set: a production server's rate limits refill");
    }
    if production && settings.test_only_locator_space.is_some() {
        anyhow::bail!(
            "test_only_locator_space is set: a production server draws from every locator"
        );
    }
    if production && settings.test_only_cheap_kdf {
        anyhow::bail!(
            "test_only_cheap_kdf is set: a production server keeps the Argon2id floors (docs/security.md)"
        );
    }
    if let Some(onion) = settings.server.onion {
        println!(
            "onion listener on {}:{}: expects a PROXY protocol v1 line from tor on every connection \
             (HiddenServiceExportCircuitID haproxy) and closes any without one; limits count each circuit",
            onion.host, onion.port
        );
        if !onion.host.is_loopback() {
            println!(
                "warning: the onion listener is not on a loopback address; only the local tor should reach it"
            );
        }
    }
    TriageRules::load(&settings.triage_file)?;
    let queues = match &settings.routing_file {
        Some(path) => {
            let routing = RoutingConfig::load(path)
                .with_context(|| format!("reading the routing file {}", path.display()))?;
            let Some(desk) = routing.desk() else {
                anyhow::bail!(
                    "{}: no desk declared; declare the operating organisation's desk",
                    path.display()
                );
            };
            if let Some(demo) = homeward::operations::demo::existing_public_key(&settings.data_dir) {
                if production && routing.queues.iter().any(|q| q.public_key == demo) {
                    anyhow::bail!("a queue uses the demo key from {}", homeward::operations::demo::key_path(&settings.data_dir).display());
                }
            }
            println!("desk: {} ({})", desk.id, desk.organisation);
            routing.queues.len()
        }
        None if production => anyhow::bail!(
            "routing_file is not set, so no desk declared; a production install needs the operating organisation's desk, not the demo desk"
        ),
        None => match settings.demo_desk_refusal() {
            Some(refusal) => anyhow::bail!(
                "routing_file is not set, so no desk declared, and the demo desk is refused: {refusal}"
            ),
            None => {
                println!("desk: none declared (routing_file is not set); this server will run the demo desk");
                0
            }
        },
    };
    println!("{queues} queues, triage weights OK, settings OK");
    println!(
        "memory: at most {} MiB with these settings (server.memory_bound_mib = {})",
        settings.memory_worst_case_mib(),
        settings.server.memory_bound_mib
    );
    Ok(())
}

/// Which of the config's queues would receive reports on this database, and why the others not.
async fn check_database(dir: &std::path::Path, url: secrecy::SecretString) -> anyhow::Result<()> {
    let settings = Settings::load(dir)?;
    let routing = homeward::startup::routing_for(&settings)?;
    let store = Store::connect(&url, 1).await?;
    let checked =
        homeward::operations::overview::check(&store, &routing, &settings.ack_targets).await;
    store.close().await;
    let (queues, desk_receives) = checked?;
    print!("{queues}");
    if !desk_receives {
        anyhow::bail!("the desk cannot receive: intake answers 503 and issues no receipt");
    }
    Ok(())
}

fn read_signing_key(path: &std::path::Path) -> anyhow::Result<SigningKey> {
    let text = zeroize::Zeroizing::new(
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?,
    );
    SigningKey::parse(&text)
        .map_err(|_| anyhow::anyhow!("{}: not an hwok1. signing key", path.display()))
}

fn queue_keygen(id: &str, kind: &str, signing_key: &std::path::Path) -> anyhow::Result<()> {
    use homeward::domain::QueueKind;
    let Some(kind) = QueueKind::parse(kind) else {
        let kinds: Vec<&str> = QueueKind::ALL.iter().map(|k| k.as_str()).collect();
        anyhow::bail!("--kind: one of {}", kinds.join(", "));
    };
    let signer = read_signing_key(signing_key)?;
    let pair = KeyPair::generate();
    let signature = signer.sign(&Statement::QueueKey {
        queue: id,
        kind: kind.as_str(),
        key: &pair.public,
    });
    println!("public_key = \"{}\"", pair.public.to_text());
    println!("signature = \"{}\"", signature.to_text());
    println!();
    println!("PRIVATE KEY: shown once. Keep it offline; never put it on the server:");
    println!("{}", pair.private.to_text().as_str());
    Ok(())
}

fn org_command(command: OrgCommand) -> anyhow::Result<()> {
    match command {
        OrgCommand::Keygen => {
            let key = SigningKey::generate();
            println!(
                "verifying key (give it to the operator): {}",
                key.verifying_key().to_text()
            );
            println!();
            println!("SIGNING KEY: shown once. Keep it offline; never put it on the server:");
            println!("{}", key.to_text().as_str());
        }
        OrgCommand::Countersign {
            desk_key,
            id,
            kind,
            country,
            verifying_key,
        } => {
            let desk = read_signing_key(&desk_key)?;
            let key = VerifyingKey::parse(&verifying_key)
                .map_err(|_| anyhow::anyhow!("--verifying-key: not an hwov1. key"))?;
            let country = homeward::domain::CountryCode::parse(&country)
                .map_err(|_| anyhow::anyhow!("--country: not an ISO 3166-1 alpha-2 code"))?;
            let kind = homeward::domain::OrganisationKind::parse(&kind)
                .ok_or_else(|| anyhow::anyhow!("--kind: ngo, consulate or police"))?;
            let signature = desk.sign(&Statement::Organisation {
                id: &id,
                kind: kind.as_str(),
                country: country.as_str(),
                key: &key,
            });
            println!("{}", signature.to_text());
        }
        OrgCommand::Certify {
            signing_key,
            organisation,
            account,
            username,
            role,
            operator,
            identity,
        } => {
            let signer = read_signing_key(&signing_key)?;
            let identity = VerifyingKey::parse(&identity)
                .map_err(|_| anyhow::anyhow!("--identity: not an hwov1. key"))?;
            let (organisation, role) = if operator {
                (
                    homeward::trust::certification::OPERATORS.to_owned(),
                    "operator".to_owned(),
                )
            } else {
                (organisation.unwrap_or_default(), role.unwrap_or_default())
            };
            if !operator && !["coordinator", "responder"].contains(&role.as_str()) {
                anyhow::bail!("--role: coordinator or responder");
            }
            let signature = signer.sign(&Statement::Member {
                organisation: &organisation,
                account: &account,
                username: &username,
                role: &role,
                identity: &identity,
            });
            println!("{}", signature.to_text());
        }
    }
    Ok(())
}
