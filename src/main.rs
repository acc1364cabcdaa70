//! The `homeward` command line: what each command takes, and which module of `homeward::cli`
//! does it. Serving stays here, with the service manager's readiness notice.
#![forbid(unsafe_code)]

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use homeward::cli;
use homeward::config::Settings;
use homeward::startup::Application;
use homeward::store::Store;
use secrecy::{ExposeSecret, SecretString};

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
    /// Set up this server in one run: the settings folder (with local.toml), the server
    /// secrets, the schema, and the first operator's one-time invite. Asks on a terminal for
    /// what no flag gives; never overwrites a file. Makes no organisation's key: the desk
    /// organisation makes its own with `homeward org init` on its own machine.
    Init(InitFlags),
    /// Run the server.
    Serve,
    /// Create or update the database schema, say what was applied, then exit.
    Migrate {
        #[arg(long)]
        json: bool,
    },
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
        database: Option<SecretString>,
    },
    /// Queue keys, and the routing file's queues.
    Queue {
        #[command(subcommand)]
        command: QueueCommand,
    },
    /// Organisations' offline keys: run on the organisation's own machine.
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
        /// An organisation's verifying key (hwov1.) to trust, checked out of band, or a file
        /// holding it (its send-to-operator.json will do); the desk organisation's vouches for
        /// every organisation it countersigned. Repeatable.
        #[arg(long = "pin", required = true)]
        pins: Vec<String>,
        /// The report, as JSON.
        #[arg(long)]
        file: PathBuf,
    },
}

