//! A command's own session on the server, for the commands that send a key (`queue import`):
//! the coordinator types their password and current code at the command, which logs in, does its
//! calls and logs out. No session token is copied out of a terminal or left in a file, and the
//! password goes nowhere a key may not (`queue_import::safe_for_keys`).

use std::io::{BufRead, IsTerminal, Write};

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::cli::queue_import::ImportError;

/// What the person typed to log in.
pub struct Credentials {
    username: String,
    password: SecretString,
    code: SecretString,
}

impl Credentials {
    /// Asks for `username`'s password (hidden) and current code on a terminal; without one,
    /// reads them as two lines of standard input, for scripts.
    pub fn ask(username: &str) -> anyhow::Result<Self> {
        let (password, code) = if std::io::stdin().is_terminal() {
            let password = rpassword::prompt_password(format!("password of {username}: "))?;
            let mut err = std::io::stderr();
            write!(err, "current code from the authenticator app: ")?;
            err.flush()?;
            (password, line()?)
        } else {
            (line()?, line()?)
        };
        Ok(Self {
            username: username.to_owned(),
            password: SecretString::from(password),
            code: SecretString::from(code.trim().to_owned()),
        })
    }
}

fn line() -> anyhow::Result<String> {
    let mut line = Zeroizing::new(String::new());
    if std::io::stdin().lock().read_line(&mut line)? == 0 {
        anyhow::bail!(
            "standard input ended before the password and the current code (one line each)"
        );
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

/// A client for calls that carry a secret: the platform's TLS roots and no redirect, which
/// would send the secret on to wherever it points. Refuses a server that is not
/// `safe_for_keys`.
pub fn client(server: &str) -> Result<reqwest::Client, ImportError> {
    if !crate::cli::queue_import::safe_for_keys(server) {
        return Err(ImportError::Insecure(server.to_owned()));
    }
    Ok(reqwest::Client::builder()
        .tls_backend_preconfigured(crate::crypto::tls::client_config()?)
        .redirect(reqwest::redirect::Policy::none())
        .build()?)
}

fn url(server: &str, path: &str) -> String {
    format!("{}{path}", server.trim_end_matches('/'))
}

/// Logs in; the session's token.
pub async fn log_in(
    client: &reqwest::Client,
    server: &str,
    who: &Credentials,
) -> Result<SecretString, ImportError> {
    let body = Zeroizing::new(
        serde_json::json!({
            "username": who.username,
            "password": who.password.expose_secret(),
            "code": who.code.expose_secret(),
        })
        .to_string(),
    );
    let response = client
        .post(url(server, "/api/v1/session"))
        .header("Content-Type", "application/json")
        .body(body.as_bytes().to_vec())
        .send()
        .await?;
    let status = response.status();
    let text = Zeroizing::new(response.text().await.unwrap_or_default());
    if !status.is_success() {
        return Err(ImportError::Refused {
            status: status.as_u16(),
            body: text.to_string(),
        });
    }
    serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| {
            v["token"]
                .as_str()
                .map(|t| SecretString::from(t.to_owned()))
        })
        .ok_or(ImportError::Refused {
            status: status.as_u16(),
            body: "the answer held no session token".to_owned(),
        })
}

/// Ends the session. A failure is only reported: the session expires on its own.
pub async fn log_out(client: &reqwest::Client, server: &str, token: &SecretString) {
    let ended = client
        .delete(url(server, "/api/v1/session"))
        .header("Authorization", format!("Bearer {}", token.expose_secret()))
        .send()
        .await;
    if !ended.is_ok_and(|r| r.status().is_success()) {
        eprintln!("logging out failed: the session ends on its own when it expires");
    }
}
