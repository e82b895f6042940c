//! Cross-article comparison on real news: the GVA incidents (`gva_dev.jsonl`)
//! pooled into one archive and run through the library pipeline
//! (extract → frame → compare), as `claimcheck check` does.
//!
//! Reports (a) false alignment: findings whose claims come from articles of
//! different incidents; (b) agreement: for incidents where two or more
//! articles state the archive's killed/injured count or the incident date,
//! how often two of those claims end up in an `agree`; (c) conflict recall on
//! a perturbed copy: one figure (killed/injured count or the incident date)
//! changed in one article per incident, chosen by a seeded hash, and whether
//! a conflict involving the changed claim is flagged; plus false conflicts,
//! the incidents with a conflict that involves no perturbed claim.
//!
//! The perturbation is done here, on the article text: the figure's digits
//! or number word, the day of a "Month D" date, or a weekday name are
//! replaced, and the article re-extracted, so nothing but the text changes.
//! `--write-perturbed FILE` writes the perturbed pool as JSON Lines
//! (`{id, title, dct, content}`) for `claimcheck check FILE`.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use claimcheck::compare::{self, AlignConfig, Finding, Verdict};
use claimcheck::frame::{FramedClaim, Framer, Polarity};
use claimcheck::{Claim, Document, Kind, Value};
use serde_json::Value as Json;

use super::gva::incident_date;

/// Options of `--gva-check`.
pub struct Options {
    pub seed: u64,
    pub write_perturbed: Option<PathBuf>,
    /// Print up to this many examples of each failure class.
    pub examples: usize,
    /// Write every framed claim of the unperturbed pool (JSON Lines, with
    /// its incident index and the archive fact it states) for inspection.
    pub dump: Option<PathBuf>,
    /// Fail (an error) when a figure falls past its floor, see [`GATE`].
    pub gate: bool,
}

/// What `--gate` holds the figures to (percent): the aims that are
/// met — false alignment and false conflicts under 5% — and conflict
/// recall at the aim of 80% (recorded: 82.5% on the default seed,
/// 79.0–80.4% on seeds 7, 42 and 1, 80.3% over the four), so that a change
/// that loses conflicts fails CI instead of passing unnoticed.
const GATE: Gate = Gate {
    max_false_alignment: 5.0,
    max_false_conflicts: 5.0,
    min_recall: 80.0,
};

struct Gate {
    max_false_alignment: f64,
    max_false_conflicts: f64,
    min_recall: f64,
}

/// The gate's verdict on the three figures (percent): the failures, if any.
fn gate_failures(false_alignment: f64, false_conflicts: f64, recall: f64) -> Vec<String> {
    let mut out = Vec::new();
    if false_alignment >= GATE.max_false_alignment {
        out.push(format!(
            "false alignment {false_alignment:.1}% is not under {}%",
            GATE.max_false_alignment
        ));
    }
    if false_conflicts >= GATE.max_false_conflicts {
        out.push(format!(
            "false conflicts {false_conflicts:.1}% are not under {}%",
            GATE.max_false_conflicts
        ));
    }
    if recall < GATE.min_recall {
        out.push(format!(
            "conflict recall {recall:.1}% is under the floor of {}%",
            GATE.min_recall
        ));
    }
    out
}

struct Article {
    id: String,
    title: String,
    dct: Option<NaiveDate>,
    content: String,
}

struct Incident {
    date: Option<NaiveDate>,
    killed: Option<f64>,
    injured: Option<f64>,
    articles: Vec<Article>,
}

/// Which archive figure a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Fact {
    Killed,
    Injured,
    Date,
}

impl Fact {
    fn label(self) -> &'static str {
        match self {
            Fact::Killed => "killed count",
            Fact::Injured => "injured count",
            Fact::Date => "incident date",
        }
    }
}

fn load(path: &Path) -> Result<Vec<Incident>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Json =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let num = |k: &str| v.get(k).and_then(Json::as_f64);
        let mut articles = Vec::new();
        for a in v
            .get("articles")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            let s = |k: &str| a.get(k).and_then(Json::as_str).unwrap_or("").to_string();
            let mut id = s("id");
            let k = seen.entry(id.clone()).or_default();
            *k += 1;
            if *k > 1 {
                id = format!("{id}#{k}");
            }
            articles.push(Article {
                id,
                title: s("title"),
                dct: NaiveDate::parse_from_str(&s("dct"), "%Y-%m-%d").ok(),
                content: s("content"),
            });
        }
        out.push(Incident {
            date: v.get("date").and_then(Json::as_str).and_then(incident_date),
            killed: num("num_killed"),
            injured: num("num_injured"),
            articles,
        });
    }
    Ok(out)
}

/// What one pipeline run produced.
struct Run {
    items: Vec<FramedClaim>,
    findings: Vec<Finding>,
    claims: usize,
    secs: f64,
}

