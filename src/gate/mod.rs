//! The editorial review gate: decides which findings of a [`Report`] fail a
//! CI run. Takes the report, the [`Baseline`] of accepted findings, the
//! inline [`Suppression`]s found in the articles, the `fail-on` verdicts and
//! the severity policy; annotates every finding with its
//! [`GateStatus`](crate::compare::finding::GateStatus) (accepted, suppressed,
//! fails the gate), lists stale baseline entries and unused suppressions,
//! and recounts the summary. It never prints and never reads files itself
//! (see [`baseline`] for the file, [`changed`] for git).

pub mod baseline;
pub mod changed;
pub mod suppression;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::compare::finding::{GateStatus, SuppressionUse};
use crate::compare::{Finding, Report, Severity, Verdict};

pub use baseline::{Baseline, BaselineError, Entry};
pub use suppression::Suppression;

/// Which verdicts fail the gate (`fail-on` in the config, `--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// Conflicts fail.
    #[default]
    Conflict,
    /// Conflicts and related findings (e.g. TIV-vs-dollar category issues) fail.
    Related,
    /// Nothing fails.
    Never,
}

impl FailOn {
    /// Whether a finding with this verdict fails the gate (before the
    /// baseline and suppressions are considered).
    pub fn fails(self, verdict: Verdict) -> bool {
        match self {
            FailOn::Conflict => verdict == Verdict::Conflict,
            FailOn::Related => verdict != Verdict::Agree,
            FailOn::Never => false,
        }
    }
}

/// A severity set in the config, or `off` to hide a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeverityLevel {
    Error,
    Warning,
    Info,
    /// Findings with this verdict are left out of the report.
    Off,
}

/// Severity per verdict; `None` keeps the comparer's own severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SeverityPolicy {
    pub agree: Option<SeverityLevel>,
    pub related: Option<SeverityLevel>,
    pub conflict: Option<SeverityLevel>,
}

impl SeverityPolicy {
    fn level(&self, verdict: Verdict) -> Option<SeverityLevel> {
        match verdict {
            Verdict::Agree => self.agree,
            Verdict::Related => self.related,
            Verdict::Conflict => self.conflict,
        }
    }

    /// Sets the configured severities and drops the findings turned `off`.
    pub fn apply(&self, report: &mut Report) {
        report
            .findings
            .retain(|f| self.level(f.verdict) != Some(SeverityLevel::Off));
        for f in &mut report.findings {
            f.severity = match self.level(f.verdict) {
                Some(SeverityLevel::Error) => Severity::Error,
                Some(SeverityLevel::Warning) => Severity::Warning,
                Some(SeverityLevel::Info) => Severity::Info,
                Some(SeverityLevel::Off) | None => f.severity,
            };
        }
        crate::compare::finding::sort_findings(&mut report.findings);
        report.recount();
    }
}

/// Annotates every finding of `report` with its gate status, and lists stale
/// baseline entries and the suppressions (used or not). Returns whether the
/// gate passes (no finding fails).
pub fn apply(
    report: &mut Report,
    baseline: &Baseline,
    suppressions: &[Suppression],
    fail_on: FailOn,
) -> bool {
    let mut used: HashSet<usize> = HashSet::new();
    report.status.clear();
    for finding in &report.findings {
        let entry = baseline.find(finding);
        let hits = suppression::matching(suppressions, finding);
        used.extend(hits.iter().copied());
        let accepted = entry.is_some();
        let suppressed = !hits.is_empty();
        report.status.insert(
            finding.id.clone(),
            GateStatus {
                accepted,
                baseline: entry.map(Entry::acceptance),
                suppressed,
                fails_gate: fail_on.fails(finding.verdict) && !accepted && !suppressed,
            },
        );
    }
    report.stale_baseline = baseline.stale(&report.findings);
    let mut uses: Vec<SuppressionUse> = suppressions
        .iter()
        .enumerate()
        .map(|(i, s)| SuppressionUse {
            doc: s.doc.clone(),
            path: s.path.clone(),
            line: s.line,
            target_line: s.target_line,
            used: used.contains(&i),
        })
        .collect();
    uses.sort();
    report.suppressions = uses;
    report.recount();
    report.summary.failing == 0
}