#[derive(Args)]
struct InitFlags {
    /// The database: sqlite://FILE, or postgres://USER@HOST/DB (the password better in .pgpass).
    /// Default: sqlite://DATA_DIR/homeward.db.
    #[arg(long, env = "HOMEWARD_INIT_DATABASE_URL", hide_env_values = true)]
    database_url: Option<SecretString>,
    /// Where people reach this server (invite links start with it), e.g. https://report.example.org
    #[arg(long)]
    public_url: Option<String>,
    /// The address and port to listen on. Default: 127.0.0.1:8080.
    #[arg(long)]
    listen: Option<SocketAddr>,
    /// The server's data folder (SQLite, secrets, demo key, membership record). Default: data.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// A reverse proxy whose X-Forwarded-For to believe (repeatable). Default: this machine's
    /// loopback addresses when the listener is loopback and the public address is not.
    #[arg(long = "trusted-proxy")]
    trusted_proxies: Vec<IpAddr>,
    /// Ask nothing: take the defaults for whatever no flag gives.
    #[arg(long, short = 'y')]
    yes: bool,
    /// Write the first operator's invite link to this file (mode 0600) instead of printing it.
    #[arg(long)]
    invite_file: Option<PathBuf>,
    /// Print what was done as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum QueueCommand {
    /// One more queue key pair, signed by the organisation's signing key, on the organisation's
    /// own offline machine (`org init` makes the first ones): the private key is written to
    /// --out for the safe; the routing file's lines (or JSON) are printed.
    Keygen {
        /// The queue's id, as the routing file will declare it.
        #[arg(long)]
        id: String,
        /// desk, ngo, consulate (or consular) or police.
        #[arg(long)]
        kind: String,
        /// The organisation's signing key file (signing.key, from `homeward org init`).
        #[arg(long)]
        signing_key: PathBuf,
        /// A new file for the queue's private key (mode 0600).
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The operator writes an organisation's queues into the routing file, from the file the
    /// organisation sent (send-to-operator.json): its [[queue]] blocks, and for the desk
    /// organisation desk_signing_key. The result is checked before it replaces the file.
    Declare {
        /// An organisation's send-to-operator.json (countersigned or not). Repeatable: each
        /// file's queues are written in turn, the desk organisation's first.
        #[arg(long, required = true)]
        from: Vec<PathBuf>,
        /// The routing file to write into. Default: routing_file from the settings.
        #[arg(long)]
        routing_file: Option<PathBuf>,
        /// Print the lines instead of writing them.
        #[arg(long)]
        print: bool,
        #[arg(long)]
        json: bool,
    },
    /// A coordinator imports a queue's private key once, from its key file (what the
    /// workspace's import form does, without pasting the key).
    Import {
        /// The server's base URL.
        #[arg(long)]
        server: String,
        /// A file holding the coordinator's API session token (from POST /api/v1/session).
        #[arg(long)]
        token_file: PathBuf,
        #[arg(long)]
        queue: String,
        /// The queue's private key file (queue-ID.key, from `homeward org init`).
        #[arg(long)]
        queue_key: PathBuf,
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
        /// The organisation's verifying key (hwov1.), or a file holding it (its
        /// send-to-operator.json will do): the signing key need not be on a networked machine.
        #[arg(long)]
        organisation_key: String,
        #[arg(long)]
        queue: String,
        /// The queue's private key file (queue-ID.key, from `homeward org init`).
        #[arg(long)]
        queue_key: PathBuf,
        /// The member's account id, as the workspace or the API lists it.
        #[arg(long)]
        account: String,
    },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Make an organisation's keys on its own offline machine: its signing key and a key pair
    /// for each queue, as files in one folder for the offline safe (mode 0700, files 0600, with a
    /// README.txt), and one public file to send the operator (send-to-operator.json).
    Init {
        /// A new or empty folder for the keys.
        #[arg(long)]
        out: PathBuf,
        /// The organisation's id (a-z, 0-9, -), as the operator will register it.
        #[arg(long)]
        id: String,
        /// Its name, as the operator's pages will show it.
        #[arg(long)]
        name: String,
        /// ngo, consulate (or consular) or police.
        #[arg(long)]
        kind: String,
        /// Its country (ISO 3166-1 alpha-2).
        #[arg(long)]
        country: String,
        /// How the operator reaches it (shown to the operator only).
        #[arg(long, default_value = "")]
        contact: String,
        /// A queue: ID:KIND, then as wanted :countries=KH,TH :nationalities=IN :languages=km,en
        /// (a consulate's queue names nationalities, the police's countries). Repeatable; the
        /// desk organisation names its desk (e.g. desk:desk).
        #[arg(long = "queue")]
        queues: Vec<String>,
        /// Where to write the file for the operator. Default: send-to-operator.json in the folder.
        #[arg(long)]
        send_file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Make a lone signing key, written to --out (mode 0600); prints the verifying key.
    Keygen {
        /// A new file for the signing key.
        #[arg(long, required_unless_present = "print_signing_key")]
        out: Option<PathBuf>,
        /// Print the signing key on standard output instead of writing a file.
        #[arg(long, conflicts_with = "out")]
        print_signing_key: bool,
        #[arg(long)]
        json: bool,
    },
    /// The desk organisation countersigns another organisation, offline, with its own signing key,
    /// from the file that organisation sent. Check its verifying key with the organisation itself,
    /// not only with the operator.
    Countersign {
        /// The desk organisation's signing key file (signing.key).
        #[arg(long)]
        desk_key: PathBuf,
        /// The organisation's send-to-operator.json.
        #[arg(long, required_unless_present = "id", conflicts_with_all = ["id", "kind", "country", "verifying_key"])]
        from: Option<PathBuf>,
        /// Write the organisation's file here again, with the countersignature in it (for the
        /// operator: one file with everything).
        #[arg(long, requires = "from")]
        out: Option<PathBuf>,
        /// Without --from: the organisation's id, kind (ngo, consulate or police), country and
        /// verifying key (hwov1., or a file holding it), as registered.
        #[arg(long, requires_all = ["kind", "country", "verifying_key"])]
        id: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        verifying_key: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The organisation certifies one of its accounts (its first coordinator; later members are
    /// certified by a certified coordinator in the workspace), offline, with its signing key.
    /// The workspace prints this command with the account's values; check the identity key with
    /// the person on a second channel. Prints the signature to paste into their workspace.
    ///
    /// With --operator, the desk organisation countersigns a further operator instead (with the
    /// desk organisation's signing key): operators cannot multiply themselves.
    Certify {
        /// The organisation's signing key file (signing.key); the desk organisation's with
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
        /// The account's identity key (hwov1.), as its workspace shows it, or a file holding it.
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
    /// account: a further operator at the console is a recovery, announced). `init` does this too.
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
    /// Write a new server secrets file (mode 0600) for replicas to share (`init` writes one).
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
fn healthcheck(config: &Path, port: Option<u16>, timeout: u64) -> ExitCode {
    use homeward::cli::healthcheck::{check_any, local_addresses};
    let at = match (Settings::load(config), port) {
        (Ok(settings), port) => {
            local_addresses(settings.server.host, port.unwrap_or(settings.server.port))
        }
        (Err(_), Some(port)) => local_addresses(IpAddr::from([127, 0, 0, 1]), port),
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

fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    match cli.command {
        Command::Init(flags) => init(config, flags),
        Command::Queue { command } => queue_command(&config, command),
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
            cli::check_config::check_config(&config, production)?;
            match database {
                Some(url) => {
                    cli::runtime()?.block_on(cli::check_config::check_database(&config, url))
                }
                None => Ok(()),
            }
        }
        Command::KdfCost { rounds } => cli::kdf_cost::kdf_cost(&config, rounds.max(1)),
        Command::Admin {
            command: AdminCommand::Bootstrap,
        } => {
            let settings = Settings::load(&config)?;
            cli::runtime()?.block_on(cli::first_operator::bootstrap(settings))
        }
        Command::Admin {
            command: AdminCommand::RecoverOperator { operators_lost },
        } => {
            let settings = Settings::load(&config)?;
            cli::runtime()?.block_on(cli::first_operator::recover_operator(
                settings,
                operators_lost,
            ))
        }
        Command::Audit { command } => {
            let settings = Settings::load(&config)?;
            let task = match command {
                AuditCommand::Verify { checkpoint } => cli::audit::AuditTask::Verify { checkpoint },
                AuditCommand::Checkpoint => cli::audit::AuditTask::Checkpoint,
            };
            cli::runtime()?.block_on(cli::audit::audit(settings, task))
        }
        Command::Backup { out } => {
            let settings = Settings::load(&config)?;
            cli::runtime()?.block_on(cli::backups::backup(&settings, &out))
        }
        Command::Restore { from } => {
            let settings = Settings::load(&config)?;
            cli::runtime()?.block_on(cli::backups::restore(&settings, &from))
        }
        Command::SealedSubmit { server, pins, file } => {
            let pins = pins
                .iter()
                .map(|p| cli::key_files::verifying_key(p))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| anyhow::anyhow!("--pin: {e}"))?;
            let input: homeward::domain::ReportInput =
                serde_json::from_slice(&std::fs::read(&file)?)?;
            let submitted =
                cli::runtime()?.block_on(cli::sealed_submit::submit(&server, &pins, input))?;
            println!(
                "{}",
                serde_json::json!({
                    "report_id": submitted.report_id,
                    "receipt_code": submitted.receipt_code.expose_secret(),
                })
            );
            Ok(())
        }
        Command::Purge { dry_run } => {
            let settings = Settings::load(&config)?;
            cli::runtime()?.block_on(cli::purge::purge(settings, dry_run))
        }
        // Answered in `main`, with its own exit codes (0 or 1, whatever went wrong).
        Command::Healthcheck { .. } => Ok(()),
        Command::Migrate { json } => {
            let settings = Settings::load(&config)?;
            let (applied, known) = cli::runtime()?.block_on(async {
                let store = Store::connect(&settings.database.url, 1).await?;
                let migrated = cli::schema::migrate(&store).await;
                store.close().await;
                migrated
            })?;
            if json {
                print_json(&serde_json::json!({ "applied": applied, "known": known }))
            } else {
                for line in cli::schema::describe(&applied, known) {
                    println!("{line}");
                }
                Ok(())
            }
        }
        Command::Serve => serve(&config),
    }
}

fn serve(config: &Path) -> anyhow::Result<()> {
    let settings = Settings::load(config)?;
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

fn init(config: PathBuf, flags: InitFlags) -> anyhow::Result<()> {
    let args = cli::init::InitArgs {
        config_dir: config,
        database_url: flags.database_url,
        public_url: flags.public_url,
        listen: flags.listen,
        data_dir: flags.data_dir,
        trusted_proxies: flags.trusted_proxies,
        yes: flags.yes,
        invite_file: flags.invite_file,
    };
    let summary = cli::runtime()?.block_on(cli::init::init(args))?;
    if flags.json {
        return print_json(&summary);
    }
    for line in cli::init::describe(&summary) {
        println!("{line}");
    }
    Ok(())
}

fn queue_kind(kind: &str) -> anyhow::Result<homeward::domain::QueueKind> {
    homeward::domain::QueueKind::parse(kind)
        .ok_or_else(|| anyhow::anyhow!("--kind: desk, ngo, consulate or police"))
}

fn organisation_kind(kind: &str) -> anyhow::Result<homeward::domain::OrganisationKind> {
    homeward::domain::OrganisationKind::parse(kind)
        .ok_or_else(|| anyhow::anyhow!("--kind: ngo, consulate or police"))
}

fn country(code: &str) -> anyhow::Result<homeward::domain::CountryCode> {
    homeward::domain::CountryCode::parse(code)
        .map_err(|_| anyhow::anyhow!("--country: not an ISO 3166-1 alpha-2 code"))
}

fn queue_command(config: &Path, command: QueueCommand) -> anyhow::Result<()> {
    match command {
        QueueCommand::Keygen {
            id,
            kind,
            signing_key,
            out,
            json,
        } => {
            let made = cli::queue_keys::keygen(&id, queue_kind(&kind)?, &signing_key, &out)?;
            if json {
                return print_json(&made);
            }
            println!(
                "# queue {id}: the routing file's lines (the private key is in {})",
                made.private_key_file
            );
            println!("public_key = \"{}\"", made.public_key);
            println!("signature = \"{}\"", made.signature);
            Ok(())
        }
        QueueCommand::Declare {
            from,
            routing_file,
            print,
            json,
        } => {
            let mut files = from
                .iter()
                .map(|path| cli::send_file::OrganisationFile::read(path))
                .collect::<Result<Vec<_>, _>>()?;
            // The desk organisation's key first: the others' queues need it in the file.
            files.sort_by_key(|f| {
                !f.queues
                    .iter()
                    .any(|q| q.kind == homeward::domain::QueueKind::Desk)
            });
            if print {
                let lines: String = files.iter().map(cli::routing_lines::all_lines).collect();
                return if json {
                    print_json(&serde_json::json!({ "lines": lines }))
                } else {
                    print!("{lines}");
                    Ok(())
                };
            }
            let routing_file = match routing_file {
                Some(path) => path,
                None => Settings::load(config)?.routing_file.ok_or_else(|| {
                    anyhow::anyhow!(
                        "routing_file is not set in the settings: name the file with --routing-file"
                    )
                })?,
            };
            let mut declared = Vec::new();
            for file in &files {
                declared.push(cli::routing_lines::declare(file, &routing_file)?);
            }
            if json {
                return print_json(&declared);
            }
            for (file, declared) in files.iter().zip(&declared) {
                if declared.desk_signing_key_added {
                    println!(
                        "wrote desk_signing_key ({}'s verifying key) into {}",
                        file.organisation.id,
                        routing_file.display()
                    );
                }
                for q in &declared.added {
                    println!(
                        "declared queue {q} of {} in {}",
                        file.organisation.id,
                        routing_file.display()
                    );
                }
                for q in &declared.already {
                    println!("queue {q} was declared already with this key: left as it is");
                }
            }
            println!(
                "restart the server (or every replica) to read it; its queues receive once the \
                 organisation is registered, vetted, countersigned (the desk organisation needs no \
                 countersignature) and a coordinator has imported each queue's key"
            );
            Ok(())
        }
        QueueCommand::Import {
            server,
            token_file,
            queue,
            queue_key,
        } => {
            let token = cli::read_token(&token_file)?;
            let key = cli::key_files::read_queue_key(&queue_key)?;
            let copies = cli::runtime()?
                .block_on(cli::queue_import::import(&server, &token, &queue, &key))?;
            println!("{queue}: its key is imported, sealed to {copies} account(s)");
            Ok(())
        }
        QueueCommand::Grant {
            server,
            token_file,
            organisation,
            organisation_key,
            queue,
            queue_key,
            account,
        } => {
            let token = cli::read_token(&token_file)?;
            let organisation_key = cli::key_files::verifying_key(&organisation_key)
                .map_err(|e| anyhow::anyhow!("--organisation-key: {e}"))?;
            let queue_key = cli::key_files::read_queue_key(&queue_key)?;
            let grant = cli::queue_grant::Grant {
                server: &server,
                token: &token,
                organisation: &organisation,
                organisation_key: &organisation_key,
                queue: &queue,
                queue_key: &queue_key,
                account: &account,
            };
            let username = cli::runtime()?.block_on(cli::queue_grant::grant(&grant))?;
            println!("{queue}: a copy sealed here was given to {username} ({account})");
            Ok(())
        }
    }
}

fn org_command(command: OrgCommand) -> anyhow::Result<()> {
    match command {
        OrgCommand::Init {
            out,
            id,
            name,
            kind,
            country: code,
            contact,
            queues,
            send_file,
            json,
        } => {
            let queues = queues
                .iter()
                .map(|q| cli::org_init::QueueSpec::parse(q))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| anyhow::anyhow!("--queue {e}"))?;
            let made = cli::org_init::org_init(&cli::org_init::OrgInit {
                folder: &out,
                send_file: send_file.as_deref(),
                id: &id,
                name: &name,
                kind: organisation_kind(&kind)?,
                country: country(&code)?,
                contact: &contact,
                queues: &queues,
            })?;
            if json {
                return print_json(&made);
            }
            println!(
                "wrote the signing key and {} queue keys into {} (mode 0700; README.txt says what each file is): it belongs in an offline safe",
                made.queue_key_files.len(),
                made.folder.display()
            );
            println!(
                "send {} to the operator: public, nothing secret in it",
                made.send_file.display()
            );
            println!(
                "verifying key (read it to the operator on a second channel): {}",
                made.verifying_key
            );
            Ok(())
        }
        OrgCommand::Keygen {
            out,
            print_signing_key,
            json,
        } => {
            let verifying_key = match out {
                Some(out) => {
                    let key = cli::org_signing::keygen(&out)?;
                    if !json {
                        println!(
                            "wrote the signing key to {} (mode 0600): keep it offline",
                            out.display()
                        );
                    }
                    key
                }
                None if print_signing_key => {
                    let key = homeward::crypto::signing::SigningKey::generate();
                    if !json {
                        println!("{}", key.to_text().as_str());
                    }
                    key.verifying_key()
                }
                None => anyhow::bail!("--out FILE: where to write the signing key"),
            };
            if json {
                return print_json(
                    &serde_json::json!({ "verifying_key": verifying_key.to_text() }),
                );
            }
            println!(
                "verifying key (give it to the operator): {}",
                verifying_key.to_text()
            );
            Ok(())
        }
        OrgCommand::Countersign {
            desk_key,
            from,
            out,
            id,
            kind,
            country: code,
            verifying_key,
            json,
        } => {
            let whom = match (from, id, kind, code, verifying_key) {
                (Some(from), ..) => cli::org_signing::Countersignee::File(from),
                (None, Some(id), Some(kind), Some(code), Some(key)) => {
                    cli::org_signing::Countersignee::Values {
                        id,
                        kind: organisation_kind(&kind)?,
                        country: country(&code)?,
                        verifying_key: cli::key_files::verifying_key(&key)
                            .map_err(|e| anyhow::anyhow!("--verifying-key: {e}"))?,
                    }
                }
                _ => anyhow::bail!("--from FILE, or --id, --kind, --country and --verifying-key"),
            };
            let signed = cli::org_signing::countersign(&desk_key, whom, out.as_deref())?;
            if signed.own_key {
                eprintln!(
                    "note: this is the desk organisation's own key, which needs no \
                     countersignature: its verifying key goes into the routing file as \
                     desk_signing_key (`homeward queue declare --from` writes it)"
                );
            }
            if json {
                return print_json(&signed);
            }
            println!("{}", signed.countersignature);
            if let Some(written) = &signed.written {
                eprintln!(
                    "wrote {} with the countersignature in it: send it to the operator",
                    written.display()
                );
            }
            Ok(())
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
            let identity = cli::key_files::verifying_key(&identity)
                .map_err(|e| anyhow::anyhow!("--identity: {e}"))?;
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
            let signature = cli::org_signing::certify(
                &signing_key,
                &cli::org_signing::Certify {
                    organisation: &organisation,
                    account: &account,
                    username: &username,
                    role: &role,
                    identity: &identity,
                },
            )?;
            println!("{}", signature.to_text());
            Ok(())
        }
    }
}
