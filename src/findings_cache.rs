//! The findings cache: the comparison result of one `check` run, stored in
//! the ledger directory and keyed by a digest of everything it was computed
//! from, so a run over an unchanged archive skips framing and comparison.
//!
//! Comparison is a pure function of the articles (their ids, paths, content
//! and publication dates), the extractor, the configuration that shapes
//! framing and alignment, and the reference facts. [`KeyBuilder`] digests
//! all of them (SHA-256, length-prefixed fields, so no two different inputs
//! share a key) together with the crate version, the extractor revision and
//! [`ANALYSIS_REVISION`] (framing and comparison). A stored result whose key
//! differs, or that cannot be read or parsed, is a miss: the cache never
//! fails a run and never changes its output, it only saves time. It is
//! written atomically (temporary file, then rename), like ledger entries.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::claim::Claim;
use crate::compare::{Finding, FindingClaim, Severity, Verdict};
use crate::document::Document;
use crate::frame::{Frame, FramedClaim};

/// File name of the cache inside the ledger directory (a dot-file, so the
/// ledger does not take it for an article's entry).
pub const FILE_NAME: &str = ".findings-cache.json";

/// Bump when framing or comparison changes what a run finds without a new
/// crate version (a lexicon word, a threshold), so a cached result computed
/// by the older code is never served.
pub const ANALYSIS_REVISION: u32 = 17;

/// The digest of everything a comparison depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheKey(String);

impl CacheKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Builds a [`CacheKey`] from labelled, length-prefixed fields.
pub struct KeyBuilder(Sha256);

impl Default for KeyBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl KeyBuilder {
    /// Starts a key with the crate, extractor and analysis versions.
    pub fn new() -> KeyBuilder {
        let mut b = KeyBuilder(Sha256::new());
        b.add("version", crate::ledger::extractor_version().as_bytes())
            .add("analysis", &ANALYSIS_REVISION.to_le_bytes());
        b
    }

    /// Adds one labelled field. Label and value are length-prefixed, so
    /// ("ab", "c") and ("a", "bc") give different keys.
    pub fn add(&mut self, label: &str, value: &[u8]) -> &mut KeyBuilder {
        for part in [label.as_bytes(), value] {
            self.0.update((part.len() as u64).to_le_bytes());
            self.0.update(part);
        }
        self
    }

    /// Adds an article: id, path, publication date and content hash (which
    /// covers the text and everything else extraction reads).
    pub fn document(&mut self, doc: &Document) -> &mut KeyBuilder {
        self.add("doc", doc.id.as_bytes())
            .add("path", doc.path.as_bytes())
            .add("hash", crate::ledger::content_hash(doc).as_bytes())
    }

    pub fn finish(&self) -> CacheKey {
        let digest = self.0.clone().finalize();
        let mut hex = String::with_capacity(digest.len() * 2);
        for byte in digest {
            hex.push_str(&format!("{byte:02x}"));
        }
        CacheKey(hex)
    }
}

/// What is stored: the key, the number of claims framed and the findings
/// (before severities from the configuration and the gate are applied).
#[derive(Debug, Clone, PartialEq)]
pub struct CachedFindings {
    pub key: String,
    pub claims: usize,
    pub findings: Vec<Finding>,
}

// The stored form nests each claim instead of flattening it as the report
// does: serde reads flattened fields through a buffered map, several times
// slower, and the cache exists to be read fast.

#[derive(Serialize)]
struct StoredRef<'a> {
    key: &'a str,
    claims: usize,
    findings: Vec<FindingRef<'a>>,
}

#[derive(Serialize)]
struct FindingRef<'a> {
    id: &'a str,
    verdict: Verdict,
    severity: Severity,
    topic: &'a str,
    explanation: &'a str,
    claims: Vec<ClaimRef<'a>>,
}

#[derive(Serialize)]
struct ClaimRef<'a> {
    claim: &'a Claim,
    doc: &'a str,
    frame: &'a Frame,
    verdict: Option<Verdict>,
}

#[derive(Deserialize)]
struct Stored {
    key: String,
    claims: usize,
    findings: Vec<StoredFinding>,
}

