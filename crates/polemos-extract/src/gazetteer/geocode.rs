//! Finding the places a document names and choosing which place each name means.

use std::collections::HashMap;

use polemos_core::{GeoPrecision, Location, ParsedDocument, PlaceKind, Span};

use super::containment::{container_runs, is_contained, lies_in_any};
use super::distance::{distance_km, latitude_gap_km, Point};
use super::index::{longest_non_overlapping, Candidate};
use super::{abbreviations, with_keyer, Gazetteer, Place};
use crate::context::{next_words, previous_words, sentence_of};
use crate::fold::{fold_key, Folded};
use crate::lexicon::Vocab;

/// A place named in the text, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMatch {
    pub span: Span,
    pub sentence: u32,
    pub place_id: u32,
    /// The place, at its own point (a region's middle).
    pub location: Location,
    /// For a country or a first-level region, the point of its seat (capital, or largest
    /// town): where ACLED codes an event known only to the region ([`PlaceMatch::event_location`]).
    pub seat: Option<(f64, f64)>,
    /// Which rule chose the place.
    pub rule: &'static str,
    /// A name that says whose or who, not where, so it places no event and does not vote for
    /// the document's country: an abbreviation modifying the word after it ("U.S.
    /// officials", "US-backed"), a country's demonym ("Russian"), a continent.
    pub modifier: bool,
}

impl PlaceMatch {
    /// The location of an event placed here: a region's at the point of its seat, as ACLED
    /// codes events known only to a province or a country ("at the provincial capital"); a
    /// mention keeps the region's own point, as gazetteers and geoparsers place regions.
    pub fn event_location(&self) -> Location {
        let mut location = self.location.clone();
        if let Some((latitude, longitude)) = self.seat {
            location.latitude = latitude;
            location.longitude = longitude;
        }
        location
    }
}

/// Whether a media word follows original offset `end`, with only spaces between.
fn names_outlet(v: &Vocab, folded: &Folded, end: usize) -> bool {
    let tail = folded.text.get(folded.folded_offset(end)..).unwrap_or("");
    tail.strip_prefix(' ').is_some_and(|t| {
        v.media_words.iter().any(|m| {
            t.strip_prefix(m)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        })
    })
}

/// A name found in a sentence, with what the words around it say.
#[derive(Debug)]
struct Hit {
    cand: Candidate,
    /// The names the text gives as containing it ([`container_runs`]).
    containers: Vec<Candidate>,
    span: Span,
    sentence: u32,
    wants_province: bool,
    wants_around: bool,
    wants_city: bool,
    near: bool,
    /// Followed by a word that makes a capital stand for its government.
    metonym: bool,
    /// Followed by a reporting verb ("Abu al-Hassan said"): the name may be a speaker's.
    speaks: bool,
    /// An abbreviation modifying the next word ([`abbreviations::modifies_next_word`]).
    modifier: bool,
}

