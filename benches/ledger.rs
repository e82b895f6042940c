//! Incremental ledger benchmark (a plain bench binary, `harness = false`).
//!
//! ```text
//! cargo bench --bench ledger                 # 10,000 articles
//! cargo bench --bench ledger -- 2000         # another archive size
//! ```
//!
//! Builds an archive of Markdown articles in a temporary directory from the
//! paragraphs of `corpus/*.md` (shuffled per article, with their figures,
//! years and days varied, and front matter with a title and a publication
//! date), loads it with the crate's loader, then runs extraction through
//! [`Ledger`] twice over the same `claims/` directory: the first run extracts
//! and writes every entry, the second must re-extract nothing (target: 10×
//! faster). Also times extraction alone (no ledger), so the share of the
//! first run spent writing entries (temporary file, then rename) is visible.
//! Prints the timings, the ratios and the ledger counts; exits 1 when the
//! second run re-extracts or rewrites anything or the claims differ (the
//! speed target is reported, not enforced: it depends on the machine).

use std::path::{Path, PathBuf};
use std::time::Instant;

mod common;
use common::{Lcg, corpus_paragraphs};

use claimcheck::document::{self, Document, LoadOptions};
use claimcheck::ledger::{Ledger, LedgerStats};

/// Articles in the generated archive unless an argument says otherwise.
const DEFAULT_ARTICLES: usize = 10_000;
/// Paragraphs per generated article (inclusive range).
const MIN_PARAGRAPHS: usize = 6;
const MAX_PARAGRAPHS: usize = 12;
/// The second run must be at least this much faster.
const TARGET_SPEEDUP: f64 = 10.0;

/// The paragraph with its figures varied: years moved within 2005–2020,
/// other numbers scaled by a per-article factor, so no two articles are
/// byte-identical and the extractor sees realistic, different values.
fn vary(paragraph: &str, rng: &mut Lcg) -> String {
    let shift = rng.below(12) as i64 - 6;
    let factor = 1 + rng.below(9) as u64;
    common::map_digit_runs(paragraph, |digits| match digits.parse::<u64>() {
        Ok(y) if (1990..=2030).contains(&y) && digits.len() == 4 => {
            (y as i64 + shift).clamp(2005, 2020).to_string()
        }
        Ok(n) if digits.len() <= 3 => (n * factor % 1000).max(1).to_string(),
        _ => digits.to_string(),
    })
}

/// Writes `n` articles into `dir`; returns the total bytes written.
fn build_archive(dir: &Path, paragraphs: &[String], n: usize) -> std::io::Result<u64> {
    let mut rng = Lcg(0x5eed);
    let mut total = 0u64;
    for i in 0..n {
        let year = 2010 + rng.below(9);
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let count = MIN_PARAGRAPHS + rng.below(MAX_PARAGRAPHS - MIN_PARAGRAPHS + 1);
        let mut text = format!(
            "---\ntitle: Generated article {i}\ndate: {year}-{month:02}-{day:02}\nsource: ledger bench\n---\n\n# Generated article {i}\n\n"
        );
        for _ in 0..count {
            let p = &paragraphs[rng.below(paragraphs.len())];
            text.push_str(&vary(p, &mut rng));
            text.push_str("\n\n");
        }
        total += text.len() as u64;
        std::fs::write(dir.join(format!("article-{i:05}.md")), text)?;
    }
    Ok(total)
}

/// One pass: open the ledger, ask for every document's claims on `threads`
/// threads, save.
fn pass(ledger_dir: &Path, docs: &[Document], threads: usize) -> (f64, LedgerStats, usize) {
    let started = Instant::now();
    let mut ledger = Ledger::open(ledger_dir).expect("open ledger");
    let claims = ledger.claims_all(docs, threads).iter().map(Vec::len).sum();
    ledger.save().expect("save ledger");
    (started.elapsed().as_secs_f64(), ledger.stats(), claims)
}

