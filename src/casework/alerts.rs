//! Alerts without content: when critical reports wait unclaimed past their acknowledgement target,
//! say so to a webhook (a Signal or Matrix bridge) and by email, naming only the queue and the
//! count. Each queue is alerted about at most once per `repeat_minutes`, across replicas.

use std::sync::Arc;
use std::time::Duration;

use fluent_bundle::FluentArgs;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use serde::Serialize;

use crate::config::{AlertSettings, SmtpSettings};
use crate::locale::Catalogs;
use crate::store::clock::every;
use crate::store::{now, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum AlertError {
    #[error("alerts: {0}")]
    Config(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

struct Mail {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    to: Vec<Mailbox>,
}

/// The JSON a webhook receives.
#[derive(Serialize)]
struct WebhookBody<'a> {
    queue: &'a str,
    overdue_critical: i64,
    text: &'a str,
}

pub struct Alerter {
    store: Store,
    catalogs: Arc<Catalogs>,
    language: String,
    webhook: Option<(reqwest::Client, String)>,
    mail: Option<Mail>,
    critical_secs: i64,
    repeat_secs: i64,
}

fn mailbox(address: &str) -> Result<Mailbox, AlertError> {
    address
        .parse()
        .map_err(|_| AlertError::Config(format!("not an email address: {address}")))
}

fn mail(smtp: &SmtpSettings) -> Result<Mail, AlertError> {
    let builder = if smtp.starttls {
        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)
            .map_err(|e| AlertError::Config(format!("smtp: {e}")))?
    } else {
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
    };
    let mut builder = builder
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(20)));
    if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            password.expose_secret().to_owned(),
        ));
    }
    Ok(Mail {
        transport: builder.build(),
        from: mailbox(&smtp.from)?,
        to: smtp
            .to
            .iter()
            .map(|a| mailbox(a))
            .collect::<Result<_, _>>()?,
    })
}

impl Alerter {
    /// `None` when neither a webhook nor SMTP is configured.
    pub fn new(
        settings: &AlertSettings,
        store: Store,
        catalogs: Arc<Catalogs>,
        language: &str,
        critical_minutes: i64,
    ) -> Result<Option<Alerter>, AlertError> {
        if settings.webhook_url.is_none() && settings.smtp.is_none() {
            return Ok(None);
        }
        let webhook = match &settings.webhook_url {
            Some(url) => {
                let tls = crate::crypto::tls::client_config()
                    .map_err(|e| AlertError::Config(format!("webhook: {e}")))?;
                let client = reqwest::Client::builder()
                    .tls_backend_preconfigured(tls)
                    .timeout(Duration::from_secs(20))
                    .build()
                    .map_err(|e| AlertError::Config(format!("webhook: {e}")))?;
                Some((client, url.clone()))
            }
            None => None,
        };
        let mail = settings.smtp.as_ref().map(mail).transpose()?;
        Ok(Some(Alerter {
            store,
            catalogs,
            language: language.to_owned(),
            webhook,
            mail,
            critical_secs: critical_minutes * 60,
            repeat_secs: settings.repeat_minutes * 60,
        }))
    }

    /// Checks every queue once and sends what is due; returns how many alerts went out.
    pub async fn check(&self) -> Result<usize, AlertError> {
        let at = now();
        let mut sent = 0;
        for (queue, count) in self.store.overdue_critical(at - self.critical_secs).await? {
            if !self.store.claim_alert(&queue, at, self.repeat_secs).await? {
                continue;
            }
            let mut args = FluentArgs::new();
            args.set("queue", queue.as_str());
            args.set("count", count);
            let text = self
                .catalogs
                .text(&self.language, "alert-overdue", Some(&args));
            self.send(&queue, count, &text).await;
            sent += 1;
        }
        Ok(sent)
    }

    /// Delivery failures are logged, not retried: the next check after `repeat_minutes` tries
    /// again if the reports still wait.
    async fn send(&self, queue: &str, count: i64, text: &str) {
        if let Some((client, url)) = &self.webhook {
            let body = WebhookBody {
                queue,
                overdue_critical: count,
                text,
            };
            match client.post(url).json(&body).send().await {
                Ok(r) if r.status().is_success() => tracing::info!(queue, "alert posted"),
                Ok(r) => {
                    tracing::warn!(queue, status = r.status().as_u16(), "alert webhook refused")
                }
                Err(e) => tracing::warn!(queue, error = %e, "alert webhook failed"),
            }
        }
        if let Some(mail) = &self.mail {
            for to in &mail.to {
                let message = Message::builder()
                    .from(mail.from.clone())
                    .to(to.clone())
                    .subject(text)
                    .body(text.to_owned());
                let outcome = match message {
                    Ok(message) => mail
                        .transport
                        .send(message)
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                match outcome {
                    Ok(()) => tracing::info!(queue, "alert mailed"),
                    Err(e) => tracing::warn!(queue, error = %e, "alert mail failed"),
                }
            }
        }
    }

    /// Checks every `interval` for as long as the runtime lives.
    pub fn spawn(self, interval: Duration) {
        tokio::spawn(every(interval, async move || {
            if let Err(e) = self.check().await {
                tracing::error!(error = %e, "alert check failed");
            }
        }));
    }
}
