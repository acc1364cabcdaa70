//! `homeward org …`, on an organisation's own offline machine: its keys and the file for the
//! operator (`init`), a lone signing key (`keygen`), the desk organisation's countersignature
//! (`countersign`) and a member's or an operator's certificate (`certify`).

use std::io::IsTerminal;

use crate::cli::args::OrgCommand;
use crate::cli::commands::print_json;
use crate::cli::queue_commands::{country, organisation_kind};

/// On a terminal: a fingerprint someone read out, typed by whoever signs. The key's own
/// fingerprint is not shown first, so that it is compared, not copied.
fn ask_fingerprint(what: &str) -> anyhow::Result<String> {
    use std::io::{BufRead, Write};
    let mut err = std::io::stderr();
    write!(err, "{what}: ")?;
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_owned())
}

/// Runs one `homeward org …` command.
pub fn org_command(command: OrgCommand) -> anyhow::Result<()> {
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
                .map(|q| crate::cli::org_init::QueueSpec::parse(q))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| anyhow::anyhow!("--queue {e}"))?;
            let made = crate::cli::org_init::org_init(&crate::cli::org_init::OrgInit {
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
            println!("verifying key: {}", made.verifying_key);
            println!(
                "fingerprint (read it yourself to the desk organisation's signer, in person or by \
                 phone; they type it into org countersign): {}",
                made.fingerprint
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
                    let key = crate::cli::org_signing::keygen(&out)?;
                    if !json {
                        println!(
                            "wrote the signing key to {} (mode 0600): keep it offline",
                            out.display()
                        );
                    }
                    key
                }
                None if print_signing_key => {
                    let key = crate::crypto::signing::SigningKey::generate();
                    if !json {
                        println!("{}", key.to_text().as_str());
                    }
                    key.verifying_key()
                }
                None => anyhow::bail!("--out FILE: where to write the signing key"),
            };
            let fingerprint = crate::crypto::identity::fingerprint(&verifying_key);
            if json {
                return print_json(&serde_json::json!({
                    "verifying_key": verifying_key.to_text(),
                    "fingerprint": fingerprint,
                }));
            }
            println!(
                "verifying key (give it to the operator): {}",
                verifying_key.to_text()
            );
            println!(
                "fingerprint (read it yourself to the desk organisation's signer): {fingerprint}"
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
            fingerprint,
            json,
        } => {
            let fingerprint = match fingerprint {
                Some(typed) => Some(typed),
                None if std::io::stdin().is_terminal() => Some(ask_fingerprint(
                    "the fingerprint the organisation read to you (in person or by phone)",
                )?),
                None => None,
            };
            let whom = match (from, id, kind, code, verifying_key) {
                (Some(from), ..) => crate::cli::org_signing::Countersignee::File(from),
                (None, Some(id), Some(kind), Some(code), Some(key)) => {
                    crate::cli::org_signing::Countersignee::Values {
                        id,
                        kind: organisation_kind(&kind)?,
                        country: country(&code)?,
                        verifying_key: crate::cli::key_files::verifying_key(&key)
                            .map_err(|e| anyhow::anyhow!("--verifying-key: {e}"))?,
                    }
                }
                _ => anyhow::bail!("--from FILE, or --id, --kind, --country and --verifying-key"),
            };
            let signed = crate::cli::org_signing::countersign(
                &desk_key,
                whom,
                out.as_deref(),
                fingerprint.as_deref(),
            )?;
            if signed.own_key {
                eprintln!(
                    "note: this is the desk organisation's own key, which needs no \
                     countersignature: its verifying key goes into the routing file as \
                     desk_signing_key (`homeward queue declare --from` writes it)"
                );
            }
            // The fingerprint covers the key alone: the signer sees what else is vouched for.
            eprintln!(
                "countersigned {} as an organisation of kind {} in {}: if either is not what the \
                 organisation told you, do not send this on",
                signed.organisation, signed.kind, signed.country
            );
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
            fingerprint,
        } => {
            let identity = crate::cli::key_files::verifying_key(&identity)
                .map_err(|e| anyhow::anyhow!("--identity: {e}"))?;
            // The line may have been relayed by someone else (the operator sends the invite):
            // the person's own workspace shows the fingerprint, which they read out.
            let fingerprint = match fingerprint {
                Some(typed) => typed,
                None if std::io::stdin().is_terminal() => ask_fingerprint(
                    "the fingerprint the person read to you from their own workspace",
                )?,
                None => anyhow::bail!(
                    "--fingerprint: the fingerprint the person reads to you from their own \
                     workspace (\"your fingerprint\"), so that an account someone else enrolled \
                     is not certified"
                ),
            };
            if !crate::crypto::identity::fingerprint_matches(&fingerprint, &identity) {
                anyhow::bail!(
                    "this identity is not the one whose fingerprint was read to you: certify \
                     nothing, and ask the person to check the line and their workspace"
                );
            }
            let (organisation, role) = if operator {
                (
                    crate::trust::certification::OPERATORS.to_owned(),
                    "operator".to_owned(),
                )
            } else {
                (organisation.unwrap_or_default(), role.unwrap_or_default())
            };
            if !operator && !["coordinator", "responder"].contains(&role.as_str()) {
                anyhow::bail!("--role: coordinator or responder");
            }
            eprintln!(
                "certifying {username} ({role} of {organisation}), identity fingerprint {}: it \
                 must be the one they read to you from their own workspace",
                crate::crypto::identity::fingerprint(&identity)
            );
            let signature = crate::cli::org_signing::certify(
                &signing_key,
                &crate::cli::org_signing::Certify {
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
