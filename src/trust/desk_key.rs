//! The desk organisation's verifying key roots every chain: whoever changes it in the routing
//! file (and holds the database) could countersign an organisation key of their own. Each start
//! records the key's fingerprint in the audit log; the first is pinned, a different one later is
//! a change, audited with the one it replaced and announced on every workspace for a while, so
//! that coordinators ask the desk before certifying anyone or importing a key.

use crate::crypto::identity::fingerprint;
use crate::crypto::signing::VerifyingKey;
use crate::store::{Store, StoreError};
use crate::trust::audit::Audit;

pub const DESK_KEY_PINNED: &str = "desk_key_pinned";
pub const DESK_KEY_CHANGED: &str = "desk_key_changed";

/// The key's fingerprint as the audit log and the workspace show it; `none` without a desk key.
pub fn desk_key_fingerprint(key: Option<&VerifyingKey>) -> String {
    key.map_or_else(|| "none".to_owned(), fingerprint)
}

/// Records `key` against the last one recorded. Returns whether it changed.
pub async fn record_desk_key(
    store: &Store,
    audit: &Audit,
    key: Option<&VerifyingKey>,
) -> Result<bool, StoreError> {
    let now = format!("key:{}", desk_key_fingerprint(key));
    let last = store
        .last_audited_subject(&[DESK_KEY_PINNED, DESK_KEY_CHANGED])
        .await?;
    let Some(last) = last else {
        audit.record("config", DESK_KEY_PINNED, &now).await?;
        return Ok(false);
    };
    let before = last.split(' ').next().unwrap_or_default();
    if before == now {
        return Ok(false);
    }
    tracing::warn!("the desk organisation's key changed since the last start");
    audit
        .record("config", DESK_KEY_CHANGED, &format!("{now} was:{before}"))
        .await?;
    Ok(true)
}
