//! Turns one record of a converted peer test suite into the expectations the
//! evaluation scores: which claim kind should cover which span, with which
//! value, under which convention.
//!
//! Input records (one JSON object per line, see `docs/evaluation.md`):
//! Recognizers-Text and quantulum3 records list `expected` entities; Duckling
//! and ctparse records carry one `expected_expr` for the whole input. Each
//! entity becomes an [`Expectation`]; entities of a type claimcheck does not
//! extract (bare numbers, ordinals, times of day, temperatures, …) are kept
//! with `kind: None` and a reason, so they are reported as "not in scope"
//! instead of being silently dropped.

use chrono::{Datelike, Duration, NaiveDate};
use claimcheck::Kind;
use serde_json::Value as Json;

/// What the right value looks like.
#[derive(Debug, Clone, PartialEq)]
pub enum Want {
    /// A numeric interval as stated (`high: None` for open upper bounds).
    /// `unit` is an ISO 4217 code to check for money, when the suite gives one.
    /// `alt_scale` accepts the value times this factor too (cents → dollars).
    Number {
        low: f64,
        high: Option<f64>,
        /// Open-ended ("above $10", "under 7 EUR"): the stated bound must be one
        /// of the claim's ends, whichever convention the extractor uses.
        bound_only: bool,
        unit: Option<String>,
        alt_scale: Option<f64>,
        /// For measures: the expected value in SI base units (m, kg, m3, m2, m/s).
        si: Option<f64>,
    },
    /// A length of time in seconds.
    Seconds(f64),
    /// Acceptable inclusive date intervals (alternatives: future/past readings,
    /// inclusive/exclusive range ends).
    Dates(Vec<(NaiveDate, NaiveDate)>),
    /// A date range given as two separate ends (ctparse "13.6. - 15.6."):
    /// either one claim spanning both, or one claim for each end.
    DateEnds(Vec<((NaiveDate, NaiveDate), (NaiveDate, NaiveDate))>),
    /// Part of a period ("late last year"): the suite's own reading, or any
    /// sub-interval of `whole` on the named side.
    PartOf {
        whole: (NaiveDate, NaiveDate),
        part: Part,
        alts: Vec<(NaiveDate, NaiveDate)>,
    },
    /// Nothing to check beyond recall (unresolved or open-ended).
    Unknown,
}

/// Which part of a period: early, late, mid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    Start,
    End,
    Mid,
}

impl Part {
    /// True when `iv` is a proper part of `whole` on this side.
    pub fn accepts(self, whole: (NaiveDate, NaiveDate), iv: (NaiveDate, NaiveDate)) -> bool {
        let inside = whole.0 <= iv.0 && iv.1 <= whole.1 && iv != whole;
        inside
            && match self {
                Part::Start => iv.0 == whole.0,
                Part::End => iv.1 == whole.1,
                Part::Mid => iv.0 > whole.0 && iv.1 < whole.1,
            }
    }
}

/// A named difference of convention between a suite and a news reader. A
/// claim that matches none of the suite's own readings but matches a reading
/// derived under one of these is scored "convention", not "right" (column
/// `+conv`), and listed as such by `--failures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Convention {
    /// Duckling and ctparse resolve a year-less date or a bare weekday
    /// forward ("March" read in February is next March); news reads
    /// backwards. The reading accepted is the latest such date on or before
    /// the reference, and only when the suite's reading lies after it.
    Backward,
    /// Recognizers end a range at the start of its last named period,
    /// exclusive ("from 2014 to 2018" stops at 2018-01-01, "from Week 31 to
    /// Week 35" at the Monday of week 35); claimcheck's inclusive range keeps
    /// that period (to 2018-12-31, to the Sunday of week 35).
    RangeEnd,
    /// "the last two decades", "the next three years": Recognizers count
    /// whole calendar units before or after the current one (1990–2009 read
    /// in 2016); claimcheck counts the same span back from the day before
    /// the reference (or on from the day after it).
    Rolling,
}

impl Convention {
    pub fn name(self) -> &'static str {
        match self {
            Convention::Backward => "backward reading",
            Convention::RangeEnd => "inclusive range end",
            Convention::Rolling => "rolling window",
        }
    }
}

/// One expected entity.
#[derive(Debug, Clone)]
pub struct Expectation {
    /// The claim kind that should cover it; `None` when claimcheck does not
    /// extract this type.
    pub kind: Option<Kind>,
    /// Why it is out of scope, or the suite's own type name.
    pub label: String,
    /// Byte span in the input; `None` when the whole input is the entity.
    pub span: Option<(usize, usize)>,
    /// The entity text as the suite gives it.
    pub text: String,
    pub want: Want,
    /// Readings accepted only under a named [`Convention`].
    pub conventions: Vec<(Convention, (NaiveDate, NaiveDate))>,
}

/// One input of a suite with its expectations.
#[derive(Debug, Clone)]
pub struct Case {
    pub suite: String,
    pub input: String,
    /// `ref_time` as a date: the publication date for relative expressions.
    pub published: Option<NaiveDate>,
    pub expectations: Vec<Expectation>,
}

