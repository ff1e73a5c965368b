use std::fmt;
use std::str::FromStr;

use crate::ExportError;

/// An output file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Apache Parquet, zstd-compressed, with the polemos and schema versions in its metadata.
    #[default]
    Parquet,
    /// Comma-separated values with a header row; dates as `YYYY-MM-DD`, nulls as empty fields.
    Csv,
    /// JSON Lines: one object per row, keys in column order, nulls as `null`.
    Jsonl,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Parquet, Format::Csv, Format::Jsonl];

    /// The format's name, as accepted by [`Format::from_str`].
    pub fn name(&self) -> &'static str {
        match self {
            Format::Parquet => "parquet",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        self.name()
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// Parses a format name, ignoring ASCII case.
    fn from_str(s: &str) -> Result<Format, ExportError> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
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
        assert!(matches!(
            "xlsx".parse::<Format>(),
            Err(ExportError::UnknownFormat(s)) if s == "xlsx"
        ));
    }
}
