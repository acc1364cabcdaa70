//! The demo desk: so that the first run works, a fresh SQLite install bound to loopback with no
//! desk declared gets a demo organisation and a demo desk. Its private key is written once to a
//! 0600 file under the data folder; the server warns at every start while it is in use, and
//! refuses it on PostgreSQL, on a public address and in `check-config --production`.

use std::path::{Path, PathBuf};

use secrecy::SecretString;

use crate::crypto::{KeyPair, PrivateKey, PublicKey};
use crate::domain::QueueKind;
use crate::triage::routing::Queue;
use crate::triage::RoutingConfig;

pub const ORGANISATION: &str = "homeward-demo";
pub const DESK: &str = "demo-desk";

pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join("demo-desk.key")
}

/// The demo desk's public key, if a demo key file exists.
pub fn existing_public_key(data_dir: &Path) -> Option<PublicKey> {
    let text = std::fs::read_to_string(key_path(data_dir)).ok()?;
    PrivateKey::parse(&text).ok().map(|k| k.public_key())
}

/// Adds the demo organisation and desk to `config`, making the key file on the first run.
pub fn install(config: &mut RoutingConfig, data_dir: &Path) -> anyhow::Result<PathBuf> {
    let path = key_path(data_dir);
    let public = match existing_public_key(data_dir) {
        Some(public) => public,
        None => {
            let pair = KeyPair::generate();
            let text = SecretString::from(format!("{}\n", pair.private.to_text().as_str()));
            crate::operations::secrets::write_new(&path, &text)?;
            pair.public
        }
    };
    config.queues.push(Queue {
        id: DESK.into(),
        organisation: ORGANISATION.into(),
        kind: QueueKind::Desk,
        public_key: public,
        signature: None,
        countries: Vec::new(),
        nationalities: Vec::new(),
        languages: Vec::new(),
        demo: true,
    });
    Ok(path)
}
