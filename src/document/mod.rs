//! Documents: one article's text and metadata, as loaded from files,
//! directories or stdin.
//!
//! [`stream_paths`] takes the paths a user named and reports, one [`Event`]
//! at a time and in a deterministic order (paths as given; directories walked
//! recursively in sorted order), every document it could read and one
//! [`LoadError`] per file or record it could not read, so a caller can
//! process a large archive in bounded memory; [`load_paths`] collects the
//! same events into [`Loaded`]. Formats: plain text, Markdown with front
//! matter ([`front_matter`]), JSON Lines ([`jsonl`]); JSON Lines records and
//! `.json` files written by `claimcheck extract` arrive with their claims
//! ([`claims`]). Publication dates come from the `--published` option, then
//! front matter, then the top of the text ([`published`]). Nothing here prints.

pub mod claims;
pub mod front_matter;
pub mod jsonl;
pub mod published;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::claim::Claim;

/// One article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// File stem, or the record's `id` for JSON Lines.
    pub id: String,
    /// Where it was read from (`-` for stdin; `file.jsonl:LINE` for JSON Lines records).
    pub path: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The full text; claim spans are byte offsets into it.
    #[serde(skip)]
    pub text: String,
    /// Byte offset where the article body starts (after any front matter).
    #[serde(skip)]
    pub body_start: usize,
}

impl Document {
    /// A document made from a string, with no metadata.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        Document {
            path: id.clone(),
            id,
            title: None,
            published: None,
            source: None,
            url: None,
            text: text.into(),
            body_start: 0,
        }
    }

    /// The body (text after front matter).
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }
}

/// Options that apply to every document loaded in one run.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--published DATE`: overrides every other source of the publication date.
    pub published: Option<NaiveDate>,
}

/// A document that could not be loaded (the run goes on with the others),
/// or, as a warning, something skipped on purpose (a symbolic link loop).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LoadError {
    /// The file, with `:LINE` for a JSON Lines record.
    pub path: String,
    pub message: String,
}

/// One loaded document, with its claims when it was read from a claims file
/// (then they are used as they are, not extracted again).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub document: Document,
    pub claims: Option<Vec<Claim>>,
}

/// What a streaming load reports, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Document(Entry),
    /// An input that could not be read (the run should exit 2).
    Error(LoadError),
    /// An input skipped on purpose: a symbolic link loop or a broken link.
    Warning(LoadError),
}

/// Where a streaming load sends its events; `Break` stops the load.
pub type Sink<'a> = dyn FnMut(Event) -> ControlFlow<()> + 'a;

/// What one load produced: the documents in deterministic order, and the errors.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub errors: Vec<LoadError>,
    /// Inputs skipped on purpose (symbolic link loops, broken links).
    pub warnings: Vec<LoadError>,
}

impl Loaded {
    fn take(&mut self, event: Event) -> ControlFlow<()> {
        match event {
            Event::Document(e) => self.documents.push(e.document),
            Event::Error(e) => self.errors.push(e),
            Event::Warning(w) => self.warnings.push(w),
        }
        ControlFlow::Continue(())
    }
}

/// Input formats, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (front matter is read when present and well formed).
    Text,
    /// Markdown: front matter is read, and malformed front matter is an error.
    Markdown,
    /// One JSON document per line (articles, or documents with their claims);
    /// a stream that opens with a pretty-printed object is read whole as a
    /// `claimcheck/claims/v1` file.
    JsonLines,
}

/// File extensions (lower case) of each format; files with other extensions
/// are skipped when walking a directory.
const EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("text", Format::Text),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("jsonl", Format::JsonLines),
    ("ndjson", Format::JsonLines),
];

/// Extensions read only when a file is named explicitly (a directory of
/// articles often holds other JSON: configuration, reports).
const EXPLICIT_EXTENSIONS: &[(&str, Format)] = &[("json", Format::JsonLines)];

/// File stems (case-insensitive) skipped when walking a directory: the
/// project files that sit beside articles (`corpus/README.md`) are not articles.
const NOT_ARTICLES: &[&str] = &["readme", "license", "licence", "changelog", "contributing"];

/// Deepest directory nesting followed (a guard against pathological trees).
const MAX_DEPTH: usize = 64;

