//! Server secrets (the HMAC pepper and the audit key), kept in a file outside the database. The
//! first start of a single SQLite server creates them (mode 0600); replicas on PostgreSQL must be
//! given the same file, and the server refuses to start there without it.

use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rand::Rng;
use secrecy::{ExposeSecret, SecretBox, SecretString};
use serde::Deserialize;

pub struct ServerSecrets {
    pub pepper: SecretBox<[u8; 32]>,
    pub audit_key: SecretBox<[u8; 32]>,
}

impl std::fmt::Debug for ServerSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerSecrets(..)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    #[error("server secrets file {0} is missing: on PostgreSQL every replica must be given the same one (`homeward init` makes it with the rest, `homeward secrets generate --out FILE` alone)")]
    Missing(String),
    #[error("server secrets file {0}: {1}")]
    Unreadable(String, String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SecretsFile {
    pepper: SecretString,
    audit_key: SecretString,
}

fn decode(
    path: &Path,
    name: &str,
    value: &SecretString,
) -> Result<SecretBox<[u8; 32]>, SecretsError> {
    let bytes = STANDARD.decode(value.expose_secret()).map_err(|_| {
        SecretsError::Unreadable(path.display().to_string(), format!("{name} is not base64"))
    })?;
    let array: [u8; 32] = bytes.as_slice().try_into().map_err(|_| {
        SecretsError::Unreadable(
            path.display().to_string(),
            format!("{name} is not 32 bytes"),
        )
    })?;
    Ok(SecretBox::new(Box::new(array)))
}

/// A fresh secrets file's text.
pub fn generate() -> SecretString {
    let key = |_: ()| {
        let mut bytes = [0u8; 32];
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(&mut bytes);
        STANDARD.encode(bytes)
    };
    SecretString::from(format!(
        "# Homeward server secrets: back this up with the database; give every replica the same file.\npepper = \"{}\"\naudit_key = \"{}\"\n",
        key(()),
        key(())
    ))
}

/// Writes a new file readable by its owner only; never overwrites one.
pub fn write_new(path: &Path, text: &SecretString) -> std::io::Result<()> {
    crate::store::private_file::create_new(path, text.expose_secret().as_bytes())
}

/// Loads the secrets; creates them only where `may_create` (a single SQLite server).
pub fn load_or_create(path: &Path, may_create: bool) -> Result<ServerSecrets, SecretsError> {
    let shown = path.display().to_string();
    if !path.exists() {
        if !may_create {
            return Err(SecretsError::Missing(shown));
        }
        write_new(path, &generate())
            .map_err(|e| SecretsError::Unreadable(shown.clone(), e.to_string()))?;
        tracing::info!(file = %shown, "created the server secrets file");
    }
    let text = SecretString::from(
        std::fs::read_to_string(path)
            .map_err(|e| SecretsError::Unreadable(shown.clone(), e.to_string()))?,
    );
    let file: SecretsFile = toml::from_str(text.expose_secret())
        .map_err(|e| SecretsError::Unreadable(shown.clone(), e.message().to_owned()))?;
    Ok(ServerSecrets {
        pepper: decode(path, "pepper", &file.pepper)?,
        audit_key: decode(path, "audit_key", &file.audit_key)?,
    })
}
