//! `homeward check-config`: the settings, the routing file and the triage weights, each mistake
//! named with its line; with `--database`, which of the routing file's queues would receive
//! reports on that database and why the others would not, and (with `--production` too) a
//! refusal of a routing file that a key rotation left stale.

use std::path::Path;

use anyhow::Context;

use crate::config::Settings;
use crate::store::Store;
use crate::triage::{RoutingConfig, TriageRules};

pub fn check_config(dir: &Path, production: bool) -> anyhow::Result<()> {
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
                    "{}: no desk declared; declare the operating organisation's desk (`homeward \
                     queue declare --from` the desk organisation's send-to-operator.json)",
                    path.display()
                );
            };
            if let Some(demo) = crate::operations::demo::existing_public_key(&settings.data_dir) {
                if production && routing.queues.iter().any(|q| q.public_key == demo) {
                    anyhow::bail!(
                        "a queue uses the demo key from {}",
                        crate::operations::demo::key_path(&settings.data_dir).display()
                    );
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

/// Which of the config's queues would receive reports on this database, and why the others not;
/// with `production`, a routing file that declares an old key for any queue is refused too.
pub async fn check_database(
    dir: &Path,
    url: secrecy::SecretString,
    production: bool,
) -> anyhow::Result<()> {
    let settings = Settings::load(dir)?;
    let routing = crate::startup::routing_for(&settings)?;
    let store = Store::connect(&url, 1).await?;
    if let Err(e) = super::schema::require_current(&store).await {
        store.close().await;
        return Err(e.into());
    }
    let checked = crate::operations::overview::check(&store, &routing, &settings.ack_targets).await;
    store.close().await;
    let checked = checked?;
    print!("{}", checked.text);
    if !checked.desk_receives {
        anyhow::bail!("the desk cannot receive: intake answers 503 and issues no receipt");
    }
    // Without --production a stale file is only reported above, as the start only warns of it.
    if production && !checked.stale.is_empty() {
        let file = settings.routing_file.as_ref().map_or_else(
            || "the routing file".to_owned(),
            |p| p.display().to_string(),
        );
        anyhow::bail!(crate::operations::overview::stale_refusal(
            &checked.stale,
            &file
        ));
    }
    Ok(())
}
