"""One long document against the same text as many short ones, in one run.

The cost of extraction must grow linearly with a document's length (issue: robustness). This
measures, through the Python API on one thread, the generated corpus's text (``gen_corpus.py``)
joined into one document of ``--size-mb`` MB against the same text cut into documents of about
2 kB (at paragraph ends), and prints the ratio of the two times (target: at most 3). It also
times text with no sentence end at all (``"killed " * n``), the same text at two sizes, to
show that a document with no punctuation costs no more than linear time either.

With ``--memory-mb N`` it also writes the generated text as one N MB document to a temporary
folder and runs the command line on it (``polemos extract --no-split --threads 1``, a child
process), printing the child's peak resident memory against the target for a 100 MB
document (2 GiB).

    python bench/long_document.py [--size-mb 10] [--repeat 2] [--memory-mb 100]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus
from compare import best_of

import polemos

TARGET_RATIO = 3.0
SHORT_BYTES = 2_000
# Peak resident memory allowed for one 100 MB document (issue: robustness).
TARGET_RSS_BYTES = 2 * 1024**3


def short_documents(text: str) -> list[str]:
    """`text` cut at paragraph ends into documents of about SHORT_BYTES."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        size += len(paragraph) + 2
        if size >= SHORT_BYTES:
            out.append("\n\n".join(current))
            current, size = [], 0
    if current:
        out.append("\n\n".join(current))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--memory-mb", type=float, default=0.0)
    args = parser.parse_args()
    if args.memory_mb > 0:
        peak_memory(args.memory_mb)

    size = int(args.size_mb * 1_000_000)
    text = "\n\n".join(a.text for a in gen_corpus.generate(size, seed=1))
    shorts = short_documents(text)
    polemos.extract(["Warm-up: shelling hit Homs."], threads=1)

    long_s = best_of(args.repeat, lambda: polemos.extract([text], threads=1))
    short_s = best_of(args.repeat, lambda: polemos.extract(shorts, threads=1))
    ratio = long_s / short_s
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{mb:.1f} MB as one document: {long_s:.2f} s ({mb / long_s:.1f} MB/s)")
    print(f"{mb:.1f} MB as {len(shorts):,} documents of ~2 kB: {short_s:.2f} s")
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    print(f"ratio {ratio:.2f} ({verdict} the target <= {TARGET_RATIO})")

    words = int(size / 7)
    unpunctuated = []
    for n in (words // 4, words):
        seconds = best_of(args.repeat, lambda n=n: polemos.extract(["killed " * n], threads=1))
        unpunctuated.append(seconds)
        print(f"'killed ' x {n:,} ({n * 7 / 1e6:.1f} MB, no sentence end): {seconds:.2f} s")
    growth = unpunctuated[1] / unpunctuated[0]
    print(f"4x the unpunctuated text took {growth:.1f}x the time (linear: about 4)")
    return 0


def peak_memory(size_mb: float) -> None:
    """Peak resident memory of the command line on one generated document of `size_mb` MB."""
    size = int(size_mb * 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.txt"
        with path.open("w", encoding="utf-8") as f:
            written = 0
            for a in gen_corpus.generate(size, seed=1):
                f.write(a.text + "\n\n")
                written += len(a.text) + 2
        command = [sys.executable, "-m", "polemos", "extract", str(path), "-o", f"{tmp}/out"]
        command += ["--no-split", "--threads", "1", "--quiet"]
        subprocess.run(command, check=True)
    # ru_maxrss is in kB on Linux: the largest of the children waited for, here the one run.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    verdict = "within" if peak <= TARGET_RSS_BYTES * size_mb / 100 else "OVER"
    print(
        f"{written / 1e6:.0f} MB as one document, command line: peak RSS {peak / 2**20:,.0f} MiB "
        f"({verdict} the target of {TARGET_RSS_BYTES / 2**30 * size_mb / 100:.2f} GiB "
        f"for {size_mb:g} MB)"
    )


if __name__ == "__main__":
    sys.exit(main())