/// Keeps the findings `keep` selects and recounts the summary.
pub fn retain(report: &mut Report, keep: impl Fn(&Report, &Finding) -> bool) {
    let findings = std::mem::take(&mut report.findings);
    let kept: Vec<Finding> = findings.into_iter().filter(|f| keep(report, f)).collect();
    report.findings = kept;
    let ids: HashSet<&str> = report.findings.iter().map(|f| f.id.as_str()).collect();
    report.status.retain(|id, _| ids.contains(id.as_str()));
    report.recount();
}

/// Keeps only the findings that fail the gate (`--quiet`).
pub fn retain_failing(report: &mut Report) {
    retain(report, |r, f| r.status(&f.id).is_some_and(|s| s.fails_gate));
}

/// Keeps only the findings with a claim from one of `docs` (the changed
/// articles of `--changed-since` / `--against`).
pub fn retain_involving(report: &mut Report, docs: &HashSet<String>) {
    retain(report, |_, f| {
        f.claims.iter().any(|c| docs.contains(&c.framed.doc))
    });
}

/// Whether any finding fails the gate.
pub fn fails(report: &Report) -> bool {
    report
        .findings
        .iter()
        .any(|f| report.status(&f.id).is_some_and(|s| s.fails_gate))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::claim::{Claim, Kind, Qualifier, Span, Value};
    use crate::compare::{FindingClaim, ReportDocument};
    use crate::frame::{Frame, FramedClaim};

    /// A claim of `doc` on `line`.
    pub(crate) fn claim(doc: &str, text: &str, sentence: &str, line: usize) -> FindingClaim {
        FindingClaim {
            framed: FramedClaim {
                claim: Claim {
                    id: format!("{doc}:0-{}", text.len()),
                    kind: Kind::Count,
                    text: text.into(),
                    span: Span::new(0, text.len()),
                    line,
                    column: 1,
                    value: Some(Value::exact(1.0)),
                    unit: None,
                    qualifier: Qualifier::Exact,
                    sentence: sentence.into(),
                    sentence_span: Span::new(0, sentence.len()),
                    noun: None,
                    normalized: None,
                    relative: false,
                    anchor: None,
                    time: None,
                },
                doc: doc.into(),
                frame: Frame::default(),
            },
            verdict: Some(Verdict::Conflict),
        }
    }

    pub(crate) fn finding(verdict: Verdict, claims: Vec<FindingClaim>) -> Finding {
        Finding {
            id: crate::compare::finding::finding_id(verdict, &claims),
            verdict,
            severity: if verdict == Verdict::Conflict {
                Severity::Error
            } else {
                Severity::Info
            },
            topic: "Springfield · killed".into(),
            claims,
            explanation: String::new(),
        }
    }

    pub(crate) fn report(findings: Vec<Finding>) -> Report {
        let docs = ["a", "b"]
            .iter()
            .map(|d| ReportDocument {
                id: (*d).into(),
                path: format!("{d}.md"),
                published: None,
            })
            .collect();
        Report::new(docs, 2, 4, findings)
    }

    fn conflict() -> Finding {
        finding(
            Verdict::Conflict,
            vec![
                claim("a", "Four people", "Four people were killed.", 3),
                claim("b", "Six people", "Six people were killed.", 5),
            ],
        )
    }

    fn agree() -> Finding {
        finding(
            Verdict::Agree,
            vec![
                claim("a", "two people", "Police said two people were hurt.", 4),
                claim("b", "2 people", "2 people were injured.", 6),
            ],
        )
    }

    #[test]
    fn fail_on_selects_verdicts() {
        let table = [
            (FailOn::Conflict, [false, false, true]),
            (FailOn::Related, [false, true, true]),
            (FailOn::Never, [false, false, false]),
        ];
        for (fail_on, expect) in table {
            let got =
                [Verdict::Agree, Verdict::Related, Verdict::Conflict].map(|v| fail_on.fails(v));
            assert_eq!(got, expect, "{fail_on:?}");
        }
    }

    #[test]
    fn conflicts_fail_unless_accepted_or_suppressed() {
        let mut r = report(vec![conflict(), agree()]);
        assert!(!apply(&mut r, &Baseline::default(), &[], FailOn::Conflict));
        assert_eq!((r.summary.failing, r.summary.accepted), (1, 0));
        assert!(apply(
            &mut r.clone(),
            &Baseline::default(),
            &[],
            FailOn::Never
        ));

        let mut baseline = Baseline::default();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap_or_default();
        baseline.accept(&conflict(), "checked with the desk", "ed", date);
        let mut r = report(vec![conflict(), agree()]);
        assert!(apply(&mut r, &baseline, &[], FailOn::Conflict));
        assert_eq!((r.summary.failing, r.summary.accepted), (0, 1));
        let status = r.status(&conflict().id).cloned().unwrap_or_default();
        assert!(status.accepted && !status.fails_gate);
        assert_eq!(
            status.baseline.map(|a| a.reason),
            Some("checked with the desk".to_string())
        );

        let s = Suppression {
            doc: "b".into(),
            path: "b.md".into(),
            line: 4,
            target_line: 5,
        };
        let unused = Suppression {
            doc: "b".into(),
            path: "b.md".into(),
            line: 8,
            target_line: 9,
        };
        let mut r = report(vec![conflict(), agree()]);
        assert!(apply(
            &mut r,
            &Baseline::default(),
            &[s, unused],
            FailOn::Conflict
        ));
        assert_eq!(r.summary.suppressed, 1);
        let used: Vec<(usize, bool)> = r.suppressions.iter().map(|u| (u.line, u.used)).collect();
        assert_eq!(used, [(4, true), (8, false)]);
    }

    #[test]
    fn a_changed_claim_fails_again_and_the_old_entry_is_stale() {
        let mut baseline = Baseline::default();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap_or_default();
        baseline.accept(&conflict(), "known", "ed", date);
        let edited = finding(
            Verdict::Conflict,
            vec![
                claim("a", "Four people", "Four people were killed.", 3),
                claim("b", "Seven people", "Seven people were killed.", 5),
            ],
        );
        let mut r = report(vec![edited]);
        assert!(!apply(&mut r, &baseline, &[], FailOn::Conflict));
        assert_eq!(r.stale_baseline.len(), 1);
        assert_eq!(r.stale_baseline[0].id, conflict().id);
        assert_eq!(r.stale_baseline[0].docs, ["a", "b"]);
        assert_eq!(
            r.stale_baseline[0].changed_into.as_deref(),
            r.findings.first().map(|f| f.id.as_str())
        );
    }

    #[test]
    fn severity_policy_overrides_and_hides() {
        let mut r = report(vec![conflict(), agree()]);
        SeverityPolicy {
            conflict: Some(SeverityLevel::Warning),
            agree: Some(SeverityLevel::Off),
            related: None,
        }
        .apply(&mut r);
        let got: Vec<(Verdict, Severity)> =
            r.findings.iter().map(|f| (f.verdict, f.severity)).collect();
        assert_eq!(got, [(Verdict::Conflict, Severity::Warning)]);
        assert_eq!((r.summary.agree, r.summary.conflict), (0, 1));
    }

    #[test]
    fn retain_involving_keeps_findings_of_changed_articles() {
        let third = finding(
            Verdict::Conflict,
            vec![
                claim("c", "3 people", "3 people died.", 1),
                claim("b", "Six people", "Six people were killed.", 5),
            ],
        );
        let mut r = report(vec![conflict(), agree(), third]);
        apply(&mut r, &Baseline::default(), &[], FailOn::Conflict);
        retain_involving(&mut r, &HashSet::from(["c".to_string()]));
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.summary.failing, 1);
        assert_eq!(r.status.len(), 1);
        retain_failing(&mut r);
        assert_eq!(r.findings.len(), 1);
    }
}
