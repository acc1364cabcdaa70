//! Which reports retention may destroy: those whose every queue entry is closed, the last closed
//! before the cut-off. Reports with any entry still open are never destroyed by retention, however
//! old; they are counted, so that a purge says what it kept and why.

use super::{on_pool, Store, StoreError};

/// A report retention would destroy, and when its last entry was closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedReport {
    pub id: String,
    pub closed_at: i64,
}

/// Reports older than the cut-off that retention keeps because some entry is still open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kept {
    pub open: i64,
    /// Of those, how many have an entry nobody has claimed yet.
    pub unclaimed: i64,
}

impl Store {
    /// Reports whose every entry is closed, the last at or before `before`, oldest first.
    #[tracing::instrument(skip_all)]
    pub async fn closed_before(&self, before: i64) -> Result<Vec<ClosedReport>, StoreError> {
        on_pool!(self, read, pool => {
            // An entry's last change is its update, or its arrival if it was never updated.
            let rows: Vec<(String, i64)> = sqlx::query_as(
                "SELECT report_id, MAX(CASE WHEN updated_at > added_at THEN updated_at ELSE added_at END)
                 FROM report_queues
                 GROUP BY report_id
                 HAVING SUM(CASE WHEN status = 'closed' THEN 0 ELSE 1 END) = 0
                    AND MAX(CASE WHEN updated_at > added_at THEN updated_at ELSE added_at END) <= $1
                 ORDER BY 2, report_id LIMIT 1000",
            )
            .bind(before)
            .fetch_all(pool)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(id, closed_at)| ClosedReport { id, closed_at })
                .collect())
        })
    }

    /// Reports received at or before `before` that still have an open entry.
    #[tracing::instrument(skip_all)]
    pub async fn kept_open(&self, before: i64) -> Result<Kept, StoreError> {
        on_pool!(self, read, pool => {
            let (open, unclaimed): (i64, i64) = sqlx::query_as(
                "SELECT COUNT(*), COALESCE(SUM(unclaimed), 0) FROM (
                    SELECT r.id,
                           MAX(CASE WHEN e.status = 'new' AND e.assignee IS NULL THEN 1 ELSE 0 END)
                               AS unclaimed
                    FROM reports r JOIN report_queues e ON e.report_id = r.id
                    WHERE r.created_at <= $1 AND e.status <> 'closed'
                    GROUP BY r.id
                 ) open_reports",
            )
            .bind(before)
            .fetch_one(pool)
            .await?;
            Ok(Kept { open, unclaimed })
        })
    }
}
