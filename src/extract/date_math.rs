//! Calendar arithmetic for the date extractor: the inclusive intervals of a
//! day, week (Monday–Sunday), month, quarter, year, decade and century, parts
//! of them (early/mid/late), month shifts, and choosing the occurrence of a
//! year-less month or day nearest to the publication date (backwards unless
//! the text speaks of the future). All functions are total: out-of-range input
//! gives `None`, never a panic.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::calendar::{
    PART_DAYS_OF_MONTH, PART_DAYS_OF_WEEK, PART_MONTHS_OF_YEAR, PART_YEARS_OF_CENTURY,
    PART_YEARS_OF_DECADE, Part,
};

/// An inclusive date interval.
pub type Interval = (NaiveDate, NaiveDate);

/// Years outside this range are not dates we resolve.
const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn day(d: NaiveDate) -> Interval {
    (d, d)
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub fn month(y: i32, m: u32) -> Option<Interval> {
    let start = ymd(y, m, 1)?;
    let (ny, nm) = shift_month(y, m, 1);
    let end = ymd(ny, nm, 1).and_then(|d| d.pred_opt())?;
    Some((start, end))
}

/// `(y, m)` moved by `delta` months.
pub fn shift_month(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(delta);
    let ny = idx.div_euclid(12);
    let nm = idx.rem_euclid(12) + 1;
    (
        i32::try_from(ny).unwrap_or(0),
        u32::try_from(nm).unwrap_or(1),
    )
}

pub fn year(y: i32) -> Option<Interval> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

pub fn years(from: i32, to: i32) -> Option<Interval> {
    Some((year(from)?.0, year(to)?.1))
}

/// Quarter 1–4 of a year.
pub fn quarter(y: i32, q: u32) -> Option<Interval> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let first = month(y, q * 3 - 2)?;
    let last = month(y, q * 3)?;
    Some((first.0, last.1))
}

/// Half 1–2 of a year.
pub fn half(y: i32, h: u32) -> Option<Interval> {
    match h {
        1 => Some((ymd(y, 1, 1)?, ymd(y, 6, 30)?)),
        2 => Some((ymd(y, 7, 1)?, ymd(y, 12, 31)?)),
        _ => None,
    }
}

/// The Monday–Sunday week containing `d`.
pub fn week(d: NaiveDate) -> Option<Interval> {
    let back = i64::from(d.weekday().num_days_from_monday());
    let start = add_days(d, -back)?;
    Some((start, add_days(start, 6)?))
}

/// Saturday–Sunday of the week containing `d`.
pub fn weekend(d: NaiveDate) -> Option<Interval> {
    let (mon, _) = week(d)?;
    Some((add_days(mon, 5)?, add_days(mon, 6)?))
}

/// The decade starting at `start` (1990 → 1990–1999).
pub fn decade(start: i32) -> Option<Interval> {
    years(start, start + 9)
}

/// The n-th century (19 → 1801–1900, the usual reading 1800–1899 is used:
/// news says "the 19th century" for the 1800s).
pub fn century(n: i32) -> Option<Interval> {
    let start = (n - 1) * 100;
    years(start.max(MIN_YEAR), start + 99)
}

/// A part of a month.
pub fn part_of_month(y: i32, m: u32, part: Part) -> Option<Interval> {
    let &(_, from, to) = PART_DAYS_OF_MONTH.iter().find(|p| p.0 == part)?;
    let (start, end) = month(y, m)?;
    let to_day = ymd(y, m, to).unwrap_or(end);
    Some((ymd(y, m, from).unwrap_or(start), to_day.min(end)))
}

/// A part of a year.
pub fn part_of_year(y: i32, part: Part) -> Option<Interval> {
    let &(_, from, to) = PART_MONTHS_OF_YEAR.iter().find(|p| p.0 == part)?;
    Some((month(y, from)?.0, month(y, to)?.1))
}

/// A part of the decade starting at `start`.
pub fn part_of_decade(start: i32, part: Part) -> Option<Interval> {
    let &(_, from, to) = PART_YEARS_OF_DECADE.iter().find(|p| p.0 == part)?;
    years(start + from, start + to)
}

/// A part of the century whose first year is `start`.
pub fn part_of_century(start: i32, part: Part) -> Option<Interval> {
    let &(_, from, to) = PART_YEARS_OF_CENTURY.iter().find(|p| p.0 == part)?;
    years((start + from).max(MIN_YEAR), start + to)
}

/// A part of the week containing `d`.
pub fn part_of_week(d: NaiveDate, part: Part) -> Option<Interval> {
    let (mon, _) = week(d)?;
    let &(_, from, to) = PART_DAYS_OF_WEEK.iter().find(|p| p.0 == part)?;
    Some((add_days(mon, from)?, add_days(mon, to)?))
}

