//! Word tables of the date extractor: month and weekday names, relative
//! words (last/next/this, today/yesterday), grains (week, month, year …),
//! parts of periods (early/mid/late) with the intervals they stand for,
//! ordinal and small number words, prepositions that make a bare number a
//! year, and future-tense markers. Data plus one fast case-insensitive
//! lookup ([`lookup`]); the grammar lives in [`super::date`].

use std::sync::OnceLock;

use chrono::Weekday;

/// The grain of a date claim, written in `unit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Grain {
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
        }
    }
}

/// A part of a period: "early", "mid", "late", "the end of" …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Early,
    Mid,
    Late,
}

/// Which share of a period each [`Part`] covers, as (first, last) fractions
/// of its length in days (months: 1–10, 11–20, 21–end; years: Jan–Apr,
/// May–Aug, Sep–Dec; decades: years 0–3, 4–6, 7–9).
///
/// For months the split is by day number (see [`PART_DAYS_OF_MONTH`]); for
/// years by month ([`PART_MONTHS_OF_YEAR`]); for decades and centuries by year
/// offset ([`PART_YEARS_OF_DECADE`], [`PART_YEARS_OF_CENTURY`]).
pub const PART_DAYS_OF_MONTH: &[(Part, u32, u32)] = &[
    (Part::Early, 1, 10),
    (Part::Mid, 11, 20),
    // 31 stands for "the month's last day".
    (Part::Late, 21, 31),
];
pub const PART_MONTHS_OF_YEAR: &[(Part, u32, u32)] =
    &[(Part::Early, 1, 4), (Part::Mid, 5, 8), (Part::Late, 9, 12)];
pub const PART_YEARS_OF_DECADE: &[(Part, i32, i32)] =
    &[(Part::Early, 0, 3), (Part::Mid, 4, 6), (Part::Late, 7, 9)];
pub const PART_YEARS_OF_CENTURY: &[(Part, i32, i32)] = &[
    (Part::Early, 0, 32),
    (Part::Mid, 33, 65),
    (Part::Late, 66, 99),
];
/// Parts of a week (Monday = 0): early Mon–Wed, mid Wed–Fri, late Fri–Sun.
pub const PART_DAYS_OF_WEEK: &[(Part, i64, i64)] =
    &[(Part::Early, 0, 2), (Part::Mid, 2, 4), (Part::Late, 4, 6)];

/// One recognised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// A month name or abbreviation (1–12); `abbr` when it may take a dot.
    Month {
        month: u32,
        abbr: bool,
    },
    Weekday(Weekday),
    /// last/previous (-1), this/current (0), next/coming/upcoming/following (+1).
    Shift(i32),
    /// today/tonight (0), yesterday (-1), tomorrow (+1).
    DayWord(i64),
    /// A period noun: day(s), week(s), month(s), year(s), …
    Unit(UnitWord),
    /// early, mid, late: directly before the period ("late February").
    Part(Part),
    /// beginning, start, middle, end: before "of" ("the end of the year").
    PartOf(Part),
    /// first … thirty-first as words.
    Ordinal(u32),
    /// one … twenty, "a"/"an" (one), "few"/"couple" handled by the grammar.
    Cardinal(u32),
    Ago,
    Earlier,
    Later,
    Century,
    /// Quarter/half as in "the first quarter of", "the second half of".
    Quarter,
    Half,
    Prep(Prep),
    /// the, its, their, his, her, our, this year's … (a determiner before a year modifier).
    Det,
    /// will, 'll, shall, would, due, scheduled, expected, planned, upcoming …
    Future,
    /// Words that soften a date: around, about, circa, approximately.
    Approx,
    /// morning, afternoon, evening, night — allowed after a weekday or "yesterday".
    DayPart,
    /// "page", "p", "no", "number", "room", "flight" … before a number that is not a year.
    NotYearBefore,
    /// hence: "two days hence".
    Hence,
    /// now: a range end ("between Jan 22 and now") or "from now".
    Now,
    /// within: "within 10 months" (from the publication date on).
    Within,
    /// rest/remainder: "the rest of the year".
    Rest,
    /// A vague count before a period noun: "a few", "several", "a couple of".
    Vague {
        low: u32,
        high: u32,
    },
    /// A season, by its first month (meteorological, northern hemisphere).
    Season(u32),
    /// "twenties" … "nineties": a decade named by its tens (20 … 90).
    DecadeWord(u32),
    /// "hundred" and "thousand" in years written in words.
    Hundred,
    Thousand,
    /// A holiday with a fixed or computed date.
    Holiday(Holiday),
}

