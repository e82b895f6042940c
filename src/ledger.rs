//! The incremental claims ledger: `claims/<doc-id>.json`, one
//! `claimcheck/claims/v1` file per article, reused while the article and the
//! extractor are unchanged.
//!
//! [`Ledger::open`] lists a directory; [`Ledger::claims`] returns a
//! document's claims from its ledger file when that file's `content_hash`
//! (over what extraction reads: id, publication date, body offset and text —
//! never timestamps, which a CI checkout resets) and `extractor` (crate
//! version plus [`EXTRACTOR_REVISION`]) match, and extracts them otherwise;
//! [`Ledger::save`] writes the entries that changed. `claimcheck extract
//! --ledger` and `claimcheck check` both go through it, so there is one writer.
//!
//! Safety of the files:
//! - every file is written to a temporary file in the same directory, then
//!   renamed over the old one: a reader (or a run killed mid-write) sees the
//!   old file or the new one, never half of one;
//! - entries are not `fsync`ed: the ledger is derived data, rebuilt from the
//!   articles. Syncing each file cost ≈ 6.5 ms here — 65 s for a 10,000
//!   article archive, for nothing a user could lose. If a power cut ever
//!   leaves an empty or garbled entry, it reads as unreadable: a warning,
//!   a re-extraction and a fresh file (the baseline, which holds editors'
//!   decisions, is another matter);
//! - concurrent runs on the same directory need no lock: each rename replaces
//!   a whole, valid file, and two runs over the same article write the same
//!   bytes, so the last rename wins harmlessly;
//! - a file that does not parse is a cache miss reported as a
//!   [`LedgerWarning`], and it is only replaced by renaming a complete new file
//!   over it, never deleted first;
//! - `baseline.json`, sub-directories (`reference/`) and hidden files are
//!   not ledger entries and are never touched, except our own temporary
//!   files (`.claimcheck-*.tmp`) left by a killed run more than an hour ago.

use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::claim::{CLAIMS_SCHEMA, Claim};
use crate::document::Document;
use crate::extract::extract;
use crate::report::claims::{self, ClaimsFile, DocumentClaims};

/// Bump when extraction changes in a way that alters claims without a new
/// crate version (a fixed pattern, a new word in a table), so every ledger
/// entry is re-extracted once.
pub const EXTRACTOR_REVISION: u32 = 10;

/// Files in the claims directory that are not ledger entries.
const NOT_ENTRIES: &[&str] = &["baseline.json"];

/// Prefix of the hash written to `content_hash`.
const HASH_PREFIX: &str = "sha256:";

/// The version written to each entry's `extractor` field.
pub fn extractor_version() -> String {
    format!(
        "claimcheck {}+r{EXTRACTOR_REVISION}",
        env!("CARGO_PKG_VERSION")
    )
}

/// The content hash of a document: SHA-256 over its id, publication date,
/// body offset and text, each part length-prefixed so no two different
/// documents feed the same bytes.
///
/// SHA-256 rather than a 64-bit hash: it is already a dependency, runs at
/// gigabytes per second with the CPU's SHA instructions (negligible next to
/// extraction), and makes an accidental collision — a stale entry silently
/// reused — impossible in practice at any archive size.
pub fn content_hash(doc: &Document) -> String {
    let published = doc.published.map(|d| d.to_string()).unwrap_or_default();
    let body_start = doc.body_start.to_string();
    let mut h = Sha256::new();
    h.update(b"claimcheck-ledger-v1\n");
    for part in [
        doc.id.as_bytes(),
        published.as_bytes(),
        body_start.as_bytes(),
        doc.text.as_bytes(),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part);
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(HASH_PREFIX.len() + 64);
    out.push_str(HASH_PREFIX);
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// A document id as a ledger file name: letters, digits, `-`, `_` and `.`
/// kept, anything else replaced by `_` (no path separators, no leading dot,
/// so an entry is never hidden and never escapes the directory).
pub fn entry_file_name(id: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    name.push_str(".json");
    name
}

/// True for a directory entry name that is a ledger entry.
fn is_entry_name(name: &str) -> bool {
    name.ends_with(".json") && !name.starts_with('.') && !NOT_ENTRIES.contains(&name)
}

/// Temporary files older than this are leftovers of a killed run (a live
/// run renames its temporary file within moments of creating it).
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// True for one of our temporary files (`.claimcheck-*.tmp`) untouched for
/// longer than [`STALE_TEMP`].
fn is_stale_temp(name: &str, entry: &std::fs::DirEntry) -> bool {
    name.starts_with(".claimcheck-")
        && name.ends_with(".tmp")
        && entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP)
}

