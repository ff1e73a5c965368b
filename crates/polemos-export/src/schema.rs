//! The output schema: five flat tables, defined once.
//!
//! Each table is declared with [`define_table!`], which generates from one list of columns the
//! public [`ColumnSpec`]s (what `polemos schema` prints and `docs/schema.md` is checked against),
//! a typed row struct and a builder appending rows to Arrow arrays. Column order, types and
//! nullability therefore cannot disagree between the schema and the data.

use std::sync::{Arc, OnceLock};

use arrow_array::builder::ArrayBuilder;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, Field, Schema, SchemaRef};

use crate::columns::{Boolean, ColumnSpec, Date32, Float64, Int32, Int64, Kind, Nullable, Utf8};

/// Version of the output schema, recorded in Parquet files. Bumped when a column is added,
/// removed, renamed or changes type or meaning, so downstream code can check what it reads.
pub const SCHEMA_VERSION: &str = "3";

/// Declares one table: a `&[ColumnSpec]` constant, a row struct and its builder.
///
/// Every column takes exactly one `///` line, its description.
macro_rules! define_table {
    (
        $(#[doc = $tdoc:literal])*
        $columns:ident, $row:ident, $builder:ident {
            $( #[doc = $doc:literal] $col:ident : $kind:ty ),+ $(,)?
        }
    ) => {
        const $columns: &[ColumnSpec] = &[
            $(ColumnSpec {
                name: stringify!($col),
                column_type: <$kind as Kind>::TYPE,
                nullable: <$kind as Kind>::NULLABLE,
                description: $doc.trim_ascii(),
            }),+
        ];

        $(#[doc = $tdoc])*
        #[derive(Debug, Clone)]
        pub(crate) struct $row<'a> {
            $( #[doc = $doc] pub $col: <$kind as Kind>::Value<'a>, )+
        }

        /// Accumulates rows into one Arrow array per column.
        #[derive(Debug, Default)]
        pub(crate) struct $builder {
            $( $col: <$kind as Kind>::Builder, )+
        }

        impl $builder {
            pub(crate) fn push(&mut self, row: $row<'_>) {
                $( <$kind as Kind>::append(&mut self.$col, row.$col); )+
            }

            /// Takes the rows pushed so far as a batch with `schema`, leaving the builder empty.
            pub(crate) fn finish(&mut self, schema: SchemaRef) -> Result<RecordBatch, ArrowError> {
                let columns: Vec<ArrayRef> = vec![$( ArrayBuilder::finish(&mut self.$col) ),+];
                RecordBatch::try_new(schema, columns)
            }
        }
    };
}

define_table! {
    /// One row per document (story); a page split into several stories gives several rows.
    DOCUMENT_COLUMNS, DocumentRow, DocumentsBuilder {
        /// Unique document id: the caller's id, the path, `path#2` for a page's second story.
        doc_id: Utf8,
        /// Id of the page or record the story came from; equals doc_id when it was not split.
        page_id: Utf8,
        /// 0-based position of the story within its page.
        story_index: Int32,
        /// Where the document was read from: a path, `path:line` for a record, or `input[i]`.
        source: Utf8,
        /// Input format: text, txt, md, html, csv, jsonl, warc, ...
        format: Utf8,
        /// Character encoding the bytes were decoded from, when the input was bytes.
        encoding: Nullable<Utf8>,
        /// `ok`, `empty` (no text), `error` (could not be read or processed) or `not_coded` (not English).
        status: Utf8,
        /// Why the document could not be processed, when status is `error`.
        error: Nullable<Utf8>,
        /// What was done to a document processed only in part or not as given.
        warning: Nullable<Utf8>,
        /// Language of the text (ISO 639-1: `en`, `es`, `ar`...), when it could be told.
        language: Nullable<Utf8>,
        /// Text of the headline, when one was found.
        headline: Nullable<Utf8>,
        /// Title given by metadata (an input column, an HTML title).
        title: Nullable<Utf8>,
        /// Canonical URL, when known.
        url: Nullable<Utf8>,
        /// Text of the dateline ("DEIR EZ-ZOR, Syria (Reuters) -"), when one was found.
        dateline: Nullable<Utf8>,
        /// Publication date, when known.
        published: Nullable<Date32>,
        /// Where published came from: `input`, `metadata` or `dateline`.
        published_source: Nullable<Utf8>,
        /// Number of sentences (headline included).
        n_sentences: Int32,
        /// Number of mentions found.
        n_mentions: Int32,
        /// Number of events found.
        n_events: Int32,
        /// Bytes of text recognised as page furniture and excluded from extraction.
        furniture_bytes: Int32,
        /// The decoded text, verbatim: every start/end offset indexes into it (in bytes).
        text: Utf8,
    }
}

define_table! {
    /// One row per sentence; the headline, when there is one, is sentence 0.
    SENTENCE_COLUMNS, SentenceRow, SentencesBuilder {
        /// Document the sentence belongs to.
        doc_id: Utf8,
        /// 0-based index of the sentence in its document.
        sentence: Int32,
        /// `headline` or `body`.
        kind: Utf8,
        /// Byte offset of the sentence start in the document text.
        start: Int32,
        /// Byte offset just past the sentence end in the document text.
        end: Int32,
        /// Number of tokens in the sentence.
        n_tokens: Int32,
        /// The sentence as written.
        text: Utf8,
    }
}

define_table! {
    /// One row per mention: a place, actor, event trigger or casualty count found in the text.
    MENTION_COLUMNS, MentionRow, MentionsBuilder {
        /// Document the mention belongs to.
        doc_id: Utf8,
        /// 0-based index of the mention within its document.
        mention: Int32,
        /// Index of the sentence holding the mention.
        sentence: Int32,
        /// `place`, `actor`, `trigger` or `casualty`.
        kind: Utf8,
        /// Byte offset of the mention start in the document text.
        start: Int32,
        /// Byte offset just past the mention end in the document text.
        end: Int32,
        /// The mention as written.
        text: Utf8,
        /// Canonical name: the place, the actor, the trigger's sub-event type, the casualty group.
        canonical: Utf8,
        /// For actors, the ACLED-style category (state_forces, rebel_group, ...).
        actor_category: Nullable<Utf8>,
        /// For casualty counts, the number.
        count: Nullable<Int32>,
        /// For places, the ISO 3166-1 alpha-2 country code.
        country: Nullable<Utf8>,
        /// For places, the first-level administrative division (province, governorate).
        admin1: Nullable<Utf8>,
        /// For places, the second-level administrative division (district).
        admin2: Nullable<Utf8>,
        /// For places, the latitude in decimal degrees (WGS 84).
        latitude: Nullable<Float64>,
        /// For places, the longitude in decimal degrees (WGS 84).
        longitude: Nullable<Float64>,
        /// For places, the GeoNames id, when the gazetteer entry has one.
        geonames_id: Nullable<Int64>,
        /// For places, the gazetteer feature kind (country, admin1, city, town, airbase, ...).
        feature: Nullable<Utf8>,
        /// For places, ACLED geo-precision: 1 the place itself, 2 near it, 3 only the region.
        geo_precision: Nullable<Int32>,
        /// For triggers, the event_id of the event the trigger reports (several reports of one event are merged).
        event_id: Nullable<Utf8>,
        /// Id of the dictionary entry or pattern that produced the mention.
        rule: Utf8,
    }
}

define_table! {
    /// One row per event, coded in ACLED terms.
    EVENT_COLUMNS, EventRow, EventsBuilder {
        /// Stable event id: `{doc_id}:e{index}`.
        event_id: Utf8,
        /// Document the event was found in.
        doc_id: Utf8,
        /// Index of the sentence holding the trigger.
        sentence: Int32,
        /// Byte offset of the sentence start in the document text.
        sentence_start: Int32,
        /// Byte offset just past the sentence end in the document text.
        sentence_end: Int32,
        /// Byte offset of the trigger start in the document text.
        trigger_start: Int32,
        /// Byte offset just past the trigger end in the document text.
        trigger_end: Int32,
        /// The trigger as written.
        trigger: Utf8,
        /// ACLED event type.
        event_type: Utf8,
        /// ACLED sub-event type.
        sub_event_type: Utf8,
        /// How the violence was done: air strike, shelling, car bomb, ...
        method: Nullable<Utf8>,
        /// CAMEO event code.
        cameo: Nullable<Utf8>,
        /// PLOVER event category.
        plover: Nullable<Utf8>,
        /// Canonical name of the agent.
        actor1: Nullable<Utf8>,
        /// Category of actor1 (state_forces, rebel_group, ...).
        actor1_category: Nullable<Utf8>,
        /// ISO 3166-1 alpha-2 country of actor1, when it is a state's.
        actor1_country: Nullable<Utf8>,
        /// Canonical name of the target or opponent.
        actor2: Nullable<Utf8>,
        /// Category of actor2.
        actor2_category: Nullable<Utf8>,
        /// ISO 3166-1 alpha-2 country of actor2, when it is a state's.
        actor2_country: Nullable<Utf8>,
        /// Canonical name of the event's location.
        location: Nullable<Utf8>,
        /// ISO 3166-1 alpha-2 country code of the location.
        country: Nullable<Utf8>,
        /// First-level administrative division of the location.
        admin1: Nullable<Utf8>,
        /// Second-level administrative division of the location.
        admin2: Nullable<Utf8>,
        /// Latitude of the location in decimal degrees (WGS 84).
        latitude: Nullable<Float64>,
        /// Longitude of the location in decimal degrees (WGS 84).
        longitude: Nullable<Float64>,
        /// GeoNames id of the location, when known.
        geonames_id: Nullable<Int64>,
        /// ACLED geo-precision of the location: 1 exact, 2 near, 3 region.
        geo_precision: Nullable<Int32>,
        /// Publication date of the document.
        published: Nullable<Date32>,
        /// First day the event may have happened, resolved against the publication date.
        date_start: Nullable<Date32>,
        /// Last day the event may have happened.
        date_end: Nullable<Date32>,
        /// ACLED time precision: 1 day, 2 week, 3 month.
        time_precision: Nullable<Int32>,
        /// The temporal expression the date came from, as written; null when the date is the publication date.
        date_text: Nullable<Utf8>,
        /// People killed, when the text gives a number (ACLED fatalities).
        fatalities: Nullable<Int32>,
        /// People injured, when the text gives a number.
        injured: Nullable<Int32>,
        /// Civilians killed (children and women included).
        civilians_killed: Nullable<Int32>,
        /// Children killed.
        children_killed: Nullable<Int32>,
        /// Women killed.
        women_killed: Nullable<Int32>,
        /// Combatants killed: soldiers, fighters, militants, police.
        combatants_killed: Nullable<Int32>,
        /// Whether the text says it happened: asserted, negated, planned, hypothetical.
        modality: Utf8,
        /// How sure the text is: asserted, reported, claimed, disputed, denied.
        certainty: Utf8,
        /// Who reports it: a source name (SANA, Syrian Observatory for Human Rights, activists) or a named person.
        source: Nullable<Utf8>,
        /// Kind of source: state_media, monitor, news_agency, media, official, military, armed_group, activists, witnesses, medical, person.
        source_kind: Nullable<Utf8>,
        /// Reporting verb class: reported, said, claimed, confirmed, denied, announced.
        reporting_verb: Nullable<Utf8>,
        /// Number of sentences reporting the event (repeated reports are merged into one event).
        n_reports: Int32,
        /// Whether this is the document's lead event: the one its headline and opening report.
        is_lead: Boolean,
        /// Ids of the rules that fired: trigger family and role pattern; `+model:NAME` at the end when a trained model chose the sub-event type.
        rule: Utf8,
        /// The sentence holding the trigger, as written.
        sentence_text: Utf8,
        /// With a trained model (`model=`, `--model`): the model's label for the event, read from its sentence and the sentences on either side; null without a model.
        model_label: Nullable<Utf8>,
        /// With a trained model: the model's probability for model_label, 0 to 1.
        model_probability: Nullable<Float64>,
        /// With a trained model: the sub-event type the rules gave, whether or not the model replaced it.
        rules_sub_event_type: Nullable<Utf8>,
    }
}

define_table! {
    /// One row per stretch of page furniture removed before extraction.
    FURNITURE_COLUMNS, FurnitureRow, FurnitureBuilder {
        /// Document the furniture was found in.
        doc_id: Utf8,
        /// Byte offset of the furniture start in the document text.
        start: Int32,
        /// Byte offset just past the furniture end in the document text.
        end: Int32,
        /// share, comments, advertisement, related, disclaimer, cookie, appeal, byline, ...
        kind: Utf8,
        /// The furniture as written.
        text: Utf8,
    }
}

define_table! {
    /// One row per incident: one event reported by several documents.
    INCIDENT_COLUMNS, IncidentRow, IncidentsBuilder {
        /// `i{n}`, numbered in order of the incident's first report.
        incident_id: Utf8,
        /// Number of events (reports) linked into the incident.
        n_events: Int32,
        /// Number of distinct documents reporting it.
        n_documents: Int32,
        /// Number of distinct reporters: named sources, or documents where none is named.
        n_reporters: Int32,
        /// The linked events' event_id values, separated by `;`.
        event_ids: Utf8,
        /// The reporting documents' doc_id values, separated by `;`.
        doc_ids: Utf8,
        /// The reporters, separated by `;`.
        reporters: Utf8,
        /// ACLED event type.
        event_type: Utf8,
        /// ACLED sub-event type.
        sub_event_type: Utf8,
        /// First-level administrative division.
        admin1: Nullable<Utf8>,
        /// The most precise location a report gives.
        location: Nullable<Utf8>,
        /// First day any report dates it to.
        date_start: Nullable<Date32>,
        /// Last day any report dates it to.
        date_end: Nullable<Date32>,
        /// The agent, as reports name it.
        actor1: Nullable<Utf8>,
        /// The target or opponent, as reports name it.
        actor2: Nullable<Utf8>,
        /// Lowest fatality count reported.
        fatalities_min: Nullable<Int32>,
        /// Who reported the lowest count.
        fatalities_min_by: Nullable<Utf8>,
        /// Highest fatality count reported.
        fatalities_max: Nullable<Int32>,
        /// Who reported the highest count.
        fatalities_max_by: Nullable<Utf8>,
    }
}

/// One of the six output tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Documents,
    Sentences,
    Mentions,
    Events,
    Furniture,
    Incidents,
}

impl Table {
    /// All tables, in the order they are written and listed.
    pub const ALL: [Table; 6] = [
        Table::Documents,
        Table::Sentences,
        Table::Mentions,
        Table::Events,
        Table::Furniture,
        Table::Incidents,
    ];

    /// The table name, also the file stem (`documents.parquet`).
    pub fn name(&self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Sentences => "sentences",
            Table::Mentions => "mentions",
            Table::Events => "events",
            Table::Furniture => "furniture",
            Table::Incidents => "incidents",
        }
    }

    /// Parses a name written by [`Table::name`].
    pub fn parse(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }

    /// What one row of the table is.
    pub fn description(&self) -> &'static str {
        match self {
            Table::Documents => "one row per document (story)",
            Table::Sentences => "one row per sentence",
            Table::Mentions => "one row per place, actor, trigger or casualty mention",
            Table::Events => "one row per event, coded in ACLED terms",
            Table::Furniture => "one row per stretch of page furniture removed",
            Table::Incidents => "one row per event reported by several documents",
        }
    }

    /// The columns, in order.
    pub fn columns(&self) -> &'static [ColumnSpec] {
        match self {
            Table::Documents => DOCUMENT_COLUMNS,
            Table::Sentences => SENTENCE_COLUMNS,
            Table::Mentions => MENTION_COLUMNS,
            Table::Events => EVENT_COLUMNS,
            Table::Furniture => FURNITURE_COLUMNS,
            Table::Incidents => INCIDENT_COLUMNS,
        }
    }

    /// The Arrow schema (built once, then shared).
    pub fn schema(&self) -> SchemaRef {
        static SCHEMAS: OnceLock<Vec<SchemaRef>> = OnceLock::new();
        let schemas = SCHEMAS.get_or_init(|| Table::ALL.iter().map(build_schema).collect());
        Arc::clone(&schemas[*self as usize])
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

fn build_schema(table: &Table) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns()
        .iter()
        .map(|c| Field::new(c.name, c.column_type.data_type(), c.nullable))
        .collect();
    Arc::new(Schema::new(fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::ColumnType;

    #[test]
    fn schema_follows_column_specs() {
        for table in Table::ALL {
            assert_eq!(Table::parse(table.name()), Some(table));
            let schema = table.schema();
            assert_eq!(schema.fields().len(), table.columns().len());
            for (field, spec) in schema.fields().iter().zip(table.columns()) {
                assert_eq!(field.name(), spec.name);
                assert_eq!(field.data_type(), &spec.column_type.data_type());
                assert_eq!(field.is_nullable(), spec.nullable);
                assert!(!spec.description.is_empty() && !spec.description.starts_with(' '));
            }
        }
    }

    #[test]
    fn column_names_are_unique_per_table() {
        for table in Table::ALL {
            let mut names: Vec<_> = table.columns().iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), table.columns().len(), "{table}");
        }
    }

    #[test]
    fn brief_types() {
        let docs = Table::Documents.columns();
        assert_eq!(docs[0].name, "doc_id");
        assert_eq!(docs.last().map(|c| c.name), Some("text"));
        let published = docs.iter().find(|c| c.name == "published");
        assert_eq!(published.map(|c| c.column_type), Some(ColumnType::Date32));
        let gid = Table::Events
            .columns()
            .iter()
            .find(|c| c.name == "geonames_id");
        assert_eq!(
            gid.map(|c| (c.column_type, c.nullable)),
            Some((ColumnType::Int64, true))
        );
    }
}
