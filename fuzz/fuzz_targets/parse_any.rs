#![no_main]

use libfuzzer_sys::fuzz_target;
use polemos_core::Document;

// Arbitrary text straight into the parser: spans must slice the text on char boundaries.
fuzz_target!(|text: &str| {
    let parsed = polemos_parse::parse(Document::from_text("fuzz", text));
    for s in &parsed.sentences {
        assert!(text.get(s.span.start..s.span.end).is_some());
        let tokens = polemos_parse::tokenize(text, s.span);
        assert_eq!(tokens.len(), s.n_tokens as usize);
        for t in &tokens {
            assert!(s.span.contains(t.span));
        }
    }
});