/// The ledger directory could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("cannot use the ledger directory {path}: {source}")]
    Dir { path: PathBuf, source: io::Error },
    #[error("cannot write {path} (the previous version is kept): {source}")]
    Write { path: PathBuf, source: io::Error },
}

/// Something the caller should tell the user; the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerWarning {
    /// A ledger file that could not be read or parsed: treated as a miss and
    /// replaced by a fresh entry on save.
    Unreadable { path: PathBuf, message: String },
    /// Two documents of one run map to the same ledger file; only the first
    /// is stored.
    DuplicateId {
        id: String,
        path: String,
        file: PathBuf,
    },
}

impl fmt::Display for LedgerWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerWarning::Unreadable { path, message } => write!(
                f,
                "{}: unreadable ledger entry, re-extracting ({message})",
                path.display()
            ),
            LedgerWarning::DuplicateId { id, path, file } => write!(
                f,
                "{path}: another article already has the id {id:?}; only the first is stored in {}",
                file.display()
            ),
        }
    }
}

/// What one run did with the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LedgerStats {
    /// Documents whose claims came from their ledger file.
    pub reused: usize,
    /// Documents extracted (new, changed, or new extractor).
    pub extracted: usize,
    /// Ledger files written by [`Ledger::save`] so far (files whose bytes
    /// did not change are not rewritten).
    pub written: usize,
    /// Ledger files of documents not seen in this run (left in place: a run
    /// over some articles must not drop the others' entries).
    pub unused: usize,
}

/// What resolving one document gave.
enum Outcome {
    /// A current entry; `stale_metadata` when its path/title/source/url
    /// must be refreshed on disk.
    Reused {
        entry: DocumentClaims,
        stale_metadata: bool,
    },
    /// Extracted; `entry` is to be written, `warning` tells why a stored
    /// entry could not be used.
    Extracted {
        claims: Vec<Claim>,
        entry: DocumentClaims,
        warning: Option<LedgerWarning>,
    },
    /// Another document of this run already maps to the same entry file.
    Duplicate { claims: Vec<Claim>, file: PathBuf },
}

/// The claims ledger of one directory; see the module docs.
#[derive(Debug)]
pub struct Ledger {
    dir: PathBuf,
    /// Entry file names present when opened.
    existing: BTreeSet<String>,
    /// Entry file names asked for in this run.
    seen: BTreeSet<String>,
    /// Entries to write on save: file name and contents.
    pending: Vec<(String, DocumentClaims)>,
    warnings: Vec<LedgerWarning>,
    stats: LedgerStats,
    extractor: String,
    /// False: re-extract every document (stored entries are only compared
    /// byte for byte on save, so unchanged files are not rewritten).
    reuse: bool,
}