/// Extract, frame and compare all articles as one archive (library calls,
/// the same steps as `claimcheck check` without reference facts).
fn pipeline(incidents: &[Incident], texts: &HashMap<String, String>) -> Run {
    let started = Instant::now();
    let docs: Vec<Document> = incidents
        .iter()
        .flat_map(|i| &i.articles)
        .map(|a| {
            let text = texts.get(&a.id).unwrap_or(&a.content);
            let mut d = Document::from_text(a.id.clone(), text.clone());
            d.title = Some(a.title.clone());
            d.published = a.dct;
            d
        })
        .collect();
    let mut framer = Framer::default();
    for d in &docs {
        framer.learn(&d.text);
    }
    let mut items = Vec::new();
    for d in &docs {
        let claims = claimcheck::extract::extract(d);
        items.extend(framer.frame(d, claims));
    }
    let claims = items.len();
    let mut config = AlignConfig::default();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(v) = env("GVA_STORY_OVERLAP") {
        config.min_story_overlap = v;
    }
    if let Some(v) = env("GVA_DETAIL_DOCS") {
        config.detail_max_docs = v as usize;
    }
    if let Some(v) = env("GVA_STORY_DOCS") {
        config.story_max_docs = v as usize;
    }
    if let Some(v) = env("GVA_GAP") {
        config.story_max_gap_days = v as i64;
    }
    let findings = compare::compare(items.clone(), &config, framer.lexicon());
    Run {
        items,
        findings,
        claims,
        secs: started.elapsed().as_secs_f64(),
    }
}

/// The archive fact a framed claim states, if any.
fn states(c: &FramedClaim, inc: &Incident) -> Option<Fact> {
    if c.frame.polarity == Polarity::Denied {
        return None;
    }
    match (c.claim.kind, c.claim.value.as_ref()?) {
        (Kind::Count, Value::Number { low, high }) if low == high => {
            let v = (*low)?;
            match c.frame.predicate.as_deref() {
                Some("killed") if inc.killed == Some(v) => Some(Fact::Killed),
                Some("injured") if inc.injured == Some(v) => Some(Fact::Injured),
                _ => None,
            }
        }
        (Kind::Date, Value::Date { start, end }) => {
            (Some(*start) == inc.date && start == end).then_some(Fact::Date)
        }
        _ => None,
    }
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "–".to_string()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

/// Deterministic 64-bit mix (splitmix64).
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// A perturbation: replace `text[start..end]` (document offsets) with `new`.
#[derive(Debug, Clone)]
struct Edit {
    start: usize,
    end: usize,
    new: String,
    /// The claim's span after the edit.
    claim_start: usize,
    claim_end: usize,
    fact: Fact,
    before: String,
    after: String,
}

/// Words of a sentence that describes the violence itself, so that a date
/// in it is the incident's date (not a byline or a court date). Defined
/// here, independently of claimcheck's lexicon.
const VIOLENCE_WORDS: &[&str] = &[
    "shot",
    "shooting",
    "shootings",
    "killed",
    "dead",
    "died",
    "death",
    "wounded",
    "injured",
    "gunfire",
    "gunshot",
    "gunman",
    "slain",
    "murder",
    "murdered",
    "homicide",
    "fired",
];

fn describes_violence(sentence: &str) -> bool {
    sentence
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| VIOLENCE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Words that make the date right after them the day of a report, an
/// arrest or a page stamp ("police announced Monday", "were arrested
/// Saturday", "Posted: Saturday"), not the incident's. Defined here,
/// independently of claimcheck's lexicon.
const REPORT_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "announced",
    "confirmed",
    "stated",
    "arrested",
    "arrest",
    "surrendered",
    "charged",
    "posted",
    "updated",
    "published",
    "autopsy",
];

/// Words looked back from a date for a report word.
const REPORT_WINDOW: usize = 5;

/// True when, looking back from the date at most [`REPORT_WINDOW`] words,
/// a report word comes before any violence word: the date is a report's
/// or an arrest's even when it falls on the incident's day, so changing it
/// contradicts nothing about the incident ("GVA_PERTURB_REPORTED=1" keeps
/// such dates, as sessions 2-6 did).
fn reported_date(c: &Claim) -> bool {
    if std::env::var_os("GVA_PERTURB_REPORTED").is_some() {
        return false;
    }
    let head = c.sentence.get(..c.offset_in_sentence()).unwrap_or("");
    for w in head
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(REPORT_WINDOW)
    {
        let lower = w.to_lowercase();
        if VIOLENCE_WORDS.contains(&lower.as_str()) {
            return false;
        }
        if REPORT_WORDS.contains(&lower.as_str()) {
            return true;
        }
    }
    false
}

/// A changed count: the first digit run or number word in the claim text.
fn perturb_count(c: &Claim, v: f64, salt: u64) -> Option<(usize, usize, String)> {
    let text = &c.text;
    let delta = 1 + (salt % 3) as i64;
    let n = v as i64;
    let new = if n > 3 && salt.is_multiple_of(2) {
        n - delta
    } else {
        n + delta
    };
    if let Some(ds) = text.find(|ch: char| ch.is_ascii_digit()) {
        let de = text[ds..]
            .find(|ch: char| !ch.is_ascii_digit())
            .map_or(text.len(), |e| ds + e);
        if text[ds..de].parse::<i64>().ok()? != n {
            return None;
        }
        return Some((c.span.start + ds, c.span.start + de, new.to_string()));
    }
    let lower = text.to_lowercase();
    for (k, w) in NUMBER_WORDS.iter().enumerate() {
        if k as i64 != n {
            continue;
        }
        let at = lower.find(w)?;
        let boundary = lower[at + w.len()..]
            .chars()
            .next()
            .is_none_or(|ch| !ch.is_alphabetic());
        if !boundary || at > 0 && lower[..at].ends_with(char::is_alphabetic) {
            return None;
        }
        let mut word = NUMBER_WORDS.get(usize::try_from(new).ok()?)?.to_string();
        if text[at..].starts_with(char::is_uppercase) {
            word = capitalise(&word);
        }
        return Some((c.span.start + at, c.span.start + at + w.len(), word));
    }
    None
}

fn capitalise(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|f| f.to_uppercase().collect::<String>() + cs.as_str())
        .unwrap_or_default()
}

