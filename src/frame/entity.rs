//! Entities of a sentence: capitalised names, countries folded from demonyms
//! ("Israeli" → Israel), possessives stripped, acronyms folded with their long
//! names ("Stockholm International Peace Research Institute (SIPRI)" ↔ SIPRI).

use super::lexicon::Lexicon;
use super::words::{Word, strip_possessive, words};

/// One entity mention: canonical name and byte range in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// Street types, full and abbreviated: dropped from a story key so that
/// "S. Harrison St." and "Harrison Street" meet.
const STREET_TYPES: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "av",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "dr",
    "lane",
    "ln",
    "court",
    "ct",
    "place",
    "pl",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "way",
    "terrace",
    "circle",
    "streets",
    "avenues",
    "roads",
];

/// Compass words before a street name ("W. Ferris Branch", "South
/// Harrison Street").
const COMPASS: &[&str] = &[
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
];

/// Lower-case words allowed inside a capitalised name ("Council of Europe").
const CONNECTORS: &[&str] = &["of", "for", "de", "and"];

/// Last words that make a capitalised run a named day ("Labor Day",
/// "Christmas Eve", "Valentine's Day").
const DAY_WORDS: &[&str] = &["Day", "Eve"];

/// "fabriccio patti of las vegas" → the person and the place, as the
/// stories that write "Fabriccio Patti" and "Las Vegas" apart key them; not
/// an organisation's "of" ("Bank of America", "Stockholm International
/// Peace Research Institute of Sweden"): the part before "of" is two or
/// more words and does not end in an organisation's head noun.
fn person_of_place(part: &str) -> Vec<&str> {
    if let Some((who, place)) = part.split_once(" of ") {
        let head = who.split_whitespace().last().unwrap_or("");
        if who.contains(' ') && !place.is_empty() && !ORGANISATION_HEADS.contains(&head) {
            return vec![who, place];
        }
    }
    vec![part]
}

/// Last words of an organisation's name before its "of".
const ORGANISATION_HEADS: &[&str] = &[
    "academy",
    "agency",
    "archdiocese",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "center",
    "centre",
    "church",
    "city",
    "club",
    "college",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "diocese",
    "division",
    "foundation",
    "hall",
    "hospital",
    "house",
    "institute",
    "league",
    "ministry",
    "museum",
    "office",
    "order",
    "party",
    "republic",
    "school",
    "service",
    "society",
    "state",
    "states",
    "union",
    "university",
];

/// Names a compass word makes into another state or country.
const COMPASS_REGIONS: &[&str] = &[
    "africa",
    "america",
    "carolina",
    "dakota",
    "ireland",
    "korea",
    "macedonia",
    "ossetia",
    "sudan",
    "virginia",
];

/// Last words of a county's name, dropped from its story key.
const COUNTY_WORDS: &[&str] = &["county", "parish"];

/// Longest run of words (at most this many) tried as one alias.
const MAX_ALIAS_WORDS: usize = 6;

