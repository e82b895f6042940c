//! Dates counted from another date, for the date grammar ([`super`]):
//! offsets ("two years ago", "1 month 21 days ago", "three weeks from
//! tomorrow", "2 days hence", "in 3 weeks" when the clause speaks of the
//! future), rolling periods ("the past three weeks", "the next 5 days",
//! "10 previous weeks", "the last decade", "within 10 months"), spans
//! counted from a day ("two weeks starting May 20") and "the rest of the
//! year".
//!
//! Conventions: an offset from the publication date keeps the grain of a
//! single amount ("two years ago" is that year, "three days ago" that day);
//! a compound amount or an offset from a named day ("two days after
//! today") gives a day. A rolling period runs up to the day before
//! publication (past) or from the day after (next); "within N units" starts
//! on the publication day. "for the past two years" is a duration (how
//! long), not a date, and is left to the quantity extractor.

use chrono::{Datelike, NaiveDate};

use super::super::calendar::{Grain, Lex, Prep, UnitWord};
use super::super::date_math::{self as dm, Interval};
use super::{Atom, Grammar, Parsed};

/// One amount of periods: "3 weeks", "a few days" (`low` < `high`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Amount {
    low: u32,
    high: u32,
    unit: UnitWord,
}

/// Up to four amounts: "5 years 1 month 12 days".
#[derive(Debug, Clone, Copy)]
pub(super) struct Amounts {
    items: [Option<Amount>; 4],
    /// Token after the last period noun.
    pub end: usize,
}

impl Amounts {
    fn iter(&self) -> impl Iterator<Item = Amount> + '_ {
        self.items.iter().flatten().copied()
    }
    fn single(&self) -> Option<Amount> {
        match self.items {
            [Some(a), None, ..] => Some(a),
            _ => None,
        }
    }
    fn first_unit(&self) -> Option<UnitWord> {
        self.items[0].map(|a| a.unit)
    }
}

/// Words that start a span at a day: "two weeks starting May 20".
const SPAN_STARTS: &[&str] = &["starting", "beginning", "commencing"];

/// Largest count read as an amount of periods.
const MAX_COUNT: u32 = 1000;

/// `d` moved by `n` periods of `unit` (`n` may be negative).
pub(super) fn shift_by(d: NaiveDate, unit: UnitWord, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| i32::try_from(k).ok().and_then(|k| dm::add_months(d, k));
    match unit {
        UnitWord::Day => dm::add_days(d, n),
        UnitWord::Week | UnitWord::Weekend => dm::add_days(d, 7 * n),
        UnitWord::Month => months(n),
        UnitWord::Quarter => months(3 * n),
        UnitWord::Year => months(12 * n),
        UnitWord::Decade => months(120 * n),
    }
}

/// `d` moved by every amount, each at its low or high count, in direction `sign`.
fn shift_all(d: NaiveDate, amounts: &Amounts, sign: i64, high: bool) -> Option<NaiveDate> {
    amounts.iter().try_fold(d, |acc, a| {
        let n = if high { a.high } else { a.low };
        shift_by(acc, a.unit, sign * i64::from(n))
    })
}

