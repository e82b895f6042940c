//! What follows a number: percent signs and words, currencies written after
//! the amount, measure and time units, and the counted noun. Each matcher
//! takes the bytes and the offset right after the number and returns what it
//! recognised with the end offset; `None` when nothing fits.

use super::lexicon::{
    CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SYMBOLS, CurrencyName, DURATION_UNITS, MEASURE_UNITS,
    MeasureUnit, PERCENT_WORDS,
};
use std::sync::OnceLock;

use super::number::{skip_spaces, word_end, word_number_bytes};
use super::words;

/// How a unit is joined to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joint {
    /// "200lbs", "98%"
    Attached,
    /// "155 mm"
    Spaced,
    /// "3-inch", "10-day", "46-nation"
    Hyphen,
}

/// The candidate positions of a unit after a number ending at `i`.
fn joints(b: &[u8], i: usize) -> impl Iterator<Item = (usize, Joint)> {
    let spaced = skip_spaces(b, i);
    let hyphen = (b.get(i) == Some(&b'-')).then_some((i + 1, Joint::Hyphen));
    let spaced = (spaced > i).then_some((spaced, Joint::Spaced));
    [Some((i, Joint::Attached)), spaced, hyphen]
        .into_iter()
        .flatten()
        .filter(move |&(p, _)| p < b.len())
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// True when no letter or digit continues the token at `i`.
fn ends_token(b: &[u8], i: usize) -> bool {
    !b.get(i).copied().is_some_and(is_alnum)
}

/// Matches `phrase` at `i` case-insensitively; a space in the phrase matches
/// one or more spaces. Returns the end when the match ends a token.
pub(crate) fn match_ci(b: &[u8], i: usize, phrase: &str) -> Option<usize> {
    match_phrase(b, i, phrase, true)
}

/// Like [`match_ci`] but exact in case.
pub(crate) fn match_cs(b: &[u8], i: usize, phrase: &str) -> Option<usize> {
    match_phrase(b, i, phrase, false)
}

fn match_phrase(b: &[u8], i: usize, phrase: &str, fold: bool) -> Option<usize> {
    let mut j = i;
    for &p in phrase.as_bytes() {
        if p == b' ' {
            // One or more spaces between words (none before the first).
            if j != i {
                let s = skip_spaces(b, j);
                if s == j {
                    return None;
                }
                j = s;
            }
            continue;
        }
        let c = *b.get(j)?;
        if c != p && !(fold && c.eq_ignore_ascii_case(&p)) {
            return None;
        }
        j += 1;
    }
    // A phrase ending in a letter or digit must end the token there.
    let last = phrase.as_bytes().last().copied().unwrap_or(b' ');
    (!is_alnum(last) || ends_token(b, j)).then_some(j)
}

/// "98%", "40 percent", "40 per cent", "12.5 percentage points" → (unit, end).
pub fn percent_at(b: &[u8], i: usize) -> Option<(&'static str, usize)> {
    let s = skip_spaces(b, i);
    if b.get(s) == Some(&b'%') {
        return Some(("%", s + 1));
    }
    // U+FF05 fullwidth percent sign
    if b.get(s..s + 3) == Some(&[0xEF, 0xBC, 0x85]) {
        return Some(("%", s + 3));
    }
    for (pos, _) in joints(b, i) {
        let Some(c0) = b.get(pos).map(u8::to_ascii_lowercase) else {
            continue;
        };
        for &(w, unit) in PERCENT_WORDS {
            if w.as_bytes().first() == Some(&c0)
                && let Some(end) = match_ci(b, pos, w)
            {
                return Some((unit, end));
            }
        }
    }
    None
}

/// A currency written after the amount: "100 €", "115.5USD", "50 million
/// USD", "1.2 billion shekels", "125 million Australian dollars", "50
/// cents". `scaled` tells whether a scale word preceded (some names need
/// one). Returns (ISO code, factor into the main unit, end).
pub fn currency_after(b: &[u8], i: usize, scaled: bool) -> Option<(&'static str, f64, usize)> {
    let s = skip_spaces(b, i);
    if b.get(s).is_some_and(|c| !c.is_ascii()) {
        for &(sym, code) in CURRENCY_SYMBOLS {
            if sym != "$" && b.get(s..s + sym.len()) == Some(sym.as_bytes()) {
                return Some((code, 1.0, s + sym.len()));
            }
        }
    }
    for (pos, joint) in joints(b, i) {
        if joint == Joint::Hyphen {
            continue;
        }
        let we = word_end(b, pos);
        if we == pos {
            continue;
        }
        let word = &b[pos..we];
        if word.len() <= 3
            && ends_token(b, we)
            && let Some(code) = currency_code(word)
        {
            return Some((code, 1.0, we));
        }
        if joint == Joint::Spaced
            && let Some((c, end)) = currency_name(b, pos, scaled)
        {
            return Some((c.code, c.factor, end));
        }
    }
    None
}

/// An ISO-style currency code, in its table's case rules.
pub fn currency_code(word: &[u8]) -> Option<&'static str> {
    let first = words::currency_codes().first(word)?;
    CURRENCY_CODES
        .get(first..)?
        .iter()
        .find(|(w, _, cs)| {
            if *cs {
                w.as_bytes() == word
            } else {
                w.as_bytes().eq_ignore_ascii_case(word)
            }
        })
        .map(|&(_, code, _)| code)
}

