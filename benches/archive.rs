//! Archive-scale benchmark (a plain bench binary, `harness = false`): the
//! whole `claimcheck` command over a generated archive of real-looking news.
//!
//! ```text
//! cargo bench --bench archive                          # 100,000 articles
//! cargo bench --bench archive -- 20000                 # another size
//! cargo bench --bench archive -- 100000 --keep DIR     # leave the archive in DIR
//! ```
//!
//! The archive is assembled from real news text: the articles of
//! `../shared/eval/gva/gva_dev.jsonl` (local crime reports, with their
//! publication dates) and the paragraphs of `corpus/*.md`. Article `i` is
//! GVA article `i mod N`, published `i / N` weeks after the original, with
//! two corpus paragraphs appended and their figures varied, written as
//! Markdown with front matter; so every file differs, stories are covered
//! by many articles (as in a real archive) and some of those articles
//! disagree. Without `../shared` the corpus paragraphs alone are used.
//!
//! Measured, each on the release binary in a child process (best of
//! `RUNS` for the fast scans):
//! - `rg -c '[0-9]'` over the same files (the cost of reading the text once;
//!   skipped when ripgrep is not installed);
//! - `claimcheck extract --format jsonl` with `-j1` and `-j2`, in MB/s of
//!   article text, and its ratio to ripgrep;
//! - `claimcheck check` over the whole archive: time and peak memory (the
//!   child's maximum resident set size, from `wait4`).
//!
//! Prints a Markdown table for BENCHMARKS.md. Exits 1 when a command fails
//! (the speed and memory aims are reported, not enforced: they depend on
//! the machine).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

mod common;
use common::{Lcg, corpus_paragraphs};

/// Articles in the generated archive unless an argument says otherwise.
const DEFAULT_ARTICLES: usize = 100_000;
/// Repetitions of the fast scans (the best is kept).
const RUNS: usize = 3;
/// Aims from the robustness issue.
const AIM_RG_RATIO: f64 = 10.0;
const AIM_CHECK_RSS_MB: f64 = 1024.0;

/// One source article: text and publication date.
struct Source {
    text: String,
    published: Option<chrono::NaiveDate>,
}

/// The GVA articles (text and `dct`), if the shared data is beside the repo.
fn gva_articles(path: &Path) -> Vec<Source> {
    let Ok(data) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for line in data.lines() {
        let Ok(incident) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(articles) = incident.get("articles").and_then(|a| a.as_array()) else {
            continue;
        };
        for a in articles {
            let text = a.get("content").and_then(|t| t.as_str()).unwrap_or("");
            if text.trim().len() < 200 {
                continue;
            }
            let published = a
                .get("dct")
                .and_then(|d| d.as_str())
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            out.push(Source {
                text: text.to_string(),
                published,
            });
        }
    }
    out
}

/// The paragraph with its small numbers scaled by `factor` (years and long
/// numbers kept), so copies of one paragraph disagree now and then.
fn vary(paragraph: &str, factor: u64) -> String {
    common::map_digit_runs(paragraph, |digits| match digits.parse::<u64>() {
        Ok(n) if digits.len() <= 2 && factor > 1 => (n * factor).to_string(),
        _ => digits.to_string(),
    })
}

/// Writes `n` articles into `dir` (100 subdirectories of at most a few
/// thousand files, as archives are kept); returns the bytes written.
fn build_archive(
    dir: &Path,
    sources: &[Source],
    paragraphs: &[String],
    n: usize,
) -> std::io::Result<u64> {
    let mut rng = Lcg(0xa7c41e);
    let mut total = 0u64;
    let base = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    for i in 0..n {
        let (body, published) = match sources.get(i % sources.len().max(1)) {
            Some(s) => {
                let copy = (i / sources.len()) as u64;
                let date = s.published.unwrap_or(base) + chrono::Duration::weeks(copy as i64);
                (s.text.clone(), date)
            }
            None => (
                String::new(),
                base + chrono::Duration::days(i as i64 % 3000),
            ),
        };
        let mut text = format!(
            "---\ntitle: Archive article {i}\ndate: {published}\nsource: archive bench\n---\n\n{body}\n\n"
        );
        for _ in 0..2 {
            if let Some(p) = paragraphs.get(rng.below(paragraphs.len())) {
                // One paragraph in eight carries a drifted figure.
                let factor = if rng.below(8) == 0 { 2 } else { 1 };
                text.push_str(&vary(p, factor));
                text.push_str("\n\n");
            }
        }
        let sub = dir.join(format!("{:02}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&sub)?;
        }
        std::fs::write(sub.join(format!("article-{i:06}.md")), &text)?;
        total += text.len() as u64;
    }
    Ok(total)
}

/// What one child process cost.
struct Measured {
    seconds: f64,
    max_rss_mb: f64,
    code: Option<i32>,
    stderr: String,
}

/// Runs `cmd` with stdout to /dev/null and returns its wall time and peak
/// resident memory (from `wait4`, for this child alone).
fn measure(cmd: &mut Command) -> Measured {
    let devnull = File::create("/dev/null").expect("/dev/null");
    let started = Instant::now();
    let child = cmd
        .stdout(Stdio::from(devnull))
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            return Measured {
                seconds: 0.0,
                max_rss_mb: 0.0,
                code: None,
                stderr: e.to_string(),
            };
        }
    };
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        use std::io::Read;
        let _ = err.read_to_string(&mut stderr);
    }
    let mut status = 0;
    // SAFETY: plain libc call on our own child's pid with valid out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = started.elapsed().as_secs_f64();
    let code = (waited == pid && libc::WIFEXITED(status)).then(|| libc::WEXITSTATUS(status));
    Measured {
        seconds,
        max_rss_mb: usage.ru_maxrss as f64 / 1024.0,
        code,
        stderr,
    }
}

