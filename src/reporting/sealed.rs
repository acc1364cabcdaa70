//! Reports sealed on the device (docs/sealed-intake.md). The client first sends only the routing
//! facts and gets a short-lived, single-use ticket naming the ids to bind and the keys to seal
//! to; it seals the report and its projection itself and sends the sealed items with the
//! ticket. The server checks their shape against the ticket, stores them as they are, and adds
//! only what it makes for every report: the triage reasons, the "received" status, the receipt
//! code and the reporter key.

use std::collections::BTreeSet;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::Rng;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::crypto::envelope::Suite;
use crate::crypto::item::nonce_len;
use crate::crypto::signing::Signature;
use crate::crypto::{wrap, CryptoError, PublicKey, SealedItem, SealedKey};
use crate::domain::{
    Audience, FieldErrors, ItemKind, ReceiptCode, RoutingFacts, RoutingFactsInput,
};
use crate::reporting::intake::{json, Intake, IntakeError, Receipt};
use crate::store::{now, NewItem, NewItemKey, NewReport, QueueStandingRow, StoreError};
use crate::triage::routing::Queue;
use crate::trust::accounts::Accounts;
use crate::trust::receivers::Receivers;
use crate::trust::sealing::{seal_item, Recipient};

/// How long a claimed ticket stays claimed: far longer than a derivation and a write take, and
/// short enough that a submission that crashed leaves the ticket usable again soon.
const CLAIM_SECS: i64 = 60;

/// How long a ticket stands: sealing takes a phone well under a second, and a slow link a few
/// round trips more.
pub const TICKET_SECS: i64 = 15 * 60;

/// The two items a device seals, with the audience each is sealed to.
pub const DEVICE_KINDS: [(ItemKind, Audience); 2] = [
    (ItemKind::Report, Audience::Ngo),
    (ItemKind::Projection, Audience::Projection),
];

