//! Alignment: finds pairs of claims about the same thing without comparing
//! all pairs. Claims are blocked on (dimension, entity); inside a block they
//! are sorted by predicate and time and each is scored against the next
//! `window` claims only, so the cost is O(claims × entities × window).
//!
//! A pair is aligned when its weighted score (entity overlap, predicate
//! similarity, time compatibility, attribution) reaches the threshold and it
//! passes the entity and predicate gates. Weights and thresholds live in
//! [`AlignConfig`].

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::claim::{Kind, Qualifier};
use crate::frame::predicate::clause_of;
use crate::frame::{FramedClaim, LEAD_BYTES, Lexicon, Period};

use super::restate::{Sentence, restates_read};

/// Dates naming at most this many days count as days of a story.
const STORY_PERIOD_DAYS: i64 = 7;

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
    /// Findings with more claims than this are split by claim topic.
    pub max_component: usize,
    /// Relative numeric tolerance on top of rounding (0.02 = 2%).
    pub tolerance: f64,
    /// How far "about", "some", "nearly" widen a value (0.1 = ±10%).
    pub approx_tolerance: f64,
    /// One-off incidents (killed, injured, shot) in different articles are
    /// matched by their stories: at least this specificity-weighted overlap
    /// of the two documents' entities …
    pub min_story_overlap: f64,
    /// … and at least this many shared entities, or one shared entity
    /// named by at most [`AlignConfig::rare_entity_docs`] documents.
    pub min_story_shared: usize,
    /// The overlap at which one shared entity is enough when at most
    /// [`AlignConfig::story_max_docs`] documents name it ("Payson Street"
    /// in two short stories).
    pub min_story_overlap_single: f64,
    /// The overlap enough when the stories also share a detail: a person's
    /// age or a casualty count ("five people were wounded") that at most
    /// `detail_max_docs` documents give.
    pub min_story_overlap_detail: f64,
    /// A detail more documents give ("17-year-old", "one man was killed" in
    /// a large archive) tells no story from another.
    pub detail_max_docs: usize,
    pub rare_entity_docs: usize,
    /// Dates of one incident further apart than this are not compared.
    pub max_event_gap_days: i64,
    /// Context entities of a one-off incident used as blocking keys.
    pub context_keys: usize,
    /// Two documents are candidate tellings of one story when they share a
    /// name that at most this many documents mention (an inverted index over
    /// these names gives the candidate pairs, so the cost stays linear).
    pub story_max_docs: usize,
    /// Two documents tell one story only when some day one of them names
    /// lies within this many days of a day the other names (news of one
    /// incident is written around its day).
    pub story_max_gap_days: i64,
    /// Claims about one-off incidents per document paired through stories.
    pub story_claims: usize,
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
            min_story_overlap: 0.15,
            min_story_shared: 2,
            min_story_overlap_single: 0.25,
            min_story_overlap_detail: 0.05,
            detail_max_docs: 32,
            rare_entity_docs: 3,
            max_event_gap_days: 7,
            context_keys: 3,
            story_max_docs: 8,
            story_max_gap_days: 7,
            story_claims: 48,
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
        // "Seven people were shot" / "two men opened fire" / "9 shots":
        // counts read off a manner verb mix victims, shooters and shots;
        // casualties are compared by their outcome (killed, injured).
        Kind::Count
            if c.frame
                .predicate
                .as_deref()
                .is_some_and(|p| lex.manner_verbs.contains(p)) =>
        {
            return None;
        }
        Kind::Count => match remainder(c, lex) {
            // "the other three victims", "three others were also killed".
            Remainder::Part => return None,
            // "one man killed and four others injured": all the injured.
            Remainder::Complement => "count:people".to_string(),
            Remainder::No => match c.claim.noun.as_deref() {
                Some(noun) => format!("count:{}", lex.noun_class(noun)?),
                None => "count".to_string(),
            },
        },
        // "sentenced to eight to 20 years for the killing", "11 years
        // after the shooting": a duration beside a one-off incident is a
        // prison term or an age, not a figure of the incident.
        Kind::Duration
            if c.frame
                .predicate
                .as_deref()
                .is_some_and(|p| lex.is_momentary(p)) =>
        {
            return None;
        }
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

/// Whether a count counts the rest of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Remainder {
    No,
    /// The rest of the same group: "one was killed and three others were
    /// also killed", "the other three victims".
    Part,
    /// Everyone with another outcome: in "a man was killed and four others
    /// were injured" the others are all the injured.
    Complement,
}

/// Reads a remainder word ("other", "more") inside the claim's words or
/// right before them, and whether an earlier word of its sentence names
/// another incident outcome (then the count is a [`Remainder::Complement`]).
fn remainder(c: &FramedClaim, lex: &Lexicon) -> Remainder {
    let is_rest = |w: &str| lex.remainder_nouns.contains(&w.to_lowercase());
    // "More than ten people" is a qualifier, "two more people" a remainder.
    let words: Vec<&str> = c.claim.text.split_whitespace().collect();
    let inside = words.iter().enumerate().any(|(i, w)| {
        is_rest(w)
            && !words
                .get(i + 1)
                .is_some_and(|next| next.eq_ignore_ascii_case("than"))
    });
    let head = c
        .claim
        .sentence
        .get(..c.claim.offset_in_sentence())
        .unwrap_or("");
    let before = head.split_whitespace().last().is_some_and(is_rest);
    if !(inside || before) {
        return Remainder::No;
    }
    let outcome_of = |class: &str| lex.is_momentary(class) && !lex.manner_verbs.contains(class);
    let Some(outcome) = c.frame.predicate.as_deref().filter(|p| outcome_of(p)) else {
        return Remainder::Part;
    };
    let other_outcome = head.split(|ch: char| !ch.is_alphabetic()).any(|w| {
        lex.verb_class(&w.to_lowercase())
            .is_some_and(|class| class != outcome && outcome_of(class))
    });
    if other_outcome {
        Remainder::Complement
    } else {
        Remainder::Part
    }
}

