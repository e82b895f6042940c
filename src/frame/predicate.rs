//! Clauses, predicates and polarity: what a claim says happened, and whether
//! the clause asserts or denies it.
//!
//! A clause is a stretch of the sentence between commas, semicolons, dashes
//! and subordinating conjunctions ("although", "but"); fragments of fewer than
//! four words join the next one so "In 2013, $13 million … were sold" stays one
//! clause. The predicate comes from the verb and object words of the claim's
//! clause nearest to the claim.

use super::lexicon::Lexicon;
use super::words::words;
use crate::claim::Claim;

/// Conjunctions that open a new clause even without a comma.
const CLAUSE_CONJUNCTIONS: &[&str] = &["although", "though", "but", "whereas", "however", "while"];

/// Negation words that, after "and"/"or", open a new clause.
const NEGATED_OPENERS: &[&str] = &["no", "not", "never", "none", "nothing"];

/// Fragments shorter than this (in words) join the following fragment.
const MIN_CLAUSE_WORDS: usize = 4;

/// Whether a clause states or denies what it says.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    #[default]
    Asserted,
    Denied,
}

/// Byte ranges of the clauses of a sentence, in order, covering it.
pub fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    let bytes = sentence.as_bytes();
    for (i, c) in sentence.char_indices() {
        let next_is_space = bytes
            .get(i + c.len_utf8())
            .is_none_or(|b| b.is_ascii_whitespace());
        let prev_is_space = i > 0 && bytes.get(i - 1).is_some_and(|b| b.is_ascii_whitespace());
        let cut = match c {
            ',' | ';' | ':' => next_is_space,
            '–' | '—' => true,
            '-' => prev_is_space && next_is_space,
            _ => false,
        };
        if cut {
            cuts.push(i + c.len_utf8());
        }
    }
    let ws = words(sentence);
    for (k, w) in ws.iter().enumerate() {
        let lower = w.text.to_lowercase();
        // "sold in 2013 and no sales after": a negation opens its own clause.
        let negated_coordination = matches!(lower.as_str(), "and" | "or")
            && ws
                .get(k + 1)
                .is_some_and(|n| NEGATED_OPENERS.contains(&n.text.to_lowercase().as_str()));
        if CLAUSE_CONJUNCTIONS.contains(&lower.as_str()) || negated_coordination {
            cuts.push(w.start);
        }
    }
    cuts.push(sentence.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut raw: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    // Merge short fragments into their successor (the last into its predecessor).
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let mut pending: Option<usize> = None;
    for (s, e) in raw.drain(..) {
        let start = pending.take().unwrap_or(s);
        let n = sentence.get(start..e).map_or(0, |t| words(t).len());
        if n < MIN_CLAUSE_WORDS {
            pending = Some(start);
        } else {
            merged.push((start, e));
        }
    }
    if let Some(start) = pending {
        match merged.last_mut() {
            Some(last) => last.1 = sentence.len(),
            None => merged.push((start, sentence.len())),
        }
    }
    merged
}

/// The clause containing byte `offset` of the sentence.
pub fn clause_at(sentence: &str, offset: usize) -> (usize, usize) {
    clause_in(&clauses(sentence), sentence.len(), offset)
}

/// The clause of its sentence a claim stands in.
pub fn clause_of(claim: &Claim) -> &str {
    let sentence = claim.sentence.as_str();
    let (start, end) = clause_at(sentence, claim.offset_in_sentence());
    sentence.get(start..end).unwrap_or(sentence)
}

/// The clause of `all` (from [`clauses`]) containing byte `offset`.
pub fn clause_in(all: &[(usize, usize)], sentence_len: usize, offset: usize) -> (usize, usize) {
    all.iter()
        .copied()
        .find(|&(s, e)| s <= offset && offset < e)
        .or(all.last().copied())
        .unwrap_or((0, sentence_len))
}