/// The keys one story name stands for when two stories are compared, lower
/// case: names joined by "and" split ("Brook and Winter" → brook, winter),
/// a trailing incident word dropped ("Hartford shooting" → hartford), a
/// county's "County" dropped ("Fresno County" → fresno, the city's key), and
/// a street's type and compass prefix dropped ("S. Harrison St." → harrison).
/// A name that would lose every word stays as it is; a one-word name the
/// documents also write in lower case ("Meanwhile", "Dead") is none.
pub fn story_keys(name: &str, lex: &Lexicon) -> Vec<String> {
    let lower = name.to_lowercase();
    if !lower.contains(' ') && lex.common_words.contains(&lower) {
        return Vec::new();
    }
    let mut keys: Vec<String> = Vec::new();
    for part in lower.split(" and ").flat_map(person_of_place) {
        let mut ws: Vec<&str> = part
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| c == '.' || c == ','))
            .filter(|w| !w.is_empty())
            .collect();
        let mut street = false;
        while ws.len() > 1 {
            let Some(&last) = ws.last() else { break };
            // "Fresno County" and "Fresno" tell of one place.
            if COUNTY_WORDS.contains(&last) {
                ws.pop();
                break;
            }
            if STREET_TYPES.contains(&last) {
                street = true;
            } else if lex.verb_class(last).is_none() {
                break;
            }
            ws.pop();
        }
        while ws.len() > 1 && ws.first().is_some_and(|w| COMPASS.contains(w)) {
            // "West End" is a name; "W." and a street's "South" are
            // compass, and so is "East" of a neighbourhood that is a name
            // of its own ("East Germantown" is by Germantown), but not of
            // a state or country ("North Carolina" is not Carolina).
            let named_rest = ws.len() == 2
                && !lex.common_words.contains(ws[1])
                && !COMPASS_REGIONS.contains(&ws[1]);
            if !street && !named_rest && ws.first().is_some_and(|w| w.len() > 2) {
                break;
            }
            ws.remove(0);
        }
        let key = ws.join(" ");
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Finds the entities mentioned in a sentence, in text order (repeats kept).
pub fn mentions(sentence: &str, lex: &Lexicon) -> Vec<EntityMention> {
    let ws = words(sentence);
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut name: Vec<Word> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(w) = ws.get(i) else { break };
        // Punctuation other than an abbreviation's point ends a name:
        // "STOCKTON, Calif.—Stockton police", "Kansas City, Mo.", "Jane
        // Roe, and John Doe".
        let broken = name.last().is_some_and(|n| {
            sentence
                .get(n.end..w.start)
                .is_some_and(|gap| gap.chars().any(|c| !c.is_whitespace() && c != '.'))
        });
        if broken {
            flush(&mut name, lex, &mut out);
        }
        if !w.is_capitalised() {
            let joins = CONNECTORS.contains(&w.text)
                && !name.is_empty()
                && ws.get(i + 1).is_some_and(|n| n.is_capitalised());
            // "the 3400 block of 5th Street": a numbered street's name.
            let numbered_street = name.is_empty()
                && is_ordinal(w.text)
                && ws.get(i + 1).is_some_and(|n| {
                    n.is_capitalised() && STREET_TYPES.contains(&n.bare().to_lowercase().as_str())
                });
            if joins || numbered_street {
                name.push(*w);
            } else {
                flush(&mut name, lex, &mut out);
                hyphen_parts(w, lex, &mut out);
            }
            i += 1;
            continue;
        }
        let continues_name = name.last().is_some_and(|n| !n.is_capitalised());
        if continues_name {
            name.push(*w);
            i += 1;
            continue;
        }
        if let Some((len, canonical)) = longest_alias(sentence, &ws[i..], lex, &mut buf) {
            flush(&mut name, lex, &mut out);
            let last = &ws[i + len - 1];
            out.push(EntityMention {
                name: canonical,
                start: w.start,
                end: last.end,
            });
            i += len;
            continue;
        }
        buf.clear();
        push_lower(&mut buf, w.bare());
        if lex.not_names.contains(buf.as_str()) || lex.titles.contains(buf.as_str()) {
            flush(&mut name, lex, &mut out);
        } else if w.text.contains('-') {
            flush(&mut name, lex, &mut out);
            hyphen_parts(w, lex, &mut out);
        } else {
            name.push(*w);
            if w.bare().len() != w.text.len() {
                // A possessive ends the name ("Israel’s Soltam"); before
                // "Day" it names a day ("Father's Day").
                if ws.get(i + 1).is_some_and(|n| DAY_WORDS.contains(&n.bare())) {
                    name.clear();
                }
                flush(&mut name, lex, &mut out);
            }
        }
        i += 1;
    }
    flush(&mut name, lex, &mut out);
    out
}

/// True for an ordinal written in digits ("5th", "2nd", "21st", "103rd").
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// Canonical entity names of a sentence, deduplicated, in order of first mention.
pub fn entities(sentence: &str, lex: &Lexicon) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for m in mentions(sentence, lex) {
        if !names.contains(&m.name) {
            names.push(m.name);
        }
    }
    names
}

