"""Oxigraph: the project's writer (OxigraphStore.write) beside pyoxigraph's own bulk load of the
same quads as N-Quads, in triples/s; and the import's peak memory for 1x, 10x, ... the sample.

    .venv/bin/python bench/oxigraph_load.py --events 200000
    .venv/bin/python bench/oxigraph_load.py --import-memory 1,10,100

The writer's rate counts the distinct quads in the store at the end over the wall time of
write() and close() (building the quads from the model included: that is the writer's job; close()
compacts the store after a large load, and the ratio without close() is printed too). The bulk load
gets the very quads the writer builds (one named graph per article, so N-Quads, not N-Triples, and
the events' first dates the writer derived), serialised to a file beforehand, and is timed from the
file to a flushed store.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, Timer, base_extractions, count_events, figure, peak_rss_mb, ratio, scaled, scaled_lines


def _disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def _loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def load_bench(events: int, workdir: Path, optimize: bool = False) -> None:
    import pyoxigraph

    figure("load average at the start (1 min)", _loadavg(), "")

    from kg import rdf
    from kg.stores import open_store

    with Timer() as gen:
        extractions = list(scaled(events, base_extractions()))
    n_events = count_events(extractions)
    figure("events", n_events, "")
    figure("articles", len(extractions), "")
    figure("generating the events", gen.seconds, "s")

    store_dir = workdir / "writer"
    st = open_store(str(store_dir))
    with Timer() as w:
        st.write(extractions)
        with Timer() as c:
            st.close()
    figure("writer: of which close (flush, optimize after a large load)", c.seconds, "s")
    check = pyoxigraph.Store.read_only(str(store_dir))
    quads = len(check)
    del check
    figure("writer: quads in store", quads, "")
    figure("writer: time", w.seconds, "s")
    figure("writer: events/s", n_events / w.seconds, "events/s")
    figure("writer: triples/s", quads / w.seconds, "triples/s")
    figure("peak RSS after writer", peak_rss_mb(), "MiB")
    if optimize:  # not in the writer's time: a separate step (OxigraphStore.optimize)
        figure("writer's store on disk", _disk_mb(store_dir), "MiB")
        with open_store(str(store_dir)) as st, Timer() as o:
            st.optimize()
        figure("optimize: time", o.seconds, "s")
        figure("writer's store on disk after optimize", _disk_mb(store_dir), "MiB")

    nq = workdir / "same.nq"
    with open(nq, "wb") as out:
        for ex in extractions:
            own, shared = rdf.extraction_quads(ex.article, ex.events)
            pyoxigraph.serialize(own + shared, out, pyoxigraph.RdfFormat.N_QUADS)
        # The writer also derives each event's first date (across articles): the same quads, from its store.
        check = pyoxigraph.Store.read_only(str(store_dir))
        dates = list(check.quads_for_pattern(None, None, None, rdf.EVENT_DATES_GRAPH))
        del check
        pyoxigraph.serialize(dates, out, pyoxigraph.RdfFormat.N_QUADS)
    del extractions
    bulk_dir = workdir / "bulk"
    with Timer() as b:
        bulk = pyoxigraph.Store(str(bulk_dir))
        bulk.bulk_load(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS)
        bulk.flush()
    bulk_quads = len(bulk)
    del bulk
    figure("bulk_load: quads in store", bulk_quads, "")
    figure("bulk_load: time", b.seconds, "s")
    figure("bulk_load: triples/s", bulk_quads / b.seconds, "triples/s")
    figure("bulk_load's store on disk", _disk_mb(bulk_dir), "MiB")
    ratio("writer / bulk_load (triples/s)", (quads / w.seconds) / (bulk_quads / b.seconds), 0.5)
    # close() compacts the store after a large load (queries 3-4.5x faster after it): part of what a
    # user's `kg import gdelt` / `kg ingest` costs, so in the ratio above; here without it, for the record.
    figure("writer without close(): time", w.seconds - c.seconds, "s")
    ratio("writer without close() / bulk_load (triples/s)", (quads / (w.seconds - c.seconds)) / (bulk_quads / b.seconds), 0.5)
    figure("load average at the end (1 min)", _loadavg(), "")
    if quads != bulk_quads:
        print(f"warning: the writer's store holds {quads} quads, the bulk load's {bulk_quads}", file=sys.stderr)


def import_memory(multiples: list[int], workdir: Path, extra: list[str]) -> None:
    """Peak RSS of `kg import gdelt` (a child process each) on files of 1x, 10x, ... the sample."""
    # VmHWM belongs to the child's own address space (ru_maxrss would carry the parent's over fork).
    kg = [sys.executable, "-c", _CHILD]
    for m in multiples:
        csv = workdir / f"gdelt-{m}x.CSV"
        with open(csv, "w", encoding="utf-8") as out:
            for line in scaled_lines(m):
                out.write(line + "\n")
        store = workdir / f"store-{m}x"
        with Timer() as t:
            proc = subprocess.run([*kg, "import", "gdelt", str(csv), "--store", str(store), "-q", *extra], cwd=ROOT,
                                  stdout=subprocess.PIPE, text=True)  # fmt: skip
        if proc.returncode != 0:
            sys.exit(f"kg import gdelt failed on {csv} (status {proc.returncode})")
        hwm_kib = int(proc.stdout.split("VmHWM")[-1].split()[0])
        rows = 2111 * m
        figure(f"import {m}x ({rows:,} rows): peak RSS", hwm_kib / 1024, "MiB")
        figure(f"import {m}x: rows/s", rows / t.seconds, "rows/s")
        reader = subprocess.run(
            [sys.executable, "-c", _READER, str(csv), *extra[1:]], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        hwm_kib = int(reader.stdout.split("VmHWM")[-1].split()[0])
        figure(f"reader only {m}x: peak RSS", hwm_kib / 1024, "MiB")
        shutil.rmtree(store)
        csv.unlink()


_CHILD = """
import atexit
def _hwm():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM'):
            print('VmHWM', line.split()[1], flush=True)
atexit.register(_hwm)
from kg.cli import main
main()
"""


_READER = """
import sys
from loaders.gdelt import read_extractions
chunk = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
n = sum(len(ex.events) for ex in read_extractions([sys.argv[1]], chunk_rows=chunk))
for line in open('/proc/self/status'):
    if line.startswith('VmHWM'):
        print('VmHWM', line.split()[1], flush=True)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=0, help="events to load (e.g. 200000)")
    ap.add_argument("--import-memory", default="", help="comma-separated multiples of the sample, e.g. 1,10,100")
    ap.add_argument("--optimize", action="store_true", help="then time OxigraphStore.optimize on the writer's store")
    ap.add_argument("--chunk-rows", type=int, default=0, help="passed to kg import gdelt")
    ap.add_argument("--workdir", default=None, help="where the stores go (default: a temporary folder, removed after)")
    args = ap.parse_args()
    if not args.events and not args.import_memory:
        ap.error("give --events N and/or --import-memory 1,10,...")
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kg-bench-ox-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        if args.events:
            load_bench(args.events, workdir, args.optimize)
        if args.import_memory:
            extra = ["--chunk-rows", str(args.chunk_rows)] if args.chunk_rows else []
            import_memory([int(x) for x in args.import_memory.split(",")], workdir, extra)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
