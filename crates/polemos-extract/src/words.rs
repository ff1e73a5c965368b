//! Splitting folded text into words with their folded byte offsets.

/// A word of folded text: letters and digits, with `,` and `.` kept inside numbers ("1,200").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The words of `text[range]`, offsets relative to `text`.
pub fn words_in(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            let s = i;
            while i < end {
                let c = bytes[i];
                let inner_sep = (c == b',' || c == b'.')
                    && i > s
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if c.is_ascii_alphanumeric() || c >= 0x80 || inner_sep {
                    i += 1;
                } else {
                    break;
                }
            }
            if let Some(t) = text.get(s..i) {
                out.push(Word {
                    text: t,
                    start: s,
                    end: i,
                });
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_separators() {
        let t = "killing 1,200 people, 3.5 km away.";
        let w: Vec<&str> = words_in(t, 0, t.len()).iter().map(|w| w.text).collect();
        assert_eq!(w, vec!["killing", "1,200", "people", "3.5", "km", "away"]);
    }
}
