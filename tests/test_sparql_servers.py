"""The SPARQL test servers themselves (tests/sparql_servers.py): Apache Jena Fuseki from
scripts/fuseki-server and Oxigraph's server answer SPARQL 1.1 query, update and Graph Store
Protocol requests at the URLs the helpers name, with the default-graph behaviour documented there."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Graph

from tests import sparql_servers
from tests.sparql_servers import ServerError, free_port

pytestmark = pytest.mark.sparql

G1 = "http://example.org/graph/article-1"
G2 = "http://example.org/graph/article-2"
EX = "http://example.org/"
TURTLE = f"""@prefix ex: <{EX}> .
ex:kyiv ex:name "Kyiv"@en , "Київ"@uk ;
    ex:population 2952301 ;
    ex:capitalOf ex:ukraine .
ex:ukraine ex:name "Ukraine" .
"""

_no_java = shutil.which("java") is None or (
    shutil.which("mvn") is None and not (sparql_servers.FUSEKI_SCRIPT.parent / "fuseki" / "target" / ".built").exists()
)
fuseki_only = pytest.mark.skipif(_no_java, reason="Fuseki needs Java 17 (and Maven for the first build)")


@pytest.fixture(scope="module", params=["fuseki", "oxigraph"])
def server(request, tmp_path_factory):
    if request.param == "fuseki":
        if _no_java:
            pytest.skip("Fuseki needs Java 17 (and Maven for the first build)")
        manager = sparql_servers.fuseki_server()
    else:
        manager = sparql_servers.oxigraph_server(tmp_path_factory.mktemp("oxigraph-server"))
    with manager as srv:
        yield srv


@pytest.fixture
def empty(server):
    server.clear()
    return server


def test_urls_name_the_endpoints(server):
    port = server.port
    if server.kind == "Fuseki":
        assert server.base_url == f"http://127.0.0.1:{port}/kg"
        assert (server.query_url, server.update_url, server.gsp_url) == (
            f"http://127.0.0.1:{port}/kg/query", f"http://127.0.0.1:{port}/kg/update", f"http://127.0.0.1:{port}/kg/data",
        )  # fmt: skip
    else:
        assert server.base_url == f"http://127.0.0.1:{port}"
        assert (server.query_url, server.update_url, server.gsp_url) == (
            f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/update", f"http://127.0.0.1:{port}/store",
        )  # fmt: skip
    assert server.running and server.pid


def test_insert_data_into_a_named_graph_and_select_it_back(empty):
    empty.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{EX}s> <{EX}p> "o1" , "Ω ünïcode"@el }} }}')
    with_graph = empty.select("SELECT ?g ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o")
    assert with_graph == [{"g": G1, "s": f"{EX}s", "o": "o1"}, {"g": G1, "s": f"{EX}s", "o": "Ω ünïcode"}]
    # Without GRAPH: the union of the named graphs (Fuseki always; Oxigraph when asked).
    rows = empty.select("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o", union=True)
    assert rows == [{"s": f"{EX}s", "o": "o1"}, {"s": f"{EX}s", "o": "Ω ünïcode"}]
    assert empty.query(f'ASK {{ GRAPH <{G1}> {{ <{EX}s> <{EX}p> "o1" }} }}')["boolean"] is True


def test_default_graph_of_queries(empty):
    empty.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}p> "named" }} }}')
    empty.update(f'INSERT DATA {{ <{EX}b> <{EX}p> "stored default" }}')
    plain = {r["o"] for r in empty.select("SELECT ?o { ?s ?p ?o }")}
    union = {r["o"] for r in empty.select("SELECT ?o { ?s ?p ?o }", union=True)}
    if empty.kind == "Fuseki":
        # tdb2:unionDefaultGraph: the union of the named graphs only; the stored default graph is
        # still there (GSP ?default, GRAPH <urn:x-arq:DefaultGraph>) but hidden from plain queries.
        assert plain == union == {"named"}
        hidden = empty.select("SELECT ?o { GRAPH <urn:x-arq:DefaultGraph> { ?s ?p ?o } }")
        assert hidden == [{"o": "stored default"}]
    else:
        # Oxigraph: the stored default graph, or with union-default-graph every graph incl. default.
        assert plain == {"stored default"}
        assert union == {"named", "stored default"}
    assert '"stored default"' in empty.get_graph(None)


def test_put_turtle_through_the_graph_store_protocol_and_count_it(empty):
    assert empty.put_graph(G2, TURTLE) in (200, 201, 204)
    count = empty.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}")
    assert count == [{"n": "5"}]
    assert empty.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union=True) == [{"n": "5"}]
    back = Graph().parse(data=empty.get_graph(G2), format="nt")
    assert len(back) == 5 and set(back) == set(Graph().parse(data=TURTLE, format="turtle"))
    # PUT replaces, POST merges.
    empty.put_graph(G2, f'<{EX}x> <{EX}p> "only" .')
    empty.post_graph(G2, f'<{EX}y> <{EX}p> "more" .', "application/n-triples")
    assert empty.select(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}") == [{"n": "2"}]


def test_update_drop_graph_and_drop_all(empty):
    empty.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}p> 1 }} GRAPH <{G2}> {{ <{EX}b> <{EX}p> 2 }} }}")
    empty.update(f"DROP SILENT GRAPH <{G1}> ; DROP SILENT GRAPH <{EX}never-there>")
    assert empty.select("SELECT ?g { GRAPH ?g { } }") == [{"g": G2}]
    empty.clear()
    assert empty.select("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }") == [{"n": "0"}]


def test_a_bad_query_is_an_http_400_with_the_servers_message(server):
    with pytest.raises(ServerError, match=r"HTTP 400"):
        server.query("SELECT WHERE nonsense")


@pytest.mark.parametrize("server", ["fuseki"], indirect=True)
def test_fuseki_other_endpoints(empty):
    import urllib.parse
    import urllib.request

    empty.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}p> "x" }} }}')
    ask = urllib.parse.quote('ASK { ?s ?p "x" }')
    for url in (f"{empty.base_url}/sparql?query={ask}", f"{empty.base_url}?query={ask}"):
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})) as r:
            assert b"true" in r.read()
    get = urllib.request.Request(f"{empty.base_url}/get?graph={urllib.parse.quote(G1)}", headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(get) as r:
        assert b'"x"' in r.read()
    # The dataset URL answers GSP for the whole dataset: N-Quads with the graph names.
    with urllib.request.urlopen(urllib.request.Request(empty.base_url, headers={"Accept": "application/n-quads"})) as r:
        assert f"<{G1}> .".encode() in r.read()


def test_oxigraph_union_default_graph_option(tmp_path):
    with sparql_servers.oxigraph_server(tmp_path / "ox", union_default_graph=True) as srv:
        srv.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}p> "named" }} }}')
        assert srv.select("SELECT ?o { ?s ?p ?o }") == [{"o": "named"}]


def test_oxigraph_keeps_its_data_across_a_restart_and_reports_failures(tmp_path):
    with sparql_servers.oxigraph_server(tmp_path / "ox") as srv:
        srv.put_graph(G1, TURTLE)
        port = srv.port
        srv.stop()
        assert not srv.running
        srv.start()
        assert srv.port == port
        assert srv.select(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}") == [{"n": "5"}]
        # Same store directory, second server: RocksDB's lock; the error carries its output.
        locked = r"(?s)exited with code 1.*last output:.*(lock|LOCK|Resource)"
        with pytest.raises(ServerError, match=locked), sparql_servers.oxigraph_server(tmp_path / "ox"):
            pass


@fuseki_only
def test_fuseki_on_disk_keeps_its_data_and_stops_cleanly(tmp_path):
    with sparql_servers.fuseki_server(tmp_path / "tdb2") as srv:
        assert srv.data_dir == tmp_path / "tdb2"
        srv.put_graph(G1, TURTLE)
        port = srv.port
        assert srv.stop() == 0  # SIGTERM: Jetty stopped, dataset closed, exit 0
        assert "fuseki-server: stopped" in srv.output()
        srv.start()
        assert srv.port == port and srv.base_url == f"http://127.0.0.1:{port}/kg"
        assert srv.select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") == [{"n": "5"}]
        # The port is taken: the error names the exit code and carries the server's output.
        taken = r"(?s)exited with code 1.*last output:.*failed to start"
        with pytest.raises(ServerError, match=taken), sparql_servers.fuseki_server(port=port):
            pass
    assert (tmp_path / "tdb2").is_dir() and any((tmp_path / "tdb2").iterdir())


def test_free_port_is_bindable():
    import socket

    port = free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))
