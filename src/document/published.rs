//! Publication dates: parsing the date forms articles and metadata use
//! ("2018-03-20", "March 20, 2018", "20 March 2018", "Sunday, September 24,
//! 2017", "Sept. 24, 2017") and finding the date an article carries at its top
//! (a first line like `date 2018-03-20`, or a dateline in the first lines).

use chrono::NaiveDate;

/// Month names and abbreviations (lower case, without a period).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names and abbreviations that may open a dateline.
const WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// Labels before a date at the top of an article ("date 2018-03-20",
/// "Published: March 20, 2018"); text may follow the date on the same line.
const DATE_LABELS: &[&str] = &["date", "dated", "published", "posted", "updated"];

/// How many non-empty lines at the top of a text may hold the dateline.
const DATELINE_LINES: usize = 3;

/// Parses a whole string as a date (surrounding white space and quotes
/// allowed; an ISO date-time keeps its date: "2018-03-20T10:00:00Z").
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let (date, used) = date_prefix(s)?;
    let rest = &s[used..];
    let iso_time = rest.starts_with(['T', ' ']) && s.as_bytes().get(4) == Some(&b'-');
    if rest.trim().is_empty() || (iso_time && rest[1..].starts_with(|c: char| c.is_ascii_digit())) {
        Some(date)
    } else {
        None
    }
}

/// A publication date found at the top of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopDate {
    pub date: NaiveDate,
    /// For a labelled first line (`date 2018-03-20 Body…`): the byte offset
    /// just after the label, the date and the white space after them, where
    /// the article's own text begins. None for a dateline.
    pub label_end: Option<usize>,
}

/// The publication date an article states at its top: a first line that
/// begins with a label such as `date 2018-03-20` (text may follow), or a
/// dateline standing alone on one of the first non-empty lines
/// ("Sunday, September 24, 2017").
pub fn detect(body: &str) -> Option<NaiveDate> {
    detect_top(body).map(|t| t.date)
}

/// Like [`detect`], also saying where a labelled date ends.
pub fn detect_top(body: &str) -> Option<TopDate> {
    let mut seen = 0;
    let mut offset = 0;
    for raw in body.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let lead = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if seen > DATELINE_LINES {
            break;
        }
        if seen == 1
            && let Some((date, used)) = labelled_date(line)
        {
            let after = &line[used..];
            let skip = after.len() - after.trim_start().len();
            return Some(TopDate {
                date,
                label_end: Some(line_start + lead + used + skip),
            });
        }
        if let Some((date, used)) = date_prefix(line) {
            let rest = &line[used..];
            if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                return Some(TopDate {
                    date,
                    label_end: None,
                });
            }
        }
    }
    None
}

/// `date 2018-03-20 …`, `Published: March 20, 2018`: the date and the bytes
/// of `line` used by the label and the date.
fn labelled_date(line: &str) -> Option<(NaiveDate, usize)> {
    let word_end = line.find(|c: char| !c.is_ascii_alphabetic())?;
    let word = &line[..word_end];
    if !DATE_LABELS.iter().any(|l| l.eq_ignore_ascii_case(word)) {
        return None;
    }
    let rest = line[word_end..].trim_start_matches([':', ' ', '\t', '\u{a0}']);
    if rest.len() == line.len() - word_end {
        return None;
    }
    let (date, used) = date_prefix(rest)?;
    let after = &rest[used..];
    let end = line.len() - after.len();
    (!after.starts_with(|c: char| c.is_alphanumeric())).then_some((date, end))
}

/// A date at the start of `s` and the bytes it used.
fn date_prefix(s: &str) -> Option<(NaiveDate, usize)> {
    let skip = weekday_prefix(s);
    let t = &s[skip..];
    let (date, used) = iso_date(t)
        .or_else(|| month_day_year(t))
        .or_else(|| day_month_year(t))?;
    Some((date, skip + used))
}

/// Bytes of a leading weekday and its comma ("Sunday, ", "Sun ").
fn weekday_prefix(s: &str) -> usize {
    let (word, after) = leading_word(s);
    if !WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return 0;
    }
    let rest = &s[after..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return 0;
    }
    s.len() - trimmed.len()
}

/// Leading ASCII letters of `s` and where they end.
fn leading_word(s: &str) -> (&str, usize) {
    let end = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    (&s[..end], end)
}

/// Leading digits of `s` (at most `max`) as a number, and where they end.
fn leading_number(s: &str, max: usize) -> Option<(u32, usize)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > max {
        return None;
    }
    Some((s[..end].parse().ok()?, end))
}

fn month(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, m)| m)
}

/// `2018-03-20`, `2018/03/20`.
fn iso_date(s: &str) -> Option<(NaiveDate, usize)> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let sep = b[4];
    if !(sep == b'-' || sep == b'/') || b[7] != sep {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| {
        s.get(r.clone())
            .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|d| d.parse::<u32>().ok())
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some((date, 10))
}

