//! A queue's list, a page at a time, filtered on what the server may read (status, class,
//! claim, overdue, new messages), and the sealed summaries of the entries a page shows.

use sqlx::Row;

use super::intake::{stored_item, ITEM_COLUMNS};
use super::{on_pool, Store, StoreError, StoredItem};

/// Whose claim an entry must carry to be listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClaimFilter<'a> {
    #[default]
    Any,
    /// Claimed by this account.
    By(&'a str),
    Unclaimed,
}

/// An entry's place in the list's order: its class's rank, when it was added, its report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub rank: i16,
    pub added_at: i64,
    pub report_id: String,
}

/// Where a page starts, read off the listing index: just after an entry (the next page), or
/// just before one (the previous page). Without one, a page is counted from the list's start
/// (`offset`), which reads every entry it passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seek {
    After(Cursor),
    Before(Cursor),
}

/// One page of a queue's entries, in the list's order (critical, high, normal; oldest first).
#[derive(Debug, Clone, Default)]
pub struct ListQuery<'a> {
    pub status: Option<&'a str>,
    /// 0 critical, 1 high, 2 normal.
    pub priority_rank: Option<i16>,
    pub claim: ClaimFilter<'a>,
    /// Only entries still new after their class's acknowledgement target: received before
    /// these times, for critical, high and normal.
    pub overdue_before: Option<[i64; 3]>,
    /// Only entries with something from the reporter the queue has not opened.
    pub unread_only: bool,
    /// With `Before`, the `limit` entries just before the cursor (still answered in the list's
    /// order): so the entry `limit + 1` entries before comes first, not last.
    pub seek: Option<Seek>,
    pub offset: i64,
    pub limit: i64,
}

/// The kinds a list names as an entry's last activity: what people did, not what the server
/// made beside it (triage, projections, summaries, status words).
const ACTIVITY_KINDS: &str =
    "('report', 'addition', 'contact', 'consent', 'attachment', 'withdrawal', 'reply', 'note', 'referral')";

/// What the reporter sends after the report (`ItemKind::from_reporter`).
pub(super) const FROM_REPORTER: &str =
    "('addition', 'contact', 'consent', 'attachment', 'withdrawal')";

/// One report's entry in a queue, as its list shows it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub report_id: String,
    pub priority: String,
    pub status: String,
    pub assignee: Option<String>,
    pub added_at: i64,
    /// What the reporter sent that this queue has not opened yet.
    pub unread: i64,
    /// When a withdrawn consent closed the entry to its queue, if it did.
    pub consent_withdrawn_at: Option<i64>,
    /// The kind of the last item the queue holds of what people did, and its hour.
    pub last_activity: Option<(String, i64)>,
}

/// Binds `arg` next, and names its placeholder.
fn place<'a>(args: &mut Vec<Arg<'a>>, arg: Arg<'a>) -> String {
    args.push(arg);
    format!("${}", args.len())
}

/// A value bound to a listing's statement.
#[derive(Clone, Copy)]
enum Arg<'a> {
    Text(&'a str),
    Int(i64),
}

