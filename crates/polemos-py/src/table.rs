//! `ArrowTable`: a record batch handed to Python through the Arrow PyCapsule interface.
//!
//! Any Arrow consumer (polars, pyarrow, duckdb, nanoarrow) imports it without copying and
//! without polemos depending on any of them: `polars.DataFrame(table)`.

use std::sync::Arc;

use arrow_array::ffi::FFI_ArrowSchema;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::errors::polemos_error;

/// One output table, exported with `__arrow_c_stream__`; pass it to `polars.DataFrame`.
#[pyclass(frozen, module = "polemos._core")]
#[derive(Debug)]
pub struct ArrowTable {
    name: String,
    batch: RecordBatch,
}

impl ArrowTable {
    pub(crate) fn new(name: impl Into<String>, batch: RecordBatch) -> ArrowTable {
        ArrowTable {
            name: name.into(),
            batch,
        }
    }

    pub(crate) fn batch(&self) -> &RecordBatch {
        &self.batch
    }
}

#[pymethods]
impl ArrowTable {
    /// The table's name: documents, sentences, mentions, events or furniture.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// Number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// Column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowTable({}, {} rows x {} columns)",
            self.name,
            self.batch.num_rows(),
            self.batch.num_columns()
        )
    }

    /// The schema as an `arrow_schema` PyCapsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.batch.schema().as_ref())
            .map_err(|e| polemos_error(format!("cannot export the schema: {e}")))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    /// The rows as an `arrow_array_stream` PyCapsule holding one batch.
    ///
    /// `requested_schema` is accepted as the protocol requires and ignored: the interface lets
    /// a producer keep its own schema, and the tables' types are already the plainest ones.
    /// The capsule owns the stream; a consumer that imports it moves it out (leaving its
    /// release callback null), and the capsule's destructor releases it only if nobody did.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let schema = self.batch.schema();
        let reader = RecordBatchIterator::new([Ok(self.batch.clone())], Arc::clone(&schema));
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
}
