"""Column keywords (`text_col=` ...) versus value keywords (`id=` ...), and the deprecated
column names passed as values."""

from __future__ import annotations

import warnings

import polars as pl
import pytest

import polemos
from polemos.dask import extract_partitions

FRAME = pl.DataFrame(
    {
        "key": ["k1", "k2"],
        "body": ["Clashes broke out in Daraa.", "Shelling hit a market in Idlib."],
        "day": ["2017-04-08", "2017-04-09"],
        "headline": ["Daraa clashes", None],
    }
)


def test_column_keywords_name_columns() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = polemos.extract(
            FRAME, text_col="body", id_col="key", published_col="day", title_col="headline"
        ).documents
    assert docs["doc_id"].to_list() == ["k1", "k2"]
    assert docs["published"].cast(pl.String).to_list() == ["2017-04-08", "2017-04-09"]
    assert docs["title"].to_list() == ["Daraa clashes", None]


def test_old_column_keywords_warn_and_still_work() -> None:
    new = polemos.extract(FRAME, text_col="body", id_col="key", published_col="day").documents
    with pytest.warns(DeprecationWarning, match="as a column name is deprecated") as seen:
        old = polemos.extract(FRAME, text="body", id="key", published="day").documents
    assert sorted(str(w.message) for w in seen) == [
        "extract(id=...) as a column name is deprecated; use id_col='key'",
        "extract(published=...) as a column name is deprecated; use published_col='day'",
        "extract(text=...) as a column name is deprecated; use text_col='body'",
    ]
    # The warning points at the caller's line, not at polemos.
    assert all(w.filename == __file__ for w in seen)
    assert old.equals(new)


def test_old_keywords_in_read_batches_and_dask_warn() -> None:
    with pytest.warns(DeprecationWarning, match="text_col='body'"):
        batches = list(polemos.extract_batches(FRAME, batch_size=1, text="body"))
    assert [r.documents.height for r in batches] == [1, 1]
    dd = pytest.importorskip("dask.dataframe")
    ddf = dd.from_pandas(FRAME.to_pandas(), npartitions=1)
    with pytest.warns(DeprecationWarning, match="as a column name is deprecated") as seen:
        tables = extract_partitions(ddf, "body", id="key")
    assert len(seen) == 2
    assert sorted(tables.documents.compute()["doc_id"]) == ["k1", "k2"]


def test_both_spellings_of_one_column_is_an_error() -> None:
    with pytest.raises(polemos.InputError, match="give id_col= or id=, not both"):
        polemos.extract(FRAME, text_col="body", id_col="key", id="key")


def test_column_keywords_with_texts_are_an_error() -> None:
    with pytest.raises(polemos.InputError, match=r"id_col= names a column.*pass the value"):
        polemos.extract(["Clashes in Daraa."], id_col="key")
    with pytest.raises(polemos.InputError, match="text_col= names a column"):
        polemos.extract("Clashes in Daraa.", text_col="body")
    with pytest.raises(polemos.InputError, match="published_col= names a column"):
        list(polemos.extract_batches(iter(["Clashes."]), published_col="day"))


def test_values_for_texts_are_not_columns() -> None:
    # With texts, id= and published= are values: no warning, no column lookup.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = polemos.extract(["Clashes in Daraa."], id="a", published="2017-04-08").documents
    assert docs["doc_id"].to_list() == ["a"]


def test_input_error_is_a_value_error() -> None:
    assert issubclass(polemos.InputError, ValueError)
    assert issubclass(polemos.InputError, polemos.PolemosError)
