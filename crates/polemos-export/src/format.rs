use std::fmt;
use std::str::FromStr;

use crate::{ExportError, Table};

/// An output file format.
///
/// The four table formats (Parquet, Arrow IPC, CSV, JSON Lines) write all five tables with the
/// same columns. GeoJSON, ACLED-style and UCDP-style CSV are views of the events table for other
/// tools (GIS software, code written for ACLED or UCDP GED data) and write only it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Apache Parquet, zstd-compressed, with the polemos and schema versions in its metadata.
    #[default]
    Parquet,
    /// Arrow IPC file format (`.arrow`, also called Feather v2), uncompressed so that readers can
    /// memory-map it; the same metadata as Parquet in its schema.
    Arrow,
    /// Comma-separated values with a header row; dates as `YYYY-MM-DD`, nulls as empty fields.
    Csv,
    /// JSON Lines: one object per row, keys in column order, nulls as `null`.
    Jsonl,
    /// `events.geojson`: an RFC 7946 FeatureCollection of the events as Point features.
    Geojson,
    /// `acled.csv`: the events with the column names and vocabularies of ACLED's codebook.
    Acled,
    /// `ucdp.csv`: the lethal violent events with the columns and codes of UCDP GED.
    Ucdp,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Parquet,
        Format::Arrow,
        Format::Csv,
        Format::Jsonl,
        Format::Geojson,
        Format::Acled,
        Format::Ucdp,
    ];

    /// The format's name, as accepted by [`Format::from_str`].
    pub fn name(&self) -> &'static str {
        match self {
            Format::Parquet => "parquet",
            Format::Arrow => "arrow",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Geojson => "geojson",
            Format::Acled => "acled",
            Format::Ucdp => "ucdp",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Acled | Format::Ucdp => "csv",
            other => other.name(),
        }
    }

    /// The tables written in this format, in [`Table::ALL`] order.
    pub fn tables(&self) -> &'static [Table] {
        match self {
            Format::Geojson | Format::Acled | Format::Ucdp => &[Table::Events],
            _ => &Table::ALL,
        }
    }

    /// Whether `table` can be written in this format.
    pub fn writes(&self, table: Table) -> bool {
        self.tables().contains(&table)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// Parses a format name, ignoring ASCII case; `ipc` and `feather` are accepted for `arrow`.
    fn from_str(s: &str) -> Result<Format, ExportError> {
        let name = s.trim();
        if ["ipc", "feather"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(name))
        {
            return Ok(Format::Arrow);
        }
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| ExportError::UnknownFormat(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().ok(), Some(f));
        }
        assert_eq!("JSONL".parse::<Format>().ok(), Some(Format::Jsonl));
        assert_eq!("feather".parse::<Format>().ok(), Some(Format::Arrow));
        assert!(matches!(
            "xlsx".parse::<Format>(),
            Err(ExportError::UnknownFormat(s)) if s == "xlsx"
        ));
    }

    #[test]
    fn event_views_write_only_events() {
        assert_eq!(Format::Geojson.tables(), [Table::Events]);
        assert!(!Format::Acled.writes(Table::Documents));
        assert_eq!(Format::Arrow.tables().len(), 6);
        assert_eq!(Format::Acled.extension(), "csv");
    }
}
