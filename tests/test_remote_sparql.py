"""The remote SPARQL backend against real servers started by the tests: Oxigraph's server and
Apache Jena Fuseki (each once per module). Same data, same events, same saved-query rows as
the embedded store; errors are one line and never show credentials."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess

import pytest
from rdflib import Dataset, Graph

from kg import queries
from kg.model import Extraction
from kg.rdf_export import export_store
from kg.stores import StoreError, open_store
from kg.stores.remote import RemoteSparqlStore
from kg.validate import validate_store
from tests.conftest import ROOT
from tests.rdf_sample import sample_events, sample_extractions

pytestmark = pytest.mark.sparql
KG = str(ROOT / ".venv" / "bin" / "kg")


@pytest.fixture(scope="module", params=["oxigraph", "fuseki"])
def server(request, tmp_path_factory):
    from tests import sparql_servers

    if request.param == "oxigraph":
        manager = sparql_servers.oxigraph_server(tmp_path_factory.mktemp("oxigraph-server"))
    else:
        manager = sparql_servers.fuseki_server()
    with manager as srv:
        yield srv


@pytest.fixture
def endpoint(server) -> str:
    """The module's server, emptied before each test."""
    RemoteSparqlStore(server.base_url).update("DROP ALL")
    return server.base_url


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    path = tmp_path_factory.mktemp("embedded") / "store"
    with open_store(str(path)) as st:
        st.write(sample_extractions())
    return path


def _dataset(store) -> set:
    buf = io.BytesIO()
    export_store(store, "nquads", buf)
    ds = Dataset()
    ds.parse(data=buf.getvalue(), format="nquads")
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}


def test_the_sample_round_trips_and_equals_the_embedded_store(endpoint, embedded):
    with open_store(endpoint) as st:
        st.write(sample_extractions())
        st.write(sample_extractions())  # idempotent
        assert sorted(st.events(), key=lambda e: e.id) == sample_events()
        remote_stats, remote_quads = st.stats().to_dict(), _dataset(st)
    with open_store(str(embedded), read_only=True) as st:
        assert remote_stats == st.stats().to_dict()
        assert remote_quads == _dataset(st)
    assert len(remote_quads) == 154  # 151 the articles and entities say, and one first date per event


def test_a_changed_article_replaces_its_graph(endpoint):
    first, second = sample_extractions()
    with open_store(endpoint) as st:
        st.batch_quads = 1  # one update request per article
        st.write([first, second])
        st.write([Extraction(first.article, [first.events[1]]), Extraction(second.article, [])])
        events = list(st.events())
        assert [(e.type, [m.article for m in e.mentions]) for e in events] == [("Condemnation", ["a-1"])]
        assert st.stats().articles == 2


def test_saved_query_rows_equal_the_embedded_store(endpoint, embedded):
    saved = queries.load("alliances")
    with open_store(endpoint) as st:
        st.write(sample_extractions())
        remote = st.run_query(saved, saved.bind({}))
    with open_store(str(embedded), read_only=True) as st:
        local = st.run_query(saved, saved.bind({}))
    row = {"supporter": "North Korea", "supported": "Russia", "events": 2, "mentions": 3}
    assert remote == local == [{**row, "first": "2024-11-01", "last": "2024-11-03"}]


def test_seed_alliances_same_rows_through_the_cli(endpoint, seed_extractions, tmp_path):
    local = tmp_path / "local"
    for spec in (str(local), endpoint):
        with open_store(spec) as st:
            st.write(seed_extractions)
    rows = []
    for spec in (str(local), endpoint):
        proc = subprocess.run([KG, "query", "alliances", "--store", spec, "--format", "json"], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        rows.append(json.loads(proc.stdout))
    assert rows[0] == rows[1]
    assert rows[0] and rows[0][0]["supporter"] == "North Korea" and rows[0][0]["supported"] == "Russia"


def test_validate_and_export_from_the_endpoint(endpoint):
    with open_store(endpoint) as st:
        st.write(sample_extractions())
        report = validate_store(st)
        assert report.conforms, report.lines()
        buf = io.BytesIO()
        export_store(st, "turtle", buf)
    g = Graph()
    g.parse(data=buf.getvalue(), format="turtle")
    assert len(g) == report.checked["triples"] == 134
    proc = subprocess.run([KG, "validate", "--store", endpoint], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("conforms: 3 events"), proc.stderr


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_endpoint_is_one_line_and_exit_2_without_credentials():
    url = f"http://alice:s3cret-pw@127.0.0.1:{_closed_port()}/kg"
    env = {**os.environ, "KG_SPARQL_USER": "bob", "KG_SPARQL_PASSWORD": "hunter2-pw"}
    proc = subprocess.run([KG, "stats", "--store", url], capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stdout == ""
    assert proc.stderr.startswith("kg: error: SPARQL endpoint http://127.0.0.1:") and "unreachable" in proc.stderr
    for secret in ("s3cret-pw", "hunter2-pw", "alice", "bob"):
        assert secret not in proc.stderr


def test_http_errors_are_one_line_store_errors(server):
    with pytest.raises(StoreError) as err:
        RemoteSparqlStore.connect(server.base_url.rstrip("/") + "/no-such-dataset")
    assert "HTTP 404" in str(err.value) and "\n" not in str(err.value)
    store = RemoteSparqlStore.connect(server.base_url)
    with pytest.raises(StoreError) as err:
        store._select("SELECT * WHERE { this is not sparql }")
    assert "query failed: HTTP 400" in str(err.value) and "\n" not in str(err.value)
