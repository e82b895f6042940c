//! The `claimcheck/claims/v1` output of `claimcheck extract`: the schema
//! types ([`ClaimsFile`], [`DocumentClaims`]) and their renderers — `json`
//! (one object), `jsonl` (one document with its claims per line, the shape
//! of an element of `documents`), `table` (comfy-table, for people) — plus the human form of a normalised value
//! used by tables ("13,000,000 USD", "90–100 %", "2018-02-21..2018-02-28").

use std::io::{self, Write};

use chrono::NaiveDate;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde::{Deserialize, Serialize};

use crate::claim::{CLAIMS_SCHEMA, Claim, Kind, Qualifier, Value};
use crate::document::Document;

/// One `claimcheck/claims/v1` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimsFile {
    pub schema: String,
    pub documents: Vec<DocumentClaims>,
}

/// One document and its claims, an element of `documents`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentClaims {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// Ledger files only: the hash of what extraction read (id, publication
    /// date and text; see [`crate::ledger::content_hash`]).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub content_hash: Option<String>,
    /// Ledger files only: the extractor that produced the claims
    /// ([`crate::ledger::extractor_version`]).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub extractor: Option<String>,
    pub claims: Vec<Claim>,
    /// `extract` output only (not ledger files): where the body starts in
    /// `text` (after front matter or a date label).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub body_start: Option<usize>,
    /// `extract` output only (not ledger files): the document's text, which
    /// claim spans index, so `check` can read claims files alone (suppression
    /// comments, acronyms, and phrases found outside the claims' sentences).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
}

impl DocumentClaims {
    pub fn new(doc: &Document, claims: Vec<Claim>) -> Self {
        DocumentClaims {
            id: doc.id.clone(),
            path: doc.path.clone(),
            title: doc.title.clone(),
            published: doc.published,
            source: doc.source.clone(),
            url: doc.url.clone(),
            content_hash: None,
            extractor: None,
            claims,
            body_start: None,
            text: None,
        }
    }

    /// [`DocumentClaims::new`] carrying the text and body offset too (taken
    /// from `doc`): what `extract` writes, readable alone by `check`.
    pub fn with_text(doc: Document, claims: Vec<Claim>) -> Self {
        let mut out = DocumentClaims::new(&doc, claims);
        out.body_start = Some(doc.body_start);
        out.text = Some(doc.text);
        out
    }
}

impl ClaimsFile {
    pub fn new(documents: Vec<DocumentClaims>) -> Self {
        ClaimsFile {
            schema: CLAIMS_SCHEMA.to_string(),
            documents,
        }
    }
}

/// Table columns.
const HEADER: [&str; 8] = [
    "doc",
    "line:col",
    "kind",
    "as written",
    "value",
    "qualifier",
    "time",
    "sentence",
];

/// Columns that give up width, in turn, when the table must fit a terminal
/// (doc, as written, value, time), with the most each may take; the sentence
/// column takes what is left.
const SHRINKABLE: [usize; 4] = [0, 3, 4, 6];
const MAX_WIDTH: [usize; 8] = [36, 10, 8, 26, 24, 9, 28, SNIPPET_CHARS];
/// Narrowest a shrinkable column gets, and the sentence column's minimum.
const MIN_COLUMN: usize = 10;
const MIN_SENTENCE: usize = 30;
/// Borders and padding of an 8-column table: 9 rules plus 2 per column.
const TABLE_CHROME: usize = 9 + 2 * HEADER.len();

/// Longest sentence snippet shown in a table cell, in characters.
const SNIPPET_CHARS: usize = 80;

/// Writes the whole object as pretty-printed JSON, with a final newline.
pub fn write_json(out: &mut dyn Write, file: &ClaimsFile) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, file)?;
    out.write_all(b"\n")
}

