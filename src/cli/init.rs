//! `homeward init`: the server's half of a fresh install in one run. It writes the settings
//! folder (the shipped defaults, the triage weights, an empty routing file, and a local.toml with
//! the database, the public address and the listener), the server secrets (never over an existing
//! file), the schema (`migrate`), and the first operator's one-time invite. It never makes an
//! organisation's key: whoever holds the desk organisation's signing key vouches for every
//! organisation, so that key is made on the desk organisation's own machine (`org init`).
//!
//! It asks on a terminal for what no flag gave; with `--yes`, or with no terminal, it asks
//! nothing (taking the defaults, but never guessing the public address without `--yes`). Run
//! again, it keeps what exists and says so.

use std::io::{BufRead, IsTerminal, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;

use crate::config::Settings;
use crate::store::Store;

use super::first_operator::{first_invite, FirstInvite};
use super::schema::Applied;

/// The shipped settings, written into a new settings folder (never over a file there).
const TEMPLATES: [(&str, &str); 3] = [
    ("default.toml", include_str!("../../config/default.toml")),
    ("triage.toml", include_str!("../../config/triage.toml")),
    ("queues.toml", include_str!("../../config/queues.toml")),
];

/// What `init` was told; `None` is asked for on a terminal, else defaulted.
pub struct InitArgs {
    pub config_dir: PathBuf,
    pub database_url: Option<SecretString>,
    pub public_url: Option<String>,
    pub listen: Option<SocketAddr>,
    pub data_dir: Option<PathBuf>,
    pub trusted_proxies: Vec<IpAddr>,
    /// Ask nothing: defaults for whatever no flag gave.
    pub yes: bool,
    /// Write the invite link here (mode 0600) rather than print it.
    pub invite_file: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
pub struct FileOutcome {
    pub path: PathBuf,
    /// Written by this run; false: it was there and was kept.
    pub written: bool,
}

#[derive(Debug, Serialize)]
pub struct InitSummary {
    pub config_dir: PathBuf,
    pub templates: Vec<FileOutcome>,
    pub local_settings: FileOutcome,
    pub secrets_file: FileOutcome,
    pub migrations_applied: Vec<Applied>,
    pub migrations_known: usize,
    /// `invited`, `invite-pending` (made by an earlier run, unused, still valid: no second one),
    /// `operator-exists` or `accounts-exist`.
    pub first_operator: &'static str,
    /// The one-time invite link, when printed rather than written to a file.
    pub invite_url: Option<String>,
    pub invite_file: Option<PathBuf>,
    pub invite_valid_hours: i64,
    pub routing_file: Option<PathBuf>,
}

/// The answers, once asked or defaulted.
struct Answers {
    data_dir: PathBuf,
    database_url: SecretString,
    public_url: String,
    listen: SocketAddr,
    trusted_proxies: Vec<IpAddr>,
}

fn ask(question: &str, default: &str) -> anyhow::Result<String> {
    let mut err = std::io::stderr();
    write!(err, "{question} [{default}]: ")?;
    err.flush()?;
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line)? == 0 {
        anyhow::bail!("no answer to “{question}” (standard input closed): give it as a flag");
    }
    let line = line.trim();
    Ok(if line.is_empty() { default } else { line }.to_owned())
}

fn loopback_url(url: &str) -> bool {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .is_some_and(|h| {
            let h = h.trim_start_matches('[').trim_end_matches(']');
            h == "localhost" || h.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
        })
}

fn check_public_url(url: &str) -> anyhow::Result<String> {
    let parsed = url::Url::parse(url)
        .map_err(|_| anyhow::anyhow!("--public-url `{url}`: not a web address"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        anyhow::bail!("--public-url `{url}`: an http:// or https:// address with a host");
    }
    Ok(url.trim_end_matches('/').to_owned())
}

fn check_database_url(url: &str) -> anyhow::Result<()> {
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    if !matches!(scheme, "sqlite" | "postgres" | "postgresql") {
        anyhow::bail!("--database-url: use a sqlite:// or postgres:// address");
    }
    Ok(())
}

fn answers(args: &InitArgs) -> anyhow::Result<Answers> {
    let interactive = !args.yes && std::io::stdin().is_terminal();
    let data_dir = match (&args.data_dir, interactive) {
        (Some(d), _) => d.clone(),
        (None, true) => PathBuf::from(ask("Folder for the server's data", "data")?),
        (None, false) => PathBuf::from("data"),
    };
    let default_db = format!("sqlite://{}/homeward.db", data_dir.display());
    let database_url = match (&args.database_url, interactive) {
        (Some(u), _) => u.clone(),
        (None, true) => SecretString::from(ask(
            "Database (sqlite://FILE, or postgres://USER@HOST/DB with the password in .pgpass)",
            &default_db,
        )?),
        (None, false) => SecretString::from(default_db),
    };
    check_database_url(database_url.expose_secret())?;
    let public_url = match (&args.public_url, interactive, args.yes) {
        (Some(u), _, _) => u.clone(),
        (None, true, _) => ask(
            "Where people reach this server (https://…)",
            "http://127.0.0.1:8080",
        )?,
        (None, false, true) => "http://127.0.0.1:8080".to_owned(),
        (None, false, false) => anyhow::bail!(
            "--public-url: where people reach this server (invite links start with it); or \
             --yes to take http://127.0.0.1:8080 and every other default"
        ),
    };
    let public_url = check_public_url(&public_url)?;
    let listen = match (args.listen, interactive) {
        (Some(l), _) => l,
        (None, true) => ask("Address and port to listen on", "127.0.0.1:8080")?
            .parse()
            .map_err(|_| anyhow::anyhow!("the listener: HOST:PORT, e.g. 127.0.0.1:8080"))?,
        (None, false) => SocketAddr::from(([127, 0, 0, 1], 8080)),
    };
    // A loopback listener reached at a public address has a reverse proxy on this machine in
    // front of it: believe its X-Forwarded-For, or every visitor counts as one source.
    let trusted_proxies = if args.trusted_proxies.is_empty()
        && listen.ip().is_loopback()
        && !loopback_url(&public_url)
    {
        vec![
            IpAddr::from([127, 0, 0, 1]),
            IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1]),
        ]
    } else {
        args.trusted_proxies.clone()
    };
    Ok(Answers {
        data_dir,
        database_url,
        public_url,
        listen,
        trusted_proxies,
    })
}

