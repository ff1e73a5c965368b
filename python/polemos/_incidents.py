"""`link_incidents`: incidents across events extracted in separate runs."""

from __future__ import annotations

from typing import Any

import polars as pl

from polemos import _core


def link_incidents(events: Any) -> pl.DataFrame:
    """Links events reported by different documents into incidents, as `extract` does within
    one call, and returns the incidents table (columns in `docs/schema.md`).

    For events extracted apart: the partitions of `polemos.dask.extract_partitions` (whose
    `incidents()` calls this), batches of `extract_batches`, or tables read back from disk.
    `events` is an events table as polemos writes it: a polars DataFrame or LazyFrame, a
    pandas DataFrame, or any Arrow table; only the columns linking reads are used
    (`event_id`, `doc_id`, `sub_event_type`, `admin1`, `location`, `geo_precision`,
    `date_start`, `date_end`, `actor1`, `actor2`, `fatalities`, `source`).

    >>> parts = [polemos.extract(batch) for batch in batches]               # doctest: +SKIP
    >>> events = pl.concat([r.events for r in parts])                       # doctest: +SKIP
    >>> polemos.link_incidents(events)                                      # doctest: +SKIP
    >>> polemos.link_incidents(pl.scan_parquet("out/*/events.parquet"))     # doctest: +SKIP

    Raises `InputError` if `events` is not a table or lacks one of those columns.
    """
    frame = _events_frame(events)
    texts = _core.LINK_TEXT_COLUMNS
    ints = _core.LINK_INT_COLUMNS
    dates = _core.LINK_DATE_COLUMNS
    missing = [c for c in (*texts, *ints, *dates) if c not in frame.columns]
    if missing:
        raise _core.InputError(f"not an events table: no column {', '.join(map(repr, missing))}")
    try:
        text_values = {c: frame.get_column(c).cast(pl.String).to_list() for c in texts}
        int_values = {c: frame.get_column(c).cast(pl.Int32).to_list() for c in ints}
        # Dates as days since 1970-01-01, which is how Arrow stores them.
        int_values |= {c: frame.get_column(c).cast(pl.Date).cast(pl.Int32).to_list() for c in dates}
    except pl.exceptions.PolarsError as e:
        raise _core.InputError(f"cannot read the events columns: {e}") from e
    return pl.DataFrame(_core.link_incidents(text_values, int_values))


def _events_frame(events: Any) -> pl.DataFrame:
    """The events as a polars DataFrame, with only the columns linking reads when lazy."""
    if isinstance(events, pl.DataFrame):
        return events
    if isinstance(events, pl.LazyFrame):
        wanted = (*_core.LINK_TEXT_COLUMNS, *_core.LINK_INT_COLUMNS, *_core.LINK_DATE_COLUMNS)
        present = [c for c in wanted if c in events.collect_schema().names()]
        return events.select(present).collect()
    if hasattr(events, "__arrow_c_stream__"):
        return pl.DataFrame(events)
    if type(events).__module__.startswith("pandas"):
        return pl.from_pandas(events)
    kind = type(events).__name__
    raise _core.InputError(f"link_incidents takes an events table (polars, pandas, Arrow): {kind}")
