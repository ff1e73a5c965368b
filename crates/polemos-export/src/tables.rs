//! The six output tables as Arrow record batches, and how extractions become rows.

use arrow_array::RecordBatch;
use std::borrow::Borrow;

use polemos_core::{
    ActorRef, DocumentExtraction, Event, EventSummary, Incident, Location, Mention,
};

pub(crate) use crate::columns::int32;
use crate::columns::int64;
use crate::incidents::incidents_table;
use crate::schema::{
    DocumentRow, DocumentsBuilder, EventRow, EventsBuilder, FurnitureBuilder, FurnitureRow,
    MentionRow, MentionsBuilder, SentenceRow, SentencesBuilder, Table,
};

/// The output of a run: one record batch per table, each with [`Table::schema`].
#[derive(Debug, Clone)]
pub struct Tables {
    pub documents: RecordBatch,
    pub sentences: RecordBatch,
    pub mentions: RecordBatch,
    pub events: RecordBatch,
    pub furniture: RecordBatch,
    pub incidents: RecordBatch,
}

impl Tables {
    /// Tables with no rows.
    pub fn empty() -> Tables {
        TablesBuilder::default().finish()
    }

    /// The batch of `table`.
    pub fn get(&self, table: Table) -> &RecordBatch {
        match table {
            Table::Documents => &self.documents,
            Table::Sentences => &self.sentences,
            Table::Mentions => &self.mentions,
            Table::Events => &self.events,
            Table::Furniture => &self.furniture,
            Table::Incidents => &self.incidents,
        }
    }

    /// Every table with its batch, in [`Table::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Table, &RecordBatch)> + '_ {
        Table::ALL.into_iter().map(move |t| (t, self.get(t)))
    }

    /// Number of rows of `table`.
    pub fn num_rows(&self, table: Table) -> usize {
        self.get(table).num_rows()
    }

    /// Consumes the tables into `(table, batch)` pairs, in [`Table::ALL`] order.
    pub fn into_batches(self) -> [(Table, RecordBatch); 6] {
        [
            (Table::Documents, self.documents),
            (Table::Sentences, self.sentences),
            (Table::Mentions, self.mentions),
            (Table::Events, self.events),
            (Table::Furniture, self.furniture),
            (Table::Incidents, self.incidents),
        ]
    }
}

/// Builds [`Tables`] from all extractions at once. Incidents need linking across documents,
/// which `polemos-extract` does: see [`TablesBuilder::finish_with_incidents`]; here the
/// incidents table is empty.
///
/// Use [`TablesBuilder`] instead to convert a large corpus chunk by chunk, so that the
/// extractions of only one chunk are alive at a time.
pub fn tables(extractions: &[DocumentExtraction]) -> Tables {
    let mut builder = TablesBuilder::default();
    builder.push_all(extractions);
    builder.finish()
}

/// [`tables`] from extractions that are not needed afterwards: each is freed as its rows go
/// in ([`TablesBuilder::push_owned`]), so that a chunk's extractions and its tables are not
/// both held whole.
pub fn tables_from(extractions: Vec<DocumentExtraction>) -> Tables {
    let mut builder = TablesBuilder::default();
    builder.push_all_owned(extractions);
    builder.finish()
}

/// Appends extractions to the tables incrementally, keeping of each event only the small
/// summary incident linking needs.
#[derive(Debug, Default)]
pub struct TablesBuilder {
    documents: DocumentsBuilder,
    sentences: SentencesBuilder,
    mentions: MentionsBuilder,
    events: EventsBuilder,
    furniture: FurnitureBuilder,
    summaries: Vec<EventSummary>,
}

impl TablesBuilder {
    pub fn new() -> TablesBuilder {
        TablesBuilder::default()
    }

    /// Appends the rows of each extraction, in order.
    pub fn push_all(&mut self, extractions: &[DocumentExtraction]) {
        for extraction in extractions {
            self.push(extraction);
        }
    }

    /// Appends the rows of one document to every table.
    pub fn push(&mut self, x: &DocumentExtraction) {
        self.push_document(x);
        self.push_sentences(x);
        self.push_mentions(x, &x.mentions);
        self.push_events(x, &x.events);
        self.push_furniture(x);
        self.summaries
            .extend(EventSummary::of(std::slice::from_ref(x)));
    }

    /// Appends the rows of each extraction, in order, freeing each one as it goes.
    pub fn push_all_owned(&mut self, extractions: Vec<DocumentExtraction>) {
        for extraction in extractions {
            self.push_owned(extraction);
        }
    }