impl Ledger {
    /// Opens (creating it if needed) a ledger directory and lists its entries.
    pub fn open(dir: &Path) -> Result<Ledger, LedgerError> {
        let err = |source| LedgerError::Dir {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(err)?;
        let mut existing = BTreeSet::new();
        for entry in std::fs::read_dir(dir).map_err(err)? {
            let entry = entry.map_err(err)?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
            if is_file && is_entry_name(&name) {
                existing.insert(name);
            } else if is_file && is_stale_temp(&name, &entry) {
                // Left by a run killed mid-write; removing it is best effort.
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Ok(Ledger {
            dir: dir.to_path_buf(),
            existing,
            seen: BTreeSet::new(),
            pending: Vec::new(),
            warnings: Vec::new(),
            stats: LedgerStats::default(),
            extractor: extractor_version(),
            reuse: true,
        })
    }

    /// With `false`, every document is re-extracted instead of read from its
    /// entry — for regenerating a committed `claims/` after changing the
    /// extractor without bumping [`EXTRACTOR_REVISION`]. Files whose bytes
    /// come out the same are still left untouched.
    pub fn reuse(mut self, reuse: bool) -> Self {
        self.reuse = reuse;
        self
    }

    /// The directory this ledger lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The claims of `doc`: from its ledger file when current, else freshly
    /// extracted (and queued to be written by [`Ledger::save`]).
    pub fn claims(&mut self, doc: &Document) -> Vec<Claim> {
        let name = entry_file_name(&doc.id);
        let fresh = self.seen.insert(name.clone());
        let outcome = self.resolve(doc, &name, fresh);
        self.record(doc, name, outcome)
    }

    /// The claims of every document, in order, as [`Ledger::claims`] gives
    /// them, with reads and extraction spread over `threads` threads (1: the
    /// calling thread only). The result, the entries written and the
    /// warnings are the same whatever the thread count.
    pub fn claims_all(&mut self, docs: &[Document], threads: usize) -> Vec<Vec<Claim>> {
        self.claims_all_with(docs, threads, &|_| {})
    }

    /// [`Ledger::claims_all`], calling `done` with each document once its
    /// claims are read or extracted (from any worker thread, in no set
    /// order): the hook a progress display counts with. Work is shared out
    /// by rayon (work stealing, so one long article does not hold up a
    /// thread's whole share); with `threads` equal to the current rayon
    /// pool's size that pool is used, otherwise one of `threads` threads is
    /// made for the call.
    pub fn claims_all_with(
        &mut self,
        docs: &[Document],
        threads: usize,
        done: &(dyn Fn(&Document) + Sync),
    ) -> Vec<Vec<Claim>> {
        use rayon::prelude::*;
        let names: Vec<(String, bool)> = docs
            .iter()
            .map(|d| {
                let name = entry_file_name(&d.id);
                let fresh = self.seen.insert(name.clone());
                (name, fresh)
            })
            .collect();
        let this = &*self;
        let resolve = |(d, (n, fresh)): (&Document, &(String, bool))| {
            let outcome = this.resolve(d, n, *fresh);
            done(d);
            outcome
        };
        let sequential = || docs.iter().zip(&names).map(resolve).collect();
        let parallel = || docs.par_iter().zip(&names).map(resolve).collect();
        let outcomes: Vec<Outcome> = if threads <= 1 || docs.len() <= 1 {
            sequential()
        } else if threads == rayon::current_num_threads() {
            parallel()
        } else {
            match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
                Ok(pool) => pool.install(parallel),
                Err(_) => sequential(),
            }
        };
        docs.iter()
            .zip(names)
            .zip(outcomes)
            .map(|((doc, (name, _)), outcome)| self.record(doc, name, outcome))
            .collect()
    }

    /// Reads or extracts one document's claims; touches no shared state, so
    /// documents can be resolved in parallel. `fresh` is false for the second
    /// document of a run mapping to the same entry file.
    fn resolve(&self, doc: &Document, name: &str, fresh: bool) -> Outcome {
        let path = self.dir.join(name);
        if !fresh {
            return Outcome::Duplicate {
                claims: extract(doc),
                file: path,
            };
        }
        let hash = content_hash(doc);
        let mut warning = None;
        if self.reuse && self.existing.contains(name) {
            match read_entry(&path) {
                Ok(file) => {
                    if let Some((entry, stale_metadata)) = judge(file, doc, &hash, &self.extractor)
                    {
                        return Outcome::Reused {
                            entry,
                            stale_metadata,
                        };
                    }
                }
                Err(message) => warning = Some(LedgerWarning::Unreadable { path, message }),
            }
        }
        let claims = extract(doc);
        let mut entry = DocumentClaims::new(doc, claims.clone());
        entry.content_hash = Some(hash);
        entry.extractor = Some(self.extractor.clone());
        Outcome::Extracted {
            claims,
            entry,
            warning,
        }
    }

    /// Books one resolved document: counts, warnings, entries to write.
    fn record(&mut self, doc: &Document, name: String, outcome: Outcome) -> Vec<Claim> {
        match outcome {
            Outcome::Duplicate { claims, file } => {
                self.warnings.push(LedgerWarning::DuplicateId {
                    id: doc.id.clone(),
                    path: doc.path.clone(),
                    file,
                });
                self.stats.extracted += 1;
                claims
            }
            Outcome::Reused {
                entry,
                stale_metadata,
            } => {
                self.stats.reused += 1;
                if stale_metadata {
                    let claims = entry.claims.clone();
                    self.pending.push((name, entry));
                    claims
                } else {
                    entry.claims
                }
            }
            Outcome::Extracted {
                claims,
                entry,
                warning,
            } => {
                self.warnings.extend(warning);
                self.stats.extracted += 1;
                self.pending.push((name, entry));
                claims
            }
        }
    }

    /// Warnings gathered so far (unreadable entries, duplicate ids), taken
    /// out so each is reported once.
    pub fn take_warnings(&mut self) -> Vec<LedgerWarning> {
        std::mem::take(&mut self.warnings)
    }

    /// Counts for this run.
    pub fn stats(&self) -> LedgerStats {
        LedgerStats {
            unused: self.existing.difference(&self.seen).count(),
            ..self.stats
        }
    }

    /// Writes every new or changed entry atomically, in file-name order.
    /// On an error the entries not yet written stay queued and every file on
    /// disk is either its old or its new version.
    pub fn save(&mut self) -> Result<(), LedgerError> {
        self.pending.sort_by(|a, b| a.0.cmp(&b.0));
        let pending = std::mem::take(&mut self.pending);
        let mut rest = pending.into_iter();
        while let Some((name, entry)) = rest.next() {
            let path = self.dir.join(&name);
            let bytes = entry_bytes(entry.clone());
            if self.existing.contains(&name) && std::fs::read(&path).is_ok_and(|old| old == bytes) {
                continue;
            }
            if let Err(source) = write_atomic(&path, &bytes, |_| Ok(())) {
                self.pending.push((name, entry));
                self.pending.extend(rest);
                return Err(LedgerError::Write { path, source });
            }
            self.existing.insert(name);
            self.stats.written += 1;
        }
        Ok(())
    }
}

/// Reads and parses a ledger file; the message says what is wrong.
fn read_entry(path: &Path) -> Result<ClaimsFile, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    serde_json::from_slice(&bytes).map_err(|e| e.to_string())
}

/// The stored entry when it holds current claims for `doc`, with whether
/// its metadata (path, title, source, url — not read by extraction) had to
/// be refreshed.
fn judge(
    file: ClaimsFile,
    doc: &Document,
    hash: &str,
    extractor: &str,
) -> Option<(DocumentClaims, bool)> {
    if file.schema != CLAIMS_SCHEMA || file.documents.len() != 1 {
        return None;
    }
    let mut entry = file.documents.into_iter().next()?;
    let current = entry.id == doc.id
        && entry.content_hash.as_deref() == Some(hash)
        && entry.extractor.as_deref() == Some(extractor);
    if !current {
        return None;
    }
    let fresh = DocumentClaims::new(doc, Vec::new());
    let stale_metadata = entry.path != fresh.path
        || entry.title != fresh.title
        || entry.source != fresh.source
        || entry.url != fresh.url;
    if stale_metadata {
        entry.path = fresh.path;
        entry.title = fresh.title;
        entry.source = fresh.source;
        entry.url = fresh.url;
    }
    Some((entry, stale_metadata))
}

/// The bytes of a ledger file: the claims/v1 object with one document,
/// pretty-printed with a final newline (deterministic, diff-friendly).
fn entry_bytes(entry: DocumentClaims) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing JSON into a Vec cannot fail: no I/O, and every map key is a string.
    let _ = claims::write_json(&mut bytes, &ClaimsFile::new(vec![entry]));
    bytes
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// renamed over it (not synced: see the module docs). `before_rename` runs
/// on the complete temporary file (tests use it to fail at the worst
/// moment); if anything fails, the temporary file is removed and `path`
/// keeps its previous content.
fn write_atomic(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".claimcheck-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    before_rename(temp.path())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn doc(id: &str, text: &str) -> Document {
        let mut d = Document::from_text(id, text);
        d.path = format!("corpus/{id}.md");
        d.published = NaiveDate::from_ymd_opt(2018, 3, 20);
        d
    }

