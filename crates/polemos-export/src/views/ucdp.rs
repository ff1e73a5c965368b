//! The UCDP view of the events table: the columns of UCDP's Georeferenced Event Dataset (GED),
//! in GED's order and with its codes, so that polemos output can be compared with GED or fed
//! to code written for it. `ucdp.csv` writes it; the Python API's `Result.to_ucdp()` returns
//! it as a frame.
//!
//! GED holds events of organised lethal violence. The view keeps the events of ACLED's
//! political-violence types (Battles, Explosions/Remote violence, Violence against civilians)
//! that the text asserts and that killed at least [`UcdpView::min_deaths`] people (1 by
//! default, as GED's inclusion rule). Choices where polemos knows less than a UCDP coder (all
//! documented in docs/schema.md):
//!
//! - `type_of_violence`: 3 (one-sided) when the target is civilians or the event is violence
//!   against civilians; else 1 (state-based) when either side is state or external forces;
//!   else 2 (non-state). Side A is the state side in state-based events, the perpetrator in
//!   one-sided ones (side B is then `Civilians`).
//! - Sides carry polemos' actor names; UCDP's numeric ids (`conflict_*`, `dyad_*`,
//!   `side_*_dset_id`/`new_id`), `active_year`, `code_status`, `country_id`, `gwnoa`/`gwnob`
//!   and `source_office` are null: they come from UCDP's own registers, not from the text.
//! - Deaths: `best` = `low` = `high` = the event's fatalities; `deaths_civilians` the civilians
//!   killed (all of them in one-sided violence when the text does not say); the rest go to
//!   `deaths_unknown`, because polemos does not tell which side's combatants died; `deaths_a`
//!   and `deaths_b` are 0. The four add up to `best`, as in GED.
//! - `where_prec`: 1 for an exact place, 2 near one, 3 for a second-level admin region, 4 for
//!   a first-level one or another region, 6 for a country or no place. `priogrid_gid` is the
//!   PRIO-GRID cell of the coordinates (0.5 degree cells numbered from 1 at 90S 180W, row by
//!   row).
//! - `date_prec`: 1 an exact day, 2 a span of two to six days, 3 a week, 4 up to a month (and
//!   the publication date when the text's date could not be resolved), 5 more.
//! - `id` numbers rows from 1; `relid` is `ISO3-YEAR-TYPE-N`, `N` running per country, year and
//!   type. `number_of_sources` is 1 (one report per row); `source_article` the document's URL
//!   or file (its id for a text passed in memory), `source_headline` its headline or title,
//!   `source_original` who the text says reports the event. A last column,
//!   `polemos_event_id`, links each row back to the events table.

use std::collections::HashMap;
use std::io;
use std::sync::OnceLock;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, SchemaRef};
use chrono::NaiveDate;
use polemos_core::ActorCategory;

use super::acled::RunningIds;
use super::events::{date_of, float_of, int_of, str_of, EventColumns};
use super::rows::{Rows, Value};
use crate::cells::ColumnCells;
use crate::countries::country;

/// The columns of the UCDP view and their types: GED's columns in GED's order, then
/// `polemos_event_id`.
const COLUMNS: [(&str, DataType); 50] = [
    ("id", DataType::Int64),
    ("relid", DataType::Utf8),
    ("year", DataType::Int32),
    ("active_year", DataType::Int32),
    ("code_status", DataType::Utf8),
    ("type_of_violence", DataType::Int32),
    ("conflict_dset_id", DataType::Int64),
    ("conflict_new_id", DataType::Int64),
    ("conflict_name", DataType::Utf8),
    ("dyad_dset_id", DataType::Int64),
    ("dyad_new_id", DataType::Int64),
    ("dyad_name", DataType::Utf8),
    ("side_a_dset_id", DataType::Int64),
    ("side_a_new_id", DataType::Int64),
    ("side_a", DataType::Utf8),
    ("side_b_dset_id", DataType::Int64),
    ("side_b_new_id", DataType::Int64),
    ("side_b", DataType::Utf8),
    ("number_of_sources", DataType::Int32),
    ("source_article", DataType::Utf8),
    ("source_office", DataType::Utf8),
    ("source_date", DataType::Date32),
    ("source_headline", DataType::Utf8),
    ("source_original", DataType::Utf8),
    ("where_prec", DataType::Int32),
    ("where_coordinates", DataType::Utf8),
    ("where_description", DataType::Utf8),
    ("adm_1", DataType::Utf8),
    ("adm_2", DataType::Utf8),
    ("latitude", DataType::Float64),
    ("longitude", DataType::Float64),
    ("geom_wkt", DataType::Utf8),
    ("priogrid_gid", DataType::Int64),
    ("country", DataType::Utf8),
    ("country_id", DataType::Int32),
    ("region", DataType::Utf8),
    ("event_clarity", DataType::Int32),
    ("date_prec", DataType::Int32),
    ("date_start", DataType::Date32),
    ("date_end", DataType::Date32),
    ("deaths_a", DataType::Int32),
    ("deaths_b", DataType::Int32),
    ("deaths_civilians", DataType::Int32),
    ("deaths_unknown", DataType::Int32),
    ("best", DataType::Int32),
    ("high", DataType::Int32),
    ("low", DataType::Int32),
    ("gwnoa", DataType::Utf8),
    ("gwnob", DataType::Utf8),
    ("polemos_event_id", DataType::Utf8),
];

