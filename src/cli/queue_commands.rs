//! `homeward queue …`: a queue key made offline (`keygen`), the routing file's queues from an
//! organisation's file (`declare`), a coordinator's import of a key from its file (`import`) and
//! a member's copy sealed on the organisation's machine (`grant`).

use std::path::Path;

use crate::cli::api_session::{self, Login};
use crate::cli::args::QueueCommand;
use crate::cli::commands::print_json;
use crate::config::Settings;

/// A queue kind from a flag, either name of a consulate's accepted.
pub fn queue_kind(kind: &str) -> anyhow::Result<crate::domain::QueueKind> {
    crate::domain::QueueKind::parse(kind)
        .ok_or_else(|| anyhow::anyhow!("--kind: desk, ngo, consulate or police"))
}

/// An organisation kind from a flag, either name of a consulate accepted.
pub fn organisation_kind(kind: &str) -> anyhow::Result<crate::domain::OrganisationKind> {
    crate::domain::OrganisationKind::parse(kind)
        .ok_or_else(|| anyhow::anyhow!("--kind: ngo, consulate or police"))
}

/// A country code from a flag.
pub fn country(code: &str) -> anyhow::Result<crate::domain::CountryCode> {
    crate::domain::CountryCode::parse(code)
        .map_err(|_| anyhow::anyhow!("--country: not an ISO 3166-1 alpha-2 code"))
}

/// The queue a key file is imported to: `--queue` for a lone file, else the file's name
/// (queue-ID.key).
fn import_queue_id(path: &Path, queue: Option<&str>, files: usize) -> anyhow::Result<String> {
    if let Some(queue) = queue {
        anyhow::ensure!(files == 1, "--queue names the queue of one key file: leave it out to read each queue from its file's name (queue-ID.key)");
        anyhow::ensure!(
            crate::cli::send_file::slug_ok(queue),
            "--queue: a queue id, in a-z, 0-9 and -"
        );
        return Ok(queue.to_owned());
    }
    path.file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_prefix("queue-"))
        .and_then(|name| name.strip_suffix(".key"))
        .filter(|id| crate::cli::send_file::slug_ok(id))
        .map(str::to_owned)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{}: not named queue-ID.key, so give --queue",
                path.display()
            )
        })
}

/// Runs one `homeward queue …` command.
pub fn queue_command(config: &Path, command: QueueCommand) -> anyhow::Result<()> {
    match command {
        QueueCommand::Keygen {
            id,
            kind,
            signing_key,
            out,
            json,
        } => {
            let made = crate::cli::queue_keys::keygen(&id, queue_kind(&kind)?, &signing_key, &out)?;
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
                .map(|path| crate::cli::send_file::OrganisationFile::read(path))
                .collect::<Result<Vec<_>, _>>()?;
            // The desk organisation's key first: the others' queues need it in the file.
            files.sort_by_key(|f| {
                !f.queues
                    .iter()
                    .any(|q| q.kind == crate::domain::QueueKind::Desk)
            });
            if print {
                let lines: String = files
                    .iter()
                    .map(crate::cli::routing_lines::all_lines)
                    .collect();
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
                declared.push(crate::cli::routing_lines::declare(file, &routing_file)?);
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
            session,
            queue,
            queue_key,
        } => {
            let server = &session.server;
            // Before anything is asked: a password is refused wherever a key would be.
            let client = api_session::client(server)?;
            let keys = queue_key
                .iter()
                .map(|path| {
                    let id = import_queue_id(path, queue.as_deref(), queue_key.len())?;
                    Ok((id, crate::cli::key_files::read_queue_key(path)?))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let login = Login::from_flags(&session)?;
            crate::cli::runtime()?.block_on(async {
                let token = login.start(&client, server).await?;
                let mut imported = Ok(());
                for (queue, key) in &keys {
                    match crate::cli::queue_import::import(&client, server, &token, queue, key)
                        .await
                    {
                        Ok(copies) => {
                            println!("{queue}: its key is imported, sealed to {copies} account(s)")
                        }
                        Err(e) => {
                            imported = Err(anyhow::anyhow!("{queue}: {e}"));
                            break;
                        }
                    }
                }
                login.end(&client, server, &token).await;
                imported
            })
        }
        QueueCommand::Grant {
            session,
            organisation,
            organisation_key,
            queue,
            queue_key,
            account,
        } => {
            let server = &session.server;
            let client = api_session::client(server)?;
            let organisation_key = crate::cli::key_files::verifying_key(&organisation_key)
                .map_err(|e| anyhow::anyhow!("--organisation-key: {e}"))?;
            let queue_key = crate::cli::key_files::read_queue_key(&queue_key)?;
            let login = Login::from_flags(&session)?;
            let username = crate::cli::runtime()?.block_on(async {
                let token = login.start(&client, server).await?;
                let granted = crate::cli::queue_grant::grant(&crate::cli::queue_grant::Grant {
                    client: &client,
                    server,
                    token: &token,
                    organisation: &organisation,
                    organisation_key: &organisation_key,
                    queue: &queue,
                    queue_key: &queue_key,
                    account: &account,
                })
                .await;
                login.end(&client, server, &token).await;
                granted
            })?;
            println!("{queue}: a copy sealed here was given to {username} ({account})");
            Ok(())
        }
    }
}
