//! The gazetteer file format: the TSV of `data/gazetteer/README.md`, optionally
//! zstd-compressed (the embedded table is, to keep the library small).

use std::io::{Read, Write};
use std::path::Path;

use super::Place;
use crate::ResourceError;

/// The columns, in file order.
pub const COLUMNS: &[&str] = &[
    "name",
    "kind",
    "feature_code",
    "country",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "population",
    "geonames_id",
    "aliases",
];

/// The four bytes every zstd frame starts with.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];

fn io_error(path: &str, source: std::io::Error) -> ResourceError {
    ResourceError::Io {
        path: path.to_string(),
        source,
    }
}

/// The text of a gazetteer file's bytes, decompressing zstd when the bytes are compressed.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, ResourceError> {
    let raw = if bytes.starts_with(&ZSTD_MAGIC) {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        zstd::stream::read::Decoder::new(bytes)
            .and_then(|mut d| d.read_to_end(&mut out))
            .map_err(|e| io_error(file, e))?;
        out
    } else {
        bytes.to_vec()
    };
    String::from_utf8(raw).map_err(|e| ResourceError::Parse {
        file: file.to_string(),
        line: 0,
        message: format!("not UTF-8: {e}"),
    })
}

/// Reads a gazetteer file, compressed or not.
pub fn read_path(path: &Path) -> Result<String, ResourceError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| io_error(&name, e))?;
    decode(&name, &bytes)
}

/// Parses gazetteer TSV into places: `#` comment lines, a header naming the columns (at least
/// `name`, `kind`, `country`, `latitude`, `longitude`), then one place per line. Columns are
/// found once from the header, so the 40,000-row embedded table parses in a few milliseconds.
pub fn parse(file: &str, text: &str) -> Result<Vec<Place>, ResourceError> {
    let err = |line: usize, message: String| ResourceError::Parse {
        file: file.to_string(),
        line,
        message,
    };
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let (hline, header) = lines
        .next()
        .ok_or_else(|| err(0, "no header line".to_string()))?;
    let header: Vec<&str> = header.split('\t').map(str::trim).collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let required = |name: &str| {
        col(name).ok_or_else(|| err(hline + 1, format!("header lacks column `{name}`")))
    };
    let (c_name, c_kind, c_country, c_lat, c_lon) = (
        required("name")?,
        required("kind")?,
        required("country")?,
        required("latitude")?,
        required("longitude")?,
    );
    let [c_fc, c_a1, c_a2, c_pop, c_id, c_aliases] = [
        "feature_code",
        "admin1",
        "admin2",
        "population",
        "geonames_id",
        "aliases",
    ]
    .map(col);
    let mut places = Vec::with_capacity(text.len() / 100);
    let mut fields: Vec<&str> = Vec::with_capacity(header.len());
    for (i, line) in lines {
        let line_no = i + 1;
        fields.clear();
        fields.extend(line.split('\t').map(str::trim));
        let get = |c: Option<usize>| c.and_then(|c| fields.get(c)).copied().unwrap_or("");
        let need = |c: usize, name: &str| {
            Some(get(Some(c)))
                .filter(|v| !v.is_empty())
                .ok_or_else(|| err(line_no, format!("empty `{name}`")))
        };
        let coord = |c: usize, name: &str| -> Result<f64, ResourceError> {
            need(c, name)?
                .parse::<f64>()
                .map_err(|e| err(line_no, format!("bad `{name}`: {e}")))
        };
        let opt = |c: Option<usize>| Some(get(c)).filter(|v| !v.is_empty()).map(String::from);
        places.push(Place {
            name: need(c_name, "name")?.to_string(),
            kind: need(c_kind, "kind")?.to_string(),
            feature_code: get(c_fc).to_string(),
            country: need(c_country, "country")?.to_string(),
            admin1: opt(c_a1),
            admin2: opt(c_a2),
            latitude: coord(c_lat, "latitude")?,
            longitude: coord(c_lon, "longitude")?,
            population: get(c_pop).parse().unwrap_or(0),
            geonames_id: get(c_id).parse().ok(),
            aliases: get(c_aliases)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
        });
    }
    Ok(places)
}

/// Keeps a field free of the characters the format uses as separators.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Writes places as gazetteer TSV with a comment header.
pub fn write_tsv(places: &[Place], comments: &[&str], out: &mut impl Write) -> std::io::Result<()> {
    for c in comments {
        writeln!(out, "# {}", clean(c))?;
    }
    writeln!(out, "{}", COLUMNS.join("\t"))?;
    for p in places {
        let aliases: Vec<String> = p
            .aliases
            .iter()
            .map(|a| clean(a).replace('|', " "))
            .collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            clean(&p.name),
            clean(&p.kind),
            clean(&p.feature_code),
            clean(&p.country),
            clean(p.admin1.as_deref().unwrap_or("")),
            clean(p.admin2.as_deref().unwrap_or("")),
            p.latitude,
            p.longitude,
            if p.population > 0 {
                p.population.to_string()
            } else {
                String::new()
            },
            p.geonames_id.map(|i| i.to_string()).unwrap_or_default(),
            aliases.join("|"),
        )?;
    }
    Ok(())
}

/// Writes places to `path`, zstd-compressed when the name ends in `.zst`.
pub fn write_path(places: &[Place], comments: &[&str], path: &Path) -> Result<(), ResourceError> {
    let name = path.display().to_string();
    let mut buf = Vec::new();
    write_tsv(places, comments, &mut buf).map_err(|e| io_error(&name, e))?;
    if path.extension().is_some_and(|e| e == "zst") {
        buf = zstd::encode_all(buf.as_slice(), 19).map_err(|e| io_error(&name, e))?;
    }
    std::fs::write(path, buf).map_err(|e| io_error(&name, e))
}
