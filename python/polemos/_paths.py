"""Expanding paths, directories and glob patterns into the files `polemos.read` would read.

This mirrors polemos-parse's `read::expand` (inputs in order; a directory's readable files
sorted, recursively, skipping hidden entries and unknown extensions; a glob's matches sorted)
so that `extract_batches` can hand the files to Rust a few at a time and still give the same
documents, in the same order, as one `extract` call. A pattern matching nothing is an
`InputError`, as in Rust.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from polemos import _core

# The extensions polemos-parse reads (`Format::from_path`).
EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".csv", ".jsonl", ".ndjson"})


def expand(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files behind `inputs`, in the order polemos reads them."""
    out: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            out.extend(_walk(path))
        elif path.exists() or not _is_pattern(str(item)):
            out.append(os.fspath(item))
        else:
            matched: list[str] = []
            for match in glob.glob(os.fspath(item)):
                p = Path(match)
                if p.is_dir():
                    matched.extend(_walk(p))
                elif not p.name.startswith("."):
                    matched.append(match)
            if not matched:
                raise _core.InputError(f"no input files match {os.fspath(item)}")
            out.extend(str(p) for p in sorted({Path(m) for m in matched}))
    return out


def _is_pattern(path: str) -> bool:
    return any(c in path for c in "*?[")


def _walk(directory: Path) -> list[str]:
    try:
        entries = sorted(p for p in directory.iterdir() if not p.name.startswith("."))
    except OSError:
        return [os.fspath(directory)]
    files: list[str] = []
    for p in entries:
        if p.is_dir():
            files.extend(_walk(p))
        elif p.suffix.lower() in EXTENSIONS:
            files.append(os.fspath(p))
    return files