/// Suite name of a record: `recognizers/CurrencyModel`, `duckling/Time`, `quantulum3`, `ctparse`.
pub fn suite_name(rec: &Json) -> String {
    let source = rec.get("source").and_then(Json::as_str).unwrap_or("");
    let file = rec.get("file").and_then(Json::as_str).unwrap_or("");
    let stem = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".json");
    if source.contains("Recognizers") {
        format!("recognizers/{stem}")
    } else if source.contains("duckling") {
        let dim = file.split('/').nth(1).unwrap_or("?");
        format!("duckling/{dim}")
    } else if source.contains("quantulum") {
        "quantulum3".to_string()
    } else if source.contains("ctparse") {
        "ctparse".to_string()
    } else {
        format!("{source}/{stem}")
    }
}

/// Claim kinds a suite annotates exhaustively: claims of these kinds that match
/// no expectation are counted as "extra" (a precision signal).
pub fn suite_kinds(suite: &str) -> &'static [Kind] {
    const TABLE: &[(&str, &[Kind])] = &[
        ("CurrencyModel", &[Kind::Money]),
        ("PercentModel", &[Kind::Percent]),
        ("DimensionModel", &[Kind::Measure]),
        ("DateTimeModel", &[Kind::Date, Kind::Duration]),
        ("DateParser", &[Kind::Date]),
        ("DatePeriodParser", &[Kind::Date]),
        ("DurationParser", &[Kind::Duration]),
        ("duckling/AmountOfMoney", &[Kind::Money]),
        ("duckling/Distance", &[Kind::Measure]),
        ("duckling/Volume", &[Kind::Measure]),
        ("duckling/Quantity", &[Kind::Measure]),
        ("duckling/Duration", &[Kind::Duration]),
        ("duckling/Time", &[Kind::Date]),
        ("quantulum3", &[Kind::Money, Kind::Measure, Kind::Duration]),
        ("ctparse", &[Kind::Date]),
    ];
    TABLE
        .iter()
        .find(|(name, _)| suite.ends_with(name))
        .map(|(_, kinds)| *kinds)
        .unwrap_or(&[])
}

/// Parses one record into a case; `None` when the record is not an object with an input.
pub fn case_of(rec: &Json) -> Option<Case> {
    let input = rec.get("input")?.as_str()?.to_string();
    let suite = suite_name(rec);
    let published = rec
        .get("ref_time")
        .and_then(Json::as_str)
        .and_then(|s| s.get(..10))
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let expectations = if let Some(expr) = rec.get("expected_expr").and_then(Json::as_str) {
        if suite == "ctparse" {
            ctparse(expr, &input, published).into_iter().collect()
        } else {
            duckling(&suite, expr, &input, published)
                .into_iter()
                .collect()
        }
    } else if suite == "quantulum3" {
        list(rec.get("expected"))
            .iter()
            .map(|e| quantulum(e, &input))
            .collect()
    } else {
        list(rec.get("expected"))
            .iter()
            .map(|e| recognizers(e, &input, published))
            .collect()
    };
    Some(Case {
        suite,
        input,
        published,
        expectations,
    })
}

fn list(v: Option<&Json>) -> Vec<Json> {
    v.and_then(Json::as_array).cloned().unwrap_or_default()
}

/// "percent of 10", "per cent of twenty-two", "percents of twenty": a
/// percentage word with no number before it, then "of" and a number.
fn is_percent_of_base(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    ["percents of ", "percent of ", "per cent of "]
        .iter()
        .any(|p| lower.starts_with(p))
}

fn out_of_scope(label: &str, text: &str, span: Option<(usize, usize)>) -> Expectation {
    Expectation {
        kind: None,
        label: label.to_string(),
        span,
        text: text.to_string(),
        want: Want::Unknown,
        conventions: Vec::new(),
    }
}

fn in_scope(
    kind: Kind,
    label: &str,
    text: &str,
    span: Option<(usize, usize)>,
    want: Want,
) -> Expectation {
    Expectation {
        kind: Some(kind),
        label: label.to_string(),
        span,
        text: text.to_string(),
        want,
        conventions: Vec::new(),
    }
}

/// Byte offset of character offset `c` in `s` (clamped to the end).
fn byte_of_char(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map(|(b, _)| b).unwrap_or(s.len())
}

/// Byte span of an entity given by character offsets; falls back to a
/// case-insensitive search for the text when the offsets do not match it.
fn entity_span(input: &str, e: &Json) -> Option<(usize, usize)> {
    let text = e.get("text").and_then(Json::as_str).unwrap_or("");
    if let (Some(s), Some(t)) = (
        e.get("start").and_then(Json::as_u64),
        e.get("end_excl").and_then(Json::as_u64),
    ) {
        let (b, c) = (
            byte_of_char(input, s as usize),
            byte_of_char(input, t as usize),
        );
        if input
            .get(b..c)
            .is_some_and(|x| x.eq_ignore_ascii_case(text))
            || text.is_empty()
        {
            return Some((b, c));
        }
    }
    find_ci(input, text).or(Some((0, input.len())))
}

fn find_ci(hay: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let lower = hay.to_lowercase();
    if lower.len() != hay.len() {
        return hay.find(needle).map(|i| (i, i + needle.len()));
    }
    lower
        .find(&needle.to_lowercase())
        .map(|i| (i, i + needle.len()))
}