fn path_text(path: &Path) -> String {
    path.display().to_string()
}

/// local.toml's text: only what differs from default.toml.
fn local_settings(config_dir: &Path, a: &Answers) -> String {
    let mut top = toml::Table::new();
    let path = |p: PathBuf| toml::Value::String(path_text(&p));
    top.insert("data_dir".into(), path(a.data_dir.clone()));
    top.insert("routing_file".into(), path(config_dir.join("queues.toml")));
    top.insert("triage_file".into(), path(config_dir.join("triage.toml")));
    top.insert("secrets_file".into(), path(a.data_dir.join("secrets.toml")));
    top.insert("public_url".into(), a.public_url.clone().into());
    let mut server = toml::Table::new();
    server.insert("host".into(), a.listen.ip().to_string().into());
    server.insert("port".into(), i64::from(a.listen.port()).into());
    server.insert(
        "trusted_proxies".into(),
        toml::Value::Array(
            a.trusted_proxies
                .iter()
                .map(|ip| ip.to_string().into())
                .collect(),
        ),
    );
    let mut database = toml::Table::new();
    database.insert(
        "url".into(),
        a.database_url.expose_secret().to_owned().into(),
    );
    top.insert("server".into(), server.into());
    top.insert("database".into(), database.into());
    format!(
        "# Written by `homeward init`. Everything not set here comes from default.toml beside it;\n\
         # HOMEWARD_* variables override both. A database password here makes this file readable\n\
         # by its owner only (0600), which a systemd DynamicUser cannot read: better put it in a\n\
         # pgpass file the server reads through PGPASSFILE (docs/deploy.md, \"One server\"). The\n\
         # routing file declares no desk yet: the server starts once `homeward queue declare\n\
         # --from` has written the desk organisation's queues into it.\n\
         {}",
        toml::to_string(&top).unwrap_or_default()
    )
}