/// How many documents name each context entity: rare names (a victim, a
/// street) identify a story, common ones (a big city) barely do.
#[derive(Debug, Clone, Default)]
pub struct StoryStats<'a> {
    docs: usize,
    frequency: HashMap<&'a str, usize>,
    /// Each document's story entities, in first-seen document order.
    contexts: Vec<(&'a str, &'a [String])>,
    /// Each document's days: single days and short periods its dates name,
    /// and the publication dates its relative dates were read from (sorted).
    days: HashMap<&'a str, Vec<NaiveDate>>,
    /// Each document's lead incident day (see [`lead_day`]), the offset of
    /// the claim it was read from, and whether that claim is in the first
    /// lines (else the day is a follow-up's most given).
    leads: HashMap<&'a str, (usize, NaiveDate, bool)>,
    /// The details each document gives (sorted, deduplicated): "a
    /// 7-year-old boy was shot" or "five people were wounded" in two
    /// stories is a link names alone do not give.
    details: HashMap<&'a str, Vec<Detail<'a>>>,
    /// How many documents give each detail.
    detail_frequency: HashMap<Detail<'a>, usize>,
}

/// A particular a story gives that names do not: a person's age (see
/// [`crate::frame::Frame::ages`]) or an asserted casualty count with its
/// outcome ("killed", 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Detail<'a> {
    Age(u32),
    Tally(&'a str, u32),
}

/// The casualty count a claim asserts, as a story detail: an exact count
/// of two or more people with an outcome (killed, injured); not a single
/// death, the commonest story there is, nor a remainder ("three others")
/// or a manner ("five people were shot" mixes outcomes).
fn tally<'a>(c: &'a FramedClaim, lex: &Lexicon) -> Option<Detail<'a>> {
    if c.claim.kind != Kind::Count || c.frame.polarity != crate::frame::Polarity::Asserted {
        return None;
    }
    let outcome = c
        .frame
        .predicate
        .as_deref()
        .filter(|p| lex.is_momentary(p) && !lex.manner_verbs.contains(*p))?;
    let (low, high) = c.claim.value.as_ref()?.bounds()?;
    let n = low.filter(|v| Some(*v) == high && *v >= 2.0 && v.fract() == 0.0)?;
    if remainder(c, lex) != Remainder::No {
        return None;
    }
    Some(Detail::Tally(outcome, n as u32))
}

/// How many days before publication a lead incident day may lie.
const LEAD_DAY_REACH: i64 = 14;

/// The day a claim dates a one-off incident (killed, injured, shot) to:
/// an asserted single-day date.
fn incident_day(c: &FramedClaim, lex: &Lexicon) -> Option<NaiveDate> {
    if c.claim.kind != Kind::Date || c.frame.polarity != crate::frame::Polarity::Asserted {
        return None;
    }
    // "Since Monday", "until Friday": a span, not the day it happened.
    if !matches!(c.claim.qualifier, Qualifier::Exact | Qualifier::Approx) {
        return None;
    }
    if !c
        .frame
        .predicate
        .as_deref()
        .is_some_and(|p| lex.is_momentary(p))
    {
        return None;
    }
    let (start, end) = c.claim.value.as_ref()?.interval()?;
    (start == end).then_some(start)
}

/// The incident day of a claim when it can be its article's lead: in the
/// first [`LEAD_BYTES`], no later than publication and at most
/// [`LEAD_DAY_REACH`] days before it. News states when the incident
/// happened in its first lines; later dates are follow-ups, deaths days
/// later or other incidents.
fn lead_day(c: &FramedClaim, lex: &Lexicon) -> Option<NaiveDate> {
    let day = incident_day(c, lex)?;
    let within = c
        .claim
        .anchor
        .is_none_or(|p| day <= p && (p - day).num_days() <= LEAD_DAY_REACH);
    (c.claim.span.start <= LEAD_BYTES && within).then_some(day)
}

impl<'a> StoryStats<'a> {
    pub fn new(items: &'a [FramedClaim], lex: &Lexicon) -> Self {
        // The first lead-position incident day of each document; else, for
        // follow-ups written weeks later, the incident day it gives most
        // often (ties: the first in the text), if it gives it twice or
        // gives no other.
        let mut leads: HashMap<&str, (usize, NaiveDate, bool)> = HashMap::new();
        let mut named: HashMap<&str, Vec<(usize, NaiveDate)>> = HashMap::new();
        for c in items {
            let at = c.claim.span.start;
            if let Some(day) = lead_day(c, lex) {
                let lead = leads.entry(c.doc.as_str()).or_insert((at, day, true));
                if at < lead.0 {
                    *lead = (at, day, true);
                }
            } else if let Some(day) = incident_day(c, lex) {
                named.entry(c.doc.as_str()).or_default().push((at, day));
            }
        }
        for (doc, mut days) in named {
            if leads.contains_key(doc) {
                continue;
            }
            days.sort_unstable();
            let count = |d: NaiveDate| days.iter().filter(|(_, x)| *x == d).count();
            let best = days
                .iter()
                .copied()
                .max_by(|a, b| count(a.1).cmp(&count(b.1)).then(b.0.cmp(&a.0)));
            // A round-up names several incidents' days once each: none
            // of them is its story's.
            let sole = days.iter().all(|(_, d)| Some(*d) == best.map(|b| b.1));
            if let Some((at, day)) = best.filter(|b| sole || count(b.1) > 1) {
                leads.insert(doc, (at, day, false));
            }
        }
        let mut frequency: HashMap<&str, usize> = HashMap::new();
        let mut contexts = Vec::new();
        // Every claim of a document carries the same context: count each
        // document once.
        let mut seen: HashSet<&str> = HashSet::new();
        let mut days: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
        let mut details: HashMap<&str, Vec<Detail>> = HashMap::new();
        for c in items {
            if let Some(t) = tally(c, lex) {
                details.entry(c.doc.as_str()).or_default().push(t);
            }
            let list = days.entry(c.doc.as_str()).or_default();
            if let Some(anchor) = c.claim.anchor {
                list.push(anchor);
            }
            if c.claim.kind == Kind::Date
                && let Some((start, end)) = c.claim.value.as_ref().and_then(|v| v.interval())
                && (end - start).num_days() <= STORY_PERIOD_DAYS
            {
                list.push(start);
            }
            if !seen.insert(c.doc.as_str()) {
                continue;
            }
            contexts.push((c.doc.as_str(), &*c.frame.context));
            let list = details.entry(c.doc.as_str()).or_default();
            list.extend(c.frame.ages.iter().map(|a| Detail::Age(*a)));
            for e in c.frame.context.iter() {
                *frequency.entry(e.as_str()).or_default() += 1;
            }
        }
        for list in days.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        let mut detail_frequency: HashMap<Detail, usize> = HashMap::new();
        for list in details.values_mut() {
            list.sort_unstable();
            list.dedup();
            for d in list.iter() {
                *detail_frequency.entry(*d).or_default() += 1;
            }
        }
        StoryStats {
            docs: contexts.len(),
            frequency,
            contexts,
            days,
            leads,
            details,
            detail_frequency,
        }
    }

