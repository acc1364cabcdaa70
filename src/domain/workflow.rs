//! The life of a report's entry in one queue. Each queue works its own entry: claim, status and
//! outcome are per queue.
//!
//! | from | to |
//! |---|---|
//! | new | acknowledged, in_progress, closed |
//! | acknowledged | in_progress, closed |
//! | in_progress | waiting_for_reporter, referred, closed |
//! | waiting_for_reporter | in_progress, closed |
//! | referred | in_progress, closed |
//! | closed | in_progress (reopened) |
//!
//! Consular and police entries work the projection only: they never wait for the reporter.
//! Closing needs an outcome. `not_genuine` says the report is fake (a flood, a test, a lure),
//! which is more than `not_credible` (a real report the responder doubts): a report every holder
//! closed as not genuine may be destroyed early by the desk's coordinators (`casework::waves`),
//! so that judgement has a word of its own that nobody picks by accident.

use super::choice::choices;

choices!(
    EntryStatus {
        New => "new", Acknowledged => "acknowledged", InProgress => "in_progress",
        WaitingForReporter => "waiting_for_reporter", Referred => "referred", Closed => "closed",
    }
);

choices!(
    Outcome {
        Located => "located", Rescued => "rescued", Repatriated => "repatriated", ReferredOn => "referred_on",
        Unreachable => "unreachable", Duplicate => "duplicate", NotCredible => "not_credible",
        NotGenuine => "not_genuine", Other => "other",
    }
);

impl EntryStatus {
    /// Whether an entry may move from `self` to `to`; `projection_only` for consular and police.
    pub fn may_become(self, to: EntryStatus, projection_only: bool) -> bool {
        use EntryStatus::*;
        if projection_only && to == WaitingForReporter {
            return false;
        }
        matches!(
            (self, to),
            (New, Acknowledged | InProgress | Closed)
                | (Acknowledged, InProgress | Closed)
                | (InProgress, WaitingForReporter | Referred | Closed)
                | (WaitingForReporter, InProgress | Closed)
                | (Referred, InProgress | Closed)
                | (Closed, InProgress)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::EntryStatus::*;

    #[test]
    fn the_workflow_table_holds() {
        assert!(New.may_become(Acknowledged, false));
        assert!(New.may_become(Closed, true));
        assert!(!New.may_become(WaitingForReporter, false));
        assert!(InProgress.may_become(WaitingForReporter, false));
        assert!(!InProgress.may_become(WaitingForReporter, true));
        assert!(!Closed.may_become(New, false));
        assert!(Closed.may_become(InProgress, false));
        assert!(!Acknowledged.may_become(Acknowledged, false));
    }
}
