//! Parsing one document: furniture, headline, dateline, sentences and tokens.

use chrono::NaiveDate;
use polemos_core::{
    DateSource, Dateline, Document, Furniture, FurnitureKind, ParsedDocument, Sentence,
    SentenceKind, Span,
};

use crate::dateline::{date_line, inline_date, place_dateline};
use crate::headline::{self, Headline};
use crate::lines::{ends_with_terminal, lines, trim_span, Line};
use crate::{captions, furniture, sentences, tags, tokens};

/// Date lines are short; longer lines are not tried.
const MAX_DATE_LINE: usize = 100;

/// Parses one document. Never fails and never panics: a document that is not `Ok` comes back
/// unparsed.
///
/// The headline, when found, is sentence 0 with [`SentenceKind::Headline`]; when the text
/// only carries a metadata title that it does not repeat, `headline` is `None` and the title
/// stays in [`Document::title`]. When the document has no publication date and a dateline or
/// date line gives one, it is set with [`DateSource::Dateline`].
pub fn parse(mut doc: Document) -> ParsedDocument {
    if !doc.is_ok() {
        return ParsedDocument::unparsed(doc);
    }
    doc.language = crate::detect_language(&doc.text).map(str::to_string);
    let text = doc.text.as_str();
    let ls = lines(text);
    let mut kinds = furniture::detect(text, &ls);

    // Stand-alone date lines ("Published: 12 March 2017", "Last updated: ...").
    let mut date_lines: Vec<(usize, NaiveDate)> = Vec::new();
    for (i, l) in ls.iter().enumerate() {
        let s = l.text(text);
        if l.is_blank() || s.len() > MAX_DATE_LINE {
            continue;
        }
        if matches!(kinds[i], None | Some(FurnitureKind::Other)) {
            if let Some(d) = date_line(s) {
                date_lines.push((i, d));
            }
        }
    }
    let mut skip = vec![false; ls.len()];
    for &(i, _) in &date_lines {
        skip[i] = true;
    }

    let headline = headline::find(text, &ls, &kinds, &skip, doc.title.as_deref());
    // Where the body of each line starts, when not at the line's start.
    let mut body_start: Vec<Option<usize>> = vec![None; ls.len()];
    let mut extra_furniture: Vec<Furniture> = Vec::new();
    let mut dateline: Option<Dateline> = None;

    if let Some(h) = headline {
        // Short labels above a repeated title (a site name) are furniture.
        for i in 0..h.line {
            if !ls[i].is_blank() && kinds[i].is_none() && !skip[i] {
                kinds[i] = Some(FurnitureKind::Other);
            }
        }
        if h.inline {
            body_start[h.line] = Some(h.end);
        } else {
            skip[h.line] = true;
        }
        // Text before a repeated title on its line: a date, agency or site name.
        let line = ls[h.line];
        if h.start > line.start {
            let pre = trim_span(text, line.start, h.start);
            // Markdown heading markers are neither a dateline nor furniture.
            let only_marks = pre.text(text).chars().all(|c| c == '#');
            if pre.start < pre.end && !only_marks {
                let s = pre.text(text);
                match find_date(s) {
                    Some(date) => {
                        dateline = Some(Dateline {
                            span: Span::new(pre.start, pre.end),
                            place: None,
                            date: Some(date),
                        })
                    }
                    None => extra_furniture.push(Furniture {
                        span: Span::new(pre.start, pre.end),
                        kind: FurnitureKind::Other,
                    }),
                }
            }
        }
    }

    // A dateline at the start of the first body line.
    let first_body = (0..ls.len()).find(|&i| {
        !ls[i].is_blank() && kinds[i].is_none() && !skip[i] && headline.is_none_or(|h| i >= h.line)
    });
    if dateline.is_none() {
        if let Some(i) = first_body {
            let start = body_start[i].unwrap_or(ls[i].start);
            let line = trim_span(text, start, ls[i].end);
            let s = line.text(text);
            let found = place_dateline(s)
                .map(|(place, date, len, body)| (Some(place.to_string()), date, len, body))
                .or_else(|| inline_date(s).map(|(date, len, body)| (None, Some(date), len, body)));
            if let Some((place, date, len, body)) = found {
                let span = trim_span(text, line.start, line.start + len);
                dateline = Some(Dateline {
                    span: Span::new(span.start, span.end),
                    place,
                    date,
                });
                body_start[i] = Some(line.start + body);
            }
        }
    }

    // Date lines: the first gives the date (as the dateline itself when there is no other);
    // the rest are excluded from sentences as furniture.
    let mut used_line = None;
    match &mut dateline {
        Some(d) if d.date.is_none() => {
            if let Some(&(_, date)) = date_lines.first() {
                d.date = Some(date);
            }
        }
        None => {
            if let Some(&(i, date)) = date_lines.first() {
                dateline = Some(Dateline {
                    span: Span::new(ls[i].start, ls[i].end),
                    place: None,
                    date: Some(date),
                });
                used_line = Some(i);
            }
        }
        _ => {}
    }
    for &(i, _) in &date_lines {
        if Some(i) != used_line && kinds[i].is_none() {
            kinds[i] = Some(FurnitureKind::Other);
        }
    }

    if doc.published.is_none() {
        if let Some(date) = dateline.as_ref().and_then(|d| d.date) {
            doc.published = Some(date);
            doc.published_source = Some(DateSource::Dateline);
        }
    }

    // Sentences.
    // Markdown wraps paragraphs freely; plain text only when the lines say so.
    let soft_wrap = doc.format == "md";
    let caseless = sentences::is_caseless(text);
    let mut spans: Vec<Span> = Vec::new();
    let mut para = Paragraph::default();
    for (i, l) in ls.iter().enumerate() {
        if l.is_blank() || kinds[i].is_some() || skip[i] {
            para.flush(text, soft_wrap, caseless, &mut spans);
            continue;
        }
        let start = body_start[i].unwrap_or(l.start);
        let marker = list_marker_len(text.get(start..l.end).unwrap_or(""));
        let line = trim_span(text, (start + marker).min(l.end), l.end);
        if line.is_blank() {
            para.flush(text, soft_wrap, caseless, &mut spans);
            continue;
        }
        para.lines.push(line);
        para.items.push(marker > 0);
    }
    para.flush(text, soft_wrap, caseless, &mut spans);
    let headline_text = headline.map(|h| &text[h.start..h.end]);
    cut_inline_furniture(text, &mut spans, headline_text, &mut extra_furniture);

    let mut sentences = Vec::with_capacity(spans.len() + 1);
    if let Some(h) = headline {
        sentences.push(make_sentence(
            text,
            0,
            SentenceKind::Headline,
            Span::new(h.start, h.end),
        ));
    }
    for span in spans {
        let index = sentences.len() as u32;
        sentences.push(make_sentence(text, index, SentenceKind::Body, span));
    }

    let mut furniture = furniture::spans(&ls, &kinds);
    if !extra_furniture.is_empty() {
        furniture.extend(extra_furniture);
        furniture.sort_by_key(|f| f.span);
    }

    ParsedDocument {
        headline: headline.map(|h: Headline| Span::new(h.start, h.end)),
        dateline,
        furniture,
        sentences,
        doc,
    }
}

