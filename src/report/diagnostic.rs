//! The human `text` format of `claimcheck check`: each finding rendered
//! like a compiler diagnostic.
//!
//! ```text
//! error[conflict]: Israel → Rwanda · arms transfers
//!   --> corpus/a.md:12:34
//!    |
//! 12 | … sold arms worth $13 million in 2013 …
//!    |                   ^^^^^^^^^^^ 13,000,000 USD
//!    |
//!   ::: corpus/b.md:3:5
//!    |
//!  3 | The ministry paid €12 million for guns.
//!    |                   ^^^^^^^^^^^ 12,000,000 EUR
//!    |
//!    = reference claims/reference/sipri.json: SIPRI register: TIV 12.75 million.
//!    = note: the explanation
//!    = id: 00c0ffee00c0ffee
//! ```
//!
//! Hand-written (no snippet crate): the layout is small and fixed. Columns
//! and underlines count characters, not bytes; long lines are cut to a
//! window around the claim; tabs and control characters are shown as
//! spaces so underlines stay aligned. Colour is ANSI, only when the caller
//! asks for it (it decides from `--color` and `NO_COLOR`). Reference facts
//! have no source line and become `= reference` notes.

use std::fmt::Write as _;

use crate::compare::{Finding, Report, Severity};
use crate::document::Document;
use crate::report::claims::human_value;

use super::location::{ClaimLocation, Locator};

/// The longest source line shown whole, in characters; longer lines are cut
/// to a window of [`CONTEXT_CHARS`] on each side of the claims.
const MAX_LINE_CHARS: usize = 120;
const CONTEXT_CHARS: usize = 40;
/// The longest reference-fact sentence shown in a `= reference` note.
const REFERENCE_CHARS: usize = 160;

/// ANSI styles (SGR sequences).
const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const CYAN: &str = "\x1b[1;36m";
const BLUE: &str = "\x1b[1;34m";

/// Writes ANSI colour only when enabled.
#[derive(Clone, Copy)]
struct Style {
    color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    }
}

fn level(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("error", RED),
        Severity::Warning => ("warning", YELLOW),
        Severity::Info => ("info", CYAN),
    }
}

/// Renders every finding, then a summary line.
pub fn render(report: &Report, documents: &[Document], color: bool) -> String {
    let style = Style { color };
    let locator = Locator::new(report, documents);
    let mut out = String::new();
    for finding in &report.findings {
        render_finding(&mut out, finding, &locator.claims(finding), style);
        out.push('\n');
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} article{}, {} claims: {} conflict{}, {} agreement{}, {} related.",
        s.documents,
        plural(s.documents),
        s.claims,
        s.conflict,
        plural(s.conflict),
        s.agree,
        plural(s.agree),
        s.related
    );
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One snippet: the claims of one file line shown together.
struct Snippet<'a> {
    file: String,
    line: usize,
    column: usize,
    source: Option<&'a str>,
    /// (start column, end column exclusive, label) on the first source line.
    marks: Vec<(usize, usize, String)>,
}

