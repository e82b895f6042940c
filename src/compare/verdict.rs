//! Verdicts on aligned pairs: agree, conflict or related, with a severity and
//! a one-sentence explanation that names both claims.
//!
//! Numbers: compatible after units, qualifiers, ranges and rounding → agree
//! (saying when only rounding makes them meet); incompatible for the same
//! period → conflict; different periods, units or an unclear time scope →
//! related. A SIPRI TIV against a currency is a category issue (related,
//! warning), never an agreement. Events (dated statements): an assertion
//! against a denial over overlapping time → conflict.

use crate::claim::Kind;
use crate::frame::predicate::clause_of;
use crate::frame::words::contains_phrase;
use crate::frame::{FramedClaim, Lexicon, Polarity};
use crate::report::claims::format_number;

use super::align::{AlignConfig, is_reference};
use super::finding::{Severity, Verdict};
use super::restate::restates;
use super::value::{Fit, fit, interval};

/// A verdict on one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub severity: Severity,
    pub explanation: String,
}

impl Judgement {
    fn new(verdict: Verdict, severity: Severity, explanation: String) -> Self {
        Judgement {
            verdict,
            severity,
            explanation,
        }
    }
}

/// Units that are not money even when written beside money claims.
const NON_CURRENCY_UNITS: &[(&str, &str)] = &[(
    "TIV",
    "a SIPRI trend-indicator value (TIV) measures the volume of arms transferred and is not a price in dollars",
)];

/// Judges an aligned pair; `lex` names predicates in explanations.
pub fn judge(
    x: &FramedClaim,
    y: &FramedClaim,
    config: &AlignConfig,
    lex: &Lexicon,
) -> Option<Judgement> {
    if x.claim.kind == Kind::Date && y.claim.kind == Kind::Date {
        return Some(judge_events(x, y, lex));
    }
    if x.claim.kind == Kind::Date || y.claim.kind == Kind::Date {
        return None;
    }
    Some(judge_numbers(x, y, config, lex))
}

/// "000 “$13 million”" or, for reference facts, "reference sipri-israel-rwanda-2013 “TIV 12.75 million”".
pub fn who(c: &FramedClaim) -> String {
    let source = c
        .frame
        .attribution
        .as_deref()
        .map(|a| format!(" (per {a})"))
        .unwrap_or_default();
    if is_reference(c) {
        let id = c
            .claim
            .id
            .trim_start_matches(super::align::REFERENCE_PREFIX);
        format!("the reference fact {id} “{}”{source}", c.claim.text)
    } else {
        format!("{} “{}”{source}", c.doc, c.claim.text)
    }
}

fn period(c: &FramedClaim) -> String {
    c.frame
        .time
        .map_or("an unknown time".to_string(), |t| t.label())
}

fn judge_events(x: &FramedClaim, y: &FramedClaim, lex: &Lexicon) -> Judgement {
    let (Some(tx), Some(ty)) = (x.frame.time, y.frame.time) else {
        return Judgement::new(
            Verdict::Related,
            Severity::Info,
            format!(
                "{} and {} report the same kind of event, but one cannot be placed in time.",
                who(x),
                who(y)
            ),
        );
    };
    let what = x
        .frame
        .predicate
        .as_deref()
        .map_or("events", |p| lex.label(p));
    if !tx.overlaps(&ty) {
        if let Some(j) = incident_days_differ(x, y, lex) {
            return j;
        }
        return Judgement::new(
            Verdict::Related,
            Severity::Info,
            format!(
                "{} places {what} in {} and {} in {}: different periods.",
                who(x),
                tx.label(),
                who(y),
                ty.label()
            ),
        );
    }
    let incident = x
        .frame
        .predicate
        .as_deref()
        .is_some_and(|p| lex.is_momentary(p));
    match (x.frame.polarity, y.frame.polarity) {
        // A negation in a clause about an incident ("injuries did not
        // appear life-threatening", "arrested without incident") rarely
        // denies the incident; zero counts carry real denials.
        (px, py) if px != py && incident => Judgement::new(
            Verdict::Related,
            Severity::Info,
            format!(
                "{} and {} date {what} to overlapping periods ({} / {}); one clause is negated.",
                who(x),
                who(y),
                tx.label(),
                ty.label()
            ),
        ),
        (px, py) if px == py => Judgement::new(
            Verdict::Agree,
            Severity::Info,
            format!(
                "{} and {} both {} {what} in overlapping periods ({} / {}).",
                who(x),
                who(y),
                if px == Polarity::Denied {
                    "deny"
                } else {
                    "report"
                },
                tx.label(),
                ty.label()
            ),
        ),
        (px, _) => {
            let (asserted, denied) = if px == Polarity::Asserted {
                (x, y)
            } else {
                (y, x)
            };
            Judgement::new(
                Verdict::Conflict,
                Severity::Error,
                format!(
                    "{} reports {what} ({}), but {} says there were none ({}); the periods overlap.",
                    who(asserted),
                    period(asserted),
                    who(denied),
                    period(denied)
                ),
            )
        }
    }
}

