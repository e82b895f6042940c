//! Tokens for the date grammar: words (looked up in [`super::calendar`]),
//! digit runs (with ordinal "13th" and decade "1990s" forms), and single
//! punctuation marks, each with its byte span and whether white space
//! precedes it. One linear pass; typographic dashes and apostrophes are
//! folded to ASCII so the grammar sees `-` and `'`.

use super::calendar::{Lex, lookup};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters; `cap` when its first letter is upper case.
    Word { lex: Option<Lex>, cap: bool },
    /// A run of digits (value saturates; `digits` is the run length).
    Num { value: u32, digits: u8 },
    /// Digits with an ordinal suffix: "13th", "02nd".
    Ord { value: u32 },
    /// Digits with a plural "s": "1990s", "90s", "1970's".
    Decade { value: u32, digits: u8 },
    /// One punctuation mark; dashes fold to `-`, apostrophes to `'`,
    /// currency signs to `$`, line breaks to `\n`, anything else to `~`.
    Punct(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// White space (or the start of text) right before the token.
    pub space_before: bool,
}

impl Tok {
    pub fn lex(&self) -> Option<Lex> {
        match self.kind {
            TokKind::Word { lex, .. } => lex,
            _ => None,
        }
    }
    pub fn is_punct(&self, c: u8) -> bool {
        self.kind == TokKind::Punct(c)
    }
    pub fn is_cap_word(&self) -> bool {
        matches!(self.kind, TokKind::Word { cap: true, .. })
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word { .. })
    }
    /// False for tokens no date expression starts with: punctuation other
    /// than an apostrophe ("'90s"), and words outside the lexicon other than
    /// one letter ("Q3", "H1"). Lets the scanner skip most tokens at once.
    pub fn may_open_date(&self) -> bool {
        match self.kind {
            TokKind::Punct(c) => c == b'\'',
            TokKind::Word { lex: None, .. } => self.end - self.start == 1,
            _ => true,
        }
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

/// Replaces `out` with the tokens of `text[from..to]` (byte offsets into
/// the whole `text`; `from` and `to` on character boundaries). Reusing one
/// buffer keeps the working set small on long documents.
pub fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    out.clear();
    let Some(text) = text.get(..to) else {
        return;
    };
    let bytes = text.as_bytes();
    let mut i = from;
    let mut space = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            let start = i;
            // Words with non-ASCII letters (café) stay one token with no lexicon entry.
            let mut plain = true;
            loop {
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let next = if bytes.get(i).is_some_and(|&c| c >= 0xC0) {
                    text.get(i..).and_then(|s| s.chars().next())
                } else {
                    None
                };
                match next {
                    Some(c) if c.is_alphabetic() => {
                        plain = false;
                        i += c.len_utf8();
                    }
                    _ => break,
                }
            }
            let i_end = i.min(bytes.len());
            let word = &bytes[start..i_end];
            let lex = if plain { lookup(word) } else { None };
            out.push(Tok {
                start,
                end: i_end,
                kind: TokKind::Word {
                    lex,
                    cap: b.is_ascii_uppercase(),
                },
                space_before: space,
            });
            i = i_end;
            space = false;
        } else if b.is_ascii_digit() {
            let start = i;
            let mut value: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let digits = u8::try_from(i - start).unwrap_or(u8::MAX);
            let (kind, end) = number_suffix(bytes, i, value, digits);
            out.push(Tok {
                start,
                end,
                kind,
                space_before: space,
            });
            i = end;
            space = false;
        } else if b.is_ascii_whitespace() {
            if b == b'\n' {
                out.push(Tok {
                    start: i,
                    end: i + 1,
                    kind: TokKind::Punct(b'\n'),
                    space_before: space,
                });
            }
            space = true;
            i += 1;
        } else if b < 0x80 {
            out.push(Tok {
                start: i,
                end: i + 1,
                kind: TokKind::Punct(b),
                space_before: space,
            });
            space = false;
            i += 1;
        } else {
            let len = utf8_len(b).min(bytes.len() - i);
            let ch = text.get(i..i + len).and_then(|s| s.chars().next());
            let (kind, is_space) = match ch {
                Some(c) if c.is_whitespace() => (None, true),
                Some(c) if c.is_alphabetic() => (
                    Some(TokKind::Word {
                        lex: None,
                        cap: c.is_uppercase(),
                    }),
                    false,
                ),
                Some('\u{2010}'..='\u{2015}' | '\u{2212}') => (Some(TokKind::Punct(b'-')), false),
                Some('\u{2018}' | '\u{2019}' | '\u{2032}') => (Some(TokKind::Punct(b'\'')), false),
                Some('\u{201C}' | '\u{201D}') => (Some(TokKind::Punct(b'"')), false),
                Some('€' | '£' | '¥' | '₹' | '₪' | '₽') => {
                    (Some(TokKind::Punct(b'$')), false)
                }
                _ => (Some(TokKind::Punct(b'~')), false),
            };
            if let Some(kind) = kind {
                out.push(Tok {
                    start: i,
                    end: i + len,
                    kind,
                    space_before: space,
                });
            }
            space = is_space;
            i += len.max(1);
        }
    }
}