/// Finds and resolves every gazetteer name in the document's sentences.
///
/// `not_places` are the spans of names of groups, communities and peoples
/// ([`crate::actors::ActorDictionary::names_not_places`]): a name inside a longer one is no
/// place ("Shabab" of "al-Shabab"), and a name that is one of them ("Taliban", "Maasai",
/// "Turkana") is a place only after a place preposition ("in Turkana"), like a guarded name;
/// neither holds for the name of a country or a capital.
///
/// Choosing among places sharing a name, in order: the containment the text states ("Tokoro
/// (Kouande, Atacora)"); a first-level region the document names elsewhere ("Gainesville"
/// in a story naming Texas); the article's country focus; what the
/// words around say (province, countryside, city); a country before a town of its name;
/// closeness to the places of the document that have only one reading; then population and a
/// lower admin level.
pub fn geocode_document(
    v: &Vocab,
    gazetteer: &Gazetteer,
    parsed: &ParsedDocument,
    folded: &Folded,
    not_places: &[Span],
    demonyms: &[(Span, &str)],
) -> Vec<PlaceMatch> {
    let text = parsed.doc.text.as_str();
    let index = gazetteer.index();
    // Only names written as proper names are kept, so only words that may begin one are
    // looked up (and only the words such a name could cover are keyed).
    let words = gazetteer.words();
    let mut found = with_keyer(|keyer| {
        index.candidates_where(text, keyer, |t, at| words.may_look_proper(t, at))
    });
    abbreviations::resolve(index, text, &mut found);
    // A name that reaches its places only through the key of aliases matched only as written
    // ("Rival", keyed like Tallinn's "Reval") names none of them.
    found.retain(|c| {
        let written = text.get(c.orig_start..c.orig_end).unwrap_or_default();
        index
            .values(c.key)
            .iter()
            .any(|&id| gazetteer.accepts(id, written))
    });
    // A state's name or capital, alone or in a name ("Russia", "Washington", "Kenya Defence
    // Forces"), is a place wherever it is not a metonym, which `choose`'s caller checks: it
    // says which country the story is about.
    let names_state = |cand: &Candidate| {
        index.values(cand.key).iter().any(|&id| {
            gazetteer
                .place(id)
                .is_some_and(|p| p.kind == PlaceKind::Country || p.feature_code == "PPLC")
        })
    };
    // The actor name covering a candidate: `not_places` are in text order and do not
    // overlap, so only the last one starting at or before it can (a binary search: a long
    // document names thousands of places and actors).
    let actor_name = |cand: &Candidate| {
        let span = Span::new(cand.orig_start, cand.orig_end);
        let at = not_places.partition_point(|n| n.start <= span.start);
        at.checked_sub(1)
            .and_then(|i| not_places.get(i))
            .copied()
            .filter(|n| span.end <= n.end && !names_state(cand))
    };
    let proper: Vec<Candidate> = found
        .into_iter()
        .filter(|cand| {
            let span = Span::new(cand.orig_start, cand.orig_end);
            words.looks_proper(span.slice(text))
                && sentence_of(&parsed.sentences, span).is_some()
                && actor_name(cand).is_none_or(|n| n == span)
        })
        .collect();
    let proper = longest_non_overlapping(proper);
    let runs = container_runs(text, &proper);
    let mut accepted = Vec::with_capacity(proper.len());
    for (cand, run) in proper.iter().zip(&runs) {
        let span = Span::new(cand.orig_start, cand.orig_end);
        // A one-word name only small places bear (no town of 15,000) is a common word or a
        // person's name as often as a place: it needs a place preposition ("in Bell", not
        // "Bell said"). Names of several words ("Kafr Nabl", "Deir al-Adas") rarely are, and
        // guarding them lost villages of the Middle East.
        let only_small = || {
            index.values(cand.key).iter().all(|&id| {
                gazetteer.place(id).is_some_and(|p| {
                    !p.is_region()
                        && p.population < SMALL_PLACE_POPULATION
                        && (p.population > 0 || p.kind == PlaceKind::City)
                })
            })
        };
        let one_word = !span
            .slice(text)
            .contains(|c: char| c.is_whitespace() || c == '-');
        let guarded = actor_name(cand).is_some()
            || gazetteer.is_guarded_key(cand.key)
            || (one_word && only_small());
        // A guarded name is a place after a place preposition, or where the text names what
        // contains it ("Bell, Florida", "Morek (Hama)").
        if guarded
            && !previous_words(folded, folded.folded_offset(span.start), 1)
                .first()
                .is_some_and(|w| v.place_prepositions.contains(w))
            && !is_contained(gazetteer, cand, &proper[run.clone()])
        {
            continue;
        }
        // "President Museveni", "Norbert Zongo": a person's name, unless a state's; and
        // "Michael Marshall": the given name before a surname.
        if (after_person_word(v, text, span.start)
            || (one_word && given_name_before_surname(v, text, span)))
            && !names_state(cand)
        {
            continue;
        }
        accepted.push((*cand, run.clone()));
    }
    let hits: Vec<Hit> = accepted
        .into_iter()
        .filter_map(|(cand, run)| {
            let span = Span::new(cand.orig_start, cand.orig_end);
            let sentence = sentence_of(&parsed.sentences, span)?;
            let after = next_words(folded, folded.folded_offset(span.end), 1);
            let before = previous_words(folded, folded.folded_offset(span.start), 3);
            let next = after.first().copied().unwrap_or("");
            if names_outlet(v, folded, span.end) {
                return None;
            }
            Some(Hit {
                cand,
                containers: proper.get(run).unwrap_or_default().to_vec(),
                span,
                sentence,
                wants_province: v.province_words.contains(next),
                // "the Aleppo countryside", "western rural Aleppo".
                wants_around: v.around_words.contains(next)
                    || before.first().is_some_and(|w| *w == "rural"),
                wants_city: v.city_words.contains(next)
                    || before.first().is_some_and(|w| *w == "city" || *w == "town"),
                near: v.near_cues.precedes(&before),
                metonym: v.metonym_next.contains(next)
                    || before.first().is_some_and(|w| v.metonym_before.contains(w)),
                speaks: v.report_verbs.get(next).is_some(),
                modifier: abbreviations::modifies_next_word(v, text, span.start, span.end, next),
            })
        })
        .collect();

    let cues = country_cues(v, gazetteer, folded);
    let focus = country_focus(gazetteer, parsed, &hits, &cues);
    let anchors = anchors(gazetteer, &hits);
    let regions = named_regions(gazetteer, &hits);

    let mut out = Vec::with_capacity(hits.len());
    for hit in hits {
        let all = index.values(hit.cand.key);
        let written = hit.span.slice(text);
        let kept: Vec<u32>;
        let ids = if all.iter().all(|&id| gazetteer.accepts(id, written)) {
            all
        } else {
            kept = all
                .iter()
                .copied()
                .filter(|&id| gazetteer.accepts(id, written))
                .collect();
            &kept
        };
        let Some((place_id, place)) = choose(gazetteer, ids, &hit, focus, &anchors, &regions)
        else {
            continue;
        };
        if place.feature_code == "PPLC" && hit.metonym {
            continue;
        }
        // A small town abroad, where the name has no reading in the document's country, is
        // more likely a namesake the gazetteer lacks, or no place at all ("Bazar" is Pazar in
        // Turkey), than a place the story goes to: it stays unresolved, unless the text says
        // what contains it, or names its region.
        if focus.is_some_and(|f| f != place.country)
            && prior(place) < ABROAD_MIN_PRIOR
            && !lies_in_any(gazetteer, place, &hit.containers)
            && !in_named_region(place, hit.cand.key, &regions)
        {
            continue;
        }
        let mut precision = match place.kind {
            PlaceKind::Country | PlaceKind::Admin1 => GeoPrecision::Region,
            PlaceKind::Admin2 | PlaceKind::Area => GeoPrecision::Near,
            _ => GeoPrecision::Exact,
        };
        if (hit.near || hit.wants_around) && precision == GeoPrecision::Exact {
            precision = GeoPrecision::Near;
        }
        let rule = if hit.wants_province {
            "place:province-cue"
        } else if hit.wants_around {
            "place:around-cue"
        } else if hit.near {
            "place:near-cue"
        } else if ids.len() > 1 {
            "place:ranked"
        } else {
            "place:name"
        };
        out.push(PlaceMatch {
            span: hit.span,
            sentence: hit.sentence,
            place_id,
            location: location_of(place, precision),
            seat: gazetteer
                .seat_of(place_id)
                .map(|seat| (seat.latitude, seat.longitude)),
            rule,
            // A continent spans countries: named, it places nothing.
            modifier: hit.modifier || place.country.is_empty(),
        });
    }
    add_demonyms(gazetteer, parsed, demonyms, &mut out);
    out
}

