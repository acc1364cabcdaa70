//! What every handler shares: the application's state, and what it answers for a request (the
//! listener it came in on, its language, whether a submission is admitted).

use std::sync::Arc;
use std::time::Duration;

use actix_web::HttpRequest;

use crate::locale::{Catalogs, Tr};
use crate::reporting::intake::Intake;
use crate::trust::accounts::Accounts;
use crate::web::shared::{error, metrics, throttle};

/// What every handler shares.
pub struct AppState {
    pub intake: Intake,
    pub accounts: Accounts,
    pub public_url: String,
    pub ack_targets: crate::config::AckTargets,
    pub catalogs: Arc<Catalogs>,
    pub page_title: String,
    pub leave_url: String,
    /// Where this server's source can be had (AGPL section 13): /about and /source.
    pub source_url: crate::config::SourceUrl,
    pub max_body_bytes: usize,
    /// Logins, password changes and recoveries; known devices have an allowance of their own.
    pub login_throttle: Arc<throttle::Logins>,
    pub code_throttle: Arc<throttle::Attempts>,
    pub followup: crate::config::FollowupSettings,
    pub attachments: crate::config::AttachmentSettings,
    pub uploads: crate::reporting::attachments::Budget,
    pub submissions: Arc<throttle::Submissions>,
    /// Sealed reports sent with their tickets, per source: twice the submission allowance (a
    /// retry for each ticket), so that tickets cannot be tried in bulk.
    pub sealed_submits: Arc<throttle::SourceThrottle>,
    /// Whose X-Forwarded-For per-source limits believe (never on the onion listener).
    pub trusted_proxies: Arc<[std::net::IpAddr]>,
    pub body_pace: BodyPace,
    pub metrics: Arc<metrics::Metrics>,
    /// What a receipt code with an unknown locator costs.
    pub unknown_locator: crate::reporting::unknown_locator::UnknownLocatorCost,
    /// What time it is, for what expires (the receipt page's check).
    pub clock: crate::store::Clock,
    /// What destroys reports: the one the server runs on its timer, for the desk's early
    /// destruction of fakes.
    pub shredder: crate::reporting::shredding::Shredder,
    /// The hotline filings taken: a reloaded answer page files nothing twice.
    pub filings: crate::web::shared::once::OnceTokens,
    pub waves: crate::config::WaveSettings,
}

impl AppState {
    /// Where an enrolment comes from, for the wait after invite tokens that open nothing:
    /// counted as failed logins are (a source's keyed tag, never its address).
    pub fn enrolment_origin(&self, req: &HttpRequest) -> crate::trust::accounts::Origin {
        self.login_throttle
            .origin(throttle::limit_source(req, &self.trusted_proxies))
    }

    /// Membership chains, checked against the desk's key pinned in the routing file.
    pub fn chain(&self) -> crate::trust::certification::Chain<'_> {
        crate::trust::certification::Chain {
            store: &self.intake.store,
            desk_key: self.intake.routing.desk_signing_key.as_ref(),
            demo_organisation: self
                .intake
                .routing
                .demo_desk()
                .map(|desk| desk.organisation.as_str()),
        }
    }

    /// Who may receive what is sealed new to a report, judged against the desk's key pinned in
    /// the routing file.
    pub fn receivers(&self) -> crate::trust::receivers::Receivers<'_> {
        crate::trust::receivers::Receivers {
            store: &self.intake.store,
            vouching: crate::trust::organisations::Vouching::of(&self.intake.routing),
        }
    }

    /// Early destruction of what every holder closed as not genuine, for the desk's
    /// coordinators.
    pub fn early_destruction(&self) -> crate::casework::waves::EarlyDestruction<'_> {
        crate::casework::waves::EarlyDestruction {
            receivers: self.receivers(),
            chain: self.chain(),
            desk: self.intake.routing.desk(),
            shredder: &self.shredder,
            clock: &self.clock,
            after_hours: self.waves.destroy_after_hours,
        }
    }

    /// The reporter's return, for a page or the API.
    pub fn followup(&self) -> crate::reporting::followup::Followup<'_> {
        crate::reporting::followup::Followup {
            store: &self.intake.store,
            kdf: &self.intake.kdf,
            unknown_locator: self.unknown_locator.params(),
            accounts: &self.accounts,
            vouching: crate::trust::organisations::Vouching::of(&self.intake.routing),
        }
    }

    /// Resumable uploads, within this replica's upload budget.
    pub fn staging(&self) -> crate::reporting::staging::Staging<'_> {
        crate::reporting::staging::Staging {
            store: &self.intake.store,
            accounts: &self.accounts,
            limits: &self.attachments,
            budget: &self.uploads,
        }
    }

    /// The listener this request came in on.
    pub fn listener(&self, req: &HttpRequest) -> throttle::Listener {
        throttle::Listener::of(req)
    }

    /// Counts a submission against its listener's limits before its body is read: 429 when this
    /// source has sent its share, 503 when everyone on the listener together has.
    pub fn admit_submission(
        &self,
        req: &HttpRequest,
    ) -> Result<throttle::Listener, error::Failure> {
        let listener = self.listener(req);
        let source = throttle::limit_source(req, &self.trusted_proxies); // rate limit only
        match self.submissions.admit(listener, source) {
            Ok(()) => Ok(listener),
            Err(throttle::Refusal::Source) => {
                self.metrics.refused(listener, metrics::Reason::SourceLimit);
                Err(error::Failure::TooManyRequests)
            }
            Err(throttle::Refusal::Everyone) => {
                self.metrics.refused(listener, metrics::Reason::GlobalLimit);
                Err(error::Failure::Unavailable)
            }
        }
    }

    /// The language for this request: `chosen` if supported, else Accept-Language, else the default.
    /// A signed-in person's words and clock: their chosen language (else the browser's), their
    /// chosen time zone (else UTC).
    pub fn staff_tr(&self, req: &HttpRequest, who: &crate::trust::accounts::Principal) -> Tr {
        let mut tr = self.tr(req, who.language.as_deref());
        tr.zone = who
            .time_zone
            .as_deref()
            .and_then(crate::locale::Zone::parse);
        tr
    }

    pub fn tr(&self, req: &HttpRequest, chosen: Option<&str>) -> Tr {
        let accept = req
            .headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Tr {
            catalogs: self.catalogs.clone(),
            lang: self.catalogs.negotiate(chosen, accept),
            zone: None,
        }
    }
}

/// How slowly a body may arrive: no pause between two pieces longer than `idle`; all of it
/// within `deadline`, unless it carries the files of a reporter's form; and, once it holds upload
/// memory, at least `min_rate` bytes a second over each `window_secs` of `clock`. Past any of
/// them, reading it fails with a timed-out error (answered 408), so a client that trickles its
/// body cannot hold a connection, or upload memory, for long.
#[derive(Debug, Clone)]
pub struct BodyPace {
    pub idle: Duration,
    pub deadline: Duration,
    /// Bytes a second; 0 judges no rate.
    pub min_rate: u64,
    pub window_secs: i64,
    pub clock: crate::store::Clock,
}
