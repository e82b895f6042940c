//! Word tokens with byte offsets, shared by the framing passes.

/// One word of a text: alphanumerics with inner apostrophes, hyphens and
/// initial-dots ("U.S"), as a byte range of the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl<'a> Word<'a> {
    /// The word without a possessive ending ("Israel's" → "Israel", "SIPRI’s" → "SIPRI").
    pub fn bare(&self) -> &'a str {
        strip_possessive(self.text)
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for all-capital words of two letters or more ("SIPRI", "IAI").
    pub fn is_acronym(&self) -> bool {
        let bare = self.bare();
        bare.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && bare
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
    }
}

/// Removes a trailing possessive (`'s`, `’s`, or a bare `'`/`’`).
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    word
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.')
}

/// Splits text into words. Apostrophes and hyphens join only between
/// alphanumerics; a dot joins only after a single letter ("U.S").
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_alnum = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        match start {
            None if c.is_alphanumeric() => start = Some(i),
            None => {}
            Some(_) if c.is_alphanumeric() => {}
            Some(s) if is_joiner(c) && next_alnum && (c != '.' || single_letter(&text[s..i])) => {}
            Some(s) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

fn single_letter(piece: &str) -> bool {
    let last = piece.rsplit('.').next().unwrap_or(piece);
    last.chars().count() == 1
}

/// Byte offsets where `phrase` occurs in `haystack` as whole words (no
/// letter or digit right before or after it). Both are compared as given:
/// lower-case them first for a case-blind match.
pub fn phrase_positions<'h>(
    haystack: &'h str,
    phrase: &'h str,
) -> impl Iterator<Item = usize> + 'h {
    haystack.match_indices(phrase).filter_map(move |(at, _)| {
        let before = haystack.get(..at)?.chars().next_back();
        let after = haystack.get(at + phrase.len()..)?.chars().next();
        (!before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric))
            .then_some(at)
    })
}

/// True when `phrase` occurs in `haystack` as whole words.
pub fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    !phrase.is_empty() && phrase_positions(haystack, phrase).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_with_offsets() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Israel’s army, SIPRI's data",
                &["Israel’s", "army", "SIPRI's", "data"],
            ),
            ("Iran-backed militias", &["Iran-backed", "militias"]),
            ("the U.S. said", &["the", "U.S", "said"]),
            ("ended.He said", &["ended", "He", "said"]),
            ("“quoted” - text", &["quoted", "text"]),
            ("$13,000 total", &["13", "000", "total"]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = words(text).iter().map(|w| w.text).collect();
            assert_eq!(&got, expected, "{text}");
            for w in words(text) {
                assert_eq!(&text[w.start..w.end], w.text);
            }
        }
    }

    #[test]
    fn finds_phrases_as_whole_words() {
        let text = "bodies were found; nobody was found";
        assert_eq!(phrase_positions(text, "bodies").collect::<Vec<_>>(), [0]);
        assert!(contains_phrase(text, "were found"));
        assert!(!contains_phrase(text, "body"));
        assert!(!contains_phrase(text, "odies"));
        assert!(!contains_phrase(text, ""));
    }

    #[test]
    fn strips_possessives() {
        for (word, bare) in [
            ("Israel's", "Israel"),
            ("SIPRI’s", "SIPRI"),
            ("states'", "states"),
            ("Kagame", "Kagame"),
        ] {
            assert_eq!(strip_possessive(word), bare);
        }
    }
}
