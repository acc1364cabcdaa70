//! A flood of fake reports cleared in bulk: a queue's selected entries closed in one
//! transaction under one audit entry, and reports that every holder closed as not genuine
//! destroyed early, also in one transaction under one entry, their ids listed beside the secrets
//! first (`destroyed`) so that a restore destroys them again.

use super::destroyed::DestroyedList;
use super::listing::FROM_REPORTER;
use super::reporter::REPORT_ROWS;
use super::{begin_audited, on_pool, try_append_audit, AuditEntry, Store, StoreError};

/// A selected report's entry in a queue, as a wave's confirmation lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Selected {
    pub report_id: String,
    pub priority: String,
    pub status: String,
    pub added_at: i64,
    /// When a withdrawn consent closed the entry to its queue, if it did: nothing more is done
    /// with it, so a wave leaves it as it is.
    pub consent_withdrawn_at: Option<i64>,
    /// Who has claimed it: a wave leaves a colleague's claimed case to them.
    pub assignee: Option<String>,
}

/// What makes a report due for early destruction: every entry of it closed with `outcome`, each
/// at `closed_before` or earlier, each by a known account other than `not_by`. An entry closed
/// before its closer was recorded is never due. Whether the reporter wrote after one of those
/// closures (`FROM_REPORTER`) does not keep it (a flooder holding the codes of their fakes would
/// write to each and keep them all), but it is said beside it.
#[derive(Debug, Clone, Copy)]
pub struct EarlyRule<'a> {
    pub outcome: &'a str,
    pub closed_before: i64,
    /// The account that would destroy: a report it closed anywhere needs someone else.
    pub not_by: &'a str,
}

/// Which reports `due_sql` judges.
#[derive(Clone, Copy)]
enum Judged {
    /// Every report, at most $4 of them.
    Any,
    /// The one report $4 names.
    One,
}

/// The reports `EarlyRule` finds due ($1 outcome, $2 not_by, $3 closed_before), oldest first,
/// each with whether its reporter wrote after it was closed. One statement for the list and for
/// the destroying transaction, so that what a coordinator is shown is what may go; the one
/// report's form filters on its id, so that the transaction reads its entries by index.
fn due_sql(judged: Judged) -> String {
    let (which, limit) = match judged {
        Judged::Any => ("", "LIMIT $4"),
        Judged::One => ("WHERE r.id = $4", ""),
    };
    format!(
        "SELECT r.id, r.created_at, COUNT(*),
                MAX(CASE WHEN e.updated_at > e.added_at THEN e.updated_at ELSE e.added_at END),
                CAST(CASE WHEN EXISTS (
                    SELECT 1 FROM items i JOIN report_queues c ON c.report_id = i.report_id
                    WHERE i.report_id = r.id AND i.kind IN {FROM_REPORTER}
                      AND i.position > c.closed_position) THEN 1 ELSE 0 END AS BIGINT)
         FROM reports r JOIN report_queues e ON e.report_id = r.id
         {which}
         GROUP BY r.id, r.created_at
         HAVING SUM(CASE WHEN e.status = 'closed' AND e.outcome = $1 AND e.updated_at <= $3
                              AND e.closed_by IS NOT NULL AND e.closed_by <> $2
                              AND e.closed_position IS NOT NULL
                         THEN 0 ELSE 1 END) = 0
         ORDER BY r.created_at, r.id {limit}"
    )
}

/// A report every queue holding it closed with the same outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedEverywhere {
    pub report_id: String,
    /// When it came in, to the hour.
    pub created_at: i64,
    /// How many queues hold it.
    pub holders: i64,
    /// When its last entry was closed.
    pub closed_at: i64,
    /// The reporter wrote to it after one of its entries was closed.
    pub wrote_after: bool,
}

