//! The findings model: [`Finding`] (verdict, severity, topic, the claims and
//! an explanation) and the [`Report`] of one run (schema
//! `claimcheck/report/v1`), as every renderer and the gate consume them.
//! The review gate (`crate::gate`) annotates a report: per-finding
//! [`GateStatus`] (serialised as extra fields of each finding), stale
//! baseline entries and inline suppressions.

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
    /// Findings accepted in the baseline (set by the gate).
    #[serde(default)]
    pub accepted: usize,
    /// Findings silenced by an inline `claimcheck-disable` comment.
    #[serde(default)]
    pub suppressed: usize,
    /// Findings that fail the gate (set by the gate).
    #[serde(default)]
    pub failing: usize,
}

/// The baseline entry that accepts a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acceptance {
    pub reason: String,
    pub by: String,
    pub date: NaiveDate,
}

/// Where an inline suppression comment sits and which line it silences.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SuppressionUse {
    pub doc: String,
    pub path: String,
    /// 1-based line of the comment.
    pub line: usize,
    /// 1-based line whose claims it silences.
    pub target_line: usize,
    /// Whether it silenced at least one finding (false: unused, remove it).
    pub used: bool,
}

/// A baseline entry that matches no finding of this run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaleEntry {
    pub id: String,
    pub topic: String,
    /// Documents of the claims it covered.
    pub docs: Vec<String>,
    pub reason: String,
    /// The current finding that shares claims with the entry, when its
    /// claims changed (rather than disappeared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_into: Option<String>,
}

/// What the review gate decided about one finding.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GateStatus {
    /// Accepted in the baseline.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub accepted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Acceptance>,
    /// Silenced by an inline comment.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suppressed: bool,
    /// Whether the finding fails the gate (`--fail-on`, not accepted or suppressed).
    #[serde(default)]
    pub fails_gate: bool,
}

/// What `claimcheck check` reports. In JSON, each finding carries the
/// fields of its [`GateStatus`] (when the gate ran).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "ReportJson")]
pub struct Report {
    pub schema: String,
    pub documents: Vec<ReportDocument>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Gate status by finding id (empty when no gate ran).
    pub status: std::collections::BTreeMap<String, GateStatus>,
    /// Baseline entries that match no finding.
    pub stale_baseline: Vec<StaleEntry>,
    /// Inline suppression comments found in the articles.
    pub suppressions: Vec<SuppressionUse>,
}

/// A finding as written in the report JSON: its fields and its gate status.
#[derive(Deserialize)]
struct FindingJson {
    #[serde(flatten)]
    finding: Finding,
    #[serde(flatten)]
    status: Option<GateStatus>,
}

/// The JSON shape of [`Report`], as read back.
#[derive(Deserialize)]
struct ReportJson {
    schema: String,
    documents: Vec<ReportDocument>,
    findings: Vec<FindingJson>,
    summary: Summary,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    stale_baseline: Vec<StaleEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<SuppressionUse>,
}

/// [`ReportJson`], borrowed: what [`Report`] serialises as, without
/// copying a report that may hold a whole archive's findings.
#[derive(Serialize)]
struct ReportJsonRef<'a> {
    schema: &'a str,
    documents: &'a [ReportDocument],
    findings: FindingsRef<'a>,
    summary: &'a Summary,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    stale_baseline: &'a [StaleEntry],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    suppressions: &'a [SuppressionUse],
}

/// The findings with their gate status, serialised as a sequence.
struct FindingsRef<'a>(&'a Report);

#[derive(Serialize)]
struct FindingJsonRef<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    #[serde(flatten)]
    status: Option<&'a GateStatus>,
}

impl Serialize for FindingsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.findings.iter().map(|finding| FindingJsonRef {
            finding,
            status: self.0.status.get(&finding.id),
        }))
    }
}

impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ReportJsonRef {
            schema: &self.schema,
            documents: &self.documents,
            findings: FindingsRef(self),
            summary: &self.summary,
            stale_baseline: &self.stale_baseline,
            suppressions: &self.suppressions,
        }
        .serialize(s)
    }
}