/// A changed date: "March 1" → "March 4", or a weekday name moved back.
fn perturb_date(c: &Claim, day: NaiveDate, salt: u64) -> Option<(usize, usize, String)> {
    let text = &c.text;
    let delta = 2 + (salt % 3) as u32;
    for m in MONTHS {
        if let Some(at) = text.find(m) {
            let rest = &text[at + m.len()..];
            let ds = rest.find(|ch: char| ch.is_ascii_digit())?;
            if !rest[..ds].trim().is_empty() {
                return None;
            }
            let de = rest[ds..]
                .find(|ch: char| !ch.is_ascii_digit())
                .map_or(rest.len(), |e| ds + e);
            let d: u32 = rest[ds..de].parse().ok()?;
            if d != day.day() {
                return None;
            }
            let new = if d > delta + 1 { d - delta } else { d + delta };
            let off = c.span.start + at + m.len();
            return Some((off + ds, off + de, new.to_string()));
        }
    }
    for (k, w) in WEEKDAYS.iter().enumerate() {
        if let Some(at) = text.find(w) {
            // Move back within the week so the resolved day stays before publication.
            let new = WEEKDAYS.get((k + 7 - delta as usize) % 7)?;
            return Some((
                c.span.start + at,
                c.span.start + at + w.len(),
                new.to_string(),
            ));
        }
    }
    None
}

/// Chooses one perturbation per incident: in a seeded order of its
/// articles, the claims stating an archive figure that can be rewritten,
/// and a seeded choice among them. Figures another article of the incident
/// also states come first; then figures the article itself states again in
/// another sentence about the violence (a within-article check can see
/// those): changing a figure nothing else reports tests nothing a checker
/// could see (those edits are still made when an incident has nothing
/// else, and counted as undetectable).
fn choose_edits(incidents: &[Incident], run: &Run, seed: u64) -> HashMap<String, Edit> {
    let mut by_doc: HashMap<&str, Vec<&FramedClaim>> = HashMap::new();
    for c in &run.items {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    let mut edits = HashMap::new();
    for (k, inc) in incidents.iter().enumerate() {
        let h = mix(seed ^ mix(k as u64));
        let n = inc.articles.len();
        // Which documents state each archive figure.
        let mut stated: HashMap<Fact, BTreeSet<&str>> = HashMap::new();
        for a in &inc.articles {
            for c in by_doc.get(a.id.as_str()).into_iter().flatten() {
                if let Some(fact) = states(c, inc) {
                    stated.entry(fact).or_default().insert(a.id.as_str());
                }
            }
        }
        let corroborated = |fact: Fact, doc: &str| {
            stated
                .get(&fact)
                .is_some_and(|docs| docs.iter().any(|d| *d != doc))
        };
        // GVA_PERTURB_ANY=1: the session-2 choice (the first article with
        // any rewritable figure), for comparison.
        let any = std::env::var_os("GVA_PERTURB_ANY").is_some();
        let mut first: Option<(&Article, Vec<EditOption>)> = None;
        let mut restated: Option<(&Article, Vec<EditOption>)> = None;
        let mut pick: Option<(&Article, Vec<EditOption>)> = None;
        for step in 0..n {
            let Some(a) = inc.articles.get((h as usize + step) % n) else {
                continue;
            };
            let claims = by_doc.get(a.id.as_str());
            let options = edit_options(claims, inc, h);
            if options.is_empty() {
                continue;
            }
            let backed: Vec<EditOption> = options
                .iter()
                .filter(|o| corroborated(o.0, &a.id))
                .cloned()
                .collect();
            if !backed.is_empty() && !any {
                pick = Some((a, backed));
                break;
            }
            let again: Vec<EditOption> = options
                .iter()
                .filter(|o| restates(claims, inc, o.4))
                .cloned()
                .collect();
            if !again.is_empty() && !any && restated.is_none() {
                restated = Some((a, again));
            }
            first.get_or_insert((a, options));
        }
        let Some((a, options)) = pick.or(restated).or(first) else {
            continue;
        };
        let at = (mix(h ^ 0x5eed) as usize) % options.len();
        let Some((fact, s, e, new, c)) = options.into_iter().nth(at) else {
            continue;
        };
        let grow = new.len() as isize - (e - s) as isize;
        let claim_end = (c.claim.span.end as isize + grow).max(0) as usize;
        let mut after = c.claim.text.clone();
        let (rs, re) = (s - c.claim.span.start, e - c.claim.span.start);
        after.replace_range(rs..re, &new);
        edits.insert(
            a.id.clone(),
            Edit {
                start: s,
                end: e,
                new,
                claim_start: c.claim.span.start,
                claim_end,
                fact,
                before: c.claim.text.clone(),
                after,
            },
        );
    }
    edits
}

/// True when another sentence of the claim's article states the same
/// archive figure about the violence itself, so that a within-article
/// check could see a change to it.
fn restates(claims: Option<&Vec<&FramedClaim>>, inc: &Incident, c: &FramedClaim) -> bool {
    let fact = states(c, inc);
    claims
        .into_iter()
        .flatten()
        .any(|o| states(o, inc) == fact && elsewhere_about_violence(o, c))
}

/// True when `o` lies in another sentence of `c`'s article than `c`, one
/// that describes the violence.
fn elsewhere_about_violence(o: &FramedClaim, c: &FramedClaim) -> bool {
    o.claim.sentence_span != c.claim.sentence_span && describes_violence(&o.claim.sentence)
}

/// A possible edit: the figure, the byte range to replace, the new text
/// and the claim it changes.
type EditOption<'a> = (Fact, usize, usize, String, &'a FramedClaim);