    /// Appends the rows of one document, as [`push`](Self::push) does, freeing each mention
    /// and event once its row is in: a very long document's extraction (millions of
    /// mentions) and its tables are then never both held whole.
    pub fn push_owned(&mut self, mut x: DocumentExtraction) {
        self.push_document(&x);
        self.summaries
            .extend(EventSummary::of(std::slice::from_ref(&x)));
        let mentions = std::mem::take(&mut x.mentions);
        self.push_mentions(&x, mentions);
        let events = std::mem::take(&mut x.events);
        self.push_events(&x, events);
        self.push_sentences(&x);
        self.push_furniture(&x);
    }

    /// The tables holding every row pushed so far, with no incidents.
    pub fn finish(self) -> Tables {
        self.finish_with_incidents(|_| Vec::new())
    }

    /// The tables holding every row pushed so far, with the incidents `link` finds among the
    /// events (`polemos_extract::link_incidents`).
    pub fn finish_with_incidents(
        mut self,
        link: impl FnOnce(&[EventSummary]) -> Vec<Incident>,
    ) -> Tables {
        Tables {
            incidents: incidents_table(&link(&self.summaries)),
            documents: finish(self.documents.finish(Table::Documents.schema())),
            sentences: finish(self.sentences.finish(Table::Sentences.schema())),
            mentions: finish(self.mentions.finish(Table::Mentions.schema())),
            events: finish(self.events.finish(Table::Events.schema())),
            furniture: finish(self.furniture.finish(Table::Furniture.schema())),
        }
    }

    fn push_document(&mut self, x: &DocumentExtraction) {
        let p = &x.parsed;
        let doc = &p.doc;
        let furniture_bytes: usize = p.furniture.iter().map(|f| f.span.len()).sum();
        self.documents.push(DocumentRow {
            doc_id: &doc.id,
            page_id: &doc.page_id,
            story_index: int32(doc.story_index),
            source: &doc.source,
            format: &doc.format,
            encoding: doc.encoding.as_deref(),
            status: doc.status.as_str(),
            error: doc.error.as_deref(),
            warning: doc.warning.as_deref(),
            language: doc.language.as_deref(),
            headline: p.headline_text(),
            title: doc.title.as_deref(),
            url: doc.url.as_deref(),
            dateline: p.dateline.as_ref().map(|d| d.span.slice(&doc.text)),
            published: doc.published,
            published_source: doc.published_source.map(|s| s.as_str()),
            n_sentences: int32(p.sentences.len()),
            n_mentions: int32(x.mentions.len()),
            n_events: int32(x.events.len()),
            furniture_bytes: int32(furniture_bytes),
            text: &doc.text,
        });
    }

    fn push_sentences(&mut self, x: &DocumentExtraction) {
        let doc = &x.parsed.doc;
        for s in &x.parsed.sentences {
            self.sentences.push(SentenceRow {
                doc_id: &doc.id,
                sentence: int32(s.index),
                kind: s.kind.as_str(),
                start: int32(s.span.start),
                end: int32(s.span.end),
                n_tokens: int32(s.n_tokens),
                text: s.span.slice(&doc.text),
            });
        }
    }

    /// The rows of `mentions`, the mentions of `x` (borrowed, or taken out of it and dropped
    /// one by one).
    fn push_mentions<M: Borrow<Mention>>(
        &mut self,
        x: &DocumentExtraction,
        mentions: impl IntoIterator<Item = M>,
    ) {
        let doc = &x.parsed.doc;
        for (i, m) in mentions.into_iter().enumerate() {
            let m = m.borrow();
            let loc = m.location.as_deref();
            let event_id = m.event.map(|e| x.event_id(e as usize));
            self.mentions.push(MentionRow {
                doc_id: &doc.id,
                mention: int32(i),
                sentence: int32(m.sentence),
                kind: m.kind.as_str(),
                start: int32(m.span.start),
                end: int32(m.span.end),
                text: m.span.slice(&doc.text),
                canonical: &m.canonical,
                actor_category: m.actor_category.map(|c| c.as_str()),
                count: m.count.map(int32),
                country: loc.and_then(country_code),
                admin1: loc.and_then(|l| l.admin1.as_deref()),
                admin2: loc.and_then(|l| l.admin2.as_deref()),
                latitude: loc.map(|l| l.latitude),
                longitude: loc.map(|l| l.longitude),
                geonames_id: loc.and_then(geonames_id),
                feature: loc.map(|l| l.feature.as_str()),
                geo_precision: loc.map(geo_precision),
                event_id: event_id.as_deref(),
                rule: &m.rule,
            });
        }
    }

