"""Incidents link reports of one event across documents."""

from __future__ import annotations

import polars as pl

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
