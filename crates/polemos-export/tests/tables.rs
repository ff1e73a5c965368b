//! Values of every table built from a hand-made extraction.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

mod common;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use chrono::NaiveDate;
use polemos_export::{tables, Table, Tables, TablesBuilder};

fn str_col<'a>(batch: &'a RecordBatch, name: &str) -> Vec<Option<&'a str>> {
    let col = batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"));
    col.as_string::<i32>().iter().collect()
}

fn i32_col(batch: &RecordBatch, name: &str) -> Vec<Option<i32>> {
    let col = batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"));
    col.as_primitive::<Int32Type>().iter().collect()
}

#[test]
fn every_table_has_its_schema_and_rows() {
    let t = tables(&common::all());
    for (table, batch) in t.iter() {
        assert_eq!(batch.schema(), table.schema(), "{table}");
    }
    assert_eq!(t.num_rows(Table::Documents), 3);
    assert_eq!(t.num_rows(Table::Sentences), 2);
    assert_eq!(t.num_rows(Table::Mentions), 3);
    assert_eq!(t.num_rows(Table::Events), 1);
    assert_eq!(t.num_rows(Table::Furniture), 1);
}

#[test]
fn documents_row() {
    let t = tables(&common::all());
    let d = &t.documents;
    assert_eq!(
        str_col(d, "doc_id"),
        [Some("wire.jsonl:1"), Some("bad.html"), Some("input[2]")]
    );
    assert_eq!(
        str_col(d, "status"),
        [Some("ok"), Some("error"), Some("empty")]
    );
    assert_eq!(str_col(d, "error")[0], None);
    assert!(str_col(d, "error")[1].is_some_and(|e| e.starts_with("invalid UTF-8")));
    assert_eq!(str_col(d, "headline")[0], Some(common::HEADLINE));
    assert_eq!(
        str_col(d, "dateline")[0],
        Some("DEIR EZ-ZOR, Syria (Reuters) -")
    );
    assert_eq!(
        str_col(d, "published_source"),
        [Some("metadata"), None, None]
    );
    assert_eq!(str_col(d, "encoding"), [Some("UTF-8"), None, None]);
    let published: Vec<_> = d
        .column_by_name("published")
        .map(|c| c.as_primitive::<Date32Type>().iter().collect())
        .unwrap_or_default();
    let expected = NaiveDate::from_ymd_opt(2017, 4, 8).map(Date32Type::from_naive_date);
    assert_eq!(published, [expected, None, None]);
    assert_eq!(i32_col(d, "n_sentences"), [Some(2), Some(0), Some(0)]);
    assert_eq!(i32_col(d, "n_mentions"), [Some(3), Some(0), Some(0)]);
    assert_eq!(i32_col(d, "n_events"), [Some(1), Some(0), Some(0)]);
    assert_eq!(
        i32_col(d, "furniture_bytes")[0],
        Some(common::SHARE.len() as i32)
    );
    assert_eq!(str_col(d, "text")[0], Some(common::text().as_str()));
}

#[test]
fn offsets_are_bytes_into_the_text() {
    let t = tables(&[common::rich()]);
    let text = common::text();
    let s = &t.sentences;
    let (starts, ends, texts) = (i32_col(s, "start"), i32_col(s, "end"), str_col(s, "text"));
    for i in 0..s.num_rows() {
        let (a, b) = (starts[i].unwrap() as usize, ends[i].unwrap() as usize);
        assert_eq!(Some(&text[a..b]), texts[i]);
    }
    // The headline holds a multi-byte character, so byte and char offsets differ after it.
    assert!(ends[0].unwrap() as usize > common::HEADLINE.chars().count());
    assert_eq!(str_col(s, "kind"), [Some("headline"), Some("body")]);
    assert_eq!(i32_col(s, "n_tokens"), [Some(4), Some(16)]);

    let m = &t.mentions;
    let (starts, ends, texts) = (i32_col(m, "start"), i32_col(m, "end"), str_col(m, "text"));
    for i in 0..m.num_rows() {
        let (a, b) = (starts[i].unwrap() as usize, ends[i].unwrap() as usize);
        assert_eq!(Some(&text[a..b]), texts[i]);
    }
}

