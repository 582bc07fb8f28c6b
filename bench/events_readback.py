"""Time SparqlStore.events() (Oxigraph) on the three sample events, each told by K articles.

    .venv/bin/python bench/events_readback.py 24

The union of the article graphs repeats an event's triples once per article that tells it; the
read-back must stay linear in K (a join of the event's properties was K**13 rows).
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from rdf_sample import sample_extractions  # noqa: E402

from kg.model import Extraction  # noqa: E402
from kg.stores import open_store  # noqa: E402


def main(k: int) -> None:
    articles = []
    for i in range(k):
        for base in sample_extractions():
            art = dataclasses.replace(base.article, id=f"{base.article.id}-{i}")
            evs = [e.with_mentions(tuple(dataclasses.replace(m, article=art.id) for m in e.mentions)) for e in base.events]
            articles.append(Extraction(art, evs))
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "ox")) as st:
        st.write(articles)
        t0 = time.perf_counter()
        events = list(st.events())
        print(f"K={k}: {len(events)} events, events() {time.perf_counter() - t0:.3f} s", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 24)
