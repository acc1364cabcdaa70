//! Who may receive what: the kinds of organisation and queue, the kinds of item a report holds,
//! the audiences an item is sealed to, the reporter's consents, and the one rule that joins them
//! (`Consents::admits`). Routing at intake, referral, the workspace, the responders' pages and
//! sealing to a report's holders all ask here; none decides consent on its own.
//!
//! Each enum is stored and sent as the string `as_str` gives (the database's CHECK constraints,
//! config/queues.toml and the JSON API use exactly these), so changing one is a migration. One
//! exception, kept in one place: a consulate's queue was once of kind `consular` while its
//! organisation was of kind `consulate`. `consulate` is now the one name printed and sent
//! everywhere; `consular` is still read wherever a kind is parsed ([`CONSULATE_ALIAS`]), and is
//! what the database's queues table and the v1 signed statements hold for it
//! (`QueueKind::stored_name`), so no stored row and no signature made before changes.

use serde::{Deserialize, Serialize};

/// What an organisation is: it decides which kinds of queue it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    Ngo,
    #[serde(alias = "consular")]
    Consulate,
    Police,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 3] = [
        OrganisationKind::Ngo,
        OrganisationKind::Consulate,
        OrganisationKind::Police,
    ];

    /// The canonical name, or `consular` for a consulate (`CONSULATE_ALIAS`).
    pub fn parse(s: &str) -> Option<OrganisationKind> {
        if s == CONSULATE_ALIAS {
            return Some(OrganisationKind::Consulate);
        }
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::Ngo => "ngo",
            OrganisationKind::Consulate => "consulate",
            OrganisationKind::Police => "police",
        }
    }
}

/// The other name of the `consulate` kind, read everywhere a kind is parsed and never printed:
/// queue kinds said `consular` until the kinds of queues and organisations shared one name.
pub const CONSULATE_ALIAS: &str = "consular";

/// What a queue is: it decides what of a report the queue may hold, and which consent it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueKind {
    /// The operating organisation's own NGO queue: every report reaches it.
    Desk,
    Ngo,
    /// A consulate's queue: named `consulate`, read as `consular` too.
    #[serde(rename = "consulate", alias = "consular")]
    Consular,
    Police,
}

impl QueueKind {
    pub const ALL: [QueueKind; 4] = [
        QueueKind::Desk,
        QueueKind::Ngo,
        QueueKind::Consular,
        QueueKind::Police,
    ];

    /// The canonical name, or `consular` for a consulate's queue (`CONSULATE_ALIAS`).
    pub fn parse(s: &str) -> Option<QueueKind> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.stored_name() == s)
    }

    /// The name printed, sent and written into config: the organisation kinds' word.
    pub fn as_str(self) -> &'static str {
        match self {
            QueueKind::Desk => "desk",
            QueueKind::Ngo => "ngo",
            QueueKind::Consular => "consulate",
            QueueKind::Police => "police",
        }
    }

    /// The name the queues table's CHECK constraint and the v1 queue-key statements hold: the
    /// same as `as_str` but for a consulate's queue, which they name `consular`. Kept so that
    /// no row needs rewriting and every signature made before still verifies; never printed.
    pub fn stored_name(self) -> &'static str {
        match self {
            QueueKind::Consular => CONSULATE_ALIAS,
            other => other.as_str(),
        }
    }

    /// Desk and NGO queues hold the whole report: the report as submitted, the triage, what the
    /// reporter sends later, and the conversation with the reporter.
    pub fn reads_whole_report(self) -> bool {
        match self {
            QueueKind::Desk | QueueKind::Ngo => true,
            QueueKind::Consular | QueueKind::Police => false,
        }
    }

    /// Consular and police queues hold the projection only: no replies, no "waiting for
    /// reporter", and they refer only to queues that need no more.
    pub fn projection_only(self) -> bool {
        !self.reads_whole_report()
    }

    /// The kind of organisation a queue of this kind belongs to.
    pub fn organisation_kind(self) -> OrganisationKind {
        match self {
            QueueKind::Desk | QueueKind::Ngo => OrganisationKind::Ngo,
            QueueKind::Consular => OrganisationKind::Consulate,
            QueueKind::Police => OrganisationKind::Police,
        }
    }
}

