//! GitHub Actions workflow commands (`claimcheck check --format github`):
//! one `::error`/`::warning`/`::notice` annotation per article location of
//! each finding, so the pull request shows it on the line.
//!
//! Format: `::error file=F,line=L,endLine=L,col=C,endColumn=C,title=T::MESSAGE`.
//! Messages escape `%`, CR and LF; property values also escape `:` and `,`
//! (as `@actions/core` does). Columns are characters, the end exclusive;
//! they are left out when a claim spans several lines (GitHub accepts
//! columns only on one line). A finding with no article location (reference
//! facts only) gets one annotation without a file.

use std::fmt::Write as _;

use crate::compare::{Finding, Report, Severity};
use crate::document::Document;

use super::location::{ClaimLocation, Locator};

/// Escapes for the message part: `%`, CR, LF.
const DATA_ESCAPES: &[(char, &str)] = &[('%', "%25"), ('\r', "%0D"), ('\n', "%0A")];
/// Escapes for property values: the message escapes plus `:` and `,`.
const PROPERTY_ESCAPES: &[(char, &str)] = &[
    ('%', "%25"),
    ('\r', "%0D"),
    ('\n', "%0A"),
    (':', "%3A"),
    (',', "%2C"),
];

/// The workflow command of a severity.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn escape(s: &str, table: &[(char, &str)]) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match table.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => out.push_str(to),
            None => out.push(c),
        }
    }
    out
}

/// Escapes a message (`%`, CR, LF).
pub fn escape_data(s: &str) -> String {
    escape(s, DATA_ESCAPES)
}

/// Escapes a property value (`%`, CR, LF, `:`, `,`).
pub fn escape_property(s: &str) -> String {
    escape(s, PROPERTY_ESCAPES)
}

/// Renders every finding as workflow commands, one per line.
pub fn render(report: &Report, documents: &[Document]) -> String {
    let locator = Locator::new(report, documents);
    let mut out = String::new();
    for finding in &report.findings {
        let locations = locator.claims(finding);
        let placed: Vec<&ClaimLocation> = locations
            .iter()
            .filter(|l| l.primary && !l.reference && l.file.is_some())
            .collect();
        if placed.is_empty() {
            push_command(&mut out, finding, None, &locations);
        }
        for here in placed {
            push_command(&mut out, finding, Some(here), &locations);
        }
    }
    out
}

fn push_command(
    out: &mut String,
    finding: &Finding,
    here: Option<&ClaimLocation>,
    all: &[ClaimLocation],
) {
    let mut props: Vec<(&str, String)> = Vec::new();
    if let Some(here) = here {
        if let Some(file) = &here.file {
            props.push(("file", file.clone()));
        }
        if let Some(r) = &here.region {
            props.push(("line", r.start_line.to_string()));
            props.push(("endLine", r.end_line.to_string()));
            if r.start_line == r.end_line && here.record_region.is_none() {
                props.push(("col", r.start_column.to_string()));
                props.push(("endColumn", r.end_column.to_string()));
            }
        }
    }
    props.push((
        "title",
        format!("claimcheck {}: {}", finding.verdict.as_str(), finding.topic),
    ));
    let props: Vec<String> = props
        .into_iter()
        .map(|(k, v)| format!("{k}={}", escape_property(&v)))
        .collect();
    let message = message(finding, here, all);
    let _ = writeln!(
        out,
        "::{} {}::{}",
        command(finding.severity),
        props.join(","),
        escape_data(&message)
    );
}

/// The explanation, the other claims of the finding (file:line:col and text)
/// and the finding id, one per line.
fn message(finding: &Finding, here: Option<&ClaimLocation>, all: &[ClaimLocation]) -> String {
    let mut msg = finding.explanation.clone();
    for other in all.iter().filter(|l| l.primary) {
        let same = here.is_some_and(|h| std::ptr::eq(h.claim, other.claim));
        if same {
            continue;
        }
        let _ = write!(msg, "\n{}", describe(other));
    }
    let _ = write!(msg, "\nfinding {}", finding.id);
    msg
}

