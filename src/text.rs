//! Text structure of one document: line/column lookup, sentence boundaries
//! and clause boundaries.
//!
//! [`TextIndex::new`] makes two linear passes over the text (line starts and
//! character counts, then sentences) so it can be built for every document on
//! the extraction hot path. Sentence splitting is tuned for news copy:
//! abbreviations ("Mr.", "U.S.", "Sept. 13"), decimals, sentences glued without
//! a space ("Kigali.He said", "ever.”During"), paragraph breaks and headline
//! lines without a final period. Clauses ([`TextIndex::clause_at`]) split a
//! sentence at ";", ":", spaced dashes and contrastive connectives
//! (", but", ", while", …); the word lists are the tables at the top.

use std::sync::OnceLock;

use crate::claim::Span;
use crate::extract::words::WordIndex;

/// How an abbreviation followed by a period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// Always followed by a name ("Mr.", "Gen.", "Dr."): never ends a sentence.
    Title,
    /// Usually followed by a number ("Sept. 13", "No. 5", "p. 4"): no break
    /// before a digit, a break otherwise.
    BeforeNumber,
    /// May end a sentence ("Inc.", "etc."): break only before a capitalised word.
    Trailing,
}

/// Abbreviations that end in a period, lower case, without the period.
const ABBREVIATIONS: &[(&str, Abbrev)] = &[
    ("mr", Abbrev::Title),
    ("mrs", Abbrev::Title),
    ("ms", Abbrev::Title),
    ("dr", Abbrev::Title),
    ("prof", Abbrev::Title),
    ("gen", Abbrev::Title),
    ("lt", Abbrev::Title),
    ("col", Abbrev::Title),
    ("maj", Abbrev::Title),
    ("capt", Abbrev::Title),
    ("cmdr", Abbrev::Title),
    ("adm", Abbrev::Title),
    ("sgt", Abbrev::Title),
    ("cpl", Abbrev::Title),
    ("pvt", Abbrev::Title),
    ("gov", Abbrev::Title),
    ("sen", Abbrev::Title),
    ("rep", Abbrev::Title),
    ("pres", Abbrev::Title),
    ("rev", Abbrev::Title),
    ("hon", Abbrev::Title),
    ("st", Abbrev::Title),
    ("mt", Abbrev::Title),
    ("ft", Abbrev::Title),
    ("sens", Abbrev::Title),
    ("reps", Abbrev::Title),
    ("messrs", Abbrev::Title),
    ("vs", Abbrev::Title),
    ("v", Abbrev::Title),
    ("e.g", Abbrev::Title),
    ("i.e", Abbrev::Title),
    ("cf", Abbrev::Title),
    ("approx", Abbrev::Title),
    ("est", Abbrev::Title),
    ("jan", Abbrev::BeforeNumber),
    ("feb", Abbrev::BeforeNumber),
    ("mar", Abbrev::BeforeNumber),
    ("apr", Abbrev::BeforeNumber),
    ("jun", Abbrev::BeforeNumber),
    ("jul", Abbrev::BeforeNumber),
    ("aug", Abbrev::BeforeNumber),
    ("sep", Abbrev::BeforeNumber),
    ("sept", Abbrev::BeforeNumber),
    ("oct", Abbrev::BeforeNumber),
    ("nov", Abbrev::BeforeNumber),
    ("dec", Abbrev::BeforeNumber),
    ("no", Abbrev::BeforeNumber),
    ("nos", Abbrev::BeforeNumber),
    ("p", Abbrev::BeforeNumber),
    ("pp", Abbrev::BeforeNumber),
    ("vol", Abbrev::BeforeNumber),
    ("fig", Abbrev::BeforeNumber),
    ("art", Abbrev::BeforeNumber),
    ("sec", Abbrev::BeforeNumber),
    ("ch", Abbrev::BeforeNumber),
    ("inc", Abbrev::Trailing),
    ("corp", Abbrev::Trailing),
    ("co", Abbrev::Trailing),
    ("ltd", Abbrev::Trailing),
    ("llc", Abbrev::Trailing),
    ("plc", Abbrev::Trailing),
    ("bros", Abbrev::Trailing),
    ("jr", Abbrev::Trailing),
    ("sr", Abbrev::Trailing),
    ("etc", Abbrev::Trailing),
    ("al", Abbrev::Trailing),
    ("dept", Abbrev::Trailing),
    ("univ", Abbrev::Trailing),
    ("ave", Abbrev::Trailing),
    ("blvd", Abbrev::Trailing),
    ("rd", Abbrev::Trailing),
];

