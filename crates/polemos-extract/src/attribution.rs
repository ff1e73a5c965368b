//! Who reports an event and how sure the text is: sources ("SANA reported", "according to
//! activists", "Homs Governor Talal Barazi said"), reporting verbs, and certainty cues
//! ("reportedly", "could not be independently verified", "categorically denied").

#[cfg(test)]
use polemos_core::Span;

use polemos_core::{Attribution, Certainty, Sentence};

use crate::fold::Folded;
use crate::joint::Keyed;
use crate::lexicon::Vocab;
use crate::matcher::{exact_form, letters_equal, DictMatcher, Hit};
use crate::tsv::parse_rows;
use crate::words::Word;
use crate::ResourceError;

/// A source of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Source {
    name: String,
    kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct SourceAlias {
    source: usize,
    exact: Option<String>,
}

/// The source dictionary with its matcher.
#[derive(Debug, Clone)]
pub struct SourceDictionary {
    sources: Vec<Source>,
    matcher: DictMatcher<SourceAlias>,
}

impl SourceDictionary {
    /// Loads the dictionary from the TSV format of `data/sources/sources.tsv`.
    pub fn from_tsv(file: &str, text: &str) -> Result<Self, ResourceError> {
        let mut header = Vec::new();
        let rows = parse_rows(file, text, &mut header, &["name", "kind", "aliases"])?;
        let mut sources = Vec::with_capacity(rows.len());
        let mut aliases = Vec::new();
        for row in &rows {
            let id = sources.len();
            let name = row.require("name")?;
            for a in row.list("aliases").chain(std::iter::once(name)) {
                aliases.push((
                    a.to_string(),
                    SourceAlias {
                        source: id,
                        exact: exact_form(a),
                    },
                ));
            }
            sources.push(Source {
                name: name.to_string(),
                kind: row.require("kind")?.to_string(),
            });
        }
        Ok(SourceDictionary {
            sources,
            matcher: DictMatcher::new(aliases)?,
        })
    }

    /// The dictionary embedded in the library.
    pub fn embedded() -> Result<Self, ResourceError> {
        SourceDictionary::from_tsv("data/sources/sources.tsv", crate::data::SOURCES)
    }

    /// The attribution of each sentence, if it has one.
    pub fn attributions(
        &self,
        text: &str,
        folded: &Folded,
        sentences: &[Sentence],
    ) -> Vec<Option<Attribution>> {
        let hits = self.matcher.find(folded);
        self.attributions_from_hits(Vocab::embedded(), text, folded, &hits, sentences)
    }

    /// The dictionary's matcher, for walking it with others ([`crate::joint::JointMatcher`]).
    pub(crate) fn keyed(&self) -> &dyn Keyed {
        &self.matcher
    }

    /// [`SourceDictionary::attributions`] from the hits of its matcher, found beforehand.
    pub(crate) fn attributions_from_hits(
        &self,
        v: &Vocab,
        text: &str,
        folded: &Folded,
        hits: &[Hit],
        sentences: &[Sentence],
    ) -> Vec<Option<Attribution>> {
        let mut words = Vec::new();
        sentences
            .iter()
            .map(|s| {
                let fs = folded.folded_offset(s.span.start);
                let fe = folded.folded_offset(s.span.end);
                folded.words_into(fs, fe, &mut words);
                // Hits are in text order and do not overlap, so their ends ascend too: those
                // inside the sentence are one run.
                let first = hits.partition_point(|h| h.start < fs);
                let inside = hits[first..].partition_point(|h| h.end <= fe);
                let named: Vec<(usize, usize, &Source)> = hits[first..first + inside]
                    .iter()
                    .filter_map(|h| {
                        let written = folded.original_span(h.start, h.end).slice(text);
                        let alias =
                            self.matcher.values(h.key).iter().find(|a| {
                                a.exact.as_ref().is_none_or(|e| letters_equal(written, e))
                            })?;
                        Some((h.start, h.end, self.sources.get(alias.source)?))
                    })
                    .collect();
                attribution_in(v, text, folded, &words, &named)
            })
            .collect()
    }
}

