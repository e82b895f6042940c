//! Evaluation tool: scores claimcheck's extraction against the public test
//! suites of peer extractors, and date resolution on real news.
//!
//! Not a user-facing command. Run it as
//!
//! ```text
//! cargo run --release --example eval -- ../shared/eval/extraction
//! cargo run --release --example eval -- --gva ../shared/eval/gva/gva_dev.jsonl
//! cargo run --release --example eval -- --gva-check ../shared/eval/gva/gva_dev.jsonl [--seed N] [--examples N] [--write-perturbed FILE] [--gate]
//! cargo run --release --example eval -- ../shared/eval/extraction --failures CurrencyModel
//! ```
//!
//! It reads every `*.jsonl` suite in the directory (format and conventions in
//! `docs/evaluation.md`), runs `claimcheck::extract::extract_text` on each input
//! with the record's `ref_time` as publication date, and prints recall and
//! value accuracy per suite and claim kind. It writes nothing but stdout and
//! exits 0 whatever the scores; only an I/O error exits non-zero, and with
//! `--gate` a GVA comparison figure past its floor (see `gva_check::GATE`).

#[path = "eval/expect.rs"]
mod expect;
#[path = "eval/gva.rs"]
mod gva;
#[path = "eval/gva_check.rs"]
mod gva_check;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimcheck::{Claim, Kind, Qualifier, Value};
use expect::{Case, Expectation, Want};

const USAGE: &str =
    "usage: eval [SUITES_DIR] [--gva GVA_JSONL] [--failures SUITE] [--no-dateparser]
            [--gva-check GVA_JSONL [--seed N] [--examples N] [--write-perturbed FILE] [--gate]]";

struct Args {
    suites: Option<PathBuf>,
    gva: Option<PathBuf>,
    failures: Option<String>,
    dateparser: bool,
    gva_check: Option<PathBuf>,
    check: gva_check::Options,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        suites: None,
        gva: None,
        failures: None,
        dateparser: true,
        gva_check: None,
        check: gva_check::Options {
            seed: 2026,
            write_perturbed: None,
            examples: 0,
            dump: None,
            gate: false,
        },
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--gva" => args.gva = Some(it.next().ok_or("--gva needs a path")?.into()),
            "--failures" => args.failures = Some(it.next().ok_or("--failures needs a suite name")?),
            "--no-dateparser" => args.dateparser = false,
            "--gva-check" => {
                args.gva_check = Some(it.next().ok_or("--gva-check needs a path")?.into())
            }
            "--gate" => args.check.gate = true,
            "--seed" => {
                let n = it.next().ok_or("--seed needs a number")?;
                args.check.seed = n.parse().map_err(|_| format!("bad --seed {n}"))?;
            }
            "--examples" => {
                let n = it.next().ok_or("--examples needs a number")?;
                args.check.examples = n.parse().map_err(|_| format!("bad --examples {n}"))?;
            }
            "--dump" => args.check.dump = Some(it.next().ok_or("--dump needs a path")?.into()),
            "--write-perturbed" => {
                args.check.write_perturbed =
                    Some(it.next().ok_or("--write-perturbed needs a path")?.into())
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => args.suites = Some(a.into()),
        }
    }
    if args.suites.is_none() && args.gva.is_none() && args.gva_check.is_none() {
        return Err("give a suites directory, --gva or --gva-check".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("eval: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &args.suites {
        let cases = match load_suites(dir) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("eval: {e}");
                return ExitCode::from(1);
            }
        };
        let scored: Vec<Scored> = cases.iter().map(score_case).collect();
        print_table(&scored);
        if let Some(suite) = &args.failures {
            print_failures(&scored, suite);
        }
    }
    if let Some(path) = &args.gva
        && let Err(e) = gva::run(path, args.dateparser)
    {
        eprintln!("eval: {e}");
        return ExitCode::from(1);
    }
    if let Some(path) = &args.gva_check
        && let Err(e) = gva_check::run(path, &args.check)
    {
        eprintln!("eval: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Reads every `*.jsonl` file of `dir` in name order. Malformed lines are
/// counted and reported, not fatal.
fn load_suites(dir: &Path) -> Result<Vec<Case>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .jsonl suites", dir.display()));
    }
    let mut cases = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut bad = 0;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            match serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .as_ref()
                .and_then(expect::case_of)
            {
                Some(c) => cases.push(c),
                None => bad += 1,
            }
        }
        if bad > 0 {
            eprintln!("eval: {}: skipped {bad} malformed line(s)", f.display());
        }
    }
    Ok(cases)
}