    const TEXT: &str = "The ministry paid $13 million for 40 trucks in 2013, and 98% arrived.";

    fn run(dir: &Path, docs: &[Document]) -> (Vec<Vec<Claim>>, LedgerStats, Vec<LedgerWarning>) {
        let mut ledger = Ledger::open(dir).unwrap();
        let claims = docs.iter().map(|d| ledger.claims(d)).collect();
        ledger.save().unwrap();
        let warnings = ledger.take_warnings();
        (claims, ledger.stats(), warnings)
    }

    #[test]
    fn file_names_are_safe() {
        let cases = [
            ("2018-03-20-liberman", "2018-03-20-liberman.json"),
            ("a/b", "a_b.json"),
            ("..", "_...json"),
            ("", "_.json"),
            ("héllo wörld", "h_llo_w_rld.json"),
            ("../../etc/passwd", "_.._.._etc_passwd.json"),
        ];
        for (id, want) in cases {
            assert_eq!(entry_file_name(id), want, "{id}");
        }
        for (name, entry) in [
            ("a.json", true),
            ("baseline.json", false),
            (".claimcheck-x.tmp", false),
            (".hidden.json", false),
            ("notes.txt", false),
        ] {
            assert_eq!(is_entry_name(name), entry, "{name}");
        }
    }

