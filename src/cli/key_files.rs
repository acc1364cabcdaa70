//! Key files: what every key-making command writes and every key-taking command reads. A key
//! file is one comment line saying what the key is, then the key's text (`hwok1.…` and the
//! like); reading skips `#` lines and surrounding whitespace and takes exactly one key, so a
//! file a command wrote is always accepted, and anything else is refused naming the prefix it
//! should have started with.

use std::path::Path;

use zeroize::Zeroizing;

use crate::crypto::signing::{SigningKey, VerifyingKey};
use crate::crypto::PrivateKey;

use super::send_file::OrganisationFile;

/// The kinds of key a file may hold, with the prefix of each and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Signing,
    Verifying,
    QueuePrivate,
    QueuePublic,
}

impl KeyKind {
    const ALL: [KeyKind; 4] = [
        KeyKind::Signing,
        KeyKind::Verifying,
        KeyKind::QueuePrivate,
        KeyKind::QueuePublic,
    ];

    pub fn prefix(self) -> &'static str {
        match self {
            KeyKind::Signing => "hwok1.",
            KeyKind::Verifying => "hwov1.",
            KeyKind::QueuePrivate => "hwsk1.",
            KeyKind::QueuePublic => "hwpk1.",
        }
    }

    fn name(self) -> &'static str {
        match self {
            KeyKind::Signing => "an organisation's signing key",
            KeyKind::Verifying => "a verifying key",
            KeyKind::QueuePrivate => "a queue's private key",
            KeyKind::QueuePublic => "a queue's public key",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            KeyKind::Signing => {
                "an organisation's signing key (signing.key, from `homeward org init` or `org keygen`)"
            }
            KeyKind::Verifying => {
                "a verifying key (an organisation's, as its send-to-operator.json holds it, or an \
                 account's identity key)"
            }
            KeyKind::QueuePrivate => {
                "a queue's private key (queue-ID.key, from `homeward org init` or `queue keygen`)"
            }
            KeyKind::QueuePublic => "a queue's public key",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("{path}: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: expected {}, a line beginning {}; {found}", .expected.describe(), .expected.prefix())]
    Wrong {
        path: String,
        expected: KeyKind,
        found: String,
    },
    #[error("{path} exists already: a key file is never overwritten; choose another name")]
    Exists { path: String },
    #[error("{path}: {source}")]
    Unwritable {
        path: String,
        source: std::io::Error,
    },
}

/// The one key line of a key file's text: `#` lines and blank lines skipped, whitespace trimmed.
fn key_line(text: &str) -> Result<&str, String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    match lines.as_slice() {
        [one] => Ok(one),
        [] => Err("found no key in it".into()),
        more => Err(format!(
            "found {} lines besides comments where one key was expected",
            more.len()
        )),
    }
}

/// What a line that is not the expected key is, to say so.
fn found(line: &str) -> String {
    match KeyKind::ALL.iter().find(|k| line.starts_with(k.prefix())) {
        Some(kind) => format!("found {} ({}) instead", kind.name(), kind.prefix()),
        None => "found something else".into(),
    }
}

fn read(path: &Path) -> Result<Zeroizing<String>, KeyFileError> {
    std::fs::read_to_string(path)
        .map(Zeroizing::new)
        .map_err(|source| KeyFileError::Unreadable {
            path: path.display().to_string(),
            source,
        })
}

fn parse_file<T>(
    path: &Path,
    expected: KeyKind,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, KeyFileError> {
    let text = read(path)?;
    let wrong = |found: String| KeyFileError::Wrong {
        path: path.display().to_string(),
        expected,
        found,
    };
    let line = key_line(&text).map_err(wrong)?;
    if !line.starts_with(expected.prefix()) {
        return Err(wrong(found(line)));
    }
    parse(line).ok_or_else(|| wrong("it begins right but the key in it is damaged".into()))
}

/// An organisation's signing key, from the file that `org init` or `org keygen` wrote.
pub fn read_signing_key(path: &Path) -> Result<SigningKey, KeyFileError> {
    parse_file(path, KeyKind::Signing, |l| SigningKey::parse(l).ok())
}

/// A queue's private key, from the file that `org init` or `queue keygen` wrote.
pub fn read_queue_key(path: &Path) -> Result<PrivateKey, KeyFileError> {
    parse_file(path, KeyKind::QueuePrivate, |l| PrivateKey::parse(l).ok())
}

/// An organisation's verifying key given on the command line as its text (`hwov1.…`), or as a
/// file holding it: a verifying key file, or the file `org init` makes to send the operator.
pub fn verifying_key(given: &str) -> Result<VerifyingKey, KeyFileError> {
    let given = given.trim();
    if given.starts_with(KeyKind::Verifying.prefix()) {
        return VerifyingKey::parse(given).map_err(|_| KeyFileError::Wrong {
            path: "the key given".into(),
            expected: KeyKind::Verifying,
            found: "it begins right but the key in it is damaged".into(),
        });
    }
    let path = Path::new(given);
    if !path.exists() {
        return Err(KeyFileError::Wrong {
            path: given.to_owned(),
            expected: KeyKind::Verifying,
            found: "it is neither such a key nor a file".into(),
        });
    }
    if let Ok(file) = OrganisationFile::read(path) {
        return Ok(file.organisation.signing_key);
    }
    parse_file(path, KeyKind::Verifying, |l| VerifyingKey::parse(l).ok())
}

/// Writes a new key file (mode 0600; never over an existing file): `what` on a comment line,
/// then the key.
pub fn write_key(path: &Path, what: &str, key: &str) -> Result<(), KeyFileError> {
    if path.exists() {
        return Err(KeyFileError::Exists {
            path: path.display().to_string(),
        });
    }
    let text = Zeroizing::new(format!("# {what}\n{key}\n"));
    crate::store::private_file::create_new(path, text.as_bytes()).map_err(|source| {
        KeyFileError::Unwritable {
            path: path.display().to_string(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_writer_writes_is_read_back_and_a_bare_key_with_spaces_too() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let key = SigningKey::generate();
        let path = dir.path().join("signing.key");
        write_key(&path, "a signing key", &key.to_text()).unwrap_or_else(|e| panic!("{e}"));
        let read = read_signing_key(&path).map(|k| k.verifying_key());
        assert_eq!(read.ok(), Some(key.verifying_key()));
        let bare = dir.path().join("bare.key");
        std::fs::write(&bare, format!("  {}  \r\n\n", key.to_text().as_str()))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(read_signing_key(&bare).is_ok());
        assert!(matches!(
            write_key(&path, "again", "x"),
            Err(KeyFileError::Exists { .. })
        ));
    }

    #[test]
    fn the_wrong_key_is_named_with_the_prefix_expected() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let key = SigningKey::generate();
        let path = dir.path().join("public.key");
        std::fs::write(&path, key.verifying_key().to_text()).unwrap_or_else(|e| panic!("{e}"));
        let message = read_signing_key(&path).err().map(|e| e.to_string());
        let message = message.unwrap_or_default();
        assert!(message.contains("beginning hwok1."), "{message}");
        assert!(
            message.contains("verifying key (hwov1.) instead"),
            "{message}"
        );
        let prose = dir.path().join("prose.txt");
        std::fs::write(
            &prose,
            format!("SIGNING KEY: keep it\n{}\n", key.to_text().as_str()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let message = read_signing_key(&prose).err().map(|e| e.to_string());
        assert!(message.unwrap_or_default().contains("2 lines"));
    }
}