/// The column names of the UCDP view (`ucdp.csv`'s header).
pub const UCDP_COLUMNS: [&str; 50] = super::names_of(&COLUMNS);

/// The event types GED's organised violence corresponds to.
const VIOLENT_TYPES: [&str; 3] = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
];

/// The documents table's `format` of a text passed in memory rather than read from a file.
const IN_MEMORY_FORMAT: &str = "text";

/// What the view needs of a document: where it came from and its headline.
#[derive(Debug, Clone)]
struct DocumentSource {
    article: Option<String>,
    headline: Option<String>,
}

/// The UCDP view being built over one or more events batches; `id` and `relid` numbers run
/// on across batches.
#[derive(Debug)]
pub struct UcdpView {
    next_id: i64,
    relids: RunningIds,
    all_events: bool,
    min_deaths: i64,
    documents: HashMap<String, DocumentSource>,
}

impl Default for UcdpView {
    fn default() -> UcdpView {
        UcdpView {
            next_id: 1,
            relids: RunningIds::default(),
            all_events: false,
            min_deaths: 1,
            documents: HashMap::new(),
        }
    }
}

impl UcdpView {
    /// A view of the asserted violent events that killed at least one person.
    pub fn new() -> UcdpView {
        UcdpView::default()
    }

    /// Keeps the violent events the text does not assert too (negated, planned, denied ...).
    pub fn include_all_events(&mut self, yes: bool) {
        self.all_events = yes;
    }

    /// Keeps only events with at least `n` deaths (1 by default, GED's rule); 0 keeps the
    /// violent events whose text gives no number too (`best` is then 0).
    pub fn min_deaths(&mut self, n: i64) {
        self.min_deaths = n;
    }

    /// The view's schema: [`UCDP_COLUMNS`] with their types.
    pub fn schema() -> SchemaRef {
        static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
        SCHEMA.get_or_init(|| super::schema_of(&COLUMNS)).clone()
    }

    /// Notes the URL (or file) and headline of each document of a documents batch, for the
    /// `source_article` and `source_headline` of its events in the next [`recode`] call.
    ///
    /// [`recode`]: UcdpView::recode
    pub fn observe_documents(&mut self, documents: &RecordBatch) -> io::Result<()> {
        let col = |name| ColumnCells::named(documents, name);
        let (doc_id, url, source) = (col("doc_id")?, col("url")?, col("source")?);
        let (format, headline, title) = (col("format")?, col("headline")?, col("title")?);
        for row in 0..documents.num_rows() {
            let Some(id) = str_of(doc_id.get(row)) else {
                continue;
            };
            // The article: its URL, else its file (and record); a text passed in memory has
            // neither, and its id is what names it.
            let file = match str_of(format.get(row)) {
                Some(IN_MEMORY_FORMAT) => None,
                _ => str_of(source.get(row)),
            };
            let article = str_of(url.get(row)).or(file).or(Some(id));
            let heading = str_of(headline.get(row)).or_else(|| str_of(title.get(row)));
            self.documents.insert(
                id.to_string(),
                DocumentSource {
                    article: article.map(str::to_string),
                    headline: heading.map(str::to_string),
                },
            );
        }
        Ok(())
    }

    /// The rows of the view for an events batch (a batch of the events table's schema). The
    /// documents noted by [`observe_documents`](UcdpView::observe_documents) are forgotten
    /// after it.
    pub fn recode(&mut self, events: &RecordBatch) -> io::Result<RecordBatch> {
        let c = EventColumns::new(events)?;
        let mut rows = Rows::new(UcdpView::schema());
        for row in 0..events.num_rows() {
            let violent = str_of(c.event_type.get(row)).is_some_and(|t| VIOLENT_TYPES.contains(&t));
            let deaths = int_of(c.fatalities.get(row)).unwrap_or(0);
            if violent && deaths >= self.min_deaths && (self.all_events || c.asserted(row)) {
                let record = self.record(&c, row, deaths);
                rows.push(record);
            }
        }
        self.documents.clear();
        rows.finish()
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }

    fn record(&mut self, c: &EventColumns<'_>, row: usize, best: i64) -> Vec<Value> {
        let id = self.next_id;
        self.next_id += 1;
        let country_code = str_of(c.country.get(row));
        let known = country_code.and_then(country);
        let country_name = known.map(|k| k.name.as_str()).or(country_code);

        let category = |cell| str_of(cell).and_then(ActorCategory::parse);
        let (cat1, cat2) = (
            category(c.actor1_category.get(row)),
            category(c.actor2_category.get(row)),
        );
        let (actor1, actor2) = (str_of(c.actor1.get(row)), str_of(c.actor2.get(row)));
        let state = |cat: Option<ActorCategory>| {
            matches!(
                cat,
                Some(ActorCategory::StateForces | ActorCategory::ExternalForces)
            )
        };
        let one_sided = cat2 == Some(ActorCategory::Civilians)
            || str_of(c.event_type.get(row)) == Some("Violence against civilians");
        let (kind, side_a, side_b) = if one_sided {
            (3, actor1, Some("Civilians"))
        } else if state(cat1) {
            (1, actor1, actor2)
        } else if state(cat2) {
            (1, actor2, actor1)
        } else {
            (2, actor1, actor2)
        };
        let dyad = match (side_a, side_b) {
            (Some(a), Some(b)) => Some(format!("{a} - {b}")),
            _ => None,
        };
        let civilians = match int_of(c.civilians_killed.get(row)) {
            Some(n) => n.min(best),
            None if kind == 3 => best,
            None => 0,
        };

        let (date_start, date_end, date_prec) = dates(c, row);
        let year = date_start.map(|d| chrono::Datelike::year(&d));
        let prefix = known.map_or_else(
            || country_code.unwrap_or("XXX").to_ascii_uppercase(),
            |k| k.alpha3.clone(),
        );
        let relid = self.relids.next(&format!(
            "{prefix}-{}-{kind}-",
            year.map_or_else(|| "0000".to_string(), |y| y.to_string())
        ));

        let (lat, lon) = (
            float_of(c.latitude.get(row)),
            float_of(c.longitude.get(row)),
        );
        let location = str_of(c.location.get(row));
        let admin1 = str_of(c.admin1.get(row));
        let admin2 = str_of(c.admin2.get(row));
        let where_prec = where_precision(
            location,
            admin2,
            country_name,
            int_of(c.geo_precision.get(row)),
        );
        let doc = str_of(c.doc_id.get(row)).and_then(|d| self.documents.get(d));
        let point = lat.zip(lon);

        vec![
            Value::Int(id),
            Value::Str(relid),
            Value::opt_int(year.map(i64::from)),
            Value::Null,
            Value::Null,
            Value::Int(kind),
            Value::Null,
            Value::Null,
            Value::opt_str(if kind == 3 { side_a } else { dyad.as_deref() }),
            Value::Null,
            Value::Null,
            Value::opt_str(dyad.as_deref()),
            Value::Null,
            Value::Null,
            Value::opt_str(side_a),
            Value::Null,
            Value::Null,
            Value::opt_str(side_b),
            Value::Int(1),
            Value::opt_str(doc.and_then(|d| d.article.as_deref())),
            Value::Null,
            date_of(c.published.get(row)).map_or(Value::Null, Value::Date),
            Value::opt_str(doc.and_then(|d| d.headline.as_deref())),
            Value::opt_str(str_of(c.source.get(row))),
            Value::Int(where_prec),
            Value::opt_str(location.or(admin2).or(admin1).or(country_name)),
            Value::opt_str(description(location, admin1, country_name).as_deref()),
            Value::opt_str(admin1),
            Value::opt_str(admin2),
            lat.map_or(Value::Null, Value::Float),
            lon.map_or(Value::Null, Value::Float),
            Value::opt_str(
                point
                    .map(|(la, lo)| format!("POINT ({lo} {la})"))
                    .as_deref(),
            ),
            Value::opt_int(point.and_then(|(la, lo)| priogrid_gid(la, lo))),
            Value::opt_str(country_name),
            Value::Null,
            Value::opt_str(known.map(|k| k.ucdp_region.as_str())),
            Value::Int(1),
            Value::Int(date_prec),
            date_start.map_or(Value::Null, Value::Date),
            date_end.map_or(Value::Null, Value::Date),
            Value::Int(0),
            Value::Int(0),
            Value::Int(civilians),
            Value::Int(best - civilians),
            Value::Int(best),
            Value::Int(best),
            Value::Int(best),
            Value::Null,
            Value::Null,
            Value::opt_str(str_of(c.event_id.get(row))),
        ]
    }
}

