"""`extract` and `read`: what the caller passes, normalised for the Rust core."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol, Union, overload

import polars as pl

from polemos import _core
from polemos._columns import Columns, columns, refuse_columns
from polemos._model import Model, core_model
from polemos._result import Metadata, Result, combine

PathLike = Union[str, "os.PathLike[str]"]
DateLike = Union[str, dt.date, None]


class ArrowStreamExportable(Protocol):
    """Any table with the Arrow PyCapsule stream interface: pyarrow, pandas via pyarrow,
    duckdb and nanoarrow tables, polars frames."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...


class UserPaths(NamedTuple):
    """A user's own resources for the Rust core: `gazetteer=` file, `lexicon=` folder,
    `model=` trained model (loaded once, shared by every batch)."""

    gazetteer: str | None = None
    lexicon: str | None = None
    model: _core.Model | None = None


# No user resources: the embedded ones alone.
NO_USER_PATHS = UserPaths()


def user_paths(gazetteer: Any, lexicon: Any, model: Any = None) -> UserPaths:
    """`gazetteer=` and `lexicon=` as path strings for the Rust core, `model=` loaded."""
    for value, name, what in ((gazetteer, "gazetteer", "file"), (lexicon, "lexicon", "folder")):
        if value is not None and not isinstance(value, (str, os.PathLike)):
            raise TypeError(
                f"{name}= must be the path of a {name} {what}, not {type(value).__name__}"
            )
    return UserPaths(
        None if gazetteer is None else os.fspath(gazetteer),
        None if lexicon is None else os.fspath(lexicon),
        core_model(model),
    )


@overload
def extract(
    data: str | Sequence[str] | pl.Series,
    *,
    id: str | Sequence[str | None] | None = None,
    published: DateLike | Sequence[DateLike] = None,
    title: str | Sequence[str | None] | None = None,
    threads: int | None = None,
    progress: bool = False,
    gazetteer: PathLike | None = None,
    lexicon: PathLike | None = None,
    model: Model | PathLike | None = None,
) -> Result: ...


@overload
def extract(
    data: pl.DataFrame | pl.LazyFrame | ArrowStreamExportable,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    published_col: str | None = None,
    title_col: str | None = None,
    threads: int | None = None,
    progress: bool = False,
    gazetteer: PathLike | None = None,
    lexicon: PathLike | None = None,
    model: Model | PathLike | None = None,
) -> Result: ...


@overload
def extract(
    data: os.PathLike[str] | Sequence[os.PathLike[str]],
    *,
    text_col: str = "text",
    id_col: str | None = None,
    published_col: str | None = None,
    title_col: str | None = None,
    split: bool = True,
    threads: int | None = None,
    progress: bool = False,
    gazetteer: PathLike | None = None,
    lexicon: PathLike | None = None,
    model: Model | PathLike | None = None,
    keep_going: bool = False,
) -> Result: ...


