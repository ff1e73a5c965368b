//! Dates of events: absolute ("January 30", "30 Jan 2017", "2017-01-30") and relative ("on
//! Saturday", "Thursday night", "yesterday", "last week", "earlier this month") expressions,
//! resolved against the publication date with ACLED's time precision (1 day, 2 week, 3 month).
//!
//! When the publication date is unknown, relative expressions are kept (their span) and the
//! date is left empty rather than guessed.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use polemos_core::{EventDate, Sentence, Span};

use crate::fold::Folded;
use crate::lexicon::Vocab;
use crate::words::Word;

/// A temporal expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub sentence: u32,
    pub span: Span,
    pub expr: DateExpr,
    /// The date of a report, not of an event: "SANA reported on Sunday", "said on Friday".
    pub of_report: bool,
}

/// What a temporal expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    /// A weekday: the latest such day on or before publication.
    Weekday(Weekday),
    /// Days before publication: 0 today, 1 yesterday.
    DaysAgo(u32),
    /// The week before the publication week.
    LastWeek,
    /// The publication week up to publication.
    ThisWeek,
    /// The latest weekend on or before publication.
    Weekend,
    /// The month before the publication month.
    LastMonth,
    /// The publication month up to publication.
    ThisMonth,
    /// A calendar day; the year is inferred when missing.
    Day {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    /// A calendar month.
    Month { month: u32, year: Option<i32> },
}

fn month(w: &str) -> Option<u32> {
    polemos_parse::month_number(w)
}

fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    w.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// Whether an expression may start with word `w`: one starting with a digit (a day, a year),
/// or the first word of a relative expression, a weekday or a month. Most words are none.
fn may_start_date(v: &Vocab, w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || v.date_first_words.contains(w)
        || month(w).is_some()
}