/// Words that start a new sentence after an initialism such as "U.S." ("… in
/// the U.S. The talks …"); any other capitalised word is taken as part of the
/// same name ("the U.S. Army").
const SENTENCE_STARTERS: &[&str] = &[
    "a", "after", "an", "and", "as", "at", "but", "for", "he", "her", "his", "however", "i", "if",
    "in", "it", "its", "last", "on", "one", "our", "she", "since", "so", "some", "that", "the",
    "their", "there", "these", "they", "this", "those", "to", "we", "when", "while", "yet", "you",
];

/// Last words of a line that show it continues on the next line, so the line
/// is not a headline even without a final period.
const CONTINUATION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "among", "an", "and", "are", "as", "at", "before", "between",
    "but", "by", "during", "for", "from", "had", "has", "have", "her", "his", "in", "into", "is",
    "its", "of", "on", "or", "our", "over", "per", "said", "since", "than", "that", "the", "their",
    "these", "this", "those", "through", "to", "under", "until", "via", "was", "were", "which",
    "who", "will", "with", "would",
];

/// Longest line (in bytes, in words) that can be a headline without a final
/// period. Headlines followed by a blank line need no rule; this one is for a
/// title or dateline directly above the body, and must stay short so that the
/// first line of a hard-wrapped paragraph is not taken for one.
const MAX_HEADLINE_LEN: usize = 120;
const MAX_HEADLINE_WORDS: usize = 8;

/// Marks that end a clause inside a sentence, with how many bytes of the mark
/// the next clause skips (a connective word such as "but" starts the next clause).
const CLAUSE_MARKS: &[(&str, usize)] = &[
    (";", 1),
    (": ", 2),
    (" — ", " — ".len()),
    (" – ", " – ".len()),
    (" -- ", 4),
    (" - ", 3),
    (", but ", 2),
    (", although ", 2),
    (", though ", 2),
    (", even though ", 2),
    (", while ", 2),
    (", whereas ", 2),
    (", however", 2),
    (", yet ", 2),
    (", despite ", 2),
];

/// A sentence longer than this many bytes is cut at the next white space
/// (text with no sentence punctuation: lists, tables, scraped pages), and at
/// any character boundary past `MAX_SENTENCE_HARD`, so every per-sentence
/// cost downstream stays bounded.
const MAX_SENTENCE_LEN: usize = 2_000;
const MAX_SENTENCE_HARD: usize = 8 * MAX_SENTENCE_LEN;

/// Bytes per block of the character-count table behind [`TextIndex::line_col`].
const CHAR_BLOCK: usize = 256;

/// Line starts, character counts and sentence spans of one document text.
#[derive(Debug, Clone)]
pub struct TextIndex {
    line_starts: Vec<usize>,
    /// Characters before each `CHAR_BLOCK`-byte block, built on the first
    /// column asked for on a line longer than `SHORT_LINE`, so a column costs
    /// at most one block of counting however long the line.
    chars_before_block: OnceLock<Vec<usize>>,
    sentences: Vec<Span>,
}

/// Columns on lines up to this many bytes are counted directly.
const SHORT_LINE: usize = 4 * CHAR_BLOCK;

impl TextIndex {
    pub fn new(text: &str) -> Self {
        Self::with_body(text, 0)
    }

