"""Throughput of the extractor against bare spaCy on the same texts, in one invocation.

    python bench/extract_throughput.py [--workers N] [--repeat K] [FILE.jsonl|FILE.txt ...]

Without files it uses ../shared/dev-corpus/articles.jsonl when present, else the seed article.
Prints words per second for bare nlp.pipe and for Extractor.extract, and their ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import Article  # noqa: E402
from loaders.extract import Extractor  # noqa: E402
from loaders.extract.nlp import load_nlp, model_name  # noqa: E402


def texts_from(paths: list[str]) -> list[str]:
    if not paths:
        dev = ROOT.parent / "shared" / "dev-corpus" / "articles.jsonl"
        paths = [str(dev)] if dev.is_file() else [str(ROOT / "seeds" / "north-korea-troops-russia.txt")]
    out = []
    for p in paths:
        data = Path(p).read_text(encoding="utf-8")
        if p.endswith(".jsonl"):
            out += [json.loads(line)["text"] for line in data.splitlines() if line.strip()]
        else:
            out.append(data)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    texts = texts_from(args.files) * args.repeat
    words = sum(len(t.split()) for t in texts)
    articles = [Article(id=f"b{i}", text=t) for i, t in enumerate(texts)]

    bare = load_nlp()
    ex = Extractor(workers=args.workers, batch_size=args.batch_size)
    _ = ex.nlp  # load the gazetteer and the component before timing
    list(ex.extract(articles[:2]))
    # Two alternating rounds, best of each: neither side profits from warming the other's caches.
    t_bare = t_ex = float("inf")
    n_events = 0
    for _ in range(2):
        with bare.select_pipes(disable=["geokg_events"]):
            t0 = time.perf_counter()
            for _doc in bare.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
                pass
            t_bare = min(t_bare, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_events = sum(len(x.events) for x in ex.extract(articles))
        t_ex = min(t_ex, time.perf_counter() - t0)
    print(f"model {model_name()}, {len(texts)} texts, {words} words, workers {args.workers}")
    print(f"bare spaCy nlp.pipe : {t_bare:7.2f} s  {words / t_bare:9.0f} words/s")
    print(f"Extractor.extract   : {t_ex:7.2f} s  {words / t_ex:9.0f} words/s  ({n_events} events)")
    print(f"ratio extractor/bare: {t_bare / t_ex:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
