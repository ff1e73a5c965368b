//! Linking incidents across an events table the caller already holds: the events of Dask
//! partitions or of batches written to disk, each extracted without the others. The columns
//! the linking reads come as Python lists, so any table polars can read will do.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, Int32Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};

/// Text column values by column name, as Python passes them.
pub(crate) type TextColumns = HashMap<String, Vec<Option<String>>>;
/// Integer (and date) column values by column name, as Python passes them.
pub(crate) type IntColumns = HashMap<String, Vec<Option<i32>>>;

/// Text columns of the events table that linking reads.
pub(crate) const TEXT_COLUMNS: &[&str] = &[
    "event_id",
    "doc_id",
    "sub_event_type",
    "admin1",
    "location",
    "actor1",
    "actor2",
    "source",
];
/// Integer columns of the events table that linking reads.
pub(crate) const INT_COLUMNS: &[&str] = &["geo_precision", "fatalities"];
/// Date columns, as days since 1970-01-01.
pub(crate) const DATE_COLUMNS: &[&str] = &["date_start", "date_end"];

/// The columns as an events record batch (only those columns), for
/// [`polemos_export::event_summaries`]. Errors name a missing column or unequal lengths.
pub(crate) fn events_batch(
    mut texts: TextColumns,
    mut ints: IntColumns,
) -> Result<RecordBatch, String> {
    let mut fields = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    let mut rows: Option<(usize, &str)> = None;
    let mut check = |name: &'static str, len: usize| match rows {
        Some((n, first)) if n != len => Err(format!(
            "column {name:?} has {len} values but {first:?} has {n}"
        )),
        _ => {
            rows.get_or_insert((len, name));
            Ok(())
        }
    };
    for &name in TEXT_COLUMNS {
        let values = texts
            .remove(name)
            .ok_or_else(|| format!("no column {name:?}"))?;
        check(name, values.len())?;
        fields.push(Field::new(name, DataType::Utf8, true));
        arrays.push(Arc::new(StringArray::from(values)));
    }
    for &name in INT_COLUMNS.iter().chain(DATE_COLUMNS) {
        let values = ints
            .remove(name)
            .ok_or_else(|| format!("no column {name:?}"))?;
        check(name, values.len())?;
        if DATE_COLUMNS.contains(&name) {
            fields.push(Field::new(name, DataType::Date32, true));
            arrays.push(Arc::new(Date32Array::from(values)));
        } else {
            fields.push(Field::new(name, DataType::Int32, true));
            arrays.push(Arc::new(Int32Array::from(values)));
        }
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(n: usize) -> (TextColumns, IntColumns) {
        let texts = TEXT_COLUMNS
            .iter()
            .map(|c| (c.to_string(), vec![Some(c.to_string()); n]))
            .collect();
        let ints = INT_COLUMNS
            .iter()
            .chain(DATE_COLUMNS)
            .map(|c| (c.to_string(), vec![Some(1); n]))
            .collect();
        (texts, ints)
    }

    #[test]
    fn builds_the_columns_linking_reads() {
        let (texts, ints) = columns(3);
        let batch = events_batch(texts, ints).unwrap();
        assert_eq!(batch.num_rows(), 3);
        assert_eq!(batch.num_columns(), 12);
        assert_eq!(
            batch
                .schema()
                .field_with_name("date_start")
                .unwrap()
                .data_type(),
            &DataType::Date32
        );
    }

    #[test]
    fn missing_and_uneven_columns_are_errors() {
        let (mut texts, ints) = columns(2);
        texts.remove("admin1");
        assert_eq!(
            events_batch(texts, ints).unwrap_err(),
            "no column \"admin1\""
        );
        let (texts, mut ints) = columns(2);
        ints.insert("fatalities".into(), vec![None]);
        let err = events_batch(texts, ints).unwrap_err();
        assert!(err.contains("\"fatalities\" has 1 values"), "{err}");
    }
}
