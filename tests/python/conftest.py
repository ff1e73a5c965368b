"""Shared fixtures: the repository's sample corpus and the documented schema."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

import polemos

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
SCHEMA_MD = ROOT / "docs" / "schema.md"
TABLES = ("documents", "sentences", "mentions", "events", "furniture", "incidents")

# How each Arrow type of docs/schema.md arrives in polars.
POLARS_TYPES: dict[str, pl.DataType] = {
    "Utf8": pl.String(),
    "Int32": pl.Int32(),
    "Int64": pl.Int64(),
    "Float64": pl.Float64(),
    "Date32": pl.Date(),
    "Boolean": pl.Boolean(),
}

# arrow-rs 60 marks Float64 columns with the IEEE 754 total column order (PARQUET-2249), which
# polars reads from 1.43 on; older polars fail on events.parquet and mentions.parquet.
POLARS_READS_OUR_PARQUET = tuple(int(x) for x in pl.__version__.split(".")[:2]) >= (1, 43)
needs_parquet_reader = pytest.mark.skipif(
    not POLARS_READS_OUR_PARQUET, reason="polars < 1.43 cannot read IEEE 754 total order"
)

DEIR_EZ_ZOR = (
    "Islamic State militants attacked the airbase in Deir ez-Zor on Saturday, killing 12 soldiers."
)


@dataclass(frozen=True)
class Column:
    name: str
    arrow_type: str
    nullable: bool

    @property
    def dtype(self) -> pl.DataType:
        return POLARS_TYPES[self.arrow_type]


def parse_schema_md(text: str) -> dict[str, list[Column]]:
    """The column rows (| `name` | Type | yes/no | meaning | example |) under each ## heading."""
    tables: dict[str, list[Column]] = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif line.startswith("| `"):
            cells = [c.strip() for c in line.split("|")]
            match = re.fullmatch(r"`(\w+)`", cells[1])
            assert match, line
            assert cells[3] in ("yes", "no"), line
            tables.setdefault(section, []).append(
                Column(match.group(1), cells[2], cells[3] == "yes")
            )
    return tables


@pytest.fixture(scope="session")
def schema() -> dict[str, list[Column]]:
    return parse_schema_md(SCHEMA_MD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_result() -> polemos.Result:
    return polemos.extract(CORPUS)


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """The article files of the corpus (not its README and answer key)."""
    return sorted(
        p for p in CORPUS.iterdir() if p.is_file() and p.name not in ("README.md", "EXPECTED.md")
    )
