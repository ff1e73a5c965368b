//! Records kept in memory up to a budget and in unnamed temporary files beyond it, so that a
//! run over a corpus of any size holds a bounded number of them at once.
//!
//! Linking spills two kinds of records: the linkable events of the run, partitioned so that
//! events that may meet (same sub-event type and province) are always in one partition and a
//! partition can be linked on its own; and the incidents found, read back in the order of
//! their first report. Both are written in a small binary form of their own ([`Encoder`],
//! [`Decoder`]), never read by anything but this module. Temporary files are created unnamed
//! where the platform allows it (removed by the system when the process ends, however it ends)
//! in the folder the caller gives, which is the output folder for the command: a system temp
//! folder is often in memory.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use polemos_core::{EventSummary, Incident, SubEventType};

/// Bytes of records held in memory, over all partitions, before they are written out.
pub(super) const MEMORY_BUDGET: usize = 8 * 1024 * 1024;

/// Appends values to a record.
pub(super) struct Encoder<'a>(pub &'a mut Vec<u8>);

impl Encoder<'_> {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }

    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        // Strings here are ids, names and places, far below 4 GiB; longer ones are cut at a
        // character boundary rather than written with a wrong length.
        let mut end = s.len().min(u32::MAX as usize - 1);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        self.u32(end as u32);
        self.0.extend_from_slice(&s.as_bytes()[..end]);
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.u32(u32::MAX),
        }
    }

    fn opt_u32(&mut self, v: Option<u32>) {
        match v {
            Some(v) => {
                self.u8(1);
                self.u32(v);
            }
            None => self.u8(0),
        }
    }

    fn date(&mut self, d: Option<NaiveDate>) {
        let days = d.map_or(i32::MIN, |d| d.num_days_from_ce());
        self.u32(days as u32);
    }

    fn strs(&mut self, list: &[String]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s);
        }
    }

    fn count(&mut self, c: &Option<(u32, String)>) {
        match c {
            Some((n, by)) => {
                self.u8(1);
                self.u32(*n);
                self.str(by);
            }
            None => self.u8(0),
        }
    }

    fn sub_event_type(&mut self, t: SubEventType) {
        let index = SubEventType::ALL.iter().position(|x| *x == t).unwrap_or(0);
        self.u8(index as u8);
    }

    /// An event with its number in the run.
    pub fn event(&mut self, seq: u64, e: &EventSummary) {
        self.u64(seq);
        self.str(&e.event_id);
        self.str(&e.doc_id);
        self.sub_event_type(e.sub_event_type);
        self.opt_str(e.admin1.as_deref());
        self.opt_str(e.location.as_deref());
        self.u8(u8::from(e.vague_location));
        self.date(e.date_start);
        self.date(e.date_end);
        self.opt_str(e.actor1.as_deref());
        self.opt_str(e.actor2.as_deref());
        self.opt_u32(e.fatalities);
        self.str(&e.reported_by);
    }

    /// An incident, without its id (given when incidents are numbered).
    pub fn incident(&mut self, i: &Incident) {
        self.strs(&i.event_ids);
        self.strs(&i.doc_ids);
        self.strs(&i.reporters);
        self.sub_event_type(i.sub_event_type);
        self.opt_str(i.admin1.as_deref());
        self.opt_str(i.location.as_deref());
        self.date(i.date_start);
        self.date(i.date_end);
        self.opt_str(i.actor1.as_deref());
        self.opt_str(i.actor2.as_deref());
        self.count(&i.fatalities_min);
        self.count(&i.fatalities_max);
    }
}

/// Reads values back from a record written by [`Encoder`]; `None` when the record ends early
/// (which only a damaged temporary file could cause).
pub(super) struct Decoder<'a> {
    bytes: &'a [u8],
}

