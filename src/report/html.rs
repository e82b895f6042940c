//! The self-contained HTML report of `claimcheck check --format html` (and
//! `claimcheck report`): one file an editor opens from disk, with no network
//! access at all.
//!
//! Takes the [`Report`] (findings and summary), the loaded [`Document`]s (for
//! the full article text) and every [`FramedClaim`] of every article (for the
//! article view), and returns the page as a `String`. The page holds a summary
//! header, the findings with a verdict/topic filter, each finding's sentences
//! side by side with the claims highlighted, a timeline per topic (inline
//! SVG), and every article with its claims highlighted by kind and explained
//! on hover and keyboard focus.
//!
//! Safety: every piece of article, claim and metadata text goes through
//! [`escape`] (`&`, `<`, `>`, `"` and `'`), in text and attributes alike; no
//! input text ever reaches the inline `<script>`, and a Content-Security-Policy
//! meta forbids every fetch and allows only our own script by its hash. The
//! output is deterministic: nothing depends on the clock unless the caller
//! passes a `generated` stamp in [`Options`].

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use crate::claim::{Claim, Kind, Qualifier, Span};
use crate::compare::align::REFERENCE_PREFIX;
use crate::compare::{Finding, FindingClaim, Report, Verdict};
use crate::document::Document;
use crate::frame::{FramedClaim, Period, Polarity};
use crate::report::claims::{format_number, human_value, qualifier_name};

/// The stylesheet, inlined in `<style>`.
const CSS: &str = include_str!("html/html.css");
/// The progressive-enhancement script (filters, j/k keys), inlined in `<script>`.
const JS: &str = include_str!("html/html.js");
/// Base64 SHA-256 of [`JS`], the only script the CSP allows (checked by the
/// `script_hash_matches_the_script` test; update both together).
const JS_SHA256: &str = "YW68F50Zqr+80fsvAUHWCqRu0arK5AhYP2DjxBkU3+I=";

/// Every claim kind, in legend order.
const KINDS: [Kind; 6] = [
    Kind::Money,
    Kind::Percent,
    Kind::Count,
    Kind::Duration,
    Kind::Measure,
    Kind::Date,
];

/// Verdicts in filter order, with the label and the symbol that says the
/// verdict without colour.
const VERDICTS: [(Verdict, &str, &str); 3] = [
    (Verdict::Conflict, "Conflict", "✕"),
    (Verdict::Agree, "Agree", "✓"),
    (Verdict::Related, "Related", "≈"),
];

/// Timeline geometry (SVG user units).
const TL_WIDTH: f64 = 800.0;
const TL_PLOT_LEFT: f64 = 220.0;
const TL_PLOT_RIGHT: f64 = 784.0;
const TL_TOP: f64 = 26.0;
const TL_LANE: f64 = 22.0;
/// Shortest bar drawn, so a single day stays visible.
const TL_MIN_BAR: f64 = 4.0;
/// Longest label shown in the timeline (characters); the full text is in `<title>`.
const TL_DOC_CHARS: usize = 30;
const TL_LABEL_CHARS: usize = 38;
/// Average advance of one label character at 11px, for placing labels.
const TL_CHAR_WIDTH: f64 = 6.6;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// What the caller may add to the page, and the size budgets that keep a
/// report of a large archive small enough to open quickly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Shown under the heading and in `<title>` (e.g. the corpus name).
    pub title: Option<String>,
    /// A generation stamp to print in the footer; none by default, so the
    /// output is deterministic.
    pub generated: Option<String>,
    /// Accepted (baselined) findings to show in the header; when `None`,
    /// the report summary's count.
    pub accepted: Option<usize>,
    /// The size the page aims to stay under, in bytes. The article text is
    /// always complete; timelines get up to a quarter of what is left, and
    /// findings are drawn with full evidence (sentences side by side) while
    /// the rest lasts — later findings (the list is sorted, conflicts first)
    /// are drawn compact, their claims linked to the article view, and
    /// topics past the timeline share get no timeline. The page says so.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            title: None,
            generated: None,
            accepted: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Default [`Options::max_bytes`]: under the 10 MB a 1,000-article report must stay within.
pub const DEFAULT_MAX_BYTES: usize = 9_000_000;
/// Most lanes (dated claims) drawn in one timeline; conflicts are kept first.
const TL_MAX_LANES: usize = 30;
/// Most links to findings in a timeline caption.
const TL_MAX_LINKS: usize = 8;

/// Renders the report as one self-contained HTML page.
///
/// `documents` are the articles read (their full text is shown);
/// `claims` are the framed claims of every article (highlighted in the
/// article view). Reference facts need no document: their findings show
/// the reference note instead of a sentence.
pub fn render(report: &Report, documents: &[Document], claims: &[FramedClaim]) -> String {
    render_with(report, documents, claims, &Options::default())
}

/// [`render`], written to `out`.
pub fn write(
    out: &mut dyn Write,
    report: &Report,
    documents: &[Document],
    claims: &[FramedClaim],
) -> io::Result<()> {
    out.write_all(render(report, documents, claims).as_bytes())
}

/// [`render`] with [`Options`].
pub fn render_with(
    report: &Report,
    documents: &[Document],
    claims: &[FramedClaim],
    options: &Options,
) -> String {
    let ctx = Context::new(report, documents, claims);
    // The budget goes first to what must be there — every article in full,
    // every finding at least compact (measured with every timeline link, an
    // upper bound) — then up to a third of the rest to the timelines, and
    // what is left to the findings' full evidence.
    let mut articles =
        String::with_capacity(documents.iter().map(|d| d.text.len() * 3).sum::<usize>());
    write_articles(&mut articles, &ctx);
    // Head, header, filter form (with its list of topics) and footer.
    let chrome = 16_384 + ctx.topics.iter().map(|(t, _)| t.len() + 24).sum::<usize>();
    let fixed = articles.len() + CSS.len() + JS.len() + chrome;
    let all_drawn = vec![true; ctx.topics.len()];
    let compact: usize = compact_cards(&ctx, &all_drawn)
        .iter()
        .map(String::len)
        .sum();
    let left = options.max_bytes.saturating_sub(fixed + compact);
    let mut timelines = String::new();
    let drawn = write_timelines(&mut timelines, &ctx, left / 3);
    let findings_budget = options.max_bytes.saturating_sub(fixed + timelines.len());
    let mut out = String::with_capacity(options.max_bytes.min(fixed + compact + left));
    write_head(&mut out, options);
    write_header(&mut out, report, options);
    out.push_str("<main id=\"main\" class=\"wrap\">");
    write_findings(&mut out, &ctx, &drawn, findings_budget);
    out.push_str(&timelines);
    out.push_str(&articles);
    out.push_str("</main>");
    write_footer(&mut out, options);
    out.push_str("<script>");
    out.push_str(JS);
    out.push_str("</script></body></html>\n");
    out
}

/// The Content-Security-Policy of the page: nothing may be fetched; only the
/// inline stylesheet and our own script (by hash) run.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{JS_SHA256}'; \
         img-src data:; base-uri 'none'; form-action 'none'"
    )
}

/// Escapes text for HTML text and (quoted) attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_escaped(&mut out, s);
    out
}

/// Appends `s` escaped: `&`, `<`, `>`, `"` and `'` become entities.
fn push_escaped(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The special bytes are ASCII, so `i` is a character boundary.
        out.push_str(s.get(from..i).unwrap_or(""));
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(s.get(from..).unwrap_or(""));
}

