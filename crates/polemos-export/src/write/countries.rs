//! Countries as ACLED names them: ISO 3166 codes, ACLED's English name and region.
//!
//! A table rather than a lookup in the gazetteer: polemos-export does not depend on the
//! extractor, and ACLED's names ("Democratic Republic of Congo", "Palestine", "Turkey") and
//! regions are its own, not GeoNames'. It covers the countries of ACLED's regions where conflict
//! data is coded, plus the states most often named as external actors; other countries fall
//! back to their alpha-2 code (see `acled.rs`).

/// One country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Country {
    pub alpha2: &'static str,
    /// ISO 3166-1 alpha-3, the prefix of ACLED's `event_id_cnty`.
    pub alpha3: &'static str,
    /// ISO 3166-1 numeric, ACLED's `iso` column.
    pub numeric: u16,
    pub name: &'static str,
    pub region: &'static str,
}

/// Sorted by alpha-2 code, for binary search.
const COUNTRIES: &[Country] = &[
    c("AE", "ARE", 784, "United Arab Emirates", "Middle East"),
    c("AF", "AFG", 4, "Afghanistan", "South Asia"),
    c("AL", "ALB", 8, "Albania", "Europe"),
    c("AM", "ARM", 51, "Armenia", "Caucasus and Central Asia"),
    c("AO", "AGO", 24, "Angola", "Middle Africa"),
    c("AR", "ARG", 32, "Argentina", "South America"),
    c("AT", "AUT", 40, "Austria", "Europe"),
    c("AU", "AUS", 36, "Australia", "Oceania"),
    c("AZ", "AZE", 31, "Azerbaijan", "Caucasus and Central Asia"),
    c("BA", "BIH", 70, "Bosnia and Herzegovina", "Europe"),
    c("BD", "BGD", 50, "Bangladesh", "South Asia"),
    c("BE", "BEL", 56, "Belgium", "Europe"),
    c("BF", "BFA", 854, "Burkina Faso", "Western Africa"),
    c("BG", "BGR", 100, "Bulgaria", "Europe"),
    c("BH", "BHR", 48, "Bahrain", "Middle East"),
    c("BI", "BDI", 108, "Burundi", "Eastern Africa"),
    c("BJ", "BEN", 204, "Benin", "Western Africa"),
    c("BN", "BRN", 96, "Brunei", "Southeast Asia"),
    c("BO", "BOL", 68, "Bolivia", "South America"),
    c("BR", "BRA", 76, "Brazil", "South America"),
    c("BT", "BTN", 64, "Bhutan", "South Asia"),
    c("BW", "BWA", 72, "Botswana", "Southern Africa"),
    c("BY", "BLR", 112, "Belarus", "Europe"),
    c("CA", "CAN", 124, "Canada", "North America"),
    c(
        "CD",
        "COD",
        180,
        "Democratic Republic of Congo",
        "Middle Africa",
    ),
    c(
        "CF",
        "CAF",
        140,
        "Central African Republic",
        "Middle Africa",
    ),
    c("CG", "COG", 178, "Republic of Congo", "Middle Africa"),
    c("CH", "CHE", 756, "Switzerland", "Europe"),
    c("CI", "CIV", 384, "Ivory Coast", "Western Africa"),
    c("CL", "CHL", 152, "Chile", "South America"),
    c("CM", "CMR", 120, "Cameroon", "Middle Africa"),
    c("CN", "CHN", 156, "China", "East Asia"),
    c("CO", "COL", 170, "Colombia", "South America"),
    c("CR", "CRI", 188, "Costa Rica", "Central America"),
    c("CU", "CUB", 192, "Cuba", "Caribbean"),
    c("CV", "CPV", 132, "Cape Verde", "Western Africa"),
    c("CY", "CYP", 196, "Cyprus", "Europe"),
    c("CZ", "CZE", 203, "Czech Republic", "Europe"),
    c("DE", "DEU", 276, "Germany", "Europe"),
    c("DJ", "DJI", 262, "Djibouti", "Eastern Africa"),
    c("DK", "DNK", 208, "Denmark", "Europe"),
    c("DO", "DOM", 214, "Dominican Republic", "Caribbean"),
    c("DZ", "DZA", 12, "Algeria", "Northern Africa"),
    c("EC", "ECU", 218, "Ecuador", "South America"),
    c("EG", "EGY", 818, "Egypt", "Northern Africa"),
    c("EH", "ESH", 732, "Western Sahara", "Northern Africa"),
    c("ER", "ERI", 232, "Eritrea", "Eastern Africa"),
    c("ES", "ESP", 724, "Spain", "Europe"),
    c("ET", "ETH", 231, "Ethiopia", "Eastern Africa"),
    c("FI", "FIN", 246, "Finland", "Europe"),
    c("FR", "FRA", 250, "France", "Europe"),
    c("GA", "GAB", 266, "Gabon", "Middle Africa"),
    c("GB", "GBR", 826, "United Kingdom", "Europe"),
    c("GE", "GEO", 268, "Georgia", "Caucasus and Central Asia"),
    c("GH", "GHA", 288, "Ghana", "Western Africa"),
    c("GM", "GMB", 270, "Gambia", "Western Africa"),
    c("GN", "GIN", 324, "Guinea", "Western Africa"),
    c("GQ", "GNQ", 226, "Equatorial Guinea", "Middle Africa"),
    c("GR", "GRC", 300, "Greece", "Europe"),
    c("GT", "GTM", 320, "Guatemala", "Central America"),
    c("GW", "GNB", 624, "Guinea-Bissau", "Western Africa"),
    c("HN", "HND", 340, "Honduras", "Central America"),
    c("HR", "HRV", 191, "Croatia", "Europe"),
    c("HT", "HTI", 332, "Haiti", "Caribbean"),
    c("HU", "HUN", 348, "Hungary", "Europe"),
    c("ID", "IDN", 360, "Indonesia", "Southeast Asia"),
    c("IE", "IRL", 372, "Ireland", "Europe"),
    c("IL", "ISR", 376, "Israel", "Middle East"),
    c("IN", "IND", 356, "India", "South Asia"),
    c("IQ", "IRQ", 368, "Iraq", "Middle East"),
    c("IR", "IRN", 364, "Iran", "Middle East"),
    c("IT", "ITA", 380, "Italy", "Europe"),
    c("JM", "JAM", 388, "Jamaica", "Caribbean"),
    c("JO", "JOR", 400, "Jordan", "Middle East"),
    c("JP", "JPN", 392, "Japan", "East Asia"),
    c("KE", "KEN", 404, "Kenya", "Eastern Africa"),
    c("KG", "KGZ", 417, "Kyrgyzstan", "Caucasus and Central Asia"),
    c("KH", "KHM", 116, "Cambodia", "Southeast Asia"),
    c("KM", "COM", 174, "Comoros", "Eastern Africa"),
    c("KP", "PRK", 408, "North Korea", "East Asia"),
    c("KR", "KOR", 410, "South Korea", "East Asia"),
    c("KW", "KWT", 414, "Kuwait", "Middle East"),
    c("KZ", "KAZ", 398, "Kazakhstan", "Caucasus and Central Asia"),
    c("LA", "LAO", 418, "Laos", "Southeast Asia"),
    c("LB", "LBN", 422, "Lebanon", "Middle East"),
    c("LK", "LKA", 144, "Sri Lanka", "South Asia"),
    c("LR", "LBR", 430, "Liberia", "Western Africa"),
    c("LS", "LSO", 426, "Lesotho", "Southern Africa"),
    c("LY", "LBY", 434, "Libya", "Northern Africa"),
    c("MA", "MAR", 504, "Morocco", "Northern Africa"),
    c("MD", "MDA", 498, "Moldova", "Europe"),
    c("ME", "MNE", 499, "Montenegro", "Europe"),
    c("MG", "MDG", 450, "Madagascar", "Eastern Africa"),
    c("MK", "MKD", 807, "North Macedonia", "Europe"),
    c("ML", "MLI", 466, "Mali", "Western Africa"),
    c("MM", "MMR", 104, "Myanmar", "Southeast Asia"),
    c("MN", "MNG", 496, "Mongolia", "East Asia"),
    c("MR", "MRT", 478, "Mauritania", "Western Africa"),
    c("MU", "MUS", 480, "Mauritius", "Eastern Africa"),
    c("MV", "MDV", 462, "Maldives", "South Asia"),
    c("MW", "MWI", 454, "Malawi", "Southern Africa"),
    c("MX", "MEX", 484, "Mexico", "Central America"),
    c("MY", "MYS", 458, "Malaysia", "Southeast Asia"),
    c("MZ", "MOZ", 508, "Mozambique", "Southern Africa"),
    c("NA", "NAM", 516, "Namibia", "Southern Africa"),
    c("NE", "NER", 562, "Niger", "Western Africa"),
    c("NG", "NGA", 566, "Nigeria", "Western Africa"),
    c("NI", "NIC", 558, "Nicaragua", "Central America"),
    c("NL", "NLD", 528, "Netherlands", "Europe"),
    c("NO", "NOR", 578, "Norway", "Europe"),
    c("NP", "NPL", 524, "Nepal", "South Asia"),
    c("NZ", "NZL", 554, "New Zealand", "Oceania"),
    c("OM", "OMN", 512, "Oman", "Middle East"),
    c("PA", "PAN", 591, "Panama", "Central America"),
    c("PE", "PER", 604, "Peru", "South America"),
    c("PG", "PNG", 598, "Papua New Guinea", "Oceania"),
    c("PH", "PHL", 608, "Philippines", "Southeast Asia"),
    c("PK", "PAK", 586, "Pakistan", "South Asia"),
    c("PL", "POL", 616, "Poland", "Europe"),
    c("PS", "PSE", 275, "Palestine", "Middle East"),
    c("PT", "PRT", 620, "Portugal", "Europe"),
    c("PY", "PRY", 600, "Paraguay", "South America"),
    c("QA", "QAT", 634, "Qatar", "Middle East"),
    c("RO", "ROU", 642, "Romania", "Europe"),
    c("RS", "SRB", 688, "Serbia", "Europe"),
    c("RU", "RUS", 643, "Russia", "Europe"),
    c("RW", "RWA", 646, "Rwanda", "Eastern Africa"),
    c("SA", "SAU", 682, "Saudi Arabia", "Middle East"),
    c("SC", "SYC", 690, "Seychelles", "Eastern Africa"),
    c("SD", "SDN", 729, "Sudan", "Northern Africa"),
    c("SE", "SWE", 752, "Sweden", "Europe"),
    c("SG", "SGP", 702, "Singapore", "Southeast Asia"),
    c("SL", "SLE", 694, "Sierra Leone", "Western Africa"),
    c("SN", "SEN", 686, "Senegal", "Western Africa"),
    c("SO", "SOM", 706, "Somalia", "Eastern Africa"),
    c("SS", "SSD", 728, "South Sudan", "Eastern Africa"),
    c("ST", "STP", 678, "Sao Tome and Principe", "Middle Africa"),
    c("SV", "SLV", 222, "El Salvador", "Central America"),
    c("SY", "SYR", 760, "Syria", "Middle East"),
    c("SZ", "SWZ", 748, "eSwatini", "Southern Africa"),
    c("TD", "TCD", 148, "Chad", "Middle Africa"),
    c("TG", "TGO", 768, "Togo", "Western Africa"),
    c("TH", "THA", 764, "Thailand", "Southeast Asia"),
    c("TJ", "TJK", 762, "Tajikistan", "Caucasus and Central Asia"),
    c("TL", "TLS", 626, "East Timor", "Southeast Asia"),
    c(
        "TM",
        "TKM",
        795,
        "Turkmenistan",
        "Caucasus and Central Asia",
    ),
    c("TN", "TUN", 788, "Tunisia", "Northern Africa"),
    c("TR", "TUR", 792, "Turkey", "Middle East"),
    c("TW", "TWN", 158, "Taiwan", "East Asia"),
    c("TZ", "TZA", 834, "Tanzania", "Eastern Africa"),
    c("UA", "UKR", 804, "Ukraine", "Europe"),
    c("UG", "UGA", 800, "Uganda", "Eastern Africa"),
    c("US", "USA", 840, "United States", "North America"),
    c("UY", "URY", 858, "Uruguay", "South America"),
    c("UZ", "UZB", 860, "Uzbekistan", "Caucasus and Central Asia"),
    c("VE", "VEN", 862, "Venezuela", "South America"),
    c("VN", "VNM", 704, "Vietnam", "Southeast Asia"),
    c("YE", "YEM", 887, "Yemen", "Middle East"),
    c("ZA", "ZAF", 710, "South Africa", "Southern Africa"),
    c("ZM", "ZMB", 894, "Zambia", "Southern Africa"),
    c("ZW", "ZWE", 716, "Zimbabwe", "Southern Africa"),
];

const fn c(
    alpha2: &'static str,
    alpha3: &'static str,
    numeric: u16,
    name: &'static str,
    region: &'static str,
) -> Country {
    Country {
        alpha2,
        alpha3,
        numeric,
        name,
        region,
    }
}

/// The country with ISO 3166-1 alpha-2 code `alpha2` (any case), when the table has it.
pub(crate) fn country(alpha2: &str) -> Option<&'static Country> {
    let key = alpha2.trim().to_ascii_uppercase();
    COUNTRIES
        .binary_search_by(|c| c.alpha2.cmp(key.as_str()))
        .ok()
        .map(|i| &COUNTRIES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_codes_are_well_formed() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].alpha2 < w[1].alpha2));
        for c in COUNTRIES {
            assert_eq!(c.alpha2.len(), 2, "{c:?}");
            assert_eq!(c.alpha3.len(), 3, "{c:?}");
            assert!((1..=999).contains(&c.numeric), "{c:?}");
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
            assert_eq!((c.alpha3, c.numeric, c.name), (a3, numeric, name));
            assert_eq!(c.region, "Middle East");
        }
        assert_eq!(country("sy").map(|c| c.name), Some("Syria"));
        assert_eq!(country("ZZ"), None);
    }
}
