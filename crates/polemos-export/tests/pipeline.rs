//! Invariants of the tables built from the real pipeline over the sample corpus, whatever the
//! extractor finds: row counts agree with the documents table and offsets slice the text.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

use std::collections::HashMap;
use std::path::PathBuf;

use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{Array, RecordBatch};
use polemos_export::{tables, Table};
use polemos_extract::{Pipeline, Resources};
use polemos_parse::{read_paths, ReadOptions};

fn strings<'a>(b: &'a RecordBatch, name: &str) -> Vec<&'a str> {
    let col = b.column_by_name(name).unwrap().as_string::<i32>();
    (0..col.len()).map(|i| col.value(i)).collect()
}

fn ints(b: &RecordBatch, name: &str) -> Vec<i32> {
    b.column_by_name(name)
        .unwrap()
        .as_primitive::<Int32Type>()
        .values()
        .to_vec()
}

#[test]
fn corpus_tables_are_consistent() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let docs = read_paths(&[corpus], &ReadOptions::default()).unwrap();
    assert!(!docs.is_empty());
    let extractions = Pipeline::new(Resources::embedded().unwrap()).run(docs);
    let t = tables(&extractions);
    assert_eq!(t.num_rows(Table::Documents), extractions.len());

    let d = &t.documents;
    let texts: HashMap<&str, &str> = strings(d, "doc_id")
        .into_iter()
        .zip(strings(d, "text"))
        .collect();
    assert_eq!(texts.len(), d.num_rows(), "doc_id is unique");

    for (table, count_column) in [
        (Table::Sentences, "n_sentences"),
        (Table::Mentions, "n_mentions"),
        (Table::Events, "n_events"),
    ] {
        let total: i32 = ints(d, count_column).iter().sum();
        assert_eq!(total as usize, t.num_rows(table), "{count_column}");
    }

    for (table, start, end, text) in [
        (Table::Sentences, "start", "end", "text"),
        (Table::Mentions, "start", "end", "text"),
        (Table::Events, "trigger_start", "trigger_end", "trigger"),
        (
            Table::Events,
            "sentence_start",
            "sentence_end",
            "sentence_text",
        ),
        (Table::Furniture, "start", "end", "text"),
    ] {
        let b = t.get(table);
        let ids = strings(b, "doc_id");
        let (starts, ends, spans) = (ints(b, start), ints(b, end), strings(b, text));
        for i in 0..b.num_rows() {
            let doc = texts[ids[i]];
            let slice = doc.get(starts[i] as usize..ends[i] as usize);
            assert_eq!(slice, Some(spans[i]), "{table} row {i}");
        }
    }
}
