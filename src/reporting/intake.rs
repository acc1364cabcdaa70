//! Intake: a validated report is triaged and routed in memory, sealed item by item to its
//! audiences, and written in one transaction; only then is its receipt code handed out.

use std::collections::HashMap;
use std::sync::Arc;

use secrecy::SecretString;
use serde::Serialize;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::crypto::kdf::{new_salt, Argon2Params, KdfPool, WrappedKey};
use crate::crypto::{CryptoError, KeyPair, PublicKey};
use crate::domain::{Audience, Filing, ItemKind, ReceiptCode, Report, RoutingFacts, Summary};
use crate::reporting::attachments::Cleaned;
use crate::store::{now, NewItem, NewReport, OrganisationRow, QueueStandingRow, Store, StoreError};
use crate::triage::routing::{Queue, Routing};
use crate::triage::{Priority, RoutingConfig, TriageRules};
use crate::trust::sealing::{seal_item, Recipient};

/// How often a fresh locator is drawn when one found free is taken before the report is stored.
const LOCATOR_ATTEMPTS: usize = 8;

/// Where locators are drawn from and how many reports a day may take one (docs/security.md,
/// "Locators"): a million locators, unique among live reports, would otherwise fill within a day
/// of a flood that stays inside the per-minute limits.
#[derive(Debug, Clone, Copy)]
pub struct Locators {
    /// How many locators there are to draw from: `LOCATOR_SPACE` but in the test suite.
    pub space: u32,
    /// Reports held at once, by every listener and replica together.
    pub live: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("no desk can receive reports")]
    NoDesk,
    #[error("no free locator was found")]
    NoLocator,
    #[error("as many reports are held as locators may be")]
    Full,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error("serialising an item: {0}")]
    Serialise(String),
}

/// What the reporter gets back.
pub struct Receipt {
    pub report_id: Uuid,
    pub code: SecretString,
    pub priority: Priority,
}

/// Everything intake needs, shared by every request.
#[derive(Clone)]
pub struct Intake {
    pub store: Store,
    pub routing: Arc<RoutingConfig>,
    pub triage: Arc<TriageRules>,
    pub kdf: KdfPool,
    pub receipt_kdf: Argon2Params,
    pub locators: Locators,
}

/// The queues that receive reports now, by id, and every organisation, by id.
pub struct Receiving {
    pub queues: HashMap<String, QueueStandingRow>,
    pub organisations: HashMap<String, OrganisationRow>,
}

/// The reporter's side of a new report.
pub(crate) struct ReporterParts {
    pub(crate) public_key: Vec<u8>,
    pub(crate) wrapped: WrappedKey,
    pub(crate) status: NewItem,
}

/// The triage item as sealed: the triage, and how the report came in (`Filing`): whether hotline
/// staff filed it for a caller, never which member (the audit log holds that). Every report made
/// here says one or the other, in names of one length.
#[derive(Serialize)]
pub(crate) struct TriageItem<'a> {
    #[serde(flatten)]
    pub(crate) triage: &'a crate::triage::Triage,
    pub(crate) channel: &'static str,
}

/// The status words the reporter sees in their conversation.
#[derive(Serialize)]
struct StatusItem {
    status: &'static str,
    at: i64,
}

fn queue_recipient(q: &Queue) -> Recipient<'_> {
    Recipient {
        name: format!("queue:{}", q.id),
        key: &q.public_key,
    }
}

pub(crate) fn json(value: &impl Serialize) -> Result<Zeroizing<Vec<u8>>, IntakeError> {
    serde_json::to_vec(value)
        .map(Zeroizing::new)
        .map_err(|e| IntakeError::Serialise(e.to_string()))
}

impl Intake {
    pub async fn submit(&self, report: Report) -> Result<Receipt, IntakeError> {
        self.submit_with(report, &[]).await
    }

    /// A report with cleaned files: each is sealed to the NGO audience and stored in the same
    /// transaction as the report, so a receipt never stands for half of what was sent.
    #[tracing::instrument(skip_all, fields(priority, files = files.len()))]
    pub async fn submit_with(
        &self,
        report: Report,
        files: &[(Cleaned, bool)],
    ) -> Result<Receipt, IntakeError> {
        // A queue key rotated while this report was sealed: it is sealed again.
        let reseal = true;
        self.store_under_fresh_code(|code| self.seal(&report, files, code), reseal)
            .await
    }

