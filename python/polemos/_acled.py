"""`read_acled`: an ACLED export in the columns and types of `Result.to_acled()`.

ACLED's data reach researchers in several shapes: the CSV of the export tool (older ones with
dates as `08 April 2017`), the API's JSON rows, the frames of ACLED's Python client, and since
2024 actor types as words (`inter1` = `"State forces"`) rather than codes. This reader takes
any of them and gives the columns `to_acled()` gives polemos output, with the same types, so
that the two can be joined, compared and concatenated.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any, Union

import polars as pl

from polemos import _core

# ACLED's actor types by inter code (the codebook's "Inter codes" section), as the export and
# the API write them since 2024 in `inter1`/`inter2`, lower-cased; older files hold the codes.
INTER_NAMES = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
_INTER_PATTERN = re.compile("|".join(re.escape(name) for name in INTER_NAMES))

# `event_date` as ACLED has written it: ISO (API, current exports), `08 April 2017` and
# `08-April-2017` (older exports).
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")

Source = Union[str, "os.PathLike[str]", pl.DataFrame, pl.LazyFrame, Sequence[Mapping[str, Any]]]


def _schema() -> pl.Schema:
    """The ACLED columns of `Result.to_acled()` and their types (without polemos' own)."""
    empty = pl.DataFrame(_core.empty_view("acled"))
    return pl.Schema({n: t for n, t in empty.schema.items() if not n.startswith("polemos_")})


def read_acled(source: Source) -> pl.DataFrame:
    """Loads ACLED data into the columns and types of `Result.to_acled()`.

    `source` is the path of an ACLED CSV export (or of a JSON file of API rows), a polars
    DataFrame or LazyFrame, a pandas DataFrame (the `acled` client's frames), any Arrow table,
    or a list of the API's row dictionaries. Columns are matched by name; ACLED's columns that
    are missing come back null, and columns ACLED adds beyond `to_acled()`'s (`population_best`,
    say) are kept after them. Dates in any of the formats ACLED has used become dates; actor
    types written as words (`"State forces"`, `"Rebel group-Civilians"`) become ACLED's inter
    and interaction codes, as `to_acled()` gives them.

    >>> acled = polemos.read_acled("acled_export.csv")                        # doctest: +SKIP
    >>> ours = polemos.extract(Path("articles")).to_acled()                  # doctest: +SKIP
    >>> ours.join(acled, on=["event_date", "admin1"], how="full")            # doctest: +SKIP

    Raises `InputError` when `source` is not a table, has no `event_date` column, or holds
    values that cannot be read as their column's type.
    """
    frame = _frame(source)
    schema = _schema()
    if "event_date" not in frame.columns:
        raise _core.InputError(
            f"not ACLED data: no event_date column (columns: {', '.join(frame.columns[:12])})"
        )
    try:
        columns = [_column(frame, name, dtype) for name, dtype in schema.items()]
    except pl.exceptions.PolarsError as e:
        raise _core.InputError(f"cannot read the ACLED columns: {e}") from e
    extra = [c for c in frame.columns if c not in schema]
    return frame.select(*columns, *extra)


def _frame(source: Any) -> pl.DataFrame:
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if not os.path.exists(path):
            raise _core.InputFileNotFoundError(2, "No such file or directory", path)
        if path.lower().endswith((".json", ".jsonl", ".ndjson")):
            reader = pl.read_ndjson if not path.lower().endswith(".json") else pl.read_json
            return reader(path, infer_schema_length=None)
        # Every column as text: codes and dates are parsed below, whatever the file's dialect.
        return pl.read_csv(path, infer_schema=False)
    if isinstance(source, pl.DataFrame):
        return source
    if isinstance(source, pl.LazyFrame):
        return source.collect()
    if hasattr(source, "__arrow_c_stream__"):
        return pl.DataFrame(source)
    if type(source).__module__.startswith("pandas"):
        return pl.from_pandas(source)
    if isinstance(source, Sequence) and all(isinstance(r, Mapping) for r in source):
        return pl.DataFrame(list(source), infer_schema_length=None)
    raise _core.InputError(
        "read_acled takes a path, a polars or pandas DataFrame, an Arrow table or a list of "
        f"ACLED's row dictionaries, not {type(source).__name__}"
    )


def _column(frame: pl.DataFrame, name: str, dtype: pl.DataType) -> pl.Expr:
    if name not in frame.columns:
        return pl.lit(None, dtype=dtype).alias(name)
    column = pl.col(name)
    given = frame.schema[name]
    if name in ("inter1", "inter2", "interaction") and given == pl.String:
        values = frame.get_column(name).to_list()
        codes = [_code(v, interaction=name == "interaction") for v in values]
        return pl.lit(pl.Series(name, codes, dtype=pl.Int32)).alias(name)
    if dtype == pl.Date and given == pl.String:
        stripped = column.str.strip_chars()
        parsed = [stripped.str.to_date(f, strict=False) for f in DATE_FORMATS]
        return pl.coalesce(parsed).alias(name)
    if dtype == pl.String:
        return column.cast(pl.String).alias(name)
    if given == pl.String:
        # Empty fields are missing values; numbers may be written "12" or "12.0".
        text = column.str.strip_chars()
        text = pl.when(text == "").then(None).otherwise(text)
        if dtype.is_integer():
            return text.cast(pl.Float64).cast(dtype).alias(name)
        return text.cast(dtype).alias(name)
    return column.cast(dtype).alias(name)


def _code(value: str | None, interaction: bool) -> int | None:
    """An inter or interaction code from its number or its words: `"7"`, `"Civilians"`,
    `"State forces-Civilians"` (17), `"Rebel group only"` (20)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    codes = [INTER_NAMES[m.group(0)] for m in _INTER_PATTERN.finditer(text.lower())]
    if not codes:
        raise _core.InputError(f"not an ACLED actor type or interaction: {value!r}")
    if len(codes) == 1:
        # One type: an inter code, or an interaction with one side ("Rioters only").
        return codes[0] * 10 if interaction else codes[0]
    low, high = sorted(codes[:2])
    return low * 10 + high
