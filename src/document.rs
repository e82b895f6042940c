//! Documents: one article's text and metadata, as loaded from disk or stdin.

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
        &self.text[self.body_start..]
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

/// Loads files and directories (recursively, sorted), or `-` for stdin.
pub fn load_paths(paths: &[std::path::PathBuf], options: &LoadOptions) -> Loaded {
    let _ = (paths, options);
    Loaded::default()
}
