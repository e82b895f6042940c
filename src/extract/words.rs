//! Case-insensitive lookup of words in the lexicon tables.
//!
//! The scanners ask "is this word in that table?" for nearly every word of a
//! document, so a linear walk over a table per word was their main cost.
//! [`WordIndex`] answers in one hash probe: it maps a word, folded to ASCII
//! lower case, to the positions of the table entries that spell it that way,
//! in table order. The tables stay plain data in [`super::lexicon`]; each
//! index is built once, on first use, from the table it serves. Callers keep
//! the table's own rules (case-sensitive entries, first match wins) by
//! checking the entries at the returned positions.

use std::sync::OnceLock;

/// Longest word packed into a key; longer entries go to a short list.
const MAX_PACKED: usize = 15;

/// Words of a table, folded to lower case, with the table positions of each.
#[derive(Debug)]
pub struct WordIndex {
    /// Open-addressing slots: (key, start and length in `positions`); key 0 is empty.
    slots: Vec<(u128, u32, u32)>,
    positions: Vec<u32>,
    /// Entries longer than [`MAX_PACKED`] bytes (lower case) and their positions.
    long: Vec<(Vec<u8>, u32)>,
    mask: usize,
    /// Length of the longest entry: longer words are turned away at once.
    max_len: usize,
}

/// Packs a word of 1..=15 bytes, ASCII-lower-cased, into a non-zero key:
/// the bytes in the low bits and the length in the top byte, so no two
/// different words share a key.
fn key(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > MAX_PACKED {
        return None;
    }
    let mut k = 0u128;
    for &c in w {
        k = (k << 8) | u128::from(c.to_ascii_lowercase());
    }
    Some(k | ((w.len() as u128) << 120))
}

fn hash(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

impl WordIndex {
    /// Indexes the words of a table, given in table order.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut grouped: Vec<(u128, Vec<u32>)> = Vec::new();
        let mut long: Vec<(Vec<u8>, u32)> = Vec::new();
        let mut max_len = 0;
        for (pos, w) in words.into_iter().enumerate() {
            let pos = pos as u32;
            max_len = max_len.max(w.len());
            match key(w.as_bytes()) {
                Some(k) => match grouped.iter_mut().find(|(g, _)| *g == k) {
                    Some((_, list)) => list.push(pos),
                    None => grouped.push((k, vec![pos])),
                },
                None if !w.is_empty() => long.push((w.to_ascii_lowercase().into_bytes(), pos)),
                None => {}
            }
        }
        let size = (grouped.len() * 4).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![(0u128, 0u32, 0u32); size];
        let mut positions = Vec::new();
        for (k, list) in grouped {
            let mut h = hash(k) & mask;
            while slots[h].0 != 0 {
                h = (h + 1) & mask;
            }
            slots[h] = (k, positions.len() as u32, list.len() as u32);
            positions.extend(list);
        }
        WordIndex {
            slots,
            positions,
            long,
            mask,
            max_len,
        }
    }

    /// Table positions of the entries spelled like `w` (ignoring ASCII
    /// case), in table order; empty when none is.
    pub fn positions(&self, w: &[u8]) -> &[u32] {
        if w.len() > self.max_len {
            return &[];
        }
        let Some(k) = key(w) else {
            return self.long_positions(w);
        };
        let mut h = hash(k) & self.mask;
        loop {
            match self.slots.get(h) {
                Some(&(sk, start, len)) if sk == k => {
                    let (s, l) = (start as usize, len as usize);
                    return self.positions.get(s..s + l).unwrap_or(&[]);
                }
                Some(&(0, _, _)) | None => return &[],
                Some(_) => h = (h + 1) & self.mask,
            }
        }
    }

    fn long_positions(&self, w: &[u8]) -> &[u32] {
        self.long
            .iter()
            .find(|(lw, _)| lw.eq_ignore_ascii_case(w))
            .map_or(&[], |(_, p)| std::slice::from_ref(p))
    }

    /// Position of the first entry spelled like `w`, ignoring ASCII case.
    pub fn first(&self, w: &[u8]) -> Option<usize> {
        self.positions(w).first().map(|&p| p as usize)
    }

    /// True when some entry is spelled like `w`, ignoring ASCII case.
    pub fn contains(&self, w: &[u8]) -> bool {
        !self.positions(w).is_empty()
    }
}

/// First position of `needle` in `hay`, ignoring ASCII case. Jumps between
/// the places where the needle's first byte (in either case) occurs.
pub fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay)
        .take_while(|&i| i <= last_start)
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// First position in `hay` where one of `needles` starts, ignoring ASCII
/// case: one pass over `hay` whatever the number of needles.
pub fn find_any_ci(hay: &[u8], needles: &[&str]) -> Option<usize> {
    // Which bytes start a needle (either case), so most bytes cost one lookup.
    let mut starts = [false; 256];
    for n in needles {
        match n.as_bytes().first() {
            Some(&c) => {
                starts[usize::from(c.to_ascii_lowercase())] = true;
                starts[usize::from(c.to_ascii_uppercase())] = true;
            }
            None => return Some(0),
        }
    }
    (0..hay.len()).find(|&i| {
        starts[usize::from(hay[i])]
            && needles.iter().any(|n| {
                hay.get(i..i + n.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(n.as_bytes()))
            })
    })
}