/// Adds a mention of the country for each of its demonyms ("Russian", "Palestinians") that
/// no place name covers and that is no abbreviation ("U.S." is the gazetteer's, matched only
/// as written). The text names the country there, as geoparsing gold sets count it, but says
/// whose or who, not where: the mention is a modifier, which places no event and does not
/// vote for the document's country.
fn add_demonyms(
    gazetteer: &Gazetteer,
    parsed: &ParsedDocument,
    demonyms: &[(Span, &str)],
    out: &mut Vec<PlaceMatch>,
) {
    let before = out.len();
    let text = parsed.doc.text.as_str();
    for &(span, iso) in demonyms {
        // The place names are in text order and do not overlap: only the last one starting
        // before the demonym ends can cover it (a binary search, as a long document names
        // thousands of places).
        let at = out[..before].partition_point(|p| p.span.start < span.end);
        let covered = at
            .checked_sub(1)
            .and_then(|i| out.get(i))
            .is_some_and(|p| p.span.overlaps(span));
        let repeated = out[before..].last().is_some_and(|p| p.span.overlaps(span));
        if covered || repeated || abbreviations::is_abbreviation(span.slice(text)) {
            continue;
        }
        let (Some(place_id), Some(sentence)) = (
            gazetteer.country_place(iso),
            sentence_of(&parsed.sentences, span),
        ) else {
            continue;
        };
        let Some(place) = gazetteer.place(place_id) else {
            continue;
        };
        out.push(PlaceMatch {
            span,
            sentence,
            place_id,
            location: location_of(place, GeoPrecision::Region),
            seat: gazetteer
                .seat_of(place_id)
                .map(|seat| (seat.latitude, seat.longitude)),
            rule: "place:demonym",
            modifier: true,
        });
    }
    if out.len() > before {
        out.sort_by_key(|p| (p.span.start, p.span.end));
    }
}

