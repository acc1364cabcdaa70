//! The ids of destroyed reports, kept beside the server secrets and outside the database, one per
//! line. A backup restored later may still hold a report destroyed since it was taken; the restore
//! reads this list and destroys those reports again, so a destruction survives a restore.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct DestroyedList {
    path: PathBuf,
}

impl DestroyedList {
    pub fn new(path: PathBuf) -> DestroyedList {
        DestroyedList { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds `ids` and makes them durable. Called before the reports go, so that a crash between
    /// the two leaves an id listed whose report a later pass or a restore destroys.
    pub fn record<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> std::io::Result<()> {
        let mut lines = String::new();
        for id in ids {
            lines.push_str(id);
            lines.push('\n');
        }
        if lines.is_empty() {
            return Ok(());
        }
        crate::store::private_file::append(&self.path, lines.as_bytes())
    }

    /// Every id listed; a missing file lists none.
    pub fn read(&self) -> std::io::Result<BTreeSet<String>> {
        match std::fs::read_to_string(&self.path) {
            Ok(text) => Ok(text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeSet::new()),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_appended_and_read_back_once_each() {
        let dir = std::env::temp_dir().join(format!("homeward-destroyed-{}", std::process::id()));
        let list = DestroyedList::new(dir.join("destroyed.txt"));
        assert!(list.read().map(|ids| ids.is_empty()).unwrap_or(false));
        assert!(list.record(["a", "b"]).is_ok());
        assert!(list.record(["b", "c"]).is_ok());
        let ids = list.read().unwrap_or_default();
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["a", "b", "c"]);
        let _ = std::fs::remove_dir_all(dir);
    }
}