    /// A report filed for a caller by hotline staff: routed and sealed exactly as any other, its
    /// triage item saying how it came in. The report item holds the caller's words as they gave
    /// them.
    #[tracing::instrument(skip_all, fields(priority))]
    pub async fn submit_filed(
        &self,
        report: Report,
        filing: Filing,
    ) -> Result<Receipt, IntakeError> {
        let reseal = true;
        self.store_under_fresh_code(|code| self.seal_with(&report, &[], code, filing), reseal)
            .await
    }

    /// Draws a receipt code, moves its locator on to the first free one, builds the report under
    /// it and stores it. A locator taken meanwhile draws again; so does a queue key that rotated
    /// while the report was built, when `reseal` says building it again seals it to the new key.
    /// Past the ceiling on live reports nothing is built (concurrent reports may pass it by a
    /// few).
    pub(crate) async fn store_under_fresh_code<F, Fut>(
        &self,
        mut build: F,
        reseal: bool,
    ) -> Result<Receipt, IntakeError>
    where
        F: FnMut(ReceiptCode) -> Fut,
        Fut: std::future::Future<Output = Result<(NewReport, Receipt), IntakeError>>,
    {
        let live = self.store.count_reports().await?;
        if live >= i64::from(self.locators.live) {
            return Err(IntakeError::Full);
        }
        if live * 2 >= i64::from(self.locators.live) {
            // Not a refusal yet; a flood the desks should close and destroy in bulk.
            tracing::warn!(
                live,
                ceiling = self.locators.live,
                "live reports past half the ceiling"
            );
        }
        for _ in 0..LOCATOR_ATTEMPTS {
            let mut code = ReceiptCode::generate_in(self.locators.space);
            let drawn = code.locator.number().unwrap_or_default();
            // None free near this draw: draw again elsewhere.
            let Some(free) = self.store.free_locator(drawn, self.locators.space).await? else {
                continue;
            };
            code.locator = free;
            let (new, receipt) = build(code).await?;
            tracing::Span::current().record("priority", receipt.priority.as_str());
            match self.store.insert_report(&new).await {
                Err(StoreError::LocatorTaken) => continue,
                Err(StoreError::QueueKeyChanged) if reseal => continue,
                Err(e) => return Err(e.into()),
                Ok(()) => {
                    tracing::info!(queues = new.queue_ids.len(), "report stored");
                    return Ok(receipt);
                }
            }
        }
        Err(IntakeError::NoLocator)
    }

    /// Triages, routes and seals a report and its files (each with whether its position was
    /// used as a hint) under the given receipt code, ready to store.
    pub async fn seal(
        &self,
        report: &Report,
        files: &[(Cleaned, bool)],
        code: ReceiptCode,
    ) -> Result<(NewReport, Receipt), IntakeError> {
        self.seal_with(report, files, code, Filing::Online).await
    }

    async fn seal_with(
        &self,
        report: &Report,
        files: &[(Cleaned, bool)],
        code: ReceiptCode,
        filing: Filing,
    ) -> Result<(NewReport, Receipt), IntakeError> {
        let facts = report.routing_facts();
        let triage = self.triage.assess(&facts);
        let routing = self.route(&facts).await?;
        let audiences = routing.audiences();
        let ngo: Vec<_> = audiences.ngo.iter().map(|q| queue_recipient(q)).collect();
        let projection: Vec<_> = audiences
            .projection
            .iter()
            .map(|q| queue_recipient(q))
            .collect();

        let report_id = Uuid::new_v4();
        let reporter = self.reporter_parts(report_id, &code, &ngo).await?;
        let triage_item = TriageItem {
            triage: &triage,
            channel: filing.as_str(),
        };
        let summaries = summaries(report, &triage_item)?;
        let mut items = vec![
            seal_item(
                report_id,
                ItemKind::Report,
                Audience::Ngo,
                &json(report)?,
                &ngo,
            )?,
            seal_item(
                report_id,
                ItemKind::Triage,
                Audience::Ngo,
                &json(&triage_item)?,
                &ngo,
            )?,
            seal_item(
                report_id,
                ItemKind::Projection,
                Audience::Projection,
                &json(&report.projection())?,
                &projection,
            )?,
            seal_item(
                report_id,
                ItemKind::Summary,
                Audience::Ngo,
                &json(&summaries.0)?,
                &ngo,
            )?,
            seal_item(
                report_id,
                ItemKind::Summary,
                Audience::Projection,
                &json(&summaries.1)?,
                &projection,
            )?,
            reporter.status,
        ];
        for (file, location_used) in files {
            items.push(crate::reporting::attachments::seal(
                report_id,
                file,
                *location_used,
                &ngo,
            )?);
        }
        let new = NewReport {
            id: report_id,
            locator: code.locator.as_str().to_owned(),
            priority: triage.priority.as_str(),
            consents: report.consents,
            reporter_public_key: reporter.public_key,
            reporter_key: reporter.wrapped,
            created_at: now(),
            queue_ids: routing.all().map(|q| q.id.clone()).collect(),
            items,
            ticket: None,
        };
        let receipt = Receipt {
            report_id,
            code: code.display(),
            priority: triage.priority,
        };
        Ok((new, receipt))
    }

