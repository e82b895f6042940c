//! Framing: for each claim, what it is about — entities, predicate, time
//! scope, attribution and polarity — read from its sentence and clause.
//!
//! Takes a [`Document`] and its extracted [`Claim`]s, returns
//! [`FramedClaim`]s (the claim, its document id and its [`Frame`]). It also
//! adds the claims the comparer needs that extraction does not emit: relative
//! event times ("has recently supplied", "since then") and zero counts ("no one
//! was injured"), see [`synth`]. All word tables are in [`lexicon`].

pub mod age;
pub mod attach;
pub mod attribution;
pub mod entity;
pub mod lexicon;
pub mod predicate;
pub mod synth;
pub mod words;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::claim::{Claim, Kind, Span};
use crate::document::Document;
pub use lexicon::{INCIDENT, Lexicon};
pub use predicate::Polarity;

/// A time interval with possibly open ends (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl Period {
    pub fn new(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Self {
        Period { start, end }
    }

    /// A closed interval.
    pub fn closed(start: NaiveDate, end: NaiveDate) -> Self {
        Period {
            start: Some(start),
            end: Some(end),
        }
    }

    /// True when the two periods share at least one day (open ends reach forever).
    pub fn overlaps(&self, other: &Period) -> bool {
        let starts_before_other_ends = match (self.start, other.end) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        let ends_after_other_starts = match (self.end, other.start) {
            (Some(e), Some(s)) => e >= s,
            _ => true,
        };
        starts_before_other_ends && ends_after_other_starts
    }

    /// "2013", "2016-03-20 – 2018-03-20", "since 2014-01-01".
    pub fn label(&self) -> String {
        use chrono::Datelike;
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => s.to_string(),
            (Some(s), Some(e))
                if s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31 =>
            {
                if s.year() == e.year() {
                    s.year().to_string()
                } else {
                    format!("{}–{}", s.year(), e.year())
                }
            }
            (Some(s), Some(e)) => format!("{s} – {e}"),
            (Some(s), None) if s.month() == 1 && s.day() == 1 => format!("{} onwards", s.year()),
            (Some(s), None) => format!("{s} onwards"),
            (None, Some(e)) => format!("until {e}"),
            (None, None) => "any time".to_string(),
        }
    }
}

/// What a claim is about.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Frame {
    /// Canonical entity names; for transfers the supplier comes first.
    pub entities: Vec<String>,
    /// Canonical predicate class ("arms", "trade", "killed", "vote", …).
    pub predicate: Option<String>,
    /// The words the predicate was read from, lower case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predicate_words: Vec<String>,
    /// The period the claim is about, if known.
    pub time: Option<Period>,
    /// Who the sentence says the claim comes from.
    pub attribution: Option<String>,
    pub polarity: Polarity,
    /// The document's entities, lower-cased (from all its claim sentences,
    /// most mentioned first): what the story is about, for claims whose
    /// own sentence names too little ("Two people were killed"). A
    /// dateline's "HOUSTON" is the body's "Houston", and names are keyed as
    /// [`entity::story_keys`] folds them ("S. Harrison St." → harrison).
    #[serde(skip)]
    pub context: Arc<[String]>,
    /// The ages the document gives people, sorted (see [`age`]): with few
    /// names, "a 4-year-old boy" in two stories tells they are one.
    #[serde(skip)]
    pub ages: Arc<[u32]>,
}

/// A claim with its document id and frame; serialised as the claims/v1 claim
/// object plus `doc` and `frame`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramedClaim {
    #[serde(flatten)]
    pub claim: Claim,
    pub doc: String,
    pub frame: Frame,
}

/// Frames claims with one lexicon, extended by the acronyms learned from the
/// documents it has seen.
#[derive(Debug, Clone, Default)]
pub struct Framer {
    lexicon: Lexicon,
}

/// Per-sentence facts shared by all claims of that sentence, computed once.
struct SentenceFacts {
    mentions: Vec<entity::EntityMention>,
    attribution: Option<attribution::Attribution>,
    clauses: Vec<(usize, usize)>,
}

impl SentenceFacts {
    fn new(sentence: &str, lex: &Lexicon) -> Self {
        let mentions = entity::mentions(sentence, lex);
        let attribution = attribution::attribution_with(sentence, &mentions, lex);
        SentenceFacts {
            mentions,
            attribution,
            clauses: predicate::clauses(sentence),
        }
    }

    /// The clause containing byte `offset` of the sentence.
    fn clause_at(&self, sentence_len: usize, offset: usize) -> (usize, usize) {
        predicate::clause_in(&self.clauses, sentence_len, offset)
    }

    /// The clause `cs..ce` joined with the next one when the count at
    /// `offset` is its subject and an apposition follows ("Two victims,
    /// both teens, died"): the count opens the clause, which ends at a
    /// comma and names no event of its own.
    fn with_apposition(
        &self,
        sentence: &str,
        cs: usize,
        ce: usize,
        offset: usize,
        lex: &Lexicon,
    ) -> (usize, usize) {
        let clause = sentence.get(cs..ce).unwrap_or("");
        let opens = sentence
            .get(cs..offset)
            .is_some_and(|head| words::words(head).is_empty());
        if !opens || !clause.trim_end().ends_with(',') {
            return (cs, ce);
        }
        let names_event = words::words(clause)
            .iter()
            .any(|w| lex.verb_class(&w.text.to_lowercase()).is_some());
        match self.clauses.iter().find(|&&(s, _)| s == ce) {
            Some(&(_, next_end)) if !names_event => (cs, next_end),
            _ => (cs, ce),
        }
    }
}

/// Shorter lower-case words are not learned as common words (see
/// [`Framer::learn`]): no one-word story name is that short.
const MIN_COMMON_WORD: usize = 3;

/// Most entities kept as a document's context.
const CONTEXT_LIMIT: usize = 32;

/// How far (bytes) outside its clause an incident verb may be to date a
/// date claim whose own clause names no predicate.
const DATE_VERB_REACH: usize = 150;

/// A date further than this (bytes) from the incident verb of its clause
/// does not date the incident.
const DATE_VERB_FAR: usize = 160;

/// How many days before publication a story's event day may lie.
const EVENT_DAY_REACH: i64 = 14;

