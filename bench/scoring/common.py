"""What every scorer shares: the report it returns, timing, distances, name keys, countries.

A scorer reads one labelled set from the data folder, runs polemos over its texts and returns a
`SetReport`: the headline figures (what `bench/scores.json` keeps), breakdowns (per region,
confusion tables) and misses with their evidence, which `bench/scoreboard.py` prints.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

import polemos

HERE = Path(__file__).resolve().parent
MB = 1_000_000
# A user's lexicon folder (`polemos lexicon export`) every extraction runs with, set by
# `scoreboard.py --lexicon`: a lexicon edit is scored without rebuilding polemos.
EXTRA: dict[str, Any] = {}


@dataclass
class Figure:
    """One scored figure: `hits` of `total` (a share, printed in %) or a plain `value`."""

    key: str
    label: str
    hits: float = 0.0
    total: int = 0
    value: float | None = None  # set for figures that are not shares (F1 in points, km)
    unit: str = "%"

    def add(self, ok: bool) -> None:
        """Counts one scored item, right or wrong."""
        self.total += 1
        self.hits += bool(ok)

    @property
    def score(self) -> float | None:
        """The figure as recorded in scores.json: a share in percent, else the value."""
        if self.value is not None:
            return round(self.value, 2)
        if not self.total:
            return None
        return round(100.0 * self.hits / self.total, 2)

    def text(self) -> str:
        score = self.score
        if score is None:
            return "n/a"
        if self.unit == "F1":  # kept in points, printed as F1 is written
            return f"{score / 100:.3f}"
        if self.value is not None:
            return f"{score:.1f} {self.unit}"
        return f"{score:5.1f}%  ({self.hits:g}/{self.total})"


@dataclass
class Miss:
    """A scored item polemos got wrong: which fields, the gold and the output, the evidence."""

    item: str
    wrong: list[str]
    gold: str
    got: str
    text: str
    evidence: str


@dataclass
class SetReport:
    """What one scorer found on one set."""

    name: str
    description: str
    items: int = 0
    text_bytes: int = 0
    seconds: float = 0.0
    figures: list[Figure] = field(default_factory=list)
    # Breakdowns: a title -> (row label -> figures); per-region tables.
    breakdowns: dict[str, dict[str, list[Figure]]] = field(default_factory=dict)
    confusions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def figure(self, key: str, label: str, unit: str = "%") -> Figure:
        found = Figure(key, label, unit=unit)
        self.figures.append(found)
        return found

    def mb_per_s(self) -> float:
        return self.text_bytes / MB / self.seconds if self.seconds else 0.0

    def headline(self) -> dict[str, float]:
        """The figures kept in scores.json: the set's own, then each breakdown row's."""
        out = {f.key: f.score for f in self.figures if f.score is not None}
        for title, rows in self.breakdowns.items():
            for row, figures in rows.items():
                for f in figures:
                    if f.score is not None and f.total >= MIN_BREAKDOWN_ITEMS:
                        out[f"{title}/{row}/{f.key}"] = f.score
        return out  # type: ignore[return-value]


# Breakdown rows over fewer items than this are printed but not kept in scores.json: a handful
# of rows swings by whole points and says nothing about the hidden test twin.
MIN_BREAKDOWN_ITEMS = 50


def extract_timed(report: SetReport, texts: list[str], **kwargs: Any) -> polemos.Result:
    """polemos.extract over `texts`, with its wall-clock time and text size added to `report`.

    The tables are converted to polars inside the timing: that is the end-to-end cost a user
    sees. Resources are loaded before (`warm_up`), so no set pays for them.
    """
    start = time.perf_counter()
    result = polemos.extract(texts, **EXTRA, **kwargs)
    for name in ("documents", "mentions", "events"):
        getattr(result, name)
    report.seconds += time.perf_counter() - start
    report.text_bytes += sum(len(t.encode("utf-8")) for t in texts)
    return result


def warm_up() -> None:
    """Loads polemos's resources once, outside any timing."""
    polemos.extract(["Warm-up: shelling hit the town."], **EXTRA)