impl Grammar<'_> {
    /// A count at `i`: digits, a number word ("two", "twenty-five"), "a few",
    /// "several", "a couple of". Returns (low, high, next token).
    fn count(&self, i: usize) -> Option<(u32, u32, usize)> {
        match self.tok(i)?.kind {
            super::TokKind::Num { value, digits } if digits <= 4 && value <= MAX_COUNT => {
                // Not the tail of "1.5" or "2,000".
                let glued_before =
                    i >= 1 && self.tight(i) && (self.punct(i - 1, b'.') || self.punct(i - 1, b','));
                (!glued_before).then_some((value, value, i + 1))
            }
            super::TokKind::Word { .. } => match self.lex(i)? {
                Lex::Vague { low, high } => {
                    let j = if self.prep(i + 1) == Some(Prep::Of) {
                        i + 2
                    } else {
                        i + 1
                    };
                    Some((low, high, j))
                }
                // "a few days", "a couple of weeks"; "a" alone is one.
                Lex::Cardinal(1) if self.word(i).len() <= 2 => match self.lex(i + 1) {
                    Some(Lex::Vague { .. }) => self.count(i + 1),
                    _ => Some((1, 1, i + 1)),
                },
                Lex::Cardinal(n) if n >= 20 && n % 10 == 0 => {
                    // "twenty five", "twenty-five".
                    let k = if self.punct(i + 1, b'-') && self.tight(i + 1) {
                        i + 2
                    } else {
                        i + 1
                    };
                    match self.lex(k) {
                        Some(Lex::Cardinal(u))
                            if (1..=9).contains(&u) && self.word(k).len() > 2 =>
                        {
                            Some((n + u, n + u, k + 1))
                        }
                        _ => Some((n, n, i + 1)),
                    }
                }
                Lex::Cardinal(n) => Some((n, n, i + 1)),
                _ => None,
            },
            _ => None,
        }
    }

    /// One count and period noun at `i` ("3 weeks", "a few days").
    fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        let (low, high, j) = self.count(i)?;
        let Some(Lex::Unit(unit)) = self.lex(j) else {
            return None;
        };
        // "the next 0 months", "last0week": no span of time, no claim.
        if unit == UnitWord::Weekend || high == 0 {
            return None;
        }
        Some((Amount { low, high, unit }, j + 1))
    }

    /// Amounts at `i`, joined by nothing, a comma or "and": "1 month 21 days".
    pub(super) fn amounts(&self, i: usize) -> Option<Amounts> {
        let (first, mut end) = self.amount(i)?;
        let mut items = [Some(first), None, None, None];
        for slot in items.iter_mut().skip(1) {
            let k = if self.punct(end, b',') || self.prep(end) == Some(Prep::And) {
                end + 1
            } else {
                end
            };
            match self.amount(k) {
                Some((a, e)) => {
                    *slot = Some(a);
                    end = e;
                }
                None => break,
            }
        }
        Some(Amounts { items, end })
    }

    /// "two years ago", "1 month 21 days ago", "2 days hence", "3 weeks from
    /// now", "two days after today", "16 days from 01/02/2018"; also the
    /// spans of [`Self::span_from`] ("two weeks starting May 20").
    pub(super) fn offset(&self, i: usize) -> Option<Parsed> {
        let am = self.amounts(i)?;
        let k = am.end;
        let Some(lex) = self.lex(k) else {
            return self.span_from(i, &am);
        };
        let (base, sign, end, named) = match lex {
            Lex::Ago => (self.published, -1, k + 1, false),
            Lex::Hence => (self.published, 1, k + 1, false),
            Lex::Prep(Prep::From) if self.lex(k + 1) == Some(Lex::Now) => {
                (self.published, 1, k + 2, false)
            }
            Lex::Prep(p @ (Prep::From | Prep::After | Prep::Before)) => {
                let sign = if p == Prep::Before { -1 } else { 1 };
                let b = self.atom(k + 1, true)?;
                let (iv, grain, _) = self.resolve(b.atom, false);
                if grain != Grain::Day {
                    return None;
                }
                (iv.map(|iv| iv.0), sign, b.end, true)
            }
            _ => return self.span_from(i, &am),
        };
        let (iv, grain) = match am.single() {
            Some(a) if !named => (
                base.and_then(|p| offset_period(p, a, sign)),
                grain_of_offset(a.unit),
            ),
            _ => (
                base.and_then(|p| {
                    let x = shift_all(p, &am, sign, false)?;
                    let y = shift_all(p, &am, sign, true)?;
                    Some((x.min(y), x.max(y)))
                }),
                Grain::Day,
            ),
        };
        Some(Parsed {
            start: i,
            end,
            atom: Atom::Fixed {
                iv,
                grain,
                relative: true,
            },
        })
    }

    /// "two weeks starting May 20", "3 days starting from next Monday",
    /// "five days beginning on the 4th": the span of the amount whose first
    /// day is the named day (inclusive of it).
    fn span_from(&self, i: usize, am: &Amounts) -> Option<Parsed> {
        let k = am.end;
        if !SPAN_STARTS.iter().any(|w| self.word_is(k, w)) {
            return None;
        }
        let j = if matches!(self.prep(k + 1), Some(Prep::From | Prep::On)) {
            k + 2
        } else {
            k + 1
        };
        let day = self.day_after_cue(j)?;
        let future = self.speaks_of_future(i, day.end);
        let (iv, grain, relative) = self.resolve(day.atom, future);
        if grain != Grain::Day {
            return None;
        }
        let iv = iv.and_then(|(d, _)| Some((d, dm::add_days(shift_all(d, am, 1, true)?, -1)?)));
        Some(Parsed {
            start: i,
            end: day.end,
            atom: Atom::Fixed {
                iv,
                grain: Grain::Day,
                relative: relative || self.has_relative_word(j, day.end),
            },
        })
    }

    /// "in 3 weeks", "in two months" when the clause speaks of the future
    /// (otherwise "in two years" is a duration: "built in two years").
    pub(super) fn in_future(&self, i: usize) -> Option<Parsed> {
        let am = self.amounts(i + 1)?;
        if !self.speaks_of_future(i, am.end) {
            return None;
        }
        let (iv, grain) = match am.single() {
            Some(a) if a.low == a.high && !matches!(a.unit, UnitWord::Day | UnitWord::Week) => (
                self.published.and_then(|p| offset_period(p, a, 1)),
                grain_of_offset(a.unit),
            ),
            _ => (
                self.published.and_then(|p| {
                    let x = shift_all(p, &am, 1, false)?;
                    let y = shift_all(p, &am, 1, true)?;
                    Some((x, y))
                }),
                Grain::Day,
            ),
        };
        Some(Parsed {
            start: i,
            end: am.end,
            atom: Atom::Fixed {
                iv,
                grain,
                relative: true,
            },
        })
    }

    /// True when "for" opens the phrase at `shift` ("for the past two
    /// years"): a length of time, not a date.
    fn says_how_long(&self, shift: usize) -> bool {
        let Some(mut p) = shift.checked_sub(1) else {
            return false;
        };
        if self.is_the(p) {
            let Some(q) = p.checked_sub(1) else {
                return false;
            };
            p = q;
        }
        self.word_is(p, "for")
    }

    /// "last 3 weeks", "the past two years", "next five days", "the last 3
    /// months and 2 weeks" at the shift word `i`; `start` is where the
    /// phrase begins ("the" or `i`).
    pub(super) fn rolling(&self, start: usize, i: usize) -> Option<Parsed> {
        let Some(Lex::Shift(s @ (-1 | 1))) = self.lex(i) else {
            return None;
        };
        if self.says_how_long(i) {
            return None;
        }
        let am = self.amounts(i + 1).or_else(|| {
            // "the past week", "past year": one period back, counted in days.
            let Some(Lex::Unit(unit)) = self.lex(i + 1) else {
                return None;
            };
            // "the last decade", "the next decade": the ten years up to or
            // from publication ("the last year", "the next year" are often
            // narrative: "the next year, he moved").
            let decade = unit == UnitWord::Decade && start < i && !self.word_is(i, "following");
            let ok = (self.word_is(i, "past") || decade)
                && unit != UnitWord::Weekend
                && unit != UnitWord::Day
                && !self.word(i + 1).ends_with('s');
            ok.then_some(Amounts {
                items: [
                    Some(Amount {
                        low: 1,
                        high: 1,
                        unit,
                    }),
                    None,
                    None,
                    None,
                ],
                end: i + 2,
            })
        })?;
        Some(self.rolling_period(start, am.end, &am, s))
    }

    /// "5 upcoming years", "10 previous weeks", "the 3 next weeks".
    pub(super) fn rolling_count_first(&self, start: usize, i: usize) -> Option<Parsed> {
        let (low, high, j) = self.count(i)?;
        let Some(Lex::Shift(s @ (-1 | 1))) = self.lex(j) else {
            return None;
        };
        let Some(Lex::Unit(unit)) = self.lex(j + 1) else {
            return None;
        };
        // "20 last year" is a day and a date, not twenty years.
        if !self.word(j + 1).ends_with('s') {
            return None;
        }
        if unit == UnitWord::Weekend || high == 0 || self.says_how_long(i) {
            return None;
        }
        let am = Amounts {
            items: [Some(Amount { low, high, unit }), None, None, None],
            end: j + 2,
        };
        Some(self.rolling_period(start, am.end, &am, s))
    }

    fn rolling_period(&self, start: usize, end: usize, am: &Amounts, s: i32) -> Parsed {
        let iv = self.published.and_then(|p| {
            if s < 0 {
                Some((shift_all(p, am, -1, true)?, dm::add_days(p, -1)?))
            } else {
                Some((dm::add_days(p, 1)?, shift_all(p, am, 1, true)?))
            }
        });
        Parsed {
            start,
            end,
            atom: Atom::Fixed {
                iv,
                grain: am.first_unit().map_or(Grain::Day, super::grain_of),
                relative: true,
            },
        }
    }

    /// "within 10 months", "within the next 3 years", "within 2 weeks from
    /// today": from the publication day to the end of the span.
    pub(super) fn within(&self, i: usize) -> Option<Parsed> {
        let mut j = i + 1;
        if self.is_the(j) {
            j += 1;
        }
        if matches!(self.lex(j), Some(Lex::Shift(1))) {
            j += 1;
        }
        let am = self.amounts(j)?;
        let mut end = am.end;
        // "within a few days of the incident" counts from another event.
        if self.prep(end) == Some(Prep::Of) {
            return None;
        }
        if self.prep(end) == Some(Prep::From)
            && matches!(self.lex(end + 1), Some(Lex::Now | Lex::DayWord(0)))
        {
            end += 2;
        }
        let iv = self
            .published
            .and_then(|p| Some((p, shift_all(p, &am, 1, true)?)));
        Some(Parsed {
            start: i,
            end,
            atom: Atom::Fixed {
                iv,
                grain: am.first_unit().map_or(Grain::Day, super::grain_of),
                relative: true,
            },
        })
    }

    /// "rest of the week", "the rest of this year", "the remainder of the
    /// month" at "rest" (`i`); `start` is where the phrase begins.
    pub(super) fn rest_of(&self, start: usize, i: usize) -> Option<Parsed> {
        if self.prep(i + 1) != Some(Prep::Of) {
            return None;
        }
        let mut j = i + 2;
        if self.is_the(j)
            || self.lex(j) == Some(Lex::Shift(0))
            || matches!(self.word(j), "my" | "our" | "his" | "her" | "their")
        {
            j += 1;
        }
        let Some(Lex::Unit(u @ (UnitWord::Week | UnitWord::Month | UnitWord::Year))) = self.lex(j)
        else {
            return None;
        };
        if self.word(j).ends_with('s') {
            return None;
        }
        let iv = self
            .published
            .and_then(|p| Some((p, super::shift_period(p, u, 0)?.1)));
        Some(Parsed {
            start,
            end: j + 1,
            atom: Atom::Fixed {
                iv,
                grain: super::grain_of(u),
                relative: true,
            },
        })
    }
}