/// The n-th Monday–Sunday week of the month `start..=end` (0 = the last),
/// counting the weeks whose Thursday falls in the month (as ISO weeks do
/// for years).
pub fn week_of_month(start: NaiveDate, end: NaiveDate, n: u32) -> Option<Interval> {
    let (mon, _) = week(start)?;
    let first = if add_days(mon, 3)? < start {
        add_days(mon, 7)?
    } else {
        mon
    };
    let monday = if n == 0 {
        let (last_mon, _) = week(end)?;
        if add_days(last_mon, 3)? > end {
            add_days(last_mon, -7)?
        } else {
            last_mon
        }
    } else {
        add_days(first, 7 * (i64::from(n) - 1))?
    };
    if add_days(monday, 3)? > end {
        return None;
    }
    Some((monday, add_days(monday, 6)?))
}

/// The year of a year-less month: the latest month on or before `anchor`'s
/// month, or, when the text speaks of the future, the first on or after it.
pub fn year_of_month(m: u32, anchor: NaiveDate, future: bool) -> i32 {
    let y = anchor.year();
    let am = anchor.month();
    match (future, m.cmp(&am)) {
        (false, std::cmp::Ordering::Greater) => y - 1,
        (true, std::cmp::Ordering::Less) => y + 1,
        _ => y,
    }
}

/// The year of a year-less day ("Sept. 13"): the latest on or before
/// `anchor`, or the first on or after it when the text speaks of the future.
pub fn year_of_day(m: u32, d: u32, anchor: NaiveDate, future: bool) -> Option<i32> {
    let y = anchor.year();
    // 29 February: look up to eight years away for a leap year.
    for k in 0..8 {
        let cand = if future { y + k } else { y - k };
        let fits = |date: NaiveDate| (future && date >= anchor) || (!future && date <= anchor);
        if ymd(cand, m, d).is_some_and(fits) {
            return Some(cand);
        }
    }
    None
}

/// The weekday `wd` nearest to `anchor`: the latest on or before it, or the
/// first on or after it (`future`).
pub fn nearest_weekday(wd: Weekday, anchor: NaiveDate, future: bool) -> Option<NaiveDate> {
    let a = i64::from(anchor.weekday().num_days_from_monday());
    let w = i64::from(wd.num_days_from_monday());
    if future {
        add_days(anchor, (w - a).rem_euclid(7))
    } else {
        add_days(anchor, -(a - w).rem_euclid(7))
    }
}

/// "last Thursday" (-1: strictly before the anchor), "next Thursday" (+1:
/// strictly after), "this Thursday" (0: in the anchor's week).
pub fn shifted_weekday(wd: Weekday, anchor: NaiveDate, shift: i32) -> Option<NaiveDate> {
    let a = i64::from(anchor.weekday().num_days_from_monday());
    let w = i64::from(wd.num_days_from_monday());
    match shift {
        s if s < 0 => {
            let back = (a - w).rem_euclid(7);
            add_days(anchor, -(if back == 0 { 7 } else { back }))
        }
        0 => add_days(anchor, w - a),
        _ => {
            let fwd = (w - a).rem_euclid(7);
            add_days(anchor, if fwd == 0 { 7 } else { fwd })
        }
    }
}

/// `d` moved by `n` months, the day clamped to the target month's length
/// (31 January + 1 month = 28/29 February).
pub fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let (y, m) = shift_month(d.year(), d.month(), n);
    let (_, last) = month(y, m)?;
    ymd(y, m, d.day().min(last.day()))
}

/// The season starting in month `first` (3, 6, 9, 12) of year `y`; winter
/// runs December `y` to February `y + 1`.
pub fn season(y: i32, first: u32) -> Option<Interval> {
    let start = month(y, first)?.0;
    let (ey, em) = shift_month(y, first, 2);
    Some((start, month(ey, em)?.1))
}