/// The rewritable archive figures among one article's claims.
fn edit_options<'a>(
    claims: Option<&Vec<&'a FramedClaim>>,
    inc: &Incident,
    h: u64,
) -> Vec<EditOption<'a>> {
    let mut options = Vec::new();
    for c in claims.into_iter().flatten().copied() {
        let Some(fact) = states(c, inc) else { continue };
        let salt = mix(h ^ c.claim.span.start as u64);
        let edit = match fact {
            Fact::Killed | Fact::Injured => {
                let v = c.claim.value.as_ref().and_then(Value::bounds);
                v.and_then(|(lo, _)| lo)
                    .and_then(|v| perturb_count(&c.claim, v, salt))
            }
            Fact::Date if describes_violence(&c.claim.sentence) && !reported_date(&c.claim) => {
                inc.date.and_then(|d| perturb_date(&c.claim, d, salt))
            }
            Fact::Date => None,
        };
        if let Some((s, e, new)) = edit {
            options.push((fact, s, e, new, c));
        }
    }
    options
}

/// Incident index of every document.
fn incident_of(incidents: &[Incident]) -> HashMap<&str, usize> {
    incidents
        .iter()
        .enumerate()
        .flat_map(|(k, i)| i.articles.iter().map(move |a| (a.id.as_str(), k)))
        .collect()
}

fn incidents_in(f: &Finding, of: &HashMap<&str, usize>) -> BTreeSet<usize> {
    f.claims
        .iter()
        .filter_map(|c| of.get(c.framed.doc.as_str()).copied())
        .collect()
}

