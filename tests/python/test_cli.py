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
