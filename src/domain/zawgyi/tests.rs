//! The detector against myanmar-tools' own table, real Unicode Shan, Mon and Burmese (glibc's
//! locale sources) and real Zawgyi (myanmar-tools' test text); `vectors/` says where each file
//! comes from (scripts/zawgyi_vectors.py writes them).

use std::borrow::Cow;

use super::*;

const COMPATIBILITY: &str = include_str!("vectors/compatibility.tsv");
const LOCALES: &str = include_str!("vectors/locales.tsv");
const ZAWGYI_NEWS: &str = include_str!("vectors/mmgov_zawgyi_src.txt");
const UNICODE_NEWS: &str = include_str!("vectors/mmgov_unicode_out.txt");

/// The text lines of a myanmar-tools sample: no comment, nothing blank.
fn text_lines(sample: &str) -> impl Iterator<Item = &str> {
    sample
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Every string of `locales.tsv`, and each locale's strings as one text.
fn real_unicode() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut joined: Vec<(String, String)> = Vec::new();
    for line in LOCALES.lines() {
        let mut cells = line.split('\t');
        let (Some(locale), Some(keyword), Some(text)) = (cells.next(), cells.next(), cells.next())
        else {
            panic!("a locales.tsv line without three cells: {line}")
        };
        texts.push((format!("{locale} {keyword}"), text.to_owned()));
        match joined.iter_mut().find(|(l, _)| l == locale) {
            Some((_, all)) => {
                all.push(' ');
                all.push_str(text);
            }
            None => joined.push((locale.to_owned(), text.to_owned())),
        }
    }
    // The minority-language rows of myanmar-tools' own table, as their tests hold them.
    for line in COMPATIBILITY.lines().filter(|l| l.ends_with("language)")) {
        let text = line.split('\t').nth(1).unwrap_or_default();
        texts.push(("myanmar-tools".into(), text.to_owned()));
    }
    texts.extend(joined);
    texts
}

#[test]
fn the_detector_gives_what_myanmar_tools_gives() {
    let mut rows = 0;
    for line in COMPATIBILITY.lines() {
        let Some((expected, text)) = line.split_once('\t') else {
            panic!("a compatibility.tsv line without a tab: {line}")
        };
        let got = zawgyi_probability(text);
        if expected == "-Infinity" {
            assert_eq!(got, None, "{text}");
        } else {
            let expected: f64 = expected.parse().unwrap_or(f64::NAN);
            let got = got.unwrap_or(f64::NAN);
            // The same f32 table summed in f64 as theirs: equal but for the last bits.
            assert!(
                (got - expected).abs() <= 1e-12,
                "{text}: {got} and not {expected}"
            );
        }
        rows += 1;
    }
    assert_eq!(rows, 50);
}

#[test]
fn unicode_shan_mon_and_burmese_are_never_flagged_or_altered() {
    let texts = real_unicode();
    assert!(texts.len() > 140, "{}", texts.len());
    for (source, text) in &texts {
        let p = zawgyi_probability(text).unwrap_or(0.0);
        assert!(p < THRESHOLD && !is_zawgyi(text), "{source} {text}: {p}");
        assert!(matches!(normalise(text), Cow::Borrowed(t) if t == text));
        assert_eq!(for_display(text), Shown::AsSent(text));
    }
    // The whole month and day names of each locale read as one text are far from the bar.
    for locale in ["shn_MM", "mnw_MM", "my_MM"] {
        let (_, all) = texts
            .iter()
            .rev()
            .find(|(l, _)| l == locale)
            .cloned()
            .unwrap_or_default();
        assert!(
            zawgyi_probability(&all).is_some_and(|p| p < 0.01),
            "{locale}"
        );
    }
}

#[test]
fn real_zawgyi_is_detected_and_shown_in_unicode() {
    let zawgyi: Vec<&str> = text_lines(ZAWGYI_NEWS).collect();
    let unicode: Vec<&str> = text_lines(UNICODE_NEWS).collect();
    assert_eq!((zawgyi.len(), unicode.len()), (63, 63));
    // Their converter's output, but for the digit zero where a text means the letter wa: theirs
    // keeps it in some words, this one never.
    let wa = |s: &str| s.replace('\u{1040}', "\u{101D}");
    for (sent, theirs) in zawgyi.iter().zip(&unicode) {
        assert!(is_zawgyi(sent), "{sent}");
        let shown = for_display(sent);
        assert_eq!(shown.converted_from(), Some(*sent));
        assert_eq!(wa(shown.text()), wa(theirs), "{sent}");
        assert_eq!(normalise(sent), shown.text());
    }
    // myanmar-tools' Zawgyi sentences, from their table.
    for line in COMPATIBILITY.lines() {
        if let Some((p, text)) = line.split_once('\t') {
            if p.parse::<f64>().is_ok_and(|p| p > 0.9999) {
                assert!(is_zawgyi(text), "{text}");
            }
        }
    }
}

#[test]
fn an_item_is_shown_with_what_was_converted_named() {
    let sent = "\u{103B}\u{1019}\u{1040}\u{1010}\u{102E} \u{1031}\u{1014}\u{103B}\u{1015}\u{100A}\u{1039}\u{1031}\u{1010}\u{102C}\u{1039}";
    let shan = "ဝၼ်းၸၼ် လိူၼ်သၢမ်";
    let item = serde_json::json!({
        "location": {"country": "MM", "city": sent},
        "narrative": shan,
        "languages": ["my", sent],
        "minor": true,
    });
    let (shown, converted) = for_display_json(&item);
    let unicode = to_unicode(sent);
    assert_eq!(shown["location"]["city"], unicode.as_str());
    assert_eq!(shown["languages"][1], unicode.as_str());
    assert_eq!(shown["narrative"], shan);
    assert_eq!(shown["minor"], true);
    let fields: Vec<(&str, &str)> = converted
        .iter()
        .map(|c| (c.field.as_str(), c.sent.as_str()))
        .collect();
    assert_eq!(fields, [("languages.1", sent), ("location.city", sent)]);
}

#[test]
fn any_text_is_judged_and_shown_without_a_panic() {
    // Every pair of code points from the Myanmar blocks and around them, then long strings of
    // them from a fixed pseudo-random sequence: a probability in [0, 1], a display, no panic.
    let pool: Vec<char> = ('\u{0FFF}'..='\u{10A0}')
        .chain([
            '\u{200B}', '\u{AA60}', '\u{A9E0}', ' ', 'a', '\n', '\u{E000}',
        ])
        .collect();
    let check = |text: &str| {
        if let Some(p) = zawgyi_probability(text) {
            assert!((0.0..=1.0).contains(&p), "{text:?}: {p}");
        }
        let (shown, _) = for_display_json(&serde_json::Value::String(text.to_owned()));
        assert!(shown.is_string());
        let _ = to_unicode(text);
    };
    for a in &pool {
        for b in &pool {
            check(&format!("{a}{b}"));
        }
    }
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..2_000 {
        let text: String = (0..40)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                pool[(state % pool.len() as u64) as usize]
            })
            .collect();
        check(&text);
    }
}
