"""What the extractor finds: the contract for concrete events (extractor in progress)."""

from __future__ import annotations

import polemos
from conftest import DEIR_EZ_ZOR


def test_deir_ez_zor_attack_is_one_battle() -> None:
    events = polemos.extract(DEIR_EZ_ZOR, published="2017-04-08").events
    assert events.height == 1
    event = events.row(0, named=True)
    assert event["event_type"] == "Battles"
    assert event["sub_event_type"] == "Armed clash"
    assert event["actor1"] == "Islamic State"
    assert event["actor2"] == "Syrian government forces"
    assert event["admin1"] == "Deir ez-Zor"
    assert event["fatalities"] == 12


def test_event_rows_point_into_their_sentence() -> None:
    """Holds whatever the extractor finds: triggers lie inside their sentences."""
    result = polemos.extract(DEIR_EZ_ZOR)
    text = DEIR_EZ_ZOR.encode()
    for e in result.events.iter_rows(named=True):
        assert e["event_id"].startswith(f"{e['doc_id']}:e")
        assert e["sentence_start"] <= e["trigger_start"] <= e["trigger_end"] <= e["sentence_end"]
        assert text[e["trigger_start"] : e["trigger_end"]].decode() == e["trigger"]
        assert text[e["sentence_start"] : e["sentence_end"]].decode() == e["sentence_text"]
    counts = result.documents["n_events"].sum()
    assert counts == result.events.height