/// What [`predicate`] found in a clause.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Predicate {
    /// Canonical predicate ("arms", "trade", "killed"), if any class matched.
    pub name: Option<String>,
    /// The matched words, lower case, in order.
    pub words: Vec<String>,
    /// Byte offset (in the clause) of the verb word that decided the predicate.
    pub verb_at: Option<usize>,
    /// The verb and object classes found.
    pub verb: Option<String>,
    pub object: Option<String>,
    /// Distance (bytes) from the claim to the verb that decided the predicate.
    pub verb_distance: Option<usize>,
}

/// Bytes between a word at `at..word_end` and the claim at `start..end`:
/// measured from the claim's end for words after it, from its start for
/// words before it, zero inside it.
pub fn distance(at: usize, word_end: usize, start: usize, end: usize) -> usize {
    if at >= end {
        at - end
    } else {
        start.saturating_sub(word_end)
    }
}

/// The predicate of a clause, nearest to byte `anchor` (see [`predicate_of`]).
pub fn predicate(clause: &str, anchor: usize, lex: &Lexicon) -> Predicate {
    predicate_of(clause, anchor, anchor, lex)
}

/// The predicate of a clause and the words it came from.
///
/// `start..end` is the claim's byte range in the clause: among several verb
/// or object words the nearest one wins ("2 killed and 3 injured"); follow-up
/// and reporting words ("arrested", "said") never decide it.
pub fn predicate_of(clause: &str, start: usize, end: usize, lex: &Lexicon) -> Predicate {
    // (distance, class, offset, an outcome no other count has)
    let mut verb: Option<(usize, &str, usize, bool)> = None;
    let mut object: Option<(usize, &str)> = None;
    let mut found = Vec::new();
    let ws = words(clause);
    // Other counts of the clause: an outcome verb with one of its own
    // ("four people were shot and three of them died", "two were killed
    // and four were shot") is not this claim's.
    let numbers: Vec<usize> = ws
        .iter()
        .filter(|w| (w.end <= start || w.start >= end.max(start)) && is_number(w.text))
        .map(|w| w.start)
        .collect();
    let owns_outcome = |at: usize, word_end: usize| {
        if at >= end.max(start) {
            // … nor one with its own object ("… that killed two").
            let object = ws
                .iter()
                .find(|w| w.start >= word_end)
                .is_some_and(|w| is_number(w.text));
            !object && !numbers.iter().any(|&n| n > start && n < at)
        } else {
            !numbers
                .iter()
                .any(|&n| n < word_end.min(start) || (n > word_end && n < start))
        }
    };
    let manner = |c: &str| lex.manner_verbs.contains(c);
    // Nearest first; another count's outcome comes last.
    let rank = |distance: usize, class: &str, owned: bool| {
        if manner(class) || owned {
            distance
        } else {
            distance.saturating_add(clause.len())
        }
    };
    for w in &ws {
        let lower = w.text.to_lowercase();
        if lex.follow_up_verbs.contains(&lower) {
            continue;
        }
        let distance = distance(w.start, w.end, start, end.max(start));
        if let Some(class) = lex.verb_class(&lower) {
            found.push(lower.clone());
            // An outcome verb beats a manner verb at any distance
            // ("shot and killed") when no other count has it; otherwise
            // the nearest verb wins.
            let owned = !manner(class) && owns_outcome(w.start, w.end);
            let better = verb.is_none_or(|(d, current, _, current_owned)| {
                match (manner(current), manner(class)) {
                    (true, false) if owned => true,
                    (false, true) if current_owned => false,
                    _ => rank(distance, class, owned) < rank(d, current, current_owned),
                }
            });
            if better {
                verb = Some((distance, class, w.start, owned));
            }
        } else if let Some(class) = lex.object_class(&lower) {
            found.push(lower.clone());
            if object.is_none_or(|(d, _)| distance < d) {
                object = Some((distance, class));
            }
        }
    }
    if let Some((class, at)) = governing_outcome(clause, start, lex) {
        verb = Some((distance(at, at, start, end.max(start)), class, at, true));
    }
    Predicate {
        name: lex.combine(verb.map(|v| v.1), object.map(|o| o.1)),
        words: found,
        verb_at: verb.map(|v| v.2),
        verb: verb.map(|v| v.1.to_string()),
        object: object.map(|o| o.1.to_string()),
        verb_distance: verb.map(|v| v.0),
    }
}

