//! Backups and restores. A backup is a folder (mode 0700): a consistent snapshot of the database
//! taken while the server runs (SQLite's VACUUM INTO; pg_dump's custom format on PostgreSQL), the
//! server secrets, the list of destroyed reports and a manifest. The demo desk's private key is
//! never in it. A restore replaces the database and the secrets with the backup's, then makes the
//! snapshot safe to serve: every session, visit, staged upload and invite it holds is dropped;
//! every report destroyed since (by this server's list or the backup's) is destroyed again; and
//! every queue whose membership differs from this server's record, or that it has no record of,
//! is held out of routing until a coordinator confirms it. Both steps are audited.

use std::path::{Path, PathBuf};
use std::process::Command;

use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};

use crate::config::Settings;
use crate::operations::secrets::SecretsError;
use crate::reporting::shredding::{ShredError, Shredder};
use crate::store::destroyed::DestroyedList;
use crate::store::{now, Store, StoreError};
use crate::trust::audit::Audit;
use crate::trust::memberships::{fingerprint, MembershipRecord};

const MANIFEST: &str = "manifest.toml";
const SQLITE_FILE: &str = "homeward.db";
const POSTGRES_FILE: &str = "homeward.pgdump";
const SECRETS_FILE: &str = "secrets.toml";
const DESTROYED_FILE: &str = "destroyed-reports.txt";
const FORMAT: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Secrets(#[from] SecretsError),
    #[error(transparent)]
    Shred(#[from] ShredError),
    #[error("{0}")]
    Refused(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |e| BackupError::Io(path.display().to_string(), e)
}

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    /// Unix seconds.
    created_at: i64,
    engine: String,
    homeward: String,
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    pub taken_at: i64,
    pub destroyed_again: Vec<String>,
    pub held: Vec<String>,
    /// Where the checkpoint exported before the restore was moved: the restored log ends
    /// before it, and it stays as the record of what the log held.
    pub checkpoint_kept: Option<std::path::PathBuf>,
}

fn engine(settings: &Settings) -> &'static str {
    if settings.is_postgres() {
        "postgres"
    } else {
        "sqlite"
    }
}

/// Copies `from` to `to` readable by its owner only, replacing `to` in one rename.
fn copy_private(from: &Path, to: &Path) -> Result<(), BackupError> {
    let bytes = zeroize::Zeroizing::new(std::fs::read(from).map_err(io(from))?);
    crate::store::private_file::replace(to, &bytes).map_err(io(to))
}

/// A PostgreSQL client tool's command against the database at `url`. The password, whether in
/// the URL's user part or in a `password` parameter, is handed to the tool in `PGPASSWORD` and
/// taken out of the `--dbname` it is given: a command line is readable by every local user
/// (`ps`, /proc/<pid>/cmdline), the environment only by the same user.
fn pg_command(tool: &str, url: &str, args: &[&str]) -> Result<Command, BackupError> {
    let unreadable = || BackupError::Refused("the database URL cannot be read".into());
    let mut parsed = url::Url::parse(url).map_err(|_| unreadable())?;
    let mut password = parsed.password().map(|p| {
        percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .into_owned()
    });
    let mut kept = Vec::new();
    for (key, value) in parsed.query_pairs() {
        if key == "password" {
            password = Some(value.into_owned());
        } else {
            kept.push((key.into_owned(), value.into_owned()));
        }
    }
    if parsed.password().is_some() {
        parsed.set_password(None).map_err(|_| unreadable())?;
    }
    // Written back percent-encoded (libpq reads no `+` as a space).
    let encode = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    let query: Vec<String> = kept
        .iter()
        .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
        .collect();
    parsed.set_query((!query.is_empty()).then(|| query.join("&")).as_deref());
    let mut command = Command::new(tool);
    command.arg(format!("--dbname={parsed}")).args(args);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    Ok(command)
}