/// One claim per line, each with the id of its document in `doc`. The first
/// line of each document also carries the document in `document` (its
/// fields but `id` and `claims`: path, title, published, and for `extract`
/// output `body_start` and `text`), so `check` can read the lines back on
/// their own. A document without claims writes no line.
pub fn write_jsonl(out: &mut dyn Write, file: &ClaimsFile) -> io::Result<()> {
    for doc in &file.documents {
        out.write_all(&jsonl_lines(doc)?)?;
    }
    Ok(())
}

/// The JSON Lines of one document (newlines included), so documents can be
/// serialised in parallel and written in order.
pub fn jsonl_lines(doc: &DocumentClaims) -> io::Result<Vec<u8>> {
    /// The document on its first claim line.
    #[derive(Serialize)]
    struct Head<'a> {
        path: &'a str,
        title: &'a Option<String>,
        published: &'a Option<NaiveDate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: &'a Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: &'a Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        body_start: &'a Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        text: &'a Option<String>,
    }
    #[derive(Serialize)]
    struct Line<'a> {
        doc: &'a str,
        #[serde(flatten)]
        claim: &'a Claim,
        #[serde(skip_serializing_if = "Option::is_none")]
        document: Option<Head<'a>>,
    }
    let mut out = Vec::new();
    for (i, claim) in doc.claims.iter().enumerate() {
        let document = (i == 0).then_some(Head {
            path: &doc.path,
            title: &doc.title,
            published: &doc.published,
            source: &doc.source,
            url: &doc.url,
            body_start: &doc.body_start,
            text: &doc.text,
        });
        let line = Line {
            doc: &doc.id,
            claim,
            document,
        };
        serde_json::to_writer(&mut out, &line)?;
        out.push(b'\n');
    }
    Ok(out)
}

/// A table for people: one row per claim. `width` is the terminal width, if any.
pub fn write_table(out: &mut dyn Write, file: &ClaimsFile, width: Option<u16>) -> io::Result<()> {
    let rows: Vec<[String; 8]> = file
        .documents
        .iter()
        .flat_map(|doc| doc.claims.iter().map(move |c| table_row(&doc.id, c)))
        .collect();
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_header(HEADER);
    for row in &rows {
        table.add_row(row.clone());
    }
    match width {
        Some(w) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(w);
            let widths = column_widths(&rows, usize::from(w));
            for (i, w) in widths.iter().enumerate() {
                // comfy-table's absolute width includes the cell padding.
                let w = u16::try_from(*w + 2).unwrap_or(u16::MAX);
                if let Some(column) = table.column_mut(i) {
                    column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
                }
            }
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    writeln!(out, "{table}")?;
    let (count, docs) = (rows.len(), file.documents.len());
    writeln!(
        out,
        "{count} claim{} in {docs} document{}",
        plural(count),
        plural(docs)
    )
}

fn table_row(doc: &str, c: &Claim) -> [String; 8] {
    let time = c
        .time
        .as_ref()
        .map_or(String::new(), |t| match (t.start, t.end) {
            (Some(s), Some(e)) => format!("{} ({})", one_line(&t.text), date_range(s, e)),
            _ => one_line(&t.text),
        });
    [
        doc.to_string(),
        format!("{}:{}", c.line, c.column),
        c.kind.as_str().to_string(),
        one_line(&c.text),
        human_value(c),
        qualifier_name(c.qualifier).to_string(),
        time,
        snippet(&c.sentence, SNIPPET_CHARS),
    ]
}

/// Column content widths fitted into `total` characters: every column as
/// wide as its widest cell, then the widest shrinkable column gives up one
/// character at a time until the sentence column has its minimum.
fn column_widths(rows: &[[String; 8]], total: usize) -> [usize; 8] {
    let mut widths = HEADER.map(|h| h.chars().count());
    for row in rows {
        for ((w, cell), max) in widths.iter_mut().zip(row).zip(MAX_WIDTH) {
            *w = (*w).max(cell.chars().count().min(max));
        }
    }
    let sentence = HEADER.len() - 1;
    let available = total.saturating_sub(TABLE_CHROME);
    loop {
        let fixed: usize = widths[..sentence].iter().sum();
        if fixed + MIN_SENTENCE <= available {
            widths[sentence] = widths[sentence].min(available - fixed);
            return widths;
        }
        let widest = SHRINKABLE
            .iter()
            .copied()
            .filter(|&i| widths[i] > MIN_COLUMN)
            .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
        match widest {
            Some(i) => widths[i] -= 1,
            None => {
                widths[sentence] = MIN_SENTENCE;
                return widths;
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The schema name of a qualifier.
pub fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::Approx => "approx",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtLeast => "at_least",
        Qualifier::LessThan => "less_than",
        Qualifier::AtMost => "at_most",
        Qualifier::Range => "range",
    }
}

/// Time units whose names take a plural "s".
const TIME_UNITS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "decade",
];

/// The normalised value as a person reads it: "13,000,000 USD", "90–100 %",
/// "800,000 people", "4 days", "155 mm (0.155 m)", "2018-02-21..2018-02-28".
pub fn human_value(c: &Claim) -> String {
    let Some(value) = &c.value else {
        return "unresolved".to_string();
    };
    let (low, high) = match value {
        Value::Date { start, end } => return date_range(*start, *end),
        Value::Number { low, high } => (*low, *high),
    };
    let unit = match c.kind {
        Kind::Count => c.noun.clone().or_else(|| c.unit.clone()),
        _ => c.unit.clone(),
    };
    let number = number_range(low, high);
    let mut s = match unit {
        Some(u) if c.kind == Kind::Duration && TIME_UNITS.contains(&u.as_str()) => {
            let one = low == Some(1.0) && high == Some(1.0);
            format!("{number} {u}{}", if one { "" } else { "s" })
        }
        Some(u) => format!("{number} {u}"),
        None => number,
    };
    if let Some(n) = &c.normalized {
        s.push_str(&format!(" ({} {})", number_range(n.low, n.high), n.unit));
    }
    s
}

fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}..{end}")
    }
}

