//! Comparison: aligns framed claims across (and within) documents, judges each
//! aligned pair, and groups the judged pairs into [`Finding`]s.
//!
//! Takes [`FramedClaim`]s (articles and reference facts alike), returns
//! findings sorted deterministically. Pairs that share a claim, or that are
//! tied by a date scoping a figure in the same statement, become one finding
//! ("everything about Israel → Rwanda arms transfers"), so an editor sees all
//! the evidence together; a group larger than
//! [`AlignConfig::max_component`] is split into one finding per pair of
//! claim topics ([`split`]).

pub mod align;
pub mod finding;
pub mod internal;
pub mod restate;
pub mod split;
pub mod support;
pub mod value;
pub mod verdict;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::claim::{Kind, Span};
use crate::frame::{FramedClaim, Lexicon};

pub use align::{AlignConfig, Pair};
pub use finding::{Finding, FindingClaim, Report, ReportDocument, Severity, Summary, Verdict};
use verdict::Judgement;

/// How a judged pair was judged, so its explanation can be written again
/// when it is shown (only [`MAX_EXPLANATIONS`] per finding are, so the text
/// is not kept for the millions of pairs of a large archive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A parenthetical conversion inside one article ([`internal`]).
    Conversion,
    /// An aligned pair ([`verdict::judge`]).
    Judged,
    /// A conflict both articles state elsewhere ([`verdict::both_stated`]).
    BothStated,
}

/// One judged pair: the verdict only; the explanation is rendered on
/// demand by [`Edge::explanation`].
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: usize,
    b: usize,
    verdict: Verdict,
    severity: Severity,
    source: Source,
}

impl Edge {
    fn new(a: usize, b: usize, judgement: &Judgement, source: Source) -> Self {
        Edge {
            a,
            b,
            verdict: judgement.verdict,
            severity: judgement.severity,
            source,
        }
    }

    /// The explanation the pair was judged with (the judges are pure, so
    /// judging again gives the same text).
    fn explanation(&self, items: &[FramedClaim], config: &AlignConfig, lex: &Lexicon) -> String {
        let (Some(x), Some(y)) = (items.get(self.a), items.get(self.b)) else {
            return String::new();
        };
        match self.source {
            Source::Conversion => internal::judge_conversion(x, y, config),
            Source::Judged => verdict::judge(x, y, config, lex),
            Source::BothStated => Some(verdict::both_stated(x, y)),
        }
        .map(|j| j.explanation)
        .unwrap_or_default()
    }
}

/// Compares all claims and returns the findings, sorted.
pub fn compare(mut items: Vec<FramedClaim>, config: &AlignConfig, lex: &Lexicon) -> Vec<Finding> {
    items.sort_by(|x, y| {
        (&x.doc, x.claim.span.start, x.claim.span.end).cmp(&(
            &y.doc,
            y.claim.span.start,
            y.claim.span.end,
        ))
    });
    let mut edges: Vec<Edge> = internal::conversions(&items, config)
        .into_iter()
        .map(|(a, b, judgement)| Edge::new(a, b, &judgement, Source::Conversion))
        .collect();
    let support = support::Support::new(&items, lex);
    for pair in align::align(&items, config, lex) {
        let (x, y) = (&items[pair.a], &items[pair.b]);
        if let Some(judgement) = verdict::judge(x, y, config, lex) {
            let source = if judgement.verdict == Verdict::Conflict && support.mutual(x, y, lex) {
                Source::BothStated
            } else {
                Source::Judged
            };
            let judgement = if source == Source::BothStated {
                verdict::both_stated(x, y)
            } else {
                judgement
            };
            edges.push(Edge::new(pair.a, pair.b, &judgement, source));
        }
    }
    edges.shrink_to_fit();
    if edges.is_empty() {
        return Vec::new();
    }
    let mut uf = UnionFind::new(items.len());
    let mut touched: HashSet<usize> = HashSet::new();
    for e in &edges {
        uf.union(e.a, e.b);
        touched.insert(e.a);
        touched.insert(e.b);
    }
    for (figure, date) in scope_links(&items) {
        if touched.contains(&figure) || touched.contains(&date) {
            uf.union(figure, date);
        }
    }
    drop(touched);
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let root = uf.find(i);
        members.entry(root).or_default().push(i);
    }
    let mut edges_of: HashMap<usize, Vec<&Edge>> = HashMap::new();
    for e in &edges {
        edges_of.entry(uf.find(e.a)).or_default().push(e);
    }
    let mut drafts = Vec::new();
    for (root, group_edges) in edges_of {
        let group = members.remove(&root).unwrap_or_default();
        if group.len() > config.max_component {
            // One finding per pair of topics, not per pair of claims.
            let pairs: Vec<(usize, usize)> = group_edges.iter().map(|e| (e.a, e.b)).collect();
            for part in split::split(&items, &pairs) {
                let edges: Vec<&Edge> = part
                    .pairs
                    .iter()
                    .filter_map(|&n| group_edges.get(n).copied())
                    .collect();
                drafts.push(draft(&items, &part.claims, &edges, config, lex));
            }
        } else {
            drafts.push(draft(&items, &group, &group_edges, config, lex));
        }
    }
    drop((edges, members, uf));
    let mut findings = finish(items, drafts);
    finding::sort_findings(&mut findings);
    findings
}

