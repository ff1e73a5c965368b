"""A researcher's own lexicon folder (`lexicon=`): actors, triggers and word classes added to
the built-in ones, on every input kind, recorded in the written files, with clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

import polemos

TEXT = (
    "Fighters of the Northern Valley Union waylaid a convoy near Mopti on Monday, "
    "killing three lorry drivers."
)
ACTORS = (
    "# Groups of my study area.\n"
    "name\tcategory\tcountry\tkind\tdemonyms\taliases\tresolves_to\n"
    "Northern Valley Union\trebel_group\tML\tnamed\t\tNVU\t\n"
)
TRIGGERS = (
    "id\tpatterns\tpos\tsub_event_type\tif_civilians\tmethod\tcameo\tplover\tfallback\t"
    "generic\tneeds_place\n"
    "waylay.verb\twaylaid|waylays\tverb\tArmed clash\tAttack\t\t190\tFIGHT\t\tyes\t\n"
)


@pytest.fixture
def lexicon(tmp_path: Path) -> Path:
    folder = tmp_path / "my-lexicon"
    folder.mkdir()
    (folder / "actors.tsv").write_text(ACTORS, encoding="utf-8")
    (folder / "triggers.tsv").write_text(TRIGGERS, encoding="utf-8")
    (folder / "victim_groups.tsv").write_text("entry\tgroup\ndrivers\tcivilians\n", "utf-8")
    return folder


def waylaid(result: polemos.Result) -> pl.DataFrame:
    return result.events.filter(pl.col("trigger") == "waylaid")


def test_a_folder_adds_an_actor_a_trigger_and_a_victim_group(lexicon: Path) -> None:
    assert waylaid(polemos.extract(TEXT)).height == 0
    event = waylaid(polemos.extract(TEXT, lexicon=lexicon)).row(0, named=True)
    assert event["actor1"] == "Northern Valley Union"
    assert event["actor1_category"] == "rebel_group"
    # The dead are civilians and no armed side is named as the target: the trigger's civilian
    # type.
    assert event["sub_event_type"] == "Attack"
    assert event["civilians_killed"] == 3


def test_every_input_kind_takes_the_folder(lexicon: Path, tmp_path: Path) -> None:
    frame = pl.DataFrame({"id": ["a"], "body": [TEXT]})
    result = polemos.extract(frame, text_col="body", id_col="id", lexicon=str(lexicon))
    assert waylaid(result).height == 1
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert waylaid(polemos.extract(article, lexicon=lexicon)).height == 1
    assert waylaid(polemos.extract([TEXT, TEXT], progress=True, lexicon=lexicon)).height == 2
    batches = polemos.extract_batches([TEXT] * 3, batch_size=2, lexicon=lexicon)
    assert [waylaid(r).height for r in batches] == [2, 1]


def test_written_files_name_every_file_of_the_folder(lexicon: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    polemos.extract(TEXT, lexicon=lexicon).write(tmp_path / "out", format="parquet")
    metadata = pq.read_metadata(tmp_path / "out" / "events.parquet").metadata
    recorded = metadata[b"polemos.resources"].decode()
    for name in ("actors.tsv", "triggers.tsv", "victim_groups.tsv"):
        assert f"{os.fspath(lexicon / name)} fnv1a64:" in recorded, recorded


def test_the_command_and_the_api_read_the_same_folder(lexicon: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "cli"
    args = ["extract", str(article), "-o", str(out), "--format", "csv"]
    code = polemos._core.run_cli([*args, "--lexicon", str(lexicon), "-q"])
    assert code == 0
    cli = pl.read_csv(out / "events.csv")
    assert cli.get_column("actor1").to_list() == ["Northern Valley Union"]


def test_an_exported_folder_starts_from_the_built_in_lexicon(tmp_path: Path) -> None:
    folder = tmp_path / "exported"
    assert polemos._core.run_cli(["lexicon", "export", str(folder), "-q"]) == 0
    assert (folder / "harm_words.tsv").exists()
    assert (folder / "README.md").exists()
    with_copy = polemos.extract(TEXT, lexicon=folder).events.drop("event_id")
    assert with_copy.equals(polemos.extract(TEXT).events.drop("event_id"))


def test_bad_folders_are_resource_errors_that_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(polemos.ResourceError, match=r"lexicon folder .*nowhere"):
        polemos.extract(TEXT, lexicon=tmp_path / "nowhere")
    folder = tmp_path / "typo"
    folder.mkdir()
    (folder / "victim_group.tsv").write_text("entry\tgroup\ndrivers\tcivilians\n", "utf-8")
    with pytest.raises(polemos.ResourceError, match=r"victim_group\.tsv.*no built-in word class"):
        polemos.extract(TEXT, lexicon=folder)
    with pytest.raises(TypeError, match="lexicon="):
        polemos.extract(TEXT, lexicon=3)  # type: ignore[arg-type]


def waylay_training(n: int) -> pl.DataFrame:
    """Labelled texts, half told with the folder's trigger ("waylaid"), which the built-in
    rules do not know."""
    towns = ["Mopti", "Gao", "Segou", "Kayes", "Sikasso"]
    texts, labels = [], []
    for i in range(n):
        town = towns[i % len(towns)]
        texts.append(f"Fighters waylaid a convoy near {town} on Monday; {i + 2} drivers died.")
        labels.append("Attack")
        texts.append(f"Traders marched through {town} on Monday to demand lower fuel prices.")
        labels.append("Peaceful protest")
    return pl.DataFrame({"notes": texts, "sub_event_type": labels})


def test_a_model_is_trained_on_what_the_folders_rules_make_of_its_texts(
    lexicon: Path, tmp_path: Path
) -> None:
    data = waylay_training(6)
    plain = polemos.train(data, folds=0)
    mine = polemos.train(data, folds=0, lexicon=lexicon)
    plain.save(tmp_path / "plain.polemos")
    mine.save(tmp_path / "mine.polemos")
    polemos.train(data, folds=0).save(tmp_path / "again.polemos")
    # Training is deterministic: only the rules' readings (the folder's trigger) differ.
    assert (tmp_path / "plain.polemos").read_bytes() == (tmp_path / "again.polemos").read_bytes()
    assert (tmp_path / "plain.polemos").read_bytes() != (tmp_path / "mine.polemos").read_bytes()
    # The command reads the training texts with the folder too.
    csv = tmp_path / "labelled.csv"
    data.write_csv(csv)
    out = tmp_path / "cli.polemos"
    args = ["train", str(csv), "-o", str(out), "--folds", "0", "-q", "--name", "model"]
    assert polemos._core.run_cli([*args, "--lexicon", str(lexicon)]) == 0
    assert out.read_bytes() == (tmp_path / "mine.polemos").read_bytes()


def test_training_with_a_missing_folder_a_non_path_or_no_rules_is_refused(tmp_path: Path) -> None:
    data = waylay_training(3)
    with pytest.raises(polemos.ResourceError, match="lexicon folder"):
        polemos.train(data, folds=0, lexicon=tmp_path / "nowhere")
    with pytest.raises(TypeError, match="lexicon="):
        polemos.train(data, folds=0, lexicon=3)  # type: ignore[arg-type]
    with pytest.raises(polemos.InputError, match="rules=False"):
        polemos.train(data, folds=0, rules=False, lexicon=tmp_path)