fn num(v: Option<&Json>) -> Option<f64> {
    match v? {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => s.trim().trim_end_matches('%').replace(',', "").parse().ok(),
        _ => None,
    }
}

/// Recognizers' marker for a date that does not exist ("2/29/2019"): 0001-01-01.
fn invalid_marker(d: NaiveDate) -> bool {
    d.year() == 1 && d.ordinal() == 1
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn day_before(d: NaiveDate) -> NaiveDate {
    d.pred_opt().unwrap_or(d)
}

/// A range `[start, end)` as Recognizers writes it, accepted with the end
/// exclusive (their convention) or inclusive (ours, and some of their specs).
fn range_alts(start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut v = vec![(start, end)];
    if end > start {
        v.insert(0, (start, day_before(end)));
    }
    v
}

// ---------------------------------------------------------------- Recognizers

fn recognizers(e: &Json, input: &str, published: Option<NaiveDate>) -> Expectation {
    let ty = e.get("type").and_then(Json::as_str).unwrap_or("");
    let text = e.get("text").and_then(Json::as_str).unwrap_or("");
    let span = entity_span(input, e);
    let res = e.get("resolution").cloned().unwrap_or(Json::Null);
    match ty {
        "currency" => match money_want(&res) {
            // A currency name with no amount ("50 dollar dollar"): not a claim.
            Want::Unknown => out_of_scope("unit without amount", text, span),
            want => in_scope(Kind::Money, ty, text, span, want),
        },
        // "percent of 10": Recognizers read the number after "of" as the
        // percentage; in English news it is the base ("15 percent of 10
        // million voters"), so claimcheck reads no percentage there.
        "percentage" if is_percent_of_base(text) => {
            out_of_scope("\"percent of N\" (N is a base)", text, span)
        }
        "percentage" => match num(res.get("value")) {
            Some(v) => in_scope(Kind::Percent, ty, text, span, exact(v)),
            None => out_of_scope("unit without amount", text, span),
        },
        "dimension" => {
            let subtype = res.get("subtype").and_then(Json::as_str).unwrap_or("");
            let unit = res.get("unit").and_then(Json::as_str).unwrap_or("");
            if !matches!(subtype, "Length" | "Weight" | "Area" | "Volume" | "Speed") {
                return out_of_scope(&format!("dimension:{subtype}"), text, span);
            }
            match num(res.get("value")) {
                Some(v) => in_scope(
                    Kind::Measure,
                    ty,
                    text,
                    span,
                    measure_want(v, Some(v), false, unit),
                ),
                None => out_of_scope("unit without amount", text, span),
            }
        }
        "temperature" => out_of_scope("temperature", text, span),
        "number" | "numberrange" | "ordinal" => out_of_scope(ty, text, span),
        "date" | "daterange" | "duration" => {
            let alts: Vec<&Json> = ["FutureResolution", "PastResolution"]
                .iter()
                .filter_map(|k| res.get(*k))
                .collect();
            if ty == "duration" {
                let secs = alts.iter().find_map(|r| num(r.get("duration")));
                return in_scope(
                    Kind::Duration,
                    ty,
                    text,
                    span,
                    secs.map_or(Want::Unknown, Want::Seconds),
                );
            }
            let modifier = res.get("Mod").and_then(Json::as_str);
            let timex = res.get("Timex").and_then(Json::as_str).unwrap_or("");
            let mut want = Vec::new();
            let mut ranges = Vec::new();
            for r in alts {
                if let Some(d) = r.get("date").and_then(Json::as_str).and_then(date) {
                    want.push((d, d));
                }
                let s = r.get("startDate").and_then(Json::as_str).and_then(date);
                let t = r.get("endDate").and_then(Json::as_str).and_then(date);
                if let (Some(s), Some(t)) = (s, t) {
                    want.extend(range_alts(s, t));
                    ranges.push((s, t));
                }
            }
            let mut e = date_expectation(want, modifier, timex, text, span);
            e.conventions = range_conventions(&ranges, text, published);
            e
        }
        t if t.starts_with("datetimeV2.") => datetime_v2(t, &res, text, span, published),
        "" => out_of_scope("untyped", text, span),
        _ => out_of_scope(ty, text, span),
    }
}

/// DateTimeModel entities: `resolution.values` lists the readings.
fn datetime_v2(
    ty: &str,
    res: &Json,
    text: &str,
    span: Option<(usize, usize)>,
    published: Option<NaiveDate>,
) -> Expectation {
    let values = list(res.get("values"));
    let sub = ty.trim_start_matches("datetimeV2.");
    match sub {
        "date" | "daterange" => {
            let mut want = Vec::new();
            let mut ranges = Vec::new();
            let mut modifier = None;
            let mut timex = String::new();
            for v in &values {
                modifier = modifier.or(v.get("Mod").and_then(Json::as_str).map(str::to_string));
                if let Some(t) = v.get("timex").and_then(Json::as_str) {
                    timex = t.to_string();
                }
                if let Some(d) = v.get("value").and_then(Json::as_str).and_then(date) {
                    want.push((d, d));
                }
                let s = v.get("start").and_then(Json::as_str).and_then(date);
                let t = v.get("end").and_then(Json::as_str).and_then(date);
                if let (Some(s), Some(t)) = (s, t) {
                    want.extend(range_alts(s, t));
                    ranges.push((s, t));
                }
            }
            let mut e = date_expectation(want, modifier.as_deref(), &timex, text, span);
            e.conventions = range_conventions(&ranges, text, published);
            e
        }
        "duration" => {
            let secs = values.iter().find_map(|v| num(v.get("value")));
            in_scope(
                Kind::Duration,
                ty,
                text,
                span,
                secs.map_or(Want::Unknown, Want::Seconds),
            )
        }
        _ => out_of_scope(&format!("{sub} (time of day/set)"), text, span),
    }
}

/// A date expectation. Open-ended readings ("before 2010", "since 2018") are
/// scored against the anchor the timex names, when it is a concrete period.
/// Parts of periods ("late last year", "early next week") differ by
/// convention (Recognizers: late year = July–December; a news reader:
/// the last months), so a claim inside the period that shares its end (late),
/// its start (early) or neither (mid) is accepted too.
fn date_expectation(
    want: Vec<(NaiveDate, NaiveDate)>,
    modifier: Option<&str>,
    timex: &str,
    text: &str,
    span: Option<(usize, usize)>,
) -> Expectation {
    // Recognizers write 0001-01-01 for a date that does not exist
    // ("2/29/2019"): nothing can match it, and making no claim is right.
    if !want.is_empty() && want.iter().all(|&(s, _)| invalid_marker(s)) {
        return out_of_scope("invalid date (0001-01-01)", text, span);
    }
    let whole = timex_interval(timex);
    let (label, want) = match modifier {
        Some("start" | "end" | "mid") => {
            let part = match modifier {
                Some("start") => Part::Start,
                Some("end") => Part::End,
                _ => Part::Mid,
            };
            match whole {
                Some(whole) => (
                    "date (part of period)",
                    Want::PartOf {
                        whole,
                        part,
                        alts: want,
                    },
                ),
                None => ("date (part of period)", Want::Dates(want)),
            }
        }
        Some(_) => match whole {
            Some(iv) => ("date (open-ended)", Want::Dates(vec![iv])),
            None => ("date (open-ended)", Want::Unknown),
        },
        None if want.is_empty() => (
            "date",
            whole.map_or(Want::Unknown, |iv| Want::Dates(vec![iv])),
        ),
        None => ("date", Want::Dates(want)),
    };
    in_scope(Kind::Date, label, text, span, want)
}

/// Words that make an entity a range with two named ends.
const RANGE_WORDS: &[&str] = &[
    " to ",
    " and ",
    "-",
    "\u{2013}",
    " through ",
    " thru ",
    " till ",
    " until ",
];
/// Words that make an entity a span counted from the reference.
const ROLLING_WORDS: &[&str] = &[
    "last ",
    "past ",
    "next ",
    "previous ",
    "coming ",
    "following ",
];

/// Readings of Recognizers ranges `[start, end)` under [`Convention::RangeEnd`]
/// (for entities naming two ends: the period that starts at the exclusive
/// end — a year, a month or a Monday-to-Sunday week — is included) and
/// [`Convention::Rolling`] (for "last/next N units": the same number of
/// months, or of days, counted from the reference).
fn range_conventions(
    ranges: &[(NaiveDate, NaiveDate)],
    text: &str,
    published: Option<NaiveDate>,
) -> Vec<(Convention, (NaiveDate, NaiveDate))> {
    let lower = format!(" {} ", text.to_lowercase());
    let two_ends = RANGE_WORDS.iter().any(|w| lower.contains(w));
    let rolling = ROLLING_WORDS.iter().any(|w| lower.contains(w));
    let mut out = Vec::new();
    for &(s, end) in ranges.iter().filter(|(s, e)| s < e) {
        if two_ends {
            let periods = [
                (end.ordinal() == 1).then(|| NaiveDate::from_ymd_opt(end.year(), 12, 31)),
                (end.day() == 1).then(|| Some(last_of_month(end))),
                (end.weekday() == chrono::Weekday::Mon).then(|| Some(end + Duration::days(6))),
            ];
            for last in periods.into_iter().flatten().flatten() {
                out.push((Convention::RangeEnd, (s, last)));
            }
        }
        if let (true, Some(p)) = (rolling, published) {
            out.extend(rolling_reading(s, end, p).map(|r| (Convention::Rolling, r)));
        }
    }
    out
}

/// The span of `[s, end)` counted from `p`: back from the day before it when
/// the span lies before `p`, on from the day after when it lies after; in
/// whole months when both ends are firsts of a month, else in days.
fn rolling_reading(s: NaiveDate, end: NaiveDate, p: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let day = Duration::days(1);
    if s.day() == 1 && end.day() == 1 {
        let months = (end.year() - s.year()) * 12 + end.month() as i32 - s.month() as i32;
        let m = chrono::Months::new(u32::try_from(months).ok()?);
        if end <= p {
            Some((p.checked_sub_months(m)?, p - day))
        } else if s > p {
            Some((p + day, p.checked_add_months(m)?))
        } else {
            None
        }
    } else {
        let n = end - s;
        if end <= p {
            Some((p - n, p - day))
        } else if s > p {
            Some((p + day, p + n))
        } else {
            None
        }
    }
}

/// The period a concrete TIMEX value names: `2016`, `2016-11`, `2016-11-07`, `2017-W45`.
pub fn timex_interval(t: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = t.split('-').collect();
    let year: i32 = parts
        .first()?
        .parse()
        .ok()
        .filter(|_| parts[0].len() == 4)?;
    match parts.as_slice() {
        [_] => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        [_, w] if w.starts_with('W') => {
            let n: u32 = w[1..].parse().ok()?;
            let s = NaiveDate::from_isoywd_opt(year, n, chrono::Weekday::Mon)?;
            Some((s, s + Duration::days(6)))
        }
        [_, m] => {
            let m: u32 = m.parse().ok()?;
            let s = NaiveDate::from_ymd_opt(year, m, 1)?;
            Some((s, last_of_month(s)))
        }
        [_, m, d] => {
            let d = NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)?;
            Some((d, d))
        }
        _ => None,
    }
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .map(day_before)
        .unwrap_or(d)
}