/// A finding whose claims are still indices into the compared claims.
struct Draft {
    verdict: Verdict,
    severity: Severity,
    topic: String,
    explanation: String,
    /// The claims in report order, each with the verdict of its strongest pair.
    claims: Vec<(usize, Option<Verdict>)>,
}

/// The findings of the drafts: each claim is moved into the last finding
/// that shows it and cloned for the others, so the claims are not held
/// twice at the end of a large comparison.
fn finish(items: Vec<FramedClaim>, drafts: Vec<Draft>) -> Vec<Finding> {
    let mut uses = vec![0usize; items.len()];
    for d in &drafts {
        for &(i, _) in &d.claims {
            if let Some(n) = uses.get_mut(i) {
                *n += 1;
            }
        }
    }
    // Claims no finding shows are dropped first, so their memory is reused.
    let mut slots: Vec<Option<FramedClaim>> = items.into_iter().map(Some).collect();
    for (slot, &n) in slots.iter_mut().zip(&uses) {
        if n == 0 {
            *slot = None;
        }
    }
    drafts
        .into_iter()
        .map(|d| {
            let mut claims: Vec<FindingClaim> = Vec::with_capacity(d.claims.len());
            for &(i, verdict) in &d.claims {
                let (Some(n), Some(slot)) = (uses.get_mut(i), slots.get_mut(i)) else {
                    continue;
                };
                *n = n.saturating_sub(1);
                let framed = if *n == 0 { slot.take() } else { slot.clone() };
                claims.extend(framed.map(|framed| FindingClaim { framed, verdict }));
            }
            let id = finding::finding_id(d.verdict, &claims);
            Finding {
                id,
                verdict: d.verdict,
                severity: d.severity,
                topic: d.topic,
                claims,
                explanation: d.explanation,
            }
        })
        .collect()
}

/// (figure, date) pairs where the date claim is the time scope of the figure.
fn scope_links(items: &[FramedClaim]) -> Vec<(usize, usize)> {
    let dates: HashMap<(&str, Span), usize> = items
        .iter()
        .enumerate()
        .filter(|(_, c)| c.claim.kind == Kind::Date && c.frame.predicate.is_some())
        .map(|(i, c)| ((c.doc.as_str(), c.claim.span), i))
        .collect();
    items
        .iter()
        .enumerate()
        .filter(|(_, c)| c.frame.predicate.is_some())
        .filter_map(|(i, c)| {
            let scope = c.claim.time.as_ref()?;
            dates.get(&(c.doc.as_str(), scope.span)).map(|&d| (i, d))
        })
        .collect()
}

/// Orders judged pairs by how much they matter: conflicts, category issues
/// and other warnings, agreements, then plain relations.
fn rank(e: &Edge) -> u8 {
    match (e.verdict, e.severity) {
        (Verdict::Conflict, _) => 3,
        (Verdict::Related, Severity::Warning | Severity::Error) => 2,
        (Verdict::Agree, _) => 1,
        (Verdict::Related, Severity::Info) => 0,
    }
}

/// Explanations kept in one finding (the rest are counted).
const MAX_EXPLANATIONS: usize = 3;

