//! Alignment: finds pairs of claims about the same thing without comparing
//! all pairs. Claims are blocked on (dimension, entity); inside a block they
//! are sorted by predicate and time and each is scored against the next
//! `window` claims only, so the cost is O(claims × entities × window).
//!
//! A pair is aligned when its weighted score (entity overlap, predicate
//! similarity, time compatibility, attribution) reaches the threshold and it
//! passes the entity and predicate gates. Weights and thresholds live in
//! [`AlignConfig`].

use std::collections::{HashMap, HashSet};

use crate::claim::Kind;
use crate::frame::{FramedClaim, Lexicon};

/// Alignment and judgement settings (from `claimcheck.toml` later).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignConfig {
    pub entity_weight: f64,
    pub predicate_weight: f64,
    pub time_weight: f64,
    pub attribution_weight: f64,
    /// Minimum weighted score for a pair to be aligned.
    pub threshold: f64,
    /// Minimum entity overlap (Jaccard over places when both name one, else
    /// the overlap coefficient of all entities).
    pub min_entity_overlap: f64,
    /// Minimum predicate similarity.
    pub min_predicate_similarity: f64,
    /// Each claim is scored against this many neighbours in its block.
    pub window: usize,
    /// At most this many entities of a claim are used as blocking keys.
    pub max_keys: usize,
    /// Findings with more claims than this are split into pairwise findings.
    pub max_component: usize,
    /// Relative numeric tolerance on top of rounding (0.02 = 2%).
    pub tolerance: f64,
    /// How far "about", "some", "nearly" widen a value (0.1 = ±10%).
    pub approx_tolerance: f64,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            entity_weight: 0.35,
            predicate_weight: 0.35,
            time_weight: 0.2,
            attribution_weight: 0.1,
            threshold: 0.6,
            min_entity_overlap: 0.6,
            min_predicate_similarity: 0.5,
            window: 32,
            max_keys: 4,
            max_component: 12,
            tolerance: 0.0,
            approx_tolerance: 0.1,
        }
    }
}

/// An aligned pair (indices into the claims slice, `a < b`) and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub score: f64,
}

/// Document ids of reference facts start with this.
pub const REFERENCE_PREFIX: &str = "reference:";

/// True for items loaded from `claims/reference/`.
pub fn is_reference(c: &FramedClaim) -> bool {
    c.doc.starts_with(REFERENCE_PREFIX)
}

/// What a claim measures, for blocking: "money", "percent", "pp",
/// "count:people" (by noun class), "duration", "measure:m", or "event" for
/// dated statements with a predicate. None when the claim has no predicate
/// (too vague to compare) or counts a remainder ("five others").
pub fn dimension(c: &FramedClaim, lex: &Lexicon) -> Option<String> {
    c.frame.predicate.as_ref()?;
    let unit = c.claim.unit.as_deref();
    Some(match c.claim.kind {
        Kind::Money => "money".to_string(),
        Kind::Percent if unit == Some("pp") => "pp".to_string(),
        Kind::Percent => "percent".to_string(),
        Kind::Count => match c.claim.noun.as_deref() {
            Some(noun) => format!("count:{}", lex.noun_class(noun)?),
            None => "count".to_string(),
        },
        Kind::Duration => "duration".to_string(),
        Kind::Measure => {
            let si = c
                .claim
                .normalized
                .as_ref()
                .map(|n| n.unit.as_str())
                .or(unit)
                .unwrap_or("");
            format!("measure:{si}")
        }
        Kind::Date => "event".to_string(),
    })
}