/// "corpus/b.md:3:5: “€12 million”" or "reference claims/reference/x.json: …".
pub fn describe(loc: &ClaimLocation) -> String {
    let claim = &loc.claim.framed.claim;
    let file = loc.file.as_deref().unwrap_or(&loc.claim.framed.doc);
    if loc.reference {
        let sentence = claim.sentence.split_whitespace().collect::<Vec<_>>();
        return format!("reference {file}: {}", sentence.join(" "));
    }
    let text = claim.text.split_whitespace().collect::<Vec<_>>().join(" ");
    match (&loc.region, &loc.record_region) {
        (Some(r), Some(rec)) => format!(
            "{file}:{} (record {}:{}): “{text}”",
            r.start_line, rec.start_line, rec.start_column
        ),
        (Some(r), None) => format!("{file}:{}:{}: “{text}”", r.start_line, r.start_column),
        _ => format!("{file}: “{text}”"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn property_and_message_escapes() {
        let cases = [
            ("plain", "plain", "plain"),
            ("50%", "50%25", "50%25"),
            ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
            ("one\ntwo\r\n", "one%0Atwo%0D%0A", "one%0Atwo%0D%0A"),
            ("%0A", "%250A", "%250A"),
            (
                "Israel → Rwanda · €",
                "Israel → Rwanda · €",
                "Israel → Rwanda · €",
            ),
        ];
        for (raw, data, property) in cases {
            assert_eq!(escape_data(raw), data, "{raw:?}");
            assert_eq!(escape_property(raw), property, "{raw:?}");
        }
    }

    #[test]
    fn one_annotation_per_article_location() {
        let out = render(&fixture::report(), &fixture::documents());
        let lines: Vec<&str> = out.lines().collect();
        let want = [
            "::error file=corpus/a.md,line=7,endLine=7,col=43,endColumn=54,title=claimcheck conflict%3A Army → arms%3A purchases::$13 million (a) vs €12 million (b): 100%25 different,%0Asee both%0Acorpus/b: notes.md:1:35: “€12 million”%0Afinding 00c0ffee00c0ffee",
            "::error file=corpus/b%3A notes.md,line=1,endLine=1,col=35,endColumn=46,title=claimcheck conflict%3A Army → arms%3A purchases::$13 million (a) vs €12 million (b): 100%25 different,%0Asee both%0Acorpus/a.md:7:43: “$13 million”%0Afinding 00c0ffee00c0ffee",
            "::warning file=corpus/a.md,line=7,endLine=7,col=43,endColumn=54,title=claimcheck related%3A Army · arms · 2013::TIV is not a price.%0Areference claims/reference/sipri.json: SIPRI register: TIV 12.75 million.%0Afinding 1111222233334444",
            "::notice file=corpus/b%3A notes.md,line=1,endLine=1,col=57,endColumn=60,title=claimcheck agree%3A guns::Consistent.%0Afinding 5555666677778888",
        ];
        assert_eq!(lines, want);
    }

    #[test]
    fn reference_only_findings_have_no_file() {
        let mut report = fixture::report();
        for f in &mut report.findings {
            f.claims.retain(|c| c.framed.doc.starts_with("reference:"));
        }
        let out = render(&report, &fixture::documents());
        let related: Vec<&str> = out.lines().filter(|l| l.starts_with("::warning")).collect();
        assert_eq!(
            related,
            [
                "::warning title=claimcheck related%3A Army · arms · 2013::TIV is not a price.%0Areference claims/reference/sipri.json: SIPRI register: TIV 12.75 million.%0Afinding 1111222233334444"
            ]
        );
        // Findings with no claims left still get one line each.
        assert_eq!(out.lines().count(), 3);
    }
}
