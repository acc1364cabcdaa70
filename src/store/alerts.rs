//! What alerts need: how many critical entries wait unclaimed past their target, per queue, and
//! a claim on each alert so that replicas do not repeat one another.

use super::{on_pool, Store, StoreError};

impl Store {
    /// Active queues with critical entries still new and unclaimed since before `added_before`:
    /// (queue id, count). An entry a withdrawn consent closed waits for nobody.
    #[tracing::instrument(skip_all)]
    pub async fn overdue_critical(
        &self,
        added_before: i64,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(
                "SELECT e.queue_id, COUNT(*) FROM report_queues e JOIN queues q ON q.id = e.queue_id
                 WHERE q.active AND e.priority_rank = 0 AND e.status = 'new' AND e.assignee IS NULL
                   AND e.added_at < $1 AND e.consent_withdrawn_at IS NULL
                 GROUP BY e.queue_id ORDER BY e.queue_id",
            )
            .bind(added_before)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Open entries per priority rank on active queues, and of those how many wait new and
    /// unclaimed past their class's target: (rank, open, overdue). For the metrics.
    #[tracing::instrument(skip_all)]
    pub async fn queue_depths(
        &self,
        overdue_before: [i64; 3],
    ) -> Result<Vec<(i64, i64, i64)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(
                "SELECT CAST(e.priority_rank AS BIGINT), COUNT(*),
                        COALESCE(SUM(CASE WHEN e.status = 'new' AND e.assignee IS NULL
                            AND e.added_at < (CASE e.priority_rank WHEN 0 THEN $1 WHEN 1 THEN $2
                                              ELSE $3 END)
                            THEN 1 ELSE 0 END), 0)
                 FROM report_queues e JOIN queues q ON q.id = e.queue_id
                 WHERE q.active AND e.status <> 'closed' AND e.consent_withdrawn_at IS NULL
                 GROUP BY e.priority_rank ORDER BY e.priority_rank",
            )
            .bind(overdue_before[0])
            .bind(overdue_before[1])
            .bind(overdue_before[2])
            .fetch_all(pool)
            .await?)
        })
    }

    /// Claims the right to alert about `queue` now: false if some server alerted about it since
    /// `now - repeat_secs`.
    #[tracing::instrument(skip_all)]
    pub async fn claim_alert(
        &self,
        queue: &str,
        now: i64,
        repeat_secs: i64,
    ) -> Result<bool, StoreError> {
        on_pool!(self, write, pool => {
            let done = sqlx::query(
                "INSERT INTO alerts (queue_id, sent_at) VALUES ($1, $2)
                 ON CONFLICT (queue_id) DO UPDATE SET sent_at = excluded.sent_at
                 WHERE alerts.sent_at <= $3",
            )
            .bind(queue)
            .bind(now)
            .bind(now - repeat_secs)
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }
}
