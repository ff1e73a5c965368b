"""The golden outputs in tests/golden/ are what polemos extracts now (bench/golden.py)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _golden_module() -> ModuleType:
    """bench/golden.py, which writes and compares the snapshots."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("golden")


def test_golden_outputs_are_unchanged() -> None:
    golden = _golden_module()
    now = golden.snapshots()
    assert sorted(now) == sorted(p.name for p in golden.GOLDEN.glob("*.tsv"))
    diff = golden.differences(now)
    assert not diff, (
        "extraction output changed; if meant, run `python bench/golden.py --update` and "
        "commit the diff:\n" + "\n".join(diff)
    )


def test_golden_snapshots_cover_both_corpora() -> None:
    golden = _golden_module()
    events = (golden.GOLDEN / "generated_events.tsv").read_text(encoding="utf-8").splitlines()
    docs = {line.split("\t", 1)[0] for line in events[1:]}
    # Most of the 300 generated articles report events; an empty snapshot would pass the
    # comparison above only if extraction found nothing at all.
    assert len(docs) > 250
    corpus = (golden.GOLDEN / "corpus_events.tsv").read_text(encoding="utf-8").splitlines()
    # Eight files, one of them a page of two stories and one a JSON Lines file of two records.
    assert len({line.split("\t", 1)[0] for line in corpus[1:]}) >= 10
