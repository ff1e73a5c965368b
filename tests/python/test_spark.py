"""polemos.spark on a local[2] Spark session: the same tables as polemos.extract."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator

import polars as pl
import pytest

import polemos

pytest.importorskip("pyspark", reason="pyspark is in the test extra: pip install -e '.[test]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip(
        "Spark needs Java (17 or later): none on PATH or in JAVA_HOME", allow_module_level=True
    )

from pyspark.sql import DataFrame as SparkDataFrame
from pyspark.sql import SparkSession

from polemos.spark import TABLES, extract_table, spark_schema

TEXTS = [
    "Gunmen killed two police officers in Mosul on Saturday.",
    "Government troops clashed with al-Shabaab fighters near Kismayo on Monday, "
    "killing 14 militants, the regional governor said.",
    "Hundreds of teachers marched through Lagos on Tuesday to demand unpaid salaries.",
    "Russian warplanes struck Jisr al-Shughur in Idlib province, killing 9 civilians.",
    "Police arrested 12 suspected gang members in a raid in Culiacan, Sinaloa.",
]
FRAME = pl.DataFrame(
    {
        "key": [f"doc{i}" for i in range(len(TEXTS))],
        "body": TEXTS,
        "day": ["2021-03-08"] * len(TEXTS),
    }
)


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    # Workers must run this interpreter, which has polemos installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("polemos-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def news(spark: SparkSession) -> SparkDataFrame:
    frame = spark.createDataFrame(FRAME.rows(), "key string, body string, day string")
    frame = frame.repartition(2)
    assert frame.rdd.getNumPartitions() == 2
    return frame


def collect(frame: SparkDataFrame) -> pl.DataFrame:
    if hasattr(frame, "toArrow"):  # pyspark >= 4
        table = pl.from_arrow(frame.toArrow())
        assert isinstance(table, pl.DataFrame)
        return table
    return pl.from_pandas(frame.toPandas())


def test_events_match_extract(news: SparkDataFrame) -> None:
    events = extract_table(news, "events", text_col="body", id_col="key", published_col="day")
    got = collect(events).sort("event_id")
    want = polemos.extract(FRAME, text_col="body", id_col="key", published_col="day").events
    want = want.sort("event_id")
    assert got.height == want.height > 0
    assert got.columns == want.columns
    # Through pandas (pyspark 3.5) dates come back as datetimes and integers with nulls as
    # floats: compare values, column by column.
    for column in want.columns:
        assert got[column].cast(want.schema[column]).to_list() == want[column].to_list(), column


def test_documents_get_ids_per_partition(news: SparkDataFrame) -> None:
    docs = collect(extract_table(news, "documents", text_col="body"))
    assert docs.height == len(TEXTS)
    assert docs["doc_id"].n_unique() == len(TEXTS)
    assert {d.split(":")[0] for d in docs["doc_id"]} == {"p0", "p1"}


def test_views_match_result(news: SparkDataFrame) -> None:
    result = polemos.extract(FRAME, text_col="body", id_col="key", published_col="day")
    for view, local in (("acled", result.to_acled()), ("ucdp", result.to_ucdp())):
        got = collect(extract_table(news, view, text_col="body", id_col="key", published_col="day"))
        assert got.columns == local.columns, view
        key = "polemos_event_id"
        assert sorted(got[key].to_list()) == sorted(local[key].to_list()), view


def test_schema_has_spark_types() -> None:
    schema = spark_schema("events")
    assert schema.fieldNames() == polemos.extract([]).events.columns
    assert schema["fatalities"].dataType.typeName() == "integer"
    assert schema["date_start"].dataType.typeName() == "date"
    assert schema["latitude"].dataType.typeName() == "double"
    assert set(TABLES) >= {"events", "acled", "ucdp"}


def test_unknown_table_and_column(news: SparkDataFrame) -> None:
    with pytest.raises(polemos.InputError, match="no table 'incidents'"):
        extract_table(news, "incidents", text_col="body")
    with pytest.raises(polemos.InputError, match="no column 'text'"):
        extract_table(news, "events")