/// The first-level regions the document names, as (country, region name, index key of the
/// name), sorted: every admin1 reading of every name, as a name of two readings ("Georgia")
/// may mean either.
fn named_regions<'g>(gazetteer: &'g Gazetteer, hits: &[Hit]) -> Vec<(&'g str, &'g str, usize)> {
    let mut regions: Vec<(&str, &str, usize)> = hits
        .iter()
        .flat_map(|h| {
            gazetteer
                .index()
                .values(h.cand.key)
                .iter()
                .map(move |&id| (id, h.cand.key))
        })
        .filter_map(|(id, key)| {
            let p = gazetteer.place(id)?;
            (p.kind == PlaceKind::Admin1).then_some((p.country.as_str(), p.admin1.as_deref()?, key))
        })
        .collect();
    regions.sort_unstable();
    regions.dedup();
    regions
}

/// Whether `p` lies in a first-level region the document names by some other name than
/// `key` ("Santiago" names Santiago province, which does not make it Santiago de los
/// Caballeros).
fn in_named_region(p: &Place, key: usize, regions: &[(&str, &str, usize)]) -> bool {
    let Some(admin1) = p.admin1.as_deref() else {
        return false;
    };
    let region = (p.country.as_str(), admin1);
    let first = regions.partition_point(|r| (r.0, r.1) < region);
    regions[first..]
        .iter()
        .take_while(|r| (r.0, r.1) == region)
        .any(|r| r.2 != key)
}

/// Picks the place a hit most likely means.
fn choose<'g>(
    gazetteer: &'g Gazetteer,
    ids: &[u32],
    hit: &Hit,
    focus: Option<&str>,
    anchors: &[Point],
    regions: &[(&str, &str, usize)],
) -> Option<(u32, &'g Place)> {
    let likeliest = ids
        .iter()
        .filter_map(|&id| gazetteer.place(id))
        .map(prior)
        .fold(0.0, f64::max);
    let names_country = ids
        .iter()
        .filter_map(|&id| gazetteer.place(id))
        .any(|p| p.kind == PlaceKind::Country);
    let score = |p: &Place| {
        let inside = lies_in_any(gazetteer, p, &hit.containers);
        let kind_fit = if hit.wants_province {
            p.kind == PlaceKind::Admin1
        } else if hit.wants_city || hit.wants_around {
            !p.is_region()
        } else {
            // A bare name means the town before the province of the same name, but a
            // country or a continent (the one place in no country) before a town.
            !p.is_region() || p.kind == PlaceKind::Country || p.country.is_empty()
        };
        let closeness = closeness(anchors, &Point::new(p.latitude, p.longitude));
        let likely = prior(p) >= likeliest - FOCUS_PRIOR_MARGIN;
        // A town in a region the document names ("Gainesville" in a story that names
        // Texas), unless the name is a country's too ("Mexico" in a story naming Mexico City
        // stays the country).
        let in_region =
            likely && !names_country && !p.is_region() && in_named_region(p, hit.cand.key, regions);
        (
            inside,
            in_region,
            focus.is_some_and(|f| f == p.country) && likely,
            kind_fit,
            // A country's name means the country before a town that bears it too ("Mexico"
            // is no Mexico City, nor Mexico, Missouri), however near the town lies.
            p.kind == PlaceKind::Country,
            closeness,
            p.population,
            std::cmp::Reverse(p.level()),
        )
    };
    // Each reading is scored once (not once per comparison): scores measure distances.
    ids.iter()
        .filter_map(|&id| gazetteer.place(id).map(|p| (score(p), id, p)))
        .max_by(|(sa, ia, _), (sb, ib, _)| sa.cmp(sb).then(ib.cmp(ia)))
        .map(|(_, id, p)| (id, p))
}

