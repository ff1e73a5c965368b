"""Training event-type models and extracting with them, on labelled texts written for these
tests (an ACLED-shaped frame: `notes` and `sub_event_type` columns)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import polemos
from polemos import _core

TOWNS = ["Korra", "Baleni", "Tamsin", "Ugoro", "Pelli", "Dasmar", "Horvik", "Nuala"]
GROUPS = ["teachers", "farmers", "students", "traders", "nurses", "miners"]


def labelled(n: int) -> pl.DataFrame:
    """`n` notes of each of three sub-event types, in an ACLED export's columns."""
    notes, labels = [], []
    for i in range(n):
        town, other, group = TOWNS[i % 8], TOWNS[(i * 3 + 1) % 8], GROUPS[i % 6]
        notes += [
            f"{group} gathered peacefully in {town} to demand higher wages, with banners.",
            f"Army troops and rebel fighters exchanged fire near {town}; {2 + i % 7} "
            f"combatants were killed before the rebels withdrew to {other}.",
            f"Unidentified gunmen stormed a house in {town} and shot dead {2 + i % 5} "
            f"unarmed {group}, then fled towards {other}.",
        ]
        labels += ["Peaceful protest", "Armed clash", "Attack"]
    return pl.DataFrame(
        {"event_id": [f"X{i}" for i in range(len(notes))], "notes": notes, "sub_event_type": labels}
    )


@pytest.fixture(scope="module")
def model() -> polemos.Model:
    return polemos.train(labelled(30), name="mine")


def test_train_cross_validates_and_reports(model: polemos.Model) -> None:
    assert model.name == "mine"
    assert model.labels == ["Armed clash", "Attack", "Peaceful protest"]
    assert (model.text_column, model.label_column) == ("notes", "sub_event_type")
    assert model.n_examples == 90
    assert model.types_sub_events
    # Trained with the rules' reading of each text, which it has weighed: its type stands.
    assert model.reads_rules
    assert model.threshold == pytest.approx(0.3)
    assert model.cv_accuracy is not None
    assert model.cv_accuracy > 0.9
    assert model.cv_fold_accuracy is not None
    assert len(model.cv_fold_accuracy) == 5
    assert model.cv_event_type_accuracy is not None
    confusion = model.confusion
    assert confusion is not None
    assert confusion.columns == ["label", *model.labels]
    assert confusion.drop("label").sum_horizontal().sum() == 90
    report = model.report()
    assert "5-fold cross-validation" in report
    assert "Peaceful protest" in report
    assert "mine" in repr(model)


def test_predict_gives_label_and_probability(model: polemos.Model) -> None:
    got = model.predict(["Nurses gathered in Seret to demand their pay, with banners."])
    assert got.columns == ["label", "probability"]
    assert got["label"][0] == "Peaceful protest"
    assert 0.5 < got["probability"][0] <= 1.0


def test_extract_with_a_model_keeps_both_readings(model: polemos.Model, tmp_path: Path) -> None:
    text = "Army troops and rebel fighters exchanged fire near Abano; 4 combatants were killed."
    plain = polemos.extract(text).events
    assert plain["model_label"].null_count() == plain.height
    assert plain["rules_sub_event_type"].null_count() == plain.height
    for given in (model, tmp_path / "m.polemos"):
        if isinstance(given, Path):
            model.save(given)
        events = polemos.extract(text, model=given).events
        assert events.height == plain.height
        lead = events.filter(pl.col("is_lead")).row(0, named=True)
        assert lead["model_label"] == "Armed clash"
        assert 0.5 < lead["model_probability"] <= 1.0
        assert lead["rules_sub_event_type"] == plain.filter(pl.col("is_lead"))["sub_event_type"][0]
    pq = pytest.importorskip("pyarrow.parquet")
    polemos.extract(text, model=model).write(tmp_path / "out", format="parquet")
    metadata = pq.read_metadata(tmp_path / "out" / "events.parquet").metadata
    resources = metadata[b"polemos.resources"].decode()
    assert "; model=mine (sub_event_type: 3 labels, 90 texts, threshold 0.3)" in resources


