//! Who receives what is sealed new to a report. A queue got the report when it stood in good
//! standing; an organisation suspended since, a queue held after a restore, a countersignature
//! voided by new details or a queue dropped from config must receive nothing new from then on,
//! and receive again only what is made after it is reinstated. `Receivers::pick` is the one place
//! that chooses the queues a new item is sealed to: the reporter's additions, files, consent
//! changes and withdrawal, the responders' replies, notes and projection versions, and a
//! referral's reason all take their recipients from it. Standing itself is
//! `organisations::standing`, the rule intake routes by.
//!
//! What it does not cover: rotation re-seals a queue's own items to its own new key (nothing the
//! queue did not hold), and intake routes among the queues in standing before a report has
//! holders (`Intake::receiving`).

use std::collections::HashSet;

use uuid::Uuid;

use crate::domain::Audience;
use crate::store::{Holder, Store, StoreError};
use crate::trust::organisations::{queue_standings, Vouching};

/// What choosing recipients needs: the store, and what this server's routing vouches for (the
/// desk organisation's key every countersignature is checked against, and its own demo desk).
#[derive(Clone, Copy)]
pub struct Receivers<'a> {
    pub store: &'a Store,
    pub vouching: Vouching<'a>,
}

impl Receivers<'_> {
    /// The ids of the queues that receive anything new now.
    pub async fn receiving(&self) -> Result<HashSet<String>, StoreError> {
        Ok(queue_standings(self.store, self.vouching)
            .await?
            .into_iter()
            .filter(|(_, standing)| standing.is_ok())
            .map(|(queue, _)| queue.id)
            .collect())
    }

    /// Whether one queue receives anything new now.
    pub async fn receives(&self, queue: &str) -> Result<bool, StoreError> {
        Ok(self.receiving().await?.contains(queue))
    }

    /// The queues a new item of `report` for `audience` is sealed to: among the queues holding
    /// it, and `joining` (the queue a referral is about to add), those `keep` picks (by kind or
    /// organisation), that the reporter's consents admit where the audience asks them
    /// (`Consents::admits`), and that stand in good standing right now. Read afresh on every
    /// call, so a caller that seals again after a key rotation asks again.
    pub async fn pick(
        &self,
        report: Uuid,
        audience: Audience,
        joining: Option<Holder>,
        keep: impl Fn(&Holder) -> bool,
    ) -> Result<Vec<Holder>, StoreError> {
        let consents = self
            .store
            .report_terms(report)
            .await?
            .map(|(_, consents)| consents)
            .unwrap_or_default();
        let receiving = self.receiving().await?;
        let mut holders = self.store.holders_of(&report.to_string()).await?;
        if let Some(joining) = joining {
            if !holders.iter().any(|h| h.queue_id == joining.queue_id) {
                holders.push(joining);
            }
        }
        Ok(holders
            .into_iter()
            .filter(|h| keep(h))
            .filter(|h| audience.reaches(h.kind))
            .filter(|h| !audience.needs_consent() || consents.admits(h.kind))
            .filter(|h| receiving.contains(&h.queue_id))
            .collect())
    }
}
