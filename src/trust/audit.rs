//! The audit log: every login, decryption, status change, key import and grant, invite and
//! enrolment is appended as ids and an action, never content. Each entry carries
//! HMAC-SHA256(audit key, previous MAC || seq || at || actor || action || subject), so `verify`
//! names the first entry that was edited, deleted, reordered or forged without the key; a
//! checkpoint of the head, kept off the server, also catches truncation and a rewrite by whoever
//! holds the key.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use hmac::{Hmac, KeyInit, Mac};
use secrecy::{ExposeSecret, SecretBox};
use sha2::{Digest, Sha256};

use crate::store::{now, AuditEntry, AuditRow, Store, StoreError};

#[derive(Clone)]
pub struct Audit {
    store: Store,
    key: Arc<SecretBox<[u8; 32]>>,
    this_hour: Arc<Mutex<ThisHour>>,
}

/// The entries dated to the current hour that this process has appended, by digest: an entry
/// dated to the hour says everything a second identical one would, so a responder who reloads
/// their queue list all morning adds one entry an hour per page, not one per reload (and waits
/// for no durable write). Bounded: past `THIS_HOUR_MAX` digests it starts again, which only
/// writes an entry more.
#[derive(Default)]
struct ThisHour {
    hour: i64,
    seen: HashSet<[u8; 32]>,
}

const THIS_HOUR_MAX: usize = 65_536;

impl ThisHour {
    fn digest(actor: &str, action: &str, subject: &str) -> [u8; 32] {
        let mut digest = Sha256::new();
        for field in [actor, action, subject] {
            digest.update((field.len() as u64).to_be_bytes());
            digest.update(field.as_bytes());
        }
        digest.finalize().into()
    }

    fn holds(&self, hour: i64, digest: &[u8; 32]) -> bool {
        self.hour == hour && self.seen.contains(digest)
    }

    fn note(&mut self, hour: i64, digest: [u8; 32]) {
        if self.hour != hour || self.seen.len() >= THIS_HOUR_MAX {
            self.hour = hour;
            self.seen.clear();
        }
        self.seen.insert(digest);
    }
}

/// The head of the chain at some moment: kept somewhere the server cannot rewrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub seq: i64,
    pub mac: Vec<u8>,
}

/// What verification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every entry checks out; `entries` were read.
    Intact { entries: i64 },
    /// The first entry that does not check out, and why.
    Broken { seq: i64, reason: &'static str },
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

impl Checkpoint {
    /// The MAC in hex, as coordinators see and note it.
    pub fn mac_hex(&self) -> String {
        hex(&self.mac)
    }

    pub fn to_text(&self) -> String {
        format!(
            "homeward-audit-checkpoint v1 seq={} mac={}\n",
            self.seq,
            hex(&self.mac)
        )
    }

    pub fn parse(text: &str) -> Option<Checkpoint> {
        let rest = text.trim().strip_prefix("homeward-audit-checkpoint v1 ")?;
        let (seq, mac) = rest.split_once(' ')?;
        Some(Checkpoint {
            seq: seq.strip_prefix("seq=")?.parse().ok()?,
            mac: unhex(mac.strip_prefix("mac=")?)?,
        })
    }
}

/// The MAC of one entry: the chain's definition, public so that a verifier elsewhere can follow it.
pub fn entry_mac(
    key: &[u8; 32],
    previous: Option<&[u8]>,
    seq: i64,
    at: i64,
    actor: &str,
    action: &str,
    subject: &str,
) -> Vec<u8> {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return Vec::new();
    };
    mac.update(previous.unwrap_or(&[0u8; 32]));
    mac.update(&seq.to_be_bytes());
    mac.update(&at.to_be_bytes());
    for field in [actor, action, subject] {
        mac.update(&(field.len() as u64).to_be_bytes());
        mac.update(field.as_bytes());
    }
    mac.finalize().into_bytes().to_vec()
}

impl Audit {
    pub fn new(store: Store, key: SecretBox<[u8; 32]>) -> Audit {
        Audit {
            store,
            key: Arc::new(key),
            this_hour: Arc::default(),
        }
    }

