"""`polemos.explain` and `polemos explain`: the same view, from the public tables."""

from __future__ import annotations

import html
import re

import pytest

import polemos
from conftest import CORPUS, DEIR_EZ_ZOR


@pytest.fixture(scope="module")
def x() -> polemos.Explanation:
    return polemos.explain(DEIR_EZ_ZOR)


def test_plain_text_marks_every_kind(x: polemos.Explanation) -> None:
    assert x.doc_id == "input[0]"
    assert "[attacked]{T}" in x.plain
    assert "[Deir ez-Zor]{P}" in x.plain
    assert "[12 soldiers]{C}" in x.plain
    assert re.search(r"\[Islamic State[^\]]*\]\{A\}", x.plain)
    assert "\x1b[" not in x.plain


def test_event_block_shows_roles_and_rule(x: polemos.Explanation) -> None:
    event = polemos.extract(DEIR_EZ_ZOR).events.row(0, named=True)
    assert f"{event['event_id']}  Battles / Armed clash" in x.plain
    assert f"rule       {event['rule']}" in x.plain
    assert "fatalities 12" in x.plain


def test_ansi_is_the_str(x: polemos.Explanation) -> None:
    assert str(x) == x.ansi
    assert "\x1b[1;31mattacked\x1b[0m" in x.ansi


def test_html_has_tooltips_with_rules(x: polemos.Explanation) -> None:
    page = x._repr_html_()
    mentions = polemos.extract(DEIR_EZ_ZOR).mentions
    for m in mentions.iter_rows(named=True):
        if m["kind"] == "place":
            assert f"rule {html.escape(m['rule'])}" in page
    assert page.count("<mark") >= 4
    assert "<table" in page
    assert "Armed clash" in page


def test_html_escapes_the_text() -> None:
    x = polemos.explain("<script>alert(1)</script> Clashes in Daraa killed 3 fighters.")
    assert "<script>" not in x.html
    assert "&lt;script&gt;" in x.html


def test_result_and_doc_id() -> None:
    result = polemos.extract(CORPUS)
    chosen = result.documents["doc_id"][3]
    x = polemos.explain(result, doc_id=chosen)
    assert x.doc_id == chosen
    default = polemos.explain(result)
    first_with_events = result.documents.filter(result.documents["n_events"] > 0)["doc_id"][0]
    assert default.doc_id == first_with_events
    with pytest.raises(polemos.InputError, match='no document "nope"'):
        polemos.explain(result, doc_id="nope")
    with pytest.raises(TypeError):
        polemos.explain(42)  # type: ignore[arg-type]


def test_document_without_events() -> None:
    x = polemos.explain("The weather in Paris was mild.")
    assert "No events." in x.plain
    assert "No events." in x.html