/// Lookups shared by the sections.
struct Context<'a> {
    report: &'a Report,
    documents: &'a [Document],
    /// Article index by document id.
    doc_index: HashMap<&'a str, usize>,
    /// Framed claims of each article, by article index, sorted by span.
    claims_of: Vec<Vec<&'a FramedClaim>>,
    /// (document, span) of every claim in a finding → (finding index, verdict).
    in_finding: HashMap<(&'a str, Span), (usize, Option<Verdict>)>,
    /// Topics in first-seen order, with the indices of their findings.
    topics: Vec<(&'a str, Vec<usize>)>,
}

impl<'a> Context<'a> {
    fn new(report: &'a Report, documents: &'a [Document], claims: &'a [FramedClaim]) -> Self {
        let doc_index: HashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut claims_of: Vec<Vec<&FramedClaim>> = vec![Vec::new(); documents.len()];
        for c in claims {
            if let Some(list) = doc_index
                .get(c.doc.as_str())
                .and_then(|&i| claims_of.get_mut(i))
            {
                list.push(c);
            }
        }
        for list in &mut claims_of {
            list.sort_by_key(|c| (c.claim.span.start, std::cmp::Reverse(c.claim.span.end)));
            list.dedup_by_key(|c| c.claim.span);
        }
        let mut in_finding = HashMap::new();
        let mut topics: Vec<(&str, Vec<usize>)> = Vec::new();
        let mut topic_index: HashMap<&str, usize> = HashMap::new();
        for (fi, f) in report.findings.iter().enumerate() {
            for c in &f.claims {
                in_finding
                    .entry((c.framed.doc.as_str(), c.framed.claim.span))
                    .or_insert((fi, c.verdict));
            }
            let ti = *topic_index.entry(f.topic.as_str()).or_insert_with(|| {
                topics.push((f.topic.as_str(), Vec::new()));
                topics.len() - 1
            });
            if let Some((_, list)) = topics.get_mut(ti) {
                list.push(fi);
            }
        }
        Context {
            report,
            documents,
            doc_index,
            claims_of,
            in_finding,
            topics,
        }
    }

    fn document(&self, id: &str) -> Option<(usize, &'a Document)> {
        let i = *self.doc_index.get(id)?;
        self.documents.get(i).map(|d| (i, d))
    }

    /// The heading of a document: its title, else its id.
    fn doc_title(&self, id: &str) -> String {
        match self.document(id) {
            Some((_, d)) => d.title.clone().unwrap_or_else(|| d.id.clone()),
            None => id
                .strip_prefix(REFERENCE_PREFIX)
                .map_or_else(|| id.to_string(), |stem| format!("Reference facts: {stem}")),
        }
    }

    fn doc_path(&self, id: &str) -> Option<&'a str> {
        self.report
            .documents
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.path.as_str())
    }

    fn timeline_of(&self, topic: &str) -> Option<usize> {
        self.topics.iter().position(|(t, _)| *t == topic)
    }
}

// ---------------------------------------------------------------- page frame

fn write_head(out: &mut String, options: &Options) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    push_escaped(out, &content_security_policy());
    out.push_str("\"><meta name=\"referrer\" content=\"no-referrer\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str("<title>claimcheck report");
    if let Some(t) = &options.title {
        out.push_str(" · ");
        push_escaped(out, t);
    }
    out.push_str("</title><style>");
    out.push_str(CSS);
    out.push_str("</style></head><body>");
    out.push_str("<a class=\"skip\" href=\"#findings\">Skip to findings</a>");
}

/// The number of accepted findings: from the options, else the gate's count.
fn accepted(report: &Report, options: &Options) -> usize {
    options.accepted.unwrap_or(report.summary.accepted)
}

fn write_header(out: &mut String, report: &Report, options: &Options) {
    let s = &report.summary;
    out.push_str("<header class=\"top\"><div class=\"wrap\"><h1>claimcheck report</h1>");
    if let Some(t) = &options.title {
        out.push_str("<p class=\"sub\">");
        push_escaped(out, t);
        out.push_str("</p>");
    }
    out.push_str("<dl class=\"sum\" id=\"summary\">");
    let cells = [
        ("n-docs", "Articles", s.documents),
        ("n-claims", "Claims", s.claims),
        ("n-cf", "Conflicts", s.conflict),
        ("n-ag", "Agreements", s.agree),
        ("n-rl", "Related", s.related),
        ("n-acc", "Accepted", accepted(report, options)),
    ];
    let suppressed = [("n-sup", "Suppressed", s.suppressed)];
    let cells = cells.iter().chain(suppressed.iter().filter(|c| c.2 > 0));
    for (class, label, n) in cells {
        let _ = write!(
            out,
            "<div class=\"{class}\"><dt>{label}</dt><dd>{}</dd></div>",
            format_number(*n as f64)
        );
    }
    out.push_str("</dl></div></header>");
    out.push_str(
        "<nav class=\"toc\" aria-label=\"Sections\"><ul><li><a href=\"#findings\">Findings</a></li>\
         <li><a href=\"#timelines\">Timelines</a></li><li><a href=\"#articles\">Articles</a></li></ul></nav>",
    );
}

fn write_footer(out: &mut String, options: &Options) {
    out.push_str("<footer class=\"wrap\"><p>Written by claimcheck ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    if let Some(g) = &options.generated {
        out.push_str(" · ");
        push_escaped(out, g);
    }
    out.push_str(
        ". Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous finding; <kbd>Tab</kbd> moves through the \
         highlighted claims, whose details show on focus.</p></footer>",
    );
}

fn verdict_label(v: Option<Verdict>) -> (&'static str, &'static str, &'static str) {
    match v {
        Some(v) => VERDICTS
            .iter()
            .find(|(x, _, _)| *x == v)
            .map_or(("v-ctx", "Context", "·"), |(x, label, sym)| {
                (verdict_class(*x), *label, *sym)
            }),
        None => ("v-ctx", "Context", "·"),
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "v-conflict",
        Verdict::Agree => "v-agree",
        Verdict::Related => "v-related",
    }
}

fn badge(out: &mut String, v: Option<Verdict>) {
    let (class, label, sym) = verdict_label(v);
    let _ = write!(out, "<span class=\"b {class}\">{sym} {label}</span>");
}

fn kind_legend(out: &mut String) {
    out.push_str("<ul class=\"legend\" aria-label=\"Claim kinds\">");
    for k in KINDS {
        let _ = write!(
            out,
            "<li><span class=\"c k-{0}\">{0}</span></li>",
            k.as_str()
        );
    }
    out.push_str("</ul>");
}

// ------------------------------------------------------------------ findings

