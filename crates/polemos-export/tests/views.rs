//! The three views of the events table: `events.geojson` (RFC 7946), `acled.csv` (ACLED's
//! codebook) and `ucdp.csv` (UCDP GED's columns), on hand-built events covering located and
//! unlocated events, several countries and civilian targets.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

#[allow(dead_code)] // Shared with the other tests; this one uses only some helpers.
mod common;

use std::collections::HashMap;
use std::fs;

use arrow_array::cast::AsArray;
use polemos_core::{ActorCategory, ActorRef, DocumentExtraction, EventDate, Location};
use polemos_export::{
    tables, write_table, write_tables, AcledView, ExportError, Format, Table, UcdpView,
    ACLED_COLUMNS, UCDP_COLUMNS,
};
use serde_json::Value;

/// The rich document with three events: the Deir ez-Zor clash; the same with no place, no
/// date, no fatality count and civilians as actor2; one in Mosul (Iraq).
fn three_events() -> Vec<DocumentExtraction> {
    let mut x = common::rich();
    let clash = x.events[0].clone();
    let mut unlocated = clash.clone();
    unlocated.location = None;
    unlocated.location_span = None;
    unlocated.date = EventDate {
        start: None,
        end: None,
        precision: None,
        span: None,
    };
    unlocated.casualties.killed = None;
    unlocated.actor2 = Some(ActorRef {
        name: "Civilians (Syria)".into(),
        category: ActorCategory::Civilians,
        country: None,
        span: clash.trigger_span,
    });
    unlocated.is_lead = false;
    let mut mosul = clash.clone();
    mosul.location = Some(Location {
        name: "Mosul".into(),
        country: "IQ".into(),
        admin1: Some("Nineveh".into()),
        latitude: 36.335,
        longitude: 43.1189,
        geonames_id: Some(99_072),
        ..common::deir_ez_zor()
    });
    mosul.is_lead = false;
    x.events = vec![clash, unlocated, mosul];
    vec![x, common::failed()]
}

#[test]
fn geojson_is_an_rfc7946_feature_collection() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&three_events());
    let paths = write_tables(&t, dir.path(), Format::Geojson).unwrap();
    assert_eq!(paths, [dir.path().join("events.geojson")]);
    let value: Value = serde_json::from_str(&fs::read_to_string(&paths[0]).unwrap()).unwrap();
    assert_eq!(value["type"], "FeatureCollection");
    let features = value["features"].as_array().unwrap();
    assert_eq!(features.len(), 3);
    for f in features {
        assert_eq!(f["type"], "Feature");
        let properties = f["properties"].as_object().unwrap();
        assert_eq!(properties.len(), Table::Events.columns().len());
        assert_eq!(f["id"], properties["event_id"]);
    }
    // Longitude first (RFC 7946 section 3.1.1), and equal to the properties' columns.
    let point = &features[0]["geometry"];
    assert_eq!(point["type"], "Point");
    assert_eq!(point["coordinates"], serde_json::json!([40.1408, 35.336]));
    assert_eq!(features[0]["properties"]["longitude"], 40.1408);
    assert_eq!(features[0]["properties"]["date_start"], "2017-04-15");
    // No coordinates: the feature stays, with a null geometry (section 3.2).
    assert!(features[1]["geometry"].is_null());
    assert!(features[1]["properties"]["latitude"].is_null());
    assert_eq!(
        features[2]["geometry"]["coordinates"],
        serde_json::json!([43.1189, 36.335])
    );
}

fn read_acled(path: &std::path::Path) -> Vec<HashMap<String, String>> {
    read_view(path, &ACLED_COLUMNS)
}

fn read_view(path: &std::path::Path, columns: &[&str]) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, columns);
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn acled_csv_follows_the_codebook() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&three_events());
    let paths = write_tables(&t, dir.path(), Format::Acled).unwrap();
    assert_eq!(paths, [dir.path().join("acled.csv")]);
    let rows = read_acled(&paths[0]);
    assert_eq!(rows.len(), 3);
    let (clash, unlocated, mosul) = (&rows[0], &rows[1], &rows[2]);

    let expect = |row: &HashMap<String, String>, pairs: &[(&str, &str)]| {
        for (k, v) in pairs {
            assert_eq!(row[*k], *v, "{k}");
        }
    };
    expect(
        clash,
        &[
            ("event_id_cnty", "SYR1"),
            ("event_date", "2017-04-15"),
            ("year", "2017"),
            ("time_precision", "1"),
            ("disorder_type", "Political violence"),
            ("event_type", "Battles"),
            ("sub_event_type", "Armed clash"),
            ("actor1", "Islamic State"),
            ("inter1", "2"),
            ("actor2", "Syrian government forces"),
            ("inter2", "1"),
            ("interaction", "12"),
            ("civilian_targeting", ""),
            ("iso", "760"),
            ("region", "Middle East"),
            ("country", "Syria"),
            ("admin1", "Deir ez-Zor"),
            ("admin3", ""),
            ("location", "Deir ez-Zor"),
            ("latitude", "35.336"),
            ("longitude", "40.1408"),
            ("geo_precision", "1"),
            ("source", "SANA"),
            ("fatalities", "12"),
            ("timestamp", "1491609600"), // 2017-04-08, the publication date
        ],
    );
    assert!(clash["notes"].contains("attacked the airbase"));
    assert_eq!(clash["polemos_event_id"], "wire.jsonl:1:e0");
    expect(
        unlocated,
        &[
            ("event_id_cnty", "XXX1"),
            // No resolved date: the publication date, at month precision.
            ("event_date", "2017-04-08"),
            ("time_precision", "3"),
            ("inter2", "7"),
            ("interaction", "27"),
            ("civilian_targeting", "Civilian targeting"),
            ("iso", ""),
            ("country", ""),
            ("latitude", ""),
            ("fatalities", "0"),
        ],
    );
    expect(
        mosul,
        &[
            ("event_id_cnty", "IRQ1"),
            ("iso", "368"),
            ("country", "Iraq"),
            ("admin1", "Nineveh"),
        ],
    );
}