/// True for a word that writes a number: digits ("49", "2,000") or a
/// cardinal word ("three"; "a dozen" by its "dozen"). The article "a" is
/// none: "a man was killed after he was shot" has one outcome.
fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || word.eq_ignore_ascii_case("dozen")
        || crate::extract::calendar::CARDINAL_WORDS
            .iter()
            .any(|(w, _)| !matches!(*w, "a" | "an") && word.eq_ignore_ascii_case(w))
}

/// The outcome verb of the verb run right before a claim, which the claim
/// is the object of ("fatally shooting three people and wounding another",
/// "killing his stepfather and injuring four others"): it beats a nearer
/// verb after the claim. Class and byte offset.
fn governing_outcome<'l>(clause: &str, start: usize, lex: &'l Lexicon) -> Option<(&'l str, usize)> {
    let ws = words(clause);
    let mut k = ws.iter().rposition(|w| w.end <= start)?;
    let mut gap_to = start;
    loop {
        let w = ws.get(k)?;
        if !clause.get(w.end..gap_to)?.chars().all(char::is_whitespace) {
            return None;
        }
        let class = lex.verb_class(&w.text.to_lowercase())?;
        if !lex.manner_verbs.contains(class) {
            return Some((class, w.start));
        }
        gap_to = w.start;
        k = k.checked_sub(1)?;
    }
}

/// Denied when the clause carries a negation cue ("do not show", "never", "no … since").
pub fn polarity(clause: &str, lex: &Lexicon) -> Polarity {
    let denied = words(clause).iter().any(|w| {
        let lower = w.text.to_lowercase().replace('’', "'");
        lex.negations.contains(&lower) || lower.ends_with("n't")
    });
    if denied {
        Polarity::Denied
    } else {
        Polarity::Asserted
    }
}

