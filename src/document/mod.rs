//! Documents: one article's text and metadata, as loaded from files,
//! directories or stdin.
//!
//! [`load_paths`] takes the paths a user named and returns every document it
//! could read, in a deterministic order (paths as given; directories walked
//! recursively in sorted order), plus one [`LoadError`] per file or record it
//! could not read. Formats: plain text, Markdown with front matter
//! ([`front_matter`]), JSON Lines ([`jsonl`]). Publication dates come from the
//! `--published` option, then front matter, then the top of the text
//! ([`published`]). Nothing here prints.

pub mod front_matter;
pub mod jsonl;
pub mod published;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

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

/// A document that could not be loaded (the run goes on with the others).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LoadError {
    /// The file, with `:LINE` for a JSON Lines record.
    pub path: String,
    pub message: String,
}

/// What one load produced: the documents in deterministic order, and the errors.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub errors: Vec<LoadError>,
}

/// Input formats, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (front matter is read when present and well formed).
    Text,
    /// Markdown: front matter is read, and malformed front matter is an error.
    Markdown,
    /// One JSON document per line.
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

/// Loads files and directories (recursively, sorted), or `-` for stdin.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Loaded {
    let mut out = Loaded::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let stdin = std::io::stdin();
            load_reader("-", "stdin", stdin.lock(), None, options, &mut out);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => out.errors.push(LoadError {
                path: path.display().to_string(),
                message: io_message(&e),
            }),
            Ok(meta) if meta.is_dir() => load_dir(path, options, &mut out),
            Ok(_) => {
                let format = Format::from_path(path).unwrap_or(Format::Text);
                load_file(path, format, options, &mut out);
            }
        }
    }
    out
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
    let mut reader = BufReader::new(reader);
    let format = match format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head) => Format::sniff(head),
            Err(e) => {
                out.errors.push(LoadError {
                    path: path.to_string(),
                    message: io_message(&e),
                });
                return;
            }
        },
    };
    if format == Format::JsonLines {
        jsonl::read(reader, path, id, options, out);
        return;
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        out.errors.push(LoadError {
            path: path.to_string(),
            message: io_message(&e),
        });
        return;
    }
    match text_document(id, path, bytes, format, options) {
        Ok(doc) => out.documents.push(doc),
        Err(message) => out.errors.push(LoadError {
            path: path.to_string(),
            message,
        }),
    }
}

fn load_file(path: &Path, format: Format, options: &LoadOptions, out: &mut Loaded) {
    let shown = path.display().to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    match std::fs::File::open(path) {
        Ok(file) => load_reader(&shown, &stem, file, Some(format), options, out),
        Err(e) => out.errors.push(LoadError {
            path: shown,
            message: io_message(&e),
        }),
    }
}

/// Walks a directory; an error when it holds no article files at all.
fn load_dir(dir: &Path, options: &LoadOptions, out: &mut Loaded) {
    let mut files = Vec::new();
    let mut visited = HashSet::new();
    let errors_before = out.errors.len();
    collect_files(dir, 0, &mut visited, &mut files, out);
    if files.is_empty() && out.errors.len() == errors_before {
        out.errors.push(LoadError {
            path: dir.display().to_string(),
            message: "no articles found in directory (looked for .txt, .md, .jsonl)".to_string(),
        });
    }
    for (path, format) in files {
        load_file(&path, format, options, out);
    }
}

/// Article files under `dir` in sorted order; hidden entries (`.git`) are
/// skipped, symlinked directories are followed once (loops are cut).
fn collect_files(
    dir: &Path,
    depth: usize,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<(PathBuf, Format)>,
    out: &mut Loaded,
) {
    let shown = || dir.display().to_string();
    if depth > MAX_DEPTH {
        out.errors.push(LoadError {
            path: shown(),
            message: format!("directories nested deeper than {MAX_DEPTH} levels"),
        });
        return;
    }
    if let Ok(real) = std::fs::canonicalize(dir)
        && !visited.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.errors.push(LoadError {
                path: shown(),
                message: io_message(&e),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        let Ok(meta) = std::fs::metadata(&path) else {
            // A dangling symlink is not an article.
            continue;
        };
        if meta.is_dir() {
            collect_files(&path, depth + 1, visited, files, out);
        } else if let Some(format) = Format::from_path(&path)
            && !is_project_file(&path)
        {
            files.push((path, format));
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
        let loaded = load_paths(&[root.to_path_buf()], &LoadOptions::default());
        assert_eq!(ids(&loaded), vec!["a"]);
    }
}