impl Format {
    /// The format of a known extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        EXTENSIONS
            .iter()
            .find(|(e, _)| e.eq_ignore_ascii_case(ext))
            .map(|&(_, f)| f)
    }

    /// The format of a file named explicitly: its extension's (`.json`
    /// included), plain text otherwise.
    fn of_named_file(path: &Path) -> Format {
        Format::from_path(path)
            .or_else(|| {
                let ext = path.extension()?.to_str()?;
                EXPLICIT_EXTENSIONS
                    .iter()
                    .find(|(e, _)| e.eq_ignore_ascii_case(ext))
                    .map(|&(_, f)| f)
            })
            .unwrap_or(Format::Text)
    }

    /// Guesses the format of stdin from its first bytes: JSON Lines when it
    /// opens with `{`, Markdown (front matter allowed) otherwise.
    pub fn sniff(bytes: &[u8]) -> Format {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            Format::JsonLines
        } else {
            Format::Markdown
        }
    }
}

/// True when a JSON stream opens with `{` alone on its first non-blank line,
/// as a pretty-printed object does (never a JSON Lines record).
fn opens_pretty_object(head: &[u8]) -> bool {
    let mut rest = head.iter().skip_while(|b| b.is_ascii_whitespace());
    if rest.next() != Some(&b'{') {
        return false;
    }
    for &b in rest {
        match b {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' => {}
            _ => return false,
        }
    }
    false
}

/// Loads files and directories (recursively, sorted), or `-` for stdin.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Loaded {
    let mut out = Loaded::default();
    let _ = stream_paths(paths, options, &mut |e| out.take(e));
    out
}

/// Reads files and directories (recursively, sorted), or `-` for stdin,
/// sending each document and error to `sink` as soon as it is read; stops
/// early when `sink` breaks. Only one file (or one JSON Lines record) is
/// held at a time.
pub fn stream_paths(
    paths: &[PathBuf],
    options: &LoadOptions,
    sink: &mut Sink<'_>,
) -> ControlFlow<()> {
    for path in paths {
        if path.as_os_str() == "-" {
            let stdin = std::io::stdin();
            stream_reader("-", "stdin", stdin.lock(), None, options, sink)?;
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => sink(Event::Error(LoadError {
                path: path.display().to_string(),
                message: io_message(&e),
            }))?,
            Ok(meta) if meta.is_dir() => stream_dir(path, options, sink)?,
            Ok(_) => stream_file(path, Format::of_named_file(path), options, sink)?,
        }
    }
    ControlFlow::Continue(())
}

/// Loads one stream named `path` (id `id` for non-JSONL input). `format`
/// None means sniff it from the content.
pub fn load_reader(
    path: &str,
    id: &str,
    reader: impl Read,
    format: Option<Format>,
    options: &LoadOptions,
    out: &mut Loaded,
) {
    let _ = stream_reader(path, id, reader, format, options, &mut |e| out.take(e));
}

/// [`load_reader`], sending events to `sink`.
pub fn stream_reader(
    path: &str,
    id: &str,
    reader: impl Read,
    format: Option<Format>,
    options: &LoadOptions,
    sink: &mut Sink<'_>,
) -> ControlFlow<()> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let io_error = |e: &std::io::Error| {
        Event::Error(LoadError {
            path: path.to_string(),
            message: io_message(e),
        })
    };
    let format = match format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head) => Format::sniff(head),
            Err(e) => return sink(io_error(&e)),
        },
    };
    if format == Format::JsonLines {
        match reader.fill_buf() {
            Ok(head) if opens_pretty_object(head) => {}
            Ok(_) => return jsonl::read(reader, path, id, options, sink),
            Err(e) => return sink(io_error(&e)),
        }
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return sink(io_error(&e));
    }
    if format == Format::JsonLines {
        return claims_file(&bytes, path, sink);
    }
    match text_document(id, path, bytes, format, options) {
        Ok(document) => sink(Event::Document(Entry {
            document,
            claims: None,
        })),
        Err(message) => sink(Event::Error(LoadError {
            path: path.to_string(),
            message,
        })),
    }
}

/// The documents of a whole `claimcheck/claims/v1` object.
fn claims_file(bytes: &[u8], path: &str, sink: &mut Sink<'_>) -> ControlFlow<()> {
    let records = match claims::from_file(bytes, path) {
        Ok(records) => records,
        Err(message) => {
            return sink(Event::Error(LoadError {
                path: path.to_string(),
                message,
            }));
        }
    };
    for record in records {
        sink(match record {
            Ok((document, claims)) => Event::Document(Entry {
                document,
                claims: Some(claims),
            }),
            Err((path, message)) => Event::Error(LoadError { path, message }),
        })?;
    }
    ControlFlow::Continue(())
}