fn exact(v: f64) -> Want {
    Want::Number {
        low: v,
        high: Some(v),
        bound_only: false,
        unit: None,
        alt_scale: None,
        si: None,
    }
}

/// Money: the value, the ISO code when the suite gives one, and cents/pence
/// accepted as hundredths of the main unit.
fn money_want(res: &Json) -> Want {
    let Some(v) = num(res.get("value")) else {
        return Want::Unknown;
    };
    let unit_name = res
        .get("unit")
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_lowercase();
    let iso = res
        .get("isoCurrency")
        .and_then(Json::as_str)
        .filter(|c| c.len() == 3)
        .map(str::to_string);
    let minor = ["cent", "pence", "penny", "pennies", "sen"]
        .iter()
        .any(|m| unit_name == *m);
    Want::Number {
        low: v,
        high: Some(v),
        bound_only: false,
        unit: iso,
        alt_scale: minor.then_some(0.01),
        si: None,
    }
}

/// SI factor of a unit name as the peers spell it (`Kilometer`, `kilometre`, `Mile per hour`).
/// Returns `(factor, dimension)`; volumes are in m3.
fn si_factor(unit: &str) -> Option<(f64, &'static str)> {
    const UNITS: &[(&str, f64, &str)] = &[
        ("picometer", 1e-12, "length"),
        ("attometre", 1e-18, "length"),
        ("millimeter", 1e-3, "length"),
        ("centimeter", 1e-2, "length"),
        ("decimeter", 1e-1, "length"),
        ("meter", 1.0, "length"),
        ("m", 1.0, "length"),
        ("kilometer", 1e3, "length"),
        ("inch", 0.0254, "length"),
        ("foot", 0.3048, "length"),
        ("yard", 0.9144, "length"),
        ("mile", 1609.344, "length"),
        ("microgram", 1e-9, "mass"),
        ("milligram", 1e-6, "mass"),
        ("gram", 1e-3, "mass"),
        ("kilogram", 1.0, "mass"),
        ("metric ton", 1e3, "mass"),
        ("tonne", 1e3, "mass"),
        ("ton", 907.18474, "mass"),
        ("pound", 0.45359237, "mass"),
        ("pound-mass", 0.45359237, "mass"),
        ("ounce", 0.028349523125, "mass"),
        ("square meter", 1.0, "area"),
        ("square kilometer", 1e6, "area"),
        ("millilitre", 1e-6, "volume"),
        ("litre", 1e-3, "volume"),
        ("hectolitre", 1e-1, "volume"),
        ("cubic centimetre", 1e-6, "volume"),
        ("cubic foot", 0.028316846592, "volume"),
        ("gallon", 0.003785411784, "volume"),
        ("barrel", 0.158987294928, "volume"),
        ("cup", 0.0002365882365, "volume"),
        ("tablespoon", 0.00001478676478, "volume"),
        ("mile per hour", 0.44704, "speed"),
        ("kilometer per hour", 1.0 / 3.6, "speed"),
    ];
    let u = unit
        .to_lowercase()
        .replace("metre", "meter")
        .replace("liter", "litre");
    UNITS
        .iter()
        .find(|(name, _, _)| name.replace("metre", "meter") == u)
        .map(|(_, f, d)| (*f, *d))
}

