//! Datelines and date lines.
//!
//! Agency copy opens with a place ("DEIR EZ-ZOR, Syria (Reuters) -"); scraped pages carry a
//! date line above or below the story ("Published: 12 March 2017", "Fri 07 Apr 2017 at 0914",
//! "Last updated: Sun 16 Apr 2017 10:42"); exports glue the date to the first sentence. The
//! date is what resolves "on Saturday" and "yesterday" later on, so it is worth finding.

use chrono::NaiveDate;

use crate::date::{date_prefix, parse_date, time_suffix_len};
use crate::vocab::vocab;

/// Dashes that end a place dateline.
const DASHES: &[&str] = &["--", "-", "–", "—", "―", ":"];

/// Parses a whole line as a date line ("Published: 12 March 2017", "**Updated:** 5 March
/// 2018", "Thu 25 Jan 2018 at 1730").
pub(crate) fn date_line(line: &str) -> Option<NaiveDate> {
    let rest = strip_label(line);
    parse_date(rest.trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '_'))
}

/// `line` without Markdown emphasis, a date label and an agency name at its start.
fn strip_label(line: &str) -> &str {
    let mut s = line.trim_start_matches(['*', '_', ' ']);
    for label in vocab().dateline_labels.iter() {
        if s.len() >= label.len()
            && s.is_char_boundary(label.len())
            && s[..label.len()].eq_ignore_ascii_case(label)
        {
            let after = &s[label.len()..];
            if after.is_empty() || !after.starts_with(|c: char| c.is_alphanumeric()) {
                s = after.trim_start_matches(['*', '_', ' ', ':']);
                break;
            }
        }
    }
    for agency in vocab().dateline_agencies.iter() {
        if let Some(after) = s.strip_prefix(agency) {
            if after.starts_with(' ') {
                s = after.trim_start();
                break;
            }
        }
    }
    s
}

/// A date at the start of a body line, glued to the first sentence (exports):
/// "Fri 07 Apr 2017 at 0914 Homs governor ...". Returns the date, the length of the date
/// part and where the sentence starts, as offsets into `line`.
pub(crate) fn inline_date(line: &str) -> Option<(NaiveDate, usize, usize)> {
    let rest = strip_label(line);
    let lead = line.len() - rest.len();
    let (date, used) = date_prefix(rest)?;
    let after_date = rest.get(used..)?;
    let used = used + time_suffix_len(after_date);
    let end = lead + used;
    let body = skip_separators(line, end);
    if body >= line.len() {
        return None;
    }
    Some((date, end, body))
}

/// A place dateline at the start of a body line: "DEIR EZ-ZOR, Syria (Reuters) - ".
/// Returns the place as written, the date if the dateline gives one, the dateline's length
/// (up to and including the dash) and where the sentence starts.
pub(crate) fn place_dateline(line: &str) -> Option<(&str, Option<NaiveDate>, usize, usize)> {
    let b = line.as_bytes();
    // The place: upper-case words.
    let mut p = 0;
    let mut place_end = 0;
    let mut letters = 0;
    loop {
        let word: &str = line
            .get(p..)?
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ':')
            .next()?;
        if word.is_empty()
            || !word
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’' | '.'))
            || !word.chars().next().is_some_and(char::is_uppercase)
        {
            break;
        }
        letters += word.chars().filter(|c| c.is_uppercase()).count();
        p += word.len();
        place_end = p;
        if b.get(p) == Some(&b' ') && line.get(p + 1..)?.starts_with(char::is_uppercase) {
            p += 1;
            continue;
        }
        break;
    }
    if letters < 3 || place_end == 0 {
        return None;
    }
    let place = line.get(..place_end)?;
    if vocab().dateline_not_places.contains(place) {
        return None;
    }
    let mut q = place_end;
    let mut date = None;
    // ", Syria" or ", Jan 5" (region or date), up to five words.
    if b.get(q) == Some(&b',') {
        let rest = line.get(q + 1..)?;
        let stop = rest.find(['(', '-', '–', '—', ':']).unwrap_or(rest.len());
        let region = rest.get(..stop)?;
        if region.split_whitespace().count() > 5
            || !region
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        {
            return None;
        }
        date = parse_date(region.trim().trim_end_matches(','));
        q += 1 + stop;
    }
    // "(Reuters)"
    let after = line.get(q..)?;
    let trimmed = after.trim_start();
    q += after.len() - trimmed.len();
    if trimmed.starts_with('(') {
        let close = trimmed.find(')')?;
        if close > 40 {
            return None;
        }
        q += close + 1;
    }
    let after = line.get(q..)?;
    let trimmed = after.trim_start();
    q += after.len() - trimmed.len();
    let dash = DASHES.iter().find(|d| trimmed.starts_with(**d))?;
    q += dash.len();
    // The dash must be followed by a space and then the sentence.
    if !line.get(q..)?.starts_with(char::is_whitespace) {
        return None;
    }
    let body = skip_separators(line, q);
    if body >= line.len() {
        return None;
    }
    Some((place, date, q, body))
}