/// Two articles (or two sentences of one) dating the same one-off incident
/// ("killed Saturday") to different single days: the aligner only pairs
/// them when their stories are the same (within one article: when a later
/// sentence retells its lead's incident), so the dates conflict — unless
/// the difference has a reading in which both are right (see
/// [`days_reconcile`]).
fn incident_days_differ(x: &FramedClaim, y: &FramedClaim, lex: &Lexicon) -> Option<Judgement> {
    let (px, py) = (x.frame.predicate.as_deref()?, y.frame.predicate.as_deref()?);
    let single_day = |c: &FramedClaim| {
        c.frame
            .time
            .and_then(|t| t.start.filter(|_| t.start == t.end))
    };
    let (dx, dy) = (single_day(x)?, single_day(y)?);
    let applies = lex.is_momentary(px)
        && lex.is_momentary(py)
        && lex.event_family(px) == lex.event_family(py)
        && x.frame.polarity == Polarity::Asserted
        && y.frame.polarity == Polarity::Asserted;
    if !applies {
        return None;
    }
    let day = |c: &FramedClaim, predicate, day| {
        let clause = clause_of(&c.claim).to_lowercase();
        IncidentDay {
            predicate,
            day,
            death: dates_a_death(&clause, lex),
            on_the_spot: killed_on_the_spot(&clause, lex),
        }
    };
    if let Some(why) = days_reconcile(
        day(x, px, dx),
        day(y, py, dy),
        x.claim.relative || y.claim.relative,
        lex,
    ) {
        return Some(Judgement::new(
            Verdict::Related,
            Severity::Info,
            format!(
                "{} dates the incident ({}) to {} and {} to {}; {why}.",
                who(x),
                lex.label(px),
                period(x),
                who(y),
                period(y)
            ),
        ));
    }
    let teller = if x.doc == y.doc {
        "the article"
    } else {
        "the same story"
    };
    Some(Judgement::new(
        Verdict::Conflict,
        Severity::Error,
        format!(
            "{} dates the incident ({}) to {} but {} to {}: {teller} gives two different days.",
            who(x),
            lex.label(px),
            period(x),
            who(y),
            period(y)
        ),
    ))
}

/// True when a claim's clause (lower case) says someone died later ("died
/// Sunday", "succumbed to his wounds", "was pronounced dead at the
/// hospital"; the words are the lexicon's `death_words`), not "pronounced
/// dead at the scene", which is the day of the attack.
fn dates_a_death(clause: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = clause.split(|ch: char| !ch.is_alphabetic()).collect();
    words.iter().any(|w| lex.death_words.contains(*w)) && !words.contains(&"scene")
}

/// True when a claim's clause (lower case) puts the death on the attack's
/// day ("was shot and killed early Thursday"; the lexicon's
/// `on_the_spot_phrases`).
fn killed_on_the_spot(clause: &str, lex: &Lexicon) -> bool {
    lex.on_the_spot_phrases
        .iter()
        .any(|p| contains_phrase(clause, p))
}

/// One article's day for an incident: its predicate, the day, whether the
/// clause dates a death ([`dates_a_death`]), and whether it says the victim
/// died in the attack ([`killed_on_the_spot`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct IncidentDay<'a> {
    pub predicate: &'a str,
    pub day: chrono::NaiveDate,
    pub death: bool,
    pub on_the_spot: bool,
}

