//! Very long documents, read in windows.
//!
//! The extractor's working data (the folded text and its offset map, dictionary hits, place
//! readings, candidate events) costs some 30 bytes per byte of text while a document is
//! processed. For a news article that is nothing; for a 100 MB document (a whole archive pasted
//! into one file, a book) it is gigabytes. A document longer than [`WINDOW_BYTES`] is therefore
//! extracted a window of whole sentences at a time, each window cut where a paragraph ends
//! when one ends in its second half, and the findings are moved back to the document's
//! offsets: only one window's working data is alive at a time, and the cost stays linear.
//!
//! What a window cannot see: the document's headline, dateline and title belong to the first
//! window only (its events alone can be the lead), and the document's country is voted within
//! each window. Both are about what news articles say in their first paragraphs, and every
//! article polemos was built for is far shorter than one window.

use std::ops::Range;

use polemos_core::{DocumentExtraction, Event, Mention, ParsedDocument, Sentence};

/// Documents longer than this many bytes of text are read in windows of at most this size.
pub const WINDOW_BYTES: usize = 1 << 20;

/// Extracts `parsed` window by window with `extract`, which gives a window's mentions and
/// events, and puts the findings back together in the document's offsets.
pub(crate) fn extract_in_windows(
    mut parsed: ParsedDocument,
    window_bytes: usize,
    mut extract: impl FnMut(&ParsedDocument) -> (Vec<Mention>, Vec<Event>),
) -> DocumentExtraction {
    let mut mentions = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    // The text is taken out while windows are made, so that copying the document's metadata
    // for each window does not copy the whole text.
    let text = std::mem::take(&mut parsed.doc.text);
    for (w, sentences) in windows(&text, &parsed.sentences, window_bytes)
        .into_iter()
        .enumerate()
    {
        let first = w == 0;
        let window = window_document(&parsed, &text, sentences.clone(), first);
        let bytes = if first {
            0
        } else {
            parsed.sentences[sentences.start].span.start
        };
        let (window_mentions, window_events) = extract(&window);
        let before = u32::try_from(sentences.start).unwrap_or(u32::MAX);
        let n_events = u32::try_from(events.len()).unwrap_or(u32::MAX);
        mentions.extend(window_mentions.into_iter().map(|mut m| {
            m.shift(bytes, before, n_events);
            m
        }));
        events.extend(window_events.into_iter().map(|mut e| {
            e.shift(bytes, before);
            e.is_lead &= first;
            e
        }));
    }
    parsed.doc.text = text;
    // The vectors grew by doubling; what they hold is kept for the tables, the slack is not.
    mentions.shrink_to_fit();
    events.shrink_to_fit();
    DocumentExtraction {
        parsed,
        mentions,
        events,
    }
}

/// Consecutive runs of sentences, each spanning at most `window_bytes` of text (a single
/// longer sentence is a window of its own). A window ends at the last paragraph break inside
/// it when that is past its middle, and at the last sentence end that fits otherwise.
fn windows(text: &str, sentences: &[Sentence], window_bytes: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < sentences.len() {
        let from = sentences[start].span.start;
        let mut end = start + 1;
        let mut paragraph_end = None;
        while end < sentences.len() && sentences[end].span.end - from <= window_bytes {
            let gap = &text[sentences[end - 1].span.end..sentences[end].span.start];
            if gap.contains("\n\n") || gap.contains("\r\n\r\n") {
                paragraph_end = Some(end);
            }
            end += 1;
        }
        if end < sentences.len() {
            if let Some(p) = paragraph_end {
                if sentences[p - 1].span.end - from > window_bytes / 2 {
                    end = p;
                }
            }
        }
        out.push(start..end);
        start = end;
    }
    out
}