impl From<ReportJson> for Report {
    fn from(r: ReportJson) -> Self {
        let mut status = std::collections::BTreeMap::new();
        let findings = r
            .findings
            .into_iter()
            .map(|f| {
                if let Some(s) = f.status.filter(|s| *s != GateStatus::default()) {
                    status.insert(f.finding.id.clone(), s);
                }
                f.finding
            })
            .collect();
        Report {
            schema: r.schema,
            documents: r.documents,
            findings,
            summary: r.summary,
            status,
            stale_baseline: r.stale_baseline,
            suppressions: r.suppressions,
        }
    }
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
            ..Summary::default()
        };
        Report {
            schema: REPORT_SCHEMA.to_string(),
            documents,
            findings,
            summary,
            status: std::collections::BTreeMap::new(),
            stale_baseline: Vec::new(),
            suppressions: Vec::new(),
        }
    }

    /// The gate status of a finding (None when no gate ran).
    pub fn status(&self, finding_id: &str) -> Option<&GateStatus> {
        self.status.get(finding_id)
    }

    /// True when the finding was accepted in the baseline or suppressed
    /// inline: renderers that annotate code review skip these.
    pub fn is_silenced(&self, finding_id: &str) -> bool {
        self.status(finding_id)
            .is_some_and(|s| s.accepted || s.suppressed)
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
        self.recount();
    }

    /// Recomputes the summary's finding counts (after findings were removed
    /// or the gate annotated them).
    pub fn recount(&mut self) {
        let count = |v: Verdict| self.findings.iter().filter(|f| f.verdict == v).count();
        self.summary.agree = count(Verdict::Agree);
        self.summary.conflict = count(Verdict::Conflict);
        self.summary.related = count(Verdict::Related);
        let status = |pick: fn(&GateStatus) -> bool| {
            self.findings
                .iter()
                .filter(|f| self.status.get(&f.id).is_some_and(pick))
                .count()
        };
        self.summary.accepted = status(|s| s.accepted);
        self.summary.suppressed = status(|s| s.suppressed);
        self.summary.failing = status(|s| s.fails_gate);
    }
}

/// Conflicts first, then by severity, topic and id: the same order whatever
/// the input order.
pub fn sort_findings(findings: &mut [Finding]) {
    // Two findings can share verdict, topic and id (a repeated passage gives
    // claims of the same text twice): their claims' places order them.
    let places = |f: &Finding| -> Vec<(String, usize, usize)> {
        f.claims
            .iter()
            .map(|c| {
                (
                    c.framed.doc.clone(),
                    c.framed.claim.span.start,
                    c.framed.claim.span.end,
                )
            })
            .collect()
    };
    findings.sort_by(|a, b| {
        b.verdict
            .cmp(&a.verdict)
            .then(b.severity.cmp(&a.severity))
            .then(a.topic.cmp(&b.topic))
            .then(a.id.cmp(&b.id))
            .then_with(|| places(a).cmp(&places(b)))
    });
    unique_ids(findings);
}

/// Gives the second and later findings that share an id (sorted, so in a
/// stable order) the suffixes `-2`, `-3`, … so every id names one finding.
fn unique_ids(findings: &mut [Finding]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for f in findings.iter_mut() {
        let n = seen.entry(f.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            f.id = format!("{}-{n}", f.id);
        }
    }
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

    /// A finding claim at `start` in `doc`, from its report JSON.
    fn claim_at(doc: &str, start: usize) -> FindingClaim {
        let json = serde_json::json!({
            "id": format!("{doc}:{start}-{}", start + 9), "kind": "count", "text": "three men",
            "span": {"start": start, "end": start + 9}, "line": 1, "column": 1,
            "value": {"low": 3, "high": 3}, "unit": null, "qualifier": "exact",
            "sentence": "three men", "sentence_span": {"start": start, "end": start + 9},
            "doc": doc, "verdict": "agree",
            "frame": {"entities": [], "predicate": "injured", "time": null,
                      "attribution": null, "polarity": "asserted"},
        });
        match serde_json::from_value(json) {
            Ok(c) => c,
            Err(e) => panic!("test claim does not parse: {e}"),
        }
    }

    #[test]
    fn twin_findings_sort_by_place_and_get_unique_ids() {
        // The same passage twice in one article: same verdict, topic, claim
        // texts and so the same id; only the places differ.
        let twin = |start: usize| {
            let mut f = finding(Verdict::Agree, Severity::Info, "t", "");
            f.claims = vec![claim_at("a", start), claim_at("b", start)];
            f.id = finding_id(f.verdict, &f.claims);
            f
        };
        let (early, late) = (twin(100), twin(400));
        assert_eq!(early.id, late.id);
        let base = early.id.clone();
        for input in [
            vec![early.clone(), late.clone()],
            vec![late.clone(), early.clone()],
        ] {
            let mut fs = input;
            sort_findings(&mut fs);
            let starts: Vec<usize> = fs
                .iter()
                .map(|f| f.claims[0].framed.claim.span.start)
                .collect();
            assert_eq!(starts, [100, 400]);
            let ids: Vec<&str> = fs.iter().map(|f| f.id.as_str()).collect();
            assert_eq!(ids, [base.clone(), format!("{base}-2")]);
            // Sorting again (Report::new, the gate) keeps both.
            sort_findings(&mut fs);
            assert_eq!(fs[1].id, format!("{base}-2"));
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
