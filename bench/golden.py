"""Golden outputs: what polemos extracts from two fixed corpora, as readable TSV snapshots.

The snapshots in ``tests/golden/`` hold, for ``examples/corpus`` (read from its files, as the
command reads them) and for the first 300 articles of the generated corpus (``gen_corpus.py``,
seed 1, published dates given):

- ``*_events.tsv``: every event, one row each, with its type, actors, place, dates, counts,
  modality, certainty, source and rules;
- ``*_mentions.tsv``: every place and casualty mention, with its span, reading and rule.

``tests/python/test_golden.py`` checks them in the test run. A change meant to alter output
rewrites them with ``--update`` and commits the diff, which shows every event it touched:

    python bench/golden.py --check      # exit 1 and a diff when the output changed
    python bench/golden.py --update     # rewrite tests/golden/
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl

import polemos

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
GENERATED_ARTICLES = 300
GENERATED_SEED = 1

EVENT_COLUMNS = (
    "doc_id", "event_id", "sentence", "trigger_start", "trigger", "event_type", "sub_event_type",
    "method", "actor1", "actor1_category", "actor2", "actor2_category", "location", "country",
    "admin1", "latitude", "longitude", "geo_precision", "date_start", "date_end",
    "time_precision", "fatalities", "injured", "civilians_killed", "children_killed",
    "women_killed", "combatants_killed", "modality", "certainty", "source", "reporting_verb",
    "n_reports", "is_lead", "rule",
)  # fmt: skip
MENTION_COLUMNS = (
    "doc_id", "mention", "sentence", "kind", "start", "end", "text", "canonical", "count",
    "country", "admin1", "latitude", "longitude", "geo_precision", "rule",
)  # fmt: skip


@contextmanager
def _in_repo() -> Iterator[None]:
    """Runs in the repository root, so document ids are the relative paths."""
    before = Path.cwd()
    os.chdir(REPO)
    try:
        yield
    finally:
        os.chdir(before)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4f}"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(frame: pl.DataFrame, columns: Sequence[str]) -> str:
    lines = ["\t".join(columns)]
    for row in frame.select(columns).iter_rows():
        lines.append("\t".join(_cell(v) for v in row))
    return "\n".join(lines) + "\n"


def _tables(result: polemos.Result, name: str) -> dict[str, str]:
    # Event ids are "{doc_id}:e{i}": the doc_id column already says the first part.
    short_id = pl.col("event_id").str.extract(r":(e\d+)$")
    events = result.events.with_columns(short_id)
    mentions = result.mentions.filter(pl.col("kind").is_in(["place", "casualty"]))
    return {
        f"{name}_events.tsv": _tsv(events, EVENT_COLUMNS),
        f"{name}_mentions.tsv": _tsv(mentions, MENTION_COLUMNS),
    }


def snapshots() -> dict[str, str]:
    """File name -> the TSV polemos produces now."""
    with _in_repo():
        corpus = polemos.extract(Path("examples/corpus"), threads=1)
    articles = []
    for article in gen_corpus.generate(10**9, seed=GENERATED_SEED):
        articles.append(article)
        if len(articles) == GENERATED_ARTICLES:
            break
    generated = polemos.extract(
        [a.text for a in articles],
        id=[a.id for a in articles],
        published=[a.published for a in articles],
        threads=1,
    )
    return {**_tables(corpus, "corpus"), **_tables(generated, "generated")}


def differences(now: dict[str, str], context: int = 1, limit: int = 80) -> list[str]:
    """For each changed snapshot, a line saying so and the first `limit` lines of its unified
    diff against the committed file."""
    out: list[str] = []
    for name, text in now.items():
        path = GOLDEN / name
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        if before == text:
            continue
        diff = list(
            difflib.unified_diff(
                before.splitlines(),
                text.splitlines(),
                f"tests/golden/{name} (committed)",
                f"tests/golden/{name} (now)",
                n=context,
                lineterm="",
            )
        )
        changed = sum(1 for line in diff if line[:1] in "+-") - 2
        out.append(f"{name}: {changed} lines differ")
        if limit:
            out.extend(diff[:limit])
            if len(diff) > limit:
                out.append(f"... {len(diff) - limit} more diff lines")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true", help="exit 1 when the output changed")
    group.add_argument("--update", action="store_true", help="rewrite tests/golden/")
    args = parser.parse_args()
    now = snapshots()
    if args.update:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        changed = differences(now, limit=0)
        for name, text in now.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
        for line in changed:
            print(f"  {line}")
        print(f"golden: wrote {len(now)} files in tests/golden/ ({len(changed)} changed)")
        return 0
    diff = differences(now)
    if diff:
        print("\n".join(diff))
        print("golden: output changed; if meant, run python bench/golden.py --update")
        return 1
    print(f"golden: {len(now)} snapshots unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
