//! The format of polemos's word-class files: the lexicon's closed lists of words and phrases
//! (words of harm, victim groups, cues, page-furniture lines...), which the extractor and the
//! parser read from data files rather than from their code.
//!
//! A class is a `.txt` file (one entry a line) or a `.tsv` table (a header line naming its
//! columns, the first being the entry). Lines starting with `#` are comments: each file opens
//! with what the class is for, its columns, and its source and licence. A user's file of the
//! same name adds its entries to the built-in ones, or replaces them when its first line is
//! [`REPLACE_MARKER`].

use std::fmt;

/// First line of a user's class file whose entries replace the built-in ones instead of being
/// added to them.
pub const REPLACE_MARKER: &str = "#! replace";

/// A class file that cannot be read, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassError {
    pub file: String,
    /// 1-based; 0 when the error is about the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ClassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ClassError {}

/// One word class: its entries, in file order, with a field per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordClass {
    name: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The files the entries came from, built-in first.
    origins: Vec<String>,
}

impl WordClass {
    /// The class name: its file name without the extension (`harm_verbs`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The column names; a `.txt` list has the one column `entry`.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The entries (first column), in order.
    pub fn entries(&self) -> impl Iterator<Item = &str> + '_ {
        self.rows.iter().map(|r| r[0].as_str())
    }

    /// The rows, one field per column (missing trailing fields are empty strings).
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// The files the class was read from.
    pub fn origins(&self) -> &[String] {
        &self.origins
    }

    /// The field of `row` in `column`.
    pub fn field<'a>(&self, row: &'a [String], column: &str) -> Option<&'a str> {
        let i = self.columns.iter().position(|c| c == column)?;
        row.get(i).map(String::as_str)
    }
}

impl WordClass {
    /// Adds the entries of `other` (a class of the same name and columns) after these, or
    /// puts them in their place when `replace`.
    pub fn merge(&mut self, other: WordClass, replace: bool) {
        if replace {
            self.rows = other.rows;
            self.origins = other.origins;
        } else {
            self.rows.extend(other.rows);
            self.origins.extend(other.origins);
        }
    }
}

/// Parses a class file: `.txt`, one entry a line; `.tsv`, a header line then rows. Returns the
/// class and whether the file asks to replace the built-in entries.
pub fn parse_class(file: &str, text: &str) -> Result<(WordClass, bool), ClassError> {
    let error = |line: usize, message: String| ClassError {
        file: file.to_string(),
        line,
        message,
    };
    let (name, table) = match (file.strip_suffix(".txt"), file.strip_suffix(".tsv")) {
        (Some(name), _) => (name, false),
        (_, Some(name)) => (name, true),
        _ => return Err(error(0, "a class file ends in .txt or .tsv".to_string())),
    };
    let replace = text
        .lines()
        .next()
        .is_some_and(|l| l.trim() == REPLACE_MARKER);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let columns: Vec<String> = if table {
        let (_, header) = lines
            .next()
            .ok_or_else(|| error(0, "no header line".to_string()))?;
        header.split('\t').map(|c| c.trim().to_string()).collect()
    } else {
        vec!["entry".to_string()]
    };
    let mut rows = Vec::new();
    for (number, line) in lines {
        let mut fields: Vec<String> = if table {
            line.split('\t').map(|f| f.trim().to_string()).collect()
        } else {
            vec![line.trim().to_string()]
        };
        if fields.len() > columns.len() {
            return Err(error(
                number,
                format!("{} fields for {} columns", fields.len(), columns.len()),
            ));
        }
        if fields[0].is_empty() {
            return Err(error(number, "empty entry".to_string()));
        }
        fields.resize(columns.len(), String::new());
        rows.push(fields);
    }
    let class = WordClass {
        name: name.to_string(),
        columns,
        rows,
        origins: vec![file.to_string()],
    };
    Ok((class, replace))
}
