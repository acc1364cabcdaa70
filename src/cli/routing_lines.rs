//! `homeward queue declare`: the operator's side of an organisation's file. Its queues become
//! `[[queue]]` blocks of the routing file (and, for the desk organisation, `desk_signing_key`),
//! written into the file or printed, so that no key is copied out of a terminal. The result is
//! read back as the server reads it before it replaces the old file.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::domain::QueueKind;
use crate::triage::RoutingConfig;

use super::send_file::{breaks_line, OrganisationFile};

#[derive(Debug, thiserror::Error)]
pub enum DeclareError {
    #[error("{0}")]
    Refused(String),
    #[error("the routing file as it is: {0}")]
    Current(crate::triage::file::ConfigMistake),
    #[error("the routing file with these queues would not load (nothing was written): {0}")]
    Result(crate::triage::file::ConfigMistake),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

#[derive(Debug, Serialize)]
pub struct Declared {
    pub routing_file: PathBuf,
    /// Queues written now.
    pub added: Vec<String>,
    /// Queues the file declared already, with the same key.
    pub already: Vec<String>,
    /// Whether the desk organisation's verifying key was written now.
    pub desk_signing_key_added: bool,
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// Text for a `#` comment line: a line break would end the comment and let the rest be read as
/// TOML (a `[[queue]]` block no signature covers), so every character that could break the
/// line, or hide in it, is shown as U+FFFD. The organisation's file refuses such a name already
/// (`send_file::one_line`); this holds even for a file made some other way.
fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if breaks_line(c) { '\u{FFFD}' } else { c })
        .collect()
}