impl std::fmt::Display for QueueKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whom an item's key is sealed to (docs: DESIGN.md, "Keys: who can open what").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Every NGO queue holding the report, the desk included.
    Ngo,
    /// The NGO queues, and the consular and police queues holding the report with consent.
    Projection,
    /// The reporter and every NGO queue holding the report.
    Thread,
    /// The queues of one organisation: its internal notes.
    Notes,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::Ngo,
        Audience::Projection,
        Audience::Thread,
        Audience::Notes,
    ];

    pub fn parse(s: &str) -> Option<Audience> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Ngo => "ngo",
            Audience::Projection => "projection",
            Audience::Thread => "thread",
            Audience::Notes => "notes",
        }
    }

    /// Whether sealing to this audience asks the reporter's consents. An organisation's own
    /// notes are its own: they reach only queues that already hold the report, and reveal
    /// nothing of it to anyone new.
    pub fn needs_consent(self) -> bool {
        match self {
            Audience::Ngo | Audience::Projection | Audience::Thread => true,
            Audience::Notes => false,
        }
    }

    /// Whether a queue of this kind may ever be given this audience's items: what is sealed to
    /// the NGO audience and the thread never reaches a consulate or the police, whatever a
    /// caller asks; the projection and an organisation's own notes may.
    pub fn reaches(self, kind: QueueKind) -> bool {
        match self {
            Audience::Ngo | Audience::Thread => kind.reads_whole_report(),
            Audience::Projection | Audience::Notes => true,
        }
    }
}

impl std::fmt::Display for Audience {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an item is. Items are stored with these names; the staff catalog has a title for each
/// (`staff-item-<name>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// The report as submitted.
    Report,
    /// The triage reasons.
    Triage,
    /// What a consulate or the police may see (`Projection`), versioned.
    Projection,
    /// The status words the reporter sees.
    Status,
    /// What a responder writes to the reporter.
    Reply,
    /// An organisation's internal note.
    Note,
    /// Why a report was referred.
    Referral,
    /// What the reporter adds later.
    Addition,
    /// A new way to reach the reporter.
    Contact,
    /// The reporter changed their consents.
    Consent,
    /// A file from the reporter.
    Attachment,
    /// The reporter withdrew the report.
    Withdrawal,
    /// What a queue list shows of the report (`domain::Summary`): one for the NGO audience, one
    /// made from the projection for its audience.
    Summary,
}

impl ItemKind {
    pub const ALL: [ItemKind; 13] = [
        ItemKind::Report,
        ItemKind::Triage,
        ItemKind::Projection,
        ItemKind::Status,
        ItemKind::Reply,
        ItemKind::Note,
        ItemKind::Referral,
        ItemKind::Addition,
        ItemKind::Contact,
        ItemKind::Consent,
        ItemKind::Attachment,
        ItemKind::Withdrawal,
        ItemKind::Summary,
    ];

    pub fn parse(s: &str) -> Option<ItemKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Report => "report",
            ItemKind::Triage => "triage",
            ItemKind::Projection => "projection",
            ItemKind::Status => "status",
            ItemKind::Reply => "reply",
            ItemKind::Note => "note",
            ItemKind::Referral => "referral",
            ItemKind::Addition => "addition",
            ItemKind::Contact => "contact",
            ItemKind::Consent => "consent",
            ItemKind::Attachment => "attachment",
            ItemKind::Withdrawal => "withdrawal",
            ItemKind::Summary => "summary",
        }
    }

    /// Sent by the reporter after the report: a queue is told which of these are new.
    pub fn from_reporter(self) -> bool {
        match self {
            ItemKind::Addition
            | ItemKind::Contact
            | ItemKind::Consent
            | ItemKind::Attachment
            | ItemKind::Withdrawal => true,
            ItemKind::Report
            | ItemKind::Triage
            | ItemKind::Projection
            | ItemKind::Status
            | ItemKind::Reply
            | ItemKind::Note
            | ItemKind::Referral
            | ItemKind::Summary => false,
        }
    }
}

impl std::fmt::Display for ItemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a report came in: sent by the reporter (or someone for them) over the internet, or
/// phoned in and filed by hotline staff on the caller's behalf. Sealed inside the triage item
/// (`channel`), never an item kind or a column of its own: item kinds are stored in plaintext,
/// and a thief holding the database must not learn which reports came by telephone. Both names
/// are the same length, so neither does the triage item's length tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filing {
    Online,
    /// Hotline staff filed it for a caller, in the workspace.
    Hotline,
}

impl Filing {
    pub fn as_str(self) -> &'static str {
        match self {
            Filing::Online => "online",
            Filing::Hotline => "phoned",
        }
    }

    pub fn parse(s: &str) -> Option<Filing> {
        [Filing::Online, Filing::Hotline]
            .into_iter()
            .find(|f| f.as_str() == s)
    }
}