    /// The queues a report with these facts reaches now, each with its current key. `NoDesk`
    /// when the desk cannot receive.
    pub async fn route(&self, facts: &RoutingFacts) -> Result<Routing, IntakeError> {
        let receiving = self.receiving().await?;
        self.route_in(facts, &receiving)
    }

    /// Every queue in good standing, as stored (the database holds each queue's current key and
    /// its signature; config gives only the first), and the organisations they were judged by.
    pub async fn receiving(&self) -> Result<Receiving, IntakeError> {
        let organisations = crate::trust::organisations::organisations_by_id(&self.store).await?;
        let queues = crate::trust::organisations::standings_among(
            &self.store,
            &organisations,
            crate::trust::organisations::Vouching::of(&self.routing),
        )
        .await?
        .into_iter()
        .filter(|(_, standing)| standing.is_ok())
        .map(|(q, _)| (q.id.clone(), q))
        .collect();
        Ok(Receiving {
            queues,
            organisations,
        })
    }

    /// Routes among the queues that receive, each given its current key.
    pub fn route_in(
        &self,
        facts: &RoutingFacts,
        receiving: &Receiving,
    ) -> Result<Routing, IntakeError> {
        let current: HashMap<&str, PublicKey> = receiving
            .queues
            .values()
            .filter_map(|q| Some((q.id.as_str(), PublicKey::from_bytes(&q.public_key).ok()?)))
            .collect();
        let mut routing = self
            .routing
            .route_among(facts, |q| current.contains_key(q.id.as_str()))
            .ok_or(IntakeError::NoDesk)?;
        for q in routing
            .whole
            .iter_mut()
            .chain(routing.projection_only.iter_mut())
        {
            if let Some(key) = current.get(q.id.as_str()) {
                q.public_key = key.clone();
            }
        }
        Ok(routing)
    }

    /// What every report has, whoever sealed its content: a reporter key pair whose private key
    /// the receipt secret unwraps, and the "received" status sealed to the thread.
    pub(crate) async fn reporter_parts(
        &self,
        report_id: Uuid,
        code: &ReceiptCode,
        ngo: &[Recipient<'_>],
    ) -> Result<ReporterParts, IntakeError> {
        let reporter = KeyPair::generate();
        let salt = new_salt();
        let kek = self
            .kdf
            .derive(
                Zeroizing::new(code.secret.expose().to_vec()),
                salt.clone(),
                self.receipt_kdf,
            )
            .await?;
        let wrapped = WrappedKey::wrap(&kek, &reporter.private, report_id, salt, self.receipt_kdf)?;
        let mut thread = vec![Recipient {
            name: "reporter".into(),
            key: &reporter.public,
        }];
        thread.extend(ngo.iter().map(|r| Recipient {
            name: r.name.clone(),
            key: r.key,
        }));
        let status = StatusItem {
            status: "received",
            at: now(),
        };
        Ok(ReporterParts {
            public_key: reporter.public.to_bytes(),
            wrapped,
            status: seal_item(
                report_id,
                ItemKind::Status,
                Audience::Thread,
                &json(&status)?,
                &thread,
            )?,
        })
    }
}

/// The two summaries a queue list shows of a report: the NGO audience's, and the one made from
/// the projection alone for consular and police queues. Read from the items as they are sealed,
/// by the same reader a report sealed on a device gets when it is first opened.
fn summaries(report: &Report, triage: &TriageItem<'_>) -> Result<(Summary, Summary), IntakeError> {
    let value = |v: serde_json::Result<serde_json::Value>| {
        v.map_err(|e| IntakeError::Serialise(e.to_string()))
    };
    let (report, triage) = (
        value(serde_json::to_value(report))?,
        value(serde_json::to_value(triage))?,
    );
    Ok((
        Summary::of_report(&report, Some(&triage)),
        Summary::of_projection(&report),
    ))
}
