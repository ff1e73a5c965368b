//! The incidents table, and reading back from an events table what incident linking needs, so
//! that runs made in batches can be linked as one.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int32Type};
use arrow_array::{Array, RecordBatch};
use polemos_core::{EventSummary, Incident, SubEventType};

use crate::schema::{IncidentRow, IncidentsBuilder};
use crate::tables::{finish_batch, int32};
use crate::{ExportError, Table};

/// The incidents table for `incidents`.
pub fn incidents_table(incidents: &[Incident]) -> RecordBatch {
    let mut builder = IncidentsBuilder::default();
    for i in incidents {
        push_incident(&mut builder, i);
    }
    finish_batch(builder.finish(Table::Incidents.schema()))
}

pub(crate) fn push_incident(builder: &mut IncidentsBuilder, i: &Incident) {
    let event_ids = i.event_ids.join(";");
    let doc_ids = i.doc_ids.join(";");
    let reporters = i.reporters.join(";");
    builder.push(IncidentRow {
        incident_id: &i.incident_id,
        n_events: int32(i.event_ids.len()),
        n_documents: int32(i.doc_ids.len()),
        n_reporters: int32(i.reporters.len()),
        event_ids: &event_ids,
        doc_ids: &doc_ids,
        reporters: &reporters,
        event_type: i.sub_event_type.event_type().as_str(),
        sub_event_type: i.sub_event_type.as_str(),
        admin1: i.admin1.as_deref(),
        location: i.location.as_deref(),
        date_start: i.date_start,
        date_end: i.date_end,
        actor1: i.actor1.as_deref(),
        actor2: i.actor2.as_deref(),
        fatalities_min: i.fatalities_min.as_ref().map(|(n, _)| int32(*n)),
        fatalities_min_by: i.fatalities_min.as_ref().map(|(_, by)| by.as_str()),
        fatalities_max: i.fatalities_max.as_ref().map(|(n, _)| int32(*n)),
        fatalities_max_by: i.fatalities_max.as_ref().map(|(_, by)| by.as_str()),
    });
}

/// The summaries of the events of an events table (as [`Table::Events`] writes it).
pub fn event_summaries(events: &RecordBatch) -> Result<Vec<EventSummary>, ExportError> {
    let text = |name: &str| -> Result<Vec<Option<String>>, ExportError> {
        let column = events
            .column_by_name(name)
            .and_then(|c| c.as_string_opt::<i32>())
            .ok_or_else(|| ExportError::NotAnEventsTable(name.to_string()))?;
        Ok((0..column.len())
            .map(|i| column.is_valid(i).then(|| column.value(i).to_string()))
            .collect())
    };
    let int = |name: &str| -> Result<Vec<Option<i32>>, ExportError> {
        let column = events
            .column_by_name(name)
            .and_then(|c| c.as_primitive_opt::<Int32Type>())
            .ok_or_else(|| ExportError::NotAnEventsTable(name.to_string()))?;
        Ok((0..column.len())
            .map(|i| column.is_valid(i).then(|| column.value(i)))
            .collect())
    };
    let date = |name: &str| -> Result<Vec<Option<chrono::NaiveDate>>, ExportError> {
        let column = events
            .column_by_name(name)
            .and_then(|c| c.as_primitive_opt::<Date32Type>())
            .ok_or_else(|| ExportError::NotAnEventsTable(name.to_string()))?;
        Ok((0..column.len())
            .map(|i| {
                column
                    .is_valid(i)
                    .then(|| Date32Type::to_naive_date_opt(column.value(i)))
                    .flatten()
            })
            .collect())
    };
    let (ids, docs, subs) = (text("event_id")?, text("doc_id")?, text("sub_event_type")?);
    let (admin1, location, precision) = (text("admin1")?, text("location")?, int("geo_precision")?);
    let (start, end) = (date("date_start")?, date("date_end")?);
    let (actor1, actor2, dead, source) = (
        text("actor1")?,
        text("actor2")?,
        int("fatalities")?,
        text("source")?,
    );
    let mut out = Vec::with_capacity(events.num_rows());
    for i in 0..events.num_rows() {
        let (Some(event_id), Some(doc_id)) = (ids[i].clone(), docs[i].clone()) else {
            continue;
        };
        let Some(sub_event_type) = subs[i].as_deref().and_then(SubEventType::parse) else {
            continue;
        };
        out.push(EventSummary {
            reported_by: source[i].clone().unwrap_or_else(|| doc_id.clone()),
            event_id,
            doc_id,
            sub_event_type,
            admin1: admin1[i].clone(),
            location: location[i].clone(),
            vague_location: precision[i].is_some_and(|p| p > 1),
            date_start: start[i],
            date_end: end[i],
            actor1: actor1[i].clone(),
            actor2: actor2[i].clone(),
            fatalities: dead[i].and_then(|d| u32::try_from(d).ok()),
        });
    }
    Ok(out)
}
