//! Writing the tables and reading them back: Parquet with the Arrow reader, CSV and JSON Lines
//! as text.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

mod common;

use std::fs::{self, File};
use std::path::Path;

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;
use parquet::file::reader::{FileReader, SerializedFileReader};
use polemos_export::{
    file_name, tables, write_table, write_tables, write_tables_with_metadata, ExportError, Format,
    Table, RESOURCES_KEY, SCHEMA_VERSION, SCHEMA_VERSION_KEY, VERSION_KEY,
};

#[test]
fn parquet_round_trip_is_lossless() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&common::all());
    let paths = write_tables(&t, dir.path(), Format::Parquet).unwrap();
    assert_eq!(paths.len(), 6);
    for (table, batch) in t.iter() {
        let path = dir.path().join(format!("{}.parquet", table.name()));
        assert!(paths.contains(&path));
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(&path).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<_> = reader.collect::<Result<_, _>>().unwrap();
        let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(rows, batch.num_rows(), "{table}");
        if let Some(read) = batches.first() {
            assert_eq!(read.schema().fields(), table.schema().fields(), "{table}");
            assert_eq!(read, batch, "{table}");
        }
    }
}

#[test]
fn extra_metadata_reaches_parquet_and_arrow_files() {
    let dir = tempfile::tempdir().unwrap();
    let extra = vec![(RESOURCES_KEY.to_string(), "gazetteer=test".to_string())];
    for format in [Format::Parquet, Format::Arrow] {
        write_tables_with_metadata(&tables(&common::all()), dir.path(), format, &extra).unwrap();
    }
    let file = File::open(dir.path().join("events.parquet")).unwrap();
    let reader = SerializedFileReader::new(file).unwrap();
    let kv = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .cloned()
        .unwrap_or_default();
    let value = kv
        .iter()
        .find(|e| e.key == RESOURCES_KEY)
        .and_then(|e| e.value.clone());
    assert_eq!(value.as_deref(), Some("gazetteer=test"));
    let file = File::open(dir.path().join("events.arrow")).unwrap();
    let reader = arrow_ipc::reader::FileReader::try_new(file, None).unwrap();
    assert_eq!(
        reader
            .schema()
            .metadata()
            .get(RESOURCES_KEY)
            .map(String::as_str),
        Some("gazetteer=test")
    );
}

#[test]
fn parquet_records_versions_and_zstd() {
    let dir = tempfile::tempdir().unwrap();
    write_tables(&tables(&common::all()), dir.path(), Format::Parquet).unwrap();
    let file = File::open(dir.path().join("events.parquet")).unwrap();
    let reader = SerializedFileReader::new(file).unwrap();
    let meta = reader.metadata();
    let kv = meta
        .file_metadata()
        .key_value_metadata()
        .cloned()
        .unwrap_or_default();
    let get = |k: &str| kv.iter().find(|e| e.key == k).and_then(|e| e.value.clone());
    assert_eq!(get(VERSION_KEY).as_deref(), Some(polemos_core::VERSION));
    assert_eq!(get(SCHEMA_VERSION_KEY).as_deref(), Some(SCHEMA_VERSION));
    assert_eq!(get("polemos.table").as_deref(), Some("events"));
    let compression = meta.row_group(0).column(0).compression();
    assert!(
        matches!(compression, Compression::ZSTD(_)),
        "{compression:?}"
    );
}

