//! Attribution: who a sentence says the claim comes from ("according to
//! SIPRI", "the Jerusalem Post reported", "officials said").

use super::entity::{EntityMention, mentions};
use super::lexicon::Lexicon;
use super::words::words;

/// A source and the byte range of the attribution phrase in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub source: String,
    pub start: usize,
    pub end: usize,
}

/// Words an attribution phrase may run over before it is cut.
const MAX_PHRASE_WORDS: usize = 10;

/// The attribution of a sentence, if it names one. A generic source ("its
/// database shows") is replaced by an organisation's acronym named in the
/// same sentence ("SIPRI puts … and its database shows").
pub fn attribution(sentence: &str, lex: &Lexicon) -> Option<Attribution> {
    attribution_with(sentence, &mentions(sentence, lex), lex)
}

/// [`attribution`] given the sentence's entity mentions (computed once by
/// the caller).
pub fn attribution_with(
    sentence: &str,
    ms: &[EntityMention],
    lex: &Lexicon,
) -> Option<Attribution> {
    let mut found = by_preposition(sentence, lex).or_else(|| by_verb(sentence, ms, lex))?;
    if lex.generic_sources.contains(&found.source.to_lowercase()) {
        let org = ms.iter().find(|m| {
            !lex.is_place(&m.name)
                && m.name.len() >= 2
                && m.name.chars().all(|c| c.is_ascii_uppercase())
        });
        if let Some(m) = org {
            found.source = m.name.clone();
        }
    }
    Some(found)
}

/// "according to X": X is the first named non-place entity of the phrase,
/// else its first generic source word ("officials"), else its first words.
fn by_preposition(sentence: &str, lex: &Lexicon) -> Option<Attribution> {
    let lower = sentence.to_lowercase();
    for prep in &lex.attribution_prepositions {
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|s| s.find(prep.as_str())) {
            let at = from + found;
            from = at + prep.len();
            let boundary_before = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
            let boundary_after = lower[from..].starts_with(char::is_whitespace);
            if !boundary_before || !boundary_after {
                continue;
            }
            let rest = &sentence[from..];
            let phrase_end = rest
                .find([',', ';', '.', '—', '–', '"', '“', '”'])
                .unwrap_or(rest.len());
            let phrase = &rest[..phrase_end];
            let source = phrase_source(phrase, lex)?;
            return Some(Attribution {
                source,
                start: at,
                end: from + phrase_end,
            });
        }
    }
    None
}

fn phrase_source(phrase: &str, lex: &Lexicon) -> Option<String> {
    let ws = words(phrase);
    let limit = ws.get(MAX_PHRASE_WORDS).map_or(phrase.len(), |w| w.start);
    let named = mentions(&phrase[..limit], lex)
        .into_iter()
        .find(|m| !lex.is_place(&m.name));
    // Without a named source, a generic word ("Israeli trade figures",
    // "officials") names it better than a place does.
    let generic = ws
        .iter()
        .take(MAX_PHRASE_WORDS)
        .position(|w| lex.generic_sources.contains(&w.text.to_lowercase()));
    match (named, generic) {
        (Some(m), _) => Some(m.name),
        (None, Some(g)) => Some(generic_phrase(&ws, g)),
        (None, None) => {
            let first: Vec<&str> = ws.iter().take(3).map(|w| w.text).collect();
            (!first.is_empty()).then(|| first.join(" "))
        }
    }
}

/// The words up to and including the generic source word, without articles.
fn generic_phrase(ws: &[super::words::Word], g: usize) -> String {
    ws.iter()
        .take(g + 1)
        .map(|w| w.text)
        .filter(|w| !matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "X reported", "X said": X is the generic source word or the entity right
/// before the verb ("officials said", "the Jerusalem Post reported").
fn by_verb(sentence: &str, ms: &[EntityMention], lex: &Lexicon) -> Option<Attribution> {
    let ws = words(sentence);
    let mut lower = String::new();
    for (k, w) in ws.iter().enumerate() {
        lower.clear();
        lower.extend(w.text.chars().flat_map(char::to_lowercase));
        if !lex.attribution_verbs.contains(lower.as_str()) {
            continue;
        }
        let finding_about_subject = ws.get(k + 1).is_some_and(|next| {
            lex.not_attribution_followers
                .contains(&next.text.to_lowercase())
        });
        if finding_about_subject {
            continue;
        }
        let Some(prev) = k.checked_sub(1).and_then(|p| ws.get(p)) else {
            continue;
        };
        if lex.generic_sources.contains(&prev.text.to_lowercase()) {
            return Some(Attribution {
                source: prev.text.to_lowercase(),
                start: prev.start,
                end: w.end,
            });
        }
        let adjacent = ms.iter().rev().find(|m| {
            m.end <= w.start
                && sentence
                    .get(m.end..w.start)
                    .is_some_and(|gap| gap.trim().is_empty())
                && !lex.is_place(&m.name)
        });
        if let Some(m) = adjacent {
            return Some(Attribution {
                source: m.name.clone(),
                start: m.start,
                end: w.end,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sources() {
        let lex = Lexicon::default();
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Arms worth $5 million were sold, according to SIPRI.",
                Some("SIPRI"),
            ),
            (
                "In 2010 guns were sold, according to a database compiled by the Stockholm International Peace Research Institute, although none since.",
                Some("SIPRI"),
            ),
            (
                "Exports reached $2 million, according to Israeli trade figures.",
                Some("Israeli trade figures"),
            ),
            (
                "The country buys oil, the Jerusalem Post reported in its online edition.",
                Some("Jerusalem Post"),
            ),
            ("Two people were hurt, police said.", Some("police")),
            (
                "SIPRI puts the sales at $5 million, and its database shows none since.",
                Some("SIPRI"),
            ),
            (
                "Three were wounded, officials said on Monday.",
                Some("officials"),
            ),
            ("Israel sold guns to Georgia.", None),
            (
                "Two people were hurt in Springfield, officials said.",
                Some("officials"),
            ),
            ("Shots hit Springfield, he said.", None),
            ("The minister accorded to them a visit.", None),
            (
                "Man found guilty of murdering two men during dice game",
                None,
            ),
            ("John Smith found dead in his home", None),
            ("Police found two bodies.", Some("police")),
        ];
        for (sentence, expected) in cases {
            let got = attribution(sentence, &lex);
            assert_eq!(
                got.as_ref().map(|a| a.source.as_str()),
                *expected,
                "{sentence}"
            );
            if let Some(a) = got {
                assert!(sentence.get(a.start..a.end).is_some());
            }
        }
    }
}
