//! What each `homeward` command takes: the command line's shape, read by clap. `main` parses
//! it, serves and answers the health probe; every other command goes to `commands`.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use secrecy::SecretString;

#[derive(Parser)]
#[command(
    name = "homeward",
    version,
    about = "Sealed, triaged, routed intake for reports of people held in scam compounds"
)]
pub struct Cli {
    /// The folder holding default.toml (and an optional local.toml).
    #[arg(
        long,
        global = true,
        env = "HOMEWARD_CONFIG_DIR",
        default_value = "config"
    )]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// Also refuse what is only fit for a demo (the demo desk and its key), and, with
        /// --database, a routing file that declares an old key for a queue (after a rotation).
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
pub struct InitFlags {
    /// The database: sqlite://FILE, or postgres://USER@HOST/DB (the password better in .pgpass).
    /// Default: sqlite://DATA_DIR/homeward.db.
    #[arg(long, env = "HOMEWARD_INIT_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<SecretString>,
    /// Where people reach this server (invite links start with it), e.g. https://report.example.org
    #[arg(long)]
    pub public_url: Option<String>,
    /// The address and port to listen on. Default: 127.0.0.1:8080.
    #[arg(long)]
    pub listen: Option<SocketAddr>,
    /// The server's data folder (SQLite, secrets, demo key, membership record). Default: data.
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
    /// A reverse proxy whose X-Forwarded-For to believe (repeatable). Default: this machine's
    /// loopback addresses when the listener is loopback and the public address is not.
    #[arg(long = "trusted-proxy")]
    pub trusted_proxies: Vec<IpAddr>,
    /// Ask nothing: take the defaults for whatever no flag gives.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Write the first operator's invite link to this file (mode 0600) instead of printing it.
    #[arg(long)]
    pub invite_file: Option<PathBuf>,
    /// Print what was done as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum QueueCommand {
    /// One more queue key pair, signed by the organisation's signing key, on the organisation's
    /// own offline machine (`org init` makes the first ones): the private key is written to
    /// --out for the safe; the routing file's lines (or JSON) are printed.
    Keygen {
        /// The queue's id, as the routing file will declare it.
        #[arg(long)]
        id: String,
        /// desk, ngo, consulate or police.
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
        #[command(flatten)]
        session: SessionArgs,
        /// The queue, when one key file is given; by default read from the key file's name
        /// (queue-ID.key, as `homeward org init` names it).
        #[arg(long)]
        queue: Option<String>,
        /// A queue's private key file (queue-ID.key, from `homeward org init`). Repeatable:
        /// every queue of an organisation in one run.
        #[arg(long, required = true)]
        queue_key: Vec<PathBuf>,
    },
    /// Give a certified member a copy of a queue's key, sealed on this machine (the
    /// organisation's own): the member's chain of certificates is checked here against the
    /// organisation's verifying key (--organisation-key), and only the sealed copy goes to the
    /// server.
    Grant {
        #[command(flatten)]
        session: SessionArgs,
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

/// A coordinator's session for `queue import` and `queue grant`.
#[derive(Args)]
pub struct SessionArgs {
    /// The server's base URL.
    #[arg(long)]
    pub server: String,
    /// Log in as this coordinator: the command asks for the password and current code (the
    /// password hidden, on a terminal; as two lines of standard input otherwise) and logs out
    /// when done, so no session token is handled by hand.
    #[arg(
        long,
        required_unless_present = "token_file",
        conflicts_with = "token_file"
    )]
    pub username: Option<String>,
    /// Instead of --username: a file holding an API session token (POST /api/v1/session).
    #[arg(long)]
    pub token_file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum OrgCommand {
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
        /// ngo, consulate or police.
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
        /// The fingerprint of the organisation's verifying key, as the organisation read it to
        /// you in person or by phone (its `org init` printed it). A key with another fingerprint
        /// was swapped on the way and is not countersigned. Asked for on a terminal; needed
        /// otherwise, except for the desk organisation's own key.
        #[arg(long)]
        fingerprint: Option<String>,
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
        /// The fingerprint the person reads to you from their own workspace ("your
        /// fingerprint"): an identity with another one is not certified. Asked for on a
        /// terminal; needed otherwise.
        #[arg(long)]
        fingerprint: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
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
pub enum AdminCommand {
    /// Print a one-time invite link for the first operator account (refused once anyone has an
    /// account: a further operator at the console is a recovery, announced). `init` does this too.
    /// Every earlier operator invite made at the console stops working.
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
pub enum SecretsCommand {
    /// Write a new server secrets file (mode 0600) for replicas to share (`init` writes one).
    Generate {
        #[arg(long)]
        out: PathBuf,
    },
}