pub fn run(path: &Path, opts: &Options) -> Result<(), String> {
    let incidents = load(path)?;
    let of = incident_of(&incidents);
    let articles: usize = incidents.iter().map(|i| i.articles.len()).sum();
    let base = pipeline(&incidents, &HashMap::new());

    if let Some(out) = &opts.dump {
        let mut s = String::new();
        for c in &base.items {
            let k = of.get(c.doc.as_str()).copied();
            let fact = k.and_then(|k| incidents.get(k)).and_then(|i| states(c, i));
            let mut v = serde_json::to_value(c).map_err(|e| e.to_string())?;
            v["incident"] = serde_json::json!(k);
            v["states"] = serde_json::json!(fact.map(Fact::label));
            v["context"] = serde_json::json!(&*c.frame.context);
            s.push_str(&v.to_string());
            s.push('\n');
        }
        std::fs::write(out, s).map_err(|e| format!("{}: {e}", out.display()))?;
    }

    // Diagnostics: GVA_PAIRS=FILE writes every candidate story pair (same
    // incident?, overlap, shared names, rare?, day gap, names).
    if let Some(pairs_out) = std::env::var_os("GVA_PAIRS") {
        let stats =
            compare::align::StoryStats::new(&base.items, &claimcheck::frame::Lexicon::default());
        let ctx: HashMap<&str, &[String]> = base
            .items
            .iter()
            .map(|c| (c.doc.as_str(), &*c.frame.context))
            .collect();
        let mut s = String::new();
        for (a, b) in stats.candidate_documents(AlignConfig::default().story_max_docs) {
            let (Some(x), Some(y)) = (ctx.get(a), ctx.get(b)) else {
                continue;
            };
            let (share, shared, rarest) = stats.overlap(x, y);
            let rare = rarest <= 3;
            let same = of.get(a) == of.get(b);
            let names: Vec<&String> = x.iter().filter(|e| y.contains(e)).collect();
            let gap = stats.day_gap(a, b);
            s.push_str(&format!(
                "{same}\t{share:.3}\t{shared}\t{rare}\t{gap:?}\t{names:?}\n"
            ));
        }
        std::fs::write(&pairs_out, s).map_err(|e| e.to_string())?;
    }

    // (a) false alignment.
    let mut by_verdict: HashMap<Verdict, (usize, usize)> = HashMap::new();
    let mut cross_examples = Vec::new();
    for f in &base.findings {
        let e = by_verdict.entry(f.verdict).or_default();
        e.0 += 1;
        if incidents_in(f, &of).len() > 1 {
            e.1 += 1;
            if cross_examples.len() < opts.examples {
                cross_examples.push(f);
            }
        }
    }
    let total = base.findings.len();
    let cross: usize = by_verdict.values().map(|v| v.1).sum();

    // (b) agreement on the archive's figures.
    let mut stating: HashMap<(usize, Fact), BTreeSet<&str>> = HashMap::new();
    for c in &base.items {
        let Some(&k) = of.get(c.doc.as_str()) else {
            continue;
        };
        if let Some(fact) = incidents.get(k).and_then(|inc| states(c, inc)) {
            stating.entry((k, fact)).or_default().insert(c.doc.as_str());
        }
    }
    let mut agreed: BTreeSet<(usize, Fact)> = BTreeSet::new();
    for f in &base.findings {
        let mut docs: HashMap<(usize, Fact), BTreeSet<&str>> = HashMap::new();
        for fc in &f.claims {
            if fc.verdict != Some(Verdict::Agree) {
                continue;
            }
            let Some(&k) = of.get(fc.framed.doc.as_str()) else {
                continue;
            };
            if let Some(fact) = incidents.get(k).and_then(|inc| states(&fc.framed, inc)) {
                docs.entry((k, fact))
                    .or_default()
                    .insert(fc.framed.doc.as_str());
            }
        }
        agreed.extend(
            docs.into_iter()
                .filter(|(_, d)| d.len() >= 2)
                .map(|(k, _)| k),
        );
    }

    // (c) perturbation.
    let edits = choose_edits(&incidents, &base, opts.seed);
    let mut texts: HashMap<String, String> = HashMap::new();
    for inc in &incidents {
        for a in &inc.articles {
            if let Some(e) = edits.get(&a.id) {
                let mut t = a.content.clone();
                if t.get(e.start..e.end).is_some() {
                    t.replace_range(e.start..e.end, &e.new);
                }
                texts.insert(a.id.clone(), t);
            }
        }
    }
    if let Some(out) = &opts.write_perturbed {
        write_pool(out, &incidents, &texts)?;
    }
    let pert = pipeline(&incidents, &texts);
    let is_perturbed = |c: &FramedClaim| {
        edits
            .get(&c.doc)
            .is_some_and(|e| c.claim.span.start == e.claim_start && c.claim.span.end == e.claim_end)
    };
    let mut flagged: BTreeSet<&str> = BTreeSet::new();
    let mut false_conflict: BTreeSet<usize> = BTreeSet::new();
    let mut false_examples: Vec<&Finding> = Vec::new();
    let mut base_conflict: BTreeSet<usize> = BTreeSet::new();
    for f in &base.findings {
        if f.verdict == Verdict::Conflict {
            base_conflict.extend(incidents_in(f, &of));
        }
    }
    for f in &pert.findings {
        if f.verdict != Verdict::Conflict {
            continue;
        }
        let mut involves = false;
        for fc in &f.claims {
            if is_perturbed(&fc.framed) && fc.verdict == Some(Verdict::Conflict) {
                let k = of.get(fc.framed.doc.as_str()).copied();
                // Another claim of the incident: in another article, or
                // another sentence of this one (a within-article check).
                let other_claim_same_incident = f.claims.iter().any(|o| {
                    of.get(o.framed.doc.as_str()).copied() == k
                        && (o.framed.doc != fc.framed.doc
                            || o.verdict == Some(Verdict::Conflict)
                                && o.framed.claim.sentence_span != fc.framed.claim.sentence_span)
                });
                if other_claim_same_incident {
                    flagged.insert(fc.framed.doc.as_str());
                    involves = true;
                }
            }
        }
        if !involves {
            false_conflict.extend(incidents_in(f, &of));
            false_examples.push(f);
        }
    }
    let mut by_fact: HashMap<Fact, (usize, usize)> = HashMap::new();
    for (doc, e) in &edits {
        let entry = by_fact.entry(e.fact).or_default();
        entry.0 += 1;
        if flagged.contains(doc.as_str()) {
            entry.1 += 1;
        }
    }
    let perturbed_incidents: BTreeSet<usize> = edits
        .keys()
        .filter_map(|d| of.get(d.as_str()).copied())
        .collect();
    let unperturbed = incidents.len() - perturbed_incidents.len();
    let false_unperturbed = false_conflict
        .iter()
        .filter(|k| !perturbed_incidents.contains(k))
        .count();

    println!();
    println!(
        "GVA cross-article check ({}; {} incidents, {articles} articles pooled, seed {})",
        path.display(),
        incidents.len(),
        opts.seed
    );
    println!(
        "pipeline: {} claims, {} findings in {:.2} s (extract + frame + compare)",
        base.claims, total, base.secs
    );
    println!();
    println!("(a) findings linking different incidents (aim < 5%)");
    println!(
        "{:<10} {:>9} {:>15} {:>8}",
        "verdict", "findings", "cross-incident", "share"
    );
    for v in [Verdict::Conflict, Verdict::Agree, Verdict::Related] {
        let (n, x) = by_verdict.get(&v).copied().unwrap_or_default();
        println!("{:<10} {:>9} {:>15} {:>8}", v.as_str(), n, x, pct(x, n));
    }
    println!(
        "{:<10} {:>9} {:>15} {:>8}",
        "all",
        total,
        cross,
        pct(cross, total)
    );
    println!();
    println!("(b) incidents where ≥ 2 articles state the archive's figure, aligned into an agree");
    println!(
        "{:<15} {:>10} {:>8} {:>8}",
        "figure", "incidents", "agree", "share"
    );
    let mut sum = (0, 0);
    for fact in [Fact::Killed, Fact::Injured, Fact::Date] {
        let eligible: Vec<(usize, Fact)> = stating
            .iter()
            .filter(|((_, f), d)| *f == fact && d.len() >= 2)
            .map(|(k, _)| *k)
            .collect();
        let ok = eligible.iter().filter(|k| agreed.contains(k)).count();
        sum.0 += eligible.len();
        sum.1 += ok;
        println!(
            "{:<15} {:>10} {:>8} {:>8}",
            fact.label(),
            eligible.len(),
            ok,
            pct(ok, eligible.len())
        );
    }
    println!(
        "{:<15} {:>10} {:>8} {:>8}",
        "all",
        sum.0,
        sum.1,
        pct(sum.1, sum.0)
    );
    println!();
    println!("(c) conflict recall on the perturbed copy (aim ≥ 80%)");
    println!(
        "{:<15} {:>10} {:>8} {:>8}",
        "figure changed", "incidents", "flagged", "recall"
    );
    let mut sum = (0, 0);
    for fact in [Fact::Killed, Fact::Injured, Fact::Date] {
        let (n, ok) = by_fact.get(&fact).copied().unwrap_or_default();
        sum.0 += n;
        sum.1 += ok;
        println!("{:<15} {:>10} {:>8} {:>8}", fact.label(), n, ok, pct(ok, n));
    }
    println!(
        "{:<15} {:>10} {:>8} {:>8}",
        "all",
        sum.0,
        sum.1,
        pct(sum.1, sum.0)
    );
    // Flagged edits whose claim was already judged a conflict before the
    // change: the flag need not be the change's.
    let conflicting_before: BTreeSet<(&str, usize)> = base
        .findings
        .iter()
        .flat_map(|f| &f.claims)
        .filter(|c| c.verdict == Some(Verdict::Conflict))
        .map(|c| (c.framed.doc.as_str(), c.framed.claim.span.start))
        .collect();
    let flagged_before = edits
        .iter()
        .filter(|(d, e)| {
            flagged.contains(d.as_str())
                && conflicting_before.contains(&(d.as_str(), e.claim_start))
        })
        .count();
    println!(
        "of the flagged, the changed claim was already in conflict before the change: {flagged_before}"
    );
    let classes = classify(&edits, &flagged, &pert, &of, &incidents);
    print_breakdown(&edits, &classes);
    println!(
        "incidents with no rewritable figure (not perturbed): {unperturbed} of {}",
        incidents.len()
    );
    println!(
        "false conflicts (aim < 5%): {} of {} incidents ({}) have a conflict not involving a perturbed claim; \
         {} of {} unperturbed; original pool: {} ({})",
        false_conflict.len(),
        incidents.len(),
        pct(false_conflict.len(), incidents.len()),
        false_unperturbed,
        unperturbed,
        base_conflict.len(),
        pct(base_conflict.len(), incidents.len())
    );
    if opts.examples > 0 {
        println!();
        println!(
            "-- false conflicts in the perturbed copy (first {}):",
            opts.examples
        );
        for f in false_examples.iter().take(opts.examples) {
            print_finding(f, &of, true);
        }
        println!();
        println!(
            "-- conflicts in the original pool (first {}):",
            opts.examples
        );
        for f in base
            .findings
            .iter()
            .filter(|f| f.verdict == Verdict::Conflict)
            .take(opts.examples)
        {
            print_finding(f, &of, false);
        }
        print_examples(
            &cross_examples,
            &of,
            &edits,
            &flagged,
            &pert,
            &classes,
            &incidents,
            opts,
        );
    }
    if opts.gate {
        let share = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
        let failures = gate_failures(
            share(cross, total),
            share(false_conflict.len(), incidents.len()),
            share(flagged.len(), edits.len()),
        );
        if !failures.is_empty() {
            return Err(format!("GVA gate: {}", failures.join("; ")));
        }
        println!(
            "GVA gate: passed (false alignment and false conflicts under 5%, recall ≥ {}%)",
            GATE.min_recall
        );
    }
    Ok(())
}