/// Reads an ordinal ("th", "st", "nd", "rd") or plural ("s", "'s") suffix
/// right after a digit run ending at `i`.
fn number_suffix(bytes: &[u8], i: usize, value: u32, digits: u8) -> (TokKind, usize) {
    let word_end = |j: usize| bytes.get(j).is_none_or(|c| !c.is_ascii_alphanumeric());
    let lower = |j: usize| bytes.get(j).map(u8::to_ascii_lowercase);
    let two = (lower(i), lower(i + 1));
    let ordinal = matches!(
        two,
        (Some(b't'), Some(b'h'))
            | (Some(b's'), Some(b't'))
            | (Some(b'n'), Some(b'd'))
            | (Some(b'r'), Some(b'd'))
    );
    if ordinal && word_end(i + 2) {
        return (TokKind::Ord { value }, i + 2);
    }
    if lower(i) == Some(b's') && word_end(i + 1) {
        return (TokKind::Decade { value, digits }, i + 1);
    }
    if bytes.get(i) == Some(&b'\'')
        && lower(i + 1) == Some(b's')
        && word_end(i + 2)
        && (digits == 4 || digits == 2)
    {
        return (TokKind::Decade { value, digits }, i + 2);
    }
    (TokKind::Num { value, digits }, i)
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        tokenize(s)
            .iter()
            .map(|t| match t.kind {
                TokKind::Word { .. } => format!("W:{}", &s[t.start..t.end]),
                TokKind::Num { value, .. } => format!("N:{value}"),
                TokKind::Ord { value } => format!("O:{value}"),
                TokKind::Decade { value, .. } => format!("D:{value}"),
                TokKind::Punct(c) => format!("P:{}", c as char),
            })
            .collect()
    }

    #[test]
    fn tokens() {
        let cases: &[(&str, &[&str])] = &[
            ("Sept. 13", &["W:Sept", "P:.", "N:13"]),
            ("02nd Jan", &["O:2", "W:Jan"]),
            ("the 1990s", &["W:the", "D:1990"]),
            ("the ’90s", &["W:the", "P:'", "D:90"]),
            ("1970's", &["D:1970"]),
            ("2012–13", &["N:2012", "P:-", "N:13"]),
            ("mid-October", &["W:mid", "P:-", "W:October"]),
            ("$13,000", &["P:$", "N:13", "P:,", "N:0"]),
            ("155mm", &["N:155", "W:mm"]),
            ("café 5", &["W:café", "N:5"]),
            ("a\nb", &["W:a", "P:\n", "W:b"]),
            ("€5", &["P:$", "N:5"]),
        ];
        for (s, want) in cases {
            assert_eq!(kinds(s), *want, "{s}");
        }
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        for s in [
            "\u{FEFF}",
            "9999999999999999999",
            "é",
            "1'",
            "1'x",
            "2nd",
            "\u{2014}",
        ] {
            let _ = tokenize(s);
        }
        let t = tokenize("a  b");
        assert!(t[1].space_before);
    }
}
