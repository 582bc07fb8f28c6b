"""What the benchmarks share: the GDELT sample scaled to N events, timing, peak memory, result lines.

Scaling: the real export (../shared/data/gdelt, 2,111 rows) is imported once through
loaders.gdelt; copy k of it gets new GLOBALEVENTIDs (k * 10**9 + id), new source URLs
(url#kg-copy=k, so new articles) and dates moved by k * 54 weeks. The sample spans one year
(at most 54 of the model's 7-day windows), so no event of one copy can merge with another
copy's: every copy adds exactly as many events as the sample has.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import Article, Event, Extraction, Mention  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "data" / "gdelt" / "20191024143000.export.CSV"
COPY_SHIFT = dt.timedelta(weeks=54)
ID_STRIDE = 10**9


def sample_path() -> Path:
    path = Path(os.environ.get("KG_GDELT_SAMPLE", SAMPLE))
    if not path.is_file():
        sys.exit(f"bench: the GDELT sample {path} is missing (set KG_GDELT_SAMPLE to a GDELT 2.0 export)")
    return path


def base_extractions() -> list[Extraction]:
    from loaders.gdelt import read_extractions

    return list(read_extractions([sample_path()]))


def _copy(ex: Extraction, k: int) -> Extraction:
    if k == 0:
        return ex
    shift = COPY_SHIFT * k
    url = f"{ex.article.url}#kg-copy={k}"
    article = dataclasses.replace(ex.article, id=Article.make_id("", url), url=url, published=ex.article.published + shift)
    mention = Mention(article=article.id, sentence="", start=0, end=0)
    events = [
        dataclasses.replace(
            ev,
            id="",
            date=ev.date + shift if ev.date else None,
            reported=ev.reported + shift if ev.reported else None,
            date_text=(ev.date + shift).strftime("%Y%m%d") if ev.date else ev.date_text,
            attributes={**ev.attributes, "gdelt_id": ev.attributes["gdelt_id"] + k * ID_STRIDE},
            mentions=(mention,),
        )
        for ev in ex.events
    ]
    return Extraction(article=article, events=events)


def scaled(events: int, base: list[Extraction] | None = None) -> Iterator[Extraction]:
    """Extractions holding `events` distinct events (the last copy is cut at an article boundary
    once the count is reached, so the total can pass it by a few)."""
    base = base if base is not None else base_extractions()
    per_copy = len({ev.id for ex in base for ev in ex.events})
    done = 0
    k = 0
    while done < events:
        if done + per_copy <= events:
            yield from (_copy(ex, k) for ex in base)
            done += per_copy
        else:
            seen: set[str] = set()
            for ex in base:
                if done + len(seen) >= events:
                    break
                seen.update(ev.id for ev in ex.events)
                yield _copy(ex, k)
            done += len(seen)
        k += 1


def count_events(extractions: list[Extraction]) -> int:
    return len({ev.id for ex in extractions for ev in ex.events})


def scaled_lines(copies: int) -> Iterator[str]:
    """The sample's raw rows, renumbered `copies` times (for importing files of any size)."""
    from loaders.gdelt import C

    lines = sample_path().read_text(encoding="utf-8").splitlines()
    for k in range(copies):
        shift = COPY_SHIFT * k
        for line in lines:
            f = line.split("\t")
            if k:
                f[C["GLOBALEVENTID"]] = str(int(f[C["GLOBALEVENTID"]]) + k * ID_STRIDE)
                for col in ("SQLDATE", "DATEADDED"):
                    raw = f[C[col]]
                    day = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])) + shift
                    f[C[col]] = day.strftime("%Y%m%d") + raw[8:]
                f[C["SOURCEURL"]] += f"#kg-copy={k}"
            yield "\t".join(f)


def event_rows(ex: Extraction) -> list[dict]:
    """The events of one extraction as flat rows (the baseline loaders' input)."""
    return [_row(ev, ex.article) for ev in ex.events]


def _row(ev: Event, article: Article) -> dict:
    return {
        "id": ev.id,
        "type": ev.type,
        "plover": ev.plover_type,
        "mode": ev.plover_mode,
        "cameo": ev.cameo,
        "score": ev.score,
        "date": ev.date,
        "reported": ev.reported,
        "polarity": ev.polarity.value,
        "confidence": ev.confidence,
        "gdelt_id": ev.attributes.get("gdelt_id"),
        "actors": [a.id for a in ev.actors],
        "recipients": [r.id for r in ev.recipients],
        "places": [p.id for p in ev.places],
        "article": article.id,
        "url": article.url,
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


def figure(name: str, value: float, unit: str) -> None:
    print(f"{name:<48} {value:>14,.1f} {unit}", flush=True)


def ratio(name: str, value: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"  (target >= {target:.2f}: {'met' if value >= target else 'MISSED'})"
    print(f"{name:<48} {value:>14.2f}{verdict}", flush=True)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class start_neo4j:  # noqa: N801  (a context manager used like a function)
    """A throwaway Neo4j 5.26 from scripts/neo4j-server for one benchmark run; yields its bolt URI.

    Heap and page cache: $NEO4J_SERVER_HEAP (default here 4g) and $KG_BENCH_PAGE_CACHE (2g)."""

    def __init__(self, data: Path) -> None:
        self.data = data

    def __enter__(self) -> str:
        import subprocess

        bolt, http = _free_port(), _free_port()
        env = {**os.environ, "NEO4J_SERVER_HEAP": os.environ.get("NEO4J_SERVER_HEAP", "4g")}
        self.proc = subprocess.Popen(
            [str(ROOT / "scripts" / "neo4j-server"), "--bolt-port", str(bolt), "--http-port", str(http),
             "--page-cache", os.environ.get("KG_BENCH_PAGE_CACHE", "2g")],
            stdout=subprocess.PIPE, text=True, env=env, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.time() + 300
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if "ready bolt://" in line:
                break
            if time.time() > deadline:
                break
        else:
            raise RuntimeError("scripts/neo4j-server exited before it was ready")
        self.uri = f"bolt://127.0.0.1:{bolt}"
        return self.uri

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except Exception:
            self.proc.kill()


def neo4j_pid_rss_mb(uri: str) -> float | None:
    """Resident memory of the Neo4j JVM listening on the URI's port (None when not found)."""
    try:
        import psutil
    except ImportError:
        return None
    port = int(uri.rsplit(":", 1)[-1])
    for conn in psutil.net_connections(kind="tcp"):
        if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN and conn.pid:
            return psutil.Process(conn.pid).memory_info().rss / 2**20
    return None
