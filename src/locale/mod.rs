//! Locale catalogs (Project Fluent). Every user-facing string comes from here; the language is the
//! visitor's choice (`lang` in the URL or form), else the best match for Accept-Language, else the
//! configured default. A key missing from a catalog falls back to English.
//!
//! Reporter pages are catalogued in every language the reporters read (`CATALOGS`), and the
//! responder pages in the same languages (`STAFF_CATALOGS`): the caseworkers who act on a report
//! work in the languages of the countries the reports come from. A language's staff catalog is
//! added to its reporter bundle, so a staff tag must be a reporter tag too. `PROVENANCE.toml`
//! says, per language and per set, who drafted it and whether a native speaker has reviewed it.
//!
//! Below web, so that anything that speaks to a person (pages, alerts) takes its words from here;
//! it knows nothing of HTTP or storage.

mod zone;

pub use zone::{Zone, OFFERED as OFFERED_ZONES};

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// The languages of the reporter pages: (tag, catalog text). English first; the thirteen that
/// the people held in the compounds and their families read most.
const CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("en.ftl")),
    ("zh-Hans", include_str!("zh-Hans.ftl")),
    ("km", include_str!("km.ftl")),
    ("my", include_str!("my.ftl")),
    ("th", include_str!("th.ftl")),
    ("vi", include_str!("vi.ftl")),
    ("id", include_str!("id.ftl")),
    ("ms", include_str!("ms.ftl")),
    ("fil", include_str!("fil.ftl")),
    ("lo", include_str!("lo.ftl")),
    ("hi", include_str!("hi.ftl")),
    ("bn", include_str!("bn.ftl")),
    ("sw", include_str!("sw.ftl")),
];

/// The languages of the responder pages: (tag, catalog text), in the order of `CATALOGS`.
const STAFF_CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("staff/en.ftl")),
    ("zh-Hans", include_str!("staff/zh-Hans.ftl")),
    ("km", include_str!("staff/km.ftl")),
    ("my", include_str!("staff/my.ftl")),
    ("th", include_str!("staff/th.ftl")),
    ("vi", include_str!("staff/vi.ftl")),
    ("id", include_str!("staff/id.ftl")),
    ("ms", include_str!("staff/ms.ftl")),
    ("fil", include_str!("staff/fil.ftl")),
    ("lo", include_str!("staff/lo.ftl")),
    ("hi", include_str!("staff/hi.ftl")),
    ("bn", include_str!("staff/bn.ftl")),
    ("sw", include_str!("staff/sw.ftl")),
];

pub const FALLBACK: &str = "en";

pub struct Catalogs {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
    default: &'static str,
}

#[derive(Debug, thiserror::Error)]
#[error("locale catalog {tag}: {message}")]
pub struct CatalogError {
    tag: &'static str,
    message: String,
}