/// The finding of one group of claims and its judged pairs, as a [`Draft`].
fn draft(
    items: &[FramedClaim],
    group: &[usize],
    edges: &[&Edge],
    config: &AlignConfig,
    lex: &Lexicon,
) -> Draft {
    let mut edges: Vec<&Edge> = edges.to_vec();
    edges.sort_by(|x, y| rank(y).cmp(&rank(x)).then((x.a, x.b).cmp(&(y.a, y.b))));
    let verdict = edges.first().map_or(Verdict::Related, |e| e.verdict);
    let severity = edges
        .iter()
        .map(|e| e.severity)
        .max()
        .unwrap_or(Severity::Info);
    let mut per_claim: HashMap<usize, &Edge> = HashMap::new();
    for e in &edges {
        for i in [e.a, e.b] {
            let entry = per_claim.entry(i).or_insert(e);
            if rank(e) > rank(entry) {
                *entry = e;
            }
        }
    }
    let mut order: Vec<usize> = group.to_vec();
    order.sort_by_key(|&i| {
        let c = &items[i];
        (align::is_reference(c), c.doc.clone(), c.claim.span.start)
    });
    let claims: Vec<(usize, Option<Verdict>)> = order
        .iter()
        .map(|&i| (i, per_claim.get(&i).map(|e| e.verdict)))
        .collect();
    // Distinct explanations in rank order (a set, as large groups have
    // thousands of pairs); only the first few are kept.
    let mut seen: HashSet<String> = HashSet::new();
    let mut shown: Vec<String> = Vec::new();
    for e in &edges {
        let text = e.explanation(items, config, lex);
        if seen.contains(&text) {
            continue;
        }
        if shown.len() < MAX_EXPLANATIONS {
            shown.push(text.clone());
        }
        seen.insert(text);
    }
    let more = seen.len().saturating_sub(MAX_EXPLANATIONS);
    drop(seen);
    let mut explanation = shown.join(" ");
    if more > 0 {
        explanation.push_str(&format!(
            " (+{more} more comparison{} in this group.)",
            if more == 1 { "" } else { "s" }
        ));
    }
    let topic = match edges.first() {
        Some(e) if e.source == Source::Conversion => format!(
            "{} · unit conversion · {}",
            items[e.a].doc, items[e.a].claim.text
        ),
        Some(e) => topic(items, &order, e, lex),
        None => String::new(),
    };
    Draft {
        verdict,
        severity,
        topic,
        explanation,
        claims,
    }
}

/// "Israel → Rwanda · arms transfers · 2014–2018": the most frequent entity
/// pair and predicate of the group, and the period of its strongest pair.
fn topic(items: &[FramedClaim], group: &[usize], top: &Edge, lex: &Lexicon) -> String {
    let mut predicates: BTreeMap<&str, usize> = BTreeMap::new();
    let mut parties: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for &i in group {
        let f = &items[i].frame;
        if let Some(p) = &f.predicate {
            *predicates.entry(p).or_default() += 1;
        }
        let places: Vec<String> = f
            .entities
            .iter()
            .filter(|e| lex.is_place(e))
            .take(2)
            .cloned()
            .collect();
        let key = if places.is_empty() {
            f.entities.iter().take(2).cloned().collect()
        } else {
            places
        };
        if !key.is_empty() {
            *parties.entry(key).or_default() += 1;
        }
    }
    let predicate = most_frequent(&predicates).map(|p| p.to_string());
    let parties = most_frequent(&parties).cloned().unwrap_or_default();
    let joiner = if predicate
        .as_deref()
        .is_some_and(|p| lex.directed.contains(p))
    {
        " → "
    } else {
        ", "
    };
    let mut parts = Vec::new();
    if !parties.is_empty() {
        parts.push(parties.join(joiner));
    }
    if let Some(p) = &predicate {
        parts.push(lex.label(p).to_string());
    }
    if let Some(years) = years(&[&items[top.a], &items[top.b]]) {
        parts.push(years);
    }
    parts.join(" · ")
}

fn most_frequent<K: Ord>(counts: &BTreeMap<K, usize>) -> Option<&K> {
    // Highest count; ties go to the first key in order.
    counts
        .iter()
        .fold(None, |best: Option<(&K, usize)>, (k, &n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((k, n)),
        })
        .map(|(k, _)| k)
}

/// "2013", "2014–2018" over the known ends of the claims' periods.
fn years(claims: &[&FramedClaim]) -> Option<String> {
    use chrono::Datelike;
    let mut ys: Vec<i32> = Vec::new();
    for c in claims {
        if let Some(t) = c.frame.time {
            ys.extend(t.start.map(|d| d.year()));
            ys.extend(t.end.map(|d| d.year()));
        }
    }
    let (lo, hi) = (ys.iter().min()?, ys.iter().max()?);
    Some(if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}–{hi}")
    })
}

