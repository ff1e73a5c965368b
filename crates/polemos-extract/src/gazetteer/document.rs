//! Where a document is: the country it is about and the place its dateline names. Both set the
//! context later stages read (an actor's country, the place of an event whose sentence names
//! none).

use std::collections::HashMap;

use polemos_core::{GeoPrecision, ParsedDocument, PlaceKind};

use super::{location_of, Gazetteer, PlaceMatch};
use crate::fold::Folded;
use crate::lexicon::Vocab;

/// Whether a mention of a country's name places something in it: after a word of place ("in
/// Syria", "across Syria", not "Russia has denied") or a compass word ("northern Syria"), or
/// as a possessive ("Syria's Aleppo").
fn places_in_country(vocab: &Vocab, text: &str, folded: &Folded, p: &PlaceMatch) -> bool {
    let start = folded.folded_offset(p.span.start);
    crate::context::previous_words(folded, start, 1)
        .first()
        .is_some_and(|w| vocab.place_words.contains(w) || vocab.compass_words.contains(w))
        || text
            .get(p.span.end..)
            .is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"))
}

/// The country most resolved places are in, its own name counted with its towns where it
/// names a place: "air strikes near Syria's Aleppo", with Moscow quoted twice further down,
/// is about Syria, and so is an article on a strike in Aleppo that says five times what
/// "Russia" said or denied. Among equals, a country with towns named beats one only named
/// ("bombers took off from Russia and struck Deir ez-Zor province" happened in Syria), then
/// the country more often named at all, then the country named first wins: the article opens
/// with what it is about.
pub(crate) fn main_country(
    vocab: &Vocab,
    text: &str,
    folded: &Folded,
    places: &[PlaceMatch],
) -> Option<String> {
    // Per country: mentions of places in it, mentions finer than the country, all mentions,
    // first mention.
    let mut counts: HashMap<&str, (usize, usize, usize, usize)> = HashMap::new();
    // A modifier ("U.S. officials", "Russian") says whose, not where.
    for (i, p) in places.iter().enumerate().filter(|(_, p)| !p.modifier) {
        let c = counts
            .entry(p.location.country.as_str())
            .or_insert((0, 0, 0, i));
        let finer = p.location.feature != PlaceKind::Country;
        c.0 += usize::from(finer || places_in_country(vocab, text, folded, p));
        c.1 += usize::from(finer);
        c.2 += 1;
    }
    counts
        .into_iter()
        .max_by(|(_, a), (_, b)| {
            a.0.cmp(&b.0)
                .then((a.1 > 0).cmp(&(b.1 > 0)))
                .then(a.2.cmp(&b.2))
                .then(b.3.cmp(&a.3))
        })
        .map(|(c, _)| c.to_string())
}

/// The dateline's place, resolved as if it were a sentence of its own.
pub(crate) fn dateline_place(gazetteer: &Gazetteer, parsed: &ParsedDocument) -> Option<PlaceMatch> {
    let dateline = parsed.dateline.as_ref()?;
    let name = dateline.place.as_deref()?;
    let (place_id, place) = gazetteer
        .lookup_ids(name)
        .iter()
        .filter_map(|&id| gazetteer.place(id).map(|p| (id, p)))
        .max_by_key(|(_, p)| (!p.is_region(), p.population))?;
    Some(PlaceMatch {
        span: dateline.span,
        sentence: 0,
        place_id,
        location: location_of(place, GeoPrecision::Exact),
        seat: gazetteer
            .seat_of(place_id)
            .map(|seat| (seat.latitude, seat.longitude)),
        rule: "place:dateline",
        modifier: false,
    })
}
