//! The lexicon's classes the gazetteer itself reads, built with it: names never indexed
//! (`stop_names`), names of places that are also common words (`guarded_place_names`), and the
//! articles a proper name may start with in lower case (`name_articles`).

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use super::name_key::name_key;
use crate::lexicon::Vocab;

/// The gazetteer's words, compiled.
#[derive(Debug)]
pub(crate) struct GazetteerWords {
    /// Name keys of the stop names: never indexed.
    pub(super) stop_keys: HashSet<String>,
    /// The guarded names, as written in the lexicon.
    pub(super) guarded_names: Vec<Box<str>>,
    /// Countries (upper-case ISO codes) whose places match names by key ([`super::written`]).
    pub(super) key_countries: HashSet<String>,
    /// Each article with its dash ("al-").
    article_prefixes: Vec<Box<str>>,
    /// Whether an article starts with each (lower case ASCII) byte.
    first_bytes: [bool; 256],
    /// The byte positions at which an article's dash stands.
    dash_positions: Vec<usize>,
}

impl GazetteerWords {
    pub(crate) fn new(v: &Vocab) -> GazetteerWords {
        let article_prefixes: Vec<Box<str>> = v
            .name_articles
            .iter()
            .map(|a| format!("{a}-").into_boxed_str())
            .collect();
        let mut first_bytes = [false; 256];
        let mut dash_positions = Vec::new();
        for p in &article_prefixes {
            first_bytes[usize::from(p.as_bytes()[0].to_ascii_lowercase())] = true;
            if !dash_positions.contains(&(p.len() - 1)) {
                dash_positions.push(p.len() - 1);
            }
        }
        GazetteerWords {
            stop_keys: v.stop_names.texts().map(name_key).collect(),
            guarded_names: v.guarded_place_names.texts().map(Box::from).collect(),
            key_countries: v
                .key_countries
                .iter()
                .map(|c| c.to_ascii_uppercase())
                .collect(),
            article_prefixes,
            first_bytes,
            dash_positions,
        }
    }

    /// The words of the built-in lexicon, shared by every gazetteer built with it.
    pub(crate) fn embedded() -> Arc<GazetteerWords> {
        static EMBEDDED: OnceLock<Arc<GazetteerWords>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Arc::new(GazetteerWords::new(Vocab::embedded())))
            .clone()
    }

    /// Whether the name as written looks like a proper name: capitalised after any article.
    pub(super) fn looks_proper(&self, written: &str) -> bool {
        // No character outside ASCII lowercases to an ASCII letter of these prefixes.
        let rest = self
            .article_prefixes
            .iter()
            .find(|p| {
                written
                    .get(..p.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(p))
            })
            .and_then(|p| written.get(p.len()..))
            .unwrap_or(written);
        match rest.chars().find(|c| c.is_alphabetic()) {
            Some(c) => c.is_uppercase() || !c.is_ascii(),
            None => false,
        }
    }

    /// Whether a name whose first word starts at byte `start` of `text` can pass
    /// [`GazetteerWords::looks_proper`]: checked before keying, so it may accept more than
    /// `looks_proper` but never less.
    pub(super) fn may_look_proper(&self, text: &str, start: usize) -> bool {
        let Some(rest) = text.get(start..) else {
            return false;
        };
        let bytes = rest.as_bytes();
        match bytes.first() {
            // Upper case, a digit (the first letter may come later) or not ASCII.
            Some(b) if !b.is_ascii_lowercase() => true,
            // Lower case: only an article followed by a proper name ("al-Bab"), which has its
            // dash where some article's stands.
            Some(&b)
                if self.first_bytes[usize::from(b)]
                    && self
                        .dash_positions
                        .iter()
                        .any(|&d| bytes.get(d) == Some(&b'-')) =>
            {
                self.article_prefixes.iter().any(|p| {
                    rest.get(..p.len())
                        .is_some_and(|s| s.eq_ignore_ascii_case(p))
                        && rest[p.len()..]
                            .chars()
                            .find(|c| c.is_alphabetic())
                            .is_some_and(|c| c.is_uppercase() || !c.is_ascii())
                })
            }
            _ => false,
        }
    }
}
