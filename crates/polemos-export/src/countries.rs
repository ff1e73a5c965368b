//! Countries as ACLED names them: ISO 3166 codes, ACLED's English name and region, UCDP's
//! region, from `data/countries.tsv` (in the lexicon's file format, `polemos_core::lexicon`).
//!
//! A table rather than a lookup in the gazetteer: polemos-export does not depend on the
//! extractor, and ACLED's names ("Democratic Republic of Congo", "Palestine", "Turkey") and
//! regions are its own, not GeoNames'. The same file is what `bench/scoring` scores country
//! names against.

use std::sync::OnceLock;

use polemos_core::lexicon::parse_class;

/// One country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Country {
    pub alpha2: String,
    /// ISO 3166-1 alpha-3, the prefix of ACLED's `event_id_cnty`.
    pub alpha3: String,
    /// ISO 3166-1 numeric, ACLED's `iso` column (0 for Kosovo, which has none).
    pub numeric: u16,
    pub name: String,
    /// ACLED's region (`acled.csv`'s `region`).
    pub region: String,
    /// UCDP GED's region (`ucdp.csv`'s `region`): Africa, Americas, Asia, Europe, Middle East.
    pub ucdp_region: String,
}

const FILE: &str = include_str!("../data/countries.tsv");

/// Every country of `data/countries.tsv`, sorted by alpha-2 code for binary search.
fn countries() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        let (class, _) =
            parse_class("countries.tsv", FILE).expect("data/countries.tsv parses (tests)");
        let mut out: Vec<Country> = class
            .rows()
            .iter()
            .map(|row| {
                let field = |c: &str| class.field(row, c).unwrap_or_default().to_string();
                Country {
                    alpha2: row[0].clone(),
                    alpha3: field("iso3"),
                    numeric: field("numeric").parse().unwrap_or(0),
                    name: field("name"),
                    region: field("region"),
                    ucdp_region: field("ucdp_region"),
                }
            })
            .collect();
        out.sort_by(|a, b| a.alpha2.cmp(&b.alpha2));
        out
    })
}

/// The country with ISO 3166-1 alpha-2 code `alpha2` (any case), when the table has it.
pub(crate) fn country(alpha2: &str) -> Option<&'static Country> {
    let key = alpha2.trim().to_ascii_uppercase();
    let countries = countries();
    countries
        .binary_search_by(|c| c.alpha2.as_str().cmp(key.as_str()))
        .ok()
        .map(|i| &countries[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_codes_are_well_formed() {
        let all = countries();
        assert!(all.len() > 240);
        assert!(all.windows(2).all(|w| w[0].alpha2 < w[1].alpha2));
        for c in all {
            assert_eq!(c.alpha2.len(), 2, "{c:?}");
            assert_eq!(c.alpha3.len(), 3, "{c:?}");
            assert!((1..=999).contains(&c.numeric) || c.alpha2 == "XK", "{c:?}");
            assert!(!c.name.is_empty() && !c.region.is_empty(), "{c:?}");
            let ucdp = ["Africa", "Americas", "Asia", "Europe", "Middle East"];
            assert!(ucdp.contains(&c.ucdp_region.as_str()), "{c:?}");
        }
    }

    #[test]
    fn brief_countries() {
        let expected = [
            ("SY", "SYR", 760, "Syria"),
            ("IQ", "IRQ", 368, "Iraq"),
            ("TR", "TUR", 792, "Turkey"),
            ("LB", "LBN", 422, "Lebanon"),
            ("JO", "JOR", 400, "Jordan"),
            ("IR", "IRN", 364, "Iran"),
        ];
        for (a2, a3, numeric, name) in expected {
            let c = country(a2).unwrap();
            assert_eq!(
                (c.alpha3.as_str(), c.numeric, c.name.as_str()),
                (a3, numeric, name)
            );
            assert_eq!(c.region, "Middle East");
        }
        assert_eq!(country("sy").map(|c| c.name.as_str()), Some("Syria"));
        // UCDP's regions follow Gleditsch-Ward numbers, not ACLED's regions.
        let ucdp = |a2| country(a2).map(|c| c.ucdp_region.as_str());
        assert_eq!(ucdp("EG"), Some("Middle East"));
        assert_eq!(ucdp("LY"), Some("Africa"));
        assert_eq!(ucdp("GE"), Some("Europe"));
        assert_eq!(ucdp("KZ"), Some("Asia"));
        assert_eq!(ucdp("MX"), Some("Americas"));
        assert_eq!(country("ZZ"), None);
    }
}