    /// Like [`TextIndex::new`], but sentences start at `body_start`: the
    /// front matter before it belongs to no sentence, so its words never leak
    /// into the first sentence of the article.
    pub fn with_body(text: &str, body_start: usize) -> Self {
        let bytes = text.as_bytes();
        let body_start = (0..=body_start.min(text.len()))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let mut line_starts = Vec::with_capacity(bytes.len() / 64 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        TextIndex {
            line_starts,
            chars_before_block: OnceLock::new(),
            sentences: sentences(&text[body_start..])
                .into_iter()
                .map(|s| Span::new(s.start + body_start, s.end + body_start))
                .collect(),
        }
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let col = if offset - start <= SHORT_LINE {
            text.as_bytes().get(start..offset).map_or(0, char_starts)
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        (line, col + 1)
    }

    /// Number of characters that start before byte `offset`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let table = self.chars_before_block.get_or_init(|| {
            let mut table = Vec::with_capacity(text.len() / CHAR_BLOCK + 2);
            let mut count = 0;
            for block in text.as_bytes().chunks(CHAR_BLOCK) {
                table.push(count);
                count += char_starts(block);
            }
            table.push(count);
            table
        });
        let block = offset / CHAR_BLOCK;
        let base = table.get(block).copied().unwrap_or(0);
        let from = block * CHAR_BLOCK;
        base + text.as_bytes().get(from..offset).map_or(0, char_starts)
    }

    /// The sentence containing `offset` (an empty span at `offset` when none does).
    pub fn sentence_at(&self, offset: usize) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= offset)
            .unwrap_or(Span::new(offset, offset))
    }

    /// The clause containing `offset`: the part of its sentence between the
    /// nearest clause marks (";", ":", a spaced dash, ", but", ", while", …).
    /// An empty span at `offset` when no sentence contains it.
    pub fn clause_at(&self, text: &str, offset: usize) -> Span {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let sentence = self.sentence_at(offset);
        if sentence.is_empty() {
            return sentence;
        }
        clause_in(text, sentence, offset)
    }

    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }
}

/// Number of UTF-8 character starts in a byte slice.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// The clause of `sentence` that contains `offset`: scans back to the
/// nearest clause mark before it and forward to the nearest one after it, so
/// the cost is the clause's length, not the sentence's.
fn clause_in(text: &str, sentence: Span, offset: usize) -> Span {
    let Some(s) = text.get(sentence.start..sentence.end) else {
        return sentence;
    };
    let bytes = s.as_bytes();
    let rel = offset.saturating_sub(sentence.start).min(s.len());
    let is_candidate = |b: u8| matches!(b, b';' | b':' | b' ' | b',');
    let mut start = 0;
    for i in (0..rel).rev() {
        if !is_candidate(bytes[i]) {
            continue;
        }
        if let Some((mark, skip)) = clause_mark_at(s, i)
            && i + mark <= rel
        {
            start = i + skip;
            break;
        }
    }
    let end = (rel..s.len())
        .find(|&i| is_candidate(bytes[i]) && clause_mark_at(s, i).is_some())
        .unwrap_or(s.len());
    let clause = s.get(start..end).unwrap_or(s);
    let lead = clause.len() - clause.trim_start().len();
    let trail = clause.len() - clause.trim_end().len();
    if lead + trail >= clause.len() {
        return sentence;
    }
    Span::new(sentence.start + start + lead, sentence.start + end - trail)
}

