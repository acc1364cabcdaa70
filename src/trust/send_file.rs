//! The one file an organisation sends the operator: public only (its verifying key, its queues'
//! public keys and its signatures over them), written by `homeward org init`, countersigned by
//! the desk organisation (`homeward org countersign --from`, which adds the countersignature),
//! and read by the operator's commands (`homeward queue declare --from` writes its queues into
//! the routing file). JSON, so a script can hand its `organisation` object to
//! `POST /api/v1/organisations` as it is.
//!
//! Reading checks everything a file can check on its own: the names, the keys' forms, each queue
//! signature against the organisation's key, and that each queue's kind fits the organisation.
//! The organisation's name and contact are the only free text, and nothing signs them: whoever
//! carries the file can change them. They are copied into comments of the routing file and key
//! files, so each must be one line (`one_line`): a line break in a name would start a line of
//! its own there, a `[[queue]]` block that no signature covers.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::crypto::signing::{Signature, Statement, VerifyingKey};
use crate::crypto::PublicKey;
use crate::domain::{CountryCode, OrganisationKind, QueueKind};

/// What the file says it is, so that another JSON file is refused for what it is.
pub const FORMAT: &str = "homeward-organisation/1";

/// The organisation as `POST /api/v1/organisations` takes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganisation {
    id: String,
    name: String,
    kind: String,
    country: String,
    #[serde(default)]
    contact: String,
    signing_key: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQueue {
    id: String,
    kind: String,
    public_key: String,
    signature: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    nationalities: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    languages: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format: String,
    organisation: RawOrganisation,
    queues: Vec<RawQueue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    countersignature: Option<String>,
}

/// The organisation, checked.
#[derive(Clone)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub country: CountryCode,
    pub contact: String,
    pub signing_key: VerifyingKey,
}

/// A queue of the organisation, checked: its signature verifies under the organisation's key.
#[derive(Clone)]
pub struct QueueDeclaration {
    pub id: String,
    pub kind: QueueKind,
    pub public_key: PublicKey,
    pub signature: Signature,
    /// Where it asks to serve (the operator decides in the routing file).
    pub countries: Vec<CountryCode>,
    pub nationalities: Vec<CountryCode>,
    pub languages: Vec<String>,
}

#[derive(Clone)]
pub struct OrganisationFile {
    pub organisation: Organisation,
    pub queues: Vec<QueueDeclaration>,
    /// The desk organisation's, once `org countersign --out` added it.
    pub countersignature: Option<Signature>,
}

#[derive(Debug, thiserror::Error)]
pub enum SendFileError {
    #[error("{path}: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not the file `homeward org init` writes for the operator: {reason}")]
    NotOne { path: String, reason: String },
    #[error("{path}: {reason}")]
    Invalid { path: String, reason: String },
}

/// a-z, 0-9 and -, as the routing file and the organisations page ask.
pub fn slug_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Longest organisation name or contact, in characters: the organisations page's own bound.
pub const LONGEST_LINE: usize = crate::domain::text::SHORT;

/// Why a name or contact is not one line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("is empty: give the name people know the organisation by")]
    Empty,
    #[error("is {0} characters long; at most {LONGEST_LINE}")]
    TooLong(usize),
    #[error(
        "holds a line break or another control character; it must be one line of plain text \
         (the routing file and the key files carry it in a comment)"
    )]
    Control,
}

