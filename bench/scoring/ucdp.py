"""UCDP GED events with their source headlines (`ucdp-ged-text/`), Mexico and Syria.

Each GED row names the articles it was coded from in `source_article`: entries
`"Outlet,YYYY-MM-DD,Headline"` joined by `;`. There is no article text: polemos reads the
row's headlines (one paragraph each, published on the earliest entry's date), and its lead
event is scored against the row:

- `country`, `adm_1` (names compared under `common.name_key`, only in the right country);
- `wrong_country`: lead events placed in another country (over those placed in any);
- `within_25km`, `within_100km` of UCDP's coordinates;
- `deaths_exact` against `best` (no number from polemos counts as 0), `deaths_20pct`;
- `sides`: the two sides of the event, as kinds (state forces of a "Government of X", civilians,
  or an armed group), compared as an unordered pair with polemos's actor1 and actor2 sides
  (`SIDES_OF_CATEGORY`); GED orders its sides by dyad, not by who acted; `actor1_side`:
  the side of polemos's actor1 is one of the two;
- `no_event`: texts where polemos finds no event.

One round-up headline often stands for many GED events ("clashes in three provinces kill 40"),
so rows whose headlines are theirs alone (`single`) are scored apart from rows that share their
text with other rows (`shared`, one polemos document for all of them). Rows whose
`source_article` holds no parsable headline (old entries that cite only an outlet and a date)
are not scored.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections import Counter, defaultdict
from pathlib import Path

from .common import (
    Figure,
    Miss,
    SetReport,
    count_outcomes,
    country_named,
    extract_timed,
    lead_events,
    place_outcomes,
)

NAME = "ucdp-ged-text"
FILE = Path("ucdp-ged-text") / "ucdp_ged_text_dev.csv.gz"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# polemos actor categories -> the kinds UCDP's sides are scored as.
SIDES_OF_CATEGORY = {
    None: "none",
    "state_forces": "state forces",
    "rebel_group": "armed group",
    "political_militia": "armed group",
    "identity_militia": "armed group",
    "rioters": "other",
    "protesters": "other",
    "civilians": "civilians",
    "external_forces": "state forces",
}

FIELDS = [
    ("country", "country"),
    ("wrong_country", "placed in a wrong country"),
    ("adm_1", "adm_1"),
    ("within_25km", "within 25 km"),
    ("within_100km", "within 100 km"),
    ("deaths_exact", "deaths exact (best)"),
    ("deaths_20pct", "deaths within 20%"),
    ("sides", "sides (unordered pair)"),
    ("actor1_side", "actor1's side among the sides"),
    ("no_event", "rows with no event"),
]
MISS_FIELDS = ("country", "adm_1", "deaths_exact", "sides")


def side_of(name: str) -> str:
    """The kind of a GED side: "Government of Syria" state forces, "Civilians", else a group."""
    if name.startswith("Government of"):
        return "state forces"
    if name == "Civilians":
        return "civilians"
    return "armed group"


def headlines(source_article: str) -> tuple[list[str], str | None]:
    """The headlines of a `source_article` field and the earliest date among its entries."""
    found, dates = [], []
    # Entries are quoted CSV fields joined by ";"; a few fields hold line breaks.
    flat = " ".join(source_article.split())
    for entry in next(csv.reader([flat], delimiter=";"), []):
        parts = entry.strip().split(",", 2)
        if len(parts) == 3 and DATE.match(parts[1].strip()) and parts[2].strip():
            found.append(parts[2].strip())
            # A few entries carry impossible dates ("1753-01-01", "2919-02-06"): not used.
            if "1950" <= parts[1].strip() <= "2030":
                dates.append(parts[1].strip())
    return found, min(dates) if dates else None


def score(data: Path, limit: int | None = None) -> SetReport | None:
    path = data / FILE
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if limit:
        rows = rows[:limit]
    texts: dict[str, str | None] = {}  # text -> published
    row_text: list[str | None] = []
    for row in rows:
        found, published = headlines(row["source_article"])
        text = "\n\n".join(found) if found else None
        row_text.append(text)
        if text is not None:
            texts.setdefault(text, published)
    uses = Counter(t for t in row_text if t is not None)
    scored = sum(1 for t in row_text if t is not None)
    report = SetReport(
        NAME,
        f"{scored:,} GED events with headlines ({len(texts):,} distinct texts), lead event",
    )
    report.items = scored
    report.notes.append(f"{len(rows) - scored} rows without a parsable headline not scored")

    ids = [f"t{i}" for i in range(len(texts))]
    doc_of = dict(zip(texts, ids))
    result = extract_timed(report, list(texts), id=ids, published=list(texts.values()))
    with_events = set(result.events.get_column("doc_id").to_list())
    lead = {row["doc_id"]: row for row in lead_events(result).iter_rows(named=True)}

    figures = {key: report.figure(key, label) for key, label in FIELDS}
    groups: dict[str, dict[str, Figure]] = defaultdict(
        lambda: {key: Figure(key, label) for key, label in FIELDS}
    )
    for gold, text in zip(rows, row_text):
        if text is None:
            continue
        doc = doc_of[text]
        got = lead.get(doc) or {}
        outcome = _outcomes(gold, got)
        outcome["no_event"] = doc not in with_events
        group = "single" if uses[text] == 1 else "shared"
        for key, ok in outcome.items():
            if ok is None:
                continue
            for target in (figures, groups[group], groups[gold["country"]]):
                target[key].add(ok)
        wrong = [
            k for k in ("country", "adm_1", "deaths_exact", "sides") if outcome.get(k) is False
        ]
        if wrong and group == "single":
            report.misses.append(
                Miss(
                    item=f"{gold['id']} ({gold['country']})",
                    wrong=wrong,
                    gold=(
                        f"{gold['adm_1']} ({gold['where_coordinates']}); {gold['best']} dead; "
                        f"{gold['side_a']} vs {gold['side_b']}"
                    ),
                    got=(
                        f"{got.get('country')} {got.get('admin1')} ({got.get('location')}); "
                        f"{got.get('fatalities') or 0} dead; "
                        f"{got.get('actor1')} vs {got.get('actor2')}"
                        if got
                        else "(no event)"
                    ),
                    text=text,
                    evidence=got.get("sentence_text") or "",
                )
            )
    report.breakdowns["headline use"] = {
        "single": list(groups["single"].values()),
        "shared": list(groups["shared"].values()),
    }
    report.breakdowns["country"] = {
        c: list(groups[c].values()) for c in sorted({r["country"] for r in rows})
    }
    return report


def _outcomes(gold: dict[str, str], got: dict) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {}
    country = country_named(gold["country"])
    iso2 = country.iso2 if country else None
    place = place_outcomes(got, iso2, gold["adm_1"], gold["latitude"], gold["longitude"])
    place["adm_1"] = place.pop("admin1")
    out.update(place)
    counts = count_outcomes(got, gold["best"])
    if counts is not None:
        out["deaths_exact"], out["deaths_20pct"] = counts
    gold_sides = sorted([side_of(gold["side_a"]), side_of(gold["side_b"])])
    got_sides = sorted(
        SIDES_OF_CATEGORY.get(got.get(f"actor{i}_category"), "other") for i in (1, 2)
    )
    out["sides"] = gold_sides == got_sides
    out["actor1_side"] = SIDES_OF_CATEGORY.get(got.get("actor1_category"), "other") in gold_sides
    return out