#[derive(Debug, thiserror::Error)]
pub enum SealedError {
    #[error("invalid routing facts")]
    Facts(FieldErrors),
    /// Unknown, forged or already used: the three look the same.
    #[error("no such ticket")]
    TicketRefused,
    #[error("the ticket expired")]
    TicketExpired,
    /// A queue's key changed since the ticket was issued, so the items are sealed to an old key;
    /// or a queue it names no longer receives (its organisation suspended, say).
    #[error("the ticket's keys are no longer current")]
    TicketStale,
    #[error("the sealed items do not match the ticket")]
    Mismatch(FieldErrors),
    #[error(transparent)]
    Intake(#[from] IntakeError),
}

impl From<StoreError> for SealedError {
    fn from(e: StoreError) -> Self {
        SealedError::Intake(IntakeError::Store(e))
    }
}

impl From<CryptoError> for SealedError {
    fn from(e: CryptoError) -> Self {
        SealedError::Intake(IntakeError::Crypto(e))
    }
}

/// A routing ticket, as the client receives it.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct Ticket {
    /// A secret, shown once: sent back with the sealed items.
    pub ticket: String,
    /// Unix seconds; the ticket is refused after.
    pub expires_at: i64,
    pub report_id: String,
    /// The item id to bind into each item's associated data.
    pub items: TicketItems,
    /// The item formats this server opens: 1 (XChaCha20-Poly1305 items, HPKE with
    /// ChaCha20-Poly1305) and 2 (AES-256-GCM items, HPKE with AES-128-GCM).
    pub formats: Vec<u8>,
    /// Whom each item's key is sealed to: exactly these, no more, no fewer.
    pub audiences: TicketAudiences,
    /// The recipients' organisations, with what a client needs to check their keys.
    pub organisations: Vec<TicketOrganisation>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TicketItems {
    pub report: String,
    pub projection: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TicketAudiences {
    /// The report item's recipients: the desk and the partner NGO queues.
    pub ngo: Vec<TicketRecipient>,
    /// The projection item's recipients: those, and consular or police queues with consent.
    pub projection: Vec<TicketRecipient>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TicketRecipient {
    /// `queue:<id>`, as named in the sealed item's keys.
    pub recipient: String,
    pub queue: String,
    /// desk, ngo, consulate or police (the queue-key statement names `consulate` `consular`).
    pub kind: String,
    pub organisation: String,
    /// `hwpk1.`: the queue's current X25519 public key.
    pub public_key: String,
    /// `hwsg1.`: the organisation's Ed25519 signature over the queue key statement; absent only
    /// for the demo desk.
    pub signature: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TicketOrganisation {
    pub id: String,
    /// ngo, consulate or police.
    pub kind: String,
    pub country: String,
    /// `hwov1.`: the organisation's signing key, to compare with the pinned one.
    pub signing_key: Option<String>,
    /// `hwsg1.`: the desk organisation's countersignature over this organisation's statement.
    pub countersignature: Option<String>,
}

/// What the client sends back: the ticket and the items it sealed.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SealedSubmission {
    pub ticket: String,
    pub items: Vec<DeviceItem>,
}

// The ticket is a secret until it is spent: neither form prints it.
impl std::fmt::Debug for Ticket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ticket")
            .field("report_id", &self.report_id)
            .field("audiences", &self.audiences)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for SealedSubmission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealedSubmission")
            .field("items", &self.items)
            .finish_non_exhaustive()
    }
}

/// One item sealed on the device. Byte strings are unpadded base64url.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceItem {
    /// `report` or `projection`.
    pub kind: String,
    /// The ticket's id for this kind.
    pub id: String,
    /// 1 or 2; see the ticket's `formats`.
    pub format: u8,
    pub nonce: String,
    pub ciphertext: String,
    pub keys: Vec<DeviceKey>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceKey {
    /// `queue:<id>`, from the ticket.
    pub recipient: String,
    /// `hwpk1.`, from the ticket.
    pub public_key: String,
    /// The HPKE encapsulated key (32 bytes).
    pub enc: String,
    /// The HPKE ciphertext of the 32-byte item key (48 bytes).
    pub sealed_key: String,
}

/// What a ticket stands for, sealed under a key derived from its secret.
#[derive(Serialize, Deserialize)]
struct Plan {
    report_id: String,
    report_item: String,
    projection_item: String,
    facts: RoutingFactsInput,
    /// (recipient, `hwpk1.` key) for each audience.
    ngo: Vec<(String, String)>,
    projection: Vec<(String, String)>,
    queue_ids: Vec<String>,
}

impl Plan {
    fn item(&self, kind: ItemKind) -> Option<(&str, &[(String, String)])> {
        match kind {
            ItemKind::Report => Some((&self.report_item, &self.ngo)),
            ItemKind::Projection => Some((&self.projection_item, &self.projection)),
            _ => None,
        }
    }
}

fn plan_key(token: &str) -> Zeroizing<[u8; 32]> {
    wrap::derive_key(token.as_bytes(), b"homeward/ticket/v1")
}

const PLAN_AD: &str = "homeward/ticket-plan/v1";

pub struct SealedIntake<'a> {
    pub intake: &'a Intake,
    pub accounts: &'a Accounts,
}

fn recipient_of(row: &QueueStandingRow, q: &Queue) -> TicketRecipient {
    TicketRecipient {
        recipient: format!("queue:{}", q.id),
        queue: q.id.clone(),
        kind: row.kind.clone(),
        organisation: row.organisation_id.clone(),
        public_key: q.public_key.to_text(),
        signature: row
            .signature
            .as_deref()
            .and_then(|s| Signature::from_bytes(s).ok())
            .map(|s| s.to_text()),
    }
}

pub(crate) fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