impl Framer {
    pub fn new(lexicon: Lexicon) -> Self {
        Framer { lexicon }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Learns from a text what frames every document framed afterwards:
    /// "Long Name (ACR)" pairs, so the long name folds to the acronym, and
    /// the words it writes in lower case, which are no story names when a
    /// headline or a sentence's head capitalises them.
    pub fn learn(&mut self, text: &str) {
        // Plain lower-case ASCII words only: names are what is looked up,
        // and a byte test rejects most words before any hashing.
        let common = &mut self.lexicon.common_words;
        for w in text.split(|c: char| !c.is_ascii_alphabetic()) {
            if w.len() >= MIN_COMMON_WORD
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !common.contains(w)
            {
                common.insert(w.to_string());
            }
        }
        for (long, acronym) in entity::acronym_pairs(text) {
            let canonical = self
                .lexicon
                .alias(&acronym)
                .map_or(acronym.clone(), str::to_string);
            let key = long.to_lowercase();
            self.lexicon
                .aliases
                .entry(key)
                .or_insert_with(|| canonical.clone());
            self.lexicon
                .aliases
                .entry(acronym.to_lowercase())
                .or_insert(canonical);
        }
    }

    /// Frames the claims of one document, adding the synthesised ones; the
    /// result is in text order.
    pub fn frame(&self, doc: &Document, claims: Vec<Claim>) -> Vec<FramedClaim> {
        let lex = &self.lexicon;
        let synthesised = synth::synthesise(doc, &claims, lex);
        let mut items: Vec<(Claim, Option<synth::Synthesised>)> =
            claims.into_iter().map(|c| (c, None)).collect();
        items.extend(synthesised.into_iter().map(|s| (s.claim.clone(), Some(s))));
        items.sort_by_key(|(c, _)| (c.span.start, c.span.end));
        let mut cache: HashMap<Span, SentenceFacts> = HashMap::new();
        // A vector of its own (not the claims' reused in place, which is
        // larger): framed claims are kept until the comparison ends.
        let mut framed: Vec<FramedClaim> = Vec::with_capacity(items.len());
        framed.extend(items.into_iter().map(|(claim, synth)| {
            let facts = cache
                .entry(claim.sentence_span)
                .or_insert_with(|| SentenceFacts::new(&claim.sentence, lex));
            let frame = frame_claim(&claim, synth.as_ref(), facts, doc.published, lex);
            FramedClaim {
                claim,
                doc: doc.id.clone(),
                frame,
            }
        }));
        lead_unattached(&mut framed, doc, lex);
        let context: Arc<[String]> = story_entities(doc, &cache, lex).into();
        let ages: Arc<[u32]> = age::story_ages(&doc.text).into();
        let event_day = event_day(&framed, doc.published, lex);
        // Dates that date no incident ("arraigned Monday"): a casualty
        // count in their clause is of the story's event day, when known.
        // A tally's cutoff ("As of May 9, 96 people have been killed") is
        // the count's own time.
        let follow_up_days: HashSet<Span> = framed
            .iter()
            .filter(|c| {
                c.claim.kind == Kind::Date
                    && c.frame.predicate.is_none()
                    && !attach::is_cutoff_or_stamp(
                        &c.claim.sentence,
                        c.claim.offset_in_sentence(),
                        lex,
                    )
            })
            .map(|c| c.claim.span)
            .collect();
        // The first date of each sentence that dates an incident.
        let mut incident_dates: HashMap<Span, Period> = HashMap::new();
        for c in &framed {
            let dated = c.claim.kind == Kind::Date
                && c.frame
                    .predicate
                    .as_deref()
                    .is_some_and(|p| lex.is_momentary(p));
            if dated && let Some(period) = c.frame.time {
                incident_dates
                    .entry(c.claim.sentence_span)
                    .or_insert(period);
            }
        }
        for item in &mut framed {
            item.frame.context = context.clone();
            item.frame.ages = ages.clone();
            let follow_up_scope = is_incident_figure(item, lex)
                && item
                    .claim
                    .time
                    .as_ref()
                    .is_some_and(|t| follow_up_days.contains(&t.span));
            // "behind bars Saturday after police say he killed three people
            // in October of 2014": the incident's own date in the sentence.
            let sentence_event = follow_up_scope
                .then(|| incident_dates.get(&item.claim.sentence_span))
                .flatten();
            if let Some(period) = sentence_event {
                item.frame.time = Some(*period);
            } else if let Some(day) = event_day
                && (follow_up_scope || inherits_event_day(item, lex))
            {
                item.frame.time = Some(Period::closed(day, day));
            } else if event_day.is_none()
                && item.frame.time.is_none()
                && inherits_event_day(item, lex)
                && let Some(published) = doc.published
            {
                // An article that dates no incident: its casualty figures
                // are of the fortnight before it was published, not of no
                // time at all (which no dated report could contradict).
                let from = published - chrono::Duration::days(EVENT_DAY_REACH);
                item.frame.time = Some(Period::closed(from, published));
            }
        }
        framed
    }
}

/// The predicate [`date_predicate`] gives a date whose clause names no
/// event and no follow-up; [`lead_unattached`] replaces every one before
/// the frames leave [`Framer::frame`].
const UNATTACHED: &str = "\u{0}unattached";

/// Bytes from the start of the text within which news says when it
/// happened: the headline, dateline and first paragraph.
pub const LEAD_BYTES: usize = 800;

/// An article that dates no incident in its opening lines but gives a
/// day there that dates nothing else ("Ty Conly, 16, was hunting with his
/// cousin in Brooklyn Friday night") dates its incident with it: news
/// says when it happened first. Other such dates date nothing.
fn lead_unattached(framed: &mut [FramedClaim], doc: &Document, lex: &Lexicon) {
    let opening = |c: &FramedClaim| c.claim.span.start <= doc.body_start + LEAD_BYTES;
    let dated = framed.iter().any(|c| {
        c.claim.kind == Kind::Date
            && opening(c)
            && c.frame
                .predicate
                .as_deref()
                .is_some_and(|p| lex.is_momentary(p))
    });
    let mut first = !dated;
    for c in framed.iter_mut() {
        if c.frame.predicate.as_deref() != Some(UNATTACHED) {
            continue;
        }
        let take = first
            && opening(c)
            && recent_day(c, doc.published).is_some()
            && c.frame.polarity == Polarity::Asserted
            && tells_activity(predicate::clause_of(&c.claim));
        if take {
            first = false;
        }
        c.frame.predicate = take.then(|| INCIDENT.to_string());
    }
}

/// True when the clause tells what someone was doing, in the past
/// progressive ("was hunting with his cousin", "were sitting on a porch").
fn tells_activity(clause: &str) -> bool {
    let ws = words::words(clause);
    ws.windows(2).any(|p| {
        matches!(p[0].text, "was" | "were")
            && p[1].text.len() > 4
            && p[1].text.ends_with("ing")
            && !NOT_ACTIVITIES.contains(&p[1].text)
    })
}

/// Words in "-ing" after "was" that tell no activity ("it was nothing
/// special", "was being held", "was morning").
const NOT_ACTIVITIES: &[&str] = &[
    "being",
    "nothing",
    "something",
    "anything",
    "everything",
    "during",
    "morning",
    "evening",
    "according",
    "including",
    "recovering",
    "facing",
    "awaiting",
];

/// The story's entities: the names of the title and of every sentence of
/// the document (claim sentences reuse their cached facts, which also drop
/// the attribution source), most mentioned first, ties by first mention.
/// A story about one incident names its street, victims and neighbourhood
/// in sentences that carry no figure, so all sentences count.
fn story_entities(
    doc: &Document,
    cache: &HashMap<Span, SentenceFacts>,
    lex: &Lexicon,
) -> Vec<String> {
    let mut counts = EntityCounts::default();
    if let Some(title) = &doc.title {
        counts.add(
            entity::mentions(title, lex).iter().map(|m| m.name.as_str()),
            None,
            lex,
        );
    }
    let index = crate::text::TextIndex::with_body(&doc.text, doc.body_start);
    for span in index.sentences() {
        if let Some(facts) = cache.get(span) {
            let source = facts.attribution.as_ref().map(|a| a.source.as_str());
            counts.add(facts.mentions.iter().map(|m| m.name.as_str()), source, lex);
        } else if let Some(sentence) = doc.text.get(span.start..span.end)
            && tells_story(sentence, lex)
        {
            let mentions = entity::mentions(sentence, lex);
            counts.add(mentions.iter().map(|m| m.name.as_str()), None, lex);
        }
    }
    counts.top(CONTEXT_LIMIT)
}

/// True for a sentence without figures that still tells the story: it has
/// a predicate word ("died", "shooting", "sold"), a word of the response
/// ("Paramedics … responded to the apartment at 19th and Topping Ave.",
/// "police were called") or one referring to the incident ("it happened
/// on Elm Street"). Page chrome ("Join the conversation", "Copyright CBS
/// Radio") names the outlet, not the story.
fn tells_story(sentence: &str, lex: &Lexicon) -> bool {
    words::words(sentence).iter().any(|w| {
        let lower = w.text.to_lowercase();
        // "The triple-homicide took place at 318 Maujer St.": the event
        // word after a hyphen ("so-called" calls no one).
        let event = lower.rsplit('-').next().unwrap_or(&lower);
        lex.verb_class(event).is_some()
            || lex.object_class(event).is_some()
            || lex.response_verbs.contains(&lower)
            || lex.incident_references.contains(&lower)
            || lex.summon_verbs.contains(&lower)
            || lex.responders.contains(&lower)
    })
}

/// Mention counts of entities, one per sentence, in first-mention order.
#[derive(Default)]
struct EntityCounts {
    counts: Vec<(String, usize)>,
    at: HashMap<String, usize>,
}

impl EntityCounts {
    /// Counts the names of one sentence once each, lower-cased, skipping
    /// its source and generic sources ("police").
    fn add<'a>(
        &mut self,
        names: impl Iterator<Item = &'a str>,
        source: Option<&str>,
        lex: &Lexicon,
    ) {
        let mut seen: Vec<String> = Vec::new();
        for name in names {
            if Some(name) == source {
                continue;
            }
            for key in entity::story_keys(name, lex) {
                if seen.contains(&key) || lex.generic_sources.contains(&key) {
                    continue;
                }
                match self.at.get(&key).and_then(|&k| self.counts.get_mut(k)) {
                    Some((_, c)) => *c += 1,
                    None => {
                        self.at.insert(key.clone(), self.counts.len());
                        self.counts.push((key.clone(), 1));
                    }
                }
                seen.push(key);
            }
        }
    }

