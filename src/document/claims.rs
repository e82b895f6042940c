//! Claims records as input: documents that arrive with their claims already
//! extracted, so `check` can compare them without extracting again.
//!
//! Three shapes of `claimcheck/claims/v1` are read: claim lines (`extract
//! --format jsonl`: one claim per line with its document's id in `doc`, the
//! first line of each document carrying the document in `document`),
//! gathered by [`ClaimLines`]; a JSON Lines record holding a whole document
//! (`{"id", "path", …, "claims": [...]}`, told apart from an article by its
//! `claims` array); and the whole object (`extract --format json`, a ledger
//! file: `{"schema": "claimcheck/claims/v1", "documents": [...]}`).
//!
//! A record without `text` (a ledger file, or output of an older
//! claimcheck) gets a stand-in text: blanks with each claim's sentence at its
//! `sentence_span`, so spans, sentences and line-free evidence still hold.
//! Every claim is checked against the text (its span must slice out its
//! `text`, inside its sentence); a record that fails is an error, never a
//! panic later.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::Document;
use crate::claim::{CLAIMS_SCHEMA, Claim};

/// Longest stand-in text built from claim sentences (bytes): a record whose
/// sentence spans reach further is refused rather than allocated.
const MAX_STAND_IN: usize = 256 << 20;

/// One document of a claims file, as `extract` writes it.
#[derive(Debug, Deserialize)]
struct Record {
    id: Value,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<NaiveDate>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    body_start: Option<usize>,
    #[serde(default)]
    text: Option<String>,
    claims: Vec<Claim>,
}

/// A whole `claimcheck/claims/v1` object.
#[derive(Debug, Deserialize)]
struct File {
    schema: String,
    documents: Vec<Value>,
}

/// True when a JSON Lines record is a document with its claims rather than
/// an article: it has a `claims` array.
pub fn is_claims_record(map: &serde_json::Map<String, Value>) -> bool {
    matches!(map.get("claims"), Some(Value::Array(_)))
}

/// A document and its claims from one record; `at` names it (`file:LINE`)
/// when the record has no `path`. `--published` does not apply: the claims
/// were resolved against the date the record carries.
pub fn from_record(value: Value, at: &str) -> Result<(Document, Vec<Claim>), String> {
    let record: Record =
        serde_json::from_value(value).map_err(|e| format!("invalid claims record: {e}"))?;
    let id = match &record.id {
        Value::String(s) if !s.trim().is_empty() => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return Err("claims record: \"id\" is not a string or number".to_string()),
    };
    let text = match record.text {
        Some(text) => text,
        None => stand_in_text(&record.claims)?,
    };
    let body_start = record.body_start.unwrap_or(0);
    if !text.is_char_boundary(body_start) {
        return Err(format!(
            "claims record {id:?}: body_start {body_start} is not a character boundary of its text"
        ));
    }
    for claim in &record.claims {
        check_claim(claim, &text).map_err(|e| format!("claims record {id:?}: {e}"))?;
    }
    let document = Document {
        path: record.path.unwrap_or_else(|| at.to_string()),
        id,
        title: record.title,
        published: record.published,
        source: record.source,
        url: record.url,
        text,
        body_start,
    };
    Ok((document, record.claims))
}

/// One record of a whole claims file: the document and its claims, or where
/// it is (`path#N`) and what is wrong with it.
pub type FileRecord = Result<(Document, Vec<Claim>), (String, String)>;

/// True for a claim line of `extract --format jsonl`: it names its document
/// in `doc` and has a claim `kind`.
pub fn is_claim_line(map: &Map<String, Value>) -> bool {
    map.contains_key("doc") && map.contains_key("kind")
}

/// Gathers consecutive claim lines of one document into a record: a line
/// naming another document finishes the one before. Holds one document's
/// claims at a time, so a stream of any length is read in bounded memory.
#[derive(Debug, Default)]
pub struct ClaimLines {
    /// The document being gathered: its record so far (`document` fields
    /// and `id`), its claims, and where its first line is (`file:LINE`).
    open: Option<(Map<String, Value>, Vec<Value>, String)>,
}

impl ClaimLines {
    /// Adds one claim line read at `at`; returns the previous document
    /// when this line starts another.
    pub fn push(&mut self, mut line: Map<String, Value>, at: &str) -> Option<FileRecord> {
        let id = line.remove("doc").unwrap_or(Value::Null);
        let head = line.remove("document");
        let same = self
            .open
            .as_ref()
            .is_some_and(|(record, _, _)| record.get("id") == Some(&id));
        let finished = if same { None } else { self.finish() };
        let (_, claims, _) = self.open.get_or_insert_with(|| {
            let mut record = match head {
                Some(Value::Object(fields)) => fields,
                _ => Map::new(),
            };
            record.insert("id".to_string(), id);
            (record, Vec::new(), at.to_string())
        });
        claims.push(Value::Object(line));
        finished
    }

    /// The document being gathered, if any, as a record.
    pub fn finish(&mut self) -> Option<FileRecord> {
        let (mut record, claims, at) = self.open.take()?;
        record.insert("claims".to_string(), Value::Array(claims));
        Some(from_record(Value::Object(record), &at).map_err(|e| (at, e)))
    }
}

