"""IndiaPoliceEvents (`india-police-events/`): Times of India articles on the Gujarat violence of
2002, each sentence and document labelled with the police actions it reports.

polemos reads every sentence alone (sentence level) and every document whole (document level),
both with the article's publication date. A label is predicted where polemos finds an event that
the text asserts (modality `asserted`) of the matching kind, as ACLED would code the action:

- `ARREST`: an event of sub-event type Arrests;
- `KILL`: an event with at least one death whose actor1 is a state's forces (the police), or
  a protest or riot that absorbed their violence (rule `type:force-at-protest`: ACLED codes
  police killing demonstrators as one event, with the police as its second actor);
- `FORCE`: the police using force: an event whose actor1 is a state's forces and which is
  violent (Battles, Violence against civilians, Explosions/Remote violence, Riots), a protest
  met with force (Excessive force against protesters, Protest with intervention), or a riot
  with the police as actor2 (ACLED codes rioters against the police who intervene so).

FAIL ("police failed to act") has no ACLED equivalent and is not scored. Per label and level:
precision, recall, F1.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import polars as pl

from .common import Miss, SetReport, extract_timed
from .labels import LabelCounts

NAME = "india-police-events"
FOLDER = Path("india-police-events")
LABELS = ("KILL", "ARREST", "FORCE")
VIOLENT = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"]
FORCE_SUB_TYPES = ["Excessive force against protesters", "Protest with intervention"]


def predicted_labels(events: pl.DataFrame) -> dict[str, set[str]]:
    """doc_id -> the labels its asserted events express."""
    asserted = events.filter(pl.col("modality") == "asserted")
    state1 = pl.col("actor1_category") == "state_forces"
    state2 = pl.col("actor2_category") == "state_forces"
    rules = {
        "ARREST": pl.col("sub_event_type") == "Arrests",
        "KILL": (pl.col("fatalities").fill_null(0) > 0)
        & (state1 | (state2 & pl.col("rule").str.contains("type:force-at-protest", literal=True))),
        "FORCE": (state1 & pl.col("event_type").is_in(VIOLENT))
        | pl.col("sub_event_type").is_in(FORCE_SUB_TYPES)
        | ((pl.col("event_type") == "Riots") & state2),
    }
    out: dict[str, set[str]] = {}
    for label, rule in rules.items():
        for doc in asserted.filter(rule).get_column("doc_id").unique().to_list():
            out.setdefault(doc, set()).add(label)
    return out


def _read(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(data: Path, limit: int | None = None) -> SetReport | None:
    folder = data / FOLDER
    if not (folder / "sents.jsonl.gz").exists():
        return None
    sentences = _read(folder / "sents.jsonl.gz")
    documents = _read(folder / "docs.jsonl.gz")
    dates = {m["doc_id"]: m["date"] for m in _read(folder / "metadata.jsonl.gz")}
    if limit:
        documents = documents[:limit]
        kept = {d["doc_id"] for d in documents}
        sentences = [s for s in sentences if s["doc_id"] in kept]
    report = SetReport(
        NAME, f"{len(sentences):,} sentences and {len(documents):,} documents, police actions"
    )
    report.items = len(sentences) + len(documents)

    for level, items, text_key, label_key in (
        ("sentence", sentences, "sent_text", "sent_labels"),
        ("document", documents, "doc_text", "doc_labels"),
    ):
        ids = [f"{x['doc_id']}:{x.get('sent_id', '')}" for x in items]
        result = extract_timed(
            report,
            [x[text_key] for x in items],
            id=ids,
            published=[dates.get(x["doc_id"]) for x in items],
        )
        predicted = predicted_labels(result.events)
        evidence = {}
        if level == "sentence":
            for row in result.events.iter_rows(named=True):
                evidence.setdefault(row["doc_id"], row)
        counts = {label: LabelCounts() for label in LABELS}
        for id_, item in zip(ids, items):
            gold = set(item[label_key])
            got = predicted.get(id_, set())
            for label in LABELS:
                counts[label].add(label in gold, label in got)
            wrong = sorted((gold ^ got) & set(LABELS))
            if wrong and level == "sentence":
                event = evidence.get(id_) or {}
                report.misses.append(
                    Miss(
                        item=id_,
                        wrong=wrong,
                        gold=", ".join(sorted(gold & set(LABELS))) or "-",
                        got=(", ".join(sorted(got)) or "-")
                        + (
                            f" ({event['event_type']} / {event['sub_event_type']}; "
                            f"{event['actor1']} vs {event['actor2']}; {event['fatalities']} dead)"
                            if event
                            else " (no event)"
                        ),
                        text=item[text_key],
                        evidence="",
                    )
                )
        for label in LABELS:
            counts[label].figures(report, f"{level}/{label}", f"{level} {label}")
    return report