    /// An entry for a change, to write in the change's own transaction (`Store` methods that
    /// change what is stored take one and append it last). `subject` holds ids only.
    pub fn entry(&self, actor: &str, action: &str, subject: impl Into<String>) -> AuditEntry<'_> {
        AuditEntry::new(
            self.key.expose_secret(),
            entry_mac,
            now(),
            actor,
            action,
            subject.into(),
        )
    }

    /// An entry for what the reporter did, dated to the hour like every plaintext time of a
    /// report: an exact time beside a carrier's network log could say who reported.
    pub fn reporter_entry(&self, action: &str, subject: impl Into<String>) -> AuditEntry<'_> {
        AuditEntry::new(
            self.key.expose_secret(),
            entry_mac,
            crate::store::to_the_hour(now()),
            "reporter",
            action,
            subject.into(),
        )
    }

    /// An entry by a member for something a reporter's time would show through, dated to the
    /// hour like `reporter_entry`: a hotline filing, whose second set beside the hour a report was
    /// stored in would say which report came by telephone.
    pub fn hour_entry(
        &self,
        actor: &str,
        action: &str,
        subject: impl Into<String>,
    ) -> AuditEntry<'_> {
        AuditEntry::new(
            self.key.expose_secret(),
            entry_mac,
            crate::store::to_the_hour(now()),
            actor,
            action,
            subject.into(),
        )
    }

    /// Appends an entry made by `hour_entry` on its own.
    pub async fn append(&self, entry: &AuditEntry<'_>) -> Result<i64, StoreError> {
        self.store.append_audit(entry).await
    }

    /// Appends an entry on its own: for a decryption, which changes nothing stored, and for
    /// what happens outside the database. `subject` holds ids only.
    /// As `record`, dated to the hour (`hour_entry`): for entries that name reports as they
    /// arrive, whose exact second would date each report more closely than its stored hour. An
    /// entry this process already appended this hour, the same in every field, is not appended
    /// again (`ThisHour`): the log already says it.
    pub async fn record_to_the_hour(
        &self,
        actor: &str,
        action: &str,
        subject: &str,
    ) -> Result<(), StoreError> {
        let entry = self.hour_entry(actor, action, subject);
        let digest = ThisHour::digest(actor, action, subject);
        let recorded = |this: &ThisHour| this.holds(entry.at(), &digest);
        if self.this_hour.lock().is_ok_and(|this| recorded(&this)) {
            return Ok(());
        }
        self.store.append_audit(&entry).await?;
        if let Ok(mut this) = self.this_hour.lock() {
            this.note(entry.at(), digest);
        }
        Ok(())
    }

    pub async fn record(
        &self,
        actor: &str,
        action: &str,
        subject: &str,
    ) -> Result<i64, StoreError> {
        self.store
            .append_audit(&self.entry(actor, action, subject))
            .await
    }

    /// Like `record`, but written after the answer, and a failure logged rather than returned:
    /// for refusals, whose answer must come as fast for a real account (audited) as for a name
    /// that does not exist (nothing to audit), or its time would tell which names are real.
    pub fn note(&self, actor: &str, action: &'static str, subject: &'static str) {
        let audit = self.clone();
        let actor = actor.to_owned();
        tokio::spawn(async move {
            if let Err(e) = audit.record(&actor, action, subject).await {
                tracing::error!(error = %e, action, "audit append failed");
            }
        });
    }

    /// The current head, to export off the server.
    pub async fn checkpoint(&self) -> Result<Option<Checkpoint>, StoreError> {
        Ok(self
            .store
            .audit_head()
            .await?
            .map(|(seq, mac)| Checkpoint { seq, mac }))
    }

    /// Whether the log still holds the checkpoint's entry as it was then.
    pub async fn holds(&self, checkpoint: &Checkpoint) -> Result<bool, StoreError> {
        let rows = self.store.audit_entries(checkpoint.seq - 1, 1).await?;
        Ok(rows
            .first()
            .is_some_and(|row| row.seq == checkpoint.seq && row.mac == checkpoint.mac))
    }

    /// Walks the whole chain; with a checkpoint, also checks that the log still reaches it
    /// unchanged.
    pub async fn verify(&self, checkpoint: Option<&Checkpoint>) -> Result<Verdict, StoreError> {
        let key = self.key.expose_secret();
        let mut previous: Option<AuditRow> = None;
        let mut after = 0;
        loop {
            let batch = self.store.audit_entries(after, 1000).await?;
            if batch.is_empty() {
                break;
            }
            for row in batch {
                let expected_seq = previous.as_ref().map_or(1, |p| p.seq + 1);
                if row.seq != expected_seq {
                    return Ok(Verdict::Broken {
                        seq: expected_seq,
                        reason: "missing or reordered entry",
                    });
                }
                let mac = entry_mac(
                    key,
                    previous.as_ref().map(|p| p.mac.as_slice()),
                    row.seq,
                    row.at,
                    &row.actor,
                    &row.action,
                    &row.subject,
                );
                if mac != row.mac {
                    return Ok(Verdict::Broken {
                        seq: row.seq,
                        reason: "entry altered or forged",
                    });
                }
                if let Some(c) = checkpoint.filter(|c| c.seq == row.seq) {
                    if c.mac != row.mac {
                        return Ok(Verdict::Broken {
                            seq: row.seq,
                            reason: "differs from the checkpoint",
                        });
                    }
                }
                after = row.seq;
                previous = Some(row);
            }
        }
        let entries = previous.as_ref().map_or(0, |p| p.seq);
        if let Some(c) = checkpoint {
            if entries < c.seq {
                return Ok(Verdict::Broken {
                    seq: entries + 1,
                    reason: "truncated before the checkpoint",
                });
            }
        }
        Ok(Verdict::Intact { entries })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkpoints_round_trip() {
        let c = Checkpoint {
            seq: 42,
            mac: vec![0xab, 0x01, 0xff],
        };
        assert_eq!(Checkpoint::parse(&c.to_text()), Some(c));
        assert_eq!(Checkpoint::parse("seq=1 mac=00"), None);
    }

    #[test]
    fn the_mac_covers_every_field_and_the_chain() {
        let key = [9u8; 32];
        let base = entry_mac(&key, None, 1, 100, "a", "login", "account:a");
        assert_ne!(
            base,
            entry_mac(&key, Some(&[1u8; 32]), 1, 100, "a", "login", "account:a")
        );
        assert_ne!(
            base,
            entry_mac(&key, None, 2, 100, "a", "login", "account:a")
        );
        assert_ne!(
            base,
            entry_mac(&key, None, 1, 101, "a", "login", "account:a")
        );
        assert_ne!(
            base,
            entry_mac(&key, None, 1, 100, "b", "login", "account:a")
        );
        assert_ne!(
            base,
            entry_mac(&key, None, 1, 100, "a", "logout", "account:a")
        );
        // Field boundaries are part of the MAC: moving a character between fields changes it.
        assert_ne!(
            entry_mac(&key, None, 1, 100, "ab", "c", ""),
            entry_mac(&key, None, 1, 100, "a", "bc", "")
        );
        assert_ne!(
            base,
            entry_mac(&[8u8; 32], None, 1, 100, "a", "login", "account:a")
        );
    }
}
