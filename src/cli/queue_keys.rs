//! `homeward queue keygen`: one more queue key pair, signed by the organisation's signing key,
//! for a queue added after `org init` or a rotation. The private key goes to a file (0600) for the
//! offline safe; the public key and the signature are printed as the lines the routing file
//! takes, or as JSON.

use std::path::Path;

use serde::Serialize;

use crate::crypto::signing::Statement;
use crate::crypto::KeyPair;
use crate::domain::QueueKind;

use super::key_files::{read_signing_key, write_key, KeyFileError};

#[derive(Debug, Serialize)]
pub struct QueueKey {
    pub queue: String,
    pub kind: &'static str,
    pub public_key: String,
    pub signature: String,
    pub private_key_file: String,
}

pub fn keygen(
    queue: &str,
    kind: QueueKind,
    signing_key: &Path,
    out: &Path,
) -> Result<QueueKey, KeyFileError> {
    let signer = read_signing_key(signing_key)?;
    let pair = KeyPair::generate();
    let signature = signer.sign(&Statement::QueueKey {
        queue,
        kind: kind.as_str(),
        key: &pair.public,
    });
    write_key(
        out,
        &format!("queue {queue}: its private key (hwsk1.). Offline safe only, never on the server"),
        &pair.private.to_text(),
    )?;
    Ok(QueueKey {
        queue: queue.to_owned(),
        kind: kind.as_str(),
        public_key: pair.public.to_text(),
        signature: signature.to_text(),
        private_key_file: out.display().to_string(),
    })
}
