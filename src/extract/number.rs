//! Numbers as news writes them: digits with thousands separators and
//! decimals ("800,000", "4.7"), number words and their compounds
//! ("Thirty-four", "a hundred and twenty", "half a million"), and scale words
//! or suffixes after either ("1.5 million", "$5billion", "£40m"). Also the
//! byte-level helpers the quantity scanner shares. Takes bytes and an offset;
//! returns values and end offsets, never allocating.

use super::lexicon::{NUMBER_WORDS, SCALES, ScaleUse};

/// The value of one number word, case-insensitive: zero … nineteen, twenty …
/// ninety, hundred, thousand, million, billion, trillion, dozen.
///
/// The article "a" is not a number here (`None`): whether "a decade" means one
/// is the caller's decision.
pub fn word_number(word: &str) -> Option<f64> {
    word_number_bytes(word.as_bytes())
}

pub(crate) fn word_number_bytes(word: &[u8]) -> Option<f64> {
    NUMBER_WORDS
        .get(super::words::number_words().first(word)?)
        .map(|&(_, v)| v)
}

/// A number found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// A scale word or suffix was applied ("million", "bn", "m").
    pub scaled: bool,
    /// Written in words ("four", "a dozen").
    pub words: bool,
    /// Digit count of a plain integer (no separator, decimal or scale), else 0;
    /// "2013" → 4, which the scanner reads as a year.
    pub plain_digits: usize,
}

/// Longest digit run read as a number; longer runs are identifiers.
const MAX_DIGITS: usize = 18;

/// An exact decimal `mant × 10^exp`, so "4.7 billion" is 4 700 000 000, not
/// 4 699 999 999.999.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Decimal {
    mant: u64,
    exp: i32,
}

impl Decimal {
    fn to_f64(self) -> f64 {
        let m = self.mant as f64;
        if self.exp >= 0 {
            m * 10f64.powi(self.exp)
        } else {
            m / 10f64.powi(-self.exp)
        }
    }
}

/// Reads digits at `i`: "3,500", "800,000", "4.7", "12.5". `None` when `i` is
/// not a digit, the run is too long, or it is a version or dotted code
/// ("2.0.1", "1.2.3.4"). Returns the value, end, and the plain-digit count.
fn parse_digits(b: &[u8], i: usize) -> Option<(Decimal, usize, usize)> {
    let mut mant: u64 = 0;
    let mut ndig = 0usize;
    let mut exp = 0i32;
    let mut j = i;
    let mut plain = true;
    while let Some(&c) = b.get(j) {
        if c.is_ascii_digit() {
            ndig += 1;
            if ndig > MAX_DIGITS {
                return None;
            }
            mant = mant * 10 + u64::from(c - b'0');
            j += 1;
        } else if c == b',' && ndig > 0 && is_thousands_group(b, j + 1) {
            plain = false;
            j += 1;
        } else if c == b',' && ndig > 0 && is_indian_group(b, j + 1) {
            // "12,34,567": lakh grouping, two-digit groups before the last three.
            plain = false;
            j += 1;
        } else if c == b' ' && (1..=3).contains(&ndig) && plain && is_thousands_group(b, j + 1) {
            // "10 000": space as thousands separator, after a short first group.
            plain = false;
            j += 1;
        } else {
            break;
        }
    }
    if ndig == 0 {
        return None;
    }
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        plain = false;
        j += 1;
        while let Some(&c) = b.get(j) {
            if !c.is_ascii_digit() {
                break;
            }
            ndig += 1;
            if ndig > MAX_DIGITS {
                return None;
            }
            mant = mant * 10 + u64::from(c - b'0');
            exp -= 1;
            j += 1;
        }
        // A second dot-and-digit is a version number or a dotted code.
        if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
    }
    let plain_digits = if plain { ndig } else { 0 };
    Some((Decimal { mant, exp }, j, plain_digits))
}

/// True when two digits and a comma start at `i` and the run ends in a
/// three-digit group ("34,567" in "12,34,567").
fn is_indian_group(b: &[u8], i: usize) -> bool {
    let mut j = i;
    loop {
        let two = (0..2).all(|k| b.get(j + k).is_some_and(u8::is_ascii_digit));
        if !two || b.get(j + 2) != Some(&b',') {
            return false;
        }
        j += 3;
        if is_thousands_group(b, j) {
            return true;
        }
    }
}

/// True when exactly three digits start at `i` (a thousands group).
fn is_thousands_group(b: &[u8], i: usize) -> bool {
    (0..3).all(|k| b.get(i + k).is_some_and(u8::is_ascii_digit))
        && !b.get(i + 3).is_some_and(u8::is_ascii_digit)
}

