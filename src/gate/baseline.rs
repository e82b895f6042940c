//! The baseline file (`claims/baseline.json`, schema `claimcheck/baseline/v1`):
//! findings an editor has accepted, each with its stable finding id, the
//! claims it covers (document id, claim text and sentence — never offsets,
//! so an edit elsewhere in an article does not revive it), the reason, who
//! accepted it and when. Owns reading (a missing file is an empty
//! baseline; a corrupt one is an error that leaves the file alone),
//! matching findings, and writing atomically (temporary file + rename).

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::compare::finding::{Acceptance, StaleEntry};
use crate::compare::{Finding, Report, Verdict};

/// Schema identifier of the baseline file.
pub const BASELINE_SCHEMA: &str = "claimcheck/baseline/v1";

/// Why the baseline could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{path}: cannot read the baseline: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}:{column}: the baseline is not valid {BASELINE_SCHEMA} JSON ({message}); \
         fix or delete it, then run `claimcheck check --update-baseline`"
    )]
    Corrupt {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: unknown baseline schema {found:?} (expected {BASELINE_SCHEMA:?})")]
    Schema { path: String, found: String },
    #[error("{path}: cannot write the baseline: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The accepted findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub findings: Vec<Entry>,
}

impl Default for Baseline {
    fn default() -> Self {
        Baseline {
            schema: BASELINE_SCHEMA.to_string(),
            findings: Vec::new(),
        }
    }
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The finding id (`claimcheck check` prints it).
    pub id: String,
    pub verdict: Verdict,
    /// The topic when accepted, for people reading the file.
    pub topic: String,
    /// The claims it covers, sorted.
    pub claims: Vec<EntryClaim>,
    pub reason: String,
    pub by: String,
    pub date: NaiveDate,
}

/// A claim covered by an entry: where and what, not at which offset.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryClaim {
    pub doc: String,
    pub text: String,
    /// The sentence, whitespace collapsed.
    pub sentence: String,
}

impl Entry {
    /// The acceptance recorded for a finding's gate status.
    pub fn acceptance(&self) -> Acceptance {
        Acceptance {
            reason: self.reason.clone(),
            by: self.by.clone(),
            date: self.date,
        }
    }

    /// Whether this entry accepts `finding`: same id and the same claims.
    pub fn matches(&self, finding: &Finding) -> bool {
        self.id == finding.id
            && self.verdict == finding.verdict
            && self.claims == claims_of(finding)
    }
}

