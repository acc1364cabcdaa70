//! The operator's overview of the queues: for every queue the routing file declares, whether it
//! receives reports and why not (`organisations::standing`, the rule intake routes by), whether
//! the routing file still declares its current key, and how it is doing: entries open, unclaimed
//! and overdue, members holding its key, the hour it last received. Ids, counts and hours only:
//! it names no report and says nothing a report says, so the operator, who reads none, may see
//! it. The workspace page, the JSON API, `check-config --database`, readiness and the start's
//! warning about a stale routing file all read it from here.
//!
//! A routing file goes stale when a coordinator rotates a queue's key in the workspace: the
//! database then holds the new key and its signature, and the file the old ones. Intake routes
//! by the database's key either way; the file is what a fresh database, a restore's check and
//! the operator's own records start from, so it must be brought up to date by hand.

use std::collections::HashMap;
use std::path::Path;

use crate::config::AckTargets;
use crate::crypto::signing::Signature;
use crate::crypto::PublicKey;
use crate::domain::QueueKind;
use crate::store::{QueueCounts, QueueStandingRow, Store, StoreError};
use crate::triage::routing::Queue;
use crate::triage::RoutingConfig;
use crate::trust::organisations::{
    organisations_by_id, planned_row, planned_standing, standing, Hold, Vouching,
};

/// One queue as the operator's overview shows it.
#[derive(Debug, Clone)]
pub struct QueueOverview {
    pub id: String,
    pub organisation: String,
    pub kind: QueueKind,
    /// `Ok` when it receives reports; else the first reason it does not.
    pub standing: Result<(), Hold>,
    /// When the routing file declares another key than the queue's current one: the lines that
    /// declare the current one.
    pub stale: Option<ConfigLines>,
    pub counts: QueueCounts,
}

impl QueueOverview {
    pub fn is_desk(&self) -> bool {
        self.kind == QueueKind::Desk
    }

    /// `receives`, or the hold's code.
    pub fn standing_code(&self) -> &'static str {
        self.standing.map_or_else(Hold::code, |()| "receives")
    }
}

/// The lines of the routing file that declare a queue's key, in the file's syntax: what `homeward
/// queue keygen` prints, to replace the queue's `public_key` and `signature` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigLines {
    pub public_key: String,
    /// None only for a key no organisation signed (a demo desk's), which no file declares.
    pub signature: Option<String>,
}

impl ConfigLines {
    /// The lines for a key and signature as the database stores them; None for bytes that are
    /// no key.
    fn of(public_key: &[u8], signature: Option<&[u8]>) -> Option<ConfigLines> {
        Some(ConfigLines {
            public_key: PublicKey::from_bytes(public_key).ok()?.to_text(),
            signature: signature
                .and_then(|s| Signature::from_bytes(s).ok())
                .map(|s| s.to_text()),
        })
    }

    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!("public_key = \"{}\"", self.public_key)];
        if let Some(signature) = &self.signature {
            lines.push(format!("signature = \"{signature}\""));
        }
        lines
    }

    pub fn text(&self) -> String {
        self.lines().join("\n")
    }
}

/// The lines declaring the queue's current key, when `q` (the routing file's declaration)
/// declares another. A key no coordinator imported yet is config's own, so never stale.
pub fn stale_lines(q: &Queue, stored: &QueueStandingRow) -> Option<ConfigLines> {
    if stored.key_imported_at.is_none() || stored.public_key == q.public_key.to_bytes() {
        return None;
    }
    ConfigLines::of(&stored.public_key, stored.signature.as_deref())
}

/// The lines declaring one queue's current key, when the routing file declares another: what a
/// coordinator who rotated it gives the operator.
pub async fn stale_config(
    store: &Store,
    routing: &RoutingConfig,
    queue: &str,
) -> Result<Option<ConfigLines>, StoreError> {
    let Some(q) = routing.queues.iter().find(|q| q.id == queue) else {
        return Ok(None);
    };
    Ok(store
        .queue_standing_row(queue)
        .await?
        .and_then(|row| stale_lines(q, &row)))
}

/// The lines declaring the queue's current key as the database holds it, whatever the routing
/// file declares: what the answer to a rotation gives, for the routing file. None for a queue the
/// database does not hold.
pub async fn current_config(store: &Store, queue: &str) -> Result<Option<ConfigLines>, StoreError> {
    Ok(store
        .queue_standing_row(queue)
        .await?
        .and_then(|row| ConfigLines::of(&row.public_key, row.signature.as_deref())))
}

