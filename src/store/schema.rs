//! Which of this build's migrations a database holds, read without assuming it holds any: the
//! commands that need the schema say "run homeward migrate first" instead of failing on a
//! missing table, and `homeward migrate` names what it applied.

use super::{on_pool, Store, StoreError, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};

/// One migration of this build: its version (the number its file starts with) and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub version: i64,
    pub description: String,
}

/// How a database's schema stands against this build's migrations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaState {
    /// No Homeward migration has ever run on it (an empty database, or someone else's).
    Missing,
    /// Some migrations of this build are not applied (or failed).
    Behind { pending: Vec<Migration> },
    /// Every migration of this build is applied.
    Current,
}

impl Store {
    fn migrator(&self) -> &'static sqlx::migrate::Migrator {
        if self.is_postgres() {
            &POSTGRES_MIGRATIONS
        } else {
            &SQLITE_MIGRATIONS
        }
    }

    /// Every migration this build carries, oldest first.
    pub fn known_migrations(&self) -> Vec<Migration> {
        self.migrator()
            .iter()
            .map(|m| Migration {
                version: m.version,
                description: m.description.to_string(),
            })
            .collect()
    }

    /// The versions applied successfully; `None` when the bookkeeping table is not there at all.
    #[tracing::instrument(skip_all)]
    async fn applied_versions(&self) -> Result<Option<Vec<i64>>, StoreError> {
        let exists: bool = on_pool!(self, read, pool => {
            if self.is_postgres() {
                sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
                    .fetch_one(pool)
                    .await?
            } else {
                sqlx::query_scalar(
                    "SELECT COUNT(*) > 0 FROM sqlite_master
                     WHERE type = 'table' AND name = '_sqlx_migrations'",
                )
                .fetch_one(pool)
                .await?
            }
        });
        if !exists {
            return Ok(None);
        }
        let applied: Vec<i64> = on_pool!(self, read, pool => {
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
                .fetch_all(pool)
                .await?
        });
        Ok(Some(applied))
    }

    /// Where the schema stands, without failing on a database that has none.
    #[tracing::instrument(skip_all)]
    pub async fn schema_state(&self) -> Result<SchemaState, StoreError> {
        let Some(applied) = self.applied_versions().await? else {
            return Ok(SchemaState::Missing);
        };
        let pending: Vec<Migration> = self
            .known_migrations()
            .into_iter()
            .filter(|m| !applied.contains(&m.version))
            .collect();
        Ok(if pending.is_empty() {
            SchemaState::Current
        } else if applied.is_empty() {
            SchemaState::Missing
        } else {
            SchemaState::Behind { pending }
        })
    }

    /// Runs the pending migrations and returns them, oldest first (none: it was up to date).
    #[tracing::instrument(skip_all)]
    pub async fn migrate_and_list(&self) -> Result<Vec<Migration>, StoreError> {
        let before = self.applied_versions().await?.unwrap_or_default();
        self.migrate().await?;
        Ok(self
            .known_migrations()
            .into_iter()
            .filter(|m| !before.contains(&m.version))
            .collect())
    }
}
