//! JSON Lines documents: one article per line, `{"id", "text", …}`.
//!
//! Accepted fields: `id` (string or number; defaults to `<file stem>-<line>`),
//! `text` (alias `content`), and optionally `published` (aliases `dct`,
//! `date`), `title`, `source`, `url`. A record with a `claims` array is a
//! document with its claims, as `claimcheck extract --format jsonl` writes
//! it ([`super::claims`]). Blank lines are skipped. A bad line becomes one
//! error naming the file and line; the other lines still load. Records are
//! read and sent on one at a time, so a stream of any length is read in the
//! memory of its longest line. Claim spans are byte offsets into the
//! record's text.

use std::io::BufRead;
use std::ops::ControlFlow;

use serde_json::{Map, Value};

use super::published::{detect_top, parse_date};
use super::{Document, Entry, Event, LoadError, LoadOptions, Sink, claims};

/// Field names for each document field, first match wins.
const TEXT_FIELDS: &[&str] = &["text", "content"];
const PUBLISHED_FIELDS: &[&str] = &["published", "dct", "date"];
const TITLE_FIELDS: &[&str] = &["title"];
const SOURCE_FIELDS: &[&str] = &["source"];
const URL_FIELDS: &[&str] = &["url", "uri"];

/// Reads every record of a JSON Lines stream named `path` (`stem` names
/// records without an `id`), sending documents and errors to `sink` as each
/// line is read; stops when `sink` breaks.
pub fn read(
    reader: impl BufRead,
    path: &str,
    stem: &str,
    options: &LoadOptions,
    sink: &mut Sink<'_>,
) -> ControlFlow<()> {
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut gathering = claims::ClaimLines::default();
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                if let Some(done) = gathering.finish() {
                    sink(finished(done))?;
                }
                return sink(Event::Error(LoadError {
                    path: path.to_string(),
                    message: format!("read failed after line {line_no}: {e}"),
                }));
            }
        }
        line_no += 1;
        let at = format!("{path}:{line_no}");
        match record(&buf, &at, stem, line_no, options) {
            Ok(Some(Line::Claim(map))) => {
                if let Some(done) = gathering.push(map, &at) {
                    sink(finished(done))?;
                }
            }
            Ok(Some(Line::Entry(entry))) => {
                if let Some(done) = gathering.finish() {
                    sink(finished(done))?;
                }
                sink(Event::Document(entry))?;
            }
            Ok(None) => {}
            Err(message) => sink(Event::Error(LoadError { path: at, message }))?,
        }
        if buf.capacity() > 1 << 20 {
            // One huge line must not keep its buffer for the rest of the stream.
            buf = Vec::new();
        }
    }
    match gathering.finish() {
        Some(done) => sink(finished(done)),
        None => ControlFlow::Continue(()),
    }
}

/// A document gathered from claim lines, as an event.
fn finished(record: claims::FileRecord) -> Event {
    match record {
        Ok((document, claims)) => Event::Document(Entry {
            document,
            claims: Some(claims),
        }),
        Err((path, message)) => Event::Error(LoadError { path, message }),
    }
}

/// What one line holds.
enum Line {
    /// An article, or a document record with its claims.
    Entry(Entry),
    /// One claim line of `extract --format jsonl`.
    Claim(Map<String, Value>),
}

/// One line: `Ok(None)` for a blank line.
fn record(
    line: &[u8],
    at: &str,
    stem: &str,
    line_no: usize,
    options: &LoadOptions,
) -> Result<Option<Line>, String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))?;
    let line = line.trim();
    if line.is_empty() {
        return Ok(None);
    }
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(mut map) = value else {
        return Err("expected a JSON object with \"id\" and \"text\"".to_string());
    };
    if claims::is_claim_line(&map) {
        return Ok(Some(Line::Claim(map)));
    }
    if claims::is_claims_record(&map) {
        let (document, claims) = claims::from_record(Value::Object(map), at)?;
        return Ok(Some(Line::Entry(Entry {
            document,
            claims: Some(claims),
        })));
    }
    let text_field = TEXT_FIELDS
        .iter()
        .find(|k| map.get(**k).is_some_and(|v| !v.is_null()));
    let text = match text_field.and_then(|k| map.remove(*k)) {
        Some(Value::String(s)) => s,
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
    let document = Document {
        id,
        path: at.to_string(),
        title: string(&map, TITLE_FIELDS),
        published,
        source: string(&map, SOURCE_FIELDS),
        url: string(&map, URL_FIELDS),
        text,
        body_start,
    };
    Ok(Some(Line::Entry(Entry {
        document,
        claims: None,
    })))
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
    use crate::document::{Loaded, load_reader};
    use chrono::NaiveDate;

    fn load_with(input: &[u8], options: &LoadOptions) -> Loaded {
        let mut out = Loaded::default();
        load_reader(
            "x.jsonl",
            "x",
            input,
            Some(super::super::Format::JsonLines),
            options,
            &mut out,
        );
        out
    }

    fn load(input: &str) -> Loaded {
        load_with(input.as_bytes(), &LoadOptions::default())
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
        let input: &[u8] = b"{\"id\":\"a\",\"text\":\"\xff\"}\n";
        let out = load_with(input, &LoadOptions::default());
        assert_eq!(out.documents.len(), 0);
        assert!(out.errors[0].message.contains("UTF-8"));
    }

    #[test]
    fn published_flag_overrides_and_text_dateline_is_used() {
        let flag = NaiveDate::from_ymd_opt(2020, 1, 2);
        #[allow(clippy::needless_update)] // LoadOptions may grow
        let opts = LoadOptions {
            published: flag,
            ..LoadOptions::default()
        };
        let out = load_with(br#"{"id":"a","text":"x","dct":"2018-03-20"}"#, &opts);
        assert_eq!(out.documents[0].published, flag);
        let out = load(r#"{"id":"b","text":"Sunday, September 24, 2017\n\nBody."}"#);
        assert_eq!(
            out.documents[0].published,
            NaiveDate::from_ymd_opt(2017, 9, 24)
        );
    }
}