def lead_events(result: polemos.Result | pl.DataFrame) -> pl.DataFrame:
    """One row per document: its lead event (documents with no event have none). Takes a
    result or its events table."""
    events = result if isinstance(result, pl.DataFrame) else result.events
    return events.filter(pl.col("is_lead")).unique("doc_id", keep="first")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def as_float(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


def as_int(value: Any) -> int | None:
    number = as_float(value)
    return None if number is None else int(number)


def place_outcomes(
    got: dict[str, Any], iso2: str | None, admin1: str, lat: Any, lon: Any
) -> dict[str, bool | None]:
    """Right (True), wrong (False) or not scored (None): the lead event `got` placed in gold
    country `iso2`, not in another country, in gold `admin1` (under `name_key`, in the right
    country), and within 25 and 100 km of the gold coordinates."""
    out: dict[str, bool | None] = {}
    out["country"] = got.get("country") == iso2 if iso2 else None
    out["wrong_country"] = got.get("country") != iso2 if iso2 and got.get("country") else None
    out["admin1"] = (
        got.get("country") == iso2 and name_key(got.get("admin1")) == name_key(admin1)
        if admin1 and iso2
        else None
    )
    lat, lon = as_float(lat), as_float(lon)
    if lat is not None and lon is not None:
        plat, plon = got.get("latitude"), got.get("longitude")
        km = haversine_km(lat, lon, plat, plon) if plat is not None and plon is not None else None
        out["within_25km"] = km is not None and km <= 25
        out["within_100km"] = km is not None and km <= 100
    return out


def count_outcomes(got: dict[str, Any], gold: Any) -> tuple[bool, bool] | None:
    """Whether the lead event's fatalities (none counts as 0) equal the gold count, and are
    within 20% of it; None without a gold count."""
    count = as_int(gold)
    if count is None:
        return None
    predicted = got.get("fatalities") or 0
    return predicted == count, within_share(predicted, count, 0.2)


def within_share(predicted: int, gold: int, share: float) -> bool:
    """Whether `predicted` is within `share` (0.2 = 20%) of `gold`; exact when gold is 0."""
    return abs(predicted - gold) <= share * gold if gold else predicted == 0


# ---------------------------------------------------------------------------------------------
# Place names

# Words that say what kind of unit a name is, not which one: "Idlib Governorate" = "Idlib".
UNIT_WORDS = frozenset(
    [
        "province",
        "governorate",
        "state",
        "region",
        "division",
        "district",
        "department",
        "prefecture",
        "county",
        "municipality",
        "oblast",
        "krai",
        "kray",
        "republic",
        "autonomous",
        "territory",
        "area",
        "capital",
        "national",
        "federal",
        "special",
        "metropolitan",
        "of",
        "the",
        "de",
        "del",
        "la",
    ]
)
# Arabic and other articles written as separate words: "Deir ez-Zor" = "Deir Zor".
ARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "at",
        "az",
        "ash",
        "an",
        "ed",
        "er",
        "es",
        "ez",
        "ud",
        "ul",
        "ur",
    ]
)
DIGRAPHS = (("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"))
DIGRAPHS += (("ph", "f"),)
# Slavic adjectival forms before "Oblast" ("Kharkivs'ka Oblast'" = "Kharkiv").
OBLAST_ADJECTIVE = re.compile(r"(?:s'?ka|s'?kaya|s'?ke)$")


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _skeleton(word: str) -> str:
    """A transliteration key: consonants after the first letter, digraphs folded, doubles
    collapsed ("Idleb" and "Idlib" give "idlb"; "Hasakah" and "Hassakeh" give "hsk")."""
    word = re.sub(r"([aeiou])h$", r"\1", word)
    for digraph, single in DIGRAPHS:
        word = word.replace(digraph, single)
    word = word.replace("q", "k").replace("c", "k").replace("z", "s")
    head, tail = word[:1], re.sub(r"[aeiouyw]", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", head + tail)


def name_key(name: str | None) -> str:
    """A key under which spellings of one administrative unit's name agree.

    Unit words ("Governorate", "State") and articles are dropped and each word reduced to a
    transliteration skeleton. Names that translate each other ("Rif Dimashq", "Rural Damascus")
    differ: `ADMIN1_ALIASES` joins those.
    """
    if not name:
        return ""
    key = _raw_key(name)
    return ADMIN1_ALIASES.get(key, key)


def _load_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    path = HERE / "admin1_aliases.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = line.split("\t")
        # Each line is one unit's names; every name's key maps to the first name's key.
        keys = [_raw_key(n) for n in names]
        for key in keys[1:]:
            aliases[key] = keys[0]
    return aliases


def _raw_key(name: str) -> str:
    folded = _fold(name).replace("'", "").replace("\u2019", "")
    # "Seoul Special City", "Busan Metropolitan City": the city is the unit.
    folded = re.sub(r"\b(special|metropolitan) city\b", "", folded)
    words = re.findall(r"[a-z0-9]+", folded)
    if "oblast" in words:
        words = [OBLAST_ADJECTIVE.sub("", w) for w in words]
    kept = [w for w in words if w not in UNIT_WORDS and w not in ARTICLES]
    return "".join(_skeleton(w) for w in (kept or words))


ADMIN1_ALIASES = _load_aliases()


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    region: str


COUNTRIES_FILE = HERE.parents[1] / "crates" / "polemos-export" / "data" / "countries.tsv"


def _load_countries() -> tuple[dict[str, Country], dict[str, Country]]:
    """The countries of polemos's own table (ISO codes, ACLED names and regions), found also by
    the other spellings gold files use (`country_aliases.tsv`)."""
    by_iso: dict[str, Country] = {}
    for line in COUNTRIES_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("iso2\t") or not line.strip():
            continue
        iso2, _, _, name, region, *_ = line.split("\t")
        by_iso[iso2] = Country(iso2, name, region)
    by_name = {_fold(c.name): c for c in by_iso.values()}
    for line in (HERE / "country_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("iso2\t") or not line.strip():
            continue
        iso2, aliases = line.split("\t")
        for spelling in aliases.split("|"):
            by_name.setdefault(_fold(spelling), by_iso[iso2])
    return by_iso, by_name


COUNTRIES_BY_ISO, COUNTRIES_BY_NAME = _load_countries()


def country_named(name: str) -> Country | None:
    """The country a gold file names ("Democratic Republic of Congo", "eSwatini")."""
    return COUNTRIES_BY_NAME.get(_fold(name.strip()))


def confusion_table(rows: list[tuple[str, str]], title: str) -> str:
    """A label x prediction count table, labels as rows."""
    counts = Counter(rows)
    labels = sorted({g for g, _ in rows})
    predicted = sorted({p for _, p in rows})
    width = max(len(x) for x in [*labels, *predicted, "label"]) + 1
    width = min(width, 34)
    lines = [f"{title} (rows: label, columns: predicted)"]
    lines.append(" " * width + " ".join(f"{p[:12]:>12}" for p in predicted))
    for g in labels:
        cells = " ".join(f"{counts.get((g, p), 0):>12}" for p in predicted)
        lines.append(f"{g[: width - 1]:<{width}}{cells}")
    return "\n".join(lines)
