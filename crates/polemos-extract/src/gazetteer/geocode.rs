//! Finding the places a document names and choosing which place each name means.

use std::collections::HashMap;

use polemos_core::{GeoPrecision, Location, ParsedDocument, Span};

use super::{is_guarded, Gazetteer, Place};
use crate::context::{next_words, previous_words, sentence_of, Cue};
use crate::fold::Folded;

/// A place named in the text, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMatch {
    pub span: Span,
    pub sentence: u32,
    pub place_id: u32,
    pub location: Location,
    /// Which rule chose the place.
    pub rule: &'static str,
}

/// Words after a name that say it means the province.
const PROVINCE_WORDS: &[&str] = &[
    "province",
    "governorate",
    "countryside",
    "region",
    "provinces",
];
/// Words after a name that say it means the city.
const CITY_WORDS: &[&str] = &["city", "town"];
/// Words before a name that say the event was near it, not in it.
const NEAR_CUES: &[&[&str]] = &[
    &["near"],
    &["outside"],
    &["around"],
    &["outskirts", "of"],
    &["edge", "of"],
    &["edges", "of"],
    &["west", "of"],
    &["east", "of"],
    &["north", "of"],
    &["south", "of"],
    &["northwest", "of"],
    &["northeast", "of"],
    &["southwest", "of"],
    &["southeast", "of"],
    &["close", "to"],
    &["km", "from"],
    &["kilometres", "from"],
    &["kilometers", "from"],
    &["miles", "from"],
];
/// Prepositions that license a guarded (common-word) name as a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "at", "from", "to", "outside", "of", "into"];
/// Arabic article prefixes a name may be written with in lower case ("al-Bab").
const ARTICLE_PREFIXES: &[&str] = &[
    "al-", "el-", "ad-", "ar-", "as-", "ash-", "az-", "at-", "an-",
];

/// Whether the name as written looks like a proper name: capitalised after any article.
fn looks_proper(written: &str) -> bool {
    let lower = written.to_lowercase();
    let rest = ARTICLE_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| &written[p.len().min(written.len())..])
        .unwrap_or(written);
    match rest.chars().find(|c| c.is_alphabetic()) {
        Some(c) => c.is_uppercase() || !c.is_ascii(),
        None => false,
    }
}

/// Finds and resolves every gazetteer name in the document's sentences.
pub fn geocode_document(
    gazetteer: &Gazetteer,
    parsed: &ParsedDocument,
    folded: &Folded,
) -> Vec<PlaceMatch> {
    let text = parsed.doc.text.as_str();
    let matcher = gazetteer.matcher();
    // Candidate hits that stand in a sentence and read as names.
    let mut hits = Vec::new();
    for hit in matcher.find(folded) {
        let span = folded.original_span(hit.start, hit.end);
        let Some(sentence) = sentence_of(&parsed.sentences, span) else {
            continue;
        };
        if !looks_proper(span.slice(text)) {
            continue;
        }
        let key = &folded.text[hit.start..hit.end];
        if is_guarded(key) {
            let before = previous_words(folded, hit.start, 1);
            if !before
                .first()
                .is_some_and(|w| PLACE_PREPOSITIONS.contains(w))
            {
                continue;
            }
        }
        hits.push((hit, span, sentence));
    }

    let focus = country_focus(
        gazetteer,
        parsed,
        &hits.iter().map(|h| h.0.key).collect::<Vec<_>>(),
    );

    let mut out = Vec::with_capacity(hits.len());
    for (hit, span, sentence) in hits {
        let after = next_words(folded, hit.end, 1);
        let before = previous_words(folded, hit.start, 3);
        let wants_province = after.first().is_some_and(|w| PROVINCE_WORDS.contains(w));
        let wants_city = after.first().is_some_and(|w| CITY_WORDS.contains(w))
            || before.first().is_some_and(|w| *w == "city" || *w == "town");
        let near = Cue::new(NEAR_CUES).precedes(&before);

        let candidates: Vec<(u32, &Place)> = matcher
            .values(hit.key)
            .iter()
            .filter_map(|&id| gazetteer.place(id).map(|p| (id, p)))
            .collect();
        let Some(&(place_id, place)) = candidates.iter().max_by(|(_, a), (_, b)| {
            let score = |p: &Place| {
                (
                    focus.is_some_and(|f| f == p.country),
                    if wants_province {
                        p.kind == "admin1"
                    } else if wants_city {
                        !p.is_region()
                    } else {
                        // A bare name means the town before the province of the same name.
                        !p.is_region() || p.kind == "country"
                    },
                    p.population,
                    std::cmp::Reverse(p.level()),
                )
            };
            score(a).cmp(&score(b))
        }) else {
            continue;
        };

        let mut precision = match place.kind.as_str() {
            "country" | "admin1" => GeoPrecision::Region,
            "admin2" | "area" => GeoPrecision::Near,
            _ => GeoPrecision::Exact,
        };
        if near && precision == GeoPrecision::Exact {
            precision = GeoPrecision::Near;
        }
        let rule = if wants_province {
            "place:province-cue"
        } else if near {
            "place:near-cue"
        } else if candidates.len() > 1 {
            "place:ranked"
        } else {
            "place:name"
        };
        out.push(PlaceMatch {
            span,
            sentence,
            place_id,
            location: location_of(place, precision),
            rule,
        });
    }
    out
}