#[derive(Deserialize)]
struct StoredFinding {
    id: String,
    verdict: Verdict,
    severity: Severity,
    topic: String,
    explanation: String,
    claims: Vec<StoredClaim>,
}

#[derive(Deserialize)]
struct StoredClaim {
    claim: Claim,
    doc: String,
    frame: Frame,
    verdict: Option<Verdict>,
}

impl From<Stored> for CachedFindings {
    fn from(s: Stored) -> Self {
        let findings = s
            .findings
            .into_iter()
            .map(|f| Finding {
                id: f.id,
                verdict: f.verdict,
                severity: f.severity,
                topic: f.topic,
                explanation: f.explanation,
                claims: f
                    .claims
                    .into_iter()
                    .map(|c| FindingClaim {
                        framed: FramedClaim {
                            claim: c.claim,
                            doc: c.doc,
                            frame: c.frame,
                        },
                        verdict: c.verdict,
                    })
                    .collect(),
            })
            .collect();
        CachedFindings {
            key: s.key,
            claims: s.claims,
            findings,
        }
    }
}

/// Path of the cache file in `ledger_dir`.
pub fn path_in(ledger_dir: &Path) -> PathBuf {
    ledger_dir.join(FILE_NAME)
}

/// The cached findings in `ledger_dir` when they were computed under `key`;
/// None on a different key or any read or parse problem (a miss).
pub fn load(ledger_dir: &Path, key: &CacheKey) -> Option<CachedFindings> {
    let bytes = std::fs::read(path_in(ledger_dir)).ok()?;
    // Compare the key before parsing the findings: a stale cache costs one
    // small read, not a full parse.
    let head = bytes.get(..bytes.len().min(256))?;
    let needle = format!("\"key\":\"{}\"", key.as_str());
    if !head.windows(needle.len()).any(|w| w == needle.as_bytes()) {
        return None;
    }
    let stored: Stored = serde_json::from_slice(&bytes).ok()?;
    (stored.key == key.as_str()).then(|| stored.into())
}

/// Stores the findings computed under `key` in `ledger_dir` atomically (a
/// temporary file beside it, then renamed), so readers see the old cache or
/// the new one.
pub fn store(
    ledger_dir: &Path,
    key: &CacheKey,
    claims: usize,
    findings: &[Finding],
) -> io::Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(".claimcheck-")
        .suffix(".tmp")
        .tempfile_in(ledger_dir)?;
    {
        let mut w = io::BufWriter::new(temp.as_file_mut());
        let stored = StoredRef {
            key: key.as_str(),
            claims,
            findings: findings
                .iter()
                .map(|f| FindingRef {
                    id: &f.id,
                    verdict: f.verdict,
                    severity: f.severity,
                    topic: &f.topic,
                    explanation: &f.explanation,
                    claims: f
                        .claims
                        .iter()
                        .map(|c| ClaimRef {
                            claim: &c.framed.claim,
                            doc: &c.framed.doc,
                            frame: &c.framed.frame,
                            verdict: c.verdict,
                        })
                        .collect(),
                })
                .collect(),
        };
        serde_json::to_writer(&mut w, &stored).map_err(io::Error::other)?;
        w.flush()?;
    }
    temp.persist(path_in(ledger_dir)).map_err(|e| e.error)?;
    Ok(())
}