/// When an entry of each class (critical, high, normal), still new, became overdue.
pub fn overdue_before(now: i64, targets: &AckTargets) -> [i64; 3] {
    [
        targets.critical_minutes,
        targets.high_minutes,
        targets.normal_minutes,
    ]
    .map(|minutes| now - minutes * 60)
}

/// Every queue `routing` declares, in its order, with its standing, staleness and counts.
#[tracing::instrument(skip_all)]
pub async fn overview(
    store: &Store,
    routing: &RoutingConfig,
    targets: &AckTargets,
    now: i64,
) -> Result<Vec<QueueOverview>, StoreError> {
    let organisations = organisations_by_id(store).await?;
    let mut counts: HashMap<String, QueueCounts> =
        store.queue_counts(overdue_before(now, targets)).await?;
    let mut queues = Vec::with_capacity(routing.queues.len());
    for q in &routing.queues {
        let stored = store.queue_standing_row(&q.id).await?;
        let stale = stored.as_ref().and_then(|row| stale_lines(q, row));
        let row = planned_row(q, stored);
        queues.push(QueueOverview {
            id: q.id.clone(),
            organisation: q.organisation.clone(),
            kind: q.kind,
            standing: standing(
                &row,
                organisations.get(&q.organisation),
                Vouching::of(routing),
            ),
            stale,
            counts: counts.remove(&q.id).unwrap_or_default(),
        });
    }
    Ok(queues)
}

/// Whether the desk receives: without it intake answers 503 and issues no receipt.
pub fn desk_receives(queues: &[QueueOverview]) -> bool {
    queues.iter().any(|q| q.is_desk() && q.standing.is_ok())
}

/// The desk's standing now, for readiness; None when no desk is declared.
pub async fn desk_standing(
    store: &Store,
    routing: &RoutingConfig,
) -> Result<Option<Result<(), Hold>>, StoreError> {
    match routing.desk() {
        Some(desk) => Ok(Some(planned_standing(store, routing, desk).await?)),
        None => Ok(None),
    }
}

/// Warns, once per queue, where the routing file declares another key than the queue's current
/// one: the log names the queue and the file, never a key. Returns the stale queues' ids.
pub async fn warn_stale(
    store: &Store,
    routing: &RoutingConfig,
    routing_file: Option<&Path>,
) -> Result<Vec<String>, StoreError> {
    let file = routing_file.map_or_else(
        || "the routing file".to_owned(),
        |p| p.display().to_string(),
    );
    let mut stale = Vec::new();
    for q in &routing.queues {
        let Some(row) = store.queue_standing_row(&q.id).await? else {
            continue;
        };
        if stale_lines(q, &row).is_some() {
            tracing::warn!(
                queue = %q.id,
                routing_file = %file,
                "routing file stale: it declares another key for this queue than the one a \
                 coordinator rotated to; put the queue's public_key and signature lines from the \
                 operator's overview (/overview) into it"
            );
            stale.push(q.id.clone());
        }
    }
    Ok(stale)
}

/// What `check-config --database` finds for the queues of `routing`.
#[derive(Debug, Clone)]
pub struct Checked {
    /// What it prints (`render`).
    pub text: String,
    pub desk_receives: bool,
    /// The queues the routing file declares another key for than their current one, with the
    /// lines that declare the current one, in the file's order.
    pub stale: Vec<(String, ConfigLines)>,
}

/// What `check-config --database` prints for the queues of `routing` (`render`), whether the
/// desk receives, and which queues the routing file declares stale keys for.
pub async fn check(
    store: &Store,
    routing: &RoutingConfig,
    targets: &AckTargets,
) -> Result<Checked, StoreError> {
    let queues = overview(store, routing, targets, crate::store::now()).await?;
    Ok(Checked {
        text: render(&queues),
        desk_receives: desk_receives(&queues),
        stale: queues
            .iter()
            .filter_map(|q| Some((q.id.clone(), q.stale.clone()?)))
            .collect(),
    })
}

