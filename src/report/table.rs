//! The human table of `claimcheck check --format table`: per finding a
//! headline (verdict, severity, topic), the explanation, and a comparison
//! table (comfy-table) with one row per claim — article, published date, the
//! figure as written, normalised value, time scope, attribution, verdict.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};

use crate::compare::{Finding, FindingClaim, Report};
use crate::report::claims::human_value;

const HEADER: [&str; 7] = [
    "article",
    "published",
    "as written",
    "value",
    "time",
    "attribution",
    "verdict",
];

/// Writes every finding's comparison table and a summary line. `width` is
/// the terminal width, if any.
pub fn write(out: &mut dyn Write, report: &Report, width: Option<u16>) -> io::Result<()> {
    for finding in &report.findings {
        write_finding(out, report, finding, width)?;
        writeln!(out)?;
    }
    let s = &report.summary;
    writeln!(
        out,
        "{} article{}, {} claims: {} conflict{}, {} agreement{}, {} related.",
        s.documents,
        if s.documents == 1 { "" } else { "s" },
        s.claims,
        s.conflict,
        if s.conflict == 1 { "" } else { "s" },
        s.agree,
        if s.agree == 1 { "" } else { "s" },
        s.related
    )
}

fn write_finding(
    out: &mut dyn Write,
    report: &Report,
    f: &Finding,
    width: Option<u16>,
) -> io::Result<()> {
    writeln!(
        out,
        "{} [{}] {}  (id {})",
        f.verdict.as_str().to_uppercase(),
        f.severity.as_str(),
        f.topic,
        f.id
    )?;
    writeln!(out, "  {}", f.explanation)?;
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_header(HEADER);
    for c in &f.claims {
        table.add_row(row(report, c));
    }
    if let Some(w) = width {
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.set_width(w);
    }
    writeln!(out, "{table}")
}

/// One table row for a claim of a finding.
pub fn row(report: &Report, c: &FindingClaim) -> [String; 7] {
    let framed = &c.framed;
    let published = report
        .published(&framed.doc)
        .map_or("—".to_string(), |d| d.to_string());
    let line = if framed
        .doc
        .starts_with(crate::compare::align::REFERENCE_PREFIX)
    {
        framed.doc.clone()
    } else {
        format!("{}:{}", framed.doc, framed.claim.line)
    };
    let time = framed.frame.time.map_or("—".to_string(), |t| t.label());
    let mut attribution = framed
        .frame
        .attribution
        .clone()
        .unwrap_or_else(|| "—".to_string());
    if framed.frame.polarity == crate::frame::Polarity::Denied {
        attribution.push_str(" (denial)");
    }
    [
        line,
        published,
        framed
            .claim
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        human_value(&framed.claim),
        time,
        attribution,
        c.verdict
            .map_or("context".to_string(), |v| v.as_str().to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, Kind, Value};
    use crate::compare::{ReportDocument, Severity, Verdict};
    use crate::frame::{Frame, FramedClaim};

    fn finding_claim(doc: &str, text: &str, verdict: Option<Verdict>) -> FindingClaim {
        FindingClaim {
            framed: FramedClaim {
                claim: Claim {
                    line: 3,
                    unit: Some("USD".into()),
                    ..Claim::sample(doc, Kind::Money, text, 0, Value::exact(13e6))
                },
                doc: doc.into(),
                frame: Frame {
                    attribution: Some("SIPRI".into()),
                    ..Frame::default()
                },
            },
            verdict,
        }
    }

    #[test]
    fn renders_one_row_per_claim() {
        let finding = Finding {
            id: "abc".into(),
            verdict: Verdict::Conflict,
            severity: Severity::Error,
            topic: "Israel → Rwanda · arms transfers · 2013".into(),
            claims: vec![
                finding_claim("a", "$13 million", Some(Verdict::Conflict)),
                finding_claim("b", "$20 million", None),
            ],
            explanation: "They differ.".into(),
        };
        let docs = vec![ReportDocument {
            id: "a".into(),
            path: "a.md".into(),
            published: chrono::NaiveDate::from_ymd_opt(2018, 3, 20),
        }];
        let report = Report::new(docs, 2, 2, vec![finding]);
        let mut buf = Vec::new();
        write(&mut buf, &report, None).unwrap();
        let text = String::from_utf8(buf).unwrap();
        for needle in [
            "CONFLICT [error] Israel → Rwanda",
            "They differ.",
            "a:3",
            "2018-03-20",
            "$20 million",
            "13,000,000 USD",
            "SIPRI",
            "context",
            "1 conflict",
        ] {
            assert!(text.contains(needle), "{needle} missing in\n{text}");
        }
    }
}
