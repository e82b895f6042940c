//! Restatement: whether two sentences of one article say the same thing in
//! other words (a headline and its lead, a lead and its recap), so that two
//! counts in them are one figure told twice, not two groups, and two days
//! in them are one incident dated twice.
//!
//! "Six people injured in shooting outside Yakima hookah lounge" restates
//! "Yakima police are investigating a shooting that left seven people
//! injured early Saturday morning outside a hookah lounge": every content
//! word of the shorter sentence but the figure is in the longer one. Two
//! sentences of a round-up ("Two people were killed on Elm Street Friday",
//! "Three people were killed on Oak Street Saturday") differ in a name or a
//! day, and do not restate each other.

use std::collections::HashMap;

use crate::extract::words::stop_words;
use crate::frame::FramedClaim;
use crate::frame::words::words;

/// The least share of the shorter sentence's content words that the longer
/// one must also have.
const MIN_SHARED: f64 = 0.8;

/// The least number of content words the shorter sentence must have: "Two
/// dead" restates anything about deaths.
const MIN_WORDS: usize = 4;

/// True when `x` and `y` are in different sentences of one document and the
/// shorter sentence, leaving out the claims themselves, says nothing the
/// longer one does not: at least [`MIN_SHARED`] of its content words and
/// every one of its names are in the longer sentence.
pub fn restates(x: &FramedClaim, y: &FramedClaim) -> bool {
    apart(x, y) && words_restate(&content_words(x), &content_words(y))
}

/// The content words of a claim's sentence, for comparing many pairs of
/// one article's claims without reading each sentence again.
pub struct Sentence(HashMap<String, bool>);

impl Sentence {
    pub fn of(c: &FramedClaim) -> Self {
        Sentence(content_words(c))
    }
}

/// [`restates`] with the sentences' words read beforehand.
pub fn restates_read(x: &FramedClaim, sx: &Sentence, y: &FramedClaim, sy: &Sentence) -> bool {
    apart(x, y) && words_restate(&sx.0, &sy.0)
}

/// Different sentences of one document.
fn apart(x: &FramedClaim, y: &FramedClaim) -> bool {
    x.doc == y.doc && x.claim.sentence_span != y.claim.sentence_span
}

fn words_restate(wx: &HashMap<String, bool>, wy: &HashMap<String, bool>) -> bool {
    let (short, long) = if wx.len() <= wy.len() {
        (wx, wy)
    } else {
        (wy, wx)
    };
    if short.len() < MIN_WORDS {
        return false;
    }
    let shared = short.keys().filter(|w| long.contains_key(*w)).count();
    let names_kept = short
        .iter()
        .filter(|(_, is_name)| **is_name)
        .all(|(w, _)| long.contains_key(w));
    names_kept && shared as f64 >= MIN_SHARED * short.len() as f64
}

/// A sentence written in title case ("Six People Injured In Shooting") has
/// no telling capitals: when at least this share of its content words are
/// capitalised, none counts as a name.
const TITLE_CASE_SHARE: f64 = 0.9;

/// The sentence's words of three letters or more that are not function
/// words, outside the claim's own text, lower-cased, each with whether it
/// is a name (capitalised other than as the sentence's first word).
fn content_words(c: &FramedClaim) -> HashMap<String, bool> {
    let sentence = &c.claim.sentence;
    let start = c.claim.offset_in_sentence();
    let claim = start..start + c.claim.text.len();
    let mut out: HashMap<String, bool> = HashMap::new();
    for (i, word) in words(sentence).into_iter().enumerate() {
        let text = word.bare();
        if claim.contains(&word.start) || text.chars().count() < 3 {
            continue;
        }
        if !text.chars().all(char::is_alphabetic) {
            continue;
        }
        let lower = text.to_lowercase();
        if stop_words().contains(lower.as_bytes()) {
            continue;
        }
        *out.entry(lower).or_default() |= i > 0 && word.is_capitalised();
    }
    let names = out.values().filter(|n| **n).count();
    if names as f64 >= TITLE_CASE_SHARE * out.len() as f64 {
        out.values_mut().for_each(|n| *n = false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, Kind, Span, Value};
    use crate::frame::Frame;

    /// The claim `text` in `sentence`, the sentence starting at byte `at`
    /// of document `doc`.
    fn claim(doc: &str, at: usize, sentence: &str, text: &str) -> FramedClaim {
        let offset = sentence.find(text).unwrap_or(0);
        FramedClaim {
            claim: Claim {
                sentence: sentence.into(),
                sentence_span: Span::new(at, at + sentence.len()),
                ..Claim::sample(doc, Kind::Count, text, at + offset, Value::exact(1.0))
            },
            doc: doc.into(),
            frame: Frame::default(),
        }
    }

    #[test]
    fn headline_and_lead_restate_round_up_lines_do_not() {
        // (first sentence and claim, second sentence and claim, restates)
        let cases = [
            (
                (
                    "Six people injured in shooting outside Yakima hookah lounge",
                    "Six people",
                ),
                (
                    "Yakima police are investigating a shooting that left seven people injured early Saturday morning outside a hookah lounge.",
                    "seven people",
                ),
                true,
            ),
            (
                (
                    "× Man found guilty of murdering two men during dice game",
                    "two men",
                ),
                (
                    "On Thursday, a man was found guilty of murdering five men during a dice game in Nov. 2015.",
                    "five men",
                ),
                true,
            ),
            (
                (
                    "Six People Injured In Shooting Outside Yakima Hookah Lounge",
                    "Six People",
                ),
                (
                    "Police are investigating a shooting in Yakima that left seven people injured outside a hookah lounge.",
                    "seven people",
                ),
                true,
            ),
            // A round-up: another street, another day.
            (
                (
                    "Two people were killed on Elm Street on Friday night.",
                    "Two people",
                ),
                (
                    "Three people were killed on Oak Street on Friday night.",
                    "Three people",
                ),
                false,
            ),
            // The same place, but the second sentence tells more than the first.
            (
                ("Two men were shot and killed near the park.", "Two men"),
                (
                    "A woman said two other men were killed near the park last year by a gang from the east side.",
                    "two other men",
                ),
                false,
            ),
            // Too little said to tell.
            (
                ("Two dead.", "Two"),
                ("Three dead after a shooting in Ohio.", "Three"),
                false,
            ),
        ];
        for ((s1, t1), (s2, t2), expected) in cases {
            let x = claim("a", 0, s1, t1);
            let y = claim("a", s1.len() + 1, s2, t2);
            assert_eq!(restates(&x, &y), expected, "{s1} / {s2}");
            assert_eq!(restates(&y, &x), expected, "{s2} / {s1}");
        }
    }

    #[test]
    fn only_different_sentences_of_one_document_restate() {
        let s = "Six people injured in shooting outside Yakima hookah lounge";
        let x = claim("a", 0, s, "Six people");
        let mut other_doc = claim("b", s.len() + 1, s, "Six people");
        assert!(!restates(&x, &x));
        assert!(!restates(&x, &other_doc));
        other_doc.doc = "a".into();
        assert!(restates(&x, &other_doc));
    }
}