    /// The `n` most mentioned (stable: equal counts keep first-mention order).
    fn top(mut self, n: usize) -> Vec<String> {
        self.counts.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
        self.counts
            .into_iter()
            .take(n)
            .map(|(name, _)| name)
            .collect()
    }
}

/// The day a story's incident happened: the first single-day date claim
/// about a one-off incident (killed, injured, shot) on or up to
/// [`EVENT_DAY_REACH`] days before publication.
fn event_day(
    items: &[FramedClaim],
    published: Option<NaiveDate>,
    lex: &Lexicon,
) -> Option<NaiveDate> {
    items.iter().find_map(|c| {
        if c.claim.kind != Kind::Date || c.frame.polarity == Polarity::Denied {
            return None;
        }
        let p = c.frame.predicate.as_deref()?;
        if !lex.is_momentary(p) {
            return None;
        }
        recent_day(c, published)
    })
}

/// The single day a claim's value names, if it lies on or up to
/// [`EVENT_DAY_REACH`] days before publication.
fn recent_day(c: &FramedClaim, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let (start, end) = c.claim.value.as_ref()?.interval()?;
    let within = published.is_none_or(|p| start <= p && (p - start).num_days() <= EVENT_DAY_REACH);
    (start == end && within).then_some(start)
}

/// A figure about a one-off incident with no date of its own (no scoping
/// date in its clause) is dated to the story's event day, not to the
/// publication date.
fn inherits_event_day(item: &FramedClaim, lex: &Lexicon) -> bool {
    item.claim.time.is_none() && is_incident_figure(item, lex)
}

/// True for a figure (not a date) about a one-off incident.
fn is_incident_figure(item: &FramedClaim, lex: &Lexicon) -> bool {
    item.claim.kind != Kind::Date
        && item
            .frame
            .predicate
            .as_deref()
            .is_some_and(|p| lex.is_momentary(p))
}

/// Frames the claims of one document with the built-in lexicon and the
/// acronyms the document itself defines.
pub fn frame(doc: &Document, claims: Vec<Claim>) -> Vec<FramedClaim> {
    let mut framer = Framer::default();
    framer.learn(&doc.text);
    framer.frame(doc, claims)
}

fn frame_claim(
    claim: &Claim,
    synth: Option<&synth::Synthesised>,
    facts: &SentenceFacts,
    published: Option<NaiveDate>,
    lex: &Lexicon,
) -> Frame {
    let sentence = claim.sentence.as_str();
    let offset = claim.offset_in_sentence();
    let end = (offset + claim.text.len()).min(sentence.len());
    let (cs, ce) = facts.clause_at(sentence.len(), offset);
    let (cs, ce) = if claim.kind == Kind::Count {
        facts.with_apposition(sentence, cs, ce, offset, lex)
    } else {
        (cs, ce)
    };
    let clause = sentence.get(cs..ce).unwrap_or(sentence);
    let (start_in, end_in) = (offset.saturating_sub(cs), end.saturating_sub(cs));
    let mut found = predicate::predicate_of(clause, start_in, end_in, lex);
    let mut object = found.object.clone();
    if found.verb.is_some() && found.object.is_none() {
        // "… arms sold in 2013 and no sales after that year": the object
        // named earlier in the sentence carries over.
        let whole = predicate::predicate_of(sentence, offset, end, lex);
        if whole.object.is_some() {
            found.name = lex.combine(found.verb.as_deref(), whole.object.as_deref());
            object = whole.object;
        }
    }
    let polarity = synth
        .and_then(|s| s.polarity)
        .unwrap_or_else(|| predicate::polarity(clause, lex));
    let own = match (claim.kind, synth) {
        (Kind::Date, None) => {
            let at = DateAt {
                sentence,
                clause_start: cs,
                start: offset,
                end,
            };
            date_predicate(&at, clause, object.as_deref(), lex)
        }
        // "arrested two men", "three men went into a home and fired":
        // attackers and arrested people are not an incident's victims.
        (Kind::Count, None)
            if found.name.as_deref().is_some_and(|p| lex.is_momentary(p))
                && attach::counts_no_victims(clause, start_in, end_in, lex) =>
        {
            None
        }
        _ => found.name,
    };
    // "… Friday, two days after a 3-year-old was killed Wednesday": the
    // figures after it are another incident's.
    let own = own.filter(|_| !recalls_another(sentence, offset));
    let predicate = synth.and_then(|s| s.predicate.clone()).or(own);
    let verb_at = found.verb_at.map(|v| v + cs);
    let attribution = facts.attribution.as_ref();
    let entities = ordered_entities(sentence, &facts.mentions, attribution, cs, verb_at, lex);
    let time = match synth {
        Some(s) if s.claim.kind == Kind::Date => s.time,
        _ => claim_time(claim, clause, published, lex),
    };
    Frame {
        entities,
        predicate,
        predicate_words: found.words,
        time,
        attribution: attribution.map(|a| a.source.clone()),
        polarity,
        context: Arc::default(),
        ages: Arc::default(),
    }
}

