"""Every table's columns and dtypes are those documented in docs/schema.md."""

from __future__ import annotations

import polars as pl
import pytest

import polemos
from conftest import DEIR_EZ_ZOR, TABLES, Column


def check_frame(frame: pl.DataFrame, columns: list[Column]) -> None:
    assert isinstance(frame, pl.DataFrame)
    assert frame.columns == [c.name for c in columns]
    assert list(frame.schema.values()) == [c.dtype for c in columns]
    for c in columns:
        if not c.nullable:
            assert frame[c.name].null_count() == 0, c.name


def test_schema_md_documents_five_tables(schema: dict[str, list[Column]]) -> None:
    assert sorted(schema) == sorted(TABLES)
    assert all(schema[t] for t in TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_corpus_tables_follow_schema(
    table: str, schema: dict[str, list[Column]], corpus_result: polemos.Result
) -> None:
    check_frame(getattr(corpus_result, table), schema[table])


@pytest.mark.parametrize("table", TABLES)
def test_empty_tables_keep_dtypes(table: str, schema: dict[str, list[Column]]) -> None:
    result = polemos.extract([])
    frame = getattr(result, table)
    assert frame.height == 0
    check_frame(frame, schema[table])


def test_text_tables_follow_schema(schema: dict[str, list[Column]]) -> None:
    result = polemos.extract(DEIR_EZ_ZOR, published="2017-04-08")
    for table in TABLES:
        check_frame(getattr(result, table), schema[table])


def test_read_returns_documents_schema(schema: dict[str, list[Column]]) -> None:
    from conftest import CORPUS

    check_frame(polemos.read(CORPUS), schema["documents"])


def test_arrow_table_exposes_capsules() -> None:
    from polemos import _core

    tables, _metadata = _core.extract_texts(["Clashes in Daraa."])
    assert sorted(tables) == sorted(TABLES)
    docs = tables["documents"]
    assert docs.name == "documents"
    assert docs.num_rows == len(docs) == 1
    assert docs.column_names[:2] == ["doc_id", "page_id"]
    assert repr(docs) == "ArrowTable(documents, 1 rows x 21 columns)"
    assert type(docs.__arrow_c_schema__()).__name__ == "PyCapsule"
    # A stream nobody imports is released by its capsule's destructor.
    capsule = docs.__arrow_c_stream__(requested_schema=None)
    assert type(capsule).__name__ == "PyCapsule"
    del capsule
    # Every call gives a fresh stream, so a table can be imported any number of times.
    assert pl.DataFrame(docs).equals(pl.DataFrame(docs))


def test_schema_capsule_has_documented_nullability(schema: dict[str, list[Column]]) -> None:
    na = pytest.importorskip("nanoarrow")
    from polemos import _core

    for name, table in _core.extract_texts(["Clashes in Daraa."])[0].items():
        fields = na.Schema(table).fields
        assert [(f.name, f.nullable) for f in fields] == [
            (c.name, c.nullable) for c in schema[name]
        ]
        assert na.Array(table).schema.n_fields == len(schema[name])
