"""Which columns of a frame or of CSV/JSONL files hold the text, id, date and title.

The column keywords are `text_col=`, `id_col=`, `published_col=` and `title_col=`. Until 0.2
`extract`, `read`, `extract_batches` and `extract_partitions` took column names in `text=`,
`id=`, `published=` and `title=`, the same keywords that carry values for plain texts; those
names still work for frames and files for one release, with a `DeprecationWarning`.
"""

from __future__ import annotations

import warnings
from typing import Any, NamedTuple

from polemos import _core


class Columns(NamedTuple):
    """Column names for the Rust core's readers; `None`: the input has no such column."""

    text: str = "text"
    id: str | None = None
    published: str | None = None
    title: str | None = None


# The column keywords and the deprecated value keywords they replace, in signature order.
KEYWORDS = (
    ("text_col", "text"),
    ("id_col", "id"),
    ("published_col", "published"),
    ("title_col", "title"),
)


def columns(
    named: tuple[str | None, str | None, str | None, str | None],
    legacy: tuple[Any, Any, Any, Any],
    caller: str,
    stacklevel: int = 3,
) -> Columns:
    """The column names of `text_col=`, `id_col=`, `published_col=`, `title_col=` (`named`),
    or of the deprecated `text=`, `id=`, `published=`, `title=` (`legacy`) where those were
    given instead, with a `DeprecationWarning` pointing at the user's line (`stacklevel`
    frames up: 3 when the public function calls this directly)."""
    chosen: list[str | None] = []
    for (new, old), value, old_value in zip(KEYWORDS, named, legacy):
        if old_value is not None:
            if value is not None:
                raise _core.InputError(f"{caller}: give {new}= or {old}=, not both")
            if not isinstance(old_value, str):
                raise _core.InputError(
                    f"{caller}: {old}= must be a column name (str) for frames and files; "
                    f"column names now go in {new}="
                )
            warnings.warn(
                f"{caller}({old}=...) as a column name is deprecated; use {new}={old_value!r}",
                DeprecationWarning,
                stacklevel=stacklevel,
            )
            value = old_value
        if value is not None and not isinstance(value, str):
            raise _core.InputError(f"{caller}: {new}= must be a column name (str)")
        chosen.append(value)
    text, id_, published, title = chosen
    return Columns(text if text is not None else "text", id_, published, title)


def refuse_columns(
    named: tuple[str | None, str | None, str | None, str | None], caller: str
) -> None:
    """Texts have no columns: `text_col=` and the like are a mistake there."""
    for (new, old), value in zip(KEYWORDS, named):
        if value is not None:
            hint = "" if new == "text_col" else f"; pass the value itself in {old}="
            raise _core.InputError(f"{caller}: {new}= names a column of a frame or file{hint}")