fn write_findings(out: &mut String, ctx: &Context, drawn: &[bool], budget: usize) {
    let findings = &ctx.report.findings;
    out.push_str("<section id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">Findings</h2>");
    if findings.is_empty() {
        out.push_str("<p class=\"empty\">No findings: no two claims were aligned.</p></section>");
        return;
    }
    // The filter form is hidden until the script runs: without JS every finding shows.
    out.push_str("<form class=\"flt\" id=\"flt\" hidden role=\"search\" aria-label=\"Filter findings\"><fieldset><legend>Verdict</legend>");
    for (v, label, sym) in VERDICTS {
        let n = findings.iter().filter(|f| f.verdict == v).count();
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"v\" value=\"{}\" checked> {sym} {label} ({n})</label>",
            v.as_str()
        );
    }
    out.push_str("</fieldset><label for=\"q\">Topic</label><input type=\"search\" id=\"q\" list=\"topics\" placeholder=\"e.g. Rwanda\"><datalist id=\"topics\">");
    for (topic, _) in &ctx.topics {
        out.push_str("<option value=\"");
        push_escaped(out, topic);
        out.push_str("\">");
    }
    out.push_str("</datalist><output id=\"shown\" aria-live=\"polite\"></output></form>");
    kind_legend(out);
    // Every finding is listed; each is drawn compact first, and in order
    // (conflicts first) is redrawn in full while the budget allows it.
    let compact_cards = compact_cards(ctx, drawn);
    let mut spare = budget.saturating_sub(compact_cards.iter().map(String::len).sum());
    let mut list = String::new();
    let mut compact = 0usize;
    for ((fi, f), compact_card) in findings.iter().enumerate().zip(&compact_cards) {
        let mut card = String::new();
        if spare > 0 {
            write_finding(&mut card, ctx, fi, f, drawn, true);
        }
        let extra = card.len().saturating_sub(compact_card.len());
        if spare > 0 && extra <= spare {
            spare -= extra;
            list.push_str(&card);
        } else {
            // Once one finding does not fit, the rest stay compact too, so
            // the full ones are exactly the first ones.
            spare = 0;
            compact += 1;
            list.push_str(compact_card);
        }
    }
    if compact > 0 {
        let _ = write!(
            out,
            "<p class=\"note\">To keep this report small, the sentences are shown for the first {} findings; \
             the other {compact} link to their claims in the article view.</p>",
            findings.len() - compact
        );
    }
    out.push_str("<ol class=\"fds\">");
    out.push_str(&list);
    out.push_str("</ol></section>");
}

/// Every finding drawn compact.
fn compact_cards(ctx: &Context, drawn: &[bool]) -> Vec<String> {
    ctx.report
        .findings
        .iter()
        .enumerate()
        .map(|(fi, f)| {
            let mut card = String::new();
            write_finding(&mut card, ctx, fi, f, drawn, false);
            card
        })
        .collect()
}

/// One finding card: with `full`, each article's sentences side by side;
/// without, one link per claim into the article view.
fn write_finding(
    out: &mut String,
    ctx: &Context,
    fi: usize,
    f: &Finding,
    drawn: &[bool],
    full: bool,
) {
    let class = verdict_class(f.verdict);
    // The topic filter reads the topic from the h3; j/k focus sets tabindex.
    let _ = write!(
        out,
        "<li class=\"fd {class}\" id=\"f{fi}\" data-v=\"{}\"><div class=\"fh\">",
        f.verdict.as_str()
    );
    badge(out, Some(f.verdict));
    let status = ctx.report.status(&f.id);
    let _ = write!(out, "<span class=\"sev\">{}</span>", f.severity.as_str());
    if let Some(st) = status {
        if st.accepted {
            out.push_str("<span class=\"b v-acc\">accepted</span>");
        }
        if st.suppressed {
            out.push_str("<span class=\"b v-ctx\">suppressed</span>");
        }
        if st.fails_gate {
            out.push_str("<span class=\"gate\">fails the gate</span>");
        }
    }
    out.push_str("<h3>");
    push_escaped(out, &f.topic);
    out.push_str("</h3></div><p class=\"ex\">");
    push_escaped(out, &f.explanation);
    out.push_str("</p>");
    if let Some(acc) = status.and_then(|st| st.baseline.as_ref()) {
        let _ = write!(out, "<p class=\"acc\">Accepted on {} by ", acc.date);
        push_escaped(out, &acc.by);
        out.push_str(": ");
        push_escaped(out, &acc.reason);
        out.push_str("</p>");
    }
    if full {
        out.push_str("<div class=\"ev\">");
        for (doc, claims) in group_by_doc(&f.claims) {
            write_side(out, ctx, doc, &claims);
        }
        out.push_str("</div>");
    } else {
        write_claim_links(out, ctx, f);
    }
    out.push_str("<p class=\"fid\">");
    if let Some(ti) = ctx
        .timeline_of(&f.topic)
        .filter(|&ti| drawn.get(ti).copied().unwrap_or(false))
    {
        let _ = write!(out, "<a href=\"#tl{ti}\">Timeline</a> · ");
    }
    out.push_str("finding <code>");
    push_escaped(out, &f.id);
    out.push_str("</code></p></li>");
}

/// The compact evidence of a finding: each claim as written, linked to its
/// place in the article view (reference facts as text).
fn write_claim_links(out: &mut String, ctx: &Context, f: &Finding) {
    out.push_str("<ul class=\"cc\">");
    for c in &f.claims {
        let fc = &c.framed;
        let (vclass, _, sym) = verdict_label(c.verdict);
        let _ = write!(out, "<li class=\"{vclass}\">{sym} ");
        match ctx.document(&fc.doc) {
            Some((ai, _)) => {
                let _ = write!(out, "<a href=\"#a{ai}-{}\">", fc.claim.span.start);
                push_escaped(out, &fc.doc);
                let _ = write!(out, ":{}</a> ", fc.claim.line);
            }
            None => {
                push_escaped(out, &fc.doc);
                out.push(' ');
            }
        }
        let _ = write!(out, "<span class=\"c k-{}\">", fc.claim.kind.as_str());
        push_escaped(out, &one_line(&fc.claim.text));
        out.push_str("</span></li>");
    }
    out.push_str("</ul>");
}

/// The claims of a finding grouped by document, in the finding's order.
fn group_by_doc(claims: &[FindingClaim]) -> Vec<(&str, Vec<&FindingClaim>)> {
    let mut groups: Vec<(&str, Vec<&FindingClaim>)> = Vec::new();
    for c in claims {
        match groups.iter_mut().find(|(d, _)| *d == c.framed.doc) {
            Some((_, list)) => list.push(c),
            None => groups.push((c.framed.doc.as_str(), vec![c])),
        }
    }
    groups
}

/// One article's column of a finding: its sentences with the claims marked,
/// then one line per claim with the normalised value.
fn write_side(out: &mut String, ctx: &Context, doc: &str, claims: &[&FindingClaim]) {
    let article = ctx.document(doc);
    let reference = article.is_none();
    out.push_str(if reference {
        "<section class=\"side ref\"><h4>"
    } else {
        "<section class=\"side\"><h4>"
    });
    match article {
        Some((ai, _)) => {
            let _ = write!(out, "<a href=\"#a{ai}\">");
            push_escaped(out, &ctx.doc_title(doc));
            out.push_str("</a>");
        }
        None => push_escaped(out, &ctx.doc_title(doc)),
    }
    out.push_str("</h4><p class=\"meta\">");
    match ctx.report.published(doc) {
        Some(d) => {
            let _ = write!(out, "published {d}");
        }
        None if reference => out.push_str("reference facts"),
        None => out.push_str("publication date unknown"),
    }
    if reference && let Some(path) = ctx.doc_path(doc) {
        out.push_str(" · ");
        push_escaped(out, path);
    }
    out.push_str("</p>");
    // Each sentence once, with every claim of this finding inside it marked.
    let mut sentences: Vec<(&Claim, Vec<&FindingClaim>)> = Vec::new();
    for c in claims {
        let claim = &c.framed.claim;
        match sentences
            .iter_mut()
            .find(|(s, _)| s.sentence_span == claim.sentence_span && s.sentence == claim.sentence)
        {
            Some((_, list)) => list.push(c),
            None => sentences.push((claim, vec![c])),
        }
    }
    for (first, members) in &sentences {
        let marks: Vec<Mark> = members
            .iter()
            .filter_map(|c| {
                let (start, end) = span_in_sentence(&c.framed.claim)?;
                let (vclass, _, _) = verdict_label(c.verdict);
                Some(Mark {
                    start,
                    end,
                    open: format!(
                        "<mark class=\"c k-{} {vclass}\">",
                        c.framed.claim.kind.as_str()
                    ),
                    close: "</mark>".to_string(),
                })
            })
            .collect();
        out.push_str(if reference {
            "<blockquote class=\"ref\"><p>"
        } else {
            "<blockquote><p>"
        });
        write_marked(out, &first.sentence, (0, first.sentence.len()), marks);
        out.push_str("</p></blockquote>");
    }
    out.push_str("<ul class=\"cl\">");
    for c in claims {
        write_claim_line(out, ctx, c);
    }
    out.push_str("</ul></section>");
}

