//! Days, years and periods named in words or by position, for the date
//! grammar ([`super`]): ordinal days ("the 27th", "the tenth of September",
//! "Jan first", "Friday the 15th"), years after a day or month ("28 June in
//! 2020", "June of nineteen ninety-nine", "Feb two thousand and eighteen"),
//! decades in words ("the seventies", "the nineteen-eighties"), seasons
//! ("summer 2016", "last winter", "in the spring"), holidays ("Christmas",
//! "Easter 2018", "Thanksgiving") and week numbers ("week 31", "the week of
//! the 18th", "w/c feb 4").
//!
//! Year-less forms resolve like other year-less dates: the latest on or
//! before publication unless the clause speaks of the future; a weekday
//! with a day number ("Friday the 15th") is the nearest month where that
//! day falls on that weekday.

use chrono::{Datelike, NaiveDate, Weekday};

use super::super::calendar::{Grain, Holiday, Lex, Prep, UnitWord};
use super::super::date_math::{self as dm, Interval};
use super::{Atom, Grammar, Parsed, TokKind};

/// Things named after a holiday, after its bare name: "Christmas gifts",
/// "Easter eggs" are no dates.
const HOLIDAY_THINGS: &[&str] = &[
    "gift",
    "gifts",
    "present",
    "presents",
    "tree",
    "trees",
    "lights",
    "decorations",
    "shopping",
    "music",
    "carols",
    "cards",
    "card",
    "toys",
    "stockings",
    "ornaments",
    "sweater",
    "sweaters",
    "movie",
    "movies",
    "songs",
    "spirit",
    "eggs",
    "egg",
    "candy",
    "basket",
    "baskets",
    "turkey",
];

/// Prepositions that let "the 27" or "the twenty-second" stand alone as a day.
const DAY_CUES: &[Prep] = &[Prep::On, Prep::For, Prep::By, Prep::Since, Prep::Until];

/// How many months away a weekday-and-day ("Friday the 15th") is looked for.
const WEEKDAY_DAY_SEARCH_MONTHS: i32 = 24;

