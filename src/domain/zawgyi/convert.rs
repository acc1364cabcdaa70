//! Zawgyi to Unicode, for a copy only (what a responder reads, what is matched): never for what
//! is sealed. Zawgyi reuses the Myanmar block with other meanings (its asat is Unicode's virama,
//! its medial ra is Unicode's medial ya, …), adds precomposed stacked letters in U+1060–U+1097,
//! and stores the vowel sign E and medial ra before the consonant they follow in speech. No
//! well-kept Rust crate does this, so it is done here: a one-pass mapping of code points, then a
//! reordering of each syllable into Unicode's storage order. Whether to convert at all is the
//! detector's call (`super::detector`): these same code points are correct Unicode Shan, Mon,
//! Karen and Palaung, which this must never be applied to.

/// Stands for a kinzi (nga, asat, virama) while a syllable is reordered: it goes before the
/// consonant it sits on.
const KINZI: char = '\u{E000}';

fn is_consonant(c: char) -> bool {
    ('\u{1000}'..='\u{1021}').contains(&c)
}

/// What can start a syllable: consonants, independent vowels and the great sa.
fn is_base(c: char) -> bool {
    is_consonant(c) || ('\u{1023}'..='\u{102A}').contains(&c) || c == '\u{103F}'
}

/// Unicode for a Zawgyi code point (several where Zawgyi precomposes).
fn map(c: char) -> &'static [char] {
    match c {
        '\u{1039}' => &['\u{103A}'],
        '\u{103A}' => &['\u{103B}'],
        '\u{103B}' | '\u{107E}'..='\u{1084}' => &['\u{103C}'],
        '\u{107D}' => &['\u{103B}'],
        '\u{103C}' => &['\u{103D}'],
        '\u{103D}' | '\u{1087}' => &['\u{103E}'],
        '\u{1033}' => &['\u{102F}'],
        '\u{1034}' => &['\u{1030}'],
        '\u{105A}' => &['\u{102B}', '\u{103A}'],
        '\u{1088}' => &['\u{103E}', '\u{102F}'],
        '\u{1089}' => &['\u{103E}', '\u{1030}'],
        '\u{108A}' => &['\u{103D}', '\u{103E}'],
        '\u{1064}' => &[KINZI],
        '\u{108B}' => &[KINZI, '\u{102D}'],
        '\u{108C}' => &[KINZI, '\u{102E}'],
        '\u{108D}' => &[KINZI, '\u{1036}'],
        '\u{1086}' => &['\u{103F}'],
        '\u{1094}' | '\u{1095}' => &['\u{1037}'],
        '\u{106A}' => &['\u{1009}'],
        '\u{106B}' => &['\u{100A}'],
        '\u{108F}' => &['\u{1014}'],
        '\u{1090}' => &['\u{101B}'],
        '\u{1091}' => &['\u{100F}', '\u{1039}', '\u{100D}'],
        '\u{1092}' => &['\u{100B}', '\u{1039}', '\u{100C}'],
        '\u{1097}' => &['\u{100B}', '\u{1039}', '\u{100B}'],
        '\u{106E}' => &['\u{100D}', '\u{1039}', '\u{100D}'],
        '\u{106F}' => &['\u{100D}', '\u{1039}', '\u{100E}'],
        '\u{1060}' => &['\u{1039}', '\u{1000}'],
        '\u{1061}' => &['\u{1039}', '\u{1001}'],
        '\u{1062}' => &['\u{1039}', '\u{1002}'],
        '\u{1063}' => &['\u{1039}', '\u{1003}'],
        '\u{1065}' => &['\u{1039}', '\u{1005}'],
        '\u{1066}' | '\u{1067}' => &['\u{1039}', '\u{1006}'],
        '\u{1068}' => &['\u{1039}', '\u{1007}'],
        '\u{1069}' => &['\u{1039}', '\u{1008}'],
        '\u{106C}' => &['\u{1039}', '\u{100B}'],
        '\u{106D}' => &['\u{1039}', '\u{100C}'],
        '\u{1070}' => &['\u{1039}', '\u{100F}'],
        '\u{1071}' | '\u{1072}' => &['\u{1039}', '\u{1010}'],
        '\u{1073}' | '\u{1074}' => &['\u{1039}', '\u{1011}'],
        '\u{1075}' => &['\u{1039}', '\u{1012}'],
        '\u{1076}' => &['\u{1039}', '\u{1013}'],
        '\u{1077}' => &['\u{1039}', '\u{1014}'],
        '\u{1078}' => &['\u{1039}', '\u{1015}'],
        '\u{1079}' => &['\u{1039}', '\u{1016}'],
        '\u{107A}' => &['\u{1039}', '\u{1017}'],
        '\u{107B}' | '\u{1093}' => &['\u{1039}', '\u{1018}'],
        '\u{107C}' => &['\u{1039}', '\u{1019}'],
        '\u{1085}' => &['\u{1039}', '\u{101C}'],
        '\u{1096}' => &['\u{1039}', '\u{1010}', '\u{103D}'],
        _ => &[],
    }
}

fn is_digit(c: char) -> bool {
    ('\u{1040}'..='\u{1049}').contains(&c)
}

