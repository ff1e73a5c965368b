"""SATP incident reports (`satp-relevant/`): short South Asian wire reports labelled relevant
(political violence) or not.

polemos reads each report alone; a report is predicted relevant where polemos finds an event the
text asserts (modality `asserted`). Scored: precision, recall and F1 of "has an event" against
`relevant`.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import polars as pl

from .common import Miss, SetReport, extract_timed
from .labels import LabelCounts

NAME = "satp-relevant"
FILE = Path("satp-relevant") / "satp_relevant.jsonl.gz"


def score(data: Path, limit: int | None = None) -> SetReport | None:
    path = data / FILE
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if limit:
        rows = rows[:limit]
    report = SetReport(NAME, f"{len(rows):,} reports, has an event against relevant")
    report.items = len(rows)
    result = extract_timed(report, [r["text"] for r in rows], id=[r["id"] for r in rows])
    asserted = result.events.filter(pl.col("modality") == "asserted")
    first = {}
    for row in asserted.iter_rows(named=True):
        first.setdefault(row["doc_id"], row)
    counts = LabelCounts()
    for row in rows:
        gold, event = str(row["relevant"]) == "1", first.get(row["id"])
        counts.add(gold, event is not None)
        if gold != (event is not None):
            report.misses.append(
                Miss(
                    item=row["id"],
                    wrong=["relevant"] if gold else ["not relevant"],
                    gold="relevant" if gold else "not relevant",
                    got=f"{event['event_type']} / {event['sub_event_type']} ({event['trigger']})"
                    if event
                    else "(no event)",
                    text=row["text"],
                    evidence=event["sentence_text"] if event else "",
                )
            )
    counts.figures(report, "relevant", "has an event:")
    return report