fn measure_want(low: f64, high: Option<f64>, bound_only: bool, unit: &str) -> Want {
    Want::Number {
        low,
        high,
        bound_only,
        unit: None,
        alt_scale: None,
        si: si_factor(unit).map(|(f, _)| low * f),
    }
}

// ------------------------------------------------------------------ quantulum3

fn quantulum(e: &Json, input: &str) -> Expectation {
    let unit = e.get("unit").and_then(Json::as_str).unwrap_or("");
    let text = e.get("surface").and_then(Json::as_str).unwrap_or("");
    let span = find_ci(input, text).or(Some((0, input.len())));
    let Some(v) = num(e.get("value")) else {
        return out_of_scope(unit, text, span);
    };
    const MONEY: &[(&str, &str)] = &[
        ("dollar", "USD"),
        ("pound sterling", "GBP"),
        ("euro", "EUR"),
    ];
    const TIME: &[(&str, f64)] = &[
        ("second", 1.0),
        ("minute", 60.0),
        ("hour", 3600.0),
        ("day", 86_400.0),
        ("week", 604_800.0),
        ("month", 2_592_000.0),
        ("year", 31_536_000.0),
    ];
    if let Some((_, iso)) = MONEY.iter().find(|(n, _)| *n == unit) {
        let unit = (*iso != "USD" || text.contains('$')).then(|| iso.to_string());
        return in_scope(
            Kind::Money,
            "money",
            text,
            span,
            Want::Number {
                low: v,
                high: Some(v),
                bound_only: false,
                unit,
                alt_scale: None,
                si: None,
            },
        );
    }
    if let Some((_, secs)) = TIME.iter().find(|(n, _)| *n == unit) {
        return in_scope(
            Kind::Duration,
            "duration",
            text,
            span,
            Want::Seconds(v * secs),
        );
    }
    if si_factor(unit).is_some() {
        return in_scope(
            Kind::Measure,
            "measure",
            text,
            span,
            measure_want(v, Some(v), false, unit),
        );
    }
    out_of_scope(unit, text, span)
}