/// Takes inline tag lists ("Tags Aleppo Syria children At least six ...") and marked photo
/// captions ("Smoke over Aleppo (archive) A bomb ...") off the front of sentences and records
/// them as furniture.
fn cut_inline_furniture(
    text: &str,
    spans: &mut [Span],
    headline: Option<&str>,
    furniture: &mut Vec<Furniture>,
) {
    for i in 0..spans.len() {
        let span = spans[i];
        let previous = i.checked_sub(1).map(|j| spans[j].slice(text));
        let sentence = span.slice(text);
        let cut = tags::tag_list_end(sentence, previous, headline)
            .map(|end| (end, FurnitureKind::Other))
            .or_else(|| captions::caption_end(sentence).map(|end| (end, FurnitureKind::Caption)));
        if let Some((end, kind)) = cut {
            let body = span.start + end;
            let cut = trim_span(text, span.start, body);
            furniture.push(Furniture {
                span: Span::new(cut.start, cut.end),
                kind,
            });
            spans[i] = Span::new(body, span.end);
        }
    }
}

fn make_sentence(text: &str, index: u32, kind: SentenceKind, span: Span) -> Sentence {
    Sentence {
        index,
        kind,
        span,
        n_tokens: u32::try_from(tokens::count(text, span)).unwrap_or(u32::MAX),
    }
}