/// Why two days given for one incident may both be right, if they may:
/// adjacent days (a shooting around midnight is dated to either; a victim
/// dies the next day), whole weeks apart when a weekday was read
/// (`relative`: "Saturday" resolved in another week), or a death dated
/// after the shooting (the victim died later of the wounds: only when that
/// article says the victim died, not "was killed", which dates the attack).
pub(crate) fn days_reconcile(
    x: IncidentDay,
    y: IncidentDay,
    relative: bool,
    lex: &Lexicon,
) -> Option<&'static str> {
    let gap = (x.day - y.day).num_days().abs();
    if gap <= 1 {
        return Some(
            "adjacent days: an incident around midnight is dated to either, and a death may follow the next day",
        );
    }
    if relative && gap % 7 == 0 {
        return Some(
            "a whole number of weeks apart: the same weekday may have been read in a different week",
        );
    }
    if relative && matches!(gap % 7, 1 | 6) {
        return Some(
            "adjacent weekdays once one is read in the next week: a story updated the next day names the day after",
        );
    }
    // Not when both date the death ("died Tuesday", "died Thursday") or
    // the earlier day is the death's ("shot and killed Thursday"); "one of
    // five people shot October 27 has died" dates the shooting.
    let death_after_shooting = |later: IncidentDay, earlier: IncidentDay| {
        later.death
            && !earlier.on_the_spot
            && !(earlier.death && earlier.predicate == later.predicate)
            && lex.outcome_after(later.predicate, earlier.predicate)
            && later.day > earlier.day
    };
    (death_after_shooting(x, y) || death_after_shooting(y, x)).then_some(
        "the death is dated after the shooting: the victim may have died later of the wounds",
    )
}

/// Two claims about one incident that differ, where each article also
/// states the other's figure elsewhere: not a disagreement between them.
pub fn both_stated(x: &FramedClaim, y: &FramedClaim) -> Judgement {
    Judgement::new(
        Verdict::Related,
        Severity::Info,
        format!(
            "{} and {} differ, but each article also states the other's figure: the story has both.",
            who(x),
            who(y)
        ),
    )
}

fn category_issue(unit: &str) -> Option<&'static str> {
    NON_CURRENCY_UNITS
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, why)| *why)
}

fn judge_numbers(
    x: &FramedClaim,
    y: &FramedClaim,
    config: &AlignConfig,
    lex: &Lexicon,
) -> Judgement {
    let ux = x.claim.unit.clone().unwrap_or_default();
    let uy = y.claim.unit.clone().unwrap_or_default();
    let (ix, iy) = match (
        interval(&x.claim, config.approx_tolerance),
        interval(&y.claim, config.approx_tolerance),
    ) {
        (Some(a), Some(b)) => (a, b),
        _ => {
            return Judgement::new(
                Verdict::Related,
                Severity::Info,
                format!(
                    "{} and {} are about the same thing, but one has no value.",
                    who(x),
                    who(y)
                ),
            );
        }
    };
    let fits = fit(&ix, &iy, config.tolerance);
    let times = (x.frame.time, y.frame.time);
    if let (Some(tx), Some(ty)) = times
        && !tx.overlaps(&ty)
    {
        return Judgement::new(
            Verdict::Related,
            Severity::Info,
            format!(
                "{} refers to {} and {} to {}: different periods.",
                who(x),
                tx.label(),
                who(y),
                ty.label()
            ),
        );
    }
    if ux != uy && x.claim.kind == Kind::Money {
        if let Some(why) = category_issue(&ux).or(category_issue(&uy)) {
            let numbers = if fits == Fit::Apart {
                "differ in number as well"
            } else {
                "match only in number"
            };
            return Judgement::new(
                Verdict::Related,
                Severity::Warning,
                format!(
                    "Category issue: {} ({ux}) is compared with {} ({uy}); {why}, so the figures {numbers}.",
                    who(x),
                    who(y)
                ),
            );
        }
        return Judgement::new(
            Verdict::Related,
            Severity::Info,
            format!(
                "{} and {} are in different currencies ({ux} vs {uy}); no exchange rate is applied.",
                who(x),
                who(y)
            ),
        );
    }
    if x.frame.polarity == Polarity::Denied || y.frame.polarity == Polarity::Denied {
        return Judgement::new(
            Verdict::Related,
            Severity::Info,
            format!(
                "{} and {} are about the same thing, but one is stated as a denial.",
                who(x),
                who(y)
            ),
        );
    }
    let why = if fits != Fit::Apart {
        None
    } else if x.doc == y.doc && incident_count(x, lex) && incident_count(y, lex) && !restates(x, y)
    {
        Some(
            "one article giving two counts for its incident counts two groups (at the scene, in hospital, shooters and victims) far more often than it contradicts itself",
        )
    } else {
        different_groups(x, y, &ix, &iy, lex).or_else(|| loose_or_partial(x, y, &ix, &iy, lex))
    };
    if let Some(why) = why {
        return Judgement::new(
            Verdict::Related,
            Severity::Info,
            format!(
                "{} ({}) and {} ({}) count different groups: {why}.",
                who(x),
                show(&ix),
                who(y),
                show(&iy)
            ),
        );
    }
    match fits {
        Fit::Exact => Judgement::new(
            Verdict::Agree,
            Severity::Info,
            format!(
                "{} and {} agree ({} / {}).",
                who(x),
                who(y),
                show(&ix),
                show(&iy)
            ),
        ),
        Fit::Rounding => Judgement::new(
            Verdict::Agree,
            Severity::Info,
            format!(
                "{} and {} agree only as rounding ({} vs {}).",
                who(x),
                who(y),
                show(&ix),
                show(&iy)
            ),
        ),
        Fit::Apart if times.0.is_some() != times.1.is_some() => Judgement::new(
            Verdict::Related,
            Severity::Warning,
            format!(
                "{} ({}) and {} ({}) differ, but only one of them states its period, so they may not be about the same time.",
                who(x),
                show(&ix),
                who(y),
                show(&iy)
            ),
        ),
        Fit::Apart => Judgement::new(
            Verdict::Conflict,
            Severity::Error,
            format!(
                "{} ({}) and {} ({}) state incompatible values for the same {}.",
                who(x),
                show(&ix),
                who(y),
                show(&iy),
                x.frame
                    .time
                    .map_or("frame".to_string(), |t| format!("period ({})", t.label()))
            ),
        ),
    }
}

