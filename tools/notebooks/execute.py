"""Executes the notebooks and saves them with their outputs, so that their charts show where
they are read without running them (GitHub, nbviewer, offline).

    .venv/bin/python tools/notebooks/execute.py            # every notebook in notebooks/
    .venv/bin/python tools/notebooks/execute.py notebooks/02_map_and_timeline.ipynb

Run it after changing a notebook or anything its outputs show (extraction, the charts), and
commit the notebooks with the change. Each runs with its own folder as working directory, as
Jupyter and nbmake run it. Timing metadata is not recorded, so an unchanged notebook rewrites
its outputs only. `tests/python/test_notebooks.py` checks that the saved notebooks hold their
charts as images.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]


def execute(path: Path) -> int:
    """Runs the notebook at `path` and writes it back with its outputs; returns the number of
    images among them."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    # Widget state (the progress bar's) is large and useless offline; the text form stays.
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    return sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        for output in cell.get("outputs", [])
    )


def main(args: list[str]) -> int:
    paths = [Path(a) for a in args] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        images = execute(path)
        print(f"{path.name}: executed, {images} image(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