/// Removes the cache (when a run cannot vouch for it any more).
pub fn clear(ledger_dir: &Path) {
    // A missing file is already the wanted state.
    let _ = std::fs::remove_file(path_in(ledger_dir));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{Severity, Verdict};

    fn doc(id: &str, text: &str) -> Document {
        let mut d = Document::from_text(id, text);
        d.path = format!("{id}.txt");
        d
    }

    fn key(docs: &[Document], extra: &[(&str, &str)]) -> CacheKey {
        let mut b = KeyBuilder::new();
        for d in docs {
            b.document(d);
        }
        for (label, value) in extra {
            b.add(label, value.as_bytes());
        }
        b.finish()
    }

    fn finding(id: &str) -> Finding {
        Finding {
            id: id.to_string(),
            verdict: Verdict::Conflict,
            severity: Severity::Error,
            topic: "topic".to_string(),
            claims: Vec::new(),
            explanation: "why".to_string(),
        }
    }

    #[test]
    fn keys_change_with_every_input_and_only_then() {
        let a = doc("a", "Exports fell 12% in 2019.");
        let b = doc("b", "Exports fell 13% in 2019.");
        let base = key(&[a.clone(), b.clone()], &[("config", "x")]);
        assert_eq!(base, key(&[a.clone(), b.clone()], &[("config", "x")]));
        let mut edited = b.clone();
        edited.text.push('!');
        let mut moved = b.clone();
        moved.path = "elsewhere/b.txt".to_string();
        let mut dated = b.clone();
        dated.published = chrono::NaiveDate::from_ymd_opt(2019, 5, 1);
        let variants = [
            key(&[a.clone(), edited], &[("config", "x")]),
            key(&[a.clone(), moved], &[("config", "x")]),
            key(&[a.clone(), dated], &[("config", "x")]),
            key(&[b.clone(), a.clone()], &[("config", "x")]),
            key(std::slice::from_ref(&a), &[("config", "x")]),
            key(&[a.clone(), b.clone()], &[("config", "y")]),
            key(&[a.clone(), b.clone()], &[("confi", "gx")]),
        ];
        for (i, v) in variants.iter().enumerate() {
            assert_ne!(&base, v, "variant {i}");
        }
    }

    #[test]
    fn store_then_load_round_trips_and_other_keys_miss() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(&[doc("a", "12 people")], &[]);
        let other = key(&[doc("a", "13 people")], &[]);
        assert_eq!(load(dir.path(), &k), None, "empty directory");
        let cached = CachedFindings {
            key: k.as_str().to_string(),
            claims: 7,
            findings: vec![finding("f1"), finding("f2")],
        };
        store(dir.path(), &k, cached.claims, &cached.findings).unwrap();
        assert_eq!(load(dir.path(), &k), Some(cached.clone()));
        assert_eq!(load(dir.path(), &other), None);
        clear(dir.path());
        assert_eq!(load(dir.path(), &k), None);
    }

    #[test]
    fn findings_with_framed_claims_round_trip() {
        let mut d = doc("a", "Israel sold $13 million of arms to Rwanda in 2013.");
        d.published = chrono::NaiveDate::from_ymd_opt(2017, 7, 9);
        let framer = crate::frame::Framer::new(crate::frame::Lexicon::default());
        let framed = framer.frame(&d, crate::extract::extract(&d));
        assert!(framed.len() >= 2, "{framed:?}");
        let mut f = finding("f1");
        f.claims = framed
            .into_iter()
            .map(|mut framed| {
                // Not stored: the document's context entities (not reported).
                framed.frame.context = Default::default();
                FindingClaim {
                    framed,
                    verdict: Some(Verdict::Agree),
                }
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let k = key(&[d], &[]);
        store(dir.path(), &k, 2, std::slice::from_ref(&f)).unwrap();
        let back = load(dir.path(), &k).unwrap();
        assert_eq!(back.claims, 2);
        assert_eq!(back.findings, vec![f]);
    }

    #[test]
    fn corrupt_or_truncated_cache_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(&[doc("a", "12 people")], &[]);
        store(dir.path(), &k, 1, &[finding("f1")]).unwrap();
        let full = std::fs::read(path_in(dir.path())).unwrap();
        for cut in [0, 10, full.len() / 2, full.len() - 1] {
            std::fs::write(path_in(dir.path()), &full[..cut]).unwrap();
            assert_eq!(load(dir.path(), &k), None, "cut at {cut}");
        }
        std::fs::write(path_in(dir.path()), b"\xff\xfe not json").unwrap();
        assert_eq!(load(dir.path(), &k), None);
    }

    #[test]
    fn store_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(&[], &[]);
        store(dir.path(), &k, 0, &[]).unwrap();
        store(dir.path(), &k, 0, &[]).unwrap();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![FILE_NAME.to_string()]);
    }
}
