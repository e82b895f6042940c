//! Time scope: links each non-date claim to the date claim in its clause.
//!
//! Takes the document text, its sentence index and the claims in text order;
//! sets [`Claim::time`] on money, percent, count, duration and measure claims.
//!
//! Rules, in order:
//! 1. Only a date in the same sentence and the same clause counts: the text
//!    between the date and the claim must hold no clause break (";", ":",
//!    ", but", ", although", ", while", ", whereas", "however", a dash
//!    aside " - ", a line break, or a full stop glued to the next sentence).
//! 2. The nearest such date before the claim wins ("In 2013, $13 million …");
//!    otherwise the nearest after it with no comma between ("… sold $5
//!    million in 2013").
//! 3. Dates joined by "and", "or" or a comma scope together as one interval
//!    ("two elections in 2003 and 2010" → 2003–2010).
//! 4. A clause with no date but an anaphor ("during the same period", "that
//!    year", "the same year") takes the scope of the latest earlier claim
//!    that has one.
//!
//! Dates with no resolved value (relative dates in an undated article) still
//! scope, with null `start`/`end`, so the comparer knows the claim is dated.

use super::words::{find_any_ci, find_ci, rfind_ci};
use crate::claim::{Claim, Kind, Span, TimeScope};
use crate::text::TextIndex;

/// Text that ends a clause when it lies between a date and a claim (lower case).
const CLAUSE_BREAKS: &[&str] = &[
    ";",
    ":",
    ", but ",
    " but ",
    ", although",
    ", though",
    ", while",
    ", whereas",
    "however",
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    "\u{2014}",
    "\n",
];

/// Words that join coordinated dates ("2003 and 2010", "2003, 2008 and 2010").
const DATE_JOINERS: &[&str] = &["and", "or", ",", ", and", ", or", "&"];

/// Phrases that refer back to the time of an earlier claim (lower case).
const TIME_ANAPHORS: &[&str] = &[
    "the same period",
    "the same year",
    "the same time",
    "the same month",
    "that year",
    "that period",
    "that month",
];

/// Sets `time` on non-date claims from the date claim in the same clause.
pub fn attach(text: &str, index: &TextIndex, claims: &mut [Claim]) {
    let dates: Vec<usize> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == Kind::Date)
        .map(|(i, _)| i)
        .collect();
    let mut last_scope: Option<(Span, TimeScope)> = None;
    for ci in 0..claims.len() {
        if claims[ci].kind == Kind::Date {
            continue;
        }
        let span = claims[ci].span;
        let sentence = index.sentence_at(span.start);
        let scope = scope_for(text, claims, &dates, span, sentence).or_else(|| {
            let (prev_sentence, prev) = last_scope.as_ref()?;
            // The clause lies inside the sentence: a sentence without an
            // anaphor (nearly all of them) needs no clause.
            if prev_sentence.start >= sentence.start || !has_anaphor(text, sentence) {
                return None;
            }
            let clause = clause_around(text, span, sentence);
            has_anaphor(text, clause).then(|| prev.clone())
        });
        if let Some(s) = &scope {
            last_scope = Some((sentence, s.clone()));
        }
        if let Some(c) = claims.get_mut(ci) {
            c.time = scope;
        }
    }
}