    #[test]
    fn content_hash_covers_what_extraction_reads() {
        let base = doc("a", TEXT);
        let h = content_hash(&base);
        assert!(h.starts_with("sha256:") && h.len() == 7 + 64, "{h}");
        assert_eq!(h, content_hash(&base.clone()));
        let mut changes: Vec<Document> = Vec::new();
        let mut d = base.clone();
        d.text.push(' ');
        changes.push(d);
        let mut d = base.clone();
        d.published = None;
        changes.push(d);
        let mut d = base.clone();
        d.id = "b".into();
        changes.push(d);
        let mut d = base.clone();
        d.body_start = 4;
        changes.push(d);
        for d in &changes {
            assert_ne!(content_hash(d), h, "{d:?}");
        }
        // Metadata that extraction does not read leaves the hash alone.
        let mut d = base.clone();
        d.title = Some("A title".into());
        d.path = "elsewhere/a.md".into();
        assert_eq!(content_hash(&d), h);
    }

    #[test]
    fn second_run_reuses_and_matches_extraction() {
        let dir = tempfile::tempdir().unwrap();
        let docs = [doc("a", TEXT), doc("b", "Some 300 people came.")];
        let (first, stats, warnings) = run(dir.path(), &docs);
        assert_eq!((stats.reused, stats.extracted, stats.written), (0, 2, 2));
        assert!(warnings.is_empty());
        assert_eq!(first[0], extract(&docs[0]));
        assert!(!first[0].is_empty());
        let bytes = std::fs::read(dir.path().join("a.json")).unwrap();
        let (second, stats, _) = run(dir.path(), &docs);
        assert_eq!((stats.reused, stats.extracted, stats.written), (2, 0, 0));
        assert_eq!(second, first);
        assert_eq!(std::fs::read(dir.path().join("a.json")).unwrap(), bytes);
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let d = &v["documents"][0];
        assert_eq!(d["content_hash"], content_hash(&docs[0]).as_str());
        assert_eq!(d["extractor"], extractor_version().as_str());
    }

