//! The gazetteer: places with coordinates, admin regions and the names news uses for them.

mod geocode;

pub(crate) use geocode::location_of;
pub use geocode::{geocode_document, PlaceMatch};

use crate::fold::fold_key;
use crate::matcher::DictMatcher;
use crate::tsv::parse_rows;
use crate::ResourceError;

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    /// `country`, `admin1`, `city`, `town`, `village`, `area`, `airbase`, ...
    pub kind: String,
    pub feature_code: String,
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub population: u64,
    pub geonames_id: Option<u64>,
}

impl Place {
    /// Whether the place is a region rather than a point-like site.
    pub fn is_region(&self) -> bool {
        matches!(self.kind.as_str(), "country" | "admin1" | "admin2" | "area")
    }

    /// Rank of administrative level: countries 0, provinces 1, districts 2, sites 3.
    pub fn level(&self) -> u8 {
        match self.kind.as_str() {
            "country" => 0,
            "admin1" => 1,
            "admin2" | "area" => 2,
            _ => 3,
        }
    }
}

/// Names that are also common English words or names, matched only when written with a capital
/// letter and not at the start of a sentence-like position. Kept here because they are a
/// property of English text, not of the places.
const GUARDED_NAMES: &[&str] = &[
    "al",
    "bab",
    "tal",
    "mayor",
    "hit",
    "salt",
    "tall",
    "van",
    "batman",
    "of",
    "sur",
    "kars",
    "side",
    "mobile",
    "nice",
    "reading",
    "bath",
    "gaza strip",
    "chad",
    "jordan",
    "georgia",
];

/// The gazetteer with its name matcher.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    places: Vec<Place>,
    matcher: DictMatcher<u32>,
}

impl Gazetteer {
    /// Loads a gazetteer from the TSV format of `data/gazetteer/places.tsv`.
    pub fn from_tsv(file: &str, text: &str) -> Result<Gazetteer, ResourceError> {
        let mut header = Vec::new();
        let rows = parse_rows(
            file,
            text,
            &mut header,
            &["name", "kind", "country", "latitude", "longitude"],
        )?;
        let mut places = Vec::with_capacity(rows.len());
        let mut names: Vec<(String, u32)> = Vec::new();
        for row in &rows {
            let coord = |col: &str| -> Result<f64, ResourceError> {
                row.require(col)?
                    .parse::<f64>()
                    .map_err(|e| row.error(format!("bad `{col}`: {e}")))
            };
            let opt = |col: &str| {
                Some(row.get(col))
                    .filter(|s| !s.is_empty())
                    .map(String::from)
            };
            let place = Place {
                name: row.require("name")?.to_string(),
                kind: row.require("kind")?.to_string(),
                feature_code: row.get("feature_code").to_string(),
                country: row.require("country")?.to_string(),
                admin1: opt("admin1"),
                admin2: opt("admin2"),
                latitude: coord("latitude")?,
                longitude: coord("longitude")?,
                population: row.get("population").parse().unwrap_or(0),
                geonames_id: row.get("geonames_id").parse().ok(),
            };
            let id = places.len() as u32;
            names.push((place.name.clone(), id));
            for alias in row.list("aliases") {
                names.push((alias.to_string(), id));
            }
            places.push(place);
        }
        // Guarded words stay matchable, but only through their capitalised form (see geocode).
        let matcher = DictMatcher::new(names.into_iter().filter(|(n, _)| fold_key(n).len() >= 2))?;
        Ok(Gazetteer { places, matcher })
    }

    /// The gazetteer embedded in the library.
    pub fn embedded() -> Result<Gazetteer, ResourceError> {
        Gazetteer::from_tsv(
            "data/gazetteer/places.tsv",
            include_str!("../../data/gazetteer/places.tsv"),
        )
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

    pub(crate) fn matcher(&self) -> &DictMatcher<u32> {
        &self.matcher
    }

    pub(crate) fn place(&self, id: u32) -> Option<&Place> {
        self.places.get(id as usize)
    }

    /// Places whose name or alias folds to the same key as `name`.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let folded = crate::fold::Folded::new(name);
        self.matcher
            .find(&folded)
            .into_iter()
            .filter(|h| h.start == 0 && h.end == folded.text.len())
            .flat_map(|h| self.matcher.values(h.key).iter())
            .filter_map(|id| self.place(*id))
            .collect()
    }
}

pub(crate) fn is_guarded(key: &str) -> bool {
    GUARDED_NAMES.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_loads_and_finds_variants() {
        let g = Gazetteer::embedded().unwrap();
        assert!(g.len() > 500);
        for variant in [
            "Deir ez-Zor",
            "Deir Ez Zor",
            "Deir Ezzor",
            "Dayr az Zawr",
            "Deir al-Zour",
        ] {
            let hits = g.lookup(variant);
            assert!(
                hits.iter()
                    .any(|p| p.admin1.as_deref() == Some("Deir ez-Zor")),
                "{variant} -> {hits:?}"
            );
        }
        assert!(g.lookup("Lattakia").iter().any(|p| p.name == "Latakia"));
        assert!(g.lookup("Hamas").is_empty());
    }

    #[test]
    fn bad_rows_are_reported_with_line() {
        let tsv = "name\tkind\tcountry\tlatitude\tlongitude\nAleppo\tcity\tSY\tnorth\t37.1\n";
        let err = Gazetteer::from_tsv("t.tsv", tsv).unwrap_err().to_string();
        assert!(err.starts_with("t.tsv:2:"), "{err}");
        assert!(Gazetteer::from_tsv("t.tsv", "name\tkind\n").is_err());
    }
}