/// Where a date claim sits: its sentence, the start of its clause and its
/// byte range, in sentence offsets.
struct DateAt<'a> {
    sentence: &'a str,
    clause_start: usize,
    start: usize,
    end: usize,
}

/// The predicate of the event a date claim dates (see [`attach`]), or
/// [`UNATTACHED`] when nothing in its clause or sentence decides (the
/// document's opening decides, see [`lead_unattached`]); none for
/// a follow-up ("arraigned Tuesday"), a cutoff ("As of May 9") or an event
/// word further than [`DATE_VERB_FAR`]. A date whose clause decides nothing
/// ("On May 14, at about 3 p.m., officers responded to a shooting") takes
/// an incident word of its sentence within [`DATE_VERB_REACH`]; one in a
/// clause that tells what the victims were doing ("shot while attending a
/// funeral Tuesday") takes the main clause's incident.
fn date_predicate(
    at: &DateAt,
    clause: &str,
    object: Option<&str>,
    lex: &Lexicon,
) -> Option<String> {
    if attach::is_caption_date(at.sentence, at.start, at.end)
        || attach::is_quoted_speaker_day(at.sentence, at.start, at.end)
    {
        return None;
    }
    // "… accidental shooting this morning … — Lawrence Police
    // (@LawrenceKS_PD) August 25, 2016": a post telling the incident as
    // news of the day is dated the day it happened; any other post's date
    // is when it was posted (a press conference days later).
    if let Some(post) = embedded_post(at.sentence, at.start) {
        let ws = words::words(post);
        let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
        let about_incident = lower.iter().any(|w| {
            lex.verb_class(w).is_some_and(|c| lex.is_momentary(c))
                || lex.incident_references.contains(w)
        });
        let of_the_day = lower.iter().enumerate().any(|(i, w)| {
            matches!(w.as_str(), "today" | "tonight" | "breaking")
                || (w == "this"
                    && lower
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.as_str(), "morning" | "afternoon" | "evening")))
        });
        return (about_incident && of_the_day).then(|| INCIDENT.to_string());
    }
    let cs = at.clause_start;
    let head = at.sentence.get(..cs).unwrap_or("").trim_end();
    let opens_sentence = head.is_empty() || head.ends_with([';', ':', '–', '—', '-']);
    let in_clause = attach::dated_event(
        clause,
        at.start.saturating_sub(cs),
        at.end.saturating_sub(cs),
        opens_sentence,
        lex,
    );
    let (class, verb) = match in_clause {
        attach::Dated::Event { class, at: v } => (class, v + cs),
        // "Four people were shot while attending a funeral Tuesday": the
        // main clause's incident.
        _ if cs > 0 && is_circumstance(clause) => {
            let main = at.sentence.get(..cs).unwrap_or("");
            match attach::dated_event(main, main.len(), main.len(), false, lex) {
                attach::Dated::Event { class, at: v } if lex.is_momentary(&class) => (class, v),
                _ => return None,
            }
        }
        // "The department said on Sunday around 3 p.m. it received a call
        // of a shooting": a report does not give its hour, the incident does.
        _ if is_clocked(at, lex) && reports_only_the_incident(at.sentence, lex) => {
            return Some(INCIDENT.to_string());
        }
        // "It was just after 3:30 a.m. Monday, and two people were
        // quarreling on the lawn": a story setting the scene of its incident.
        _ if is_clocked(at, lex) && sets_the_scene(at.sentence) => {
            return Some(INCIDENT.to_string());
        }
        attach::Dated::FollowUp => return None,
        attach::Dated::Unknown => {
            match attach::dated_event(at.sentence, at.start, at.end, true, lex) {
                attach::Dated::Event { class, at: v }
                    if predicate::distance(v, v, at.start, at.end) <= DATE_VERB_REACH
                        && lex.is_momentary(&class) =>
                {
                    (class, v)
                }
                // "It happened Friday", "police responded Saturday".
                _ if refers_to_incident(clause, lex) => return Some(INCIDENT.to_string()),
                _ => return Some(UNATTACHED.to_string()),
            }
        }
    };
    (predicate::distance(verb, verb, at.start, at.end) <= DATE_VERB_FAR)
        .then(|| lex.combine(Some(&class), object))
        .flatten()
}

/// Words either side of a date searched for its hour ("at 1:18 p.m. Sunday",
/// "Sunday around 3 p.m.").
const CLOCK_REACH: usize = 4;

/// True when a clock time ("3 p.m.", "noon") stands within
/// [`CLOCK_REACH`] words of the date.
fn is_clocked(at: &DateAt, lex: &Lexicon) -> bool {
    let ws = words::words(at.sentence);
    let first = ws.iter().position(|w| w.end > at.start).unwrap_or(ws.len());
    let last = ws.iter().rposition(|w| w.start < at.end).unwrap_or(first);
    let from = first.saturating_sub(CLOCK_REACH);
    let to = (last + CLOCK_REACH + 1).min(ws.len());
    ws.get(from..to)
        .into_iter()
        .flatten()
        .any(|w| lex.clock_words.contains(&w.text.to_lowercase()))
}

/// True when the sentence refers to the incident (see
/// [`refers_to_incident`]) and its only follow-up words report it ("said",
/// "stated"): no arrest or court date takes the hour.
fn reports_only_the_incident(sentence: &str, lex: &Lexicon) -> bool {
    let lower = sentence.to_lowercase();
    refers_to_incident(sentence, lex)
        && words::words(&lower).iter().all(|w| {
            !lex.follow_up_verbs.contains(w.text) || lex.attribution_verbs.contains(w.text)
        })
}

/// The text of an embedded social-media post whose signature ("— Name
/// (@handle)") runs up to the date at byte `start` of the sentence.
fn embedded_post(sentence: &str, start: usize) -> Option<&str> {
    let head = sentence.get(..start)?.trim_end();
    let signature = head.strip_suffix(')')?;
    let handle = signature.rfind("(@")?;
    let dash = signature.get(..handle)?.rfind(['—', '–'])?;
    sentence.get(..dash)
}

