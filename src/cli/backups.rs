//! `homeward backup` and `homeward restore`: the commands around `operations::backup`, saying
//! what was written, restored, destroyed again and held.

use std::path::Path;

use crate::config::Settings;

pub async fn backup(settings: &Settings, out: &Path) -> anyhow::Result<()> {
    crate::operations::backup::backup(settings, out).await?;
    println!(
        "backup written to {} (database snapshot, server secrets, destroyed list; keep it as safe as the secrets)",
        out.display()
    );
    Ok(())
}

pub async fn restore(settings: &Settings, from: &Path) -> anyhow::Result<()> {
    let restored = crate::operations::backup::restore(settings, from).await?;
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
