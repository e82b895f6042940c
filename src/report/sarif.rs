//! SARIF 2.1.0 (`claimcheck check --format sarif`), for GitHub code scanning
//! and other SARIF viewers.
//!
//! One run; one rule per verdict (`claimcheck/conflict`, `claimcheck/related`,
//! `claimcheck/agree`, default levels error/warning/note); one result per
//! finding with its level from the finding's severity, `locations` in every
//! article involved (the claims that carry the verdict), `relatedLocations`
//! for the context claims and reference facts, and the stable finding id in
//! `partialFingerprints`. Columns are Unicode code points (`columnKind`),
//! region ends exclusive; each region carries the claim as `snippet` and its
//! whole source line as a `contextRegion`.

use serde_json::{Value, json};

use crate::compare::{Finding, Report, Severity, Verdict};
use crate::document::Document;
use crate::report::claims::human_value;

use super::location::{ClaimLocation, Locator};

pub const SARIF_VERSION: &str = "2.1.0";
pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key of the finding id in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "claimcheckFindingId/v1";
/// Where users read about the tool when Cargo.toml names no repository.
const FALLBACK_INFORMATION_URI: &str = "https://crates.io/crates/claimcheck";

/// The rules, in `ruleIndex` order: verdict, id, name, default level, description.
const RULES: &[(Verdict, &str, &str, &str, &str)] = &[
    (
        Verdict::Conflict,
        "claimcheck/conflict",
        "ClaimConflict",
        "error",
        "Articles (or an article and a reference fact) state incompatible values for the same thing, or one asserts what another denies over the same period.",
    ),
    (
        Verdict::Related,
        "claimcheck/related",
        "ClaimRelated",
        "warning",
        "Claims about the same topic that cannot be compared directly (different periods, measures or units, such as a SIPRI TIV against dollars).",
    ),
    (
        Verdict::Agree,
        "claimcheck/agree",
        "ClaimAgreement",
        "note",
        "Claims about the same thing whose values agree after units, qualifiers, ranges and rounding.",
    ),
];

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn information_uri() -> &'static str {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty())
        .unwrap_or(FALLBACK_INFORMATION_URI)
}

