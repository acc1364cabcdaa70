//! How likely a text is Zawgyi rather than Unicode, by the model Google's myanmar-tools publishes
//! (`model.dat`, Apache-2.0; where it comes from is in `NOTICE` at the top of the repository).
//! The model is data: two Markov chains over the code points of the Myanmar blocks, one trained
//! on Zawgyi text and one on Unicode text, stored as the difference of their log-probabilities
//! for each transition. The code here is Homeward's own, written from the format below.
//!
//! The file, every number big-endian:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | `UZMODEL ` |
//! | 4 | model version: 1, or 2 when a state-set field follows |
//! | 4 | (version 2) the state set: 0 counts U+2000–U+200B as states, 1 does not |
//! | 8 | `BMARKOV ` |
//! | 4 | chain version: 0 |
//! | 2 | N, the number of states |
//! | per state | 2: how many transitions out of it are listed; if any, 4: the f32 every unlisted one has; then each listed one as 2: the state it goes to, 4: its f32 |
//!
//! A text is read as a walk from the edge state (0: every code point outside the blocks, and the
//! ends of the text) through the state of each code point and back; the differences of the
//! transitions are summed (leaving out edge-to-edge ones, so what surrounds the Burmese does not
//! count), and the probability of Zawgyi is `1 / (1 + e^sum)`.

use std::sync::LazyLock;

/// The model as published.
const MODEL: &[u8] = include_bytes!("model.dat");

/// The parsed model; `None` only if the committed file were broken, which a test rules out.
/// Without a model nothing is taken for Zawgyi: what was sent is shown as sent.
static PARSED: LazyLock<Option<Model>> = LazyLock::new(|| Model::parse(MODEL).ok());

/// The probability that `text` is Zawgyi, given that it is Zawgyi or Unicode; `None` when it holds
/// nothing from the Myanmar blocks, so there is nothing to tell.
pub fn zawgyi_probability(text: &str) -> Option<f64> {
    PARSED.as_ref().and_then(|m| m.zawgyi_probability(text))
}

/// The code point ranges that have states of their own, in the order their states are numbered
/// from 1. The last (spaces) counts only in the state set that includes it.
const RANGES: [(u32, u32); 5] = [
    (0x1000, 0x103F), // Myanmar, up to the digits
    (0x104A, 0x109F), // Myanmar, after the digits
    (0xAA60, 0xAA7F), // Myanmar Extended-A
    (0xA9E0, 0xA9FF), // Myanmar Extended-B
    (0x2000, 0x200B), // the spaces, zero width included
];

const MODEL_TAG: u64 = u64::from_be_bytes(*b"UZMODEL ");
const CHAIN_TAG: u64 = u64::from_be_bytes(*b"BMARKOV ");

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ModelError {
    #[error("the model ends early")]
    Truncated,
    #[error("the model has bytes after its end")]
    TrailingBytes,
    #[error("not a Zawgyi/Unicode model")]
    Tag,
    #[error("unknown model version")]
    Version,
    #[error("the model's state count does not fit its state set")]
    Size,
    #[error("a transition goes to a state the model does not have")]
    State,
    #[error("a log-probability is not a finite number")]
    NotFinite,
}

/// The two chains, as the table of their log-probability differences.
pub struct Model {
    /// Whether U+2000–U+200B have states.
    spaces: bool,
    states: usize,
    /// `states × states`, row-major: from, then to.
    table: Vec<f32>,
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(ModelError::Truncated)?;
        self.0 = rest;
        Ok(*head)
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        self.take().map(u64::from_be_bytes)
    }
    fn i32(&mut self) -> Result<i32, ModelError> {
        self.take().map(i32::from_be_bytes)
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        self.take().map(i16::from_be_bytes)
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        let value = self.take().map(f32::from_be_bytes)?;
        if value.is_finite() {
            Ok(value)
        } else {
            Err(ModelError::NotFinite)
        }
    }
}