/// The first date anywhere in a short stretch of text (at a word start).
fn find_date(s: &str) -> Option<NaiveDate> {
    let mut prev_alnum = false;
    for (i, c) in s.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            if let Some((d, _)) = s.get(i..).and_then(crate::date::date_prefix) {
                return Some(d);
            }
        }
        prev_alnum = alnum;
    }
    None
}

/// Length of a Markdown heading marker or list bullet at the start of a line ("## ", "- ",
/// "• "), which is not part of the sentence.
fn list_marker_len(s: &str) -> usize {
    let hashes = s.len() - s.trim_start_matches('#').len();
    let rest = s.get(hashes..).unwrap_or("");
    if hashes > 0 && rest.starts_with(' ') {
        return hashes + 1;
    }
    for bullet in ["- ", "* ", "• ", "· ", "– "] {
        if s.starts_with(bullet) {
            return bullet.len();
        }
    }
    0
}

/// Consecutive lines of body text, with whether each starts a list item or heading.
#[derive(Default)]
struct Paragraph {
    lines: Vec<Line>,
    items: Vec<bool>,
}

impl Paragraph {
    /// Splits the paragraph into sentences and clears it.
    fn flush(&mut self, text: &str, soft_wrap: bool, caseless: bool, out: &mut Vec<Span>) {
        let para = &self.lines;
        if let Some(first) = para.first() {
            let wrapped = soft_wrap || is_hard_wrapped(text, para);
            let mut unit_start = first.start;
            for (j, line) in para.iter().enumerate() {
                let joins_next = para.get(j + 1).is_some_and(|next| {
                    !self.items.get(j + 1).copied().unwrap_or(false)
                        && (wrapped || continues(line.text(text), next.text(text)))
                });
                if !joins_next {
                    sentences::split_into(text, unit_start, line.end, caseless, out);
                    if let Some(next) = para.get(j + 1) {
                        unit_start = next.start;
                    }
                }
            }
        }
        self.lines.clear();
        self.items.clear();
    }
}

/// Whether a line break inside a paragraph is only a wrap: the next line starts in lower
/// case, or this line ends mid-clause.
fn continues(line: &str, next: &str) -> bool {
    next.starts_with(char::is_lowercase)
        || line.ends_with([',', ';', '-', '–', '—', '(', '&'])
        || line
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| matches!(w, "and" | "or" | "the" | "of" | "to" | "in" | "a" | "by"))
}

