"""The errors polemos raises, in one place to import from.

::

    PolemosError                       every error polemos raises on purpose
    ├── InputError (ValueError)        bad inputs: unknown columns, mismatched lengths, bad dates
    │   └── UnreadableInputError (OSError)        an input path that cannot be read
    │       ├── InputFileNotFoundError (FileNotFoundError)
    │       └── InputPermissionError (PermissionError)
    ├── ResourceError                  the dictionaries, a gazetteer= file, a lexicon= folder
    │                                  or a model file could not be loaded
    └── ExportError (OSError)          the output tables could not be written

Each class is also importable from `polemos` itself; the Python built-in named beside each
catches it too, so `except ValueError` and `except polemos.PolemosError` both catch a bad
input.

>>> from polemos.exceptions import InputError, PolemosError
>>> issubclass(InputError, ValueError) and issubclass(InputError, PolemosError)
True
>>> import polemos
>>> try:
...     polemos.extract(["a", "b"], id="x")
... except ValueError as e:
...     print(type(e).__name__)
InputError
"""

from __future__ import annotations

from polemos._core import (
    ExportError,
    InputError,
    InputFileNotFoundError,
    InputPermissionError,
    PolemosError,
    ResourceError,
    UnreadableInputError,
)

__all__ = [
    "ExportError",
    "InputError",
    "InputFileNotFoundError",
    "InputPermissionError",
    "PolemosError",
    "ResourceError",
    "UnreadableInputError",
]