impl<'a> Decoder<'a> {
    pub fn new(bytes: &'a [u8]) -> Decoder<'a> {
        Decoder { bytes }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        self.take(8)?.try_into().ok().map(u64::from_le_bytes)
    }

    fn string_of(&mut self, len: u32) -> Option<String> {
        let bytes = self.take(len as usize)?;
        std::str::from_utf8(bytes).ok().map(str::to_string)
    }

    fn str(&mut self) -> Option<String> {
        let len = self.u32()?;
        self.string_of(len)
    }

    fn opt_str(&mut self) -> Option<Option<String>> {
        match self.u32()? {
            u32::MAX => Some(None),
            len => self.string_of(len).map(Some),
        }
    }

    fn opt_u32(&mut self) -> Option<Option<u32>> {
        match self.u8()? {
            0 => Some(None),
            _ => self.u32().map(Some),
        }
    }

    fn date(&mut self) -> Option<Option<NaiveDate>> {
        match self.u32()? as i32 {
            i32::MIN => Some(None),
            days => NaiveDate::from_num_days_from_ce_opt(days).map(Some),
        }
    }

    fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.u32()? as usize;
        // Not trusting a count to allocate: each string takes at least its 4-byte length.
        let mut out = Vec::with_capacity(n.min(self.bytes.len() / 4));
        for _ in 0..n {
            out.push(self.str()?);
        }
        Some(out)
    }

    fn count(&mut self) -> Option<Option<(u32, String)>> {
        match self.u8()? {
            0 => Some(None),
            _ => Some(Some((self.u32()?, self.str()?))),
        }
    }

    fn sub_event_type(&mut self) -> Option<SubEventType> {
        SubEventType::ALL.get(self.u8()? as usize).copied()
    }

    pub fn event(&mut self) -> Option<(u64, EventSummary)> {
        let seq = self.u64()?;
        let e = EventSummary {
            event_id: self.str()?,
            doc_id: self.str()?,
            sub_event_type: self.sub_event_type()?,
            admin1: self.opt_str()?,
            location: self.opt_str()?,
            vague_location: self.u8()? != 0,
            date_start: self.date()?,
            date_end: self.date()?,
            actor1: self.opt_str()?,
            actor2: self.opt_str()?,
            fatalities: self.opt_u32()?,
            reported_by: self.str()?,
        };
        Some((seq, e))
    }

    pub fn incident(&mut self) -> Option<Incident> {
        Some(Incident {
            incident_id: String::new(),
            event_ids: self.strs()?,
            doc_ids: self.strs()?,
            reporters: self.strs()?,
            sub_event_type: self.sub_event_type()?,
            admin1: self.opt_str()?,
            location: self.opt_str()?,
            date_start: self.date()?,
            date_end: self.date()?,
            actor1: self.opt_str()?,
            actor2: self.opt_str()?,
            fatalities_min: self.count()?,
            fatalities_max: self.count()?,
        })
    }
}

/// Length-prefixed records in memory, and in a temporary file once written out.
#[derive(Debug, Default)]
struct Records {
    memory: Vec<u8>,
    file: Option<File>,
    /// Bytes of whole records in the file: a write that fails is cut back to this.
    file_len: u64,
}

impl Records {
    fn push(&mut self, encode: impl FnOnce(&mut Encoder<'_>)) -> usize {
        let start = self.memory.len();
        self.memory.extend_from_slice(&[0; 4]);
        encode(&mut Encoder(&mut self.memory));
        let len = (self.memory.len() - start - 4) as u32;
        self.memory[start..start + 4].copy_from_slice(&len.to_le_bytes());
        self.memory.len() - start
    }

    /// Moves the records in memory to the file (created in `dir` on first use).
    fn write_out(&mut self, dir: &std::path::Path) -> io::Result<()> {
        if self.memory.is_empty() {
            return Ok(());
        }
        let file = match &mut self.file {
            Some(f) => f,
            None => self.file.insert(tempfile::tempfile_in(dir)?),
        };
        let written = file
            .seek(SeekFrom::Start(self.file_len))
            .and_then(|_| file.write_all(&self.memory));
        if let Err(e) = written {
            // Nothing half-written is ever read back: the records stay in memory.
            let _ = file.set_len(self.file_len);
            return Err(e);
        }
        self.file_len += self.memory.len() as u64;
        self.memory = Vec::new();
        Ok(())
    }

    /// Calls `each` with every record, in the order pushed (file first, then memory), and
    /// empties the store.
    fn drain(&mut self, mut each: impl FnMut(&[u8])) -> io::Result<()> {
        if let Some(mut file) = self.file.take() {
            file.seek(SeekFrom::Start(0))?;
            let mut reader = BufReader::new(file.take(self.file_len));
            let mut record = Vec::new();
            let mut len = [0u8; 4];
            loop {
                match reader.read_exact(&mut len) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break,
                    Err(e) => return Err(e),
                }
                record.resize(u32::from_le_bytes(len) as usize, 0);
                reader.read_exact(&mut record)?;
                each(&record);
            }
        }
        let memory = std::mem::take(&mut self.memory);
        let mut rest = memory.as_slice();
        while rest.len() >= 4 {
            let len = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
            let Some(record) = rest.get(4..4 + len) else {
                break;
            };
            each(record);
            rest = &rest[4 + len..];
        }
        self.file_len = 0;
        Ok(())
    }
}

