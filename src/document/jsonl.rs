//! JSON Lines documents: one article per line, `{"id", "text", …}`.
//!
//! Accepted fields: `id` (string or number; defaults to `<file stem>-<line>`),
//! `text` (alias `content`), and optionally `published` (aliases `dct`,
//! `date`), `title`, `source`, `url`. Blank lines are skipped. A bad line
//! becomes one error naming the file and line; the other lines still load.
//! Claim spans are byte offsets into the record's text.

use std::io::BufRead;

use serde_json::{Map, Value};

use super::published::{detect_top, parse_date};
use super::{Document, LoadError, LoadOptions, Loaded};

/// Field names for each document field, first match wins.
const TEXT_FIELDS: &[&str] = &["text", "content"];
const PUBLISHED_FIELDS: &[&str] = &["published", "dct", "date"];
const TITLE_FIELDS: &[&str] = &["title"];
const SOURCE_FIELDS: &[&str] = &["source"];
const URL_FIELDS: &[&str] = &["url", "uri"];

/// Reads every record of a JSON Lines stream named `path` (`stem` names
/// records without an `id`), appending documents and errors to `out`.
pub fn read(reader: impl BufRead, path: &str, stem: &str, options: &LoadOptions, out: &mut Loaded) {
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.errors.push(LoadError {
                    path: path.to_string(),
                    message: format!("read failed after line {line_no}: {e}"),
                });
                break;
            }
        }
        line_no += 1;
        let at = format!("{path}:{line_no}");
        match record(&buf, &at, stem, line_no, options) {
            Ok(Some(doc)) => out.documents.push(doc),
            Ok(None) => {}
            Err(message) => out.errors.push(LoadError { path: at, message }),
        }
    }
}

/// One line: `Ok(None)` for a blank line.
fn record(
    line: &[u8],
    at: &str,
    stem: &str,
    line_no: usize,
    options: &LoadOptions,
) -> Result<Option<Document>, String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))?;
    let line = line.trim();
    if line.is_empty() {
        return Ok(None);
    }
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err("expected a JSON object with \"id\" and \"text\"".to_string());
    };
    let text = match first(&map, TEXT_FIELDS) {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("\"text\" is not a string".to_string()),
        None => return Err("missing \"text\" (or \"content\")".to_string()),
    };
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => format!("{stem}-{line_no}"),
        Some(_) => return Err("\"id\" is not a string or number".to_string()),
    };
    let published = match first(&map, PUBLISHED_FIELDS) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => {
            Some(parse_date(s).ok_or_else(|| format!("published date is not a date: {s:?}"))?)
        }
        Some(other) => return Err(format!("published date is not a date: {other}")),
    };
    let top = detect_top(&text);
    let published = options.published.or(published).or(top.map(|t| t.date));
    let body_start = top.and_then(|t| t.label_end).unwrap_or(0);
    Ok(Some(Document {
        id,
        path: at.to_string(),
        title: string(&map, TITLE_FIELDS),
        published,
        source: string(&map, SOURCE_FIELDS),
        url: string(&map, URL_FIELDS),
        text,
        body_start,
    }))
}

fn first<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .find_map(|k| map.get(*k).filter(|v| !v.is_null()))
}

fn string(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    match first(map, keys) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn load(input: &str) -> Loaded {
        let mut out = Loaded::default();
        read(
            input.as_bytes(),
            "x.jsonl",
            "x",
            &LoadOptions::default(),
            &mut out,
        );
        out
    }

    #[test]
    fn records_and_aliases() {
        let out = load(concat!(
            r#"{"id": "a", "text": "One.", "published": "2018-03-20", "title": "T", "source": "S", "url": "U"}"#,
            "\n\n",
            r#"{"id": 7, "content": "Two.", "dct": "2017-07-09T00:00:00"}"#,
            "\r\n",
            r#"{"text": "Three.", "date": null}"#,
        ));
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let got: Vec<_> = out
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d.path.as_str(), d.text.as_str(), d.published))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "a",
                    "x.jsonl:1",
                    "One.",
                    NaiveDate::from_ymd_opt(2018, 3, 20)
                ),
                (
                    "7",
                    "x.jsonl:3",
                    "Two.",
                    NaiveDate::from_ymd_opt(2017, 7, 9)
                ),
                ("x-4", "x.jsonl:4", "Three.", None),
            ]
        );
        let a = &out.documents[0];
        assert_eq!(
            (a.title.as_deref(), a.source.as_deref(), a.url.as_deref()),
            (Some("T"), Some("S"), Some("U"))
        );
    }

    #[test]
    fn bad_lines_are_errors_and_others_load() {
        let cases: &[(&str, &str)] = &[
            ("{not json", "invalid JSON"),
            ("[1, 2]", "expected a JSON object"),
            (r#"{"id": "a"}"#, "missing \"text\""),
            (r#"{"id": "a", "text": 5}"#, "not a string"),
            (r#"{"id": [1], "text": "x"}"#, "\"id\" is not"),
            (
                r#"{"id": "a", "text": "x", "published": "soon"}"#,
                "not a date",
            ),
            (r#"{"id": "a", "text": "x", "dct": 2018}"#, "not a date"),
        ];
        for &(bad, want) in cases {
            let input = format!(
                "{{\"id\":\"ok\",\"text\":\"fine\"}}\n{bad}\n{{\"id\":\"ok2\",\"text\":\"fine\"}}\n"
            );
            let out = load(&input);
            assert_eq!(out.documents.len(), 2, "{bad}");
            assert_eq!(out.errors.len(), 1, "{bad}");
            assert_eq!(out.errors[0].path, "x.jsonl:2", "{bad}");
            assert!(
                out.errors[0].message.contains(want),
                "{bad}: {}",
                out.errors[0].message
            );
        }
    }

    #[test]
    fn invalid_utf8_line() {
        let mut out = Loaded::default();
        let input: &[u8] = b"{\"id\":\"a\",\"text\":\"\xff\"}\n";
        read(input, "x.jsonl", "x", &LoadOptions::default(), &mut out);
        assert_eq!(out.documents.len(), 0);
        assert!(out.errors[0].message.contains("UTF-8"));
    }

    #[test]
    fn published_flag_overrides_and_text_dateline_is_used() {
        let flag = NaiveDate::from_ymd_opt(2020, 1, 2);
        let mut out = Loaded::default();
        #[allow(clippy::needless_update)] // LoadOptions may grow
        let opts = LoadOptions {
            published: flag,
            ..LoadOptions::default()
        };
        read(
            &br#"{"id":"a","text":"x","dct":"2018-03-20"}"#[..],
            "x.jsonl",
            "x",
            &opts,
            &mut out,
        );
        assert_eq!(out.documents[0].published, flag);
        let out = load(r#"{"id":"b","text":"Sunday, September 24, 2017\n\nBody."}"#);
        assert_eq!(
            out.documents[0].published,
            NaiveDate::from_ymd_opt(2017, 9, 24)
        );
    }
}
