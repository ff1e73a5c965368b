//! Building a document from one record (a CSV row or a JSON line).

use polemos_core::{DateSource, Document};

use super::{Format, ReadOptions};
use crate::date::parse_date;

/// The metadata columns of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Id,
    Title,
    Date,
    Url,
}

/// Usual key names of metadata in JSON records, tried in order when no column is named.
pub(super) const CONVENTIONAL: &[(Column, &str)] = &[
    (Column::Id, "id"),
    (Column::Title, "title"),
    (Column::Title, "headline"),
    (Column::Date, "published"),
    (Column::Date, "date"),
    (Column::Date, "published_at"),
    (Column::Url, "url"),
];

/// A record's value for one column.
#[derive(Debug)]
pub(super) enum Field {
    /// The record has no such column.
    Missing,
    /// The column is there but its value cannot be used as text.
    Bad(String),
    Value(String),
}

/// Builds the document for one record. `locator` is `path:row` (or `path:line`), used as the
/// source and as the id when there is no id column or the record's id is empty. A record
/// without usable text becomes an error row; a date that cannot be read is left unknown.
///
/// A column option left unset falls back to the usual key names ([`CONVENTIONAL`]), in CSV
/// headers as in JSON objects. A column named in the options that the record lacks leaves a
/// warning on the row (a misspelt `--date-column` would otherwise leave every date unknown
/// without a word).
pub(super) fn build(
    locator: String,
    format: Format,
    encoding: &str,
    options: &ReadOptions,
    get: impl Fn(&str) -> Field,
) -> Document {
    let named = |col: &str| match get(col) {
        Field::Value(v) if !v.trim().is_empty() => Some(v.trim().to_string()),
        _ => None,
    };
    let value = |col: &Option<String>, which: Column| match col.as_deref() {
        Some(c) => named(c),
        None => CONVENTIONAL
            .iter()
            .filter(|(w, _)| *w == which)
            .find_map(|(_, key)| named(key)),
    };
    let id = value(&options.id_column, Column::Id).unwrap_or_else(|| locator.clone());
    let mut doc = match get(&options.text_column) {
        Field::Value(text) => Document::from_text(id, text),
        Field::Missing => Document::failed(
            id,
            locator.clone(),
            format.as_str(),
            format!("missing column `{}`", options.text_column),
        ),
        Field::Bad(why) => Document::failed(
            id,
            locator.clone(),
            format.as_str(),
            format!("column `{}`: {why}", options.text_column),
        ),
    };
    doc.source = locator;
    doc.format = format.as_str().to_string();
    doc.encoding = Some(encoding.to_string());
    doc.title = value(&options.title_column, Column::Title);
    doc.url = value(&options.url_column, Column::Url);
    if let Some(date) = value(&options.date_column, Column::Date).and_then(|d| parse_date(&d)) {
        doc = doc.with_published(date, DateSource::Input);
    }
    let absent: Vec<&str> = [
        &options.id_column,
        &options.date_column,
        &options.title_column,
        &options.url_column,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .filter(|c| matches!(get(c), Field::Missing))
    .collect();
    if !absent.is_empty() && doc.is_ok() {
        doc.warning = Some(format!(
            "column {} not in this record",
            absent
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    doc
}
