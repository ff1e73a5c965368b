//! The key-value metadata that Parquet and Arrow IPC files carry, so that a file found on disk
//! months later says which polemos release and schema version wrote it.

use crate::{Table, SCHEMA_VERSION};

/// Key of the polemos version in a file's key-value metadata.
pub const VERSION_KEY: &str = "polemos.version";
/// Key of the schema version in a file's key-value metadata.
pub const SCHEMA_VERSION_KEY: &str = "polemos.schema_version";
/// Key of the table name in a file's key-value metadata.
pub const TABLE_KEY: &str = "polemos.table";

/// Key of the resources (gazetteer, dictionaries) that produced the tables, with their
/// versions and hashes, as `polemos_extract::Resources::describe` writes them.
pub const RESOURCES_KEY: &str = "polemos.resources";

/// `(key, value)` pairs written into a file holding `table`, then the caller's `extra` pairs.
pub(super) fn file_metadata(table: Table, extra: &[(String, String)]) -> Vec<(String, String)> {
    let mut pairs = vec![
        (VERSION_KEY.to_string(), polemos_core::VERSION.to_string()),
        (SCHEMA_VERSION_KEY.to_string(), SCHEMA_VERSION.to_string()),
        (TABLE_KEY.to_string(), table.name().to_string()),
    ];
    pairs.extend(extra.iter().cloned());
    pairs
}
