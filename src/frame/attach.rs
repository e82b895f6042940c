//! What a date or a count is about: the event word a date attaches to, and
//! counts that name attackers or arrested people rather than victims.
//!
//! Takes a sentence (or clause) and the claim's byte range in it; returns a
//! [`Dated`] for dates and a yes/no for counts. The rules are structural,
//! not distances: in English news a date follows its own verb ("was killed
//! Tuesday", "arraigned Tuesday"), precedes an event noun it modifies ("the
//! Saturday night shooting", "Sunday's shooting"), or, fronted ("On Monday,
//! a boy was wounded"), dates the verb of its clause. The word tables are in
//! [`super::lexicon`].

use super::lexicon::{
    AGENT_REACH, ARREST_REACH, CHARGE_REACH, FRONTED_REACH, INCIDENT, Lexicon, REPORT_REACH,
};
use super::words::{Word, words};

/// Modifier words allowed between a date and the event noun it modifies.
const MAX_MODIFIERS: usize = 2;

/// Auxiliaries between a weapon and its discharge ("the gun was
/// discharged"); adverbs in "-ly" pass too.
const WEAPON_FILLERS: &[&str] = &["was", "were", "is", "had", "has", "been", "then"];

/// The event a date claim dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dated {
    /// An event word: its verb class ("killed", "transfer") and its byte
    /// offset in the text searched.
    Event { class: String, at: usize },
    /// A follow-up (arrest, court, reopening), a report ("said Monday"), or
    /// the cutoff of a running tally ("As of May 9"): not an incident day.
    FollowUp,
    /// No predicate word in reach decides.
    Unknown,
}

/// What one word of the text says about the event.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role<'l> {
    Event(&'l str),
    FollowUp,
    Other,
}

/// The words of a text around a claim at `start..end`.
struct Scan<'t, 'l> {
    text: &'t str,
    ws: Vec<Word<'t>>,
    start: usize,
    end: usize,
    lex: &'l Lexicon,
}

impl<'t, 'l> Scan<'t, 'l> {
    fn new(text: &'t str, start: usize, end: usize, lex: &'l Lexicon) -> Self {
        Scan {
            text,
            ws: words(text),
            start,
            end: end.max(start),
            lex,
        }
    }

    fn lower(&self, k: usize) -> String {
        self.ws
            .get(k)
            .map(|w| w.text.to_lowercase())
            .unwrap_or_default()
    }

    /// Word `n` places before word `k`, lower case ("" past the start).
    fn before(&self, k: usize, n: usize) -> String {
        k.checked_sub(n).map(|j| self.lower(j)).unwrap_or_default()
    }

    /// Word `n` places after word `k`, lower case ("" past the end).
    fn after(&self, k: usize, n: usize) -> String {
        self.lower(k + n)
    }

    /// Indices of the words before the claim, and of the first word after it.
    fn around(&self) -> (Vec<usize>, usize) {
        let before = (0..self.ws.len())
            .filter(|&k| self.ws[k].end <= self.start)
            .collect();
        let after = self
            .ws
            .iter()
            .position(|w| w.start >= self.end)
            .unwrap_or(self.ws.len());
        (before, after)
    }

    /// The next word after `k` outside the claim.
    fn next_outside(&self, k: usize) -> Option<usize> {
        (k + 1..self.ws.len()).find(|&j| {
            let w = &self.ws[j];
            w.end <= self.start || w.start >= self.end
        })
    }

