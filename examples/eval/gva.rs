//! Date resolution on real news: the GVA incidents (`gva_dev.jsonl`).
//!
//! Each incident has a true `date` ("March 1, 2014") and several articles
//! with their publication date `dct`. For every article we extract claims with
//! `dct` as the publication date and count the articles in which some date
//! claim resolves exactly to the incident's day. The same share for Python
//! dateparser's `search_dates` (RELATIVE_BASE = dct, English) comes from
//! `scripts/dateparser_gva.py`, run in the same invocation when Python and
//! dateparser are available.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use claimcheck::{Kind, Value};
use serde_json::Value as Json;

/// The incident's date as the archive writes it.
pub fn incident_date(s: &str) -> Option<NaiveDate> {
    ["%B %d, %Y", "%Y-%m-%d", "%b %d, %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s.trim(), f).ok())
}

pub fn run(path: &Path, with_dateparser: bool) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut articles = 0usize;
    let mut exact = 0usize;
    let mut contains = 0usize;
    let mut with_dates = 0usize;
    let mut bytes = 0usize;
    let mut bad = 0usize;
    let started = Instant::now();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(incident) = serde_json::from_str::<Json>(line) else {
            bad += 1;
            continue;
        };
        let want = incident
            .get("date")
            .and_then(Json::as_str)
            .and_then(incident_date);
        let Some(list) = incident.get("articles").and_then(Json::as_array) else {
            continue;
        };
        for art in list {
            let content = art.get("content").and_then(Json::as_str).unwrap_or("");
            let id = art.get("id").and_then(Json::as_str).unwrap_or("article");
            let dct = art
                .get("dct")
                .and_then(Json::as_str)
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            articles += 1;
            bytes += content.len();
            let claims = claimcheck::extract::extract_text(id, content, 0, dct);
            let dates: Vec<(NaiveDate, NaiveDate)> = claims
                .iter()
                .filter(|c| c.kind == Kind::Date)
                .filter_map(|c| c.value.as_ref().and_then(Value::interval))
                .collect();
            if !dates.is_empty() {
                with_dates += 1;
            }
            if let Some(w) = want {
                if dates.iter().any(|&(s, e)| s == w && e == w) {
                    exact += 1;
                }
                if dates.iter().any(|&(s, e)| s <= w && w <= e) {
                    contains += 1;
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    if bad > 0 {
        eprintln!("eval: {}: skipped {bad} malformed line(s)", path.display());
    }
    let share = |n: usize| {
        if articles == 0 {
            0.0
        } else {
            100.0 * n as f64 / articles as f64
        }
    };
    println!();
    println!(
        "GVA date resolution ({}; {articles} articles)",
        path.display()
    );
    println!(
        "{:<28} {:>13} {:>12} {:>17} {:>9}",
        "tool", "exact day hit", "share", "articles w/ dates", "seconds"
    );
    println!(
        "{:<28} {:>13} {:>11.1}% {:>17} {:>9.2}",
        "claimcheck",
        exact,
        share(exact),
        with_dates,
        secs
    );
    println!(
        "{:<28} {:>13} {:>11.1}%",
        "claimcheck (interval ∋ day)",
        contains,
        share(contains)
    );
    if with_dateparser {
        match dateparser(path) {
            Ok(r) => {
                let hits = r.get("hits").and_then(Json::as_u64).unwrap_or(0) as usize;
                let n = r.get("articles").and_then(Json::as_u64).unwrap_or(0) as usize;
                let version = r.get("version").and_then(Json::as_str).unwrap_or("?");
                println!(
                    "{:<28} {:>13} {:>11.1}% {:>17} {:>9.2}",
                    format!("dateparser {version}"),
                    hits,
                    if n == 0 {
                        0.0
                    } else {
                        100.0 * hits as f64 / n as f64
                    },
                    r.get("articles_with_dates")
                        .and_then(Json::as_u64)
                        .unwrap_or(0),
                    r.get("seconds").and_then(Json::as_f64).unwrap_or(0.0)
                );
            }
            Err(why) => println!("{:<28} skipped ({why})", "dateparser"),
        }
    }
    println!(
        "claimcheck extraction: {:.1} MB in {:.2} s (debug builds are much slower; use --release)",
        bytes as f64 / 1e6,
        secs
    );
    Ok(())
}

/// The Python interpreter for the dateparser reference: `$DATEPARSER_PYTHON`,
/// else `target/eval-venv/bin/python` if present, else `python3`.
fn python() -> String {
    if let Ok(p) = std::env::var("DATEPARSER_PYTHON") {
        return p;
    }
    let venv = concat!(env!("CARGO_MANIFEST_DIR"), "/target/eval-venv/bin/python");
    if Path::new(venv).exists() {
        return venv.to_string();
    }
    "python3".to_string()
}

fn dateparser(path: &Path) -> Result<Json, String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/dateparser_gva.py");
    let py = python();
    let out = Command::new(&py)
        .arg(script)
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run {py}: {e}"))?;
    if out.status.code() == Some(3) {
        return Err(format!(
            "dateparser not installed for {py}; see docs/evaluation.md"
        ));
    }
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err.lines().last().unwrap_or("failed").to_string());
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("unreadable output: {e}"))
}
