"""Incidents link reports of one event across documents."""

from __future__ import annotations

import polars as pl
import pytest

import polemos

REPORTS = [
    "A suicide car bomb killed 8 civilians in Homs on Monday, SANA reported.",
    "At least 10 civilians were killed when a suicide car bomb exploded in Homs on Monday, "
    "the Syrian Observatory for Human Rights said.",
    "Rebels shelled Aleppo on Monday, killing 3 civilians.",
]


def test_reports_of_one_bombing_are_one_incident() -> None:
    result = polemos.extract(REPORTS, published="2017-10-10")
    incidents = result.incidents
    assert incidents.height == 1
    row = incidents.row(0, named=True)
    assert row["n_documents"] == 2
    assert row["sub_event_type"] == "Suicide bomb"
    assert row["admin1"] == "Homs"
    assert (row["fatalities_min"], row["fatalities_min_by"]) == (8, "SANA")
    assert (row["fatalities_max"], row["fatalities_max_by"]) == (
        10,
        "Syrian Observatory for Human Rights",
    )
    linked = set(row["event_ids"].split(";"))
    bombings = result.events.filter(pl.col("sub_event_type") == "Suicide bomb")
    assert linked == set(bombings["event_id"])


def test_batched_runs_link_across_batches() -> None:
    whole = polemos.extract(REPORTS, published="2017-10-10")
    batched = polemos.extract(REPORTS, published="2017-10-10", progress=True)
    assert batched.incidents.equals(whole.incidents)


def test_link_incidents_across_separate_runs() -> None:
    whole = polemos.extract(REPORTS, published="2017-10-10")
    # Each report extracted on its own: no run sees two reports, so none has an incident.
    runs = [
        polemos.extract(text, id=f"input[{i}]", published="2017-10-10")
        for i, text in enumerate(REPORTS)
    ]
    assert all(r.incidents.height == 0 for r in runs)
    events = pl.concat([r.events for r in runs])
    assert polemos.link_incidents(events).equals(whole.incidents)
    # Lazily scanned (only the linking columns are read), or as pandas.
    assert polemos.link_incidents(events.lazy()).equals(whole.incidents)
    assert polemos.link_incidents(events.to_pandas()).equals(whole.incidents)


def test_link_incidents_needs_an_events_table() -> None:
    events = polemos.extract(REPORTS, published="2017-10-10").events
    with pytest.raises(polemos.InputError, match="no column 'admin1'"):
        polemos.link_incidents(events.drop("admin1"))
    with pytest.raises(polemos.InputError, match="events table"):
        polemos.link_incidents([1, 2, 3])
    # An empty table links nothing, with the incidents columns.
    empty = polemos.link_incidents(events.clear())
    assert empty.height == 0
    assert empty.columns == polemos.extract([]).incidents.columns