    /// The role of word `k`: a follow-up word, an event word (an event noun
    /// naming a charge is a follow-up), or neither.
    fn role(&self, k: usize) -> Role<'l> {
        let lower = self.lower(k);
        if let Some(role) = self.phrase_role(k, &lower) {
            return role;
        }
        if self.lex.follow_up_verbs.contains(&lower) {
            // "Hunting Park", "the Smith Funeral Home": a place's name;
            // "he wanted to report three murders": a wish, not a manhunt.
            let wish = matches!(lower.as_str(), "wanted" | "looking") && self.after(k, 1) == "to";
            // "was hunting with his cousin": a pastime, not a manhunt.
            let pastime = lower == "hunting" && self.after(k, 1) == "with";
            return if self.in_name(k) || wish || pastime {
                Role::Other
            } else {
                Role::FollowUp
            };
        }
        let Some(class) = self.lex.verb_class(&lower) else {
            return Role::Other;
        };
        if self.lex.event_nouns.contains(&lower) && self.is_charge(k) {
            return Role::FollowUp;
        }
        Role::Event(class)
    }

    /// True when word `k` is capitalised inside the text, next to another
    /// capitalised word: part of a name.
    fn in_name(&self, k: usize) -> bool {
        let capital = |j: usize| self.ws.get(j).is_some_and(|w| w.is_capitalised());
        k > 0 && capital(k) && (capital(k - 1) || capital(k + 1))
    }

    /// True when word `k` has a weapon for its subject: the weapon noun
    /// right before it, past at most [`MAX_MODIFIERS`] auxiliaries and
    /// adverbs ("the gun discharged", "a gun was accidentally discharged"),
    /// and no "from" after it ("discharged from the hospital").
    fn after_weapon(&self, k: usize) -> bool {
        if self
            .next_outside(k)
            .is_some_and(|j| self.lower(j) == "from")
        {
            return false;
        }
        let mut j = k;
        let mut skipped = 0;
        while j > 0 && skipped <= MAX_MODIFIERS {
            j -= 1;
            let w = self.lower(j);
            if self.lex.weapon_nouns.contains(w.trim_end_matches('s')) {
                return true;
            }
            if !(WEAPON_FILLERS.contains(&w.as_str()) || w.ends_with("ly")) {
                return false;
            }
            skipped += 1;
        }
        false
    }

    /// The role word `k` (lower case `lower`) takes from its neighbours,
    /// when they decide it: a gun's discharge, gunfire and wounds are the
    /// incident; "the passing of" a person is a death; "behind bars" is a
    /// follow-up; "the cause of death" and "identified himself as" date
    /// nothing.
    fn phrase_role(&self, k: usize, lower: &str) -> Option<Role<'l>> {
        if (lower.starts_with("discharg") && self.after_weapon(k))
            || self.is_gunfire(k, lower)
            || self.is_hit_by_gunfire(k, lower)
        {
            return Some(Role::Event("shooting"));
        }
        if self.is_wound(k, lower) {
            return Some(Role::Event(INCIDENT));
        }
        match lower {
            "passing" if self.after(k, 1) == "of" => Some(Role::Event("killed")),
            "bars" if self.before(k, 1) == "behind" => Some(Role::FollowUp),
            "death" if self.before(k, 1) == "of" && self.before(k, 2) == "cause" => {
                Some(Role::Other)
            }
            "identified" if self.after(k, 1).ends_with("self") => Some(Role::Other),
            _ => None,
        }
    }

    /// True when word `k` (lower case `lower`) tells a gun fired: "open
    /// fire", "opened fire", "fired at", "fired shots", "fired a gun",
    /// "shots were fired"; not "was fired Tuesday" from a job.
    fn is_gunfire(&self, k: usize, lower: &str) -> bool {
        let lex = self.lex;
        match lower {
            "fire" => matches!(
                self.before(k, 1).as_str(),
                "open" | "opened" | "opening" | "opens"
            ),
            "fired" | "fires" | "firing" => {
                let shot = |w: &str| matches!(w, "shot" | "shots" | "rounds" | "gunshots");
                lex.fire_objects.contains(&self.after(k, 1))
                    || lex
                        .weapon_nouns
                        .contains(self.after(k, 2).trim_end_matches('s'))
                    || self.after(k, 2) == "times"
                    || shot(&self.after(k, 2))
                    || shot(&self.before(k, 1))
                    || shot(&self.before(k, 2))
            }
            _ => false,
        }
    }

    /// True when word `k` (lower case `lower`) tells a wound: "struck in
    /// the head", "hit in the chest".
    fn is_wound(&self, k: usize, lower: &str) -> bool {
        let body_part = |n: usize| self.lex.body_parts.contains(&self.after(k, n));
        matches!(lower, "struck" | "hit")
            && self.after(k, 1) == "in"
            && (body_part(2) || body_part(3))
    }

    /// True when word `k` (lower case `lower`) tells a gunshot wound: "hit
    /// twice by stray bullets", "struck by gunfire"; not "hit by a car".
    fn is_hit_by_gunfire(&self, k: usize, lower: &str) -> bool {
        if !matches!(lower, "struck" | "hit") {
            return false;
        }
        // "by" may follow an adverb ("hit twice by"); the missile may follow
        // a determiner or an adjective ("by a stray bullet").
        let by = (1..=2).find(|&n| self.after(k, n) == "by");
        by.is_some_and(|b| (b + 1..=b + 3).any(|n| self.lex.missiles.contains(&self.after(k, n))))
    }

    /// True when word `k` is an event noun that a preposition and a
    /// determiner make another verb's topic ("in the shooting").
    fn is_topic(&self, k: usize) -> bool {
        let lex = self.lex;
        k >= 2
            && lex.event_nouns.contains(&self.lower(k))
            && lex.determiners.contains(&self.lower(k - 1))
            && lex.topic_prepositions.contains(&self.lower(k - 2))
    }

    /// True when event noun `k` names a charge: "murder charges", or a
    /// charge cue shortly before it with a linker right before the noun
    /// ("charging Doe with murder", "ruled a homicide"). "The killing of a
    /// teen" and "shooting his wife" name the act.
    fn is_charge(&self, k: usize) -> bool {
        let lex = self.lex;
        let next = self.next_outside(k).map(|j| (self.lower(j), j));
        if next.as_ref().is_some_and(|(n, _)| n == "of") {
            return false;
        }
        let is_ing = self.ws.get(k).is_some_and(|w| w.text.ends_with("ing"));
        let with_object = next.as_ref().is_some_and(|(n, j)| {
            lex.object_openers.contains(n) || self.ws.get(*j).is_some_and(Word::is_capitalised)
        });
        if is_ing && with_object {
            return false;
        }
        if next
            .as_ref()
            .is_some_and(|(n, _)| lex.charge_followers.contains(n))
        {
            return true;
        }
        let mut j = k;
        while j > 0 && lex.charge_adjectives.contains(&self.lower(j - 1)) {
            j -= 1;
        }
        // "ruled a homicide": an article links a cue right before it.
        let article = matches!(self.lower(j.wrapping_sub(1)).as_str(), "a" | "an");
        if article && j >= 2 && lex.charge_cues.contains(&self.lower(j - 2)) {
            return true;
        }
        let linked = j > 0 && lex.charge_linkers.contains(&self.lower(j - 1));
        linked
            && (j.saturating_sub(CHARGE_REACH + 1)..j - 1)
                .any(|c| lex.charge_cues.contains(&self.lower(c)))
    }

    /// The incident a report at word `k` tells of before the date at word
    /// `date_word`: an incident reference ("happened", "911") between them.
    fn reported_incident(&self, k: usize, date_word: usize) -> Option<Dated> {
        if !self.lex.attribution_verbs.contains(&self.lower(k)) {
            return None;
        }
        (k + 1..date_word)
            .find(|&j| self.lex.incident_references.contains(&self.lower(j)))
            .map(|j| Dated::Event {
                class: INCIDENT.to_string(),
                at: self.ws[j].start,
            })
    }

    /// True when word `k` is the "911" of "called 911".
    fn calls_911(&self, k: usize) -> bool {
        k > 0 && self.ws[k].text == "911" && self.lex.summon_verbs.contains(&self.lower(k - 1))
    }

    /// True for reporting verbs ("said", "told") further than
    /// [`REPORT_REACH`] words before the date: they do not date it.
    fn distant_report(&self, k: usize, date_word: usize) -> bool {
        self.lex.attribution_verbs.contains(&self.lower(k)) && date_word - k > REPORT_REACH + 1
    }
}

