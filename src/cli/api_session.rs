//! A command's session on the server, for the commands that send a key or a sealed copy of one
//! (`queue import`, `queue grant`): either the coordinator types their password and current code
//! at the command, which logs in, does its calls and logs out, so no session token is copied out
//! of a terminal or left in a file; or a token file made by hand. Either way the password, the
//! token and the key go only where `safe_for_keys` allows.

use std::io::{BufRead, IsTerminal, Write};

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::cli::args::SessionArgs;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("refusing to send a password, a session or a key to {0}: use https (plain http only to this machine)")]
    Insecure(String),
    #[error("the server answered {status}: {body}")]
    Refused { status: u16, body: String },
    #[error("reaching the server: {0}")]
    Http(#[from] reqwest::Error),
    #[error("setting up TLS: {0}")]
    Tls(#[from] rustls::Error),
}

/// Whether `server` is an address a password or a private key may go to: https, or plain http
/// to this machine. Not plain http to an onion address: without a SOCKS proxy this client would
/// look the name up in ordinary DNS, and whoever answers would read everything sent.
pub fn safe_for_keys(server: &str) -> bool {
    let Ok(url) = url::Url::parse(server) else {
        return false;
    };
    match (url.scheme(), url.host()) {
        ("https", Some(_)) => true,
        ("http", Some(url::Host::Domain(domain))) => domain == "localhost",
        ("http", Some(url::Host::Ipv4(ip))) => ip.is_loopback(),
        ("http", Some(url::Host::Ipv6(ip))) => ip.is_loopback(),
        _ => false,
    }
}

/// A client for calls that carry a secret: Homeward's TLS configuration (the bundled webpki
/// roots) and no redirect, which would send the secret on to wherever it points; plain http to
/// this machine goes through no proxy, which would read it. Refuses a server that is not
/// `safe_for_keys`.
pub fn client(server: &str) -> Result<reqwest::Client, SessionError> {
    if !safe_for_keys(server) {
        return Err(SessionError::Insecure(server.to_owned()));
    }
    let mut builder = reqwest::Client::builder()
        .tls_backend_preconfigured(crate::crypto::tls::client_config()?)
        .redirect(reqwest::redirect::Policy::none());
    if url::Url::parse(server).is_ok_and(|u| u.scheme() == "http") {
        builder = builder.no_proxy();
    }
    Ok(builder.build()?)
}

/// `{server}{path}`.
pub fn url(server: &str, path: &str) -> String {
    format!("{}{path}", server.trim_end_matches('/'))
}

/// The error an unsuccessful answer is: its first 2,000 characters, without control
/// characters (a hostile server's answer is printed on the person's terminal).
pub async fn refused(mut response: reqwest::Response) -> SessionError {
    let status = response.status().as_u16();
    let mut read = Vec::new();
    while read.len() < 8192 {
        match response.chunk().await {
            Ok(Some(chunk)) => read.extend_from_slice(&chunk),
            _ => break,
        }
    }
    SessionError::Refused {
        status,
        body: String::from_utf8_lossy(&read)
            .chars()
            .filter(|c| !c.is_control())
            .take(2000)
            .collect(),
    }
}

/// How a command gets its session.
pub enum Login {
    /// A token from `POST /api/v1/session`, from a file: used, never ended.
    Token(SecretString),
    /// What the person typed: the command logs in and out.
    Typed {
        username: String,
        password: SecretString,
        code: SecretString,
    },
}

impl Login {
    /// From `--username` (asking for the password and current code: hidden on a terminal, two
    /// lines of standard input otherwise) or `--token-file`.
    pub fn from_flags(session: &SessionArgs) -> anyhow::Result<Self> {
        match (session.token_file.as_deref(), session.username.as_deref()) {
            (Some(file), _) => Ok(Login::Token(crate::cli::read_token(file)?)),
            (None, Some(username)) => {
                let (password, code) = if std::io::stdin().is_terminal() {
                    let password = rpassword::prompt_password(format!("password of {username}: "))?;
                    let mut err = std::io::stderr();
                    write!(err, "current code from the authenticator app: ")?;
                    err.flush()?;
                    (Zeroizing::new(password), line()?)
                } else {
                    (line()?, line()?)
                };
                Ok(Login::Typed {
                    username: username.to_owned(),
                    password: SecretString::from(password.as_str()),
                    code: SecretString::from(code.trim()),
                })
            }
            (None, None) => anyhow::bail!("give --username (or --token-file)"),
        }
    }

    /// The session's token: the file's, or a new session's.
    pub async fn start(
        &self,
        client: &reqwest::Client,
        server: &str,
    ) -> Result<SecretString, SessionError> {
        let (username, password, code) = match self {
            Login::Token(token) => return Ok(token.clone()),
            Login::Typed {
                username,
                password,
                code,
            } => (username, password, code),
        };
        let body = Zeroizing::new(
            serde_json::json!({
                "username": username,
                "password": password.expose_secret(),
                "code": code.expose_secret(),
            })
            .to_string(),
        );
        let response = client
            .post(url(server, "/api/v1/session"))
            .header("Content-Type", "application/json")
            .body(body.as_bytes().to_vec())
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(refused(response).await);
        }
        let text = Zeroizing::new(response.text().await?);
        serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v["token"].as_str().map(SecretString::from))
            .ok_or(SessionError::Refused {
                status: 201,
                body: "the answer held no session token".to_owned(),
            })
    }

    /// Ends a session this login started; a token from a file is left as it was. A failure is
    /// only said: the session expires on its own.
    pub async fn end(&self, client: &reqwest::Client, server: &str, token: &SecretString) {
        if matches!(self, Login::Token(_)) {
            return;
        }
        let ended = client
            .delete(url(server, "/api/v1/session"))
            .header("Authorization", format!("Bearer {}", token.expose_secret()))
            .send()
            .await;
        if !ended.is_ok_and(|r| r.status().is_success()) {
            eprintln!("logging out failed: the session ends on its own when it expires");
        }
    }
}

fn line() -> anyhow::Result<Zeroizing<String>> {
    let mut line = Zeroizing::new(String::new());
    if std::io::stdin().lock().read_line(&mut line)? == 0 {
        anyhow::bail!(
            "standard input ended before the password and the current code (one line each)"
        );
    }
    let end = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(end);
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::safe_for_keys;

    #[test]
    fn a_secret_goes_over_https_or_to_this_machine_only() {
        for good in [
            "https://report.example.org",
            "https://abcdefghijklmnop.onion",
            "http://127.0.0.1:8080",
            "http://[::1]:8080/",
            "http://localhost:8080",
        ] {
            assert!(safe_for_keys(good), "{good}");
        }
        for bad in [
            "http://report.example.org",
            "http://abcdefghijklmnop.onion",
            "http://10.0.0.5:8080",
            "ftp://report.example.org",
            "report.example.org",
            "",
        ] {
            assert!(!safe_for_keys(bad), "{bad}");
        }
    }
}
