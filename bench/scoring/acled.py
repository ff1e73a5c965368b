"""ACLED event notes from 163 countries (`acled-notes-multi/`): each note is one coded event.

polemos reads each note alone (no publication date: the note gives its own), and its lead
event is scored against ACLED's coding of that note:

- `event_type`, `sub_event_type`: where the row has them (legacy rows lack some);
- `actor1_side`, `actor2_side`: the side of each actor, from ACLED's `inter1`/`inter2` codes and
  polemos's actor categories, as `SIDES_OF_INTER` and `SIDES_OF_CATEGORY` below map them;
- `country`, `admin1` (names compared under `common.name_key`, and only in the right country);
- `wrong_country`: lead events placed in a country, but not ACLED's (lower is better; over the
  notes whose lead event has a country);
- `within_25km`, `within_100km` of ACLED's coordinates;
- `fatalities_exact`, `fatalities_20pct` (no number from polemos counts as 0);
- `date_exact`: the lead event's first day is ACLED's event date;
- `no_event`: notes where polemos finds no event at all (lower is better).

Every share is over all notes that have the gold field, so a note with no event counts as wrong.
Per ACLED region the same figures are broken down. No ACLED text is ever written to a file.
"""

from __future__ import annotations

import csv
import gzip
import zlib
from collections import defaultdict
from pathlib import Path

import polars as pl

import polemos

from .common import (
    COUNTRIES_BY_ISO,
    Figure,
    Miss,
    SetReport,
    count_outcomes,
    country_named,
    extract_timed,
    lead_events,
    place_outcomes,
)

NAME = "acled-notes-multi"
NAME_WITH_MODEL = "acled-notes-multi+model"
# Folds of the rules-plus-model figures: each fold is typed by a model trained on the others.
MODEL_FOLDS = 5
FILE = Path("acled-notes-multi") / "acled_notes_dev.csv.gz"

# ACLED's interaction codes (codebook: 1 state forces, 2 rebel groups, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces; 0 no
# actor) -> the side they are scored as.
SIDES_OF_INTER = {
    "0": "none",
    "1": "state forces",
    "2": "rebels/militias",
    "3": "rebels/militias",
    "4": "rebels/militias",
    "5": "protesters/rioters",
    "6": "protesters/rioters",
    "7": "civilians",
    "8": "other",
}
# polemos's actor categories (docs/schema.md, mentions.actor_category) -> the same sides.
SIDES_OF_CATEGORY = {
    None: "none",
    "state_forces": "state forces",
    "rebel_group": "rebels/militias",
    "political_militia": "rebels/militias",
    "identity_militia": "rebels/militias",
    "rioters": "protesters/rioters",
    "protesters": "protesters/rioters",
    "civilians": "civilians",
    "external_forces": "other",
}

FIELDS = [
    ("event_type", "event type"),
    ("sub_event_type", "sub-event type"),
    ("actor1_side", "actor1 side"),
    ("actor2_side", "actor2 side"),
    ("country", "country"),
    ("wrong_country", "placed in a wrong country"),
    ("admin1", "admin1"),
    ("within_25km", "within 25 km"),
    ("within_100km", "within 100 km"),
    ("fatalities_exact", "fatalities exact"),
    ("fatalities_20pct", "fatalities within 20%"),
    ("date_exact", "event date exact"),
    ("no_event", "notes with no event"),
]
# The fields broken down per region (all of them would make a wall of numbers).
REGION_FIELDS = {
    "event_type",
    "sub_event_type",
    "actor1_side",
    "country",
    "wrong_country",
    "admin1",
    "within_25km",
    "fatalities_exact",
    "no_event",
}
# Misses are listed for these fields (geography and dates have their own sets).
MISS_FIELDS = ["event_type", "sub_event_type", "actor1_side", "actor2_side", "country", "admin1"]
MISS_FIELDS += ["fatalities_exact"]


def score(data: Path, limit: int | None = None) -> SetReport | None:
    rows = _read_rows(data, limit)
    if rows is None:
        return None
    report = SetReport(NAME, f"{len(rows):,} ACLED notes, lead event against ACLED's coding")
    report.items = len(rows)
    result = extract_timed(
        report, [r["notes"] for r in rows], id=[r["event_id"] for r in rows], threads=None
    )
    _score_rows(report, rows, result.events)
    return report


def score_with_model(data: Path, limit: int | None = None) -> SetReport | None:
    """The rules with a trained model beside them (`polemos.train`), scored honestly: the notes
    are split into `MODEL_FOLDS` folds by a hash of their id, and each fold is extracted with a
    model trained on the other folds only (the notes with a sub-event type). Figures are those
    of `score`; training time is not in the throughput."""
    rows = _read_rows(data, limit)
    if rows is None:
        return None
    report = SetReport(
        NAME_WITH_MODEL,
        f"{len(rows):,} ACLED notes, rules + a model trained on the other "
        f"{MODEL_FOLDS - 1} of {MODEL_FOLDS} folds",
    )
    report.items = len(rows)
    fold_of = [zlib.crc32(r["event_id"].encode()) % MODEL_FOLDS for r in rows]
    events = []
    for k in range(MODEL_FOLDS):
        train = [r for r, f in zip(rows, fold_of) if f != k and r["sub_event_type"]]
        held_out = [r for r, f in zip(rows, fold_of) if f == k]
        model = polemos.train(
            pl.DataFrame(
                {
                    "notes": [r["notes"] for r in train],
                    "sub_event_type": [r["sub_event_type"] for r in train],
                }
            ),
            folds=0,
            name=f"fold{k}",
        )
        result = extract_timed(
            report,
            [r["notes"] for r in held_out],
            id=[r["event_id"] for r in held_out],
            threads=None,
            model=model,
        )
        events.append(result.events)
    _score_rows(report, rows, pl.concat(events))
    return report


