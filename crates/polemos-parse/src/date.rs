//! Dates as news pages and data exports write them.
//!
//! Scraped pages and CSV exports spell dates in a handful of ways ("2017-04-07", "4/7/17",
//! "Wed 05 Apr 2017", "March 3, 2017"); a date that cannot be read is simply unknown, so every
//! function here returns `Option` and never fails loudly.

use chrono::NaiveDate;

use crate::vocab::vocab;

/// The number of a month written as its English name or abbreviation, in lower case
/// ("march", "sept"), from the `month_names` class of `data/lexicon/`.
pub fn month_number(name: &str) -> Option<u32> {
    vocab().month(name)
}

/// Parses a whole string as a date, tolerating a trailing time ("Sun 16 Apr 2017 10:42",
/// "2017-04-07T09:14:00Z"). Used for input columns and stand-alone date lines.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (date, used) = date_prefix(s)?;
    let rest = s.get(used..)?;
    if rest.trim().is_empty() || time_suffix_len(rest) == rest.len() {
        Some(date)
    } else {
        None
    }
}

/// A date at the very start of `s` (after optional spaces and weekday), with the number of
/// bytes it takes. The date must end at a word boundary.
pub(crate) fn date_prefix(s: &str) -> Option<(NaiveDate, usize)> {
    let b = s.as_bytes();
    let mut p = skip_spaces(b, 0);
    // Optional weekday, e.g. "Wed", "Friday,".
    if let Some((_, after)) = word_at(b, p) {
        let w = &b[p..after];
        if vocab().weekday_abbreviations.contains_ignoring_case(w) {
            let mut q = after;
            if matches!(b.get(q), Some(b',') | Some(b'.')) {
                q += 1;
            }
            let q2 = skip_spaces(b, q);
            if q2 > q || q2 == b.len() {
                p = q2;
            }
        }
    }
    let (date, end) = iso_at(b, p)
        .or_else(|| numeric_at(b, p))
        .or_else(|| day_month_year_at(b, p))
        .or_else(|| month_day_year_at(b, p))?;
    // Word boundary after the date.
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((date, end))
}

