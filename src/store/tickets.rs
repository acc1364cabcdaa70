//! Routing tickets for reports sealed on the device: issued, looked up, and (in the report's own
//! transaction, see `insert_reports`) spent.

use sqlx::Row;

use super::{on_pool, Store, StoreError};
use crate::crypto::wrap::Wrapped;

/// A ticket as stored: its plan, sealed under the token's key.
pub struct TicketRow {
    pub plan: Wrapped,
    pub expires_at: i64,
}

impl Store {
    /// Stores a new ticket, clearing every expired one first.
    #[tracing::instrument(skip_all)]
    pub async fn create_ticket(
        &self,
        token_hmac: &[u8],
        plan: &Wrapped,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM sealed_tickets WHERE expires_at < $1")
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO sealed_tickets (token_hmac, plan_nonce, plan, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hmac)
            .bind(&plan.nonce)
            .bind(&plan.ciphertext)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Claims a live ticket until `until` for the one submission that builds its report; false
    /// when it is gone, expired, or claimed by another submission whose claim has not lapsed.
    #[tracing::instrument(skip_all)]
    pub async fn claim_ticket(
        &self,
        token_hmac: &[u8],
        now: i64,
        until: i64,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let claimed = sqlx::query(
                "UPDATE sealed_tickets SET claimed_until = $3
                 WHERE token_hmac = $1 AND expires_at >= $2
                   AND (claimed_until IS NULL OR claimed_until < $2)",
            )
            .bind(token_hmac)
            .bind(now)
            .bind(until)
            .execute(pool)
            .await?
            .rows_affected();
            Ok(claimed == 1)
        })
    }

    /// Lets a claimed ticket be used again (its submission failed before storing anything). Only
    /// the claim made until `until` is released: if it lapsed and another submission claimed the
    /// ticket since, that claim stands.
    #[tracing::instrument(skip_all)]
    pub async fn release_ticket(&self, token_hmac: &[u8], until: i64) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            sqlx::query(
                "UPDATE sealed_tickets SET claimed_until = NULL
                 WHERE token_hmac = $1 AND claimed_until = $2",
            )
            .bind(token_hmac)
            .bind(until)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// The ticket with this HMAC, expired or not: an expired one is refused by name.
    #[tracing::instrument(skip_all)]
    pub async fn ticket(&self, token_hmac: &[u8]) -> Result<Option<TicketRow>, StoreError> {
        on_pool!(self, read, pool => {
            let row = sqlx::query(
                "SELECT plan_nonce, plan, expires_at FROM sealed_tickets WHERE token_hmac = $1",
            )
            .bind(token_hmac)
            .fetch_optional(pool)
            .await?;
            row.map(|row| {
                Ok(TicketRow {
                    plan: Wrapped {
                        nonce: row.try_get(0)?,
                        ciphertext: row.try_get(1)?,
                    },
                    expires_at: row.try_get(2)?,
                })
            })
            .transpose()
        })
    }
}
