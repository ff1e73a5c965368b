//! The gazetteer: places with coordinates, admin regions and the names news uses for them.
//!
//! The embedded table (`data/gazetteer/places.tsv.zst`, built by `tools/gazetteer/build.py`)
//! covers every country, every first-level admin region, every town of 1,000 inhabitants or
//! more, and Syria and Iraq densely.
//! Users can load GeoNames dumps for village-level coverage of any country
//! ([`Gazetteer::from_geonames`]) and merge them with the embedded table
//! ([`Gazetteer::merged`]).

mod abbreviations;
mod containment;
mod distance;
mod document;
mod geocode;
mod geonames;
mod index;
mod name_key;
mod table;
mod words;
mod written;

pub(crate) use document::{dateline_place, main_country};
pub(crate) use geocode::location_of;
pub use geocode::{geocode_document, PlaceMatch};

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use polemos_core::PlaceKind;

use index::{IndexBuilder, NameIndex};
use name_key::{name_key, Keyer};
use rayon::prelude::*;

use crate::{Lexicon, ResourceError};
pub(crate) use words::GazetteerWords;

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Canonical name, in readable ASCII where one is known ("Tafas", not "Ţafas").
    pub name: String,
    pub kind: PlaceKind,
    pub feature_code: String,
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub population: u64,
    pub geonames_id: Option<u64>,
    /// Other names of the place (original GeoNames spelling, transliterations, Arabic).
    pub aliases: Vec<String>,
}

impl Place {
    /// Whether the place is a region rather than a point-like site.
    pub fn is_region(&self) -> bool {
        self.kind.is_region()
    }

    /// Rank of administrative level: countries 0, provinces 1, districts 2, sites 3.
    pub fn level(&self) -> u8 {
        self.kind.level()
    }
}

/// The gazetteer with its name index.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Per country or first-level region (by place id), its seat's place id: built on first
    /// use ([`Gazetteer::seat_of`]), as only events placed at a region need it.
    seats: std::sync::OnceLock<HashMap<u32, u32>>,
    /// Each country's place id, by ISO code: built on first use ([`Gazetteer::country_place`]).
    countries: std::sync::OnceLock<HashMap<String, u32>>,
    index: NameIndex,
    /// Index keys of the lexicon's `guarded_place_names`, sorted.
    guarded: Vec<usize>,
    /// The lexicon's words the gazetteer was built with.
    words: Arc<GazetteerWords>,
    /// Ids of the places with aliases matched only as written ([`written`]), sorted.
    written_only: Vec<u32>,
    /// Per place id, whether the place matches only names written as one of its own: its
    /// country is none of the lexicon's `key_countries` ([`written`]).
    as_written: Vec<bool>,
}

/// Source and licence lines written at the top of imported gazetteer files.
const IMPORT_COMMENTS: &[&str] = &[
    "polemos gazetteer imported from GeoNames dump files",
    "Contains data from GeoNames (geonames.org), CC BY 4.0",
];

impl Gazetteer {
    /// Builds a gazetteer (and its name index) from places.
    pub fn from_places(places: Vec<Place>) -> Result<Gazetteer, ResourceError> {
        Gazetteer::from_places_with(places, GazetteerWords::embedded())
    }

    /// The gazetteer of `self`'s places built with the words of `lexicon` (its stop names,
    /// guarded names and name articles) rather than the built-in ones.
    pub fn rebuilt_with(&self, lexicon: &Lexicon) -> Result<Gazetteer, ResourceError> {
        let words = Arc::new(GazetteerWords::new(lexicon.vocab()));
        Gazetteer::from_places_with(self.places.clone(), words)
    }

