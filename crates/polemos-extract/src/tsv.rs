//! Reading the tab-separated data files that hold polemos's dictionaries.

use crate::ResourceError;

/// One data row: its 1-based line number and its fields by column name.
#[derive(Debug)]
pub struct Row<'a> {
    pub line: usize,
    fields: Vec<&'a str>,
    header: &'a [&'a str],
    file: &'a str,
}

impl<'a> Row<'a> {
    /// The field in `column`, trimmed; empty when the row is short.
    pub fn get(&self, column: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| *h == column)
            .and_then(|i| self.fields.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    /// The field in `column`, or an error naming the file and line when it is empty.
    pub fn require(&self, column: &str) -> Result<&'a str, ResourceError> {
        let v = self.get(column);
        if v.is_empty() {
            Err(self.error(format!("empty `{column}`")))
        } else {
            Ok(v)
        }
    }

    /// The `|`-separated list in `column`.
    pub fn list(&self, column: &str) -> impl Iterator<Item = &'a str> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// A parse error at this row.
    pub fn error(&self, message: String) -> ResourceError {
        ResourceError::Parse {
            file: self.file.to_string(),
            line: self.line,
            message,
        }
    }
}

/// Splits a TSV file into its header and rows, skipping `#` comments and blank lines, and
/// checking that the header has the `required` columns.
pub fn parse_rows<'a>(
    file: &'a str,
    text: &'a str,
    header_buf: &'a mut Vec<&'a str>,
    required: &[&str],
) -> Result<Vec<Row<'a>>, ResourceError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let (hline, header_line) = lines.next().ok_or_else(|| ResourceError::Parse {
        file: file.to_string(),
        line: 0,
        message: "no header line".to_string(),
    })?;
    *header_buf = header_line.split('\t').map(str::trim).collect();
    for col in required {
        if !header_buf.contains(col) {
            return Err(ResourceError::Parse {
                file: file.to_string(),
                line: hline + 1,
                message: format!("header lacks column `{col}`"),
            });
        }
    }
    let header: &'a [&'a str] = header_buf;
    Ok(lines
        .map(|(i, l)| Row {
            line: i + 1,
            fields: l.split('\t').collect(),
            header,
            file,
        })
        .collect())
}
