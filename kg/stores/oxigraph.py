"""The embedded default store: pyoxigraph on disk, one named graph per article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from pyoxigraph import Store as OxStore

from kg.stores.base import StoreError
from kg.stores.sparql import PREFIX_BLOCK, SparqlStore, bind_parameters, to_python


class OxigraphStore(SparqlStore):
    def __init__(self, store: OxStore, location: str, read_only: bool = False) -> None:
        self._store = store
        self.location = location
        self._read_only = read_only

    @classmethod
    def open(cls, path: Path, *, create: bool = True, read_only: bool = False) -> OxigraphStore:
        if path.exists() and not path.is_dir():
            raise StoreError(f"store {path}: exists and is not a folder")
        if not path.exists():
            if not create or read_only:
                raise StoreError(f"store {path}: no such store (run `kg ingest` first)")
            try:
                path.mkdir(parents=True)
            except OSError as exc:
                raise StoreError(f"store {path}: cannot create it ({exc.strerror})") from None
        try:
            store = OxStore.read_only(str(path)) if read_only else OxStore(str(path))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreError(f"store {path}: in use by another kg process; wait for it to finish and try again") from None
            raise StoreError(f"store {path}: cannot open it ({text.splitlines()[0] if text else type(exc).__name__})") from None
        return cls(store, str(path), read_only)

    def _select(self, query: str, bindings: dict[str, Literal] | None = None) -> list[dict[str, Any]]:
        if bindings:
            query = bind_parameters(query, bindings)
        try:
            solutions = self._store.query(query, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None
        names = [v.value for v in solutions.variables]
        return [{n: to_python(sol[n]) for n in names if sol[n] is not None} for sol in solutions]

    def _replace_article(self, graph: NamedNode, own: list[Quad], shared: list[Quad]) -> None:
        # One SPARQL update is one transaction: readers and a crash see the old graph or the new one.
        if self._store.contains_named_graph(graph):
            body = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in own)
            self._store.update(f"DROP SILENT GRAPH {graph} ; INSERT DATA {{ GRAPH {graph} {{ {body} }} }}")
        else:
            self._store.extend(own)
        self._store.extend(shared)

    def dump(self, output: Any, fmt: RdfFormat, union: bool) -> None:
        """Write every quad (TriG, N-Quads) or the union of all graphs (triple formats)."""
        if union:
            triples = self._store.query(PREFIX_BLOCK + "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            from pyoxigraph import serialize

            serialize(triples, output, fmt, prefixes=_prefixes())
        else:
            self._store.dump(output, fmt, prefixes=_prefixes())

    def close(self) -> None:
        if not self._read_only:
            self._store.flush()
        del self._store


def _prefixes() -> dict[str, str]:
    from kg.rdf import PREFIXES

    return dict(PREFIXES)
