//! People's ages as news gives them ("a 7-year-old boy", "the 17 year
//! old", "an 8-month-old"): a detail that tells one victim, and so one
//! incident, from another where names are few.

use crate::extract::number::word_number;

/// Separators between a number and "year old": hyphens (also the
/// non-breaking one), spaces (also the non-breaking one).
const JOINERS: &[char] = &['-', ' ', '\u{a0}', '\u{2011}'];

/// Ages a sentence gives people: "a 7-year-old boy", "the 17 year old",
/// "an 8-month-old", "Twenty-two-year-old" (months as 1000 + n, so they
/// never equal years). Not "two years older".
pub fn ages_in(sentence: &str) -> Vec<u32> {
    // ASCII lower-casing keeps every byte offset of the sentence.
    let lower = sentence.to_ascii_lowercase();
    let mut out = Vec::new();
    for (unit, base) in [("year", 0), ("month", 1000)] {
        for (at, _) in lower.match_indices(unit) {
            let after = lower.get(at + unit.len()..).unwrap_or("");
            let after = after.strip_prefix('s').unwrap_or(after);
            let rest = after
                .strip_prefix(['-', '\u{2011}', ' ', '\u{a0}'])
                .and_then(|r| r.strip_prefix("old"));
            // "old", not "older" or "oldest".
            if rest.is_none_or(|r| r.starts_with(|ch: char| ch.is_alphabetic())) {
                continue;
            }
            let before = lower.get(..at).unwrap_or("").trim_end_matches(JOINERS);
            if let Some(n) = age_before(before).filter(|n| *n < 130) {
                out.push(base + n);
            }
        }
    }
    out
}

/// The number that ends `before`: digits ("17"), a number word ("seven"),
/// or a hyphenated tens and units ("twenty-two").
fn age_before(before: &str) -> Option<u32> {
    let mut words = before.rsplit(|ch: char| !ch.is_ascii_alphanumeric());
    let word = words.next()?;
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    let n = whole(word)?;
    let joined = before
        .strip_suffix(word)
        .is_some_and(|b| b.ends_with(['-', '\u{2011}']));
    if !joined {
        return Some(n);
    }
    // "twenty-two": the tens before the hyphen; any other word before a
    // hyphen ("mid-two") makes it no age.
    let tens = words.next().and_then(whole)?;
    (tens >= 20 && tens % 10 == 0 && n < 10).then_some(tens + n)
}

/// A number word's whole value of at least one.
fn whole(word: &str) -> Option<u32> {
    word_number(word)
        .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n < 1000.0)
        .map(|n| n as u32)
}

/// Every age a document's text gives, sorted, without repeats.
pub fn story_ages(text: &str) -> Vec<u32> {
    let mut ages = ages_in(text);
    ages.sort_unstable();
    ages.dedup();
    ages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_ages_news_gives_people() {
        let cases: &[(&str, &[u32])] = &[
            ("A 7-year-old boy was shot and killed", &[7]),
            ("the 17 year old was taken to hospital", &[17]),
            ("a 66-year-old man and a 3-years-old girl", &[66, 3]),
            ("the girl, an eight-month-old, was hurt", &[1008]),
            ("Twelve-year-old Ana was wounded", &[12]),
            ("Twenty-two-year-old Ana was wounded", &[22]),
            ("\u{201c}Seven-year-old Ana was shot", &[7]),
            (
                "a 9\u{a0}year\u{a0}old girl and a 4\u{2011}year\u{2011}old",
                &[9, 4],
            ),
            ("the café owner, a 52-year-old, said", &[52]),
            // Not ages: a difference, a non-number before the hyphen.
            ("he was two years older than his brother", &[]),
            ("the mid-year-old stock", &[]),
            ("a 2-year-old and her one-month-old brother", &[2, 1001]),
            // Not ages: a plain duration, a year, a tenure.
            ("he served 5 years in prison", &[]),
            ("in the year 2016 old records were lost", &[]),
            ("a 40-year-long career", &[]),
        ];
        for (sentence, expected) in cases {
            assert_eq!(ages_in(sentence), *expected, "{sentence}");
        }
    }

    #[test]
    fn a_story_lists_each_age_once_in_order() {
        let text = "A 17-year-old was shot. The 4-year-old boy and the 17 year old were hurt.";
        assert_eq!(story_ages(text), [4, 17]);
        assert!(story_ages("No ages here, 2016 was a long year.").is_empty());
    }
}
