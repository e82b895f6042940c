//! Where a finding's claims sit in their files, for the renderers that point
//! at source text (`sarif`, `github`, `rdjsonl`, `text` diagnostics).
//!
//! Takes a [`Report`] and the loaded [`Document`]s; returns, per claim, the
//! file to name and the region: 1-based start line and column plus an
//! exclusive end, both in characters (SARIF with `unicodeCodePoints`, GitHub,
//! diagnostics) and in UTF-8 bytes (reviewdog), and the source lines. A claim
//! of a JSON Lines record points at the record's line (its offsets are inside
//! the record's text, not the file). A reference fact has no source text: it
//! gets the reference file's path and no region.

use std::collections::HashMap;

use crate::compare::align::REFERENCE_PREFIX;
use crate::compare::{Finding, FindingClaim, Report};
use crate::document::Document;

/// Line and column positions of a claim's span; ends are exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub start_line: usize,
    /// 1-based, in characters.
    pub start_column: usize,
    pub end_line: usize,
    /// 1-based exclusive end, in characters.
    pub end_column: usize,
    /// 1-based start column in UTF-8 bytes.
    pub start_byte_column: usize,
    /// 1-based exclusive end column in UTF-8 bytes.
    pub end_byte_column: usize,
}

/// One claim of a finding, placed.
#[derive(Debug, Clone)]
pub struct ClaimLocation<'a> {
    pub claim: &'a FindingClaim,
    /// The file to name (document path, JSON Lines file, or reference file),
    /// relative paths cleaned of a leading `./`; None when unknown.
    pub file: Option<String>,
    /// Start and end in `file`; None for reference facts.
    pub region: Option<Region>,
    /// For a JSON Lines record: the region inside the record's text.
    pub record_region: Option<Region>,
    /// The full source lines the claim spans (without line endings).
    pub source: Option<&'a str>,
    /// True for a reference fact.
    pub reference: bool,
    /// True when the claim takes part in the verdict (not context such as the
    /// date scoping a figure).
    pub primary: bool,
}

/// Looks documents up by id; built once per render.
pub struct Locator<'a> {
    report: &'a Report,
    documents: HashMap<&'a str, &'a Document>,
}

impl<'a> Locator<'a> {
    pub fn new(report: &'a Report, documents: &'a [Document]) -> Self {
        Locator {
            report,
            documents: documents.iter().map(|d| (d.id.as_str(), d)).collect(),
        }
    }

