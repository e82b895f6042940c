//! Splitting a large group of aligned claims into findings an editor can
//! read: one finding per pair of claim topics rather than one per pair of
//! claims, so the number of findings grows with the topics an archive
//! covers, not with the square of how often it repeats a figure.
//!
//! A group (a connected set of judged pairs) that is small becomes one
//! finding. A large one — a figure repeated across hundreds of articles,
//! some of them drifting — is split here: each judged pair gets the key of
//! its two claims' topics (entities, predicate and years, see
//! [`TopicKey`]), and the pairs sharing a key become one finding holding
//! every claim they touch.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::frame::FramedClaim;

/// What a single claim is about, coarsely: its first two entities (sorted),
/// its predicate and the years of its time scope.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TopicKey {
    entities: Vec<String>,
    predicate: Option<String>,
    years: Option<(i32, i32)>,
}

impl TopicKey {
    pub fn of(c: &FramedClaim) -> TopicKey {
        let mut entities: Vec<String> = c.frame.entities.iter().take(2).cloned().collect();
        entities.sort();
        let years = c.frame.time.and_then(|t| {
            let start = t.start.or(t.end)?.year();
            let end = t.end.or(t.start)?.year();
            Some((start, end))
        });
        TopicKey {
            entities,
            predicate: c.frame.predicate.clone(),
            years,
        }
    }
}

/// One part of a split group: the claims it holds (sorted, no repeats) and
/// the indices of its pairs in the slice given to [`split`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub claims: Vec<usize>,
    pub pairs: Vec<usize>,
}

/// Splits the judged pairs `pairs` (claim indices into `items`) by the
/// unordered pair of their claims' topic keys. Parts come out in key order,
/// so the result is deterministic.
pub fn split(items: &[FramedClaim], pairs: &[(usize, usize)]) -> Vec<Part> {
    let mut keys: BTreeMap<usize, TopicKey> = BTreeMap::new();
    let mut key_of = |i: usize| -> Option<TopicKey> {
        if let Some(k) = keys.get(&i) {
            return Some(k.clone());
        }
        let k = TopicKey::of(items.get(i)?);
        keys.insert(i, k.clone());
        Some(k)
    };
    let mut parts: BTreeMap<(TopicKey, TopicKey), Part> = BTreeMap::new();
    for (n, &(a, b)) in pairs.iter().enumerate() {
        let (Some(ka), Some(kb)) = (key_of(a), key_of(b)) else {
            continue;
        };
        let key = if ka <= kb { (ka, kb) } else { (kb, ka) };
        let part = parts.entry(key).or_insert_with(|| Part {
            claims: Vec::new(),
            pairs: Vec::new(),
        });
        part.claims.extend([a, b]);
        part.pairs.push(n);
    }
    parts
        .into_values()
        .map(|mut p| {
            p.claims.sort_unstable();
            p.claims.dedup();
            p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A framed claim from its claims/v1 JSON, with just what topics read.
    fn claim(doc: &str, entities: &[&str], predicate: &str, year: Option<i32>) -> FramedClaim {
        let time = year.map(
            |y| serde_json::json!({"start": format!("{y}-01-01"), "end": format!("{y}-12-31")}),
        );
        let json = serde_json::json!({
            "id": format!("{doc}:0-9"), "kind": "count", "text": "12 people",
            "span": {"start": 0, "end": 9}, "line": 1, "column": 1,
            "value": {"low": 12, "high": 12}, "unit": null, "qualifier": "exact",
            "sentence": "12 people", "sentence_span": {"start": 0, "end": 9},
            "doc": doc,
            "frame": {"entities": entities, "predicate": predicate, "time": time,
                      "attribution": null, "polarity": "asserted"},
        });
        match serde_json::from_value(json) {
            Ok(c) => c,
            Err(e) => panic!("test claim does not parse: {e}"),
        }
    }

    #[test]
    fn pairs_split_by_the_topics_of_their_claims() {
        // Many copies of two topics: Rwanda arms in 2013, Georgia arms in 2008.
        let mut items = Vec::new();
        for d in 0..6 {
            items.push(claim(
                &format!("r{d}"),
                &["Israel", "Rwanda"],
                "arms",
                Some(2013),
            ));
        }
        for d in 0..4 {
            items.push(claim(
                &format!("g{d}"),
                &["Georgia", "Israel"],
                "arms",
                Some(2008),
            ));
        }
        // Rwanda with its entities in the other order is the same topic.
        items.push(claim("r6", &["Rwanda", "Israel"], "arms", Some(2013)));
        let mut pairs = Vec::new();
        for a in 0..7 {
            for b in a + 1..7 {
                let (a, b) = (if a == 6 { 10 } else { a }, if b == 6 { 10 } else { b });
                pairs.push((a.min(b), a.max(b)));
            }
        }
        for a in 6..10 {
            for b in a + 1..10 {
                pairs.push((a, b));
            }
        }
        // One pair across the two topics.
        pairs.push((0, 6));
        let parts = split(&items, &pairs);
        assert_eq!(parts.len(), 3, "{parts:?}");
        let sizes: Vec<usize> = parts.iter().map(|p| p.claims.len()).collect();
        assert!(
            sizes.contains(&7) && sizes.contains(&4) && sizes.contains(&2),
            "{sizes:?}"
        );
        let total: usize = parts.iter().map(|p| p.pairs.len()).sum();
        assert_eq!(total, pairs.len(), "every pair lands in exactly one part");
    }

    #[test]
    fn different_years_or_predicates_are_different_topics() {
        let items = vec![
            claim("a", &["Israel", "Rwanda"], "arms", Some(2013)),
            claim("b", &["Israel", "Rwanda"], "arms", Some(2014)),
            claim("c", &["Israel", "Rwanda"], "trade", Some(2013)),
            claim("d", &["Israel", "Rwanda"], "arms", None),
        ];
        let keys: Vec<TopicKey> = items.iter().map(TopicKey::of).collect();
        for i in 0..keys.len() {
            for j in i + 1..keys.len() {
                assert_ne!(keys[i], keys[j], "{i} vs {j}");
            }
        }
        let parts = split(&items, &[(0, 1), (0, 2), (1, 3), (0, 1)]);
        assert_eq!(parts.len(), 3);
        assert!(parts.iter().all(|p| p.claims.len() == 2));
    }

    #[test]
    fn out_of_range_pairs_are_skipped() {
        let items = vec![claim("a", &["Israel"], "arms", None)];
        assert!(split(&items, &[(0, 5), (7, 9)]).is_empty());
    }
}