/// True for a count of a one-off incident's casualties.
fn incident_count(c: &FramedClaim, lex: &Lexicon) -> bool {
    c.claim.kind == Kind::Count
        && c.frame
            .predicate
            .as_deref()
            .is_some_and(|p| lex.is_momentary(p))
}

/// Why two differing counts of people may both hold, if they may: they
/// count different groups ("two men" and "three children"), or a group
/// and everyone with the group's count no larger ("two men" of "three
/// people").
fn different_groups(
    x: &FramedClaim,
    y: &FramedClaim,
    ix: &super::value::Interval,
    iy: &super::value::Interval,
    lex: &Lexicon,
) -> Option<&'static str> {
    if x.claim.kind != Kind::Count || y.claim.kind != Kind::Count {
        return None;
    }
    let (nx, ny) = (x.claim.noun.as_deref()?, y.claim.noun.as_deref()?);
    let (gx, gy) = (lex.person_group(nx), lex.person_group(ny));
    // "Four others" reaches here only as everyone of its outcome ("one
    // killed and four others injured"): a part of a group is never aligned.
    let everyone = |n: &str| {
        lex.noun_class(n).as_deref() == Some("people")
            || n.split_whitespace()
                .last()
                .is_some_and(|w| lex.remainder_nouns.contains(&w.to_lowercase()))
    };
    match (gx, gy) {
        (Some(a), Some(b)) if a != b => Some("two groups of people, which may overlap or add up"),
        (Some(_), None) if everyone(ny) && ix.high <= iy.low => {
            Some("the group is part of everyone counted")
        }
        (None, Some(_)) if everyone(nx) && iy.high <= ix.low => {
            Some("the group is part of everyone counted")
        }
        _ => None,
    }
}

/// How far past its range a loose count ("several") may fall short of a
/// figure and still be no contradiction of it.
const LOOSE_COUNT_SLACK: f64 = 2.0;

/// Why two differing counts of an incident may both hold because one of
/// them is no full count: a loose word ("several victims"), or a part of a
/// later total no larger than it ("two died at the scene", "police
/// initially found five").
fn loose_or_partial(
    x: &FramedClaim,
    y: &FramedClaim,
    ix: &super::value::Interval,
    iy: &super::value::Interval,
    lex: &Lexicon,
) -> Option<&'static str> {
    if !(incident_count(x, lex) && incident_count(y, lex)) {
        return None;
    }
    let has = |c: &FramedClaim, phrases: &[String]| {
        let text = c.claim.text.to_lowercase();
        phrases.iter().any(|p| contains_phrase(&text, p))
    };
    // A loose count is a first impression, not a figure, within twice its
    // range: "several" (3–9) beside "more than a dozen", not beside 40.
    let loose = |c: &FramedClaim, own: &super::value::Interval, other: &super::value::Interval| {
        has(c, &lex.loose_count_words) && other.low <= LOOSE_COUNT_SLACK * own.high
    };
    if loose(x, ix, iy) || loose(y, iy, ix) {
        return Some("a loose count (\"several\") is no figure to contradict");
    }
    let partial = |c: &FramedClaim| {
        let clause = clause_of(&c.claim).to_lowercase();
        lex.partial_count_cues
            .iter()
            .any(|p| contains_phrase(&clause, p))
    };
    let part_of = |a: &FramedClaim, ia: &super::value::Interval, ib: &super::value::Interval| {
        partial(a) && ia.high <= ib.low
    };
    (part_of(x, ix, iy) || part_of(y, iy, ix))
        .then_some("a count at the scene or a first count is part of a later total")
}

