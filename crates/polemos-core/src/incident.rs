//! Incidents: one event as reported by several documents, with the figures they give.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{DocumentExtraction, SubEventType};

/// What linking needs to know of one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub event_id: String,
    pub doc_id: String,
    pub sub_event_type: SubEventType,
    pub admin1: Option<String>,
    pub location: Option<String>,
    /// Whether the location is only approximate (geo-precision 2 or 3).
    pub vague_location: bool,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    pub fatalities: Option<u32>,
    /// Who reports it: the event's source, else its document.
    pub reported_by: String,
}

impl EventSummary {
    /// Summaries of every event of some extractions.
    pub fn of(extractions: &[DocumentExtraction]) -> Vec<EventSummary> {
        let mut out = Vec::new();
        for x in extractions {
            for (i, e) in x.events.iter().enumerate() {
                let loc = e.location.as_ref();
                out.push(EventSummary {
                    event_id: x.event_id(i),
                    doc_id: x.parsed.doc.id.clone(),
                    sub_event_type: e.sub_event_type,
                    admin1: loc.and_then(|l| l.admin1.clone()),
                    location: loc.map(|l| l.name.clone()),
                    vague_location: loc.is_some_and(|l| l.precision.code() > 1),
                    date_start: e.date.start,
                    date_end: e.date.end,
                    actor1: e.actor1.as_ref().map(|a| a.name.clone()),
                    actor2: e.actor2.as_ref().map(|a| a.name.clone()),
                    fatalities: e.casualties.killed,
                    reported_by: e
                        .attribution
                        .as_ref()
                        .map(|a| a.source.clone())
                        .unwrap_or_else(|| x.parsed.doc.id.clone()),
                });
            }
        }
        out
    }
}

/// One incident and what its reports say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// `i{n}`, numbered in order of the incident's first event.
    pub incident_id: String,
    pub event_ids: Vec<String>,
    pub doc_ids: Vec<String>,
    /// Distinct reporters (sources, or documents where no source is named).
    pub reporters: Vec<String>,
    pub sub_event_type: SubEventType,
    pub admin1: Option<String>,
    /// The most precise location a report gives.
    pub location: Option<String>,
    /// The span of days the reports cover.
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    /// Lowest and highest fatality count reported, with who reported each.
    pub fatalities_min: Option<(u32, String)>,
    pub fatalities_max: Option<(u32, String)>,
}