/// Holidays news names by word ("Christmas", "Thanksgiving").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// A fixed month and day.
    Fixed { month: u32, day: u32 },
    /// Easter Sunday (Western computus); `offset` days from it.
    Easter { offset: i64 },
    /// The `n`-th weekday of a month (0 = the last): US Thanksgiving,
    /// Memorial Day, Labor Day; `offset` days after it (Black Friday).
    NthWeekday {
        month: u32,
        weekday: Weekday,
        n: u32,
        offset: i64,
    },
}

/// Period nouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitWord {
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
    Quarter,
}

/// Prepositions and conjunctions the grammar looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prep {
    In,
    On,
    At,
    Since,
    By,
    During,
    From,
    Until,
    Through,
    Between,
    Before,
    After,
    Of,
    To,
    And,
    Or,
    For,
    Year,
}

/// Month names and abbreviations. "may" and "march" are also ordinary
/// words; the grammar accepts a lone month only when capitalised or beside a
/// number.
pub const MONTHS: &[(&str, u32, bool)] = &[
    ("january", 1, false),
    ("jan", 1, true),
    ("february", 2, false),
    ("feb", 2, true),
    ("march", 3, false),
    ("mar", 3, true),
    ("april", 4, false),
    ("apr", 4, true),
    ("may", 5, false),
    ("june", 6, false),
    ("jun", 6, true),
    ("july", 7, false),
    ("jul", 7, true),
    ("august", 8, false),
    ("aug", 8, true),
    ("september", 9, false),
    ("sep", 9, true),
    ("sept", 9, true),
    ("october", 10, false),
    ("oct", 10, true),
    ("november", 11, false),
    ("nov", 11, true),
    ("december", 12, false),
    ("dec", 12, true),
];

/// Weekday names and abbreviations.
pub const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
];

/// Ordinal words (for "the first quarter", "the nineteenth century",
/// "twenty-first" = twenty + first).
pub const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

