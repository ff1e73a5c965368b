//! Aliases matched only as written: another language's name of a city outside the region
//! the transliteration key is made for ("Reval" for Tallinn, "Ohoro" for Oslo). By key they
//! would match English words and other names ("Rival", "Uhuru"): such an alias stands for its
//! place only where the text writes it the same way, case and diacritics aside.
//!
//! The gazetteer table marks them with a leading [`WRITTEN_ONLY`] in its aliases column
//! (`tools/gazetteer/build.py`); the index keys them like any name, so the text search finds
//! them, and [`accepts`] then keeps a place for a name only if one of its other names has the
//! name's key, or the name is written as one of its marked aliases.
//!
//! The same holds for every name of a place outside the countries the key is made for (the
//! lexicon's `key_countries`): [`written_as_named`] keeps it for a name written as one of its
//! names, whatever the key says.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::name_key::{name_abbreviation, name_key, special_fold};
use super::Place;
use crate::fold::is_apostrophe;

/// The mark of an alias matched only as written.
pub(crate) const WRITTEN_ONLY: char = '=';

/// The alias without its mark, and whether it had one.
pub(crate) fn unmarked(alias: &str) -> (&str, bool) {
    match alias.strip_prefix(WRITTEN_ONLY) {
        Some(rest) => (rest, true),
        None => (alias, false),
    }
}

/// Whether `place` may be what the name written as `written` names: always, unless the place
/// has aliases matched only as written; then if one of its other names has the same key, or
/// `written` is one of those aliases (case and diacritics aside).
pub(crate) fn accepts(place: &Place, written: &str) -> bool {
    if !place.aliases.iter().any(|a| a.starts_with(WRITTEN_ONLY)) {
        return true;
    }
    let key = name_key(written);
    let others = std::iter::once(place.name.as_str()).chain(
        place
            .aliases
            .iter()
            .filter(|a| !a.starts_with(WRITTEN_ONLY))
            .map(String::as_str),
    );
    if others.into_iter().any(|n| name_key(n) == key) {
        return true;
    }
    let plain = folded(written);
    place
        .aliases
        .iter()
        .filter_map(|a| a.strip_prefix(WRITTEN_ONLY))
        .any(|a| folded(a) == plain)
}

/// Whether `written` is one of `place`'s names (marked aliases included) as written: case,
/// diacritics, apostrophes, a possessive "'s" and the dashes or spaces between words aside.
/// Apostrophes come and go in transliterations ("Fada N'Gourma", "Fada Ngourma"); keeping
/// them lost a name's town to a shorter name's namesake abroad ("Fada" in Chad).
/// The test for places outside the countries whose names the transliteration key is made for
/// (the lexicon's `key_countries`): "Kuchi" is not Kochi, "Edia" not Edea.
pub(crate) fn written_as_named(place: &Place, written: &str) -> bool {
    let plain = without_apostrophes(&folded(&written_out(written)));
    std::iter::once(place.name.as_str())
        .chain(place.aliases.iter().map(|a| unmarked(a).0))
        .any(|n| without_apostrophes(&folded(n)) == plain)
}

/// `written` with an abbreviated first word written out as the gazetteer writes names ("Ft.
/// Worth" is "fort Worth"; see `name_key::name_abbreviation`).
fn written_out(written: &str) -> std::borrow::Cow<'_, str> {
    let bytes = written.as_bytes();
    let first_end = bytes
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len());
    match name_abbreviation(bytes, 0, first_end) {
        Some((word, end)) => format!("{word}{}", &written[end..]).into(),
        None => written.into(),
    }
}

/// `name` (folded) without a final possessive "'s" and without apostrophes.
fn without_apostrophes(name: &str) -> String {
    let name = name.strip_suffix("'s").unwrap_or(name);
    name.chars().filter(|&c| c != '\'').collect()
}

/// Lower case, without diacritics or marks ("ł" is "l", "ß" "ss"), whitespace and dashes as
/// single spaces.
fn folded(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        // One apostrophe for all its forms ("Lin’e", "Lin'e").
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        if let Some(s) = special_fold(c) {
            out.push_str(s);
            continue;
        }
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
    out.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::PlaceKind;

    fn city(name: &str, aliases: &[&str]) -> Place {
        Place {
            name: name.into(),
            kind: PlaceKind::City,
            feature_code: "PPLC".into(),
            country: "EE".into(),
            admin1: None,
            admin2: None,
            latitude: 59.4,
            longitude: 24.8,
            population: 394_024,
            geonames_id: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn marked_aliases_name_the_place_only_as_written() {
        let tallinn = city("Tallinn", &["Tallinn", "=Reval", "=Talín"]);
        assert!(accepts(&tallinn, "Tallinn"));
        assert!(accepts(&tallinn, "Reval"));
        assert!(accepts(&tallinn, "REVAL"));
        assert!(accepts(&tallinn, "Talin")); // diacritics aside
                                             // "Rival" has Reval's key, but is not written as it.
        assert!(!accepts(&tallinn, "Rival"));
        // Unmarked names keep their transliteration variants.
        let plain = city("Deir ez-Zor", &["Dayr az Zawr"]);
        assert!(accepts(&plain, "Deir Ezzor"));
    }

    #[test]
    fn a_name_as_written_differs_only_in_case_diacritics_dashes_and_possessive() {
        let pulawy = city("Puławy", &["=Pulawy-Miasto"]);
        assert!(written_as_named(&pulawy, "Pulawy"));
        assert!(written_as_named(&pulawy, "PUŁAWY's"));
        assert!(written_as_named(&pulawy, "Pulawy Miasto"));
        // No vowel or letter of the key's alternations: "Pulawi" is another name.
        assert!(!written_as_named(&pulawy, "Pulawi"));
        // Apostrophes, whatever their form, come and go.
        let fada = city("Fada N'gourma", &[]);
        assert!(written_as_named(&fada, "Fada Ngourma"));
        assert!(written_as_named(&fada, "Fada N\u{2019}Gourma"));
    }

    #[test]
    fn the_mark_is_stripped() {
        assert_eq!(unmarked("=Reval"), ("Reval", true));
        assert_eq!(unmarked("Reval"), ("Reval", false));
    }
}
