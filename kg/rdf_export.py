"""RDF export from any store, the one export path (kg export, kg validate, the API).

Oxigraph and remote SPARQL stores dump their own quads; other stores (Neo4j) are rebuilt from
the model into an in-memory Oxigraph dataset first. Triple formats (Turtle, N-Triples, JSON-LD)
carry the union of all graphs, each triple once; dataset formats (TriG, N-Quads) keep one named
graph per article and the entities graph. JSON-LD is compacted with the published context,
ontology/context.jsonld, written inline so the file reads back without fetching anything.
"""

from __future__ import annotations

import io
import json
from functools import cache
from typing import Any, BinaryIO

from pyoxigraph import BlankNode, NamedNode, RdfFormat
from pyoxigraph import Store as OxStore

from kg import rdf
from kg.model import Article
from kg.paths import ontology_dir
from kg.stores.base import Store

# name -> (format, union of graphs?)
FORMATS = {
    "turtle": (RdfFormat.TURTLE, True),
    "ntriples": (RdfFormat.N_TRIPLES, True),
    "jsonld": (RdfFormat.JSON_LD, True),
    "trig": (RdfFormat.TRIG, False),
    "nquads": (RdfFormat.N_QUADS, False),
}

# Where the context is published beside the ontology (https://w3id.org/geokg/ontology/context.jsonld).
CONTEXT_URL = rdf.BASE + "ontology/context.jsonld"


@cache
def jsonld_context() -> dict[str, Any]:
    """The published JSON-LD @context (ontology/context.jsonld, written by scripts/build_ontology.py)."""
    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def to_memory(store: Store) -> OxStore:
    """The store's events as an in-memory Oxigraph dataset, one named graph per article."""
    mem = OxStore()
    by_article: dict[str, list] = {}
    for ev in store.events():
        for article_id in ev.articles:
            by_article.setdefault(article_id, []).append(ev)
    for article_id, events in by_article.items():
        own, shared = rdf.extraction_quads(Article(id=article_id, text=""), events)
        mem.extend(own)
        mem.extend(shared)
    return mem


def _dump(store: Store, rdf_format: RdfFormat, union: bool, output: BinaryIO) -> None:
    dump = getattr(store, "dump", None)
    if dump is not None:
        dump(output, rdf_format, union)
        return
    from kg.stores.oxigraph import OxigraphStore

    OxigraphStore(to_memory(store), "memory").dump(output, rdf_format, union)


class _Compactor:
    """Writes JSON-LD node objects with the published context's terms, losslessly.

    (rdflib's JSON-LD compaction drops values: of two booleans on one node it keeps one.) A
    value uses a term only when the term's coercion fits it exactly; otherwise the key is the
    property's compact IRI and the value an explicit {"@value", "@type"} or {"@id"} object.
    """

    def __init__(self, ctx: dict[str, Any]) -> None:
        self.prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("#", "/"))}
        self.terms: dict[tuple[str, str | None], str] = {}  # (property IRI, coercion) -> term
        self.classes: dict[str, str] = {}
        for term, definition in ctx.items():
            if term in self.prefixes:
                continue
            iri = self.expand(definition if isinstance(definition, str) else definition["@id"])
            coercion = None if isinstance(definition, str) else definition.get("@type")
            coercion = coercion if coercion in (None, "@id") else self.expand(coercion)
            self.terms.setdefault((iri, coercion), term)
            if isinstance(definition, str):
                self.classes.setdefault(iri, term)

    def expand(self, curie: str) -> str:
        prefix, sep, local = curie.partition(":")
        return self.prefixes[prefix] + local if sep and prefix in self.prefixes else curie

    def compact(self, iri: str) -> str:
        best = max((ns for ns in self.prefixes.values() if iri.startswith(ns) and len(iri) > len(ns)), key=len, default=None)
        if best is None:
            return iri
        prefix = next(k for k, v in self.prefixes.items() if v == best)
        return f"{prefix}:{iri[len(best):]}"

    def node_ref(self, term: Any) -> str:
        return f"_:{term.value}" if isinstance(term, BlankNode) else self.compact(term.value)

    def key_and_value(self, predicate: str, obj: Any) -> tuple[str, Any]:
        if isinstance(obj, NamedNode | BlankNode):
            term = self.terms.get((predicate, "@id"))
            return (term, self.node_ref(obj)) if term else (self.compact(predicate), {"@id": self.node_ref(obj)})
        if obj.language:
            return self.compact(predicate), {"@value": obj.value, "@language": obj.language}
        datatype = obj.datatype.value
        if datatype == rdf.XSD + "string":
            term = self.terms.get((predicate, None))
            return (term, obj.value) if term else (self.compact(predicate), obj.value)
        term = self.terms.get((predicate, datatype))
        if term:
            return term, obj.value
        return self.compact(predicate), {"@value": obj.value, "@type": self.compact(datatype)}

    def node(self, subject: Any, triples: list[Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"@id": self.node_ref(subject)}
        types = [self.classes.get(t.object.value, self.compact(t.object.value)) for t in triples
                 if t.predicate.value == rdf.RDF + "type" and isinstance(t.object, NamedNode)]
        if types:
            out["@type"] = types[0] if len(types) == 1 else sorted(types)
        props: dict[str, list[Any]] = {}
        for t in triples:
            if t.predicate.value == rdf.RDF + "type" and isinstance(t.object, NamedNode):
                continue
            key, value = self.key_and_value(t.predicate.value, t.object)
            props.setdefault(key, []).append(value)
        for key in sorted(props):
            values = props[key]
            out[key] = values[0] if len(values) == 1 else values
        return out


def _write_jsonld(store: Store, output: BinaryIO) -> None:
    from pyoxigraph import parse

    triples = io.BytesIO()
    _dump(store, RdfFormat.N_TRIPLES, True, triples)
    by_subject: dict[Any, list[Any]] = {}
    for t in parse(triples.getvalue(), RdfFormat.N_TRIPLES):
        by_subject.setdefault(t.subject, []).append(t)
    compactor = _Compactor(jsonld_context())
    graph = [compactor.node(s, ts) for s, ts in sorted(by_subject.items(), key=lambda kv: str(kv[0]))]
    doc = {"@context": jsonld_context(), "@graph": graph}
    output.write(json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8") + b"\n")


def export_store(store: Store, fmt: str, output: BinaryIO) -> None:
    """Write the store as `fmt` (a key of FORMATS) to a binary stream."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "jsonld":
        _write_jsonld(store, output)
        return
    rdf_format, union = FORMATS[fmt]
    _dump(store, rdf_format, union, output)