// --------------------------------------------------------------------- scoring

/// The outcome for one expectation.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Missed,
    /// Found, value not checkable (no resolution in the suite).
    Found,
    /// Found, value wrong; `contains` when a claim's interval contains the expected one.
    Wrong {
        contains: bool,
    },
    Right,
    /// Found, value right only under a named convention of the suite.
    Convention(expect::Convention),
}

struct Scored<'a> {
    case: &'a Case,
    claims: Vec<Claim>,
    outcomes: Vec<Outcome>,
    extra: usize,
}

fn score_case(case: &Case) -> Scored<'_> {
    let claims = claimcheck::extract::extract_text("eval", &case.input, 0, case.published);
    let outcomes = case
        .expectations
        .iter()
        .map(|e| outcome(e, &claims))
        .collect();
    let kinds = expect::suite_kinds(&case.suite);
    let whole_input = case.expectations.iter().any(|e| e.span.is_none());
    let extra = if whole_input {
        0
    } else {
        claims
            .iter()
            .filter(|c| kinds.contains(&c.kind))
            .filter(|c| {
                !case.expectations.iter().any(|e| {
                    e.span
                        .is_some_and(|(s, t)| c.span.start < t.max(s + 1) && s < c.span.end)
                })
            })
            .count()
    };
    Scored {
        case,
        claims,
        outcomes,
        extra,
    }
}

fn candidates<'c>(e: &Expectation, claims: &'c [Claim]) -> Vec<&'c Claim> {
    let Some(kind) = e.kind else {
        return Vec::new();
    };
    claims
        .iter()
        .filter(|c| c.kind == kind)
        .filter(|c| match e.span {
            None => true,
            Some((s, t)) => c.span.start < t.max(s + 1) && s < c.span.end,
        })
        .collect()
}

fn outcome(e: &Expectation, claims: &[Claim]) -> Outcome {
    if e.kind.is_none() {
        return Outcome::Missed;
    }
    let found = candidates(e, claims);
    if found.is_empty() {
        return Outcome::Missed;
    }
    if matches!(e.want, Want::Unknown) {
        return Outcome::Found;
    }
    if value_ok(&e.want, &found)
        || (offset_expression(&e.text) && contains_ok(&e.want, &found))
        || wider_range_ok(e, &found)
    {
        Outcome::Right
    } else if let Some(&(conv, _)) = e
        .conventions
        .iter()
        .find(|(_, iv)| found.iter().any(|c| interval(c) == Some(*iv)))
    {
        Outcome::Convention(conv)
    } else {
        Outcome::Wrong {
            contains: contains_ok(&e.want, &found),
        }
    }
}

/// "eight to 10 feet": Recognizers annotate only "10 feet" (the "eight" is a
/// separate number); claimcheck claims the range. A range claim that contains
/// the expected text and has it as one of its ends is accepted.
fn wider_range_ok(e: &Expectation, found: &[&Claim]) -> bool {
    let Want::Number {
        low,
        high: Some(high),
        ..
    } = &e.want
    else {
        return false;
    };
    if low != high {
        return false;
    }
    found.iter().any(|c| {
        c.qualifier == Qualifier::Range
            && c.text.len() > e.text.len()
            && c.text.to_lowercase().contains(&e.text.to_lowercase())
            && c.value
                .as_ref()
                .and_then(Value::bounds)
                .is_some_and(|(l, h)| {
                    l.is_some_and(|x| close(x, *low, 1e-6))
                        || h.is_some_and(|x| close(x, *low, 1e-6))
                })
    })
}

/// "two years ago", "a month ago", "three weeks from now": Recognizers resolve
/// these to one day; a news reader (and claimcheck) to the period at the
/// stated grain ("two years ago" = that year). A claim whose interval contains
/// the expected day is accepted for them.
fn offset_expression(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        " ago",
        " from now",
        " later",
        " earlier",
        " before",
        " after",
        " hence",
    ]
    .iter()
    .any(|w| t.ends_with(w))
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-12) + 1e-9
}