/// Records in a fixed number of partitions, with one memory budget over all of them.
#[derive(Debug)]
pub(super) struct Partitions {
    parts: Vec<Records>,
    /// Where records beyond the budget go; `None`: all stay in memory (also after a write
    /// failed: a full disk costs memory, never records).
    dir: Option<PathBuf>,
    in_memory: usize,
    budget: usize,
}

impl Partitions {
    pub fn new(n: usize, dir: Option<PathBuf>, budget: usize) -> Partitions {
        Partitions {
            parts: (0..n).map(|_| Records::default()).collect(),
            dir,
            in_memory: 0,
            budget,
        }
    }

    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether some records were written to disk.
    #[cfg(test)]
    pub fn spilled(&self) -> bool {
        self.parts.iter().any(|p| p.file.is_some())
    }

    /// Appends a record to partition `p`, writing every partition out once the budget is
    /// reached.
    pub fn push(&mut self, p: usize, encode: impl FnOnce(&mut Encoder<'_>)) {
        self.in_memory += self.parts[p].push(encode);
        if self.in_memory >= self.budget {
            self.write_out();
        }
    }

    fn write_out(&mut self) {
        let Some(dir) = self.dir.clone() else {
            return;
        };
        for part in &mut self.parts {
            if part.write_out(&dir).is_err() {
                self.dir = None;
                break;
            }
        }
        self.in_memory = self.parts.iter().map(|p| p.memory.len()).sum();
    }

    /// Calls `each` with every record of partition `p`, in the order pushed, and empties it.
    pub fn drain(&mut self, p: usize, each: impl FnMut(&[u8])) -> io::Result<()> {
        let part = &mut self.parts[p];
        self.in_memory -= part.memory.len();
        part.drain(each)
    }
}

/// Incidents found partition by partition, read back in the order of their first report.
#[derive(Debug)]
pub(super) struct IncidentFile {
    /// For each incident: its first report's number in the run, and where its record starts
    /// and how long it is (in `memory`, or in `file` once written out).
    index: Vec<(u64, Place)>,
    memory: Vec<u8>,
    file: Option<BufWriter<File>>,
    file_len: u64,
    dir: Option<PathBuf>,
    budget: usize,
}

#[derive(Debug, Clone, Copy)]
enum Place {
    Memory(usize, usize),
    File(u64, usize),
}

impl IncidentFile {
    pub fn new(dir: Option<PathBuf>, budget: usize) -> IncidentFile {
        IncidentFile {
            index: Vec::new(),
            memory: Vec::new(),
            file: None,
            file_len: 0,
            dir,
            budget,
        }
    }

    /// Whether some incidents were written to disk.
    #[cfg(test)]
    pub fn spilled(&self) -> bool {
        self.file.is_some()
    }

    pub fn push(&mut self, first_report: u64, incident: &Incident) -> io::Result<()> {
        let start = self.memory.len();
        Encoder(&mut self.memory).incident(incident);
        let len = self.memory.len() - start;
        if self.memory.len() < self.budget {
            self.index.push((first_report, Place::Memory(start, len)));
            return Ok(());
        }
        let Some(dir) = &self.dir else {
            self.index.push((first_report, Place::Memory(start, len)));
            return Ok(());
        };
        let file = match &mut self.file {
            Some(f) => f,
            None => self
                .file
                .insert(BufWriter::new(tempfile::tempfile_in(dir)?)),
        };
        let record = &self.memory[start..];
        file.write_all(record)?;
        self.index
            .push((first_report, Place::File(self.file_len, len)));
        self.file_len += len as u64;
        self.memory.truncate(start);
        Ok(())
    }

