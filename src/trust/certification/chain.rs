//! The chain itself: why an account falls short of it (`Gap`), what a verified one gives
//! (`Certified`), and the check from the stored rows (`Chain`, `verify_links`). Everything else
//! in this module signs, stores or answers with what is checked here.

use crate::crypto::identity::identity_of;
use crate::crypto::signing::{Signature, Statement, VerifyingKey};
use crate::crypto::PublicKey;
use crate::store::{IdentityRow, Store, StoreError, ORGANISATION_SIGNER};
use crate::trust::accounts::{Principal, Role};
use crate::trust::organisations::{organisation_standing, Hold};
use crate::trust::WorkspaceError;

use super::standing::managing_coordinator;
use super::wire::{ChainLink, MemberChain};

/// How many coordinators may stand between an organisation's key and an account.
const MAX_DEPTH: usize = 8;

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

impl Certified {
    /// The account of `row` as a member of `organisation_id`, with the identity and encryption
    /// key its chain (or, on the demo desk, its own binding) covers.
    fn of(
        row: &IdentityRow,
        organisation_id: String,
        (identity, public_key): (VerifyingKey, PublicKey),
    ) -> Certified {
        Certified {
            account_id: row.account_id.clone(),
            username: row.username.clone(),
            role: row.role.clone(),
            organisation_id,
            public_key,
            identity,
        }
    }
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

/// What a certifier signs for the member of `row`: their account, name and role in `org`, and
/// their identity key.
pub(super) fn member_statement<'a>(
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

/// A stored signature column as a signature; no value, or bytes that are not one, give none.
pub(super) fn stored_signature(column: Option<&[u8]>) -> Option<Signature> {
    column.and_then(|bytes| Signature::from_bytes(bytes).ok())
}

/// The account's identity key, if its signature binds the account's current encryption key.
pub(super) fn bound_identity(row: &IdentityRow) -> Result<(VerifyingKey, PublicKey), Gap> {
    let identity = row
        .identity_key
        .as_deref()
        .and_then(|k| VerifyingKey::from_bytes(k).ok())
        .ok_or(Gap::NoIdentity)?;
    let public = PublicKey::from_bytes(&row.public_key).map_err(|_| Gap::KeyNotBound)?;
    let signature = stored_signature(row.key_signature.as_deref()).ok_or(Gap::KeyNotBound)?;
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
        let certified = stored_signature(row.signature.as_deref()).is_some_and(|s| {
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

    /// The organisation's signing key if the organisation stands, the gap if it does not;
    /// `None` when there is no such organisation, which each caller answers in its own way.
    pub(super) async fn organisation_key(
        &self,
        organisation: &str,
    ) -> Result<Option<Result<VerifyingKey, Gap>>, StoreError> {
        Ok(self
            .store
            .organisation(organisation)
            .await?
            .map(|org| organisation_standing(&org, self.desk_key).map_err(Gap::Organisation)))
    }

    /// The account as a certified member, or the first gap in its chain.
    pub async fn check(&self, account: &str) -> Result<Result<Certified, Gap>, StoreError> {
        if let Some(demo) = self.demo_organisation {
            if let Some(row) = self.store.identity(account).await? {
                if row.organisation_id.as_deref() == Some(demo) {
                    return Ok(bound_identity(&row)
                        .map(|bound| Certified::of(&row, demo.to_owned(), bound)));
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
        let org_key = match self.organisation_key(&org_id).await? {
            Some(Ok(key)) => key,
            Some(Err(gap)) => return Ok(Err(gap)),
            None => return Ok(Err(Gap::Organisation(Hold::Unregistered))),
        };
        Ok(verify_links(&org_key, &org_id, &links)
            .map(|bound| Certified::of(&links[0], org_id, bound)))
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