/// One of the reporter's consents: each lets one kind of queue besides the desk receive the
/// report. The reporter gives or withdraws each on its own (never all three at once, where an
/// unticked box would withdraw what they meant to keep).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    PartnerNgos,
    Consulate,
    Police,
}

impl Consent {
    pub const ALL: [Consent; 3] = [Consent::PartnerNgos, Consent::Consulate, Consent::Police];

    pub fn parse(s: &str) -> Option<Consent> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Consent::PartnerNgos => "partner_ngos",
            Consent::Consulate => "consulate",
            Consent::Police => "police",
        }
    }

    /// The kind of queue this consent admits.
    pub fn queue_kind(self) -> QueueKind {
        match self {
            Consent::PartnerNgos => QueueKind::Ngo,
            Consent::Consulate => QueueKind::Consular,
            Consent::Police => QueueKind::Police,
        }
    }

    /// The consent a queue of this kind needs; the desk needs none.
    pub fn needed_by(kind: QueueKind) -> Option<Consent> {
        Self::ALL.into_iter().find(|c| c.queue_kind() == kind)
    }
}

impl std::fmt::Display for Consent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who besides the operating organisation's desk may receive the report. Each defaults to no.
/// Stored in plaintext, since the server enforces them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Consents {
    pub partner_ngos: bool,
    pub consulate: bool,
    pub police: bool,
}

impl Consents {
    /// Whether the reporter gives this consent.
    pub fn gives(&self, consent: Consent) -> bool {
        match consent {
            Consent::PartnerNgos => self.partner_ngos,
            Consent::Consulate => self.consulate,
            Consent::Police => self.police,
        }
    }