/// Zawgyi letters that Unicode spells differently by what is around them: the digit zero typed
/// for the letter wa, the letter u typed with a vowel sign ii for uu, and with an asat for nya.
fn in_context(text: &str) -> Vec<char> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (before, after) = (
            i.checked_sub(1).and_then(|j| chars.get(j)).copied(),
            chars.get(i + 1).copied(),
        );
        let letter = |c: Option<char>| c.is_some_and(|c| is_myanmar(c) && !is_digit(c));
        match (chars[i], after) {
            ('\u{1040}', _)
                if !before.is_some_and(is_digit)
                    && !after.is_some_and(is_digit)
                    && (letter(before) || letter(after)) =>
            {
                out.push('\u{101D}');
            }
            ('\u{1025}', Some('\u{102E}')) => {
                out.push('\u{1026}');
                i += 1;
            }
            ('\u{1025}', Some('\u{1039}')) => out.push('\u{1009}'),
            (c, _) => out.push(c),
        }
        i += 1;
    }
    out
}

fn is_myanmar(c: char) -> bool {
    ('\u{1000}'..='\u{109F}').contains(&c)
}

/// Where a dependent sign goes in Unicode's storage order after its consonant.
fn rank(c: char) -> u8 {
    match c {
        '\u{1039}' => 0,
        '\u{103B}' => 1,
        '\u{103C}' => 2,
        '\u{103D}' => 3,
        '\u{103E}' => 4,
        '\u{1031}' => 5,
        '\u{102D}' | '\u{102E}' | '\u{1032}' => 6,
        '\u{102F}' | '\u{1030}' => 7,
        '\u{102B}' | '\u{102C}' => 8,
        '\u{1036}' => 9,
        '\u{1037}' => 10,
        '\u{103A}' => 11,
        '\u{1038}' => 12,
        _ => 13,
    }
}

fn is_sign(c: char) -> bool {
    ('\u{102B}'..='\u{103E}').contains(&c) || c == KINZI
}

/// Converts Zawgyi to Unicode.
pub fn to_unicode(text: &str) -> String {
    let mapped: Vec<char> = in_context(text)
        .into_iter()
        .flat_map(|c| {
            let to = map(c);
            if to.is_empty() {
                vec![c]
            } else {
                to.to_vec()
            }
        })
        .collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < mapped.len() {
        // Signs Zawgyi puts before the consonant: the vowel sign E and medial ra.
        let mut prefix = Vec::new();
        let mut j = i;
        while j < mapped.len() && matches!(mapped[j], '\u{1031}' | '\u{103C}') {
            prefix.push(mapped[j]);
            j += 1;
        }
        let Some(&base) = mapped.get(j).filter(|c| is_base(**c)) else {
            out.extend(
                mapped[i..=j.min(mapped.len() - 1)]
                    .iter()
                    .filter(|c| **c != KINZI),
            );
            i = j + 1;
            continue;
        };
        j += 1;
        // Each sign after it, a virama with the consonant it stacks counting as one.
        let mut signs: Vec<(u8, Vec<char>)> =
            prefix.into_iter().map(|c| (rank(c), vec![c])).collect();
        let mut kinzi = false;
        while j < mapped.len() {
            let c = mapped[j];
            if c == '\u{1039}' && mapped.get(j + 1).is_some_and(|n| is_consonant(*n)) {
                signs.push((0, vec![c, mapped[j + 1]]));
                j += 2;
            } else if c == KINZI {
                kinzi = true;
                j += 1;
            } else if is_sign(c) && !matches!(c, '\u{1031}' | '\u{103C}') {
                // Zawgyi types the vowel sign E and medial ra before their consonant: after
                // one, they belong to the next.
                signs.push((rank(c), vec![c]));
                j += 1;
            } else {
                break;
            }
        }
        signs.sort_by_key(|(rank, _)| *rank);
        if kinzi {
            out.extend(['\u{1004}', '\u{103A}', '\u{1039}']);
        }
        out.push(base);
        for (_, sign) in signs {
            out.extend(sign);
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zawgyi_becomes_unicode() {
        // (Zawgyi, Unicode): "Myanmar", "mingalaba", "business owners", "to speak", "Yangon city".
        let pairs = [
            ("\u{103B}\u{1019}\u{1014}\u{1039}\u{1019}\u{102C}", "မြန်မာ"),
            ("\u{1019}\u{1002}\u{1064}\u{101C}\u{102C}\u{1015}\u{102B}", "မင်္ဂလာပါ"),
            (
                "\u{101C}\u{102F}\u{1015}\u{1039}\u{1004}\u{1014}\u{1039}\u{1038}\u{101B}\u{103D}\u{1004}\u{1039}\u{1019}\u{103A}\u{102C}\u{1038}",
                "လုပ်ငန်းရှင်များ",
            ),
            ("\u{1031}\u{103B}\u{1015}\u{102C}", "ပြော"),
            (
                "\u{101B}\u{1014}\u{1039}\u{1000}\u{102F}\u{1014}\u{1039}\u{107F}\u{1019}\u{102D}\u{1033}\u{1095}",
                "ရန်ကုန်မြို့",
            ),
        ];
        for (zawgyi, unicode) in pairs {
            assert_eq!(to_unicode(zawgyi), unicode, "{zawgyi}");
        }
    }
}
