"""The `polemos` console script installed by the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, TABLES


def script() -> Path:
    """The console script next to this interpreter (the environment the package is in)."""
    bin_dir = Path(sys.executable).parent
    for name in ("polemos", "polemos.exe"):
        if (bin_dir / name).exists():
            return bin_dir / name
    pytest.skip("polemos console script not installed next to the interpreter")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(script()), *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def test_extract_corpus(tmp_path: Path) -> None:
    out = tmp_path / "tmp"
    proc = run("extract", "examples/corpus", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    for table in TABLES:
        assert (out / f"{table}.parquet").is_file()
    summary = proc.stderr.strip().splitlines()[-1]
    assert summary.startswith("polemos: "), proc.stderr
    assert "(0 errors)" in summary, proc.stderr
    assert summary.endswith(f"-> {out}/ (parquet)")
    assert proc.stdout == ""


def test_help_and_version() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    assert "extract" in proc.stdout
    assert "schema" in proc.stdout
    proc = run("extract", "--help")
    assert proc.returncode == 0
    assert "--text-column" in proc.stdout
    proc = run("--version")
    import polemos

    assert proc.stdout.strip() == f"polemos {polemos.__version__}"


def test_schema_command() -> None:
    proc = run("schema", "events")
    assert proc.returncode == 0
    assert proc.stdout.startswith("events: ")
    assert "fatalities" in proc.stdout


def test_exit_codes(tmp_path: Path) -> None:
    assert run("extract").returncode == 2
    assert run("extract", "x.txt", "-o", str(tmp_path), "--format", "xlsx").returncode == 2
    proc = run("extract", str(tmp_path / "*.txt"), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert proc.stderr.startswith("polemos: error: no input files match")


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "polemos",
            "extract",
            str(CORPUS / "wire.jsonl"),
            "-o",
            str(tmp_path),
            "--format",
            "csv",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert (tmp_path / "events.csv").is_file()


def test_explain_command_plain_when_piped() -> None:
    proc = run("explain", "Islamic State militants attacked the airbase in Deir ez-Zor.")
    assert proc.returncode == 0, proc.stderr
    assert "[attacked]{T}" in proc.stdout
    assert "\x1b[" not in proc.stdout
    forced = run("explain", "Clashes in Daraa killed 3 fighters.", "--color", "always")
    assert "\x1b[" in forced.stdout


def test_explain_command_on_files() -> None:
    proc = run(
        "explain",
        "examples/corpus",
        "--doc-id",
        "examples/corpus/03_deir_ezzor_checkpoint_attack.txt",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("examples/corpus/03_deir_ezzor_checkpoint_attack.txt")
    missing = run("explain", "examples/corpus", "--doc-id", "nope")
    assert missing.returncode == 1
    assert missing.stderr.startswith("polemos: error: no document")


@pytest.mark.parametrize(
    ("fmt", "names"), [("geojson", ["events.geojson"]), ("acled", ["acled.csv"])]
)
def test_extract_event_views(fmt: str, names: list[str], tmp_path: Path) -> None:
    proc = run("extract", "examples/corpus", "-o", str(tmp_path), "-f", fmt, "-q")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == names


# One GeoNames place row (19 tab-separated fields), invented: a village polemos does not know.
GEONAMES_ROW = "\t".join(
    [
        "99999901", "Tall Zirzir", "Tall Zirzir", "Tell Zirzir", "36.5", "40.75", "P", "PPL",
        "SY", "", "03", "", "", "", "120", "", "300", "Asia/Damascus", "2024-01-01",
    ]
)  # fmt: skip


def test_gazetteer_import_and_use(tmp_path: Path) -> None:
    (tmp_path / "SY.txt").write_text(GEONAMES_ROW + "\n", encoding="utf-8")
    out = tmp_path / "extra.tsv"
    proc = run("gazetteer", "import", str(tmp_path / "SY.txt"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "1 places" in proc.stderr
    assert "Tall Zirzir" in out.read_text(encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(
        "Shelling hit Tall Zirzir on Monday, killing 4 civilians.\n", encoding="utf-8"
    )
    csv = tmp_path / "csv"
    proc = run("extract", str(article), "-o", str(csv), "-f", "csv", "-q", "--gazetteer", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Tall Zirzir" in (csv / "mentions.csv").read_text(encoding="utf-8")
    bad = run("extract", str(article), "-o", str(csv), "--gazetteer", str(tmp_path / "none.tsv"))
    assert bad.returncode == 1
    assert bad.stderr.startswith("polemos: error: cannot read")


def test_help_lists_examples_and_exit_codes() -> None:
    proc = run("--help")
    assert "Exit codes: 0 success" in proc.stdout
    for command in ("explain", "gazetteer"):
        assert command in proc.stdout