    fn from_places_with(
        places: Vec<Place>,
        words: Arc<GazetteerWords>,
    ) -> Result<Gazetteer, ResourceError> {
        let stop = &words.stop_keys;
        // Keying is the costliest part of building the index; it runs on all cores.
        const CHUNK: usize = 2048;
        let keys: Vec<PlaceKeys> = places
            .par_chunks(CHUNK)
            .map(|chunk| PlaceKeys::of(chunk, stop))
            .collect();
        let mut builder = IndexBuilder::with_capacity(keys.iter().map(PlaceKeys::len).sum());
        for (c, k) in keys.iter().enumerate() {
            k.add_to(&mut builder, (c * CHUNK) as u32);
        }
        Ok(Gazetteer::with_index(places, builder, words))
    }

    fn with_index(
        places: Vec<Place>,
        builder: IndexBuilder,
        words: Arc<GazetteerWords>,
    ) -> Gazetteer {
        let index = builder.finish();
        let mut guarded: Vec<usize> = words
            .guarded_names
            .iter()
            .filter_map(|n| index.get_key(&name_key(n)))
            .collect();
        guarded.sort_unstable();
        guarded.dedup();
        let written_only = places
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.aliases
                    .iter()
                    .any(|a| a.starts_with(written::WRITTEN_ONLY))
            })
            .map(|(id, _)| id as u32)
            .collect();
        let as_written = places
            .iter()
            .map(|p| !words.key_countries.contains(p.country.as_str()))
            .collect();
        Gazetteer {
            written_only,
            as_written,
            places,
            seats: std::sync::OnceLock::new(),
            countries: std::sync::OnceLock::new(),
            index,
            guarded,
            words,
        }
    }

    /// The seat of a country (its capital) or a first-level region (its largest town), for
    /// the place with id `id`; none for other places, or where the gazetteer has no town
    /// there.
    pub fn seat_of(&self, id: u32) -> Option<&Place> {
        let place = self.place(id)?;
        if !matches!(place.kind, PlaceKind::Country | PlaceKind::Admin1) {
            return None;
        }
        let seats = self.seats.get_or_init(|| seats(&self.places));
        seats.get(&id).and_then(|&s| self.place(s))
    }

    /// The place id of the country with ISO code `iso`, if the gazetteer has it.
    pub fn country_place(&self, iso: &str) -> Option<u32> {
        let countries = self.countries.get_or_init(|| {
            self.places
                .iter()
                .enumerate()
                .filter(|(_, p)| p.kind == PlaceKind::Country)
                .map(|(id, p)| (p.country.clone(), id as u32))
                .collect()
        });
        countries.get(iso).copied()
    }

    /// Loads a gazetteer from the TSV format of `data/gazetteer/README.md` (plain text).
    /// Parsing and keying run together, on all cores, a block of lines at a time.
    pub fn from_tsv(file: &str, text: &str) -> Result<Gazetteer, ResourceError> {
        let words = GazetteerWords::embedded();
        let blocks =
            table::parse_blocks(file, text, |places| PlaceKeys::of(places, &words.stop_keys))?;
        let total = blocks.iter().map(|(p, _)| p.len()).sum();
        let mut places = Vec::with_capacity(total);
        let mut builder = IndexBuilder::with_capacity(blocks.iter().map(|(_, k)| k.len()).sum());
        for (block, keys) in blocks {
            keys.add_to(&mut builder, places.len() as u32);
            places.extend(block);
        }
        Ok(Gazetteer::with_index(places, builder, words))
    }

    /// Loads a gazetteer file in the embedded format, zstd-compressed or not.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, ResourceError> {
        let path = path.as_ref();
        let text = table::read_path(path)?;
        Gazetteer::from_tsv(&path.display().to_string(), &text)
    }

    /// The gazetteer embedded in the library.
    pub fn embedded() -> Result<Gazetteer, ResourceError> {
        const FILE: &str = "data/gazetteer/places.tsv.zst";
        let text = table::decode(FILE, crate::data::GAZETTEER)?;
        Gazetteer::from_tsv(FILE, &text)
    }

    /// Loads GeoNames dump files: directories or files among a place file (`SY.txt`,
    /// `allCountries.txt`, `cities1000.txt`), `admin1CodesASCII.txt`, `admin2Codes.txt` and
    /// `alternateNamesV2.txt`. Only the place file is required.
    pub fn from_geonames<P: AsRef<Path>>(inputs: &[P]) -> Result<Gazetteer, ResourceError> {
        let paths: Vec<PathBuf> = inputs.iter().map(|p| p.as_ref().to_path_buf()).collect();
        Gazetteer::from_places(geonames::read(&paths)?)
    }

    /// Reads GeoNames dump files and writes them as a gazetteer file (zstd-compressed when
    /// `out` ends in `.zst`) that [`Gazetteer::from_path`] reads. Returns the number of places.
    pub fn import_geonames<P: AsRef<Path>>(
        inputs: &[P],
        out: impl AsRef<Path>,
    ) -> Result<usize, ResourceError> {
        let paths: Vec<PathBuf> = inputs.iter().map(|p| p.as_ref().to_path_buf()).collect();
        let places = geonames::read(&paths)?;
        table::write_path(&places, IMPORT_COMMENTS, out.as_ref())?;
        Ok(places.len())
    }

    /// Writes the gazetteer in the embedded format (zstd-compressed when `out` ends in `.zst`).
    pub fn write_to(&self, out: impl AsRef<Path>) -> Result<(), ResourceError> {
        table::write_path(&self.places, IMPORT_COMMENTS, out.as_ref())
    }

    /// `base` with `extra` added. A place of `extra` with the GeoNames id of a place of
    /// `base` replaces it, keeping the aliases of both and, where `base` knows them, its name
    /// and admin names (the embedded table's canonical English spellings); other places of
    /// `extra` are added.
    pub fn merged(base: &Gazetteer, extra: &Gazetteer) -> Result<Gazetteer, ResourceError> {
        let mut places = base.places.clone();
        let by_id: HashMap<u64, usize> = places
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.geonames_id.map(|id| (id, i)))
            .collect();
        for p in &extra.places {
            match p.geonames_id.and_then(|id| by_id.get(&id)) {
                Some(&i) => {
                    let old = &mut places[i];
                    let mut aliases = std::mem::take(&mut old.aliases);
                    aliases.push(p.name.clone());
                    aliases.extend(p.aliases.iter().cloned());
                    old.aliases = aliases;
                    old.admin2 = old.admin2.take().or_else(|| p.admin2.clone());
                    if old.population == 0 {
                        old.population = p.population;
                    }
                    geonames::dedupe_aliases(old);
                }
                None => places.push(p.clone()),
            }
        }
        // The words the base was built with (a user's stop names, say) stay.
        Gazetteer::from_places_with(places, base.words.clone())
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub(crate) fn index(&self) -> &NameIndex {
        &self.index
    }

    /// The lexicon's words this gazetteer was built with.
    pub(crate) fn words(&self) -> &GazetteerWords {
        &self.words
    }

    pub(crate) fn place(&self, id: u32) -> Option<&Place> {
        self.places.get(id as usize)
    }

    /// Whether place `id` may be what a name written as `written` names: not where the name
    /// reaches it only through the key of an alias matched only as written, nor, for a place
    /// outside the lexicon's `key_countries`, through any key at all ([`written`]).
    pub(crate) fn accepts(&self, id: u32, written: &str) -> bool {
        if self.as_written.get(id as usize).copied().unwrap_or(false) {
            return self
                .place(id)
                .is_some_and(|p| written::written_as_named(p, written));
        }
        if self.written_only.binary_search(&id).is_err() {
            return true;
        }
        self.place(id).is_some_and(|p| written::accepts(p, written))
    }

    /// Places whose name or alias has the same name key as `name` ("Deir Ezzor" finds Deir
    /// ez-Zor).
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        self.lookup_ids(name)
            .iter()
            .filter_map(|&id| self.place(id))
            .collect()
    }

    /// Like [`Gazetteer::lookup`], returning place ids (indexes into [`Gazetteer::places`]).
    /// An abbreviation ("U.S.", "Ky.") finds the places that bear it as written.
    pub fn lookup_ids(&self, name: &str) -> &[u32] {
        let key = self
            .index
            .exact_key(name)
            .or_else(|| self.index.get_key(&name_key(name)));
        key.map(|k| self.index.values(k)).unwrap_or(&[])
    }

    /// Every gazetteer name in `text` standing as whole words, longest first and not
    /// overlapping, as original byte ranges with the ids of the places the name may mean. No
    /// capitalisation or context checks: [`geocode_document`] adds those.
    pub fn find_names(&self, text: &str) -> Vec<(std::ops::Range<usize>, &[u32])> {
        let cands = with_buffers(|b| {
            let mut out = Vec::new();
            self.index.candidates_in_blocks(
                text,
                &mut b.keyer,
                &mut b.keyed,
                &mut b.cache,
                &mut out,
            );
            out
        });
        index::longest_non_overlapping(cands)
            .into_iter()
            .map(|c| (c.orig_start..c.orig_end, self.index.values(c.key)))
            .collect()
    }

    /// Like [`Gazetteer::find_names`], but only names written as proper names: capitalised,
    /// after any Arabic article ("Aleppo", "al-Bab", not "aleppo" or "al bab"), as
    /// [`geocode_document`] requires. Much faster: only words that may begin such a name are
    /// looked up.
    pub fn find_proper_names(&self, text: &str) -> Vec<(std::ops::Range<usize>, &[u32])> {
        let mut cands = with_keyer(|keyer| {
            self.index
                .candidates_where(text, keyer, |t, at| self.words.may_look_proper(t, at))
        });
        abbreviations::resolve(&self.index, text, &mut cands);
        let proper = cands
            .into_iter()
            .filter(|c| self.words.looks_proper(&text[c.orig_start..c.orig_end]))
            .collect();
        index::longest_non_overlapping(proper)
            .into_iter()
            .map(|c| (c.orig_start..c.orig_end, self.index.values(c.key)))
            .collect()
    }

    /// Whether index key `key` is the key of a guarded name (`guarded_place_names`).
    pub(crate) fn is_guarded_key(&self, key: usize) -> bool {
        self.guarded.binary_search(&key).is_ok()
    }
}

