"""Latency of every saved query (queries/*.rq, *.cypher) at two graph sizes, on Oxigraph and Neo4j,
with the growth between the sizes.

    .venv/bin/python bench/query_latency.py --sizes 200000,1000000 --backends oxigraph,neo4j

The graph grows in place: the first size is loaded and measured, then the events up to the next
size are added (the scaled sample is deterministic, so the small graph is a prefix of the big one).
Oxigraph: the store is filled with exactly the quads OxigraphStore.write makes
(kg.rdf.extraction_quads), bulk-loaded as N-Quads so a million events load in minutes; queries
then run through OxigraphStore.run_query. Neo4j: Neo4jStore.write, queries through run_query.
Each query runs once to warm up, then --repeat times (less when one run takes longer than
--budget seconds); the figure is the median. Growth is t(big)/t(small) beside the size ratio:
a query grows no faster than linearly when growth <= size ratio.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from common import ROOT, Timer, base_extractions, figure, scaled

from kg import queries
from kg.model import Extraction

# A state of middling activity in the sample (the most active, USA, is in a third of all events).
PARAMS_BY_TYPE = {"entity": "state:SYR", "date": "0001-01-01", "int": "10", "float": "0", "string": "USA"}


SECOND_ENTITY = "state:TUR"  # the other side, for queries about a pair


def bound_params(q: queries.SavedQuery) -> dict[str, object]:
    required = [p for p in q.params if p.default is None]
    given = {p.name: SECOND_ENTITY if p.name in ("target", "other") else PARAMS_BY_TYPE[p.type] for p in required}
    return q.bind(given)


class OxigraphBackend:
    name = "oxigraph"
    suffix = ".rq"

    def __init__(self, workdir: Path) -> None:
        self.path = workdir / "oxigraph"
        self.spec = str(self.path)
        self.chunk = workdir / "chunk.nq"

    def add(self, extractions: Iterator[Extraction]) -> None:
        import pyoxigraph

        from kg import rdf

        store = pyoxigraph.Store(str(self.path))
        while True:
            batch = list(itertools.islice(extractions, 20_000))
            if not batch:
                break
            with open(self.chunk, "wb") as out:
                for ex in batch:
                    own, shared = rdf.extraction_quads(ex.article, ex.events)
                    pyoxigraph.serialize(own + shared, out, pyoxigraph.RdfFormat.N_QUADS)
            store.bulk_load(path=str(self.chunk), format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        # The saved SPARQL reads each event's stored first date, which OxigraphStore.write derives
        # across articles and a bulk load does not.
        from kg.stores.oxigraph import OxigraphStore

        ox = OxigraphStore(store, str(self.path))
        ox.rebuild_first_dates()
        store.flush()
        # Compacted after loading when the store can (OxigraphStore.optimize, where it exists).
        if hasattr(ox, "optimize"):
            ox.optimize()
            print("  oxigraph: optimize() after loading", flush=True)
        del store
        self.chunk.unlink(missing_ok=True)


class Neo4jBackend:
    name = "neo4j"
    suffix = ".cypher"

    def __init__(self, workdir: Path, stack: ExitStack, uri: str | None) -> None:
        if uri is None:
            from common import start_neo4j

            uri = stack.enter_context(start_neo4j(workdir / "neo4j"))
        self.uri = self.spec = uri

    def add(self, extractions: Iterator[Extraction]) -> None:
        from kg.stores import open_store

        with open_store(self.uri) as st:
            st.write(extractions)


def measure(backend, saved: list[queries.SavedQuery], repeat: int, budget: float, timeout: float) -> dict[str, float]:
    """Median seconds per query; a query that passes `timeout` (or the memory cap) counts as inf.

    Each query runs in a child process with a wall-clock timeout and an address-space cap
    ($KG_BENCH_QUERY_MEM_GB, default 6), so one runaway query cannot take the machine down."""
    out: dict[str, float] = {}
    for q in saved:
        cmd = [sys.executable, "-c", _CHILD, backend.name, backend.spec, q.name, str(repeat), str(budget)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, preexec_fn=_cap_memory)
        except subprocess.TimeoutExpired:
            out[q.name] = float("inf")
            print(f"  {backend.name} {q.name}: more than {timeout:.0f} s (stopped)", flush=True)
            continue
        if proc.returncode != 0:
            out[q.name] = float("inf")
            print(f"  {backend.name} {q.name}: failed ({(proc.stderr.strip().splitlines() or ['?'])[-1][:120]})", flush=True)
            continue
        seconds, rows = proc.stdout.split()[-2:]
        out[q.name] = float(seconds)
        figure(f"  {backend.name} {q.name} ({rows} rows)", out[q.name] * 1000, "ms")
    return out


def _cap_memory() -> None:
    import resource

    cap = int(float(os.environ.get("KG_BENCH_QUERY_MEM_GB", "6")) * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


_CHILD = """
import statistics, sys, time
sys.path.insert(0, "bench")
from query_latency import bound_params
from kg import queries
from kg.stores import open_store
backend, spec, name, repeat, budget = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
q = queries.load(name)
params = bound_params(q)
with (open_store(spec, create=False, read_only=True) if backend == "oxigraph" else open_store(spec)) as st:
    t0 = time.perf_counter(); rows = st.run_query(q, params); warm = time.perf_counter() - t0
    times = []
    for _ in range(repeat):
        if warm > budget:
            break
        t0 = time.perf_counter(); st.run_query(q, params); times.append(time.perf_counter() - t0)