/// Parses a number written in digits at `i`, with an optional scale after
/// it. `money` allows the abbreviations and letters ("bn", "m", "k") that
/// only mean a scale after a currency.
pub fn parse_digit_number(b: &[u8], i: usize, money: bool) -> Option<Number> {
    let (dec, end, plain_digits) = parse_digits(b, i)?;
    let mut n = Number {
        start: i,
        end,
        value: dec.to_f64(),
        scaled: false,
        words: false,
        plain_digits,
    };
    if let Some((pow, scale_end)) = parse_scale(b, end, money) {
        n.value = Decimal {
            mant: dec.mant,
            exp: dec.exp + pow,
        }
        .to_f64();
        n.end = scale_end;
        n.scaled = true;
        n.plain_digits = 0;
    }
    Some(n)
}

/// A scale word at `i` (after a number): " million", "-million", "billion"
/// attached, " bn" and "bn" after a currency, "m"/"k" attached after a
/// currency. Returns the power of ten and the end.
pub fn parse_scale(b: &[u8], i: usize, money: bool) -> Option<(i32, usize)> {
    let after_space = skip_spaces(b, i);
    let spaced = after_space > i;
    let hyphen = !spaced && b.get(i) == Some(&b'-');
    let start = if hyphen { i + 1 } else { after_space };
    let end = word_end(b, start);
    if end == start || end - start > 8 {
        return None;
    }
    let word = &b[start..end];
    for &p in super::words::scales().positions(word) {
        let Some(&(w, pow, usage)) = SCALES.get(p as usize) else {
            continue;
        };
        let hit = match usage {
            ScaleUse::Word => w.as_bytes().eq_ignore_ascii_case(word),
            ScaleUse::Abbrev => money && !hyphen && w.as_bytes().eq_ignore_ascii_case(word),
            ScaleUse::Letter => money && !spaced && !hyphen && w.as_bytes() == word,
        };
        if hit {
            // "5 m2", "3 mn-long": the scale must end the token.
            if b.get(end).is_some_and(|c| c.is_ascii_digit() || *c == b'/') {
                return None;
            }
            return Some((pow, end));
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    Unit,
    Teen,
    Tens,
    Hundred,
    Big,
    Dozen,
}

fn classify(v: f64) -> WordClass {
    if v < 10.0 {
        WordClass::Unit
    } else if v < 20.0 {
        WordClass::Teen
    } else if v < 100.0 {
        WordClass::Tens
    } else if v == 100.0 {
        WordClass::Hundred
    } else {
        WordClass::Big
    }
}

/// Parses a number written in words starting at `i`: "four", "Thirty-four",
/// "a hundred and twenty", "two million", "a dozen", "half a million",
/// "two and a half". A leading "a"/"an" counts only before hundred, thousand,
/// million, billion, trillion or dozen.
pub fn parse_word_number(b: &[u8], i: usize) -> Option<Number> {
    let first_end = word_end(b, i);
    let first = b.get(i..first_end)?;
    let mut pos = i;
    let mut current = 0.0f64;
    let mut total = 0.0f64;
    let mut last: Option<WordClass> = None;
    let mut end = i;
    let mut scaled = false;

    if first.eq_ignore_ascii_case(b"a") || first.eq_ignore_ascii_case(b"an") {
        let (ns, ne) = next_word(b, first_end)?;
        // "a quarter million"
        if b[ns..ne].eq_ignore_ascii_case(b"quarter") {
            let (ss, se) = next_word(b, ne)?;
            let v = word_number_bytes(&b[ss..se]).filter(|v| *v >= 1000.0)?;
            return Some(Number {
                start: i,
                end: se,
                value: v / 4.0,
                scaled: true,
                words: true,
                plain_digits: 0,
            });
        }
        let v = word_number_bytes(&b[ns..ne])?;
        if v < 100.0 && v != 12.0 {
            return None;
        }
        current = 1.0;
        last = Some(WordClass::Unit);
        pos = ns;
    } else if first.eq_ignore_ascii_case(b"half") {
        // "half a million", "half a dozen"
        let (as_, ae) = next_word(b, first_end)?;
        if !b[as_..ae].eq_ignore_ascii_case(b"a") {
            return None;
        }
        let (ss, se) = next_word(b, ae)?;
        let v = word_number_bytes(&b[ss..se])?;
        if v < 12.0 {
            return None;
        }
        return Some(Number {
            start: i,
            end: se,
            value: v / 2.0,
            scaled: v >= 1000.0,
            words: true,
            plain_digits: 0,
        });
    }

    loop {
        let we = word_end(b, pos);
        if we == pos {
            break;
        }
        let Some(v) = word_number_bytes(&b[pos..we]) else {
            break;
        };
        let class = if v == 12.0 && b[pos..we].eq_ignore_ascii_case(b"dozen") {
            WordClass::Dozen
        } else {
            classify(v)
        };
        match (class, last) {
            (WordClass::Unit | WordClass::Teen, None)
            | (WordClass::Unit | WordClass::Teen | WordClass::Tens, Some(WordClass::Hundred))
            | (WordClass::Unit | WordClass::Teen | WordClass::Tens, Some(WordClass::Big))
            | (WordClass::Tens, None) => current += v,
            (WordClass::Unit, Some(WordClass::Tens)) if current % 10.0 == 0.0 => current += v,
            (WordClass::Hundred, Some(WordClass::Unit | WordClass::Teen | WordClass::Tens))
                if current < 100.0 =>
            {
                current *= 100.0;
            }
            (WordClass::Hundred, None) => current = 100.0,
            (WordClass::Big, Some(l)) if l != WordClass::Big || total == 0.0 => {
                total += current.max(1.0) * v;
                current = 0.0;
                scaled = true;
            }
            (WordClass::Big, None) => return None,
            (WordClass::Dozen, Some(WordClass::Unit | WordClass::Teen | WordClass::Tens)) => {
                current *= 12.0;
            }
            _ => break,
        }
        last = Some(class);
        end = we;
        // Separators: "thirty-four", "two hundred", "a hundred and twenty".
        match b.get(we) {
            Some(b'-') if b.get(we + 1).is_some_and(u8::is_ascii_alphabetic) => pos = we + 1,
            _ => {
                let Some((ns, ne)) = next_word(b, we) else {
                    break;
                };
                let w = &b[ns..ne];
                if w.eq_ignore_ascii_case(b"and") {
                    // "and a half" after a whole number of units.
                    if let Some((hs, he)) = next_word(b, ne).and_then(|(as_, ae)| {
                        b[as_..ae]
                            .eq_ignore_ascii_case(b"a")
                            .then(|| next_word(b, ae))
                            .flatten()
                    }) && b[hs..he].eq_ignore_ascii_case(b"half")
                        && current < 1000.0
                    {
                        current += 0.5;
                        end = he;
                        // "two and a half million"
                        if let Some((ss, se)) = next_word(b, he)
                            && let Some(v) = word_number_bytes(&b[ss..se])
                            && v >= 1000.0
                        {
                            total += current * v;
                            current = 0.0;
                            scaled = true;
                            end = se;
                        }
                        break;
                    }
                    if matches!(last, Some(WordClass::Hundred | WordClass::Big))
                        && let Some((ns2, ne2)) = next_word(b, ne)
                        && word_number_bytes(&b[ns2..ne2]).is_some_and(|v| v < 100.0)
                    {
                        pos = ns2;
                        continue;
                    }
                    break;
                }
                if word_number_bytes(w).is_some() {
                    pos = ns;
                } else {
                    break;
                }
            }
        }
    }
    last?;
    Some(Number {
        start: i,
        end,
        value: total + current,
        scaled,
        words: true,
        plain_digits: 0,
    })
}

/// Start and end of the next word after `i`, past spaces (not line breaks).
pub(crate) fn next_word(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let s = skip_spaces(b, i);
    if s == i && i != 0 {
        return None;
    }
    let e = word_end(b, s);
    (e > s).then_some((s, e))
}

/// End of the run of ASCII letters starting at `i`.
pub(crate) fn word_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        j += 1;
    }
    j
}