/// A currency named in words at `i` ("dollars", "Canadian dollars").
pub fn currency_name(b: &[u8], i: usize, scaled: bool) -> Option<(&'static CurrencyName, usize)> {
    let c0 = b.get(i)?.to_ascii_lowercase();
    names_by_first_byte()[usize::from(c0)]
        .iter()
        .find_map(|&c| {
            if c.needs_scale && !scaled || !second_byte_fits(b, i, c.name, true) {
                return None;
            }
            match_ci(b, i, c.name).map(|end| (c, end))
        })
}

/// [`CURRENCY_NAMES`] indexed by their first byte (lower case), in table order.
fn names_by_first_byte() -> &'static [Vec<&'static CurrencyName>] {
    static T: OnceLock<Vec<Vec<&'static CurrencyName>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: Vec<Vec<&'static CurrencyName>> = vec![Vec::new(); 256];
        for c in CURRENCY_NAMES {
            if let Some(&f) = c.name.as_bytes().first() {
                t[usize::from(f.to_ascii_lowercase())].push(c);
            }
        }
        t
    })
}

/// A cheap test before matching `form` at `i`: its second byte, when not a
/// space, must be the text's (ignoring ASCII case when `fold`).
fn second_byte_fits(b: &[u8], i: usize, form: &str, fold: bool) -> bool {
    match form.as_bytes().get(1) {
        None | Some(b' ') => true,
        Some(&p) => b
            .get(i + 1)
            .is_some_and(|&c| c == p || fold && c.eq_ignore_ascii_case(&p)),
    }
}

