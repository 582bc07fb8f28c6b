"""SHACL: ingested data conforms; broken data is caught, and the message names the node and the property."""

from __future__ import annotations

import subprocess

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from rdflib import Graph, URIRef
from rdflib import Literal as RLiteral

from kg import rdf
from kg.stores import open_store
from kg.validate import store_graph, validate_graph, validate_store
from tests.conftest import ROOT
from tests.rdf_sample import sample_events, sample_extractions

GK = rdf.GK
PROV = rdf.PROV


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("validate") / "store"
    with open_store(str(path)) as st:
        st.write(sample_extractions())
    return path


@pytest.fixture
def sample_graph(sample_store) -> Graph:
    with open_store(str(sample_store), read_only=True) as st:
        return store_graph(st)


def _event(name: str) -> URIRef:
    ev = next(e for e in sample_events() if e.type == name)
    return URIRef(rdf.event_iri(ev.id).value)


def _curie(node: URIRef) -> str:
    return "gkid:" + str(node).removeprefix(rdf.ID)


def test_sample_conforms(sample_store):
    with open_store(str(sample_store), read_only=True) as st:
        report = validate_store(st)
    assert report.conforms, report.lines()
    assert report.checked == {"events": 3, "mentions": 4, "articles": 2, "triples": 134}
    assert report.lines() == ["conforms: 3 events, 4 mentions, 2 articles, 134 triples checked against ontology/shapes.ttl"]


def test_seed_ingest_conforms(seed_extractions, tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        st.write(seed_extractions)
        report = validate_store(st)
    assert report.conforms, report.lines()
    assert report.checked["events"] == sum(len(x.events) for x in seed_extractions) > 5


def test_an_event_without_an_actor_is_caught_by_name(sample_graph):
    event = _event("Condemnation")
    sample_graph.remove((event, URIRef(GK + "actor"), None))
    report = validate_graph(sample_graph)
    assert not report.conforms
    assert [(v.focus, v.path, v.message) for v in report.violations] == [
        (_curie(event), "gk:actor", "an event needs at least one actor (gk:actor)")
    ]
    assert report.lines()[0] == f"Violation: {_curie(event)} gk:actor: an event needs at least one actor (gk:actor)"
    assert report.lines()[-1].startswith("does not conform: 1 violation(s) in 3 events")


def test_an_event_without_a_mention_or_a_type_is_caught(sample_graph):
    event = _event("MilitaryAid")
    sample_graph.remove((event, URIRef(PROV + "wasDerivedFrom"), None))
    sample_graph.remove((event, URIRef(rdf.RDF + "type"), None))
    report = validate_graph(sample_graph)
    found = {(v.focus, v.path, v.message) for v in report.violations}
    assert (_curie(event), "prov:wasDerivedFrom", "an event needs at least one mention (prov:wasDerivedFrom)") in found
    one_type = "an event needs exactly one event type of the taxonomy (rdf:type, a subclass of gk:Event)"
    assert (_curie(event), "rdf:type", one_type) in found


def test_dates_must_be_xsd_dates_and_scores_in_range(sample_graph):
    event = _event("Deployment")
    sample_graph.remove((event, URIRef(GK + "date"), None))
    sample_graph.add((event, URIRef(GK + "date"), RLiteral("1 November 2024")))
    sample_graph.remove((event, URIRef(GK + "score"), None))
    sample_graph.add((event, URIRef(GK + "score"), RLiteral(42.0)))
    report = validate_graph(sample_graph)
    lines = {(v.path, v.value) for v in report.violations if v.focus == _curie(event)}
    assert lines == {("gk:date", "'1 November 2024'"), ("gk:score", "'42.0'")}


def test_unknown_types_and_plover_concepts_and_bad_wikidata_links_are_caught(sample_graph):
    event = _event("Condemnation")
    sample_graph.remove((event, URIRef(rdf.RDF + "type"), None))
    sample_graph.add((event, URIRef(rdf.RDF + "type"), URIRef(GK + "Invasion")))
    sample_graph.remove((event, URIRef(GK + "plover"), None))
    sample_graph.add((event, URIRef(GK + "plover"), URIRef(GK + "plover-ACCUSE-shout")))
    twice = _event("MilitaryAid")
    sample_graph.add((twice, URIRef(rdf.RDF + "type"), URIRef(GK + "Attack")))
    state = URIRef(rdf.iri_for("state:RUS").value)
    sample_graph.add((state, URIRef(rdf.OWL + "sameAs"), URIRef("https://en.wikipedia.org/wiki/Russia")))
    report = validate_graph(sample_graph)
    by_focus = {(v.focus, v.path) for v in report.violations}
    assert (_curie(event), "rdf:type") in by_focus  # not a taxonomy type
    assert (_curie(twice), "rdf:type") in by_focus  # two types
    assert (_curie(event), "gk:plover") in by_focus
    assert ("gkid:state/RUS", "owl:sameAs") in by_focus


def test_a_mention_without_its_sentence_or_with_start_after_end(sample_graph):
    mention = next(sample_graph.subjects(URIRef(GK + "sentence"), RLiteral("Ukraine condemned it.")))
    sample_graph.remove((mention, URIRef(GK + "sentence"), None))
    sample_graph.remove((mention, URIRef(GK + "start"), None))
    sample_graph.add((mention, URIRef(GK + "start"), RLiteral(999)))
    report = validate_graph(sample_graph)
    assert {(v.path, v.message) for v in report.violations if v.focus == _curie(mention)} == {
        ("gk:sentence", "a mention needs its sentence (gk:sentence; empty for coded datasets such as GDELT that have no text)"),
        ("gk:start", "a mention's gk:start must not be after its gk:end"),
    }


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / ".venv" / "bin" / "kg"), *args], capture_output=True, text=True, cwd=ROOT)


def test_kg_validate_exit_codes_and_output(sample_store, tmp_path):
    ok = _kg("validate", "--store", str(sample_store))
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("conforms: 3 events")
    broken = tmp_path / "broken"
    with open_store(str(broken)) as st:
        st.write(sample_extractions())
        event = next(e for e in sample_events() if e.type == "Condemnation")
        s = rdf.event_iri(event.id)
        for q in list(st._store.quads_for_pattern(s, NamedNode(GK + "actor"), None, None)):
            st._store.remove(q)
        st._store.add(Quad(s, NamedNode(GK + "date"), Literal("yesterday"), rdf.article_graph("a-1")))
    bad = _kg("validate", "--store", str(broken))
    assert bad.returncode == 1
    lines = bad.stdout.splitlines()
    assert f"Violation: gkid:event/{event.id} gk:actor: an event needs at least one actor (gk:actor)" in lines
    assert f"Violation: gkid:event/{event.id} gk:date: gk:date must be an xsd:date (YYYY-MM-DD) (value 'yesterday')" in lines
    assert lines[-1] == "does not conform: 2 violation(s) in 3 events, 4 mentions, 2 articles, 134 triples"
    missing = _kg("validate", "--store", str(tmp_path / "nothing-here"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "no such store" in missing.stderr
