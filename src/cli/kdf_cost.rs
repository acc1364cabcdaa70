//! `homeward kdf-cost`: what the configured receipt Argon2id costs on this machine, and so how
//! many derivations a second it allows per core and in all.

use std::path::Path;

use crate::config::Settings;

pub fn kdf_cost(dir: &Path, rounds: u32) -> anyhow::Result<()> {
    let settings = Settings::load(dir)?;
    let params = settings.receipt_kdf;
    let per = crate::crypto::kdf::measure(params, rounds)?.as_secs_f64();
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
