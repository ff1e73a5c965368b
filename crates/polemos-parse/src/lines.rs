//! Lines and paragraphs of a text, as byte spans.
//!
//! Page furniture, headlines, datelines and story boundaries are all decided line by line, so
//! the text is scanned into lines once and every later step works on these spans.

/// One line of text: its trimmed content span (empty for a blank line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Start of the line's content (after leading whitespace).
    pub start: usize,
    /// End of the line's content (before trailing whitespace and the line break).
    pub end: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits `text` into lines (on `\n`; `\r` is whitespace), trimming each. A trailing line
/// break does not make an extra empty line.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        let end = memchr_newline(bytes, pos);
        out.push(trim_span(text, pos, end));
        pos = end + 1;
    }
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |i| from + i)
}

/// The span `[start, end)` with whitespace trimmed off both sides; `start` and `end` must be
/// char boundaries.
pub(crate) fn trim_span(text: &str, start: usize, end: usize) -> Line {
    let s = text.get(start..end).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        Line { start, end: start }
    } else {
        Line {
            start: start + lead,
            end: start + lead + trimmed.len(),
        }
    }
}

/// Number of words (runs of non-whitespace) in `s`.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether `s` ends with sentence-final punctuation, looking through closing quotes and
/// brackets.
pub(crate) fn ends_with_terminal(s: &str) -> bool {
    for c in s.chars().rev() {
        match c {
            '.' | '!' | '?' | '…' => return true,
            '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' => continue,
            _ => return false,
        }
    }
    false
}

/// The last character of `s` that is not a closing quote or bracket.
pub(crate) fn last_significant(s: &str) -> Option<char> {
    s.chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_trims() {
        let t = "  Head \r\n\nBody one.\n";
        let ls = lines(t);
        assert_eq!(ls.len(), 3);
        assert_eq!(ls[0].text(t), "Head");
        assert!(ls[1].is_blank());
        assert_eq!(ls[2].text(t), "Body one.");
        assert!(lines("").is_empty());
        assert_eq!(lines("\n\n").len(), 2);
    }

    #[test]
    fn terminal() {
        assert!(ends_with_terminal("He said.”"));
        assert!(ends_with_terminal("Why?"));
        assert!(!ends_with_terminal("Syrian forces inside the airbase:"));
        assert!(!ends_with_terminal(""));
        assert_eq!(last_significant("x:”"), Some(':'));
    }
}