/// A hard-wrapped paragraph: several lines of similar length, most not ending a sentence.
fn is_hard_wrapped(text: &str, para: &[Line]) -> bool {
    if para.len() < 2 {
        return false;
    }
    let body = &para[..para.len() - 1];
    let lens = body
        .iter()
        .map(|l| text.get(l.start..l.end).map_or(0, |s| s.chars().count()));
    let (min, max) = lens.fold((usize::MAX, 0), |(lo, hi), n| (lo.min(n), hi.max(n)));
    let open = body
        .iter()
        .filter(|l| !ends_with_terminal(l.text(text)))
        .count();
    min >= 40 && max <= 120 && max - min <= 25 && open * 2 >= body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &ParsedDocument) -> Vec<&str> {
        (0..p.sentences.len()).map(|i| p.sentence_text(i)).collect()
    }

    #[test]
    fn one_sentence_is_body() {
        let t = "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday, killing 12 soldiers.";
        let p = parse(Document::from_text("x", t));
        assert_eq!(p.headline, None);
        assert_eq!(p.sentences.len(), 1);
        assert_eq!(p.sentences[0].index, 0);
        assert_eq!(p.sentences[0].kind, SentenceKind::Body);
        assert_eq!(p.sentence_text(0), t);
    }

    #[test]
    fn page_structure() {
        let t = "Share\n\nShelling kills three in Homs\n\nPublished: 3 April 2017\n\n\
                 HOMS, Syria (Wire) - Shells hit the old city on Sunday. Three people died.\n\n\
                 Advertisement\n\nThe army denied it.\n";
        let p = parse(Document::from_text("x", t));
        assert_eq!(p.headline_text(), Some("Shelling kills three in Homs"));
        assert_eq!(
            texts(&p),
            [
                "Shelling kills three in Homs",
                "Shells hit the old city on Sunday.",
                "Three people died.",
                "The army denied it."
            ]
        );
        let d = p.dateline.clone().unwrap();
        assert_eq!(d.span.slice(t), "HOMS, Syria (Wire) -");
        assert_eq!(d.place.as_deref(), Some("HOMS"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2017, 4, 3));
        assert_eq!(p.doc.published, NaiveDate::from_ymd_opt(2017, 4, 3));
        assert_eq!(p.doc.published_source, Some(DateSource::Dateline));
        let kinds: Vec<_> = p
            .furniture
            .iter()
            .map(|f| (f.span.slice(t), f.kind))
            .collect();
        assert!(kinds.contains(&("Share", FurnitureKind::Share)));
        assert!(kinds.contains(&("Published: 3 April 2017", FurnitureKind::Other)));
        assert!(kinds.contains(&("Advertisement", FurnitureKind::Advertisement)));
    }

    #[test]
    fn inline_tag_lists_are_furniture() {
        let t = "Rockets hit a school in west Aleppo a day after air strikes on Idlib. Tags \
                 Aleppo Idlib Syria education children At least six children were killed.";
        let p = parse(Document::from_text("x", t));
        assert_eq!(
            texts(&p),
            [
                "Rockets hit a school in west Aleppo a day after air strikes on Idlib.",
                "At least six children were killed."
            ]
        );
        let tags: Vec<_> = p
            .furniture
            .iter()
            .map(|f| (f.span.slice(t), f.kind))
            .collect();
        assert_eq!(
            tags,
            [(
                "Tags Aleppo Idlib Syria education children",
                FurnitureKind::Other
            )]
        );
    }

    #[test]
    fn marked_captions_are_furniture() {
        let t = "Militants shell Aleppo city (archive) A bomb exploded in Aleppo on Wednesday.";
        let p = parse(Document::from_text("x", t));
        assert_eq!(texts(&p), ["A bomb exploded in Aleppo on Wednesday."]);
        let cut: Vec<_> = p
            .furniture
            .iter()
            .map(|f| (f.span.slice(t), f.kind))
            .collect();
        assert_eq!(
            cut,
            [(
                "Militants shell Aleppo city (archive)",
                FurnitureKind::Caption
            )]
        );
    }

    #[test]
    fn date_line_only() {
        let t = "Clashes near Daraa\n\nWed 05 Apr 2017\n\nRebels attacked. Troops replied.";
        let p = parse(Document::from_text("x", t));
        let d = p.dateline.clone().unwrap();
        assert_eq!(d.span.slice(t), "Wed 05 Apr 2017");
        assert_eq!(d.place, None);
        assert_eq!(texts(&p)[1..], ["Rebels attacked.", "Troops replied."]);
    }

    #[test]
    fn input_date_is_kept() {
        let t = "Clashes near Daraa\n\nWed 05 Apr 2017\n\nRebels attacked.";
        let date = NaiveDate::from_ymd_opt(2017, 4, 4).unwrap();
        let p = parse(Document::from_text("x", t).with_published(date, DateSource::Input));
        assert_eq!(p.doc.published, Some(date));
        assert_eq!(p.doc.published_source, Some(DateSource::Input));
    }

    #[test]
    fn export_row_with_title() {
        let t = "Fri 07 Apr 2017 at 0914 Homs governor says attack caused deaths. A missile hit the base on Friday . Officials said";
        let mut doc = Document::from_text("x", t);
        doc.title = Some("Homs governor says attack caused deaths".into());
        let p = parse(doc);
        assert_eq!(
            p.headline_text(),
            Some("Homs governor says attack caused deaths.")
        );
        assert_eq!(
            p.dateline.as_ref().unwrap().span.slice(t),
            "Fri 07 Apr 2017 at 0914"
        );
        assert_eq!(
            texts(&p),
            [
                "Homs governor says attack caused deaths.",
                "A missile hit the base on Friday .",
                "Officials said"
            ]
        );
        assert_eq!(p.doc.published, NaiveDate::from_ymd_opt(2017, 4, 7));
    }

    #[test]
    fn lines_and_wrapping() {
        let t = "Key points\n\n- Rebels retreat\n- Army advances\n\nThe army shelled the\ntown on Monday.";
        let p = parse(Document::from_text("x", t));
        assert_eq!(
            texts(&p),
            [
                "Key points",
                "Rebels retreat",
                "Army advances",
                "The army shelled the\ntown on Monday."
            ]
        );
    }

    #[test]
    fn error_docs_are_unparsed() {
        let p = parse(Document::failed("x", "x", "txt", "boom"));
        assert!(p.sentences.is_empty());
        let p = parse(Document::from_text("x", ""));
        assert!(p.sentences.is_empty());
    }
}
