"""Deterministic generator of news-like articles about the Syrian war, for benchmarks.

Expands the templates in ``bench/gen/templates.txt`` with a seeded SplitMix64 generator into
articles: page furniture ("Share", "Advertisement", navigation, copyright lines), a headline, a
publication date line, a dateline, event paragraphs (air strikes, shelling, car bombs, clashes,
captures, casualty counts), attributions ("SANA reported", "activists said"), quotes, background
and related-story teasers. The same seed and size give byte-identical output; the Rust benches
run the same algorithm on the same templates (``bench/gen/news.rs``), so they measure the same
text.

    python bench/gen_corpus.py --size-mb 10 --out /tmp/corpus            # one .txt per article
    python bench/gen_corpus.py --size-mb 10 --out /tmp/corpus --jsonl /tmp/corpus.jsonl --no-txt

1 MB is 1,000,000 bytes of UTF-8 article text (the JSONL framing is not counted). Standard
library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

TEMPLATES = Path(__file__).resolve().parent / "gen" / "templates.txt"
MASK = (1 << 64) - 1
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")
WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
# Paragraph kinds, weighted: 4 event, 2 detail, 2 quote, 2 background in 10.
KINDS = ("event",) * 4 + ("detail",) * 2 + ("quote",) * 2 + ("background",) * 2


class Article(NamedTuple):
    id: str
    published: str
    text: str


def load_templates(path: Path = TEMPLATES) -> dict[str, list[str]]:
    """Sections of the template file: name -> alternatives, in file order."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise ValueError(f"{path}: text before the first section: {line!r}")
        else:
            current.append(line)
    return sections


class SplitMix64:
    """The SplitMix64 generator; bench/gen/news.rs has the same one."""

    def __init__(self, seed: int) -> None:
        self.state = seed & MASK

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n: int) -> int:
        return self.next() % n


def weekday(year: int, month: int, day: int) -> int:
    """Day of the week, 0 = Sunday (Sakamoto's method)."""
    offsets = (0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4)
    y = year - 1 if month < 3 else year
    return (y + y // 4 - y // 100 + y // 400 + offsets[month - 1] + day) % 7


class _Writer:
    def __init__(self, sections: dict[str, list[str]], rng: SplitMix64) -> None:
        self.sections = sections
        self.rng = rng
        self.sticky: dict[str, str] = {}

    def expand(self, text: str) -> str:
        out: list[str] = []
        i = 0
        while True:
            j = text.find("{", i)
            if j < 0:
                out.append(text[i:])
                return "".join(out)
            k = text.index("}", j)
            out.append(text[i:j])
            out.append(self.value(text[j + 1 : k]))
            i = k + 1

    def value(self, name: str) -> str:
        if name.startswith("^"):
            v = self.value(name[1:])
            return v[0].upper() + v[1:] if v[:1].isascii() and v[:1].islower() else v
        if name.startswith("*"):
            if name not in self.sticky:
                self.sticky[name] = self.value(name[1:])
            return self.sticky[name]
        if name.startswith("#"):
            low, high = (int(x) for x in name[1:].split("-"))
            return str(low + self.rng.below(high - low + 1))
        alternatives = self.sections[name]
        return self.expand(alternatives[self.rng.below(len(alternatives))])

    def pick(self, section: str) -> str:
        return self.value(section)


def article(sections: dict[str, list[str]], seed: int, index: int) -> Article:
    """Article number `index` of the corpus of `seed`."""
    rng = SplitMix64((seed * 0x100000001B3 + index) & MASK)
    w = _Writer(sections, rng)
    year = 2012 + rng.below(7)
    month = 1 + rng.below(12)
    day = 1 + rng.below(28)
    w.sticky["*year"] = str(year)
    w.sticky["*month"] = MONTHS[month - 1]
    w.sticky["*day"] = str(day)
    w.sticky["*weekday"] = WEEKDAYS[weekday(year, month, day)]

    parts: list[str] = []
    for _ in range(rng.below(3)):
        parts.append(w.pick("nav"))
    parts.append(w.pick("headline"))
    if rng.below(2) == 0:
        parts.append(w.pick("published"))
    lead = w.pick("lead")
    if rng.below(4) != 0:
        lead = w.pick("dateline") + " " + lead
    parts.append(lead)
    for _ in range(5 + rng.below(12)):
        kind = KINDS[rng.below(len(KINDS))]
        sentences = [w.pick(kind) for _ in range(1 + rng.below(3))]
        parts.append(" ".join(sentences))
        if rng.below(6) == 0:
            parts.append(w.pick("inline"))
    for _ in range(rng.below(4)):
        parts.append(w.pick("teaser"))
    for _ in range(rng.below(3)):
        parts.append(w.pick("footer"))
    text = "\n\n".join(parts) + "\n"
    return Article(f"article-{index:06}", f"{year:04}-{month:02}-{day:02}", text)


def generate(size_bytes: int, seed: int = 1) -> Iterator[Article]:
    """Articles until their UTF-8 text adds up to at least `size_bytes` bytes."""
    sections = load_templates()
    total = 0
    index = 0
    while total < size_bytes:
        a = article(sections, seed, index)
        total += len(a.text.encode("utf-8"))
        index += 1
        yield a


def write_corpus(
    size_mb: float, out: Path | None, jsonl: Path | None = None, seed: int = 1
) -> tuple[int, int]:
    """Writes the corpus; returns (articles, bytes of text)."""
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    sink = jsonl.open("wb") if jsonl is not None else None
    count = size = 0
    try:
        for a in generate(int(size_mb * 1_000_000), seed):
            data = a.text.encode("utf-8")
            if out is not None:
                (out / f"{a.id}.txt").write_bytes(data)
            if sink is not None:
                record = {"id": a.id, "published": a.published, "text": a.text}
                sink.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
            size += len(data)
    finally:
        if sink is not None:
            sink.close()
    return count, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=10.0, help="MB of text (default 10)")
    parser.add_argument("--out", type=Path, help="directory for one .txt file per article")
    parser.add_argument("--jsonl", type=Path, help="also write id/published/text records here")
    parser.add_argument("--no-txt", action="store_true", help="write only the JSONL file")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out = None if args.no_txt else args.out
    if out is None and args.jsonl is None:
        parser.error("give --out DIR and/or --jsonl FILE")
    count, size = write_corpus(args.size_mb, out, args.jsonl, args.seed)
    print(f"{count} articles, {size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