/// Seconds in one claim duration unit; months and years by Recognizers' convention (30 and 365 days).
fn unit_seconds(unit: &str) -> Option<f64> {
    const UNITS: &[(&str, f64)] = &[
        ("second", 1.0),
        ("minute", 60.0),
        ("hour", 3600.0),
        ("day", 86_400.0),
        ("week", 604_800.0),
        ("month", 2_592_000.0),
        ("quarter", 7_776_000.0),
        ("year", 31_536_000.0),
        ("decade", 315_360_000.0),
        ("century", 3_153_600_000.0),
    ];
    let u = unit.trim_end_matches('s');
    UNITS.iter().find(|(n, _)| *n == u).map(|(_, s)| *s)
}

fn interval(c: &Claim) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    c.value.as_ref().and_then(Value::interval)
}

fn value_ok(want: &Want, found: &[&Claim]) -> bool {
    match want {
        Want::Unknown => true,
        Want::Number {
            low,
            high,
            bound_only,
            unit,
            alt_scale,
            si,
        } => found.iter().any(|c| {
            if let (Some(u), Some(cu)) = (unit, &c.unit)
                && !u.eq_ignore_ascii_case(cu)
            {
                return false;
            }
            let Some((cl, ch)) = c.value.as_ref().and_then(Value::bounds) else {
                return false;
            };
            // A claim qualified "more than", "up to", "about" … states a bound
            // the peers resolve as a plain number: score the bound.
            let open_claim = !matches!(c.qualifier, Qualifier::Exact | Qualifier::Range);
            let scales = [Some(1.0), *alt_scale];
            let stated = scales.iter().flatten().any(|k| {
                let (l, h) = (low * k, high.map(|h| h * k));
                if *bound_only || (open_claim && h == Some(l)) {
                    cl.is_some_and(|x| close(x, l, 1e-6)) || ch.is_some_and(|x| close(x, l, 1e-6))
                } else {
                    cl.is_some_and(|x| close(x, l, 1e-6))
                        && match (h, ch) {
                            (Some(h), Some(x)) => close(x, h, 1e-6),
                            (None, _) => true,
                            (Some(_), None) => false,
                        }
                }
            });
            let by_si = si.is_some_and(|want_si| {
                c.normalized.as_ref().is_some_and(|n| {
                    let scale = if n.unit.eq_ignore_ascii_case("l") {
                        1e-3
                    } else {
                        1.0
                    };
                    n.low.is_some_and(|x| close(x * scale, want_si, 0.01))
                })
            });
            stated || by_si
        }),
        Want::Seconds(secs) => found.iter().any(|c| {
            let Some((Some(l), _)) = c.value.as_ref().and_then(Value::bounds) else {
                return false;
            };
            c.unit
                .as_deref()
                .and_then(unit_seconds)
                .is_some_and(|u| close(l * u, *secs, 0.03))
        }),
        Want::Dates(alts) => found
            .iter()
            .any(|c| interval(c).is_some_and(|iv| alts.contains(&iv))),
        Want::PartOf { whole, part, alts } => found
            .iter()
            .any(|c| interval(c).is_some_and(|iv| alts.contains(&iv) || part.accepts(*whole, iv))),
        Want::DateEnds(alts) => alts.iter().any(|(a, b)| {
            let spanning = found.iter().any(|c| interval(c) == Some((a.0, b.1)));
            let both = found.iter().any(|c| interval(c) == Some(*a))
                && found.iter().any(|c| interval(c) == Some(*b));
            spanning || both
        }),
    }
}

/// Lenient date credit: some claim's interval contains the expected one.
fn contains_ok(want: &Want, found: &[&Claim]) -> bool {
    let alts: Vec<(chrono::NaiveDate, chrono::NaiveDate)> = match want {
        Want::Dates(a) => a.clone(),
        Want::PartOf { alts, .. } => alts.clone(),
        Want::DateEnds(a) => a.iter().map(|(x, y)| (x.0, y.1)).collect(),
        _ => return false,
    };
    found
        .iter()
        .any(|c| interval(c).is_some_and(|(s, e)| alts.iter().any(|(ws, we)| s <= *ws && *we <= e)))
}

