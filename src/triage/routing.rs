//! Which queues receive a report. The desk always; partner NGO queues only with that consent;
//! consular and police queues only with theirs, and those receive only the projection. Who is
//! admitted and what each holds is the domain's rule (`Consents::admits`,
//! `QueueKind::reads_whole_report`); routing adds where, whose nationality and which language.
//! Organisations and queues are declared in a config file (see config/queues.toml).

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::file::{ConfigMistake, Source};
use crate::crypto::signing::{Signature, VerifyingKey};
use crate::crypto::PublicKey;
use crate::domain::{CountryCode, RoutingFacts};

/// The kinds are the domain's, with the rule on what each may receive (`domain::policy`);
/// named here too, where config declares them.
pub use crate::domain::policy::{OrganisationKind, QueueKind};

/// The demo organisation's name, as the operator's page shows it.
pub const DEMO_ORGANISATION_NAME: &str = "Homeward demo (not for real reports)";

/// A queue that can receive reports, with the conditions under which it does.
#[derive(Debug, Clone)]
pub struct Queue {
    pub id: String,
    pub organisation: String,
    pub kind: QueueKind,
    pub public_key: PublicKey,
    /// The organisation's signature over the queue's id, kind and public key; none for the demo.
    pub signature: Option<Signature>,
    /// Location countries it serves; empty means any.
    pub countries: Vec<CountryCode>,
    /// Nationalities it serves; a consular queue names its own.
    pub nationalities: Vec<CountryCode>,
    /// Reporter languages it serves (primary subtags); empty means any.
    pub languages: Vec<String>,
    /// The demo desk of a first run (`operations::demo`): its organisation is registered as
    /// `DEMO_ORGANISATION_NAME`.
    pub demo: bool,
}

