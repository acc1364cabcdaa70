//! The audit log's storage: appends serialised in the database, entries read back in order.

use super::{on_pool, Store, StoreError};

/// An audit entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub mac: Vec<u8>,
}

/// A key the PostgreSQL advisory lock is taken on while appending.
pub(super) const AUDIT_LOCK: i64 = 0x6175_6469_745f_6c6f;

/// How an entry's MAC is made from the one before it: `trust::audit::entry_mac`, passed down so
/// that the key's use stays above this floor.
pub type EntryMac = fn(&[u8; 32], Option<&[u8]>, i64, i64, &str, &str, &str) -> Vec<u8>;

/// An audit entry to append in the same transaction as the change it records, so that neither
/// stands without the other: a change whose entry cannot be written does not happen, and an entry
/// never names a change that failed.
pub struct AuditEntry<'a> {
    pub(super) at: i64,
    pub(super) actor: String,
    pub(super) action: String,
    pub(super) subject: String,
    key: &'a [u8; 32],
    mac: EntryMac,
}

impl<'a> AuditEntry<'a> {
    /// When the entry says it happened.
    pub fn at(&self) -> i64 {
        self.at
    }

    pub fn new(
        key: &'a [u8; 32],
        mac: EntryMac,
        at: i64,
        actor: &str,
        action: &str,
        subject: String,
    ) -> AuditEntry<'a> {
        AuditEntry {
            at,
            actor: actor.to_owned(),
            action: action.to_owned(),
            subject,
            key,
            mac,
        }
    }

    pub(super) fn mac_after(&self, previous: Option<&[u8]>, seq: i64) -> Vec<u8> {
        (self.mac)(
            self.key,
            previous,
            seq,
            self.at,
            &self.actor,
            &self.action,
            &self.subject,
        )
    }
}

/// The key stays out of any printed form.
impl std::fmt::Debug for AuditEntry<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditEntry")
            .field("action", &self.action)
            .finish_non_exhaustive()
    }
}

/// Opens a transaction that will append to the audit log. On SQLite it takes the write lock at
/// once: one that read the head first and then wrote would fail, not wait, when another process
/// (a console command, a second replica's tasks) wrote in between.
macro_rules! begin_audited {
    ($store:expr, $pool:expr) => {
        $pool.begin_with(if $store.is_postgres() {
            "BEGIN"
        } else {
            "BEGIN IMMEDIATE"
        })
    };
}
pub(crate) use begin_audited;

