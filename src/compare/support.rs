//! Support: what each article states about its one-off incidents (the days
//! it dates them to, the killed/injured counts it gives), so a conflict
//! between two articles can be checked against everything both say.
//!
//! Takes the framed claims, answers whether an article states a given day
//! or count anywhere. A conflict between claim `x` of article A and claim
//! `y` of article B stands when B never states `x`'s figure or A never
//! states `y`'s; when each article also states the other's figure, they do
//! not disagree (the story has two days, "shot Saturday, died Sunday", or
//! two counts, "two died at the scene, a third in hospital"), and the pair
//! is only related.

#[cfg(test)]
use std::collections::HashMap;
use std::collections::HashSet;

use chrono::NaiveDate;

use crate::claim::{Kind, Value};
use crate::frame::{FramedClaim, Lexicon, Polarity};

/// One figure an article states about an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Figure {
    /// The day of an event of this family.
    Day(NaiveDate),
    /// An exact count, as integer (counts of people are whole).
    Count(i64),
}

/// Per article and predicate family, the figures it states.
#[derive(Debug, Default)]
pub struct Support<'a> {
    stated: HashSet<(&'a str, &'a str, Figure)>,
}

impl<'a> Support<'a> {
    pub fn new(items: &'a [FramedClaim], lex: &'a Lexicon) -> Self {
        let mut stated = HashSet::new();
        for c in items {
            if let Some((family, figure)) = figure(c, lex) {
                stated.insert((c.doc.as_str(), family, figure));
            }
        }
        Support { stated }
    }

    /// True when the article `doc` states `c`'s figure anywhere.
    fn states(&self, doc: &str, c: &FramedClaim, lex: &Lexicon) -> bool {
        figure(c, lex).is_some_and(|(family, f)| self.stated.contains(&(doc, family, f)))
    }

    /// True when each of the two claims' articles also states the other's
    /// figure, so the pair's disagreement is not one between the articles.
    pub fn mutual(&self, x: &FramedClaim, y: &FramedClaim, lex: &Lexicon) -> bool {
        x.doc != y.doc && self.states(&y.doc, x, lex) && self.states(&x.doc, y, lex)
    }
}

/// The family and figure of an asserted claim about a one-off incident.
fn figure<'l>(c: &FramedClaim, lex: &'l Lexicon) -> Option<(&'l str, Figure)> {
    if c.frame.polarity != Polarity::Asserted {
        return None;
    }
    let p = c.frame.predicate.as_deref()?;
    if !lex.is_momentary(p) {
        return None;
    }
    // Interned through the lexicon so the key borrows nothing from `c`.
    let key: &'l String = lex.momentary.get(p)?;
    match (c.claim.kind, c.claim.value.as_ref()?) {
        (Kind::Date, Value::Date { start, end }) if start == end => {
            let family = lex.event_family(key);
            Some((family, Figure::Day(*start)))
        }
        (Kind::Count, Value::Number { low, high }) if low == high => {
            let v = (*low)?;
            (v.fract() == 0.0 && v.abs() < 1e12).then_some((key.as_str(), Figure::Count(v as i64)))
        }
        _ => None,
    }
}

/// Counts of each figure, for tests and diagnostics.
#[cfg(test)]
fn figures(items: &[FramedClaim], lex: &Lexicon) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for c in items {
        if let Some((family, f)) = figure(c, lex) {
            *out.entry(format!("{family}:{f:?}")).or_default() += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Claim;
    use crate::frame::{Frame, Period};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2016, 5, d).unwrap_or_default()
    }

    fn claim(doc: &str, at: usize, predicate: &str, value: Value) -> FramedClaim {
        let kind = match value {
            Value::Date { .. } => Kind::Date,
            _ => Kind::Count,
        };
        FramedClaim {
            claim: Claim::sample(doc, kind, "x", at, value),
            doc: doc.into(),
            frame: Frame {
                entities: vec![],
                predicate: Some(predicate.into()),
                predicate_words: vec![],
                time: Some(Period::closed(day(14), day(14))),
                attribution: None,
                polarity: Polarity::Asserted,
                context: Default::default(),
                ages: Default::default(),
            },
        }
    }

    #[test]
    fn conflicts_stand_unless_each_article_states_the_other_figure() {
        let lex = Lexicon::default();
        let d = |n| Value::dates(day(n), day(n));
        let items = vec![
            // A: shot Saturday (14th), died Sunday (15th); 2 killed.
            claim("a", 0, "shooting", d(14)),
            claim("a", 10, "killed", d(15)),
            claim("a", 20, "killed", Value::exact(2.0)),
            // B: killed Sunday; shot Saturday; 3 killed.
            claim("b", 0, "killed", d(15)),
            claim("b", 10, "shooting", d(14)),
            claim("b", 20, "killed", Value::exact(3.0)),
            // C: shot Tuesday (17th) only.
            claim("c", 0, "shooting", d(17)),
        ];
        let support = Support::new(&items, &lex);
        // (x, y, expected mutual)
        let cases = [
            (0, 3, true),  // a's Saturday vs b's Sunday: both give both days
            (1, 4, true),  // a's Sunday vs b's Saturday
            (2, 5, false), // 2 vs 3 killed: neither states the other's count
            (6, 4, false), // c's Tuesday: a day b never gives
            (6, 0, false),
        ];
        for (x, y, expected) in cases {
            assert_eq!(
                support.mutual(&items[x], &items[y], &lex),
                expected,
                "{x} vs {y}"
            );
        }
        let counts = figures(&items, &lex);
        assert_eq!(counts.get("violence:Day(2016-05-14)"), Some(&2));
        assert_eq!(counts.get("killed:Count(2)"), Some(&1));
    }

    #[test]
    fn denials_and_ranges_state_nothing() {
        let lex = Lexicon::default();
        let mut denied = claim("a", 0, "killed", Value::exact(2.0));
        denied.frame.polarity = Polarity::Denied;
        let range = claim(
            "a",
            5,
            "killed",
            Value::Number {
                low: Some(2.0),
                high: Some(4.0),
            },
        );
        let vote = claim("a", 9, "vote", Value::exact(2.0));
        assert!(figures(&[denied, range, vote], &lex).is_empty());
    }
}
