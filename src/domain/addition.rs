//! What the reporter sends from the follow-up page, parsed by the same field rules as a report:
//! an addition (a message, where the person is now, who recruited them, their documents) and a
//! change of how to be contacted.

use serde::Serialize;

use super::report::{Document, Location, Person, Recruitment, Report, ReportInput};
use super::text::{Text, LONG};
use super::FieldErrors;

/// More details: any of a report's descriptive fields, at least one of them given.
#[derive(Debug, Serialize)]
pub struct Addition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    pub location: Location,
    pub person: Person,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    pub recruitment: Recruitment,
}

impl Addition {
    /// The report form's fields (the message in `narrative`); refuses an empty addition.
    pub fn parse(input: ReportInput) -> Result<Addition, FieldErrors> {
        let (report, mut errors) = Report::parse_fields(input);
        let Report {
            narrative,
            location,
            person,
            documents,
            recruitment,
            ..
        } = report;
        let addition = Addition {
            message: narrative,
            location,
            person,
            documents,
            recruitment,
        };
        if errors.is_empty() && !addition.says_something() {
            errors.push("narrative", "required");
        }
        if errors.is_empty() {
            Ok(addition)
        } else {
            Err(errors)
        }
    }

    fn says_something(&self) -> bool {
        // Every field is optional: an addition says something when any part differs from empty.
        fn given<T: Serialize + Default>(part: &T) -> bool {
            serde_json::to_value(part).ok() != serde_json::to_value(T::default()).ok()
        }
        self.message.is_some()
            || !self.documents.is_empty()
            || given(&self.location)
            || given(&self.person)
            || given(&self.recruitment)
    }
}

/// How the reporter wants to be reached now.
#[derive(Debug, Serialize)]
pub struct ContactChange {
    pub contact: Option<Text>,
    pub no_contact: bool,
}

impl ContactChange {
    pub fn parse(contact: &str, no_contact: bool) -> Result<ContactChange, FieldErrors> {
        let mut errors = FieldErrors::default();
        let contact = errors
            .take("reporter.contact", Text::parse(contact, LONG))
            .flatten();
        if contact.is_none() && !no_contact && errors.is_empty() {
            errors.push("reporter.contact", "required");
        }
        if errors.is_empty() {
            Ok(ContactChange {
                contact,
                no_contact,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(json: serde_json::Value) -> ReportInput {
        serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn an_addition_needs_something_and_follows_the_field_rules() {
        assert!(Addition::parse(input(serde_json::json!({}))).is_err());
        let Ok(moved) = Addition::parse(input(
            serde_json::json!({"location": {"city": "Myawaddy", "latitude": "16.7", "longitude": "98.5"}}),
        )) else {
            panic!("a new place is an addition")
        };
        assert!(moved.location.coordinates.is_some());
        let Err(errors) = Addition::parse(input(
            serde_json::json!({"location": {"latitude": "400", "longitude": "1"}}),
        )) else {
            panic!("a latitude of 400 is refused")
        };
        assert!(errors.0.iter().any(|e| e.field.starts_with("location.")));
    }

    #[test]
    fn a_contact_change_says_how_or_asks_for_none() {
        assert!(ContactChange::parse("", false).is_err());
        assert!(ContactChange::parse("", true).is_ok());
        assert!(ContactChange::parse("signal: @someone", false).is_ok());
    }
}
