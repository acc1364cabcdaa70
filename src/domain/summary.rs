//! A report's summary: the few facts a responder needs to tell entries apart in a queue list
//! without opening each report (where, who, who reported, why it is urgent). It is sealed like
//! every other item, so the list shows it only to a member holding the queue's key. Two
//! audiences, two shapes: NGO queues get the whole summary; consular and police queues get one
//! made from the projection alone (`Summary::of_projection`), which can hold nothing the
//! projection does not.
//!
//! Both are read from an item's JSON by the report's own parsers, field by field: a device's
//! report or an old item that holds something unreadable gives a smaller summary, never an error.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::report::{AgeRange, Indicator, Relation};
use super::text::{Text, SHORT};
use super::CountryCode;

/// How many triage reasons a summary names: the heaviest first.
pub const TOP_REASONS: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    #[serde(default)]
    pub place: Place,
    #[serde(default)]
    pub person: Who,
    /// What only the NGO audience reads: absent from a summary of the projection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ReportFacts>,
}

/// Where the person is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compound: Option<Text>,
}

/// Who the person is, as far as a list needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Who {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<CountryCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_range: Option<AgeRange>,
}

/// The NGO audience's part: how many others are held with the person, who reported, and the
/// heaviest triage reasons.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportFacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub others: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<Relation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Indicator>,
    /// Hotline staff filed it for a caller (the triage's sealed `channel`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub phoned: bool,
}