/// The country most places in the document belong to, counting only names that are not
/// ambiguous between countries, and the dateline's place.
fn country_focus<'g>(
    gazetteer: &'g Gazetteer,
    parsed: &ParsedDocument,
    keys: &[usize],
) -> Option<&'g str> {
    let mut counts: HashMap<&'g str, usize> = HashMap::new();
    let mut count_key = |ids: &[u32]| {
        let countries: Vec<&'g str> = ids
            .iter()
            .filter_map(|&id| gazetteer.place(id))
            .map(|p| p.country.as_str())
            .collect();
        if let Some(first) = countries.first() {
            if countries.iter().all(|c| c == first) {
                *counts.entry(first).or_default() += 1;
            }
        }
    };
    for &key in keys {
        count_key(gazetteer.matcher().values(key));
    }
    if let Some(place) = parsed.dateline.as_ref().and_then(|d| d.place.as_deref()) {
        let folded = Folded::new(place);
        for hit in gazetteer.matcher().find(&folded) {
            count_key(gazetteer.matcher().values(hit.key));
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c)
}

pub(crate) fn location_of(place: &Place, precision: GeoPrecision) -> Location {
    Location {
        name: place.name.clone(),
        feature: place.kind.clone(),
        country: place.country.clone(),
        admin1: place.admin1.clone(),
        admin2: place.admin2.clone(),
        latitude: place.latitude,
        longitude: place.longitude,
        geonames_id: place.geonames_id,
        precision,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::{Document, Sentence, SentenceKind};

    fn doc(text: &str) -> ParsedDocument {
        let mut p = ParsedDocument::unparsed(Document::from_text("t", text));
        p.sentences.push(Sentence {
            index: 0,
            kind: SentenceKind::Body,
            span: Span::new(0, text.len()),
            tokens: Vec::new(),
        });
        p
    }

    fn places(text: &str) -> Vec<(String, String, Option<String>, u8)> {
        let g = Gazetteer::embedded().unwrap();
        let p = doc(text);
        let f = Folded::new(text);
        geocode_document(&g, &p, &f)
            .into_iter()
            .map(|m| {
                (
                    m.span.slice(text).to_string(),
                    m.location.feature.clone(),
                    m.location.admin1.clone(),
                    m.location.precision.code(),
                )
            })
            .collect()
    }

    #[test]
    fn city_versus_province() {
        let got = places("Shelling hit Deir ez-Zor city and villages in Deir Ezzor province.");
        assert_eq!(got[0].0, "Deir ez-Zor");
        assert_ne!(got[0].1, "admin1");
        assert_eq!(got[0].3, 1);
        assert_eq!(got[1].1, "admin1");
        assert_eq!(got[1].2.as_deref(), Some("Deir ez-Zor"));
        assert_eq!(got[1].3, 3);
    }

    #[test]
    fn near_lowers_precision() {
        let got = places("Fighting raged near Aleppo.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2.as_deref(), Some("Aleppo"));
        assert_eq!(got[0].3, 2);
    }

    #[test]
    fn hamas_is_not_hama_and_lowercase_words_are_not_places() {
        let got = places("Hamas said the salt and the van were hit.");
        assert!(got.is_empty(), "{got:?}");
        let got = places("Troops entered al-Bab and Hama.");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, vec!["al-Bab", "Hama"]);
    }
}
