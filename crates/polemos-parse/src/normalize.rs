//! Loose text comparison for recognising repeated headlines.
//!
//! A title given by metadata is often repeated in the text with different quotes, case or
//! punctuation (exports that strip commas and apostrophes), so repeats are found by comparing
//! letters and digits only, case-insensitively. The text itself is never changed.

/// Letters and digits of `s`, lower-cased, with their byte offsets (of the original char).
fn folded(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    s.char_indices()
        .filter(|(_, c)| c.is_alphanumeric())
        .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)))
}

/// If `text` starts (after optional punctuation and spaces) with `needle` under loose
/// comparison, the byte length of the matched stretch of `text`, ending after the last
/// matched character. `None` when `needle` has no letters or digits.
pub(crate) fn loose_prefix_len(text: &str, needle: &str) -> Option<usize> {
    let mut hay = folded(text);
    let mut end = None;
    let mut any = false;
    for (_, n) in folded(needle) {
        any = true;
        let (i, h) = hay.next()?;
        if h != n {
            return None;
        }
        end = Some(i);
    }
    if !any {
        return None;
    }
    let last = end?;
    let width = text.get(last..)?.chars().next()?.len_utf8();
    // The match must end at a word boundary in the text.
    let after = text.get(last + width..)?;
    if after.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(last + width)
}

/// Finds `needle` in the first `window` bytes of `text` at a word start, under loose
/// comparison: the matched byte range.
pub(crate) fn loose_find(text: &str, needle: &str, window: usize) -> Option<(usize, usize)> {
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        if i > window {
            break;
        }
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            if let Some(len) = text.get(i..).and_then(|t| loose_prefix_len(t, needle)) {
                return Some((i, i + len));
            }
        }
        prev_alnum = alnum;
    }
    None
}

/// Whether two headlines are the same under loose comparison.
pub(crate) fn loose_eq(a: &str, b: &str) -> bool {
    folded(a).map(|(_, c)| c).eq(folded(b).map(|(_, c)| c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix() {
        let t = "Homs governor says U.S. attack caused deaths. A U.S. missile";
        let n = loose_prefix_len(t, "Homs Governor Says US attack caused deaths").unwrap();
        assert_eq!(&t[..n], "Homs governor says U.S. attack caused deaths");
        assert_eq!(loose_prefix_len("Homsx", "Homs"), None);
        assert_eq!(loose_prefix_len("Homs", "Homs city"), None);
        assert_eq!(loose_prefix_len("Homs", "  "), None);
    }

    #[test]
    fn find_and_eq() {
        let t = "Posted on April 19 2017 by Desk Six Killed in Aleppo Bombing Six people";
        let (s, e) = loose_find(t, "Six killed in Aleppo bombing", 200).unwrap();
        assert_eq!(&t[s..e], "Six Killed in Aleppo Bombing");
        assert!(loose_eq("Iran Hosts “Envoy”", "iran hosts \"envoy\""));
        assert!(!loose_eq("Iran", "Iraq"));
        assert_eq!(loose_find("ḤAMĀ Ḥamā", "ḥamā", 100), Some((0, 7)));
    }
}
