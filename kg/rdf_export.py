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

from pyoxigraph import RdfFormat
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


def _write_jsonld(store: Store, output: BinaryIO) -> None:
    from rdflib import Graph

    triples = io.BytesIO()
    _dump(store, RdfFormat.N_TRIPLES, True, triples)
    graph = Graph()
    graph.parse(data=triples.getvalue(), format="nt")
    text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=1, ensure_ascii=False)
    output.write(text.encode("utf-8"))
    if not text.endswith("\n"):
        output.write(b"\n")


def export_store(store: Store, fmt: str, output: BinaryIO) -> None:
    """Write the store as `fmt` (a key of FORMATS) to a binary stream."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "jsonld":
        _write_jsonld(store, output)
        return
    rdf_format, union = FORMATS[fmt]
    _dump(store, rdf_format, union, output)
