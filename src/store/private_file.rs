//! Files only their owner may read (mode 0600): the server secrets, the demo key, and what a
//! restore must remember beside them. Each write is made durable before it returns.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

fn open(path: &Path, options: &mut OpenOptions) -> std::io::Result<File> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    options.open(path)
}

fn write_synced(mut file: File, bytes: &[u8]) -> std::io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes a new file; never overwrites one.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_synced(open(path, OpenOptions::new().create_new(true))?, bytes)
}

/// Appends to the file, making it if needed.
pub fn append(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_synced(
        open(path, OpenOptions::new().append(true).create(true))?,
        bytes,
    )
}

/// Replaces the file whole: a fresh file beside it, renamed over it, so a reader sees the old
/// content or the new, never part of either.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Named for this process and this write: replicas sharing a volume never write, or rename
    // away, each other's fresh file.
    let fresh = path.with_extension(format!(
        "new.{}.{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    write_synced(
        open(&fresh, OpenOptions::new().create(true).truncate(true))?,
        bytes,
    )?;
    std::fs::rename(&fresh, path)
}