/// The event that the date at `start..end` of `text` dates.
///
/// `text` is the date's clause (or sentence); `opens_sentence` says it
/// starts its sentence, so a date at its head is fronted. The date belongs
/// to the event noun it modifies, else (fronted) to the first event or
/// follow-up word after it, else to the nearest one before it, else to the
/// nearest after.
pub fn dated_event(
    text: &str,
    start: usize,
    end: usize,
    opens_sentence: bool,
    lex: &Lexicon,
) -> Dated {
    if is_cutoff_or_stamp(text, start, lex) {
        return Dated::FollowUp;
    }
    let scan = Scan::new(text, start, end, lex);
    let (before, after) = scan.around();
    if let Some(d) = attributive(&scan, &before) {
        return d;
    }
    if opens_sentence && is_fronted(&scan, &before) {
        return fronted(&scan, after);
    }
    if let Some(d) = nearest_before(&scan, &before) {
        return d;
    }
    for k in after..scan.ws.len() {
        // "… Saturday, police said": a trailing report does not date it.
        if lex.attribution_verbs.contains(&scan.lower(k)) {
            continue;
        }
        match scan.role(k) {
            Role::Event(class) => {
                return Dated::Event {
                    class: class.to_string(),
                    at: scan.ws[k].start,
                };
            }
            Role::FollowUp => return Dated::FollowUp,
            Role::Other => {}
        }
    }
    Dated::Unknown
}

/// True when the date at `start` of `text` is a cutoff of a running tally
/// ("As of May 9") or a page stamp ("Posted:"): it dates no event, and no
/// follow-up either.
pub fn is_cutoff_or_stamp(text: &str, start: usize, lex: &Lexicon) -> bool {
    is_cutoff(text, start, lex) || is_stamp(text, start, lex)
}

/// True when a cutoff cue ("as of", "through") comes right before the date.
fn is_cutoff(text: &str, start: usize, lex: &Lexicon) -> bool {
    let head = text.get(..start).unwrap_or("").trim_end();
    ends_with_cue(head, &lex.cutoff_cues)
}

/// True when the date at `start..end` of `sentence` ends a photo caption
/// in the wire-service style: a full date with its year, then the place
/// and nothing else ("… from a block away Friday, June 17, 2016, in
/// Orlando, Fla."). It dates the photo, not the event the caption names.
pub fn is_caption_date(sentence: &str, start: usize, end: usize) -> bool {
    let has_year = sentence.get(start..end).is_some_and(|d| {
        d.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit))
    });
    let Some(rest) = sentence
        .get(end..)
        .and_then(|r| r.trim_start_matches(',').trim_start().strip_prefix("in "))
    else {
        return false;
    };
    let rest = rest.trim_end().trim_end_matches(['.', ')']);
    let Some((place, region)) = rest.rsplit_once(", ") else {
        return false;
    };
    let capitalised = |s: &str| {
        !s.is_empty()
            && s.split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    has_year && capitalised(place) && capitalised(region) && region.len() <= 6
}

/// Deictic days that, inside a quotation, mean the speaker's day, which
/// the article's publication date does not give ("'Today marks the most
/// deadly shooting,' Obama said" in an article two days later).
const SPEAKER_DAYS: &[&str] = &[
    "today",
    "tonight",
    "yesterday",
    "this morning",
    "this afternoon",
    "this evening",
    "last night",
];

/// True when the date at `start..end` of `sentence` is a deictic day
/// ([`SPEAKER_DAYS`]) inside a quotation.
pub fn is_quoted_speaker_day(sentence: &str, start: usize, end: usize) -> bool {
    let Some(date) = sentence.get(start..end) else {
        return false;
    };
    if !SPEAKER_DAYS.iter().any(|d| date.eq_ignore_ascii_case(d)) {
        return false;
    }
    let head = sentence.get(..start).unwrap_or("");
    let straight = head.matches('"').count() % 2 == 1;
    let curly = head
        .rfind('“')
        .is_some_and(|open| head.rfind('”').is_none_or(|close| close < open));
    straight || curly
}

/// True when a page stamp ("UPDATE (", "Posted:") or an embedded post's
/// signature ("— Jane Doe (@janedoe)") comes right before the date.
fn is_stamp(text: &str, start: usize, lex: &Lexicon) -> bool {
    let head = text.get(..start).unwrap_or("").trim_end();
    let signed = head
        .strip_suffix(')')
        .and_then(|h| h.rsplit_once('('))
        .is_some_and(|(_, handle)| handle.starts_with('@') && !handle.contains(' '));
    let head =
        head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | ':' | '-'));
    signed || ends_with_cue(head, &lex.stamp_cues)
}

