//! reviewdog diagnostics, JSON Lines (`claimcheck check --format rdjsonl`):
//! one `Diagnostic` per article location of each finding, so
//! `reviewdog -f=rdjsonl -filter-mode=added` posts only the findings on
//! lines a pull request adds.
//!
//! Each line: `message`, `location` (`path`, `range` with 1-based start and
//! exclusive end; columns in UTF-8 bytes as reviewdog's format defines them),
//! `severity` (ERROR, WARNING, INFO), `source.name` = claimcheck and
//! `code.value` = the verdict. A claim inside a JSON Lines record points at
//! the record's line without columns. Findings with no article location
//! (reference facts only) are left out: reviewdog needs a path.

use serde::Serialize;

use crate::compare::{Finding, Report, Severity};
use crate::document::Document;

use super::github::describe;
use super::location::{ClaimLocation, Locator};

#[derive(Serialize)]
struct Diagnostic<'a> {
    message: String,
    location: Location,
    severity: &'static str,
    source: Source,
    code: Code<'a>,
}

#[derive(Serialize)]
struct Location {
    path: String,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
}

#[derive(Serialize)]
struct Code<'a> {
    value: &'a str,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// Renders every finding as reviewdog diagnostics, one JSON object per line.
pub fn render(report: &Report, documents: &[Document]) -> String {
    let locator = Locator::new(report, documents);
    let mut out = String::new();
    for finding in &report.findings {
        let locations = locator.claims(finding);
        for here in locations.iter().filter(|l| l.primary && !l.reference) {
            if let Some(d) = diagnostic(finding, here, &locations) {
                out.push_str(&serde_json::to_string(&d).unwrap_or_default());
                out.push('\n');
            }
        }
    }
    out
}

fn diagnostic<'a>(
    finding: &'a Finding,
    here: &ClaimLocation,
    all: &[ClaimLocation],
) -> Option<Diagnostic<'a>> {
    let path = here.file.clone()?;
    let r = here.region?;
    let whole_line = here.record_region.is_some();
    let column = |c: usize| (!whole_line).then_some(c);
    let mut message = format!(
        "[{}] {}: {}",
        finding.verdict.as_str(),
        finding.topic,
        finding.explanation
    );
    for other in all.iter().filter(|l| l.primary) {
        if !std::ptr::eq(other.claim, here.claim) {
            message.push('\n');
            message.push_str(&describe(other));
        }
    }
    message.push_str(&format!("\nfinding {}", finding.id));
    Some(Diagnostic {
        message,
        location: Location {
            path,
            range: Range {
                start: Position {
                    line: r.start_line,
                    column: column(r.start_byte_column),
                },
                end: Position {
                    line: r.end_line,
                    column: column(r.end_byte_column),
                },
            },
        },
        severity: severity(finding.severity),
        source: Source { name: "claimcheck" },
        code: Code {
            value: finding.verdict.as_str(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn one_diagnostic_per_article_location() {
        let out = render(&fixture::report(), &fixture::documents());
        let lines: Vec<&str> = out.lines().collect();
        let want = [
            r#"{"message":"[conflict] Army → arms: purchases: $13 million (a) vs €12 million (b): 100% different,\nsee both\ncorpus/b: notes.md:1:35: “€12 million”\nfinding 00c0ffee00c0ffee","location":{"path":"corpus/a.md","range":{"start":{"line":7,"column":43},"end":{"line":7,"column":54}}},"severity":"ERROR","source":{"name":"claimcheck"},"code":{"value":"conflict"}}"#,
            // "Le café\u{a0}": é and the no-break space are two bytes each.
            r#"{"message":"[conflict] Army → arms: purchases: $13 million (a) vs €12 million (b): 100% different,\nsee both\ncorpus/a.md:7:43: “$13 million”\nfinding 00c0ffee00c0ffee","location":{"path":"corpus/b: notes.md","range":{"start":{"line":1,"column":37},"end":{"line":1,"column":50}}},"severity":"ERROR","source":{"name":"claimcheck"},"code":{"value":"conflict"}}"#,
            r#"{"message":"[related] Army · arms · 2013: TIV is not a price.\nreference claims/reference/sipri.json: SIPRI register: TIV 12.75 million.\nfinding 1111222233334444","location":{"path":"corpus/a.md","range":{"start":{"line":7,"column":43},"end":{"line":7,"column":54}}},"severity":"WARNING","source":{"name":"claimcheck"},"code":{"value":"related"}}"#,
            r#"{"message":"[agree] guns: Consistent.\nfinding 5555666677778888","location":{"path":"corpus/b: notes.md","range":{"start":{"line":1,"column":61},"end":{"line":1,"column":64}}},"severity":"INFO","source":{"name":"claimcheck"},"code":{"value":"agree"}}"#,
        ];
        assert_eq!(lines, want);
        for line in lines {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["source"]["name"], "claimcheck");
        }
    }

    #[test]
    fn records_point_at_their_line() {
        let mut docs = fixture::documents();
        docs[1].path = "dump.jsonl:12".into();
        let mut report = fixture::report();
        report
            .findings
            .retain(|f| f.verdict == crate::compare::Verdict::Agree);
        let out = render(&report, &docs);
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["location"]["path"], "dump.jsonl");
        assert_eq!(
            v["location"]["range"],
            serde_json::json!({"start": {"line": 12}, "end": {"line": 12}})
        );
    }
}
