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

mod spill;
mod store;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use polemos_core::SubEventType;
pub use polemos_core::{EventSummary, Incident};

use spill::{Decoder, IncidentFile, Partitions, MEMORY_BUDGET};
use store::{Compact, Store, Sym, NONE};

/// How far apart, in days, two reports' dates may be and still describe one incident.
const DATE_TOLERANCE_DAYS: i32 = 1;

/// The last day a report ending on `day` may be linked with one starting on.
fn widen(day: i32) -> i32 {
    day.saturating_add(DATE_TOLERANCE_DAYS)
}

/// Whether two known values agree: the same, or one of them unknown.
fn compatible(a: Sym, b: Sym) -> bool {
    a == NONE || b == NONE || a == b
}

fn same_incident(a: &Compact, b: &Compact) -> bool {
    let dates = match (a.date_end, b.date_end) {
        (Some(e1), Some(e2)) => a.date_start <= widen(e2) && b.date_start <= widen(e1),
        _ => false,
    };
    let places = a.location == b.location || a.vague_location || b.vague_location;
    a.doc != b.doc
        && a.sub_event_type == b.sub_event_type
        && a.admin1 == b.admin1
        && places
        && dates
        && compatible(a.actor1, b.actor1)
        && compatible(a.actor2, b.actor2)
}

/// What an incident being built holds that a report joining it must agree with: the documents
/// already in it (one document's reports of an incident are merged into one event before
/// linking, so two events of one document are two incidents) and the actors known so far.
/// Without this, linking through a report that names no actor would chain "IS attacked" and
/// "the army attacked" into one incident.
///
/// Incidents can grow large (many outlets' reports of a battle, chained through reports with
/// vague places), so the documents are a set, a join looks up the smaller group's documents
/// in the larger's, and a merge moves the smaller set into the larger: linking stays near
/// linear however large incidents get.
#[derive(Debug, Default, Clone)]
struct Group {
    docs: HashSet<Sym>,
    actor1: Option<Sym>,
    actor2: Option<Sym>,
}

impl Group {
    fn of(e: &Compact) -> Group {
        let known = |s: Sym| (s != NONE).then_some(s);
        Group {
            docs: HashSet::from([e.doc]),
            actor1: known(e.actor1),
            actor2: known(e.actor2),
        }
    }

    fn joins(&self, other: &Group) -> bool {
        let agree = |a: Option<Sym>, b: Option<Sym>| a.is_none() || b.is_none() || a == b;
        let (small, large) = if self.docs.len() <= other.docs.len() {
            (&self.docs, &other.docs)
        } else {
            (&other.docs, &self.docs)
        };
        // Actors first: a look each, where documents take one per document of the smaller.
        agree(self.actor1, other.actor1)
            && agree(self.actor2, other.actor2)
            && !small.iter().any(|d| large.contains(d))
    }

    fn absorb(&mut self, mut other: Group) {
        if other.docs.len() > self.docs.len() {
            std::mem::swap(&mut self.docs, &mut other.docs);
        }
        self.docs.extend(other.docs);
        self.actor1 = self.actor1.or(other.actor1);
        self.actor2 = self.actor2.or(other.actor2);
    }
}

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        parent[i as usize] = parent[parent[i as usize] as usize];
        i = parent[i as usize];
    }
    i
}

/// Whether an event can be part of an incident at all: it needs a date and a province. A caller
/// that keeps summaries for a whole corpus can drop the others early ([`IncidentLinker`] does).
pub fn can_link(e: &EventSummary) -> bool {
    e.admin1.is_some() && e.date_start.is_some()
}

/// Links events reported by several documents into incidents. Events no other document reports
/// form no incident.
pub fn link_incidents(events: &[EventSummary]) -> Vec<Incident> {
    let mut linker = IncidentLinker::new();
    for e in events {
        linker.push(e);
    }
    let mut incidents = Vec::new();
    // In memory, linking reads nothing back from disk and cannot fail.
    let _ = linker.link_each(|i| incidents.push(i));
    incidents
}

/// Partitions of the events kept: events that can meet (same sub-event type, same province)
/// are always in one partition, so each is linked on its own and only one is held whole at a
/// time. Enough partitions that the largest (a province's air strikes in a corpus about one
/// war) stays a small share of the run.
const PARTITIONS: usize = 64;