impl SealedIntake<'_> {
    fn mac(&self, token: &str) -> Vec<u8> {
        self.accounts.mac(b"sealed-ticket", token.as_bytes())
    }

    /// Routes by the facts alone and issues a ticket for the keys they reach now.
    #[tracing::instrument(skip_all)]
    pub async fn issue(&self, input: RoutingFactsInput) -> Result<Ticket, SealedError> {
        let facts = RoutingFacts::parse(&input).map_err(SealedError::Facts)?;
        let receiving = self.intake.receiving().await?;
        let routing = self.intake.route_in(&facts, &receiving)?;
        let audiences = routing.audiences();
        let describe = |queues: &[&Queue]| -> Vec<TicketRecipient> {
            queues
                .iter()
                .filter_map(|q| receiving.queues.get(&q.id).map(|row| recipient_of(row, q)))
                .collect()
        };
        let (ngo, projection) = (describe(&audiences.ngo), describe(&audiences.projection));
        let named: BTreeSet<&str> = projection.iter().map(|r| r.organisation.as_str()).collect();
        let organisations = named
            .iter()
            .filter_map(|id| receiving.organisations.get(*id))
            .map(|o| TicketOrganisation {
                id: o.id.clone(),
                kind: o.kind.clone(),
                country: o.country.clone().unwrap_or_default(),
                signing_key: o
                    .signing_key
                    .as_deref()
                    .and_then(|k| crate::crypto::signing::VerifyingKey::from_bytes(k).ok())
                    .map(|k| k.to_text()),
                countersignature: o
                    .countersignature
                    .as_deref()
                    .and_then(|s| Signature::from_bytes(s).ok())
                    .map(|s| s.to_text()),
            })
            .collect();
        let pairs = |list: &[TicketRecipient]| -> Vec<(String, String)> {
            list.iter()
                .map(|r| (r.recipient.clone(), r.public_key.clone()))
                .collect()
        };
        let plan = Plan {
            report_id: Uuid::new_v4().to_string(),
            report_item: Uuid::new_v4().to_string(),
            projection_item: Uuid::new_v4().to_string(),
            facts: input,
            ngo: pairs(&ngo),
            projection: pairs(&projection),
            queue_ids: routing.all().map(|q| q.id.clone()).collect(),
        };
        let mut secret = Zeroizing::new([0u8; 32]);
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(secret.as_mut());
        let token = SecretString::from(b64(secret.as_ref()));
        let plaintext = json(&plan)?;
        let sealed = wrap::seal(
            &plan_key(token.expose_secret()),
            PLAN_AD.as_bytes(),
            &plaintext,
        )?;
        let at = now();
        let expires_at = at + TICKET_SECS;
        self.intake
            .store
            .create_ticket(&self.mac(token.expose_secret()), &sealed, at, expires_at)
            .await?;
        tracing::info!(recipients = plan.projection.len(), "routing ticket issued");
        Ok(Ticket {
            ticket: token.expose_secret().to_owned(),
            expires_at,
            report_id: plan.report_id,
            items: TicketItems {
                report: plan.report_item,
                projection: plan.projection_item,
            },
            formats: vec![1, 2],
            audiences: TicketAudiences { ngo, projection },
            organisations,
        })
    }

    /// Checks the sealed items against their ticket and stores them with the server's own
    /// items, spending the ticket in the same transaction. The ticket is claimed first, before
    /// the receipt code's Argon2id derivation: concurrent submissions of one ticket derive once,
    /// the others are refused at once. A submission that fails before storing releases it.
    #[tracing::instrument(skip_all, fields(priority))]
    pub async fn submit(&self, submission: &SealedSubmission) -> Result<Receipt, SealedError> {
        let mac = self.mac(&submission.ticket);
        let row = self
            .intake
            .store
            .ticket(&mac)
            .await?
            .ok_or(SealedError::TicketRefused)?;
        let at = now();
        if row.expires_at < at {
            return Err(SealedError::TicketExpired);
        }
        let until = at + CLAIM_SECS;
        if !self.intake.store.claim_ticket(&mac, at, until).await? {
            return Err(SealedError::TicketRefused);
        }
        let stored = self.store_claimed(submission, &row, mac.clone()).await;
        if stored.is_err() {
            if let Err(e) = self.intake.store.release_ticket(&mac, until).await {
                tracing::warn!(error = %e, "a claimed ticket could not be released; it lapses");
            }
        }
        stored
    }

    async fn store_claimed(
        &self,
        submission: &SealedSubmission,
        row: &crate::store::TicketRow,
        mac: Vec<u8>,
    ) -> Result<Receipt, SealedError> {
        let plaintext = wrap::open(&plan_key(&submission.ticket), PLAN_AD.as_bytes(), &row.plan)
            .map_err(|_| SealedError::TicketRefused)?;
        let plan: Plan =
            serde_json::from_slice(&plaintext).map_err(|_| SealedError::TicketRefused)?;
        let report_id = Uuid::parse_str(&plan.report_id).map_err(|_| SealedError::TicketRefused)?;
        let [report_item, projection_item] = check_items(&plan, &submission.items)?;
        // The device sealed to the queues that stood when the ticket was issued; one that no
        // longer receives (suspended, held after a restore) gets nothing new: a fresh ticket
        // routes without it.
        let receiving = Receivers {
            store: &self.intake.store,
            vouching: crate::trust::organisations::Vouching::of(&self.intake.routing),
        }
        .receiving()
        .await?;
        if !plan.queue_ids.iter().all(|q| receiving.contains(q)) {
            return Err(SealedError::TicketStale);
        }

        let facts = RoutingFacts::parse(&plan.facts).map_err(|_| SealedError::TicketRefused)?;
        let triage = self.intake.triage.assess(&facts);
        tracing::Span::current().record("priority", triage.priority.as_str());
        let ngo_keys = plan
            .ngo
            .iter()
            .map(|(name, key)| Ok((name.clone(), PublicKey::parse(key)?)))
            .collect::<Result<Vec<_>, CryptoError>>()?;
        let ngo: Vec<Recipient<'_>> = ngo_keys
            .iter()
            .map(|(name, key)| Recipient {
                name: name.clone(),
                key,
            })
            .collect();
        // Sealed on a device: the reporter's own hands, online.
        let triage_json = json(&crate::reporting::intake::TriageItem {
            triage: &triage,
            channel: crate::domain::Filing::Online.as_str(),
        })?;
        let build = |code: ReceiptCode| {
            let (ngo, triage_json, plan, mac) = (&ngo, &triage_json, &plan, &mac);
            // Cloned for each attempt: a second one happens only when a locator was taken.
            let (report_item, projection_item) = (report_item.clone(), projection_item.clone());
            async move {
                let reporter = self.intake.reporter_parts(report_id, &code, ngo).await?;
                let triage_item =
                    seal_item(report_id, ItemKind::Triage, Audience::Ngo, triage_json, ngo)?;
                let new = NewReport {
                    id: report_id,
                    locator: code.locator.as_str().to_owned(),
                    priority: triage.priority.as_str(),
                    consents: facts.consents,
                    reporter_public_key: reporter.public_key,
                    reporter_key: reporter.wrapped,
                    created_at: now(),
                    queue_ids: plan.queue_ids.clone(),
                    items: vec![report_item, triage_item, projection_item, reporter.status],
                    ticket: Some(mac.clone()),
                };
                let receipt = Receipt {
                    report_id,
                    code: code.display(),
                    priority: triage.priority,
                };
                Ok((new, receipt))
            }
        };
        // The device sealed to the ticket's keys: a rotated one needs a new ticket.
        let reseal = false;
        self.intake
            .store_under_fresh_code(build, reseal)
            .await
            .map_err(|e| match e {
                IntakeError::Store(StoreError::QueueKeyChanged) => SealedError::TicketStale,
                IntakeError::Store(StoreError::TicketSpent) => SealedError::TicketRefused,
                e => e.into(),
            })
    }
}