    /// Every claim of a finding, placed, in the finding's order.
    pub fn claims(&self, finding: &'a Finding) -> Vec<ClaimLocation<'a>> {
        let any_primary = finding.claims.iter().any(|c| c.verdict.is_some());
        finding
            .claims
            .iter()
            .map(|c| {
                let mut loc = self.locate(c);
                loc.primary = !any_primary || c.verdict.is_some();
                loc
            })
            .collect()
    }

    /// The location of one claim.
    pub fn locate(&self, c: &'a FindingClaim) -> ClaimLocation<'a> {
        let doc_id = c.framed.doc.as_str();
        let reference = doc_id.starts_with(REFERENCE_PREFIX);
        let report_path = self
            .report
            .documents
            .iter()
            .find(|d| d.id == doc_id)
            .map(|d| d.path.as_str());
        let document = self.documents.get(doc_id).copied();
        let path = document.map(|d| d.path.as_str()).or(report_path);
        let mut loc = ClaimLocation {
            claim: c,
            file: path.map(clean_path),
            region: None,
            record_region: None,
            source: None,
            reference,
            primary: true,
        };
        if reference {
            return loc;
        }
        let claim = &c.framed.claim;
        let text = document.map(|d| d.text.as_str());
        let region = text
            .and_then(|t| region_in(t, claim.span.start, claim.span.end))
            .unwrap_or_else(|| region_from_claim(claim.line, claim.column, &claim.text));
        loc.source = text.and_then(|t| source_lines(t, claim.span.start, claim.span.end));
        match path.and_then(split_record) {
            Some((file, line)) => {
                loc.file = Some(clean_path(file));
                loc.record_region = Some(region);
                loc.region = Some(Region {
                    start_line: line,
                    start_column: 1,
                    end_line: line,
                    end_column: 1,
                    start_byte_column: 1,
                    end_byte_column: 1,
                });
            }
            None => loc.region = Some(region),
        }
        loc
    }
}

/// `file.jsonl:12` → (`file.jsonl`, 12) for JSON Lines record paths.
fn split_record(path: &str) -> Option<(&str, usize)> {
    let (file, line) = path.rsplit_once(':')?;
    let lower = file.to_ascii_lowercase();
    let is_jsonl = lower.ends_with(".jsonl") || lower.ends_with(".ndjson");
    let line: usize = line.parse().ok()?;
    (is_jsonl && line > 0).then_some((file, line))
}

/// A path as CI tools want it: forward slashes, no leading `./`.
pub fn clean_path(path: &str) -> String {
    let mut p = path.replace('\\', "/");
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.to_string();
    }
    p
}

/// The region of `text[start..end]`, or None when the offsets do not fall on
/// character boundaries of `text`.
pub fn region_in(text: &str, start: usize, end: usize) -> Option<Region> {
    let end = end.max(start);
    let before = text.get(..start)?;
    let span = text.get(start..end)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let start_line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let head = before.get(line_start..)?;
    let start_column = 1 + head.chars().count();
    let start_byte_column = 1 + head.len();
    let (end_line, end_column, end_byte_column) = match span.rfind('\n') {
        None => (
            start_line,
            start_column + span.chars().count(),
            start_byte_column + span.len(),
        ),
        Some(i) => {
            let tail = span.get(i + 1..)?;
            (
                start_line + span.bytes().filter(|&b| b == b'\n').count(),
                1 + tail.chars().count(),
                1 + tail.len(),
            )
        }
    };
    Some(Region {
        start_line,
        start_column,
        end_line,
        end_column,
        start_byte_column,
        end_byte_column,
    })
}

/// A region from the claim's own line, column and text, when its document
/// text is not at hand (byte columns are then unknown and given in characters).
fn region_from_claim(line: usize, column: usize, text: &str) -> Region {
    let line = line.max(1);
    let column = column.max(1);
    let (end_line, end_column) = match text.rfind('\n') {
        None => (line, column + text.chars().count()),
        Some(i) => (
            line + text.matches('\n').count(),
            1 + text.get(i + 1..).map_or(0, |t| t.chars().count()),
        ),
    };
    Region {
        start_line: line,
        start_column: column,
        end_line,
        end_column,
        start_byte_column: column,
        end_byte_column: end_column,
    }
}

/// The whole lines of `text` that `start..end` touches, without the final
/// line ending (a trailing `\r` is dropped too).
pub fn source_lines(text: &str, start: usize, end: usize) -> Option<&str> {
    let end = end.max(start);
    let first = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let last = text.get(end..)?.find('\n').map_or(text.len(), |i| end + i);
    let lines = text.get(first..last)?;
    Some(lines.strip_suffix('\r').unwrap_or(lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(sl: usize, sc: usize, el: usize, ec: usize, sb: usize, eb: usize) -> Region {
        Region {
            start_line: sl,
            start_column: sc,
            end_line: el,
            end_column: ec,
            start_byte_column: sb,
            end_byte_column: eb,
        }
    }

    #[test]
    fn regions_count_characters_and_bytes() {
        let cases: &[(&str, &str, Region)] = &[
            ("It cost $3,500.", "$3,500", r(1, 9, 1, 15, 9, 15)),
            ("first\nThen 40 ships.", "40", r(2, 6, 2, 8, 6, 8)),
            // "é" and the no-break space are two bytes each, one character.
            ("Café\u{a0}€2.5bn spent", "€2.5bn", r(1, 6, 1, 12, 8, 16)),
            ("a\r\nb 98% c", "98%", r(2, 3, 2, 6, 3, 6)),
            (
                "two\nthousand\npeople x",
                "thousand\npeople",
                r(2, 1, 3, 7, 1, 7),
            ),
        ];
        for (text, claim, want) in cases {
            let start = text.find(claim).unwrap();
            let got = region_in(text, start, start + claim.len()).unwrap();
            assert_eq!(got, *want, "{claim:?} in {text:?}");
        }
    }

    #[test]
    fn bad_offsets_give_no_region() {
        assert_eq!(region_in("Café", 4, 5), None, "inside a character");
        assert_eq!(region_in("abc", 2, 9), None, "past the end");
        assert_eq!(source_lines("abc", 5, 6), None);
    }

    #[test]
    fn source_lines_are_whole_lines() {
        let text = "head\r\nIt cost $3,500 then.\r\nnext\nlast";
        let start = text.find("$3,500").unwrap();
        assert_eq!(
            source_lines(text, start, start + 6),
            Some("It cost $3,500 then.")
        );
        let start = text.find("last").unwrap();
        assert_eq!(source_lines(text, start, start + 4), Some("last"));
        let start = text.find("then").unwrap();
        let end = text.find("next").unwrap() + 4;
        assert_eq!(
            source_lines(text, start, end),
            Some("It cost $3,500 then.\r\nnext")
        );
    }

    #[test]
    fn paths_and_records() {
        for (path, want) in [
            ("./corpus/a.md", "corpus/a.md"),
            ("corpus\\a.md", "corpus/a.md"),
            ("/abs/a.md", "/abs/a.md"),
        ] {
            assert_eq!(clean_path(path), want);
        }
        assert_eq!(split_record("in/x.jsonl:12"), Some(("in/x.jsonl", 12)));
        assert_eq!(split_record("x.NDJSON:3"), Some(("x.NDJSON", 3)));
        assert_eq!(split_record("a.md"), None);
        assert_eq!(split_record("notes:12"), None);
        assert_eq!(split_record("x.jsonl:0"), None);
    }

    #[test]
    fn claim_fallback_region() {
        assert_eq!(
            region_from_claim(3, 5, "$13 million"),
            r(3, 5, 3, 16, 5, 16)
        );
        assert_eq!(region_from_claim(0, 0, "a\nbc"), r(1, 1, 2, 3, 1, 3));
    }
}