fn list<T: AsRef<str>>(items: &[T]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quoted(i.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

/// The desk organisation's verifying key line, if the file is the desk organisation's.
pub fn desk_line(file: &OrganisationFile) -> Option<String> {
    file.queues
        .iter()
        .any(|q| q.kind == QueueKind::Desk)
        .then(|| {
            format!(
                "desk_signing_key = {}  # {} ({}): vouches for every organisation\n",
                quoted(&file.organisation.signing_key.to_text()),
                comment(&file.organisation.name),
                comment(&file.organisation.id)
            )
        })
}

/// The `[[queue]]` blocks for the file's queues, or for those named in `only`.
pub fn queue_blocks(file: &OrganisationFile, only: Option<&[String]>) -> String {
    let mut text = String::new();
    for q in &file.queues {
        if only.is_some_and(|only| !only.contains(&q.id)) {
            continue;
        }
        let codes = |list: &[crate::domain::CountryCode]| {
            list.iter()
                .map(|c| c.as_str().to_owned())
                .collect::<Vec<_>>()
        };
        text.push_str(&format!(
            "\n# {name} ({org}): queue {id}, from the organisation's own file\n\
             [[queue]]\n\
             id = {id_q}\n\
             organisation = {org_q}\n\
             kind = {kind}\n\
             public_key = {key}\n\
             signature = {signature}\n\
             countries = {countries}\n\
             nationalities = {nationalities}\n\
             languages = {languages}\n",
            name = comment(&file.organisation.name),
            org = comment(&file.organisation.id),
            id = comment(&q.id),
            id_q = quoted(&q.id),
            org_q = quoted(&file.organisation.id),
            kind = quoted(q.kind.as_str()),
            key = quoted(&q.public_key.to_text()),
            signature = quoted(&q.signature.to_text()),
            countries = list(&codes(&q.countries)),
            nationalities = list(&codes(&q.nationalities)),
            languages = list(&q.languages),
        ));
    }
    text
}

/// Everything the routing file needs from the organisation's file, as text to paste or print.
pub fn all_lines(file: &OrganisationFile) -> String {
    let mut text = desk_line(file).unwrap_or_default();
    text.push_str(&queue_blocks(file, None));
    text
}

/// Writes the organisation's queues (and the desk organisation's key) into the routing file.
/// Queues declared already with the same key are left alone; with another key, or a second
/// desk, or another desk organisation's key, nothing is written.
pub fn declare(file: &OrganisationFile, routing_file: &Path) -> Result<Declared, DeclareError> {
    let io = |source| DeclareError::Io {
        path: routing_file.display().to_string(),
        source,
    };
    let (text, current) = if routing_file.exists() {
        let text = std::fs::read_to_string(routing_file).map_err(io)?;
        let current = RoutingConfig::load(routing_file).map_err(DeclareError::Current)?;
        (text, current)
    } else {
        (
            "# Homeward routing file: the queues, written by `homeward queue declare`.\n"
                .to_owned(),
            RoutingConfig::default(),
        )
    };
    let mut added = Vec::new();
    let mut already = Vec::new();
    for q in &file.queues {
        match current.queues.iter().find(|c| c.id == q.id) {
            Some(c) if c.public_key == q.public_key && c.organisation == file.organisation.id => {
                already.push(q.id.clone())
            }
            Some(_) => {
                return Err(DeclareError::Refused(format!(
                    "queue {} is declared already with another key or organisation: a new key \
                     for a queue is a rotation (the workspace's Rotate), not a declaration",
                    q.id
                )))
            }
            None => {
                if q.kind == QueueKind::Desk {
                    if let Some(desk) = current.desk() {
                        return Err(DeclareError::Refused(format!(
                            "the routing file declares a desk already ({}): only one desk",
                            desk.id
                        )));
                    }
                }
                added.push(q.id.clone());
            }
        }
    }
    let mut desk_signing_key_added = false;
    let mut new_text = text.clone();
    if let Some(line) = desk_line(file) {
        match &current.desk_signing_key {
            Some(key) if *key == file.organisation.signing_key => {}
            Some(_) => {
                return Err(DeclareError::Refused(
                    "the routing file names another desk organisation's key (desk_signing_key): \
                     one desk organisation vouches for all"
                        .into(),
                ))
            }
            None => {
                // A top-level key must come before the first table, or TOML reads it as the
                // table's.
                let at = first_table(&new_text).unwrap_or(new_text.len());
                let mut line = line;
                if at == new_text.len() && !new_text.ends_with('\n') && !new_text.is_empty() {
                    line.insert(0, '\n');
                }
                new_text.insert_str(at, &line);
                desk_signing_key_added = true;
            }
        }
    }
    if added.is_empty() && !desk_signing_key_added {
        return Ok(Declared {
            routing_file: routing_file.to_path_buf(),
            added,
            already,
            desk_signing_key_added,
        });
    }
    if !new_text.ends_with('\n') {
        new_text.push('\n');
    }
    new_text.push_str(&queue_blocks(file, Some(&added)));
    replace_checked(routing_file, &new_text)?;
    Ok(Declared {
        routing_file: routing_file.to_path_buf(),
        added,
        already,
        desk_signing_key_added,
    })
}

/// Where the first table header (`[x]` or `[[x]]`) starts, outside comments.
fn first_table(text: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// Writes `text` beside the file, loads it as the server would, and only then renames it over
/// the file (keeping the file's permissions): a mistake leaves the old file as it was.
fn replace_checked(path: &Path, text: &str) -> Result<(), DeclareError> {
    let io = |source| DeclareError::Io {
        path: path.display().to_string(),
        source,
    };
    let fresh = path.with_extension(format!("new.{}", std::process::id()));
    std::fs::write(&fresh, text).map_err(io)?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(&fresh, meta.permissions()).map_err(io)?;
    }
    if let Err(mistake) = RoutingConfig::load(&fresh) {
        let _ = std::fs::remove_file(&fresh);
        return Err(DeclareError::Result(mistake));
    }
    std::fs::rename(&fresh, path).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::crypto::signing::{SigningKey, Statement};
    use crate::crypto::KeyPair;
    use crate::domain::{CountryCode, OrganisationKind};
    use crate::trust::send_file::{Organisation, QueueDeclaration};

    /// A desk organisation's file whose name, made past `org init` and the file's own checks,
    /// tries to add a queue of its own to the routing file.
    fn file_named(name: &str) -> OrganisationFile {
        let signer = SigningKey::generate();
        let public = KeyPair::generate().public;
        let signature = signer.sign(&Statement::QueueKey {
            queue: "desk",
            kind: "desk",
            key: &public,
        });
        OrganisationFile {
            organisation: Organisation {
                id: "desk-org".into(),
                name: name.into(),
                kind: OrganisationKind::Ngo,
                country: CountryCode::parse("TH").unwrap_or_else(|_| panic!("TH")),
                contact: String::new(),
                signing_key: signer.verifying_key(),
            },
            queues: vec![QueueDeclaration {
                id: "desk".into(),
                kind: QueueKind::Desk,
                public_key: public,
                signature,
                countries: Vec::new(),
                nationalities: Vec::new(),
                languages: Vec::new(),
            }],
            countersignature: None,
        }
    }

    #[test]
    fn no_name_breaks_out_of_its_comment() {
        let rogue = KeyPair::generate().public.to_text();
        let injected = format!(
            "Desk Org\n[[queue]]\nid = \"rogue\"\norganisation = \"desk-org\"\nkind = \"ngo\"\n\
             public_key = \"{rogue}\"\r\n[[queue]]\u{2028}id = \"x\"\u{85}\u{1b}[2J\t#"
        );
        let text = all_lines(&file_named(&injected));
        let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{e}\n{text}"));
        let queues = table
            .get("queue")
            .and_then(toml::Value::as_array)
            .map_or(0, Vec::len);
        assert_eq!(queues, 1, "{text}");
        assert!(!text.contains('\r') && !text.contains('\t'), "{text:?}");
        assert!(!text.contains(['\u{2028}', '\u{85}', '\u{1b}']), "{text:?}");
        // The name is still there to read, one line, in both of its comments.
        let commented: Vec<&str> = text.lines().filter(|l| l.contains("Desk Org")).collect();
        assert_eq!(commented.len(), 2, "{text}");
        assert!(commented[0].starts_with("desk_signing_key = "), "{text}");
        assert!(
            commented[1].starts_with("# Desk Org\u{FFFD}[[queue]]"),
            "{text}"
        );
        assert!(!text.contains("\nid = \"rogue\""), "{text}");
    }

    #[test]
    fn an_ordinary_name_is_written_as_it_is() {
        let text = all_lines(&file_named("มูลนิธิ Desk Org"));
        assert!(
            text.contains("\n# มูลนิธิ Desk Org (desk-org): queue desk, from"),
            "{text}"
        );
    }

    #[test]
    fn the_first_table_is_found_past_comments() {
        let text = "# [[queue]] in a comment\n\n[[queue]]\nid = \"a\"\n";
        assert_eq!(first_table(text), Some(26));
        assert_eq!(first_table("# nothing\n"), None);
    }
}