/// Length of a time expression at the start of `s` (" at 0914", " 10:42", " – 08:14 GMT"),
/// 0 when there is none. Only whole tokens are consumed.
pub(crate) fn time_suffix_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut p = 0;
    let mut consumed = 0;
    let mut saw_time = false;
    loop {
        p = skip_spaces(b, p);
        // Separators: "-", "–", "—", ",", "|", "·".
        let rest = s.get(p..).unwrap_or("");
        if let Some(c) = rest.chars().next() {
            if matches!(c, '-' | '–' | '—' | ',' | '|' | '·' | '@') {
                p += c.len_utf8();
                continue;
            }
        }
        if p >= b.len() {
            break;
        }
        let Some((kind, after)) = word_at(b, p) else {
            break;
        };
        let w = &b[p..after];
        let ok = match kind {
            WordKind::Alpha => {
                w.eq_ignore_ascii_case(b"at")
                    || (saw_time
                        && (w.eq_ignore_ascii_case(b"am")
                            || w.eq_ignore_ascii_case(b"pm")
                            || vocab().time_zones.contains_ignoring_case(w)))
            }
            WordKind::Digit => {
                // "0914", "10:42", "10:42:07", "9.30"
                let mut q = after;
                let mut groups = 1;
                while matches!(b.get(q), Some(b':') | Some(b'.'))
                    && b.get(q + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    let (_, a) = word_at(b, q + 1).unwrap_or((WordKind::Digit, q + 1));
                    q = a;
                    groups += 1;
                }
                let len = after - p;
                if groups > 1 || len == 4 {
                    saw_time = true;
                    p = q;
                    consumed = p;
                    // "a.m." / "p.m."
                    let r = skip_spaces(b, p);
                    for m in [b"a.m." as &[u8], b"p.m."] {
                        if b.len() >= r + 4 && b[r..r + 4].eq_ignore_ascii_case(m) {
                            p = r + 4;
                            consumed = p;
                        }
                    }
                    continue;
                }
                false
            }
        };
        if !ok {
            break;
        }
        p = after;
        if kind == WordKind::Alpha && !w.eq_ignore_ascii_case(b"at") {
            consumed = p;
        }
    }
    if saw_time {
        // Allow a closing bracket around a zone, e.g. "(GMT)".
        consumed
    } else {
        0
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum WordKind {
    Alpha,
    Digit,
}

/// The ASCII word (all letters or all digits) starting at `p`, with its end.
fn word_at(b: &[u8], p: usize) -> Option<(WordKind, usize)> {
    let first = *b.get(p)?;
    let kind = if first.is_ascii_alphabetic() {
        WordKind::Alpha
    } else if first.is_ascii_digit() {
        WordKind::Digit
    } else {
        return None;
    };
    let mut q = p + 1;
    while let Some(&c) = b.get(q) {
        let same = match kind {
            WordKind::Alpha => c.is_ascii_alphabetic(),
            WordKind::Digit => c.is_ascii_digit(),
        };
        if !same {
            break;
        }
        q += 1;
    }
    Some((kind, q))
}

fn skip_spaces(b: &[u8], mut p: usize) -> usize {
    while b.get(p).is_some_and(|c| *c == b' ' || *c == b'\t') {
        p += 1;
    }
    // A no-break space (U+00A0) is common in scraped pages.
    if b.get(p) == Some(&0xC2) && b.get(p + 1) == Some(&0xA0) {
        return skip_spaces(b, p + 2);
    }
    p
}

fn number(b: &[u8], p: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let (kind, end) = word_at(b, p)?;
    if kind != WordKind::Digit || end - p < min || end - p > max {
        return None;
    }
    let mut v = 0u32;
    for &c in &b[p..end] {
        v = v * 10 + u32::from(c - b'0');
    }
    Some((v, end))
}

fn month_at(b: &[u8], p: usize) -> Option<(u32, usize)> {
    let (kind, end) = word_at(b, p)?;
    if kind != WordKind::Alpha {
        return None;
    }
    let w = &b[p..end];
    let (_, m) = vocab()
        .month_names
        .iter()
        .find(|(name, _)| w.eq_ignore_ascii_case(name.as_bytes()))?;
    let end = if b.get(end) == Some(&b'.') && w.len() <= 4 {
        end + 1
    } else {
        end
    };
    Some((*m, end))
}

/// Skips an English ordinal suffix after a day number ("1st", "22nd").
fn ordinal_suffix(b: &[u8], p: usize) -> usize {
    for suf in [b"st", b"nd", b"rd", b"th"] {
        if b.len() >= p + 2
            && b[p..p + 2].eq_ignore_ascii_case(suf)
            && !b.get(p + 2).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return p + 2;
        }
    }
    p
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1900..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `2017-04-07`, `2017/04/07`, optionally followed by `T09:14:00Z`.
fn iso_at(b: &[u8], p: usize) -> Option<(NaiveDate, usize)> {
    let (y, q) = number(b, p, 4, 4)?;
    let sep = *b.get(q)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let (m, q) = number(b, q + 1, 1, 2)?;
    if b.get(q) != Some(&sep) {
        return None;
    }
    let (d, mut q) = number(b, q + 1, 1, 2)?;
    let date = ymd(y as i32, m, d)?;
    if b.get(q) == Some(&b'T') && b.get(q + 1).is_some_and(|c| c.is_ascii_digit()) {
        q += 1;
        while b
            .get(q)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'.' | b'+' | b'-'))
        {
            q += 1;
        }
    }
    Some((date, q))
}

/// `4/7/17`, `4/7/2017` (month first, as US exports write it; day first when the first
/// number cannot be a month).
fn numeric_at(b: &[u8], p: usize) -> Option<(NaiveDate, usize)> {
    let (a, q) = number(b, p, 1, 2)?;
    if b.get(q) != Some(&b'/') {
        return None;
    }
    let (c, q) = number(b, q + 1, 1, 2)?;
    if b.get(q) != Some(&b'/') {
        return None;
    }
    let (y, end) = number(b, q + 1, 2, 4)?;
    let y = match end - (q + 1) {
        2 => {
            if y < 70 {
                2000 + y
            } else {
                1900 + y
            }
        }
        4 => y,
        _ => return None,
    } as i32;
    let (m, d) = if a > 12 { (c, a) } else { (a, c) };
    Some((ymd(y, m, d)?, end))
}

