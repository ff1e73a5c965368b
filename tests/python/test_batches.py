"""`polemos.extract_batches` and `progress=`: batches join into what one call gives."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

import polemos
from conftest import CORPUS, TABLES
from polemos import _paths

TEXTS = [
    f"Russian warplanes struck Jisr al-Shughur on day {i}, killing {i} civilians."
    for i in range(25)
]


def joined(results: Iterator[polemos.Result], table: str) -> pl.DataFrame:
    return pl.concat([getattr(r, table) for r in results])


def test_generator_of_texts_in_batches() -> None:
    results = list(polemos.extract_batches((t for t in TEXTS), batch_size=10))
    assert [r.documents.height for r in results] == [10, 10, 5]
    whole = polemos.extract(TEXTS)
    for table in TABLES:
        assert joined(iter(results), table).equals(getattr(whole, table)), table


def test_frames_and_lazy_frames_in_slices() -> None:
    frame = pl.DataFrame({"key": [f"k{i}" for i in range(len(TEXTS))], "body": TEXTS})
    whole = polemos.extract(frame, text_col="body", id_col="key")
    for data in (frame, frame.lazy()):
        results = list(polemos.extract_batches(data, batch_size=7, text_col="body", id_col="key"))
        assert [r.documents.height for r in results] == [7, 7, 7, 4]
        assert joined(iter(results), "events").equals(whole.events)
    unnamed = list(polemos.extract_batches(frame.lazy(), batch_size=20, text_col="body"))
    assert unnamed[1].documents["doc_id"][0] == "input[20]"


def test_scanned_files_stream_in_exact_batches(tmp_path: Path) -> None:
    # A scan runs once (streamed where polars can) and is cut into batches of batch_size rows.
    frame = pl.DataFrame({"key": [f"k{i}" for i in range(len(TEXTS))], "body": TEXTS})
    frame.write_ndjson(tmp_path / "news.jsonl")
    whole = polemos.extract(frame, text_col="body", id_col="key")
    scan = pl.scan_ndjson(tmp_path / "news.jsonl")
    results = list(polemos.extract_batches(scan, batch_size=6, text_col="body", id_col="key"))
    assert [r.documents.height for r in results] == [6, 6, 6, 6, 1]
    assert joined(iter(results), "events").equals(whole.events)


def test_paths_in_batches_equal_one_call() -> None:
    whole = polemos.extract(CORPUS)
    results = list(polemos.extract_batches(CORPUS, batch_size=4))
    assert len(results) == -(-len(_paths.expand([CORPUS])) // 4)
    for table in TABLES:
        if table == "incidents":
            # Each batch links its own documents; `link_incidents` links across batches.
            events = joined(iter(results), "events")
            assert polemos.link_incidents(events).equals(whole.incidents)
        else:
            assert joined(iter(results), table).equals(getattr(whole, table)), table


def test_one_export_file_is_cut_into_batches_of_documents(tmp_path: Path) -> None:
    # Paths are read a batch of documents at a time, not a file at a time: one JSONL export
    # of 25 rows gives batches of 6 rows, as a frame would.
    frame = pl.DataFrame({"id": [f"k{i}" for i in range(len(TEXTS))], "text": TEXTS})
    frame.write_ndjson(tmp_path / "news.jsonl")
    whole = polemos.extract(tmp_path / "news.jsonl")
    results = list(polemos.extract_batches(tmp_path / "news.jsonl", batch_size=6))
    assert [r.documents.height for r in results] == [6, 6, 6, 6, 1]
    assert results[1].documents["doc_id"][0] == "k6"
    assert joined(iter(results), "events").equals(whole.events)


def test_path_expansion_matches_rust_reader() -> None:
    inputs = [CORPUS, Path(CORPUS / "0*.txt")]
    files = _paths.expand(inputs)
    assert len(files) > len(list(CORPUS.glob("0*.txt")))
    one_by_one = pl.concat([polemos.read(Path(f)) for f in files])
    assert one_by_one["doc_id"].to_list() == polemos.read(inputs)["doc_id"].to_list()


def test_bad_arguments() -> None:
    with pytest.raises(polemos.InputError, match="batch_size"):
        list(polemos.extract_batches(TEXTS, batch_size=0))
    with pytest.raises(TypeError, match=r"for one text use polemos\.extract"):
        polemos.extract_batches("one text")
    with pytest.raises(polemos.InputError, match="no input files match"):
        polemos.extract_batches(Path("/nonexistent/*.txt"))
    with pytest.raises(polemos.InputError, match="must be a str"):
        list(polemos.extract_batches(["ok", 3]))


def test_progress_gives_the_same_tables(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    texts = TEXTS * 12  # more than one progress batch
    plain = polemos.extract(texts, id=[f"d{i}" for i in range(len(texts))])
    shown = polemos.extract(texts, id=[f"d{i}" for i in range(len(texts))], progress=True)
    for table in TABLES:
        assert getattr(shown, table).equals(getattr(plain, table)), table
    assert "polemos" in capsys.readouterr().err
    paths = polemos.extract(CORPUS, progress=True)
    assert paths.events.equals(polemos.extract(CORPUS).events)


def test_progress_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    result = polemos.extract(TEXTS, progress=True)
    assert result.documents.height == len(TEXTS)