/// How close `here` is to the nearest anchor: 3 within 60 km, 2 within 200 km, 1 within 500
/// km, else 0.
///
/// The closeness of the nearest anchor is the greatest closeness of any anchor, so anchors are
/// measured one by one and those whose difference in latitude alone puts them too far to raise
/// it are skipped: the great-circle distance is never below `R * |difference in latitude|`,
/// and a margin of 1 km covers rounding. Measuring stops at the closest closeness.
fn closeness(anchors: &[Point], here: &Point) -> u8 {
    const THRESHOLDS_KM: [f64; 3] = [500.0, 200.0, 60.0];
    let mut best = 0u8;
    for a in anchors {
        let Some(&needed) = THRESHOLDS_KM.get(usize::from(best)) else {
            break;
        };
        if latitude_gap_km(a, here) > needed + 1.0 {
            continue;
        }
        let d = distance_km(a, here);
        let c = match d {
            d if d < 60.0 => 3,
            d if d < 200.0 => 2,
            d if d < 500.0 => 1,
            _ => 0,
        };
        best = best.max(c);
    }
    best
}

/// Points of the places in the document that have only one reading (countries excluded:
/// their point, the middle of their towns, is near none of them), each once. A name whose
/// readings all lie in one first-level region ("Aleppo": the city and its governorate)
/// counts too, at its most local reading.
fn anchors(gazetteer: &Gazetteer, hits: &[Hit]) -> Vec<Point> {
    hits.iter()
        .filter_map(|h| {
            let mut places = gazetteer
                .index()
                .values(h.cand.key)
                .iter()
                .filter_map(|&id| gazetteer.place(id));
            let first = places.next()?;
            let mut best = first;
            for p in places {
                if p.country != first.country || p.admin1.is_none() || p.admin1 != first.admin1 {
                    return None;
                }
                if p.level() > best.level() {
                    best = p;
                }
            }
            Some(best)
        })
        .filter(|p| p.kind != PlaceKind::Country && !p.country.is_empty())
        .map(|p| (p.latitude.to_bits(), p.longitude.to_bits()))
        // A place named again and again is one anchor: every ambiguous name is measured
        // against every anchor, which a long document's repetitions made quadratic.
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|(lat, lon)| Point::new(f64::from_bits(lat), f64::from_bits(lon)))
        .collect()
}

/// A country's name votes for it as a middling town's does: stories name the countries
/// that act, back, send or receive ("Turkey said", "Iran-backed", "fled to Turkey") far more
/// than the towns they do not happen in; a Syrian story with a Turkish dateline that names
/// Turkey three times and five Syrian towns is Syrian.
const COUNTRY_NAME_VOTE: f64 = 0.5;

/// How much likelier (in [`prior`]) than a reading in the document's country another may be
/// before the country no longer decides: 0.4 is two orders of magnitude of population. A
/// hamlet of the story's country named like a city abroad ("Kampala", "Manchester") is not
/// what the story means.
const FOCUS_PRIOR_MARGIN: f64 = 0.4;

/// Below this population a place is small ([`geocode_document`]).
const SMALL_PLACE_POPULATION: u64 = 15_000;

/// The least [`prior`] of a place outside the document's country that a name resolves to:
/// a town of 100,000.
const ABROAD_MIN_PRIOR: f64 = 0.6;

/// How much a reading of a name says about where a document is, 0.2 to 1: a country or a
/// first-level region fully; a town by its size, from 0.2 at 1,000 inhabitants to 1 at 10
/// million. The capital of 10 million and the village that share a name are not equally
/// likely meant.
fn prior(p: &Place) -> f64 {
    match p.kind {
        PlaceKind::Country | PlaceKind::Admin1 => 1.0,
        // Places of unknown size: towns, villages, areas and sites the gazetteer's authored
        // tables add ("Marea", "Golan Heights") are notable, neither hamlet nor city; a
        // GeoNames city without a population is mostly a stray entry, counted as a hamlet.
        _ if p.population == 0 && p.kind != PlaceKind::City => 0.5,
        _ => ((p.population.max(1) as f64).log10() - 2.0).clamp(1.0, 5.0) / 5.0,
    }
}

