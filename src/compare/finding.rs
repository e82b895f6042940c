//! The findings model: [`Finding`] (verdict, severity, topic, the claims and
//! an explanation) and the [`Report`] of one run (schema
//! `claimcheck/report/v1`), as every renderer and the gate consume them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::frame::FramedClaim;

/// Schema identifier of the report (`claimcheck check --format json`).
pub const REPORT_SCHEMA: &str = "claimcheck/report/v1";

/// What the comparer concluded about aligned claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Values compatible after units, qualifiers, ranges and rounding.
    Agree,
    /// Same topic, not directly comparable (different periods, measures, units).
    Related,
    /// Incompatible values for the same frame, or an assertion against a denial.
    Conflict,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Related => "related",
            Verdict::Conflict => "conflict",
        }
    }
}

/// How much a finding matters to an editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A claim inside a finding: the framed claim plus the verdict of the
/// strongest comparison it takes part in (`null` for context, e.g. the date
/// that scopes a figure).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingClaim {
    #[serde(flatten)]
    pub framed: FramedClaim,
    pub verdict: Option<Verdict>,
}

/// One finding: claims brought together, and what the comparer says of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable hash of the documents, claim texts, sentences and verdict (hex).
    pub id: String,
    pub verdict: Verdict,
    pub severity: Severity,
    /// "Israel → Rwanda · arms transfers · 2013".
    pub topic: String,
    pub claims: Vec<FindingClaim>,
    /// One sentence (or a few) a person can check against the claims.
    pub explanation: String,
}

/// A document (article or reference file) named in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDocument {
    pub id: String,
    pub path: String,
    pub published: Option<NaiveDate>,
}

/// Counts for the report header.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Articles read (reference files not counted).
    pub documents: usize,
    /// Claims framed across the articles.
    pub claims: usize,
    pub agree: usize,
    pub conflict: usize,
    pub related: usize,
}

/// What `claimcheck check` reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub documents: Vec<ReportDocument>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Report {
    /// A report over `documents` (articles first, then reference files) with
    /// `articles` articles and `claims` claims; findings are sorted.
    pub fn new(
        documents: Vec<ReportDocument>,
        articles: usize,
        claims: usize,
        mut findings: Vec<Finding>,
    ) -> Self {
        sort_findings(&mut findings);
        let count = |v: Verdict| findings.iter().filter(|f| f.verdict == v).count();
        let summary = Summary {
            documents: articles,
            claims,
            agree: count(Verdict::Agree),
            conflict: count(Verdict::Conflict),
            related: count(Verdict::Related),
        };
        Report {
            schema: REPORT_SCHEMA.to_string(),
            documents,
            findings,
            summary,
        }
    }

    /// The publication date of a document, if known.
    pub fn published(&self, doc: &str) -> Option<NaiveDate> {
        self.documents
            .iter()
            .find(|d| d.id == doc)
            .and_then(|d| d.published)
    }

    /// Keeps only the findings whose topic, entities or documents mention
    /// `needle` (case-insensitive).
    pub fn filter_topic(&mut self, needle: &str) {
        let needle = needle.to_lowercase();
        self.findings.retain(|f| {
            f.topic.to_lowercase().contains(&needle)
                || f.claims.iter().any(|c| {
                    c.framed.doc.to_lowercase() == needle
                        || c.framed
                            .frame
                            .entities
                            .iter()
                            .any(|e| e.to_lowercase() == needle)
                        || c.framed
                            .frame
                            .attribution
                            .as_deref()
                            .is_some_and(|a| a.to_lowercase() == needle)
                })
        });
        let count = |v: Verdict| self.findings.iter().filter(|f| f.verdict == v).count();
        self.summary.agree = count(Verdict::Agree);
        self.summary.conflict = count(Verdict::Conflict);
        self.summary.related = count(Verdict::Related);
    }
}

/// Conflicts first, then by severity, topic and id: the same order whatever
/// the input order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.verdict
            .cmp(&a.verdict)
            .then(b.severity.cmp(&a.severity))
            .then(a.topic.cmp(&b.topic))
            .then(a.id.cmp(&b.id))
    });
}

/// FNV-1a, 64 bits: a stable hash that does not change between Rust versions.
pub fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The stable id of a finding: its verdict and the (document, claim text,
/// sentence) of each claim, sorted — not offsets, so edits elsewhere in an
/// article keep it.
pub fn finding_id(verdict: Verdict, claims: &[FindingClaim]) -> String {
    let mut keys: Vec<(&str, &str, String)> = claims
        .iter()
        .map(|c| {
            let sentence = c
                .framed
                .claim
                .sentence
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (
                c.framed.doc.as_str(),
                c.framed.claim.text.as_str(),
                sentence,
            )
        })
        .collect();
    keys.sort();
    let mut parts: Vec<&str> = vec![verdict.as_str()];
    for (doc, text, sentence) in &keys {
        parts.extend([*doc, *text, sentence.as_str()]);
    }
    fnv1a(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable_and_separates_parts() {
        assert_eq!(fnv1a(&[]), "cbf29ce484222325");
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
        assert_eq!(fnv1a(&["x", "y"]), fnv1a(&["x", "y"]));
    }

    fn finding(verdict: Verdict, severity: Severity, topic: &str, id: &str) -> Finding {
        Finding {
            id: id.into(),
            verdict,
            severity,
            topic: topic.into(),
            claims: vec![],
            explanation: String::new(),
        }
    }

    #[test]
    fn findings_sort_conflicts_first() {
        let mut fs = vec![
            finding(Verdict::Agree, Severity::Info, "a", "1"),
            finding(Verdict::Related, Severity::Warning, "b", "2"),
            finding(Verdict::Conflict, Severity::Error, "c", "3"),
            finding(Verdict::Related, Severity::Info, "a", "4"),
        ];
        sort_findings(&mut fs);
        let ids: Vec<&str> = fs.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["3", "2", "4", "1"]);
        let report = Report::new(vec![], 2, 10, fs);
        assert_eq!(
            (
                report.summary.conflict,
                report.summary.related,
                report.summary.agree
            ),
            (1, 2, 1)
        );
        assert_eq!(report.schema, REPORT_SCHEMA);
    }
}
