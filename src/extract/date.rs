//! Date claims: absolute, ranged and relative dates resolved against the
//! publication date.
//!
//! Takes the article body and its publication date; returns one [`Mention`]
//! of kind `date` per expression, with an inclusive interval as value (or
//! `None` when it cannot be resolved), the grain as unit (day, week, month,
//! quarter, year, decade, century), `relative`/`anchor` for expressions read
//! against the publication date, and a qualifier (`range` for ranges,
//! `at_least` for "since 2013", `approx` for "around 2010", …).
//!
//! News reads backwards: a year-less "in August", "Sept. 13" or "on Thursday"
//! is the latest such date on or before publication, unless the clause speaks
//! of the future ("will", "is due", "would", "scheduled" …), in which case it
//! is the next one. The wall clock is never used.
//!
//! Bare four-digit numbers are years only in date-like positions (see
//! [`Grammar::year_context`]): after a preposition or determiner ("in 2009",
//! "since 2013", "the 2016 election", "its 1967 borders" — a year used as a
//! date modifier *is* a date claim), in a list or range of years, or
//! standing alone. Not after a capitalised name or acronym ("ATMOS 2000",
//! "Windows 2000"), a currency sign or "page"/"no.", nor when a unit or a
//! counted noun follows ("2000 mm", "2000 soldiers"), nor inside grouped or
//! decimal numbers ("800,000", "$13,000").

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{Grain, Lex, Part, Prep, UnitWord};
use super::date_math::{self as dm, Interval};
use super::date_token::{Tok, TokKind, tokenize_into};
use super::lexicon as lx;
use crate::claim::{Kind, Mention, Qualifier, Span, Value};

#[path = "date_named.rs"]
mod named;
#[path = "date_offsets.rs"]
mod offsets;

/// Finds every date mention in `text`; relative ones resolve against `published`.
///
/// Long texts are read in pieces cut at line breaks (see [`next_piece`]),
/// so the token buffer stays small and the scan stays linear in the input.
pub fn scan(text: &str, published: Option<NaiveDate>) -> Vec<Mention> {
    let mut toks = Vec::new();
    let mut out = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let (to, next) = next_piece(text, from);
        tokenize_into(text, from, to, &mut toks);
        let g = Grammar {
            text,
            toks: &toks,
            published,
        };
        let mut i = 0;
        while i < toks.len() {
            if !toks.get(i).is_some_and(Tok::may_open_date) {
                i += 1;
                continue;
            }
            match g.expression(i) {
                Some(f) => {
                    out.push(g.mention(&f));
                    i = f.end.max(i + 1);
                }
                None => i += 1,
            }
        }
        from = next.max(from + 1);
    }
    out
}

/// A piece is cut at the first line break after this many bytes …
const PIECE_MIN: usize = 4 << 10;
/// … or, on a longer line, at white space or punctuation after this many.
const PIECE_MAX: usize = 64 << 10;

/// The piece of `text` read after `from`: `(end, start of the next piece)`.
///
/// No date expression spans a line break (the break is a token of its own
/// that no rule reads through), so a piece ends just after a `\n` and the
/// next one starts on it: both see the break, and the result is the same as
/// one pass over the whole text. A line longer than [`PIECE_MAX`] (never
/// news, only degenerate input) is cut at the next space or ASCII
/// punctuation mark, else at the next character boundary.
fn next_piece(text: &str, from: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    if len - from <= 2 * PIECE_MIN {
        return (len, len);
    }
    let lo = from + PIECE_MIN;
    let hi = (from + PIECE_MAX).min(len);
    if let Some(k) = bytes.get(lo..hi).and_then(|b| memchr::memchr(b'\n', b)) {
        let nl = lo + k;
        return (nl + 1, nl);
    }
    if hi == len {
        return (len, len);
    }
    let cut = bytes
        .get(hi..)
        .and_then(|b| {
            b.iter()
                .take(PIECE_MIN)
                .position(|c| c.is_ascii_whitespace() || c.is_ascii_punctuation())
        })
        .map(|k| hi + k)
        .or_else(|| (hi..len).find(|&k| text.is_char_boundary(k)))
        .unwrap_or(len);
    (cut, cut)
}

/// Years accepted in a date-like position, and standing alone.
const YEAR_IN_CONTEXT: std::ops::RangeInclusive<u32> = 1000..=2100;
const YEAR_ALONE: std::ops::RangeInclusive<u32> = 1800..=2100;

/// Nouns without a plural "s" that follow a count, never a year ("2000 people").
const COUNT_NOUNS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "feet",
    "sheep",
    "cattle",
    "troops",
];

/// Unit symbols that follow a measurement, never a year ("2000 mm").
const UNIT_SYMBOLS: &[&str] = &[
    "mm", "cm", "m", "km", "kg", "g", "t", "lb", "lbs", "ft", "mi", "mph", "kph", "kmh", "ha", "l",
    "ml", "mw", "kw", "gw", "kwh", "bn", "mn", "k",
];

/// Words after which "4/22" is a rating, score or share, not a date.
const FRACTION_CUES: &[&str] = &[
    "a", "an", "rated", "rating", "rate", "scored", "score", "scores", "scoring", "graded",
    "grade", "ranked", "voted", "odds",
];

/// Short words ending in "s" that follow a year as a verb ("2016 was").
const VERBS_AFTER_YEAR: &[&str] = &["was", "is", "has", "does", "sees", "saw", "marks"];

/// A parsed date before resolution: calendar parts may still lack a year
/// (resolved from the publication date) and range ends inherit from each other.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// A day (`d` set) or a month; `y` None for "Sept. 13" / "in August".
    Cal {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
    },
    Year(i32),
    /// A bare day number, only as a range end ("November 19 to 20").
    DayNum(u32),
    /// Two-digit second year of "2012–13".
    ShortYear(u32),
    /// Already resolved (relative expressions, decades, quarters …).
    Fixed {
        iv: Option<Interval>,
        grain: Grain,
        relative: bool,
    },
}

/// A recognised expression spanning tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    iv: Option<Interval>,
    grain: Grain,
    relative: bool,
    qualifier: Qualifier,
}

/// An atom spanning tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Parsed {
    start: usize,
    end: usize,
    atom: Atom,
}

struct Grammar<'a> {
    text: &'a str,
    toks: &'a [Tok],
    published: Option<NaiveDate>,
}