/// `March 20, 2018`, `Sept. 24 2017`, `Mar 20, 2018`.
fn month_day_year(s: &str) -> Option<(NaiveDate, usize)> {
    let (word, mut i) = leading_word(s);
    let m = month(word)?;
    if s[i..].starts_with('.') {
        i += 1;
    }
    let rest = &s[i..];
    let t = rest.trim_start();
    i += rest.len() - t.len();
    let (d, used) = leading_number(t, 2)?;
    i += used;
    let rest = &s[i..];
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let t = rest.trim_start();
    if t.len() == rest.len() && rest.len() == s[i..].len() {
        return None;
    }
    i = s.len() - t.len();
    let (y, used) = leading_number(t, 4).filter(|&(_, n)| n == 4)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some((date, i + used))
}

/// `20 March 2018`, `20 Sept. 2018`, `20 March, 2018`.
fn day_month_year(s: &str) -> Option<(NaiveDate, usize)> {
    let (d, mut i) = leading_number(s, 2)?;
    let rest = &s[i..];
    let t = rest.trim_start();
    if t.len() == rest.len() {
        return None;
    }
    i += rest.len() - t.len();
    let (word, used) = leading_word(t);
    let m = month(word)?;
    i += used;
    let rest = &s[i..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let t = rest.trim_start();
    if t.len() == rest.len() {
        return None;
    }
    i = s.len() - t.len();
    let (y, used) = leading_number(t, 4).filter(|&(_, n)| n == 4)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some((date, i + used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn parse_date_cases() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2018-03-20", ymd(2018, 3, 20)),
            ("  2018-03-20  ", ymd(2018, 3, 20)),
            ("\"2018-03-20\"", ymd(2018, 3, 20)),
            ("'2018-03-20'", ymd(2018, 3, 20)),
            ("2018/03/20", ymd(2018, 3, 20)),
            ("2018-03-20T10:15:00Z", ymd(2018, 3, 20)),
            ("2018-03-20 10:15:00", ymd(2018, 3, 20)),
            ("March 20, 2018", ymd(2018, 3, 20)),
            ("March 20 2018", ymd(2018, 3, 20)),
            ("Sept. 24, 2017", ymd(2017, 9, 24)),
            ("sep 24, 2017", ymd(2017, 9, 24)),
            ("20 March 2018", ymd(2018, 3, 20)),
            ("20 Mar. 2018", ymd(2018, 3, 20)),
            ("20 March, 2018", ymd(2018, 3, 20)),
            ("Sunday, September 24, 2017", ymd(2017, 9, 24)),
            ("Thu 13 September 2018", ymd(2018, 9, 13)),
            ("2018-02-30", None),
            ("2018-13-01", None),
            ("March 32, 2018", None),
            ("March 2018", None),
            ("20 March", None),
            ("yesterday", None),
            ("2018-03-20 and more", None),
            ("20180320", None),
            ("", None),
            ("Sunday", None),
            ("Mayday 1, 2018", None),
            ("2018-03-201", None),
            ("é", None),
        ];
        for &(s, want) in cases {
            assert_eq!(parse_date(s), want, "{s:?}");
        }
    }

    #[test]
    fn detect_cases() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            (" date 2018-03-20 The minister arrived.", ymd(2018, 3, 20)),
            ("date 2018-03-20\n\nBody.", ymd(2018, 3, 20)),
            ("Date: March 20, 2018\nBody.", ymd(2018, 3, 20)),
            ("Published 20 March 2018 10:30\nBody.", ymd(2018, 3, 20)),
            (
                "Sunday, September 24, 2017\n\nHeadline\n\nBody.",
                ymd(2017, 9, 24),
            ),
            (
                "Headline here\n\nSeptember 24, 2017\n\nBody.",
                ymd(2017, 9, 24),
            ),
            (
                "Headline\n\nByline\n\nSept. 24, 2017 — Body.",
                ymd(2017, 9, 24),
            ),
            ("One\nTwo\nThree\nSeptember 24, 2017\n", None),
            ("The visit began on March 20, 2018 and ended.", None),
            ("March 20, 2018was typed badly", None),
            ("dated text with no date", None),
            ("update 2018-03-20", None),
            ("Body text in 2018.", None),
            ("", None),
        ];
        for &(s, want) in cases {
            assert_eq!(detect(s), want, "{s:?}");
        }
    }

    #[test]
    fn labelled_dates_say_where_the_text_begins() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                " date 2018-03-20 The minister arrived.",
                Some("The minister arrived."),
            ),
            ("\n\ndate: 2018-03-20\n\nBody.", Some("Body.")),
            ("Sunday, September 24, 2017\n\nBody.", None),
        ];
        for &(s, want) in cases {
            let top = detect_top(s).unwrap();
            assert_eq!(top.label_end.map(|i| s[i..].trim_start()), want, "{s:?}");
        }
    }
}