/// The device's items as they will be stored, or every way they differ from the ticket.
fn check_items(plan: &Plan, items: &[DeviceItem]) -> Result<[NewItem; 2], SealedError> {
    let mut errors = FieldErrors::default();
    let mut found: [Option<NewItem>; 2] = [None, None];
    for (i, item) in items.iter().enumerate() {
        // The wire names the kind as stored; only the two a device seals are taken.
        let Some(slot) = DEVICE_KINDS
            .iter()
            .position(|(k, _)| k.as_str() == item.kind)
        else {
            errors.push(format!("items.{i}.kind"), "invalid_value");
            continue;
        };
        if found[slot].is_some() {
            errors.push(format!("items.{i}.kind"), "duplicate_field");
            continue;
        }
        found[slot] = device_item(plan, slot, item, &format!("items.{i}"), &mut errors);
    }
    if items.len() < DEVICE_KINDS.len() && errors.is_empty() {
        errors.push("items", "required");
    }
    match found {
        [Some(report), Some(projection)] if errors.is_empty() => Ok([report, projection]),
        _ => Err(SealedError::Mismatch(errors)),
    }
}

fn bytes(text: &str, len: impl Fn(usize) -> bool) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok().filter(|b| len(b.len()))
}

/// One device item checked against the ticket: its id, format, sizes and exactly the ticket's
/// recipients. What it says cannot be checked here; the open path does that.
fn device_item(
    plan: &Plan,
    slot: usize,
    item: &DeviceItem,
    at: &str,
    errors: &mut FieldErrors,
) -> Option<NewItem> {
    let (kind, audience) = DEVICE_KINDS[slot];
    let (id, recipients) = plan.item(kind)?;
    let before = errors.0.len();
    let id = match Uuid::parse_str(&item.id) {
        Ok(parsed) if item.id == id => Some(parsed),
        _ => {
            errors.push(format!("{at}.id"), "not_in_ticket");
            None
        }
    };
    let suite = Suite::of_format(item.format);
    if suite.is_none() {
        errors.push(format!("{at}.format"), "invalid_value");
    }
    let nonce = nonce_len(item.format).and_then(|n| bytes(&item.nonce, |l| l == n));
    if nonce.is_none() {
        errors.push(format!("{at}.nonce"), "invalid_value");
    }
    let ciphertext = bytes(&item.ciphertext, |l| l >= 16);
    if ciphertext.is_none() {
        errors.push(format!("{at}.ciphertext"), "invalid_value");
    }
    let declared: BTreeSet<(&str, &str)> = item
        .keys
        .iter()
        .map(|k| (k.recipient.as_str(), k.public_key.as_str()))
        .collect();
    let expected: BTreeSet<(&str, &str)> = recipients
        .iter()
        .map(|(r, k)| (r.as_str(), k.as_str()))
        .collect();
    if declared != expected || declared.len() != item.keys.len() {
        errors.push(format!("{at}.keys"), "not_in_ticket");
    }
    let mut keys = Vec::new();
    for (k, key) in item.keys.iter().enumerate() {
        let enc = bytes(&key.enc, |l| l == 32);
        let sealed = bytes(&key.sealed_key, |l| l == 48);
        let public = PublicKey::parse(&key.public_key).ok();
        match (enc, sealed, public, suite) {
            (Some(enc), Some(ciphertext), Some(public), Some(suite)) => keys.push(NewItemKey {
                recipient: key.recipient.clone(),
                recipient_key: public.to_bytes(),
                sealed: SealedKey {
                    suite,
                    enc,
                    ciphertext,
                },
            }),
            // A key cannot be read without its format; the format's error is enough.
            (_, _, _, None) => {}
            _ => errors.push(format!("{at}.keys.{k}"), "invalid_value"),
        }
    }
    if errors.0.len() != before {
        return None;
    }
    Some(NewItem {
        id: id?,
        kind,
        audience,
        sealed: SealedItem {
            format: item.format,
            nonce: nonce?,
            ciphertext: ciphertext?,
        },
        keys,
        file: None,
        sealed_on_device: true,
    })
}