fn verb_class(v: &Vocab, w: &str) -> Option<&'static str> {
    v.report_verbs.get(w).copied()
}

/// Finds the source and reporting verb of one sentence.
fn attribution_in(
    v: &Vocab,
    text: &str,
    folded: &Folded,
    words: &[Word<'_>],
    named: &[(usize, usize, &Source)],
) -> Option<Attribution> {
    let word_index = |at: usize| words.iter().position(|w| w.start >= at);
    // "according to X" and "X said" / "said X", with at most two words between.
    for &(start, end, source) in named {
        let first = word_index(start)?;
        let last = words.iter().rposition(|w| w.end <= end)?;
        let before: Vec<&str> = words[first.saturating_sub(3)..first]
            .iter()
            .map(|w| w.text)
            .collect();
        let verb = if before.ends_with(&["according", "to"])
            || before.ends_with(&["according", "to", "the"])
        {
            Some("reported")
        } else {
            words[last + 1..(last + 4).min(words.len())]
                .iter()
                .find_map(|w| verb_class(v, w.text))
                .or_else(|| {
                    words[first.saturating_sub(2)..first]
                        .iter()
                        .rev()
                        .find_map(|w| verb_class(v, w.text))
                })
        };
        if let Some(verb) = verb {
            // A generic role ("governor", "spokesman") next to a name: the name is the source.
            if source.kind == "official" {
                if let Some(person) = named_person(v, text, folded, words) {
                    return Some(person);
                }
            }
            return Some(Attribution {
                source: source.name.clone(),
                source_kind: source.kind.clone(),
                verb: verb.to_string(),
                span: folded.original_span(start, end),
            });
        }
    }
    named_person(v, text, folded, words)
}

/// "Homs Governor Talal Barazi said", "said Peter Cook": a capitalised name next to a
/// reporting verb, when no dictionary source is named.
fn named_person(v: &Vocab, text: &str, folded: &Folded, words: &[Word<'_>]) -> Option<Attribution> {
    let capitalised = |w: &Word<'_>| {
        folded
            .original_span(w.start, w.end)
            .slice(text)
            .starts_with(|c: char| c.is_uppercase())
    };
    for (i, w) in words.iter().enumerate() {
        let Some(verb) = verb_class(v, w.text) else {
            continue;
        };
        // Name before the verb: up to four capitalised words ending right before it; the first
        // word of the sentence alone is not enough ("He said" is not a name).
        let mut start = i;
        while start > 0 && i - start < 4 && capitalised(&words[start - 1]) {
            start -= 1;
        }
        let mut span = (start < i && (i - start >= 2 || start > 0)).then(|| (start, i - 1));
        if span.is_none() {
            let mut end = i + 1;
            while end < words.len() && end - i <= 4 && capitalised(&words[end]) {
                end += 1;
            }
            span = (end > i + 2).then(|| (i + 1, end - 1));
        }
        if let Some((a, b)) = span {
            return Some(Attribution {
                source: folded
                    .original_span(words[a].start, words[b].end)
                    .slice(text)
                    .to_string(),
                source_kind: "person".to_string(),
                verb: verb.to_string(),
                span: folded.original_span(words[a].start, words[b].end),
            });
        }
    }
    None
}

/// Certainty cues of one sentence, strongest first: denial, dispute, hedge. A cue counts only
/// as whole words (no letter or digit right before or after it).
pub(crate) fn certainty_cue(v: &Vocab, folded_sentence: &str) -> Option<Certainty> {
    let mut best: Option<Certainty> = None;
    // Every occurrence of every cue, overlapping ones included. The strongest found wins, so
    // the order they come in does not matter.
    for m in v.certainty_cues.find_overlapping_iter(folded_sentence) {
        let (start, end) = (m.start(), m.end());
        let before = folded_sentence[..start].chars().next_back();
        let after = folded_sentence[end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let found = v.certainty_of_cue[m.pattern().as_usize()];
        if found == Certainty::Denied {
            return Some(found);
        }
        best = best.max(Some(found));
    }
    best
}

/// The certainty of a report with this attribution and these cues.
pub fn certainty(attribution: Option<&Attribution>, cue: Option<Certainty>) -> Certainty {
    let from_source = match attribution.map(|a| a.verb.as_str()) {
        Some("claimed") => Certainty::Claimed,
        Some("denied") => Certainty::Denied,
        Some(_) => Certainty::Reported,
        None => Certainty::Asserted,
    };
    cue.map_or(from_source, |c| c.max(from_source))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(text: &str) -> Option<(String, String, String)> {
        let d = SourceDictionary::embedded().unwrap();
        let f = Folded::new(text);
        let s = vec![Sentence::covering(text)];
        d.attributions(text, &f, &s)
            .remove(0)
            .map(|a| (a.source, a.source_kind, a.verb))
    }

    #[test]
    fn sources_and_verbs() {
        assert_eq!(
            attr("State news agency SANA reported on Sunday that troops took the farms.").unwrap(),
            ("SANA".into(), "state_media".into(), "reported".into())
        );
        assert_eq!(
            attr("Eight died, the Syrian Observatory for Human Rights said.")
                .unwrap()
                .0,
            "Syrian Observatory for Human Rights"
        );
        assert_eq!(
            attr("Nine died, according to activists.").unwrap().0,
            "activists"
        );
        assert_eq!(
            attr("About 200 insurgents were killed, the defence ministry said.")
                .unwrap()
                .0,
            "defence ministry"
        );
        assert_eq!(
            attr("The military claimed that it had killed many insurgents.")
                .unwrap()
                .2,
            "claimed"
        );
        let p = attr("Homs Governor Talal Barazi said the attack caused deaths.").unwrap();
        assert_eq!(
            (p.0.as_str(), p.1.as_str()),
            ("Homs Governor Talal Barazi", "person")
        );
        assert_eq!(attr("He said nothing."), None);
        // A sentence opening with a reporting verb.
        assert_eq!(attr("Reports indicated that the jihadists attacked."), None);
        assert_eq!(
            attr("Said the Observatory: nine died.").unwrap().0,
            "Syrian Observatory for Human Rights"
        );
        assert_eq!(attr("Sana is a city in Yemen where it rained."), None);
    }

    #[test]
    fn cues() {
        assert_eq!(
            certainty_cue(
                Vocab::embedded(),
                "this has been categorically denied by peskov"
            ),
            Some(Certainty::Denied)
        );
        assert_eq!(
            certainty_cue(Vocab::embedded(), "the army has reportedly shifted forces"),
            Some(Certainty::Claimed)
        );
        assert_eq!(
            certainty_cue(
                Vocab::embedded(),
                "the figures could not be independently verified."
            ),
            Some(Certainty::Claimed)
        );
        assert_eq!(
            certainty_cue(Vocab::embedded(), "troops shelled the town"),
            None
        );
        assert_eq!(certainty_cue(Vocab::embedded(), ""), None);
        assert_eq!(certainty_cue(Vocab::embedded(), "undenied"), None);
        assert_eq!(
            certainty_cue(Vocab::embedded(), "reportedly, the claim was disputed"),
            Some(Certainty::Disputed)
        );
        assert_eq!(
            certainty_cue(Vocab::embedded(), "it was unclear whether it was denied"),
            Some(Certainty::Denied)
        );
        assert_eq!(certainty(None, None), Certainty::Asserted);
        let a = Attribution {
            source: "SANA".into(),
            source_kind: "state_media".into(),
            verb: "reported".into(),
            span: Span::new(0, 4),
        };
        assert_eq!(certainty(Some(&a), None), Certainty::Reported);
        assert_eq!(
            certainty(Some(&a), Some(Certainty::Claimed)),
            Certainty::Claimed
        );
    }
}
