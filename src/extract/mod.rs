//! Extraction: turns a document's text into normalised [`Claim`]s.
//!
//! Each extractor scans the body and returns [`Mention`]s (kind, span, value,
//! unit, qualifier); this module merges them (longest span wins on overlap),
//! attaches document context (id, line, column, sentence) and the time scope.

pub mod calendar;
pub mod date;
pub mod date_math;
pub mod date_token;
pub mod lexicon;
pub mod number;
pub mod quantity;
pub mod quantity_units;
pub mod scope;
pub mod words;

use chrono::NaiveDate;

use crate::claim::{Claim, Mention, Span};
use crate::document::Document;
use crate::text::TextIndex;

/// Extracts every claim of a document, in text order.
pub fn extract(doc: &Document) -> Vec<Claim> {
    extract_text(&doc.id, &doc.text, doc.body_start, doc.published)
}

/// Extracts the claims of `text[body_start..]`; spans are offsets into `text`.
///
/// `published` anchors relative dates; when it is `None` they are still
/// extracted, with a `null` value.
pub fn extract_text(
    doc_id: &str,
    text: &str,
    body_start: usize,
    published: Option<NaiveDate>,
) -> Vec<Claim> {
    let body = text.get(body_start..).unwrap_or("");
    let mut mentions = quantity::scan(body);
    mentions.extend(date::scan(body, published));
    let mentions = merge(mentions);
    let index = TextIndex::with_body(text, body_start);
    let mut claims: Vec<Claim> = mentions
        .into_iter()
        .map(|m| to_claim(doc_id, text, &index, shift(m, body_start)))
        .collect();
    scope::attach(text, &index, &mut claims);
    claims
}

fn shift(mut m: Mention, by: usize) -> Mention {
    m.span = Span::new(m.span.start + by, m.span.end + by);
    m
}

/// Sorts mentions by position and drops any that overlaps an earlier, longer one.
fn merge(mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.len().cmp(&a.span.len()))
    });
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        match kept.last_mut() {
            Some(last) if last.span.overlaps(&m.span) => {
                if m.span.len() > last.span.len() {
                    *last = m;
                }
            }
            _ => kept.push(m),
        }
    }
    kept
}

/// `<doc>:<start>-<end>`, built without the formatting machinery (one
/// per claim, on the hot path).
fn claim_id(doc_id: &str, span: Span) -> String {
    let mut id = String::with_capacity(doc_id.len() + 24);
    id.push_str(doc_id);
    id.push(':');
    push_decimal(&mut id, span.start);
    id.push('-');
    push_decimal(&mut id, span.end);
    id
}

/// Appends the decimal digits of `n`.
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

fn to_claim(doc_id: &str, text: &str, index: &TextIndex, m: Mention) -> Claim {
    let (line, column) = index.line_col(text, m.span.start);
    let sentence_span = index.sentence_at(m.span.start);
    Claim {
        id: claim_id(doc_id, m.span),
        kind: m.kind,
        text: text[m.span.start..m.span.end].to_string(),
        span: m.span,
        line,
        column,
        value: m.value,
        unit: m.unit,
        qualifier: m.qualifier,
        sentence: text[sentence_span.start..sentence_span.end].to_string(),
        sentence_span,
        noun: m.noun,
        normalized: m.normalized,
        relative: m.relative,
        anchor: m.anchor,
        time: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Kind, Value};

    fn m(start: usize, end: usize) -> Mention {
        Mention::new(Kind::Count, Span::new(start, end), Some(Value::exact(1.0)))
    }

    #[test]
    fn claim_ids_match_the_formatted_form() {
        for (doc, s, e) in [
            ("a", 0, 0),
            ("doc-7", 9, 10),
            ("x", 1234, 98765),
            ("", usize::MAX - 1, usize::MAX),
        ] {
            assert_eq!(claim_id(doc, Span::new(s, e)), format!("{doc}:{s}-{e}"));
        }
    }

    #[test]
    fn merge_keeps_longest_of_overlapping() {
        let out = merge(vec![m(5, 8), m(0, 3), m(2, 10), m(12, 14)]);
        let spans: Vec<_> = out.iter().map(|m| (m.span.start, m.span.end)).collect();
        assert_eq!(spans, vec![(2, 10), (12, 14)]);
    }
}