/// "13,000,000", "90–∞", "12,750,000".
fn show(i: &super::value::Interval) -> String {
    match (i.low.is_finite(), i.high.is_finite()) {
        (true, true) if i.low == i.high => format_number(i.low),
        (true, true) => format!("{}–{}", format_number(i.low), format_number(i.high)),
        (true, false) => format!("≥ {}", format_number(i.low)),
        (false, true) => format!("≤ {}", format_number(i.high)),
        (false, false) => "any value".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, Qualifier, Value};
    use crate::frame::{Frame, Period};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn numeric(
        doc: &str,
        text: &str,
        value: Value,
        unit: &str,
        q: Qualifier,
        time: Option<Period>,
    ) -> FramedClaim {
        let kind = if unit == "%" {
            Kind::Percent
        } else {
            Kind::Money
        };
        FramedClaim {
            claim: Claim {
                unit: Some(unit.into()),
                qualifier: q,
                ..Claim::sample(doc, kind, text, 0, value)
            },
            doc: doc.into(),
            frame: Frame {
                entities: vec!["Israel".into(), "Rwanda".into()],
                predicate: Some("arms".into()),
                predicate_words: vec![],
                time,
                attribution: Some("SIPRI".into()),
                polarity: Polarity::Asserted,
                context: Default::default(),
                ages: Default::default(),
            },
        }
    }

    fn event(doc: &str, text: &str, time: Option<Period>, polarity: Polarity) -> FramedClaim {
        let mut c = numeric(doc, text, Value::exact(0.0), "", Qualifier::Exact, time);
        c.claim.kind = Kind::Date;
        c.claim.value = time
            .and_then(|t| t.start.zip(t.end))
            .map(|(s, e)| Value::dates(s, e));
        c.frame.polarity = polarity;
        c
    }

    fn y(year: i32) -> Option<Period> {
        Some(Period::closed(d(year, 1, 1), d(year, 12, 31)))
    }

    #[test]
    fn numeric_verdicts() {
        use Qualifier::*;
        let cfg = AlignConfig::default();
        let cases: Vec<(FramedClaim, FramedClaim, Verdict, Severity, &str)> = vec![
            (
                numeric(
                    "a",
                    "over 90%",
                    Value::between(Some(90.0), None),
                    "%",
                    MoreThan,
                    y(2010),
                ),
                numeric("b", "93%", Value::exact(93.0), "%", Exact, y(2010)),
                Verdict::Agree,
                Severity::Info,
                "agree (",
            ),
            (
                numeric(
                    "a",
                    "$13 million",
                    Value::exact(13e6),
                    "USD",
                    Exact,
                    y(2013),
                ),
                numeric(
                    "b",
                    "$12.75 million",
                    Value::exact(12.75e6),
                    "USD",
                    Exact,
                    y(2013),
                ),
                Verdict::Agree,
                Severity::Info,
                "only as rounding",
            ),
            (
                numeric(
                    "a",
                    "$13 million",
                    Value::exact(13e6),
                    "USD",
                    Exact,
                    y(2013),
                ),
                numeric(
                    "b",
                    "$20 million",
                    Value::exact(20e6),
                    "USD",
                    Exact,
                    y(2013),
                ),
                Verdict::Conflict,
                Severity::Error,
                "incompatible",
            ),
            (
                numeric(
                    "a",
                    "$13 million",
                    Value::exact(13e6),
                    "USD",
                    Exact,
                    y(2013),
                ),
                numeric(
                    "reference:sipri",
                    "TIV 12.75 million",
                    Value::exact(12.75e6),
                    "TIV",
                    Exact,
                    y(2013),
                ),
                Verdict::Related,
                Severity::Warning,
                "not a price in dollars",
            ),
            (
                numeric(
                    "a",
                    "$13 million",
                    Value::exact(13e6),
                    "USD",
                    Exact,
                    y(2013),
                ),
                numeric(
                    "b",
                    "$20 million",
                    Value::exact(20e6),
                    "USD",
                    Exact,
                    y(2016),
                ),
                Verdict::Related,
                Severity::Info,
                "different periods",
            ),
            (
                numeric(
                    "a",
                    "$13 million",
                    Value::exact(13e6),
                    "USD",
                    Exact,
                    y(2013),
                ),
                numeric(
                    "b",
                    "€20 million",
                    Value::exact(20e6),
                    "EUR",
                    Exact,
                    y(2013),
                ),
                Verdict::Related,
                Severity::Info,
                "different currencies",
            ),
            (
                numeric("a", "$13 million", Value::exact(13e6), "USD", Exact, None),
                numeric(
                    "b",
                    "$20 million",
                    Value::exact(20e6),
                    "USD",
                    Exact,
                    y(2013),
                ),
                Verdict::Related,
                Severity::Warning,
                "only one of them",
            ),
        ];
        for (a, b, verdict, severity, words) in cases {
            let j = judge(&a, &b, &cfg, &Lexicon::default()).unwrap();
            assert_eq!(
                (j.verdict, j.severity),
                (verdict, severity),
                "{} vs {}: {}",
                a.claim.text,
                b.claim.text,
                j.explanation
            );
            assert!(j.explanation.contains(words), "{}", j.explanation);
            assert!(j.explanation.contains(&a.claim.text) && j.explanation.contains(&b.claim.text));
        }
    }

    #[test]
    fn incident_date_verdicts() {
        let cfg = AlignConfig::default();
        let lex = Lexicon::default();
        let one = |y, m, dd| Some(Period::closed(d(y, m, dd), d(y, m, dd)));
        let incident = |doc: &str, pred: &str, time, polarity| {
            let mut c = event(doc, "Saturday", time, polarity);
            c.frame.predicate = Some(pred.into());
            c
        };
        let said = |mut c: FramedClaim, sentence: &str| {
            c.claim.sentence = sentence.into();
            c
        };
        let relative = |mut c: FramedClaim| {
            c.claim.relative = true;
            c
        };
        use Polarity::*;
        let cases = [
            // Two days for one killing: conflict.
            (
                incident("a", "killed", one(2016, 5, 14), Asserted),
                incident("b", "killed", one(2016, 5, 17), Asserted),
                Verdict::Conflict,
            ),
            // Same day: agree.
            (
                incident("a", "killed", one(2016, 5, 14), Asserted),
                incident("b", "killed", one(2016, 5, 14), Asserted),
                Verdict::Agree,
            ),
            // A shooting and a later death are not two dates of one thing …
            (
                incident("a", "shooting", one(2016, 5, 14), Asserted),
                said(
                    incident("b", "killed", one(2016, 5, 16), Asserted),
                    "The boy died of his wounds Monday.",
                ),
                Verdict::Related,
            ),
            // … but "was killed" dates the attack,
            (
                incident("a", "shooting", one(2016, 5, 14), Asserted),
                said(
                    incident("b", "killed", one(2016, 5, 16), Asserted),
                    "The boy was killed Monday.",
                ),
                Verdict::Conflict,
            ),
            // … and so do a "shooting death" and a death at the scene.
            (
                incident("a", "shooting", one(2016, 5, 14), Asserted),
                said(
                    incident("b", "killed", one(2016, 5, 16), Asserted),
                    "Doe was killed Monday in a shooting death on Elm Street.",
                ),
                Verdict::Conflict,
            ),
            (
                incident("a", "shooting", one(2016, 5, 14), Asserted),
                said(
                    incident("b", "killed", one(2016, 5, 16), Asserted),
                    "He was pronounced dead at the scene Monday.",
                ),
                Verdict::Conflict,
            ),
            // A death in another clause of the sentence dates nothing here.
            (
                incident("a", "shooting", one(2016, 5, 14), Asserted),
                said(
                    incident("b", "killed", one(2016, 5, 16), Asserted),
                    "The boy was killed Monday, although his uncle died years ago.",
                ),
                Verdict::Conflict,
            ),
            // A week-long period is not a day.
            (
                incident(
                    "a",
                    "killed",
                    Some(Period::closed(d(2016, 5, 1), d(2016, 5, 7))),
                    Asserted,
                ),
                incident("b", "killed", one(2016, 5, 17), Asserted),
                Verdict::Related,
            ),
            // A negated clause about an incident is not a denial of it.
            (
                incident("a", "injured", one(2016, 5, 14), Asserted),
                incident("b", "injured", one(2016, 5, 14), Denied),
                Verdict::Related,
            ),
            // Within one article too: the aligner only pairs a lead with a
            // sentence that retells its incident.
            (
                incident("a", "killed", one(2016, 5, 14), Asserted),
                incident("a", "killed", one(2016, 5, 17), Asserted),
                Verdict::Conflict,
            ),
            // A death after a killing: the victim died of the attack later.
            (
                incident("a", "killed", one(2016, 5, 14), Asserted),
                said(
                    incident("b", "killed", one(2016, 5, 17), Asserted),
                    "She died Tuesday after she was shot by her father.",
                ),
                Verdict::Related,
            ),
            // Weekdays six days apart: one read a week off.
            (
                incident("a", "killed", one(2016, 5, 14), Asserted),
                relative(incident("b", "killed", one(2016, 5, 20), Asserted)),
                Verdict::Related,
            ),
            // … but a date written out is not read.
            (
                incident("a", "killed", one(2016, 5, 14), Asserted),
                incident("b", "killed", one(2016, 5, 20), Asserted),
                Verdict::Conflict,
            ),
        ];
        for (k, (a, b, verdict)) in cases.into_iter().enumerate() {
            let j = judge(&a, &b, &cfg, &lex).unwrap();
            assert_eq!(j.verdict, verdict, "case {k}: {}", j.explanation);
            assert_eq!(
                judge(&b, &a, &cfg, &lex).unwrap().verdict,
                verdict,
                "case {k} swapped"
            );
        }
    }

    #[test]
    fn event_verdicts() {
        let cfg = AlignConfig::default();
        let recent = Some(Period::closed(d(2016, 3, 20), d(2018, 3, 20)));
        let since = Some(Period::new(Some(d(2014, 1, 1)), None));
        let cases = [
            (
                event("a", "recently", recent, Polarity::Asserted),
                event("b", "since then", since, Polarity::Denied),
                Verdict::Conflict,
            ),
            (
                event("a", "recently", recent, Polarity::Asserted),
                event("b", "In 2013", y(2013), Polarity::Asserted),
                Verdict::Related,
            ),
            (
                event("a", "In 2013", y(2013), Polarity::Asserted),
                event("b", "2013", y(2013), Polarity::Asserted),
                Verdict::Agree,
            ),
            (
                event("a", "In 2013", y(2013), Polarity::Asserted),
                event("b", "since then", since, Polarity::Denied),
                Verdict::Related,
            ),
            (
                event("a", "recently", None, Polarity::Asserted),
                event("b", "since then", since, Polarity::Denied),
                Verdict::Related,
            ),
        ];
        for (a, b, verdict) in cases {
            let j = judge(&a, &b, &cfg, &Lexicon::default()).unwrap();
            assert_eq!(
                j.verdict, verdict,
                "{} vs {}: {}",
                a.claim.text, b.claim.text, j.explanation
            );
            // Symmetric in the order of the claims.
            assert_eq!(
                judge(&b, &a, &cfg, &Lexicon::default()).unwrap().verdict,
                verdict
            );
        }
    }

    #[test]
    fn incident_days_reconcile_only_when_both_may_hold() {
        let lex = Lexicon::default();
        // (predicate x, day x, x dates a death, predicate y, day y,
        // read from a weekday, reconciles)
        let cases = [
            ("shooting", 14, false, "shooting", 15, false, true),
            ("killed", 14, false, "shooting", 14, false, true),
            ("shooting", 14, false, "shooting", 17, false, false),
            ("killed", 17, true, "shooting", 14, false, true),
            // "killed Thursday" dates the attack, not a later death.
            ("killed", 17, false, "shooting", 14, false, false),
            ("shooting", 17, false, "killed", 14, false, false),
            ("killed", 14, true, "injured", 11, false, true),
            // "struck in the head July 14" … "pronounced dead Wednesday".
            ("killed", 20, true, "incident", 17, false, true),
            ("shooting", 7, false, "shooting", 14, true, true),
            ("shooting", 7, false, "shooting", 14, false, false),
            ("shooting", 10, false, "injured", 14, true, false),
        ];
        for (px, dx, death, py, dy, relative, expected) in cases {
            let at = |predicate, day, death| IncidentDay {
                predicate,
                day: d(2016, 5, day),
                death,
                on_the_spot: false,
            };
            let got = days_reconcile(at(px, dx, death), at(py, dy, false), relative, &lex);
            assert_eq!(got.is_some(), expected, "{px} {dx} / {py} {dy}");
        }
        // "died Thursday" against "died Tuesday": two days for one death.
        let died = |day| IncidentDay {
            predicate: "killed",
            day: d(2016, 5, day),
            death: true,
            on_the_spot: false,
        };
        assert!(days_reconcile(died(19), died(17), false, &lex).is_none());
        // "one of five people shot October 27 has died" dates the shooting.
        let shot_has_died = IncidentDay {
            predicate: "shooting",
            ..died(17)
        };
        assert!(days_reconcile(died(19), shot_has_died, false, &lex).is_some());
        // "died Monday" after "was shot and killed early Thursday".
        let shot_and_killed = IncidentDay {
            death: false,
            on_the_spot: true,
            ..died(16)
        };
        assert!(days_reconcile(died(20), shot_and_killed, false, &lex).is_none());
    }

    #[test]
    fn person_groups_name_part_of_everyone() {
        let lex = Lexicon::default();
        for (noun, group) in [
            ("people", None),
            ("victims", None),
            ("men", Some("men")),
            ("police officers", Some("officers")),
            ("Teens", Some("teens")),
            ("Hispanic males", Some("men")),
            ("teenagers", Some("teens")),
            ("shots", None),
            ("others", None),
            ("bodies", None),
        ] {
            assert_eq!(lex.person_group(noun).as_deref(), group, "{noun}");
        }
        // One body, death or fatality per person: counted as people; a
        // city's tally of homicides is not.
        for (noun, class) in [
            ("bodies", Some("people")),
            ("deaths", Some("people")),
            ("fatalities", Some("people")),
            ("homicides", Some("homicides")),
            ("others", None),
        ] {
            assert_eq!(lex.noun_class(noun).as_deref(), class, "{noun}");
        }
    }

    #[test]
    fn loose_and_partial_counts_do_not_contradict_a_total() {
        let lex = Lexicon::default();
        let cfg = AlignConfig::default();
        let count = |doc: &str, sentence: &str, text: &str, value: Value| {
            let at = sentence.find(text).unwrap_or(0);
            let mut c = numeric(doc, text, value, "", Qualifier::Exact, None);
            c.claim.kind = Kind::Count;
            c.claim.unit = None;
            c.claim.noun = text.split_whitespace().last().map(String::from);
            c.claim.sentence = sentence.into();
            c.claim.sentence_span = crate::claim::Span::new(0, sentence.len());
            c.claim.span = crate::claim::Span::new(at, at + text.len());
            c.frame.predicate = Some("injured".into());
            c
        };
        let total = count(
            "a",
            "Two teens died and more than a dozen people were wounded.",
            "more than a dozen people",
            Value::between(Some(12.0), None),
        );
        let seven = count(
            "a",
            "A gunman wounded seven people.",
            "seven people",
            Value::exact(7.0),
        );
        let forty = count(
            "a",
            "A gunman wounded 40 people.",
            "40 people",
            Value::exact(40.0),
        );
        // (claim, the total it is judged against, verdict)
        let cases = [
            (
                count(
                    "b",
                    "Police found several victims suffering from gunshot wounds.",
                    "several victims",
                    Value::between(Some(3.0), Some(9.0)),
                ),
                &total,
                Verdict::Related,
            ),
            (
                count(
                    "b",
                    "Officers initially found five people with gunshot wounds.",
                    "five people",
                    Value::exact(5.0),
                ),
                &seven,
                Verdict::Related,
            ),
            (
                count(
                    "b",
                    "Two people died at the scene.",
                    "Two people",
                    Value::exact(2.0),
                ),
                &seven,
                Verdict::Related,
            ),
            // A first count larger than the total is not a part of it.
            (
                count(
                    "b",
                    "Officers initially found nine people with gunshot wounds.",
                    "nine people",
                    Value::exact(9.0),
                ),
                &seven,
                Verdict::Conflict,
            ),
            // … but not a figure far past its range.
            (
                count(
                    "b",
                    "Police found several victims suffering from gunshot wounds.",
                    "several victims",
                    Value::between(Some(3.0), Some(9.0)),
                ),
                &forty,
                Verdict::Conflict,
            ),
            // A plain count still contradicts.
            (
                count(
                    "b",
                    "Police found five victims suffering from gunshot wounds.",
                    "five victims",
                    Value::exact(5.0),
                ),
                &seven,
                Verdict::Conflict,
            ),
        ];
        for (k, (x, total, want)) in cases.iter().enumerate() {
            let got = judge(x, total, &cfg, &lex).map(|j| (j.verdict, j.explanation));
            assert_eq!(got.as_ref().map(|g| g.0), Some(*want), "case {k}: {got:?}");
        }
    }
}