/// The claims of a finding as the baseline stores them, sorted and deduplicated.
pub fn claims_of(finding: &Finding) -> Vec<EntryClaim> {
    let mut claims: Vec<EntryClaim> = finding
        .claims
        .iter()
        .map(|c| EntryClaim {
            doc: c.framed.doc.clone(),
            text: c.framed.claim.text.clone(),
            sentence: c
                .framed
                .claim
                .sentence
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    claims.sort();
    claims.dedup();
    claims
}

/// Gives a temporary file that will replace `path` the permissions of the
/// file it replaces, or read/write for the owner and read for others (a
/// temporary file starts private): an atomic replace must not make a shared
/// file unreadable.
pub fn keep_permissions(temp: &std::fs::File, path: &Path) -> std::io::Result<()> {
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(temp)?,
    };
    temp.set_permissions(permissions)
}

#[cfg(unix)]
fn default_permissions(_: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(temp: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    temp.metadata().map(|m| m.permissions())
}

/// serde_json's message without its trailing " at line L column C" (the
/// location is printed in front).
fn without_location(message: &str) -> String {
    match message.rsplit_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => message.to_string(),
    }
}

impl Baseline {
    /// Reads a baseline; a file that does not exist is an empty baseline.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Baseline::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Baseline::default()),
            Err(source) => Err(BaselineError::Read {
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// Parses baseline JSON read from `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Baseline, BaselineError> {
        let baseline: Baseline =
            serde_json::from_str(text).map_err(|e| BaselineError::Corrupt {
                path: path.display().to_string(),
                line: e.line(),
                column: e.column().max(1),
                message: without_location(&e.to_string()),
            })?;
        if baseline.schema != BASELINE_SCHEMA {
            return Err(BaselineError::Schema {
                path: path.display().to_string(),
                found: baseline.schema,
            });
        }
        Ok(baseline)
    }

    /// The entry that accepts `finding`, if any.
    pub fn find(&self, finding: &Finding) -> Option<&Entry> {
        self.findings.iter().find(|e| e.matches(finding))
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.findings.iter().find(|e| e.id == id)
    }

    /// Entries that match no finding of `findings`.
    pub fn stale(&self, findings: &[Finding]) -> Vec<StaleEntry> {
        self.findings
            .iter()
            .filter(|e| !findings.iter().any(|f| e.matches(f)))
            .map(|e| {
                let mut docs: Vec<String> = e.claims.iter().map(|c| c.doc.clone()).collect();
                docs.dedup();
                let changed_into = findings
                    .iter()
                    .find(|f| {
                        let claims = claims_of(f);
                        e.claims.iter().any(|c| claims.binary_search(c).is_ok())
                    })
                    .map(|f| f.id.clone());
                StaleEntry {
                    id: e.id.clone(),
                    topic: e.topic.clone(),
                    docs,
                    reason: e.reason.clone(),
                    changed_into,
                }
            })
            .collect()
    }

    /// Accepts `finding` (replacing an entry with the same id).
    pub fn accept(&mut self, finding: &Finding, reason: &str, by: &str, date: NaiveDate) {
        self.findings.retain(|e| e.id != finding.id);
        self.findings.push(Entry {
            id: finding.id.clone(),
            verdict: finding.verdict,
            topic: finding.topic.clone(),
            claims: claims_of(finding),
            reason: reason.to_string(),
            by: by.to_string(),
            date,
        });
        self.findings.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// The baseline of `--update-baseline`: every finding of `report` that
    /// fails the gate or is already accepted, keeping the reason, author
    /// and date of entries that still match; stale entries are dropped.
    pub fn updated(&self, report: &Report, reason: &str, by: &str, date: NaiveDate) -> Baseline {
        let mut next = Baseline::default();
        for f in &report.findings {
            let status = report.status(&f.id);
            match self.find(f) {
                Some(entry) => next.findings.push(entry.clone()),
                None if status.is_some_and(|s| s.fails_gate) => next.accept(f, reason, by, date),
                None => {}
            }
        }
        next.findings.sort_by(|a, b| a.id.cmp(&b.id));
        next.findings.dedup_by(|a, b| a.id == b.id);
        next
    }

    /// Pretty JSON with a final newline, entries sorted by id (a stable diff).
    pub fn to_json(&self) -> String {
        let mut sorted = self.clone();
        sorted.findings.sort_by(|a, b| a.id.cmp(&b.id));
        let mut s = serde_json::to_string_pretty(&sorted).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Writes the baseline atomically: a temporary file beside `path`,
    /// synced, then renamed over it. On any error the old file is intact.
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let err = |source| BaselineError::Write {
            path: path.display().to_string(),
            source,
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(err)?;
        let mut temp = tempfile::Builder::new()
            .prefix(".baseline-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(err)?;
        temp.write_all(self.to_json().as_bytes()).map_err(err)?;
        keep_permissions(temp.as_file(), path).map_err(err)?;
        temp.as_file().sync_all().map_err(err)?;
        temp.persist(path).map_err(|e| err(e.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gate::tests::{claim, finding, report};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 5, 1).unwrap_or_default()
    }

    fn conflict(second: &str, sentence: &str) -> Finding {
        finding(
            Verdict::Conflict,
            vec![
                claim("a", "Four people", "Four people  were\nkilled.", 3),
                claim("b", second, sentence, 5),
            ],
        )
    }

    #[test]
    fn matches_by_id_and_claims_not_offsets() {
        let f = conflict("Six people", "Six people were killed.");
        let mut b = Baseline::default();
        b.accept(&f, "ok", "ed", day());
        // Same text on another line, at another offset: still accepted.
        let mut moved = f.clone();
        moved.claims[1].framed.claim.line = 40;
        moved.claims[1].framed.claim.span = crate::claim::Span::new(900, 910);
        assert!(b.find(&moved).is_some());
        for (text, sentence) in [
            ("Seven people", "Seven people were killed."),
            ("Six people", "Six people were killed on Monday."),
        ] {
            assert!(
                b.find(&conflict(text, sentence)).is_none(),
                "{text} / {sentence}"
            );
        }
        // A tampered id with the same claims does not match either.
        let mut tampered = f.clone();
        tampered.id = "0000".into();
        assert!(b.find(&tampered).is_none());
        assert_eq!(b.findings[0].claims[0].sentence, "Four people were killed.");
    }

    #[test]
    fn round_trips_and_rejects_corrupt_files() {
        let mut b = Baseline::default();
        b.accept(
            &conflict("Six people", "Six people were killed."),
            "ok",
            "ed",
            day(),
        );
        let json = b.to_json();
        assert_eq!(Baseline::parse(&json, Path::new("b.json")).ok(), Some(b));
        let bad: &[(&str, &str)] = &[
            (
                "{\"schema\": \"claimcheck/baseline/v1\", \"findings\": [",
                "b.json:1:",
            ),
            ("not json", "b.json:1:2"),
            (
                "{\"schema\": \"claimcheck/baseline/v9\", \"findings\": []}",
                "v9",
            ),
            (
                "{\"schema\": \"claimcheck/baseline/v1\", \"findings\": [], \"x\": 1}",
                "unknown field",
            ),
            ("", "b.json:1:1"),
        ];
        for (text, needle) in bad {
            let e = Baseline::parse(text, Path::new("b.json")).expect_err(text);
            assert!(e.to_string().contains(needle), "{text:?}: {e}");
        }
    }

    #[test]
    fn update_keeps_reasons_and_drops_stale_entries() {
        let kept = conflict("Six people", "Six people were killed.");
        let gone = conflict("Nine people", "Nine people were killed.");
        let new = conflict("Ten people", "Ten people were killed.");
        let mut old = Baseline::default();
        old.accept(&kept, "desk checked", "ann", day());
        old.accept(&gone, "old", "ann", day());
        let mut r = report(vec![kept.clone(), new.clone()]);
        crate::gate::apply(&mut r, &old, &[], crate::gate::FailOn::Conflict);
        let later = NaiveDate::from_ymd_opt(2025, 1, 2).unwrap_or_default();
        let next = old.updated(&r, "baselined", "bob", later);
        let got: Vec<(&str, &str, &str)> = next
            .findings
            .iter()
            .map(|e| (e.id.as_str(), e.reason.as_str(), e.by.as_str()))
            .collect();
        let mut want = vec![
            (kept.id.as_str(), "desk checked", "ann"),
            (new.id.as_str(), "baselined", "bob"),
        ];
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn save_is_atomic_and_load_of_missing_file_is_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("claims/baseline.json");
        assert_eq!(Baseline::load(&path).ok(), Some(Baseline::default()));
        let mut b = Baseline::default();
        b.accept(
            &conflict("Six people", "Six people were killed."),
            "ok",
            "ed",
            day(),
        );
        b.save(&path).expect("saved");
        assert_eq!(Baseline::load(&path).ok(), Some(b));
        let leftovers = std::fs::read_dir(path.parent().unwrap_or(dir.path()))
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }
}