/// Why a perturbation was (not) flagged, in pipeline order: the first
/// stage that loses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Miss {
    /// Flagged: a conflict with another article of the incident.
    Flagged,
    /// The changed claim is not framed as an incident figure (no claim at
    /// its span, no comparable dimension, or not a killed/injured/incident
    /// predicate).
    NotFramed,
    /// No other article of the incident states the original figure at all:
    /// there is nothing to conflict with (undetectable).
    NothingToConflict,
    /// Other articles state the figure, but not framed as the same kind of
    /// incident figure (other predicate family, no dimension).
    OtherNotFramed,
    /// Comparable claims exist, the scorer would align them, but no
    /// candidate pair was generated (blocking / story pairing).
    NotCandidate,
    /// Comparable claims exist, the scorer rejects every pair (story
    /// overlap, day gap, date-overlap threshold).
    ScoreRejects,
    /// Aligned, but judged agree or related (tolerance, support rule).
    NotConflict,
}

impl Miss {
    const ALL: [Miss; 7] = [
        Miss::Flagged,
        Miss::NotFramed,
        Miss::NothingToConflict,
        Miss::OtherNotFramed,
        Miss::NotCandidate,
        Miss::ScoreRejects,
        Miss::NotConflict,
    ];

    fn label(self) -> &'static str {
        match self {
            Miss::Flagged => "flagged",
            Miss::NotFramed => "(1) changed claim not an incident figure",
            Miss::NothingToConflict => "(2) nothing else states it (undetectable)",
            Miss::OtherNotFramed => "(1b) other articles' figure not framed alike",
            Miss::NotCandidate => "(3a) not aligned: no candidate pair",
            Miss::ScoreRejects => "(3b) not aligned: scorer rejects",
            Miss::NotConflict => "(4) aligned, judged agree/related",
        }
    }
}

