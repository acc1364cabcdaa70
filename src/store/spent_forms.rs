//! Forms that act once (`web::shared::once`): the digests of spent tokens, for a day.

use super::{on_pool, Store, StoreError};

impl Store {
    /// Records `digest` as spent at `hour`, forgetting those spent before `forget_before`;
    /// `false` when it was spent already. Two requests carrying one token at once find one
    /// `true`: the primary key decides.
    #[tracing::instrument(skip_all)]
    pub async fn spend_form(
        &self,
        digest: &[u8],
        hour: i64,
        forget_before: i64,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM spent_forms WHERE spent_at < $1")
                .bind(forget_before)
                .execute(&mut *tx)
                .await?;
            let spent = sqlx::query(
                "INSERT INTO spent_forms (digest, spent_at) VALUES ($1, $2)
                 ON CONFLICT (digest) DO NOTHING",
            )
            .bind(digest)
            .bind(hour)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            tx.commit().await?;
            Ok(spent)
        })
    }

    /// Forgets a spent digest, so that its form may act after all.
    #[tracing::instrument(skip_all)]
    pub async fn unspend_form(&self, digest: &[u8]) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            sqlx::query("DELETE FROM spent_forms WHERE digest = $1")
                .bind(digest)
                .execute(pool)
                .await?;
            Ok(())
        })
    }
}
