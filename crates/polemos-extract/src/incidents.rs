//! Incidents: the same event reported by different documents.
//!
//! Two events from different documents are one incident when they have the same sub-event
//! type, happened in the same province at compatible places (the same place, or one of them only
//! vaguely placed), on overlapping dates (within a day's tolerance), and their actors do not
//! contradict each other. Events without a date or a province are never linked: there is nothing
//! to link them on. Linking is transitive, so an incident may hold many reports, but never two
//! events of one document, nor actors that contradict each other.
//!
//! For each incident the figures reports agree on are kept, and conflicting fatality counts are
//! reported as a range with who gave each end, so that a researcher sees "SANA: 8, SOHR: 10"
//! rather than one number chosen silently.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use polemos_core::SubEventType;
pub use polemos_core::{EventSummary, Incident};

/// How far apart, in days, two reports' dates may be and still describe one incident.
const DATE_TOLERANCE_DAYS: u64 = 1;

fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn same_incident(a: &EventSummary, b: &EventSummary) -> bool {
    let dates = match (a.date_start, a.date_end, b.date_start, b.date_end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => {
            let widen = |d: NaiveDate| {
                d.checked_add_days(Days::new(DATE_TOLERANCE_DAYS))
                    .unwrap_or(d)
            };
            s1 <= widen(e2) && s2 <= widen(e1)
        }
        _ => false,
    };
    let places = a.location == b.location || a.vague_location || b.vague_location;
    a.doc_id != b.doc_id
        && a.sub_event_type == b.sub_event_type
        && a.admin1.is_some()
        && a.admin1 == b.admin1
        && places
        && dates
        && compatible(&a.actor1, &b.actor1)
        && compatible(&a.actor2, &b.actor2)
}

/// What an incident being built holds that a report joining it must agree with: the documents
/// already in it (one document's reports of an incident are merged into one event before
/// linking, so two events of one document are two incidents) and the actors known so far.
/// Without this, linking through a report that names no actor would chain "IS attacked" and
/// "the army attacked" into one incident.
#[derive(Debug, Default)]
struct Group<'a> {
    docs: HashSet<&'a str>,
    actor1: Option<&'a str>,
    actor2: Option<&'a str>,
}