fn render_finding(out: &mut String, f: &Finding, locations: &[ClaimLocation], style: Style) {
    let (name, color) = level(f.severity);
    let _ = writeln!(
        out,
        "{}{}",
        style.paint(color, &format!("{name}[{}]", f.verdict.as_str())),
        style.paint(BOLD, &format!(": {}", f.topic))
    );
    let snippets = snippets(locations);
    let width = snippets
        .iter()
        .map(|s| s.line.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(width);
    let bar = style.paint(BLUE, "|");
    for (i, s) in snippets.iter().enumerate() {
        let arrow = if i == 0 { "-->" } else { ":::" };
        let _ = writeln!(
            out,
            "{pad}{} {}:{}:{}",
            style.paint(BLUE, arrow),
            s.file,
            s.line,
            s.column
        );
        let _ = writeln!(out, "{pad} {bar}");
        match s.source {
            Some(source) => {
                let first = source.split('\n').next().unwrap_or("");
                let (shown, marks) = window(first, &s.marks);
                let number = style.paint(BLUE, &format!("{:>width$}", s.line));
                let _ = writeln!(out, "{number} {bar} {}", shown.trim_end());
                let _ = writeln!(out, "{pad} {bar} {}", underline(&marks, style, color));
            }
            None => {
                let labels: Vec<&str> = s.marks.iter().map(|m| m.2.as_str()).collect();
                let _ = writeln!(out, "{pad} {bar} {}", labels.join("; "));
            }
        }
        let _ = writeln!(out, "{pad} {bar}");
    }
    let eq = style.paint(BLUE, "=");
    for loc in locations.iter().filter(|l| l.reference) {
        let claim = &loc.claim.framed.claim;
        let file = loc.file.as_deref().unwrap_or(&loc.claim.framed.doc);
        let _ = writeln!(
            out,
            "{pad} {eq} {}: {} ({})",
            style.paint(BOLD, &format!("reference {file}")),
            cut(&one_line(&claim.sentence), REFERENCE_CHARS),
            human_value(claim)
        );
    }
    let _ = writeln!(
        out,
        "{pad} {eq} {}: {}",
        style.paint(BOLD, "note"),
        one_line(&f.explanation)
    );
    let _ = writeln!(out, "{pad} {eq} {}: {}", style.paint(BOLD, "id"), f.id);
}

/// Groups the primary article claims by (file, line), in finding order.
fn snippets<'a>(locations: &[ClaimLocation<'a>]) -> Vec<Snippet<'a>> {
    let mut out: Vec<Snippet> = Vec::new();
    for loc in locations.iter().filter(|l| l.primary && !l.reference) {
        let Some(r) = loc.record_region.or(loc.region) else {
            continue;
        };
        let file = match (&loc.file, loc.region, loc.record_region) {
            (Some(f), Some(outer), Some(_)) => format!("{f}:{} (record)", outer.start_line),
            (Some(f), _, _) => f.clone(),
            (None, _, _) => loc.claim.framed.doc.clone(),
        };
        let claim = &loc.claim.framed.claim;
        let end = if r.end_line == r.start_line {
            r.end_column
        } else {
            usize::MAX
        };
        let mark = (r.start_column, end, human_value(claim));
        if let Some(s) = out
            .iter_mut()
            .find(|s| s.file == file && s.line == r.start_line)
        {
            s.marks.push(mark);
            continue;
        }
        out.push(Snippet {
            file,
            line: r.start_line,
            column: r.start_column,
            source: loc.source,
            marks: vec![mark],
        });
    }
    out
}

/// The part of `line` to show and the marks shifted into it (columns are
/// 1-based characters of the shown text). Long lines are cut around the
/// marks with "…"; tabs and control characters become spaces.
fn window(line: &str, marks: &[(usize, usize, String)]) -> (String, Vec<(usize, usize, String)>) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let len = chars.len();
    let clamp = |c: usize| c.clamp(1, len + 1);
    let mut marks: Vec<(usize, usize, String)> = marks
        .iter()
        .map(|(s, e, l)| {
            let s = clamp(*s);
            (s, clamp(*e).max(s + 1), l.clone())
        })
        .collect();
    marks.sort_by_key(|m| m.0);
    if len <= MAX_LINE_CHARS {
        return (chars.into_iter().collect(), marks);
    }
    let first = marks.first().map_or(1, |m| m.0);
    let last = marks.iter().map(|m| m.1).max().unwrap_or(1);
    let from = first.saturating_sub(CONTEXT_CHARS).max(1);
    let to = (last + CONTEXT_CHARS).min(len + 1);
    let mut shown = String::new();
    let mut shift = from - 1;
    if from > 1 {
        shown.push('…');
        shift = shift.saturating_sub(1);
    }
    shown.extend(chars.get(from - 1..to - 1).unwrap_or(&[]).iter());
    if to <= len {
        shown.push('…');
    }
    for m in &mut marks {
        m.0 -= shift;
        m.1 = m.1.min(to) - shift;
    }
    (shown, marks)
}

