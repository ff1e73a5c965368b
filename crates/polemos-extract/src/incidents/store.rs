//! Event summaries held compactly, so that the command can keep one for every linkable event of
//! a corpus of any size: each distinct string (a document id, a province, a place, an actor, a
//! source) is stored once and events refer to it by number. An event takes about 64 bytes here,
//! where an [`EventSummary`] with its own strings takes several hundred.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use polemos_core::{EventSummary, SubEventType};

/// The number of an interned string.
pub(super) type Sym = u32;
/// No string (an unknown actor, an unnamed place).
pub(super) const NONE: Sym = Sym::MAX;

/// Distinct strings, each stored once (shared by the index and the list).
#[derive(Debug, Default)]
struct Strings {
    index: HashMap<Arc<str>, Sym>,
    all: Vec<Arc<str>>,
}

impl Strings {
    fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.index.get(s) {
            return sym;
        }
        let sym = self.all.len() as Sym;
        let shared: Arc<str> = Arc::from(s);
        self.all.push(Arc::clone(&shared));
        self.index.insert(shared, sym);
        sym
    }

    fn intern_opt(&mut self, s: Option<&str>) -> Sym {
        s.map_or(NONE, |s| self.intern(s))
    }

    fn get(&self, sym: Sym) -> Option<&str> {
        self.all.get(sym as usize).map(|s| &**s)
    }
}

/// An event id: `{doc_id}:e{n}` as extraction writes them is kept as `n`, any other as a string.
#[derive(Debug, Clone, Copy)]
enum EventId {
    Numbered(u32),
    Named(Sym),
}

/// One event, as linking compares it. Only events [`super::can_link`] accepts are kept, so the
/// province and start date are always known.
#[derive(Debug, Clone, Copy)]
pub(super) struct Compact {
    id: EventId,
    pub doc: Sym,
    pub sub_event_type: SubEventType,
    pub admin1: Sym,
    pub location: Sym,
    pub vague_location: bool,
    /// Dates as day numbers ([`day`]): linking compares them pair by pair.
    pub date_start: i32,
    pub date_end: Option<i32>,
    pub actor1: Sym,
    pub actor2: Sym,
    fatalities: Option<u32>,
    reported_by: Sym,
}

/// A date as its day number (days from the first of January of year 1).
pub(super) fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// Linkable events, in the order they were added.
#[derive(Debug, Default)]
pub(super) struct Store {
    strings: Strings,
    pub events: Vec<Compact>,
}

impl Store {
    /// Keeps `e` if it has a province and a start date; returns whether it was kept.
    pub fn push(&mut self, e: &EventSummary) -> bool {
        let (Some(admin1), Some(date_start)) = (e.admin1.as_deref(), e.date_start) else {
            return false;
        };
        let doc = self.strings.intern(&e.doc_id);
        let numbered = e
            .event_id
            .strip_prefix(e.doc_id.as_str())
            .and_then(|rest| rest.strip_prefix(":e"))
            .filter(|n| !n.starts_with('0') || *n == "0")
            .and_then(|n| n.parse::<u32>().ok());
        let id = match numbered {
            Some(n) => EventId::Numbered(n),
            None => EventId::Named(self.strings.intern(&e.event_id)),
        };
        let compact = Compact {
            id,
            doc,
            sub_event_type: e.sub_event_type,
            admin1: self.strings.intern(admin1),
            location: self.strings.intern_opt(e.location.as_deref()),
            vague_location: e.vague_location,
            date_start: day(date_start),
            date_end: e.date_end.map(day),
            actor1: self.strings.intern_opt(e.actor1.as_deref()),
            actor2: self.strings.intern_opt(e.actor2.as_deref()),
            fatalities: e.fatalities,
            reported_by: self.strings.intern(&e.reported_by),
        };
        self.events.push(compact);
        true
    }

    fn text(&self, sym: Sym) -> Option<String> {
        self.strings.get(sym).map(str::to_string)
    }

    /// The full summary of the `i`th event kept, as it was pushed.
    pub fn summary(&self, i: usize) -> EventSummary {
        let c = self.events[i];
        let doc_id = self.text(c.doc).unwrap_or_default();
        let event_id = match c.id {
            EventId::Numbered(n) => format!("{doc_id}:e{n}"),
            EventId::Named(sym) => self.text(sym).unwrap_or_default(),
        };
        EventSummary {
            event_id,
            doc_id,
            sub_event_type: c.sub_event_type,
            admin1: self.text(c.admin1),
            location: self.text(c.location),
            vague_location: c.vague_location,
            date_start: date(c.date_start),
            date_end: c.date_end.and_then(date),
            actor1: self.text(c.actor1),
            actor2: self.text(c.actor2),
            fatalities: c.fatalities,
            reported_by: self.text(c.reported_by).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(event_id: &str, doc_id: &str) -> EventSummary {
        EventSummary {
            event_id: event_id.into(),
            doc_id: doc_id.into(),
            sub_event_type: SubEventType::AirDroneStrike,
            admin1: Some("Idlib".into()),
            location: Some("Saraqib".into()),
            vague_location: false,
            date_start: NaiveDate::from_ymd_opt(2017, 4, 4),
            date_end: NaiveDate::from_ymd_opt(2017, 4, 4),
            actor1: Some("Russian forces".into()),
            actor2: None,
            fatalities: Some(9),
            reported_by: "SANA".into(),
        }
    }

    #[test]
    fn summaries_come_back_as_pushed() {
        let mut store = Store::default();
        let events = [
            summary("a.txt:e3", "a.txt"),
            summary("row-7", "a.txt"),
            summary("a.txt:e03", "a.txt"),
            summary("b:e", "b"),
        ];
        for e in &events {
            assert!(store.push(e));
        }
        for (i, e) in events.iter().enumerate() {
            assert_eq!(&store.summary(i), e);
        }
        // One copy of each distinct string.
        assert_eq!(store.strings.all.len(), 9);
    }

    #[test]
    fn events_without_a_province_or_date_are_not_kept() {
        let mut store = Store::default();
        let mut e = summary("a:e0", "a");
        e.admin1 = None;
        assert!(!store.push(&e));
        let mut e = summary("a:e0", "a");
        e.date_start = None;
        assert!(!store.push(&e));
        assert!(store.events.is_empty());
    }
}
