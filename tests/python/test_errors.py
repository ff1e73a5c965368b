"""The exception hierarchy, and which inputs raise what."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import polars as pl
import pytest

import polemos
from conftest import CORPUS
from polemos import _core


def test_hierarchy() -> None:
    assert issubclass(polemos.PolemosError, Exception)
    classes = (
        polemos.InputError,
        polemos.ResourceError,
        polemos.ExportError,
        polemos.UnreadableInputError,
        polemos.InputFileNotFoundError,
        polemos.InputPermissionError,
    )
    for cls in classes:
        assert issubclass(cls, polemos.PolemosError)
        assert cls.__module__ == "polemos"
        assert cls.__doc__
    assert polemos.InputError is _core.InputError
    # Bad inputs are also ValueErrors, I/O failures also OSErrors, as in Python and polars.
    assert issubclass(polemos.InputError, ValueError)
    assert issubclass(polemos.ExportError, OSError)
    assert issubclass(polemos.InputFileNotFoundError, FileNotFoundError)
    assert issubclass(polemos.InputFileNotFoundError, polemos.InputError)
    assert issubclass(polemos.InputPermissionError, PermissionError)
    assert issubclass(polemos.UnreadableInputError, OSError)


def test_missing_path_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    for call in (polemos.extract, polemos.read, lambda p: list(polemos.extract_batches(p))):
        with pytest.raises(FileNotFoundError) as caught:
            call(missing)
        assert isinstance(caught.value, polemos.InputFileNotFoundError)
        assert caught.value.errno == errno.ENOENT
        assert caught.value.filename == str(missing)
        assert str(missing) in str(caught.value)


def test_keep_going_reads_the_other_paths(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(polemos.InputFileNotFoundError):
        polemos.extract([CORPUS / "wire.jsonl", missing])
    # Alone, a missing path is an error even with keep_going: there is nothing else to read.
    with pytest.raises(polemos.InputFileNotFoundError):
        polemos.extract(missing, keep_going=True)
    docs = polemos.extract([CORPUS / "wire.jsonl", missing], keep_going=True).documents
    row = docs.filter(pl.col("source") == str(missing))
    assert row["status"].to_list() == ["error"]
    assert docs.filter(pl.col("status") == "ok").height > 0
    batches = polemos.extract_batches([CORPUS / "wire.jsonl", missing], keep_going=True)
    assert sum(r.documents.height for r in batches) == docs.height


def test_lone_surrogates_are_replaced_with_a_warning() -> None:
    # A str with an unpaired UTF-16 half has no UTF-8 form; it must cost no other text.
    texts = ["Shelling hit Homs \udc80 on Monday.", "Clashes in Daraa."]
    docs = polemos.extract(texts, title=["Homs \ud800", None]).documents
    assert docs["status"].to_list() == ["ok", "ok"]
    warning = docs["warning"].to_list()
    assert warning[0] is not None
    assert "surrogate" in warning[0]
    assert warning[1] is None
    assert "\ufffd" in docs["title"][0]


def test_no_matching_files(tmp_path: Path) -> None:
    with pytest.raises(polemos.InputError, match="no input files match"):
        polemos.extract(tmp_path / "*.txt")
    with pytest.raises(polemos.InputError):
        polemos.read(str(tmp_path / "nothing-*.html"))


def test_mismatched_lengths() -> None:
    with pytest.raises(polemos.InputError, match="ids has 1 values but there are 2 texts"):
        polemos.extract(["a", "b"], id=["x"])
    with pytest.raises(polemos.InputError, match="published has 3 values"):
        polemos.extract(["a", "b"], published=["2017-01-01"] * 3)
    with pytest.raises(polemos.InputError, match="one per text"):
        polemos.extract(["a", "b"], id="x")


def test_duplicate_ids() -> None:
    with pytest.raises(polemos.InputError, match="duplicate document id"):
        polemos.extract(["a", "b"], id=["x", "x"])


def test_bad_dates() -> None:
    expected = re.escape('published[1]: invalid date "last Tuesday" (expected a date such as')
    with pytest.raises(polemos.InputError, match=expected):
        polemos.extract(["a", "b"], published=[None, "last Tuesday"])
    with pytest.raises(polemos.InputError, match="published= values must be"):
        polemos.extract(["a"], published=[20170408])


def test_bad_threads() -> None:
    for threads in (0, -2):
        with pytest.raises(polemos.InputError, match="threads must be at least 1"):
            polemos.extract("text", threads=threads)


def test_frame_errors() -> None:
    frame = pl.DataFrame({"body": ["Clashes in Daraa."]})
    with pytest.raises(polemos.InputError, match="no column 'text'"):
        polemos.extract(frame)
    with pytest.raises(polemos.InputError, match="column name"):
        polemos.extract(frame, text_col="body", id=["a"])


def test_wrong_input_types() -> None:
    with pytest.raises(TypeError, match=r"polemos\.extract takes"):
        polemos.extract(42)
    with pytest.raises(polemos.InputError, match="only texts"):
        polemos.extract(["text", Path("file.txt")])


def test_write_errors(tmp_path: Path) -> None:
    result = polemos.extract("Clashes in Daraa.")
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(polemos.ExportError, match="cannot write"):
        result.write(blocker / "out")
    with pytest.raises(polemos.InputError, match="unknown output format"):
        result.write(tmp_path, format="xlsx")


def test_unreadable_file_is_an_error_row_not_an_exception(tmp_path: Path) -> None:
    bad = tmp_path / "no_text_column.csv"
    bad.write_text("id,body\n1,Shelling in Homs.\n")
    docs = polemos.read([CORPUS / "wire.jsonl", bad])
    errors = docs.filter(pl.col("status") == "error")
    assert errors.height == 1
    assert errors["error"][0]
    assert "no_text_column.csv" in errors["source"][0]
    assert polemos.extract(bad).documents["status"].to_list() == ["error"]