/// Renders the report as one pretty-printed SARIF log, with a final newline.
pub fn render(report: &Report, documents: &[Document]) -> String {
    let locator = Locator::new(report, documents);
    let rules: Vec<Value> = RULES
        .iter()
        .map(|(_, id, name, level, text)| {
            json!({
                "id": id,
                "name": name,
                "shortDescription": {"text": format!("claimcheck: {}", name)},
                "fullDescription": {"text": text},
                "defaultConfiguration": {"level": level},
                "helpUri": information_uri(),
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| result(f, &locator.claims(f)))
        .collect();
    let log = json!({
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": information_uri(),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {
                "documents": report.summary.documents,
                "claims": report.summary.claims,
                "agree": report.summary.agree,
                "conflict": report.summary.conflict,
                "related": report.summary.related,
            },
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

fn result(finding: &Finding, locations: &[ClaimLocation]) -> Value {
    let rule_index = RULES
        .iter()
        .position(|(v, ..)| *v == finding.verdict)
        .unwrap_or(0);
    let rule_id = RULES.get(rule_index).map_or("claimcheck/conflict", |r| r.1);
    let (primary, related): (Vec<&ClaimLocation>, Vec<&ClaimLocation>) = locations
        .iter()
        .partition(|l| l.primary && !l.reference && l.region.is_some());
    let located: Vec<Value> = primary
        .iter()
        .enumerate()
        .map(|(i, l)| location(i, l))
        .collect();
    let related: Vec<Value> = related
        .iter()
        .enumerate()
        .map(|(i, l)| location(primary.len() + i, l))
        .collect();
    let mut result = json!({
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": {"text": format!("{}: {}", finding.topic, finding.explanation)},
        "locations": located,
        "partialFingerprints": {FINGERPRINT_KEY: finding.id},
        "properties": {
            "findingId": finding.id,
            "verdict": finding.verdict.as_str(),
            "severity": finding.severity.as_str(),
            "topic": finding.topic,
        },
    });
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

/// A SARIF location for one claim; `id` is unique within its result.
fn location(id: usize, loc: &ClaimLocation) -> Value {
    let framed = &loc.claim.framed;
    let claim = &framed.claim;
    let what = if loc.reference {
        format!(
            "reference fact: {} ({})",
            claim.sentence.trim(),
            human_value(claim)
        )
    } else {
        let role = if loc.primary { "" } else { ", context" };
        format!(
            "{}: “{}” = {}{role}",
            framed.doc,
            one_line(&claim.text),
            human_value(claim)
        )
    };
    let mut out = json!({"id": id, "message": {"text": what}});
    let Some(file) = &loc.file else {
        return out;
    };
    let mut physical = json!({"artifactLocation": {"uri": file_uri(file)}});
    if let Some(r) = &loc.region {
        let mut region = json!({"startLine": r.start_line});
        if loc.record_region.is_none() {
            region["startColumn"] = json!(r.start_column);
            region["endLine"] = json!(r.end_line);
            region["endColumn"] = json!(r.end_column);
            region["snippet"] = json!({"text": claim.text});
        }
        physical["region"] = region;
        if let Some(source) = loc.source {
            physical["contextRegion"] = json!({
                "startLine": r.start_line,
                "endLine": r.start_line + source.matches('\n').count(),
                "snippet": {"text": source},
            });
        }
    }
    out["physicalLocation"] = physical;
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Bytes kept as they are in a URI path; everything else is percent-encoded
/// (UTF-8). `:` is encoded so a relative path never reads as a scheme.
fn keep_in_uri(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b)
}

/// A document path as a SARIF `uri`: relative paths stay relative (resolved
/// against the repository root by code scanning), absolute ones become
/// `file://` URIs; both percent-encoded.
pub fn file_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let is_windows_drive = path.len() > 2
        && path.as_bytes().get(1) == Some(&b':')
        && path.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    let (prefix, rest) = if path.starts_with('/') {
        ("file://", path.as_str())
    } else if is_windows_drive {
        ("file:///", path.as_str())
    } else {
        ("", path.as_str())
    };
    let mut out = String::from(prefix);
    for (i, b) in rest.bytes().enumerate() {
        let drive_colon = is_windows_drive && i == 1;
        if keep_in_uri(b) || drive_colon {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn uris() {
        let cases = [
            ("corpus/a.md", "corpus/a.md"),
            ("corpus/b: notes.md", "corpus/b%3A%20notes.md"),
            ("/abs/x y.md", "file:///abs/x%20y.md"),
            ("C:\\news\\a.md", "file:///C:/news/a.md"),
            ("café/ü.md", "caf%C3%A9/%C3%BC.md"),
            ("100%.md", "100%25.md"),
            ("a#b?.md", "a%23b%3F.md"),
        ];
        for (path, want) in cases {
            assert_eq!(file_uri(path), want, "{path}");
        }
    }

    fn log() -> Value {
        let out = render(&fixture::report(), &fixture::documents());
        assert!(out.ends_with("}\n"));
        serde_json::from_str(&out).unwrap()
    }

    #[test]
    fn one_result_per_finding_with_rules_and_fingerprints() {
        let log = log();
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "claimcheck");
        assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
        let rules: Vec<(&str, &str)> = run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["id"].as_str().unwrap(),
                    r["defaultConfiguration"]["level"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            rules,
            [
                ("claimcheck/conflict", "error"),
                ("claimcheck/related", "warning"),
                ("claimcheck/agree", "note")
            ]
        );
        let results = run["results"].as_array().unwrap();
        let summary: Vec<(&str, u64, &str, &str)> = results
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap(),
                    r["ruleIndex"].as_u64().unwrap(),
                    r["level"].as_str().unwrap(),
                    r["partialFingerprints"][FINGERPRINT_KEY].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("claimcheck/conflict", 0, "error", "00c0ffee00c0ffee"),
                ("claimcheck/related", 1, "warning", "1111222233334444"),
                ("claimcheck/agree", 2, "note", "5555666677778888"),
            ]
        );
    }

    #[test]
    fn conflict_has_a_location_in_each_article() {
        let log = log();
        let conflict = &log["runs"][0]["results"][0];
        let locs = conflict["locations"].as_array().unwrap();
        let places: Vec<(String, u64, u64, u64, u64, String)> = locs
            .iter()
            .map(|l| {
                let p = &l["physicalLocation"];
                let r = &p["region"];
                (
                    p["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                    r["startLine"].as_u64().unwrap(),
                    r["startColumn"].as_u64().unwrap(),
                    r["endLine"].as_u64().unwrap(),
                    r["endColumn"].as_u64().unwrap(),
                    r["snippet"]["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            places,
            [
                ("corpus/a.md".into(), 7, 43, 7, 54, "$13 million".into()),
                (
                    "corpus/b%3A%20notes.md".into(),
                    1,
                    35,
                    1,
                    46,
                    "€12 million".into()
                ),
            ]
        );
        assert_eq!(
            locs[0]["physicalLocation"]["contextRegion"]["snippet"]["text"],
            "Officials said the army bought arms worth $13 million in 2013."
        );
        // The year that scopes the figure is context, not a location.
        let related = conflict["relatedLocations"].as_array().unwrap();
        assert_eq!(related.len(), 1);
        assert_eq!(related[0]["id"], 2);
        assert_eq!(
            related[0]["physicalLocation"]["region"]["snippet"]["text"],
            "2013"
        );
        let reference = &log["runs"][0]["results"][1]["relatedLocations"][0];
        assert_eq!(
            reference["physicalLocation"]["artifactLocation"]["uri"],
            "claims/reference/sipri.json"
        );
        assert!(reference["physicalLocation"].get("region").is_none());
        assert!(
            reference["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with("reference fact: SIPRI register")
        );
    }

    #[test]
    fn empty_report_is_a_valid_log() {
        let report = Report::new(vec![], 0, 0, vec![]);
        let log: Value = serde_json::from_str(&render(&report, &[])).unwrap();
        assert_eq!(log["runs"][0]["results"], json!([]));
    }
}
