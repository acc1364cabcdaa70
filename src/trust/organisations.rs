//! Organisations: the operator registers them, records their vetting and suspends them; the desk
//! organisation countersigns their signing keys offline. A queue receives reports only when all of
//! that holds for its organisation, its key carries its organisation's signature and a coordinator
//! has imported its private key — `standing` decides it, in one place, for intake, the operator's
//! page and `check-config --database`.

use std::collections::HashMap;

use crate::crypto::signing::{Signature, Statement, VerifyingKey};
use crate::crypto::PublicKey;
use crate::domain::text::{Text, SHORT};
use crate::domain::{CountryCode, FieldErrors};
use crate::domain::{OrganisationKind, QueueKind};
use crate::store::{
    now, AuditEntry, OrganisationDetails, OrganisationRow, QueueStandingRow, Store, StoreError,
};
use crate::triage::routing::Queue;
use crate::triage::RoutingConfig;
use crate::trust::accounts::Principal;
use crate::trust::audit::Audit;
use crate::trust::certification::{operator_standing, Chain};
use crate::trust::WorkspaceError;

/// Why a queue receives nothing. Each has a staff catalog entry `hold-<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// The operator has not entered the organisation's details.
    Unregistered,
    /// The operator has not recorded the organisation's vetting.
    NotVetted,
    /// The desk organisation's countersignature is missing or does not match the organisation's
    /// id, kind, country and signing key.
    NotCountersigned,
    Suspended,
    /// The queue's kind does not fit its organisation's (a consular queue of an NGO, say), or a
    /// desk belongs to another organisation than the desk organisation.
    WrongOrganisation,
    /// The queue's public key does not carry its organisation's signature.
    KeyUnsigned,
    /// No coordinator has imported the queue's private key yet.
    KeyNotImported,
    /// A restore found its membership changed since the backup; a coordinator must confirm it.
    HeldAfterRestore,
}

impl Hold {
    pub fn code(self) -> &'static str {
        match self {
            Hold::Unregistered => "unregistered",
            Hold::NotVetted => "not-vetted",
            Hold::NotCountersigned => "not-countersigned",
            Hold::Suspended => "suspended",
            Hold::WrongOrganisation => "wrong-organisation",
            Hold::KeyUnsigned => "key-unsigned",
            Hold::KeyNotImported => "key-not-imported",
            Hold::HeldAfterRestore => "held-after-restore",
        }
    }

    /// The operator's wording, for the command line.
    pub fn describe(self) -> &'static str {
        match self {
            Hold::Unregistered => "its organisation is not registered by the operator",
            Hold::NotVetted => "its organisation's vetting is not recorded",
            Hold::NotCountersigned => {
                "its organisation's signing key lacks the desk organisation's countersignature"
            }
            Hold::Suspended => "its organisation is suspended",
            Hold::WrongOrganisation => "its kind does not fit its organisation",
            Hold::KeyUnsigned => "its public key lacks its organisation's signature",
            Hold::KeyNotImported => "no coordinator has imported its private key",
            Hold::HeldAfterRestore => {
                "its membership changed since the restored backup; a coordinator must confirm it"
            }
        }
    }
}

/// The organisation's own standing, before any queue of it is considered.
pub fn organisation_standing(
    org: &OrganisationRow,
    desk_key: Option<&VerifyingKey>,
) -> Result<VerifyingKey, Hold> {
    if org.registered_at.is_none() {
        return Err(Hold::Unregistered);
    }
    if org.suspended_at.is_some() {
        return Err(Hold::Suspended);
    }
    if org.vetted_at.is_none() {
        return Err(Hold::NotVetted);
    }
    let key = org
        .signing_key
        .as_deref()
        .and_then(|k| VerifyingKey::from_bytes(k).ok())
        .ok_or(Hold::NotCountersigned)?;
    let desk_key = desk_key.ok_or(Hold::NotCountersigned)?;
    if &key == desk_key || countersigned(org, &key, desk_key) {
        Ok(key)
    } else {
        Err(Hold::NotCountersigned)
    }
}