// -------------------------------------------------------------------- reporting

#[derive(Default)]
struct Tally {
    n: usize,
    found: usize,
    checkable: usize,
    right: usize,
    found_checkable: usize,
    contains: usize,
    /// Right only under a named convention.
    conv: usize,
}

impl Tally {
    fn add(&mut self, o: Outcome) {
        self.n += 1;
        match o {
            Outcome::Missed => self.checkable_missed(),
            Outcome::Found => self.found += 1,
            Outcome::Wrong { contains } => {
                self.found += 1;
                self.checkable += 1;
                self.found_checkable += 1;
                if contains {
                    self.contains += 1;
                }
            }
            Outcome::Right => {
                self.found += 1;
                self.checkable += 1;
                self.found_checkable += 1;
                self.right += 1;
                self.contains += 1;
            }
            Outcome::Convention(_) => {
                self.found += 1;
                self.checkable += 1;
                self.found_checkable += 1;
                self.conv += 1;
                self.contains += 1;
            }
        }
    }
    fn checkable_missed(&mut self) {
        // A missed expectation counts against value accuracy whether or not
        // the suite gives a resolution: it cannot be right.
        self.checkable += 1;
    }
    fn merge(&mut self, o: &Tally) {
        self.n += o.n;
        self.found += o.found;
        self.checkable += o.checkable;
        self.right += o.right;
        self.found_checkable += o.found_checkable;
        self.contains += o.contains;
        self.conv += o.conv;
    }
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "-".to_string()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

#[derive(Default)]
struct SuiteReport {
    cases: usize,
    by_kind: BTreeMap<Kind, Tally>,
    out_of_scope: BTreeMap<String, usize>,
    extra: usize,
}

fn print_table(scored: &[Scored]) {
    let mut suites: BTreeMap<&str, SuiteReport> = BTreeMap::new();
    for s in scored {
        let r = suites.entry(s.case.suite.as_str()).or_default();
        r.cases += 1;
        r.extra += s.extra;
        for (e, o) in s.case.expectations.iter().zip(&s.outcomes) {
            match e.kind {
                Some(k) => r.by_kind.entry(k).or_default().add(*o),
                None => *r.out_of_scope.entry(e.label.clone()).or_default() += 1,
            }
        }
    }
    println!(
        "{:<34} {:<8} {:>5} {:>7} {:>7} {:>7} {:>9} {:>8} {:>6}",
        "suite", "kind", "n", "recall", "value", "+conv", "val|found", "contains", "extra"
    );
    println!("{}", "-".repeat(100));
    for (name, r) in &suites {
        if r.by_kind.is_empty() && r.extra == 0 {
            continue; // nothing in scope: listed under "not in scope" below
        }
        let mut first = true;
        for (kind, t) in &r.by_kind {
            let contains = if *kind == Kind::Date {
                pct(t.contains, t.checkable)
            } else {
                "".to_string()
            };
            let conv = if *kind == Kind::Date {
                pct(t.right + t.conv, t.checkable)
            } else {
                "".to_string()
            };
            println!(
                "{:<34} {:<8} {:>5} {:>7} {:>7} {:>7} {:>9} {:>8} {:>6}",
                if first { *name } else { "" },
                kind.as_str(),
                t.n,
                pct(t.found, t.n),
                pct(t.right, t.checkable),
                conv,
                pct(t.right, t.found_checkable),
                contains,
                if first {
                    r.extra.to_string()
                } else {
                    String::new()
                },
            );
            first = false;
        }
        if r.by_kind.len() > 1 {
            let mut all = Tally::default();
            r.by_kind.values().for_each(|t| all.merge(t));
            println!(
                "{:<34} {:<8} {:>5} {:>7} {:>7} {:>7} {:>9}",
                "",
                "all",
                all.n,
                pct(all.found, all.n),
                pct(all.right, all.checkable),
                pct(all.right + all.conv, all.checkable),
                pct(all.right, all.found_checkable),
            );
        }
        if first {
            println!(
                "{:<34} {:<8} {:>5} {:>7} {:>7} {:>7} {:>9} {:>8} {:>6}",
                name, "-", 0, "-", "-", "", "-", "", r.extra
            );
        }
    }
    println!();
    println!("not in scope (expected entities of types claimcheck does not extract):");
    for (name, r) in &suites {
        if r.out_of_scope.is_empty() {
            continue;
        }
        let total: usize = r.out_of_scope.values().sum();
        let parts: Vec<String> = r
            .out_of_scope
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        println!("  {name:<32} {total:>4}  ({})", parts.join(", "));
    }
    println!();
    println!(
        "recall = expected entities overlapped by a claim of the matching kind; value = right value / n \
         (misses count as wrong; unresolvable expectations excluded);\n+conv = value plus dates right only under a \
         named convention of the suite (backward reading, inclusive range end, rolling window; see docs/evaluation.md);\nval|found = right value among found; \
         contains = a date claim's interval contains the expected one; extra = claims of the suite's kinds \
         overlapping no expected entity."
    );
}

fn show_value(c: &Claim) -> String {
    let v = match &c.value {
        None => "null".to_string(),
        Some(Value::Date { start, end }) if start == end => start.to_string(),
        Some(Value::Date { start, end }) => format!("{start}..{end}"),
        Some(Value::Number { low, high }) => {
            let f = |x: &Option<f64>| x.map_or("null".to_string(), |v| format!("{v}"));
            if low == high {
                f(low)
            } else {
                format!("{}..{}", f(low), f(high))
            }
        }
    };
    format!(
        "{} {:?} = {} {}{}",
        c.kind.as_str(),
        c.text,
        v,
        c.unit.as_deref().unwrap_or(""),
        c.normalized
            .as_ref()
            .map(|n| format!(" (SI {:?} {})", n.low, n.unit))
            .unwrap_or_default()
    )
}

fn show_want(e: &Expectation) -> String {
    let want = match &e.want {
        Want::Unknown => "(no resolution)".to_string(),
        Want::Number {
            low,
            high,
            bound_only,
            unit,
            si,
            ..
        } => format!(
            "{}{}{}{}{}",
            if *bound_only { "bound " } else { "" },
            low,
            match high {
                Some(h) if h != low => format!("..{h}"),
                Some(_) => String::new(),
                None => "..".to_string(),
            },
            unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default(),
            si.map(|s| format!(" (SI {s})")).unwrap_or_default()
        ),
        Want::Seconds(s) => format!("{s} s"),
        Want::PartOf { whole, part, alts } => format!(
            "{} (or the {part:?} of {}..{})",
            alts.iter()
                .map(|(a, b)| format!("{a}..{b}"))
                .collect::<Vec<_>>()
                .join(" | "),
            whole.0,
            whole.1
        ),
        Want::Dates(alts) => alts
            .iter()
            .map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}..{b}")
                }
            })
            .collect::<Vec<_>>()
            .join(" | "),
        Want::DateEnds(alts) => alts
            .iter()
            .map(|(a, b)| format!("{}..{}", a.0, b.1))
            .collect::<Vec<_>>()
            .join(" | "),
    };
    format!(
        "{} {:?} = {}",
        e.kind.map_or("-", Kind::as_str),
        e.text,
        want
    )
}