/// Collects the events of a whole run, a chunk of documents at a time, and links them into
/// incidents at the end ([`link_incidents`] for events held in memory anyway). Only events that
/// can link are kept. Made with [`IncidentLinker::spilling_to`], it holds at most a few MiB of
/// them in memory and the rest in unnamed temporary files, so that memory does not grow with
/// the corpus; linking then holds one partition at a time (about 64 bytes per event, with
/// every distinct string stored once).
#[derive(Debug)]
pub struct IncidentLinker {
    partitions: Partitions,
    /// Events pushed so far, kept or not: each kept event's number, so that incidents are
    /// numbered in the order of their first report whatever the partition.
    seen: u64,
    kept: usize,
    dir: Option<std::path::PathBuf>,
    /// Bytes of events, and of incidents found, held in memory before the rest is written out.
    budget: usize,
    /// Whether the last linking wrote incidents to disk.
    #[cfg(test)]
    spilled_incidents: bool,
}

impl Default for IncidentLinker {
    fn default() -> IncidentLinker {
        IncidentLinker::new()
    }
}

impl IncidentLinker {
    /// A linker that keeps every event in memory.
    pub fn new() -> IncidentLinker {
        IncidentLinker {
            partitions: Partitions::new(PARTITIONS, None, MEMORY_BUDGET),
            seen: 0,
            kept: 0,
            dir: None,
            budget: MEMORY_BUDGET,
            #[cfg(test)]
            spilled_incidents: false,
        }
    }

    /// A linker that writes events beyond a few MiB to unnamed temporary files in `dir` (which
    /// must exist), and the incidents found too. Should writing events fail (a full disk), it
    /// keeps them in memory instead; should writing incidents fail, [`IncidentLinker::link_each`]
    /// returns the error.
    pub fn spilling_to(dir: &std::path::Path) -> IncidentLinker {
        IncidentLinker::with_budget(dir, MEMORY_BUDGET)
    }

    fn with_budget(dir: &std::path::Path, budget: usize) -> IncidentLinker {
        IncidentLinker {
            partitions: Partitions::new(PARTITIONS, Some(dir.to_path_buf()), budget),
            dir: Some(dir.to_path_buf()),
            budget,
            ..IncidentLinker::new()
        }
    }

    /// Adds an event; one without a date or a province ([`can_link`]) is not kept.
    pub fn push(&mut self, e: &EventSummary) {
        let seq = self.seen;
        self.seen += 1;
        let Some(admin1) = e.admin1.as_deref().filter(|_| can_link(e)) else {
            return;
        };
        let p = partition(e.sub_event_type, admin1, self.partitions.len());
        self.partitions.push(p, |enc| enc.event(seq, e));
        self.kept += 1;
    }

    /// The number of events kept.
    pub fn len(&self) -> usize {
        self.kept
    }

    pub fn is_empty(&self) -> bool {
        self.kept == 0
    }

    /// Links the events added into incidents and calls `emit` with each, numbered in order of
    /// its first report. Empties the linker. Fails only when a temporary file cannot be read
    /// back or written.
    pub fn link_each(&mut self, mut emit: impl FnMut(Incident)) -> std::io::Result<()> {
        let mut found = IncidentFile::new(self.dir.clone(), self.budget);
        for p in 0..self.partitions.len() {
            let mut store = Store::default();
            let mut seqs: Vec<u64> = Vec::new();
            self.partitions.drain(p, |record| {
                if let Some((seq, e)) = Decoder::new(record).event() {
                    if store.push(&e) {
                        seqs.push(seq);
                    }
                }
            })?;
            for members in groups(&store.events) {
                let reports: Vec<EventSummary> =
                    members.iter().map(|&i| store.summary(i)).collect();
                let incident = summarize(String::new(), reports.iter().collect());
                found.push(seqs[members[0]], &incident)?;
            }
        }
        self.kept = 0;
        #[cfg(test)]
        {
            self.spilled_incidents = found.spilled();
        }
        let mut n = 0usize;
        found.read_in_order(|mut incident| {
            incident.incident_id = format!("i{n}");
            n += 1;
            emit(incident);
        })
    }
}

/// The partition of events of type `t` in province `admin1`: a hash fixed across runs and
/// platforms (FNV-1a), though only which events share one matters.
fn partition(t: SubEventType, admin1: &str, n: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in t.as_str().bytes().chain([0]).chain(admin1.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % n as u64) as usize
}