/// True for a sentence that opens on "It was" and the time ("It was just
/// after 3:30 a.m. Monday, and …").
fn sets_the_scene(sentence: &str) -> bool {
    let head: Vec<String> = words::words(sentence)
        .iter()
        .take(2)
        .map(|w| w.text.to_lowercase())
        .collect();
    head == ["it", "was"]
}

/// Periods that, before "after a", recall another incident ("two days
/// after a man was shot", "six weeks after a massacre").
const RECALL_PERIODS: &[&str] = &[
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// True when a period and "after a/an" come before byte `offset` of the
/// sentence: what follows recalls another incident, not the one told ("a
/// day after the shooting" recalls this one).
fn recalls_another(sentence: &str, offset: usize) -> bool {
    let head = sentence.get(..offset).unwrap_or("").to_lowercase();
    let ws = words::words(&head);
    ws.windows(3).any(|w| {
        RECALL_PERIODS.contains(&w[0].text)
            && w[1].text == "after"
            && matches!(w[2].text, "a" | "an")
    })
}

/// True when the clause tells what the victims were doing when it happened
/// ("while attending a funeral service Tuesday"): its date is the
/// incident's, even when it names what would otherwise be a follow-up.
fn is_circumstance(clause: &str) -> bool {
    let ws = words::words(clause);
    matches!(
        (ws.first(), ws.get(1)),
        (Some(a), Some(b)) if a.text.eq_ignore_ascii_case("while") && b.text.ends_with("ing")
    )
}

/// True when the clause refers back to the story's incident ("It happened
/// Friday"; see the lexicon's incident references) or tells the response
/// to it ("officers responded Saturday", "police were called to the block
/// Sunday").
fn refers_to_incident(clause: &str, lex: &Lexicon) -> bool {
    let text = clause.to_lowercase();
    let lower = words::words(&text);
    let has = |set: &lexicon::WordSet| lower.iter().any(|w| set.contains(w.text));
    let summoned = lower
        .windows(2)
        .any(|p| lex.summon_verbs.contains(p[0].text) && lex.summon_followers.contains(p[1].text));
    has(&lex.incident_references)
        || lex
            .incident_phrases
            .iter()
            .any(|p| words::contains_phrase(&text, p))
        || ((has(&lex.response_verbs) || summoned) && has(&lex.responders))
}

/// Entities outside the attribution phrase, deduplicated; the supplier of a
/// transfer first: the place after "from", else a place named as the maker of
/// the goods ("Israeli arms", "Israeli-made"), else the nearest place before
/// the verb in the claim's clause, else text order.
fn ordered_entities(
    sentence: &str,
    mentions: &[entity::EntityMention],
    attribution: Option<&attribution::Attribution>,
    clause_start: usize,
    verb_at: Option<usize>,
    lex: &Lexicon,
) -> Vec<String> {
    let kept: Vec<&entity::EntityMention> = mentions
        .iter()
        .filter(|m| attribution.is_none_or(|a| m.end <= a.start || m.start >= a.end))
        .filter(|m| attribution.is_none_or(|a| a.source != m.name))
        .collect();
    let after_from = kept.iter().find(|m| {
        sentence
            .get(..m.start)
            .is_some_and(|b| b.trim_end().to_ascii_lowercase().ends_with(" from"))
            && lex.is_place(&m.name)
    });
    let maker = kept.iter().find(|m| {
        let after = sentence.get(m.end..).unwrap_or("");
        let next = words::words(after).into_iter().next();
        // Only a demonym makes ("Israeli arms"); "sold Kenya weapons" does not.
        let demonym = sentence
            .get(m.start..m.end)
            .is_some_and(|surface| surface != m.name);
        lex.is_place(&m.name)
            && demonym
            && (after.starts_with("-made")
                || next.is_some_and(|w| {
                    w.start <= 1 && lex.object_class(&w.text.to_lowercase()).is_some()
                }))
    });
    let before_verb = verb_at.and_then(|v| {
        kept.iter()
            .filter(|m| m.start >= clause_start && m.end <= v && lex.is_place(&m.name))
            .max_by_key(|m| m.start)
    });
    let mut names: Vec<String> = Vec::new();
    for m in after_from
        .or(maker)
        .or(before_verb)
        .into_iter()
        .chain(kept.iter())
    {
        if !names.contains(&m.name) {
            names.push(m.name.clone());
        }
    }
    names
}

/// The claim's own interval (dates), its scoping date, or the publication
/// date for a present-tense clause.
fn claim_time(
    claim: &Claim,
    clause: &str,
    published: Option<NaiveDate>,
    lex: &Lexicon,
) -> Option<Period> {
    if claim.kind == Kind::Date {
        return claim
            .value
            .as_ref()
            .and_then(|v| v.interval())
            .map(|(s, e)| {
                let (start, end) = claim.qualifier.period(s, e);
                Period::new(start, end)
            });
    }
    if let Some(scope) = &claim.time {
        return (scope.start.is_some() || scope.end.is_some())
            .then(|| Period::new(scope.start, scope.end));
    }
    if predicate::is_present_tense(clause, lex) {
        return published.map(|p| Period::closed(p, p));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Qualifier, TimeScope, Value};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// A claim for the first occurrence of `text` in the document, with the
    /// whole document as its sentence.
    fn claim(doc: &Document, text: &str, kind: Kind, value: Option<Value>) -> Claim {
        let start = doc.text.find(text).unwrap_or(0);
        let index = crate::text::TextIndex::with_body(&doc.text, doc.body_start);
        let ss = index.sentence_at(start);
        Claim {
            id: format!("{}:{}-{}", doc.id, start, start + text.len()),
            kind,
            text: text.to_string(),
            span: Span::new(start, start + text.len()),
            line: 1,
            column: start + 1,
            value,
            unit: None,
            qualifier: Qualifier::Exact,
            sentence: doc.text[ss.start..ss.end].to_string(),
            sentence_span: ss,
            noun: None,
            normalized: None,
            relative: false,
            anchor: None,
            time: None,
        }
    }

    fn year(y: i32) -> Option<Value> {
        Some(Value::dates(date(y, 1, 1), date(y, 12, 31)))
    }

    #[test]
    fn frames_an_arms_sale_with_time_and_source() {
        let doc = Document::from_text(
            "d1",
            "In 2011, $9 million worth of Israeli arms were sold to buyers in Rwanda, according to the Stockholm International Peace Research Institute.",
        );
        let mut money = claim(&doc, "$9 million", Kind::Money, Some(Value::exact(9e6)));
        money.time = Some(TimeScope {
            text: "In 2011".into(),
            span: Span::new(0, 7),
            start: Some(date(2011, 1, 1)),
            end: Some(date(2011, 12, 31)),
            unit: "year".into(),
        });
        let out = frame(&doc, vec![money]);
        assert_eq!(out.len(), 1);
        let f = &out[0].frame;
        assert_eq!(f.entities, ["Israel", "Rwanda"]);
        assert_eq!(f.predicate.as_deref(), Some("arms"));
        assert_eq!(f.attribution.as_deref(), Some("SIPRI"));
        assert_eq!(f.polarity, Polarity::Asserted);
        assert_eq!(
            f.time,
            Some(Period::closed(date(2011, 1, 1), date(2011, 12, 31)))
        );
        assert_eq!(out[0].doc, "d1");
    }

    #[test]
    fn frames_denial_and_assertion_events() {
        let doc = Document::from_text(
            "d2",
            "In 2011, Israeli guns were sold to Rwanda, according to SIPRI, although the data do not show any weapons sales since then.",
        );
        let y = claim(&doc, "2011", Kind::Date, year(2011));
        let out = frame(&doc, vec![y]);
        let texts: Vec<&str> = out.iter().map(|f| f.claim.text.as_str()).collect();
        assert_eq!(texts, ["2011", "since then"]);
        assert_eq!(out[0].frame.polarity, Polarity::Asserted);
        assert_eq!(out[0].frame.predicate.as_deref(), Some("arms"));
        assert_eq!(out[1].frame.polarity, Polarity::Denied);
        assert_eq!(out[1].frame.predicate.as_deref(), Some("arms"));
        assert_eq!(
            out[1].frame.time,
            Some(Period::new(Some(date(2012, 1, 1)), None))
        );
        assert_eq!(out[1].frame.entities, ["Israel", "Rwanda"]);
    }

    #[test]
    fn recent_supply_is_dated_from_publication() {
        let mut doc = Document::from_text(
            "d3",
            "According to the SIPRI database, Israel has recently supplied Rwanda 155 mm howitzers from Israel's Soltam.",
        );
        doc.published = Some(date(2018, 3, 20));
        let out = frame(&doc, vec![]);
        assert_eq!(out.len(), 1);
        let f = &out[0].frame;
        assert_eq!(f.predicate.as_deref(), Some("arms"));
        assert_eq!(f.attribution.as_deref(), Some("SIPRI"));
        assert_eq!(f.entities.first().map(String::as_str), Some("Israel"));
        assert!(f.entities.contains(&"Rwanda".to_string()));
        assert_eq!(
            f.time,
            Some(Period::closed(date(2016, 3, 20), date(2018, 3, 20)))
        );
    }

    #[test]
    fn object_carries_over_to_a_later_clause() {
        let doc = Document::from_text(
            "d8",
            "The register lists Israeli arms sold to Rwanda in 2012, and no sales after that year were recorded.",
        );
        let y = claim(&doc, "2012", Kind::Date, year(2012));
        let out = frame(&doc, vec![y]);
        let got: Vec<(&str, Option<&str>, Polarity)> = out
            .iter()
            .map(|f| {
                (
                    f.claim.text.as_str(),
                    f.frame.predicate.as_deref(),
                    f.frame.polarity,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("2012", Some("arms"), Polarity::Asserted),
                ("after that year", Some("arms"), Polarity::Denied)
            ]
        );
    }

    #[test]
    fn supplier_after_from_comes_first() {
        let doc = Document::from_text(
            "d4",
            "Azerbaijan signed contracts to buy $2 billion in equipment from Israel.",
        );
        let c = claim(&doc, "$2 billion", Kind::Money, Some(Value::exact(2e9)));
        let out = frame(&doc, vec![c]);
        assert_eq!(out[0].frame.entities, ["Israel", "Azerbaijan"]);
        assert_eq!(out[0].frame.predicate.as_deref(), Some("arms purchase"));
    }

    #[test]
    fn present_tense_takes_publication_date() {
        let mut doc = Document::from_text("d5", "Azerbaijan sells Israel 30 percent of its oil.");
        doc.published = Some(date(2018, 9, 13));
        let c = claim(&doc, "30 percent", Kind::Percent, Some(Value::exact(30.0)));
        let out = frame(&doc, vec![c]);
        assert_eq!(
            out[0].frame.time,
            Some(Period::closed(date(2018, 9, 13), date(2018, 9, 13)))
        );
        assert_eq!(out[0].frame.predicate.as_deref(), Some("trade"));
    }

    #[test]
    fn learned_acronyms_apply_across_documents() {
        let mut framer = Framer::default();
        framer.learn("the Gun Violence Archive (GVA) tracks shootings");
        let doc = Document::from_text(
            "d6",
            "Two people were killed, the Gun Violence Archive said.",
        );
        let c = claim(&doc, "Two people", Kind::Count, Some(Value::exact(2.0)));
        let out = framer.frame(&doc, vec![c]);
        assert_eq!(out[0].frame.attribution.as_deref(), Some("GVA"));
        assert_eq!(out[0].frame.predicate.as_deref(), Some("killed"));
    }

    #[test]
    fn dates_of_words_that_refer_back_to_the_incident() {
        // (sentence, date claim, predicate)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "It happened shortly before 5 p.m. Friday on Elm Street.",
                "Friday",
                Some(INCIDENT),
            ),
            (
                "Officers responded to the home around 1 a.m. Saturday.",
                "Saturday",
                Some(INCIDENT),
            ),
            (
                "Police were dispatched to the block at about 2 a.m. Wednesday.",
                "Wednesday",
                Some(INCIDENT),
            ),
            (
                "A 7-year-old girl was struck by a bullet Sunday.",
                "Sunday",
                Some("shooting"),
            ),
            (
                "His wife called 911 shortly before midnight on Thursday.",
                "Thursday",
                Some(INCIDENT),
            ),
            (
                "Their bodies were found Saturday by a family friend.",
                "Saturday",
                Some(INCIDENT),
            ),
            ("The bodies were exhumed Tuesday.", "Tuesday", None),
            // Responders summoned, or a call received, date the incident.
            (
                "Police were called to the 5300 block of Patton Avenue at 1:18 p.m. Sunday.",
                "Sunday",
                Some(INCIDENT),
            ),
            (
                "Officers were called at about 1:05 p.m. Monday to assist with an EMS call.",
                "Monday",
                Some(INCIDENT),
            ),
            (
                "Dispatchers received the emergency call at 9:52 p.m. Tuesday.",
                "Tuesday",
                Some(INCIDENT),
            ),
            ("Police called the case suspicious Monday.", "Monday", None),
            // What follows "two days after a …" is another incident's.
            (
                "A girl was shot Friday night, two days after a 3-year-old was shot and killed Wednesday.",
                "Wednesday",
                None,
            ),
            (
                "A girl was shot Friday night, two days after a 3-year-old was shot and killed Wednesday.",
                "Friday night",
                Some("shooting"),
            ),
            (
                "A man was shot Friday and died Sunday, two days after the shooting.",
                "Sunday",
                Some("killed"),
            ),
            // A wound or gunfire told without an event word.
            (
                "Charges were filed after Isis was struck in the head July 14.",
                "July 14",
                Some(INCIDENT),
            ),
            (
                "A boy playing outside around 11:24 p.m. Sunday was hit by stray bullets when a man fired eight times.",
                "Sunday",
                Some("shooting"),
            ),
            // A report does not give its hour: a clocked date is the
            // incident's, unless an arrest or a court date takes it.
            (
                "The Halifax County Sheriff's Department said on Sunday around 3 p.m., it received a call of a shooting on Hudson Road.",
                "Sunday",
                Some(INCIDENT),
            ),
            (
                "On Wednesday, March 15, around 5 p.m., police said they were called to W. 17th Ave. and Elm St. in reference to a shooting.",
                "Wednesday, March 15",
                Some(INCIDENT),
            ),
            (
                "The department said on Sunday it received a call of a shooting.",
                "Sunday",
                None,
            ),
            (
                "Police said a man was arrested at 3 p.m. Sunday after officers were called to the home.",
                "Sunday",
                None,
            ),
            (
                "Emergency responders rushed to a home on Lowell Avenue on Sunday morning.",
                "Sunday",
                Some(INCIDENT),
            ),
            // What the victims were doing: the date is the incident's.
            (
                "Four people were shot while attending a funeral service Tuesday in Southwest Fresno.",
                "Tuesday",
                Some("shooting"),
            ),
            (
                "The boy was killed while walking to school on Monday.",
                "Monday",
                Some("killed"),
            ),
            // … also when it comes first.
            (
                "While walking home Tuesday, a teen was shot.",
                "Tuesday",
                Some("shooting"),
            ),
            // A clause that names no event takes its sentence's, even a
            // long way back.
            (
                "The shooting happened as the teens were hanging out inside an apartment on Glen Arm Road, near 38th & High School Road, Sunday evening.",
                "Sunday",
                Some("shooting"),
            ),
            // An event word of its own still decides.
            (
                "It happened after a man was shot Friday on Elm Street.",
                "Friday",
                Some("shooting"),
            ),
            // A response dates the incident only when responders give it.
            (
                "The mayor responded on Tuesday to the criticism.",
                "Tuesday",
                None,
            ),
            // Losing a job is no shooting.
            ("Officer Bob Smith was fired on Tuesday.", "Tuesday", None),
            (
                "It was just after 3:30 a.m. Monday, and two people were quarreling on the lawn.",
                "Monday",
                Some(INCIDENT),
            ),
            ("It was a quiet Monday in the town.", "Monday", None),
            (
                "Media Release in regards to an accidental shooting this morning of a 6 year old pic.twitter.com/AKjW0smRXa — Lawrence Police (@LawrenceKS_PD) August 25, 2016",
                "August 25, 2016",
                Some(INCIDENT),
            ),
            (
                "Great turnout at the parade pic.twitter.com/x1 — Jane Roe (@janeroe) May 13, 2016",
                "May 13, 2016",
                None,
            ),
            // Posted from a press conference days after the shooting.
            (
                "BELLAGIO SHOOTING: @LVMPD show where police and suspect were standing pic.twitter.com/x2 — Jess Roe (@jessroe) January 26, 2016",
                "January 26, 2016",
                None,
            ),
            // A follow-up is not the incident.
            (
                "The suspect was arraigned Monday for what happened.",
                "Monday",
                None,
            ),
            // Nothing refers to an incident.
            ("The mall reopens Tuesday with new hours.", "Tuesday", None),
        ];
        for (text, day, want) in cases {
            let doc = Document::from_text("d", *text);
            let d = date(2016, 5, 13);
            let c = claim(&doc, day, Kind::Date, Some(Value::dates(d, d)));
            let out = frame(&doc, vec![c]);
            assert_eq!(out[0].frame.predicate.as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn a_subject_count_takes_its_verb_past_an_apposition() {
        // (sentence, count, predicate)
        let cases = [
            (
                "Two victims, both teens, died from their injuries.",
                "Two victims",
                Some("killed"),
            ),
            (
                "Two victims, 8 and 9, died from their injuries.",
                "Two victims",
                Some("killed"),
            ),
            (
                "Two victims, an 8- and 9-year-old boy, died from their injuries.",
                "Two victims",
                Some("killed"),
            ),
            (
                "Two victims died from their injuries.",
                "Two victims",
                Some("killed"),
            ),
        ];
        for (text, count, want) in cases {
            let doc = Document::from_text("d", text);
            let c = claim(&doc, count, Kind::Count, Some(Value::exact(2.0)));
            let out = frame(&doc, vec![c]);
            assert_eq!(out[0].frame.predicate.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn incident_figures_take_the_story_event_day() {
        // (text, date claim, count claim, expected time of the count)
        let cases: &[(&str, &str, &str, Option<NaiveDate>)] = &[
            (
                "A man was shot and killed Saturday night on Elm Street. Two people were killed, police said.",
                "Saturday night",
                "Two people",
                Some(date(2016, 5, 14)),
            ),
            // The first date is a follow-up (arrest), not the incident: no
            // incident day, so the fortnight before publication.
            (
                "A suspect was arrested Monday on Elm Street. Two people were killed, police said.",
                "Monday",
                "Two people",
                Some(date(2016, 5, 3)),
            ),
            // No incident date at all: present tense keeps the publication date.
            (
                "The city has seen violence. Two people are dead, police said.",
                "",
                "Two people",
                Some(date(2016, 5, 17)),
            ),
        ];
        for (text, day, count, want) in cases {
            let mut doc = Document::from_text("d", *text);
            doc.published = Some(date(2016, 5, 17));
            let mut claims = Vec::new();
            if !day.is_empty() {
                let resolved = if day.starts_with("Saturday") {
                    date(2016, 5, 14)
                } else {
                    date(2016, 5, 16)
                };
                claims.push(claim(
                    &doc,
                    day,
                    Kind::Date,
                    Some(Value::dates(resolved, resolved)),
                ));
            }
            let mut c = claim(&doc, count, Kind::Count, Some(Value::exact(2.0)));
            c.noun = Some("people".into());
            claims.push(c);
            let out = frame(&doc, claims);
            let got = out
                .iter()
                .find(|f| f.claim.text == *count)
                .and_then(|f| f.frame.time)
                .and_then(|t| t.start);
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn counts_scoped_by_a_follow_up_date_take_the_event_day() {
        let mut doc = Document::from_text(
            "d",
            "Two people were shot and killed Saturday night on Elm Street. The suspect was arraigned Monday on two counts of murder.",
        );
        doc.published = Some(date(2016, 5, 17));
        let out = frame(&doc, crate::extract::extract(&doc));
        let time_of = |text: &str| {
            out.iter()
                .find(|f| f.claim.text == text)
                .and_then(|f| f.frame.time)
                .and_then(|t| t.start)
        };
        assert_eq!(time_of("Monday"), Some(date(2016, 5, 16)));
        assert_eq!(time_of("two counts"), Some(date(2016, 5, 14)));

        // A running tally keeps its cutoff.
        let mut doc = Document::from_text(
            "d",
            "Two people were shot and killed Saturday night on Elm Street. As of May 9, 96 people have been killed in Springfield.",
        );
        doc.published = Some(date(2016, 5, 17));
        let out = frame(&doc, crate::extract::extract(&doc));
        let tally = out.iter().find(|f| f.claim.text.contains("96"));
        assert_eq!(
            tally.and_then(|f| f.frame.time).and_then(|t| t.start),
            Some(date(2016, 5, 9))
        );

        // The incident's own date in the sentence beats the follow-up's.
        let mut doc = Document::from_text(
            "d",
            "A man is behind bars Saturday after police say he shot and killed three people on Elm Street in October of 2014.",
        );
        doc.published = Some(date(2015, 3, 29));
        let out = frame(&doc, crate::extract::extract(&doc));
        let count = out.iter().find(|f| f.claim.text.contains("three"));
        assert_eq!(
            count.and_then(|f| f.frame.time),
            Some(Period::closed(date(2014, 10, 1), date(2014, 10, 31)))
        );
    }

    #[test]
    fn document_context_lists_story_entities_most_mentioned_first() {
        let doc = Document::from_text(
            "d",
            "Two people were killed on Elm Street in Springfield. Police said three were hurt on Elm Street. Later 4 were arrested in Springfield near Shelbyville on Elm Street.",
        );
        let claims = vec![
            claim(&doc, "Two people", Kind::Count, Some(Value::exact(2.0))),
            claim(&doc, "three", Kind::Count, Some(Value::exact(3.0))),
            claim(&doc, "4", Kind::Count, Some(Value::exact(4.0))),
        ];
        let out = frame(&doc, claims);
        let context: Vec<&str> = out[0].frame.context.iter().map(String::as_str).collect();
        // Streets are keyed without their type (see `entity::story_keys`).
        assert_eq!(context, ["elm", "springfield", "shelbyville"]);
        assert!(out.iter().all(|f| f.frame.context == out[0].frame.context));
    }

    #[test]
    fn story_entities_come_from_all_story_sentences_and_the_title() {
        let mut doc = Document::from_text(
            "d",
            "Two people were killed, police said. The victim, Jane Roe, died on Elm Street near Oak Park. Join the Conversation on the Channel Nine Facebook Page.",
        );
        doc.title = Some("ELM STREET shooting in Springfield".into());
        let claims = vec![claim(
            &doc,
            "Two people",
            Kind::Count,
            Some(Value::exact(2.0)),
        )];
        let out = frame(&doc, claims);
        let context: Vec<&str> = out[0].frame.context.iter().map(String::as_str).collect();
        // Elm Street twice (title in capitals and body); page chrome has no
        // story word.
        assert_eq!(context, ["elm", "springfield", "jane roe", "oak park"]);
    }

    #[test]
    fn an_opening_activity_dates_an_otherwise_undated_incident() {
        const LEAD: &str =
            "A Plainfield teen was hospitalized after being shot while squirrel hunting.";
        let filler = "The county urges hunters to take a safety class. ".repeat(20);
        // (text, the predicate each day's date gets)
        type Days<'a> = Vec<(&'a str, Option<&'a str>)>;
        let cases: Vec<(String, Days)> = vec![
            (
                format!(
                    "{LEAD} Ty Conly, 16, was hunting with his cousin Friday night. Police identified him Monday."
                ),
                vec![("Friday", Some(INCIDENT)), ("Monday", None)],
            ),
            // A lead that dates the shooting leaves other days alone.
            (
                "He was shot Friday night while hunting. Ty Conly, 16, was hunting with his cousin Saturday night.".to_string(),
                vec![("Friday", Some("shooting")), ("Saturday", None)],
            ),
            // Only the first activity dates the incident.
            (
                format!(
                    "{LEAD} Ty Conly was hunting with his cousin Friday night. The cousins were fishing Saturday."
                ),
                vec![("Friday", Some(INCIDENT)), ("Saturday", None)],
            ),
            // Not an activity, nothing dates the incident.
            (
                format!(
                    "{LEAD} The family visited him Friday night. It was nothing special on Saturday."
                ),
                vec![("Friday", None), ("Saturday", None)],
            ),
            // Past the opening lines, or weeks before publication.
            (
                format!("{LEAD} {filler}Ty Conly was hunting with his cousin Friday night."),
                vec![("Friday", None)],
            ),
            (
                format!("{LEAD} Ty Conly was hunting with his cousin on August 1."),
                vec![("August 1", None)],
            ),
        ];
        for (text, expected) in cases {
            let mut doc = Document::from_text("d", text.clone());
            doc.published = Some(date(2015, 8, 24));
            let dates: Vec<Claim> = crate::extract::extract(&doc)
                .into_iter()
                .filter(|c| c.kind == Kind::Date)
                .collect();
            let out = frame(&doc, dates);
            for (day, predicate) in expected {
                let got = out
                    .iter()
                    .find(|f| f.claim.text.starts_with(day))
                    .map(|f| f.frame.predicate.as_deref());
                assert_eq!(got, Some(predicate), "{day} in {text}");
            }
        }
    }

    #[test]
    fn activities_are_past_progressive() {
        for (clause, expected) in [
            (
                "Ty Conly, 16, was hunting with his cousin Friday night",
                true,
            ),
            ("the children were playing outside Sunday", true),
            ("he was being held Friday", false),
            ("police identified him Monday", false),
            ("it was Monday", false),
            ("It was nothing special on Friday night", false),
            ("he was recovering Friday", false),
        ] {
            assert_eq!(tells_activity(clause), expected, "{clause}");
        }
    }

    #[test]
    fn story_sentences_have_a_predicate_word() {
        let lex = Lexicon::default();
        for (sentence, expected) in [
            ("The victim died at the hospital.", true),
            ("Gunfire erupted outside the bar.", true),
            ("Israel sold arms to Rwanda.", true),
            (
                "Paramedics tried to revive him when they responded to the apartment at 19th and Topping Ave.",
                true,
            ),
            ("It happened on Elm Street.", true),
            (
                "The triple-homicide took place at 318 Maujer St., a Bushwick building.",
                true,
            ),
            ("A well-known Bushwick building.", false),
            ("Officers found the car on Main Street.", true),
            ("Join the Conversation on our Facebook Page.", false),
            ("Copyright 2016 CBS Radio Inc.", false),
        ] {
            assert_eq!(tells_story(sentence, &lex), expected, "{sentence}");
        }
    }

    #[test]
    fn periods_overlap_with_open_ends() {
        let a = Period::new(Some(date(2014, 1, 1)), None);
        let b = Period::closed(date(2016, 3, 20), date(2018, 3, 20));
        let c = Period::closed(date(2013, 1, 1), date(2013, 12, 31));
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
        assert!(!b.overlaps(&c));
        assert_eq!(c.label(), "2013");
        assert_eq!(a.label(), "2014 onwards");
    }

    #[test]
    fn framed_claim_serialises_flat() {
        let doc = Document::from_text("d7", "Nine people died.");
        let c = claim(&doc, "Nine people", Kind::Count, Some(Value::exact(9.0)));
        let out = frame(&doc, vec![c]);
        let json = serde_json::to_value(&out[0]).unwrap_or_default();
        assert_eq!(json["doc"], "d7");
        assert_eq!(json["kind"], "count");
        assert_eq!(json["frame"]["predicate"], "killed");
        assert_eq!(json["frame"]["polarity"], "asserted");
    }
}