/// Where the claim sits in its own sentence, if the offsets agree with the
/// text (else the first occurrence of the claim text, else nowhere).
fn span_in_sentence(claim: &Claim) -> Option<(usize, usize)> {
    if claim.span.is_empty() || claim.text.is_empty() {
        return None;
    }
    let start = claim.span.start.checked_sub(claim.sentence_span.start)?;
    let end = start + claim.span.len();
    if claim.sentence.get(start..end) == Some(claim.text.as_str()) {
        return Some((start, end));
    }
    let at = claim.sentence.find(claim.text.as_str())?;
    Some((at, at + claim.text.len()))
}

fn write_claim_line(out: &mut String, ctx: &Context, c: &FindingClaim) {
    let fc = &c.framed;
    let claim = &fc.claim;
    let _ = write!(out, "<li><span class=\"c k-{}\">", claim.kind.as_str());
    push_escaped(out, &one_line(&claim.text));
    out.push_str("</span> → <span class=\"val\">");
    push_escaped(out, &human_value(claim));
    out.push_str("</span> <span class=\"dim\">");
    if claim.qualifier != Qualifier::Exact {
        out.push_str(qualifier_name(claim.qualifier));
        out.push_str(" · ");
    }
    match fc.frame.time {
        Some(t) => {
            out.push_str("time ");
            push_escaped(out, &t.label());
        }
        None => out.push_str("time unknown"),
    }
    if let Some(a) = &fc.frame.attribution {
        out.push_str(" · per ");
        push_escaped(out, a);
    }
    if fc.frame.polarity == Polarity::Denied {
        out.push_str(" · denial");
    }
    if let Some((ai, _)) = ctx.document(&fc.doc) {
        let _ = write!(
            out,
            " · <a href=\"#a{ai}-{}\">line {}</a>",
            claim.span.start, claim.line
        );
    }
    out.push_str("</span> ");
    badge(out, c.verdict);
    out.push_str("</li>");
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ----------------------------------------------------------------- highlight

/// A span to wrap in markup: byte offsets into the text being written.
struct Mark {
    start: usize,
    end: usize,
    open: String,
    close: String,
}

/// Writes `text[range]` escaped, wrapping the marks (sorted here by start,
/// longer first) in their markup. A mark nested in another is nested in the
/// markup; a mark that crosses another's end, leaves the range or does not
/// fall on character boundaries is left out. Returns how many were left out.
fn write_marked(
    out: &mut String,
    text: &str,
    range: (usize, usize),
    mut marks: Vec<Mark>,
) -> usize {
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let (from, to) = range;
    let mut pos = from;
    let mut skipped = 0;
    let mut stack: Vec<Mark> = Vec::new();
    for m in marks {
        let fits = m.start >= from
            && m.end <= to
            && m.start < m.end
            && text.is_char_boundary(m.start)
            && text.is_char_boundary(m.end);
        if !fits {
            skipped += 1;
            continue;
        }
        while stack.last().is_some_and(|top| top.end <= m.start) {
            if let Some(top) = stack.pop() {
                push_escaped(out, text.get(pos..top.end).unwrap_or(""));
                pos = top.end;
                out.push_str(&top.close);
            }
        }
        if m.start < pos || stack.last().is_some_and(|top| m.end > top.end) {
            skipped += 1;
            continue;
        }
        push_escaped(out, text.get(pos..m.start).unwrap_or(""));
        pos = m.start;
        out.push_str(&m.open);
        stack.push(m);
    }
    while let Some(top) = stack.pop() {
        push_escaped(out, text.get(pos..top.end).unwrap_or(""));
        pos = top.end;
        out.push_str(&top.close);
    }
    push_escaped(out, text.get(pos..to).unwrap_or(""));
    skipped
}

// ------------------------------------------------------------------ articles

fn write_articles(out: &mut String, ctx: &Context) {
    out.push_str("<section id=\"articles\" class=\"arts\" aria-labelledby=\"articles-h\"><h2 id=\"articles-h\">Articles</h2>");
    if ctx.documents.is_empty() {
        out.push_str("<p class=\"empty\">No articles.</p></section>");
        return;
    }
    kind_legend(out);
    out.push_str("<ul class=\"alist\">");
    for (ai, d) in ctx.documents.iter().enumerate() {
        let _ = write!(out, "<li><a href=\"#a{ai}\">");
        push_escaped(out, d.title.as_deref().unwrap_or(&d.id));
        let n = ctx.claims_of.get(ai).map_or(0, Vec::len);
        let _ = write!(out, "</a> ({n} claims)</li>");
    }
    out.push_str("</ul>");
    for (ai, d) in ctx.documents.iter().enumerate() {
        let claims = ctx.claims_of.get(ai).map_or(&[][..], Vec::as_slice);
        write_article(out, ctx, ai, d, claims);
    }
    out.push_str("</section>");
}

fn write_article(
    out: &mut String,
    ctx: &Context,
    ai: usize,
    d: &Document,
    claims: &[&FramedClaim],
) {
    let _ = write!(
        out,
        "<article id=\"a{ai}\" aria-labelledby=\"a{ai}-h\"><h3 id=\"a{ai}-h\">"
    );
    push_escaped(out, d.title.as_deref().unwrap_or(&d.id));
    out.push_str("</h3><p class=\"meta\">");
    push_escaped(out, &d.path);
    match d.published {
        Some(p) => {
            let _ = write!(out, " · published {p}");
        }
        None => out.push_str(" · publication date unknown"),
    }
    if let Some(s) = &d.source {
        out.push_str(" · ");
        push_escaped(out, s);
    }
    // The URL is text, never a link: a hostile `javascript:` URL stays inert.
    if let Some(u) = &d.url {
        out.push_str(" · ");
        push_escaped(out, u);
    }
    let _ = write!(out, " · {} claims</p><div class=\"body\">", claims.len());
    let text = d.text.as_str();
    let paragraphs = paragraphs(text, d.body_start);
    if paragraphs.is_empty() {
        out.push_str("<p class=\"none\">(empty)</p>");
    }
    let mut next = 0usize;
    for p in paragraphs {
        // Claims are sorted by start: take those that start in this paragraph.
        let mut marks = Vec::new();
        while let Some(c) = claims.get(next) {
            if c.claim.span.start >= p.end {
                break;
            }
            next += 1;
            if c.claim.span.start >= p.start {
                marks.push(article_mark(ctx, ai, c));
            }
        }
        out.push_str(if p.heading { "<p class=\"h\">" } else { "<p>" });
        write_marked(out, text, (p.start, p.end), marks);
        out.push_str("</p>");
    }
    out.push_str("</div></article>");
}

/// The markup around one claim in the article view: a `<mark>` by kind whose
/// `aria-description` holds the details — read by screen readers, and shown
/// by the stylesheet on hover and keyboard focus. A claim that is part of a
/// finding is also a link to it.
fn article_mark(ctx: &Context, ai: usize, c: &FramedClaim) -> Mark {
    let claim = &c.claim;
    let kind = claim.kind.as_str();
    let tip = escape(&tip_text(c));
    let (start, end) = (claim.span.start, claim.span.end);
    match ctx.in_finding.get(&(c.doc.as_str(), claim.span)) {
        Some(&(fi, verdict)) => {
            let (vclass, _, _) = verdict_label(verdict);
            Mark {
                start,
                end,
                open: format!(
                    "<a class=\"fl\" href=\"#f{fi}\" aria-description=\"{tip}\"><mark class=\"c k-{kind} {vclass}\" id=\"a{ai}-{start}\">"
                ),
                close: "</mark></a>".to_string(),
            }
        }
        None => Mark {
            start,
            end,
            open: format!("<mark class=\"c k-{kind}\" tabindex=\"0\" aria-description=\"{tip}\">"),
            close: "</mark>".to_string(),
        },
    }
}

/// The details of a claim, one per line: kind and normalised value, time
/// scope, attribution, what it is about, polarity, and for a claim in a
/// finding that finding's verdict.
fn tip_text(c: &FramedClaim) -> String {
    let claim = &c.claim;
    let mut lines = vec![format!("{}: {}", claim.kind.as_str(), human_value(claim))];
    if claim.qualifier != Qualifier::Exact
        && let Some(first) = lines.first_mut()
    {
        first.push_str(&format!(" ({})", qualifier_name(claim.qualifier)));
    }
    if claim.relative {
        lines.push(match claim.anchor {
            Some(a) => format!("relative to {a}"),
            None => "relative; publication date unknown".to_string(),
        });
    }
    lines.push(match (c.frame.time, &claim.time) {
        (Some(t), _) => format!("time: {}", t.label()),
        (None, Some(scope)) => format!("time: {}", one_line(&scope.text)),
        (None, None) => "time: not stated".to_string(),
    });
    lines.push(match &c.frame.attribution {
        Some(a) => format!("source: {}", one_line(a)),
        None => "source: not stated".to_string(),
    });
    let mut about = c.frame.entities.join(", ");
    if let Some(p) = &c.frame.predicate {
        if !about.is_empty() {
            about.push_str(" · ");
        }
        about.push_str(p);
    }
    if !about.is_empty() {
        lines.push(format!("about: {about}"));
    }
    if c.frame.polarity == Polarity::Denied {
        lines.push("denied".to_string());
    }
    lines.join("\n")
}

/// A paragraph of the article body: byte range, and whether it is a
/// Markdown heading (its `#` marks left out of the range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Paragraph {
    start: usize,
    end: usize,
    heading: bool,
}

