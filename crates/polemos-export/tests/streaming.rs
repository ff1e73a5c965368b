//! `TablesWriter`: tables written chunk by chunk are the tables written at once.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

mod common;

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::Path;

use arrow_array::{ArrayRef, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::reader::{FileReader, SerializedFileReader};
use polemos_core::{Document, DocumentExtraction, EventSummary, ParsedDocument};
use polemos_export::{
    file_name, incidents_table, tables, write_tables_with_metadata, Format, Table, TableWriter,
    TablesBuilder, TablesWriter, RESOURCES_KEY,
};

/// Extractions in uneven chunks, an empty one included, with distinct document ids.
fn chunks() -> Vec<Vec<DocumentExtraction>> {
    let renamed = |mut x: DocumentExtraction, id: &str| {
        x.parsed.doc.id = id.to_string();
        x
    };
    vec![
        vec![common::rich()],
        vec![
            common::failed(),
            common::empty(),
            renamed(common::rich(), "r2"),
        ],
        vec![],
        vec![renamed(common::rich(), "r3")],
        vec![
            renamed(common::empty(), "e2"),
            renamed(common::rich(), "r4"),
        ],
    ]
}

fn metadata() -> Vec<(String, String)> {
    vec![(RESOURCES_KEY.to_string(), "gazetteer=test".to_string())]
}

/// Writes `chunks` with a `TablesWriter`, the incidents last, as the command does.
fn write_streamed(chunks: &[Vec<DocumentExtraction>], dir: &Path, format: Format) {
    let mut writer = TablesWriter::create(dir, format, &metadata()).unwrap();
    let mut summaries = Vec::new();
    for chunk in chunks {
        summaries.extend(EventSummary::of(chunk));
        writer.write(&tables(chunk)).unwrap();
    }
    let incidents = polemos_extract::link_incidents(&summaries);
    writer
        .write_table(Table::Incidents, &incidents_table(&incidents))
        .unwrap();
    let paths = writer.finish().unwrap();
    let names: Vec<_> = format
        .tables()
        .iter()
        .map(|&t| file_name(t, format))
        .collect();
    let written: Vec<_> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, names);
}

/// Writes the concatenated chunks at once, with `write_tables_with_metadata`.
fn write_at_once(chunks: &[Vec<DocumentExtraction>], dir: &Path, format: Format) {
    let mut builder = TablesBuilder::new();
    for chunk in chunks {
        builder.push_all(chunk);
    }
    let all = builder.finish_with_incidents(polemos_extract::link_incidents);
    write_tables_with_metadata(&all, dir, format, &metadata()).unwrap();
}

fn no_temporaries(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with('.'), "left behind: {name}");
    }
}

#[test]
fn text_formats_are_byte_identical() {
    for format in [Format::Csv, Format::Jsonl, Format::Geojson, Format::Acled] {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write_at_once(&chunks(), a.path(), format);
        write_streamed(&chunks(), b.path(), format);
        for &table in format.tables() {
            let name = file_name(table, format);
            let once = fs::read(a.path().join(&name)).unwrap();
            let streamed = fs::read(b.path().join(&name)).unwrap();
            assert!(!once.is_empty());
            assert!(once == streamed, "{format} {name} differs");
        }
        no_temporaries(b.path());
    }
}

/// Every row of a Parquet file, one batch per row group, and its key-value metadata.
fn read_parquet(path: &Path) -> (Vec<RecordBatch>, BTreeMap<String, Option<String>>, usize) {
    let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
    let kv = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|kv| (kv.key, kv.value))
        .collect();
    let row_groups = reader.metadata().num_row_groups();
    let batches = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    (batches, kv, row_groups)
}

fn read_ipc(path: &Path) -> (Vec<RecordBatch>, BTreeMap<String, Option<String>>) {
    let reader = arrow_ipc::reader::FileReader::try_new(File::open(path).unwrap(), None).unwrap();
    let metadata = reader
        .schema()
        .metadata()
        .iter()
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    (reader.collect::<Result<Vec<_>, _>>().unwrap(), metadata)
}

/// The columns of each row, across batches, for comparing batch sequences split differently.
fn rows(batches: &[RecordBatch]) -> Vec<Vec<ArrayRef>> {
    batches
        .iter()
        .flat_map(|b| (0..b.num_rows()).map(move |i| b.slice(i, 1).columns().to_vec()))
        .collect()
}

