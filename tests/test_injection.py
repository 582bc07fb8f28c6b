"""Hostile text and parameters against Neo4j, remote SPARQL endpoints (Oxigraph server, Fuseki)
and, for what they share with it, the embedded store: article text, entity names, ids and query
parameters are stored or compared verbatim and never become Cypher or SPARQL text.

A canary written beside the data before anything else proves that nothing but the intended data
changed; an end-to-end `kg ingest` + `kg report` shows hostile text rendered as text in HTML.
(The embedded store's own hostile-text, kill -9 and second-writer tests are in test_store_safety.)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess

import pytest

from kg import queries
from kg.model import Article, Entity, EntityKind, Event, Extraction, Mention
from kg.stores import StoreError, open_store
from tests.conftest import ROOT

KG = str(ROOT / ".venv" / "bin" / "kg")

HOSTILE = [
    'He said "stop" \\ and left \\" \\\\" `back`ticks`',
    "}} ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
    "') DETACH DELETE n //",
    "MATCH (n) DETACH DELETE n",
    "'}) MATCH (n) DETACH DELETE n WITH 1 AS x CREATE (:Pwned {by: 'name'}) //",
    '"}) CALL db.clearQueryCaches() //',
    "DROP GRAPH <https://w3id.org/geokg/graph/entities> ; CLEAR ALL",
    "<script>alert(1)</script> & <b>bold</b>",
    "line\nbreak\ttab \r\n\u2028 \U0001f600 émoji العربية",
    "' OR 1=1 -- ?since $since {since} ${since} ?actor",
    '""" \'\'\' """)} } } ]]> -->',
]
CANARY = "canary-must-survive"


def hostile_extraction(i: int, text: str, article_id: str | None = None) -> Extraction:
    """An article whose text, title, URL, id, entity names and attributes are all hostile."""
    text = text.replace("\x00", "")
    actor = Entity(f"organisation:evil-{i}-{text[:12]}", text, EntityKind.ORGANISATION, country="PRK", aliases=(text,))
    target = Entity("state:RUS", "Russia", EntityKind.STATE, country="RUS")
    place = Entity(f"place:{text[:20]}", text, EntityKind.PLACE, country="UKR", lat=50.0, lon=30.0)
    art = Article(
        id=article_id or f"a-{i}-{text[:20]}",
        text=text,
        title=text,
        url="https://example.org/?q=" + text[:30],
        published=dt.date(2025, 4, 28),
        source=text,
    )
    ev = Event(
        "MilitaryAid",
        (actor,),
        (target,),
        places=(place,),
        plover_type="AID",
        plover_mode="military",
        score=10.0,
        reported=art.published,
        date_text=text,
        attribution=actor,
        mentions=(Mention(art.id, text, 0, len(text)),),
        attributes={"note": text, text[:15]: text, "troops": 3},
    )
    return Extraction(art, [ev])


def hostile_extractions() -> list[Extraction]:
    return [hostile_extraction(i, t) for i, t in enumerate(HOSTILE)]


def _expected(extractions: list[Extraction]) -> dict:
    events = sorted((ev for x in extractions for ev in x.events), key=lambda e: e.id)
    return {
        "ids": [e.id for e in events],
        "sentences": sorted(m.sentence for e in events for m in e.mentions),
        "actors": sorted(e.actors[0].name for e in events),
        "places": sorted(p.name for e in events for p in e.places),
        "attributes": sorted(json.dumps(e.attributes, sort_keys=True) for e in events),
    }


def _got(store) -> dict:
    events = sorted(store.events(), key=lambda e: e.id)
    return {
        "ids": [e.id for e in events],
        "sentences": sorted(m.sentence for e in events for m in e.mentions),
        "actors": sorted(e.actors[0].name for e in events),
        "places": sorted(p.name for e in events for p in e.places),
        "attributes": sorted(json.dumps(e.attributes, sort_keys=True) for e in events),
    }


def hostile_params(saved: queries.SavedQuery) -> list[dict[str, str]]:
    """For each hostile text, every string-like parameter set to it (dates and numbers keep defaults)."""
    out = []
    for text in HOSTILE:
        given = {p.name: text for p in saved.params if p.type in ("string", "entity")}
        for p in saved.params:
            if p.type not in ("string", "entity") and p.default is None:
                given[p.name] = {"date": "2020-01-01", "int": "3", "float": "1.5"}[p.type]
        out.append(given)
    return out


# --- Neo4j --------------------------------------------------------------------------------------