    /// Calls `each` with every incident, in the order of their first reports.
    pub fn read_in_order(self, mut each: impl FnMut(Incident)) -> io::Result<()> {
        let IncidentFile {
            mut index,
            memory,
            file,
            ..
        } = self;
        index.sort_by_key(|(first, _)| *first);
        let mut file = match file {
            Some(f) => Some(f.into_inner().map_err(|e| e.into_error())?),
            None => None,
        };
        let mut buffer = Vec::new();
        for (_, place) in index {
            let bytes = match place {
                Place::Memory(start, len) => &memory[start..start + len],
                Place::File(offset, len) => {
                    let Some(f) = file.as_mut() else { continue };
                    f.seek(SeekFrom::Start(offset))?;
                    buffer.resize(len, 0);
                    f.read_exact(&mut buffer)?;
                    &buffer[..]
                }
            };
            if let Some(incident) = Decoder::new(bytes).incident() {
                each(incident);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(n: u32) -> EventSummary {
        EventSummary {
            event_id: format!("d{n}:e0"),
            doc_id: format!("d{n}"),
            sub_event_type: SubEventType::ALL[n as usize % SubEventType::ALL.len()],
            admin1: Some("Ninawa".into()),
            location: (n % 2 == 0).then(|| "Tal Afar".to_string()),
            vague_location: n % 3 == 0,
            date_start: NaiveDate::from_ymd_opt(2016, 10, 17),
            date_end: None,
            actor1: Some("Islamic State".into()),
            actor2: None,
            fatalities: (n % 4 == 0).then_some(n),
            reported_by: "Rudaw".into(),
        }
    }

    #[test]
    fn events_and_incidents_come_back_as_written() {
        let mut bytes = Vec::new();
        let e = summary(4);
        Encoder(&mut bytes).event(17, &e);
        assert_eq!(Decoder::new(&bytes).event(), Some((17, e)));
        let incident = Incident {
            incident_id: String::new(),
            event_ids: vec!["a:e0".into(), "b:e2".into()],
            doc_ids: vec!["a".into(), "b".into()],
            reporters: vec!["Rudaw".into()],
            sub_event_type: SubEventType::ArmedClash,
            admin1: None,
            location: Some("Mosul".into()),
            date_start: NaiveDate::from_ymd_opt(2016, 10, 17),
            date_end: NaiveDate::from_ymd_opt(2016, 10, 18),
            actor1: None,
            actor2: Some("Islamic State".into()),
            fatalities_min: Some((3, "a".into())),
            fatalities_max: None,
        };
        bytes.clear();
        Encoder(&mut bytes).incident(&incident);
        assert_eq!(Decoder::new(&bytes).incident(), Some(incident));
        // A record cut short decodes to nothing rather than to a wrong value.
        assert_eq!(Decoder::new(&bytes[..bytes.len() - 1]).incident(), None);
    }

    #[test]
    fn records_past_the_budget_go_to_disk_and_come_back_in_order() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut parts = Partitions::new(3, Some(dir.path().to_path_buf()), MEMORY_BUDGET);
        let n = 150_000u32;
        for i in 0..n {
            parts.push(i as usize % 3, |enc| enc.event(u64::from(i), &summary(i)));
        }
        assert!(parts.parts.iter().all(|p| p.file.is_some()));
        assert!(parts.in_memory < MEMORY_BUDGET);
        // Unnamed files: nothing is left in the folder to clean up.
        assert_eq!(
            std::fs::read_dir(dir.path()).map(|d| d.count()).ok(),
            Some(0)
        );
        for p in 0..3 {
            let mut seen = Vec::new();
            parts
                .drain(p, |r| seen.push(Decoder::new(r).event()))
                .expect("read back");
            let expected: Vec<_> = (0..n)
                .filter(|i| *i as usize % 3 == p)
                .map(|i| Some((u64::from(i), summary(i))))
                .collect();
            assert_eq!(seen, expected);
        }
    }
}