def extract(
    data: Any,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    published_col: str | None = None,
    title_col: str | None = None,
    id: Any = None,
    published: Any = None,
    title: Any = None,
    split: bool = True,
    threads: int | None = None,
    progress: bool = False,
    gazetteer: PathLike | None = None,
    lexicon: PathLike | None = None,
    model: Model | PathLike | None = None,
    keep_going: bool = False,
    text: str | None = None,
) -> Result:
    """Extracts events from texts, a table of texts, or files.

    `data` is one of:

    - a `str` (one text), a list or tuple of `str` or a `polars.Series` (one text each).
      `id` is then the id of the text, or a list of ids (default `input[i]`); `published`
      one date for all texts or a list of dates (`datetime.date`, or strings such as
      `"2017-04-08"`, `"4/8/17"`, `"8 April 2017"`; `None` for unknown); `title` the title of
      the text, or a list. A title helps when the text repeats it as its first line (as many
      exports do): that line is then the headline, not part of the first sentence.
    - a `polars.DataFrame`, `polars.LazyFrame` or any object with `__arrow_c_stream__`
      (pyarrow, pandas via pyarrow, duckdb). `text_col`, `id_col`, `published_col` and
      `title_col` are then the names of its columns (text defaults to `"text"`, the others to
      none); the `published_col` column may hold dates, datetimes or date strings.
    - a `pathlib.Path` or a list of them: files, directories or glob patterns (`.txt`, `.md`,
      `.html`, `.csv`, `.jsonl`, `.warc`). `text_col`, `id_col`, `published_col` and
      `title_col` name the columns of CSV and JSONL files; `split=False` keeps pages holding
      several stories whole.

    Column names passed as `text=`, `id=`, `published=` or `title=` (before 0.2) still work
    for frames and files, with a `DeprecationWarning`.

    A `str` is always text, never a path: wrap paths in `pathlib.Path`.

    `threads` is the number of worker threads (default: one per core). The GIL is released
    while polemos works. `progress=True` shows a progress bar (`tqdm.auto`, a widget in
    Jupyter) when tqdm is installed, and nothing otherwise; the tables are the same.
    For inputs too large to hold in memory at once, use `polemos.extract_batches`.

    `gazetteer` is a gazetteer file written by `polemos.import_gazetteer` (or the command
    `polemos gazetteer import`) from GeoNames dumps: its places (villages, say) are added to
    the embedded gazetteer for this call, as `polemos extract --gazetteer FILE` does, and
    `Result.write` records the file and its hash in the Parquet and Arrow metadata. The merged
    gazetteer is kept for later calls with the same unchanged file.

    `lexicon` is a folder of dictionaries and word classes (`actors.tsv`, `triggers.tsv`,
    `harm_words.tsv` ...: `polemos lexicon export DIR` writes the built-in ones to start from)
    added to the built-in ones for this call, as `polemos extract --lexicon DIR` does; each
    file used is recorded in the resources metadata. See docs/lexicon.md.

    `model` is a trained event-type model (`polemos.train`, or the path of a file from
    `Model.save` or `polemos train`): it reads each event beside the rules and fills
    `model_label`, `model_probability` and `rules_sub_event_type`; with ACLED sub-event types
    as labels it replaces the rules' sub-event type where it is confident (docs/training.md).

    >>> import polemos
    >>> r = polemos.extract("Islamic State militants attacked the airbase in Deir ez-Zor.")
    >>> r.events.columns[:3]
    ['event_id', 'doc_id', 'sentence']
    >>> df = pl.DataFrame({"id": ["a"], "body": ["Clashes in Daraa."], "date": ["2017-04-08"]})
    >>> r = polemos.extract(df, text_col="body", id_col="id", published_col="date")
    >>> r.documents["published"][0]
    datetime.date(2017, 4, 8)
    >>> polemos.extract(Path("examples/corpus"))  # doctest: +SKIP

    Raises `InputError` (a `ValueError`) for invalid inputs (unknown columns, mismatched
    lengths, bad dates, a pattern matching no file), `ResourceError` if the bundled
    dictionaries, the `gazetteer` file or the `lexicon` folder cannot be loaded. A path that
    does not exist or cannot be opened raises `InputFileNotFoundError` (a `FileNotFoundError`),
    `InputPermissionError` (a `PermissionError`) or `UnreadableInputError` (an `OSError`), all
    `InputError`s, unless other paths were given and `keep_going=True`: it is then a row of
    `documents` with status `"error"`, as is a file that opens but cannot be read as text.
    """
    u = user_paths(gazetteer, lexicon, model)
    check_paths(data, keep_going)
    named = (text_col, id_col, published_col, title_col)
    if isinstance(data, (str, pl.Series)) or (
        isinstance(data, (list, tuple)) and all(isinstance(x, str) for x in data)
    ):
        refuse_columns(named, "extract")
        texts = [data] if isinstance(data, str) else _series_texts(data)
        if progress:
            return _texts_with_progress(texts, id, published, title, threads, u)
        return _extract_texts(texts, id, published, title, threads, u)
    cols = columns(named, (text, id, published, title), "extract")
    if progress:
        return _extract_with_progress(data, cols, split, threads, u)
    if isinstance(data, os.PathLike):
        return _extract_paths([data], cols, split, threads, u)
    if isinstance(data, (list, tuple)):
        if all(isinstance(x, os.PathLike) for x in data):
            return _extract_paths(list(data), cols, split, threads, u)
        raise _core.InputError(
            "a list must hold only texts (str) or only paths (pathlib.Path), "
            f"got {sorted({type(x).__name__ for x in data})}"
        )
    frame = _as_frame(data)
    if frame is not None:
        return Result._from_core(extract_frame_tables(frame, cols, threads, user=u))
    raise TypeError(
        "polemos.extract takes a str, a list of str, a polars DataFrame, an Arrow table or "
        f"pathlib.Path(s), not {type(data).__name__}"
    )


def _series_texts(data: Sequence[str] | pl.Series) -> list[str]:
    if isinstance(data, pl.Series):
        texts: list[str] = data.cast(pl.String).fill_null("").to_list()
        return texts
    return list(data)