fn stream_file(
    path: &Path,
    format: Format,
    options: &LoadOptions,
    sink: &mut Sink<'_>,
) -> ControlFlow<()> {
    let shown = path.display().to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    match std::fs::File::open(path) {
        Ok(file) => stream_reader(&shown, &stem, file, Some(format), options, sink),
        Err(e) => sink(Event::Error(LoadError {
            path: shown,
            message: io_message(&e),
        })),
    }
}

/// Walks a directory; an error when it holds no article files at all.
fn stream_dir(dir: &Path, options: &LoadOptions, sink: &mut Sink<'_>) -> ControlFlow<()> {
    let mut walk = Walk::default();
    walk.collect(dir, 0, &mut Vec::new());
    let quiet_failure = walk.problems.is_empty();
    for problem in walk.problems {
        sink(problem)?;
    }
    if walk.files.is_empty() && quiet_failure {
        sink(Event::Error(LoadError {
            path: dir.display().to_string(),
            message: "no articles found in directory (looked for .txt, .md, .jsonl)".to_string(),
        }))?;
    }
    for (path, format) in walk.files {
        stream_file(&path, format, options, sink)?;
    }
    ControlFlow::Continue(())
}

/// The article files under one directory, and what could not be walked.
#[derive(Default)]
struct Walk {
    files: Vec<(PathBuf, Format)>,
    /// Every directory entered, by its canonical path (each is read once).
    visited: HashSet<PathBuf>,
    problems: Vec<Event>,
}

impl Walk {
    /// Adds the article files under `dir` in sorted order; hidden entries
    /// (`.git`) are skipped. A symbolic link to a directory is followed once;
    /// one that leads back to a directory being walked (`ancestors`, by
    /// canonical path) is a loop: reported once as a warning, not followed.
    fn collect(&mut self, dir: &Path, depth: usize, ancestors: &mut Vec<PathBuf>) {
        let shown = || dir.display().to_string();
        if depth > MAX_DEPTH {
            self.problems.push(Event::Error(LoadError {
                path: shown(),
                message: format!("directories nested deeper than {MAX_DEPTH} levels"),
            }));
            return;
        }
        let real = std::fs::canonicalize(dir).ok();
        if let Some(real) = &real {
            if let Some(target) = ancestors.iter().find(|a| *a == real) {
                self.problems.push(Event::Warning(LoadError {
                    path: shown(),
                    message: format!(
                        "symbolic link loop (leads back to {}), not followed",
                        target.display()
                    ),
                }));
                return;
            }
            if !self.visited.insert(real.clone()) {
                // Reached again through another link: read once only.
                return;
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.problems.push(Event::Error(LoadError {
                    path: shown(),
                    message: io_message(&e),
                }));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        paths.sort();
        let entered = real.is_some();
        ancestors.extend(real);
        for path in paths {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.collect(&path, depth + 1, ancestors),
                // Only regular files: a FIFO named `x.txt` would block.
                Ok(meta) if meta.is_file() => {
                    if let Some(format) = Format::from_path(&path)
                        && !is_project_file(&path)
                    {
                        self.files.push((path, format));
                    }
                }
                Ok(_) => {}
                // A dangling symlink is not an article.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => self.problems.push(Event::Warning(LoadError {
                    path: path.display().to_string(),
                    message: format!("{}, skipped", io_message(&e)),
                })),
            }
        }
        if entered {
            ancestors.pop();
        }
    }
}

fn is_project_file(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| NOT_ARTICLES.iter().any(|n| n.eq_ignore_ascii_case(s)))
}

/// Builds a text or Markdown document from a file's bytes.
fn text_document(
    id: &str,
    path: &str,
    bytes: Vec<u8>,
    format: Format,
    options: &LoadOptions,
) -> Result<Document, String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary file (NUL byte at offset {at}), not an article"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("invalid UTF-8 at byte {at} (line {line})")
    })?;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let front = match front_matter::parse(&text, bom) {
        Ok(front) => front,
        Err(e) if format == Format::Markdown => return Err(e.to_string()),
        // A plain-text file that merely starts with a `---` rule.
        Err(_) => None,
    };
    let front = front.unwrap_or_default();
    let mut body_start = front.body_start.max(bom);
    // A labelled date on the first line (`date 2018-03-20 …`) is metadata,
    // not article text: the body starts after it.
    let top = published::detect_top(text.get(body_start..).unwrap_or(""));
    if let Some(end) = top.and_then(|t| t.label_end) {
        body_start += end;
    }
    let published = options
        .published
        .or(front.published)
        .or(top.map(|t| t.date));
    Ok(Document {
        id: id.to_string(),
        path: path.to_string(),
        title: front.title,
        published,
        source: front.source,
        url: front.url,
        text,
        body_start,
    })
}