/// The country the document is about: each name found (and the dateline's place) votes for
/// the countries of its readings, as much as its likeliest reading's [`prior`] (a region or
/// a city a whole vote, a village a fifth, a country's name [`COUNTRY_NAME_VOTE`]), shared
/// among its readings' countries in proportion to their priors (a country's that of its
/// likeliest reading there), so "Dhaka" gives two thirds of its vote to Bangladesh (the
/// capital of millions against a town of Bihar) and a hamlet's name outvotes no city. A name
/// written as the first part of a compound modifier ("Britain-based", "Iran-backed"; not
/// "the Gilgil-Nyahururu road") says where someone comes from, not where the story is, and
/// does not vote; nor does one before a reporting verb, a speaker's as often as a town's
/// ("Abu al-Hassan said"). The country with the most votes, if any.
///
/// Tried and not kept: steeper priors (the square, the cube) let a great city abroad outvote
/// a story's small towns ("Paris" and "Dublin" of Illinois and Ohio stories went to Europe);
/// named groups voting for their countries placed fewer notes in a wrong country but fewer
/// in the right one, as stories name foreign groups and forces beside local ones; voting
/// with only the readings a name may mean as written ([`Gazetteer::accepts`]) placed more
/// notes but more of them abroad (ACLED wrong country 8.4% -> 9.0%): the readings a name
/// reaches by key spread its vote thin, where a surname's one namesake abroad does not.
fn country_focus<'g>(
    gazetteer: &'g Gazetteer,
    parsed: &ParsedDocument,
    hits: &[Hit],
    cues: &[(&'g str, f64)],
) -> Option<&'g str> {
    let mut votes: HashMap<&'g str, f64> = HashMap::new();
    for &(c, w) in cues {
        *votes.entry(c).or_default() += w;
    }
    let mut readings: Vec<(&'g str, f64)> = Vec::new();
    let mut vote = |ids: &[u32]| {
        readings.clear();
        for p in ids.iter().filter_map(|&id| gazetteer.place(id)) {
            let w = if p.kind == PlaceKind::Country {
                COUNTRY_NAME_VOTE
            } else {
                prior(p)
            };
            match readings.iter_mut().find(|(c, _)| *c == p.country) {
                Some((_, best)) => *best = best.max(w),
                None => readings.push((p.country.as_str(), w)),
            }
        }
        let total: f64 = readings.iter().map(|(_, w)| w).sum();
        let likeliest = readings.iter().map(|(_, w)| *w).fold(0.0, f64::max);
        if total > 0.0 {
            // A continent's reading ("Africa") takes its share of the name's vote to no
            // country.
            for &(c, w) in readings.iter().filter(|(c, _)| !c.is_empty()) {
                *votes.entry(c).or_default() += likeliest * w / total;
            }
        }
    };
    let text = parsed.doc.text.as_str();
    for hit in hits {
        let modifier = text.get(hit.span.end..).is_some_and(|rest| {
            rest.strip_prefix('-')
                .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()))
        });
        if !modifier && !hit.speaks && !hit.modifier {
            vote(gazetteer.index().values(hit.cand.key));
        }
    }
    if let Some(place) = parsed.dateline.as_ref().and_then(|d| d.place.as_deref()) {
        vote(gazetteer.lookup_ids(place));
    }
    votes
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c)
}

/// The longest title abbreviation written with a final dot ("Capt.", "Prof.").
const TITLE_ABBREVIATION_MAX: usize = 4;

/// Whether the word right before byte `start` of `text`, a space apart, is a title or a given
/// name written with a capital (the lexicon's `person_name_words`: "Dr.", "President",
/// "Norbert"): the name at `start` is then part of a person's.
fn after_person_word(v: &Vocab, text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() || head.len() - trimmed.len() > 1 {
        return false;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &trimmed[word_start..];
    // A final dot ends a title's abbreviation ("Dr.", "Gen."), or a sentence ("... Nate
    // Raymond. BOSTON (Reuters)"): only a short word's is taken for an abbreviation's.
    let word = match word.strip_suffix('.') {
        Some(w) if w.chars().count() > TITLE_ABBREVIATION_MAX => return false,
        Some(w) => w,
        None => word,
    };
    word.starts_with(char::is_uppercase)
        && !word.contains('.')
        && v.person_name_words.contains(&fold_key(word))
}

/// Whether the one word at `span` of `text` is a given name of the lexicon's
/// `person_name_words` followed, a space apart, by a capitalised word: a person's name
/// ("Michael Marshall's plane", "Linda Evans said"), not the village called Michael; unless
/// that word names a kind of place (the lexicon's `place_kind_words`: "Madison Township"). A
/// name the gazetteer knows as a whole ("George Town") is matched as one before this is asked.
fn given_name_before_surname(v: &Vocab, text: &str, span: Span) -> bool {
    let (Some(word), Some(rest)) = (text.get(span.start..span.end), text.get(span.end..)) else {
        return false;
    };
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    let surname = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.starts_with(char::is_uppercase)
        && surname.starts_with(char::is_uppercase)
        && surname.chars().count() > 1
        // "Madison Township": the kind of place the name is.
        && !v.place_kind_words.contains(&fold_key(surname))
        && v.person_name_words.contains(&fold_key(word))
}

/// What a word for an administrative unit only some countries have ("upazila", "LGA"; the
/// lexicon's `country_cue_words`) votes in [`country_focus`]: as much as a city's name,
/// shared among its countries.
const COUNTRY_CUE_VOTE: f64 = 1.0;

/// The votes of the document's words for administrative units (the lexicon's
/// `country_cue_words`): per occurrence, each of the word's countries with its share of
/// [`COUNTRY_CUE_VOTE`].
fn country_cues<'g>(v: &Vocab, gazetteer: &'g Gazetteer, folded: &Folded) -> Vec<(&'g str, f64)> {
    let mut out = Vec::new();
    for w in folded.words_iter(0, folded.text.len()) {
        let Some(codes) = v.country_cue_words.get(w.text) else {
            continue;
        };
        let share = COUNTRY_CUE_VOTE / codes.len() as f64;
        for code in codes.iter() {
            let country = gazetteer
                .country_place(code)
                .and_then(|id| gazetteer.place(id));
            if let Some(p) = country {
                out.push((p.country.as_str(), share));
            }
        }
    }
    out
}

