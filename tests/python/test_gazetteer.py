"""`polemos.import_gazetteer` and `gazetteer=`: places from GeoNames dumps, for one run."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

import polemos
from conftest import CORPUS, needs_parquet_reader
from polemos._result import combine

# Two made-up villages in GeoNames' tab-separated format (19 columns: id, name, ASCII name,
# alternate names, latitude, longitude, feature class and code, country, cc2, admin1..admin4
# codes, population, elevation, dem, timezone, modification date), and the admin1 names.
VILLAGES = [
    [
        "9900001",
        "Qarmazin al-Fawqa",
        "Qarmazin al-Fawqa",
        "Qarmazin Fawqa",
        "35.71234",
        "36.43210",
        "P",
        "PPL",
        "SY",
        "",
        "09",
        "",
        "",
        "",
        "850",
        "",
        "300",
        "Asia/Damascus",
        "2024-01-01",
    ],
    [
        "9900002",
        "Tell Zumurrudiya",
        "Tell Zumurrudiya",
        "",
        "35.60000",
        "36.50000",
        "P",
        "PPL",
        "SY",
        "",
        "09",
        "",
        "",
        "",
        "0",
        "",
        "300",
        "Asia/Damascus",
        "2024-01-01",
    ],
]
ADMIN1 = [["SY.09", "Idlib", "Idlib", "170062"]]
TEXT = "Government shelling killed three civilians in the village of Qarmazin al-Fawqa on Monday."


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def geonames(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding SY.txt and admin1CodesASCII.txt."""
    directory = tmp_path_factory.mktemp("geonames")
    write_rows(directory / "SY.txt", VILLAGES)
    write_rows(directory / "admin1CodesASCII.txt", ADMIN1)
    return directory


