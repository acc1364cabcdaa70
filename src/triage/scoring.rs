//! Priority from weighted indicators: each ticked indicator adds its configured weight; the total
//! against two thresholds gives the class. The reasons are the indicators that counted, heaviest
//! first, so a responder sees why.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::file::{ConfigMistake, Source};
use crate::domain::report::Indicator;
use crate::domain::RoutingFacts;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Normal,
    High,
    Critical,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Critical => "critical",
        }
    }
}

/// One reason for the priority: an indicator and the weight it carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub indicator: Indicator,
    pub weight: u32,
}

/// The outcome of triage. Sealed to the NGO audience as the triage item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Triage {
    pub priority: Priority,
    pub score: u32,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriageFile {
    classes: Classes,
    indicators: BTreeMap<Spanned<String>, u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Classes {
    critical: u32,
    high: u32,
}

/// The weights and thresholds, checked.
#[derive(Debug, Clone)]
pub struct TriageRules {
    critical: u32,
    high: u32,
    weights: BTreeMap<Indicator, u32>,
}

impl TriageRules {
    pub fn load(path: &Path) -> Result<TriageRules, ConfigMistake> {
        let source = Source::read(path)?;
        let file: TriageFile = source.parse()?;
        if file.classes.high == 0 || file.classes.high > file.classes.critical {
            return Err(source.mistake(
                source.text.find("[classes]").unwrap_or(0),
                "classes: need 0 < high <= critical",
            ));
        }
        let mut weights = BTreeMap::new();
        for (name, weight) in file.indicators {
            let indicator = Indicator::parse(name.get_ref()).map_err(|_| {
                source.mistake(
                    name.span().start,
                    format!("unknown indicator `{}`", name.get_ref()),
                )
            })?;
            weights.insert(indicator, weight);
        }
        if let Some(missing) = Indicator::ALL.iter().find(|i| !weights.contains_key(i)) {
            return Err(source.mistake(
                source.text.find("[indicators]").unwrap_or(0),
                format!("no weight for indicator `{}`", missing.code()),
            ));
        }
        Ok(TriageRules {
            critical: file.classes.critical,
            high: file.classes.high,
            weights,
        })
    }

    pub fn assess(&self, facts: &RoutingFacts) -> Triage {
        let mut reasons: Vec<Reason> = facts
            .indicators
            .iter()
            .map(|&indicator| Reason {
                indicator,
                weight: self.weights.get(&indicator).copied().unwrap_or(0),
            })
            .filter(|r| r.weight > 0)
            .collect();
        reasons.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.indicator.cmp(&b.indicator)));
        let score = reasons.iter().map(|r| r.weight).sum();
        let priority = if score >= self.critical {
            Priority::Critical
        } else if score >= self.high {
            Priority::High
        } else {
            Priority::Normal
        };
        Triage {
            priority,
            score,
            reasons,
        }
    }
}
