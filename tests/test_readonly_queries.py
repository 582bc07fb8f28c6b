"""Saved queries run read-only: a saved query that tries to write fails and changes nothing.

Neo4j runs them in READ transactions (access mode READ), the embedded store through its query
(not update) entry point, a remote endpoint at its query (not update) URL. Each query here is a
real SavedQuery loaded with kg.queries.load from a temporary queries folder.
"""

from __future__ import annotations

import pytest

from kg import queries
from kg.queries import QueryError
from kg.stores import StoreError, open_store
from tests.rdf_sample import sample_extractions

WRITING_CYPHER = {
    "create": "CREATE (:Pwned {by: 'saved query'}) RETURN 1 AS x",
    "merge": "MERGE (p:Pwned {by: 'merge'}) RETURN p.by AS x",
    "delete": "MATCH (n) DETACH DELETE n RETURN 1 AS x",
    "set": "MATCH (e:Event) SET e.score = -99 RETURN count(e) AS x",
    "remove": "MATCH (a:Article) REMOVE a:Article RETURN count(a) AS x",
    "schema": "CREATE INDEX pwned IF NOT EXISTS FOR (n:Pwned) ON (n.by)",
    "in-transactions": "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN 1 AS x",
    "read-then-write": "MATCH (e:Event) WITH e LIMIT 1 CREATE (e)-[:PWNED]->(:Pwned) RETURN 1 AS x",
}
WRITING_SPARQL = {
    "insert": 'INSERT DATA { GRAPH <urn:pwned> { <urn:a> <urn:b> "pwned" } }',
    "delete": "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "drop": "DROP ALL",
    "clear": "CLEAR DEFAULT",
    "select-then-update": 'SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <urn:a> <urn:b> "pwned" }',
    "modify": "PREFIX gk: <https://w3id.org/geokg/ontology#> "
    'DELETE { ?e gk:score ?s } INSERT { ?e <urn:b> "pwned" } WHERE { ?e gk:score ?s }',
}


def saved(tmp_path, name: str, cypher: str | None = None, sparql: str | None = None) -> queries.SavedQuery:
    folder = tmp_path / "queries"
    folder.mkdir(exist_ok=True)
    if cypher is not None:
        (folder / f"{name}.cypher").write_text(f"// name: {name}\n// description: tries to write\n{cypher}\n")
    if sparql is not None:
        (folder / f"{name}.rq").write_text(f"# name: {name}\n# description: tries to write\n{sparql}\n")
    return queries.load(name, directory=folder)


def _fingerprint(store) -> tuple:
    stats = store.stats().to_dict()
    events = sorted((e.id, e.score, tuple(m.sentence for m in e.mentions)) for e in store.events())
    return stats, events


# --- Neo4j --------------------------------------------------------------------------------------


def _neo4j_everything(uri: str) -> tuple:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        nodes = driver.execute_query("MATCH (n) RETURN count(n) AS n, collect(DISTINCT labels(n)) AS l").records[0]
        rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]
        indexes = driver.execute_query("SHOW INDEXES YIELD name RETURN collect(name) AS names").records[0]["names"]
    return nodes["n"], sorted(map(sorted, nodes["l"])), rels, sorted(indexes)


def test_neo4j_saved_queries_that_write_fail_and_change_nothing(neo4j_uri, tmp_path):
    with open_store(neo4j_uri) as st:
        st.write(sample_extractions())
        before, raw_before = _fingerprint(st), _neo4j_everything(neo4j_uri)
        for kind, cypher in WRITING_CYPHER.items():
            query = saved(tmp_path, f"write-{kind}", cypher=cypher)
            with pytest.raises((StoreError, QueryError)) as err:
                st.run_query(query, {})
            assert "\n" not in str(err.value), kind
            assert _fingerprint(st) == before, kind
            assert _neo4j_everything(neo4j_uri) == raw_before, kind


def test_neo4j_saved_query_that_reads_still_works(neo4j_uri, tmp_path):
    query = saved(tmp_path, "read", cypher="MATCH (e:Event) RETURN count(e) AS events")
    with open_store(neo4j_uri) as st:
        st.write(sample_extractions())
        assert st.run_query(query, {}) == [{"events": st.stats().events}]


# --- embedded Oxigraph ----------------------------------------------------------------------------


def test_embedded_saved_queries_that_write_fail_and_change_nothing(tmp_path):
    path = str(tmp_path / "store")
    with open_store(path) as st:
        st.write(sample_extractions())
        before = _fingerprint(st)
    for kind, sparql in WRITING_SPARQL.items():
        query = saved(tmp_path, f"write-{kind}", sparql=sparql)
        # as `kg query` opens it (read-only) and as the API / reports open it (read-write)
        for read_only in (True, False):
            with open_store(path, create=False, read_only=read_only) as st:
                with pytest.raises((StoreError, QueryError)) as err:
                    st.run_query(query, {})
                assert "\n" not in str(err.value), kind
        with open_store(path, read_only=True) as st:
            assert _fingerprint(st) == before, kind
            assert st._select('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p "pwned" } }') == [{"n": 0}], kind


# --- remote SPARQL endpoints ----------------------------------------------------------------------


@pytest.fixture(scope="module", params=["oxigraph", "fuseki"])
def endpoint_server(request, tmp_path_factory):
    sparql_servers = pytest.importorskip("tests.sparql_servers", reason="tests/sparql_servers.py has not landed")
    if request.param == "oxigraph":
        manager = sparql_servers.oxigraph_server(tmp_path_factory.mktemp("oxigraph-readonly"))
    else:
        manager = sparql_servers.fuseki_server()
    with manager as srv:
        yield srv


@pytest.fixture(scope="module")
def loaded_endpoint(endpoint_server) -> str:
    from kg.stores.remote import RemoteSparqlStore

    RemoteSparqlStore(endpoint_server.base_url).update("DROP ALL")
    with open_store(endpoint_server.base_url) as st:
        st.write(sample_extractions())
    return endpoint_server.base_url


@pytest.mark.parametrize("kind", list(WRITING_SPARQL))
def test_remote_saved_query_that_writes_fails_and_changes_nothing(loaded_endpoint, tmp_path, kind):
    query = saved(tmp_path, f"write-{kind}", sparql=WRITING_SPARQL[kind])
    with open_store(loaded_endpoint) as st:
        before = _fingerprint(st)
        quads = sorted(map(str, st.quads()))
        with pytest.raises((StoreError, QueryError)) as err:
            st.run_query(query, {})
        assert "\n" not in str(err.value)
        assert _fingerprint(st) == before
        assert sorted(map(str, st.quads())) == quads
