//! Reference facts: trusted figures pinned by editors in `claims/reference/`
//! (schema `claimcheck/reference/v1`, see `docs/reference-facts.md`).
//!
//! Each fact becomes a [`FramedClaim`] compared exactly like an article's
//! claim (document id `reference:<file stem>`), plus an event item for the
//! period it covers, so dated statements ("has recently supplied", "no sales
//! since then") are checked against it too. A fact with value 0 is a denial
//! ("no deliveries registered 2014–2025").

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::claim::{Claim, Kind, Qualifier, Span, Value};
use crate::compare::align::REFERENCE_PREFIX;
use crate::frame::{Frame, FramedClaim, Lexicon, Period, Polarity, entity, predicate};

/// Schema identifier of reference files.
pub const REFERENCE_SCHEMA: &str = "claimcheck/reference/v1";

/// A reference file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: schema is {found:?}, expected {REFERENCE_SCHEMA:?}")]
    Schema { path: String, found: String },
}

#[derive(Debug, Clone, Deserialize)]
struct File {
    schema: String,
    #[serde(default)]
    source: Option<String>,
    facts: Vec<Fact>,
}

#[derive(Debug, Clone, Deserialize)]
struct Fact {
    id: String,
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    object: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    entity: Vec<String>,
    predicate: String,
    time: TimeRange,
    value: NumberRange,
    unit: String,
    #[serde(default)]
    noun: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct TimeRange {
    start: NaiveDate,
    end: NaiveDate,
}

#[derive(Debug, Clone, Deserialize)]
struct NumberRange {
    low: Option<f64>,
    high: Option<f64>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// The facts of one reference file, framed.
#[derive(Debug, Clone)]
pub struct ReferenceSet {
    /// `reference:<file stem>`.
    pub id: String,
    pub path: PathBuf,
    pub source: Option<String>,
    pub items: Vec<FramedClaim>,
}

/// Loads every `*.json` file of a directory, in name order.
pub fn load_dir(dir: &Path, lex: &Lexicon) -> Result<Vec<ReferenceSet>, ReferenceError> {
    let io = |e| ReferenceError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load_file(p, lex)).collect()
}

/// Loads one reference file.
pub fn load_file(path: &Path, lex: &Lexicon) -> Result<ReferenceSet, ReferenceError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ReferenceError::Io {
        path: shown.clone(),
        source: e,
    })?;
    let stem = path
        .file_stem()
        .map_or("reference".into(), |s| s.to_string_lossy().into_owned());
    let mut set = parse(&text, &stem, lex).map_err(|e| match e {
        ReferenceError::Parse {
            line,
            column,
            message,
            ..
        } => ReferenceError::Parse {
            path: shown.clone(),
            line,
            column,
            message,
        },
        ReferenceError::Schema { found, .. } => ReferenceError::Schema {
            path: shown.clone(),
            found,
        },
        other => other,
    })?;
    set.path = path.to_path_buf();
    Ok(set)
}

/// Parses a reference file's text; `stem` names the set.
pub fn parse(text: &str, stem: &str, lex: &Lexicon) -> Result<ReferenceSet, ReferenceError> {
    let file: File = serde_json::from_str(text).map_err(|e| ReferenceError::Parse {
        path: stem.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if file.schema != REFERENCE_SCHEMA {
        return Err(ReferenceError::Schema {
            path: stem.to_string(),
            found: file.schema,
        });
    }
    let doc = format!("{REFERENCE_PREFIX}{stem}");
    let items = file
        .facts
        .iter()
        .flat_map(|f| fact_items(f, &doc, file.source.as_deref(), lex))
        .collect();
    Ok(ReferenceSet {
        id: doc,
        path: PathBuf::from(stem),
        source: file.source,
        items,
    })
}

/// The kind of claim a fact's unit makes.
fn kind_of(unit: &str) -> Kind {
    match unit {
        "%" | "pp" => Kind::Percent,
        "count" => Kind::Count,
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" => {
            Kind::Duration
        }
        u if u == "TIV" || (u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase())) => {
            Kind::Money
        }
        _ => Kind::Measure,
    }
}

