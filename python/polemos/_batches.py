"""`extract_batches`: extraction over inputs too large to hold, one bounded batch at a time."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from typing import Any

import polars as pl

from polemos import _core, _paths
from polemos._api import (
    DateLike,
    PathLike,
    UserPaths,
    check_paths,
    extract_frame_tables,
    path_keywords,
    text_columns,
    user_paths,
)
from polemos._columns import Columns, columns, refuse_columns
from polemos._model import Model
from polemos._progress import Progress
from polemos._result import Result


def extract_batches(
    data: Any,
    *,
    batch_size: int = 1000,
    text_col: str | None = None,
    id_col: str | None = None,
    published_col: str | None = None,
    title_col: str | None = None,
    published: DateLike = None,
    split: bool = True,
    threads: int | None = None,
    progress: bool = False,
    gazetteer: PathLike | None = None,
    lexicon: PathLike | None = None,
    model: Model | PathLike | None = None,
    keep_going: bool = False,
    text: str | None = None,
    id: str | None = None,
    title: str | None = None,
) -> Iterator[Result]:
    """Extracts events batch by batch, yielding one `Result` per `batch_size` inputs.

    Only one batch of texts and its tables are in memory at a time, so a corpus of any size
    can be processed by writing or aggregating each result and dropping it. Document ids are
    those one `extract` call on the whole input would give (`input[i]` counts across
    batches), so the batches concatenate into that call's tables.

    `data` is one of:

    - an iterable of `str` (a list, a generator, lines of a file); `published` is then one
      date for every text. Texts are pulled from the iterable lazily.
    - a `polars.LazyFrame` (e.g. `pl.scan_parquet("news/*.parquet")`), read `batch_size`
      rows at a time, or a `polars.DataFrame` or other Arrow table, sliced without copying;
      `text_col`, `id_col`, `published_col` and `title_col` are the names of its columns.
    - a `pathlib.Path`, a glob pattern given as a `Path`, or a list of them; the files are
      expanded as `polemos.read` does and read in order, `batch_size` documents at a time
      (`text_col` and the like name the columns of CSV and JSONL files)
      (a CSV or JSONL file of 16 MiB or more is itself read a few MiB at a time, so one
      large export is never held whole). A path that does not exist or cannot be opened raises
      an `OSError` subclass at the call, as in `polemos.extract` (`keep_going=True` makes it
      a row with status `"error"` when other paths were given).

    `progress=True` shows a progress bar (`tqdm.auto`: a widget in Jupyter) when tqdm is
    installed, and nothing otherwise. `threads` is the number of worker threads per batch.
    `gazetteer` is a gazetteer file whose places are added to the embedded gazetteer, and
    `lexicon` a folder of dictionaries and word classes added to the built-in ones, as in
    `polemos.extract`; they are loaded once, not once per batch. `model` is a trained
    event-type model (`polemos.train`) or the path of a model file, as in `polemos.extract`.

    >>> import polemos, polars as pl
    >>> texts = (f"Shelling hit Idlib on day {i}." for i in range(2500))
    >>> counts = [r.events.height for r in polemos.extract_batches(texts, batch_size=1000)]
    >>> len(counts)
    3
    >>> news = pl.scan_parquet("news.parquet")                              # doctest: +SKIP
    >>> frames = []
    >>> for r in polemos.extract_batches(news, id_col="url"):               # doctest: +SKIP
    ...     frames.append(r.events.filter(pl.col("fatalities") > 0))
    >>> events = pl.concat(frames)                                          # doctest: +SKIP
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise _core.InputError(f"batch_size must be a positive integer, got {batch_size!r}")
    g = user_paths(gazetteer, lexicon, model)
    named = (text_col, id_col, published_col, title_col)
    if isinstance(data, str):
        raise TypeError(
            "extract_batches takes an iterable of texts, a frame or paths; for one text use "
            "polemos.extract, and wrap paths in pathlib.Path"
        )
    if isinstance(data, os.PathLike) or (
        isinstance(data, (list, tuple)) and data and all(isinstance(x, os.PathLike) for x in data)
    ):
        # Checked and expanded now, so that a missing path or a pattern matching nothing fails
        # at the call, not mid-loop.
        check_paths(data, keep_going)
        files = _paths.expand([data] if isinstance(data, os.PathLike) else data)
        cols = columns(named, (text, id, published, title), "extract_batches")
        return _path_batches(files, batch_size, cols, split, threads, progress, g)
    if isinstance(data, (pl.DataFrame, pl.LazyFrame)) or hasattr(data, "__arrow_c_stream__"):
        cols = columns(named, (text, id, published, title), "extract_batches")
        return _frame_batches(data, batch_size, cols, threads, progress, g)
    if isinstance(data, Iterable):
        refuse_columns(named, "extract_batches")
        if id is not None or title is not None:
            raise _core.InputError(
                "extract_batches: texts take no id= or title= (ids are input[i]); "
                "pass a frame with id_col= and title_col= for your own"
            )
        return _text_batches(data, batch_size, published, threads, progress, g)
    raise TypeError(
        "polemos.extract_batches takes an iterable of str, a polars DataFrame or LazyFrame, "
        f"an Arrow table or pathlib.Path(s), not {type(data).__name__}"
    )


