//! `homeward org init`, on an organisation's own machine (the desk organisation's included):
//! its signing key and its queues' key pairs as files in one folder meant for an offline safe
//! (mode 0700, each file 0600, with a README.txt saying what each is for), and the one public
//! file to send the operator (`send_file`). Nothing secret is printed.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::crypto::signing::{SigningKey, Statement};
use crate::crypto::KeyPair;
use crate::domain::{CountryCode, OrganisationKind, QueueKind};

use super::key_files::write_key;
use super::send_file::{
    one_line, slug_ok, Organisation, OrganisationFile, QueueDeclaration, SendFileError,
};

/// The name of the signing key's file in the folder.
pub const SIGNING_KEY_FILE: &str = "signing.key";
/// The name of the file to send, when no other is asked for.
pub const SEND_FILE: &str = "send-to-operator.json";

/// A queue asked for on the command line: `ID:KIND`, then `:countries=KH,TH`,
/// `:nationalities=IN`, `:languages=km,en` as wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueSpec {
    pub id: String,
    pub kind: QueueKind,
    pub countries: Vec<CountryCode>,
    pub nationalities: Vec<CountryCode>,
    pub languages: Vec<String>,
}

impl QueueSpec {
    pub fn parse(text: &str) -> Result<QueueSpec, String> {
        let mut parts = text.split(':');
        let id = parts.next().unwrap_or_default().trim().to_owned();
        if !slug_ok(&id) {
            return Err(format!(
                "`{text}`: the queue id comes first, in a-z, 0-9 and -"
            ));
        }
        let kind = parts.next().unwrap_or_default().trim();
        let kind = QueueKind::parse(kind).ok_or_else(|| {
            format!("`{text}`: after the id, the kind: desk, ngo, consulate or police")
        })?;
        let mut spec = QueueSpec {
            id,
            kind,
            countries: Vec::new(),
            nationalities: Vec::new(),
            languages: Vec::new(),
        };
        for part in parts {
            let (name, list) = part.split_once('=').ok_or_else(|| {
                format!("`{part}`: say countries=…, nationalities=… or languages=…")
            })?;
            match name.trim() {
                "countries" => spec.countries = codes(list)?,
                "nationalities" => spec.nationalities = codes(list)?,
                "languages" => {
                    spec.languages = items(list).map(|l| l.to_ascii_lowercase()).collect()
                }
                other => return Err(format!("`{other}`: countries, nationalities or languages")),
            }
        }
        Ok(spec)
    }
}

fn items(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn codes(list: &str) -> Result<Vec<CountryCode>, String> {
    items(list)
        .map(|c| CountryCode::parse(c).map_err(|_| format!("`{c}`: not a country code")))
        .collect()
}

/// What `org init` is asked to make.
pub struct OrgInit<'a> {
    pub folder: &'a Path,
    /// Where the file for the operator goes; default: in the folder.
    pub send_file: Option<&'a Path>,
    pub id: &'a str,
    pub name: &'a str,
    pub kind: OrganisationKind,
    pub country: CountryCode,
    pub contact: &'a str,
    pub queues: &'a [QueueSpec],
}

#[derive(Debug, Serialize)]
pub struct QueueKeyFile {
    pub queue: String,
    pub file: PathBuf,
}

/// What it made, for the summary (paths and public values only).
#[derive(Debug, Serialize)]
pub struct Made {
    pub folder: PathBuf,
    pub signing_key_file: PathBuf,
    pub queue_key_files: Vec<QueueKeyFile>,
    pub readme: PathBuf,
    pub send_file: PathBuf,
    pub verifying_key: String,
    /// The verifying key's fingerprint, which the organisation reads to the desk organisation's
    /// signer (not through the operator), who types it into `org countersign`.
    pub fingerprint: String,
}