impl Grammar<'_> {
    // ---- token helpers ----

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    fn lex(&self, i: usize) -> Option<Lex> {
        self.tok(i).and_then(Tok::lex)
    }
    fn word(&self, i: usize) -> &str {
        self.tok(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(Tok::is_word) && self.word(i).eq_ignore_ascii_case(w)
    }
    fn punct(&self, i: usize, c: u8) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }
    /// Token `i` follows token `i - 1` with no space between.
    fn tight(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.tok(i)?.kind {
            TokKind::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }
    fn prep(&self, i: usize) -> Option<Prep> {
        match self.lex(i)? {
            Lex::Prep(p) => Some(p),
            _ => None,
        }
    }
    fn is_the(&self, i: usize) -> bool {
        self.word_is(i, "the")
    }
    fn month_word(&self, i: usize) -> Option<(u32, bool)> {
        match self.lex(i)? {
            Lex::Month { month, abbr } => Some((month, abbr)),
            _ => None,
        }
    }
    /// A month name usable with a number: capitalised, or a full name that
    /// is not also a common word ("may", "march").
    fn month_with_number(&self, i: usize) -> Option<u32> {
        let (m, abbr) = self.month_word(i)?;
        let cap = self.tok(i).is_some_and(Tok::is_cap_word);
        (cap || (!abbr && m != 3 && m != 5)).then_some(m)
    }
    /// Skips the dot of an abbreviation ("Sept.") when a number or year follows.
    fn after_abbr_dot(&self, i: usize) -> usize {
        if self.punct(i, b'.') && self.tight(i) {
            i + 1
        } else {
            i
        }
    }
    fn year_num(&self, i: usize) -> Option<i32> {
        let (v, digits) = self.num(i)?;
        (digits == 4 && YEAR_IN_CONTEXT.contains(&v)).then_some(v as i32)
    }
    fn day_num(&self, i: usize) -> Option<u32> {
        match self.tok(i)?.kind {
            TokKind::Num { value, digits } if digits <= 2 && (1..=31).contains(&value) => {
                Some(value)
            }
            TokKind::Ord { value } if (1..=31).contains(&value) => Some(value),
            _ => None,
        }
    }
    /// True when tokens around `s..e` say the date lies ahead (future tense).
    fn speaks_of_future(&self, s: usize, e: usize) -> bool {
        let boundary = |i: usize| {
            self.tok(i).is_some_and(|t| match t.kind {
                TokKind::Punct(b'.') => !(i > 0 && self.month_word(i - 1).is_some()),
                TokKind::Punct(c) => matches!(c, b';' | b'!' | b'?' | b'\n' | b':'),
                _ => false,
            })
        };
        let mut i = s;
        let mut n = 0;
        while i > 0 && n < 20 {
            i -= 1;
            n += 1;
            if boundary(i) {
                break;
            }
            if self.lex(i) == Some(Lex::Future) {
                return true;
            }
        }
        let mut i = e;
        n = 0;
        while i < self.toks.len() && n < 8 {
            if boundary(i) {
                break;
            }
            if self.lex(i) == Some(Lex::Future) && !self.word_is(i, "would") {
                return true;
            }
            i += 1;
            n += 1;
        }
        false
    }

    /// True when tokens `s..e` hold a word read against the publication
    /// date ("this month", "yesterday", "ago").
    fn has_relative_word(&self, s: usize, e: usize) -> bool {
        (s..e).any(|i| {
            matches!(
                self.lex(i),
                Some(Lex::Shift(_) | Lex::DayWord(_) | Lex::Ago | Lex::Earlier | Lex::Later)
            )
        })
    }

    /// The month named by "this month", "next month", "last month" at `i`:
    /// `Some(None)` when the publication date is unknown.
    fn shifted_month(&self, i: usize) -> Option<Option<(i32, u32)>> {
        let Some(Lex::Shift(s)) = self.lex(i) else {
            return None;
        };
        if self.lex(i + 1) != Some(Lex::Unit(UnitWord::Month)) || self.word(i + 1).ends_with('s') {
            return None;
        }
        Some(
            self.published
                .map(|p| dm::shift_month(p.year(), p.month(), s)),
        )
    }

    /// "Q3", "H1" at `i`: (is_half, number).
    fn quarter_word(&self, i: usize) -> Option<(bool, u32)> {
        let t = self.tok(i)?;
        if !t.is_word() || t.end - t.start != 1 || !self.tight(i + 1) {
            return None;
        }
        // Lower case "q3" only next to a year (checked by the caller).
        let half = match self.word(i) {
            "Q" | "q" => false,
            "H" | "h" => true,
            _ => return None,
        };
        let (n, digits) = self.num(i + 1)?;
        let max = if half { 2 } else { 4 };
        (digits == 1 && (1..=max).contains(&n) && !self.tight(i + 2)).then_some((half, n))
    }

    /// "Q3 2016", "H1 2016", "Q4" (year from the publication date).
    fn quarter_form(&self, start: usize, i: usize, year: Option<i32>) -> Option<Parsed> {
        let (half, n) = self.quarter_word(i)?;
        let mut end = i + 2;
        let year = match year {
            Some(y) => Some(y),
            None => {
                let k = if self.prep(end) == Some(Prep::Of) {
                    end + 1
                } else {
                    end
                };
                match self.year_num(k) {
                    Some(y) => {
                        end = k + 1;
                        Some(y)
                    }
                    None => None,
                }
            }
        };
        let (y, relative) = match year {
            Some(y) => (Some(y), false),
            None if !self.tok(i).is_some_and(Tok::is_cap_word) => return None,
            None => {
                // A bare "Q3" needs a preposition before it.
                let before = start.checked_sub(1).and_then(|b| self.prep(b));
                before?;
                let future = self.speaks_of_future(start, end);
                let y = self.published.map(|p| {
                    let first = if half {
                        (n - 1) * 6 + 1
                    } else {
                        (n - 1) * 3 + 1
                    };
                    let last = if half { n * 6 } else { n * 3 };
                    match (future, p.month()) {
                        (false, m) if m < last && m < first => p.year() - 1,
                        (true, m) if m > last => p.year() + 1,
                        _ => p.year(),
                    }
                });
                (y, true)
            }
        };
        let (iv, grain) = if half {
            (y.and_then(|y| dm::half(y, n)), Grain::Month)
        } else {
            (y.and_then(|y| dm::quarter(y, n)), Grain::Quarter)
        };
        Some(Parsed {
            start,
            end,
            atom: Atom::Fixed {
                iv,
                grain,
                relative,
            },
        })
    }

    // ---- expressions ----

    /// A date expression starting at token `i`, with any qualifier word.
    fn expression(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let qualifier = match t.lex() {
            Some(Lex::Prep(Prep::Between)) => return self.range(i, i + 1, true),
            Some(Lex::Prep(Prep::From)) => return self.range(i, i + 1, false),
            Some(Lex::Prep(Prep::Since)) => Some(Qualifier::AtLeast),
            Some(Lex::Prep(Prep::Before)) => Some(Qualifier::LessThan),
            Some(Lex::Prep(Prep::After)) => Some(Qualifier::MoreThan),
            Some(Lex::Prep(Prep::Until | Prep::Through | Prep::By)) => Some(Qualifier::AtMost),
            Some(Lex::Approx) => Some(Qualifier::Approx),
            Some(Lex::Within) => {
                let p = self.within(i)?;
                return Some(self.finish(p.start, p.end, p.atom, Qualifier::Exact));
            }
            Some(Lex::Prep(Prep::In)) => {
                if let Some(p) = self.in_future(i) {
                    return Some(self.finish(p.start, p.end, p.atom, Qualifier::Exact));
                }
                None
            }
            _ => None,
        };
        if let Some(q) = qualifier {
            let inner = self.dated(i + 1)?;
            if inner.qualifier != Qualifier::Exact
                || inner.relative
                    && inner.grain == Grain::Day
                    && self
                        .lex(i + 1)
                        .is_some_and(|l| matches!(l, Lex::DayWord(_)))
            {
                return Some(inner);
            }
            return Some(Found {
                start: i,
                qualifier: q,
                ..inner
            });
        }
        self.dated(i)
    }

    /// An atom at `i`, possibly continued into a range ("2006-2012", "2006 to 2012").
    fn dated(&self, i: usize) -> Option<Found> {
        let a = match self.atom(i, false) {
            // "November between 19 and 20".
            Some(Parsed {
                atom: Atom::Cal {
                    y: None, d: None, ..
                },
                end,
                ..
            }) if end == i + 1 && self.prep(end) == Some(Prep::Between) => {
                return self.month_between(i);
            }
            Some(a) => a,
            // "Jan-Feb 2017", "June-August 1992": a lone month opening a
            // range whose other end carries the year.
            None if self.month_word(i).is_some() => {
                if let Some(f) = self.month_between(i) {
                    return Some(f);
                }
                let a = self.atom(i, true)?;
                return self
                    .continue_range(a, i, false)
                    .filter(|f| !f.relative && f.iv.is_some());
            }
            // "19 to 20 November": a bare day opening a range.
            None => {
                let d = self.day_num(i)?;
                let a = Parsed {
                    start: i,
                    end: i + 1,
                    atom: Atom::DayNum(d),
                };
                return self.continue_range(a, i, false);
            }
        };
        if let Some(r) = self.continue_range(a, a.start, false) {
            return Some(r);
        }
        if matches!(a.atom, Atom::DayNum(_) | Atom::ShortYear(_)) {
            return None;
        }
        Some(self.finish(a.start, a.end, a.atom, Qualifier::Exact))
    }

    /// "November between 19 and 20", "Feb between 2-7 2018": a month, then
    /// the first and last day of a range in it, then a year or the end of
    /// the clause.
    fn month_between(&self, i: usize) -> Option<Found> {
        self.month_with_number(i)?;
        let (m, _) = self.month_word(i)?;
        let j = self.after_abbr_dot(i + 1);
        if self.prep(j) != Some(Prep::Between) {
            return None;
        }
        let (d1, d2) = (self.day_num(j + 1)?, self.day_num(j + 3)?);
        let joined = self.prep(j + 2) == Some(Prep::And) || self.punct(j + 2, b'-');
        if !joined || d2 <= d1 || self.glued_digits(j + 3, j + 4) {
            return None;
        }
        // "in March between 20 and 30 people died" counts people.
        let (y, end) = match self.year_after(j + 4) {
            Some((y, e)) => (Some(y), e),
            None if self.clause_ends(j + 4) => (None, j + 4),
            None => return None,
        };
        dm::ymd(y.unwrap_or(2000), m, d2)?;
        let future = self.speaks_of_future(i, end);
        let (first, _, relative) = self.resolve(Atom::Cal { y, m, d: Some(d1) }, future);
        let iv = first.and_then(|(s, _)| Some((s, dm::ymd(s.year(), m, d2)?)));
        Some(Found {
            start: i,
            end,
            iv,
            grain: Grain::Day,
            relative,
            qualifier: Qualifier::Range,
        })
    }

    /// "between A and B" (`between`) or "from A to B", starting at `i`, atoms from `j`.
    fn range(&self, i: usize, j: usize, between: bool) -> Option<Found> {
        let a = self.atom(j, true).or_else(|| {
            self.day_num(j).map(|d| Parsed {
                start: j,
                end: j + 1,
                atom: Atom::DayNum(d),
            })
        })?;
        let mut f = self.continue_range_with(a, i, between)?;
        f.start = i;
        Some(f)
    }

    fn continue_range(&self, a: Parsed, start: usize, between: bool) -> Option<Found> {
        self.continue_range_with(a, start, between)
    }

    /// Reads the connector and the second end after `a`, and combines both.
    fn continue_range_with(&self, a: Parsed, start: usize, between: bool) -> Option<Found> {
        let k = a.end;
        let dash = self.punct(k, b'-');
        let connector = if between {
            dash || self.prep(k) == Some(Prep::And)
        } else {
            dash || matches!(self.prep(k), Some(Prep::To | Prep::Until | Prep::Through))
        };
        if !connector {
            return None;
        }
        // "2012–13": a two-digit year right after a dash.
        let b = if dash && self.tight(k + 1) && matches!(a.atom, Atom::Year(_)) {
            match self.num(k + 1) {
                Some((v, 2))
                    if !self.tight(k + 2)
                        || !self.tok(k + 2).is_some_and(|t| {
                            matches!(t.kind, TokKind::Num { .. } | TokKind::Word { .. })
                        }) =>
                {
                    Some(Parsed {
                        start: k + 1,
                        end: k + 2,
                        atom: Atom::ShortYear(v),
                    })
                }
                _ => self.atom(k + 1, true),
            }
        } else {
            self.atom(k + 1, true)
        };
        let b = b.or_else(|| {
            self.day_num(k + 1).map(|d| Parsed {
                start: k + 1,
                end: k + 2,
                atom: Atom::DayNum(d),
            })
        })?;
        let (ra, rb) = combine(a.atom, b.atom)?;
        // A range of bare numbers needs a date context: "between 2006-2012",
        // "from 2006 to 2012", or years that stand alone well.
        if let (Atom::Year(_), Atom::Year(_)) = (ra, rb) {
            if !between && start == a.start && !self.year_context(a.start, true) {
                return None;
            }
            if self.counted_noun_follows(b.end) {
                return None;
            }
        }
        let future = self.speaks_of_future(start, b.end);
        let (ia, ga, rela) = self.resolve(ra, future);
        let (mut ib, _, relb) = self.resolve(rb, future);
        // Year-less ends ("from 10/1 to 11/7", "from November to
        // February"): the start reads like a lone date (backwards from
        // publication), the end is the first such date after the start —
        // a range may run past the publication date.
        if let (Atom::Cal { y: None, .. }, Atom::Cal { y: None, m, d }, Some(a)) = (ra, rb, ia) {
            let at = |y: i32| match d {
                Some(d) => dm::ymd(y, m, d).map(dm::day),
                None => dm::month(y, m),
            };
            let y = a.0.year();
            ib = [y, y + 1]
                .into_iter()
                .filter_map(at)
                .find(|e| e.1 >= a.0)
                .or(ib);
        }
        // "from Monday to Wednesday": a weekday end is the first one on or
        // after the start.
        if let (Some(a), Some(e)) = (ia, ib)
            && a.0 > e.1
            && matches!(self.lex(b.start), Some(Lex::Weekday(_)))
            && b.end == b.start + 1
        {
            ib = dm::add_days(e.0, 7).map(dm::day);
        }
        let iv = match (ia, ib) {
            (Some((s, _)), Some((_, e))) if s <= e => Some((s, e)),
            (Some(_), Some(_)) => return None,
            _ => None,
        };
        Some(Found {
            start,
            end: b.end,
            iv,
            grain: ga,
            relative: rela || relb || self.has_relative_word(start, b.end),
            qualifier: Qualifier::Range,
        })
    }

    /// Resolves an atom into a finished expression.
    fn finish(&self, start: usize, end: usize, atom: Atom, qualifier: Qualifier) -> Found {
        let future = self.speaks_of_future(start, end);
        let (iv, grain, relative) = self.resolve(atom, future);
        let relative = relative || self.has_relative_word(start, end);
        Found {
            start,
            end,
            iv,
            grain,
            relative,
            qualifier,
        }
    }

    /// Interval, grain and relativity of an atom.
    fn resolve(&self, atom: Atom, future: bool) -> (Option<Interval>, Grain, bool) {
        match atom {
            Atom::Cal {
                y: Some(y),
                m,
                d: Some(d),
            } => (dm::ymd(y, m, d).map(dm::day), Grain::Day, false),
            Atom::Cal {
                y: Some(y),
                m,
                d: None,
            } => (dm::month(y, m), Grain::Month, false),
            Atom::Cal {
                y: None,
                m,
                d: Some(d),
            } => {
                let iv = self.published.and_then(|p| {
                    let y = dm::year_of_day(m, d, p, future)?;
                    dm::ymd(y, m, d).map(dm::day)
                });
                (iv, Grain::Day, true)
            }
            Atom::Cal {
                y: None,
                m,
                d: None,
            } => {
                let iv = self
                    .published
                    .and_then(|p| dm::month(dm::year_of_month(m, p, future), m));
                (iv, Grain::Month, true)
            }
            Atom::Year(y) => (dm::year(y), Grain::Year, false),
            Atom::DayNum(_) | Atom::ShortYear(_) => (None, Grain::Day, false),
            Atom::Fixed {
                iv,
                grain,
                relative,
            } => (iv, grain, relative),
        }
    }

    fn mention(&self, f: &Found) -> Mention {
        let start = self.tok(f.start).map_or(0, |t| t.start);
        let end = self
            .tok(f.end.saturating_sub(1))
            .map_or(start, |t| t.end)
            .max(start);
        // An interval is never reversed: a rule that would give start > end
        // leaves the value unresolved rather than wrong.
        let iv = f.iv.filter(|(s, e)| s <= e);
        let mut m = Mention::new(
            Kind::Date,
            Span::new(start, end),
            iv.map(|(s, e)| Value::dates(s, e)),
        )
        .unit(f.grain.as_str())
        .qualifier(f.qualifier);
        m.relative = f.relative;
        if f.relative {
            m.anchor = self.published;
        }
        m
    }

    // ---- atoms ----

    /// One date atom at `i`; `in_range` also accepts the bare forms a range
    /// end may take (lone months after "to"/"and").
    fn atom(&self, i: usize, in_range: bool) -> Option<Parsed> {
        let t = self.tok(i)?;
        match t.kind {
            TokKind::Num { .. } => self.numeric(i, in_range),
            TokKind::Ord { value } => self
                .century(i, i, value)
                .or_else(|| self.day_first(i, i))
                .or_else(|| self.ordinal_period(i, i, value)),
            TokKind::Decade { value, digits } => self.decade(i, i, value, digits),
            TokKind::Punct(b'\'') => match self.tok(i + 1)?.kind {
                TokKind::Decade { value, digits: 2 } if self.tight(i + 1) => {
                    self.decade(i, i + 1, value, 2)
                }
                _ => None,
            },
            TokKind::Word { lex: None, .. } => self
                .quarter_form(i, i, None)
                .or_else(|| self.week_commencing(i)),
            // "between Jan 22 and now": the publication day, only as a range end.
            TokKind::Word {
                lex: Some(Lex::Now),
                ..
            } if in_range => Some(Parsed {
                start: i,
                end: i + 1,
                atom: Atom::Fixed {
                    iv: self.published.map(dm::day),
                    grain: Grain::Day,
                    relative: true,
                },
            }),
            TokKind::Word { lex, cap } => match lex? {
                Lex::Month { .. } => self.month_first(i, i, in_range),
                Lex::Weekday(wd) => self.weekday(i, wd, cap),
                Lex::DayWord(n) => self.day_word(i, n),
                Lex::Shift(s) => self
                    .rolling(i, i)
                    .or_else(|| self.shifted(i, s))
                    .or_else(|| self.season(i, i + 1, Some(s)))
                    .or_else(|| self.holiday(i, i + 1, Some(s))),
                Lex::Season(_) => self.season(i, i, None),
                Lex::Holiday(_) => self.holiday(i, i, None),
                Lex::Unit(UnitWord::Week) => self.week_named(i, i),
                Lex::Rest => self.rest_of(i, i),
                Lex::Vague { .. } => self.offset(i),
                Lex::Part(p) => self.part(i, i + 1, p),
                Lex::PartOf(p) => self.part_of(i, p),
                Lex::Earlier => self.earlier_later(i, true),
                Lex::Later => self.earlier_later(i, false),
                Lex::Cardinal(_) => self
                    .offset(i)
                    .or_else(|| self.rolling_count_first(i, i))
                    .or_else(|| self.day_first(i, i)),
                Lex::Ordinal(n) => self
                    .ordinal_period(i, i, n)
                    .or_else(|| self.century_words(i, i, n))
                    .or_else(|| self.day_first(i, i)),
                Lex::Det if self.is_the(i) => self.the(i),
                _ => None,
            },
            _ => None,
        }
    }

    /// Forms after "the": decades, centuries, "the first quarter of 2021",
    /// "the end of the year", "the early 1990s".
    fn the(&self, i: usize) -> Option<Parsed> {
        let j = i + 1;
        let t = self.tok(j)?;
        let p = match t.kind {
            TokKind::Decade { value, digits } => self.decade(i, j, value, digits),
            TokKind::Punct(b'\'') => match self.tok(j + 1)?.kind {
                TokKind::Decade { value, digits: 2 } => self.decade(i, j + 1, value, 2),
                _ => None,
            },
            TokKind::Ord { value } => self
                .century(i, j, value)
                .or_else(|| self.day_first(i, j))
                .or_else(|| self.ordinal_period(i, j, value))
                .or_else(|| self.the_day(i)),
            TokKind::Word {
                lex: Some(Lex::Unit(u)),
                ..
            } if self.prep(j + 1) == Some(Prep::After) && self.word_is(j + 2, "next") => {
                // "the week after next", "the year after next".
                if self.word(j).ends_with('s') || u == UnitWord::Day {
                    return None;
                }
                let iv = self.published.and_then(|p| shift_period(p, u, 2));
                Some(Parsed {
                    start: i,
                    end: j + 3,
                    atom: Atom::Fixed {
                        iv,
                        grain: grain_of(u),
                        relative: true,
                    },
                })
            }
            TokKind::Word {
                lex: Some(Lex::Unit(UnitWord::Week)),
                ..
            } => self.week_named(i, j),
            TokKind::Word {
                lex: Some(Lex::Season(_)),
                ..
            } => self.season(i, j, None),
            TokKind::Word {
                lex: Some(Lex::DecadeWord(_)),
                ..
            } => self.decade_words(i),
            TokKind::Word {
                lex: Some(Lex::Unit(UnitWord::Day)),
                ..
            } => {
                // "the day before yesterday", "the day after tomorrow".
                let shift = match (self.prep(j + 1), self.lex(j + 2)) {
                    (Some(Prep::Before), Some(Lex::DayWord(n))) => n - 1,
                    (Some(Prep::After), Some(Lex::DayWord(n))) => n + 1,
                    _ => return None,
                };
                let iv = self
                    .published
                    .and_then(|p| dm::add_days(p, shift))
                    .map(dm::day);
                Some(Parsed {
                    start: i,
                    end: j + 3,
                    atom: Atom::Fixed {
                        iv,
                        grain: Grain::Day,
                        relative: true,
                    },
                })
            }
            TokKind::Word {
                lex: Some(Lex::Ordinal(n)),
                ..
            } => self
                .ordinal_period(i, j, n)
                .or_else(|| self.century_words(i, j, n))
                .or_else(|| self.nth_weekday(i, j, n))
                .or_else(|| self.day_first(i, j))
                .or_else(|| self.the_day(i)),
            TokKind::Word {
                lex: Some(Lex::Shift(s)),
                ..
            } => self.rolling(i, j).or_else(|| {
                if s == -1 {
                    self.ordinal_period(i, j, 0)
                        .or_else(|| self.nth_weekday(i, j, 0))
                } else {
                    self.shifted(j, s)
                }
            }),
            TokKind::Word {
                lex: Some(Lex::Rest),
                ..
            } => self.rest_of(i, j),
            TokKind::Num { .. }
            | TokKind::Word {
                lex: Some(Lex::Cardinal(_)),
                ..
            } => self
                .rolling_count_first(i, j)
                .or_else(|| self.decade_words(i))
                .or_else(|| self.day_first(i, j))
                .or_else(|| self.the_day(i)),
            TokKind::Word {
                lex: Some(Lex::PartOf(p)),
                ..
            } => self.part_of(j, p),
            TokKind::Word {
                lex: Some(Lex::Part(p)),
                ..
            } => self.part(j, j + 1, p),
            _ => None,
        }?;
        Some(Parsed { start: i, ..p })
    }

    /// Forms opening with digits: ISO and numeric dates, day-month, years,
    /// "two years ago".
    fn numeric(&self, i: usize, in_range: bool) -> Option<Parsed> {
        let (v, digits) = self.num(i)?;
        // Never start inside a grouped or decimal number ("800,000", "1.5").
        if i >= 2
            && self.tight(i)
            && (self.punct(i - 1, b',') || self.punct(i - 1, b'.'))
            && self.num(i - 2).is_some()
            && self.tight(i - 1)
        {
            return None;
        }
        // Forms of digit groups joined by a mark ("2018-03-20", "4/22",
        // "11 - 2016"): most numbers have none after them.
        let joined = matches!(
            self.tok(i + 1).map(|t| t.kind),
            Some(TokKind::Punct(b'-' | b'/' | b'.'))
        );
        if joined
            && let Some(p) = self
                .numeric_date(i)
                .or_else(|| self.numeric_month_word(i))
                .or_else(|| self.month_year_numeric(i))
                .or_else(|| self.year_month_numeric(i))
                .or_else(|| self.month_day_slash(i, in_range))
        {
            return Some(p);
        }
        if let Some(p) = self.day_first(i, i) {
            return Some(p);
        }
        if let Some(p) = self.offset(i).or_else(|| self.rolling_count_first(i, i)) {
            return Some(p);
        }
        if digits == 4 && YEAR_IN_CONTEXT.contains(&v) {
            // "2019 Q3", "2019-Q1".
            let k = if self.punct(i + 1, b'-') && self.tight(i + 1) && self.tight(i + 2) {
                i + 2
            } else {
                i + 1
            };
            let quarter = self.quarter_form(i, k, Some(v as i32));
            if quarter.is_some() {
                return quarter;
            }
        }
        if digits == 4 && YEAR_IN_CONTEXT.contains(&v) && (in_range || self.year_context(i, false))
        {
            // "2016 june", "2016, Nov": a year then a month.
            let k = if self.punct(i + 1, b',') {
                i + 2
            } else {
                i + 1
            };
            if let Some((m, _)) = self.month_word(k).filter(|_| self.day_num(k + 1).is_none()) {
                return Some(Parsed {
                    start: i,
                    end: k + 1,
                    atom: Atom::Cal {
                        y: Some(v as i32),
                        m,
                        d: None,
                    },
                });
            }
            // "2016 Q3" is not handled; "2016 june" neither (rare in news).
            return Some(Parsed {
                start: i,
                end: i + 1,
                atom: Atom::Year(v as i32),
            });
        }
        None
    }

    /// "2018-03-20", "2015/08/12", "13/09/2018", "21-04-2016", "13.5.2015".
    fn numeric_date(&self, i: usize) -> Option<Parsed> {
        let sep = match self.tok(i + 1)?.kind {
            TokKind::Punct(c @ (b'-' | b'/' | b'.')) if self.tight(i + 1) => c,
            _ => return None,
        };
        if !(self.tight(i + 2) && self.punct(i + 3, sep) && self.tight(i + 3) && self.tight(i + 4))
        {
            return None;
        }
        let (a, da) = self.num(i)?;
        let (b, db) = self.num(i + 2)?;
        let (c, dc) = self.num(i + 4)?;
        // A further digit group means a phone number or a version, not a date.
        if self.tight(i + 5)
            && self
                .tok(i + 5)
                .is_some_and(|t| matches!(t.kind, TokKind::Num { .. } | TokKind::Word { .. }))
            || (self.tight(i + 5)
                && (self.punct(i + 5, sep) || self.punct(i + 5, b'-'))
                && self.num(i + 6).is_some())
        {
            return None;
        }
        let (y, m, d) = if da == 4 && db <= 2 && dc <= 2 {
            (a as i32, b, c)
        } else if da <= 2 && db <= 2 && (dc == 4 || dc == 2) {
            let y = if dc == 4 {
                c as i32
            } else if 2000 + (c as i32) <= self.published.map_or(2049, |p| p.year() + 10) {
                // Two-digit years: this century up to ten years ahead, else the last.
                2000 + c as i32
            } else {
                1900 + c as i32
            };
            // Day-first unless only month-first is possible; both ≤ 12 is ambiguous.
            if a > 12 && b <= 12 {
                (y, b, a)
            } else if b > 12 && a <= 12 {
                (y, a, b)
            } else {
                return None;
            }
        } else {
            return None;
        };
        dm::ymd(y, m, d)?;
        Some(Parsed {
            start: i,
            end: i + 5,
            atom: Atom::Cal {
                y: Some(y),
                m,
                d: Some(d),
            },
        })
    }

    /// True when token `i` is glued to a digit group or a slash on either
    /// side (a longer number, a version, a fraction chain).
    fn glued_digits(&self, i: usize, end: usize) -> bool {
        let before = i >= 1
            && self.tight(i)
            && (self.num(i - 1).is_some() || self.punct(i - 1, b'/') || self.punct(i - 1, b'.'));
        let after = self.tight(end)
            && (self.num(end).is_some()
                || (matches!(
                    self.tok(end).map(|t| t.kind),
                    Some(TokKind::Punct(b'/' | b'-' | b'.' | b':'))
                ) && self.tight(end + 1)
                    && self.num(end + 1).is_some()));
        before || after
    }

    /// "3/2015", "11/2016", "11 - 2016", "11- 2016": a month and a year.
    /// With a dash or spaces the year must be one that stands alone
    /// (1800–2100) and no counted noun may follow ("11 - 2016 people").
    fn month_year_numeric(&self, i: usize) -> Option<Parsed> {
        let (m, dm_) = self.num(i)?;
        let slash = self.punct(i + 1, b'/');
        if dm_ > 2 || !(1..=12).contains(&m) || !(slash || self.punct(i + 1, b'-')) {
            return None;
        }
        let tight = self.tight(i + 1) && self.tight(i + 2);
        if self.glued_digits(i, i + 3) || self.chained_before(i) {
            return None;
        }
        let y = self.year_num(i + 2)?;
        if !(slash && tight)
            && (!YEAR_ALONE.contains(&(y as u32))
                || self.tight(i + 3)
                    && self
                        .tok(i + 3)
                        .is_some_and(|t| !matches!(t.kind, TokKind::Punct(_)))
                || self.counted_noun_follows(i + 3)
                || self.unit_follows(i + 3)
                || self.num_before(i))
        {
            return None;
        }
        Some(Parsed {
            start: i,
            end: i + 3,
            atom: Atom::Cal {
                y: Some(y),
                m,
                d: None,
            },
        })
    }

    /// "2016-11", "2016/11", "2016 / 11", "2016- 11": a year and a month.
    /// Not a season or fiscal year ("2010-11", "2010/11": the month is the
    /// next year's last two digits), not inside a longer digit chain, and
    /// with spaces around the mark only at the end of a clause ("in 2016 -
    /// 11 people died").
    fn year_month_numeric(&self, i: usize) -> Option<Parsed> {
        let (y, 4) = self.num(i)? else {
            return None;
        };
        if !YEAR_ALONE.contains(&y) || !(self.punct(i + 1, b'/') || self.punct(i + 1, b'-')) {
            return None;
        }
        let (m, dm_) = self.num(i + 2)?;
        if dm_ > 2 || !(1..=12).contains(&m) || m == (y + 1) % 100 {
            return None;
        }
        if self.chained_before(i) || self.num_before(i) {
            return None;
        }
        let tight = self.tight(i + 1) && self.tight(i + 2);
        let after_ok = if tight {
            // Nothing glued on but punctuation ("2016-11)"), no count after.
            let glued_on = self.tight(i + 3)
                && self
                    .tok(i + 3)
                    .is_some_and(|t| !matches!(t.kind, TokKind::Punct(_)));
            !(glued_on
                || self.chained_after(i + 3)
                || self.counted_noun_follows(i + 3)
                || self.unit_follows(i + 3))
        } else {
            self.clause_ends(i + 3)
        };
        if !after_ok {
            return None;
        }
        Some(Parsed {
            start: i,
            end: i + 3,
            atom: Atom::Cal {
                y: Some(y as i32),
                m,
                d: None,
            },
        })
    }

    /// True when token `i` continues a chain of digit groups on its left
    /// ("10-1-2018", "12-11-2017": the tail "11-2017" is no month).
    fn chained_before(&self, i: usize) -> bool {
        i >= 1
            && self.tight(i)
            && (self.num(i - 1).is_some()
                || matches!(
                    self.tok(i - 1).map(|t| t.kind),
                    Some(TokKind::Punct(b'-' | b'/' | b'.' | b',' | b':'))
                ))
    }

    /// True when a digit group continues right at token `end` ("2016-11-55").
    fn chained_after(&self, end: usize) -> bool {
        self.tight(end)
            && (self.num(end).is_some()
                || matches!(
                    self.tok(end).map(|t| t.kind),
                    Some(TokKind::Punct(b'/' | b'-' | b'.' | b':'))
                ) && self.tight(end + 1)
                    && self.num(end + 1).is_some())
    }

    /// True when a number, a currency sign or a "no."-like word comes right
    /// before token `i` ("5 11 - 2016", "$11-2016", "page 11-2016").
    fn num_before(&self, i: usize) -> bool {
        let Some(b) = i.checked_sub(1) else {
            return false;
        };
        self.num(b).is_some()
            || self.punct(b, b'$')
            || self.punct(b, b'#')
            || self.lex(b) == Some(Lex::NotYearBefore)
    }

    /// "10/1", "4/22", "2/29": a US month/day with no year. Taken when the
    /// second number cannot be a month (over 12, so not day/month) and the
    /// pair reads as a date, not a fraction or a score: after a date word
    /// ("on 4/22", "Friday 4/22") or standing alone at the end of a clause
    /// ("back 4/22."), never after "rated"/"scored"/"out of" nor before a
    /// noun ("a 3/16 drill bit"). Both numbers 12 or under ("4/5") are
    /// ambiguous (April 5 or 4 May) and read only as a range end ("from
    /// 10/1 to 11/7"). "4.22" with a dot is a decimal and never read.
    fn month_day_slash(&self, i: usize, in_range: bool) -> Option<Parsed> {
        let (m, dm_) = self.num(i)?;
        if dm_ > 2 || !(1..=12).contains(&m) || !self.punct(i + 1, b'/') {
            return None;
        }
        let (d, dd) = self.num(i + 2)?;
        if dd > 2 || !(self.tight(i + 1) && self.tight(i + 2)) || self.glued_digits(i, i + 3) {
            return None;
        }
        let ok = in_range
            || d > 12
                && !self.fraction_before(i)
                && (self.date_cue_before(i) || self.clause_ends(i + 3));
        if !ok {
            return None;
        }
        dm::ymd(2000, m, d)?;
        Some(Parsed {
            start: i,
            end: i + 3,
            atom: Atom::Cal {
                y: None,
                m,
                d: Some(d),
            },
        })
    }

    /// A word right before token `i` that makes a bare number a date: a
    /// date preposition ("on", "since", "by", "until", "before", "after")
    /// or a weekday ("Friday 4/22", "Friday, 4/22").
    fn date_cue_before(&self, i: usize) -> bool {
        let Some(b) = i.checked_sub(1) else {
            return false;
        };
        let b = if self.punct(b, b',') {
            match b.checked_sub(1) {
                Some(c) => c,
                None => return false,
            }
        } else {
            b
        };
        matches!(
            self.lex(b),
            Some(
                Lex::Prep(
                    Prep::On | Prep::Since | Prep::By | Prep::Until | Prep::Before | Prep::After
                ) | Lex::Weekday(_)
            )
        )
    }

    /// Words before token `i` that make "4/22" a rating, a score or a
    /// share ("rated 4/22", "scored 13/20", "out of 4/22", "a 3/16").
    fn fraction_before(&self, i: usize) -> bool {
        let Some(b) = i.checked_sub(1) else {
            return false;
        };
        if !self.tok(b).is_some_and(Tok::is_word) {
            return false;
        }
        let w = self.word(b);
        FRACTION_CUES.iter().any(|c| w.eq_ignore_ascii_case(c))
            || (self.word_is(b, "of") && b > 0 && self.word_is(b - 1, "out"))
    }

    /// True when token `i` ends a clause: the end of the text or a mark
    /// that closes one (not a dash, slash, sign or digit group).
    fn clause_ends(&self, i: usize) -> bool {
        match self.tok(i).map(|t| t.kind) {
            None => true,
            Some(TokKind::Punct(c)) => {
                matches!(c, b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\n' | b')')
                    && !(self.tight(i + 1) && self.num(i + 1).is_some())
            }
            Some(_) => false,
        }
    }

    /// "05-Aug-2016", "23/Sep/2020", "2019/aug/01", "2019-aug-1".
    fn numeric_month_word(&self, i: usize) -> Option<Parsed> {
        let sep = match self.tok(i + 1)?.kind {
            TokKind::Punct(c @ (b'-' | b'/')) if self.tight(i + 1) => c,
            _ => return None,
        };
        let (m, _) = self.month_word(i + 2)?;
        if !(self.tight(i + 2) && self.punct(i + 3, sep) && self.tight(i + 3) && self.tight(i + 4))
        {
            return None;
        }
        let (a, da) = self.num(i)?;
        let (c, dc) = self.num(i + 4)?;
        let (y, d) = match (da, dc) {
            (1 | 2, 4) => (c as i32, a),
            (4, 1 | 2) => (a as i32, c),
            _ => return None,
        };
        if self.glued_digits(i, i + 5) {
            return None;
        }
        dm::ymd(y, m, d)?;
        Some(Parsed {
            start: i,
            end: i + 5,
            atom: Atom::Cal {
                y: Some(y),
                m,
                d: Some(d),
            },
        })
    }

    /// "13 September 2018", "02nd Jan 2019", "16. Nov. 2016", "22 of Jan".
    fn day_first(&self, start: usize, i: usize) -> Option<Parsed> {
        let (d, mut j) = self.day_at(i)?;
        let in_words = self.day_num(i).is_none();
        if self.punct(j, b'.') && self.tight(j) {
            j += 1;
        }
        if self.prep(j) == Some(Prep::Of) {
            j += 1;
        } else if in_words {
            // "the tenth of September"; "first January" is too rare to risk.
            return None;
        }
        // "22 this month", "the 20th of next month".
        if let Some(ym) = self.shifted_month(j) {
            let atom = match ym {
                Some((y, m)) if dm::ymd(y, m, d).is_some() => Atom::Cal {
                    y: Some(y),
                    m,
                    d: Some(d),
                },
                Some(_) => return None,
                None => Atom::Fixed {
                    iv: None,
                    grain: Grain::Day,
                    relative: true,
                },
            };
            return Some(Parsed {
                start,
                end: j + 2,
                atom,
            });
        }
        let m = self.month_with_number(j)?;
        let mut end = j + 1;
        let mut y = None;
        if let Some((yy, e)) = self.year_after(self.after_abbr_dot(end)) {
            y = Some(yy);
            end = e;
        }
        dm::ymd(y.unwrap_or(2000), m, d)?;
        Some(Parsed {
            start,
            end,
            atom: Atom::Cal { y, m, d: Some(d) },
        })
    }

    /// "September 13, 2018", "Sept. 13", "December 2016", "in August",
    /// "March this year".
    fn month_first(&self, start: usize, i: usize, in_range: bool) -> Option<Parsed> {
        self.month_first_with(start, i, in_range, false)
    }

    /// [`Self::month_first`]; `cued` when a weekday or "w/c" comes right
    /// before, which lets a lower-case abbreviation take a day ("sunday jan
    /// 21", "w/c feb 4"; not "may"/"march", which are also words).
    fn month_first_with(
        &self,
        start: usize,
        i: usize,
        in_range: bool,
        cued: bool,
    ) -> Option<Parsed> {
        let (m, abbr) = self.month_word(i)?;
        let cap = self.tok(i).is_some_and(Tok::is_cap_word);
        let j = self.after_abbr_dot(i + 1);
        // Month, day [, year]
        if self.month_with_number(i).is_some() || (cued && (abbr || (m != 3 && m != 5))) {
            // "Oct/2", "Jan-1", "June the 28th".
            let glued =
                (self.punct(j, b'/') || self.punct(j, b'-')) && self.tight(j) && self.tight(j + 1);
            let jd = if glued || self.is_the(j) { j + 1 } else { j };
            // "May twenty one", "Jan twenty-one two thousand and eighteen":
            // a day in cardinal words only before a year or the end of the
            // clause ("in March twenty soldiers died" counts soldiers).
            let spelled = || {
                self.cardinal_day(jd).filter(|&(_, e)| {
                    self.clause_ends(e)
                        || self
                            .year_after(e)
                            .is_some_and(|(_, ye)| self.clause_ends(ye))
                })
            };
            if let Some((d, dend)) = self
                .day_at(jd)
                .filter(|&(_, e)| !self.tight(e) || self.num(e).is_none())
                .or_else(spelled)
            {
                // "May 5" but not "May 2016" (handled below) nor "March 150".
                let mut end = dend;
                let mut y = None;
                if let Some((yy, e)) = self.year_after(end) {
                    y = Some(yy);
                    end = e;
                }
                if dm::ymd(y.unwrap_or(2000), m, d).is_some() {
                    return Some(Parsed {
                        start,
                        end,
                        atom: Atom::Cal { y, m, d: Some(d) },
                    });
                }
            }
            // Month [,|of|in] year; "Dec/2018".
            let slash_year = (self.punct(j, b'/') && self.tight(j) && self.tight(j + 1))
                .then(|| self.year_num(j + 1).map(|y| (y, j + 2)))
                .flatten();
            if let Some((y, end)) = slash_year.or_else(|| self.year_after(j)) {
                return Some(Parsed {
                    start,
                    end,
                    atom: Atom::Cal {
                        y: Some(y),
                        m,
                        d: None,
                    },
                });
            }
        }
        // A range end may be lower case ("between august and october") or
        // abbreviated ("from Sep to Nov"), but not "may"/"march".
        let weak_ok = in_range && if abbr { cap } else { cap || (m != 3 && m != 5) };
        if (!cap || abbr) && !weak_ok {
            return None;
        }
        // "March this year", "August last year".
        if let (Some(Lex::Shift(s)), Some(Lex::Unit(UnitWord::Year))) =
            (self.lex(i + 1), self.lex(i + 2))
        {
            let iv = self.published.and_then(|p| dm::month(p.year() + s, m));
            let atom = Atom::Fixed {
                iv,
                grain: Grain::Month,
                relative: true,
            };
            return Some(Parsed {
                start,
                end: i + 3,
                atom,
            });
        }
        // A lone month needs a date-like word before it ("in August", "late February").
        let before = i.checked_sub(1).and_then(|b| self.lex(b));
        let ok = in_range
            || start < i
            || matches!(
                before,
                Some(Lex::Prep(
                    Prep::In
                        | Prep::Since
                        | Prep::By
                        | Prep::During
                        | Prep::From
                        | Prep::Until
                        | Prep::Through
                        | Prep::Before
                        | Prep::After
                        | Prep::Of
                        | Prep::To
                        | Prep::Between
                )) | Some(Lex::Part(_))
            );
        ok.then_some(Parsed {
            start,
            end: i + 1,
            atom: Atom::Cal {
                y: None,
                m,
                d: None,
            },
        })
    }

    /// "on Thursday", "Saturday morning", "Sunday, September 24, 2017".
    fn weekday(&self, i: usize, wd: Weekday, cap: bool) -> Option<Parsed> {
        // Weekday, date: the date decides.
        let j = if self.punct(i + 1, b',') {
            i + 2
        } else {
            i + 1
        };
        let dated = if self.month_word(j).is_some() {
            self.month_first_with(i, j, true, true)
                .filter(|p| matches!(p.atom, Atom::Cal { d: Some(_), .. }))
        } else {
            self.day_first(i, j)
                .or_else(|| self.numeric_date(j).map(|p| Parsed { start: i, ..p }))
                .or_else(|| {
                    self.month_day_slash(j, false)
                        .map(|p| Parsed { start: i, ..p })
                })
        };
        if let Some(p) = dated {
            return Some(self.year_by_weekday(p, wd));
        }
        let full = self.word(i).len() >= 6;
        if (cap || full)
            && let Some(p) = self.weekday_day(i, j, wd)
        {
            return Some(p);
        }
        if !cap || !full {
            return None;
        }
        // "Black Friday", "Super Tuesday": names, not dates ("in Chicago
        // Friday" is a date; holidays such as Easter Sunday are read
        // before this).
        if i > 0
            && self
                .tok(i - 1)
                .is_some_and(|t| t.is_cap_word() && t.lex().is_none())
            && lx::NAMED_DAY_MODIFIERS
                .iter()
                .any(|m| self.word(i - 1).eq_ignore_ascii_case(m))
        {
            return None;
        }
        if self
            .tok(i + 1)
            .is_some_and(|t| t.is_cap_word() && t.lex().is_none() && t.space_before)
        {
            return None;
        }
        // "Tuesday next week".
        if let (Some(Lex::Shift(s)), Some(Lex::Unit(UnitWord::Week))) =
            (self.lex(i + 1), self.lex(i + 2))
        {
            let iv = self.published.and_then(|p| week_day(p, s, wd)).map(dm::day);
            return Some(Parsed {
                start: i,
                end: i + 3,
                atom: Atom::Fixed {
                    iv,
                    grain: Grain::Day,
                    relative: true,
                },
            });
        }
        let mut end = i + 1;
        if self.lex(end) == Some(Lex::DayPart) {
            end += 1;
        }
        let future = self.speaks_of_future(i, end);
        let iv = self
            .published
            .and_then(|p| dm::nearest_weekday(wd, p, future))
            .map(dm::day);
        Some(Parsed {
            start: i,
            end,
            atom: Atom::Fixed {
                iv,
                grain: Grain::Day,
                relative: true,
            },
        })
    }

    /// "Monday, May 22", "Tuesday 23 May": a year-less date whose weekday
    /// names the year. Of the publication year and the years either side,
    /// the one where the date falls on that weekday (the weekday shifts by
    /// one or two days a year, so at most one of three fits); when none
    /// fits, the usual backward reading stands.
    fn year_by_weekday(&self, p: Parsed, wd: Weekday) -> Parsed {
        let (
            Atom::Cal {
                y: None,
                m,
                d: Some(d),
            },
            Some(pub_date),
        ) = (p.atom, self.published)
        else {
            return p;
        };
        let y = pub_date.year();
        let fits = (y - 1..=y + 1)
            .filter_map(|y| dm::ymd(y, m, d))
            .find(|date| date.weekday() == wd);
        match fits {
            Some(date) => Parsed {
                atom: Atom::Fixed {
                    iv: Some(dm::day(date)),
                    grain: Grain::Day,
                    relative: true,
                },
                ..p
            },
            None => p,
        }
    }

    /// today, tonight, yesterday, tomorrow (+ morning/evening …).
    fn day_word(&self, i: usize, n: i64) -> Option<Parsed> {
        let mut end = i + 1;
        if self.lex(end) == Some(Lex::DayPart) {
            end += 1;
        }
        let iv = self.published.and_then(|p| dm::add_days(p, n)).map(dm::day);
        Some(Parsed {
            start: i,
            end,
            atom: Atom::Fixed {
                iv,
                grain: Grain::Day,
                relative: true,
            },
        })
    }

    /// last/next/this + week, month, year, weekday or month name.
    fn shifted(&self, i: usize, s: i32) -> Option<Parsed> {
        // "the last year", "the next day": a duration or a narrative day, not
        // a date; "the coming week" is one.
        if i > 0
            && self.is_the(i - 1)
            && !(self.word_is(i, "coming") || self.word_is(i, "upcoming"))
        {
            return None;
        }
        let fixed = |end: usize, iv: Option<Interval>, grain: Grain| {
            Some(Parsed {
                start: i,
                end,
                atom: Atom::Fixed {
                    iv,
                    grain,
                    relative: true,
                },
            })
        };
        match self.lex(i + 1)? {
            Lex::Unit(u) => {
                let grain = match u {
                    UnitWord::Week | UnitWord::Weekend => Grain::Week,
                    UnitWord::Month => Grain::Month,
                    UnitWord::Year => Grain::Year,
                    UnitWord::Decade => Grain::Decade,
                    UnitWord::Quarter => Grain::Quarter,
                    UnitWord::Day if s == 0 && self.this_day_is_today(i) => {
                        return fixed(i + 2, self.published.map(dm::day), Grain::Day);
                    }
                    // "next day", "the following day": the day after some
                    // event of the story, not after publication.
                    UnitWord::Day => return None,
                };
                // plural ("last two years" is a duration) never reaches here; "last years" is odd.
                if self.word(i + 1).ends_with('s') {
                    return None;
                }
                if let (UnitWord::Week, Some(Lex::Weekday(wd))) = (u, self.lex(i + 2)) {
                    let iv = self.published.and_then(|p| week_day(p, s, wd)).map(dm::day);
                    return fixed(i + 3, iv, Grain::Day);
                }
                let iv = self.published.and_then(|p| shift_period(p, u, s));
                fixed(i + 2, iv, grain)
            }
            Lex::Quarter => {
                let iv = self.published.and_then(|p| {
                    let q = (p.month() - 1) / 3;
                    let (y, m) = dm::shift_month(p.year(), q * 3 + 1, s * 3);
                    dm::quarter(y, (m - 1) / 3 + 1)
                });
                fixed(i + 2, iv, Grain::Quarter)
            }
            Lex::Weekday(wd) => {
                let iv = self
                    .published
                    .and_then(|p| dm::shifted_weekday(wd, p, s))
                    .map(dm::day);
                let mut end = i + 2;
                if self.lex(end) == Some(Lex::DayPart) {
                    end += 1;
                }
                fixed(end, iv, Grain::Day)
            }
            Lex::Month {
                month: m,
                abbr: false,
            } if self.tok(i + 1).is_some_and(Tok::is_cap_word) => {
                let iv = self.published.and_then(|p| {
                    let y = match s {
                        s if s < 0 => p.year() - i32::from(m >= p.month()),
                        0 => p.year(),
                        _ => p.year() + i32::from(m <= p.month()),
                    };
                    dm::month(y, m)
                });
                fixed(i + 2, iv, Grain::Month)
            }
            _ => None,
        }
    }

    /// "this day" at `i` (the "this") as the publication day ("On this day
    /// of thanks …"); not the idioms "to this day" (still), "this day and
    /// age" (nowadays), nor an anniversary ("this day last year", "on this
    /// day in 1945", "this day 50 years ago").
    fn this_day_is_today(&self, i: usize) -> bool {
        if !self.word_is(i + 1, "day") {
            return false;
        }
        let before = i.checked_sub(1).and_then(|b| self.prep(b));
        if matches!(before, Some(Prep::To | Prep::Until)) {
            return false;
        }
        !matches!(
            self.tok(i + 2).map(|t| (t.kind, t.lex())),
            Some(
                (TokKind::Num { .. }, _)
                    | (
                        _,
                        Some(Lex::Prep(Prep::In | Prep::And) | Lex::Shift(_) | Lex::Cardinal(_))
                    )
            )
        )
    }

    /// "earlier this month", "later this year".
    fn earlier_later(&self, i: usize, earlier: bool) -> Option<Parsed> {
        // "earlier this month", "later in the year".
        let this = self.lex(i + 1) == Some(Lex::Shift(0))
            || self.prep(i + 1) == Some(Prep::In) && self.is_the(i + 2);
        if !this {
            return None;
        }
        let k = if self.is_the(i + 2) { i + 3 } else { i + 2 };
        let Some(Lex::Unit(u)) = self.lex(k) else {
            return None;
        };
        if self.word(k).ends_with('s') {
            return None;
        }
        let grain = match u {
            UnitWord::Week => Grain::Week,
            UnitWord::Month => Grain::Month,
            UnitWord::Year => Grain::Year,
            _ => return None,
        };
        let iv = self.published.and_then(|p| {
            let (s, e) = shift_period(p, u, 0)?;
            // "earlier this month" ends the day before publication; "later
            // this week" starts on it (the rest of the day is later too).
            if earlier {
                Some((s, dm::add_days(p, -1)?.max(s)))
            } else {
                Some((p, e))
            }
        });
        Some(Parsed {
            start: i,
            end: k + 1,
            atom: Atom::Fixed {
                iv,
                grain,
                relative: true,
            },
        })
    }

    /// "early/mid/late X" with X a month, year, decade, century or relative period.
    fn part(&self, start: usize, j: usize, p: Part) -> Option<Parsed> {
        let j = if self.punct(j, b'-') && self.tight(j) {
            j + 1
        } else {
            j
        };
        let inner = self.part_target(j)?;
        Some(Parsed {
            start,
            end: inner.end,
            atom: self.apply_part(inner, p)?,
        })
    }

    /// "the end of the year", "the beginning of 2019", "the middle of March".
    fn part_of(&self, i: usize, p: Part) -> Option<Parsed> {
        if self.prep(i + 1) != Some(Prep::Of) {
            return None;
        }
        let j = i + 2;
        // "the end of the year/month/week" = this one.
        if self.is_the(j) {
            if let Some(Lex::Unit(u @ (UnitWord::Year | UnitWord::Month | UnitWord::Week))) =
                self.lex(j + 1)
            {
                if self.word(j + 1).ends_with('s') {
                    return None;
                }
                let grain = grain_of(u);
                let iv = self.published.and_then(|d| shift_period(d, u, 0));
                let inner = Parsed {
                    start: j,
                    end: j + 2,
                    atom: Atom::Fixed {
                        iv,
                        grain,
                        relative: true,
                    },
                };
                return Some(Parsed {
                    start: i,
                    end: inner.end,
                    atom: self.apply_part(inner, p)?,
                });
            }
            let inner = self.the(j)?;
            return Some(Parsed {
                start: i,
                end: inner.end,
                atom: self.apply_part(inner, p)?,
            });
        }
        let inner = self.part_target(j)?;
        Some(Parsed {
            start: i,
            end: inner.end,
            atom: self.apply_part(inner, p)?,
        })
    }

    /// What a part word may modify.
    fn part_target(&self, j: usize) -> Option<Parsed> {
        let t = self.tok(j)?;
        match t.kind {
            TokKind::Word {
                lex: Some(Lex::Month { .. }),
                ..
            } => self.month_first(j, j, true),
            TokKind::Word {
                lex: Some(Lex::Shift(s)),
                ..
            } => self.shifted(j, s),
            TokKind::Word {
                lex: Some(Lex::Weekday(wd)),
                cap,
            } => self.weekday(j, wd, cap),
            TokKind::Word {
                lex: Some(Lex::DayWord(n)),
                ..
            } => self.day_word(j, n),
            TokKind::Word {
                lex: Some(Lex::Det),
                ..
            } if self.is_the(j) => self.the(j),
            TokKind::Num { .. } => self.year_num(j).map(|y| Parsed {
                start: j,
                end: j + 1,
                atom: Atom::Year(y),
            }),
            TokKind::Decade { value, digits } => self.decade(j, j, value, digits),
            TokKind::Ord { value } => self.century(j, j, value),
            _ => None,
        }
    }

    /// Narrows an atom to its early/mid/late part.
    fn apply_part(&self, inner: Parsed, p: Part) -> Option<Atom> {
        let future = self.speaks_of_future(inner.start, inner.end);
        let (iv, grain, relative) = self.resolve(inner.atom, future);
        let iv = match (iv, grain) {
            (None, _) => None,
            (Some((s, _)), Grain::Month) => dm::part_of_month(s.year(), s.month(), p),
            (Some((s, _)), Grain::Year) => dm::part_of_year(s.year(), p),
            (Some((s, _)), Grain::Decade) => dm::part_of_decade(s.year(), p),
            (Some((s, _)), Grain::Century) => dm::part_of_century(s.year(), p),
            (Some((s, _)), Grain::Week) => dm::part_of_week(s, p),
            (Some(iv), _) => Some(iv),
        };
        Some(Atom::Fixed {
            iv,
            grain,
            relative,
        })
    }

    /// "the 1990s", "1990s", "the '90s".
    fn decade(&self, start: usize, i: usize, value: u32, digits: u8) -> Option<Parsed> {
        let first = match digits {
            4 if value.is_multiple_of(10) && YEAR_IN_CONTEXT.contains(&value) => value as i32,
            2 if value.is_multiple_of(10) => {
                // "'90s": the latest such decade not after publication.
                let v = value as i32;
                match self.published {
                    Some(p) if 2000 + v <= p.year() => 2000 + v,
                    Some(_) => 1900 + v,
                    None if v < 30 => 2000 + v,
                    None => 1900 + v,
                }
            }
            _ => return None,
        };
        // A bare "90s" needs "the" or an apostrophe: "in his 90s" is an age.
        if digits == 2 && start == i {
            return None;
        }
        Some(Parsed {
            start,
            end: i + 1,
            atom: Atom::Fixed {
                iv: dm::decade(first),
                grain: Grain::Decade,
                relative: false,
            },
        })
    }

    /// "the 19th century", "19th-century".
    fn century(&self, start: usize, i: usize, n: u32) -> Option<Parsed> {
        let j = if self.punct(i + 1, b'-') {
            i + 2
        } else {
            i + 1
        };
        if self.lex(j) != Some(Lex::Century) || !(1..=22).contains(&n) {
            return None;
        }
        Some(Parsed {
            start,
            end: j + 1,
            atom: Atom::Fixed {
                iv: dm::century(n as i32),
                grain: Grain::Century,
                relative: false,
            },
        })
    }

    /// "the nineteenth century", "the twenty-first century".
    fn century_words(&self, start: usize, i: usize, n: u32) -> Option<Parsed> {
        self.century(start, i, n)
    }

    /// "the first quarter of 2021", "the second half of 2019", "the first
    /// week of March", "the last quarter of last year". `n` 0 means "last".
    fn ordinal_period(&self, start: usize, i: usize, n: u32) -> Option<Parsed> {
        let what = self.lex(i + 1)?;
        if self.prep(i + 2) != Some(Prep::Of) {
            return None;
        }
        let j = i + 3;
        // The year: a number, "this/last/next year", or a month for weeks.
        let year: Option<(usize, Option<i32>, bool)> = if let Some(y) = self.year_num(j) {
            Some((j + 1, Some(y), false))
        } else if let (Some(Lex::Shift(s)), Some(Lex::Unit(UnitWord::Year))) =
            (self.lex(j), self.lex(j + 1))
        {
            Some((j + 2, self.published.map(|p| p.year() + s), true))
        } else if self.is_the(j) && self.lex(j + 1) == Some(Lex::Unit(UnitWord::Year)) {
            Some((j + 2, self.published.map(|p| p.year()), true))
        } else {
            None
        };
        let fixed = |end: usize, iv: Option<Interval>, grain: Grain, relative: bool| {
            Some(Parsed {
                start,
                end,
                atom: Atom::Fixed {
                    iv,
                    grain,
                    relative,
                },
            })
        };
        match what {
            Lex::Quarter => {
                let (end, y, rel) = year?;
                let q = if n == 0 { 4 } else { n };
                fixed(end, y.and_then(|y| dm::quarter(y, q)), Grain::Quarter, rel)
            }
            Lex::Half => {
                let (end, y, rel) = year?;
                let h = if n == 0 { 2 } else { n };
                fixed(end, y.and_then(|y| dm::half(y, h)), Grain::Month, rel)
            }
            Lex::Unit(UnitWord::Week) if n > 0 && year.is_some_and(|y| !y.2) => {
                // "the first week of 2015": ISO week n.
                let (end, y, _) = year?;
                let iv = y.and_then(|y| {
                    let mon = NaiveDate::from_isoywd_opt(y, n, Weekday::Mon)?;
                    Some((mon, dm::add_days(mon, 6)?))
                });
                fixed(end, iv, Grain::Week, false)
            }
            Lex::Unit(UnitWord::Week) => {
                let month = match self.shifted_month(j) {
                    Some(ym) => Parsed {
                        start: j,
                        end: j + 2,
                        atom: Atom::Fixed {
                            iv: ym.and_then(|(y, m)| dm::month(y, m)),
                            grain: Grain::Month,
                            relative: true,
                        },
                    },
                    None => self.month_first(j, j, true)?,
                };
                let future = self.speaks_of_future(start, month.end);
                let (iv, _, rel) = self.resolve(month.atom, future);
                let iv = iv.and_then(|(s, e)| dm::week_of_month(s, e, n));
                fixed(month.end, iv, Grain::Week, rel)
            }
            _ => None,
        }
    }

    // ---- years ----

    /// Whether the four-digit number at `i` stands where a year does.
    /// `range_start` relaxes the check on what follows (a dash and a year).
    fn year_context(&self, i: usize, range_start: bool) -> bool {
        let Some((v, 4)) = self.num(i) else {
            return false;
        };
        // Glued to other digits, signs or letters: "$2000", "2000mm", "1,2000", "#2000", "F-2000".
        if let Some(prev) = i.checked_sub(1).and_then(|p| self.tok(p)) {
            let glued = self.tight(i);
            match prev.kind {
                TokKind::Punct(b'$' | b'#' | b'~') => return false,
                TokKind::Punct(b'-' | b'/' | b'.' | b',' | b':') if glued => return false,
                TokKind::Word { .. } | TokKind::Num { .. } if glued => return false,
                _ => {}
            }
        }
        if let Some(next) = self.tok(i + 1) {
            let glued = !next.space_before;
            match next.kind {
                TokKind::Punct(b'%') => return false,
                TokKind::Word { .. } | TokKind::Num { .. } if glued => return false,
                TokKind::Punct(b',' | b'.' | b':')
                    if glued && self.tight(i + 2) && self.num(i + 2).is_some() =>
                {
                    return false;
                }
                TokKind::Punct(b'-')
                    if glued && !range_start && self.tok(i + 2).is_some_and(Tok::is_word) =>
                {
                    return false;
                }
                _ => {}
            }
        }
        let before = i.checked_sub(1).and_then(|p| self.tok(p));
        match before.map(|t| (t.kind, t.lex())) {
            // "in 2009", "since 2013", "the 2016 election", "its 1967 borders", "mid-2015".
            Some((
                _,
                Some(
                    Lex::Prep(_)
                    | Lex::Det
                    | Lex::Part(_)
                    | Lex::PartOf(_)
                    | Lex::Approx
                    | Lex::Month { .. },
                ),
            )) => !self.unit_follows(i + 1) && !self.address_follows(i + 1),
            Some((_, Some(Lex::NotYearBefore))) => false,
            // "ATMOS 2000", "Windows 2000", "Euro 2016": a name with a number.
            Some((TokKind::Word { cap: true, .. }, _)) => false,
            Some((TokKind::Word { .. }, _)) => {
                YEAR_ALONE.contains(&v)
                    && !self.counted_noun_follows(i + 1)
                    && !self.unit_follows(i + 1)
            }
            _ => {
                YEAR_ALONE.contains(&v)
                    && !self.counted_noun_follows(i + 1)
                    && !self.unit_follows(i + 1)
            }
        }
    }

    /// An address noun follows: "the 1100 block of Mondrian Loop" is a
    /// street number, not a year.
    fn address_follows(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Tok::is_word)
            && matches!(
                self.word(i).to_ascii_lowercase().as_str(),
                "block" | "blocks"
            )
    }

    /// A period or measurement noun follows ("2000 years", "2000 mm").
    fn unit_follows(&self, i: usize) -> bool {
        matches!(self.lex(i), Some(Lex::Unit(_)))
    }

    /// A lowercase noun follows that a count would take ("2000 soldiers",
    /// "1500 people"), as opposed to a verb or a preposition ("2016 was").
    fn counted_noun_follows(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        if !matches!(
            t.kind,
            TokKind::Word {
                cap: false,
                lex: None
            }
        ) {
            return false;
        }
        let w = self.word(i);
        let lower = w.to_ascii_lowercase();
        if COUNT_NOUNS.contains(&lower.as_str()) || UNIT_SYMBOLS.contains(&lower.as_str()) {
            return true;
        }
        w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !VERBS_AFTER_YEAR.contains(&lower.as_str())
    }
}