/// Appends `$entry` after the current head inside the open transaction `$tx`, returning its seq.
/// On PostgreSQL the advisory lock that orders appends is taken here, after the change's own
/// writes: a transaction holding it locks nothing else before it commits, so two changes never
/// wait on each other in a circle.
macro_rules! try_append_audit {
    ($store:expr, $tx:expr, $entry:expr) => {{
        let entry: &$crate::store::AuditEntry<'_> = $entry;
        if $store.is_postgres() {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind($crate::store::audit::AUDIT_LOCK)
                .execute(&mut *$tx)
                .await?;
        }
        let head: Option<(i64, Vec<u8>)> =
            sqlx::query_as("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1")
                .fetch_optional(&mut *$tx)
                .await?;
        let seq = head.as_ref().map_or(1, |(seq, _)| seq + 1);
        let mac = entry.mac_after(head.as_ref().map(|(_, m)| m.as_slice()), seq);
        sqlx::query("INSERT INTO audit_log (seq, at, actor, action, subject, mac) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(seq)
            .bind(entry.at)
            .bind(&entry.actor)
            .bind(&entry.action)
            .bind(&entry.subject)
            .bind(&mac)
            .execute(&mut *$tx)
            .await?;
        seq
    }};
}
pub(crate) use try_append_audit;

impl Store {
    /// Appends one entry on its own, for what changes nothing stored (a decryption, a login
    /// refused) or what happens outside the database.
    #[tracing::instrument(skip_all)]
    pub async fn append_audit(&self, entry: &AuditEntry<'_>) -> Result<i64, StoreError> {
        on_pool!(self, write, pool => {
            let mut tx = begin_audited!(self, pool).await?;
            let seq = try_append_audit!(self, tx, entry);
            tx.commit().await?;
            Ok(seq)
        })
    }

    /// Whether the log holds `entry` (its time, actor, action and subject) at `seq`.
    #[tracing::instrument(skip_all)]
    pub async fn audit_entry_stands(
        &self,
        seq: i64,
        entry: &AuditEntry<'_>,
    ) -> Result<bool, StoreError> {
        on_pool!(self, read, pool => {
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT seq FROM audit_log
                 WHERE seq = $1 AND at = $2 AND actor = $3 AND action = $4 AND subject = $5",
            )
            .bind(seq)
            .bind(entry.at)
            .bind(&entry.actor)
            .bind(&entry.action)
            .bind(&entry.subject)
            .fetch_optional(pool)
            .await?;
            Ok(found.is_some())
        })
    }

    /// The last entry's sequence number and MAC: the chain's head.
    #[tracing::instrument(skip_all)]
    pub async fn audit_head(&self) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1")
                .fetch_optional(pool)
                .await?)
        })
    }

    /// When `action` was last recorded, if ever.
    #[tracing::instrument(skip_all)]
    pub async fn last_audited(&self, action: &str) -> Result<Option<i64>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar("SELECT MAX(at) FROM audit_log WHERE action = $1")
                .bind(action)
                .fetch_one(pool)
                .await?)
        })
    }

    /// The subject of the latest entry with one of `actions`, if any.
    #[tracing::instrument(skip_all)]
    pub async fn last_audited_subject(
        &self,
        actions: &[&str; 2],
    ) -> Result<Option<String>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_scalar(
                "SELECT subject FROM audit_log WHERE action IN ($1, $2) ORDER BY seq DESC LIMIT 1",
            )
            .bind(actions[0])
            .bind(actions[1])
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Entries with `seq > after`, in order, at most `limit`.
    #[tracing::instrument(skip_all)]
    pub async fn audit_entries(&self, after: i64, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(
                "SELECT seq, at, actor, action, subject, mac FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
            )
            .bind(after)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// The `wave_closed` entries of `queue` that name `report` among the reports they closed, in
    /// order. Waves are few: on SQLite `+subject` keeps the planner on the action index, which
    /// holds them alone, rather than the subject index, which holds every entry of the queue.
    #[tracing::instrument(skip_all)]
    pub async fn waves_closing(
        &self,
        queue: &str,
        report: &str,
    ) -> Result<Vec<AuditRow>, StoreError> {
        let from = format!("queue:{queue} ");
        let to = format!("queue:{queue}!");
        let naming = format!("%{report}%");
        let subject = if self.is_postgres() {
            "subject"
        } else {
            "+subject"
        };
        let sql = format!(
            "SELECT seq, at, actor, action, subject, mac FROM audit_log
             WHERE action = 'wave_closed' AND {subject} >= $1 AND {subject} < $2
               AND {subject} LIKE $3
             ORDER BY seq"
        );
        let rows: Vec<AuditRow> = on_pool!(self, read, pool => {
            sqlx::query_as(&sql).bind(&from).bind(&to).bind(&naming).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// The entries about one queue's entry of a report with one of `actions`, in order: those
    /// whose subject is `queue:<queue> report:<report>`, alone or followed by a space and more.
    /// A range on the subject index; no entry of another report or queue falls in it, since a
    /// report id is of fixed length and a queue id holds no space.
    #[tracing::instrument(skip_all)]
    pub async fn audit_of_entry(
        &self,
        queue: &str,
        report: &str,
        actions: &[&str],
    ) -> Result<Vec<AuditRow>, StoreError> {
        let from = format!("queue:{queue} report:{report}");
        // '!' follows ' ' in byte order: the range holds the subject alone and every
        // "<subject> ...", nothing else.
        let to = format!("{from}!");
        if actions.is_empty() {
            return Ok(Vec::new());
        }
        // On SQLite, `+action` keeps the planner on the subject index: without statistics it
        // would take the action index and read every entry of the action in the whole log.
        let (at_least, below, action) = if self.is_postgres() {
            ("~>=~", "~<~", "action")
        } else {
            (">=", "<", "+action")
        };
        let wanted: Vec<String> = (3..3 + actions.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT seq, at, actor, action, subject, mac FROM audit_log
             WHERE subject {at_least} $1 AND subject {below} $2 AND {action} IN ({})
             ORDER BY seq",
            wanted.join(", ")
        );
        let rows: Vec<AuditRow> = on_pool!(self, read, pool => {
            let mut query = sqlx::query_as(&sql).bind(&from).bind(&to);
            for action in actions {
                query = query.bind(*action);
            }
            query.fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// The latest changes config made to an organisation's queues: (at, action, queue id).
    #[tracing::instrument(skip_all)]
    pub async fn queue_changes_for(
        &self,
        organisation: &str,
    ) -> Result<Vec<(i64, String, String)>, StoreError> {
        on_pool!(self, read, pool => {
            Ok(sqlx::query_as(
                "SELECT a.at, a.action, q.id FROM audit_log a JOIN queues q ON a.subject = 'queue:' || q.id
                 WHERE q.organisation_id = $1
                   AND a.action IN ('queue_declared', 'queue_changed', 'queue_withdrawn')
                 ORDER BY a.seq DESC LIMIT 20",
            )
            .bind(organisation)
            .fetch_all(pool)
            .await?)
        })
    }
}