/// `$first`, `$first + 1`, ... for `count` values, comma-separated.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The entries `queue` holds of `reports`, in the order of the queue's list; the reports it
    /// does not hold are left out.
    #[tracing::instrument(skip_all)]
    pub async fn selected_entries(
        &self,
        queue: &str,
        reports: &[String],
    ) -> Result<Vec<Selected>, StoreError> {
        if reports.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT report_id,
                    CASE priority_rank WHEN 0 THEN 'critical' WHEN 1 THEN 'high' ELSE 'normal' END
                        AS priority,
                    status, added_at, consent_withdrawn_at, assignee
             FROM report_queues WHERE queue_id = $1 AND report_id IN ({})
             ORDER BY priority_rank, added_at, report_id",
            placeholders(2, reports.len())
        );
        on_pool!(self, read, pool => {
            let mut query = sqlx::query_as(&sql).bind(queue);
            for report in reports {
                query = query.bind(report);
            }
            Ok(query.fetch_all(pool).await?)
        })
    }

    /// Closes with `outcome` every entry of `queue` among `reports` whose status is one of
    /// `closable`, that no withdrawn consent closed and that nobody but `by` has claimed, in one
    /// transaction, each recording `by`
    /// and the report's last item; `entry` makes the one audit entry from the ids it closed.
    /// Each entry is judged as it is updated, so one a responder moved meanwhile is judged as it
    /// now stands. Returns the ids closed; when none was, nothing is written.
    #[allow(clippy::too_many_arguments)]
    #[tracing::instrument(skip_all)]
    pub async fn close_wave<'k>(
        &self,
        queue: &str,
        reports: &[String],
        closable: &[&str],
        outcome: &str,
        by: &str,
        at: i64,
        entry: impl FnOnce(&[String]) -> AuditEntry<'k>,
    ) -> Result<Vec<String>, StoreError> {
        if closable.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "UPDATE report_queues SET status = 'closed', outcome = $1, updated_at = $2,
                    closed_by = $5,
                    closed_position = (SELECT COALESCE(MAX(position), 0) FROM items
                                       WHERE report_id = $4)
             WHERE queue_id = $3 AND report_id = $4 AND consent_withdrawn_at IS NULL
               AND (assignee IS NULL OR assignee = $5)
               AND status IN ({})",
            placeholders(6, closable.len())
        );
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let mut closed = Vec::new();
            for report in reports {
                let mut query = sqlx::query(&sql)
                    .bind(outcome)
                    .bind(at)
                    .bind(queue)
                    .bind(report)
                    .bind(by);
                for status in closable {
                    query = query.bind(*status);
                }
                if query.execute(&mut *tx).await?.rows_affected() == 1 {
                    closed.push(report.clone());
                }
            }
            if closed.is_empty() {
                return Ok(closed);
            }
            let audit = entry(&closed);
            try_append_audit!(self, tx, &audit);
            tx.commit().await?;
            Ok(closed)
        })
    }

    /// Reports `rule` finds due for early destruction, oldest first, at most `limit`.
    #[tracing::instrument(skip_all)]
    pub async fn due_early(
        &self,
        rule: EarlyRule<'_>,
        limit: i64,
    ) -> Result<Vec<ClosedEverywhere>, StoreError> {
        let sql = due_sql(Judged::Any);
        on_pool!(self, read, pool => {
            let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(&sql)
                .bind(rule.outcome)
                .bind(rule.not_by)
                .bind(rule.closed_before)
                .bind(limit)
                .fetch_all(pool)
                .await?;
            Ok(rows
                .into_iter()
                .map(|(report_id, created_at, holders, closed_at, wrote_after)| ClosedEverywhere {
                    wrote_after: wrote_after != 0,
                    report_id,
                    created_at,
                    holders,
                    closed_at,
                })
                .collect())
        })
    }

    /// Destroys those of `reports` that `rule` finds due, judged inside the transaction that
    /// destroys them (on PostgreSQL with the report and its entries locked, so an entry reopened
    /// or a queue added meanwhile either commits first and keeps the report, or waits; so does
    /// an item the reporter sends meanwhile, whose reference to the report needs its row), in
    /// one transaction under the one audit entry `entry` makes from their ids. The ids are
    /// listed in `list` before anything goes, so a crash between the two leaves a listed id that
    /// a restore destroys again, never a destroyed report a restore brings back. Returns the ids
    /// destroyed; when none qualifies, nothing is written.
    #[tracing::instrument(skip_all)]
    pub async fn destroy_due_early<'k>(
        &self,
        reports: &[String],
        rule: EarlyRule<'_>,
        list: &DestroyedList,
        entry: impl FnOnce(&[String]) -> AuditEntry<'k>,
    ) -> Result<Vec<String>, StoreError> {
        let lock = if self.is_postgres() {
            " FOR UPDATE"
        } else {
            ""
        };
        let report_sql = format!("SELECT id FROM reports WHERE id = $1{lock}");
        let entries_sql = format!("SELECT status FROM report_queues WHERE report_id = $1{lock}");
        let due_sql = due_sql(Judged::One);
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let mut due = Vec::new();
            for report in reports {
                let held: Option<String> = sqlx::query_scalar(&report_sql)
                    .bind(report)
                    .fetch_optional(&mut *tx)
                    .await?;
                if held.is_none() {
                    continue;
                }
                // Taken only for PostgreSQL's lock (SQLite's one writer holds the whole
                // database already): the rule reads them again below.
                if !lock.is_empty() {
                    let _: Vec<String> = sqlx::query_scalar(&entries_sql)
                        .bind(report)
                        .fetch_all(&mut *tx)
                        .await?;
                }
                let found: Option<(String, i64, i64, i64, i64)> = sqlx::query_as(&due_sql)
                    .bind(rule.outcome)
                    .bind(rule.not_by)
                    .bind(rule.closed_before)
                    .bind(report)
                    .fetch_optional(&mut *tx)
                    .await?;
                if found.is_some() {
                    due.push(report.clone());
                }
            }
            if due.is_empty() {
                return Ok(due);
            }
            list.record(due.iter().map(String::as_str))
                .map_err(StoreError::DestroyedList)?;
            for report in &due {
                for sql in REPORT_ROWS {
                    sqlx::query(sql).bind(report).execute(&mut *tx).await?;
                }
            }
            let audit = entry(&due);
            try_append_audit!(self, tx, &audit);
            tx.commit().await?;
            Ok(due)
        })
    }
}