impl Model {
    pub fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if r.u64()? != MODEL_TAG {
            return Err(ModelError::Tag);
        }
        let spaces = match r.i32()? {
            1 => true,
            2 => match r.i32()? {
                0 => true,
                1 => false,
                _ => return Err(ModelError::Version),
            },
            _ => return Err(ModelError::Version),
        };
        if r.u64()? != CHAIN_TAG {
            return Err(ModelError::Tag);
        }
        if r.i32()? != 0 {
            return Err(ModelError::Version);
        }
        let counted = if spaces {
            RANGES.len()
        } else {
            RANGES.len() - 1
        };
        let expected = 1 + RANGES[..counted]
            .iter()
            .map(|(lo, hi)| (hi - lo + 1) as usize)
            .sum::<usize>();
        let states = usize::try_from(r.i16()?).map_err(|_| ModelError::Size)?;
        if states != expected {
            return Err(ModelError::Size);
        }
        let mut table = vec![0.0f32; states * states];
        for row in table.chunks_exact_mut(states) {
            let listed = usize::try_from(r.i16()?).map_err(|_| ModelError::Size)?;
            if listed == 0 {
                continue;
            }
            row.fill(r.f32()?);
            for _ in 0..listed {
                let to = usize::try_from(r.i16()?).map_err(|_| ModelError::State)?;
                let cell = row.get_mut(to).ok_or(ModelError::State)?;
                *cell = r.f32()?;
            }
        }
        if !r.0.is_empty() {
            return Err(ModelError::TrailingBytes);
        }
        Ok(Model {
            spaces,
            states,
            table,
        })
    }

    /// The state of a code point: its own within the ranges, else the edge state 0.
    fn state(&self, c: char) -> usize {
        let counted = if self.spaces {
            RANGES.len()
        } else {
            RANGES.len() - 1
        };
        let c = u32::from(c);
        let mut first = 1;
        for (lo, hi) in &RANGES[..counted] {
            if (*lo..=*hi).contains(&c) {
                return first + (c - lo) as usize;
            }
            first += (hi - lo + 1) as usize;
        }
        0
    }

    pub fn zawgyi_probability(&self, text: &str) -> Option<f64> {
        let mut from = 0;
        let mut sum = 0.0f64;
        let mut seen = false;
        for to in text.chars().map(|c| self.state(c)).chain([0]) {
            if from != 0 || to != 0 {
                // Unicode's log-probability less Zawgyi's, for this step.
                sum += f64::from(self.table.get(from * self.states + to).copied()?);
                seen = true;
            }
            from = to;
        }
        // P(Zawgyi) = Pz / (Pz + Pu) = 1 / (1 + Pu/Pz) = 1 / (1 + e^(log Pu - log Pz)).
        seen.then(|| 1.0 / (1.0 + sum.exp()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_parses() {
        let model = Model::parse(MODEL);
        assert!(model.is_ok(), "{:?}", model.err());
        assert!(PARSED.is_some());
    }

    #[test]
    fn a_broken_model_is_refused_not_a_panic() {
        assert_eq!(Model::parse(b"").err(), Some(ModelError::Truncated));
        assert_eq!(
            Model::parse(b"NOTMODEL\0\0\0\x02").err(),
            Some(ModelError::Tag)
        );
        for cut in [12, 30, MODEL.len() / 2, MODEL.len() - 1] {
            assert_eq!(
                Model::parse(&MODEL[..cut]).err(),
                Some(ModelError::Truncated),
                "{cut}"
            );
        }
        let mut longer = MODEL.to_vec();
        longer.push(0);
        assert_eq!(Model::parse(&longer).err(), Some(ModelError::TrailingBytes));
    }

    #[test]
    fn text_without_burmese_tells_nothing() {
        for text in ["", "held in Myawaddy", "缅甸妙瓦底", "၉၆.၀ kHz"] {
            assert_eq!(zawgyi_probability(text), None, "{text}");
        }
    }
}
