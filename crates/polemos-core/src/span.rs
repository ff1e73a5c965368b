use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `""` when it does not fall on character boundaries of
    /// `text` (which never happens for spans produced by polemos on the same text).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies entirely within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span moved right by `offset` bytes.
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_and_relations() {
        let text = "Aleppo was shelled.";
        let s = Span::new(0, 6);
        assert_eq!(s.slice(text), "Aleppo");
        assert_eq!(s.len(), 6);
        assert!(Span::new(0, 19).contains(s));
        assert!(s.overlaps(Span::new(5, 8)));
        assert!(!s.overlaps(Span::new(6, 8)));
        assert_eq!(s.shifted(2), Span::new(2, 8));
        assert_eq!(s.cover(Span::new(11, 18)), Span::new(0, 18));
    }

    #[test]
    fn slice_off_boundary_is_empty() {
        let text = "Ḥamā";
        assert_eq!(Span::new(1, 2).slice(text), "");
        assert_eq!(Span::new(0, 100).slice(text), "");
    }
}
