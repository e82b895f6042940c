//! Quantities: money, percentages, counts, durations and measures.
//!
//! [`scan`] makes one forward pass over the bytes and only does work at
//! anchors: a digit at a word boundary, a currency symbol, or one of a small
//! set of trigger words (number words, vague-count words, currency codes,
//! "a"/"an"/"half"). From an anchor it reads the number ([`super::number`]),
//! an optional range end, what follows ([`super::quantity_units`]) and the
//! qualifier written before it, and emits one [`Mention`]. Word lists live in
//! [`super::lexicon`]. What is *not* a quantity (designations, years, days,
//! ordinals, times of day, phone numbers, URLs, page furniture) is decided
//! next to the code that rejects it.

use std::sync::OnceLock;

use super::lexicon::{
    CURRENCY_CODES, CURRENCY_SYMBOLS, DOLLAR_PREFIXES, NUMBER_WORDS, QUALIFIERS, VAGUE_COUNTS,
    VagueCount,
};
use super::number::{
    Number, next_word, parse_digit_number, parse_word_number, skip_spaces, skip_spaces_back,
    word_end,
};
use super::quantity_units::{
    Joint, bracketed_unit, counted_noun, currency_after, currency_code, currency_name, duration_at,
    duration_is_date_or_age, duration_unit, is_month, is_time_of_day, match_ci, measure_at,
    percent_at,
};
use super::words::{self, WordIndex};
use crate::claim::{Kind, Mention, Normalized, Qualifier, Span, Value};

/// Finds every quantity mention in `text`; spans are offsets into `text`.
pub fn scan(text: &str) -> Vec<Mention> {
    let b = text.as_bytes();
    let t = triggers();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match BYTE_CLASS[usize::from(c)] {
            Class::Other => i += 1,
            Class::Letter => {
                let e = word_end(b, i);
                let next =
                    if (i == 0 || !b[i - 1].is_ascii_alphanumeric()) && is_trigger(t, &b[i..e]) {
                        word_anchor(b, i, e, &mut out)
                    } else {
                        None
                    };
                i = next.unwrap_or(e).max(i + 1);
            }
            Class::Digit => {
                let next = if digit_boundary(b, i) {
                    number_anchor(b, i, &mut out)
                } else {
                    None
                };
                i = next.unwrap_or_else(|| token_end(b, i)).max(i + 1);
            }
            Class::Symbol => {
                let next = symbol_anchor(b, i, &mut out);
                i = next.unwrap_or(i + 1).max(i + 1);
            }
        }
    }
    // Spans must slice the text on character boundaries; every anchor and
    // end above is an ASCII byte or a whole symbol, so this only guards.
    out.retain(|m| text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    out
}

/// What the scanner does at a byte.
#[derive(Clone, Copy)]
enum Class {
    Other,
    Letter,
    Digit,
    /// The first byte of a currency symbol.
    Symbol,
}

/// The class of every byte: ASCII letters, digits, the first bytes of the
/// currency symbols, and everything else, which the scanner steps over.
const BYTE_CLASS: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut c = 0;
    while c < 256 {
        let u = c as u8;
        if u.is_ascii_alphabetic() {
            t[c] = Class::Letter;
        } else if u.is_ascii_digit() {
            t[c] = Class::Digit;
        }
        c += 1;
    }
    let mut k = 0;
    while k < CURRENCY_SYMBOLS.len() {
        t[CURRENCY_SYMBOLS[k].0.as_bytes()[0] as usize] = Class::Symbol;
        k += 1;
    }
    t
};

/// End of the letters-and-digits token at `i`.
fn token_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        j += 1;
    }
    j
}

/// A digit starts a number only after a space, an opening bracket or quote,
/// or a dash that follows a space. Anything glued before it makes it part of
/// a name or code: "G20", "F-35", "COVID-19", "Su-27", "MACS J1149", URLs
/// ("/2018/", "?q=30"), e-mail addresses, "#5", "+972", "1,2", "3/4".
fn digit_boundary(b: &[u8], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    match b[i - 1] {
        b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'[' | b'"' | b'\'' | b'~' | b'*' => true,
        // second byte of U+00A0; last bytes of “ ‘ – — and thin spaces
        0xA0 | 0x9C | 0x98 | 0x93 | 0x94 | 0x89 | 0xAF => true,
        b'-' => i < 2 || matches!(b[i - 2], b' ' | b'\t' | b'\n'),
        // U+2212 minus sign, U+2012 figure dash
        0x92 => minus_before(b, i).is_some(),
        _ => false,
    }
}

/// A minus sign glued before the digit at `i` ("-5%", "−3.2 percent"),
/// itself after a space, an opening bracket or the start of the text.
/// Returns where the sign starts. A hyphen glued to a word or number is a
/// joint ("F-35", "30-40%"), not a sign.
fn minus_before(b: &[u8], i: usize) -> Option<usize> {
    let s = if i >= 1 && b[i - 1] == b'-' {
        i - 1
    } else if i >= 3 && matches!(b.get(i - 3..i), Some([0xE2, 0x88 | 0x80, 0x92])) {
        i - 3
    } else {
        return None;
    };
    (s == 0 || matches!(b[s - 1], b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'[' | b'"')).then_some(s)
}

/// The trigger words, the only words the scanner stops at: number words,
/// "a", "an", "half", the first words of vague counts and currency codes.
struct Triggers {
    index: WordIndex,
    /// Lengths (as bits) of the trigger words by their first two letters,
    /// and by their first and last letters: a word passes both filters
    /// before it is looked up. Every word of the text is checked, so this is
    /// the scanner's hot path; the filters turn away nearly all words
    /// ("the", "and", "that") in a few instructions.
    by_head: Box<[u32; 1024]>,
    by_ends: Box<[u32; 1024]>,
}

/// Longest trigger word ("seventeen", "thousands").
const MAX_TRIGGER: usize = 9;

/// Filter slot of two letters; `& 0x1f` folds ASCII case.
fn pair(a: u8, b: u8) -> usize {
    usize::from(a & 0x1f) << 5 | usize::from(b & 0x1f)
}

/// Filter slots of a word of ASCII letters: (first two, first and last).
fn filter_slots(w: &[u8]) -> Option<(usize, usize)> {
    let (&first, &last) = (w.first()?, w.last()?);
    let second = w.get(1).copied().unwrap_or(0);
    Some((pair(first, second), pair(first, last)))
}

fn triggers() -> &'static Triggers {
    static T: OnceLock<Triggers> = OnceLock::new();
    T.get_or_init(|| {
        let words: Vec<&str> = NUMBER_WORDS
            .iter()
            .map(|(w, _)| *w)
            .chain(["a", "an", "half"])
            .chain(
                VAGUE_COUNTS
                    .iter()
                    .filter_map(|v| v.phrase.split(' ').next()),
            )
            .chain(CURRENCY_CODES.iter().map(|(w, _, _)| *w))
            .collect();
        let mut by_head = Box::new([0u32; 1024]);
        let mut by_ends = Box::new([0u32; 1024]);
        for w in &words {
            if let Some((h, e)) = filter_slots(w.as_bytes()) {
                by_head[h] |= 1 << w.len().min(31);
                by_ends[e] |= 1 << w.len().min(31);
            }
        }
        Triggers {
            index: WordIndex::new(words.iter().copied()),
            by_head,
            by_ends,
        }
    })
}

/// True when the word `w` (ASCII letters) is a trigger word.
fn is_trigger(t: &Triggers, w: &[u8]) -> bool {
    if w.len() > MAX_TRIGGER {
        return false;
    }
    let Some((h, e)) = filter_slots(w) else {
        return false;
    };
    let bit = 1u32 << w.len();
    t.by_head[h] & bit != 0 && t.by_ends[e] & bit != 0 && t.index.contains(w)
}

/// A currency written before the amount.
#[derive(Debug, Clone, Copy)]
struct Prefix {
    start: usize,
    code: &'static str,
}

/// At a digit: exclusions, then the quantity. Returns where to resume.
fn number_anchor(b: &[u8], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    // Phone numbers and long dashed identifiers: skipped whole.
    if let Some(end) = phone_like(b, i) {
        return Some(end);
    }
    let n = parse_digit_number(b, i, false)?;
    // Times of day and clock readings ("17:30", "5 p.m.", "11pm"), and
    // ratios or scores written with a colon.
    if b.get(n.end) == Some(&b':') && b.get(n.end + 1).is_some_and(u8::is_ascii_digit) {
        return Some(token_end(b, n.end + 1));
    }
    if !n.scaled && is_time_of_day(b, n.end) {
        return Some(n.end);
    }
    // Ordinals ("60th anniversary", "11th Street") and decades ("1990s",
    // "the '90s", which the date extractor owns) are not quantities.
    if !n.scaled && n.plain_digits > 0 && ordinal_or_decade(b, n.end) {
        return Some(token_end(b, n.end));
    }
    // A day number beside a month name ("September 24", "Feb. 6") is a date.
    if prev_word_is_month(b, i) {
        return Some(n.end);
    }
    let n = with_fraction(b, n).unwrap_or(n);
    quantity(b, None, n, minus_before(b, i), out)
}

/// Largest denominator read in a fraction ("1/2", "3/4", "5/16").
const MAX_DENOMINATOR: f64 = 64.0;

/// A fraction written in digits before a measure unit: "1/2 cup", "3/4-inch
/// pipe", and a whole number with one ("1 1/2 cups"). Elsewhere a slash
/// joins a date, a score or a code ("9/11", "24/7", "3/4 of voters"), so
/// only a proper fraction followed by a unit is read. Returns the number
/// with the fraction's value and end.
fn with_fraction(b: &[u8], n: Number) -> Option<Number> {
    if n.scaled || !(1..=3).contains(&n.plain_digits) {
        return None;
    }
    let (whole, at) = if b.get(n.end) == Some(&b'/') {
        (0.0, n.start)
    } else {
        // "1 1/2": one space, then the fraction.
        let s = skip_spaces(b, n.end);
        (s == n.end + 1).then_some((n.value, s))?
    };
    let num = parse_digit_number(b, at, false)?;
    if b.get(num.end) != Some(&b'/') || !(1..=2).contains(&num.plain_digits) {
        return None;
    }
    let den = parse_digit_number(b, num.end + 1, false)?;
    let proper = den.plain_digits > 0
        && den.value >= 2.0
        && den.value <= MAX_DENOMINATOR
        && num.value < den.value
        && num.value > 0.0;
    // The unit is spelled or a symbol of two or more letters: a lone
    // letter after a fraction is a table's column mark ("286 1/2L",
    // "97 7/32 H"), not litres or metres.
    let unit_ok = measure_at(b, den.end).is_some_and(|(_, e, joint)| {
        let s = match joint {
            Joint::Attached => den.end,
            Joint::Spaced => skip_spaces(b, den.end),
            Joint::Hyphen => den.end + 1,
        };
        e >= s + 2
    });
    if !proper || !unit_ok {
        return None;
    }
    Some(Number {
        end: den.end,
        value: whole + num.value / den.value,
        plain_digits: 0,
        ..n
    })
}