/// Whether the organisation's signing key carries the desk organisation's countersignature over
/// its current id, kind and country (or is the desk organisation's own key).
pub fn vouched_for(org: &OrganisationRow, desk_key: Option<&VerifyingKey>) -> bool {
    let key = org
        .signing_key
        .as_deref()
        .and_then(|k| VerifyingKey::from_bytes(k).ok());
    match (key, desk_key) {
        (Some(key), Some(desk_key)) => &key == desk_key || countersigned(org, &key, desk_key),
        _ => false,
    }
}

fn countersigned(org: &OrganisationRow, key: &VerifyingKey, desk_key: &VerifyingKey) -> bool {
    let Some(signature) = org
        .countersignature
        .as_deref()
        .and_then(|s| Signature::from_bytes(s).ok())
    else {
        return false;
    };
    desk_key.verifies(
        &Statement::Organisation {
            id: &org.id,
            kind: &org.kind,
            country: org.country.as_deref().unwrap_or_default(),
            key,
        },
        &signature,
    )
}

/// What vouches for queues on this server: the desk organisation's verifying key, from config;
/// and, only on a server that runs the demo desk of a first run, that desk as it was made. The
/// demo flags in the database give no standing on their own: whoever edits the database cannot
/// mark a queue "demo" to spare it vetting and signatures.
#[derive(Debug, Clone, Copy, Default)]
pub struct Vouching<'a> {
    pub desk_key: Option<&'a VerifyingKey>,
    pub demo_desk: Option<&'a Queue>,
}

impl<'a> Vouching<'a> {
    /// What this server's routing config vouches for.
    pub fn of(routing: &'a RoutingConfig) -> Vouching<'a> {
        Vouching {
            desk_key: routing.desk_signing_key.as_ref(),
            demo_desk: routing.demo_desk(),
        }
    }

    /// Whether `queue` is the demo desk this server runs, with the key it made.
    fn is_demo_desk(&self, queue: &QueueStandingRow) -> bool {
        self.demo_desk
            .is_some_and(|d| d.id == queue.id && d.public_key.to_bytes() == queue.public_key)
    }
}

impl<'a> From<Option<&'a VerifyingKey>> for Vouching<'a> {
    /// The desk organisation's key alone: no demo desk.
    fn from(desk_key: Option<&'a VerifyingKey>) -> Vouching<'a> {
        Vouching {
            desk_key,
            demo_desk: None,
        }
    }
}

/// Whether a queue receives reports, and if not, the first reason why.
pub fn standing<'a>(
    queue: &QueueStandingRow,
    org: Option<&OrganisationRow>,
    vouching: impl Into<Vouching<'a>>,
) -> Result<(), Hold> {
    let vouching = vouching.into();
    let desk_key = vouching.desk_key;
    let org = org.ok_or(Hold::Unregistered)?;
    if queue.demo && org.demo && vouching.is_demo_desk(queue) {
        return Ok(());
    }
    let org_key = organisation_standing(org, desk_key)?;
    // The row keeps the stored text (it is signed as it stands); a name no kind has cannot
    // belong to any organisation.
    let kind = QueueKind::parse(&queue.kind).ok_or(Hold::WrongOrganisation)?;
    let is_desk_org = desk_key == Some(&org_key);
    if kind.organisation_kind().as_str() != org.kind || (kind == QueueKind::Desk && !is_desk_org) {
        return Err(Hold::WrongOrganisation);
    }
    let signed = match (
        PublicKey::from_bytes(&queue.public_key),
        queue.signature.as_deref().map(Signature::from_bytes),
    ) {
        (Ok(key), Some(Ok(signature))) => org_key.verifies(
            &Statement::QueueKey {
                queue: &queue.id,
                kind: &queue.kind,
                key: &key,
            },
            &signature,
        ),
        _ => false,
    };
    if !signed {
        return Err(Hold::KeyUnsigned);
    }
    if queue.key_imported_at.is_none() {
        return Err(Hold::KeyNotImported);
    }
    if queue.held_after_restore.is_some() {
        return Err(Hold::HeldAfterRestore);
    }
    Ok(())
}

