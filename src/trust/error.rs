//! What a responder's operation on keys or cases can be refused with. The web maps it to an
//! answer in one place.

use crate::crypto::CryptoError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("the key is not this queue's private key")]
    WrongKey,
    #[error("the signature is not the organisation's over this queue key")]
    BadSignature,
    /// The fingerprint the member read out is not that of the identity the server holds.
    #[error("the fingerprint does not match the member's identity")]
    WrongFingerprint,
    #[error("not allowed by the workflow")]
    Invalid,
    #[error("someone else changed it first")]
    Conflict,
    /// The queue does not stand now (its organisation suspended, its key not the one the
    /// organisation signed, held after a restore): its reports are neither read nor worked.
    #[error("the queue is on hold")]
    OnHold,
    /// The account's membership chain does not reach its organisation's key.
    #[error("not a certified member: {}", .0.code())]
    Uncertified(crate::trust::certification::Gap),
    /// Nobody holding the report may receive what was written (see `sealing::NoReceiver`).
    #[error(transparent)]
    NoReceiver(#[from] crate::trust::sealing::NoReceiver),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}