/// Weekday `wd` of the week `s` weeks from the one holding `p`.
fn week_day(p: NaiveDate, s: i32, wd: Weekday) -> Option<NaiveDate> {
    let (mon, _) = dm::week(dm::add_days(p, 7 * i64::from(s))?)?;
    dm::add_days(mon, i64::from(wd.num_days_from_monday()))
}

fn grain_of(u: UnitWord) -> Grain {
    match u {
        UnitWord::Day => Grain::Day,
        UnitWord::Week | UnitWord::Weekend => Grain::Week,
        UnitWord::Month => Grain::Month,
        UnitWord::Quarter => Grain::Quarter,
        UnitWord::Year => Grain::Year,
        UnitWord::Decade => Grain::Decade,
    }
}

/// The period of kind `u` containing `p`, shifted by `s` periods.
fn shift_period(p: NaiveDate, u: UnitWord, s: i32) -> Option<Interval> {
    match u {
        UnitWord::Week => dm::week(dm::add_days(p, 7 * i64::from(s))?),
        UnitWord::Weekend => dm::weekend(dm::add_days(p, 7 * i64::from(s))?),
        UnitWord::Month => {
            let (y, m) = dm::shift_month(p.year(), p.month(), s);
            dm::month(y, m)
        }
        UnitWord::Year => dm::year(p.year() + s),
        UnitWord::Decade => dm::decade((p.year().div_euclid(10) + s) * 10),
        UnitWord::Quarter => {
            let q = (p.month() - 1) / 3;
            let (y, m) = dm::shift_month(p.year(), q * 3 + 1, s * 3);
            dm::quarter(y, (m - 1) / 3 + 1)
        }
        UnitWord::Day => dm::add_days(p, i64::from(s)).map(dm::day),
    }
}

