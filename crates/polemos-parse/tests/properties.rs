//! Property tests: spans always slice the text on char boundaries, in order, without
//! overlap, and parsing never panics.

use polemos_core::{Document, ParsedDocument, Span};
use polemos_parse::{decode, parse, read_bytes, split_stories, Format, ReadOptions};
use proptest::prelude::*;

fn check_span(text: &str, span: Span) {
    assert!(span.start <= span.end, "{span:?}");
    assert!(
        text.get(span.start..span.end).is_some(),
        "{span:?} not on char boundaries"
    );
}

fn check(p: &ParsedDocument) {
    let text = &p.doc.text;
    let mut last_end = 0;
    for (i, s) in p.sentences.iter().enumerate() {
        assert_eq!(s.index as usize, i);
        check_span(text, s.span);
        assert!(!s.span.is_empty());
        assert!(
            s.span.start >= last_end,
            "sentences overlap or are out of order"
        );
        last_end = s.span.end;
        let slice = s.span.slice(text);
        assert_eq!(slice, slice.trim(), "sentence not trimmed");
        let mut tok_end = s.span.start;
        let tokens = polemos_parse::tokenize(text, s.span);
        assert_eq!(tokens.len(), s.n_tokens as usize);
        for t in &tokens {
            check_span(text, t.span);
            assert!(!t.span.is_empty());
            assert!(s.span.contains(t.span));
            assert!(
                t.span.start >= tok_end,
                "tokens overlap or are out of order"
            );
            tok_end = t.span.end;
        }
        for f in &p.furniture {
            assert!(!s.span.overlaps(f.span));
        }
    }
    for f in &p.furniture {
        check_span(text, f.span);
    }
    if let Some(h) = p.headline {
        check_span(text, h);
    }
    if let Some(d) = &p.dateline {
        check_span(text, d.span);
    }
}

/// Text made of news-like pieces: lines, blank lines, furniture, datelines, punctuation.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Shelling kills 12 in Homs".to_string()),
        Just("HOMS, Syria (Wire) - ".to_string()),
        Just("Published: 12 March 2017".to_string()),
        Just("Fri 07 Apr 2017 at 0914 ".to_string()),
        Just("Share".to_string()),
        Just("Related".to_string()),
        Just("Advertisement".to_string()),
        Just("# ".to_string()),
        Just("- ".to_string()),
        Just("U.S. Gen. B. Smith said.” ".to_string()),
        Just("1,200 3.5 al-Bab ez-Zor Tu-22M3 ".to_string()),
        Just("Ḥamā “freeze”… ".to_string()),
        Just(" . ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        "[A-Za-z ,.!?'\"-]{0,40}",
        "\\PC{0,10}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings(s in "\\PC{0,300}") {
        check(&parse(Document::from_text("x", s)));
    }

    #[test]
    fn arbitrary_unicode_with_controls(s in ".{0,300}") {
        check(&parse(Document::from_text("x", s)));
    }

    #[test]
    fn newsy_text(s in newsy(), title in prop::option::of(prop_oneof![
        "[A-Za-z ]{0,30}",
        Just("Shelling kills 12 in Homs".to_string()),
        Just("U.S. Gen. B. Smith".to_string()),
    ])) {
        let mut doc = Document::from_text("x", s.clone());
        doc.title = title;
        check(&parse(doc));
        for story in split_stories(Document::from_text("p", s.clone())) {
            assert_eq!(&s[story.page_offset..story.page_offset + story.text.len()], story.text);
            check(&parse(story));
        }
    }

    #[test]
    fn arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..400)) {
        let d = decode(&b);
        check(&parse(Document::from_text("x", d.text)));
        for format in [Format::Txt, Format::Md, Format::Csv, Format::Jsonl] {
            for doc in read_bytes("b", format, &b, &ReadOptions::default()) {
                check(&parse(doc));
            }
        }
    }
}
