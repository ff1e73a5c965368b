//! Reading counts written in digits or words.

use crate::lexicon::Vocab;
use crate::words::Word;

/// A count read from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub value: u32,
    /// How many words it took, including modifiers like "at least".
    pub words: usize,
    /// Whether it was a vague quantity ("dozens") coded conservatively.
    pub vague: bool,
}

fn lookup(table: &[(Box<str>, u32)], w: &str) -> Option<u32> {
    table.iter().find(|(k, _)| &**k == w).map(|(_, v)| *v)
}

/// The value of a number word from one to nineteen ("seven"), if `w` is one.
pub(crate) fn unit_number(v: &Vocab, w: &str) -> Option<u32> {
    lookup(&v.number_units, w)
}

fn small_number(v: &Vocab, words: &[Word<'_>]) -> Option<(u32, usize)> {
    let w = words.first()?.text;
    if let Some(t) = lookup(&v.number_tens, w) {
        if let Some(u) = words
            .get(1)
            .and_then(|n| unit_number(v, n.text))
            .filter(|u| *u < 10)
        {
            return Some((t + u, 2));
        }
        return Some((t, 1));
    }
    unit_number(v, w).map(|u| (u, 1))
}

/// A whole number written in digits, commas allowed anywhere ("1,200"); none with a dot.
fn digits(w: &str) -> Option<u32> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut value: u32 = 0;
    for b in w.bytes() {
        match b {
            b',' => {}
            b'0'..=b'9' => {
                value = value.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
            }
            _ => return None,
        }
    }
    Some(value)
}

/// Whether a count may start with word `w`: a digit, or a word some count opens with (a
/// modifier, "between", a vague quantity, "a", a number word). Rejects most words at once.
fn may_start_count(v: &Vocab, w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) || v.count_first_words.contains(w)
}

/// Reads a count at the start of `words`.
pub(crate) fn read_count(v: &Vocab, words: &[Word<'_>]) -> Option<Count> {
    // Digits "scaled" reads as f64 start with a digit too: words are letters and digits, and
    // the only other words f64 parses ("inf", "nan") give no finite count.
    if !may_start_count(v, words.first()?.text) {
        return None;
    }
    let mut skip = 0;
    for m in v.count_modifiers.word_seqs() {
        if words.len() > m.len() && m.iter().zip(words).all(|(a, b)| **a == *b.text) {
            skip = m.len();
            break;
        }
    }
    let rest = &words[skip..];
    let first = rest.first()?;
    // "between 10 and 15" is coded as its lower bound.
    if first.text == "between" {
        let low = read_count(v, &rest[1..])?;
        let and_at = 1 + low.words;
        if rest.get(and_at).is_some_and(|w| w.text == "and") {
            let high = read_count(v, &rest[and_at + 1..])?;
            return Some(Count {
                value: low.value,
                words: skip + and_at + 1 + high.words,
                vague: low.vague,
            });
        }
        return None;
    }
    if let Some(v) = digits(first.text) {
        return Some(Count {
            value: v,
            words: skip + 1,
            vague: false,
        });
    }
    // "1.5 million", "2 thousand".
    if let Some((v, n)) = scaled(rest) {
        return Some(Count {
            value: v,
            words: skip + n,
            vague: false,
        });
    }
    if let Some((seq, count)) = v.vague_quantities.iter().find(|(seq, _)| {
        rest.len() >= seq.len() && seq.iter().zip(rest).all(|(a, b)| **a == *b.text)
    }) {
        return Some(Count {
            value: *count,
            words: skip + seq.len(),
            vague: true,
        });
    }
    // Number words: "twelve", "twenty one", "two hundred and five", "a thousand".
    let (mut value, mut used) = match first.text {
        "a" | "an" => (1, 1),
        _ => small_number(v, rest)?,
    };
    match rest.get(used).map(|w| w.text) {
        Some("hundred") => {
            value *= 100;
            used += 1;
            if let Some((v, n)) = rest
                .get(used + 1..)
                .filter(|_| rest[used].text == "and")
                .and_then(|r| small_number(v, r))
            {
                value += v;
                used += 1 + n;
            }
        }
        Some("thousand") => {
            value *= 1000;
            used += 1;
        }
        _ if first.text == "a" || first.text == "an" => return None,
        _ => {}
    }
    Some(Count {
        value,
        words: skip + used,
        vague: false,
    })
}

/// A number with a multiplier word: "1.5 million", "2 thousand", "3,000".
fn scaled(words: &[Word<'_>]) -> Option<(u32, usize)> {
    let factor = match words.get(1).map(|w| w.text) {
        Some("million") => 1_000_000.0,
        Some("thousand") => 1_000.0,
        Some("hundred") => 100.0,
        _ => return None,
    };
    let number: f64 = words.first()?.text.replace(',', "").parse().ok()?;
    let value = number * factor;
    (value.is_finite() && value >= 0.0 && value <= f64::from(u32::MAX)).then_some((value as u32, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words_in;

    fn count(s: &str) -> Option<(u32, usize)> {
        let w = words_in(s, 0, s.len());
        read_count(Vocab::embedded(), &w).map(|c| (c.value, c.words))
    }

    #[test]
    fn digits_words_and_vague() {
        assert_eq!(count("12 soldiers"), Some((12, 1)));
        assert_eq!(count("1,200 people"), Some((1200, 1)));
        assert_eq!(count("at least 15 people"), Some((15, 3)));
        assert_eq!(count("twenty one civilians"), Some((21, 2)));
        assert_eq!(count("five children"), Some((5, 1)));
        assert_eq!(count("two hundred and five"), Some((205, 4)));
        assert_eq!(count("dozens of civilians"), Some((12, 2)));
        assert_eq!(count("a dozen people"), Some((12, 2)));
        assert_eq!(count("more than 30 militants"), Some((30, 3)));
        assert_eq!(count("soldiers"), None);
        assert_eq!(count("3.5 km"), None);
        assert_eq!(count("1.5 million people"), Some((1_500_000, 2)));
        assert_eq!(count("two thousand"), Some((2000, 2)));
        assert_eq!(count("a hundred"), Some((100, 2)));
        assert_eq!(count("a man"), None);
        assert_eq!(count("between 10 and 15 people"), Some((10, 4)));
        assert_eq!(count("several civilians"), Some((10, 1)));
        assert_eq!(count("a handful of fighters"), Some((3, 3)));
        assert_eq!(count("scores of troops"), Some((20, 2)));
    }
}