/// The scope of the claim at `span` from the dates (indices into `claims`).
fn scope_for(
    text: &str,
    claims: &[Claim],
    dates: &[usize],
    span: Span,
    sentence: Span,
) -> Option<TimeScope> {
    let pos = dates.partition_point(|&d| claims[d].span.start < span.start);
    let in_clause = |k: usize, before: bool| -> bool {
        let Some(&d) = dates.get(k) else {
            return false;
        };
        let ds = claims[d].span;
        if ds.start < sentence.start || ds.end > sentence.end || ds.overlaps(&span) {
            return false;
        }
        let gap = if before {
            text.get(ds.end..span.start)
        } else {
            text.get(span.end..ds.start)
        };
        // A date after the claim must follow it closely: no comma between
        // ("in his five years as minister, he visited … earlier this month").
        gap.is_some_and(|g| !has_clause_break(g) && (before || !g.contains(',')))
    };
    let chosen = pos
        .checked_sub(1)
        .filter(|&k| in_clause(k, true))
        .or_else(|| Some(pos).filter(|&k| in_clause(k, false)))?;
    // Widen to coordinated dates on both sides.
    let joined = |a: usize, b: usize| -> bool {
        let (Some(&da), Some(&db)) = (dates.get(a), dates.get(b)) else {
            return false;
        };
        let (ea, sb) = (claims[da].span.end, claims[db].span.start);
        ea <= sb
            && text
                .get(ea..sb)
                .is_some_and(|g| DATE_JOINERS.contains(&g.trim()) || g.trim().is_empty())
            && claims[db].span.end <= sentence.end
            && claims[da].span.start >= sentence.start
            && !(claims[da].span.end <= span.start && span.end <= claims[db].span.start)
    };
    let mut first = chosen;
    while first > 0 && joined(first - 1, first) {
        first -= 1;
    }
    let mut last = chosen;
    while joined(last, last + 1) {
        last += 1;
    }
    let a = &claims[dates[first]];
    let b = &claims[dates[last]];
    let whole = Span::new(a.span.start, b.span.end);
    let (start, end) = if first == last {
        // "Since October 2014, 15 children have been killed": from then on.
        match a.value.as_ref().and_then(|v| v.interval()) {
            Some((s, e)) => a.qualifier.period(s, e),
            None => (None, None),
        }
    } else {
        let ia = a.value.as_ref().and_then(|v| v.interval());
        let ib = b.value.as_ref().and_then(|v| v.interval());
        match (ia, ib) {
            (Some((s1, e1)), Some((s2, e2))) => (Some(s1.min(s2)), Some(e1.max(e2))),
            _ => (None, None),
        }
    };
    Some(TimeScope {
        text: text
            .get(whole.start..whole.end)
            .unwrap_or_default()
            .to_string(),
        span: whole,
        start,
        end,
        unit: a.unit.clone().unwrap_or_default(),
    })
}

/// True when the text of `span` holds one of the [`TIME_ANAPHORS`].
fn has_anaphor(text: &str, span: Span) -> bool {
    let t = text.get(span.start..span.end).unwrap_or("").as_bytes();
    find_any_ci(t, TIME_ANAPHORS).is_some()
}

/// Words before "as the" that make it a comparison or an example ("such as
/// the", "as well as the", "twice as many as the"), not a clause.
const AS_COMPARISONS: &[&str] = &[
    "such", "well", "much", "many", "same", "far", "long", "soon", "just", "twice", "so",
];

/// True when "as the" opens a clause in `gap` ("police spent the past two
/// days there as the community waited to hear how three people died").
fn has_as_clause(gap: &str) -> bool {
    const AS_THE: &[u8] = b" as the ";
    let bytes = gap.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|b| find_ci(b, AS_THE)) {
        let at = from + at;
        let before = gap.get(..at).and_then(|h| h.split_whitespace().last());
        if !before.is_some_and(|w| AS_COMPARISONS.iter().any(|c| w.eq_ignore_ascii_case(c))) {
            return true;
        }
        from = at + AS_THE.len() - 1;
    }
    false
}

/// True when `gap` (text between a date and a claim) crosses a clause boundary.
fn has_clause_break(gap: &str) -> bool {
    if find_any_ci(gap.as_bytes(), CLAUSE_BREAKS).is_some() || has_as_clause(gap) {
        return true;
    }
    // Sentences the splitter merged: "… book.Liberman will …", "… years. He …".
    let bytes = gap.as_bytes();
    bytes.windows(2).enumerate().any(|(i, w)| {
        matches!(w[0], b'.' | b'!' | b'?')
            && (w[1].is_ascii_uppercase()
                || (w[1] == b' ' && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)))
    })
}

