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

/// What kind of place a gazetteer entry is: the administrative levels, settlements by size,
/// and the sites conflict reports name (bases, crossings, prisons, camps, dams).
///
/// Written and read as the lowercase names below (`places.tsv`'s `kind` column, the
/// `feature` columns of the output tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    Admin1,
    Admin2,
    /// A named region that is not an administrative unit ("Eastern Ghouta").
    Area,
    /// A capital, a province seat, or a place of 100,000 people or more.
    City,
    /// A place of 10,000 people or more.
    Town,
    Village,
    /// A section of a populated place.
    Neighbourhood,
    Airbase,
    Airport,
    /// A border crossing.
    Crossing,
    Prison,
    Camp,
    Dam,
}

impl PlaceKind {
    /// Every kind, in order.
    pub const ALL: [PlaceKind; 14] = [
        PlaceKind::Country,
        PlaceKind::Admin1,
        PlaceKind::Admin2,
        PlaceKind::Area,
        PlaceKind::City,
        PlaceKind::Town,
        PlaceKind::Village,
        PlaceKind::Neighbourhood,
        PlaceKind::Airbase,
        PlaceKind::Airport,
        PlaceKind::Crossing,
        PlaceKind::Prison,
        PlaceKind::Camp,
        PlaceKind::Dam,
    ];

    /// The name the kind is written as.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Admin2 => "admin2",
            PlaceKind::Area => "area",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Airbase => "airbase",
            PlaceKind::Airport => "airport",
            PlaceKind::Crossing => "crossing",
            PlaceKind::Prison => "prison",
            PlaceKind::Camp => "camp",
            PlaceKind::Dam => "dam",
        }
    }

    /// Whether the kind is a region rather than a point-like site.
    pub fn is_region(self) -> bool {
        matches!(
            self,
            PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Area
        )
    }

    /// Rank of administrative level: countries 0, provinces 1, districts and areas 2, sites 3.
    pub fn level(self) -> u8 {
        match self {
            PlaceKind::Country => 0,
            PlaceKind::Admin1 => 1,
            PlaceKind::Admin2 | PlaceKind::Area => 2,
            _ => 3,
        }
    }
}

impl std::fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of the [`PlaceKind`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPlaceKind(pub String);

impl std::fmt::Display for UnknownPlaceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let known: Vec<_> = PlaceKind::ALL.iter().map(|k| k.as_str()).collect();
        write!(
            f,
            "unknown place kind {:?} (known: {})",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownPlaceKind {}

impl std::str::FromStr for PlaceKind {
    type Err = UnknownPlaceKind;

    fn from_str(s: &str) -> Result<PlaceKind, UnknownPlaceKind> {
        PlaceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownPlaceKind(s.to_string()))
    }
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Canonical name from the gazetteer.
    pub name: String,
    /// What kind of place it is.
    pub feature: PlaceKind,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub geonames_id: Option<u64>,
    pub precision: GeoPrecision,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_kinds_read_back_as_written() {
        for kind in PlaceKind::ALL {
            assert_eq!(kind.as_str().parse::<PlaceKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        let err = "hamlet".parse::<PlaceKind>().unwrap_err().to_string();
        assert!(
            err.contains("\"hamlet\"") && err.contains("admin1"),
            "{err}"
        );
    }
}
