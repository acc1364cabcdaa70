//! The Argon2id parameters reporter keys are stored with, as a whole: what an unknown locator's
//! stand-in derivation must cost (`reporting::unknown_locator`).

use super::{on_pool, Store, StoreError};

impl Store {
    /// The parameters most live reports' reporter keys were wrapped with (the stored text, e.g.
    /// `argon2id$v=19$m=19456,t=2,p=1`), or `None` while there is no live report.
    #[tracing::instrument(skip_all)]
    pub async fn most_common_reporter_kdf(&self) -> Result<Option<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT reporter_key_kdf FROM reports WHERE withdrawn_at IS NULL
                 GROUP BY reporter_key_kdf ORDER BY COUNT(*) DESC, reporter_key_kdf LIMIT 1",
            )
            .fetch_optional(pool)
            .await?)
        })
    }
}