/// "155 mm (6.1 in)": "in" after a number means inches only inside a
/// parenthetical conversion of a measure: the number opens the bracket,
/// "in" (or "in.") closes it, and a measure claim ends right before the
/// bracket. Anywhere else "in" is the preposition ("5 in 10 people", "2 in
/// the morning", "(2 in 3 voters)"). Returns the unit and the end of "in".
fn conversion_inches(
    b: &[u8],
    prefix: Option<Prefix>,
    first: &Number,
    last: &Number,
    prev: Option<&Mention>,
) -> Option<(&'static super::lexicon::MeasureUnit, usize)> {
    let open = skip_spaces_back(b, first.start).checked_sub(1)?;
    if prefix.is_some() || first.words || b.get(open) != Some(&b'(') {
        return None;
    }
    let prev = prev.filter(|m| m.kind == Kind::Measure)?;
    if skip_spaces_back(b, open) != prev.span.end {
        return None;
    }
    let p = skip_spaces(b, last.end);
    let end = super::quantity_units::match_cs(b, p, "in").filter(|_| p > last.end)?;
    let after = if b.get(end) == Some(&b'.') {
        end + 1
    } else {
        end
    };
    if b.get(skip_spaces(b, after)) != Some(&b')') {
        return None;
    }
    let inch = super::lexicon::MEASURE_UNITS
        .iter()
        .find(|u| u.symbol == "in")?;
    Some((inch, end))
}

/// "st", "nd", "rd", "th" or "s" glued to the digits.
fn ordinal_or_decade(b: &[u8], i: usize) -> bool {
    let e = token_end(b, i);
    let suffix = &b[i..e];
    ["st", "nd", "rd", "th", "s"]
        .iter()
        .any(|s| s.as_bytes().eq_ignore_ascii_case(suffix))
}

/// Phone numbers and dashed identifiers: three or more digit groups joined by
/// "-" or "." ("555-123-4567", "1111-22223333-4444"), a 3-4 digit pair
/// ("555-0100"), or an area code in brackets ("(202) 555-0100"). Returns
/// the end of the run to skip.
fn phone_like(b: &[u8], i: usize) -> Option<usize> {
    let mut groups = 0usize;
    let mut first_group = 0usize;
    let mut last_group;
    let mut digits = 0usize;
    let mut j = i;
    loop {
        let s = j;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        groups += 1;
        digits += j - s;
        last_group = j - s;
        if groups == 1 {
            first_group = j - s;
        }
        if groups > 6 {
            break;
        }
        match (b.get(j), b.get(j + 1)) {
            (Some(b'-' | b'.'), Some(c)) if c.is_ascii_digit() => j += 1,
            _ => break,
        }
    }
    let bracketed =
        i > 0 && b[i - 1] == b'(' && groups == 1 && first_group == 3 && { b.get(j) == Some(&b')') };
    let phone = (groups >= 3 && digits >= 7)
        || (groups == 2 && first_group == 3 && last_group == 4 && b.get(i + 3) == Some(&b'-'))
        || bracketed;
    phone.then_some(j.max(i + 1))
}

fn prev_word_is_month(b: &[u8], i: usize) -> bool {
    let mut e = skip_spaces_back(b, i);
    if e == i {
        return false;
    }
    if e > 0 && b[e - 1] == b'.' {
        e -= 1;
    }
    let s = word_start(b, e);
    is_month(&b[s..e])
}

/// Start of the run of ASCII letters ending at `e`.
fn word_start(b: &[u8], e: usize) -> usize {
    let mut s = e;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    s
}

/// At a trigger word: a currency code, a vague count, or a number in words.
fn word_anchor(b: &[u8], i: usize, e: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let word = &b[i..e];
    // "USD 385 million", "NIS 50 million", "Rs 500 crore", "Rs. 500", "usd$ 15"
    if let Some(code) = currency_code(word) {
        let mut p = e;
        if b.get(p) == Some(&b'.') {
            p += 1;
        }
        if b.get(p) == Some(&b'$') {
            p += 1;
        }
        let s = skip_spaces(b, p);
        if b.get(s).is_some_and(u8::is_ascii_digit) {
            let n = parse_digit_number(b, s, true)?;
            return quantity(b, Some(Prefix { start: i, code }), n, None, out);
        }
        return None;
    }
    if let Some(end) = vague_anchor(b, i, out) {
        return Some(end);
    }
    if let Some(n) = parse_word_number(b, i) {
        // A day or year in words is not ours; a bare "one" is a pronoun or
        // an article far more often than a count ("one of the best").
        return quantity(b, None, n, None, out).or(Some(n.end));
    }
    // "a decade", "a year": one unit, see `article_duration`.
    if word.eq_ignore_ascii_case(b"a") || word.eq_ignore_ascii_case(b"an") {
        return article_duration(b, i, e, out);
    }
    None
}

/// At "$", "€", "£", …: money with the symbol before the amount.
fn symbol_anchor(b: &[u8], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let &(sym, code) = CURRENCY_SYMBOLS.iter().find(|(s, _)| {
        s.as_bytes().first() == b.get(i) && b.get(i..i + s.len()) == Some(s.as_bytes())
    })?;
    let (start, code) = if sym == "$" {
        dollar_prefix(b, i).unwrap_or((i, code))
    } else {
        (i, code)
    };
    let s = skip_spaces(b, i + sym.len());
    if !b.get(s).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let n = parse_digit_number(b, s, true)?;
    quantity(b, Some(Prefix { start, code }), n, None, out).or(Some(n.end))
}

/// Letters before "$" naming the dollar: "US$", "C$", "A$", "c $", "NZ$".
fn dollar_prefix(b: &[u8], dollar: usize) -> Option<(usize, &'static str)> {
    let e = skip_spaces_back(b, dollar);
    let spaced = e < dollar;
    let mut s = e;
    while s > 0 && (b[s - 1].is_ascii_alphabetic() || b[s - 1] == b'.') {
        s -= 1;
    }
    if s == e || e - s > 5 || s > 0 && b[s - 1].is_ascii_alphanumeric() {
        return None;
    }
    let mut buf = [0u8; 5];
    let mut n = 0;
    for &c in &b[s..e] {
        if c != b'.' {
            buf[n] = c.to_ascii_lowercase();
            n += 1;
        }
    }
    let key = &buf[..n];
    let upper = b[s..e].iter().all(|c| !c.is_ascii_lowercase());
    DOLLAR_PREFIXES
        .iter()
        .find(|(p, _, may_space)| {
            p.as_bytes() == key
                && (!spaced || *may_space || (upper && n > 1) || b[s..e].contains(&b'.'))
        })
        .map(|&(_, code, _)| (s, code))
}

/// The qualifier written right before `start`, with the start of its phrase.
fn qualifier_before(b: &[u8], start: usize) -> Option<(Qualifier, usize)> {
    let e = skip_spaces_back(b, start);
    let last = *b.get(e.checked_sub(1)?)?;
    QUALIFIERS.iter().find_map(|&(phrase, q)| {
        let p = phrase.as_bytes();
        if !p.last()?.eq_ignore_ascii_case(&last) {
            return None;
        }
        let s = e.checked_sub(p.len())?;
        let words_apart = e < start || !p.last().is_some_and(u8::is_ascii_alphabetic);
        (words_apart
            && b[s..e].eq_ignore_ascii_case(p)
            && (s == 0 || !b[s - 1].is_ascii_alphanumeric()))
        .then_some((q, s))
    })
}

/// The word right before `start` (past spaces), if it is `word`; returns its start.
fn word_before(b: &[u8], start: usize, word: &str) -> Option<usize> {
    let e = skip_spaces_back(b, start);
    if e == start {
        return None;
    }
    let s = word_start(b, e);
    (b[s..e].eq_ignore_ascii_case(word.as_bytes()) && (s == 0 || !b[s - 1].is_ascii_alphanumeric()))
        .then_some(s)
}

/// How two numbers are joined into a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeJoin {
    Dash,
    To,
    And,
}

/// A range end after `i`: "-40", "–$500 million", " to 10", " and $500
/// million", "-to-five". Returns the number, the join, and whether the
/// currency symbol was written again before it.
fn range_end(
    b: &[u8],
    i: usize,
    prefix: Option<Prefix>,
    words: bool,
) -> Option<(Number, RangeJoin, bool)> {
    let s = skip_spaces(b, i);
    let (join, after) = if s == i
        && b.get(s..s + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"-to-"))
    {
        // "three-to-five stores", "3-to-5 years"
        (RangeJoin::To, s + 4)
    } else if b.get(s) == Some(&b'-') {
        (RangeJoin::Dash, s + 1)
    } else if b.get(s..s + 3) == Some("–".as_bytes()) || b.get(s..s + 3) == Some("—".as_bytes())
    {
        (RangeJoin::Dash, s + 3)
    } else if let Some(e) = match_ci(b, s, "to") {
        (RangeJoin::To, e)
    } else if let Some(e) = match_ci(b, s, "and") {
        (RangeJoin::And, e)
    } else {
        return None;
    };
    // A dash range is written tight or spaced on both sides; "5 -6" is not one.
    let mut p = skip_spaces(b, after);
    if join == RangeJoin::Dash && (p > after) != (s > i) {
        return None;
    }
    let mut repeated = false;
    if let Some(pre) = prefix {
        // "$300-$500 million", "between $300 and $500 million"
        if let Some(&(sym, _)) = CURRENCY_SYMBOLS
            .iter()
            .find(|(sym, code)| {
                *code == pre.code && b.get(p..p + sym.len()) == Some(sym.as_bytes())
            })
            .or_else(|| (pre.code != "USD" && b.get(p) == Some(&b'$')).then_some(&("$", "")))
        {
            p = skip_spaces(b, p + sym.len());
            repeated = true;
        }
    }
    let n = if b.get(p).is_some_and(u8::is_ascii_digit) {
        parse_digit_number(b, p, prefix.is_some())?
    } else if words {
        parse_word_number(b, p)?
    } else {
        return None;
    };
    Some((n, join, repeated))
}

/// True for a plain four-digit integer that reads as a year (1000–2100).
fn year_like(n: &Number) -> bool {
    n.plain_digits == 4 && (1000.0..=2100.0).contains(&n.value)
}

