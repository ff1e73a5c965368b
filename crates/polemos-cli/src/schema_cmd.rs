//! `polemos schema`: the output tables and their columns.

use std::io::{self, Write};

use polemos_export::Table;

/// Writes each table's name, what a row is, and its columns with type, nullability and
/// meaning, aligned.
pub fn print_schema(out: &mut impl Write, only: Option<Table>) -> io::Result<()> {
    let tables: Vec<Table> = match only {
        Some(t) => vec![t],
        None => Table::ALL.to_vec(),
    };
    let name_width = tables
        .iter()
        .flat_map(|t| t.columns())
        .map(|c| c.name.len())
        .max()
        .unwrap_or(0);
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}: {}", table.name(), table.description())?;
        for c in table.columns() {
            let ty = format!("{}{}", c.column_type, if c.nullable { "?" } else { "" });
            writeln!(out, "  {:name_width$}  {:8}  {}", c.name, ty, c.description)?;
        }
    }
    if only.is_none() {
        writeln!(
            out,
            "\n? marks a nullable column. Offsets are byte offsets into documents.text."
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_column() {
        let mut out = Vec::new();
        print_schema(&mut out, None).unwrap();
        let text = String::from_utf8(out).unwrap();
        for table in Table::ALL {
            assert!(text.contains(&format!("{}: ", table.name())));
        }
        assert!(text.contains("  geonames_id "));
        assert!(text.contains("Date32?"));
    }

    #[test]
    fn one_table() {
        let mut out = Vec::new();
        print_schema(&mut out, Some(Table::Furniture)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("furniture: "));
        assert_eq!(text.lines().count(), 6);
    }
}
