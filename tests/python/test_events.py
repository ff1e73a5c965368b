"""What the extractor finds: concrete events on texts written for the project."""

from __future__ import annotations

from pathlib import Path

import polars as pl

import polemos
from conftest import DEIR_EZ_ZOR

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


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


def test_bundled_corpus_events() -> None:
    result = polemos.extract(CORPUS)
    docs = result.documents
    assert docs.height == 11
    assert (docs["status"] == "ok").all()
    events = result.events

    def one(doc_suffix: str, sentence: int) -> dict:
        rows = events.filter(
            pl.col("doc_id").str.ends_with(doc_suffix) & (pl.col("sentence") == sentence)
        )
        assert rows.height >= 1, f"no event in sentence {sentence} of {doc_suffix}"
        return rows.row(0, named=True)

    # Article 3, sentence 2 (the headline is sentence 0).
    e = one("03_deir_ezzor_checkpoint_attack.txt", 2)
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Syrian government forces")
    assert (e["admin1"], e["fatalities"], e["combatants_killed"]) == ("Deir ez-Zor", 12, 12)
    assert e["date_start"].isoformat() == "2017-04-15"  # "on Saturday", published 2017-04-16
    assert e["is_lead"]

    # The Windows-1252 page: a Russian air strike on Jisr al-Shughur.
    e = one("legacy_cp1252.txt", 1)
    assert (e["sub_event_type"], e["actor1"], e["location"], e["admin1"]) == (
        "Air/drone strike",
        "Russian forces",
        "Jisr al-Shughur",
        "Idlib",
    )
    assert (e["fatalities"], e["civilians_killed"]) == (6, 6)
    assert e["source"] == "Syrian Observatory for Human Rights"

    # A clash whose toll adds both sides ("four SDF fighters and three rebels").
    manbij = events.filter(pl.col("doc_id") == "wire-20170304-manbij").row(0, named=True)
    assert (manbij["actor1"], manbij["actor2"], manbij["fatalities"]) == (
        "Turkish-backed rebels",
        "Syrian Democratic Forces",
        7,
    )

    # War-wide totals and populations never become an event's fatalities.
    assert events["fatalities"].fill_null(0).max() < 100