/// Fills what one range end leaves out from the other: "from March to May
/// 2017" (year), "November 19 to 20" (month), "2012–13" (century).
fn combine(a: Atom, b: Atom) -> Option<(Atom, Atom)> {
    match (a, b) {
        (Atom::Year(x), Atom::Year(y)) if y > x && y - x < 200 => Some((a, b)),
        (Atom::Year(x), Atom::ShortYear(s)) => {
            let y = x / 100 * 100 + s as i32;
            (y > x).then_some((a, Atom::Year(y)))
        }
        (
            Atom::Cal {
                y: y1,
                m: m1,
                d: d1,
            },
            Atom::Cal {
                y: y2,
                m: m2,
                d: d2,
            },
        ) => {
            let y1 = y1.or(y2);
            let y2 = y2.or(y1);
            Some((
                Atom::Cal {
                    y: y1,
                    m: m1,
                    d: d1,
                },
                Atom::Cal {
                    y: y2,
                    m: m2,
                    d: d2,
                },
            ))
        }
        (Atom::Cal { y, m, d: Some(d1) }, Atom::DayNum(d2)) if d2 > d1 => {
            Some((a, Atom::Cal { y, m, d: Some(d2) }))
        }
        (Atom::DayNum(d1), Atom::Cal { y, m, d: Some(d2) }) if d2 > d1 => {
            Some((Atom::Cal { y, m, d: Some(d1) }, b))
        }
        (
            Atom::Cal { y: Some(_), .. } | Atom::Year(_),
            Atom::Cal { y: Some(_), .. } | Atom::Year(_),
        ) => Some((a, b)),
        // Ends that resolve on their own: "between Jan 2019 and today",
        // "from 2007 to the end of 2008", "from April until the end of June".
        (Atom::DayNum(_) | Atom::ShortYear(_), _) | (_, Atom::DayNum(_) | Atom::ShortYear(_)) => {
            None
        }
        _ => Some((a, b)),
    }
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;
