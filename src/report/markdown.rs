//! The Markdown report of `claimcheck check --format markdown`: a summary,
//! then one section per finding with its explanation, a comparison table
//! and the quoted sentences, ready to paste into a review.

use std::io::{self, Write};

use crate::compare::{Finding, Report};

use super::table::row;

/// Writes the report as Markdown.
pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out, "# claimcheck report\n")?;
    writeln!(
        out,
        "{} articles, {} claims: **{} conflicts**, {} agreements, {} related.\n",
        s.documents, s.claims, s.conflict, s.agree, s.related
    )?;
    for f in &report.findings {
        write_finding(out, report, f)?;
    }
    Ok(())
}

/// Escapes the characters that would break a Markdown table cell.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn write_finding(out: &mut dyn Write, report: &Report, f: &Finding) -> io::Result<()> {
    writeln!(
        out,
        "## {} ({}): {}\n",
        f.verdict.as_str(),
        f.severity.as_str(),
        cell(&f.topic)
    )?;
    writeln!(out, "{}\n", cell(&f.explanation))?;
    writeln!(
        out,
        "| article | published | as written | value | time | attribution | verdict |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")?;
    for c in &f.claims {
        let cells: Vec<String> = row(report, c).iter().map(|s| cell(s)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)?;
    for c in &f.claims {
        writeln!(
            out,
            "> **{}**: {}\n",
            cell(&c.framed.doc),
            cell(&c.framed.claim.sentence)
        )?;
    }
    writeln!(out, "<sub>finding {}</sub>\n", f.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{Severity, Verdict};

    #[test]
    fn escapes_table_cells_and_lists_findings() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        let f = Finding {
            id: "f1".into(),
            verdict: Verdict::Agree,
            severity: Severity::Info,
            topic: "Springfield · killed".into(),
            claims: vec![],
            explanation: "Both say 2.".into(),
        };
        let report = Report::new(vec![], 2, 4, vec![f]);
        let mut buf = Vec::new();
        write(&mut buf, &report).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(
            text.contains("## agree (info): Springfield · killed"),
            "{text}"
        );
        assert!(text.contains("0 conflicts"), "{text}");
        assert!(text.contains("finding f1"));
    }
}