impl Grammar<'_> {
    /// A day of the month at `i`: "13", "13th", "thirteenth", "twenty-first",
    /// "thirty first". Returns the day and the next token.
    pub(super) fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(d) = self.day_num(i) {
            return Some((d, i + 1));
        }
        self.day_words(i)
    }

    /// A day of the month written as an ordinal word.
    pub(super) fn day_words(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i)? {
            Lex::Ordinal(n) if (1..=31).contains(&n) => Some((n, i + 1)),
            Lex::Cardinal(n @ (20 | 30)) => {
                let k = if self.punct(i + 1, b'-') && self.tight(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                match self.lex(k)? {
                    Lex::Ordinal(u) if (1..=9).contains(&u) && n + u <= 31 => Some((n + u, k + 1)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A year written in words at `i`: "nineteen ninety-nine", "nineteen
    /// eighty six", "two thousand", "two thousand and eighteen", "twenty
    /// eighteen". Only read where a year is expected (after a day or month).
    pub(super) fn year_words(&self, i: usize) -> Option<(i32, usize)> {
        let Some(Lex::Cardinal(first)) = self.lex(i) else {
            return None;
        };
        if self.word(i).len() <= 2 {
            return None; // "a"
        }
        if first == 2 && self.lex(i + 1) == Some(Lex::Thousand) {
            let mut j = i + 2;
            if self.prep(j) == Some(Prep::And) {
                j += 1;
            }
            return match self.tens_words(j) {
                Some((n, e)) if n < 100 => Some((2000 + n as i32, e)),
                _ => Some((2000, i + 2)).filter(|_| self.prep(j) != Some(Prep::And) || j == i + 2),
            };
        }
        // "nineteen ninety-nine", "twenty eighteen": a century then two digits.
        if (11..=20).contains(&first) {
            let (n, e) = self.tens_words(i + 1)?;
            if (10..100).contains(&n) {
                return Some((first as i32 * 100 + n as i32, e));
            }
        }
        None
    }

    /// A number under 100 in words at `i`: "eighteen", "ninety-nine", "ninety nine".
    fn tens_words(&self, i: usize) -> Option<(u32, usize)> {
        let Some(Lex::Cardinal(n)) = self.lex(i) else {
            return None;
        };
        if self.word(i).len() <= 2 {
            return None;
        }
        if n >= 20 && n % 10 == 0 {
            let k = if self.punct(i + 1, b'-') && self.tight(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(Lex::Cardinal(u)) = self.lex(k)
                && (1..=9).contains(&u)
                && self.word(k).len() > 2
            {
                return Some((n + u, k + 1));
            }
        }
        Some((n, i + 1))
    }

    /// The year that may follow a day or month at `k`: ", 2018", "2018",
    /// "of 2020", "in 2020", "nineteen eighty-six".
    pub(super) fn year_after(&self, k: usize) -> Option<(i32, usize)> {
        let k = if self.punct(k, b',') { k + 1 } else { k };
        if let Some(y) = self.year_num(k) {
            return Some((y, k + 1));
        }
        if matches!(self.prep(k), Some(Prep::Of | Prep::In))
            && let Some(y) = self.year_num(k + 1)
        {
            return Some((y, k + 2));
        }
        let k = if self.prep(k) == Some(Prep::Of) {
            k + 1
        } else {
            k
        };
        // "two thousand people" counts people.
        self.year_words(k).filter(|&(_, e)| {
            !self
                .tok(e)
                .is_some_and(|t| matches!(t.kind, TokKind::Word { lex: None, .. }))
        })
    }

    /// "Friday the 15th", "Sunday 31", "Tuesday the eleventh" at the token
    /// after the weekday (`j`); `i` is the weekday.
    pub(super) fn weekday_day(&self, i: usize, j: usize, wd: Weekday) -> Option<Parsed> {
        let k = if self.is_the(j) { j + 1 } else { j };
        // "Friday the fifteen": a cardinal word only after "the", and only
        // at the end of the clause.
        let (d, end) = self.day_at(k).or_else(|| {
            self.cardinal_day(k)
                .filter(|&(_, e)| k > j && self.clause_ends(e))
        })?;
        // "Sunday 31" needs digits; a bare number word is not a day.
        if k == j && self.day_num(j).is_none() {
            return None;
        }
        // "Sunday, 2/22/2015" and "Monday, 2:38 a.m." are other forms;
        // "Thursday, the first U.S. fatality" is an ordinal of a noun.
        let in_words = self.day_num(k).is_none();
        // "Sunday, 16-year-old Asir Brown": an age, not a day.
        if self.glued_digits(k, end)
            || (self.tight(end) && self.punct(end, b'-'))
            || (in_words
                && self
                    .tok(end)
                    .is_some_and(|t| matches!(t.kind, TokKind::Word { lex: None, .. })))
            || self.counted_noun_follows(end)
        {
            return None;
        }
        if self.month_word(end).is_some()
            || self.lex(end).is_some_and(|l| matches!(l, Lex::Unit(_)))
        {
            return None;
        }
        let future = self.speaks_of_future(i, end);
        let iv = self
            .published
            .and_then(|p| weekday_with_day(p, wd, d, future))
            .map(dm::day);
        Some(fixed(i, end, iv, Grain::Day))
    }

    /// "the 27th", "the 15th day of next month", "the twenty-sixth day of
    /// the month", "on the 27", "until the thirtieth": a day of the current
    /// (or named) month, at "the" (`i`).
    ///
    /// "the 27th" stands alone unless a noun follows ("the 27th
    /// anniversary"). A day in words ("the twenty-second", "the
    /// thirtieth") or bare digits ("the 27") need a date preposition before
    /// "the" (on, for, by, since, until; see [`DAY_CUES`]) and no noun
    /// after; digits also need the clause to end there ("for the 27."). The
    /// small ordinals "first" … "tenth" alone are never a day: they count
    /// far more often than they date, even at the end of a clause ("the
    /// second time", "one on the first floor and one on the third.").
    pub(super) fn the_day(&self, i: usize) -> Option<Parsed> {
        let j = i + 1;
        let t = self.tok(j)?;
        let (d, end) = match t.kind {
            TokKind::Ord { value } if (1..=31).contains(&value) => (value, j + 1),
            TokKind::Num { value, digits } if digits <= 2 && (1..=31).contains(&value) => {
                (value, j + 1)
            }
            _ => self.day_words(j)?,
        };
        // "the 15th day of next month".
        if self.lex(end) == Some(Lex::Unit(UnitWord::Day)) && self.prep(end + 1) == Some(Prep::Of) {
            let k = end + 2;
            let (month, mend) = if let Some(ym) = self.shifted_month(k) {
                (ym, k + 2)
            } else if self.is_the(k) && self.lex(k + 1) == Some(Lex::Unit(UnitWord::Month)) {
                (self.published.map(|p| (p.year(), p.month())), k + 2)
            } else {
                return None;
            };
            let iv = month.and_then(|(y, m)| dm::ymd(y, m, d)).map(dm::day);
            return Some(fixed(i, mend, iv, Grain::Day));
        }
        let cue = i
            .checked_sub(1)
            .and_then(|b| self.prep(b))
            .filter(|p| DAY_CUES.contains(p));
        let standalone = match t.kind {
            TokKind::Ord { .. } => true,
            TokKind::Num { .. } => cue.is_some() && self.clause_ends(end),
            // "first" … "tenth" alone: an elided noun, not a day.
            _ if end == j + 1 && d <= 10 => false,
            _ => cue.is_some(),
        };
        if !standalone {
            return None;
        }
        // No noun may follow ("the 27th anniversary", "the 27th Brigade").
        let next_ok = match self.tok(end).map(|t| t.kind) {
            None => true,
            Some(TokKind::Punct(c)) => !matches!(c, b'-' | b'%' | b'$' | b'\''),
            Some(TokKind::Word { lex, .. }) => matches!(
                lex,
                Some(Lex::Prep(_) | Lex::DayPart | Lex::Future | Lex::Weekday(_))
            ),
            Some(_) => false,
        };
        if !next_ok {
            return None;
        }
        let future = self.speaks_of_future(i, end);
        let iv = self
            .published
            .and_then(|p| day_of_nearby_month(p, d, future))
            .map(dm::day);
        Some(fixed(i, end, iv, Grain::Day))
    }

    /// A day of the month written as a cardinal word: "fifteen", "twenty
    /// one", "twenty-one", "thirty". Read only where a day is expected
    /// (after a month or "Friday the") and nothing but a year or the end of
    /// the clause follows (checked by the caller: "March twenty soldiers").
    pub(super) fn cardinal_day(&self, i: usize) -> Option<(u32, usize)> {
        let (n, end) = self.tens_words(i)?;
        if (1..=31).contains(&n) {
            return Some((n, end));
        }
        // "thirty five": the day is "thirty"; "forty" is no day at all.
        match self.lex(i) {
            Some(Lex::Cardinal(n)) if (1..=31).contains(&n) => Some((n, i + 1)),
            _ => None,
        }
    }

    /// "the seventies", "the nineteen-eighties", "the twenty-twenties" at
    /// "the" (`i`).
    pub(super) fn decade_words(&self, i: usize) -> Option<Parsed> {
        let j = i + 1;
        let (century, k) = match self.lex(j)? {
            Lex::Cardinal(c @ (11..=20)) if self.word(j).len() > 2 => {
                let k = if self.punct(j + 1, b'-') && self.tight(j + 1) {
                    j + 2
                } else {
                    j + 1
                };
                (Some(c as i32), k)
            }
            _ => (None, j),
        };
        let Some(Lex::DecadeWord(tens)) = self.lex(k) else {
            return None;
        };
        let first = match century {
            Some(c) => c * 100 + tens as i32,
            // The latest such decade that has begun by publication.
            None => match self.published {
                Some(p) if 2000 + tens as i32 <= p.year() => 2000 + tens as i32,
                _ => 1900 + tens as i32,
            },
        };
        Some(Parsed {
            start: i,
            end: k + 1,
            atom: Atom::Fixed {
                iv: dm::decade(first),
                grain: Grain::Decade,
                relative: false,
            },
        })
    }

    /// "summer 2016", "the summer of 2016", "last winter", "this spring",
    /// "in the autumn", "in summer" at the season word `i`; `start` is where
    /// the phrase begins ("the", a shift word, or `i`).
    pub(super) fn season(&self, start: usize, i: usize, shift: Option<i32>) -> Option<Parsed> {
        let Some(Lex::Season(first)) = self.lex(i) else {
            return None;
        };
        let fall = self.word_is(i, "fall");
        // A year: "summer 2016", "summer of 2016".
        let k = if self.prep(i + 1) == Some(Prep::Of) {
            i + 2
        } else {
            i + 1
        };
        if let Some(y) = self.year_num(k) {
            return Some(fixed_abs(start, k + 1, dm::season(y, first), Grain::Month));
        }
        if let Some(s) = shift {
            let iv = self.published.and_then(|p| shifted_season(p, first, s));
            return Some(fixed(start, i + 1, iv, Grain::Month));
        }
        // A bare season needs a preposition before it ("in summer", "during
        // the winter"); "fall" also needs a year or a shift word.
        if fall {
            return None;
        }
        // "in Spring" (a town) is a name; a season alone is written in lower case.
        if start == i && self.tok(i).is_some_and(|t| t.is_cap_word()) {
            return None;
        }
        let mut b = start.checked_sub(1)?;
        if start == i && self.is_the(b) {
            b = b.checked_sub(1)?;
        }
        if !matches!(
            self.prep(b),
            Some(
                Prep::In
                    | Prep::During
                    | Prep::Since
                    | Prep::By
                    | Prep::Until
                    | Prep::Before
                    | Prep::After
            )
        ) {
            return None;
        }
        let future = self.speaks_of_future(start, i + 1);
        let iv = self.published.and_then(|p| {
            let y = season_year(p, first, future)?;
            dm::season(y, first)
        });
        Some(fixed(start, i + 1, iv, Grain::Month))
    }

    /// "Christmas", "Christmas Day", "Christmas Eve", "Easter 2018", "Easter
    /// Monday", "Thanksgiving", "Valentine's Day" at `i`.
    pub(super) fn holiday(&self, start: usize, i: usize, shift: Option<i32>) -> Option<Parsed> {
        let Some(Lex::Holiday(h)) = self.lex(i) else {
            return None;
        };
        if !self.tok(i).is_some_and(|t| t.is_cap_word()) {
            return None;
        }
        let mut end = i + 1;
        // Valentine's Day.
        if self.punct(end, b'\'') && self.word_is(end + 1, "s") {
            end += 2;
        }
        let mut offset = 0;
        if self.word_is(end, "day") || self.word_is(end, "sunday") {
            end += 1;
        } else if self.word_is(end, "eve") {
            offset = -1;
            end += 1;
        } else if self.word_is(end, "monday") {
            offset = 1;
            end += 1;
        } else if matches!(h, Holiday::Fixed { month: 2, .. }) {
            return None; // "Valentine" alone is a name.
        } else if HOLIDAY_THINGS.iter().any(|w| self.word_is(end, w)) {
            return None; // "newly received Christmas gifts" names no day.
        }
        let on = |y: i32| holiday_date(h, y).and_then(|d| dm::add_days(d, offset));
        if let Some((y, e)) = self.year_after(end) {
            return Some(fixed_abs(start, e, on(y).map(dm::day), Grain::Day));
        }
        let future = self.speaks_of_future(start, end);
        let iv = self.published.and_then(|p| {
            let y = p.year();
            let cands = [on(y - 1), on(y), on(y + 1)];
            let pick = match shift {
                Some(s) if s < 0 => cands.iter().flatten().rev().find(|d| **d < p),
                Some(s) if s > 0 => cands.iter().flatten().find(|d| **d > p),
                _ if future => cands.iter().flatten().find(|d| **d >= p),
                _ => cands.iter().flatten().rev().find(|d| **d <= p),
            };
            pick.copied().map(dm::day)
        });
        Some(fixed(start, end, iv, Grain::Day))
    }

    /// "week 31", "Week 10 of 2019", "the week of the 18th", "the week of
    /// March 5", "the week beginning February 4" at "week" (`i`); `start`
    /// is where the phrase begins.
    pub(super) fn week_named(&self, start: usize, i: usize) -> Option<Parsed> {
        if !self.word_is(i, "week") {
            return None;
        }
        // ISO week number.
        if let Some((n, digits)) = self.num(i + 1)
            && digits <= 2
            && (1..=53).contains(&n)
            && !self.tight(i + 2)
        {
            let (year, end) = match self.year_after(i + 2) {
                Some((y, e)) => (Some(y), e),
                None => {
                    // "week 3 of the trial" counts something else.
                    if self.prep(i + 2) == Some(Prep::Of) {
                        return None;
                    }
                    (self.published.map(|p| p.year()), i + 2)
                }
            };
            let iv = year.and_then(|y| {
                let mon = NaiveDate::from_isoywd_opt(y, n, Weekday::Mon)?;
                Some((mon, dm::add_days(mon, 6)?))
            });
            return Some(fixed(start, end, iv, Grain::Week));
        }
        // The week of / beginning / commencing / starting (on) a day.
        let mut j = i + 1;
        if self.prep(j) != Some(Prep::Of) {
            let w = self.word(j).to_ascii_lowercase();
            if !matches!(w.as_str(), "beginning" | "commencing" | "starting") {
                return None;
            }
            if self.prep(j + 1) == Some(Prep::On) {
                j += 1;
            }
        }
        let day = self.day_after_cue(j + 1)?;
        let future = self.speaks_of_future(start, day.end);
        let (iv, grain, relative) = self.resolve(day.atom, future);
        if grain != Grain::Day {
            return None;
        }
        let iv = iv.and_then(|(d, _)| dm::week(d));
        Some(Parsed {
            start,
            end: day.end,
            atom: Atom::Fixed {
                iv,
                grain: Grain::Week,
                relative,
            },
        })
    }

    /// "w/c feb 4", "w/c 4 February" (week commencing, British usage) at
    /// the "w" (`i`): the seven days from that day.
    pub(super) fn week_commencing(&self, i: usize) -> Option<Parsed> {
        let glued = |k: usize| self.tight(k) && self.tight(k + 1);
        if !(self.word_is(i, "w") && self.punct(i + 1, b'/') && self.word_is(i + 2, "c")) {
            return None;
        }
        if !glued(i + 1) || self.tight(i + 3) && !self.punct(i + 3, b'.') {
            return None;
        }
        let j = if self.punct(i + 3, b'.') {
            i + 4
        } else {
            i + 3
        };
        let day = self.day_after_cue(j)?;
        let future = self.speaks_of_future(i, day.end);
        let (iv, grain, relative) = self.resolve(day.atom, future);
        if grain != Grain::Day {
            return None;
        }
        let iv = iv.and_then(|(d, _)| Some((d, dm::add_days(d, 6)?)));
        Some(Parsed {
            start: i,
            end: day.end,
            atom: Atom::Fixed {
                iv,
                grain: Grain::Week,
                relative,
            },
        })
    }

    /// The day after "week of", "w/c", "starting": any date atom, a
    /// lower-case month and day ("feb 4"), or "the 18th".
    pub(super) fn day_after_cue(&self, j: usize) -> Option<Parsed> {
        let month_day = || {
            self.month_first_with(j, j, true, true)
                .filter(|p| matches!(p.atom, Atom::Cal { d: Some(_), .. }))
        };
        month_day()
            .or_else(|| self.atom(j, true))
            .or_else(|| self.is_the(j).then(|| self.the_day(j)).flatten())
    }

    /// "the first Friday of next month", "the last Monday in March", "the
    /// second Tuesday of 2019"? (months only) at the ordinal (`i`).
    pub(super) fn nth_weekday(&self, start: usize, i: usize, n: u32) -> Option<Parsed> {
        let Some(Lex::Weekday(wd)) = self.lex(i + 1) else {
            return None;
        };
        if !matches!(self.prep(i + 2), Some(Prep::Of | Prep::In)) {
            return None;
        }
        let j = i + 3;
        let (month, end, relative) = if let Some(ym) = self.shifted_month(j) {
            (ym, j + 2, true)
        } else {
            let m = self.month_first(j, j, true)?;
            let future = self.speaks_of_future(start, m.end);
            let (iv, grain, rel) = self.resolve(m.atom, future);
            if grain != Grain::Month {
                return None;
            }
            (iv.map(|(s, _)| (s.year(), s.month())), m.end, rel)
        };
        let iv = month
            .and_then(|(y, m)| dm::nth_weekday(y, m, wd, n))
            .map(dm::day);
        Some(Parsed {
            start,
            end,
            atom: Atom::Fixed {
                iv,
                grain: Grain::Day,
                relative,
            },
        })
    }
}

fn fixed(start: usize, end: usize, iv: Option<Interval>, grain: Grain) -> Parsed {
    Parsed {
        start,
        end,
        atom: Atom::Fixed {
            iv,
            grain,
            relative: true,
        },
    }
}

fn fixed_abs(start: usize, end: usize, iv: Option<Interval>, grain: Grain) -> Parsed {
    Parsed {
        start,
        end,
        atom: Atom::Fixed {
            iv,
            grain,
            relative: false,
        },
    }
}

/// The year of the season starting in `first` that a year-less mention
/// means: the latest that has begun by `p`, or, when `future`, the first
/// that has not ended.
fn season_year(p: NaiveDate, first: u32, future: bool) -> Option<i32> {
    let y = p.year();
    if future {
        return (y - 1..=y + 1).find(|&c| dm::season(c, first).is_some_and(|(_, e)| e >= p));
    }
    (y - 2..=y + 1)
        .rev()
        .find(|&c| dm::season(c, first).is_some_and(|(s, _)| s <= p))
}

/// "this summer": the season holding `p`, else the nearest one; "last"
/// (-1): the latest that has ended; "next" (+1): the first not yet begun.
fn shifted_season(p: NaiveDate, first: u32, shift: i32) -> Option<Interval> {
    let y = p.year();
    let cands: Vec<Interval> = (y - 2..=y + 1)
        .filter_map(|c| dm::season(c, first))
        .collect();
    match shift {
        s if s < 0 => cands.iter().rev().find(|iv| iv.1 < p).copied(),
        s if s > 0 => cands.iter().find(|iv| iv.0 > p).copied(),
        _ => cands
            .iter()
            .min_by_key(|iv| {
                if iv.0 <= p && p <= iv.1 {
                    0
                } else {
                    (iv.0 - p).num_days().abs().min((p - iv.1).num_days().abs())
                }
            })
            .copied(),
    }
}

/// The date of holiday `h` in year `y`.
fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed { month, day } => dm::ymd(y, month, day),
        Holiday::Easter { offset } => dm::add_days(dm::easter(y)?, offset),
        Holiday::NthWeekday {
            month,
            weekday,
            n,
            offset,
        } => dm::add_days(dm::nth_weekday(y, month, weekday, n)?, offset),
    }
}

/// Day `d` of the latest month on or before `p` that has it (or the first
/// on or after `p`, when `future`).
fn day_of_nearby_month(p: NaiveDate, d: u32, future: bool) -> Option<NaiveDate> {
    for k in 0..13 {
        let (y, m) = dm::shift_month(p.year(), p.month(), if future { k } else { -k });
        if let Some(date) = dm::ymd(y, m, d)
            && ((future && date >= p) || (!future && date <= p))
        {
            return Some(date);
        }
    }
    None
}

/// The date nearest to `p` that is day `d` of its month and falls on `wd`
/// (only ahead of `p` when `future`; ties go to the past).
fn weekday_with_day(p: NaiveDate, wd: Weekday, d: u32, future: bool) -> Option<NaiveDate> {
    let find = |step: i32| {
        (0..=WEEKDAY_DAY_SEARCH_MONTHS).find_map(|k| {
            let (y, m) = dm::shift_month(p.year(), p.month(), step * k);
            let date = dm::ymd(y, m, d)?;
            let side = if step < 0 { date <= p } else { date >= p };
            (side && date.weekday() == wd).then_some(date)
        })
    };
    let ahead = find(1);
    if future {
        return ahead;
    }
    match (find(-1), ahead) {
        (Some(b), Some(a)) => Some(if (a - p) < (p - b) { a } else { b }),
        (b, a) => b.or(a),
    }
}
