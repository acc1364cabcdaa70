//! The first operator's invite (`admin bootstrap`, and the last step of `init`) and the console
//! recovery when no operator is left (`admin recover-operator`). The invite link is a one-time
//! secret: printed once, or written to a file only its owner may read. A new one revokes every
//! earlier operator invite made here and still open (audited), so a link printed before and seen
//! by someone else is dead once another is printed.

use secrecy::{ExposeSecret, SecretString};

use crate::config::Settings;
use crate::operations::secrets::ServerSecrets;
use crate::store::Store;

/// What became of the first operator's invite.
pub enum FirstInvite {
    /// A new one-time invite link (valid `INVITE_HOURS`).
    Made(SecretString),
    /// An operator account exists: operators invite further staff from the workspace.
    OperatorExists,
    /// Accounts exist but no operator: a new operator made at the console is a recovery.
    AccountsExist,
    /// An invite made here earlier is unused and still valid until this time (Unix seconds):
    /// `init` run again makes no second one.
    Pending(i64),
}

/// Makes the first operator's invite, unless someone has an account already (or, with
/// `again` false, an invite made here is still waiting). The schema must be current.
pub async fn first_invite(
    settings: &Settings,
    store: &Store,
    secrets: ServerSecrets,
    again: bool,
) -> anyhow::Result<FirstInvite> {
    if store.operator_exists().await? {
        return Ok(FirstInvite::OperatorExists);
    }
    if store.accounts_exist().await? {
        return Ok(FirstInvite::AccountsExist);
    }
    if !again {
        if let Some(expires) = store
            .pending_console_operator_invite(crate::store::now())
            .await?
        {
            return Ok(FirstInvite::Pending(expires));
        }
    }
    let kdf = crate::crypto::kdf::KdfPool::new(1);
    let accounts = crate::startup::accounts_for(settings, store.clone(), kdf, secrets);
    // Any earlier link made here stops working: only the one printed now enrols anyone.
    let token = accounts.first_operator_invite().await?;
    Ok(FirstInvite::Made(invite_link(settings, &token)))
}

/// The link an invite's token makes under `public_url`.
pub fn invite_link(settings: &Settings, token: &SecretString) -> SecretString {
    SecretString::from(format!(
        "{}/invite/{}",
        settings.public_url.trim_end_matches('/'),
        token.expose_secret()
    ))
}

/// `admin bootstrap`: the schema as `migrate` leaves it, then the first operator's invite.
pub async fn bootstrap(settings: Settings) -> anyhow::Result<()> {
    let secrets = crate::operations::secrets::load_or_create(
        &settings.secrets_path(),
        !settings.is_postgres(),
    )?;
    let store = Store::connect(&settings.database.url, 1).await?;
    let outcome = async {
        store.migrate().await?;
        first_invite(&settings, &store, secrets, true).await
    }
    .await;
    store.close().await;
    match outcome? {
        FirstInvite::Made(link) => {
            println!(
                "One-time invite for the first operator (valid {} hours, shown once):",
                crate::trust::accounts::INVITE_HOURS
            );
            println!("{}", link.expose_secret());
            Ok(())
        }
        FirstInvite::OperatorExists => anyhow::bail!(
            "an operator account exists already; operators invite further staff from the workspace"
        ),
        FirstInvite::AccountsExist => anyhow::bail!(
            "this deployment has accounts already: a new operator made here is a recovery, \
             announced to every member: homeward admin recover-operator"
        ),
        // Asked for again: never answered so.
        FirstInvite::Pending(_) => Ok(()),
    }
}

/// `admin recover-operator`: a one-time operator invite when nobody can log in as operator.
pub async fn recover_operator(settings: Settings, operators_lost: bool) -> anyhow::Result<()> {
    let secrets = crate::operations::secrets::load_or_create(
        &settings.secrets_path(),
        !settings.is_postgres(),
    )?;
    let store = Store::connect(&settings.database.url, 1).await?;
    let outcome = async {
        super::schema::require_current(&store).await?;
        if store.operator_exists().await? && !operators_lost {
            anyhow::bail!(
                "operator accounts exist: an operator invites further operators from the workspace. \
                 If nobody can log in to them any more, run this again with --operators-lost"
            );
        }
        let kdf = crate::crypto::kdf::KdfPool::new(1);
        let accounts = crate::startup::accounts_for(&settings, store.clone(), kdf, secrets);
        Ok(invite_link(&settings, &accounts.recovery_invite().await?))
    }
    .await;
    store.close().await;
    let link = outcome?;
    println!(
        "One-time invite for a new operator (valid {} hours, shown once). Every member's workspace \
         announces this recovery for 30 days:",
        crate::trust::accounts::INVITE_HOURS
    );
    println!("{}", link.expose_secret());
    Ok(())
}