/// The grain an offset of one amount keeps ("two decades ago" is a year).
fn grain_of_offset(u: UnitWord) -> Grain {
    match u {
        UnitWord::Day => Grain::Day,
        UnitWord::Week | UnitWord::Weekend => Grain::Week,
        UnitWord::Month => Grain::Month,
        UnitWord::Quarter => Grain::Quarter,
        UnitWord::Year | UnitWord::Decade => Grain::Year,
    }
}

/// The period an offset of one amount names: the day, week, month, quarter
/// or year lying `a` periods from `p` in direction `sign`; a vague amount
/// ("a few years ago") spans its low and high counts.
fn offset_period(p: NaiveDate, a: Amount, sign: i64) -> Option<Interval> {
    let near = shift_by(p, a.unit, sign * i64::from(a.low))?;
    let far = shift_by(p, a.unit, sign * i64::from(a.high))?;
    let (lo, hi) = (near.min(far), near.max(far));
    let period = |d: NaiveDate| -> Option<Interval> {
        match a.unit {
            UnitWord::Day => Some(dm::day(d)),
            UnitWord::Week | UnitWord::Weekend => dm::week(d),
            UnitWord::Month => dm::month(d.year(), d.month()),
            UnitWord::Quarter => dm::quarter(d.year(), (d.month() - 1) / 3 + 1),
            UnitWord::Year | UnitWord::Decade => dm::year(d.year()),
        }
    };
    Some((period(lo)?.0, period(hi)?.1))
}