fn print_failures(scored: &[Scored], suite: &str) {
    let needle = suite.to_lowercase();
    let mut shown = 0;
    println!();
    println!("failures in suites matching {suite:?}:");
    for s in scored
        .iter()
        .filter(|s| s.case.suite.to_lowercase().contains(&needle))
    {
        let bad: Vec<(&Expectation, &Outcome)> = s
            .case
            .expectations
            .iter()
            .zip(&s.outcomes)
            .filter(|(e, o)| {
                e.kind.is_some()
                    && matches!(
                        o,
                        Outcome::Missed | Outcome::Wrong { .. } | Outcome::Convention(_)
                    )
            })
            .collect();
        let negative_hit = s.case.expectations.is_empty() && s.extra > 0;
        if bad.is_empty() && !negative_hit {
            continue;
        }
        shown += 1;
        println!(
            "\n[{}] ref {}  input: {:?}",
            s.case.suite,
            s.case.published.map_or("-".to_string(), |d| d.to_string()),
            s.case.input
        );
        for (e, o) in bad {
            let tag = match o {
                Outcome::Missed => "MISS ".to_string(),
                Outcome::Convention(c) => format!("CONV ({})", c.name()),
                _ => "WRONG".to_string(),
            };
            println!("  {tag} expected {}", show_want(e));
        }
        if negative_hit {
            println!("  EXTRA expected nothing of this suite's kinds");
        }
        if s.claims.is_empty() {
            println!("        got nothing");
        }
        for c in &s.claims {
            println!("        got {}", show_value(c));
        }
    }
    println!("\n{shown} failing input(s) (CONV: right only under the named convention)");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use claimcheck::Span;
    use expect::Part;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn claim(kind: Kind, value: Value, unit: &str, q: Qualifier) -> Claim {
        Claim {
            id: "t:0-1".into(),
            kind,
            text: "x".into(),
            span: Span::new(0, 1),
            line: 1,
            column: 1,
            value: Some(value),
            unit: Some(unit.into()),
            qualifier: q,
            sentence: "x".into(),
            sentence_span: Span::new(0, 1),
            noun: None,
            normalized: None,
            relative: false,
            anchor: None,
            time: None,
        }
    }

    fn money(v: f64, unit: Option<&str>) -> Want {
        Want::Number {
            low: v,
            high: Some(v),
            bound_only: false,
            unit: unit.map(str::to_string),
            alt_scale: None,
            si: None,
        }
    }

    #[test]
    fn numeric_values() {
        let exact = claim(Kind::Money, Value::exact(247e6), "USD", Qualifier::Exact);
        let over = claim(
            Kind::Money,
            Value::between(Some(247e6), None),
            "USD",
            Qualifier::MoreThan,
        );
        let cad = claim(Kind::Money, Value::exact(100.0), "CAD", Qualifier::Exact);
        let cases: &[(&Want, &Claim, bool)] = &[
            (&money(247e6, None), &exact, true),
            (&money(247e6, None), &over, true),
            (&money(246e6, None), &exact, false),
            (&money(100.0, Some("CAD")), &cad, true),
            (&money(100.0, Some("USD")), &cad, false),
        ];
        for (want, c, ok) in cases {
            assert_eq!(value_ok(want, &[c]), *ok, "{want:?} vs {:?}", c.value);
        }
    }

    #[test]
    fn durations_in_seconds() {
        let c = claim(Kind::Duration, Value::exact(3.0), "day", Qualifier::Exact);
        assert!(value_ok(&Want::Seconds(259_200.0), &[&c]));
        assert!(!value_ok(&Want::Seconds(3600.0), &[&c]));
        let y = claim(Kind::Duration, Value::exact(2.0), "year", Qualifier::Exact);
        assert!(value_ok(&Want::Seconds(2.0 * 365.25 * 86_400.0), &[&y]));
    }

    #[test]
    fn date_conventions() {
        let march = claim(
            Kind::Date,
            Value::dates(d("2015-03-01"), d("2015-03-31")),
            "month",
            Qualifier::Exact,
        );
        // Recognizers' exclusive end, as expanded by expect::range_alts.
        let want = Want::Dates(vec![
            (d("2015-03-01"), d("2015-03-31")),
            (d("2015-03-01"), d("2015-04-01")),
        ]);
        assert!(value_ok(&want, &[&march]));
        assert!(!value_ok(
            &Want::Dates(vec![(d("2015-03-02"), d("2015-03-31"))]),
            &[&march]
        ));
        let late = claim(
            Kind::Date,
            Value::dates(d("2016-09-01"), d("2016-12-31")),
            "month",
            Qualifier::Exact,
        );
        let whole = (d("2016-01-01"), d("2016-12-31"));
        let want = |part| Want::PartOf {
            whole,
            part,
            alts: vec![(d("2016-07-01"), d("2016-12-31"))],
        };
        assert!(value_ok(&want(Part::End), &[&late]));
        assert!(!value_ok(&want(Part::Start), &[&late]));
        assert!(contains_ok(
            &Want::Dates(vec![(d("2015-03-10"), d("2015-03-10"))]),
            &[&march]
        ));
    }

    #[test]
    fn offsets_from_the_reference() {
        for (text, yes) in [
            ("two years ago", true),
            ("3 weeks from now", true),
            ("last year", false),
            ("March 2015", false),
        ] {
            assert_eq!(offset_expression(text), yes, "{text}");
        }
    }
}
