//! The reference client for reports sealed on the device (`homeward sealed-submit`): what a
//! partner app does. It checks the report by the server's own rules, asks for a ticket with the
//! routing facts only, refuses a ticket whose keys no pinned organisation vouches for, seals the
//! report and its projection to exactly the ticket's keys, and sends them.

use uuid::Uuid;

use crate::crypto::item::padded;
use crate::crypto::signing::{Signature, Statement, VerifyingKey};
use crate::crypto::{CryptoError, ItemKey, PublicKey, SealedItem, SealedKey};
use crate::domain::device::plaintext;
use crate::domain::facts::{NationalityInput, PlaceInput};
use crate::domain::report::{ConsentInput, ProjectionInput};
use crate::domain::{FieldErrors, Report, ReportInput, RoutingFactsInput};
use crate::reporting::sealed::{
    b64, DeviceItem, DeviceKey, SealedSubmission, Ticket, TicketOrganisation, TicketRecipient,
};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the report breaks the rules: {0:?}")]
    Invalid(FieldErrors),
    #[error("the ticket names organisation `{0}` without its signing key")]
    UnknownOrganisation(String),
    #[error("no pinned organisation vouches for `{0}`'s signing key")]
    Unpinned(String),
    #[error("queue `{0}`'s key lacks a valid signature from its organisation")]
    BadSignature(String),
    #[error("the ticket is malformed: {0}")]
    Malformed(&'static str),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error("serialising: {0}")]
    Serialise(#[from] serde_json::Error),
    #[error("the server answered {status}: {body}")]
    Refused { status: u16, body: String },
    #[error("reaching the server: {0}")]
    Http(#[from] reqwest::Error),
    #[error("setting up TLS: {0}")]
    Tls(#[from] rustls::Error),
}

/// What the server answers a stored report with.
#[derive(serde::Deserialize)]
pub struct Submitted {
    pub report_id: String,
    /// Shown once, to the reporter.
    pub receipt_code: secrecy::SecretString,
}

async fn post<T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    url: String,
    body: &impl serde::Serialize,
) -> Result<T, ClientError> {
    let response = client.post(url).json(body).send().await?;
    let status = response.status();
    if !status.is_success() {
        return Err(ClientError::Refused {
            status: status.as_u16(),
            body: response.text().await.unwrap_or_default(),
        });
    }
    Ok(response.json().await?)
}

/// The whole protocol against `server` (its base URL): check, ask for a ticket, check the
/// ticket against the pins, seal, submit.
pub async fn submit(
    server: &str,
    pins: &[VerifyingKey],
    input: ReportInput,
) -> Result<Submitted, ClientError> {
    let input = check_report(input)?;
    let client = reqwest::Client::builder()
        .tls_backend_preconfigured(crate::crypto::tls::client_config()?)
        .build()?;
    let base = server.trim_end_matches('/');
    let ticket: Ticket = post(
        &client,
        format!("{base}/api/v1/sealed/tickets"),
        &routing_facts(&input),
    )
    .await?;
    check_ticket(&ticket, pins)?;
    let sealed = seal(&ticket, &input)?;
    post(&client, format!("{base}/api/v1/sealed/reports"), &sealed).await
}

/// The routing facts of a report, and nothing else of it.
pub fn routing_facts(input: &ReportInput) -> RoutingFactsInput {
    RoutingFactsInput {
        location: PlaceInput {
            country: input.location.country.clone(),
        },
        person: NationalityInput {
            nationality: input.person.nationality.clone(),
        },
        language: input.language.clone(),
        consent: ConsentInput {
            partner_ngos: input.consent.partner_ngos,
            consulate: input.consent.consulate,
            police: input.consent.police,
        },
        indicators: input.indicators.clone(),
    }
}

/// Checks a report before it leaves the device: the server cannot.
pub fn check_report(input: ReportInput) -> Result<ReportInput, ClientError> {
    let json = serde_json::to_value(&input)?;
    Report::parse(input).map_err(ClientError::Invalid)?;
    Ok(serde_json::from_value(json)?)
}

fn organisation<'t>(
    ticket: &'t Ticket,
    id: &str,
) -> Result<(&'t TicketOrganisation, VerifyingKey), ClientError> {
    let org = ticket
        .organisations
        .iter()
        .find(|o| o.id == id)
        .ok_or_else(|| ClientError::UnknownOrganisation(id.to_owned()))?;
    let key = org
        .signing_key
        .as_deref()
        .and_then(|k| VerifyingKey::parse(k).ok())
        .ok_or_else(|| ClientError::UnknownOrganisation(id.to_owned()))?;
    Ok((org, key))
}

/// An organisation is vouched for when its signing key is pinned, or when a pinned key (the
/// desk organisation's) countersigned it.
fn vouched(org: &TicketOrganisation, key: &VerifyingKey, pins: &[VerifyingKey]) -> bool {
    if pins.contains(key) {
        return true;
    }
    let Some(signature) = org
        .countersignature
        .as_deref()
        .and_then(|s| Signature::parse(s).ok())
    else {
        return false;
    };
    let statement = Statement::Organisation {
        id: &org.id,
        kind: &org.kind,
        country: &org.country,
        key,
    };
    pins.iter().any(|pin| pin.verifies(&statement, &signature))
}

/// Refuses a ticket unless every key in it is signed by its organisation and every
/// organisation is vouched for by a pinned key.
pub fn check_ticket(ticket: &Ticket, pins: &[VerifyingKey]) -> Result<(), ClientError> {
    let all = ticket
        .audiences
        .ngo
        .iter()
        .chain(&ticket.audiences.projection);
    for r in all {
        if r.recipient != format!("queue:{}", r.queue) {
            return Err(ClientError::Malformed("recipient"));
        }
        let (org, org_key) = organisation(ticket, &r.organisation)?;
        if !vouched(org, &org_key, pins) {
            return Err(ClientError::Unpinned(org.id.clone()));
        }
        let key = PublicKey::parse(&r.public_key)?;
        let signed = r
            .signature
            .as_deref()
            .and_then(|s| Signature::parse(s).ok())
            .is_some_and(|s| {
                org_key.verifies(
                    &Statement::QueueKey {
                        queue: &r.queue,
                        kind: &r.kind,
                        key: &key,
                    },
                    &s,
                )
            });
        if !signed {
            return Err(ClientError::BadSignature(r.queue.clone()));
        }
    }
    Ok(())
}

/// Seals one item (format 1, under a fresh key) to every recipient the ticket names for it.
pub fn seal_one(
    kind: &str,
    (report, item): (Uuid, Uuid),
    plaintext: &[u8],
    recipients: &[TicketRecipient],
) -> Result<DeviceItem, ClientError> {
    let key = ItemKey::generate();
    let sealed = SealedItem::seal(&key, report, item, plaintext)?;
    let keys = recipients
        .iter()
        .map(|r| {
            let public = PublicKey::parse(&r.public_key)?;
            let copy = SealedKey::seal(&public, &key, report, item)?;
            Ok(DeviceKey {
                recipient: r.recipient.clone(),
                public_key: r.public_key.clone(),
                enc: b64(&copy.enc),
                sealed_key: b64(&copy.ciphertext),
            })
        })
        .collect::<Result<_, ClientError>>()?;
    Ok(DeviceItem {
        kind: kind.to_owned(),
        id: item.to_string(),
        format: sealed.format,
        nonce: b64(&sealed.nonce),
        ciphertext: b64(&sealed.ciphertext),
        keys,
    })
}

/// The report and its projection, sealed on the device to the ticket's keys.
pub fn seal(ticket: &Ticket, input: &ReportInput) -> Result<SealedSubmission, ClientError> {
    let id = |s: &str| Uuid::parse_str(s).map_err(|_| ClientError::Malformed("id"));
    let report = id(&ticket.report_id)?;
    let projection = ProjectionInput::of(input)?;
    let items = vec![
        seal_one(
            "report",
            (report, id(&ticket.items.report)?),
            &padded(&zeroize::Zeroizing::new(plaintext("report", input)?)),
            &ticket.audiences.ngo,
        )?,
        seal_one(
            "projection",
            (report, id(&ticket.items.projection)?),
            &padded(&zeroize::Zeroizing::new(plaintext(
                "projection",
                &projection,
            )?)),
            &ticket.audiences.projection,
        )?,
    ];
    Ok(SealedSubmission {
        ticket: ticket.ticket.clone(),
        items,
    })
}
