//! `homeward audit`: check the tamper-evident log (against a checkpoint kept off the server, if
//! given), or print its head to keep somewhere off the server.

use std::path::PathBuf;

use crate::config::Settings;
use crate::store::Store;
use crate::trust::audit::{Audit, Checkpoint, Verdict};

/// What to do with the log.
pub enum AuditTask {
    Verify { checkpoint: Option<PathBuf> },
    Checkpoint,
}

pub async fn audit(settings: Settings, task: AuditTask) -> anyhow::Result<()> {
    let store = Store::connect(&settings.database.url, 1).await?;
    let outcome = run(&settings, &store, task).await;
    store.close().await;
    outcome
}

async fn run(settings: &Settings, store: &Store, task: AuditTask) -> anyhow::Result<()> {
    // The schema first: before `migrate`, that is what is missing, whatever else is.
    super::schema::require_current(store).await?;
    let secrets = crate::operations::secrets::load_or_create(&settings.secrets_path(), false)?;
    let audit = Audit::new(store.clone(), secrets.audit_key);
    match task {
        AuditTask::Checkpoint => {
            match audit.checkpoint().await? {
                Some(head) => print!("{}", head.to_text()),
                None => println!("the audit log is empty"),
            }
            Ok(())
        }
        AuditTask::Verify { checkpoint } => {
            let checkpoint = match checkpoint {
                Some(path) => Some(
                    Checkpoint::parse(&std::fs::read_to_string(&path)?)
                        .ok_or_else(|| anyhow::anyhow!("{}: not a checkpoint", path.display()))?,
                ),
                None => None,
            };
            match audit.verify(checkpoint.as_ref()).await? {
                Verdict::Intact { entries } => {
                    println!("audit log intact: {entries} entries");
                    Ok(())
                }
                Verdict::Broken { seq, reason } => {
                    Err(anyhow::anyhow!("audit log broken at entry {seq}: {reason}"))
                }
            }
        }
    }
}
