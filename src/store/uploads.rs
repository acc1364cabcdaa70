//! Staged uploads: the row with the token's HMAC and progress, and the sealed chunks.

use super::{on_pool, Store, StoreError};
use crate::crypto::wrap::Wrapped;

/// An upload's progress and what the completion left.
pub struct UploadRow {
    pub token_hmac: Vec<u8>,
    pub size: i64,
    pub received: i64,
    pub declared_type: Option<String>,
    pub cleaned: Option<Wrapped>,
}

/// Inside a write transaction: one sealed piece of an upload.
macro_rules! insert_piece {
    ($tx:expr, $id:expr, $first_byte:expr, $piece:expr) => {{
        let piece: &Wrapped = $piece;
        sqlx::query(
            "INSERT INTO upload_chunks (upload_id, first_byte, nonce, data) VALUES ($1, $2, $3, $4)",
        )
        .bind($id)
        .bind($first_byte)
        .bind(&piece.nonce)
        .bind(&piece.ciphertext)
        .execute(&mut *$tx)
        .await?;
    }};
}

/// token HMAC, size, received, declared type, sealed cleaned facts (nonce, ciphertext).
type UploadColumns = (
    Vec<u8>,
    i64,
    i64,
    Option<String>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

impl Store {
    #[tracing::instrument(skip_all)]
    pub async fn create_upload(
        &self,
        id: &str,
        token_hmac: &[u8],
        size: i64,
        declared_type: Option<&str>,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM uploads WHERE expires_at < $1")
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO uploads (id, token_hmac, size, declared_type, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(token_hmac)
            .bind(size)
            .bind(declared_type)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// What live uploads hold, in bytes received.
    #[tracing::instrument(skip_all)]
    pub async fn staged_bytes(&self, now: i64) -> Result<i64, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT CAST(COALESCE(SUM(received), 0) AS BIGINT) FROM uploads WHERE expires_at > $1",
            )
            .bind(now)
            .fetch_one(pool)
            .await?)
        })
    }

    /// A live upload.
    #[tracing::instrument(skip_all)]
    pub async fn upload(&self, id: &str, now: i64) -> Result<Option<UploadRow>, StoreError> {
        on_pool!(self, read, pool => {
            let row: Option<UploadColumns> =
                sqlx::query_as(
                    "SELECT token_hmac, size, received, declared_type, cleaned_nonce, cleaned_meta
                     FROM uploads WHERE id = $1 AND expires_at > $2",
                )
                .bind(id)
                .bind(now)
                .fetch_optional(pool)
                .await?;
            Ok(row.map(|(token_hmac, size, received, declared_type, nonce, meta)| UploadRow {
                token_hmac,
                size,
                received,
                declared_type,
                cleaned: nonce.zip(meta).map(|(nonce, ciphertext)| Wrapped { nonce, ciphertext }),
            }))
        })
    }

    /// Appends a sealed chunk at `first_byte` if that is where the upload stands; false if
    /// another request got there first (the client asks the offset again).
    #[tracing::instrument(skip_all)]
    pub async fn append_upload(
        &self,
        id: &str,
        first_byte: i64,
        length: i64,
        chunk: &Wrapped,
        idle_until: i64,
        lifetime_secs: i64,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            // Each piece gives the upload its idle time again, within its lifetime.
            let moved = sqlx::query(
                "UPDATE uploads SET received = received + $3,
                   expires_at = CASE WHEN created_at + $4 < $5 THEN created_at + $4 ELSE $5 END
                 WHERE id = $1 AND received = $2 AND received + $3 <= size AND cleaned_meta IS NULL",
            )
            .bind(id)
            .bind(first_byte)
            .bind(length)
            .bind(lifetime_secs)
            .bind(idle_until)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if moved != 1 {
                return Ok(false);
            }
            insert_piece!(tx, id, first_byte, chunk);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// The staged chunks, in order: (first byte, sealed chunk).
    #[tracing::instrument(skip_all)]
    pub async fn upload_chunks(&self, id: &str) -> Result<Vec<(i64, Wrapped)>, StoreError> {
        on_pool!(self, read, pool => {
            let rows: Vec<(i64, Vec<u8>, Vec<u8>)> = sqlx::query_as(
                "SELECT first_byte, nonce, data FROM upload_chunks WHERE upload_id = $1 ORDER BY first_byte",
            )
            .bind(id)
            .fetch_all(pool)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(at, nonce, ciphertext)| (at, Wrapped { nonce, ciphertext }))
                .collect())
        })
    }

    /// Replaces what was received with the cleaned file, staged again, and its sealed facts.
    #[tracing::instrument(skip_all)]
    pub async fn stage_cleaned(
        &self,
        id: &str,
        chunks: &[(i64, Wrapped)],
        meta: &Wrapped,
        lifetime_secs: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM upload_chunks WHERE upload_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            for (at, chunk) in chunks {
                insert_piece!(tx, id, at, chunk);
            }
            // Complete, it waits for its report for the rest of its lifetime.
            sqlx::query(
                "UPDATE uploads SET cleaned_nonce = $2, cleaned_meta = $3,
                   expires_at = created_at + $4 WHERE id = $1",
            )
            .bind(id)
            .bind(&meta.nonce)
            .bind(&meta.ciphertext)
            .bind(lifetime_secs)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn discard_upload(&self, id: &str) -> Result<(), StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM upload_chunks WHERE upload_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM uploads WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}
