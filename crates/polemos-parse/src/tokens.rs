//! Tokens with byte offsets.
//!
//! Place and actor names in this domain are full of inner hyphens and apostrophes ("al-Bab",
//! "ez-Zor", "Tu-22M3"), numbers carry separators ("1,200", "3.5") and initialisms carry dots
//! ("U.S."), so those stay one token; everything else is split at word edges.

use polemos_core::{Span, Token, TokenKind};

/// Unicode punctuation outside ASCII that is common in news text.
const UNICODE_PUNCT: &str = "“”‘’«»‹›„‚–—―‐‑‒…·•‧、。，：；！？¡¿،؛؟٫٬〈〉《》「」『』【】";

/// Combining marks and joiners that belong to the word they follow (accents, Arabic
/// vowel signs, ZWJ/ZWNJ).
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x0900..=0x0903
        | 0x093A..=0x094F
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F)
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation() && !"$%+<=>^`|~#&@".contains(c)
    } else {
        UNICODE_PUNCT.contains(c)
    }
}

/// The tokens of `text[span]` (a sentence's span, say), with spans into `text`.
///
/// Sentences keep only their token count ([`polemos_core::Sentence::n_tokens`]): nothing
/// downstream reads the tokens themselves, and holding them cost more memory than the text
/// (24 bytes per token, about one token per five bytes). Callers that want them make them
/// here, one sentence at a time.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(span.len() / 5 + 1);
    for_each_token(text, span, |t| out.push(t));
    out
}

/// The number of tokens [`tokenize`] gives for `text[span]`, without allocating.
pub(crate) fn count(text: &str, span: Span) -> usize {
    let mut n = 0;
    for_each_token(text, span, |_| n += 1);
    n
}

/// Calls `emit` with each token of `text[span]` (spans into `text`), in order.
fn for_each_token(text: &str, span: Span, mut emit: impl FnMut(Token)) {
    let Some(s) = text.get(span.start..span.end) else {
        return;
    };
    let base = span.start;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_word_char(c) {
            let (end, letters) = word_end(s, i);
            let kind = if letters {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            emit(Token {
                span: Span::new(base + i, base + end),
                kind,
            });
            i = end.max(i + c.len_utf8());
            continue;
        }
        let mut end = i + c.len_utf8();
        // Runs of the same dot or dash ("...", "--") are one token.
        if c == '.' || c == '-' {
            while bytes.get(end) == Some(&b) {
                end += 1;
            }
        }
        let kind = if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        emit(Token {
            span: Span::new(base + i, base + end),
            kind,
        });
        i = end;
    }
}

/// The end of the word or number starting at `start`, and whether it holds letters.
fn word_end(s: &str, start: usize) -> (usize, bool) {
    let b = s.as_bytes();
    let mut p = start;
    let mut end = start;
    let mut seg_len = 0usize; // chars since the start or the last inner dot
    let mut has_dot = false;
    let mut letters = false;
    loop {
        // Fast path: a run of ASCII letters and digits.
        let run_start = p;
        while let Some(&x) = b.get(p) {
            if !x.is_ascii_alphanumeric() {
                break;
            }
            letters |= x.is_ascii_alphabetic();
            p += 1;
        }
        if p > run_start {
            seg_len += p - run_start;
            end = p;
        }
        let Some(c) = s.get(p..).and_then(|r| r.chars().next()) else {
            break;
        };
        let width = c.len_utf8();
        if !c.is_ascii() && is_word_char(c) {
            p += width;
            end = p;
            if c.is_alphanumeric() {
                seg_len += 1;
                letters |= c.is_alphabetic();
            }
            continue;
        }
        let next = s.get(p + width..).and_then(|r| r.chars().next());
        let all_digits = !letters;
        let joins = match c {
            '-' | '‐' | '‑' => next.is_some_and(is_word_char),
            '\'' | '’' => {
                next.is_some_and(char::is_alphabetic)
                    && s.get(..p)
                        .and_then(|q| q.chars().next_back())
                        .is_some_and(char::is_alphabetic)
            }
            ',' | '/' | ':' | '.' => all_digits && next.is_some_and(|n| n.is_ascii_digit()),
            _ => false,
        };
        if joins {
            p += width;
            seg_len = 0;
            continue;
        }
        if c == '.' && letters && seg_len == 1 {
            // Initialisms: "U.S.", "a.m." — single letters joined by dots.
            let after_next = s.get(p + 1..).and_then(|r| {
                let mut cs = r.chars();
                let a = cs.next()?;
                Some((a, cs.next()))
            });
            let continues = matches!(after_next, Some((a, Some('.'))) if a.is_alphabetic());
            if continues || has_dot {
                has_dot = true;
                p += 1;
                end = p;
                if continues {
                    seg_len = 0;
                    continue;
                }
            }
        }
        break;
    }
    (end, letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let out = tokenize(text, Span::new(0, text.len()));
        assert_eq!(count(text, Span::new(0, text.len())), out.len());
        out.iter()
            .map(|t| (&text[t.span.start..t.span.end], t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn words_and_numbers() {
        use TokenKind::*;
        assert_eq!(
            toks("U.S. jets hit al-Bab, killing 1,200; 3.5%"),
            [
                ("U.S.", Word),
                ("jets", Word),
                ("hit", Word),
                ("al-Bab", Word),
                (",", Punct),
                ("killing", Word),
                ("1,200", Number),
                (";", Punct),
                ("3.5", Number),
                ("%", Symbol),
            ]
        );
        assert_eq!(
            words("Tu-22M3 bombers in Deir ez-Zor"),
            ["Tu-22M3", "bombers", "in", "Deir", "ez-Zor"]
        );
        assert_eq!(words("Ashton B. Carter"), ["Ashton", "B", ".", "Carter"]);
        assert_eq!(
            words("at 9 a.m. on 4/7/17 at 10:42."),
            ["at", "9", "a.m.", "on", "4/7/17", "at", "10:42", "."]
        );
        assert_eq!(
            words("the army’s “freeze” don't"),
            ["the", "army’s", "“", "freeze", "”", "don't"]
        );
        assert_eq!(words("wait... -- end-"), ["wait", "...", "--", "end", "-"]);
        assert_eq!(
            words("137th Brigade 2015."),
            ["137th", "Brigade", "2015", "."]
        );
        assert_eq!(toks("🙂 Ḥamā")[0].1, TokenKind::Symbol);
        assert_eq!(words("Ḥamā حَمَاة"), ["Ḥamā", "حَمَاة"]);
    }

    #[test]
    fn offsets_are_into_the_text() {
        let text = "xx Homs. yy";
        let out = tokenize(text, Span::new(3, 8));
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].span, Span::new(3, 7));
        assert_eq!(out[1].span, Span::new(7, 8));
    }
}
