//! Checks inside one article: a parenthetical conversion that must hold
//! ("60 kilometers (37 miles)" holds; "60 kilometers (45 miles)" does not).
//! The same quantity stated twice is found by the ordinary aligner, which
//! also pairs claims of one document in different sentences.

use crate::claim::Kind;
use crate::frame::FramedClaim;
use crate::report::claims::format_number;

use super::align::AlignConfig;
use super::finding::{Severity, Verdict};
use super::value::{Fit, fit, interval};
use super::verdict::Judgement;

/// Pairs `(i, j)` of claims where `j` restates `i` in parentheses right after
/// it, with the verdict on the conversion. `items` must be sorted by
/// document and position.
pub fn conversions(items: &[FramedClaim], config: &AlignConfig) -> Vec<(usize, usize, Judgement)> {
    let mut out = Vec::new();
    for (i, pair) in items.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        if a.doc != b.doc || a.claim.sentence_span != b.claim.sentence_span || !restated(a, b) {
            continue;
        }
        if let Some(j) = judge_conversion(a, b, config) {
            out.push((i, i + 1, j));
        }
    }
    out
}

/// True when `b` is in parentheses right after `a` in the same sentence.
fn restated(a: &FramedClaim, b: &FramedClaim) -> bool {
    let base = a.claim.sentence_span.start;
    let between = a
        .claim
        .span
        .end
        .checked_sub(base)
        .zip(b.claim.span.start.checked_sub(base))
        .and_then(|(s, e)| a.claim.sentence.get(s..e));
    let after = b
        .claim
        .span
        .end
        .checked_sub(base)
        .and_then(|e| a.claim.sentence.get(e..));
    between.is_some_and(|t| t.trim() == "(")
        && after.is_some_and(|t| t.trim_start().starts_with(')'))
}

pub(super) fn judge_conversion(
    a: &FramedClaim,
    b: &FramedClaim,
    config: &AlignConfig,
) -> Option<Judgement> {
    if a.claim.kind != b.claim.kind {
        return None;
    }
    let comparable = match a.claim.kind {
        Kind::Measure => {
            let si = |c: &FramedClaim| c.claim.normalized.as_ref().map(|n| n.unit.clone());
            si(a).is_some() && si(a) == si(b)
        }
        // Same-currency restatements only; no exchange rates.
        Kind::Money | Kind::Percent | Kind::Count | Kind::Duration => a.claim.unit == b.claim.unit,
        Kind::Date => false,
    };
    if !comparable {
        return None;
    }
    let (ia, ib) = (
        interval(&a.claim, config.approx_tolerance)?,
        interval(&b.claim, config.approx_tolerance)?,
    );
    let si = a
        .claim
        .normalized
        .as_ref()
        .map_or(String::new(), |n| format!(" {}", n.unit));
    let shown = |i: &super::value::Interval| format!("{}{si}", format_number(i.low));
    Some(match fit(&ia, &ib, config.tolerance) {
        Fit::Exact | Fit::Rounding => Judgement {
            verdict: Verdict::Agree,
            severity: Severity::Info,
            explanation: format!(
                "{}: “{}” and its conversion “{}” are consistent ({} vs {}, within rounding).",
                a.doc,
                a.claim.text,
                b.claim.text,
                shown(&ia),
                shown(&ib)
            ),
        },
        Fit::Apart => Judgement {
            verdict: Verdict::Conflict,
            severity: Severity::Error,
            explanation: format!(
                "{}: “{}” is not “{}” ({} vs {}): the conversion in parentheses does not hold.",
                a.doc,
                a.claim.text,
                b.claim.text,
                shown(&ia),
                shown(&ib)
            ),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, Normalized, Qualifier, Span, Value};
    use crate::frame::Frame;

    fn measure(sentence: &str, text: &str, value: f64, si: f64) -> FramedClaim {
        let start = sentence.find(text).unwrap_or(0);
        FramedClaim {
            claim: Claim {
                id: format!("d:{start}"),
                kind: Kind::Measure,
                text: text.into(),
                span: Span::new(start, start + text.len()),
                line: 1,
                column: 1,
                value: Some(Value::exact(value)),
                unit: None,
                qualifier: Qualifier::Exact,
                sentence: sentence.into(),
                sentence_span: Span::new(0, sentence.len()),
                noun: None,
                normalized: Some(Normalized {
                    low: Some(si),
                    high: Some(si),
                    unit: "m".into(),
                }),
                relative: false,
                anchor: None,
                time: None,
            },
            doc: "d".into(),
            frame: Frame::default(),
        }
    }

    #[test]
    fn parenthetical_conversions() {
        let cfg = AlignConfig::default();
        for (sentence, a, av, asi, b, bv, bsi, expected) in [
            (
                "kept within 60 kilometers (37 miles) of it",
                "60 kilometers",
                60.0,
                60_000.0,
                "37 miles",
                37.0,
                59_545.7,
                Some(Verdict::Agree),
            ),
            (
                "kept within 60 kilometers (45 miles) of it",
                "60 kilometers",
                60.0,
                60_000.0,
                "45 miles",
                45.0,
                72_420.5,
                Some(Verdict::Conflict),
            ),
            (
                "a 3-inch (7.6 cm) pipe",
                "3-inch",
                3.0,
                0.0762,
                "7.6 cm",
                7.6,
                0.076,
                Some(Verdict::Agree),
            ),
            (
                "60 kilometers and later 37 miles",
                "60 kilometers",
                60.0,
                60_000.0,
                "37 miles",
                37.0,
                59_545.7,
                None,
            ),
        ] {
            let items = vec![measure(sentence, a, av, asi), measure(sentence, b, bv, bsi)];
            let got = conversions(&items, &cfg);
            assert_eq!(
                got.first().map(|(_, _, j)| j.verdict),
                expected,
                "{sentence}"
            );
        }
    }
}