/// Splits `text[from..]` into paragraphs at blank lines, trimming the
/// whitespace around each.
fn paragraphs(text: &str, from: usize) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let Some(body) = text.get(from..) else {
        return out;
    };
    let mut start: Option<usize> = None;
    let mut end = from;
    let mut offset = from;
    for line in body.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(paragraph(text, s, end));
            }
            continue;
        }
        if start.is_none() {
            start = Some(line_start + (line.len() - line.trim_start().len()));
        }
        end = line_start + line.trim_end().len();
    }
    if let Some(s) = start {
        out.push(paragraph(text, s, end));
    }
    out
}

fn paragraph(text: &str, start: usize, end: usize) -> Paragraph {
    let p = text.get(start..end).unwrap_or("");
    let hashes = p.bytes().take_while(|&b| b == b'#').count();
    let heading = (1..=6).contains(&hashes) && p.as_bytes().get(hashes) == Some(&b' ');
    if heading {
        let rest = p.get(hashes..).unwrap_or("");
        let skip = hashes + (rest.len() - rest.trim_start().len());
        Paragraph {
            start: start + skip,
            end,
            heading,
        }
    } else {
        Paragraph {
            start,
            end,
            heading,
        }
    }
}

// ----------------------------------------------------------------- timelines

/// One bar of a timeline: a dated claim of one article.
struct Dot<'a> {
    doc: &'a str,
    claim: &'a FindingClaim,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

/// The period a claim is about: its frame's time scope, else its own date
/// interval, else the date that scopes it in its clause.
fn claim_period(fc: &FramedClaim) -> Option<Period> {
    let period = fc
        .frame
        .time
        .or_else(|| {
            fc.claim
                .value
                .as_ref()
                .and_then(crate::claim::Value::interval)
                .map(|(s, e)| Period::closed(s, e))
        })
        .or_else(|| {
            let t = fc.claim.time.as_ref()?;
            Some(Period::new(t.start, t.end))
        })?;
    (period.start.is_some() || period.end.is_some()).then_some(period)
}

/// Writes the timelines section; returns, per topic, whether its timeline
/// was drawn (topics past the byte budget are only counted).
fn write_timelines(out: &mut String, ctx: &Context, budget: usize) -> Vec<bool> {
    let mut drawn = vec![false; ctx.topics.len()];
    out.push_str("<section id=\"timelines\" aria-labelledby=\"timelines-h\"><h2 id=\"timelines-h\">Timelines</h2>");
    if ctx.topics.is_empty() {
        out.push_str("<p class=\"empty\">No findings, so no timelines.</p></section>");
        return drawn;
    }
    out.push_str("<ul class=\"legend\"><li>Bars: the period each claim is about, one lane per claim, grouped by article</li>\
        <li>✕ conflict</li><li>✓ agree</li><li>≈ related</li><li>· context</li><li>◆ publication date</li><li>◂ ▸ open-ended</li></ul>");
    let start = out.len();
    let mut skipped = 0usize;
    for (ti, (topic, findings)) in ctx.topics.iter().enumerate() {
        if out.len() - start >= budget {
            skipped += 1;
            continue;
        }
        write_timeline(out, ctx, ti, topic, findings);
        if let Some(d) = drawn.get_mut(ti) {
            *d = true;
        }
    }
    if skipped > 0 {
        let _ = write!(
            out,
            "<p class=\"note\">{skipped} more topics have no timeline here, to keep this report small; \
             filter the run with <code>--topic</code> to see them.</p>"
        );
    }
    out.push_str("</section>");
    drawn
}

fn write_timeline(out: &mut String, ctx: &Context, ti: usize, topic: &str, findings: &[usize]) {
    let mut dots: Vec<Dot> = Vec::new();
    // Reference facts all have empty spans: their text tells them apart.
    let mut seen: std::collections::HashSet<(&str, Span, &str)> = std::collections::HashSet::new();
    for f in findings
        .iter()
        .filter_map(|&fi| ctx.report.findings.get(fi))
    {
        for c in &f.claims {
            let Some(period) = claim_period(&c.framed) else {
                continue;
            };
            let key = (
                c.framed.doc.as_str(),
                c.framed.claim.span,
                c.framed.claim.text.as_str(),
            );
            if seen.insert(key) {
                dots.push(Dot {
                    doc: c.framed.doc.as_str(),
                    claim: c,
                    start: period.start,
                    end: period.end,
                });
            }
        }
    }
    // Too many lanes: keep the conflicts first, then the rest in order.
    let hidden = dots.len().saturating_sub(TL_MAX_LANES);
    if hidden > 0 {
        dots.sort_by_key(|d| d.claim.verdict != Some(Verdict::Conflict));
        dots.truncate(TL_MAX_LANES);
    }
    let article_order = |doc: &str| ctx.doc_index.get(doc).copied().unwrap_or(usize::MAX);
    dots.sort_by(|a, b| {
        (article_order(a.doc), a.doc, a.claim.framed.claim.span.start).cmp(&(
            article_order(b.doc),
            b.doc,
            b.claim.framed.claim.span.start,
        ))
    });
    let _ = write!(out, "<figure class=\"tl\" id=\"tl{ti}\" data-t=\"");
    push_escaped(out, topic);
    out.push_str("\"><figcaption>");
    push_escaped(out, topic);
    for &fi in findings.iter().take(TL_MAX_LINKS) {
        let _ = write!(out, " <a href=\"#f{fi}\">finding {}</a>", fi + 1);
    }
    if findings.len() > TL_MAX_LINKS {
        let _ = write!(out, " (+{} more findings)", findings.len() - TL_MAX_LINKS);
    }
    out.push_str("</figcaption>");
    let Some(axis) = Axis::new(&dots, ctx) else {
        out.push_str("<p class=\"empty\">No dated claims in this topic.</p></figure>");
        return;
    };
    write_svg(out, ctx, ti, topic, &dots, &axis);
    if hidden > 0 {
        let _ = write!(
            out,
            "<p class=\"note\">{hidden} more dated claims not drawn.</p>"
        );
    }
    out.push_str("</figure>");
}

