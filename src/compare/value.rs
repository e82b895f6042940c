//! Numeric values as comparable intervals: bounds from the qualifier, the
//! rounding a figure's written digits allow ("$13 million" covers 12.5–13.5
//! million), approximate widening, and SI values for measures.

use crate::claim::{Claim, Kind, Qualifier};

/// A claim's value as an interval, with the slack its rounding allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
    /// Half the unit of the last written digit, in the same units.
    pub rounding: f64,
}

/// How two intervals relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The stated values coincide or one lies within the other's bounds.
    Exact,
    /// They meet only once each is widened by its rounding (or tolerance).
    Rounding,
    /// They do not meet.
    Apart,
}

/// The comparable interval of a numeric claim: SI values for measures, the
/// stated value otherwise; `approx` widens approximate figures (0.1 = ±10%).
pub fn interval(claim: &Claim, approx: f64) -> Option<Interval> {
    let (low, high) = claim.value.as_ref()?.bounds()?;
    let factor = match (&claim.normalized, claim.kind) {
        (Some(n), Kind::Measure) => match (n.low, low) {
            (Some(nl), Some(l)) if l != 0.0 => nl / l,
            _ => 1.0,
        },
        _ => 1.0,
    };
    let mut lo = low.map_or(f64::NEG_INFINITY, |v| v * factor);
    let mut hi = high.map_or(f64::INFINITY, |v| v * factor);
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
    }
    if claim.qualifier == Qualifier::Approx {
        let slack = lo.abs().max(hi.abs()) * approx;
        if slack.is_finite() {
            lo -= slack;
            hi += slack;
        }
    }
    // Bounds ("over 90%", "between 300 and 500") are stated limits, not rounded figures.
    let rounding = match claim.qualifier {
        Qualifier::Exact | Qualifier::Approx => {
            written_precision(&claim.text, low.or(high).unwrap_or(0.0)) * factor.abs() / 2.0
        }
        _ => 0.0,
    };
    Some(Interval {
        low: lo,
        high: hi,
        rounding,
    })
}

/// The unit of the last written digit of a figure, in value units:
/// "$13 million" → 1,000,000; "$12.75 million" → 10,000; "800,000" →
/// 100,000; "37 miles" → 1; a figure in words → 0 (taken as exact).
pub fn written_precision(text: &str, value: f64) -> f64 {
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        return 0.0;
    };
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let Ok(written) = digits.parse::<f64>() else {
        return 0.0;
    };
    if written == 0.0 || value == 0.0 {
        return 0.0;
    }
    let scale = (value / written).abs();
    let place = match digits.split_once('.') {
        Some((_, frac)) => 10f64.powi(-(frac.len() as i32)),
        None => {
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            // "60" and "800,000" may be rounded to their last non-zero digit;
            // "1000" stated alone is read the same way.
            10f64.powi(zeros as i32)
        }
    };
    place * scale
}

/// How two intervals meet, with an extra relative tolerance (0.02 = 2%).
pub fn fit(a: &Interval, b: &Interval, tolerance: f64) -> Fit {
    if a.low <= b.high && b.low <= a.high {
        return Fit::Exact;
    }
    let scale = [a.low, a.high, b.low, b.high]
        .iter()
        .filter(|v| v.is_finite())
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let slack = a.rounding + b.rounding + scale * tolerance;
    // Strictly: "2" and "3" touch at 2.5 but do not agree.
    if a.low - slack < b.high && b.low - slack < a.high {
        Fit::Rounding
    } else {
        Fit::Apart
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Normalized, Value};

    fn claim(text: &str, kind: Kind, value: Value, q: Qualifier) -> Claim {
        Claim {
            qualifier: q,
            ..Claim::sample("d", kind, text, 0, value)
        }
    }

    #[test]
    fn precision_follows_written_digits() {
        for (text, value, expected) in [
            ("$13 million", 13e6, 1e6),
            ("$12.75 million", 12.75e6, 1e4),
            ("800,000 people", 800_000.0, 100_000.0),
            ("37 miles", 37.0, 1.0),
            ("$3,500", 3500.0, 100.0),
            ("four days", 4.0, 0.0),
            ("1.5 billion", 1.5e9, 1e8),
        ] {
            let got = written_precision(text, value);
            assert!(
                (got - expected).abs() < 1e-6 * expected.max(1.0),
                "{text}: {got}"
            );
        }
    }

    #[test]
    fn fits_by_qualifier_and_rounding() {
        let exact = |t: &str, v: f64| claim(t, Kind::Money, Value::exact(v), Qualifier::Exact);
        let over90 = claim(
            "over 90%",
            Kind::Percent,
            Value::between(Some(90.0), None),
            Qualifier::MoreThan,
        );
        let cases = [
            (
                over90.clone(),
                claim("93%", Kind::Percent, Value::exact(93.0), Qualifier::Exact),
                Fit::Exact,
            ),
            (
                over90,
                claim("85%", Kind::Percent, Value::exact(85.0), Qualifier::Exact),
                Fit::Apart,
            ),
            (
                exact("$13 million", 13e6),
                exact("$12.75 million", 12.75e6),
                Fit::Rounding,
            ),
            (
                exact("$13 million", 13e6),
                exact("$13 million", 13e6),
                Fit::Exact,
            ),
            (
                exact("$13 million", 13e6),
                exact("$15 million", 15e6),
                Fit::Apart,
            ),
            (
                claim(
                    "some $5 billion",
                    Kind::Money,
                    Value::exact(5e9),
                    Qualifier::Approx,
                ),
                exact("$5.3 billion", 5.3e9),
                Fit::Exact,
            ),
            (
                claim(
                    "$300-$500 million",
                    Kind::Money,
                    Value::between(Some(3e8), Some(5e8)),
                    Qualifier::Range,
                ),
                exact("$450 million", 4.5e8),
                Fit::Exact,
            ),
            (exact("2 people", 2.0), exact("3 people", 3.0), Fit::Apart),
        ];
        for (a, b, expected) in cases {
            let (ia, ib) = (interval(&a, 0.1).unwrap(), interval(&b, 0.1).unwrap());
            assert_eq!(fit(&ia, &ib, 0.0), expected, "{} vs {}", a.text, b.text);
        }
    }

    #[test]
    fn measures_compare_in_si() {
        let mut km = claim(
            "60 kilometers",
            Kind::Measure,
            Value::exact(60.0),
            Qualifier::Exact,
        );
        km.normalized = Some(Normalized {
            low: Some(60_000.0),
            high: Some(60_000.0),
            unit: "m".into(),
        });
        let mut mi = claim(
            "37 miles",
            Kind::Measure,
            Value::exact(37.0),
            Qualifier::Exact,
        );
        mi.normalized = Some(Normalized {
            low: Some(59_545.7),
            high: Some(59_545.7),
            unit: "m".into(),
        });
        let mut bad = claim(
            "45 miles",
            Kind::Measure,
            Value::exact(45.0),
            Qualifier::Exact,
        );
        bad.normalized = Some(Normalized {
            low: Some(72_420.5),
            high: Some(72_420.5),
            unit: "m".into(),
        });
        let (a, b, c) = (
            interval(&km, 0.1).unwrap(),
            interval(&mi, 0.1).unwrap(),
            interval(&bad, 0.1).unwrap(),
        );
        assert_eq!(fit(&a, &b, 0.0), Fit::Rounding);
        assert_eq!(fit(&a, &c, 0.0), Fit::Apart);
    }
}
