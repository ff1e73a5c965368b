//! Reading the cells of a batch as plain values, for the text writers.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, StringArray,
};
use chrono::NaiveDate;

/// One cell's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cell<'a> {
    Null,
    Str(&'a str),
    Int(i64),
    Float(f64),
    Date(NaiveDate),
    Bool(bool),
}

/// A column downcast once to its concrete array type, so reading a cell is a match and an index.
#[derive(Debug)]
pub(super) enum ColumnCells<'a> {
    Utf8(&'a StringArray),
    Int32(&'a Int32Array),
    Int64(&'a Int64Array),
    Float64(&'a Float64Array),
    Date32(&'a Date32Array),
    Boolean(&'a BooleanArray),
}

impl<'a> ColumnCells<'a> {
    /// `None` for a type that is not one of the six output types; callers check the schema
    /// first, so this does not happen for tables built by this crate.
    pub(super) fn new(array: &'a ArrayRef) -> Option<ColumnCells<'a>> {
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

    pub(super) fn get(&self, row: usize) -> Cell<'a> {
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
