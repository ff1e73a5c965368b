//! Reading counts written in digits or words.

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

const UNITS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];
const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
/// Vague quantities, coded conservatively after ACLED's practice ("dozens" = 12,
/// "hundreds" = 100, "several" = 10).
const VAGUE: &[(&str, u32)] = &[
    ("dozens", 12),
    ("scores", 20),
    ("hundreds", 100),
    ("thousands", 1000),
    ("several", 10),
];
/// Words before a number that qualify it without changing the conservative reading.
const MODIFIERS: &[&[&str]] = &[
    &["at", "least"],
    &["more", "than"],
    &["over"],
    &["about"],
    &["around"],
    &["nearly"],
    &["some"],
    &["up", "to"],
    &["almost"],
    &["approximately"],
    &["roughly"],
    &["an", "estimated"],
    &["as", "many", "as"],
    &["no", "fewer", "than"],
];

fn lookup(table: &[(&str, u32)], w: &str) -> Option<u32> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn small_number(words: &[Word<'_>]) -> Option<(u32, usize)> {
    let w = words.first()?.text;
    if let Some(t) = lookup(TENS, w) {
        if let Some(u) = words
            .get(1)
            .and_then(|n| lookup(UNITS, n.text))
            .filter(|u| *u < 10)
        {
            return Some((t + u, 2));
        }
        return Some((t, 1));
    }
    lookup(UNITS, w).map(|u| (u, 1))
}

fn digits(w: &str) -> Option<u32> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if w.contains('.') {
        return None;
    }
    w.replace(',', "").parse().ok()
}

/// Reads a count at the start of `words`.
pub fn read_count(words: &[Word<'_>]) -> Option<Count> {
    let mut skip = 0;
    for m in MODIFIERS {
        if words.len() > m.len() && m.iter().zip(words).all(|(a, b)| *a == b.text) {
            skip = m.len();
            break;
        }
    }
    let rest = &words[skip..];
    let first = rest.first()?;
    if let Some(v) = digits(first.text) {
        return Some(Count {
            value: v,
            words: skip + 1,
            vague: false,
        });
    }
    if first.text == "a" || first.text == "one" {
        match rest.get(1).map(|w| w.text) {
            Some("dozen") => {
                return Some(Count {
                    value: 12,
                    words: skip + 2,
                    vague: false,
                })
            }
            Some("hundred") => {
                return Some(Count {
                    value: 100,
                    words: skip + 2,
                    vague: false,
                })
            }
            _ => {}
        }
    }
    if let Some(v) = lookup(VAGUE, first.text) {
        return Some(Count {
            value: v,
            words: skip + 1,
            vague: true,
        });
    }
    let (mut value, mut used) = small_number(rest)?;
    if rest.get(used).is_some_and(|w| w.text == "hundred") {
        value *= 100;
        used += 1;
        if let Some((v, n)) = rest
            .get(used + 1..)
            .filter(|_| rest[used].text == "and")
            .and_then(small_number)
        {
            value += v;
            used += 1 + n;
        }
    }
    Some(Count {
        value,
        words: skip + used,
        vague: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words_in;

    fn count(s: &str) -> Option<(u32, usize)> {
        let w = words_in(s, 0, s.len());
        read_count(&w).map(|c| (c.value, c.words))
    }

    #[test]
    fn digits_words_and_vague() {
        assert_eq!(count("12 soldiers"), Some((12, 1)));
        assert_eq!(count("1,200 people"), Some((1200, 1)));
        assert_eq!(count("at least 15 people"), Some((15, 3)));
        assert_eq!(count("twenty one civilians"), Some((21, 2)));
        assert_eq!(count("five children"), Some((5, 1)));
        assert_eq!(count("two hundred and five"), Some((205, 4)));
        assert_eq!(count("dozens of civilians"), Some((12, 1)));
        assert_eq!(count("a dozen people"), Some((12, 2)));
        assert_eq!(count("more than 30 militants"), Some((30, 3)));
        assert_eq!(count("soldiers"), None);
        assert_eq!(count("3.5 km"), None);
    }
}
