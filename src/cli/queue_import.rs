//! `homeward queue import`: a coordinator's one import of a queue's private key (what the
//! workspace's import form does), read from the key file `org init` wrote rather than pasted,
//! so the key is never copied by hand. It goes to the server over its TLS once, as the form's
//! would; from then on the server keeps it only sealed to the coordinator's account (and, given
//! on, to the members'). Returns how many sealed copies the server made. The client comes from
//! `api_session::client`, which sends nothing to a server that fails `safe_for_keys`.

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
    #[error("refusing to send a queue's private key to {0}: use https (http only to this machine or an onion address)")]
    Insecure(String),
}

/// Whether `server` is an address a private key may go to: https, or http to this machine or
/// an onion service (whose own transport is encrypted).
pub(crate) fn safe_for_keys(server: &str) -> bool {
    let Ok(url) = url::Url::parse(server) else {
        return false;
    };
    match (url.scheme(), url.host()) {
        ("https", Some(_)) => true,
        ("http", Some(url::Host::Domain(domain))) => {
            domain == "localhost" || domain.ends_with(".onion")
        }
        ("http", Some(url::Host::Ipv4(ip))) => ip.is_loopback(),
        ("http", Some(url::Host::Ipv6(ip))) => ip.is_loopback(),
        _ => false,
    }
}

pub async fn import(
    client: &reqwest::Client,
    server: &str,
    token: &SecretString,
    queue: &str,
    key: &PrivateKey,
) -> Result<u64, ImportError> {
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

#[cfg(test)]
mod tests {
    use super::safe_for_keys;

    #[test]
    fn a_key_goes_over_https_or_to_this_machine_only() {
        for good in [
            "https://report.example.org",
            "http://127.0.0.1:8080",
            "http://[::1]:8080/",
            "http://localhost:8080",
            "http://abcdefghijklmnop.onion",
        ] {
            assert!(safe_for_keys(good), "{good}");
        }
        for bad in [
            "http://report.example.org",
            "http://10.0.0.5:8080",
            "ftp://report.example.org",
            "report.example.org",
            "",
        ] {
            assert!(!safe_for_keys(bad), "{bad}");
        }
    }
}