/// The time axis of one timeline: days from `lo` to `hi` mapped onto the plot.
struct Axis {
    lo: i64,
    hi: i64,
}

impl Axis {
    fn new(dots: &[Dot], ctx: &Context) -> Option<Axis> {
        let mut days: Vec<i64> = Vec::new();
        for d in dots {
            days.extend(d.start.map(day));
            days.extend(d.end.map(|e| day(e) + 1));
            days.extend(ctx.report.published(d.doc).map(day));
        }
        let (mut lo, mut hi) = (*days.iter().min()?, *days.iter().max()?);
        if hi - lo < 90 {
            let mid = (lo + hi) / 2;
            lo = mid - 45;
            hi = mid + 45;
        }
        let pad = (hi - lo) / 25;
        Some(Axis {
            lo: lo - pad,
            hi: hi + pad,
        })
    }

    fn x(&self, d: i64) -> f64 {
        let span = (self.hi - self.lo).max(1) as f64;
        let t = ((d - self.lo) as f64 / span).clamp(0.0, 1.0);
        TL_PLOT_LEFT + t * (TL_PLOT_RIGHT - TL_PLOT_LEFT)
    }

    /// Tick dates and labels: years (every 1, 2, 5, 10 … years) on long
    /// axes, months (every 1, 2, 3 or 6) on short ones; at most about 9.
    fn ticks(&self) -> Vec<(i64, String)> {
        let (Some(lo), Some(hi)) = (from_day(self.lo), from_day(self.hi)) else {
            return Vec::new();
        };
        let years = f64::from(hi.year() - lo.year()) + 1.0;
        let mut ticks = Vec::new();
        if self.hi - self.lo > 2 * 365 {
            let step = [1, 2, 5, 10, 20, 50, 100, 200, 500]
                .into_iter()
                .find(|s| years / f64::from(*s) <= 9.0)
                .unwrap_or(1000);
            let mut y = lo.year() - lo.year().rem_euclid(step);
            while y <= hi.year() {
                if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1).map(day)
                    && d >= self.lo
                    && d <= self.hi
                {
                    ticks.push((d, y.to_string()));
                }
                y += step;
            }
        } else {
            let months = (self.hi - self.lo) / 30 + 1;
            let step: u32 = [1, 2, 3, 6, 12]
                .into_iter()
                .find(|s| months / i64::from(*s) <= 9)
                .unwrap_or(12);
            let (mut y, mut m) = (lo.year(), lo.month0());
            m -= m % step;
            while let Some(date) = NaiveDate::from_ymd_opt(y, m + 1, 1) {
                let d = day(date);
                if d > self.hi {
                    break;
                }
                if d >= self.lo {
                    let name = MONTHS.get(m as usize).copied().unwrap_or("");
                    ticks.push((d, format!("{name} {y}")));
                }
                m += step;
                if m >= 12 {
                    y += 1;
                    m -= 12;
                }
            }
        }
        ticks
    }
}

fn day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn from_day(d: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(d).ok()?)
}

/// Where a bar's label goes: right of the bar if it fits, else left of it,
/// else inside a bar wide enough (white on the bar), else right anyway.
/// Returns x, text-anchor and whether it is inside.
fn label_place(x0: f64, x1: f64, chars: usize) -> (f64, &'static str, bool) {
    let width = chars as f64 * TL_CHAR_WIDTH + 14.0;
    if TL_PLOT_RIGHT + 12.0 - x1 >= width {
        (x1 + 12.0, "start", false)
    } else if x0 - TL_PLOT_LEFT >= width {
        (x0 - 12.0, "end", false)
    } else if x1 - x0 >= width {
        (x0 + 6.0, "start", true)
    } else {
        (x1 + 12.0, "start", false)
    }
}

/// Truncates to `n` characters with an ellipsis.
fn truncate(s: &str, n: usize) -> String {
    let s = one_line(s);
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn write_svg(out: &mut String, ctx: &Context, ti: usize, topic: &str, dots: &[Dot], axis: &Axis) {
    let lanes = dots.len() as f64;
    let height = TL_TOP + lanes * TL_LANE + 10.0;
    let articles = {
        let mut docs: Vec<&str> = dots.iter().map(|d| d.doc).collect();
        docs.dedup();
        docs.len()
    };
    let conflicts = dots
        .iter()
        .filter(|d| d.claim.verdict == Some(Verdict::Conflict))
        .count();
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {TL_WIDTH} {height:.0}\" role=\"img\" aria-labelledby=\"tl{ti}-t tl{ti}-d\"><title id=\"tl{ti}-t\">Timeline: "
    );
    push_escaped(out, topic);
    let _ = write!(
        out,
        "</title><desc id=\"tl{ti}-d\">{} dated claims from {articles} sources, {conflicts} in conflict.</desc>",
        dots.len()
    );
    let bottom = height - 6.0;
    for (d, label) in axis.ticks() {
        let x = axis.x(d);
        let anchor = if x > TL_PLOT_RIGHT - 30.0 {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            "<line class=\"gr\" x1=\"{x:.0}\" x2=\"{x:.0}\" y1=\"{:.0}\" y2=\"{bottom:.0}\"/><text class=\"tk\" x=\"{x:.0}\" y=\"14\" text-anchor=\"{anchor}\">{label}</text>",
            TL_TOP - 6.0
        );
    }
    let _ = write!(
        out,
        "<line class=\"ax\" x1=\"{TL_PLOT_LEFT}\" x2=\"{TL_PLOT_RIGHT}\" y1=\"{0}\" y2=\"{0}\"/>",
        TL_TOP - 6.0
    );
    let mut previous: Option<&str> = None;
    for (lane, dot) in dots.iter().enumerate() {
        let y = TL_TOP + lane as f64 * TL_LANE;
        if previous != Some(dot.doc) {
            if previous.is_some() {
                let _ = write!(
                    out,
                    "<line class=\"gr\" x1=\"0\" x2=\"{TL_WIDTH}\" y1=\"{y:.0}\" y2=\"{y:.0}\"/>"
                );
            }
            write_doc_label(out, dot.doc, y);
            previous = Some(dot.doc);
        }
        write_bar(out, ctx, dot, axis, y);
    }
    out.push_str("</svg>");
}