impl Catalogs {
    pub fn load(default: &str) -> Result<Arc<Catalogs>, CatalogError> {
        let mut bundles = HashMap::new();
        for &(tag, text) in CATALOGS {
            let fail = |message: String| CatalogError { tag, message };
            let lang: LanguageIdentifier = tag.parse().map_err(|e| fail(format!("{e}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            // Isolation marks around placeables confuse plain-text fields and tests alike.
            bundle.set_use_isolating(false);
            let staff = STAFF_CATALOGS
                .iter()
                .find(|(t, _)| *t == tag)
                .map(|(_, t)| *t);
            for text in std::iter::once(text).chain(staff) {
                let resource = FluentResource::try_new(text.to_owned())
                    .map_err(|(_, errors)| fail(format!("{errors:?}")))?;
                bundle
                    .add_resource(resource)
                    .map_err(|e| fail(format!("{e:?}")))?;
            }
            bundles.insert(tag, bundle);
        }
        let default = CATALOGS
            .iter()
            .map(|(tag, _)| *tag)
            .find(|tag| *tag == default)
            .unwrap_or(FALLBACK);
        Ok(Arc::new(Catalogs { bundles, default }))
    }

    pub fn languages(&self) -> impl Iterator<Item = &'static str> {
        CATALOGS.iter().map(|(tag, _)| *tag)
    }

    /// A supported tag for an explicit choice, if it names one.
    pub fn supported(&self, wanted: &str) -> Option<&'static str> {
        let wanted = wanted.trim();
        CATALOGS
            .iter()
            .map(|(tag, _)| *tag)
            .find(|tag| tag.eq_ignore_ascii_case(wanted))
    }

    /// The language for a request: the explicit choice, else Accept-Language, else the default.
    pub fn negotiate(&self, chosen: Option<&str>, accept_language: Option<&str>) -> &'static str {
        if let Some(tag) = chosen.and_then(|c| self.supported(c)) {
            return tag;
        }
        let mut ranked: Vec<(f32, &str)> = accept_language
            .unwrap_or_default()
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (!tag.is_empty()).then_some((q, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked
            .iter()
            .find_map(|(_, tag)| self.match_tag(tag))
            .unwrap_or(self.default)
    }

    fn match_tag(&self, tag: &str) -> Option<&'static str> {
        if let Some(exact) = self.supported(tag) {
            return Some(exact);
        }
        let lower = tag.to_ascii_lowercase();
        // Chinese: only Simplified is catalogued; Traditional-script tags do not match it.
        if lower.starts_with("zh") {
            let traditional = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"]
                .iter()
                .any(|t| lower.starts_with(t));
            return (!traditional).then(|| self.supported("zh-Hans")).flatten();
        }
        let primary = lower.split('-').next().unwrap_or_default();
        // Phones often say Tagalog for Filipino; "in" is Indonesian's old code.
        let primary = match primary {
            "tl" => "fil",
            "in" => "id",
            other => other,
        };
        self.languages().find(|t| t.eq_ignore_ascii_case(primary))
    }

    /// The message for `key` in `lang`, falling back to English, then to the key itself.
    pub fn text(&self, lang: &str, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for tag in [lang, FALLBACK] {
            let Some(bundle) = self.bundles.get(tag) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        key.to_owned()
    }

    /// Whether `key` exists in `lang` itself (no fallback).
    pub fn has(&self, lang: &str, key: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(key))
    }
}

/// A message's arguments, each a string (Fluent would group and localise numbers' digits).
pub fn args<'a>(pairs: &[(&'a str, String)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, value.clone());
    }
    args
}

/// A language bound to the catalogs: what templates and handlers translate with.
#[derive(Clone)]
pub struct Tr {
    pub catalogs: Arc<Catalogs>,
    pub lang: &'static str,
    /// The reader's time zone, when they chose one (responders do; reporters read UTC).
    pub zone: Option<Zone>,
}

impl Tr {
    pub fn t(&self, key: &str) -> String {
        self.catalogs.text(self.lang, key, None)
    }

    pub fn t_with(&self, key: &str, args: &FluentArgs<'_>) -> String {
        self.catalogs.text(self.lang, key, Some(args))
    }

    /// A staff role's name (`operator`, `coordinator`, `responder`) in this language.
    pub fn role(&self, code: &str) -> String {
        self.t(&format!("staff-role-{code}"))
    }

    /// The message for a field error code.
    pub fn error(&self, code: &str) -> String {
        self.t(&format!("error-{code}"))
    }

