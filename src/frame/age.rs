//! People's ages as news gives them ("a 7-year-old boy", "the 17 year
//! old", "an 8-month-old"): a detail that tells one victim, and so one
//! incident, from another where names are few.

use crate::extract::number::word_number;

/// Ages a sentence gives people: "a 7-year-old boy", "the 17 year old",
/// "an 8-month-old" (months as 1000 + n, so they never equal years).
pub fn ages_in(sentence: &str) -> Vec<u32> {
    let lower = sentence.to_ascii_lowercase();
    let mut out = Vec::new();
    for (unit, base) in [("year", 0), ("month", 1000)] {
        for (at, _) in lower.match_indices(unit) {
            let after = &lower[at + unit.len()..];
            let after = after.strip_prefix('s').unwrap_or(after);
            let old = after
                .strip_prefix("-old")
                .or_else(|| after.strip_prefix(" old"))
                .is_some();
            if !old {
                continue;
            }
            let before = lower[..at].trim_end_matches(['-', ' ']);
            let word_start = before
                .rfind(|ch: char| !ch.is_ascii_alphanumeric())
                .map_or(0, |k| k + 1);
            let word = &before[word_start..];
            let n = word.parse::<u32>().ok().or_else(|| {
                word_number(word)
                    .filter(|n| n.fract() == 0.0 && *n >= 1.0)
                    .map(|n| n as u32)
            });
            if let Some(n) = n.filter(|n| *n < 130) {
                out.push(base + n);
            }
        }
    }
    out
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
