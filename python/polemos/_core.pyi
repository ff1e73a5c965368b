"""Rust core of polemos: extraction, Arrow tables and writers.

Private: use the functions of the `polemos` package instead.
"""

from collections.abc import Mapping, Sequence
from os import PathLike
from typing import final

__all__ = [
    "LINK_DATE_COLUMNS",
    "LINK_INT_COLUMNS",
    "LINK_TEXT_COLUMNS",
    "SCHEMA_VERSION",
    "ArrowTable",
    "ExportError",
    "InputError",
    "InputFileNotFoundError",
    "InputPermissionError",
    "Model",
    "PathBatches",
    "PolemosError",
    "ResourceError",
    "UnreadableInputError",
    "__version__",
    "acled_table",
    "check_inputs",
    "concat",
    "empty_view",
    "explain",
    "extract_paths",
    "extract_texts",
    "import_gazetteer",
    "link_incidents",
    "read_paths",
    "run_cli",
    "train",
    "ucdp_table",
    "write",
]

__version__: str
SCHEMA_VERSION: str
LINK_TEXT_COLUMNS: tuple[str, ...]
LINK_INT_COLUMNS: tuple[str, ...]
LINK_DATE_COLUMNS: tuple[str, ...]

class PolemosError(Exception):
    """Base class of the errors polemos raises."""

class InputError(PolemosError, ValueError):
    """Invalid inputs: no file matches, a bad glob pattern, mismatched lengths, a bad date.
    Also a ValueError."""

class ResourceError(PolemosError):
    """The bundled gazetteer or dictionaries, a `gazetteer=` file or a `lexicon=` folder could
    not be loaded."""

class ExportError(OSError, PolemosError):
    """The output tables could not be written. Also an OSError."""

class UnreadableInputError(OSError, InputError):
    """An input path that cannot be opened (errno, strerror and filename are set). Also an
    OSError."""

class InputFileNotFoundError(FileNotFoundError, UnreadableInputError):
    """An input path that does not exist. Also a FileNotFoundError."""

class InputPermissionError(PermissionError, UnreadableInputError):
    """An input path polemos may not open. Also a PermissionError."""

@final
class ArrowTable:
    """One output table, exported with `__arrow_c_stream__`; pass it to `polars.DataFrame`."""

    @property
    def name(self) -> str: ...
    @property
    def num_rows(self) -> int: ...
    @property
    def column_names(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def __arrow_c_schema__(self) -> object: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

def extract_texts(
    texts: Sequence[str],
    ids: Sequence[str | None] | None = None,
    published: Sequence[str | None] | None = None,
    titles: Sequence[str | None] | None = None,
    threads: int | None = None,
    offset: int = 0,
    gazetteer: str | PathLike[str] | None = None,
    lexicon: str | PathLike[str] | None = None,
    model: Model | None = None,
) -> tuple[dict[str, ArrowTable], list[tuple[str, str]]]: ...
def explain(
    tables: Mapping[str, ArrowTable], doc_id: str | None = None
) -> tuple[str, str, str, str]: ...
def concat(runs: Sequence[Mapping[str, ArrowTable]]) -> dict[str, ArrowTable]: ...
def link_incidents(
    texts: Mapping[str, Sequence[str | None]], ints: Mapping[str, Sequence[int | None]]
) -> ArrowTable: ...
def check_inputs(paths: Sequence[str | PathLike[str]], keep_going: bool = False) -> None: ...
def extract_paths(
    paths: Sequence[str | PathLike[str]],
    text_column: str = "text",
    id_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    split_stories: bool = True,
    threads: int | None = None,
    gazetteer: str | PathLike[str] | None = None,
    lexicon: str | PathLike[str] | None = None,
    model: Model | None = None,
) -> tuple[dict[str, ArrowTable], list[tuple[str, str]]]: ...
def read_paths(
    paths: Sequence[str | PathLike[str]],
    text_column: str = "text",
    id_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    split_stories: bool = True,
    threads: int | None = None,
) -> ArrowTable: ...
def write(
    tables: Mapping[str, ArrowTable],
    directory: str | PathLike[str],
    format: str = "parquet",
    metadata: Sequence[tuple[str, str]] | None = None,
    all_events: bool = False,
) -> list[str]: ...
def import_gazetteer(inputs: Sequence[str | PathLike[str]], output: str | PathLike[str]) -> int: ...
def acled_table(events: ArrowTable, all_events: bool = False) -> ArrowTable: ...
def empty_view(name: str) -> ArrowTable: ...
def ucdp_table(
    events: ArrowTable, documents: ArrowTable, all_events: bool = False, min_deaths: int = 1
) -> ArrowTable: ...
def run_cli(args: Sequence[str]) -> int: ...

@final
class PathBatches:
    """Files read and extracted a batch of documents at a time (`extract_batches` on paths)."""

    def __new__(
        cls,
        paths: Sequence[str | PathLike[str]],
        text_column: str = "text",
        id_column: str | None = None,
        date_column: str | None = None,
        title_column: str | None = None,
        split_stories: bool = True,
        threads: int | None = None,
        gazetteer: str | PathLike[str] | None = None,
        lexicon: str | PathLike[str] | None = None,
        model: Model | None = None,
    ) -> PathBatches: ...
    @property
    def n_files(self) -> int: ...
    def next_batch(
        self, size: int
    ) -> tuple[dict[str, ArrowTable], list[tuple[str, str]], int] | None: ...

@final
class Model:
    """A trained event-type model (wrapped by `polemos.Model`)."""

    @staticmethod
    def load(path: str | PathLike[str]) -> Model: ...
    def save(self, path: str | PathLike[str]) -> None: ...
    @property
    def name(self) -> str: ...
    @property
    def text_column(self) -> str: ...
    @property
    def label_column(self) -> str: ...
    @property
    def labels(self) -> list[str]: ...
    @property
    def n_examples(self) -> int: ...
    @property
    def n_features(self) -> int: ...
    @property
    def threshold(self) -> float: ...
    @property
    def types_sub_events(self) -> bool: ...
    @property
    def reads_rules(self) -> bool: ...
    @property
    def cv_fold_accuracy(self) -> list[float] | None: ...
    @property
    def cv_accuracy(self) -> float | None: ...
    @property
    def cv_event_type_accuracy(self) -> float | None: ...
    @property
    def cv_confusion(self) -> list[list[int]] | None: ...
    def report(self) -> str | None: ...
    def predict(self, texts: Sequence[str]) -> tuple[list[str], list[float]]: ...

def train(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    name: str,
    text_column: str,
    label_column: str,
    folds: int = 5,
    threshold: float | None = None,
    epochs: int = 10,
    rules: bool = True,
    threads: int | None = None,
    gazetteer: str | None = None,
    lexicon: str | None = None,
) -> Model: ...
