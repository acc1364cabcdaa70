//! What an organisation's offline signing key does besides `org init`: a lone signing key
//! (`org keygen`, written to a file), the desk organisation's countersignature of another
//! organisation (`org countersign`, from the file that organisation sent), and the certificate of
//! an organisation's first coordinator or of a further operator (`org certify`).

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::crypto::signing::{Signature, SigningKey, Statement, VerifyingKey};
use crate::domain::{CountryCode, OrganisationKind};

use super::key_files::{read_signing_key, write_key, KeyFileError};
use super::send_file::{OrganisationFile, SendFileError};

#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    #[error(transparent)]
    KeyFile(#[from] KeyFileError),
    #[error(transparent)]
    SendFile(#[from] SendFileError),
    #[error("{0}")]
    Refused(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// A new signing key, written to `out` (0600, never over a file). Returns the verifying key.
pub fn keygen(out: &Path) -> Result<VerifyingKey, SigningError> {
    let key = SigningKey::generate();
    write_key(
        out,
        "an organisation's signing key (hwok1.). Offline safe only, never on the server",
        &key.to_text(),
    )?;
    Ok(key.verifying_key())
}

/// Whom a countersignature is for: the file the organisation sent, or its values one by one.
pub enum Countersignee {
    File(PathBuf),
    Values {
        id: String,
        kind: OrganisationKind,
        country: CountryCode,
        verifying_key: VerifyingKey,
    },
}

#[derive(Debug, Serialize)]
pub struct Countersigned {
    pub organisation: String,
    pub kind: &'static str,
    pub country: String,
    pub verifying_key: String,
    pub countersignature: String,
    /// The organisation's file with the countersignature added, when asked for.
    pub written: Option<PathBuf>,
    /// The organisation is the desk organisation itself, which needs no countersignature.
    pub own_key: bool,
}

/// The desk organisation countersigns another organisation, offline. With `out`, the
/// organisation's file is written there again with the countersignature in it, so the operator
/// receives one file with everything.
///
/// `fingerprint` is what the organisation read to the desk's signer: the key is countersigned
/// only if it is that key's, so that a file swapped on its way (through the operator, say) is
/// refused. The desk organisation's own key needs none.
pub fn countersign(
    desk_key: &Path,
    whom: Countersignee,
    out: Option<&Path>,
    fingerprint: Option<&str>,
) -> Result<Countersigned, SigningError> {
    let desk = read_signing_key(desk_key)?;
    let (file, id, kind, country, key) = match whom {
        Countersignee::File(path) => {
            let file = OrganisationFile::read(&path)?;
            let o = &file.organisation;
            let values = (o.id.clone(), o.kind, o.country, o.signing_key.clone());
            (Some(file), values.0, values.1, values.2, values.3)
        }
        Countersignee::Values {
            id,
            kind,
            country,
            verifying_key,
        } => (None, id, kind, country, verifying_key),
    };
    // Harmless, and a script or a page may ask for it: said, not refused.
    let own_key = key == desk.verifying_key();
    if !own_key {
        match fingerprint {
            None => {
                return Err(SigningError::Refused(
                    "--fingerprint: the fingerprint of the organisation's verifying key, as the \
                     organisation read it to you in person or by phone (its `org init` printed \
                     it), so that a key swapped on the way is not countersigned"
                        .to_owned(),
                ))
            }
            Some(typed) if !crate::crypto::identity::fingerprint_matches(typed, &key) => {
                return Err(SigningError::Refused(format!(
                    "the key of {id} is not the one whose fingerprint the organisation read to \
                     you: it may have been swapped on the way. Countersign nothing; ask {id} \
                     for its file again, directly"
                )))
            }
            Some(_) => {}
        }
    }
    let signature = desk.sign(&Statement::Organisation {
        id: &id,
        kind: kind.as_str(),
        country: country.as_str(),
        key: &key,
    });
    let written = match (file, out) {
        (Some(mut file), Some(out)) => {
            file.countersignature = Some(signature.clone());
            if out.exists() {
                return Err(SigningError::Refused(format!(
                    "{} exists already: name a new file for the countersigned copy",
                    out.display()
                )));
            }
            std::fs::write(out, file.to_json()).map_err(|source| SigningError::Io {
                path: out.display().to_string(),
                source,
            })?;
            Some(out.to_path_buf())
        }
        (None, Some(_)) => {
            return Err(SigningError::Refused(
                "--out writes the organisation's file countersigned: give it with --from".into(),
            ))
        }
        (_, None) => None,
    };
    Ok(Countersigned {
        organisation: id,
        kind: kind.as_str(),
        country: country.as_str().to_owned(),
        verifying_key: key.to_text(),
        countersignature: signature.to_text(),
        written,
        own_key,
    })
}

/// Whom a certificate is for.
pub struct Certify<'a> {
    pub organisation: &'a str,
    pub account: &'a str,
    pub username: &'a str,
    pub role: &'a str,
    pub identity: &'a VerifyingKey,
}

/// An organisation certifies one of its accounts (or the desk organisation, a further operator).
pub fn certify(signing_key: &Path, whom: &Certify<'_>) -> Result<Signature, SigningError> {
    let signer = read_signing_key(signing_key)?;
    Ok(signer.sign(&Statement::Member {
        organisation: whom.organisation,
        account: whom.account,
        username: whom.username,
        role: whom.role,
        identity: whom.identity,
    }))
}