/// The longest run of words starting here that is a known alias.
///
/// The run's lower-case form is built once, word by word, in `buf` (words
/// joined by one space, the possessive of the last word dropped), so no
/// string is allocated per tried length.
fn longest_alias(
    sentence: &str,
    ws: &[Word],
    lex: &Lexicon,
    buf: &mut String,
) -> Option<(usize, String)> {
    buf.clear();
    let mut best = None;
    let mut prev_end: Option<usize> = None;
    for (k, w) in ws.iter().take(MAX_ALIAS_WORDS).enumerate() {
        if let Some(end) = prev_end {
            // Only runs whose inner words are capitalised or connectors,
            // separated by white space alone.
            let spaced = sentence
                .get(end..w.start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace));
            if !spaced || (!w.is_capitalised() && !CONNECTORS.contains(&w.text)) {
                break;
            }
            buf.push(' ');
        }
        let mark = buf.len();
        push_lower(buf, w.bare());
        if let Some(c) = lex.aliases.get(buf.as_str()) {
            best = Some((k + 1, c.clone()));
        }
        buf.truncate(mark);
        push_lower(buf, w.text);
        prev_end = Some(w.end);
    }
    best
}

/// Appends the lower-case form of `word` to `buf`.
fn push_lower(buf: &mut String, word: &str) {
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Known places or capitalised names inside a hyphenated word
/// ("Iran-backed" → Iran, "Russian-Georgian" → Russia, Georgia, "pro-Israel" → Israel).
fn hyphen_parts(w: &Word, lex: &Lexicon, out: &mut Vec<EntityMention>) {
    if !w.text.contains('-') {
        return;
    }
    let mut offset = w.start;
    for part in w.text.split('-') {
        let bare = strip_possessive(part);
        if let Some(c) = lex.alias(bare)
            && bare.chars().next().is_some_and(char::is_uppercase)
        {
            out.push(EntityMention {
                name: c.to_string(),
                start: offset,
                end: offset + part.len(),
            });
        }
        offset += part.len() + 1;
    }
}

/// Turns the collected capitalised words into one name, if it is one.
fn flush(name: &mut Vec<Word>, lex: &Lexicon, out: &mut Vec<EntityMention>) {
    // Connectors never end a name.
    while name.last().is_some_and(|w| !w.is_capitalised()) {
        name.pop();
    }
    // "Memorial Day", "Christmas Eve": a day, not a place or a person.
    if name.last().is_some_and(|w| DAY_WORDS.contains(&w.bare())) {
        name.clear();
    }
    if let (Some(first), Some(last)) = (name.first(), name.last()) {
        let text: Vec<&str> = name
            .iter()
            .enumerate()
            .map(|(k, w)| {
                if k + 1 == name.len() {
                    w.bare()
                } else {
                    w.text
                }
            })
            .collect();
        let joined = text.join(" ");
        let is_code = name.len() == 1 && lex.not_acronyms.contains(&joined);
        if !is_code && joined.chars().any(char::is_alphabetic) {
            let canonical = lex.alias(&joined).map_or(joined.clone(), str::to_string);
            out.push(EntityMention {
                name: canonical,
                start: first.start,
                end: last.end,
            });
        }
    }
    name.clear();
}

/// "Long Name (ACR)" pairs in a text: returns `(long name, acronym)`.
///
/// The long name is the run of capitalised words (and connectors) right
/// before the parenthesis; the pair is kept when the run has two words or
/// more and its initials match the acronym, or when the run is at least three
/// words long (foreign-language acronyms such as SIBAT).
pub fn acronym_pairs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // Only the stretch before each "(" can hold a long name: tokenise
    // those windows, not the whole text.
    let mut from = 0;
    while let Some(open) = memchr::memchr(b'(', text.as_bytes().get(from..).unwrap_or(&[])) {
        let at = from + open;
        from = at + 1;
        let inner = text.get(at + 1..).unwrap_or("");
        let looks_like = inner
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .is_some_and(|a| a.chars().filter(|c| c.is_uppercase()).count() >= 2);
        if !looks_like {
            continue;
        }
        let mut start = at.saturating_sub(ACRONYM_WINDOW);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let end = inner
            .find(')')
            .map_or(text.len(), |e| at + 1 + e + 1)
            .min(text.len());
        let Some(window) = text.get(start..end) else {
            continue;
        };
        for pair in acronym_pairs_in(window) {
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
    }
    out
}

/// Bytes before a "(" searched for the long name of an acronym.
const ACRONYM_WINDOW: usize = 240;

fn acronym_pairs_in(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let ws = words(text);
    for (k, w) in ws.iter().enumerate() {
        if !w.is_acronym() || k == 0 {
            continue;
        }
        let before = text.get(..w.start).unwrap_or("").trim_end();
        if !before.ends_with('(') {
            continue;
        }
        let after = text.get(w.end..).unwrap_or("");
        if !(after.starts_with(')') || after.starts_with("’s)") || after.starts_with("'s)")) {
            continue;
        }
        let mut run: Vec<&Word> = Vec::new();
        let mut j = k;
        while j > 0 {
            j -= 1;
            let Some(p) = ws.get(j) else { break };
            let gap = text
                .get(p.end..ws.get(j + 1).map_or(p.end, |n| n.start))
                .unwrap_or("");
            if !run.is_empty() && !gap.trim().is_empty() {
                break;
            }
            // A headline a blank line above a "(BROOKLYN) -" dateline
            // names no acronym; a long name wrapped onto the next line does.
            if j + 1 == k && (!gap.trim().starts_with('(') || gap.matches('\n').count() >= 2) {
                break;
            }
            if p.bare().len() != p.text.len() {
                break;
            }
            if p.is_capitalised() || (CONNECTORS.contains(&p.text) && !run.is_empty()) {
                run.push(p);
            } else {
                break;
            }
        }
        while run.last().is_some_and(|w| !w.is_capitalised()) {
            run.pop();
        }
        run.reverse();
        let acronym = w.bare().to_string();
        let initials: String = run
            .iter()
            .filter(|w| w.is_capitalised())
            .filter_map(|w| w.text.chars().next())
            .collect();
        let matches = run.len() >= 2 && acronym.replace('.', "").starts_with(&initials);
        if matches || run.len() >= 3 {
            let long: Vec<&str> = run
                .iter()
                .enumerate()
                .map(|(n, w)| if n + 1 == run.len() { w.bare() } else { w.text })
                .collect();
            out.push((long.join(" "), acronym));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_entities_in_real_phrasings() {
        let lex = Lexicon::default();
        let cases: &[(&str, &[&str])] = &[
            (
                "The Israeli envoy met Rwandan officials in Kigali.",
                &["Israel", "Rwanda", "Kigali"],
            ),
            (
                "Israel's exports to Azerbaijan grew.",
                &["Israel", "Azerbaijan"],
            ),
            (
                "Azerbaijani president Ilham Aliyev spoke.",
                &["Azerbaijan", "Ilham Aliyev"],
            ),
            (
                "Defense Minister Avigdor Liberman arrived.",
                &["Avigdor Liberman"],
            ),
            (
                "after the Russian-Georgian war ended",
                &["Russia", "Georgia"],
            ),
            ("Iran-backed militias moved.", &["Iran"]),
            ("The Council of Europe met.", &["Council of Europe"]),
            (
                "per the Stockholm International Peace Research Institute's data",
                &["SIPRI"],
            ),
            ("They sold USD 385 million of arms.", &[]),
            (
                "Thousands of Africans crossed into Israel via Egypt.",
                &["Africa", "Israel", "Egypt"],
            ),
            (
                "guns from Israel’s Soltam went to Rwanda",
                &["Israel", "Soltam", "Rwanda"],
            ),
            ("the U.S. and Russia agreed", &["United States", "Russia"]),
            ("Israel and Rwanda signed", &["Israel", "Rwanda"]),
            (
                "The shooting happened two days after Thanksgiving in Las Vegas.",
                &["Las Vegas"],
            ),
            ("Police in Gary said it happened on Christmas.", &["Gary"]),
            (
                "Moore shot three males on Jan. 27 in the 3400 block of 5th Street.",
                &["Moore", "5th Street"],
            ),
            ("He finished 5th in the race.", &[]),
            (
                "STOCKTON, Calif.—Stockton police are investigating.",
                &["STOCKTON", "Calif", "Stockton"],
            ),
            (
                "He was shot in Kansas City, Mo., on Monday.",
                &["Kansas City", "Mo"],
            ),
            (
                "McKEES ROCKS (KDKA) — Police are investigating.",
                &["McKEES ROCKS", "KDKA"],
            ),
            ("He grew up in St. Louis, police said.", &["St Louis"]),
            (
                "Jane Roe, and John Doe were hurt.",
                &["Jane Roe", "John Doe"],
            ),
            (
                "Police in Gary said it happened on Christmas Eve and Memorial Day.",
                &["Gary"],
            ),
            ("A party for Father's Day in Camden ended.", &["Camden"]),
        ];
        for (sentence, expected) in cases {
            assert_eq!(entities(sentence, &lex), *expected, "{sentence}");
        }
    }

    #[test]
    fn story_keys_fold_streets_places_and_pairs() {
        let mut lex = Lexicon::default();
        for w in ["meanwhile", "dead", "brook", "end", "side"] {
            lex.common_words.insert(w.to_string());
        }
        let cases: &[(&str, &[&str])] = &[
            ("Hartford", &["hartford"]),
            ("Hartford shooting", &["hartford"]),
            ("Little Rock shooting", &["little rock"]),
            ("Harrison Street", &["harrison"]),
            ("S. Harrison St.", &["harrison"]),
            (
                "Charles Bussey and Harrison Street",
                &["charles bussey", "harrison"],
            ),
            ("Brook and Winter", &["brook", "winter"]),
            ("Fresno County", &["fresno"]),
            (
                "Fabriccio Patti of Las Vegas",
                &["fabriccio patti", "las vegas"],
            ),
            ("Bank of America", &["bank of america"]),
            (
                "Children's Hospital of Philadelphia",
                &["children's hospital of philadelphia"],
            ),
            ("Fraternal Order of Police", &["fraternal order of police"]),
            // One word before "of" is no person's name.
            ("Patti of Las Vegas", &["patti of las vegas"]),
            (
                "Medical Examiner's Office of Fresno",
                &["medical examiner's office of fresno"],
            ),
            ("Jefferson Parish", &["jefferson"]),
            ("County", &["county"]),
            ("West Ferris Branch Boulevard", &["ferris branch"]),
            ("W Ferris Branch", &["ferris branch"]),
            // Compass words that are part of a name stay ("end" is a
            // word the documents write in lower case); before a name of
            // its own, the compass goes, as in a street's name.
            ("North End", &["north end"]),
            ("East Germantown", &["germantown"]),
            ("East Jefferson", &["jefferson"]),
            ("North Carolina", &["north carolina"]),
            ("West Palm Beach", &["west palm beach"]),
            ("North Side", &["north side"]),
            // A name that is only a street type or an event word stays.
            ("Shooting", &["shooting"]),
            ("Street", &["street"]),
            // Words the documents write in lower case are no names alone.
            ("Meanwhile", &[]),
            ("Dead", &[]),
            ("Brook Street", &["brook"]),
        ];
        for (name, expected) in cases {
            assert_eq!(story_keys(name, &lex), *expected, "{name}");
        }
    }

    #[test]
    fn mention_offsets_slice_the_sentence() {
        let lex = Lexicon::default();
        let s = "Israel has supplied Rwanda with Soltam guns.";
        let ms = mentions(s, &lex);
        let texts: Vec<&str> = ms.iter().map(|m| &s[m.start..m.end]).collect();
        assert_eq!(texts, ["Israel", "Rwanda", "Soltam"]);
    }

    #[test]
    fn learns_acronym_pairs() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "the Stockholm International Peace Research Institute (SIPRI) said",
                &[("Stockholm International Peace Research Institute", "SIPRI")],
            ),
            (
                "the Gun Violence Archive (GVA), which tracks",
                &[("Gun Violence Archive", "GVA")],
            ),
            (
                "the Defense Ministry's International Defense Cooperation Directorate (SIBAT) visited",
                &[("International Defense Cooperation Directorate", "SIBAT")],
            ),
            ("a 155 mm (6.1 in) gun", &[]),
            ("in the capital (UTC) time", &[]),
            (
                "Teen Injured In Hunting Accident\n\n(BROOKLYN) - Officers are investigating",
                &[],
            ),
            (
                "figures of the Stockholm International Peace Research Institute\n(SIPRI) show",
                &[("Stockholm International Peace Research Institute", "SIPRI")],
            ),
        ];
        for (text, expected) in cases {
            let got = acronym_pairs(text);
            let want: Vec<(String, String)> = expected
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