impl Summary {
    /// The NGO audience's summary of a report item (as the server sealed it, or a device's as
    /// `device::read` normalised it) and its triage item.
    pub fn of_report(report: &Value, triage: Option<&Value>) -> Summary {
        let mut reasons: Vec<(u64, Indicator)> = triage
            .and_then(|t| t.get("reasons"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|r| {
                let indicator = Indicator::parse(r.get("indicator")?.as_str()?).ok()?;
                Some((
                    r.get("weight").and_then(Value::as_u64).unwrap_or(0),
                    indicator,
                ))
            })
            .collect();
        // Heaviest first; equal weights in the indicators' own order, so a summary is stable.
        reasons.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        Summary {
            report: Some(ReportFacts {
                others: number(report, &["person", "others_count"])
                    .and_then(|n| u32::try_from(n).ok()),
                reported_by: choice(report, &["reporter", "relation"], Relation::parse),
                reasons: reasons
                    .into_iter()
                    .map(|(_, i)| i)
                    .take(TOP_REASONS)
                    .collect(),
                phoned: triage
                    .and_then(|t| t.get("channel"))
                    .and_then(Value::as_str)
                    == Some(crate::domain::Filing::Hotline.as_str()),
            }),
            ..Summary::of_projection(report)
        }
    }

    /// The summary a consulate or the police may read: only fields the projection lists (where,
    /// nationality, age), whatever else `item` holds.
    pub fn of_projection(item: &Value) -> Summary {
        Summary {
            place: Place {
                country: country(item, &["location", "country"]),
                city: text(item, &["location", "city"]),
                compound: text(item, &["location", "compound"]),
            },
            person: Who {
                nationality: country(item, &["person", "nationality"]),
                age: number(item, &["person", "age"]).and_then(|n| u8::try_from(n).ok()),
                age_range: choice(item, &["person", "age_range"], AgeRange::parse),
            },
            report: None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self == &Summary {
            report: self.report.as_ref().map(|_| ReportFacts::default()),
            ..Summary::default()
        }
    }
}

fn at<'v>(value: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(value, |v, key| v.get(key))
}

fn text(value: &Value, path: &[&str]) -> Option<Text> {
    Text::parse(at(value, path)?.as_str()?, SHORT)
        .ok()
        .flatten()
}

fn country(value: &Value, path: &[&str]) -> Option<CountryCode> {
    CountryCode::parse(at(value, path)?.as_str()?).ok()
}

/// A count as the server seals it (a number) or as a device sent it (digits in a string).
fn number(value: &Value, path: &[&str]) -> Option<u64> {
    match at(value, path)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn choice<T>(
    value: &Value,
    path: &[&str],
    parse: fn(&str) -> Result<T, &'static str>,
) -> Option<T> {
    parse(at(value, path)?.as_str()?).ok()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn report() -> Value {
        json!({
            "reporter": { "relation": "family", "contact": "+66 81 234 5678", "no_contact": false },
            "person": { "name": "Ko Aung", "age": 27, "nationality": "MM", "mobile_phone": "+95 9 1",
                        "handles": "@aung", "others_count": 40 },
            "location": { "country": "KH", "city": "Sihanoukville", "compound": "Golden Fortune",
                          "street": "Road 7", "coordinates": { "latitude": 10.6, "longitude": 103.5 } },
            "documents": [{ "kind": "passport", "number": "MA123456" }],
            "narrative": "They took my brother's passport.",
        })
    }

    fn triage() -> Value {
        json!({ "priority": "critical", "score": 90, "reasons": [
            { "indicator": "documents_taken", "weight": 10 },
            { "indicator": "threats", "weight": 30 },
            { "indicator": "cannot_leave", "weight": 30 },
            { "indicator": "forced_scam", "weight": 20 },
        ]})
    }

    #[test]
    fn the_ngo_summary_names_where_who_and_the_heaviest_reasons() {
        let s = Summary::of_report(&report(), Some(&triage()));
        assert_eq!(
            s.place.country.map(|c| c.as_str().to_owned()),
            Some("KH".into())
        );
        assert_eq!(
            s.place.compound.as_ref().map(Text::as_str),
            Some("Golden Fortune")
        );
        assert_eq!(s.person.age, Some(27));
        let Some(facts) = s.report else {
            panic!("the NGO part is missing")
        };
        assert_eq!(facts.others, Some(40));
        assert_eq!(facts.reported_by, Some(Relation::Family));
        let codes: Vec<_> = facts.reasons.iter().map(|i| i.code()).collect();
        assert_eq!(codes, ["threats", "cannot_leave", "forced_scam"]);
        assert!(!facts.phoned);
        let mut phoned = triage();
        phoned["channel"] = serde_json::json!("phoned");
        let facts = Summary::of_report(&report(), Some(&phoned)).report;
        assert!(facts.is_some_and(|f| f.phoned));
    }

    #[test]
    fn the_projection_summary_holds_nothing_beyond_the_projection() {
        // Whatever the item holds (an old projection may hold a phone number), only the
        // projection's own fields are read.
        let s = Summary::of_projection(&report());
        let sealed = serde_json::to_value(&s).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            sealed,
            json!({
                "place": { "country": "KH", "city": "Sihanoukville", "compound": "Golden Fortune" },
                "person": { "age": 27, "nationality": "MM" },
            })
        );
        for secret in [
            "+66", "+95", "@aung", "Ko Aung", "Road 7", "MA123456", "family", "40",
        ] {
            assert!(!sealed.to_string().contains(secret), "{secret} leaked");
        }
    }

    #[test]
    fn a_device_s_strings_and_unreadable_fields_give_a_smaller_summary() {
        let sent = json!({
            "person": { "age": "31", "others_count": "many", "nationality": "XX" },
            "location": { "city": "a\u{0}b", "country": "mm" },
            "reporter": { "relation": "cousin" },
        });
        let s = Summary::of_report(
            &sent,
            Some(&json!({ "reasons": [{ "indicator": "nonsense" }] })),
        );
        assert_eq!(s.person.age, Some(31));
        assert_eq!(s.person.nationality, None);
        assert_eq!(s.place.city, None);
        assert_eq!(
            s.place.country.map(|c| c.as_str().to_owned()),
            Some("MM".into())
        );
        assert_eq!(s.report, Some(ReportFacts::default()));
        assert!(Summary::of_report(&json!({}), None).is_empty());
        assert!(!s.is_empty());
    }

    #[test]
    fn a_summary_reads_back_as_it_was_sealed() {
        let s = Summary::of_report(&report(), Some(&triage()));
        let sealed = serde_json::to_vec(&s).unwrap_or_else(|e| panic!("{e}"));
        let back: Summary = serde_json::from_slice(&sealed).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, s);
    }
}