/// The event's first and last day and GED's date precision for the span between them; the
/// publication date (precision 4) when the text's date could not be resolved.
fn dates(c: &EventColumns<'_>, row: usize) -> (Option<NaiveDate>, Option<NaiveDate>, i64) {
    let Some(start) = date_of(c.date_start.get(row)) else {
        let published = date_of(c.published.get(row));
        return (published, published, 4);
    };
    let end = date_of(c.date_end.get(row)).unwrap_or(start);
    let span = (end - start).num_days();
    let mut precision = match span {
        i64::MIN..=0 => 1,
        1..=5 => 2,
        6..=7 => 3,
        8..=31 => 4,
        _ => 5,
    };
    // A month named without a day ("in March") may have been resolved to one day.
    if int_of(c.time_precision.get(row)) == Some(3) {
        precision = precision.max(4);
    }
    (Some(start), Some(end), precision)
}

/// GED's `where_prec` of the event's place.
fn where_precision(
    location: Option<&str>,
    admin2: Option<&str>,
    country: Option<&str>,
    geo_precision: Option<i64>,
) -> i64 {
    // A town named like its province (Deir ez-Zor, Aleppo) is the town when polemos placed the
    // event at the place itself: geo_precision decides first, the names only for regions.
    match (location, geo_precision) {
        (None, _) => 6,
        (Some(l), _) if Some(l) == country => 6,
        (Some(_), Some(1)) => 1,
        (Some(_), Some(2)) => 2,
        (Some(l), _) if Some(l) == admin2 => 3,
        (Some(_), _) => 4,
    }
}

/// "Mosul, Nineveh, Iraq": the place and the regions holding it, each once.
fn description(
    location: Option<&str>,
    admin1: Option<&str>,
    country: Option<&str>,
) -> Option<String> {
    let mut parts: Vec<&str> = [location, admin1, country].into_iter().flatten().collect();
    parts.dedup();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The PRIO-GRID cell holding a point: 0.5 degree cells numbered row by row from 1 at the
/// south-west corner (90S, 180W), 720 to a row.
pub(crate) fn priogrid_gid(latitude: f64, longitude: f64) -> Option<i64> {
    if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
        return None;
    }
    // The north pole and the antimeridian belong to the last row and column.
    let row = (((latitude + 90.0) * 2.0).floor() as i64).min(359);
    let col = (((longitude + 180.0) * 2.0).floor() as i64).min(719);
    Some(row * 720 + col + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priogrid_cells() {
        assert_eq!(priogrid_gid(-89.9, -179.9), Some(1));
        assert_eq!(priogrid_gid(-89.9, 179.9), Some(720));
        assert_eq!(priogrid_gid(-89.4, -179.9), Some(721));
        assert_eq!(priogrid_gid(90.0, 180.0), Some(259_200));
        // Damascus: row 247 from the south, column 432 from the antimeridian.
        assert_eq!(priogrid_gid(33.51, 36.29), Some(247 * 720 + 432 + 1));
        assert_eq!(priogrid_gid(91.0, 0.0), None);
    }

    #[test]
    fn where_precision_by_what_the_place_is() {
        let w = |loc, geo| where_precision(loc, Some("Mosul District"), Some("Iraq"), geo);
        assert_eq!(w(Some("Mosul"), Some(1)), 1);
        assert_eq!(w(Some("Mosul"), Some(2)), 2);
        assert_eq!(w(Some("Mosul District"), Some(3)), 3);
        assert_eq!(w(Some("Nineveh"), Some(3)), 4);
        // A town named like its province, placed exactly.
        assert_eq!(w(Some("Nineveh"), Some(1)), 1);
        assert_eq!(w(Some("Iraq"), Some(3)), 6);
        assert_eq!(w(None, None), 6);
    }

    #[test]
    fn description_names_each_region_once() {
        assert_eq!(
            description(Some("Mosul"), Some("Nineveh"), Some("Iraq")).as_deref(),
            Some("Mosul, Nineveh, Iraq")
        );
        assert_eq!(
            description(Some("Gaza"), Some("Gaza"), None).as_deref(),
            Some("Gaza")
        );
        assert_eq!(description(None, None, None), None);
    }
}
