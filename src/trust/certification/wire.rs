//! A member's chain in text, as the API gives it to `homeward queue grant`, and back into the
//! rows `verify_links` reads on the organisation's own machine.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::crypto::signing::{Signature, VerifyingKey};
use crate::crypto::PublicKey;
use crate::store::IdentityRow;

use super::chain::stored_signature;

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
    pub(super) fn from_row(row: &IdentityRow) -> ChainLink {
        ChainLink {
            account: row.account_id.clone(),
            username: row.username.clone(),
            role: row.role.clone(),
            public_key: PublicKey::from_bytes(&row.public_key)
                .map(|k| k.to_text())
                .unwrap_or_default(),
            identity_key: row
                .identity_key
                .as_deref()
                .and_then(|b| VerifyingKey::from_bytes(b).ok())
                .map(|k| k.to_text()),
            key_signature: stored_signature(row.key_signature.as_deref()).map(|s| s.to_text()),
            signer: row.signer.clone(),
            signature: stored_signature(row.signature.as_deref()).map(|s| s.to_text()),
        }
    }

    /// The link as a row `verify_links` reads; text that does not parse becomes no value, which
    /// the check then refuses.
    pub fn to_row(&self, organisation: &str) -> IdentityRow {
        let signature = |text: &Option<String>| {
            text.as_deref()
                .and_then(|s| Signature::parse(s).ok())
                .map(|s| s.to_bytes())
        };
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
            key_signature: signature(&self.key_signature),
            signer: self.signer.clone(),
            signature: signature(&self.signature),
        }
    }
}