/// Each country's capital (its largest `PPLC` town, else its largest town) and each
/// first-level region's largest town, by the region's place id.
fn seats(places: &[Place]) -> HashMap<u32, u32> {
    // (is a capital, population) ranks a country's towns; population a region's.
    let mut in_country: HashMap<&str, ((bool, u64), u32)> = HashMap::new();
    let mut in_region: HashMap<(&str, &str), (u64, u32)> = HashMap::new();
    for (id, p) in places.iter().enumerate() {
        if p.is_region() {
            continue;
        }
        let id = id as u32;
        let rank = (p.feature_code == "PPLC", p.population);
        let best = in_country.entry(&p.country).or_insert((rank, id));
        if rank > best.0 {
            *best = (rank, id);
        }
        if let Some(admin1) = p.admin1.as_deref() {
            let best = in_region
                .entry((&p.country, admin1))
                .or_insert((p.population, id));
            if p.population > best.0 {
                *best = (p.population, id);
            }
        }
    }
    places
        .iter()
        .enumerate()
        .filter_map(|(id, p)| {
            let seat = match p.kind {
                PlaceKind::Country => in_country.get(p.country.as_str()).map(|b| b.1),
                PlaceKind::Admin1 => {
                    let name = p.admin1.as_deref().unwrap_or(&p.name);
                    in_region.get(&(p.country.as_str(), name)).map(|b| b.1)
                }
                _ => None,
            }?;
            Some((id as u32, seat))
        })
        .collect()
}