/// Why `check-config --production` refuses a routing file a key rotation left stale: each stale
/// queue and the lines to put into its entry. Intake routes by the database's key either way,
/// but a fresh database, a restore's check and the operator's records start from the file.
pub fn stale_refusal(stale: &[(String, ConfigLines)], routing_file: &str) -> String {
    let mut text = format!(
        "{routing_file} is stale: a coordinator rotated the key of {} queue(s), and a production \
         routing file declares every queue's current key (a fresh database or a restore starts \
         from it).",
        stale.len()
    );
    for (queue, lines) in stale {
        text.push_str(&format!(
            "\nIn the [[queue]] entry with id = \"{queue}\", replace public_key and signature with:"
        ));
        for line in lines.lines() {
            text.push_str(&format!("\n    {line}"));
        }
    }
    text
}

/// The overview as `check-config --database` prints it, a queue a paragraph, in English with
/// times in UTC.
pub fn render(queues: &[QueueOverview]) -> String {
    let mut out = String::new();
    for q in queues {
        let standing = match q.standing {
            Ok(()) => "receives reports".to_owned(),
            Err(hold) => format!("receives nothing: {}", hold.describe()),
        };
        let c = &q.counts;
        let last = c.last_received.map_or_else(|| "never".to_owned(), utc_hour);
        out.push_str(&format!(
            "queue {}: {standing}\n  {}, organisation {}; {} open, {} unclaimed, {} overdue; \
             {} member(s) hold its key; last received: {last}\n",
            q.id,
            q.kind.as_str(),
            q.organisation,
            c.open,
            c.unclaimed,
            c.overdue,
            c.holders,
        ));
        if let Some(lines) = &q.stale {
            out.push_str(
                "  the routing file is stale: it declares another key than the queue's current \
                 one; in this queue's [[queue]] entry, replace public_key and signature with:\n",
            );
            for line in lines.lines() {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    out
}

fn utc_hour(seconds: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(seconds).map_or_else(
        |_| seconds.to_string(),
        |t| {
            format!(
                "{}-{:02}-{:02} {:02}:{:02} UTC",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::signing::{SigningKey, Statement};
    use crate::crypto::KeyPair;

    fn declared(key: &PublicKey) -> Queue {
        Queue {
            id: "ngo-kh".into(),
            organisation: "partner".into(),
            kind: QueueKind::Ngo,
            public_key: key.clone(),
            signature: None,
            countries: Vec::new(),
            nationalities: Vec::new(),
            languages: Vec::new(),
            demo: false,
        }
    }

    fn stored(key: &PublicKey, signature: &Signature, imported: bool) -> QueueStandingRow {
        QueueStandingRow {
            id: "ngo-kh".into(),
            organisation_id: "partner".into(),
            kind: "ngo".into(),
            public_key: key.to_bytes(),
            signature: Some(signature.to_bytes()),
            demo: false,
            key_imported_at: imported.then_some(1),
            held_after_restore: None,
        }
    }

    #[test]
    fn only_a_rotated_key_makes_the_file_stale_and_the_lines_name_the_current_key() {
        let signer = SigningKey::generate();
        let old = KeyPair::generate().public;
        let new = KeyPair::generate().public;
        let signature = signer.sign(&Statement::QueueKey {
            queue: "ngo-kh",
            kind: "ngo",
            key: &new,
        });
        let q = declared(&old);
        assert_eq!(stale_lines(&q, &stored(&old, &signature, true)), None);
        assert_eq!(stale_lines(&q, &stored(&new, &signature, false)), None);
        let lines = stale_lines(&q, &stored(&new, &signature, true));
        assert_eq!(
            lines.map(|l| l.text()),
            Some(format!(
                "public_key = \"{}\"\nsignature = \"{}\"",
                new.to_text(),
                signature.to_text()
            ))
        );
    }

    #[test]
    fn the_text_says_why_a_queue_receives_nothing_and_names_no_report() {
        let queues = [QueueOverview {
            id: "desk".into(),
            organisation: "operator".into(),
            kind: QueueKind::Desk,
            standing: Err(Hold::KeyNotImported),
            stale: None,
            counts: QueueCounts {
                open: 3,
                unclaimed: 2,
                overdue: 1,
                holders: 0,
                last_received: Some(1_764_547_200),
            },
        }];
        let text = render(&queues);
        assert!(text.contains(Hold::KeyNotImported.describe()), "{text}");
        assert!(text.contains("3 open, 2 unclaimed, 1 overdue"), "{text}");
        assert!(text.contains("2025-12-01 00:00 UTC"), "{text}");
        assert!(!desk_receives(&queues));
    }
}
