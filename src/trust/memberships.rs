//! Each queue's membership as last seen, kept beside the server secrets and outside the database:
//! a fingerprint of the queue's key and of who holds a copy of it. A restore compares the restored
//! database's memberships with these and holds every queue that differs (or that this server has
//! no record of) out of routing until its coordinator confirms it: someone removed after the
//! backup must not silently regain a queue by way of the restore. The running server rewrites the
//! file at start, whenever its own store reports a change of key holders, and every minute (for
//! changes made by other replicas).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::store::clock::every_or_when;
use crate::store::{Membership, Store};

/// A short, stable digest of a membership.
pub fn fingerprint(membership: &Membership) -> String {
    let mut hash = Sha256::new();
    hash.update(membership.queue.as_bytes());
    hash.update([0]);
    hash.update(&membership.public_key);
    for holder in &membership.holders {
        hash.update([0]);
        hash.update(holder.as_bytes());
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, Clone)]
pub struct MembershipRecord {
    path: PathBuf,
}

impl MembershipRecord {
    pub fn new(path: PathBuf) -> MembershipRecord {
        MembershipRecord { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the record with these memberships, whole.
    pub fn write(&self, memberships: &[Membership]) -> std::io::Result<()> {
        let mut text = String::from("# queue fingerprint: written by homeward, read by restore\n");
        for m in memberships {
            text.push_str(&format!("{} {}\n", m.queue, fingerprint(m)));
        }
        crate::store::private_file::replace(&self.path, text.as_bytes())
    }

    /// Queue id -> fingerprint; a missing file records nothing.
    pub fn read(&self) -> std::io::Result<BTreeMap<String, String>> {
        match std::fs::read_to_string(&self.path) {
            Ok(text) => Ok(text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once(' '))
                .map(|(q, f)| (q.to_owned(), f.trim().to_owned()))
                .collect()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(e),
        }
    }

    /// Rewrites the record from the database now, on every change `store` is told of, and every
    /// `interval`.
    pub fn spawn(self, store: Store, interval: Duration) {
        let changes = store.membership_changes();
        tokio::spawn(every_or_when(interval, changes, async move || {
            let written = match store.memberships().await {
                Ok(memberships) => self.write(&memberships).map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            if let Err(e) = written {
                tracing::error!(error = %e, "recording queue memberships failed");
            }
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn membership(holders: &[&str]) -> Membership {
        Membership {
            queue: "ngo-kh".into(),
            public_key: vec![7; 32],
            holders: holders.iter().map(|h| (*h).to_owned()).collect(),
        }
    }

    #[test]
    fn a_holder_more_or_less_changes_the_fingerprint() {
        let two = fingerprint(&membership(&["a", "b"]));
        assert_eq!(two, fingerprint(&membership(&["a", "b"])));
        assert_ne!(two, fingerprint(&membership(&["a"])));
        assert_ne!(two, fingerprint(&membership(&["a", "b", "c"])));
    }

    #[test]
    fn the_record_is_replaced_whole_and_read_back() {
        let dir = std::env::temp_dir().join(format!("homeward-members-{}", std::process::id()));
        let record = MembershipRecord::new(dir.join("memberships.txt"));
        assert!(record.read().map(|m| m.is_empty()).unwrap_or(false));
        assert!(record.write(&[membership(&["a"])]).is_ok());
        assert!(record.write(&[membership(&["a", "b"])]).is_ok());
        let read = record.read().unwrap_or_default();
        assert_eq!(
            read.get("ngo-kh"),
            Some(&fingerprint(&membership(&["a", "b"])))
        );
        assert_eq!(read.len(), 1);
        let _ = std::fs::remove_dir_all(dir);
    }
}
