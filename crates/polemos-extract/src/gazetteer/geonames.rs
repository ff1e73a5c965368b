//! Reading GeoNames dump files (<https://download.geonames.org/export/dump/>) into places, so a
//! user can get village-level coverage for any country: a country file (`SY.txt`) or
//! `allCountries.txt`/`citiesNNN.txt`, `admin1CodesASCII.txt`, and optionally
//! `admin2Codes.txt` and `alternateNamesV2.txt` (filtered to the places loaded).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use polemos_core::PlaceKind;

use super::Place;
use crate::ResourceError;

/// The files of one import, sorted by role.
#[derive(Debug, Default)]
struct Files {
    main: Vec<PathBuf>,
    admin1: Option<PathBuf>,
    admin2: Option<PathBuf>,
    alternates: Option<PathBuf>,
}

/// Sorts paths (files, or directories whose `.txt` files are taken) by their GeoNames role.
fn classify(inputs: &[PathBuf]) -> Result<Files, ResourceError> {
    let mut files = Files::default();
    let mut all = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| io_error(input, e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            found.sort();
            all.extend(found);
        } else {
            all.push(input.clone());
        }
    }
    for path in all {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match name.as_str() {
            "admin1codesascii.txt" | "admin1codes.txt" => files.admin1 = Some(path),
            "admin2codes.txt" => files.admin2 = Some(path),
            "alternatenamesv2.txt" | "alternatenames.txt" => files.alternates = Some(path),
            "countryinfo.txt"
            | "readme.txt"
            | "featurecodes_en.txt"
            | "timezones.txt"
            | "iso-languagecodes.txt"
            | "hierarchy.txt" => {}
            _ => files.main.push(path),
        }
    }
    if files.main.is_empty() {
        return Err(ResourceError::Parse {
            file: inputs
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            line: 0,
            message: "no GeoNames place file (like SY.txt or allCountries.txt) given".into(),
        });
    }
    Ok(files)
}

fn io_error(path: &Path, source: std::io::Error) -> ResourceError {
    ResourceError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Calls `f` with the 1-based line number and tab-separated fields of each data line.
fn for_each_row(
    path: &Path,
    mut f: impl FnMut(usize, &[&str]) -> Result<(), ResourceError>,
) -> Result<(), ResourceError> {
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let reader = BufReader::new(file);
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| io_error(path, e))?;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        f(i + 1, &fields)?;
    }
    Ok(())
}

/// The polemos kind of a GeoNames feature, or `None` for features the gazetteer skips.
fn kind_of(class: &str, code: &str, population: u64) -> Option<PlaceKind> {
    Some(match (class, code) {
        ("A", "PCLI" | "PCLD" | "PCLF" | "PCLS" | "PCL") => PlaceKind::Country,
        ("A", "ADM1") => PlaceKind::Admin1,
        ("A", "ADM2") => PlaceKind::Admin2,
        ("P", "PPLX") => PlaceKind::Neighbourhood,
        ("P", "PPLQ" | "PPLH" | "PPLW") => return None,
        ("P", _) if population >= 100_000 => PlaceKind::City,
        ("P", "PPLC" | "PPLA") => PlaceKind::City,
        ("P", _) if population >= 10_000 => PlaceKind::Town,
        ("P", _) => PlaceKind::Village,
        ("S", "AIRB") => PlaceKind::Airbase,
        ("S", "AIRP") => PlaceKind::Airport,
        ("S", "PSTB") => PlaceKind::Crossing,
        ("S", "PRN") => PlaceKind::Prison,
        ("S", "CMPRF") => PlaceKind::Camp,
        ("H", "DAM") | ("S", "DAM") => PlaceKind::Dam,
        ("L", "RGN" | "AREA") => PlaceKind::Area,
        _ => return None,
    })
}

/// Whether an alternate name is worth matching in English text: Latin script with a capital
/// letter (GeoNames' all-lowercase Latin names are machine romanisations) or Arabic script,
/// longer than two characters, and not a short all-capital code.
pub fn usable_alias(name: &str) -> bool {
    let n = name.trim();
    if n.chars().count() <= 2 || n.contains('|') {
        return false;
    }
    let mut latin = false;
    let mut arabic = false;
    for c in n.chars() {
        if c.is_alphabetic() {
            if ('\u{0600}'..='\u{06FF}').contains(&c) {
                arabic = true;
            } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
                latin = true;
            } else if !('\u{02B0}'..='\u{02FF}').contains(&c) {
                return false;
            }
        } else if !matches!(c, ' ' | '-' | '\'' | '.' | '\u{2019}' | '\u{2018}')
            && !unicode_normalization::char::is_combining_mark(c)
        {
            return false;
        }
    }
    if latin && arabic {
        return false;
    }
    if latin {
        let has_upper = n.chars().any(char::is_uppercase);
        let code_like = n.len() <= 4 && n.chars().all(|c| c.is_ascii_uppercase());
        return has_upper && !code_like;
    }
    arabic
}

