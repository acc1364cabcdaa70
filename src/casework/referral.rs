//! Referring a report to another queue. The receiving queue gets the keys of the items its
//! audience is entitled to (the whole report for an NGO queue, the projection only for a consulate
//! or the police), re-sealed from the referring queue's key. The reason is free text that may say
//! anything of the report, so it is sealed to the NGO audience: the NGO queues holding the report
//! in good standing and the receiving queue if it is one; a consulate or the police never hold it.
//! Consent decides, with no override: a partner NGO needs the partner consent, a consulate the
//! consular one, the police theirs (`Consents::admits`). A consular referral goes only to a consulate of the person's
//! nationality and a police referral only to the police of the location's country, checked against
//! the decrypted projection and the receiving organisation's countersigned country.

use serde::Serialize;
use uuid::Uuid;

use crate::casework::opening::open_with_keys;
use crate::casework::workspace::entry;
use crate::crypto::{PrivateKey, PublicKey, SealedKey};
use crate::domain::text::{Text, LONG};
use crate::domain::{Audience, ItemKind, QueueKind};
use crate::store::{now, Holder, NewItem, NewItemKey, NewReferral, QueueRow, Store, StoreError};
use crate::trust::accounts::Principal;
use crate::trust::audit::Audit;
use crate::trust::keyring::Keyring;
use crate::trust::receivers::Receivers;
use crate::trust::sealing::{seal_item, NoReceiver, Recipient};
use crate::trust::WorkspaceError;

/// Why a referral is refused, beyond authorisation. Each has a catalog entry `referral-<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The receiving queue does not receive reports now (see `organisations::Hold`).
    NotReceiving,
    AlreadyHeld,
    /// The reporter did not consent to that audience.
    NoConsent,
    /// A consular or police entry refers only to queues that need no more than the projection.
    NeedsMore,
    /// Not the consulate of the person's nationality, or not the police of the location's country.
    WrongCountry,
    /// No reason given.
    NoReason,
    /// Every projection stored holds more than the list (it predates it): a consulate or the
    /// police gets one only once an NGO issues a new version.
    OldProjection,
    /// Said to a consulate or the police instead of what would tell them about the report.
    NotPossible,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::NotReceiving => "not-receiving",
            Refusal::AlreadyHeld => "already-held",
            Refusal::NoConsent => "no-consent",
            Refusal::NeedsMore => "needs-more",
            Refusal::WrongCountry => "wrong-country",
            Refusal::NoReason => "no-reason",
            Refusal::OldProjection => "old-projection",
            Refusal::NotPossible => "not-possible",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReferralError {
    #[error("referral refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

impl From<StoreError> for ReferralError {
    fn from(e: StoreError) -> Self {
        ReferralError::Workspace(WorkspaceError::Store(e))
    }
}

impl From<NoReceiver> for ReferralError {
    fn from(e: NoReceiver) -> Self {
        ReferralError::Workspace(WorkspaceError::NoReceiver(e))
    }
}

impl From<crate::crypto::CryptoError> for ReferralError {
    fn from(e: crate::crypto::CryptoError) -> Self {
        ReferralError::Workspace(WorkspaceError::Crypto(e))
    }
}

fn refused(r: Refusal) -> ReferralError {
    ReferralError::Refused(r)
}

#[derive(Serialize)]
struct ReasonItem<'a> {
    from: &'a str,
    to: &'a str,
    by: &'a str,
    at: i64,
    reason: &'a str,
}

/// Who asks, from which queue, about which report, to which queue, and why.
pub struct Referral<'a> {
    pub from: &'a str,
    pub report: Uuid,
    pub to: &'a str,
    pub reason: &'a str,
}

/// The country a projection names at `path` (`person.nationality` or `location.country`).
fn projected_country(projection: &serde_json::Value, path: [&str; 2]) -> Option<String> {
    projection
        .get(path[0])?
        .get(path[1])?
        .as_str()
        .map(str::to_owned)
}