/// The best of `RUNS` runs of a command that must exit with one of `ok`.
fn best_of(make: impl Fn() -> Command, ok: &[i32], what: &str) -> Option<Measured> {
    let mut best: Option<Measured> = None;
    for _ in 0..RUNS {
        let m = measure(&mut make());
        if !m.code.is_some_and(|c| ok.contains(&c)) {
            println!("FAIL: {what} exited {:?}: {}", m.code, m.stderr.trim());
            return None;
        }
        if best.as_ref().is_none_or(|b| m.seconds < b.seconds) {
            best = Some(m);
        }
    }
    best
}

fn on_path(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n = args
        .iter()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(DEFAULT_ARTICLES);
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = gva_articles(&manifest.join("../shared/eval/gva/gva_dev.jsonl"));
    let paragraphs = corpus_paragraphs(&manifest.join("corpus"));
    let temp = tempfile::tempdir().expect("temporary directory");
    let root = keep.as_deref().unwrap_or(temp.path());
    let archive = root.join("archive");
    let ledger = root.join("claims");
    std::fs::create_dir_all(&archive).expect("archive directory");
    let started = Instant::now();
    let bytes = build_archive(&archive, &sources, &paragraphs, n).expect("write archive");
    let mb = bytes as f64 / 1e6;
    println!(
        "archive: {n} articles, {mb:.1} MB ({} GVA articles, {} corpus paragraphs), built in {:.1} s",
        sources.len(),
        paragraphs.len(),
        started.elapsed().as_secs_f64()
    );

    let bin = env!("CARGO_BIN_EXE_claimcheck");
    println!("| command | time | MB/s | peak RSS |");
    println!("|---|---:|---:|---:|");
    let row = |what: &str, m: &Measured| {
        println!(
            "| {what} | {:.2} s | {:.1} | {:.0} MB |",
            m.seconds,
            mb / m.seconds.max(1e-9),
            m.max_rss_mb
        );
    };
    let rg = if on_path("rg") {
        let m = best_of(
            || {
                let mut c = Command::new("rg");
                c.args(["-c", "[0-9]"]).arg(&archive);
                c
            },
            &[0],
            "rg",
        );
        if let Some(m) = &m {
            row("`rg -c '[0-9]'`", m);
        }
        m
    } else {
        println!("| `rg -c '[0-9]'` | ripgrep not installed | | |");
        None
    };
    let mut failed = false;
    for threads in ["1", "2"] {
        let m = best_of(
            || {
                let mut c = Command::new(bin);
                c.args(["extract", "--quiet", "--format", "jsonl", "-j", threads])
                    .arg(&archive);
                c
            },
            &[0],
            "extract",
        );
        match m {
            Some(m) => {
                row(
                    &format!("`claimcheck extract -j{threads} --format jsonl`"),
                    &m,
                );
                if let Some(rg) = &rg {
                    let ratio = m.seconds / rg.seconds.max(1e-9);
                    println!(
                        "|   ratio to rg, -j{threads} | {ratio:.1}× (aim ≤ {AIM_RG_RATIO}×) | | |"
                    );
                }
            }
            None => failed = true,
        }
    }
    // check over the whole archive: first with an empty ledger, then again
    // (the ledger and findings cache make the second run cheap).
    for pass in ["first", "second"] {
        let m = measure(
            Command::new(bin)
                .args(["check", "--quiet", "--no-baseline", "--format", "json"])
                .arg("--ledger")
                .arg(&ledger)
                .arg(&archive),
        );
        if !m.code.is_some_and(|c| c == 0 || c == 1) {
            println!("FAIL: check exited {:?}: {}", m.code, m.stderr.trim());
            failed = true;
            break;
        }
        row(&format!("`claimcheck check` ({pass} run, ledger)"), &m);
        if m.max_rss_mb > AIM_CHECK_RSS_MB {
            println!("|   peak memory above the {AIM_CHECK_RSS_MB:.0} MB aim | | | |");
        }
    }
    if failed {
        std::process::exit(1);
    }
}
