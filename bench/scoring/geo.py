"""Toponym resolution sets (`geo-lgl/`, `geo-trnews/`, `geo-geovirus/`, `geo-geowebnews/`): news
documents with every place name's span and coordinates.

polemos reads each document whole; its place mentions are matched to gold names by overlapping
span, and scored as toponym resolution is in the literature (Gritta et al., "A Pragmatic Guide
to Geoparsing Evaluation", 2019):

- `recall`: gold names with coordinates that a place mention overlaps;
- `precision`: place mentions that overlap a gold toponym (any locational one, with or without
  coordinates);
- `acc161`: gold names with coordinates found and placed within 161 km (100 miles), over all of
  them, so a name not found counts as wrong;
- `mean_km`, `median_km`: the error of the names found.

GeoWebNews annotates non-locational uses too; only spans marked `non_locational = "No"` count,
and only those with coordinates are scored for recall and accuracy.
"""

from __future__ import annotations

import bisect
import json
import statistics
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import polars as pl

from .common import Miss, SetReport, extract_timed, haversine_km

FILES = {
    "geo-lgl": "lgl_dev.jsonl",
    "geo-trnews": "trnews_dev.jsonl",
    "geo-geovirus": "geovirus_dev.jsonl",
    "geo-geowebnews": "geowebnews_dev.jsonl",
}
ACCURATE_KM = 161.0


def scorer(name: str) -> Callable[..., SetReport | None]:
    def score(data: Path, limit: int | None = None) -> SetReport | None:
        return _score(name, data / name / FILES[name], limit)

    return score


def _char_offsets(text: str) -> list[int]:
    """Byte offset of each character of `text` (UTF-8), for mapping byte spans to characters."""
    offsets, at = [], 0
    for ch in text:
        offsets.append(at)
        at += len(ch.encode("utf-8"))
    offsets.append(at)
    return offsets


def _score(name: str, path: Path, limit: int | None) -> SetReport | None:
    if not path.exists():
        return None
    # One document a line; split on "\n" only, as texts hold U+2028 and other line breaks.
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]
    if limit:
        docs = docs[:limit]
    report = SetReport(name, f"{len(docs)} documents, place mentions against gold toponyms")
    report.items = len(docs)
    result = extract_timed(report, [d["text"] for d in docs], id=[d["doc_id"] for d in docs])
    places = result.mentions.filter(
        (pl.col("kind") == "place") & pl.col("latitude").is_not_null()
    ).select(
        "doc_id", "start", "end", "text", "canonical", "country", "admin1", "latitude", "longitude"
    )
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in places.iter_rows(named=True):
        by_doc[row["doc_id"]].append(row)

    recall = report.figure("recall", "recall of gold names")
    precision = report.figure("precision", "precision of place mentions")
    acc = report.figure("acc161", "accuracy within 161 km (all gold)")
    errors: list[float] = []
    for doc in docs:
        text = doc["text"]
        offsets = _char_offsets(text)
        predicted = []
        for p in by_doc.get(doc["doc_id"], []):
            # Byte offsets -> character offsets, as the gold spans are.
            start = bisect.bisect_left(offsets, p["start"])
            end = bisect.bisect_left(offsets, p["end"])
            predicted.append((start, end, p))
        locational = [t for t in doc["toponyms"] if t.get("non_locational", "No") != "Yes"]
        gold = [t for t in locational if t.get("lat") is not None and t.get("lon") is not None]
        for t in gold:
            recall.total += 1
            acc.total += 1
            overlapping = [
                (min(e, t["end"]) - max(s, t["start"]), p)
                for s, e, p in predicted
                if s < t["end"] and t["start"] < e
            ]
            if not overlapping:
                report.misses.append(_miss(doc, t, None, None))
                continue
            recall.hits += 1
            p = max(overlapping, key=lambda o: o[0])[1]
            km = haversine_km(t["lat"], t["lon"], p["latitude"], p["longitude"])
            errors.append(km)
            if km <= ACCURATE_KM:
                acc.hits += 1
            else:
                report.misses.append(_miss(doc, t, p, km))
        for s, e, p in predicted:
            precision.total += 1
            if any(s < t["end"] and t["start"] < e for t in locational):
                precision.hits += 1
            else:
                report.misses.append(
                    Miss(
                        item=f"{doc['doc_id']} [{s}:{e}]",
                        wrong=["spurious"],
                        gold="(no toponym here)",
                        got=f"{p['canonical']} ({p['country']}, {p['admin1']})",
                        text=p["text"],
                        evidence=_context(text, s, e),
                    )
                )
    mean = report.figure("mean_km", "mean error of names found", unit="km")
    mean.value = statistics.fmean(errors) if errors else None
    median = report.figure("median_km", "median error of names found", unit="km")
    median.value = statistics.median(errors) if errors else None
    return report


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 80) : end + 80].split())


def _miss(doc: dict, gold: dict, got: dict | None, km: float | None) -> Miss:
    where = f"({gold['lat']:.2f}, {gold['lon']:.2f})"
    extra = " ".join(str(gold[k]) for k in ("country", "admin1", "fcode") if gold.get(k))
    return Miss(
        item=f"{doc['doc_id']} [{gold['start']}:{gold['end']}]",
        wrong=["not found"] if got is None else ["far"],
        gold=f"{gold['name']} {where} {extra}".rstrip(),
        got=(
            "(no place)"
            if got is None
            else f"{got['canonical']} ({got['country']}, {got['admin1']}) "
            f"({got['latitude']:.2f}, {got['longitude']:.2f}), {km:.0f} km off"
        ),
        text=gold["name"],
        evidence=_context(doc["text"], gold["start"], gold["end"]),
    )
