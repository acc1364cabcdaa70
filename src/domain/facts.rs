//! The routing facts: what intake routes and triages by, and nothing more. A device that seals a
//! report itself sends only these in the clear, so they are parsed by the report's own rules.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::report::{ConsentInput, Consents, Indicator};
use super::{CountryCode, FieldErrors, Report, ReportInput};

/// The routing facts as sent: the same names and nesting as in a report.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RoutingFactsInput {
    pub location: PlaceInput,
    pub person: NationalityInput,
    /// The language the reporter uses (BCP 47).
    pub language: Option<String>,
    pub consent: ConsentInput,
    /// Indicator codes, as in a report.
    pub indicators: Vec<String>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PlaceInput {
    /// ISO 3166-1 alpha-2 of where the person is now.
    pub country: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct NationalityInput {
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<String>,
}

/// Validated routing facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutingFacts {
    pub country: Option<CountryCode>,
    pub nationality: Option<CountryCode>,
    pub language: Option<String>,
    pub consents: Consents,
    pub indicators: BTreeSet<Indicator>,
}

impl RoutingFacts {
    /// Parses the facts by the rules of the report fields they are, naming each one that is wrong.
    pub fn parse(input: &RoutingFactsInput) -> Result<RoutingFacts, FieldErrors> {
        let mut as_report = ReportInput {
            language: input.language.clone(),
            indicators: input.indicators.clone(),
            ..ReportInput::default()
        };
        as_report.location.country = input.location.country.clone();
        as_report.person.nationality = input.person.nationality.clone();
        as_report.consent = input.consent.clone();
        let (report, errors) = Report::parse_fields(as_report);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(report.routing_facts())
    }
}

impl Report {
    pub fn routing_facts(&self) -> RoutingFacts {
        RoutingFacts {
            country: self.location.country,
            nationality: self.person.nationality,
            language: self.language.clone(),
            consents: self.consents,
            indicators: self.indicators.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_follow_the_report_rules_and_name_their_fields() {
        let mut input = RoutingFactsInput {
            language: Some("km".into()),
            indicators: vec!["violence".into(), "documents_taken".into()],
            ..RoutingFactsInput::default()
        };
        input.location.country = Some("kh".into());
        input.person.nationality = Some("IN".into());
        input.consent.consulate = true;
        let facts = RoutingFacts::parse(&input).map_err(|e| format!("{e:?}"));
        let facts = facts.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(facts.country.map(|c| c.to_string()), Some("KH".into()));
        assert!(facts.consents.consulate && !facts.consents.police);
        assert_eq!(facts.indicators.len(), 2);

        input.location.country = Some("Atlantis".into());
        input.indicators.push("unheard_of".into());
        let fields: Vec<String> = RoutingFacts::parse(&input)
            .err()
            .map(|e| e.0.into_iter().map(|f| f.field).collect())
            .unwrap_or_default();
        assert_eq!(fields, ["location.country", "indicators"]);
    }
}