/// True when `head` ends with one of the lower-case `cues` as whole words.
fn ends_with_cue(head: &str, cues: &[String]) -> bool {
    let head = head.to_lowercase();
    cues.iter().any(|cue| {
        head.strip_suffix(cue.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// The event noun (or follow-up noun) right after the date, past a
/// possessive and at most [`MAX_MODIFIERS`] modifiers, with nothing but
/// spaces between: "the March 14 shooting", "Monday night's drive-by
/// shooting", "Saturday's vigil". After a determiner any word that does not
/// break the noun phrase is a modifier ("the 2015 barbershop slayings").
fn attributive(scan: &Scan, before: &[usize]) -> Option<Dated> {
    let lex = scan.lex;
    let determined = before
        .last()
        .is_some_and(|&k| lex.determiners.contains(&scan.lower(k)));
    let rest = scan.text.get(scan.end..)?;
    let rest = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let offset = scan.text.len() - rest.len();
    let mut gap_from = 0;
    for (k, w) in words(rest).into_iter().enumerate() {
        let gap = rest.get(gap_from..w.start)?;
        if k > MAX_MODIFIERS || gap.chars().any(|c| !c.is_whitespace()) {
            return None;
        }
        let lower = w.text.to_lowercase();
        if lex.follow_up_verbs.contains(&lower) {
            return Some(Dated::FollowUp);
        }
        if lex.event_nouns.contains(&lower) {
            let class = lex.verb_class(&lower)?;
            return Some(Dated::Event {
                class: class.to_string(),
                at: offset + w.start,
            });
        }
        let modifier = lex.attributive_modifiers.contains(&lower)
            || (determined
                && !lex.phrase_breaks.contains(&lower)
                && lex.verb_class(&lower).is_none());
        if !modifier {
            return None;
        }
        gap_from = w.end;
    }
    None
}

/// True when only lead-in words ("On", "Around 6:30 p.m.") precede the date
/// in its text.
fn is_fronted(scan: &Scan, before: &[usize]) -> bool {
    before.iter().all(|&k| {
        let lower = scan.lower(k);
        scan.lex.date_lead_ins.contains(&lower) || lower.chars().any(|c| c.is_ascii_digit())
    })
}

/// A fronted date dates its clause's verb: the first event or follow-up
/// word after it. The search passes through a clause that describes the
/// time ("when he was shot") and skips an adverbial one that ends at a
/// comma ("just before midnight,"); any other subordinate clause ends it:
/// no event ("On Wednesday, there was speculation that the shooting …").
fn fronted(scan: &Scan, from: usize) -> Dated {
    let lex = scan.lex;
    let mut k = from;
    let mut seen = 0;
    let mut responded: Option<usize> = None;
    let mut responders = false;
    // Responders' answer (the word at `r`) is the incident's.
    let response = |r: usize| Dated::Event {
        class: INCIDENT.to_string(),
        at: scan.ws[r].start,
    };
    while k < scan.ws.len() && seen < FRONTED_REACH {
        let lower = scan.lower(k);
        if lex.response_verbs.contains(&lower) || lex.summon_verbs.contains(&lower) {
            responded = responded.or(Some(k));
        }
        responders |= lex.responders.contains(&lower);
        if lex.subordinators.contains(&lower) && !lex.time_clause_openers.contains(&lower) {
            // "Late Sunday, the girl was rushed to a hospital after a man
            // opened fire": the response is the incident's.
            if let Some(r) = responded {
                return response(r);
            }
            let resume = (!lex.complement_openers.contains(&lower))
                .then(|| comma_after(scan, k))
                .flatten();
            match resume {
                Some(next) => {
                    k = next;
                    continue;
                }
                None => return Dated::FollowUp,
            }
        }
        match scan.role(k) {
            // "Late Monday the other side of the story began emerging in
            // the shooting": the date is the emerging's. Responders'
            // arrival is the incident's ("officers responded to a
            // shooting call").
            Role::Event(_) if scan.is_topic(k) && responded.is_none() => return Dated::Unknown,
            Role::Event(class) => {
                return Dated::Event {
                    class: class.to_string(),
                    at: scan.ws[k].start,
                };
            }
            // "officers responded to the block for the report of a
            // shooting": what they answered, not a later report.
            Role::FollowUp => return responded.map_or(Dated::FollowUp, response),
            Role::Other => {}
        }
        // Names and numbers ("at 16th Street SE, near Good Hope Road")
        // say where, not what: they do not use up the reach.
        let word = scan.ws[k];
        if !(word.is_capitalised() || word.text.chars().any(|c| c.is_ascii_digit())) {
            seen += 1;
        }
        k += 1;
    }
    // "On Oct. 27 at around 2:45 a.m., officers responded to the 6800
    // block of Walker Mill Road …": responders answering date the incident.
    match responded {
        Some(r) if responders => response(r),
        _ => Dated::Unknown,
    }
}

/// The first word after the next comma following word `k`.
fn comma_after(scan: &Scan, k: usize) -> Option<usize> {
    let from = scan.ws.get(k)?.end;
    let comma = from + scan.text.get(from..)?.find(',')?;
    scan.ws.iter().position(|w| w.start > comma)
}

/// The nearest event or follow-up word before the date. Among the event
/// words back to the previous follow-up, an outcome beats a manner verb
/// ("fatally shot himself Sunday" is a death); a distant report is skipped.
fn nearest_before(scan: &Scan, before: &[usize]) -> Option<Dated> {
    let lex = scan.lex;
    let mut chosen: Option<(&str, usize)> = None;
    let date_word = before.last().map_or(0, |&k| k + 1);
    for &k in before.iter().rev() {
        // "a man who was arrested last year called 911 Thursday": the
        // call tells of the incident, whatever follow-up came before.
        if chosen.is_none() && scan.calls_911(k) {
            break;
        }
        let role = match scan.role(k) {
            Role::FollowUp if scan.distant_report(k, date_word) => Role::Other,
            r => r,
        };
        match role {
            // "Police said it happened Saturday", "said police got a 911
            // call Saturday": the report tells of the incident after it.
            Role::FollowUp if chosen.is_none() => {
                return Some(
                    scan.reported_incident(k, date_word)
                        .unwrap_or(Dated::FollowUp),
                );
            }
            Role::FollowUp => break,
            Role::Event(class) => match chosen {
                None => chosen = Some((class, scan.ws[k].start)),
                // "was killed after being shot Sunday": the outcome, not
                // the manner; "Buy Photo … were shot Sunday" stays a
                // shooting.
                Some((current, _))
                    if lex.manner_verbs.contains(current)
                        && !lex.manner_verbs.contains(class)
                        && lex.is_momentary(class) =>
                {
                    chosen = Some((class, scan.ws[k].start));
                }
                Some(_) => {}
            },
            Role::Other => {}
        }
    }
    chosen.map(|(class, at)| Dated::Event {
        class: class.to_string(),
        at,
    })
}

/// True when the count at `start..end` of `clause` counts attackers or
/// arrested people, not victims. Only counts of people qualify: their noun
/// names suspects ("two gunmen"), the number is a compound modifier
/// ("two-person squads"), an arrest cue governs them ("arrested two men",
/// "two men were detained", "two men in custody"), or they are the subject
/// of an attacker's verb ("three men went into a home and fired"). The
/// object of an event verb ("killed four classmates") is a victim.
pub fn counts_no_victims(clause: &str, start: usize, end: usize, lex: &Lexicon) -> bool {
    let scan = Scan::new(clause, start, end, lex);
    let ws = &scan.ws;
    let Some(first) = ws.iter().position(|w| w.end > start) else {
        return false;
    };
    let last = ws
        .iter()
        .rposition(|w| w.start < end)
        .unwrap_or(first)
        .max(first);
    let noun = scan.lower(last);
    if lex.agent_nouns.contains(&noun) {
        return true;
    }
    // "two-person squads": the number is glued to a person noun.
    let compound = ws[first]
        .text
        .split_once('-')
        .is_some_and(|(_, unit)| lex.person_nouns.contains(&unit.to_lowercase()));
    if compound {
        return true;
    }
    if !lex.person_nouns.contains(&noun) {
        return false;
    }
    // "arrested two men", but not "charged with killing two men".
    for k in (first.saturating_sub(ARREST_REACH)..first).rev() {
        if lex.arrest_cues.contains(&scan.lower(k)) {
            return true;
        }
        match scan.role(k) {
            Role::Event(_) if k + 1 == first => return false,
            Role::Event(_) | Role::FollowUp => break,
            Role::Other => {}
        }
    }
    let mut previous_aux = false;
    for k in (last + 1..ws.len()).take(AGENT_REACH) {
        let word = scan.lower(k);
        let previous = scan.lower(k - 1);
        if lex.arrest_cues.contains(&word) && (word.ends_with("ed") || word == "custody") {
            // "two men were arrested", "two men in custody".
            return k == last + 1 || previous_aux || previous == "in" || previous == "into";
        }
        if lex.agent_verbs.contains(&word) {
            return !previous_aux;
        }
        // "three men who opened fire" goes on; "relatives of a man who
        // opened fire" stops.
        let relative_of_noun = k == last + 1 && word == "who";
        if !matches!(scan.role(k), Role::Other)
            || (lex.subordinators.contains(&word) && !relative_of_noun)
        {
            return false;
        }
        previous_aux = lex.auxiliaries.contains(&word);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(class: &str) -> Option<&str> {
        Some(class)
    }

    /// The class a date attaches to, None for a follow-up, "?" for unknown.
    fn dated(text: &str, date: &str) -> Option<String> {
        let lex = Lexicon::default();
        let start = text.find(date).unwrap_or(0);
        match dated_event(text, start, start + date.len(), true, &lex) {
            Dated::Event { class, at } => {
                assert!(at < text.len(), "{text}");
                Some(class)
            }
            Dated::FollowUp => None,
            Dated::Unknown => Some("?".to_string()),
        }
    }

    #[test]
    fn dates_attach_to_their_own_verb() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // The date follows its verb.
            ("two people died Sunday", "Sunday", event("killed")),
            ("a teen was killed Tuesday", "Tuesday", event("killed")),
            (
                "a man was shot in the head Saturday afternoon",
                "Saturday afternoon",
                event("shooting"),
            ),
            ("he was arraigned Tuesday", "Tuesday", None),
            // Gunfire and wounds told without an event word.
            (
                "two suspects used a shotgun to open fire during a block party Tuesday night",
                "Tuesday night",
                event("shooting"),
            ),
            (
                "she was arguing with another woman Thursday when she fired a gun",
                "Thursday",
                event("shooting"),
            ),
            (
                "shots were fired Sunday near the park",
                "Sunday",
                event("shooting"),
            ),
            (
                "the gunman fired at officers early Monday",
                "early Monday",
                event("shooting"),
            ),
            ("the coach was fired Tuesday", "Tuesday", Some("?")),
            (
                "charges were filed after Isis was struck in the head July 14",
                "July 14",
                event(INCIDENT),
            ),
            ("the bill was struck down Monday", "Monday", Some("?")),
            (
                "a boy was hit twice by stray bullets Sunday",
                "Sunday",
                event("shooting"),
            ),
            (
                "she was struck by gunfire late Friday",
                "late Friday",
                event("shooting"),
            ),
            ("he was hit by a car Friday", "Friday", Some("?")),
            (
                "a man called 911 Thursday morning and said he wanted to report three murders",
                "Thursday morning",
                event("killed"),
            ),
            (
                "Ty Conly, 16, was hunting with his cousin in Brooklyn Friday night",
                "Friday night",
                Some("?"),
            ),
            ("police were hunting for the suspect Friday", "Friday", None),
            (
                "the man wanted in the shooting was arrested Friday",
                "Friday",
                None,
            ),
            (
                "Police said it happened Saturday.",
                "Saturday",
                event(INCIDENT),
            ),
            (
                "The office said police got a 911 call Saturday morning from her husband.",
                "Saturday morning",
                event(INCIDENT),
            ),
            (
                "Police said Saturday that the man was arrested.",
                "Saturday",
                None,
            ),
            (
                "officers found a man suffering from a gunshot wound Sunday",
                "Sunday",
                event("shooting"),
            ),
            (
                "At about 2:15 p.m. Sept. 5 at 16th Street SE, near Good Hope Road and Minnesota Avenue, police found two males with gunshot wounds.",
                "Sept. 5",
                event("shooting"),
            ),
            (
                "Late Sunday evening, the little girl was rushed to Le Bonheur Children's Hospital in extremely critical condition after a man opened fire on her mother.",
                "Late Sunday evening",
                event(INCIDENT),
            ),
            (
                "On Oct. 27 at around 2:45 a.m., officers responded to the 6800 block of Walker Mill Road in Capitol Heights for the report of a shooting.",
                "Oct. 27",
                event(INCIDENT),
            ),
            (
                "On Monday, officers reported the arrest of a man in the shooting.",
                "Monday",
                None,
            ),
            (
                "At 10:30 p.m. Wednesday, a 17-year-old was standing in the 7800 block of South Cornell Avenue when he was shot by two men, said Officer Hector Alfaro.",
                "Wednesday",
                event("shooting"),
            ),
            (
                "A 13-year-old boy who was playing outside on the 4300 block of North Darien Street in Hunting Park around 11:24 p.m. Sunday was hit twice by stray bullets when a man got of a car and fired eight times.",
                "Sunday",
                event("shooting"),
            ),
            (
                "saddened to announce the passing of Ciqala Miller on 6/24/14",
                "6/24/14",
                event("killed"),
            ),
            ("passing motorists stopped Monday", "Monday", Some("?")),
            (
                "the medical examiner released the cause of death on Monday",
                "Monday",
                None,
            ),
            (
                "a man is behind bars Saturday after police say he shot three people",
                "Saturday",
                None,
            ),
            (
                "a man who identified himself as Lance Buckley called 911 Thursday morning",
                "Thursday morning",
                Some("?"),
            ),
            (
                "a man who was arrested last year called 911 Thursday morning and said he wanted to report three murders",
                "Thursday morning",
                event("killed"),
            ),
            ("police identified the victim Thursday", "Thursday", None),
            // A page's time stamp dates the page.
            (
                "UPDATE (March 1, 2017 11:30 a.m.): the boy killed in a drive-by shooting was named",
                "March 1, 2017",
                None,
            ),
            (
                "Girl killed in hunting accident Posted: Saturday, December 27, 2014",
                "Saturday, December 27, 2014",
                None,
            ),
            // An embedded post's signature dates the post.
            (
                "BELLAGIO SHOOTING: police show where the suspect stood — Jane Doe (@JaneDoe) January 26, 2016",
                "January 26, 2016",
                None,
            ),
            // Reporting and its state date no event.
            (
                "authorities revealed Tuesday that he fatally shot his brother",
                "Tuesday",
                None,
            ),
            (
                "after accidentally shooting himself in the head at a park, authorities stated Wednesday",
                "Wednesday",
                None,
            ),
            (
                "the department, in a news release issued Tuesday, said someone was injured",
                "Tuesday",
                None,
            ),
            (
                "It remained unclear Monday how the child was shot",
                "Monday",
                None,
            ),
            (
                "The girl was seriously injured, but police say her condition improved Thursday",
                "Thursday",
                None,
            ),
            (
                "Smith is to appear in court Monday to face murder charges",
                "Monday",
                None,
            ),
            (
                "an arrest warrant was issued charging Smith with murder Tuesday afternoon",
                "Tuesday afternoon",
                None,
            ),
            (
                "the suspect was being held Thursday on charges of murder",
                "Thursday",
                None,
            ),
            ("the recreation center was closed Tuesday", "Tuesday", None),
            (
                "the pool will reopen on a limited schedule Wednesday afternoon after two teens were shot",
                "Wednesday afternoon",
                None,
            ),
            (
                "he was being questioned by detectives early Sunday",
                "early Sunday",
                None,
            ),
            (
                "he was traveling in a stolen truck early Monday while wounded",
                "early Monday",
                None,
            ),
            (
                "the girl's death was ruled a homicide Monday",
                "Monday",
                None,
            ),
            (
                "the boy was released from the hospital Tuesday",
                "Tuesday",
                None,
            ),
            (
                "he pleaded guilty to second-degree murder Friday",
                "Friday",
                None,
            ),
            ("police said Monday the boy was shot", "Monday", None),
            (
                "police said Monday the boy was shot on Saturday",
                "Saturday",
                event("shooting"),
            ),
            // Several verbs: each date takes the one before it.
            (
                "a woman was killed Saturday and a man arrested Monday",
                "Saturday",
                event("killed"),
            ),
            (
                "a woman was killed Saturday and a man arrested Monday",
                "Monday",
                None,
            ),
            (
                "a teen was killed Tuesday and a suspect arrested later",
                "Tuesday",
                event("killed"),
            ),
            (
                "a father was arraigned Thursday after his son shot himself Wednesday night",
                "Thursday",
                None,
            ),
            (
                "a father was arraigned Thursday after his son shot himself Wednesday night",
                "Wednesday night",
                event("shooting"),
            ),
            // An outcome beats a manner verb next to it.
            (
                "the boy fatally shot himself Sunday afternoon",
                "Sunday afternoon",
                event("killed"),
            ),
            (
                "two men were shot and wounded late Friday",
                "late Friday",
                event("injured"),
            ),
            (
                "a man was killed in a drive-by shooting Friday",
                "Friday",
                event("killed"),
            ),
            (
                "the victim was pronounced dead Saturday",
                "Saturday",
                event("killed"),
            ),
            // A report dates the report only right after its verb.
            (
                "police told reporters on Monday that the boy was shot",
                "Monday",
                None,
            ),
            (
                "the agency said at least 100 people were at the party Tuesday night when shots were fired",
                "Tuesday night",
                event("shooting"),
            ),
            (
                "police said the two men were killed Sunday",
                "Sunday",
                event("killed"),
            ),
            (
                "the sheriff said in a statement Friday that two were hurt",
                "Friday",
                None,
            ),
            // The victim's state the day of the shooting.
            (
                "a girl was hospitalized in critical condition Thursday after being shot",
                "Thursday",
                event("injured"),
            ),
            (
                "the man charged with accidentally shooting his daughter Wednesday",
                "Wednesday",
                event("shooting"),
            ),
            (
                "the man charged with killing his wife Wednesday",
                "Wednesday",
                event("killed"),
            ),
            (
                "the crime spree ended with the suspect's arrest Saturday at a motel",
                "Saturday",
                None,
            ),
            // A charge names no event; "the shooting" and "the death of"
            // name the act.
            ("he was charged with murder in 2010", "2010", None),
            (
                "he made his first appearance on 3 counts of 1st-degree murder, July 18",
                "July 18",
                None,
            ),
            (
                "she pleaded not guilty to capital murder on Feb. 25",
                "Feb. 25",
                None,
            ),
            (
                "he was arrested on the murder charge on Friday",
                "Friday",
                None,
            ),
            (
                "he was arrested in the shooting Tuesday of a teenager",
                "Tuesday",
                event("shooting"),
            ),
            (
                "the charges stemmed from a shooting that occurred on Mar. 4, 2014",
                "Mar. 4, 2014",
                event("shooting"),
            ),
            (
                "a man wanted on a murder charge in the shooting death of a teen, 15, on Monday",
                "Monday",
                event("killed"),
            ),
            (
                "a teen has been arrested in the death of another teenager earlier this month",
                "earlier this month",
                event("killed"),
            ),
            (
                "a woman charged following the shooting last month of her daughter",
                "last month",
                event("shooting"),
            ),
            (
                "he is in the county jail, charged with killing Jones, 17, on Feb. 21",
                "Feb. 21",
                event("killed"),
            ),
            (
                "PMC told a local station on Wednesday evening that the girl had died",
                "Wednesday evening",
                None,
            ),
            (
                "a memorial service was held Saturday for a student shot and killed",
                "Saturday",
                None,
            ),
            (
                "a suspect was being sought Saturday in the shooting deaths of four people",
                "Saturday",
                None,
            ),
            (
                "a man who was shot last month died, on Saturday, police said",
                "Saturday",
                event("killed"),
            ),
            (
                "a suspect was arrested in connection with a shooting that happened on Thursday",
                "Thursday",
                event("shooting"),
            ),
        ];
        for (text, date, want) in cases {
            assert_eq!(dated(text, date).as_deref(), *want, "{text} @ {date}");
        }
    }

    #[test]
    fn dates_before_an_event_noun_modify_it() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "police are investigating Sunday's shooting",
                "Sunday",
                event("shooting"),
            ),
            (
                "he was arrested Monday in the Saturday night shooting",
                "Saturday night",
                event("shooting"),
            ),
            (
                "he was arrested Monday in the Saturday night shooting",
                "Monday",
                None,
            ),
            (
                "the family spoke after the March 14th shooting",
                "March 14th",
                event("shooting"),
            ),
            (
                "Monday night's drive-by shooting left a girl hurt",
                "Monday night",
                event("shooting"),
            ),
            (
                "he is wanted in the May 14 shooting death of a man",
                "May 14",
                event("shooting"),
            ),
            (
                "taunts led to Saturday shooting",
                "Saturday",
                event("shooting"),
            ),
            (
                "a man accused in the February 2015 barbershop slayings",
                "February 2015",
                event("killed"),
            ),
            (
                "the July 11, 2016 courthouse shooting that started in the lobby",
                "July 11, 2016",
                event("shooting"),
            ),
            (
                "hundreds came to Sunday's vigil for the boy",
                "Sunday",
                None,
            ),
            (
                "he was charged in Friday's killing",
                "Friday",
                event("killed"),
            ),
        ];
        for (text, date, want) in cases {
            assert_eq!(dated(text, date).as_deref(), *want, "{text} @ {date}");
        }
    }

    #[test]
    fn fronted_dates_date_their_clause_verb() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // An event noun that is another verb's topic is not dated …
            (
                "Late Monday the other side of the story began emerging in the shooting of a teenager",
                "Late Monday",
                Some("?"),
            ),
            (
                "Earlier Friday, he had referred to the death as suspicious",
                "Earlier Friday",
                Some("?"),
            ),
            // … unless responders answered it.
            (
                "On September 16, 2016, at approximately 3:30 p.m., officers responded to a shooting call",
                "September 16, 2016",
                event("shooting"),
            ),
            (
                "Early Sunday, police were called to the shooting",
                "Early Sunday",
                event("shooting"),
            ),
            (
                "On Monday, a 4-year-old boy was wounded in the leg",
                "Monday",
                event("injured"),
            ),
            (
                "Around 6:30 p.m. Sunday, officers were called to reports of shots fired",
                "Sunday",
                event("shooting"),
            ),
            (
                "On Monday, officers found and arrested a teen in connection with the shooting",
                "Monday",
                None,
            ),
            (
                "On Wednesday, there was speculation that the shooting was revenge",
                "Wednesday",
                None,
            ),
            (
                "On Tuesday, crews fixed broken windows following the Monday shooting",
                "Tuesday",
                None,
            ),
            (
                "On May 14, at about 3 p.m., officers responded to a shooting",
                "May 14",
                event("shooting"),
            ),
            (
                "on May 3 when a man was shot and killed during a party",
                "May 3",
                event("shooting"),
            ),
            (
                "Last July 13, just before midnight, police responded to a shooting",
                "Last July 13",
                event("shooting"),
            ),
            (
                "At 10:30 p.m. Sunday, a teen was standing on the corner when he was shot by two men, said an officer",
                "Sunday",
                event("shooting"),
            ),
            (
                "In 2013, Israel sold three guns to Rwanda",
                "2013",
                event("transfer"),
            ),
            // A gun's discharge is the shooting; a patient's is a follow-up.
            (
                "a girl was struck Sunday after a gun was accidentally discharged",
                "Sunday",
                event("shooting"),
            ),
            (
                "The boy was discharged from the hospital Sunday",
                "Sunday",
                None,
            ),
            (
                "The victim of the gun violence was discharged Sunday",
                "Sunday",
                None,
            ),
            ("the rifle discharged Friday", "Friday", event("shooting")),
            // The outcome wins over the manner, but a page's "Buy Photo"
            // is no outcome.
            (
                "A man was killed after being shot Sunday",
                "Sunday",
                event("killed"),
            ),
            (
                "Buy Photo Police tend to a person after multiple people were shot Sunday night",
                "Sunday",
                event("shooting"),
            ),
            // Another outlet's report dates its publication.
            (
                "According to a NBC report Tuesday morning, his wife knew of the shooting",
                "Tuesday morning",
                None,
            ),
            // A cutoff of a running tally dates no event.
            (
                "As of May 9, there have been 96 homicides in the city",
                "May 9",
                None,
            ),
            (
                "Through Sunday, 40 people had been killed this year",
                "Sunday",
                None,
            ),
        ];
        for (text, date, want) in cases {
            assert_eq!(dated(text, date).as_deref(), *want, "{text} @ {date}");
        }
    }

    #[test]
    fn captions_and_quoted_speaker_days_date_no_event() {
        let caption = |sentence: &str, date: &str| {
            let start = sentence.find(date).unwrap_or(0);
            is_caption_date(sentence, start, start + date.len())
        };
        for (sentence, date, want) in [
            (
                "Mourners visit the scene of the nightclub shooting from a block away Friday, June 17, 2016, in Orlando, Fla.",
                "Friday, June 17, 2016",
                true,
            ),
            (
                "A police car is parked outside after a shooting on Thursday, Nov 24, 2016, in Albany, N.Y. (Cindy Schultz / Times Union)",
                "Thursday, Nov 24, 2016",
                false,
            ),
            // No year: an article's own sentence.
            (
                "He was shot Friday, June 17, in Orlando, Fla.",
                "Friday, June 17",
                false,
            ),
            // The sentence goes on.
            (
                "He was shot June 17, 2016, in Orlando, Fla., police said.",
                "June 17, 2016",
                false,
            ),
        ] {
            assert_eq!(caption(sentence, date), want, "{sentence}");
        }
        let quoted = |sentence: &str, date: &str| {
            let start = sentence.find(date).unwrap_or(0);
            is_quoted_speaker_day(sentence, start, start + date.len())
        };
        assert!(quoted(
            "\"Today marks the most deadly shooting in American history,\" Obama said.",
            "Today"
        ));
        assert!(quoted(
            "“We lost him last night,” his mother said.",
            "last night"
        ));
        assert!(!quoted(
            "Police said today that two men were shot.",
            "today"
        ));
        assert!(!quoted("“He was shot,” police said Friday.", "Friday"));
    }

    #[test]
    fn only_a_date_at_the_head_of_a_sentence_is_fronted() {
        let lex = Lexicon::default();
        // The clause "at 1:40 a.m. Sunday after …" follows "Officers
        // responded to the bar,": its date is not fronted.
        let clause = "at 1:40 a.m. Sunday after an officer on patrol heard gunshots";
        let start = clause.find("Sunday").unwrap_or(0);
        let end = start + "Sunday".len();
        assert!(matches!(
            dated_event(clause, start, end, false, &lex),
            Dated::Event { ref class, .. } if class == "shooting"
        ));
        assert_eq!(dated_event(clause, start, end, true, &lex), Dated::FollowUp);
    }

    #[test]
    fn dates_without_a_verb_are_unknown() {
        for (text, date) in [
            ("at about 3 p.m. on a warm May 14", "May 14"),
            ("the afternoon of 12 March 2016", "12 March 2016"),
        ] {
            assert_eq!(dated(text, date).as_deref(), Some("?"), "{text}");
        }
        let lex = Lexicon::default();
        // Out-of-range offsets never panic.
        for (start, end) in [(10, 20), (3, 1), (2, 3)] {
            let _ = dated_event("diéd", start, end, true, &lex);
            assert!(!counts_no_victims("twö", start, end, &lex));
        }
    }

    #[test]
    fn counts_of_attackers_and_arrested_are_not_victims() {
        let lex = Lexicon::default();
        let cases: &[(&str, &str, bool)] = &[
            (
                "a girl was killed after three men went into a home and fired shots",
                "three men",
                true,
            ),
            (
                "six people were wounded when two men in a passing car fired a dozen gunshots",
                "two men",
                true,
            ),
            (
                "six people were wounded when two men in a passing car fired a dozen gunshots",
                "six people",
                false,
            ),
            (
                "police have arrested two men in the fatal shooting",
                "two men",
                true,
            ),
            (
                "Two people have been detained following a shooting",
                "Two people",
                true,
            ),
            (
                "two men were arrested and a woman was killed",
                "two men",
                true,
            ),
            (
                "police took three people into custody",
                "three people",
                true,
            ),
            (
                "officers are searching for two suspects",
                "two suspects",
                true,
            ),
            ("two gunmen opened fire on the crowd", "two gunmen", true),
            (
                "officers will patrol in two-person squads",
                "two-person squads",
                true,
            ),
            (
                "police said three people pulled out handguns and started firing",
                "three people",
                true,
            ),
            ("three men who opened fire on the crowd", "three men", true),
            // Victims stay victims, and only people are counted.
            (
                "a student who killed four people and himself has been arrested",
                "four people",
                false,
            ),
            (
                "a man charged with murdering three people",
                "three people",
                false,
            ),
            (
                "he heard at least seven gunshots fired",
                "seven gunshots",
                false,
            ),
            (
                "the gunman ambushed the six officers and was seeking out police",
                "six officers",
                false,
            ),
            (
                "two women who were in the car when a man opened fire were hurt",
                "two women",
                false,
            ),
            ("two men were shot and killed", "two men", false),
            (
                "two officers were ambushed and wounded",
                "two officers",
                false,
            ),
            ("two people died Sunday", "two people", false),
            (
                "two men who were struck inside the shop died at the scene",
                "two men",
                false,
            ),
            (
                "the names of three men slain at a barbershop were released",
                "three men",
                false,
            ),
            (
                "police identified two people shot last week",
                "two people",
                false,
            ),
        ];
        for (clause, count, want) in cases {
            let start = clause.find(count).unwrap_or(0);
            assert_eq!(
                counts_no_victims(clause, start, start + count.len(), &lex),
                *want,
                "{clause} @ {count}"
            );
        }
    }
}
