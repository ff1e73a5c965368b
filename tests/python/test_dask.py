"""`polemos.dask` on a two-process LocalCluster gives the single-process events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

import polemos

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from polemos.dask import extract_partitions, meta  # noqa: E402

PLACES = ["Idlib", "Aleppo", "Homs", "Daraa", "Deir ez-Zor", "Raqqa", "Hama", "Palmyra"]
ACTORS = ["Russian warplanes", "Islamic State militants", "Syrian government forces", "Rebels"]
VERBS = ["struck", "attacked", "shelled", "bombed"]


def corpus(n: int = 320) -> pd.DataFrame:
    rows = []
    for i in range(n):
        actor, verb, place = ACTORS[i % 4], VERBS[(i // 4) % 4], PLACES[i % len(PLACES)]
        rows.append(
            {
                "id": f"doc{i:04d}",
                "text": f"{actor} {verb} {place} on Saturday, killing {i % 17 + 1} civilians.",
                "published": f"2017-{i % 12 + 1:02d}-{i % 27 + 1:02d}",
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_distributed_events_equal_single_process(client: distributed.Client) -> None:
    frame = corpus()
    ddf = dd.from_pandas(frame, npartitions=8)
    tables = extract_partitions(ddf, id_col="id", published_col="published")
    events, documents = client.compute([tables.events, tables.documents], sync=True)
    assert len(documents) == len(frame)
    # Both workers took part.
    assert len(client.scheduler_info()["workers"]) == 2

    local = polemos.extract(pl.from_pandas(frame), id_col="id", published_col="published").events
    distributed_events = pl.from_pandas(events).sort("event_id")
    assert distributed_events.height == local.height > 0
    assert distributed_events.equals(local.sort("event_id"))


def test_workers_read_a_model_file(client: distributed.Client, tmp_path: Path) -> None:
    frame = corpus(40)
    labels = ["Air/drone strike" if "warplanes" in t else "Armed clash" for t in frame["text"]]
    model = polemos.train(pl.DataFrame({"notes": frame["text"].tolist(), "sub_event_type": labels}))
    path = tmp_path / "m.polemos"
    model.save(path)
    ddf = dd.from_pandas(frame, npartitions=4)
    tables = extract_partitions(ddf, id_col="id", published_col="published", model=path)
    events = pl.from_pandas(client.compute(tables.events, sync=True)).sort("event_id")
    local = polemos.extract(
        pl.from_pandas(frame), id_col="id", published_col="published", model=model
    )
    assert events.height == local.events.height > 0
    assert events["model_label"].null_count() == 0
    assert events.equals(local.events.sort("event_id"))


def test_meta_is_the_schema_and_needs_no_compute() -> None:
    for table in ("documents", "events"):
        empty = meta(table)
        assert len(empty) == 0
        assert list(empty.columns) == getattr(polemos.extract([]), table).columns
    ddf = dd.from_pandas(pd.DataFrame({"body": ["Clashes in Daraa."] * 4}), npartitions=2)
    tables = extract_partitions(ddf, text_col="body")
    assert list(tables.events.columns) == list(meta("events").columns)
    docs = tables.documents.compute(scheduler="sync")
    assert sorted(docs["doc_id"]) == ["p0:0", "p0:1", "p1:0", "p1:1"]


def test_missing_column() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(polemos.InputError, match="no column 'text'"):
        extract_partitions(ddf)


def test_incidents_link_events_of_different_partitions(client: distributed.Client) -> None:
    reports = [
        "A suicide car bomb killed 8 civilians in Homs on Monday, SANA reported.",
        "Rebels shelled Aleppo on Monday, killing 3 civilians.",
        "At least 10 civilians were killed when a suicide car bomb exploded in Homs on Monday, "
        "the Syrian Observatory for Human Rights said.",
    ]
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": reports, "published": ["2017-10-10"] * 3})
    # The two bombing reports sit in different partitions.
    ddf = dd.from_pandas(frame, npartitions=3, sort=False)
    assert ddf.npartitions == 3
    tables = extract_partitions(ddf, id_col="id", published_col="published")
    assert "incidents" not in tables.to_dict()
    incidents = tables.incidents()
    local = polemos.extract(pl.from_pandas(frame), id_col="id", published_col="published")
    assert incidents.height == 1
    assert incidents.equals(local.incidents)
