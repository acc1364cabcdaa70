//! `homeward queue grant`, run on the organisation's own machine: it fetches a member's chain of
//! certificates, checks it against the organisation's verifying key as given on this machine (not
//! the server's word), seals the queue's private key to the member there and uploads only the
//! sealed copy. The private key never passes through a page or the server.

use secrecy::{ExposeSecret, SecretString};

use crate::cli::api_session::{refused, SessionError};
use crate::crypto::envelope::seal_queue_key;
use crate::crypto::signing::VerifyingKey;
use crate::crypto::{CryptoError, PrivateKey, PublicKey};
use crate::store::IdentityRow;
use crate::trust::certification::{verify_links, Gap, MemberChain};
use crate::trust::queue_keys::CopyUpload;

#[derive(Debug, thiserror::Error)]
pub enum GrantError {
    #[error("the member's chain does not reach the organisation's key: {}", .0.code())]
    Uncertified(Gap),
    #[error("the server's chain is for another account or organisation")]
    WrongChain,
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error(transparent)]
    Session(#[from] SessionError),
}

impl From<reqwest::Error> for GrantError {
    fn from(e: reqwest::Error) -> Self {
        GrantError::Session(e.into())
    }
}

/// What `homeward queue grant` needs.
pub struct Grant<'a> {
    /// `api_session::client(server)`: https, or http to this machine, and no redirect.
    pub client: &'a reqwest::Client,
    /// The server's base URL.
    pub server: &'a str,
    /// A coordinator's API session token (`POST /api/v1/session`).
    pub token: &'a SecretString,
    pub organisation: &'a str,
    /// The organisation's verifying key (`--organisation-key hwov1.`), as the organisation gives
    /// it, not as the server stores it; its signing key need not be on this machine.
    pub organisation_key: &'a VerifyingKey,
    pub queue: &'a str,
    pub queue_key: &'a PrivateKey,
    pub account: &'a str,
}

/// Checks the member's chain here and uploads a copy sealed here; returns the member's username.
pub async fn grant(g: &Grant<'_>) -> Result<String, GrantError> {
    let client = g.client;
    let base = g.server.trim_end_matches('/');
    let bearer = format!("Bearer {}", g.token.expose_secret());
    let response = client
        .get(format!("{base}/api/v1/members/{}/chain", g.account))
        .header("Authorization", &bearer)
        .send()
        .await?;
    if !response.status().is_success() {
        return Err(refused(response).await.into());
    }
    let chain: MemberChain = response.json().await?;
    let member = check(g, &chain)?;
    let sealed = seal_queue_key(&member, g.queue, g.account, g.queue_key)?;
    let upload = CopyUpload::new(g.account, &g.queue_key.public_key(), &sealed);
    let response = client
        .post(format!("{base}/api/v1/queues/{}/copies", g.queue))
        .header("Authorization", &bearer)
        .json(&upload)
        .send()
        .await?;
    if !response.status().is_success() {
        return Err(refused(response).await.into());
    }
    Ok(chain
        .links
        .first()
        .map(|l| l.username.clone())
        .unwrap_or_default())
}

/// The member's public key, once the chain the server gave checks out against our own key.
pub fn check(g: &Grant<'_>, chain: &MemberChain) -> Result<PublicKey, GrantError> {
    if chain.organisation != g.organisation
        || chain.links.first().map(|l| l.account.as_str()) != Some(g.account)
    {
        return Err(GrantError::WrongChain);
    }
    let rows: Vec<IdentityRow> = chain
        .links
        .iter()
        .map(|l| l.to_row(&chain.organisation))
        .collect();
    verify_links(g.organisation_key, &chain.organisation, &rows)
        .map(|(_, public)| public)
        .map_err(GrantError::Uncertified)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_session_token_goes_over_https_or_to_this_machine_only() {
        for server in ["http://report.example.org", "report.example.org"] {
            match crate::cli::api_session::client(server) {
                Err(crate::cli::api_session::SessionError::Insecure(named)) => {
                    assert_eq!(named, server)
                }
                Err(other) => panic!("{server}: {other}"),
                Ok(_) => panic!("{server}: a client was made"),
            }
        }
    }
}