/// The records of a whole claims/v1 object, each a document or an error
/// message naming it (`path#N`, 1-based).
pub fn from_file(bytes: &[u8], path: &str) -> Result<Vec<FileRecord>, String> {
    let file: File =
        serde_json::from_slice(bytes).map_err(|e| format!("invalid claims file: {e}"))?;
    if file.schema != CLAIMS_SCHEMA {
        return Err(format!("schema {:?} is not {CLAIMS_SCHEMA:?}", file.schema));
    }
    Ok(file
        .documents
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let at = format!("{path}#{}", i + 1);
            from_record(v, &at).map_err(|e| (at, e))
        })
        .collect())
}

/// A claim must slice its own text out of the document, inside its sentence.
fn check_claim(claim: &Claim, text: &str) -> Result<(), String> {
    let (span, sentence) = (claim.span, claim.sentence_span);
    let ok = text.get(span.start..span.end) == Some(claim.text.as_str())
        && text.get(sentence.start..sentence.end) == Some(claim.sentence.as_str())
        && sentence.start <= span.start
        && span.end <= sentence.end;
    if ok {
        Ok(())
    } else {
        Err(format!(
            "claim {:?} does not match the text at its span {}-{}",
            claim.text, span.start, span.end
        ))
    }
}

/// Blanks with every claim sentence written at its span: the evidence a
/// record without `text` still carries. Conflicting sentences are left as
/// they fall; [`check_claim`] then refuses the record.
fn stand_in_text(claims: &[Claim]) -> Result<String, String> {
    let len = claims
        .iter()
        .map(|c| c.sentence_span.end)
        .max()
        .unwrap_or(0);
    if len > MAX_STAND_IN {
        return Err(format!(
            "claims record without text: sentence spans reach byte {len}, beyond what is rebuilt"
        ));
    }
    let mut bytes = vec![b' '; len];
    for c in claims {
        let s = c.sentence_span;
        if s.end.saturating_sub(s.start) == c.sentence.len()
            && let Some(slot) = bytes.get_mut(s.start..s.end)
        {
            slot.copy_from_slice(c.sentence.as_bytes());
        }
    }
    // Sentences written over each other can cut a character in two.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn record_of(doc: &Document, with_text: bool) -> Value {
        let claims = extract(doc);
        let mut v = serde_json::json!({
            "id": doc.id, "path": doc.path, "title": doc.title,
            "published": doc.published, "claims": claims,
        });
        if with_text {
            v["text"] = Value::String(doc.text.clone());
            v["body_start"] = serde_json::json!(doc.body_start);
        }
        v
    }

    fn sample() -> Document {
        let mut doc = Document::from_text(
            "a",
            "The ministry paid $3,500 per person.\nLast week 98% of the 1,200 workers returned.",
        );
        doc.published = NaiveDate::from_ymd_opt(2018, 3, 20);
        doc
    }

    #[test]
    fn records_round_trip_with_and_without_text() {
        let doc = sample();
        let (back, claims) = from_record(record_of(&doc, true), "x:1").unwrap();
        assert_eq!(back, doc);
        assert_eq!(claims, extract(&doc));
        let (stand_in, claims) = from_record(record_of(&doc, false), "x:1").unwrap();
        assert_eq!(claims, extract(&doc));
        for c in &claims {
            assert_eq!(&stand_in.text[c.span.start..c.span.end], c.text);
        }
        assert_ne!(stand_in.text, doc.text);
    }

    #[test]
    fn bad_records_are_errors() {
        let doc = sample();
        type Edit = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(Edit, &str)> = vec![
            (Box::new(|v| v["id"] = Value::Null), "\"id\""),
            (
                Box::new(|v| v["claims"] = serde_json::json!(5)),
                "invalid claims record",
            ),
            (
                Box::new(|v| v["claims"][0]["span"]["start"] = serde_json::json!(1)),
                "does not match",
            ),
            (
                Box::new(|v| v["claims"][0]["span"]["end"] = serde_json::json!(10_000)),
                "does not match",
            ),
            (
                Box::new(|v| v["body_start"] = serde_json::json!(999)),
                "body_start",
            ),
            (
                Box::new(|v| {
                    v.as_object_mut().unwrap().remove("text");
                    v["claims"][0]["sentence_span"]["end"] = serde_json::json!(1usize << 40);
                }),
                "beyond",
            ),
        ];
        for (i, (edit, want)) in cases.iter().enumerate() {
            let mut v = record_of(&doc, true);
            edit(&mut v);
            let err = from_record(v, "x:1").expect_err(&format!("case {i}"));
            assert!(err.contains(want), "case {i}: {err}");
        }
    }

    #[test]
    fn whole_files_need_the_schema() {
        let doc = sample();
        let good = serde_json::json!({"schema": CLAIMS_SCHEMA, "documents": [record_of(&doc, true), {"id": 1}]});
        let got = from_file(good.to_string().as_bytes(), "c.json").unwrap();
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        assert_eq!(got[1].as_ref().unwrap_err().0, "c.json#2");
        let other = serde_json::json!({"schema": "claimcheck/report/v1", "documents": []});
        assert!(
            from_file(other.to_string().as_bytes(), "r.json")
                .unwrap_err()
                .contains("report/v1")
        );
        assert!(from_file(b"{", "x.json").unwrap_err().contains("invalid"));
    }
}
