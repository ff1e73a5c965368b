//! `docs/schema.md` must list exactly the schema's tables and columns, in order, with their
//! Arrow types and nullability, so the documentation cannot drift from the code.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

use std::collections::BTreeMap;

use polemos_export::{ColumnType, Table};

const SCHEMA_MD: &str = include_str!("../../../docs/schema.md");

/// A documented column: name, type and nullability as written in the doc.
#[derive(Debug, PartialEq)]
struct DocColumn {
    name: String,
    column_type: String,
    nullable: String,
}

/// Column rows (`| \`name\` | Type | yes/no | ... |`) under each `## heading`.
fn documented_tables(markdown: &str) -> BTreeMap<String, Vec<DocColumn>> {
    let mut tables: BTreeMap<String, Vec<DocColumn>> = BTreeMap::new();
    let mut section = String::new();
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading.trim().to_string();
        } else if line.starts_with("| `") {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            assert!(cells.len() >= 7, "column row needs 5 cells: {line}");
            for (i, what) in [(4, "meaning"), (5, "example")] {
                assert!(!cells[i].is_empty(), "empty {what} in {line}");
            }
            tables.entry(section.clone()).or_default().push(DocColumn {
                name: cells[1].trim_matches('`').to_string(),
                column_type: cells[2].to_string(),
                nullable: cells[3].to_string(),
            });
        }
    }
    tables
}

#[test]
fn schema_md_lists_exactly_the_schema() {
    let documented = documented_tables(SCHEMA_MD);
    let documented_names: Vec<&str> = documented.keys().map(String::as_str).collect();
    let mut table_names: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
    table_names.sort_unstable();
    assert_eq!(
        documented_names, table_names,
        "tables documented in docs/schema.md"
    );

    for table in Table::ALL {
        let expected: Vec<DocColumn> = table
            .columns()
            .iter()
            .map(|c| DocColumn {
                name: c.name.to_string(),
                column_type: c.column_type.name().to_string(),
                nullable: if c.nullable { "yes" } else { "no" }.to_string(),
            })
            .collect();
        assert_eq!(
            documented[table.name()],
            expected,
            "docs/schema.md, table {table}"
        );
    }
}

#[test]
fn schema_md_types_are_arrow_types() {
    for columns in documented_tables(SCHEMA_MD).values() {
        for c in columns {
            assert!(ColumnType::parse(&c.column_type).is_some(), "{c:?}");
        }
    }
}
