"""polemos: news articles about armed conflict in, geocoded ACLED-coded event data out.

>>> import polemos
>>> result = polemos.extract(
...     "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday, "
...     "killing 12 soldiers."
... )
>>> result.events.select("event_type", "actor1", "admin1", "fatalities")  # doctest: +SKIP

`extract` also takes lists of strings, polars DataFrames (or any Arrow table) and paths;
`read` loads documents from files without extracting. Every table is a `polars.DataFrame`
whose columns are documented in `docs/schema.md`.
"""

from __future__ import annotations

from polemos._api import extract, read
from polemos._core import (
    SCHEMA_VERSION,
    ExportError,
    InputError,
    PolemosError,
    ResourceError,
    __version__,
)
from polemos._result import Result

__all__ = [
    "SCHEMA_VERSION",
    "ExportError",
    "InputError",
    "PolemosError",
    "ResourceError",
    "Result",
    "__version__",
    "extract",
    "read",
]