/// The underline row: `^` under each mark, the labels after the last one.
fn underline(marks: &[(usize, usize, String)], style: Style, color: &str) -> String {
    let mut row = String::new();
    let mut at = 1;
    for (start, end, _) in marks {
        if *start < at {
            continue;
        }
        row.push_str(&" ".repeat(start - at));
        let carets = "^".repeat(end.saturating_sub(*start).max(1));
        row.push_str(&style.paint(color, &carets));
        at = start + carets.len();
    }
    let labels: Vec<&str> = marks.iter().map(|m| m.2.as_str()).collect();
    format!("{row} {}", style.paint(color, &labels.join("; ")))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to `max` characters, ending in "…" when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn conflict_reads_like_a_compiler_diagnostic() {
        let out = render(&fixture::report(), &fixture::documents(), false);
        let conflict: Vec<&str> = out.lines().take(13).collect();
        let want = [
            "error[conflict]: Army → arms: purchases",
            " --> corpus/a.md:7:43",
            "  |",
            "7 | Officials said the army bought arms worth $13 million in 2013.",
            "  |                                           ^^^^^^^^^^^ 13,000,000 USD",
            "  |",
            " ::: corpus/b: notes.md:1:35",
            "  |",
            "1 | Le café\u{a0}report: the ministry paid €12 million for guns, 98% of them new.",
            "  |                                   ^^^^^^^^^^^ 12,000,000 EUR",
            "  |",
            "  = note: $13 million (a) vs €12 million (b): 100% different, see both",
            "  = id: 00c0ffee00c0ffee",
        ];
        assert_eq!(conflict, want);
        assert!(!out.contains('\x1b'), "no colour unless asked");
        assert!(
            out.contains("  = reference claims/reference/sipri.json: SIPRI register: TIV 12.75 million. (12,750,000 TIV)"),
            "{out}"
        );
        assert!(out.ends_with("2 articles, 4 claims: 1 conflict, 1 agreement, 1 related.\n"));
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = render(&fixture::report(), &fixture::documents(), false);
        let coloured = render(&fixture::report(), &fixture::documents(), true);
        assert!(coloured.contains("\x1b[1;31merror[conflict]\x1b[0m"));
        assert!(coloured.contains("\x1b[1;33mwarning[related]\x1b[0m"));
        assert!(coloured.contains("\x1b[1;36minfo[agree]\x1b[0m"));
        assert!(coloured.contains("\x1b[1;31m^^^^^^^^^^^\x1b[0m"));
        // Stripping the escapes gives the plain text back.
        let mut stripped = String::new();
        let mut rest = coloured.as_str();
        while let Some(i) = rest.find('\x1b') {
            stripped.push_str(&rest[..i]);
            let after = &rest[i..];
            let end = after.find('m').map_or(after.len(), |m| m + 1);
            rest = &after[end..];
        }
        stripped.push_str(rest);
        assert_eq!(stripped, plain);
    }

    #[test]
    fn long_lines_are_cut_around_the_claim() {
        let line = format!("{}paid $13 million{}", "x ".repeat(100), " y".repeat(100));
        let start = line.find("$13").unwrap() + 1;
        let marks = vec![(start, start + 11, "v".to_string())];
        let (shown, shifted) = window(&line, &marks);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        let chars: Vec<char> = shown.chars().collect();
        let (s, e, _) = &shifted[0];
        let under: String = chars[s - 1..e - 1].iter().collect();
        assert_eq!(under, "$13 million");
        assert!(chars.len() <= 11 + 2 * CONTEXT_CHARS + 2);
    }

    #[test]
    fn tabs_keep_underlines_aligned_and_two_claims_share_a_line() {
        let line = "\tIt ran 60 kilometers (45 miles).";
        let a = line.find("60").unwrap() + 1;
        let b = line.find("45").unwrap() + 1;
        let marks = vec![(b, b + 8, "45 mi".into()), (a, a + 13, "60 km".into())];
        let (shown, marks) = window(line, &marks);
        let row = underline(&marks, Style { color: false }, RED);
        assert_eq!(shown, " It ran 60 kilometers (45 miles).");
        assert_eq!(row, "        ^^^^^^^^^^^^^  ^^^^^^^^ 60 km; 45 mi");
    }

    #[test]
    fn long_reference_sentences_are_cut() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("abcdefghijkl", 6), "abcde…");
        assert_eq!(cut("€€€€€€€€", 4), "€€€…");
        let mut report = fixture::report();
        for f in &mut report.findings {
            for c in &mut f.claims {
                if c.framed.doc.starts_with("reference:") {
                    c.framed.claim.sentence = "word ".repeat(100);
                }
            }
        }
        let out = render(&report, &fixture::documents(), false);
        let note = out.lines().find(|l| l.contains("= reference")).unwrap();
        assert!(note.contains("word…"), "{note}");
        assert!(note.chars().count() < REFERENCE_CHARS + 80, "{note}");
    }

    #[test]
    fn without_documents_claims_are_still_named() {
        let out = render(&fixture::report(), &[], false);
        assert!(out.contains(" --> corpus/a.md:7:43"), "{out}");
        assert!(out.contains("  | 13,000,000 USD"), "{out}");
    }
}