#[test]
fn parquet_and_arrow_hold_the_same_rows_and_metadata() {
    for format in [Format::Parquet, Format::Arrow] {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write_at_once(&chunks(), a.path(), format);
        write_streamed(&chunks(), b.path(), format);
        for &table in format.tables() {
            let name = file_name(table, format);
            let (once, streamed) = (a.path().join(&name), b.path().join(&name));
            let ((x, xm), (y, ym)) = match format {
                Format::Parquet => {
                    let (x, xm, _) = read_parquet(&once);
                    let (y, ym, _) = read_parquet(&streamed);
                    ((x, xm), (y, ym))
                }
                _ => (read_ipc(&once), read_ipc(&streamed)),
            };
            assert_eq!(xm, ym, "{format} {name} metadata");
            assert_eq!(
                xm.get(RESOURCES_KEY),
                Some(&Some("gazetteer=test".to_string()))
            );
            if let (Some(x0), Some(y0)) = (x.first(), y.first()) {
                assert_eq!(x0.schema(), y0.schema(), "{format} {name}");
            }
            let (x, y) = (rows(&x), rows(&y));
            assert!(!x.is_empty(), "{format} {name} has no rows");
            assert!(x == y, "{format} {name}: rows differ");
        }
        no_temporaries(b.path());
    }
}

#[test]
fn empty_tables_stream_like_empty_batches() {
    for format in Format::ALL {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write_at_once(&[vec![common::empty()]], a.path(), format);
        let mut writer = TablesWriter::create(b.path(), format, &metadata()).unwrap();
        writer.write(&tables(&[common::empty()])).unwrap();
        writer.finish().unwrap();
        for &table in format.tables() {
            let name = file_name(table, format);
            let (once, streamed) = (a.path().join(&name), b.path().join(&name));
            match format {
                Format::Parquet => {
                    let (x, xm, xg) = read_parquet(&once);
                    let (y, ym, yg) = read_parquet(&streamed);
                    assert_eq!((rows(&x), xm, xg), (rows(&y), ym, yg), "{name}");
                }
                Format::Arrow => {
                    let (x, xm) = read_ipc(&once);
                    let (y, ym) = read_ipc(&streamed);
                    assert_eq!(x.len(), y.len(), "{name}: record batches");
                    assert_eq!((rows(&x), xm), (rows(&y), ym), "{name}");
                }
                _ => assert_eq!(
                    fs::read(&once).unwrap(),
                    fs::read(&streamed).unwrap(),
                    "{format} {name}"
                ),
            }
        }
    }
}

#[test]
fn large_parquet_tables_get_several_row_groups_and_lose_no_row() {
    // Five documents of 7 MiB of random letters (~4.4 MB each compressed): together they pass
    // the row group size (8 MiB compressed).
    let big = |i: u64| {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64 ^ i;
        let text: String = (0..7 * 1024 * 1024)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                char::from(b'a' + ((state >> 33) % 26) as u8)
            })
            .collect();
        DocumentExtraction {
            parsed: ParsedDocument::unparsed(Document::from_text(format!("big{i}"), text)),
            mentions: vec![],
            events: vec![],
        }
    };
    let chunks: Vec<Vec<DocumentExtraction>> = (0..5).map(|i| vec![big(i)]).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("documents.parquet");
    let mut writer = TableWriter::create(Table::Documents, &path, Format::Parquet, &[]).unwrap();
    let mut expected = Vec::new();
    for chunk in &chunks {
        let t = tables(chunk);
        writer.write(&t.documents).unwrap();
        expected.push(t.documents);
    }
    writer.finish().unwrap();
    let (read, _, row_groups) = read_parquet(&path);
    assert!(row_groups > 1, "{row_groups} row group");
    assert!(rows(&read) == rows(&expected));
}

#[test]
fn an_unfinished_writer_leaves_existing_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.csv");
    fs::write(&path, "old").unwrap();
    {
        let mut writer = TableWriter::create(Table::Events, &path, Format::Csv, &[]).unwrap();
        writer.write(&tables(&common::all()).events).unwrap();
        // Dropped without finish: an error or a panic elsewhere in the run.
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    no_temporaries(dir.path());

    let mut writer = TablesWriter::create(dir.path(), Format::Jsonl, &[]).unwrap();
    writer.write(&tables(&common::all())).unwrap();
    drop(writer);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn writers_refuse_other_schemas_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&common::all());
    let mut writer =
        TableWriter::create(Table::Events, &dir.path().join("e.csv"), Format::Csv, &[]).unwrap();
    assert!(writer.write(&t.documents).is_err());
    assert!(TableWriter::create(
        Table::Documents,
        &dir.path().join("d.geojson"),
        Format::Geojson,
        &[]
    )
    .is_err());
}