/// The claim of the perturbed run at the edited span.
fn edited_claim<'a>(pert: &'a Run, doc: &str, e: &Edit) -> Option<&'a FramedClaim> {
    pert.items.iter().find(|c| {
        c.doc == doc && c.claim.span.start == e.claim_start && c.claim.span.end == e.claim_end
    })
}

/// Classifies every perturbation by the first pipeline stage that loses it.
fn classify(
    edits: &HashMap<String, Edit>,
    flagged: &BTreeSet<&str>,
    pert: &Run,
    of: &HashMap<&str, usize>,
    incidents: &[Incident],
) -> HashMap<String, Miss> {
    let lex = claimcheck::frame::Lexicon::default();
    let cfg = AlignConfig::default();
    let stats = compare::align::StoryStats::new(&pert.items, &lex);
    let mut by_incident: HashMap<usize, Vec<&FramedClaim>> = HashMap::new();
    for c in &pert.items {
        if let Some(&k) = of.get(c.doc.as_str()) {
            by_incident.entry(k).or_default().push(c);
        }
    }
    let mut out = HashMap::new();
    for (doc, e) in edits {
        let miss = (|| {
            if flagged.contains(doc.as_str()) {
                return Miss::Flagged;
            }
            let Some(k) = of.get(doc.as_str()).copied() else {
                return Miss::NothingToConflict;
            };
            let Some(inc) = incidents.get(k) else {
                return Miss::NothingToConflict;
            };
            let same: &[&FramedClaim] = by_incident.get(&k).map_or(&[], Vec::as_slice);
            let me = edited_claim(pert, doc, e);
            let stating: Vec<&FramedClaim> = same
                .iter()
                .copied()
                .filter(|c| {
                    states(c, inc) == Some(e.fact)
                        && (&c.doc != doc || me.is_some_and(|m| elsewhere_about_violence(c, m)))
                })
                .collect();
            let framed = me.filter(|c| {
                compare::align::dimension(c, &lex).is_some()
                    && c.frame
                        .predicate
                        .as_deref()
                        .is_some_and(|p| lex.is_momentary(p))
            });
            let Some(me) = framed else {
                return if stating.is_empty() {
                    Miss::NothingToConflict
                } else {
                    Miss::NotFramed
                };
            };
            if stating.is_empty() {
                return Miss::NothingToConflict;
            }
            let family = |c: &FramedClaim| {
                c.frame
                    .predicate
                    .as_deref()
                    .map(|p| lex.event_family(p).to_string())
            };
            let alike: Vec<&FramedClaim> = stating
                .into_iter()
                .filter(|c| {
                    compare::align::dimension(c, &lex) == compare::align::dimension(me, &lex)
                        && family(c) == family(me)
                })
                .collect();
            if alike.is_empty() {
                return Miss::OtherNotFramed;
            }
            let together = pert.findings.iter().any(|f| {
                let has = |c: &FramedClaim| {
                    f.claims
                        .iter()
                        .any(|fc| fc.framed.doc == c.doc && fc.framed.claim.span == c.claim.span)
                };
                has(me) && alike.iter().any(|c| has(c))
            });
            if together {
                return Miss::NotConflict;
            }
            if alike
                .iter()
                .any(|c| compare::align::score_in(me, c, &cfg, &lex, &stats).is_some())
            {
                Miss::NotCandidate
            } else {
                Miss::ScoreRejects
            }
        })();
        out.insert(doc.clone(), miss);
    }
    out
}

/// Prints the breakdown of [`classify`] per figure, and recall over the
/// detectable perturbations (those another article could contradict).
fn print_breakdown(edits: &HashMap<String, Edit>, classes: &HashMap<String, Miss>) {
    let facts = [Fact::Killed, Fact::Injured, Fact::Date];
    let mut counts: HashMap<(Miss, Fact), usize> = HashMap::new();
    for (doc, e) in edits {
        if let Some(&m) = classes.get(doc) {
            *counts.entry((m, e.fact)).or_default() += 1;
        }
    }
    println!();
    println!("where recall is lost (first stage that loses each perturbation)");
    println!(
        "{:<48} {:>7} {:>8} {:>6} {:>6}",
        "stage", "killed", "injured", "date", "all"
    );
    for m in Miss::ALL {
        let row: Vec<usize> = facts
            .iter()
            .map(|f| counts.get(&(m, *f)).copied().unwrap_or(0))
            .collect();
        println!(
            "{:<48} {:>7} {:>8} {:>6} {:>6}",
            m.label(),
            row[0],
            row[1],
            row[2],
            row.iter().sum::<usize>()
        );
    }
    let total = |pred: &dyn Fn(Miss) -> bool| -> usize {
        counts
            .iter()
            .filter(|((m, _), _)| pred(*m))
            .map(|(_, n)| n)
            .sum()
    };
    let detectable = total(&|m| m != Miss::NothingToConflict);
    let flagged = total(&|m| m == Miss::Flagged);
    println!(
        "recall over detectable perturbations (another article, or another sentence of the same, states the original figure): {flagged} of {detectable} ({})",
        pct(flagged, detectable)
    );
}