#[derive(Debug, thiserror::Error)]
pub enum OrgInitError {
    #[error("{0}")]
    Refused(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    KeyFile(#[from] super::key_files::KeyFileError),
    #[error(transparent)]
    SendFile(#[from] SendFileError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OrgInitError + '_ {
    move |source| OrgInitError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Makes the folder (0700) or takes an empty one; refuses one that holds anything, so no key is
/// ever written over.
fn private_folder(folder: &Path) -> Result<(), OrgInitError> {
    if folder.exists() {
        let mut entries = std::fs::read_dir(folder).map_err(io(folder))?;
        if entries.next().is_some() {
            return Err(OrgInitError::Refused(format!(
                "{} is not empty: `org init` writes keys only into a new or empty folder, and \
                 never over a key (an organisation made its keys already? its signing key is \
                 in that folder's {SIGNING_KEY_FILE})",
                folder.display()
            )));
        }
    } else {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(folder).map_err(io(folder))?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
            .map_err(io(folder))?;
    }
    Ok(())
}

pub fn org_init(args: &OrgInit<'_>) -> Result<Made, OrgInitError> {
    if !slug_ok(args.id) {
        return Err(OrgInitError::Refused(
            "--id: use a-z, 0-9 and - (the id the operator registers)".into(),
        ));
    }
    // Checked as the operator's `queue declare` will check the file, before any key is made: a
    // name it would refuse would leave a folder of keys for a file nobody can declare.
    one_line(args.name, true).map_err(|e| OrgInitError::Refused(format!("--name {e}")))?;
    one_line(args.contact, false).map_err(|e| OrgInitError::Refused(format!("--contact {e}")))?;
    for (i, q) in args.queues.iter().enumerate() {
        if args.queues[..i].iter().any(|p| p.id == q.id) {
            return Err(OrgInitError::Refused(format!(
                "queue {} is named twice",
                q.id
            )));
        }
        if q.kind.organisation_kind() != args.kind {
            return Err(OrgInitError::Refused(format!(
                "queue {}: a {} queue belongs to an organisation of kind {}, and this one is {}",
                q.id,
                q.kind.as_str(),
                q.kind.organisation_kind().as_str(),
                args.kind.as_str()
            )));
        }
    }
    private_folder(args.folder)?;
    let send_file = args
        .send_file
        .map_or_else(|| args.folder.join(SEND_FILE), Path::to_path_buf);
    if send_file.exists() {
        return Err(OrgInitError::Refused(format!(
            "{} exists already: choose another --send-file",
            send_file.display()
        )));
    }
    let signer = SigningKey::generate();
    let organisation = Organisation {
        id: args.id.to_owned(),
        name: args.name.to_owned(),
        kind: args.kind,
        country: args.country,
        contact: args.contact.to_owned(),
        signing_key: signer.verifying_key(),
    };
    let pairs: Vec<(&QueueSpec, KeyPair)> = args
        .queues
        .iter()
        .map(|q| (q, KeyPair::generate()))
        .collect();
    let declarations: Vec<QueueDeclaration> = pairs
        .iter()
        .map(|(q, pair)| QueueDeclaration {
            id: q.id.clone(),
            kind: q.kind,
            public_key: pair.public.clone(),
            signature: signer.sign(&Statement::QueueKey {
                queue: &q.id,
                kind: q.kind.as_str(),
                key: &pair.public,
            }),
            countries: q.countries.clone(),
            nationalities: q.nationalities.clone(),
            languages: q.languages.clone(),
        })
        .collect();
    for d in &declarations {
        d.check_routing().map_err(OrgInitError::Refused)?;
    }
    let file = OrganisationFile {
        organisation,
        queues: declarations,
        countersignature: None,
    };

    let signing_key_file = args.folder.join(SIGNING_KEY_FILE);
    write_key(
        &signing_key_file,
        &format!(
            "{} ({}): the organisation's signing key (hwok1.). Offline safe only; see README.txt",
            args.name, args.id
        ),
        &signer.to_text(),
    )?;
    let mut queue_key_files = Vec::new();
    for (q, pair) in &pairs {
        let path = args.folder.join(queue_key_file(&q.id));
        write_key(
            &path,
            &format!(
                "queue {} of {}: its private key (hwsk1.). Offline safe only; see README.txt",
                q.id, args.id
            ),
            &pair.private.to_text(),
        )?;
        queue_key_files.push(QueueKeyFile {
            queue: q.id.clone(),
            file: path,
        });
    }
    crate::store::private_file::create_new(&send_file, file.to_json().as_bytes())
        .map_err(io(&send_file))?;
    let readme = args.folder.join("README.txt");
    let text = readme_text(args, &file, &send_file);
    crate::store::private_file::create_new(&readme, text.as_bytes()).map_err(io(&readme))?;
    Ok(Made {
        folder: args.folder.to_path_buf(),
        signing_key_file,
        queue_key_files,
        readme,
        send_file,
        verifying_key: file.organisation.signing_key.to_text(),
        fingerprint: crate::crypto::identity::fingerprint(&file.organisation.signing_key),
    })
}

/// The file name of a queue's private key in the folder.
pub fn queue_key_file(queue: &str) -> String {
    format!("queue-{queue}.key")
}

fn readme_text(args: &OrgInit<'_>, file: &OrganisationFile, send_file: &Path) -> String {
    let made = time::OffsetDateTime::now_utc().date();
    let is_desk = file.queues.iter().any(|q| q.kind == QueueKind::Desk);
    let mut text = format!(
        "Homeward keys of {name} ({id}), made on {made} by `homeward org init`.\n\
         \n\
         THIS FOLDER BELONGS IN AN OFFLINE SAFE: an encrypted USB stick kept locked away, say.\n\
         Never put it on the Homeward server, and keep it off machines that are online every day.\n\
         Keep two copies in two places: a lost signing key means new keys for every queue.\n\
         \n\
         {SIGNING_KEY_FILE}\n    \
         The organisation's signing key (begins hwok1.). It signs the organisation's queue keys,\n    \
         and certifies its first coordinator: `homeward org certify --signing-key {SIGNING_KEY_FILE} …`\n    \
         (the workspace shows that command with the coordinator's values).\n",
        name = args.name,
        id = args.id,
    );
    if is_desk {
        text.push_str(
            "    This is the desk organisation's key: it also countersigns every other organisation\n    \
             (`homeward org countersign --desk-key signing.key --from THEIR-FILE --fingerprint …`), so whoever\n    \
             holds it vouches for every organisation that receives reports.\n",
        );
    }
    for q in &file.queues {
        text.push_str(&format!(
            "\n{file}\n    \
             Queue {id}'s private key (begins hwsk1.; kind {kind}). It opens every report the queue\n    \
             receives. A coordinator imports it once in the workspace, or gives members their copy\n    \
             with `homeward queue grant --queue-key {file} …`.\n",
            file = queue_key_file(&q.id),
            id = q.id,
            kind = q.kind.as_str(),
        ));
    }
    let send_name = send_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    text.push_str(&format!(
        "\n{send_name}\n    \
         PUBLIC, nothing secret in it: the verifying key, the queues' public keys and the\n    \
         signatures. Send this one file to the operator{desk}.\n\
         \n\
         README.txt\n    \
         This file.\n\
         \n\
         Read this fingerprint of the verifying key to the desk organisation's signer yourself, in\n\
         person or by phone (not through the operator, who passes the file on): they type it into\n\
         `homeward org countersign`, which refuses a file whose key is not the one you read.\n    \
         {fingerprint}\n",
        desk = if is_desk {
            ""
        } else {
            ", and to the desk organisation, which countersigns it"
        },
        fingerprint = crate::crypto::identity::fingerprint(&file.organisation.signing_key),
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queue_spec_reads_its_id_kind_and_routing() {
        let spec = QueueSpec::parse("consulate-in:consular:nationalities=IN:languages=hi,en");
        let spec = spec.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(spec.kind, QueueKind::Consular);
        assert_eq!(spec.nationalities.len(), 1);
        assert_eq!(spec.languages, ["hi", "en"]);
        assert!(QueueSpec::parse("desk").is_err());
        assert!(QueueSpec::parse("Desk:desk").is_err());
        assert!(QueueSpec::parse("kh:ngo:regions=KH").is_err());
        assert!(QueueSpec::parse("kh:ngo:countries=XX").is_err());
    }
}