/// Small cardinal words used before a period noun ("two years ago").
pub const CARDINAL_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Seasons by their first month (meteorological, northern hemisphere:
/// spring March–May, summer June–August, autumn September–November,
/// winter December–February). "fall" is also a verb: the grammar takes it
/// only with a year or a shift word ("fall 2016", "last fall").
pub const SEASONS: &[(&str, u32)] = &[
    ("spring", 3),
    ("summer", 6),
    ("autumn", 9),
    ("fall", 9),
    ("winter", 12),
];

/// Decades named by their tens ("the seventies", "the nineteen-nineties").
pub const DECADE_WORDS: &[(&str, u32)] = &[
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// Holidays named by one word (possessive "'s" and a following "Day",
/// "Eve" are handled by the grammar).
pub const HOLIDAYS: &[(&str, Holiday)] = &[
    ("christmas", Holiday::Fixed { month: 12, day: 25 }),
    ("xmas", Holiday::Fixed { month: 12, day: 25 }),
    ("halloween", Holiday::Fixed { month: 10, day: 31 }),
    ("juneteenth", Holiday::Fixed { month: 6, day: 19 }),
    ("valentine", Holiday::Fixed { month: 2, day: 14 }),
    ("easter", Holiday::Easter { offset: 0 }),
    (
        "thanksgiving",
        Holiday::NthWeekday {
            month: 11,
            weekday: Weekday::Thu,
            n: 4,
            offset: 0,
        },
    ),
];

/// Every other trigger or context word, with its meaning.
pub const WORDS: &[(&str, Lex)] = &[
    ("last", Lex::Shift(-1)),
    ("previous", Lex::Shift(-1)),
    ("this", Lex::Shift(0)),
    ("current", Lex::Shift(0)),
    ("next", Lex::Shift(1)),
    ("coming", Lex::Shift(1)),
    ("upcoming", Lex::Shift(1)),
    ("following", Lex::Shift(1)),
    ("today", Lex::DayWord(0)),
    ("tonight", Lex::DayWord(0)),
    ("yesterday", Lex::DayWord(-1)),
    ("tomorrow", Lex::DayWord(1)),
    ("day", Lex::Unit(UnitWord::Day)),
    ("days", Lex::Unit(UnitWord::Day)),
    ("week", Lex::Unit(UnitWord::Week)),
    ("weeks", Lex::Unit(UnitWord::Week)),
    ("weekend", Lex::Unit(UnitWord::Weekend)),
    ("month", Lex::Unit(UnitWord::Month)),
    ("months", Lex::Unit(UnitWord::Month)),
    ("year", Lex::Unit(UnitWord::Year)),
    ("years", Lex::Unit(UnitWord::Year)),
    ("decade", Lex::Unit(UnitWord::Decade)),
    ("decades", Lex::Unit(UnitWord::Decade)),
    ("quarter", Lex::Quarter),
    ("half", Lex::Half),
    ("century", Lex::Century),
    ("early", Lex::Part(Part::Early)),
    ("beginning", Lex::PartOf(Part::Early)),
    ("start", Lex::PartOf(Part::Early)),
    ("mid", Lex::Part(Part::Mid)),
    ("middle", Lex::PartOf(Part::Mid)),
    ("late", Lex::Part(Part::Late)),
    ("end", Lex::PartOf(Part::Late)),
    ("ago", Lex::Ago),
    ("earlier", Lex::Earlier),
    ("later", Lex::Later),
    ("in", Lex::Prep(Prep::In)),
    ("on", Lex::Prep(Prep::On)),
    ("at", Lex::Prep(Prep::At)),
    ("since", Lex::Prep(Prep::Since)),
    ("by", Lex::Prep(Prep::By)),
    ("during", Lex::Prep(Prep::During)),
    ("from", Lex::Prep(Prep::From)),
    ("until", Lex::Prep(Prep::Until)),
    ("till", Lex::Prep(Prep::Until)),
    ("through", Lex::Prep(Prep::Through)),
    ("thru", Lex::Prep(Prep::Through)),
    ("between", Lex::Prep(Prep::Between)),
    ("before", Lex::Prep(Prep::Before)),
    ("after", Lex::Prep(Prep::After)),
    ("of", Lex::Prep(Prep::Of)),
    ("to", Lex::Prep(Prep::To)),
    ("and", Lex::Prep(Prep::And)),
    ("or", Lex::Prep(Prep::Or)),
    ("for", Lex::Prep(Prep::For)),
    ("fiscal", Lex::Prep(Prep::Year)),
    ("fy", Lex::Prep(Prep::Year)),
    ("the", Lex::Det),
    ("its", Lex::Det),
    ("their", Lex::Det),
    ("his", Lex::Det),
    ("her", Lex::Det),
    ("our", Lex::Det),
    ("will", Lex::Future),
    ("ll", Lex::Future),
    ("shall", Lex::Future),
    ("would", Lex::Future),
    ("due", Lex::Future),
    ("scheduled", Lex::Future),
    ("expected", Lex::Future),
    ("planned", Lex::Future),
    ("plans", Lex::Future),
    ("going", Lex::Future),
    ("around", Lex::Approx),
    ("about", Lex::Approx),
    ("circa", Lex::Approx),
    ("approximately", Lex::Approx),
    ("roughly", Lex::Approx),
    ("morning", Lex::DayPart),
    ("afternoon", Lex::DayPart),
    ("evening", Lex::DayPart),
    ("night", Lex::DayPart),
    ("hence", Lex::Hence),
    ("now", Lex::Now),
    ("within", Lex::Within),
    ("rest", Lex::Rest),
    ("remainder", Lex::Rest),
    ("past", Lex::Shift(-1)),
    ("few", Lex::Vague { low: 2, high: 5 }),
    ("several", Lex::Vague { low: 3, high: 7 }),
    ("couple", Lex::Vague { low: 2, high: 2 }),
    ("hundred", Lex::Hundred),
    ("thousand", Lex::Thousand),
    ("page", Lex::NotYearBefore),
    ("pages", Lex::NotYearBefore),
    ("pp", Lex::NotYearBefore),
    ("no", Lex::NotYearBefore),
    ("number", Lex::NotYearBefore),
    ("room", Lex::NotYearBefore),
    ("flight", Lex::NotYearBefore),
    ("route", Lex::NotYearBefore),
    ("block", Lex::NotYearBefore),
    ("code", Lex::NotYearBefore),
    ("model", Lex::NotYearBefore),
    ("version", Lex::NotYearBefore),
];

/// Longest word the lexicon holds, in bytes.
const MAX_WORD: usize = 16;

/// Packs a word, lower-cased, into a sortable key; `None` for words that
/// cannot be in the lexicon (too long, not ASCII letters).
fn key(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > MAX_WORD {
        return None;
    }
    let mut k: u128 = 0;
    for &b in word {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        k = (k << 8) | u128::from(b.to_ascii_lowercase());
    }
    // Shift left-aligned so that keys order like strings.
    Some(k << (8 * (MAX_WORD - word.len())))
}

/// Slots of the open-addressing lookup table (a power of two, well above
/// the number of words so probes stay short).
const SLOTS: usize = 1024;

fn slot(k: u128) -> usize {
    let h = (k as u64) ^ ((k >> 64) as u64);
    let h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 54) as usize & (SLOTS - 1)
}

/// Every word of the tables, with its meaning; earlier entries win on
/// duplicates ("may" is a month before anything else).
fn all_words() -> impl Iterator<Item = (&'static str, Lex)> {
    MONTHS
        .iter()
        .map(|&(w, month, abbr)| (w, Lex::Month { month, abbr }))
        .chain(WEEKDAYS.iter().map(|&(w, d)| (w, Lex::Weekday(d))))
        .chain(ORDINAL_WORDS.iter().map(|&(w, n)| (w, Lex::Ordinal(n))))
        .chain(CARDINAL_WORDS.iter().map(|&(w, n)| (w, Lex::Cardinal(n))))
        .chain(WORDS.iter().copied())
        .chain(SEASONS.iter().map(|&(w, m)| (w, Lex::Season(m))))
        .chain(DECADE_WORDS.iter().map(|&(w, n)| (w, Lex::DecadeWord(n))))
        .chain(HOLIDAYS.iter().map(|&(w, h)| (w, Lex::Holiday(h))))
}

/// A quick pre-check before hashing: for each pair of first two letters,
/// the lengths (bit `len`) of the table words that start with it
/// (single-letter words under their letter twice). Most words of running
/// text fail it and are never hashed.
fn prefilter() -> &'static [u16; 26 * 26] {
    static FILTER: OnceLock<[u16; 26 * 26]> = OnceLock::new();
    FILTER.get_or_init(|| {
        let mut f = [0u16; 26 * 26];
        for (w, _) in all_words() {
            if let Some(i) = pair_index(w.as_bytes()) {
                f[i] |= 1 << w.len();
            }
        }
        f
    })
}