/// With local.toml already there, the flags given must agree with it: a script re-run with other
/// values is told, rather than silently served the old ones.
fn agrees(settings: &Settings, args: &InitArgs, path: &Path) -> anyhow::Result<()> {
    let differ = |what: &str| {
        anyhow::anyhow!(
            "{} exists and sets another {what}: edit it, or remove it to have init write it again",
            path.display()
        )
    };
    if let Some(url) = &args.database_url {
        if url.expose_secret() != settings.database.url.expose_secret() {
            return Err(differ("database.url"));
        }
    }
    if let Some(url) = &args.public_url {
        if url.trim_end_matches('/') != settings.public_url.trim_end_matches('/') {
            return Err(differ("public_url"));
        }
    }
    if let Some(listen) = args.listen {
        if listen.ip() != settings.server.host || listen.port() != settings.server.port {
            return Err(differ("listener (server.host, server.port)"));
        }
    }
    if let Some(dir) = &args.data_dir {
        if *dir != settings.data_dir {
            return Err(differ("data_dir"));
        }
    }
    Ok(())
}

/// Mode 0644 whatever the umask: the server may run as another user than whoever ran init.
fn readable(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))?;
    }
    Ok(())
}

/// Whether a database URL carries a password (better kept in .pgpass): in its user part, or as
/// the `password` parameter PostgreSQL's URLs also take.
fn holds_password(url: &str) -> bool {
    url::Url::parse(url)
        .is_ok_and(|u| u.password().is_some() || u.query_pairs().any(|(key, _)| key == "password"))
}

fn write_new(path: &Path, text: &str, private: bool) -> anyhow::Result<FileOutcome> {
    if path.exists() {
        return Ok(FileOutcome {
            path: path.to_path_buf(),
            written: false,
        });
    }
    let written = if private {
        crate::store::private_file::create_new(path, text.as_bytes())
    } else {
        std::fs::write(path, text).and_then(|()| readable(path))
    };
    written.map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(FileOutcome {
        path: path.to_path_buf(),
        written: true,
    })
}