def test_a_saved_model_loads_back_identical(model: polemos.Model, tmp_path: Path) -> None:
    path = tmp_path / "m.polemos"
    model.save(path)
    back = polemos.Model.load(path)
    assert back.labels == model.labels
    assert back.cv_accuracy == model.cv_accuracy
    texts = ["Gunmen shot dead two farmers in Korra.", "Students marched in Pelli."]
    assert back.predict(texts).equals(model.predict(texts))


def test_model_in_batches_and_from_files(model: polemos.Model, tmp_path: Path) -> None:
    texts = [f"Unidentified gunmen shot dead 3 traders in {t}." for t in TOWNS]
    batches = list(polemos.extract_batches(texts, batch_size=3, model=model))
    events = pl.concat([b.events for b in batches])
    assert events["model_label"].null_count() == 0
    csv = tmp_path / "export.csv"
    labelled(10).write_csv(csv)
    from_file = polemos.train(csv, folds=0)
    assert from_file.cv_accuracy is None
    assert from_file.report() == ""
    assert from_file.labels == ["Armed clash", "Attack", "Peaceful protest"]


def test_a_model_of_words_alone() -> None:
    words = polemos.train(labelled(10), folds=0, rules=False)
    assert not words.reads_rules
    assert words.threshold == 0.5
    assert polemos.train(labelled(10), folds=0, threshold=0.7).threshold == pytest.approx(0.7)
    events = polemos.extract("Gunmen shot dead two farmers in Korra.", model=words).events
    assert events["model_label"].to_list() == ["Attack"]


def test_own_codebook_labels(tmp_path: Path) -> None:
    frame = labelled(10).with_columns(
        pl.when(pl.col("sub_event_type") == "Peaceful protest")
        .then(pl.lit("civic"))
        .otherwise(pl.lit("violent"))
        .alias("code")
    )
    m = polemos.train(frame, label="code", folds=2)
    assert not m.types_sub_events
    assert m.cv_event_type_accuracy is None
    events = polemos.extract("Gunmen shot dead two farmers in Korra.", model=m).events
    assert events["model_label"].to_list() == ["violent"]
    assert events["rule"][0].find("+model:") == -1


def test_bad_training_data_and_model_files(tmp_path: Path) -> None:
    with pytest.raises(polemos.InputError, match="no column 'text'"):
        polemos.train(labelled(2), text="text")
    with pytest.raises(polemos.InputError, match="two labels"):
        polemos.train(labelled(2).filter(pl.col("sub_event_type") == "Attack"))
    with pytest.raises(polemos.InputError, match="folds"):
        polemos.train(labelled(2), folds=-1)
    with pytest.raises(polemos.InputError, match="threshold"):
        polemos.train(labelled(2), threshold=1.5)
    not_a_model = tmp_path / "notes.csv"
    not_a_model.write_text("notes\nhello\n")
    with pytest.raises(polemos.ResourceError, match="not a polemos model file"):
        polemos.Model.load(not_a_model)
    with pytest.raises(polemos.ResourceError):
        polemos.extract("Shelling hit Korra.", model=tmp_path / "missing.polemos")
    with pytest.raises(TypeError, match="model="):
        polemos.extract("Shelling hit Korra.", model=42)


def test_the_command_trains_and_extracts(tmp_path: Path) -> None:
    csv = tmp_path / "export.csv"
    labelled(10).write_csv(csv)
    out = tmp_path / "m.polemos"
    assert _core.run_cli(["train", str(csv), "-o", str(out), "--folds", "3", "-q"]) == 0
    assert polemos.Model.load(out).name == "m"
    assert polemos.Model.load(out).reads_rules
    words = tmp_path / "words.polemos"
    assert _core.run_cli(["train", str(csv), "-o", str(words), "--no-rules", "-q"]) == 0
    assert not polemos.Model.load(words).reads_rules
    assert polemos.Model.load(words).threshold == 0.5
    texts = tmp_path / "in.txt"
    texts.write_text("Unidentified gunmen shot dead 3 traders in Korra.")
    code = _core.run_cli(
        ["extract", str(texts), "-o", str(tmp_path / "out"), "--model", str(out), "-q"]
    )
    assert code == 0
    events = pl.read_parquet(tmp_path / "out" / "events.parquet")
    assert events["model_label"].to_list() == ["Attack"]
    assert _core.run_cli(["train", str(csv), "-o", str(out), "--label", "nope", "-q"]) == 1