    /// A moment as this language writes a date and time, with ASCII digits: in the reader's zone
    /// with its offset, or in UTC.
    pub fn date_time(&self, seconds: i64) -> String {
        if let Some(civil) = self.zone.as_ref().and_then(|zone| zone.civil(seconds)) {
            return self.t_with(
                "date-time-zoned",
                &args(&[
                    ("year", civil.year.to_string()),
                    ("month", format!("{:02}", civil.month)),
                    ("day", format!("{:02}", civil.day)),
                    ("hour", format!("{:02}", civil.hour)),
                    ("minute", format!("{:02}", civil.minute)),
                    ("offset", civil.offset),
                ]),
            );
        }
        let Ok(t) = time::OffsetDateTime::from_unix_timestamp(seconds) else {
            return String::new();
        };
        let mut args = FluentArgs::new();
        // Strings, not numbers: Fluent would group and localise the digits otherwise.
        args.set("year", t.year().to_string());
        args.set("month", format!("{:02}", u8::from(t.month())));
        args.set("day", format!("{:02}", t.day()));
        args.set("hour", format!("{:02}", t.hour()));
        args.set("minute", format!("{:02}", t.minute()));
        self.t_with("date-time", &args)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// Every message of a catalog with the variables it uses.
    fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let Ok(resource) = FluentResource::try_new(text.to_owned()) else {
            panic!("a catalog does not parse");
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => {
                    let source = m
                        .value
                        .as_ref()
                        .map(|v| format!("{v:?}"))
                        .unwrap_or_default();
                    Some((m.id.name.to_owned(), variables(&source)))
                }
                _ => None,
            })
            .collect()
    }

    /// The `$name` variables a message refers to, from its syntax tree's debug form.
    fn variables(debug: &str) -> BTreeSet<String> {
        debug
            .split("VariableReference { id: Identifier { name: \"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next().map(str::to_owned))
            .collect()
    }

    fn assert_same_keys_and_placeholders(catalogs: &[(&str, &str)]) {
        let english = messages(catalogs[0].1);
        assert!(english.len() > 100);
        for (tag, text) in catalogs {
            let keys = messages(text);
            let missing: Vec<_> = english.keys().filter(|k| !keys.contains_key(*k)).collect();
            let extra: Vec<_> = keys.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{tag}: missing {missing:?}, extra {extra:?}"
            );
            for (key, vars) in &english {
                assert_eq!(
                    keys.get(key),
                    Some(vars),
                    "{tag}: {key} uses other placeholders"
                );
            }
        }
    }

    #[test]
    fn every_catalog_has_exactly_the_english_keys_and_placeholders() {
        assert_same_keys_and_placeholders(CATALOGS);
        assert_same_keys_and_placeholders(STAFF_CATALOGS);
    }

    #[test]
    fn the_staff_pages_are_catalogued_in_every_reporter_language() {
        // A staff catalog joins its language's reporter bundle: one under a tag that is not a
        // reporter language would be dropped without a word, and a language without one would
        // show its responders English.
        let reporter: Vec<_> = CATALOGS.iter().map(|(tag, _)| *tag).collect();
        let staff: Vec<_> = STAFF_CATALOGS.iter().map(|(tag, _)| *tag).collect();
        assert_eq!(staff, reporter);
        let Ok(catalogs) = Catalogs::load("en") else {
            panic!("catalogs do not load");
        };
        let english = messages(STAFF_CATALOGS[0].1);
        for lang in catalogs.languages() {
            for key in english.keys() {
                assert!(
                    catalogs.has(lang, key),
                    "{lang}: {key} falls back to English"
                );
            }
        }
    }

    #[test]
    fn every_message_formats_in_every_language_without_errors() {
        // `text` drops Fluent's errors, so a selector or a reference that does not resolve would
        // show a reader a gap: format every message with every variable it uses, at counts that
        // reach each plural category these languages have.
        let Ok(catalogs) = Catalogs::load("en") else {
            panic!("catalogs do not load");
        };
        for set in [CATALOGS, STAFF_CATALOGS] {
            for (key, vars) in messages(set[0].1) {
                for count in [0, 1, 2, 5, 21] {
                    let mut args = FluentArgs::new();
                    for var in &vars {
                        args.set(var.as_str(), count);
                    }
                    for lang in catalogs.languages() {
                        let Some(bundle) = catalogs.bundles.get(lang) else {
                            panic!("{lang} has no bundle");
                        };
                        let Some(pattern) = bundle.get_message(&key).and_then(|m| m.value()) else {
                            panic!("{lang}: {key} has no value");
                        };
                        let mut errors = Vec::new();
                        let shown = bundle.format_pattern(pattern, Some(&args), &mut errors);
                        assert!(errors.is_empty(), "{lang}: {key}: {errors:?}");
                        assert!(!shown.trim().is_empty(), "{lang}: {key} is empty");
                    }
                }
            }
        }
    }

    #[test]
    fn dates_follow_the_language_with_ascii_digits() {
        let Ok(catalogs) = Catalogs::load("en") else {
            panic!("catalogs do not load");
        };
        let at = 1_796_083_200; // 2026-12-01 00:00 UTC
        let tr = |lang| Tr {
            zone: None,
            catalogs: catalogs.clone(),
            lang,
        };
        assert_eq!(tr("en").date_time(at), "01/12/2026 00:00 UTC");
        assert!(tr("zh-Hans").date_time(at).starts_with("2026年12月01日"));
        for lang in catalogs.languages() {
            let shown = tr(lang).date_time(at);
            assert!(
                shown.contains("2026") && shown.contains("12"),
                "{lang}: {shown}"
            );
        }
    }

    #[test]
    fn a_placeholder_mismatch_is_caught() {
        let english = messages("a = Hello { $name }\nb = plain\n");
        let other = messages("a = Hola { $nombre }\nb = llano\n");
        assert_ne!(english.get("a"), other.get("a"));
        assert_eq!(english.get("b"), other.get("b"));
    }

    #[test]
    fn every_language_says_who_drafted_it_and_whether_it_was_reviewed() {
        let provenance: toml::Table = toml::from_str(include_str!("PROVENANCE.toml"))
            .unwrap_or_else(|e| panic!("PROVENANCE.toml: {e}"));
        for (tag, _) in CATALOGS {
            let entry = provenance
                .get(*tag)
                .and_then(|e| e.as_table())
                .unwrap_or_else(|| panic!("{tag} has no provenance"));
            assert!(entry.get("drafted_by").is_some_and(|v| v.is_str()), "{tag}");
            assert!(
                entry.get("native_review").is_some_and(|v| v.is_bool()),
                "{tag}"
            );
        }
        for (tag, _) in STAFF_CATALOGS {
            let entry = provenance
                .get(*tag)
                .and_then(|e| e.get("staff"))
                .and_then(|e| e.as_table())
                .unwrap_or_else(|| panic!("{tag}'s staff catalog has no provenance"));
            assert!(entry.get("drafted_by").is_some_and(|v| v.is_str()), "{tag}");
            assert!(
                entry.get("native_review").is_some_and(|v| v.is_bool()),
                "{tag}"
            );
        }
        // A read that was not a native speaker's review still says who read, and what.
        let reads = provenance
            .get("reads")
            .and_then(|r| r.as_array())
            .unwrap_or_else(|| panic!("PROVENANCE.toml records no reads"));
        for read in reads {
            for field in ["by", "covered", "date"] {
                assert!(read.get(field).is_some_and(|v| v.is_str()), "{read}");
            }
            assert!(
                read.get("native_review").is_some_and(|v| v.is_bool()),
                "{read}"
            );
        }
    }

    #[test]
    fn negotiation_prefers_the_choice_then_accept_language() {
        let Ok(catalogs) = Catalogs::load("en") else {
            panic!("catalogs do not load");
        };
        assert_eq!(catalogs.negotiate(Some("zh-hans"), Some("en")), "zh-Hans");
        assert_eq!(
            catalogs.negotiate(Some("xx"), Some("zh-CN,zh;q=0.9")),
            "zh-Hans"
        );
        assert_eq!(catalogs.negotiate(None, Some("zh-TW")), "en");
        assert_eq!(catalogs.negotiate(None, Some("km;q=0.9, en;q=0.5")), "km");
        assert_eq!(catalogs.negotiate(None, Some("my-MM,my;q=0.9")), "my");
        assert_eq!(catalogs.negotiate(None, Some("tl-PH")), "fil");
        assert_eq!(catalogs.negotiate(None, Some("in-ID")), "id");
        assert_eq!(catalogs.negotiate(None, Some("fr;q=0.9, en;q=0.5")), "en");
        assert_eq!(catalogs.negotiate(None, None), "en");
        assert_eq!(catalogs.text("zh-Hans", "page-leave", None), "离开此页");
    }
}