/// "5", "90–100", "≥ 90", "≤ 5".
fn number_range(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => format_number(l),
        (Some(l), Some(h)) => format!("{}–{}", format_number(l), format_number(h)),
        (Some(l), None) => format!("≥ {}", format_number(l)),
        (None, Some(h)) => format!("≤ {}", format_number(h)),
        (None, None) => "?".to_string(),
    }
}

/// A number with thousands separators and at most four decimals:
/// 13000000 → "13,000,000", 12.75 → "12.75", 0.1550 → "0.155".
pub fn format_number(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let fixed = format!("{:.4}", x.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::with_capacity(int.len() + int.len() / 3 + 2);
    if x < 0.0 && (int != "0" || !frac.is_empty()) {
        grouped.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if !frac.is_empty() {
        grouped.push('.');
        grouped.push_str(frac);
    }
    grouped
}

/// White space (newlines included) collapsed to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentence on one line, cut to `max` characters with "…".
fn snippet(s: &str, max: usize) -> String {
    let line = one_line(s);
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Normalized, Span};

    fn claim(kind: Kind, text: &str, value: Option<Value>, unit: Option<&str>) -> Claim {
        Claim {
            id: format!("d:0-{}", text.len()),
            kind,
            text: text.to_string(),
            span: Span::new(0, text.len()),
            line: 1,
            column: 1,
            value,
            unit: unit.map(str::to_string),
            qualifier: Qualifier::Exact,
            sentence: format!("It was {text}."),
            sentence_span: Span::new(0, text.len() + 8),
            noun: None,
            normalized: None,
            relative: false,
            anchor: None,
            time: None,
        }
    }

    fn file() -> ClaimsFile {
        let mut doc = Document::from_text("a", "x");
        doc.published = NaiveDate::from_ymd_opt(2018, 3, 20);
        ClaimsFile::new(vec![DocumentClaims::new(
            &doc,
            vec![
                claim(
                    Kind::Money,
                    "$3,500",
                    Some(Value::exact(3500.0)),
                    Some("USD"),
                ),
                claim(
                    Kind::Percent,
                    "over 90%",
                    Some(Value::between(Some(90.0), Some(100.0))),
                    Some("%"),
                ),
            ],
        )])
    }

    #[test]
    fn format_number_cases() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (5.0, "5"),
            (999.0, "999"),
            (1000.0, "1,000"),
            (13_000_000.0, "13,000,000"),
            (12.75, "12.75"),
            (0.155, "0.155"),
            (1234.5, "1,234.5"),
            (-2500.0, "-2,500"),
            (1.0e15, "1,000,000,000,000,000"),
        ];
        for &(x, want) in cases {
            assert_eq!(format_number(x), want, "{x}");
        }
    }

    #[test]
    fn human_values() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let mut count = claim(
            Kind::Count,
            "800,000 people",
            Some(Value::exact(800_000.0)),
            None,
        );
        count.noun = Some("people".into());
        let mut measure = claim(
            Kind::Measure,
            "155 mm",
            Some(Value::exact(155.0)),
            Some("mm"),
        );
        measure.normalized = Some(Normalized {
            low: Some(0.155),
            high: Some(0.155),
            unit: "m".into(),
        });
        let cases: Vec<(Claim, &str)> = vec![
            (
                claim(
                    Kind::Money,
                    "$13 million",
                    Some(Value::exact(13e6)),
                    Some("USD"),
                ),
                "13,000,000 USD",
            ),
            (
                claim(
                    Kind::Money,
                    "$300-$500 million",
                    Some(Value::between(Some(300e6), Some(500e6))),
                    Some("USD"),
                ),
                "300,000,000–500,000,000 USD",
            ),
            (
                claim(
                    Kind::Percent,
                    "over 90%",
                    Some(Value::between(Some(90.0), Some(100.0))),
                    Some("%"),
                ),
                "90–100 %",
            ),
            (
                claim(
                    Kind::Percent,
                    "more than 90%",
                    Some(Value::between(Some(90.0), None)),
                    Some("%"),
                ),
                "≥ 90 %",
            ),
            (count, "800,000 people"),
            (
                claim(
                    Kind::Duration,
                    "four day",
                    Some(Value::exact(4.0)),
                    Some("day"),
                ),
                "4 days",
            ),
            (
                claim(
                    Kind::Duration,
                    "a decade",
                    Some(Value::exact(1.0)),
                    Some("decade"),
                ),
                "1 decade",
            ),
            (measure, "155 mm (0.155 m)"),
            (
                claim(
                    Kind::Date,
                    "late February",
                    Some(Value::dates(d(2018, 2, 21), d(2018, 2, 28))),
                    Some("day"),
                ),
                "2018-02-21..2018-02-28",
            ),
            (
                claim(
                    Kind::Date,
                    "2018-03-20",
                    Some(Value::dates(d(2018, 3, 20), d(2018, 3, 20))),
                    Some("day"),
                ),
                "2018-03-20",
            ),
            (
                claim(Kind::Date, "last week", None, Some("week")),
                "unresolved",
            ),
        ];
        for (c, want) in cases {
            assert_eq!(human_value(&c), want, "{}", c.text);
        }
    }

    #[test]
    fn json_has_the_schema_shape() {
        let mut buf = Vec::new();
        write_json(&mut buf, &file()).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["schema"], "claimcheck/claims/v1");
        let doc = &v["documents"][0];
        assert_eq!(doc["id"], "a");
        assert_eq!(doc["published"], "2018-03-20");
        assert!(doc["title"].is_null());
        assert_eq!(doc["claims"][0]["value"]["low"], 3500);
        assert_eq!(doc["claims"][1]["qualifier"], "exact");
        let back: ClaimsFile = serde_json::from_slice(&buf).unwrap();
        assert_eq!(back, file());
    }

    #[test]
    fn jsonl_is_one_claim_per_line_with_doc_and_the_document_on_its_first_line() {
        let mut two = file();
        two.documents.push(DocumentClaims::with_text(
            Document::from_text("empty", "No figures."),
            Vec::new(),
        ));
        let mut b = Document::from_text("b", "---\ntitle: B\n---\nPaid $12 to 40 people.");
        b.body_start = 19;
        let b_claims = crate::extract::extract(&b);
        two.documents
            .push(DocumentClaims::with_text(b.clone(), b_claims.clone()));
        let mut buf = Vec::new();
        write_jsonl(&mut buf, &two).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        // Two claims of "a", none of "empty", then those of "b".
        assert_eq!(lines.len(), 2 + b_claims.len(), "{text}");
        let docs: Vec<&str> = lines.iter().map(|l| l["doc"].as_str().unwrap()).collect();
        assert_eq!(&docs[..3], &["a", "a", "b"]);
        for (line, claim) in lines
            .iter()
            .zip(two.documents[0].claims.iter().chain(&b_claims))
        {
            assert_eq!(line["text"], claim.text.as_str());
            assert_eq!(line["kind"], serde_json::to_value(claim.kind).unwrap());
        }
        assert_eq!(lines[0]["document"]["path"], "a");
        assert!(
            lines[0]["document"].get("text").is_none(),
            "no text was given for a"
        );
        assert!(
            lines[1].get("document").is_none(),
            "only the first line of a document"
        );
        assert_eq!(lines[2]["document"]["body_start"], 19);
        assert_eq!(lines[2]["document"]["text"], b.text.as_str());
        assert!(text.ends_with("}\n") && !text.contains("}\n\n"));
    }

    #[test]
    fn table_lists_every_claim() {
        let mut buf = Vec::new();
        write_table(&mut buf, &file(), Some(120)).unwrap();
        let text = String::from_utf8(buf).unwrap();
        for want in [
            "$3,500",
            "3,500 USD",
            "90–100 %",
            "2 claims in 1 document",
            "1:1",
        ] {
            assert!(text.contains(want), "{want} missing in\n{text}");
        }
    }

    #[test]
    fn column_widths_fit_the_terminal() {
        let row = |doc: &str, text: &str, sentence: &str| -> [String; 8] {
            [
                doc,
                "12:40",
                "money",
                text,
                "13,000,000 USD",
                "exact",
                "",
                sentence,
            ]
            .map(String::from)
        };
        let rows = vec![
            row(
                "2017-07-09-kagame-arrives-in-israel",
                "$13 million",
                &"x".repeat(80),
            ),
            row("short", "between $300 and $500 million", "A sentence."),
        ];
        for total in [80, 120, 150, 200, 400] {
            let w = column_widths(&rows, total);
            let sum: usize = w.iter().sum::<usize>() + TABLE_CHROME;
            assert!(
                sum <= total.max(TABLE_CHROME + 8 * MIN_COLUMN + MIN_SENTENCE),
                "{total}: {w:?}"
            );
            assert!(w[7] >= MIN_SENTENCE, "{total}: {w:?}");
            assert!(
                w[1] >= "line:col".len() && w[2] >= "kind".len(),
                "{total}: {w:?}"
            );
        }
        let wide = column_widths(&rows, 400);
        assert_eq!(wide[0], "2017-07-09-kagame-arrives-in-israel".len());
        assert_eq!(wide[7], 80);
    }

    #[test]
    fn snippets_are_cut_on_characters() {
        let s = "é".repeat(100);
        let cut = snippet(&s, 10);
        assert_eq!(cut.chars().count(), 10);
        assert!(cut.ends_with('…'));
        assert_eq!(snippet("a\nb  c", 10), "a b c");
    }
}
