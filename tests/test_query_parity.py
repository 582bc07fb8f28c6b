"""Every saved question has a Cypher and a SPARQL version with the same name and parameters, and
both return the same rows for the same articles (the seed plus a hand-built pair), Oxigraph and Neo4j."""

from __future__ import annotations

import re

import pytest

from kg import queries
from kg.model import Extraction
from kg.ontology import taxonomy
from kg.stores import open_store
from tests.test_neo4j_store import sample

# Parameters per saved query: each set runs on both backends. Every saved query must be listed.
PARAMS: dict[str, list[dict[str, str]]] = {
    "alliances": [{}, {"since": "2025-04-21"}, {"since": "2030-01-01"}],
    "condemnations": [{}, {"since": "2025-04-29"}, {"limit": "2"}, {"limit": "2", "offset": "1"}, {"limit": "0"}],
    "deployments": [{}, {"since": "2025-04-29"}, {"limit": "1", "offset": "1"}, {"offset": "1000"}],
    "dyad-timeline": [
        {"state": "North Korea", "other": "rus"},
        {"state": "state:USA", "other": "PRK"},
        {"state": "kim jong un", "other": "Russia"},
        {"state": "North Korea", "other": "rus", "limit": "3", "offset": "2"},
    ],
    "actor-profile": [
        {"actor": "North Korea"},
        {"actor": "Vladimir Putin"},
        {"actor": "state:kor"},
        {"actor": "nobody at all"},
        {"actor": "North Korea", "limit": "5"},
        {"actor": "North Korea", "limit": "5", "offset": "5"},
    ],
    "evidence": [
        {"source": "PRK", "target": "Russia"},
        {"source": "North Korea", "target": "russia", "kind": "supports"},
        {"source": "United States", "target": "North Korea", "kind": "OPPOSES"},
        {"source": "Russia", "target": "North Korea"},
        {"source": "PRK", "target": "RUS", "kind": "ALLIED_WITH"},
        {"source": "PRK", "target": "Russia", "limit": "1", "offset": "1"},
    ],
    "connection": [
        {"source": "United States", "target": "Russia"},
        {"source": "South Korea", "target": "Kim Jong Un"},
        {"source": "KCNA", "target": "South Korea"},
        {"source": "North Korea", "target": "North Korea"},
    ],
}

# The saved queries that page their rows (limit/offset, newest first); the rest return a bounded
# number of rows (state pairs, shortest paths) and take no page.
PAGED = {"actor-profile", "condemnations", "deployments", "dyad-timeline", "evidence"}

# Queries that must find something on this data (so that parity is not two empty lists).
NON_EMPTY = {
    ("alliances", 0),
    ("condemnations", 0),
    ("deployments", 0),
    ("dyad-timeline", 0),
    ("actor-profile", 0),
    ("evidence", 0),
    ("evidence", 2),
    ("connection", 0),
    ("connection", 1),
    ("condemnations", 2),
    ("condemnations", 3),
    ("deployments", 2),
    ("dyad-timeline", 3),
    ("actor-profile", 4),
    ("actor-profile", 5),
    ("evidence", 5),
}


@pytest.fixture(scope="module")
def both_stores(neo4j_server, seed_extractions, tmp_path_factory):
    from neo4j import GraphDatabase

    with GraphDatabase.driver(neo4j_server.bolt_uri, auth=None) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    data = [*sample(), *seed_extractions]
    neo = open_store(neo4j_server.bolt_uri)
    ox = open_store(str(tmp_path_factory.mktemp("parity") / "ox"))
    neo.write(data)
    ox.write(data)
    yield neo, ox
    neo.close()
    ox.close()


def test_every_saved_query_has_both_languages_and_a_parameter_table():
    catalogue = queries.catalogue()
    assert {q.name for q in catalogue} == set(PARAMS)
    for q in catalogue:
        assert q.cypher and q.sparql, f"{q.name}: needs queries/{q.name}.cypher and queries/{q.name}.rq"
        assert q.description, q.name
        for given in PARAMS[q.name]:
            q.bind(given)  # every parameter set is valid for the query


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_both_backends_return_the_same_rows(both_stores, name):
    neo, ox = both_stores
    saved = queries.load(name)
    for i, given in enumerate(PARAMS[name]):
        bound = saved.bind(given)
        from_neo4j = neo.run_query(saved, bound)
        from_oxigraph = ox.run_query(saved, bound)
        assert from_neo4j == from_oxigraph, f"{name} {given}"
        if (name, i) in NON_EMPTY:
            assert from_neo4j, f"{name} {given} found nothing on either backend"
        if name in PAGED:
            assert len(from_neo4j) <= bound["limit"], f"{name} {given}"


