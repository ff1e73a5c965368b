//! Reading the cells of a batch as plain values, for the text writers.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch,
    StringArray,
};
use chrono::NaiveDate;
use std::fmt::Write as _;
use std::io::{self, Write};

/// One cell's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell<'a> {
    Null,
    Str(&'a str),
    Int(i64),
    Float(f64),
    Date(NaiveDate),
    Bool(bool),
}

impl Cell<'_> {
    /// Appends the value as CSV writes it: empty for null, `YYYY-MM-DD` dates, `true`/`false`.
    pub(crate) fn push_text(&self, buf: &mut String) {
        match *self {
            Cell::Null => {}
            Cell::Str(s) => buf.push_str(s),
            Cell::Int(i) => {
                let _ = write!(buf, "{i}");
            }
            Cell::Float(f) => {
                let _ = write!(buf, "{f}");
            }
            Cell::Date(d) => {
                let _ = write!(buf, "{}", d.format("%Y-%m-%d"));
            }
            Cell::Bool(b) => buf.push_str(if b { "true" } else { "false" }),
        }
    }

    /// Writes the value as a JSON value: `null`, a string, a number, an ISO date string.
    pub(crate) fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        match *self {
            Cell::Null => out.write_all(b"null"),
            Cell::Str(s) => serde_json::to_writer(out, s).map_err(io::Error::from),
            Cell::Int(i) => write!(out, "{i}"),
            // JSON has no NaN or infinity; such a value is unknown, i.e. null.
            Cell::Float(f) if f.is_finite() => {
                serde_json::to_writer(out, &f).map_err(io::Error::from)
            }
            Cell::Float(_) => out.write_all(b"null"),
            Cell::Date(d) => write!(out, "\"{}\"", d.format("%Y-%m-%d")),
            Cell::Bool(b) => write!(out, "{b}"),
        }
    }
}

/// A column downcast once to its concrete array type, so reading a cell is a match and an index.
#[derive(Debug)]
pub(crate) enum ColumnCells<'a> {
    Utf8(&'a StringArray),
    Int32(&'a Int32Array),
    Int64(&'a Int64Array),
    Float64(&'a Float64Array),
    Date32(&'a Date32Array),
    Boolean(&'a BooleanArray),
}

/// Every column of `batch`, downcast; an error for a type outside the six output types.
pub(crate) fn columns(batch: &RecordBatch) -> io::Result<Vec<ColumnCells<'_>>> {
    batch.columns().iter().map(ColumnCells::of).collect()
}

impl<'a> ColumnCells<'a> {
    /// The column `name` of `batch`, downcast.
    pub(crate) fn named(batch: &'a RecordBatch, name: &str) -> io::Result<ColumnCells<'a>> {
        let column = batch.column_by_name(name).ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("no column {name:?}"))
        })?;
        ColumnCells::of(column)
    }

    fn of(column: &'a ArrayRef) -> io::Result<ColumnCells<'a>> {
        ColumnCells::new(column).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsupported column type {}", column.data_type()),
            )
        })
    }

    /// `None` for a type that is not one of the six output types; callers check the schema
    /// first, so this does not happen for tables built by this crate.
    pub(crate) fn new(array: &'a ArrayRef) -> Option<ColumnCells<'a>> {
        let array = array.as_ref();
        array
            .as_string_opt::<i32>()
            .map(ColumnCells::Utf8)
            .or_else(|| {
                array
                    .as_primitive_opt::<Int32Type>()
                    .map(ColumnCells::Int32)
            })
            .or_else(|| {
                array
                    .as_primitive_opt::<Int64Type>()
                    .map(ColumnCells::Int64)
            })
            .or_else(|| {
                array
                    .as_primitive_opt::<Float64Type>()
                    .map(ColumnCells::Float64)
            })
            .or_else(|| {
                array
                    .as_primitive_opt::<Date32Type>()
                    .map(ColumnCells::Date32)
            })
            .or_else(|| array.as_boolean_opt().map(ColumnCells::Boolean))
    }

    pub(crate) fn get(&self, row: usize) -> Cell<'a> {
        let valid = match self {
            ColumnCells::Utf8(a) => a.is_valid(row),
            ColumnCells::Int32(a) => a.is_valid(row),
            ColumnCells::Int64(a) => a.is_valid(row),
            ColumnCells::Float64(a) => a.is_valid(row),
            ColumnCells::Date32(a) => a.is_valid(row),
            ColumnCells::Boolean(a) => a.is_valid(row),
        };
        if !valid {
            return Cell::Null;
        }
        match self {
            ColumnCells::Utf8(a) => Cell::Str(a.value(row)),
            ColumnCells::Int32(a) => Cell::Int(i64::from(a.value(row))),
            ColumnCells::Int64(a) => Cell::Int(a.value(row)),
            ColumnCells::Float64(a) => Cell::Float(a.value(row)),
            ColumnCells::Date32(a) => {
                Date32Type::to_naive_date_opt(a.value(row)).map_or(Cell::Null, Cell::Date)
            }
            ColumnCells::Boolean(a) => Cell::Bool(a.value(row)),
        }
    }
}