impl<'a> Group<'a> {
    fn of(e: &'a EventSummary) -> Group<'a> {
        Group {
            docs: HashSet::from([e.doc_id.as_str()]),
            actor1: e.actor1.as_deref(),
            actor2: e.actor2.as_deref(),
        }
    }

    fn joins(&self, other: &Group<'_>) -> bool {
        let agree = |a: Option<&str>, b: Option<&str>| a.is_none() || b.is_none() || a == b;
        self.docs.is_disjoint(&other.docs)
            && agree(self.actor1, other.actor1)
            && agree(self.actor2, other.actor2)
    }

    fn absorb(&mut self, other: Group<'a>) {
        self.docs.extend(other.docs);
        self.actor1 = self.actor1.or(other.actor1);
        self.actor2 = self.actor2.or(other.actor2);
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Whether an event can be part of an incident at all: it needs a date and a province. A caller
/// that keeps summaries for a whole corpus (the command does) can drop the others early.
pub fn can_link(e: &EventSummary) -> bool {
    e.admin1.is_some() && e.date_start.is_some()
}

/// Links events reported by several documents into incidents. Events no other document reports
/// form no incident.
pub fn link_incidents(events: &[EventSummary]) -> Vec<Incident> {
    // Only events sharing a type and a province can meet: compare within those blocks, in
    // date order, so a large corpus is not compared pair by pair.
    let mut blocks: HashMap<(SubEventType, &str), Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate().filter(|(_, e)| can_link(e)) {
        if let (Some(admin1), Some(_)) = (e.admin1.as_deref(), e.date_start) {
            blocks
                .entry((e.sub_event_type, admin1))
                .or_default()
                .push(i);
        }
    }
    let mut parent: Vec<usize> = (0..events.len()).collect();
    let mut groups: Vec<Group<'_>> = events.iter().map(Group::of).collect();
    for members in blocks.values_mut() {
        members.sort_by_key(|&i| (events[i].date_start, i));
        for (k, &i) in members.iter().enumerate() {
            let reach = events[i]
                .date_end
                .and_then(|d| d.checked_add_days(Days::new(DATE_TOLERANCE_DAYS)));
            for &j in &members[k + 1..] {
                if events[j].date_start > reach {
                    break;
                }
                if !same_incident(&events[i], &events[j]) {
                    continue;
                }
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b && groups[a].joins(&groups[b]) {
                    let (root, child) = (a.min(b), a.max(b));
                    parent[child] = root;
                    let taken = std::mem::take(&mut groups[child]);
                    groups[root].absorb(taken);
                }
            }
        }
    }
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for i in 0..events.len() {
        let root = find(&mut parent, i);
        let g = *group_of.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[g].push(i);
    }
    members
        .into_iter()
        .filter(|g| g.len() > 1)
        .enumerate()
        .map(|(n, g)| summarize(format!("i{n}"), g.iter().map(|&i| &events[i]).collect()))
        .collect()
}

fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn summarize(incident_id: String, members: Vec<&EventSummary>) -> Incident {
    let first = members[0];
    let known = |f: fn(&EventSummary) -> &Option<String>| members.iter().find_map(|e| f(e).clone());
    let counts = members
        .iter()
        .filter_map(|e| e.fatalities.map(|f| (f, e.reported_by.clone())));
    let fatalities_min = counts.clone().min_by_key(|(f, _)| *f);
    let fatalities_max = counts.max_by_key(|(f, _)| *f);
    let location = members
        .iter()
        .find(|e| !e.vague_location && e.location.is_some())
        .or_else(|| members.iter().find(|e| e.location.is_some()))
        .and_then(|e| e.location.clone());
    Incident {
        incident_id,
        event_ids: members.iter().map(|e| e.event_id.clone()).collect(),
        doc_ids: distinct(members.iter().map(|e| e.doc_id.clone())),
        reporters: distinct(members.iter().map(|e| e.reported_by.clone())),
        sub_event_type: first.sub_event_type,
        admin1: first.admin1.clone(),
        location,
        date_start: members.iter().filter_map(|e| e.date_start).min(),
        date_end: members.iter().filter_map(|e| e.date_end).max(),
        actor1: known(|e| &e.actor1),
        actor2: known(|e| &e.actor2),
        fatalities_min,
        fatalities_max,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: &str, doc: &str, day: u32, place: &str, dead: Option<u32>, by: &str) -> EventSummary {
        let d = NaiveDate::from_ymd_opt(2017, 10, day);
        EventSummary {
            event_id: id.into(),
            doc_id: doc.into(),
            sub_event_type: SubEventType::SuicideBomb,
            admin1: Some("Homs".into()),
            location: Some(place.into()),
            vague_location: false,
            date_start: d,
            date_end: d,
            actor1: None,
            actor2: Some("Civilians".into()),
            fatalities: dead,
            reported_by: by.into(),
        }
    }

    #[test]
    fn reports_of_one_bombing_become_one_incident_with_a_range() {
        let events = vec![
            ev("a:e0", "a", 9, "Homs", Some(8), "SANA"),
            ev(
                "b:e0",
                "b",
                9,
                "Homs",
                Some(10),
                "Syrian Observatory for Human Rights",
            ),
            ev("c:e0", "c", 10, "Homs", None, "c"),
            ev("d:e0", "d", 20, "Homs", Some(3), "SANA"),
        ];
        let incidents = link_incidents(&events);
        assert_eq!(incidents.len(), 1);
        let i = &incidents[0];
        assert_eq!(i.event_ids, vec!["a:e0", "b:e0", "c:e0"]);
        assert_eq!(i.doc_ids.len(), 3);
        assert_eq!(i.fatalities_min, Some((8, "SANA".to_string())));
        assert_eq!(
            i.fatalities_max,
            Some((10, "Syrian Observatory for Human Rights".to_string()))
        );
    }

    #[test]
    fn different_places_types_actors_or_documents_stay_apart() {
        let base = ev("a:e0", "a", 9, "Homs", Some(8), "SANA");
        let mut other_place = ev("b:e0", "b", 9, "Talbiseh", Some(8), "SANA");
        assert!(!same_incident(&base, &other_place));
        other_place.vague_location = true;
        assert!(same_incident(&base, &other_place));
        let mut other_type = ev("b:e0", "b", 9, "Homs", None, "x");
        other_type.sub_event_type = SubEventType::AirDroneStrike;
        assert!(!same_incident(&base, &other_type));
        let mut other_actor = ev("b:e0", "b", 9, "Homs", None, "x");
        other_actor.actor2 = Some("Syrian government forces".into());
        assert!(!same_incident(&base, &other_actor));
        assert!(!same_incident(
            &base,
            &ev("a:e1", "a", 9, "Homs", None, "x")
        ));
        let mut undated = ev("b:e0", "b", 9, "Homs", None, "x");
        undated.date_start = None;
        assert!(!same_incident(&base, &undated));
    }

    #[test]
    fn a_report_naming_no_actor_does_not_chain_contradicting_reports() {
        // a:e0 (IS) and a:e1 (the army) are two events of one document; b:e0 names no actor
        // and agrees with either, but joins only the first.
        let mut by_is = ev("a:e0", "a", 9, "Homs", Some(12), "a");
        by_is.actor1 = Some("Islamic State".into());
        let mut by_army = ev("a:e1", "a", 9, "Homs", Some(7), "a");
        by_army.actor1 = Some("Syrian government forces".into());
        let unnamed = ev("b:e0", "b", 9, "Homs", None, "b");
        let mut also_army = ev("c:e0", "c", 9, "Homs", Some(7), "c");
        also_army.actor1 = Some("Syrian government forces".into());
        let incidents = link_incidents(&[by_is, by_army, unnamed, also_army]);
        let ids: Vec<Vec<String>> = incidents.iter().map(|i| i.event_ids.clone()).collect();
        assert_eq!(ids, vec![vec!["a:e0", "b:e0"], vec!["a:e1", "c:e0"]]);
    }
}
