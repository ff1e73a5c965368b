"""`Result`: the six tables of an extraction run."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl

from polemos import _core

TABLES = ("documents", "sentences", "mentions", "events", "furniture", "incidents")

# File metadata from the Rust core: `polemos.resources`, the resources a run extracted with.
Metadata = list[tuple[str, str]]


class Result:
    """The tables of one extraction run, as polars DataFrames.

    Each table is imported from Rust without copying, on first access. Columns are documented
    in `docs/schema.md`; tables join on `doc_id`. A result remembers the resources it was
    extracted with (the embedded gazetteer and dictionaries, plus a `gazetteer=` file and the
    files of a `lexicon=` folder), and
    `write` records them in Parquet and Arrow metadata.

    >>> result = polemos.extract(["Shelling hit Idlib.", "Clashes in Daraa."])  # doctest: +SKIP
    >>> result                                                                # doctest: +SKIP
    polemos.Result(documents=2, sentences=2, mentions=..., events=..., furniture=0, incidents=0)
    >>> result.events.group_by("event_type").len()                            # doctest: +SKIP
    >>> result.write("out", format="csv")                                     # doctest: +SKIP
    """

    __slots__ = ("_frames", "_metadata", "_tables")

    def __init__(
        self,
        tables: Mapping[str, _core.ArrowTable],
        metadata: Sequence[tuple[str, str]] | None = None,
    ) -> None:
        missing = [name for name in TABLES if name not in tables]
        if missing:
            raise _core.InputError(f"missing tables: {', '.join(missing)}")
        self._tables = {name: tables[name] for name in TABLES}
        self._frames: dict[str, pl.DataFrame] = {}
        # None: extracted with the embedded resources only.
        self._metadata: Metadata | None = None if metadata is None else list(metadata)

    @classmethod
    def _from_core(cls, run: tuple[dict[str, _core.ArrowTable], Metadata]) -> Result:
        """A result from what `_core.extract_texts` or `_core.extract_paths` return."""
        tables, metadata = run
        return cls(tables, metadata)

    def _frame(self, name: str) -> pl.DataFrame:
        frame = self._frames.get(name)
        if frame is None:
            frame = pl.DataFrame(self._tables[name])
            self._frames[name] = frame
        return frame

    @property
    def documents(self) -> pl.DataFrame:
        """One row per document (story), with its status, headline, date and text."""
        return self._frame("documents")

    @property
    def sentences(self) -> pl.DataFrame:
        """One row per sentence; the headline, when there is one, is sentence 0."""
        return self._frame("sentences")

    @property
    def mentions(self) -> pl.DataFrame:
        """One row per place, actor, trigger or casualty count found in the text."""
        return self._frame("mentions")

    @property
    def events(self) -> pl.DataFrame:
        """One row per event, coded in ACLED terms."""
        return self._frame("events")

    @property
    def furniture(self) -> pl.DataFrame:
        """One row per stretch of page furniture removed before extraction."""
        return self._frame("furniture")

    @property
    def incidents(self) -> pl.DataFrame:
        """One row per event reported by several documents, with the range of their figures."""
        return self._frame("incidents")

    def to_dict(self) -> dict[str, pl.DataFrame]:
        """All six tables by name."""
        return {name: self._frame(name) for name in TABLES}

    def to_acled(self, *, all_events: bool = False) -> pl.DataFrame:
        """The events in the shape of an ACLED export: ACLED's columns, in its order, with its
        codes (`event_id_cnty`, `disorder_type`, `inter1`/`inter2`, `interaction`,
        `civilian_targeting`, `iso`, `region`, `geo_precision`, `time_precision`, `notes`,
        `fatalities` ...), then `polemos_event_id` and `polemos_modality`. The rows of
        `acled.csv` (`write(..., format="acled")`), typed: dates as dates, codes as integers.

        Only the events the text asserts, as ACLED codes what happened; `all_events=True`
        keeps the negated, planned, denied and hypothetical ones too. `polemos.read_acled`
        loads a real ACLED export into the same columns and types for comparison. What each
        column holds where polemos knows less than an ACLED coder is in `docs/schema.md`.

        >>> import polemos
        >>> r = polemos.extract("On 8 April 2017, gunmen killed two police officers in Mosul.")
        >>> r.to_acled().select("event_id_cnty", "event_date", "country", "fatalities").row(0)
        ('IRQ1', datetime.date(2017, 4, 8), 'Iraq', 2)
        """
        return pl.DataFrame(_core.acled_table(self._tables["events"], all_events))

    def to_ucdp(self, *, all_events: bool = False, min_deaths: int = 1) -> pl.DataFrame:
        """The lethal violent events in the shape of UCDP's Georeferenced Event Dataset: GED's
        columns, in its order, with its codes (`type_of_violence`, `side_a`/`side_b`,
        `where_prec`, `date_prec`, `deaths_a`/`deaths_b`/`deaths_civilians`/`deaths_unknown`,
        `best`/`low`/`high`, `priogrid_gid` ...), then `polemos_event_id`. The rows of
        `ucdp.csv` (`write(..., format="ucdp")`), typed.

        GED codes organised violence that killed someone: the view keeps the events of
        ACLED's political-violence types that the text asserts and that killed at least
        `min_deaths` people (1; 0 keeps those without a number too). `all_events=True` keeps
        those the text does not assert too. Columns that come from UCDP's own registers
        (conflict and dyad ids, Gleditsch-Ward numbers) are null; `docs/schema.md` says what
        each column holds.

        >>> import polemos
        >>> r = polemos.extract("Gunmen killed two police officers in Mosul on Saturday.")
        >>> r.to_ucdp().select("type_of_violence", "country", "region", "best").row(0)
        (1, 'Iraq', 'Middle East', 2)
        """
        if isinstance(min_deaths, bool) or not isinstance(min_deaths, int) or min_deaths < 0:
            raise _core.InputError(f"min_deaths must be a whole number >= 0, got {min_deaths!r}")
        table = _core.ucdp_table(
            self._tables["events"], self._tables["documents"], all_events, min_deaths
        )
        return pl.DataFrame(table)

    def write(
        self,
        directory: str | os.PathLike[str],
        format: str = "parquet",
        *,
        all_events: bool = False,
    ) -> list[Path]:
        """Writes the tables into `directory` (created if missing) and returns the paths.

        `format` is one of

        - `"parquet"`: zstd-compressed, with the polemos and schema versions in the file
          metadata (polars reads it from 1.43 on; see `docs/schema.md`);
        - `"arrow"`: Arrow IPC files (`.arrow`, also called Feather v2), uncompressed, for
          `polars.scan_ipc` and memory-mapping;
        - `"csv"` or `"jsonl"`;
        - `"geojson"`: only `events.geojson`, the events as RFC 7946 Point features (null
          geometry for events without coordinates), for QGIS, geopandas or a web map;
        - `"acled"`: only `acled.csv`, the events with the column names and codes of ACLED's
          codebook (`event_id_cnty`, `disorder_type`, `inter1`, `interaction`, `iso`, ...).

        The two event views hold only the events the text asserts, as ACLED codes what
        happened; `all_events=True` writes the negated, planned, denied and hypothetical ones
        too (their `modality` property, or `polemos_modality` column, tells them apart). The
        other formats always write every event with its `modality` column.

        The first four write all six tables. The files are identical to those of
        `polemos extract ... --format FORMAT`; `docs/formats.md` describes each one. Parquet
        and Arrow files record the resources the result was extracted with in their
        `polemos.resources` metadata, including a `gazetteer=` file and the files of a
        `lexicon=` folder with their hashes, as `polemos extract --gazetteer FILE --lexicon DIR`
        does.

        >>> result.write("out")                                                # doctest: +SKIP
        [PosixPath('out/documents.parquet'), ..., PosixPath('out/incidents.parquet')]
        >>> result.write("out", format="acled")                                # doctest: +SKIP
        [PosixPath('out/acled.csv')]
        """
        paths = _core.write(self._tables, directory, format, self._metadata, all_events)
        return [Path(p) for p in paths]

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={self._tables[name].num_rows}" for name in TABLES)
        return f"polemos.Result({counts})"


def combine(results: Sequence[Result]) -> Result:
    """The results of several runs as one, table by table, with incidents linked across them.

    Every run must have used the same resources (all with the same `gazetteer=` file and
    `lexicon=` folder, or all without them), so that the written files say truthfully what
    produced them; results extracted with different resources raise `InputError`.
    """
    kinds = {None if r._metadata is None else tuple(r._metadata) for r in results}
    if len(kinds) > 1:
        raise _core.InputError(
            "cannot combine results extracted with different resources "
            "(gazetteer= files or lexicon= folders)"
        )
    metadata = results[0]._metadata if results else None
    return Result(_core.concat([r._tables for r in results]), metadata)
