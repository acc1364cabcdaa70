//! What the operator's overview counts per queue: entries open, unclaimed and overdue, the
//! members holding the queue's current key, and the hour it last received a report. Counts and
//! hours only, so the operator, who reads no report, learns nothing a report says.

use std::collections::HashMap;

use super::{on_pool, Store, StoreError};

/// One queue's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueCounts {
    /// Entries not closed (and not closed to the queue by a withdrawn consent).
    pub open: i64,
    /// Of those, entries nobody has claimed.
    pub unclaimed: i64,
    /// Entries still new and unclaimed past their class's acknowledgement target.
    pub overdue: i64,
    /// Members holding a copy of the queue's current key.
    pub holders: i64,
    /// The hour the queue last received a report, if it ever did.
    pub last_received: Option<i64>,
}

type CountTuple = (String, i64, i64, i64, Option<i64>);

impl Store {
    /// Every queue's counts by id; a queue that never received anything and whose key nobody
    /// holds has no row. `overdue_before` is when an entry of each class (critical, high,
    /// normal) became overdue.
    #[tracing::instrument(skip_all)]
    pub async fn queue_counts(
        &self,
        overdue_before: [i64; 3],
    ) -> Result<HashMap<String, QueueCounts>, StoreError> {
        on_pool!(self, read, pool => {
            let entries: Vec<CountTuple> = sqlx::query_as(
                "SELECT queue_id,
                        COALESCE(SUM(CASE WHEN status <> 'closed' AND consent_withdrawn_at IS NULL
                            THEN 1 ELSE 0 END), 0),
                        COALESCE(SUM(CASE WHEN status <> 'closed' AND consent_withdrawn_at IS NULL
                            AND assignee IS NULL THEN 1 ELSE 0 END), 0),
                        COALESCE(SUM(CASE WHEN status = 'new' AND assignee IS NULL
                            AND consent_withdrawn_at IS NULL
                            AND added_at < (CASE priority_rank WHEN 0 THEN $1 WHEN 1 THEN $2
                                            ELSE $3 END)
                            THEN 1 ELSE 0 END), 0),
                        MAX(added_at)
                 FROM report_queues GROUP BY queue_id",
            )
            .bind(overdue_before[0])
            .bind(overdue_before[1])
            .bind(overdue_before[2])
            .fetch_all(pool)
            .await?;
            let holders: Vec<(String, i64)> = sqlx::query_as(
                "SELECT c.queue_id, COUNT(DISTINCT c.account_id) FROM queue_key_copies c
                 JOIN queues q ON q.id = c.queue_id AND c.queue_public_key = q.public_key
                 GROUP BY c.queue_id",
            )
            .fetch_all(pool)
            .await?;
            let mut counts: HashMap<String, QueueCounts> = entries
                .into_iter()
                .map(|(queue, open, unclaimed, overdue, last_received)| {
                    (queue, QueueCounts { open, unclaimed, overdue, holders: 0, last_received })
                })
                .collect();
            for (queue, holders) in holders {
                counts.entry(queue).or_default().holders = holders;
            }
            Ok(counts)
        })
    }
}
