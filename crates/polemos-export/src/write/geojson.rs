//! `events.geojson`: the events as an RFC 7946 FeatureCollection, for GIS software (QGIS,
//! geopandas, kepler.gl) and web maps.
//!
//! Each event is a Feature whose `id` is its `event_id`, whose geometry is a Point at
//! `[longitude, latitude]` (RFC 7946 puts longitude first) and whose properties are all the
//! event columns, in order, typed as in JSON Lines. An event without coordinates keeps its
//! Feature with a `null` geometry, as RFC 7946 section 3.2 allows, so that the file and the
//! events table have the same rows. One Feature per line keeps the file diffable and lets
//! line-oriented tools count features.

use std::io::{self, Write};

use arrow_array::RecordBatch;
use polemos_core::Modality;

use super::text::JsonObjects;
use crate::cells::{Cell, ColumnCells};

/// `events.geojson` being written: the collection is opened on creation, each batch appends
/// its Features, and [`GeojsonSink::finish`] closes the collection.
pub(super) struct GeojsonSink<W: Write> {
    out: W,
    features: usize,
    all_events: bool,
}

impl<W: Write> GeojsonSink<W> {
    pub(super) fn create(mut out: W) -> io::Result<GeojsonSink<W>> {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
        Ok(GeojsonSink {
            out,
            features: 0,
            all_events: false,
        })
    }

    /// Writes the events the text does not assert too (negated, planned, denied ...): by
    /// default a map shows what happened; the `modality` property tells the others apart.
    pub(super) fn include_all_events(&mut self, yes: bool) {
        self.all_events = yes;
    }

    pub(super) fn write(&mut self, events: &RecordBatch) -> io::Result<()> {
        let properties = JsonObjects::new(events)?;
        let ids = ColumnCells::named(events, "event_id")?;
        let latitudes = ColumnCells::named(events, "latitude")?;
        let longitudes = ColumnCells::named(events, "longitude")?;
        let modality = ColumnCells::named(events, "modality")?;
        let out = &mut self.out;
        for row in 0..events.num_rows() {
            if !self.all_events && modality.get(row) != Cell::Str(Modality::Asserted.as_str()) {
                continue;
            }
            out.write_all(if self.features == 0 { b"\n" } else { b",\n" })?;
            self.features += 1;
            out.write_all(b"{\"type\":\"Feature\",\"id\":")?;
            ids.get(row).write_json(out)?;
            out.write_all(b",\"geometry\":")?;
            match (longitudes.get(row), latitudes.get(row)) {
                (Cell::Float(lon), Cell::Float(lat)) if lon.is_finite() && lat.is_finite() => {
                    out.write_all(b"{\"type\":\"Point\",\"coordinates\":[")?;
                    serde_json::to_writer(&mut *out, &lon)?;
                    out.write_all(b",")?;
                    serde_json::to_writer(&mut *out, &lat)?;
                    out.write_all(b"]}")?;
                }
                _ => out.write_all(b"null")?,
            }
            out.write_all(b",\"properties\":")?;
            properties.write(out, row)?;
            out.write_all(b"}")?;
        }
        Ok(())
    }

    /// Closes the collection and returns the output.
    pub(super) fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"\n]}\n")?;
        Ok(self.out)
    }
}