fn write_doc_label(out: &mut String, doc: &str, y: f64) {
    let _ = write!(
        out,
        "<text class=\"doc\" x=\"4\" y=\"{:.0}\"><title>",
        y + 15.0
    );
    push_escaped(out, doc);
    out.push_str("</title>");
    push_escaped(out, &truncate(doc, TL_DOC_CHARS));
    out.push_str("</text>");
}

fn write_bar(out: &mut String, ctx: &Context, dot: &Dot, axis: &Axis, y: f64) {
    let fc = &dot.claim.framed;
    let (vclass, label, sym) = verdict_label(dot.claim.verdict);
    let x0 = dot.start.map_or(TL_PLOT_LEFT, |s| axis.x(day(s)));
    let mut x1 = dot.end.map_or(TL_PLOT_RIGHT, |e| axis.x(day(e) + 1));
    if x1 - x0 < TL_MIN_BAR {
        x1 = x0 + TL_MIN_BAR;
    }
    let period = Period::new(dot.start, dot.end).label();
    let _ = write!(
        out,
        "<rect class=\"bar {vclass}\" x=\"{x0:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"10\" rx=\"2\"><title>",
        y + 6.0,
        x1 - x0
    );
    push_escaped(
        out,
        &format!(
            "{}: “{}” — {period} — {label}",
            fc.doc,
            one_line(&fc.claim.text)
        ),
    );
    out.push_str("</title></rect>");
    if dot.start.is_none() {
        let _ = write!(
            out,
            "<text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"end\">◂</text>",
            x0 - 1.0,
            y + 15.0
        );
    }
    if dot.end.is_none() {
        let _ = write!(
            out,
            "<text x=\"{:.0}\" y=\"{:.0}\">▸</text>",
            x1 + 1.0,
            y + 15.0
        );
    }
    if let Some(p) = ctx.report.published(dot.doc) {
        let px = axis.x(day(p));
        let cy = y + 11.0;
        let _ = write!(
            out,
            "<path class=\"pub\" d=\"M{px:.0} {:.0}l4 4-4 4-4-4z\"><title>published {p}</title></path>",
            cy - 4.0
        );
    }
    let mut text = format!("{sym} {}", truncate(&fc.claim.text, TL_LABEL_CHARS));
    if dot.claim.verdict == Some(Verdict::Conflict) {
        text.push_str(" — conflict");
    }
    let (tx, anchor, inside) = label_place(x0, x1, text.chars().count());
    let _ = write!(
        out,
        "<text class=\"lab {vclass}{}\" x=\"{tx:.0}\" y=\"{:.0}\" text-anchor=\"{anchor}\">",
        if inside { " in" } else { "" },
        y + 15.0
    );
    push_escaped(out, &text);
    out.push_str("</text>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Value;
    use crate::compare::{ReportDocument, Severity};
    use crate::frame::Frame;

    /// Standard base64 (RFC 4648, with padding), for the CSP hash check.
    fn base64(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn script_hash_matches_the_script() {
        use sha2::{Digest, Sha256};
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
        let digest = Sha256::digest(JS.as_bytes());
        assert_eq!(
            JS_SHA256,
            base64(&digest),
            "html.js changed: update JS_SHA256 or the browser will refuse to run it"
        );
        assert!(content_security_policy().contains(&format!("'sha256-{JS_SHA256}'")));
    }

    #[test]
    fn escaping_table() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "\"><img src=x onerror=alert(1)>",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
            ),
            ("'", "&#39;"),
            ("&amp;", "&amp;amp;"),
            (
                "it's \"$13 million\" & more",
                "it&#39;s &quot;$13 million&quot; &amp; more",
            ),
            ("Zürich — 5 km", "Zürich — 5 km"),
            ("", ""),
            ("a<b", "a&lt;b"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }

    fn framed(
        doc: &str,
        text: &str,
        kind: Kind,
        needle: &str,
        value: Option<Value>,
    ) -> FramedClaim {
        let start = text.find(needle).expect("needle in text");
        let end = start + needle.len();
        let (s0, s1) = sentence_bounds(text, start);
        FramedClaim {
            claim: Claim {
                id: format!("{doc}:{start}-{end}"),
                kind,
                text: needle.to_string(),
                span: Span::new(start, end),
                line: 1,
                column: start + 1,
                value,
                unit: Some("USD".into()),
                qualifier: Qualifier::Exact,
                sentence: text[s0..s1].to_string(),
                sentence_span: Span::new(s0, s1),
                noun: None,
                normalized: None,
                relative: false,
                anchor: None,
                time: None,
            },
            doc: doc.to_string(),
            frame: Frame {
                entities: vec!["Israel".into(), "Rwanda".into()],
                predicate: Some("arms".into()),
                attribution: Some("SIPRI".into()),
                time: Some(Period::closed(date(2013, 1, 1), date(2013, 12, 31))),
                ..Frame::default()
            },
        }
    }

    fn sentence_bounds(text: &str, at: usize) -> (usize, usize) {
        let s = text[..at].rfind(". ").map_or(0, |i| i + 2);
        let e = text[at..].find('.').map_or(text.len(), |i| at + i + 1);
        (s, e)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn doc(id: &str, text: &str, published: Option<NaiveDate>) -> Document {
        let mut d = Document::from_text(id, text);
        d.published = published;
        d
    }

    /// Two articles disagreeing over the same sale, one with hostile text.
    fn sample() -> (Report, Vec<Document>, Vec<FramedClaim>) {
        let a_text = "Sales reached $13 million in 2013. Nothing <b>more</b> since.";
        let b_text = "Officials said it was $20 million. <script>alert(1)</script> \"><img src=x onerror=alert(1)>";
        let docs = vec![
            doc("alpha", a_text, Some(date(2017, 7, 9))),
            doc("beta", b_text, Some(date(2018, 3, 20))),
        ];
        let a = framed(
            "alpha",
            a_text,
            Kind::Money,
            "$13 million",
            Some(Value::exact(13e6)),
        );
        let a_date = framed("alpha", a_text, Kind::Date, "2013", None);
        let b = framed(
            "beta",
            b_text,
            Kind::Money,
            "$20 million",
            Some(Value::exact(20e6)),
        );
        let claims = vec![a.clone(), a_date, b.clone()];
        let finding = Finding {
            id: "abc123".into(),
            verdict: Verdict::Conflict,
            severity: Severity::Error,
            topic: "Israel → Rwanda · arms <transfers>".into(),
            claims: vec![
                FindingClaim {
                    framed: a,
                    verdict: Some(Verdict::Conflict),
                },
                FindingClaim {
                    framed: b,
                    verdict: Some(Verdict::Conflict),
                },
            ],
            explanation: "$13 million vs $20 million for the same \"sale\".".into(),
        };
        let documents = docs
            .iter()
            .map(|d| ReportDocument {
                id: d.id.clone(),
                path: d.path.clone(),
                published: d.published,
            })
            .collect();
        let report = Report::new(documents, 2, claims.len(), vec![finding]);
        (report, docs, claims)
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let (report, docs, claims) = sample();
        let html = render(&report, &docs, &claims);
        assert!(!html.contains("<script>alert"), "raw script tag leaked");
        assert!(!html.contains("<img"), "raw img tag leaked");
        assert!(!html.contains("<b>more"), "raw markup leaked");
        assert!(!html.contains("<transfers>"), "topic not escaped");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("<h3>Israel → Rwanda · arms &lt;transfers&gt;</h3>"));
        // Exactly one script element: ours.
        assert_eq!(html.matches("<script").count(), 1);
    }

    #[test]
    fn header_counts_and_highlights() {
        let (report, docs, claims) = sample();
        let html = render(&report, &docs, &claims);
        for (label, n) in [
            ("Articles", 2),
            ("Claims", 3),
            ("Conflicts", 1),
            ("Agreements", 0),
            ("Related", 0),
            ("Accepted", 0),
        ] {
            assert!(
                html.contains(&format!("<dt>{label}</dt><dd>{n}</dd>")),
                "{label} {n}"
            );
        }
        // Finding evidence: both figures marked, with kind and verdict classes.
        assert!(
            html.contains("<mark class=\"c k-money v-conflict\">$13 million</mark>"),
            "{html}"
        );
        assert!(html.contains("<mark class=\"c k-money v-conflict\">$20 million</mark>"));
        // Article view: the claim in the finding links to it; the other has a tooltip.
        assert!(html.contains("href=\"#f0\""));
        assert!(html.contains("<mark class=\"c k-date\" tabindex=\"0\" aria-description=\"date: unresolved\ntime: 2013\nsource: SIPRI"));
        assert!(html.contains("aria-description=\"money: 13,000,000 USD\ntime: 2013\nsource: SIPRI\nabout: Israel, Rwanda · arms\"><mark class=\"c k-money v-conflict\" id=\"a0-14\">$13 million</mark></a>"), "{html}");
        assert_eq!(html.matches("class=\"fd v-conflict\"").count(), 1);
        assert!(html.contains("<figure class=\"tl\" id=\"tl0\""));
        assert!(html.contains("✕ $13 million — conflict"));
    }

    #[test]
    fn accepted_comes_from_options() {
        let (report, docs, claims) = sample();
        let options = Options {
            accepted: Some(4),
            generated: Some("run 7".into()),
            title: Some("Desk <A>".into()),
            ..Options::default()
        };
        let html = render_with(&report, &docs, &claims, &options);
        assert!(html.contains("<dt>Accepted</dt><dd>4</dd>"));
        assert!(html.contains("run 7"));
        assert!(html.contains("Desk &lt;A&gt;"));
    }

    #[test]
    fn output_is_deterministic_and_self_contained() {
        let (report, docs, claims) = sample();
        let a = render(&report, &docs, &claims);
        let b = render(&report, &docs, &claims);
        assert_eq!(a, b);
        assert!(a.contains("default-src &#39;none&#39;"));
        for needle in ["http://", "https://", "src=\"", "@import", "url("] {
            assert!(!a.contains(needle), "external reference {needle}");
        }
    }

    #[test]
    fn marks_nest_and_skip_crossings() {
        let mark = |start, end, tag: &str| Mark {
            start,
            end,
            open: format!("<{tag}>"),
            close: format!("</{tag}>"),
        };
        let cases: Vec<(&str, Vec<Mark>, &str, usize)> = vec![
            ("in 2013 we", vec![mark(3, 7, "m")], "in <m>2013</m> we", 0),
            (
                "a b c",
                vec![mark(0, 5, "o"), mark(2, 3, "i")],
                "<o>a <i>b</i> c</o>",
                0,
            ),
            (
                "abcdef",
                vec![mark(0, 3, "x"), mark(2, 5, "y")],
                "<x>abc</x>def",
                1,
            ),
            ("ab<c", vec![mark(2, 4, "m")], "ab<m>&lt;c</m>", 0),
            ("ab", vec![mark(1, 9, "m")], "ab", 1),
            ("é!", vec![mark(1, 2, "m")], "é!", 1),
            (
                "x y",
                vec![mark(0, 1, "a"), mark(2, 3, "b")],
                "<a>x</a> <b>y</b>",
                0,
            ),
        ];
        for (text, marks, want, skipped) in cases {
            let mut out = String::new();
            let n = write_marked(&mut out, text, (0, text.len()), marks);
            assert_eq!((out.as_str(), n), (want, skipped), "{text:?}");
        }
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_find_headings() {
        let text = "---\ntitle: x\n---\n\n# Head line\n\nFirst line\nsecond line.\n\n  \nLast.\n";
        let body_start = text.find("# Head").unwrap();
        let ps = paragraphs(text, body_start);
        let got: Vec<(&str, bool)> = ps
            .iter()
            .map(|p| (&text[p.start..p.end], p.heading))
            .collect();
        assert_eq!(
            got,
            [
                ("Head line", true),
                ("First line\nsecond line.", false),
                ("Last.", false)
            ]
        );
        assert!(paragraphs("", 0).is_empty());
        assert!(paragraphs("abc", 10).is_empty());
        assert!(!paragraphs("#hashtag", 0)[0].heading);
    }

    #[test]
    fn axis_ticks_by_years_and_months() {
        let long = Axis {
            lo: day(date(2008, 1, 1)),
            hi: day(date(2018, 6, 1)),
        };
        let labels: Vec<String> = long.ticks().into_iter().map(|t| t.1).collect();
        assert_eq!(labels, ["2008", "2010", "2012", "2014", "2016", "2018"]);
        let short = Axis {
            lo: day(date(2018, 2, 10)),
            hi: day(date(2018, 5, 2)),
        };
        let labels: Vec<String> = short.ticks().into_iter().map(|t| t.1).collect();
        assert_eq!(labels, ["Mar 2018", "Apr 2018", "May 2018"]);
        assert!(long.x(day(date(2008, 1, 1))) <= long.x(day(date(2013, 1, 1))));
    }

    #[test]
    fn gate_status_shows_on_the_finding() {
        use crate::compare::finding::{Acceptance, GateStatus};
        let (mut report, docs, claims) = sample();
        let status = GateStatus {
            accepted: true,
            baseline: Some(Acceptance {
                reason: "SIPRI <revised>".into(),
                by: "desk".into(),
                date: date(2018, 4, 1),
            }),
            suppressed: false,
            fails_gate: false,
        };
        report.status.insert("abc123".into(), status);
        report.summary.accepted = 1;
        let html = render(&report, &docs, &claims);
        assert!(html.contains("<dt>Accepted</dt><dd>1</dd>"));
        assert!(html.contains("<span class=\"b v-acc\">accepted</span>"));
        assert!(html.contains("Accepted on 2018-04-01 by desk: SIPRI &lt;revised&gt;"));
        assert!(!html.contains("fails the gate"));
    }

    #[test]
    fn budgets_make_findings_compact_and_drop_timelines() {
        let (report, docs, claims) = sample();
        let options = Options {
            max_bytes: 0,
            ..Options::default()
        };
        let html = render_with(&report, &docs, &claims, &options);
        assert_eq!(
            html.matches("class=\"fd v-conflict\"").count(),
            1,
            "the finding is still listed"
        );
        assert!(
            !html.contains("<div class=\"ev\">"),
            "no side-by-side evidence"
        );
        assert!(html.contains("<ul class=\"cc\"><li class=\"v-conflict\">✕ <a href=\"#a0-14\">alpha:1</a> <span class=\"c k-money\">$13 million</span></li>"), "{html}");
        assert!(html.contains("the other 1 link to their claims"));
        assert!(!html.contains("<figure class=\"tl\""));
        assert!(
            !html.contains("href=\"#tl0\""),
            "no link to a timeline not drawn"
        );
        assert!(html.contains("1 more topics have no timeline"));
        let full = render(&report, &docs, &claims);
        assert!(full.contains("<div class=\"ev\">") && full.contains("href=\"#tl0\""));
    }

    #[test]
    fn empty_report_renders() {
        let report = Report::new(vec![], 0, 0, vec![]);
        let html = render(&report, &[], &[]);
        assert!(html.contains("No findings"));
        assert!(html.ends_with("</html>\n"));
    }
}
