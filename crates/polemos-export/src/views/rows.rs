//! Building a view's record batch row by row: each row a list of values in schema order,
//! turned into typed Arrow columns at the end.

use std::sync::Arc;

use arrow_array::{
    ArrayRef, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{ArrowError, DataType, SchemaRef};
use chrono::NaiveDate;

/// One cell of a view row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Str(String),
    Int(i64),
    Float(f64),
    Date(NaiveDate),
}

impl Value {
    /// A string cell, null when `s` is `None`.
    pub(crate) fn opt_str(s: Option<&str>) -> Value {
        s.map_or(Value::Null, |s| Value::Str(s.to_string()))
    }

    pub(crate) fn opt_int(i: Option<i64>) -> Value {
        i.map_or(Value::Null, Value::Int)
    }
}

/// Rows being gathered for `schema`.
#[derive(Debug)]
pub(crate) struct Rows {
    schema: SchemaRef,
    columns: Vec<Vec<Value>>,
}

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01, Arrow's Date32 epoch.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

impl Rows {
    pub(crate) fn new(schema: SchemaRef) -> Rows {
        let columns = vec![Vec::new(); schema.fields().len()];
        Rows { schema, columns }
    }

    /// Appends one row; `row` holds one value per column, in schema order.
    pub(crate) fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len());
        for (column, value) in self.columns.iter_mut().zip(row) {
            column.push(value);
        }
    }

    /// The batch of the rows pushed. A value of another type than its column's is an error.
    pub(crate) fn finish(self) -> Result<RecordBatch, ArrowError> {
        let arrays = self
            .schema
            .fields()
            .iter()
            .zip(self.columns)
            .map(|(field, values)| array(field.name(), field.data_type(), values))
            .collect::<Result<Vec<_>, _>>()?;
        RecordBatch::try_new(self.schema, arrays)
    }
}

fn array(name: &str, kind: &DataType, values: Vec<Value>) -> Result<ArrayRef, ArrowError> {
    let wrong = |v: &Value| {
        ArrowError::InvalidArgumentError(format!("column {name} ({kind}) cannot hold {v:?}"))
    };
    Ok(match kind {
        DataType::Utf8 => Arc::new(
            values
                .iter()
                .map(|v| match v {
                    Value::Null => Ok(None),
                    Value::Str(s) => Ok(Some(s.as_str())),
                    other => Err(wrong(other)),
                })
                .collect::<Result<StringArray, _>>()?,
        ),
        DataType::Int32 => Arc::new(
            values
                .iter()
                .map(|v| match v {
                    Value::Null => Ok(None),
                    Value::Int(i) => i32::try_from(*i).map(Some).map_err(|_| wrong(v)),
                    other => Err(wrong(other)),
                })
                .collect::<Result<Int32Array, _>>()?,
        ),
        DataType::Int64 => Arc::new(
            values
                .iter()
                .map(|v| match v {
                    Value::Null => Ok(None),
                    Value::Int(i) => Ok(Some(*i)),
                    other => Err(wrong(other)),
                })
                .collect::<Result<Int64Array, _>>()?,
        ),
        DataType::Float64 => Arc::new(
            values
                .iter()
                .map(|v| match v {
                    Value::Null => Ok(None),
                    Value::Float(f) => Ok(Some(*f)),
                    other => Err(wrong(other)),
                })
                .collect::<Result<Float64Array, _>>()?,
        ),
        DataType::Date32 => Arc::new(
            values
                .iter()
                .map(|v| match v {
                    Value::Null => Ok(None),
                    Value::Date(d) => Ok(Some(
                        chrono::Datelike::num_days_from_ce(d) - UNIX_EPOCH_FROM_CE,
                    )),
                    other => Err(wrong(other)),
                })
                .collect::<Result<Date32Array, _>>()?,
        ),
        other => {
            return Err(ArrowError::InvalidArgumentError(format!(
                "column {name}: views hold no {other} columns"
            )))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use arrow_schema::{Field, Schema};

    #[test]
    fn rows_become_typed_columns() {
        let schema = Arc::new(Schema::new(vec![
            Field::new("s", DataType::Utf8, true),
            Field::new("i", DataType::Int32, true),
            Field::new("d", DataType::Date32, true),
        ]));
        let mut rows = Rows::new(schema);
        let day = NaiveDate::from_ymd_opt(1970, 1, 2).unwrap_or_default();
        rows.push(vec![
            Value::Str("a".into()),
            Value::Int(7),
            Value::Date(day),
        ]);
        rows.push(vec![Value::Null, Value::Null, Value::Null]);
        let batch = rows.finish().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(batch.num_rows(), 2);
        let d = batch.column(2).as_any().downcast_ref::<Date32Array>();
        assert_eq!(d.map(|d| d.value(0)), Some(1));
        assert!(batch.column(0).is_null(1));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error() {
        let schema = Arc::new(Schema::new(vec![Field::new("i", DataType::Int32, true)]));
        let mut rows = Rows::new(schema);
        rows.push(vec![Value::Str("x".into())]);
        assert!(rows.finish().is_err());
    }
}