def import_gazetteer(geonames: PathLike | Sequence[PathLike], out: PathLike) -> int:
    """Builds a gazetteer file for `extract(..., gazetteer=out)` from GeoNames dump files.

    `geonames` is a file or directory, or a list of them, among the dumps of
    https://download.geonames.org/export/dump/: a place file (a country file such as `SY.txt`,
    `allCountries.txt` or `cities1000.txt`; required), `admin1CodesASCII.txt` and
    `admin2Codes.txt` (admin region names instead of codes) and `alternateNamesV2.txt` (more
    spellings of the places loaded). Files are recognised by name; a directory gives its
    `.txt` files. `out` is written zstd-compressed when it ends in `.zst`. Returns the number
    of places written. This is `polemos gazetteer import GEONAMES... -o OUT`, same code and
    same file.

    >>> polemos.import_gazetteer(["SY.txt", "admin1CodesASCII.txt"], "sy.tsv.zst")  # doctest: +SKIP
    18542
    >>> polemos.extract(Path("articles"), gazetteer="sy.tsv.zst")                # doctest: +SKIP

    Raises `InputFileNotFoundError` (a `FileNotFoundError`) or another `OSError` subclass
    when a GeoNames file is missing or cannot be opened, `InputError` when one is malformed
    or no place file is given, and `ExportError` (an `OSError`) when `out` cannot be written.
    Data from GeoNames is licensed CC BY 4.0: credit geonames.org where you publish results.
    """
    inputs = _path_list(geonames)
    if not inputs:
        raise _core.InputError("import_gazetteer needs at least one GeoNames file")
    _core.check_inputs(inputs)
    return _core.import_gazetteer(inputs, os.fspath(out))


