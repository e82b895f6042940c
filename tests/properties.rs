//! Property tests (proptest): values rendered in the phrasings the extractor
//! supports come back with the same value, unit and qualifier; dates come back
//! with the right interval; extraction of arbitrary text is deterministic and
//! its spans slice the input on character boundaries; `check` verdicts do not
//! depend on the order of the documents.

use chrono::NaiveDate;
use claimcheck::claim::{Claim, Kind, Qualifier, Value};
use claimcheck::extract::extract_text;
use proptest::prelude::*;

#[allow(dead_code)]
#[path = "../fuzz/src/bodies.rs"]
mod bodies;

/// Extracts `sentence` (published mid-2020) and returns its claims.
fn claims(sentence: &str) -> Vec<Claim> {
    extract_text("p", sentence, 0, NaiveDate::from_ymd_opt(2020, 6, 15))
}

/// The only claim of `kind` in `sentence`, or a failure naming what was found.
fn only(sentence: &str, kind: Kind) -> Result<Claim, TestCaseError> {
    let all = claims(sentence);
    let of_kind: Vec<&Claim> = all.iter().filter(|c| c.kind == kind).collect();
    match of_kind.as_slice() {
        [c] => Ok((*c).clone()),
        _ => Err(TestCaseError::fail(format!(
            "{sentence:?}: want one {kind:?}, got {:?}",
            all.iter().map(|c| (&c.text, c.kind)).collect::<Vec<_>>()
        ))),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Checks a numeric value against the interval a qualifier implies.
fn assert_number(c: &Claim, v: f64, q: Qualifier, cap: Option<f64>) -> Result<(), TestCaseError> {
    let Some(Value::Number { low, high }) = c.value else {
        return Err(TestCaseError::fail(format!("{:?}: no number", c.text)));
    };
    let (want_lo, want_hi) = match q {
        Qualifier::MoreThan | Qualifier::AtLeast => (Some(v), cap.filter(|c| *c > v)),
        Qualifier::LessThan | Qualifier::AtMost => (Some(0.0), Some(v)),
        _ => (Some(v), Some(v)),
    };
    let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    };
    prop_assert!(
        same(low, want_lo) && same(high, want_hi),
        "{:?}: got {low:?}..{high:?}, want {want_lo:?}..{want_hi:?}",
        c.text
    );
    prop_assert_eq!(c.qualifier, q, "{:?}", c.text);
    Ok(())
}

/// A qualifier as written before a value, and what it means.
fn qualifier() -> impl Strategy<Value = (&'static str, Qualifier)> {
    prop_oneof![
        Just(("", Qualifier::Exact)),
        Just(("about ", Qualifier::Approx)),
        Just(("some ", Qualifier::Approx)),
        Just(("nearly ", Qualifier::Approx)),
        Just(("more than ", Qualifier::MoreThan)),
        Just(("over ", Qualifier::MoreThan)),
        Just(("at least ", Qualifier::AtLeast)),
        Just(("up to ", Qualifier::AtMost)),
        Just(("less than ", Qualifier::LessThan)),
    ]
}

/// A scale word and its multiplier.
fn scale() -> impl Strategy<Value = (&'static str, f64)> {
    prop_oneof![
        Just(("", 1.0)),
        Just((" thousand", 1e3)),
        Just((" million", 1e6)),
        Just((" billion", 1e9)),
        Just(("bn", 1e9)),
        Just(("m", 1e6)),
    ]
}

/// An amount with up to two decimals: (as written, value).
fn amount() -> impl Strategy<Value = (String, f64)> {
    (1u32..1000, prop::option::of(0u32..100)).prop_map(|(whole, frac)| match frac {
        Some(f) => (
            format!("{whole}.{f:02}"),
            f64::from(whole) + f64::from(f) / 100.0,
        ),
        None => (whole.to_string(), f64::from(whole)),
    })
}

/// Writes `n` (2 ≤ n < 1000) in words: "three hundred and twenty-one".
fn spell(n: u32) -> String {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let below_100 = |n: u32| -> String {
        let (t, u) = ((n / 10) as usize, (n % 10) as usize);
        match (n, u) {
            (0..=19, _) => UNITS[n as usize].to_string(),
            (_, 0) => TENS[t].to_string(),
            _ => format!("{}-{}", TENS[t], UNITS[u]),
        }
    };
    match (n / 100, n % 100) {
        (0, r) => below_100(r),
        (h, 0) => format!("{} hundred", UNITS[h as usize]),
        (h, r) => format!("{} hundred and {}", UNITS[h as usize], below_100(r)),
    }
}

/// Counted nouns the extractor must recognise after a number.
const NOUNS: &[&str] = &[
    "people",
    "countries",
    "soldiers",
    "migrants",
    "stores",
    "cases",
    "elections",
    "journalists",
];

/// Writes `n` with thousands separators: 1234567 → "1,234,567".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Text fragments that reach the extractor's corners: numbers, symbols,
/// scale and range words, and odd Unicode (combining marks, RTL and
/// zero-width marks, minus signs, no-break and thin spaces, emoji).
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[0-9]{1,6}",
        1 => "[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{1,2})?",
        2 => prop::sample::select(vec![
            "$", "€", "£", "US$", "USD", "%", " percent", " per cent", "-", "–", "—", "−", ",",
            ".", " ", "  ", "\n", "between ", " and ", " to ", "-to-", " million", " billion",
            "bn", "m", " people", " countries", " km", " mm", " days", " years", "about ",
            "over ", "up to ", "some ", "tens of thousands of ", "half a ", "a ", "dozen",
            "thirty-four ", "hundred", " ago", "last ", "next ", "in ", "September ",
            "Sept. ", "13 ", "2018", "-03-20", "the 1990s", "mid-", "late ", "early ",
            "Thursday", "\u{301}", "\u{200b}", "\u{200f}", "\u{202e}", "\u{a0}", "\u{2009}",
            "\u{feff}", "١٢٣", "二〇一八年", "🙂", "e", "1e308", "\u{ff05}", "₹", "₪",
            "-year-old", " year old", "-month-old", " years older", "twenty-", "\u{201c}",
            "\u{2011}", " others", "more than ", " killed", " injured", " died ",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn money_round_trips(
        (q, qual) in qualifier(),
        (written, v) in amount(),
        (sc, mult) in scale(),
        cur in prop::sample::select(vec![
            ("$", "", "USD"), ("US$", "", "USD"), ("USD ", "", "USD"), ("€", "", "EUR"),
            ("£", "", "GBP"), ("", " euros", "EUR"), ("NIS ", "", "ILS"),
        ]),
    ) {
        let (pre, post, code) = cur;
        // Attached suffixes ("bn", "m") are scales only right after a currency
        // symbol or code; a currency written after the amount needs a word scale.
        prop_assume!(!(post.starts_with(' ') && !sc.starts_with(' ') && !sc.is_empty()));
        prop_assume!(!(post.starts_with(' ') && sc.is_empty()));
        let s = format!("The ministry said it spent {q}{pre}{written}{sc}{post} on the roads.");
        let c = only(&s, Kind::Money)?;
        prop_assert_eq!(c.unit.as_deref(), Some(code), "{}", s);
        assert_number(&c, v * mult, qual, None)?;
    }

    #[test]
    fn percent_round_trips(
        (q, qual) in qualifier(),
        (written, v) in amount(),
        form in prop::sample::select(vec![("%", "%"), (" percent", "%"), (" per cent", "%"),
            (" percentage points", "pp")]),
    ) {
        let (suffix, unit) = form;
        let s = format!("Support rose by {q}{written}{suffix} in the survey.");
        let c = only(&s, Kind::Percent)?;
        prop_assert_eq!(c.unit.as_deref(), Some(unit));
        // Percentages and percentage-point differences both stay within 100.
        let cap = Some(100.0);
        assert_number(&c, v, qual, cap)?;
    }

    #[test]
    fn digit_counts_round_trip(
        (q, qual) in qualifier(),
        n in 2u64..10_000_000,
        noun in prop::sample::select(NOUNS),
        group in any::<bool>(),
    ) {
        // A plain 4-digit number before a year-modified noun ("2016
        // elections") is a year; that rule has its own unit tests.
        prop_assume!(!(noun == "elections" && (1000..=2100).contains(&n)));
        let written = if group { grouped(n) } else { n.to_string() };
        prop_assume!(written.len() <= 18);
        let s = format!("The agency counted {q}{written} {noun} in the region.");
        let c = only(&s, Kind::Count)?;
        prop_assert_eq!(c.noun.as_deref(), Some(noun));
        assert_number(&c, n as f64, qual, None)?;
    }

    #[test]
    fn word_counts_round_trip(
        n in 2u32..1000,
        noun in prop::sample::select(NOUNS),
        capital in any::<bool>(),
    ) {
        let mut words = spell(n);
        if capital {
            words[..1].make_ascii_uppercase();
        }
        let s = format!("Officials said {words} {noun} took part.");
        let c = only(&s, Kind::Count)?;
        prop_assert_eq!(&c.text, &format!("{words} {noun}"));
        assert_number(&c, f64::from(n), Qualifier::Exact, None)?;
    }

    #[test]
    fn full_dates_resolve_to_their_day(
        y in 1950i32..2031, m in 1u32..13, d in 1u32..29,
        form in 0usize..3,
        published in prop::option::of(Just(NaiveDate::from_ymd_opt(2031, 1, 1))),
    ) {
        let month = MONTHS[(m - 1) as usize];
        let written = match form {
            0 => format!("{d} {month} {y}"),
            1 => format!("{month} {d}, {y}"),
            _ => format!("{y}-{m:02}-{d:02}"),
        };
        let s = format!("The talks ended on {written} without a deal.");
        let all = extract_text("p", &s, 0, published.flatten());
        let day = NaiveDate::from_ymd_opt(y, m, d);
        let hit = all.iter().find(|c| c.kind == Kind::Date && c.text.contains(&written));
        let got = hit.and_then(|c| c.value.as_ref()).and_then(Value::interval);
        prop_assert_eq!(got, day.map(|d| (d, d)), "{} gave {:?}", s,
            all.iter().map(|c| &c.text).collect::<Vec<_>>());
        prop_assert_eq!(hit.and_then(|c| c.unit.as_deref()), Some("day"));
    }

    #[test]
    fn years_resolve_to_the_whole_year(y in 1950i32..2031) {
        let s = format!("The plant opened in {y} after a long delay.");
        let c = only(&s, Kind::Date)?;
        let want = NaiveDate::from_ymd_opt(y, 1, 1).zip(NaiveDate::from_ymd_opt(y, 12, 31));
        prop_assert_eq!(c.value.as_ref().and_then(Value::interval), want, "{}", s);
        prop_assert_eq!(c.unit.as_deref(), Some("year"));
    }

    #[test]
    fn arbitrary_unicode_extracts_cleanly(s in any::<String>()) {
        let a = extract_text("u", &s, 0, NaiveDate::from_ymd_opt(2018, 3, 20));
        bodies::check_claims(&s, &a);
        let b = extract_text("u", &s, 0, NaiveDate::from_ymd_opt(2018, 3, 20));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn ages_read_cleanly_from_any_text(parts in prop::collection::vec(fragment(), 0..40)) {
        let s: String = parts.concat();
        let ages = claimcheck::frame::age::story_ages(&s);
        prop_assert!(ages.windows(2).all(|w| w[0] < w[1]), "{ages:?}");
    }

    #[test]
    fn assembled_fragments_extract_cleanly(
        parts in prop::collection::vec(fragment(), 0..40),
        published in prop::option::of(Just(NaiveDate::from_ymd_opt(2018, 3, 20))),
    ) {
        let s: String = parts.concat();
        let a = extract_text("f", &s, 0, published.flatten());
        bodies::check_claims(&s, &a);
        let b = extract_text("f", &s, 0, published.flatten());
        prop_assert_eq!(a, b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn check_verdicts_are_symmetric_in_document_order(
        a in prop::collection::vec(fragment(), 0..30),
        b in prop::collection::vec(fragment(), 0..30),
        shared in prop::sample::select(vec![
            "SIPRI says Israel sold $13 million of arms to Rwanda in 2013. ",
            "The road is 60 kilometers (37 miles) long. ",
            "Over 90% of 34 countries voted in 2016. ",
        ]),
    ) {
        let text = format!("{shared}{}\0{shared}{}", a.concat(), b.concat());
        bodies::check_pair(text.as_bytes());
    }
}

#[test]
fn spelled_numbers_are_spelled_right() {
    let cases = [
        (2, "two"),
        (14, "fourteen"),
        (40, "forty"),
        (34, "thirty-four"),
        (100, "one hundred"),
        (120, "one hundred and twenty"),
        (999, "nine hundred and ninety-nine"),
    ];
    for (n, want) in cases {
        assert_eq!(spell(n), want);
    }
    assert_eq!(grouped(1_234_567), "1,234,567");
    assert_eq!(grouped(999), "999");
}
