"""Stores and how a STORE argument picks one.

STORE is a folder (the embedded Oxigraph store), a bolt://, neo4j:// or neo4j+s:// URI (Neo4j),
or an http(s) SPARQL 1.1 endpoint.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.stores.base import Stats, Store, StoreError, WriteReport

DEFAULT_STORE = "./kg-data"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def resolve(spec: str | None) -> str:
    return spec or os.environ.get("KG_STORE") or DEFAULT_STORE


def open_store(spec: str | None = None, *, create: bool = True, read_only: bool = False) -> Store:
    """Open the store named by spec (or $KG_STORE, or ./kg-data). Raises StoreError."""
    spec = resolve(spec)
    lowered = spec.lower()
    if lowered.startswith(NEO4J_SCHEMES):
        from kg.stores.neo4j import Neo4jStore

        return Neo4jStore.connect(spec)
    if lowered.startswith(("http://", "https://")):
        from kg.stores.remote import RemoteSparqlStore

        return RemoteSparqlStore.connect(spec)
    if "://" in spec:
        raise StoreError(f"unknown store {spec!r}: use a folder, bolt://, neo4j://, neo4j+s:// or an http(s) SPARQL endpoint")
    from kg.stores.oxigraph import OxigraphStore

    return OxigraphStore.open(Path(spec), create=create, read_only=read_only)


__all__ = ["Stats", "Store", "StoreError", "WriteReport", "open_store", "resolve", "DEFAULT_STORE"]