/// Index of a word's first two letters (lower-cased) in [`prefilter`].
fn pair_index(word: &[u8]) -> Option<usize> {
    let a = word.first()?.to_ascii_lowercase().wrapping_sub(b'a');
    let b = word
        .get(1)
        .map_or(a, |c| c.to_ascii_lowercase().wrapping_sub(b'a'));
    (a < 26 && b < 26).then(|| usize::from(a) * 26 + usize::from(b))
}

/// Open-addressing hash table of every word (`0` marks an empty slot; no
/// word packs to 0).
fn table() -> &'static [(u128, Option<Lex>)] {
    static TABLE: OnceLock<Vec<(u128, Option<Lex>)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<(u128, Option<Lex>)> = vec![(0, None); SLOTS];
        let mut add = |w: &str, l: Lex| {
            let Some(k) = key(w.as_bytes()) else {
                return;
            };
            let mut i = slot(k);
            // Earlier tables win on duplicates ("may" is a month before anything else).
            for _ in 0..SLOTS {
                match t[i] {
                    (0, _) => {
                        t[i] = (k, Some(l));
                        return;
                    }
                    (k2, _) if k2 == k => return,
                    _ => i = (i + 1) & (SLOTS - 1),
                }
            }
        };
        for (w, l) in all_words() {
            add(w, l);
        }
        t
    })
}

