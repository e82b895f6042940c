//! Inline suppression comments in articles (Markdown or plain text):
//! `<!-- claimcheck-disable-next-line -->` silences the findings of the claims
//! on the next non-empty line, `<!-- claimcheck-disable-line -->` those on
//! its own line. Anything after the directive inside the comment is free
//! text (a reason). Owns finding the comments in a document and matching
//! them to findings; the gate counts them and reports those that silence
//! nothing (as ruff's RUF100 does).

use crate::compare::Finding;
use crate::document::Document;

/// The directives, and whether each targets the next line.
const DIRECTIVES: &[(&str, bool)] = &[
    ("claimcheck-disable-next-line", true),
    ("claimcheck-disable-line", false),
];

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub doc: String,
    pub path: String,
    /// 1-based line of the comment.
    pub line: usize,
    /// 1-based line whose claims it silences.
    pub target_line: usize,
}

/// The directive of an HTML comment on `line`: Some(true) for next-line,
/// Some(false) for same-line.
fn directive(line: &str) -> Option<bool> {
    let mut rest = line;
    while let Some(open) = rest.find("<!--") {
        let body = rest.get(open + 4..).unwrap_or("");
        let (inside, after) = match body.find("-->") {
            Some(close) => (
                body.get(..close).unwrap_or(""),
                body.get(close + 3..).unwrap_or(""),
            ),
            None => (body, ""),
        };
        let word = inside.split_whitespace().next().unwrap_or("");
        if let Some(&(_, next)) = DIRECTIVES.iter().find(|(d, _)| *d == word) {
            return Some(next);
        }
        rest = after;
    }
    None
}

/// True when the line holds nothing but suppression comments (or nothing).
fn is_blank_or_directive(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.is_empty()
        || (trimmed.starts_with("<!--") && trimmed.ends_with("-->") && directive(trimmed).is_some())
}

/// The suppression comments of a document, in line order.
pub fn scan(doc: &Document) -> Vec<Suppression> {
    if !doc.text.contains("claimcheck-disable") {
        return Vec::new();
    }
    let lines: Vec<&str> = doc.text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(next) = directive(line) else {
            continue;
        };
        let target = if next {
            match lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, l)| !is_blank_or_directive(l))
            {
                Some((j, _)) => j + 1,
                None => continue_target(lines.len()),
            }
        } else {
            i + 1
        };
        out.push(Suppression {
            doc: doc.id.clone(),
            path: doc.path.clone(),
            line: i + 1,
            target_line: target,
        });
    }
    out
}

/// A next-line comment at the end of a file targets a line that does not
/// exist: it can match nothing and will be reported as unused.
fn continue_target(lines: usize) -> usize {
    lines + 1
}

/// Indices of the suppressions that silence `finding`: those whose target
/// line holds one of its compared claims (claims with a verdict; all claims
/// when none has one).
pub fn matching(suppressions: &[Suppression], finding: &Finding) -> Vec<usize> {
    if suppressions.is_empty() {
        return Vec::new();
    }
    let judged = finding.claims.iter().any(|c| c.verdict.is_some());
    let claims: Vec<(&str, usize)> = finding
        .claims
        .iter()
        .filter(|c| !judged || c.verdict.is_some())
        .map(|c| (c.framed.doc.as_str(), c.framed.claim.line))
        .collect();
    suppressions
        .iter()
        .enumerate()
        .filter(|(_, s)| claims.contains(&(s.doc.as_str(), s.target_line)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Verdict;
    use crate::gate::tests::{claim, finding};

    #[test]
    fn directives_are_read_from_html_comments() {
        let cases: &[(&str, Option<bool>)] = &[
            ("<!-- claimcheck-disable-next-line -->", Some(true)),
            ("<!--claimcheck-disable-next-line-->", Some(true)),
            (
                "<!-- claimcheck-disable-next-line checked with SIPRI -->",
                Some(true),
            ),
            ("Six died. <!-- claimcheck-disable-line -->", Some(false)),
            (
                "<!-- note --> text <!-- claimcheck-disable-line -->",
                Some(false),
            ),
            ("<!-- claimcheck-disable -->", None),
            ("claimcheck-disable-next-line", None),
            ("<!-- claimcheck-disable-next-lines -->", None),
            ("plain text", None),
            ("<!-- unclosed claimcheck-disable-line", None),
        ];
        for (line, want) in cases {
            assert_eq!(directive(line), *want, "{line:?}");
        }
    }

    #[test]
    fn scan_targets_the_next_non_empty_line() {
        let text = "---\ntitle: x\n---\n<!-- claimcheck-disable-next-line -->\n\nFive people died.\n\
                    Six were hurt. <!-- claimcheck-disable-line reason -->\n\
                    <!-- claimcheck-disable-next-line -->\n<!-- claimcheck-disable-next-line -->\nTen left.\n\
                    <!-- claimcheck-disable-next-line -->\n";
        let doc = Document::from_text("d", text);
        let got: Vec<(usize, usize)> = scan(&doc).iter().map(|s| (s.line, s.target_line)).collect();
        assert_eq!(got, [(4, 6), (7, 7), (8, 10), (9, 10), (11, 12)]);
        assert!(scan(&Document::from_text("e", "No comments here.")).is_empty());
    }

    #[test]
    fn a_suppression_matches_compared_claims_on_its_target_line() {
        let mut context = claim("b", "2013", "In 2013 six died.", 9);
        context.verdict = None;
        let f = finding(
            Verdict::Conflict,
            vec![
                claim("a", "Four people", "Four people were killed.", 3),
                claim("b", "Six people", "Six people were killed.", 5),
                context,
            ],
        );
        let s = |doc: &str, target: usize| Suppression {
            doc: doc.into(),
            path: format!("{doc}.md"),
            line: target.saturating_sub(1),
            target_line: target,
        };
        let all = [s("b", 5), s("a", 5), s("b", 9), s("a", 3), s("c", 3)];
        assert_eq!(matching(&all, &f), [0, 3]);
    }
}
