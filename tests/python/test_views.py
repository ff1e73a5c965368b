"""Result.to_acled() and Result.to_ucdp(): the columns of ACLED's exports and of UCDP GED,
checked against those formats' own column lists, and their codes on texts written for it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import polemos

# ACLED's export columns, in order (ACLED codebook and API, since the 2023 column changes).
ACLED = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
# UCDP GED's columns, in order (GED codebook, versions 20.1 to 24.1).
GED = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
]  # fmt: skip

TEXTS = [
    "Government troops clashed with al-Shabaab fighters near Kismayo on Monday, killing 14 "
    "militants, the regional governor said.",
    "Gunmen stormed a village in Zamfara State on Sunday and killed 11 villagers, including "
    "three children, residents said.",
    "Hundreds of teachers marched through Nairobi on Tuesday to demand unpaid salaries.",
    "Rebels threatened to attack the town of Mandalay next week.",
]


@pytest.fixture(scope="module")
def result() -> polemos.Result:
    return polemos.extract(
        TEXTS, id=["kismayo", "zamfara", "nairobi", "mandalay"], published="2023-05-10"
    )


def test_to_acled_has_acleds_columns_and_codes(result: polemos.Result) -> None:
    acled = result.to_acled()
    assert acled.columns == [*ACLED, "polemos_event_id", "polemos_modality"]
    assert acled.schema["event_date"] == pl.Date
    assert acled.schema["inter1"] == pl.Int32
    assert acled.schema["latitude"] == pl.Float64
    # The threatened attack is not coded: ACLED codes what happened.
    assert set(acled["polemos_modality"]) == {"asserted"}
    assert "mandalay:e0" not in acled["polemos_event_id"].to_list()
    clash = acled.filter(pl.col("polemos_event_id") == "kismayo:e0").row(0, named=True)
    assert clash["event_id_cnty"] == "SOM1"
    assert clash["event_date"] == dt.date(2023, 5, 8)
    assert clash["disorder_type"] == "Political violence"
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == (1, 2, 12)
    assert (clash["iso"], clash["region"], clash["country"]) == (706, "Eastern Africa", "Somalia")
    assert clash["fatalities"] == 14
    assert clash["notes"].startswith("On 8 May 2023, in Kismayo")
    assert "killing 14 militants" in clash["notes"]
    protest = acled.filter(pl.col("event_type") == "Protests").row(0, named=True)
    assert protest["disorder_type"] == "Demonstrations"
    assert protest["fatalities"] == 0  # ACLED codes no number as 0
    # all_events keeps what the text does not assert, told apart by polemos_modality.
    everything = result.to_acled(all_events=True)
    assert everything.height > acled.height
    assert "asserted" in set(everything["polemos_modality"])
    assert len(set(everything["polemos_modality"])) > 1


def test_to_ucdp_has_geds_columns_and_codes(result: polemos.Result) -> None:
    ged = result.to_ucdp()
    assert ged.columns == [*GED, "polemos_event_id"]
    # Lethal organised violence only: the protest and the threat are not in GED.
    assert sorted(ged["polemos_event_id"]) == ["kismayo:e0", "zamfara:e0"]
    clash = ged.filter(pl.col("polemos_event_id") == "kismayo:e0").row(0, named=True)
    assert clash["type_of_violence"] == 1
    assert clash["side_a"] == "Military Forces of Somalia"
    assert clash["region"] == "Africa"
    assert (clash["best"], clash["low"], clash["high"]) == (14, 14, 14)
    assert clash["source_date"] == dt.date(2023, 5, 10)
    assert clash["source_article"] == "kismayo"
    raid = ged.filter(pl.col("polemos_event_id") == "zamfara:e0").row(0, named=True)
    assert raid["type_of_violence"] == 3
    assert raid["side_b"] == "Civilians"
    assert raid["deaths_civilians"] == 11
    # GED's death counts add up to best.
    parts = ged.select(
        pl.sum_horizontal("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
    ).to_series()
    assert parts.to_list() == ged["best"].to_list()
    assert result.to_ucdp(min_deaths=0).height >= ged.height
    with pytest.raises(polemos.InputError, match="min_deaths"):
        result.to_ucdp(min_deaths=-1)


def test_views_are_what_the_writers_write(result: polemos.Result, tmp_path: Path) -> None:
    for view, frame in (("acled", result.to_acled()), ("ucdp", result.to_ucdp())):
        (path,) = result.write(tmp_path / view, format=view)
        assert path.name == f"{view}.csv"
        written = pl.read_csv(path, schema=frame.schema)
        assert written.equals(frame), view


def test_read_acled_round_trip(result: polemos.Result, tmp_path: Path) -> None:
    ours = result.to_acled()
    ours.write_csv(tmp_path / "ours.csv")
    back = polemos.read_acled(tmp_path / "ours.csv")
    assert back.columns == [*ACLED, "polemos_event_id", "polemos_modality"]
    assert back.select(ACLED).equals(ours.select(ACLED))


def test_read_acled_reads_every_shape_acled_has_used(tmp_path: Path) -> None:
    # Invented rows in ACLED's column names: older exports' dates, actor types as words.
    rows = [
        {
            "event_id_cnty": "XYZ1",
            "event_date": "08 April 2017",
            "event_type": "Battles",
            "inter1": "State forces",
            "inter2": "Rebel group",
            "interaction": "State forces-Rebel group",
            "latitude": "12.5",
            "fatalities": "3",
            "population_best": "1200",
        },
        {
            "event_id_cnty": "XYZ2",
            "event_date": "2017-04-09",
            "event_type": "Riots",
            "inter1": "Rioters",
            "inter2": "",
            "interaction": "Rioters only",
            "latitude": "",
            "fatalities": "0",
            "population_best": "",
        },
    ]
    path = tmp_path / "export.csv"
    pl.DataFrame(rows).write_csv(path)
    for source in (path, pl.DataFrame(rows), pl.DataFrame(rows).to_pandas(), rows):
        acled = polemos.read_acled(source)
        assert acled.columns[: len(ACLED)] == ACLED
        assert acled.columns[-1] == "population_best"  # ACLED's extra columns are kept
        assert acled["event_date"].to_list() == [dt.date(2017, 4, 8), dt.date(2017, 4, 9)]
        assert acled["inter1"].to_list() == [1, 5]
        assert acled["inter2"].to_list() == [2, None]
        assert acled["interaction"].to_list() == [12, 50]
        assert acled["latitude"].to_list() == [12.5, None]
        assert acled["admin3"].null_count() == 2  # missing columns come back null
    numeric = pl.DataFrame({"event_date": ["2020-01-01"], "inter1": [3], "interaction": [37]})
    assert polemos.read_acled(numeric)["interaction"].to_list() == [37]


def test_read_acled_errors(tmp_path: Path) -> None:
    with pytest.raises(polemos.InputFileNotFoundError):
        polemos.read_acled(tmp_path / "missing.csv")
    with pytest.raises(polemos.InputError, match="no event_date column"):
        polemos.read_acled(pl.DataFrame({"text": ["a"]}))
    with pytest.raises(polemos.InputError, match="not an ACLED actor type"):
        polemos.read_acled(pl.DataFrame({"event_date": ["2020-01-01"], "inter1": ["Aliens"]}))
    with pytest.raises(polemos.InputError, match="read_acled takes"):
        polemos.read_acled(42)  # type: ignore[arg-type]
