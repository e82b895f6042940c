//! Which articles a CI run is about: `--changed-since REV` asks git for the
//! files changed since a revision (`git diff --name-only REV`) plus the
//! untracked ones; explicit paths name them directly. Owns running git and
//! mapping the changed files to the ids of the loaded documents, so the
//! gate reports only findings that involve them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::document::Document;

/// Why the changed files could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum ChangedError {
    #[error("cannot run git: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("`git {args}` failed: {message}")]
    Git { args: String, message: String },
}

/// Runs git in `dir` and returns its stdout.
fn git(dir: &Path, args: &[&str]) -> Result<String, ChangedError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(ChangedError::Spawn)?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(ChangedError::Git {
            args: args.join(" "),
            message: stderr
                .lines()
                .next()
                .unwrap_or("unknown error")
                .trim()
                .to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Files changed since `rev` (committed, staged or not) and untracked files
/// not ignored, as absolute paths, for the repository holding `dir`.
pub fn changed_since(rev: &str, dir: &Path) -> Result<Vec<PathBuf>, ChangedError> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(top.trim());
    let diff = git(&top, &["diff", "--name-only", "--no-renames", rev, "--"])?;
    let untracked = git(&top, &["ls-files", "--others", "--exclude-standard"])?;
    let mut files: Vec<PathBuf> = diff
        .lines()
        .chain(untracked.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| top.join(l))
        .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

/// The file a document was read from: its path, without the `:LINE` of a
/// JSON Lines record.
fn source_file(doc: &Document) -> PathBuf {
    let path = Path::new(&doc.path);
    if path.exists() {
        return path.to_path_buf();
    }
    match doc.path.rsplit_once(':') {
        Some((file, line)) if line.chars().all(|c| c.is_ascii_digit()) => PathBuf::from(file),
        _ => path.to_path_buf(),
    }
}

/// The ids of the documents read from one of `files` (compared after
/// resolving both sides to canonical paths).
pub fn documents_in(documents: &[Document], files: &[PathBuf]) -> HashSet<String> {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let files: HashSet<PathBuf> = files.iter().map(|f| canonical(f)).collect();
    documents
        .iter()
        .filter(|d| files.contains(&canonical(&source_file(d))))
        .map(|d| d.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_matched_by_canonical_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.jsonl");
        std::fs::write(&a, "x").expect("write");
        std::fs::write(&b, "{}").expect("write");
        let mut da = Document::from_text("a", "x");
        da.path = dir.path().join("./a.md").display().to_string();
        let mut db = Document::from_text("rec-7", "y");
        db.path = format!("{}:3", b.display());
        let mut dc = Document::from_text("c", "z");
        dc.path = dir.path().join("c.md").display().to_string();
        let docs = [da, db, dc];
        let got = documents_in(&docs, std::slice::from_ref(&a));
        assert_eq!(got, HashSet::from(["a".to_string()]));
        let got = documents_in(&docs, &[b, dir.path().join("gone.md")]);
        assert_eq!(got, HashSet::from(["rec-7".to_string()]));
    }
}