def _read_rows(data: Path, limit: int | None) -> list[dict[str, str]] | None:
    path = data / FILE
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return rows[:limit] if limit else rows


def _score_rows(report: SetReport, rows: list[dict[str, str]], events: pl.DataFrame) -> None:
    """Scores the lead event of each note (in `events`) against its row."""
    docs_with_events = set(events.get_column("doc_id").to_list())
    lead = {row["doc_id"]: row for row in lead_events(events).iter_rows(named=True)}

    figures = {key: report.figure(key, label) for key, label in FIELDS}
    by_region: dict[str, dict[str, Figure]] = defaultdict(
        lambda: {k: Figure(k, label) for k, label in FIELDS if k in REGION_FIELDS}
    )
    confusions: dict[str, list[tuple[str, str]]] = defaultdict(list)
    unknown_countries: set[str] = set()

    for gold in rows:
        got = lead.get(gold["event_id"]) or {}
        country = country_named(gold["country"])
        if country is None:
            unknown_countries.add(gold["country"])
        region = country.region if country else "unknown"
        outcome = _outcomes(gold, got, country.iso2 if country else None)
        outcome["no_event"] = gold["event_id"] not in docs_with_events
        for key, ok in outcome.items():
            if ok is None:
                continue
            for target in (figures, by_region[region]):
                if key in target:
                    target[key].add(ok)
        confusions["event_type"].append((gold["event_type"] or "-", got.get("event_type") or "-"))
        if gold["sub_event_type"]:
            confusions["sub_event_type"].append(
                (gold["sub_event_type"], got.get("sub_event_type") or "-")
            )
        confusions["actor1_side"].append(
            (
                SIDES_OF_INTER.get(gold["inter1"], "?"),
                SIDES_OF_CATEGORY.get(got.get("actor1_category"), "?"),
            )
        )
        wrong = [k for k in MISS_FIELDS if outcome.get(k) is False]
        if wrong:
            report.misses.append(_miss(gold, got, wrong))

    report.breakdowns["region"] = {
        region: list(figs.values()) for region, figs in sorted(by_region.items())
    }
    report.confusions = dict(confusions)
    if unknown_countries:
        report.notes.append(f"countries missing from countries.tsv: {sorted(unknown_countries)}")


def _outcomes(gold: dict[str, str], got: dict, iso2: str | None) -> dict[str, bool | None]:
    """Right (True), wrong (False) or not scored (None), field by field."""
    out: dict[str, bool | None] = {}
    out["event_type"] = (
        (got.get("event_type") == gold["event_type"]) if gold["event_type"] else None
    )
    out["sub_event_type"] = (
        (got.get("sub_event_type") == gold["sub_event_type"]) if gold["sub_event_type"] else None
    )
    out["actor1_side"] = SIDES_OF_INTER.get(gold["inter1"]) == SIDES_OF_CATEGORY.get(
        got.get("actor1_category"), "?"
    )
    out["actor2_side"] = SIDES_OF_INTER.get(gold["inter2"] or "0") == SIDES_OF_CATEGORY.get(
        got.get("actor2_category"), "?"
    )
    out.update(place_outcomes(got, iso2, gold["admin1"], gold["latitude"], gold["longitude"]))
    counts = count_outcomes(got, gold["fatalities"])
    if counts is not None:
        out["fatalities_exact"], out["fatalities_20pct"] = counts
    if gold["event_date"]:
        start = got.get("date_start")
        out["date_exact"] = start is not None and start.isoformat() == gold["event_date"]
    return out


def _miss(gold: dict[str, str], got: dict, wrong: list[str]) -> Miss:
    country = country_named(gold["country"])
    iso2 = country.iso2 if country else gold["country"]
    region = COUNTRIES_BY_ISO[iso2].region if iso2 in COUNTRIES_BY_ISO else "?"
    gold_text = (
        f"{gold['event_type'] or '?'} / {gold['sub_event_type'] or '?'}; "
        f"{SIDES_OF_INTER.get(gold['inter1'])} vs {SIDES_OF_INTER.get(gold['inter2'] or '0')}; "
        f"{iso2} {gold['admin1']}; {gold['fatalities']} dead"
    )
    if got:
        got_text = (
            f"{got.get('event_type')} / {got.get('sub_event_type')}; "
            f"{SIDES_OF_CATEGORY.get(got.get('actor1_category'), '?')} ({got.get('actor1')}) vs "
            f"{SIDES_OF_CATEGORY.get(got.get('actor2_category'), '?')} ({got.get('actor2')}); "
            f"{got.get('country')} {got.get('admin1')}; {got.get('fatalities') or 0} dead"
        )
    else:
        got_text = "(no event)"
    return Miss(
        item=f"{gold['event_id']} ({region})",
        wrong=wrong,
        gold=gold_text,
        got=got_text,
        text=gold["notes"],
        evidence=got.get("sentence_text") or "",
    )