/// Whether a character would end a line, or is otherwise invisible control, wherever the text
/// is written: Unicode's control characters (line feed, carriage return, tab, escape, NEL, …)
/// and its line and paragraph separators.
pub fn breaks_line(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// An organisation's name (`required`) or contact as the file, `org init` and the routing file's
/// comments take it: one line of at most `LONGEST_LINE` characters.
pub fn one_line(text: &str, required: bool) -> Result<(), LineError> {
    if required && text.trim().is_empty() {
        return Err(LineError::Empty);
    }
    let length = text.chars().count();
    if length > LONGEST_LINE {
        return Err(LineError::TooLong(length));
    }
    if text.chars().any(breaks_line) {
        return Err(LineError::Control);
    }
    Ok(())
}

fn countries(list: &[String], what: &str) -> Result<Vec<CountryCode>, String> {
    list.iter()
        .map(|c| CountryCode::parse(c).map_err(|_| format!("{what}: unknown country code `{c}`")))
        .collect()
}

impl QueueDeclaration {
    /// The routing file's rules for a queue, checked here too, so a file that passes here is
    /// one `queue declare` can write: a consulate's queue names the nationalities it serves,
    /// the police's the countries.
    pub fn check_routing(&self) -> Result<(), String> {
        if self.kind == QueueKind::Consular && self.nationalities.is_empty() {
            return Err(format!(
                "queue {}: a consulate's queue must name the nationalities it serves",
                self.id
            ));
        }
        if self.kind == QueueKind::Police && self.countries.is_empty() {
            return Err(format!(
                "queue {}: a police queue must name the countries it serves",
                self.id
            ));
        }
        Ok(())
    }
}

impl OrganisationFile {
    pub fn read(path: &Path) -> Result<OrganisationFile, SendFileError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| SendFileError::Unreadable {
            path: shown.clone(),
            source,
        })?;
        OrganisationFile::parse(&text, &shown)
    }

    /// The file from its text (`shown` names it in errors): what the organisations page reads
    /// when the operator pastes it.
    pub fn parse(text: &str, shown: &str) -> Result<OrganisationFile, SendFileError> {
        let raw: RawFile = serde_json::from_str(text).map_err(|e| SendFileError::NotOne {
            path: shown.to_owned(),
            reason: e.to_string(),
        })?;
        if raw.format != FORMAT {
            return Err(SendFileError::NotOne {
                path: shown.to_owned(),
                reason: format!("its format is `{}`, not `{FORMAT}`", raw.format),
            });
        }
        OrganisationFile::check(raw).map_err(|reason| SendFileError::Invalid {
            path: shown.to_owned(),
            reason,
        })
    }

    fn check(raw: RawFile) -> Result<OrganisationFile, String> {
        let o = raw.organisation;
        if !slug_ok(&o.id) {
            return Err("organisation.id: use a-z, 0-9 and -".into());
        }
        let kind = OrganisationKind::parse(&o.kind)
            .ok_or_else(|| format!("organisation.kind `{}`: ngo, consulate or police", o.kind))?;
        let country = CountryCode::parse(&o.country)
            .map_err(|_| format!("organisation.country `{}`: not a country code", o.country))?;
        one_line(&o.name, true).map_err(|e| format!("organisation.name {e}"))?;
        one_line(&o.contact, false).map_err(|e| format!("organisation.contact {e}"))?;
        let signing_key = VerifyingKey::parse(&o.signing_key)
            .map_err(|_| "organisation.signing_key: not an hwov1. key".to_owned())?;
        let organisation = Organisation {
            id: o.id,
            name: o.name,
            kind,
            country,
            contact: o.contact,
            signing_key,
        };
        let mut queues = Vec::new();
        for q in raw.queues {
            let queue = check_queue(&organisation, q)?;
            if queues.iter().any(|d: &QueueDeclaration| d.id == queue.id) {
                return Err(format!("queue {} is declared twice", queue.id));
            }
            queues.push(queue);
        }
        let countersignature = raw
            .countersignature
            .map(|s| {
                Signature::parse(&s)
                    .map_err(|_| "countersignature: not an hwsg1. signature".to_owned())
            })
            .transpose()?;
        Ok(OrganisationFile {
            organisation,
            queues,
            countersignature,
        })
    }

    /// The statement the desk organisation countersigns.
    pub fn statement(&self) -> Statement<'_> {
        Statement::Organisation {
            id: &self.organisation.id,
            kind: self.organisation.kind.as_str(),
            country: self.organisation.country.as_str(),
            key: &self.organisation.signing_key,
        }
    }

    /// The file's text: JSON, every kind under its printed name.
    pub fn to_json(&self) -> String {
        let o = &self.organisation;
        let raw = RawFile {
            format: FORMAT.into(),
            organisation: RawOrganisation {
                id: o.id.clone(),
                name: o.name.clone(),
                kind: o.kind.as_str().into(),
                country: o.country.as_str().into(),
                contact: o.contact.clone(),
                signing_key: o.signing_key.to_text(),
            },
            queues: self
                .queues
                .iter()
                .map(|q| RawQueue {
                    id: q.id.clone(),
                    kind: q.kind.as_str().into(),
                    public_key: q.public_key.to_text(),
                    signature: q.signature.to_text(),
                    countries: q.countries.iter().map(|c| c.as_str().into()).collect(),
                    nationalities: q.nationalities.iter().map(|c| c.as_str().into()).collect(),
                    languages: q.languages.clone(),
                })
                .collect(),
            countersignature: self.countersignature.as_ref().map(Signature::to_text),
        };
        // Strings and lists only: this cannot fail.
        let mut text = serde_json::to_string_pretty(&raw).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn check_queue(org: &Organisation, q: RawQueue) -> Result<QueueDeclaration, String> {
    if !slug_ok(&q.id) {
        return Err(format!("queue id `{}`: use a-z, 0-9 and -", q.id));
    }
    let kind = QueueKind::parse(&q.kind).ok_or_else(|| {
        format!(
            "queue {}: kind `{}`: desk, ngo, consulate or police",
            q.id, q.kind
        )
    })?;
    if kind.organisation_kind() != org.kind {
        return Err(format!(
            "queue {}: a {} queue belongs to an organisation of kind {}, not {}",
            q.id,
            kind.as_str(),
            kind.organisation_kind().as_str(),
            org.kind.as_str()
        ));
    }
    let public_key = PublicKey::parse(&q.public_key)
        .map_err(|_| format!("queue {}: public_key: not an hwpk1. key", q.id))?;
    let signature = Signature::parse(&q.signature)
        .map_err(|_| format!("queue {}: signature: not an hwsg1. signature", q.id))?;
    let statement = Statement::QueueKey {
        queue: &q.id,
        kind: kind.as_str(),
        key: &public_key,
    };
    if !org.signing_key.verifies(&statement, &signature) {
        return Err(format!(
            "queue {}: its signature does not verify under the organisation's signing key",
            q.id
        ));
    }
    let declaration = QueueDeclaration {
        countries: countries(&q.countries, &format!("queue {}", q.id))?,
        nationalities: countries(&q.nationalities, &format!("queue {}", q.id))?,
        languages: q
            .languages
            .iter()
            .map(|l| l.trim().to_ascii_lowercase())
            .collect(),
        id: q.id,
        kind,
        public_key,
        signature,
    };
    declaration.check_routing()?;
    Ok(declaration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_one_line_of_bounded_text() {
        assert_eq!(one_line("Desk Org", true), Ok(()));
        assert_eq!(one_line("มูลนิธิ ก ข ค", true), Ok(()));
        assert_eq!(one_line("", false), Ok(()));
        assert_eq!(one_line(" ", true), Err(LineError::Empty));
        for broken in [
            "NGO\n[[queue]]",
            "NGO\r[[queue]]",
            "NGO\t",
            "NGO\u{1b}[2J",
            "NGO\u{85}",
            "NGO\u{2028}x",
            "NGO\u{2029}x",
        ] {
            assert_eq!(
                one_line(broken, true),
                Err(LineError::Control),
                "{broken:?}"
            );
        }
        assert_eq!(one_line(&"a".repeat(LONGEST_LINE), true), Ok(()));
        assert_eq!(
            one_line(&"a".repeat(LONGEST_LINE + 1), true),
            Err(LineError::TooLong(LONGEST_LINE + 1))
        );
    }
}
