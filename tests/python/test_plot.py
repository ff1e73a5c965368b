"""polemos.plot: the map's outlines come from the installed Natural Earth countries, and each
chart draws what its events table holds."""

from __future__ import annotations

import polars as pl
import pytest

import polemos

pytest.importorskip("matplotlib", reason="matplotlib is in the notebooks and test extras")
import matplotlib

matplotlib.use("Agg")  # no display: charts are drawn to memory

from matplotlib.collections import PathCollection
from matplotlib.patches import Polygon

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


def test_map_draws_outlines_and_events(events: pl.DataFrame) -> None:
    ax = polemos.plot.map(events)
    outlines = [p for p in ax.patches if isinstance(p, Polygon)]
    # The events' three countries, and their neighbours within the frame for context.
    assert len(outlines) > 3
    points = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    assert points == events.drop_nulls("latitude").height > 0
    west, east = ax.get_xlim()
    assert west < 7.5 < 45.3 < east  # Nigeria to Somalia, Myanmar further east
    assert "placed" in ax.get_title()


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