/// The name keys of a run of places, in one string.
#[derive(Debug, Default)]
struct PlaceKeys {
    arena: String,
    /// Key range in `arena`, and place number within the run.
    spans: Vec<(u32, u32, u32)>,
    /// Abbreviations matched only as written ([`abbreviations::is_exact_form`]): key range,
    /// written form's range in `arena`, and place number within the run.
    exact: Vec<(u32, u32, u32, u32, u32)>,
}

impl PlaceKeys {
    /// Keys the name and aliases of each place, once per distinct key, without keys too short
    /// to match or stop names (except for a country that really has that name).
    /// Abbreviations ("U.S.", "Ky.") are kept apart, with their written form.
    fn of(places: &[Place], stop: &HashSet<String>) -> PlaceKeys {
        let mut keyer = Keyer::default();
        let mut out = PlaceKeys {
            arena: String::with_capacity(places.len() * 24),
            spans: Vec::with_capacity(places.len() * 2),
            exact: Vec::new(),
        };
        for (i, p) in places.iter().enumerate() {
            let is_country = p.kind == PlaceKind::Country;
            let first = out.spans.len();
            for n in std::iter::once(p.name.as_str())
                .chain(p.aliases.iter().map(|a| written::unmarked(a).0))
            {
                let k = keyer.name_key(n);
                if abbreviations::is_exact_form(n, k) {
                    let start = out.arena.len() as u32;
                    out.arena.push_str(k);
                    let middle = out.arena.len() as u32;
                    out.arena.push_str(n);
                    out.exact
                        .push((start, middle, middle, out.arena.len() as u32, i as u32));
                    continue;
                }
                if k.len() < index::MIN_KEY_LEN || (!is_country && stop.contains(k)) {
                    continue;
                }
                let arena = &out.arena;
                let seen = out.spans[first..]
                    .iter()
                    .any(|&(a, b, _)| arena.get(a as usize..b as usize) == Some(k));
                if !seen {
                    let start = out.arena.len() as u32;
                    out.arena.push_str(k);
                    out.spans.push((start, out.arena.len() as u32, i as u32));
                }
            }
        }
        out
    }

