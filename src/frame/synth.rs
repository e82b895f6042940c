//! Claims the extractor does not emit but the comparer needs: relative time
//! expressions that date an event ("has recently supplied", "no weapons sales
//! since then") and zero counts ("no one was injured").
//!
//! Each comes with what framing cannot read from its text alone: its time
//! scope, or its predicate and polarity.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::lexicon::Lexicon;
use super::{Period, Polarity};
use crate::claim::{Claim, Kind, Qualifier, Span, Value};
use crate::document::Document;
use crate::text::TextIndex;

/// A synthesised claim and the frame parts it fixes.
#[derive(Debug, Clone)]
pub struct Synthesised {
    pub claim: Claim,
    pub time: Option<Period>,
    pub predicate: Option<String>,
    pub polarity: Option<Polarity>,
}

/// How far back (bytes) "since then" looks for the date it refers to.
const SINCE_THEN_REACH: usize = 400;

/// Synthesised claims of a document, given the extracted ones.
pub fn synthesise(doc: &Document, claims: &[Claim], lex: &Lexicon) -> Vec<Synthesised> {
    let body = doc.text.get(doc.body_start..).unwrap_or("");
    let mut taken: Vec<Span> = claims.iter().map(|c| c.span).collect();
    let mut found: Vec<(Span, Found)> = Vec::new();
    let mut phrases: Vec<(&str, Found)> = Vec::new();
    for (phrase, days) in &lex.relative_times {
        phrases.push((phrase, Found::Recent(*days)));
    }
    for phrase in &lex.since_phrases {
        phrases.push((phrase, Found::SinceThen));
    }
    for (phrase, predicate) in &lex.zero_counts {
        phrases.push((phrase, Found::Zero(predicate)));
    }
    // Longer phrases first, so "in recent years" wins over shorter overlaps.
    phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let hits = find_phrases(body, phrases.iter().map(|(p, _)| *p));
    for ((phrase, what), at_list) in phrases.iter().zip(&hits) {
        for &at in at_list {
            let span = Span::new(doc.body_start + at, doc.body_start + at + phrase.len());
            if taken.iter().any(|t| t.overlaps(&span)) {
                continue;
            }
            taken.push(span);
            found.push((span, what.clone()));
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    found.sort_by_key(|(s, _)| *s);
    let index = TextIndex::with_body(&doc.text, doc.body_start);
    let published = doc.published;
    found
        .into_iter()
        .filter_map(|(span, what)| {
            let mut claim = base_claim(doc, &index, span)?;
            match what {
                Found::Recent(days) => {
                    claim.kind = Kind::Date;
                    claim.relative = true;
                    claim.anchor = published;
                    claim.unit = Some("period".to_string());
                    let start =
                        published.and_then(|p| p.checked_sub_days(Days::new(days.unsigned_abs())));
                    claim.value = start.zip(published).map(|(s, e)| Value::dates(s, e));
                    let time = start
                        .zip(published)
                        .map(|(s, e)| Period::new(Some(s), Some(e)));
                    Some(Synthesised {
                        claim,
                        time,
                        predicate: None,
                        polarity: None,
                    })
                }
                Found::SinceThen => {
                    let then = referent(claims, span)?;
                    let start = then.checked_add_days(Days::new(1))?;
                    claim.kind = Kind::Date;
                    claim.relative = true;
                    claim.anchor = published;
                    claim.unit = Some("period".to_string());
                    claim.value = published.map(|p| Value::dates(start, p));
                    let time = Some(Period::new(Some(start), published));
                    Some(Synthesised {
                        claim,
                        time,
                        predicate: None,
                        polarity: None,
                    })
                }
                // "No one was injured inside": only some of the people.
                Found::Zero(_) if scoped(&doc.text, span, lex) => None,
                Found::Zero(predicate) => {
                    claim.kind = Kind::Count;
                    claim.value = Some(Value::exact(0.0));
                    claim.noun = Some("people".to_string());
                    Some(Synthesised {
                        claim,
                        time: None,
                        predicate: Some(predicate.to_string()),
                        polarity: Some(Polarity::Asserted),
                    })
                }
            }
        })
        .collect()
}

/// True when a place that limits a zero count follows it.
fn scoped(text: &str, span: Span, lex: &Lexicon) -> bool {
    let after = text.get(span.end..).unwrap_or("").trim_start();
    let head: String = after.chars().take(24).collect::<String>().to_lowercase();
    lex.zero_count_scopes.iter().any(|scope| {
        head.strip_prefix(scope.as_str())
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

#[derive(Debug, Clone)]
enum Found<'a> {
    Recent(i64),
    SinceThen,
    Zero(&'a str),
}

/// The end of the latest resolved date claim before `span`, in the same
/// sentence or close before it.
fn referent(claims: &[Claim], span: Span) -> Option<NaiveDate> {
    claims
        .iter()
        .filter(|c| c.kind == Kind::Date && c.span.end <= span.start)
        .filter(|c| span.start - c.span.end <= SINCE_THEN_REACH)
        .filter_map(|c| c.value.as_ref()?.interval().map(|(_, end)| (c.span, end)))
        .max_by_key(|(s, _)| *s)
        .map(|(_, end)| end)
}

/// For each phrase (lower case, words separated by single spaces), the
/// byte offsets where it occurs in `text` at word boundaries, ignoring ASCII
/// case. One pass over the words of the text: a phrase is only tried where
/// a word equal to its first word starts, so the text is never lowercased
/// or rescanned per phrase.
fn find_phrases<'p>(text: &str, phrases: impl Iterator<Item = &'p str>) -> Vec<Vec<usize>> {
    let phrases: Vec<&str> = phrases.collect();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, p) in phrases.iter().enumerate() {
        let first = p.split(' ').next().unwrap_or(p);
        by_first.entry(first).or_default().push(k);
    }
    let mut out = vec![Vec::new(); phrases.len()];
    let mut lower = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let start = i;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'\'')
        {
            i += 1;
        }
        let preceded = start > 0
            && text
                .get(..start)
                .and_then(|b| b.chars().next_back())
                .is_some_and(char::is_alphanumeric);
        if preceded {
            continue;
        }
        lower.clear();
        lower.extend(
            bytes
                .get(start..i)
                .unwrap_or(&[])
                .iter()
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        let Some(candidates) = by_first.get(lower.as_str()) else {
            continue;
        };
        for &k in candidates {
            let Some(p) = phrases.get(k) else { continue };
            let end = start + p.len();
            let matches = text
                .get(start..end)
                .is_some_and(|t| t.eq_ignore_ascii_case(p));
            let bounded = !text
                .get(end..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_alphanumeric);
            if matches
                && bounded
                && let Some(list) = out.get_mut(k)
            {
                list.push(start);
            }
        }
    }
    out
}

fn base_claim(doc: &Document, index: &TextIndex, span: Span) -> Option<Claim> {
    let text = doc.text.get(span.start..span.end)?.to_string();
    let (line, column) = index.line_col(&doc.text, span.start);
    let sentence_span = index.sentence_at(span.start);
    let sentence = doc
        .text
        .get(sentence_span.start..sentence_span.end)?
        .to_string();
    Some(Claim {
        id: format!("{}:{}-{}", doc.id, span.start, span.end),
        kind: Kind::Date,
        text,
        span,
        line,
        column,
        value: None,
        unit: None,
        qualifier: Qualifier::Exact,
        sentence,
        sentence_span,
        noun: None,
        normalized: None,
        relative: false,
        anchor: None,
        time: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn year_claim(doc: &Document, year: &str, y: i32) -> Claim {
        let start = doc.text.find(year).unwrap_or(0);
        let index = TextIndex::with_body(&doc.text, doc.body_start);
        let mut c = base_claim(doc, &index, Span::new(start, start + year.len())).unwrap();
        c.value = Some(Value::dates(date(y, 1, 1), date(y, 12, 31)));
        c
    }

    #[test]
    fn recently_reaches_back_from_publication() {
        let mut doc = Document::from_text("a", "The firm has recently supplied guns to the army.");
        doc.published = Some(date(2018, 3, 20));
        let out = synthesise(&doc, &[], &Lexicon::default());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].claim.text, "recently");
        assert_eq!(
            out[0].time,
            Some(Period::new(
                Some(date(2016, 3, 20)),
                Some(date(2018, 3, 20))
            ))
        );
    }

    #[test]
    fn recently_without_publication_date_has_no_time() {
        let doc = Document::from_text("a", "They recently bought tanks.");
        let out = synthesise(&doc, &[], &Lexicon::default());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].time, None);
        assert_eq!(out[0].claim.value, None);
    }

    #[test]
    fn since_then_starts_after_the_referent() {
        let doc = Document::from_text(
            "b",
            "In 2011 guns were sold, but no arms sales since then were seen.",
        );
        let claims = vec![year_claim(&doc, "2011", 2011)];
        let out = synthesise(&doc, &claims, &Lexicon::default());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].claim.text, "since then");
        assert_eq!(out[0].time, Some(Period::new(Some(date(2012, 1, 1)), None)));
    }

    #[test]
    fn since_then_without_referent_is_skipped() {
        let doc = Document::from_text("b", "Nothing was sold since then.");
        assert!(synthesise(&doc, &[], &Lexicon::default()).is_empty());
    }

    #[test]
    fn finds_phrases_in_one_pass_like_a_plain_search() {
        let phrases = [
            "since then",
            "recently",
            "no one was injured",
            "no injuries",
        ];
        for text in [
            "Sales stopped; none Since Then. It recently rose.",
            "Recently, recentlyx and xrecently; NO ONE was injured here",
            "no injuries, no one was injured, no one was injuredx",
            "",
            "Ünïcode — since then… recently",
        ] {
            let got = find_phrases(text, phrases.iter().copied());
            let lower = text.to_ascii_lowercase();
            for (k, p) in phrases.iter().enumerate() {
                assert_eq!(
                    got[k],
                    super::super::words::phrase_positions(&lower, p).collect::<Vec<_>>(),
                    "{p} in {text}"
                );
            }
        }
    }

    #[test]
    fn zero_counts() {
        let doc = Document::from_text(
            "c",
            "Shots were fired but no one was injured. Police said No injuries occurred. \
             Four men outside were shot; no one was hurt inside.",
        );
        let out = synthesise(&doc, &[], &Lexicon::default());
        let got: Vec<(&str, Option<&str>)> = out
            .iter()
            .map(|s| (s.claim.text.as_str(), s.predicate.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("no one was injured", Some("injured")),
                ("No injuries", Some("injured"))
            ]
        );
        assert_eq!(out[0].claim.value, Some(Value::exact(0.0)));
    }
}
