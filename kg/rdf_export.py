"""RDF export from any store: the embedded store dumps itself; others are rebuilt from the model."""

from __future__ import annotations

from typing import BinaryIO

from pyoxigraph import RdfFormat, Store as OxStore

from kg import rdf
from kg.model import Article
from kg.stores.base import Store

FORMATS = {
    "turtle": (RdfFormat.TURTLE, True),
    "ntriples": (RdfFormat.N_TRIPLES, True),
    "jsonld": (RdfFormat.JSON_LD, True),
    "trig": (RdfFormat.TRIG, False),
    "nquads": (RdfFormat.N_QUADS, False),
}


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


def export_store(store: Store, fmt: str, output: BinaryIO) -> None:
    rdf_format, union = FORMATS[fmt]
    dump = getattr(store, "dump", None)
    if dump is not None:
        dump(output, rdf_format, union)
        return
    from kg.stores.oxigraph import OxigraphStore

    OxigraphStore(to_memory(store), "memory").dump(output, rdf_format, union)
