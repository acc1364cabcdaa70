//! The schema, as the commands see it: `homeward migrate` says what it applied, and every
//! command that needs the schema says "run homeward migrate first" once, instead of failing on
//! a missing table.

use serde::Serialize;

use crate::store::schema::{Migration, SchemaState};
use crate::store::Store;

#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error(
        "the database has no Homeward schema yet: run homeward migrate first (with the same \
         settings, or database URL)"
    )]
    Missing,
    #[error(
        "the database schema is behind this build ({count} migrations not applied, the first \
         {first}): run homeward migrate first"
    )]
    Behind { count: usize, first: String },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Refuses, with what to do, a database whose schema is not this build's.
pub async fn require_current(store: &Store) -> Result<(), SchemaError> {
    match store.schema_state().await? {
        SchemaState::Current => Ok(()),
        SchemaState::Missing => Err(SchemaError::Missing),
        SchemaState::Behind { pending } => Err(SchemaError::Behind {
            count: pending.len(),
            first: pending
                .first()
                .map(|m| format!("{} {}", m.version, m.description))
                .unwrap_or_default(),
        }),
    }
}

/// One applied migration, as `migrate --json` and `init --json` list it.
#[derive(Debug, Serialize)]
pub struct Applied {
    pub version: i64,
    pub description: String,
}

impl From<&Migration> for Applied {
    fn from(m: &Migration) -> Applied {
        Applied {
            version: m.version,
            description: m.description.clone(),
        }
    }
}

/// Runs the pending migrations; returns what was applied and how many the build knows.
pub async fn migrate(store: &Store) -> Result<(Vec<Applied>, usize), crate::store::StoreError> {
    let applied = store.migrate_and_list().await?;
    let known = store.known_migrations().len();
    Ok((applied.iter().map(Applied::from).collect(), known))
}

/// The lines `migrate` prints.
pub fn describe(applied: &[Applied], known: usize) -> Vec<String> {
    if applied.is_empty() {
        return vec![format!(
            "the database schema was already up to date ({known} migrations); nothing applied"
        )];
    }
    let mut lines: Vec<String> = applied
        .iter()
        .map(|m| format!("applied {} {}", m.version, m.description))
        .collect();
    lines.push(format!(
        "applied {} of {known} migrations; the database schema is up to date",
        applied.len()
    ));
    lines
}