def _total(data: Any) -> int | None:
    try:
        return len(data)
    except TypeError:
        return None


def _text_batches(
    texts: Iterable[Any],
    batch_size: int,
    published: Any,
    threads: int | None,
    progress: bool,
    user: UserPaths,
) -> Iterator[Result]:
    iterator = iter(texts)
    offset = 0
    with Progress(progress, _total(texts)) as bar:
        while True:
            batch = list(itertools.islice(iterator, batch_size))
            if not batch:
                return
            if not all(isinstance(t, str) for t in batch):
                raise _core.InputError(
                    f"extract_batches: every text must be a str; batch at {offset} holds "
                    f"{sorted({type(t).__name__ for t in batch})}"
                )
            _, dates, _ = text_columns(None, published, None, len(batch))
            run = _core.extract_texts(
                batch,
                None,
                dates,
                None,
                threads,
                offset,
                user.gazetteer,
                user.lexicon,
                user.model,
            )
            offset += len(batch)
            bar.update(len(batch))
            yield Result._from_core(run)


def _frame_batches(
    data: Any,
    batch_size: int,
    cols: Columns,
    threads: int | None,
    progress: bool,
    user: UserPaths,
) -> Iterator[Result]:
    if isinstance(data, pl.LazyFrame):
        batches, total = _lazy_batches(data, batch_size), None
    else:
        frame = _eager(data)
        batches = (frame.slice(o, batch_size) for o in range(0, frame.height, batch_size))
        total = frame.height
    offset = 0
    with Progress(progress, total) as bar:
        for batch in batches:
            run = extract_frame_tables(batch, cols, threads, offset, user)
            yield Result._from_core(run)
            offset += batch.height
            bar.update(batch.height)


def _lazy_batches(lazy: pl.LazyFrame, batch_size: int) -> Iterator[pl.DataFrame]:
    """The rows of `lazy` in frames of `batch_size` rows (the last one shorter).

    Where polars streams a query's results (`collect_batches`), the query runs once and only
    a batch or two of rows are held; slicing instead (older polars) runs the query again for
    every batch, which for a scanned file reads it up to the slice each time.
    """
    collect_batches = getattr(lazy, "collect_batches", None)
    if collect_batches is None:
        offset = 0
        while True:
            batch = lazy.slice(offset, batch_size).collect()
            if batch.height > 0:
                yield batch
            if batch.height < batch_size:
                return
            offset += batch.height
    pending: list[pl.DataFrame] = []
    held = 0
    for chunk in collect_batches(chunk_size=batch_size):
        pending.append(chunk)
        held += chunk.height
        while held >= batch_size:
            frame = pl.concat(pending, rechunk=False)
            yield frame.slice(0, batch_size)
            rest = frame.slice(batch_size)
            pending, held = ([rest] if rest.height else []), rest.height
    if held:
        yield pl.concat(pending, rechunk=False)


def _eager(data: Any) -> pl.DataFrame:
    return data if isinstance(data, pl.DataFrame) else pl.DataFrame(data)


def _path_batches(
    files: list[str],
    batch_size: int,
    cols: Columns,
    split: bool,
    threads: int | None,
    progress: bool,
    user: UserPaths,
) -> Iterator[Result]:
    # The Rust reader takes the files in order, a batch of documents at a time: a large CSV
    # or JSONL file is read a few MiB at a time, never whole.
    batches = _core.PathBatches(files, **path_keywords(cols, split, threads, user))
    done = 0
    with Progress(progress, batches.n_files, desc="polemos (files)") as bar:
        while (batch := batches.next_batch(batch_size)) is not None:
            tables, metadata, files_done = batch
            bar.update(files_done - done)
            done = files_done
            yield Result._from_core((tables, metadata))
