//! `check` speed benchmark (a plain bench binary, `harness = false`): frame
//! and compare at 10k, 100k and 1M claims on one core.
//!
//! ```text
//! cargo bench --bench check -- ../shared/eval/gva/gva_dev.jsonl corpus
//! cargo bench --bench check -- ../shared/eval/gva/gva_dev.jsonl corpus --sizes 10000,100000
//! ```
//!
//! The archive is built from real articles: the GVA article texts and the
//! Markdown articles of `corpus/`, repeated with variation until the target
//! number of claims is reached. Copy `r` of an article gets its publication
//! date moved by `r × 3` days and each capitalised word a variant suffix
//! chosen by a hash of the word and `r` among `VARIANTS × (1 + r / VARIANTS)`
//! (the pool grows with the archive, so a name stays in about as many
//! documents at every size), so copies share some names (as articles about
//! the same cities do) but are not identical twins that would all align with
//! each other. Extraction happens once,
//! outside the timing; the timed part is what `check` adds on top of it:
//! `Framer::learn` + `Framer::frame` over all documents, then
//! `compare::compare`. Near-linear growth shows as a flat µs/claim column.
//! A missing input prints a message and exits 0.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use claimcheck::Claim;
use claimcheck::compare::{self, AlignConfig};
use claimcheck::document::{self, Document, LoadOptions};
use claimcheck::frame::Framer;

/// Variant suffixes per capitalised word across copies.
const VARIANTS: u64 = 24;

/// Default archive sizes, in claims.
const SIZES: &[usize] = &[10_000, 100_000, 1_000_000];

struct Article {
    id: String,
    text: String,
    published: Option<NaiveDate>,
}

fn load_gva(path: &std::path::Path) -> Vec<Article> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
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
            let s = |k: &str| a.get(k).and_then(|t| t.as_str()).unwrap_or("").to_string();
            out.push(Article {
                id: s("id"),
                text: s("content"),
                published: NaiveDate::parse_from_str(&s("dct"), "%Y-%m-%d").ok(),
            });
        }
    }
    out
}

fn load_corpus(dir: &std::path::Path) -> Vec<Article> {
    let loaded = document::load_paths(&[dir.to_path_buf()], &LoadOptions::default());
    loaded
        .documents
        .into_iter()
        .map(|d| Article {
            id: d.id,
            text: d.text,
            published: d.published,
        })
        .collect()
}

fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Copy `r` of a text: capitalised words get a variant suffix.
fn vary(text: &str, r: u64) -> String {
    if r == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut String, w: &str| {
        out.push_str(w);
        if w.len() >= 3 && w.starts_with(|c: char| c.is_ascii_uppercase()) {
            // The pool of variants grows with the copies, as a growing
            // archive covers more places and people: each name stays in
            // about the same number of documents at every size.
            let mut v = mix(word_hash(w) ^ r) % (VARIANTS * (1 + r / VARIANTS));
            while v > 0 {
                out.push(char::from(b'a' + (v % 26) as u8));
                v /= 26;
            }
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_ascii_alphabetic() {
            word_start.get_or_insert(i);
        } else {
            if let Some(s) = word_start.take() {
                flush(&mut out, &text[s..i]);
            }
            out.push(c);
        }
    }
    if let Some(s) = word_start {
        flush(&mut out, &text[s..]);
    }
    out
}

/// Documents and their extracted claims until `target` claims are reached.
fn archive(articles: &[Article], target: usize) -> Vec<(Document, Vec<Claim>)> {
    let mut out = Vec::new();
    let mut claims = 0;
    let mut r = 0u64;
    while claims < target {
        for a in articles {
            if claims >= target {
                break;
            }
            let mut doc = Document::from_text(format!("{}~{r}", a.id), vary(&a.text, r));
            doc.published = a
                .published
                .and_then(|p| p.checked_add_days(Days::new(r * 3)));
            let cs = claimcheck::extract::extract(&doc);
            claims += cs.len();
            out.push((doc, cs));
        }
        r += 1;
    }
    out
}

fn main() {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut sizes: Vec<usize> = SIZES.to_vec();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sizes" => {
                sizes = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|s| s.trim().parse().ok())
                    .collect();
            }
            "--bench" => {}
            _ => paths.push(a.into()),
        }
    }
    if paths.is_empty() {
        paths = vec!["../shared/eval/gva/gva_dev.jsonl".into(), "corpus".into()];
    }
    let mut articles = Vec::new();
    for p in &paths {
        if p.is_dir() {
            articles.extend(load_corpus(p));
        } else {
            articles.extend(load_gva(p));
        }
    }
    articles.retain(|a| !a.text.is_empty());
    if articles.is_empty() {
        println!("check bench: no articles in {paths:?}; nothing to measure");
        return;
    }
    println!(
        "check bench: {} source articles; frame + compare on one thread",
        articles.len()
    );
    println!(
        "{:>10} {:>8} {:>10} {:>10} {:>10} {:>10} {:>9}",
        "claims", "docs", "frame s", "compare s", "total s", "µs/claim", "findings"
    );
    for target in sizes {
        let docs = archive(&articles, target);
        let n_docs = docs.len();
        let started = Instant::now();
        let mut framer = Framer::default();
        for (d, _) in &docs {
            framer.learn(&d.text);
        }
        let mut items = Vec::new();
        for (d, cs) in docs {
            items.extend(framer.frame(&d, cs));
        }
        let framed = started.elapsed().as_secs_f64();
        let claims = items.len();
        let started = Instant::now();
        let findings = compare::compare(items, &AlignConfig::default(), framer.lexicon());
        let compared = started.elapsed().as_secs_f64();
        let total = framed + compared;
        println!(
            "{:>10} {:>8} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>9}",
            claims,
            n_docs,
            framed,
            compared,
            total,
            1e6 * total / claims.max(1) as f64,
            findings.len()
        );
        black_box(findings);
    }
}
