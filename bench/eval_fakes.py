"""Accuracy of polemos's lead events on the FA-KES development split.

Reads ``../shared/data/fakes-dev/fakes_dev.csv`` (relative to the repository root; skipped with a
message when absent), runs polemos with the publication date column, takes each article's lead
event, and prints against the crowd-sourced labels:

- governorate (``location``) of the lead event,
- perpetrator category (``actor``) from the lead event's actor1,
- cause of death (``cause_of_death``) from the lead event's method, or for a battle from the
  triggers of all its reports,
- ``nb_civilians``, ``nb_children`` and ``nb_women``: exact match and within 10%,

then a confusion table per categorical field and the worst misses with the evidence sentence, so
the team can see what to fix. The mappings below translate polemos's vocabularies into FA-KES's
label sets; they hold no per-article answers.

    python bench/eval_fakes.py [--data PATH] [--misses 20] [--field governorate]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import polars as pl

import polemos

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "fakes-dev" / "fakes_dev.csv"

# FA-KES governorate labels -> polemos admin1 names ("damascus" includes its countryside).
GOVERNORATES = {
    "aleppo": {"Aleppo"},
    "damascus": {"Damascus", "Rural Damascus"},
    "idlib": {"Idlib"},
    "deir ezzor": {"Deir ez-Zor"},
    "raqqa": {"Raqqa"},
    "hasakeh": {"Hasakah"},
    "daraa": {"Daraa"},
    "homs": {"Homs"},
    "hama": {"Hama"},
    "lattakia": {"Latakia"},
    "tartous": {"Tartus"},
    "quneitra": {"Quneitra"},
    "sweida": {"As-Suwayda"},
}

# polemos actor names -> FA-KES perpetrator categories; anything else is "unknown".
ACTOR_SIDES = {
    "Syrian government forces": "syrian government or russian troops",
    "Russian forces": "syrian government or russian troops",
    "Iranian forces": "syrian government or russian troops",
    "Hezbollah": "syrian government or russian troops",
    "National Defence Forces": "syrian government or russian troops",
    "Islamic State": "the organization of the islamic state in iraq and the levant - isis",
    "US-led coalition": "international coalition forces",
    "US forces": "international coalition forces",
    "Turkish forces": "international coalition forces",
    "Syrian rebels": "armed opposition groups",
    "Turkish-backed rebels": "armed opposition groups",
    "Ahrar al-Sham": "armed opposition groups",
    "Jaish al-Islam": "armed opposition groups",
    "Faylaq al-Rahman": "armed opposition groups",
    "Jaish al-Fatah": "armed opposition groups",
    "Syrian Democratic Forces": "self administration forces",
    "Hayat Tahrir al-Sham": "al-nusra front",
}

# polemos methods -> FA-KES causes of death.
CAUSES = {
    "air strike": "shelling",
    "drone strike": "shelling",
    "barrel bomb": "shelling",
    "shelling": "shelling",
    "mortar": "shelling",
    "rocket": "shelling",
    "missile": "shelling",
    "car bomb": "explosion",
    "suicide bombing": "explosion",
    "IED": "explosion",
    "explosive": "explosion",
    "grenade": "explosion",
    "chemical": "chemical and toxic gases",
    "shooting": "shooting",
    "execution": "execution",
}


def cause_of(method: str | None, event_type: str | None, rules: list[str]) -> str:
    """FA-KES cause of an event from its method or, for battles, its reports' triggers.

    `rules` are the rules of every report merged into the event (its trigger mentions).
    """
    if method in CAUSES:
        return CAUSES[method]
    # A battle one of whose reports says fighting ("clashes", "battles", "fought") is an
    # exchange of fire; an "offensive", "attack" or "killed" alone says nothing of how.
    if event_type == "Battles" and any(
        rule.removeprefix("trigger:").startswith("clash.") for rule in rules
    ):
        return "shooting"
    return "unknown"


def governorate_of(admin1: str | None) -> str:
    for label, names in GOVERNORATES.items():
        if admin1 in names:
            return label
    return "none"


def within_10_percent(predicted: int, label: int) -> bool:
    return abs(predicted - label) <= 0.1 * label if label else predicted == 0


def confusion(rows: list[tuple[str, str]], title: str) -> None:
    counts = Counter(rows)
    labels = sorted({g for g, _ in rows})
    predicted = sorted({p for _, p in rows})
    print(f"\n{title} (rows: label, columns: predicted)")
    width = max(len(x) for x in [*labels, *predicted, "label"]) + 1
    short = {p: p[:14] for p in predicted}
    print(" " * width + " ".join(f"{short[p]:>14}" for p in predicted))
    for g in labels:
        cells = " ".join(f"{counts.get((g, p), 0):>14}" for p in predicted)
        print(f"{g[:width]:<{width}}{cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--misses", type=int, default=20)
    parser.add_argument(
        "--field",
        choices=["governorate", "actor", "cause", "nb_civilians"],
        help="list only the misses on this field (with the lead event's place for governorate)",
    )
    args = parser.parse_args()
    if not args.data.exists():
        print(f"eval_fakes: {args.data} not found; skipping (the dev data is not shipped).")
        return 0

    labels = pl.read_csv(args.data, infer_schema_length=0, encoding="utf8-lossy")
    # unit_id is not unique in the published data: key rows by position instead.
    labels = labels.with_row_index("row").with_columns(pl.col("row").cast(pl.String))
    result = polemos.extract(
        labels, text="article_content", id="row", published="date", title="article_title"
    )
    lead = result.events.filter(pl.col("is_lead"))
    reports = (
        result.mentions.filter(pl.col("kind") == "trigger")
        .group_by("event_id")
        .agg(pl.col("rule").alias("report_rules"))
    )
    lead = lead.join(reports, on="event_id", how="left")
    joined = labels.join(lead, left_on="row", right_on="doc_id", how="left")

    n = joined.height
    scores: dict[str, int] = Counter()
    gov_rows, actor_rows, cause_rows = [], [], []
    misses = []
    for row in joined.iter_rows(named=True):
        gov = governorate_of(row["admin1"])
        actor = ACTOR_SIDES.get(row["actor1"] or "", "unknown")
        cause = cause_of(row["method"], row["event_type"], row["report_rules"] or [row["rule"]])
        gov_rows.append((row["location"], gov))
        actor_rows.append((row["actor"], actor))
        cause_rows.append((row["cause_of_death"], cause))
        wrong = []
        for field, ok in [
            ("governorate", gov == row["location"]),
            ("actor", actor == row["actor"]),
            ("cause", cause == row["cause_of_death"]),
        ]:
            scores[field] += ok
            if not ok:
                wrong.append(field)
        for field, column in [
            ("nb_civilians", "civilians_killed"),
            ("nb_children", "children_killed"),
            ("nb_women", "women_killed"),
        ]:
            label = int(row[field] or 0)
            predicted = int(row[column] or 0)
            scores[f"{field} exact"] += predicted == label
            scores[f"{field} within 10%"] += within_10_percent(predicted, label)
            if field == "nb_civilians" and predicted != label:
                wrong.append(f"{field} {predicted} vs {label}")
        if wrong:
            misses.append((len(wrong), row, gov, actor, cause, wrong))

    print(f"FA-KES dev: {n} articles, {lead.height} with a lead event")
    for field in [
        "governorate",
        "actor",
        "cause",
        "nb_civilians exact",
        "nb_civilians within 10%",
        "nb_children exact",
        "nb_children within 10%",
        "nb_women exact",
        "nb_women within 10%",
    ]:
        print(f"  {field:<26} {scores[field] / n:6.1%}  ({scores[field]}/{n})")

    confusion(gov_rows, "governorate")
    confusion(actor_rows, "actor")
    confusion(cause_rows, "cause")

    if args.field:
        misses = [m for m in misses if any(w.split()[0] == args.field for w in m[5])]
        print(f"\n{len(misses)} misses on {args.field}, worst {args.misses}")
    else:
        print(f"\nworst {args.misses} misses")
    misses.sort(key=lambda m: -m[0])
    for _, row, gov, actor, cause, wrong in misses[: args.misses]:
        evidence = (row["sentence_text"] or "(no lead event)")[:160]
        print(f"- {row['unit_id']}: {', '.join(wrong)}")
        print(f"    label: {row['location']} / {row['actor']} / {row['cause_of_death']}")
        print(f"    polemos: {gov} / {actor} ({row['actor1']}) / {cause} ({row['method']})")
        print(f"    evidence: {evidence}")
        if args.field == "governorate":
            place = row.get("location_right") or "(none)"
            print(f"    lead place: {place} ({row['admin1']}); title: {row['article_title']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