/// True when the clause has a present-tense verb from the lexicon ("is", "remains").
pub fn is_present_tense(clause: &str, lex: &Lexicon) -> bool {
    words(clause)
        .iter()
        .any(|w| lex.present_tense.contains(&w.text.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause_texts(s: &str) -> Vec<&str> {
        clauses(s).iter().map(|&(a, b)| s[a..b].trim()).collect()
    }

    #[test]
    fn splits_clauses() {
        let cases: &[(&str, &[&str])] = &[
            (
                "In 2010, weapons worth $5 million were sold to the army, according to the register, although the data show no sales since then.",
                &[
                    "In 2010, weapons worth $5 million were sold to the army,",
                    "according to the register,",
                    "although the data show no sales since then.",
                ],
            ),
            (
                "Two people died and one was hurt.",
                &["Two people died and one was hurt."],
            ),
            (
                "The register lists guns sold to the army in 2012 and no sales after that year.",
                &[
                    "The register lists guns sold to the army in 2012",
                    "and no sales after that year.",
                ],
            ),
            (
                "The count rose to 1,200 people in the city.",
                &["The count rose to 1,200 people in the city."],
            ),
            (
                "He said - after a long pause - that exports grew fast",
                &["He said - after a long pause -", "that exports grew fast"],
            ),
        ];
        for (s, expected) in cases {
            assert_eq!(clause_texts(s), *expected, "{s}");
        }
    }

    #[test]
    fn predicates_from_synonym_classes() {
        let lex = Lexicon::default();
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("$5 million worth of arms were sold", "$5", Some("arms")),
            (
                "the country supplied artillery guns",
                "supplied",
                Some("arms"),
            ),
            (
                "it exported a modest $2 million of goods",
                "$2",
                Some("trade"),
            ),
            (
                "it imported $40,000 in the same period",
                "$40",
                Some("import"),
            ),
            (
                "to buy some $3 billion in military equipment",
                "$3",
                Some("arms purchase"),
            ),
            (
                "two people were killed and three wounded",
                "two",
                Some("killed"),
            ),
            (
                "two people were killed and three wounded",
                "three",
                Some("injured"),
            ),
            ("with 85% of the vote", "85%", Some("vote")),
            // A manner verb yields to the outcome at any distance …
            ("two men were shot and killed", "two", Some("killed")),
            // … unless another count has the outcome.
            (
                "four people were shot that night and three of them died",
                "four",
                Some("shooting"),
            ),
            (
                "four people were shot that night and three of them died",
                "three",
                Some("killed"),
            ),
            (
                "two people were killed and four others were shot",
                "four",
                Some("shooting"),
            ),
            (
                "police named four victims of the shooting that killed two",
                "four",
                Some("shooting"),
            ),
            (
                "a man was killed after he was shot twice",
                "shot",
                Some("killed"),
            ),
            (
                "three teens were shot and wounded",
                "three",
                Some("injured"),
            ),
            (
                "seven people were shot overnight",
                "seven",
                Some("shooting"),
            ),
            ("gunfire erupted on Friday", "Friday", Some("shooting")),
            ("a four day visit to the capital", "four", None),
            // The count is the object of the outcome verb right before it.
            (
                "accused of fatally shooting three people and wounding another",
                "three",
                Some("killed"),
            ),
            (
                "killing his stepfather and injuring four others",
                "four",
                Some("injured"),
            ),
            (
                "one dead and four others injured",
                "four others",
                Some("injured"),
            ),
            (
                "a gunman killed 49 people and wounded 53",
                "49",
                Some("killed"),
            ),
            (
                "a gunman killed 49 people and wounded 53",
                "53",
                Some("injured"),
            ),
        ];
        for (clause, at, expected) in cases {
            let anchor = clause.find(at).unwrap_or(0);
            let p = predicate_of(clause, anchor, anchor + at.len(), &lex);
            assert_eq!(p.name.as_deref(), *expected, "{clause} @ {at}");
            assert_eq!(p.words.is_empty(), expected.is_none(), "{clause}");
        }
    }

    #[test]
    fn distances_run_from_the_nearer_end_of_the_claim() {
        // (word start, word end, claim start, claim end, distance)
        for (at, word_end, start, end, want) in [
            (20, 26, 5, 15, 5),
            (0, 4, 5, 15, 1),
            (7, 9, 5, 15, 0),
            (15, 20, 5, 15, 0),
            (0, 5, 5, 5, 0),
        ] {
            assert_eq!(
                distance(at, word_end, start, end),
                want,
                "{at} {start}..{end}"
            );
        }
        // "appear in court Monday to face murder": "murder" is after the
        // date's end, "appear" before its start.
        let lex = Lexicon::default();
        let clause = "due to appear in court Monday to face murder charges";
        let at = clause.find("Monday").unwrap_or(0);
        let p = predicate_of(clause, at, at + "Monday".len(), &lex);
        assert_eq!(p.verb_distance, Some(" to face ".len()));
    }

    #[test]
    fn detects_denials() {
        let lex = Lexicon::default();
        for (clause, expected) in [
            (
                "although the figures do not show any arms sales since then",
                Polarity::Denied,
            ),
            ("no one was hurt in the blast", Polarity::Denied),
            ("the ministry has never sold such systems", Polarity::Denied),
            ("officials didn’t confirm the deal", Polarity::Denied),
            ("the country has recently supplied guns", Polarity::Asserted),
            (
                "notably the transfer of advanced weaponry",
                Polarity::Asserted,
            ),
        ] {
            assert_eq!(polarity(clause, &lex), expected, "{clause}");
        }
    }
}
