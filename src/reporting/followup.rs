//! The reporter comes back with the receipt code. One Argon2id derivation opens the reporter key
//! (an unknown locator costs the same derivation, so no answer says whether it exists); the key is
//! then kept for the visit only, sealed under a key derived from a token that the visit's forms
//! carry. The reporter reads the combined status and what responders wrote, never the report, and
//! can write back: each message is sealed to the NGO queues holding the report.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::Rng;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::crypto::account::{unwrap_private_key, wrap_private_key};
use crate::crypto::kdf::{Argon2Params, KdfPool};
use crate::crypto::{wrap, CryptoError, PrivateKey};
use crate::domain::{Addition, Audience, Consent, ContactChange, ItemKind, QueueKind, ReceiptCode};
use crate::reporting::attachments::Cleaned;
use crate::store::{now, Store, StoreError};
use crate::trust::accounts::Accounts;
use crate::trust::receivers::Receivers;
use crate::trust::sealing::{seal_new_to_holders, seal_to_holders, NoReceiver};

/// How long a visit's token works.
pub const VISIT_MINUTES: i64 = 20;

#[derive(Debug, thiserror::Error)]
pub enum FollowupError {
    /// What the reporter typed is not a receipt code, or the message is empty or too long.
    #[error("{0}")]
    Field(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    /// No queue holding the report may receive what the reporter sent now.
    #[error(transparent)]
    NoReceiver(#[from] NoReceiver),
    /// The visit spent what it may do: it is over, and the code opens a new one.
    #[error("the visit ended")]
    VisitEnded,
}

/// Consent changes one visit may make. A reporter changes one or two; a flood from a single
/// derivation (each change an audited, sealed write to every NGO holder) stops here, and a new
/// visit costs a new Argon2id derivation.
pub const CONSENT_CHANGES_PER_VISIT: i64 = 10;

/// An open visit: the token for the next form, the report, and the reporter key for this request.
pub struct Visit {
    pub token: SecretString,
    pub report: Uuid,
    key: PrivateKey,
}

/// What the reporter sees: one plain status for the whole report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CombinedStatus {
    Received,
    BeingHandled,
    NeedsYou,
    Closed,
}

impl CombinedStatus {
    pub fn code(self) -> &'static str {
        match self {
            CombinedStatus::Received => "received",
            CombinedStatus::BeingHandled => "handling",
            CombinedStatus::NeedsYou => "needs-you",
            CombinedStatus::Closed => "closed",
        }
    }

    fn of(statuses: &[(QueueKind, String)]) -> CombinedStatus {
        // Only the queues that write to the reporter can be waiting for them.
        let ngo = statuses
            .iter()
            .filter(|(kind, _)| kind.reads_whole_report());
        let all: Vec<&str> = ngo.map(|(_, s)| s.as_str()).collect();
        if all.contains(&"waiting_for_reporter") {
            CombinedStatus::NeedsYou
        } else if !all.is_empty() && all.iter().all(|s| *s == "closed") {
            CombinedStatus::Closed
        } else if all.iter().any(|s| *s != "new") {
            CombinedStatus::BeingHandled
        } else {
            CombinedStatus::Received
        }
    }
}

/// A message in the thread, as the reporter sees it.
pub struct ThreadMessage {
    pub at: i64,
    pub text: String,
}

#[derive(Deserialize)]
struct Sealed {
    text: Option<String>,
    at: i64,
}

pub struct Followup<'a> {
    pub store: &'a Store,
    pub kdf: &'a KdfPool,
    /// What an unknown locator's derivation costs: what a stored report's would
    /// (`reporting::unknown_locator`).
    pub unknown_locator: Argon2Params,
    pub accounts: &'a Accounts,
    /// What this server's routing vouches for, that the standing of the queues receiving what
    /// the reporter sends is judged by.
    pub vouching: crate::trust::organisations::Vouching<'a>,
}

fn visit_key(token: &str) -> Zeroizing<[u8; 32]> {
    wrap::derive_key(token.as_bytes(), b"homeward/visit/key/v1")
}