/// The clause mark starting at byte `i` of `s`: (its length, bytes the next clause skips).
fn clause_mark_at(s: &str, i: usize) -> Option<(usize, usize)> {
    let rest = s.get(i..)?;
    for &(mark, skip) in CLAUSE_MARKS {
        let Some(head) = rest.get(..mark.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(mark) {
            continue;
        }
        // "10:30", "3:1": a colon between digits is not a clause mark.
        if mark.starts_with(':') {
            let before = s.as_bytes().get(i.wrapping_sub(1));
            if before.is_some_and(u8::is_ascii_digit) {
                continue;
            }
        }
        // ", however" must end the word ("however," / "however ").
        if mark == ", however" {
            let next = rest.as_bytes().get(mark.len());
            if next.is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
        }
        return Some((mark.len(), skip));
    }
    None
}

/// Splits text into sentence spans (trimmed of surrounding white space).
///
/// Linear in the text length: one forward pass; each decision looks at most
/// a word back and a few bytes ahead.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 100 + 1);
    let mut start = 0;
    let mut line_start = 0;
    let mut i = 0;
    // The next "!" or "?" at or after `i` (rare in news): found once and
    // kept until passed, so the search stays linear.
    let mut next_bang = 0;
    loop {
        // Only a few bytes can end a sentence: jump to the next one.
        if next_bang < i {
            next_bang = find_from(bytes, i, |rest| memchr::memchr2(b'!', b'?', rest));
        }
        let next =
            find_from(bytes, i, |rest| memchr::memchr3(b'.', b'\n', 0xE2, rest)).min(next_bang);
        while next - start > MAX_SENTENCE_LEN {
            let Some(cut) = forced_cut(text, start, next) else {
                break;
            };
            push_trimmed(text, start, cut, &mut out);
            start = cut;
        }
        i = next;
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let boundary = match b {
            b'\n' => {
                let next_line = i + 1;
                let cut =
                    line_break_end(bytes, i).is_some() || is_headline(text, start, line_start, i);
                line_start = next_line;
                cut.then_some(next_line)
            }
            b'.' | b'!' | b'?' => terminal_end(text, i),
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6) => {
                // "…" (U+2026)
                terminal_end(text, i + 2)
            }
            _ => None,
        };
        if let Some(end) = boundary {
            push_trimmed(text, start, end, &mut out);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

/// Offset of the first match of `find` in `bytes[i..]`, or the text length.
/// The bytes that may end a sentence are newline, `.`, `!`, `?`, and the
/// lead byte of "…".
fn find_from(bytes: &[u8], i: usize, find: impl Fn(&[u8]) -> Option<usize>) -> usize {
    bytes.get(i..).and_then(find).map_or(bytes.len(), |p| i + p)
}

/// Where to cut an over-long run `start..next` with no sentence end: the
/// first white space past `MAX_SENTENCE_LEN`, or any character boundary past
/// `MAX_SENTENCE_HARD`.
fn forced_cut(text: &str, start: usize, next: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let from = start + MAX_SENTENCE_LEN + 1;
    // White space is looked for only up to the hard limit, so a long run
    // without any costs one bounded search per cut, not one to its end.
    let hard = start + MAX_SENTENCE_HARD + 1;
    let soft = bytes
        .get(from..next.min(hard))?
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b'\r'))
        .map(|p| from + p);
    if soft.is_some() {
        return soft;
    }
    (hard..next).find(|&c| text.is_char_boundary(c))
}

/// When the newline at `i` starts a blank line (a paragraph break), the
/// offset after the blank line's white space.
fn line_break_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while let Some(&c) = bytes.get(j) {
        match c {
            b'\n' => return Some(j),
            b' ' | b'\t' | b'\r' => j += 1,
            _ => return None,
        }
    }
    None
}

/// A line without final punctuation that stands alone: it starts a sentence,
/// is short, does not end in a word that carries on, and the next line starts
/// with a capital, a digit or a quote ("Sunday, September 24, 2017",
/// a title line above the body).
fn is_headline(text: &str, sentence_start: usize, line_start: usize, newline: usize) -> bool {
    // The line must start a sentence: nothing but white space between the
    // end of the last sentence and the start of this line.
    if sentence_start > line_start
        || !text
            .get(sentence_start..line_start)
            .is_some_and(|gap| gap.trim().is_empty())
    {
        return false;
    }
    let Some(line) = text.get(line_start..newline) else {
        return false;
    };
    let line = line.trim_end();
    if line.is_empty()
        || line.len() > MAX_HEADLINE_LEN
        || line.split_whitespace().nth(MAX_HEADLINE_WORDS).is_some()
    {
        return false;
    }
    if line.ends_with([',', ';', ':', '-', '(', '—', '–']) {
        return false;
    }
    // "the agency, led by": a comma before a lower-case word is prose.
    if line
        .split(", ")
        .skip(1)
        .any(|after| after.starts_with(|c: char| c.is_lowercase()))
    {
        return false;
    }
    let last_word = line
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if CONTINUATION_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last_word))
    {
        return false;
    }
    let next = text[newline + 1..].trim_start();
    next.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_opening_quote(c))
}