fn fact_items(
    fact: &Fact,
    doc: &str,
    file_source: Option<&str>,
    lex: &Lexicon,
) -> Vec<FramedClaim> {
    let source = fact
        .source
        .as_deref()
        .or(file_source)
        .unwrap_or("reference");
    // The attribution is the named organisation in the source ("SIPRI").
    let attribution = entity::mentions(source, lex)
        .into_iter()
        .map(|m| m.name)
        .find(|n| !lex.is_place(n))
        .unwrap_or_else(|| source.to_string());
    let mut entities: Vec<String> = Vec::new();
    for e in fact
        .subject
        .iter()
        .chain(fact.object.iter())
        .chain(fact.entity.iter())
    {
        let canonical = lex.alias(e).map_or(e.clone(), str::to_string);
        if canonical != attribution && !entities.contains(&canonical) {
            entities.push(canonical);
        }
    }
    let found = predicate::predicate(&fact.predicate, 0, lex);
    let period = Period::closed(fact.time.start, fact.time.end);
    let zero = fact.value.low == Some(0.0) && fact.value.high == Some(0.0);
    let text = fact
        .text
        .clone()
        .unwrap_or_else(|| format!("{} {}", fact.value.low.unwrap_or(0.0), fact.unit));
    let sentence = match &fact.note {
        Some(note) => format!("{source}: {text}. {note}"),
        None => format!("{source}: {text}."),
    };
    let frame = Frame {
        entities,
        predicate: found.name,
        predicate_words: found.words,
        time: Some(period),
        attribution: Some(attribution),
        polarity: if zero {
            Polarity::Denied
        } else {
            Polarity::Asserted
        },
        context: Default::default(),
        ages: Default::default(),
    };
    let kind = kind_of(&fact.unit);
    let claim =
        |id: String, kind: Kind, text: String, value: Option<Value>, unit: Option<String>| Claim {
            id,
            kind,
            text,
            span: Span::new(0, 0),
            line: 1,
            column: 1,
            value,
            unit,
            qualifier: if fact.value.low == fact.value.high {
                Qualifier::Exact
            } else {
                Qualifier::Range
            },
            sentence: sentence.clone(),
            sentence_span: Span::new(0, 0),
            noun: fact.noun.clone(),
            normalized: None,
            relative: false,
            anchor: None,
            time: None,
        };
    let mut out = Vec::new();
    if !zero {
        let unit = (kind != Kind::Count).then(|| fact.unit.clone());
        out.push(FramedClaim {
            claim: claim(
                format!("{REFERENCE_PREFIX}{}", fact.id),
                kind,
                text.clone(),
                Some(Value::between(fact.value.low, fact.value.high)),
                unit,
            ),
            doc: doc.to_string(),
            frame: frame.clone(),
        });
    }
    // The period as an event: deliveries happened (or, for 0, did not).
    let event_text = format!("{} {}", fact.predicate, period.label());
    out.push(FramedClaim {
        claim: claim(
            format!("{REFERENCE_PREFIX}{}#period", fact.id),
            Kind::Date,
            event_text,
            Some(Value::dates(fact.time.start, fact.time.end)),
            Some("period".to_string()),
        ),
        doc: doc.to_string(),
        frame,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
      "schema": "claimcheck/reference/v1",
      "source": "Arms register extract",
      "facts": [
        {"id": "x-2013", "subject": "Israel", "object": "Rwanda", "entity": ["Israel", "Rwanda", "SIPRI"],
         "predicate": "arms deliveries", "time": {"start": "2013-01-01", "end": "2013-12-31"},
         "value": {"low": 12750000, "high": 12750000}, "text": "TIV 12.75 million", "unit": "TIV",
         "source": "SIPRI Arms Transfers Database", "note": "guns and tanks"},
        {"id": "x-after", "entity": "Rwanda", "subject": "Israeli", "predicate": "arms deliveries",
         "time": {"start": "2014-01-01", "end": "2025-12-31"}, "value": {"low": 0, "high": 0},
         "unit": "TIV", "source": "SIPRI Arms Transfers Database", "extra": "ignored"}
      ]
    }"#;

    #[test]
    fn facts_become_framed_items() {
        let set = parse(FILE, "sipri", &Lexicon::default()).unwrap();
        assert_eq!(set.id, "reference:sipri");
        let ids: Vec<&str> = set.items.iter().map(|i| i.claim.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "reference:x-2013",
                "reference:x-2013#period",
                "reference:x-after#period"
            ]
        );
        let money = &set.items[0];
        assert_eq!(money.claim.kind, Kind::Money);
        assert_eq!(money.claim.unit.as_deref(), Some("TIV"));
        assert_eq!(money.frame.entities, ["Israel", "Rwanda"]);
        assert_eq!(money.frame.predicate.as_deref(), Some("arms"));
        assert_eq!(money.frame.attribution.as_deref(), Some("SIPRI"));
        assert!(money.claim.sentence.contains("guns and tanks"));
        let after = &set.items[2];
        assert_eq!(after.claim.kind, Kind::Date);
        assert_eq!(after.frame.polarity, Polarity::Denied);
        assert_eq!(after.frame.entities, ["Israel", "Rwanda"]);
    }

    #[test]
    fn bad_files_are_typed_errors() {
        let lex = Lexicon::default();
        assert!(matches!(
            parse("{", "x", &lex),
            Err(ReferenceError::Parse { .. })
        ));
        assert!(matches!(
            parse(r#"{"schema": "other/v9", "facts": []}"#, "x", &lex),
            Err(ReferenceError::Schema { .. })
        ));
        let missing = r#"{"schema": "claimcheck/reference/v1", "facts": [{"id": "a"}]}"#;
        let err = parse(missing, "x", &lex)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("missing field"), "{err}");
    }
}