/// A measure unit after a number: "155 mm", "200lbs", "3-inch", "5 square
/// kilometres", "60 kilometers", "32 degrees Celsius". Returns the unit and
/// the end.
pub fn measure_at(b: &[u8], i: usize) -> Option<(&'static MeasureUnit, usize, Joint)> {
    for (pos, joint) in joints(b, i) {
        let c0 = b[pos];
        if !(c0.is_ascii_alphabetic() || c0 >= 0x80) {
            continue;
        }
        // The longest unit wins: "km²" over "km", "mm" over "m".
        let mut best: Option<(&'static MeasureUnit, usize)> = None;
        for &(u, form, symbol) in &units_by_first_byte()[usize::from(c0)] {
            if !second_byte_fits(b, pos, form, !symbol) {
                continue;
            }
            let end = if symbol {
                match_cs(b, pos, form)
                    // "2 m/s" is matched by its own symbol, not as metres.
                    .filter(|&e| b.get(e) != Some(&b'/'))
                    // "5 m²x": a non-ASCII symbol must end the token too.
                    .filter(|&e| !b.get(e).is_some_and(u8::is_ascii_alphanumeric))
            } else if joint != Joint::Attached {
                match_ci(b, pos, form)
            } else {
                None
            };
            if let Some(end) = end
                && best.is_none_or(|(_, e)| end > e)
            {
                best = Some((u, end));
            }
        }
        if let Some((u, end)) = best {
            return Some((u, end, joint));
        }
    }
    None
}

/// A unit symbol alone in brackets after a number, as tables and forms
/// write it: `20 (kg)`, `20 [kg]`, `20 <kg>`. Only symbols of two or more
/// characters: "(m)", "(g)" or "(t)" are as often list markers. Returns the
/// unit and the end after the closing bracket.
pub fn bracketed_unit(b: &[u8], i: usize) -> Option<(&'static MeasureUnit, usize)> {
    let s = skip_spaces(b, i);
    let close = match b.get(s)? {
        b'(' => b')',
        b'[' => b']',
        b'<' => b'>',
        _ => return None,
    };
    let (u, end, joint) = measure_at(b, s + 1)?;
    (joint == Joint::Attached && end >= s + 3 && b.get(end) == Some(&close)).then_some((u, end + 1))
}

/// One way of writing a unit: (unit, name or symbol, is a case-sensitive symbol).
type UnitForm = (&'static MeasureUnit, &'static str, bool);

/// Unit names and symbols indexed by their first byte (both cases for
/// names), so a number is checked only against units that can start there.
fn units_by_first_byte() -> &'static [Vec<UnitForm>] {
    static T: OnceLock<Vec<Vec<UnitForm>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: Vec<Vec<UnitForm>> = vec![Vec::new(); 256];
        for u in MEASURE_UNITS {
            for name in u.names {
                if let Some(&c) = name.as_bytes().first() {
                    t[usize::from(c.to_ascii_lowercase())].push((u, name, false));
                    t[usize::from(c.to_ascii_uppercase())].push((u, name, false));
                }
            }
            for sym in u.symbols {
                if let Some(&c) = sym.as_bytes().first() {
                    t[usize::from(c)].push((u, sym, true));
                }
            }
        }
        t
    })
}

/// A time unit after a number: "five years", "10-day", "four day", "3 hrs".
/// Returns (unit, multiplier, end, joint).
pub fn duration_at(b: &[u8], i: usize) -> Option<(&'static str, f64, usize, Joint)> {
    for (pos, joint) in joints(b, i) {
        let we = word_end(b, pos);
        if we == pos || we - pos > 10 || !ends_token_or_hyphen(b, we) {
            continue;
        }
        if let Some(&(_, unit, mult)) = duration_unit(&b[pos..we]) {
            return Some((unit, mult, we, joint));
        }
    }
    None
}

/// The [`DURATION_UNITS`] entry spelled like `word`, ignoring case.
pub fn duration_unit(word: &[u8]) -> Option<&'static (&'static str, &'static str, f64)> {
    DURATION_UNITS.get(words::duration_units().first(word)?)
}

fn ends_token_or_hyphen(b: &[u8], i: usize) -> bool {
    ends_token(b, i) || b.get(i) == Some(&b'-')
}

/// True when the word after a duration makes it an age or a date: "two
/// years ago" (a date, the date extractor's), "a 12-year-old", "five years
/// old" (an age).
pub fn duration_is_date_or_age(b: &[u8], end: usize) -> bool {
    let s = if b.get(end) == Some(&b'-') {
        end + 1
    } else {
        skip_spaces(b, end)
    };
    let we = word_end(b, s);
    let w = &b[s..we];
    w.eq_ignore_ascii_case(b"ago") || w.eq_ignore_ascii_case(b"old")
}

/// True when the token after `i` makes the number a time of day: "5 p.m.",
/// "11pm", "9 a.m", "6 o'clock".
pub fn is_time_of_day(b: &[u8], i: usize) -> bool {
    let s = skip_spaces(b, i);
    let mut e = s;
    while b
        .get(e)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'.' || *c == b'\'')
    {
        e += 1;
    }
    let mut tok = &b[s..e];
    while let Some((b'.', rest)) = tok.split_last() {
        tok = rest;
    }
    words::time_of_day().contains(tok)
}

/// Longest words a counted-noun phrase may span ("Eritrean and Sudanese
/// asylum seekers" is five).
const NOUN_WINDOW: usize = 6;

