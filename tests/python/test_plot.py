"""polemos.plot: the map's outlines come from the installed Natural Earth countries, and each
chart draws what its events table holds."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import polars as pl
import pytest

import polemos

pytest.importorskip("matplotlib", reason="matplotlib is in the notebooks and test extras")
import matplotlib

matplotlib.use("Agg")  # no display: charts are drawn to memory

from matplotlib.axes import Axes
from matplotlib.collections import PathCollection

import polemos.plot

TEXTS = [
    "Government troops clashed with al-Shabaab fighters near Kismayo on 3 March 2023, "
    "killing 14 militants.",
    "Gunmen killed 11 villagers, including three children, in Gusau, Zamfara State, on "
    "12 March 2023.",
    "An air strike killed 5 civilians in Mandalay on 2 April 2023.",
]


@pytest.fixture(scope="module")
def events() -> pl.DataFrame:
    return polemos.extract(TEXTS, published="2023-04-10").events


def test_country_outlines_hold_their_capitals() -> None:
    from matplotlib.path import Path

    outlines = polemos.plot.country_outlines(["SO", "ng", "XX"])
    assert set(outlines) == {"SO", "NG"}  # unknown codes are left out
    for code, (lon, lat) in {"SO": (45.34, 2.04), "NG": (7.49, 9.06)}.items():
        assert any(Path(p[0]).contains_point((lon, lat)) for p in outlines[code]), code


def drawn(ax: Axes, layer: str) -> int:
    """The number of outlines the map drew in `layer`."""
    return sum(len(c.get_paths()) for c in ax.collections if c.get_label() == layer)


def test_map_draws_outlines_and_events(events: pl.DataFrame) -> None:
    ax = polemos.plot.map(events)
    # The events' three countries, and their neighbours within the frame for context.
    assert drawn(ax, "event countries") >= 3
    assert drawn(ax, "countries") > 10
    points = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    assert points == events.drop_nulls("latitude").height > 0
    west, east = ax.get_xlim()
    assert west < 7.5 < 45.3 < east  # Nigeria to Somalia, Myanmar further east
    assert "placed" in ax.get_title()


def _regions(tmp_path: Path) -> tuple[Path, Path]:
    """Two invented "regions" halving Somalia's bounding box and one in France, as a Natural
    Earth-style shapefile (zipped) and as a geoBoundaries-style GeoJSON."""
    import shapefile

    halves = {
        "North": [(40.9, 5.0), (51.5, 5.0), (51.5, 12.0), (40.9, 12.0), (40.9, 5.0)],
        "South": [(40.9, -1.7), (51.5, -1.7), (51.5, 5.0), (40.9, 5.0), (40.9, -1.7)],
        "Elsewhere": [(2.0, 46.0), (3.0, 46.0), (3.0, 47.0), (2.0, 47.0), (2.0, 46.0)],
    }
    base = tmp_path / "admin1"
    with shapefile.Writer(str(base), shapeType=shapefile.POLYGON) as w:
        w.field("name", "C")
        w.field("iso_a2", "C")
        for name, ring in halves.items():
            w.poly([ring])
            w.record(name, "FR" if name == "Elsewhere" else "SO")
    archive = tmp_path / "admin1.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for ext in (".shp", ".shx", ".dbf"):
            z.write(base.with_suffix(ext), f"admin1{ext}")
    features = [
        {
            "type": "Feature",
            "properties": {
                "shapeName": name,
                "shapeGroup": "FRA" if name == "Elsewhere" else "SOM",
            },
            "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring]]},
        }
        for name, ring in halves.items()
    ]
    geojson = tmp_path / "adm1.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return archive, geojson


def test_admin1_outlines_from_a_downloaded_file(events: pl.DataFrame, tmp_path: Path) -> None:
    for path in _regions(tmp_path):
        outlines = polemos.plot.admin1_outlines(path, ["SO", "NG"])
        assert set(outlines) == {"SO"}, path.name  # by iso_a2, or by alpha-3 shapeGroup
        assert len(outlines["SO"]) == 2
        assert drawn(polemos.plot.map(events), "admin1") == 0
        assert drawn(polemos.plot.map(events, admin1=path), "admin1") == 2
    with pytest.raises(polemos.InputFileNotFoundError):
        polemos.plot.admin1_outlines(tmp_path / "missing.zip", ["SO"])


def test_timeline_counts_events_per_period(events: pl.DataFrame) -> None:
    ax = polemos.plot.timeline(events, every="1mo")
    heights = sum(bar.get_height() for bar in ax.patches)
    assert heights == events.drop_nulls("date_start").height
    ax = polemos.plot.timeline(events, every="1mo", value="fatalities")
    assert sum(bar.get_height() for bar in ax.patches) == events["fatalities"].sum()
    with pytest.raises(polemos.InputError, match="value must be"):
        polemos.plot.timeline(events, value="people")


def test_casualties_add_up_to_fatalities(events: pl.DataFrame) -> None:
    ax = polemos.plot.casualties(events)
    assert sum(bar.get_width() for bar in ax.patches) == events["fatalities"].sum()


def test_charts_need_the_events_columns() -> None:
    with pytest.raises(polemos.InputError, match="needs the events columns"):
        polemos.plot.map(pl.DataFrame({"latitude": [1.0]}))