@pytest.fixture(scope="module")
def gazetteer(geonames: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gazetteer") / "villages.tsv.zst"
    n = polemos.import_gazetteer([geonames / "SY.txt", geonames / "admin1CodesASCII.txt"], out)
    assert n == 2
    return out


def village_events(result: polemos.Result) -> pl.DataFrame:
    return result.events.filter(pl.col("location") == "Qarmazin al-Fawqa")


def test_import_gazetteer_writes_the_places(
    geonames: Path, gazetteer: Path, tmp_path: Path
) -> None:
    assert gazetteer.is_file()
    assert gazetteer.read_bytes()[:4] == b"\x28\xb5\x2f\xfd"  # zstd, for the .zst name
    # A directory given as a str, written as plain text without .zst: the same places.
    plain = tmp_path / "villages.tsv"
    assert polemos.import_gazetteer(str(geonames), plain) == 2
    lines = plain.read_text(encoding="utf-8").splitlines()
    assert any("GeoNames" in line for line in lines if line.startswith("#"))
    village = next(line.split("\t") for line in lines if line.startswith("Qarmazin al-Fawqa\t"))
    assert "Idlib" in village
    assert "9900001" in village


def test_gazetteer_adds_the_village(gazetteer: Path) -> None:
    without = polemos.extract(TEXT)
    assert village_events(without).is_empty()
    assert without.mentions.filter(pl.col("text") == "Qarmazin al-Fawqa").is_empty()

    result = polemos.extract(TEXT, gazetteer=gazetteer)
    events = village_events(result)
    assert events.height == 1
    row = events.row(0, named=True)
    assert row["admin1"] == "Idlib"
    assert row["country"] in ("Syria", "SY")
    assert row["latitude"] == pytest.approx(35.71234)
    assert row["longitude"] == pytest.approx(36.43210)
    assert row["geonames_id"] == 9900001
    place = result.mentions.filter(pl.col("kind") == "place").row(0, named=True)
    assert place["feature"] == "village"
    assert place["latitude"] == pytest.approx(35.71234)

    # The embedded gazetteer is unchanged for later calls without the file.
    assert village_events(polemos.extract(TEXT)).is_empty()


def test_gazetteer_on_every_input_kind(gazetteer: Path, tmp_path: Path) -> None:
    frame = pl.DataFrame({"id": ["a"], "body": [TEXT]})
    by_frame = polemos.extract(frame, text_col="body", id_col="id", gazetteer=str(gazetteer))
    assert village_events(by_frame).height == 1
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert village_events(polemos.extract(article, gazetteer=gazetteer)).height == 1
    with_bar = polemos.extract([TEXT, TEXT], progress=True, gazetteer=gazetteer)
    assert village_events(with_bar).height == 2
    batches = list(polemos.extract_batches([TEXT] * 3, batch_size=2, gazetteer=gazetteer))
    assert [village_events(r).height for r in batches] == [2, 1]
    files = list(polemos.extract_batches(article, gazetteer=gazetteer))
    assert village_events(files[0]).height == 1
    frames = list(polemos.extract_batches(frame, text_col="body", id_col="id", gazetteer=gazetteer))
    assert village_events(frames[0]).height == 1


def resources(directory: Path, name: str = "events.parquet") -> str:
    pq = pytest.importorskip("pyarrow.parquet")
    metadata = pq.read_metadata(directory / name).metadata
    return str(metadata[b"polemos.resources"].decode())


def test_written_files_name_the_gazetteer(gazetteer: Path, tmp_path: Path) -> None:
    result = polemos.extract(TEXT, gazetteer=gazetteer)
    result.write(tmp_path / "with", format="parquet")
    recorded = resources(tmp_path / "with")
    assert recorded.startswith("gazetteer=embedded ")
    assert f"; gazetteer={os.fspath(gazetteer)} fnv1a64:" in recorded
    polemos.extract(TEXT).write(tmp_path / "without", format="parquet")
    assert "villages" not in resources(tmp_path / "without")
    # Batches and the progress bar's joined batches keep it too.
    batch = next(iter(polemos.extract_batches([TEXT], gazetteer=gazetteer)))
    batch.write(tmp_path / "batch", format="parquet")
    assert resources(tmp_path / "batch") == recorded
    joined = polemos.extract([TEXT] * 3, progress=True, gazetteer=gazetteer)
    joined.write(tmp_path / "joined", format="parquet")
    assert resources(tmp_path / "joined") == recorded


def test_arrow_files_name_the_gazetteer(gazetteer: Path, tmp_path: Path) -> None:
    ipc = pytest.importorskip("pyarrow.ipc")
    polemos.extract(TEXT, gazetteer=gazetteer).write(tmp_path, format="arrow")
    with ipc.open_file(tmp_path / "events.arrow") as reader:
        recorded = reader.schema.metadata[b"polemos.resources"].decode()
    assert f"gazetteer={os.fspath(gazetteer)} fnv1a64:" in recorded


@needs_parquet_reader
def test_same_files_as_the_command(gazetteer: Path, tmp_path: Path) -> None:
    article = tmp_path / "in" / "article.txt"
    article.parent.mkdir()
    article.write_text(TEXT, encoding="utf-8")
    code = polemos._core.run_cli(
        ["extract", str(article), "-o", str(tmp_path / "cli"), "--gazetteer", str(gazetteer), "-q"]
    )
    assert code == 0
    polemos.extract(article, gazetteer=gazetteer).write(tmp_path / "py")
    assert resources(tmp_path / "cli") == resources(tmp_path / "py")
    cli = pl.read_parquet(tmp_path / "cli" / "events.parquet")
    py = pl.read_parquet(tmp_path / "py" / "events.parquet")
    assert cli.equals(py)


def test_results_with_different_resources_are_not_combined(gazetteer: Path) -> None:
    with_file = polemos.extract(TEXT, gazetteer=gazetteer)
    without = polemos.extract(TEXT)
    with pytest.raises(polemos.InputError, match="different resources"):
        combine([with_file, without])
    assert combine([with_file, with_file])._metadata == with_file._metadata


def test_a_changed_file_is_reloaded(geonames: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.tsv"
    polemos.import_gazetteer(geonames / "SY.txt", out)
    first = polemos.extract(TEXT, gazetteer=out)
    assert village_events(first).row(0, named=True)["admin1"] == "09"  # no admin1 names given
    polemos.import_gazetteer([geonames], out)
    second = polemos.extract(TEXT, gazetteer=out)
    assert village_events(second).row(0, named=True)["admin1"] == "Idlib"
    assert first._metadata != second._metadata


def test_missing_gazetteer_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.tsv.zst"
    with pytest.raises(polemos.ResourceError, match=r"gazetteer file .*nowhere\.tsv\.zst"):
        polemos.extract(TEXT, gazetteer=missing)
    with pytest.raises(polemos.ResourceError, match="nowhere"):
        polemos.extract(CORPUS, gazetteer=missing)
    with pytest.raises(polemos.ResourceError, match="nowhere"):
        list(polemos.extract_batches([TEXT], gazetteer=missing))


def test_invalid_gazetteer_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("this is not a gazetteer\n", encoding="utf-8")
    with pytest.raises(polemos.ResourceError, match=r"gazetteer file .*bad\.tsv"):
        polemos.extract(TEXT, gazetteer=bad)
    with pytest.raises(TypeError, match="gazetteer="):
        polemos.extract(TEXT, gazetteer=3)  # type: ignore[arg-type]


def test_import_errors(geonames: Path, tmp_path: Path) -> None:
    with pytest.raises(polemos.InputFileNotFoundError, match=r"missing\.txt"):
        polemos.import_gazetteer([tmp_path / "missing.txt"], tmp_path / "g.tsv")
    with pytest.raises(polemos.InputError, match="no GeoNames place file"):
        polemos.import_gazetteer([geonames / "admin1CodesASCII.txt"], tmp_path / "g.tsv")
    with pytest.raises(polemos.InputError, match="at least one"):
        polemos.import_gazetteer([], tmp_path / "g.tsv")
    bad = write_rows(tmp_path / "XX.txt", [["1", "Too short"]])
    with pytest.raises(polemos.InputError, match=r"XX\.txt:1"):
        polemos.import_gazetteer(bad, tmp_path / "g.tsv")
    with pytest.raises(polemos.ExportError, match="cannot write the gazetteer file"):
        polemos.import_gazetteer(geonames / "SY.txt", tmp_path / "no" / "such" / "g.tsv")


def test_dask_partitions_use_the_gazetteer(gazetteer: Path) -> None:
    pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    import dask
    import dask.dataframe as dd

    from polemos.dask import extract_partitions

    ddf = dd.from_pandas(pd.DataFrame({"id": ["a", "b"], "text": [TEXT, TEXT]}), npartitions=2)
    tables = extract_partitions(ddf, id_col="id", gazetteer=gazetteer)
    (events,) = dask.compute(tables.events, scheduler="synchronous")
    located = events[events["location"] == "Qarmazin al-Fawqa"]
    assert len(located) == 2
    assert set(located["admin1"]) == {"Idlib"}