/// Every active queue with its standing.
pub async fn queue_standings(
    store: &Store,
    vouching: Vouching<'_>,
) -> Result<Vec<(QueueStandingRow, Result<(), Hold>)>, StoreError> {
    let orgs = organisations_by_id(store).await?;
    standings_among(store, &orgs, vouching).await
}

/// Every organisation, by id.
pub async fn organisations_by_id(
    store: &Store,
) -> Result<HashMap<String, OrganisationRow>, StoreError> {
    Ok(store
        .all_organisations()
        .await?
        .into_iter()
        .map(|o| (o.id.clone(), o))
        .collect())
}

/// Every active queue with its standing among organisations already read.
pub async fn standings_among(
    store: &Store,
    orgs: &HashMap<String, OrganisationRow>,
    vouching: Vouching<'_>,
) -> Result<Vec<(QueueStandingRow, Result<(), Hold>)>, StoreError> {
    Ok(store
        .active_queue_standings()
        .await?
        .into_iter()
        .map(|q| {
            let standing = standing(&q, orgs.get(&q.organisation_id), vouching);
            (q, standing)
        })
        .collect())
}

/// The standing each queue of `config` would have if a server started with it now: what
/// `check-config --database` reports.
pub async fn planned_standings(
    store: &Store,
    config: &RoutingConfig,
) -> Result<Vec<(String, Result<(), Hold>)>, StoreError> {
    let mut out = Vec::new();
    for q in &config.queues {
        out.push((q.id.clone(), planned_standing(store, config, q).await?));
    }
    Ok(out)
}

/// The standing one queue of `config` would have if a server started with it now; on a running
/// server, the standing intake routes by. A queue whose key was imported keeps the database's
/// key (a start does not overwrite it).
pub async fn planned_standing(
    store: &Store,
    config: &RoutingConfig,
    q: &Queue,
) -> Result<Result<(), Hold>, StoreError> {
    let row = planned_row(q, store.queue_standing_row(&q.id).await?);
    let org = store.organisation(&q.organisation).await?;
    Ok(standing(&row, org.as_ref(), Vouching::of(config)))
}

