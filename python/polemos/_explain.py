"""`explain`: one document with its mentions highlighted and its events, for eyes, not code.

The rendering is done in Rust (`polemos explain` prints the same view), from the public tables
only, so what it shows is what the DataFrames hold.
"""

from __future__ import annotations

from typing import Any

from polemos import _core
from polemos._result import Result


class Explanation:
    """The explain view of one document.

    Displayed as HTML in Jupyter (`_repr_html_`: mentions highlighted by kind, tooltips with
    the canonical form and the rule id, and a table of the events with their actors, place,
    fatalities, certainty, source and rules); `str()` gives the same with ANSI colours for a
    terminal, `plain` without colours (mentions written `[span]{T}`).
    """

    __slots__ = ("ansi", "doc_id", "html", "plain")

    def __init__(self, doc_id: str, html: str, ansi: str, plain: str) -> None:
        self.doc_id = doc_id
        self.html = html
        self.ansi = ansi
        self.plain = plain

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.ansi

    def __repr__(self) -> str:
        return f"polemos.Explanation(doc_id={self.doc_id!r})"


def explain(data: str | Result, doc_id: str | None = None, **extract_options: Any) -> Explanation:
    """Shows how polemos read one document: highlighted mentions and the events found.

    `data` is a text (extracted first, with `extract_options` passed to `polemos.extract`) or
    the `Result` of an earlier `extract`. `doc_id` picks the document; by default the first
    with events. In a notebook the returned object displays as HTML; `print()` it in a
    terminal.

    >>> import polemos
    >>> x = polemos.explain("Islamic State militants attacked the airbase in Deir ez-Zor.")
    >>> x.doc_id
    'input[0]'
    >>> "[attacked]{T}" in x.plain
    True
    >>> polemos.explain(result, doc_id="wire-20170302-palmyra")  # doctest: +SKIP

    Raises `InputError` when `doc_id` is not a document of the result.
    """
    if isinstance(data, str):
        from polemos._api import extract

        data = extract(data, **extract_options)
    if not isinstance(data, Result):
        raise TypeError(
            f"polemos.explain takes a str or a polemos.Result, not {type(data).__name__}"
        )
    return Explanation(*_core.explain(data._tables, doc_id))