    #[test]
    fn without_reuse_everything_is_extracted_but_same_bytes_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let docs = [doc("a", TEXT), doc("b", "Some 300 people came.")];
        run(dir.path(), &docs);
        let path = dir.path().join("b.json");
        let stale = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\"low\": 300", "\"low\": 299");
        std::fs::write(&path, &stale).unwrap();
        let mut ledger = Ledger::open(dir.path()).unwrap().reuse(false);
        for d in &docs {
            ledger.claims(d);
        }
        ledger.save().unwrap();
        let stats = ledger.stats();
        assert_eq!((stats.reused, stats.extracted, stats.written), (0, 2, 1));
        let fixed = std::fs::read_to_string(&path).unwrap();
        assert!(
            fixed.contains("\"low\": 300") && !fixed.contains("299"),
            "{fixed}"
        );
    }

    #[test]
    fn claims_all_matches_one_by_one_whatever_the_threads() {
        let texts = [
            TEXT,
            "Some 300 people came.",
            "Over 90% voted; 12 ships left.",
            "Nothing here.",
            "A 10-day trip cost €2.5bn.",
        ];
        let mut docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&format!("d{i}"), t))
            .collect();
        docs.push(doc("d1", "A duplicate id with 7 cars."));
        let dir = tempfile::tempdir().unwrap();
        let (want, stats, warnings) = run(dir.path(), &docs);
        let bytes: Vec<Vec<u8>> = (0..5)
            .map(|i| std::fs::read(dir.path().join(format!("d{i}.json"))).unwrap())
            .collect();
        for threads in [1, 2, 3, 8] {
            for warm in [false, true] {
                let dir = tempfile::tempdir().unwrap();
                if warm {
                    run(dir.path(), &docs);
                }
                let mut ledger = Ledger::open(dir.path()).unwrap();
                let got = ledger.claims_all(&docs, threads);
                ledger.save().unwrap();
                assert_eq!(got, want, "{threads} threads");
                let s = ledger.stats();
                if warm {
                    assert_eq!((s.reused, s.extracted), (5, 1), "{threads} threads");
                } else {
                    assert_eq!(s, stats, "{threads} threads");
                }
                let got: Vec<String> = ledger
                    .take_warnings()
                    .iter()
                    .map(|w| match w {
                        LedgerWarning::DuplicateId { id, .. } => format!("duplicate {id}"),
                        other => other.to_string(),
                    })
                    .collect();
                assert_eq!(got, ["duplicate d1"], "{threads} threads");
                for (i, b) in bytes.iter().enumerate() {
                    let path = dir.path().join(format!("d{i}.json"));
                    assert_eq!(&std::fs::read(path).unwrap(), b);
                }
            }
        }
        assert_eq!((stats.extracted, stats.written), (6, 5));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn an_edit_is_a_miss_for_that_document_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut docs = vec![doc("a", TEXT), doc("b", "Some 300 people came.")];
        run(dir.path(), &docs);
        docs[1].text = "Some 400 people came.".into();
        let (claims, stats, _) = run(dir.path(), &docs);
        assert_eq!((stats.reused, stats.extracted, stats.written), (1, 1, 1));
        assert_eq!(claims[1], extract(&docs[1]));
    }

    #[test]
    fn moved_article_keeps_claims_and_updates_path() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = doc("a", TEXT);
        run(dir.path(), std::slice::from_ref(&d));
        d.path = "archive/a.md".into();
        let (_, stats, _) = run(dir.path(), std::slice::from_ref(&d));
        assert_eq!((stats.reused, stats.extracted, stats.written), (1, 0, 1));
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("a.json")).unwrap()).unwrap();
        assert_eq!(v["documents"][0]["path"], "archive/a.md");
    }

    #[test]
    fn another_extractor_version_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc("a", TEXT);
        run(dir.path(), std::slice::from_ref(&d));
        let path = dir.path().join("a.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let old = text.replace(&extractor_version(), "claimcheck 0.0.1+r0");
        assert_ne!(old, text);
        std::fs::write(&path, old).unwrap();
        let (_, stats, warnings) = run(dir.path(), std::slice::from_ref(&d));
        assert_eq!((stats.reused, stats.extracted), (0, 1));
        assert!(warnings.is_empty());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn entries_without_hash_or_for_another_id_are_misses() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc("a", TEXT);
        let mut plain = DocumentClaims::new(&d, extract(&d));
        std::fs::write(dir.path().join("a.json"), entry_bytes(plain.clone())).unwrap();
        let (_, stats, _) = run(dir.path(), std::slice::from_ref(&d));
        assert_eq!(
            stats.extracted, 1,
            "no content_hash: written by an old extract"
        );
        plain.id = "other".into();
        plain.content_hash = Some(content_hash(&d));
        plain.extractor = Some(extractor_version());
        std::fs::write(dir.path().join("a.json"), entry_bytes(plain)).unwrap();
        let (_, stats, _) = run(dir.path(), std::slice::from_ref(&d));
        assert_eq!(stats.extracted, 1, "an entry for another id");
    }

    #[test]
    fn corrupt_entry_is_a_reported_miss_and_is_replaced() {
        let corrupt: [&[u8]; 4] = [
            b"{\"schema\": \"claimcheck/claims/v1\", \"documents\": [",
            b"",
            b"\xff\xfe not json",
            b"{\"schema\": 3}",
        ];
        for bytes in corrupt {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("a.json");
            std::fs::write(&path, bytes).unwrap();
            let d = doc("a", TEXT);
            let (claims, stats, warnings) = run(dir.path(), std::slice::from_ref(&d));
            assert_eq!(claims[0], extract(&d));
            assert_eq!((stats.reused, stats.extracted), (0, 1));
            assert_eq!(warnings.len(), 1, "{bytes:?}");
            let shown = warnings[0].to_string();
            assert!(
                shown.contains("a.json") && shown.contains("re-extracting"),
                "{shown}"
            );
            let (_, stats, warnings) = run(dir.path(), std::slice::from_ref(&d));
            assert_eq!(stats.reused, 1);
            assert!(warnings.is_empty());
        }
    }

    #[test]
    fn baseline_reference_and_temp_files_are_not_entries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("reference")).unwrap();
        std::fs::write(dir.path().join("reference/sipri.json"), "{}").unwrap();
        std::fs::write(dir.path().join("baseline.json"), "{\"keep\": true}").unwrap();
        std::fs::write(dir.path().join(".claimcheck-abc.tmp"), "half").unwrap();
        std::fs::write(dir.path().join("gone.json"), "{}").unwrap();
        let ledger = Ledger::open(dir.path()).unwrap();
        assert_eq!(ledger.existing.iter().collect::<Vec<_>>(), ["gone.json"]);
        let (_, stats, _) = run(dir.path(), &[doc("a", TEXT)]);
        assert_eq!(stats.unused, 1, "gone.json is listed, not deleted");
        assert!(dir.path().join("gone.json").exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("baseline.json")).unwrap(),
            "{\"keep\": true}"
        );
    }

    #[test]
    fn stale_temporary_files_are_removed_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".claimcheck-old.tmp");
        let fresh = dir.path().join(".claimcheck-new.tmp");
        let other = dir.path().join(".other-old.tmp");
        for p in [&old, &fresh, &other] {
            std::fs::write(p, "half").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        for p in [&old, &other] {
            std::fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        Ledger::open(dir.path()).unwrap();
        assert!(!old.exists());
        assert!(fresh.exists(), "a concurrent run may still rename it");
        assert!(other.exists(), "not ours");
    }

    #[test]
    fn duplicate_ids_are_reported_and_the_first_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let (claims, stats, warnings) =
            run(dir.path(), &[doc("a", TEXT), doc("a", "Only 12 ships.")]);
        assert_eq!(stats.extracted, 2);
        assert_eq!(claims[1].len(), 1);
        assert!(matches!(&warnings[..], [LedgerWarning::DuplicateId { id, .. }] if id == "a"));
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("a.json")).unwrap()).unwrap();
        assert_eq!(
            v["documents"][0]["content_hash"],
            content_hash(&doc("a", TEXT)).as_str()
        );
    }

    #[test]
    fn failed_write_keeps_the_old_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, b"old version").unwrap();
        let err = write_atomic(&path, b"new version", |temp| {
            assert_eq!(std::fs::read(temp).unwrap(), b"new version");
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(std::fs::read(&path).unwrap(), b"old version");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "the temporary file is removed");
        write_atomic(&path, b"new version", |_| Ok(())).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new version");
    }

    #[cfg(unix)]
    #[test]
    fn unwritable_directory_fails_save_and_keeps_entries() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let d = doc("a", TEXT);
        run(dir.path(), std::slice::from_ref(&d));
        let path = dir.path().join("a.json");
        let before = std::fs::read(&path).unwrap();
        let mut edited = d.clone();
        edited.text.push_str(" Later 50 more came.");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let mut ledger = Ledger::open(dir.path()).unwrap();
        ledger.claims(&edited);
        let result = ledger.save();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        match result {
            // An unprivileged user cannot write: the old entry is intact and
            // the new one is still queued.
            Err(LedgerError::Write { path: p, .. }) => {
                assert_eq!(p, path);
                assert_eq!(std::fs::read(&path).unwrap(), before);
                assert_eq!(ledger.pending.len(), 1);
            }
            // root ignores the permission bits: the new entry is complete.
            Err(e) => panic!("unexpected error {e}"),
            Ok(()) => {
                let (_, stats, _) = run(dir.path(), std::slice::from_ref(&edited));
                assert_eq!(stats.reused, 1);
            }
        }
    }
}