// --------------------------------------------------------------------- ctparse

/// `Time[]{2017-12-14 17:30 (X/X)}` or `Interval[]{A - B}`; the date part is
/// scored, times of day are out of scope.
fn ctparse(expr: &str, input: &str, published: Option<NaiveDate>) -> Option<Expectation> {
    let inner = expr.split_once('{')?.1.trim_end_matches('}');
    let whole = input.trim();
    if expr.starts_with("Time") {
        let d = date(inner.split_whitespace().next()?);
        return Some(match d {
            Some(d) => forward(
                in_scope(Kind::Date, "date", whole, None, Want::Dates(vec![(d, d)])),
                &[(d, d)],
                input,
                published,
            ),
            None => out_of_scope("time of day", whole, None),
        });
    }
    if expr.starts_with("Interval") {
        let (a, b) = inner.split_once(" - ")?;
        let a = a.split_whitespace().next().and_then(date);
        let b = b.split_whitespace().next().and_then(date);
        return Some(match (a, b) {
            (Some(a), Some(b)) if a == b => forward(
                in_scope(Kind::Date, "date", whole, None, Want::Dates(vec![(a, a)])),
                &[(a, a)],
                input,
                published,
            ),
            (Some(a), Some(b)) => forward(
                in_scope(
                    Kind::Date,
                    "date range",
                    whole,
                    None,
                    Want::DateEnds(vec![((a, a), (b, b))]),
                ),
                &[(a, b)],
                input,
                published,
            ),
            (Some(a), None) => in_scope(
                Kind::Date,
                "date (open-ended)",
                whole,
                None,
                Want::Dates(vec![(a, a)]),
            ),
            _ => out_of_scope("time of day", whole, None),
        });
    }
    Some(out_of_scope("duration (ctparse)", whole, None))
}

/// Adds the backward readings of a forward-leaning suite's `want` (Duckling,
/// ctparse) to `e` under [`Convention::Backward`].
fn forward(
    mut e: Expectation,
    want: &[(NaiveDate, NaiveDate)],
    input: &str,
    published: Option<NaiveDate>,
) -> Expectation {
    e.conventions = backward_readings(want, input, published)
        .into_iter()
        .map(|r| (Convention::Backward, r))
        .collect();
    e
}

/// Duckling and ctparse resolve forward in time ("March" read in February is
/// next March); a news reader resolves backwards. When the input names no
/// year and the suite's reading lies after the reference, the latest of the
/// same reading one year earlier (and, for inputs naming a weekday, one week
/// earlier) that starts on or before the reference is the backward reading.
fn backward_readings(
    want: &[(NaiveDate, NaiveDate)],
    input: &str,
    published: Option<NaiveDate>,
) -> Vec<(NaiveDate, NaiveDate)> {
    let Some(p) = published else {
        return Vec::new();
    };
    let has_year = input
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'));
    if has_year {
        return Vec::new();
    }
    const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let lower = input.to_lowercase();
    let weekday = WEEKDAYS.iter().any(|w| lower.contains(w));
    let mut out = Vec::new();
    for &(s, e) in want.iter().filter(|(s, _)| *s > p) {
        let year_before = s.with_year(s.year() - 1).zip(e.with_year(e.year() - 1));
        let week_before = weekday.then(|| (s - Duration::days(7), e - Duration::days(7)));
        let latest = [week_before, year_before]
            .into_iter()
            .flatten()
            .filter(|(a, _)| *a <= p)
            .max();
        out.extend(latest);
    }
    out
}

// -------------------------------------------------------------------- Duckling

