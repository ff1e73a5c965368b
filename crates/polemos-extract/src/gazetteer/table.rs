//! The gazetteer file format: the TSV of `data/gazetteer/README.md`, optionally
//! zstd-compressed (the embedded table is, to keep the library small).

use std::io::{Read, Write};
use std::path::Path;

use rayon::prelude::*;

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

/// The GeoNames feature code of a continent, the one kind of row with no country.
pub(crate) const CONTINENT: &str = "CONT";

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

/// Column numbers, found once from the header.
#[derive(Debug, Clone, Copy)]
struct Columns {
    name: usize,
    kind: usize,
    country: usize,
    lat: usize,
    lon: usize,
    feature_code: Option<usize>,
    admin1: Option<usize>,
    admin2: Option<usize>,
    population: Option<usize>,
    geonames_id: Option<usize>,
    aliases: Option<usize>,
    count: usize,
}

fn parse_error(file: &str, line: usize, message: String) -> ResourceError {
    ResourceError::Parse {
        file: file.to_string(),
        line,
        message,
    }
}

/// Whether a line is a comment or blank (skipped anywhere in the file).
fn skipped(line: &str) -> bool {
    line.trim().is_empty() || line.starts_with('#')
}

/// The columns of the header and the byte offset and (0-based) line number where the rows
/// begin.
fn header(file: &str, text: &str) -> Result<(Columns, usize, usize), ResourceError> {
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        offset += raw.len();
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if skipped(line) {
            continue;
        }
        let header: Vec<&str> = line.split('\t').map(str::trim).collect();
        let col = |name: &str| header.iter().position(|h| *h == name);
        let required = |name: &str| {
            col(name)
                .ok_or_else(|| parse_error(file, i + 1, format!("header lacks column `{name}`")))
        };
        let columns = Columns {
            name: required("name")?,
            kind: required("kind")?,
            country: required("country")?,
            lat: required("latitude")?,
            lon: required("longitude")?,
            feature_code: col("feature_code"),
            admin1: col("admin1"),
            admin2: col("admin2"),
            population: col("population"),
            geonames_id: col("geonames_id"),
            aliases: col("aliases"),
            count: header.len(),
        };
        return Ok((columns, offset, i + 1));
    }
    Err(parse_error(file, 0, "no header line".to_string()))
}

/// Parses rows; on error, the 0-based line number within `rows` and the message.
fn parse_rows(rows: &str, cols: &Columns) -> Result<Vec<Place>, (usize, String)> {
    let mut places = Vec::with_capacity(rows.len() / 90);
    let mut fields: Vec<&str> = Vec::with_capacity(cols.count);
    for (i, line) in rows.lines().enumerate() {
        if skipped(line) {
            continue;
        }
        fields.clear();
        fields.extend(line.split('\t').map(str::trim));
        let get = |c: Option<usize>| c.and_then(|c| fields.get(c)).copied().unwrap_or("");
        let need = |c: usize, name: &str| {
            Some(get(Some(c)))
                .filter(|v| !v.is_empty())
                .ok_or_else(|| (i, format!("empty `{name}`")))
        };
        let coord = |c: usize, name: &str| -> Result<f64, (usize, String)> {
            need(c, name)?
                .parse::<f64>()
                .map_err(|e| (i, format!("bad `{name}`: {e}")))
        };
        let opt = |c: Option<usize>| Some(get(c)).filter(|v| !v.is_empty()).map(String::from);
        places.push(Place {
            name: need(cols.name, "name")?.to_string(),
            kind: need(cols.kind, "kind")?
                .parse()
                .map_err(|e: polemos_core::UnknownPlaceKind| (i, e.to_string()))?,
            feature_code: get(cols.feature_code).to_string(),
            // A continent (feature code CONT) is in no country.
            country: if get(cols.feature_code) == CONTINENT {
                get(Some(cols.country)).to_string()
            } else {
                need(cols.country, "country")?.to_string()
            },
            admin1: opt(cols.admin1),
            admin2: opt(cols.admin2),
            latitude: coord(cols.lat, "latitude")?,
            longitude: coord(cols.lon, "longitude")?,
            population: get(cols.population).parse().unwrap_or(0),
            geonames_id: get(cols.geonames_id).parse().ok(),
            aliases: get(cols.aliases)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
        });
    }
    Ok(places)
}

/// Parses gazetteer TSV into places: `#` comment lines, a header naming the columns (at least
/// `name`, `kind`, `country`, `latitude`, `longitude`), then one place per line. Columns are
/// found once from the header. The rows are parsed in blocks of lines on all cores, calling
/// `then` on each block's places in the same task (while they are in cache). Returns the blocks
/// in file order.
pub fn parse_blocks<T: Send>(
    file: &str,
    text: &str,
    then: impl Fn(&[Place]) -> T + Sync,
) -> Result<Vec<(Vec<Place>, T)>, ResourceError> {
    /// Bytes per block: small enough to share the work out, large enough to be worth a task.
    const BLOCK: usize = 1 << 17;
    let (cols, body_start, body_line) = header(file, text)?;
    let body = text.get(body_start..).unwrap_or("");
    let mut blocks: Vec<&str> = Vec::with_capacity(body.len() / BLOCK + 1);
    let mut rest = body;
    while !rest.is_empty() {
        let end = match rest.get(BLOCK.min(rest.len())..).and_then(|r| r.find('\n')) {
            Some(nl) => BLOCK + nl + 1,
            None => rest.len(),
        };
        let (block, tail) = rest.split_at(end);
        blocks.push(block);
        rest = tail;
    }
    blocks
        .par_iter()
        .map(|block| match parse_rows(block, &cols) {
            Ok(places) => {
                let t = then(&places);
                Ok((places, t))
            }
            Err((i, message)) => {
                // Line numbers are only counted for an error.
                let before = block.as_ptr() as usize - body.as_ptr() as usize;
                let lines_before = body.as_bytes()[..before]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                Err(parse_error(file, body_line + lines_before + i + 1, message))
            }
        })
        .collect()
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
            clean(p.kind.as_str()),
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
