//! The bodies of the fuzz targets and their invariants. Shared, by `#[path]`,
//! between the fuzz crate and the regression replay in `tests/pathological.rs`,
//! so a crash found by `cargo fuzz` is replayed by `cargo test` with the same
//! checks.

use std::io::Cursor;

use chrono::NaiveDate;
use claimcheck::claim::{Claim, Value};
use claimcheck::compare::{self, AlignConfig};
use claimcheck::document::{self, Document, Format, LoadOptions, Loaded};
use claimcheck::extract;
use claimcheck::frame::Framer;

/// Loading: the first byte picks the format (text, Markdown, JSON Lines or
/// sniffed), the rest is the stream. Every document loaded must extract
/// cleanly; errors must name the stream.
pub fn load_bytes(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let format = match sel % 4 {
        0 => Some(Format::Text),
        1 => Some(Format::Markdown),
        2 => Some(Format::JsonLines),
        _ => None,
    };
    let mut out = Loaded::default();
    document::load_reader(
        "fuzz.in",
        "fuzz",
        Cursor::new(rest),
        format,
        &LoadOptions::default(),
        &mut out,
    );
    for e in &out.errors {
        assert!(e.path.starts_with("fuzz.in"), "error names the input: {e}");
    }
    for doc in &out.documents {
        assert!(
            doc.text
                .is_char_boundary(doc.body_start.min(doc.text.len()))
        );
        let claims = extract::extract(doc);
        check_claims(&doc.text, &claims);
    }
}

/// The publication date the fuzzer may pick with one byte: none, or a day
/// in 1990–2040.
fn published(sel: u8) -> Option<NaiveDate> {
    (sel != 0).then(|| {
        NaiveDate::from_ymd_opt(1990, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(sel) * 61)))
    })?
}

/// Extraction on arbitrary text (lossily decoded, so every input counts).
pub fn extract_bytes(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let claims = extract::extract_text("fuzz", &text, 0, published(sel));
    check_claims(&text, &claims);
    // Deterministic: a second run gives the same claims.
    let again = extract::extract_text("fuzz", &text, 0, published(sel));
    assert!(claims == again, "extraction is not deterministic");
}

/// Check on a pair of documents: the input is split at the first NUL into
/// two articles; framing and comparison must not panic, and the verdicts
/// must not depend on the order the documents are given in.
pub fn check_pair(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_once('\0').unwrap_or((&text, ""));
    let docs = [Document::from_text("a", a), Document::from_text("b", b)];
    let verdicts = |order: [usize; 2]| {
        let mut framer = Framer::default();
        for &i in &order {
            framer.learn(&docs[i].text);
        }
        let mut items = Vec::new();
        for &i in &order {
            let claims = extract::extract(&docs[i]);
            check_claims(&docs[i].text, &claims);
            items.extend(framer.frame(&docs[i], claims));
        }
        let findings = compare::compare(items, &AlignConfig::default(), framer.lexicon());
        let mut v: Vec<String> = findings
            .iter()
            .map(|f| {
                let mut ids: Vec<&str> = f
                    .claims
                    .iter()
                    .map(|c| c.framed.claim.id.as_str())
                    .collect();
                ids.sort();
                format!("{:?} {}", f.verdict, ids.join(","))
            })
            .collect();
        v.sort();
        v
    };
    let ab = verdicts([0, 1]);
    let ba = verdicts([1, 0]);
    assert_eq!(ab, ba, "verdicts depend on document order");
}

/// Invariants every claim list keeps: spans slice the text on character
/// boundaries and `text` is that slice; claims are in order and do not
/// overlap; numbers are finite (JSON cannot carry inf or NaN) and ordered.
pub fn check_claims(text: &str, claims: &[Claim]) {
    let mut prev_end = 0;
    for c in claims {
        let s = c.span;
        assert!(
            s.start < s.end && s.end <= text.len(),
            "span {s:?} out of text"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} splits a character"
        );
        assert_eq!(text.get(s.start..s.end), Some(c.text.as_str()));
        assert!(s.start >= prev_end, "claims overlap or are out of order");
        prev_end = s.end;
        assert!(c.line >= 1 && c.column >= 1);
        assert!(
            text.get(c.sentence_span.start..c.sentence_span.end) == Some(c.sentence.as_str()),
            "sentence span"
        );
        if let Some(Value::Number { low, high }) = &c.value {
            for v in [low, high].into_iter().flatten() {
                assert!(v.is_finite(), "non-finite value in {:?}", c.text);
            }
            if let (Some(l), Some(h)) = (low, high) {
                assert!(l <= h, "low > high in {:?}", c.text);
            }
        }
        if let Some(Value::Date { start, end }) = &c.value {
            assert!(start <= end, "date interval reversed in {:?}", c.text);
        }
        if let Some(n) = &c.normalized {
            for v in [n.low, n.high].into_iter().flatten() {
                assert!(v.is_finite(), "non-finite normalised value in {:?}", c.text);
            }
        }
        // Serialises: the ledger and reports must be able to write it.
        assert!(serde_json::to_string(c).is_ok(), "claim does not serialise");
    }
}