/// An I/O error as a short lower-case message ("no such file or directory").
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn ids(loaded: &Loaded) -> Vec<&str> {
        loaded.documents.iter().map(|d| d.id.as_str()).collect()
    }

    #[test]
    fn walks_directories_sorted_and_skips_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/inner")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        fs::write(root.join("b/inner/z.txt"), "Z.").unwrap();
        fs::write(root.join("b/a.md"), "---\ntitle: A\n---\nA.").unwrap();
        fs::write(root.join("c.txt"), "C.").unwrap();
        fs::write(root.join("a.jsonl"), "{\"id\":\"j1\",\"text\":\"J.\"}\n").unwrap();
        fs::write(root.join("notes.csv"), "x,y").unwrap();
        fs::write(root.join("README.md"), "# About this folder").unwrap();
        fs::write(root.join(".hidden/h.txt"), "H.").unwrap();
        let loaded = load_paths(&[root.to_path_buf()], &LoadOptions::default());
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(ids(&loaded), vec!["j1", "a", "z", "c"]);
        let a = &loaded.documents[1];
        assert_eq!(a.title.as_deref(), Some("A"));
        assert_eq!(a.body(), "A.");
    }

    #[test]
    fn explicit_unknown_extension_is_text() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("story.article");
        fs::write(&p, "date 2018-03-20 Text.").unwrap();
        let loaded = load_paths(&[p], &LoadOptions::default());
        assert_eq!(ids(&loaded), vec!["story"]);
        assert_eq!(loaded.documents[0].published, date(2018, 3, 20));
        assert_eq!(loaded.documents[0].body(), "Text.");
    }

    #[test]
    fn publication_date_priority() {
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path().join("m.md");
        fs::write(&md, "---\ndate: 2018-03-21\n---\ndate 2018-03-20 Body.").unwrap();
        let txt = dir.path().join("t.txt");
        fs::write(&txt, "Sunday, September 24, 2017\n\nBody.").unwrap();
        let none = dir.path().join("n.txt");
        fs::write(&none, "Body from 2017.").unwrap();
        let paths = vec![md.clone(), txt.clone(), none.clone()];
        let loaded = load_paths(&paths, &LoadOptions::default());
        let got: Vec<_> = loaded.documents.iter().map(|d| d.published).collect();
        assert_eq!(got, vec![date(2018, 3, 21), date(2017, 9, 24), None]);
        let flag = LoadOptions {
            published: date(2020, 1, 1),
        };
        let loaded = load_paths(&paths, &flag);
        assert!(
            loaded
                .documents
                .iter()
                .all(|d| d.published == date(2020, 1, 1))
        );
    }

    #[test]
    fn bad_inputs_give_one_error_each_and_others_load() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let good = root.join("good.txt");
        fs::write(&good, "Fine.").unwrap();
        let bad_utf8 = root.join("bad.txt");
        fs::write(&bad_utf8, b"ok\n\xff\xfe").unwrap();
        let binary = root.join("bin.txt");
        fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
        let unclosed = root.join("open.md");
        fs::write(&unclosed, "---\ntitle: x\nBody.").unwrap();
        let bad_date = root.join("date.md");
        fs::write(&bad_date, "---\ndate: someday\n---\nBody.").unwrap();
        let empty_dir = root.join("empty");
        fs::create_dir(&empty_dir).unwrap();
        fs::write(empty_dir.join("image.png"), b"\x89PNG").unwrap();
        let missing = root.join("missing.txt");
        let paths = vec![
            good, bad_utf8, binary, unclosed, bad_date, empty_dir, missing,
        ];
        let loaded = load_paths(&paths, &LoadOptions::default());
        assert_eq!(ids(&loaded), vec!["good"]);
        let want: &[(&str, &str)] = &[
            ("bad.txt", "invalid UTF-8 at byte 3 (line 2)"),
            ("bin.txt", "binary file"),
            ("open.md", "never closed"),
            ("date.md", "not a date"),
            ("empty", "no articles found"),
            ("missing.txt", "no such file"),
        ];
        assert_eq!(loaded.errors.len(), want.len(), "{:?}", loaded.errors);
        for (err, (file, msg)) in loaded.errors.iter().zip(want) {
            assert!(err.path.ends_with(file), "{err:?}");
            assert!(err.message.contains(msg), "{err:?}");
        }
    }

    #[test]
    fn txt_with_rule_is_plain_text() {
        let mut out = Loaded::default();
        let text = "---\nA rule above the body.";
        load_reader(
            "t.txt",
            "t",
            text.as_bytes(),
            Some(Format::Text),
            &LoadOptions::default(),
            &mut out,
        );
        assert!(out.errors.is_empty());
        assert_eq!(out.documents[0].body_start, 0);
    }

    #[test]
    fn stdin_sniffing() {
        let opts = LoadOptions::default();
        let mut out = Loaded::default();
        load_reader(
            "-",
            "stdin",
            &b"{\"id\":\"r\",\"text\":\"T.\"}"[..],
            None,
            &opts,
            &mut out,
        );
        load_reader(
            "-",
            "stdin",
            &b"---\ntitle: S\n---\nBody."[..],
            None,
            &opts,
            &mut out,
        );
        load_reader("-", "stdin", &b"Plain."[..], None, &opts, &mut out);
        assert_eq!(ids(&out), vec!["r", "stdin", "stdin"]);
        assert_eq!(out.documents[1].title.as_deref(), Some("S"));
        assert_eq!(out.documents[0].path, "-:1");
    }

    #[test]
    fn bom_is_kept_in_text_and_skipped_in_body() {
        let mut out = Loaded::default();
        let text = "\u{feff}Body.";
        load_reader(
            "b.txt",
            "b",
            text.as_bytes(),
            Some(Format::Text),
            &LoadOptions::default(),
            &mut out,
        );
        assert_eq!(out.documents[0].text, text);
        assert_eq!(out.documents[0].body(), "Body.");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("a.txt"), "A.").unwrap();
        std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
        // Two links to one outside directory: read once, no warning.
        let other = tempfile::tempdir().unwrap();
        fs::write(other.path().join("b.txt"), "B.").unwrap();
        std::os::unix::fs::symlink(other.path(), root.join("x")).unwrap();
        std::os::unix::fs::symlink(other.path(), root.join("y")).unwrap();
        let loaded = load_paths(&[root.to_path_buf()], &LoadOptions::default());
        assert_eq!(ids(&loaded), vec!["a", "b"]);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        assert!(loaded.warnings[0].path.ends_with("loop"));
        assert!(loaded.warnings[0].message.contains("symbolic link loop"));
    }

    #[test]
    fn pretty_objects_are_told_from_json_lines() {
        let cases: &[(&str, bool)] = &[
            ("{\n  \"schema\": 1\n}", true),
            ("\n\n  {  \r\n", true),
            ("{\"id\": \"a\", \"text\": \"x\"}\n", false),
            ("{", false),
            ("[\n", false),
            ("", false),
            ("{ \"a\"\n", false),
        ];
        for &(head, want) in cases {
            assert_eq!(opens_pretty_object(head.as_bytes()), want, "{head:?}");
        }
    }

    #[test]
    fn claims_records_and_files_bring_their_claims() {
        let doc = Document::from_text("a", "The ministry paid $3,500 each.");
        let claims = crate::extract::extract(&doc);
        let record = serde_json::json!({"id": "a", "path": "a.txt", "title": null,
            "published": null, "claims": claims, "body_start": 0, "text": doc.text});
        let file =
            serde_json::json!({"schema": crate::claim::CLAIMS_SCHEMA, "documents": [record]});
        let pretty = serde_json::to_string_pretty(&file).unwrap();
        for (input, format) in [
            (format!("{record}\n"), Some(Format::JsonLines)),
            (format!("{record}\n"), None),
            (pretty.clone(), None),
            (pretty, Some(Format::JsonLines)),
        ] {
            let mut got = Vec::new();
            let _ = stream_reader(
                "c.jsonl",
                "c",
                input.as_bytes(),
                format,
                &LoadOptions::default(),
                &mut |e| {
                    got.push(e);
                    ControlFlow::Continue(())
                },
            );
            let [Event::Document(entry)] = got.as_slice() else {
                panic!("{got:?}");
            };
            assert_eq!(entry.document.path, "a.txt");
            assert_eq!(entry.claims.as_ref(), Some(&claims));
        }
    }
}