/// Duckling's `expected_expr` for the whole input, by dimension.
fn duckling(
    suite: &str,
    expr: &str,
    input: &str,
    published: Option<NaiveDate>,
) -> Option<Expectation> {
    let whole = input.trim();
    let dim = suite.trim_start_matches("duckling/");
    let words: Vec<&str> = expr
        .split(|c: char| c.is_whitespace() || "(),".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    match dim {
        "AmountOfMoney" | "Distance" | "Volume" | "Quantity" => {
            let kind = if dim == "AmountOfMoney" {
                Kind::Money
            } else {
                Kind::Measure
            };
            let shape = *words.first()?;
            let unit = *words.get(1)?;
            if unit == "Unnamed" {
                return Some(out_of_scope("number without unit", whole, None));
            }
            let a: f64 = words.get(2)?.parse().ok()?;
            let b: Option<f64> = words.get(3).and_then(|w| w.parse().ok());
            let (low, high) = match shape {
                "between" => (a, b),
                "above" => (a, None),
                _ => (a, Some(a)),
            };
            let bound_only = matches!(shape, "above" | "under");
            let want = if kind == Kind::Money {
                let iso = (unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()))
                    .then(|| unit.to_string());
                Want::Number {
                    low,
                    high,
                    bound_only,
                    unit: iso,
                    alt_scale: (unit == "Cent").then_some(0.01),
                    si: None,
                }
            } else {
                measure_want(low, high, bound_only, unit)
            };
            Some(in_scope(kind, dim, whole, None, want))
        }
        "Duration" => {
            let n: f64 = words.get(1)?.parse().ok()?;
            let unit = words.get(2)?.to_lowercase();
            const SECS: &[(&str, f64)] = &[
                ("second", 1.0),
                ("minute", 60.0),
                ("hour", 3600.0),
                ("day", 86_400.0),
                ("week", 604_800.0),
                ("month", 2_592_000.0),
                ("quarter", 7_776_000.0),
                ("year", 31_536_000.0),
            ];
            let secs = SECS.iter().find(|(u, _)| *u == unit)?.1;
            Some(in_scope(
                Kind::Duration,
                "duration",
                whole,
                None,
                Want::Seconds(n * secs),
            ))
        }
        "Time" => duckling_time(expr, input, published),
        "Numeral" | "Ordinal" => Some(out_of_scope(&dim.to_lowercase(), whole, None)),
        "Temperature" => Some(out_of_scope("temperature", whole, None)),
        _ => Some(out_of_scope(dim, whole, None)),
    }
}

/// `datetime (2013, 2, 15, 0, 0, 0) Day`, `datetimeInterval ((…), (…)) Day`,
/// `datetimeHoliday (…) Day "Christmas"`, `datetimeOpenInterval After (…) Hour`.
fn duckling_time(expr: &str, input: &str, published: Option<NaiveDate>) -> Option<Expectation> {
    let whole = input.trim();
    let tuples: Vec<NaiveDate> = expr
        .split('(')
        .filter_map(|part| {
            let nums: Vec<i64> = part
                .split([',', ')'])
                .map(str::trim)
                .take(3)
                .filter_map(|n| n.parse().ok())
                .collect();
            match nums.as_slice() {
                [y, m, d] => NaiveDate::from_ymd_opt(*y as i32, *m as u32, *d as u32),
                _ => None,
            }
        })
        .collect();
    let after = expr.rsplit(')').next().unwrap_or("").trim();
    let grain = after.split_whitespace().next().unwrap_or("");
    if !matches!(grain, "Day" | "Week" | "Month" | "Quarter" | "Year") {
        return Some(out_of_scope("time of day", whole, None));
    }
    if expr.starts_with("datetimeOpenInterval") {
        return Some(out_of_scope("open interval", whole, None));
    }
    let label =
        if expr.starts_with("datetimeHoliday") || expr.starts_with("datetimeIntervalHoliday") {
            "holiday"
        } else {
            "date"
        };
    let want = match tuples.as_slice() {
        [a, b] => range_alts(*a, *b),
        [a] => vec![grain_interval(*a, grain)],
        _ => return Some(in_scope(Kind::Date, label, whole, None, Want::Unknown)),
    };
    let e = in_scope(Kind::Date, label, whole, None, Want::Dates(want.clone()));
    Some(forward(e, &want, input, published))
}