/// Last position of `needle` in `hay`, ignoring ASCII case.
pub fn rfind_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some(&first) = needle.first() else {
        return Some(hay.len());
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    memchr::memrchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay)
        .skip_while(|&i| i > last_start)
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Declares a function returning the [`WordIndex`] of a lexicon table,
/// built on first use: `index_of!(name, TABLE, |entry| word)`.
macro_rules! index_of {
    ($(#[$doc:meta])* $name:ident, $table:expr, $word:expr) => {
        $(#[$doc])*
        pub fn $name() -> &'static WordIndex {
            static INDEX: OnceLock<WordIndex> = OnceLock::new();
            INDEX.get_or_init(|| WordIndex::new($table.iter().map($word)))
        }
    };
}

use super::lexicon as lx;

index_of!(
    /// [`lx::NUMBER_WORDS`].
    number_words, lx::NUMBER_WORDS, |(w, _)| *w
);
index_of!(
    /// [`lx::SCALES`].
    scales, lx::SCALES, |(w, _, _)| *w
);
index_of!(
    /// [`lx::CURRENCY_CODES`].
    currency_codes, lx::CURRENCY_CODES, |(w, _, _)| *w
);
index_of!(
    /// [`lx::DURATION_UNITS`].
    duration_units, lx::DURATION_UNITS, |(w, _, _)| *w
);
index_of!(
    /// [`lx::STOP_WORDS`].
    stop_words, lx::STOP_WORDS, |w| *w
);
index_of!(
    /// [`lx::NOT_PLURAL`].
    not_plural, lx::NOT_PLURAL, |w| *w
);
index_of!(
    /// [`lx::IRREGULAR_PLURALS`].
    irregular_plurals, lx::IRREGULAR_PLURALS, |w| *w
);
index_of!(
    /// [`lx::NOT_COMPOUND_NOUNS`].
    not_compound_nouns, lx::NOT_COMPOUND_NOUNS, |w| *w
);
index_of!(
    /// [`lx::FURNITURE_NOUNS`].
    furniture_nouns, lx::FURNITURE_NOUNS, |w| *w
);
index_of!(
    /// [`lx::CAPITALISED_OK`].
    capitalised_ok, lx::CAPITALISED_OK, |w| *w
);
index_of!(
    /// [`lx::LABEL_WORDS`].
    label_words, lx::LABEL_WORDS, |w| *w
);
index_of!(
    /// [`lx::TIME_OF_DAY`], without trailing periods ("p.m." is "p.m").
    time_of_day, lx::TIME_OF_DAY, |w| w.trim_end_matches('.')
);
index_of!(
    /// The first word of each [`lx::VAGUE_COUNTS`] phrase.
    vague_count_heads, lx::VAGUE_COUNTS, |v| v.phrase.split(' ').next().unwrap_or("")
);
index_of!(
    /// Month names and abbreviations ([`crate::extract::calendar::MONTHS`]).
    months, crate::extract::calendar::MONTHS, |(w, ..)| *w
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_entry_in_any_case_and_nothing_else() {
        let table = [
            "a",
            "an",
            "and",
            "Rs",
            "rs",
            "seventeen",
            "fifteenletterwd",
            "sixteenletterwrd",
            "asylum-seekers",
        ];
        let idx = WordIndex::new(table.iter().copied());
        let cases: &[(&str, &[u32])] = &[
            ("a", &[0]),
            ("A", &[0]),
            ("AN", &[1]),
            ("And", &[2]),
            ("rS", &[3, 4]),
            ("SEVENTEEN", &[5]),
            ("fifteenLetterWd", &[6]),
            ("Sixteenletterwrd", &[7]),
            ("asylum-Seekers", &[8]),
            ("", &[]),
            ("ann", &[]),
            ("the", &[]),
            ("seventee", &[]),
            ("sixteenletterwr", &[]),
            ("eighteenletterwrds", &[]),
        ];
        for &(w, want) in cases {
            assert_eq!(idx.positions(w.as_bytes()), want, "{w:?}");
            assert_eq!(idx.contains(w.as_bytes()), !want.is_empty(), "{w:?}");
        }
    }

    #[test]
    fn keys_differ_by_length_and_leading_bytes() {
        // A leading NUL byte must not make "\0a" the same key as "a".
        assert_ne!(key(b"a"), key(b"\0a"));
        assert_ne!(key(b"ab"), key(b"ba"));
        assert_eq!(key(b"Ab"), key(b"aB"));
        assert_eq!(key(b""), None);
        assert_eq!(key(&[b'x'; 16]), None);
        assert!(key(&[0u8; 15]).is_some_and(|k| k != 0));
    }

    #[test]
    fn case_insensitive_search_matches_lowercased_std_search() {
        let hays = [
            "In That Year, the same YEAR and that year",
            "however, However",
            "",
            "ab",
            " - x - ",
            "é;È;",
        ];
        let needles = [
            "that year",
            "the same year",
            "however",
            " - ",
            ";",
            "x",
            "abc",
            "",
        ];
        for h in hays {
            let lower = h.to_ascii_lowercase();
            for n in needles {
                let (hb, nb) = (h.as_bytes(), n.as_bytes());
                assert_eq!(find_ci(hb, nb), lower.find(n), "{h:?} {n:?}");
                assert_eq!(rfind_ci(hb, nb), lower.rfind(n), "{h:?} {n:?}");
            }
            let first = needles[..7].iter().filter_map(|n| lower.find(n)).min();
            assert_eq!(find_any_ci(h.as_bytes(), &needles[..7]), first, "{h:?}");
        }
    }

    #[test]
    fn big_tables_keep_table_order() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let idx = WordIndex::new(words.iter().map(String::as_str).chain(["w7"]));
        assert_eq!(idx.positions(b"W7"), &[7, 500]);
        assert_eq!(idx.first(b"w499"), Some(499));
        assert_eq!(idx.first(b"w500"), None);
    }
}