/// Reads GeoNames files into places. Admin codes become names through the admin1/admin2
/// files when given (otherwise the codes are kept as names).
pub fn read(inputs: &[PathBuf]) -> Result<Vec<Place>, ResourceError> {
    let files = classify(inputs)?;
    let mut admin1: HashMap<String, String> = HashMap::new();
    if let Some(path) = &files.admin1 {
        for_each_row(path, |_, f| {
            if let (Some(code), Some(name)) = (f.first(), f.get(2).or(f.get(1))) {
                admin1.insert(code.to_string(), name.to_string());
            }
            Ok(())
        })?;
    }
    let mut admin2: HashMap<String, String> = HashMap::new();
    if let Some(path) = &files.admin2 {
        for_each_row(path, |_, f| {
            if let (Some(code), Some(name)) = (f.first(), f.get(2).or(f.get(1))) {
                admin2.insert(code.to_string(), name.to_string());
            }
            Ok(())
        })?;
    }

    let mut places: Vec<Place> = Vec::new();
    let mut by_id: HashMap<u64, usize> = HashMap::new();
    for path in &files.main {
        for_each_row(path, |line, f| {
            if f.len() < 15 {
                return Err(ResourceError::Parse {
                    file: path.display().to_string(),
                    line,
                    message: format!("expected 19 GeoNames columns, got {}", f.len()),
                });
            }
            let parse_err = |col: &str| ResourceError::Parse {
                file: path.display().to_string(),
                line,
                message: format!("bad `{col}`"),
            };
            let population: u64 = f[14].trim().parse().unwrap_or(0);
            let Some(kind) = kind_of(f[6], f[7], population) else {
                return Ok(());
            };
            let id: u64 = f[0].trim().parse().map_err(|_| parse_err("geonameid"))?;
            let latitude: f64 = f[4].trim().parse().map_err(|_| parse_err("latitude"))?;
            let longitude: f64 = f[5].trim().parse().map_err(|_| parse_err("longitude"))?;
            let country = f[8].trim().to_string();
            let a1 = f[10].trim();
            let a1_key = format!("{country}.{a1}");
            let admin1_name = (!a1.is_empty() && a1 != "00").then(|| {
                admin1
                    .get(&a1_key)
                    .cloned()
                    .unwrap_or_else(|| a1.to_string())
            });
            let a2 = f[11].trim();
            let admin2_name = (!a2.is_empty()).then(|| {
                admin2
                    .get(&format!("{a1_key}.{a2}"))
                    .cloned()
                    .unwrap_or_else(|| a2.to_string())
            });
            let name = f[1].trim().to_string();
            let ascii = f[2].trim();
            // Readable ASCII name first; the original spelling stays an alias.
            let (canonical, mut aliases) = if !ascii.is_empty() && ascii != name {
                (ascii.to_string(), vec![name])
            } else {
                (name, Vec::new())
            };
            aliases.extend(
                f[3].split(',')
                    .filter(|a| usable_alias(a))
                    .map(|a| a.trim().to_string()),
            );
            let place = Place {
                admin1: if kind == PlaceKind::Admin1 {
                    Some(canonical.clone())
                } else {
                    admin1_name
                },
                admin2: if kind == PlaceKind::Admin2 {
                    Some(canonical.clone())
                } else {
                    admin2_name
                },
                name: canonical,
                kind,
                feature_code: f[7].trim().to_string(),
                country,
                latitude,
                longitude,
                population,
                geonames_id: Some(id),
                aliases,
            };
            by_id.insert(id, places.len());
            places.push(place);
            Ok(())
        })?;
    }

    if let Some(path) = &files.alternates {
        for_each_row(path, |_, f| {
            let (Some(id), Some(lang), Some(name)) = (f.get(1), f.get(2), f.get(3)) else {
                return Ok(());
            };
            let historic = f.get(7).is_some_and(|h| *h == "1");
            let lang_ok = matches!(*lang, "" | "en" | "ar" | "ku" | "tr" | "fr");
            if historic || !lang_ok || !usable_alias(name) {
                return Ok(());
            }
            let Some(&i) = id.trim().parse().ok().and_then(|id: u64| by_id.get(&id)) else {
                return Ok(());
            };
            if let Some(place) = places.get_mut(i) {
                place.aliases.push(name.trim().to_string());
            }
            Ok(())
        })?;
    }
    for place in &mut places {
        dedupe_aliases(place);
    }
    Ok(places)
}

/// Removes repeated aliases (ignoring case) and aliases equal to the name.
pub fn dedupe_aliases(place: &mut Place) {
    let mut seen = vec![place.name.to_lowercase()];
    place.aliases.retain(|a| {
        let k = a.to_lowercase();
        if seen.contains(&k) {
            false
        } else {
            seen.push(k);
            true
        }
    });
}

#[cfg(test)]
mod tests;
