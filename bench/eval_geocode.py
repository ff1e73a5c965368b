"""Governorate accuracy of polemos on the FA-KES dev set.

Reads ``../shared/data/fakes-dev/fakes_dev.csv`` (relative to the repository root), runs
polemos on every article and compares each article's *main governorate* with the ``location``
label. Prints the accuracy, a confusion summary and the misses with their place mentions.

Main governorate: the admin1 of the first event that has one; otherwise the most frequent
admin1 among place mentions, mentions in the headline and first sentences counting more.

Runs the installed ``polemos`` Python package when importable, else the CLI through
``cargo run --release -p polemos-cli -- extract DIR -o OUT --format jsonl``. Exits 0 with a
message when the data file is absent.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "fakes-dev" / "fakes_dev.csv"

# FA-KES label spellings -> polemos admin1 names (Damascus includes Rural Damascus).
LABEL_TO_ADMIN1 = {
    "deir ezzor": "Deir ez-Zor",
    "hasakeh": "Hasakah",
    "lattakia": "Latakia",
    "tartous": "Tartus",
    "suwayda": "As-Suwayda",
    "sweida": "As-Suwayda",
}
SAME_AS = {"Rural Damascus": "Damascus"}
# Mentions in sentences before this index count this many times.
EARLY_SENTENCES, EARLY_WEIGHT = 3, 3


def label_admin1(label: str) -> str:
    label = label.strip().lower()
    return LABEL_TO_ADMIN1.get(label, label.title())


def normalise(admin1: str | None) -> str | None:
    return SAME_AS.get(admin1, admin1) if admin1 else None


def main_governorate(record: dict) -> str | None:
    for event in record.get("events") or []:
        admin1 = (event.get("location") or {}).get("admin1")
        if admin1:
            return normalise(admin1)
    counts: Counter = Counter()
    for mention in record.get("mentions") or []:
        location = mention.get("location") or {}
        if mention.get("kind") != "place" or not location.get("admin1"):
            continue
        early = (mention.get("sentence") or 0) < EARLY_SENTENCES
        counts[normalise(location["admin1"])] += EARLY_WEIGHT if early else 1
    return counts.most_common(1)[0][0] if counts else None


def run_python(docs: list[tuple[str, str]]) -> dict[str, dict] | None:
    try:
        import polemos  # type: ignore[import-not-found]
    except ImportError:
        return None
    extract = getattr(polemos, "extract", None)
    if extract is None:
        return None
    out = {}
    for doc_id, text in docs:
        result = extract(text)
        record = result if isinstance(result, dict) else json.loads(json.dumps(result))
        out[doc_id] = record
    return out


def run_cli(docs: list[tuple[str, str]]) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs"
        src.mkdir()
        for doc_id, text in docs:
            (src / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        out_path = Path(tmp) / "out.jsonl"
        command = [
            "cargo",
            "run",
            "--quiet",
            "--release",
            "-p",
            "polemos-cli",
            "--",
            "extract",
            str(src),
            "-o",
            str(out_path),
            "--format",
            "jsonl",
        ]
        subprocess.run(command, cwd=REPO, check=True)
        records = {}
        with out_path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    records[document_id(record)] = record
        return records


def document_id(record: dict) -> str:
    doc = record.get("document") or record.get("doc") or record
    raw = str(doc.get("id") or doc.get("doc_id") or doc.get("path") or "")
    return Path(raw).stem


def mention_names(record: dict) -> list[str]:
    return [
        f"{m.get('text') or m.get('canonical')}->{(m.get('location') or {}).get('admin1')}"
        for m in record.get("mentions") or []
        if m.get("kind") == "place"
    ]


def main() -> int:
    if not DATA.exists():
        print(f"{DATA} not found; nothing to evaluate")
        return 0
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    docs = [
        (row["unit_id"], f"{row['article_title'].strip()}\n\n{row['article_content']}")
        for row in rows
    ]
    records = run_python(docs)
    if records is None:
        records = run_cli(docs)

    hits, confusion, misses = 0, Counter(), []
    for row in rows:
        gold = normalise(label_admin1(row["location"]))
        record = records.get(row["unit_id"], {})
        predicted = main_governorate(record)
        if predicted == gold:
            hits += 1
        else:
            confusion[(gold, predicted)] += 1
            misses.append((row["unit_id"], gold, predicted, mention_names(record)))

    total = len(rows)
    print(f"main governorate matches label: {hits}/{total} = {hits / max(total, 1):.1%}")
    print("\nconfusion (label -> predicted: count):")
    for (gold, predicted), n in confusion.most_common():
        print(f"  {gold} -> {predicted}: {n}")
    print("\nmisses:")
    for doc_id, gold, predicted, names in misses:
        print(f"  {doc_id}\tlabel={gold}\tpredicted={predicted}\t{', '.join(names[:12])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