/// Skips spaces and tabs, no-break and thin spaces (not line breaks).
pub(crate) fn skip_spaces(b: &[u8], i: usize) -> usize {
    let mut j = i;
    loop {
        match b.get(j) {
            Some(b' ' | b'\t') => j += 1,
            // U+00A0 no-break space
            Some(0xC2) if b.get(j + 1) == Some(&0xA0) => j += 2,
            // U+2009 thin space, U+202F narrow no-break space
            Some(0xE2)
                if b.get(j + 1) == Some(&0x80) && matches!(b.get(j + 2), Some(0x89 | 0xAF)) =>
            {
                j += 3
            }
            _ => return j,
        }
    }
}

/// Skips spaces backwards from `i` (exclusive); returns the new end.
pub(crate) fn skip_spaces_back(b: &[u8], i: usize) -> usize {
    let mut j = i;
    loop {
        if j >= 1 && matches!(b.get(j - 1), Some(b' ' | b'\t')) {
            j -= 1;
        } else if j >= 2 && b.get(j - 2) == Some(&0xC2) && b.get(j - 1) == Some(&0xA0) {
            j -= 2;
        } else if j >= 3
            && b.get(j - 3) == Some(&0xE2)
            && b.get(j - 2) == Some(&0x80)
            && matches!(b.get(j - 1), Some(0x89 | 0xAF))
        {
            j -= 3;
        } else {
            return j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_number_words() {
        let cases: &[(&str, Option<f64>)] = &[
            ("zero", Some(0.0)),
            ("one", Some(1.0)),
            ("Two", Some(2.0)),
            ("eleven", Some(11.0)),
            ("NINETEEN", Some(19.0)),
            ("twenty", Some(20.0)),
            ("Forty", Some(40.0)),
            ("ninety", Some(90.0)),
            ("hundred", Some(100.0)),
            ("thousand", Some(1e3)),
            ("million", Some(1e6)),
            ("billion", Some(1e9)),
            ("dozen", Some(12.0)),
            ("a", None),
            ("an", None),
            ("fourty", None),
            ("", None),
            ("seventy-two", None),
        ];
        for &(w, want) in cases {
            assert_eq!(word_number(w), want, "{w}");
        }
    }

    #[test]
    fn digit_numbers() {
        type Case<'a> = (&'a str, bool, Option<(f64, &'a str, bool)>);
        let cases: &[Case] = &[
            ("3,500 and", false, Some((3500.0, "3,500", false))),
            ("800,000 people", false, Some((800_000.0, "800,000", false))),
            ("4.7 billion", false, Some((4.7e9, "4.7 billion", true))),
            ("5billion in", true, Some((5e9, "5billion", true))),
            ("2.5bn", true, Some((2.5e9, "2.5bn", true))),
            ("2.5bn", false, Some((2.5, "2.5", false))),
            ("40m.", true, Some((40e6, "40m", true))),
            ("40m.", false, Some((40.0, "40", false))),
            ("40 m", true, Some((40.0, "40", false))),
            (
                "1.2 billion shekels",
                false,
                Some((1.2e9, "1.2 billion", true)),
            ),
            ("500 crore", true, Some((5e9, "500 crore", true))),
            ("35 lakh", false, Some((3.5e6, "35 lakh", true))),
            (
                "1.5-million grant",
                true,
                Some((1.5e6, "1.5-million", true)),
            ),
            ("13 million", true, Some((13e6, "13 million", true))),
            ("12.5 percentage", false, Some((12.5, "12.5", false))),
            ("2.0.1", false, None),
            ("1,2,3", false, Some((1.0, "1", true))),
            (
                "12,34,567.89 rupees",
                false,
                Some((1_234_567.89, "12,34,567.89", false)),
            ),
            ("10 000 dollars", false, Some((10_000.0, "10 000", false))),
            ("2013 200 people", false, Some((2013.0, "2013", false))),
        ];
        for &(text, money, want) in cases {
            let got = parse_digit_number(text.as_bytes(), 0, money);
            match (got, want) {
                (None, None) => {}
                (Some(n), Some((v, span, _))) => {
                    assert_eq!(n.value, v, "{text}");
                    assert_eq!(&text[n.start..n.end], span, "{text}");
                }
                (g, w) => panic!("{text}: got {g:?}, want {w:?}"),
            }
        }
    }

    #[test]
    fn year_like_integers_report_their_digit_count() {
        let n = parse_digit_number(b"2013 ", 0, false).map(|n| n.plain_digits);
        assert_eq!(n, Some(4));
        let n = parse_digit_number(b"2,013 ", 0, false).map(|n| n.plain_digits);
        assert_eq!(n, Some(0));
    }

    #[test]
    fn word_numbers() {
        let cases: &[(&str, Option<(f64, &str)>)] = &[
            ("four day", Some((4.0, "four"))),
            ("Thirty-four countries", Some((34.0, "Thirty-four"))),
            ("Forty-four states", Some((44.0, "Forty-four"))),
            (
                "a hundred and twenty people",
                Some((120.0, "a hundred and twenty")),
            ),
            ("a dozen eggs", Some((12.0, "a dozen"))),
            ("two dozen eggs", Some((24.0, "two dozen"))),
            ("half a million people", Some((5e5, "half a million"))),
            ("five million yen", Some((5e6, "five million"))),
            (
                "two hundred thousand",
                Some((200_000.0, "two hundred thousand")),
            ),
            ("one hundred percent", Some((100.0, "one hundred"))),
            ("two and a half miles", Some((2.5, "two and a half"))),
            ("two and three", Some((2.0, "two"))),
            ("a decade", None),
            ("a man", None),
            ("half the money", None),
            ("twenty one", Some((21.0, "twenty one"))),
            ("one two", Some((1.0, "one"))),
            ("ten thousand", Some((10_000.0, "ten thousand"))),
            ("a million", Some((1e6, "a million"))),
            ("a quarter million", Some((250_000.0, "a quarter million"))),
            ("a quarter of", None),
        ];
        for &(text, want) in cases {
            let got = parse_word_number(text.as_bytes(), 0);
            match (got, want) {
                (None, None) => {}
                (Some(n), Some((v, span))) => {
                    assert_eq!(n.value, v, "{text}");
                    assert_eq!(&text[n.start..n.end], span, "{text}");
                }
                (g, w) => panic!("{text}: got {g:?}, want {w:?}"),
            }
        }
    }
}