#[test]
fn arrow_ipc_round_trip_is_lossless_and_carries_versions() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&common::all());
    let paths = write_tables(&t, dir.path(), Format::Arrow).unwrap();
    assert_eq!(paths[0], dir.path().join("documents.arrow"));
    for (table, batch) in t.iter() {
        let file = File::open(dir.path().join(file_name(table, Format::Arrow))).unwrap();
        let reader = arrow_ipc::reader::FileReader::try_new(file, None).unwrap();
        let schema = reader.schema();
        assert_eq!(schema.fields(), table.schema().fields(), "{table}");
        let meta = schema.metadata();
        assert_eq!(
            meta.get(VERSION_KEY).map(String::as_str),
            Some(polemos_core::VERSION)
        );
        assert_eq!(
            meta.get(SCHEMA_VERSION_KEY).map(String::as_str),
            Some(SCHEMA_VERSION)
        );
        assert_eq!(
            meta.get("polemos.table").map(String::as_str),
            Some(table.name())
        );
        let batches: Vec<_> = reader.collect::<Result<_, _>>().unwrap();
        let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(rows, batch.num_rows(), "{table}");
        for read in &batches {
            assert_eq!(read.columns(), batch.columns(), "{table}");
        }
    }
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_has_header_iso_dates_and_empty_nulls() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&common::all());
    write_tables(&t, dir.path(), Format::Csv).unwrap();
    for (table, batch) in t.iter() {
        let (header, rows) = read_csv(&dir.path().join(file_name(table, Format::Csv)));
        let names: Vec<_> = table.columns().iter().map(|c| c.name).collect();
        assert_eq!(header, names, "{table}");
        assert_eq!(rows.len(), batch.num_rows(), "{table}");
    }
    let (header, rows) = read_csv(&dir.path().join("documents.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][col("published")], "2017-04-08");
    assert_eq!(rows[1][col("published")], "");
    // Quotes and newlines in values survive CSV quoting.
    assert_eq!(rows[1][col("error")], "invalid UTF-8, \"quoted\"\nnewline");
    assert_eq!(rows[0][col("text")], common::text());
    assert_eq!(rows[0][col("story_index")], "0");

    let (header, rows) = read_csv(&dir.path().join("events.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][col("latitude")], "35.336");
    assert_eq!(rows[0][col("geonames_id")], "170794");
    assert_eq!(rows[0][col("method")], "");
    assert_eq!(rows[0][col("fatalities")], "12");
}

#[test]
fn jsonl_has_one_object_per_row_in_column_order() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&common::all());
    write_tables(&t, dir.path(), Format::Jsonl).unwrap();
    for (table, batch) in t.iter() {
        let text = fs::read_to_string(dir.path().join(file_name(table, Format::Jsonl))).unwrap();
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), batch.num_rows(), "{table}");
        for line in lines {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let object = value.as_object().unwrap();
            assert_eq!(object.len(), table.columns().len());
            // Keys appear in column order (serde_json's map sorts them, so check the text).
            let mut at = 0;
            for c in table.columns() {
                let key = format!("\"{}\":", c.name);
                let found = line[at..].find(&key).map(|i| i + at);
                assert!(found.is_some(), "{table}.{} out of order in {line}", c.name);
                at = found.unwrap_or(at) + key.len();
            }
        }
    }
    let text = fs::read_to_string(dir.path().join("documents.jsonl")).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["published"], "2017-04-08");
    assert_eq!(rows[0]["n_events"], 1);
    assert_eq!(rows[0]["text"], common::text());
    assert!(rows[1]["published"].is_null());
    assert_eq!(rows[2]["status"], "empty");

    let events = fs::read_to_string(dir.path().join("events.jsonl")).unwrap();
    let event: serde_json::Value = serde_json::from_str(events.trim()).unwrap();
    assert_eq!(event["latitude"], 35.336);
    assert_eq!(event["geonames_id"], 170_794);
    assert_eq!(event["actor2"], "Syrian government forces");
}

#[test]
fn rewriting_replaces_files_and_leaves_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    for format in Format::ALL {
        write_tables(&tables(&common::all()), dir.path(), format).unwrap();
        write_tables(&tables(&[common::empty()]), dir.path(), format).unwrap();
    }
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Six tables in each of the four table formats, plus events.geojson, acled.csv, ucdp.csv.
    assert_eq!(names.len(), 27, "{names:?}");
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    let docs = fs::read_to_string(dir.path().join("documents.jsonl")).unwrap();
    assert_eq!(docs.lines().count(), 1);
}

#[test]
fn creates_missing_directories() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a/b/out");
    write_tables(&tables(&[]), &out, Format::Csv).unwrap();
    assert!(out.join("furniture.csv").is_file());
}

#[test]
fn unwritable_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "not a directory").unwrap();
    let err = write_tables(&tables(&[]), &blocker.join("out"), Format::Parquet).unwrap_err();
    assert!(matches!(err, ExportError::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("out"), "{err}");
}

#[test]
fn a_batch_with_another_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&common::all());
    let path = dir.path().join("events.csv");
    let err = write_table(Table::Events, &t.documents, &path, Format::Csv).unwrap_err();
    assert!(matches!(err, ExportError::SchemaMismatch { .. }), "{err:?}");
    assert!(!path.exists());
}