/// The incidents among `events` (one partition's), each as its members' indices in order;
/// incidents in order of their first member. Only groups of two reports or more.
fn groups(events: &[Compact]) -> Vec<Vec<usize>> {
    // Working memory stays small per event: u32 indices, and a group only for events that
    // join another.
    let index = |i: usize| i as u32;
    // Only events sharing a type and a province can meet: compare within those blocks, in
    // date order, so a large corpus is not compared pair by pair.
    let mut blocks: HashMap<(SubEventType, Sym), Vec<u32>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        blocks
            .entry((e.sub_event_type, e.admin1))
            .or_default()
            .push(index(i));
    }
    let mut parent: Vec<u32> = (0..events.len()).map(index).collect();
    let mut groups: HashMap<u32, Group> = HashMap::new();
    // Incidents that were found not to join stay apart for good: a group only gains
    // documents and actors, so what kept two apart (a shared document, contradicting actors)
    // still does. Remembered by their roots, so that reports of two large incidents on the
    // same days are not compared group against group again for every pair of them.
    let mut apart: HashSet<(u32, u32)> = HashSet::new();
    for members in blocks.values_mut() {
        members.sort_by_key(|&i| (events[i as usize].date_start, i));
        for (k, &i) in members.iter().enumerate() {
            let reach = events[i as usize].date_end.map(widen);
            for &j in &members[k + 1..] {
                if Some(events[j as usize].date_start) > reach {
                    break;
                }
                if !same_incident(&events[i as usize], &events[j as usize]) {
                    continue;
                }
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a == b || apart.contains(&(a.min(b), a.max(b))) {
                    continue;
                }
                // A root that never joined another has no entry: its group is its event's.
                let of = |r: u32| Group::of(&events[r as usize]);
                let group = |r: u32| {
                    groups
                        .get(&r)
                        .map_or_else(|| Cow::Owned(of(r)), Cow::Borrowed)
                };
                let joins = group(a).joins(&group(b));
                if joins {
                    let (root, child) = (a.min(b), a.max(b));
                    parent[child as usize] = root;
                    let mut merged = groups.remove(&root).unwrap_or_else(|| of(root));
                    merged.absorb(groups.remove(&child).unwrap_or_else(|| of(child)));
                    groups.insert(root, merged);
                } else {
                    apart.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    drop(blocks);
    drop(groups);
    drop(apart);
    // Only roots of several reports get a member list, in order of their first report.
    let mut size: Vec<u32> = vec![0; events.len()];
    for i in 0..events.len() {
        let root = find(&mut parent, index(i));
        // Every event points at its root from here on.
        parent[i] = root;
        size[root as usize] += 1;
    }
    let mut number: HashMap<u32, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, &root) in parent.iter().enumerate() {
        if size[root as usize] < 2 {
            continue;
        }
        let n = *number.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[n].push(i);
    }
    members
}

/// The values in order of first appearance, each once (an incident may have thousands).
fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    values.filter(|v| seen.insert(v.clone())).collect()
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
    use chrono::{Days, NaiveDate};

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

    /// Whether two reports are linked into one incident.
    fn linked(a: &EventSummary, b: &EventSummary) -> bool {
        link_incidents(&[a.clone(), b.clone()]).len() == 1
    }

    #[test]
    fn different_places_types_actors_or_documents_stay_apart() {
        let base = ev("a:e0", "a", 9, "Homs", Some(8), "SANA");
        let mut other_place = ev("b:e0", "b", 9, "Talbiseh", Some(8), "SANA");
        assert!(!linked(&base, &other_place));
        other_place.vague_location = true;
        assert!(linked(&base, &other_place));
        let mut other_type = ev("b:e0", "b", 9, "Homs", None, "x");
        other_type.sub_event_type = SubEventType::AirDroneStrike;
        assert!(!linked(&base, &other_type));
        let mut other_actor = ev("b:e0", "b", 9, "Homs", None, "x");
        other_actor.actor2 = Some("Syrian government forces".into());
        assert!(!linked(&base, &other_actor));
        assert!(!linked(&base, &ev("a:e1", "a", 9, "Homs", None, "x")));
        let mut undated = ev("b:e0", "b", 9, "Homs", None, "x");
        undated.date_start = None;
        assert!(!linked(&base, &undated));
        let mut two_days_later = ev("b:e0", "b", 11, "Homs", None, "x");
        assert!(!linked(&base, &two_days_later));
        two_days_later.date_start = NaiveDate::from_ymd_opt(2017, 10, 10);
        assert!(linked(&base, &two_days_later));
    }

    #[test]
    fn the_linker_gives_what_linking_all_at_once_gives() {
        let events = vec![
            ev("a:e0", "a", 9, "Homs", Some(8), "SANA"),
            ev("b:e0", "b", 9, "Homs", Some(10), "b"),
            ev("c:e0", "c", 20, "Homs", Some(3), "SANA"),
            ev("d:e0", "d", 20, "Homs", None, "d"),
        ];
        let mut linker = IncidentLinker::new();
        for e in &events {
            linker.push(e);
        }
        let mut undated = ev("e:e0", "e", 9, "Homs", None, "e");
        undated.date_start = None;
        linker.push(&undated);
        assert_eq!(linker.len(), 4);
        let incidents = all(&mut linker);
        assert_eq!(incidents, link_incidents(&events));
        assert_eq!(incidents.len(), 2);
    }

    fn all(linker: &mut IncidentLinker) -> Vec<Incident> {
        let mut out = Vec::new();
        linker.link_each(|i| out.push(i)).expect("linking");
        out
    }

    #[test]
    fn a_linker_spilling_to_disk_gives_what_linking_in_memory_gives() {
        // Enough events, over provinces, types and days, that both events and incidents
        // outgrow the memory budget and partitions are read back from disk.
        let provinces = [
            "Homs", "Idlib", "Aleppo", "Deraa", "Kirkuk", "Borno", "Sool",
        ];
        let mut events = Vec::new();
        for n in 0..120_000u32 {
            let doc = format!("outlet-{}/article-{n}", n % 7);
            let mut e = ev(
                &format!("{doc}:e0"),
                &doc,
                1,
                provinces[(n / 196) as usize % provinces.len()],
                Some(n % 13),
                &format!("source {}", n % 5),
            );
            // Seven outlets report each day's event; days three apart never chain.
            let day = NaiveDate::from_ymd_opt(2001, 1, 1)
                .and_then(|d| d.checked_add_days(Days::new(u64::from(3 * (n / 7)))));
            (e.date_start, e.date_end) = (day, day);
            e.sub_event_type = SubEventType::ALL[(n / 1372) as usize % 6];
            e.admin1 = e.location.clone();
            if n % 11 == 0 {
                e.admin1 = None;
            }
            events.push(e);
        }
        let in_memory = link_incidents(&events);
        assert!(in_memory.len() > 10_000, "{}", in_memory.len());
        let dir = tempfile::tempdir().expect("temporary folder");
        // A budget of 1 MiB: events and incidents both spill.
        let mut linker = IncidentLinker::with_budget(dir.path(), 1 << 20);
        for e in &events {
            linker.push(e);
        }
        assert!(linker.partitions.spilled());
        assert_eq!(all(&mut linker), in_memory);
        assert!(linker.spilled_incidents);
        assert!(linker.is_empty());
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

    #[test]
    fn many_reports_of_one_incident_are_one_incident() {
        // Twenty outlets report one bombing on days 9 and 10; between them, reports of another
        // place's bombing.
        let mut events = Vec::new();
        for n in 0..20u32 {
            let doc = format!("d{n}");
            events.push(ev(
                &format!("{doc}:e0"),
                &doc,
                9 + n % 2,
                "Homs",
                Some(n),
                &doc,
            ));
            events.push(ev(&format!("{doc}:e1"), &doc, 15, "Talbiseh", None, &doc));
        }
        let incidents = link_incidents(&events);
        assert_eq!(incidents.len(), 2);
        assert_eq!(incidents[0].event_ids.len(), 20);
        assert_eq!(incidents[0].location.as_deref(), Some("Homs"));
        assert_eq!(incidents[0].fatalities_min, Some((0, "d0".to_string())));
        assert_eq!(incidents[0].fatalities_max, Some((19, "d19".to_string())));
        assert_eq!(incidents[1].event_ids.len(), 20);
        assert_eq!(incidents[1].location.as_deref(), Some("Talbiseh"));
    }
}
