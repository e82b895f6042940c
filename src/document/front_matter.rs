//! Front matter: the metadata block between `---` lines at the top of a
//! Markdown article (`title`, `date`/`published`, `source`, `url`).
//!
//! A small YAML subset: one `key: value` per line, values optionally quoted;
//! other keys, comments and list items are ignored. The body starts after the
//! closing line, so claim spans stay offsets into the file's bytes.

use chrono::NaiveDate;

use super::published::parse_date;

/// Keys that hold the publication date.
const DATE_KEYS: &[&str] = &["date", "published", "dct"];

/// Lines that close the block (`---`, or YAML's document end `...`).
const CLOSING_LINES: &[&str] = &["---", "..."];

/// The metadata read from a front matter block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Byte offset just after the closing line.
    pub body_start: usize,
}

/// Why a front matter block could not be read; `line` is 1-based in the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FrontMatterError {
    #[error("front matter opened with `---` on line {line} is never closed")]
    Unclosed { line: usize },
    #[error("front matter line {line}: `{key}` is not a date: {value:?}")]
    BadDate {
        line: usize,
        key: String,
        value: String,
    },
}

/// Reads the front matter that starts at byte `from` (after a byte-order
/// mark, if any). `Ok(None)` when the text does not open with a `---` line.
pub fn parse(text: &str, from: usize) -> Result<Option<FrontMatter>, FrontMatterError> {
    let Some(rest) = text.get(from..) else {
        return Ok(None);
    };
    let mut lines = LinesWithOffsets::new(rest);
    match lines.next() {
        Some((_, first)) if first.trim_end() == "---" => {}
        _ => return Ok(None),
    }
    let mut meta = FrontMatter::default();
    for (line_no, (end, line)) in (2..).zip(lines) {
        let line = line.trim_end();
        if CLOSING_LINES.contains(&line) {
            meta.body_start = from + end;
            return Ok(Some(meta));
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = unquote(value.trim());
        if value.is_empty() || line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if DATE_KEYS.contains(&key.as_str()) {
            let date = parse_date(value).ok_or_else(|| FrontMatterError::BadDate {
                line: line_no,
                key: key.clone(),
                value: value.to_string(),
            })?;
            // `published` wins over `date` when both are given.
            if meta.published.is_none() || key == "published" {
                meta.published = Some(date);
            }
            continue;
        }
        let slot = match key.as_str() {
            "title" => &mut meta.title,
            "source" => &mut meta.source,
            "url" | "link" => &mut meta.url,
            _ => continue,
        };
        *slot = Some(value.to_string());
    }
    Err(FrontMatterError::Unclosed { line: 1 })
}

/// Strips one pair of matching quotes.
fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// Lines of a text with the byte offset just after each line's newline.
struct LinesWithOffsets<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> LinesWithOffsets<'a> {
    fn new(text: &'a str) -> Self {
        LinesWithOffsets { text, pos: 0 }
    }
}

impl<'a> Iterator for LinesWithOffsets<'a> {
    /// (offset after the line's end, the line without its newline)
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        let (line, used) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += used;
        Some((self.pos, line.strip_suffix('\r').unwrap_or(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_body_start() {
        let text = "---\ntitle: \"Kagame visits\"\ndate: 2017-07-09\nsource: Example Post\nurl: https://example.org/a?b=1\ntags: [a, b]\n---\nBody.";
        let fm = parse(text, 0).unwrap().unwrap();
        assert_eq!(fm.title.as_deref(), Some("Kagame visits"));
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2017, 7, 9));
        assert_eq!(fm.source.as_deref(), Some("Example Post"));
        assert_eq!(fm.url.as_deref(), Some("https://example.org/a?b=1"));
        assert_eq!(&text[fm.body_start..], "Body.");
    }

    #[test]
    fn date_forms_and_priority() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            (
                "---\ndate: March 20, 2018\n---\n",
                NaiveDate::from_ymd_opt(2018, 3, 20),
            ),
            (
                "---\npublished: '20 March 2018'\n---\n",
                NaiveDate::from_ymd_opt(2018, 3, 20),
            ),
            (
                "---\npublished: 2018-03-21\ndate: 2018-03-20\n---\n",
                NaiveDate::from_ymd_opt(2018, 3, 21),
            ),
            (
                "---\nDate: 2018-03-20T08:00:00Z\n---\n",
                NaiveDate::from_ymd_opt(2018, 3, 20),
            ),
            ("---\ntitle: x\n---\n", None),
        ];
        for &(text, want) in cases {
            assert_eq!(parse(text, 0).unwrap().unwrap().published, want, "{text:?}");
        }
    }

    #[test]
    fn crlf_and_bom_offsets() {
        let text = "\u{feff}---\r\ntitle: T\r\n...\r\nBody";
        let fm = parse(text, 3).unwrap().unwrap();
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(&text[fm.body_start..], "Body");
    }

    #[test]
    fn no_front_matter() {
        for text in [
            "Body only.",
            "",
            "--- not a fence\n---\n",
            "\n---\ntitle: x\n---\n",
        ] {
            assert_eq!(parse(text, 0), Ok(None), "{text:?}");
        }
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse("---\ntitle: x\nBody without a fence.\n", 0),
            Err(FrontMatterError::Unclosed { line: 1 })
        );
        assert_eq!(
            parse("---\ntitle: x\ndate: next Tuesday\n---\n", 0),
            Err(FrontMatterError::BadDate {
                line: 3,
                key: "date".into(),
                value: "next Tuesday".into()
            })
        );
        assert_eq!(parse("---", 0), Err(FrontMatterError::Unclosed { line: 1 }));
    }
}