fn main() {
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(DEFAULT_ARTICLES);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let paragraphs = corpus_paragraphs(&corpus);
    if paragraphs.is_empty() {
        println!("no paragraphs in {}; nothing to measure", corpus.display());
        return;
    }
    // `--keep DIR` builds the archive in DIR and leaves it there (to time
    // other commands on it); otherwise a temporary directory is used.
    let args: Vec<String> = std::env::args().collect();
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let temp = tempfile::tempdir().expect("temporary directory");
    let root = keep.as_deref().unwrap_or(temp.path());
    let articles = root.join("articles");
    let ledger_dir = root.join("claims");
    std::fs::create_dir_all(&articles).expect("articles directory");
    let bytes = build_archive(&articles, &paragraphs, n).expect("write archive");
    let loaded = document::load_paths(std::slice::from_ref(&articles), &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors.first());
    let docs = loaded.documents;
    println!(
        "archive: {} articles, {:.1} MB, from {} corpus paragraphs",
        docs.len(),
        bytes as f64 / 1e6,
        paragraphs.len()
    );

    // Extraction alone, no ledger: what the first run spends on extraction.
    let started = Instant::now();
    let c0: usize = docs
        .iter()
        .map(|d| claimcheck::extract::extract(d).len())
        .sum();
    let t0 = started.elapsed().as_secs_f64();

    let (t1, s1, c1) = pass(&ledger_dir, &docs, 1);
    let (t2, s2, c2) = pass(&ledger_dir, &docs, 1);
    // The same on two threads, into a fresh directory.
    let ledger2 = root.join("claims-2");
    let (p1, r1, _) = pass(&ledger2, &docs, 2);
    let (p2, r2, _) = pass(&ledger2, &docs, 2);
    let ledger_bytes: u64 = std::fs::read_dir(&ledger_dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    println!(
        "ledger: {:.1} MB in {}",
        ledger_bytes as f64 / 1e6,
        s1.written
    );
    println!("| run | time | extracted | reused | written | claims |");
    println!("|---|---:|---:|---:|---:|---:|");
    println!(
        "| extraction only (no ledger) | {t0:.3} s | {} | | | {c0} |",
        docs.len()
    );
    for (name, t, s, c) in [
        ("first, 1 thread", t1, s1, c1),
        ("second, 1 thread", t2, s2, c2),
        ("first, 2 threads", p1, r1, c1),
        ("second, 2 threads", p2, r2, c2),
    ] {
        println!(
            "| {name} | {t:.3} s | {} | {} | {} | {c} |",
            s.extracted, s.reused, s.written
        );
    }
    let speedup = t1 / t2.max(1e-9);
    println!(
        "ledger alone: second run {speedup:.1}× faster than the first (the 10× target is for the whole `check`, below)"
    );
    println!(
        "second run {:.1}× faster than extraction alone; the first run spent {:.3} s beyond extraction writing {} entries",
        t0 / t2.max(1e-9),
        (t1 - t0).max(0.0),
        s1.written
    );
    // Correctness gates the exit status; speed depends on the machine.
    println!(
        "on 2 threads: second run {:.1}× faster than the first",
        p1 / p2.max(1e-9)
    );
    let correct = s2.extracted == 0
        && s2.written == 0
        && r2.extracted == 0
        && r2.written == 0
        && c0 == c1
        && c1 == c2;
    if !correct {
        println!("FAIL: the second run re-extracted or rewrote entries, or claims differ");
        std::process::exit(1);
    }
    if !cli_passes(root, &articles) {
        std::process::exit(1);
    }
}

/// The whole `claimcheck check` command, twice over the same archive and
/// `claims/` directory (what a CI job does on two pushes): the first run
/// extracts everything, the second must re-extract nothing and be ≥ 10×
/// faster. Returns false when a run fails or the two reports differ.
fn cli_passes(root: &Path, articles: &Path) -> bool {
    let bin = env!("CARGO_BIN_EXE_claimcheck");
    let ledger_dir = root.join("claims-cli");
    let run = |threads: &str| {
        let started = Instant::now();
        let out = std::process::Command::new(bin)
            .args(["check", "--format", "json", "--quiet", "--no-baseline"])
            .args(["-j", threads])
            .arg("--ledger")
            .arg(&ledger_dir)
            .arg(articles)
            .output()
            .expect("run claimcheck");
        (started.elapsed().as_secs_f64(), out)
    };
    let mut times = Vec::new();
    let mut reports = Vec::new();
    for pass in ["first", "second"] {
        let (t, out) = run("1");
        let code = out.status.code();
        if !matches!(code, Some(0 | 1)) {
            println!(
                "FAIL: {pass} `claimcheck check` exited {code:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            return false;
        }
        println!("| `claimcheck check`, {pass} run, -j1 | {t:.3} s |");
        times.push(t);
        reports.push(out.stdout);
    }
    let speedup = times[0] / times[1].max(1e-9);
    println!(
        "`check`: second run {speedup:.1}× faster than the first (target ≥ {TARGET_SPEEDUP}×)"
    );
    if speedup < TARGET_SPEEDUP {
        println!("speed target not met");
    }
    if reports[0] != reports[1] {
        println!("FAIL: the second `check` printed a different report");
        return false;
    }
    true
}
