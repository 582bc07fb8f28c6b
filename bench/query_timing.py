"""Time one saved query with given parameters on one or more stores (median of N runs after a
warm-up), e.g. the same question on a 200,000- and a 1,000,000-event graph:

    .venv/bin/python bench/query_timing.py evidence -p source=Spain -p "target=Saudi Arabia" \\
        --store bolt://127.0.0.1:17687 --store bolt://127.0.0.1:17688

Prints rows and the median in ms per store, and the ratio of each store's median to the first's.
"""

from __future__ import annotations

import argparse
import statistics
import time

from kg.queries import load
from kg.stores import open_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("query")
    ap.add_argument("-p", "--param", action="append", default=[], help="key=value, repeatable")
    ap.add_argument("--store", action="append", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    q = load(args.query)
    params = q.bind(dict(kv.split("=", 1) for kv in args.param))
    first = None
    for spec in args.store:
        store = open_store(spec, create=False, read_only=True)
        try:
            rows = store.run_query(q, params)  # warm-up
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                rows = store.run_query(q, params)
                times.append((time.perf_counter() - t) * 1000)
        finally:
            store.close()
        median = statistics.median(times)
        first = first or median
        runs = ", ".join(f"{t:.1f}" for t in times)
        print(f"{spec}  {len(rows)} rows  median {median:.1f} ms  ratio {median / first:.2f}  runs {runs}")


if __name__ == "__main__":
    main()