    /// Whether a queue of this kind may receive anything new of the report: the desk always,
    /// every other kind only while the reporter consents to its audience. There is no override.
    /// What a queue admitted may hold is `QueueKind::reads_whole_report`'s to say.
    pub fn admits(&self, kind: QueueKind) -> bool {
        Consent::needed_by(kind).is_none_or(|consent| self.gives(consent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every combination of the three consents.
    fn every_consents() -> impl Iterator<Item = Consents> {
        (0..8u8).map(|bits| Consents {
            partner_ngos: bits & 1 != 0,
            consulate: bits & 2 != 0,
            police: bits & 4 != 0,
        })
    }

    #[test]
    fn the_desk_is_admitted_whatever_the_consents() {
        for consents in every_consents() {
            assert!(consents.admits(QueueKind::Desk), "{consents:?}");
        }
    }

    #[test]
    fn each_other_kind_is_admitted_exactly_by_its_own_consent() {
        for consents in every_consents() {
            assert_eq!(
                consents.admits(QueueKind::Ngo),
                consents.partner_ngos,
                "{consents:?}"
            );
            assert_eq!(
                consents.admits(QueueKind::Consular),
                consents.consulate,
                "{consents:?}"
            );
            assert_eq!(
                consents.admits(QueueKind::Police),
                consents.police,
                "{consents:?}"
            );
        }
    }

    #[test]
    fn no_consent_admits_only_the_desk() {
        let none = Consents::default();
        let admitted: Vec<QueueKind> = QueueKind::ALL
            .into_iter()
            .filter(|k| none.admits(*k))
            .collect();
        assert_eq!(admitted, [QueueKind::Desk]);
    }

    #[test]
    fn one_consent_admits_the_desk_and_its_own_kind_only() {
        for (consents, own) in [
            (
                Consents {
                    partner_ngos: true,
                    ..Consents::default()
                },
                QueueKind::Ngo,
            ),
            (
                Consents {
                    consulate: true,
                    ..Consents::default()
                },
                QueueKind::Consular,
            ),
            (
                Consents {
                    police: true,
                    ..Consents::default()
                },
                QueueKind::Police,
            ),
        ] {
            let admitted: Vec<QueueKind> = QueueKind::ALL
                .into_iter()
                .filter(|k| consents.admits(*k))
                .collect();
            assert_eq!(admitted, [QueueKind::Desk, own], "{consents:?}");
        }
    }

    #[test]
    fn each_consent_admits_exactly_its_own_kind_and_the_desk_needs_none() {
        assert_eq!(Consent::needed_by(QueueKind::Desk), None);
        for consent in Consent::ALL {
            assert_eq!(Consent::needed_by(consent.queue_kind()), Some(consent));
            assert_eq!(Consent::parse(consent.as_str()), Some(consent));
        }
        let names: Vec<&str> = Consent::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names, ["partner_ngos", "consulate", "police"]);
        assert_eq!(Consent::parse("Consulate"), None);
    }

    #[test]
    fn only_desk_and_ngo_queues_read_the_whole_report() {
        let whole: Vec<QueueKind> = QueueKind::ALL
            .into_iter()
            .filter(|k| k.reads_whole_report())
            .collect();
        assert_eq!(whole, [QueueKind::Desk, QueueKind::Ngo]);
        for kind in QueueKind::ALL {
            assert_eq!(kind.projection_only(), !kind.reads_whole_report(), "{kind}");
        }
    }

    #[test]
    fn only_notes_are_sealed_without_asking_the_consents() {
        let free: Vec<Audience> = Audience::ALL
            .into_iter()
            .filter(|a| !a.needs_consent())
            .collect();
        assert_eq!(free, [Audience::Notes]);
    }

    /// The stored strings: the migrations' CHECK constraints, config/queues.toml and every
    /// existing database hold exactly these.
    #[test]
    fn the_stored_names_stay_as_they_are() {
        let queues: Vec<&str> = QueueKind::ALL.iter().map(|k| k.stored_name()).collect();
        assert_eq!(queues, ["desk", "ngo", "consular", "police"]);
        let printed: Vec<&str> = QueueKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(printed, ["desk", "ngo", "consulate", "police"]);
        let organisations: Vec<&str> = OrganisationKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(organisations, ["ngo", "consulate", "police"]);
        let audiences: Vec<&str> = Audience::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(audiences, ["ngo", "projection", "thread", "notes"]);
        let items: Vec<&str> = ItemKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            items,
            [
                "report",
                "triage",
                "projection",
                "status",
                "reply",
                "note",
                "referral",
                "addition",
                "contact",
                "consent",
                "attachment",
                "withdrawal",
                "summary"
            ]
        );
    }

    #[test]
    fn the_ngo_audience_and_the_thread_never_reach_a_consulate_or_the_police() {
        for kind in QueueKind::ALL {
            assert_eq!(Audience::Ngo.reaches(kind), kind.reads_whole_report());
            assert_eq!(Audience::Thread.reaches(kind), kind.reads_whole_report());
            assert!(Audience::Projection.reaches(kind) && Audience::Notes.reaches(kind));
        }
        assert!(!Audience::Ngo.reaches(QueueKind::Consular));
        assert!(!Audience::Thread.reaches(QueueKind::Police));
    }

    #[test]
    fn how_a_report_came_in_does_not_change_the_triage_items_length() {
        assert_eq!(
            Filing::Online.as_str().len(),
            Filing::Hotline.as_str().len()
        );
        for f in [Filing::Online, Filing::Hotline] {
            assert_eq!(Filing::parse(f.as_str()), Some(f));
        }
    }

    #[test]
    fn every_name_parses_back() {
        for k in QueueKind::ALL {
            assert_eq!(QueueKind::parse(k.as_str()), Some(k));
        }
        for k in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::parse(k.as_str()), Some(k));
        }
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
        for k in ItemKind::ALL {
            assert_eq!(ItemKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(QueueKind::parse("Consulate"), None);
        assert_eq!(Audience::parse("NGO"), None);
        assert_eq!(ItemKind::parse(""), None);
    }

    /// One thing, one printed name: a consulate's queue and a consulate are both `consulate`,
    /// and `consular` is read as it, for either, in code and from config files.
    #[test]
    fn consulate_is_the_one_name_and_consular_its_alias() {
        for name in ["consulate", "consular"] {
            assert_eq!(QueueKind::parse(name), Some(QueueKind::Consular));
            assert_eq!(
                OrganisationKind::parse(name),
                Some(OrganisationKind::Consulate)
            );
        }
        assert_eq!(
            QueueKind::Consular.organisation_kind().as_str(),
            QueueKind::Consular.as_str()
        );
        #[derive(Deserialize)]
        struct Declared {
            queue: QueueKind,
            organisation: OrganisationKind,
        }
        for name in ["consulate", "consular"] {
            let declared: Declared =
                toml::from_str(&format!("queue = \"{name}\"\norganisation = \"{name}\"\n"))
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(declared.queue, QueueKind::Consular);
            assert_eq!(declared.organisation, OrganisationKind::Consulate);
        }
    }

    #[test]
    fn the_reporter_sends_exactly_these_later() {
        let later: Vec<&str> = ItemKind::ALL
            .into_iter()
            .filter(|k| k.from_reporter())
            .map(ItemKind::as_str)
            .collect();
        assert_eq!(
            later,
            ["addition", "contact", "consent", "attachment", "withdrawal"]
        );
    }
}