/// Runs a PostgreSQL client tool, naming it if it fails (never its arguments).
fn run_tool(mut command: Command) -> Result<(), BackupError> {
    let tool = command.get_program().to_string_lossy().into_owned();
    let out = command
        .output()
        .map_err(|e| BackupError::Refused(format!("{tool} could not run: {e}")))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(BackupError::Refused(format!(
            "{tool} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

/// Writes a backup of the running (or stopped) server into `out`, which must not exist yet.
pub async fn backup(settings: &Settings, out: &Path) -> Result<(), BackupError> {
    if out.exists() {
        return Err(BackupError::Refused(format!(
            "{} exists already: a backup goes into a new folder",
            out.display()
        )));
    }
    let secrets = settings.secrets_path();
    crate::operations::secrets::load_or_create(&secrets, false)?;
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(out).map_err(io(out))?;

    if settings.is_postgres() {
        let file = out.join(POSTGRES_FILE);
        run_tool(pg_command(
            "pg_dump",
            settings.database.url.expose_secret(),
            &[
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                &file.display().to_string(),
            ],
        )?)?;
    } else {
        let store = Store::connect(&settings.database.url, 1).await?;
        let snapshot = store.snapshot_into(&out.join(SQLITE_FILE)).await;
        store.close().await;
        snapshot?;
    }
    copy_private(&secrets, &out.join(SECRETS_FILE))?;
    let destroyed = settings.destroyed_path();
    if destroyed.exists() {
        copy_private(&destroyed, &out.join(DESTROYED_FILE))?;
    }
    let manifest = Manifest {
        format: FORMAT,
        created_at: now(),
        engine: engine(settings).into(),
        homeward: env!("CARGO_PKG_VERSION").into(),
    };
    let text = toml::to_string(&manifest)
        .map_err(|e| BackupError::Refused(format!("writing the manifest: {e}")))?;
    let path = out.join(MANIFEST);
    std::fs::write(&path, text).map_err(io(&path))?;
    Ok(())
}

fn read_manifest(from: &Path) -> Result<Manifest, BackupError> {
    let path = from.join(MANIFEST);
    let text = std::fs::read_to_string(&path).map_err(io(&path))?;
    let manifest: Manifest = toml::from_str(&text).map_err(|e| {
        BackupError::Refused(format!("{}: not a Homeward manifest: {e}", path.display()))
    })?;
    if manifest.format != FORMAT {
        return Err(BackupError::Refused(format!(
            "{}: backup format {} is not one this build reads ({FORMAT})",
            path.display(),
            manifest.format
        )));
    }
    Ok(manifest)
}

/// Puts the backup's database in place of the configured one.
fn replace_database(settings: &Settings, from: &Path) -> Result<(), BackupError> {
    if settings.is_postgres() {
        let file = from.join(POSTGRES_FILE);
        return run_tool(pg_command(
            "pg_restore",
            settings.database.url.expose_secret(),
            &[
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                &file.display().to_string(),
            ],
        )?);
    }
    let target = crate::store::sqlite_file(&settings.database.url)?;
    for suffix in ["-wal", "-shm", ""] {
        let path = PathBuf::from(format!("{}{suffix}", target.display()));
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&path)(e)),
            _ => {}
        }
    }
    copy_private(&from.join(SQLITE_FILE), &target)
}

/// Restores the backup in `from` over this server's database and secrets. The server must be
/// stopped (every replica, on PostgreSQL).
pub async fn restore(settings: &Settings, from: &Path) -> Result<Restored, BackupError> {
    let manifest = read_manifest(from)?;
    if manifest.engine != engine(settings) {
        return Err(BackupError::Refused(format!(
            "the backup is of a {} database and this server is configured for {}",
            manifest.engine,
            engine(settings)
        )));
    }
    // What this server knows, read before anything is replaced.
    let destroyed = DestroyedList::new(settings.destroyed_path());
    let mut gone = destroyed.read().map_err(io(destroyed.path()))?;
    let record = MembershipRecord::new(settings.memberships_path());
    let recorded = record.read().map_err(io(record.path()))?;
    let theirs = DestroyedList::new(from.join(DESTROYED_FILE));
    gone.extend(theirs.read().map_err(io(theirs.path()))?);

    replace_database(settings, from)?;
    copy_private(&from.join(SECRETS_FILE), &settings.secrets_path())?;
    let secrets = crate::operations::secrets::load_or_create(&settings.secrets_path(), false)?;
    let store = Store::connect(&settings.database.url, 1).await?;
    let restored = settle(
        store.clone(),
        secrets,
        destroyed,
        &gone,
        &recorded,
        &manifest,
    )
    .await;
    // Only a restore that held what it had to may replace the record it compared against: after
    // a failure, running the restore again must find the same differences.
    if restored.is_ok() {
        let memberships = store.memberships().await?;
        record.write(&memberships).map_err(io(record.path()))?;
    }
    store.close().await;
    let mut restored = restored?;
    restored.checkpoint_kept = keep_checkpoint(&settings.checkpoint_path(), manifest.created_at)?;
    Ok(restored)
}

/// Moves the last exported audit checkpoint aside (the restored log no longer reaches it, and
/// the export would otherwise refuse to go on), keeping it as the record of what the log held.
fn keep_checkpoint(path: &Path, taken_at: i64) -> Result<Option<std::path::PathBuf>, BackupError> {
    if !path.exists() {
        return Ok(None);
    }
    let kept = path.with_extension(format!("before-restore-of-{taken_at}.txt"));
    std::fs::rename(path, &kept).map_err(io(path))?;
    Ok(Some(kept))
}

/// Makes the restored snapshot safe to serve.
async fn settle(
    store: Store,
    secrets: crate::operations::secrets::ServerSecrets,
    destroyed: DestroyedList,
    gone: &std::collections::BTreeSet<String>,
    recorded: &std::collections::BTreeMap<String, String>,
    manifest: &Manifest,
) -> Result<Restored, BackupError> {
    store.migrate().await?;
    store.forget_credentials().await?;
    let audit = Audit::new(store.clone(), secrets.audit_key);
    audit
        .record(
            "system",
            "backup_restored",
            &format!("backup:{}", manifest.created_at),
        )
        .await?;
    let present = store.report_ids().await?;
    let again: Vec<String> = present.into_iter().filter(|id| gone.contains(id)).collect();
    let shredder = Shredder {
        store: store.clone(),
        audit: audit.clone(),
        destroyed,
        clock: crate::store::Clock::system(),
    };
    shredder
        .destroy(&again, "report_destroyed_after_restore")
        .await?;
    let mut held = Vec::new();
    let at = now();
    for membership in store.memberships().await? {
        if recorded.get(&membership.queue) != Some(&fingerprint(&membership)) {
            let entry = audit.entry(
                "system",
                "queue_held_after_restore",
                format!("queue:{}", membership.queue),
            );
            store
                .hold_after_restore(&membership.queue, at, &entry)
                .await?;
            held.push(membership.queue);
        }
    }
    Ok(Restored {
        taken_at: manifest.created_at,
        destroyed_again: again,
        held,
        checkpoint_kept: None,
    })
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::pg_command;

    fn args(command: &std::process::Command) -> Vec<String> {
        command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    fn password(command: &std::process::Command) -> Option<String> {
        command
            .get_envs()
            .find(|(key, _)| *key == OsStr::new("PGPASSWORD"))
            .and_then(|(_, value)| value.map(|v| v.to_string_lossy().into_owned()))
    }

    #[test]
    fn the_password_goes_in_the_environment_never_on_the_command_line() {
        let secret = "s3cr%t p@ss";
        let in_user = "postgres://homeward:s3cr%25t%20p%40ss@db.internal:5433/homeward?sslmode=verify-full&sslrootcert=%2Fetc%2Fmy%20ca.pem";
        let in_query = "postgres://homeward@db.internal:5433/homeward?password=s3cr%25t+p%40ss&sslmode=require";
        for url in [in_user, in_query] {
            let command = pg_command("pg_dump", url, &["--format=custom", "--file", "/b/x"])
                .unwrap_or_else(|e| panic!("{e}"));
            let args = args(&command);
            assert!(
                args.iter()
                    .all(|a| !a.contains("s3cr") && !a.contains("p%40ss") && !a.contains("p@ss")),
                "{args:?}"
            );
            assert_eq!(password(&command).as_deref(), Some(secret), "{url}");
            assert_eq!(command.get_program(), "pg_dump");
            assert!(args[0].starts_with("--dbname=postgres://homeward@db.internal:5433/homeward"));
            assert!(
                args[0].contains("sslmode="),
                "TLS settings stay: {}",
                args[0]
            );
            if url == in_user {
                assert!(
                    args[0].ends_with("?sslmode=verify%2Dfull&sslrootcert=%2Fetc%2Fmy%20ca%2Epem")
                );
            }
            assert_eq!(&args[1..], ["--format=custom", "--file", "/b/x"]);
        }
        let without = pg_command(
            "pg_restore",
            "postgres://homeward@db.internal/homeward",
            &[],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(password(&without), None);
        assert_eq!(
            args(&without),
            ["--dbname=postgres://homeward@db.internal/homeward"]
        );
        // A Unix socket with peer authentication: no host, no password, and still readable.
        let socket = pg_command("pg_dump", "postgres:///homeward?host=/run/postgresql", &[])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(password(&socket), None);
    }
}
