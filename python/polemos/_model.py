"""`train` and `Model`: an event-type model learnt from the user's own labelled texts."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, Union

import polars as pl

from polemos import _core

PathLike = Union[str, "os.PathLike[str]"]


class Model:
    """A trained event-type model (`polemos.train`, `Model.load`), for `extract(..., model=)`.

    The rules find the events, their spans, actors, places, counts and modality; the model
    reads each event's sentence with the sentences on either side (and, when trained with
    `rules=True`, what the rules made of the event: its sub-event type and trigger rule) and
    gives a label and its probability (the events' `model_label` and `model_probability`).
    When the labels are ACLED sub-event types and the probability reaches `threshold`, the
    model's sub-event type (and with it the event type) replaces the rules' one (for a model of
    words alone, only where it also finds the rules' type unlikely); `rules_sub_event_type`
    keeps the rules' answer and `rule` ends in `+model:NAME`. Models with other labels (event
    types, your own codebook) only fill `model_label` and `model_probability`.
    """

    __slots__ = ("_core",)

    def __init__(self, core: _core.Model) -> None:
        self._core = core

    @staticmethod
    def load(path: PathLike) -> Model:
        """Reads a model file written by `Model.save` or `polemos train`.

        Raises `ResourceError` when the file cannot be read or is not a model file of this
        version of polemos."""
        return Model(_core.Model.load(os.fspath(path)))

    def save(self, path: PathLike) -> None:
        """Writes the model file (zstd-compressed; a few MB for 20,000 texts).

        Raises `ResourceError` when the file cannot be written."""
        self._core.save(os.fspath(path))

    @property
    def name(self) -> str:
        """The name the `rule` column shows (`+model:NAME`)."""
        return self._core.name

    @property
    def labels(self) -> list[str]:
        """The labels the model chooses among, sorted."""
        return self._core.labels

    @property
    def text_column(self) -> str:
        """The column the training texts came from."""
        return self._core.text_column

    @property
    def label_column(self) -> str:
        """The column the training labels came from."""
        return self._core.label_column

    @property
    def n_examples(self) -> int:
        """Number of labelled texts the model learnt from."""
        return self._core.n_examples

    @property
    def n_features(self) -> int:
        """Number of words and word pairs the model weighs."""
        return self._core.n_features

    @property
    def threshold(self) -> float:
        """Probability from which the model's sub-event type replaces the rules' one."""
        return self._core.threshold

    @property
    def reads_rules(self) -> bool:
        """Whether the model was trained with the rules' reading of each text (`rules=True`)."""
        return self._core.reads_rules

    @property
    def types_sub_events(self) -> bool:
        """Whether every label is an ACLED sub-event type, so that the model may retype."""
        return self._core.types_sub_events

    @property
    def cv_accuracy(self) -> float | None:
        """Cross-validated accuracy on the labels (None when trained with `folds=0`)."""
        return self._core.cv_accuracy

    @property
    def cv_event_type_accuracy(self) -> float | None:
        """Cross-validated accuracy on the ACLED event type, when the labels are sub-types."""
        return self._core.cv_event_type_accuracy

    @property
    def cv_fold_accuracy(self) -> list[float] | None:
        """Accuracy of each cross-validation fold."""
        return self._core.cv_fold_accuracy

    @property
    def confusion(self) -> pl.DataFrame | None:
        """Cross-validated counts: one row per gold `label`, one column per predicted label."""
        cells = self._core.cv_confusion
        if cells is None:
            return None
        labels = self.labels
        columns: dict[str, Any] = {"label": labels}
        for j, predicted in enumerate(labels):
            columns[predicted] = [row[j] for row in cells]
        return pl.DataFrame(columns, schema_overrides={lab: pl.UInt32 for lab in labels})

    def report(self) -> str:
        """The cross-validation report `polemos train` prints: accuracy per fold, recall and
        precision per label, the confusion table ("" when no cross-validation was run)."""
        return self._core.report() or ""

    def predict(self, texts: str | list[str] | pl.Series) -> pl.DataFrame:
        """The model's `label` and `probability` for each text: whole texts, no events, and so
        without the rules' reading that a model trained with `rules=True` also reads when it
        types events."""
        if isinstance(texts, str):
            texts = [texts]
        elif isinstance(texts, pl.Series):
            texts = texts.cast(pl.String).fill_null("").to_list()
        labels, probabilities = self._core.predict(list(texts))
        return pl.DataFrame(
            {"label": labels, "probability": probabilities},
            schema={"label": pl.String, "probability": pl.Float64},
        )

    def __repr__(self) -> str:
        return repr(self._core)


def train(
    data: Any,
    *,
    text: str = "notes",
    label: str = "sub_event_type",
    folds: int = 5,
    name: str = "model",
    threshold: float | None = None,
    epochs: int = 10,
    rules: bool = True,
    threads: int | None = None,
    gazetteer: PathLike | None = None,
    lexicon: PathLike | None = None,
) -> Model:
    """Learns an event-type model from labelled texts, after k-fold cross-validation.

    `data` is a polars DataFrame or LazyFrame, any Arrow table (pandas via pyarrow, duckdb),
    or the path of a CSV, TSV, JSON Lines or Parquet file: an ACLED export as downloaded or
    as ACLED's API clients return it, or any table with a `text` column and a `label` column.
    Rows without a text or a label are left out. The default columns are ACLED's (`notes`,
    `sub_event_type`): with ACLED sub-event types as labels the model may retype events; any
    other labels (your own codebook) fill `model_label`.

    `rules` (default True) reads each text with polemos's rules first and trains the model on
    the text's words together with what the rules made of it (the sub-event type and trigger
    rule of the event they lead with, or none): the model learns from your labels when the
    rules' type is to be trusted, and at extraction reads each event's with its context.
    `rules=False` trains on the words alone. `threshold` (default 0.3 with the rules, 0.5
    without) is the model's probability from which its sub-event type replaces the rules'.
    If you extract with your own `gazetteer=` file or `lexicon=` folder, train with them too:
    the rules then read the training texts as they will read your articles.

    `folds` (default 5; 0 for none) runs k-fold cross-validation first: each fold is typed by
    a model trained on the others, so `Model.cv_accuracy`, `Model.report()` and
    `Model.confusion` say how the model does on texts it has not seen. The model returned is
    then trained on every row. Training is deterministic and takes seconds on one core.

    >>> model = polemos.train(pl.read_csv("acled_export.csv"))          # doctest: +SKIP
    >>> print(model.report())                                          # doctest: +SKIP
    >>> model.save("acled.polemos")                                    # doctest: +SKIP
    >>> polemos.extract(Path("articles"), model=model).events          # doctest: +SKIP

    Raises `InputError` when a column is missing, fewer than two labels remain, `folds`
    is larger than the number of rows, or `gazetteer=` / `lexicon=` come with
    `rules=False`; `ResourceError` when the gazetteer file or lexicon
    folder cannot be loaded.
    """
    # Imported here: the extraction API imports this module.
    from polemos._api import user_paths

    paths = user_paths(gazetteer, lexicon)
    if not rules and (paths.gazetteer or paths.lexicon):
        raise _core.InputError(
            "gazetteer= and lexicon= are what the rules read the training texts with; "
            "a model trained with rules=False reads no rules"
        )
    frame = _frame(data)
    missing = [c for c in (text, label) if c not in frame.columns]
    if missing:
        raise _core.InputError(
            f"no column {', '.join(map(repr, missing))} in the training data; "
            f"it has {frame.columns}"
        )
    if isinstance(folds, bool) or not isinstance(folds, int) or folds < 0:
        raise _core.InputError(f"folds must be 0 or an integer from 2, got {folds!r}")
    try:
        rows = frame.select(
            pl.col(text).cast(pl.String).str.strip_chars().alias("text"),
            pl.col(label).cast(pl.String).str.strip_chars().alias("label"),
        ).filter(
            pl.col("text").is_not_null()
            & (pl.col("text") != "")
            & pl.col("label").is_not_null()
            & (pl.col("label") != "")
        )
    except pl.exceptions.PolarsError as e:
        raise _core.InputError(f"cannot read the training columns as text: {e}") from e
    core = _core.train(
        rows.get_column("text").to_list(),
        rows.get_column("label").to_list(),
        name=name,
        text_column=text,
        label_column=label,
        folds=folds,
        threshold=threshold,
        epochs=epochs,
        rules=rules,
        threads=threads,
        gazetteer=paths.gazetteer,
        lexicon=paths.lexicon,
    )
    return Model(core)


def _frame(data: Any) -> pl.DataFrame:
    if isinstance(data, pl.DataFrame):
        return data
    if isinstance(data, pl.LazyFrame):
        return data.collect()
    if isinstance(data, (str, os.PathLike)):
        path = Path(data)
        _core.check_inputs([path])
        suffix = "".join(path.suffixes[-2:]) if path.suffix == ".gz" else path.suffix
        if suffix in (".jsonl", ".ndjson"):
            return pl.read_ndjson(path)
        if suffix == ".parquet":
            return pl.read_parquet(path)
        separator = "\t" if suffix.startswith(".tsv") else ","
        return pl.read_csv(path, separator=separator, infer_schema_length=0)
    if hasattr(data, "__arrow_c_stream__"):
        return pl.DataFrame(data)
    raise TypeError(
        "polemos.train takes a polars DataFrame or LazyFrame, an Arrow table or the path of a "
        f"CSV, TSV, JSON Lines or Parquet file, not {type(data).__name__}"
    )


def core_model(model: Any) -> _core.Model | None:
    """`model=` as the Rust core takes it: a `Model`, or the path of a model file."""
    if model is None:
        return None
    if isinstance(model, Model):
        return model._core
    if isinstance(model, (str, os.PathLike)):
        return _core.Model.load(os.fspath(model))
    raise TypeError(
        f"model= must be a polemos.Model or the path of a model file, not {type(model).__name__}"
    )


@functools.lru_cache(maxsize=4)
def load_cached(path: str) -> Model:
    """The model in the file at `path`, read once per process (a Dask or Spark worker reads
    a model file for every partition it extracts)."""
    return Model.load(path)