fn grain_interval(d: NaiveDate, grain: &str) -> (NaiveDate, NaiveDate) {
    let end = match grain {
        "Week" => d + Duration::days(6),
        "Month" => last_of_month(d),
        "Quarter" => {
            let m = d.month() + 2;
            NaiveDate::from_ymd_opt(d.year(), m.min(12), 1)
                .map(last_of_month)
                .unwrap_or(d)
        }
        "Year" => NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d),
        _ => d,
    };
    (d, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn timex_periods() {
        for (t, want) in [
            ("2016", Some((d("2016-01-01"), d("2016-12-31")))),
            ("2016-02", Some((d("2016-02-01"), d("2016-02-29")))),
            ("2016-11-07", Some((d("2016-11-07"), d("2016-11-07")))),
            ("2017-W45", Some((d("2017-11-06"), d("2017-11-12")))),
            ("XXXX-02", None),
            ("PRESENT_REF", None),
        ] {
            assert_eq!(timex_interval(t), want, "{t}");
        }
    }

    #[test]
    fn duckling_shapes() {
        let e = duckling(
            "duckling/AmountOfMoney",
            "between Dollar (10, 20)",
            "10-20 dollars",
            None,
        )
        .unwrap();
        assert_eq!(e.kind, Some(Kind::Money));
        assert!(
            matches!(e.want, Want::Number { low, high: Some(h), .. } if low == 10.0 && h == 20.0)
        );
        let e = duckling("duckling/AmountOfMoney", "simple Unnamed 5", "five", None).unwrap();
        assert_eq!(e.kind, None);
        let e = duckling(
            "duckling/Time",
            "datetime (2013, 2, 1, 0, 0, 0) Month",
            "2/2013",
            None,
        )
        .unwrap();
        assert_eq!(
            e.want,
            Want::Dates(vec![(d("2013-02-01"), d("2013-02-28"))])
        );
        let e = duckling(
            "duckling/Time",
            "datetime (2013, 2, 12, 7, 0, 0) Hour",
            "7a",
            None,
        )
        .unwrap();
        assert_eq!(e.kind, None);
        let e = duckling("duckling/Duration", "DurationData 2 Minute", "2 mins", None).unwrap();
        assert_eq!(e.want, Want::Seconds(120.0));
    }

    #[test]
    fn future_leaning_suites_accept_the_backward_reading_by_convention() {
        let feb = Some(d("2013-02-12"));
        let march = [(d("2013-03-01"), d("2013-03-31"))];
        let cases: &[(
            &[(NaiveDate, NaiveDate)],
            &str,
            Option<NaiveDate>,
            &[(NaiveDate, NaiveDate)],
        )] = &[
            (
                &march,
                "in March",
                feb,
                &[(d("2012-03-01"), d("2012-03-31"))],
            ),
            // A year is named: no other reading.
            (&march, "March 2013", feb, &[]),
            // The suite's reading is already in the past.
            (&march, "in March", Some(d("2013-04-02")), &[]),
            // No reference: nothing to read backwards from.
            (&march, "in March", None, &[]),
            // "Friday" read on Tuesday 2013-02-12: the Friday before.
            (
                &[(d("2013-02-15"), d("2013-02-15"))],
                "on Friday",
                feb,
                &[(d("2013-02-08"), d("2013-02-08"))],
            ),
        ];
        for (want, input, p, expected) in cases {
            assert_eq!(backward_readings(want, input, *p), *expected, "{input}");
        }
    }

    #[test]
    fn percent_of_a_number_is_a_base_not_a_percentage() {
        for (text, base) in [
            ("percent of 10", true),
            ("Per cent of twenty-two", true),
            ("percents of twenty", true),
            ("15 percent of 10", false),
            ("40 per cent", false),
            ("percentage points", false),
        ] {
            assert_eq!(is_percent_of_base(text), base, "{text}");
        }
    }

    #[test]
    fn recognizers_range_and_rolling_conventions() {
        let p = Some(d("2016-11-07"));
        let got = range_conventions(
            &[(d("2014-01-01"), d("2018-01-01"))],
            "from 2014 to 2018",
            p,
        );
        assert!(got.contains(&(Convention::RangeEnd, (d("2014-01-01"), d("2018-12-31")))));
        // One named period is not a range: "March 2015" ends 2015-04-01.
        let got = range_conventions(&[(d("2015-03-01"), d("2015-04-01"))], "March 2015", p);
        assert!(got.is_empty());
        // Week 31 to week 35 of 2018: to the Sunday of week 35.
        let got = range_conventions(
            &[(d("2018-07-30"), d("2018-08-27"))],
            "between Week 31 and Week 35",
            p,
        );
        assert!(got.contains(&(Convention::RangeEnd, (d("2018-07-30"), d("2018-09-02")))));
        let got = range_conventions(
            &[(d("1990-01-01"), d("2010-01-01"))],
            "the last two decades",
            p,
        );
        assert_eq!(
            got,
            vec![(Convention::Rolling, (d("1996-11-07"), d("2016-11-06")))]
        );
        let got = range_conventions(
            &[(d("2016-11-14"), d("2016-11-28"))],
            "the next two weeks",
            p,
        );
        assert_eq!(
            got,
            vec![(Convention::Rolling, (d("2016-11-08"), d("2016-11-21")))]
        );
    }

    #[test]
    fn ctparse_intervals_and_times() {
        let e = ctparse(
            "Time[]{2017-12-14 17:30 (X/X)}",
            "Thursday 14th December 17.30",
            None,
        )
        .unwrap();
        assert_eq!(e.kind, Some(Kind::Date));
        let e = ctparse(
            "Interval[]{2017-06-13 X:X (X/X) - 2017-06-15 X:X (X/X)}",
            "13.6. - 15.6.",
            None,
        )
        .unwrap();
        assert!(matches!(e.want, Want::DateEnds(_)));
        let e = ctparse("Duration[]{2 nights}", "2 nights", None).unwrap();
        assert_eq!(e.kind, None);
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        let input = "€ 5 and 10 kilómetros";
        let e: Json = serde_json::json!({"text": "10 kilómetros", "start": 8, "end_excl": 21});
        let (b, c) = entity_span(input, &e).unwrap();
        assert_eq!(&input[b..c], "10 kilómetros");
    }
}