impl Queue {
    /// A digest of everything config declares about the queue, to notice a change at start.
    pub fn digest(&self) -> String {
        use sha2::Digest;
        let text = format!(
            "{}|{}|{}|{}|{:?}|{:?}|{:?}",
            self.organisation,
            // As stored, so a digest made before the kinds shared one name still matches.
            self.kind.stored_name(),
            self.public_key.to_text(),
            self.signature
                .as_ref()
                .map(Signature::to_text)
                .unwrap_or_default(),
            self.countries,
            self.nationalities,
            self.languages
        );
        let digest = sha2::Sha256::digest(text.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The queues of a deployment, and the desk organisation's verifying key that vouches for every
/// other organisation. Organisations themselves live in the database, managed by the operator.
#[derive(Debug, Clone, Default)]
pub struct RoutingConfig {
    pub desk_signing_key: Option<VerifyingKey>,
    pub queues: Vec<Queue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    desk_signing_key: Option<Spanned<String>>,
    #[serde(default)]
    queue: Vec<QueueEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueueEntry {
    id: Spanned<String>,
    organisation: Spanned<String>,
    kind: Spanned<QueueKind>,
    public_key: Spanned<String>,
    signature: Spanned<String>,
    #[serde(default)]
    countries: Vec<Spanned<String>>,
    #[serde(default)]
    nationalities: Vec<Spanned<String>>,
    #[serde(default)]
    languages: Vec<String>,
}

fn slug_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn countries(source: &Source, list: &[Spanned<String>]) -> Result<Vec<CountryCode>, ConfigMistake> {
    list.iter()
        .map(|c| {
            CountryCode::parse(c.get_ref()).map_err(|_| {
                source.mistake(
                    c.span().start,
                    format!("unknown country code `{}`", c.get_ref()),
                )
            })
        })
        .collect()
}

impl RoutingConfig {
    /// Reads and checks the file: ids, keys, signatures' form, country codes, one desk at most.
    /// Whether an organisation and its signatures hold is for the database to say (see
    /// `organisations::standing`). A missing or unreadable file is a mistake naming the path, never
    /// an empty deployment: only a server with no routing file configured may run the demo desk.
    pub fn load(path: &Path) -> Result<RoutingConfig, ConfigMistake> {
        let source = Source::read(path)?;
        let file: File = source.parse()?;
        let mut config = RoutingConfig::default();
        if let Some(key) = &file.desk_signing_key {
            config.desk_signing_key = Some(VerifyingKey::parse(key.get_ref()).map_err(|_| {
                source.mistake(
                    key.span().start,
                    "desk_signing_key: not an hwov1. key (the desk organisation's, from `homeward org keygen`)",
                )
            })?);
        }
        let mut queue_ids = HashSet::new();
        for q in file.queue {
            let at = q.id.span().start;
            if !slug_ok(q.id.get_ref()) {
                return Err(source.mistake(at, "queue id: use a-z, 0-9 and -"));
            }
            if !queue_ids.insert(q.id.get_ref().clone()) {
                return Err(source.mistake(at, "queue id declared twice"));
            }
            if !slug_ok(q.organisation.get_ref()) {
                return Err(source.mistake(
                    q.organisation.span().start,
                    "organisation: use a-z, 0-9 and -",
                ));
            }
            let kind = *q.kind.get_ref();
            let public_key = PublicKey::parse(q.public_key.get_ref()).map_err(|_| {
                source.mistake(
                    q.public_key.span().start,
                    "public_key: not an hwpk1. key (make one with `homeward queue keygen`)",
                )
            })?;
            let signature = Signature::parse(q.signature.get_ref()).map_err(|_| {
                source.mistake(
                    q.signature.span().start,
                    "signature: not an hwsg1. signature (from `homeward queue keygen --signing-key`)",
                )
            })?;
            let nationalities = countries(&source, &q.nationalities)?;
            let country_list = countries(&source, &q.countries)?;
            if kind == QueueKind::Consular && nationalities.is_empty() {
                return Err(
                    source.mistake(at, "a consular queue must name the nationalities it serves")
                );
            }
            if kind == QueueKind::Police && country_list.is_empty() {
                return Err(source.mistake(at, "a police queue must name the countries it serves"));
            }
            config.queues.push(Queue {
                id: q.id.into_inner(),
                organisation: q.organisation.into_inner(),
                kind,
                public_key,
                signature: Some(signature),
                countries: country_list,
                nationalities,
                languages: q.languages.iter().map(|l| primary_language(l)).collect(),
                demo: false,
            });
        }
        let desks: Vec<_> = config
            .queues
            .iter()
            .filter(|q| q.kind == QueueKind::Desk)
            .collect();
        if desks.len() > 1 {
            return Err(source.mistake(
                source.text.rfind("kind = \"desk\"").unwrap_or(0),
                "only one desk may be declared",
            ));
        }
        if !desks.is_empty() && config.desk_signing_key.is_none() {
            return Err(source.mistake(
                0,
                "desk_signing_key: a declared desk needs the desk organisation's verifying key \
                 (from `homeward org keygen`); it vouches for every other organisation",
            ));
        }
        Ok(config)
    }

    pub fn desk(&self) -> Option<&Queue> {
        self.queues.iter().find(|q| q.kind == QueueKind::Desk)
    }

    /// The demo desk, on a server that runs it (`operations::demo`).
    pub fn demo_desk(&self) -> Option<&Queue> {
        self.queues.iter().find(|q| q.demo)
    }

    /// Picks the queues among those that can receive (`receives`): a queue whose key no
    /// coordinator has imported yet gets nothing. `None` when the desk cannot receive.
    pub fn route_among(
        &self,
        facts: &RoutingFacts,
        receives: impl Fn(&Queue) -> bool,
    ) -> Option<Routing> {
        let desk = self.desk().filter(|d| receives(d))?;
        let consents = facts.consents;
        let language = facts.language.as_deref().map(primary_language);
        let matches = |list: &[CountryCode], value: Option<CountryCode>| {
            list.is_empty() || value.is_some_and(|v| list.contains(&v))
        };
        let mut whole = vec![desk.clone()];
        let mut projection_only = Vec::new();
        for q in self.queues.iter().filter(|q| receives(q)) {
            // The desk is already first; every other queue needs its audience's consent.
            if q.kind == QueueKind::Desk || !consents.admits(q.kind) {
                continue;
            }
            let place = matches(&q.countries, facts.country);
            let nationality = matches(&q.nationalities, facts.nationality);
            // Language counts only for the queues that read the report and write to the
            // reporter; a consulate or the police serve by country and nationality alone.
            let speaks = q.kind.projection_only()
                || q.languages.is_empty()
                || language.as_ref().is_some_and(|l| q.languages.contains(l));
            if !(place && nationality && speaks) {
                continue;
            }
            if q.kind.reads_whole_report() {
                whole.push(q.clone());
            } else {
                projection_only.push(q.clone());
            }
        }
        Some(Routing {
            whole,
            projection_only,
        })
    }
}

fn primary_language(tag: &str) -> String {
    tag.split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The queues a report reaches.
#[derive(Debug, Clone)]
pub struct Routing {
    /// The desk and partner NGO queues: they hold the whole report.
    pub whole: Vec<Queue>,
    /// Consular and police queues: they hold the projection only.
    pub projection_only: Vec<Queue>,
}

/// Who each of the design's audiences is, for one report.
pub struct Audiences<'a> {
    pub ngo: Vec<&'a Queue>,
    pub projection: Vec<&'a Queue>,
}

impl Routing {
    pub fn audiences(&self) -> Audiences<'_> {
        Audiences {
            ngo: self.whole.iter().collect(),
            projection: self.whole.iter().chain(&self.projection_only).collect(),
        }
    }

    pub fn all(&self) -> impl Iterator<Item = &Queue> {
        self.whole.iter().chain(&self.projection_only)
    }
}
