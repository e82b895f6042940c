//! Extraction throughput benchmark (a plain bench binary, `harness = false`).
//!
//! ```text
//! cargo bench --bench extract -- ../shared/eval/gva/gva_dev.jsonl
//! cargo bench --bench extract -- ../shared/eval/gva/gva_dev.jsonl --corpus ../shared/corpora/newsarticles_2017.jsonl.gz
//! ```
//!
//! Reads the article texts of the GVA file (`articles[].content`, about
//! 1.5 MB of real local news), then measures single-threaded
//! `claimcheck::extract::extract_text` over them at 1×, 2×, 5× and 10× the
//! input (the same texts repeated), best of N runs each, and prints MB/s and
//! claims/s. Time growing linearly in input size shows as a flat MB/s column.
//! With `--corpus FILE.jsonl[.gz]` (one `{"text", "date"}` article per line;
//! `.gz` is read through `zcat`) it also measures that corpus once, best of 3.
//! A missing input file prints a message and exits 0, so `cargo bench` never
//! fails on a machine without the shared data. `--once` extracts the input a
//! single time and prints the claim count: the run to profile under `perf`
//! or `valgrind --tool=callgrind`, whose instruction counts are stable on a
//! noisy machine. `--dump FILE` writes every claim of the input (and of the
//! `--corpus`) as one JSON line, to diff the output of two versions.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

/// One article to extract: text and publication date.
struct Article {
    text: String,
    published: Option<NaiveDate>,
}

fn date(v: Option<&serde_json::Value>) -> Option<NaiveDate> {
    v.and_then(serde_json::Value::as_str)
        .and_then(|s| s.get(..10))
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// GVA: one incident per line, articles under `articles[]` with `content` and `dct`.
fn load_gva(text: &str) -> Vec<Article> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        for a in v
            .get("articles")
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(t) = a.get("content").and_then(|t| t.as_str()) {
                out.push(Article {
                    text: t.to_string(),
                    published: date(a.get("dct")),
                });
            }
        }
    }
    out
}

/// Corpora: one article per line with `text` (or `content`) and `date`.
fn load_corpus(text: &str) -> Vec<Article> {
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| {
            let t = v
                .get("text")
                .or_else(|| v.get("content"))?
                .as_str()?
                .to_string();
            Some(Article {
                text: t,
                published: date(v.get("date").or_else(|| v.get("published"))),
            })
        })
        .collect()
}

fn read(path: &Path) -> Option<String> {
    if path.extension().is_some_and(|e| e == "gz") {
        let out = Command::new("zcat").arg(path).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        std::fs::read_to_string(path).ok()
    }
}

/// Extracts every article `copies` times; returns (elapsed, claims).
fn run_once(articles: &[Article], copies: usize) -> (Duration, usize) {
    let started = Instant::now();
    let mut claims = 0;
    for _ in 0..copies {
        for a in articles {
            claims += black_box(claimcheck::extract::extract_text(
                "bench",
                black_box(&a.text),
                0,
                a.published,
            ))
            .len();
        }
    }
    (started.elapsed(), claims)
}

/// Writes the claims of every article, one JSON object a line, numbered by article.
fn write_dump(articles: &[Article], path: &Path) {
    let mut lines = String::new();
    for (n, a) in articles.iter().enumerate() {
        for c in claimcheck::extract::extract_text("bench", &a.text, 0, a.published) {
            let json = serde_json::to_string(&c).unwrap_or_default();
            lines.push_str(&format!("{n} {json}\n"));
        }
    }
    match std::fs::write(path, lines) {
        Ok(()) => println!("extract bench: claims written to {}", path.display()),
        Err(e) => println!("extract bench: cannot write {}: {e}", path.display()),
    }
}

fn best_of(articles: &[Article], copies: usize, runs: usize) -> (Duration, usize) {
    (0..runs)
        .map(|_| run_once(articles, copies))
        .min_by_key(|(d, _)| *d)
        .unwrap_or((Duration::ZERO, 0))
}

fn report(label: &str, bytes: usize, (took, claims): (Duration, usize)) {
    let secs = took.as_secs_f64().max(1e-9);
    println!(
        "{label:<28} {:>9.2} MB {:>9.3} s {:>9.1} MB/s {:>10.0} claims/s",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        claims as f64 / secs
    );
}

fn main() {
    // `cargo bench` passes `--bench`; ignore it and any other flag we do not know.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut gva = None;
    let mut corpus = None;
    let mut runs = 5usize;
    let mut once = false;
    let mut dump = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().cloned(),
            "--once" => once = true,
            "--dump" => dump = it.next().cloned(),
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            s if !s.starts_with('-') => gva = Some(s.to_string()),
            _ => {}
        }
    }
    let gva = gva.unwrap_or_else(|| "../shared/eval/gva/gva_dev.jsonl".to_string());
    let Some(text) = read(Path::new(&gva)) else {
        println!(
            "extract bench: {gva} not found; nothing to measure (pass the path to gva_dev.jsonl)"
        );
        return;
    };
    let articles = load_gva(&text);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    if articles.is_empty() {
        println!("extract bench: {gva} holds no articles");
        return;
    }
    if let Some(out) = dump {
        let mut all = articles;
        if let Some(text) = corpus.as_deref().and_then(|p| read(Path::new(p))) {
            all.extend(load_corpus(&text));
        }
        write_dump(&all, Path::new(&out));
        return;
    }
    if once {
        let (took, claims) = run_once(&articles, 1);
        println!(
            "{} articles, {bytes} bytes, {claims} claims, {took:?}",
            articles.len()
        );
        return;
    }
    println!(
        "extraction throughput, single thread, best of {runs} ({} articles, {:.2} MB from {gva})",
        articles.len(),
        bytes as f64 / 1e6
    );
    run_once(&articles, 1); // warm-up
    for copies in [1usize, 2, 5, 10] {
        let r = best_of(
            &articles,
            copies,
            if copies >= 5 { runs.min(3) } else { runs },
        );
        report(&format!("gva ×{copies}"), bytes * copies, r);
    }
    if let Some(path) = corpus {
        match read(Path::new(&path)) {
            Some(text) => {
                let arts = load_corpus(&text);
                let b: usize = arts.iter().map(|a| a.text.len()).sum();
                let name = Path::new(&path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                report(&format!("{name} ({})", arts.len()), b, best_of(&arts, 1, 3));
            }
            None => println!("extract bench: {path} not readable; skipped"),
        }
    }
}
