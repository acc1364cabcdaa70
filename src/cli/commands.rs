//! The commands of the server's own machine, from the parsed command line to the module that
//! does each (`init`, `migrate`, `check-config`, `admin`, `audit`, `backup`, `restore`, `purge`,
//! `secrets`, `kdf-cost`, `sealed-submit`); an organisation's are in `org_commands` and
//! `queue_commands`. What each prints for a person, or as JSON with `--json`.

use std::path::PathBuf;

use secrecy::ExposeSecret;

use crate::cli::args::{AdminCommand, AuditCommand, Command, InitFlags, SecretsCommand};
use crate::config::Settings;
use crate::store::Store;

/// What a command prints with `--json`: one pretty-printed JSON value.
pub fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Runs every command but `serve` and `healthcheck`, which the entry answers itself.
pub fn run(config: PathBuf, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init(flags) => init(config, flags),
        Command::Queue { command } => super::queue_commands::queue_command(&config, command),
        Command::Org { command } => super::org_commands::org_command(command),
        Command::Secrets {
            command: SecretsCommand::Generate { out },
        } => {
            crate::operations::secrets::write_new(&out, &crate::operations::secrets::generate())?;
            println!("wrote {}", out.display());
            Ok(())
        }
        Command::CheckConfig {
            production,
            database,
        } => {
            crate::cli::check_config::check_config(&config, production)?;
            match database {
                Some(url) => crate::cli::runtime()?.block_on(
                    crate::cli::check_config::check_database(&config, url, production),
                ),
                None => Ok(()),
            }
        }
        Command::KdfCost { rounds } => crate::cli::kdf_cost::kdf_cost(&config, rounds.max(1)),
        Command::Admin {
            command: AdminCommand::Bootstrap,
        } => {
            let settings = Settings::load(&config)?;
            crate::cli::runtime()?.block_on(crate::cli::first_operator::bootstrap(settings))
        }
        Command::Admin {
            command: AdminCommand::RecoverOperator { operators_lost },
        } => {
            let settings = Settings::load(&config)?;
            crate::cli::runtime()?.block_on(crate::cli::first_operator::recover_operator(
                settings,
                operators_lost,
            ))
        }
        Command::Audit { command } => {
            let settings = Settings::load(&config)?;
            let task = match command {
                AuditCommand::Verify { checkpoint } => {
                    crate::cli::audit::AuditTask::Verify { checkpoint }
                }
                AuditCommand::Checkpoint => crate::cli::audit::AuditTask::Checkpoint,
            };
            crate::cli::runtime()?.block_on(crate::cli::audit::audit(settings, task))
        }
        Command::Backup { out } => {
            let settings = Settings::load(&config)?;
            crate::cli::runtime()?.block_on(crate::cli::backups::backup(&settings, &out))
        }
        Command::Restore { from } => {
            let settings = Settings::load(&config)?;
            crate::cli::runtime()?.block_on(crate::cli::backups::restore(&settings, &from))
        }
        Command::SealedSubmit { server, pins, file } => {
            let pins = pins
                .iter()
                .map(|p| crate::cli::key_files::verifying_key(p))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| anyhow::anyhow!("--pin: {e}"))?;
            let input: crate::domain::ReportInput = serde_json::from_slice(&std::fs::read(&file)?)?;
            let submitted = crate::cli::runtime()?
                .block_on(crate::cli::sealed_submit::submit(&server, &pins, input))?;
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
            crate::cli::runtime()?.block_on(crate::cli::purge::purge(settings, dry_run))
        }
        // The entry answers these itself: the probe with its own exit codes (0 or 1, whatever
        // went wrong), and the server with the service manager's readiness notice.
        Command::Healthcheck { .. } | Command::Serve => Ok(()),
        Command::Migrate { json } => {
            let settings = Settings::load(&config)?;
            let (applied, known) = crate::cli::runtime()?.block_on(async {
                let store = Store::connect(&settings.database.url, 1).await?;
                let migrated = crate::cli::schema::migrate(&store).await;
                store.close().await;
                migrated
            })?;
            if json {
                print_json(&serde_json::json!({ "applied": applied, "known": known }))
            } else {
                for line in crate::cli::schema::describe(&applied, known) {
                    println!("{line}");
                }
                Ok(())
            }
        }
    }
}

fn init(config: PathBuf, flags: InitFlags) -> anyhow::Result<()> {
    let args = crate::cli::init::InitArgs {
        config_dir: config,
        database_url: flags.database_url,
        public_url: flags.public_url,
        listen: flags.listen,
        data_dir: flags.data_dir,
        trusted_proxies: flags.trusted_proxies,
        yes: flags.yes,
        invite_file: flags.invite_file,
    };
    let summary = crate::cli::runtime()?.block_on(crate::cli::init::init(args))?;
    if flags.json {
        return print_json(&summary);
    }
    for line in crate::cli::init::describe(&summary) {
        println!("{line}");
    }
    Ok(())
}