/// The clause of `sentence` holding `span`: from the last break before it to
/// the first break after it.
fn clause_around(text: &str, span: Span, sentence: Span) -> Span {
    let Some(before) = text.get(sentence.start..span.start) else {
        return sentence;
    };
    let Some(after) = text.get(span.end..sentence.end) else {
        return sentence;
    };
    let start = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| rfind_ci(before.as_bytes(), b.as_bytes()).map(|i| i + b.len()))
        .max()
        .map_or(sentence.start, |i| sentence.start + i);
    let end = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| find_ci(after.as_bytes(), b.as_bytes()))
        .min()
        .map_or(sentence.end, |i| span.end + i);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Mention, Value};
    use crate::extract::date;
    use chrono::NaiveDate;

    /// Claims of `text`: its dates (from the date extractor) and the given
    /// quantity phrases as money claims, so these tests do not depend on the
    /// quantity extractor.
    fn extract_text(
        _id: &str,
        text: &str,
        _body: usize,
        published: Option<NaiveDate>,
    ) -> Vec<Claim> {
        let mut mentions: Vec<Mention> = date::scan(text, published);
        for q in QUANTITIES {
            let mut from = 0;
            while let Some(i) = text.get(from..).and_then(|t| t.find(q)) {
                let s = from + i;
                mentions.push(Mention::new(
                    Kind::Money,
                    Span::new(s, s + q.len()),
                    Some(Value::exact(1.0)),
                ));
                from = s + q.len();
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        let index = TextIndex::new(text);
        let mut claims: Vec<Claim> = mentions
            .into_iter()
            .map(|m| {
                let sentence_span = index.sentence_at(m.span.start);
                Claim {
                    id: String::new(),
                    kind: m.kind,
                    text: text[m.span.start..m.span.end].to_string(),
                    span: m.span,
                    line: 1,
                    column: 1,
                    value: m.value,
                    unit: m.unit,
                    qualifier: m.qualifier,
                    sentence: String::new(),
                    sentence_span,
                    noun: None,
                    normalized: None,
                    relative: m.relative,
                    anchor: m.anchor,
                    time: None,
                }
            })
            .collect();
        attach(text, &index, &mut claims);
        claims
    }

    const QUANTITIES: &[&str] = &[
        "five years",
        "$13 million",
        "$5 million",
        "two elections",
        "$40 million",
        "$9 million",
        "2%",
        "400 people",
        "300 people",
        "$2 million",
        "$13,000",
        "at least 15 children",
        "$3 million",
        "40 tanks",
    ];

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (text, published, claim text, expected scope text, start, end)
    type Case = (
        &'static str,
        Option<&'static str>,
        &'static str,
        Option<&'static str>,
        Option<(&'static str, &'static str)>,
    );

    #[test]
    fn scopes() {
        let cases: &[Case] = &[
            (
                "In 2013, $13 million worth of arms were sold to buyers.",
                None,
                "$13 million",
                Some("2013"),
                Some(("2013-01-01", "2013-12-31")),
            ),
            (
                "Last year the country exported a modest $13 million of goods.",
                Some("2017-07-10"),
                "$13 million",
                Some("Last year"),
                Some(("2016-01-01", "2016-12-31")),
            ),
            (
                "Last year the country exported a modest $13 million of goods.",
                None,
                "$13 million",
                Some("Last year"),
                None,
            ),
            (
                "The firm sold $5 million of rifles in 2016 to the army.",
                None,
                "$5 million",
                Some("2016"),
                Some(("2016-01-01", "2016-12-31")),
            ),
            (
                "He won two elections in 2003 and 2010 by wide margins.",
                None,
                "two elections",
                Some("2003 and 2010"),
                Some(("2003-01-01", "2010-12-31")),
            ),
            (
                "Sales rose in 2015; exports reached $40 million.",
                None,
                "$40 million",
                None,
                None,
            ),
            (
                "In 2014 the ministry spent 2% of its budget, but it spent $9 million on roads.",
                None,
                "$9 million",
                None,
                None,
            ),
            (
                "In 2014 the ministry spent 2% of its budget, but it spent $9 million on roads.",
                None,
                "2%",
                Some("2014"),
                Some(("2014-01-01", "2014-12-31")),
            ),
            (
                "In 2011 the town had 400 people.In 2012 it lost 300 people.",
                None,
                "400 people",
                Some("2011"),
                Some(("2011-01-01", "2011-12-31")),
            ),
            (
                "In his five years as minister, he went there earlier this month.",
                Some("2017-09-24"),
                "five years",
                None,
                None,
            ),
            (
                "Sales hit $2 million. Nothing else happened in 2012.",
                None,
                "$2 million",
                None,
                None,
            ),
        ];
        let mut failures = Vec::new();
        for &(text, published, claim_text, want_text, want_iv) in cases {
            let claims = extract_text("t", text, 0, published.map(d));
            let Some(c) = claims.iter().find(|c| c.text == claim_text) else {
                failures.push(format!(
                    "{text:?}: no claim {claim_text:?} in {:?}",
                    claims.iter().map(|c| &c.text).collect::<Vec<_>>()
                ));
                continue;
            };
            let got_text = c.time.as_ref().map(|t| t.text.as_str());
            let got_iv = c.time.as_ref().and_then(|t| t.start.zip(t.end));
            let want = want_iv.map(|(s, e)| (d(s), d(e)));
            if got_text != want_text || got_iv != want {
                failures.push(format!("{text:?} {claim_text:?}: got {got_text:?} {got_iv:?}, want {want_text:?} {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn qualified_dates_scope_open_periods() {
        // (text, claim, start, end)
        let cases = [
            (
                "Since October 2014, at least 15 children have been murdered in the city.",
                "at least 15 children",
                Some("2014-10-01"),
                None,
            ),
            (
                "Until 2012 the firm sold $3 million of rifles a year.",
                "$3 million",
                None,
                Some("2012-12-31"),
            ),
            (
                "Before 2020 the country bought 40 tanks.",
                "40 tanks",
                None,
                Some("2019-12-31"),
            ),
            (
                "In 2013 the country bought 40 tanks.",
                "40 tanks",
                Some("2013-01-01"),
                Some("2013-12-31"),
            ),
        ];
        for (text, claim_text, start, end) in cases {
            let claims = extract_text("t", text, 0, None);
            let c = claims.iter().find(|c| c.text == claim_text);
            let got = c.and_then(|c| c.time.as_ref()).map(|t| (t.start, t.end));
            assert_eq!(got, Some((start.map(d), end.map(d))), "{text}");
        }
    }

    #[test]
    fn anaphor_inherits_the_previous_scope() {
        let text = "Last year the country exported $13 million of goods. It imported $13,000 during the same period.";
        let claims = extract_text("t", text, 0, Some(d("2017-07-10")));
        let c = claims.iter().find(|c| c.text == "$13,000").expect("claim");
        let t = c.time.as_ref().expect("scope");
        assert_eq!(t.text, "Last year");
        assert_eq!(t.start, Some(d("2016-01-01")));
    }

    #[test]
    fn breaks() {
        for (gap, want) in [
            (", ", false),
            (" the firm sold ", false),
            ("; then ", true),
            (", although the ", true),
            (" book.Liberman ", true),
            (" years. He ", true),
            (" - who ", true),
            (
                " at the home gathering evidence as the community waited to hear how the ",
                true,
            ),
            (" weapons such as the ", false),
            (" officers as well as the ", false),
            (" twice as many as the ", false),
            (" Weapons Such As The ", false),
            (" such as the rifles sold as the war began ", true),
        ] {
            assert_eq!(has_clause_break(gap), want, "{gap:?}");
        }
    }
}
