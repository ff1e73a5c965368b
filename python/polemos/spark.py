"""Extraction over a Spark DataFrame with `mapInArrow`, on one machine or a cluster.

`pip install polemos[spark]` (pyspark; Java 17 or later on the machines). Spark hands each
task its rows as Arrow record batches; polemos reads them without copying and gives back one of
its tables as Arrow batches in the schema `spark_schema` derives from polemos' own. Each
executor's Python worker loads the dictionaries once and keeps them while Spark reuses it
(`spark.python.worker.reuse`, on by default).

>>> from pyspark.sql import SparkSession                                 # doctest: +SKIP
>>> from polemos.spark import extract_table
>>> spark = SparkSession.builder.getOrCreate()                           # doctest: +SKIP
>>> news = spark.read.parquet("news/")                                   # doctest: +SKIP
>>> events = extract_table(                                              # doctest: +SKIP
...     news, "events", text_col="body", id_col="url", published_col="date"
... )
>>> events.write.parquet("polemos/events/")                              # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import polars as pl

from polemos import _core
from polemos._api import PathLike, extract_frame_tables, user_paths
from polemos._columns import Columns, columns
from polemos._model import load_cached

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame as SparkDataFrame
    from pyspark.sql.types import StructType

__all__ = ["TABLES", "extract_table", "spark_schema"]

# What `extract_table` can give: the per-document tables, and the events in ACLED's and UCDP
# GED's shapes. Incidents link events across documents, so across partitions: link the events
# table afterwards (`polemos.link_incidents` on the collected or written events).
TABLES = ("documents", "sentences", "mentions", "events", "furniture", "acled", "ucdp")


def _pyspark() -> Any:
    try:
        import pyspark.sql.types as types
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError("polemos.spark needs pyspark: pip install 'polemos[spark]'") from e
    return types


def _arrow_schema(table: str) -> pa.Schema:
    import pyarrow as pa

    if table not in TABLES:
        raise _core.InputError(f"no table {table!r}: one of {', '.join(TABLES)}")
    if table in ("acled", "ucdp"):
        return pa.schema(_core.empty_view(table))
    tables, _ = _core.extract_texts([], None, None, None, 1)
    return pa.schema(tables[table])


def spark_schema(table: str = "events") -> StructType:
    """The Spark schema of a polemos table (`TABLES`): its columns in order, as the Spark
    types of polemos' six Arrow types (string, int, bigint, double, date, boolean).

    >>> spark_schema("events")["fatalities"].dataType                        # doctest: +SKIP
    IntegerType()
    """
    types = _pyspark()
    spark_type = {
        "string": types.StringType(),
        "int32": types.IntegerType(),
        "int64": types.LongType(),
        "double": types.DoubleType(),
        "date32[day]": types.DateType(),
        "bool": types.BooleanType(),
    }
    fields = []
    for field in _arrow_schema(table):
        kind = spark_type.get(str(field.type))
        if kind is None:  # pragma: no cover - polemos tables hold only the six types
            raise _core.InputError(f"column {field.name}: no Spark type for {field.type}")
        fields.append(types.StructField(field.name, kind, field.nullable))
    schema: StructType = types.StructType(fields)
    return schema


def extract_table(
    df: SparkDataFrame,
    table: str = "events",
    *,
    text_col: str = "text",
    id_col: str | None = None,
    published_col: str | None = None,
    title_col: str | None = None,
    threads: int = 1,
    gazetteer: PathLike | None = None,
    lexicon: PathLike | None = None,
    model: PathLike | None = None,
    all_events: bool = False,
) -> SparkDataFrame:
    """Maps `polemos.extract` over the rows of a Spark DataFrame; returns one of its tables
    as a Spark DataFrame (lazily, as Spark does).

    `table` is one of `TABLES`: `"documents"`, `"sentences"`, `"mentions"`, `"events"`,
    `"furniture"`, or `"acled"` / `"ucdp"` for the events in the shape of `Result.to_acled()`
    and `Result.to_ucdp()` (`all_events=True` keeps the events the text does not assert, as
    there). `text_col`, `id_col`, `published_col` and `title_col` name columns of `df`, as in
    `polemos.extract` on a frame. Without `id_col`, documents are numbered
    `p{partition}:{row}` within each Spark partition. `threads` is the number of polemos
    threads per task (default 1: Spark runs one task per core).

    `gazetteer`, `lexicon` and `model` are paths (a gazetteer file, a lexicon folder, a model
    file from `Model.save`), read by every executor, so they must be at that path on every
    machine; each Python worker loads them once. The ACLED view's `event_id_cnty` and the
    UCDP view's `id` and `relid` number rows within each Arrow batch Spark hands a task, so
    they repeat across batches: `polemos_event_id` is the key across the whole frame.

    Raises `InputError` for an unknown table or a column `df` lacks.
    """
    cols = columns((text_col, id_col, published_col, title_col), (None,) * 4, "extract_table")
    schema = spark_schema(table)
    missing = [c for c in cols if c is not None and c not in df.columns]
    if missing:
        raise _core.InputError(f"no column {', '.join(map(repr, missing))} in the Spark frame")
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise _core.InputError(f"threads must be a positive integer, got {threads!r}")
    gazetteer_path = None if gazetteer is None else os.fspath(gazetteer)
    lexicon_path = None if lexicon is None else os.fspath(lexicon)
    model_path = None if model is None else os.fspath(model)
    wanted = [c for c in dict.fromkeys(cols) if c is not None]

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        # In the executor: Spark's Arrow batches of this task in, the table's batches out.
        from pyspark import TaskContext

        context = TaskContext.get()
        partition = 0 if context is None else context.partitionId()
        yield from _extract_batches(
            batches,
            partition,
            table,
            cols,
            threads,
            (gazetteer_path, lexicon_path, model_path),
            all_events,
        )

    return df.select(*wanted).mapInArrow(run, schema)


def _extract_batches(
    batches: Iterator[pa.RecordBatch],
    partition: int,
    table: str,
    cols: Columns,
    threads: int,
    paths: tuple[str | None, str | None, str | None],
    all_events: bool,
) -> Iterator[pa.RecordBatch]:
    """One task's work: each Arrow batch extracted, the table's rows yielded as Arrow
    batches. Ids count rows across the task's batches (`p{partition}:{row}`)."""
    import pyarrow as pa

    gazetteer, lexicon, model_path = paths
    user = user_paths(gazetteer, lexicon, None if model_path is None else load_cached(model_path))
    offset = 0
    for batch in batches:
        frame = pl.from_arrow(pa.Table.from_batches([batch]))
        assert isinstance(frame, pl.DataFrame)
        task_cols = cols
        if cols.id is None:
            # Default ids would repeat in every task: number rows within their partition.
            frame = frame.with_columns(
                pl.format("p{}:{}", pl.lit(partition), pl.int_range(pl.len()) + offset).alias(
                    "__polemos_id"
                )
            )
            task_cols = cols._replace(id="__polemos_id")
        tables, _ = extract_frame_tables(frame, task_cols, threads, offset, user)
        offset += frame.height
        if table == "acled":
            out = _core.acled_table(tables["events"], all_events)
        elif table == "ucdp":
            out = _core.ucdp_table(tables["events"], tables["documents"], all_events)
        else:
            out = tables[table]
        yield from pa.RecordBatchReader.from_stream(out)