/// The row a start with `q` declared would leave: the stored one once a coordinator imported
/// the queue's key (a start keeps the database's key from then on), else config's declaration.
pub fn planned_row(q: &Queue, stored: Option<QueueStandingRow>) -> QueueStandingRow {
    match stored {
        Some(row) if row.key_imported_at.is_some() => row,
        _ => QueueStandingRow {
            id: q.id.clone(),
            organisation_id: q.organisation.clone(),
            kind: q.kind.as_str().to_owned(),
            public_key: q.public_key.to_bytes(),
            signature: q.signature.as_ref().map(Signature::to_bytes),
            demo: q.demo,
            key_imported_at: None,
            held_after_restore: None,
        },
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OrganisationError {
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid fields")]
    Fields(FieldErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn field(name: &str, code: &'static str) -> OrganisationError {
    let mut errors = FieldErrors::default();
    errors.push(name, code);
    OrganisationError::Fields(errors)
}

/// What the operator typed about an organisation, as typed, so a form can come back filled in.
#[derive(Debug, Clone, Default)]
pub struct DetailsForm {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub contact: String,
    pub signing_key: String,
}

impl DetailsForm {
    /// The validated details, or every problem by field.
    pub fn parse(&self) -> Result<OrganisationDetails, FieldErrors> {
        let mut errors = FieldErrors::default();
        let id = self.id.trim();
        let id_ok = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            errors.push("id", "invalid_slug");
        }
        let name = match Text::parse(&self.name, SHORT) {
            Ok(Some(name)) => Some(name),
            Ok(None) => {
                errors.push("name", "required");
                None
            }
            Err(code) => {
                errors.push("name", code);
                None
            }
        };
        let kind = errors.take(
            "kind",
            OrganisationKind::parse(self.kind.trim()).ok_or("unknown_choice"),
        );
        let country = errors.take("country", CountryCode::parse(&self.country));
        let contact = errors.take("contact", Text::parse(&self.contact, SHORT));
        // One line each, as an organisation's own file must be (there a line break would start a
        // line of configuration in the routing file's comments): the registered name is shown on
        // staff pages, in the API and in the projection's `issued_by`, one line everywhere.
        for (field, text) in [("name", &self.name), ("contact", &self.contact)] {
            let named = errors.0.iter().any(|e| e.field == field);
            if !named
                && text
                    .trim()
                    .chars()
                    .any(crate::trust::send_file::breaks_line)
            {
                errors.push(field, "control_characters");
            }
        }
        let signing_key = errors.take(
            "signing_key",
            VerifyingKey::parse(&self.signing_key).map_err(|_| "invalid_signing_key"),
        );
        match (name, kind, country, contact, signing_key) {
            (Some(name), Some(kind), Some(country), Some(contact), Some(key))
                if errors.is_empty() =>
            {
                Ok(OrganisationDetails {
                    id: id.to_owned(),
                    name: name.as_str().to_owned(),
                    kind: kind.as_str(),
                    country: country.as_str().to_owned(),
                    contact: contact.map(|c| c.as_str().to_owned()),
                    signing_key: key.to_bytes(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// The operator's operations on organisations. Every one is audited with ids only.
pub struct Organisations<'a> {
    pub store: &'a Store,
    pub audit: &'a Audit,
    pub desk_key: Option<&'a VerifyingKey>,
}

impl Organisations<'_> {
    /// An operator who stands as one (`certification::operator_standing`).
    async fn operator(&self, who: &Principal) -> Result<(), OrganisationError> {
        let chain = Chain {
            store: self.store,
            desk_key: self.desk_key,
            demo_organisation: None,
        };
        match operator_standing(chain, who).await {
            Ok(()) => Ok(()),
            Err(WorkspaceError::Store(e)) => Err(e.into()),
            Err(_) => Err(OrganisationError::Forbidden),
        }
    }

    async fn existing(&self, id: &str) -> Result<OrganisationRow, OrganisationError> {
        match self.store.organisation(id).await? {
            Some(org) if !org.demo => Ok(org),
            _ => Err(OrganisationError::NotFound),
        }
    }

    pub async fn register(
        &self,
        who: &Principal,
        form: &DetailsForm,
    ) -> Result<String, OrganisationError> {
        self.operator(who).await?;
        let details = form.parse().map_err(OrganisationError::Fields)?;
        let entry = self.entry(who, "organisation_registered", &details.id);
        match self
            .store
            .register_organisation(&details, now(), &entry)
            .await
        {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => return Err(field("id", "organisation_exists")),
            Err(e) => return Err(e.into()),
        }
        Ok(details.id)
    }

    pub async fn update(
        &self,
        who: &Principal,
        form: &DetailsForm,
    ) -> Result<(), OrganisationError> {
        self.operator(who).await?;
        let details = form.parse().map_err(OrganisationError::Fields)?;
        let entry = self.entry(who, "organisation_updated", &details.id);
        if !self
            .store
            .update_organisation(&details, now(), &entry)
            .await?
        {
            return Err(OrganisationError::NotFound);
        }
        Ok(())
    }

    pub async fn record_vetting(
        &self,
        who: &Principal,
        id: &str,
        evidence: &str,
    ) -> Result<(), OrganisationError> {
        self.operator(who).await?;
        let evidence = match Text::parse(evidence, crate::domain::text::LONG) {
            Ok(Some(evidence)) => evidence,
            Ok(None) => return Err(field("evidence", "required")),
            Err(code) => return Err(field("evidence", code)),
        };
        let entry = self.entry(who, "organisation_vetted", id);
        if !self
            .store
            .record_vetting(id, &who.username, evidence.as_str(), now(), &entry)
            .await?
        {
            return Err(OrganisationError::NotFound);
        }
        Ok(())
    }

    /// Stores the desk organisation's countersignature once it is checked against the desk
    /// organisation's key and the organisation's current details.
    pub async fn countersign(
        &self,
        who: &Principal,
        id: &str,
        signature: &str,
    ) -> Result<(), OrganisationError> {
        self.operator(who).await?;
        let org = self.existing(id).await?;
        let signature = Signature::parse(signature)
            .map_err(|_| field("countersignature", "invalid_signature"))?;
        let key = org
            .signing_key
            .as_deref()
            .and_then(|k| VerifyingKey::from_bytes(k).ok())
            .ok_or(OrganisationError::NotFound)?;
        let mut candidate = org.clone();
        candidate.countersignature = Some(signature.to_bytes());
        let desk_key = self
            .desk_key
            .ok_or_else(|| field("countersignature", "no_desk_signing_key"))?;
        if !countersigned(&candidate, &key, desk_key) {
            return Err(field("countersignature", "countersignature_mismatch"));
        }
        let entry = self.entry(who, "organisation_countersigned", id);
        if !self
            .store
            .set_countersignature(id, &signature.to_bytes(), now(), &entry)
            .await?
        {
            return Err(OrganisationError::NotFound);
        }
        Ok(())
    }

    pub async fn set_suspended(
        &self,
        who: &Principal,
        id: &str,
        suspend: bool,
    ) -> Result<(), OrganisationError> {
        self.operator(who).await?;
        let action = if suspend {
            "organisation_suspended"
        } else {
            "organisation_reinstated"
        };
        let entry = self.entry(who, action, id);
        let at = now();
        if !self
            .store
            .set_suspended(id, suspend.then_some(at), at, &entry)
            .await?
        {
            return Err(OrganisationError::NotFound);
        }
        Ok(())
    }

    /// The change's audit entry, written in the change's transaction: the change does not
    /// happen if the entry cannot be written.
    fn entry(&self, who: &Principal, action: &str, id: &str) -> AuditEntry<'_> {
        tracing::info!(organisation = %id, action, "organisation change");
        self.audit
            .entry(&who.account_id, action, format!("organisation:{id}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::signing::SigningKey;
    use crate::crypto::KeyPair;

    fn org(id: &str, kind: &str, key: &VerifyingKey) -> OrganisationRow {
        OrganisationRow {
            id: id.into(),
            name: id.into(),
            kind: kind.into(),
            country: Some("KH".into()),
            contact: None,
            signing_key: Some(key.to_bytes()),
            countersignature: None,
            vetted_by: Some("op".into()),
            vetted_at: Some(1),
            vetting_evidence: Some("visited".into()),
            suspended_at: None,
            registered_at: Some(1),
            demo: false,
        }
    }

    fn queue(id: &str, kind: &str, org: &str, signer: &SigningKey) -> QueueStandingRow {
        let key = KeyPair::generate().public;
        let signature = signer.sign(&Statement::QueueKey {
            queue: id,
            kind,
            key: &key,
        });
        QueueStandingRow {
            id: id.into(),
            organisation_id: org.into(),
            kind: kind.into(),
            public_key: key.to_bytes(),
            signature: Some(signature.to_bytes()),
            demo: false,
            key_imported_at: Some(1),
            held_after_restore: None,
        }
    }

    #[test]
    fn demo_flags_stand_only_for_the_demo_desk_this_server_runs() {
        let mut routing = RoutingConfig::default();
        let demo_key = KeyPair::generate().public;
        routing.queues.push(Queue {
            id: "demo-desk".into(),
            organisation: "homeward-demo".into(),
            kind: QueueKind::Desk,
            public_key: demo_key.clone(),
            signature: None,
            countries: Vec::new(),
            nationalities: Vec::new(),
            languages: Vec::new(),
            demo: true,
        });
        let mut demo_org = org(
            "homeward-demo",
            "ngo",
            &SigningKey::generate().verifying_key(),
        );
        demo_org.demo = true;
        demo_org.vetted_at = None;
        let mut desk = queue(
            "demo-desk",
            "desk",
            "homeward-demo",
            &SigningKey::generate(),
        );
        desk.demo = true;
        desk.public_key = demo_key.to_bytes();
        assert_eq!(
            standing(&desk, Some(&demo_org), Vouching::of(&routing)),
            Ok(())
        );
        // The same rows on a server that runs no demo desk, or another key under the name.
        assert_eq!(
            standing(&desk, Some(&demo_org), Vouching::default()),
            Err(Hold::NotVetted)
        );
        let mut other = desk.clone();
        other.public_key = KeyPair::generate().public.to_bytes();
        assert_eq!(
            standing(&other, Some(&demo_org), Vouching::of(&routing)),
            Err(Hold::NotVetted)
        );
    }

    #[test]
    fn a_queue_receives_only_when_every_condition_holds() {
        let desk_signing = SigningKey::generate();
        let desk_key = desk_signing.verifying_key();
        let partner_signing = SigningKey::generate();
        let partner_key = partner_signing.verifying_key();
        let mut partner = org("partner", "ngo", &partner_key);
        let q = queue("p-kh", "ngo", "partner", &partner_signing);
        assert_eq!(
            standing(&q, Some(&partner), Some(&desk_key)),
            Err(Hold::NotCountersigned)
        );

        partner.countersignature = Some(
            desk_signing
                .sign(&Statement::Organisation {
                    id: "partner",
                    kind: "ngo",
                    country: "KH",
                    key: &partner_key,
                })
                .to_bytes(),
        );
        assert_eq!(standing(&q, Some(&partner), Some(&desk_key)), Ok(()));

        // The operator alone cannot move a vetted organisation to another country or kind.
        let mut moved = partner.clone();
        moved.country = Some("TH".into());
        assert_eq!(
            standing(&q, Some(&moved), Some(&desk_key)),
            Err(Hold::NotCountersigned)
        );

        let mut suspended = partner.clone();
        suspended.suspended_at = Some(2);
        assert_eq!(
            standing(&q, Some(&suspended), Some(&desk_key)),
            Err(Hold::Suspended)
        );

        let mut unvetted = partner.clone();
        unvetted.vetted_at = None;
        assert_eq!(
            standing(&q, Some(&unvetted), Some(&desk_key)),
            Err(Hold::NotVetted)
        );

        let foreign = queue("p-kh", "ngo", "partner", &desk_signing);
        assert_eq!(
            standing(&foreign, Some(&partner), Some(&desk_key)),
            Err(Hold::KeyUnsigned)
        );

        let mut waiting = q.clone();
        waiting.key_imported_at = None;
        assert_eq!(
            standing(&waiting, Some(&partner), Some(&desk_key)),
            Err(Hold::KeyNotImported)
        );

        let mut restored = q.clone();
        restored.held_after_restore = Some(3);
        assert_eq!(
            standing(&restored, Some(&partner), Some(&desk_key)),
            Err(Hold::HeldAfterRestore)
        );

        let consular = queue("c", "consular", "partner", &partner_signing);
        assert_eq!(
            standing(&consular, Some(&partner), Some(&desk_key)),
            Err(Hold::WrongOrganisation)
        );
        let partner_desk = queue("d", "desk", "partner", &partner_signing);
        assert_eq!(
            standing(&partner_desk, Some(&partner), Some(&desk_key)),
            Err(Hold::WrongOrganisation)
        );
        let operator = org("operator", "ngo", &desk_key);
        let desk = queue("d", "desk", "operator", &desk_signing);
        assert_eq!(standing(&desk, Some(&operator), Some(&desk_key)), Ok(()));
        assert_eq!(
            standing(&desk, None, Some(&desk_key)),
            Err(Hold::Unregistered)
        );
    }
}