#[test]
fn acled_ids_are_stable_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&three_events());
    let first = write_tables(&t, &dir.path().join("a"), Format::Acled).unwrap();
    let second = write_tables(&t, &dir.path().join("b"), Format::Acled).unwrap();
    assert_eq!(fs::read(&first[0]).unwrap(), fs::read(&second[0]).unwrap());
}

#[test]
fn views_refuse_other_tables() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&three_events());
    for format in [Format::Geojson, Format::Acled, Format::Ucdp] {
        let path = dir.path().join("documents.out");
        let err = write_table(Table::Documents, &t.documents, &path, format).unwrap_err();
        assert!(matches!(err, ExportError::Unsupported { .. }), "{err:?}");
        assert!(!path.exists());
    }
}

#[test]
fn view_schemas_name_the_columns_in_order() {
    let names = |schema: arrow_schema::SchemaRef| -> Vec<String> {
        schema.fields().iter().map(|f| f.name().clone()).collect()
    };
    assert_eq!(names(AcledView::schema()), ACLED_COLUMNS);
    assert_eq!(names(UcdpView::schema()), UCDP_COLUMNS);
}

#[test]
fn ucdp_csv_follows_ged() {
    let dir = tempfile::tempdir().unwrap();
    let t = tables(&three_events());
    let paths = write_tables(&t, dir.path(), Format::Ucdp).unwrap();
    assert_eq!(paths, [dir.path().join("ucdp.csv")]);
    let rows = read_view(&paths[0], &UCDP_COLUMNS);
    // The unlocated event gives no death toll: GED codes lethal events only.
    assert_eq!(rows.len(), 2, "{rows:?}");
    let (clash, mosul) = (&rows[0], &rows[1]);
    let expect = |row: &HashMap<String, String>, pairs: &[(&str, &str)]| {
        for (k, v) in pairs {
            assert_eq!(row[*k], *v, "{k}");
        }
    };
    expect(
        clash,
        &[
            ("id", "1"),
            ("relid", "SYR-2017-1-1"),
            ("year", "2017"),
            ("type_of_violence", "1"),
            // State-based: side A is the government side, whichever the text named first.
            ("side_a", "Syrian government forces"),
            ("side_b", "Islamic State"),
            ("dyad_name", "Syrian government forces - Islamic State"),
            ("conflict_dset_id", ""),
            ("number_of_sources", "1"),
            ("source_date", "2017-04-08"),
            ("source_original", "SANA"),
            ("where_prec", "1"),
            ("where_coordinates", "Deir ez-Zor"),
            ("adm_1", "Deir ez-Zor"),
            ("latitude", "35.336"),
            ("longitude", "40.1408"),
            ("geom_wkt", "POINT (40.1408 35.336)"),
            // Row 250 from the south (35.336N), column 440 from 180W (40.1408E).
            ("priogrid_gid", "180441"),
            ("country", "Syria"),
            ("region", "Middle East"),
            ("event_clarity", "1"),
            ("date_prec", "1"),
            ("date_start", "2017-04-15"),
            ("best", "12"),
            ("low", "12"),
            ("high", "12"),
            ("polemos_event_id", "wire.jsonl:1:e0"),
        ],
    );
    // The four death counts add up to best, as in GED.
    for row in &rows {
        let n = |k: &str| row[k].parse::<i64>().unwrap();
        assert_eq!(
            n("deaths_a") + n("deaths_b") + n("deaths_civilians") + n("deaths_unknown"),
            n("best")
        );
    }
    expect(
        mosul,
        &[("relid", "IRQ-2017-1-1"), ("id", "2"), ("country", "Iraq")],
    );
}

#[test]
fn ucdp_one_sided_violence_and_min_deaths() {
    let mut docs = three_events();
    // The unlocated event targets civilians; give it a toll.
    docs[0].events[1].casualties.killed = Some(3);
    let t = tables(&docs);
    let mut view = UcdpView::new();
    view.observe_documents(&t.documents).unwrap();
    let batch = view.recode(&t.events).unwrap();
    assert_eq!(batch.num_rows(), 3);
    let int = |name: &str| {
        let column = batch.column_by_name(name).unwrap();
        column
            .as_primitive::<arrow_array::types::Int32Type>()
            .value(1)
    };
    let text = |name: &str| {
        let column = batch.column_by_name(name).unwrap();
        column.as_string::<i32>().value(1).to_string()
    };
    assert_eq!(int("type_of_violence"), 3);
    assert_eq!(text("side_a"), "Islamic State");
    assert_eq!(text("side_b"), "Civilians");
    // One-sided violence kills civilians, unless the text says otherwise.
    assert_eq!(int("deaths_civilians"), 3);
    assert_eq!(int("deaths_unknown"), 0);
    assert_eq!(int("where_prec"), 6);
    assert_eq!(int("date_prec"), 4);

    let mut lenient = UcdpView::new();
    lenient.min_deaths(0);
    assert_eq!(
        lenient
            .recode(&tables(&three_events()).events)
            .unwrap()
            .num_rows(),
        3
    );
}