pub async fn init(args: InitArgs) -> anyhow::Result<InitSummary> {
    let dir = &args.config_dir;
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    if let Some(file) = &args.invite_file {
        if file.exists() {
            anyhow::bail!(
                "{} exists already: name a new file for the invite",
                file.display()
            );
        }
    }
    let local = dir.join("local.toml");
    let answers = if local.exists() {
        None
    } else {
        Some(answers(&args)?)
    };
    let mut templates = Vec::new();
    for (name, text) in TEMPLATES {
        templates.push(write_new(&dir.join(name), text, false)?);
    }
    let local_settings = match &answers {
        // Readable by the server's own user (a systemd DynamicUser reads /etc/homeward as
        // another user); owner-only when it holds a database password.
        Some(a) => write_new(
            &local,
            &local_settings(dir, a),
            holds_password(a.database_url.expose_secret()),
        )?,
        None => FileOutcome {
            path: local.clone(),
            written: false,
        },
    };
    let settings = Settings::load(dir)?;
    if answers.is_none() {
        agrees(&settings, &args, &local)?;
    }

    let secrets_path = settings.secrets_path();
    let secrets_file = if secrets_path.exists() {
        FileOutcome {
            path: secrets_path.clone(),
            written: false,
        }
    } else {
        crate::operations::secrets::write_new(
            &secrets_path,
            &crate::operations::secrets::generate(),
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", secrets_path.display()))?;
        FileOutcome {
            path: secrets_path.clone(),
            written: true,
        }
    };
    let secrets = crate::operations::secrets::load_or_create(&secrets_path, false)?;

    let store = Store::connect(&settings.database.url, 1).await?;
    let outcome = async {
        let migrated = super::schema::migrate(&store).await?;
        let invite = first_invite(&settings, &store, secrets, false).await?;
        anyhow::Ok((migrated, invite))
    }
    .await;
    store.close().await;
    let ((migrations_applied, migrations_known), invite) = outcome?;

    let (first_operator, invite_url, invite_file) = match invite {
        FirstInvite::Made(link) => match &args.invite_file {
            Some(file) => {
                crate::store::private_file::create_new(
                    file,
                    format!("{}\n", link.expose_secret()).as_bytes(),
                )
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
                ("invited", None, Some(file.clone()))
            }
            None => ("invited", Some(link.expose_secret().to_owned()), None),
        },
        FirstInvite::Pending(_) => ("invite-pending", None, None),
        FirstInvite::OperatorExists => ("operator-exists", None, None),
        FirstInvite::AccountsExist => ("accounts-exist", None, None),
    };
    Ok(InitSummary {
        config_dir: dir.clone(),
        templates,
        local_settings,
        secrets_file,
        migrations_applied,
        migrations_known,
        first_operator,
        invite_url,
        invite_file,
        invite_valid_hours: crate::trust::accounts::INVITE_HOURS,
        routing_file: settings.routing_file.clone(),
    })
}

/// What `init` prints for a person.
pub fn describe(s: &InitSummary) -> Vec<String> {
    let said = |f: &FileOutcome, what: &str| {
        if f.written {
            format!("wrote {} ({what})", f.path.display())
        } else {
            format!(
                "kept {}: it exists, and init never overwrites a file",
                f.path.display()
            )
        }
    };
    let mut lines: Vec<String> = s
        .templates
        .iter()
        .map(|f| said(f, "shipped settings"))
        .collect();
    lines.push(said(&s.local_settings, "this server's settings"));
    lines.push(said(
        &s.secrets_file,
        "server secrets, mode 0600: back it up offline now",
    ));
    lines.push(
        match (s.migrations_applied.first(), s.migrations_applied.last()) {
            (Some(first), Some(last)) => format!(
                "applied {} of {} migrations ({} {} … {} {}): the schema is up to date \
             (`homeward migrate` lists them one by one)",
                s.migrations_applied.len(),
                s.migrations_known,
                first.version,
                first.description,
                last.version,
                last.description
            ),
            _ => format!(
                "the database schema was already up to date ({} migrations)",
                s.migrations_known
            ),
        },
    );
    match s.first_operator {
        "invited" => match (&s.invite_url, &s.invite_file) {
            (_, Some(file)) => lines.push(format!(
                "wrote the first operator's one-time invite link to {} (mode 0600, valid {} hours)",
                file.display(),
                s.invite_valid_hours
            )),
            (Some(url), None) => {
                lines.push(format!(
                    "One-time invite for the first operator (valid {} hours, shown once):",
                    s.invite_valid_hours
                ));
                lines.push(url.clone());
            }
            (None, None) => {}
        },
        "invite-pending" => lines.push(
            "the first operator's invite from an earlier run is unused and still valid: no second \
             one made (a lost link: homeward admin bootstrap makes another)"
                .into(),
        ),
        "operator-exists" => lines.push(
            "an operator account exists already: no invite made (operators invite staff from the workspace)"
                .into(),
        ),
        _ => lines.push(
            "accounts exist but no operator: a new operator is a recovery (homeward admin recover-operator)"
                .into(),
        ),
    }
    if let Some(routing) = &s.routing_file {
        lines.push(format!(
            "next: the desk organisation runs `homeward org init` on its own machine and sends its \
             send-to-operator.json; then `homeward --config {} queue declare --from FILE` writes \
             its desk into {} and the server can start",
            s.config_dir.display(),
            routing.display()
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::holds_password;

    #[test]
    fn a_password_in_the_url_is_seen_wherever_it_is() {
        assert!(holds_password("postgres://homeward:secret@db/homeward"));
        assert!(holds_password(
            "postgres://homeward@db/homeward?sslmode=require&password=secret"
        ));
        assert!(!holds_password(
            "postgres://homeward@db/homeward?sslmode=require"
        ));
        assert!(!holds_password("sqlite://data/homeward.db?mode=rwc"));
    }
}