def read(
    paths: PathLike | Sequence[PathLike],
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    published_col: str | None = None,
    title_col: str | None = None,
    split: bool = True,
    threads: int | None = None,
    keep_going: bool = False,
    text: str | None = None,
    id: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> pl.DataFrame:
    """Reads documents from files without extracting events: the `documents` table.

    `paths` is a path, directory or glob pattern (`str` or `pathlib.Path`), or a list of them.
    `text_col`, `id_col`, `published_col` and `title_col` name the columns of CSV and JSONL
    files (`text=`, `id=`, `published=`, `title=` before 0.2: deprecated). Headlines,
    datelines and sentences are found; `n_mentions` and `n_events` are 0. A path that does not
    exist or cannot be opened raises an `OSError` subclass as in `extract` (with several paths
    and `keep_going=True` it is a row instead); a file that cannot be read as text is a row
    with status `"error"` and the reason in `error`.

    >>> docs = polemos.read("examples/corpus/*.txt")  # doctest: +SKIP
    >>> docs.select("doc_id", "status", "headline", "published")  # doctest: +SKIP
    """
    cols = columns(
        (text_col, id_col, published_col, title_col), (text, id, published, title), "read"
    )
    path_list = _path_list(paths)
    _core.check_inputs(path_list, keep_going)
    table = _core.read_paths(
        path_list,
        text_column=cols.text,
        id_column=cols.id,
        date_column=cols.published,
        title_column=cols.title,
        split_stories=split,
        threads=threads,
    )
    return pl.DataFrame(table)


# Documents per batch when `extract` shows progress: the bar moves every few seconds at most,
# and batching costs little at this size.
PROGRESS_BATCH = 256


def _texts_with_progress(
    texts: list[str],
    id: Any,
    published: Any,
    title: Any,
    threads: int | None,
    user: UserPaths,
) -> Result:
    """`extract` of texts in batches with a bar, joined into one Result (the same tables)."""
    from polemos._progress import Progress

    # Per-text ids and titles: run the slices with their own values.
    ids, dates, titles = text_columns(id, published, title, len(texts))
    runs = []
    with Progress(True, len(texts)) as bar:
        for start in range(0, max(len(texts), 1), PROGRESS_BATCH):
            end = start + PROGRESS_BATCH
            run = _core.extract_texts(
                texts[start:end],
                None if ids is None else ids[start:end],
                None if dates is None else dates[start:end],
                None if titles is None else titles[start:end],
                threads,
                start,
                user.gazetteer,
                user.lexicon,
                user.model,
            )
            runs.append(Result._from_core(run))
            bar.update(len(texts[start:end]))
    return combine(runs)


def _extract_with_progress(
    data: Any, cols: Columns, split: bool, threads: int | None, user: UserPaths
) -> Result:
    """`extract` of a frame or files in batches with a bar, joined into one Result."""
    from polemos._batches import extract_batches

    batches = extract_batches(
        data,
        batch_size=PROGRESS_BATCH,
        text_col=cols.text,
        id_col=cols.id,
        published_col=cols.published,
        title_col=cols.title,
        split=split,
        threads=threads,
        progress=True,
        gazetteer=user.gazetteer,
        lexicon=user.lexicon,
        model=None if user.model is None else Model(user.model),
    )
    return combine(list(batches))


def text_columns(
    id: Any, published: Any, title: Any, n: int
) -> tuple[list[str | None] | None, list[str | None] | None, list[str | None] | None]:
    """`id=`, `published=` and `title=` for `n` texts, as lists for the Rust core."""
    return _one_or_many(id, n, "id"), _dates(published, n), _one_or_many(title, n, "title")


def _extract_texts(
    texts: list[str],
    id: Any,
    published: Any,
    title: Any,
    threads: int | None,
    user: UserPaths,
) -> Result:
    ids, dates, titles = text_columns(id, published, title, len(texts))
    run = _core.extract_texts(
        texts,
        ids,
        dates,
        titles,
        threads,
        gazetteer=user.gazetteer,
        lexicon=user.lexicon,
        model=user.model,
    )
    return Result._from_core(run)


def _extract_paths(
    paths: list[Any], cols: Columns, split: bool, threads: int | None, user: UserPaths
) -> Result:
    return Result._from_core(extract_path_tables(paths, cols, split, threads, user))


def extract_path_tables(
    paths: list[Any], cols: Columns, split: bool, threads: int | None, user: UserPaths
) -> tuple[dict[str, _core.ArrowTable], Metadata]:
    """Runs the Rust core on files; returns the tables and the resources' file metadata."""
    return _core.extract_paths(_path_list(paths), **path_keywords(cols, split, threads, user))


def path_keywords(
    cols: Columns, split: bool, threads: int | None, user: UserPaths
) -> dict[str, Any]:
    """The keyword arguments of the Rust core's readers of files (`_core.extract_paths`,
    `_core.PathBatches`) for the Python API's arguments."""
    return {
        "text_column": cols.text,
        "id_column": cols.id,
        "date_column": cols.published,
        "title_column": cols.title,
        "split_stories": split,
        "threads": threads,
        "gazetteer": user.gazetteer,
        "lexicon": user.lexicon,
        "model": user.model,
    }


def extract_frame_tables(
    frame: pl.DataFrame,
    cols: Columns,
    threads: int | None,
    offset: int = 0,
    user: UserPaths = NO_USER_PATHS,
) -> tuple[dict[str, _core.ArrowTable], Metadata]:
    """Runs the Rust core on a frame's columns; `offset` numbers default ids `input[offset+i]`.
    Returns the tables and the file metadata of the resources used."""
    wanted = [c for c in cols if c is not None]
    missing = [c for c in wanted if c not in frame.columns]
    if missing:
        raise _core.InputError(
            f"no column {', '.join(map(repr, missing))} in the frame; it has {frame.columns}"
        )

    def strings(column: str | None) -> list[str | None] | None:
        if column is None:
            return None
        values: list[str | None] = frame.get_column(column).cast(pl.String).to_list()
        return values

    try:
        texts: list[str] = frame.get_column(cols.text).cast(pl.String).fill_null("").to_list()
        ids, dates, titles = strings(cols.id), strings(cols.published), strings(cols.title)
    except pl.exceptions.PolarsError as e:
        raise _core.InputError(f"cannot read the frame's columns as text: {e}") from e
    return _core.extract_texts(
        texts, ids, dates, titles, threads, offset, user.gazetteer, user.lexicon, user.model
    )


def _as_frame(data: Any) -> pl.DataFrame | None:
    """A DataFrame for polars frames and Arrow tables (PyCapsule interface), else None."""
    if isinstance(data, pl.DataFrame):
        return data
    if isinstance(data, pl.LazyFrame):
        return data.collect()
    if hasattr(data, "__arrow_c_stream__"):
        return pl.DataFrame(data)
    return None


def _one_or_many(value: Any, n: int, what: str) -> list[str | None] | None:
    """`id=` or `title=` for texts: a single str for a single text, else a sequence of n."""
    if value is None:
        return None
    if isinstance(value, str):
        if n != 1:
            raise _core.InputError(f"{what}= must be a list of {n} values, one per text")
        return [value]
    values = list(value)
    if not all(v is None or isinstance(v, str) for v in values):
        raise _core.InputError(f"{what}= must hold str or None")
    return values


def _dates(value: Any, n: int) -> list[str | None] | None:
    """`published=` for texts: one date for all, or a sequence of n dates."""
    if value is None:
        return None
    if isinstance(value, (str, dt.date)):
        return [_date_str(value)] * n
    return [_date_str(v) for v in value]


def _date_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise _core.InputError(
        f"published= values must be dates, date strings or None, not {type(value).__name__}"
    )


def check_paths(data: Any, keep_going: bool) -> None:
    """Raises the `OSError` subclass for the first input path that cannot be opened (see
    `extract`), when `data` is paths; texts and frames are not checked."""
    if isinstance(data, os.PathLike):
        _core.check_inputs([os.fspath(data)], keep_going)
    elif isinstance(data, (list, tuple)) and data and all(isinstance(x, os.PathLike) for x in data):
        _core.check_inputs(_path_list(data), keep_going)


def _path_list(paths: Any) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]
