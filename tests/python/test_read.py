"""`polemos.read` over the sample corpus."""

from __future__ import annotations

from pathlib import Path

import polars as pl

import polemos
from conftest import CORPUS


def test_every_corpus_file_appears(corpus_files: list[Path]) -> None:
    docs = polemos.read(CORPUS)
    assert 11 <= docs.height <= 13
    assert (docs["status"] == "ok").all()
    sources = docs["source"].to_list()
    for path in corpus_files:
        assert any(Path(s.split(":")[0]).name == path.name for s in sources), path.name


def test_read_parses_but_does_not_extract() -> None:
    docs = polemos.read(CORPUS)
    assert (docs["n_sentences"] > 0).all()
    assert (docs["n_events"] == 0).all()
    assert (docs["n_mentions"] == 0).all()
    assert docs["text"].str.len_bytes().min() > 0


def test_read_accepts_str_glob_path_and_lists() -> None:
    by_glob = polemos.read(str(CORPUS / "*.txt"))
    by_list = polemos.read(sorted(CORPUS.glob("*.txt")))
    assert by_glob["doc_id"].to_list() == by_list["doc_id"].to_list()
    assert set(by_glob["format"].to_list()) == {"txt"}


def test_read_jsonl_columns() -> None:
    docs = polemos.read(CORPUS / "wire.jsonl", id_col="id", published_col="published")
    assert docs.height == 2
    assert docs["published"].null_count() == 0
    assert docs["published_source"].is_in(["input", "metadata"]).all()


def test_legacy_encoding_is_detected() -> None:
    docs = polemos.read(CORPUS / "legacy_cp1252.txt")
    assert docs["encoding"].to_list() == ["windows-1252"]
    assert docs.filter(pl.col("text").str.contains("\ufffd")).height == 0
