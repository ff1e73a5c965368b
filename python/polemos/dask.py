"""Extraction over a Dask DataFrame, partition by partition, on a cluster.

`pip install polemos[dask]`. Each partition's texts go through `polemos.extract` in the worker
that holds the partition; the dictionaries and gazetteer are loaded once per worker process
(the Rust pipeline is kept in a process-wide cache on first use), not once per partition.

>>> import dask.dataframe as dd
>>> from polemos.dask import extract_partitions
>>> news = dd.read_parquet("news/*.parquet")                            # doctest: +SKIP
>>> tables = extract_partitions(                                         # doctest: +SKIP
...     news, text_col="body", id_col="url", published_col="date"
... )
>>> tables.events.groupby("admin1").fatalities.sum().compute()          # doctest: +SKIP
>>> tables.events.to_parquet("events/")                                 # doctest: +SKIP
>>> tables.incidents()          # linked across all partitions          # doctest: +SKIP
"""

from __future__ import annotations

import operator
import os
from typing import Any

import polars as pl

from polemos import _core
from polemos._api import NO_USER_PATHS, PathLike, UserPaths, extract, user_paths
from polemos._columns import Columns, columns
from polemos._incidents import link_incidents
from polemos._model import load_cached
from polemos._result import TABLES

# The tables each partition gives. Incidents link events across partitions, so they are not
# one of them: `DaskTables.incidents()` links the events of all partitions.
PARTITION_TABLES = tuple(name for name in TABLES if name != "incidents")

try:
    import dask.dataframe as dd
    from dask.delayed import delayed
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "polemos.dask needs dask: pip install 'polemos[dask]' (dask[dataframe], distributed)"
    ) from e

__all__ = ["DaskTables", "extract_partitions", "meta"]


class DaskTables:
    """The five per-document tables as lazy Dask DataFrames, one partition per input
    partition, and `incidents()`, which links the events of all partitions.

    The tables of a partition come from one extraction: compute them together
    (`dask.compute(t.events, t.mentions)`) to extract once; computing them one at a time
    extracts again for each.
    """

    __slots__ = ("documents", "events", "furniture", "mentions", "sentences")

    def __init__(self, tables: dict[str, dd.DataFrame]) -> None:
        self.documents: dd.DataFrame = tables["documents"]
        self.sentences: dd.DataFrame = tables["sentences"]
        self.mentions: dd.DataFrame = tables["mentions"]
        self.events: dd.DataFrame = tables["events"]
        self.furniture: dd.DataFrame = tables["furniture"]

    def __getitem__(self, name: str) -> dd.DataFrame:
        if name not in PARTITION_TABLES:
            raise KeyError(name)
        frame: dd.DataFrame = getattr(self, name)
        return frame

    def to_dict(self) -> dict[str, dd.DataFrame]:
        """The five lazy tables by name."""
        return {name: self[name] for name in PARTITION_TABLES}

    def incidents(self, **compute: Any) -> pl.DataFrame:
        """Events reported by several documents, in any partitions, linked into incidents (the
        `incidents` table of `polemos.extract`). Computes the events' linking columns, with
        `compute` passed to `dask.dataframe.DataFrame.compute` (`scheduler=...`).
        """
        columns = [
            *_core.LINK_TEXT_COLUMNS,
            *_core.LINK_INT_COLUMNS,
            *_core.LINK_DATE_COLUMNS,
        ]
        return link_incidents(self.events[columns].compute(**compute))

    def __repr__(self) -> str:
        parts = self.events.npartitions
        return f"polemos.dask.DaskTables({', '.join(PARTITION_TABLES)}; {parts} partitions)"


def meta(table: str) -> Any:
    """The empty pandas frame a table's partitions have (Arrow-backed dtypes, so that columns
    keep their type whether or not a partition holds nulls). Built from the schema, so Dask
    needs no sample computation."""
    frame: pl.DataFrame = getattr(extract([]), table)
    return frame.to_pandas(use_pyarrow_extension_array=True)


def _extract_partition(
    part: Any,
    index: int,
    cols: Columns,
    threads: int | None,
    user: UserPaths = NO_USER_PATHS,
    model: str | None = None,
) -> dict[str, Any]:
    """Runs in a worker: one pandas partition in, its five tables as pandas frames out."""
    wanted = [c for c in cols if c is not None]
    frame = pl.from_pandas(part[wanted].reset_index(drop=True))
    id_col = cols.id
    if id_col is None:
        # Default ids would repeat in every partition: number rows within their partition.
        id_col = "__polemos_id"
        frame = frame.with_columns(
            pl.format("p{}:{}", pl.lit(index), pl.int_range(pl.len())).alias(id_col)
        )
    result = extract(
        frame,
        text_col=cols.text,
        id_col=id_col,
        published_col=cols.published,
        title_col=cols.title,
        threads=threads,
        gazetteer=user.gazetteer,
        lexicon=user.lexicon,
        model=None if model is None else load_cached(model),
    )
    return {
        name: getattr(result, name).to_pandas(use_pyarrow_extension_array=True)
        for name in PARTITION_TABLES
    }


def extract_partitions(
    ddf: dd.DataFrame,
    text: str | None = None,
    id: str | None = None,
    published: str | None = None,
    title: str | None = None,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    published_col: str | None = None,
    title_col: str | None = None,
    threads: int | None = 1,
    gazetteer: PathLike | None = None,
    lexicon: PathLike | None = None,
    model: PathLike | None = None,
) -> DaskTables:
    """Maps `polemos.extract` over the partitions of `ddf`; returns the tables lazily.

    `text_col`, `id_col`, `published_col` and `title_col` name columns of `ddf`, as in
    `polemos.extract` on a frame (`text`, `id`, `published`, `title`, also positional, before
    0.2: deprecated). Without `id_col`, documents are numbered `p{partition}:{row}`.
    `threads` is the number of polemos threads per partition (default 1: Dask already runs
    one task per worker thread; raise it for workers with one thread and several cores).

    `gazetteer` is a gazetteer file (from `polemos.import_gazetteer` or
    `polemos gazetteer import`) whose places are added to the embedded gazetteer, as in
    `polemos.extract`. Every worker reads it, so it must be at that path on every worker
    machine; each worker process loads and merges it once. `lexicon` is a folder of
    dictionaries and word classes added to the built-in ones, read the same way. The Dask
    tables carry no file metadata: record the gazetteer and lexicon yourself when writing them.
    `model` is the path of a trained model file (`Model.save`, `polemos train`), read once by
    each worker process, so it too must be at that path on every worker machine.

    Each table's `meta` comes from the output schema (`polemos.dask.meta`), so building the
    graph runs no extraction.
    """
    cols = columns(
        (text_col, id_col, published_col, title_col),
        (text, id, published, title),
        "extract_partitions",
    )
    missing = [c for c in cols if c is not None and c not in ddf.columns]
    if missing:
        from polemos import InputError

        raise InputError(f"no column {', '.join(map(repr, missing))} in the frame")
    g = user_paths(gazetteer, lexicon)
    model_path = None if model is None else os.fspath(model)
    parts = [
        delayed(_extract_partition, pure=True)(part, i, cols, threads, g, model_path)
        for i, part in enumerate(ddf.to_delayed())  # type: ignore[no-untyped-call, unused-ignore]
    ]
    tables = {
        name: dd.from_delayed(
            [delayed(operator.getitem, pure=True)(p, name) for p in parts],
            meta=meta(name),
            verify_meta=False,
        )
        for name in PARTITION_TABLES
    }
    return DaskTables(tables)