/// Looks a word up, case-insensitively.
pub fn lookup(word: &[u8]) -> Option<Lex> {
    if word.len() > LONGEST_WORD {
        return None;
    }
    let lengths = prefilter().get(pair_index(word)?)?;
    if lengths & (1 << word.len()) == 0 {
        return None;
    }
    let k = key(word)?;
    let t = table();
    let mut i = slot(k);
    loop {
        let &(k2, l) = t.get(i)?;
        if k2 == k {
            return l;
        }
        if k2 == 0 {
            return None;
        }
        i = (i + 1) & (SLOTS - 1);
    }
}

/// Length of the longest word in the tables ("approximately").
const LONGEST_WORD: usize = 13;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_words_case_insensitively() {
        let cases: &[(&str, Option<Lex>)] = &[
            (
                "September",
                Some(Lex::Month {
                    month: 9,
                    abbr: false,
                }),
            ),
            (
                "Sept",
                Some(Lex::Month {
                    month: 9,
                    abbr: true,
                }),
            ),
            (
                "MAY",
                Some(Lex::Month {
                    month: 5,
                    abbr: false,
                }),
            ),
            ("thursday", Some(Lex::Weekday(Weekday::Thu))),
            ("Last", Some(Lex::Shift(-1))),
            ("yesterday", Some(Lex::DayWord(-1))),
            ("years", Some(Lex::Unit(UnitWord::Year))),
            ("nineteenth", Some(Lex::Ordinal(19))),
            ("two", Some(Lex::Cardinal(2))),
            ("mid", Some(Lex::Part(Part::Mid))),
            ("between", Some(Lex::Prep(Prep::Between))),
            ("will", Some(Lex::Future)),
            ("elephant", None),
            ("", None),
            ("septembers", None),
            ("abcdefghijklmnopqrstuvwxyz", None),
        ];
        for (w, want) in cases {
            assert_eq!(lookup(w.as_bytes()), *want, "{w}");
        }
    }

    #[test]
    fn prefilter_passes_every_table_word_and_stops_others() {
        for (w, l) in all_words() {
            assert!(lookup(w.as_bytes()).is_some(), "{w}");
            assert!(lookup(w.to_uppercase().as_bytes()).is_some(), "{w} {l:?}");
        }
        for w in ["government", "Israel", "said", "x", "tomorrowland", "zz"] {
            assert_eq!(lookup(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn every_table_word_is_found() {
        assert!(WORDS.iter().all(|(w, _)| w.len() <= LONGEST_WORD));
        for (w, _) in WORDS {
            assert!(lookup(w.as_bytes()).is_some(), "{w}");
        }
        for (w, m, _) in MONTHS {
            assert!(
                matches!(lookup(w.as_bytes()), Some(Lex::Month { month, .. }) if month == *m),
                "{w}"
            );
        }
    }

    #[test]
    fn part_tables_cover_their_periods() {
        assert_eq!(PART_DAYS_OF_MONTH.first().map(|p| p.1), Some(1));
        assert_eq!(PART_DAYS_OF_MONTH.last().map(|p| p.2), Some(31));
        assert_eq!(PART_MONTHS_OF_YEAR.last().map(|p| p.2), Some(12));
        for w in PART_DAYS_OF_MONTH.windows(2) {
            assert_eq!(w[0].2 + 1, w[1].1);
        }
    }
}
