"""`polemos.extract` on every kind of input it takes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import polemos
from conftest import CORPUS, DEIR_EZ_ZOR
from polemos import _core

TEXTS = [DEIR_EZ_ZOR, "Russian warplanes struck Jisr al-Shughur in Idlib province."]


def test_single_string() -> None:
    result = polemos.extract(DEIR_EZ_ZOR)
    docs = result.documents
    assert docs["doc_id"].to_list() == ["input[0]"]
    assert docs["source"].to_list() == ["input[0]"]
    assert docs["format"].to_list() == ["text"]
    assert docs["status"].to_list() == ["ok"]
    assert docs["text"].to_list() == [DEIR_EZ_ZOR]
    assert docs["published"].to_list() == [None]


def test_single_string_with_id_and_date() -> None:
    docs = polemos.extract(DEIR_EZ_ZOR, id="a1", published=dt.date(2017, 4, 8)).documents
    assert docs["doc_id"].to_list() == ["a1"]
    assert docs["published"].to_list() == [dt.date(2017, 4, 8)]
    assert docs["published_source"].to_list() == ["input"]


@pytest.mark.parametrize("container", [list, tuple])
def test_list_of_strings(container: type) -> None:
    result = polemos.extract(container(TEXTS), id=["a", "b"], published="2017-04-08")
    docs = result.documents
    assert docs["doc_id"].to_list() == ["a", "b"]
    assert docs["published"].to_list() == [dt.date(2017, 4, 8)] * 2


def test_per_text_dates_and_missing_ids() -> None:
    published = [dt.datetime(2017, 4, 8, 9, 30), None]
    docs = polemos.extract(TEXTS, id=[None, "b"], published=published).documents
    assert docs["doc_id"].to_list() == ["input[0]", "b"]
    assert docs["published"].to_list() == [dt.date(2017, 4, 8), None]


def test_series() -> None:
    docs = polemos.extract(pl.Series("body", TEXTS)).documents
    assert docs["text"].to_list() == TEXTS


def test_dataframe_with_date_column() -> None:
    frame = pl.DataFrame(
        {
            "key": ["k1", "k2"],
            "body": TEXTS,
            "day": [dt.date(2017, 4, 8), None],
        }
    )
    docs = polemos.extract(frame, text_col="body", id_col="key", published_col="day").documents
    assert docs["doc_id"].to_list() == ["k1", "k2"]
    assert docs["text"].to_list() == TEXTS
    assert docs["published"].to_list() == [dt.date(2017, 4, 8), None]


def test_dataframe_with_string_and_datetime_dates() -> None:
    strings = pl.DataFrame({"text": TEXTS, "published": ["2017-04-08", ""]})
    docs = polemos.extract(strings, published_col="published").documents
    assert docs["published"].to_list() == [dt.date(2017, 4, 8), None]

    stamps = pl.DataFrame({"text": TEXTS, "ts": [dt.datetime(2018, 1, 26, 9, 14)] * 2})
    docs = polemos.extract(stamps, published_col="ts").documents
    assert docs["published"].to_list() == [dt.date(2018, 1, 26)] * 2


def test_lazyframe_and_null_text() -> None:
    lazy = pl.LazyFrame({"text": [TEXTS[0], None]})
    docs = polemos.extract(lazy).documents
    assert docs["status"].to_list() == ["ok", "empty"]


def test_any_arrow_stream_object() -> None:
    # An object implementing only the PyCapsule interface: polemos' own ArrowTable.
    table = _core.read_paths([str(CORPUS / "wire.jsonl")])
    assert not isinstance(table, pl.DataFrame)
    result = polemos.extract(table, id_col="doc_id", published_col="published")
    assert result.documents["doc_id"].to_list() == pl.DataFrame(table)["doc_id"].to_list()
    assert result.documents["published"].null_count() == 0


def test_paths(corpus_result: polemos.Result) -> None:
    assert corpus_result.documents.height >= 11
    one = polemos.extract(CORPUS / "wire.jsonl")
    assert one.documents["format"].unique().to_list() == ["jsonl"]
    two = polemos.extract([CORPUS / "wire.jsonl", CORPUS / "legacy_cp1252.txt"])
    assert two.documents.height == one.documents.height + 1
    glob = polemos.extract(Path(CORPUS / "0*.txt"))
    assert glob.documents["format"].unique().to_list() == ["txt"]


def test_no_split_keeps_pages_whole() -> None:
    live = CORPUS / "02_idlib_live_updates.txt"
    split = polemos.extract(live).documents
    whole = polemos.extract(live, split=False).documents
    assert whole.height == 1
    assert split.height >= whole.height


def test_threads_do_not_change_output() -> None:
    texts = TEXTS * 20
    one = polemos.extract(texts, threads=1)
    many = polemos.extract(texts, threads=3)
    for name in ("documents", "sentences", "mentions", "events", "furniture", "incidents"):
        assert one.to_dict()[name].equals(many.to_dict()[name]), name


def test_result_repr_and_caching() -> None:
    result = polemos.extract(TEXTS)
    text = repr(result)
    assert text.startswith("polemos.Result(documents=2, sentences=")
    assert "events=" in text
    assert "furniture=" in text
    assert result.events is result.events
    assert set(result.to_dict()) == {
        "documents",
        "sentences",
        "mentions",
        "events",
        "furniture",
        "incidents",
    }


def test_empty_and_blank_inputs() -> None:
    assert polemos.extract([]).documents.height == 0
    docs = polemos.extract(["", "   "]).documents
    assert docs["status"].to_list() == ["empty", "empty"]


def test_offsets_are_bytes() -> None:
    text = "Ḥamā: clashes near Ḥamā killed 3 fighters."
    result = polemos.extract(text)
    raw = text.encode()
    for row in result.sentences.iter_rows(named=True):
        assert raw[row["start"] : row["end"]].decode() == row["text"]
    for row in result.mentions.iter_rows(named=True):
        assert raw[row["start"] : row["end"]].decode() == row["text"]


def test_text_in_another_language_is_not_coded() -> None:
    # Rules for English would find "events" in look-alike words; the row says why there are none.
    texts = [
        "Hombres armados atacaron a los policías en la carretera y mataron a dos agentes, "
        "según las autoridades del estado.",
        "Gunmen attacked police officers on the highway and killed two of them, the state "
        "authorities said.",
    ]
    r = polemos.extract(texts)
    docs = r.documents
    assert docs["language"].to_list() == ["es", "en"]
    assert docs["status"].to_list() == ["not_coded", "ok"]
    assert "es" in docs["warning"][0]
    assert docs["n_events"][0] == 0
    assert r.events["doc_id"].to_list() == ["input[1]"]