/// The first position at or after `p` that is not whitespace or a dash/colon separator.
fn skip_separators(line: &str, p: usize) -> usize {
    let rest = line.get(p..).unwrap_or("");
    let trimmed = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | ',')
    });
    p + rest.len() - trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn date_lines() {
        assert_eq!(date_line("Published: 12 March 2017"), Some(d(2017, 3, 12)));
        assert_eq!(date_line("**Updated:** 5 March 2018"), Some(d(2018, 3, 5)));
        assert_eq!(date_line("Wed 05 Apr 2017"), Some(d(2017, 4, 5)));
        assert_eq!(date_line("Fri 07 Apr 2017 at 0914"), Some(d(2017, 4, 7)));
        assert_eq!(
            date_line("Last updated: Sun 16 Apr 2017 10:42"),
            Some(d(2017, 4, 16))
        );
        assert_eq!(
            date_line("Published: 21 November 2017 – 08:14"),
            Some(d(2017, 11, 21))
        );
        assert_eq!(date_line("Published on March 3, 2017"), Some(d(2017, 3, 3)));
        assert_eq!(date_line("Published by the ministry"), None);
        assert_eq!(date_line("12 March 2017 was a bad day."), None);
    }

    #[test]
    fn inline_dates() {
        let l = "Fri 07 Apr 2017 at 0914 Homs governor says";
        let (date, end, body) = inline_date(l).unwrap();
        assert_eq!(date, d(2017, 4, 7));
        assert_eq!(&l[..end], "Fri 07 Apr 2017 at 0914");
        assert_eq!(&l[body..], "Homs governor says");
        let l = "Date of publication 7 July 2016 More than 33 people";
        let (_, end, body) = inline_date(l).unwrap();
        assert_eq!(&l[..end], "Date of publication 7 July 2016");
        assert_eq!(&l[body..], "More than 33 people");
        assert!(inline_date("On 7 July 2016 the army").is_none());
        assert!(inline_date("12 March 2017").is_none());
    }

    #[test]
    fn place_datelines() {
        let l = "DEIR EZ-ZOR, Syria (Reuters) - The besieged enclave";
        let (place, date, end, body) = place_dateline(l).unwrap();
        assert_eq!(place, "DEIR EZ-ZOR");
        assert_eq!(date, None);
        assert_eq!(&l[..end], "DEIR EZ-ZOR, Syria (Reuters) -");
        assert_eq!(&l[body..], "The besieged enclave");
        let l = "DAMASCUS (AP) — Shells fell";
        let (place, _, _, body) = place_dateline(l).unwrap();
        assert_eq!((place, &l[body..]), ("DAMASCUS", "Shells fell"));
        let l = "BEIRUT, March 3, 2017 (AFP) - Rebels";
        let (_, date, _, _) = place_dateline(l).unwrap();
        assert_eq!(date, Some(d(2017, 3, 3)));
        for l in [
            "IS militants attacked - the base",
            "A - b",
            "The SDF - a Kurdish-led alliance - advanced.",
            "HOMS",
            "SDF fighters advanced.",
            "HOMS, Syria -",
            "BREAKING: Massive strikes on Idlib",
            "SDF - a Kurdish-led alliance - advanced.",
        ] {
            assert!(place_dateline(l).is_none(), "{l:?}");
        }
    }
}