/// Reads an expression starting at word `i`; returns it and the index of its last word.
fn read_at(v: &Vocab, words: &[Word<'_>], i: usize) -> Option<(DateExpr, usize)> {
    let w = words[i].text;
    if !may_start_date(v, w) {
        return None;
    }
    for (seq, expr) in &v.relative_dates {
        if words.len() >= i + seq.len() && seq.iter().zip(&words[i..]).all(|(a, b)| **a == *b.text)
        {
            return Some((*expr, i + seq.len() - 1));
        }
    }
    if let Some(wd) = v.weekday_names.get(w) {
        // "Thursday night", "Friday morning" stay on that day.
        let last = match words.get(i + 1) {
            Some(next) if v.day_parts.contains(next.text) => i + 1,
            _ => i,
        };
        return Some((DateExpr::Weekday(*wd), last));
    }
    // ISO "2017-01-30" folds to "2017 01 30".
    if let (Some(y), Some(m), Some(d)) = (
        year(w),
        words.get(i + 1).and_then(|w| w.text.parse::<u32>().ok()),
        words.get(i + 2).and_then(|w| w.text.parse::<u32>().ok()),
    ) {
        if (1..=12).contains(&m) && (1..=31).contains(&d) && words[i + 1].text.len() == 2 {
            return Some((
                DateExpr::Day {
                    month: m,
                    day: d,
                    year: Some(y),
                },
                i + 2,
            ));
        }
    }
    // "January 30", "Jan 30, 2017", "March 2017", "in March".
    if let Some(m) = month(w) {
        // "may" is also a verb: only a month when a day or year follows.
        if let Some(d) = words.get(i + 1).and_then(|n| day_number(n.text)) {
            return Some(day_then_year(words, m, d, i + 1));
        }
        if let Some(y) = words.get(i + 1).and_then(|n| year(n.text)) {
            return Some((
                DateExpr::Month {
                    month: m,
                    year: Some(y),
                },
                i + 1,
            ));
        }
        let before = i.checked_sub(1).map(|p| words[p].text);
        if w != "may" && w.len() > 3 && before.is_some_and(|b| v.month_prepositions.contains(b)) {
            return Some((
                DateExpr::Month {
                    month: m,
                    year: None,
                },
                i,
            ));
        }
        return None;
    }
    // "30 January", "30 Jan 2017".
    if let (Some(d), Some(m)) = (day_number(w), words.get(i + 1).and_then(|n| month(n.text))) {
        return Some(day_then_year(words, m, d, i + 1));
    }
    None
}

/// A calendar day whose last word is at `at`, taking the year that may follow it ("January 30,
/// 2017", "30 Jan 2017").
fn day_then_year(words: &[Word<'_>], month: u32, day: u32, at: usize) -> (DateExpr, usize) {
    let year = words.get(at + 1).and_then(|n| year(n.text));
    let last = if year.is_some() { at + 1 } else { at };
    (DateExpr::Day { month, day, year }, last)
}

/// Finds temporal expressions in each sentence.
pub fn find_dates(v: &Vocab, folded: &Folded, sentences: &[Sentence]) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    for s in sentences {
        let fs = folded.folded_offset(s.span.start);
        let fe = folded.folded_offset(s.span.end);
        folded.words_into(fs, fe, &mut words);
        let mut i = 0;
        while i < words.len() {
            match read_at(v, &words, i) {
                Some((expr, last)) => {
                    let period = i
                        .checked_sub(1)
                        .is_some_and(|p| v.period_starts.contains(words[p].text));
                    if !period {
                        let before = |k: usize| i.checked_sub(k).map(|p| words[p].text);
                        // "SANA reported on Sunday", and "IS on Monday claimed
                        // responsibility for": the date of the report, not of the event.
                        let dates_report = |w: Option<&str>| {
                            w.is_some_and(|w| v.report_verbs_dating_reports.contains(w))
                        };
                        let of_report = dates_report(before(1))
                            || (before(1) == Some("on") && dates_report(before(2)))
                            || dates_report(words.get(last + 1).map(|w| w.text));
                        out.push(DateMention {
                            sentence: s.index,
                            span: folded.original_span(words[i].start, words[last].end),
                            expr,
                            of_report,
                        });
                    }
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

fn month_start(d: NaiveDate) -> Option<NaiveDate> {
    d.with_day(1)
}

fn month_end(d: NaiveDate) -> Option<NaiveDate> {
    month_start(d)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// Resolves an expression against the publication date.
pub fn resolve(expr: DateExpr, published: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate, u8)> {
    let day = |d: NaiveDate| Some((d, d, 1));
    match expr {
        DateExpr::Day {
            month,
            day: d,
            year: Some(y),
        } => NaiveDate::from_ymd_opt(y, month, d).and_then(day),
        DateExpr::Month {
            month,
            year: Some(y),
        } => {
            let start = NaiveDate::from_ymd_opt(y, month, 1)?;
            Some((start, month_end(start)?, 3))
        }
        _ => {
            let p = published?;
            match expr {
                DateExpr::Weekday(wd) => {
                    let back =
                        (7 + p.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                    day(p - Days::new(u64::from(back)))
                }
                DateExpr::DaysAgo(n) => day(p - Days::new(u64::from(n))),
                DateExpr::LastWeek => {
                    let start = monday_of(p) - Days::new(7);
                    Some((start, start + Days::new(6), 2))
                }
                DateExpr::ThisWeek => Some((monday_of(p), p, 2)),
                DateExpr::Weekend => {
                    let back = (7 + p.weekday().num_days_from_monday() - 6) % 7;
                    let sunday = p - Days::new(u64::from(back));
                    Some((sunday - Days::new(1), sunday, 2))
                }
                DateExpr::LastMonth => {
                    let start = month_start(p)?.checked_sub_months(Months::new(1))?;
                    Some((start, month_end(start)?, 3))
                }
                DateExpr::ThisMonth => Some((month_start(p)?, p, 3)),
                DateExpr::Day {
                    month,
                    day: d,
                    year: None,
                } => {
                    // The latest such day not after publication (news reports the past).
                    let this_year = NaiveDate::from_ymd_opt(p.year(), month, d)?;
                    let date = if this_year > p {
                        NaiveDate::from_ymd_opt(p.year() - 1, month, d)?
                    } else {
                        this_year
                    };
                    day(date)
                }
                DateExpr::Month { month, year: None } => {
                    let this_year = NaiveDate::from_ymd_opt(p.year(), month, 1)?;
                    let start = if this_year > p {
                        NaiveDate::from_ymd_opt(p.year() - 1, month, 1)?
                    } else {
                        this_year
                    };
                    Some((start, month_end(start)?, 3))
                }
                DateExpr::Day { .. } | DateExpr::Month { .. } => None,
            }
        }
    }
}

/// The date of an event whose trigger is `trigger` in sentence `sentence`: the expression of its
/// sentence nearest the trigger, else of the sentence before; else the publication date with
/// week precision (the report is about the days before it); else unknown.
pub fn event_date<'a>(
    in_sentence: impl Iterator<Item = &'a DateMention>,
    mut in_sentence_before: impl DoubleEndedIterator<Item = &'a DateMention>,
    trigger: Span,
    published: Option<NaiveDate>,
) -> EventDate {
    let distance = |d: &DateMention| {
        if d.span.start >= trigger.end {
            d.span.start - trigger.end
        } else {
            trigger.start.saturating_sub(d.span.end)
        }
    };
    let of_event = |d: &&DateMention| !d.of_report;
    let mention = in_sentence
        .filter(of_event)
        .min_by_key(|d| distance(d))
        .or_else(|| in_sentence_before.rfind(|d| !d.of_report));
    match mention {
        Some(m) => {
            let resolved = resolve(m.expr, published);
            EventDate {
                start: resolved.map(|r| r.0),
                end: resolved.map(|r| r.1),
                precision: resolved.map(|r| r.2),
                span: Some(m.span),
            }
        }
        None => EventDate {
            start: published,
            end: published,
            precision: published.map(|_| 2),
            span: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn found(text: &str) -> Vec<(String, DateExpr)> {
        let f = Folded::new(text);
        let s = vec![Sentence::covering(text)];
        find_dates(Vocab::embedded(), &f, &s)
            .into_iter()
            .map(|d| (d.span.slice(text).to_string(), d.expr))
            .collect()
    }

    #[test]
    fn finds_expressions() {
        let got = found(
            "IS attacked on Saturday and again on Thursday night, officials said on 30 Jan 2017.",
        );
        assert_eq!(got[0].0, "Saturday");
        assert_eq!(got[1].0, "Thursday night");
        assert_eq!(
            got[2],
            (
                "30 Jan 2017".to_string(),
                DateExpr::Day {
                    month: 1,
                    day: 30,
                    year: Some(2017)
                }
            )
        );
        assert_eq!(
            found("on January 30, the bombers")[0].1,
            DateExpr::Day {
                month: 1,
                day: 30,
                year: None
            }
        );
        assert_eq!(
            found("on 2017-01-30")[0].1,
            DateExpr::Day {
                month: 1,
                day: 30,
                year: Some(2017)
            }
        );
        assert_eq!(found("over the weekend")[0].1, DateExpr::Weekend);
        assert_eq!(found("earlier this month")[0].1, DateExpr::ThisMonth);
    }

    #[test]
    fn report_dates_are_not_event_dates() {
        let text = "Troops took the farms on Saturday, SANA reported on Sunday.";
        let f = Folded::new(text);
        let s = vec![Sentence::covering(text)];
        let dates = find_dates(Vocab::embedded(), &f, &s);
        assert_eq!(
            dates.iter().map(|d| d.of_report).collect::<Vec<_>>(),
            vec![false, true]
        );
        let took = text.find("took").unwrap();
        let d = event_date(
            dates.iter(),
            std::iter::empty(),
            Span::new(took, took + 4),
            Some(ymd(2017, 4, 17)),
        );
        assert_eq!(d.start, Some(ymd(2017, 4, 15)));
        let only_report = &dates[1..];
        let d = event_date(
            only_report.iter(),
            std::iter::empty(),
            Span::new(took, took + 4),
            Some(ymd(2017, 4, 17)),
        );
        assert_eq!(
            (d.start, d.precision, d.span),
            (Some(ymd(2017, 4, 17)), Some(2), None)
        );
        // The date before the reporting verb dates the claim, not the bombing.
        let text = "IS on Monday claimed responsibility for a bombing on Sunday night.";
        let f = Folded::new(text);
        let s = vec![Sentence::covering(text)];
        assert_eq!(
            find_dates(Vocab::embedded(), &f, &s)
                .iter()
                .map(|d| d.of_report)
                .collect::<Vec<_>>(),
            vec![true, false]
        );
    }

    #[test]
    fn periods_and_verbs_are_not_dates() {
        assert!(found("insurgents who have been in Aleppo since July 2012").is_empty());
        assert!(found("They may attack.").is_empty());
        assert!(found("the war began in 2011").is_empty());
    }

    #[test]
    fn resolves_against_publication() {
        let p = Some(ymd(2017, 4, 16)); // a Sunday
        assert_eq!(
            resolve(DateExpr::Weekday(Weekday::Sat), p),
            Some((ymd(2017, 4, 15), ymd(2017, 4, 15), 1))
        );
        assert_eq!(
            resolve(DateExpr::Weekday(Weekday::Sun), p),
            Some((ymd(2017, 4, 16), ymd(2017, 4, 16), 1))
        );
        assert_eq!(
            resolve(DateExpr::DaysAgo(1), p),
            Some((ymd(2017, 4, 15), ymd(2017, 4, 15), 1))
        );
        assert_eq!(
            resolve(DateExpr::LastWeek, p),
            Some((ymd(2017, 4, 3), ymd(2017, 4, 9), 2))
        );
        assert_eq!(
            resolve(DateExpr::Weekend, p),
            Some((ymd(2017, 4, 15), ymd(2017, 4, 16), 2))
        );
        assert_eq!(
            resolve(DateExpr::LastMonth, p),
            Some((ymd(2017, 3, 1), ymd(2017, 3, 31), 3))
        );
        assert_eq!(
            resolve(
                DateExpr::Day {
                    month: 12,
                    day: 30,
                    year: None
                },
                p
            ),
            Some((ymd(2016, 12, 30), ymd(2016, 12, 30), 1))
        );
        assert_eq!(resolve(DateExpr::Weekday(Weekday::Sat), None), None);
        assert_eq!(
            resolve(
                DateExpr::Day {
                    month: 1,
                    day: 30,
                    year: Some(2017)
                },
                None
            ),
            Some((ymd(2017, 1, 30), ymd(2017, 1, 30), 1))
        );
    }
}
