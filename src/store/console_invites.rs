//! Invites made at the console (`homeward init`, `admin bootstrap`): whether one for the first
//! operator is still waiting, so that running `init` again does not make another.

use super::{on_pool, Store, StoreError};

impl Store {
    /// When the latest unused, unexpired operator invite made at the console expires, if any.
    #[tracing::instrument(skip_all)]
    pub async fn pending_console_operator_invite(
        &self,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT MAX(expires_at) FROM invites
                 WHERE role = 'operator' AND created_by IS NULL AND used_at IS NULL
                   AND reset_account IS NULL AND expires_at > $1",
            )
            .bind(now)
            .fetch_one(pool)
            .await?)
        })
    }
}