    /// The day the lead of `doc` dates its incident to, if any.
    pub fn lead(&self, doc: &str) -> Option<NaiveDate> {
        self.leads.get(doc).map(|(_, day, _)| *day)
    }

    /// The offset and day of the claim that dates `doc`'s incident in its
    /// first lines (see [`lead_day`]); None for a follow-up's most given day.
    fn positional_lead(&self, doc: &str) -> Option<(usize, NaiveDate)> {
        self.leads
            .get(doc)
            .filter(|(_, _, positional)| *positional)
            .map(|(at, day, _)| (*at, *day))
    }

    /// True when `c` dates its incident to its article's lead day.
    pub fn states_lead(&self, c: &FramedClaim) -> bool {
        let single = c
            .frame
            .time
            .and_then(|t| t.start.filter(|_| t.start == t.end));
        single.is_some_and(|d| self.lead(&c.doc) == Some(d))
    }

    /// True when both documents give the same detail (a person's age, a
    /// casualty count), one that at most `max_docs` documents give (a
    /// common one, "17-year-old", tells little in a large archive).
    pub fn share_detail(&self, a: &str, b: &str, max_docs: usize) -> bool {
        match (self.details.get(a), self.details.get(b)) {
            (Some(xs), Some(ys)) => xs.iter().any(|x| {
                ys.binary_search(x).is_ok()
                    && self.detail_frequency.get(x).is_some_and(|n| *n <= max_docs)
            }),
            _ => false,
        }
    }

    /// The fewest days between a day one document names and a day the
    /// other names; None when either names none.
    pub fn day_gap(&self, a: &str, b: &str) -> Option<i64> {
        let (xs, ys) = (self.days.get(a)?, self.days.get(b)?);
        let mut best: Option<i64> = None;
        // Both lists are sorted: one merge pass.
        let (mut i, mut j) = (0, 0);
        while let (Some(x), Some(y)) = (xs.get(i), ys.get(j)) {
            let gap = (*x - *y).num_days().abs();
            best = Some(best.map_or(gap, |b: i64| b.min(gap)));
            if x < y {
                i += 1;
            } else {
                j += 1;
            }
        }
        best
    }

    /// Pairs of documents (ids, in first-seen order) that share a name at
    /// most `max_docs` documents mention: the candidates for telling the
    /// same story. Each name contributes at most `max_docs²/2` pairs, so the
    /// cost is linear in the number of names mentioned.
    pub fn candidate_documents(&self, max_docs: usize) -> Vec<(&'a str, &'a str)> {
        let mut naming: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, (_, context)) in self.contexts.iter().enumerate() {
            for e in context.iter() {
                let n = self.documents_naming(e);
                if n > 1 && n <= max_docs {
                    naming.entry(e.as_str()).or_default().push(k);
                }
            }
        }
        let mut pairs: HashSet<(usize, usize)> = HashSet::new();
        for docs in naming.values() {
            for (i, &a) in docs.iter().enumerate() {
                for &b in docs.iter().skip(i + 1) {
                    if a != b {
                        pairs.insert((a.min(b), a.max(b)));
                    }
                }
            }
        }
        let mut pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
        pairs.sort_unstable();
        pairs
            .into_iter()
            .filter_map(|(a, b)| Some((self.contexts.get(a)?.0, self.contexts.get(b)?.0)))
            .collect()
    }

    fn documents_naming(&self, entity: &str) -> usize {
        self.frequency.get(entity).copied().unwrap_or(1).max(1)
    }

    /// Inverse document frequency: ln(1 + documents / documents naming it).
    fn weight(&self, entity: &str) -> f64 {
        (1.0 + self.docs.max(1) as f64 / self.documents_naming(entity) as f64).ln()
    }

    /// Context entities of a claim usable as blocking keys: named by more
    /// than one document, rarest first.
    fn keys<'c>(&self, c: &'c FramedClaim, n: usize) -> Vec<&'c str> {
        let mut keys: Vec<&str> = c
            .frame
            .context
            .iter()
            .map(String::as_str)
            .filter(|e| self.documents_naming(e) > 1)
            .collect();
        keys.sort_by_key(|e| (self.documents_naming(e), *e));
        keys.truncate(n);
        keys
    }

    /// The weighted overlap of the stories of two claims' documents when
    /// they tell the same story: they name days close to each other, share
    /// enough of their weighted names, and at least two names, one rare
    /// name, or one uncommon name that is a large part of the smaller story.
    pub fn same_story(
        &self,
        x: &FramedClaim,
        y: &FramedClaim,
        config: &AlignConfig,
        lex: &Lexicon,
    ) -> Option<f64> {
        match self.day_gap(&x.doc, &y.doc) {
            Some(gap) if gap > config.story_max_gap_days && !self.follow_up(x, y, config, lex) => {
                return None;
            }
            Some(_) => {}
            // Undated stories: the claims' own sentences must name the
            // same places and people.
            None => {
                let sentence = entity_overlap(&x.frame.entities, &y.frame.entities, lex);
                if sentence < config.min_entity_overlap {
                    return None;
                }
            }
        }
        let (share, shared, rarest) = self.overlap(&x.frame.context, &y.frame.context);
        let rare = rarest <= config.rare_entity_docs;
        let detailed = shared > 0 && self.share_detail(&x.doc, &y.doc, config.detail_max_docs);
        let evidence = shared >= config.min_story_shared
            || rare
            || detailed
            || (share >= config.min_story_overlap_single && rarest <= config.story_max_docs);
        let least = if detailed {
            config.min_story_overlap_detail
        } else {
            config.min_story_overlap
        };
        (evidence && share >= least).then_some(share)
    }

    /// True when one of two claims is a follow-up's that dates the
    /// incident itself ("killed three people in the 1400 block of Gherald
    /// Street in October of 2014", months later): the claim's own sentence
    /// gives a day or a month overlapping the other's period, and both
    /// sentences name the same rare place or person.
    fn follow_up(
        &self,
        x: &FramedClaim,
        y: &FramedClaim,
        config: &AlignConfig,
        lex: &Lexicon,
    ) -> bool {
        let own = |c: &FramedClaim| c.claim.kind == Kind::Date || c.claim.time.is_some();
        let short = |p: &Period| match (p.start, p.end) {
            (Some(s), Some(e)) => (e - s).num_days() < FOLLOW_UP_PERIOD_DAYS,
            _ => false,
        };
        let dated = match (x.frame.time, y.frame.time) {
            (Some(a), Some(b)) => short(&a) && short(&b) && a.overlaps(&b),
            _ => false,
        };
        if !(dated && (own(x) || own(y))) {
            return false;
        }
        let keys = |c: &FramedClaim| -> HashSet<String> {
            c.frame
                .entities
                .iter()
                .flat_map(|e| crate::frame::entity::story_keys(e, lex))
                .collect()
        };
        let kx = keys(x);
        keys(y).iter().any(|k| {
            kx.contains(k)
                && x.frame.context.contains(k)
                && self.documents_naming(k) <= config.rare_entity_docs
        })
    }

    /// How much two stories share: the weight of the shared entities over
    /// the smaller story's weight, the number shared, and how many
    /// documents name the rarest of them (`usize::MAX` when none is shared).
    pub fn overlap(&self, a: &[String], b: &[String]) -> (f64, usize, usize) {
        let total = |v: &[String]| v.iter().map(|e| self.weight(e)).sum::<f64>();
        let shared: Vec<&String> = a.iter().filter(|e| b.contains(e)).collect();
        let inter: f64 = shared.iter().map(|e| self.weight(e)).sum();
        let smaller = total(a).min(total(b));
        let rarest = shared
            .iter()
            .map(|e| self.documents_naming(e))
            .min()
            .unwrap_or(usize::MAX);
        let share = if smaller > 0.0 { inter / smaller } else { 0.0 };
        (share, shared.len(), rarest)
    }
}