/// If the terminal mark ending at byte `i` ends a sentence, the offset where
/// the sentence ends (after any closing quotes or brackets).
fn terminal_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mark = bytes[i];
    let mut end = i + 1;
    // Runs of marks ("?!", "...") end at the last one.
    if bytes
        .get(end)
        .is_some_and(|c| matches!(c, b'.' | b'!' | b'?'))
    {
        return None;
    }
    let after_closers = skip_closers(text, end);
    let closed = after_closers > end;
    end = after_closers;
    let rest = &text[end..];
    let Some(next) = rest.chars().next() else {
        return Some(end);
    };
    if next.is_whitespace() {
        let following = rest.trim_start();
        if mark == b'.' && !closed && !period_ends_sentence(text, i, following) {
            return None;
        }
        // A sentence goes on in lower case after "?" or "!" inside quotes
        // ("“Why?” he asked").
        if mark != b'.' && closed && following.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        return Some(end);
    }
    // Glued sentences: "Kigali.He said", "ever.”During".
    if mark == b'.' && (next.is_uppercase() || is_opening_quote(next)) {
        if closed || glued_break(text, i, rest) {
            return Some(end);
        }
    } else if mark != b'.' && next.is_uppercase() {
        return Some(end);
    }
    None
}

/// Skips closing quotes and brackets from `from`.
fn skip_closers(text: &str, from: usize) -> usize {
    let mut end = from;
    for c in text[from..].chars() {
        if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '\'')
}

/// The word before the period at `dot` (letters and inner periods, at most 16 bytes).
fn word_before(text: &str, dot: usize) -> &str {
    let bytes = text.as_bytes();
    let mut s = dot;
    while s > 0 && dot - s < 16 {
        let c = bytes[s - 1];
        if c.is_ascii_alphanumeric() || c == b'.' {
            s -= 1;
        } else {
            break;
        }
    }
    &text[s..dot]
}

/// Whether the period at `dot`, followed by white space and then `following`,
/// ends a sentence (abbreviations, initials and initialisms decide).
fn period_ends_sentence(text: &str, dot: usize, following: &str) -> bool {
    let word = word_before(text, dot);
    let next_word: &str = following
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let next_upper = following.starts_with(|c: char| c.is_uppercase() || is_opening_quote(c));
    let next_digit = following.starts_with(|c: char| c.is_ascii_digit());
    if following.is_empty() {
        return true;
    }
    // An ellipsis ("Wait... What") ends a sentence before a capital.
    if text[..dot].ends_with("..") {
        return next_upper;
    }
    if let Some(kind) = abbreviation(word) {
        return match kind {
            Abbrev::Title => false,
            Abbrev::BeforeNumber => !next_digit && next_upper,
            Abbrev::Trailing => next_upper,
        };
    }
    // A single capital ("John F. Kennedy") is an initial.
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return false;
    }
    // A clock time ("10 p.m.") goes on with a day, a month or a time zone
    // ("10 p.m. Sunday", "10 p.m. EST"); any other capitalised word starts
    // a sentence ("shortly before 10 p.m. Once on scene, …").
    if word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m") {
        return next_upper && !continues_clock_time(next_word);
    }
    // Initialisms with inner periods ("U.S.", "U.N."): a break only before a
    // word that typically starts a sentence.
    if word.contains('.') && word.bytes().any(|b| b.is_ascii_alphabetic()) {
        return SENTENCE_STARTERS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(next_word))
            && next_upper;
    }
    // Lower-case continuation after a period is usually an abbreviation we do
    // not know ("approx. three"), not a new sentence.
    !following.starts_with(|c: char| c.is_lowercase())
}

/// Time zones named after a clock time that the extractor's time-of-day
/// words ([`crate::extract::lexicon::TIME_OF_DAY`]: "EST", "GMT") lack.
const TIME_ZONE_NAMES: &[&str] = &[
    "eastern", "central", "mountain", "pacific", "cst", "cdt", "mst", "mdt", "ct", "mt", "pt",
    "akst", "hst",
];

/// True when a capitalised word after a clock time continues it: a
/// weekday, a month or a time zone.
fn continues_clock_time(word: &str) -> bool {
    use crate::extract::calendar::{Lex, lookup};
    let lower = word.to_lowercase();
    matches!(
        lookup(lower.as_bytes()),
        Some(Lex::Weekday(_) | Lex::Month { .. })
    ) || crate::extract::lexicon::TIME_OF_DAY.contains(&lower.as_str())
        || TIME_ZONE_NAMES.contains(&lower.as_str())
}