impl Store {
    /// A queue's entries by `query`. An entry closed by a withdrawn consent is listed only if
    /// the queue had opened something of it (that much it keeps).
    ///
    /// The page is chosen first, from the entries' own columns on the listing index, and only
    /// its entries are then counted and dated from their items; each filter is in the statement
    /// only when it is asked for, so that no placeholder test keeps the planner off an index.
    #[tracing::instrument(skip_all)]
    pub async fn list_entries(
        &self,
        queue: &str,
        query: &ListQuery<'_>,
    ) -> Result<Vec<Entry>, StoreError> {
        let mut args: Vec<Arg<'_>> = vec![Arg::Text(queue)];
        let mut filters = Vec::new();
        if let Some(status) = query.status {
            filters.push(format!(
                "e.status = {}",
                place(&mut args, Arg::Text(status))
            ));
        }
        if let Some(rank) = query.priority_rank {
            filters.push(format!(
                "e.priority_rank = {}",
                place(&mut args, Arg::Int(i64::from(rank)))
            ));
        }
        match query.claim {
            ClaimFilter::Any => {}
            ClaimFilter::By(account) => filters.push(format!(
                "e.assignee = {}",
                place(&mut args, Arg::Text(account))
            )),
            ClaimFilter::Unclaimed => filters.push("e.assignee IS NULL".into()),
        }
        if let Some([critical, high, normal]) = query.overdue_before {
            let (c, h, n) = (
                place(&mut args, Arg::Int(critical)),
                place(&mut args, Arg::Int(high)),
                place(&mut args, Arg::Int(normal)),
            );
            filters.push(format!(
                "e.status = 'new' AND ((e.priority_rank = 0 AND e.added_at < {c})
                                       OR (e.priority_rank = 1 AND e.added_at < {h})
                                       OR (e.priority_rank = 2 AND e.added_at < {n}))"
            ));
        }
        if query.unread_only {
            // The few reports anything came from the reporter for (a partial index), then
            // whether this queue holds something of it it has not opened.
            filters.push(format!(
                "e.report_id IN (SELECT i.report_id FROM items i WHERE i.kind IN {FROM_REPORTER})
                 AND EXISTS (SELECT 1 FROM items i JOIN item_keys k ON k.item_id = i.id
                     WHERE i.report_id = e.report_id AND k.recipient = 'queue:' || e.queue_id
                       AND i.position > e.seen_position AND i.kind IN {FROM_REPORTER})"
            ));
        }
        let mut order = "ASC";
        if let Some(seek) = &query.seek {
            let (cursor, sign) = match seek {
                Seek::After(cursor) => (cursor, ">"),
                Seek::Before(cursor) => (cursor, "<"),
            };
            if matches!(seek, Seek::Before(_)) {
                order = "DESC";
            }
            let (rank, added, report) = (
                place(&mut args, Arg::Int(i64::from(cursor.rank))),
                place(&mut args, Arg::Int(cursor.added_at)),
                place(&mut args, Arg::Text(&cursor.report_id)),
            );
            filters.push(format!(
                "(e.priority_rank, e.added_at, e.report_id) {sign} ({rank}, {added}, {report})"
            ));
        }
        let limit = place(&mut args, Arg::Int(query.limit));
        let offset = place(&mut args, Arg::Int(query.offset));
        let filters: String = filters.iter().map(|f| format!(" AND {f}")).collect();
        let sql = format!(
            "WITH page AS MATERIALIZED (
                SELECT e.report_id, e.queue_id, e.priority_rank, e.status, e.added_at,
                       e.assignee, e.seen_position, e.consent_withdrawn_at
                FROM report_queues e WHERE e.queue_id = $1
                  AND (e.consent_withdrawn_at IS NULL
                       OR EXISTS (SELECT 1 FROM item_openings o JOIN items i ON i.id = o.item_id
                                  WHERE i.report_id = e.report_id AND o.queue_id = e.queue_id))
                  {filters}
                ORDER BY e.priority_rank {order}, e.added_at {order}, e.report_id {order}
                LIMIT {limit} OFFSET {offset})
             SELECT e.report_id,
                    CASE e.priority_rank WHEN 0 THEN 'critical' WHEN 1 THEN 'high' ELSE 'normal' END,
                    e.status, e.added_at, e.assignee,
                    (SELECT COUNT(*) FROM items i JOIN item_keys k ON k.item_id = i.id
                     WHERE i.report_id = e.report_id AND k.recipient = 'queue:' || e.queue_id
                       AND i.position > e.seen_position AND i.kind IN {FROM_REPORTER}),
                    e.consent_withdrawn_at,
                    (SELECT i.kind FROM items i JOIN item_keys k ON k.item_id = i.id
                     WHERE i.report_id = e.report_id AND k.recipient = 'queue:' || e.queue_id
                       AND i.kind IN {ACTIVITY_KINDS}
                     ORDER BY i.position DESC LIMIT 1),
                    (SELECT i.created_at FROM items i JOIN item_keys k ON k.item_id = i.id
                     WHERE i.report_id = e.report_id AND k.recipient = 'queue:' || e.queue_id
                       AND i.kind IN {ACTIVITY_KINDS}
                     ORDER BY i.position DESC LIMIT 1)
             FROM page e
             ORDER BY e.priority_rank, e.added_at, e.report_id"
        );
        on_pool!(self, read, pool => {
            let mut q = sqlx::query(&sql);
            for arg in &args {
                q = match *arg {
                    Arg::Text(text) => q.bind(text),
                    Arg::Int(n) => q.bind(n),
                };
            }
            let rows = q.fetch_all(pool).await?;
            rows.iter()
                .map(|row| {
                    let kind: Option<String> = row.try_get(7)?;
                    let at: Option<i64> = row.try_get(8)?;
                    Ok(Entry {
                        report_id: row.try_get(0)?,
                        priority: row.try_get(1)?,
                        status: row.try_get(2)?,
                        added_at: row.try_get(3)?,
                        assignee: row.try_get(4)?,
                        unread: row.try_get(5)?,
                        consent_withdrawn_at: row.try_get(6)?,
                        last_activity: kind.zip(at),
                    })
                })
                .collect()
        })
    }

    /// The summary item of each of `reports` the queue's list shows, with the queue's copy of
    /// its key: the NGO audience's where the queue holds it, else the latest made from a
    /// projection; one per report, so a listing opens no version it would not show.
    #[tracing::instrument(skip_all)]
    pub async fn summaries(
        &self,
        queue: &str,
        reports: &[&str],
    ) -> Result<Vec<(String, StoredItem)>, StoreError> {
        if reports.is_empty() {
            return Ok(Vec::new());
        }
        let places: Vec<String> = (0..reports.len()).map(|n| format!("${}", n + 2)).collect();
        let sql = format!(
            "SELECT * FROM (
                SELECT i.report_id, {ITEM_COLUMNS},
                       ROW_NUMBER() OVER (
                         PARTITION BY i.report_id
                         ORDER BY CASE WHEN i.audience = 'ngo' THEN 0 ELSE 1 END, i.position DESC
                       ) AS pick
                FROM items i JOIN item_keys k ON k.item_id = i.id
                WHERE k.recipient = $1 AND i.kind = 'summary' AND i.report_id IN ({})
             ) chosen WHERE pick = 1
             ORDER BY position",
            places.join(", ")
        );
        let recipient = format!("queue:{queue}");
        on_pool!(self, read, pool => {
            let mut q = sqlx::query(&sql).bind(&recipient);
            for report in reports {
                q = q.bind(*report);
            }
            let rows = q.fetch_all(pool).await?;
            rows.iter()
                .map(|row| {
                    let report: String = row.try_get(0)?;
                    Ok((report, stored_item(row, 1)?))
                })
                .collect()
        })
    }
}