/// `12 March 2017`, `05 Apr 2017`, `1st May, 2016`.
fn day_month_year_at(b: &[u8], p: usize) -> Option<(NaiveDate, usize)> {
    let (d, q) = number(b, p, 1, 2)?;
    let q = ordinal_suffix(b, q);
    let q2 = skip_spaces(b, q);
    if q2 == q {
        return None;
    }
    let (m, q) = month_at(b, q2)?;
    let q = if b.get(q) == Some(&b',') { q + 1 } else { q };
    let q2 = skip_spaces(b, q);
    if q2 == q {
        return None;
    }
    let (y, end) = number(b, q2, 4, 4)?;
    Some((ymd(y as i32, m, d)?, end))
}

/// `March 3, 2017`, `April 19 2017`, `Oct. 9 2015`.
fn month_day_year_at(b: &[u8], p: usize) -> Option<(NaiveDate, usize)> {
    let (m, q) = month_at(b, p)?;
    let q2 = skip_spaces(b, q);
    if q2 == q {
        return None;
    }
    let (d, q) = number(b, q2, 1, 2)?;
    let q = ordinal_suffix(b, q);
    let q = if b.get(q) == Some(&b',') { q + 1 } else { q };
    let q2 = skip_spaces(b, q);
    if q2 == q {
        return None;
    }
    let (y, end) = number(b, q2, 4, 4)?;
    Some((ymd(y as i32, m, d)?, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_numbers() {
        for (name, m) in [
            ("january", 1),
            ("jan", 1),
            ("may", 5),
            ("sept", 9),
            ("dec", 12),
        ] {
            assert_eq!(month_number(name), Some(m), "{name}");
        }
        assert_eq!(month_number("Jan"), None);
        assert_eq!(month_number("mayor"), None);
        assert_eq!(month_number("ma"), None);
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn formats() {
        assert_eq!(parse_date("2017-04-07"), d(2017, 4, 7));
        assert_eq!(parse_date("2017-04-07T09:14:00Z"), d(2017, 4, 7));
        assert_eq!(parse_date("4/7/17"), d(2017, 4, 7));
        assert_eq!(parse_date("11/27/2017"), d(2017, 11, 27));
        assert_eq!(parse_date("27/11/2017"), d(2017, 11, 27));
        assert_eq!(parse_date("12 March 2017"), d(2017, 3, 12));
        assert_eq!(parse_date("Wed 05 Apr 2017"), d(2017, 4, 5));
        assert_eq!(parse_date("Fri 07 Apr 2017 at 0914"), d(2017, 4, 7));
        assert_eq!(parse_date("Sun 16 Apr 2017 10:42"), d(2017, 4, 16));
        assert_eq!(parse_date("March 3, 2017"), d(2017, 3, 3));
        assert_eq!(parse_date("Oct. 9 2015"), d(2015, 10, 9));
        assert_eq!(parse_date("Friday, 22 July 2016"), d(2016, 7, 22));
        assert_eq!(parse_date("21 November 2017 – 08:14"), d(2017, 11, 21));
        assert_eq!(parse_date("5 March 2018 10:42 am GMT"), d(2018, 3, 5));
    }

    #[test]
    fn rejects() {
        for s in [
            "",
            "yesterday",
            "2/30/17",
            "13/13/2017",
            "12 Marchy 2017",
            "March 2017",
            "12 March 2017 the army",
            "2017-04-07x",
            "99999999999999999999/1/1",
            "Wed",
            "Wed 05 Apr",
        ] {
            assert_eq!(parse_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn prefix_reports_length() {
        let s = "Fri 07 Apr 2017 at 0914 Homs governor";
        let (date, used) = date_prefix(s).unwrap();
        assert_eq!(Some(date), d(2017, 4, 7));
        assert_eq!(&s[..used], "Fri 07 Apr 2017");
        assert_eq!(time_suffix_len(&s[used..]), " at 0914".len());
        assert_eq!(time_suffix_len(" Homs"), 0);
        assert_eq!(time_suffix_len(" at the base"), 0);
    }
}
