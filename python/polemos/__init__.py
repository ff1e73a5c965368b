"""polemos: news articles about armed conflict in, geocoded ACLED-coded event data out.

>>> import polemos
>>> result = polemos.extract(
...     "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday, "
...     "killing 12 soldiers."
... )
>>> result.events.select("event_type", "actor1", "admin1", "fatalities")  # doctest: +SKIP

`extract` also takes lists of strings, polars DataFrames (or any Arrow table) and paths;
`extract_batches` does the same batch by batch over inputs too large to hold at once;
`read` loads documents from files without extracting; `explain` shows how one document was
read; `import_gazetteer` builds a gazetteer file from GeoNames dumps for
`extract(..., gazetteer=FILE)` (village-level places for any country), and
`extract(..., lexicon=DIR)` adds a folder of your own actors, triggers and word classes
(docs/lexicon.md); `train` learns an event-type model from your own labelled texts (an ACLED
export, say) for `extract(..., model=)` (docs/training.md); `link_incidents` links
the events of separate runs (Dask partitions, batches on disk) into incidents. Every table is a
`polars.DataFrame` whose columns are documented in `docs/schema.md`. `Result.to_acled()` and
`Result.to_ucdp()` give the events in the columns and codes of ACLED's exports and of UCDP's
GED, and `read_acled` loads an ACLED export into the same columns for comparison;
`polemos.spark` maps polemos over Spark DataFrames and `polemos.plot` draws maps and timelines
offline. Errors are in `polemos.exceptions`.
"""

from __future__ import annotations

from polemos._acled import read_acled
from polemos._api import extract, import_gazetteer, read
from polemos._batches import extract_batches
from polemos._core import SCHEMA_VERSION, __version__
from polemos._explain import Explanation, explain
from polemos._incidents import link_incidents
from polemos._model import Model, train
from polemos._result import Result
from polemos.exceptions import (
    ExportError,
    InputError,
    InputFileNotFoundError,
    InputPermissionError,
    PolemosError,
    ResourceError,
    UnreadableInputError,
)

__all__ = [
    "SCHEMA_VERSION",
    "Explanation",
    "ExportError",
    "InputError",
    "InputFileNotFoundError",
    "InputPermissionError",
    "Model",
    "PolemosError",
    "ResourceError",
    "Result",
    "UnreadableInputError",
    "__version__",
    "explain",
    "extract",
    "extract_batches",
    "import_gazetteer",
    "link_incidents",
    "read",
    "read_acled",
    "train",
]
