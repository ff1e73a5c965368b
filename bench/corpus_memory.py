"""Peak memory of whole runs as the corpus grows, measured in one run of this script.

Memory must not grow with the corpus (issue: robustness): ``polemos extract`` stays under
500 MiB on a 1 GB corpus, and ``extract_batches`` over a scanned file uses as much for 200 MB
as for 10 MB. This generates the benchmark corpus (``gen_corpus.py``) at each size and measures
the peak resident memory of a fresh process for each of:

- ``command, folder``: ``python -m polemos extract`` (the console script pip installs) on a
  folder of one ``.txt`` file per article (~2 kB each), Parquet output, two threads;
- ``command, JSONL``: the same on the same articles as one JSONL file (a large export is read
  a few MiB at a time);
- ``extract_batches``: ``polemos.extract_batches`` over ``pl.scan_ndjson`` of that file
  (``scan``) and over the file's path (``path``), 1,000 documents per batch, each batch
  written to Parquet and dropped. Polars maps the
  scanned file into memory, and its pages count in the resident size as they are read (the
  system's file cache, freed under pressure): the anonymous part is what the run holds, and
  what must stay flat.

    python bench/corpus_memory.py [--sizes 100 1000] [--batch-sizes 10 200] [--threads 2]

Needs about 2.8 GB of free disk per GB of corpus (the folder takes more than its text).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus

# Peak resident memory allowed for the command on a 1 GB corpus (issue: robustness).
TARGET_COMMAND_BYTES = 500 * 2**20

# A child that runs a command and prints the peak resident memory of its own children, in
# bytes (ru_maxrss is in kB on Linux).
MEASURE_CHILD = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)\n"
)

# A child that runs extract_batches and prints its peak resident memory and, sampled every
# 20 ms from /proc/self/status, the peaks of its anonymous and file-backed parts: polars maps
# a scanned file into memory, so its pages count in the resident size as they are read,
# although they are the system's file cache, not memory the run holds.
BATCHES_CHILD = """
import resource, sys, threading, time
import polars as pl
import polemos
from pathlib import Path
path, out, threads, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
peaks = {"RssAnon": 0, "RssFile": 0}
done = threading.Event()
def sample():
    while not done.is_set():
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    key = line.split(":")[0]
                    if key in peaks:
                        peaks[key] = max(peaks[key], int(line.split()[1]) * 1024)
        except OSError:
            return
        time.sleep(0.02)
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
data = pl.scan_ndjson(path) if mode == "scan" else Path(path)
for k, result in enumerate(polemos.extract_batches(data, batch_size=1000, threads=threads)):
    result.write(f"{out}/batch-{k}")
done.set()
sampler.join()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(peak, peaks["RssAnon"], peaks["RssFile"])
"""


def write_corpus(size_mb: float, folder: Path, jsonl: Path) -> int:
    """Writes the generated articles of `size_mb` MB as one file each and as one JSONL file;
    returns the number of articles."""
    folder.mkdir(parents=True)
    n = 0
    with jsonl.open("w", encoding="utf-8") as lines:
        for n, article in enumerate(gen_corpus.generate(int(size_mb * 1e6), seed=1), 1):
            (folder / f"article-{n:07d}.txt").write_text(article.text, encoding="utf-8")
            record = {"id": f"a{n}", "published": article.published, "text": article.text}
            lines.write(json.dumps(record) + "\n")
    return n


def peak_of(command: list[str]) -> int:
    """Peak resident memory, in bytes, of `command` run in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE_CHILD, *command],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.split()[-1])


def command_peak(inputs: Path, out: Path, threads: int) -> int:
    command = [sys.executable, "-m", "polemos", "extract", str(inputs), "-o", str(out)]
    return peak_of([*command, "--threads", str(threads), "--quiet"])


def batches_peak(jsonl: Path, out: Path, threads: int, mode: str) -> tuple[int, int, int]:
    """Peak resident memory of extract_batches over `jsonl` (scanned by polars with `mode`
    "scan", given as a path with "path"), and the peaks of its anonymous and file-backed parts
    (both 0 where /proc is missing)."""
    out.mkdir()
    command = [sys.executable, "-c", BATCHES_CHILD, str(jsonl), str(out), str(threads), mode]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    peak, anon, mapped = (int(x) for x in done.stdout.split()[-3:])
    return peak, anon, mapped


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[100.0, 1000.0])
    parser.add_argument("--batch-sizes", type=float, nargs="*", default=[10.0, 200.0])
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    batch_peaks: dict[str, list[tuple[int, int]]] = {}
    for size in sorted(set(args.sizes) | set(args.batch_sizes)):
        with tempfile.TemporaryDirectory() as tmp:
            folder, jsonl = Path(tmp) / "articles", Path(tmp) / "articles.jsonl"
            n = write_corpus(size, folder, jsonl)
            print(f"{size:g} MB: {n:,} articles", flush=True)
            if size in args.sizes:
                for label, inputs in (("folder", folder), ("JSONL", jsonl)):
                    peak = command_peak(inputs, Path(tmp) / f"out-{label}", args.threads)
                    print(f"  command, {label}: peak {mib(peak)}", flush=True)
                    if size >= 1000:
                        verdict = "within" if peak <= TARGET_COMMAND_BYTES else "OVER"
                        print(f"    ({verdict} the target of {mib(TARGET_COMMAND_BYTES)})")
            if size in args.batch_sizes:
                for mode in ("scan", "path"):
                    out = Path(tmp) / f"out-batches-{mode}"
                    peak, anon, mapped = batches_peak(jsonl, out, args.threads, mode)
                    batch_peaks.setdefault(mode, []).append((peak, anon))
                    print(
                        f"  extract_batches ({mode}): peak {mib(peak)}; anonymous {mib(anon)}, "
                        f"file-backed {mib(mapped)} (sampled peaks)",
                        flush=True,
                    )
    for mode, peaks in batch_peaks.items():
        if len(peaks) >= 2:
            (first, first_anon), (last, last_anon) = peaks[0], peaks[-1]
            print(
                f"extract_batches ({mode}), largest corpus against smallest: peak "
                f"{last / first:.2f}x, anonymous {last_anon / max(first_anon, 1):.2f}x (flat: ~1)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
