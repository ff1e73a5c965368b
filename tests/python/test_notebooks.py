"""The notebooks hold their charts as images: the saved files (what GitHub and nbviewer show,
refreshed by tools/notebooks/execute.py) and a fresh run (pytest also executes every notebook
through nbmake)."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat comes with nbmake (test extra)")

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
# The charts each notebook draws: map, timelines, casualties; the comparison with ACLED.
IMAGES = {"02_map_and_timeline.ipynb": 3, "03_compare_with_acled.ipynb": 1}


def images(notebook: object) -> int:
    return sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells  # type: ignore[attr-defined]
        for output in cell.get("outputs", [])
    )


@pytest.mark.parametrize(("name", "expected"), sorted(IMAGES.items()))
def test_saved_notebooks_hold_their_charts(name: str, expected: int) -> None:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert images(notebook) == expected
    # Saved by running them: every code cell has run, in order.
    counts = [c.get("execution_count") for c in notebook.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))


def test_running_the_map_notebook_draws_its_charts() -> None:
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOKS / "02_map_and_timeline.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    client = nbclient.NotebookClient(
        notebook, timeout=300, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    assert images(notebook) == IMAGES["02_map_and_timeline.ipynb"]
