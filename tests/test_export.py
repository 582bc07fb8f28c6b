"""kg export: every format parses back with rdflib to the same triples; TriG and N-Quads keep
the named graphs; JSON-LD uses the published context."""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from pyoxigraph import NamedNode
from rdflib import Dataset, Graph, Literal, URIRef

from kg import rdf
from kg.paths import ontology_dir
from kg.rdf_export import FORMATS, export_store
from kg.stores import open_store
from tests.conftest import ROOT
from tests.rdf_sample import sample_extractions

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig", "nquads": "nquads"}
DISTINCT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "store"
    with open_store(str(path)) as st:
        st.write(sample_extractions())
    return path


@pytest.fixture(scope="module")
def expected(store_path):
    with open_store(str(store_path), read_only=True) as st:
        quads = set(st._store)
        triples = st._select(DISTINCT_TRIPLES)[0]["n"]
    return quads, triples


def _export(store_path, fmt: str) -> bytes:
    buf = io.BytesIO()
    with open_store(str(store_path), read_only=True) as st:
        export_store(st, fmt, buf)
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_triple_formats_parse_back_to_the_union_of_graphs(store_path, expected, fmt):
    _quads, triples = expected
    assert triples == 134  # 131 the articles and entities say, and a first date per event
    g = Graph()
    g.parse(data=_export(store_path, fmt), format=RDFLIB_FORMAT[fmt])
    assert len(g) == triples
    reference = Graph()
    reference.parse(data=_export(store_path, "ntriples"), format="nt")
    assert set(g) == set(reference)


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dataset_formats_keep_every_quad_and_named_graph(store_path, expected, fmt):
    quads, _triples = expected
    ds = Dataset()
    ds.parse(data=_export(store_path, fmt), format=RDFLIB_FORMAT[fmt])
    parsed = {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}
    assert len(parsed) == len(quads) == 154
    graphs = {g for *_spo, g in parsed}
    named = (rdf.article_graph("a-1"), rdf.article_graph("a-2"), rdf.ENTITIES_GRAPH, rdf.EVENT_DATES_GRAPH)
    assert graphs == {URIRef(g.value) for g in named}
    assert parsed == {(_term(q.subject), _term(q.predicate), _term(q.object), _term(q.graph_name)) for q in quads}


def _term(term):
    if isinstance(term, NamedNode):
        return URIRef(term.value)
    plain = term.language or term.datatype.value == rdf.XSD + "string"
    return Literal(term.value, lang=term.language, datatype=None if plain else URIRef(term.datatype.value))


def test_json_ld_is_compacted_with_the_published_context(store_path):
    doc = json.loads(_export(store_path, "jsonld"))
    published = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert doc["@context"] == published
    nodes = {n["@id"]: n for n in doc["@graph"]}
    deploy = next(n for n in nodes.values() if n.get("@type") == "Deployment")
    assert deploy["actor"] == "gkid:state/PRK"
    assert deploy["troops"] == "10000" and deploy["plover"] == "gk:plover-AID-military"
    assert deploy["date"] == "2024-11-01" and deploy["eventType"] == "Deployment"
    assert len(deploy["wasDerivedFrom"]) == 2  # reported by both articles
    assert nodes["gkid:state/PRK"]["sameAs"] == "wd:Q423"


def test_json_ld_keeps_every_value_of_every_kind():
    """Two booleans, numbers of several types, language tags, blank nodes, foreign IRIs: nothing is lost."""
    from pyoxigraph import BlankNode, Literal, NamedNode, Quad
    from pyoxigraph import Store as OxStore

    from kg.stores.oxigraph import OxigraphStore

    s, g = NamedNode(rdf.ID + "event/e-1"), rdf.article_graph("x")
    xsd = lambda t: NamedNode(rdf.XSD + t)  # noqa: E731
    objects = [
        Literal("true", datatype=xsd("boolean")), Literal("false", datatype=xsd("boolean")),
        Literal("1", datatype=xsd("integer")), Literal("1.0", datatype=xsd("double")), Literal("1.5", datatype=xsd("decimal")),
        Literal("Kiew", language="de"), Literal("plain"), BlankNode("b1"), NamedNode("urn:isbn:123"),
        Literal("2024-01-02", datatype=xsd("date")), Literal("not a date", datatype=xsd("string")),
    ]
    mem = OxStore()
    mem.extend(Quad(s, NamedNode(rdf.GK + p), o, g) for p in ("flag", "date", "actor") for o in objects)
    mem.add(Quad(s, NamedNode(rdf.RDF + "type"), NamedNode(rdf.GK + "Attack"), g))
    buf = io.BytesIO()
    export_store(OxigraphStore(mem, "memory"), "jsonld", buf)
    parsed = Graph()
    parsed.parse(data=buf.getvalue(), format="json-ld")
    assert len(parsed) == 3 * len(objects) + 1


def test_every_format_is_offered_by_the_cli_and_writes_a_file(store_path, tmp_path, expected):
    assert set(FORMATS) == set(RDFLIB_FORMAT)
    out = tmp_path / "graph.ttl"
    proc = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "kg"), "export", "--format", "turtle", "--store", str(store_path), "--out", str(out)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    g = Graph()
    g.parse(out, format="turtle")
    assert len(g) == expected[1]
    assert "@prefix gk: <https://w3id.org/geokg/ontology#>" in out.read_text(encoding="utf-8")