/// All aligned pairs, sorted by (a, b).
pub fn align(items: &[FramedClaim], config: &AlignConfig, lex: &Lexicon) -> Vec<Pair> {
    let mut blocks: HashMap<(String, &str), Vec<usize>> = HashMap::new();
    for (i, c) in items.iter().enumerate() {
        let Some(dim) = dimension(c, lex) else {
            continue;
        };
        for e in c.frame.entities.iter().take(config.max_keys) {
            blocks.entry((dim.clone(), e.as_str())).or_default().push(i);
        }
    }
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut pairs = Vec::new();
    let mut keys: Vec<_> = blocks.keys().cloned().collect();
    keys.sort();
    for key in keys {
        let Some(members) = blocks.get_mut(&key) else {
            continue;
        };
        members.sort_by(|&x, &y| block_order(&items[x], &items[y]));
        for (k, &x) in members.iter().enumerate() {
            for &y in members.iter().skip(k + 1).take(config.window) {
                let (a, b) = if x < y { (x, y) } else { (y, x) };
                if a == b || !seen.insert((a, b)) {
                    continue;
                }
                if let Some(score) = score(&items[a], &items[b], config, lex) {
                    pairs.push(Pair { a, b, score });
                }
            }
        }
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    pairs
}

fn block_order(x: &FramedClaim, y: &FramedClaim) -> std::cmp::Ordering {
    let start = |c: &FramedClaim| c.frame.time.and_then(|t| t.start);
    x.frame
        .predicate
        .cmp(&y.frame.predicate)
        .then(start(x).cmp(&start(y)))
        .then(x.doc.cmp(&y.doc))
        .then(x.claim.span.start.cmp(&y.claim.span.start))
}

/// The alignment score of two claims, or None when they must not be aligned.
pub fn score(x: &FramedClaim, y: &FramedClaim, config: &AlignConfig, lex: &Lexicon) -> Option<f64> {
    if x.doc == y.doc && x.claim.sentence_span == y.claim.sentence_span {
        return None;
    }
    if is_reference(x) && is_reference(y) {
        return None;
    }
    if dimension(x, lex)? != dimension(y, lex)? {
        return None;
    }
    let mut e = entity_overlap(&x.frame.entities, &y.frame.entities, lex);
    let directed = x
        .frame
        .predicate
        .as_ref()
        .is_some_and(|p| lex.directed.contains(p));
    let place_count = |c: &FramedClaim| c.frame.entities.iter().filter(|n| lex.is_place(n)).count();
    if directed && (place_count(x) < 2 || place_count(y) < 2) {
        // "Israel sold arms" and "Israel sold arms": to whom? Count the
        // unknown counterparty as half a match.
        e = e.min(0.5);
    }
    if e < config.min_entity_overlap {
        return None;
    }
    let p = predicate_similarity(x, y, lex);
    if p < config.min_predicate_similarity {
        return None;
    }
    let t = match (x.frame.time, y.frame.time) {
        (Some(a), Some(b)) if a.overlaps(&b) => 1.0,
        // Casualties on different days belong to different incidents.
        (Some(_), Some(_))
            if x.frame
                .predicate
                .as_ref()
                .is_some_and(|p| lex.momentary.contains(p)) =>
        {
            return None;
        }
        (Some(_), Some(_)) => 0.0,
        _ => 0.5,
    };
    let a = match (&x.frame.attribution, &y.frame.attribution) {
        (Some(a), Some(b)) if a == b => 1.0,
        (Some(_), Some(_)) => 0.0,
        _ => 0.5,
    };
    let s = config.entity_weight * e
        + config.predicate_weight * p
        + config.time_weight * t
        + config.attribution_weight * a;
    (s >= config.threshold).then_some(s)
}

/// Jaccard overlap of the places when both claims name one ("Israel →
/// Rwanda" is not "Israel"); otherwise the overlap coefficient of all
/// entities, since names of people and towns are mentioned unevenly.
pub fn entity_overlap(a: &[String], b: &[String], lex: &Lexicon) -> f64 {
    let places =
        |v: &[String]| -> Vec<String> { v.iter().filter(|e| lex.is_place(e)).cloned().collect() };
    let (pa, pb) = (places(a), places(b));
    if !pa.is_empty() && !pb.is_empty() {
        let (inter, union, _) = set_sizes(&pa, &pb);
        if union == 0 {
            0.0
        } else {
            inter as f64 / union as f64
        }
    } else {
        let (inter, _, min) = set_sizes(a, b);
        if min == 0 {
            0.0
        } else {
            inter as f64 / min as f64
        }
    }
}

/// (intersection, union, smaller set) sizes.
fn set_sizes(a: &[String], b: &[String]) -> (usize, usize, usize) {
    let sa: HashSet<&String> = a.iter().collect();
    let sb: HashSet<&String> = b.iter().collect();
    (
        sa.intersection(&sb).count(),
        sa.union(&sb).count(),
        sa.len().min(sb.len()),
    )
}

/// 1 for the same predicate class, the related-class score from the lexicon,
/// or, for words outside the tables, string similarity (inflections, typos).
pub fn predicate_similarity(x: &FramedClaim, y: &FramedClaim, lex: &Lexicon) -> f64 {
    match (&x.frame.predicate, &y.frame.predicate) {
        (Some(a), Some(b)) if a == b => 1.0,
        (Some(a), Some(b)) => {
            let related = lex.predicate_relation(a, b);
            let words = x
                .frame
                .predicate_words
                .iter()
                .flat_map(|w| {
                    y.frame
                        .predicate_words
                        .iter()
                        .map(move |v| strsim::jaro_winkler(w, v))
                })
                .fold(0.0f64, f64::max);
            // Near-identical words in different classes are likely a typo
            // the tables missed; count them half.
            related.max(if words >= 0.92 { 0.5 } else { 0.0 })
        }
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, Qualifier, Span, Value};
    use crate::frame::{Frame, Period, Polarity};
    use chrono::NaiveDate;

    fn year(y: i32) -> Option<Period> {
        Some(Period::closed(
            NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or_default(),
        ))
    }

    pub(crate) fn item(
        doc: &str,
        at: usize,
        kind: Kind,
        entities: &[&str],
        predicate: &str,
        time: Option<Period>,
        source: Option<&str>,
    ) -> FramedClaim {
        FramedClaim {
            claim: Claim {
                id: format!("{doc}:{at}-{}", at + 1),
                kind,
                text: "x".into(),
                span: Span::new(at, at + 1),
                line: 1,
                column: 1,
                value: Some(Value::exact(1.0)),
                unit: Some("USD".into()),
                qualifier: Qualifier::Exact,
                sentence: format!("sentence {at}"),
                sentence_span: Span::new(at, at + 1),
                noun: None,
                normalized: None,
                relative: false,
                anchor: None,
                time: None,
            },
            doc: doc.into(),
            frame: Frame {
                entities: entities.iter().map(|e| e.to_string()).collect(),
                predicate: Some(predicate.into()),
                predicate_words: vec![predicate.into()],
                time,
                attribution: source.map(String::from),
                polarity: Polarity::Asserted,
            },
        }
    }

    #[test]
    fn aligns_same_frame_and_rejects_others() {
        let lex = Lexicon::default();
        let items = vec![
            item(
                "a",
                0,
                Kind::Money,
                &["Israel", "Rwanda"],
                "arms",
                year(2013),
                Some("SIPRI"),
            ),
            item(
                "b",
                0,
                Kind::Money,
                &["Israel", "Rwanda"],
                "arms",
                year(2013),
                Some("SIPRI"),
            ),
            // Same numbers, different predicate and source: not aligned.
            item(
                "b",
                10,
                Kind::Money,
                &["Israel"],
                "trade",
                None,
                Some("Israeli trade figures"),
            ),
            // Different recipient, or none named.
            item(
                "c",
                0,
                Kind::Money,
                &["Israel", "Azerbaijan"],
                "arms",
                year(2013),
                Some("SIPRI"),
            ),
            item(
                "c",
                9,
                Kind::Money,
                &["Israel"],
                "arms",
                year(2013),
                Some("SIPRI"),
            ),
            // Different dimension.
            item(
                "d",
                0,
                Kind::Percent,
                &["Israel", "Rwanda"],
                "arms",
                year(2013),
                Some("SIPRI"),
            ),
            // Purchase contracts are not deliveries.
            item(
                "e",
                0,
                Kind::Money,
                &["Israel", "Rwanda"],
                "arms purchase",
                year(2013),
                None,
            ),
        ];
        let pairs = align(&items, &AlignConfig::default(), &lex);
        let got: Vec<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(got, [(0, 1)]);
        assert!(pairs[0].score > 0.99);
    }

    #[test]
    fn different_years_still_align_as_candidates() {
        let lex = Lexicon::default();
        let items = vec![
            item(
                "a",
                0,
                Kind::Date,
                &["Israel", "Rwanda"],
                "arms",
                year(2013),
                Some("SIPRI"),
            ),
            item(
                "b",
                0,
                Kind::Date,
                &["Israel", "Rwanda"],
                "arms",
                year(2017),
                Some("SIPRI"),
            ),
        ];
        assert_eq!(align(&items, &AlignConfig::default(), &lex).len(), 1);
    }

    #[test]
    fn blocking_keeps_cost_near_linear() {
        let lex = Lexicon::default();
        // 5,000 claims about one entity: only `window` neighbours each are scored.
        let items: Vec<FramedClaim> = (0..5000)
            .map(|i| {
                item(
                    &format!("d{i}"),
                    0,
                    Kind::Count,
                    &["Chicago"],
                    "killed",
                    None,
                    None,
                )
            })
            .collect();
        let config = AlignConfig {
            window: 4,
            ..AlignConfig::default()
        };
        let pairs = align(&items, &config, &lex);
        assert!(pairs.len() <= 5000 * 4, "{}", pairs.len());
        assert!(pairs.len() >= 4990 * 4 - 10);
    }
}