fn abbreviation(word: &str) -> Option<Abbrev> {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    if word.len() > 8 {
        return None;
    }
    let index = INDEX.get_or_init(|| WordIndex::new(ABBREVIATIONS.iter().map(|(w, _)| *w)));
    ABBREVIATIONS
        .get(index.first(word.as_bytes())?)
        .map(|&(_, k)| k)
}

/// A period glued to the next sentence ("Kigali.He"): the word before is a
/// real word (at least two letters, ending in lower case, not an
/// abbreviation) and the next word is capitalised and goes on in lower case,
/// which rules out initialisms ("U.S.A"), domains and file names.
fn glued_break(text: &str, dot: usize, rest: &str) -> bool {
    let word = word_before(text, dot);
    if word.len() < 2 || word.contains('.') || abbreviation(word).is_some() {
        return false;
    }
    if !word.as_bytes()[word.len() - 1].is_ascii_lowercase() {
        return false;
    }
    let rest = rest.trim_start_matches(is_opening_quote);
    let mut chars = rest.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase()
    ) || rest.starts_with(|c: char| c.is_uppercase()) && rest.len() == 1
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentence_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("Is it? Yes! Fine.", &["Is it?", "Yes!", "Fine."]),
            (
                "Mr. Smith met Dr. Jones. They spoke.",
                &["Mr. Smith met Dr. Jones.", "They spoke."],
            ),
            (
                "Gen. Kagame spoke at St. Mary's hall.",
                &["Gen. Kagame spoke at St. Mary's hall."],
            ),
            (
                "The U.S. Army left. The talks ended.",
                &["The U.S. Army left.", "The talks ended."],
            ),
            (
                "Aid came from the U.S. The talks ended.",
                &["Aid came from the U.S.", "The talks ended."],
            ),
            (
                "It rose 3.5 percent in Sept. 2017 to $1.2 billion.",
                &["It rose 3.5 percent in Sept. 2017 to $1.2 billion."],
            ),
            (
                "He arrived on Feb. 6 and left Jan. 9. Then he flew.",
                &["He arrived on Feb. 6 and left Jan. 9.", "Then he flew."],
            ),
            // A clock time goes on with a day or a zone, not with a new subject.
            (
                "Police came shortly before 10 p.m. Once on scene they found him.",
                &[
                    "Police came shortly before 10 p.m.",
                    "Once on scene they found him.",
                ],
            ),
            (
                "It began at 10 p.m. Sunday and ended at 4 a.m. EST on Monday.",
                &["It began at 10 p.m. Sunday and ended at 4 a.m. EST on Monday."],
            ),
            (
                "Shots rang out at 9 p.m. in the park.",
                &["Shots rang out at 9 p.m. in the park."],
            ),
            (
                "Resolution No. 12 passed. It was close.",
                &["Resolution No. 12 passed.", "It was close."],
            ),
            (
                "Shares of Acme Inc. rose. Acme Inc. The end.",
                &["Shares of Acme Inc. rose.", "Acme Inc.", "The end."],
            ),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            (
                "He met the minister in Kigali.He also met aides.",
                &["He met the minister in Kigali.", "He also met aides."],
            ),
            (
                "“It is the best ever.”During the visit he smiled.",
                &["“It is the best ever.”", "During the visit he smiled."],
            ),
            (
                "\"We agree,\" he said. \"We do.\" She nodded.",
                &["\"We agree,\" he said.", "\"We do.\"", "She nodded."],
            ),
            (
                "“Why now?” he asked. Nobody knew.",
                &["“Why now?” he asked.", "Nobody knew."],
            ),
            (
                "Visit example.com today. Or mail a@b.org now.",
                &["Visit example.com today.", "Or mail a@b.org now."],
            ),
            (
                "Wait... What happened? Nothing.",
                &["Wait...", "What happened?", "Nothing."],
            ),
            (
                "First paragraph without end\n\nSecond paragraph.",
                &["First paragraph without end", "Second paragraph."],
            ),
            (
                "Minister visits Georgia\n\nHe arrived on Thursday.",
                &["Minister visits Georgia", "He arrived on Thursday."],
            ),
            (
                "Sunday, September 24, 2017\nRussian minister to visit\nThe minister will come.",
                &[
                    "Sunday, September 24, 2017",
                    "Russian minister to visit",
                    "The minister will come.",
                ],
            ),
            (
                "The report said the\nGovernment had agreed.",
                &["The report said the\nGovernment had agreed."],
            ),
            (
                "It sold arms worth\nmillions to the army.",
                &["It sold arms worth\nmillions to the army."],
            ),
            (
                "The trade is small. The Peace Research\nInstitute put it at $1 million.",
                &[
                    "The trade is small.",
                    "The Peace Research\nInstitute put it at $1 million.",
                ],
            ),
            (
                "Officials from the agency, led by the Defense\nMinistry's chief, arrived.",
                &["Officials from the agency, led by the Defense\nMinistry's chief, arrived."],
            ),
            (
                "Migrants crossed from Egypt between\n2006-2012, officials said.",
                &["Migrants crossed from Egypt between\n2006-2012, officials said."],
            ),
            (
                "Editor's choice\nNews\nA story begins here.",
                &["Editor's choice", "News", "A story begins here."],
            ),
            (
                "Line one ends.\r\n\r\nLine two ends.",
                &["Line one ends.", "Line two ends."],
            ),
            ("", &[]),
            ("   \n\n  ", &[]),
            ("No period at all", &["No period at all"]),
        ];
        for &(text, want) in cases {
            assert_eq!(split(text), want, "{text:?}");
        }
    }

    #[test]
    fn sentences_never_panic_on_odd_bytes() {
        for text in [
            ".",
            "..",
            "…",
            "a…B",
            ".”",
            "“.",
            "\n",
            "é.É",
            "x.\u{a0}Y",
            "?”",
            "Mr.",
            "U.S.",
            "1.",
            ".1",
            "a.”",
            "\u{2026}\u{2026}",
        ] {
            for s in sentences(text) {
                assert!(text.get(s.start..s.end).is_some(), "{text:?} {s:?}");
            }
        }
    }

    #[test]
    fn every_offset_has_a_valid_clause_and_position() {
        let texts = [
            "He said: “Yes; no — maybe.” Then, but then… 10:30; é.É",
            "a; b: c — d – e - f, but g, while h, however i.\n\nJ.",
            ";;;:::, but , but",
            "\u{a0}. \u{2026}”. ;",
        ];
        for text in texts {
            let index = TextIndex::new(text);
            for offset in 0..=text.len() {
                let c = index.clause_at(text, offset);
                assert!(
                    text.get(c.start..c.end).is_some(),
                    "{text:?} @{offset}: {c:?}"
                );
                let s = index.sentence_at(offset);
                assert!(
                    c.is_empty() || (s.start <= c.start && c.end <= s.end),
                    "{text:?}"
                );
                let (line, col) = index.line_col(text, offset);
                assert!(line >= 1 && col >= 1);
            }
        }
    }

    #[test]
    fn clause_cases() {
        // (sentence, a word inside the wanted clause, the clause)
        let cases: &[(&str, &str, &str)] = &[
            (
                "Exports fell; imports rose by 5%.",
                "5%",
                "imports rose by 5%.",
            ),
            ("Exports fell; imports rose by 5%.", "fell", "Exports fell"),
            (
                "In 2013 it sold $13 million of arms, but no sales followed.",
                "$13",
                "In 2013 it sold $13 million of arms",
            ),
            (
                "In 2013 it sold $13 million of arms, but no sales followed.",
                "sales",
                "but no sales followed.",
            ),
            (
                "Sales grew 10%, while exports fell 3%.",
                "3%",
                "while exports fell 3%.",
            ),
            (
                "The deal — worth $5 billion — was signed.",
                "$5",
                "worth $5 billion",
            ),
            (
                "He said: the meeting starts at 10:30 today.",
                "10:30",
                "the meeting starts at 10:30 today.",
            ),
            (
                "Last year it rose, however the gain was small.",
                "gain",
                "however the gain was small.",
            ),
            (
                "It rose 40 percent, although costs grew.",
                "40",
                "It rose 40 percent",
            ),
            (
                "The howevering word, howeverish, stays.",
                "stays",
                "The howevering word, howeverish, stays.",
            ),
            ("No marks here at all.", "marks", "No marks here at all."),
        ];
        for &(text, word, want) in cases {
            let index = TextIndex::new(text);
            let at = text.find(word).unwrap();
            let span = index.clause_at(text, at);
            assert_eq!(&text[span.start..span.end], want, "{text:?} at {word:?}");
        }
    }

    #[test]
    fn long_runs_without_punctuation_are_cut() {
        let words = "word ".repeat(2_000);
        let cuts = sentences(&words);
        assert!(cuts.len() >= 4, "{}", cuts.len());
        assert!(
            cuts.iter()
                .all(|s| s.len() <= MAX_SENTENCE_LEN + "word ".len())
        );
        let digits = "7".repeat(100_000);
        let cuts = sentences(&digits);
        assert!(cuts.iter().all(|s| s.len() <= MAX_SENTENCE_HARD + 1));
        assert_eq!(cuts.iter().map(Span::len).sum::<usize>(), digits.len());
        let wide = "é".repeat(20_000);
        for s in sentences(&wide) {
            assert!(wide.get(s.start..s.end).is_some());
        }
        // White space only past the hard limit: the cut is at the limit.
        let late_space = format!("{} tail", "$".repeat(3 * MAX_SENTENCE_HARD));
        let cuts = sentences(&late_space);
        assert_eq!(cuts.first().map(Span::len), Some(MAX_SENTENCE_HARD + 1));
        assert!(cuts.iter().all(|s| s.len() <= MAX_SENTENCE_HARD + 1));
    }

    #[test]
    fn clause_outside_any_sentence_is_empty() {
        let text = "One.   ";
        let index = TextIndex::new(text);
        assert!(index.clause_at(text, 6).is_empty());
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\n“é” x\n\nlast";
        let index = TextIndex::new(text);
        let cases: &[(&str, (usize, usize))] = &[
            ("ab", (1, 1)),
            ("“", (2, 1)),
            ("x", (2, 5)),
            ("last", (4, 1)),
        ];
        for &(needle, want) in cases {
            let at = text.find(needle).unwrap();
            assert_eq!(index.line_col(text, at), want, "{needle}");
        }
        assert_eq!(index.line_col(text, text.len() + 10), (4, 5));
    }

    #[test]
    fn line_col_on_long_lines_matches_naive_count() {
        let text = "é".repeat(700) + "x" + &"ab".repeat(300) + "\n" + &"ü".repeat(400) + "y";
        let index = TextIndex::new(&text);
        for needle in ["x", "y"] {
            let at = text.find(needle).unwrap();
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let want_col = text[line_start..at].chars().count() + 1;
            assert_eq!(index.line_col(&text, at).1, want_col, "{needle}");
        }
    }

    #[test]
    fn sentence_at_finds_the_containing_sentence() {
        let text = "One two. Three four.";
        let index = TextIndex::new(text);
        let s = index.sentence_at(text.find("four").unwrap());
        assert_eq!(&text[s.start..s.end], "Three four.");
        let s = index.sentence_at(0);
        assert_eq!(&text[s.start..s.end], "One two.");
        assert!(
            index.sentence_at(8).is_empty(),
            "the space between sentences"
        );
    }

    #[test]
    fn front_matter_belongs_to_no_sentence() {
        let text =
            "---\ntitle: Two ministers meet\n---\nThe talks lasted two days. They ended well.";
        let body = text.find("The talks").unwrap();
        let index = TextIndex::with_body(text, body);
        let got: Vec<&str> = index
            .sentences()
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got, ["The talks lasted two days.", "They ended well."]);
        assert!(
            index.sentence_at(5).is_empty(),
            "the title is in no sentence"
        );
        // A body start inside a multi-byte character is moved back to its start.
        let text = "é. Next one.";
        let index = TextIndex::with_body(text, 1);
        assert_eq!(index.sentences().first().map(|s| s.start), Some(0));
    }
}
