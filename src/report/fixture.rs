//! A small hand-built report for the renderers' snapshot tests: two
//! articles (one with front matter and non-ASCII text), a reference file,
//! and one finding of each verdict.

use crate::claim::{Claim, Kind, Qualifier, Span, Value};
use crate::compare::{Finding, FindingClaim, Report, ReportDocument, Severity, Verdict};
use crate::document::Document;
use crate::frame::{Frame, FramedClaim};

use super::location::region_in;

pub const TEXT_A: &str = "---\ntitle: Visit\n---\n\n# Visit\n\nOfficials said the army bought arms worth $13 million in 2013.\nA second line.\n";
pub const TEXT_B: &str =
    "Le café\u{a0}report: the ministry paid €12 million for guns, 98% of them new.\n";

pub fn documents() -> Vec<Document> {
    let mut a = Document::from_text("a", TEXT_A);
    a.path = "./corpus/a.md".into();
    a.body_start = TEXT_A.find("# Visit").unwrap_or(0);
    let mut b = Document::from_text("b, 50%", TEXT_B);
    b.path = "corpus/b: notes.md".into();
    vec![a, b]
}

fn claim(doc: &str, text: &str, needle: &str, kind: Kind, value: Value, unit: &str) -> Claim {
    let start = text.find(needle).unwrap_or(0);
    let end = start + needle.len();
    let region = region_in(text, start, end);
    Claim {
        id: format!("{doc}:{start}-{end}"),
        kind,
        text: needle.to_string(),
        span: Span::new(start, end),
        line: region.map_or(1, |r| r.start_line),
        column: region.map_or(1, |r| r.start_column),
        value: Some(value),
        unit: Some(unit.to_string()),
        qualifier: Qualifier::Exact,
        sentence: String::new(),
        sentence_span: Span::new(start, end),
        noun: None,
        normalized: None,
        relative: false,
        anchor: None,
        time: None,
    }
}

fn framed(doc: &str, claim: Claim, verdict: Option<Verdict>) -> FindingClaim {
    FindingClaim {
        framed: FramedClaim {
            claim,
            doc: doc.to_string(),
            frame: Frame::default(),
        },
        verdict,
    }
}

pub fn report() -> Report {
    let money_a = claim(
        "a",
        TEXT_A,
        "$13 million",
        Kind::Money,
        Value::exact(13e6),
        "USD",
    );
    let year_a = claim(
        "a",
        TEXT_A,
        "2013",
        Kind::Date,
        Value::exact(2013.0),
        "year",
    );
    let money_b = claim(
        "b, 50%",
        TEXT_B,
        "€12 million",
        Kind::Money,
        Value::exact(12e6),
        "EUR",
    );
    let percent_b = claim(
        "b, 50%",
        TEXT_B,
        "98%",
        Kind::Percent,
        Value::exact(98.0),
        "%",
    );
    let mut reference = claim(
        "reference:sipri",
        "TIV 12.75 million",
        "TIV 12.75 million",
        Kind::Money,
        Value::exact(12.75e6),
        "TIV",
    );
    reference.span = Span::new(0, 0);
    reference.sentence = "SIPRI register: TIV 12.75 million.".into();
    let conflict = Finding {
        id: "00c0ffee00c0ffee".into(),
        verdict: Verdict::Conflict,
        severity: Severity::Error,
        topic: "Army → arms: purchases".into(),
        claims: vec![
            framed("a", money_a.clone(), Some(Verdict::Conflict)),
            framed("a", year_a, None),
            framed("b, 50%", money_b, Some(Verdict::Conflict)),
        ],
        explanation: "$13 million (a) vs €12 million (b): 100% different,\nsee both".into(),
    };
    let related = Finding {
        id: "1111222233334444".into(),
        verdict: Verdict::Related,
        severity: Severity::Warning,
        topic: "Army · arms · 2013".into(),
        claims: vec![
            framed("a", money_a, Some(Verdict::Related)),
            framed("reference:sipri", reference, Some(Verdict::Related)),
        ],
        explanation: "TIV is not a price.".into(),
    };
    let agree = Finding {
        id: "5555666677778888".into(),
        verdict: Verdict::Agree,
        severity: Severity::Info,
        topic: "guns".into(),
        claims: vec![framed("b, 50%", percent_b, Some(Verdict::Agree))],
        explanation: "Consistent.".into(),
    };
    let documents = vec![
        ReportDocument {
            id: "a".into(),
            path: "./corpus/a.md".into(),
            published: None,
        },
        ReportDocument {
            id: "b, 50%".into(),
            path: "corpus/b: notes.md".into(),
            published: None,
        },
        ReportDocument {
            id: "reference:sipri".into(),
            path: "claims/reference/sipri.json".into(),
            published: None,
        },
    ];
    Report::new(documents, 2, 4, vec![agree, related, conflict])
}
