//! `homeward purge`: retention's pass at once (or, with `--dry-run`, what it would destroy).

use crate::config::Settings;
use crate::store::Store;

pub async fn purge(settings: Settings, dry_run: bool) -> anyhow::Result<()> {
    let days = settings.retention.closed_days;
    let secrets = crate::operations::secrets::load_or_create(&settings.secrets_path(), false)?;
    let store = Store::connect(&settings.database.url, 1).await?;
    store.migrate().await?;
    let shredder = crate::reporting::shredding::Shredder {
        store: store.clone(),
        audit: crate::trust::audit::Audit::new(store.clone(), secrets.audit_key),
        destroyed: crate::store::destroyed::DestroyedList::new(settings.destroyed_path()),
        clock: crate::store::Clock::system(),
    };
    let purge = shredder.purge_closed(days, dry_run).await;
    store.close().await;
    let purge = purge?;
    let verb = if dry_run {
        "would destroy"
    } else {
        "destroyed"
    };
    for report in &purge.due {
        let closed = time::OffsetDateTime::from_unix_timestamp(report.closed_at)
            .map(|t| t.date().to_string())
            .unwrap_or_default();
        println!(
            "{verb} report {} (every entry closed, the last on {closed})",
            report.id
        );
    }
    println!(
        "{verb} {} reports closed more than {days} days ago",
        purge.due.len()
    );
    println!(
        "kept {} older reports that are still open ({} of them unclaimed): retention never destroys those",
        purge.kept.open, purge.kept.unclaimed
    );
    Ok(())
}
