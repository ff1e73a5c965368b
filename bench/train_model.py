"""Trained event-type models: how long training takes, and what typing costs, in one run.

Reads the ACLED notes of the development data (``../shared/data/acled-notes-multi``; skipped
with a message where absent) and measures on one thread:

(a) training (``polemos.train(..., folds=0, threads=1)``) on 20,000 notes (the notes with a
    sub-event type, the first ones again to make up the count), and 5-fold cross-validation on
    all threads over the distinct notes;
(b) the model alone (``Model.predict``) over the same notes, in MB/s;
(c) ``polemos.extract(notes, threads=1)`` with and without the model, and the model's share of
    the end-to-end time (the target: under 5%); the same on the FA-KES article texts where
    present (long news articles, where each event's context is read).

Each timing is the best of ``--repeat`` runs. No ACLED text is written anywhere.

    python bench/train_model.py [--data ../shared/data] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import best_of

import polemos

REPO = Path(__file__).resolve().parents[1]
NOTES = Path("acled-notes-multi") / "acled_notes_dev.csv.gz"
ARTICLES = Path("fakes-dev") / "fakes_dev.csv"
TRAINING_NOTES = 20_000


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def typing_cost(label: str, texts: list[str], model: polemos.Model, repeat: int) -> None:
    def extract(with_model: bool) -> None:
        result = polemos.extract(texts, threads=1, model=model if with_model else None)
        result.events  # noqa: B018 - the tables as polars, inside the timing

    # Interleaved, so that a change in the machine's load weighs on both alike.
    rules, both = float("inf"), float("inf")
    for _ in range(repeat):
        rules = min(rules, best_of(1, lambda: extract(False)))
        both = min(both, best_of(1, lambda: extract(True)))
    mb = megabytes(texts)
    share = max(both - rules, 0.0) / both * 100
    print(
        f"{label}: {len(texts):,} texts, {mb:.1f} MB; extract, one thread: rules {rules:.2f} s "
        f"({mb / rules:.1f} MB/s), rules + model {both:.2f} s ({mb / both:.1f} MB/s); "
        f"the model's share {share:.1f}% (target < 5%)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.data / NOTES
    if not path.exists():
        print(f"train_model: {path} not found; skipping (the dev data is not shipped).")
        return 0
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["notes"].strip() and r["sub_event_type"]]
    distinct = pl.DataFrame(
        {"notes": [r["notes"] for r in rows], "sub_event_type": [r["sub_event_type"] for r in rows]}
    )
    frame = pl.concat([distinct] * (TRAINING_NOTES // distinct.height + 1)).head(TRAINING_NOTES)
    polemos.extract(["Warm-up: shelling hit the town."])

    seconds = best_of(args.repeat, lambda: polemos.train(frame, folds=0, threads=1))
    print(f"training on {frame.height:,} notes, one thread: {seconds:.2f} s (target < 10 s)")
    # Cross-validation on the distinct notes only: a repeated note would be seen in training.
    start = time.perf_counter()
    model = polemos.train(distinct, folds=5)
    print(
        f"5-fold cross-validation and training on {distinct.height:,} distinct notes, all "
        f"threads: {time.perf_counter() - start:.2f} s; held-out sub-event type "
        f"{model.cv_accuracy:.1%}, event type {model.cv_event_type_accuracy:.1%}; "
        f"{model.n_features:,} features"
    )
    notes = frame.get_column("notes").to_list()
    seconds = best_of(args.repeat, lambda: model.predict(notes))
    print(f"the model alone on the notes: {megabytes(notes) / seconds:.0f} MB/s")
    typing_cost("ACLED notes", notes, model, args.repeat)
    articles = args.data / ARTICLES
    if articles.exists():
        texts = (
            pl.read_csv(articles, infer_schema_length=0).get_column("article_content").drop_nulls()
        )
        typing_cost("FA-KES articles", texts.to_list(), model, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