/// Disjoint sets over claim indices.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb
            && let Some(slot) = self.parent.get_mut(ra.max(rb))
        {
            *slot = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::frame::Framer;
    use chrono::NaiveDate;

    /// (id, published, text, claims as (text, kind, value)).
    type TestDoc<'a> = (
        &'a str,
        Option<NaiveDate>,
        &'a str,
        Vec<(&'a str, Kind, crate::claim::Value)>,
    );

    /// Frames hand-written documents with hand-placed claims.
    /// The findings within one article published on `published`.
    fn one_article(
        published: NaiveDate,
        text: &str,
        claims: Vec<(&str, Kind, crate::claim::Value)>,
    ) -> Vec<Finding> {
        let (items, lex) = framed(&[("news", Some(published), text, claims)]);
        compare(items, &AlignConfig::default(), &lex)
    }

    fn framed(docs: &[TestDoc]) -> (Vec<FramedClaim>, Lexicon) {
        let mut framer = Framer::default();
        for (_, _, text, _) in docs {
            framer.learn(text);
        }
        let mut out = Vec::new();
        for (id, published, text, claims) in docs {
            let mut doc = Document::from_text(*id, *text);
            doc.published = *published;
            let index = crate::text::TextIndex::new(text);
            let claims = claims
                .iter()
                .map(|(t, kind, value)| {
                    let start = text.find(t).unwrap_or(0);
                    let ss = index.sentence_at(start);
                    crate::claim::Claim {
                        id: format!("{id}:{start}-{}", start + t.len()),
                        kind: *kind,
                        text: t.to_string(),
                        span: Span::new(start, start + t.len()),
                        line: 1,
                        column: start + 1,
                        value: Some(value.clone()),
                        unit: (*kind == Kind::Money).then(|| "USD".to_string()),
                        qualifier: crate::claim::Qualifier::Exact,
                        sentence: text[ss.start..ss.end].to_string(),
                        sentence_span: ss,
                        noun: None,
                        normalized: None,
                        relative: false,
                        anchor: None,
                        time: None,
                    }
                })
                .collect();
            out.extend(framer.frame(&doc, claims));
        }
        (out, framer.lexicon().clone())
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn year(y: i32) -> crate::claim::Value {
        crate::claim::Value::dates(date(y, 1, 1), date(y, 12, 31))
    }

    #[test]
    fn denial_against_recent_supply_is_one_conflict_finding() {
        let (items, lex) = framed(&[
            (
                "early",
                None,
                "Kigali bought little abroad. In 2011, Israeli arms were sold to buyers in Rwanda, according to SIPRI, although the figures do not show any weapons sales since then.",
                vec![("2011", Kind::Date, year(2011))],
            ),
            (
                "late",
                Some(date(2014, 6, 1)),
                "According to SIPRI, Israel has recently supplied Rwanda with artillery guns.",
                vec![],
            ),
        ]);
        let findings = compare(items, &AlignConfig::default(), &lex);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.verdict, Verdict::Conflict);
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.topic, "Israel → Rwanda · arms transfers · 2012–2014");
        let docs: Vec<&str> = f.claims.iter().map(|c| c.framed.doc.as_str()).collect();
        assert_eq!(docs, ["early", "early", "late"]);
        assert!(
            f.explanation.contains("recently") && f.explanation.contains("since then"),
            "{}",
            f.explanation
        );
    }

    #[test]
    fn same_number_different_measures_are_not_aligned() {
        let (items, lex) = framed(&[(
            "one",
            None,
            "Last year Israel exported a modest $7 million of goods to the state, according to Israeli trade figures. In 2012, $7 million worth of Israeli arms were sold to Rwanda, according to SIPRI.",
            vec![
                (
                    "$7 million of",
                    Kind::Money,
                    crate::claim::Value::exact(7e6),
                ),
                (
                    "$7 million worth",
                    Kind::Money,
                    crate::claim::Value::exact(7e6),
                ),
            ],
        )]);
        assert!(compare(items, &AlignConfig::default(), &lex).is_empty());
    }

    #[test]
    fn disagreeing_articles_conflict_and_agreeing_ones_agree() {
        let v = crate::claim::Value::exact;
        let (items, lex) = framed(&[
            (
                "a",
                None,
                "Four people were killed on Elm Street in Springfield on Monday.",
                vec![("Four people", Kind::Count, v(4.0))],
            ),
            (
                "b",
                None,
                "Six people were killed on Elm Street in Springfield.",
                vec![("Six people", Kind::Count, v(6.0))],
            ),
            (
                "c",
                None,
                "Police said 2 people were injured on Maple Avenue in Springfield.",
                vec![("2 people", Kind::Count, v(2.0))],
            ),
            (
                "d",
                None,
                "Two people were wounded on Maple Avenue in Springfield, officials said.",
                vec![("Two people", Kind::Count, v(2.0))],
            ),
        ]);
        let findings = compare(items, &AlignConfig::default(), &lex);
        let got: Vec<(Verdict, &str)> = findings
            .iter()
            .map(|f| (f.verdict, f.topic.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Verdict::Conflict, "Elm Street, Springfield · killed"),
                (Verdict::Agree, "Maple Avenue, Springfield · injured")
            ]
        );
        // Stable ids: the same input gives the same ids.
        let (items2, _) = framed(&[
            (
                "a",
                None,
                "Four people were killed on Elm Street in Springfield on Monday.",
                vec![("Four people", Kind::Count, v(4.0))],
            ),
            (
                "b",
                None,
                "Six people were killed on Elm Street in Springfield.",
                vec![("Six people", Kind::Count, v(6.0))],
            ),
        ]);
        let again = compare(items2, &AlignConfig::default(), &lex);
        assert_eq!(again[0].id, findings[0].id);
    }

    #[test]
    fn one_article_giving_its_incident_two_days_is_a_conflict() {
        let day = |d: u32| crate::claim::Value::dates(date(2016, 5, d), date(2016, 5, d));
        let lead = "A man was shot and killed Friday night on Elm Street in Springfield.";
        // (later sentence, its date, the day it names, the verdict wanted).
        let cases = [
            // The same shooting retold with another day: a conflict.
            (
                "The shooting happened about 10 p.m. Tuesday.",
                "Tuesday",
                10,
                Some(Verdict::Conflict),
            ),
            // The same day again: nothing to flag within the article.
            (
                "The shooting happened about 10 p.m. Friday.",
                "10 p.m. Friday",
                13,
                None,
            ),
            // Another incident the article also tells.
            (
                "In another shooting, a woman was wounded Tuesday.",
                "Tuesday",
                10,
                None,
            ),
            // Weeks before: an earlier incident recalled, not this one.
            (
                "A teen was shot and killed on May 2 on Oak Street.",
                "May 2",
                2,
                None,
            ),
        ];
        for (later, when, d, want) in cases {
            let findings = one_article(
                date(2016, 5, 16),
                &format!("{lead} {later}"),
                vec![
                    ("Friday night", Kind::Date, day(13)),
                    (when, Kind::Date, day(d)),
                ],
            );
            let got = findings
                .iter()
                .map(|f| f.verdict)
                .find(|v| *v == Verdict::Conflict);
            assert_eq!(got, want, "{later}: {findings:#?}");
        }
    }

    #[test]
    fn a_caption_restating_the_lead_with_another_day_is_a_conflict() {
        let day = |d: u32| crate::claim::Value::dates(date(2015, 8, d), date(2015, 8, d));
        let findings = one_article(
            date(2015, 8, 20),
            "Two Benbrook teens died in separate incidents early Tuesday (Photo: WFAA). \
             Two teenagers died early Thursday morning in separate incidents in Benbrook.",
            vec![
                ("early Tuesday", Kind::Date, day(18)),
                ("early Thursday morning", Kind::Date, day(20)),
            ],
        );
        let verdicts: Vec<Verdict> = findings.iter().map(|f| f.verdict).collect();
        assert_eq!(verdicts, [Verdict::Conflict], "{findings:#?}");
    }

    #[test]
    fn one_article_restating_its_count_differently_is_a_conflict() {
        let v = |x: f64| crate::claim::Value::exact(x);
        let head = "Six people injured in shooting outside Yakima hookah lounge.";
        // (body sentence, its count, the verdict wanted).
        let cases = [
            // The headline's figure retold with another value.
            (
                "Yakima police are investigating a shooting that left seven people injured outside a hookah lounge.",
                "seven people",
                7.0,
                Some(Verdict::Conflict),
            ),
            // The same figure: the article agrees with itself.
            (
                "Yakima police are investigating a shooting that left six people injured outside a hookah lounge.",
                "six people",
                6.0,
                Some(Verdict::Agree),
            ),
            // Another group: those still in hospital.
            (
                "Two people remained injured in hospital on Sunday, police said.",
                "Two people",
                2.0,
                None,
            ),
        ];
        for (body, count, n, want) in cases {
            let findings = one_article(
                date(2013, 9, 15),
                &format!("{head} {body}"),
                vec![
                    ("Six people", Kind::Count, v(6.0)),
                    (count, Kind::Count, v(n)),
                ],
            );
            let got = findings.iter().map(|f| f.verdict).next();
            let got = got.filter(|v| *v != Verdict::Related);
            assert_eq!(got, want, "{body}: {findings:#?}");
        }
    }
}
