"""`Result.write` round trips, and identical output to the `polemos` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polars as pl
import pytest

import polemos
from conftest import (
    CORPUS,
    DEIR_EZ_ZOR,
    POLARS_READS_OUR_PARQUET,
    TABLES,
    needs_parquet_reader,
)
from polemos import _core

SAMPLE = [DEIR_EZ_ZOR, 'Ḥamā: clashes killed 3 fighters, "witnesses" said.\nMore later.', ""]


@pytest.fixture(scope="module")
def result() -> polemos.Result:
    return polemos.extract(SAMPLE, id=["a", "b", "c"], published=["2017-04-08", None, None])


@needs_parquet_reader
def test_parquet_round_trip(result: polemos.Result, tmp_path: Path) -> None:
    paths = result.write(tmp_path)
    assert paths == [tmp_path / f"{t}.parquet" for t in TABLES]
    for table in TABLES:
        back = pl.read_parquet(tmp_path / f"{table}.parquet")
        assert back.equals(getattr(result, table)), table
        assert back.schema == getattr(result, table).schema


@needs_parquet_reader
def test_parquet_metadata(result: polemos.Result, tmp_path: Path) -> None:
    result.write(tmp_path)
    if not hasattr(pl, "read_parquet_metadata"):
        pytest.skip("polars too old to read Parquet metadata")
    meta = pl.read_parquet_metadata(tmp_path / "events.parquet")
    assert meta["polemos.version"] == polemos.__version__
    assert meta["polemos.schema_version"] == polemos.SCHEMA_VERSION
    assert meta["polemos.table"] == "events"


def test_arrow_round_trip(result: polemos.Result, tmp_path: Path) -> None:
    paths = result.write(tmp_path, format="arrow")
    assert paths == [tmp_path / f"{t}.arrow" for t in TABLES]
    for table in TABLES:
        back = pl.read_ipc(tmp_path / f"{table}.arrow")
        assert back.equals(getattr(result, table)), table
        assert back.schema == getattr(result, table).schema
    lazy = pl.scan_ipc(tmp_path / "events.arrow").select("event_id").collect()
    assert lazy["event_id"].to_list() == result.events["event_id"].to_list()


def test_arrow_metadata(result: polemos.Result, tmp_path: Path) -> None:
    pa_ipc = pytest.importorskip("pyarrow.ipc")
    result.write(tmp_path, format="arrow")
    with pa_ipc.open_file(tmp_path / "mentions.arrow") as reader:
        meta = reader.schema.metadata
    assert meta[b"polemos.version"] == polemos.__version__.encode()
    assert meta[b"polemos.schema_version"] == polemos.SCHEMA_VERSION.encode()
    assert meta[b"polemos.table"] == b"mentions"


def test_csv_round_trip(result: polemos.Result, tmp_path: Path) -> None:
    result.write(tmp_path, format="csv")
    for table in TABLES:
        frame = getattr(result, table)
        back = pl.read_csv(tmp_path / f"{table}.csv", schema=frame.schema)
        # CSV cannot tell an empty string from a null: compare with empty strings as nulls.
        expected = frame.with_columns(pl.col(pl.String).replace("", None))
        assert back.equals(expected), table


def test_csv_dates_are_iso(result: polemos.Result, tmp_path: Path) -> None:
    result.write(tmp_path, format="csv")
    lines = (tmp_path / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("doc_id,page_id,story_index,source,format,")
    assert ",2017-04-08," in (tmp_path / "documents.csv").read_text(encoding="utf-8")


def test_jsonl_round_trip(result: polemos.Result, tmp_path: Path) -> None:
    result.write(tmp_path, format="jsonl")
    for table in TABLES:
        frame = getattr(result, table)
        path = tmp_path / f"{table}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == frame.height
        rows = [json.loads(line) for line in lines]
        for row in rows:
            assert list(row) == frame.columns, table
        if frame.height:
            back = pl.read_ndjson(path, schema=frame.schema)
            assert back.equals(frame), table
    doc = json.loads((tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert doc["published"] == "2017-04-08"
    assert doc["error"] is None


@pytest.mark.parametrize("fmt", ["parquet", "arrow", "csv", "jsonl", "geojson", "acled"])
def test_same_output_as_the_command(fmt: str, tmp_path: Path) -> None:
    cli_dir, py_dir = tmp_path / "cli", tmp_path / "py"
    assert _core.run_cli(["extract", str(CORPUS), "-o", str(cli_dir), "-f", fmt, "-q"]) == 0
    written = polemos.extract(CORPUS).write(py_dir, format=fmt)
    names = sorted(p.name for p in written)
    assert names == sorted(p.name for p in cli_dir.iterdir())
    if fmt == "parquet" and not POLARS_READS_OUR_PARQUET:
        pytest.skip("polars < 1.43 cannot read IEEE 754 total order")
    for name in names:
        if fmt == "parquet":
            assert pl.read_parquet(cli_dir / name).equals(pl.read_parquet(py_dir / name))
        else:
            assert (cli_dir / name).read_bytes() == (py_dir / name).read_bytes(), name


def test_write_accepts_str_paths(result: polemos.Result, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "out"
    paths = result.write(str(out), format="jsonl")
    assert all(p.parent == out and p.is_file() for p in paths)
    assert sys.getrefcount(result) > 0


def test_parquet_records_the_resources(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    polemos.extract(["Shelling hit Homs."]).write(tmp_path, format="parquet")
    metadata = pq.read_metadata(tmp_path / "events.parquet").metadata
    resources = metadata[b"polemos.resources"].decode()
    assert resources.startswith("gazetteer=embedded ")
    assert "fnv1a64:" in resources