    /// The rows of `events`, the events of `x` (borrowed, or taken out of it).
    fn push_events<E: Borrow<Event>>(
        &mut self,
        x: &DocumentExtraction,
        events: impl IntoIterator<Item = E>,
    ) {
        let doc = &x.parsed.doc;
        for (i, e) in events.into_iter().enumerate() {
            let e = e.borrow();
            let event_id = x.event_id(i);
            let (a1, a2) = (e.actor1.as_ref(), e.actor2.as_ref());
            let loc = e.location.as_ref();
            let c = &e.casualties;
            let attribution = e.attribution.as_ref();
            self.events.push(EventRow {
                event_id: &event_id,
                doc_id: &doc.id,
                sentence: int32(e.sentence),
                sentence_start: int32(e.sentence_span.start),
                sentence_end: int32(e.sentence_span.end),
                trigger_start: int32(e.trigger_span.start),
                trigger_end: int32(e.trigger_span.end),
                trigger: e.trigger_span.slice(&doc.text),
                event_type: e.event_type().as_str(),
                sub_event_type: e.sub_event_type.as_str(),
                method: e.method.as_deref(),
                cameo: e.cameo.as_deref(),
                plover: e.plover.as_deref(),
                actor1: a1.map(|a| a.name.as_str()),
                actor1_category: a1.map(|a| a.category.as_str()),
                actor1_country: a1.and_then(actor_country),
                actor2: a2.map(|a| a.name.as_str()),
                actor2_category: a2.map(|a| a.category.as_str()),
                actor2_country: a2.and_then(actor_country),
                location: loc.map(|l| l.name.as_str()),
                country: loc.and_then(country_code),
                admin1: loc.and_then(|l| l.admin1.as_deref()),
                admin2: loc.and_then(|l| l.admin2.as_deref()),
                latitude: loc.map(|l| l.latitude),
                longitude: loc.map(|l| l.longitude),
                geonames_id: loc.and_then(geonames_id),
                geo_precision: loc.map(geo_precision),
                published: doc.published,
                date_start: e.date.start,
                date_end: e.date.end,
                time_precision: e.date.precision.map(i32::from),
                date_text: e.date.span.map(|s| s.slice(&doc.text)),
                fatalities: c.killed.map(int32),
                injured: c.injured.map(int32),
                civilians_killed: c.civilians_killed.map(int32),
                children_killed: c.children_killed.map(int32),
                women_killed: c.women_killed.map(int32),
                combatants_killed: c.combatants_killed.map(int32),
                modality: e.modality.as_str(),
                certainty: e.certainty.as_str(),
                source: attribution.map(|a| a.source.as_str()),
                source_kind: attribution.map(|a| a.source_kind.as_str()),
                reporting_verb: attribution.map(|a| a.verb.as_str()),
                n_reports: int32(e.evidence.len()),
                is_lead: e.is_lead,
                rule: &e.rule,
                sentence_text: e.sentence_span.slice(&doc.text),
                model_label: e.typing.as_ref().map(|t| t.label.as_str()),
                model_probability: e.typing.as_ref().map(|t| f64::from(t.probability)),
                rules_sub_event_type: e
                    .typing
                    .as_ref()
                    .and_then(|t| t.rules_sub_event_type.map(|s| s.as_str())),
            });
        }
    }

    fn push_furniture(&mut self, x: &DocumentExtraction) {
        let doc = &x.parsed.doc;
        for f in &x.parsed.furniture {
            self.furniture.push(FurnitureRow {
                doc_id: &doc.id,
                start: int32(f.span.start),
                end: int32(f.span.end),
                kind: f.kind.as_str(),
                text: f.span.slice(&doc.text),
            });
        }
    }
}

fn actor_country(actor: &ActorRef) -> Option<&str> {
    actor.country.as_deref()
}

/// A location's country code; none for a place in no country (a continent).
fn country_code(l: &Location) -> Option<&str> {
    Some(l.country.as_str()).filter(|c| !c.is_empty())
}

fn geonames_id(loc: &Location) -> Option<i64> {
    loc.geonames_id.map(int64)
}

fn geo_precision(loc: &Location) -> i32 {
    i32::from(loc.precision.code())
}

/// Unwraps a batch made by a generated builder.
///
/// `RecordBatch::try_new` checks the column count, types, lengths and nullability against the
/// schema. The builders are generated from the same column list as the schema, take one value per
/// column per row and only take `Option`s for nullable columns, so none of the checks can fail;
/// the tests build every table with rows to keep it so.
pub(crate) fn finish_batch(batch: Result<RecordBatch, arrow_schema::ArrowError>) -> RecordBatch {
    finish(batch)
}

fn finish(batch: Result<RecordBatch, arrow_schema::ArrowError>) -> RecordBatch {
    #[allow(clippy::expect_used)]
    batch.expect("generated builders always match their schema")
}