print(statistics.median(times) if times else warm, len(rows))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="200000,1000000")
    ap.add_argument("--backends", default="oxigraph,neo4j")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--budget", type=float, default=20.0, help="no repeats for a query slower than this (s)")
    ap.add_argument("--neo4j-uri", default=None,
                    help="use this Neo4j instead of starting one (emptied first unless --loaded says what it holds)")
    ap.add_argument("--timeout", type=float, default=120.0, help="stop a query after this many seconds")
    ap.add_argument("--loaded", type=int, default=0, help="the stores in --workdir already hold this many events")
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kg-bench-q-"))
    workdir.mkdir(parents=True, exist_ok=True)
    catalogue = queries.catalogue()
    base = base_extractions()
    results: dict[tuple[str, int], dict[str, float]] = {}
    with ExitStack() as stack:
        for name in args.backends.split(","):
            if name == "oxigraph":
                backend = OxigraphBackend(workdir)
            elif name == "neo4j":
                backend = Neo4jBackend(workdir, stack, args.neo4j_uri)
                if args.neo4j_uri and not args.loaded:
                    from neo4j import GraphDatabase

                    with GraphDatabase.driver(args.neo4j_uri, auth=None) as d, d.session() as session:
                        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
            else:
                sys.exit(f"unknown backend {name}")
            saved = [q for q in catalogue if any(f.suffix == backend.suffix for f in q.files)]
            missing = [q.name for q in catalogue if q not in saved]
            if missing:
                print(f"{name}: no {backend.suffix} file for {', '.join(missing)}", flush=True)
            stream = scaled(max(sizes), base)
            loaded = 0
            if args.loaded:
                if max(sizes) > args.loaded:  # skip what the store holds (not needed when nothing is added)
                    for _ in _take_events(stream, args.loaded):
                        pass
                loaded = args.loaded
            for size in sizes:
                if size > loaded:
                    part = _take_events(stream, size - loaded)
                    with Timer() as t:
                        backend.add(part)
                    loaded = size
                    figure(f"{name}: loaded up to {size:,} events", t.seconds, "s")
                results[(name, size)] = measure(backend, saved, args.repeat, args.budget, args.timeout)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    if len(sizes) >= 2:
        small, big = sizes[0], sizes[-1]
        print(f"\n{'query':<24}{'backend':<10}{'t@' + format(small, ','):>14}{'t@' + format(big, ','):>16}{'growth':>9}"
              f"{'sizes x':>9}  verdict")  # fmt: skip
        for (name, size), by_query in results.items():
            if size != small:
                continue
            for qname, t_small in by_query.items():
                t_big = results[(name, big)][qname]
                growth = t_big / t_small if t_small else float("inf")
                linear = "<= linear" if growth <= big / small * 1.1 else "FASTER THAN LINEAR"
                sub = "under 1 s" if t_big < 1 else "OVER 1 s"
                print(f"{qname:<24}{name:<10}{t_small * 1000:>12.1f}ms{t_big * 1000:>14.1f}ms{growth:>9.2f}{big / small:>9.1f}"
                      f"  {sub}, {linear}")  # fmt: skip


def _take_events(stream: Iterator[Extraction], events: int) -> Iterator[Extraction]:
    """Extractions from the stream until `events` distinct new events have gone by (whole copies,
    as scaled() makes them, so the cut falls where scaled(size) would cut)."""
    seen: set[str] = set()
    for ex in stream:
        yield ex
        seen.update(ev.id for ev in ex.events)
        if len(seen) >= events:
            return


if __name__ == "__main__":
    main()