/// The document as one window sees it: the text of its sentences (from the document's start,
/// for the first window), the sentences renumbered from 0, and the headline, dateline and
/// title only in the first window.
fn window_document(
    parsed: &ParsedDocument,
    text: &str,
    sentences: Range<usize>,
    first: bool,
) -> ParsedDocument {
    let all = &parsed.sentences[sentences];
    let start = if first {
        0
    } else {
        all.first().map_or(0, |s| s.span.start)
    };
    let end = all.last().map_or(start, |s| s.span.end);
    let mut doc = parsed.doc.clone();
    doc.text = text[start..end].to_string();
    if !first {
        doc.title = None;
    }
    let inside = |span: polemos_core::Span| span.start >= start && span.end <= end;
    let moved =
        |span: polemos_core::Span| polemos_core::Span::new(span.start - start, span.end - start);
    ParsedDocument {
        doc,
        headline: parsed.headline.filter(|_| first),
        dateline: parsed.dateline.clone().filter(|_| first),
        furniture: parsed
            .furniture
            .iter()
            .filter(|f| inside(f.span))
            .map(|f| polemos_core::Furniture {
                span: moved(f.span),
                kind: f.kind,
            })
            .collect(),
        sentences: all
            .iter()
            .enumerate()
            .map(|(i, s)| Sentence {
                index: u32::try_from(i).unwrap_or(u32::MAX),
                kind: s.kind,
                span: moved(s.span),
                n_tokens: s.n_tokens,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::{Document, Span};

    fn sentences(text: &str) -> Vec<Sentence> {
        polemos_parse::parse(Document::from_text("d", text)).sentences
    }

    #[test]
    fn windows_cover_every_sentence_once_within_the_size() {
        let paragraph = "Shelling hit the town on Monday. Two people were killed there.";
        let text = vec![paragraph; 40].join("\n\n");
        let s = sentences(&text);
        let ws = windows(&text, &s, 300);
        assert!(ws.len() > 5);
        let mut next = 0;
        for w in &ws {
            assert_eq!(w.start, next);
            assert!(w.end > w.start);
            assert!(s[w.end - 1].span.end - s[w.start].span.start <= 300);
            // Cut at paragraph ends: every window but the last ends a paragraph.
            if w.end < s.len() {
                let gap = &text[s[w.end - 1].span.end..s[w.end].span.start];
                assert!(gap.contains("\n\n"), "{gap:?}");
            }
            next = w.end;
        }
        assert_eq!(next, s.len());
    }

    #[test]
    fn a_sentence_longer_than_a_window_is_a_window_of_its_own() {
        let text = format!("{}. Short one.", "word ".repeat(100));
        let s = sentences(&text);
        assert_eq!(windows(&text, &s, 50), vec![0..1, 1..2]);
    }

    #[test]
    fn windowed_findings_are_each_windows_own_at_the_documents_offsets() {
        let pipeline = crate::Pipeline::new(crate::Resources::embedded().expect("resources"));
        let paragraphs = [
            "Government forces shelled Aleppo on Monday, killing 12 civilians.",
            "Hundreds of protesters gathered in Dhaka on Friday to demand wages.",
            "Gunmen abducted two aid workers near Kandahar, police said.",
            "An air strike hit a market in Sanaa on Sunday, killing five people.",
        ];
        let text = paragraphs.join("\n\n");
        let longest = paragraphs.iter().map(|p| p.len()).max().unwrap_or(0);
        // One paragraph per window: wider than any paragraph, narrower than any two.
        let whole = polemos_parse::parse(Document::from_text("d", text.clone()));
        assert!(whole.headline.is_none());
        let windowed = extract_in_windows(whole, longest + 2, |w| pipeline.extract(w));

        let (mut mentions, mut events) = (Vec::new(), Vec::new());
        let (mut bytes, mut sentences) = (0, 0);
        for (k, p) in paragraphs.iter().enumerate() {
            let alone = polemos_parse::parse(Document::from_text("d", *p));
            let (m, e) = pipeline.extract(&alone);
            let n_events = u32::try_from(events.len()).unwrap_or(u32::MAX);
            mentions.extend(m.into_iter().map(|mut m| {
                m.shift(bytes, sentences, n_events);
                m
            }));
            events.extend(e.into_iter().map(|mut e| {
                e.shift(bytes, sentences);
                e.is_lead &= k == 0;
                e
            }));
            bytes += p.len() + 2;
            sentences += u32::try_from(alone.sentences.len()).unwrap_or(0);
        }
        assert!(events.len() >= 4, "{events:?}");
        assert_eq!(windowed.events, events);
        assert_eq!(windowed.mentions, mentions);
        for e in &windowed.events {
            let s = &windowed.parsed.sentences[e.sentence as usize];
            assert_eq!(s.span, e.sentence_span);
            assert!(s.span.contains(e.trigger_span));
        }
        assert_eq!(windowed.parsed.doc.text, text);
    }

    #[test]
    fn window_documents_keep_the_text_under_their_spans() {
        let text = "HEADLINE HERE\n\nFirst one here. Second one.\n\nThird one here.";
        let parsed = polemos_parse::parse(Document::from_text("d", text));
        let n = parsed.sentences.len();
        let last = window_document(&parsed, text, n - 1..n, false);
        assert_eq!(last.doc.text, "Third one here.");
        assert_eq!(last.sentences[0].index, 0);
        assert_eq!(last.sentences[0].span, Span::new(0, 15));
        assert!(last.headline.is_none());
        let first = window_document(&parsed, text, 0..1, true);
        assert_eq!(first.headline, parsed.headline);
        assert!(text.starts_with(&first.doc.text));
    }
}
