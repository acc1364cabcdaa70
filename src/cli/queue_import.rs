//! `homeward queue import`: a coordinator's one import of a queue's private key (what the
//! workspace's import form does), read from the key file `org init` wrote rather than pasted,
//! so the key is never copied by hand. It goes to the server over its TLS once, as the form's
//! would; from then on the server keeps it only sealed to the coordinator's account (and, given
//! on, to the members'). Returns how many sealed copies the server made. The client comes from
//! `api_session::client`, which sends nothing to a server that fails `api_session::safe_for_keys`.

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::cli::api_session::{refused, url, SessionError};
use crate::crypto::PrivateKey;

pub async fn import(
    client: &reqwest::Client,
    server: &str,
    token: &SecretString,
    queue: &str,
    key: &PrivateKey,
) -> Result<u64, SessionError> {
    let body =
        Zeroizing::new(serde_json::json!({ "private_key": key.to_text().as_str() }).to_string());
    let response = client
        .post(url(server, &format!("/api/v1/queues/{queue}/key")))
        .header("Authorization", format!("Bearer {}", token.expose_secret()))
        .header("Content-Type", "application/json")
        .body(body.as_bytes().to_vec())
        .send()
        .await?;
    if !response.status().is_success() {
        return Err(refused(response).await);
    }
    let text = response.text().await?;
    Ok(serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v["count"].as_u64())
        .unwrap_or_default())
}