pub(crate) fn location_of(place: &Place, precision: GeoPrecision) -> Location {
    Location {
        name: place.name.clone(),
        feature: place.kind,
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
    use polemos_core::{Document, Sentence};

    fn doc(text: &str) -> ParsedDocument {
        let mut p = ParsedDocument::unparsed(Document::from_text("t", text));
        p.sentences.push(Sentence::covering(text));
        p
    }

    fn places(text: &str) -> Vec<(String, String, Option<String>, u8)> {
        let g = Gazetteer::embedded().unwrap();
        let p = doc(text);
        let f = Folded::new(text);
        geocode_document(Vocab::embedded(), &g, &p, &f, &[], &[])
            .into_iter()
            .map(|m| {
                (
                    m.span.slice(text).to_string(),
                    m.location.feature.as_str().to_string(),
                    m.location.admin1.clone(),
                    m.location.precision.code(),
                )
            })
            .collect()
    }

    #[test]
    fn a_capital_standing_for_its_government_is_no_place() {
        let names = |text: &str| -> Vec<String> { places(text).into_iter().map(|p| p.0).collect() };
        assert_eq!(
            names("Aleppo was bombed despite Damascus promises of a truce."),
            ["Aleppo"]
        );
        assert_eq!(
            names("Ankara says the militants fired at Kilis."),
            ["Kilis"]
        );
        assert_eq!(
            names("Shelling hit Damascus and Aleppo on Friday."),
            ["Damascus", "Aleppo"]
        );
        assert_eq!(
            names("Washington accused Moscow of the strike on Aleppo."),
            ["Aleppo"]
        );
    }

    #[test]
    fn surnames_and_bare_first_words_are_no_places() {
        let got = places("Prime Minister Binali Yildirim spoke of Jisr al-Shigour in Idlib.");
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Jisr al-Shigour", "Idlib"], "{got:?}");
        assert_eq!(got[0].2.as_deref(), Some("Idlib"));
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
    fn proper_prefilter_accepts_every_proper_name() {
        let g = Gazetteer::embedded().unwrap();
        let mut texts = crate::gazetteer::index::tests::sample_texts();
        texts.push("Ash-, al-Bab AL-BAB, al-bab, Al-bab, 10 Ramadan, ad-Dana an-Nabk".into());
        let mut seen = 0;
        for text in texts {
            for c in g
                .index()
                .candidates(&crate::gazetteer::name_key::KeyedText::new(&text))
            {
                if g.words().looks_proper(&text[c.orig_start..c.orig_end]) {
                    seen += 1;
                    assert!(
                        g.words().may_look_proper(&text, c.orig_start),
                        "{}",
                        &text[c.orig_start..]
                    );
                }
            }
        }
        assert!(seen > 10);
    }

    #[test]
    fn outlets_and_group_names_are_not_places() {
        let got = places("The Lebanon-based al-Mayadeen TV said Ahrar al-Sham shelled Aleppo.");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, vec!["Lebanon", "Aleppo"]);
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