def _neo4j_census(uri: str) -> dict:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        labels = driver.execute_query("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n ORDER BY l", routing_="r").records
        rels = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t", routing_="r").records
        canary = driver.execute_query("MATCH (c:Canary {id: $id}) RETURN count(c) AS n", id=CANARY, routing_="r").records
        keys = driver.execute_query("MATCH (n) UNWIND keys(n) AS k RETURN DISTINCT k ORDER BY k", routing_="r").records
    return {
        "labels": {r["l"]: r["n"] for r in labels},
        "rels": {r["t"]: r["n"] for r in rels},
        "canary": canary[0]["n"],
        "keys": [r["k"] for r in keys],
    }


def _plant_neo4j_canary(uri: str) -> None:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        driver.execute_query("CREATE (:Canary {id: $id})", id=CANARY)


def test_neo4j_hostile_text_is_stored_verbatim_and_nothing_else_changes(neo4j_uri):
    _plant_neo4j_canary(neo4j_uri)
    extractions = hostile_extractions()
    with open_store(neo4j_uri) as st:
        st.write(extractions)
        once = _neo4j_census(neo4j_uri)
        st.write(extractions)  # replacing the articles runs the forget/merge statements over hostile ids
        assert _got(st) == _expected(extractions)
        stats = st.stats()
    census = _neo4j_census(neo4j_uri)
    assert census == once
    assert census["canary"] == 1
    assert stats.articles == stats.events == stats.mentions == len(HOSTILE)
    # labels and relationship types come from the model and the taxonomy only
    assert set(census["labels"]) == {"Canary", "Article", "Entity", "Organisation", "State", "Place", "Event", "MilitaryAid"}
    assert set(census["rels"]) <= {"ACTOR", "RECIPIENT", "IN_PLACE", "ATTRIBUTED_TO", "REPORTED_IN", "PART_OF",
                                   "SUPPORTS", "OPPOSES", "ALLIED_WITH"}  # fmt: skip
    assert "Pwned" not in census["labels"]
    # an attribute key from article text never becomes a property name (only identifiers with int/bool values do)
    assert not any(k.startswith(tuple(t[:15] for t in HOSTILE)) for k in census["keys"] if k not in ("id", "troops"))


def test_neo4j_hostile_event_type_is_refused_before_anything_is_written(neo4j_uri):
    _plant_neo4j_canary(neo4j_uri)
    [x] = [hostile_extraction(0, "text")]
    bad = dataclasses.replace(x.events[0], type="MilitaryAid`) DETACH DELETE e //")
    with open_store(neo4j_uri) as st, pytest.raises((ValueError, StoreError)):
        st.write([Extraction(x.article, [bad])])
    census = _neo4j_census(neo4j_uri)
    assert census["canary"] == 1 and set(census["labels"]) <= {"Canary"}


def test_neo4j_hostile_query_parameters_are_only_values(neo4j_uri):
    _plant_neo4j_canary(neo4j_uri)
    with open_store(neo4j_uri) as st:
        st.write(hostile_extractions())
        before = _neo4j_census(neo4j_uri)
        for saved in queries.catalogue():
            if not saved.cypher:
                continue
            for given in hostile_params(saved):
                st.run_query(saved, saved.bind(given))
        # a hostile name finds exactly its own entity: the parameter is compared, not executed
        rows = st.run_query(queries.load("actor-profile"), queries.load("actor-profile").bind({"actor": HOSTILE[4]}))
        assert rows, "the hostile actor is found by its exact name"
    assert _neo4j_census(neo4j_uri) == before


# --- remote SPARQL endpoints (Oxigraph server and Fuseki) ---------------------------------------


@pytest.fixture(scope="module", params=["oxigraph", "fuseki"])
def sparql_server(request, tmp_path_factory):
    sparql_servers = pytest.importorskip("tests.sparql_servers", reason="tests/sparql_servers.py has not landed")
    if request.param == "oxigraph":
        manager = sparql_servers.oxigraph_server(tmp_path_factory.mktemp("oxigraph-injection"))
    else:
        manager = sparql_servers.fuseki_server()
    with manager as srv:
        yield srv


@pytest.fixture
def endpoint(sparql_server) -> str:
    from kg.stores.remote import RemoteSparqlStore

    store = RemoteSparqlStore(sparql_server.base_url)
    store.update("DROP ALL")
    store.update(f'INSERT DATA {{ GRAPH <urn:canary> {{ <urn:canary> <urn:says> "{CANARY}" }} }}')
    return sparql_server.base_url


def _remote_census(store) -> dict:
    graphs = store._select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    canary = store._select(f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <urn:canary> {{ <urn:canary> <urn:says> "{CANARY}" }} }}')
    stray = store._select(
        'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "urn:x")) } }'
    )
    return {"graphs": {g["g"]: g["n"] for g in graphs}, "canary": canary[0]["n"], "stray": stray[0]["n"]}