/// What the number turned out to measure.
#[derive(Debug, Clone, Copy)]
enum Reading {
    Money(&'static str, f64),
    Percent(&'static str),
    Measure(&'static super::lexicon::MeasureUnit),
    Duration(&'static str, f64),
    Count(usize, usize),
}

impl Reading {
    /// True when both readings name the same unit ("44 mg to 50 mg", "5%
    /// and 10%"), so the second can close a range or share the first's unit.
    fn same_unit(&self, other: &Reading, b: &[u8]) -> bool {
        match (self, other) {
            (Reading::Money(a, fa), Reading::Money(c, fc)) => a == c && fa == fc,
            (Reading::Percent(a), Reading::Percent(c)) => a == c,
            (Reading::Measure(a), Reading::Measure(c)) => a.symbol == c.symbol,
            (Reading::Duration(a, ma), Reading::Duration(c, mc)) => a == c && ma == mc,
            (Reading::Count(s1, e1), Reading::Count(s2, e2)) => b.get(*s1..*e1) == b.get(*s2..*e2),
            _ => false,
        }
    }
}

/// Why a number got no unit.
enum NoUnit {
    /// Skip to this offset (the unit made it an age or a relative date).
    Skip(usize),
    /// Nothing follows that the scanner can read.
    Nothing,
}

/// Reads what follows a number ending at `p`: a repeated currency after a
/// prefix, a percent, a currency, a measure, a time unit or a counted noun.
/// `first` is the (first) number, for the idioms that depend on it.
fn unit_after(
    b: &[u8],
    prefix: Option<Prefix>,
    first: &Number,
    last: &Number,
) -> Result<(Reading, usize), NoUnit> {
    let p = last.end;
    if let Some(pre) = prefix {
        // "$10 dollars", "US$ 5 USD": a repeated currency joins the span.
        let end = currency_after(b, p, true)
            .filter(|(code, f, _)| *code == pre.code && *f == 1.0)
            .map_or(p, |(_, _, e)| e);
        return Ok((Reading::Money(pre.code, 1.0), end));
    }
    if let Some((unit, e)) = percent_at(b, p) {
        return Ok((Reading::Percent(unit), e));
    }
    if let Some((code, factor, e)) = currency_after(b, p, last.scaled) {
        // "75 USD million": a scale after the code.
        let (factor, e) = match super::number::parse_scale(b, e, true) {
            Some((pow, se)) if !last.scaled => (factor * 10f64.powi(pow), se),
            _ => (factor, e),
        };
        return Ok((Reading::Money(code, factor), e));
    }
    if let Some((code, factor, e)) = (!last.scaled)
        .then(|| super::number::parse_scale(b, p, true))
        .flatten()
        .and_then(|(pow, se)| {
            // "967.2m euros", "3bn dollars": a money suffix then a currency name.
            currency_after(b, se, true).map(|(c, f, e)| (c, f * 10f64.powi(pow), e))
        })
    {
        return Ok((Reading::Money(code, factor), e));
    }
    if let Some((u, e, _)) = measure_at(b, p) {
        return Ok((Reading::Measure(u), e));
    }
    if let Some((u, e)) = bracketed_unit(b, p) {
        return Ok((Reading::Measure(u), e));
    }
    if let Some((unit, mult, e, joint)) = duration_at(b, p) {
        if duration_is_date_or_age(b, e) {
            return Err(NoUnit::Skip(e));
        }
        // "one day" and "one year" are idioms far more often than durations.
        if first.words && first.value == 1.0 && joint != Joint::Hyphen {
            return Err(NoUnit::Nothing);
        }
        return Ok((Reading::Duration(unit, mult), e));
    }
    // Counts: a number attached to a plural noun, or a hyphen compound
    // ("46-nation").
    if first.words && first.value == 1.0 {
        return Err(NoUnit::Nothing);
    }
    let (ns, ne) = if b.get(p) == Some(&b'-') {
        counted_noun(b, p + 1, true)
    } else {
        counted_noun(b, p, false)
    }
    .ok_or(NoUnit::Nothing)?;
    Ok((Reading::Count(ns, ne), ne))
}

/// Longest list of bare numbers sharing the unit written after the last
/// one ("45, 48 and 50 cases").
const MAX_LIST: usize = 6;

/// "45 and 50 cases", "5, 10 or 15 percent": the unit written after the
/// last number of a list applies to every number before it. Looks past at
/// most [`MAX_LIST`] list items after the number ending at `i`; returns the
/// unit read after the last one.
fn list_unit(b: &[u8], i: usize, words: bool) -> Option<Reading> {
    let mut p = i;
    for _ in 0..MAX_LIST {
        // ", 48", " and 50", ", or 50": each separator needs a space after it.
        let s = skip_spaces(b, p);
        let s = if b.get(s) == Some(&b',') { s + 1 } else { s };
        let c = skip_spaces(b, s);
        let after_sep = match_ci(b, c, "and").or_else(|| match_ci(b, c, "or"));
        let q = skip_spaces(b, after_sep.unwrap_or(c));
        if q == after_sep.unwrap_or(s) || after_sep.is_none() && s == p {
            return None;
        }
        // The items are written alike: all in digits or all in words.
        let n = if b.get(q).is_some_and(u8::is_ascii_digit) && !words {
            parse_digit_number(b, q, false)?
        } else if words {
            parse_word_number(b, q)?
        } else {
            return None;
        };
        if n.scaled || year_like(&n) {
            return None;
        }
        match unit_after(b, None, &n, &n) {
            Ok((reading, _)) => return Some(reading),
            Err(NoUnit::Skip(_)) => return None,
            Err(NoUnit::Nothing) => p = n.end,
        }
    }
    None
}

/// Nouns a year commonly modifies ("the 2016 elections", "1967 borders",
/// "2019 figures"): after a year-like number they make it a date, not a count.
const YEAR_MODIFIED_NOUNS: &[&str] = &[
    "accords",
    "agreements",
    "attacks",
    "borders",
    "budgets",
    "championships",
    "elections",
    "estimates",
    "figures",
    "floods",
    "games",
    "levels",
    "lines",
    "midterms",
    "negotiations",
    "numbers",
    "olympics",
    "polls",
    "prices",
    "primaries",
    "protests",
    "rates",
    "results",
    "riots",
    "rules",
    "sales",
    "standards",
    "statistics",
    "talks",
    "targets",
    "totals",
];

/// Words before a year-like number that make it a year: possessives and
/// determiners ("its 1967 borders", "the 2016 elections") and temporal
/// prepositions ("since 2013 protests").
const YEAR_DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "this", "that", "in", "since", "by", "until",
    "during", "before", "after", "from",
];

/// A four-digit number that could be a year, followed by a counted noun
/// ("2000 people", "some 1500 soldiers"), is a count when the plural noun
/// follows it directly, is not one a year commonly modifies, and nothing
/// before it makes it a year. A qualifier ("about 2000 people") or a value
/// outside 1900–2100 ("1500 soldiers") settles it as a count.
fn year_like_count(b: &[u8], start: usize, n: &Number, noun: (usize, usize)) -> bool {
    let (ns, ne) = noun;
    let word = &b[ns..ne];
    let direct = ns == skip_spaces(b, n.end) && ns > n.end;
    if !direct
        || word.first().is_some_and(u8::is_ascii_uppercase)
        || YEAR_MODIFIED_NOUNS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
    {
        return false;
    }
    if qualifier_before(b, start).is_some() || !(1900.0..=2100.0).contains(&n.value) {
        return true;
    }
    let e = skip_spaces_back(b, start);
    let s = word_start(b, e);
    let possessive = e >= 2 && b[e - 1] == b's' && matches!(b[e - 2], b'\'');
    !(possessive
        || e > s
            && YEAR_DETERMINERS
                .iter()
                .any(|w| w.as_bytes().eq_ignore_ascii_case(&b[s..e])))
}

/// Builds the mention for a number (and optional currency prefix): range,
/// unit, qualifier, exclusions. `minus` is where a minus sign glued before
/// the number starts. Returns where to resume, or `None` when the number is
/// not a claim.
fn quantity(
    b: &[u8],
    prefix: Option<Prefix>,
    first: Number,
    minus: Option<usize>,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let mut low = first;
    let start = prefix.map_or(first.start, |p| p.start);
    let money = prefix.is_some();

    // Qualifier and "between" before the value.
    let between = word_before(b, start, "between");
    let from = word_before(b, start, "from").is_some();
    let range_ok = |join: RangeJoin, repeated: bool| match join {
        RangeJoin::Dash => true,
        RangeJoin::And => between.is_some(),
        RangeJoin::To => !from && (!first.scaled || repeated),
    };

    // Range: "30-40%", "$300-$500 million", "between $300 and $500 million",
    // "eight to 10 feet". "and" needs "between"; "from 5 to 10" is a change,
    // not a range; "to" joins numbers without their own unit, or the same
    // currency written twice ("$5 million to $10 million").
    let mut high: Option<Number> = None;
    if let Some((n2, join, repeated)) = range_end(b, first.end, prefix, first.words) {
        // "2006-2012", "between 2006 and 2012": a period, the date extractor's.
        if year_like(&first) && year_like(&n2) {
            return Some(n2.end);
        }
        let ok = range_ok(join, repeated);
        if ok && n2.value >= first.value * 0.999 || ok && n2.scaled && !first.scaled {
            high = Some(n2);
        }
    }
    if let Some(h) = high.as_mut() {
        // "$300-$500 million": the scale of the second end applies to the first.
        // Words take it only from words: "two to three million".
        if h.scaled && !low.scaled && (!h.words || low.words) {
            let scale = scale_of(b, h);
            if low.value * scale <= h.value {
                low.value *= scale;
            }
        }
        if h.value < low.value {
            high = None;
        }
    }
    let last = high.unwrap_or(low);

    let unit = match conversion_inches(b, prefix, &first, &last, out.last()) {
        Some((u, e)) => Ok((Reading::Measure(u), e)),
        None => unit_after(b, prefix, &first, &last),
    };
    let (reading, mut end, listed) = match unit {
        Ok((reading, end)) => (reading, end, false),
        Err(NoUnit::Skip(e)) => return Some(e),
        // "45 and 50 cases": the unit after the list; the span is the number.
        Err(NoUnit::Nothing) if high.is_none() && !year_like(&first) && !first.scaled => {
            (list_unit(b, first.end, first.words)?, first.end, true)
        }
        Err(NoUnit::Nothing) => return None,
    };

    // "44 mg to 50 mg", "5%-10%", "between 5% and 10%": the unit written on
    // both ends of a range.
    if high.is_none()
        && !money
        && !listed
        && let Some((n2, join, _)) = range_end(b, end, None, first.words)
        && range_ok(join, true)
        && n2.value >= first.value
        && !year_like(&n2)
        && let Ok((r2, e2)) = unit_after(b, None, &n2, &n2)
        && reading.same_unit(&r2, b)
    {
        high = Some(n2);
        end = e2;
    }

    // Letters glued to a number that no unit claimed make it a code:
    // "4e14", "777F", "13F", "06F6".
    if !first.scaled && !first.words && b.get(first.end).is_some_and(u8::is_ascii_alphabetic) {
        let glued = matches!(
            reading,
            Reading::Percent(_) | Reading::Money(..) | Reading::Measure(_)
        ) || matches!(reading, Reading::Duration(..));
        if !glued {
            return None;
        }
    }

    let is_count_like = matches!(reading, Reading::Count(..) | Reading::Duration(..));
    if is_count_like && !money {
        // A year is the date extractor's ("1967 borders", "in 2009"), unless
        // a unit makes it a quantity ("2000 years" stays a duration) or a
        // counted noun follows it directly ("2000 people"): see
        // `year_like_count`.
        if year_like(&first)
            && let Reading::Count(ns, ne) = reading
            && !year_like_count(b, start, &first, (ns, ne))
        {
            return None;
        }
        // A number right after a name is part of the name: "ATMOS 2000
        // howitzers", "Boeing 747 jets", "Windows 10 users", "Big Four firms";
        // after a label word it is a label: "No. 5", "route 66", "page 12".
        if designation_before(b, first.start) {
            return None;
        }
    }
    if let Reading::Count(ns, ne) = reading {
        // "0 comments", "12 shares" at the start of a line: page furniture.
        if !first.words && first.value == 0.0 {
            return None;
        }
        let noun = &b[ns..ne];
        if words::furniture_nouns().contains(noun) && line_starts_at(b, start) {
            return None;
        }
    }

    // A minus sign is meaningful for percentages and measures ("-5%",
    // "−3.2 percent", "-40 degrees"); before a count or a price it is a
    // dash, and it never starts a range.
    let signed = matches!(reading, Reading::Percent(_) | Reading::Measure(_)) && high.is_none();
    let start = match minus {
        Some(m) if signed => m,
        _ => start,
    };
    let sign = if signed && minus.is_some() { -1.0 } else { 1.0 };

    // The qualifier: "between" for ranges, else the phrase before.
    let (qualifier, span_start) = match (high, between) {
        (Some(_), Some(bs)) => (Qualifier::Range, bs),
        (Some(_), None) => (Qualifier::Range, start),
        (None, _) => match qualifier_before(b, start) {
            Some((q, qs)) => (q, qs),
            None => (Qualifier::Exact, start),
        },
    };
    let (mut lo, mut hi) = (sign * low.value, sign * high.map_or(low.value, |h| h.value));
    if let Reading::Money(_, factor) = reading
        && factor == 1.0
        && high.is_none()
        && !listed
        && let Some((minor, e)) = minor_units(b, end, prefix.is_none())
    {
        lo += minor;
        hi += minor;
        end = e;
    }
    let span = Span::new(span_start, end);
    let mention = build(b, reading, span, lo, hi, qualifier);
    out.push(mention);
    Some(end)
}

/// Cents after whole units: "thirteen dollars forty-five cents", "15
/// dollars and 50 cents", and, after a currency written out, a bare
/// two-digit tail closing the phrase ("15 dollars 50."). Returns the amount
/// in main units and the end.
fn minor_units(b: &[u8], i: usize, written_out: bool) -> Option<(f64, usize)> {
    let mut p = skip_spaces(b, i);
    if p == i {
        return None;
    }
    if let Some(e) = match_ci(b, p, "and") {
        p = skip_spaces(b, e);
    }
    let n = if b.get(p).is_some_and(u8::is_ascii_digit) {
        parse_digit_number(b, p, false)?
    } else {
        parse_word_number(b, p)?
    };
    if n.scaled || n.value >= 100.0 || n.value.fract() != 0.0 || !n.words && n.plain_digits == 0 {
        return None;
    }
    if let Some(e) = match_ci(b, skip_spaces(b, n.end), "cents")
        .or_else(|| match_ci(b, skip_spaces(b, n.end), "pence"))
    {
        return Some((n.value / 100.0, e));
    }
    let after = skip_spaces(b, n.end);
    let closes = match b.get(after) {
        None => true,
        Some(c) => {
            matches!(c, b'.' | b',' | b';' | b'!' | b'?') || match_ci(b, after, "more").is_some()
        }
    };
    (written_out && closes).then_some((n.value / 100.0, n.end))
}

/// The multiplier a scaled number's scale word stands for.
fn scale_of(b: &[u8], n: &Number) -> f64 {
    // Re-read the number without its scale to recover the multiplier.
    let bare = if n.words {
        None
    } else {
        super::number::parse_digit_number(b.get(..n.end).unwrap_or(b), n.start, false)
            .filter(|m| !m.scaled)
            .or_else(|| {
                let mut j = n.start;
                while b
                    .get(j)
                    .is_some_and(|c| c.is_ascii_digit() || *c == b',' || *c == b'.')
                {
                    j += 1;
                }
                let s = std::str::from_utf8(&b[n.start..j]).ok()?;
                let v: f64 = s.replace(',', "").parse().ok()?;
                Some(Number { value: v, ..*n })
            })
    };
    match bare {
        Some(m) if m.value > 0.0 => {
            let r = n.value / m.value;
            // Snap to the power of ten the scale word names.
            10f64.powi(r.log10().round() as i32)
        }
        _ => {
            // Words: the largest scale word in the phrase ("three million").
            let mut best = 1.0f64;
            let mut j = n.start;
            while j < n.end {
                let e = word_end(b, j);
                if e > j {
                    if let Some(v) = super::number::word_number_bytes(&b[j..e])
                        && v >= 1000.0
                    {
                        best = best.max(v);
                    }
                    j = e;
                } else {
                    j += 1;
                }
            }
            best
        }
    }
}

fn line_starts_at(b: &[u8], start: usize) -> bool {
    let mut j = start;
    while j > 0 && matches!(b[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    j == 0 || b[j - 1] == b'\n'
}

/// True when the token right before `start` (one space away, no punctuation)
/// is a capitalised name or a label word, so the number belongs to it.
fn designation_before(b: &[u8], start: usize) -> bool {
    let e = skip_spaces_back(b, start);
    if e == start || e == 0 {
        return false;
    }
    let mut s = e;
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'-' || b[s - 1] == b'.') {
        s -= 1;
    }
    let tok = &b[s..e];
    let Some(&first) = tok.first() else {
        return false;
    };
    // A possessive or a closing quote before the number: not a name.
    if s > 0 && matches!(b[s - 1], b'\'') {
        return false;
    }
    let bare = tok.strip_suffix(b".").unwrap_or(tok);
    if words::label_words().contains(bare) {
        // "no. 5" needs the dot or a capital: "no 5 people" is not a label.
        return tok.ends_with(b".") || first.is_ascii_uppercase() || bare.len() > 2;
    }
    if tok.ends_with(b".") || !first.is_ascii_uppercase() {
        return false;
    }
    // A sentence starting with a capitalised function word, or a qualifier.
    !words::capitalised_ok().contains(tok)
}

/// Turns a reading into a mention with value, unit and qualifier.
fn build(b: &[u8], reading: Reading, span: Span, lo: f64, hi: f64, q: Qualifier) -> Mention {
    let (kind, factor, offset, cap) = match reading {
        Reading::Money(_, f) => (Kind::Money, f, 0.0, None),
        Reading::Percent(_) => (Kind::Percent, 1.0, 0.0, Some(100.0)),
        Reading::Measure(_) => (Kind::Measure, 1.0, 0.0, None),
        Reading::Duration(_, m) => (Kind::Duration, m, 0.0, None),
        Reading::Count(..) => (Kind::Count, 1.0, 0.0, None),
    };
    let _ = offset;
    let value = bounds(lo * factor, hi * factor, q, cap);
    let mut m = Mention::new(kind, span, Some(value.clone())).qualifier(q);
    match reading {
        Reading::Money(code, _) => m.unit = Some(code.to_string()),
        Reading::Percent(unit) => m.unit = Some(unit.to_string()),
        Reading::Duration(unit, _) => m.unit = Some(unit.to_string()),
        Reading::Measure(u) => {
            m.unit = Some(u.symbol.to_string());
            let (l, h) = value.bounds().unwrap_or((None, None));
            m.normalized = Some(Normalized {
                low: l.map(|v| v * u.factor + u.offset),
                high: h.map(|v| v * u.factor + u.offset),
                unit: u.si.to_string(),
            });
        }
        Reading::Count(ns, ne) => {
            m.noun = std::str::from_utf8(&b[ns..ne]).ok().map(str::to_string);
        }
    }
    m
}

/// The value interval a qualifier implies. Open upper ends stay open except
/// for percentages (capped at 100); "under"/"up to" start at zero.
fn bounds(lo: f64, hi: f64, q: Qualifier, cap: Option<f64>) -> Value {
    match q {
        Qualifier::MoreThan | Qualifier::AtLeast => {
            Value::between(Some(lo), cap.filter(|c| *c > lo))
        }
        // "below -5%" has no lower end.
        Qualifier::LessThan | Qualifier::AtMost => {
            Value::between((hi >= 0.0).then_some(0.0), Some(hi))
        }
        Qualifier::Range => Value::between(Some(lo), Some(hi)),
        Qualifier::Exact | Qualifier::Approx => Value::exact(lo),
    }
}

/// At a vague-count word: "tens of thousands of migrants", "dozens of",
/// "a handful of", "a few weeks", "millions of dollars".
fn vague_anchor(b: &[u8], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    // Only the phrases whose first word is the word at `i`, in table order.
    let (v, e): (&VagueCount, usize) = words::vague_count_heads()
        .positions(&b[i..super::number::word_end(b, i)])
        .iter()
        .filter_map(|&p| VAGUE_COUNTS.get(p as usize))
        .find_map(|v| match_ci(b, i, v.phrase).map(|e| (v, e)))?;
    let mut p = e;
    if v.needs_of {
        let (s, we) = next_word(b, p)?;
        if !b[s..we].eq_ignore_ascii_case(b"of") {
            return None;
        }
        p = we;
    }
    let s = skip_spaces(b, p);
    let span_start = qualifier_before(b, i).map_or(i, |(_, qs)| qs).min(i);
    let span_start = if span_start < i { i } else { span_start };
    let (kind, end, unit, noun) = if let Some((c, ce)) = currency_name(b, s, true) {
        (Kind::Money, ce, Some(c.code), None)
    } else if let Some((unit, _, de, _)) = duration_at(b, p) {
        (Kind::Duration, de, Some(unit), None)
    } else if let Some((ns, ne)) = counted_noun(b, p, false) {
        (Kind::Count, ne, None, std::str::from_utf8(&b[ns..ne]).ok())
    } else {
        return None;
    };
    let mut m = Mention::new(
        kind,
        Span::new(span_start, end),
        Some(Value::between(Some(v.low), Some(v.high))),
    )
    .qualifier(Qualifier::Range);
    m.unit = unit.map(str::to_string);
    m.noun = noun.map(str::to_string);
    out.push(m);
    Some(end)
}

/// Words before "a `<unit>`" that make it a duration: "for a year", "almost
/// a year", "within a week". Elsewhere "a year" is a rate ("$5 million a
/// year") or part of a date ("a year ago", the date extractor's).
const ARTICLE_DURATION_CONTEXT: &[&str] = &[
    "for", "within", "after", "in", "over", "than", "about", "almost", "nearly", "around",
    "exactly", "past", "last", "next", "least", "only", "just", "roughly", "spent", "lasted",
];

/// "a decade" (always a duration) and "a year"/"a month"/… after a context
/// word from [`ARTICLE_DURATION_CONTEXT`].
fn article_duration(b: &[u8], i: usize, e: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let (us, ue) = next_word(b, e)?;
    let &(w, unit, mult) = duration_unit(&b[us..ue])?;
    if w.ends_with('s') || b.get(ue).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    if duration_is_date_or_age(b, ue) {
        return Some(ue);
    }
    let context = {
        let pe = skip_spaces_back(b, i);
        let ps = word_start(b, pe);
        pe < i
            && ARTICLE_DURATION_CONTEXT
                .iter()
                .any(|c| c.as_bytes().eq_ignore_ascii_case(&b[ps..pe]))
    };
    if unit != "decade" && !context {
        return None;
    }
    let (q, qs) = qualifier_before(b, i).unwrap_or((Qualifier::Exact, i));
    let value = bounds(mult, mult, q, None);
    let m = Mention::new(Kind::Duration, Span::new(qs, ue), Some(value))
        .unit(unit)
        .qualifier(q);
    out.push(m);
    Some(ue)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (kind, text of the span, low, high, unit, qualifier, noun)
    type Want = (
        Kind,
        &'static str,
        Option<f64>,
        Option<f64>,
        Option<&'static str>,
        Qualifier,
        Option<&'static str>,
    );

    fn check(sentence: &str, want: &[Want]) {
        let got = scan(sentence);
        let got: Vec<Want> = got
            .iter()
            .map(|m| {
                let (lo, hi) = m
                    .value
                    .as_ref()
                    .and_then(Value::bounds)
                    .unwrap_or((None, None));
                (
                    m.kind,
                    // Leak to compare as &'static str in the test only.
                    &*Box::leak(
                        sentence[m.span.start..m.span.end]
                            .to_string()
                            .into_boxed_str(),
                    ),
                    lo,
                    hi,
                    m.unit
                        .as_deref()
                        .map(|u| &*Box::leak(u.to_string().into_boxed_str())),
                    m.qualifier,
                    m.noun
                        .as_deref()
                        .map(|u| &*Box::leak(u.to_string().into_boxed_str())),
                )
            })
            .collect();
        assert_eq!(got, want, "in {sentence:?}");
    }

    use Kind::*;
    use Qualifier::*;

    #[test]
    fn money() {
        let cases: &[(&str, &[Want])] = &[
            (
                "Each one receives $3,500 and a ticket.",
                &[(
                    Money,
                    "$3,500",
                    Some(3500.0),
                    Some(3500.0),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "They spent $13 million on it.",
                &[(
                    Money,
                    "$13 million",
                    Some(13e6),
                    Some(13e6),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "worth USD 385 million in arms",
                &[(
                    Money,
                    "USD 385 million",
                    Some(385e6),
                    Some(385e6),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "deals for some $5billion in gear",
                &[(
                    Money,
                    "some $5billion",
                    Some(5e9),
                    Some(5e9),
                    Some("USD"),
                    Approx,
                    None,
                )],
            ),
            (
                "sold between $300-$500 million in hardware",
                &[(
                    Money,
                    "between $300-$500 million",
                    Some(300e6),
                    Some(500e6),
                    Some("USD"),
                    Range,
                    None,
                )],
            ),
            (
                "a deal of $300-$500 million",
                &[(
                    Money,
                    "$300-$500 million",
                    Some(300e6),
                    Some(500e6),
                    Some("USD"),
                    Range,
                    None,
                )],
            ),
            (
                "between $300 and $500 million was paid",
                &[(
                    Money,
                    "between $300 and $500 million",
                    Some(300e6),
                    Some(500e6),
                    Some("USD"),
                    Range,
                    None,
                )],
            ),
            (
                "a US$4.7 billion loan",
                &[(
                    Money,
                    "US$4.7 billion",
                    Some(4.7e9),
                    Some(4.7e9),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "raised €2.5bn last year",
                &[(
                    Money,
                    "€2.5bn",
                    Some(2.5e9),
                    Some(2.5e9),
                    Some("EUR"),
                    Exact,
                    None,
                )],
            ),
            (
                "a £40m stadium",
                &[(
                    Money,
                    "£40m",
                    Some(40e6),
                    Some(40e6),
                    Some("GBP"),
                    Exact,
                    None,
                )],
            ),
            (
                "cost 1.2 billion shekels to build",
                &[(
                    Money,
                    "1.2 billion shekels",
                    Some(1.2e9),
                    Some(1.2e9),
                    Some("ILS"),
                    Exact,
                    None,
                )],
            ),
            (
                "a budget of NIS 50 million",
                &[(
                    Money,
                    "NIS 50 million",
                    Some(50e6),
                    Some(50e6),
                    Some("ILS"),
                    Exact,
                    None,
                )],
            ),
            (
                "Rs 500 crore for roads",
                &[(
                    Money,
                    "Rs 500 crore",
                    Some(5e9),
                    Some(5e9),
                    Some("INR"),
                    Exact,
                    None,
                )],
            ),
            (
                "a mere $13,000 in imports",
                &[(
                    Money,
                    "$13,000",
                    Some(13e3),
                    Some(13e3),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "a C$16.4 million simulator",
                &[(
                    Money,
                    "C$16.4 million",
                    Some(16.4e6),
                    Some(16.4e6),
                    Some("CAD"),
                    Exact,
                    None,
                )],
            ),
            (
                "an A$2 coin",
                &[(Money, "A$2", Some(2.0), Some(2.0), Some("AUD"), Exact, None)],
            ),
            (
                "paid 125 million Canadian dollars",
                &[(
                    Money,
                    "125 million Canadian dollars",
                    Some(125e6),
                    Some(125e6),
                    Some("CAD"),
                    Exact,
                    None,
                )],
            ),
            (
                "bonds worth $ 75 million",
                &[(
                    Money,
                    "$ 75 million",
                    Some(75e6),
                    Some(75e6),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "a $1.5-million grant",
                &[(
                    Money,
                    "$1.5-million",
                    Some(1.5e6),
                    Some(1.5e6),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "more than $247 million in receipts",
                &[(
                    Money,
                    "more than $247 million",
                    Some(247e6),
                    None,
                    Some("USD"),
                    MoreThan,
                    None,
                )],
            ),
            (
                "up to $10k each",
                &[(
                    Money,
                    "up to $10k",
                    Some(0.0),
                    Some(10e3),
                    Some("USD"),
                    AtMost,
                    None,
                )],
            ),
            (
                "received five million yen from them",
                &[(
                    Money,
                    "five million yen",
                    Some(5e6),
                    Some(5e6),
                    Some("JPY"),
                    Exact,
                    None,
                )],
            ),
            (
                "spent 20 million pounds on it",
                &[(
                    Money,
                    "20 million pounds",
                    Some(20e6),
                    Some(20e6),
                    Some("GBP"),
                    Exact,
                    None,
                )],
            ),
            (
                "rose 50 cents a barrel",
                &[(
                    Money,
                    "50 cents",
                    Some(0.5),
                    Some(0.5),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "priced at 115.5USD today",
                &[(
                    Money,
                    "115.5USD",
                    Some(115.5),
                    Some(115.5),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "a 35 lakh rupees loan",
                &[(
                    Money,
                    "35 lakh rupees",
                    Some(3.5e6),
                    Some(3.5e6),
                    Some("INR"),
                    Exact,
                    None,
                )],
            ),
            (
                "it costs a quarter million us dollars",
                &[(
                    Money,
                    "a quarter million us dollars",
                    Some(250e3),
                    Some(250e3),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "millions of dollars were lost",
                &[(
                    Money,
                    "millions of dollars",
                    Some(2e6),
                    Some(999_999_999.0),
                    Some("USD"),
                    Range,
                    None,
                )],
            ),
            (
                "it only cost thirteen dollars forty-five cents",
                &[(
                    Money,
                    "thirteen dollars forty-five cents",
                    Some(13.45),
                    Some(13.45),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "It costs 15 dollars and 50.",
                &[(
                    Money,
                    "15 dollars and 50",
                    Some(15.5),
                    Some(15.5),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            (
                "paid $5 and 20 people came",
                &[
                    (Money, "$5", Some(5.0), Some(5.0), Some("USD"), Exact, None),
                    (
                        Count,
                        "20 people",
                        Some(20.0),
                        Some(20.0),
                        None,
                        Exact,
                        Some("people"),
                    ),
                ],
            ),
            (
                "down from 967.2m euros in 2015",
                &[(
                    Money,
                    "967.2m euros",
                    Some(967.2e6),
                    Some(967.2e6),
                    Some("EUR"),
                    Exact,
                    None,
                )],
            ),
            (
                "Banknotes of 50 € and 100 €",
                &[
                    (
                        Money,
                        "50 €",
                        Some(50.0),
                        Some(50.0),
                        Some("EUR"),
                        Exact,
                        None,
                    ),
                    (
                        Money,
                        "100 €",
                        Some(100.0),
                        Some(100.0),
                        Some("EUR"),
                        Exact,
                        None,
                    ),
                ],
            ),
        ];
        for (s, w) in cases {
            check(s, w);
        }
    }

    #[test]
    fn percents() {
        let cases: &[(&str, &[Want])] = &[
            (
                "after 98% of voters agreed",
                &[(
                    Percent,
                    "98%",
                    Some(98.0),
                    Some(98.0),
                    Some("%"),
                    Exact,
                    None,
                )],
            ),
            (
                "won with over 90% of the vote",
                &[(
                    Percent,
                    "over 90%",
                    Some(90.0),
                    Some(100.0),
                    Some("%"),
                    MoreThan,
                    None,
                )],
            ),
            (
                "sells it 40 percent of its oil",
                &[(
                    Percent,
                    "40 percent",
                    Some(40.0),
                    Some(40.0),
                    Some("%"),
                    Exact,
                    None,
                )],
            ),
            (
                "a rise of 40 per cent",
                &[(
                    Percent,
                    "40 per cent",
                    Some(40.0),
                    Some(40.0),
                    Some("%"),
                    Exact,
                    None,
                )],
            ),
            (
                "fell 12.5 percentage points",
                &[(
                    Percent,
                    "12.5 percentage points",
                    Some(12.5),
                    Some(12.5),
                    Some("pp"),
                    Exact,
                    None,
                )],
            ),
            (
                "between 30-40% of them",
                &[(
                    Percent,
                    "between 30-40%",
                    Some(30.0),
                    Some(40.0),
                    Some("%"),
                    Range,
                    None,
                )],
            ),
            (
                "a 30-40% share",
                &[(
                    Percent,
                    "30-40%",
                    Some(30.0),
                    Some(40.0),
                    Some("%"),
                    Range,
                    None,
                )],
            ),
            (
                "less than 15 % of the cash",
                &[(
                    Percent,
                    "less than 15 %",
                    Some(0.0),
                    Some(15.0),
                    Some("%"),
                    LessThan,
                    None,
                )],
            ),
            (
                "twenty percent of it",
                &[(
                    Percent,
                    "twenty percent",
                    Some(20.0),
                    Some(20.0),
                    Some("%"),
                    Exact,
                    None,
                )],
            ),
            (
                "about one hundred percent sure",
                &[(
                    Percent,
                    "about one hundred percent",
                    Some(100.0),
                    Some(100.0),
                    Some("%"),
                    Approx,
                    None,
                )],
            ),
        ];
        for (s, w) in cases {
            check(s, w);
        }
    }

    #[test]
    fn counts() {
        let cases: &[(&str, &[Want])] = &[
            (
                "the killing of approximately 800,000 people in weeks",
                &[(
                    Count,
                    "approximately 800,000 people",
                    Some(8e5),
                    Some(8e5),
                    None,
                    Approx,
                    Some("people"),
                )],
            ),
            (
                "signed by 34 countries and the EU",
                &[(
                    Count,
                    "34 countries",
                    Some(34.0),
                    Some(34.0),
                    None,
                    Exact,
                    Some("countries"),
                )],
            ),
            (
                "Thirty-four countries have signed.",
                &[(
                    Count,
                    "Thirty-four countries",
                    Some(34.0),
                    Some(34.0),
                    None,
                    Exact,
                    Some("countries"),
                )],
            ),
            (
                "the 46-nation Council met",
                &[(
                    Count,
                    "46-nation",
                    Some(46.0),
                    Some(46.0),
                    None,
                    Exact,
                    Some("nation"),
                )],
            ),
            (
                "He won two elections.",
                &[(
                    Count,
                    "two elections",
                    Some(2.0),
                    Some(2.0),
                    None,
                    Exact,
                    Some("elections"),
                )],
            ),
            (
                "it has received 86,000 claims so far",
                &[(
                    Count,
                    "86,000 claims",
                    Some(86e3),
                    Some(86e3),
                    None,
                    Exact,
                    Some("claims"),
                )],
            ),
            (
                "once ratified by 25 signatories, it",
                &[(
                    Count,
                    "25 signatories",
                    Some(25.0),
                    Some(25.0),
                    None,
                    Exact,
                    Some("signatories"),
                )],
            ),
            (
                "leaders from over 50 states came",
                &[(
                    Count,
                    "over 50 states",
                    Some(50.0),
                    None,
                    None,
                    MoreThan,
                    Some("states"),
                )],
            ),
            (
                "Forty-four states joined.",
                &[(
                    Count,
                    "Forty-four states",
                    Some(44.0),
                    Some(44.0),
                    None,
                    Exact,
                    Some("states"),
                )],
            ),
            (
                "ties between the two countries grew",
                &[(
                    Count,
                    "two countries",
                    Some(2.0),
                    Some(2.0),
                    None,
                    Exact,
                    Some("countries"),
                )],
            ),
            (
                "the two defense ministers will meet",
                &[(
                    Count,
                    "two defense ministers",
                    Some(2.0),
                    Some(2.0),
                    None,
                    Exact,
                    Some("ministers"),
                )],
            ),
            (
                "a hundred and twenty people came",
                &[(
                    Count,
                    "a hundred and twenty people",
                    Some(120.0),
                    Some(120.0),
                    None,
                    Exact,
                    Some("people"),
                )],
            ),
            (
                "some 1.5 million refugees fled",
                &[(
                    Count,
                    "some 1.5 million refugees",
                    Some(1.5e6),
                    Some(1.5e6),
                    None,
                    Approx,
                    Some("refugees"),
                )],
            ),
            (
                "half a million people marched",
                &[(
                    Count,
                    "half a million people",
                    Some(5e5),
                    Some(5e5),
                    None,
                    Exact,
                    Some("people"),
                )],
            ),
            (
                "a dozen soldiers died",
                &[(
                    Count,
                    "a dozen soldiers",
                    Some(12.0),
                    Some(12.0),
                    None,
                    Exact,
                    Some("soldiers"),
                )],
            ),
            (
                "at least 12 protesters were hurt",
                &[(
                    Count,
                    "at least 12 protesters",
                    Some(12.0),
                    None,
                    None,
                    AtLeast,
                    Some("protesters"),
                )],
            ),
            (
                "fewer than 300 troops remain",
                &[(
                    Count,
                    "fewer than 300 troops",
                    Some(0.0),
                    Some(300.0),
                    None,
                    LessThan,
                    Some("troops"),
                )],
            ),
            (
                "no more than 40 guests",
                &[(
                    Count,
                    "no more than 40 guests",
                    Some(0.0),
                    Some(40.0),
                    None,
                    AtMost,
                    Some("guests"),
                )],
            ),
            (
                "nearly 3,000 migrants arrived",
                &[(
                    Count,
                    "nearly 3,000 migrants",
                    Some(3e3),
                    Some(3e3),
                    None,
                    Approx,
                    Some("migrants"),
                )],
            ),
        ];
        for (s, w) in cases {
            check(s, w);
        }
    }

    #[test]
    fn vague_counts() {
        let cases: &[(&str, &[Want])] = &[
            (
                "the expulsion of tens of thousands of African migrants",
                &[(
                    Count,
                    "tens of thousands of African migrants",
                    Some(2e4),
                    Some(99_999.0),
                    None,
                    Range,
                    Some("migrants"),
                )],
            ),
            (
                "Thousands of Africans crossed",
                &[(
                    Count,
                    "Thousands of Africans",
                    Some(2e3),
                    Some(9_999.0),
                    None,
                    Range,
                    Some("Africans"),
                )],
            ),
            (
                "to offload thousands of Eritrean and Sudanese asylum seekers",
                &[(
                    Count,
                    "thousands of Eritrean and Sudanese asylum seekers",
                    Some(2e3),
                    Some(9_999.0),
                    None,
                    Range,
                    Some("seekers"),
                )],
            ),
            (
                "dozens of villages burned",
                &[(
                    Count,
                    "dozens of villages",
                    Some(24.0),
                    Some(99.0),
                    None,
                    Range,
                    Some("villages"),
                )],
            ),
            (
                "hundreds of protesters",
                &[(
                    Count,
                    "hundreds of protesters",
                    Some(200.0),
                    Some(999.0),
                    None,
                    Range,
                    Some("protesters"),
                )],
            ),
            (
                "millions of voters",
                &[(
                    Count,
                    "millions of voters",
                    Some(2e6),
                    Some(999_999_999.0),
                    None,
                    Range,
                    Some("voters"),
                )],
            ),
            (
                "a handful of senators",
                &[(
                    Count,
                    "a handful of senators",
                    Some(3.0),
                    Some(5.0),
                    None,
                    Range,
                    Some("senators"),
                )],
            ),
            (
                "hundreds of thousands of people",
                &[(
                    Count,
                    "hundreds of thousands of people",
                    Some(2e5),
                    Some(999_999.0),
                    None,
                    Range,
                    Some("people"),
                )],
            ),
            ("thousands were killed", &[]),
        ];
        for (s, w) in cases {
            check(s, w);
        }
    }

    #[test]
    fn durations() {
        let cases: &[(&str, &[Want])] = &[
            (
                "during his four day visit",
                &[(
                    Duration,
                    "four day",
                    Some(4.0),
                    Some(4.0),
                    Some("day"),
                    Exact,
                    None,
                )],
            ),
            (
                "on a 10-day trip",
                &[(
                    Duration,
                    "10-day",
                    Some(10.0),
                    Some(10.0),
                    Some("day"),
                    Exact,
                    None,
                )],
            ),
            (
                "a 10 day strategic visit",
                &[(
                    Duration,
                    "10 day",
                    Some(10.0),
                    Some(10.0),
                    Some("day"),
                    Exact,
                    None,
                )],
            ),
            (
                "in his five years as minister",
                &[(
                    Duration,
                    "five years",
                    Some(5.0),
                    Some(5.0),
                    Some("year"),
                    Exact,
                    None,
                )],
            ),
            (
                "for the past two years they",
                &[(
                    Duration,
                    "two years",
                    Some(2.0),
                    Some(2.0),
                    Some("year"),
                    Exact,
                    None,
                )],
            ),
            (
                "over a decade of talks",
                &[(
                    Duration,
                    "over a decade",
                    Some(1.0),
                    None,
                    Some("decade"),
                    MoreThan,
                    None,
                )],
            ),
            (
                "it took a decade to finish",
                &[(
                    Duration,
                    "a decade",
                    Some(1.0),
                    Some(1.0),
                    Some("decade"),
                    Exact,
                    None,
                )],
            ),
            (
                "over the course of a few weeks",
                &[(
                    Duration,
                    "a few weeks",
                    Some(2.0),
                    Some(5.0),
                    Some("week"),
                    Range,
                    None,
                )],
            ),
            (
                "a low-key two day visit",
                &[(
                    Duration,
                    "two day",
                    Some(2.0),
                    Some(2.0),
                    Some("day"),
                    Exact,
                    None,
                )],
            ),
            (
                "almost exactly a year after",
                &[(
                    Duration,
                    "almost exactly a year",
                    Some(1.0),
                    Some(1.0),
                    Some("year"),
                    Approx,
                    None,
                )],
            ),
            (
                "up to 10 years in prison",
                &[(
                    Duration,
                    "up to 10 years",
                    Some(0.0),
                    Some(10.0),
                    Some("year"),
                    AtMost,
                    None,
                )],
            ),
            (
                "only 3 hrs of light",
                &[(
                    Duration,
                    "3 hrs",
                    Some(3.0),
                    Some(3.0),
                    Some("hour"),
                    Exact,
                    None,
                )],
            ),
            ("it happened two years ago", &[]),
            ("a 12-year-old boy", &[]),
            (
                "$5 million a year",
                &[(
                    Money,
                    "$5 million",
                    Some(5e6),
                    Some(5e6),
                    Some("USD"),
                    Exact,
                    None,
                )],
            ),
            ("one day he will return", &[]),
        ];
        for (s, w) in cases {
            check(s, w);
        }
    }

    #[test]
    fn measures() {
        let got = scan("within 60 kilometers (37 miles) of the border");
        let units: Vec<_> = got
            .iter()
            .map(|m| (m.kind, m.unit.as_deref(), m.value.clone()))
            .collect();
        assert_eq!(
            units,
            vec![
                (Measure, Some("km"), Some(Value::exact(60.0))),
                (Measure, Some("mi"), Some(Value::exact(37.0))),
            ]
        );
        let si: Vec<_> = got
            .iter()
            .filter_map(|m| m.normalized.as_ref())
            .map(|n| (n.low, n.unit.as_str()))
            .collect();
        assert_eq!(si, vec![(Some(60_000.0), "m"), (Some(59_545.728), "m")]);

        let cases: &[(&str, &str, f64, &str, f64, &str)] = &[
            (
                "ATMOS 2000 155 mm howitzers",
                "155 mm",
                155.0,
                "mm",
                0.155,
                "m",
            ),
            ("a 3-inch pipe", "3-inch", 3.0, "in", 0.0762, "m"),
            ("You weigh 200lbs.", "200lbs", 200.0, "lb", 90.718_474, "kg"),
            (
                "an area of 5 square kilometres",
                "5 square kilometres",
                5.0,
                "km2",
                5e6,
                "m2",
            ),
            ("the six-mile trip", "six-mile", 6.0, "mi", 9_656.064, "m"),
            (
                "fell by 500,000 barrels a day",
                "500,000 barrels",
                5e5,
                "bbl",
                79_493.647_464,
                "m3",
            ),
            (
                "can run at 188 miles an hour",
                "188 miles an hour",
                188.0,
                "mph",
                84.043_52,
                "m/s",
            ),
            (
                "about 17 km from town",
                "about 17 km",
                17.0,
                "km",
                17_000.0,
                "m",
            ),
            (
                "34,500 metric tons of copper",
                "34,500 metric tons",
                34_500.0,
                "t",
                34_500_000.0,
                "kg",
            ),
            ("ranges of 190 km2.", "190 km2", 190.0, "km2", 190e6, "m2"),
            (
                "capacity is 100t and reach is 48m",
                "100t",
                100.0,
                "t",
                1e5,
                "kg",
            ),
            (
                "highs near 45 degrees Celsius",
                "45 degrees Celsius",
                45.0,
                "°C",
                318.15,
                "K",
            ),
            (
                "a 10-gallon cooler",
                "10-gallon",
                10.0,
                "gal",
                0.037_854_117_84,
                "m3",
            ),
            ("at 300 °C it melts", "300 °C", 300.0, "°C", 573.15, "K"),
        ];
        for &(s, text, v, unit, si, si_unit) in cases {
            let got = scan(s);
            let m = got.first().unwrap_or_else(|| panic!("nothing in {s:?}"));
            assert_eq!(&s[m.span.start..m.span.end], text, "{s}");
            assert_eq!(m.kind, Measure, "{s}");
            assert_eq!(m.value, Some(Value::exact(v)), "{s}");
            assert_eq!(m.unit.as_deref(), Some(unit), "{s}");
            let n = m
                .normalized
                .as_ref()
                .unwrap_or_else(|| panic!("no SI in {s:?}"));
            let low = n.low.unwrap_or(f64::NAN);
            assert!(
                (low - si).abs() < 1e-6 * si.abs().max(1.0),
                "{s}: {low} vs {si}"
            );
            assert_eq!(n.unit, si_unit, "{s}");
        }
    }

    /// Digits and number words that are not quantity claims.
    #[test]
    fn year_like_numbers_before_a_counted_noun_are_counts() {
        let cases: &[(&str, &[Want])] = &[
            (
                "2000 people marched",
                &[(
                    Count,
                    "2000 people",
                    Some(2e3),
                    Some(2e3),
                    None,
                    Exact,
                    Some("people"),
                )],
            ),
            (
                "about 2000 people marched",
                &[(
                    Count,
                    "about 2000 people",
                    Some(2e3),
                    Some(2e3),
                    None,
                    Approx,
                    Some("people"),
                )],
            ),
            (
                "some 1500 soldiers",
                &[(
                    Count,
                    "some 1500 soldiers",
                    Some(1.5e3),
                    Some(1.5e3),
                    None,
                    Approx,
                    Some("soldiers"),
                )],
            ),
            (
                "the 1500 soldiers left",
                &[(
                    Count,
                    "1500 soldiers",
                    Some(1.5e3),
                    Some(1.5e3),
                    None,
                    Exact,
                    Some("soldiers"),
                )],
            ),
            (
                "a crowd of 1200 protesters",
                &[(
                    Count,
                    "1200 protesters",
                    Some(1.2e3),
                    Some(1.2e3),
                    None,
                    Exact,
                    Some("protesters"),
                )],
            ),
            (
                "more than 2010 cases",
                &[(
                    Count,
                    "more than 2010 cases",
                    Some(2010.0),
                    None,
                    None,
                    MoreThan,
                    Some("cases"),
                )],
            ),
            // Years that modify the noun stay the date extractor's.
            ("the 2016 elections", &[]),
            ("its 1967 borders", &[]),
            ("since 2013 protests", &[]),
            ("2019 figures show", &[]),
            ("Britain's 2012 Olympics", &[]),
            ("the 2014 presidential campaigns", &[]),
            ("in 2000 people voted", &[]),
        ];
        for (sentence, want) in cases {
            check(sentence, want);
        }
    }

    #[test]
    fn lists_share_the_unit_of_their_last_number() {
        let cases: &[(&str, &[Want])] = &[
            (
                "45 and 50 cases",
                &[
                    (
                        Count,
                        "45",
                        Some(45.0),
                        Some(45.0),
                        None,
                        Exact,
                        Some("cases"),
                    ),
                    (
                        Count,
                        "50 cases",
                        Some(50.0),
                        Some(50.0),
                        None,
                        Exact,
                        Some("cases"),
                    ),
                ],
            ),
            (
                "rates of 5, 10 or 15 percent",
                &[
                    (Percent, "5", Some(5.0), Some(5.0), Some("%"), Exact, None),
                    (
                        Percent,
                        "10",
                        Some(10.0),
                        Some(10.0),
                        Some("%"),
                        Exact,
                        None,
                    ),
                    (
                        Percent,
                        "15 percent",
                        Some(15.0),
                        Some(15.0),
                        Some("%"),
                        Exact,
                        None,
                    ),
                ],
            ),
            (
                "two or three weeks",
                &[
                    (
                        Duration,
                        "two",
                        Some(2.0),
                        Some(2.0),
                        Some("week"),
                        Exact,
                        None,
                    ),
                    (
                        Duration,
                        "three weeks",
                        Some(3.0),
                        Some(3.0),
                        Some("week"),
                        Exact,
                        None,
                    ),
                ],
            ),
            (
                "about 20, 30, and 40 km",
                &[
                    (
                        Measure,
                        "about 20",
                        Some(20.0),
                        Some(20.0),
                        Some("km"),
                        Approx,
                        None,
                    ),
                    (
                        Measure,
                        "30",
                        Some(30.0),
                        Some(30.0),
                        Some("km"),
                        Exact,
                        None,
                    ),
                    (
                        Measure,
                        "40 km",
                        Some(40.0),
                        Some(40.0),
                        Some("km"),
                        Exact,
                        None,
                    ),
                ],
            ),
            // Not lists: no space after the comma, or nothing to share.
            (
                "scores of 5,10 and 15 percent",
                &[(
                    Percent,
                    "15 percent",
                    Some(15.0),
                    Some(15.0),
                    Some("%"),
                    Exact,
                    None,
                )],
            ),
            ("between 2010 and 2012 elections", &[]),
            (
                "won 3 and lost 4 games",
                &[(
                    Count,
                    "4 games",
                    Some(4.0),
                    Some(4.0),
                    None,
                    Exact,
                    Some("games"),
                )],
            ),
        ];
        for (sentence, want) in cases {
            check(sentence, want);
        }
    }

    #[test]
    fn ranges_in_words_and_with_the_unit_on_both_ends() {
        let cases: &[(&str, &[Want])] = &[
            (
                "three-to-five stores",
                &[(
                    Count,
                    "three-to-five stores",
                    Some(3.0),
                    Some(5.0),
                    None,
                    Range,
                    Some("stores"),
                )],
            ),
            (
                "a 3-to-5 year term",
                &[(
                    Duration,
                    "3-to-5 year",
                    Some(3.0),
                    Some(5.0),
                    Some("year"),
                    Range,
                    None,
                )],
            ),
            (
                "doses of 44 mg to 50 mg",
                &[(
                    Measure,
                    "44 mg to 50 mg",
                    Some(44.0),
                    Some(50.0),
                    Some("mg"),
                    Range,
                    None,
                )],
            ),
            (
                "rose 5%-10% overall",
                &[(
                    Percent,
                    "5%-10%",
                    Some(5.0),
                    Some(10.0),
                    Some("%"),
                    Range,
                    None,
                )],
            ),
            (
                "between 5% and 10%",
                &[(
                    Percent,
                    "between 5% and 10%",
                    Some(5.0),
                    Some(10.0),
                    Some("%"),
                    Range,
                    None,
                )],
            ),
            (
                "a $5 million to $10 million fund",
                &[(
                    Money,
                    "$5 million to $10 million",
                    Some(5e6),
                    Some(1e7),
                    Some("USD"),
                    Range,
                    None,
                )],
            ),
            (
                "between 20 and 30 people",
                &[(
                    Count,
                    "between 20 and 30 people",
                    Some(20.0),
                    Some(30.0),
                    None,
                    Range,
                    Some("people"),
                )],
            ),
            // A change, not a range: "from", a falling second value, other units.
            (
                "from 5% to 10%",
                &[
                    (Percent, "5%", Some(5.0), Some(5.0), Some("%"), Exact, None),
                    (
                        Percent,
                        "10%",
                        Some(10.0),
                        Some(10.0),
                        Some("%"),
                        Exact,
                        None,
                    ),
                ],
            ),
            (
                "cut 50 mg to 40 mg",
                &[
                    (
                        Measure,
                        "50 mg",
                        Some(50.0),
                        Some(50.0),
                        Some("mg"),
                        Exact,
                        None,
                    ),
                    (
                        Measure,
                        "40 mg",
                        Some(40.0),
                        Some(40.0),
                        Some("mg"),
                        Exact,
                        None,
                    ),
                ],
            ),
            (
                "5 km to 10 miles",
                &[
                    (
                        Measure,
                        "5 km",
                        Some(5.0),
                        Some(5.0),
                        Some("km"),
                        Exact,
                        None,
                    ),
                    (
                        Measure,
                        "10 miles",
                        Some(10.0),
                        Some(10.0),
                        Some("mi"),
                        Exact,
                        None,
                    ),
                ],
            ),
            (
                "gave $5 million to 300 schools",
                &[
                    (
                        Money,
                        "$5 million",
                        Some(5e6),
                        Some(5e6),
                        Some("USD"),
                        Exact,
                        None,
                    ),
                    (
                        Count,
                        "300 schools",
                        Some(300.0),
                        Some(300.0),
                        None,
                        Exact,
                        Some("schools"),
                    ),
                ],
            ),
        ];
        for (sentence, want) in cases {
            check(sentence, want);
        }
    }

    #[test]
    fn negative_percentages_and_measures() {
        let cases: &[(&str, &[Want])] = &[
            (
                "growth of -5% this year",
                &[(
                    Percent,
                    "-5%",
                    Some(-5.0),
                    Some(-5.0),
                    Some("%"),
                    Exact,
                    None,
                )],
            ),
            (
                "output fell \u{2212}3.2 percent",
                &[(
                    Percent,
                    "\u{2212}3.2 percent",
                    Some(-3.2),
                    Some(-3.2),
                    Some("%"),
                    Exact,
                    None,
                )],
            ),
            (
                "a low of -40 degrees Celsius",
                &[(
                    Measure,
                    "-40 degrees Celsius",
                    Some(-40.0),
                    Some(-40.0),
                    Some("°C"),
                    Exact,
                    None,
                )],
            ),
            (
                "below -2%",
                &[(
                    Percent,
                    "below -2%",
                    None,
                    Some(-2.0),
                    Some("%"),
                    LessThan,
                    None,
                )],
            ),
            // A dash before a count or a price is punctuation, not a sign.
            (
                "the toll -5 people- rose",
                &[(
                    Count,
                    "5 people",
                    Some(5.0),
                    Some(5.0),
                    None,
                    Exact,
                    Some("people"),
                )],
            ),
            // A hyphen glued to a word or number joins it.
            (
                "F-35 jets and 30-40% more",
                &[(
                    Percent,
                    "30-40%",
                    Some(30.0),
                    Some(40.0),
                    Some("%"),
                    Range,
                    None,
                )],
            ),
        ];
        for (sentence, want) in cases {
            check(sentence, want);
        }
    }

    #[test]
    fn power_and_energy_are_measures_not_counts() {
        let cases: &[(&str, &[Want])] = &[
            (
                "a 12.5 gigawatts fleet",
                &[(
                    Measure,
                    "12.5 gigawatts",
                    Some(12.5),
                    Some(12.5),
                    Some("GW"),
                    Exact,
                    None,
                )],
            ),
            (
                "a 500-megawatt plant",
                &[(
                    Measure,
                    "500-megawatt",
                    Some(500.0),
                    Some(500.0),
                    Some("MW"),
                    Exact,
                    None,
                )],
            ),
            (
                "used 300 MWh in May",
                &[(
                    Measure,
                    "300 MWh",
                    Some(300.0),
                    Some(300.0),
                    Some("MWh"),
                    Exact,
                    None,
                )],
            ),
            (
                "some 40 kilowatt-hours",
                &[(
                    Measure,
                    "some 40 kilowatt-hours",
                    Some(40.0),
                    Some(40.0),
                    Some("kWh"),
                    Approx,
                    None,
                )],
            ),
        ];
        for (sentence, want) in cases {
            check(sentence, want);
        }
        let m = scan("a 2 GW link");
        let n = m
            .first()
            .and_then(|m| m.normalized.as_ref())
            .and_then(|n| n.low);
        assert_eq!(n, Some(2e9));
    }

    #[test]
    fn exclusions() {
        let cases: &[&str] = &[
            "Rwanda bought ATMOS 2000 howitzers.",
            "The F-35 jets and a Boeing 747 landed.",
            "COVID-19 cases rose in G20 nations.",
            "Windows 10 users and Su-27 pilots",
            "the 500 block of 11th Street",
            "Call 555-123-4567 or (202) 555-0100 now.",
            "See https://example.com/2018/03/100-people and mail me at a1@b2.com",
            "celebrating the 60th anniversary of a third term",
            "the second largest recipient",
            "They met at 5 p.m. and again at 17:30 and at 11pm.",
            "0 comments",
            "Related Posts:\n0 comments:",
            "He became president in 2000 and in 2009 again.",
            "in the 1990s and the '90s",
            "its 1967 borders",
            "between 2006-2012 they crossed",
            "Sunday, September 24, 2017",
            "on Feb. 6 and September 13 they met",
            "version 2.0.1 shipped",
            "No. 10 Downing Street",
            "one of the best economies",
            "the previous two term limit",
            "a two-pronged plan, Twenty-ninth, a four-legged one",
            "temperatures fell as much as 50 degrees",
            "oscillates at 4e14 per second; the 13F filing; a Boeing 777F",
        ];
        for s in cases {
            let got = scan(s);
            let texts: Vec<&str> = got.iter().map(|m| &s[m.span.start..m.span.end]).collect();
            assert!(got.is_empty(), "{s:?} gave {texts:?}");
        }
    }

    /// (sentence, expected measures as (span text, value, unit symbol)).
    type MeasureCase<'a> = (&'a str, &'a [(&'a str, f64, &'a str)]);

    fn check_measures(cases: &[MeasureCase]) {
        for &(sentence, want) in cases {
            let got: Vec<(String, f64, String)> = scan(sentence)
                .iter()
                .filter(|m| m.kind == Measure)
                .map(|m| {
                    let v = m.value.as_ref().and_then(Value::bounds);
                    (
                        sentence[m.span.start..m.span.end].to_string(),
                        v.and_then(|(lo, _)| lo).unwrap_or(f64::NAN),
                        m.unit.clone().unwrap_or_default(),
                    )
                })
                .collect();
            let want: Vec<(String, f64, String)> = want
                .iter()
                .map(|&(t, v, u)| (t.to_string(), v, u.to_string()))
                .collect();
            assert_eq!(got, want, "in {sentence:?}");
        }
    }

    #[test]
    fn fractions_before_a_unit() {
        check_measures(&[
            ("Whisk in 1/2 cup of broth.", &[("1/2 cup", 0.5, "cup")]),
            ("a 3/4-inch steel rod", &[("3/4-inch", 0.75, "in")]),
            ("add 1 1/2 cups of rice", &[("1 1/2 cups", 1.5, "cup")]),
            ("the 5/16 inch bolts", &[("5/16 inch", 0.3125, "in")]),
            ("walked 2 1/4 miles home", &[("2 1/4 miles", 2.25, "mi")]),
            // Dates, scores and shares are not fractions of a unit.
            ("after the 9/11 attacks", &[]),
            ("open 24/7 for drivers", &[]),
            ("won 3/4 of the seats", &[]),
            ("on 3/4 they met", &[]),
            // Improper or oversized: a ratio or a code, not a fraction.
            ("a 5/3 inch gap", &[]),
            ("a 1/100 inch gap", &[]),
            // A lone letter after a fraction is a price table's mark.
            ("MAY7  286 1/2L 286 3/4H", &[]),
            ("SEP7  96 7/32 H 96 5/32 L", &[]),
            ("a 1/2 m gap", &[]),
            ("a 1/2  L jug and a 1/2-m gap", &[]),
            ("weighs 3/4 lb each", &[("3/4 lb", 0.75, "lb")]),
        ]);
    }

    #[test]
    fn unit_symbols_in_brackets() {
        check_measures(&[
            ("The load is 20 (kg) per crate.", &[("20 (kg)", 20.0, "kg")]),
            ("rated at 40 [km] range", &[("40 [km]", 40.0, "km")]),
            ("weight 15 <lbs> each", &[("15 <lbs>", 15.0, "lb")]),
            ("depth 300(mm)", &[("300(mm)", 300.0, "mm")]),
            // Single letters in brackets are list markers as often as units.
            ("see rule 4 (m) and 5 (g)", &[]),
            // A name in brackets is not a symbol.
            ("the 12 (Kilo) team", &[]),
            // Unclosed or mismatched brackets.
            ("about 20 (kg of it)", &[]),
            ("about 20 (kg]", &[]),
        ]);
    }

    #[test]
    fn inches_only_in_a_parenthetical_conversion() {
        check_measures(&[
            (
                "fires 155 mm (6.1 in) shells",
                &[("155 mm", 155.0, "mm"), ("6.1 in", 6.1, "in")],
            ),
            (
                "a 30 cm (12 in.) blade",
                &[("30 cm", 30.0, "cm"), ("12 in", 12.0, "in")],
            ),
            (
                "snow of 40 centimetres ( 16 in ) fell",
                &[("40 centimetres", 40.0, "cm"), ("16 in", 16.0, "in")],
            ),
            // "in" as a preposition.
            ("Only 5 in 10 people voted.", &[]),
            ("They left at 2 in the morning.", &[]),
            ("support was (2 in 3) strong", &[]),
            ("the vote (5 in) passed", &[]),
            ("a 155 mm gun and (6 in) spare", &[("155 mm", 155.0, "mm")]),
            ("he ranked 6 in)", &[]),
        ]);
    }

    #[test]
    fn percent_before_of_and_a_number_is_not_inverted() {
        // "percent of N" names the base N, never N percent: Recognizers-Text
        // reads "percent of 10" as 10%, which in news would turn "a large
        // percent of 10 million voters" into a percentage.
        for (sentence, want) in [
            ("percent of 10", vec![]),
            ("per cent of twenty-two", vec![]),
            ("percents of twenty", vec![]),
            (
                "a large percent of 10 million voters",
                vec![(Count, "10 million voters")],
            ),
            (
                "Prices rose 15 percent of 10 items",
                vec![(Percent, "15 percent"), (Count, "10 items")],
            ),
        ] {
            let got: Vec<(Kind, &str)> = scan(sentence)
                .iter()
                .map(|m| (m.kind, &sentence[m.span.start..m.span.end]))
                .collect();
            assert_eq!(got, want, "in {sentence:?}");
        }
    }

    #[test]
    fn spans_are_char_boundaries_and_never_panic() {
        let inputs = [
            "€",
            "$",
            "$$$$",
            "£ £5",
            "5 °",
            "1,",
            "1.",
            "-",
            "--5",
            "a",
            "half a",
            "a quarter",
            "tens of",
            "USD",
            "USD$",
            "12,34,",
            "99999999999999999999999 people",
            "“40%” – 3–4 km — ₪5",
            "between $300 and",
            "5\u{a0}km and 7\u{202f}%",
        ];
        for s in inputs {
            for m in scan(s) {
                assert!(
                    s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end),
                    "{s:?}"
                );
                assert!(m.span.start < m.span.end && m.span.end <= s.len(), "{s:?}");
            }
        }
        // Every prefix of a mixed string, to reach every early end of input.
        let s = "some $5billion, 30-40%, tens of thousands of people, 3-inch, ₹500 crore";
        for (i, _) in s.char_indices() {
            let _ = scan(&s[..i]);
        }
    }
}
