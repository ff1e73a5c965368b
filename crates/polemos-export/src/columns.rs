//! Column kinds: the six Arrow types polemos writes, and how a Rust value is appended to each.
//!
//! The output is deliberately limited to flat scalar columns of these types so that every table
//! can be written as CSV and read by R and Stata, which have no unsigned or native 64-bit
//! integers (hence `Int32` for counts and offsets).

use std::fmt;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder,
    StringBuilder,
};
use arrow_array::types::Date32Type;
use arrow_schema::DataType;
use chrono::NaiveDate;

/// The Arrow type of an output column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnType {
    Utf8,
    Int32,
    Int64,
    Float64,
    Date32,
    Boolean,
}

impl ColumnType {
    pub const ALL: [ColumnType; 6] = [
        ColumnType::Utf8,
        ColumnType::Int32,
        ColumnType::Int64,
        ColumnType::Float64,
        ColumnType::Date32,
        ColumnType::Boolean,
    ];

    /// The Arrow data type.
    pub fn data_type(&self) -> DataType {
        match self {
            ColumnType::Utf8 => DataType::Utf8,
            ColumnType::Int32 => DataType::Int32,
            ColumnType::Int64 => DataType::Int64,
            ColumnType::Float64 => DataType::Float64,
            ColumnType::Date32 => DataType::Date32,
            ColumnType::Boolean => DataType::Boolean,
        }
    }

    /// The name Arrow gives the type (`Utf8`, `Int32`, ...), as used in `docs/schema.md`.
    pub fn name(&self) -> &'static str {
        match self {
            ColumnType::Utf8 => "Utf8",
            ColumnType::Int32 => "Int32",
            ColumnType::Int64 => "Int64",
            ColumnType::Float64 => "Float64",
            ColumnType::Date32 => "Date32",
            ColumnType::Boolean => "Boolean",
        }
    }

    /// Parses a name written by [`ColumnType::name`].
    pub fn parse(s: &str) -> Option<ColumnType> {
        ColumnType::ALL.into_iter().find(|t| t.name() == s)
    }
}

impl fmt::Display for ColumnType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One column of an output table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    pub name: &'static str,
    pub column_type: ColumnType,
    pub nullable: bool,
    /// One-line meaning of the column; `docs/schema.md` has the long form and examples.
    pub description: &'static str,
}

/// A column kind: its Arrow type, the Rust value appended for one row, and the builder.
///
/// Table rows are structs whose field types are `K::Value`, so a value of the wrong type or a
/// missing value for a non-nullable column is a compile error rather than a runtime one.
pub(crate) trait Kind {
    const TYPE: ColumnType;
    const NULLABLE: bool = false;
    type Value<'a>;
    type Builder: ArrayBuilder + Default + fmt::Debug;

    fn append(builder: &mut Self::Builder, value: Self::Value<'_>);
    fn append_null(builder: &mut Self::Builder);
}

/// A non-nullable UTF-8 string column.
#[derive(Debug)]
pub(crate) struct Utf8;
/// A non-nullable 32-bit integer column.
#[derive(Debug)]
pub(crate) struct Int32;
/// A non-nullable 64-bit integer column.
#[derive(Debug)]
pub(crate) struct Int64;
/// A non-nullable 64-bit float column.
#[derive(Debug)]
pub(crate) struct Float64;
/// A non-nullable date column (days since the Unix epoch).
#[derive(Debug)]
pub(crate) struct Date32;

/// `Boolean`: yes/no flags.
#[derive(Debug)]
pub(crate) struct Boolean;
/// A nullable column of kind `K`; its row value is an `Option`.
#[derive(Debug)]
pub(crate) struct Nullable<K>(std::marker::PhantomData<K>);

impl Kind for Utf8 {
    const TYPE: ColumnType = ColumnType::Utf8;
    type Value<'a> = &'a str;
    type Builder = StringBuilder;

    fn append(builder: &mut StringBuilder, value: &str) {
        builder.append_value(value);
    }
    fn append_null(builder: &mut StringBuilder) {
        builder.append_null();
    }
}

macro_rules! primitive_kind {
    ($kind:ident, $value:ty, $builder:ty) => {
        impl Kind for $kind {
            const TYPE: ColumnType = ColumnType::$kind;
            type Value<'a> = $value;
            type Builder = $builder;

            fn append(builder: &mut $builder, value: $value) {
                builder.append_value(value);
            }
            fn append_null(builder: &mut $builder) {
                builder.append_null();
            }
        }
    };
}

primitive_kind!(Int32, i32, Int32Builder);
primitive_kind!(Int64, i64, Int64Builder);
primitive_kind!(Float64, f64, Float64Builder);
primitive_kind!(Boolean, bool, BooleanBuilder);

impl Kind for Date32 {
    const TYPE: ColumnType = ColumnType::Date32;
    type Value<'a> = NaiveDate;
    type Builder = Date32Builder;

    fn append(builder: &mut Date32Builder, value: NaiveDate) {
        builder.append_value(Date32Type::from_naive_date(value));
    }
    fn append_null(builder: &mut Date32Builder) {
        builder.append_null();
    }
}

impl<K: Kind> Kind for Nullable<K> {
    const TYPE: ColumnType = K::TYPE;
    const NULLABLE: bool = true;
    type Value<'a> = Option<K::Value<'a>>;
    type Builder = K::Builder;

    fn append(builder: &mut K::Builder, value: Option<K::Value<'_>>) {
        match value {
            Some(v) => K::append(builder, v),
            None => K::append_null(builder),
        }
    }
    fn append_null(builder: &mut K::Builder) {
        K::append_null(builder);
    }
}

/// Converts a count or byte offset to `Int32`, saturating at `i32::MAX`.
///
/// Offsets past 2 GiB cannot occur in a single news story, but input is untrusted and a wrong
/// but bounded number is better than a panic or a silent wrap to a negative value.
pub(crate) fn int32<T: TryInto<i32>>(value: T) -> i32 {
    value.try_into().unwrap_or(i32::MAX)
}

/// Converts an unsigned id to `Int64`, saturating at `i64::MAX`.
pub(crate) fn int64<T: TryInto<i64>>(value: T) -> i64 {
    value.try_into().unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_round_trip() {
        for t in ColumnType::ALL {
            assert_eq!(ColumnType::parse(t.name()), Some(t));
            assert_eq!(format!("{:?}", t.data_type()), t.name());
        }
        assert_eq!(ColumnType::parse("Utf8View"), None);
    }

    #[test]
    fn conversions_saturate() {
        assert_eq!(int32(5usize), 5);
        assert_eq!(int32(usize::MAX), i32::MAX);
        assert_eq!(int32(u32::MAX), i32::MAX);
        assert_eq!(int64(u64::MAX), i64::MAX);
        assert_eq!(int64(6_544_258u64), 6_544_258);
    }
}