#[test]
fn mentions_rows() {
    let t = tables(&[common::rich()]);
    let m = &t.mentions;
    assert_eq!(i32_col(m, "mention"), [Some(0), Some(1), Some(2)]);
    assert_eq!(
        str_col(m, "kind"),
        [Some("actor"), Some("place"), Some("casualty")]
    );
    assert_eq!(
        str_col(m, "actor_category"),
        [Some("rebel_group"), None, None]
    );
    assert_eq!(i32_col(m, "count"), [None, None, Some(12)]);
    assert_eq!(str_col(m, "country"), [None, Some("SY"), None]);
    assert_eq!(str_col(m, "admin1"), [None, Some("Deir ez-Zor"), None]);
    assert_eq!(str_col(m, "admin2"), [None, None, None]);
    assert_eq!(str_col(m, "feature"), [None, Some("city"), None]);
    assert_eq!(i32_col(m, "geo_precision"), [None, Some(1), None]);
    let lat: Vec<_> = m
        .column_by_name("latitude")
        .map(|c| c.as_primitive::<Float64Type>().iter().collect())
        .unwrap_or_default();
    assert_eq!(lat, [None, Some(35.336), None]);
    let gid = m
        .column_by_name("geonames_id")
        .map(|c| c.as_primitive::<Int64Type>().value(1));
    assert_eq!(gid, Some(170_794));
}

#[test]
fn events_row() {
    let t = tables(&common::all());
    let e = &t.events;
    assert_eq!(str_col(e, "event_id"), [Some("wire.jsonl:1:e0")]);
    assert_eq!(str_col(e, "trigger"), [Some("attacked")]);
    assert_eq!(str_col(e, "event_type"), [Some("Battles")]);
    assert_eq!(str_col(e, "sub_event_type"), [Some("Armed clash")]);
    assert_eq!(str_col(e, "method"), [None]);
    assert_eq!(str_col(e, "cameo"), [Some("190")]);
    assert_eq!(str_col(e, "actor1"), [Some("Islamic State")]);
    assert_eq!(str_col(e, "actor1_country"), [None]);
    assert_eq!(str_col(e, "actor2"), [Some("Syrian government forces")]);
    assert_eq!(str_col(e, "actor2_category"), [Some("state_forces")]);
    assert_eq!(str_col(e, "actor2_country"), [Some("SY")]);
    assert_eq!(str_col(e, "location"), [Some("Deir ez-Zor")]);
    assert_eq!(str_col(e, "admin1"), [Some("Deir ez-Zor")]);
    assert_eq!(i32_col(e, "fatalities"), [Some(12)]);
    assert_eq!(i32_col(e, "geo_precision"), [Some(1)]);
    assert_eq!(i32_col(e, "sentence"), [Some(1)]);
    assert!(e.column_by_name("published").is_some_and(|c| c.is_valid(0)));
    let sentence = str_col(e, "sentence_text")[0].unwrap_or_default();
    assert!(sentence.starts_with("Islamic State") && sentence.ends_with("12 soldiers."));
}

#[test]
fn furniture_row() {
    let t = tables(&[common::rich()]);
    assert_eq!(str_col(&t.furniture, "kind"), [Some("share")]);
    assert_eq!(str_col(&t.furniture, "text"), [Some(common::SHARE)]);
}

#[test]
fn builder_in_chunks_equals_one_shot() {
    let all = common::all();
    let mut b = TablesBuilder::new();
    for chunk in all.chunks(2) {
        b.push_all(chunk);
    }
    let chunked = b.finish();
    let once = tables(&all);
    for table in Table::ALL {
        assert_eq!(chunked.get(table), once.get(table), "{table}");
    }
}

#[test]
fn empty_tables_keep_their_schema() {
    let t = Tables::empty();
    for (table, batch) in t.iter() {
        assert_eq!(batch.num_rows(), 0);
        assert_eq!(batch.schema(), table.schema());
    }
}