#[tracing::instrument(skip_all, fields(from = %referral.from, to = %referral.to, report = %referral.report))]
pub async fn refer(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    referral: &Referral<'_>,
) -> Result<(), ReferralError> {
    let (from, _) = entry(receivers, who, referral.from, referral.report).await?;
    match refer_from(receivers, audit, who, referral, &from).await {
        // A consulate or the police reads the projection only: which consents the reporter gave,
        // where else the report is and which country it names are not theirs to learn by
        // trying. They are told one thing, and the attempt is audited.
        Err(ReferralError::Refused(
            Refusal::NoConsent
            | Refusal::AlreadyHeld
            | Refusal::WrongCountry
            | Refusal::NotReceiving
            | Refusal::OldProjection,
        )) if from.kind.projection_only() => {
            audit
                .record(
                    &who.account_id,
                    "referral_refused",
                    &format!(
                        "queue:{} report:{} to:queue:{}",
                        referral.from, referral.report, referral.to
                    ),
                )
                .await?;
            Err(refused(Refusal::NotPossible))
        }
        other => other,
    }
}

async fn refer_from(
    receivers: Receivers<'_>,
    audit: &Audit,
    who: &Principal,
    referral: &Referral<'_>,
    from: &QueueRow,
) -> Result<(), ReferralError> {
    let store = receivers.store;
    let reason = Text::parse(referral.reason, LONG)
        .ok()
        .flatten()
        .ok_or(refused(Refusal::NoReason))?;
    let to = store
        .queue(referral.to)
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    if to.id == from.id || !receivers.receives(&to.id).await? {
        return Err(refused(Refusal::NotReceiving));
    }
    let (priority, consents) = store
        .report_terms(referral.report)
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    // A queue holding the projection only has no more to give.
    if from.kind.projection_only() && to.kind.reads_whole_report() {
        return Err(refused(Refusal::NeedsMore));
    }
    if !consents.admits(to.kind) {
        return Err(refused(Refusal::NoConsent));
    }

    if store.report_queues(referral.report).await?.contains(&to.id) {
        return Err(refused(Refusal::AlreadyHeld));
    }
    let held = crate::trust::rotation::held_keys(store, who, referral.from).await?;
    // A referral opens the report (the projection's country, the item keys it re-seals): that is
    // a decryption, audited before it happens; the referral's own entry is written in the
    // transaction that stores it. Neither happens if its entry cannot be written.
    audit
        .record(
            &who.account_id,
            "report_opened",
            &format!(
                "queue:{} report:{} for:referral",
                referral.from, referral.report
            ),
        )
        .await?;
    if to.kind.projection_only() {
        serves_the_person(store, referral.report, referral.from, &held, &to).await?;
    }
    let target = PublicKey::from_bytes(&to.public_key)?;
    let recipient = format!("queue:{}", to.id);
    let new_keys = keys_for(store, referral, &held, to.kind, (&recipient, &target)).await?;
    let at = now();
    let reason = ReasonItem {
        from: referral.from,
        to: referral.to,
        by: &who.username,
        at,
        reason: reason.as_str(),
    };
    let joining = Holder {
        queue_id: to.id.clone(),
        kind: to.kind,
        organisation_id: to.organisation_id.clone(),
        public_key: to.public_key.clone(),
    };
    let readers = receivers
        .pick(referral.report, Audience::Ngo, Some(joining), |h| {
            h.kind.reads_whole_report()
        })
        .await?;
    let reason_item = seal_reason(referral.report, &reason, &readers)?;
    let entry = audit.entry(
        &who.account_id,
        "report_referred",
        format!(
            "queue:{} report:{} to:queue:{} item:{}",
            referral.from, referral.report, to.id, reason_item.id
        ),
    );
    let written = store
        .refer(
            &NewReferral {
                report: referral.report,
                to_queue: &to.id,
                keys: new_keys,
                reason: reason_item,
                at,
                audit: &entry,
            },
            &priority,
        )
        .await;
    match written {
        Ok(()) => {}
        Err(StoreError::AlreadyExists) => return Err(refused(Refusal::AlreadyHeld)),
        // Withdrawn while the keys were being sealed.
        Err(StoreError::ConsentWithdrawn) => return Err(refused(Refusal::NoConsent)),
        Err(StoreError::QueueKeyChanged) => return Err(WorkspaceError::Conflict.into()),
        Err(e) => return Err(e.into()),
    }
    tracing::info!("report referred");
    Ok(())
}

