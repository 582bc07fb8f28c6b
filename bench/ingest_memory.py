"""Peak memory of ingesting big JSONL inputs: does it stay flat as the input grows?

Two measurements, kept apart on purpose:

  real     the real `kg ingest FILE --store DIR` (spaCy extraction included) on generated English
           JSONL of a few sizes (default 1, 3, 9 MB). spaCy runs at roughly 10k words/s on this
           machine, so hundreds of MB through the extractor would take hours; three sizes a factor
           of 3 apart show whether memory grows with the input.
  stream   a real 500 MB JSONL file through the real reader (loaders.readers.read_paths) and the
           real embedded store writer (OxigraphStore.write), with a STAND-IN for the extractor:
           each article becomes one fixed Meeting event whose mention is the article's first
           sentence (no spaCy). It measures the reader + store path on the full size, nothing else.

Peak RSS is sampled every 50 ms over the whole process tree (psutil), so spaCy worker processes
count too.

    .venv/bin/python bench/ingest_memory.py real --sizes 1 3 9
    .venv/bin/python bench/ingest_memory.py stream --mb 500
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATES = ["Russia", "Ukraine", "China", "Japan", "France", "Germany", "Iran", "Israel", "Turkey", "India", "Pakistan",
          "Brazil", "Poland", "Canada", "Egypt", "Syria", "North Korea", "South Korea", "the United States"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"]
SENTENCES = [
    "{a} deployed troops to {b} on {m} {d}, {y}, officials said.",
    "{b} condemned {a} for the deployment the next day.",
    "{a} and {b} signed an agreement on trade in {m} {y}.",
    "The foreign minister of {a} met his counterpart from {b} in Geneva.",
    "{a} imposed sanctions on {b} after the talks failed.",
    "Analysts in {c} said the move could raise tensions across the region for months to come.",
    "{c} accused {a} of supplying weapons to {b}, a charge {a} denied.",
    "Markets were calm and the weather in the capital was mild for the season.",
]


def article(i: int, target_bytes: int) -> str:
    n = len(STATES)
    parts: list[str] = []
    k = 0
    while sum(len(p) + 1 for p in parts) < target_bytes:
        a, b, c = STATES[(i + k) % n], STATES[(i * 7 + 3 + k) % n], STATES[(i * 3 + 5 + 2 * k) % n]
        if b == a:
            b = STATES[(i + k + 1) % n]
        s = SENTENCES[(i + k) % len(SENTENCES)]
        text = s.format(a=a, b=b, c=c, m=MONTHS[(i + k) % len(MONTHS)], d=1 + (i + k) % 28, y=2015 + (i // 50) % 10)
        parts.append(text[0].upper() + text[1:])
        k += 1
    return " ".join(parts)


def write_corpus(path: Path, megabytes: float, article_bytes: int) -> int:
    """Generated English articles as JSONL up to `megabytes`; returns the number of articles."""
    limit = int(megabytes * 1024 * 1024)
    written = i = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < limit:
            line = json.dumps({"id": f"mem-{i}", "published": f"{2015 + (i // 50) % 10}-12-28",
                               "text": article(i, article_bytes)}) + "\n"  # fmt: skip
            fh.write(line)
            written += len(line.encode())
            i += 1
    return i


class PeakRSS:
    """Peak resident memory of a process and its children, sampled every `interval` s."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        import psutil

        self._proc = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def _run(self, interval: float) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self._proc, *self._proc.children(recursive=True)]
                rss = 0
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        rss += p.memory_info().rss
                self.peak = max(self.peak, rss)
            except psutil.Error:
                return
            time.sleep(interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join(5)
        return self.peak


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def run_real(sizes: list[float], article_bytes: int) -> None:
    print("| input | articles | wall time | peak RSS (kg ingest, all processes) | result |")
    print("| ---: | ---: | ---: | ---: | --- |")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="kg-mem-") as tmp:
            src = Path(tmp) / f"corpus-{size:g}mb.jsonl"
            n = write_corpus(src, size, article_bytes)
            start = time.monotonic()
            proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "kg"), "ingest", str(src), "--store", str(Path(tmp) / "store")],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    env={**os.environ, "KG_QUIET": "1"})  # fmt: skip
            sampler = PeakRSS(proc.pid)
            out, err = proc.communicate()
            peak = sampler.stop()
            wall = time.monotonic() - start
            result = out.strip().splitlines()[-1] if out.strip() else err.strip()[-200:]
            print(f"| {size:g} MB | {n:,} | {wall:,.0f} s | {mib(peak)} | {result} |", flush=True)


def run_stream(megabytes: float, article_bytes: int) -> None:
    import datetime as dt

    from kg.model import Entity, EntityKind, Event, Extraction, Mention
    from kg.stores import open_store
    from loaders.readers import read_paths

    with tempfile.TemporaryDirectory(prefix="kg-mem-") as tmp:
        src = Path(tmp) / f"corpus-{megabytes:g}mb.jsonl"
        t0 = time.monotonic()
        n = write_corpus(src, megabytes, article_bytes)
        print(f"wrote {src.stat().st_size / 2**20:,.0f} MiB, {n:,} articles in {time.monotonic() - t0:,.0f} s", flush=True)

        a = Entity("state:PRK", "North Korea", EntityKind.STATE, country="PRK")
        b = Entity("state:RUS", "Russia", EntityKind.STATE, country="RUS")

        def stand_in(articles):  # NOT the extractor: one fixed event per article, no spaCy
            for art in articles:
                if not hasattr(art, "text"):
                    continue
                first = art.text.split(". ", 1)[0]
                ev = Event("Meeting", (a,), (b,), plover_type="CONSULT", score=1.0,
                           reported=art.published or dt.date(2024, 1, 1),
                           mentions=(Mention(art.id, first, 0, len(first)),))  # fmt: skip
                yield Extraction(art, [ev])

        import psutil

        sampler = PeakRSS(os.getpid())
        base = psutil.Process().memory_info().rss
        t0 = time.monotonic()
        with open_store(str(Path(tmp) / "store")) as st:
            report = st.write(stand_in(read_paths([str(src)])))
        wall = time.monotonic() - t0
        peak = sampler.stop()
        print(f"stream: {report.articles:,} articles, {report.events:,} events in {wall:,.0f} s; "
              f"RSS before {mib(base)}, peak {mib(peak)}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("real", help="the real kg ingest at a few sizes")
    r.add_argument("--sizes", type=float, nargs="+", default=[1, 3, 9], help="input sizes in MB")
    r.add_argument("--article-bytes", type=int, default=2000)
    s = sub.add_parser("stream", help="a big JSONL through the reader and the store, stand-in extractor")
    s.add_argument("--mb", type=float, default=500)
    s.add_argument("--article-bytes", type=int, default=20000)
    args = ap.parse_args()
    if args.mode == "real":
        run_real(args.sizes, args.article_bytes)
    else:
        run_stream(args.mb, args.article_bytes)


if __name__ == "__main__":
    main()
