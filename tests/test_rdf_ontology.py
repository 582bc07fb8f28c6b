"""The OWL ontology and JSON-LD context: generated from the taxonomy, in sync with it, and
covering every term the data uses, each with a label and a comment."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef

from kg import rdf
from kg.ontology import taxonomy
from kg.paths import ontology_dir
from tests.conftest import ROOT
from tests.rdf_sample import sample_extractions

GK = Namespace(rdf.GK)
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SEM = Namespace(rdf.SEM)


def _builder():
    spec = importlib.util.spec_from_file_location("build_ontology", ROOT / "scripts" / "build_ontology.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_ontology", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "geokg.ttl", format="turtle")
    return g


def test_committed_ontology_and_context_are_what_the_generator_writes_from_the_taxonomy():
    for path, text in _builder().outputs().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run scripts/build_ontology.py"


def test_a_changed_taxonomy_changes_the_ontology(monkeypatch):
    """The generator reads the taxonomy, so a new type or new coding cannot be missed by the sync test."""
    import dataclasses

    builder = _builder()
    tax = taxonomy()
    blockade = dataclasses.replace(tax["Sanction"], name="Blockade", label="Blockade", comment="Ports closed.")
    changed = dataclasses.replace(tax, types={**tax.types, "Blockade": blockade})
    text = builder.build_turtle(changed)
    assert text != builder.build_turtle(tax)
    assert 'gk:Blockade a owl:Class ;\n    rdfs:subClassOf gk:Event ;\n    rdfs:label "Blockade"@en' in text


def test_every_event_type_of_the_taxonomy_is_a_sem_event_class_with_its_coding(onto):
    types = {s for s in onto.subjects(RDFS.subClassOf, GK.Event)}
    assert {str(t).removeprefix(rdf.GK) for t in types} == set(taxonomy().types)
    assert (GK.Event, RDFS.subClassOf, SEM.Event) in onto
    for name, et in taxonomy().types.items():
        cls = GK[name]
        assert (cls, RDF.type, OWL.Class) in onto
        assert str(onto.value(cls, RDFS.label)) == et.label
        assert str(onto.value(cls, RDFS.comment)) == et.comment
        assert str(onto.value(cls, GK.defaultCameo)) == et.coding.cameo
        assert float(onto.value(cls, GK.defaultScore)) == et.coding.score
        assert {str(r) for r in onto.objects(cls, GK.cameoRoot)} == set(et.cameo_roots)
        if et.coding.plover:
            concept = onto.value(cls, GK.codedAs)
            assert concept == URIRef(rdf.plover_concept(et.coding.plover, et.coding.mode).value)
            assert (concept, RDF.type, SKOS.Concept) in onto
    deployment = onto.value(GK.Deployment, GK.codedAsWhenSupporting)
    assert deployment == URIRef(rdf.GK + "plover-AID-military")
    assert onto.value(deployment, SKOS.broader) == URIRef(rdf.GK + "plover-AID")


def test_plover_scheme_has_the_16_types_and_every_mode_the_taxonomy_emits(onto):
    tops = set(onto.objects(GK["plover-scheme"], SKOS.hasTopConcept))
    assert len(tops) == 16
    assert {str(onto.value(t, SKOS.notation)) for t in tops} >= {"MOBILIZE", "ASSAULT", "AID", "ACCUSE"}
    for et in taxonomy().types.values():
        if not et.coding.plover:
            continue
        for mode in (et.coding.mode, *et.modes):
            concept = URIRef(rdf.plover_concept(et.coding.plover, mode).value)
            assert (concept, RDF.type, SKOS.Concept) in onto, concept


def test_entity_classes_are_sem_actors_and_places(onto):
    for kind in ("State", "Person", "Organisation", "ArmedGroup"):
        assert (GK[kind], RDFS.subClassOf, SEM.Actor) in onto
    assert (GK.Place, RDFS.subClassOf, SEM.Place) in onto
    assert (GK.actor, RDFS.subPropertyOf, SEM.hasActor) in onto
    assert (GK.place, RDFS.subPropertyOf, SEM.hasPlace) in onto
    assert (GK.date, RDFS.subPropertyOf, SEM.hasTimeStamp) in onto
    assert (GK.Mention, RDFS.subClassOf, URIRef(rdf.PROV + "Entity")) in onto


def test_every_gk_term_has_a_label_and_a_comment(onto):
    terms = {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(rdf.GK)}
    assert len(terms) > 60
    missing = sorted(str(t) for t in terms if onto.value(t, RDFS.label) is None or onto.value(t, RDFS.comment) is None)
    assert missing == []
    ontology = URIRef(rdf.GK.rstrip("#"))
    assert (ontology, RDF.type, OWL.Ontology) in onto
    assert str(onto.value(ontology, URIRef("http://purl.org/vocab/vann/preferredNamespaceUri"))) == rdf.GK


def test_every_gk_term_the_data_uses_is_defined(onto):
    attribute_keys = {k for x in sample_extractions() for e in x.events for k in e.attributes}
    used: set[str] = set()
    for x in sample_extractions():
        own, shared = rdf.extraction_quads(x.article, x.events)
        for q in (*own, *shared):
            used.add(q.predicate.value)
            if q.predicate.value == rdf.RDF + "type" or q.predicate.value == rdf.GK + "plover":
                used.add(q.object.value)
    gk_terms = {u for u in used if u.startswith(rdf.GK) and u.removeprefix(rdf.GK) not in attribute_keys}
    undefined = sorted(t for t in gk_terms if onto.value(URIRef(t), RDFS.label) is None)
    assert undefined == []
    assert len(gk_terms) >= 35


def test_json_ld_context_maps_every_object_property_to_iris(onto):
    ctx = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert ctx["gk"] == rdf.GK and ctx["gkid"] == rdf.ID
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        if not str(prop).startswith(rdf.GK):
            continue
        name = str(prop).removeprefix(rdf.GK)
        assert ctx[name] == {"@id": f"gk:{name}", "@type": "@id"}
    assert ctx["date"] == {"@id": "gk:date", "@type": "xsd:date"}
    assert ctx["sameAs"] == {"@id": "owl:sameAs", "@type": "@id"}
    assert all(ctx[name] == f"gk:{name}" for name in taxonomy().types)
