"""Neo4j: the project's loader (Neo4jStore.write) beside a plain UNWIND ... CREATE of the same
rows, in events/s, in one invocation against one throwaway Neo4j 5.26; and peak memory.

    .venv/bin/python bench/neo4j_load.py --events 200000

The baseline is what a hand-written bulk load does: entity and article nodes, then events with
their properties and ACTOR/RECIPIENT/PLACE relationships, then one REPORTED_IN relationship per
(event, article) report; UNWIND over --batch rows per transaction, CREATE only (no MERGE, no
re-write semantics), indexes on the ids first. Both get the same pre-built events; the database
is emptied between the two runs. Memory: peak RSS of this process (it holds the events) and the
RSS of the Neo4j JVM after each run.

What each side does, so that the ratio can be read (bench/RESULTS.md b, 2026-11-28):
- both start from the same Extraction objects and both times include turning them into rows
  (the loader's Batch, the baseline's dicts below);
- the baseline runs second, on the emptied database, with every constraint and index the
  loader's schema made still in place (unique ids of Article, Entity and Event, event type, date
  and reported, entity name; it writes no kind labels, plover_type or mention ids, so those
  indexes cost it nothing); its own baseline_* indexes on the ids coincide with those constraints;
- the baseline writes less: no kind or type labels, no PART_OF/HOLDS_OFFICE, no IN_PLACE article
  lists, no ATTRIBUTED_TO, no mention properties, fewer event and article properties, and no
  lookup of what the graph already holds; it takes 10,000 rows a transaction (--batch), the
  loader 500 articles (about 900 events, 1,250 reports; KG_NEO4J_BATCH).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from common import (
    Timer,
    base_extractions,
    count_events,
    figure,
    neo4j_pid_rss_mb,
    peak_rss_mb,
    ratio,
    scaled,
    start_neo4j,
)

from kg.model import Extraction

EVENTS = """
UNWIND $rows AS r
CREATE (e:Event {id: r.id, type: r.type, plover: r.plover, mode: r.mode, cameo: r.cameo, score: r.score,
                 date: r.date, reported: r.reported, polarity: r.polarity, confidence: r.confidence, gdelt_id: r.gdelt_id})
WITH e, r
CALL { WITH e, r UNWIND r.actors AS a MATCH (x:Entity {id: a}) CREATE (e)-[:ACTOR]->(x) }
CALL { WITH e, r UNWIND r.recipients AS a MATCH (x:Entity {id: a}) CREATE (e)-[:RECIPIENT]->(x) }
CALL { WITH e, r UNWIND r.places AS a MATCH (x:Entity {id: a}) CREATE (e)-[:PLACE]->(x) }
"""
REPORTS = """
UNWIND $rows AS r
MATCH (e:Event {id: r.event}) MATCH (a:Article {id: r.article})
CREATE (e)-[:REPORTED_IN]->(a)
"""


def baseline(uri: str, extractions: list[Extraction], batch: int) -> float:
    """Seconds for the plain UNWIND ... CREATE load of the same events, building its rows included."""
    from neo4j import GraphDatabase

    start = time.perf_counter()
    entities: dict[str, dict] = {}
    articles: list[dict] = []
    events: dict[str, dict] = {}
    reports: list[dict] = []
    for ex in extractions:
        articles.append({"id": ex.article.id, "url": ex.article.url, "published": ex.article.published})
        for ev in ex.events:
            for ent in (*ev.actors, *ev.recipients, *ev.places):
                entities.setdefault(ent.id, {"id": ent.id, "name": ent.name, "kind": ent.kind.value, "country": ent.country})
            if ev.id not in events:
                events[ev.id] = {
                    "id": ev.id, "type": ev.type, "plover": ev.plover_type, "mode": ev.plover_mode, "cameo": ev.cameo,
                    "score": ev.score, "date": ev.date, "reported": ev.reported, "polarity": ev.polarity.value,
                    "confidence": ev.confidence, "gdelt_id": ev.attributes.get("gdelt_id"),
                    "actors": [a.id for a in ev.actors], "recipients": [r.id for r in ev.recipients],
                    "places": [p.id for p in ev.places],
                }  # fmt: skip
            reports.append({"event": ev.id, "article": ex.article.id})
    event_rows = list(events.values())
    prepared = time.perf_counter() - start
    figure("baseline: building its rows", prepared, "s")
    with GraphDatabase.driver(uri, auth=None) as driver, Timer() as t:
        for label in ("Entity", "Article", "Event"):
            driver.execute_query(f"CREATE INDEX baseline_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) ON (n.id)")
        driver.execute_query("CALL db.awaitIndexes(300)")
        for query, rows in (
            (
                "UNWIND $rows AS r CREATE (:Entity {id: r.id, name: r.name, kind: r.kind, country: r.country})",
                list(entities.values()),
            ),
            ("UNWIND $rows AS r CREATE (:Article {id: r.id, url: r.url, published: r.published})", articles),
            (EVENTS, event_rows),
            (REPORTS, reports),
        ):
            for i in range(0, len(rows), batch):
                driver.execute_query(query, rows=rows[i : i + batch])
    return prepared + t.seconds


def empty(uri: str) -> None:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        with driver.session() as session:  # CALL ... IN TRANSACTIONS needs an implicit transaction
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        for record in driver.execute_query(
            "SHOW INDEXES YIELD name, owningConstraint WHERE name STARTS WITH 'baseline_'"
        ).records:
            driver.execute_query(f"DROP INDEX {record['name']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--batch", type=int, default=10_000, help="rows per baseline transaction")
    ap.add_argument("--neo4j-uri", default=None, help="an empty Neo4j to use (default: start a throwaway one)")
    ap.add_argument("--skip-baseline", action="store_true")
    args = ap.parse_args()

    from kg.stores import open_store

    with Timer() as gen:
        extractions = list(scaled(args.events, base_extractions()))
    n_events = count_events(extractions)
    figure("events", n_events, "")
    figure("articles", len(extractions), "")
    figure("generating the events", gen.seconds, "s")
    figure("peak RSS with the events built", peak_rss_mb(), "MiB")

    workdir = Path(tempfile.mkdtemp(prefix="kg-bench-neo4j-"))
    try:
        with start_neo4j(workdir) if args.neo4j_uri is None else _given(args.neo4j_uri) as uri:
            with open_store(uri) as st, Timer() as w:
                st.write(extractions)
            stats = open_store(uri).stats()
            figure("loader: events in store", stats.events, "")
            figure("loader: time", w.seconds, "s")
            figure("loader: events/s", n_events / w.seconds, "events/s")
            figure("peak RSS of this process", peak_rss_mb(), "MiB")
            jvm = neo4j_pid_rss_mb(uri)
            if jvm is not None:
                figure("Neo4j JVM RSS after the loader", jvm, "MiB")
            if not args.skip_baseline:
                empty(uri)
                seconds = baseline(uri, extractions, args.batch)
                figure("baseline UNWIND/CREATE: time", seconds, "s")
                figure("baseline UNWIND/CREATE: events/s", n_events / seconds, "events/s")
                jvm = neo4j_pid_rss_mb(uri)
                if jvm is not None:
                    figure("Neo4j JVM RSS after the baseline", jvm, "MiB")
                ratio("loader / baseline (events/s)", seconds / w.seconds, 0.5)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


class _given:
    def __init__(self, uri: str) -> None:
        self.uri = uri

    def __enter__(self) -> str:
        return self.uri

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    main()