/// A consulate or the police receive a report only about the people they serve: a consulate its
/// nationals, the police the country the person is in, as the latest projection names them.
async fn serves_the_person(
    store: &Store,
    report: Uuid,
    from: &str,
    held: &[PrivateKey],
    to: &QueueRow,
) -> Result<(), ReferralError> {
    let keys: Vec<&PrivateKey> = held.iter().collect();
    let opened = open_with_keys(store, report, from, &keys)
        .await
        .map_err(WorkspaceError::from)?;
    let projection: serde_json::Value = opened
        .iter()
        .rev()
        .find(|i| i.is(ItemKind::Projection))
        .and_then(|i| serde_json::from_slice(&i.plaintext).ok())
        .unwrap_or_default();
    // A consulate serves its nationals; the police, the country the person is in.
    let path = if to.kind == QueueKind::Consular {
        ["person", "nationality"]
    } else {
        ["location", "country"]
    };
    let org_country = store
        .organisation(&to.organisation_id)
        .await?
        .and_then(|o| o.country);
    let named = projected_country(&projection, path);
    if named.is_none() || named != org_country {
        return Err(refused(Refusal::WrongCountry));
    }
    Ok(())
}

/// Each item key the receiving queue's kind may hold, opened with the referring queue's keys and
/// sealed to the receiving queue's.
async fn keys_for(
    store: &Store,
    referral: &Referral<'_>,
    held: &[PrivateKey],
    kind: QueueKind,
    (recipient, target): (&str, &PublicKey),
) -> Result<Vec<(Uuid, NewItemKey)>, ReferralError> {
    // What the receiving queue's kind may hold; an organisation's notes stay its own. A
    // referral's reason is the NGOs' whatever audience it was stored with: reasons written before
    // they were sealed to the NGO audience carry the projection's.
    let entitled = |item: &crate::store::StoredItem| match item.audience {
        _ if item.is(ItemKind::Referral) => kind.reads_whole_report(),
        Audience::Projection => true,
        Audience::Ngo | Audience::Thread => kind.reads_whole_report(),
        Audience::Notes => false,
    };
    let keyring = Keyring::new(held);
    let mut new_keys = Vec::new();
    let mut projections = 0;
    for item in store
        .items_for(referral.report, &format!("queue:{}", referral.from))
        .await?
    {
        if !entitled(&item) {
            continue;
        }
        let Some(key) = keyring.for_key(&item.key.recipient_key) else {
            return Err(WorkspaceError::Forbidden.into());
        };
        let item_key = item.key.sealed.open(key, referral.report, item.id)?;
        if kind.projection_only() && item.is(ItemKind::Projection) {
            let plaintext = item.sealed.open(&item_key, referral.report, item.id)?;
            let listed = serde_json::from_slice(&plaintext)
                .is_ok_and(|stored| crate::domain::projection::holds_only_the_list(&stored));
            if !listed {
                continue;
            }
            projections += 1;
        }
        new_keys.push((
            item.id,
            NewItemKey {
                recipient: recipient.to_owned(),
                recipient_key: target.to_bytes(),
                sealed: SealedKey::seal(target, &item_key, referral.report, item.id)?,
            },
        ));
    }
    // A consulate or the police gets at least a projection of the list: an NGO issues a new
    // version first where every stored one predates it.
    if kind.projection_only() && projections == 0 {
        return Err(refused(Refusal::OldProjection));
    }
    Ok(new_keys)
}

/// The referral's reason, sealed to the NGO audience: `readers`, as `Receivers::pick` chose them.
fn seal_reason(
    report: Uuid,
    reason: &ReasonItem<'_>,
    readers: &[Holder],
) -> Result<NewItem, ReferralError> {
    let note = serde_json::to_vec(reason).map_err(|_| WorkspaceError::Invalid)?;
    let keys = readers
        .iter()
        .map(|h| {
            Ok((
                format!("queue:{}", h.queue_id),
                PublicKey::from_bytes(&h.public_key)?,
            ))
        })
        .collect::<Result<Vec<_>, crate::crypto::CryptoError>>()?;
    if keys.is_empty() {
        return Err(NoReceiver.into());
    }
    let recipients: Vec<Recipient<'_>> = keys
        .iter()
        .map(|(name, key)| Recipient {
            name: name.clone(),
            key,
        })
        .collect();
    Ok(seal_item(
        report,
        ItemKind::Referral,
        Audience::Ngo,
        &note,
        &recipients,
    )?)
}
