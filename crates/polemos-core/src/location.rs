use serde::{Deserialize, Serialize};

/// How precisely a location is known, in ACLED's sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GeoPrecision {
    /// 1: the town or site itself.
    Exact = 1,
    /// 2: near or part of the named place ("near Aleppo", "the outskirts of Homs").
    Near = 2,
    /// 3: only the province or a larger region is known.
    Region = 3,
}

impl GeoPrecision {
    pub fn code(&self) -> u8 {
        *self as u8
    }
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Canonical name from the gazetteer.
    pub name: String,
    /// Gazetteer feature kind: `country`, `admin1`, `city`, `town`, `airbase`, ...
    pub feature: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub geonames_id: Option<u64>,
    pub precision: GeoPrecision,
}
