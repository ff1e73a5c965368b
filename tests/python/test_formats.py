"""Two views of the events table, as written: `events.geojson` and `acled.csv` (the UCDP view
and the frames of both tabular views are tested in test_views.py)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import polemos

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "polemos_event_id",
    "polemos_modality",
]
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
INTER = {
    "state_forces": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
}


def validate_feature_collection(value: Any) -> None:
    """Checks the parts of RFC 7946 that a FeatureCollection of points must satisfy."""
    assert isinstance(value, dict)
    assert value["type"] == "FeatureCollection"
    assert isinstance(value["features"], list)
    for feature in value["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature.get("id"), (str, int, float))
        assert "geometry" in feature
        assert "properties" in feature
        assert feature["properties"] is None or isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        coordinates = geometry["coordinates"]
        assert isinstance(coordinates, list)
        assert len(coordinates) in (2, 3)
        lon, lat = coordinates[:2]
        assert all(isinstance(c, (int, float)) and math.isfinite(c) for c in coordinates)
        assert -180 <= lon <= 180
        assert -90 <= lat <= 90


@pytest.fixture(scope="module")
def geojson(corpus_result: polemos.Result, tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("geojson")
    assert corpus_result.write(out, format="geojson") == [out / "events.geojson"]
    return json.loads((out / "events.geojson").read_text(encoding="utf-8"))


def test_geojson_is_valid_rfc7946(geojson: Any, corpus_result: polemos.Result) -> None:
    validate_feature_collection(geojson)
    asserted = corpus_result.events.filter(pl.col("modality") == "asserted")
    assert len(geojson["features"]) == asserted.height


def test_the_event_views_hold_what_the_text_asserts_unless_told(tmp_path: Path) -> None:
    result = polemos.extract(
        "Rebels shelled Idlib on Monday. The army is preparing to storm Saraqib."
    )
    modalities = result.events["modality"].to_list()
    assert "asserted" in modalities, modalities
    assert set(modalities) != {"asserted"}, modalities
    result.write(tmp_path / "some", format="acled")
    result.write(tmp_path / "all", format="acled", all_events=True)
    some = pl.read_csv(tmp_path / "some" / "acled.csv", infer_schema=False)
    every = pl.read_csv(tmp_path / "all" / "acled.csv", infer_schema=False)
    assert some["polemos_modality"].to_list() == ["asserted"] * modalities.count("asserted")
    assert every["polemos_modality"].to_list() == modalities
    result.write(tmp_path / "map", format="geojson", all_events=True)
    value = json.loads((tmp_path / "map" / "events.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["modality"] for f in value["features"]] == modalities


def test_geojson_coordinates_are_lon_lat(geojson: Any, corpus_result: polemos.Result) -> None:
    events = corpus_result.events.filter(pl.col("modality") == "asserted")
    located = 0
    for feature, event in zip(geojson["features"], events.iter_rows(named=True)):
        assert feature["id"] == event["event_id"]
        assert list(feature["properties"]) == events.columns
        if event["latitude"] is None:
            assert feature["geometry"] is None
        else:
            located += 1
            assert feature["geometry"]["coordinates"] == [event["longitude"], event["latitude"]]
    # The corpus is Syrian: longitudes near 36-42 E, latitudes near 32-37 N.
    assert located > 0
    points = [f["geometry"]["coordinates"] for f in geojson["features"] if f["geometry"]]
    assert all(c[0] > c[1] for c in points)


def test_geojson_null_geometry_for_unlocated_events(tmp_path: Path) -> None:
    result = polemos.extract("Clashes killed 3 fighters on Sunday.")
    result.write(tmp_path, format="geojson")
    value = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    validate_feature_collection(value)
    unlocated = result.events.filter(pl.col("latitude").is_null()).height
    assert sum(f["geometry"] is None for f in value["features"]) == unlocated


@pytest.fixture(scope="module")
def acled(corpus_result: polemos.Result, tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    out = tmp_path_factory.mktemp("acled")
    assert corpus_result.write(out, format="acled") == [out / "acled.csv"]
    return pl.read_csv(out / "acled.csv", infer_schema=False)


def test_acled_columns_and_rows(acled: pl.DataFrame, corpus_result: polemos.Result) -> None:
    assert acled.columns == ACLED_COLUMNS
    asserted = corpus_result.events.filter(pl.col("modality") == "asserted")
    assert acled["polemos_event_id"].to_list() == asserted["event_id"].to_list()
    assert set(acled["polemos_modality"]) == {"asserted"}
    assert acled["event_id_cnty"].n_unique() == acled.height


def test_acled_codes_follow_the_codebook(
    acled: pl.DataFrame, corpus_result: polemos.Result
) -> None:
    asserted = corpus_result.events.filter(pl.col("modality") == "asserted")
    for row, event in zip(acled.iter_rows(named=True), asserted.iter_rows(named=True)):
        assert row["disorder_type"] == DISORDER[event["event_type"]]
        inter1 = INTER.get(event["actor1_category"] or "", 0)
        inter2 = INTER.get(event["actor2_category"] or "", 0)
        assert int(row["inter1"]) == inter1
        assert int(row["inter2"]) == inter2
        low, high = sorted((inter1, inter2))
        expected = 10 * high if low == 0 else 10 * low + high
        assert int(row["interaction"]) == expected
        assert int(row["fatalities"]) == (event["fatalities"] or 0)
        # Notes are written from the evidence: the date and place, then the sentence.
        assert " ".join(event["sentence_text"].split()) in row["notes"]
        civilians = event["actor2_category"] == "civilians"
        assert (row["civilian_targeting"] == "Civilian targeting") == civilians
        if event["country"] == "SY":
            assert row["event_id_cnty"].startswith("SYR")
            assert (row["country"], row["iso"], row["region"]) == ("Syria", "760", "Middle East")
        if event["date_start"] is not None:
            assert row["event_date"] == event["date_start"].isoformat()
            assert row["year"] == str(event["date_start"].year)


def test_acled_ids_number_events_per_country(acled: pl.DataFrame) -> None:
    syr = acled.filter(pl.col("event_id_cnty").str.starts_with("SYR"))["event_id_cnty"]
    assert syr.to_list() == [f"SYR{i}" for i in range(1, syr.len() + 1)]


def test_views_other_tables_are_not_written(tmp_path: Path) -> None:
    result = polemos.extract("Clashes in Daraa.")
    assert [p.name for p in result.write(tmp_path, format="acled")] == ["acled.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acled.csv"]