@pytest.mark.parametrize("name", sorted(PAGED))
def test_pages_are_slices_of_the_whole_answer_newest_first(both_stores, name):
    """limit/offset page the one total order (newest first, then the other columns) on both
    backends: the pages, put together, are the whole answer, and each page is the same slice
    of it on Neo4j and on Oxigraph."""
    neo, ox = both_stores
    saved = queries.load(name)
    given = PARAMS[name][0]
    whole = neo.run_query(saved, saved.bind({**given, "limit": "100000"}))
    assert whole == ox.run_query(saved, saved.bind({**given, "limit": "100000"}))
    assert len(whole) >= 3, f"{name}: too few rows on the test data to page"
    dates = [r.get("date", "") for r in whole]
    assert dates == sorted(dates, reverse=True), f"{name}: not newest first"
    for size in (1, 2, 3):
        for store in (neo, ox):
            pages = []
            for offset in range(0, len(whole) + size, size):
                page = store.run_query(saved, saved.bind({**given, "limit": str(size), "offset": str(offset)}))
                assert len(page) <= size
                pages += page
            assert pages == whole, f"{name}: pages of {size} on {store.location}"
    # the default page: the first 100 rows
    assert neo.run_query(saved, saved.bind(given)) == whole[:100]


def test_page_parameters_are_checked_and_only_digits_reach_the_sparql():
    saved = queries.load("condemnations")
    for bad in ("-1", "1.5", "ten", "1; DROP ALL", "1000000001"):
        with pytest.raises(queries.QueryError):
            saved.bind({"limit": bad})
        with pytest.raises(queries.QueryError):
            saved.bind({"offset": bad})
    text = saved.sparql_for(saved.bind({"limit": "7", "offset": "21"}))
    assert "LIMIT 7 OFFSET 21" in text and "?limit" not in text and "?offset" not in text
    # Only an int can be written there, whatever a caller passes around bind().
    for value in ("7", 7.0, True, -1, "7 } INSERT DATA { <urn:a> <urn:b> <urn:c> }"):
        with pytest.raises(queries.QueryError):
            saved.sparql_for({"since": None, "limit": value, "offset": 0})
    # Every paged query pages in both languages, with the same parameters.
    for name in PAGED:
        q = queries.load(name)
        assert {"limit", "offset"} <= {p.name for p in q.params}, name
        assert "SKIP $offset LIMIT $limit" in (q.cypher or ""), name
        assert "LIMIT ?limit OFFSET ?offset" in (q.sparql or ""), name


def test_seed_answers(both_stores):
    neo, _ = both_stores
    rows = neo.run_query(queries.load("alliances"), queries.load("alliances").bind({}))
    assert rows[0]["supporter"] == "North Korea" and rows[0]["supported"] == "Russia" and rows[0]["events"] >= 3
    saved = queries.load("evidence")
    evidence = neo.run_query(saved, saved.bind({"source": "PRK", "target": "RUS", "kind": "SUPPORTS", "limit": "1000"}))
    sentences = {r["sentence"] for r in evidence}
    assert "Kim Jong Un sent shells to Russia." in sentences
    assert any("North Korea" in s and "troops" in s for s in sentences if s != "Kim Jong Un sent shells to Russia.")
    path = neo.run_query(queries.load("connection"), {"source": "United States", "target": "Russia"})
    assert path and path[0]["path"].startswith("United States -[") and path[0]["path"].endswith("]- Russia")
    assert path[0]["path"].count(" -[") == path[0]["hops"] and all(p["hops"] == path[0]["hops"] for p in path)


def test_evidence_stance_table_follows_the_taxonomy():
    """evidence.rq spells out each type's stance (SPARQL cannot read the TOML); it must say what the taxonomy says."""
    text = queries.load("evidence").sparql or ""
    found = set(re.findall(r'\("(\w+)" "(\w+)" (UNDEF|"\w*") (UNDEF|"\w*") (UNDEF|"\w*")\)', text))
    expected = set()
    for name, et in taxonomy().types.items():
        ws = et.when_supporting
        q = lambda v: f'"{v}"'  # noqa: E731
        expected.add((name, et.coding.stance, *((q(ws.plover), q(ws.mode or ""), q(ws.stance)) if ws else ("UNDEF",) * 3)))
    assert found == expected


def test_an_event_told_by_many_articles_stays_cheap_and_equal(neo4j_uri, tmp_path):
    """The RDF union of graphs repeats a triple once per article; the saved SPARQL must not multiply
    those copies (24 articles telling the same events once made a query run for minutes)."""
    import dataclasses
    import time

    articles = []
    for i in range(24):
        base = sample()[i % 2]
        art = dataclasses.replace(base.article, id=f"{base.article.id}-{i}")
        evs = [e.with_mentions(tuple(dataclasses.replace(m, article=art.id) for m in e.mentions)) for e in base.events]
        articles.append(Extraction(art, evs))
    with open_store(neo4j_uri) as neo, open_store(str(tmp_path / "ox")) as ox:
        neo.write(articles)
        ox.write(articles)
        for q in queries.catalogue():
            bound = q.bind(PARAMS[q.name][0])
            start = time.perf_counter()
            from_oxigraph = ox.run_query(q, bound)
            took = time.perf_counter() - start
            assert took < 5, f"{q.name} took {took:.1f} s on Oxigraph"
            assert neo.run_query(q, bound) == from_oxigraph, q.name
        assert neo.stats() == ox.stats()