impl Followup<'_> {
    /// Who may receive what the reporter sends now.
    fn receivers(&self) -> Receivers<'_> {
        Receivers {
            store: self.store,
            vouching: self.vouching,
        }
    }

    /// Opens a visit with a receipt code; `None` for a code that opens nothing (an unknown
    /// locator and a wrong secret look the same and cost the same one derivation).
    pub async fn open(&self, code: &str) -> Result<Option<Visit>, FollowupError> {
        let code = ReceiptCode::parse(code).map_err(FollowupError::Field)?;
        let record = self.store.reporter_record(code.locator.as_str()).await?;
        let secret = Zeroizing::new(code.secret.expose().to_vec());
        let Some(record) = record else {
            let _ = self
                .kdf
                .derive(secret, vec![0u8; 16], self.unknown_locator)
                .await;
            return Ok(None);
        };
        let params = Argon2Params::decode(&record.reporter_key.params)?;
        let kek = self
            .kdf
            .derive(secret, record.reporter_key.salt.clone(), params)
            .await?;
        let Ok(key) = record.reporter_key.unwrap_key(&kek, record.report_id) else {
            return Ok(None);
        };
        let mut bytes = Zeroizing::new([0u8; 32]);
        rand::rand_core::UnwrapErr(rand::rngs::SysRng).fill_bytes(bytes.as_mut());
        let token = SecretString::from(URL_SAFE_NO_PAD.encode(bytes.as_ref()));
        let report = record.report_id.to_string();
        let sealed = wrap_private_key(&visit_key(token.expose_secret()), &report, "visit", &key)?;
        let at = now();
        self.store
            .insert_visit(
                &self
                    .accounts
                    .mac(b"visit", token.expose_secret().as_bytes()),
                &report,
                &sealed,
                at,
                at + VISIT_MINUTES * 60,
            )
            .await?;
        Ok(Some(Visit {
            token,
            report: record.report_id,
            key,
        }))
    }

    /// The visit a form's token belongs to, if it is still live.
    pub async fn resume(&self, token: &str) -> Result<Option<Visit>, FollowupError> {
        let id = self.accounts.mac(b"visit", token.as_bytes());
        let Some((report, sealed)) = self.store.visit(&id, now()).await? else {
            return Ok(None);
        };
        let key = unwrap_private_key(&visit_key(token), &report, "visit", &sealed)?;
        let report = Uuid::parse_str(&report).map_err(|_| StoreError::Corrupt("report id"))?;
        Ok(Some(Visit {
            token: SecretString::from(token.to_owned()),
            report,
            key,
        }))
    }

    /// The combined status and what responders wrote to the reporter, oldest first.
    pub async fn thread(
        &self,
        visit: &Visit,
    ) -> Result<(CombinedStatus, Vec<ThreadMessage>), FollowupError> {
        let statuses = self.store.entry_statuses(&visit.report.to_string()).await?;
        let mut messages = Vec::new();
        for item in self.store.items_for(visit.report, "reporter").await? {
            if !item.is(ItemKind::Reply) {
                continue;
            }
            let item_key = item.key.sealed.open(&visit.key, visit.report, item.id)?;
            let plain = item.sealed.open(&item_key, visit.report, item.id)?;
            if let Ok(Sealed {
                text: Some(text),
                at,
            }) = serde_json::from_slice::<Sealed>(&plain)
            {
                messages.push(ThreadMessage { at, text });
            }
        }
        Ok((CombinedStatus::of(&statuses), messages))
    }

    /// Seals what the reporter adds to every NGO queue holding the report (not to the
    /// reporter: whoever forces the code out of them cannot read it back) and brings entries
    /// waiting for the reporter back into view.
    pub async fn add(&self, visit: &Visit, addition: &Addition) -> Result<(), FollowupError> {
        self.seal_for_ngos(visit, ItemKind::Addition, addition)
            .await?;
        self.store
            .reporter_answered(&visit.report.to_string(), now())
            .await?;
        tracing::info!("reporter added to their report");
        Ok(())
    }

    /// A new way to be reached, sealed like an addition.
    pub async fn change_contact(
        &self,
        visit: &Visit,
        change: &ContactChange,
    ) -> Result<(), FollowupError> {
        self.seal_for_ngos(visit, ItemKind::Contact, change).await?;
        tracing::info!("reporter changed how to be contacted");
        Ok(())
    }

    /// Gives (`given`) or withdraws one consent. Either way, and whether or not it changes
    /// anything, the same work is done and the same answer comes back, so that whoever forces
    /// the code out of a victim cannot learn from the visit what the victim had chosen: the flag
    /// and the entries it governs are written with the request's audit entry, in one transaction
    /// (an event that cannot be recorded does not happen), and the desk and the NGO queues still
    /// admitted are told what was asked and whether it changed anything. A grant is carried out by an NGO
    /// responder (a referral, or the projection); a withdrawal closes the consent's queues' entries
    /// at once, and what they never opened is destroyed after the grace period
    /// (`shredding::Shredder::shred_unopened`).
    pub async fn set_consent(
        &self,
        visit: &Visit,
        consent: Consent,
        given: bool,
    ) -> Result<(), FollowupError> {
        let id = self
            .accounts
            .mac(b"visit", visit.token.expose_secret().as_bytes());
        if !self
            .store
            .spend_consent_change(&id, CONSENT_CHANGES_PER_VISIT)
            .await?
        {
            return Err(FollowupError::VisitEnded);
        }
        let report = visit.report.to_string();
        let action = if given {
            "consent_given"
        } else {
            "consent_withdrawn"
        };
        let entry = self
            .accounts
            .audit
            .reporter_entry(action, format!("report:{report} consent:{consent}"));
        let Some(before) = self
            .store
            .set_consent(&report, consent, given, now(), &entry)
            .await?
        else {
            return Ok(());
        };
        let notice = ConsentNotice {
            consent,
            given,
            changed: before != given,
        };
        self.seal_for_ngos(visit, ItemKind::Consent, &notice)
            .await?;
        tracing::info!("reporter gave or withdrew a consent");
        Ok(())
    }

    /// Withdraws the report: it leaves the reporter's view and every visit ends at once, replies
    /// stop, and every queue holding it is told; its keys are destroyed after the grace period.
    pub async fn withdraw(&self, visit: &Visit, grace_days: i64) -> Result<(), FollowupError> {
        let at = now();
        let entry = self
            .accounts
            .audit
            .reporter_entry("report_withdrawn", format!("report:{}", visit.report));
        if !self
            .store
            .withdraw(&visit.report.to_string(), at, &entry)
            .await?
        {
            return Ok(());
        }
        let notice = Withdrawal {
            at,
            destroyed_after: at + grace_days * 86_400,
        };
        let plaintext = sealed_json(&notice)?;
        seal_to_holders::<FollowupError>(
            self.receivers(),
            visit.report,
            (ItemKind::Withdrawal, Audience::Projection),
            &plaintext,
            None,
            |_| true,
            None,
        )
        .await?;
        tracing::info!("reporter withdrew their report");
        Ok(())
    }

    /// Attaches cleaned files, each sealed to the NGO queues holding the report. Where the
    /// reporter asked, a file's stored position is added first, as a location hint.
    pub async fn attach(
        &self,
        visit: &Visit,
        files: &[Cleaned],
        use_location: bool,
    ) -> Result<(), FollowupError> {
        let ngo_queue = |h: &crate::store::Holder| h.kind.reads_whole_report();
        for file in files {
            let position = file.gps.filter(|_| use_location);
            if let Some(coordinates) = position {
                let hint = serde_json::json!({"location": {"coordinates": coordinates}, "from_file": true});
                self.seal_for_ngos(visit, ItemKind::Addition, &hint).await?;
            }
            let report = visit.report;
            seal_new_to_holders::<FollowupError>(
                self.receivers(),
                report,
                Audience::Ngo,
                (None, None),
                ngo_queue,
                |r| crate::reporting::attachments::seal(report, file, position.is_some(), r),
            )
            .await?;
        }
        self.store
            .reporter_answered(&visit.report.to_string(), now())
            .await?;
        tracing::info!(files = files.len(), "reporter attached files");
        Ok(())
    }

    async fn seal_for_ngos(
        &self,
        visit: &Visit,
        kind: ItemKind,
        content: &impl Serialize,
    ) -> Result<Uuid, FollowupError> {
        let plaintext = sealed_json(&Stamped { at: now(), content })?;
        let ngo_queue = |h: &crate::store::Holder| h.kind.reads_whole_report();
        seal_to_holders::<FollowupError>(
            self.receivers(),
            visit.report,
            (kind, Audience::Ngo),
            &plaintext,
            None,
            ngo_queue,
            None,
        )
        .await
    }
}

fn sealed_json(value: &impl Serialize) -> Result<Zeroizing<Vec<u8>>, FollowupError> {
    serde_json::to_vec(value)
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Seal.into())
}

/// What the reporter sent, with when.
#[derive(Serialize)]
struct Stamped<'a, T: Serialize> {
    at: i64,
    #[serde(flatten)]
    content: &'a T,
}

/// What the reporter asked of one consent, as the desk and NGO queues are told: whether it
/// changed anything is for them to know, never for the visit to show.
#[derive(Serialize)]
struct ConsentNotice {
    consent: Consent,
    given: bool,
    changed: bool,
}

/// The queues' notice of a withdrawal.
#[derive(Serialize)]
struct Withdrawal {
    at: i64,
    destroyed_after: i64,
}