def test_remote_hostile_text_is_stored_verbatim_and_equals_the_embedded_store(endpoint, tmp_path):
    extractions = hostile_extractions()
    with open_store(endpoint) as st:
        st.write(extractions)
        once = _remote_census(st)
        st.batch_quads = 1  # one update request per article as well
        st.write(extractions)
        assert _remote_census(st) == once
        assert once["canary"] == 1 and once["stray"] == 0
        assert _got(st) == _expected(extractions)
        remote_stats = st.stats().to_dict()
    with open_store(str(tmp_path / "embedded")) as st:
        st.write(extractions)
        assert remote_stats == st.stats().to_dict()
    # the canary's graph plus one graph per article, the entities graph and the events' first dates
    assert len(once["graphs"]) == 1 + len(HOSTILE) + 2


def test_remote_hostile_query_parameters_are_only_values(endpoint):
    with open_store(endpoint) as st:
        st.write(hostile_extractions())
        before = _remote_census(st)
        for saved in queries.catalogue():
            if not saved.sparql:
                continue
            for given in hostile_params(saved):
                st.run_query(saved, saved.bind(given))
        saved = queries.load("actor-profile")
        assert st.run_query(saved, saved.bind({"actor": HOSTILE[1]})), "the hostile actor is found by its exact name"
        assert _remote_census(st) == before


# --- what the SPARQL stores share: one parameter's value must not be rescanned for another -------


def _three_states() -> list[Extraction]:
    """PRK -> RUS, and USA -> an organisation whose name (from article text) is SPARQL syntax."""
    out = []
    evil = Entity("organisation:evil", CROSS["target"], EntityKind.ORGANISATION)
    for i, (a, b) in enumerate(((Entity("state:PRK", "PRK", EntityKind.STATE, country="PRK"),
                                 Entity("state:RUS", "RUS", EntityKind.STATE, country="RUS")),
                                (Entity("state:USA", "USA", EntityKind.STATE, country="USA"), evil))):  # fmt: skip
        x = hostile_extraction(i, f"plain text {i}")
        ev = dataclasses.replace(x.events[0], actors=(a,), recipients=(b,), places=(), attribution=None)
        out.append(Extraction(x.article, [ev]))
    return out


CROSS = {"source": "?target", "target": ") || true || ("}


def _cross_check(store) -> None:
    saved = queries.load("connection")
    assert store.run_query(saved, saved.bind({"source": "PRK", "target": "RUS"})), "the pair is connected"
    assert store.run_query(saved, saved.bind({"source": "USA", "target": CROSS["target"]})), "found by its odd name"
    # No actor is called "?target": a value that mentions another parameter must stay a value, not
    # become `LCASE("") || true || ("")` (the other value spliced into it) and match every actor.
    assert store.run_query(saved, saved.bind(CROSS)) == []


# bind_parameters once substituted one parameter after the other, so a value containing "?other"
# was rescanned and the other value spliced into its literal; these hold it to a single pass.
def test_embedded_one_parameter_value_never_becomes_query_text_through_another(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        st.write(_three_states())
        _cross_check(st)


def test_remote_one_parameter_value_never_becomes_query_text_through_another(endpoint):
    with open_store(endpoint) as st:
        st.write(_three_states())
        _cross_check(st)


def test_neo4j_cross_parameters_are_values(neo4j_uri):
    with open_store(neo4j_uri) as st:
        st.write(_three_states())
        _cross_check(st)


# --- end to end: a hostile article through `kg ingest` and `kg report` ---------------------------


def test_kg_ingest_and_report_render_a_hostile_article_as_text(tmp_path):
    sentence = 'North Korea deployed troops to Russia <script>alert("x")</script> on Monday, officials said.'
    records = [
        {"id": "evil-1", "title": "<img src=x onerror=alert(1)> Troops", "url": "javascript:alert(document.cookie)",
         "published": "2024-10-20", "text": f"{sentence} The United States condemned North Korea </td></tr></table><b>."},
    ]  # fmt: skip
    src = tmp_path / "hostile.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store, out = tmp_path / "store", tmp_path / "report.html"
    proc = subprocess.run([KG, "ingest", str(src), "--store", str(store), "--quiet"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([KG, "report", "relations", "--store", str(store), "--out", str(out), "--quiet"],
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "alert(" in html, "the hostile sentence is in the report (as text)"
    assert "<script>" not in html and "<img src=x" not in html and "onerror=alert(1)>" not in html
    assert "javascript:" not in html and "</td></tr></table><b>" not in html
    assert "&lt;script&gt;" in html
