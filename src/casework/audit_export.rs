//! Exports the audit chain's head off the server on a timer: to a file (which `homeward audit
//! verify --checkpoint` reads) and, if configured, to a webhook. Whoever rewrites the log after
//! an export must also reach where the head went. Every replica may run it: the file only moves
//! forward. A file whose head the log no longer holds (rewritten, truncated, or restored from an
//! older backup) is evidence: it is left as it is, the export stops and says so every time,
//! until a person looks and moves the file aside.

use std::path::PathBuf;
use std::time::Duration;

use crate::config::AuditSettings;
use crate::store::clock::every;
use crate::trust::audit::{Audit, Checkpoint};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("reading the head: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("writing {path}: {error}")]
    File { path: String, error: std::io::Error },
    #[error("the webhook: {0}")]
    Webhook(String),
    /// The last exported head is not in the log any more, or not as it was.
    #[error("the audit log no longer holds the head exported to {path} (seq {seq}): it was rewritten, truncated or restored; the file is kept as evidence, move it aside once looked into")]
    Diverged { path: String, seq: i64 },
}

/// Sends the audit chain's head off the server: to `file`, and to the configured webhook.
pub struct Exporter {
    audit: Audit,
    file: PathBuf,
    webhook: Option<(reqwest::Client, String)>,
}

impl Exporter {
    pub fn new(
        settings: &AuditSettings,
        audit: Audit,
        file: PathBuf,
    ) -> Result<Exporter, ExportError> {
        let webhook = match &settings.checkpoint_webhook {
            Some(url) => Some((
                reqwest::Client::builder()
                    .tls_backend_preconfigured(
                        crate::crypto::tls::client_config()
                            .map_err(|e| ExportError::Webhook(e.to_string()))?,
                    )
                    .timeout(Duration::from_secs(20))
                    .build()
                    .map_err(|e| ExportError::Webhook(e.to_string()))?,
                url.clone(),
            )),
            None => None,
        };
        Ok(Exporter {
            audit,
            file,
            webhook,
        })
    }

    /// Writes the current head to the file and posts it to the webhook; `None` while the log is
    /// empty.
    pub async fn export_once(&self) -> Result<Option<Checkpoint>, ExportError> {
        let Some(head) = self.audit.checkpoint().await? else {
            return Ok(None);
        };
        let previous = std::fs::read_to_string(&self.file)
            .ok()
            .and_then(|text| Checkpoint::parse(&text));
        if let Some(previous) = previous {
            if !self.audit.holds(&previous).await? {
                return Err(ExportError::Diverged {
                    path: self.file.display().to_string(),
                    seq: previous.seq,
                });
            }
            // Another replica wrote a later head meanwhile.
            if previous.seq > head.seq {
                return Ok(Some(previous));
            }
        }
        crate::store::private_file::replace(&self.file, head.to_text().as_bytes()).map_err(
            |error| ExportError::File {
                path: self.file.display().to_string(),
                error,
            },
        )?;
        if let Some((client, url)) = &self.webhook {
            let body = serde_json::json!({
                "seq": head.seq,
                "mac": head.mac_hex(),
                "checkpoint": head.to_text().trim(),
            });
            let response = client
                .post(url)
                .json(&body)
                .send()
                .await
                .map_err(|e| ExportError::Webhook(e.without_url().to_string()))?;
            if !response.status().is_success() {
                return Err(ExportError::Webhook(format!(
                    "answered {}",
                    response.status().as_u16()
                )));
            }
        }
        Ok(Some(head))
    }

    pub fn spawn(self, interval: Duration) {
        tokio::spawn(every(interval, async move || {
            match self.export_once().await {
                Ok(Some(head)) => tracing::info!(seq = head.seq, "audit checkpoint exported"),
                Ok(None) => {}
                Err(e) => tracing::error!(error = %e, "audit checkpoint export failed"),
            }
        }));
    }
}