/// Finds the counted noun after a number ending at `i`: the first plural
/// noun within a few words, past adjectives and modifiers ("34 countries",
/// "two defense ministers", "thousands of Eritrean and Sudanese asylum
/// seekers"). With `singular`, a hyphen compound's noun counts even when
/// singular ("46-nation"). Returns the head noun's span.
pub fn counted_noun(b: &[u8], i: usize, singular: bool) -> Option<(usize, usize)> {
    if singular {
        let we = word_end(b, i);
        if we == i {
            return None;
        }
        let w = &b[i..we];
        // Ordinals ("Twenty-ninth") and participles ("two-pronged",
        // "four-legged") are not counted things.
        let lower_ends = |suffix: &[u8]| {
            w.len() > suffix.len() + 2 && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        let blocked = words::not_compound_nouns().contains(w)
            || is_stop_word(w)
            || word_number_bytes(w).is_some()
            || lower_ends(b"th")
            || lower_ends(b"ed");
        return (!blocked).then_some((i, we));
    }
    let mut pos = i;
    let mut prev_capital = false;
    for n in 0..NOUN_WINDOW {
        let s = skip_spaces(b, pos);
        if s == pos {
            return None;
        }
        let we = noun_word_end(b, s);
        if we == s {
            return None;
        }
        let w = &b[s..we];
        let capital = w[0].is_ascii_uppercase();
        if w.eq_ignore_ascii_case(b"and") && prev_capital && n > 0 {
            // "Eritrean and Sudanese asylum seekers"
            let next = skip_spaces(b, we);
            if b.get(next).is_some_and(u8::is_ascii_uppercase) {
                pos = we;
                continue;
            }
        }
        if is_stop_word(w) || is_month(w) || word_number_bytes(w).is_some() {
            return None;
        }
        if is_plural(w) {
            return Some((s, we));
        }
        // A possessive or a clause mark ends the phrase: "the two countries'".
        if !matches!(b.get(we), Some(b' ' | b'\t' | b'-') | Some(0xC2)) {
            return None;
        }
        prev_capital = capital;
        pos = we;
    }
    None
}

/// End of a word that may carry inner hyphens ("asylum-seekers").
fn noun_word_end(b: &[u8], i: usize) -> usize {
    let mut e = word_end(b, i);
    while b.get(e) == Some(&b'-') && b.get(e + 1).is_some_and(u8::is_ascii_alphabetic) {
        e = word_end(b, e + 1);
    }
    e
}

pub(crate) fn is_stop_word(w: &[u8]) -> bool {
    words::stop_words().contains(w)
}

/// A month name or abbreviation (the date extractor's table): a number
/// beside one is a day or a year, which the date extractor owns.
pub(crate) fn is_month(w: &[u8]) -> bool {
    words::months().contains(w)
}

/// A plural noun: ends in "s" (not "ss", "us", "is") or is an irregular
/// plural ("people", "police").
pub fn is_plural(w: &[u8]) -> bool {
    if words::irregular_plurals().contains(w) {
        return true;
    }
    let n = w.len();
    if n < 3 || !w[n - 1].eq_ignore_ascii_case(&b's') {
        return false;
    }
    let pen = w[n - 2].to_ascii_lowercase();
    if matches!(pen, b's' | b'u' | b'i') {
        return false;
    }
    !words::not_plural().contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents() {
        let cases: &[(&str, Option<(&str, usize)>)] = &[
            ("% of", Some(("%", 1))),
            (" percent of", Some(("%", 8))),
            (" per cent", Some(("%", 9))),
            (" percentage points", Some(("pp", 18))),
            (" percentage point", Some(("pp", 17))),
            (" percentages", None),
            (" people", None),
        ];
        for &(t, want) in cases {
            assert_eq!(percent_at(t.as_bytes(), 0), want, "{t:?}");
        }
    }

    #[test]
    fn currencies_after_amount() {
        type Case<'a> = (&'a str, bool, Option<(&'a str, f64, usize)>);
        let cases: &[Case] = &[
            (" shekels", true, Some(("ILS", 1.0, 8))),
            (" Canadian dollars", false, Some(("CAD", 1.0, 17))),
            ("USD", false, Some(("USD", 1.0, 3))),
            (" USD", false, Some(("USD", 1.0, 4))),
            (" €", false, Some(("EUR", 1.0, 4))),
            (" pounds", true, Some(("GBP", 1.0, 7))),
            (" pounds", false, None),
            (" cents", false, Some(("USD", 0.01, 6))),
            (" dollarization", false, None),
            (" usda", false, None),
        ];
        for &(t, scaled, want) in cases {
            assert_eq!(currency_after(t.as_bytes(), 0, scaled), want, "{t:?}");
        }
    }

    #[test]
    fn measure_units() {
        let cases: &[(&str, Option<(&str, usize)>)] = &[
            (" mm self", Some(("mm", 3))),
            ("lbs.", Some(("lb", 3))),
            ("-inch pipe", Some(("in", 5))),
            (" kilometers (", Some(("km", 11))),
            (" miles)", Some(("mi", 6))),
            (" square kilometres", Some(("km2", 18))),
            (" km2 of", Some(("km2", 4))),
            (" km²", Some(("km2", 5))),
            ("m2", Some(("m2", 2))),
            ("m212", None),
            (" miles an hour", Some(("mph", 14))),
            (" km/h", Some(("km/h", 5))),
            (" metric tons", Some(("t", 12))),
            (" degrees Celsius", Some(("°C", 16))),
            (" °F", Some(("°F", 4))),
            (" minutes", None),
            (" mission", None),
            (" inches", Some(("in", 7))),
            (" in the", None),
            (" picometers", Some(("pm", 11))),
            (" nanometre thick", Some(("nm", 10))),
            // "pm" alone is a time of day, not picometres.
            (" pm", None),
            ("pm", None),
            ("M people", None),
        ];
        for &(t, want) in cases {
            let got = measure_at(t.as_bytes(), 0).map(|(u, e, _)| (u.symbol, e));
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn bracketed_unit_symbols() {
        let cases: &[(&str, Option<(&str, usize)>)] = &[
            (" (kg) each", Some(("kg", 5))),
            ("[km]", Some(("km", 4))),
            (" <mm>", Some(("mm", 5))),
            (" (m)", None),
            (" (kg", None),
            (" (kg]", None),
            (" (kilograms)", None),
            (" kg", None),
        ];
        for &(t, want) in cases {
            let got = bracketed_unit(t.as_bytes(), 0).map(|(u, e)| (u.symbol, e));
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn durations() {
        let cases: &[(&str, Option<(&str, usize)>)] = &[
            (" day visit", Some(("day", 4))),
            ("-day trip", Some(("day", 4))),
            (" years as", Some(("year", 6))),
            (" decade", Some(("decade", 7))),
            (" yearly", None),
            (" people", None),
        ];
        for &(t, want) in cases {
            let got = duration_at(t.as_bytes(), 0).map(|(u, _, e, _)| (u, e));
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn counted_nouns() {
        let cases: &[(&str, Option<&str>)] = &[
            (" countries and", Some("countries")),
            (" people over", Some("people")),
            (" defense ministers will", Some("ministers")),
            (" Eritrean and Sudanese asylum seekers who", Some("seekers")),
            (" African migrants from", Some("migrants")),
            (" term limit -", None),
            (" of them", None),
            (" were killed", None),
            (" comments:", Some("comments")),
            (" times a day", None),
            (" countries’ ties", Some("countries")),
            (" in the morning", None),
            (" September", None),
            (", he said", None),
        ];
        for &(t, want) in cases {
            let got = counted_noun(t.as_bytes(), 0, false).map(|(s, e)| &t[s..e]);
            assert_eq!(got, want, "{t:?}");
        }
        let got = counted_noun(b"nation Council", 0, true);
        assert_eq!(got, Some((0, 6)));
        assert_eq!(counted_noun(b"thirds of", 0, true), None);
    }

    #[test]
    fn times_of_day() {
        for (t, want) in [
            (" p.m. local", true),
            ("pm", true),
            (" a.m", true),
            (" o'clock", true),
            (" people", false),
            (" apples", false),
        ] {
            assert_eq!(is_time_of_day(t.as_bytes(), 0), want, "{t:?}");
        }
    }

    #[test]
    fn plurals() {
        for (w, want) in [
            ("countries", true),
            ("people", true),
            ("its", false),
            ("crisis", false),
            ("status", false),
            ("glass", false),
            ("elections", true),
            ("Africans", true),
            ("as", false),
        ] {
            assert_eq!(is_plural(w.as_bytes()), want, "{w}");
        }
    }
}