    fn len(&self) -> usize {
        self.spans.len() + self.exact.len()
    }

    /// Adds the keys to an index, numbering the places from `first_id`.
    fn add_to(&self, builder: &mut IndexBuilder, first_id: u32) {
        let at = |a: u32, b: u32| self.arena.get(a as usize..b as usize).unwrap_or("");
        for &(start, end, i) in &self.spans {
            builder.add(at(start, end), first_id + i);
        }
        for &(ks, ke, fs, fe, i) in &self.exact {
            builder.add_exact(at(ks, ke), at(fs, fe), first_id + i);
        }
    }
}

/// Keying buffers kept per thread, so that keying many documents allocates only while the
/// buffers grow.
#[derive(Debug, Default)]
struct Buffers {
    keyer: Keyer,
    keyed: name_key::KeyedText,
    cache: index::EntryCache,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

/// Buffers grown past this (in bytes) are not kept.
const KEEP_BUFFERS: usize = 1 << 22;

/// Calls `f` with this thread's buffers.
fn with_buffers<R>(f: impl FnOnce(&mut Buffers) -> R) -> R {
    BUFFERS.with(|b| match b.try_borrow_mut() {
        Ok(mut b) => {
            let r = f(&mut b);
            if b.keyed.text.capacity() > KEEP_BUFFERS || b.keyer.capacity() > KEEP_BUFFERS {
                *b = Buffers::default();
            }
            r
        }
        // Called from inside `f`: fresh buffers.
        Err(_) => f(&mut Buffers::default()),
    })
}

/// Calls `f` with this thread's keyer.
pub(crate) fn with_keyer<R>(f: impl FnOnce(&mut Keyer) -> R) -> R {
    BUFFERS.with(|b| match b.try_borrow_mut() {
        Ok(mut b) => {
            let r = f(&mut b.keyer);
            if b.keyer.capacity() > KEEP_BUFFERS {
                b.keyer = Keyer::default();
            }
            r
        }
        Err(_) => f(&mut Keyer::default()),
    })
}

#[cfg(test)]
mod tests;