/// Easter Sunday of year `y` (anonymous Gregorian computus).
pub fn easter(y: i32) -> Option<NaiveDate> {
    if !(1583..=MAX_YEAR).contains(&y) {
        return None;
    }
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`-th weekday `wd` of a month (`n` 0 = the last one).
pub fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
    let (start, end) = month(y, m)?;
    if n == 0 {
        let back = (i64::from(end.weekday().num_days_from_monday())
            - i64::from(wd.num_days_from_monday()))
        .rem_euclid(7);
        return add_days(end, -back);
    }
    let fwd = (i64::from(wd.num_days_from_monday())
        - i64::from(start.weekday().num_days_from_monday()))
    .rem_euclid(7);
    let d = add_days(start, fwd + 7 * (i64::from(n) - 1))?;
    (d <= end).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn intervals() {
        assert_eq!(month(2018, 2), Some((d("2018-02-01"), d("2018-02-28"))));
        assert_eq!(month(2016, 12), Some((d("2016-12-01"), d("2016-12-31"))));
        assert_eq!(quarter(2021, 1), Some((d("2021-01-01"), d("2021-03-31"))));
        assert_eq!(quarter(2021, 5), None);
        assert_eq!(
            week(d("2018-03-20")),
            Some((d("2018-03-19"), d("2018-03-25")))
        );
        assert_eq!(decade(1990), Some((d("1990-01-01"), d("1999-12-31"))));
        assert_eq!(century(19), Some((d("1800-01-01"), d("1899-12-31"))));
        assert_eq!(
            part_of_month(2018, 2, Part::Late),
            Some((d("2018-02-21"), d("2018-02-28")))
        );
        assert_eq!(
            part_of_month(2017, 10, Part::Mid),
            Some((d("2017-10-11"), d("2017-10-20")))
        );
        assert_eq!(year(99999), None);
        assert_eq!(shift_month(2018, 1, -1), (2017, 12));
        assert_eq!(shift_month(2017, 12, 1), (2018, 1));
    }

    #[test]
    fn weeks_of_months() {
        let (s, e) = month(2017, 10).unwrap();
        assert_eq!(
            week_of_month(s, e, 1),
            Some((d("2017-10-02"), d("2017-10-08")))
        );
        let (s, e) = month(2016, 11).unwrap();
        assert_eq!(
            week_of_month(s, e, 3),
            Some((d("2016-11-14"), d("2016-11-20")))
        );
        assert_eq!(
            week_of_month(s, e, 0),
            Some((d("2016-11-21"), d("2016-11-27")))
        );
        assert_eq!(week_of_month(s, e, 6), None);
    }

    #[test]
    fn year_less_dates_lean_backwards() {
        let pub_ = d("2017-09-24");
        assert_eq!(year_of_month(8, pub_, false), 2017);
        assert_eq!(year_of_month(10, pub_, false), 2016);
        assert_eq!(year_of_month(10, pub_, true), 2017);
        assert_eq!(year_of_month(3, pub_, true), 2018);
        assert_eq!(year_of_day(9, 13, pub_, false), Some(2017));
        assert_eq!(year_of_day(9, 25, pub_, false), Some(2016));
        assert_eq!(year_of_day(2, 29, pub_, false), Some(2016));
    }

    #[test]
    fn months_seasons_and_holidays() {
        assert_eq!(add_months(d("2018-01-31"), 1), Some(d("2018-02-28")));
        assert_eq!(add_months(d("2016-11-07"), -3), Some(d("2016-08-07")));
        assert_eq!(add_months(d("2017-11-08"), 10), Some(d("2018-09-08")));
        assert_eq!(season(2016, 6), Some((d("2016-06-01"), d("2016-08-31"))));
        assert_eq!(season(2016, 12), Some((d("2016-12-01"), d("2017-02-28"))));
        assert_eq!(easter(2018), Some(d("2018-04-01")));
        assert_eq!(easter(2019), Some(d("2019-04-21")));
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(1200), None);
        assert_eq!(
            nth_weekday(2023, 11, Weekday::Thu, 4),
            Some(d("2023-11-23"))
        );
        assert_eq!(nth_weekday(2018, 4, Weekday::Fri, 1), Some(d("2018-04-06")));
        assert_eq!(
            nth_weekday(2016, 11, Weekday::Fri, 0),
            Some(d("2016-11-25"))
        );
        assert_eq!(nth_weekday(2016, 11, Weekday::Fri, 5), None);
    }

    #[test]
    fn weekdays() {
        let sun = d("2017-09-24");
        assert_eq!(nearest_weekday(Weekday::Sun, sun, false), Some(sun));
        assert_eq!(
            nearest_weekday(Weekday::Thu, sun, false),
            Some(d("2017-09-21"))
        );
        assert_eq!(
            nearest_weekday(Weekday::Thu, sun, true),
            Some(d("2017-09-28"))
        );
        let mon = d("2016-11-07");
        assert_eq!(
            shifted_weekday(Weekday::Sun, mon, -1),
            Some(d("2016-11-06"))
        );
        assert_eq!(
            shifted_weekday(Weekday::Mon, mon, -1),
            Some(d("2016-10-31"))
        );
        assert_eq!(shifted_weekday(Weekday::Fri, mon, 0), Some(d("2016-11-11")));
    }
}
