"""kill -9 of the real `kg ingest` process while it loads into a real Neo4j, then the same ingest
again: the graph equals one clean run (same counts, same event ids, same derived relations).

Each batch of articles is one Neo4j transaction (KG_NEO4J_BATCH articles: 2 in the killed run so
the kill lands between many commits, 50 in the clean run and the rerun, so the result does not
depend on batching either); a transaction cut by the kill is rolled back by the server, and running
the ingest again replaces what each article said before.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.stores import open_store
from tests.conftest import ROOT

KG = str(ROOT / ".venv" / "bin" / "kg")
STATES = ["Russia", "Ukraine", "China", "Japan", "France", "Germany", "Iran", "Israel", "Turkey", "India", "Pakistan",
          "Brazil", "Poland", "Canada", "Egypt", "Syria"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
N_ARTICLES = 90


def corpus(path: Path, n: int = N_ARTICLES) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a, b = STATES[i % len(STATES)], STATES[(i * 7 + 3) % len(STATES)]
            if a == b:
                b = STATES[(i + 1) % len(STATES)]
            day, month = 1 + i % 27, MONTHS[(i // 27) % len(MONTHS)]
            text = (
                f"{a} deployed troops to {b} on {month} {day}, 2024, officials said. "
                f"{b} condemned {a} the next day. "
                f"{a} and {b} signed an agreement on trade in {month} 2024."
            )
            fh.write(json.dumps({"id": f"crash-{i:04d}", "text": text, "published": f"2024-{MONTHS.index(month) + 1:02d}-28"}))
            fh.write("\n")
    return path


def ingest(src: Path, uri: str, batch: int = 50, **popen) -> subprocess.Popen:
    env = {**os.environ, "KG_NEO4J_BATCH": str(batch), "KG_QUIET": "1"}
    return subprocess.Popen([KG, "ingest", str(src), "--store", uri, "--quiet"], env=env, **popen)


def snapshot(uri: str) -> dict:
    from neo4j import GraphDatabase

    with open_store(uri) as st:
        stats = st.stats().to_dict()
        ids = sorted(e.id for e in st.events())
    with GraphDatabase.driver(uri, auth=None) as driver:
        rels = driver.execute_query(
            "MATCH (s:State)-[r:SUPPORTS|OPPOSES|ALLIED_WITH]->(t:State) "
            "RETURN s.id AS s, type(r) AS k, t.id AS t, r.weight AS w, r.events AS n ORDER BY s, k, t"
        ).records
        counts = driver.execute_query(
            "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
            "RETURN nodes, rels"
        ).records[0]
    return {"stats": stats, "ids": ids, "relations": [tuple(r.values()) for r in rels], "nodes": counts["nodes"],
            "rels": counts["rels"]}  # fmt: skip


def _articles(uri: str) -> int:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        return driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]


def _empty(uri: str) -> None:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")


@pytest.mark.slow
def test_kill_9_of_kg_ingest_into_neo4j_then_rerun_equals_a_clean_run(neo4j_uri, tmp_path):
    src = corpus(tmp_path / "articles.jsonl")

    clean_run = ingest(src, neo4j_uri, stderr=subprocess.PIPE)
    assert clean_run.wait(600) == 0, clean_run.stderr.read()
    clean = snapshot(neo4j_uri)
    assert clean["stats"]["articles"] == N_ARTICLES and clean["stats"]["events"] > N_ARTICLES
    assert clean["relations"], "the clean run derived state relations"

    _empty(neo4j_uri)
    proc = ingest(src, neo4j_uri, batch=2, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while (stored := _articles(neo4j_uri)) < 10:  # some batches committed: the load is under way
        assert proc.poll() is None, "the ingest finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.5)  # the server notices the dropped connection and rolls back the open transaction
    partial = snapshot(neo4j_uri)
    assert stored <= partial["stats"]["articles"] < N_ARTICLES, "the kill landed mid-load"
    # every stored article was written whole: its events and mentions came in the same transaction
    assert partial["stats"]["mentions"] > 0 and set(partial["ids"]) <= set(clean["ids"])

    rerun = ingest(src, neo4j_uri, stderr=subprocess.PIPE)
    assert rerun.wait(600) == 0, rerun.stderr.read()
    assert snapshot(neo4j_uri) == clean
