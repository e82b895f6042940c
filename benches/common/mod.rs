//! What the bench binaries share: a deterministic generator and the
//! paragraphs of `corpus/`, from which they build their archives.

use std::path::{Path, PathBuf};

/// A small deterministic generator (64-bit LCG, Knuth's constants).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The body paragraphs of every corpus article (front matter and headings dropped).
pub fn corpus_paragraphs(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let is_article = path.extension().is_some_and(|e| e == "md")
            && !path
                .file_stem()
                .is_some_and(|s| s.eq_ignore_ascii_case("readme"));
        let Some(text) = is_article
            .then(|| std::fs::read_to_string(&path).ok())
            .flatten()
        else {
            continue;
        };
        let body = text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
            .map_or(text.as_str(), |(_, body)| body);
        out.extend(
            body.split("\n\n")
                .map(str::trim)
                .filter(|p| p.len() > 40 && !p.starts_with('#'))
                .map(str::to_string),
        );
    }
    out
}

/// The text with each run of ASCII digits replaced by `map(run)`, all else
/// kept: how the benches vary the figures of repeated paragraphs.
pub fn map_digit_runs(text: &str, mut map: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            out.push_str(&map(&digits));
            digits.clear();
        }
        out.push(c);
    }
    if !digits.is_empty() {
        out.push_str(&map(&digits));
    }
    out
}
