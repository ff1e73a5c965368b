"""The scoreboard: polemos on every labelled development set, one command.

Runs polemos over each set in the data folder (default ``../shared/data`` beside the
repository; sets that are absent are skipped with a message) and prints, per set, the figures it
can score, with throughput. One module per set in ``bench/scoring/`` says what it scores and how
gold and output are mapped.

    python bench/scoreboard.py                      # every set present
    python bench/scoreboard.py --set acled-notes-multi --misses 30 --field event_type
    python bench/scoreboard.py --confusion          # + confusion tables
    python bench/scoreboard.py --check              # fail if a figure moved from bench/scores.json
    python bench/scoreboard.py --write              # update bench/scores.json and bench/README.md
    python bench/scoreboard.py --data /other/copy   # any folder laid out like ../shared/data

``--check`` recomputes every figure and fails (exit 1) where one differs from the committed
``bench/scores.json`` by more than 0.2 points, listing each change; a change that is meant is
recorded with ``--write`` in the same commit, so the score diff shows in review. Figures are
deterministic (the same text gives the same output at any thread count); throughput is printed
but never checked.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import acled, common, fakes, geo, india, satp, ucdp
from scoring.common import SetReport, confusion_table, warm_up

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
SCORES = REPO / "bench" / "scores.json"
README = REPO / "bench" / "README.md"
TOLERANCE = 0.2  # points
README_START = "<!-- scoreboard:start (bench/scoreboard.py --write) -->"
README_END = "<!-- scoreboard:end -->"

# Set name -> scorer, in the order they are printed.
SCORERS = {
    "fakes-dev": fakes.score,
    "acled-notes-multi": acled.score,
    "acled-notes-multi+model": acled.score_with_model,
    "ucdp-ged-text": ucdp.score,
    "geo-lgl": geo.scorer("geo-lgl"),
    "geo-trnews": geo.scorer("geo-trnews"),
    "geo-geovirus": geo.scorer("geo-geovirus"),
    "geo-geowebnews": geo.scorer("geo-geowebnews"),
    "india-police-events": india.score,
    "satp-relevant": satp.score,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder")
    parser.add_argument(
        "--set", action="append", choices=list(SCORERS), help="score only this set (repeatable)"
    )
    parser.add_argument("--misses", type=int, default=0, help="print the N worst misses per set")
    parser.add_argument("--field", help="list only misses on this field")
    parser.add_argument("--confusion", action="store_true", help="print confusion tables")
    parser.add_argument("--limit", type=int, help="score only the first N items of each set")
    parser.add_argument(
        "--lexicon",
        type=Path,
        help="run with this lexicon folder (polemos lexicon export) added to the built-in data",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="compare with bench/scores.json")
    group.add_argument("--write", action="store_true", help="update bench/scores.json and README")
    args = parser.parse_args()
    if (args.check or args.write) and (args.limit or args.set):
        parser.error("--check and --write score every set in full")
    if args.write and args.lexicon:
        parser.error("--write keeps the built-in data's figures; move the rows there first")

    if not args.data.is_dir():
        print(f"scoreboard: {args.data} not found; skipping (the dev data is not shipped).")
        return 0
    if args.lexicon:
        common.EXTRA["lexicon"] = args.lexicon
    warm_up()
    started = time.perf_counter()
    reports: list[SetReport] = []
    for name in args.set or list(SCORERS):
        report = SCORERS[name](args.data, limit=args.limit)
        if report is None:
            print(f"\n== {name}: not in {args.data}; skipped")
            continue
        reports.append(report)
        print_report(report, args.misses, args.field, args.confusion)
    print(f"\nscoreboard: {len(reports)} sets in {time.perf_counter() - started:.0f} s")

    figures = {r.name: r.headline() for r in reports}
    if args.write:
        SCORES.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        write_readme(reports)
        print(f"scoreboard: wrote {SCORES.relative_to(REPO)} and the table in bench/README.md")
    if args.check:
        return check(figures)
    return 0


def print_report(report: SetReport, misses: int, field: str | None, confusion: bool) -> None:
    speed = f"{report.text_bytes / 1e6:.1f} MB in {report.seconds:.1f} s"
    print(f"\n== {report.name}: {report.description} ({speed}, {report.mb_per_s():.1f} MB/s)")
    for figure in report.figures:
        print(f"  {figure.label:<34} {figure.text()}")
    for title, rows in report.breakdowns.items():
        keys = [f.key for f in next(iter(rows.values()))]
        print(f"\n  by {title}: n, then " + ", ".join(keys))
        for row, figures in rows.items():
            n = max(f.total for f in figures)
            cells = " ".join(
                f"{f.score:6.1f}" if f.score is not None else "   n/a" for f in figures
            )
            print(f"  {row[:26]:<26} {n:>6} {cells}")
    for note in report.notes:
        print(f"  note: {note}")
    if confusion:
        for title, rows in report.confusions.items():
            print()
            print(confusion_table(rows, f"{report.name} {title}"))
    if misses:
        chosen = [m for m in report.misses if field is None or field in m.wrong]
        # Worst first (most fields wrong); within a tie in a fixed order that mixes sources,
        # countries and documents instead of listing one file's rows together.
        chosen.sort(key=lambda m: (-len(m.wrong), zlib.crc32(m.item.encode("utf-8"))))
        print(f"\n  {len(chosen)} misses" + (f" on {field}" if field else "") + f", {misses} shown")
        for miss in chosen[:misses]:
            print(f"  - {miss.item}: {', '.join(miss.wrong)}")
            print(f"      gold:     {miss.gold}")
            print(f"      polemos:  {miss.got}")
            print(f"      text:     {miss.text[:300]}")
            if miss.evidence:
                print(f"      evidence: {miss.evidence[:200]}")


def check(figures: dict[str, dict[str, float]]) -> int:
    """Compares with the committed scores; 1 when a figure moved past the tolerance."""
    if not SCORES.exists():
        print(f"scoreboard: {SCORES.relative_to(REPO)} missing; run with --write")
        return 1
    committed = json.loads(SCORES.read_text(encoding="utf-8"))
    changes = []
    for name, now in figures.items():
        before = committed.get(name)
        if before is None:
            changes.append(f"{name}: not in scores.json")
            continue
        for key in sorted(set(before) | set(now)):
            old, new = before.get(key), now.get(key)
            if old is None or new is None or abs(new - old) > TOLERANCE:
                changes.append(f"{name} {key}: {old} -> {new}")
    for name in sorted(set(committed) - set(figures)):
        print(f"scoreboard: {name} is in scores.json but not in the data folder; not checked")
    if changes:
        print(f"\nscoreboard: {len(changes)} figures differ from bench/scores.json:")
        for change in changes:
            print(f"  {change}")
        print("If the change is meant, record it: python bench/scoreboard.py --write")
        return 1
    print("scoreboard: every figure matches bench/scores.json")
    return 0


def write_readme(reports: list[SetReport]) -> None:
    """Replaces the generated table in bench/README.md with this run's figures."""
    lines = [README_START, ""]
    lines.append(
        f"Generated by `python bench/scoreboard.py --write` on {time.strftime('%Y-%m-%d')}."
    )
    lines.append("")
    lines.append("| set | figure | score |")
    lines.append("|---|---|---:|")
    for report in reports:
        for figure in report.figures:
            lines.append(f"| {report.name} | {figure.label} | {figure.text().strip()} |")
    for report in reports:
        for title, rows in report.breakdowns.items():
            keys = [f.label for f in next(iter(rows.values()))]
            lines += ["", f"{report.name} by {title}:", ""]
            lines.append(f"| {title} | n | " + " | ".join(keys) + " |")
            lines.append("|---|---:|" + "---:|" * len(keys))
            for row, figures in rows.items():
                n = max(f.total for f in figures)
                cells = " | ".join(f"{f.score:.1f}" if f.score is not None else "" for f in figures)
                lines.append(f"| {row} | {n} | {cells} |")
    lines += ["", README_END]
    text = README.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < 0:
        raise SystemExit(f"scoreboard: {README} has no {README_START} ... {README_END} block")
    README.write_text(text[:start] + "\n".join(lines) + text[end + len(README_END) :], "utf-8")


if __name__ == "__main__":
    sys.exit(main())