/// The longest period (days) a follow-up's own date may span and still
/// place its claim: a day or a month ("in October of 2014"), not a year.
const FOLLOW_UP_PERIOD_DAYS: i64 = 31;

/// True for claims about a one-off incident (killed, injured, shot).
fn is_incident(c: &FramedClaim, lex: &Lexicon) -> bool {
    c.frame
        .predicate
        .as_deref()
        .is_some_and(|p| lex.is_momentary(p))
}

/// One word for a pair of claim indices (distinct for every pair of
/// indices below 2³², i.e. for any number of claims that fits in memory).
fn pair_key(a: usize, b: usize) -> u64 {
    ((a as u64) << 32) ^ (b as u64)
}

/// All aligned pairs, sorted by (a, b).
pub fn align(items: &[FramedClaim], config: &AlignConfig, lex: &Lexicon) -> Vec<Pair> {
    let stats = StoryStats::new(items, lex);
    let dims: Vec<Option<String>> = items.iter().map(|c| dimension(c, lex)).collect();
    let mut blocks: HashMap<(&str, Cow<str>), Vec<usize>> = HashMap::new();
    for (i, c) in items.iter().enumerate() {
        let Some(dim) = dims.get(i).and_then(|d| d.as_deref()) else {
            continue;
        };
        // Story context names are lower case (see `Frame::context`): so
        // are the sentence's names as keys, so the two meet.
        let mut keys: Vec<Cow<str>> = c
            .frame
            .entities
            .iter()
            .take(config.max_keys)
            .map(|e| lower_case(e))
            .collect();
        if is_incident(c, lex) {
            for k in stats.keys(c, config.context_keys) {
                if !keys.iter().any(|x| x == k) {
                    keys.push(Cow::Borrowed(k));
                }
            }
        }
        for e in keys {
            blocks.entry((dim, e)).or_default().push(i);
        }
    }
    // Millions of candidate pairs in a large archive: one word per pair.
    let mut seen: HashSet<u64> = HashSet::new();
    let mut pairs = Vec::new();
    // Claims about one-off incidents in documents telling the same story
    // are paired even when their sentences share no name.
    let mut incidents_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in items.iter().enumerate() {
        if dims.get(i).is_some_and(Option::is_some) && is_incident(c, lex) {
            let list = incidents_of.entry(c.doc.as_str()).or_default();
            if list.len() < config.story_claims {
                list.push(i);
            }
        }
    }
    // A headline and its lead restating one count or day: paired inside
    // the article whatever names their sentences keep, before any other
    // pass scores the pair.
    for list in incidents_of.values() {
        let figures = || {
            list.iter()
                .copied()
                .filter(|&i| matches!(items[i].claim.kind, Kind::Count | Kind::Date))
        };
        if figures().nth(1).is_none() {
            continue;
        }
        let read: Vec<(usize, Sentence)> =
            figures().map(|i| (i, Sentence::of(&items[i]))).collect();
        for (k, (a, sa)) in read.iter().enumerate() {
            for (b, sb) in &read[k + 1..] {
                let (a, b) = (*a, *b);
                if dims.get(a) != dims.get(b) || !restates_read(&items[a], sa, &items[b], sb) {
                    continue;
                }
                if !seen.insert(pair_key(a, b)) {
                    continue;
                }
                if let Some(score) = restatement_score(&items[a], &items[b], lex) {
                    pairs.push(Pair { a, b, score });
                }
            }
        }
    }
    let mut blocks: Vec<_> = blocks.into_iter().collect();
    blocks.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (_, mut members) in blocks {
        members.sort_by(|&x, &y| block_order(&items[x], &items[y]));
        for (k, &x) in members.iter().enumerate() {
            for &y in members.iter().skip(k + 1).take(config.window) {
                let (a, b) = if x < y { (x, y) } else { (y, x) };
                if a == b || !seen.insert(pair_key(a, b)) {
                    continue;
                }
                // Same block: same dimension.
                if let Some(score) = score_same_dimension(&items[a], &items[b], config, lex, &stats)
                {
                    pairs.push(Pair { a, b, score });
                }
            }
        }
    }
    for (da, db) in stats.candidate_documents(config.story_max_docs) {
        let (Some(xs), Some(ys)) = (incidents_of.get(da), incidents_of.get(db)) else {
            continue;
        };
        for &x in xs {
            for &y in ys {
                let (a, b) = (x.min(y), x.max(y));
                if dims.get(a) != dims.get(b) || !seen.insert(pair_key(a, b)) {
                    continue;
                }
                if let Some(score) = score_same_dimension(&items[a], &items[b], config, lex, &stats)
                {
                    pairs.push(Pair { a, b, score });
                }
            }
        }
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    // The scorer may have rejected these pairs (one article's sentences
    // name different things): pair them anyway. They are few; a binary
    // search keeps a large archive's pairs from being indexed again.
    let restated: Vec<Pair> = restated_days(items, lex, &stats)
        .into_iter()
        .filter(|&(a, b)| pairs.binary_search_by_key(&(a, b), |p| (p.a, p.b)).is_err())
        .map(|(a, b)| Pair { a, b, score: 1.0 })
        .collect();
    if !restated.is_empty() {
        pairs.extend(restated);
        pairs.sort_by_key(|p| (p.a, p.b));
    }
    pairs
}

/// Within one article, its lead's incident day and each later sentence
/// dating an incident of the same kind to another day of the same week
/// ("shot Friday" in the lead, "the shooting happened Tuesday" below): an
/// article that tells one incident holds it to one day, so the verdict
/// judges the pair. Not for sentences that tell another incident ("in
/// another shooting", "retaliation for Sunday's shooting"), nor in
/// round-ups (more than [`MAX_RESTATED_DAYS`] days that week). Pairs (a < b).
fn restated_days(items: &[FramedClaim], lex: &Lexicon, stats: &StoryStats) -> Vec<(usize, usize)> {
    let mut by_doc: HashMap<&str, Vec<(usize, NaiveDate)>> = HashMap::new();
    for (i, c) in items.iter().enumerate() {
        if let Some(day) = incident_day(c, lex) {
            by_doc.entry(c.doc.as_str()).or_default().push((i, day));
        }
    }
    let family = |i: usize| {
        items[i]
            .frame
            .predicate
            .as_deref()
            .map(|p| lex.event_family(p))
    };
    let mut out = Vec::new();
    for members in by_doc.values() {
        let Some(&(lead, lead_day)) = members.first().and_then(|(i, _)| {
            let (at, day) = stats.positional_lead(&items[*i].doc)?;
            members
                .iter()
                .find(|(k, d)| items[*k].claim.span.start == at && *d == day)
        }) else {
            continue;
        };
        // A lead that tells several incidents ("the third victim in four
        // days") holds no later sentence to its day; nor does a sentence
        // telling another.
        let another = |i: usize| tells_another(&items[i].claim.sentence, lex);
        // Its own clause decides: "Monday night's shooting of a girl – the
        // second time a child was shot this month – has parents wondering".
        if tells_another(clause_of(&items[lead].claim), lex) {
            continue;
        }
        let members: Vec<(usize, NaiveDate)> = members
            .iter()
            .copied()
            .filter(|(i, _)| !another(*i))
            .collect();
        let near = |day: NaiveDate| (day - lead_day).num_days().abs() <= RESTATED_MAX_GAP_DAYS;
        let mut days: Vec<NaiveDate> = members.iter().map(|m| m.1).filter(|d| near(*d)).collect();
        days.sort_unstable();
        days.dedup();
        if days.len() > MAX_RESTATED_DAYS {
            continue;
        }
        for &(i, day) in &members {
            if day != lead_day
                && near(day)
                && items[i].claim.sentence_span != items[lead].claim.sentence_span
                && family(i) == family(lead)
            {
                out.push((lead.min(i), lead.max(i)));
            }
        }
    }
    out
}

/// True when a sentence tells another incident than its article's lead
/// ([`Lexicon::other_incident_words`]): "another shooting", "a separate
/// incident", but not "the beating of another person".
fn tells_another(sentence: &str, lex: &Lexicon) -> bool {
    let text = sentence.to_lowercase();
    let ws = crate::frame::words::words(&text);
    let person =
        |w: &str| lex.person_nouns.contains(w) || lex.person_nouns.contains(&format!("{w}s"));
    ws.iter().enumerate().any(|(k, w)| {
        let w = w.bare();
        lex.other_incident_words.contains(w)
            && !(matches!(w, "another" | "other")
                && ws.get(k + 1).is_some_and(|next| person(next.bare())))
    })
}

/// An article naming more incident days than this in the week around its
/// lead is a round-up.
const MAX_RESTATED_DAYS: usize = 2;

/// A day further than this from the lead's is another incident's.
const RESTATED_MAX_GAP_DAYS: i64 = 6;

/// `s` in lower case, borrowed when it already is.
fn lower_case(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn block_order(x: &FramedClaim, y: &FramedClaim) -> std::cmp::Ordering {
    let start = |c: &FramedClaim| c.frame.time.and_then(|t| t.start);
    x.frame
        .predicate
        .cmp(&y.frame.predicate)
        .then(start(x).cmp(&start(y)))
        .then(x.frame.context.first().cmp(&y.frame.context.first()))
        .then(x.doc.cmp(&y.doc))
        .then(x.claim.span.start.cmp(&y.claim.span.start))
}

/// The alignment score of two claims, or None when they must not be
/// aligned (without statistics on the other documents: every entity counts
/// as rare).
pub fn score(x: &FramedClaim, y: &FramedClaim, config: &AlignConfig, lex: &Lexicon) -> Option<f64> {
    score_in(x, y, config, lex, &StoryStats::default())
}

/// The alignment score of two claims among the documents `stats` describes.
pub fn score_in(
    x: &FramedClaim,
    y: &FramedClaim,
    config: &AlignConfig,
    lex: &Lexicon,
    stats: &StoryStats,
) -> Option<f64> {
    if dimension(x, lex)? != dimension(y, lex)? {
        return None;
    }
    score_same_dimension(x, y, config, lex, stats)
}

/// [`score_in`] for two claims already known to share their dimension.
fn score_same_dimension(
    x: &FramedClaim,
    y: &FramedClaim,
    config: &AlignConfig,
    lex: &Lexicon,
    stats: &StoryStats,
) -> Option<f64> {
    if x.doc == y.doc && x.claim.sentence_span == y.claim.sentence_span {
        return None;
    }
    if is_reference(x) && is_reference(y) {
        return None;
    }
    if x.doc != y.doc && is_incident(x, lex) && is_incident(y, lex) {
        return incident_score(x, y, config, lex, stats);
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

/// Two articles' claims about one-off incidents: the same incident when
/// their stories share enough specific names and the claims' days agree;
/// dates of the incident may differ (that is what a verdict then flags)
/// only when the stories are strongly the same and the days close.
fn incident_score(
    x: &FramedClaim,
    y: &FramedClaim,
    config: &AlignConfig,
    lex: &Lexicon,
    stats: &StoryStats,
) -> Option<f64> {
    let (px, py) = (x.frame.predicate.as_deref()?, y.frame.predicate.as_deref()?);
    let event = x.claim.kind == Kind::Date;
    let same_predicate = if event {
        lex.event_family(px) == lex.event_family(py)
    } else {
        px == py
    };
    if !same_predicate {
        return None;
    }
    let share = stats.same_story(x, y, config, lex)?;
    let t = match (x.frame.time, y.frame.time) {
        (Some(a), Some(b)) if a.overlaps(&b) => 1.0,
        (Some(a), Some(b)) => {
            let gap = match (a.start, b.start) {
                (Some(s), Some(t)) => (s - t).num_days().abs(),
                _ => i64::MAX,
            };
            // A date that differs is compared when one of the two is its
            // article's lead day (where news says when it happened) and
            // they lie within a week; two secondary dates (follow-ups,
            // other incidents an article recalls) never are.
            let lead = stats.states_lead(x) || stats.states_lead(y);
            if !(event && lead && gap <= config.max_event_gap_days) {
                return None;
            }
            0.0
        }
        _ => 0.5,
    };
    let s = config.entity_weight * share
        + config.predicate_weight
        + config.time_weight * t
        + config.attribution_weight * 0.5;
    Some(s)
}

/// Two claims of one article whose sentences restate each other (a headline
/// and its lead): the same figure told twice when their predicates and
/// periods agree, whatever names the sentences' frames kept.
fn restatement_score(x: &FramedClaim, y: &FramedClaim, lex: &Lexicon) -> Option<f64> {
    if x.claim.kind == Kind::Date {
        // One event's day told twice: the verdict judges the two days.
        let (px, py) = (x.frame.predicate.as_deref()?, y.frame.predicate.as_deref()?);
        let days = incident_day(x, lex).is_some() && incident_day(y, lex).is_some();
        return (days && lex.event_family(px) == lex.event_family(py)).then_some(1.0);
    }
    let periods_agree = match (x.frame.time, y.frame.time) {
        (Some(a), Some(b)) => a.overlaps(&b),
        _ => true,
    };
    (x.frame.predicate == y.frame.predicate && periods_agree).then_some(1.0)
}

/// Jaccard overlap of the places when both claims name one ("Israel →
/// Rwanda" is not "Israel"); otherwise the overlap coefficient of all
/// entities, since names of people and towns are mentioned unevenly.
pub fn entity_overlap(a: &[String], b: &[String], lex: &Lexicon) -> f64 {
    let pa: Vec<&String> = a.iter().filter(|e| lex.is_place(e)).collect();
    let pb: Vec<&String> = b.iter().filter(|e| lex.is_place(e)).collect();
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

/// (intersection, union, smaller set) sizes of two short lists taken as
/// sets; quadratic in the list lengths, which are a handful of names, so no
/// hash set is built per pair.
fn set_sizes<T: AsRef<str>>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    let distinct = |v: &[T]| {
        v.iter()
            .enumerate()
            .filter(|(k, e)| !v[..*k].iter().any(|p| p.as_ref() == e.as_ref()))
            .count()
    };
    let (na, nb) = (distinct(a), distinct(b));
    let inter = a
        .iter()
        .enumerate()
        .filter(|(k, e)| !a[..*k].iter().any(|p| p.as_ref() == e.as_ref()))
        .filter(|(_, e)| b.iter().any(|q| q.as_ref() == e.as_ref()))
        .count();
    (inter, na + nb - inter, na.min(nb))
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
    use crate::claim::{Claim, Span, Value};
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
                unit: Some("USD".into()),
                sentence: format!("sentence {at}"),
                ..Claim::sample(doc, kind, "x", at, Value::exact(1.0))
            },
            doc: doc.into(),
            frame: Frame {
                entities: entities.iter().map(|e| e.to_string()).collect(),
                predicate: Some(predicate.into()),
                predicate_words: vec![predicate.into()],
                time,
                attribution: source.map(String::from),
                polarity: Polarity::Asserted,
                context: Default::default(),
                ages: Default::default(),
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

    fn day(y: i32, m: u32, d: u32) -> Option<Period> {
        let x = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        Some(Period::closed(x, x))
    }

    /// A claim about an incident in `doc`, whose story names `context`.
    fn incident(
        doc: &str,
        kind: Kind,
        predicate: &str,
        time: Option<Period>,
        context: &[&str],
    ) -> FramedClaim {
        let mut c = item(doc, 0, kind, &[], predicate, time, None);
        if kind == Kind::Date
            && let Some(Period {
                start: Some(start),
                end: Some(end),
            }) = time
        {
            c.claim.value = Some(Value::Date { start, end });
        }
        c.frame.context = context.iter().map(|e| e.to_string()).collect();
        // Relative dates read from a publication day close to the story's.
        c.claim.anchor = NaiveDate::from_ymd_opt(2016, 5, 18);
        c
    }

    #[test]
    fn remainder_counts_have_no_dimension_unless_they_complete_another_outcome() {
        let lex = Lexicon::default();
        // (sentence, claim text, its predicate, remainder)
        for (sentence, text, predicate, remainder) in [
            (
                "The other three victims were released.",
                "three victims",
                "injured",
                true,
            ),
            (
                "Police said three other victims were hurt.",
                "three other victims",
                "injured",
                true,
            ),
            (
                "Two more people died on Friday.",
                "Two more people",
                "killed",
                true,
            ),
            (
                "Three victims were released on Friday.",
                "Three victims",
                "injured",
                false,
            ),
            (
                "Another man said three victims were hurt.",
                "three victims",
                "injured",
                false,
            ),
            // A qualifier, not a remainder.
            (
                "More than ten people were killed.",
                "More than ten people",
                "killed",
                false,
            ),
            // Others with another outcome are all of that outcome.
            (
                "A man was killed and four others were injured.",
                "four others",
                "injured",
                false,
            ),
            (
                "Man fatally shot, seven others hurt on Elm Street",
                "seven others",
                "injured",
                false,
            ),
            (
                "Two were wounded and three others died.",
                "three others",
                "killed",
                false,
            ),
            (
                "One man was hurt and two others were hurt too.",
                "two others",
                "injured",
                true,
            ),
            (
                "One was killed; three others were also killed.",
                "three others",
                "killed",
                true,
            ),
        ] {
            let at = sentence.find(text).unwrap_or(0);
            let mut c = item("a", at, Kind::Count, &["Elm Street"], predicate, None, None);
            c.claim.text = text.into();
            c.claim.span = Span::new(at, at + text.len());
            c.claim.sentence = sentence.into();
            c.claim.sentence_span = Span::new(0, sentence.len());
            c.claim.noun = text.split_whitespace().last().map(String::from);
            assert_eq!(dimension(&c, &lex).is_none(), remainder, "{sentence}");
        }
    }

    fn aged(mut c: FramedClaim, text: &str) -> FramedClaim {
        c.frame.ages = crate::frame::age::story_ages(text).into();
        c
    }

    fn counted(mut c: FramedClaim, n: f64) -> FramedClaim {
        c.claim.value = Some(Value::exact(n));
        c
    }

    #[test]
    fn incidents_align_by_story_and_day() {
        let lex = Lexicon::default();
        let cfg = AlignConfig::default();
        // Background documents make "Chicago" common and the rest rare.
        let mut background: Vec<FramedClaim> = (0..12)
            .map(|i| incident(&format!("bg{i}"), Kind::Count, "vote", None, &["Chicago"]))
            .collect();
        let story = ["Chicago", "Elm Street", "Jane Roe"];
        // Another story of the same day in the same city.
        let elsewhere = |predicate: &str| {
            incident(
                "b",
                Kind::Count,
                predicate,
                day(2016, 5, 14),
                &["Chicago", "Oak Park"],
            )
        };
        let cases: Vec<(FramedClaim, FramedClaim, bool)> = vec![
            // Same story, same day, same outcome: aligned.
            (
                incident("a", Kind::Count, "killed", day(2016, 5, 14), &story),
                incident("b", Kind::Count, "killed", day(2016, 5, 14), &story),
                true,
            ),
            // Killed vs injured counts are different figures.
            (
                incident("a", Kind::Count, "killed", day(2016, 5, 14), &story),
                incident("b", Kind::Count, "injured", day(2016, 5, 14), &story),
                false,
            ),
            // Only the big city in common: not the same incident.
            (
                incident("a", Kind::Count, "killed", day(2016, 5, 14), &story),
                elsewhere("killed"),
                false,
            ),
            // … unless both give a victim the same age.
            (
                aged(
                    incident("a", Kind::Count, "killed", day(2016, 5, 14), &story),
                    "A 4-year-old boy was killed.",
                ),
                aged(elsewhere("killed"), "The boy, 4, was a four-year-old."),
                true,
            ),
            (
                aged(
                    incident("a", Kind::Count, "killed", day(2016, 5, 14), &story),
                    "A 4-year-old boy was killed.",
                ),
                aged(elsewhere("killed"), "A 14-year-old boy was killed."),
                false,
            ),
            // … or both count the same casualties, more than one.
            (
                counted(
                    incident("a", Kind::Count, "injured", day(2016, 5, 14), &story),
                    5.0,
                ),
                counted(elsewhere("injured"), 5.0),
                true,
            ),
            (
                counted(
                    incident("a", Kind::Count, "injured", day(2016, 5, 14), &story),
                    5.0,
                ),
                counted(elsewhere("injured"), 4.0),
                false,
            ),
            // One common shared name, a small part of two long stories.
            (
                incident(
                    "a",
                    Kind::Count,
                    "killed",
                    day(2016, 5, 14),
                    &["Chicago", "Elm Street", "Jane Roe", "Bob Poe"],
                ),
                incident(
                    "b",
                    Kind::Count,
                    "killed",
                    day(2016, 5, 14),
                    &["Chicago", "Oak Park", "Ann Coe"],
                ),
                false,
            ),
            // Counts of the same story on different days: different incidents.
            (
                incident("a", Kind::Count, "killed", day(2016, 5, 14), &story),
                incident("b", Kind::Count, "killed", day(2016, 5, 17), &story),
                false,
            ),
            // Dates the same story gives its incident may differ (then judged).
            (
                incident("a", Kind::Date, "killed", day(2016, 5, 14), &story),
                incident("b", Kind::Date, "killed", day(2016, 5, 17), &story),
                true,
            ),
            // … but not weeks apart.
            (
                incident("a", Kind::Date, "killed", day(2016, 5, 14), &story),
                incident("b", Kind::Date, "killed", day(2016, 7, 17), &story),
                false,
            ),
            // A shooting and a death on one day date the same event.
            (
                incident("a", Kind::Date, "shooting", day(2016, 5, 14), &story),
                incident("b", Kind::Date, "killed", day(2016, 5, 14), &story),
                true,
            ),
        ];
        for (k, (x, y, expected)) in cases.into_iter().enumerate() {
            background.truncate(12);
            background.push(x.clone());
            background.push(y.clone());
            let stats = StoryStats::new(&background, &lex);
            let got = score_in(&x, &y, &cfg, &lex, &stats).is_some();
            assert_eq!(got, expected, "case {k}");
        }
    }

    #[test]
    fn lead_day_is_the_first_early_incident_day_else_the_most_given() {
        let lex = Lexicon::default();
        let dated = |doc: &str, at: usize, d: u32| {
            let mut c = incident(doc, Kind::Date, "killed", day(2016, 5, d), &["Elm Street"]);
            c.claim.span = Span::new(at, at + 6);
            c
        };
        let items = vec![
            // In the lead: the first early day wins over a later repeated one.
            dated("news", 300, 14),
            dated("news", 100, 15),
            dated("news", 1200, 12),
            dated("news", 1500, 12),
            // A follow-up (no early day): the day it gives most often.
            dated("later", 900, 3),
            dated("later", 1400, 2),
            dated("later", 2000, 3),
            dated("later", 2600, 2),
            dated("later", 3000, 2),
            // A round-up: several incidents' days, once each.
            dated("roundup", 900, 1),
            dated("roundup", 1400, 5),
            dated("roundup", 2000, 9),
            // A follow-up giving one day once.
            dated("once", 2000, 4),
        ];
        let stats = StoryStats::new(&items, &lex);
        assert_eq!(stats.lead("news"), NaiveDate::from_ymd_opt(2016, 5, 15));
        assert_eq!(stats.lead("later"), NaiveDate::from_ymd_opt(2016, 5, 2));
        assert_eq!(stats.lead("roundup"), None);
        assert_eq!(stats.lead("once"), NaiveDate::from_ymd_opt(2016, 5, 4));
        assert!(stats.states_lead(&items[5]));
        assert!(!stats.states_lead(&items[4]));
    }

    #[test]
    fn stories_are_candidates_through_rare_names_and_close_days() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2016, 5, d);
        // (doc, story names, anchor day)
        let docs: &[(&str, &[&str], Option<NaiveDate>)] = &[
            ("a", &["Chicago", "Elm Street", "Jane Roe"], day(14)),
            ("b", &["Chicago", "Elm Street"], day(16)),
            ("c", &["Chicago", "Jane Roe"], day(30)),
            ("d", &["Chicago", "Oak Park"], day(15)),
            ("e", &["Chicago"], None),
        ];
        let items: Vec<FramedClaim> = docs
            .iter()
            .map(|(doc, names, anchor)| {
                let mut c = incident(doc, Kind::Count, "killed", None, names);
                c.claim.anchor = *anchor;
                c
            })
            .collect();
        let stats = StoryStats::new(&items, &Lexicon::default());
        // "Chicago" is in all five documents: too common to make candidates.
        assert_eq!(stats.candidate_documents(4), [("a", "b"), ("a", "c")]);
        // Named in three documents, it is a candidate name at a cap of 5.
        assert_eq!(stats.candidate_documents(5).len(), 10);
        for (a, b, gap) in [
            ("a", "b", Some(2)),
            ("a", "c", Some(16)),
            ("b", "d", Some(1)),
            ("a", "e", None),
        ] {
            assert_eq!(stats.day_gap(a, b), gap, "{a} {b}");
        }
        let cfg = AlignConfig::default();
        let lex = Lexicon::default();
        // a and c share a rare name, but their days are two weeks apart.
        assert!(stats.same_story(&items[0], &items[1], &cfg, &lex).is_some());
        assert!(stats.same_story(&items[0], &items[2], &cfg, &lex).is_none());
        // b and d share only "Chicago": one name makes one story only when
        // it is uncommon (with a cap of 4, Chicago is too common).
        let strict = AlignConfig {
            story_max_docs: 4,
            ..AlignConfig::default()
        };
        assert!(
            stats
                .same_story(&items[1], &items[3], &strict, &lex)
                .is_none()
        );
        assert!(stats.same_story(&items[1], &items[3], &cfg, &lex).is_some());
        // … when it is a large enough part of the smaller story (0.36 here).
        let larger_part = AlignConfig {
            min_story_overlap_single: 0.5,
            ..AlignConfig::default()
        };
        assert!(
            stats
                .same_story(&items[1], &items[3], &larger_part, &lex)
                .is_none()
        );
    }

    #[test]
    fn a_follow_up_dating_the_incident_joins_its_story_through_a_rare_name() {
        let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2016, m, d);
        let lex = Lexicon::default();
        let cfg = AlignConfig::default();
        // The first report, and a follow-up five months later.
        let mut first = incident("a", Kind::Count, "killed", None, &["jane roe", "chicago"]);
        first.claim.anchor = day(5, 14);
        first.frame.time = day(5, 14).map(|d| Period::closed(d, d));
        first.frame.entities = vec!["Jane Roe".into()];
        let follow_up = |entities: &[&str], month: bool| {
            let mut c = incident("c", Kind::Count, "killed", None, &["jane roe", "chicago"]);
            c.claim.anchor = day(10, 20);
            c.frame.entities = entities.iter().map(|e| e.to_string()).collect();
            let (start, end) = (day(5, 1), day(5, 31));
            c.frame.time = Some(Period::new(start, end));
            if month {
                c.claim.time = Some(crate::claim::TimeScope {
                    text: "in May".into(),
                    span: Span::new(0, 6),
                    start,
                    end,
                    unit: "month".into(),
                });
            }
            c
        };
        for (entities, own_date, joins) in [
            // "killed Jane Roe in May": the same story.
            (&["Jane Roe"][..], true, true),
            // No date of its own: the follow-up's period is a guess.
            (&["Jane Roe"][..], false, false),
            // Only a city in common.
            (&["Chicago"][..], true, false),
        ] {
            let later = follow_up(entities, own_date);
            let items = vec![first.clone(), later.clone()];
            let stats = StoryStats::new(&items, &lex);
            assert_eq!(
                stats.same_story(&first, &later, &cfg, &lex).is_some(),
                joins,
                "{entities:?} {own_date}"
            );
        }
    }

    #[test]
    fn sentences_telling_another_incident() {
        let lex = Lexicon::default();
        for (sentence, want) in [
            ("In another shooting, a woman was wounded Tuesday.", true),
            ("The shooting was the third in four days.", true),
            ("It was in retaliation for Sunday's shooting.", true),
            ("Two teens died in separate incidents early Tuesday.", true),
            ("The shooting happened about 10 p.m. Tuesday.", false),
            (
                "Police are trying to learn what led to the shooting of three people and the beating of another person Saturday.",
                false,
            ),
            ("Another man was hurt in the shooting Tuesday.", false),
        ] {
            assert_eq!(tells_another(sentence, &lex), want, "{sentence}");
        }
    }

    #[test]
    fn a_lead_is_read_in_its_own_clause() {
        let lex = Lexicon::default();
        let sentence = "Monday night's drive-by shooting of a 10-year-old girl – the second time a child that age was shot this month – has parents worried.";
        let claim_at = |text: &str| {
            let at = sentence.find(text).unwrap_or(0);
            Claim {
                sentence: sentence.into(),
                sentence_span: crate::claim::Span::new(0, sentence.len()),
                ..Claim::sample("d", Kind::Date, text, at, Value::exact(1.0))
            }
        };
        // The day's clause tells one incident; the dash's aside tells another.
        assert!(!tells_another(clause_of(&claim_at("Monday night")), &lex));
        assert!(tells_another(clause_of(&claim_at("this month")), &lex));
        assert!(tells_another(sentence, &lex));
    }

    #[test]
    fn shot_counts_are_not_compared() {
        let lex = Lexicon::default();
        let shot = item("a", 0, Kind::Count, &["Chicago"], "shooting", None, None);
        let killed = item("a", 0, Kind::Count, &["Chicago"], "killed", None, None);
        assert_eq!(dimension(&shot, &lex), None);
        assert_eq!(dimension(&killed, &lex).as_deref(), Some("count"));
    }

    #[test]
    fn set_sizes_treat_lists_as_sets() {
        for (a, b, expected) in [
            (vec!["x", "y"], vec!["y", "z"], (1, 3, 2)),
            (vec!["x", "x", "y"], vec!["x"], (1, 2, 1)),
            (vec![], vec!["x"], (0, 1, 0)),
            (vec!["a", "b", "c"], vec!["c", "b", "a"], (3, 3, 3)),
        ] {
            assert_eq!(set_sizes(&a, &b), expected, "{a:?} {b:?}");
        }
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
                    Kind::Percent,
                    &["Chicago"],
                    "vote",
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