/// One finding for the examples: its verdict, topic and explanation, then
/// each claim (only those judged conflicting, with `conflicting_only`) with
/// its incident, document, text, verdict and sentence.
fn print_finding(f: &Finding, of: &HashMap<&str, usize>, conflicting_only: bool) {
    println!("[{}] {} :: {}", f.verdict.as_str(), f.topic, f.explanation);
    for c in f
        .claims
        .iter()
        .filter(|c| !conflicting_only || c.verdict == Some(Verdict::Conflict))
    {
        println!(
            "    inc {:?} {} “{}” {:?} | {}",
            of.get(c.framed.doc.as_str()),
            &c.framed.doc[..8.min(c.framed.doc.len())],
            c.framed.claim.text,
            c.verdict,
            c.framed.claim.sentence.trim()
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn print_examples(
    cross: &[&Finding],
    of: &HashMap<&str, usize>,
    edits: &HashMap<String, Edit>,
    flagged: &BTreeSet<&str>,
    pert: &Run,
    classes: &HashMap<String, Miss>,
    incidents: &[Incident],
    opts: &Options,
) {
    println!();
    println!("-- cross-incident findings (first {}):", opts.examples);
    for f in cross {
        print_finding(f, of, false);
    }
    println!();
    println!("-- missed perturbations (first {}):", opts.examples);
    let mut missed: Vec<(&String, &Edit)> = edits
        .iter()
        .filter(|(d, _)| !flagged.contains(d.as_str()))
        .collect();
    // GVA_MISS=3b (a part of a stage label) shows only that stage.
    if let Ok(only) = std::env::var("GVA_MISS") {
        missed.retain(|(d, _)| classes.get(*d).is_some_and(|m| m.label().contains(&only)));
    }
    missed.sort_by_key(|(d, _)| *d);
    for (doc, e) in missed.into_iter().take(opts.examples) {
        let k = of.get(doc.as_str()).copied().unwrap_or(0);
        let inc = incidents.get(k);
        println!(
            "inc {k} {} [{}] {}: “{}” → “{}” (archive killed {:?} injured {:?} date {:?})",
            &doc[..8.min(doc.len())],
            classes.get(doc).map_or("?", |m| m.label()),
            e.fact.label(),
            e.before,
            e.after,
            inc.and_then(|i| i.killed),
            inc.and_then(|i| i.injured),
            inc.and_then(|i| i.date)
        );
        for c in pert.items.iter().filter(|c| &c.doc == doc) {
            if c.claim.span.start == e.claim_start {
                println!(
                    "    claim: {:?} pred {:?} ents {:?} time {:?} | {}",
                    c.claim.value,
                    c.frame.predicate,
                    c.frame.entities,
                    c.frame.time.map(|t| t.label()),
                    c.claim.sentence.trim()
                );
            }
        }
        if std::env::var_os("GVA_DIAG").is_some() {
            let lex = claimcheck::frame::Lexicon::default();
            let stats = compare::align::StoryStats::new(&pert.items, &lex);
            let cfg = AlignConfig::default();
            let me = pert
                .items
                .iter()
                .find(|c| &c.doc == doc && c.claim.span.start == e.claim_start);
            if let (Some(x), Some(inc)) = (me, inc) {
                for y in pert.items.iter().filter(|c| {
                    (&c.doc != doc || c.claim.sentence_span != x.claim.sentence_span)
                        && of.get(c.doc.as_str()) == Some(&k)
                        && states(c, inc) == Some(e.fact)
                }) {
                    let ov = stats.overlap(&x.frame.context, &y.frame.context);
                    println!(
                        "    vs {} “{}” pred {:?} time {:?} ents {:?}: overlap {:.2}/{}/{} story {:?} lead {}/{} gap {:?} score {:?} | {}",
                        &y.doc[..8.min(y.doc.len())],
                        y.claim.text,
                        y.frame.predicate,
                        y.frame.time.map(|t| t.label()),
                        y.frame.entities,
                        ov.0,
                        ov.1,
                        ov.2,
                        stats.same_story(x, y, &cfg, &lex),
                        stats.states_lead(x),
                        stats.states_lead(y),
                        stats.day_gap(&x.doc, &y.doc),
                        compare::align::score_in(x, y, &cfg, &lex, &stats),
                        y.claim.sentence.trim()
                    );
                }
            }
        }
        for f in pert.findings.iter().filter(|f| {
            f.claims
                .iter()
                .any(|c| &c.framed.doc == doc && c.framed.claim.span.start == e.claim_start)
        }) {
            println!("    in finding [{}] {}", f.verdict.as_str(), f.explanation);
        }
    }
}

fn write_pool(
    out: &Path,
    incidents: &[Incident],
    texts: &HashMap<String, String>,
) -> Result<(), String> {
    let mut s = String::new();
    for a in incidents.iter().flat_map(|i| &i.articles) {
        let v = serde_json::json!({
            "id": a.id,
            "title": a.title,
            "dct": a.dct.map(|d| d.to_string()),
            "content": texts.get(&a.id).unwrap_or(&a.content),
        });
        s.push_str(&v.to_string());
        s.push('\n');
    }
    std::fs::write(out, s).map_err(|e| format!("{}: {e}", out.display()))
}
