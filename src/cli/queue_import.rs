//! `homeward queue import`: a coordinator's one import of a queue's private key (what the
//! workspace's import form does), read from the key file `org init` wrote rather than pasted,
//! so the key is never copied by hand. It goes to the server over its TLS once, as the form's
//! would; from then on the server keeps it only sealed to the coordinator's account (and, given
//! on, to the members'). Returns how many sealed copies the server made.

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::crypto::PrivateKey;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the server answered {status}: {body}")]
    Refused { status: u16, body: String },
    #[error("reaching the server: {0}")]
    Http(#[from] reqwest::Error),
    #[error("setting up TLS: {0}")]
    Tls(#[from] rustls::Error),
}

pub async fn import(
    server: &str,
    token: &SecretString,
    queue: &str,
    key: &PrivateKey,
) -> Result<u64, ImportError> {
    let client = reqwest::Client::builder()
        .tls_backend_preconfigured(crate::crypto::tls::client_config()?)
        .build()?;
    let body =
        Zeroizing::new(serde_json::json!({ "private_key": key.to_text().as_str() }).to_string());
    let response = client
        .post(format!(
            "{}/api/v1/queues/{queue}/key",
            server.trim_end_matches('/')
        ))
        .header("Authorization", format!("Bearer {}", token.expose_secret()))
        .header("Content-Type", "application/json")
        .body(body.as_bytes().to_vec())
        .send()
        .await?;
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    if !status.is_success() {
        return Err(ImportError::Refused {
            status: status.as_u16(),
            body: text,
        });
    }
    Ok(serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v["count"].as_u64())
        .unwrap_or_default())
}
